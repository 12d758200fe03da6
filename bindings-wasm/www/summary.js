// What the report is (organ, year, template) and what the parser found about it: the failed
// cross-checks explained in plain Chinese with both sides of the equation, the uncertain
// values, and the parser's diagnostics.
import { h } from "./dom.js";

const EDITIONS = {
  2021: "2021 年版（国办公开办函〔2021〕30号）",
  2019: "2019 年版（国办公开办函〔2019〕60号）",
};

/** The layouts the core reads, as a reader would call them. */
export const LAYOUTS = {
  html: "网页表格（HTML）",
  markdown: "Markdown 表格",
  tsv: "制表符分隔",
  csv: "逗号分隔（CSV）",
  cell_per_line: "一格一行",
  tab_cells: "一格一行（制表符缩进）",
  aligned: "空格对齐的列",
  reading_order: "阅读顺序文本",
  column_major: "按列排列的文本",
  glued: "粘连的数字",
};

/** organ / year / template, each marked when the parser was not sure of it. */
export function meta(report) {
  const uncertain = new Set(report.uncertain);
  const item = (key, term, value) =>
    h(
      "div",
      { class: uncertain.has(key) ? "uncertain" : null, "data-field": key },
      h("dt", {}, term),
      h("dd", {}, value ?? h("span", { class: "missing" }, "未识别"), uncertain.has(key) && h("sup", {}, "?")),
    );
  return h(
    "dl",
    { class: "meta" },
    item("organ", "发布机关", report.organ),
    item("year", "报告年度", report.year),
    item("edition", "表格模板", report.edition && EDITIONS[report.edition]),
  );
}

/** Finds a label by key in a `{key, label}` list (the key itself if the core has none). */
const labelOf = (list, key) => list.find((x) => x.key === key)?.label ?? key;

/** One failed check: where, and the two sides of its equation. */
function explain(check, labels) {
  const { rows, columns } = labels.requests;
  const row = (key) => labelOf(rows, key);
  const col = (key) => labelOf(columns, key);
  const parts = (list) => list.map((x) => x.label).join(" + ");
  switch (check.rule) {
    case "row_sum":
      return {
        where: `表三「${row(check.at)}」一行`,
        left: parts(columns.slice(0, -1)),
        right: col("total"),
      };
    case "column_balance":
      return {
        where: `表三「${col(check.at)}」一栏：收到的申请与办理、结转的申请不平衡`,
        left: "一、本年新收 + 二、上年结转",
        right: `三、本年度办理结果${row("total_processed")} + 四、结转下年度继续办理`,
      };
    case "results_sum":
      return {
        where: `表三「${col(check.at)}」一栏：各项办理结果之和与总计不符`,
        left: "（一）至（六）各项办理结果之和",
        right: row("total_processed"),
      };
    case "appeals_sum": {
      const fields = labels.appeals.fields;
      return {
        where: `表四「${labelOf(labels.appeals.groups, check.at)}」`,
        left: parts(fields.slice(0, -1)),
        right: labelOf(fields, "total"),
      };
    }
    default:
      return { where: `${check.rule} · ${check.at}`, left: "各分项之和", right: "所报合计" };
  }
}

/** The 勾稽关系 section: every failed check, or that all hold. */
export function checks(report, labels) {
  const failed = report.failed_checks;
  if (!report.requests && !report.appeals) {
    return h("p", { class: "ok" }, "没有可核对的表三、表四。");
  }
  if (failed.length === 0) {
    return h("p", { class: "ok" }, "✓ 表三、表四的勾稽关系全部成立。");
  }
  return h(
    "div",
    {},
    h("p", {}, `有 ${failed.length} 处勾稽关系不成立（空白格按 0 计；数值均按原文，未作改动）：`),
    h(
      "ol",
      { class: "failed-checks" },
      failed.map((check) => {
        const { where, left, right } = explain(check, labels);
        return h(
          "li",
          { "data-rule": check.rule, "data-at": check.at },
          h("strong", {}, where),
          h("div", { class: "equation" }, `${left} = `, h("b", {}, check.expected)),
          h("div", { class: "equation" }, `${right} = `, h("b", {}, check.found)),
          h("div", { class: "gap" }, `两边应相等，相差 ${Math.abs(check.expected - check.found)}。`),
        );
      }),
    ),
  );
}

/**
 * The cells a failed check points at, to outline in the tables: the total the report states
 * (the right side of the equation).
 */
export function failedCells(report) {
  return new Set(
    report.failed_checks.flatMap(({ rule, at }) => {
      switch (rule) {
        case "row_sum":
          return [`requests.${at}.total`];
        case "column_balance":
          return [`requests.total_processed.${at}`, `requests.carried_forward.${at}`];
        case "results_sum":
          return [`requests.total_processed.${at}`];
        case "appeals_sum":
          return [`appeals.${at}.total`];
        default:
          return [];
      }
    }),
  );
}

/** The legend of the cell marks. */
export function legend() {
  const entry = (cls, sample, text) => h("li", {}, h("span", { class: `swatch ${cls}` }, sample), text);
  return h(
    "ul",
    { class: "legend" },
    entry("blank", "空", "原文此格为空白（不等于 0）"),
    entry("uncertain", "12?", "推断、修复或有歧义的值：原文不能确定，请核对"),
    entry("failed", "35", "勾稽关系不成立处所报的合计"),
    entry("absent", "", "原文缺少此行"),
  );
}

/** What the parser noticed, with line and column in the input. */
export function diagnostics(report) {
  const list = report.diagnostics;
  return h(
    "details",
    { class: "diagnostics" },
    h("summary", {}, `解析记录（${list.length} 条）`),
    list.length === 0
      ? h("p", {}, "无。")
      : h(
          "ol",
          {},
          list.map((d) =>
            h("li", {}, d.line ? `第 ${d.line} 行第 ${d.column} 列 · ` : "", h("code", {}, d.code), ` ${d.message}`),
          ),
        ),
  );
}

// The three tables laid out as the official template lays them out. Row and column labels come
// from the core (`labels()`); only the template's grouping headers that are not labels of a
// row or column (申请人情况, 法人或其他组织, 信息内容) are written here.
import { h } from "./dom.js";

/** The template a report's tables follow; guessed from its rows when the report names none. */
function editionOf(report) {
  if (report.edition) return report.edition;
  const active = report.active_disclosure ?? {};
  const edition2019 =
    "other" in (report.requests ?? {}) ||
    "other_services" in active ||
    "procurement" in active ||
    "newly_made" in (active.regulations ?? {});
  return edition2019 ? "2019" : "2021";
}

/**
 * One value cell. `value` is undefined when the source lacks the whole row, null when the
 * source cell is blank; `ctx.uncertain` and `ctx.failed` hold the paths to mark.
 */
function cell(ctx, path, value, colspan = 1) {
  if (value === undefined) {
    return h("td", { class: "absent", colspan: colspan > 1 && colspan, title: "原文缺少此行" });
  }
  const uncertain = ctx.uncertain.has(path);
  const failed = ctx.failed.has(path);
  const classes = [value === null && "blank", uncertain && "uncertain", failed && "failed"];
  const notes = [
    value === null && "原文此格为空白（不是 0）",
    uncertain && "推断、修复或有歧义的值",
    failed && "勾稽关系不成立处所报的合计",
  ];
  return h(
    "td",
    {
      class: classes.filter(Boolean).join(" ") || null,
      colspan: colspan > 1 && colspan,
      title: notes.filter(Boolean).join("；") || null,
      "data-path": path,
    },
    value === null ? h("span", { class: "mark" }, "空") : String(value),
    uncertain && h("sup", { class: "mark" }, "?"),
  );
}

const TOP_LEVEL = /^[一二三四五六七八九十]+、/;

/**
 * Table 三's row headers: each label split into up to three levels (三、本年度办理结果 /
 * （三）不予公开 / 1.属于国家秘密) by the template's own numbering, and equal levels of
 * neighbouring rows merged with rowspan.
 */
function rowHeaders(rows) {
  let section = null;
  let group = null;
  const levels = rows.map(({ label }) => {
    let rest = label;
    if (TOP_LEVEL.test(rest)) {
      const open = rest.indexOf("（");
      if (open < 0) {
        section = group = null;
        return [rest];
      }
      section = rest.slice(0, open);
      rest = rest.slice(open);
    }
    const space = rest.indexOf(" ");
    if (space >= 0) {
      group = rest.slice(0, space);
      rest = rest.slice(space + 1);
    } else if (!/^\d/.test(rest)) {
      group = null;
    }
    return [section, group, rest].filter((part) => part !== null);
  });
  return levels.map((parts, i) =>
    parts.flatMap((text, level) => {
      const last = level === parts.length - 1;
      if (last) return [h("th", { scope: "row", colspan: 4 - parts.length }, text)];
      const above = levels[i - 1];
      if (above && above.length > level + 1 && above[level] === text) return [];
      let rowspan = 1;
      while (levels[i + rowspan]?.length > level + 1 && levels[i + rowspan][level] === text) rowspan++;
      return [h("th", { scope: "rowgroup", rowspan }, text)];
    }),
  );
}

/** Table 三、收到和处理政府信息公开申请情况. */
export function requestsTable(ctx) {
  const { rows, columns } = ctx.labels.requests;
  const edition = editionOf(ctx.report);
  const shown = rows.filter((row) => row.editions.includes(edition));
  const data = ctx.report.requests;
  const [person, ...others] = columns;
  const orgs = others.slice(0, -1);
  const total = others.at(-1);
  const heads = rowHeaders(shown);
  return h(
    "table",
    { class: "requests" },
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", { rowspan: 3, colspan: 3, class: "corner" }, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"),
        h("th", { colspan: columns.length }, "申请人情况"),
      ),
      h(
        "tr",
        {},
        h("th", { rowspan: 2 }, person.label),
        h("th", { colspan: orgs.length }, "法人或其他组织"),
        h("th", { rowspan: 2 }, total.label),
      ),
      h("tr", {}, orgs.map((c) => h("th", {}, c.label))),
    ),
    h(
      "tbody",
      {},
      shown.map((row, i) =>
        h(
          "tr",
          { "data-row": row.key },
          heads[i],
          columns.map((c) => cell(ctx, `requests.${row.key}.${c.key}`, data[row.key]?.[c.key])),
        ),
      ),
    ),
  );
}

/**
 * Table 二、主动公开政府信息情况: blocks of rows that share a 第二十条 item and their columns,
 * each under its item and a 信息内容 header row; the last column spans what is left.
 */
export function activeTable(ctx) {
  const rows = ctx.labels.active_disclosure[editionOf(ctx.report)];
  const data = ctx.report.active_disclosure;
  const width = 1 + Math.max(...rows.map((row) => row.fields.length));
  const span = (fields, i) => (i === fields.length - 1 ? width - fields.length : 1);
  const body = [];
  let block = null;
  for (const row of rows) {
    const space = row.label.indexOf(" ");
    const item = space < 0 ? block?.item : row.label.slice(0, space);
    const name = row.label.slice(space + 1);
    const columns = row.fields.map((f) => f.key).join();
    if (!block || item !== block.item || columns !== block.columns) {
      body.push(h("tr", { class: "item" }, h("th", { colspan: width }, item)));
      body.push(
        h(
          "tr",
          { class: "head" },
          h("th", {}, "信息内容"),
          row.fields.map((f, i, all) => h("th", { colspan: span(all, i) > 1 && span(all, i) }, f.label)),
        ),
      );
      block = { item, columns };
    }
    body.push(
      h(
        "tr",
        { "data-row": row.key },
        h("th", { scope: "row" }, name),
        row.fields.map((f, i, all) =>
          cell(ctx, `active_disclosure.${row.key}.${f.key}`, data[row.key]?.[f.key], span(all, i)),
        ),
      ),
    );
  }
  return h("table", { class: "active" }, h("tbody", {}, body));
}

/** Table 四、政府信息公开行政复议、行政诉讼情况: 行政复议 and 行政诉讼's two groups side by side. */
export function appealsTable(ctx) {
  const { groups, fields } = ctx.labels.appeals;
  const data = ctx.report.appeals;
  const split = groups.map(({ key, label }) => {
    const space = label.indexOf(" ");
    return space < 0 ? { key, top: label } : { key, top: label.slice(0, space), sub: label.slice(space + 1) };
  });
  const top = [];
  const middle = [];
  split.forEach((g, i) => {
    if (split[i - 1]?.top !== g.top) {
      const n = split.filter((other) => other.top === g.top).length;
      top.push(h("th", { colspan: n * fields.length }, g.top));
    }
    if (g.sub) middle.push(h("th", { colspan: fields.length }, g.sub));
    else middle.push(fields.map((f) => h("th", { rowspan: 2 }, f.label)));
  });
  const bottom = split.filter((g) => g.sub).map(() => fields.map((f) => h("th", {}, f.label)));
  return h(
    "table",
    { class: "appeals" },
    h("thead", {}, h("tr", {}, top), h("tr", {}, middle), h("tr", {}, bottom)),
    h(
      "tbody",
      {},
      h(
        "tr",
        {},
        groups.map((g) => fields.map((f) => cell(ctx, `appeals.${g.key}.${f.key}`, data[g.key]?.[f.key]))),
      ),
    ),
  );
}

// Compiled (not run) by types.test.mjs: the package's types describe the API and the report,
// and reject what the schema does not have.
import init, { labels, parse, parseBytes, render } from "xxgk";
import type { Cell, Labels, LayoutName, Report, XxgkError } from "xxgk";

await init();
const report: Report = parse("赣县区2023年政府信息公开工作年度报告");
const fromBytes: Report = parseBytes(new Uint8Array([0xe8, 0xa7, 0x84]));
const total: Cell | undefined = report.requests?.new_received?.total;
const edition: "2021" | "2019" | null = fromBytes.edition;
const where: number | undefined = report.diagnostics[0]?.line;
const layout: LayoutName | null = report.layout.requests;
const text: string = render(report, "markdown");
const names: Labels = labels();
const firstRow: string = names.requests.rows[0].label;

try {
  parse("");
} catch (e) {
  const error = e as XxgkError;
  const position: number | undefined = error.offset ?? error.line;
  console.log(position);
}

// @ts-expect-error: no such row in table 三
console.log(report.requests?.no_such_row);
// @ts-expect-error: no such layout
render(report, "pdf");
// @ts-expect-error: cells are numbers or null
const wrong: string = report.appeals!.review!.total;

console.log(total, edition, where, layout, text, firstRow, wrong);

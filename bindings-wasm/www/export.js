// The downloads: the report as JSON (exactly what `parse` returns), and its cells as tidy CSV.
// Pure functions, so node tests can check them without a browser.

const TABLES = ["active_disclosure", "requests", "appeals"];

/** The report as pretty-printed JSON: the SCHEMA.md fields, `layout` and `diagnostics`. */
export function toJson(report) {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/**
 * Every cell of the three tables, one per line: `table,row,column,value,uncertain`. A blank
 * cell has an empty value; rows the source lacks have no lines. Keys and numbers never hold
 * commas or quotes, so no field needs quoting.
 */
export function toCsv(report) {
  const uncertain = new Set(report.uncertain);
  const lines = ["table,row,column,value,uncertain"];
  for (const table of TABLES) {
    for (const [row, cells] of Object.entries(report[table] ?? {})) {
      for (const [column, value] of Object.entries(cells)) {
        const path = `${table}.${row}.${column}`;
        lines.push(`${path.replaceAll(".", ",")},${value ?? ""},${uncertain.has(path)}`);
      }
    }
  }
  return `${lines.join("\n")}\n`;
}

/** A file name for the downloads: `xxgk-<organ>-<year>.<ext>`, without path separators. */
export function fileName(report, ext) {
  const parts = ["xxgk", report.organ, report.year].filter((p) => p !== null && p !== undefined);
  return `${parts.join("-").replace(/[\\/:*?"<>|\s]+/g, "_")}.${ext}`;
}

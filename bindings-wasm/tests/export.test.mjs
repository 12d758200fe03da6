// The site's downloads, as pure functions of a report: tidy CSV and JSON.
import assert from "node:assert/strict";
import { test } from "node:test";
import { parse } from "xxgk";
import { fileName, toCsv, toJson } from "../www/export.js";
import { seeds } from "./support.mjs";

const [seed000] = await seeds();

test("CSV has one line per cell, blanks empty, uncertain cells flagged", () => {
  const report = parse(seed000.text);
  report.requests.carried_over.other_org = null; // as a blank source cell comes out
  const lines = toCsv(report).trimEnd().split("\n");
  assert.equal(lines[0], "table,row,column,value,uncertain");
  assert.ok(lines.includes("requests,withheld_state_secret,total,0,true"));
  assert.ok(lines.includes("requests,new_received,total,1,false"));
  assert.ok(lines.includes("requests,carried_over,other_org,,false"));
  assert.ok(lines.includes("active_disclosure,normative_documents,in_force,52,false"));
  assert.equal(lines.filter((l) => l.split(",").length !== 5).length, 0);
});

test("JSON is the report itself; file names carry organ and year", () => {
  const report = parse(seed000.text);
  assert.deepStrictEqual(JSON.parse(toJson(report)), report);
  assert.equal(fileName(report, "csv"), "xxgk-赣州经济技术开发区党政办公室-2021.csv");
  assert.equal(fileName({ organ: "a/b c", year: null }, "json"), "xxgk-a_b_c.json");
});

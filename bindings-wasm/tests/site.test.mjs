// The static site in headless chromium: paste a report, drop a file, download, at laptop and
// phone widths. Screenshots go to tests/screenshots/ for a person to look at.
import assert from "node:assert/strict";
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { dropFile, here, launch, openSite, paste, seed002, seeds, serve } from "./support.mjs";

const shots = join(here, "screenshots");
let server;
let browser;

before(async () => {
  server = await serve();
  browser = await launch();
  await mkdir(shots, { recursive: true });
});
after(async () => {
  await browser?.close();
  server?.close();
});

/** The text of the value cell at `path` (`requests.new_received.total`). */
const cellText = (page, path) => page.locator(`td[data-path="${path}"]`).innerText();

test("a pasted report shows its tables, checks, edition, organ, year and layouts", async () => {
  const { page, errors } = await openSite(browser, server.url);
  await paste(page, await seed002());
  assert.match(await page.locator("#status").innerText(), /已解析/);

  const meta = await page.locator(".meta").innerText();
  assert.match(meta, /赣县区/);
  assert.match(meta, /2023/);
  assert.match(meta, /2021 年版（国办公开办函〔2021〕30号）/);
  assert.match(await page.locator("#checks").innerText(), /勾稽关系全部成立/);
  assert.match(await page.locator("#table-requests .layout").innerText(), /tab_cells/);

  assert.equal(await cellText(page, "requests.new_received.total"), "49");
  assert.equal(await cellText(page, "active_disclosure.licensing.decisions"), "6884");
  assert.equal(await cellText(page, "appeals.litigation_direct.total"), "4");
  // The template's headers and row labels, in place.
  const requests = await page.locator("#table-requests table").innerText();
  for (const label of ["申请人情况", "法人或其他组织", "商业企业", "三、本年度办理结果", "（三）不予公开", "1.属于国家秘密", "四、结转下年度继续办理"]) {
    assert.ok(requests.includes(label), label);
  }
  assert.equal(await page.locator('#table-requests th[rowspan="8"]').innerText(), "（三）不予公开");
  const appeals = await page.locator("#table-appeals thead").innerText();
  for (const label of ["行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", "结果维持"]) {
    assert.ok(appeals.includes(label), label);
  }
  assert.ok((await page.locator("#table-active_disclosure").innerText()).includes("第二十条第（一）项"));

  await page.screenshot({ path: join(shots, "laptop-002.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(shots, "phone-002.png"), fullPage: true });
  await page.locator("#table-requests").scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, "phone-002-requests.png") });
  // On a phone the page does not scroll sideways: the tables do, in their boxes.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
  assert.deepStrictEqual(errors, []);
});

test("failed checks are explained with both sides; uncertain cells and failed totals are marked", async () => {
  const { page } = await openSite(browser, server.url);
  await page.locator("#sample").click(); // seed 000: two failed checks, seven uncertain cells
  await page.waitForFunction(() => /已解析/.test(document.getElementById("status").textContent));
  const checks = await page.locator("#checks").innerText();
  assert.match(checks, /有 2 处勾稽关系不成立/);
  assert.match(checks, /表三「一、本年新收政府信息公开申请数量」一行[\s\S]*= 2[\s\S]*总计 = 1/);
  assert.match(checks, /表三「商业企业」一栏[\s\S]*一、本年新收 \+ 二、上年结转 = 1[\s\S]*= 0/);
  assert.equal(await page.locator("td.uncertain").count(), 7);
  assert.equal(await page.locator('td.failed[data-path="requests.new_received.total"]').count(), 1);
  assert.ok((await page.locator(".legend").innerText()).includes("原文此格为空白"));
  await page.screenshot({ path: join(shots, "laptop-000-checks.png"), fullPage: true });
});

test("a 2019 report is laid out as the 2019 template, its blanks marked", async () => {
  const { page } = await openSite(browser, server.url);
  await paste(page, (await seeds()).find((s) => s.stem.startsWith("001_")).text);
  assert.match(await page.locator(".meta").innerText(), /2019 年版（国办公开办函〔2019〕60号）/);
  const active = await page.locator("#table-active_disclosure").innerText();
  for (const label of ["第二十条第（九）项", "其他对外管理服务事项", "本年增/减", "政府集中采购"]) {
    assert.ok(active.includes(label), label);
  }
  assert.equal(await cellText(page, "active_disclosure.procurement.amount"), "3010869.24");
  assert.equal(await cellText(page, "active_disclosure.licensing.change"), "-8");
  const requests = await page.locator("#table-requests").innerText();
  assert.ok(requests.includes("（六）其他处理") && !requests.includes("3.其他"));
  assert.equal(await page.locator('td.blank[data-path="requests.new_received.commercial_enterprise"]').innerText(), "空");
  const checks = await page.locator("#checks").innerText();
  assert.match(checks, /表四「行政诉讼 未经复议直接起诉」[\s\S]*结果维持 \+ 结果纠正 \+ 其他结果 \+ 尚未审结 = 2[\s\S]*总计 = 0/);
});

test("a dropped GBK file is read; JSON and CSV download", async () => {
  const { page, errors } = await openSite(browser, server.url, { width: 390, height: 844 });
  const gbk = await readFile(join(here, "fixtures", "002-gbk.txt"));
  await dropFile(page, gbk, "赣县区2023.txt");
  assert.match(await page.locator("#origin").innerText(), /赣县区2023\.txt/);
  assert.equal(await cellText(page, "requests.new_received.total"), "49");
  assert.match(await page.locator(".meta").innerText(), /赣县区/);

  const [json] = await Promise.all([page.waitForEvent("download"), page.locator("#download-json").click()]);
  assert.equal(json.suggestedFilename(), "xxgk-赣县区-2023.json");
  const report = JSON.parse(await readFile(await json.path(), "utf8"));
  assert.equal(report.requests.new_received.total, 49);

  const [csv] = await Promise.all([page.waitForEvent("download"), page.locator("#download-csv").click()]);
  const lines = (await readFile(await csv.path(), "utf8")).trimEnd().split("\n");
  assert.equal(lines[0], "table,row,column,value,uncertain");
  assert.ok(lines.includes("requests,new_received,total,49,false"));
  assert.ok(lines.includes("active_disclosure,licensing,decisions,6884,false"));
  assert.ok(lines.includes("appeals,litigation_direct,total,4,false"));
  assert.equal(lines.length, 1 + 10 + 25 * 7 + 15);
  await page.screenshot({ path: join(shots, "phone-dropped.png"), fullPage: false });
  assert.deepStrictEqual(errors, []);
});

test("text that is no report says why, in the page", async () => {
  const { page } = await openSite(browser, server.url);
  await paste(page, "今天天气很好。\n没有表格。");
  assert.match(await page.locator("#status").innerText(), /无法读取为年度报告：no report tables found/);
  assert.ok(await page.locator("#result").isHidden());
});

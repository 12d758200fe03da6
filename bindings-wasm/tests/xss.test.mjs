// Report text is shown as text, never run as markup: a report (or a file name) carrying
// `<script>` and `<img onerror>` sets no flag, opens no dialog, creates no element, and trips
// no Content-Security-Policy block (which would mean markup was inserted and only the CSP
// saved us).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { dropFile, launch, openSite, paste, seed002, serve } from "./support.mjs";

let server;
let browser;

before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.close();
});

const SCRIPT = "<script>window.__xss = 'script'</script>";
const IMG = `<img src=x onerror="window.__xss = 'img'">`;

async function hostilePage() {
  const { page, errors } = await openSite(browser, server.url);
  const dialogs = [];
  const csp = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss();
  });
  page.on("console", (msg) => {
    if (/Content.Security.Policy/i.test(msg.text())) csp.push(msg.text());
  });
  const verdict = async () => {
    await page.waitForTimeout(300); // time for an injected onerror to fire
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    assert.deepStrictEqual(dialogs, []);
    assert.deepStrictEqual(csp, []);
    assert.deepStrictEqual(errors, []);
    assert.equal(await page.locator("main img, main script, #report iframe").count(), 0);
  };
  return { page, verdict };
}

test("markup in a pasted report's title and cells does not run", async () => {
  const { page, verdict } = await hostilePage();
  const lines = (await seed002()).split("\n");
  lines[0] = `${SCRIPT}${IMG}赣县区2023年政府信息公开工作年度报告`;
  const text = lines.join("\n").replace("\t6884", `\t${IMG}6884`).replace("\t988", `\t<script>alert(1)</script>988`);
  await paste(page, text);
  assert.match(await page.locator("#status").innerText(), /已解析/);
  assert.ok((await page.locator("#source").inputValue()).includes(SCRIPT));
  assert.equal(await page.locator('td[data-path="requests.new_received.total"]').innerText(), "49");
  await verdict();
});

test("markup in a dropped file's name is shown literally", async () => {
  const { page, verdict } = await hostilePage();
  const name = `${IMG}${SCRIPT}.txt`;
  await dropFile(page, Buffer.from(await seed002()), name);
  assert.ok((await page.locator("#origin").innerText()).includes(name));
  await verdict();
});

test("markup in text that is no report does not run either", async () => {
  const { page, verdict } = await hostilePage();
  await paste(page, `${SCRIPT}${IMG}`);
  assert.match(await page.locator("#status").innerText(), /无法读取为年度报告/);
  await verdict();
});

test("the page's one DOM builder makes text nodes of strings", async () => {
  const { page, verdict } = await hostilePage();
  const built = await page.evaluate(async (markup) => {
    const { h } = await import("./dom.js");
    const el = h("p", { title: markup }, markup, h("span", {}, markup));
    document.querySelector("main").append(el);
    return { kinds: [...el.childNodes].map((n) => n.nodeName), text: el.firstChild.textContent };
  }, SCRIPT + IMG);
  assert.deepStrictEqual(built, { kinds: ["#text", "SPAN"], text: SCRIPT + IMG });
  await verdict();
});

// Shared by the tests: fixture paths, a static server for www/, and headless Debian chromium.
import { createServer } from "node:http";
import { readFile, readdir } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const here = fileURLToPath(new URL(".", import.meta.url));
export const www = join(here, "..", "www");
export const fixtures = join(here, "..", "..", "tests", "fixtures");

/** Every seed as `{stem, text, gold}`. */
export async function seeds() {
  const names = (await readdir(join(fixtures, "seeds"))).filter((n) => n.endsWith(".txt")).sort();
  return Promise.all(
    names.map(async (name) => {
      const stem = name.slice(0, -".txt".length);
      return {
        stem,
        text: await readFile(join(fixtures, "seeds", name), "utf8"),
        gold: JSON.parse(await readFile(join(fixtures, "gold", `${stem}.json`), "utf8")),
      };
    }),
  );
}

export const seed002 = () => readFile(join(fixtures, "seeds", "002_eee78a6d75b74889.txt"), "utf8");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
};

/** Serves www/ on 127.0.0.1 (a free port), as any static host would. */
export async function serve() {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
    const file = join(www, path.endsWith("/") ? `${path}index.html` : path);
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

/** Headless Debian chromium (playwright's own browser downloads are not available here). */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** Opens the site in a fresh page and waits for the module to be ready. */
export async function openSite(browser, url, viewport = { width: 1280, height: 900 }) {
  const page = await browser.newPage({ viewport, acceptDownloads: true });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e));
  await page.goto(url);
  await page.waitForFunction(() => document.getElementById("status").textContent === "");
  return { page, errors };
}

/** Puts `text` into the page as a paste would. */
export async function paste(page, text) {
  await page.evaluate(() => (document.getElementById("status").textContent = ""));
  await page.locator("#source").fill(text);
  await page.waitForFunction(() => /已解析|无法/.test(document.getElementById("status").textContent));
}

/** Drops a file with `bytes` and `name` on the page, as a drag from the desktop would. */
export async function dropFile(page, bytes, name) {
  await page.evaluate(
    ([data, fileName]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], fileName, { type: "text/plain" }));
      document.body.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    [[...bytes], name],
  );
  await page.waitForFunction(
    (fileName) => document.getElementById("origin").textContent.includes(fileName) &&
      /已解析|无法/.test(document.getElementById("status").textContent),
    name,
  );
}

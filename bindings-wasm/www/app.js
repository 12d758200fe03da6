// The page: reads a pasted text or a dropped or chosen file with the xxgk module, and shows
// the report. Everything runs here; the page loads nothing but its own files.
import init, { labels as coreLabels, parse, parseBytes } from "./pkg/xxgk.js";
import { h } from "./dom.js";
import { fileName, toCsv, toJson } from "./export.js";
import { checks, diagnostics, failedCells, LAYOUTS, legend, meta } from "./summary.js";
import { activeTable, appealsTable, requestsTable } from "./tables.js";

const $ = (id) => document.getElementById(id);
const source = $("source");

/** The labels of the tables, once the module is ready. */
const ready = init().then(() => {
  setStatus("");
  return coreLabels();
});
ready.catch((e) =>
  setStatus(`无法加载解析器（${e.message}）。请通过 http(s) 打开本页，例如在本目录运行 python3 -m http.server。`, "error"),
);

let shown = null;

function setStatus(text, kind = "") {
  $("status").textContent = text;
  $("status").className = kind;
}

/** Parses `input` (text, or a file's bytes) and shows the report or what went wrong. */
async function read(input, origin) {
  const labels = await ready;
  $("origin").textContent = origin;
  try {
    const started = performance.now();
    const report = typeof input === "string" ? parse(input) : parseBytes(input);
    show(report, labels);
    setStatus(`已解析，用时 ${Math.round(performance.now() - started)} 毫秒。`, "ok");
  } catch (e) {
    shown = null;
    $("result").hidden = true;
    const where = e.line ? `（第 ${e.line} 行）` : e.offset !== undefined ? `（第 ${e.offset} 字节处）` : "";
    setStatus(`无法读取为年度报告${where}：${e.message}`, "error");
  }
}

function show(report, labels) {
  const ctx = { report, labels, uncertain: new Set(report.uncertain), failed: failedCells(report) };
  const table = (key, title, build) =>
    h(
      "section",
      { class: "table", id: `table-${key}` },
      h("h2", {}, title),
      report[key]
        ? [
            h("p", { class: "layout" }, "原文格式：", LAYOUTS[report.layout[key]] ?? "未知", " ", h("code", {}, report.layout[key])),
            h("div", { class: "scroll" }, build(ctx)),
          ]
        : h("p", { class: "missing" }, "原文中未找到此表。"),
    );
  const cells = report.uncertain.filter((path) => path.includes("."));
  $("report").replaceChildren(
    meta(report),
    h("section", { id: "checks" }, h("h2", {}, "勾稽关系核对"), checks(report, labels)),
    h(
      "section",
      { id: "legend" },
      h("h2", {}, "图例"),
      legend(),
      cells.length > 0 && h("p", {}, `共 ${cells.length} 个数值不能确定，已在表中以“?”标出。`),
    ),
    table("active_disclosure", "二、主动公开政府信息情况", activeTable),
    table("requests", "三、收到和处理政府信息公开申请情况", requestsTable),
    table("appeals", "四、政府信息公开行政复议、行政诉讼情况", appealsTable),
    diagnostics(report),
  );
  $("result").hidden = false;
  shown = report;
}

async function readFile(file) {
  source.value = "";
  await read(new Uint8Array(await file.arrayBuffer()), `文件：${file.name}（${file.size} 字节）`);
}

function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h("a", { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// Typing is parsed once it pauses; a paste at once.
let typing;
source.addEventListener("input", (e) => {
  clearTimeout(typing);
  if (source.value.trim() === "") {
    $("result").hidden = true;
    setStatus("");
    return;
  }
  const run = () => read(source.value, "粘贴的文本");
  if (e.inputType === "insertFromPaste") run();
  else typing = setTimeout(run, 300);
});

$("file").addEventListener("change", (e) => {
  const [file] = e.target.files;
  e.target.value = ""; // so that choosing the same file again reads it again
  if (file) readFile(file);
});

$("sample").addEventListener("click", async () => {
  const response = await fetch("pkg/sample.txt");
  source.value = await response.text();
  read(source.value, "示例报告");
});

// The whole page takes a dropped file (or dragged text).
document.addEventListener("dragover", (e) => {
  e.preventDefault();
  document.body.classList.add("dragging");
});
document.addEventListener("dragleave", (e) => {
  if (e.relatedTarget === null) document.body.classList.remove("dragging");
});
document.addEventListener("drop", (e) => {
  e.preventDefault();
  document.body.classList.remove("dragging");
  const [file] = e.dataTransfer.files;
  if (file) {
    readFile(file);
  } else {
    source.value = e.dataTransfer.getData("text/plain");
    read(source.value, "拖入的文本");
  }
});

$("download-json").addEventListener("click", () =>
  download(fileName(shown, "json"), toJson(shown), "application/json"),
);
$("download-csv").addEventListener("click", () => download(fileName(shown, "csv"), toCsv(shown), "text/csv"));

//! JavaScript bindings of xxgk, for browsers and node (`wasm-bindgen --target web`).
//!
//! The bindings are thin: every function hands its input to the core and returns the core's
//! answer as a plain JS object, made by the core's own `Serialize` with serde-wasm-bindgen's
//! JSON-compatible settings: objects for structs, `null` for blanks, numbers for cells — the
//! shape of `SCHEMA.md`, the same as the CLI's and Python's JSON.
#![forbid(unsafe_code)]

mod error;
mod labels;

use serde::Serialize;
use wasm_bindgen::prelude::*;

// The report's types, hand-written in `types/report.d.ts`, go into the generated `xxgk.d.ts` so
// that `parse` and `render` are typed with them.
#[wasm_bindgen(typescript_custom_section)]
const REPORT_TYPES: &str = include_str!("../types/report.d.ts");

/// Parses a report from text; throws an `XxgkError` (an `Error` with `offset` and `line` where
/// known) when the text holds no report tables.
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn parse(text: &str) -> Result<JsValue, JsValue> {
    to_js(&xxgk::parse(text).map_err(error::from_parse)?)
}

/// Parses a report from bytes in UTF-8, UTF-16 (with BOM), GBK, GB2312 or GB18030, as read
/// from a file.
#[wasm_bindgen(js_name = parseBytes, unchecked_return_type = "Report")]
pub fn parse_bytes(bytes: &[u8]) -> Result<JsValue, JsValue> {
    // GB pages (neither UTF-8 nor UTF-16) are decoded by the platform.
    let report = xxgk::Options::default().parse_bytes_with(bytes, &|b| gb18030(b).ok());
    to_js(&report.map_err(error::from_parse)?)
}

#[wasm_bindgen]
extern "C" {
    /// The platform's `TextDecoder` (browsers, node).
    type TextDecoder;

    #[wasm_bindgen(constructor, catch)]
    fn new(label: &str, options: &JsValue) -> Result<TextDecoder, JsValue>;

    #[wasm_bindgen(method, catch)]
    fn decode(this: &TextDecoder, bytes: &[u8]) -> Result<String, JsValue>;
}

/// `bytes` decoded as GB18030 (the superset of GBK and GB2312), failing on malformed input.
fn gb18030(bytes: &[u8]) -> Result<String, JsValue> {
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"fatal".into(), &JsValue::TRUE)?;
    TextDecoder::new("gb18030", &options)?.decode(bytes)
}

/// Writes a report (as returned by `parse`) back out as a whole report text in `layout`
/// (`html`, `markdown`, `tsv`…).
#[wasm_bindgen]
pub fn render(
    #[wasm_bindgen(unchecked_param_type = "Report")] report: JsValue,
    #[wasm_bindgen(unchecked_param_type = "LayoutName")] layout: &str,
) -> Result<String, JsValue> {
    let layout = xxgk::Layout::from_name(layout).ok_or_else(|| error::unknown_layout(layout))?;
    let report: xxgk::Report = serde_wasm_bindgen::from_value(report).map_err(error::not_a_report)?;
    report.render(layout).map_err(|e| error::new(&e.to_string()).into())
}

/// The official labels of every table's rows and columns, keyed as in the report, in source
/// order: what a page needs to lay the tables out as the template does.
#[wasm_bindgen(unchecked_return_type = "Labels")]
pub fn labels() -> Result<JsValue, JsValue> {
    to_js(&labels::all())
}

/// `value` as a plain JS object with the shape of its JSON.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(error::not_representable)
}

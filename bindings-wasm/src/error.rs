//! Errors thrown to JS: `Error` objects named `XxgkError`, with the position of the trouble as
//! properties (`offset`, `line`) so that a page can point at it without parsing the message.

use js_sys::{Error, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// An `XxgkError` with `message`.
pub fn new(message: &str) -> Error {
    let error = Error::new(message);
    error.set_name("XxgkError");
    error
}

/// The core's parse error, with its byte offset and 1-based line where it has them.
pub fn from_parse(e: xxgk::Error) -> JsValue {
    let error = new(&e.to_string());
    set_position(&error, "offset", e.offset());
    set_position(&error, "line", e.line());
    error.into()
}

/// `render` was given a layout name the core does not know.
pub fn unknown_layout(name: &str) -> JsValue {
    let known: Vec<&str> = xxgk::Layout::ALL.iter().map(|l| l.as_str()).collect();
    new(&format!("unknown layout {name:?}; expected one of {}", known.join(", "))).into()
}

/// `render` was given an object that does not have the shape of a report.
pub fn not_a_report(e: serde_wasm_bindgen::Error) -> JsValue {
    new(&format!("not a report as returned by parse: {}", message(e))).into()
}

/// A report that cannot become a JS object: only a count beyond 2^53, which no JS number holds
/// exactly, is one.
pub fn not_representable(e: serde_wasm_bindgen::Error) -> JsValue {
    new(&format!("the report cannot be given to JavaScript: {}", message(e))).into()
}

/// The message of serde-wasm-bindgen's error, which is a JS `Error` (its `Display` would add
/// `Error: `).
fn message(e: serde_wasm_bindgen::Error) -> String {
    JsValue::from(e).unchecked_into::<Error>().message().into()
}

fn set_position(error: &Error, name: &str, value: Option<usize>) {
    if let Some(value) = value {
        // Defining a property on a fresh, unfrozen Error cannot fail.
        let _ = Reflect::set(error, &name.into(), &JsValue::from(value));
    }
}

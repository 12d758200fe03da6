//! The cell lexer, on one cell and on one plain line.
//!
//! The readers take text: bytes are read as UTF-8 with invalid sequences replaced (U+FFFD),
//! exactly as `tests/crashers.rs` replays them.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = xxgk::fuzzing::lex(&text);
});

//! The whole pipeline on arbitrary bytes: decoding, HTML, sections, every reader, the solvers.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = xxgk::parse_bytes(data);
});

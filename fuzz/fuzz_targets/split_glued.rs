//! The glued-digit splitter. The first byte chooses the row's width (1 to 15 cells, the last
//! the sum of the others); the rest is the digits, as UTF-8 with invalid sequences replaced,
//! exactly as `tests/crashers.rs` replays them.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else { return };
    let width = usize::from(first % 15) + 1;
    let digits = String::from_utf8_lossy(rest);
    let _ = xxgk::fuzzing::split_glued(&digits, width);
});

//! Regression cases found by fuzzing (`fuzz/`): every file of `fixtures/crashers/` is replayed
//! through `xxgk::parse_bytes` and through the `xxgk::fuzzing` function of the target that
//! found it, and must return — no panic, no overflow, no hang (30 s; 300 s in a debug build).
//!
//! A file is named `<target>-<what it triggers>` (see `fixtures/crashers/README.md`); each has
//! a test below, and `every_crasher_has_a_test` fails when one is added without. A case not yet
//! fixed in `core/` is `#[ignore = "crash: …"]` until it is.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

const LIMIT: Duration =
    if cfg!(debug_assertions) { Duration::from_secs(300) } else { Duration::from_secs(30) };

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/crashers")
}

/// The fuzz target a crasher's file name starts with.
fn target(name: &str) -> &str {
    let known = ["parse", "lex", "read_lines", "flatten_html", "split_glued", "sections"];
    known
        .into_iter()
        .filter(|t| name.starts_with(&format!("{t}-")))
        .max_by_key(|t| t.len())
        .unwrap_or_else(|| panic!("{name}: the name does not start with a fuzz target and '-'"))
}

/// Runs the input the way its fuzz target does (`fuzz/fuzz_targets/<target>.rs`), then
/// through the whole pipeline.
fn run(target: &str, data: &[u8]) {
    match target {
        "parse" => {}
        "split_glued" => {
            if let Some((&first, rest)) = data.split_first() {
                let width = usize::from(first % 15) + 1;
                xxgk::fuzzing::split_glued(&String::from_utf8_lossy(rest), width);
            }
        }
        _ => {
            let text = String::from_utf8_lossy(data);
            match target {
                "lex" => xxgk::fuzzing::lex(&text),
                "read_lines" => drop(xxgk::fuzzing::read_lines(&text)),
                "flatten_html" => drop(xxgk::fuzzing::flatten_html(&text)),
                "sections" => drop(xxgk::fuzzing::sections(&text)),
                other => unreachable!("{other}"),
            }
        }
    }
    let _ = xxgk::parse_bytes(data);
    let _ = xxgk::parse(&String::from_utf8_lossy(data));
}

/// Replays `fixtures/crashers/<name>` on its own thread; fails on a panic or after [`LIMIT`].
fn replay(name: &str) {
    let data = std::fs::read(dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    let target = target(name).to_string();
    let (tx, rx) = mpsc::channel();
    let handle = thread::Builder::new()
        .name(name.to_string())
        .spawn(move || {
            run(&target, &data);
            let _ = tx.send(());
        })
        .unwrap();
    match rx.recv_timeout(LIMIT) {
        Ok(()) => handle.join().unwrap(),
        Err(mpsc::RecvTimeoutError::Disconnected) => std::panic::resume_unwind(handle.join().unwrap_err()),
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("{name} did not return within {LIMIT:?}"),
    }
}

/// One test per crasher file, `test_name: "file name",`, with `#[ignore = "crash: …"]` before
/// the name while the crash is not fixed.
macro_rules! cases {
    ($($(#[$attr:meta])* $test:ident: $file:literal,)*) => {
        $(
            #[test]
            $(#[$attr])*
            fn $test() {
                replay($file);
            }
        )*

        /// The files that have a test above.
        const FILES: &[&str] = &[$($file),*];
    };
}

cases! {
    // 65 bytes whose table 三 has 15,435 combinations of readings: 191 M instructions (20 ms
    // native), what a real report with as many costs. The 16 KB report it was cut from read
    // 5.5 M cells of identities in them (1.04 G instructions, over 1 s in the fuzz build);
    // the solver now stops at 4 M (`MAX_CELLS_READ` in core/src/solve.rs): 12 M instructions.
    parse_timeout_solver_combinations: "parse-timeout-solver-combinations",
    // 10.5 KB as found in round 3 (not minimised: `minimize_slow.py` runs valgrind for every
    // step, too slow beside the campaign), whose table 三 has 8,575 combinations, each kept
    // with its cells: 510 M instructions (0.26 s native). The solver keeps only the best so
    // far: 152 M.
    parse_timeout_solver_outcomes: "parse-timeout-solver-outcomes",
    // 51 KB of HTML as found in round 3, whose elements are closed at the end of the page:
    // the end of each line's text mapped there, and its display columns were counted over
    // the rest of the page, for every line (quadratic: 306 M instructions, 2.05 G for four
    // copies). Ends are now where the last character ends (`Columns::measure`): 99 M.
    parse_timeout_columns_to_page_end: "parse-timeout-columns-to-page-end",
    // 16.7 KB of UTF-16 (49 KB as found) whose long labels were searched for near matches of
    // every cue at every character: 106 M instructions, 13 M since only windows that begin or
    // end on a cue's own characters are compared (`find_near` in core/src/template.rs).
    parse_timeout_label_near_match: "parse-timeout-label-near-match",
}

#[test]
fn every_crasher_has_a_test() {
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(dir()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name != "README.md" && !FILES.contains(&name.as_str()) {
            target(&name);
            missing.push(name);
        }
    }
    assert!(missing.is_empty(), "crashers without a test in tests/crashers.rs: {missing:?}");
}

//! What the property tests share: their proptest configuration (cases and seed from the
//! environment), where failing cases are written, and the saved cases of
//! `fixtures/roundtrip/` (a rendered or noisy text with the report it must parse to).
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use proptest::test_runner::{Config, FileFailurePersistence, RngSeed, TestRunner};
use serde_json::{json, Value};
use xxgk::{Layout, Report};

/// The layouts the renderers write and the round trip holds to (glued text, lossy, is held to
/// the noise property only).
pub const RENDERED: [Layout; 7] = [
    Layout::Markdown,
    Layout::Tsv,
    Layout::Csv,
    Layout::CellPerLine,
    Layout::TabCells,
    Layout::Html,
    Layout::Aligned,
];

/// Cases per property: `XXGK_PROPTEST_CASES`, 1000 by default.
pub fn cases() -> u32 {
    std::env::var("XXGK_PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(1000)
}

/// The seed: `XXGK_PROPTEST_SEED` (a number, or `random`); a fixed one by default, so that CI
/// runs the same cases every time and a failure is reproducible.
pub fn seed() -> RngSeed {
    match std::env::var("XXGK_PROPTEST_SEED").ok().as_deref() {
        Some("random") => RngSeed::Random,
        Some(n) => RngSeed::Fixed(n.parse().expect("XXGK_PROPTEST_SEED: a number or `random`")),
        None => RngSeed::Fixed(0x7867_6b20_7365_6564),
    }
}

/// A runner for the property tests of `source_file` (failures are persisted beside it).
pub fn runner(source_file: &'static str) -> TestRunner {
    TestRunner::new(Config {
        cases: cases(),
        rng_seed: seed(),
        source_file: Some(source_file),
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource("proptest-regressions"))),
        // Shrinking reports of a hundred cells through a parser is slow; this is plenty.
        max_shrink_iters: 2048,
        ..Config::default()
    })
}

pub use xxgk_tests::extension;

/// Which property a saved case is held to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Property {
    /// Every value exact, nothing uncertain, the failed checks as generated.
    Roundtrip,
    /// Every value exact or listed in `uncertain`.
    ExactOrFlagged,
}

impl Property {
    fn as_str(self) -> &'static str {
        match self {
            Property::Roundtrip => "roundtrip",
            Property::ExactOrFlagged => "exact_or_flagged",
        }
    }
}

/// A saved case: a text, the report it must parse to, and the property it is held to.
#[derive(Clone, Debug)]
pub struct Case {
    pub name: String,
    pub input: String,
    pub expected: Report,
    /// The expected report's JSON as saved (amounts keep their written decimals).
    pub expected_json: Option<Value>,
    pub property: Property,
    pub layout: String,
    pub note: String,
}

pub use xxgk_tests::strategies::expected_json;

impl Case {
    /// A case of the generated report `expected`, written as `input` in `layout`.
    pub fn generated(
        name: &str,
        layout: Layout,
        input: String,
        expected: Report,
        property: Property,
        note: String,
    ) -> Case {
        Case {
            name: name.into(),
            input,
            expected,
            expected_json: None,
            property,
            layout: layout.as_str().into(),
            note,
        }
    }
}

/// Saves `case`, written in `layout`, among the failures (see [`failure_dir`]); returns where.
pub fn save_failure(case: &Case, layout: Layout) -> PathBuf {
    save(&failure_dir(), &case.name, extension(layout), case);
    failure_dir().join(&case.name)
}

/// The name of a survey's example of a group of failures: `prefix`, the layout and a hash of
/// the group's signature.
pub fn survey_name(prefix: &str, layout: Layout, signature: &str) -> String {
    let hash = signature.bytes().fold(0u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)));
    format!("{prefix}-{}-{hash:x}", layout.as_str())
}

/// Writes a case: `<dir>/<name>.<ext>` and `<dir>/<name>.json`.
pub fn save(dir: &Path, name: &str, ext: &str, case: &Case) {
    std::fs::create_dir_all(dir).expect("create the case folder");
    std::fs::write(dir.join(format!("{name}.{ext}")), &case.input).expect("write the input");
    let meta = json!({
        "property": case.property.as_str(),
        "layout": case.layout,
        "note": case.note,
        "expected": expected_json(&case.expected),
    });
    std::fs::write(
        dir.join(format!("{name}.json")),
        serde_json::to_string_pretty(&meta).expect("JSON") + "\n",
    )
    .expect("write the expected report");
}

/// Where a property writes its latest failing case (the minimal one, once shrinking ends).
pub fn failure_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("xxgk-property-failures")
}

/// The saved cases of `tests/fixtures/<rel>`, sorted by name.
pub fn load(rel: &str) -> Vec<Case> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(rel);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut jsons: Vec<PathBuf> = entries
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    jsons.sort();
    jsons
        .into_iter()
        .map(|j| {
            let stem = j.file_stem().unwrap().to_string_lossy().to_string();
            let input_path = std::fs::read_dir(&dir)
                .unwrap()
                .map(|e| e.unwrap().path())
                .find(|p| {
                    p.file_stem().is_some_and(|s| s.to_string_lossy() == stem)
                        && p.extension().is_some_and(|e| e != "json")
                })
                .unwrap_or_else(|| panic!("no input beside {}", j.display()));
            let meta: Value = serde_json::from_str(&std::fs::read_to_string(&j).unwrap()).unwrap();
            let expected: Report = serde_json::from_value(meta["expected"].clone())
                .unwrap_or_else(|e| panic!("{}: {e}", j.display()));
            Case {
                name: stem,
                input: std::fs::read_to_string(&input_path).unwrap(),
                expected,
                expected_json: Some(meta["expected"].clone()),
                property: match meta["property"].as_str() {
                    Some("roundtrip") => Property::Roundtrip,
                    _ => Property::ExactOrFlagged,
                },
                layout: meta["layout"].as_str().unwrap_or("").to_string(),
                note: meta["note"].as_str().unwrap_or("").to_string(),
            }
        })
        .collect()
}

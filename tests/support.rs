//! Shared helpers of the fixture-driven tests: fixture paths and cell-by-cell comparison of a
//! report with gold JSON (the format of `fixtures/gold`); the report generators of the property
//! tests ([`strategies`]) and the noise they damage renderings with ([`wild`]), which the
//! benchmarks' corpus generator (`benches/`) draws from too.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde_json::Value;

pub mod strategies;
pub mod wild;

/// `tests/fixtures/<rel>`.
pub fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(rel)
}

/// `(input, gold)` pairs of a fixture folder pair, matched by file stem.
pub fn cases(inputs: &str, gold: &str) -> Vec<(PathBuf, Value)> {
    let mut out = Vec::new();
    let mut golds: Vec<PathBuf> =
        std::fs::read_dir(fixture(gold)).unwrap().map(|e| e.unwrap().path()).collect();
    golds.sort();
    for g in golds {
        let stem = g.file_stem().unwrap().to_string_lossy().to_string();
        let input = std::fs::read_dir(fixture(inputs))
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.file_stem().is_some_and(|s| s.to_string_lossy() == stem))
            .unwrap_or_else(|| panic!("no input for gold {stem}"));
        let value: Value = serde_json::from_str(&std::fs::read_to_string(&g).unwrap()).unwrap();
        out.push((input, value));
    }
    out
}

/// The file extension a layout's text is saved with.
pub fn extension(layout: xxgk::Layout) -> &'static str {
    match layout {
        xxgk::Layout::Html => "html",
        xxgk::Layout::Markdown => "md",
        xxgk::Layout::Tsv => "tsv",
        xxgk::Layout::Csv => "csv",
        _ => "txt",
    }
}

/// Every cell of the three tables: `table.row.field` → value.
pub fn cells(report: &Value) -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    for table in ["active_disclosure", "requests", "appeals"] {
        if let Some(rows) = report.get(table).and_then(Value::as_object) {
            for (row, fields) in rows {
                for (field, v) in fields.as_object().into_iter().flatten() {
                    out.insert(format!("{table}.{row}.{field}"), v.clone());
                }
            }
        }
    }
    out
}

/// Whether two JSON numbers (or nulls) are the same value.
pub fn same(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => (x - y).abs() < 1e-6,
        _ => a.is_null() && b.is_null(),
    }
}

/// The `(rule, at)` pairs the gold values break, computed from the values (blanks are 0).
pub fn expected_checks(gold: &Value) -> BTreeSet<(String, String)> {
    let n = |v: Option<&Value>| v.and_then(Value::as_i64).unwrap_or(0);
    let mut out = BTreeSet::new();
    let cols = [
        "natural_person",
        "commercial_enterprise",
        "research_institution",
        "social_welfare_org",
        "legal_service_org",
        "other_org",
        "total",
    ];
    if let Some(req) = gold.get("requests").and_then(Value::as_object) {
        for (row, v) in req {
            let parts: i64 = cols[..6].iter().map(|c| n(v.get(c))).sum();
            if parts != n(v.get("total")) {
                out.insert(("row_sum".into(), row.clone()));
            }
        }
        let ends = ["new_received", "carried_over", "total_processed", "carried_forward"];
        if ends.iter().all(|k| req.contains_key(*k)) {
            for c in cols {
                let cell = |r: &str| n(req.get(r).and_then(|v| v.get(c)));
                if cell("new_received") + cell("carried_over")
                    != cell("total_processed") + cell("carried_forward")
                {
                    out.insert(("column_balance".into(), c.into()));
                }
                let results: i64 = req.keys().filter(|k| !ends.contains(&k.as_str())).map(|k| cell(k)).sum();
                if results != cell("total_processed") {
                    out.insert(("results_sum".into(), c.into()));
                }
            }
        }
    }
    if let Some(ap) = gold.get("appeals").and_then(Value::as_object) {
        for (g, v) in ap {
            let parts: i64 = ["upheld", "corrected", "other", "pending"].iter().map(|f| n(v.get(*f))).sum();
            if parts != n(v.get("total")) {
                out.insert(("appeals_sum".into(), g.clone()));
            }
        }
    }
    out
}

/// The `(rule, at)` pairs a report lists in `failed_checks`.
pub fn reported_checks(report: &Value) -> BTreeSet<(String, String)> {
    report["failed_checks"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|c| (c["rule"].as_str().unwrap_or("").to_string(), c["at"].as_str().unwrap_or("").to_string()))
        .collect()
}

/// How a report's cells compare with gold.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Score {
    pub cells: usize,
    pub exact: usize,
    /// Wrong, but listed in `uncertain`.
    pub flagged: usize,
    /// Wrong and presented as certain: the worst bug.
    pub silent: usize,
}

/// Compares `report` with `gold` cell by cell; `wrong` collects the paths of wrong cells.
pub fn score(report: &Value, gold: &Value, wrong: &mut Vec<String>) -> Score {
    let skip: BTreeSet<String> = gold["uncertain"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str().map(String::from))
        .collect();
    let uncertain: BTreeSet<String> = report["uncertain"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str().map(String::from))
        .collect();
    let got = cells(report);
    let mut s = Score::default();
    for (path, want) in cells(gold) {
        if skip.contains(&path) {
            continue;
        }
        s.cells += 1;
        match got.get(&path) {
            Some(v) if same(v, &want) => s.exact += 1,
            _ if uncertain.contains(&path) => {
                s.flagged += 1;
                wrong.push(format!("{path} (flagged)"));
            }
            other => {
                s.silent += 1;
                wrong.push(format!("{path} = {other:?}, gold {want}"));
            }
        }
    }
    s
}

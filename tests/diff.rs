//! Comparing a parsed report with the report that was rendered, through their JSON, cell by
//! cell, with messages that say where and what.
#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use serde_json::Value;
use xxgk::Report;

use xxgk_tests::strategies::expected_checks;

/// Every cell of the three tables, `table.row.field` → value; a row present in the report has
/// all its fields (blank ones as `null`).
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

/// A cell or field that differs.
#[derive(Clone, Debug, PartialEq)]
pub struct Mismatch {
    pub path: String,
    /// `None`: the cell is not in that report (its row or table is absent).
    pub expected: Option<Value>,
    pub got: Option<Value>,
}

impl std::fmt::Display for Mismatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let show = |v: &Option<Value>| match v {
            Some(v) => v.to_string(),
            None => "(absent)".to_string(),
        };
        write!(f, "{}: expected {}, got {}", self.path, show(&self.expected), show(&self.got))
    }
}

/// The metadata and cells of `got` that differ from `expected`. Numbers compare exactly, as
/// JSON values (`12.5` ≠ `12.50` is invisible in JSON and not a difference; `12` ≠ `12.0` is).
pub fn mismatches(expected: &Value, got: &Value) -> Vec<Mismatch> {
    let mut out = Vec::new();
    for key in ["edition", "year", "organ"] {
        if expected[key] != got[key] {
            out.push(Mismatch {
                path: key.to_string(),
                expected: Some(expected[key].clone()),
                got: Some(got[key].clone()),
            });
        }
    }
    let (e, g) = (cells(expected), cells(got));
    let paths: BTreeSet<&String> = e.keys().chain(g.keys()).collect();
    for p in paths {
        if e.get(p) != g.get(p) {
            out.push(Mismatch { path: p.clone(), expected: e.get(p).cloned(), got: g.get(p).cloned() });
        }
    }
    out
}

/// The `(rule, at)` pairs of a parsed report's `failed_checks`.
pub fn reported_checks(report: &Report) -> BTreeSet<(String, String)> {
    report.failed_checks.iter().map(|c| (c.rule.as_str().to_string(), c.at.clone())).collect()
}

fn json(report: &Report) -> Value {
    serde_json::to_value(report).expect("a report is JSON")
}

/// `(rule, at)` pairs of failed checks.
pub type Checks = BTreeSet<(String, String)>;

/// What went wrong in one parse, for the failure message of a property.
#[derive(Debug, Default)]
pub struct Verdict {
    pub wrong: Vec<Mismatch>,
    /// The failed checks expected and reported, when they differ.
    pub checks: Option<(Checks, Checks)>,
    pub uncertain: Vec<String>,
    /// The property forbids uncertain cells (a clean rendering has nothing to doubt).
    pub uncertain_forbidden: bool,
    pub error: Option<String>,
}

impl Verdict {
    pub fn ok(&self) -> bool {
        self.wrong.is_empty()
            && self.checks.is_none()
            && self.error.is_none()
            && (!self.uncertain_forbidden || self.uncertain.is_empty())
    }

    /// A message naming the layout and every difference.
    pub fn message(&self, what: &str) -> String {
        let mut m = format!("{what}:\n");
        if let Some(e) = &self.error {
            let _ = writeln!(m, "  parse error: {e}");
        }
        for w in self.wrong.iter().take(30) {
            let _ = writeln!(m, "  {w}");
        }
        if self.wrong.len() > 30 {
            let _ = writeln!(m, "  … and {} more", self.wrong.len() - 30);
        }
        if let Some((expected, got)) = &self.checks {
            let _ = writeln!(m, "  failed_checks: expected {expected:?}\n                 got      {got:?}");
        }
        if !self.uncertain.is_empty() {
            let what = if self.uncertain_forbidden {
                "uncertain (none allowed in a clean rendering)"
            } else {
                "uncertain"
            };
            let _ = writeln!(m, "  {what}: {:?}", self.uncertain);
        }
        m
    }
}

/// The round-trip property: every cell, `edition`, `year`, `organ` and `failed_checks` (as a
/// set of (rule, at)) as generated, and nothing uncertain but what the text cannot tell (see
/// [`undecidable`]). `layout` is the rendering's.
pub fn roundtrip(expected: &Report, parsed: Result<Report, xxgk::Error>, layout: &str) -> Verdict {
    roundtrip_json(expected, &json(expected), parsed, layout)
}

/// [`roundtrip`] against `expected_json`, the expected report's JSON as saved (which keeps an
/// amount's decimals, `12.0`, that reading it back into a `Report` would lose).
pub fn roundtrip_json(
    expected: &Report,
    expected_json: &Value,
    parsed: Result<Report, xxgk::Error>,
    layout: &str,
) -> Verdict {
    let mut v = Verdict::default();
    let got = match parsed {
        Ok(r) => r,
        Err(e) => {
            v.error = Some(e.to_string());
            return v;
        }
    };
    v.wrong = mismatches(expected_json, &json(&got));
    let (want, have) = (expected_checks(expected), reported_checks(&got));
    if want != have {
        v.checks = Some((want, have));
    }
    let undecidable = undecidable(expected_json, layout);
    v.uncertain = got.uncertain.into_iter().filter(|u| !undecidable.contains(u)).collect();
    v.uncertain_forbidden = true;
    v
}

/// The cells a clean rendering in `layout` leaves in doubt, rightly: in text that writes a
/// blank cell as nothing (aligned or glued), a table the report leaves blank whole is its
/// header alone, as a table whose values were lost is, and the parser says it cannot tell.
fn undecidable(expected: &Value, layout: &str) -> BTreeSet<String> {
    if !matches!(layout, "aligned" | "glued") {
        return BTreeSet::new();
    }
    let cells = cells(expected);
    let mut out = BTreeSet::new();
    for table in ["active_disclosure", "requests", "appeals"] {
        let prefix = format!("{table}.");
        let of_table: Vec<(&String, &Value)> = cells.iter().filter(|(p, _)| p.starts_with(&prefix)).collect();
        if !of_table.is_empty() && of_table.iter().all(|(_, v)| v.is_null()) {
            out.extend(of_table.into_iter().map(|(p, _)| p.clone()));
        }
    }
    out
}

/// The noise property: every cell and metadata field exact or listed in `uncertain` — never a
/// silent wrong value — and, when nothing is wrong, the failed checks as generated.
pub fn exact_or_flagged(expected: &Report, parsed: Result<Report, xxgk::Error>) -> Verdict {
    exact_or_flagged_json(expected, &json(expected), parsed)
}

/// [`exact_or_flagged`] against `expected_json` (see [`roundtrip_json`]).
pub fn exact_or_flagged_json(
    expected: &Report,
    expected_json: &Value,
    parsed: Result<Report, xxgk::Error>,
) -> Verdict {
    let mut v = Verdict::default();
    let got = match parsed {
        Ok(r) => r,
        Err(e) => {
            v.error = Some(e.to_string());
            return v;
        }
    };
    let flagged: BTreeSet<&str> = got.uncertain.iter().map(String::as_str).collect();
    let all = mismatches(expected_json, &json(&got));
    let any_wrong = !all.is_empty();
    v.wrong = all.into_iter().filter(|m| !flagged.contains(m.path.as_str())).collect();
    if !any_wrong {
        let (want, have) = (expected_checks(expected), reported_checks(&got));
        if want != have {
            v.checks = Some((want, have));
        }
    }
    v.uncertain = got.uncertain.clone();
    v
}

/// A short description of what went wrong, to group failures: the rows (not cells) wrong or
/// doubted, and whether checks or metadata differ.
pub fn signature(v: &Verdict) -> String {
    let row = |p: &str| p.rsplit_once('.').map_or(p.to_string(), |(r, _)| r.to_string());
    let mut parts: BTreeSet<String> = BTreeSet::new();
    if let Some(e) = &v.error {
        parts.insert(format!("error: {}", e.chars().take(60).collect::<String>()));
    }
    for w in &v.wrong {
        let kind = match (&w.expected, &w.got) {
            (Some(_), None) => "missing",
            (None, Some(_)) => "extra",
            _ => "wrong",
        };
        let how = if v.uncertain.contains(&w.path) { "flagged" } else { "SILENT" };
        parts.insert(format!("{kind} ({how}) {}", row(&w.path)));
    }
    if v.uncertain_forbidden {
        for u in &v.uncertain {
            if !v.wrong.iter().any(|w| &w.path == u) {
                parts.insert(format!("doubted {}", row(u)));
            }
        }
    }
    if v.checks.is_some() && v.wrong.is_empty() {
        parts.insert("checks".into());
    }
    parts.into_iter().collect::<Vec<_>>().join("; ")
}

//! `xxgk-corpus score`: the JSON lines of `xxgk batch` against the expected reports of a
//! corpus and against the library, and the batch's summary against its lines.

use std::collections::BTreeMap;
use std::path::Path;

use rayon::prelude::*;
use serde_json::Value;

/// What scoring found, for the whole corpus or one layout.
#[derive(Default)]
struct Tally {
    files: usize,
    errors: usize,
    score: xxgk_tests::Score,
    meta_wrong: usize,
    checks_wrong: usize,
    /// Lines that are not what the library gives for their file.
    unlike_library: usize,
    /// What the batch summary counts: failed checks, reports with any, uncertain cells.
    failed_checks: usize,
    with_failed_checks: usize,
    uncertain: usize,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.files += other.files;
        self.errors += other.errors;
        self.score.cells += other.score.cells;
        self.score.exact += other.score.exact;
        self.score.flagged += other.score.flagged;
        self.score.silent += other.score.silent;
        self.meta_wrong += other.meta_wrong;
        self.checks_wrong += other.checks_wrong;
        self.unlike_library += other.unlike_library;
        self.failed_checks += other.failed_checks;
        self.with_failed_checks += other.with_failed_checks;
        self.uncertain += other.uncertain;
    }

    fn line(&self, name: &str) -> String {
        let s = &self.score;
        format!(
            "{name:14} {:6} {:6} {:>9} {:7.3}% {:8} {:8} {:6} {:6} {:8}",
            self.files,
            self.errors,
            format!("{}/{}", s.exact, s.cells),
            100.0 * s.exact as f64 / s.cells.max(1) as f64,
            s.flagged,
            s.silent,
            self.meta_wrong,
            self.checks_wrong,
            self.unlike_library,
        )
    }
}

/// Scores one line of `xxgk batch` output.
fn score_line(line: &str, expected: &Path) -> Result<(String, Tally), String> {
    let v: Value = serde_json::from_str(line).map_err(|e| format!("not a JSON line ({e}): {line:.80}"))?;
    let file = v["file"].as_str().ok_or("a line without \"file\"")?;
    let stem = Path::new(file).file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
    let layout = stem.split_once('-').map_or("?", |(_, l)| l).to_string();
    let library = std::fs::read(file).map_err(|e| e.to_string()).and_then(|b| {
        xxgk::parse_bytes(&b).map_err(|e| e.to_string()).map(|r| serde_json::to_value(r).expect("JSON"))
    });
    let report = v.get("report");
    let mut t = Tally { files: 1, errors: usize::from(report.is_none()), ..Tally::default() };
    t.unlike_library = usize::from(match report {
        Some(report) => library.as_ref() != Ok(report),
        None => library.as_ref().err().map(String::as_str) != v["error"].as_str(),
    });
    // A file the generator did not write (a bad file put among them) is only held to the library.
    let gold: Option<Value> = std::fs::read_to_string(expected.join(format!("{stem}.json")))
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok());
    if let Some(report) = report {
        let checks = report["failed_checks"].as_array().map_or(0, Vec::len);
        t.failed_checks = checks;
        t.with_failed_checks = usize::from(checks > 0);
        t.uncertain = report["uncertain"].as_array().map_or(0, Vec::len);
    }
    let Some(gold) = gold else { return Ok(("(not generated)".to_string(), t)) };
    let Some(report) = report else {
        t.score.cells = xxgk_tests::cells(&gold).len();
        return Ok((layout, t));
    };
    t.score = xxgk_tests::score(report, &gold, &mut Vec::new());
    t.meta_wrong = ["edition", "year", "organ"].iter().filter(|k| report[**k] != gold[**k]).count();
    t.checks_wrong = usize::from(xxgk_tests::expected_checks(&gold) != xxgk_tests::reported_checks(report));
    Ok((layout, t))
}

pub fn score(expected: &Path, results: &Path, summary: Option<&Path>) -> Result<(), String> {
    let text =
        std::fs::read_to_string(results).map_err(|e| format!("cannot read {}: {e}", results.display()))?;
    let lines: Vec<&str> = text.lines().collect();
    let scored: Vec<(String, Tally)> =
        lines.par_iter().map(|l| score_line(l, expected)).collect::<Result<_, _>>()?;
    let mut by_layout: BTreeMap<String, Tally> = BTreeMap::new();
    let mut all = Tally::default();
    for (layout, t) in &scored {
        by_layout.entry(layout.clone()).or_default().add(t);
        all.add(t);
    }
    println!(
        "{:14} {:>6} {:>6} {:>9} {:>8} {:>8} {:>8} {:>6} {:>6} {:>8}",
        "layout", "files", "errors", "cells", "exact", "flagged", "silent", "meta", "checks", "unlike"
    );
    for (layout, t) in &by_layout {
        println!("{}", t.line(layout));
    }
    println!("{}", all.line("all"));
    println!(
        "cells: exact / expected (an error's cells count as missed); flagged: wrong but in `uncertain`; \
         silent: wrong and not flagged; meta: wrong edition, year or organ; checks: failed_checks \
         unlike the expected values' own; unlike: lines that are not what xxgk::parse_bytes gives \
         for their file"
    );
    if all.unlike_library > 0 {
        return Err(format!("{} lines are not what the library gives for their file", all.unlike_library));
    }
    summary.map_or(Ok(()), |path| check_summary(path, &all))
}

/// Checks the counts of a summary of `xxgk batch` against the tally of its lines.
fn check_summary(path: &Path, all: &Tally) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let expected = [
        ("files", all.files.to_string()),
        ("reports", (all.files - all.errors).to_string()),
        ("errors", all.errors.to_string()),
        ("failed checks", format!("{} (in {} reports)", all.failed_checks, all.with_failed_checks)),
        ("uncertain", format!("{} cells", all.uncertain)),
    ];
    for (key, value) in expected {
        let found = text.lines().find_map(|l| l.strip_prefix(key)).map(str::trim);
        if found != Some(value.as_str()) {
            return Err(format!("the summary says {key} {found:?}, the lines {value:?}"));
        }
    }
    let listed = text.lines().filter(|l| l.starts_with("  ")).count();
    if listed != all.errors {
        return Err(format!("the summary lists {listed} bad files, the lines hold {}", all.errors));
    }
    println!("summary: the counts of {} are those of the lines", path.display());
    Ok(())
}

//! The noise of the wild: for every generated report, every layout and one to four damages
//! of the kinds real reports show (see `wild.rs`), the parser recovers every value exactly or
//! lists every wrong cell in `uncertain` — never a silent wrong value — and `edition`, `year`
//! and `organ` are never silently wrong either.
//!
//! Cases per layout: `XXGK_PROPTEST_CASES` (2000 by default); seed: `XXGK_PROPTEST_SEED`.

mod diff;
mod harness;

use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{TestCaseError, TestError};
use xxgk::{Layout, Report};

use harness::{Case, Property};
use xxgk_tests::strategies;
use xxgk_tests::wild::{self, Noise};

/// The damaged text of `report` in `layout`.
fn damaged(report: &Report, layout: Layout, noises: &[Noise]) -> String {
    let base = wild::base_layout(layout, noises);
    let clean = report.render(base).expect("a layout the renderers write");
    wild::apply(&clean, base, noises)
}

fn check(report: &Report, layout: Layout, noises: &[Noise]) -> Result<(), String> {
    let text = damaged(report, layout, noises);
    let verdict = diff::exact_or_flagged(report, xxgk::parse(&text));
    if verdict.ok() {
        return Ok(());
    }
    let name = format!("noise-{}", layout.as_str());
    let case =
        Case::generated(&name, layout, text, report.clone(), Property::ExactOrFlagged, format!("{noises:?}"));
    let saved = harness::save_failure(&case, layout);
    Err(verdict.message(&format!("layout {} with {noises:?} (text in {})", layout.as_str(), saved.display())))
}

fn property(layout: Layout, reports: impl Strategy<Value = Report>) {
    let mut runner = harness::runner(file!());
    let cases = (reports, wild::noises(layout));
    let result =
        runner.run(&cases, |(report, noises)| check(&report, layout, &noises).map_err(TestCaseError::fail));
    match result {
        Ok(()) => {}
        Err(TestError::Fail(reason, (report, _))) => panic!(
            "a value silently wrong\n{reason}\nminimal report: {}",
            serde_json::to_string(&harness::expected_json(&report)).unwrap()
        ),
        Err(e) => panic!("{e}"),
    }
}

// Every layout, on reports with and without blank cells (classes of failure found, fixed and
// open: `fixtures/roundtrip/failing/README.md`).

#[test]
fn noisy_markdown() {
    property(Layout::Markdown, strategies::report());
}

#[test]
fn noisy_markdown_without_blanks() {
    property(Layout::Markdown, strategies::report_without_blanks());
}

#[test]
fn noisy_tsv() {
    property(Layout::Tsv, strategies::report());
}

#[test]
fn noisy_tsv_without_blanks() {
    property(Layout::Tsv, strategies::report_without_blanks());
}

#[test]
fn noisy_csv() {
    property(Layout::Csv, strategies::report());
}

#[test]
fn noisy_csv_without_blanks() {
    property(Layout::Csv, strategies::report_without_blanks());
}

#[test]
fn noisy_cell_per_line() {
    property(Layout::CellPerLine, strategies::report());
}

#[test]
fn noisy_cell_per_line_without_blanks() {
    property(Layout::CellPerLine, strategies::report_without_blanks());
}

#[test]
fn noisy_tab_cells() {
    property(Layout::TabCells, strategies::report());
}

#[test]
fn noisy_tab_cells_without_blanks() {
    property(Layout::TabCells, strategies::report_without_blanks());
}

#[test]
fn noisy_html() {
    property(Layout::Html, strategies::report());
}

#[test]
fn noisy_html_without_blanks() {
    property(Layout::Html, strategies::report_without_blanks());
}

#[test]
fn noisy_aligned() {
    property(Layout::Aligned, strategies::report());
}

#[test]
fn noisy_aligned_without_blanks() {
    property(Layout::Aligned, strategies::report_without_blanks());
}

/// HTML stripped of its tags (spaces left between some cells), then footers and width
/// variants: lossy by construction (digits of neighbouring cells glue), so held to this
/// property, not to the round trip.
#[test]
fn noisy_glued() {
    property(Layout::Glued, strategies::consistent_report());
}

#[test]
fn noisy_glued_without_blanks() {
    property(Layout::Glued, strategies::consistent_report_without_blanks());
}

/// The `glued` renderer's own output, without further damage.
#[test]
fn glued_rendering_is_exact_or_flagged() {
    let mut runner = harness::runner(file!());
    let result = runner.run(&strategies::consistent_report(), |report| {
        let text = report.render(Layout::Glued).expect("glued is rendered");
        let verdict = diff::exact_or_flagged(&report, xxgk::parse(&text));
        if verdict.ok() {
            Ok(())
        } else {
            Err(TestCaseError::fail(verdict.message("layout glued")))
        }
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}

/// A survey, not a test: `cargo test --release --test noise -- --ignored survey --nocapture`
/// counts the failing cases of every layout, without shrinking, grouped by which rows go
/// wrong, with how many of them fail already without noise, how many have blank cells, and
/// which damages they had. One example of each group is written to the failure folder.
#[test]
#[ignore]
fn survey() {
    use std::collections::BTreeMap;
    #[derive(Default)]
    struct Group {
        count: usize,
        clean_fails: usize,
        with_blanks: usize,
        kinds: BTreeMap<String, usize>,
    }
    let mut runner = harness::runner(file!());
    let only: Option<String> = std::env::var("XXGK_SURVEY_LAYOUT").ok();
    let mut groups: BTreeMap<(String, String), Group> = BTreeMap::new();
    let mut failing: BTreeMap<String, usize> = BTreeMap::new();
    let n = harness::cases();
    let reports = if std::env::var("XXGK_SURVEY_NO_BLANKS").is_ok() {
        strategies::report_without_blanks().boxed()
    } else {
        strategies::report().boxed()
    };
    for layout in harness::RENDERED.into_iter().chain([Layout::Glued]) {
        if only.as_deref().is_some_and(|o| o != layout.as_str()) {
            continue;
        }
        let noises = wild::noises(layout);
        for _ in 0..n {
            let report = reports.new_tree(&mut runner).unwrap().current();
            let noise = noises.new_tree(&mut runner).unwrap().current();
            let text = damaged(&report, layout, &noise);
            let verdict = diff::exact_or_flagged(&report, xxgk::parse(&text));
            if verdict.ok() {
                continue;
            }
            *failing.entry(layout.as_str().into()).or_default() += 1;
            let clean = report.render(layout).unwrap();
            let clean_fails = !diff::exact_or_flagged(&report, xxgk::parse(&clean)).ok();
            let json = serde_json::to_value(&report).unwrap();
            let blanks = diff::cells(&json).values().any(|v| v.is_null());
            let signature = diff::signature(&verdict);
            let g = groups.entry((layout.as_str().to_string(), signature.clone())).or_default();
            if g.count == 0 {
                let name = harness::survey_name("survey-noise", layout, &signature);
                let note = format!("{signature}\n{noise:?}");
                let case =
                    Case::generated(&name, layout, text, report.clone(), Property::ExactOrFlagged, note);
                harness::save_failure(&case, layout);
            }
            g.count += 1;
            g.clean_fails += usize::from(clean_fails);
            g.with_blanks += usize::from(blanks);
            for k in &noise {
                let kind = format!("{k:?}").split([' ', '{']).next().unwrap_or("").to_string();
                *g.kinds.entry(kind).or_default() += 1;
            }
        }
    }
    println!("{n} cases per layout; failing per layout: {failing:?}");
    let mut sorted: Vec<_> = groups.into_iter().collect();
    sorted.sort_by_key(|(_, g)| std::cmp::Reverse(g.count));
    for ((layout, sig), g) in sorted {
        println!(
            "{:5} {layout:13} clean-fails {:4} blanks {:4} {:?}\n        {sig}",
            g.count, g.clean_fails, g.with_blanks, g.kinds
        );
    }
}

//! `parse(render(r)) == r`: for every generated report and every layout a renderer writes,
//! the parse of the clean rendering has every cell, `edition`, `year`, `organ` and
//! `failed_checks` (as a set of (rule, at)) as generated, and nothing in `uncertain`.
//!
//! Cases per layout: `XXGK_PROPTEST_CASES` (2000 by default); seed: `XXGK_PROPTEST_SEED`
//! (fixed by default, `random` to explore). A failing case is shrunk, and the minimal one is
//! written to `target/tmp/xxgk-property-failures/` (rendered text and expected JSON).

mod diff;
mod harness;

use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestError;
use xxgk::{Layout, Report};

use harness::{Case, Property};
use xxgk_tests::strategies;

fn check(report: &Report, layout: Layout) -> Result<(), String> {
    let text = report.render(layout).map_err(|e| format!("render {}: {e}", layout.as_str()))?;
    let verdict = diff::roundtrip(report, xxgk::parse(&text), layout.as_str());
    if verdict.ok() {
        return Ok(());
    }
    let name = format!("roundtrip-{}", layout.as_str());
    let case = Case::generated(&name, layout, text, report.clone(), Property::Roundtrip, String::new());
    let saved = harness::save_failure(&case, layout);
    Err(verdict.message(&format!("layout {} (text in {})", layout.as_str(), saved.display())))
}

fn property(layout: Layout, reports: impl Strategy<Value = Report>) {
    let mut runner = harness::runner(file!());
    let result = runner
        .run(&reports, |report| check(&report, layout).map_err(proptest::test_runner::TestCaseError::fail));
    match result {
        Ok(()) => {}
        Err(TestError::Fail(reason, report)) => panic!(
            "parse(render(r)) != r\n{reason}\nminimal report: {}",
            serde_json::to_string(&harness::expected_json(&report)).unwrap()
        ),
        Err(e) => panic!("{e}"),
    }
}

// Every layout, on reports with and without blank cells. A property that fails today is
// ignored with the class that breaks it (described, with minimal cases, in
// `fixtures/roundtrip/failing/README.md`); run it with `-- --ignored`.

#[test]
fn roundtrip_markdown() {
    property(Layout::Markdown, strategies::report());
}

#[test]
fn roundtrip_markdown_without_blanks() {
    property(Layout::Markdown, strategies::report_without_blanks());
}

#[test]
fn roundtrip_tsv() {
    property(Layout::Tsv, strategies::report());
}

#[test]
fn roundtrip_tsv_without_blanks() {
    property(Layout::Tsv, strategies::report_without_blanks());
}

#[test]
fn roundtrip_csv() {
    property(Layout::Csv, strategies::report());
}

#[test]
fn roundtrip_csv_without_blanks() {
    property(Layout::Csv, strategies::report_without_blanks());
}

#[test]
fn roundtrip_cell_per_line() {
    property(Layout::CellPerLine, strategies::report());
}

#[test]
fn roundtrip_tab_cells() {
    property(Layout::TabCells, strategies::report());
}

#[test]
fn roundtrip_html() {
    property(Layout::Html, strategies::report());
}

#[test]
fn roundtrip_html_without_blanks() {
    property(Layout::Html, strategies::report_without_blanks());
}

/// A table the report leaves blank whole is flagged in aligned text, rightly (see
/// `diff::undecidable`); every other cell must be read exactly.
#[test]
fn roundtrip_aligned() {
    property(Layout::Aligned, strategies::report());
}

/// Aligned text writes a blank cell as nothing but spaces; every other value must still be
/// read exactly.
#[test]
fn roundtrip_aligned_without_blanks() {
    property(Layout::Aligned, strategies::report_without_blanks());
}

/// Organs a title may name that the main generator leaves out: placeholders with Latin
/// letters or marks (`XX县交通运输局`, `××市人民政府`) and full-width brackets
/// (`中国（上海）自由贸易试验区管理委员会`).
#[test]
fn roundtrip_unusual_organs() {
    // The organ is read from the title, written alike in every layout: a few layouts suffice.
    for layout in [Layout::Markdown, Layout::CellPerLine, Layout::Html, Layout::Tsv, Layout::Aligned] {
        property(layout, strategies::report_with_unusual_organ());
    }
}

/// The renderers write every layout but the parser-only ones.
#[test]
fn parser_only_layouts_are_not_rendered() {
    let report = xxgk::parse(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures/seeds/002_eee78a6d75b74889.txt"
        ))
        .unwrap(),
    )
    .unwrap();
    for layout in [Layout::ReadingOrder, Layout::ColumnMajor] {
        assert_eq!(report.render(layout), Err(xxgk::RenderError::Unsupported(layout)));
    }
}

/// A survey, not a test: `cargo test --release --test roundtrip -- --ignored survey
/// --nocapture` counts the failing cases of every layout, without shrinking, grouped by
/// which rows go wrong.
#[test]
#[ignore]
fn survey() {
    use std::collections::BTreeMap;
    let mut runner = harness::runner(file!());
    let reports = match std::env::var("XXGK_SURVEY_REPORTS").as_deref() {
        Ok("whole_without_blanks") => strategies::report_whole_without_blanks().boxed(),
        Ok("without_blanks") => strategies::report_without_blanks().boxed(),
        _ => strategies::report().boxed(),
    };
    let mut groups: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut failing: BTreeMap<String, usize> = BTreeMap::new();
    let n = harness::cases();
    for _ in 0..n {
        let report = reports.new_tree(&mut runner).unwrap().current();
        for layout in harness::RENDERED {
            let text = report.render(layout).unwrap();
            let verdict = diff::roundtrip(&report, xxgk::parse(&text), layout.as_str());
            if verdict.ok() {
                continue;
            }
            *failing.entry(layout.as_str().into()).or_default() += 1;
            let signature = diff::signature(&verdict);
            let count = groups.entry((layout.as_str().to_string(), signature.clone())).or_default();
            if *count == 0 {
                let name = harness::survey_name("survey", layout, &signature);
                let case = Case::generated(
                    &name,
                    layout,
                    text,
                    report.clone(),
                    Property::Roundtrip,
                    signature.clone(),
                );
                harness::save_failure(&case, layout);
            }
            *count += 1;
        }
    }
    println!("{n} reports; failing per layout: {failing:?}");
    for ((layout, sig), count) in &groups {
        println!("{count:5}  {layout:14} {sig}");
    }
}

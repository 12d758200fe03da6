//! Every fixture report against its gold data, cell by cell.

use serde_json::Value;
use xxgk_tests::{cases, expected_checks, reported_checks, score, Score};

fn parse(path: &std::path::Path) -> Value {
    let bytes = std::fs::read(path).unwrap();
    let report = xxgk::parse_bytes(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::to_value(report).unwrap()
}

fn meta_matches(report: &Value, gold: &Value) -> Vec<String> {
    let skip: Vec<&str> =
        gold["uncertain"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
    ["edition", "year", "organ"]
        .into_iter()
        .filter(|k| gold.get(*k).is_some() && !skip.contains(k) && report[*k] != gold[*k])
        .map(|k| format!("{k}: {} (gold {})", report[k], gold[k]))
        .collect()
}

/// Every report of `inputs` parses to exactly its gold in `gold`: cells, metadata, rows and
/// failed checks.
fn assert_exact(inputs: &str, gold_dir: &str) {
    for (input, gold) in cases(inputs, gold_dir) {
        let report = parse(&input);
        let mut wrong = Vec::new();
        let s = score(&report, &gold, &mut wrong);
        let name = input.file_name().unwrap().to_string_lossy();
        assert_eq!(s.exact, s.cells, "{name}: wrong cells {wrong:?}");
        assert!(meta_matches(&report, &gold).is_empty(), "{name}: {:?}", meta_matches(&report, &gold));
        assert_eq!(reported_checks(&report), expected_checks(&gold), "{name}: failed_checks");
        // Same rows as the gold, no more: absent tables are null, rows follow the edition.
        for table in ["active_disclosure", "requests", "appeals"] {
            let keys = |v: &Value| v[table].as_object().map(|o| o.keys().cloned().collect::<Vec<_>>());
            assert_eq!(keys(&report), keys(&gold), "{name}: rows of {table}");
        }
        assert_eq!(report["uncertain"], Value::Array(Vec::new()), "{name}: clean input, nothing uncertain");
    }
}

#[test]
fn seeds_parse_exactly_to_their_gold() {
    for (input, gold) in cases("seeds", "gold") {
        let report = parse(&input);
        let mut wrong = Vec::new();
        let s = score(&report, &gold, &mut wrong);
        let name = input.file_name().unwrap().to_string_lossy();
        assert_eq!(s.exact, s.cells, "{name}: wrong cells {wrong:?}");
        assert!(meta_matches(&report, &gold).is_empty(), "{name}: {:?}", meta_matches(&report, &gold));
        assert_eq!(reported_checks(&report), expected_checks(&gold), "{name}: failed_checks");
    }
}

/// HTML pages (a Word-exported CMS page in UTF-8 and GBK, a TRS fragment with a table split at
/// a page break) and markdown with HTML tables: real values, the markup of real pages.
#[test]
fn html_pages_parse_exactly_to_their_gold() {
    assert_exact("html", "html/gold");
}

#[test]
fn seed_failed_checks_are_the_ones_the_issue_lists() {
    let checks = |stem: &str| {
        let (input, _) =
            cases("seeds", "gold").into_iter().find(|(p, _)| p.to_string_lossy().contains(stem)).unwrap();
        reported_checks(&parse(&input))
    };
    let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
    assert_eq!(
        checks("000_"),
        [pair("column_balance", "commercial_enterprise"), pair("row_sum", "new_received")]
            .into_iter()
            .collect()
    );
    assert_eq!(checks("001_"), [pair("appeals_sum", "litigation_direct")].into_iter().collect());
}

#[test]
fn recovered_cells_are_listed_as_uncertain() {
    let (input, _) =
        cases("seeds", "gold").into_iter().find(|(p, _)| p.to_string_lossy().contains("000_")).unwrap();
    let report = parse(&input);
    let uncertain: Vec<&str> =
        report["uncertain"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
    assert!(uncertain.iter().any(|p| p.starts_with("requests.withheld_state_secret.")), "{uncertain:?}");
    assert!(uncertain.iter().all(|p| p.starts_with("requests.withheld_state_secret.")), "{uncertain:?}");
}

/// Every report of `inputs` against its gold in `gold`: every cell exact or listed in
/// `uncertain`, metadata exact, failed checks as the values given imply. Prints the score and
/// returns it.
fn assert_exact_or_flagged(inputs: &str, gold_dir: &str, check_failures: bool) -> Score {
    let mut total = Score::default();
    let mut failures = Vec::new();
    for (input, gold) in cases(inputs, gold_dir) {
        let report = parse(&input);
        let mut wrong = Vec::new();
        let s = score(&report, &gold, &mut wrong);
        let name = input.file_name().unwrap().to_string_lossy().to_string();
        println!(
            "{name}: {}/{} exact, {} flagged, {} wrong unflagged {wrong:?}",
            s.exact, s.cells, s.flagged, s.silent
        );
        if s.silent > 0 {
            failures.push(format!("{name}: {wrong:?}"));
        }
        let meta = meta_matches(&report, &gold);
        if !meta.is_empty() {
            failures.push(format!("{name}: {meta:?}"));
        }
        if check_failures && reported_checks(&report) != expected_checks(&gold) {
            failures.push(format!("{name}: failed_checks {:?}", reported_checks(&report)));
        }
        total.cells += s.cells;
        total.exact += s.exact;
        total.flagged += s.flagged;
        total.silent += s.silent;
    }
    println!(
        "{inputs} score: {} cells, {} exact ({:.2}%), {} wrong but flagged uncertain, {} wrong and unflagged",
        total.cells,
        total.exact,
        100.0 * total.exact as f64 / total.cells.max(1) as f64,
        total.flagged,
        total.silent
    );
    assert!(failures.is_empty(), "{failures:#?}");
    total
}

/// The corpus of real reports in worse shape: every cell exact or listed in `uncertain`.
#[test]
fn corpus_cells_are_exact_or_flagged() {
    let total = assert_exact_or_flagged("corpus/real", "corpus/gold", true);
    assert!(total.exact * 100 >= total.cells * 99, "fewer than 99% of corpus cells exact");
}

/// PDF text extractions of reports whose blank cells left no trace: numbers are placed by
/// where they stand when a full row shows the columns, and flagged when nothing does.
#[test]
fn pdf_text_with_blank_cells_is_exact_or_flagged() {
    let total = assert_exact_or_flagged("pdf", "pdf/gold", false);
    assert!(total.exact * 100 >= total.cells * 95, "fewer than 95% of pdf cells exact");
}

/// The report of the pdf fixture `name`, whose table 三 must be read whole: every cell exact,
/// none uncertain.
fn requests_read_whole(name: &str) -> Value {
    let (input, gold) =
        cases("pdf", "pdf/gold").into_iter().find(|(p, _)| p.to_string_lossy().contains(name)).unwrap();
    let report = parse(&input);
    assert_eq!(report["requests"], gold["requests"]);
    let doubted = report["uncertain"].as_array().unwrap().iter().filter_map(Value::as_str);
    assert_eq!(doubted.filter(|c| c.starts_with("requests.")).count(), 0);
    report
}

/// pdftotext's reading order of a table 三 whose first column and other columns were two flows
/// of text: thirteen rows with one number beside each label, then the other six columns of all
/// thirteen, column by column. The row sums say so, and the rows are read whole.
#[test]
fn a_table_read_in_two_flows_is_rebuilt_column_by_column() {
    let report = requests_read_whole("trs_2021_pdftotext_plain");
    assert_eq!(report["layout"]["requests"], "column_major");
}

/// `pdftotext -raw` prints a tall row on three lines: its first number beside the label, the
/// next five, the total (`3.补正后申请内容仍不明确 0` / `0 0 0 0 0` / `0`).
#[test]
fn a_row_printed_on_three_lines_is_joined() {
    requests_read_whole("trs_2021_pdftotext_raw");
}

/// Word documents converted by pandoc (multiline and grid tables, plain text) and to GitHub
/// markdown: exact where no cell is blank, flagged where blanks left no trace.
#[test]
fn docx_conversions_are_exact_or_flagged() {
    let total = assert_exact_or_flagged("docx", "docx/gold", false);
    assert!(total.exact * 100 >= total.cells * 95, "fewer than 95% of docx cells exact");
}

#[test]
fn a_pre_2019_report_has_no_tables_and_says_why() {
    let (input, gold) = cases("corpus/real", "corpus/gold")
        .into_iter()
        .find(|(p, _)| p.to_string_lossy().contains("pre2019"))
        .unwrap();
    let report = parse(&input);
    assert_eq!(report["edition"], Value::Null);
    assert_eq!(report["year"], gold["year"]);
    for table in ["active_disclosure", "requests", "appeals"] {
        assert_eq!(report[table], Value::Null);
    }
    let codes: Vec<&str> =
        report["diagnostics"].as_array().unwrap().iter().filter_map(|d| d["code"].as_str()).collect();
    assert!(codes.contains(&"pre_2019_template"), "{codes:?}");
}

#[test]
fn text_without_tables_is_an_error_that_says_so() {
    let err = xxgk::parse("今天天气很好。\n没有表格。").unwrap_err();
    assert!(matches!(err, xxgk::Error::NoTables { .. }));
    assert!(err.to_string().contains("no report tables"), "{err}");
}

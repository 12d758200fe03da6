//! `xxgk check`: the report in words a person reads — what was found, from which layout, what
//! does not add up, and which cells are not certain.

use std::fmt::Write;

use xxgk::{AppealField, Applicant, Report, RequestRow, Rule};

/// The summary of `report`, read from `source`.
pub fn summary(report: &Report, source: &str) -> String {
    let mut out = String::new();
    let dash = "—".to_string();
    let _ = writeln!(out, "{source}");
    let _ = writeln!(
        out,
        "  organ    {}\n  year     {}\n  edition  {}",
        report.organ.clone().unwrap_or_else(|| dash.clone()),
        report.year.map_or(dash.clone(), |y| y.to_string()),
        match report.edition {
            Some(e) => format!("{} ({})", e.as_str(), edition_name(e)),
            None => "none (the report predates the 2019 template)".to_string(),
        }
    );
    let _ = writeln!(out, "\nTables");
    let tables = [
        ("二 主动公开政府信息情况", report.active_disclosure.is_some(), report.layout.active_disclosure),
        ("三 收到和处理政府信息公开申请情况", report.requests.is_some(), report.layout.requests),
        ("四 行政复议、行政诉讼情况", report.appeals.is_some(), report.layout.appeals),
    ];
    for (name, found, layout) in tables {
        let how = match (found, layout) {
            (true, Some(l)) => format!("read from {}", l.as_str()),
            (true, None) => "read".to_string(),
            (false, _) => "not found".to_string(),
        };
        let rows = if name.starts_with('三') {
            report.requests.as_ref().map_or(String::new(), |r| {
                format!(", {} rows", RequestRow::ALL.iter().filter(|&&k| r.get(k).is_some()).count())
            })
        } else {
            String::new()
        };
        let _ = writeln!(out, "  {name:<24} {how}{rows}");
    }
    if report.failed_checks.is_empty() {
        if report.requests.is_some() || report.appeals.is_some() {
            let _ = writeln!(out, "\nEvery cross-check (勾稽关系) holds.");
        }
    } else {
        let _ = writeln!(out, "\nFailed checks ({})", report.failed_checks.len());
        for c in &report.failed_checks {
            let _ = writeln!(
                out,
                "  {:<15} at {:<28} {}",
                c.rule.as_str(),
                c.at,
                equation(c.rule, &c.at, c.expected, c.found)
            );
        }
    }
    if !report.uncertain.is_empty() {
        let _ = writeln!(
            out,
            "\nUncertain cells ({}): inferred, repaired or ambiguous in the source",
            report.uncertain.len()
        );
        for path in &report.uncertain {
            let _ = writeln!(out, "  {path} = {}", value_at(report, path).unwrap_or_else(|| "null".into()));
        }
    }
    if !report.diagnostics.is_empty() {
        let _ = writeln!(out, "\nNotes");
        for d in &report.diagnostics {
            let place = match (d.line, d.column) {
                (Some(l), Some(c)) => format!("line {l}:{c}"),
                _ => "whole text".to_string(),
            };
            let _ = writeln!(out, "  {place:<14} {}", d.message);
        }
    }
    out
}

fn edition_name(e: xxgk::Edition) -> &'static str {
    match e {
        xxgk::Edition::E2019 => "国办公开办函〔2019〕60号",
        xxgk::Edition::E2021 => "国办公开办函〔2021〕30号",
    }
}

/// Both sides of a broken identity, in the template's words.
fn equation(rule: Rule, at: &str, expected: i64, found: i64) -> String {
    let column = Applicant::ALL.iter().find(|c| c.key() == at).map_or(at, |c| c.label());
    match rule {
        Rule::RowSum => format!("自然人 + 法人或其他组织 = {expected}, but 总计 = {found}"),
        Rule::ColumnBalance => {
            format!("[{column}] 本年新收 + 上年结转 = {expected}, but 办理结果总计 + 结转下年度 = {found}")
        }
        Rule::ResultsSum => {
            format!("[{column}] the results (一)–(六) add up to {expected}, but (七)总计 = {found}")
        }
        Rule::AppealsSum => format!(
            "{} + {} + {} + {} = {expected}, but 总计 = {found}",
            AppealField::Upheld.label(),
            AppealField::Corrected.label(),
            AppealField::Other.label(),
            AppealField::Pending.label()
        ),
    }
}

/// The value of a cell path in the report's JSON.
fn value_at(report: &Report, path: &str) -> Option<String> {
    let json = serde_json::to_value(report).ok()?;
    let mut v = &json;
    for part in path.split('.') {
        v = v.get(part)?;
    }
    Some(v.to_string())
}

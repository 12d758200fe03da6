//! `xxgk batch` on a folder of generated reports with bad files among them: every line is what
//! the library gives for its file, bad files are listed with their error, and the summary
//! counts what the lines hold.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// A fresh folder of 16 generated reports (two of each layout, half in a subfolder) and two
/// files that are not reports.
fn corpus(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("xxgk-batch-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("in/more")).unwrap();
    for item in xxgk_benches::corpus(7, 16, None) {
        let sub = if item.index % 2 == 0 { "in" } else { "in/more" };
        std::fs::write(dir.join(sub).join(item.file_name()), &item.text).unwrap();
    }
    std::fs::write(dir.join("in/notes.txt"), "会议纪要：本文没有任何表格。\n").unwrap();
    std::fs::write(dir.join("in/more/scan.bin"), [0xffu8, 0xfe, 0x00, 0xd8, 0x00, 0x00, 0x41]).unwrap();
    dir
}

fn batch(dir: &Path, out: &str) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_xxgk"))
        .args(["batch", dir.join("in").to_str().unwrap(), "--out", dir.join(out).to_str().unwrap()])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    // Piped: no progress bar.
    assert!(output.stderr.is_empty(), "{}", String::from_utf8_lossy(&output.stderr));
    output
}

/// The library's report of `file`, as JSON, or its error.
fn library(file: &str) -> Result<Value, String> {
    let bytes = std::fs::read(file).unwrap();
    xxgk::parse_bytes(&bytes).map(|r| serde_json::to_value(r).unwrap()).map_err(|e| e.to_string())
}

fn summary_line(summary: &str, key: &str) -> String {
    let line = summary.lines().find(|l| l.starts_with(key)).unwrap_or_else(|| panic!("{summary}"));
    line[key.len()..].trim().to_string()
}

#[test]
fn jsonl_has_a_line_per_file_and_the_summary_counts_them() {
    let dir = corpus("jsonl");
    let output = batch(&dir, "results.jsonl");
    let text = std::fs::read_to_string(dir.join("results.jsonl")).unwrap();
    let lines: Vec<Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 18);
    let (mut checks, mut with_checks, mut uncertain, mut bad) = (0, 0, 0, Vec::new());
    for line in &lines {
        let file = line["file"].as_str().unwrap();
        match library(file) {
            Ok(report) => {
                assert_eq!(line["report"], report, "{file}");
                let n = report["failed_checks"].as_array().unwrap().len();
                checks += n;
                with_checks += usize::from(n > 0);
                uncertain += report["uncertain"].as_array().unwrap().len();
            }
            Err(error) => {
                assert_eq!(line["error"], error.as_str(), "{file}");
                bad.push(file.to_string());
            }
        }
    }
    bad.sort();
    let names: Vec<&str> = bad.iter().map(|f| Path::new(f).file_name().unwrap().to_str().unwrap()).collect();
    assert_eq!(names, ["scan.bin", "notes.txt"]);

    let summary = String::from_utf8(output.stdout).unwrap();
    assert_eq!(summary_line(&summary, "files"), "18");
    assert_eq!(summary_line(&summary, "reports"), "16");
    assert_eq!(summary_line(&summary, "errors"), "2");
    assert_eq!(summary_line(&summary, "failed checks"), format!("{checks} (in {with_checks} reports)"));
    assert_eq!(summary_line(&summary, "uncertain"), format!("{uncertain} cells"));
    assert!(summary_line(&summary, "throughput").contains("MB/s"), "{summary}");
    let listed = summary.split("Files without a report (2)\n").nth(1).unwrap_or_else(|| panic!("{summary}"));
    for file in &bad {
        assert!(listed.contains(&format!("  {file}: {}", library(file).unwrap_err())), "{summary}");
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn csv_is_the_tidy_long_form_with_a_line_per_bad_file() {
    let dir = corpus("csv");
    batch(&dir, "results.csv");
    let text = std::fs::read_to_string(dir.join("results.csv")).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("file,organ,year,edition,table,row,column,value,uncertain,error"));
    let mut rows: Vec<Vec<String>> = lines.map(|l| l.split(',').map(str::to_string).collect()).collect();
    let mut expected = Vec::new();
    for file in rows.iter().map(|r| r[0].clone()).collect::<std::collections::BTreeSet<_>>() {
        let Ok(report) = library(&file) else {
            expected.push(format!("{file} error"));
            continue;
        };
        let uncertain = report["uncertain"].as_array().unwrap();
        for table in ["active_disclosure", "requests", "appeals"] {
            for (row, cells) in report[table].as_object().into_iter().flatten() {
                for (column, value) in cells.as_object().unwrap() {
                    let path = Value::from(format!("{table}.{row}.{column}"));
                    let value = if value.is_null() { String::new() } else { value.to_string() };
                    let flag = uncertain.contains(&path);
                    expected.push(format!("{file} {table} {row} {column} {value} {flag}"));
                }
            }
        }
    }
    let mut found: Vec<String> = rows
        .iter_mut()
        .map(|r| {
            if r[9].is_empty() {
                // The organs have no commas: the fields are the columns.
                assert_eq!(r.len(), 10, "{r:?}");
                format!("{} {} {} {} {} {}", r[0], r[4], r[5], r[6], r[7], r[8])
            } else {
                format!("{} error", r[0])
            }
        })
        .collect();
    expected.sort();
    found.sort();
    assert_eq!(found, expected);
    assert_eq!(found.iter().filter(|l| l.ends_with(" error")).count(), 2);
    std::fs::remove_dir_all(dir).unwrap();
}

//! The `xxgk` command as a user runs it.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn xxgk(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_xxgk"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input).unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

fn fixture(rel: &str) -> String {
    format!("{}/../tests/fixtures/{rel}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn parse_prints_the_report_json() {
    let out = xxgk(&["parse", &fixture("seeds/002_eee78a6d75b74889.txt")], None);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["organ"], "赣县区");
    assert_eq!(json["requests"]["new_received"]["total"], 49);
}

#[test]
fn without_a_file_both_commands_run_the_embedded_sample() {
    let parse = xxgk(&["parse"], None);
    assert!(parse.status.success());
    let json: serde_json::Value = serde_json::from_slice(&parse.stdout).unwrap();
    assert_eq!(json["edition"], "2021");
    let check = xxgk(&["check"], None);
    let text = String::from_utf8(check.stdout).unwrap();
    assert!(check.status.success());
    assert!(text.contains("read from tsv"), "{text}");
    assert!(text.contains("row_sum") && text.contains("= 2, but 总计 = 1"), "{text}");
    assert!(text.contains("requests.withheld_state_secret.total"), "{text}");
}

#[test]
fn stdin_is_read_with_a_dash() {
    let input = std::fs::read(fixture("seeds/004_f05a1fd649d31061.txt")).unwrap();
    let out = xxgk(&["parse", "--compact", "-"], Some(&input));
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 1);
}

#[test]
fn failures_exit_non_zero_with_a_message() {
    let missing = xxgk(&["parse", "/no/such/report.txt"], None);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read /no/such/report.txt"));

    let binary = xxgk(&["check", "-"], Some(b"%PDF-1.7\n\xff\xfe\x00\x01"));
    assert!(!binary.status.success());
    assert!(String::from_utf8_lossy(&binary.stderr).contains("not readable text"));

    let prose = xxgk(&["parse", "-"], Some("这是一段没有表格的文字。".as_bytes()));
    assert!(!prose.status.success());
    assert!(String::from_utf8_lossy(&prose.stderr).contains("no report tables found"));
}

#[test]
fn a_report_breaking_its_checks_still_exits_zero() {
    let out = xxgk(&["parse", &fixture("seeds/001_4c71ed4f08d5563c.txt")], None);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["failed_checks"][0]["rule"], "appeals_sum");
}

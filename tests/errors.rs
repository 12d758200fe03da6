//! Errors name what went wrong and where (issue 8): a PDF, binary bytes, GBK that does not
//! decode, a text without tables and an input over the size limit each get a message a user
//! can act on, with the byte offset or line it is about.

use xxgk::Error;

fn decode_error(bytes: &[u8]) -> Error {
    match xxgk::parse_bytes(bytes) {
        Err(e @ (Error::Decode { .. } | Error::Binary { .. })) => e,
        other => panic!("expected a decoding error, got {other:?}"),
    }
}

fn no_tables(text: &str) -> Error {
    match xxgk::parse_bytes(text.as_bytes()) {
        Err(e @ Error::NoTables { .. }) => e,
        other => panic!("expected no tables, got {other:?}"),
    }
}

/// GBK bytes of `text` (every character of these tests is in GBK).
fn gbk(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

const HEAD: &str = "某某区人民政府2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n规章 1 0 5\n";

#[test]
fn a_pdf_is_named_at_byte_0_with_what_to_do() {
    let pdf = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n";
    let err = decode_error(pdf);
    assert_eq!(err.offset(), Some(0));
    let message = err.to_string();
    for words in ["not readable text", "byte 0", "PDF", "extract its text first"] {
        assert!(message.contains(words), "{message:?} lacks {words:?}");
    }
}

#[test]
fn other_documents_saved_by_mistake_are_named_too() {
    let heads: [&[u8]; 5] = [
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",        // an image
        b"PK\x03\x04\x14\x00\x06\x00",           // .docx, .xlsx, .zip
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", // .doc, .xls
        b"\xFF\xD8\xFF\xE0\0\x10JFIF",           // a JPEG
        b"{\\rtf1\\ansi\\ansicpg936 ",           // RTF
    ];
    for head in heads {
        let err = decode_error(head);
        assert_eq!(err.offset(), Some(0), "{head:?}");
        assert!(err.to_string().contains("extract its text first"), "{err}");
    }
}

/// The error for the bytes of `HEAD` followed by `tail`, and where `tail` starts.
fn error_after_head(tail: &[u8]) -> (Error, usize) {
    let mut bytes = HEAD.as_bytes().to_vec();
    bytes.extend_from_slice(tail);
    (decode_error(&bytes), HEAD.len())
}

#[test]
fn binary_bytes_are_named_as_binary_and_located() {
    let (err, at) = error_after_head(b"\x00\x01\x02\x03binary");
    assert_eq!((err.offset(), err.line()), (Some(at), Some(4)));
    let message = err.to_string();
    // A NUL is valid UTF-8: not "invalid UTF-8". The line is what an editor shows; the byte
    // offset, what a hex editor does.
    for words in ["not readable text", "NUL byte", &format!("byte {at}"), "line 4"] {
        assert!(message.contains(words), "{message:?} lacks {words:?}");
    }
    assert!(!message.contains("invalid UTF-8"), "{message}");
    // A binary file is not taken for a PDF when its first bytes are text.
    assert!(!message.contains("PDF"), "{message}");
}

#[test]
fn undecodable_utf8_is_located() {
    let (err, at) = error_after_head(b"\xFF\xFE trailing");
    assert_eq!(err.offset(), Some(at));
    assert!(err.to_string().contains(&format!("invalid UTF-8 at byte {at}")), "{err}");
}

#[test]
fn declared_gbk_that_does_not_decode_is_located() {
    let mut bytes = b"<html><head><meta charset=\"gbk\"></head><body>".to_vec();
    bytes.extend(gbk(HEAD));
    let at = bytes.len();
    bytes.extend_from_slice(b"\x81\x20"); // a lead byte without its trail byte
    bytes.extend(gbk("规章"));
    let err = decode_error(&bytes);
    assert_eq!(err.offset(), Some(at));
    let message = err.to_string();
    assert!(message.to_lowercase().contains("gb18030") || message.contains("GBK"), "{message}");
    assert!(message.contains(&format!("byte {at}")), "{message}");
}

#[test]
fn undeclared_gbk_that_does_not_decode_is_located() {
    // A GBK text (as most Chinese government pages saved before 2015 are) with one bad byte
    // pair after three lines: located where GB18030 fails, not at byte 0 where UTF-8 did (with
    // the hint for PDFs, which would send the user after the wrong problem).
    let mut bytes = gbk(HEAD);
    let at = bytes.len();
    bytes.extend_from_slice(b"\x81\x20");
    bytes.extend(gbk("规章"));
    let err = decode_error(&bytes);
    assert_eq!(err.offset(), Some(at));
    let message = err.to_string();
    assert!(message.contains(&format!("byte {at}")), "{message}");
    assert!(message.contains("GB18030") || message.contains("GBK"), "{message}");
    assert!(!message.contains("PDF"), "{message}");
}

#[test]
fn a_text_without_a_title_or_tables_says_so() {
    let err = no_tables("Dear all,\nthe meeting is moved to Friday.\n");
    assert_eq!(err.line(), None);
    let message = err.to_string();
    for words in
        ["no report tables found", "政府信息公开工作年度报告 title", "二 主动公开", "三 收到和处理申请"]
    {
        assert!(message.contains(words), "{message:?} lacks {words:?}");
    }
    // An empty input is the same case, not a panic or an empty report.
    assert!(no_tables("").to_string().contains("0 characters"));
}

#[test]
fn a_report_without_tables_names_the_line_of_its_title() {
    let text =
        "首页 > 政府信息公开\n\n某某区人民政府2021年政府信息公开工作年度报告\n一、总体情况\n我区坚持……\n";
    let err = no_tables(text);
    assert_eq!(err.line(), Some(3));
    let message = err.to_string();
    assert!(message.contains("line 3"), "{message}");
    assert!(message.contains("were they images?"), "{message}");
}

#[test]
fn headings_without_values_are_told_apart() {
    let text = "某某区人民政府2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n（见附件）\n\
                三、收到和处理政府信息公开申请情况\n（见附件）\n四、政府信息公开行政复议、行政诉讼情况\n";
    let message = no_tables(text).to_string();
    assert!(message.contains("headings of the tables but no values"), "{message}");
}

#[test]
fn too_large_says_both_sizes_and_what_to_do() {
    let options = xxgk::Options { max_bytes: 4096 };
    let err = options.parse_bytes(&[b'1'; 5000]).unwrap_err();
    assert_eq!(err, Error::TooLarge { size: 5000, limit: 4096 });
    let message = err.to_string();
    for words in ["5000 bytes", "limit of 4096 bytes", "split it or raise the limit"] {
        assert!(message.contains(words), "{message:?} lacks {words:?}");
    }
    // The size is checked before anything is decoded: binary over the limit is too large,
    // not undecodable.
    let err = options.parse_bytes(&[0u8; 5000]).unwrap_err();
    assert!(matches!(err, Error::TooLarge { .. }), "{err}");
}

/// UTF-8 with a few broken bytes (a tool that cut characters in two) is read, not refused:
/// each broken sequence becomes U+FFFD, and a table that holds one is doubted whole, since a
/// digit may be what was lost; broken bytes elsewhere cost the tables nothing.
#[test]
fn a_few_broken_bytes_are_read_and_their_table_doubted() {
    let report =
        std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/seeds/002_eee78a6d75b74889.txt"))
            .unwrap();
    let text = String::from_utf8(report.clone()).unwrap();
    // `申请人情况` in table 三's header loses the last byte of `况`.
    let at = text.find("申请人情况").unwrap() + "申请人情".len() + 2;
    let mut damaged = report.clone();
    damaged.remove(at);
    let parsed = xxgk::parse_bytes(&damaged).unwrap();
    let clean = xxgk::parse_bytes(&report).unwrap();
    assert_eq!(parsed.requests, clean.requests, "the values are read as before");
    assert!(parsed.diagnostics.iter().any(|d| d.code == "table_damaged"));
    assert!(parsed.uncertain.iter().any(|p| p == "requests.new_received.total"), "{:?}", parsed.uncertain);
    assert!(!parsed.uncertain.iter().any(|p| p.starts_with("appeals.")), "{:?}", parsed.uncertain);
    // In the title's prose instead: nothing doubted.
    let at = text.find("年度报告").unwrap() + 2;
    let mut damaged = report;
    damaged.remove(at);
    let parsed = xxgk::parse_bytes(&damaged).unwrap();
    assert!(parsed.uncertain.is_empty(), "{:?}", parsed.uncertain);
}

//! Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, and the GB encodings Chinese
//! government pages still use (GBK, GB2312, GB18030), declared in `<meta charset>` or detected.

use std::borrow::Cow;

use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE};

use crate::error::Error;

/// Decodes `bytes` into text.
pub(crate) fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, Error> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest, 3);
    }
    for (bom, enc) in [(b"\xFF\xFE", UTF_16LE), (b"\xFE\xFF", UTF_16BE)] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            return strict(enc, rest, 2);
        }
    }
    // Files people save by mistake instead of a report's text: say so at byte 0, where the
    // error's hint tells them to extract the text first.
    const SIGNATURES: &[&[u8]] =
        &[b"%PDF", b"\x89PNG", b"PK\x03\x04", b"\xD0\xCF\x11\xE0", b"\xFF\xD8\xFF", b"GIF8", b"{\\rtf"];
    if SIGNATURES.iter().any(|s| bytes.starts_with(s)) {
        return Err(Error::Decode { encoding: "UTF-8", offset: 0 });
    }
    if let Some(at) = memchr::memchr(0, bytes) {
        // Binary (or UTF-16 without a BOM, which no report is published in).
        return Err(Error::Decode { encoding: "UTF-8", offset: at });
    }
    let err = match std::str::from_utf8(bytes) {
        Ok(s) => return Ok(Cow::Borrowed(s)),
        Err(e) => e,
    };
    // GBK and GB2312 pages are decoded as GB18030, their superset. Only this decoder is linked:
    // looking encodings up by label would pull every CJK table into the WASM build.
    let declared = crate::layout::html::declared_charset(bytes).filter(|label| is_gb(label));
    match strict(GB18030, bytes, 0) {
        Ok(s) => Ok(s),
        Err(_) if declared.is_none() => Err(Error::Decode { encoding: "UTF-8", offset: err.valid_up_to() }),
        Err(e) => Err(e),
    }
}

/// Whether `label` names an encoding of the GB family (WHATWG labels).
fn is_gb(label: &str) -> bool {
    matches!(
        label,
        "gbk"
            | "gb2312"
            | "gb18030"
            | "x-gbk"
            | "cp936"
            | "ms936"
            | "windows-936"
            | "chinese"
            | "csgb2312"
            | "csiso58gb231280"
            | "gb_2312"
            | "gb_2312-80"
            | "iso-ir-58"
            | "euc-cn"
    )
}

fn utf8(bytes: &[u8], base: usize) -> Result<Cow<'_, str>, Error> {
    std::str::from_utf8(bytes)
        .map(Cow::Borrowed)
        .map_err(|e| Error::Decode { encoding: "UTF-8", offset: base + e.valid_up_to() })
}

/// Decodes with `enc`, failing at the first malformed sequence.
fn strict(enc: &'static Encoding, bytes: &[u8], base: usize) -> Result<Cow<'static, str>, Error> {
    let mut decoder = enc.new_decoder_without_bom_handling();
    let mut out =
        String::with_capacity(decoder.max_utf8_buffer_length(bytes.len()).unwrap_or(bytes.len() * 3));
    let mut read = 0;
    loop {
        let (result, n) = decoder.decode_to_string_without_replacement(&bytes[read..], &mut out, true);
        match result {
            encoding_rs::DecoderResult::InputEmpty => return Ok(Cow::Owned(out)),
            encoding_rs::DecoderResult::OutputFull => {
                read += n;
                out.reserve(bytes.len());
            }
            encoding_rs::DecoderResult::Malformed(bad, _) => {
                let at = (read + n).saturating_sub(usize::from(bad));
                return Err(Error::Decode { encoding: enc.name(), offset: base + at });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("规章".as_bytes()).unwrap(), "规章");
        assert_eq!(decode(b"\xEF\xBB\xBF\xE8\xA7\x84").unwrap(), "规");
    }

    #[test]
    fn gbk_is_detected_or_declared() {
        let (gbk, _, _) = encoding_rs::GBK.encode("二、主动公开政府信息情况 规章 0");
        assert_eq!(decode(&gbk).unwrap(), "二、主动公开政府信息情况 规章 0");
        let mut page = b"<meta charset=\"gb2312\">".to_vec();
        page.extend_from_slice(&gbk);
        assert!(decode(&page).unwrap().contains("主动公开"));
    }

    #[test]
    fn binary_is_an_error_with_its_offset() {
        assert_eq!(decode(b"text\n\x00\x01").unwrap_err(), Error::Decode { encoding: "UTF-8", offset: 5 });
    }

    #[test]
    fn documents_that_are_not_text_are_named_at_byte_0() {
        for head in [&b"%PDF-1.7\n%\xE2\xE3"[..], b"\x89PNG\r\n\x1a\n", b"PK\x03\x04\x14\x00"] {
            let err = decode(head).unwrap_err();
            assert_eq!(err.offset(), Some(0));
            assert!(err.to_string().contains("extract its text first"), "{err}");
        }
    }
}

//! Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, and — with the `gbk` feature,
//! on by default — the GB encodings Chinese government pages still use (GBK, GB2312,
//! GB18030), declared in `<meta charset>` or detected.

use std::borrow::Cow;

use crate::error::Error;

/// A decoder for GB text supplied by the caller (the platform's, in the WASM build).
pub(crate) type GbDecoder<'a> = &'a dyn Fn(&[u8]) -> Option<String>;

/// Decodes `bytes` into text; `fallback` decodes GB text when the `gbk` feature is off.
pub(crate) fn decode<'b>(bytes: &'b [u8], fallback: Option<GbDecoder<'_>>) -> Result<Cow<'b, str>, Error> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest, 3).or_else(|err| mostly_utf8(rest).ok_or(err));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, u16::from_be_bytes);
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
        let line = 1 + bytes.get(..at).map_or(0, |before| memchr::memchr_iter(b'\n', before).count());
        return Err(Error::Binary { offset: at, line });
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Cow::Borrowed(s)),
        // A few broken bytes in UTF-8 text, unless the page says it is GB: GB text breaks UTF-8
        // at nearly every character.
        Err(e) => match mostly_utf8(bytes).filter(|_| !declares_gb(bytes)) {
            Some(text) => Ok(text),
            None => gb::decode(bytes, e.valid_up_to())
                .or_else(|err| fallback.and_then(|decode| decode(bytes)).map(Cow::Owned).ok_or(err)),
        },
    }
}

/// UTF-8 text with a few bytes that are not (a tool that cut characters in two, a copy that
/// lost a byte), read with each broken sequence as U+FFFD: at most one byte in a hundred. The
/// report then says where they are, and doubts the cells of a table that holds one (see
/// `Page::tokens`).
fn mostly_utf8(bytes: &[u8]) -> Option<Cow<'static, str>> {
    let invalid: usize = bytes.utf8_chunks().map(|c| c.invalid().len()).sum();
    (invalid * 100 <= bytes.len()).then(|| Cow::Owned(String::from_utf8_lossy(bytes).into_owned()))
}

/// Whether the page declares an encoding of the GB family in `<meta charset>` (WHATWG labels).
fn declares_gb(bytes: &[u8]) -> bool {
    crate::layout::html::declared_charset(bytes).is_some_and(|label| {
        matches!(
            label.as_str(),
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
    })
}

fn utf8(bytes: &[u8], base: usize) -> Result<Cow<'_, str>, Error> {
    std::str::from_utf8(bytes)
        .map(Cow::Borrowed)
        .map_err(|e| Error::Decode { encoding: "UTF-8", offset: base + e.valid_up_to() })
}

/// UTF-16 after its BOM, failing at the first unpaired surrogate or odd byte.
fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<Cow<'static, str>, Error> {
    let units = bytes.chunks(2).map(|p| match *p {
        [a, b] => Ok(unit([a, b])),
        _ => Err(()),
    });
    let mut out = String::with_capacity(bytes.len());
    let mut at = 2;
    for c in char::decode_utf16(units.map_while(Result::ok)) {
        match c {
            Ok(c) => {
                out.push(c);
                at += c.len_utf16() * 2;
            }
            Err(_) => return Err(Error::Decode { encoding: "UTF-16", offset: at }),
        }
    }
    if bytes.len() % 2 == 1 {
        return Err(Error::Decode { encoding: "UTF-16", offset: 2 + bytes.len() - 1 });
    }
    Ok(Cow::Owned(out))
}

/// The GB encodings, read as GB18030, their superset.
#[cfg(feature = "gbk")]
mod gb {
    use std::borrow::Cow;

    use encoding_rs::GB18030;

    use crate::error::Error;

    /// Decodes `bytes`, not UTF-8 from byte `utf8_error`, as GB18030: declared by the page or
    /// not, GB is what a Chinese page that is not UTF-8 is in.
    pub(super) fn decode(bytes: &[u8], utf8_error: usize) -> Result<Cow<'_, str>, Error> {
        let declared = super::declares_gb(bytes);
        let mut decoder = GB18030.new_decoder_without_bom_handling();
        let mut out =
            String::with_capacity(decoder.max_utf8_buffer_length(bytes.len()).unwrap_or(bytes.len() * 3));
        let mut read = 0;
        loop {
            let (result, n) = decoder.decode_to_string_without_replacement(
                bytes.get(read..).unwrap_or(&[]),
                &mut out,
                true,
            );
            match result {
                encoding_rs::DecoderResult::InputEmpty => return Ok(Cow::Owned(out)),
                encoding_rs::DecoderResult::OutputFull => {
                    read += n;
                    out.reserve(bytes.len());
                }
                encoding_rs::DecoderResult::Malformed(bad, after) => {
                    // The malformed bytes, then `after` bytes read past them.
                    let offset = (read + n).saturating_sub(usize::from(bad) + usize::from(after));
                    // Declared, GB18030 broke. Undeclared, the encoding that read further is
                    // the one the text is in: GBK text breaks UTF-8 within its first
                    // characters, UTF-8 Chinese breaks GB18030 at its first odd line end.
                    return Err(if declared || offset >= utf8_error {
                        Error::Decode { encoding: "GB18030", offset }
                    } else {
                        Error::Decode { encoding: "UTF-8", offset: utf8_error }
                    });
                }
            }
        }
    }
}

/// Without the `gbk` feature, bytes that are not UTF-8 are an error where they stop being it.
#[cfg(not(feature = "gbk"))]
mod gb {
    use std::borrow::Cow;

    use crate::error::Error;

    pub(super) fn decode(_: &[u8], utf8_error: usize) -> Result<Cow<'_, str>, Error> {
        Err(Error::Decode { encoding: "UTF-8", offset: utf8_error })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("规章".as_bytes(), None).unwrap(), "规章");
        assert_eq!(decode(b"\xEF\xBB\xBF\xE8\xA7\x84", None).unwrap(), "规");
    }

    #[test]
    fn utf16_with_a_bom() {
        let mut le = b"\xFF\xFE".to_vec();
        le.extend("规章 0".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&le, None).unwrap(), "规章 0");
        let mut be = b"\xFE\xFF".to_vec();
        be.extend("规章".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&be, None).unwrap(), "规章");
        assert_eq!(decode(b"\xFF\xFE\x00\xD8A\x00", None).unwrap_err().offset(), Some(2));
    }

    #[cfg(feature = "gbk")]
    #[test]
    fn gbk_is_detected_or_declared() {
        let (gbk, _, _) = encoding_rs::GBK.encode("二、主动公开政府信息情况 规章 0");
        assert_eq!(decode(&gbk, None).unwrap(), "二、主动公开政府信息情况 规章 0");
        let mut page = b"<meta charset=\"gb2312\">".to_vec();
        page.extend_from_slice(&gbk);
        assert!(decode(&page, None).unwrap().contains("主动公开"));
    }

    #[test]
    fn utf8_with_a_few_broken_bytes_is_read_with_replacement_characters() {
        // A character cut in two (`等` is E7 AD 89) among 360 bytes of text.
        let mut bytes = "规章 0 ".repeat(40).into_bytes();
        bytes.extend_from_slice(b"\xE7\xAD|");
        assert_eq!(decode(&bytes, None).unwrap().matches('\u{FFFD}').count(), 1);
        // Text that is mostly not UTF-8 stays an error, where UTF-8 broke.
        let noise: Vec<u8> = (0..200u8).map(|i| if i % 2 == 0 { 0xFF } else { b'a' }).collect();
        assert!(matches!(decode(&noise, None), Err(Error::Decode { .. })));
    }

    #[test]
    fn binary_is_an_error_with_its_offset_and_line() {
        assert_eq!(decode(b"text\n\x00\x01", None).unwrap_err(), Error::Binary { offset: 5, line: 2 });
    }

    #[test]
    fn documents_that_are_not_text_are_named_at_byte_0() {
        for head in [&b"%PDF-1.7\n%\xE2\xE3"[..], b"\x89PNG\r\n\x1a\n", b"PK\x03\x04\x14\x00"] {
            let err = decode(head, None).unwrap_err();
            assert_eq!(err.offset(), Some(0));
            assert!(err.to_string().contains("extract its text first"), "{err}");
        }
    }
}

//! Normalisation of decoded text into the working text every reader sees, and the map back to
//! positions in the input.
//!
//! The working text has `\n` line ends, half-width ASCII (full-width digits, letters and
//! punctuation folded), HTML entities decoded, zero-width characters removed, and the two
//! "blank cell" spaces — U+00A0 (`&nbsp;`) and U+3000 (`&#12288;`) — both as U+00A0, because a
//! line holding only such a space is how scraped pages write an empty cell; runs of three
//! underscores or more, the padding of text dumps, are spaces.

/// Byte offsets in the working text mapped back to byte offsets in the input. Offsets are
/// recorded only where the two stop advancing together, so the map stays small.
#[derive(Clone, Debug, Default)]
pub(crate) struct OffsetMap {
    /// `(working offset, input offset)` at every point where the delta changes.
    points: Vec<(usize, usize)>,
}

impl OffsetMap {
    /// The input offset of working offset `at`.
    pub(crate) fn to_input(&self, at: usize) -> usize {
        let i = self.points.partition_point(|&(w, _)| w <= at);
        match i.checked_sub(1).and_then(|i| self.points.get(i)) {
            Some(&(w, o)) => o + (at - w),
            None => at,
        }
    }
}

/// Writes the working text while recording where each piece came from in the input.
#[derive(Default)]
pub(crate) struct Emitter {
    pub(crate) out: String,
    map: OffsetMap,
    /// `input - working` for the last recorded point.
    delta: Option<isize>,
}

impl Emitter {
    pub(crate) fn with_capacity(n: usize) -> Self {
        Emitter { out: String::with_capacity(n), ..Emitter::default() }
    }

    fn mark(&mut self, input_at: usize) {
        let delta = input_at as isize - self.out.len() as isize;
        if self.delta != Some(delta) {
            self.map.points.push((self.out.len(), input_at));
            self.delta = Some(delta);
        }
    }

    /// Appends `c` (already folded), which came from input offset `input_at`.
    pub(crate) fn push(&mut self, c: char, input_at: usize) {
        self.mark(input_at);
        self.out.push(c);
    }

    /// Appends text that needs no folding, found at input offset `input_at`.
    fn push_run(&mut self, s: &str, input_at: usize) {
        if !s.is_empty() {
            self.mark(input_at);
            self.out.push_str(s);
        }
    }

    /// Appends the folded form of input text `s` found at input offset `input_at`, decoding
    /// entities when `entities` is set. Runs of text that fold to themselves — nearly all of
    /// it — are copied whole.
    pub(crate) fn push_text(&mut self, s: &str, input_at: usize, entities: bool) {
        let bytes = s.as_bytes();
        let (mut run, mut i) = (0, 0);
        while let Some(&b) = bytes.get(i) {
            // Bytes that start a character `fold` may change: controls, `&`, and the lead bytes
            // of U+00A0–U+00AD, U+2000–U+2FFF, U+3000 and U+FE00–U+FFFF.
            let attention = matches!(b, b'\r' | 0x0B | 0x0C | b'_' | 0xC2 | 0xE2 | 0xE3 | 0xEF)
                || (entities && b == b'&');
            if !attention {
                i += 1;
                continue;
            }
            if b == b'_' {
                let n = underscores(bytes.get(i..).unwrap_or(&[]));
                if n >= PADDING_UNDERSCORES {
                    self.push_run(s.get(run..i).unwrap_or(""), input_at + run);
                    self.push_run(&" ".repeat(n), input_at + i);
                    run = i + n;
                }
                i += n;
                continue;
            }
            let rest = s.get(i..).unwrap_or("");
            let Some(c) = rest.chars().next() else { break };
            let (replacement, used) = if c == '&' {
                match decode_entity(rest) {
                    Some((d, used)) => (Some(fold(d)), used),
                    None => (None, 1),
                }
            } else if c == '\r' {
                // `\r\n` and a lone `\r` both end a line.
                (Some(if rest.get(1..).is_some_and(|r| r.starts_with('\n')) { None } else { Some('\n') }), 1)
            } else {
                let f = fold(c);
                ((f != Some(c)).then_some(f), c.len_utf8())
            };
            if let Some(r) = replacement {
                self.push_run(s.get(run..i).unwrap_or(""), input_at + run);
                if let Some(r) = r {
                    self.push(r, input_at + i);
                }
                run = i + used;
            }
            i += used;
        }
        self.push_run(s.get(run..).unwrap_or(""), input_at + run);
    }

    /// The per-character form of [`Emitter::push_text`], kept as its specification.
    #[cfg(test)]
    fn push_text_slow(&mut self, s: &str, input_at: usize, entities: bool) {
        let mut rest = s;
        let mut at = input_at;
        while let Some(c) = rest.chars().next() {
            if c == '_' {
                let n = underscores(rest.as_bytes());
                for k in 0..n {
                    self.push(if n >= PADDING_UNDERSCORES { ' ' } else { '_' }, at + k);
                }
                rest = &rest[n..];
                at += n;
                continue;
            }
            if entities && c == '&' {
                if let Some((decoded, used)) = decode_entity(rest) {
                    if let Some(d) = fold(decoded) {
                        self.push(d, at);
                    }
                    rest = &rest[used..];
                    at += used;
                    continue;
                }
            }
            if c == '\r' {
                // `\r\n` and a lone `\r` both end a line.
                if !rest[1..].starts_with('\n') {
                    self.push('\n', at);
                }
            } else if let Some(f) = fold(c) {
                self.push(f, at);
            }
            rest = &rest[c.len_utf8()..];
            at += c.len_utf8();
        }
    }

    pub(crate) fn finish(self) -> (String, OffsetMap) {
        (self.out, self.map)
    }
}

/// A run of this many underscores or more is padding, read as spaces: the rules and cell
/// fillers of text dumps (`|行政许可______|____0____|`), the blanks of a form to fill in.
const PADDING_UNDERSCORES: usize = 3;

/// How many underscores `bytes` starts with.
fn underscores(bytes: &[u8]) -> usize {
    bytes.iter().take_while(|&&b| b == b'_').count()
}

/// Normalises plain (non-HTML) text.
pub(crate) fn normalize(input: &str) -> (String, OffsetMap) {
    let mut e = Emitter::with_capacity(input.len());
    e.push_text(input, 0, input.contains('&'));
    e.finish()
}

/// The working form of one character; `None` drops it.
pub(crate) fn fold(c: char) -> Option<char> {
    Some(match c {
        // The full-width comma is Chinese punctuation in its own right: folded, it would split
        // the cells of CSV (`（二）部分公开（区分处理的，只计这一情形…）`) and glue numbers
        // listed in prose into one (`23，20`).
        '\u{FF0C}' => c,
        // Other full-width ASCII forms.
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFF01 + 0x21)?,
        '\u{3000}' | '\u{00A0}' | '\u{2007}' | '\u{202F}' => '\u{00A0}',
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => return None,
        '\u{2002}'..='\u{2006}' | '\u{2008}'..='\u{200A}' | '\u{205F}' | '\u{000B}' | '\u{000C}' => ' ',
        '\u{FE50}' => ',',
        '\u{FE52}' => '.',
        '\u{2236}' => ':',
        c => c,
    })
}

/// Decodes the HTML entity at the start of `s` (`&nbsp;`, `&#12288;`, `&#x3000;`, `&lt;`…),
/// returning the character and the bytes used.
pub(crate) fn decode_entity(s: &str) -> Option<(char, usize)> {
    let body = s.strip_prefix('&')?;
    let end = body.bytes().take(12).position(|b| b == b';')?;
    let name = body.get(..end).unwrap_or("");
    let c = if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        char::from_u32(code)?
    } else {
        match name {
            "nbsp" => '\u{00A0}',
            "ensp" | "emsp" | "thinsp" => ' ',
            "lt" => '<',
            "gt" => '>',
            "amp" => '&',
            "quot" => '"',
            "apos" => '\'',
            "ldquo" => '“',
            "rdquo" => '”',
            "lsquo" => '‘',
            "rsquo" => '’',
            "mdash" => '—',
            "ndash" => '–',
            "middot" => '·',
            "hellip" => '…',
            "times" => '×',
            "yen" => '¥',
            _ => return None,
        }
    };
    Some((c, end + 2))
}

/// A character of Chinese text (CJK ideographs and the ideographic punctuation block).
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FFFF}')
}

/// Whitespace inside a line, the blank-cell spaces included.
pub(crate) fn is_space(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\u{00A0}'
}

/// Appends the comparable form of `s` to `out`: only ideographs, letters and digits remain, so
/// labels compare equal whatever brackets, spaces or punctuation a report used.
pub(crate) fn push_key(s: &str, out: &mut String) {
    out.extend(s.chars().filter(|&c| is_key_char(c)));
}

/// A character the comparable form keeps: ideographs, ASCII letters and digits.
pub(crate) fn is_key_char(c: char) -> bool {
    is_cjk(c) || c.is_ascii_alphanumeric()
}

/// The comparable form of `s` (see [`push_key`]).
pub(crate) fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_key(s, &mut out);
    out
}

/// 1-based line and column (in characters) of byte offset `at` in `text`.
pub fn line_col(text: &str, at: usize) -> (usize, usize) {
    let at = floor_char_boundary(text, at.min(text.len()));
    let before = text.get(..at).unwrap_or("");
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before.get(line_start..).map_or(0, |l| l.chars().count()) + 1)
}

/// Up to `len` bytes of `text` from `start`, cut back to character boundaries.
pub(crate) fn window(text: &str, start: usize, len: usize) -> &str {
    let s = floor_char_boundary(text, start.min(text.len()));
    let e = floor_char_boundary(text, start.saturating_add(len).min(text.len()));
    text.get(s..e.max(s)).unwrap_or("")
}

/// The largest char boundary `<= at`.
pub(crate) fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_width_and_line_ends() {
        let (t, _) = normalize("１２３（一）\r\n规章：\u{3000}0\r");
        assert_eq!(t, "123(一)\n规章:\u{a0}0\n");
    }

    #[test]
    fn decodes_entities_and_maps_offsets_back() {
        let input = "a&nbsp;b&#12288;c";
        let (t, map) = normalize(input);
        assert_eq!(t, "a\u{a0}b\u{a0}c");
        let c_at = t.find('c').unwrap();
        assert_eq!(&input[map.to_input(c_at)..], "c");
    }

    #[test]
    fn unknown_entities_stay_as_written() {
        assert_eq!(normalize("A&B &foo; &#xZZ;").0, "A&B &foo; &#xZZ;");
    }

    #[test]
    fn the_fast_path_folds_like_the_slow_one() {
        let samples = [
            "１２３（一）\r\n规章：\u{3000}0\r",
            "a&nbsp;b&#12288;c&lt;",
            "行政许可\t447228\u{200b}\u{feff}",
            "\r\r\n&&amp;",
        ];
        for s in samples {
            let mut fast = Emitter::default();
            fast.push_text(s, 0, true);
            let mut slow = Emitter::default();
            slow.push_text_slow(s, 0, true);
            assert_eq!(fast.out, slow.out, "{s:?}");
        }
    }

    #[test]
    fn line_and_column_count_characters() {
        assert_eq!(line_col("一二\n三四", 7), (2, 1));
        assert_eq!(line_col("一二\n三四", 10), (2, 2));
    }
}

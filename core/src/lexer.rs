//! Reads the content of one cell, or of one line of plain text, into pieces: label text,
//! numbers, blank markers and noise.
//!
//! The same reader serves every layout, because what differs between layouts is where cells
//! begin and end, not what a cell holds. Inside a cell the rules are about context: digits
//! followed by a unit (`2019年`, `16 件`) or preceded by `第` are text; a digit before `.`/`、`
//! and a label is an ordinal; digits glued to a label (`规章000行政…`) are values.

use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case, take_till1, take_while1, take_while_m_n};
use nom::character::complete::{char, digit1, one_of, satisfy, space0};
use nom::combinator::{opt, recognize};
use nom::multi::many0;
use nom::sequence::{delimited, pair, preceded};
use nom::{IResult, Parser};

use crate::decimal::Decimal;
use crate::text::{is_cjk, is_space};

/// A byte range in the working text.
pub(crate) type Span = (usize, usize);

/// A number as written in a cell.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Num {
    /// Where the digits (and decimal point, and any grouping commas) are written; not the
    /// sign, unit or note.
    pub digits: Span,
    /// The value; `None` when the digits cannot be one cell (a leading zero: `00`, `0517`),
    /// which only happens when cells were glued together.
    pub value: Option<Decimal>,
    /// Written with `增`/`减` (the signed 本年增/减 column of edition 2019).
    pub signed: bool,
    /// A note in brackets right after the number (`22（其中修订16件）`).
    pub note: Option<Span>,
    /// Written against a label with no space (`规章000行政…`): separators were lost here.
    pub glued: bool,
    /// Parted from a label by a lone no-break space (`规章\u{a0}029`, `010\u{a0}行政…`, spaces
    /// around it allowed): in a table stripped of its tags that is a blank cell
    /// (`<td>&nbsp;</td>`), in prose a space.
    pub nbsp_beside: bool,
}

/// What a piece of a cell is.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Piece {
    /// Label text.
    Text,
    /// A number.
    Num(Num),
    /// A blank marker: `/`, `-`, `—`, `无`, or an empty cell.
    Blank,
    /// Something that is neither (`:`, `*`, a stray tag): dropped with a diagnostic.
    Noise,
}

/// A piece and where it is.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Lexeme {
    pub piece: Piece,
    pub span: Span,
}

/// Characters that, after a number, make it part of a sentence (`2019年`, `16 件`, `95个`).
fn is_unit(c: char) -> bool {
    "年月日号位页期次个件条人家场名项届批份余多倍%‰户套台辆宗起篇".contains(c)
}

/// Ordinal punctuation: `1.`, `1、`, `1．` (folded), `1,`.
fn is_ordinal_mark(c: char) -> bool {
    matches!(c, '.' | '、' | ',' | '，')
}

fn is_chinese_numeral(c: char) -> bool {
    // A `matches!`, not `str::contains`: it runs for every character of every label.
    matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十')
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '—' | '–' | '－' | '‐' | '―')
}

/// `1234`, `1,234,567`.
fn grouped_digits(i: &str) -> IResult<&str, &str> {
    recognize(pair(digit1, many0(preceded(char(','), take_while_m_n(3, 3, |c: char| c.is_ascii_digit())))))
        .parse(i)
}

/// `1234`, `96171.6`, `1,234.50`.
fn decimal(i: &str) -> IResult<&str, &str> {
    recognize(pair(grouped_digits, opt(pair(char('.'), digit1)))).parse(i)
}

/// `增3`, `减 8`, `-8`: a sign written before the digits.
fn sign(i: &str) -> IResult<&str, char> {
    alt(((one_of("增减"), space0).map(|(c, _)| c), char('-').map(|_| '减'), char('+').map(|_| '增'))).parse(i)
}

/// A page number between dashes: `-4-`, `- 4 -`, `— 5 —`.
fn page_footer(i: &str) -> IResult<&str, &str> {
    recognize((
        satisfy(is_dash),
        space0,
        take_while_m_n(1, 3, |c: char| c.is_ascii_digit()),
        space0,
        satisfy(is_dash),
    ))
    .parse(i)
}

/// An HTML or XML tag left in text (`<b>`, `</span>`, `<br/>`).
fn stray_tag(i: &str) -> IResult<&str, &str> {
    recognize((
        char('<'),
        satisfy(|c| c.is_ascii_alphabetic() || c == '/' || c == '!'),
        take_while_m_n(0, 300, |c| c != '>' && c != '<' && c != '\n'),
        char('>'),
    ))
    .parse(i)
}

/// Whether `text` is tags and spaces only.
fn markup_only(mut text: &str) -> bool {
    while let Ok((rest, _)) = stray_tag(text) {
        text = rest.trim_start_matches(is_space);
        if text.is_empty() {
            return true;
        }
    }
    false
}

/// A row ordinal that starts a label: `1.`, `2、`, `(三)`, `四、`.
fn ordinal(i: &str) -> IResult<&str, &str> {
    recognize(alt((
        (
            take_while_m_n(1, 2, |c: char| c.is_ascii_digit()),
            satisfy(is_ordinal_mark),
            space0,
            satisfy(is_cjk),
        )
            .map(|_| ()),
        (one_of("(（"), take_while_m_n(1, 2, is_chinese_numeral), one_of(")）")).map(|_| ()),
        (take_while_m_n(1, 2, is_chinese_numeral), char('、')).map(|_| ()),
    )))
    .parse(i)
}

/// Whether a row ordinal starts at `rest`, whose first character is `c`, after the character
/// `before` (an ordinal does not start inside a word or a number).
// Inlined so that its first test, which nearly every character of a label fails, costs no call.
#[inline]
pub(crate) fn ordinal_at(rest: &str, c: char, before: Option<char>) -> bool {
    let numeral = |c: char| c.is_ascii_digit() || is_chinese_numeral(c);
    (numeral(c) || c == '(' || c == '（') && !before.is_some_and(numeral) && ordinal(rest).is_ok()
}

/// A bracketed note after a number; an ordinal like `（三）` is not a note.
fn note(i: &str) -> IResult<&str, &str> {
    let (rest, inner) = delimited(
        one_of("(（"),
        take_till1(|c| c == ')' || c == '）' || c == '\n' || c == '(' || c == '（'),
        one_of(")）"),
    )
    .parse(i)?;
    if inner.chars().all(|c| is_chinese_numeral(c) || c.is_ascii_digit() || is_space(c)) {
        return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify)));
    }
    Ok((rest, inner))
}

/// A whole cell that means "blank" (`nan`: a notebook's missing value, pandas' `to_markdown`).
fn blank_marker(i: &str) -> IResult<&str, &str> {
    alt((
        take_while1(is_dash),
        take_while1(|c| c == '/' || c == '\\' || c == '／'),
        tag("无"),
        tag("空"),
        tag("×"),
        tag_no_case("nan"),
    ))
    .parse(i)
}

/// Reads `cell` (found at working offset `base`) into lexemes.
///
/// `whole_cell` says whether `cell` is one cell of a structured layout (a TSV field, a pipe
/// cell, an HTML cell, a line of a one-cell-per-line layout): then an empty cell is a blank,
/// and a cell that is only a blank marker is one. In a plain line, blank markers count only
/// when they stand alone between spaces.
pub(crate) fn lex(cell: &str, base: usize, whole_cell: bool, out: &mut Vec<Lexeme>) {
    let trimmed = cell.trim_matches(is_space);
    let at = base + cell.len() - cell.trim_start_matches(is_space).len();
    // An empty cell, or one that holds nothing but tags (`<span style="…"> </span>`, left by a
    // converter that keeps inline HTML), is blank.
    if whole_cell && (trimmed.is_empty() || markup_only(trimmed)) {
        out.push(Lexeme { piece: Piece::Blank, span: (at, at) });
        return;
    }
    if !trimmed.is_empty() && trimmed.bytes().all(|b| b.is_ascii_digit()) {
        // Most cells, and the lines of one-cell-per-line text, are a bare number: read as the
        // general path below reads it (no sign, unit, note or label beside it), without trying
        // every other piece first.
        out.push(bare_number(trimmed, at, false));
        return;
    }
    if whole_cell {
        let marker = trimmed.chars().next().is_some_and(|c| may_start_piece(c) && !c.is_ascii_digit());
        if marker {
            if let Ok(("", m)) = blank_marker(trimmed) {
                out.push(Lexeme { piece: Piece::Blank, span: (at, at + m.len()) });
                return;
            }
        }
    }
    let mut pos = 0;
    let mut text_start: Option<usize> = None;
    if !cell.chars().any(may_start_piece) {
        // Nothing but text (a label): the loop below would find where it starts and end it
        // at the end of the cell.
        text_start = Some(cell.len() - cell.trim_start_matches(is_space).len());
        pos = cell.len();
    }
    while pos < cell.len() {
        let rest = cell.get(pos..).unwrap_or("");
        let Some(c) = rest.chars().next() else { break };
        if is_space(c) {
            // Spaces start no piece, inside text or before it: a run of them (the padding
            // between the columns of aligned text) is passed over at once.
            pos += rest.len() - rest.trim_start_matches(is_space).len();
            continue;
        }
        if !may_start_piece(c) {
            // Text: nothing but a digit, a sign, a dash, a slash or a `<` starts anything else.
            if text_start.is_none() {
                text_start = Some(pos);
            }
            pos += c.len_utf8();
            continue;
        }
        if let Some((len, nbsp_beside)) = spaced_digits(cell, pos) {
            flush_text(cell, base, &mut text_start, pos, out);
            out.push(bare_number(cell.get(pos..pos + len).unwrap_or(""), base + pos, nbsp_beside));
            pos += len;
            continue;
        }
        // A cell starts after a space, or after a tag left in the text (`<span>减8</span>`).
        let boundary = pos == 0 || cell.get(..pos).is_some_and(|b| b.ends_with(is_space) || b.ends_with('>'));
        if let Some(len) = skippable(rest) {
            flush_text(cell, base, &mut text_start, pos, out);
            out.push(Lexeme { piece: Piece::Noise, span: (base + pos, base + pos + len) });
            pos += len;
            continue;
        }
        if boundary {
            if let Ok((after, m)) = blank_marker(rest) {
                if after.is_empty() || after.starts_with(is_space) || stray_tag(after).is_ok() {
                    flush_text(cell, base, &mut text_start, pos, out);
                    out.push(Lexeme { piece: Piece::Blank, span: (base + pos, base + pos + m.len()) });
                    pos += m.len();
                    continue;
                }
            }
        }
        if let Some((num, len, ordinal_tail)) = number_at(cell, pos, base) {
            flush_text(cell, base, &mut text_start, pos, out);
            out.push(Lexeme { piece: Piece::Num(num), span: (base + pos, base + pos + len) });
            pos += len;
            if ordinal_tail {
                // The last digit belongs to the next label's ordinal (`…20000022.其他法律…`).
                text_start = Some(pos);
                pos += 1;
            }
            continue;
        }
        if text_start.is_none() {
            text_start = Some(pos);
        }
        pos += c.len_utf8();
    }
    flush_text(cell, base, &mut text_start, cell.len(), out);
}

/// The number that ASCII `digits` alone make, found at working offset `at`: what the general
/// path reads when no sign, unit, note, label or other number touches them.
fn bare_number(digits: &str, at: usize, nbsp_beside: bool) -> Lexeme {
    let span = (at, at + digits.len());
    let leading_zero = digits.len() > 1 && digits.starts_with('0');
    let value = if leading_zero { None } else { Decimal::from_digits(digits, false) };
    let num = Num { digits: span, value, signed: false, note: None, glued: false, nbsp_beside };
    Lexeme { piece: Piece::Num(num), span }
}

/// Digits at `pos` of `cell` standing alone between spaces, with nothing after them but spaces
/// and another number or the end (a row of aligned text): their length, and whether a lone
/// no-break space parts them from an ideograph before. `None` sends them to [`number_at`],
/// which reads them the same way then.
fn spaced_digits(cell: &str, pos: usize) -> Option<(usize, bool)> {
    let (before, rest) = (cell.get(..pos)?, cell.get(pos..)?);
    let len = rest.bytes().take_while(u8::is_ascii_digit).count();
    let after = rest.get(len..)?;
    let next = after.trim_start_matches(is_space).chars().next();
    let spaced = (before.is_empty() || before.ends_with(is_space))
        && (after.is_empty() || after.starts_with(is_space));
    if len == 0 || !spaced || ordinal_of(before) || next.is_some_and(|c| !c.is_ascii_digit()) {
        return None;
    }
    let nbsp = before.trim_end_matches(' ').strip_suffix('\u{a0}').map(|b| b.trim_end_matches(' '));
    Some((len, nbsp.and_then(|b| b.chars().next_back()).is_some_and(is_cjk)))
}

/// Whether a piece other than text can start with `c`: a number, a sign, a blank marker, a
/// page footer or a tag.
fn may_start_piece(c: char) -> bool {
    c.is_ascii_digit()
        || is_dash(c)
        || matches!(c, '增' | '减' | '+' | '<' | '/' | '\\' | '／' | '无' | '空' | '×' | 'n' | 'N')
}

/// Page footers and stray tags: not content.
fn skippable(rest: &str) -> Option<usize> {
    if let Ok((after, _)) = page_footer(rest) {
        return Some(rest.len() - after.len());
    }
    if let Ok((after, _)) = stray_tag(rest) {
        return Some(rest.len() - after.len());
    }
    None
}

fn flush_text(cell: &str, base: usize, start: &mut Option<usize>, end: usize, out: &mut Vec<Lexeme>) {
    let Some(s) = start.take() else { return };
    let piece = cell.get(s..end).unwrap_or("");
    let trimmed = piece.trim_end_matches(is_space);
    if trimmed.is_empty() {
        return;
    }
    let meaningful = trimmed.chars().any(|c| is_cjk(c) || c.is_alphanumeric());
    out.push(Lexeme {
        piece: if meaningful { Piece::Text } else { Piece::Noise },
        span: (base + s, base + s + trimmed.len()),
    });
}

/// Whether digits right after `before` are the number of a `第` (`第3项`, `国令第 711 号`): a
/// wider gap is a cell boundary of aligned text (`4.保护第` / spaces / `0`, a label cut by a
/// wrap).
fn ordinal_of(before: &str) -> bool {
    let label = before.trim_end_matches(is_space);
    label.ends_with('第') && before.get(label.len()..).is_some_and(|gap| gap.chars().count() <= 1)
}

/// A value number starting at byte `pos` of `cell`, with its length and whether its last
/// digit is in fact the ordinal of a label glued after it.
fn number_at(cell: &str, pos: usize, base: usize) -> Option<(Num, usize, bool)> {
    let rest = cell.get(pos..).unwrap_or("");
    let head = cell.get(..pos).unwrap_or("");
    let before = head.trim_end_matches(is_space);
    let prev = before.chars().next_back();
    // A cell starts after a space or a tag left in the text (`<span>减8</span>`), or right after
    // another cell's digits when they ran together (`0增10`).
    let at_boundary = prev.is_none() || before.len() < pos || prev == Some('>');
    let after_digits = prev.is_some_and(|c| c.is_ascii_digit()) && rest.starts_with(['增', '减']);
    // A sign only where a cell starts (`减8`), never inside a label (`增/减`, `减少`).
    let (signed, body_start) = match sign(rest) {
        Ok((after, _))
            if (at_boundary || after_digits) && after.starts_with(|c: char| c.is_ascii_digit()) =>
        {
            (true, rest.len() - after.len())
        }
        _ => (false, 0),
    };
    let body = rest.get(body_start..).unwrap_or("");
    if !body.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let adjacent = head.chars().next_back();
    if ordinal_of(head)
        || !signed
            && matches!(adjacent, Some(c) if c.is_ascii_alphanumeric() || c == '.' || c == '@' || c == '_')
    {
        return None;
    }
    let (after, written) = decimal(body).ok()?;
    let mut len = rest.len() - after.len();
    let next_non_space = after.trim_start_matches(is_space).chars().next();
    match after.chars().next() {
        Some(c) if c.is_ascii_alphabetic() || c == '@' || c == '_' || c == ':' || c == '/' => return None,
        _ => {}
    }
    // `1.属于国家秘密`, `3、其他`: an ordinal. In glued text the digits before it are a value.
    let mut ordinal_tail = false;
    if let Some(m) = after.chars().next().filter(|&c| is_ordinal_mark(c)) {
        let label_follows = after
            .get(m.len_utf8()..)
            .unwrap_or("")
            .trim_start_matches(is_space)
            .starts_with(|c: char| is_cjk(c) || "“\"(（".contains(c));
        if label_follows && !written.contains('.') {
            if written.len() == 1 || signed || written.contains(',') {
                return None;
            }
            ordinal_tail = true;
            len -= 1;
        }
    }
    if !ordinal_tail {
        if let Some(u) = next_non_space {
            if is_unit(u) {
                return None;
            }
        }
    }
    let digits_len = if ordinal_tail { written.len() - 1 } else { written.len() };
    let digits_at = pos + body_start;
    let mut tail = rest.get(len..).unwrap_or("");
    let mut note_span = None;
    if !ordinal_tail {
        // A unit of money written in the cell (`251000元`, `96171.6万元`) belongs to the value.
        for unit in ["万元", "元"] {
            let t = tail.trim_start_matches(is_space);
            if let Some(after_unit) = t.strip_prefix(unit) {
                len += tail.len() - after_unit.len();
                tail = after_unit;
                break;
            }
        }
        let t = tail.trim_start_matches(is_space);
        if let Ok((after_note, inner)) = note(t) {
            let inner_at = inner.as_ptr() as usize - cell.as_ptr() as usize;
            note_span = Some((base + inner_at, base + inner_at + inner.len()));
            len += tail.len() - after_note.len();
        }
    }
    let digits = written.get(..digits_len).unwrap_or(written);
    let leading_zero = digits.len() > 1 && digits.starts_with('0') && !digits.starts_with("0.");
    let value = if leading_zero {
        None
    } else {
        Decimal::from_digits(digits, signed && rest.starts_with(['减', '-']))
    };
    let digits = (base + digits_at, base + digits_at + digits_len);
    let glued = adjacent.is_some_and(|c| !is_space(c));
    let before = cell
        .get(..pos)
        .unwrap_or("")
        .trim_end_matches(' ')
        .strip_suffix('\u{a0}')
        .map(|b| b.trim_end_matches(' '));
    let after = cell.get(pos + len..).unwrap_or("").trim_start_matches(' ').strip_prefix('\u{a0}');
    let nbsp_beside = before.and_then(|b| b.chars().next_back()).is_some_and(is_cjk)
        || after.and_then(|a| a.trim_start_matches(' ').chars().next()).is_some_and(is_cjk);
    Some((Num { digits, value, signed, note: note_span, glued, nbsp_beside }, len, ordinal_tail))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(s: &str, whole: bool) -> Vec<String> {
        let mut out = Vec::new();
        lex(s, 0, whole, &mut out);
        out.iter()
            .map(|l| match &l.piece {
                Piece::Text => format!("T:{}", &s[l.span.0..l.span.1]),
                Piece::Num(n) => match n.value {
                    Some(v) => format!("N:{v}"),
                    None => format!("G:{}", &s[n.digits.0..n.digits.1]),
                },
                Piece::Blank => "B".to_string(),
                Piece::Noise => format!("X:{}", &s[l.span.0..l.span.1]),
            })
            .collect()
    }

    #[test]
    fn a_notebooks_missing_value_is_blank() {
        assert_eq!(pieces("nan", true), ["B"]);
        assert_eq!(pieces("10   NaN   10", false), ["N:10", "B", "N:10"]);
        // A word that starts so is text.
        assert_eq!(pieces("Nanjing 1", false), ["T:Nanjing", "N:1"]);
    }

    #[test]
    fn tags_left_by_a_converter_bound_cells() {
        // Pandoc keeps a Word page's inline spans in markdown cells: a sign after a tag starts
        // a cell, and a cell of tags and spaces alone is blank.
        let span = "<span style=\"font-size:14px\">";
        assert_eq!(
            pieces(&format!("{span}减8</span>"), true),
            ["X:<span style=\"font-size:14px\">", "N:-8", "X:</span>"]
        );
        assert_eq!(pieces(&format!("{span} </span>"), true), ["B"]);
        assert_eq!(
            pieces(&format!("{span}/</span>"), true),
            ["X:<span style=\"font-size:14px\">", "B", "X:</span>"]
        );
        // Inside a label, a sign is text.
        assert_eq!(pieces("本年增/减", true), ["T:本年增/减"]);
    }

    #[test]
    fn a_bare_number_reads_as_the_general_path_reads_it() {
        // What the loop makes of digits alone, spaces around allowed: one number, nothing
        // beside it, a leading zero without a value.
        for (s, value) in
            [("0", Some(0)), (" 3001 ", Some(3001)), ("\u{a0}05\t", None), ("99999999999999999999", None)]
        {
            for whole in [true, false] {
                let mut got = Vec::new();
                lex(s, 7, whole, &mut got);
                let start = 7 + s.len() - s.trim_start_matches(is_space).len();
                let digits = (start, start + s.trim_matches(is_space).len());
                let num = Num {
                    digits,
                    value: value.map(Decimal::from_int),
                    signed: false,
                    note: None,
                    glued: false,
                    nbsp_beside: false,
                };
                assert_eq!(got, [Lexeme { piece: Piece::Num(num), span: digits }], "{s:?}");
            }
        }
    }

    #[test]
    fn numbers_between_spaces_read_as_the_general_path_reads_them() {
        // Read before digits between spaces had their own path: units, notes, ordinals, `第`,
        // grouping and letters beside them still go the general way.
        let cases: [(&str, &[&str]); 11] = [
            ("一、本年新收 3001 53 0  12", &["T:一、本年新收", "N:3001", "N:53", "N:0", "N:12"]),
            ("第 3 名 12 0", &["T:第 3 名", "N:12", "N:0"]),
            ("规章\u{a0}029 5", &["T:规章", "G:029", "N:5"]),
            ("规章 5\u{a0}行政 6", &["T:规章", "N:5", "T:行政", "N:6"]),
            ("计 12 件 7", &["T:计 12 件", "N:7"]),
            ("共 5 (其中修订2件) 6", &["T:共", "N:5", "N:6"]),
            ("3 1.属于 4", &["N:3", "T:1.属于", "N:4"]),
            ("金额 96171.6 万元 3", &["T:金额", "N:96171.6", "N:3"]),
            ("12,345 6", &["N:12345", "N:6"]),
            ("a 12 b12 12b 12", &["T:a", "N:12", "T:b12 12b", "N:12"]),
            ("  007 00 0\t8", &["G:007", "G:00", "N:0", "N:8"]),
        ];
        for (s, want) in cases {
            assert_eq!(pieces(s, false), want, "{s:?}");
        }
        // A lone no-break space between an ideograph and the digits is kept as a hint.
        let mut got = Vec::new();
        lex("规章\u{a0}029 5", 0, false, &mut got);
        let nbsp: Vec<bool> = got
            .iter()
            .filter_map(|l| match &l.piece {
                Piece::Num(n) => Some(n.nbsp_beside),
                _ => None,
            })
            .collect();
        assert_eq!(nbsp, [true, false]);
    }

    #[test]
    fn a_cell_of_text_reads_as_text() {
        assert_eq!(pieces("  （一）予以公开 ", true), ["T:（一）予以公开"]);
        assert_eq!(pieces("\u{a0}：* ", false), ["X:：*"]);
        assert_eq!(pieces("   ", false), Vec::<String>::new());
    }

    #[test]
    fn values_and_labels_in_a_plain_line() {
        assert_eq!(
            pieces("一、本年新收政府信息公开申请数量 3001 53 0", false),
            ["T:一、本年新收政府信息公开申请数量", "N:3001", "N:53", "N:0"]
        );
    }

    #[test]
    fn ordinals_stay_in_labels() {
        assert_eq!(pieces("1. 属于国家秘密 0", false), ["T:1. 属于国家秘密", "N:0"]);
        assert_eq!(pieces("3、其他 108", false), ["T:3、其他", "N:108"]);
    }

    #[test]
    fn glued_values_give_back_the_ordinal_of_the_next_label() {
        assert_eq!(
            pieces("属于国家秘密20000022.其他法律", false),
            ["T:属于国家秘密", "N:2000002", "T:2.其他法律"]
        );
    }

    #[test]
    fn numbers_in_sentences_are_text() {
        assert_eq!(pieces("共受理 1295 件，2025 年", false), ["T:共受理 1295 件，2025 年"]);
        assert_eq!(pieces("（国令第 711 号）", false), ["T:（国令第 711 号）"]);
        // A label cut after `第` by a wrap, its numbers across a column gap.
        assert_eq!(pieces("4.保护第      0   1", false), ["T:4.保护第", "N:0", "N:1"]);
        assert_eq!(pieces("保留4位小数", false), ["T:保留4位小数"]);
    }

    #[test]
    fn signs_units_and_notes() {
        assert_eq!(pieces("减8", true), ["N:-8"]);
        assert_eq!(pieces("增/减", true), ["T:增/减"]);
        // A signed cell run into the digits before it.
        assert_eq!(pieces("0增10", false), ["N:0", "N:10"]);
        assert_eq!(pieces("2024-2025", false), ["N:2024", "X:-", "N:2025"]);
        assert_eq!(pieces("251000元", true), ["N:251000"]);
        assert_eq!(pieces("96171.6万元", true), ["N:96171.6"]);
        assert_eq!(pieces("22（其中修订16件）", true), ["N:22"]);
        assert_eq!(pieces("1362（二）部分公开", false), ["N:1362", "T:（二）部分公开"]);
    }

    #[test]
    fn blanks_noise_footers_and_tags() {
        assert_eq!(pieces("\u{a0}", true), ["B"]);
        assert_eq!(pieces("—", true), ["B"]);
        assert_eq!(pieces(":", true), ["X::"]);
        assert_eq!(pieces("7461200101769-5-法提供", false), ["N:7461200101769", "X:-5-", "T:法提供"]);
        assert_eq!(pieces("<b>红木</b>", true), ["X:<b>", "T:红木", "X:</b>"]);
        assert_eq!(pieces("10 - - 10", false), ["N:10", "B", "B", "N:10"]);
    }

    #[test]
    fn ordinals_are_found_where_rows_start() {
        let s = "他情形)1.属于国家秘密(三)不予公开四、结转第三方";
        let found: Vec<String> = s
            .char_indices()
            .filter(|&(i, c)| ordinal_at(&s[i..], c, s[..i].chars().next_back()))
            .map(|(i, _)| s[i..].chars().take(2).collect())
            .collect();
        assert_eq!(found, ["1.", "(三", "四、"]);
    }

    #[test]
    fn leading_zeros_mark_glued_digits() {
        assert_eq!(pieces("0 0 00 00 0", false), ["N:0", "N:0", "G:00", "G:00", "N:0"]);
    }
}

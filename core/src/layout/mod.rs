//! Layout readers: they cut a table region of the working text into cells, and the cells into
//! one stream of tokens — label text, values and blanks — that the table solvers align to the
//! template. Each module reads one layout; this one decides, line by line, which applies.
//!
//! Two facts of the stream matter downstream:
//! - a *unit* is what a layout treats as one row: a pipe row, a TSV/CSV/HTML row, a line of
//!   aligned text, or a block of one-cell-per-line cells between blank lines. In a unit that
//!   has a label, values *before* the label are not data (OCR garbage such as `471`, the empty
//!   cells under a merged label) and are dropped;
//! - `row_start` marks where a multi-cell unit's values begin, so a run of values spanning
//!   several rows can be cut where the source cut it.

pub(crate) mod delimited;
pub(crate) mod html;
pub(crate) mod markdown;
pub(crate) mod paragraphs;

use crate::lexer::{lex, Lexeme, Num, Piece, Span};
use crate::model::Layout;
use crate::report::Diagnostics;

/// Where a token came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Source {
    Html,
    Markdown,
    Tsv,
    Csv,
    /// A line that is one cell (one-cell-per-line).
    Cell,
    /// A tab-indented line that is one cell.
    TabCell,
    /// A line of several whitespace-separated pieces.
    Aligned,
}

impl Source {
    /// The layout that a table read mostly from this source is reported as.
    pub(crate) fn layout(self) -> Layout {
        match self {
            Source::Html => Layout::Html,
            Source::Markdown => Layout::Markdown,
            Source::Tsv => Layout::Tsv,
            Source::Csv => Layout::Csv,
            Source::Cell => Layout::CellPerLine,
            Source::TabCell => Layout::TabCells,
            Source::Aligned => Layout::Aligned,
        }
    }

    /// Whether cells are delimited in the source, so that one token is one cell and an empty
    /// cell is written out.
    pub(crate) fn delimits_cells(self) -> bool {
        !matches!(self, Source::Aligned)
    }
}

/// A token of a table region.
#[derive(Clone, Debug)]
pub(crate) struct Tok {
    pub kind: Kind,
    pub span: Span,
    pub source: Source,
    /// The first value of a multi-cell unit.
    pub row_start: bool,
    /// Whether the unit it belongs to also holds label text: a header row's padding or a
    /// labelled row, as opposed to a row of values alone.
    pub labelled: bool,
    /// Display columns (start, end) on its line, for tokens of aligned text: where a number
    /// stands tells which column it is in when blank cells left no trace.
    pub x: Option<(u32, u32)>,
    /// It comes from text that does not show blank cells (PDF text without a single blank
    /// marker in the table): a row short of cells had blanks, anywhere.
    pub hides_blanks: bool,
    /// The column extents of the latest dashed rule above it (`---- ----- ---`, the rules of
    /// pandoc's plain-text tables), in display columns: they say where every column is.
    pub rule: Option<std::sync::Arc<[(u32, u32)]>>,
    /// Its column in a row of delimited cells (TSV, CSV, pipe, HTML rows).
    pub col: Option<u32>,
}

#[derive(Clone, Debug)]
pub(crate) enum Kind {
    Text,
    /// A value cell; `None` is a blank.
    Val(Option<Num>),
}

/// The tokens of one table's region, and whether every cell read from it is doubtful: the
/// region was cut short (see `MAX_REGION_BYTES` in the crate's root), or it holds replacement
/// characters, where bytes that were not text stood and a digit may have been lost.
#[derive(Default)]
pub(crate) struct Region {
    pub toks: Vec<Tok>,
    pub doubted: bool,
}

/// Reads `text[start..end]` into tokens. `html_rows` are the ranges of the working text that
/// came from HTML table rows.
pub(crate) fn read(
    text: &str,
    start: usize,
    end: usize,
    html_rows: &[(usize, usize)],
    columns: &Columns<'_>,
    diags: &mut Diagnostics,
) -> Vec<Tok> {
    let region = text.get(start..end).unwrap_or("");
    if paragraphs::is_paragraph_table(region) {
        return paragraph_rows(text, region, start, diags);
    }
    let csv = csv_region(region);
    let mut out = Vec::new();
    let mut block: Vec<Tok> = Vec::new();
    let mut lexemes = Vec::new();
    let mut at = start;
    // HTML rows come in order: walk them alongside the lines.
    let mut html = html_rows.iter().skip_while(|&&(_, e)| e < start).peekable();
    let mut rule: Option<std::sync::Arc<[(u32, u32)]>> = None;
    // The lines of the current row of a grid table: per line, per column, its lexemes.
    let mut grid: Vec<Vec<Vec<Lexeme>>> = Vec::new();
    let mut in_grid = false;
    // The columns of aligned lines counted the other ways ([`Width::Chars`], then
    // [`Width::Folded`]), where that differs from their display columns: by token start.
    let mut other_x: [Vec<(usize, (u32, u32))>; 2] = Default::default();
    for line in region.split('\n') {
        let line_at = at;
        at += line.len() + 1;
        while html.next_if(|&&(_, e)| e < line_at).is_some() {}
        let line = line.strip_suffix('\r').unwrap_or(line);
        if let Some(extents) = dashed_rule(line) {
            rule = Some(extents.into());
            continue;
        }
        if markdown::is_grid_border(line) {
            flush_grid(&mut grid, &mut out, diags, text);
            in_grid = true;
            continue;
        }
        if in_grid && !markdown::is_row(line) {
            flush_grid(&mut grid, &mut out, diags, text);
            in_grid = false;
        }
        // Empty, but not a row of empty TSV fields, a tab cell or a line of `&nbsp;`s.
        let blank_row = line.matches('\t').count() >= 2 || line.contains('\u{a0}') || is_tab_cell(line);
        if line.trim_matches([' ', '\t']).is_empty() && !blank_row {
            flush(&mut block, &mut out, diags, text);
            continue;
        }
        lexemes.clear();
        let in_html = html.peek().is_some_and(|&&(s, e)| s <= line_at && line_at <= e);
        let (source, cells): (Source, Vec<(usize, &str)>) = if in_html {
            (Source::Html, delimited::tsv_cells(line))
        } else if markdown::is_row(line) {
            if markdown::is_separator(line) {
                continue;
            }
            if in_grid {
                // A row of a grid table runs over several lines until the next border.
                grid.push(
                    markdown::cells(line)
                        .into_iter()
                        .map(|(offset, cell)| {
                            let mut l = Vec::new();
                            lex(cell, line_at + offset, true, &mut l);
                            l
                        })
                        .collect(),
                );
                continue;
            }
            (Source::Markdown, markdown::cells(line))
        } else if delimited::is_tsv_row(line) {
            (Source::Tsv, delimited::tsv_cells(line))
        } else if csv && delimited::looks_like_csv(line) {
            (Source::Csv, delimited::csv_cells(line))
        } else if is_tab_cell(line) {
            (Source::TabCell, vec![(0, line)])
        } else if line.trim_matches([' ', '\t']).chars().all(|c| c == '\u{a0}') {
            (Source::Cell, vec![(0, line)])
        } else {
            lex(line, line_at, false, &mut lexemes);
            report_notes(text, &lexemes, diags);
            let source = if lexemes.len() > 1 { Source::Aligned } else { Source::Cell };
            let xs = columns.measure(line_at, lexemes.iter().map(|l| l.span), Width::Display);
            for (width, other) in [Width::Chars, Width::Folded].into_iter().zip(&mut other_x) {
                let x = columns.measure(line_at, lexemes.iter().map(|l| l.span), width);
                if x != xs {
                    other.extend(lexemes.iter().map(|l| l.span.0).zip(x));
                }
            }
            let toks = lexemes
                .drain(..)
                .zip(xs)
                .filter_map(|(l, x)| token(l, source).map(|t| Tok { x: Some(x), rule: rule.clone(), ..t }));
            if source == Source::Cell {
                block.extend(toks);
            } else {
                flush(&mut block, &mut out, diags, text);
                block.extend(toks);
                flush(&mut block, &mut out, diags, text);
            }
            continue;
        };
        let columns_of = lex_cells(cells, line_at, &mut lexemes);
        // A page footer that a table's rows carried along (`<td colspan="4">- 5 -</td>`): its
        // empty fields are the padding of its span, not blank cells.
        let furniture = lexemes.iter().all(|l| matches!(l.piece, Piece::Noise | Piece::Blank));
        if furniture && lexemes.iter().any(|l| l.piece == Piece::Noise) {
            lexemes.clear();
            continue;
        }
        report_notes(text, &lexemes, diags);
        let delimited = matches!(source, Source::Html | Source::Markdown | Source::Tsv | Source::Csv);
        let toks = lexemes
            .drain(..)
            .zip(columns_of)
            .filter_map(|(l, c)| token(l, source).map(|t| Tok { col: delimited.then_some(c), ..t }));
        if matches!(source, Source::Cell | Source::TabCell) {
            block.extend(toks);
        } else {
            flush(&mut block, &mut out, diags, text);
            block.extend(toks);
            flush(&mut block, &mut out, diags, text);
        }
    }
    flush(&mut block, &mut out, diags, text);
    flush_grid(&mut grid, &mut out, diags, text);
    if other_x.iter().any(|o| !o.is_empty()) {
        count_as_they_align(&mut out, &other_x);
    }
    let shows_blanks = out.iter().any(|t| matches!(t.kind, Kind::Val(None)));
    for t in &mut out {
        t.hides_blanks = !shows_blanks && matches!(t.source, Source::Cell | Source::Aligned);
    }
    out
}

/// The tokens of a region whose cells are paragraphs apart by lines of one tab (a page's
/// text copied out of a browser): each row read as a row of delimited cells, as TSV.
fn paragraph_rows(text: &str, region: &str, start: usize, diags: &mut Diagnostics) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut lexemes = Vec::new();
    let mut unit: Vec<Tok> = Vec::new();
    for row in paragraphs::rows(region) {
        lexemes.clear();
        let columns_of = lex_cells(row, start, &mut lexemes);
        report_notes(text, &lexemes, diags);
        unit.extend(
            lexemes
                .drain(..)
                .zip(columns_of)
                .filter_map(|(l, c)| token(l, Source::Tsv).map(|t| Tok { col: Some(c), ..t })),
        );
        flush(&mut unit, &mut out, diags, text);
    }
    out
}

/// Lexes the cells of a row, each `(offset from base, text)`, into `out`: the column of each
/// lexeme pushed.
fn lex_cells(cells: Vec<(usize, &str)>, base: usize, out: &mut Vec<Lexeme>) -> Vec<u32> {
    let mut columns_of = Vec::with_capacity(cells.len());
    for (c, (offset, cell)) in cells.into_iter().enumerate() {
        lex(cell, base + offset, true, out);
        columns_of.resize(out.len(), u32::try_from(c).unwrap_or(u32::MAX));
    }
    columns_of
}

/// How wide a character is counted when measuring where a token stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Width {
    /// An ideograph takes two columns, as in a monospaced rendering (text laid out by
    /// hand, pandoc's plain-text tables).
    Display,
    /// Every character takes one: `pdftotext -layout` places each word at the character
    /// column of its position on the page, whatever the width of the characters before it.
    Chars,
    /// As [`Width::Display`], but full-width forms (`１２`, `（`) take one column: text laid
    /// out with half-width digits and brackets, then widened.
    Folded,
}

/// Counts the tokens' columns the way that makes values stand in the fewest distinct
/// places: values under one column stand at the same place line after line (their starts,
/// centres or ends, as the column aligns them) when counted the way the text was laid out.
/// Display columns unless another way does strictly better. `other` holds, per other way, the
/// columns of the tokens where they differ from display columns, by token start, in order.
fn count_as_they_align(toks: &mut [Tok], other: &[Vec<(usize, (u32, u32))>]) {
    let x_of = |t: &Tok, way: Option<&Vec<(usize, (u32, u32))>>| match way {
        Some(o) => {
            o.binary_search_by_key(&t.span.0, |n| n.0).ok().and_then(|i| o.get(i)).map(|n| n.1).or(t.x)
        }
        None => t.x,
    };
    // Values under one column line up at their starts, their centres or their ends, as the
    // column aligns them: the places they stand in are the fewest of the three.
    let stacks = |way: Option<&Vec<(usize, (u32, u32))>>| {
        let xs: Vec<(u32, u32)> =
            toks.iter().filter(|t| matches!(t.kind, Kind::Val(_))).filter_map(|t| x_of(t, way)).collect();
        let places = |at: fn((u32, u32)) -> u32| {
            let mut v: Vec<u32> = xs.iter().copied().map(at).collect();
            v.sort_unstable();
            v.dedup();
            v.len()
        };
        places(|(s, _)| s).min(places(|(s, e)| s + e)).min(places(|(_, e)| e))
    };
    let display = stacks(None);
    let best = other.iter().map(|o| (stacks(Some(o)), o)).filter(|s| s.0 < display).min_by_key(|s| s.0);
    if let Some((_, way)) = best {
        for t in toks.iter_mut() {
            t.x = x_of(t, Some(way));
        }
    }
}

/// Columns of the working text, measured on the input: folding made full-width brackets and
/// digits half-width, but the columns a PDF extractor aligned were counted as it wrote them.
pub(crate) struct Columns<'a> {
    input: &'a str,
    map: &'a crate::text::OffsetMap,
}

impl<'a> Columns<'a> {
    pub(crate) fn new(input: &'a str, map: &'a crate::text::OffsetMap) -> Self {
        Columns { input, map }
    }

    /// The columns (start, end) of `spans`, counted `width` wide, in order, on the line
    /// starting at working offset `line_at`.
    fn measure(&self, line_at: usize, spans: impl Iterator<Item = Span>, width: Width) -> Vec<(u32, u32)> {
        let mut at = self.map.to_input(line_at);
        let mut x = 0u32;
        let mut advance = |to: usize| {
            let to = crate::text::floor_char_boundary(self.input, to.min(self.input.len())).max(at);
            x = columns_after(self.input.get(at..to).unwrap_or(""), x, width);
            at = to;
            x
        };
        // A span ends where its last character ends in the input, not at `to_input(e)`: the
        // working offset `e` may start a piece that came from elsewhere (HTML closed at the
        // end of the page), and the columns would be counted over everything between, for
        // every line (quadratic).
        let end_of = |s: usize, e: usize| {
            let last =
                crate::text::floor_char_boundary(self.input, self.map.to_input(e.saturating_sub(1).max(s)));
            self.input.get(last..).and_then(|rest| rest.chars().next()).map_or(last, |c| last + c.len_utf8())
        };
        spans.map(|(s, e)| (advance(self.map.to_input(s)), advance(end_of(s, e)))).collect()
    }

    /// The words of text token `t` of aligned text (`自然   商   科` on a header line), each
    /// with its columns, counted as the token's own were.
    pub(crate) fn words<'t>(&self, text: &'t str, t: &Tok) -> Vec<(&'t str, (u32, u32))> {
        let (Some(x), Some(s)) = (t.x, text.get(t.span.0..t.span.1)) else { return Vec::new() };
        let line_at = text.get(..t.span.0).and_then(|b| b.rfind('\n')).map_or(0, |i| i + 1);
        let width = [Width::Chars, Width::Folded]
            .into_iter()
            .find(|&w| self.measure(line_at, std::iter::once(t.span), w).first() == Some(&x))
            .unwrap_or(Width::Display);
        let words: Vec<(&str, Span)> = s
            .split(char::is_whitespace)
            .filter(|w| !w.is_empty())
            .map(|w| {
                let at = t.span.0 + (w.as_ptr() as usize - s.as_ptr() as usize);
                (w, (at, at + w.len()))
            })
            .collect();
        let xs = self.measure(line_at, words.iter().map(|w| w.1), width);
        words.into_iter().map(|w| w.0).zip(xs).collect()
    }
}

/// The column reached from column `x` over `s`, its characters counted `width` wide. It reads
/// lead bytes and decodes only characters of three or four bytes, the only ones that can be
/// two columns wide: the text between a line's start and its numbers (in HTML, the markup
/// between them) is mostly ASCII, taken eight bytes at a time.
fn columns_after(s: &str, mut x: u32, width: Width) -> u32 {
    const LOW: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    const TABS: u64 = u64::from_ne_bytes([b'\t'; 8]);
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // Eight ASCII bytes without a tab are eight columns (tried only from an ASCII byte).
        let chunk =
            if b < 0x80 { bytes.get(i..i + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()) } else { None };
        if let Some(chunk) = chunk {
            let v = u64::from_ne_bytes(chunk);
            let t = v ^ TABS;
            if (v | (t.wrapping_sub(LOW) & !t)) & HIGH == 0 {
                x += 8;
                i += 8;
                continue;
            }
        }
        // A character at a time, counted at its lead byte.
        i += match b {
            b'\t' => {
                x = (x / 8 + 1) * 8;
                1
            }
            // ASCII, or a stray continuation byte (counted at its lead byte).
            0x00..=0xBF => {
                x += u32::from(b < 0x80);
                1
            }
            0xC0..=0xDF => {
                x += 1;
                2
            }
            _ => {
                let c = s.get(i..).and_then(|c| c.chars().next());
                x += c.map_or(1, |c| char_columns(c, width));
                c.map_or(1, char::len_utf8)
            }
        };
    }
    x
}

/// Columns character `c` takes, counted `width` wide.
fn char_columns(c: char, width: Width) -> u32 {
    match (width, c) {
        (Width::Chars, _) | (Width::Folded, '\u{3000}' | '\u{FF01}'..='\u{FF5E}') => 1,
        _ => display_width(c),
    }
}

/// Columns a character takes in a monospaced rendering: two for ideographs and full-width
/// forms.
fn display_width(c: char) -> u32 {
    let wide = crate::text::is_cjk(c)
        || matches!(c, '\u{2E80}'..='\u{303E}' | '\u{3040}'..='\u{33FF}' | '\u{FF00}'..='\u{FF60}' | '\u{FFE0}'..='\u{FFE6}');
    if wide {
        2
    } else {
        1
    }
}

/// Ends a row of a grid table: each column's text joined over the row's lines, a column blank
/// only if it is blank on every line.
fn flush_grid(grid: &mut Vec<Vec<Vec<Lexeme>>>, out: &mut Vec<Tok>, diags: &mut Diagnostics, text: &str) {
    let columns = grid.iter().map(Vec::len).max().unwrap_or(0);
    let mut unit: Vec<Tok> = Vec::new();
    for c in 0..columns {
        let pieces: Vec<&Lexeme> = grid.iter().filter_map(|line| line.get(c)).flatten().collect();
        let filled: Vec<&Lexeme> = pieces.iter().copied().filter(|l| l.piece != Piece::Blank).collect();
        let kept = if filled.is_empty() { pieces.into_iter().take(1).collect() } else { filled };
        let col = u32::try_from(c).ok();
        unit.extend(
            kept.into_iter().filter_map(|l| token(l.clone(), Source::Markdown).map(|t| Tok { col, ..t })),
        );
    }
    grid.clear();
    flush(&mut unit, out, diags, text);
}

/// The extents of the dash runs of a rule line (`  ------ ---- -----`): two runs or more,
/// nothing else on the line.
fn dashed_rule(line: &str) -> Option<Vec<(u32, u32)>> {
    let mut extents = Vec::new();
    let mut start = None;
    for (x, c) in line.chars().chain(std::iter::once(' ')).enumerate() {
        match (c, start) {
            ('-', None) => start = Some(x as u32),
            ('-', Some(_)) => {}
            (' ', Some(s)) => {
                extents.push((s, x as u32));
                start = None;
            }
            (' ', None) => {}
            _ => return None,
        }
    }
    (extents.len() >= 2).then_some(extents)
}

/// A tab-indented cell: one leading tab and nothing else tab-separated.
fn is_tab_cell(line: &str) -> bool {
    line.strip_prefix('\t').is_some_and(|rest| !rest.contains('\t'))
}

/// Whether most lines of a region are comma-separated rows.
fn csv_region(region: &str) -> bool {
    let (mut rows, mut lines) = (0, 0);
    for line in region.lines().filter(|l| !l.trim().is_empty()) {
        lines += 1;
        rows += usize::from(delimited::looks_like_csv(line));
    }
    rows >= 3 && rows * 2 >= lines
}

/// A note written in a cell beside its number (`22（其中修订16件）`) is not the value, but it
/// is part of what the report says: it goes to the diagnostics.
fn report_notes(text: &str, lexemes: &[Lexeme], diags: &mut Diagnostics) {
    for l in lexemes {
        if let Piece::Num(n) = &l.piece {
            if let Some((s, e)) = n.note {
                let number = text.get(n.digits.0..n.digits.1).unwrap_or("");
                let note = text.get(s..e).unwrap_or("");
                diags.at(
                    "note",
                    format!("the cell {number} carries a note, kept out of its value: {note}"),
                    l.span.0,
                );
            }
        }
    }
}

fn token(l: Lexeme, source: Source) -> Option<Tok> {
    let kind = match l.piece {
        Piece::Text => Kind::Text,
        Piece::Num(n) => Kind::Val(Some(n)),
        Piece::Blank => Kind::Val(None),
        Piece::Noise => return None,
    };
    Some(Tok::new(kind, l.span, source))
}

/// Ends a unit: drops the values before its label, marks where its values start.
fn flush(unit: &mut Vec<Tok>, out: &mut Vec<Tok>, diags: &mut Diagnostics, text: &str) {
    if unit.is_empty() {
        return;
    }
    let first_text = unit.iter().position(|t| matches!(t.kind, Kind::Text));
    // Lines of one cell each (a PDF's reading order) are not a row: a number before a label
    // there is a cell of the row above.
    let is_row = unit.first().is_some_and(|t| t.source != Source::Cell);
    let skip = if is_row { first_text.unwrap_or(0) } else { 0 };
    for t in unit.iter().take(skip) {
        if let Kind::Val(Some(_)) = t.kind {
            diags.at(
                "noise_dropped",
                format!(
                    "ignored `{}`: a number before the row's label is not one of its cells",
                    text.get(t.span.0..t.span.1).unwrap_or("")
                ),
                t.span.0,
            );
        }
    }
    let multi = unit.len() > 1;
    let labelled = first_text.is_some();
    let mut marked = false;
    for mut t in unit.drain(..).skip(skip) {
        if multi && !marked && matches!(t.kind, Kind::Val(_)) {
            t.row_start = true;
            marked = true;
        }
        t.labelled = labelled;
        out.push(t);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<String> {
        let mut d = Diagnostics::default();
        read(text, 0, text.len(), &[], &Columns::new(text, &crate::text::OffsetMap::default()), &mut d)
            .iter()
            .map(|t| match &t.kind {
                Kind::Text => format!("T:{}", &text[t.span.0..t.span.1]),
                Kind::Val(Some(n)) => {
                    format!("{}{}", if t.row_start { "|" } else { "" }, &text[n.digits.0..n.digits.1])
                }
                Kind::Val(None) => format!("{}_", if t.row_start { "|" } else { "" }),
            })
            .collect()
    }

    #[test]
    fn tsv_rows_drop_what_precedes_the_label() {
        assert_eq!(kinds("\t471\t2.其他\t0\t\t1\n"), ["T:2.其他", "|0", "_", "1"]);
    }

    #[test]
    fn one_cell_per_line_blocks_keep_blanks() {
        assert_eq!(kinds("规章\n\n\u{a0}\n\n 0\n\n减8\n"), ["T:规章", "_", "0", "8"]);
    }

    #[test]
    fn tab_cell_blocks_are_rows() {
        assert_eq!(kinds("\t\n\t（二）部分公开\n\t1\n\t0\n\n\t0\n"), ["T:（二）部分公开", "|1", "0", "0"]);
    }

    #[test]
    fn columns_by_bytes_are_columns_by_characters() {
        let by_chars = |s: &str, x: u32, width: Width| {
            s.chars().fold(x, |x, c| if c == '\t' { (x / 8 + 1) * 8 } else { x + char_columns(c, width) })
        };
        let samples = [
            "<td style=\"width:10pt\">一二\t3</td>",
            "abcdefgh\tijklmnop一",
            "\t\t１２ é",
            "𠀀abcdefghijk\u{a0}",
        ];
        for s in samples {
            for x in [0, 3] {
                for width in [Width::Display, Width::Chars, Width::Folded] {
                    assert_eq!(columns_after(s, x, width), by_chars(s, x, width), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn columns_are_counted_the_way_the_numbers_stack() {
        let x_of = |input: &str| -> Vec<(u32, u32)> {
            let mut d = Diagnostics::default();
            let (text, map) = crate::text::normalize(input);
            read(&text, 0, text.len(), &[], &Columns::new(input, &map), &mut d)
                .iter()
                .filter(|t| matches!(t.kind, Kind::Val(_)))
                .filter_map(|t| t.x)
                .collect()
        };
        // pdftotext: a number at the character column of its place on the page, whatever the
        // labels before it; counted a column per character, the numbers stack.
        let by_chars = "一、本年新收数量   1    1\n二、结转数量     0    0\n";
        assert_eq!(x_of(by_chars), [(11, 12), (16, 17), (11, 12), (16, 17)]);
        // Laid out by display width (ideographs two columns wide): counted so.
        let by_display = "一、本年新收数量 1   1\n二、结转数量     0   0\n";
        assert_eq!(x_of(by_display), [(17, 18), (21, 22), (17, 18), (21, 22)]);
        // Laid out with half-width digits, then widened: full-width digits count one.
        let widened = "一、本年新收数量 １０ １\n二、结转数量     ０  １\n";
        assert_eq!(x_of(widened), [(17, 19), (20, 21), (17, 18), (20, 21)]);
    }

    #[test]
    fn segment_labels_keep_key_characters_and_ordinal_offsets() {
        let text = "1.属于 国家秘密（三）其他、b 5\n";
        let mut d = Diagnostics::default();
        let map = crate::text::OffsetMap::default();
        let toks = read(text, 0, text.len(), &[], &Columns::new(text, &map), &mut d);
        let segs = segments(text, &toks);
        assert_eq!(segs[0].label, "1属于国家秘密三其他b");
        assert_eq!(segs[0].ordinals, [0, "1属于国家秘密".len()]);
    }

    #[test]
    fn markdown_separators_are_skipped() {
        assert_eq!(kinds("| 规章 | 1 |\n|---|---|\n| | 2 |\n"), ["T:规章", "|1", "|_", "2"]);
    }
}

/// Values with the label text that precedes them: the unit every solver starts from.
#[derive(Debug)]
pub(crate) struct Segment<'t> {
    /// The label text since the previous values, in comparable form.
    pub label: String,
    /// Where the label (or, without one, the values) starts in the working text.
    pub at: usize,
    /// Offsets in `label` where a row ordinal (`1.`, `（三）`, `四、`) starts.
    pub ordinals: Vec<usize>,
    /// The column of the label's last cell, in a row of delimited cells.
    pub label_col: Option<u32>,
    pub vals: Vec<&'t Tok>,
}

impl Segment<'_> {
    fn new() -> Self {
        Segment { label: String::new(), at: 0, ordinals: Vec::new(), label_col: None, vals: Vec::new() }
    }
}

impl Tok {
    /// A token of `kind` at `span`, read from `source`, with nothing yet known of its place.
    pub(crate) fn new(kind: Kind, span: Span, source: Source) -> Tok {
        Tok {
            kind,
            span,
            source,
            row_start: false,
            labelled: false,
            x: None,
            hides_blanks: false,
            rule: None,
            col: None,
        }
    }
}

/// Cuts `toks` into segments: label text, then the values after it.
pub(crate) fn segments<'t>(text: &str, toks: &'t [Tok]) -> Vec<Segment<'t>> {
    let mut out = Vec::new();
    let mut cur = Segment::new();
    let mut has_at = false;
    for t in toks {
        match t.kind {
            Kind::Text => {
                if !cur.vals.is_empty() {
                    out.push(std::mem::replace(&mut cur, Segment::new()));
                    has_at = false;
                }
                let raw = text.get(t.span.0..t.span.1).unwrap_or("");
                cur.label_col = t.col;
                cur.label.reserve(raw.len());
                let mut before = None;
                // Key characters are copied a run at a time: `run` is where the current run
                // started in `raw`.
                let mut run = None;
                for (i, c) in raw.char_indices() {
                    if crate::lexer::ordinal_at(raw.get(i..).unwrap_or(""), c, before) {
                        cur.ordinals.push(cur.label.len() + run.map_or(0, |r| i - r));
                    }
                    match (crate::text::is_key_char(c), run) {
                        (true, None) => run = Some(i),
                        (false, Some(r)) => {
                            cur.label.push_str(raw.get(r..i).unwrap_or(""));
                            run = None;
                        }
                        _ => {}
                    }
                    before = Some(c);
                }
                if let Some(r) = run {
                    cur.label.push_str(raw.get(r..).unwrap_or(""));
                }
            }
            Kind::Val(_) => cur.vals.push(t),
        }
        if !has_at {
            cur.at = t.span.0;
            has_at = true;
        }
    }
    if !cur.vals.is_empty() || !cur.label.is_empty() {
        out.push(cur);
    }
    out
}

/// The source most of `toks` came from.
pub(crate) fn main_source<'a>(toks: impl Iterator<Item = &'a Tok>) -> Option<Source> {
    let mut counts: Vec<(Source, usize)> = Vec::new();
    for t in toks {
        match counts.iter_mut().find(|(s, _)| *s == t.source) {
            Some((_, n)) => *n += 1,
            None => counts.push((t.source, 1)),
        }
    }
    counts.into_iter().max_by_key(|&(_, n)| n).map(|(s, _)| s)
}

//! Whitespace-aligned text, as `pdftotext -layout` gives a PDF: every table row a line, its
//! cells padded with spaces into columns (an ideograph takes two columns), a merged cell's
//! text written once, on its first row and in its first column. Paragraphs are wrapped like
//! the lines of a page.

use super::document::{Block, Document};
use super::template::{Grid, Role, Slot};

/// Spaces between two columns.
const GAP: usize = 3;
/// The width of a page's text, in columns.
const PAGE: usize = 80;
/// Tables are indented by this much.
const INDENT: usize = 2;

pub(crate) fn write(doc: &Document) -> String {
    let mut out = String::new();
    let pad = PAGE.saturating_sub(width(&doc.title)) / 2;
    out.push_str(&format!("{}{}\n\n", " ".repeat(pad), doc.title));
    for block in &doc.blocks {
        match block {
            Block::Heading(t) | Block::Subheading(t) => out.push_str(&format!("    {t}\n")),
            Block::Para(t) => wrap(t, &mut out),
            Block::Table(g) => {
                out.push('\n');
                table(g, &mut out);
                out.push('\n');
            }
        }
    }
    out
}

/// The display width of `text`: ideographs and full-width forms take two columns.
pub(crate) fn width(text: &str) -> usize {
    text.chars().map(char_width).sum()
}

fn char_width(c: char) -> usize {
    let wide = matches!(c,
        '\u{1100}'..='\u{115F}'
        | '\u{2E80}'..='\u{303E}'
        | '\u{3041}'..='\u{33FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{A000}'..='\u{A4CF}'
        | '\u{AC00}'..='\u{D7A3}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FF60}'
        | '\u{FFE0}'..='\u{FFE6}'
        | '\u{20000}'..='\u{2FFFD}'
        | '\u{30000}'..='\u{3FFFD}');
    if wide {
        2
    } else {
        1
    }
}

/// A paragraph as lines of a page: first line indented by two ideographs' width, lines broken
/// anywhere but inside a run of digits or letters.
fn wrap(text: &str, out: &mut String) {
    let mut line = String::from("    ");
    let mut used = 4;
    let mut prev: Option<char> = None;
    for c in text.chars() {
        let w = char_width(c);
        let inside_word = c.is_ascii_alphanumeric() && prev.is_some_and(|p| p.is_ascii_alphanumeric());
        prev = Some(c);
        if used + w > PAGE && !inside_word {
            out.push_str(line.trim_end());
            out.push('\n');
            line.clear();
            used = 0;
        }
        line.push(c);
        used += w;
    }
    out.push_str(line.trim_end());
    out.push_str("\n\n");
}

fn table(grid: &Grid, out: &mut String) {
    let slots = grid.slots();
    let widths = column_widths(grid, &slots);
    let span_width =
        |col: usize, span: usize| widths.iter().skip(col).take(span).sum::<usize>() + GAP * (span - 1);
    for row in &slots {
        let mut line = " ".repeat(INDENT);
        let mut col = 0;
        while let Some(slot) = row.get(col) {
            match slot {
                Slot::Origin(c) => {
                    let span = c.colspan.min(row.len() - col);
                    let room = span_width(col, span);
                    let fill = room.saturating_sub(width(&c.text));
                    // Numbers line up on the right of their column, words on the left.
                    if c.role == Role::Value {
                        line.push_str(&" ".repeat(fill));
                        line.push_str(&c.text);
                    } else {
                        line.push_str(&c.text);
                        line.push_str(&" ".repeat(fill));
                    }
                    line.push_str(&" ".repeat(GAP));
                    col += span;
                }
                Slot::RowCovered(_) | Slot::ColCovered => {
                    line.push_str(&" ".repeat(widths.get(col).map_or(0, |w| w + GAP)));
                    col += 1;
                }
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
}

/// The width of every column: its widest one-column cell, widened where a merged cell's text
/// needs more room than the columns it spans.
fn column_widths(grid: &Grid, slots: &[Vec<Slot<'_>>]) -> Vec<usize> {
    let mut widths = vec![1; grid.cols];
    let mut spanning = Vec::new();
    for row in slots {
        for (col, slot) in row.iter().enumerate() {
            if let Slot::Origin(c) = slot {
                if c.colspan == 1 {
                    if let Some(w) = widths.get_mut(col) {
                        *w = (*w).max(width(&c.text));
                    }
                } else {
                    spanning.push((col, c.colspan.min(grid.cols - col), width(&c.text)));
                }
            }
        }
    }
    spanning.sort_by_key(|&(_, span, _)| span);
    for (col, span, need) in spanning {
        let have: usize = widths.iter().skip(col).take(span).sum::<usize>() + GAP * (span - 1);
        if let Some(last) = widths.get_mut(col + span - 1).filter(|_| need > have) {
            *last += need - have;
        }
    }
    widths
}

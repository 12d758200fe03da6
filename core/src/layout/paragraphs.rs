//! Tables copied out of a browser page whose cells hold paragraphs (`<td><p>…</p></td>`, what
//! Word and most CMS editors write): the page's text (`innerText`, a select-all and copy) puts
//! each cell's text on lines of its own, the cells of a row apart by a line that holds one tab,
//! and the rows apart by blank lines.
//!
//! ```text
//! 规章            ← a cell
//!                 ← a blank line
//! \t              ← between two cells of a row
//!
//! 0
//!
//! \t
//!
//!                 ← an empty cell: nothing between two tabs
//! \t
//!
//! 0
//!
//!
//!
//! 行政规范性文件    ← the next row, after blank lines
//! ```
//!
//! Read line by line, the lone tabs would be blank cells (a tab-indented cell with nothing in
//! it); read as what they are, each row becomes a row of delimited cells, its empty cells
//! written out.

use nom::bytes::complete::tag;
use nom::character::complete::space0;
use nom::combinator::all_consuming;
use nom::sequence::terminated;
use nom::{IResult, Parser};

/// A line that separates two cells: one tab, and nothing else but spaces after it.
fn separator(line: &str) -> IResult<&str, &str> {
    all_consuming(terminated(tag("\t"), space0)).parse(line)
}

/// Whether `region` is written this way: lines of one tab between lines that do not start
/// with one. (Tab-indented cells, the other layout with lines of one tab, start every cell's
/// line with a tab.)
pub(crate) fn is_paragraph_table(region: &str) -> bool {
    let (mut separators, mut indented) = (0, 0);
    for line in region.lines() {
        if separator(line).is_ok() {
            separators += 1;
        } else if line.strip_prefix('\t').is_some_and(|rest| !rest.trim_matches([' ', '\t']).is_empty()) {
            indented += 1;
        }
    }
    separators >= 3 && indented == 0
}

/// The rows of `region`, each the cells between its separators as (offset in `region`,
/// text): a cell's text runs from its first line to its last, and is empty where two
/// separators have nothing between them. A row ends at two blank lines or more.
pub(crate) fn rows(region: &str) -> Vec<Vec<(usize, &str)>> {
    let mut rows = Vec::new();
    let mut row: Vec<(usize, &str)> = Vec::new();
    // The current cell: where its text starts and ends, if it has any; where it started.
    let mut cell: Option<(usize, usize)> = None;
    let mut cell_at = 0;
    let mut blanks = 0;
    let mut separated = false;
    let mut at = 0;
    for line in region.split('\n') {
        let line_at = at;
        at += line.len() + 1;
        if separator(line).is_ok() {
            row.push(text_of(region, cell.take(), cell_at));
            cell_at = line_at + line.len();
            separated = true;
            blanks = 0;
            continue;
        }
        // A line of `&nbsp;` is a blank cell's text, not a blank line.
        if line.trim_matches([' ', '\t']).is_empty() {
            blanks += 1;
            // Two blank lines end a row (a cell's paragraphs are one blank line apart).
            if blanks == 2 && (cell.is_some() || separated) {
                row.push(text_of(region, cell.take(), cell_at));
                rows.push(std::mem::take(&mut row));
                separated = false;
            }
            continue;
        }
        blanks = 0;
        let (s, e) = cell.map_or((line_at, line_at + line.len()), |(s, _)| (s, line_at + line.len()));
        if cell.is_none() {
            cell_at = line_at;
        }
        cell = Some((s, e));
    }
    if cell.is_some() || separated {
        row.push(text_of(region, cell, cell_at));
        rows.push(row);
    }
    rows
}

/// The cell spanning `span` of `region`, or an empty one at `at`.
fn text_of(region: &str, span: Option<(usize, usize)>, at: usize) -> (usize, &str) {
    match span {
        Some((s, e)) => (s, region.get(s..e).unwrap_or("")),
        None => (at, ""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_of_paragraph_cells_are_read_with_their_empty_cells() {
        let region = "规章\n\n\t\n\n0\n\n\t\n\n\t\n\n5\n\n\n\n行政\n规范性文件\n\n\t\n\n\u{a0}\n";
        assert!(is_paragraph_table(region));
        let texts: Vec<Vec<&str>> = rows(region).iter().map(|r| r.iter().map(|c| c.1).collect()).collect();
        assert_eq!(texts, [vec!["规章", "0", "", "5"], vec!["行政\n规范性文件", "\u{a0}"]]);
        // Offsets point at each cell's text.
        let first = &rows(region)[1][0];
        assert_eq!(&region[first.0..first.0 + first.1.len()], "行政\n规范性文件");
    }

    #[test]
    fn tab_indented_cells_are_not_paragraph_tables() {
        assert!(!is_paragraph_table("\t规章\n\t0\n\t\n\t\n\t\n\t5\n"));
    }
}

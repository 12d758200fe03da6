//! Where numbers stand in aligned text (`pdftotext -layout`): a blank cell leaves no trace in
//! such text, so a row of seven cells with five blanks reads `10 … 10`, and only the place of
//! each number on its line tells which column it belongs to.
//!
//! A column model is the display column of each column's centre, learnt from the nearest row
//! of the same table that has a number in every column — not from the header, whose words a
//! PDF extractor places loosely, and not from rows far away, since columns shift from page to
//! page. A short row is placed only when every number stands clearly under one column, left to
//! right; otherwise it is left to the other readings (and their uncertainty).
//!
//! Delimited cells (TSV, CSV, markdown, HTML) say their column, but a merged label's padding
//! looks like blank values: there the column a row's values start in is learnt from the rows
//! that leave no doubt.

use crate::cells::{evident_start, Shape};
use crate::layout::{Kind, Tok};

/// The centre of each column, left to right, in display columns.
pub(crate) type Model = Vec<f32>;

fn center(t: &Tok) -> Option<f32> {
    t.x.map(|(s, e)| (s + e) as f32 / 2.0)
}

/// Column centres from a row of aligned text that has a number (or blank marker) in each
/// column.
pub(crate) fn from_row(row: &[&Tok]) -> Option<Model> {
    let model: Option<Model> = row.iter().map(|t| center(t)).collect();
    model.filter(|m| increasing(m))
}

/// The model of the row nearest to row `i` among `rows` (in source order) that has a number
/// in each of `width` columns.
pub(crate) fn nearest(rows: &[&[&Tok]], i: usize, width: usize) -> Option<Model> {
    let full = |j: &usize| rows.get(*j).is_some_and(|r| r.len() == width && r.iter().all(|t| t.x.is_some()));
    let j = (0..rows.len()).filter(|j| *j != i).filter(full).min_by_key(|j| j.abs_diff(i))?;
    from_row(rows.get(j)?)
}

fn increasing(m: &[f32]) -> bool {
    m.iter().zip(m.iter().skip(1)).all(|(a, b)| a < b)
}

/// The column of each of `toks`, when each stands within half a column gap of one column's
/// centre and they go left to right; `None` otherwise.
pub(crate) fn place(toks: &[&Tok], model: &[f32]) -> Option<Vec<usize>> {
    let gap = model.iter().zip(model.iter().skip(1)).map(|(a, b)| b - a).fold(f32::INFINITY, f32::min);
    let tolerance = if gap.is_finite() { gap / 2.0 } else { f32::INFINITY };
    let mut out: Vec<usize> = Vec::with_capacity(toks.len());
    for t in toks {
        if !matches!(t.kind, Kind::Val(_)) {
            return None;
        }
        let x = center(t)?;
        let (column, distance) =
            model.iter().enumerate().map(|(c, m)| (c, (x - m).abs())).min_by(|a, b| a.1.total_cmp(&b.1))?;
        if distance >= tolerance || out.last().is_some_and(|&prev| prev >= column) {
            return None;
        }
        out.push(column);
    }
    Some(out)
}

/// The column of each of `toks` by the rule extents that contain it (a number may overhang
/// its dashes by one column), left to right; `None` when one stands outside every extent.
pub(crate) fn place_within(toks: &[&Tok], extents: &[(u32, u32)]) -> Option<Vec<usize>> {
    let mut out: Vec<usize> = Vec::with_capacity(toks.len());
    for t in toks {
        let x = center(t)?;
        let column = extents.iter().position(|&(s, e)| x >= s as f32 - 1.0 && x <= e as f32 + 1.0)?;
        if out.last().is_some_and(|&prev| prev >= column) {
            return None;
        }
        out.push(column);
    }
    Some(out)
}

/// The value most of `values` take, if one is more common than every other.
pub(crate) fn most_common(values: impl Iterator<Item = u32>) -> Option<u32> {
    let mut tally: Vec<(u32, usize)> = Vec::new();
    for v in values {
        match tally.iter_mut().find(|t| t.0 == v) {
            Some(t) => t.1 += 1,
            None => tally.push((v, 1)),
        }
    }
    tally.sort_by_key(|t| std::cmp::Reverse(t.1));
    match tally.as_slice() {
        [(v, _)] => Some(*v),
        [(v, a), (_, b), ..] if a > b => Some(*v),
        _ => None,
    }
}

/// In a table of delimited cells, the column each row's first value is in, by the column of
/// the row's label: learnt from rows whose values leave no doubt, per label column because
/// broken markdown shifts some rows by a cell.
#[derive(Debug, Default)]
pub(crate) struct FirstColumns {
    votes: Vec<(Option<u32>, u32, usize)>,
}

impl FirstColumns {
    /// Learns from `rows`: each its label's column and the tokens of its values, as a row of
    /// `shape`.
    pub(crate) fn learn<'r, 't: 'r, 's: 'r>(
        rows: impl Iterator<Item = (Option<u32>, &'r [&'t Tok], &'r Shape<'s>)>,
    ) -> Self {
        let mut out = FirstColumns::default();
        for (label, toks, shape) in rows {
            let Some(first) = evident_start(toks, shape).and_then(|s| toks.get(s)).and_then(|t| t.col) else {
                continue;
            };
            match out.votes.iter_mut().find(|v| v.0 == label && v.1 == first) {
                Some(v) => v.2 += 1,
                None => out.votes.push((label, first, 1)),
            }
        }
        out
    }

    /// The first value's column for a row labelled in column `label`: what most rows labelled
    /// there say, or else what most rows say (a row that lost a cell says otherwise).
    pub(crate) fn get(&self, label: Option<u32>) -> Option<u32> {
        let best = |votes: &mut dyn Iterator<Item = &(Option<u32>, u32, usize)>| {
            let mut tally: Vec<(u32, usize)> = Vec::new();
            for &(_, c, n) in votes {
                match tally.iter_mut().find(|t| t.0 == c) {
                    Some(t) => t.1 += n,
                    None => tally.push((c, n)),
                }
            }
            let total: usize = tally.iter().map(|t| t.1).sum();
            tally.iter().find(|t| t.1 * 2 > total).map(|t| t.0)
        };
        best(&mut self.votes.iter().filter(|v| v.0 == label)).or_else(|| best(&mut self.votes.iter()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Source;

    fn tok(x: u32, w: u32) -> Tok {
        Tok { x: Some((x, x + w)), ..Tok::new(Kind::Val(None), (0, 0), Source::Aligned) }
    }

    #[test]
    fn numbers_are_placed_under_the_nearest_column() {
        let model = vec![10.0, 20.0, 30.0, 40.0];
        let (a, b) = (tok(9, 2), tok(39, 2));
        assert_eq!(place(&[&a, &b], &model), Some(vec![0, 3]));
    }

    #[test]
    fn most_rows_say_where_values_start() {
        let shape = Shape { kinds: &[crate::template::CellKind::Count; 2], sums: &[] };
        // The cells of `s` (numbers and `-` blanks) in columns 1, 2, …
        let row = |s: &str| -> Vec<Tok> {
            let mut lexemes = Vec::new();
            crate::lexer::lex(s, 0, false, &mut lexemes);
            (1..)
                .zip(lexemes)
                .map(|(c, l)| {
                    let kind = match l.piece {
                        crate::lexer::Piece::Num(n) => Kind::Val(Some(n)),
                        _ => Kind::Val(None),
                    };
                    Tok { kind, col: Some(c), ..tok(0, 0) }
                })
                .collect()
        };
        // Two full rows labelled in column 0 start at 1; one that lost its first cell says 2.
        let rows = [row("4 5"), row("1 0"), row("- 3 8")];
        let refs: Vec<Vec<&Tok>> = rows.iter().map(|r| r.iter().collect()).collect();
        let first = FirstColumns::learn(refs.iter().map(|r| (Some(0), r.as_slice(), &shape)));
        assert_eq!(first.get(Some(0)), Some(1));
        // A label column never seen falls back on every row's say.
        assert_eq!(first.get(Some(5)), Some(1));
        // A tie says nothing.
        let first = FirstColumns::learn(refs[1..].iter().map(|r| (Some(0), r.as_slice(), &shape)));
        assert_eq!(first.get(Some(0)), None);
    }

    #[test]
    fn a_number_between_two_columns_is_not_placed() {
        let model = vec![10.0, 20.0];
        let a = tok(14, 2);
        assert_eq!(place(&[&a], &model), None);
    }
}

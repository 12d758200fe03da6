//! Where numbers stand in aligned text (`pdftotext -layout`): a blank cell leaves no trace in
//! such text, so a row of seven cells with five blanks reads `10 … 10`, and only the place of
//! each number on its line tells which column it belongs to.
//!
//! A column model is the display column of each column's centre, learnt from the nearest row
//! of the same table that has a number in every column — not from the header, whose words a
//! PDF extractor places loosely, and not from rows far away, since columns shift from page to
//! page. A short row is placed only when every number stands clearly under one column, left to
//! right; otherwise it is left to the other readings (and their uncertainty).

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
    from_row(rows[j])
}

fn increasing(m: &[f32]) -> bool {
    m.windows(2).all(|w| w[0] < w[1])
}

/// The column of each of `toks`, when each stands within half a column gap of one column's
/// centre and they go left to right; `None` otherwise.
pub(crate) fn place(toks: &[&Tok], model: &[f32]) -> Option<Vec<usize>> {
    let gap = model.windows(2).map(|w| w[1] - w[0]).fold(f32::INFINITY, f32::min);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Source;

    fn tok(x: u32, w: u32) -> Tok {
        Tok {
            kind: Kind::Val(None),
            span: (0, 0),
            source: Source::Aligned,
            row_start: false,
            labelled: false,
            x: Some((x, x + w)),
            hides_blanks: false,
            rule: None,
        }
    }

    #[test]
    fn numbers_are_placed_under_the_nearest_column() {
        let model = vec![10.0, 20.0, 30.0, 40.0];
        let (a, b) = (tok(9, 2), tok(39, 2));
        assert_eq!(place(&[&a, &b], &model), Some(vec![0, 3]));
    }

    #[test]
    fn a_number_between_two_columns_is_not_placed() {
        let model = vec![10.0, 20.0];
        let a = tok(14, 2);
        assert_eq!(place(&[&a], &model), None);
    }
}

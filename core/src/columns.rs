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
use crate::layout::{Columns, Kind, Tok};

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
/// in each of `width` columns, on the same page (`pages`: each row's page).
pub(crate) fn nearest(rows: &[&[&Tok]], pages: &[usize], i: usize, width: usize) -> Option<Model> {
    let full = |j: &usize| rows.get(*j).is_some_and(|r| r.len() == width && r.iter().all(|t| t.x.is_some()));
    let page = pages.get(i);
    let j = (0..rows.len())
        .filter(|j| *j != i && pages.get(*j) == page)
        .filter(full)
        .min_by_key(|j| j.abs_diff(i))?;
    from_row(rows.get(j)?)
}

/// A word of a table's header and its columns.
pub(crate) struct Word<'t> {
    text: &'t str,
    x: (u32, u32),
}

impl Word<'_> {
    /// The centre of its first character (a word written vertically is its first character
    /// on its line).
    fn centre(&self) -> f32 {
        let chars = self.text.chars().count().max(1) as f32;
        self.x.0 as f32 + (self.x.1 - self.x.0) as f32 / chars / 2.0
    }
}

/// The words of the header of a table of aligned text: the text before its first number,
/// when that number is on the same page (pages end in a form feed; a PDF extractor's columns
/// shift from page to page).
pub(crate) fn header<'t>(text: &'t str, toks: &[Tok], columns: &Columns<'_>) -> Vec<Word<'t>> {
    let first = toks.iter().position(|t| matches!(t.kind, Kind::Val(Some(_))));
    let (Some(head), Some(number)) = (first.and_then(|f| toks.get(..f)), first.and_then(|f| toks.get(f)))
    else {
        return Vec::new();
    };
    let start = head.first().map_or(number.span.0, |t| t.span.0);
    if text.get(start..number.span.0).is_none_or(|between| between.contains('\u{c}')) {
        return Vec::new();
    }
    head.iter()
        .filter(|t| matches!(t.kind, Kind::Text))
        .flat_map(|t| columns.words(text, t).into_iter().map(|(text, x)| Word { text, x }))
        .collect()
}

/// The extents of the names of a table's columns in a `header` that writes each whole, on one
/// line (`结果维持   结果纠正   其他结果 …`, over two lines for a two-level header): the words
/// that are the `names`, left to right, one per column, none overlapping the next.
pub(crate) fn header_names(header: &[Word<'_>], names: &[&str]) -> Option<Vec<(u32, u32)>> {
    let mut words: Vec<&Word<'_>> = header.iter().filter(|w| names.contains(&w.text)).collect();
    words.sort_by_key(|w| w.x);
    let in_order = words.len() == names.len() && words.iter().zip(names).all(|(w, n)| w.text == *n);
    let apart = words.windows(2).all(|p| matches!(p, [a, b] if a.x.1 < b.x.0));
    (in_order && apart).then(|| words.iter().map(|w| w.x).collect())
}

/// The extents of `names`, the columns of a sub-table of aligned text, in its header: the
/// nearest text before byte `before` (among the few text tokens a sub-table's rows and header
/// hold) that names the first column. Table 二 has a header per sub-table
/// (`信息内容   本年新制作数量   本年新公开数量   对外公开总数量`).
pub(crate) fn names_before(
    text: &str,
    toks: &[Tok],
    before: usize,
    names: &[&str],
    columns: &Columns<'_>,
) -> Option<Vec<(u32, u32)>> {
    const NEAR: usize = 8;
    let first = names.first()?;
    let end = toks.partition_point(|t| t.span.1 <= before);
    let header: Vec<Word<'_>> = toks
        .get(..end)?
        .iter()
        .rev()
        .filter(|t| matches!(t.kind, Kind::Text))
        .take(NEAR)
        .map(|t| columns.words(text, t).into_iter().map(|(text, x)| Word { text, x }).collect::<Vec<_>>())
        .find(|words| words.iter().any(|w| w.text == *first))?;
    header_names(&header, names)
}

/// The extents of the columns `names` names in a `header` (see [`header_names`]), widened to
/// the numbers among `toks` that fill them where that places every number exactly (see
/// [`widened`] and [`if_right_aligned`]).
pub(crate) fn named_columns(header: &[Word<'_>], names: &[&str], toks: &[Tok]) -> Option<Vec<(u32, u32)>> {
    let names = header_names(header, names)?;
    let wider = widened(&names, toks);
    Some(if_right_aligned(names, wider, toks))
}

/// `names`, the extents of a sub-table's column names in its header, widened to the columns
/// of the table's grid they stand over: table 二 is one table whose sub-tables share its grid
/// (`grid`, where its columns end), and a sub-table of fewer columns merges some of them
/// (2019's 本年增/减 of 行政事业性收费 over the last two, 2021's 采购总金额 likewise). Each name
/// covers the grid's columns that end between its start and the next name's, and ends where
/// the last of them ends. `names` as they are when one covers none (not that grid).
pub(crate) fn names_on_grid(names: &[(u32, u32)], grid: &[u32]) -> Vec<(u32, u32)> {
    let next_starts = names.iter().skip(1).map(|&(s, _)| s).chain([u32::MAX]);
    let widened: Option<Vec<(u32, u32)>> = names
        .iter()
        .zip(next_starts)
        .map(|(&(start, _), next)| {
            let end = grid.iter().copied().filter(|&g| g >= start && g < next).max()?;
            Some((start, end))
        })
        .collect();
    widened.unwrap_or_else(|| names.to_vec())
}

/// `names`, the extents of columns' names in a header (left to right), widened to the numbers
/// among `toks` that fill their columns: a column as wide as its widest number, its name
/// aligned left over it, ends where that number ends, and it starts where the name starts
/// (numbers aligned right end there too: `总计` over `101089` and `2511`). A number that reaches
/// the next name fills no column: it is cells run together.
pub(crate) fn widened<'t>(names: &[(u32, u32)], toks: impl IntoIterator<Item = &'t Tok>) -> Vec<(u32, u32)> {
    let mut out = names.to_vec();
    for (s, e) in toks.into_iter().filter(|t| matches!(t.kind, Kind::Val(Some(_)))).filter_map(|t| t.x) {
        let Some(c) = names.iter().position(|n| n.0 == s && e > n.1) else { continue };
        let clear = names.get(c + 1).is_none_or(|next| e < next.0);
        if let Some(name) = out.get_mut(c).filter(|name| clear && e > name.1) {
            name.1 = e;
        }
    }
    out
}

/// `wider`, extents of the columns widened from their `names` (to the numbers that fill them,
/// or to a grid), where every number among `toks` ends exactly where one of them ends; else
/// `names` as they are. Widened columns place numbers only when they place all exactly: a
/// column widened by cells run together, or in text not right-aligned, would put the centres
/// that place numbers under names elsewhere than the names are.
pub(crate) fn if_right_aligned<'t>(
    names: Vec<(u32, u32)>,
    wider: Vec<(u32, u32)>,
    toks: impl IntoIterator<Item = &'t Tok>,
) -> Vec<(u32, u32)> {
    if right_aligned(toks, &wider) {
        wider
    } else {
        names
    }
}

/// Whether every number among `toks` ends exactly where one of `extents` ends (and there is
/// one): numbers laid out right-aligned on those columns.
pub(crate) fn right_aligned<'t>(toks: impl IntoIterator<Item = &'t Tok>, extents: &[(u32, u32)]) -> bool {
    let mut any = false;
    for t in toks.into_iter().filter(|t| matches!(t.kind, Kind::Val(Some(_)))) {
        match t.x {
            Some((_, e)) if extents.iter().any(|&(_, end)| end == e) => any = true,
            _ => return false,
        }
    }
    any
}

/// Column centres from the `header` of a table of aligned text, for a table without a row
/// that fills every column: the first character of each column's name. `names` lists, per column left to right, the ways its name may
/// start; a one-character entry matches that character alone, as a name written vertically
/// leaves it (`商` over `业`), not every word it begins (`法` of `法人或其他组织`). A header
/// places its words only roughly where their columns are (a PDF extractor puts each word
/// where it starts on the page), so what this model places is never certain. `None` unless
/// each column is found once, left to right.
pub(crate) fn from_header(header: &[Word<'_>], names: &[&[&str]]) -> Option<Model> {
    let mut model = Model::with_capacity(names.len());
    for starts in names {
        let mut centres = header.iter().filter_map(|w| {
            let named = |p: &&str| if p.chars().count() == 1 { w.text == *p } else { w.text.starts_with(p) };
            starts.iter().any(named).then(|| w.centre())
        });
        let first = centres.next()?;
        // A name found twice in different places (a header repeated on the next page, columns
        // shifted) leaves its column in doubt.
        if centres.any(|c| (c - first).abs() > 1.0) {
            return None;
        }
        model.push(first);
    }
    Some(model).filter(|m| increasing(m))
}

/// `model` moved so that its last column stands where `rows` end, at the median: a header's
/// words stand off their columns' numbers by about the same for every column (a PDF
/// extractor starts a word where the header cell starts, a number where it is centred), and
/// the last column of table 三, its total, is filled in every row with a number.
pub(crate) fn shifted_to_last(model: Model, rows: &[&[&Tok]]) -> Model {
    let Some(&last) = model.last() else { return model };
    let mut offsets: Vec<f32> =
        rows.iter().filter_map(|r| r.last().and_then(|t| center(t))).map(|x| x - last).collect();
    offsets.sort_by(f32::total_cmp);
    let shift = offsets.get(offsets.len() / 2).copied().unwrap_or(0.0);
    model.into_iter().map(|m| m + shift).collect()
}

/// Whether `toks` all have a place on their lines and no two stand within a column of each
/// other.
pub(crate) fn apart<'t>(toks: impl Iterator<Item = &'t Tok>) -> bool {
    let centres: Option<Vec<f32>> = toks.map(center).collect();
    centres.is_some_and(|mut c| {
        c.sort_by(f32::total_cmp);
        c.windows(2).all(|w| matches!(w, [a, b] if b - a > 1.0))
    })
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

/// The column of each of `toks` by the name in the header it is aligned with — centred under
/// it, or ending where it ends (numbers aligned right, under names aligned left), within a
/// column — left to right; `None` when one is aligned with no name. Standing somewhere under
/// a name is not enough: a line whose numbers were widened (full-width digits) drifts right
/// of its header, into the next name.
pub(crate) fn place_under(toks: &[&Tok], names: &[(u32, u32)]) -> Option<Vec<usize>> {
    let mut out: Vec<usize> = Vec::with_capacity(toks.len());
    for t in toks {
        let (s, e) = t.x?;
        let aligned = |&(ns, ne): &(u32, u32)| e.abs_diff(ne) <= 1 || (s + e).abs_diff(ns + ne) <= 2;
        let column = names.iter().position(aligned)?;
        if out.last().is_some_and(|&prev| prev >= column) {
            return None;
        }
        out.push(column);
    }
    Some(out)
}

/// For each of `rows`, where the `n` columns of its values start among the extents of the
/// dashed rule above it: the window of `n` consecutive extents that places the most rows under
/// the same rule, the last on a tie. A rule may have a column more than the table uses (an
/// empty column of the document's grid, at its end); the label's columns come first. A row
/// that window does not place, but the nearest other one does, was moved against the rule (a
/// merged label spanning one column more): it is read there, and said to have moved (`true`).
pub(crate) fn rule_windows(rows: &[&[&Tok]], n: usize) -> Vec<Option<(usize, bool)>> {
    let rule_of = |r: &[&Tok]| r.first().and_then(|t| t.rule.clone());
    rows.iter()
        .map(|row| {
            let rule = rule_of(row)?;
            let same: Vec<&[&Tok]> = rows
                .iter()
                .copied()
                .filter(|r| rule_of(r).is_some_and(|o| std::sync::Arc::ptr_eq(&o, &rule)))
                .collect();
            let fits =
                |r: &[&Tok], s: usize| rule.get(s..s + n).is_some_and(|w| place_within(r, w).is_some());
            let placed = |s: usize| same.iter().filter(|r| fits(r, s)).count();
            let starts = 0..=rule.len().checked_sub(n)?;
            let best = starts.clone().rev().max_by_key(|&s| (placed(s), s))?;
            if fits(row, best) {
                return Some((best, false));
            }
            starts.filter(|&s| fits(row, s)).min_by_key(|&s| s.abs_diff(best)).map(|s| (s, true))
        })
        .collect()
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
    /// `shape`. With `end`, the column the table's rows end in, a row whose values end before
    /// it says nothing: it gained a cell after them, and may have lost one before.
    pub(crate) fn learn<'r, 't: 'r, 's: 'r>(
        rows: impl Iterator<Item = (Option<u32>, &'r [&'t Tok], &'r Shape<'s>)>,
        end: Option<u32>,
    ) -> Self {
        let mut out = FirstColumns::default();
        for (label, toks, shape) in rows {
            let Some(start) = evident_start(toks, shape) else { continue };
            let last = (start + shape.width()).checked_sub(1).and_then(|l| toks.get(l)).and_then(|t| t.col);
            if end.is_some() && last != end {
                continue;
            }
            let Some(first) = toks.get(start).and_then(|t| t.col) else {
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
        let first = FirstColumns::learn(refs.iter().map(|r| (Some(0), r.as_slice(), &shape)), None);
        assert_eq!(first.get(Some(0)), Some(1));
        // A label column never seen falls back on every row's say.
        assert_eq!(first.get(Some(5)), Some(1));
        // A tie says nothing.
        let first = FirstColumns::learn(refs[1..].iter().map(|r| (Some(0), r.as_slice(), &shape)), None);
        assert_eq!(first.get(Some(0)), None);
    }

    #[test]
    fn numbers_aligned_with_a_header_name_are_placed_under_it() {
        // Names at 10–18 and 21–25; numbers ending where a name ends, or centred under it.
        let names = [(10, 18), (21, 25)];
        let (right, centred) = (tok(16, 2), tok(22, 2));
        assert_eq!(place_under(&[&right, &centred], &names), Some(vec![0, 1]));
        // Standing under a name but aligned with none: drifted, not placed.
        let drifted = tok(17, 3);
        assert_eq!(place_under(&[&drifted], &names), None);
    }

    #[test]
    fn a_rule_with_a_column_to_spare_places_rows_where_most_fit() {
        // Label, three value columns, and an empty column at the end of the rule.
        let rule: std::sync::Arc<[(u32, u32)]> = vec![(0, 10), (12, 16), (18, 22), (24, 28), (30, 32)].into();
        let at = |x: u32| Tok { rule: Some(rule.clone()), ..tok(x, 1) };
        let (a, b, c) = (at(13), at(25), at(14));
        // A row moved a column right: its last number in the spare column.
        let (e, f) = (at(19), at(31));
        let rows: [&[&Tok]; 3] = [&[&a, &b], &[&c], &[&e, &f]];
        // Not the last three extents: the first two rows stand in extents 1–3.
        assert_eq!(rule_windows(&rows, 3), vec![Some((1, false)), Some((1, false)), Some((2, true))]);
    }

    #[test]
    fn a_header_model_moves_to_the_rows_totals() {
        let (a, b) = (tok(52, 2), tok(105, 2));
        let rows: [&[&Tok]; 2] = [&[&a, &b], &[&b]];
        assert_eq!(shifted_to_last(vec![47.0, 55.0, 101.0], &rows), vec![52.0, 60.0, 106.0]);
    }

    #[test]
    fn a_number_between_two_columns_is_not_placed() {
        let model = vec![10.0, 20.0];
        let a = tok(14, 2);
        assert_eq!(place(&[&a], &model), None);
    }
}

//! Reading the value tokens of one template row into its cells.
//!
//! A row's tokens rarely map one to one onto its cells in damaged text. This module lists
//! every reading the tokens allow — the *candidates* — and [`crate::solve`] picks among them
//! with the table's arithmetic:
//! - as many tokens as cells: one reading;
//! - more tokens: windows that drop only blanks at the ends (padding cells), else readings
//!   that drop one or two stray numbers;
//! - fewer tokens, digits glued together (`300153006143119`): every split into cells that
//!   obeys the row's own sums, found by a bounded search;
//! - fewer tokens that cannot be split: the missing cells placed in every possible position,
//!   their values left to the arithmetic.

use crate::decimal::Decimal;
use crate::layout::{Kind, Tok};
use crate::template::CellKind;

/// The arithmetic a row obeys: `cells[parts]` add up to `cells[total]`.
#[derive(Clone, Debug)]
pub(crate) struct Sum {
    pub parts: std::ops::Range<usize>,
    pub total: usize,
}

/// What a row looks like: its cells' kinds and its own sums.
#[derive(Clone, Debug)]
pub(crate) struct Shape<'a> {
    pub kinds: &'a [CellKind],
    pub sums: &'a [Sum],
}

impl Shape<'_> {
    pub(crate) fn width(&self) -> usize {
        self.kinds.len()
    }
}

/// A cell of a candidate reading.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Slot {
    /// Read from the source: a value or a blank.
    Known(Option<Decimal>),
    /// Missing from the source; its value is for the arithmetic to find.
    Unknown,
}

/// One way of reading a row.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Cand {
    pub cells: Vec<Slot>,
    /// How implausible the reading is; among readings the arithmetic cannot tell apart, the
    /// least implausible is chosen.
    pub penalty: f32,
}

/// How a row was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum How {
    Exact,
    Window,
    /// A row longer than the table whose numbers span fewer cells than it has: which of its
    /// blanks are cells and which are padding (of a merged label, of a footer's span) is
    /// inferred.
    Padded,
    Glued,
    Missing,
    Dropped,
    /// Whole blocks of values put back in the order the arithmetic supports.
    Reordered,
    /// The numbers of a short row of aligned text, placed under their columns.
    Positioned,
    /// The numbers of a short row of aligned text, each ending exactly where its column ends,
    /// in a table whose numbers all do (columns the header's names or a row with every cell
    /// give): placed as surely as delimited cells are, where a number placed by a rougher
    /// measure (a centre, a drifted line) is an inference.
    Aligned,
    /// The numbers of a short row of text that hides blank cells, with nothing to say where
    /// they stand: placed in each order-keeping way, the other cells blank.
    Spread,
    /// No reading fits: the cells are a best effort and all uncertain.
    Forced,
}

/// The candidate readings of a row.
#[derive(Clone, Debug)]
pub(crate) struct Reading {
    pub cands: Vec<Cand>,
    pub how: How,
    /// Every cell is uncertain whatever is chosen: the glued-digit search hit its bound (the
    /// candidates may be incomplete), or the row is short in a layout that hides its blank
    /// cells, so its numbers may stand in any column.
    pub doubtful: bool,
}

/// 2^53 − 1, the largest integer a JavaScript number holds exactly.
const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

/// The most nodes the glued-digit search visits for one row.
const SEARCH_LIMIT: usize = 200_000;

/// The most nodes the glued-digit searches of one table visit together. The rows of 10,000
/// generated glued reports take at most 170,000 nodes each, 4,600 at the median; a table of
/// digits made to search every row to its bound would take 25 times the row's bound.
pub(crate) const TABLE_SEARCH_LIMIT: usize = 1_000_000;

/// At most this many tokens may be missing from a row for the missing cells to be placed.
const MAX_MISSING: usize = 3;

/// A token as a value of a cell of `kind`, or `Err` when it cannot be one cell.
fn value(tok: &Tok, kind: CellKind) -> Result<Option<Decimal>, ()> {
    let Kind::Val(v) = &tok.kind else {
        return Err(());
    };
    let Some(num) = v else { return Ok(None) };
    let value = num.value.ok_or(())?;
    // No count in a report comes near 2^53; a number beyond it is not a cell (and JavaScript,
    // which reads these reports in the browser, could not hold it exactly).
    let exact_in_js = |v: Decimal| v.as_int().is_some_and(|i| i.unsigned_abs() <= MAX_SAFE_INTEGER);
    match kind {
        // A count may be written with zero decimals (`49.0`, a spreadsheet's or pandas' float).
        CellKind::Count if value.as_int().is_some_and(|i| i >= 0) && exact_in_js(value) => Ok(Some(value)),
        CellKind::Change if value.as_int().is_some() && exact_in_js(value) => Ok(Some(value)),
        CellKind::Amount if !num.signed && value.to_f64() >= 0.0 => Ok(Some(value)),
        _ => Err(()),
    }
}

/// What the layout says of where a row's cells stand.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Hints<'a> {
    /// Where its columns stand, for a row of aligned text.
    pub columns: Option<&'a [f32]>,
    /// Where its columns start among the extents of the dashed rule above it, when not the
    /// last `n`, and whether that is where the table's other rows have theirs (`false`) or
    /// the row moved (`true`: what it places is uncertain).
    pub rule_from: Option<(usize, bool)>,
    /// The extents of its columns, for a row of aligned text: the header's names of them,
    /// under a header that names each column whole, or the numbers of a row with every cell.
    pub names: Option<&'a [(u32, u32)]>,
    /// Every number of the table ends exactly where one of those columns ends: the text was
    /// laid out with numbers right-aligned on them, so a number that ends where its column
    /// does stands in it (text whose digits were widened, or columns a header places loosely,
    /// give no such table).
    pub right_aligned: bool,
    /// The columns were read off the header, which places them only roughly: what they
    /// place is uncertain.
    pub loose: bool,
    /// The table column its first value belongs in, for a row of delimited cells.
    pub first_col: Option<u32>,
    /// A row of delimited cells that does not end where the table's rows do: it lost or gained
    /// a cell, and where cannot be told.
    pub misfit: bool,
    /// The nodes the glued-digit search may still visit for the row's table: each row's
    /// search takes its nodes from it (and no more than its own bound).
    pub search_budget: Option<&'a std::cell::Cell<usize>>,
    /// Where a row of delimited cells has its label, against the labels of the rows of its
    /// rank.
    pub label: LabelPlace,
}

/// Where a row of delimited cells has its label, against the column where the labels of the
/// rows of its rank (一、, （一）, 1.) stand.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum LabelPlace {
    /// Not known (no label column, or no usual one).
    #[default]
    Unknown,
    /// In its rank's column: no cell was lost or gained before it.
    Usual,
    /// In another column: a cell before it was lost or gained, so where the grid says its
    /// values start is a guess, which only the table's arithmetic can confirm.
    Moved,
}

/// Lists the readings of `toks` (tokens of the working text `text`) as a row of `shape`.
pub(crate) fn read(text: &str, toks: &[&Tok], shape: &Shape<'_>, hints: Hints<'_>) -> Reading {
    let columns = hints.columns;
    let n = shape.width();
    if toks.len() < n {
        // A dashed rule above the row gives its columns exactly (its last `n` extents; the
        // first are the label's); else the header's names of the columns, when each number
        // is aligned with one; else the caller's model.
        let ruled = toks.first().and_then(|t| t.rule.as_deref()).and_then(|r| {
            let from = hints.rule_from.map(|f| f.0).or(r.len().checked_sub(n))?;
            r.get(from..from + n)
        });
        let moved = ruled.is_some() && hints.rule_from.is_some_and(|f| f.1);
        let names = hints.names.filter(|w| w.len() == n);
        let named = || names.and_then(|w| crate::columns::place_under(toks, w));
        let modelled = || columns.filter(|m| m.len() == n).and_then(|m| crate::columns::place(toks, m));
        let centres = |extents: &[(u32, u32)]| extents.iter().map(|&(s, e)| (s + e) as f32 / 2.0).collect();
        // The columns' extents, when a rule or the header's names give them.
        let (placed, loose, extents): (_, _, Option<&[(u32, u32)]>) = match ruled {
            Some(extents) => (crate::columns::place_within(toks, extents), moved, Some(extents)),
            None => match named() {
                Some(p) => (Some(p), false, names),
                None => (modelled(), hints.loose, None),
            },
        };
        let centres: Vec<f32> = match extents {
            Some(e) => centres(e),
            None => columns.map(<[f32]>::to_vec).unwrap_or_default(),
        };
        let exact = if ruled.is_none() && hints.right_aligned { extents } else { None };
        let columns = Placed { centres: &centres, ends: exact.unwrap_or(&[]) };
        if let Some(mut reading) = placed.and_then(|p| positioned(text, toks, shape, p.as_slice(), &columns))
        {
            reading.doubtful |= loose;
            return reading;
        }
    }
    let direct: Vec<Result<Option<Decimal>, ()>> = if toks.len() == n {
        toks.iter().zip(shape.kinds).map(|(t, &k)| value(t, k)).collect()
    } else {
        Vec::new()
    };
    // A row of delimited cells whose first value is not where the table's lost or gained a
    // cell somewhere, unless numbers at both ends of its width pin it down (a rowspan that
    // runs one row too far shifts a row whole; its cells are still all there).
    let pinned = pinned(toks, n);
    let grid_col = hints.first_col.filter(|_| !pinned);
    let off_grid = hints.misfit && !pinned
        || matches!((grid_col, toks.first().and_then(|t| t.col)), (Some(a), Some(b)) if a != b);
    // A row out of place does not start its values where the grid does: its padding is for
    // the arithmetic to tell.
    let first_col = grid_col.filter(|_| hints.label != LabelPlace::Moved);
    if toks.len() == n && direct.iter().all(Result::is_ok) {
        let cells = direct.into_iter().map(|v| Slot::Known(v.unwrap_or(None))).collect();
        // A row out of place that still has the table's width, a blank at an end, gained a cell
        // before its label and lost one after it: a blank of its values, or its padding, which
        // the blank at its end may be. Where its values start is a guess.
        let moved = hints.label == LabelPlace::Moved && !pinned;
        return Reading {
            cands: vec![Cand { cells, penalty: 0.0 }],
            how: How::Exact,
            doubtful: off_grid || moved,
        };
    }
    if toks.len() > n {
        let windows = windows(toks, shape);
        if !windows.is_empty() {
            // The padding of a merged label is told from blank values by where the table's
            // values start.
            if let Some(c0) = first_col {
                let start = toks.iter().position(|t| t.col == Some(c0));
                let on_grid = windows_at(toks, shape).into_iter().find(|w| Some(w.0) == start);
                return match on_grid {
                    // A row moved against its header by a lost cell before its label still
                    // fits the grid; its sum, broken on the grid but whole one column over,
                    // says it may have moved. (Or the report broke the sum: where the table's
                    // arithmetic cannot tell, the grid's reading is the likelier.) Not a row
                    // whose label stands in its rank's column: nothing before it moved, and
                    // it ends where the table's rows do, so its cells are where they were.
                    Some((_, cells))
                        if hints.label != LabelPlace::Usual
                            && !obeys_sums(&cells, shape)
                            && windows.iter().any(|w| obeys_sums(&w.cells, shape)) =>
                    {
                        let off_grid = |w: &Cand| if w.cells == cells { 0.0 } else { 0.5 };
                        let cands =
                            windows.into_iter().map(|w| Cand { penalty: off_grid(&w), ..w }).collect();
                        Reading { cands, how: How::Window, doubtful: true }
                    }
                    Some((_, cells)) => Reading {
                        cands: vec![Cand { cells, penalty: 0.0 }],
                        how: How::Window,
                        doubtful: false,
                    },
                    None => Reading { cands: windows, how: How::Window, doubtful: true },
                };
            }
            let how = if pinned { How::Window } else { How::Padded };
            return Reading { cands: windows, how, doubtful: off_grid };
        }
        let dropped = drop_strays(toks, shape);
        if !dropped.is_empty() {
            return Reading { cands: dropped, how: How::Dropped, doubtful: false };
        }
        return forced(toks, shape);
    }
    let hidden = toks.iter().any(|t| t.hides_blanks);
    let limit = hints.search_budget.map_or(SEARCH_LIMIT, |b| b.get().min(SEARCH_LIMIT));
    let Glued { cands: mut glued, doubtful, nodes } = glue(text, toks, shape, hidden, limit);
    if let Some(budget) = hints.search_budget {
        budget.set(budget.get().saturating_sub(nodes));
    }
    // Digits split or cells placed beside a no-break space that may have been a blank cell.
    let nbsp = toks.iter().any(|t| matches!(&t.kind, Kind::Val(Some(n)) if n.nbsp_beside));
    let doubtful = doubtful || nbsp;
    if !glued.is_empty() {
        // A split is evidence only when the row's own sums check it; without sums, or in text
        // that hides blank cells, the same digits may as well be whole cells with others blank.
        if shape.sums.is_empty() || hidden {
            glued.extend(place_missing(toks, shape));
        }
        return Reading { cands: glued, how: How::Glued, doubtful };
    }
    let missing = place_missing(toks, shape);
    if hidden {
        let mut spread = spread(toks, shape);
        if !spread.is_empty() {
            spread.extend(missing);
            return Reading { cands: spread, how: How::Spread, doubtful: true };
        }
    }
    if !missing.is_empty() {
        // A search cut short at its bound may have missed the split that was the row.
        return Reading { cands: missing, how: How::Missing, doubtful: hidden || nbsp || nodes >= limit };
    }
    forced(toks, shape)
}

/// The readings of a short row in text that hides blank cells (`10 … 10` of seven cells,
/// five blank): its numbers in order in any of the row's cells, the others blank — those
/// that obey the row's sums if any do. The leftmost places are the likelier (cells fill from
/// the first columns), and a blank likelier than a cell lost.
fn spread(toks: &[&Tok], shape: &Shape<'_>) -> Vec<Cand> {
    let n = shape.width();
    let mut out: Vec<Cand> = Vec::new();
    for_each_combination(n, toks.len(), &mut |places| {
        let mut cells = vec![Slot::Known(None); n];
        for (t, &p) in toks.iter().zip(places) {
            match (cells.get_mut(p), shape.kinds.get(p).map(|&k| value(t, k))) {
                (Some(cell), Some(Ok(v))) => *cell = Slot::Known(v),
                _ => return,
            }
        }
        let shift: usize = places.iter().enumerate().map(|(j, &p)| p - j).sum();
        out.push(Cand { cells, penalty: 0.5 + shift as f32 * 0.01 });
    });
    if out.iter().any(|c| obeys_sums(&c.cells, shape)) {
        out.retain(|c| obeys_sums(&c.cells, shape));
    }
    out
}

/// Where the columns of a row of aligned text stand: their centres, and their extents when
/// the table's numbers are right-aligned on them (empty otherwise).
struct Placed<'a> {
    centres: &'a [f32],
    ends: &'a [(u32, u32)],
}

/// The reading of a short row of aligned text whose numbers stand under their columns: the
/// other cells are blank, as the source shows them. But a row that lost its spaces (`25502`
/// for `25 50 2`, `减10` for `减1 0`) stands under its first column as one number: in a row no
/// sum checks, digits before a blank cell may be that cell's too, and digits after one, when
/// they start on its side of the way to their own column. Digits run together end where the
/// last cell's would: a number that ends exactly where its column does holds no digits of the
/// blank cell after it.
fn positioned(
    text: &str,
    toks: &[&Tok],
    shape: &Shape<'_>,
    placed: &[usize],
    columns: &Placed<'_>,
) -> Option<Reading> {
    let centres = columns.centres;
    let mut cells = vec![Slot::Known(None); shape.width()];
    for (t, &c) in toks.iter().zip(placed) {
        *cells.get_mut(c)? = Slot::Known(value(t, *shape.kinds.get(c)?).ok()?);
    }
    let blank = |c: usize| cells.get(c) == Some(&Slot::Known(None));
    // Whether the token starts nearer the column before its own than its own, as the first
    // cell's digits of a row run together would; unknown positions are.
    let starts_left = |t: &Tok, c: usize| {
        let mid = c.checked_sub(1).and_then(|b| Some((centres.get(b)? + centres.get(c)?) / 2.0));
        match (t.x, mid) {
            (Some((s, _)), Some(mid)) => (s as f32) < mid,
            _ => true,
        }
    };
    let ends_with_column =
        |t: &Tok, c: usize| matches!((t.x, columns.ends.get(c)), (Some((_, e)), Some(&(_, end))) if e == end);
    // And starts clear of the column before (digits of cells run together reach into it).
    let within_column = |t: &Tok, c: usize| {
        let before = c.checked_sub(1).and_then(|b| columns.ends.get(b)).map_or(0, |&(_, end)| end);
        ends_with_column(t, c) && t.x.is_some_and(|(s, _)| s > before)
    };
    let may_hold_blanks = |(t, &c): (&&Tok, &usize)| match &t.kind {
        Kind::Val(Some(n)) => {
            text.get(n.digits.0..n.digits.1)
                .is_some_and(|d| d.len() > 1 && d.bytes().all(|b| b.is_ascii_digit() || b == b'.'))
                && (blank(c + 1) && !ends_with_column(t, c)
                    || c.checked_sub(1).is_some_and(blank) && starts_left(t, c))
        }
        _ => false,
    };
    // A row with sums is checked by them (a split that breaks one is doubted when the table
    // is solved); a row of table 二 has nothing else to check it.
    let doubtful = shape.sums.is_empty() && toks.iter().zip(placed).any(may_hold_blanks);
    let aligned = !toks.is_empty() && toks.iter().zip(placed).all(|(t, &c)| within_column(t, c));
    let how = if aligned { How::Aligned } else { How::Positioned };
    Some(Reading { cands: vec![Cand { cells, penalty: 0.0 }], how, doubtful })
}

/// The readings of a row whose values a PDF extractor printed on two lines (`7 … 7` above
/// `0 0 0 0 0`): each line keeps its order, but where the second line's values fall between
/// the first's is open, so every interleaving is a candidate and every cell doubtful (unless
/// they all read the same). The interleaving the columns of the numbers on their lines give,
/// when they give one, is the likeliest.
pub(crate) fn interleaved(first: &[&Tok], second: &[&Tok], shape: &Shape<'_>) -> Reading {
    let n = shape.width();
    let centre = |t: &&Tok| t.x.map(|(s, e)| s + e);
    let by_columns: Option<Vec<usize>> =
        first.iter().chain(second).map(centre).collect::<Option<Vec<u32>>>().and_then(|xs| {
            let mut order: Vec<(u32, usize)> = xs.into_iter().zip(0..).collect();
            order.sort_unstable();
            let distinct = order.windows(2).all(|w| matches!(w, [a, b] if a.0 < b.0));
            distinct.then(|| {
                order.iter().enumerate().filter(|(_, o)| o.1 < first.len()).map(|(p, _)| p).collect()
            })
        });
    let mut cands: Vec<Cand> = Vec::new();
    for_each_combination(n, first.len(), &mut |places| {
        let (mut a, mut b) = (first.iter(), second.iter());
        let cells: Result<Vec<Slot>, ()> = (0..n)
            .map(|i| {
                let t = if places.contains(&i) { a.next() } else { b.next() };
                let kind = shape.kinds.get(i).copied().unwrap_or(CellKind::Count);
                t.ok_or(()).and_then(|t| value(t, kind)).map(Slot::Known)
            })
            .collect();
        if let Ok(cells) = cells {
            if !cands.iter().any(|c| c.cells == cells) {
                let penalty = if by_columns.as_deref().is_none_or(|b| b == places) { 0.0 } else { 1.0 };
                cands.push(Cand { cells, penalty });
            }
        }
    });
    // Interleavings that all read the same (a row of zeros) leave nothing in doubt.
    let doubtful = cands.len() > 1;
    Reading { cands, how: How::Reordered, doubtful }
}

/// Readings that keep `n` consecutive tokens and drop only blanks around them.
fn windows(toks: &[&Tok], shape: &Shape<'_>) -> Vec<Cand> {
    let mut out: Vec<Cand> = Vec::new();
    for (_, cells) in windows_at(toks, shape) {
        if !out.iter().any(|c| c.cells == cells) {
            out.push(Cand { cells, penalty: 0.0 });
        }
    }
    out
}

/// Every start of a run of `shape.width()` tokens that reads as the row, with its reading.
fn windows_at(toks: &[&Tok], shape: &Shape<'_>) -> Vec<(usize, Vec<Slot>)> {
    let n = shape.width();
    let Some(last_start) = toks.len().checked_sub(n) else { return Vec::new() };
    // A window must hold every cell that is not blank; an all-blank row reads the same anywhere.
    let starts = match filled_span(toks) {
        Some((f, l)) if l - f < n => (l + 1).saturating_sub(n)..=f.min(last_start),
        Some(_) => return Vec::new(),
        None => 0..=last_start,
    };
    starts
        .filter_map(|start| {
            let run = toks.get(start..start + n)?;
            let cells: Result<Vec<Slot>, ()> =
                run.iter().zip(shape.kinds).map(|(t, &k)| value(t, k).map(Slot::Known)).collect();
            Some((start, cells.ok()?))
        })
        .collect()
}

/// Whether the first and the last number of `toks` are `n` tokens apart.
fn pinned(toks: &[&Tok], n: usize) -> bool {
    filled_span(toks).is_some_and(|(f, l)| l - f + 1 == n)
}

/// The positions of the first and the last token of `toks` that is not a blank.
fn filled_span(toks: &[&Tok]) -> Option<(usize, usize)> {
    let filled = |t: &&Tok| !matches!(t.kind, Kind::Val(None));
    Some((toks.iter().position(filled)?, toks.iter().rposition(filled)?))
}

/// Where the values of a row of delimited cells start, when the tokens leave no doubt: one
/// run of the row's width holds every number and reads as the row, and it is not merely all
/// the tokens there are with a blank at an end (a copy may have trimmed the row's padding).
/// A row of blanks says nothing.
pub(crate) fn evident_start(toks: &[&Tok], shape: &Shape<'_>) -> Option<usize> {
    let n = shape.width();
    let filled = |t: &&Tok| !matches!(t.kind, Kind::Val(None));
    if !toks.iter().any(filled) {
        return None;
    }
    let ends_filled = toks.first().is_some_and(filled) && toks.last().is_some_and(filled);
    match windows_at(toks, shape).as_slice() {
        [(start, _)] if toks.len() > n || ends_filled => Some(*start),
        _ => None,
    }
}

/// Readings that drop one or two numbers from a row with too many.
fn drop_strays(toks: &[&Tok], shape: &Shape<'_>) -> Vec<Cand> {
    let n = shape.width();
    let excess = toks.len() - n;
    if excess > 2 {
        return Vec::new();
    }
    let mut out: Vec<Cand> = Vec::new();
    for_each_combination(toks.len(), excess, &mut |dropped| {
        let kept = toks.iter().enumerate().filter(|(i, _)| !dropped.contains(i)).map(|(_, t)| t);
        let cells: Result<Vec<Slot>, ()> =
            kept.zip(shape.kinds).map(|(t, &k)| value(t, k).map(Slot::Known)).collect();
        if let Ok(cells) = cells {
            if obeys_sums(&cells, shape) && !out.iter().any(|c| c.cells == cells) {
                out.push(Cand { cells, penalty: 1.0 });
            }
        }
    });
    out
}

/// Readings with the tokens in order and the missing cells in every possible position.
fn place_missing(toks: &[&Tok], shape: &Shape<'_>) -> Vec<Cand> {
    let n = shape.width();
    let missing = n - toks.len().min(n);
    if missing == 0 || missing > MAX_MISSING {
        return Vec::new();
    }
    let mut out = Vec::new();
    for_each_combination(n, missing, &mut |holes| {
        let mut it = toks.iter();
        let mut cells = Vec::with_capacity(n);
        for (i, &kind) in shape.kinds.iter().enumerate() {
            if holes.contains(&i) {
                cells.push(Slot::Unknown);
            } else {
                match it.next().map(|t| value(t, kind)) {
                    Some(Ok(v)) => cells.push(Slot::Known(v)),
                    _ => return,
                }
            }
        }
        // Without other evidence, a cell lost at the end of a row is likelier than one lost
        // before the cells that remain (scrapers drop trailing empty cells).
        let penalty = 1.0 + holes.iter().map(|&h| (n - 1 - h) as f32 * 0.01).sum::<f32>();
        out.push(Cand { cells, penalty });
    });
    out
}

/// The tokens in order from the left, whatever fits, every cell uncertain.
fn forced(toks: &[&Tok], shape: &Shape<'_>) -> Reading {
    let cells = shape
        .kinds
        .iter()
        .enumerate()
        .map(|(i, &k)| match toks.get(i).map(|t| value(t, k)) {
            Some(Ok(v)) => Slot::Known(v),
            _ => Slot::Unknown,
        })
        .collect();
    Reading { cands: vec![Cand { cells, penalty: 0.0 }], how: How::Forced, doubtful: false }
}

/// Whether the known cells of `cells` obey the row's sums (blanks count as 0).
pub(crate) fn obeys_sums(cells: &[Slot], shape: &Shape<'_>) -> bool {
    shape.sums.iter().all(|s| sum_holds(cells, s) != Some(false))
}

/// `Some(holds)` for a sum whose cells are all known, `None` otherwise.
fn sum_holds(cells: &[Slot], s: &Sum) -> Option<bool> {
    let int = |i: usize| match cells.get(i)? {
        Slot::Known(v) => Some(v.map_or(Some(0), |d| d.as_int()).unwrap_or(i64::MIN)),
        Slot::Unknown => None,
    };
    let mut parts: i64 = 0;
    for i in s.parts.clone() {
        parts = parts.checked_add(int(i)?)?;
    }
    Some(parts == int(s.total)?)
}

/// The splits of a row's glued digits.
struct Glued {
    cands: Vec<Cand>,
    /// The choice among them is in doubt whatever the sums say.
    doubtful: bool,
    /// The nodes the search visited.
    nodes: usize,
}

/// Every split of glued digits into the row's cells that obeys its sums, found within `limit`
/// nodes. `hidden`: the text shows no blank cell, so fewer numbers than cells may be blanks as
/// well as glued digits.
fn glue(text: &str, toks: &[&Tok], shape: &Shape<'_>, hidden: bool, limit: usize) -> Glued {
    let none = Glued { cands: Vec::new(), doubtful: false, nodes: 0 };
    let n = shape.width();
    // Text that shows no blank cell may have run digits together across one (`0 10` under
    // three columns read `010`): where no sum checks the row, a split may leave cells blank.
    let blanks = hidden && shape.sums.is_empty();
    let mut pieces: Vec<Piece<'_>> = Vec::with_capacity(toks.len());
    let mut any_glued = false;
    let mut spaced = false;
    let mut in_column = false;
    for t in toks {
        match &t.kind {
            Kind::Val(None) => pieces.push(Piece::Blank),
            Kind::Val(Some(num)) => {
                let digits = text.get(num.digits.0..num.digits.1).unwrap_or("");
                // One written cell cannot hold several in layouts that delimit cells, unless
                // it is not a number at all as written (`00`). A signed cell's digits may run
                // into the next cell's (`减10`: -1 and 0, or -10).
                let splittable = digits.len() > 1
                    && !digits.contains(',')
                    && (!t.source.delimits_cells() || num.value.is_none());
                let sign = match num.signed {
                    false => Sign::None,
                    true if text.get(..num.digits.0).is_some_and(|b| b.trim_end().ends_with(['减', '-'])) => {
                        Sign::Minus
                    }
                    true => Sign::Plus,
                };
                any_glued |= splittable;
                spaced |= splittable && !num.glued;
                in_column |= splittable && !num.glued && column_gaps(text, t.span.0, t.span.1);
                let gap =
                    if hidden { spaces(text.get(..t.span.0).unwrap_or("").chars().rev(), n) } else { 0 };
                pieces.push(Piece::Digits { text: digits, splittable, sign, gap });
            }
            _ => return none,
        }
    }
    if !any_glued || pieces.len() > n {
        return none;
    }
    // Each cell holds at least one digit and at most the widest number a cell can hold.
    let widest = shape.kinds.iter().map(|&k| max_digits(k)).max().unwrap_or(0);
    let (mut least, mut most) = (0usize, 0usize);
    for p in &pieces {
        match p {
            Piece::Blank | Piece::Digits { splittable: false, .. } => {
                least += 1;
                most += 1;
            }
            Piece::Digits { text, .. } => {
                least += text.len().div_ceil(widest.max(1));
                most += text.len();
            }
        }
    }
    // Text that hides blank cells may still show each as the space it took (`364  393 393`):
    // as many blank cells may stand in a run of spaces between numbers, or after the last.
    let trailing = match toks.last() {
        Some(t) if hidden => spaces(text.get(t.span.1..).unwrap_or("").chars(), n),
        _ => 0,
    };
    let spare: usize = trailing
        + pieces.iter().map(|p| if let Piece::Digits { gap, .. } = p { *gap } else { 0 }).sum::<usize>();
    if most + spare < n && !blanks || least > n {
        return none;
    }
    let (mut out, nodes) = Search::new(shape, &pieces, blanks, trailing, limit).run();
    // A number set apart by column gaps in text that hides blanks is more likely a whole cell
    // beside blank ones than digits run together: a split of it is a guess, sums or not.
    let doubtful = nodes >= limit || hidden && in_column;
    // A number standing between spaces was more likely written as one cell than glued; a
    // report more likely fills a cell than leaves it blank, and its first columns (自然人 of
    // table 三) than its last.
    let context = if spaced { 2.0 } else { 0.0 };
    for c in &mut out {
        let blank: f32 = c
            .cells
            .iter()
            .enumerate()
            .filter(|(_, s)| **s == Slot::Known(None))
            .map(|(i, _)| 1.0 + (n - i) as f32 * 0.01)
            .sum();
        c.penalty = implausibility(&c.cells, shape) + context + blank;
    }
    Glued { cands: out, doubtful, nodes }
}

/// How many spaces (of any width) `chars` start with, up to `most`; a line's end stops them.
fn spaces(chars: impl Iterator<Item = char>, most: usize) -> usize {
    chars.take_while(|&c| c != '\n' && c.is_whitespace()).take(most).count()
}

/// Whether `text[start..end]` stands between gaps of two spaces or more (or a line's ends):
/// a column of aligned text, not one of glued text's stray spaces.
fn column_gaps(text: &str, start: usize, end: usize) -> bool {
    let wide = |chars: &mut dyn Iterator<Item = char>| match chars.next() {
        None | Some('\n') => true,
        Some(' ') => matches!(chars.next(), None | Some(' ' | '\n')),
        _ => false,
    };
    wide(&mut text.get(..start).unwrap_or("").chars().rev())
        && wide(&mut text.get(end..).unwrap_or("").chars())
}

/// The most digits (integer and decimal) one cell of `kind` holds.
fn max_digits(kind: CellKind) -> usize {
    match kind {
        CellKind::Amount => 16,
        _ => 9,
    }
}

#[derive(Debug)]
enum Piece<'a> {
    Blank,
    /// Digits, and the sign written before them, which goes with the first cell they hold.
    Digits {
        text: &'a str,
        splittable: bool,
        sign: Sign,
        /// The spaces before the digits in text that hides blank cells: each may be a blank
        /// cell's.
        gap: usize,
    },
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Sign {
    None,
    Plus,
    Minus,
}

/// How a cell of a split was chosen. Splits are listed in the order a search from the row's
/// left end would find them — at each cell a blank before a blank piece before digits, fewer
/// digits before more — so that a split's place in the list never depends on the direction
/// it was found in.
const STEP_BLANK: u8 = 0;
const STEP_BLANK_PIECE: u8 = 1;
/// Digits: this plus their length.
const STEP_DIGITS: u8 = 1;
/// The bits of a step in a split's place in the list (`Search::order`); steps stay below 32.
const STEP_BITS: u32 = 5;

/// The search for a row's splits. It runs from the row's right end: every total in the
/// template stands after its parts, so it is read before them and bounds them — a part larger
/// than what its total leaves ends the branch, and the first part must be exactly what is
/// left. (Read from the left, a sum was checked only at its total, after every split of its
/// parts had been tried: a row of 30 glued digits took the whole bound.)
struct Search<'s, 'a> {
    shape: &'s Shape<'s>,
    pieces: &'s [Piece<'a>],
    /// Cells may be blank between or around the pieces' digits.
    blanks: bool,
    /// Cells at the end of the row that may be blank: the spaces after its last digits.
    trailing: usize,
    /// The row, filled from the right: `cells[..left]` are still `Unknown`.
    cells: Vec<Slot>,
    left: usize,
    /// How the cells placed were chosen, as the split's place in the list: each cell's step
    /// (`STEP_*`) in `STEP_BITS` bits, the first cell's highest. (Only the last 25 cells of a
    /// row count; the template's rows have 15 at most.)
    order: u128,
    /// The blank cells at the end that stand for the spaces after the row's last digits; a sum
    /// whose total is one of them is not checked.
    fills: usize,
    /// Per sum: whether its parts are all counts, never negative, so that none exceeds what
    /// its total leaves.
    bounded: Vec<bool>,
    /// Per piece: the fewest cells the pieces before it take, and their bytes.
    before: Vec<(usize, usize)>,
    /// The most bytes one cell takes.
    widest: usize,
    out: Vec<(u128, Cand)>,
    nodes: usize,
    /// The most nodes it visits.
    limit: usize,
}

impl<'s, 'a> Search<'s, 'a> {
    fn new(
        shape: &'s Shape<'s>,
        pieces: &'s [Piece<'a>],
        blanks: bool,
        trailing: usize,
        limit: usize,
    ) -> Self {
        let n = shape.width();
        let widest = shape.kinds.iter().map(|&k| cell_bytes(k)).max().unwrap_or(1);
        let mut before = Vec::with_capacity(pieces.len());
        let (mut least, mut bytes) = (0, 0);
        for p in pieces {
            before.push((least, bytes));
            least += p.fewest_cells(p.len(), widest);
            bytes += p.len();
        }
        let counts = |s: &Sum| s.parts.clone().all(|i| shape.kinds.get(i) == Some(&CellKind::Count));
        Search {
            shape,
            pieces,
            blanks,
            trailing,
            cells: vec![Slot::Unknown; n],
            left: n,
            order: 0,
            fills: 0,
            bounded: shape.sums.iter().map(counts).collect(),
            before,
            widest,
            out: Vec::new(),
            nodes: 0,
            limit,
        }
    }

    /// Lists every split, in the order a search from the left would (see `STEP_BLANK`).
    fn run(mut self) -> (Vec<Cand>, usize) {
        self.trail(0);
        let mut out = self.out;
        out.sort_by_key(|o| o.0);
        (out.into_iter().map(|(_, c)| c).collect(), self.nodes)
    }

    /// Goes on from the row's end, `placed` blank cells already put in the spaces after its
    /// last digits.
    fn trail(&mut self, placed: usize) {
        let Some(last) = self.pieces.len().checked_sub(1) else { return };
        let end = self.pieces.get(last).map_or(0, Piece::len);
        self.at(last, end);
        if (self.blanks || placed < self.trailing) && self.left > self.pieces.len() {
            self.fills += 1;
            self.place(Slot::Known(None), STEP_BLANK, |s| s.trail(placed + 1));
            self.fills -= 1;
        }
    }

    /// Fills cells, leftwards, from piece `p`'s first `end` bytes.
    fn at(&mut self, p: usize, end: usize) {
        self.nodes += 1;
        let (Some(piece), Some(&(need, bytes))) = (self.pieces.get(p), self.before.get(p)) else { return };
        if self.nodes >= self.limit || self.left < need + piece.fewest_cells(end, self.widest) {
            return;
        }
        let Some(i) = self.left.checked_sub(1) else { return };
        // What the parts of the sum cell `i` is in still have to make up, once its total is
        // read: none of them holds more digits than that, and the first holds exactly that.
        let due = self.most(i);
        if let Some((s, most)) = due {
            let first = s.parts.start;
            let cap = (i + 1 - first) * decimal_len(most) + first * self.widest;
            if bytes + end > cap {
                return;
            }
            // A number is its digits' sum modulo 9, so when this sum's parts take every digit
            // left, those digits add up to its total modulo 9, however they are split: a total
            // that fails this is not the row's.
            if first == 0 && i + 1 == s.parts.end {
                let before = self.pieces.get(..p).unwrap_or(&[]).iter().map(|q| q.digits(usize::MAX));
                if (before.sum::<i64>() + piece.digits(end)).rem_euclid(9) != most.rem_euclid(9) {
                    return;
                }
            }
        }
        let Piece::Digits { text, splittable, sign, .. } = *piece else {
            self.place(Slot::Known(None), STEP_BLANK_PIECE, |s| s.between(p, 0));
            return;
        };
        // Where cells may be blank anywhere, a blank cell may stand inside digits run together.
        if self.blanks && 0 < end && end < text.len() && self.left > need + 1 {
            self.place(Slot::Known(None), STEP_BLANK, |s| s.at(p, end));
        }
        let kind = self.shape.kinds.get(i).copied().unwrap_or(CellKind::Count);
        let lengths = match (splittable, due) {
            (true, Some((s, most))) if s.parts.start == i => {
                let len = decimal_len(most);
                len..=len.min(end)
            }
            (true, _) => 1..=end.min(cell_bytes(kind)),
            (false, _) if end == text.len() => end..=end,
            (false, _) => return,
        };
        // A cell of more digits than its sum leaves (and no leading zero) holds more.
        let longest = due.map_or(usize::MAX, |(_, m)| decimal_len(m));
        for len in lengths {
            if len > longest || self.nodes >= self.limit {
                break;
            }
            let start = end - len;
            let Some(cell) = text.get(start..end) else { continue };
            // Only a yearly change (本年增/减) is written with a sign, which goes with the first
            // cell of its digits.
            let signed = start == 0 && sign != Sign::None;
            if signed && kind != CellKind::Change {
                continue;
            }
            let Some(v) = cell_value(cell, kind, signed && sign == Sign::Minus) else { continue };
            let step = STEP_DIGITS.saturating_add(u8::try_from(len).unwrap_or(u8::MAX));
            self.place(
                Slot::Known(Some(v)),
                step,
                |s| if start == 0 { s.between(p, 0) } else { s.at(p, start) },
            );
        }
    }

    /// Goes on left of piece `q`, whose digits are all placed, with `placed` blank cells put
    /// in the spaces before it.
    fn between(&mut self, q: usize, placed: usize) {
        if q == 0 && self.left == 0 {
            self.out.push((self.order, Cand { cells: self.cells.clone(), penalty: 0.0 }));
            return;
        }
        let gap = match self.pieces.get(q) {
            Some(Piece::Digits { gap, .. }) => *gap,
            _ => 0,
        };
        if (self.blanks || placed < gap) && self.left > q {
            self.place(Slot::Known(None), STEP_BLANK, |s| s.between(q, placed + 1));
        }
        if let Some(p) = q.checked_sub(1) {
            let end = self.pieces.get(p).map_or(0, Piece::len);
            self.at(p, end);
        }
    }

    /// Puts `slot` in the next cell leftwards and, if the row's sums allow it, goes on.
    fn place(&mut self, slot: Slot, step: u8, then: impl FnOnce(&mut Self)) {
        let Some(i) = self.left.checked_sub(1) else { return };
        if let Some(c) = self.cells.get_mut(i) {
            *c = slot;
        }
        let shift = STEP_BITS.saturating_mul(u32::try_from(self.cells.len() - 1 - i).unwrap_or(u32::MAX));
        let bits = u128::from(step.min(31)).checked_shl(shift).unwrap_or(0);
        self.order += bits;
        self.left = i;
        if self.sums_allow(i) {
            then(self);
        }
        self.left = i + 1;
        self.order -= bits;
        if let Some(c) = self.cells.get_mut(i) {
            *c = Slot::Unknown;
        }
    }

    /// Whether the sums cell `i` takes part in still hold, or may: a sum is checked once its
    /// cells are all placed; before, its parts placed must not exceed its total.
    fn sums_allow(&self, i: usize) -> bool {
        self.checked().all(|(s, bounded)| {
            if i == s.parts.start.min(s.total) {
                sum_holds(&self.cells, s) != Some(false)
            } else {
                !(bounded && s.parts.contains(&i)) || self.left_of(s, i).is_none_or(|m| m >= 0)
            }
        })
    }

    /// The most cell `i`, next to be placed, may hold: what its sum's total leaves once the
    /// parts after it are taken, when the parts are counts and the total is placed; and the
    /// sum's first part.
    fn most(&self, i: usize) -> Option<(&'s Sum, i64)> {
        let (s, _) = self.checked().find(|(s, bounded)| *bounded && s.parts.contains(&i))?;
        Some((s, self.left_of(s, i + 1)?))
    }

    /// The row's sums but those whose total is a blank standing for the spaces after the
    /// row's last digits, which nothing checks; and whether each is bounded.
    fn checked(&self) -> impl Iterator<Item = (&'s Sum, bool)> + '_ {
        let unchecked = self.cells.len() - self.fills;
        self.shape.sums.iter().zip(self.bounded.iter().copied()).filter(move |(s, _)| s.total < unchecked)
    }

    /// The total of `s` less its parts from cell `from` on, when they are all placed.
    fn left_of(&self, s: &Sum, from: usize) -> Option<i64> {
        let int = |i: usize| match self.cells.get(i)? {
            Slot::Known(v) => v.map_or(Some(0), |d| d.as_int()),
            Slot::Unknown => None,
        };
        (from..s.parts.end).try_fold(int(s.total)?, |acc, i| acc.checked_sub(int(i)?))
    }
}

impl Piece<'_> {
    /// The bytes of its digits.
    fn len(&self) -> usize {
        match self {
            Piece::Blank => 0,
            Piece::Digits { text, .. } => text.len(),
        }
    }

    /// The fewest cells its first `end` bytes take, cells of at most `widest` bytes.
    fn fewest_cells(&self, end: usize, widest: usize) -> usize {
        match self {
            Piece::Digits { splittable: true, .. } => end.div_ceil(widest.max(1)),
            _ => 1,
        }
    }

    /// The sum of the digits in the first `end` bytes.
    fn digits(&self, end: usize) -> i64 {
        match self {
            Piece::Blank => 0,
            Piece::Digits { text, .. } => {
                let head = text.as_bytes().get(..end.min(text.len())).unwrap_or(&[]);
                head.iter().filter(|b| b.is_ascii_digit()).map(|b| i64::from(b - b'0')).sum()
            }
        }
    }
}

/// The most bytes a cell of `kind` takes: its digits, and an amount's decimal point.
fn cell_bytes(kind: CellKind) -> usize {
    max_digits(kind) + usize::from(kind == CellKind::Amount)
}

/// How many digits `value`, not negative, is written with.
fn decimal_len(value: i64) -> usize {
    value.checked_ilog10().map_or(1, |l| l as usize + 1)
}

/// The value of glued digits `cell` as one cell of `kind`, if it can be one: no leading zero,
/// a decimal point only in amounts, at most 9 integer digits in counts.
fn cell_value(cell: &str, kind: CellKind, negative: bool) -> Option<Decimal> {
    // Cells are a few bytes: a plain scan beats `split` and `contains`, which call memchr.
    let dot = cell.bytes().position(|b| b == b'.');
    let int = dot.and_then(|d| cell.get(..d)).unwrap_or(cell);
    if (int.len() > 1 && int.starts_with('0')) || (dot.is_some() && kind != CellKind::Amount) {
        return None;
    }
    if int.len() > max_digits(kind).min(13) {
        return None;
    }
    Decimal::from_digits(cell, negative)
}

/// How implausible a split of glued digits is: cells of very unequal length are unlikely
/// (counts in one row are of similar size), and a yearly change (本年增/减) is usually small
/// beside the counts around it.
fn implausibility(cells: &[Slot], shape: &Shape<'_>) -> f32 {
    // Read for every split of a row, thousands at times: the lengths are walked, not collected.
    let lens = || {
        cells.iter().zip(shape.kinds).map(|(s, &k)| match (s, k) {
            (Slot::Known(Some(d)), CellKind::Change) => {
                // Count a change as short, so it does not pull the others' mean.
                ((d.display_len() as f32 - 1.0).max(0.0) * 2.0, k)
            }
            (Slot::Known(Some(d)), _) => (d.display_len() as f32, k),
            _ => (1.0, k),
        })
    };
    let counted = || lens().filter(|(_, k)| *k != CellKind::Change).map(|(l, _)| l);
    let mean = counted().sum::<f32>() / counted().count().max(1) as f32;
    let spread: f32 = counted().map(|l| (l - mean).powi(2)).sum();
    let change: f32 = lens().filter(|(_, k)| *k == CellKind::Change).map(|(l, _)| l).sum();
    spread + change
}

/// Calls `f` with every `k`-element subset of `0..n`, in lexicographic order.
pub(crate) fn for_each_combination(n: usize, k: usize, f: &mut dyn FnMut(&[usize])) {
    fn rec(start: usize, n: usize, k: usize, acc: &mut Vec<usize>, f: &mut dyn FnMut(&[usize])) {
        if acc.len() == k {
            f(acc);
            return;
        }
        for i in start..n {
            if n - i < k - acc.len() {
                break;
            }
            acc.push(i);
            rec(i + 1, n, k, acc, f);
            acc.pop();
        }
    }
    if k <= n {
        rec(0, n, k, &mut Vec::with_capacity(k), f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Source;
    use crate::lexer::{lex, Piece as LexPiece};

    const SEVEN: &[CellKind] = &[CellKind::Count; 7];

    fn toks(s: &str, source: Source) -> Vec<Tok> {
        let mut lx = Vec::new();
        lex(s, 0, false, &mut lx);
        lx.into_iter()
            .filter_map(|l| match l.piece {
                LexPiece::Num(n) => Some(Kind::Val(Some(n))),
                LexPiece::Blank => Some(Kind::Val(None)),
                _ => None,
            })
            .map(|kind| Tok::new(kind, (0, 0), source))
            .collect()
    }

    fn readings(s: &str, source: Source) -> (How, Vec<Vec<String>>) {
        let (how, cands, _) = readings_with(s, source, None);
        (how, cands)
    }

    /// The readings of `s` as the delimited cells 1, 2, … of a row whose values start in
    /// column `first_col`, and whether it is doubtful.
    fn readings_with(s: &str, source: Source, first_col: Option<u32>) -> (How, Vec<Vec<String>>, bool) {
        let mut t = toks(s, source);
        for (c, t) in (1..).zip(t.iter_mut()) {
            t.col = Some(c);
        }
        let refs: Vec<&Tok> = t.iter().collect();
        let sums = [Sum { parts: 0..6, total: 6 }];
        let r = read(s, &refs, &Shape { kinds: SEVEN, sums: &sums }, Hints { first_col, ..Hints::default() });
        let show = |c: &Cand| {
            c.cells
                .iter()
                .map(|s| match s {
                    Slot::Known(Some(d)) => d.to_string(),
                    Slot::Known(None) => "_".into(),
                    Slot::Unknown => "?".into(),
                })
                .collect()
        };
        (r.how, r.cands.iter().map(show).collect(), r.doubtful)
    }

    #[test]
    fn short_rows_hiding_blanks_are_spread_over_the_cells_their_sums_allow() {
        let mut t = toks("10 10", Source::Aligned);
        t.iter_mut().for_each(|t| t.hides_blanks = true);
        let refs: Vec<&Tok> = t.iter().collect();
        let sums = [Sum { parts: 0..6, total: 6 }];
        let r = read("", &refs, &Shape { kinds: SEVEN, sums: &sums }, Hints::default());
        assert_eq!((r.how, r.doubtful), (How::Spread, true));
        // The second 10 is the total wherever the first stands; leftmost is likeliest.
        let best = r.cands.iter().min_by(|a, b| a.penalty.total_cmp(&b.penalty)).map(|c| c.cells.clone());
        let ten = Slot::Known(Some(Decimal::from_int(10)));
        let blank = Slot::Known(None);
        assert_eq!(best, Some(vec![ten, blank, blank, blank, blank, blank, ten]));
        assert_eq!(
            r.cands.iter().filter(|c| obeys_sums(&c.cells, &Shape { kinds: SEVEN, sums: &sums })).count(),
            6
        );
    }

    #[test]
    fn a_number_after_a_blank_cell_is_doubted_only_if_it_may_have_run_into_its_column() {
        // Table 二's three columns, centred at 10, 20.5 and 30.5; no sum checks the row.
        let kinds = [CellKind::Count; 3];
        let shape = Shape { kinds: &kinds, sums: &[] };
        let centres = [10.0, 20.5, 30.5];
        let read_at = |first: (u32, u32), digits: &str| {
            let s = format!("{digits} 0");
            let mut t = toks(&s, Source::Aligned);
            for (t, x) in t.iter_mut().zip([first, (30, 31)]) {
                (t.x, t.hides_blanks) = (Some(x), true);
            }
            let refs: Vec<&Tok> = t.iter().collect();
            let r = read(&s, &refs, &shape, Hints { columns: Some(&centres), ..Hints::default() });
            (r.how, r.doubtful)
        };
        // `_ 10 0`: `10` starts in its own column, so its `1` was never the blank cell's.
        assert_eq!(read_at((20, 22), "10"), (How::Positioned, false));
        // Starting nearer the first column, it may be that column's digits run into its own.
        assert_eq!(read_at((15, 19), "1000"), (How::Positioned, true));
    }

    #[test]
    fn glued_rows_split_by_their_sum() {
        let (how, c) = readings("300153006143119", Source::Aligned);
        assert_eq!(how, How::Glued);
        assert_eq!(c, [["3001", "53", "0", "0", "61", "4", "3119"]]);
        let (_, c) = readings("230 000023", Source::Aligned);
        assert_eq!(c, [["23", "0", "0", "0", "0", "0", "23"]]);
        let (_, c) = readings("0 0 00 00 0", Source::Aligned);
        assert_eq!(c, [["0"; 7]]);
    }

    #[test]
    fn long_glued_rows_are_split_within_the_bound() {
        // Six parts and their total, 32 digits: read from the left, every split of the parts
        // was tried before the total checked one, past the bound; from the right, the total
        // bounds the parts.
        let parts = [1234, 56789, 4321, 98765, 1111, 2222];
        let row: Vec<i64> = parts.iter().copied().chain([parts.iter().sum()]).collect();
        let digits: String = row.iter().map(i64::to_string).collect();
        assert_eq!(digits.len(), 32);
        let (how, cands, doubtful) = readings_with(&digits, Source::Aligned, None);
        assert_eq!((how, doubtful), (How::Glued, false));
        assert!(cands.contains(&row.iter().map(i64::to_string).collect()), "{cands:?}");
    }

    #[test]
    fn a_tables_searches_share_its_bound() {
        // The row of the test above, searched for a table whose budget is nearly spent: the
        // search stops where the budget does and the row is doubted; the budget is drawn down.
        let parts = [1234, 56789, 4321, 98765, 1111, 2222];
        let digits: String = parts.iter().chain(&[parts.iter().sum()]).map(i64::to_string).collect();
        let t = toks(&digits, Source::Aligned);
        let refs: Vec<&Tok> = t.iter().collect();
        let sums = [Sum { parts: 0..6, total: 6 }];
        let shape = Shape { kinds: SEVEN, sums: &sums };
        let budget = std::cell::Cell::new(10);
        let r = read(&digits, &refs, &shape, Hints { search_budget: Some(&budget), ..Hints::default() });
        assert!(r.doubtful || r.how == How::Forced, "{:?}", r.how);
        assert_eq!(budget.get(), 0);
        let budget = std::cell::Cell::new(TABLE_SEARCH_LIMIT);
        let r = read(&digits, &refs, &shape, Hints { search_budget: Some(&budget), ..Hints::default() });
        assert!(!r.doubtful);
        assert!(budget.get() < TABLE_SEARCH_LIMIT);
    }

    #[test]
    fn spaces_in_text_that_hides_blanks_may_hold_blank_cells() {
        // 15 21 27 _ _ 10 73, a blank cell written as a space: 1 52 1 2 7 10 73 holds the sum
        // too, and the spaces say the blanks may be there.
        let s = "1521 27  1073";
        let mut lx = Vec::new();
        lex(s, 0, false, &mut lx);
        let t: Vec<Tok> = lx
            .into_iter()
            .filter_map(|l| match l.piece {
                LexPiece::Num(n) => {
                    Some(Tok { hides_blanks: true, ..Tok::new(Kind::Val(Some(n)), l.span, Source::Aligned) })
                }
                _ => None,
            })
            .collect();
        let refs: Vec<&Tok> = t.iter().collect();
        let sums = [Sum { parts: 0..6, total: 6 }];
        let r = read(s, &refs, &Shape { kinds: SEVEN, sums: &sums }, Hints::default());
        let has = |cells: [Option<i64>; 7]| {
            let want: Vec<Slot> = cells.iter().map(|c| Slot::Known(c.map(Decimal::from_int))).collect();
            r.cands.iter().any(|c| c.cells == want)
        };
        assert_eq!(r.how, How::Glued);
        assert!(has([Some(15), Some(21), Some(27), None, None, Some(10), Some(73)]));
        assert!(has([Some(1), Some(52), Some(1), Some(2), Some(7), Some(10), Some(73)]));
        // No space, no blank: `152127` is six cells or none.
        assert!(r.cands.iter().all(|c| c.cells.first() != Some(&Slot::Known(None))));
    }

    #[test]
    fn a_short_row_places_its_missing_cell_everywhere() {
        let (how, c) = readings("0 0 0 0 0 0", Source::Tsv);
        assert_eq!(how, How::Missing);
        assert_eq!(c.len(), 7);
    }

    #[test]
    fn padding_blanks_are_dropped_from_either_end() {
        let (how, c) = readings("- 1 0 0 0 0 0 1 -", Source::Markdown);
        assert_eq!(how, How::Window);
        assert_eq!(c, [["1", "0", "0", "0", "0", "0", "1"]]);
    }

    #[test]
    fn the_grid_tells_a_merged_labels_padding_from_blank_values() {
        // `四、结转下年度继续办理→→→→→0→0→0→0→`: two cells of padding, then `_ _ 0 0 0 0 _`.
        let row = "- - - - 0 0 0 0 -";
        let (how, c, doubtful) = readings_with(row, Source::Tsv, Some(3));
        assert_eq!((how, doubtful), (How::Window, false));
        assert_eq!(c, [["_", "_", "0", "0", "0", "0", "_"]]);
        // Without the grid every window is a reading.
        assert_eq!(readings_with(row, Source::Tsv, None).1.len(), 2);
        // A row that lost a cell has no window where the grid puts it: all doubtful.
        let (_, c, doubtful) = readings_with("- - 0 0 - 1 0 1", Source::Tsv, Some(3));
        assert_eq!((c.len(), doubtful), (1, true));
        // Numbers at both ends of seven cells pin a row down wherever it stands.
        let (_, c, doubtful) = readings_with("/ / 0 / / / / / 0", Source::Tsv, Some(2));
        assert_eq!(c, [["0", "_", "_", "_", "_", "_", "0"]]);
        assert!(!doubtful);
    }

    #[test]
    fn combinations_are_all_listed() {
        let mut n = 0;
        for_each_combination(7, 2, &mut |_| n += 1);
        assert_eq!(n, 21);
    }
}

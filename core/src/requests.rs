//! Table 三、收到和处理政府信息公开申请情况: 25 (or 23) rows of seven applicant columns.
//!
//! 1. The region's segments become observed rows: a segment's values are one row, or — in
//!    reading-order dumps where several rows' numbers follow one label — several rows of
//!    seven, read row by row or column by column, whichever the row sums support.
//! 2. Observed rows are aligned to the template rows by dynamic programming: labels that
//!    match a row pull it, rows whose labels were lost fill the gaps between matched ones in
//!    order, and nothing moves backwards. Both editions are tried; the better alignment wins.
//! 3. Each row's tokens are read into candidate cells ([`crate::cells`]) and the candidates
//!    chosen with the four identities of the template ([`crate::solve`]).

use crate::cells::{self, How, Reading, Shape, Sum};
use crate::layout::{main_source, Segment, Tok};
use crate::model::{Applicant, Applicants, Edition, Layout, RequestRow, Requests};
use crate::report::Diagnostics;
use crate::solve::{resolve, Identity};
use crate::template::{request_cues, score, CellKind};

const COLS: usize = 7;
const KINDS: [CellKind; COLS] = [CellKind::Count; COLS];
const ROW_SUM: [Sum; 1] = [Sum {
    parts: 0..6,
    total: 6,
}];
const SHAPE: Shape<'static> = Shape {
    kinds: &KINDS,
    sums: &ROW_SUM,
};

/// A label matches a row from this score on.
const MATCH: f32 = 0.5;
/// A label names a row for sure from this score on.
const STRONG: f32 = 0.9;

/// Table 三 as read.
pub(crate) struct Read {
    pub table: Requests,
    pub edition: Edition,
    pub uncertain: Vec<String>,
    pub layout: Layout,
}

/// How an observed row came out of its segment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Origin {
    /// The values of one label or one source row.
    Row,
    /// One of several rows of seven that followed a single label.
    Chunk,
    /// A row rebuilt from a column-by-column dump.
    ColumnMajor,
}

struct Obs<'t> {
    label: Vec<char>,
    vals: Vec<&'t Tok>,
    at: usize,
    origin: Origin,
}

/// Reads table 三 from the segments of its region.
pub(crate) fn read(
    segs: &[Segment<'_>],
    hint: Option<Edition>,
    diags: &mut Diagnostics,
) -> Option<Read> {
    let obs = observe(segs);
    if obs.is_empty() {
        return None;
    }
    let (edition, assignment) = [Edition::E2021, Edition::E2019]
        .into_iter()
        .map(|e| {
            let (score, a) = align(&obs, e);
            // The edition other evidence points to wins a tie.
            let bonus = if Some(e) == hint { 0.5 } else { 0.0 };
            (score + bonus, e, a)
        })
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, e, a)| (e, a))?;
    let rows: Vec<RequestRow> = RequestRow::rows(edition).collect();
    if assignment.iter().all(Option::is_none) {
        return None;
    }

    // Readings of the rows present, and the template identities between them.
    let present: Vec<(RequestRow, usize)> = rows
        .iter()
        .zip(&assignment)
        .filter_map(|(&r, a)| a.map(|i| (r, i)))
        .collect();
    let readings: Vec<Reading> = present
        .iter()
        .map(|&(_, i)| cells::read(&obs[i].vals, &SHAPE))
        .collect();
    let index = |row: RequestRow| present.iter().position(|&(r, _)| r == row);
    let identities = identities(&present, index);
    let resolved = resolve(&readings, &identities);

    let mut table = Requests::default();
    let mut uncertain = Vec::new();
    for (k, &(row, i)) in present.iter().enumerate() {
        let mut cells = Applicants::default();
        for (c, &col) in Applicant::ALL.iter().enumerate() {
            let v = resolved.cells[k][c]
                .and_then(|d| d.as_int())
                .and_then(|i| u64::try_from(i).ok());
            *cells.get_mut(col) = v;
            if resolved.uncertain[k][c] {
                uncertain.push(format!("requests.{}.{}", row.key(), col.key()));
            }
        }
        *table.get_mut(row) = Some(cells);
        explain(row, &obs[i], &readings[k], diags);
    }
    for r in rows
        .iter()
        .zip(&assignment)
        .filter(|(_, a)| a.is_none())
        .map(|(r, _)| r)
    {
        diags.note(
            "row_missing",
            format!(
                "table 三 has no row {} ({}) in the source",
                r.key(),
                r.label()
            ),
        );
    }
    for (i, o) in obs.iter().enumerate() {
        if !assignment.contains(&Some(i))
            && o.vals
                .iter()
                .any(|t| matches!(t.kind, crate::layout::Kind::Val(Some(_))))
        {
            diags.at(
                "values_ignored",
                "numbers in table 三 that belong to no row of the template were ignored".into(),
                o.at,
            );
        }
    }
    let layout = layout_of(&obs, &assignment, &readings);
    Some(Read {
        table,
        edition,
        uncertain,
        layout,
    })
}

/// The template identities among the rows present: row sums, column balance, results sum.
fn identities(
    present: &[(RequestRow, usize)],
    index: impl Fn(RequestRow) -> Option<usize>,
) -> Vec<Identity> {
    let mut ids = Vec::new();
    for k in 0..present.len() {
        ids.push(Identity {
            lhs: (0..6).map(|c| (k, c)).collect(),
            rhs: vec![(k, 6)],
        });
    }
    let (nr, co, tp, cf) = (
        index(RequestRow::NewReceived),
        index(RequestRow::CarriedOver),
        index(RequestRow::TotalProcessed),
        index(RequestRow::CarriedForward),
    );
    let results: Vec<usize> = present
        .iter()
        .enumerate()
        .filter(|(_, (r, _))| r.is_result())
        .map(|(k, _)| k)
        .collect();
    for c in 0..COLS {
        if let (Some(nr), Some(co), Some(tp), Some(cf)) = (nr, co, tp, cf) {
            ids.push(Identity {
                lhs: vec![(nr, c), (co, c)],
                rhs: vec![(tp, c), (cf, c)],
            });
        }
        if let Some(tp) = tp {
            if !results.is_empty() {
                ids.push(Identity {
                    lhs: results.iter().map(|&k| (k, c)).collect(),
                    rhs: vec![(tp, c)],
                });
            }
        }
    }
    ids
}

/// Says how a row was read when it was not read as written.
fn explain(row: RequestRow, o: &Obs<'_>, rd: &Reading, diags: &mut Diagnostics) {
    let what = match rd.how {
        How::Exact | How::Window => return,
        How::Glued => "its digits were glued together and were split by the template's sums",
        How::Missing => {
            "it has fewer cells than the template; the missing ones were placed by the arithmetic"
        }
        How::Dropped => "it has more numbers than cells; the strays were dropped by the arithmetic",
        How::Reordered => "its values were put back in order by the arithmetic",
        How::Forced => "its cells could not be read with certainty",
    };
    let code = match rd.how {
        How::Glued => "glued_split",
        How::Missing => "cell_recovered",
        _ => "cells_doubtful",
    };
    diags.at(code, format!("table 三, row {}: {what}", row.key()), o.at);
}

fn layout_of(obs: &[Obs<'_>], assignment: &[Option<usize>], readings: &[Reading]) -> Layout {
    let used: Vec<&Obs<'_>> = assignment
        .iter()
        .flatten()
        .filter_map(|&i| obs.get(i))
        .collect();
    if used.iter().any(|o| o.origin == Origin::ColumnMajor) {
        return Layout::ColumnMajor;
    }
    if readings.iter().filter(|r| r.how == How::Glued).count() * 4 >= readings.len().max(1) {
        return Layout::Glued;
    }
    if used.iter().filter(|o| o.origin == Origin::Chunk).count() >= 2 {
        return Layout::ReadingOrder;
    }
    main_source(used.iter().flat_map(|o| o.vals.iter().copied()))
        .map_or(Layout::Aligned, |s| s.layout())
}

/// The observed rows of the region.
fn observe<'t>(segs: &[Segment<'t>]) -> Vec<Obs<'t>> {
    let mut out = Vec::new();
    for seg in segs {
        if seg.vals.is_empty() {
            continue;
        }
        for (n, piece) in physical_rows(&seg.vals).into_iter().enumerate() {
            let label = if n == 0 {
                seg.label.clone()
            } else {
                Vec::new()
            };
            let at = piece.first().map_or(seg.at, |t| t.span.0);
            let at = if n == 0 { seg.at } else { at };
            let streamed = !piece.first().is_some_and(|t| t.row_start);
            if streamed && piece.len() > COLS && piece.len() % COLS == 0 {
                chunk(label, piece, at, &mut out);
            } else {
                out.push(Obs {
                    label,
                    vals: piece,
                    at,
                    origin: Origin::Row,
                });
            }
        }
    }
    out
}

/// Cuts a segment's values where the source starts a new row, and joins back a row that a
/// stray line break cut in two.
fn physical_rows<'t>(vals: &[&'t Tok]) -> Vec<Vec<&'t Tok>> {
    let mut pieces: Vec<Vec<&'t Tok>> = Vec::new();
    for (i, &t) in vals.iter().enumerate() {
        if i == 0 || t.row_start {
            pieces.push(Vec::new());
        }
        if let Some(p) = pieces.last_mut() {
            p.push(t);
        }
    }
    let mut merged: Vec<Vec<&'t Tok>> = Vec::new();
    for p in pieces {
        match merged.last_mut() {
            Some(prev) if prev.len() < COLS && prev.len() + p.len() == COLS => prev.extend(p),
            _ => merged.push(p),
        }
    }
    merged
}

/// Several rows' values after one label: row by row, or column by column when the label text
/// names as many rows and the row sums hold only that way.
fn chunk<'t>(label: Vec<char>, vals: Vec<&'t Tok>, at: usize, out: &mut Vec<Obs<'t>>) {
    let k = vals.len() / COLS;
    // Edition 2019's single row （六）其他处理 is the group label of three rows in 2021: name
    // rows with the edition whose count fits.
    let named = [Edition::E2021, Edition::E2019]
        .into_iter()
        .map(|e| named_rows(&label, e))
        .min_by_key(|n| (n.len() != k, n.len() < k))
        .unwrap_or_default();
    let by_rows: Vec<Vec<&'t Tok>> = vals.chunks(COLS).map(<[_]>::to_vec).collect();
    if named.len() >= k && k >= 2 {
        let by_cols: Vec<Vec<&'t Tok>> = (0..k)
            .map(|r| (0..COLS).map(|c| vals[c * k + r]).collect())
            .collect();
        if sums_holding(&by_cols) > sums_holding(&by_rows) {
            // The labels were listed in row order before the numbers.
            let first = named.len() - k;
            for (r, vals) in by_cols.into_iter().enumerate() {
                let (s, e) = named[first + r];
                out.push(Obs {
                    label: label[s..e].to_vec(),
                    vals,
                    at,
                    origin: Origin::ColumnMajor,
                });
            }
            return;
        }
    }
    for (r, vals) in by_rows.into_iter().enumerate() {
        let label = if r == 0 { label.clone() } else { Vec::new() };
        out.push(Obs {
            label,
            vals,
            at,
            origin: Origin::Chunk,
        });
    }
}

/// The spans of `label` that name distinct template rows for sure, in order. A row named twice
/// in a row (`部分公开（区分处理的…` has two cues) counts once.
fn named_rows(label: &[char], edition: Edition) -> Vec<(usize, usize)> {
    let mut start = 0;
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut last: Option<RequestRow> = None;
    loop {
        let rest = &label[start..];
        // The earliest strong match after the previous one.
        let next = RequestRow::rows(edition)
            .filter_map(|r| {
                request_cues(r)
                    .iter()
                    .filter(|(_, w)| *w >= STRONG)
                    .filter_map(|&(cue, _)| {
                        let cue: Vec<char> = cue.chars().collect();
                        rest.windows(cue.len())
                            .position(|win| win == cue.as_slice())
                            .map(|p| p + cue.len())
                    })
                    .min()
                    .map(|end| (end, r))
            })
            .min_by_key(|&(end, _)| end);
        let Some((end, row)) = next else { break };
        match out.last_mut() {
            Some(prev) if last == Some(row) => prev.1 = start + end,
            _ => out.push((start, start + end)),
        }
        last = Some(row);
        start += end;
    }
    out
}

/// How many rows of seven obey their row sum (and are not all zero or blank, which proves
/// nothing).
fn sums_holding(rows: &[Vec<&Tok>]) -> usize {
    rows.iter()
        .filter(|r| {
            let rd = cells::read(r, &SHAPE);
            rd.how == How::Exact
                && rd.cands.iter().all(|c| {
                    cells::obeys_sums(&c.cells, &SHAPE)
                        && c.cells.iter().any(
                            |s| matches!(s, cells::Slot::Known(Some(d)) if d.as_int() != Some(0)),
                        )
                })
        })
        .count()
}

/// Aligns observed rows to the rows of `edition`: the alignment's score and, per template
/// row, the observed row assigned to it.
fn align(obs: &[Obs<'_>], edition: Edition) -> (f32, Vec<Option<usize>>) {
    let rows: Vec<RequestRow> = RequestRow::rows(edition).collect();
    let (n, m) = (obs.len(), rows.len());
    let scores: Vec<Vec<f32>> = obs
        .iter()
        .map(|o| {
            rows.iter()
                .map(|&r| {
                    score(&o.label, request_cues(r)).map_or(0.0, |(s, end)| {
                        // A cue far from the end of a long label is a leftover of earlier rows.
                        let tail = (o.label.len() - end) as f32;
                        if s >= MATCH {
                            s - (tail / 60.0).min(0.3)
                        } else {
                            0.0
                        }
                    })
                })
                .collect()
        })
        .collect();
    let best: Vec<f32> = scores
        .iter()
        .map(|s| s.iter().copied().fold(0.0, f32::max))
        .collect();
    let numeric = |o: &Obs<'_>| {
        o.vals
            .iter()
            .any(|t| matches!(t.kind, crate::layout::Kind::Val(Some(_))))
    };
    let fit = |o: &Obs<'_>| -> f32 {
        if o.vals.len() == COLS {
            0.5
        } else {
            -0.3 * (o.vals.len() as f32 - COLS as f32).abs().min(3.0)
        }
    };
    let gain = |i: usize, j: usize| -> f32 {
        let (s, b, o) = (scores[i][j], best[i], &obs[i]);
        if s >= MATCH {
            2.0 + 3.0 * s + fit(o)
        } else if b >= MATCH {
            -4.0
        } else if numeric(o) {
            0.8 + fit(o)
        } else {
            -0.5 + fit(o)
        }
    };
    let skip_obs = |i: usize| -> f32 {
        if best[i] >= MATCH {
            -3.0
        } else if numeric(&obs[i]) {
            -0.6
        } else {
            0.0
        }
    };
    const SKIP_ROW: f32 = -0.4;
    let mut dp = vec![vec![f32::NEG_INFINITY; m + 1]; n + 1];
    let mut back = vec![vec![0u8; m + 1]; n + 1];
    dp[0][0] = 0.0;
    for i in 0..=n {
        for j in 0..=m {
            let here = dp[i][j];
            if here == f32::NEG_INFINITY {
                continue;
            }
            if i < n && j < m {
                let v = here + gain(i, j);
                if v > dp[i + 1][j + 1] {
                    dp[i + 1][j + 1] = v;
                    back[i + 1][j + 1] = 1;
                }
            }
            if i < n {
                let v = here + skip_obs(i);
                if v > dp[i + 1][j] {
                    dp[i + 1][j] = v;
                    back[i + 1][j] = 2;
                }
            }
            if j < m {
                // Rows missing at either end are a truncated excerpt, not a damaged table.
                let v = here + if i == 0 || i == n { 0.0 } else { SKIP_ROW };
                if v > dp[i][j + 1] {
                    dp[i][j + 1] = v;
                    back[i][j + 1] = 3;
                }
            }
        }
    }
    let mut assignment = vec![None; m];
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        match back[i][j] {
            1 => {
                assignment[j - 1] = Some(i - 1);
                i -= 1;
                j -= 1;
            }
            2 => i -= 1,
            3 => j -= 1,
            _ => break,
        }
    }
    (dp[n][m], assignment)
}

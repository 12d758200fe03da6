//! Choosing among the readings of a table's rows with the table's arithmetic.
//!
//! Rows that share an identity (a column sum ties all rows of table 三 together) are solved
//! together: every combination of their candidate readings is tried, missing cells are
//! filled where an identity leaves exactly one unknown, and the combinations that satisfy the
//! most identities win. A cell is certain only if every winning combination gives it the same
//! value and none had to infer it; otherwise it is reported uncertain. Values are never
//! adjusted to make an identity hold: identities only choose between readings of the source.

use std::collections::BTreeMap;

use crate::cells::{Cand, How, Reading, Slot};
use crate::decimal::Decimal;

/// `Σ lhs = Σ rhs` over cells `(row, column)` of a table.
#[derive(Clone, Debug)]
pub(crate) struct Identity {
    pub lhs: Vec<(usize, usize)>,
    pub rhs: Vec<(usize, usize)>,
}

/// The chosen cells of a table and which of them are uncertain.
#[derive(Clone, Debug)]
pub(crate) struct Resolved {
    pub cells: Vec<Vec<Option<Decimal>>>,
    pub uncertain: Vec<Vec<bool>>,
}

impl Resolved {
    fn set(&mut self, (r, c): (usize, usize), value: Option<Decimal>, uncertain: bool) {
        if let Some(v) = self.cells.get_mut(r).and_then(|row| row.get_mut(c)) {
            *v = value;
        }
        if let Some(u) = self.uncertain.get_mut(r).and_then(|row| row.get_mut(c)) {
            *u = uncertain;
        }
    }
}

/// The most combinations of readings tried for one group of rows, and the most cells their
/// identities may read in all (each combination reads every cell of every identity at least
/// once): beyond either, each row is chosen on its own and all its doubtful cells reported.
/// The second bounds what one table costs (about 0.1 s), whatever the input: the most a real
/// report needs (a PDF's table 三, 9,261 combinations of 357 cells) is 3.3 million.
const MAX_COMBINATIONS: usize = 20_000;
const MAX_CELLS_READ: usize = 4_000_000;

/// Chooses a reading for every row. `readings[r]` are the readings of row `r`.
pub(crate) fn resolve(readings: &[Reading], identities: &[Identity]) -> Resolved {
    let rows = readings.len();
    let mut out = Resolved {
        cells: readings.iter().map(|r| vec![None; width(r)]).collect(),
        uncertain: readings.iter().map(|r| vec![false; width(r)]).collect(),
    };
    for component in components(rows, identities) {
        let ids: Vec<&Identity> = identities
            .iter()
            .filter(|id| id.lhs.iter().chain(&id.rhs).any(|&(r, _)| component.contains(&r)))
            .collect();
        solve_component(readings, &component, &ids, &mut out);
    }
    out
}

fn width(r: &Reading) -> usize {
    r.cands.first().map_or(0, |c| c.cells.len())
}

/// Groups of rows linked by identities.
fn components(rows: usize, identities: &[Identity]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..rows).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while let Some(&up) = parent.get(x).filter(|&&up| up != x) {
            let grand = parent.get(up).copied().unwrap_or(up);
            if let Some(p) = parent.get_mut(x) {
                *p = grand;
            }
            x = grand;
        }
        x
    }
    for id in identities {
        let mut cells = id.lhs.iter().chain(&id.rhs).map(|&(r, _)| r).filter(|&r| r < rows);
        if let Some(first) = cells.next() {
            for r in cells {
                let (a, b) = (find(&mut parent, first), find(&mut parent, r));
                if let Some(p) = parent.get_mut(a) {
                    *p = b;
                }
            }
        }
    }
    // Components touch disjoint rows, so the order they are solved in does not matter.
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for r in 0..rows {
        groups.entry(find(&mut parent, r)).or_default().push(r);
    }
    groups.into_values().collect()
}

fn solve_component(readings: &[Reading], rows: &[usize], ids: &[&Identity], out: &mut Resolved) {
    let rows: Vec<(usize, &Reading)> = rows.iter().filter_map(|&r| Some((r, readings.get(r)?))).collect();
    let ambiguous: Vec<(usize, &Reading)> = rows
        .iter()
        .copied()
        .filter(|(_, rd)| rd.cands.len() > 1 || rd.cands.iter().any(|c| c.cells.contains(&Slot::Unknown)))
        .collect();
    if ambiguous.is_empty() {
        // Every row read as written: nothing to choose.
        for &(r, rd) in &rows {
            for (c, slot) in rd.cands.first().map_or(&[][..], |c| &c.cells).iter().enumerate() {
                out.set((r, c), value(*slot), rd.how == How::Forced || rd.doubtful);
            }
        }
        doubt_inferred_in_broken(&rows, ids, out);
        return;
    }
    let mut grid: Vec<Vec<Slot>> =
        readings.iter().map(|r| r.cands.first().map(|c| c.cells.clone()).unwrap_or_default()).collect();
    let cells_read: usize = ids.iter().map(|id| id.lhs.len() + id.rhs.len()).sum();
    let combos = ambiguous
        .iter()
        .try_fold(1usize, |acc, (_, rd)| acc.checked_mul(rd.cands.len().max(1)))
        .filter(|&n| n <= MAX_COMBINATIONS && n.saturating_mul(cells_read) <= MAX_CELLS_READ);

    // Identities clear of the ambiguous rows fill nothing and hold or fail whatever is chosen:
    // they are counted once, not in every combination.
    let (live, fixed): (Vec<&Identity>, Vec<&Identity>) = ids
        .iter()
        .partition(|id| id.lhs.iter().chain(&id.rhs).any(|&(r, _)| ambiguous.iter().any(|&(a, _)| a == r)));
    let fixed_holds = fixed.iter().filter(|id| holds_in(&grid, id)).count();
    // The combinations with the best score so far, in the order tried.
    let mut winners: Vec<Outcome> = Vec::new();
    if let Some(total) = combos {
        let mut choice = vec![0usize; ambiguous.len()];
        for _ in 0..total {
            let mut penalty = 0.0;
            for (&(r, rd), &ch) in ambiguous.iter().zip(&choice) {
                let (Some(cand), Some(row)) = (rd.cands.get(ch), grid.get_mut(r)) else { continue };
                row.clone_from(&cand.cells);
                penalty += cand.penalty;
            }
            let best = winners.first().map(|w| w.score);
            match fill_and_score(&mut grid, &live).map(|s| s + fixed_holds) {
                Some(score) if best.is_none_or(|b| score >= b) => {
                    if best.is_some_and(|b| score > b) {
                        winners.clear();
                    }
                    let solved =
                        ambiguous.iter().map(|&(r, _)| grid.get(r).cloned().unwrap_or_default()).collect();
                    winners.push(Outcome { score, penalty, choice: choice.clone(), solved });
                }
                _ => {}
            }
            advance(&mut choice, &ambiguous);
        }
    }
    winners.sort_by(|a, b| a.penalty.total_cmp(&b.penalty));
    if let Some(w) = winners.first() {
        for (&(r, _), solved) in ambiguous.iter().zip(&w.solved) {
            if let Some(row) = grid.get_mut(r) {
                row.clone_from(solved);
            }
        }
    }

    for &(r, rd) in &rows {
        let k = ambiguous.iter().position(|&(a, _)| a == r);
        let won = k.zip(winners.first()).and_then(|(k, w)| w.row(rd, k));
        let chosen: Vec<Slot> = match won {
            Some((_, solved)) => solved.to_vec(),
            // Too many combinations, or none consistent: the least implausible reading.
            None => least_penalty(rd),
        };
        let placed = match won {
            Some((cand, _)) if rd.how == How::Missing => placements_in_doubt(rd, cand, r, &grid, ids),
            _ => Vec::new(),
        };
        for (c, slot) in chosen.iter().enumerate() {
            let doubtful = placed.get(c).copied().unwrap_or(false)
                || match k {
                    None => false,
                    Some(k) if !winners.is_empty() => {
                        // Inferred in a winner, or not the same in all winners.
                        winners.iter().any(|w| {
                            w.row(rd, k).is_some_and(|(cand, solved)| {
                                cand.cells.get(c) == Some(&Slot::Unknown) || solved.get(c) != Some(slot)
                            })
                        })
                    }
                    Some(_) => differs(rd, c) || *slot == Slot::Unknown,
                };
            let uncertain = doubtful || rd.how == How::Forced || rd.doubtful || *slot == Slot::Unknown;
            out.set((r, c), value(*slot), uncertain);
        }
    }
    doubt_inferred_in_broken(&rows, ids, out);
}

/// An inferred reading (digits split, cells placed by position or moved) is trusted only as
/// far as the arithmetic around it holds: a row so read that takes part in a broken identity
/// is doubtful as a whole — in a report whose sums do not hold, a split or placement that fits
/// some of them proves nothing.
fn doubt_inferred_in_broken(rows: &[(usize, &Reading)], ids: &[&Identity], out: &mut Resolved) {
    for &(r, rd) in rows {
        let inferred = rd.cands.len() > 1
            || matches!(
                rd.how,
                How::Padded
                    | How::Glued
                    | How::Missing
                    | How::Dropped
                    | How::Reordered
                    | How::Positioned
                    | How::Spread
            );
        // Only an inferred row needs the identities summed (most rows are read as written).
        let broken = || {
            ids.iter()
                .any(|id| id.lhs.iter().chain(&id.rhs).any(|&(row, _)| row == r) && !holds(id, &out.cells))
        };
        if inferred && broken() {
            out.uncertain.get_mut(r).into_iter().flatten().for_each(|u| *u = true);
        }
    }
}

/// The cells of row `r` (read with cells missing, `won` its winning placement) whose place
/// the arithmetic does not vouch for. The identity that fills a hole cannot also check where
/// the hole is, in either placement: another placement is refuted only when more of the
/// identities clear of its holes and of the winner's break under it than under the winner (a
/// hole's value is the arithmetic's, only as good as the report's sums, so what a placement's
/// holes would need to be refutes nothing either). Every cell is doubtful on which the
/// placements left standing disagree, a hole in one of them included. (A report that breaks a
/// sum loses a blank: the winner fills the hole so that the broken sum holds, and the sum it
/// filled proves nothing against the placement that is true.) `grid` is the table solved.
fn placements_in_doubt(
    rd: &Reading,
    won: &Cand,
    r: usize,
    grid: &[Vec<Slot>],
    ids: &[&Identity],
) -> Vec<bool> {
    let clear_of = |cand: &Cand, id: &Identity| {
        id.lhs.iter().chain(&id.rhs).all(|&(rr, c)| rr != r || cand.cells.get(c) != Some(&Slot::Unknown))
    };
    let mut trial = grid.to_vec();
    let mut doubt = vec![false; won.cells.len()];
    for cand in &rd.cands {
        let Some(row) = trial.get_mut(r) else { break };
        row.clone_from(&cand.cells);
        let judges = || ids.iter().filter(|id| clear_of(won, id) && clear_of(cand, id));
        let broken_here = judges().filter(|id| !holds_in(&trial, id)).count();
        if broken_here <= judges().filter(|id| !holds_in(grid, id)).count() {
            for (d, (a, b)) in doubt.iter_mut().zip(won.cells.iter().zip(&cand.cells)) {
                *d |= a != b;
            }
        }
    }
    doubt
}

/// Whether `id` holds for `cells` (blanks count as 0).
fn holds(id: &Identity, cells: &[Vec<Option<Decimal>>]) -> bool {
    let sum = |side: &[(usize, usize)]| {
        side.iter().try_fold(0i64, |acc, &(r, c)| {
            let v = cells.get(r)?.get(c)?.map_or(Some(0), |d| d.as_int())?;
            acc.checked_add(v)
        })
    };
    matches!((sum(&id.lhs), sum(&id.rhs)), (Some(a), Some(b)) if a == b)
}

/// One combination of readings, tried.
struct Outcome {
    /// How many identities hold.
    score: usize,
    /// The sum of the readings' penalties.
    penalty: f32,
    /// The reading chosen for each ambiguous row.
    choice: Vec<usize>,
    /// The ambiguous rows' cells, unknowns filled where the identities allow.
    solved: Vec<Vec<Slot>>,
}

impl Outcome {
    /// The reading of ambiguous row `k` (read as `rd`): the candidate chosen and its cells solved.
    fn row<'a>(&'a self, rd: &'a Reading, k: usize) -> Option<(&'a Cand, &'a [Slot])> {
        Some((rd.cands.get(*self.choice.get(k)?)?, self.solved.get(k)?))
    }
}

fn least_penalty(rd: &Reading) -> Vec<Slot> {
    rd.cands
        .iter()
        .min_by(|a, b| a.penalty.total_cmp(&b.penalty))
        .map(|c| c.cells.clone())
        .unwrap_or_default()
}

/// Whether the candidates of `rd` disagree on cell `c`.
fn differs(rd: &Reading, c: usize) -> bool {
    let mut it = rd.cands.iter().map(|k| k.cells.get(c));
    let first = it.next().flatten();
    it.any(|x| x != first)
}

/// The next combination, odometer style.
fn advance(choice: &mut [usize], ambiguous: &[(usize, &Reading)]) {
    for (ch, (_, rd)) in choice.iter_mut().zip(ambiguous) {
        *ch += 1;
        if *ch < rd.cands.len() {
            return;
        }
        *ch = 0;
    }
}

fn value(slot: Slot) -> Option<Decimal> {
    match slot {
        Slot::Known(v) => v,
        Slot::Unknown => None,
    }
}

fn int(slot: Slot) -> Option<i64> {
    match slot {
        Slot::Known(None) => Some(0),
        Slot::Known(Some(d)) => d.as_int(),
        Slot::Unknown => None,
    }
}

fn get(grid: &[Vec<Slot>], (r, c): (usize, usize)) -> Slot {
    grid.get(r).and_then(|row| row.get(c)).copied().unwrap_or(Slot::Known(None))
}

/// Fills unknown cells that an identity determines, then counts the identities that hold
/// and filled nothing: an identity that fills a cell holds by construction, which says
/// nothing for the reading (else a reading with holes would outscore the digits as written,
/// each hole a free identity). `None` when the combination is impossible (a filled cell
/// would be negative).
///
/// Each pass walks every identity once, summing its known cells as it counts its unknown
/// ones: an identity with one unknown is filled from those sums, and in the pass that fills
/// nothing (the last) the sums of the identities without unknowns say which hold.
fn fill_and_score(grid: &mut [Vec<Slot>], ids: &[&Identity]) -> Option<usize> {
    let mut filler = vec![false; ids.len()];
    loop {
        let (mut changed, mut holds) = (false, 0);
        for (id, filler) in ids.iter().zip(&mut filler) {
            let (mut unknowns, mut target) = (0, (0, 0));
            let l = known_sum(grid, &id.lhs, &mut unknowns, &mut target);
            let r = known_sum(grid, &id.rhs, &mut unknowns, &mut target);
            match unknowns {
                0 => holds += usize::from(!*filler && matches!((l, r), (Some(a), Some(b)) if a == b)),
                1 => {
                    let (l, r) = (l?, r?);
                    let value = if id.lhs.contains(&target) { r.checked_sub(l) } else { l.checked_sub(r) };
                    let value = value.filter(|&v| v >= 0)?;
                    if let Some(cell) = grid.get_mut(target.0).and_then(|row| row.get_mut(target.1)) {
                        *cell = Slot::Known(Some(Decimal::from_int(value)));
                        changed = true;
                        *filler = true;
                    }
                }
                _ => {}
            }
        }
        if !changed {
            return Some(holds);
        }
    }
}

/// The sum of the known cells of `cells` (`None` when one is not whole or the sum overflows),
/// counting the unknown ones into `unknowns` and keeping the last one's place in `target`.
fn known_sum(
    grid: &[Vec<Slot>],
    cells: &[(usize, usize)],
    unknowns: &mut usize,
    target: &mut (usize, usize),
) -> Option<i64> {
    let mut sum = Some(0i64);
    for &rc in cells {
        match get(grid, rc) {
            Slot::Unknown => {
                *unknowns += 1;
                *target = rc;
            }
            known => sum = sum.and_then(|s| s.checked_add(int(known)?)),
        }
    }
    sum
}

/// Whether `id` holds in `grid`, every cell of it known (blanks count as 0).
fn holds_in(grid: &[Vec<Slot>], id: &Identity) -> bool {
    let sum =
        |cells: &[(usize, usize)]| cells.iter().try_fold(0i64, |a, &rc| a.checked_add(int(get(grid, rc))?));
    matches!((sum(&id.lhs), sum(&id.rhs)), (Some(a), Some(b)) if a == b)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fill as first written — find the one unknown, sum the others, repeat until nothing
    /// changes, then count — kept as the specification of [`fill_and_score`].
    fn fill_and_score_slow(grid: &mut [Vec<Slot>], ids: &[&Identity]) -> Option<usize> {
        let mut fillers = std::collections::HashSet::new();
        let mut changed = true;
        while changed {
            changed = false;
            for (i, id) in ids.iter().enumerate() {
                let unknown: Vec<(usize, usize)> = id
                    .lhs
                    .iter()
                    .chain(&id.rhs)
                    .copied()
                    .filter(|&rc| get(grid, rc) == Slot::Unknown)
                    .collect();
                let &[target] = unknown.as_slice() else { continue };
                let side = |cells: &[(usize, usize)]| -> Option<i64> {
                    cells
                        .iter()
                        .filter(|&&rc| rc != target)
                        .try_fold(0i64, |acc, &rc| acc.checked_add(int(get(grid, rc))?))
                };
                let (l, r) = (side(&id.lhs)?, side(&id.rhs)?);
                let value = if id.lhs.contains(&target) { r.checked_sub(l) } else { l.checked_sub(r) };
                let value = value.filter(|&v| v >= 0)?;
                grid[target.0][target.1] = Slot::Known(Some(Decimal::from_int(value)));
                fillers.insert(i);
                changed = true;
            }
        }
        Some(ids.iter().enumerate().filter(|(i, id)| !fillers.contains(i) && holds_in(grid, id)).count())
    }

    #[test]
    fn the_one_pass_fill_fills_and_scores_as_the_specification() {
        // A small linear congruential generator: grids of blanks, counts, fractions and
        // unknowns, under row sums and random identities (cells repeated, out of range too).
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: u64| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) % n
        };
        for _ in 0..2000 {
            let grid: Vec<Vec<Slot>> = (0..4)
                .map(|_| {
                    (0..4)
                        .map(|_| match next(8) {
                            0 | 1 => Slot::Unknown,
                            2 => Slot::Known(None),
                            3 => Slot::Known(Decimal::new(15, 1)),
                            _ => Slot::Known(Some(Decimal::from_int(next(6) as i64))),
                        })
                        .collect()
                })
                .collect();
            let cell = |next: &mut dyn FnMut(u64) -> u64| (next(5) as usize, next(5) as usize);
            let mut ids: Vec<Identity> = (0..4)
                .map(|r| Identity { lhs: (0..3).map(|c| (r, c)).collect(), rhs: vec![(r, 3)] })
                .collect();
            for _ in 0..next(4) {
                let lhs = (0..1 + next(3)).map(|_| cell(&mut next)).collect();
                let rhs = (0..1 + next(2)).map(|_| cell(&mut next)).collect();
                ids.push(Identity { lhs, rhs });
            }
            let refs: Vec<&Identity> = ids.iter().collect();
            let (mut fast, mut slow) = (grid.clone(), grid);
            assert_eq!(fill_and_score(&mut fast, &refs), fill_and_score_slow(&mut slow, &refs));
            assert_eq!(fast, slow);
        }
    }

    fn known(v: &[i64]) -> Vec<Slot> {
        v.iter().map(|&x| Slot::Known(Some(Decimal::from_int(x)))).collect()
    }

    fn reading(cands: Vec<Vec<Slot>>, how: How) -> Reading {
        Reading {
            cands: cands.into_iter().map(|cells| Cand { cells, penalty: 0.0 }).collect(),
            how,
            doubtful: false,
        }
    }

    #[test]
    fn a_missing_cell_is_filled_by_the_arithmetic_and_reported() {
        // Row 0 = row 1 + row 2, column by column; row 2 lost a cell.
        let ids: Vec<Identity> =
            (0..2).map(|c| Identity { lhs: vec![(1, c), (2, c)], rhs: vec![(0, c)] }).collect();
        let readings = vec![
            reading(vec![known(&[5, 7])], How::Exact),
            reading(vec![known(&[2, 3])], How::Exact),
            reading(
                vec![
                    vec![Slot::Unknown, Slot::Known(Some(Decimal::from_int(4)))],
                    known(&[4]).into_iter().chain([Slot::Unknown]).collect(),
                ],
                How::Missing,
            ),
        ];
        let r = resolve(&readings, &ids);
        assert_eq!(r.cells[2], [Some(Decimal::from_int(3)), Some(Decimal::from_int(4))]);
        // The 4 is where column 1's identity holds, and column 0's fills the hole; but the 4
        // in column 0, which breaks column 0's identity, is as likely in a report that breaks
        // that sum, and column 1's identity, which would fill that hole, cannot say: both
        // cells are doubtful.
        assert_eq!(r.uncertain[2], [true, true]);
        assert!(!r.uncertain[0].contains(&true));
    }

    #[test]
    fn a_blank_lost_from_a_report_that_breaks_a_sum_leaves_its_place_in_doubt() {
        // Two groups of a row, each `a + b = total`; the report breaks the first (2 + 3, its
        // total blank) and a blank of the second (4 _ 4) was lost: `2 3 _ 4 4`. Placing the
        // hole in the first group fills its total and keeps the second's sum; the truth, the
        // hole in the second group, breaks the first. The second group's cells are doubtful.
        let ids = vec![
            Identity { lhs: vec![(0, 0), (0, 1)], rhs: vec![(0, 2)] },
            Identity { lhs: vec![(0, 3), (0, 4)], rhs: vec![(0, 5)] },
        ];
        let read: Vec<Slot> = [Some(2), Some(3), None, Some(4), Some(4)]
            .into_iter()
            .map(|v| Slot::Known(v.map(Decimal::from_int)))
            .collect();
        let placements = (0..=read.len())
            .map(|hole| {
                let mut cells = read.clone();
                cells.insert(hole, Slot::Unknown);
                cells
            })
            .collect();
        let r = resolve(&[reading(placements, How::Missing)], &ids);
        assert!(r.uncertain[0][3..].iter().all(|&u| u), "{:?}", r.uncertain[0]);
    }

    #[test]
    fn an_identity_that_fills_a_hole_is_no_evidence_for_it() {
        // Row 0 = row 1, column by column, and row 1's own sum. Read as written, row 1 holds
        // both; with its first cell missing, the column identity would fill it and hold too.
        let ids = vec![
            Identity { lhs: vec![(0, 0)], rhs: vec![(1, 0)] },
            Identity { lhs: vec![(0, 1)], rhs: vec![(1, 1)] },
            Identity { lhs: vec![(1, 0)], rhs: vec![(1, 1)] },
        ];
        let readings = vec![
            reading(vec![known(&[4, 4])], How::Exact),
            reading(
                vec![known(&[4, 4]), vec![Slot::Unknown, Slot::Known(Some(Decimal::from_int(4)))]],
                How::Glued,
            ),
        ];
        let r = resolve(&readings, &ids);
        assert_eq!(r.cells[1], [Some(Decimal::from_int(4)), Some(Decimal::from_int(4))]);
        let mut grid = vec![known(&[4, 4]), vec![Slot::Unknown, Slot::Known(Some(Decimal::from_int(4)))]];
        let refs: Vec<&Identity> = ids.iter().collect();
        assert_eq!(fill_and_score(&mut grid, &refs), Some(2), "the filling identity is not counted");
    }

    #[test]
    fn a_group_too_costly_to_try_is_read_row_by_row_and_doubted() {
        // 1,000 readings of one row; the identity (repeated m times) holds for [1, 1] only,
        // the reading the penalties like least.
        let readings = vec![Reading {
            cands: (0..1000)
                .map(|k| Cand { cells: known(&[k + 1, 1]), penalty: if k == 0 { 1.0 } else { 0.0 } })
                .collect(),
            how: How::Glued,
            doubtful: false,
        }];
        let ids = |m: usize| vec![Identity { lhs: vec![(0, 0); m], rhs: vec![(0, 1); m] }];
        let tried = resolve(&readings, &ids(1));
        assert_eq!(tried.cells[0], [Some(Decimal::from_int(1)), Some(Decimal::from_int(1))]);
        assert_eq!(tried.uncertain[0], [false, false]);
        // Each combination would read 2m cells: past the bound, the least penalised reading.
        let untried = resolve(&readings, &ids(MAX_CELLS_READ / 2000 + 1));
        assert_eq!(untried.cells[0], [Some(Decimal::from_int(2)), Some(Decimal::from_int(1))]);
        assert_eq!(untried.uncertain[0], [true, true]);
    }

    #[test]
    fn readings_the_arithmetic_cannot_separate_are_uncertain() {
        let readings = vec![reading(vec![known(&[1, 0, 11]), known(&[10, 1, 1])], How::Glued)];
        let r = resolve(&readings, &[]);
        assert_eq!(r.uncertain[0], [true, true, true]);
    }
}

//! Table 四、政府信息公开行政复议、行政诉讼情况: fifteen numbers under a two-level header, in
//! three groups of five (复议; 诉讼 未经复议直接起诉; 诉讼 复议后起诉), each summing to its 总计.
//!
//! The table has no row labels, so its values are simply all the values of its region, in
//! order. Two damages need more: glued digits are split by the three group sums
//! ([`crate::cells`]); and reading-order extractions emit the numbers in blocks out of place
//! (`72 64 178 37 | 12 1 1 6 | 351 | …`), so when the values in order break the sums, orders of
//! whole blocks that satisfy them are tried, and every cell they disagree on is reported.

use crate::cells::{self, Cand, Hints, How, Reading, Shape, Slot, Sum};
use crate::columns;
use crate::layout::{main_source, Columns, Kind, Region, Segment, Source, Tok};
use crate::model::{AppealField, AppealGroup, AppealKind, Appeals, Layout};
use crate::report::Diagnostics;
use crate::solve::{resolve, Identity};
use crate::template::CellKind;

const CELLS: usize = 15;
const KINDS: [CellKind; CELLS] = [CellKind::Count; CELLS];
const SUMS: [Sum; 3] =
    [Sum { parts: 0..4, total: 4 }, Sum { parts: 5..9, total: 9 }, Sum { parts: 10..14, total: 14 }];
const SHAPE: Shape<'static> = Shape { kinds: &KINDS, sums: &SUMS };
/// The names of a group's columns, as the header's last row writes them, once per group.
const GROUP_NAMES: [&str; 5] = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

/// Block orders are tried only for this many blocks or fewer (6! = 720 orders).
const MAX_BLOCKS: usize = 6;

/// Table 四 as read.
pub(crate) struct Read {
    pub table: Appeals,
    pub uncertain: Vec<String>,
    pub layout: Layout,
}

/// Reads table 四 from the segments of its region.
pub(crate) fn read(
    text: &str,
    region: &Region,
    segs: &[Segment<'_>],
    measure: &Columns<'_>,
    diags: &mut Diagnostics,
) -> Option<Read> {
    let (toks, doubted) = (region.toks.as_slice(), region.doubted);
    // The table has no row labels: a blank in a row that has text is a header's padding (the
    // empty fields of 行政复议's colspan), not a cell.
    let blocks: Vec<Vec<&Tok>> = segs
        .iter()
        .map(|s| {
            s.vals.iter().copied().filter(|t| !(t.labelled && matches!(t.kind, Kind::Val(None)))).collect()
        })
        .filter(|b: &Vec<&Tok>| !b.is_empty())
        .collect();
    let vals: Vec<&Tok> = blocks.iter().flatten().copied().collect();
    let unwritten = !vals.iter().any(|t| matches!(t.kind, Kind::Val(Some(_)))) && vals.len() < CELLS;
    if unwritten && !whole_header(segs) {
        return None;
    }
    let mut reading = if unwritten {
        // Text that writes blank cells as nothing (aligned text, tags stripped) shows a table
        // of blanks as its header alone; the values may as well have been lost.
        diags.at(
            "cells_doubtful",
            "table 四: its header is there but not one value; every cell is read as blank".into(),
            segs.first().map_or(0, |s| s.at),
        );
        Reading {
            cands: vec![Cand { cells: vec![Slot::Known(None); CELLS], penalty: 0.0 }],
            how: How::Exact,
            doubtful: true,
        }
    } else {
        // Aligned text shows no blank cell: the header says where the numbers stand.
        let header = columns::header(text, toks, measure);
        let names = columns::named_columns(&header, &GROUP_NAMES.repeat(SUMS.len()), toks);
        let right_aligned = names.as_deref().is_some_and(|n| columns::right_aligned(toks, n));
        cells::read(text, &vals, &SHAPE, Hints { names: names.as_deref(), right_aligned, ..Hints::default() })
    };
    if reading.how == How::Exact && blocks.len() > 1 {
        if let Some(r) = reorder(text, &blocks, &reading) {
            diags.at(
                "blocks_reordered",
                "table 四: the numbers break the group sums in the order written; blocks of them were \
                 reordered to satisfy the sums"
                    .into(),
                segs.first().map_or(0, |s| s.at),
            );
            reading = r;
        }
    }
    if matches!(reading.how, How::Glued | How::Missing | How::Dropped | How::Forced) {
        diags.at(
            "cells_doubtful",
            format!(
                "table 四: {} values were found for its {CELLS} cells; they were read with the group sums",
                vals.len()
            ),
            segs.first().map_or(0, |s| s.at),
        );
    }
    // One number a line, in text that shows no blank cell, in blocks that the header's words
    // come between (a PDF's reading order): the order of the lines is the extractor's, which a
    // header of merged cells scrambles. Where that order breaks a group sum that no order of
    // whole blocks repairs, it is not vouched for.
    let reading_order = blocks.len() > 1 && vals.iter().all(|t| t.source == Source::Cell && t.hides_blanks);
    let broken = reading.cands.first().is_some_and(|c| !cells::obeys_sums(&c.cells, &SHAPE));
    if reading.how == How::Exact && reading_order && broken {
        diags.at(
            "cells_doubtful",
            "table 四: one number a line, in an order that breaks the group sums: the order may be the \
             extractor's, not the table's"
                .into(),
            segs.first().map_or(0, |s| s.at),
        );
        reading.doubtful = true;
    }
    let identities: Vec<Identity> = SUMS
        .iter()
        .map(|s| Identity { lhs: s.parts.clone().map(|c| (0, c)).collect(), rhs: vec![(0, s.total)] })
        .collect();
    let resolved = resolve(std::slice::from_ref(&reading), &identities);
    let mut table = Appeals::default();
    let mut uncertain = Vec::new();
    // One row: the groups side by side.
    let values = resolved.cells.first().map_or(&[][..], Vec::as_slice);
    let doubts = resolved.uncertain.first().map_or(&[][..], Vec::as_slice);
    for (g, &group) in AppealKind::ALL.iter().enumerate() {
        let mut cells = AppealGroup::default();
        for (f, &field) in AppealField::ALL.iter().enumerate() {
            let c = g * AppealField::ALL.len() + f;
            *cells.get_mut(field) =
                values.get(c).copied().flatten().and_then(|d| d.as_int()).and_then(|i| u64::try_from(i).ok());
            if doubted || doubts.get(c) == Some(&true) {
                uncertain.push(format!("appeals.{}.{}", group.key(), field.key()));
            }
        }
        *table.get_mut(group) = Some(cells);
    }
    let layout = match reading.how {
        How::Glued => Layout::Glued,
        How::Reordered => Layout::ReadingOrder,
        _ => main_source(vals.iter().copied()).map_or(Layout::Aligned, |s| s.layout()),
    };
    Some(Read { table, uncertain, layout })
}

/// Whether the segments hold the header's last row for all three groups (`总计` aside, which
/// other headers have too).
fn whole_header(segs: &[Segment<'_>]) -> bool {
    let labels: String = segs.iter().map(|s| s.label.as_str()).collect();
    AppealField::ALL
        .iter()
        .filter(|&&f| f != AppealField::Total)
        .all(|f| labels.matches(f.label()).count() >= AppealKind::ALL.len())
}

/// When the values in order break group sums, the orders of whole blocks that satisfy more of
/// them, least displaced first. Doubtful all: the source's order was not kept, and an order of
/// whole blocks is not the only one a reading order may have made (a cell that spans the
/// header's rows, printed after the next group's, moves one number, not a block).
fn reorder(text: &str, blocks: &[Vec<&Tok>], in_order: &Reading) -> Option<Reading> {
    if blocks.len() > MAX_BLOCKS {
        return None;
    }
    let holding = |cells: &[Slot]| {
        SUMS.iter()
            .filter(|s| cells::obeys_sums(cells, &Shape { kinds: &KINDS, sums: std::slice::from_ref(*s) }))
            .count()
    };
    let base = holding(&in_order.cands.first()?.cells);
    if base == SUMS.len() {
        return None;
    }
    let mut best: Vec<Cand> = Vec::new();
    let mut best_score = base;
    permutations(blocks.len(), &mut |order| {
        let vals: Vec<&Tok> = order.iter().filter_map(|&b| blocks.get(b)).flatten().copied().collect();
        let rd = cells::read(text, &vals, &SHAPE, Hints::default());
        let Some(c) = rd.cands.first().filter(|_| rd.how == How::Exact) else {
            return;
        };
        let score = holding(&c.cells);
        let displaced = order.iter().enumerate().filter(|&(i, &b)| i != b).count() as f32;
        let cand = Cand { cells: c.cells.clone(), penalty: displaced };
        if score > best_score {
            best_score = score;
            best = vec![cand];
        } else if score == best_score && score > base && !best.iter().any(|b| b.cells == cand.cells) {
            best.push(cand);
        }
    });
    (!best.is_empty()).then_some(Reading { cands: best, how: How::Reordered, doubtful: true })
}

/// Calls `f` with every order of `0..n` (Heap's algorithm, iterative).
fn permutations(n: usize, f: &mut dyn FnMut(&[usize])) {
    let mut a: Vec<usize> = (0..n).collect();
    let mut c = vec![0usize; n];
    f(&a);
    let mut i = 1;
    while let Some(ci) = c.get_mut(i) {
        if *ci < i {
            a.swap(if i % 2 == 0 { 0 } else { *ci }, i);
            f(&a);
            *ci += 1;
            i = 1;
        } else {
            *ci = 0;
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permutations_are_all_listed_once() {
        let mut seen = std::collections::HashSet::new();
        permutations(4, &mut |p| {
            seen.insert(p.to_vec());
        });
        assert_eq!(seen.len(), 24);
    }
}

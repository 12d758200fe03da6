//! Table 二、主动公开政府信息情况: a few sub-tables (第二十条第（一）（五）（六）（八）（九）项),
//! each row a label and one to three numbers.
//!
//! Row labels are read as they come and queued; each run of values is given to the queued rows
//! in order, as many as it has cells for. This reads one-label-per-row layouts and also dumps
//! where several labels come before their numbers (`规章 行政规范性文件 … 1 8 0 26 11 66`). When a
//! run feeds several rows it may list them row by row or column by column: the orientation the
//! document's table 三 was found in decides, and the cells are reported uncertain, since no sum
//! checks them. Values that arrive before any label (cells pulled out of a PDF table) fill, in
//! order, the rows found short of cells — uncertain too.

use std::collections::VecDeque;

use crate::cells::{self, Cand, Hints, How, Reading, Shape, Slot};
use crate::columns::{self, FirstColumns};
use crate::decimal::Decimal;
use crate::layout::{main_source, Columns, Kind, Region, Segment, Source, Tok};
use crate::model::{
    ActiveDisclosure, ActiveDisclosure2019, ActiveDisclosure2021, Decisions, Documents, Documents2019,
    Edition, Fees, Fees2019, Items2019, Layout, Procurement,
};
use crate::report::Diagnostics;
use crate::solve::resolve;
use crate::template::{active_index, active_rows, ActiveSpec, CellKind, NearLabel, ACTIVE_EDITION_MARKS};

/// Table 二 as read.
pub(crate) struct Read {
    pub table: ActiveDisclosure,
    pub uncertain: Vec<String>,
    pub layout: Layout,
}

/// The edition table 二's headers name, if they name one.
pub(crate) fn edition_marked(region: &str) -> Option<Edition> {
    let key = crate::text::key(region);
    let (mut e2019, mut e2021) = (0, 0);
    for &(mark, e) in ACTIVE_EDITION_MARKS {
        if key.contains(mark) {
            match e {
                Edition::E2019 => e2019 += 1,
                Edition::E2021 => e2021 += 1,
            }
        }
    }
    match e2019.cmp(&e2021) {
        std::cmp::Ordering::Greater => Some(Edition::E2019),
        std::cmp::Ordering::Less => Some(Edition::E2021),
        std::cmp::Ordering::Equal => None,
    }
}

/// The row labels in `label`, in order of appearance.
fn rows_named(label: &str, edition: Edition) -> Vec<usize> {
    let specs = active_rows(edition);
    let mut hits = Vec::new();
    active_index(edition).hits(label, &mut hits);
    // OCR slips, or a label cut where its line wrapped (`行政事业性收` / numbers / `费`): a
    // near match names one row, after the rows named in full.
    let tail = label.get(hits.last().map_or(0, |h| h.end)..).unwrap_or("");
    let near = (!tail.is_empty()).then(|| NearLabel::new(tail)).and_then(|near| {
        specs
            .iter()
            .enumerate()
            .filter_map(|(i, s)| near.score(s.cues).map(|(q, _)| (i, q)))
            .filter(|&(_, q)| q >= 0.75)
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(i, _)| i)
    });
    let mut out: Vec<usize> = Vec::new();
    for row in hits.iter().map(|h| h.row).chain(near) {
        if out.last() != Some(&row) {
            out.push(row);
        }
    }
    out
}

/// The row named by a label wrapped past its numbers (`行政规范` / numbers / `性文件`): one
/// whose cue runs from `label` into `next`, the label after the numbers; with how much of
/// `next` it takes. A cue may also start right after the cut, when what comes before it is a
/// word's worth of label that names nothing (`行政` / numbers / `规范性文件`).
fn wrapped_row(label: &str, next: &str, edition: Edition) -> Option<(usize, usize)> {
    let joined = format!("{label}{next}");
    let mut hits = Vec::new();
    active_index(edition).hits(&joined, &mut hits);
    let head = !label.is_empty() && label.chars().count() <= 2 && hits.iter().all(|h| h.start >= label.len());
    hits.iter()
        .filter(|h| (h.start < label.len() || head && h.start == label.len()) && h.end > label.len())
        .max_by_key(|h| h.end)
        .map(|h| (h.row, h.end - label.len()))
}

/// What the segments gave one row of the template.
#[derive(Clone, Default)]
struct Fed<'t> {
    /// Its values, once a run of values reached it.
    vals: Option<Vec<&'t Tok>>,
    /// Its values came from a run shared with other rows: which are its own is a guess.
    shared: bool,
    /// The column of its label, in a row of delimited cells.
    label_col: Option<u32>,
    /// Named with no values of its own, passed over by the values that followed.
    skipped: bool,
    /// Passed over on a guess.
    doubted: bool,
}

impl Fed<'_> {
    /// The column its own (not shared) delimited cells end in.
    fn last_col(&self) -> Option<u32> {
        self.vals.as_ref().filter(|_| !self.shared).and_then(|v| v.last()?.col)
    }
}

/// Reads table 二 in `edition` from the segments of its region. `column_major` says whether
/// the document lists numbers column by column (learnt from table 三).
pub(crate) fn read(
    text: &str,
    region: &Region,
    segs: &[Segment<'_>],
    measure: &Columns<'_>,
    edition: Edition,
    column_major: bool,
    diags: &mut Diagnostics,
) -> Option<Read> {
    let (toks, doubted) = (region.toks.as_slice(), region.doubted);
    let specs = active_rows(edition);
    let mut fed: Vec<Fed<'_>> = vec![Fed::default(); specs.len()];
    let source = main_source(segs.iter().flat_map(|s| s.vals.iter().copied()));
    let aligned = source == Some(Source::Aligned);
    // In a table whose cells stand on lines of their own, a number with text after it on its
    // line is no cell of its own: a stray token before the next label or heading
    // (`13 三、收到和处理…`), or a value a line join put there; which is a guess.
    let own_lines = matches!(source, Some(Source::Cell | Source::TabCell));
    let before_text = |t: &Tok| {
        text.get(t.span.1..).and_then(|rest| rest.lines().next()).is_some_and(|l| !l.trim().is_empty())
    };
    let mut queue: VecDeque<usize> = VecDeque::new();
    let mut orphans: Vec<&Tok> = Vec::new();
    // Where the orphans that came after the last row given values start.
    let mut orphans_since_fed = 0;
    // How much of the next segment's label the end of a wrapped label took.
    let mut taken = 0;
    for (k, seg) in segs.iter().enumerate() {
        let label = seg.label.get(std::mem::take(&mut taken)..).unwrap_or("");
        let mut named = rows_named(label, edition);
        // The label nearest the numbers may be cut by a wrap, after rows named in full
        // (`行政事业性收费 … 政府集中` / numbers / `采购`).
        if !seg.vals.is_empty() {
            if let Some((row, used)) =
                segs.get(k + 1).and_then(|next| wrapped_row(label, &next.label, edition))
            {
                if named.last() != Some(&row) {
                    named.push(row);
                }
                taken = used;
            }
        }
        for i in named {
            if fed.get(i).is_some_and(|f| f.vals.is_none()) && !queue.contains(&i) {
                queue.push_back(i);
            }
        }
        if seg.vals.is_empty() {
            continue;
        }
        if queue.is_empty() {
            orphans.extend(seg.vals.iter().copied().filter(|t| matches!(t.kind, Kind::Val(Some(_)))));
            continue;
        }
        orphans_since_fed = orphans.len();
        let (rows, guess) = rows_fed(&queue, specs, seg.vals.len());
        // Aligned text keeps rows on their lines: a label alone on one is a row of blanks.
        let guess = guess && !aligned;
        while queue.front().is_some_and(|i| !rows.contains(i)) {
            if let Some(f) = queue.pop_front().and_then(|i| fed.get_mut(i)) {
                f.skipped = true;
                f.doubted = guess;
            }
        }
        if let &[i] = rows.as_slice() {
            if let Some(f) = fed.get_mut(i) {
                f.shared = guess;
                f.vals = Some(seg.vals.clone());
                f.label_col = seg.label_col;
            }
        } else {
            let widths: Vec<usize> =
                rows.iter().map(|&i| specs.get(i).map_or(0, |s| s.cells.len())).collect();
            for (&i, part) in rows.iter().zip(split_run(&seg.vals, &widths, column_major)) {
                if let Some(f) = fed.get_mut(i) {
                    f.vals = Some(part);
                    f.shared = guess || widths.iter().any(|&w| w > 1);
                }
            }
        }
        queue.retain(|i| !rows.contains(i));
    }
    // The last row named with no values after it, and as many numbers as it has cells after
    // the row before it: a reading order that printed the row's label after its numbers
    // (`149` / `3010869.24` / `政府集中采购`). Which row they are is a guess, flagged.
    let last = queue.front().copied().filter(|_| queue.len() == 1);
    if let (Some(i), Some(tail)) = (last, orphans.get(orphans_since_fed..)) {
        let fits = !tail.is_empty() && specs.get(i).is_some_and(|s| s.cells.len() == tail.len());
        if let Some(f) = fed.get_mut(i).filter(|_| fits) {
            f.vals = Some(tail.to_vec());
            f.shared = true;
            orphans.truncate(orphans_since_fed);
            queue.clear();
        }
    }
    if fed.iter().all(|f| f.vals.is_none()) {
        return None;
    }
    // Rows named last, with no values after them, were passed over too: blank, or, where
    // numbers outside any row are left, unread (their numbers may be those), doubted.
    for &i in &queue {
        if let Some(f) = fed.get_mut(i) {
            f.skipped = true;
            f.doubted = !orphans.is_empty();
        }
    }

    let shapes: Vec<Shape<'_>> = specs.iter().map(|s| Shape { kinds: s.cells, sums: &[] }).collect();
    let first_columns = FirstColumns::learn(
        fed.iter()
            .zip(&shapes)
            .filter(|(f, _)| !f.shared)
            .filter_map(|(f, shape)| Some((f.label_col, f.vals.as_deref()?, shape))),
        None,
    );
    // Rows of delimited cells end in the same column as the other rows of their sub-table (or
    // of the table, for a sub-table of one row); one that does not lost or gained a cell.
    let table_last = columns::most_common(fed.iter().filter_map(Fed::last_col));
    let common_last = |spec: &ActiveSpec| {
        let group = specs.iter().zip(&fed).filter(|(other, _)| other.fields == spec.fields);
        let ends: Vec<u32> = group.filter_map(|(_, f)| f.last_col()).collect();
        if ends.len() >= 2 {
            columns::most_common(ends.into_iter())
        } else {
            table_last
        }
    };
    // The header of a sub-table: the extents of its columns' names.
    let header = |spec: &ActiveSpec, first: &Tok| {
        let labels: Vec<&str> = spec.fields.iter().map(|f| f.1).collect();
        columns::names_before(text, toks, first.span.0, &labels, measure)
    };
    let grid = aligned.then(|| grid_ends(&fed, specs, header)).flatten();
    let search_budget = std::cell::Cell::new(cells::TABLE_SEARCH_LIMIT);
    let mut readings: Vec<Reading> = Vec::new();
    let mut present: Vec<(usize, &ActiveSpec)> = Vec::new();
    for (i, ((f, spec), shape)) in fed.iter().zip(specs).zip(&shapes).enumerate() {
        if f.skipped {
            readings.push(passed_over(spec.cells.len(), aligned && !f.doubted));
            present.push((i, spec));
            continue;
        }
        let Some(vals) = &f.vals else { continue };
        // The numbers of every row of the sub-table.
        let sub_table = specs.iter().zip(&fed).filter(|(other, _)| other.fields == spec.fields);
        let numbers = sub_table.flat_map(|(_, f)| f.vals.iter().flatten().copied());
        // In aligned text a row of the same sub-table with every cell shows where the columns
        // are: its numbers' centres and extents. Else the sub-table's header, when it names
        // each column whole, its names widened to table 二's grid or to their numbers.
        let full = specs.iter().zip(&fed).find_map(|(other, f)| {
            let full = f
                .vals
                .as_ref()
                .filter(|v| v.len() == other.cells.len() && v.iter().all(|t| t.x.is_some()))?;
            (other.fields == spec.fields).then_some(full)
        });
        let model = full.and_then(|row| columns::from_row(row));
        let extents = match (full, vals.first()) {
            (Some(row), _) if model.is_some() => row.iter().map(|t| t.x).collect(),
            (_, Some(first)) if aligned && vals.len() < spec.cells.len() => header(spec, first).map(|n| {
                let wider = match &grid {
                    Some(grid) => columns::names_on_grid(&n, grid),
                    None => columns::widened(&n, numbers.clone()),
                };
                columns::if_right_aligned(n, wider, numbers.clone())
            }),
            _ => None,
        };
        let right_aligned = extents.as_deref().is_some_and(|e| columns::right_aligned(numbers, e));
        let misfit = matches!((f.last_col(), common_last(spec)), (Some(a), Some(b)) if a != b);
        let first_col = (!f.shared && !misfit).then(|| first_columns.get(f.label_col)).flatten();
        let hints = Hints {
            columns: model.as_deref(),
            names: extents.as_deref(),
            right_aligned,
            first_col,
            misfit,
            search_budget: Some(&search_budget),
            ..Hints::default()
        };
        let mut rd = cells::read(text, vals, shape, hints);
        rd.doubtful |= own_lines && vals.iter().any(|t| before_text(t));
        if f.shared {
            // Which numbers of a shared run are this row's is a guess.
            rd.how = How::Forced;
        }
        readings.push(rd);
        present.push((i, spec));
    }
    fill_from_orphans(&mut readings, &present, &orphans, diags, segs);
    for (rd, &(_, spec)) in readings.iter_mut().zip(&present) {
        if let Some(stock) = spec.stock {
            for cand in &mut rd.cands {
                cand.penalty += below_stock(&cand.cells, stock);
            }
        }
    }

    let resolved = resolve(&readings, &[]);
    let mut uncertain = Vec::new();
    let mut rows: Vec<(usize, Vec<Option<Decimal>>)> = Vec::new();
    for ((&(i, spec), cells), doubts) in present.iter().zip(resolved.cells).zip(&resolved.uncertain) {
        for (&(field, _), _) in spec.fields.iter().zip(doubts).filter(|(_, &doubt)| doubt || doubted) {
            uncertain.push(format!("active_disclosure.{}.{field}", spec.key));
        }
        rows.push((i, cells));
    }
    let table = build(edition, &rows);
    let used: Vec<&Tok> = fed.iter().filter_map(|f| f.vals.as_ref()).flatten().copied().collect();
    let layout = if readings.iter().any(|r| r.how == How::Glued) {
        Layout::Glued
    } else if fed.iter().any(|f| f.shared) {
        if column_major {
            Layout::ColumnMajor
        } else {
            Layout::ReadingOrder
        }
    } else {
        main_source(used.into_iter()).map_or(Layout::Aligned, |s| s.layout())
    };
    Some(Read { table, uncertain, layout })
}

/// Where the columns of table 二's grid end, in aligned text that puts its numbers right-aligned
/// on one grid: the ends of the numbers of a row with every cell of the widest sub-tables, or
/// else of the names in their header (`header`: names as wide as their columns, 本年新制作数量),
/// where every number of the table ends on one of them. A number ending on one of those ends
/// is in that column of the grid, in every sub-table.
fn grid_ends(
    fed: &[Fed<'_>],
    specs: &[ActiveSpec],
    header: impl Fn(&ActiveSpec, &Tok) -> Option<Vec<(u32, u32)>>,
) -> Option<Vec<u32>> {
    let widest = specs.iter().map(|s| s.cells.len()).max()?;
    let of_widest = || specs.iter().zip(fed).filter(|(spec, f)| spec.cells.len() == widest && !f.shared);
    let full_row = of_widest().find_map(|(_, f)| {
        let vals = f.vals.as_ref().filter(|v| v.len() == widest)?;
        vals.iter().map(|t| t.x.map(|(_, e)| e)).collect::<Option<Vec<u32>>>()
    });
    let named = || {
        of_widest().find_map(|(spec, f)| {
            let names = header(spec, f.vals.as_ref()?.first()?)?;
            Some(names.into_iter().map(|(_, e)| e).collect())
        })
    };
    let ends: Vec<u32> = full_row.or_else(named)?;
    let own = fed.iter().filter(|f| !f.shared).filter_map(|f| f.vals.as_ref()).flatten();
    let numbers = own.filter(|t| matches!(t.kind, Kind::Val(Some(_))));
    numbers.map(|t| t.x.map(|(_, e)| e)).all(|e| e.is_some_and(|e| ends.contains(&e))).then_some(ends)
}

/// The queued rows a run of `len` values feeds, and whether that is a guess. A row's values
/// follow its own label, so the last rows, nearest the run, whose cells it fills exactly; the
/// rows before them are passed over. Labels may also be listed before their numbers: all the
/// rows, or the first ones, whose cells the run fills exactly. When the first and the last
/// rows both fit, which it is is a guess. With no fit, the last row alone (a row short of
/// cells).
fn rows_fed(queue: &VecDeque<usize>, specs: &[ActiveSpec], len: usize) -> (Vec<usize>, bool) {
    let rows: Vec<usize> = queue.iter().copied().collect();
    let fits =
        |run: &[usize]| run.iter().map(|&i| specs.get(i).map_or(0, |s| s.cells.len())).sum::<usize>() == len;
    let last = (0..rows.len()).rev().filter_map(|k| rows.get(k..)).find(|run| fits(run));
    let first = (1..=rows.len()).rev().filter_map(|k| rows.get(..k)).find(|run| fits(run));
    match (last, first) {
        (Some(last), Some(first)) => (last.to_vec(), last != first),
        (Some(run), None) | (None, Some(run)) => (run.to_vec(), false),
        (None, None) => (rows.last().map(|&i| vec![i]).unwrap_or_default(), false),
    }
}

/// The reading of a row named with no values, passed over by the values that followed: in
/// aligned text a row of blank cells (a blank cell is spaces there), elsewhere cells lost —
/// blank, but not for sure.
fn passed_over(width: usize, aligned: bool) -> Reading {
    let cells = vec![Slot::Known(None); width];
    Reading {
        cands: vec![Cand { cells, penalty: 0.0 }],
        how: if aligned { How::Exact } else { How::Forced },
        doubtful: false,
    }
}

/// Splits a run feeding several rows of `widths` cells, row by row or column by column.
fn split_run<'t>(vals: &[&'t Tok], widths: &[usize], column_major: bool) -> Vec<Vec<&'t Tok>> {
    let same = widths.windows(2).all(|w| w.first() == w.last());
    if let (true, Some(&w)) = (column_major && same, widths.first()) {
        let rows = widths.len();
        return (0..rows).map(|r| (0..w).filter_map(|c| vals.get(c * rows + r).copied()).collect()).collect();
    }
    let mut out = Vec::new();
    let mut at = 0;
    for &w in widths {
        out.push(vals.get(at..at + w).map(<[_]>::to_vec).unwrap_or_default());
        at += w;
    }
    out
}

/// Gives values that came before any label to the rows found short of cells, in order, when
/// they are exactly as many as the cells missing.
fn fill_from_orphans(
    readings: &mut [Reading],
    present: &[(usize, &ActiveSpec)],
    orphans: &[&Tok],
    diags: &mut Diagnostics,
    segs: &[Segment<'_>],
) {
    if orphans.is_empty() {
        return;
    }
    let unknowns = |rd: &Reading| {
        rd.cands.first().map_or(0, |c| c.cells.iter().filter(|s| **s == Slot::Unknown).count())
    };
    let missing: usize = readings.iter().filter(|rd| rd.how == How::Missing).map(unknowns).sum();
    let at = segs.first().map_or(0, |s| s.at);
    if missing != orphans.len() {
        diags.at(
            "values_ignored",
            format!("table 二: {} number(s) outside any row were ignored", orphans.len()),
            at,
        );
        return;
    }
    let mut next = orphans.iter();
    let short = readings.iter_mut().zip(present).filter(|(rd, _)| rd.how == How::Missing);
    for (rd, &(_, spec)) in short {
        let wanted = unknowns(rd);
        let fill: Vec<Option<Decimal>> = next
            .by_ref()
            .take(wanted)
            .map(|t| match &t.kind {
                Kind::Val(Some(n)) => n.value,
                _ => None,
            })
            .collect();
        for cand in &mut rd.cands {
            let mut it = fill.iter();
            for (slot, kind) in cand.cells.iter_mut().zip(spec.cells) {
                if *slot == Slot::Unknown {
                    let v =
                        it.next().copied().flatten().filter(|d| *kind == CellKind::Amount || d.scale() == 0);
                    *slot = Slot::Known(v);
                }
            }
        }
        // Every placement stays a candidate; they differ, so the cells are reported uncertain.
        rd.cands.dedup_by(|a: &mut Cand, b: &mut Cand| a.cells == b.cells);
        diags.at(
            "cell_recovered",
            format!(
                "table 二, row {}: a cell written outside the table was put back; its place is a guess",
                spec.key
            ),
            at,
        );
    }
}

/// How many flows of a candidate exceed its stock cell.
fn below_stock(cells: &[Slot], stock: usize) -> f32 {
    let value = |s: &Slot| match s {
        Slot::Known(Some(d)) => d.as_int(),
        _ => None,
    };
    let Some(stock_value) = cells.get(stock).and_then(value) else {
        return 0.0;
    };
    cells.iter().enumerate().filter(|&(i, s)| i != stock && value(s).is_some_and(|v| v > stock_value)).count()
        as f32
}

fn int(v: Option<Decimal>) -> Option<i64> {
    v.and_then(|d| d.as_int())
}

fn count(v: Option<Decimal>) -> Option<u64> {
    int(v).and_then(|i| u64::try_from(i).ok())
}

/// The typed table from the cells of the rows present (`(row index, cells)`).
fn build(edition: Edition, rows: &[(usize, Vec<Option<Decimal>>)]) -> ActiveDisclosure {
    let cell = |row: usize, c: usize| -> Option<Option<Decimal>> {
        rows.iter().find(|(i, _)| *i == row).map(|(_, cells)| cells.get(c).copied().flatten())
    };
    let present = |row: usize| rows.iter().any(|(i, _)| *i == row);
    let docs = |row: usize| {
        present(row).then(|| Documents {
            issued: count(cell(row, 0).flatten()),
            repealed: count(cell(row, 1).flatten()),
            in_force: count(cell(row, 2).flatten()),
        })
    };
    let docs19 = |row: usize| {
        present(row).then(|| Documents2019 {
            newly_made: count(cell(row, 0).flatten()),
            newly_published: count(cell(row, 1).flatten()),
            total_published: count(cell(row, 2).flatten()),
        })
    };
    let items = |row: usize| {
        present(row).then(|| Items2019 {
            previous_items: int(cell(row, 0).flatten()),
            change: int(cell(row, 1).flatten()),
            decisions: int(cell(row, 2).flatten()),
        })
    };
    let decisions = |row: usize| present(row).then(|| Decisions { decisions: count(cell(row, 0).flatten()) });
    match edition {
        Edition::E2021 => ActiveDisclosure::E2021(ActiveDisclosure2021 {
            regulations: docs(0),
            normative_documents: docs(1),
            licensing: decisions(2),
            penalty: decisions(3),
            coercion: decisions(4),
            fees: present(5).then(|| Fees { amount: cell(5, 0).flatten() }),
        }),
        Edition::E2019 => ActiveDisclosure::E2019(ActiveDisclosure2019 {
            regulations: docs19(0),
            normative_documents: docs19(1),
            licensing: items(2),
            other_services: items(3),
            penalty: items(4),
            coercion: items(5),
            fees: present(6).then(|| Fees2019 {
                previous_items: int(cell(6, 0).flatten()),
                change: int(cell(6, 1).flatten()),
            }),
            procurement: present(7)
                .then(|| Procurement { projects: count(cell(7, 0).flatten()), amount: cell(7, 1).flatten() }),
        }),
    }
}

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

use crate::cells::{self, Hints, How, LabelPlace, Reading, Shape, Sum};
use crate::columns::{self, FirstColumns};
use crate::layout::{main_source, Columns, Kind, Region, Segment, Source, Tok};
use crate::model::{Applicant, Applicants, Edition, Layout, RequestRow, Requests};
use crate::report::Diagnostics;
use crate::solve::{resolve, Identity};
use crate::template::{request_cues, request_index, CellKind, NearLabel};

const COLS: usize = 7;
const KINDS: [CellKind; COLS] = [CellKind::Count; COLS];
/// The columns' names, as a header that writes them whole has them.
const NAMES: [&str; COLS] =
    ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"];
/// How the header names each column, as [`columns::from_header`] looks for it.
const HEADER: [&[&str]; COLS] = [
    &["自然", "自"],
    &["商业", "商"],
    &["科研", "科"],
    &["社会", "社"],
    &["法律", "法"],
    &["其他", "其"],
    &["总计", "总"],
];
const ROW_SUM: [Sum; 1] = [Sum { parts: 0..6, total: 6 }];
const SHAPE: Shape<'static> = Shape { kinds: &KINDS, sums: &ROW_SUM };

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
    /// A row of aligned text named on a line of its own, with no number: every cell blank.
    Blank,
}

struct Obs<'t> {
    label: String,
    vals: Vec<&'t Tok>,
    at: usize,
    origin: Origin,
    /// For a row printed on two lines of aligned text, how many values the first line holds.
    split: Option<usize>,
    /// The column of its label, in a row of delimited cells.
    label_col: Option<u32>,
}

impl Obs<'_> {
    fn numeric(&self) -> bool {
        self.vals.iter().any(|t| matches!(t.kind, Kind::Val(Some(_))))
    }
}

/// Reads table 三 from the segments of its region of the working text `text`.
pub(crate) fn read(
    text: &str,
    region: &Region,
    segs: &[Segment<'_>],
    measure: &Columns<'_>,
    hint: Option<Edition>,
    diags: &mut Diagnostics,
) -> Option<Read> {
    let (toks, doubted) = (region.toks.as_slice(), region.doubted);
    // Not a single value: the rows are named and blank, or their numbers were lost.
    let unwritten = segs.iter().all(|s| s.vals.is_empty());
    let obs = observe(text, segs, unwritten);
    if obs.is_empty() {
        return None;
    }
    let scores = label_scores(&obs);
    let (edition, assignment) = [Edition::E2021, Edition::E2019]
        .into_iter()
        .map(|e| {
            let (score, a) = align(&obs, &scores, e);
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
    let present: Vec<(RequestRow, usize, &Obs<'_>)> = rows
        .iter()
        .zip(&assignment)
        .filter_map(|(&r, a)| a.and_then(|i| Some((r, i, obs.get(i)?))))
        .collect();
    let observed: Vec<&[&Tok]> = obs.iter().map(|o| o.vals.as_slice()).collect();
    let rows_of_cells = || obs.iter().filter(|o| o.origin == Origin::Row);
    // Rows of delimited cells end in the same column; one that does not lost or gained a cell
    // (or was trimmed). Failing what other rows say, a row that ends there has its values in
    // the last seven columns (each cell of table 三 is one column wide).
    let last_col = |o: &Obs<'_>| o.vals.last().and_then(|t| t.col);
    let grid_last = columns::most_common(rows_of_cells().filter_map(last_col));
    // Where values start is learnt from the rows that end on the grid: a label's tail wrapped
    // onto a line of its own (`请\t0\t\t1…`) starts its values early, having lost the cells
    // before them to the line above.
    let first_columns = FirstColumns::learn(
        rows_of_cells()
            .filter(|o| grid_last.is_none() || last_col(o) == grid_last)
            .map(|o| (o.label_col, &o.vals[..], &SHAPE)),
        grid_last,
    );
    // A PDF extractor's columns shift from page to page (pages end in a form feed): a row is
    // placed by the columns of its own page.
    let (lo, hi) = (toks.first().map_or(0, |t| t.span.0), toks.last().map_or(0, |t| t.span.1));
    let breaks: Vec<usize> =
        text.get(lo..hi).map(|r| r.match_indices('\u{c}').map(|(b, _)| lo + b).collect()).unwrap_or_default();
    let page_at = |at: usize| breaks.partition_point(|&b| b < at);
    let pages: Vec<usize> = obs.iter().map(|o| page_at(o.vals.first().map_or(o.at, |t| t.span.0))).collect();
    // Aligned text with no row in every column: only the header says where columns are, on
    // its page.
    let header_page = toks.iter().find(|t| matches!(t.kind, Kind::Val(Some(_)))).map(|t| page_at(t.span.0));
    let on_header_page = |i: usize| pages.get(i) == header_page.as_ref();
    let rule_windows = columns::rule_windows(&observed, COLS);
    let header = columns::header(text, toks, measure);
    let names = columns::named_columns(&header, &NAMES, toks);
    let right_aligned = names.as_deref().is_some_and(|n| columns::right_aligned(toks, n));
    let on_page: Vec<&[&Tok]> =
        observed.iter().enumerate().filter(|&(i, _)| on_header_page(i)).map(|(_, r)| *r).collect();
    let header_model = columns::from_header(&header, &HEADER).map(|m| columns::shifted_to_last(m, &on_page));
    // Rows of one rank (一、…, （一）…, 1.…) have their labels in one column of a grid; a row
    // whose label stands elsewhere than the other rows of its rank have theirs was moved by a
    // cell lost or gained before it (a row alone of its rank says nothing).
    let usual_label_col = |row: RequestRow, i: usize| {
        let others = present
            .iter()
            .filter(|&&(r, j, o)| j != i && o.origin == Origin::Row && rank_of(r) == rank_of(row));
        columns::most_common(others.filter_map(|(_, _, o)| o.label_col))
    };
    let search_budget = std::cell::Cell::new(cells::TABLE_SEARCH_LIMIT);
    // Aligned text that puts text where the table's numbers stand, on the lines of a row read
    // as blank, holds cells it could not read (digits an OCR took for characters), not blanks.
    // Not the header's lines, which blank rows before the first number share a segment with.
    let first_value = toks.iter().position(|t| matches!(t.kind, Kind::Val(Some(_))));
    let names_a_column = |t: &Tok| {
        text.get(t.span.0..t.span.1).is_some_and(|s| s.split_whitespace().any(|w| NAMES.contains(&w)))
    };
    let before_values = toks.get(..first_value.unwrap_or(0)).unwrap_or(&[]);
    let header_end = before_values.iter().filter(|t| matches!(t.kind, Kind::Text) && names_a_column(t));
    let header_end = header_end.map(|t| t.span.1).max().unwrap_or(0);
    let values_left =
        toks.iter().filter(|t| matches!(t.kind, Kind::Val(Some(_)))).filter_map(|t| t.x).map(|x| x.0).min();
    let unreadable = |i: usize, o: &Obs<'_>| {
        let Some(left) = values_left else { return false };
        let end = obs.iter().skip(i + 1).map(|n| n.at).find(|&a| a > o.at).unwrap_or(usize::MAX);
        let from = toks.partition_point(|t| t.span.0 < o.at.max(header_end));
        let mut lines = toks.iter().skip(from).take_while(|t| t.span.0 < end);
        lines.any(|t| matches!(t.kind, Kind::Text) && t.x.is_some_and(|x| x.1 > left))
    };
    let readings: Vec<Reading> = present
        .iter()
        .map(|&(row, i, o)| match o.origin {
            Origin::Blank => blank_row(unreadable(i, o)),
            _ => match o.split.and_then(|k| o.vals.split_at_checked(k)) {
                Some((first, second)) => cells::interleaved(first, second, &SHAPE),
                None => {
                    let nearest = columns::nearest(&observed, &pages, i, COLS);
                    let loose = nearest.is_none();
                    let columns = nearest.or_else(|| header_model.clone().filter(|_| on_header_page(i)));
                    let last = last_col(o);
                    let misfit = last.is_some() && grid_last.is_some() && last != grid_last;
                    let first_col = first_columns
                        .get(o.label_col)
                        .or_else(|| (last? + 1).checked_sub(COLS as u32))
                        .filter(|_| !misfit);
                    let names = names.as_deref().filter(|_| on_header_page(i));
                    let rule_from = rule_windows.get(i).copied().flatten();
                    let usual = usual_label_col(row, i);
                    let label = match (o.label_col, usual) {
                        (Some(a), Some(b)) if a == b => LabelPlace::Usual,
                        (Some(_), Some(_)) => LabelPlace::Moved,
                        _ => LabelPlace::Unknown,
                    };
                    let hints = Hints {
                        columns: columns.as_deref(),
                        rule_from,
                        names,
                        right_aligned,
                        loose,
                        first_col,
                        misfit,
                        label,
                        search_budget: Some(&search_budget),
                    };
                    cells::read(text, &o.vals, &SHAPE, hints)
                }
            },
        })
        .collect();
    let identities = identities(&present.iter().map(|&(row, ..)| row).collect::<Vec<_>>());
    let resolved = resolve(&readings, &identities);

    let mut table = Requests::default();
    let mut uncertain = Vec::new();
    let solved = resolved.cells.iter().zip(&resolved.uncertain).zip(&readings);
    for (&(row, _, o), ((values, doubts), rd)) in present.iter().zip(solved) {
        let mut cells = Applicants::default();
        for ((&col, value), &doubt) in Applicant::ALL.iter().zip(values).zip(doubts) {
            *cells.get_mut(col) = value.and_then(|d| d.as_int()).and_then(|i| u64::try_from(i).ok());
            if doubt || unwritten || doubted {
                uncertain.push(format!("requests.{}.{}", row.key(), col.key()));
            }
        }
        *table.get_mut(row) = Some(cells);
        explain(row, o, rd, diags);
    }
    if unwritten {
        diags.at(
            "cells_doubtful",
            "table 三: its rows are named but not one value; every cell is read as blank".into(),
            segs.first().map_or(0, |s| s.at),
        );
    }
    // A row the source names but whose numbers could not be told apart from its neighbours'
    // (a reading-order dump of a table with blank cells) is there, unread: every cell null and
    // uncertain; so is every row of a table read in part, or damaged, which may have lost the
    // row's name. A row the source does not name is left out.
    let named = named_anywhere(segs, edition);
    for (&row, _) in rows.iter().zip(&assignment).filter(|(_, a)| a.is_none()) {
        if named.contains(&row) || doubted {
            *table.get_mut(row) = Some(Applicants::default());
            uncertain.extend(Applicant::ALL.iter().map(|c| format!("requests.{}.{}", row.key(), c.key())));
            let why = if named.contains(&row) { "names" } else { "may have lost the name of" };
            diags.note(
                "row_unread",
                format!(
                    "table 三 {why} row {} ({}) but its numbers could not be attributed to it",
                    row.key(),
                    row.label()
                ),
            );
        } else {
            diags.note(
                "row_missing",
                format!("table 三 has no row {} ({}) in the source", row.key(), row.label()),
            );
        }
    }
    let mut used = vec![false; obs.len()];
    for &i in assignment.iter().flatten() {
        if let Some(u) = used.get_mut(i) {
            *u = true;
        }
    }
    // Numbers that no row took may be those of a row next to them read as blank, whose
    // name was written apart from its numbers (`3.要求提供` / numbers / `公开出版物`).
    let unused_numbers = |i: usize| obs.get(i).is_some_and(|o| o.numeric()) && used.get(i) == Some(&false);
    for &(row, i, o) in &present {
        let beside = [i.checked_sub(1), i.checked_add(1)].into_iter().flatten().any(unused_numbers);
        if o.origin == Origin::Blank && beside {
            uncertain.extend(Applicant::ALL.iter().map(|c| format!("requests.{}.{}", row.key(), c.key())));
        }
    }
    // Keep the uncertain paths in template order.
    uncertain.sort_by_key(|p| {
        let row = p.split('.').nth(1).unwrap_or("");
        let col = p.split('.').nth(2).unwrap_or("");
        (
            RequestRow::ALL.iter().position(|r| r.key() == row),
            Applicant::ALL.iter().position(|c| c.key() == col),
        )
    });
    uncertain.dedup();
    if let Some(o) = obs.iter().zip(&used).find(|(o, &u)| !u && o.numeric()).map(|(o, _)| o) {
        diags.at(
            "values_ignored",
            "numbers in table 三 that belong to no row of the template were ignored".into(),
            o.at,
        );
    }
    let layout = layout_of(&obs, &assignment, &readings);
    Some(Read { table, edition, uncertain, layout })
}

/// The reading of a row whose cells are all blank in the source.
/// A row's rank in the template's hierarchy of labels: 0 for 一、二、四、, 1 for the (一)…(七)
/// results that stand alone, 2 for the numbered rows under (三)…(六).
fn rank_of(row: RequestRow) -> usize {
    match row {
        RequestRow::NewReceived | RequestRow::CarriedOver | RequestRow::CarriedForward => 0,
        RequestRow::Disclosed
        | RequestRow::PartiallyDisclosed
        | RequestRow::Other
        | RequestRow::TotalProcessed => 1,
        _ => 2,
    }
}

/// A row of aligned text named on a line of its own: every cell blank, as aligned text writes
/// a blank cell, unless `unreadable` (text stands where its numbers would).
fn blank_row(unreadable: bool) -> Reading {
    Reading {
        cands: vec![cells::Cand { cells: vec![cells::Slot::Known(None); COLS], penalty: 0.0 }],
        how: How::Exact,
        doubtful: unreadable,
    }
}

/// The template identities among the rows present: row sums, column balance, results sum.
fn identities(present: &[RequestRow]) -> Vec<Identity> {
    let index = |row: RequestRow| present.iter().position(|&r| r == row);
    let mut ids = Vec::new();
    for k in 0..present.len() {
        ids.push(Identity { lhs: (0..6).map(|c| (k, c)).collect(), rhs: vec![(k, 6)] });
    }
    let (nr, co, tp, cf) = (
        index(RequestRow::NewReceived),
        index(RequestRow::CarriedOver),
        index(RequestRow::TotalProcessed),
        index(RequestRow::CarriedForward),
    );
    let results: Vec<usize> =
        present.iter().enumerate().filter(|(_, r)| r.is_result()).map(|(k, _)| k).collect();
    for c in 0..COLS {
        if let (Some(nr), Some(co), Some(tp), Some(cf)) = (nr, co, tp, cf) {
            ids.push(Identity { lhs: vec![(nr, c), (co, c)], rhs: vec![(tp, c), (cf, c)] });
        }
        if let (Some(tp), false) = (tp, results.is_empty()) {
            ids.push(Identity { lhs: results.iter().map(|&k| (k, c)).collect(), rhs: vec![(tp, c)] });
        }
    }
    ids
}

/// Says how a row was read when it was not read as written.
fn explain(row: RequestRow, o: &Obs<'_>, rd: &Reading, diags: &mut Diagnostics) {
    let (code, what) = match rd.how {
        How::Exact | How::Window | How::Padded => return,
        How::Glued => ("glued_split", "its digits were glued together and were split by the template's sums"),
        How::Missing => (
            "cell_recovered",
            "it has fewer cells than the template; the missing ones were placed by the arithmetic",
        ),
        How::Dropped => {
            ("cells_doubtful", "it has more numbers than cells; the strays were dropped by the arithmetic")
        }
        How::Reordered => ("cells_doubtful", "its values were put back in order by the arithmetic"),
        How::Positioned | How::Aligned => (
            "cells_placed",
            "its numbers were placed under their columns by where they stand; the other cells are blank",
        ),
        How::Spread => (
            "cells_doubtful",
            "it has fewer numbers than cells in text that does not show blank cells; where they stand \
             was chosen by the arithmetic",
        ),
        How::Forced => ("cells_doubtful", "its cells could not be read with certainty"),
    };
    diags.at(code, format!("table 三, row {}: {what}", row.key()), o.at);
}

fn layout_of(obs: &[Obs<'_>], assignment: &[Option<usize>], readings: &[Reading]) -> Layout {
    let used: Vec<&Obs<'_>> = assignment
        .iter()
        .flatten()
        .filter_map(|&i| obs.get(i))
        .filter(|o| o.origin != Origin::Blank)
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
    main_source(used.iter().flat_map(|o| o.vals.iter().copied())).map_or(Layout::Aligned, |s| s.layout())
}

/// The observed rows of the region. A table without a single value (`unwritten`) is read like
/// aligned text, which writes blank cells as nothing: its rows are all blank.
fn observe<'t>(text: &str, segs: &[Segment<'t>], unwritten: bool) -> Vec<Obs<'t>> {
    let mut out: Vec<Obs<'t>> = Vec::new();
    let mut aligned = unwritten;
    for seg in segs {
        // In aligned text a row whose cells are all blank is its label alone on a line: when a
        // label names several rows before numbers, all but the last name blank rows.
        let mut label = seg.label.clone();
        aligned = seg.vals.first().map_or(aligned, |t| t.source == Source::Aligned);
        // Where the label's last ordinal starts in `label`.
        let mut last_ordinal = seg.ordinals.last().copied();
        // In aligned text a label wraps around its row's numbers (`1.属于` / numbers /
        // `国家秘密`): what comes before the next ordinal ends the row above.
        if let (true, Some(&cut), Some(prev)) = (aligned, seg.ordinals.first(), out.last_mut()) {
            if cut > 0 && prev.origin != Origin::Blank {
                prev.label.push_str(label.get(..cut).unwrap_or(""));
                label = label.get(cut..).unwrap_or("").to_string();
                last_ordinal = last_ordinal.map(|o| o.saturating_sub(cut));
            }
        }
        if aligned {
            let named = most_named(&label);
            // The numbers are the row of the last ordinal, even where its name was cut short
            // (`6.属于四类过程性信息` / `7.属于行政执法  1 … 1` / … / `案卷`): rows named in
            // full before it are blank.
            let owner_unnamed = last_ordinal.zip(named.last()).is_some_and(|(o, n)| o >= n.end);
            let blanks = if seg.vals.is_empty() || owner_unnamed {
                named.len()
            } else {
                named.len().saturating_sub(1)
            };
            // A row named from its start carries its ordinal (`1.`, `（六）`, `四、`); a name
            // without one is the end of a label wrapped past its numbers (`…重新出 / 1 0 … /
            // 具已获取信息`), not a row.
            let blanks = named.iter().take(blanks).take_while(|n| n.ordinal).count();
            let whole = label.clone();
            for n in named.iter().take(blanks) {
                let label = whole.get(n.start..n.end).unwrap_or("").to_string();
                out.push(Obs {
                    label,
                    vals: Vec::new(),
                    at: seg.at,
                    origin: Origin::Blank,
                    split: None,
                    label_col: None,
                });
            }
            if let Some(cut) = blanks.checked_sub(1).and_then(|b| named.get(b)).map(|n| n.end) {
                label = whole.get(cut..).unwrap_or("").to_string();
            }
        }
        if let Some(vals) = read_two_flows(text, &seg.vals, &mut out) {
            let (at, label_col) = (seg.at, seg.label_col);
            out.push(Obs { label, vals, at, origin: Origin::ColumnMajor, split: None, label_col });
            continue;
        }
        let mut rows = physical_rows(&seg.vals);
        // A PDF extractor prints a tall row's cells on the lines where each is centred, so
        // the rest of a row short of cells may come after a piece of label text (the end of
        // a label wrapped beside the numbers): `…需要另行制作  0  0` over `提供  0 0 0 0 0`.
        // A piece, not a label: no ordinal, no row named.
        let continues = aligned && seg.ordinals.is_empty() && most_named(&label).is_empty();
        // Two rows of text that hides blanks look the same, but each has a total, in the last
        // column: the two lines' numbers must stand in columns all their own.
        if let (true, Some(prev), Some((first, None))) = (continues, out.last_mut(), rows.first()) {
            let short = prev.origin == Origin::Row && prev.split.is_none() && prev.vals.len() < COLS;
            let all_aligned = prev.vals.iter().chain(first).all(|t| t.source == Source::Aligned);
            let apart = columns::apart(prev.vals.iter().chain(first).copied());
            if short && all_aligned && apart && prev.vals.len() + first.len() == COLS {
                prev.split = Some(prev.vals.len());
                prev.vals.extend(first);
                prev.label.push_str(&label);
                label.clear();
                rows.remove(0);
            }
        }
        for (n, (piece, split)) in rows.into_iter().enumerate() {
            let (label, label_col) =
                if n == 0 { (std::mem::take(&mut label), seg.label_col) } else { (String::new(), None) };
            let at = if n == 0 { seg.at } else { piece.first().map_or(seg.at, |t| t.span.0) };
            let streamed = !piece.first().is_some_and(|t| t.row_start);
            if streamed && piece.len() > COLS && piece.len() % COLS == 0 {
                chunk(text, label, piece, at, &mut out);
            } else {
                out.push(Obs { label, vals: piece, at, origin: Origin::Row, split, label_col });
            }
        }
    }
    out
}

/// Cuts a segment's values where the source starts a new row, and joins back a row that line
/// breaks cut in pieces. A row joined from two lines of aligned text comes with the length of
/// its first line: the lines' values may interleave.
fn physical_rows<'t>(vals: &[&'t Tok]) -> Vec<(Vec<&'t Tok>, Option<usize>)> {
    let mut pieces: Vec<Vec<&'t Tok>> = Vec::new();
    for (i, &t) in vals.iter().enumerate() {
        if i == 0 || t.row_start {
            pieces.push(Vec::new());
        }
        if let Some(p) = pieces.last_mut() {
            p.push(t);
        }
    }
    let mut merged: Vec<(Vec<&'t Tok>, Option<usize>)> = Vec::new();
    let mut i = 0;
    while let Some(p) = pieces.get(i) {
        // The lines that make up exactly one row, each short of it: a PDF extractor's reading
        // order may print a row as its first number beside the label, the next five, the total.
        let mut len = p.len();
        let mut end = i + 1;
        while let Some(q) = pieces.get(end).filter(|q| len < COLS && len + q.len() <= COLS) {
            len += q.len();
            end += 1;
        }
        let lines = pieces.get(i..end).unwrap_or(&[]);
        let aligned = lines.iter().flatten().all(|t| t.source == Source::Aligned);
        // Aligned text's lines may interleave their values: only two are joined, as read.
        if len == COLS && lines.len() > 1 && !(aligned && lines.len() > 2) {
            merged.push((lines.concat(), aligned.then_some(p.len())));
            i = end;
        } else {
            merged.push((p.clone(), None));
            i += 1;
        }
    }
    merged
}

/// A table whose first columns and other columns an extractor read as separate flows of text
/// (pdftotext's reading order, a table across two text boxes): `k` rows show only their first
/// `m` cells beside their labels, and beside the last row's label come the other columns' cells
/// of all `k` rows, column by column, with that row's own `m` before or after them. `vals` are
/// the last row's values; when they number `m + k × (7 − m)`, the `k − 1` rows before them show
/// `m` values each (and the row above those does not), and the row sums hold with the columns
/// read that way, one way only, and better than row by row, the `k − 1` rows are rebuilt in
/// place and the last row's values returned.
fn read_two_flows<'t>(text: &str, vals: &[&'t Tok], out: &mut [Obs<'t>]) -> Option<Vec<&'t Tok>> {
    let m = out.last().map(|o| o.vals.len()).filter(|&m| 0 < m && m < COLS)?;
    let short = |o: &Obs<'_>| o.origin == Origin::Row && o.split.is_none() && o.vals.len() == m;
    if vals.len() <= COLS || (vals.len() - m) % (COLS - m) != 0 {
        return None;
    }
    let k = (vals.len() - m) / (COLS - m);
    let start = out.len().checked_sub(k.checked_sub(1).filter(|&above| above > 0)?)?;
    let run_ends = start.checked_sub(1).and_then(|s| out.get(s)).is_none_or(|o| !short(o));
    if !run_ends || !out.get(start..).is_some_and(|run| run.iter().all(short)) {
        return None;
    }
    let obeys = |row: &Vec<&Tok>| {
        let rd = cells::read(text, row, &SHAPE, Hints::default());
        rd.how == How::Exact && rd.cands.iter().all(|c| cells::obeys_sums(&c.cells, &SHAPE))
    };
    // The rows with the last one's own values first or last, its other columns read column by
    // column, and row by row for comparison.
    let read = |own: &[&'t Tok], tail: &[&'t Tok]| {
        let first = |r: usize| out.get(start + r).map_or(own, |o| o.vals.as_slice()).iter().copied();
        let rebuild = |at: &dyn Fn(usize, usize) -> usize| -> Vec<Vec<&'t Tok>> {
            let rest = |r: usize| (0..COLS - m).filter_map(move |c| tail.get(at(r, c)).copied());
            (0..k).map(|r| first(r).chain(rest(r)).collect()).collect()
        };
        let by_cols = rebuild(&|r, c| c * k + r);
        let by_rows = rebuild(&|r, c| r * (COLS - m) + c);
        let better = sums_holding(text, &by_cols) > sums_holding(text, &by_rows);
        (by_cols.iter().all(obeys) && better).then_some(by_cols)
    };
    let (front, back) = (vals.split_at(m), vals.split_at(vals.len() - m));
    let mut readings = [read(front.0, front.1), read(back.1, back.0)].into_iter().flatten();
    let (Some(by_cols), None) = (readings.next(), readings.next()) else { return None };
    let mut rows = by_cols.into_iter();
    for (o, vals) in out.iter_mut().skip(start).zip(rows.by_ref()) {
        (o.vals, o.origin) = (vals, Origin::ColumnMajor);
    }
    rows.next()
}

/// Several rows' values after one label: row by row, or column by column when the label text
/// names as many rows and the row sums hold only that way.
fn chunk<'t>(text: &str, label: String, vals: Vec<&'t Tok>, at: usize, out: &mut Vec<Obs<'t>>) {
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
        let by_cols: Vec<Vec<&'t Tok>> =
            (0..k).map(|r| (0..COLS).filter_map(|c| vals.get(c * k + r).copied()).collect()).collect();
        if sums_holding(text, &by_cols) > sums_holding(text, &by_rows) {
            // The labels were listed in row order before the numbers.
            // The last k names, one per row.
            for (vals, n) in by_cols.into_iter().zip(named.iter().skip(named.len() - k)) {
                let label = label.get(n.start..n.end).unwrap_or("").to_string();
                out.push(Obs { label, vals, at, origin: Origin::ColumnMajor, split: None, label_col: None });
            }
            return;
        }
    }
    for (r, vals) in by_rows.into_iter().enumerate() {
        let label = if r == 0 { label.clone() } else { String::new() };
        out.push(Obs { label, vals, at, origin: Origin::Chunk, split: None, label_col: None });
    }
}

/// The rows `label` names for sure, in the edition that names more of them.
fn most_named(label: &str) -> Vec<Named> {
    let (a, b) = (named_rows(label, Edition::E2021), named_rows(label, Edition::E2019));
    if b.len() > a.len() {
        b
    } else {
        a
    }
}

/// The rows of `edition` that some label of the region names for sure.
fn named_anywhere(segs: &[Segment<'_>], edition: Edition) -> Vec<RequestRow> {
    let mut hits = Vec::new();
    let mut out = Vec::new();
    for seg in segs {
        request_index().hits(&seg.label, &mut hits);
        for &row in hits.iter().filter(|h| h.weight >= STRONG).filter_map(|h| RequestRow::ALL.get(h.row)) {
            if RequestRow::rows(edition).any(|r| r == row) && !out.contains(&row) {
                out.push(row);
            }
        }
    }
    out
}

/// A span of a label that names a row of the template.
#[derive(Clone, Copy, Debug)]
struct Named {
    start: usize,
    end: usize,
    /// An ordinal stands before the name within the span.
    ordinal: bool,
}

/// The spans of `label` that name distinct template rows of `edition` for sure, in order. A
/// row named twice in a row (`部分公开（区分处理的…` has two cues) counts once.
fn named_rows(label: &str, edition: Edition) -> Vec<Named> {
    let mut hits = Vec::new();
    request_index().hits(label, &mut hits);
    let in_edition =
        |i: usize| RequestRow::ALL.get(i).is_some_and(|&a| RequestRow::rows(edition).any(|r| r == a));
    hits.retain(|h| h.weight >= STRONG && in_edition(h.row));
    let mut out: Vec<Named> = Vec::new();
    let (mut start, mut last) = (0, None);
    let is_ordinal = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
    // Each time, the match that ends first among those after the previous one.
    while let Some(h) = hits.iter().filter(|h| h.start >= start).min_by_key(|h| h.end) {
        let ordinal = label.get(start..h.start).is_some_and(|before| before.chars().any(is_ordinal))
            || label.get(h.start..h.end).is_some_and(|name| name.starts_with(is_ordinal));
        match out.last_mut() {
            Some(prev) if last == Some(h.row) => prev.end = h.end,
            _ => out.push(Named { start, end: h.end, ordinal }),
        }
        last = Some(h.row);
        start = h.end;
    }
    out
}

/// How many rows of seven obey their row sum (and are not all zero or blank, which proves
/// nothing).
fn sums_holding(text: &str, rows: &[Vec<&Tok>]) -> usize {
    rows.iter()
        .filter(|r| {
            let rd = cells::read(text, r, &SHAPE, Hints::default());
            rd.how == How::Exact
                && rd.cands.iter().all(|c| {
                    cells::obeys_sums(&c.cells, &SHAPE)
                        && c.cells
                            .iter()
                            .any(|s| matches!(s, cells::Slot::Known(Some(d)) if d.as_int() != Some(0)))
                })
        })
        .count()
}

/// How well each observed row's label matches each row of the template (the rows of both
/// editions, indexed like [`RequestRow::ALL`]); 0 below a match.
fn label_scores(obs: &[Obs<'_>]) -> Vec<Vec<f32>> {
    let rows = RequestRow::ALL.len();
    let mut hits = Vec::new();
    obs.iter()
        .map(|o| {
            let mut best = request_index().best(&o.label, rows, &mut hits);
            // Near matches (OCR slips) only for a row of numbers whose label names no row exactly.
            if best.iter().all(Option::is_none) && !o.label.is_empty() && o.numeric() {
                let near = NearLabel::new(&o.label);
                best = RequestRow::ALL.iter().map(|&r| near.score(request_cues(r))).collect();
            }
            best.into_iter()
                .map(|b| match b {
                    Some((s, end)) if s >= MATCH => {
                        // A cue far from the end of a long label is a leftover of earlier rows.
                        let tail = o.label.get(end..).map_or(0, |t| t.chars().count()) as f32;
                        s - (tail / 60.0).min(0.3)
                    }
                    _ => 0.0,
                })
                .collect()
        })
        .collect()
}

/// Aligns observed rows to the rows of `edition`: the alignment's score and, per template
/// row, the observed row assigned to it.
// A dynamic program over tables of (n + 1) × (m + 1): every index is bounded by its loop
// (i ≤ n, j ≤ m; `gain` and `skip_obs` take i < n, j < m), as indexing says best.
#[allow(clippy::indexing_slicing)]
fn align(obs: &[Obs<'_>], all_scores: &[Vec<f32>], edition: Edition) -> (f32, Vec<Option<usize>>) {
    let rows: Vec<usize> =
        RequestRow::rows(edition).filter_map(|r| RequestRow::ALL.iter().position(|&a| a == r)).collect();
    let (n, m) = (obs.len(), rows.len());
    let at = |v: &[f32], i: usize| v.get(i).copied().unwrap_or(0.0);
    // The scores of this edition's rows, n × m, flat: (i, j) at i * m + j.
    let scores: Vec<f32> = all_scores
        .iter()
        .take(n)
        .flat_map(|s| rows.iter().map(move |&r| s.get(r).copied().unwrap_or(0.0)))
        .collect();
    let score = |i: usize, j: usize| at(&scores, i * m + j);
    let best: Vec<f32> = (0..n).map(|i| (0..m).map(|j| score(i, j)).fold(0.0, f32::max)).collect();
    // How well a row's number of cells fits the template's seven.
    let fit: Vec<f32> = obs
        .iter()
        .map(|o| {
            if o.vals.len() == COLS {
                0.5
            } else {
                -0.3 * (o.vals.len() as f32 - COLS as f32).abs().min(3.0)
            }
        })
        .collect();
    let numeric: Vec<bool> = obs.iter().map(Obs::numeric).collect();
    // What a row gains matched to a template row its label does not name, and skipped.
    let (unnamed, skip_obs): (Vec<f32>, Vec<f32>) = (0..n)
        .map(|i| {
            if at(&best, i) >= MATCH {
                (-4.0, -3.0)
            } else if numeric.get(i) == Some(&true) {
                (0.8 + at(&fit, i), -0.6)
            } else {
                // Neither a name nor a number: a header's padding or a wrapped label's second line.
                (-1.0, 0.0)
            }
        })
        .unzip();
    let gain = |i: usize, j: usize| -> f32 {
        let s = score(i, j);
        if s >= MATCH {
            2.0 + 3.0 * s + at(&fit, i)
        } else {
            at(&unnamed, i)
        }
    };
    const SKIP_ROW: f32 = -0.4;
    const MATCH_STEP: u8 = 1;
    const SKIP_OBS: u8 = 2;
    const SKIP_TEMPLATE: u8 = 3;
    // The program's tables, (n + 1) × (m + 1), flat: (i, j) at i * w + j.
    let w = m + 1;
    let mut dp = vec![f32::NEG_INFINITY; (n + 1) * w];
    let mut back = vec![0u8; (n + 1) * w];
    if let Some(origin) = dp.first_mut() {
        *origin = 0.0;
    }
    fn relax(dp: &mut [f32], back: &mut [u8], cell: usize, v: f32, step: u8) {
        if let (Some(d), Some(b)) = (dp.get_mut(cell), back.get_mut(cell)) {
            if v > *d {
                *d = v;
                *b = step;
            }
        }
    }
    for i in 0..=n {
        for j in 0..=m {
            let here = dp.get(i * w + j).copied().unwrap_or(f32::NEG_INFINITY);
            if here == f32::NEG_INFINITY {
                continue;
            }
            if i < n && j < m {
                relax(&mut dp, &mut back, (i + 1) * w + j + 1, here + gain(i, j), MATCH_STEP);
            }
            if i < n {
                relax(&mut dp, &mut back, (i + 1) * w + j, here + at(&skip_obs, i), SKIP_OBS);
            }
            if j < m {
                // Rows missing at either end are a truncated excerpt, not a damaged table.
                let cost = if i == 0 || i == n { 0.0 } else { SKIP_ROW };
                relax(&mut dp, &mut back, i * w + j + 1, here + cost, SKIP_TEMPLATE);
            }
        }
    }
    let mut assignment = vec![None; m];
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        match back.get(i * w + j).copied() {
            // Each step was only taken from a cell above or left of this one.
            Some(MATCH_STEP) => {
                if let Some(a) = assignment.get_mut(j - 1) {
                    *a = Some(i - 1);
                }
                i -= 1;
                j -= 1;
            }
            Some(SKIP_OBS) => i -= 1,
            Some(SKIP_TEMPLATE) => j -= 1,
            _ => break,
        }
    }
    (dp.get(n * w + m).copied().unwrap_or(f32::NEG_INFINITY), assignment)
}

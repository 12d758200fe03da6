//! The three tables of the official template as grids of cells with their rowspans and
//! colspans, built once from a [`Report`]'s values. Every layout writes these grids; none
//! knows the template itself.
//!
//! Labels come from the model (`RequestRow::label()`, `Applicant::label()`, the field enums…);
//! the few header words the model has no enum for (`信息内容`, `申请人情况`, `法人或其他组织`, the
//! note on 勾稽关系) are the template's own and are written here.

use crate::decimal::Decimal;
use crate::model::{
    ActiveDisclosure, ActiveDisclosure2019, ActiveDisclosure2021, ActiveRow2019, ActiveRow2021, AppealField,
    AppealKind, Appeals, Applicant, DecisionField, Decisions, Document2019Field, DocumentField, Documents,
    Documents2019, Edition, Fee2019Field, FeeField, Fees, Fees2019, Item2019Field, Items2019, Procurement,
    ProcurementField, RequestRow, Requests,
};

/// What a cell of a grid holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// A column header or a sub-table heading (`第二十条第（一）项`).
    Header,
    /// A row label.
    Label,
    /// A value; its text is empty for a blank cell.
    Value,
}

/// One cell as a table writes it: its top-left position holds the text, the rest of its span
/// is covered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Cell {
    pub text: String,
    pub role: Role,
    pub rowspan: usize,
    pub colspan: usize,
}

impl Cell {
    fn new(text: impl Into<String>, role: Role) -> Cell {
        Cell { text: text.into(), role, rowspan: 1, colspan: 1 }
    }

    fn span(mut self, rowspan: usize, colspan: usize) -> Cell {
        self.rowspan = rowspan.max(1);
        self.colspan = colspan.max(1);
        self
    }

    /// A value cell with no value.
    pub(crate) fn is_blank(&self) -> bool {
        self.role == Role::Value && self.text.is_empty()
    }

    /// The text as a scraped page keeps it: a blank cell is the `&nbsp;` it held (U+00A0).
    pub(crate) fn scraped(&self) -> &str {
        if self.is_blank() {
            "\u{a0}"
        } else {
            &self.text
        }
    }
}

/// A position of a grid, once spans are laid out.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Slot<'g> {
    /// Where a cell starts.
    Origin(&'g Cell),
    /// Covered by a cell that starts in a row above (rowspan), whatever its column.
    RowCovered(&'g Cell),
    /// Covered by a cell that starts to the left in the same row (colspan).
    ColCovered,
}

/// A table: rows of the cells that start in them, as HTML writes a table.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Grid {
    pub cols: usize,
    pub rows: Vec<Vec<Cell>>,
}

impl Grid {
    /// Every position of the grid, row by row, with what is there.
    pub(crate) fn slots(&self) -> Vec<Vec<Slot<'_>>> {
        // Per column: the cell covering it from above and for how many more rows.
        let mut above: Vec<Option<(&Cell, usize)>> = vec![None; self.cols];
        let mut out = Vec::with_capacity(self.rows.len());
        for row in &self.rows {
            let mut line: Vec<Slot<'_>> = Vec::with_capacity(self.cols);
            let mut cells = row.iter();
            let mut col = 0;
            while col < self.cols {
                if let Some(cover) = above.get_mut(col) {
                    if let Some((cell, left)) = *cover {
                        line.push(Slot::RowCovered(cell));
                        *cover = (left > 1).then_some((cell, left - 1));
                        col += 1;
                        continue;
                    }
                }
                let Some(cell) = cells.next() else { break };
                for k in 0..cell.colspan {
                    if col + k >= self.cols {
                        break;
                    }
                    line.push(if k == 0 { Slot::Origin(cell) } else { Slot::ColCovered });
                    if let Some(cover) = above.get_mut(col + k).filter(|_| cell.rowspan > 1) {
                        *cover = Some((cell, cell.rowspan - 1));
                    }
                }
                col += cell.colspan;
            }
            out.push(line);
        }
        out
    }
}

/// The edition a report's tables are written in.
pub(crate) fn edition_of(report: &crate::model::Report) -> Edition {
    if let Some(e) = report.edition {
        return e;
    }
    match &report.active_disclosure {
        Some(ActiveDisclosure::E2019(_)) => return Edition::E2019,
        Some(ActiveDisclosure::E2021(_)) => return Edition::E2021,
        None => {}
    }
    if let Some(r) = &report.requests {
        if r.other.is_some() {
            return Edition::E2019;
        }
    }
    report.year.and_then(Edition::for_year).unwrap_or(Edition::E2021)
}

/// A label of the model split at its first space: the group it is written under (`第二十条第
/// （一）项`, `行政诉讼`, `（三）不予公开`) and its own text.
fn split(label: &'static str) -> (Option<&'static str>, &'static str) {
    match label.split_once(' ') {
        Some((group, own)) => (Some(group), own),
        None => (None, label),
    }
}

fn count(v: Option<u64>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

fn signed(v: Option<i64>) -> String {
    v.map(change).unwrap_or_default()
}

/// A 本年增/减 value as reports write it: `0`, `增3`, `减8`.
pub(crate) fn change(v: i64) -> String {
    match v {
        0 => "0".to_string(),
        v if v > 0 => format!("增{v}"),
        v => format!("减{}", v.unsigned_abs()),
    }
}

fn amount(v: Option<Decimal>) -> String {
    v.map(|d| d.to_string()).unwrap_or_default()
}

/// The header of a sub-table of table 二.
const CONTENT: &str = "信息内容";

/// One sub-table of table 二 (`第二十条第（一）项` …): its field labels and its rows' values.
struct Section {
    heading: &'static str,
    fields: Vec<&'static str>,
    rows: Vec<(&'static str, Vec<String>)>,
}

/// Cells of table 二's rows, grouped in their sub-tables. A row's group comes from its label
/// (`第二十条第（一）项 规章`); a label without one (`规范性文件`) continues the group before it.
struct SectionsBuilder {
    sections: Vec<Section>,
    current: &'static str,
}

impl SectionsBuilder {
    fn new() -> Self {
        SectionsBuilder { sections: Vec::new(), current: "" }
    }

    /// Row `label` with `fields`; `values` is `None` when the row is absent.
    fn row(&mut self, label: &'static str, fields: Vec<&'static str>, values: Option<Vec<String>>) {
        let (group, name) = split(label);
        if let Some(g) = group {
            self.current = g;
        }
        let Some(values) = values else { return };
        match self.sections.last_mut() {
            Some(s) if s.heading == self.current && s.fields == fields => {
                s.rows.push((name, values));
            }
            _ => self.sections.push(Section { heading: self.current, fields, rows: vec![(name, values)] }),
        }
    }

    fn grid(self) -> Option<Grid> {
        const COLS: usize = 4;
        if self.sections.is_empty() {
            return None;
        }
        let mut rows = Vec::new();
        for s in self.sections {
            rows.push(vec![Cell::new(s.heading, Role::Header).span(1, COLS)]);
            let mut header = vec![Cell::new(CONTENT, Role::Header)];
            header.extend(widen(s.fields.iter().map(|f| Cell::new(*f, Role::Header)).collect(), COLS - 1));
            rows.push(header);
            for (name, values) in s.rows {
                let mut row = vec![Cell::new(name, Role::Label)];
                row.extend(widen(values.into_iter().map(|v| Cell::new(v, Role::Value)).collect(), COLS - 1));
                rows.push(row);
            }
        }
        Some(Grid { cols: COLS, rows })
    }
}

/// The last cell spans what is left of `width` columns (`本年处理决定数量` over three).
fn widen(mut cells: Vec<Cell>, width: usize) -> Vec<Cell> {
    let n = cells.len();
    if let Some(last) = cells.last_mut() {
        last.colspan = width.saturating_sub(n - 1).max(1);
    }
    cells
}

fn labels<T: Copy>(all: &[T], label: fn(T) -> &'static str) -> Vec<&'static str> {
    all.iter().map(|&f| label(f)).collect()
}

fn docs(d: &Documents) -> Vec<String> {
    DocumentField::ALL.iter().map(|&f| count(d.get(f))).collect()
}

fn decisions(d: &Decisions) -> Vec<String> {
    DecisionField::ALL.iter().map(|&f| count(d.get(f))).collect()
}

fn fees(d: &Fees) -> Vec<String> {
    FeeField::ALL.iter().map(|&f| amount(d.get(f))).collect()
}

fn docs19(d: &Documents2019) -> Vec<String> {
    Document2019Field::ALL.iter().map(|&f| count(d.get(f))).collect()
}

fn items19(d: &Items2019) -> Vec<String> {
    Item2019Field::ALL
        .iter()
        .map(|&f| match f {
            Item2019Field::Change => signed(d.get(f)),
            _ => d.get(f).map(|v| v.to_string()).unwrap_or_default(),
        })
        .collect()
}

fn fees19(d: &Fees2019) -> Vec<String> {
    Fee2019Field::ALL
        .iter()
        .map(|&f| match f {
            Fee2019Field::Change => signed(d.get(f)),
            Fee2019Field::PreviousItems => d.get(f).map(|v| v.to_string()).unwrap_or_default(),
        })
        .collect()
}

fn procurement(d: &Procurement) -> Vec<String> {
    ProcurementField::ALL
        .iter()
        .map(|&f| match f {
            ProcurementField::Projects => count(d.projects),
            ProcurementField::Amount => amount(d.amount),
        })
        .collect()
}
/// Table 二、主动公开政府信息情况.
pub(crate) fn active(table: &ActiveDisclosure) -> Option<Grid> {
    match table {
        ActiveDisclosure::E2021(t) => active_2021(t),
        ActiveDisclosure::E2019(t) => active_2019(t),
    }
}

fn active_2021(t: &ActiveDisclosure2021) -> Option<Grid> {
    let mut b = SectionsBuilder::new();
    let doc_fields = labels(DocumentField::ALL, DocumentField::label);
    let dec_fields = labels(DecisionField::ALL, DecisionField::label);
    for &row in ActiveRow2021::ALL {
        let label = row.label();
        match row {
            ActiveRow2021::Regulations => b.row(label, doc_fields.clone(), t.regulations.as_ref().map(docs)),
            ActiveRow2021::NormativeDocuments => {
                b.row(label, doc_fields.clone(), t.normative_documents.as_ref().map(docs))
            }
            ActiveRow2021::Licensing => b.row(label, dec_fields.clone(), t.licensing.as_ref().map(decisions)),
            ActiveRow2021::Penalty => b.row(label, dec_fields.clone(), t.penalty.as_ref().map(decisions)),
            ActiveRow2021::Coercion => b.row(label, dec_fields.clone(), t.coercion.as_ref().map(decisions)),
            ActiveRow2021::Fees => {
                b.row(label, labels(FeeField::ALL, FeeField::label), t.fees.as_ref().map(fees))
            }
        }
    }
    b.grid()
}

fn active_2019(t: &ActiveDisclosure2019) -> Option<Grid> {
    let mut b = SectionsBuilder::new();
    let doc_fields = labels(Document2019Field::ALL, Document2019Field::label);
    let item_fields = labels(Item2019Field::ALL, Item2019Field::label);
    for &row in ActiveRow2019::ALL {
        let label = row.label();
        match row {
            ActiveRow2019::Regulations => {
                b.row(label, doc_fields.clone(), t.regulations.as_ref().map(docs19))
            }
            ActiveRow2019::NormativeDocuments => {
                b.row(label, doc_fields.clone(), t.normative_documents.as_ref().map(docs19))
            }
            ActiveRow2019::Licensing => b.row(label, item_fields.clone(), t.licensing.as_ref().map(items19)),
            ActiveRow2019::OtherServices => {
                b.row(label, item_fields.clone(), t.other_services.as_ref().map(items19))
            }
            ActiveRow2019::Penalty => b.row(label, item_fields.clone(), t.penalty.as_ref().map(items19)),
            ActiveRow2019::Coercion => b.row(label, item_fields.clone(), t.coercion.as_ref().map(items19)),
            ActiveRow2019::Fees => {
                b.row(label, labels(Fee2019Field::ALL, Fee2019Field::label), t.fees.as_ref().map(fees19))
            }
            ActiveRow2019::Procurement => b.row(
                label,
                labels(ProcurementField::ALL, ProcurementField::label),
                t.procurement.as_ref().map(procurement),
            ),
        }
    }
    b.grid()
}

/// The note in the top-left cell of table 三.
pub(crate) const REQUESTS_NOTE: &str = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
/// The header over the seven applicant columns.
pub(crate) const APPLICANTS: &str = "申请人情况";
/// The header over the five middle applicant columns.
pub(crate) const LEGAL_PERSONS: &str = "法人或其他组织";

/// Where a row of table 三 sits in the three label columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct RowLabel {
    /// `三、本年度办理结果`, over every result row and （七）总计.
    results: Option<&'static str>,
    /// `（三）不予公开` and the like, over its numbered items.
    group: Option<&'static str>,
    /// The row's own text.
    own: &'static str,
}

/// The label columns of every row of table 三 in `edition`, in template order.
fn request_labels(edition: Edition) -> Vec<(RequestRow, RowLabel)> {
    let disclosed = RequestRow::Disclosed.label();
    let results_at = disclosed.find('（').unwrap_or(disclosed.len());
    let results = disclosed.get(..results_at).unwrap_or(disclosed);
    let mut group: Option<&'static str> = None;
    RequestRow::rows(edition)
        .map(|row| {
            let mut label = row.label();
            if let Some(rest) = label.strip_prefix(results) {
                label = rest;
            }
            let (g, own) = split(label);
            if g.is_some() {
                group = g;
            } else if !own.starts_with(|c: char| c.is_ascii_digit()) {
                group = None;
            }
            let in_results = row.is_result() || row == RequestRow::TotalProcessed;
            (
                row,
                RowLabel {
                    results: in_results.then_some(results),
                    group: if own.starts_with(|c: char| c.is_ascii_digit()) { group } else { None },
                    own,
                },
            )
        })
        .collect()
}

/// How many rows from `i` on share `key` (a run of a merged label cell).
fn run<T: PartialEq>(keys: &[T], i: usize) -> usize {
    keys.get(i).map_or(0, |first| keys.iter().skip(i).take_while(|k| *k == first).count())
}

/// Table 三、收到和处理政府信息公开申请情况 (the rows present).
pub(crate) fn requests(table: &Requests, edition: Edition) -> Option<Grid> {
    const LABEL_COLS: usize = 3;
    const COLS: usize = LABEL_COLS + 7;
    let present: Vec<(RequestRow, RowLabel, &crate::model::Applicants)> = request_labels(edition)
        .into_iter()
        .filter_map(|(row, label)| table.get(row).map(|cells| (row, label, cells)))
        .collect();
    if present.is_empty() {
        return None;
    }
    let applicants = Applicant::ALL;
    let mut rows = vec![
        vec![
            Cell::new(REQUESTS_NOTE, Role::Header).span(3, LABEL_COLS),
            Cell::new(APPLICANTS, Role::Header).span(1, applicants.len()),
        ],
        vec![
            Cell::new(Applicant::NaturalPerson.label(), Role::Header).span(2, 1),
            Cell::new(LEGAL_PERSONS, Role::Header).span(1, applicants.len() - 2),
            Cell::new(Applicant::Total.label(), Role::Header).span(2, 1),
        ],
        // The applicants between 自然人 and 总计.
        applicants
            .iter()
            .skip(1)
            .take(applicants.len() - 2)
            .map(|a| Cell::new(a.label(), Role::Header))
            .collect(),
    ];
    let results: Vec<Option<&str>> = present.iter().map(|(_, l, _)| l.results).collect();
    let groups: Vec<(Option<&str>, Option<&str>)> =
        present.iter().map(|(_, l, _)| (l.results, l.group)).collect();
    for (i, (_, label, cells)) in present.iter().enumerate() {
        let mut row = Vec::new();
        let mut used = 0;
        if let Some(r) = label.results {
            if i.checked_sub(1).and_then(|p| results.get(p)) != Some(&Some(r)) {
                row.push(Cell::new(r, Role::Label).span(run(&results, i), 1));
            }
            used = 1;
        }
        if let Some(g) = label.group {
            if i.checked_sub(1).and_then(|p| groups.get(p)) != groups.get(i) {
                row.push(Cell::new(g, Role::Label).span(run(&groups, i), 1));
            }
            used = 2;
        }
        row.push(Cell::new(label.own, Role::Label).span(1, LABEL_COLS - used));
        row.extend(applicants.iter().map(|&a| Cell::new(count(cells.get(a)), Role::Value)));
        rows.push(row);
    }
    Some(Grid { cols: COLS, rows })
}

/// Table 四、政府信息公开行政复议、行政诉讼情况.
pub(crate) fn appeals(table: &Appeals) -> Option<Grid> {
    let groups: Vec<(AppealKind, &crate::model::AppealGroup)> =
        AppealKind::ALL.iter().filter_map(|&k| table.get(k).map(|g| (k, g))).collect();
    if groups.is_empty() {
        return None;
    }
    let fields = AppealField::ALL;
    let width = fields.len();
    let cols = groups.len() * width;
    // Row 1: the kinds (行政复议, 行政诉讼 over both of its groups); row 2: a group without a
    // second level has its fields, spanning two rows; row 3: the fields of the others.
    let mut top: Vec<Cell> = Vec::new();
    let mut second: Vec<Cell> = Vec::new();
    let mut third: Vec<Cell> = Vec::new();
    let mut last_kind: Option<&str> = None;
    for &(kind, _) in &groups {
        let (parent, own) = split(kind.label());
        match parent {
            None => {
                top.push(Cell::new(own, Role::Header).span(1, width));
                last_kind = None;
                second.extend(fields.iter().map(|f| Cell::new(f.label(), Role::Header).span(2, 1)));
            }
            Some(p) => {
                match top.last_mut() {
                    Some(cell) if last_kind == Some(p) => cell.colspan += width,
                    _ => top.push(Cell::new(p, Role::Header).span(1, width)),
                }
                last_kind = Some(p);
                second.push(Cell::new(own, Role::Header).span(1, width));
                third.extend(fields.iter().map(|f| Cell::new(f.label(), Role::Header)));
            }
        }
    }
    let values: Vec<Cell> = groups
        .iter()
        .flat_map(|(_, g)| fields.iter().map(|&f| Cell::new(count(g.get(f)), Role::Value)))
        .collect();
    if third.is_empty() {
        // No group has a second header level: the field cells span one row only.
        for c in &mut second {
            c.rowspan = 1;
        }
    }
    let mut rows = vec![top, second];
    if !third.is_empty() {
        rows.push(third);
    }
    rows.push(values);
    Some(Grid { cols, rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(g: &Grid) -> Vec<Vec<String>> {
        g.slots()
            .iter()
            .map(|r| {
                r.iter()
                    .map(|s| match s {
                        Slot::Origin(c) => c.text.clone(),
                        Slot::RowCovered(_) => "^".into(),
                        Slot::ColCovered => "<".into(),
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn request_labels_fall_into_three_columns() {
        let labels = request_labels(Edition::E2021);
        let get = |r: RequestRow| labels.iter().find(|(x, _)| *x == r).unwrap().1;
        assert_eq!(
            get(RequestRow::WithheldLawProhibited),
            RowLabel {
                results: Some("三、本年度办理结果"),
                group: Some("（三）不予公开"),
                own: "2.其他法律行政法规禁止公开"
            }
        );
        assert_eq!(get(RequestRow::Disclosed).own, "（一）予以公开");
        assert_eq!(get(RequestRow::TotalProcessed).group, None);
        assert_eq!(get(RequestRow::NewReceived).results, None);
        let labels = request_labels(Edition::E2019);
        let other = labels.iter().find(|(x, _)| *x == RequestRow::Other).unwrap().1;
        assert_eq!((other.group, other.own), (None, "（六）其他处理"));
    }

    #[test]
    fn spans_lay_out_as_the_template() {
        let mut t = Requests::default();
        for r in RequestRow::rows(Edition::E2021) {
            *t.get_mut(r) = Some(Default::default());
        }
        let g = requests(&t, Edition::E2021).unwrap();
        let s = texts(&g);
        assert!(s.iter().all(|r| r.len() == 10), "{s:?}");
        assert_eq!(s[5][0], "三、本年度办理结果");
        assert_eq!(s[6][0], "^");
        assert_eq!(s[7][1], "（三）不予公开");
        assert_eq!(s[8][1], "^");
        assert_eq!(s[3][1], "<");
        let a = appeals(&Appeals {
            review: Some(Default::default()),
            litigation_direct: Some(Default::default()),
            litigation_after_review: Some(Default::default()),
        })
        .unwrap();
        let s = texts(&a);
        assert_eq!(s[0][5], "行政诉讼");
        assert_eq!(s[1][5], "未经复议直接起诉");
        assert_eq!(s[2][0], "^");
        assert_eq!(s[2][5], "结果维持");
        assert_eq!(s[3].len(), 15);
    }

    #[test]
    fn changes_are_written_as_reports_write_them() {
        assert_eq!(change(0), "0");
        assert_eq!(change(3), "增3");
        assert_eq!(change(-8), "减8");
    }
}

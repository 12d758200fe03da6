//! The cross-checks (勾稽关系) of SCHEMA.md. They report what the values break; they never
//! change a value. Blanks count as 0; an identity whose cells are all blank, or that needs a
//! row the source does not have, is not assessed.

use crate::model::{
    AppealField, AppealKind, Appeals, Applicant, Applicants, Edition, FailedCheck, RequestRow, Requests, Rule,
};

fn sum(cells: impl IntoIterator<Item = Option<u64>>) -> (i64, bool) {
    let mut total: i64 = 0;
    let mut any = false;
    for v in cells.into_iter().flatten() {
        any = true;
        total = total.saturating_add(i64::try_from(v).unwrap_or(i64::MAX));
    }
    (total, any)
}

fn push(
    out: &mut Vec<FailedCheck>,
    rule: Rule,
    at: &str,
    (expected, a): (i64, bool),
    (found, b): (i64, bool),
) {
    if (a || b) && expected != found {
        out.push(FailedCheck { rule, at: at.to_string(), expected, found });
    }
}

/// The checks of table 三 that `requests` breaks.
pub(crate) fn requests(requests: &Requests, edition: Edition, out: &mut Vec<FailedCheck>) {
    let rows: Vec<(RequestRow, &Applicants)> =
        RequestRow::rows(edition).filter_map(|r| requests.get(r).map(|a| (r, a))).collect();
    for (row, cells) in &rows {
        let parts = sum(Applicant::ALL.iter().take(6).map(|&c| cells.get(c)));
        push(out, Rule::RowSum, row.key(), parts, sum([cells.total]));
    }
    let get = |r: RequestRow| requests.get(r);
    let (nr, co, tp, cf) = (
        get(RequestRow::NewReceived),
        get(RequestRow::CarriedOver),
        get(RequestRow::TotalProcessed),
        get(RequestRow::CarriedForward),
    );
    if let (Some(nr), Some(co), Some(tp), Some(cf)) = (nr, co, tp, cf) {
        for &c in Applicant::ALL {
            push(out, Rule::ColumnBalance, c.key(), sum([nr.get(c), co.get(c)]), sum([tp.get(c), cf.get(c)]));
        }
    }
    // The results sum needs every result row: a truncated table cannot be assessed.
    let results: Vec<&Applicants> =
        RequestRow::rows(edition).filter(|r| r.is_result()).filter_map(get).collect();
    let all_results = RequestRow::rows(edition).filter(|r| r.is_result()).count() == results.len();
    if let (Some(tp), true) = (tp, all_results) {
        for &c in Applicant::ALL {
            push(out, Rule::ResultsSum, c.key(), sum(results.iter().map(|r| r.get(c))), sum([tp.get(c)]));
        }
    }
}

/// The checks of table 四 that `appeals` breaks.
pub(crate) fn appeals(appeals: &Appeals, out: &mut Vec<FailedCheck>) {
    for &g in AppealKind::ALL {
        if let Some(group) = appeals.get(g) {
            let parts = sum(AppealField::ALL.iter().take(4).map(|&f| group.get(f)));
            push(out, Rule::AppealsSum, g.key(), parts, sum([group.total]));
        }
    }
}

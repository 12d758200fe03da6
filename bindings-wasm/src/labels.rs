//! The official labels of the tables, from the core's key enums, so that the site and other JS
//! callers never retype them. Shape: `Labels` in `types/report.d.ts`.

use serde::Serialize;
use xxgk::{
    ActiveRow2019, ActiveRow2021, AppealField, AppealKind, Applicant, DecisionField, Document2019Field,
    DocumentField, Edition, Fee2019Field, FeeField, Item2019Field, ProcurementField, RequestRow,
};

#[derive(Serialize)]
pub struct Labels {
    requests: Requests,
    appeals: Appeals,
    active_disclosure: Active,
    layouts: Vec<&'static str>,
}

#[derive(Serialize)]
struct Requests {
    rows: Vec<RequestRowLabel>,
    columns: Vec<KeyLabel>,
}

/// A row of table 三, with the editions whose template has it.
#[derive(Serialize)]
struct RequestRowLabel {
    key: &'static str,
    label: &'static str,
    editions: Vec<&'static str>,
}

#[derive(Serialize)]
struct Appeals {
    groups: Vec<KeyLabel>,
    fields: Vec<KeyLabel>,
}

/// Table 二's rows per edition: the editions differ in rows and columns.
#[derive(Serialize)]
struct Active {
    #[serde(rename = "2021")]
    e2021: Vec<ActiveRowLabel>,
    #[serde(rename = "2019")]
    e2019: Vec<ActiveRowLabel>,
}

/// A row of table 二 with its columns: the rows of one table differ in their cells.
#[derive(Serialize)]
struct ActiveRowLabel {
    key: &'static str,
    label: &'static str,
    fields: Vec<KeyLabel>,
}

#[derive(Serialize)]
struct KeyLabel {
    key: &'static str,
    label: &'static str,
}

/// `{key, label}` of every variant of a key enum of the core.
macro_rules! key_labels {
    ($enum:ty) => {
        <$enum>::ALL.iter().map(|k| KeyLabel { key: k.key(), label: k.label() }).collect::<Vec<_>>()
    };
}

/// Every table's rows and columns in source order.
pub fn all() -> Labels {
    Labels {
        requests: Requests {
            rows: RequestRow::ALL.iter().map(|&row| request_row(row)).collect(),
            columns: key_labels!(Applicant),
        },
        appeals: Appeals { groups: key_labels!(AppealKind), fields: key_labels!(AppealField) },
        active_disclosure: Active {
            e2021: ActiveRow2021::ALL.iter().map(|&row| active_2021(row)).collect(),
            e2019: ActiveRow2019::ALL.iter().map(|&row| active_2019(row)).collect(),
        },
        layouts: xxgk::Layout::ALL.iter().map(|l| l.as_str()).collect(),
    }
}

fn request_row(row: RequestRow) -> RequestRowLabel {
    RequestRowLabel {
        key: row.key(),
        label: row.label(),
        editions: [Edition::E2021, Edition::E2019]
            .into_iter()
            .filter(|&e| RequestRow::rows(e).any(|r| r == row))
            .map(Edition::as_str)
            .collect(),
    }
}

fn active_2021(row: ActiveRow2021) -> ActiveRowLabel {
    use ActiveRow2021::*;
    let fields = match row {
        Regulations | NormativeDocuments => key_labels!(DocumentField),
        Licensing | Penalty | Coercion => key_labels!(DecisionField),
        Fees => key_labels!(FeeField),
    };
    ActiveRowLabel { key: row.key(), label: row.label(), fields }
}

fn active_2019(row: ActiveRow2019) -> ActiveRowLabel {
    use ActiveRow2019::*;
    let fields = match row {
        Regulations | NormativeDocuments => key_labels!(Document2019Field),
        Licensing | OtherServices | Penalty | Coercion => key_labels!(Item2019Field),
        Fees => key_labels!(Fee2019Field),
        Procurement => key_labels!(ProcurementField),
    };
    ActiveRowLabel { key: row.key(), label: row.label(), fields }
}

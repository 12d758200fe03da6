//! The official template, as the parser recognises it: for every row, the cues that identify
//! its label whatever brackets, ordinals, spaces, line breaks or OCR slips a copy has.
//!
//! A cue is a distinctive phrase of the official label in comparable form (ideographs,
//! letters and digits only, see [`crate::text::key`]). A label matches a row when it contains
//! one of the row's cues, exactly or — for cues of four characters or more — with at most one
//! character in four replaced (OCR confusions). Cues are short on purpose: labels arrive cut
//! in pieces (`行政机关不再处理其政府信息公`) and with neighbours' leftovers attached.

use crate::model::{
    ActiveRow2019, ActiveRow2021, DecisionField, Document2019Field, DocumentField, Edition, Fee2019Field,
    FeeField, Item2019Field, ProcurementField, RequestRow,
};

/// A cue and how much a match of it says (1.0: the row for sure).
pub(crate) type Cue = (&'static str, f32);

/// The cues of a row of table 三.
pub(crate) fn request_cues(row: RequestRow) -> &'static [Cue] {
    use RequestRow::*;
    match row {
        NewReceived => &[("本年新收", 1.0), ("新收政府信息公开申请", 1.0)],
        CarriedOver => &[("上年结转", 1.0), ("上年度结转", 1.0)],
        Disclosed => &[("予以公开", 1.0)],
        PartiallyDisclosed => &[("部分公开", 1.0), ("区分处理的", 0.9)],
        WithheldStateSecret => &[("国家秘密", 1.0)],
        WithheldLawProhibited => &[("法律行政法规禁止", 1.0), ("禁止公开", 0.9)],
        WithheldSecurity => &[("三安全一稳定", 1.0), ("危及", 0.8)],
        WithheldThirdParty => &[("第三方合法权益", 1.0), ("保护第三方", 1.0)],
        WithheldInternal => &[("内部事务", 1.0)],
        WithheldProcess => &[("过程性信息", 1.0), ("四类过程", 1.0)],
        WithheldEnforcement => &[("行政执法案卷", 1.0), ("执法案卷", 1.0)],
        WithheldQuery => &[("行政查询事项", 1.0), ("查询事项", 1.0)],
        UnavailableNotHeld => &[("不掌握相关", 1.0), ("本机关不掌握", 1.0)],
        UnavailableNeedsCreation => &[("另行制作", 1.0), ("没有现成信息", 1.0)],
        UnavailableUnclear => &[("仍不明确", 1.0), ("补正后申请内容", 1.0)],
        NotProcessedComplaint => &[("信访举报投诉", 1.0), ("举报投诉类", 1.0)],
        NotProcessedDuplicate => &[("重复申请", 1.0)],
        NotProcessedPublication => &[("公开出版物", 1.0), ("出版物", 0.9)],
        NotProcessedExcessive => &[("大量反复申请", 1.0), ("大量反复", 1.0)],
        NotProcessedConfirmation => &[("确认或重新出具", 1.0), ("已获取信息", 1.0)],
        OtherNoCorrection => &[("逾期不补正", 1.0), ("无正当理由逾期", 1.0)],
        OtherNoFee => &[("缴纳费用", 1.0), ("收费通知", 1.0)],
        OtherMisc => &[("3其他", 1.0)],
        Other => &[("其他处理", 1.0)],
        TotalProcessed => &[("七总计", 1.0), ("总计", 0.6)],
        CarriedForward => &[("结转下年度", 1.0), ("下年度继续办理", 1.0)],
    }
}

/// A row of table 二 in either edition, with what the solver needs to know of it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct ActiveSpec {
    pub key: &'static str,
    pub cues: &'static [Cue],
    /// The kinds of its cells, in source order.
    pub cells: &'static [CellKind],
    /// Its cells: (JSON key, the name of its column in the sub-table's header), in source
    /// order.
    pub fields: &'static [(&'static str, &'static str)],
    /// The cell that is a stock (现行有效件数, 对外公开总数量) rather than a flow of the year: it
    /// is rarely smaller than the other cells, which ranks readings the sums cannot check.
    pub stock: Option<usize>,
}

/// What a cell of table 二 holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CellKind {
    /// A count: a whole number, not negative.
    Count,
    /// A signed change (`增3`, `减8`).
    Change,
    /// An amount that may have decimals.
    Amount,
}

const DOCS: &[CellKind] = &[CellKind::Count, CellKind::Count, CellKind::Count];
const ONE: &[CellKind] = &[CellKind::Count];
const AMOUNT: &[CellKind] = &[CellKind::Amount];
const ITEMS: &[CellKind] = &[CellKind::Count, CellKind::Change, CellKind::Count];
const FEES_2019: &[CellKind] = &[CellKind::Count, CellKind::Change];
const PROCUREMENT: &[CellKind] = &[CellKind::Count, CellKind::Amount];

const REGULATIONS: &[Cue] = &[("规章", 1.0)];
const NORMATIVE: &[Cue] = &[("规范性文件", 1.0)];
const LICENSING: &[Cue] = &[("行政许可", 1.0)];
const PENALTY: &[Cue] = &[("行政处罚", 1.0)];
const COERCION: &[Cue] = &[("行政强制", 1.0)];
const FEES: &[Cue] = &[("行政事业性收费", 1.0), ("事业性收费", 1.0)];

/// The rows of table 二 in `edition`, in source order.
pub(crate) fn active_rows(edition: Edition) -> &'static [ActiveSpec] {
    const DOCS_2021: Fields = &[
        (DocumentField::Issued.key(), DocumentField::Issued.label()),
        (DocumentField::Repealed.key(), DocumentField::Repealed.label()),
        (DocumentField::InForce.key(), DocumentField::InForce.label()),
    ];
    const DECISIONS: Fields = &[(DecisionField::Decisions.key(), DecisionField::Decisions.label())];
    const FEES_2021: Fields = &[(FeeField::Amount.key(), FeeField::Amount.label())];
    const E2021: &[ActiveSpec] = &[
        spec(ActiveRow2021::Regulations.key(), REGULATIONS, DOCS, DOCS_2021),
        spec(ActiveRow2021::NormativeDocuments.key(), NORMATIVE, DOCS, DOCS_2021),
        spec(ActiveRow2021::Licensing.key(), LICENSING, ONE, DECISIONS),
        spec(ActiveRow2021::Penalty.key(), PENALTY, ONE, DECISIONS),
        spec(ActiveRow2021::Coercion.key(), COERCION, ONE, DECISIONS),
        spec(ActiveRow2021::Fees.key(), FEES, AMOUNT, FEES_2021),
    ];
    const DOCS_2019: Fields = &[
        (Document2019Field::NewlyMade.key(), Document2019Field::NewlyMade.label()),
        (Document2019Field::NewlyPublished.key(), Document2019Field::NewlyPublished.label()),
        (Document2019Field::TotalPublished.key(), Document2019Field::TotalPublished.label()),
    ];
    const ITEMS_2019: Fields = &[
        (Item2019Field::PreviousItems.key(), Item2019Field::PreviousItems.label()),
        (Item2019Field::Change.key(), Item2019Field::Change.label()),
        (Item2019Field::Decisions.key(), Item2019Field::Decisions.label()),
    ];
    const FEES_2019_FIELDS: Fields = &[
        (Fee2019Field::PreviousItems.key(), Fee2019Field::PreviousItems.label()),
        (Fee2019Field::Change.key(), Fee2019Field::Change.label()),
    ];
    const PROCUREMENT_FIELDS: Fields = &[
        (ProcurementField::Projects.key(), ProcurementField::Projects.label()),
        (ProcurementField::Amount.key(), ProcurementField::Amount.label()),
    ];
    // `其他对外管理` alone: the label is often wrapped after it, below the numbers.
    const OTHER_SERVICES: &[Cue] =
        &[("其他对外管理服务事项", 1.0), ("对外管理服务", 1.0), ("其他对外管理", 0.9)];
    const PROCUREMENT_CUES: &[Cue] = &[("政府集中采购", 1.0), ("集中采购", 1.0)];
    const E2019: &[ActiveSpec] = &[
        spec(ActiveRow2019::Regulations.key(), REGULATIONS, DOCS, DOCS_2019),
        spec(ActiveRow2019::NormativeDocuments.key(), NORMATIVE, DOCS, DOCS_2019),
        spec(ActiveRow2019::Licensing.key(), LICENSING, ITEMS, ITEMS_2019),
        spec(ActiveRow2019::OtherServices.key(), OTHER_SERVICES, ITEMS, ITEMS_2019),
        spec(ActiveRow2019::Penalty.key(), PENALTY, ITEMS, ITEMS_2019),
        spec(ActiveRow2019::Coercion.key(), COERCION, ITEMS, ITEMS_2019),
        spec(ActiveRow2019::Fees.key(), FEES, FEES_2019, FEES_2019_FIELDS),
        spec(ActiveRow2019::Procurement.key(), PROCUREMENT_CUES, PROCUREMENT, PROCUREMENT_FIELDS),
    ];
    match edition {
        Edition::E2021 => E2021,
        Edition::E2019 => E2019,
    }
}

/// The cells of a row of table 二: (JSON key, name in the sub-table's header).
type Fields = &'static [(&'static str, &'static str)];

const fn spec(
    key: &'static str,
    cues: &'static [Cue],
    cells: &'static [CellKind],
    fields: Fields,
) -> ActiveSpec {
    // Rows of three counts are documents: their last cell is the stock.
    let stock = if matches!(cells, [_, CellKind::Count, _]) { Some(2) } else { None };
    ActiveSpec { key, cues, cells, fields, stock }
}

/// Phrases of table 二's headers that only one edition has: (phrase, edition).
pub(crate) const ACTIVE_EDITION_MARKS: &[(&str, Edition)] = &[
    ("本年制发件数", Edition::E2021),
    ("本年废止件数", Edition::E2021),
    ("现行有效件数", Edition::E2021),
    ("本年收费金额", Edition::E2021),
    ("本年新制作数量", Edition::E2019),
    ("本年新公开数量", Edition::E2019),
    ("对外公开总数量", Edition::E2019),
    ("上一年项目数量", Edition::E2019),
    ("其他对外管理服务事项", Edition::E2019),
    ("政府集中采购", Edition::E2019),
    ("采购总金额", Edition::E2019),
];

/// An exact occurrence of a cue in a label.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Hit {
    pub start: usize,
    pub end: usize,
    /// The row whose cue it is (index into the rows the [`CueIndex`] was built from).
    pub row: usize,
    pub weight: f32,
}

/// The cues of a table's rows, indexed by their first character, so that one walk through a
/// label finds every row it names.
pub(crate) struct CueIndex {
    /// `(first char, row, cue, weight)`, sorted by first char.
    entries: Vec<(char, usize, &'static str, f32)>,
    /// Bit `c % 1024` is set for the first char `c` of every cue: most characters of a label
    /// start no cue, and this turns them away before the search of `entries`.
    firsts: [u64; 16],
}

impl CueIndex {
    pub(crate) fn new<'a>(rows: impl IntoIterator<Item = &'a [Cue]>) -> Self {
        let mut entries = Vec::new();
        for (row, cues) in rows.into_iter().enumerate() {
            for &(cue, weight) in cues {
                if let Some(first) = cue.chars().next() {
                    entries.push((first, row, cue, weight));
                }
            }
        }
        entries.sort_by_key(|e| e.0);
        let mut firsts = [0; 16];
        for e in &entries {
            let (word, bit) = first_bit(e.0);
            if let Some(w) = firsts.get_mut(word) {
                *w |= bit;
            }
        }
        CueIndex { entries, firsts }
    }

    /// Every exact occurrence of a cue in `label`, in order of start.
    pub(crate) fn hits(&self, label: &str, out: &mut Vec<Hit>) {
        out.clear();
        for (start, c) in label.char_indices() {
            let (word, bit) = first_bit(c);
            if self.firsts.get(word).is_none_or(|w| w & bit == 0) {
                continue;
            }
            let from = self.entries.partition_point(|e| e.0 < c);
            for &(_, row, cue, weight) in
                self.entries.get(from..).unwrap_or_default().iter().take_while(|e| e.0 == c)
            {
                if label.get(start..).is_some_and(|l| l.starts_with(cue)) {
                    out.push(Hit { start, end: start + cue.len(), row, weight });
                }
            }
        }
    }

    /// For each row, its best exact match in `label`: weight, and where it ends (between
    /// equal weights the later match wins: a label's own text comes last, after leftovers of
    /// the rows before it).
    pub(crate) fn best(&self, label: &str, rows: usize, hits: &mut Vec<Hit>) -> Vec<Option<(f32, usize)>> {
        self.hits(label, hits);
        let mut best: Vec<Option<(f32, usize)>> = vec![None; rows];
        for h in hits.iter() {
            if let Some(slot) = best.get_mut(h.row) {
                if slot.is_none_or(|(w, e)| h.weight > w || (h.weight == w && h.end > e)) {
                    *slot = Some((h.weight, h.end));
                }
            }
        }
        best
    }
}

/// The word and bit of [`CueIndex::firsts`] that stand for `c`.
fn first_bit(c: char) -> (usize, u64) {
    let n = u32::from(c) % 1024;
    ((n / 64) as usize, 1 << (n % 64))
}

/// The cue index of table 三's rows, indexed like [`RequestRow::ALL`].
pub(crate) fn request_index() -> &'static CueIndex {
    static INDEX: std::sync::OnceLock<CueIndex> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| CueIndex::new(RequestRow::ALL.iter().map(|&r| request_cues(r))))
}

/// The cue index of table 二's rows in `edition`, indexed like [`active_rows`].
pub(crate) fn active_index(edition: Edition) -> &'static CueIndex {
    static E2019: std::sync::OnceLock<CueIndex> = std::sync::OnceLock::new();
    static E2021: std::sync::OnceLock<CueIndex> = std::sync::OnceLock::new();
    let cell = match edition {
        Edition::E2019 => &E2019,
        Edition::E2021 => &E2021,
    };
    cell.get_or_init(|| CueIndex::new(active_rows(edition).iter().map(|s| s.cues)))
}

/// How many characters at the end of a label are searched for near matches. A row's name ends
/// its label, just before its numbers; what comes before it in a longer label is prose or
/// other rows' names, where a near match would be chance (the labels of the fixtures searched
/// for one have at most 24 characters). It bounds what a label costs, however long it is.
const NEAR_REACH: usize = 256;

/// A label prepared for near matches of the cues of many rows.
pub(crate) struct NearLabel {
    /// Its last [`NEAR_REACH`] characters, with their byte offsets in the label.
    chars: Vec<(usize, char)>,
    /// Its length in bytes.
    len: usize,
}

impl NearLabel {
    pub(crate) fn new(label: &str) -> NearLabel {
        let mut chars: Vec<(usize, char)> = label.char_indices().rev().take(NEAR_REACH).collect();
        chars.reverse();
        NearLabel { chars, len: label.len() }
    }

    /// How well the label matches `cues` when none is contained exactly: the best near
    /// match's weight times its quality, and where it ends.
    pub(crate) fn score(&self, cues: &[Cue]) -> Option<(f32, usize)> {
        cues.iter()
            .filter_map(|&(cue, weight)| {
                find_near(&self.chars, self.len, cue).map(|(q, end)| (weight * q, end))
            })
            .max_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)))
    }
}

/// The best occurrence of `cue` in `label` with substituted characters (at most one in four,
/// for cues of four characters or more: OCR confusions), or cut short by the end of `label`
/// (a label wrapped past its row's numbers: `行政事业性收` / numbers / `费`), the missing
/// characters counting as substituted; its quality and where it ends. `chars` are the label's
/// characters with their byte offsets, `label_len` its length in bytes.
///
/// A window is compared only when it begins or ends on the cue's own characters, and only
/// until it has too many substitutions: a label costs two comparisons a character for most
/// windows, not the cue's length (labels of prose or of garbage are long).
fn find_near(chars: &[(usize, char)], label_len: usize, cue: &str) -> Option<(f32, usize)> {
    let len = cue.chars().count();
    let allowed = len / 4;
    let (first, last) = (cue.chars().next()?, cue.chars().next_back()?);
    if allowed == 0 || !chars.iter().any(|&(_, c)| c == first || c == last) {
        return None;
    }
    let mut best: Option<(usize, usize)> = None;
    for start in 0..chars.len() {
        let rest = chars.get(start..).unwrap_or_default();
        let window = rest.get(..len).unwrap_or(rest);
        // Characters cut off by the end of the label count as substituted: from here on, too many.
        let cut = len - window.len();
        if cut > allowed {
            break;
        }
        // A near match must still begin or end on the cue's own characters.
        let edges = window.first().is_some_and(|&(_, c)| c == first)
            || window.last().is_some_and(|&(_, c)| c == last);
        if !edges {
            continue;
        }
        let mut mismatches = cut;
        for (&(_, x), y) in window.iter().zip(cue.chars()) {
            mismatches += usize::from(x != y);
            if mismatches > allowed {
                break;
            }
        }
        if mismatches <= allowed && best.is_none_or(|(m, _)| mismatches <= m) {
            let end = chars.get(start + window.len()).map_or(label_len, |&(at, _)| at);
            best = Some((mismatches, end));
        }
    }
    best.map(|(m, end)| (1.0 - 0.8 * m as f32 / len as f32, end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::key;

    fn best_row(label: &str) -> Option<RequestRow> {
        let k = key(label);
        let exact = request_index().best(&k, RequestRow::ALL.len(), &mut Vec::new());
        let near = |i: usize| NearLabel::new(&k).score(request_cues(RequestRow::ALL[i]));
        let scores: Vec<Option<(f32, usize)>> = if exact.iter().any(Option::is_some) {
            exact
        } else {
            (0..RequestRow::ALL.len()).map(near).collect()
        };
        scores
            .iter()
            .enumerate()
            .filter_map(|(i, s)| s.map(|(s, e)| (RequestRow::ALL[i], s, e)))
            .filter(|&(_, s, _)| s >= 0.75)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(a.2.cmp(&b.2)))
            .map(|(r, _, _)| r)
    }

    #[test]
    fn labels_match_their_rows_whatever_the_punctuation() {
        assert_eq!(best_row("（三）不予公开 1. 属于国家秘密"), Some(RequestRow::WithheldStateSecret));
        assert_eq!(best_row("3.危及\"三安全一稳定\""), Some(RequestRow::WithheldSecurity));
        assert_eq!(best_row("3、其他"), Some(RequestRow::OtherMisc));
        assert_eq!(best_row("(七) 总计"), Some(RequestRow::TotalProcessed));
    }

    #[test]
    fn the_last_label_in_a_run_of_leftovers_wins() {
        assert_eq!(
            best_row("形，不计其他情形） 三、本 2.没有现成信息需要另行制作"),
            Some(RequestRow::UnavailableNeedsCreation)
        );
    }

    #[test]
    fn ocr_substitutions_are_tolerated_but_fragments_of_two_rows_are_not_decided() {
        assert_eq!(best_row("5.属于三类内部事物信息"), Some(RequestRow::WithheldInternal));
        assert_eq!(best_row("行政机关不再处理其政府信息公"), None);
    }

    #[test]
    fn a_label_cut_by_its_wrap_is_near_its_cue() {
        assert!(NearLabel::new("信息内容上一年项目数量行政事业性收")
            .score(&[("行政事业性收费", 1.0)])
            .is_some());
        // Cut by more than its OCR allowance, it is not.
        assert!(NearLabel::new("行政事业性").score(&[("行政事业性收费", 1.0)]).is_none());
    }
}

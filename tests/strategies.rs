//! proptest strategies that generate reports (`xxgk::Report`), and the cross-checks their values
//! break, computed from the values themselves (the oracle of the property tests).
//!
//! A report is drawn from a small set of independent raw choices — year, organ, magnitudes,
//! cells, where blanks go, which identities to break — and then built deterministically, so
//! that proptest shrinks the raw choices and the report shrinks with them:
//! - editions by year: 2019–2020 follow the 2019 template, 2021–2025 the 2021 one;
//! - counts from 0 to large: table 三 up to 10^5 a cell, table 二's decisions up to 10^7;
//! - consistent reports satisfy the four identities of SCHEMA.md by construction (totals are
//!   sums, `new_received` balances the columns); inconsistent ones have cells changed after;
//! - blank cells (None): in consistent reports only where the value is 0 (a blank counts as 0
//!   and the identities still hold), in inconsistent ones anywhere;
//! - fees in 万元 with up to 4 decimals, procurement amounts with up to 4;
//! - organs: CJK names of 3 to 20 characters as titles write them (no spaces);
//! - sometimes a table is absent, a row of table 二 is absent, or table 三 is an excerpt.
use std::collections::BTreeSet;

use proptest::prelude::*;
use xxgk::{
    ActiveDisclosure, ActiveDisclosure2019, ActiveDisclosure2021, AppealField, AppealGroup, AppealKind,
    Appeals, Applicant, Applicants, Decimal, Decisions, Documents, Documents2019, Edition, Fees, Fees2019,
    Items2019, Layouts, Procurement, Report, RequestRow, Requests,
};

/// Place names, real and placeholder.
const PLACES: &[&str] = &[
    "某某",
    "赣州",
    "南昌",
    "淮安",
    "上海",
    "平潭",
    "汴东",
    "临川",
    "溧阳",
    "乌鲁木齐",
    "呼和浩特",
    "黔东南",
    "九江",
    "宜春",
    "萍乡",
    "景德镇",
    "东莞",
    "佛山",
    "苏州",
    "嘉兴",
    "绍兴",
    "温州",
    "洛阳",
    "开封",
    "襄阳",
    "岳阳",
    "常德",
    "遵义",
    "大理",
    "喀什",
];

/// Characters invented place names are made of.
const PLACE_CHARS: &str =
    "江海山河阳城安宁平东西南北新华兴建德永丰泰和昌盛清源长乐云龙湖桂梧柳滨庆临宜鹤溪岭";

const PROVINCES: &[&str] =
    &["江西省", "江苏省", "福建省", "河南省", "湖南省", "贵州省", "新疆维吾尔自治区", "广东省"];

const LEVELS: &[&str] = &["市", "县", "区", "新区", "镇", "乡", "街道"];

const BODIES: &[&str] = &[
    "人民政府",
    "人民政府办公室",
    "人民政府办公厅",
    "交通运输局",
    "教育局",
    "生态环境局",
    "财政局",
    "公安局",
    "卫生健康委员会",
    "市场监督管理局",
    "自然资源和规划局",
    "住房和城乡建设局",
    "发展和改革委员会",
    "司法局",
    "统计局",
    "办事处",
    "党政办公室",
    "机关事务管理中心",
];

/// An organ as a title names it: CJK, 3 to 20 characters, no spaces.
pub fn organ() -> impl Strategy<Value = String> {
    let place = prop_oneof![
        3 => prop::sample::select(PLACES).prop_map(str::to_string),
        2 => prop::collection::vec(prop::sample::select(PLACE_CHARS.chars().collect::<Vec<_>>()), 2..=3)
            .prop_map(|c| c.into_iter().collect::<String>()),
    ];
    let special = prop::sample::select(vec![
        "赣州经济技术开发区党政办公室",
        "中国（福建）自由贸易试验区平潭片区管理委员会",
        "南昌经济技术开发区",
        "汴东产业集聚区",
        "国家税务总局某某市税务局",
        "某某市人民政府",
        "某某区人民政府办公室",
    ])
    .prop_map(str::to_string);
    let built = (
        prop::option::weighted(0.2, prop::sample::select(PROVINCES)),
        place,
        prop::sample::select(LEVELS),
        prop::option::weighted(0.8, prop::sample::select(BODIES)),
    )
        .prop_map(|(province, place, level, body)| {
            let mut s = String::new();
            if let Some(p) = province {
                s.push_str(p);
            }
            s.push_str(&place);
            s.push_str(level);
            if let Some(b) = body {
                s.push_str(b);
            }
            s
        });
    prop_oneof![4 => built, 1 => special]
        .prop_filter("3 to 20 characters", |s| (3..=20).contains(&s.chars().count()))
}

/// Organs that titles name but that the main generator leaves out: placeholders with Latin
/// letters or marks, names with full-width brackets.
pub fn unusual_organ() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "XX县交通运输局",
        "XX市人民政府办公室",
        "××市人民政府",
        "中国（上海）自由贸易试验区管理委员会",
        "中国（福建）自由贸易试验区厦门片区",
        "某某市（区）教育局",
    ])
    .prop_map(str::to_string)
}

/// How big the counts of a report are.
#[derive(Clone, Copy, Debug)]
pub struct Scale {
    /// The largest count of a cell of table 三.
    pub requests: u64,
    /// The largest count of a cell of table 四.
    pub appeals: u64,
    /// The largest 本年处理决定数量 of table 二.
    pub decisions: u64,
}

fn scale() -> impl Strategy<Value = Scale> {
    (
        prop::sample::select(vec![1u64, 5, 30, 300, 5_000, 100_000]),
        prop::sample::select(vec![1u64, 5, 50, 400]),
        prop::sample::select(vec![0u64, 10, 1_000, 100_000, 10_000_000]),
    )
        .prop_map(|(requests, appeals, decisions)| Scale { requests, appeals, decisions })
}

/// Where blanks go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Blanks {
    /// No blank cell.
    None,
    /// Zeros of the legal-person columns and of groups are blank (seed 001).
    ZerosOfColumns,
    /// Some zeros are blank.
    SomeZeros,
    /// Every zero is blank.
    AllZeros,
}

fn blanks() -> impl Strategy<Value = Blanks> {
    prop_oneof![
        5 => Just(Blanks::None),
        2 => Just(Blanks::ZerosOfColumns),
        2 => Just(Blanks::SomeZeros),
        1 => Just(Blanks::AllZeros),
    ]
}

/// A count: most cells of these tables are 0.
fn cell(max: u64) -> impl Strategy<Value = u64> {
    prop_oneof![3 => Just(0u64), 2 => 0..=max.max(1)]
}

/// The raw choices a report is built from.
#[derive(Clone, Debug)]
pub struct Raw {
    pub year: u16,
    pub organ: String,
    pub scale: Scale,
    pub blanks: Blanks,
    /// Which tables are present: 二, 三, 四.
    pub tables: [bool; 3],
    pub active: RawActive,
    pub requests: RawRequests,
    pub appeals: [[u64; 4]; 3],
    /// Random bits deciding which zeros become blank (SomeZeros).
    pub blank_bits: Vec<bool>,
    /// Cells changed after the report was made consistent: (table, index, value). Table 0 is
    /// 三 (index = row * 7 + column), 1 is 四 (index = group * 5 + field).
    pub breaks: Vec<(u8, usize, Option<u64>)>,
    /// Table 三 as an excerpt: (first row, rows kept), or whole.
    pub excerpt: Option<(usize, usize)>,
}

/// Raw cells of table 二 (both editions draw from the same pool).
#[derive(Clone, Debug)]
pub struct RawActive {
    pub docs: [[u64; 3]; 2],
    pub decisions: [u64; 4],
    pub previous: [u64; 5],
    pub changes: [i64; 5],
    pub fee: (i64, u8),
    pub procurement: (u64, i64, u8),
    /// Rows left out of the table.
    pub absent: Vec<bool>,
    /// Cells written blank.
    pub blank: Vec<bool>,
}

/// Raw cells of table 三: the six applicant columns of every result row (22 in the 2021
/// template; the 2019 one uses the first 19 and its `other` row from the 20th), carried over
/// and carried forward.
#[derive(Clone, Debug)]
pub struct RawRequests {
    pub results: Vec<[u64; 6]>,
    pub carried_over: [u64; 6],
    pub carried_forward: [u64; 6],
}

fn six(max: u64) -> impl Strategy<Value = [u64; 6]> {
    prop::array::uniform6(cell(max))
}

fn decimal(max_mantissa: i64) -> impl Strategy<Value = (i64, u8)> {
    prop_oneof![
        1 => Just((0i64, 0u8)),
        4 => (0..=max_mantissa, 0u8..=4),
    ]
}

fn raw_active(s: Scale) -> impl Strategy<Value = RawActive> {
    let d = s.decisions;
    (
        prop::array::uniform2(prop::array::uniform3(cell(60))),
        prop::array::uniform4(cell(d)),
        prop::array::uniform5(cell(3_000)),
        prop::array::uniform5(prop_oneof![3 => Just(0i64), 2 => -60i64..=60, 1 => -3_000i64..=3_000]),
        decimal(10_000_000_000),
        (cell(5_000), 0i64..=1_000_000_000_000, 0u8..=4),
        prop::collection::vec(prop::bool::weighted(0.04), 8),
        prop::collection::vec(prop::bool::weighted(0.08), 24),
    )
        .prop_map(|(docs, decisions, previous, changes, fee, procurement, absent, blank)| RawActive {
            docs,
            decisions,
            previous,
            changes,
            fee,
            procurement,
            absent,
            blank,
        })
}

fn raw_requests(s: Scale) -> impl Strategy<Value = RawRequests> {
    let m = s.requests;
    (prop::collection::vec(six(m), 22), six(m), six(m / 10 + 1)).prop_map(
        |(results, carried_over, carried_forward)| RawRequests { results, carried_over, carried_forward },
    )
}

fn raw() -> impl Strategy<Value = Raw> {
    (2019u16..=2025, organ(), scale(), blanks())
        .prop_flat_map(|(year, organ, scale, blanks)| {
            let tables = prop_oneof![
                12 => Just([true, true, true]),
                1 => Just([false, true, true]),
                1 => Just([true, false, true]),
                1 => Just([true, true, false]),
                1 => Just([false, true, false]),
            ];
            let breaks = prop_oneof![
                3 => Just(Vec::new()),
                1 => prop::collection::vec(
                    (0u8..2, 0usize..200, prop::option::weighted(0.85, 0..=scale.requests.max(3))),
                    1..4
                ),
            ];
            let excerpt = prop::option::weighted(0.04, (0usize..20, 3usize..25));
            (
                Just(year),
                Just(organ),
                Just(scale),
                Just(blanks),
                tables,
                raw_active(scale),
                raw_requests(scale),
                prop::array::uniform3(prop::array::uniform4(cell(scale.appeals))),
                prop::collection::vec(any::<bool>(), 200),
                breaks,
                excerpt,
            )
        })
        .prop_map(
            |(year, organ, scale, blanks, tables, active, requests, appeals, blank_bits, breaks, excerpt)| {
                Raw {
                    year,
                    organ,
                    scale,
                    blanks,
                    tables,
                    active,
                    requests,
                    appeals,
                    blank_bits,
                    breaks,
                    excerpt,
                }
            },
        )
}

/// Reports of both editions, consistent and not, with blanks, absent tables and excerpts.
pub fn report() -> impl Strategy<Value = Report> {
    raw().prop_map(|r| build(&r))
}

/// Reports whose organ is one of [`unusual_organ`].
pub fn report_with_unusual_organ() -> impl Strategy<Value = Report> {
    (raw(), unusual_organ()).prop_map(|(mut r, organ)| {
        r.organ = organ;
        build(&r)
    })
}

/// Reports whose sums hold: no cell changed after they were made consistent. Glued digits are
/// split by the sums, and a split that alone satisfies them is read as certain (issue 3's
/// rule), so a report that breaks its own sums can be split wrong without a doubt (class Q of
/// `fixtures/roundtrip/failing/README.md`).
pub fn consistent_report() -> impl Strategy<Value = Report> {
    raw().prop_map(|mut r| {
        r.breaks.clear();
        build(&r)
    })
}

/// Consistent reports (see [`consistent_report`]) without a blank cell.
pub fn consistent_report_without_blanks() -> impl Strategy<Value = Report> {
    raw().prop_map(|mut r| {
        r.breaks.clear();
        no_blanks(&mut r);
        build(&r)
    })
}

/// Reports whose values are not blank anywhere (a layout that cannot write a blank, like
/// aligned text, must still read every other report exactly).
pub fn report_without_blanks() -> impl Strategy<Value = Report> {
    raw().prop_map(|mut r| {
        no_blanks(&mut r);
        build(&r)
    })
}

/// Reports as most are published: every table whole (no excerpt of table 三, no row of table
/// 二 left out) and no blank cell; consistent or not, both editions, all magnitudes.
pub fn report_whole_without_blanks() -> impl Strategy<Value = Report> {
    raw().prop_map(|mut r| {
        no_blanks(&mut r);
        r.excerpt = None;
        r.active.absent.iter_mut().for_each(|a| *a = false);
        build(&r)
    })
}

fn no_blanks(r: &mut Raw) {
    r.blanks = Blanks::None;
    r.active.blank.iter_mut().for_each(|b| *b = false);
    r.breaks.iter_mut().for_each(|b| {
        b.2.get_or_insert(1);
    });
}

fn blank_if(v: u64, blank: bool) -> Option<u64> {
    (!blank).then_some(v)
}

/// The report the raw choices describe.
pub fn build(r: &Raw) -> Report {
    let edition = Edition::for_year(r.year).expect("years from 2019");
    let active_table = r.tables[0].then(|| active(&r.active, edition)).flatten();
    let requests_table = r.tables[1].then(|| requests(r, edition));
    let appeals_table = r.tables[2].then(|| appeals(r));
    let mut report = Report {
        edition: Some(edition),
        year: Some(r.year),
        organ: Some(r.organ.clone()),
        active_disclosure: active_table,
        requests: requests_table,
        appeals: appeals_table,
        failed_checks: Vec::new(),
        uncertain: Vec::new(),
        layout: Layouts::default(),
        diagnostics: Vec::new(),
    };
    if report.active_disclosure.is_none() && report.requests.is_none() && report.appeals.is_none() {
        // A report without tables is not one the parser returns: keep table 四.
        report.appeals = Some(appeals(r));
    }
    report
}

fn active(a: &RawActive, edition: Edition) -> Option<ActiveDisclosure> {
    let mut blank = a.blank.iter().copied().cycle();
    let mut b = move || blank.next().unwrap_or(false);
    let mut count = |v: u64| if b() { None } else { Some(v) };
    let present = |i: usize| !a.absent.get(i).copied().unwrap_or(false);
    let dec = |(m, s): (i64, u8)| Decimal::new(m, s).expect("scale within bounds");
    match edition {
        Edition::E2021 => {
            let docs = |c: &mut dyn FnMut(u64) -> Option<u64>, d: [u64; 3]| Documents {
                issued: c(d[0]),
                repealed: c(d[1]),
                in_force: c(d[2]),
            };
            let t = ActiveDisclosure2021 {
                regulations: present(0).then(|| docs(&mut count, a.docs[0])),
                normative_documents: present(1).then(|| docs(&mut count, a.docs[1])),
                licensing: present(2).then(|| Decisions { decisions: count(a.decisions[0]) }),
                penalty: present(3).then(|| Decisions { decisions: count(a.decisions[1]) }),
                coercion: present(4).then(|| Decisions { decisions: count(a.decisions[2]) }),
                fees: present(5).then(|| Fees { amount: count(0).map(|_| dec(a.fee)) }),
            };
            (t != ActiveDisclosure2021::default()).then_some(ActiveDisclosure::E2021(t))
        }
        Edition::E2019 => {
            let docs = |c: &mut dyn FnMut(u64) -> Option<u64>, d: [u64; 3]| Documents2019 {
                newly_made: c(d[0]),
                newly_published: c(d[1]),
                total_published: c(d[2]),
            };
            let mut items = |i: usize| Items2019 {
                previous_items: count(a.previous[i]).map(|v| v as i64),
                change: count(0).map(|_| a.changes[i]),
                decisions: count(a.decisions[i]).map(|v| v as i64),
            };
            let licensing = present(2).then(|| items(0));
            let other_services = present(3).then(|| items(1));
            let penalty = present(4).then(|| items(2));
            let coercion = present(5).then(|| items(3));
            let fees = present(6).then(|| Fees2019 {
                previous_items: count(a.previous[4]).map(|v| v as i64),
                change: count(0).map(|_| a.changes[4].clamp(-50, 50)),
            });
            let procurement = present(7).then(|| Procurement {
                projects: count(a.procurement.0),
                amount: count(0).map(|_| dec((a.procurement.1, a.procurement.2))),
            });
            let t = ActiveDisclosure2019 {
                regulations: present(0).then(|| docs(&mut count, a.docs[0])),
                normative_documents: present(1).then(|| docs(&mut count, a.docs[1])),
                licensing,
                other_services,
                penalty,
                coercion,
                fees,
                procurement,
            };
            (t != ActiveDisclosure2019::default()).then_some(ActiveDisclosure::E2019(t))
        }
    }
}

/// The result rows of `edition`, in order.
pub fn result_rows(edition: Edition) -> Vec<RequestRow> {
    RequestRow::rows(edition).filter(|r| r.is_result()).collect()
}

fn requests(r: &Raw, edition: Edition) -> Requests {
    let results = result_rows(edition);
    // Values of the 7 columns of every row, consistent by construction.
    let mut grid: Vec<(RequestRow, [u64; 7])> = Vec::new();
    let full = |six: [u64; 6]| {
        let mut row = [0u64; 7];
        row[..6].copy_from_slice(&six);
        row[6] = six.iter().sum();
        row
    };
    let mut processed = [0u64; 6];
    let mut result_cells = Vec::new();
    for (i, &row) in results.iter().enumerate() {
        // Edition 2019's `other` takes the raw row after its last item row.
        let raw = r.requests.results[i.min(r.requests.results.len() - 1)];
        for c in 0..6 {
            processed[c] += raw[c];
        }
        result_cells.push((row, full(raw)));
    }
    let forward = r.requests.carried_forward;
    let mut over = [0u64; 6];
    let mut new = [0u64; 6];
    for c in 0..6 {
        over[c] = r.requests.carried_over[c] % (processed[c] + forward[c] + 1);
        new[c] = processed[c] + forward[c] - over[c];
    }
    grid.push((RequestRow::NewReceived, full(new)));
    grid.push((RequestRow::CarriedOver, full(over)));
    grid.extend(result_cells);
    grid.push((RequestRow::TotalProcessed, full(processed)));
    grid.push((RequestRow::CarriedForward, full(forward)));

    // Cells changed after: the report breaks identities.
    for &(table, index, value) in &r.breaks {
        if table == 0 {
            let (row, col) = ((index / 7) % grid.len(), index % 7);
            grid[row].1[col] = value.unwrap_or(u64::MAX);
        }
    }
    let mut bits = r.blank_bits.iter().copied().cycle();
    let mut table = Requests::default();
    for (k, (row, cells)) in grid.iter().enumerate() {
        let mut a = Applicants::default();
        for (c, &col) in Applicant::ALL.iter().enumerate() {
            let v = cells[c];
            let bit = bits.next().unwrap_or(false);
            let broken_blank = v == u64::MAX;
            let blank = broken_blank
                || v == 0
                    && match r.blanks {
                        Blanks::None => false,
                        Blanks::ZerosOfColumns => c > 0,
                        Blanks::SomeZeros => bit,
                        Blanks::AllZeros => true,
                    };
            *a.get_mut(col) = blank_if(v, blank);
        }
        let _ = k;
        *table.get_mut(*row) = Some(a);
    }
    if let Some((first, kept)) = r.excerpt {
        let rows: Vec<RequestRow> = RequestRow::rows(edition).collect();
        let first = first.min(rows.len() - 3);
        let end = (first + kept).min(rows.len());
        for (i, &row) in rows.iter().enumerate() {
            if i < first || i >= end {
                *table.get_mut(row) = None;
            }
        }
    }
    table
}

fn appeals(r: &Raw) -> Appeals {
    let mut cells: Vec<[u64; 5]> =
        r.appeals.iter().map(|g| [g[0], g[1], g[2], g[3], g.iter().sum()]).collect();
    for &(table, index, value) in &r.breaks {
        if table == 1 {
            let (g, f) = ((index / 5) % 3, index % 5);
            cells[g][f] = value.unwrap_or(u64::MAX);
        }
    }
    let mut bits = r.blank_bits.iter().rev().copied().cycle();
    let mut out = Appeals::default();
    for (g, &kind) in AppealKind::ALL.iter().enumerate() {
        let mut group = AppealGroup::default();
        for (f, &field) in AppealField::ALL.iter().enumerate() {
            let v = cells[g][f];
            let bit = bits.next().unwrap_or(false);
            let blank = v == u64::MAX
                || v == 0
                    && match r.blanks {
                        Blanks::None => false,
                        Blanks::ZerosOfColumns => g > 0,
                        Blanks::SomeZeros => bit,
                        Blanks::AllZeros => true,
                    };
            *group.get_mut(field) = blank_if(v, blank);
        }
        *out.get_mut(kind) = Some(group);
    }
    out
}

/// The `(rule, at)` pairs `report`'s values break, by SCHEMA.md: blanks count as 0; the column
/// balance needs its four rows, the results sum every result row and （七）总计.
pub fn expected_checks(report: &Report) -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    let n = |v: Option<u64>| v.unwrap_or(0) as i128;
    if let Some(req) = &report.requests {
        let edition = report.edition.unwrap_or(Edition::E2021);
        for row in RequestRow::rows(edition) {
            if let Some(a) = req.get(row) {
                let parts: i128 = Applicant::ALL[..6].iter().map(|&c| n(a.get(c))).sum();
                if parts != n(a.total) {
                    out.insert(("row_sum".to_string(), row.key().to_string()));
                }
            }
        }
        let get = |r: RequestRow| req.get(r);
        let ends = (
            get(RequestRow::NewReceived),
            get(RequestRow::CarriedOver),
            get(RequestRow::TotalProcessed),
            get(RequestRow::CarriedForward),
        );
        if let (Some(nr), Some(co), Some(tp), Some(cf)) = ends {
            for &c in Applicant::ALL {
                if n(nr.get(c)) + n(co.get(c)) != n(tp.get(c)) + n(cf.get(c)) {
                    out.insert(("column_balance".to_string(), c.key().to_string()));
                }
            }
        }
        let results: Vec<&Applicants> = result_rows(edition).into_iter().filter_map(get).collect();
        if let (Some(tp), true) = (ends.2, results.len() == result_rows(edition).len()) {
            for &c in Applicant::ALL {
                let sum: i128 = results.iter().map(|r| n(r.get(c))).sum();
                if sum != n(tp.get(c)) {
                    out.insert(("results_sum".to_string(), c.key().to_string()));
                }
            }
        }
    }
    if let Some(ap) = &report.appeals {
        for &g in AppealKind::ALL {
            if let Some(group) = ap.get(g) {
                let parts: i128 = AppealField::ALL[..4].iter().map(|&f| n(group.get(f))).sum();
                if parts != n(group.total) {
                    out.insert(("appeals_sum".to_string(), g.key().to_string()));
                }
            }
        }
    }
    out
}

/// The generated report as JSON: its values, without what only a parse produces.
pub fn expected_json(report: &Report) -> serde_json::Value {
    let mut v = serde_json::to_value(report).expect("JSON");
    if let Some(o) = v.as_object_mut() {
        for k in ["failed_checks", "uncertain", "layout", "diagnostics"] {
            o.remove(k);
        }
    }
    v
}

/// Whether a report's table 三 has every row of its edition.
pub fn requests_complete(report: &Report) -> bool {
    let edition = report.edition.unwrap_or(Edition::E2021);
    report.requests.as_ref().is_some_and(|r| RequestRow::rows(edition).all(|row| r.get(row).is_some()))
}

//! The report data model. Field names and JSON shape follow `SCHEMA.md` to the letter: it is the
//! contract between the core, the CLI, Python, JavaScript and users' notebooks.
//!
//! Every cell is an `Option`: `None` is a blank cell in the source (blank, `&nbsp;`, `/`, `-`,
//! `—`, `无`), never a silent 0. A row that the source does not contain at all (a truncated
//! excerpt) is left out of its table.

use serde::{Deserialize, Serialize};

use crate::decimal::Decimal;

/// Which official template the tables follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Edition {
    /// 国办公开办函〔2019〕60号: reports on 2019 and 2020.
    #[serde(rename = "2019")]
    E2019,
    /// 国办公开办函〔2021〕30号: reports on 2021 onward.
    #[serde(rename = "2021")]
    E2021,
}

impl Edition {
    /// `"2019"` or `"2021"`, as in the JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Edition::E2019 => "2019",
            Edition::E2021 => "2021",
        }
    }

    /// The edition in force for reports on `year`.
    pub fn for_year(year: u16) -> Option<Edition> {
        match year {
            2019 | 2020 => Some(Edition::E2019),
            y if y >= 2021 => Some(Edition::E2021),
            _ => None,
        }
    }
}

/// Defines an enum of keys with their JSON key and official label, in source order.
macro_rules! keys_enum {
    (
        $(#[$meta:meta])*
        $name:ident { $( $field:ident : $variant:ident = $label:literal ),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $( #[doc = $label] $variant, )+ }

        impl $name {
            /// Every key, in source order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The JSON key.
            pub const fn key(self) -> &'static str {
                match self { $($name::$variant => stringify!($field)),+ }
            }
            /// The official label.
            pub const fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }
        }
    };
}

/// Defines a row struct whose fields are cells, and the enum of its fields, so that the parser,
/// the checks and the renderers can address cells generically.
macro_rules! cells_struct {
    (
        $(#[$meta:meta])*
        $name:ident, $cell:ty, $field_enum:ident { $( $field:ident : $variant:ident = $label:literal ),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            $( #[doc = $label] #[serde(default)] pub $field: Option<$cell>, )+
        }

        keys_enum! {
            #[doc = concat!("The cells of [`", stringify!($name), "`], in source order.")]
            $field_enum { $( $field : $variant = $label ),+ }
        }

        impl $name {
            /// The cell `field`.
            pub fn get(&self, field: $field_enum) -> Option<$cell> {
                match field { $($field_enum::$variant => self.$field),+ }
            }
            /// The cell `field`, to write.
            pub fn get_mut(&mut self, field: $field_enum) -> &mut Option<$cell> {
                match field { $($field_enum::$variant => &mut self.$field),+ }
            }
        }
    };
}

/// Defines a table struct whose fields are optional rows of one type, and its row enum.
macro_rules! rows_struct {
    (
        $(#[$meta:meta])*
        $name:ident, $row:ty, $key_enum:ident { $( $field:ident : $variant:ident = $label:literal ),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            $(
                #[doc = $label]
                #[serde(default, skip_serializing_if = "Option::is_none")]
                pub $field: Option<$row>,
            )+
        }

        keys_enum! {
            #[doc = concat!("The rows of [`", stringify!($name), "`], in source order.")]
            $key_enum { $( $field : $variant = $label ),+ }
        }

        impl $name {
            /// The row `key`, when the source has it.
            pub fn get(&self, key: $key_enum) -> Option<&$row> {
                match key { $($key_enum::$variant => self.$field.as_ref()),+ }
            }
            /// The row `key`, to write.
            pub fn get_mut(&mut self, key: $key_enum) -> &mut Option<$row> {
                match key { $($key_enum::$variant => &mut self.$field),+ }
            }
        }
    };
}

cells_struct! {
    /// One row of table 三: the seven applicant columns.
    Applicants, u64, Applicant {
        natural_person: NaturalPerson = "自然人",
        commercial_enterprise: CommercialEnterprise = "商业企业",
        research_institution: ResearchInstitution = "科研机构",
        social_welfare_org: SocialWelfareOrg = "社会公益组织",
        legal_service_org: LegalServiceOrg = "法律服务机构",
        other_org: OtherOrg = "其他",
        total: Total = "总计",
    }
}

rows_struct! {
    /// Table 三、收到和处理政府信息公开申请情况. Edition 2021 has every row but `other`;
    /// edition 2019 has `other` in place of the three `other_*` rows.
    Requests, Applicants, RequestRow {
        new_received: NewReceived = "一、本年新收政府信息公开申请数量",
        carried_over: CarriedOver = "二、上年结转政府信息公开申请数量",
        disclosed: Disclosed = "三、本年度办理结果（一）予以公开",
        partially_disclosed: PartiallyDisclosed = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        withheld_state_secret: WithheldStateSecret = "（三）不予公开 1.属于国家秘密",
        withheld_law_prohibited: WithheldLawProhibited = "2.其他法律行政法规禁止公开",
        withheld_security: WithheldSecurity = "3.危及“三安全一稳定”",
        withheld_third_party: WithheldThirdParty = "4.保护第三方合法权益",
        withheld_internal: WithheldInternal = "5.属于三类内部事务信息",
        withheld_process: WithheldProcess = "6.属于四类过程性信息",
        withheld_enforcement: WithheldEnforcement = "7.属于行政执法案卷",
        withheld_query: WithheldQuery = "8.属于行政查询事项",
        unavailable_not_held: UnavailableNotHeld = "（四）无法提供 1.本机关不掌握相关政府信息",
        unavailable_needs_creation: UnavailableNeedsCreation = "2.没有现成信息需要另行制作",
        unavailable_unclear: UnavailableUnclear = "3.补正后申请内容仍不明确",
        not_processed_complaint: NotProcessedComplaint = "（五）不予处理 1.信访举报投诉类申请",
        not_processed_duplicate: NotProcessedDuplicate = "2.重复申请",
        not_processed_publication: NotProcessedPublication = "3.要求提供公开出版物",
        not_processed_excessive: NotProcessedExcessive = "4.无正当理由大量反复申请",
        not_processed_confirmation: NotProcessedConfirmation = "5.要求行政机关确认或重新出具已获取信息",
        other_no_correction: OtherNoCorrection = "（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        other_no_fee: OtherNoFee = "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        other_misc: OtherMisc = "3.其他",
        other: Other = "（六）其他处理",
        total_processed: TotalProcessed = "（七）总计",
        carried_forward: CarriedForward = "四、结转下年度继续办理",
    }
}

impl RequestRow {
    /// The rows of table 三 in `edition`, in source order.
    pub fn rows(edition: Edition) -> impl Iterator<Item = RequestRow> {
        RequestRow::ALL.iter().copied().filter(move |r| match edition {
            Edition::E2021 => *r != RequestRow::Other,
            Edition::E2019 => {
                !matches!(r, RequestRow::OtherNoCorrection | RequestRow::OtherNoFee | RequestRow::OtherMisc)
            }
        })
    }

    /// A result row of 三、本年度办理结果 (summed by `results_sum`).
    pub fn is_result(self) -> bool {
        !matches!(
            self,
            RequestRow::NewReceived
                | RequestRow::CarriedOver
                | RequestRow::TotalProcessed
                | RequestRow::CarriedForward
        )
    }
}

cells_struct! {
    /// One group of table 四.
    AppealGroup, u64, AppealField {
        upheld: Upheld = "结果维持",
        corrected: Corrected = "结果纠正",
        other: Other = "其他结果",
        pending: Pending = "尚未审结",
        total: Total = "总计",
    }
}

rows_struct! {
    /// Table 四、政府信息公开行政复议、行政诉讼情况.
    Appeals, AppealGroup, AppealKind {
        review: Review = "行政复议",
        litigation_direct: LitigationDirect = "行政诉讼 未经复议直接起诉",
        litigation_after_review: LitigationAfterReview = "行政诉讼 复议后起诉",
    }
}

cells_struct! {
    /// 规章 or 规范性文件 in edition 2021.
    Documents, u64, DocumentField {
        issued: Issued = "本年制发件数",
        repealed: Repealed = "本年废止件数",
        in_force: InForce = "现行有效件数",
    }
}

cells_struct! {
    /// 行政许可, 行政处罚 or 行政强制 in edition 2021.
    Decisions, u64, DecisionField {
        decisions: Decisions = "本年处理决定数量",
    }
}

cells_struct! {
    /// 行政事业性收费 in edition 2021.
    Fees, Decimal, FeeField {
        amount: Amount = "本年收费金额（单位：万元）",
    }
}

keys_enum! {
    /// The rows of table 二, edition 2021, in source order.
    ActiveRow2021 {
        regulations: Regulations = "第二十条第（一）项 规章",
        normative_documents: NormativeDocuments = "第二十条第（一）项 行政规范性文件",
        licensing: Licensing = "第二十条第（五）项 行政许可",
        penalty: Penalty = "第二十条第（六）项 行政处罚",
        coercion: Coercion = "第二十条第（六）项 行政强制",
        fees: Fees = "第二十条第（八）项 行政事业性收费",
    }
}

cells_struct! {
    /// 规章 or 规范性文件 in edition 2019.
    Documents2019, u64, Document2019Field {
        newly_made: NewlyMade = "本年新制作数量",
        newly_published: NewlyPublished = "本年新公开数量",
        total_published: TotalPublished = "对外公开总数量",
    }
}

cells_struct! {
    /// 行政许可, 其他对外管理服务事项, 行政处罚 or 行政强制 in edition 2019.
    Items2019, i64, Item2019Field {
        previous_items: PreviousItems = "上一年项目数量",
        change: Change = "本年增/减",
        decisions: Decisions = "处理决定数量",
    }
}

cells_struct! {
    /// 行政事业性收费 in edition 2019.
    Fees2019, i64, Fee2019Field {
        previous_items: PreviousItems = "上一年项目数量",
        change: Change = "本年增/减",
    }
}

/// 政府集中采购 in edition 2019: a count of projects and an amount.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Procurement {
    /// 采购项目数量
    #[serde(default)]
    pub projects: Option<u64>,
    /// 采购总金额 (as written, decimals kept)
    #[serde(default)]
    pub amount: Option<Decimal>,
}

keys_enum! {
    /// The cells of [`Procurement`], in source order.
    ProcurementField {
        projects: Projects = "采购项目数量",
        amount: Amount = "采购总金额",
    }
}

keys_enum! {
    /// The rows of table 二, edition 2019, in source order.
    ActiveRow2019 {
        regulations: Regulations = "第二十条第（一）项 规章",
        normative_documents: NormativeDocuments = "规范性文件",
        licensing: Licensing = "第二十条第（五）项 行政许可",
        other_services: OtherServices = "第二十条第（五）项 其他对外管理服务事项",
        penalty: Penalty = "第二十条第（六）项 行政处罚",
        coercion: Coercion = "第二十条第（六）项 行政强制",
        fees: Fees = "第二十条第（八）项 行政事业性收费",
        procurement: Procurement = "第二十条第（九）项 政府集中采购",
    }
}

/// Table 二 in either edition. The two editions have different rows and columns, so each has
/// its own struct; in JSON both are a plain object of rows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ActiveDisclosure {
    /// Edition 2021.
    E2021(ActiveDisclosure2021),
    /// Edition 2019.
    E2019(ActiveDisclosure2019),
}

/// Table 二、主动公开政府信息情况, edition 2021.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActiveDisclosure2021 {
    /// 第二十条第（一）项 规章
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regulations: Option<Documents>,
    /// 第二十条第（一）项 行政规范性文件
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub normative_documents: Option<Documents>,
    /// 第二十条第（五）项 行政许可
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licensing: Option<Decisions>,
    /// 第二十条第（六）项 行政处罚
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub penalty: Option<Decisions>,
    /// 第二十条第（六）项 行政强制
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coercion: Option<Decisions>,
    /// 第二十条第（八）项 行政事业性收费
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fees: Option<Fees>,
}

/// Table 二、主动公开政府信息情况, edition 2019.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActiveDisclosure2019 {
    /// 第二十条第（一）项 规章
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regulations: Option<Documents2019>,
    /// 规范性文件
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub normative_documents: Option<Documents2019>,
    /// 第二十条第（五）项 行政许可
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licensing: Option<Items2019>,
    /// 第二十条第（五）项 其他对外管理服务事项
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_services: Option<Items2019>,
    /// 第二十条第（六）项 行政处罚
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub penalty: Option<Items2019>,
    /// 第二十条第（六）项 行政强制
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coercion: Option<Items2019>,
    /// 第二十条第（八）项 行政事业性收费
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fees: Option<Fees2019>,
    /// 第二十条第（九）项 政府集中采购
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub procurement: Option<Procurement>,
}

/// A cross-check (勾稽关系) of SCHEMA.md.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// 三, every row: the six applicant columns add up to `total`.
    RowSum,
    /// 三, every column: `new_received + carried_over = total_processed + carried_forward`.
    ColumnBalance,
    /// 三, every column: the result rows add up to `total_processed`.
    ResultsSum,
    /// 四, every group: `upheld + corrected + other + pending = total`.
    AppealsSum,
}

impl Rule {
    /// The key used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::RowSum => "row_sum",
            Rule::ColumnBalance => "column_balance",
            Rule::ResultsSum => "results_sum",
            Rule::AppealsSum => "appeals_sum",
        }
    }
}

/// A cross-check that the parsed values break. Blanks count as 0 on both sides.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FailedCheck {
    /// Which identity.
    pub rule: Rule,
    /// The row key (`row_sum`), column key (`column_balance`, `results_sum`) or group key
    /// (`appeals_sum`).
    pub at: String,
    /// The sum of the parts: the six applicant columns, `new_received + carried_over`, the
    /// result rows, or `upheld + corrected + other + pending`.
    pub expected: i64,
    /// The total the report states: `total`, `total_processed + carried_forward`,
    /// `total_processed`, or the group's `total`.
    pub found: i64,
}

/// The text layout a table was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Layout {
    /// An HTML `<table>`.
    Html,
    /// Markdown pipe rows.
    Markdown,
    /// Tab-separated rows.
    Tsv,
    /// Comma-separated rows.
    Csv,
    /// One cell per line, blocks separated by blank lines.
    CellPerLine,
    /// One cell per line, each indented by a tab; rows separated by blank lines.
    TabCells,
    /// Whitespace-aligned columns, one row per line (`pdftotext -layout`, row text).
    Aligned,
    /// Reading-order text: labels and numbers in separate blocks.
    ReadingOrder,
    /// Column-major dump: labels, then the numbers column by column.
    ColumnMajor,
    /// Cells glued together with their separators lost.
    Glued,
}

impl Layout {
    /// Every layout.
    pub const ALL: &'static [Layout] = &[
        Layout::Html,
        Layout::Markdown,
        Layout::Tsv,
        Layout::Csv,
        Layout::CellPerLine,
        Layout::TabCells,
        Layout::Aligned,
        Layout::ReadingOrder,
        Layout::ColumnMajor,
        Layout::Glued,
    ];

    /// The layout named `name` (as in JSON: `html`, `tab_cells`…; `-` may stand for `_`).
    pub fn from_name(name: &str) -> Option<Layout> {
        let name = name.replace('-', "_");
        Layout::ALL.iter().copied().find(|l| l.as_str() == name)
    }

    /// The key used in JSON and by `xxgk render --layout`.
    pub fn as_str(self) -> &'static str {
        match self {
            Layout::Html => "html",
            Layout::Markdown => "markdown",
            Layout::Tsv => "tsv",
            Layout::Csv => "csv",
            Layout::CellPerLine => "cell_per_line",
            Layout::TabCells => "tab_cells",
            Layout::Aligned => "aligned",
            Layout::ReadingOrder => "reading_order",
            Layout::ColumnMajor => "column_major",
            Layout::Glued => "glued",
        }
    }
}

/// The layout each table was read from (`null` for a table that is absent).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Layouts {
    /// Table 二.
    pub active_disclosure: Option<Layout>,
    /// Table 三.
    pub requests: Option<Layout>,
    /// Table 四.
    pub appeals: Option<Layout>,
}

/// Something the parser noticed that a user may want to know, with where it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// A stable code, e.g. `noise_dropped`, `cell_recovered`, `glued_split`.
    pub code: String,
    /// What happened, in words.
    pub message: String,
    /// Byte offset in the decoded text, when the diagnostic has a place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<usize>,
    /// 1-based line of `offset`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// 1-based column (in characters) of `offset`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
}

/// A parsed 政府信息公开工作年度报告.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The template edition the tables follow; `None` for a report that predates 2019's.
    pub edition: Option<Edition>,
    /// The year the report covers.
    pub year: Option<u16>,
    /// The body that issued the report, as named in the title.
    pub organ: Option<String>,
    /// Table 二.
    pub active_disclosure: Option<ActiveDisclosure>,
    /// Table 三.
    pub requests: Option<Requests>,
    /// Table 四.
    pub appeals: Option<Appeals>,
    /// Every cross-check the parsed values break.
    #[serde(default)]
    pub failed_checks: Vec<FailedCheck>,
    /// Paths of cells (and metadata fields) that were inferred, repaired or could not be read
    /// with certainty, in source order.
    #[serde(default)]
    pub uncertain: Vec<String>,
    /// The layout each table was read from.
    #[serde(default)]
    pub layout: Layouts,
    /// What the parser noticed on the way, with positions.
    #[serde(default)]
    pub diagnostics: Vec<Diagnostic>,
}

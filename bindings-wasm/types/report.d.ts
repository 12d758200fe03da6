// The report as `parse` returns it: the shape of tests/fixtures/SCHEMA.md, plus `layout` and
// `diagnostics`. Hand-written (wasm-bindgen types the functions, not JSON); src/lib.rs puts it into
// the generated xxgk.d.ts.

/** A cell: a number, or `null` where the source cell is blank (never a silent 0). */
export type Cell = number | null;

/** The template the tables follow: 国办公开办函〔2021〕30号 or 〔2019〕60号. */
export type Edition = "2021" | "2019";

/** Table 三's columns: the applicant kinds and their total. */
export type ApplicantKey =
  | "natural_person"
  | "commercial_enterprise"
  | "research_institution"
  | "social_welfare_org"
  | "legal_service_org"
  | "other_org"
  | "total";

/** Table 三's rows. Edition 2021 has all but `other`; 2019 has `other` for the `other_*` rows. */
export type RequestRowKey =
  | "new_received"
  | "carried_over"
  | "disclosed"
  | "partially_disclosed"
  | "withheld_state_secret"
  | "withheld_law_prohibited"
  | "withheld_security"
  | "withheld_third_party"
  | "withheld_internal"
  | "withheld_process"
  | "withheld_enforcement"
  | "withheld_query"
  | "unavailable_not_held"
  | "unavailable_needs_creation"
  | "unavailable_unclear"
  | "not_processed_complaint"
  | "not_processed_duplicate"
  | "not_processed_publication"
  | "not_processed_excessive"
  | "not_processed_confirmation"
  | "other_no_correction"
  | "other_no_fee"
  | "other_misc"
  | "other"
  | "total_processed"
  | "carried_forward";

/** One row of table 三. */
export type Applicants = Record<ApplicantKey, Cell>;

/** Table 三: rows the source does not contain at all are left out. */
export type Requests = Partial<Record<RequestRowKey, Applicants>>;

export type AppealKindKey = "review" | "litigation_direct" | "litigation_after_review";
export type AppealFieldKey = "upheld" | "corrected" | "other" | "pending" | "total";

/** Table 四. */
export type Appeals = Partial<Record<AppealKindKey, Record<AppealFieldKey, Cell>>>;

/** Table 二, edition 2021. `fees.amount` is in 万元. */
export interface ActiveDisclosure2021 {
  regulations?: { issued: Cell; repealed: Cell; in_force: Cell };
  normative_documents?: { issued: Cell; repealed: Cell; in_force: Cell };
  licensing?: { decisions: Cell };
  penalty?: { decisions: Cell };
  coercion?: { decisions: Cell };
  fees?: { amount: Cell };
}

/** 行政许可, 其他对外管理服务事项, 行政处罚, 行政强制 in edition 2019. `change` is signed. */
export interface Items2019 {
  previous_items: Cell;
  change: Cell;
  decisions: Cell;
}

/** Table 二, edition 2019. */
export interface ActiveDisclosure2019 {
  regulations?: { newly_made: Cell; newly_published: Cell; total_published: Cell };
  normative_documents?: { newly_made: Cell; newly_published: Cell; total_published: Cell };
  licensing?: Items2019;
  other_services?: Items2019;
  penalty?: Items2019;
  coercion?: Items2019;
  fees?: { previous_items: Cell; change: Cell };
  procurement?: { projects: Cell; amount: Cell };
}

export type Rule = "row_sum" | "column_balance" | "results_sum" | "appeals_sum";

/** A cross-check the values break. Blanks count as 0 on both sides. */
export interface FailedCheck {
  rule: Rule;
  /** The row key (`row_sum`), column key (`column_balance`, `results_sum`) or group key. */
  at: string;
  /** The sum of the parts. */
  expected: number;
  /** The total the report states. */
  found: number;
}

export type LayoutName =
  | "html"
  | "markdown"
  | "tsv"
  | "csv"
  | "cell_per_line"
  | "tab_cells"
  | "aligned"
  | "reading_order"
  | "column_major"
  | "glued";

/** Something the parser noticed, with its place in the decoded text where it has one. */
export interface Diagnostic {
  code: string;
  message: string;
  /** Byte offset in the decoded (UTF-8) text. */
  offset?: number;
  /** 1-based line. */
  line?: number;
  /** 1-based column, in characters. */
  column?: number;
}

/** A parsed 政府信息公开工作年度报告. */
export interface Report {
  edition: Edition | null;
  year: number | null;
  organ: string | null;
  active_disclosure: ActiveDisclosure2021 | ActiveDisclosure2019 | null;
  requests: Requests | null;
  appeals: Appeals | null;
  failed_checks: FailedCheck[];
  /** Paths (`requests.new_received.total`) of cells inferred, repaired or ambiguous. */
  uncertain: string[];
  /** The layout each table was read from; `null` for an absent table. */
  layout: {
    active_disclosure: LayoutName | null;
    requests: LayoutName | null;
    appeals: LayoutName | null;
  };
  diagnostics: Diagnostic[];
}

/** What `parse`, `parseBytes` and `render` throw. */
export interface XxgkError extends Error {
  name: "XxgkError";
  /** Byte offset in the input, when the error has one (undecodable bytes). */
  offset?: number;
  /** 1-based line, when the error has one. */
  line?: number;
}

export interface KeyLabel<K extends string = string> {
  key: K;
  label: string;
}

/** The official labels, as `labels()` returns them; every list is in source order. */
export interface Labels {
  requests: {
    rows: (KeyLabel<RequestRowKey> & { editions: Edition[] })[];
    columns: KeyLabel<ApplicantKey>[];
  };
  appeals: {
    groups: KeyLabel<AppealKindKey>[];
    fields: KeyLabel<AppealFieldKey>[];
  };
  active_disclosure: Record<Edition, (KeyLabel & { fields: KeyLabel[] })[]>;
  layouts: LayoutName[];
}

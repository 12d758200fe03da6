//! xxgk reads China's 政府信息公开工作年度报告 (annual reports on government information
//! disclosure) and returns the data of their tables — 二 主动公开, 三 收到和处理政府信息公开申请,
//! 四 行政复议、行政诉讼 — exactly, in whatever state the text reached you: copied out of web
//! pages, PDFs or OCR as markdown, TSV, one cell per line, aligned columns, glued digits, or
//! HTML with rowspans and colspans.
//!
//! ```
//! let text = std::fs::read_to_string("../tests/fixtures/seeds/002_eee78a6d75b74889.txt").unwrap();
//! let report = xxgk::parse(&text).unwrap();
//! assert_eq!(report.organ.as_deref(), Some("赣县区"));
//! let requests = report.requests.as_ref().unwrap();
//! assert_eq!(requests.new_received.as_ref().unwrap().total, Some(49));
//! assert!(report.failed_checks.is_empty());
//! ```
//!
//! Values are checked against the template's own arithmetic (勾稽关系): what the source breaks
//! is listed in [`Report::failed_checks`], and values are never changed to make a check pass.
//! A cell whose value had to be inferred, repaired or chosen between readings of damaged text
//! is listed in [`Report::uncertain`]; every other value is what the source says.
#![forbid(unsafe_code)]
#![warn(missing_docs)]
// No input may panic the parser: no unwrap, expect or panic, and every index is checked
// (`get`, iterators, patterns), string slices too (a byte range that cuts a character
// panics). Unit tests may index what they built themselves.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::string_slice
    )
)]

mod active;
mod appeals;
mod cells;
mod checks;
mod columns;
mod decimal;
mod decode;
mod error;
mod layout;
mod lexer;
mod model;
mod render;
mod report;
mod requests;
mod sections;
mod solve;
#[doc(hidden)]
pub mod stages;
mod template;
mod text;

pub use decimal::{Decimal, ParseDecimalError};
pub use error::Error;
pub use model::*;
pub use render::RenderError;
pub use text::line_col;

use report::Diagnostics;

/// The largest input [`parse`] accepts by default: 16 MiB, four hundred times the largest
/// report page. It bounds memory too: the parser's heap peaks at about 80 bytes per input
/// byte (one dense line of table text), so a default-sized input stays under 2 GiB — within a
/// browser's WebAssembly memory. Raise it with [`Options`].
pub const DEFAULT_MAX_BYTES: usize = 16 << 20;

/// Parses a report from text.
pub fn parse(text: &str) -> Result<Report, Error> {
    Options::default().parse(text)
}

/// Parses a report from bytes in UTF-8, UTF-16 (with BOM), GBK, GB2312 or GB18030.
pub fn parse_bytes(bytes: &[u8]) -> Result<Report, Error> {
    Options::default().parse_bytes(bytes)
}

/// Parsing options.
#[derive(Clone, Debug)]
pub struct Options {
    /// Inputs larger than this many bytes are refused with [`Error::TooLarge`].
    pub max_bytes: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options { max_bytes: DEFAULT_MAX_BYTES }
    }
}

impl Options {
    /// Parses a report from text.
    pub fn parse(&self, text: &str) -> Result<Report, Error> {
        self.check_size(text.len())?;
        run(text)
    }

    /// Parses a report from bytes (see [`parse_bytes`]).
    pub fn parse_bytes(&self, bytes: &[u8]) -> Result<Report, Error> {
        self.check_size(bytes.len())?;
        let text = decode::decode(bytes, None)?;
        run(&text)
    }

    /// Parses a report from bytes, with `gb` to decode text that is neither UTF-8 nor UTF-16
    /// (GBK, GB2312, GB18030; `None` when it is not that either). Builds without the `gbk`
    /// feature pass the platform's decoder here; with the feature the core decodes GB itself.
    pub fn parse_bytes_with(
        &self,
        bytes: &[u8],
        gb: &dyn Fn(&[u8]) -> Option<String>,
    ) -> Result<Report, Error> {
        self.check_size(bytes.len())?;
        let text = decode::decode(bytes, Some(gb))?;
        run(&text)
    }

    fn check_size(&self, size: usize) -> Result<(), Error> {
        if size > self.max_bytes {
            return Err(Error::TooLarge { size, limit: self.max_bytes });
        }
        Ok(())
    }
}

fn run(input: &str) -> Result<Report, Error> {
    let page = Page::new(input);
    let found = page.find();
    let mut diags = Diagnostics::default();
    let tokens = page.tokens(&found, &mut diags);
    let tables = page.tables(&found, &tokens, &mut diags);
    page.report(found, tables, diags)
}

// The steps of `run` are functions of their own so that `stages` can time them one at a time.

/// The input and the working text the readers run on, with the map from working offsets back
/// to the input and the ranges of the working text that came from HTML table rows.
pub(crate) struct Page<'a> {
    input: &'a str,
    working: String,
    map: text::OffsetMap,
    html_rows: Vec<(usize, usize)>,
}

/// What the title says and where the tables are.
#[derive(Clone)]
pub(crate) struct Found {
    meta: sections::Meta,
    regions: sections::Regions,
}

/// The tokens of the regions of tables 二, 三 and 四.
pub(crate) struct Tokens {
    active: layout::Region,
    requests: layout::Region,
    appeals: layout::Region,
}

/// The most bytes of working text read as one table's region. The largest table of the
/// template, in the most wasteful layout (one cell per line, wrapped labels, OCR noise), takes
/// about 10 KB; a region runs on to the next heading, so it also holds the prose after its
/// table. A region past this size is not a table but a page gone wrong (one 10 MB line of
/// rows, a hundred thousand rows): only its first part is read, said in a diagnostic, and its
/// cells are reported uncertain, so that the cost of a parse stays bounded whatever the input.
const MAX_REGION_BYTES: usize = 1 << 20;

/// The tables as read against the template, before the checks.
pub(crate) struct Tables {
    edition: Option<Edition>,
    active: Option<active::Read>,
    requests: Option<requests::Read>,
    appeals: Option<appeals::Read>,
}

impl<'a> Page<'a> {
    /// Decode and normalise: HTML tables flattened with their spans, other text normalised.
    fn new(input: &'a str) -> Page<'a> {
        let (working, map, html_rows) = if layout::html::has_tables(input) {
            let flat = layout::html::flatten(input);
            let (w, m) = flat.emitter.finish();
            (w, m, flat.rows)
        } else {
            let (w, m) = text::normalize(input);
            (w, m, Vec::new())
        };
        Page { input, working, map, html_rows }
    }

    /// Find the title and the sections.
    fn find(&self) -> Found {
        Found { meta: sections::meta(&self.working), regions: sections::regions(&self.working) }
    }

    /// Where the working text's characters stand on their lines, measured on the input.
    fn columns(&self) -> layout::Columns<'_> {
        layout::Columns::new(self.input, &self.map)
    }

    /// Read the layout of each table's region into tokens.
    fn tokens(&self, found: &Found, diags: &mut Diagnostics) -> Tokens {
        let columns = self.columns();
        let mut read = |r: Option<(usize, usize)>, table: &str| {
            let Some((s, e)) = r else { return layout::Region::default() };
            let (end, truncated) = self.region_end(s, e);
            if truncated {
                diags.at(
                    "table_truncated",
                    format!(
                        "table {table}'s region is {} bytes long, far more than any table of the template \
                         takes: only its first {} bytes were read, and its cells are reported uncertain",
                        e.saturating_sub(s),
                        end.saturating_sub(s)
                    ),
                    end,
                );
            }
            let damaged = self.working.get(s..end).and_then(|r| r.find('\u{FFFD}')).map(|i| s + i);
            if let Some(at) = damaged {
                diags.at(
                    "table_damaged",
                    format!(
                        "table {table} holds replacement characters (U+FFFD), where bytes that were not \
                         text stood and a digit may have been lost: its cells are reported uncertain"
                    ),
                    at,
                );
            }
            layout::Region {
                toks: layout::read(&self.working, s, end, &self.html_rows, &columns, diags),
                doubted: truncated || damaged.is_some(),
            }
        };
        Tokens {
            active: read(found.regions.active, "二"),
            requests: read(found.regions.requests, "三"),
            appeals: read(found.regions.appeals, "四"),
        }
    }

    /// Where the reading of region `start..end` stops, and whether that cuts it: within
    /// [`MAX_REGION_BYTES`].
    fn region_end(&self, start: usize, end: usize) -> (usize, bool) {
        if end.saturating_sub(start) <= MAX_REGION_BYTES {
            return (end, false);
        }
        // At a line end in the last half of the window, else between words, so that no number
        // is cut in two; a window of one word is cut where it is.
        let cap = text::floor_char_boundary(&self.working, start + MAX_REGION_BYTES);
        let half = text::floor_char_boundary(&self.working, start + MAX_REGION_BYTES / 2);
        let tail = self.working.get(half..cap).unwrap_or("");
        let cut = tail.rfind('\n').or_else(|| tail.rfind([' ', '\t'])).map_or(cap, |i| half + i + 1);
        (cut, true)
    }

    /// Align the tokens to the template's tables.
    fn tables(&self, found: &Found, tokens: &Tokens, diags: &mut Diagnostics) -> Tables {
        let working = &self.working;
        let active_segs = layout::segments(working, &tokens.active.toks);
        let request_segs = layout::segments(working, &tokens.requests.toks);
        let appeal_segs = layout::segments(working, &tokens.appeals.toks);

        let marked =
            found.regions.active.and_then(|(s, e)| working.get(s..e).and_then(active::edition_marked));
        let by_year = found.meta.year.and_then(Edition::for_year);
        let measure = self.columns();
        let hint = marked.or(by_year);
        let requests = requests::read(working, &tokens.requests, &request_segs, &measure, hint, diags);
        let edition = requests.as_ref().map(|r| r.edition).or(marked).or(by_year);
        let active_edition = marked.or(edition);
        if let (Some(a), Some(r)) = (active_edition, requests.as_ref().map(|r| r.edition)) {
            if a != r {
                diags.note(
                    "editions_disagree",
                    format!(
                        "table 二 follows the {} template but table 三 the {} one",
                        a.as_str(),
                        r.as_str()
                    ),
                );
            }
        }
        let column_major = requests.as_ref().is_some_and(|r| r.layout == Layout::ColumnMajor);
        let active = active_edition.and_then(|e| {
            active::read(working, &tokens.active, &active_segs, &measure, e, column_major, diags)
        });
        let appeals = appeals::read(working, &tokens.appeals, &appeal_segs, &measure, diags);
        Tables { edition, active, requests, appeals }
    }

    /// Check the tables against the template's arithmetic and put the report together.
    fn report(&self, found: Found, tables: Tables, mut diags: Diagnostics) -> Result<Report, Error> {
        let Page { input, working, map, .. } = self;
        let Found { meta, regions } = found;
        let Tables { edition, active, requests, appeals } = tables;
        if active.is_none() && requests.is_none() && appeals.is_none() {
            return no_tables(input, working, map, meta, regions.any(), diags);
        }

        let mut failed_checks = Vec::new();
        let mut uncertain = Vec::new();
        let mut layouts = Layouts::default();
        let mut report_edition = edition;
        let active_table = active.map(|a| {
            uncertain.extend(a.uncertain);
            layouts.active_disclosure = Some(a.layout);
            a.table
        });
        let requests_table = requests.map(|r| {
            checks::requests(&r.table, r.edition, &mut failed_checks);
            uncertain.extend(r.uncertain);
            layouts.requests = Some(r.layout);
            report_edition = Some(r.edition);
            r.table
        });
        let appeals_table = appeals.map(|a| {
            checks::appeals(&a.table, &mut failed_checks);
            uncertain.extend(a.uncertain);
            layouts.appeals = Some(a.layout);
            a.table
        });
        if meta.year.is_none() {
            diags.note(
                "year_missing",
                "no title or statistics period states the year the report covers".into(),
            );
        }
        if meta.organ.is_none() {
            diags.note("organ_missing", "no title names the body that issued the report".into());
        }
        Ok(Report {
            edition: report_edition,
            year: meta.year,
            organ: meta.organ.map(|span| sections::organ_text(working, input, map, span)),
            active_disclosure: active_table,
            requests: requests_table,
            appeals: appeals_table,
            failed_checks,
            uncertain,
            layout: layouts,
            diagnostics: diags.finish(input, map),
        })
    }
}

/// A text without the template's tables: a report on the template before 2019 is still a
/// report (with its organ and year, and no tables); anything else is an error.
fn no_tables(
    input: &str,
    working: &str,
    map: &text::OffsetMap,
    meta: sections::Meta,
    regions_found: bool,
    mut diags: Diagnostics,
) -> Result<Report, Error> {
    let title_line = meta.title_at.map(|at| line_col(input, map.to_input(at)).0);
    if meta.title_at.is_some() && meta.year.is_some_and(|y| y < 2019) {
        diags.note(
            "pre_2019_template",
            format!(
                "this report covers {} and predates the 2019 template: its 统计表 has none of the \
                 tables 二, 三 and 四, so none are returned",
                meta.year.unwrap_or_default()
            ),
        );
        return Ok(Report {
            edition: None,
            year: meta.year,
            organ: meta.organ.map(|span| sections::organ_text(working, input, map, span)),
            active_disclosure: None,
            requests: None,
            appeals: None,
            failed_checks: Vec::new(),
            uncertain: Vec::new(),
            layout: Layouts::default(),
            diagnostics: diags.finish(input, map),
        });
    }
    let reason = match (title_line, regions_found) {
        (_, true) => "the text has the headings of the tables but no values under them".to_string(),
        (Some(line), false) => format!(
            "the report titled at line {line} has none of the tables 二 主动公开, 三 收到和处理申请 or \
             四 行政复议、行政诉讼 of the 2019/2021 template (were they images?)"
        ),
        (None, false) => format!(
            "the text ({} characters) has no 政府信息公开工作年度报告 title and none of the tables \
             二 主动公开, 三 收到和处理申请 or 四 行政复议、行政诉讼",
            working.chars().count()
        ),
    };
    Err(Error::NoTables { reason, line: title_line })
}

/// Entry points into the readers for the fuzz targets in `fuzz/`: not part of the API.
#[doc(hidden)]
pub mod fuzzing {
    use crate::cells::{self, Shape, Sum};
    use crate::layout::{self, Kind, Source, Tok};
    use crate::template::CellKind;

    /// The lexer on one cell and on one plain line.
    pub fn lex(text: &str) {
        let mut out = Vec::new();
        crate::lexer::lex(text, 0, true, &mut out);
        crate::lexer::lex(text, 0, false, &mut out);
    }

    /// Every line reader (pipe rows, TSV, CSV, tab cells, plain lines) over the whole text,
    /// then the segments the solvers start from.
    pub fn read_lines(text: &str) -> usize {
        let mut diags = crate::report::Diagnostics::default();
        let map = crate::text::OffsetMap::default();
        let toks = layout::read(text, 0, text.len(), &[], &layout::Columns::new(text, &map), &mut diags);
        layout::segments(text, &toks).len()
    }

    /// The HTML reader: the working text and its table rows.
    pub fn flatten_html(html: &str) -> usize {
        let flat = layout::html::flatten(html);
        flat.rows.len() + flat.emitter.finish().0.len()
    }

    /// The glued-digit splitter: `digits` (glued, space-separated pieces) read as a row of
    /// `width` counts whose first `width - 1` cells add up to the last.
    pub fn split_glued(digits: &str, width: usize) -> usize {
        let width = width.clamp(1, 15);
        let kinds = vec![CellKind::Count; width];
        let sums = [Sum { parts: 0..width - 1, total: width - 1 }];
        let mut lexemes = Vec::new();
        crate::lexer::lex(digits, 0, false, &mut lexemes);
        let toks: Vec<Tok> = lexemes
            .into_iter()
            .filter_map(|l| match l.piece {
                crate::lexer::Piece::Num(n) => Some(Kind::Val(Some(n))),
                crate::lexer::Piece::Blank => Some(Kind::Val(None)),
                _ => None,
            })
            .map(|kind| Tok::new(kind, (0, 0), Source::Aligned))
            .collect();
        let refs: Vec<&Tok> = toks.iter().collect();
        cells::read(digits, &refs, &Shape { kinds: &kinds, sums: &sums }, cells::Hints::default()).cands.len()
    }

    /// Finding the sections and the title.
    pub fn sections(text: &str) -> bool {
        crate::sections::meta(text).year.is_some() || crate::sections::regions(text).any()
    }
}

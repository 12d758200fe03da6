//! The stages of a parse one at a time, for the benchmarks of `benches/` that time each of
//! them: not part of the API. [`crate::parse`] runs the same steps in one go; each stage here
//! takes what the stages before it returned.
//!
//! | stage | function | what it does |
//! |---|---|---|
//! | decode | [`decode`] | bytes to text (`parse_bytes` only) |
//! | normalise | [`normalize`] | entities, widths, line ends; HTML tables flattened |
//! | sections | [`sections`] | the title and the regions of tables 二, 三 and 四 |
//! | layout | [`tokens`] | each region read into tokens (pipe rows, TSV, cells, aligned text…) |
//! | align | [`tables`] | segments, then the tables aligned to the template |
//! | checks | [`report`] | the template's arithmetic, and the report put together |

use crate::report::Diagnostics;
use crate::{Error, Report};

/// Decodes `bytes` as [`crate::parse_bytes`] does; returns the length of the text.
pub fn decode(bytes: &[u8]) -> Result<usize, Error> {
    crate::decode::decode(bytes, None).map(|text| text.len())
}

/// The working text of an input.
pub struct Page<'a>(crate::Page<'a>);

/// Normalises `input` (or flattens its HTML tables).
pub fn normalize(input: &str) -> Page<'_> {
    Page(crate::Page::new(input))
}

/// The title and the regions of the tables.
#[derive(Clone)]
pub struct Sections(crate::Found);

/// Finds the title and the sections of a page.
pub fn sections(page: &Page<'_>) -> Sections {
    Sections(page.0.find())
}

/// The tokens of the tables' regions, with the diagnostics reading them gave.
pub struct Tokens {
    tokens: crate::Tokens,
    diags: Diagnostics,
}

/// Reads each table's region into tokens.
pub fn tokens(page: &Page<'_>, sections: &Sections) -> Tokens {
    let mut diags = Diagnostics::default();
    let tokens = page.0.tokens(&sections.0, &mut diags);
    Tokens { tokens, diags }
}

/// The tables aligned to the template, with the diagnostics so far.
pub struct Tables {
    tables: crate::Tables,
    diags: Diagnostics,
}

/// Aligns the tokens to the template's tables.
pub fn tables(page: &Page<'_>, sections: &Sections, tokens: Tokens) -> Tables {
    let Tokens { tokens, mut diags } = tokens;
    let tables = page.0.tables(&sections.0, &tokens, &mut diags);
    Tables { tables, diags }
}

/// Checks the tables and puts the report together: the last stage, whose result is what
/// [`crate::parse`] returns.
pub fn report(page: &Page<'_>, sections: Sections, tables: Tables) -> Result<Report, Error> {
    page.0.report(sections.0, tables.tables, tables.diags)
}

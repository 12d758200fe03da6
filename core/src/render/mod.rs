//! Renderers: a [`Report`] written back as a whole report — title with organ and year, section
//! headings, the three tables laid out as in the official template — in one of the layouts the
//! parser reads. They turn a damaged report into a clean one, and they feed the round-trip
//! property tests: `parse(render(r)) == r`.
//!
//! [`template`] builds the tables as grids of cells with their spans, [`document`] the report
//! around them; each layout module only writes that document out:
//!
//! | layout | module | what it looks like |
//! |---|---|---|
//! | `markdown` | [`markdown`] | pipe tables, spans written as empty cells |
//! | `tsv`, `csv` | [`delimited`] | one row a line, spans as empty fields |
//! | `cell_per_line` | [`cells`] | a scraped page: every cell a line, blank lines between, blanks as U+00A0 |
//! | `tab_cells` | [`tab_cells`] | every cell a tab-indented line, rows between blank lines |
//! | `html` | [`html`] | a CMS page: `<table>` with rowspan/colspan, `<p><span>` in cells, `&nbsp;` |
//! | `aligned` | [`aligned`] | `pdftotext -layout`: columns padded with spaces, CJK two columns wide |
//! | `glued` | [`glued`] | HTML stripped of its tags: a table's cells run together on one line |
//!
//! `reading_order` and `column_major` are layouts the parser reads but no renderer writes.

mod aligned;
mod cells;
mod delimited;
mod document;
mod glued;
mod html;
mod markdown;
mod tab_cells;
mod template;

use crate::model::{Layout, Report};

/// Why a report cannot be rendered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RenderError {
    /// The layout is one the parser reads but no renderer writes.
    #[error("no renderer writes the {} layout", .0.as_str())]
    Unsupported(Layout),
}

impl Report {
    /// The report written out in `layout`.
    pub fn render(&self, layout: Layout) -> Result<String, RenderError> {
        let doc = document::document(self);
        Ok(match layout {
            Layout::Markdown => markdown::write(&doc),
            Layout::Tsv => delimited::write(&doc, delimited::Delimiter::Tab),
            Layout::Csv => delimited::write(&doc, delimited::Delimiter::Comma),
            Layout::CellPerLine => cells::write(&doc),
            Layout::TabCells => tab_cells::write(&doc),
            Layout::Html => html::write(&doc),
            Layout::Aligned => aligned::write(&doc),
            Layout::Glued => glued::write(&doc),
            Layout::ReadingOrder | Layout::ColumnMajor => return Err(RenderError::Unsupported(layout)),
        })
    }
}

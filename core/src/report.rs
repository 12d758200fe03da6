//! What a parse collects besides the values: diagnostics with positions, and the paths of
//! uncertain cells.

use crate::model::Diagnostic;
use crate::text::{line_col, OffsetMap};

/// Diagnostics gathered while parsing, positioned in the working text until [`Diagnostics::finish`]
/// maps them back to the input.
#[derive(Default)]
pub(crate) struct Diagnostics {
    items: Vec<(String, String, Option<usize>)>,
}

impl Diagnostics {
    /// A diagnostic at working offset `at`.
    pub(crate) fn at(&mut self, code: &str, message: String, at: usize) {
        self.items.push((code.to_string(), message, Some(at)));
    }

    /// A diagnostic about the whole input.
    pub(crate) fn note(&mut self, code: &str, message: String) {
        self.items.push((code.to_string(), message, None));
    }

    /// The diagnostics with offsets, lines and columns in `input`.
    pub(crate) fn finish(mut self, input: &str, map: &OffsetMap) -> Vec<Diagnostic> {
        self.items
            .sort_by_key(|(_, _, at)| at.unwrap_or(usize::MAX));
        self.items
            .into_iter()
            .map(|(code, message, at)| {
                let offset = at.map(|a| map.to_input(a));
                let lc = offset.map(|o| line_col(input, o));
                Diagnostic {
                    code,
                    message,
                    offset,
                    line: lc.map(|l| l.0),
                    column: lc.map(|l| l.1),
                }
            })
            .collect()
    }
}

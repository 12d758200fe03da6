//! What a parse collects besides the values: diagnostics with positions.

use crate::model::Diagnostic;
use crate::text::{floor_char_boundary, OffsetMap};

/// At most this many diagnostics are kept, with one more saying how many were left out: a
/// damaged table of a hundred thousand rows should not produce a hundred thousand notes.
const MAX_DIAGNOSTICS: usize = 100;

/// Diagnostics gathered while parsing, positioned in the working text until
/// [`Diagnostics::finish`] maps them back to the input.
#[derive(Default)]
pub(crate) struct Diagnostics {
    items: Vec<(String, String, Option<usize>)>,
    dropped: usize,
}

impl Diagnostics {
    fn push(&mut self, code: &str, message: String, at: Option<usize>) {
        if self.items.len() < MAX_DIAGNOSTICS {
            self.items.push((code.to_string(), message, at));
        } else {
            self.dropped += 1;
        }
    }

    /// A diagnostic at working offset `at`.
    pub(crate) fn at(&mut self, code: &str, message: String, at: usize) {
        self.push(code, message, Some(at));
    }

    /// A diagnostic about the whole input.
    pub(crate) fn note(&mut self, code: &str, message: String) {
        self.push(code, message, None);
    }

    /// The diagnostics with offsets, lines and columns in `input`, in input order.
    pub(crate) fn finish(self, input: &str, map: &OffsetMap) -> Vec<Diagnostic> {
        let mut placed: Vec<(Option<usize>, String, String)> = self
            .items
            .into_iter()
            .map(|(code, message, at)| (at.map(|a| map.to_input(a)), code, message))
            .collect();
        placed.sort_by_key(|(at, _, _)| at.unwrap_or(usize::MAX));
        if self.dropped > 0 {
            placed.push((
                None,
                "diagnostics_omitted".into(),
                format!("{} more diagnostics were left out", self.dropped),
            ));
        }
        // One walk through the input gives every line and column.
        let (mut line, mut line_start, mut done) = (1usize, 0usize, 0usize);
        placed
            .into_iter()
            .map(|(offset, code, message)| {
                let position = offset.map(|o| {
                    let o = floor_char_boundary(input, o.min(input.len()));
                    let seen = input.get(done..o).unwrap_or("");
                    for (i, b) in seen.bytes().enumerate() {
                        if b == b'\n' {
                            line += 1;
                            line_start = done + i + 1;
                        }
                    }
                    done = done.max(o);
                    (line, input.get(line_start..o).map_or(1, |s| s.chars().count() + 1))
                });
                Diagnostic {
                    code,
                    message,
                    offset,
                    line: position.map(|p| p.0),
                    column: position.map(|p| p.1),
                }
            })
            .collect()
    }
}

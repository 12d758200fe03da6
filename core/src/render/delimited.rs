//! TSV and CSV: one table row a line, every position of the grid a field — a merged cell's
//! text in its top-left field, empty fields where it spans (as spreadsheets export merged
//! cells). Text between tables is written as plain lines.

use super::document::Document;
use super::template::{Grid, Slot};

/// The field separator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Delimiter {
    Tab,
    Comma,
}

pub(crate) fn write(doc: &Document, delimiter: Delimiter) -> String {
    doc.plain("\n\n", "\n\n", |g, out| {
        table(g, delimiter, out);
        out.push('\n');
    })
}

fn table(grid: &Grid, delimiter: Delimiter, out: &mut String) {
    for row in grid.slots() {
        let fields: Vec<String> = row
            .iter()
            .map(|s| match s {
                Slot::Origin(c) => field(&c.text, delimiter),
                Slot::RowCovered(_) | Slot::ColCovered => String::new(),
            })
            .collect();
        out.push_str(&fields.join(match delimiter {
            Delimiter::Tab => "\t",
            Delimiter::Comma => ",",
        }));
        out.push('\n');
    }
}

/// A field as written: CSV quotes a field holding a comma or a quote (RFC 4180).
fn field(text: &str, delimiter: Delimiter) -> String {
    match delimiter {
        Delimiter::Tab => text.replace(['\t', '\n'], " "),
        Delimiter::Comma if text.contains([',', '"', '\n']) => {
            format!("\"{}\"", text.replace('"', "\"\""))
        }
        Delimiter::Comma => text.to_string(),
    }
}

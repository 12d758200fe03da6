//! Tab-indented cells, as Word's "save as text" writes a table: every cell a line starting
//! with a tab, a blank line after each row. A position covered by a cell from a row above is
//! an empty cell (`\t`), once however many columns it spans; a cell spanning columns is
//! written once.

use super::document::Document;
use super::template::{Cell, Slot};

pub(crate) fn write(doc: &Document) -> String {
    doc.plain("\n", "\n\n", |g, out| {
        for row in g.slots() {
            let mut previous: Option<&Cell> = None;
            for slot in row {
                match slot {
                    Slot::Origin(c) => {
                        out.push('\t');
                        out.push_str(&c.text);
                        out.push('\n');
                        previous = Some(c);
                    }
                    // A merged cell is one cell of each row it covers, however wide.
                    Slot::RowCovered(c) => {
                        if !previous.is_some_and(|p| std::ptr::eq(p, c)) {
                            out.push_str("\t\n");
                        }
                        previous = Some(c);
                    }
                    Slot::ColCovered => {}
                }
            }
            out.push('\n');
        }
        out.push('\n');
    })
}

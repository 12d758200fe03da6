//! One cell per line, as a scraped page gives a table: every cell that a `<td>` holds on its
//! own line, in row order, with a blank line after each, and a blank cell written as the
//! `&nbsp;` it held (U+00A0). Positions covered by a merged cell are not cells and are not
//! written. Headings and paragraphs are lines too.

use super::document::Document;
use super::template::Slot;

pub(crate) fn write(doc: &Document) -> String {
    doc.plain("\n\n", "\n\n", |g, out| {
        for slot in g.slots().iter().flatten() {
            if let Slot::Origin(c) = slot {
                out.push_str(c.scraped());
                out.push_str("\n\n");
            }
        }
    })
}

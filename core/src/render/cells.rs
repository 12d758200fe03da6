//! One cell per line, as a scraped page gives a table: every cell that a `<td>` holds on its
//! own line, in row order, with a blank line after each, and a blank cell written as the
//! `&nbsp;` it held (U+00A0). Positions covered by a merged cell are not cells and are not
//! written. Headings and paragraphs are lines too.

use super::document::{Block, Document};
use super::template::Slot;

pub(crate) fn write(doc: &Document) -> String {
    let mut out = String::new();
    let mut line = |s: &str| {
        out.push_str(s);
        out.push_str("\n\n");
    };
    line(&doc.title);
    for block in &doc.blocks {
        match block {
            Block::Heading(t) | Block::Subheading(t) | Block::Para(t) => line(t),
            Block::Table(g) => {
                for row in g.slots() {
                    for slot in row {
                        if let Slot::Origin(c) = slot {
                            line(if c.is_blank() { "\u{a0}" } else { &c.text });
                        }
                    }
                }
            }
        }
    }
    out
}

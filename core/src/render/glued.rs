//! HTML stripped of its tags, as archives of government pages keep them: the paragraphs as
//! lines, and each table on one line with the text of its cells run together — no separators
//! between cells, a blank cell (`&nbsp;`) a lone U+00A0. The digits of neighbouring cells glue
//! together (`行政许可3960181`), so this layout is lossy: the parser splits them by the
//! template's sums and reports what the sums cannot settle.

use super::document::{Block, Document};
use super::template::Slot;

pub(crate) fn write(doc: &Document) -> String {
    let mut out = format!("{}\n", doc.title);
    for block in &doc.blocks {
        match block {
            Block::Heading(t) | Block::Subheading(t) | Block::Para(t) => {
                out.push_str(t);
                out.push('\n');
            }
            Block::Table(g) => {
                for row in g.slots() {
                    for slot in row {
                        if let Slot::Origin(c) = slot {
                            out.push_str(if c.is_blank() { "\u{a0}" } else { &c.text });
                        }
                    }
                }
                out.push('\n');
            }
        }
    }
    out
}

//! HTML stripped of its tags, as archives of government pages keep them: the paragraphs as
//! lines, and each table on one line with the text of its cells run together — no separators
//! between cells, a blank cell (`&nbsp;`) a lone U+00A0. The digits of neighbouring cells glue
//! together (`行政许可3960181`), so this layout is lossy: the parser splits them by the
//! template's sums and reports what the sums cannot settle.

use super::document::Document;
use super::template::Slot;

pub(crate) fn write(doc: &Document) -> String {
    doc.plain("\n", "\n", |g, out| {
        for slot in g.slots().iter().flatten() {
            if let Slot::Origin(c) = slot {
                out.push_str(c.scraped());
            }
        }
        out.push('\n');
    })
}

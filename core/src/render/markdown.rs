//! Markdown: `#` headings and pipe tables. A pipe table has no spans, so a merged cell is
//! written once, in its top-left position, and the positions it covers are empty cells — what
//! converters from Word or PDF write.

use super::document::{Block, Document};
use super::template::{Grid, Slot};

pub(crate) fn write(doc: &Document) -> String {
    let mut out = format!("# {}\n\n", doc.title);
    for block in &doc.blocks {
        match block {
            Block::Heading(t) => out.push_str(&format!("## {t}\n\n")),
            Block::Subheading(t) => out.push_str(&format!("### {t}\n\n")),
            Block::Para(t) => out.push_str(&format!("{t}\n\n")),
            Block::Table(g) => {
                table(g, &mut out);
                out.push('\n');
            }
        }
    }
    out
}

fn table(grid: &Grid, out: &mut String) {
    for (i, row) in grid.slots().iter().enumerate() {
        let cells: Vec<&str> = row
            .iter()
            .map(|s| match s {
                Slot::Origin(c) => c.text.as_str(),
                Slot::RowCovered(_) | Slot::ColCovered => "",
            })
            .collect();
        out.push_str("| ");
        out.push_str(&cells.join(" | "));
        out.push_str(" |\n");
        if i == 0 {
            out.push('|');
            out.push_str(&"---|".repeat(row.len()));
            out.push('\n');
        }
    }
}

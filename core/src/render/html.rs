//! HTML as government CMS pages write it: a page whose article holds `<p>` paragraphs and
//! `<table>`s with `rowspan`/`colspan`, each cell's text inside `<p><span>`, a blank cell as
//! `&nbsp;`, curly quotes as entities.

use super::document::{Block, Document};
use super::template::{Cell, Grid, Role};

// Short, as a CMS's own styles are: the long ones Word pastes would take the three tables
// alone past 40 KB, the top of a report's realistic size.
const TD_STYLE: &str = "border:1px solid #000;padding:2px 4px";
const SPAN_STYLE: &str = "font-size:14px";

pub(crate) fn write(doc: &Document) -> String {
    let title = escape(&doc.title);
    let mut out = format!(
        "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n</head>\n<body>\n\
         <div class=\"article\">\n<h1 class=\"article-title\">{title}</h1>\n<div class=\"TRS_Editor\">\n"
    );
    for block in &doc.blocks {
        match block {
            Block::Heading(t) | Block::Subheading(t) => {
                out.push_str(&format!("<p style=\"text-indent:2em\"><strong>{}</strong></p>\n", escape(t)))
            }
            Block::Para(t) => out.push_str(&format!("<p style=\"text-indent:2em\">{}</p>\n", escape(t))),
            Block::Table(g) => table(g, &mut out),
        }
    }
    out.push_str("</div>\n</div>\n</body>\n</html>\n");
    out
}

fn table(grid: &Grid, out: &mut String) {
    out.push_str(
        "<table border=\"1\" cellspacing=\"0\" cellpadding=\"0\" width=\"600\" \
         style=\"border-collapse:collapse\">\n<tbody>\n",
    );
    for row in &grid.rows {
        out.push_str("<tr>\n");
        for cell in row {
            td(cell, out);
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn td(cell: &Cell, out: &mut String) {
    out.push_str("<td");
    if cell.rowspan > 1 {
        out.push_str(&format!(" rowspan=\"{}\"", cell.rowspan));
    }
    if cell.colspan > 1 {
        out.push_str(&format!(" colspan=\"{}\"", cell.colspan));
    }
    let align = match cell.role {
        Role::Label => "left",
        Role::Header | Role::Value => "center",
    };
    let text = if cell.is_blank() { "&nbsp;".to_string() } else { escape(&cell.text) };
    out.push_str(&format!(
        " style=\"{TD_STYLE}\"><p align=\"{align}\"><span style=\"{SPAN_STYLE}\">{text}</span></p></td>\n"
    ));
}

/// Text as HTML: markup characters escaped, curly quotes as the entities editors write.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '“' => out.push_str("&ldquo;"),
            '”' => out.push_str("&rdquo;"),
            c => out.push(c),
        }
    }
    out
}

//! HTML pages and fragments, and HTML tables inside markdown.
//!
//! The page is read into a list of events (tags and text) by nom combinators, then written
//! out as working text: every `<table>` row becomes one tab-separated line, with rowspans and
//! colspans expanded to empty fields so that every row keeps its cells in place; everything
//! else becomes text lines, block elements ending a line. Scripts, styles and comments are
//! dropped. A table that contains another table is page layout, not data: its own cells are
//! written as text and only the inner tables as rows.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_till, take_until, take_while, take_while1};
use nom::character::complete::{char, multispace0};
use nom::combinator::{opt, rest};
use nom::sequence::{delimited, preceded};
use nom::{IResult, Parser};

use crate::text::Emitter;

/// Whether `text` holds HTML tables to read (a document with tags but no table keeps its
/// layout and only loses the tags).
pub(crate) fn has_tables(text: &str) -> bool {
    let probe = |needle: &str| {
        memchr::memmem::find_iter(text.as_bytes(), b"<")
            .any(|i| text.get(i + 1..i + 1 + needle.len()).is_some_and(|s| s.eq_ignore_ascii_case(needle)))
    };
    probe("table") && (probe("tr") || probe("td"))
}

#[derive(Debug)]
enum Event<'a> {
    Open { name: &'a str, attrs: &'a str, at: usize },
    Close { name: &'a str },
    Text { text: &'a str, at: usize },
}

fn comment(i: &str) -> IResult<&str, ()> {
    (tag("<!--"), alt((take_until("-->"), rest)), opt(tag("-->"))).map(|_| ()).parse(i)
}

fn declaration(i: &str) -> IResult<&str, ()> {
    (alt((tag("<!"), tag("<?"))), take_till(|c| c == '>'), char('>')).map(|_| ()).parse(i)
}

fn tag_name(i: &str) -> IResult<&str, &str> {
    take_while1(|c: char| c.is_ascii_alphanumeric() || c == ':' || c == '-').parse(i)
}

/// Attributes up to `>`; quoted values may hold `>`. A quote never closed ends them before it.
/// Scanned by bytes (every delimiter is ASCII): a page's styles make attributes long.
fn attributes(i: &str) -> IResult<&str, &str> {
    let bytes = i.as_bytes();
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        match b {
            b'>' | b'<' => break,
            b'"' | b'\'' => match bytes.get(at + 1..).and_then(|rest| memchr::memchr(b, rest)) {
                Some(len) => at += len + 2,
                None => break,
            },
            _ => at += 1,
        }
    }
    Ok((i.get(at..).unwrap_or(""), i.get(..at).unwrap_or("")))
}

fn open_tag(i: &str) -> IResult<&str, (&str, &str)> {
    (char('<'), tag_name, attributes, char('>')).map(|(_, n, a, _)| (n, a)).parse(i)
}

fn close_tag(i: &str) -> IResult<&str, &str> {
    delimited(tag("</"), tag_name, (multispace0, take_till(|c| c == '>'), char('>'))).parse(i)
}

/// The most bytes a tag may span: a `<` not closed within it is text, which keeps a page of
/// unclosed brackets linear to read.
const MAX_TAG: usize = 4096;

fn bounded(i: &str) -> &str {
    crate::text::window(i, 0, MAX_TAG)
}

/// Reads `html` into events, skipping comments, declarations and the content of raw-text
/// elements. Never fails: a `<` that starts no tag is text.
fn events(html: &str) -> Vec<Event<'_>> {
    let mut out = Vec::new();
    let mut i = html;
    while !i.is_empty() {
        let at = html.len() - i.len();
        // Every comment, tag and declaration starts with `<`: text is not offered to them.
        if let Some(rest) = i.starts_with('<').then(|| markup(i, at, &mut out)).flatten() {
            i = rest;
            continue;
        }
        let first = i.chars().next().map_or(1, char::len_utf8);
        let len = i.get(first..).and_then(|r| r.find('<')).map_or(i.len(), |p| p + first);
        out.push(Event::Text { text: i.get(..len).unwrap_or(i), at });
        i = i.get(len..).unwrap_or("");
    }
    out
}

/// The comment, tag or declaration at the start of `i` (at offset `at`), its event pushed to
/// `out`: the input after it, or `None` when the `<` starts none of them.
fn markup<'a>(i: &'a str, at: usize, out: &mut Vec<Event<'a>>) -> Option<&'a str> {
    if let Ok((r, ())) = comment(i) {
        return Some(r);
    }
    let b = bounded(i);
    // What the parsers left of `b`, as the rest of the whole input.
    let after = |r: &str| i.get(b.len() - r.len()..).unwrap_or("");
    if let Ok((r, name)) = close_tag(b) {
        out.push(Event::Close { name });
        return Some(after(r));
    }
    if let Ok((r, (name, attrs))) = open_tag(b) {
        out.push(Event::Open { name, attrs, at });
        let raw = name.eq_ignore_ascii_case("script") || name.eq_ignore_ascii_case("style");
        return Some(if raw { skip_raw_text(after(r), name) } else { after(r) });
    }
    declaration(b).ok().map(|(r, ())| after(r))
}

/// The input after the closing tag of raw-text element `name`.
fn skip_raw_text<'a>(i: &'a str, name: &str) -> &'a str {
    let mut search = i;
    while let Some(p) = search.find("</") {
        let after = search.get(p + 2..).unwrap_or("");
        if after.get(..name.len()).is_some_and(|n| n.eq_ignore_ascii_case(name)) {
            return after.find('>').and_then(|q| after.get(q + 1..)).unwrap_or("");
        }
        search = after;
    }
    ""
}

/// `="3"`, `='3'`, `=3`: an attribute's value.
fn attr_value(i: &str) -> IResult<&str, &str> {
    preceded(
        (multispace0, tag("="), multispace0),
        alt((
            delimited(char('"'), take_till(|c| c == '"'), char('"')),
            delimited(char('\''), take_till(|c| c == '\''), char('\'')),
            take_while(|c: char| c.is_ascii_alphanumeric()),
        )),
    )
    .parse(i)
}

/// The integer value of span attribute `name` (`rowspan`, `colspan`) in `attrs`; 1 if absent.
fn span_attr(attrs: &str, name: &str) -> usize {
    // Found in place, ignoring case, from the candidates for its first letter: every cell asks
    // twice, and most have a long style and no span.
    let (bytes, wanted) = (attrs.as_bytes(), name.as_bytes());
    let first = wanted.first().copied().unwrap_or_default();
    let mut from = 0;
    for start in memchr::memchr2_iter(first.to_ascii_lowercase(), first.to_ascii_uppercase(), bytes) {
        let here = bytes.get(start..start + wanted.len()).is_some_and(|w| w.eq_ignore_ascii_case(wanted));
        if start < from || !here {
            continue;
        }
        let before = start.checked_sub(1).and_then(|b| bytes.get(b));
        let boundary = before.is_none_or(|&b| !b.is_ascii_alphanumeric() && b != b'-');
        from = start + name.len();
        if let (true, Ok((_, v))) = (boundary, attr_value(attrs.get(from..).unwrap_or(""))) {
            let digits: String = v.chars().take_while(char::is_ascii_digit).collect();
            // A span of 0 or a huge one is a broken page, not a table 1000 rows tall.
            return digits.parse::<usize>().unwrap_or(1).clamp(1, 64);
        }
    }
    1
}

/// Block elements: their start and end break a line of text.
fn is_block(name: &str) -> bool {
    // Lowered once into a buffer as long as the longest name, then one `match`: this runs for
    // every tag of the page.
    let mut buf = [0u8; 10];
    let Some(lower) = buf.get_mut(..name.len()) else { return false };
    lower.copy_from_slice(name.as_bytes());
    lower.make_ascii_lowercase();
    matches!(
        &*lower,
        b"p" | b"div"
            | b"br"
            | b"li"
            | b"ul"
            | b"ol"
            | b"h1"
            | b"h2"
            | b"h3"
            | b"h4"
            | b"h5"
            | b"h6"
            | b"table"
            | b"tr"
            | b"section"
            | b"article"
            | b"header"
            | b"footer"
            | b"title"
            | b"dd"
            | b"dt"
            | b"dl"
            | b"blockquote"
            | b"pre"
            | b"hr"
            | b"caption"
            | b"thead"
            | b"tbody"
            | b"tfoot"
            | b"body"
            | b"html"
            | b"center"
            | b"form"
    )
}

/// One cell while its table is being read.
struct Cell {
    text: String,
    /// Input offset of the first character of each run of text, for provenance.
    at: Option<usize>,
    rowspan: usize,
    colspan: usize,
}

/// A table being read: rows of cells.
#[derive(Default)]
struct Table {
    rows: Vec<Vec<Cell>>,
    /// Whether a cell is open (text goes into the last cell of the last row).
    in_cell: bool,
}

impl Table {
    fn text(&mut self, t: &str, at: usize) {
        if !self.in_cell {
            return;
        }
        if let Some(cell) = self.rows.last_mut().and_then(|r| r.last_mut()) {
            cell.at.get_or_insert(at);
            cell.text.push_str(t);
        }
    }

    fn space(&mut self) {
        if let Some(cell) = self.rows.last_mut().and_then(|r| r.last_mut()).filter(|_| self.in_cell) {
            cell.text.push(' ');
        }
    }
}

/// The output of reading HTML: working text and the ranges of it that are table rows.
pub(crate) struct Flattened {
    pub emitter: Emitter,
    pub rows: Vec<(usize, usize)>,
}

/// Reads `html` into working text.
pub(crate) fn flatten(html: &str) -> Flattened {
    let evs = events(html);
    let layout_tables = nested_tables(&evs);
    let mut out = Flattened { emitter: Emitter::with_capacity(html.len() / 2), rows: Vec::new() };
    let mut stack: Vec<Option<Table>> = Vec::new();
    let mut table_index = 0;
    for ev in &evs {
        match *ev {
            Event::Open { name, attrs, at } => {
                if name.eq_ignore_ascii_case("table") {
                    let is_layout = layout_tables.get(table_index).copied().unwrap_or(false);
                    table_index += 1;
                    stack.push((!is_layout).then(Table::default));
                    newline(&mut out.emitter, at);
                    continue;
                }
                match stack.last_mut() {
                    Some(Some(t)) => {
                        if name.eq_ignore_ascii_case("tr") {
                            t.rows.push(Vec::new());
                            t.in_cell = false;
                        } else if name.eq_ignore_ascii_case("td") || name.eq_ignore_ascii_case("th") {
                            if t.rows.is_empty() {
                                t.rows.push(Vec::new());
                            }
                            if let Some(row) = t.rows.last_mut() {
                                row.push(Cell {
                                    text: String::new(),
                                    at: None,
                                    rowspan: span_attr(attrs, "rowspan"),
                                    colspan: span_attr(attrs, "colspan"),
                                });
                            }
                            t.in_cell = true;
                        } else if is_block(name) {
                            t.space();
                        }
                    }
                    _ => {
                        if is_block(name) {
                            newline(&mut out.emitter, at);
                        }
                    }
                }
            }
            Event::Close { name } => {
                if name.eq_ignore_ascii_case("table") {
                    if let Some(Some(t)) = stack.pop() {
                        write_table(&mut out, t);
                    }
                    continue;
                }
                match stack.last_mut() {
                    Some(Some(t)) => {
                        if name.eq_ignore_ascii_case("td") || name.eq_ignore_ascii_case("th") {
                            t.in_cell = false;
                        } else if is_block(name) {
                            t.space();
                        }
                    }
                    _ => {
                        if is_block(name) {
                            newline(&mut out.emitter, html.len());
                        }
                    }
                }
            }
            Event::Text { text, at } => match stack.last_mut() {
                Some(Some(t)) => t.text(text, at),
                _ => write_text(&mut out.emitter, text, at),
            },
        }
    }
    // Tables left open at the end of a truncated page still hold data.
    while let Some(t) = stack.pop() {
        if let Some(t) = t {
            write_table(&mut out, t);
        }
    }
    out
}

/// For each `<table>` in document order, whether it contains another table.
fn nested_tables(evs: &[Event<'_>]) -> Vec<bool> {
    let mut flags = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for ev in evs {
        match ev {
            Event::Open { name, .. } if name.eq_ignore_ascii_case("table") => {
                if let Some(&parent) = open.last() {
                    if let Some(f) = flags.get_mut(parent) {
                        *f = true;
                    }
                }
                open.push(flags.len());
                flags.push(false);
            }
            Event::Close { name } if name.eq_ignore_ascii_case("table") => {
                open.pop();
            }
            _ => {}
        }
    }
    flags
}

fn newline(e: &mut Emitter, at: usize) {
    if !e.out.is_empty() && !e.out.ends_with('\n') {
        e.push('\n', at);
    }
}

/// Text outside tables: each source line trimmed, so page indentation is not read as columns.
fn write_text(e: &mut Emitter, text: &str, at: usize) {
    let mut offset = at;
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            newline(e, offset);
        }
        let trimmed = line.trim_start_matches([' ', '\t', '\r']);
        let lead = line.len() - trimmed.len();
        let trimmed = trimmed.trim_end_matches([' ', '\t', '\r']);
        if !trimmed.is_empty() {
            if e.out.ends_with(|c: char| c != '\n') && line.starts_with([' ', '\t']) {
                e.push(' ', offset);
            }
            e.push_text(trimmed, offset + lead, true);
        }
        offset += line.len() + 1;
    }
}

/// Writes one table as tab-separated rows, expanding spans into empty fields.
fn write_table(out: &mut Flattened, t: Table) {
    let e = &mut out.emitter;
    newline(e, 0);
    // Columns still covered by a rowspan from a row above: column -> rows left.
    let mut covered: Vec<usize> = Vec::new();
    for row in t.rows {
        if row.is_empty() {
            continue;
        }
        let start = e.out.len();
        let mut w = RowWriter { col: 0, first: true };
        for cell in row {
            w.skip_covered(e, &mut covered, 0);
            w.field(e, Some(&cell));
            if covered.len() < w.col + cell.colspan {
                covered.resize(w.col + cell.colspan, 0);
            }
            for n in covered.iter_mut().skip(w.col).take(cell.colspan) {
                *n = cell.rowspan - 1;
            }
            w.col += 1;
            for _ in 1..cell.colspan {
                w.field(e, None);
                w.col += 1;
            }
        }
        // Columns covered after this row's last cell.
        let last = covered.iter().rposition(|&n| n > 0).map_or(0, |l| l + 1);
        w.skip_covered(e, &mut covered, last);
        out.rows.push((start, e.out.len()));
        e.push('\n', 0);
    }
}

/// Writes the fields of one row.
struct RowWriter {
    col: usize,
    first: bool,
}

impl RowWriter {
    fn field(&mut self, e: &mut Emitter, cell: Option<&Cell>) {
        if !self.first {
            e.push('\t', 0);
        }
        self.first = false;
        if let Some(cell) = cell {
            write_cell(e, cell);
        }
    }

    /// Empty fields for the columns covered from above at the current column, and up to
    /// column `upto`.
    fn skip_covered(&mut self, e: &mut Emitter, covered: &mut [usize], upto: usize) {
        loop {
            let is_covered = covered.get(self.col).is_some_and(|&n| n > 0);
            if !is_covered && self.col >= upto {
                return;
            }
            if let Some(n) = covered.get_mut(self.col).filter(|n| **n > 0) {
                *n -= 1;
            }
            self.field(e, None);
            self.col += 1;
        }
    }
}

/// A cell's text on one line: entities decoded, whitespace collapsed, no tabs.
fn write_cell(e: &mut Emitter, cell: &Cell) {
    let at = cell.at.unwrap_or(0);
    let mut collapsed = String::with_capacity(cell.text.len());
    let mut space = false;
    for c in cell.text.trim_matches(|c: char| c.is_ascii_whitespace()).chars() {
        if c.is_ascii_whitespace() {
            space = true;
        } else {
            if space {
                collapsed.push(' ');
            }
            space = false;
            collapsed.push(c);
        }
    }
    // The offsets of a cell's characters count from its first text, as if it were written
    // whole: exact unless entities or collapsed spaces came before them, then near.
    e.push_text(&collapsed, at, true);
}

/// The encoding a page declares in `<meta charset=…>` or `content="…charset=…"`.
pub(crate) fn declared_charset(head: &[u8]) -> Option<String> {
    let probe = String::from_utf8_lossy(head.get(..4096).unwrap_or(head)).to_ascii_lowercase();
    let at = probe.find("charset")?;
    let after = probe.get(at + "charset".len()..).unwrap_or("").trim_start_matches([' ', '=', '"', '\'']);
    let name: String =
        after.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
    (!name.is_empty()).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flat(html: &str) -> String {
        let f = flatten(html);
        f.emitter.finish().0
    }

    #[test]
    fn tables_become_tab_rows_with_spans_expanded() {
        let html = "<table><tr><td rowspan=2>三</td><td>(一)予以公开</td><td>1</td></tr>\
                    <tr><td>(二)部分公开</td><td>&nbsp;</td></tr>\
                    <tr><td colspan=\"2\">总计</td><td><p><span>3</span></p></td></tr></table>";
        assert_eq!(flat(html), "三\t(一)予以公开\t1\n\t(二)部分公开\t\u{a0}\n总计\t\t3\n");
    }

    #[test]
    fn scripts_styles_and_comments_are_dropped() {
        let html =
            "<p>二、主动</p><script>var x = '<td>9</td>';</script><style>td{}</style><!-- 7 --><p>公开</p>";
        assert_eq!(flat(html), "二、主动\n公开\n");
    }

    #[test]
    fn layout_tables_around_a_data_table_are_text() {
        let html = "<table><tr><td>报告<table><tr><td>规章</td><td>0</td></tr></table></td></tr></table>";
        assert_eq!(flat(html), "报告\n规章\t0\n");
    }

    #[test]
    fn attributes_run_to_the_tag_end_outside_quotes() {
        assert_eq!(attributes(" a=\"x>y\" b='z'>rest"), Ok((">rest", " a=\"x>y\" b='z'")));
        assert_eq!(attributes(" a=\"x>y"), Ok(("\"x>y", " a=")));
        assert_eq!(attributes(" a=b<c>"), Ok(("<c>", " a=b")));
        assert_eq!(attributes("一=\"二\">"), Ok((">", "一=\"二\"")));
    }

    #[test]
    fn span_attributes_are_read_in_any_quoting() {
        assert_eq!(span_attr(" ROWSPAN='3' class=x", "rowspan"), 3);
        assert_eq!(span_attr(" colspan=2", "colspan"), 2);
        assert_eq!(span_attr(" data-rowspan=9", "rowspan"), 1);
        assert_eq!(span_attr(" rowspan=0", "rowspan"), 1);
        assert_eq!(span_attr(" data-rowspan=9 style='color:red' RowSpan=4", "rowspan"), 4);
        assert!(is_block("DIV") && is_block("blockquote") && !is_block("blockquotes") && !is_block("td"));
    }

    #[test]
    fn charset_is_read_from_meta() {
        assert_eq!(declared_charset(b"<meta charset=\"GBK\">").as_deref(), Some("gbk"));
        assert_eq!(
            declared_charset(b"<meta http-equiv=Content-Type content=\"text/html; charset=gb2312\">")
                .as_deref(),
            Some("gb2312")
        );
    }
}

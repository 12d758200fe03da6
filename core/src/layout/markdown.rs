//! Markdown pipe rows: `| 规章 | 0 | 0 | 0 |`. Separator rows (`|---|:--:|`) carry no cells.

use nom::bytes::complete::take_while1;
use nom::character::complete::char;
use nom::combinator::all_consuming;
use nom::multi::many1;
use nom::{IResult, Parser};

/// Whether `line` is a pipe row.
pub(crate) fn is_row(line: &str) -> bool {
    let t = line.trim_start();
    (t.starts_with('|') || t.starts_with('｜')) && t.len() > 1
}

/// A cell of a separator row: `---`, `:--:`, spaces around allowed.
fn is_separator_cell(cell: &str) -> bool {
    let c = cell.trim_matches([' ', '\t']);
    let c = c.strip_prefix(':').unwrap_or(c);
    let c = c.strip_suffix(':').unwrap_or(c);
    !c.is_empty() && c.bytes().all(|b| b == b'-')
}

/// Whether `line` is the `|---|---|` row under a header (its closing pipe may be missing).
pub(crate) fn is_separator(line: &str) -> bool {
    let t = line.trim();
    let body = t.strip_prefix('|').or_else(|| t.strip_prefix('｜')).unwrap_or(t);
    let body = body.strip_suffix('|').or_else(|| body.strip_suffix('｜')).unwrap_or(body);
    body.split(['|', '｜']).all(is_separator_cell)
}

/// Whether `line` is a border of a grid table (pandoc): `+----+----+`, `+====+====+`.
pub(crate) fn is_grid_border(line: &str) -> bool {
    fn border(i: &str) -> IResult<&str, ()> {
        (char('+'), many1((take_while1(|c| matches!(c, '-' | '=' | ':')), char('+')))).map(|_| ()).parse(i)
    }
    // Asked of every line: most do not start with `+`, which the parser would find out later.
    let t = line.trim();
    t.starts_with('+') && all_consuming(border).parse(t).is_ok()
}

/// The cells of a pipe row with their byte offsets in `line`. A last cell without its closing
/// pipe still counts.
pub(crate) fn cells(line: &str) -> Vec<(usize, &str)> {
    let lead = line.len() - line.trim_start().len();
    let body = line.get(lead..).unwrap_or("");
    let Some(pipe) = body.chars().next().filter(|&c| c == '|' || c == '｜') else {
        return Vec::new();
    };
    let start = lead + pipe.len_utf8();
    let tail = line.get(start..).unwrap_or("");
    // Pipes found by bytes (`|`, or `｜` as EF BD 9C): no byte of either occurs inside
    // another character.
    let bytes = tail.as_bytes();
    let pipe_at = |at: usize| match bytes.get(at..) {
        Some([b'|', ..]) => Some(1),
        Some([0xEF, 0xBD, 0x9C, ..]) => Some(3),
        _ => None,
    };
    let mut out = Vec::with_capacity(8);
    let (mut from, mut at) = (0, 0);
    while at < bytes.len() {
        match pipe_at(at) {
            Some(len) => {
                out.push((start + from, tail.get(from..at).unwrap_or("")));
                from = at + len;
                at = from;
            }
            None => at += 1,
        }
    }
    let rest = tail.get(from..).unwrap_or("");
    if !rest.trim().is_empty() {
        out.push((start + from, rest));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_cells_with_offsets() {
        let line = "| 规章 | 0 | | 11 |";
        let got: Vec<&str> = cells(line).iter().map(|(_, c)| c.trim()).collect();
        assert_eq!(got, ["规章", "0", "", "11"]);
        let (at, c) = cells(line)[3];
        assert_eq!(&line[at..at + c.len()], c);
    }

    #[test]
    fn tolerates_a_missing_closing_pipe_and_full_width_pipes() {
        let got: Vec<&str> = cells("｜规章｜1｜2").iter().map(|(_, c)| c.trim()).collect();
        assert_eq!(got, ["规章", "1", "2"]);
        assert!(cells("规章|1|2").is_empty());
        assert_eq!(cells("  |a|b|  ").iter().map(|&(at, _)| at).collect::<Vec<_>>(), [3, 5]);
    }

    #[test]
    fn recognises_grid_borders() {
        assert!(is_grid_border("+------+:----:+"));
        assert!(is_grid_border("  +======+====+"));
        assert!(!is_grid_border("+ 规章 | 0 |"));
    }

    #[test]
    fn recognises_separators() {
        assert!(is_separator("|---|:---:|--|"));
        assert!(is_separator("|---|---"));
        assert!(is_separator("｜ :-- ｜--:｜"));
        assert!(!is_separator("| 0 | 0 |"));
        assert!(!is_separator("|"));
        assert!(!is_separator("|---||"));
        assert!(!is_separator("| - - |"));
        assert!(!is_separator("|:-:-|"));
    }
}

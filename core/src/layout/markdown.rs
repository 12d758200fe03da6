//! Markdown pipe rows: `| 规章 | 0 | 0 | 0 |`. Separator rows (`|---|:--:|`) carry no cells.

use nom::bytes::complete::{take_while, take_while1};
use nom::character::complete::{char, one_of, space0};
use nom::combinator::{all_consuming, opt};
use nom::multi::many1;
use nom::sequence::{preceded, terminated};
use nom::{IResult, Parser};

/// Whether `line` is a pipe row.
pub(crate) fn is_row(line: &str) -> bool {
    let t = line.trim_start();
    (t.starts_with('|') || t.starts_with('｜')) && t.len() > 1
}

fn separator_cell(i: &str) -> IResult<&str, ()> {
    (space0, opt(char(':')), many1(char('-')), opt(char(':')), space0, one_of("|｜")).map(|_| ()).parse(i)
}

/// Whether `line` is the `|---|---|` row under a header.
pub(crate) fn is_separator(line: &str) -> bool {
    let t = line.trim();
    let body = t.strip_prefix('|').or_else(|| t.strip_prefix('｜')).unwrap_or(t);
    let body =
        if body.ends_with('|') || body.ends_with('｜') { body.to_string() } else { format!("{body}|") };
    let ok = all_consuming(many1(separator_cell)).parse(body.as_str()).is_ok();
    ok
}

/// Whether `line` is a border of a grid table (pandoc): `+----+----+`, `+====+====+`.
pub(crate) fn is_grid_border(line: &str) -> bool {
    fn border(i: &str) -> IResult<&str, ()> {
        (char('+'), many1((take_while1(|c| matches!(c, '-' | '=' | ':')), char('+')))).map(|_| ()).parse(i)
    }
    all_consuming(border).parse(line.trim()).is_ok()
}

fn cell(i: &str) -> IResult<&str, &str> {
    terminated(take_while(|c| c != '|' && c != '｜'), one_of("|｜")).parse(i)
}

/// The cells of a pipe row with their byte offsets in `line`. A last cell without its closing
/// pipe still counts.
pub(crate) fn cells(line: &str) -> Vec<(usize, &str)> {
    let lead = line.len() - line.trim_start().len();
    let body = &line[lead..];
    let parsed: IResult<&str, Vec<&str>> = preceded(one_of("|｜"), nom::multi::many0(cell)).parse(body);
    let Ok((rest, cells)) = parsed else {
        return Vec::new();
    };
    let mut out: Vec<(usize, &str)> =
        cells.into_iter().map(|c| (c.as_ptr() as usize - line.as_ptr() as usize, c)).collect();
    if !rest.trim().is_empty() {
        out.push((rest.as_ptr() as usize - line.as_ptr() as usize, rest));
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
        assert!(!is_separator("| 0 | 0 |"));
    }
}

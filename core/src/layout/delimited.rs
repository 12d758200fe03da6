//! Delimiter-separated rows: TSV (`规章\t0\t0\t0`, also what HTML tables are flattened into)
//! and CSV (`规章,0,0,0`, with `"…"` quoting).

use nom::branch::alt;
use nom::bytes::complete::{is_not, tag, take_while};
use nom::character::complete::char;
use nom::combinator::recognize;
use nom::multi::{many0, separated_list1};
use nom::sequence::delimited;
use nom::{IResult, Parser};

/// Whether `line` is a tab-separated row: a tab between two cells. A line with one leading
/// tab and one cell is a tab-indented cell, read by the one-cell-per-line rules.
pub(crate) fn is_tsv_row(line: &str) -> bool {
    let body = line.strip_prefix('\t').unwrap_or(line);
    body.contains('\t')
}

/// The fields of a tab-separated row with their byte offsets in `line`.
pub(crate) fn tsv_cells(line: &str) -> Vec<(usize, &str)> {
    // A byte scan: fields are a few bytes, too short for `split`'s memchr to pay.
    let mut out = Vec::with_capacity(8);
    let mut at = 0;
    for (tab, _) in line.bytes().enumerate().filter(|&(_, b)| b == b'\t') {
        out.push((at, line.get(at..tab).unwrap_or("")));
        at = tab + 1;
    }
    out.push((at, line.get(at..).unwrap_or("")));
    out
}

fn quoted(i: &str) -> IResult<&str, &str> {
    recognize(delimited(char('"'), many0(alt((is_not("\""), tag("\"\"")))), char('"'))).parse(i)
}

fn bare(i: &str) -> IResult<&str, &str> {
    take_while(|c| c != ',').parse(i)
}

/// The fields of a CSV row with their byte offsets in `line`; quotes are kept in the text (the
/// lexer ignores them) so offsets stay exact.
pub(crate) fn csv_cells(line: &str) -> Vec<(usize, &str)> {
    let parsed: IResult<&str, Vec<&str>> = separated_list1(char(','), alt((quoted, bare))).parse(line);
    match parsed {
        Ok((_, fields)) => fields
            .into_iter()
            .map(|f| {
                let inner = f.strip_prefix('"').and_then(|f| f.strip_suffix('"')).unwrap_or(f);
                (inner.as_ptr() as usize - line.as_ptr() as usize, inner)
            })
            .collect(),
        Err(_) => vec![(0, line)],
    }
}

/// Whether `line` looks like a CSV row: at least two commas and no sentence punctuation.
pub(crate) fn looks_like_csv(line: &str) -> bool {
    line.bytes().filter(|&b| b == b',').count() >= 2 && !line.contains('。') && !line.contains('\t')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_keeps_empty_fields() {
        let got: Vec<&str> = tsv_cells("规章\t0\t\t11").into_iter().map(|(_, c)| c).collect();
        assert_eq!(got, ["规章", "0", "", "11"]);
        assert!(is_tsv_row("\t(二) 部分公开\t0"));
        assert!(!is_tsv_row("\t49"));
    }

    #[test]
    fn csv_reads_quotes_and_offsets() {
        let line = "\"规章,含修订\",1,,\"2\"";
        let got: Vec<&str> = csv_cells(line).into_iter().map(|(_, c)| c).collect();
        assert_eq!(got, ["规章,含修订", "1", "", "2"]);
        let (at, c) = csv_cells(line)[3];
        assert_eq!(&line[at..at + c.len()], "2");
    }
}

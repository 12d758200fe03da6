//! The adversarial inputs of issue 8, shared by `tests/adversarial.rs` (which asserts they
//! complete) and `tests/benches/adversarial.rs` (which measures them).
//!
//! Each is built to be the worst case of one part of the pipeline: most put their bulk under a
//! table's heading, so that it reaches the line readers and the solvers instead of stopping at
//! "no tables".

// Each file that includes this module uses a different part of it.
#![allow(dead_code)]

/// The heading of table 三, under which the bulk of most inputs sits.
pub const REQUESTS: &str = "三、收到和处理政府信息公开申请情况\n";

/// A title with an organ and a year, so the section finder has something to find.
pub const TITLE: &str = "某某区人民政府2021年政府信息公开工作年度报告\n";

const MB: usize = 1_000_000;

/// `n` bytes of `unit` repeated (cut at a character boundary).
fn fill(unit: &str, n: usize) -> String {
    let mut s = unit.repeat(n / unit.len() + 1);
    let mut end = n;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.truncate(end);
    s
}

/// 10 MB of ASCII digits and nothing else.
pub fn digits_10mb() -> String {
    fill("3141592653", 10 * MB)
}

/// 10 MB of digits on one line under the heading of table 三, after a title: the glued
/// splitter and the lexer see them.
pub fn digits_10mb_in_table() -> String {
    format!("{TITLE}{REQUESTS}一、本年新收政府信息公开申请数量{}", fill("3141592653", 10 * MB))
}

/// One 10 MB line of labels and numbers, as `pdftotext` or a stripped page makes of a table
/// without line ends.
pub fn one_line_10mb() -> String {
    let unit = "一、本年新收政府信息公开申请数量 1 2 0 0 0 0 3 （七）总计 1 2 0 0 0 0 3 ";
    format!("{TITLE}{REQUESTS}{}", fill(unit, 10 * MB))
}

/// One row of table 三 as HTML cells.
const HTML_ROW: &str = "<tr><td>一、本年新收政府信息公开申请数量</td><td>1</td><td>0</td><td>0</td>\
                        <td>0</td><td>0</td><td>0</td><td>1</td></tr>";

/// One 10 MB label in table 三 that no row of the template contains but whose characters
/// are the template's (`予以…`, `…数目`): every cue is searched for a near match (OCR slips)
/// at every character.
pub fn long_label_10mb() -> String {
    format!(
        "{TITLE}{REQUESTS}申请人情况\n一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1\n{} 1 0 0 0 0 0 1\n\
         （七）总计 1 0 0 0 0 0 1\n",
        fill("予以开放公示数目", 10 * MB)
    )
}

/// `depth` nested `<div>`s around table 三: the HTML reader's tag handling.
pub fn nested_divs(depth: usize) -> String {
    format!(
        "{TITLE}{}<p>{REQUESTS}</p><table>{HTML_ROW}</table>{}",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    )
}

/// `depth` nested tables (`<table><tr><td>` each, never closed) around a row of table 三:
/// the HTML reader's stack of tables.
pub fn nested_tables(depth: usize) -> String {
    format!("{TITLE}{REQUESTS}{}<table>{HTML_ROW}", "<table><tr><td>".repeat(depth))
}

/// 1 MB of `|` under the heading of table 三 and its first header cell: one pipe row with a
/// million empty cells.
pub fn pipes_1mb() -> String {
    format!("{TITLE}{REQUESTS}申请人情况\n{}", "|".repeat(MB))
}

/// The seven cells of one row of table 三.
const ROW: &str = "（一）予以公开";
const VALUES: [&str; 7] = ["1", "0", "0", "0", "0", "0", "1"];

/// Table 三 as markdown with `rows` body rows.
pub fn markdown_rows(rows: usize) -> String {
    let mut s = format!(
        "{TITLE}{REQUESTS}| 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n\
         |---|---|---|---|---|---|---|---|\n"
    );
    let line = format!("| {ROW} | {} |\n", VALUES.join(" | "));
    s.reserve(line.len() * rows);
    for _ in 0..rows {
        s.push_str(&line);
    }
    s
}

/// Table 三 as HTML with `rows` rows.
pub fn html_rows(rows: usize) -> String {
    let mut s = format!(
        "<html><body><h1>{TITLE}</h1><p>{REQUESTS}</p><table>\
         <tr><td>申请人情况</td><td>自然人</td><td>商业企业</td><td>科研机构</td><td>社会公益组织</td>\
         <td>法律服务机构</td><td>其他</td><td>总计</td></tr>"
    );
    let cells: String = VALUES.iter().map(|v| format!("<td>{v}</td>")).collect();
    let line = format!("<tr><td>{ROW}</td>{cells}</tr>\n");
    s.reserve(line.len() * rows + 32);
    for _ in 0..rows {
        s.push_str(&line);
    }
    s.push_str("</table></body></html>");
    s
}

/// `n` digits glued to a row's label in table 三, as a stripped page glues a row's cells.
pub fn glued_row(n: usize) -> String {
    format!("{TITLE}{REQUESTS}一、本年新收政府信息公开申请数量{}", glued_digits(n))
}

/// Table 三's 25 rows in text that hides blank cells, each row 30 glued digits and a space
/// after them: every row's search for splits runs to its bound, most of it listing the splits
/// whose total is the blank that space may be, which no sum checks.
pub fn glued_rows_to_the_bound() -> String {
    const ROWS: [&str; 25] = [
        "一、本年新收政府信息公开申请数量",
        "二、上年结转政府信息公开申请数量",
        "（一）予以公开",
        "（二）部分公开",
        "1.属于国家秘密",
        "2.其他法律行政法规禁止公开",
        "3.危及“三安全一稳定”",
        "4.保护第三方合法权益",
        "5.属于三类内部事务信息",
        "6.属于四类过程性信息",
        "7.属于行政执法案卷",
        "8.属于行政查询事项",
        "1.本机关不掌握相关政府信息",
        "2.没有现成信息需要另行制作",
        "3.补正后申请内容仍不明确",
        "1.信访举报投诉类申请",
        "2.重复申请",
        "3.要求提供公开出版物",
        "4.无正当理由大量反复申请",
        "5.要求行政机关确认或重新出具已获取信息",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "3.其他",
        "（七）总计",
        "四、结转下年度继续办理",
    ];
    let digits = "738291645927364518293746581923";
    let rows: String = ROWS.iter().map(|r| format!("{r}{digits}  \n")).collect();
    format!(
        "{TITLE}{REQUESTS}申请人情况 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计\n{rows}"
    )
}

/// `n` digits, no two neighbours alike in a long stretch (no cheap all-zero splits).
pub fn glued_digits(n: usize) -> String {
    fill("1211620347", n)
}

/// `limit + 1` bytes of text: one byte over a size limit.
pub fn over_limit(limit: usize) -> Vec<u8> {
    let mut v = fill("规章 1 ", limit).into_bytes();
    v.resize(limit + 1, b' ');
    v
}

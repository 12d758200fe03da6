//! Where the report's tables are, and what its title says.
//!
//! Tables are found by their section headings — `二、主动公开政府信息情况`,
//! `三、收到和处理政府信息公开申请情况`, `四、政府信息公开行政复议、行政诉讼情况` — with the
//! ordinal required (the introduction lists the same phrases, and `（二）主动公开…` is a
//! subsection of 一). Where a heading is lost, the tables' own headers stand in for it
//! (`第二十条`, `申请人情况`, `结果维持`). Headings are searched in the text, not per line:
//! HTML stripped of its tags can put a whole report on one line.

use memchr::memmem;

use crate::text::{is_cjk, is_space};

/// Byte ranges of the working text holding tables 二, 三 and 四.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Regions {
    pub active: Option<(usize, usize)>,
    pub requests: Option<(usize, usize)>,
    pub appeals: Option<(usize, usize)>,
}

impl Regions {
    pub(crate) fn any(&self) -> bool {
        self.active.is_some() || self.requests.is_some() || self.appeals.is_some()
    }
}

fn occurrences<'a>(text: &'a str, needle: &'a str, from: usize) -> impl Iterator<Item = usize> + 'a {
    let start = from.min(text.len());
    memmem::find_iter(text.as_bytes().get(start..).unwrap_or_default(), needle.as_bytes())
        .map(move |p| p + start)
}

/// The start of the ordinal `numeral` that heads the text ending at `at` (`二、`, `二.`, `表二：`),
/// looking back at most a few characters and across nothing but markup.
///
/// A `strict` ordinal is the template's (`二、`, `二.`, `表二`); otherwise the numberings some
/// reports use instead (`（二）`, `第二部分`, `2.`) count too — they are tried only when no
/// strict heading exists, since `（二）主动公开…` is also a subsection of 一、总体情况.
fn ordinal_before(text: &str, at: usize, numeral: char, reach: usize, strict: bool) -> Option<usize> {
    let before = text.get(..at).unwrap_or("");
    let arabic = "一二三四五六七八九"
        .chars()
        .position(|c| c == numeral)
        .and_then(|i| char::from_digit(i as u32 + 1, 10));
    for (i, c) in before.char_indices().rev().take(reach) {
        let next = text.get(i + c.len_utf8()..).and_then(|r| r.chars().next());
        let prev = before.get(..i).and_then(|b| b.chars().next_back());
        let marked = matches!(next, Some('、' | '.' | ',' | '，' | ':' | ' ' | '\u{a0}'));
        if c == numeral {
            let bracketed = matches!(prev, Some('(' | '（' | '第'));
            if (marked || prev == Some('表')) && !bracketed {
                return Some(if prev == Some('表') { i - '表'.len_utf8() } else { i });
            }
            let loose =
                matches!((prev, next), (Some('(' | '（'), Some(')' | '）')) | (Some('第'), Some('部')));
            if !strict && loose {
                return Some(i - prev.map_or(0, char::len_utf8));
            }
        } else if !strict && Some(c) == arabic && marked && !prev.is_some_and(|p| p.is_ascii_digit()) {
            return Some(i);
        }
    }
    None
}

/// The first heading `numeral、…phrase` at or after `from`, in the template's numbering or else
/// another.
fn heading(text: &str, phrases: &[&str], numeral: char, from: usize) -> Option<usize> {
    let find = |strict| {
        phrases
            .iter()
            .filter_map(|p| {
                occurrences(text, p, from).find_map(|at| ordinal_before(text, at, numeral, 6, strict))
            })
            .min()
    };
    find(true).or_else(|| find(false))
}

/// The heading of table 四, whose ordinal stands before `政府信息公开` and whose wording varies
/// (`行政复议、行政诉讼`, `行政复议和行政诉讼`, `行政法复议`).
fn appeals_heading(text: &str, from: usize) -> Option<usize> {
    occurrences(text, "行政诉讼", from).find_map(|at| {
        let window_start = back_chars(text, at, 24);
        let window = text.get(window_start..at).unwrap_or("");
        (window.contains("复议") && window.contains("政府信息公开") || window.contains("复议、"))
            .then(|| {
                ordinal_before(text, at, '四', 24, true).or_else(|| ordinal_before(text, at, '四', 24, false))
            })
            .flatten()
    })
}

/// The byte offset `n` characters before `at`, not crossing a line end unless the text has
/// no line ends nearby.
fn back_chars(text: &str, at: usize, n: usize) -> usize {
    let mut start = at;
    for (i, c) in text.get(..at).unwrap_or("").char_indices().rev().take(n) {
        if c == '\n' {
            break;
        }
        start = i;
    }
    start
}

/// The table headers that stand in for a lost heading of table 二.
fn active_anchor(text: &str, from: usize, to: usize) -> Option<usize> {
    let first = occurrences(text, "第二十条", from).find(|&p| p < to);
    let header = occurrences(text, "信息内容", from).filter(|&p| p < to).find(|&p| {
        let after = crate::text::window(text, p, 60);
        ["本年", "上一年", "采购", "收费金额"].iter().any(|k| after.contains(k))
    });
    match (first, header) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Finds the regions of the three tables.
pub(crate) fn regions(text: &str) -> Regions {
    const REQUESTS: &[&str] = &["收到和处理政府信息公开申请", "收到和处理政府信息公开的申请"];
    const REQUEST_ANCHORS: &[&str] = &["本年新收政府信息公开申请", "申请人情况", "勾稽关系"];
    let requests_start = heading(text, REQUESTS, '三', 0)
        .filter(|&h| REQUEST_ANCHORS.iter().any(|a| occurrences(text, a, h).next().is_some()))
        .or_else(|| REQUEST_ANCHORS.iter().filter_map(|a| occurrences(text, a, 0).next()).min());
    let active_heading = heading(text, &["主动公开政府信息情况", "主动公开政府信息"], '二', 0)
        .filter(|&h| requests_start.is_none_or(|r| h < r));
    let active_end_bound = requests_start.unwrap_or(text.len());
    let active_start = match active_heading {
        Some(h) => active_anchor(text, h, active_end_bound).map(|_| h),
        None => active_anchor(text, 0, active_end_bound),
    };
    let after_requests = requests_start.or(active_start).unwrap_or(0);
    let appeals_start = appeals_heading(text, after_requests).or_else(|| {
        occurrences(text, "结果维持", after_requests)
            .next()
            .and_then(|p| occurrences(text, "行政复议", back_bytes(text, p, 600)).find(|&q| q < p))
    });
    let end = ending(text, appeals_start.or(requests_start).or(active_start).unwrap_or(0));
    let clip = |s: Option<usize>, next: &[Option<usize>]| {
        s.map(|s| {
            let e = next.iter().flatten().copied().filter(|&n| n > s).min().unwrap_or(end).max(s);
            // A heading after nothing but marks on its line (`- 三、…`, `## 三、…`) takes the line:
            // left to the table above, a lone `-` would be one more (blank) cell of it.
            let ls = line_start(text, e);
            let marks_only = ls > s && !text.get(ls..e).unwrap_or("").chars().any(char::is_alphanumeric);
            (s, if marks_only { ls } else { e })
        })
    };
    Regions {
        active: clip(active_start, &[requests_start, appeals_start, Some(end)]),
        requests: clip(requests_start, &[appeals_start, Some(end)]),
        appeals: clip(appeals_start, &[Some(end)]),
    }
}

fn back_bytes(text: &str, at: usize, n: usize) -> usize {
    crate::text::floor_char_boundary(text, at.saturating_sub(n))
}

/// Where the tables end: the heading of section 五 or 六 after `from`, or the end of the text.
fn ending(text: &str, from: usize) -> usize {
    let five = heading(text, &["存在的主要问题", "主要问题及改进", "存在的问题"], '五', from);
    let six = heading(text, &["其他需要报告的事项"], '六', from);
    five.or(six).unwrap_or(text.len()).max(from)
}

/// What the title says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Meta {
    /// Where the organ is named in the working text.
    pub organ: Option<(usize, usize)>,
    pub year: Option<u16>,
    /// Where the title starts, when one was found.
    pub title_at: Option<usize>,
}

/// How far into the text a title is looked for.
const TITLE_REACH: usize = 12_000;

/// Reads organ and year from the title (`赣县区2023年政府信息公开工作年度报告`,
/// `2025 年上海市人民政府办公厅政府信息公开\n工作年度报告`, organ on the line above), or the
/// year alone from the statistics period when there is no title.
pub(crate) fn meta(text: &str) -> Meta {
    let head = crate::text::window(text, 0, TITLE_REACH);
    for (at, year, after) in years(head) {
        let Some(title_end) = title_after(head.get(after..).unwrap_or("")) else {
            continue;
        };
        let organ = organ_between(head, after, after + title_end)
            .or_else(|| organ_run_before(head, at))
            .or_else(|| previous_line(head, at));
        return Meta { organ, year: Some(year), title_at: Some(line_start(head, at)) };
    }
    Meta { organ: None, year: statistics_year(head), title_at: None }
}

/// The organ as the input writes it (full-width brackets and all), when `text[span]` of the
/// working text maps back to input that folds to it; else as the working text has it. Spaces
/// (a title set in spaced type) are dropped.
pub(crate) fn organ_text(
    working: &str,
    input: &str,
    map: &crate::text::OffsetMap,
    span: (usize, usize),
) -> String {
    let squeeze =
        |s: &str| -> String { s.chars().filter(|c| !c.is_whitespace() && *c != '\u{a0}').collect() };
    let folded = squeeze(working.get(span.0..span.1).unwrap_or(""));
    let original = input.get(map.to_input(span.0)..map.to_input(span.1)).map(squeeze);
    match original {
        Some(o) if squeeze(&crate::text::normalize(&o).0) == folded => o,
        _ => folded,
    }
}

/// Every `YYYY年` or `YYYY 年度` in `text`: (start, year, offset after `年`/`年度`).
fn years(text: &str) -> impl Iterator<Item = (usize, u16, usize)> + '_ {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(3)).filter_map(move |i| {
        let digits = bytes.get(i..i + 4)?;
        if !digits.iter().all(u8::is_ascii_digit)
            || i.checked_sub(1).and_then(|j| bytes.get(j)).is_some_and(u8::is_ascii_digit)
        {
            return None;
        }
        let year: u16 = std::str::from_utf8(digits).ok()?.parse().ok()?;
        if !(1990..=2100).contains(&year) {
            return None;
        }
        let rest = text.get(i + 4..)?;
        let rest_trim = rest.trim_start_matches(is_space);
        let after_year = rest_trim.strip_prefix('年')?;
        let after = after_year.strip_prefix('度').unwrap_or(after_year);
        Some((i, year, text.len() - after.len()))
    })
}

/// The length of a title's remainder after its year: up to and including `年度报告`/`年报`,
/// which must follow `信息公开`/`政务公开` closely.
fn title_after(rest: &str) -> Option<usize> {
    let window = crate::text::window(rest, 0, 150);
    let open =
        ["信息公开", "政务公开"].iter().filter_map(|k| find_spaced(window, k)).map(|(p, l)| p + l).min()?;
    if window.get(..open).is_some_and(|w| w.contains(['。', '，', '；'])) {
        return None;
    }
    let tail = window.get(open..).unwrap_or("");
    // A title may wrap inside its last words (`…工作年度报` / `告`, a PDF's line).
    let end = ["年度报告", "年报", "工作报告"]
        .iter()
        .filter_map(|k| find_spaced(tail, k))
        .filter(|&(p, _)| {
            let name = tail.get(..p).unwrap_or("");
            name.chars().filter(|c| !c.is_whitespace()).count() <= 12 && !name.contains(['。', '，'])
        })
        .min()?;
    Some(open + end.0 + end.1)
}

/// The first `needle` in `hay`, whitespace (line ends too) allowed between its characters: its
/// offset and length in `hay`.
fn find_spaced(hay: &str, needle: &str) -> Option<(usize, usize)> {
    let first = needle.chars().next()?;
    hay.match_indices(first).find_map(|(at, _)| {
        let mut rest = hay.get(at..)?;
        for c in needle.chars() {
            rest = rest.trim_start_matches(char::is_whitespace).strip_prefix(c)?;
        }
        Some((at, hay.len() - rest.len() - at))
    })
}

/// The organ written between the year and `政府信息公开` (`2025 年上海市人民政府办公厅政府信息公开`):
/// `text[from..to]` is the title after its year.
fn organ_between(text: &str, from: usize, to: usize) -> Option<(usize, usize)> {
    let between = text.get(from..to)?;
    let cut = ["政府信息公开", "政务公开", "信息公开"].iter().filter_map(|k| between.find(k)).min()?;
    trim_organ(text, from, from + cut)
}

/// The run of organ characters right before byte `at`, on its line.
fn organ_run_before(text: &str, at: usize) -> Option<(usize, usize)> {
    let end = text.get(..at).unwrap_or("").trim_end_matches(is_space).len();
    let start = text
        .get(..end)
        .unwrap_or("")
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_organ_char(c))
        .last()
        .map(|(i, _)| i)?;
    trim_organ(text, start, end)
}

/// The last non-empty line before the line holding `at` (titles set on two lines).
fn previous_line(text: &str, at: usize) -> Option<(usize, usize)> {
    let end = text.get(..line_start(text, at)).unwrap_or("").trim_end().len();
    let start = line_start(text, end);
    let line = text.get(start..end)?;
    let fits = line.chars().count() <= 30
        && line.chars().all(|c| is_organ_char(c) || is_space(c) || c == '#' || c == '*');
    fits.then(|| trim_organ(text, start, end)).flatten()
}

fn line_start(text: &str, at: usize) -> usize {
    text.get(..at).and_then(|b| b.rfind('\n')).map_or(0, |p| p + 1)
}

/// Characters of an organ's name: ideographs, brackets, and the placeholders templates use
/// (`XX县`, `××局`).
fn is_organ_char(c: char) -> bool {
    is_cjk(c) || "()（）×○〇".contains(c) || c.is_ascii_uppercase()
}

/// `text[start..end]` without what cannot begin or end a name (spaces, punctuation, a bracket
/// facing outwards); `None` unless two ideographs remain.
fn trim_organ(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let s = text.get(start..end)?;
    let t = s.trim_start_matches(|c: char| !is_organ_char(c) || ")）".contains(c));
    let lead = s.len() - t.len();
    let t = t.trim_end_matches(|c: char| !is_organ_char(c) || "(（".contains(c));
    (t.chars().filter(|&c| is_cjk(c)).count() >= 2).then(|| (start + lead, start + lead + t.len()))
}

/// The year of the statistics period (`统计期限自 2024 年 1 月 1 日`) or of a `YYYY年1月1日`.
fn statistics_year(text: &str) -> Option<u16> {
    for key in ["统计期限", "统计时限", "统计期间"] {
        if let Some(p) = text.find(key) {
            let window = crate::text::window(text, p, 60);
            if let Some((_, y, _)) = years(window).next() {
                return Some(y);
            }
        }
    }
    years(text).find_map(|(_, y, after)| {
        let rest = text.get(after..).unwrap_or("").trim_start_matches(is_space);
        rest.starts_with('1').then_some(()).and_then(|_| {
            let r = rest.get(1..).unwrap_or("").trim_start_matches(is_space);
            (r.strip_prefix('月').is_some_and(|m| m.trim_start_matches(is_space).starts_with('1')))
                .then_some(y)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn organ(t: &str) -> Option<String> {
        meta(t).organ.map(|span| organ_text(t, t, &crate::text::OffsetMap::default(), span))
    }

    #[test]
    fn titles_give_organ_and_year() {
        let t = "# 赣州经济技术开发区党政办公室 2021 年政府信息公开 公开工作年度报告\n\n正文";
        assert_eq!((organ(t).as_deref(), meta(t).year), (Some("赣州经济技术开发区党政办公室"), Some(2021)));
        let t = "正文\n2025 年上海市人民政府办公厅政府信息公开\n工作年度报告\n";
        assert_eq!((organ(t).as_deref(), meta(t).year), (Some("上海市人民政府办公厅"), Some(2025)));
        let t = "            淮安市人民政府\n     2024 年政府信息公开工作年度报告\n";
        assert_eq!((organ(t).as_deref(), meta(t).year), (Some("淮安市人民政府"), Some(2024)));
        assert_eq!(
            organ("-1-淮安市人民政府2024年政府信息公开工作年度报告本报告由").as_deref(),
            Some("淮安市人民政府")
        );
        assert_eq!(
            organ("# XX县交通运输局2024年政府信息公开工作年度报告").as_deref(),
            Some("XX县交通运输局")
        );
        // Wrapped inside its words, as a PDF's line breaks it.
        let t = "上海市人民政府办公厅2025年政府信息公开工作年度报\n告\n本报告根据";
        assert_eq!((organ(t).as_deref(), meta(t).year), (Some("上海市人民政府办公厅"), Some(2025)));
        let t = "赣州经济技术开发区机关事务管理中心2024年政府信息\n公开工作年度报告\n本报告根据";
        assert_eq!(
            (organ(t).as_deref(), meta(t).year),
            (Some("赣州经济技术开发区机关事务管理中心"), Some(2024))
        );
    }

    #[test]
    fn sentences_about_the_template_are_not_titles() {
        let m = meta("《关于印发中华人民共和国政府信息公开工作年度报告格式的通知》（国办公开办函〔2021〕30号）。统计期限自 2024 年 1 月 1 日");
        assert_eq!((m.organ, m.year), (None, Some(2024)));
    }

    #[test]
    fn a_heading_after_marks_takes_its_line() {
        let t = "二、主动公开政府信息情况\n第二十条\n0\n- 三、收到和处理政府信息公开申请情况\n申请人情况\n";
        let (s, e) = regions(t).active.unwrap();
        assert!(t[s..e].ends_with("0\n"), "the `- ` before 三、 is no cell of table 二");
        // Words before a heading are not marks: the table above keeps them.
        let t = "二、主动公开政府信息情况\n第二十条\n0 注 三、收到和处理政府信息公开申请情况\n申请人情况\n";
        let (s, e) = regions(t).active.unwrap();
        assert!(t[s..e].ends_with("注 "));
    }

    #[test]
    fn headings_need_their_ordinal() {
        let t = "（二）主动公开政府信息情况\n文字\n二、主动公开政府信息情况\n第二十条\n三、收到和处理政府信息公开申请情况\n申请人情况\n四、政府信息公开行政复议、行政诉讼情况\n结果维持\n五、存在的主要问题及改进情况\n";
        let r = regions(t);
        assert_eq!(&t[r.active.unwrap().0..][..6], "二、");
        assert!(t[r.requests.unwrap().0..].starts_with("三、"));
        let (s, e) = r.appeals.unwrap();
        assert!(t[s..e].starts_with("四、") && t[e..].starts_with("五、"));
    }

    #[test]
    fn other_numberings_serve_when_the_template_s_is_absent() {
        let t = "（一）总体情况\n（二）主动公开政府信息情况\n第二十条\n（三）收到和处理政府信息公开申请情况\n申请人情况\n\
                 （四）政府信息公开行政复议、行政诉讼情况\n结果维持\n（五）存在的主要问题及改进情况\n";
        let r = regions(t);
        assert!(t[r.active.unwrap().0..].starts_with("（二）"));
        assert!(t[r.requests.unwrap().0..].starts_with("（三）"));
        let (s, e) = r.appeals.unwrap();
        assert!(t[s..e].starts_with("（四）") && t[e..].starts_with("（五）"));
    }
}

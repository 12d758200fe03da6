//! A deterministic corpus of generated reports, for the benchmarks (`benches/parse.rs`) and for
//! `xxgk-corpus gen`, which writes it to files.
//!
//! Report `index` of the corpus of `seed` is drawn from the property tests' report strategy
//! (`xxgk_tests::strategies::report`: both editions, consistent or not, blanks, excerpts,
//! absent tables, every magnitude), rendered by the core's renderers in one of the eight
//! layouts they write, lengthened with prose to a realistic size, and, one report in two,
//! damaged by one to four of the noises of the wild (`xxgk_tests::wild`). Its expected report
//! is the one that was rendered: noise and prose change the text only.
//!
//! Every report has its own random stream, a ChaCha generator seeded with `(seed, index)`: the
//! same seed gives byte-identical reports on any machine and with any number of threads, the
//! first `n` reports of a larger corpus are the corpus of `n`, and report `index` is the same
//! report in every layout (only its noise and prose, which follow the layout, differ).

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use rayon::prelude::*;
use xxgk::{Layout, Report};
use xxgk_tests::{strategies, wild};

/// The layouts the renderers write, in the order the mixed corpus takes them (report `index`
/// is in `LAYOUTS[index % 8]`). `reading_order` and `column_major` are read but not written.
pub const LAYOUTS: [Layout; 8] = [
    Layout::Html,
    Layout::Markdown,
    Layout::Tsv,
    Layout::Csv,
    Layout::CellPerLine,
    Layout::TabCells,
    Layout::Aligned,
    Layout::Glued,
];

/// The sizes reports are lengthened to: from 3 KB to 40 KB, log-uniformly (median 11 KB), as
/// published reports run from a page of tables to twenty pages of prose around them.
pub const MIN_SIZE: usize = 3_000;
/// See [`MIN_SIZE`].
pub const MAX_SIZE: usize = 40_000;

/// One report of a corpus.
#[derive(Clone)]
pub struct Item {
    /// Its place in the corpus.
    pub index: u64,
    /// The layout it was rendered in.
    pub layout: Layout,
    /// Whether noise damaged the rendering.
    pub noisy: bool,
    /// The text to parse.
    pub text: String,
    /// The report that was rendered.
    pub expected: Report,
}

impl Item {
    /// The name its files share: `000042-html`.
    pub fn stem(&self) -> String {
        format!("{:06}-{}", self.index, self.layout.as_str())
    }

    /// The name of its text file: `000042-html.html`.
    pub fn file_name(&self) -> String {
        format!("{}.{}", self.stem(), xxgk_tests::extension(self.layout))
    }

    /// The expected report as gold JSON (`tests/fixtures/gold`): its values, without what only
    /// a parse produces (failed checks, uncertain cells, layouts, diagnostics).
    pub fn expected_json(&self) -> serde_json::Value {
        strategies::expected_json(&self.expected)
    }
}

/// The random stream of report `index` of the corpus of `seed`.
fn runner(seed: u64, index: u64) -> TestRunner {
    let mut key = [0u8; 32];
    key[..8].copy_from_slice(&seed.to_le_bytes());
    key[8..16].copy_from_slice(&index.to_le_bytes());
    TestRunner::new_with_rng(Config::default(), TestRng::from_seed(RngAlgorithm::ChaCha, &key))
}

/// A value of `strategy`, drawn from the runner's stream (never shrunk).
fn draw<S: Strategy>(runner: &mut TestRunner, strategy: S) -> S::Value {
    strategy.new_tree(runner).expect("the strategies reject few values").current()
}

/// Report `index` of the corpus of `seed`, in `layout` (`None`: the mixed corpus's layout for
/// `index`, see [`LAYOUTS`]).
pub fn item(seed: u64, index: u64, layout: Option<Layout>) -> Item {
    item_lengthened(seed, index, layout, 1)
}

/// [`item`] with `times` as much prose: the same tables in a text about `times` as long, for
/// the benchmark of how the time grows with the length of one input.
pub fn item_lengthened(seed: u64, index: u64, layout: Option<Layout>, times: usize) -> Item {
    let mut runner = runner(seed, index);
    // The report and the coin for noise come first in the stream: the same in every layout.
    let expected = draw(&mut runner, strategies::report());
    let noisy = draw(&mut runner, any::<bool>());
    let size = draw(&mut runner, (0u32..=1000).prop_map(log_size));
    let layout = layout.unwrap_or(LAYOUTS[(index % LAYOUTS.len() as u64) as usize]);
    let noises = if noisy { draw(&mut runner, wild::noises(layout)) } else { Vec::new() };
    let base = wild::base_layout(layout, &noises);
    let clean = expected.render(base).expect("the renderers write every layout of LAYOUTS");
    let target = size * times;
    let prose = prose(&mut runner, target.saturating_sub(clean.len()));
    let text = wild::apply(&lengthen(&clean, &prose, target), base, &noises);
    Item { index, layout, noisy, text, expected }
}

/// The first `n` reports of the corpus of `seed`, in `layout` or mixed (generated in parallel).
pub fn corpus(seed: u64, n: u64, layout: Option<Layout>) -> Vec<Item> {
    (0..n).into_par_iter().map(|i| item(seed, i, layout)).collect()
}

/// `k` of 1000 steps from [`MIN_SIZE`] to [`MAX_SIZE`] on a log scale.
fn log_size(k: u32) -> usize {
    let ratio = MAX_SIZE as f64 / MIN_SIZE as f64;
    (MIN_SIZE as f64 * ratio.powf(f64::from(k) / 1000.0)) as usize
}

/// Sentences of the kind section 一 (总体情况) is written in, `{}` for a number. Each fits on a
/// line of aligned text (38 ideographs), so that a paragraph of one is never wrapped.
const SENTENCES: &[&str] = &[
    "全年通过门户网站主动公开政府信息{}条。",
    "发布政策解读材料{}篇，其中图文解读{}篇。",
    "召开新闻发布会{}场，及时回应社会关切。",
    "政务新媒体发布信息{}条，阅读量持续提升。",
    "组织政务公开业务培训{}次，覆盖干部职工{}人次。",
    "全年办理网民留言{}件，均已按时办结。",
    "全年共收到政府信息公开申请{}件，均已依法答复。",
    "坚持以公开为常态、不公开为例外。",
    "及时更新机构职能、领导信息等基础信息。",
    "做好财政预决算信息公开工作。",
    "严格落实保密审查制度，坚持先审后发。",
    "畅通依申请公开渠道，规范受理、办理、答复流程。",
    "加强政府信息公开平台建设，提升集约化水平。",
    "围绕重点领域信息公开，持续深化公开内容。",
    "认真办理人大代表建议和政协委员提案。",
    "开展政府开放日活动，邀请群众参与监督。",
    "推进政务服务事项公开，办事指南实现标准化。",
    "强化政策文件清理，及时公布清理结果。",
    "规范政府信息公开指南和目录，方便公众查阅。",
    "推进基层政务公开标准化规范化建设。",
    "完善政务舆情回应机制，做到有问必答。",
];

/// Sentences of [`SENTENCES`] with their numbers, at least `bytes` long in all.
fn prose(runner: &mut TestRunner, bytes: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut len = 0;
    while len < bytes {
        let (k, a, b) = draw(runner, (0..SENTENCES.len(), 1u32..=5_000, 1u32..=300));
        let sentence = SENTENCES[k].replacen("{}", &a.to_string(), 1).replacen("{}", &b.to_string(), 1);
        len += sentence.len();
        out.push(sentence);
    }
    out
}

/// Sentences of the overview (section 一's sub-sections) that every renderer writes as a
/// paragraph on one line of its own; the prose goes into new paragraphs after them.
const ANCHORS: [&str; 4] = [
    "严格按照法定程序和时限办理申请，规范答复文书，做到依法依规、答复及时。",
    "落实信息发布审核制度，坚持先审后发，动态更新公开目录，确保信息准确规范。",
    "优化门户网站栏目设置，发挥政务新媒体作用，提升公开平台的集约化水平。",
    "健全工作机制，加强业务培训，将政务公开工作纳入绩效考核。",
];

/// `text` with `prose` added after the overview's paragraphs, shared among them, each
/// sentence a paragraph written as the renderer wrote the one before it: its line with the
/// anchor sentence replaced, and the blank lines that followed it. Sentences that would take
/// the text beyond `target` bytes are left out (a paragraph's markup is not in `prose`'s count).
fn lengthen(text: &str, prose: &[String], target: usize) -> String {
    let mut out = String::with_capacity(text.len() + prose.iter().map(String::len).sum::<usize>() * 2);
    let mut rest = text;
    let per_anchor = prose.len().div_ceil(ANCHORS.len());
    let mut chunks = prose.chunks(per_anchor.max(1));
    for anchor in ANCHORS {
        let Some(at) = rest.find(anchor) else { continue };
        let start = rest[..at].rfind('\n').map_or(0, |i| i + 1);
        let line_end = rest[at..].find('\n').map_or(rest.len(), |i| at + i + 1);
        let end = line_end + rest[line_end..].bytes().take_while(|&b| b == b'\n').count();
        let paragraph = &rest[start..end];
        out.push_str(&rest[..end]);
        rest = &rest[end..];
        for sentence in chunks.next().unwrap_or_default() {
            let added = paragraph.replacen(anchor, sentence, 1);
            if out.len() + added.len() + rest.len() > target {
                break;
            }
            out.push_str(&added);
        }
    }
    out.push_str(rest);
    out
}

//! The report around the tables: title, introduction, the six section headings of the
//! template and a few sentences under them, as a list of blocks every layout writes in its own
//! way. The text avoids numbers (other than dates) so that nothing in it reads as a cell.

use crate::model::{Edition, Report};

use super::template::{self, Grid};

/// A piece of the report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Block {
    /// A section heading (`二、主动公开政府信息情况`).
    Heading(String),
    /// A sub-heading (`（一）主动公开`).
    Subheading(String),
    /// A paragraph.
    Para(String),
    /// A table of the template.
    Table(Grid),
}

/// A whole report as blocks, with its title.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Document {
    pub title: String,
    pub blocks: Vec<Block>,
}

impl Document {
    /// The document as plain lines: the title followed by `title_end`, every heading and
    /// paragraph by `text_end`, each table as `table` writes it.
    pub(crate) fn plain(
        &self,
        title_end: &str,
        text_end: &str,
        mut table: impl FnMut(&Grid, &mut String),
    ) -> String {
        let mut out = format!("{}{title_end}", self.title);
        for block in &self.blocks {
            match block {
                Block::Heading(t) | Block::Subheading(t) | Block::Para(t) => {
                    out.push_str(t);
                    out.push_str(text_end);
                }
                Block::Table(g) => table(g, &mut out),
            }
        }
        out
    }
}

/// The section headings of the template.
pub(crate) const SECTIONS: [&str; 6] = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
];

/// The sub-sections of 一、总体情况 and a sentence for each.
const OVERVIEW: [(&str, &str); 5] = [
    (
        "（一）主动公开",
        "坚持以公开为常态、不公开为例外，围绕中心工作及时准确发布各类信息，重点领域信息公开持续深化。",
    ),
    ("（二）依申请公开", "严格按照法定程序和时限办理申请，规范答复文书，做到依法依规、答复及时。"),
    ("（三）政府信息管理", "落实信息发布审核制度，坚持先审后发，动态更新公开目录，确保信息准确规范。"),
    ("（四）平台建设", "优化门户网站栏目设置，发挥政务新媒体作用，提升公开平台的集约化水平。"),
    ("（五）监督保障", "健全工作机制，加强业务培训，将政务公开工作纳入绩效考核。"),
];

/// The title as the template writes it: `{organ}{year}年政府信息公开工作年度报告`.
pub(crate) fn title(report: &Report) -> String {
    let organ = report.organ.as_deref().unwrap_or("");
    match report.year {
        Some(y) => format!("{organ}{y}年政府信息公开工作年度报告"),
        None => format!("{organ}政府信息公开工作年度报告"),
    }
}

/// The report laid out as the template's sections.
pub(crate) fn document(report: &Report) -> Document {
    let edition = template::edition_of(report);
    let mut blocks = Vec::new();
    let circular = match edition {
        Edition::E2019 => "《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》",
        Edition::E2021 => "《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》",
    };
    let mut intro =
        format!("本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和{circular}要求编制。");
    if let Some(y) = report.year {
        intro.push_str(&format!("本报告中所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。"));
    }
    intro.push_str("如对本报告有疑问，请与本机关办公室联系。");
    blocks.push(Block::Para(intro));

    blocks.push(Block::Heading(SECTIONS[0].into()));
    for (heading, text) in OVERVIEW {
        blocks.push(Block::Subheading(heading.into()));
        blocks.push(Block::Para(text.into()));
    }

    blocks.push(Block::Heading(SECTIONS[1].into()));
    if let Some(g) = report.active_disclosure.as_ref().and_then(template::active) {
        blocks.push(Block::Table(g));
    }
    blocks.push(Block::Heading(SECTIONS[2].into()));
    if let Some(g) = report.requests.as_ref().and_then(|r| template::requests(r, edition)) {
        blocks.push(Block::Table(g));
    }
    blocks.push(Block::Heading(SECTIONS[3].into()));
    if let Some(g) = report.appeals.as_ref().and_then(template::appeals) {
        blocks.push(Block::Table(g));
    }

    blocks.push(Block::Heading(SECTIONS[4].into()));
    blocks.push(Block::Para(
        "一是公开内容的深度和广度有待拓展；二是政策解读形式较为单一。下一步，将进一步规范公开流程，丰富解读形式，不断提升政务公开工作质效。".into(),
    ));
    blocks.push(Block::Heading(SECTIONS[5].into()));
    blocks.push(Block::Para("本年度未收取信息处理费。无其他需要报告的事项。".into()));
    if let Some(organ) = report.organ.as_deref() {
        blocks.push(Block::Para(organ.to_string()));
    }
    Document { title: title(report), blocks }
}

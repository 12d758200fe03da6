//! `xxgk-corpus`: the benchmarks' corpus as files, and what is measured on them outside
//! criterion.
//!
//! - `gen --n 100000 --seed 1 --out DIR [--layout html]`: writes `DIR/input/<stem>.<ext>` (the
//!   texts) and `DIR/expected/<stem>.json` (the reports rendered, as gold JSON); the same seed
//!   gives byte-identical files.
//! - `parse DIR [--passes 5]`: reads every file under `DIR`, then parses them all on one
//!   thread, `passes` times; prints the median pass. Under callgrind, run one pass and collect
//!   only inside `parse_all` (`--toggle-collect='*parse_all*'`).
//! - `score --expected DIR --results results.jsonl [--summary summary.txt]`: scores the output
//!   of `xxgk batch` against the expected reports, cell by cell, checks that every line is what
//!   the library gives for its file, and that the summary counts what the lines hold.

use std::path::{Path, PathBuf};
use std::time::Instant;

mod score;

use clap::{Parser, Subcommand};
use rayon::prelude::*;

#[derive(Parser)]
#[command(name = "xxgk-corpus", about = "The benchmarks' corpus of generated reports, as files.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write a corpus: DIR/input (texts) and DIR/expected (the rendered reports as JSON).
    Gen {
        #[arg(long)]
        n: u64,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(long)]
        out: PathBuf,
        /// Every report in this layout (html, markdown, tsv, csv, cell_per_line, tab_cells,
        /// aligned, glued) instead of the mixed corpus.
        #[arg(long, value_parser = layout_name)]
        layout: Option<xxgk::Layout>,
    },
    /// Parse every file under DIR on one thread, `passes` times; print the median pass.
    Parse {
        dir: PathBuf,
        #[arg(long, default_value_t = 5)]
        passes: usize,
        /// Then list the N slowest files, each timed alone (the median of `passes` runs).
        #[arg(long, default_value_t = 0)]
        slowest: usize,
    },
    /// Score `xxgk batch` JSON lines against the expected reports of a corpus.
    Score {
        #[arg(long)]
        expected: PathBuf,
        #[arg(long)]
        results: PathBuf,
        /// What `xxgk batch` printed: its counts are checked against the lines.
        #[arg(long)]
        summary: Option<PathBuf>,
    },
}

fn layout_name(name: &str) -> Result<xxgk::Layout, String> {
    xxgk_benches::LAYOUTS
        .into_iter()
        .find(|l| l.as_str() == name)
        .ok_or_else(|| format!("{name:?} is not a layout the renderers write"))
}

fn main() -> Result<(), String> {
    match Cli::parse().command {
        Command::Gen { n, seed, out, layout } => gen(n, seed, &out, layout),
        Command::Parse { dir, passes, slowest } => parse(&dir, passes.max(1), slowest),
        Command::Score { expected, results, summary } => {
            score::score(&expected, &results, summary.as_deref())
        }
    }
}

fn gen(n: u64, seed: u64, out: &Path, layout: Option<xxgk::Layout>) -> Result<(), String> {
    let (inputs, expected) = (out.join("input"), out.join("expected"));
    for dir in [&inputs, &expected] {
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    let write = |path: PathBuf, bytes: &[u8]| {
        std::fs::write(&path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
    };
    let bytes = (0..n)
        .into_par_iter()
        .map(|i| {
            let item = xxgk_benches::item(seed, i, layout);
            let json = serde_json::to_string_pretty(&item.expected_json()).expect("a report is JSON");
            write(inputs.join(item.file_name()), item.text.as_bytes())?;
            write(expected.join(format!("{}.json", item.stem())), (json + "\n").as_bytes())?;
            Ok::<_, String>(item.text.len())
        })
        .try_reduce(|| 0, |a, b| Ok(a + b))?;
    println!("{n} reports, {:.1} MB of text, in {}", bytes as f64 / 1e6, out.display());
    Ok(())
}

/// The files under `dir`, sorted by path.
fn files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).map_err(|e| format!("cannot read {}: {e}", d.display()))? {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Parses every text once; returns how many gave a report. Not inlined, so that callgrind
/// can count the instructions inside it alone (file reading left out).
#[inline(never)]
fn parse_all(texts: &[Vec<u8>]) -> usize {
    texts.iter().filter(|t| xxgk::parse_bytes(t).is_ok()).count()
}

fn parse(dir: &Path, passes: usize, slowest: usize) -> Result<(), String> {
    let paths = files(dir)?;
    let texts: Vec<Vec<u8>> = paths
        .iter()
        .map(|p| std::fs::read(p).map_err(|e| format!("cannot read {}: {e}", p.display())))
        .collect::<Result<_, _>>()?;
    let bytes: usize = texts.iter().map(Vec::len).sum();
    let mut times = Vec::new();
    let mut reports = 0;
    for _ in 0..passes {
        let start = Instant::now();
        reports = parse_all(&texts);
        times.push(start.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    println!(
        "{} files, {reports} reports, {:.2} MB: median of {passes} passes {median:.3} s, {:.1} MB/s, {:.0} \
         reports/s, {:.1} µs/report (one thread)",
        texts.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / median,
        texts.len() as f64 / median,
        median / texts.len() as f64 * 1e6,
    );
    if slowest > 0 {
        let mut each: Vec<(f64, &Path, usize)> =
            paths.iter().zip(&texts).map(|(p, t)| (median_time(t, passes), p.as_path(), t.len())).collect();
        each.sort_by(|a, b| b.0.total_cmp(&a.0));
        for (seconds, path, len) in each.into_iter().take(slowest) {
            println!("{:10.1} µs {:8} bytes  {}", seconds * 1e6, len, path.display());
        }
    }
    Ok(())
}

/// The median time of `passes` parses of `text`.
fn median_time(text: &[u8], passes: usize) -> f64 {
    let mut times: Vec<f64> = (0..passes)
        .map(|_| {
            let start = Instant::now();
            let _ = std::hint::black_box(xxgk::parse_bytes(text));
            start.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

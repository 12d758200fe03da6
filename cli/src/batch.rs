//! `xxgk batch`: many files parsed in parallel (rayon) into one JSON Lines or CSV file, past
//! bad files, with a progress bar on a terminal and a summary at the end.

use std::io::{BufWriter, IsTerminal, Write};
use std::path::Path;
use std::time::Instant;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use crate::tidy;

/// Files parsed between writes: bounds the memory the outputs wait in, in input order.
const CHUNK: usize = 1024;

/// What the output file holds.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One JSON object a line: `{"file", "report"}` or `{"file", "error"}`.
    Jsonl,
    /// The tidy long form (see `tidy`).
    Csv,
}

impl Format {
    /// The format an output path's extension names: `.csv` is CSV, anything else JSON Lines.
    pub fn of(out: &Path) -> Format {
        match out.extension() {
            Some(e) if e.eq_ignore_ascii_case("csv") => Format::Csv,
            _ => Format::Jsonl,
        }
    }
}

/// One file's result: its output lines, and what the summary counts.
struct Outcome {
    lines: String,
    bytes: usize,
    failed_checks: usize,
    uncertain: usize,
    error: Option<String>,
}

/// Totals of the summary.
#[derive(Default)]
struct Totals {
    files: usize,
    reports: usize,
    bytes: usize,
    failed_checks: usize,
    with_failed_checks: usize,
    uncertain: usize,
    bad: Vec<(String, String)>,
}

/// Parses every file `inputs` name (files, directories walked for every file, glob patterns)
/// on `threads` threads (0: one per core) into `out` (`-`: stdout); returns the summary.
pub fn run(inputs: &[String], out: &Path, threads: usize) -> Result<String, String> {
    let files = crate::files::expand(inputs)?;
    let format = Format::of(out);
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().map_err(|e| e.to_string())?;
    let mut writer: BufWriter<Box<dyn Write>> = BufWriter::new(if out == Path::new("-") {
        Box::new(std::io::stdout().lock())
    } else {
        Box::new(std::fs::File::create(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?)
    });
    let write_err = |e: std::io::Error| format!("cannot write {}: {e}", out.display());
    if format == Format::Csv {
        writer.write_all(tidy::HEADER.as_bytes()).map_err(write_err)?;
    }
    let bar = progress(files.len() as u64, out);
    let start = Instant::now();
    let mut totals = Totals::default();
    for chunk in files.chunks(CHUNK) {
        let outcomes: Vec<Outcome> =
            pool.install(|| chunk.par_iter().map(|f| outcome(f, format)).inspect(|_| bar.inc(1)).collect());
        for (file, o) in chunk.iter().zip(outcomes) {
            writer.write_all(o.lines.as_bytes()).map_err(write_err)?;
            totals.add(file, o);
        }
    }
    writer.flush().map_err(write_err)?;
    bar.finish_and_clear();
    Ok(totals.summary(start.elapsed().as_secs_f64(), pool.current_num_threads()))
}

/// A progress bar on stderr when both stdout and stderr are terminals (a person watching, the
/// summary not piped); hidden otherwise.
fn progress(len: u64, out: &Path) -> ProgressBar {
    let watched = std::io::stderr().is_terminal() && std::io::stdout().is_terminal() && out != Path::new("-");
    if !watched {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template("{bar:40} {pos}/{len} files, {per_sec}, {eta} left")
        .expect("a valid template");
    bar.set_style(style);
    bar
}

/// Reads and parses `file`.
fn outcome(file: &Path, format: Format) -> Outcome {
    let name = file.display().to_string();
    let read = std::fs::read(file).map_err(|e| format!("cannot read: {e}"));
    let bytes = read.as_ref().map_or(0, Vec::len);
    let parsed = read.and_then(|b| xxgk::parse_bytes(&b).map_err(|e| e.to_string()));
    match parsed {
        Ok(report) => Outcome {
            lines: match format {
                Format::Jsonl => json_line(&name, "report", &report),
                Format::Csv => tidy::report_lines(&name, &report),
            },
            bytes,
            failed_checks: report.failed_checks.len(),
            uncertain: report.uncertain.len(),
            error: None,
        },
        Err(error) => Outcome {
            lines: match format {
                Format::Jsonl => json_line(&name, "error", &error),
                Format::Csv => tidy::error_line(&name, &error),
            },
            bytes,
            failed_checks: 0,
            uncertain: 0,
            error: Some(error),
        },
    }
}

/// `{"file": file, key: value}` on a line; written out rather than built as a `Value`, whose
/// map would sort the report's keys out of the order `xxgk parse` writes them in.
fn json_line(file: &str, key: &str, value: &impl serde::Serialize) -> String {
    let file = serde_json::to_string(file).expect("a string serializes");
    let value = serde_json::to_string(value).expect("a report or an error serializes");
    format!("{{\"file\":{file},\"{key}\":{value}}}\n")
}

impl Totals {
    fn add(&mut self, file: &Path, o: Outcome) {
        self.files += 1;
        self.bytes += o.bytes;
        match o.error {
            Some(error) => self.bad.push((file.display().to_string(), error)),
            None => {
                self.reports += 1;
                self.failed_checks += o.failed_checks;
                self.with_failed_checks += usize::from(o.failed_checks > 0);
                self.uncertain += o.uncertain;
            }
        }
    }

    fn summary(&self, seconds: f64, threads: usize) -> String {
        let mb = self.bytes as f64 / 1e6;
        let mut out = format!(
            "files          {}\nreports        {}\nerrors         {}\nfailed checks  {} (in {} reports)\n\
             uncertain      {} cells\nthroughput     {mb:.1} MB in {seconds:.2} s: {:.1} MB/s, {:.0} files/s, \
             {threads} threads\n",
            self.files,
            self.reports,
            self.bad.len(),
            self.failed_checks,
            self.with_failed_checks,
            self.uncertain,
            mb / seconds,
            self.files as f64 / seconds,
        );
        if !self.bad.is_empty() {
            out.push_str(&format!("\nFiles without a report ({})\n", self.bad.len()));
            for (file, error) in &self.bad {
                out.push_str(&format!("  {file}: {error}\n"));
            }
        }
        out
    }
}

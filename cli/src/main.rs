//! `xxgk`: read 政府信息公开工作年度报告 tables from the command line.

mod batch;
mod check;
mod files;
mod input;
mod tidy;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "xxgk",
    version,
    about = "Reads the tables of 政府信息公开工作年度报告, exactly, from whatever text they reached you in."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the report's data as JSON (the schema of SCHEMA.md).
    Parse {
        /// The report: a text, markdown or HTML file; `-` reads stdin; none runs the sample.
        file: Option<PathBuf>,
        /// One line instead of indented JSON.
        #[arg(long)]
        compact: bool,
    },
    /// Print a readable summary: tables and layouts, failed checks, uncertain cells.
    Check {
        /// The report: a text, markdown or HTML file; `-` reads stdin; none runs the sample.
        file: Option<PathBuf>,
    },
    /// Write the report out again, cleanly, in another layout.
    Render {
        /// The report: a text, markdown or HTML file; `-` reads stdin; none runs the sample.
        file: Option<PathBuf>,
        /// html, markdown, tsv, csv, cell_per_line, tab_cells or aligned.
        #[arg(long, default_value = "markdown", value_parser = layout_name)]
        layout: xxgk::Layout,
    },
    /// Parse many files in parallel into JSON Lines (a line per file) or CSV (a line per cell),
    /// past bad files; print a summary.
    Batch {
        /// Files, directories (every file under them) or quoted glob patterns.
        #[arg(required = true)]
        inputs: Vec<String>,
        /// The output: `.csv` for the tidy long form, anything else JSON Lines; `-` for stdout
        /// (JSON Lines, with the summary on stderr).
        #[arg(long)]
        out: PathBuf,
        /// Threads to parse on; 0 for one per core.
        #[arg(long, default_value_t = 0)]
        threads: usize,
    },
}

fn layout_name(name: &str) -> Result<xxgk::Layout, String> {
    xxgk::Layout::from_name(name).ok_or_else(|| {
        let names: Vec<&str> = xxgk::Layout::ALL.iter().map(|l| l.as_str()).collect();
        format!("unknown layout {name:?}; one of: {}", names.join(", "))
    })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Parse { file, compact } => input::parse(file.as_deref()).and_then(|r| {
            let json = if compact { serde_json::to_string(&r) } else { serde_json::to_string_pretty(&r) };
            json.map(|j| println!("{j}")).map_err(|e| e.to_string())
        }),
        Command::Check { file } => input::parse(file.as_deref()).map(|r| {
            print!("{}", check::summary(&r, &input::name(file.as_deref())));
        }),
        Command::Render { file, layout } => input::parse(file.as_deref())
            .and_then(|r| r.render(layout).map_err(|e| e.to_string()))
            .map(|text| print!("{text}")),
        Command::Batch { inputs, out, threads } => batch::run(&inputs, &out, threads).map(|summary| {
            // The summary goes where the output does not.
            if out == std::path::Path::new("-") {
                eprint!("{summary}");
            } else {
                print!("{summary}");
            }
        }),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xxgk: {message}");
            ExitCode::FAILURE
        }
    }
}

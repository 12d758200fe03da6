//! Where a command's report comes from: a file, stdin, or the embedded sample.

use std::io::Read;
use std::path::Path;

/// The sample report run when no file is given: seed 000, a TSV copy with a label broken
/// across lines and two checks the report itself breaks.
pub const SAMPLE: &str = include_str!("../../tests/fixtures/seeds/000_034c575a3250bd2b.txt");

/// The name shown for an input.
pub fn name(file: Option<&Path>) -> String {
    match file {
        None => "(embedded sample report)".to_string(),
        Some(p) if p == Path::new("-") => "(stdin)".to_string(),
        Some(p) => p.display().to_string(),
    }
}

/// Reads and parses the report in `file` (`-` for stdin, `None` for the sample).
pub fn parse(file: Option<&Path>) -> Result<xxgk::Report, String> {
    let bytes = match file {
        None => return xxgk::parse(SAMPLE).map_err(|e| format!("the embedded sample: {e}")),
        Some(p) if p == Path::new("-") => {
            let mut b = Vec::new();
            std::io::stdin().read_to_end(&mut b).map_err(|e| format!("cannot read stdin: {e}"))?;
            b
        }
        Some(p) => std::fs::read(p).map_err(|e| format!("cannot read {}: {e}", p.display()))?,
    };
    xxgk::parse_bytes(&bytes).map_err(|e| format!("{}: {e}", name(file)))
}

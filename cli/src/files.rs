//! The files a batch names: files, directories (every file under them) and glob patterns, for
//! the shells that pass a quoted `'reports/*.html'` through unexpanded.

use std::path::{Path, PathBuf};

/// Every file `inputs` name: each input's files sorted by path, in the order of the inputs.
pub fn expand(inputs: &[String]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for input in inputs {
        let path = Path::new(input);
        let mut found = Vec::new();
        if path.exists() {
            walk(path, &mut found)?;
        } else if input.contains(['*', '?', '[']) {
            let matches = glob::glob(input).map_err(|e| format!("{input}: {e}"))?;
            for m in matches {
                walk(&m.map_err(|e| e.to_string())?, &mut found)?;
            }
            if found.is_empty() {
                return Err(format!("no files match {input}"));
            }
        } else {
            return Err(format!("no such file or directory: {input}"));
        }
        found.sort();
        out.extend(found);
    }
    Ok(out)
}

/// `path` if it is a file, every file under it if it is a directory.
fn walk(path: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    if !path.is_dir() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    let entries = std::fs::read_dir(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    for entry in entries {
        walk(&entry.map_err(|e| format!("cannot read {}: {e}", path.display()))?.path(), out)?;
    }
    Ok(())
}

//! The tidy long form of reports as CSV: a line per cell the source contains, with the columns
//! and meaning of the Python binding's `to_frame` (bindings-python/python/xxgk/_frames.py),
//! without its `report` position (the file names the report) and with an `error` column, set
//! on the one line of a file that gave no report.

use std::collections::HashSet;
use std::fmt::Write;

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};

/// The header line.
pub const HEADER: &str = "file,organ,year,edition,table,row,column,value,uncertain,error\n";

/// A JSON object's entries in the order they were written: rows and fields in template order,
/// as `to_frame` lists them (serde_json's own map would sort the keys).
struct Entries<T>(Vec<(String, T)>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Entries<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Ordered<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for Ordered<T> {
            type Value = Entries<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    out.push(entry);
                }
                Ok(Entries(out))
            }
        }
        deserializer.deserialize_map(Ordered(std::marker::PhantomData))
    }
}

/// A table: rows of cells, a blank cell `null`.
type Table = Entries<Entries<Option<serde_json::Number>>>;

/// The three tables of a report's JSON, in the order `to_frame` takes them.
#[derive(serde::Deserialize)]
struct Tables {
    active_disclosure: Option<Table>,
    requests: Option<Table>,
    appeals: Option<Table>,
}

/// The CSV lines of `report`, read from `file`.
pub fn report_lines(file: &str, report: &xxgk::Report) -> String {
    let json = serde_json::to_string(report).expect("a report serializes");
    let tables: Tables = serde_json::from_str(&json).expect("a report's tables are objects of rows");
    let head = format!(
        "{},{},{},{}",
        field(file),
        field(report.organ.as_deref().unwrap_or("")),
        report.year.map_or(String::new(), |y| y.to_string()),
        report.edition.map_or("", |e| e.as_str()),
    );
    let uncertain: HashSet<&str> = report.uncertain.iter().map(String::as_str).collect();
    let mut out = String::new();
    let named = [
        ("active_disclosure", tables.active_disclosure),
        ("requests", tables.requests),
        ("appeals", tables.appeals),
    ];
    for (name, table) in named {
        for (row, cells) in table.map_or_else(Vec::new, |t| t.0) {
            for (column, value) in cells.0 {
                let path = format!("{name}.{row}.{column}");
                let uncertain = uncertain.contains(path.as_str());
                let value = value.map_or(String::new(), |v| v.to_string());
                let _ = writeln!(out, "{head},{name},{row},{column},{value},{uncertain},");
            }
        }
    }
    out
}

/// The CSV line of a file that gave no report.
pub fn error_line(file: &str, error: &str) -> String {
    format!("{},,,,,,,,,{}\n", field(file), field(error))
}

/// `text` as a CSV field: quoted when it holds a comma, a quote or a line end (RFC 4180).
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

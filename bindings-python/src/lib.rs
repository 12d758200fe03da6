//! `xxgk._xxgk`, the native half of the Python package: it runs the core and hands each report
//! to Python as the JSON the core serializes (SCHEMA.md), so Python sees exactly what the CLI
//! and the web page see. The Python objects and frames are built in `python/xxgk`.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

use pyo3::create_exception;
use pyo3::exceptions::{PyOSError, PyValueError};
use pyo3::prelude::*;
use rayon::prelude::*;
use xxgk::{
    ActiveRow2019, ActiveRow2021, AppealField, AppealKind, Applicant, DecisionField, Document2019Field,
    DocumentField, Edition, Fee2019Field, FeeField, Item2019Field, ProcurementField, RequestRow,
};

create_exception!(
    xxgk,
    ParseError,
    PyValueError,
    "The input is not a report xxgk can read.\n\n\
     Attributes: `kind` (`decode`, `no_tables`, `too_large` or `internal`), `offset` (byte \
     offset in the input) and `line` (1-based), each None when it does not apply, and `path` \
     (the file, when one was read)."
);

/// Why an input gave no report.
enum Failure {
    Io(std::io::Error),
    Parse(xxgk::Error),
    /// A bug in the core, caught so that it reaches Python as a `ParseError` and not as a
    /// `PanicException` (which derives from `BaseException` and escapes `except Exception`).
    Internal(String),
}

impl Failure {
    fn into_pyerr(self, py: Python<'_>) -> PyResult<PyErr> {
        let (message, kind, offset, line) = match self {
            // OSError(errno, strerror) is what `open()` raises: Python picks the subclass
            // (FileNotFoundError…) and the message, and the caller sets `filename`.
            Failure::Io(e) => match e.raw_os_error() {
                Some(code) => {
                    let strerror = py.import("os")?.call_method1("strerror", (code,))?;
                    return Ok(PyOSError::new_err((code, strerror.unbind())));
                }
                None => return Ok(e.into()),
            },
            Failure::Parse(e) => {
                let kind = match e {
                    xxgk::Error::Decode { .. } | xxgk::Error::Binary { .. } => "decode",
                    xxgk::Error::NoTables { .. } => "no_tables",
                    xxgk::Error::TooLarge { .. } => "too_large",
                };
                (e.to_string(), kind, e.offset(), e.line())
            }
            Failure::Internal(what) => (
                format!("internal error in xxgk, please report it with the input: {what}"),
                "internal",
                None,
                None,
            ),
        };
        let err = ParseError::new_err(message);
        let value = err.value(py);
        value.setattr("kind", kind)?;
        value.setattr("offset", offset)?;
        value.setattr("line", line)?;
        Ok(err)
    }
}

/// Runs `parse` and serializes its report, turning a panic into [`Failure::Internal`].
fn guarded(parse: impl FnOnce() -> Result<xxgk::Report, xxgk::Error>) -> Result<String, Failure> {
    let report = catch_unwind(AssertUnwindSafe(parse))
        .map_err(|panic| {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "panic".into());
            Failure::Internal(what)
        })?
        .map_err(Failure::Parse)?;
    serde_json::to_string(&report).map_err(|e| Failure::Internal(e.to_string()))
}

/// The report's JSON, or the failure raised as its Python exception.
fn finish(py: Python<'_>, result: Result<String, Failure>) -> PyResult<String> {
    result.or_else(|failure| Err(failure.into_pyerr(py)?))
}

/// Parses a report from text; returns its JSON. Raises `ParseError`.
#[pyfunction]
fn parse_text(py: Python<'_>, text: String) -> PyResult<String> {
    let result = py.detach(|| guarded(|| xxgk::parse(&text)));
    finish(py, result)
}

/// Parses a report from bytes (UTF-8, UTF-16 with BOM, GBK, GB18030); returns its JSON.
#[pyfunction]
fn parse_bytes(py: Python<'_>, data: &[u8]) -> PyResult<String> {
    let result = py.detach(|| guarded(|| xxgk::parse_bytes(data)));
    finish(py, result)
}

/// Reads and parses every file on `workers` threads (0: one per core) without the GIL.
/// Returns, in the order of `paths`, each report's JSON or the exception its file raised
/// (`ParseError` or `OSError`), so that one bad file never stops the batch.
#[pyfunction]
#[pyo3(signature = (paths, workers = 0))]
fn parse_files(py: Python<'_>, paths: Vec<PathBuf>, workers: usize) -> PyResult<Vec<Py<PyAny>>> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(workers)
        .build()
        .map_err(|e| PyValueError::new_err(format!("cannot start {workers} workers: {e}")))?;
    let results: Vec<Result<String, Failure>> = py.detach(|| {
        pool.install(|| {
            paths
                .par_iter()
                .map(|path| {
                    let bytes = std::fs::read(path).map_err(Failure::Io)?;
                    guarded(|| xxgk::parse_bytes(&bytes))
                })
                .collect()
        })
    });
    results
        .into_iter()
        .map(|result| match result {
            Ok(json) => Ok(json.into_pyobject(py)?.into_any().unbind()),
            Err(failure) => Ok(failure.into_pyerr(py)?.into_value(py).into_any()),
        })
        .collect()
}

/// A field of a row: its key, official label and kind of value (`int` or `decimal`).
type Field = (&'static str, &'static str, &'static str);

/// The fields of a cell enum of the core, in source order.
macro_rules! fields {
    ($enum:ty, $kind:literal) => {
        <$enum>::ALL.iter().map(|f| (f.key(), f.label(), $kind)).collect::<Vec<Field>>()
    };
}

/// The core's template as JSON: `{table: {edition: [[row key, row label, [field, …]], …]}}`
/// with rows and fields in source order, for the Python objects and frames.
#[pyfunction]
fn template() -> String {
    let requests = |edition| -> Vec<_> {
        RequestRow::rows(edition).map(|r| (r.key(), r.label(), fields!(Applicant, "int"))).collect()
    };
    let appeals: Vec<_> =
        AppealKind::ALL.iter().map(|g| (g.key(), g.label(), fields!(AppealField, "int"))).collect();
    // Which cells a row of table 二 has is the type of its field in the core's model
    // (`ActiveDisclosure2021`/`2019`); these matches mirror it, and stop compiling when the
    // core adds a row.
    let active_2021: Vec<_> = ActiveRow2021::ALL
        .iter()
        .map(|&r| {
            use ActiveRow2021::*;
            let fields = match r {
                Regulations | NormativeDocuments => fields!(DocumentField, "int"),
                Licensing | Penalty | Coercion => fields!(DecisionField, "int"),
                Fees => fields!(FeeField, "decimal"),
            };
            (r.key(), r.label(), fields)
        })
        .collect();
    let active_2019: Vec<_> = ActiveRow2019::ALL
        .iter()
        .map(|&r| {
            use ActiveRow2019::*;
            let fields = match r {
                Regulations | NormativeDocuments => fields!(Document2019Field, "int"),
                Licensing | OtherServices | Penalty | Coercion => fields!(Item2019Field, "int"),
                Fees => fields!(Fee2019Field, "int"),
                // A count of projects and an amount.
                Procurement => ProcurementField::ALL
                    .iter()
                    .map(|&f| {
                        (f.key(), f.label(), if f == ProcurementField::Amount { "decimal" } else { "int" })
                    })
                    .collect(),
            };
            (r.key(), r.label(), fields)
        })
        .collect();
    let (e2021, e2019) = (Edition::E2021.as_str(), Edition::E2019.as_str());
    serde_json::json!({
        "active_disclosure": { e2021: active_2021, e2019: active_2019 },
        "requests": { e2021: requests(Edition::E2021), e2019: requests(Edition::E2019) },
        "appeals": { e2021: appeals, e2019: appeals },
    })
    .to_string()
}

#[pymodule]
fn _xxgk(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    let error = py.get_type::<ParseError>();
    // Class-level defaults, so that a ParseError raised from Python has the attributes too.
    for attr in ["kind", "offset", "line", "path"] {
        error.setattr(attr, py.None())?;
    }
    m.add("ParseError", error)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(parse_text, m)?)?;
    m.add_function(wrap_pyfunction!(parse_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(parse_files, m)?)?;
    m.add_function(wrap_pyfunction!(template, m)?)?;
    Ok(())
}

//! Errors: what went wrong and where.

/// Why a text could not be read as a report.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// The bytes are not text in any encoding reports are published in.
    #[error("the input is not readable text: invalid {encoding} at byte {offset}{}", hint(*.offset))]
    Decode {
        /// The encoding tried last.
        encoding: &'static str,
        /// Byte offset of the first byte that does not decode.
        offset: usize,
    },
    /// The bytes hold a NUL, as binary files do (and UTF-16 without a byte-order mark).
    #[error(
        "the input is not readable text: a NUL byte at byte {offset} (line {line}), as in binary files \
         and UTF-16 without a byte-order mark{}",
        hint(*.offset)
    )]
    Binary {
        /// Byte offset of the first NUL.
        offset: usize,
        /// 1-based line of the first NUL.
        line: usize,
    },
    /// The text holds none of the template's tables.
    #[error("no report tables found: {reason}")]
    NoTables {
        /// What was found instead, in words.
        reason: String,
        /// 1-based line of what was found (the title), when something was.
        line: Option<usize>,
    },
    /// The input is larger than the configured limit.
    #[error("the input is {size} bytes, more than the limit of {limit} bytes; split it or raise the limit")]
    TooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
}

fn hint(offset: usize) -> &'static str {
    if offset == 0 {
        " (is this a PDF, an image or a word-processor file? extract its text first)"
    } else {
        ""
    }
}

impl Error {
    /// Byte offset in the input the error is about, when it has one.
    pub fn offset(&self) -> Option<usize> {
        match self {
            Error::Decode { offset, .. } | Error::Binary { offset, .. } => Some(*offset),
            _ => None,
        }
    }

    /// 1-based line the error is about, when it has one.
    pub fn line(&self) -> Option<usize> {
        match self {
            Error::NoTables { line, .. } => *line,
            Error::Binary { line, .. } => Some(*line),
            _ => None,
        }
    }
}

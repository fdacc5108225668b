//! What reading an assessment can report: [`Diagnostic`]s about one item or field (the file is
//! still read) and [`ReadError`]s that stop reading (the text is not an assessment).

use serde::Serialize;
use std::fmt;

/// How bad a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DiagnosticSeverity {
    /// The value was kept but deserves attention (e.g. an exclusion without justification).
    Warning,
    /// The value was rejected and ignored; the rest of the file was read.
    Error,
}

impl DiagnosticSeverity {
    pub fn as_str(self) -> &'static str {
        match self {
            DiagnosticSeverity::Warning => "warning",
            DiagnosticSeverity::Error => "error",
        }
    }
}

/// One problem found while reading, tied to an item and a field so that the web app can show it
/// next to the item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: DiagnosticSeverity,
    /// The answer's id as written in the file (canonical when it parsed); `None` for fields
    /// outside `answers`.
    pub item: Option<String>,
    /// The field, e.g. `maturity`, `applicable`, `organisation.employees`; `id` for the key of
    /// an answer.
    pub field: String,
    pub message: String,
}

impl Diagnostic {
    pub(crate) fn error(item: Option<&str>, field: &str, message: String) -> Diagnostic {
        Diagnostic::new(DiagnosticSeverity::Error, item, field, message)
    }

    pub(crate) fn warning(item: Option<&str>, field: &str, message: String) -> Diagnostic {
        Diagnostic::new(DiagnosticSeverity::Warning, item, field, message)
    }

    fn new(
        severity: DiagnosticSeverity,
        item: Option<&str>,
        field: &str,
        message: String,
    ) -> Diagnostic {
        Diagnostic {
            severity,
            item: item.map(str::to_string),
            field: field.to_string(),
            message,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == DiagnosticSeverity::Error
    }
}

impl fmt::Display for Diagnostic {
    /// `error: answer "A.10.4", field "applicable": ...` or `warning: field "planning.people": ...`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.severity.as_str())?;
        if let Some(item) = &self.item {
            write!(f, "answer {item:?}, ")?;
        }
        write!(f, "field {:?}: {}", self.field, self.message)
    }
}

/// Why [`super::Assessment::read_strict`] refused a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refused {
    /// The text is not an assessment at all.
    Unreadable(ReadError),
    /// The text was read, but some values had to be ignored: every diagnostic of the file, in
    /// the order found, errors and warnings (at least one is an error).
    Errors(Vec<Diagnostic>),
}

impl Refused {
    /// The errors among the diagnostics (none for an unreadable text).
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        let list: &[Diagnostic] = match self {
            Refused::Unreadable(_) => &[],
            Refused::Errors(d) => d,
        };
        list.iter().filter(|d| d.is_error())
    }
}

impl fmt::Display for Refused {
    /// The read error, or the first error and how many more there are.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refused::Unreadable(e) => e.fmt(f),
            Refused::Errors(_) => {
                let mut errors = self.errors();
                if let Some(first) = errors.next() {
                    if let Some(item) = &first.item {
                        write!(f, "answer {item:?}, ")?;
                    }
                    write!(f, "field {:?}: {}", first.field, first.message)?;
                }
                match errors.count() {
                    0 => Ok(()),
                    1 => f.write_str(" (and 1 more error)"),
                    n => write!(f, " (and {n} more errors)"),
                }
            }
        }
    }
}

impl std::error::Error for Refused {}

/// Why a text could not be read as an assessment at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// Nothing but white space.
    Empty,
    /// Not valid JSON; `line` and `column` are 1-based, as serde_json reports them.
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    /// Valid JSON, but not an object.
    NotAnObject { found: &'static str },
    /// `format` missing or not `"aims-assessment"`.
    Format { found: Option<String> },
    /// `version` missing, or not a version number this engine knows.
    Version { found: Option<String> },
    /// A version newer than this engine reads.
    NewerVersion { found: u64 },
    /// `framework` is neither `iso42001` nor `nist-ai-rmf`.
    Framework { found: String },
    /// `answers` is present but not an object.
    Answers { found: &'static str },
    /// The text is longer than the reader accepts ([`super::MAX_FILE_BYTES`]); refused before
    /// parsing.
    TooLarge { bytes: usize, limit: usize },
    /// `answers` holds more entries than the reader accepts ([`super::MAX_ANSWERS`]); refused
    /// before any entry is read.
    TooManyAnswers { found: usize, limit: usize },
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Empty => f.write_str("the file is empty; expected an aims-assessment JSON object"),
            ReadError::Json { line, column, message } => {
                write!(f, "not valid JSON at line {line}, column {column}: {message}")
            }
            ReadError::NotAnObject { found } => {
                write!(f, "expected a JSON object with \"format\": \"aims-assessment\", found {found}")
            }
            ReadError::Format { found: None } => {
                f.write_str("field \"format\" is missing; expected \"format\": \"aims-assessment\"")
            }
            ReadError::Format { found: Some(v) } => {
                write!(f, "field \"format\" is {v}; expected \"aims-assessment\"")
            }
            ReadError::Version { found: None } => {
                write!(f, "field \"version\" is missing; expected \"version\": {}", super::VERSION)
            }
            ReadError::Version { found: Some(v) } => {
                write!(f, "field \"version\" is {v}; expected a version number 1 to {}", super::VERSION)
            }
            ReadError::NewerVersion { found } => write!(
                f,
                "field \"version\" is {found}: this file was written by a newer AIMS Readiness; this one reads versions up to {}. Update AIMS Readiness to open it",
                super::VERSION
            ),
            ReadError::Framework { found } => write!(
                f,
                "field \"framework\" is {found}; expected \"iso42001\" or \"nist-ai-rmf\""
            ),
            ReadError::Answers { found } => {
                write!(f, "field \"answers\" is {found}; expected an object keyed by item id")
            }
            ReadError::TooLarge { bytes, limit } => write!(
                f,
                "the file is {bytes} bytes; an assessment file may be at most {limit} bytes (1 MiB), so it was not read"
            ),
            ReadError::TooManyAnswers { found, limit } => write!(
                f,
                "field \"answers\" has {found} entries; an assessment may have at most {limit}, so it was not read"
            ),
        }
    }
}

impl std::error::Error for ReadError {}

//! One file with every assessment saved in a browser: the Data page's "Export everything" and
//! the import that reads it back (docs/assessment-format.md, "Backup of everything").
//!
//! ```json
//! { "format": "aims-backup", "version": 1,
//!   "assessments": [ { "name": "…", "assessment": { …an aims-assessment file… },
//!                      "case": { …the training case it answers… }, "roi": { …ROI inputs… } } ] }
//! ```
//!
//! Each assessment is read with [`Assessment::read`] (its own limits apply); the file as a whole
//! is bounded before it is parsed. `case` and `roi` are kept as the app stored them (the app
//! checks them when it uses them, as it does for what it reads from storage). Written and read
//! back, a backup is the same backup.

use crate::assessment::{Assessment, ReadError};
use serde_json::Value;
use std::fmt;

/// The `format` field of a backup.
pub const FORMAT: &str = "aims-backup";
/// The `version` this engine writes and reads.
pub const VERSION: u64 = 1;
/// The largest backup read: 32 MiB. A browser keeps about 5 MB in local storage, so every
/// backup the app writes fits many times over; a bigger file is refused before it is parsed.
pub const MAX_BYTES: usize = 32 * 1024 * 1024;
/// The most assessments a backup may hold: 1,000, far more than anyone keeps in one browser,
/// checked before any of them is read.
pub const MAX_ASSESSMENTS: usize = 1000;

/// One saved assessment with what the app keeps beside it.
#[derive(Debug, Clone, PartialEq)]
pub struct BackupEntry {
    /// The name in the list of saved assessments.
    pub name: String,
    pub assessment: Assessment,
    /// The training case it answers (the app's own record), when it is a training answer.
    pub case: Option<Value>,
    /// The ROI inputs the user changed for it (a JSON object), when any.
    pub roi: Option<Value>,
}

/// Every saved assessment, in the order of the list.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Backup {
    pub assessments: Vec<BackupEntry>,
}

/// Why a backup cannot be read. Every error names its field (`assessments[2].name`) or, for
/// text that is not JSON, its position.
#[derive(Debug, Clone, PartialEq)]
pub enum BackupError {
    TooLarge {
        bytes: usize,
    },
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    Field {
        field: String,
        message: String,
    },
}

impl fmt::Display for BackupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BackupError::TooLarge { bytes } => write!(
                f,
                "the file has {bytes} bytes; a backup may have at most {MAX_BYTES} (32 MiB)"
            ),
            BackupError::Json {
                line,
                column,
                message,
            } => write!(
                f,
                "not valid JSON at line {line}, column {column}: {message}"
            ),
            BackupError::Field { field, message } => write!(f, "field \"{field}\": {message}"),
        }
    }
}

fn field(field: impl Into<String>, message: impl Into<String>) -> BackupError {
    BackupError::Field {
        field: field.into(),
        message: message.into(),
    }
}

/// Whether a text is meant as a backup (its `format` says so), read cheaply so that an import
/// can tell a backup from a single assessment before reading either.
pub fn is_backup(text: &str) -> bool {
    // Inside a JSON string the quotes are escaped, so a note quoting this cannot match.
    text.match_indices("\"format\"").any(|(at, key)| {
        let rest = text[at + key.len()..].trim_start();
        rest.strip_prefix(':')
            .is_some_and(|v| v.trim_start().starts_with(&format!("\"{FORMAT}\"")))
    })
}

impl Backup {
    /// Reads a backup: refused as a whole, naming the field, when anything in it is wrong
    /// (an assessment with an error included), so that an import never adds part of one.
    pub fn read(text: &str) -> Result<Backup, BackupError> {
        if text.len() > MAX_BYTES {
            return Err(BackupError::TooLarge { bytes: text.len() });
        }
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let value: Value = serde_json::from_str(text).map_err(|e| BackupError::Json {
            line: e.line().max(1),
            column: e.column().max(1),
            message: e.to_string(),
        })?;
        let Value::Object(mut top) = value else {
            return Err(field("format", "the file is not a JSON object"));
        };
        match top.get("format") {
            Some(Value::String(s)) if s == FORMAT => {}
            Some(other) => {
                return Err(field(
                    "format",
                    format!("is {other}, not \"{FORMAT}\": this is not a backup of AIMS Readiness"),
                ))
            }
            None => {
                return Err(field(
                    "format",
                    format!("missing; a backup has \"{FORMAT}\""),
                ))
            }
        }
        match top.get("version") {
            Some(v) if v.as_u64() == Some(VERSION) => {}
            Some(v) => {
                return Err(field(
                    "version",
                    format!("{v} is not a version this app reads (it reads {VERSION})"),
                ))
            }
            None => {
                return Err(field(
                    "version",
                    format!("missing; this app writes {VERSION}"),
                ))
            }
        }
        let Some(Value::Array(items)) = top.remove("assessments") else {
            return Err(field("assessments", "missing or not a list"));
        };
        if items.len() > MAX_ASSESSMENTS {
            return Err(field(
                "assessments",
                format!(
                    "{} assessments; a backup may hold at most {MAX_ASSESSMENTS}",
                    items.len()
                ),
            ));
        }
        if let Some(k) = top
            .keys()
            .find(|k| !matches!(k.as_str(), "format" | "version" | "exported"))
        {
            return Err(field(k.clone(), "not a field of a backup"));
        }
        let assessments = items
            .into_iter()
            .enumerate()
            .map(|(i, item)| read_entry(i, item))
            .collect::<Result<_, _>>()?;
        Ok(Backup { assessments })
    }

    /// The backup as pretty JSON (what "Export everything" downloads). `exported` (a date,
    /// for the reader of the file) is written when given and ignored when read.
    pub fn to_json(&self, exported: Option<&str>) -> String {
        // Derived `Serialize` keeps the fields in this order: `format` first, for the reader.
        #[derive(serde::Serialize)]
        struct File<'a> {
            format: &'a str,
            version: u64,
            #[serde(skip_serializing_if = "Option::is_none")]
            exported: Option<&'a str>,
            assessments: Vec<Item<'a>>,
        }
        #[derive(serde::Serialize)]
        struct Item<'a> {
            name: &'a str,
            assessment: &'a Assessment,
            #[serde(skip_serializing_if = "Option::is_none")]
            case: Option<&'a Value>,
            #[serde(skip_serializing_if = "Option::is_none")]
            roi: Option<&'a Value>,
        }
        let file = File {
            format: FORMAT,
            version: VERSION,
            exported,
            assessments: self
                .assessments
                .iter()
                .map(|e| Item {
                    name: &e.name,
                    assessment: &e.assessment,
                    case: e.case.as_ref(),
                    roi: e.roi.as_ref(),
                })
                .collect(),
        };
        let mut text = serde_json::to_string_pretty(&file).unwrap_or_default();
        text.push('\n');
        text
    }
}

fn read_entry(i: usize, item: Value) -> Result<BackupEntry, BackupError> {
    let at = |f: &str| format!("assessments[{i}].{f}");
    let Value::Object(mut o) = item else {
        return Err(field(format!("assessments[{i}]"), "not an object"));
    };
    let name = match o.remove("name") {
        Some(Value::String(s)) if !s.trim().is_empty() => s,
        Some(_) => return Err(field(at("name"), "must be a name (text that is not empty)")),
        None => return Err(field(at("name"), "missing")),
    };
    let Some(value) = o.remove("assessment") else {
        return Err(field(at("assessment"), "missing"));
    };
    let assessment = match Assessment::read(&value.to_string()) {
        Ok((a, diagnostics)) => {
            if let Some(d) = diagnostics.iter().find(|d| d.is_error()) {
                let path = match &d.item {
                    Some(item) => format!("{}.answers.{item}.{}", at("assessment"), d.field),
                    None => format!("{}.{}", at("assessment"), d.field),
                };
                return Err(field(path, d.message.clone()));
            }
            a
        }
        Err(e) => {
            let message = match &e {
                // Positions are of the re-written JSON, not of the file: say what is wrong only.
                ReadError::Json { message, .. } => message.clone(),
                other => other.to_string(),
            };
            return Err(field(at("assessment"), message));
        }
    };
    let case = match o.remove("case") {
        None | Some(Value::Null) => None,
        Some(v @ Value::Object(_)) => Some(v),
        Some(_) => return Err(field(at("case"), "not an object")),
    };
    let roi = match o.remove("roi") {
        None | Some(Value::Null) => None,
        Some(v @ Value::Object(_)) => Some(v),
        Some(_) => return Err(field(at("roi"), "not an object of ROI inputs")),
    };
    if let Some(k) = o.keys().next() {
        return Err(field(at(k), "not a field of a backed-up assessment"));
    }
    Ok(BackupEntry {
        name,
        assessment,
        case,
        roi,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn fixture(name: &str) -> Assessment {
        let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(path).unwrap();
        Assessment::read(&text).unwrap().0
    }

    fn sample() -> Backup {
        Backup {
            assessments: vec![
                BackupEntry {
                    name: "TechServe".into(),
                    assessment: fixture("techserve-month1.json"),
                    case: None,
                    roi: Some(json!({"horizon_years": 4})),
                },
                BackupEntry {
                    name: "Training: Riverside \u{201c}<b>\u{201d}".into(),
                    assessment: Assessment::default(),
                    case: Some(json!({"id": "hospital-triage", "hide_model": true})),
                    roi: None,
                },
            ],
        }
    }

    #[test]
    fn a_backup_written_and_read_back_is_the_same() {
        let b = sample();
        let text = b.to_json(Some("2026-12-03"));
        assert!(is_backup(&text));
        assert_eq!(Backup::read(&text), Ok(b.clone()));
        assert_eq!(
            Backup::read(&text).unwrap().to_json(Some("2026-12-03")),
            text
        );
        assert_eq!(Backup::read(&b.to_json(None)), Ok(b));
        assert_eq!(
            Backup::read(&Backup::default().to_json(None)),
            Ok(Backup::default())
        );
    }

    #[test]
    fn an_assessment_file_is_not_a_backup() {
        let text = serde_json::to_string_pretty(&fixture("techserve-month1.json")).unwrap();
        assert!(!is_backup(&text));
        let e = Backup::read(&text).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("field \"format\": is \"aims-assessment\""),
            "{e}"
        );
    }

    #[test]
    fn every_error_names_its_field_or_position() {
        let good = sample().to_json(None);
        let mut v: Value = serde_json::from_str(&good).unwrap();
        v["assessments"][1]["assessment"]["answers"] = json!({"A.4.1": 2});
        let e = Backup::read(&v.to_string()).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("field \"assessments[1].assessment.answers.A.4.1.id\""),
            "{e}"
        );
        let mut v: Value = serde_json::from_str(&good).unwrap();
        v["assessments"][0]["name"] = json!("  ");
        assert_eq!(
            Backup::read(&v.to_string()).unwrap_err().to_string(),
            "field \"assessments[0].name\": must be a name (text that is not empty)"
        );
        let mut v: Value = serde_json::from_str(&good).unwrap();
        v["assessments"][0]["extra"] = json!(1);
        assert!(Backup::read(&v.to_string())
            .unwrap_err()
            .to_string()
            .contains("assessments[0].extra"));
        let mut v: Value = serde_json::from_str(&good).unwrap();
        v["version"] = json!(2);
        assert!(Backup::read(&v.to_string())
            .unwrap_err()
            .to_string()
            .starts_with("field \"version\""));
        let e = Backup::read("{\n  \"format\": \"aims-backup\",\n  oops").unwrap_err();
        assert!(matches!(e, BackupError::Json { line: 3, .. }), "{e:?}");
    }

    #[test]
    fn limits_are_checked_before_parsing() {
        let huge = " ".repeat(MAX_BYTES + 1);
        assert_eq!(
            Backup::read(&huge),
            Err(BackupError::TooLarge {
                bytes: MAX_BYTES + 1
            })
        );
        let many = format!(
            r#"{{"format":"aims-backup","version":1,"assessments":[{}]}}"#,
            vec!["0"; MAX_ASSESSMENTS + 1].join(",")
        );
        let e = Backup::read(&many).unwrap_err();
        assert!(e.to_string().contains("at most 1000"), "{e}");
    }
}

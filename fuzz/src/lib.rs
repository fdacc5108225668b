//! The properties the fuzz targets check, one function per target (`fuzz_targets/*.rs` call
//! them). Every reader takes text, so bytes that are not UTF-8 are skipped: each shell decodes
//! UTF-8 before the engine sees anything (the CLI, `File.text()` in the browser, JS strings).
//!
//! Beyond "no panic, no hang", each checks what a user relies on:
//! - a successful read, written and read again, gives the same assessment, and writing it
//!   again gives the same text;
//! - a share link that decodes re-encodes to a link that decodes to the same assessment;
//! - every error names a field or a position.

use aims_engine::assessment::{Assessment, ReadError};
use aims_engine::roi::{self, RoiError, RoiInputs};
use aims_engine::share::{self, ShareError};

fn text(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}

/// Checks one read: diagnostics name a field, errors name a field or a position, and a
/// successful read survives write → read unchanged. Returns the assessment when it read.
fn read_checked(text: &str) -> Option<Assessment> {
    match Assessment::read(text) {
        Ok((a, diagnostics)) => {
            for d in &diagnostics {
                assert!(!d.field.is_empty(), "a diagnostic without a field: {d:?}");
                assert!(
                    !d.message.is_empty(),
                    "a diagnostic without a message: {d:?}"
                );
            }
            let written = a.to_json();
            let (b, _) = Assessment::read(&written)
                .unwrap_or_else(|e| panic!("the written file does not read: {e}\n{written}"));
            assert_eq!(a, b, "write → read changed the assessment\n{written}");
            assert_eq!(b.to_json(), written, "writing is not stable");
            Some(a)
        }
        Err(e) => {
            check_read_error(&e);
            None
        }
    }
}

/// A whole-file error names the field it is about, or the position (line, column) in the text.
pub fn check_read_error(e: &ReadError) {
    let msg = e.to_string();
    assert!(!msg.is_empty());
    match e {
        ReadError::Json { line, column, .. } => {
            assert!(*line >= 1 && *column >= 1, "no position: {e:?}");
            assert!(
                msg.contains(&format!("line {line}, column {column}")),
                "{msg}"
            );
        }
        ReadError::Empty | ReadError::NotAnObject { .. } | ReadError::TooLarge { .. } => {}
        _ => assert!(msg.contains("field \""), "names no field: {msg}"),
    }
}

/// `aims_engine::assessment::Assessment::read` on any text (the CLI, `aims score FILE`, the
/// JS API and the Data page all read files with it).
pub fn assessment_read(data: &[u8]) {
    if let Some(t) = text(data) {
        read_checked(t);
    }
}

/// The Data page's import: a backup (`"format": "aims-backup"`) goes to [`backup_import`]; an
/// assessment file whose read has any error is refused; one with at most warnings is stored
/// (as the compact JSON the storage envelope holds) and read back from storage when the app
/// starts: it must come back equal, with no error.
pub fn data_import(data: &[u8]) {
    let Some(t) = text(data) else { return };
    if aims_engine::backup::is_backup(t) {
        return backup_import(t);
    }
    let Ok((a, diagnostics)) = Assessment::read(t) else {
        return;
    };
    if diagnostics.iter().any(|d| d.is_error()) {
        return; // refused by the page, nothing stored
    }
    // What web/src/storage.rs writes and reads: the assessment as a JSON value, compact.
    let stored = serde_json::to_value(&a)
        .map(|v| v.to_string())
        .unwrap_or_else(|e| panic!("the assessment does not serialize: {e}"));
    let (back, diagnostics) = Assessment::read(&stored)
        .unwrap_or_else(|e| panic!("the stored assessment does not read: {e}\n{stored}"));
    assert!(
        !diagnostics.iter().any(|d| d.is_error()),
        "the stored assessment has errors: {diagnostics:?}"
    );
    assert_eq!(a, back, "storage changed the assessment\n{stored}");
}

/// The Data page's import of a backup ("Import everything"): a backup that reads, written and
/// read again, is the same backup, and writing it again gives the same text; an error names its
/// field or, for text that is not JSON, a position (line and column, both at least 1).
fn backup_import(t: &str) {
    use aims_engine::backup::{Backup, BackupError};
    match Backup::read(t) {
        Ok(b) => {
            let written = b.to_json(None);
            let again = Backup::read(&written)
                .unwrap_or_else(|e| panic!("the written backup does not read: {e}\n{written}"));
            assert_eq!(b, again, "write → read changed the backup");
            assert_eq!(again.to_json(None), written, "writing is not stable");
        }
        Err(e) => {
            let msg = e.to_string();
            match &e {
                BackupError::Json { line, column, .. } => {
                    assert!(*line >= 1 && *column >= 1, "no position: {e:?}");
                    assert!(msg.contains(&format!("line {line}, column {column}")), "{msg}");
                }
                BackupError::Field { field, message } => {
                    assert!(!field.is_empty() && !message.is_empty(), "{e:?}");
                    assert!(msg.starts_with(&format!("field \"{field}\"")), "{msg}");
                }
                BackupError::TooLarge { .. } => {}
            }
        }
    }
}

/// A share link's fragment: decoding never panics; an error names what is wrong (a position
/// for a bad character); a link that decodes re-encodes to one that decodes to the same
/// assessment. Also, any assessment that reads encodes to a link that decodes back to it.
pub fn share_link(data: &[u8]) {
    let Some(t) = text(data) else { return };
    match share::decode(t) {
        Ok((a, _)) => {
            let again = share::encode(&a).unwrap_or_else(|e| panic!("re-encoding failed: {e}"));
            let (b, _) = share::decode(&again).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(a, b, "decode → encode → decode changed the assessment");
        }
        Err(e) => check_share_error(&e, t),
    }
    // The reader's own properties are `assessment_read`'s; here only the link's.
    if let Ok((a, _)) = Assessment::read(t) {
        if let Ok(link) = share::encode(&a) {
            let (b, _) = share::decode(&link).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(a, b, "encode → decode changed the assessment");
        }
    }
}

/// A share error has a stable kind and a message; a bad character's position is inside the
/// token; an error of the assessment inside names its field or position.
pub fn check_share_error(e: &ShareError, link: &str) {
    assert!(!e.kind().is_empty());
    assert!(!e.to_string().is_empty());
    match e {
        ShareError::BadBase64 {
            position,
            character,
        } => {
            let token: Vec<char> = link.trim().chars().collect();
            assert!(
                token.iter().skip(*position).any(|c| c == character),
                "position {position} of {character:?} is not in the token"
            );
        }
        ShareError::NotAnAssessment(read) => check_read_error(read),
        _ => {}
    }
}

/// ROI inputs: reading never panics and an error names the input's path; inputs that read
/// and validate run (with few trials, so the target stays fast) to finite figures, and
/// written back they read the same.
pub fn roi_inputs(data: &[u8]) {
    let Some(t) = text(data) else { return };
    match RoiInputs::from_json(t) {
        Ok(mut inputs) => {
            let written = inputs.to_json_pretty();
            let again = RoiInputs::from_json(&written)
                .unwrap_or_else(|e| panic!("the written inputs do not read: {e}\n{written}"));
            assert_eq!(inputs, again, "write → read changed the inputs");
            inputs.monte_carlo.trials = inputs.monte_carlo.trials.clamp(1, 50);
            match roi::run(&inputs) {
                Ok(r) => {
                    for x in [r.total_cost, r.total_benefit, r.npv, r.roi_percent] {
                        assert!(x.is_finite(), "a figure is not finite: {x}");
                    }
                }
                Err(RoiError::Invalid(list)) => {
                    assert!(!list.is_empty());
                    for i in &list {
                        assert!(!i.input.is_empty(), "an input error without a path: {i}");
                    }
                }
                Err(RoiError::Read(m)) => panic!("read inputs failed to read: {m}"),
            }
        }
        Err(e) => assert!(!e.message.is_empty()),
    }
}

/// The JS API's parse entry points (`validate`, `score`, `crosswalk`, `roi`), as plain Rust
/// functions over the JSON text the wrappers pass on: the first byte picks one, the rest is the
/// text. `validate` always answers, with a field on every diagnostic; the others agree with it.
pub fn js_api(data: &[u8]) {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Some(t) = text(rest) else { return };
    use aims_engine_js as api;
    let validation = api::validate_text(t);
    for d in validation.errors.iter().chain(&validation.warnings) {
        assert!(!d.field.is_empty(), "a diagnostic without a field: {d:?}");
    }
    assert_eq!(validation.valid, validation.errors.is_empty());
    match pick % 4 {
        0 => {}
        1 => {
            let scored = api::score_text(t);
            assert_eq!(
                scored.is_ok(),
                validation.valid,
                "score and validate disagree"
            );
            if let Err(e) = scored {
                assert!(!e.message.is_empty());
            }
        }
        2 => {
            let to = if pick & 0x10 == 0 {
                None
            } else {
                Some("nist-ai-rmf")
            };
            if let Err(e) = api::crosswalk_text(t, to) {
                assert!(!e.message.is_empty());
            }
        }
        _ => {
            let options = api::RoiOptions {
                trials: Some(20),
                ..api::RoiOptions::default()
            };
            if let Err(e) = api::roi_text(Some(t), &options) {
                assert!(
                    e.message.starts_with("inputs"),
                    "names the inputs: {}",
                    e.message
                );
            }
        }
    }
}

/// The embed widget's configuration: the bytes are the loader's JSON object of attributes
/// (first byte `{`), or attribute lines `name=value` as a host page or the iframe's URL gives
/// them. An accepted configuration, written back (as attributes and as JSON), reads back
/// equal; every error names one of the widget's attributes (or `configuration` for text that
/// is not an object) and says what is wrong.
/// The widget's saved answers (`aims_engine::quick_scan::Record`, text starting with
/// `aims-quick-scan`): read without panicking; an error is short (a long value is not
/// repeated); an accepted record writes back to text that reads equal, and stands for an
/// assessment that shows the same record.
fn widget_record(t: &str) {
    use aims_engine::quick_scan::Record;
    match Record::from_text(t) {
        Ok(r) => {
            let text = r.to_text();
            assert_eq!(Record::from_text(&text).as_ref(), Ok(&r), "{text}");
            assert_eq!(Record::of(&r.assessment()), r, "the record's assessment shows another record");
        }
        Err(e) => {
            let m = e.to_string();
            assert!(!m.is_empty() && m.chars().count() < 400, "{m}");
        }
    }
}

pub fn widget_config(data: &[u8]) {
    use aims_engine::widget::{ConfigError, WidgetConfig, ATTRIBUTES};
    let Some(t) = text(data) else { return };
    let check_errors = |errors: &[ConfigError], whole_text: bool| {
        assert!(!errors.is_empty());
        for e in errors {
            let named = ATTRIBUTES.contains(&e.attribute.as_str())
                || (whole_text && e.attribute == "configuration");
            assert!(named, "an error names no attribute: {e:?}");
            assert!(!e.message.is_empty(), "an error without a message: {e:?}");
            assert!(
                e.message.chars().count() < 400,
                "the message repeats a long value: {e}"
            );
        }
    };
    if t.starts_with(aims_engine::quick_scan::record::FORMAT) {
        return widget_record(t);
    }
    let result = if t.starts_with('{') {
        WidgetConfig::from_json(t).inspect_err(|e| check_errors(e, true))
    } else {
        let pairs = t
            .lines()
            .map(|l| l.split_once('=').unwrap_or((l, "")));
        WidgetConfig::from_attributes(pairs).inspect_err(|e| check_errors(e, false))
    };
    if let Ok(config) = result {
        let attributes = config.to_attributes();
        let again = WidgetConfig::from_attributes(attributes.iter().map(|(k, v)| (*k, v.as_str())))
            .unwrap_or_else(|e| panic!("the written attributes do not read: {e:?}"));
        assert_eq!(config, again, "attributes → read changed the configuration");
        let json = config.to_json();
        let again = WidgetConfig::from_json(&json)
            .unwrap_or_else(|e| panic!("the written JSON does not read: {e:?}\n{json}"));
        assert_eq!(config, again, "JSON → read changed the configuration");
        assert!(config.namespace().starts_with("aims-readiness-embed:"));
    }
}

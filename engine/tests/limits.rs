//! Size, count and nesting limits of the readers (docs/assessment-format.md, "Limits"): a text
//! beyond a limit is refused quickly, before parsing or before any entry is read, with a
//! message that names the limit; deep nesting is refused, never recursed into.

#![allow(clippy::unwrap_used)]

use aims_engine::assessment::{Assessment, ReadError, MAX_ANSWERS, MAX_FILE_BYTES, MAX_NESTING};
use aims_engine::roi::RoiInputs;
use std::time::{Duration, Instant};

/// A generous bound for work that takes milliseconds: a limit that did not hold would take
/// seconds (a 10 MB file took 3-7 s before the size limit).
const QUICK: Duration = Duration::from_secs(1);

fn header(answers: &str) -> String {
    format!(r#"{{"format": "aims-assessment", "version": 1, "answers": {answers}}}"#)
}

#[test]
fn a_10_mb_file_is_refused_before_parsing_naming_the_limit() {
    let note = "x".repeat(10 * 1024 * 1024);
    let text = header(&format!(
        r#"{{"4.1": {{"maturity": 2, "note": "{note}"}}}}"#
    ));
    let t0 = Instant::now();
    let err = Assessment::read(&text).unwrap_err();
    assert!(t0.elapsed() < QUICK);
    assert_eq!(
        err,
        ReadError::TooLarge {
            bytes: text.len(),
            limit: MAX_FILE_BYTES
        }
    );
    let msg = err.to_string();
    assert!(msg.contains("at most 1048576 bytes (1 MiB)"), "{msg}");
    // Even text that is not JSON at all is refused for its size, not parsed.
    let garbage = "{".repeat(MAX_FILE_BYTES + 1);
    assert!(matches!(
        Assessment::read(&garbage),
        Err(ReadError::TooLarge { .. })
    ));
}

#[test]
fn a_file_of_exactly_the_limit_is_read() {
    let base = header(r#"{"4.1": {"maturity": 2}}"#);
    let text = format!("{base}{}", " ".repeat(MAX_FILE_BYTES - base.len()));
    assert_eq!(text.len(), MAX_FILE_BYTES);
    let (a, diags) = Assessment::read(&text).unwrap();
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(a.answers.len(), 1);
}

#[test]
fn nesting_100000_levels_deep_is_refused_quickly() {
    let depth = 100_000;
    for (open, close) in [("[", "]"), (r#"{"a":"#, "}")] {
        let deep = format!("{}0{}", open.repeat(depth), close.repeat(depth));
        for text in [
            deep.clone(),
            header(&format!(r#"{{"4.1": {{"maturity": 2, "note": {deep}}}}}"#)),
            format!(r#"{{"format": "aims-assessment", "version": 1, "x-extra": {deep}}}"#),
        ] {
            let t0 = Instant::now();
            let err = Assessment::read(&text).unwrap_err();
            assert!(t0.elapsed() < QUICK);
            let ReadError::Json { line, column, .. } = &err else {
                panic!("{err:?}")
            };
            assert_eq!(*line, 1);
            assert!(*column >= MAX_NESTING, "names the position ({column})");
            assert!(
                err.to_string()
                    .contains("nested deeper than 128 levels, the reader's limit"),
                "{err}"
            );
        }
    }
}

#[test]
fn nesting_within_the_limit_is_kept_and_written_back() {
    // The document, `x-extra` and the arrays: 1 + 1 + 120 levels.
    let deep = format!("{}0{}", "[".repeat(120), "]".repeat(120));
    let text = format!(r#"{{"format": "aims-assessment", "version": 1, "x-extra": {deep}}}"#);
    let (a, _) = Assessment::read(&text).unwrap();
    let (b, _) = Assessment::read(&a.to_json()).unwrap();
    assert_eq!(a, b);
}

#[test]
fn more_answers_than_the_limit_are_refused_with_one_message() {
    let entries = |n: usize| {
        let e: Vec<String> = (0..n).map(|i| format!(r#""X.{i}": {{}}"#)).collect();
        format!("{{{}}}", e.join(", "))
    };
    let text = header(&entries(50_000));
    let t0 = Instant::now();
    let err = Assessment::read(&text).unwrap_err();
    assert!(t0.elapsed() < QUICK);
    assert_eq!(
        err,
        ReadError::TooManyAnswers {
            found: 50_000,
            limit: MAX_ANSWERS
        }
    );
    assert!(err.to_string().contains("at most 500"), "{err}");
    // At the limit, each unknown id is one error, and the file is still read.
    let (_, diags) = Assessment::read(&header(&entries(MAX_ANSWERS))).unwrap();
    assert_eq!(diags.len(), MAX_ANSWERS);
}

#[test]
fn roi_inputs_have_a_size_limit_and_a_nesting_limit() {
    let big = format!(
        r#"{{"currency": "{}"}}"#,
        "E".repeat(RoiInputs::MAX_JSON_BYTES)
    );
    let err = RoiInputs::from_json(&big).unwrap_err();
    assert!(
        err.message.contains("at most 65536 bytes (64 KiB)"),
        "names the limit: {err}"
    );
    // 30,000 levels: as deep as 64 KiB allows.
    let deep = format!("{}0{}", "[".repeat(30_000), "]".repeat(30_000));
    let t0 = Instant::now();
    let err = RoiInputs::from_json(&deep).unwrap_err();
    assert!(t0.elapsed() < QUICK);
    assert!(err.message.contains("recursion limit exceeded"), "{err}");
}

#[test]
fn a_share_link_carries_at_most_what_the_reader_accepts() {
    use aims_engine::share;
    const { assert!(share::MAX_JSON_BYTES <= MAX_FILE_BYTES) };
    let long = "A".repeat(share::MAX_LINK_CHARS + 1);
    let err = share::decode(&format!("a1.{long}")).unwrap_err();
    assert!(err.to_string().contains("65536"), "{err}");
}

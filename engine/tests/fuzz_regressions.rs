//! Inputs the fuzz targets (fuzz/, README "Fuzzing") found to break a property, kept as
//! ordinary tests so that the fix stays.

#![allow(clippy::unwrap_used)]

use aims_engine::assessment::{Assessment, ReadError};

/// assessment_read: a raw line break inside a string made serde_json report column 0, and the
/// message said "line 2, column 0" although columns count from 1. The error now points at the
/// line break itself: the end of the line it ends.
#[test]
fn a_raw_line_break_in_a_string_is_reported_at_its_own_position() {
    let text = "{\"format\": \"aims-assessment\", \"version\": 1,\n  \"answers\": {\"4.1\": {\"note\": \"No AI risk\n\"}}}";
    let err = Assessment::read(text).unwrap_err();
    let ReadError::Json { line, column, .. } = &err else {
        panic!("{err:?}")
    };
    let second = text.split('\n').nth(1).unwrap();
    assert_eq!((*line, *column), (2, second.len() + 1), "{err}");
    assert!(err.to_string().starts_with(&format!(
        "not valid JSON at line 2, column {}: control character",
        second.len() + 1
    )));
    // At the very start of the text there is no line before: column 1 of line 1.
    let err = Assessment::read("\"\n\"").unwrap_err();
    assert!(
        matches!(
            err,
            ReadError::Json {
                line: 1,
                column: 2,
                ..
            }
        ),
        "{err:?}"
    );
}

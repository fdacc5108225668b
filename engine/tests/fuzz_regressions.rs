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

/// js_api: an unknown field whose name is empty (`"": 1`) gave a diagnostic whose field was
/// empty, naming nothing. It is now `""`, with the path before it.
#[test]
fn an_unknown_field_with_an_empty_name_is_still_named() {
    let text = r#"{"format": "aims-assessment", "version": 1, "": 0,
        "organisation": {"": 1}, "answers": {"6.1.1": {"maturity": 2, "": true}}}"#;
    let (a, diagnostics) = Assessment::read(text).unwrap();
    let fields: Vec<(Option<&str>, &str)> = diagnostics
        .iter()
        .map(|d| (d.item.as_deref(), d.field.as_str()))
        .collect();
    assert_eq!(fields.len(), 3, "{diagnostics:?}");
    for f in [
        (None, "organisation.\"\""),
        (Some("6.1.1"), "\"\""),
        (None, "\"\""),
    ] {
        assert!(fields.contains(&f), "{f:?} in {fields:?}");
    }
    // The fields are kept as written.
    assert!(a.to_json().contains("\"\": true"));
}

/// roi_inputs: inputs scaled to a small organisation hold values such as 1.4000000000000001
/// (people, scaled ×0.68 and rounded to 0.1); written out and read back they came back as 1.4,
/// one bit off, because serde_json's default number parser is not exact in the last bit. The
/// workspace turns on serde_json's `float_roundtrip`: every value reads back bit for bit.
#[test]
fn roi_inputs_written_and_read_back_are_the_same_to_the_bit() {
    use aims_engine::roi::RoiInputs;
    let inputs =
        RoiInputs::from_json(r#"{"organisation": {"employees": 9, "ai_systems_in_scope": 10}}"#)
            .unwrap();
    let written = inputs.to_json_pretty();
    assert!(written.contains("1.4000000000000001"), "{written}");
    assert_eq!(RoiInputs::from_json(&written).unwrap(), inputs);
    let x: f64 = serde_json::from_str("1.4000000000000001").unwrap();
    assert_eq!(x.to_bits(), 1.4000000000000001_f64.to_bits());
}

/// widget_config, within its first 15 s: a `mode` of control characters was quoted with each
/// one escaped (`\u{5}`) after cutting the value at 80 characters, so the message grew to about
/// 480 characters. The value is now cut after 80 characters of its quoted form.
#[test]
fn a_widget_attribute_of_control_characters_gives_a_short_message() {
    use aims_engine::widget::WidgetConfig;
    let value = format!("\r{}\"{}am", "\0".repeat(7), "\u{5}".repeat(72));
    let errors = WidgetConfig::from_attributes([("mode", value.as_str())]).unwrap_err();
    let message = errors[0].to_string();
    assert!(message.chars().count() < 200, "{message}");
    assert!(
        message.starts_with("attribute \"mode\": the widget has no mode \""),
        "{message}"
    );
    assert!(
        message.contains("\\u{5}") && message.contains("\"…"),
        "{message}"
    );
    // A short value is quoted whole.
    let errors = WidgetConfig::from_attributes([("mode", "full\u{1}")]).unwrap_err();
    assert!(
        errors[0].message.contains("\"full\\u{1}\""),
        "{}",
        errors[0]
    );
}

/// widget_config, after about 4 million executions: an `app-url` with a scheme of hundreds of
/// characters was cut in the quoted address but printed whole as "the scheme", so the message
/// repeated the value. The scheme is now cut the same way.
#[test]
fn a_widget_app_url_with_a_huge_scheme_gives_a_short_message() {
    use aims_engine::widget::WidgetConfig;
    let value = format!("ja{}vascript:alert(1)", "6".repeat(500));
    let errors = WidgetConfig::from_attributes([("app-url", value.as_str())]).unwrap_err();
    let message = errors[0].to_string();
    assert!(message.chars().count() < 400, "{message}");
    assert!(message.contains("uses the scheme \"ja666"), "{message}");
}

/// assessment_read, after 5.9 million executions (a long run): answers whose ids and field names
/// were thousands of characters long took about 180 ms per read under the fuzzer's
/// instrumentation, all of it in the "did you mean" search, which compared every id with every
/// candidate letter by letter. Candidates too different in length to be offered are now left
/// out first; what is offered is unchanged.
#[test]
fn unknown_ids_thousands_of_characters_long_get_no_suggestion_and_are_still_named() {
    let long_id = format!("MANAGE 1.{}", "3".repeat(3000));
    let long_field = format!("maturity{}", "y".repeat(3000));
    let text = format!(
        r#"{{"format": "aims-assessment", "version": 1, "framework": "nist-ai-rmf",
            "answers": {{"{long_id}": {{"maturity": 3}}, "GOVERN 1.9": {{"maturity": 2}},
                         "GOVERN 1.1": {{"{long_field}": 1, "maturty": 2}}}}}}"#
    );
    let (_, diagnostics) = Assessment::read(&text).unwrap();
    let long = diagnostics
        .iter()
        .find(|d| d.item.as_deref() == Some(long_id.as_str()))
        .expect("the long id is named");
    assert!(!long.message.contains("did you mean"), "{}", long.message);
    // Short typos still get their suggestion.
    let typo = diagnostics
        .iter()
        .find(|d| d.item.as_deref() == Some("GOVERN 1.9"))
        .unwrap();
    assert!(
        typo.message.contains("did you mean GOVERN 1.7?"),
        "{}",
        typo.message
    );
    let fields: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.item.as_deref() == Some("GOVERN 1.1"))
        .collect();
    assert!(fields
        .iter()
        .any(|d| d.message.contains("(did you mean \"maturity\"?)")));
    assert!(fields
        .iter()
        .any(|d| d.field == long_field && !d.message.contains("did you mean")));
}

//! The ROI inputs as the page edits them: the fields the user changed, kept as a sparse JSON
//! object that `aims_engine::roi` reads over its defaults (so a default stays a default, with
//! its source, until the user touches it), what they typed, and the engine's messages tied to
//! the field they are about.
//!
//! Also [`roi_likely_case`]: the saved inputs of an assessment, read as the ROI page reads them,
//! for the report page and its Markdown export.
//!
//! Nothing here knows the model: defaults, scaling, ranges and messages all come from the
//! engine. This module only moves values between text fields and JSON paths.

use crate::storage::Store;
use aims_engine::assessment::Assessment;
use aims_engine::roi::from_assessment::inputs_with_assessment;
use aims_engine::roi::RoiInputs;
use serde_json::{Map, Value};

/// What a number field accepts before the engine checks its range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Any decimal number (amounts, shares, months of a range, the discount rate).
    Number,
    /// A whole number of at least 0 (headcount, months of the horizon, trials, seed).
    Whole,
}

/// Reads what the user typed into a number field. The message says what is expected; the
/// accepted range is the engine's to check.
pub fn parse_number(text: &str, kind: Kind) -> Result<Value, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("Enter a number.".into());
    }
    match kind {
        Kind::Number => match t.parse::<f64>() {
            Ok(x) if x.is_finite() => Ok(Value::from(x)),
            _ => Err(format!("{t} is not a number.")),
        },
        Kind::Whole => match t.parse::<u64>() {
            Ok(n) => Ok(Value::from(n)),
            Err(_) => Err(format!("{t} is not a whole number of 0 or more.")),
        },
    }
}

/// The value at a dotted path (`costs.consulting.low`), if there is one.
pub fn get_path<'a>(root: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(root, |v, key| v.get(key))
}

/// Sets the value at a dotted path, creating the objects on the way.
pub fn set_path(root: &mut Value, path: &str, value: Value) {
    let mut at = root;
    let mut keys = path.split('.').peekable();
    while let Some(key) = keys.next() {
        if !at.is_object() {
            *at = Value::Object(Map::new());
        }
        let Value::Object(map) = at else { return };
        if keys.peek().is_none() {
            map.insert(key.to_string(), value);
            return;
        }
        at = map
            .entry(key.to_string())
            .or_insert_with(|| Value::Object(Map::new()));
    }
}

/// A change to the named further costs or benefits per year (`costs.other_per_year`,
/// `benefits.other_per_year`). The list in the changes is always complete: a list given in the
/// inputs replaces the default (empty) one.
#[derive(Clone, Debug, PartialEq)]
pub enum OtherEdit {
    Add,
    Remove(usize),
    Name(usize, String),
    /// A number typed for `low`, `likely` or `high` of item `usize`.
    Number(usize, &'static str, String),
}

/// The path of a named item's range, as the engine names it in messages.
pub fn other_path(section: &str, index: usize) -> String {
    format!("{section}.other_per_year[{index}].per_year")
}

/// Applies an edit to the named items of `section` ("costs" or "benefits"). Returns the message
/// for text that is not a number (the list is then unchanged).
pub fn edit_other(overrides: &mut Value, section: &str, edit: &OtherEdit) -> Result<(), String> {
    let path = format!("{section}.other_per_year");
    let mut list = match get_path(overrides, &path) {
        Some(Value::Array(a)) => a.clone(),
        _ => Vec::new(),
    };
    match edit {
        OtherEdit::Add => {
            let word = if section == "costs" {
                "cost"
            } else {
                "benefit"
            };
            list.push(serde_json::json!({
                "name": format!("Further {word} {}", list.len() + 1),
                "per_year": { "low": 0.0, "likely": 0.0, "high": 0.0 },
            }));
        }
        OtherEdit::Remove(i) => {
            if *i < list.len() {
                list.remove(*i);
            }
        }
        OtherEdit::Name(i, name) => {
            if let Some(item) = list.get_mut(*i) {
                set_path(item, "name", Value::from(name.clone()));
            }
        }
        OtherEdit::Number(i, end, text) => {
            let v = parse_number(text, Kind::Number)?;
            if let Some(item) = list.get_mut(*i) {
                set_path(item, &format!("per_year.{end}"), v);
            }
        }
    }
    set_path(overrides, &path, Value::Array(list));
    Ok(())
}

/// A message about one input, by its path in the inputs' JSON (`costs.consulting.low`, or
/// `costs.consulting` for the order of a range, `""` when it names no input).
#[derive(Clone, Debug, PartialEq)]
pub struct FieldError {
    pub path: String,
    pub message: String,
}

/// The inputs the page's fields give, and what is wrong with them.
#[derive(Clone, Debug, PartialEq)]
pub struct Built {
    /// The inputs as read (defaults filled in), also when some values are out of range; `None`
    /// only when they could not be read at all.
    pub inputs: Option<RoiInputs>,
    /// Empty when the model can run.
    pub errors: Vec<FieldError>,
}

impl Built {
    /// The inputs, when the model can run on them.
    pub fn valid(&self) -> Option<&RoiInputs> {
        self.inputs.as_ref().filter(|_| self.errors.is_empty())
    }
}

/// Reads the user's changes over the engine's defaults for the open assessment. With
/// `from_roadmap` (the assessment has answers) the engine takes the schedule and capacity from
/// its roadmap; otherwise only its headcount and certificate are used, as the engine does.
pub fn build(overrides: &Value, assessment: &Assessment, from_roadmap: bool) -> Built {
    let read = if from_roadmap {
        inputs_with_assessment(Some(&overrides.to_string()), assessment)
    } else {
        RoiInputs::try_from(with_organisation(overrides.clone(), assessment))
    };
    match read {
        Err(message) => Built {
            inputs: None,
            errors: vec![read_error(&message)],
        },
        Ok(inputs) => {
            let errors = match inputs.validate() {
                Ok(()) => Vec::new(),
                Err(list) => list
                    .into_iter()
                    .map(|e| FieldError {
                        path: e.input,
                        message: e.message,
                    })
                    .collect(),
            };
            Built {
                inputs: Some(inputs),
                errors,
            }
        }
    }
}

/// The defaults for the organisation the user's changes describe: what "Reset to defaults"
/// returns to, shown next to each field.
pub fn defaults(
    overrides: &Value,
    assessment: &Assessment,
    from_roadmap: bool,
) -> Option<RoiInputs> {
    let mut only_size = Value::Object(Map::new());
    for path in [
        "organisation.employees",
        "organisation.ai_systems_in_scope",
        "existing_certificate.standard",
        "currency",
    ] {
        if let Some(v) = get_path(overrides, path) {
            set_path(&mut only_size, path, v.clone());
        }
    }
    build(&only_size, assessment, from_roadmap).inputs
}

/// The assessment's headcount and ISO/IEC 27001 / ISO 9001 certificate where the user's changes
/// do not give them: the same rule as the engine's `inputs_with_assessment`, which also applies
/// the roadmap (used instead once the assessment has answers).
fn with_organisation(mut value: Value, assessment: &Assessment) -> Value {
    if !value.is_object() {
        return value;
    }
    let org = &assessment.organisation;
    if let Some(n) = org.employees.filter(|n| *n > 0) {
        if get_path(&value, "organisation.employees").is_none() {
            set_path(&mut value, "organisation.employees", Value::from(n));
        }
    }
    if let Some(cert) = org.harmonized_certificate() {
        if get_path(&value, "existing_certificate.standard").is_none() {
            let name = cert.roi_standard();
            set_path(
                &mut value,
                "existing_certificate.standard",
                Value::from(name),
            );
        }
    }
    value
}

/// A reader's message `path: what is wrong` split into its path and message.
fn read_error(message: &str) -> FieldError {
    match message.split_once(": ") {
        Some((path, rest))
            if !path.is_empty() && !path.contains(' ') && path.chars().all(|c| c != '`') =>
        {
            FieldError {
                path: path.to_string(),
                message: rest.to_string(),
            }
        }
        _ => FieldError {
            path: String::new(),
            message: message.to_string(),
        },
    }
}

/// The messages about exactly this path.
pub fn errors_at<'a>(
    errors: &'a [FieldError],
    path: &'a str,
) -> impl Iterator<Item = &'a FieldError> {
    errors.iter().filter(move |e| e.path == path)
}

/// The messages no field on the page shows (it shows each path in `shown`).
pub fn unplaced<'a>(errors: &'a [FieldError], shown: &[String]) -> Vec<&'a FieldError> {
    errors.iter().filter(|e| !shown.contains(&e.path)).collect()
}

/// The ROI of the open assessment: the inputs the ROI page saved for it (the fields the user
/// changed over the engine's defaults), read exactly as that page reads them, or the defaults.
/// An unreadable saved value is left to the ROI page to report; here the defaults are used and
/// the section says so.
pub(crate) struct RoiResult {
    pub(crate) report: Result<aims_engine::roi::RoiReport, String>,
    /// The user changed some inputs on the ROI page.
    pub(crate) edited: bool,
    /// Saved inputs could not be read, so the defaults were used.
    pub(crate) unreadable: bool,
}

pub(crate) fn roi_likely_case(
    store: &Store,
    id: &str,
    a: &Assessment,
    from_roadmap: bool,
    now_ms: f64,
) -> RoiResult {
    let empty = || Value::Object(Map::new());
    let (overrides, unreadable) = match store.load_roi(id, now_ms) {
        Ok(Ok(Some(v))) => (v, false),
        Ok(Ok(None)) => (empty(), false),
        Ok(Err(_)) | Err(_) => (empty(), true),
    };
    let edited = overrides.as_object().is_some_and(|m| !m.is_empty());
    let built = build(&overrides, a, from_roadmap);
    let report = match built.valid() {
        Some(inputs) => aims_engine::roi::run(inputs).map_err(|e| e.to_string()),
        None => Err(built
            .errors
            .iter()
            .map(|e| format!("{}: {}", e.path, e.message))
            .collect::<Vec<_>>()
            .join("; ")),
    };
    RoiResult {
        report,
        edited,
        unreadable,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aims_engine::assessment::Framework;
    use serde_json::json;

    fn empty() -> Assessment {
        Assessment::new(Framework::Iso42001)
    }

    #[test]
    fn typed_text_becomes_a_number_or_a_message() {
        let cases: [(&str, Kind, Result<Value, &str>); 9] = [
            ("12", Kind::Number, Ok(json!(12.0))),
            (" 0.35 ", Kind::Number, Ok(json!(0.35))),
            ("-5", Kind::Number, Ok(json!(-5.0))),
            ("1e5", Kind::Number, Ok(json!(100000.0))),
            ("", Kind::Number, Err("Enter a number.")),
            ("abc", Kind::Number, Err("abc is not a number.")),
            ("36", Kind::Whole, Ok(json!(36))),
            (
                "-1",
                Kind::Whole,
                Err("-1 is not a whole number of 0 or more."),
            ),
            (
                "2.5",
                Kind::Whole,
                Err("2.5 is not a whole number of 0 or more."),
            ),
        ];
        for (text, kind, expected) in cases {
            assert_eq!(
                parse_number(text, kind),
                expected.map_err(String::from),
                "{text}"
            );
        }
    }

    #[test]
    fn paths_are_set_and_read_through_nested_objects() {
        let mut v = json!({});
        set_path(&mut v, "costs.consulting.low", json!(5.0));
        set_path(&mut v, "costs.consulting.high", json!(9.0));
        set_path(&mut v, "horizon_months", json!(48));
        assert_eq!(
            v,
            json!({"costs": {"consulting": {"low": 5.0, "high": 9.0}}, "horizon_months": 48})
        );
        assert_eq!(get_path(&v, "costs.consulting.high"), Some(&json!(9.0)));
        assert_eq!(get_path(&v, "costs.training.high"), None);
    }

    #[test]
    fn named_costs_and_benefits_are_added_edited_and_removed() {
        let mut o = json!({});
        edit_other(&mut o, "costs", &OtherEdit::Add).unwrap();
        edit_other(&mut o, "costs", &OtherEdit::Add).unwrap();
        edit_other(&mut o, "costs", &OtherEdit::Name(1, "Legal review".into())).unwrap();
        edit_other(
            &mut o,
            "costs",
            &OtherEdit::Number(1, "likely", "2000".into()),
        )
        .unwrap();
        edit_other(
            &mut o,
            "costs",
            &OtherEdit::Number(1, "high", "5000".into()),
        )
        .unwrap();
        assert_eq!(
            edit_other(&mut o, "costs", &OtherEdit::Number(1, "low", "x".into())),
            Err("x is not a number.".into())
        );
        edit_other(&mut o, "costs", &OtherEdit::Remove(0)).unwrap();
        let b = build(&o, &empty(), false);
        let i = b.valid().unwrap();
        assert_eq!(i.costs.other_per_year.len(), 1);
        assert_eq!(i.costs.other_per_year[0].name, "Legal review");
        assert_eq!(i.costs.other_per_year[0].per_year.likely, 2000.0);
        assert_eq!(
            i.costs.other_per_year[0].per_year.source,
            aims_engine::roi::inputs::USER_SOURCE
        );
        // The engine names the item's range in its messages.
        edit_other(&mut o, "costs", &OtherEdit::Number(0, "low", "9000".into())).unwrap();
        let b = build(&o, &empty(), false);
        assert_eq!(b.errors[0].path, other_path("costs", 0), "{:?}", b.errors);
        edit_other(&mut o, "benefits", &OtherEdit::Add).unwrap();
        assert_eq!(
            get_path(&o, "benefits.other_per_year").unwrap()[0]["name"],
            json!("Further benefit 1")
        );
    }

    #[test]
    fn no_changes_give_the_engines_defaults() {
        let b = build(&json!({}), &empty(), false);
        assert_eq!(b.valid(), Some(&RoiInputs::default()));
        assert_eq!(
            defaults(&json!({"horizon_months": 48}), &empty(), false),
            Some(RoiInputs::default())
        );
    }

    #[test]
    fn engine_messages_are_tied_to_their_field() {
        let b = build(
            &json!({"costs": {"consulting": {"low": -5.0}}}),
            &empty(),
            false,
        );
        assert!(b.valid().is_none());
        let e: Vec<&FieldError> = errors_at(&b.errors, "costs.consulting.low").collect();
        assert_eq!(e.len(), 1);
        assert!(
            e[0].message.starts_with("-5 is outside the accepted range"),
            "{}",
            e[0].message
        );

        let b = build(
            &json!({"costs": {"consulting": {"low": 50000.0, "likely": 40000.0}}}),
            &empty(),
            false,
        );
        assert!(
            b.errors[0].message.contains("out of order"),
            "{:?}",
            b.errors
        );
        assert_eq!(b.errors[0].path, "costs.consulting");
        assert!(unplaced(&b.errors, &["costs.consulting".into()]).is_empty());

        // A value the reader refuses (not a u32) is still tied to its field.
        let b = build(&json!({"horizon_months": 1e12}), &empty(), false);
        assert_eq!(b.inputs, None);
        assert_eq!(b.errors[0].path, "horizon_months", "{:?}", b.errors);
    }

    #[test]
    fn the_assessment_gives_size_and_certificate_and_with_answers_the_schedule() {
        let mut a = empty();
        a.organisation.employees = Some(40);
        a.organisation.certifications = vec!["ISO/IEC 27001:2022".into()];
        let b = build(&json!({}), &a, false);
        let i = b.valid().unwrap();
        assert_eq!(i.organisation.employees, 40);
        assert_eq!(
            i.existing_certificate.standard,
            aims_engine::roi::ExistingStandard::Iso27001
        );
        assert_eq!(
            i.schedule.months_basis,
            aims_engine::roi::MonthsBasis::FromScratch
        );
        // The user's own headcount wins.
        let b = build(&json!({"organisation": {"employees": 900}}), &a, false);
        assert_eq!(b.valid().unwrap().organisation.employees, 900);
        // With answers, the roadmap gives the months.
        let b = build(&json!({}), &a, true);
        assert_eq!(
            b.valid().unwrap().schedule.months_basis,
            aims_engine::roi::MonthsBasis::Roadmap
        );
    }

    #[test]
    fn the_roi_uses_saved_inputs_and_survives_unreadable_ones() {
        use crate::storage::{Backend, Memory, Store};
        use std::rc::Rc;
        let a = Assessment::new(aims_engine::assessment::Framework::Iso42001);
        let mem = Rc::new(Memory::default());
        let store = Store::new("t", mem.clone());
        let fresh = roi_likely_case(&store, "a1", &a, false, 0.0);
        assert!(!fresh.edited && !fresh.unreadable);
        let defaults = fresh.report.unwrap();
        assert!(defaults.npv.is_finite());

        store
            .save_roi("a1", &serde_json::json!({ "horizon_months": 24 }))
            .unwrap();
        let edited = roi_likely_case(&store, "a1", &a, false, 0.0);
        assert!(edited.edited);
        assert_eq!(edited.report.unwrap().horizon_months, 24);

        mem.set(&store.roi_key("a1"), "{not json").unwrap();
        let broken = roi_likely_case(&store, "a1", &a, false, 0.0);
        assert!(broken.unreadable && !broken.edited);
        assert_eq!(broken.report.unwrap().npv, defaults.npv);
    }
}

//! Reading ROI inputs from JSON over the defaults for the organisation's size (the rules are in
//! [`super::inputs`]' module doc): missing fields take the defaults, unknown fields and wrong
//! types are an [`InputError`] naming the field's path.

use serde::Deserialize;
use serde_json::{Map, Value};

use super::defaults;
use super::error::InputError;
use super::inputs::{
    Benefits, Costs, ExistingCertificate, MonteCarloSettings, Organisation, RoiInputs, Schedule,
    USER_SOURCE,
};

impl RoiInputs {
    /// The largest ROI inputs text [`RoiInputs::from_json`] reads, 64 KiB, checked before
    /// parsing: a complete inputs file with every field and long sources is about 5 KB.
    pub const MAX_JSON_BYTES: usize = 64 * 1024;

    /// The message for inputs of `bytes` bytes, more than [`RoiInputs::MAX_JSON_BYTES`] (for
    /// a shell that refuses a file before reading it all).
    pub fn too_large(bytes: usize) -> String {
        format!(
            "the ROI inputs are {bytes} bytes; at most {} bytes (64 KiB) are read",
            RoiInputs::MAX_JSON_BYTES
        )
    }

    /// Reads inputs from JSON text (see the module doc); errors name the field's path. A text
    /// longer than [`RoiInputs::MAX_JSON_BYTES`] is refused before parsing; serde_json refuses
    /// nesting deeper than 128 levels.
    pub fn from_json(text: &str) -> Result<RoiInputs, InputError> {
        if text.len() > RoiInputs::MAX_JSON_BYTES {
            return Err(InputError::whole(RoiInputs::too_large(text.len())));
        }
        let value: Value = serde_json::from_str(text)
            .map_err(|e| InputError::whole(format!("the ROI inputs are not valid JSON: {e}")))?;
        RoiInputs::try_from(value)
    }
}

/// The same fields, read strictly: every field present, none unknown. What [`RoiInputs`] reads
/// after the defaults have been filled in.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StrictInputs {
    currency: String,
    organisation: Organisation,
    horizon_months: Option<u32>,
    discount_rate_percent: f64,
    schedule: Schedule,
    existing_certificate: ExistingCertificate,
    costs: Costs,
    benefits: Benefits,
    monte_carlo: MonteCarloSettings,
}

impl TryFrom<Value> for RoiInputs {
    type Error = InputError;

    fn try_from(user: Value) -> Result<RoiInputs, InputError> {
        let Value::Object(user) = user else {
            return Err(InputError::whole("the ROI inputs must be a JSON object"));
        };
        let organisation = organisation_of(&user);
        let defaults = serde_json::to_value(RoiInputs::for_organisation(organisation))
            .map_err(|e| InputError::whole(e.to_string()))?;
        let mut merged = defaults;
        merge(&mut merged, Value::Object(user));
        let strict: StrictInputs = serde_path_to_error::deserialize(merged).map_err(|e| {
            let path = e.path().to_string();
            InputError {
                input: if path == "." { String::new() } else { path },
                message: e.inner().to_string(),
            }
        })?;
        Ok(RoiInputs {
            currency: strict.currency,
            organisation: strict.organisation,
            horizon_months: strict.horizon_months,
            discount_rate_percent: strict.discount_rate_percent,
            schedule: strict.schedule,
            existing_certificate: strict.existing_certificate,
            costs: strict.costs,
            benefits: strict.benefits,
            monte_carlo: strict.monte_carlo,
        })
    }
}

/// The organisation the user gave, as far as it is readable; anything unreadable falls back to
/// the reference values here and is reported by the strict read.
fn organisation_of(user: &Map<String, Value>) -> Organisation {
    let mut org = defaults::REFERENCE_ORGANISATION;
    if let Some(Value::Object(o)) = user.get("organisation") {
        let read = |k: &str| {
            o.get(k)
                .and_then(Value::as_u64)
                .and_then(|n| u32::try_from(n).ok())
                .filter(|n| *n > 0)
        };
        if let Some(n) = read("employees") {
            org.employees = n;
        }
        if let Some(n) = read("ai_systems_in_scope") {
            org.ai_systems_in_scope = n;
        }
    }
    org
}

/// Lays the user's values over the defaults: objects merge key by key, anything else replaces,
/// `null` keeps the default. A range whose numbers change without a new `source` gets
/// [`USER_SOURCE`].
fn merge(base: &mut Value, user: Value) {
    match (base, user) {
        (_, Value::Null) => {}
        (Value::Object(base), Value::Object(user)) => {
            let is_range = base.contains_key("likely") && base.contains_key("source");
            let changes_numbers = user
                .keys()
                .any(|k| matches!(k.as_str(), "low" | "likely" | "high"));
            if is_range && changes_numbers && !user.contains_key("source") {
                base.insert("source".to_string(), Value::String(USER_SOURCE.to_string()));
            }
            for (k, v) in user {
                match base.get_mut(&k) {
                    Some(slot) => merge(slot, v),
                    None => {
                        base.insert(k, v);
                    }
                }
            }
        }
        (slot, user) => *slot = user,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roi::inputs::{NamedAmount, Range};

    #[test]
    fn a_read_error_names_the_path_apart_from_the_message() {
        let e =
            RoiInputs::from_json(r#"{"costs": {"consulting": {"likely": "a lot"}}}"#).unwrap_err();
        assert_eq!(e.input, "costs.consulting.likely");
        assert!(
            e.message.starts_with("invalid type: string"),
            "{}",
            e.message
        );
        let e = RoiInputs::from_json("{").unwrap_err();
        assert_eq!(e.input, "");
        assert!(e.message.starts_with("the ROI inputs are not valid JSON"));
    }

    #[test]
    fn an_empty_object_gives_the_defaults() {
        assert_eq!(RoiInputs::from_json("{}").unwrap(), RoiInputs::default());
    }

    #[test]
    fn written_inputs_read_back_unchanged() {
        let mut inputs = RoiInputs::for_organisation(Organisation {
            employees: 40,
            ai_systems_in_scope: 1,
        });
        inputs.benefits.other_per_year.push(NamedAmount {
            name: "insurance premium".into(),
            per_year: Range::new(0.0, 1000.0, 2000.0, "broker quote"),
        });
        let back = RoiInputs::from_json(&inputs.to_json_pretty()).unwrap();
        assert_eq!(back, inputs);
    }

    #[test]
    fn missing_fields_take_the_defaults_for_the_given_size() {
        let small = RoiInputs::from_json(
            r#"{"organisation": {"employees": 10, "ai_systems_in_scope": 1}}"#,
        )
        .unwrap();
        assert_eq!(
            small,
            RoiInputs::for_organisation(Organisation {
                employees: 10,
                ai_systems_in_scope: 1
            })
        );
        assert!(
            small.costs.certification_audit.likely
                < RoiInputs::default().costs.certification_audit.likely
        );
    }

    #[test]
    fn a_partial_range_keeps_the_rest_and_is_attributed_to_the_user() {
        let i = RoiInputs::from_json(
            r#"{"costs": {"consulting": {"likely": 90000}}, "horizon_months": 60}"#,
        )
        .unwrap();
        let d = RoiInputs::default();
        assert_eq!(i.costs.consulting.likely, 90000.0);
        assert_eq!(i.costs.consulting.low, d.costs.consulting.low);
        assert_eq!(i.costs.consulting.source, USER_SOURCE);
        assert_eq!(i.horizon_months, Some(60));
        // Only the source: numbers stay the default's.
        let i = RoiInputs::from_json(r#"{"costs": {"consulting": {"source": "quote from Acme"}}}"#)
            .unwrap();
        assert_eq!(i.costs.consulting.likely, d.costs.consulting.likely);
        assert_eq!(i.costs.consulting.source, "quote from Acme");
        // null keeps the default
        assert_eq!(
            RoiInputs::from_json(r#"{"costs": {"consulting": null}}"#).unwrap(),
            d
        );
    }

    #[test]
    fn errors_name_the_field() {
        let check = |json: &str, expected: &str| {
            let err = RoiInputs::from_json(json).unwrap_err().to_string();
            assert!(err.contains(expected), "{json}: {err}");
        };
        check(r#"{"costz": {}}"#, "unknown field `costz`");
        check(
            r#"{"costs": {"consultnig": {}}}"#,
            "costs.consultnig: unknown field `consultnig`, expected one of `standard_purchase`",
        );
        check(
            r#"{"costs": {"consulting": {"likely": "a lot"}}}"#,
            "costs.consulting.likely: invalid type: string",
        );
        check(r#"{"costs": {"consulting": {"likely": 1, "mode": 2}}}"#, "costs.consulting.mode: unknown field `mode`, expected one of `low`, `likely`, `high`, `source`");
        check(
            r#"{"monte_carlo": {"trials": -5}}"#,
            "monte_carlo.trials: invalid value: integer `-5`",
        );
        check(
            r#"{"benefits": {"other_per_year": [{"name": "x"}]}}"#,
            "benefits.other_per_year[0]: missing field `per_year`",
        );
        check(
            r#"{"schedule": {"months_basis": "guess"}}"#,
            "schedule.months_basis: unknown variant `guess`",
        );
        check("[1]", "must be a JSON object");
        check("{", "not valid JSON");
    }
}

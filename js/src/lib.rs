//! The JS/npm API of the AIMS Readiness engine: the npm package `aims-engine` (docs/js-api.md).
//!
//! Thin wasm-bindgen functions over plain JS objects in the documented JSON formats: an input
//! (an assessment, ROI inputs) is an object or its JSON text, read by the engine's own readers
//! exactly as the CLI reads a file; a result is the engine's serializable report, handed to JS
//! as plain objects through serde-wasm-bindgen (the same shape as `aims … --format json`).
//! Every error is thrown as a JS `Error` whose message names the field; no input can panic.
//!
//! The logic lives in plain Rust functions over text (`*_text`), tested natively; the
//! `#[wasm_bindgen]` functions only convert at the edge. The engine stays free of wasm-bindgen.

use aims_engine::assessment::{Assessment, Diagnostic, DiagnosticSeverity, Framework, ReadError};
use aims_engine::catalog::CatalogName;
use aims_engine::crosswalk;
use aims_engine::roi::{self, RoiReport, MAX_SEED, MAX_TRIALS};
use aims_engine::scoring::Report;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

// The TypeScript types of the inputs and results (appended to the generated .d.ts).
#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = include_str!("types.d.ts");

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(typescript_type = "AssessmentInput")]
    pub type AssessmentInput;
    #[wasm_bindgen(typescript_type = "Report")]
    pub type ReportOutput;
    #[wasm_bindgen(typescript_type = "RoiInputsInput")]
    pub type RoiInputsInput;
    #[wasm_bindgen(typescript_type = "RoiOptions")]
    pub type RoiOptionsInput;
    #[wasm_bindgen(typescript_type = "RoiReport")]
    pub type RoiReportOutput;
    #[wasm_bindgen(typescript_type = "Validation")]
    pub type ValidationOutput;
    #[wasm_bindgen(typescript_type = "PlanOptions")]
    pub type PlanOptionsInput;
    /// Anything: `validate` reports what is wrong with it rather than refusing it.
    #[wasm_bindgen(typescript_type = "unknown")]
    pub type UnknownInput;
}

// ---- What the API computes, over text ---------------------------------------------------------

/// Why a call failed: the message names the field; `diagnostics` are the assessment's errors
/// when there are any (also set on the thrown JS `Error`).
#[derive(Debug, Clone, PartialEq)]
pub struct ApiError {
    pub message: String,
    pub diagnostics: Vec<Diagnostic>,
}

impl ApiError {
    fn new(message: impl Into<String>) -> ApiError {
        ApiError {
            message: message.into(),
            diagnostics: Vec::new(),
        }
    }
}

/// The outcome of [`validate_text`]: `{ errors, warnings }`, each a list of diagnostics
/// `{ severity, item, field, message }`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Validation {
    pub valid: bool,
    pub errors: Vec<Diagnostic>,
    pub warnings: Vec<Diagnostic>,
}

/// The field a whole-file read error is about (`$` for the document itself).
fn read_error_field(e: &ReadError) -> &'static str {
    match e {
        ReadError::Format { .. } => "format",
        ReadError::Version { .. } | ReadError::NewerVersion { .. } => "version",
        ReadError::Framework { .. } => "framework",
        ReadError::Answers { .. } | ReadError::TooManyAnswers { .. } => "answers",
        _ => "$",
    }
}

/// Every problem of an assessment, as diagnostics; a text that is not an assessment at all
/// gives one error about the field that stopped the read.
pub fn validate_text(text: &str) -> Validation {
    let diagnostics = match Assessment::read(text) {
        Ok((_, d)) => d,
        Err(e) => vec![Diagnostic {
            severity: DiagnosticSeverity::Error,
            item: None,
            field: read_error_field(&e).to_string(),
            message: e.to_string(),
        }],
    };
    let (errors, warnings): (Vec<Diagnostic>, Vec<Diagnostic>) =
        diagnostics.into_iter().partition(Diagnostic::is_error);
    Validation {
        valid: errors.is_empty(),
        errors,
        warnings,
    }
}

/// Reads an assessment as `aims` does ([`Assessment::read_strict`]): warnings are accepted, any
/// error refuses it; the thrown error's `diagnostics` list the errors.
pub fn read_assessment(text: &str) -> Result<Assessment, ApiError> {
    Assessment::read_strict(text)
        .map(|(assessment, _warnings)| assessment)
        .map_err(|refused| ApiError {
            message: format!("assessment: {refused}"),
            diagnostics: refused.errors().cloned().collect(),
        })
}

/// The readiness report, as `aims score --format json`.
pub fn score_text(text: &str) -> Result<Report, ApiError> {
    read_assessment(text).map(|a| aims_engine::readiness::score(&a))
}

/// The crosswalk result, as `aims crosswalk --format json`: the engine's result, for the
/// reverse direction the inferred answers as an assessment, the heat-map matrix and the
/// attribution of the crosswalk data.
pub use aims_engine::crosswalk::Output as CrosswalkOutput;

/// `to`: `"nist-ai-rmf"` (an ISO/IEC 42001 assessment as NIST AI RMF coverage) or
/// `"iso42001"` (a NIST AI RMF assessment as inferred ISO/IEC 42001 answers); `None`: the other
/// framework than the assessment's.
pub fn crosswalk_text(text: &str, to: Option<&str>) -> Result<CrosswalkOutput, ApiError> {
    let to = match to {
        None => None,
        Some(t) => Some(Framework::parse(t).ok_or_else(|| {
            ApiError::new(format!(
                "to: {t:?} is not a crosswalk direction; expected \"nist-ai-rmf\" or \"iso42001\""
            ))
        })?),
    };
    let a = read_assessment(text)?;
    let to = to.unwrap_or(a.framework().other());
    crosswalk::output(&a, to).map_err(|e| {
        ApiError::new(format!(
            "to: {e} (the assessment's \"framework\" is {:?})",
            a.framework().as_str()
        ))
    })
}

/// What [`plan_text`] returns: the plan as an object (`format` `"json"`) or an export's text.
#[derive(Debug)]
pub enum PlanOutput {
    Json(Box<aims_engine::plan::Plan>),
    Text(String),
}

/// The action plan, as `aims plan --format FORMAT --date TODAY --order ORDER`: `today`
/// `YYYY-MM-DD` (the day overdue actions are judged against), `format` `"json"` (default),
/// `"csv"`, `"oscal"` or `"ics"`, `order` `"priority"` (default), `"due"` or `"owner"`.
pub fn plan_text(
    text: &str,
    today: &str,
    format: Option<&str>,
    order: Option<&str>,
) -> Result<PlanOutput, ApiError> {
    use aims_engine::export::{plan_export, PlanExport, PlanFormat, ReportDate};
    use aims_engine::plan::PlanOrder;
    let today = ReportDate::parse(today).map_err(|e| ApiError::new(format!("today: {e}")))?;
    let expected = |names: &[&str]| {
        let quoted: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
        aims_engine::format::or_list(&quoted)
    };
    let order = match order {
        None => PlanOrder::Priority,
        Some(o) => PlanOrder::parse(o).ok_or_else(|| {
            let names = PlanOrder::ALL.map(PlanOrder::as_str);
            ApiError::new(format!(
                "order: {o:?} is not an order; expected {}",
                expected(&names)
            ))
        })?,
    };
    let format = match format {
        None => PlanFormat::Json,
        Some(f) => PlanFormat::parse(f).ok_or_else(|| {
            let names = PlanFormat::ALL.map(PlanFormat::as_str);
            ApiError::new(format!(
                "format: {f:?} is not a plan format; expected {}",
                expected(&names)
            ))
        })?,
    };
    let a = read_assessment(text)?;
    Ok(match plan_export(&a, today, order, format) {
        PlanExport::Plan(p) => PlanOutput::Json(p),
        PlanExport::Text(t) => PlanOutput::Text(t),
    })
}

/// Options of [`roi_text`]: the Monte Carlo seed and trials, and an assessment whose roadmap
/// gives the schedule and capacity (as `aims roi --assessment`).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct RoiOptions {
    pub seed: Option<u64>,
    pub trials: Option<u32>,
    pub assessment: Option<String>,
}

/// The ROI report, as `aims roi --format json`. `inputs`: JSON text of the inputs (missing
/// fields take the sourced defaults), `None` for the defaults. The request is the engine's
/// ([`roi::prepare`]); errors name the input's path under `inputs.`.
pub fn roi_text(inputs: Option<&str>, options: &RoiOptions) -> Result<RoiReport, ApiError> {
    let assessment = match &options.assessment {
        Some(text) => Some(read_assessment(text).map_err(|e| ApiError {
            message: format!("options.{}", e.message),
            ..e
        })?),
        None => None,
    };
    let in_inputs = |e: &roi::InputError| {
        if e.input.is_empty() {
            format!("inputs: {}", e.message)
        } else {
            format!("inputs.{}: {}", e.input, e.message)
        }
    };
    let run = roi::prepare(&roi::RoiRequest {
        inputs,
        assessment: assessment.as_ref(),
        seed: options.seed,
        trials: options.trials,
    })
    .map_err(|e| ApiError::new(in_inputs(&e)))?;
    run.run().map_err(|e| match e {
        roi::RoiError::Invalid(list) => {
            ApiError::new(list.iter().map(in_inputs).collect::<Vec<_>>().join("; "))
        }
        roi::RoiError::Read(e) => ApiError::new(in_inputs(&e)),
    })
}

/// A catalog as `aims catalog NAME --format json`.
pub fn catalog_value(name: &str) -> Result<serde_json::Value, ApiError> {
    CatalogName::parse(name)
        .map(CatalogName::json)
        .map_err(|e| ApiError::new(format!("name: {e}")))
}

/// A whole number in `0..=max` from a JS number, or why not.
fn whole_number(field: &str, x: f64, min: f64, max: f64) -> Result<f64, ApiError> {
    if x.is_finite() && x.fract() == 0.0 && (min..=max).contains(&x) {
        Ok(x)
    } else {
        Err(ApiError::new(format!(
            "{field}: {x} is not accepted; expected a whole number from {min} to {max}"
        )))
    }
}

// ---- The JS edge ----------------------------------------------------------------------------

/// The JS `Error` thrown for an [`ApiError`], with `diagnostics` when there are any.
fn js_error(e: ApiError) -> JsValue {
    let err = js_sys::Error::new(&e.message);
    if !e.diagnostics.is_empty() {
        if let Ok(list) = to_js(&e.diagnostics) {
            // Setting a property on a fresh Error cannot fail; the message stands alone anyway.
            let _ = js_sys::Reflect::set(&err, &JsValue::from_str("diagnostics"), &list);
        }
    }
    err.into()
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| js_sys::Error::new(&format!("the result could not be converted: {e}")).into())
}

/// JSON text of an input: a string is taken as JSON text, anything else goes through
/// `JSON.stringify` (so a `Date` becomes its ISO text, `undefined` fields are left out).
fn json_text(value: &JsValue, field: &str, expected: &str) -> Result<String, ApiError> {
    if let Some(s) = value.as_string() {
        return Ok(s);
    }
    if value.is_undefined() || value.is_null() {
        return Err(ApiError::new(format!(
            "{field}: missing; expected {expected}"
        )));
    }
    match js_sys::JSON::stringify(value) {
        Ok(s) => s
            .as_string()
            .ok_or_else(|| ApiError::new(format!("{field}: expected {expected}"))),
        Err(e) => {
            let why = e
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .unwrap_or_else(|| "it is not JSON data".into());
            Err(ApiError::new(format!(
                "{field}: cannot be read as JSON ({why}); expected {expected}"
            )))
        }
    }
}

const ASSESSMENT: &str = "an aims-assessment object or its JSON text";

/// The readiness report of an assessment (the JSON of `aims score --format json`): scores,
/// verdict, findings, Statement of Applicability, prioritised gaps and roadmap. Throws an
/// `Error` naming the field when the assessment has an error (its `diagnostics` list them).
#[wasm_bindgen]
pub fn score(assessment: AssessmentInput) -> Result<ReportOutput, JsValue> {
    let text = json_text(&assessment, "assessment", ASSESSMENT).map_err(js_error)?;
    let report = score_text(&text).map_err(js_error)?;
    Ok(to_js(&report)?.unchecked_into())
}

/// ISO/IEC 42001 ⇄ NIST AI RMF crosswalk (the JSON of `aims crosswalk`).
#[wasm_bindgen(skip_typescript)]
pub fn crosswalk(assessment: AssessmentInput, to: JsValue) -> Result<JsValue, JsValue> {
    let text = json_text(&assessment, "assessment", ASSESSMENT).map_err(js_error)?;
    let to = if to.is_undefined() || to.is_null() {
        None
    } else {
        Some(to.as_string().ok_or_else(|| {
            js_error(ApiError::new(
                "to: expected \"nist-ai-rmf\" or \"iso42001\"",
            ))
        })?)
    };
    to_js(&crosswalk_text(&text, to.as_deref()).map_err(js_error)?)
}

/// Reads `{ seed, trials, assessment }`.
fn roi_options(options: &JsValue) -> Result<RoiOptions, ApiError> {
    let mut out = RoiOptions::default();
    if options.is_undefined() || options.is_null() {
        return Ok(out);
    }
    if !options.is_object() {
        return Err(ApiError::new(
            "options: expected an object { seed, trials, assessment }",
        ));
    }
    let get = |k: &str| js_sys::Reflect::get(options, &JsValue::from_str(k)).unwrap_or_default();
    let number = |k: &str, min: f64, max: f64| -> Result<Option<f64>, ApiError> {
        let v = get(k);
        if v.is_undefined() || v.is_null() {
            return Ok(None);
        }
        let field = format!("options.{k}");
        let x = v.as_f64().ok_or_else(|| {
            ApiError::new(format!(
                "{field}: expected a whole number from {min} to {max}"
            ))
        })?;
        whole_number(&field, x, min, max).map(Some)
    };
    // Exact: both bounds are below 2^53.
    out.seed = number("seed", 0.0, MAX_SEED as f64)?.map(|x| x as u64);
    out.trials = number("trials", 1.0, f64::from(MAX_TRIALS))?.map(|x| x as u32);
    let a = get("assessment");
    if !(a.is_undefined() || a.is_null()) {
        out.assessment = Some(json_text(&a, "options.assessment", ASSESSMENT)?);
    }
    Ok(out)
}

/// The ROI report of `roi` and `roiText`, read from their JS arguments.
fn roi_report(inputs: JsValue, options: JsValue) -> Result<RoiReport, JsValue> {
    let text = if inputs.is_undefined() || inputs.is_null() {
        None
    } else {
        Some(
            json_text(&inputs, "inputs", "an ROI inputs object or its JSON text")
                .map_err(js_error)?,
        )
    };
    let options = roi_options(&options).map_err(js_error)?;
    roi_text(text.as_deref(), &options).map_err(js_error)
}

/// The 3-year ROI of certification (the JSON of `aims roi --format json`). `inputs`: ROI inputs
/// (missing fields take the sourced defaults; omit for all defaults). `options.seed` and
/// `options.trials` set the Monte Carlo (the same seed gives the same report, bit for bit);
/// `options.assessment` gives the organisation and, once something is answered, the schedule
/// and capacity of its roadmap.
#[wasm_bindgen]
pub fn roi(
    inputs: Option<RoiInputsInput>,
    options: Option<RoiOptionsInput>,
) -> Result<RoiReportOutput, JsValue> {
    let report = roi_report(
        inputs.map(Into::into).unwrap_or(JsValue::UNDEFINED),
        options.map(Into::into).unwrap_or(JsValue::UNDEFINED),
    )?;
    Ok(to_js(&report)?.unchecked_into())
}

/// The ROI report as text for people, word for word what `aims roi` prints.
#[wasm_bindgen(js_name = roiText)]
pub fn roi_as_text(
    inputs: Option<RoiInputsInput>,
    options: Option<RoiOptionsInput>,
) -> Result<String, JsValue> {
    roi_report(
        inputs.map(Into::into).unwrap_or(JsValue::UNDEFINED),
        options.map(Into::into).unwrap_or(JsValue::UNDEFINED),
    )
    .map(|r| r.to_text())
}

/// The readiness report as text for people, word for word what `aims score` prints.
#[wasm_bindgen(js_name = scoreText)]
pub fn score_as_text(assessment: AssessmentInput) -> Result<String, JsValue> {
    let text = json_text(&assessment, "assessment", ASSESSMENT).map_err(js_error)?;
    Ok(score_text(&text).map_err(js_error)?.to_text())
}

/// A catalog: `"iso42001"`, `"nist-ai-rmf"`, `"crosswalk"` or `"quick-scan"` (the JSON of
/// `aims catalog NAME --format json`).
#[wasm_bindgen(skip_typescript)]
pub fn catalog(name: JsValue) -> Result<JsValue, JsValue> {
    let name = name.as_string().ok_or_else(|| {
        js_error(ApiError::new(
            "name: expected \"iso42001\", \"nist-ai-rmf\", \"crosswalk\" or \"quick-scan\"",
        ))
    })?;
    to_js(&catalog_value(&name).map_err(js_error)?)
}

/// Every problem of an assessment, without throwing: `{ valid, errors, warnings }`, each
/// diagnostic `{ severity, item, field, message }` (`field` `"$"`: the document itself).
#[wasm_bindgen]
pub fn validate(assessment: UnknownInput) -> Result<ValidationOutput, JsValue> {
    let validation = match json_text(&assessment, "assessment", ASSESSMENT) {
        Ok(text) => validate_text(&text),
        Err(e) => Validation {
            valid: false,
            errors: vec![Diagnostic {
                severity: DiagnosticSeverity::Error,
                item: None,
                field: "$".into(),
                message: e.message,
            }],
            warnings: Vec::new(),
        },
    };
    Ok(to_js(&validation)?.unchecked_into())
}

/// The action plan of an assessment: `{ today, format, order }` (`today` `"YYYY-MM-DD"`,
/// default the caller's today in UTC; `format` `"json"` gives the plan object, `"csv"`,
/// `"oscal"` and `"ics"` the export's text).
#[wasm_bindgen(skip_typescript)]
pub fn plan(assessment: AssessmentInput, options: PlanOptionsInput) -> Result<JsValue, JsValue> {
    let text = json_text(&assessment, "assessment", ASSESSMENT).map_err(js_error)?;
    let options: JsValue = options.into();
    let field = |name: &str| -> Result<Option<String>, JsValue> {
        if options.is_undefined() || options.is_null() {
            return Ok(None);
        }
        let v =
            js_sys::Reflect::get(&options, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
        if v.is_undefined() || v.is_null() {
            return Ok(None);
        }
        v.as_string()
            .map(Some)
            .ok_or_else(|| js_error(ApiError::new(format!("{name}: expected text"))))
    };
    if !(options.is_undefined() || options.is_null() || options.is_object()) {
        return Err(js_error(ApiError::new(
            "options: expected an object such as { today: \"2026-06-30\", format: \"csv\" }",
        )));
    }
    let today = match field("today")? {
        Some(t) => t,
        None => {
            let days = (js_sys::Date::now() / 86_400_000.0).floor() as i64;
            aims_engine::export::ReportDate::from_days_since_epoch(days)
                .map(|d| d.to_string())
                .ok_or_else(|| {
                    js_error(ApiError::new(
                        "today: the clock is out of range; pass today",
                    ))
                })?
        }
    };
    let format = field("format")?;
    let order = field("order")?;
    match plan_text(&text, &today, format.as_deref(), order.as_deref()).map_err(js_error)? {
        PlanOutput::Json(p) => to_js(&*p),
        PlanOutput::Text(t) => Ok(JsValue::from_str(&t)),
    }
}

/// The version of the engine in this package.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIXTURE: &str = include_str!("../../engine/tests/fixtures/techserve-month1.json");

    #[test]
    fn plan_names_bad_options_and_gives_every_format() {
        let text = r#"{"format":"aims-assessment","version":2,"answers":{"5.2":{"maturity":1,"owner":"CEO","due":"2026-01-31"}}}"#;
        match plan_text(text, "2026-02-01", None, None).unwrap() {
            PlanOutput::Json(p) => assert!(p.actions[0].overdue),
            PlanOutput::Text(_) => panic!("json expected"),
        }
        for format in ["csv", "oscal", "ics"] {
            assert!(matches!(
                plan_text(text, "2026-02-01", Some(format), Some("due")).unwrap(),
                PlanOutput::Text(t) if !t.is_empty()
            ));
        }
        let err = |today: &str, format: Option<&str>, order: Option<&str>| {
            plan_text(text, today, format, order).unwrap_err().message
        };
        assert!(err("2026-02-30", None, None).starts_with("today: \"2026-02-30\" is not a date"));
        assert!(err("2026-02-01", Some("pdf"), None).starts_with("format: \"pdf\""));
        assert!(err("2026-02-01", None, Some("size")).starts_with("order: \"size\""));
    }

    #[test]
    fn score_equals_the_engine_report() {
        let report = score_text(FIXTURE).unwrap();
        let (a, _) = Assessment::read(FIXTURE).unwrap();
        assert_eq!(
            report.to_json(),
            aims_engine::readiness::score(&a).to_json()
        );
        assert!(report.readiness.is_some());
    }

    #[test]
    fn an_error_names_the_item_and_field() {
        let text = r#"{"format":"aims-assessment","version":1,"answers":{"A.5.2":{"maturity":7},"5.2":{"maturity":9}}}"#;
        let e = score_text(text).unwrap_err();
        assert!(
            e.message
                .starts_with("assessment: answer \"5.2\", field \"maturity\""),
            "{}",
            e.message
        );
        assert!(e.message.contains("1 more"), "{}", e.message);
        assert_eq!(e.diagnostics.len(), 2);
        let v = validate_text(text);
        assert!(!v.valid);
        assert_eq!(v.errors.len(), 2);
        assert!(v.errors.iter().all(|d| d.field == "maturity"));
    }

    #[test]
    fn a_file_that_is_not_an_assessment_names_the_field() {
        let v = validate_text(r#"{"format":"aims-assessment"}"#);
        assert_eq!(v.errors[0].field, "version");
        assert!(score_text(r#"{"version":1}"#)
            .unwrap_err()
            .message
            .contains("\"format\""));
        assert_eq!(validate_text("{").errors[0].field, "$");
        assert!(validate_text(FIXTURE).valid);
    }

    #[test]
    fn crosswalk_checks_the_direction() {
        let f = crosswalk_text(FIXTURE, Some("nist-ai-rmf")).unwrap();
        assert!(matches!(f.result, crosswalk::Computed::Forward(_)) && f.assessment.is_none());
        let default = crosswalk_text(FIXTURE, None).unwrap();
        assert!(matches!(default.result, crosswalk::Computed::Forward(_)));
        let e = crosswalk_text(FIXTURE, Some("iso42001")).err().unwrap();
        assert!(e.message.starts_with("to: "), "{}", e.message);
        let e = crosswalk_text(FIXTURE, Some("nist")).err().unwrap();
        assert!(e.message.starts_with("to: \"nist\""), "{}", e.message);
    }

    #[test]
    fn roi_is_deterministic_and_names_bad_inputs() {
        let o = RoiOptions {
            seed: Some(7),
            trials: Some(500),
            assessment: None,
        };
        let a = roi_text(None, &o).unwrap();
        assert_eq!(a, roi_text(None, &o).unwrap());
        assert_eq!(a.monte_carlo.trials, 500);
        let e = roi_text(Some(r#"{"costs":{"consulting":{"low":-5}}}"#), &o).unwrap_err();
        assert!(
            e.message.starts_with("inputs.costs.consulting"),
            "{}",
            e.message
        );
        let e = roi_text(Some(r#"{"costs":{"consulting":"x"}}"#), &o).unwrap_err();
        assert!(
            e.message
                .starts_with("inputs.costs.consulting: invalid type"),
            "{}",
            e.message
        );
        let e = roi_text(Some("{"), &o).unwrap_err();
        assert!(
            e.message
                .starts_with("inputs: the ROI inputs are not valid JSON"),
            "{}",
            e.message
        );
        let with = RoiOptions {
            assessment: Some(FIXTURE.to_string()),
            ..o
        };
        assert!(roi_text(None, &with).is_ok());
    }

    #[test]
    fn catalog_names_the_choices() {
        assert_eq!(
            catalog_value("quick-scan").unwrap()["catalog"],
            "quick-scan"
        );
        assert!(catalog_value("iso")
            .unwrap_err()
            .message
            .starts_with("name: "));
    }

    #[test]
    fn whole_numbers_only() {
        assert!(whole_number("options.seed", 1.5, 0.0, 10.0).is_err());
        assert!(whole_number("options.seed", f64::NAN, 0.0, 10.0).is_err());
        assert!(whole_number("options.seed", 11.0, 0.0, 10.0).is_err());
        assert_eq!(whole_number("options.seed", 10.0, 0.0, 10.0).unwrap(), 10.0);
    }

    #[test]
    fn the_npm_package_has_the_crate_version() {
        let pkg: serde_json::Value =
            serde_json::from_str(include_str!("../npm/package.json")).unwrap();
        assert_eq!(pkg["version"], env!("CARGO_PKG_VERSION"));
        assert_eq!(pkg["name"], "aims-engine");
    }
}

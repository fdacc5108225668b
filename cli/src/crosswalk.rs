//! `aims crosswalk FILE --to nist-ai-rmf|iso42001 --format json|csv`: an ISO/IEC 42001
//! assessment as NIST AI RMF coverage, or a NIST AI RMF assessment as inferred ISO/IEC 42001
//! answers with their readiness report.

use crate::args::Args;
use crate::input::read_assessment;
use aims_engine::assessment::{Assessment, Framework};
use aims_engine::catalog::CROSSWALK_ATTRIBUTION;
use aims_engine::crosswalk::{
    forward, matrix, reverse, Forward, FrameworkMismatch, Matrix, Reverse,
};
use serde::Serialize;

pub fn run(argv: &[String]) -> Result<String, String> {
    let args = Args::parse(argv, &[("to", true), ("format", true)])?;
    args.expect_positional(&["assessment file, or - for standard input"])?;
    let format = args.choice("format", &["json", "csv"], "json")?;
    let to = match args.value("to") {
        None => None,
        Some(t) => Some(Framework::parse(t).ok_or_else(|| {
            format!("--to {t:?} is not valid; expected one of nist-ai-rmf, iso42001")
        })?),
    };
    let a = read_assessment(&args.positional[0])?;
    // By default, to the other framework.
    let to = to.unwrap_or(match a.framework() {
        Framework::Iso42001 => Framework::NistAiRmf,
        Framework::NistAiRmf => Framework::Iso42001,
    });
    let mismatch = |e: FrameworkMismatch| format!("--to {}: {e}", to.as_str());
    let json = |result: Computed| {
        let assessment = match &result {
            Computed::Reverse(r) => Some(r.to_assessment(&a)),
            Computed::Forward(_) => None,
        };
        let out = Output {
            result,
            assessment,
            matrix: matrix(&a),
            attribution: CROSSWALK_ATTRIBUTION,
        };
        serde_json::to_string_pretty(&out).map_err(|e| e.to_string())
    };
    match (to, format) {
        (Framework::NistAiRmf, "csv") => forward(&a).map(|f| f.to_csv()).map_err(mismatch),
        (Framework::Iso42001, "csv") => reverse(&a).map(|r| r.to_csv()).map_err(mismatch),
        (Framework::NistAiRmf, _) => json(Computed::Forward(forward(&a).map_err(mismatch)?)),
        (Framework::Iso42001, _) => {
            json(Computed::Reverse(Box::new(reverse(&a).map_err(mismatch)?)))
        }
    }
}

/// The JSON printed: the engine's result, for the reverse direction the inferred answers as an
/// assessment file (to save and complete), the heat-map matrix of the same answers, and the
/// attribution of the crosswalk data.
#[derive(Serialize)]
struct Output {
    #[serde(flatten)]
    result: Computed,
    #[serde(skip_serializing_if = "Option::is_none")]
    assessment: Option<Assessment>,
    matrix: Matrix,
    attribution: &'static str,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Computed {
    Forward(Forward),
    Reverse(Box<Reverse>),
}

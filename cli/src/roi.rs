//! `aims roi [--assessment FILE] [--input FILE] [--seed N] [--trials N] [--format json|text]
//! [--print-defaults]`: the return on investment of certification, from the engine's ROI model.

use crate::args::Args;
use crate::input::read_assessment;
use aims_engine::roi::{self, RoiInputs};

const OPTIONS: &[(&str, bool)] = &[
    ("assessment", true),
    ("input", true),
    ("seed", true),
    ("trials", true),
    ("format", true),
    ("print-defaults", false),
];

pub fn run(argv: &[String]) -> Result<String, String> {
    let args = Args::parse(argv, OPTIONS)?;
    args.expect_positional(&[])?;
    let format = args.choice("format", &["json", "text"], "text")?;
    let input = match args.value("input") {
        Some(path) => Some(
            crate::input::read_at_most("--input ", path, RoiInputs::MAX_JSON_BYTES)?
                .map_err(|n| format!("--input {path}: {}", RoiInputs::too_large(n)))?,
        ),
        None => None,
    };
    let assessment = match args.value("assessment") {
        Some(path) => Some(read_assessment(path)?),
        None => None,
    };
    let run = roi::prepare(&roi::RoiRequest {
        inputs: input.as_deref(),
        assessment: assessment.as_ref(),
        seed: args.number::<u64>("seed")?,
        trials: args.number::<u32>("trials")?,
    })
    .map_err(|e| with_file(e.to_string(), args.value("input")))?;
    if args.flag("print-defaults") {
        return Ok(run.inputs.to_json_pretty());
    }
    let report = run.run().map_err(|e| e.to_string())?;
    match format {
        "json" => serde_json::to_string_pretty(&report).map_err(|e| e.to_string()),
        _ => Ok(report.to_text()),
    }
}

fn with_file(message: String, file: Option<&str>) -> String {
    match file {
        Some(path) => format!("--input {path}: {message}"),
        None => message,
    }
}

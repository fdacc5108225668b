//! `aims compare LEARNER.json MODEL [--format json|text]`: a learner's assessment checked
//! against a model answer, item by item (docs/training.md). MODEL is an assessment file or
//! the id of a built-in case (`techserve-month-1`).

use crate::args::Args;
use crate::input::read_assessment;
use aims_engine::assessment::Assessment;
use aims_engine::training::{self, compare};

pub fn run(argv: &[String]) -> Result<String, String> {
    let args = Args::parse(argv, &[("format", true)])?;
    args.expect_positional(&["learner's assessment file", "model answer file or case id"])?;
    let format = args.choice("format", &["json", "text"], "text")?;
    let learner = read_assessment(&args.positional[0])?;
    let model = model(&args.positional[1])?;
    let comparison = compare(&learner, &model).map_err(|e| e.to_string())?;
    Ok(match format {
        "json" => comparison.to_json(),
        _ => comparison.to_text(),
    })
}

/// A file when one exists at that path, else a case id.
fn model(arg: &str) -> Result<Assessment, String> {
    if arg == "-" || std::path::Path::new(arg).exists() {
        return read_assessment(arg);
    }
    match training::case(arg) {
        Ok(case) => Ok(case.model()),
        Err(e) => Err(format!("{arg} is neither a file nor a case: {e}")),
    }
}

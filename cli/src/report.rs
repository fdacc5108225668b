//! `aims report FILE [--date YYYY-MM-DD] [--roi] [--roi-input FILE]`: the printable readiness
//! report as Markdown, with the ROI estimate when asked for.

use crate::args::Args;
use crate::clock::report_date;
use crate::input::read_assessment;
use aims_engine::export::{markdown_report, ReportOptions};
use aims_engine::roi;

const OPTIONS: &[(&str, bool)] = &[("date", true), ("roi", false), ("roi-input", true)];

pub fn run(argv: &[String]) -> Result<String, String> {
    let args = Args::parse(argv, OPTIONS)?;
    args.expect_positional(&["assessment file, or - for standard input"])?;
    let date = report_date(&args)?;
    let roi_input = match args.value("roi-input") {
        Some(path) => Some(
            crate::input::read_at_most("--roi-input ", path, roi::RoiInputs::MAX_JSON_BYTES)?
                .map_err(|n| format!("--roi-input {path}: {}", roi::RoiInputs::too_large(n)))?,
        ),
        None => None,
    };
    let a = read_assessment(&args.positional[0])?;
    let roi = if args.flag("roi") || roi_input.is_some() {
        let with_file = |e: String| match args.value("roi-input") {
            Some(path) => format!("--roi-input {path}: {e}"),
            None => e,
        };
        let run = roi::prepare(&roi::RoiRequest {
            inputs: roi_input.as_deref(),
            assessment: Some(&a),
            ..roi::RoiRequest::default()
        })
        .map_err(|e| with_file(e.to_string()))?;
        Some(run.run().map_err(|e| with_file(e.to_string()))?)
    } else {
        None
    };
    Ok(markdown_report(
        &a,
        &ReportOptions {
            date: Some(date),
            roi: roi.as_ref(),
        },
    ))
}

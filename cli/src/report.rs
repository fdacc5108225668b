//! `aims report FILE [--date YYYY-MM-DD] [--roi] [--roi-input FILE]`: the printable readiness
//! report as Markdown, with the ROI estimate when asked for.

use crate::args::{Args, Command, Opt, Takes, DATE};
use crate::clock::report_date;
use crate::input::read_assessment;
use aims_engine::export::{markdown_report, ReportOptions};
use aims_engine::roi;

pub const COMMAND: Command = Command {
    name: "report",
    args: "FILE",
    about: "The printable readiness report as Markdown (- reads standard input).",
    options: &[
        DATE,
        Opt {
            name: "roi",
            takes: Takes::Nothing,
            help: "add the ROI estimate",
        },
        Opt {
            name: "roi-input",
            takes: Takes::Value("FILE"),
            help: "add the ROI estimate from a JSON inputs file, as for `aims roi --input`",
        },
    ],
    run,
};

fn run(args: &Args) -> Result<String, String> {
    args.expect_positional(&["assessment file, or - for standard input"])?;
    let date = report_date(args)?;
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

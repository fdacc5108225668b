//! `aims roi [--assessment FILE] [--input FILE] [--seed N] [--trials N] [--format json|text]
//! [--print-defaults]`: the return on investment of certification, from the engine's ROI model.

use crate::args::{format, Args, Command, Opt, Takes};
use crate::input::read_assessment;
use aims_engine::roi::{self, RoiInputs};

pub const COMMAND: Command = Command {
    name: "roi",
    args: "",
    about: "Cost, benefit, NPV and ROI of certification over the certificate cycle, with a \
            Monte Carlo and a tornado of the inputs.",
    options: &[
        Opt {
            name: "assessment",
            takes: Takes::Value("FILE"),
            help: "take the months and capacity from this assessment's roadmap (- reads \
                   standard input)",
        },
        Opt {
            name: "input",
            takes: Takes::Value("FILE"),
            help: "a JSON inputs file; missing fields take the sourced defaults",
        },
        Opt {
            name: "seed",
            takes: Takes::Value("N"),
            help: "the Monte Carlo seed (default: 42)",
        },
        Opt {
            name: "trials",
            takes: Takes::Value("N"),
            help: "the Monte Carlo trials (default: 10000)",
        },
        format(&["json", "text"], "text"),
        Opt {
            name: "print-defaults",
            takes: Takes::Nothing,
            help: "print the inputs as a JSON starting file for --input",
        },
    ],
    run,
};

fn run(args: &Args) -> Result<String, String> {
    args.expect_positional(&[])?;
    let format = args.choice("format")?;
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

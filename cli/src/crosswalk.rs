//! `aims crosswalk FILE --to nist-ai-rmf|iso42001 --format json|csv`: an ISO/IEC 42001
//! assessment as NIST AI RMF coverage, or a NIST AI RMF assessment as inferred ISO/IEC 42001
//! answers with their readiness report.

use crate::args::{format, Args, Command, Opt, Takes};
use crate::input::read_assessment;
use aims_engine::assessment::Framework;
use aims_engine::crosswalk::{forward, output, reverse, FrameworkMismatch};

pub const COMMAND: Command = Command {
    name: "crosswalk",
    args: "FILE",
    about: "ISO/IEC 42001 answers as NIST AI RMF coverage, or NIST AI RMF answers as inferred \
            ISO/IEC 42001 answers with their report (- reads standard input).",
    options: &[
        Opt {
            name: "to",
            takes: Takes::Value("nist-ai-rmf|iso42001"),
            help: "the framework to map to (default: the other one)",
        },
        format(&["json", "csv"], "json"),
    ],
    run,
};

fn run(args: &Args) -> Result<String, String> {
    args.expect_positional(&["assessment file, or - for standard input"])?;
    let format = args.choice("format")?;
    let to = match args.value("to") {
        None => None,
        Some(t) => Some(Framework::parse(t).ok_or_else(|| {
            format!("--to {t:?} is not valid; expected one of nist-ai-rmf, iso42001")
        })?),
    };
    let a = read_assessment(&args.positional[0])?;
    // By default, to the other framework.
    let to = to.unwrap_or(a.framework().other());
    let mismatch = |e: FrameworkMismatch| format!("--to {}: {e}", to.as_str());
    match (to, format) {
        (Framework::NistAiRmf, "csv") => forward(&a).map(|f| f.to_csv()).map_err(mismatch),
        (Framework::Iso42001, "csv") => reverse(&a).map(|r| r.to_csv()).map_err(mismatch),
        _ => {
            let out = output(&a, to).map_err(mismatch)?;
            serde_json::to_string_pretty(&out).map_err(|e| e.to_string())
        }
    }
}

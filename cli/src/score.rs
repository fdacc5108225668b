//! `aims score FILE --format json|text`: the readiness report of an assessment file.

use crate::args::{format, Args, Command};
use crate::input::read_assessment;
use aims_engine::readiness::score;

pub const COMMAND: Command = Command {
    name: "score",
    args: "FILE",
    about: "The readiness report of an assessment file (- reads standard input): scores, \
            verdict, findings, Statement of Applicability, gaps, roadmap.",
    options: &[format(&["json", "text"], "text")],
    run,
};

fn run(args: &Args) -> Result<String, String> {
    args.expect_positional(&["assessment file, or - for standard input"])?;
    let format = args.choice("format")?;
    let report = score(&read_assessment(&args.positional[0])?);
    Ok(match format {
        "json" => report.to_json(),
        _ => report.to_text(),
    })
}

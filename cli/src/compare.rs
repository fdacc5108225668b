//! `aims compare LEARNER.json MODEL [--format json|text] [--pass-mark N]`: a learner's assessment checked
//! against a model answer, item by item (docs/training.md). MODEL is an assessment file or
//! the id of a built-in case (`techserve-month-1`).

use crate::args::{format, Args, Command, Opt, Takes};
use crate::input::read_assessment;
use aims_engine::assessment::Assessment;
use aims_engine::training;

pub const COMMAND: Command = Command {
    name: "compare",
    args: "LEARNER MODEL",
    about: "A learner's assessment checked against a model answer, item by item, with a score \
            and the findings each side implies against the pass mark; MODEL is a file or a \
            case id.",
    options: &[
        format(&["json", "text"], "text"),
        Opt {
            name: "pass-mark",
            takes: Takes::Value("N"),
            help: "the score out of 100 that passes (default: 70)",
        },
    ],
    run,
};

fn run(args: &Args) -> Result<String, String> {
    args.expect_positional(&["learner's assessment file", "model answer file or case id"])?;
    let format = args.choice("format")?;
    let learner = read_assessment(&args.positional[0])?;
    let model = model(&args.positional[1])?;
    let pass_mark = match args.number::<u8>("pass-mark")? {
        None => training::DEFAULT_PASS_MARK,
        Some(m) if m <= 100 => m,
        Some(m) => {
            return Err(format!(
                "--pass-mark {m} is out of range: give a percentage from 0 to 100"
            ))
        }
    };
    let comparison =
        training::compare_with_pass_mark(&learner, &model, pass_mark).map_err(|e| e.to_string())?;
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

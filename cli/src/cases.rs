//! `aims cases [ID] [--format json|text] [--model | --start | --roi-inputs]`: the built-in
//! training cases (docs/training.md): the list, one case's briefing and task, or its files.

use crate::args::{format, Args, Command, Opt, Takes};
use aims_engine::training::{case, cases, Case};
use std::fmt::Write;

pub const COMMAND: Command = Command {
    name: "cases",
    args: "[ID]",
    about: "The training cases: the list, or a case's briefing and task; with a case id, \
            --start, --model or --roi-inputs prints one of its files.",
    options: &[
        format(&["json", "text"], "text"),
        Opt {
            name: "start",
            takes: Takes::Nothing,
            help: "the assessment file to fill in",
        },
        Opt {
            name: "model",
            takes: Takes::Nothing,
            help: "the model answer",
        },
        Opt {
            name: "roi-inputs",
            takes: Takes::Nothing,
            help: "the case's ROI inputs, for `aims roi --input`",
        },
    ],
    run,
};

fn run(args: &Args) -> Result<String, String> {
    let format = args.choice("format")?;
    let files = ["model", "start", "roi-inputs"]
        .into_iter()
        .filter(|f| args.flag(f))
        .collect::<Vec<_>>();
    match (args.positional.as_slice(), files.as_slice()) {
        ([], []) => Ok(match format {
            "json" => pretty(cases()),
            _ => list(),
        }),
        ([], [f]) => Err(format!("--{f} needs a case id: aims cases ID --{f}")),
        ([id], []) => {
            let c = case(id).map_err(|e| e.to_string())?;
            Ok(match format {
                "json" => pretty(c),
                _ => show(c),
            })
        }
        ([id], [file]) => {
            let c = case(id).map_err(|e| e.to_string())?;
            match *file {
                "model" => Ok(c.model_json().to_string()),
                "start" => Ok(c.start().to_json()),
                _ => c
                    .roi_inputs()
                    .map(str::to_string)
                    .ok_or_else(|| format!("case {} has no ROI inputs", c.id)),
            }
        }
        (_, [_, _, ..]) => Err("give one of --model, --start, --roi-inputs".to_string()),
        _ => Err("expected at most one case id".to_string()),
    }
}

fn list() -> String {
    let mut o = String::new();
    for c in cases() {
        let _ = writeln!(o, "{:<20} {}", c.id, c.title);
        let _ = writeln!(o, "{:<20} {}", "", c.summary);
    }
    let _ = writeln!(
        o,
        "\n`aims cases ID` shows a briefing and task; `--start` prints the file to fill in, \
         `--model` the model answer; `aims compare LEARNER.json ID` checks an answer."
    );
    o
}

fn show(c: &Case) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "{}\n", c.title);
    let _ = writeln!(o, "{}\n", c.briefing.trim());
    let _ = writeln!(o, "Your task\n\n{}", c.task);
    o
}

fn pretty<T: serde::Serialize + ?Sized>(v: &T) -> String {
    serde_json::to_string_pretty(v).unwrap_or_default()
}

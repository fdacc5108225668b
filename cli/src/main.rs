//! `aims`: ISO/IEC 42001 readiness from the command line. Glue over `aims-engine`: every
//! command parses its arguments, calls the engine and prints; no logic of its own.

mod args;
mod cases;
mod catalog;
mod clock;
mod compare;
mod crosswalk;
mod export;
mod input;
mod plan;
mod report;
mod roi;
mod score;
mod share;

use std::io::Write;
use std::process::ExitCode;

/// Each command with its usage lines, in the order of `aims --help`; `aims <command> --help`
/// prints the command's own lines, so the two cannot drift apart.
const COMMANDS: &[(&str, &str)] = &[
    (
        "catalog",
        "catalog <iso42001|nist-ai-rmf|crosswalk|quick-scan> [--format csv|json]\n                  print a catalog\ncatalog iso42001 --format oscal\n                  the ISO/IEC 42001 ids and short titles as an OSCAL 1.1.2 catalog",
    ),
    (
        "score",
        "score FILE [--format text|json]\n                  readiness report of an assessment file (- reads standard input):\n                  scores, verdict, findings, Statement of Applicability, gaps, roadmap",
    ),
    (
        "crosswalk",
        "crosswalk FILE [--to nist-ai-rmf|iso42001] [--format json|csv]\n                  ISO/IEC 42001 answers as NIST AI RMF coverage, or NIST AI RMF answers\n                  as inferred ISO/IEC 42001 answers with their report",
    ),
    (
        "roi",
        "roi [--assessment FILE] [--input FILE] [--seed N] [--trials N] [--format text|json]\n                  3-year cost, benefit, NPV and ROI of certification with a Monte Carlo\n                  (default 10,000 trials, seed 42) and a tornado; --input reads a JSON\n                  inputs file (missing fields take sourced defaults), --assessment takes\n                  the months and capacity from its roadmap (- reads standard input)\nroi --print-defaults [--input FILE] [--assessment FILE]\n                  print the inputs as a JSON starting file for --input",
    ),
    (
        "export",
        "export FILE [--format csv|soa|oscal|json] [--date YYYY-MM-DD]\n                  the assessment as CSV (one row per item), the Statement of\n                  Applicability as CSV, OSCAL 1.1.2 assessment results, or JSON;\n                  --date dates the OSCAL document (default today)",
    ),
    ("plan", plan::USAGE),
    (
        "report",
        "report FILE [--date YYYY-MM-DD] [--roi] [--roi-input FILE]\n                  the printable readiness report as Markdown; --roi adds the ROI\n                  estimate (--roi-input: a JSON inputs file, as for `aims roi`)",
    ),
    (
        "cases",
        "cases [ID] [--format text|json] [--start | --model | --roi-inputs]\n                  the training cases: the list, a briefing and task, the file to\n                  fill in, the model answer, or the case's ROI inputs",
    ),
    (
        "compare",
        "compare LEARNER MODEL [--format text|json] [--pass-mark N]\n                  a learner's assessment checked against a model answer, item by\n                  item, with a score and the findings each side implies against the pass\n                  mark (default 70); MODEL is a file or a case id",
    ),
    (
        "share",
        "share FILE        the assessment as a share-link token (for the app's URL fragment)\nshare --decode TOKEN\n                  the assessment a token or link holds, as JSON (- reads standard input)",
    ),
];

const HELP_HEAD: &str = "\
aims — ISO/IEC 42001 readiness: gap scoring, NIST AI RMF crosswalk, ROI of certification

USAGE:
    aims <COMMAND> [ARGS] [OPTIONS]
    aims <COMMAND> --help

COMMANDS:";

const HELP_TAIL: &str = "\
    help              print this help

OPTIONS:
    -h, --help        print this help (after a command: that command's help)
    -V, --version     print the version

Everything runs locally; nothing is sent anywhere.";

/// `aims --help`: every command's lines between the head and the tail.
fn help() -> String {
    let mut out = String::from(HELP_HEAD);
    out.push('\n');
    for (_, usage) in COMMANDS {
        for line in usage.lines() {
            out.push_str("    ");
            out.push_str(line);
            out.push('\n');
        }
    }
    out.push_str(HELP_TAIL);
    out
}

/// `aims <command> --help`: the command's usage lines.
fn command_help(name: &str) -> Option<String> {
    COMMANDS.iter().find(|(n, _)| *n == name).map(|(n, usage)| {
        format!("aims {n}: usage\n\n{usage}\n\nRun `aims --help` for every command.")
    })
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    match run(&argv) {
        Ok(mut out) => {
            if !out.ends_with('\n') {
                out.push('\n');
            }
            // A closed pipe (`aims ... | head`) is not an error worth a panic.
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(out.as_bytes())
                .and_then(|()| stdout.flush())
            {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("aims: cannot write output: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Err(e) => {
            eprintln!("aims: {e}");
            ExitCode::from(2)
        }
    }
}

/// Runs one command and returns what to print (so tests can call it directly).
pub fn run(argv: &[String]) -> Result<String, String> {
    let Some((cmd, rest)) = argv.split_first() else {
        return Ok(help());
    };
    // `aims <command> --help` (or -h) anywhere among its arguments, and `aims help <command>`.
    if rest.iter().any(|a| a == "--help" || a == "-h") {
        if let Some(h) = command_help(cmd) {
            return Ok(h);
        }
    }
    match cmd.as_str() {
        "help" => match rest.first() {
            Some(c) => command_help(c)
                .ok_or_else(|| format!("unknown command {c:?}; run `aims --help` for the list")),
            None => Ok(help()),
        },
        "-h" | "--help" => Ok(help()),
        "-V" | "--version" => Ok(format!("aims {}", env!("CARGO_PKG_VERSION"))),
        "catalog" => catalog::run(rest),
        "score" => score::run(rest),
        "crosswalk" => crosswalk::run(rest),
        "roi" => roi::run(rest),
        "export" => export::run(rest),
        "plan" => plan::run(rest),
        "report" => report::run(rest),
        "cases" => cases::run(rest),
        "compare" => compare::run(rest),
        "share" => share::run(rest),
        other => Err(format!(
            "unknown command {other:?}; run `aims --help` for the list"
        )),
    }
}

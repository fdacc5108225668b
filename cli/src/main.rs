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
mod report;
mod roi;
mod score;
mod share;

use std::io::Write;
use std::process::ExitCode;

const HELP: &str = "\
aims — ISO/IEC 42001 readiness: gap scoring, NIST AI RMF crosswalk, ROI of certification

USAGE:
    aims <COMMAND> [ARGS] [OPTIONS]

COMMANDS:
    catalog <iso42001|nist-ai-rmf|crosswalk|quick-scan> [--format csv|json]
                      print a catalog
    catalog iso42001 --format oscal
                      the ISO/IEC 42001 ids and short titles as an OSCAL 1.1.2 catalog
    score FILE [--format text|json]
                      readiness report of an assessment file (- reads standard input):
                      scores, verdict, findings, Statement of Applicability, gaps, roadmap
    crosswalk FILE [--to nist-ai-rmf|iso42001] [--format json|csv]
                      ISO/IEC 42001 answers as NIST AI RMF coverage, or NIST AI RMF answers
                      as inferred ISO/IEC 42001 answers with their report
    roi [--assessment FILE] [--input FILE] [--seed N] [--trials N] [--format text|json]
                      3-year cost, benefit, NPV and ROI of certification with a Monte Carlo
                      (default 10,000 trials, seed 42) and a tornado; --input reads a JSON
                      inputs file (missing fields take sourced defaults), --assessment takes
                      the months and capacity from its roadmap (- reads standard input)
    roi --print-defaults [--input FILE] [--assessment FILE]
                      print the inputs as a JSON starting file for --input
    export FILE [--format csv|soa|oscal|json] [--date YYYY-MM-DD]
                      the assessment as CSV (one row per item), the Statement of
                      Applicability as CSV, OSCAL 1.1.2 assessment results, or JSON;
                      --date dates the OSCAL document (default today)
    report FILE [--date YYYY-MM-DD] [--roi] [--roi-input FILE]
                      the printable readiness report as Markdown; --roi adds the ROI
                      estimate (--roi-input: a JSON inputs file, as for `aims roi`)
    cases [ID] [--format text|json] [--start | --model | --roi-inputs]
                      the training cases: the list, a briefing and task, the file to
                      fill in, the model answer, or the case's ROI inputs
    compare LEARNER MODEL [--format text|json]
                      a learner's assessment checked against a model answer, item by
                      item, with a score; MODEL is a file or a case id
    share FILE        the assessment as a share-link token (for the app's URL fragment)
    share --decode TOKEN
                      the assessment a token or link holds, as JSON (- reads standard input)
    help              print this help

OPTIONS:
    -h, --help        print this help
    -V, --version     print the version

Everything runs locally; nothing is sent anywhere.";

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
        return Ok(HELP.to_string());
    };
    match cmd.as_str() {
        "-h" | "--help" | "help" => Ok(HELP.to_string()),
        "-V" | "--version" => Ok(format!("aims {}", env!("CARGO_PKG_VERSION"))),
        "catalog" => catalog::run(rest),
        "score" => score::run(rest),
        "crosswalk" => crosswalk::run(rest),
        "roi" => roi::run(rest),
        "export" => export::run(rest),
        "report" => report::run(rest),
        "cases" => cases::run(rest),
        "compare" => compare::run(rest),
        "share" => share::run(rest),
        other => Err(format!(
            "unknown command {other:?}; run `aims --help` for the list"
        )),
    }
}

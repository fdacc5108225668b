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

use args::{Args, Command};
use std::io::Write;
use std::process::ExitCode;

/// Every command, in the order of `aims --help`. A command is its module's declaration
/// (`args::Command`): adding one is a module and an entry here.
const COMMANDS: &[&Command] = &[
    &catalog::COMMAND,
    &score::COMMAND,
    &crosswalk::COMMAND,
    &roi::COMMAND,
    &export::COMMAND,
    &plan::COMMAND,
    &report::COMMAND,
    &cases::COMMAND,
    &compare::COMMAND,
    &share::COMMAND,
];

const HELP_HEAD: &str = "\
aims — ISO/IEC 42001 readiness: gap scoring, NIST AI RMF crosswalk, ROI of certification

USAGE:
    aims <COMMAND> [ARGS] [OPTIONS]
    aims <COMMAND> --help

COMMANDS:";

const HELP_TAIL: &str = "    help [COMMAND]
        This help, or a command's help.

OPTIONS:
    -h, --help        print this help (after a command: that command's help)
    -V, --version     print the version

Everything runs locally; nothing is sent anywhere.";

/// `aims --help`: every command's usage and summary between the head and the tail.
fn help() -> String {
    let mut out = String::from(HELP_HEAD);
    out.push('\n');
    for c in COMMANDS {
        c.summary(&mut out);
    }
    out.push_str(HELP_TAIL);
    out
}

fn command(name: &str) -> Result<&'static Command, String> {
    COMMANDS
        .iter()
        .copied()
        .find(|c| c.name == name)
        .ok_or_else(|| format!("unknown command {name:?}; run `aims --help` for the list"))
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
    match cmd.as_str() {
        "help" => match rest.first() {
            Some(c) => Ok(command(c)?.help()),
            None => Ok(help()),
        },
        "-h" | "--help" => Ok(help()),
        "-V" | "--version" => Ok(format!("aims {}", env!("CARGO_PKG_VERSION"))),
        name => {
            let command = command(name)?;
            // `--help` (or -h) anywhere among a command's arguments prints its help, even
            // next to arguments it would refuse.
            if rest.iter().any(|a| a == "--help" || a == "-h") {
                return Ok(command.help());
            }
            let args = Args::parse(rest, command.options)?;
            (command.run)(&args)
        }
    }
}

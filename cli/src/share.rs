//! `aims share FILE` prints an assessment's share-link token; `aims share --decode TOKEN`
//! (a token or a whole link, `-` for standard input) prints the assessment it holds
//! (docs/share-link.md).

use crate::args::{Args, Command, Opt, Takes};
use crate::input::read_assessment;
use aims_engine::share::{decode, encode};
use std::io::Read;

pub const COMMAND: Command = Command {
    name: "share",
    args: "[FILE]",
    about: "The assessment FILE as a share-link token (for the app's URL fragment), or with \
            --decode the assessment a token or link holds, as JSON (- reads standard input).",
    options: &[Opt {
        name: "decode",
        takes: Takes::Value("TOKEN"),
        help: "print the assessment a token or a whole link holds (- reads standard input)",
    }],
    run,
};

fn run(args: &Args) -> Result<String, String> {
    match args.value("decode") {
        None => {
            args.expect_positional(&["assessment file, or - for standard input"])?;
            let a = read_assessment(&args.positional[0])?;
            encode(&a).map_err(|e| e.to_string())
        }
        Some(token) => {
            args.expect_positional(&[])?;
            let token = if token == "-" {
                let mut s = String::new();
                std::io::stdin()
                    .read_to_string(&mut s)
                    .map_err(|e| format!("cannot read standard input: {e}"))?;
                s
            } else {
                token.to_string()
            };
            let (a, diagnostics) = decode(&token).map_err(|e| e.to_string())?;
            for d in &diagnostics {
                eprintln!("share link: {d}");
            }
            let errors = diagnostics.iter().filter(|d| d.is_error()).count();
            if errors > 0 {
                return Err(format!(
                    "share link: {errors} error(s) in the assessment (listed above)"
                ));
            }
            Ok(a.to_json())
        }
    }
}

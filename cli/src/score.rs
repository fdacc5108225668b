//! `aims score FILE --format json|text`: the readiness report of an assessment file.

use crate::args::Args;
use crate::input::read_assessment;
use aims_engine::readiness::score;

pub fn run(argv: &[String]) -> Result<String, String> {
    let args = Args::parse(argv, &[("format", true)])?;
    args.expect_positional(&["assessment file, or - for standard input"])?;
    let format = args.choice("format", &["json", "text"], "text")?;
    let report = score(&read_assessment(&args.positional[0])?);
    Ok(match format {
        "json" => report.to_json(),
        _ => report.to_text(),
    })
}

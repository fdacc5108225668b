//! `aims export FILE --format csv|soa|oscal|json [--date YYYY-MM-DD]`: an assessment in a
//! format for other tools (docs/exports.md).

use crate::args::Args;
use crate::clock::report_date;
use crate::input::read_assessment;
use aims_engine::export::{items_csv, oscal, soa_csv};

pub fn run(argv: &[String]) -> Result<String, String> {
    let args = Args::parse(argv, &[("format", true), ("date", true)])?;
    args.expect_positional(&["assessment file, or - for standard input"])?;
    let format = args.choice("format", &["csv", "soa", "oscal", "json"], "csv")?;
    // Check the date before reading the file, so a typo fails fast.
    let date = report_date(&args)?;
    let a = read_assessment(&args.positional[0])?;
    Ok(match format {
        "soa" => soa_csv(&a),
        "oscal" => oscal::assessment_results(&a, date),
        "json" => a.to_json(),
        _ => items_csv(&a),
    })
}

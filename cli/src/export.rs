//! `aims export FILE --format csv|soa|oscal|json [--date YYYY-MM-DD]`: an assessment in a
//! format for other tools (docs/exports.md).

use crate::args::{format, Args, Command, DATE};
use crate::clock::report_date;
use crate::input::read_assessment;
use aims_engine::export::{items_csv, oscal, soa_csv};

pub const COMMAND: Command = Command {
    name: "export",
    args: "FILE",
    about: "The assessment as CSV (one row per item), the Statement of Applicability as CSV \
            (soa), OSCAL 1.1.2 assessment results, or JSON (- reads standard input); --date \
            dates the OSCAL document.",
    options: &[format(&["csv", "soa", "oscal", "json"], "csv"), DATE],
    run,
};

fn run(args: &Args) -> Result<String, String> {
    args.expect_positional(&["assessment file, or - for standard input"])?;
    let format = args.choice("format")?;
    // Check the date before reading the file, so a typo fails fast.
    let date = report_date(args)?;
    let a = read_assessment(&args.positional[0])?;
    Ok(match format {
        "soa" => soa_csv(&a),
        "oscal" => oscal::assessment_results(&a, date),
        "json" => a.to_json(),
        _ => items_csv(&a),
    })
}

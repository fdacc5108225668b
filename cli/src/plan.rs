//! `aims plan FILE [--format json|csv|oscal|ics] [--date YYYY-MM-DD] [--order priority|due|owner]`:
//! the action plan of an assessment (docs/exports.md, "Action plan"). `--date` is "today" for
//! the overdue flags and dates the OSCAL document and the calendar (default today, UTC).

use crate::args::Args;
use crate::clock::report_date;
use crate::input::read_assessment;
use aims_engine::export::oscal;
use aims_engine::plan::{ics, plan, PlanOrder};

pub const USAGE: &str = "plan FILE [--format json|csv|oscal|ics] [--date YYYY-MM-DD] [--order priority|due|owner]\n                  the action plan: every gap with its owner, due date, status and\n                  evidence, overdue actions flagged against --date (default today);\n                  as JSON, CSV, an OSCAL 1.1.2 plan of action and milestones, or an\n                  iCalendar file of the due dates (--order sorts the JSON and CSV)";

pub fn run(argv: &[String]) -> Result<String, String> {
    let args = Args::parse(argv, &[("format", true), ("date", true), ("order", true)])?;
    args.expect_positional(&["assessment file, or - for standard input"])?;
    let format = args.choice("format", &["json", "csv", "oscal", "ics"], "json")?;
    let order = args.choice("order", &["priority", "due", "owner"], "priority")?;
    let order = PlanOrder::parse(order).unwrap_or(PlanOrder::Priority);
    // Check the date before reading the file, so a typo fails fast.
    let today = report_date(&args)?;
    let a = read_assessment(&args.positional[0])?;
    let mut p = plan(&a, today);
    p.actions = p.sorted(order).into_iter().cloned().collect();
    Ok(match format {
        "csv" => p.to_csv(),
        "oscal" => oscal::poam(&p, &a.to_json()),
        "ics" => ics::calendar(&p),
        _ => p.to_json(),
    })
}

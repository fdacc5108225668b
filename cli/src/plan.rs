//! `aims plan FILE [--format json|csv|oscal|ics] [--date YYYY-MM-DD] [--order priority|due|owner]`:
//! the action plan of an assessment (docs/exports.md, "Action plan"). `--date` is "today" for
//! the overdue flags and dates the OSCAL document and the calendar (default today, UTC).

use crate::args::{format, Args, Command, Opt, Takes};
use crate::clock::report_date;
use crate::input::read_assessment;
use aims_engine::export::{plan_export, PlanFormat};
use aims_engine::plan::PlanOrder;

pub const COMMAND: Command = Command {
    name: "plan",
    args: "FILE",
    about: "The action plan: every gap with its owner, due date, status and evidence, overdue \
            actions flagged against --date; as JSON, CSV, an OSCAL 1.1.2 plan of action and \
            milestones, or an iCalendar file of the due dates (- reads standard input).",
    options: &[
        format(&["json", "csv", "oscal", "ics"], "json"),
        Opt {
            name: "date",
            takes: Takes::Value("YYYY-MM-DD"),
            help: "today, for the overdue flags; also dates the OSCAL document and the calendar \
                   (default: today, UTC)",
        },
        Opt {
            name: "order",
            takes: Takes::Choice {
                choices: &["priority", "due", "owner"],
                default: "priority",
            },
            help: "the order of the actions in JSON and CSV",
        },
    ],
    run,
};

fn run(args: &Args) -> Result<String, String> {
    args.expect_positional(&["assessment file, or - for standard input"])?;
    // The choices are checked against the declaration above, which lists the engine's names.
    let format = PlanFormat::parse(args.choice("format")?).unwrap_or(PlanFormat::Json);
    let order = PlanOrder::parse(args.choice("order")?).unwrap_or(PlanOrder::Priority);
    // Check the date before reading the file, so a typo fails fast.
    let today = report_date(args)?;
    let a = read_assessment(&args.positional[0])?;
    Ok(plan_export(&a, today, order, format).into_text())
}

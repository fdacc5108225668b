//! The action plan in each of its formats, one call for every shell (`aims plan`, the JS API's
//! `plan`): built on a date, put in the order asked for, and written as JSON (the plan itself),
//! CSV, an OSCAL plan of action and milestones, or an iCalendar file of the due dates.

use super::{ics, oscal, ReportDate};
use crate::assessment::Assessment;
use crate::plan::{plan, Plan, PlanOrder};

/// A format of the action plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanFormat {
    /// The plan as data (its `to_json`).
    Json,
    Csv,
    /// An OSCAL 1.1.2 `plan-of-action-and-milestones` document.
    Oscal,
    /// An iCalendar file of the due dates.
    Ics,
}

impl PlanFormat {
    pub const ALL: [PlanFormat; 4] = [
        PlanFormat::Json,
        PlanFormat::Csv,
        PlanFormat::Oscal,
        PlanFormat::Ics,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PlanFormat::Json => "json",
            PlanFormat::Csv => "csv",
            PlanFormat::Oscal => "oscal",
            PlanFormat::Ics => "ics",
        }
    }

    pub fn parse(s: &str) -> Option<PlanFormat> {
        PlanFormat::ALL.into_iter().find(|f| f.as_str() == s.trim())
    }
}

/// The plan, or an export's text.
#[derive(Debug)]
pub enum PlanExport {
    Plan(Box<Plan>),
    Text(String),
}

impl PlanExport {
    /// As text: the plan's JSON, or the export.
    pub fn into_text(self) -> String {
        match self {
            PlanExport::Plan(p) => p.to_json(),
            PlanExport::Text(t) => t,
        }
    }
}

/// The action plan of `a` on `today`, its actions in `order`, in `format`.
pub fn plan_export(
    a: &Assessment,
    today: ReportDate,
    order: PlanOrder,
    format: PlanFormat,
) -> PlanExport {
    let mut p = plan(a, today);
    p.actions = p.sorted(order).into_iter().cloned().collect();
    match format {
        PlanFormat::Json => PlanExport::Plan(Box::new(p)),
        PlanFormat::Csv => PlanExport::Text(p.to_csv()),
        PlanFormat::Oscal => PlanExport::Text(oscal::poam(&p, &a.to_json())),
        PlanFormat::Ics => PlanExport::Text(ics::calendar(&p)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::Framework;

    #[test]
    fn every_format_has_its_name_and_its_writer() {
        for f in PlanFormat::ALL {
            assert_eq!(PlanFormat::parse(f.as_str()), Some(f));
        }
        assert_eq!(PlanFormat::parse("pdf"), None);
        let (a, _) = Assessment::read(
            r#"{"format": "aims-assessment", "version": 2, "answers": {"5.2": {"maturity": 1, "owner": "CEO", "due": "2026-01-15"}, "6.1.2": {"maturity": 2, "owner": "Anna", "due": "2026-03-01"}}}"#,
        )
        .unwrap();
        let today = ReportDate::parse("2026-02-01").unwrap();
        let PlanExport::Plan(p) = plan_export(&a, today, PlanOrder::Owner, PlanFormat::Json) else {
            panic!("json is the plan itself");
        };
        let owners: Vec<_> = p.actions.iter().map(|x| x.owner.clone()).collect();
        assert_eq!(owners[..2], [Some("Anna".into()), Some("CEO".into())]);
        let text = |f| plan_export(&a, today, PlanOrder::Priority, f).into_text();
        assert!(text(PlanFormat::Json).starts_with('{'));
        assert!(text(PlanFormat::Csv).contains("CEO"));
        assert!(text(PlanFormat::Oscal).contains("plan-of-action-and-milestones"));
        assert!(text(PlanFormat::Ics).starts_with("BEGIN:VCALENDAR"));
        // An empty assessment has an empty plan, in every format.
        let empty = Assessment::new(Framework::Iso42001);
        for f in PlanFormat::ALL {
            assert!(!plan_export(&empty, today, PlanOrder::Due, f)
                .into_text()
                .is_empty());
        }
    }
}

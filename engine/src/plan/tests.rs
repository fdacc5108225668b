use super::*;
use crate::assessment::Answer;

fn day(s: &str) -> ReportDate {
    ReportDate::parse(s).unwrap()
}

#[test]
fn an_empty_assessment_plans_every_item_from_scratch_with_nothing_assigned() {
    // Not assessed items are not gaps yet: nothing to plan.
    let p = plan(&Assessment::default(), day("2026-01-01"));
    assert!(p.actions.is_empty());
    assert_eq!(p.summary, PlanSummary::default());
}

#[test]
fn an_item_at_the_audit_level_leaves_the_plan() {
    let with = |m: u8| {
        let mut a = Assessment::default();
        if let crate::assessment::Answers::Iso42001(answers) = &mut a.answers {
            answers.insert(
                IsoId::parse("5.2").unwrap(),
                Answer {
                    owner: Some("CEO".into()),
                    due: Some("2026-02-01".into()),
                    ..Answer::rated(m)
                },
            );
        }
        plan(&a, day("2026-03-01"))
    };
    let p = with(1);
    assert_eq!(p.actions.len(), 1);
    assert!(p.actions[0].overdue);
    assert_eq!(p.actions[0].days_overdue, 28);
    assert!(with(3).actions.is_empty());
}

#[test]
fn due_today_is_not_overdue() {
    let mut a = Assessment::default();
    if let crate::assessment::Answers::Iso42001(m) = &mut a.answers {
        m.insert(
            IsoId::parse("5.2").unwrap(),
            Answer {
                due: Some("2026-02-01".into()),
                ..Answer::rated(2)
            },
        );
    }
    let p = plan(&a, day("2026-02-01"));
    assert!(!p.actions[0].overdue);
    assert_eq!(p.summary.unassigned, 1);
    assert_eq!(PlanOrder::parse("owner"), Some(PlanOrder::Owner));
}

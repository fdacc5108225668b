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

#[test]
fn the_view_filters_by_owner_and_overdue_and_lists_each_owner_once() {
    let mut a = Assessment::default();
    if let crate::assessment::Answers::Iso42001(m) = &mut a.answers {
        let mut put = |id: &str, owner: Option<&str>, due: Option<&str>| {
            m.insert(
                IsoId::parse(id).unwrap(),
                Answer {
                    owner: owner.map(str::to_string),
                    due: due.map(str::to_string),
                    ..Answer::rated(1)
                },
            );
        };
        put("5.2", Some("DPO"), Some("2026-01-10"));
        put("6.1.2", Some(" dpo "), Some("2026-09-01"));
        put("6.1.3", Some("CEO"), None);
        put("7.2", None, Some("2026-01-01"));
    }
    let p = plan(&a, day("2026-02-01"));
    assert_eq!(p.owners(), vec!["CEO", "DPO"]);
    let ids = |f: &PlanFilter| -> Vec<&str> {
        p.shown(PlanOrder::Due, f)
            .iter()
            .map(|x| x.item.as_str())
            .collect()
    };
    assert_eq!(
        ids(&PlanFilter::default()),
        vec!["7.2", "5.2", "6.1.2", "6.1.3"]
    );
    let dpo = PlanFilter {
        owner: OwnerFilter::Named("dpo".into()),
        ..PlanFilter::default()
    };
    assert_eq!(ids(&dpo), vec!["5.2", "6.1.2"]);
    let overdue = PlanFilter {
        overdue_only: true,
        ..PlanFilter::default()
    };
    assert_eq!(ids(&overdue), vec!["7.2", "5.2"]);
    let dpo_overdue = PlanFilter {
        overdue_only: true,
        ..dpo
    };
    assert_eq!(ids(&dpo_overdue), vec!["5.2"]);
    let unassigned = PlanFilter {
        owner: OwnerFilter::Unassigned,
        ..PlanFilter::default()
    };
    assert_eq!(ids(&unassigned), vec!["7.2"]);
}

//! The reference organisations of the judgement rules (docs/scoring.md): what a lead auditor
//! following ISO/IEC 17021-1 would sign.

// Helpers outside #[test] fns unwrap too: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

use aims_engine::assessment::{
    AiSystem, Answer, Answers, Assessment, DiagnosticSeverity, IsoAnswers, Origin, SystemAnswer,
};
use aims_engine::catalog::{AiRole, IsoId};
use aims_engine::readiness::score;
use aims_engine::scoring::{FindingSeverity, Priority, Report, SoaStatus, Verdict};

fn id(s: &str) -> IsoId {
    IsoId::parse(s).unwrap()
}

/// Every assessable item at `m`, with evidence (so that no observation clutters the findings).
fn all_at(m: u8) -> IsoAnswers {
    IsoId::assessable()
        .map(|i| {
            (
                i,
                Answer {
                    evidence: vec!["record".into()],
                    ..Answer::rated(m)
                },
            )
        })
        .collect()
}

fn assessment(answers: IsoAnswers) -> Assessment {
    Assessment {
        answers: Answers::Iso42001(answers),
        ..Assessment::default()
    }
}

fn nonconformities(r: &Report) -> Vec<(String, FindingSeverity, Vec<String>)> {
    r.findings
        .iter()
        .filter(|f| f.severity != FindingSeverity::Observation)
        .map(|f| {
            (
                f.item.to_string(),
                f.severity,
                f.related.iter().map(|i| i.to_string()).collect(),
            )
        })
        .collect()
}

#[test]
fn one_item_rated_is_incomplete_never_ready() {
    let mut answers = IsoAnswers::new();
    answers.insert(id("5.2"), Answer::rated(3));
    let r = score(&assessment(answers));
    assert_eq!(r.verdict, Verdict::Incomplete);
    assert_eq!(
        (r.completeness.assessed, r.completeness.applicable),
        (1, 70)
    );
    assert_eq!(r.completeness.required, 63);
    assert!(r.completeness.missing_critical.contains(&id("4.3")));
    let text = r.verdict_reason.to_string();
    assert!(
        text.starts_with("Not enough answers for a verdict: 1 of 70"),
        "{text}"
    );
    assert!(text.contains("62 more answers are needed"), "{text}");
    assert!(
        text.contains("Critical items still to assess: 4.3"),
        "{text}"
    );
}

#[test]
fn everything_at_2_with_target_2_is_not_ready_and_every_item_has_a_finding() {
    let answers: IsoAnswers = all_at(2)
        .into_iter()
        .map(|(i, a)| {
            (
                i,
                Answer {
                    target: Some(2),
                    ..a
                },
            )
        })
        .collect();
    let r = score(&assessment(answers));
    assert!(!r.verdict.is_positive());
    assert_eq!(
        r.verdict,
        Verdict::NotReady,
        "systemic majors in the groups"
    );
    let covered: std::collections::BTreeSet<IsoId> =
        r.findings.iter().flat_map(|f| f.items()).collect();
    assert_eq!(covered.len(), 70, "every item has a finding");
    assert_eq!(r.gaps.len(), 70);
    assert!(r.ambition_gaps.is_empty());
    assert!(r
        .statement_of_applicability
        .iter()
        .all(|row| row.status == SoaStatus::PartiallyImplemented));
    assert_eq!(r.readiness, Some(66.7));
    assert_eq!(r.against_target, Some(100.0));
    assert_eq!(r.notes.len(), 1, "the target below 3 is noted");
    assert!(r.notes[0]
        .to_string()
        .contains("70 items have a target below level 3"));
}

#[test]
fn everything_at_3_with_target_4_is_ready_with_the_ambition_apart() {
    let answers: IsoAnswers = all_at(3)
        .into_iter()
        .map(|(i, a)| {
            (
                i,
                Answer {
                    target: Some(4),
                    ..a
                },
            )
        })
        .collect();
    let r = score(&assessment(answers));
    assert_eq!(r.verdict, Verdict::Ready);
    assert!(r.findings.is_empty());
    assert!(r.gaps.is_empty());
    assert_eq!(r.ambition_gaps.len(), 70);
    assert!(r
        .ambition_gaps
        .iter()
        .all(|g| g.priority == Priority::Low && g.finding.is_none() && g.target == 4));
    assert_eq!(r.readiness, Some(100.0));
    assert_eq!(r.against_target, Some(75.0));
    // The roadmap lists the ambition as continual improvement, under surveillance.
    let surveillance = r
        .roadmap
        .phases
        .iter()
        .find(|p| p.id == aims_engine::scoring::PhaseId::Surveillance)
        .unwrap();
    assert_eq!(surveillance.gaps.len(), 70);
}

#[test]
fn no_ai_policy_is_exactly_one_major_on_5_2() {
    let mut answers = all_at(3);
    for s in ["5.2", "A.2.2", "A.2.4"] {
        answers.insert(id(s), Answer::rated(0));
    }
    let r = score(&assessment(answers));
    assert_eq!(r.verdict, Verdict::NotReady);
    assert_eq!(
        nonconformities(&r),
        [(
            "5.2".to_string(),
            FindingSeverity::Major,
            vec!["A.2.2".to_string(), "A.2.4".to_string()]
        )]
    );
    let f = &r.findings[0];
    assert_eq!(f.reason.rule(), "root_cause");
    assert!(f
        .reason
        .to_string()
        .starts_with("AI policy: 5.2 at 0, A.2.2 at 0, A.2.4 at 0."));
    // Each item is still a gap, all three blocking certification.
    let blocking: Vec<&str> = r.gaps.iter().map(|g| g.item.as_str()).collect();
    assert_eq!(blocking, ["5.2", "A.2.2", "A.2.4"]);
    assert!(r.gaps.iter().all(|g| g.priority == Priority::Critical));
}

#[test]
fn three_minors_under_unrelated_requirements_stay_three_minors() {
    let mut answers = all_at(3);
    for s in ["7.1", "7.2", "7.4"] {
        answers.insert(id(s), Answer::rated(2));
    }
    let r = score(&assessment(answers));
    assert_eq!(r.verdict, Verdict::ReadyWithCorrectiveActions);
    let got: Vec<(String, FindingSeverity)> = nonconformities(&r)
        .into_iter()
        .map(|(i, s, _)| (i, s))
        .collect();
    assert_eq!(
        got,
        [
            ("7.1".to_string(), FindingSeverity::Minor),
            ("7.2".to_string(), FindingSeverity::Minor),
            ("7.4".to_string(), FindingSeverity::Minor)
        ]
    );
}

#[test]
fn an_unjustified_exclusion_is_a_minor_on_6_1_3_naming_the_control() {
    let mut answers = all_at(3);
    answers.insert(
        id("A.10.3"),
        Answer {
            applicable: false,
            ..Answer::default()
        },
    );
    let r = score(&assessment(answers));
    assert_eq!(r.verdict, Verdict::ReadyWithCorrectiveActions);
    assert_eq!(
        nonconformities(&r),
        [(
            "6.1.3".to_string(),
            FindingSeverity::Minor,
            vec!["A.10.3".to_string()]
        )]
    );
    assert!(r.findings[0]
        .reason
        .to_string()
        .contains("excludes A.10.3 without a justification"));
    let row = r
        .statement_of_applicability
        .iter()
        .find(|row| row.id == id("A.10.3"))
        .unwrap();
    assert_eq!(row.status, SoaStatus::ExclusionNotJustified);
}

#[test]
fn an_exclusion_a_clause_forbids_is_refused_naming_both() {
    let text = r#"{"format": "aims-assessment", "version": 1,
        "answers": {"A.2.2": {"applicable": false, "justification": "we do not need it"}}}"#;
    let (a, diags) = Assessment::read(text).unwrap();
    let errors: Vec<String> = diags
        .iter()
        .filter(|d| d.severity == DiagnosticSeverity::Error)
        .map(|d| d.to_string())
        .collect();
    assert_eq!(errors.len(), 1, "{diags:?}");
    assert!(
        errors[0].contains("A.2.2 cannot be excluded: clause 5.2 requires an AI policy"),
        "{}",
        errors[0]
    );
    // The control stays in scope.
    assert!(a.iso_answers().unwrap()[&id("A.2.2")].applicable);
    // Built in code, the exclusion is ignored by scoring as well.
    let mut answers = all_at(3);
    answers.insert(id("A.2.2"), Answer::excluded("we do not need it"));
    let r = score(&assessment(answers));
    assert_eq!(r.excluded, 0);
}

#[test]
fn the_soa_gives_a_reason_for_every_included_control() {
    let mut answers = all_at(3);
    answers.insert(
        id("A.7.5"),
        Answer {
            reason: Some("Customers require data lineage in contracts.".into()),
            ..Answer::rated(3)
        },
    );
    answers.insert(id("A.10.4"), Answer::excluded("No customers use our AI"));
    let r = score(&assessment(answers));
    for row in &r.statement_of_applicability {
        match row.status {
            SoaStatus::Excluded => assert!(row.reason_for_inclusion.is_none()),
            _ => assert!(row.reason_for_inclusion.is_some(), "{}", row.id),
        }
    }
    let reason = |s: &str| {
        r.statement_of_applicability
            .iter()
            .find(|row| row.id == id(s))
            .unwrap()
            .reason_for_inclusion
            .clone()
            .unwrap()
    };
    assert_eq!(
        reason("A.7.5"),
        "Customers require data lineage in contracts."
    );
    assert!(reason("A.6.2.8").starts_with("Included because "));
}

#[test]
fn a_customer_only_profile_proposes_development_exclusions_never_applied() {
    let mut a = assessment(all_at(3));
    a.profile.roles = vec![AiRole::Customer];
    let r = score(&a);
    let proposed: Vec<&str> = r
        .proposed_exclusions
        .iter()
        .map(|p| p.item.as_str())
        .collect();
    assert!(proposed.contains(&"A.6.1.3"), "{proposed:?}");
    assert!(!proposed.contains(&"A.9.2"), "use of AI stays applicable");
    assert!(r
        .proposed_exclusions
        .iter()
        .all(|p| !p.justification.is_empty()));
    // Proposed, not applied.
    assert_eq!(r.excluded, 0);
    // A builder gets no proposals; neither does a control the user kept with a reason.
    a.profile.roles = vec![AiRole::Producer, AiRole::Customer];
    assert!(score(&a).proposed_exclusions.is_empty());
    a.profile.roles = vec![AiRole::Customer];
    if let Answers::Iso42001(m) = &mut a.answers {
        m.get_mut(&id("A.6.1.3")).unwrap().reason = Some("We fine-tune models".into());
    }
    assert!(!score(&a)
        .proposed_exclusions
        .iter()
        .any(|p| p.item == id("A.6.1.3")));
}

#[test]
fn a_very_immature_organisation_is_not_ready_for_stage_1() {
    let r = score(&assessment(all_at(0)));
    let text = r.verdict_reason.to_string();
    assert!(text.starts_with("Not ready for a Stage 1 audit:"), "{text}");
    assert!(text.contains("Blockers: 4.1, 4.2, 4.3"), "{text}");
}

#[test]
fn gaps_put_what_blocks_certification_first() {
    let mut answers = all_at(3);
    // A high item at 1 (a minor) and a critical item aiming for 5 (ambition).
    answers.insert(id("4.1"), Answer::rated(1));
    answers.insert(
        id("5.1"),
        Answer {
            target: Some(5),
            ..Answer::rated(3)
        },
    );
    let r = score(&assessment(answers));
    assert_eq!(r.gaps.len(), 1);
    assert_eq!(r.gaps[0].item, id("4.1"));
    assert_eq!(r.gaps[0].finding, Some(FindingSeverity::Minor));
    assert_eq!(r.ambition_gaps[0].item, id("5.1"));
}

#[test]
fn nist_answers_at_target_never_give_a_positive_verdict() {
    // The management-system items the AI RMF does not address stay unassessed, so the ordinary
    // completeness rule withholds the verdict until the user rates them.
    let path = format!(
        "{}/tests/fixtures/nist-all-at-target.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let (a, _) = Assessment::read(&std::fs::read_to_string(path).unwrap()).unwrap();
    let r = score(&a);
    assert!(!r.verdict.is_positive(), "{:?}", r.verdict);
    for s in ["9.2.1", "7.5.3", "10.2"] {
        assert!(r.not_assessed.contains(&id(s)), "{s} is rated");
    }
}

fn system(id: &str, origin: Origin) -> AiSystem {
    AiSystem {
        id: id.to_string(),
        name: Some(format!("System {id}")),
        origin: Some(origin),
        ..AiSystem::default()
    }
}

/// The proposed exclusions of one profile, one line per control: id, basis.
fn proposals(roles: &[AiRole], systems: &[AiSystem]) -> String {
    let mut a = assessment(all_at(3));
    a.profile.roles = roles.to_vec();
    a.profile.systems = systems.to_vec();
    score(&a)
        .proposed_exclusions
        .iter()
        .map(|p| format!("{} {:?}\n", p.item, p.basis))
        .collect()
}

#[test]
fn proposed_exclusions_for_each_role_and_profile() {
    let supplied = [system("a", Origin::Supplied), system("b", Origin::Supplied)];
    let mixed = [system("a", Origin::Supplied), system("b", Origin::InHouse)];
    let mut out = String::new();
    for role in AiRole::ALL {
        out += &format!("{}:\n{}", role.as_str(), proposals(&[role], &[]));
    }
    out += &format!("no roles, supplier-only:\n{}", proposals(&[], &supplied));
    out += &format!(
        "ai_provider, supplier-only:\n{}",
        proposals(&[AiRole::Provider], &supplied)
    );
    out += &format!(
        "ai_producer, supplier-only:\n{}",
        proposals(&[AiRole::Producer], &supplied)
    );
    out += &format!(
        "ai_customer, one in-house system:\n{}",
        proposals(&[AiRole::Customer], &mixed)
    );
    expect_test::expect![[r#"
        ai_provider:
        ai_producer:
        ai_customer:
        A.6.1.2 Roles
        A.6.1.3 Roles
        A.6.2.3 Roles
        A.7.2 Roles
        ai_partner:
        no roles, supplier-only:
        A.6.1.2 SuppliedSystems
        A.6.1.3 SuppliedSystems
        A.6.2.3 SuppliedSystems
        A.7.2 SuppliedSystems
        ai_provider, supplier-only:
        A.6.1.2 SuppliedSystems
        A.6.1.3 SuppliedSystems
        A.6.2.3 SuppliedSystems
        A.7.2 SuppliedSystems
        ai_producer, supplier-only:
        ai_customer, one in-house system:
    "#]]
    .assert_eq(&out);
}

#[test]
fn per_system_answers_take_the_lowest_and_findings_name_the_system() {
    let mut answers = all_at(3);
    let a52 = answers.get_mut(&id("A.5.2")).unwrap();
    a52.systems.insert(
        "chatbot".into(),
        SystemAnswer {
            maturity: Some(1),
            ..SystemAnswer::default()
        },
    );
    a52.systems.insert(
        "scoring".into(),
        SystemAnswer {
            maturity: Some(4),
            ..SystemAnswer::default()
        },
    );
    let mut a = assessment(answers);
    a.profile.systems = vec![
        AiSystem {
            name: Some("Support chatbot".into()),
            ..system("chatbot", Origin::Supplied)
        },
        system("scoring", Origin::InHouse),
    ];
    let r = score(&a);
    let f = r
        .findings
        .iter()
        .find(|f| f.items().any(|i| i == id("A.5.2")))
        .unwrap();
    assert_eq!(f.systems, ["Support chatbot"]);
    let soa = r
        .statement_of_applicability
        .iter()
        .find(|row| row.id == id("A.5.2"))
        .unwrap();
    assert_eq!(soa.maturity, Some(1));
    let json = serde_json::to_value(&r.findings).unwrap();
    assert!(json
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["systems"][0] == "Support chatbot"));
}

#[test]
fn the_roadmap_is_sized_by_the_inventory() {
    let effort = |a: &Assessment| score(a).roadmap.effort.person_days;
    let mut one = assessment(all_at(1));
    one.organisation.ai_systems_in_scope = Some(1);
    let mut listed = one.clone();
    listed.profile.systems = (0..12)
        .map(|i| system(&i.to_string(), Origin::InHouse))
        .collect();
    let mut stated = one.clone();
    stated.organisation.ai_systems_in_scope = Some(12);
    assert!(effort(&listed) > effort(&one));
    assert_eq!(effort(&listed), effort(&stated));
}

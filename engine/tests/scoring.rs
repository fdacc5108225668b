//! The readiness report of the reference organisations in tests/fixtures/: the behaviour the
//! issue asks for, plus a snapshot of each full report (tests/snapshots/, rewritten with
//! `UPDATE_EXPECT=1` after an intended change, then reviewed in the diff).

// Helpers outside #[test] fns unwrap too: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

use aims_engine::assessment::{Answer, Assessment};
use aims_engine::catalog::IsoId;
use aims_engine::readiness::score;
use aims_engine::scoring::{FindingSeverity, PhaseId, Priority, Report, SoaStatus, Verdict};
use expect_test::expect_file;

fn fixture(name: &str) -> Assessment {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    let (a, diags) = Assessment::read(&text).unwrap();
    assert!(diags.is_empty(), "{name}: {diags:?}");
    a
}

fn id(s: &str) -> IsoId {
    IsoId::parse(s).unwrap()
}

fn count(r: &Report, severity: FindingSeverity) -> usize {
    r.findings.iter().filter(|f| f.severity == severity).count()
}

#[test]
fn techserve_at_month_one_is_not_ready_with_policy_and_risk_on_top() {
    let r = score(&fixture("techserve-month1.json"));
    assert_eq!(r.verdict, Verdict::NotReady);
    assert!(!r.provisional);
    let top: Vec<&str> = r.gaps.iter().take(8).map(|g| g.item.as_str()).collect();
    for must in ["5.2", "6.1.2"] {
        assert!(top.contains(&must), "{must} not among the top gaps {top:?}");
        let gap = r.gaps.iter().find(|g| g.item == id(must)).unwrap();
        assert_eq!(gap.priority, Priority::Critical, "{must}");
    }
    // The ISO/IEC 27001 certificate shortens the plan.
    let credit = r.roadmap.certificate_credit.expect("27001 credit");
    assert!(credit.months_saved > 0);
    expect_file!["snapshots/techserve-month1.report.json"].assert_eq(&r.to_json());
    expect_file!["snapshots/techserve-month1.report.txt"].assert_eq(&r.to_text());
}

#[test]
fn everything_at_target_is_ready() {
    let r = score(&fixture("all-at-target.json"));
    assert_eq!((r.verdict, r.provisional), (Verdict::Ready, false));
    assert_eq!(
        (r.readiness, r.management_system, r.controls),
        (Some(100.0), Some(100.0), Some(100.0))
    );
    assert_eq!(
        (
            count(&r, FindingSeverity::Major),
            count(&r, FindingSeverity::Minor)
        ),
        (0, 0)
    );
    assert!(r.gaps.is_empty());
    assert!(r
        .roadmap
        .phases
        .iter()
        .all(|p| p.id != PhaseId::Implementation));
    assert!(r
        .statement_of_applicability
        .iter()
        .all(|row| row.status == SoaStatus::Implemented));
    expect_file!["snapshots/all-at-target.report.json"].assert_eq(&r.to_json());
}

#[test]
fn everything_at_zero_is_not_ready() {
    let r = score(&fixture("all-zero.json"));
    assert_eq!(r.verdict, Verdict::NotReady);
    assert_eq!(
        (r.readiness, r.management_system, r.controls),
        (Some(0.0), Some(0.0), Some(0.0))
    );
    // 70 items at 0, but the 24 items of the 7 root-cause groups are written up once per group.
    assert_eq!(count(&r, FindingSeverity::Major), 70 - 24 + 7);
    assert_eq!(r.gaps.len(), 70);
    assert!(r.verdict_reason.not_ready_for_stage1());
    // No employees given: the reference organisation (150 people) with the default capacity,
    // from nothing: 12 months of implementation, within the published 12-18 months in all.
    assert_eq!(r.roadmap.implementation_months, 12);
    assert!((12..=18).contains(&r.roadmap.total_months));
    expect_file!["snapshots/all-zero.report.txt"].assert_eq(&r.to_text());
}

#[test]
fn one_below_target_gives_exactly_that_minor() {
    let r = score(&fixture("one-below.json"));
    assert_eq!(r.verdict, Verdict::ReadyWithCorrectiveActions);
    let nonconformities: Vec<(&str, FindingSeverity)> = r
        .findings
        .iter()
        .filter(|f| f.severity != FindingSeverity::Observation)
        .map(|f| (f.item.as_str(), f.severity))
        .collect();
    assert_eq!(nonconformities, [("7.2", FindingSeverity::Minor)]);
    assert_eq!(r.gaps.len(), 1);
    expect_file!["snapshots/one-below.report.txt"].assert_eq(&r.to_text());
}

#[test]
fn the_issue_example_is_provisional() {
    let r = score(&fixture("issue-example.json"));
    assert!(r.provisional);
    assert_eq!(r.verdict, Verdict::NotReady); // 5.2 at 0 is a major
    assert_eq!((r.answered, r.total, r.excluded), (4, 70, 1));
    let row = r
        .statement_of_applicability
        .iter()
        .find(|row| row.id == id("A.10.4"))
        .unwrap();
    assert_eq!((row.applicable, row.status), (false, SoaStatus::Excluded));
    assert_eq!(
        row.justification.as_deref(),
        Some("No customers use our AI systems")
    );
    expect_file!["snapshots/issue-example.report.txt"].assert_eq(&r.to_text());
}

#[test]
fn an_empty_assessment_has_no_scores_and_no_verdict_of_ready() {
    let r = score(&Assessment::default());
    assert_eq!(
        (r.readiness, r.management_system, r.controls),
        (None, None, None)
    );
    assert_eq!(
        (r.verdict, r.provisional, r.answered),
        (Verdict::Incomplete, true, 0)
    );
    assert_eq!(r.not_assessed.len(), 70);
    assert!(r.findings.is_empty() && r.gaps.is_empty());
    assert_eq!(
        r.verdict_reason.to_string(),
        "Nothing is assessed yet: a verdict needs at least 90% of the applicable items (63 of 70) and every critical one."
    );
}

/// Every case: answers as (id, answer) → the findings as `item severity rule` lines.
#[test]
fn finding_rules() {
    fn check(answers: &[(&str, Answer)], expected: &[&str]) {
        let mut a = fixture("all-at-target.json");
        if let aims_engine::assessment::Answers::Iso42001(m) = &mut a.answers {
            for (k, v) in answers {
                m.insert(id(k), v.clone());
            }
        }
        let r = score(&a);
        let got: Vec<String> = r
            .findings
            .iter()
            .filter(|f| {
                f.severity != FindingSeverity::Observation
                    || answers.iter().any(|(k, _)| id(k) == f.item)
            })
            .map(|f| format!("{} {} {}", f.item, f.severity.as_str(), f.reason.rule()))
            .collect();
        assert_eq!(got, expected, "{answers:?}");
    }
    let with_evidence = |m: u8| Answer {
        evidence: vec!["doc".into()],
        ..Answer::rated(m)
    };
    check(&[("5.2", Answer::rated(0))], &["5.2 major absent"]);
    check(&[("A.7.4", Answer::rated(0))], &["A.7.4 major absent"]);
    check(&[("5.2", Answer::rated(1))], &["5.2 major critical_ad_hoc"]); // 5.2 is critical
    check(
        &[("7.2", Answer::rated(1))],
        &["7.2 minor below_audit_level"],
    ); // 7.2 is medium
    check(
        &[("5.2", with_evidence(2))],
        &["5.2 minor below_audit_level"],
    );
    check(
        &[("5.2", Answer::rated(3))],
        &["5.2 observation no_evidence"],
    );
    check(&[("5.2", with_evidence(3))], &[]);
    // A target above 3 is an ambition: a gap, not a finding.
    check(
        &[(
            "7.2",
            Answer {
                target: Some(4),
                ..Answer::rated(3)
            },
        )],
        &[],
    );
    check(
        &[(
            "A.10.4",
            Answer {
                applicable: false,
                ..Answer::default()
            },
        )],
        &["6.1.3 minor unjustified_exclusion"],
    );
    check(&[("A.10.4", Answer::excluded("No customers"))], &[]);
    // Minors under different requirements of one clause stay separate.
    check(
        &[
            ("7.2", Answer::rated(2)),
            ("7.3", Answer::rated(2)),
            ("7.4", Answer::rated(1)),
        ],
        &[
            "7.2 minor below_audit_level",
            "7.3 minor below_audit_level",
            "7.4 minor below_audit_level",
        ],
    );
    // Three minors under one root cause are one systemic major.
    check(
        &[
            ("7.5.1", Answer::rated(2)),
            ("7.5.2", Answer::rated(2)),
            ("7.5.3", Answer::rated(1)),
        ],
        &["7.5.1 major systemic"],
    );
    // Two minors of one root cause are one minor.
    check(
        &[("9.2.1", Answer::rated(2)), ("9.2.2", Answer::rated(2))],
        &["9.2.1 minor root_cause"],
    );
    // One quick-scan answer is one piece of evidence, however many items it set.
    let qs = |m: u8| Answer {
        quick_scan: Some("q09".into()),
        ..Answer::rated(m)
    };
    check(
        &[("7.5.1", qs(2)), ("7.5.2", qs(2)), ("7.5.3", qs(2))],
        &["7.5.1 minor root_cause"],
    );
    // A target below 3 does not lower the bar.
    check(
        &[(
            "7.2",
            Answer {
                target: Some(2),
                ..Answer::rated(2)
            },
        )],
        &["7.2 minor below_audit_level"],
    );
}

#[test]
fn a_capacity_raises_or_lowers_the_implementation_time() {
    let mut a = fixture("techserve-month1.json");
    let months = |a: &Assessment| score(a).roadmap.implementation_months;
    a.planning = Some(aims_engine::assessment::Planning {
        people: Some(1.0),
        share_of_time: Some(0.25),
        ..Default::default()
    });
    let slow = months(&a);
    a.planning = Some(aims_engine::assessment::Planning {
        people: Some(4.0),
        share_of_time: Some(1.0),
        ..Default::default()
    });
    let fast = months(&a);
    assert!(
        fast < slow && (1..=18).contains(&fast) && slow <= 18,
        "{fast} {slow}"
    );
    a.organisation.certifications.clear();
    assert!(months(&a) >= fast);
}

/// Reference cases of the Stage 1 checklist: every item at level 3 with evidence lists every
/// document as present; an empty assessment lists every document as missing.
#[test]
fn stage1_checklist_reference_cases() {
    use aims_engine::assessment::Answers;
    use aims_engine::catalog::Stage1Document;
    use aims_engine::scoring::DocumentStatus;
    let all = IsoId::assessable()
        .map(|i| {
            (
                i,
                Answer {
                    evidence: vec!["record".into()],
                    ..Answer::rated(3)
                },
            )
        })
        .collect();
    let full = Assessment {
        answers: Answers::Iso42001(all),
        ..Assessment::default()
    };
    let r = score(&full);
    assert_eq!(r.stage1_checklist.len(), Stage1Document::all().len());
    assert!(r
        .stage1_checklist
        .iter()
        .all(|e| e.status == DocumentStatus::Present));
    let r = score(&Assessment::default());
    assert_eq!(r.stage1_checklist.len(), Stage1Document::all().len());
    assert!(r
        .stage1_checklist
        .iter()
        .all(|e| e.status == DocumentStatus::Missing));
    // The same scope document is listed first when nothing is in place (catalog order).
    assert_eq!(r.stage1_checklist[0].clauses, &[id("4.3")]);
}

/// The quick scan's summary is the full report's score, verdict, answered items and first
/// three gaps, for every reference organisation and training case (NIST AI RMF ones have none:
/// the quick scan answers ISO/IEC 42001 items only).
#[test]
fn the_quick_scan_summary_equals_the_full_report_on_every_fixture_and_case() {
    use aims_engine::assessment::Framework;
    use aims_engine::quick_scan::{summary, Summary};
    let dir = format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    let mut assessments: Vec<(String, Assessment)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .map(|name| (name.clone(), fixture(&name)))
        .collect();
    for case in aims_engine::training::cases() {
        assessments.push((format!("case {} (model)", case.id), case.model()));
        assessments.push((format!("case {} (start)", case.id), case.start()));
    }
    let mut iso = 0;
    for (name, a) in &assessments {
        let s = summary(a);
        if a.framework() == Framework::NistAiRmf {
            assert_eq!(s, None, "{name}");
            continue;
        }
        iso += 1;
        let full = score(a);
        assert_eq!(s, Some(Summary::of(&full)), "{name}");
        let s = s.unwrap();
        assert_eq!(s.top_gaps.len(), full.gaps.len().min(3), "{name}");
        assert_eq!(s.verdict_reason.completeness, full.completeness, "{name}");
    }
    assert!(iso >= 6, "{iso} ISO/IEC 42001 assessments compared");
}

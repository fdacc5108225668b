//! The built-in training cases: every model answer is a complete, valid assessment that scores
//! as its briefing implies, a model compared with itself scores 100, and a snapshot of one
//! comparison (tests/snapshots/, rewritten with `UPDATE_EXPECT=1`).

#![allow(clippy::unwrap_used)]

use aims_engine::assessment::{Answer, Assessment};
use aims_engine::catalog::IsoId;
use aims_engine::readiness::score;
use aims_engine::scoring::{FindingSeverity, Verdict};
use aims_engine::training::{case, cases, compare, Agreement, Rating};
use expect_test::expect_file;

#[test]
fn every_model_answer_reads_cleanly_and_answers_all_70_items() {
    assert!(cases().len() >= 4);
    let mut ids: Vec<&str> = cases().iter().map(|c| c.id).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), cases().len(), "case ids are unique");
    for c in cases() {
        let (a, diags) = Assessment::read(c.model_json()).unwrap();
        assert!(diags.is_empty(), "{}: {diags:?}", c.id);
        assert_eq!(a, c.model());
        let r = score(&a);
        assert_eq!((r.answered, r.total), (70, 70), "{}", c.id);
        assert!(!r.provisional, "{}", c.id);
        let answers = a.iso_answers().unwrap();
        for id in IsoId::assessable() {
            let answer = &answers[&id];
            let why = if answer.applicable {
                answer.note.as_deref()
            } else {
                answer.justification()
            };
            assert!(
                why.is_some_and(|w| w.len() >= 20),
                "{}: {id} has no explanation",
                c.id
            );
        }
        for text in [c.title, c.summary, c.briefing, c.task, c.lesson] {
            assert!(!text.trim().is_empty(), "{}", c.id);
        }
        assert!(
            c.briefing.split("\n\n").count() >= 4,
            "{}: several paragraphs",
            c.id
        );
        let start = c.start();
        assert_eq!(start.organisation, a.organisation);
        assert!(start.answers.is_empty());
    }
}

#[test]
fn techserve_month_1_is_not_ready() {
    let r = score(&case("techserve-month-1").unwrap().model());
    assert_eq!(r.verdict, Verdict::NotReady);
    // The article's gap-assessment findings: no policy, no risk assessment process; the
    // policy control is written up with the policy clause (one root cause).
    for id in ["5.2", "6.1.2", "A.2.2"] {
        assert!(
            r.findings.iter().any(
                |f| f.items().any(|i| i.as_str() == id) && f.severity == FindingSeverity::Major
            ),
            "{id}"
        );
    }
    let policy = r
        .findings
        .iter()
        .find(|f| f.item.as_str() == "5.2")
        .unwrap();
    assert!(policy.related.iter().any(|i| i.as_str() == "A.2.2"));
}

#[test]
fn techserve_month_9_has_exactly_the_monitoring_minor() {
    let r = score(&case("techserve-month-9").unwrap().model());
    assert_eq!(r.verdict, Verdict::ReadyWithCorrectiveActions);
    let findings: Vec<(&str, FindingSeverity)> = r
        .findings
        .iter()
        .map(|f| (f.item.as_str(), f.severity))
        .collect();
    assert_eq!(findings, [("9.1", FindingSeverity::Minor)]);
    let gaps: Vec<(&str, u8, u8)> = r
        .gaps
        .iter()
        .map(|g| (g.item.as_str(), g.current, g.target))
        .collect();
    assert_eq!(gaps, [("9.1", 2, 3)]);
}

/// The controls the Statement of Applicability excludes, in catalog order.
fn excluded_controls(r: &aims_engine::scoring::Report) -> Vec<&'static str> {
    r.statement_of_applicability
        .iter()
        .filter(|row| !row.applicable)
        .map(|row| row.id.as_str())
        .collect()
}

#[test]
fn hospital_excludes_development_controls_but_not_third_party_or_impact_ones() {
    let c = case("hospital-triage").unwrap();
    let r = score(&c.model());
    assert_eq!(r.verdict, Verdict::NotReady);
    let excluded = excluded_controls(&r);
    assert_eq!(
        excluded,
        ["A.6.1.2", "A.6.1.3", "A.6.2.3", "A.7.2", "A.7.3", "A.7.6"]
    );
    assert_eq!(r.excluded, 6);
    for kept in ["A.5.4", "A.6.2.4", "A.6.2.6", "A.10.2", "A.10.3", "A.10.4"] {
        assert!(
            r.statement_of_applicability
                .iter()
                .any(|row| row.id.as_str() == kept && row.applicable),
            "{kept}"
        );
    }
    // The impact on patients is a gap the report puts before most others.
    let rank = r
        .gaps
        .iter()
        .position(|g| g.item.as_str() == "A.5.4")
        .unwrap();
    assert!(rank < r.gaps.len() / 2, "A.5.4 ranked {rank}");
}

#[test]
fn startup_is_far_from_ready_and_certification_does_not_pay_in_the_likely_case() {
    let c = case("startup-certify").unwrap();
    let model = c.model();
    let r = score(&model);
    assert_eq!(r.verdict, Verdict::NotReady);
    assert!(r.readiness.unwrap() < 40.0, "{:?}", r.readiness);
    let inputs = aims_engine::roi::prepare(&aims_engine::roi::RoiRequest {
        inputs: c.roi_inputs(),
        assessment: Some(&model),
        ..Default::default()
    })
    .unwrap()
    .inputs;
    let roi = aims_engine::roi::run(&inputs).unwrap();
    assert!(
        roi.npv < 0.0,
        "the case teaches that certifying now does not pay; likely NPV is {}",
        roi.npv
    );
    assert!(cases().iter().filter(|c| c.roi_inputs().is_some()).count() == 1);
}

#[test]
fn a_model_compared_with_itself_scores_100() {
    for c in cases() {
        let m = c.model();
        let cmp = compare(&m, &m).unwrap();
        assert_eq!(cmp.score, Some(100.0), "{}", c.id);
        assert_eq!((cmp.compared, cmp.exact), (70, 70), "{}", c.id);
        assert!(cmp.items.iter().all(|i| i.explanation.is_some()));
    }
}

#[test]
fn an_empty_assessment_scores_0_with_everything_missing() {
    let c = case("hospital-triage").unwrap();
    let cmp = c.check(&c.start()).unwrap();
    assert_eq!((cmp.score, cmp.missing), (Some(0.0), 70));
}

#[test]
fn unknown_case_names_the_cases() {
    let e = case("techserve").unwrap_err().to_string();
    assert!(
        e.contains("techserve-month-1") && e.contains("startup-certify"),
        "{e}"
    );
}

/// A learner who rates month 9 from the month 1 model's answers, with a few changes.
#[test]
fn snapshot_of_a_comparison() {
    let model = case("techserve-month-9").unwrap().model();
    let mut learner = case("techserve-month-1").unwrap().model();
    if let aims_engine::assessment::Answers::Iso42001(answers) = &mut learner.answers {
        let id = |s| IsoId::parse(s).unwrap();
        // Most items upgraded to 3, some left behind, some not rated, one wrongly excluded.
        for (_, a) in answers.iter_mut() {
            a.maturity = a.maturity.map(|m| (m + 2).min(3));
            a.note = None;
        }
        answers.insert(id("9.1"), Answer::rated(3));
        answers.insert(id("7.2"), Answer::rated(2));
        answers.insert(id("A.5.4"), Answer::rated(1));
        answers.remove(&id("10.1"));
        answers.insert(id("A.7.3"), Answer::excluded("We do not buy data"));
    }
    let cmp = compare(&learner, &model).unwrap();
    let item = |s: &str| cmp.items.iter().find(|i| i.item == s).unwrap();
    assert_eq!(item("9.1").agreement, Agreement::WithinOne);
    assert_eq!(item("A.5.4").agreement, Agreement::Off);
    assert_eq!(item("10.1").agreement, Agreement::Missing);
    assert_eq!(item("A.7.3").learner.rating, Rating::Excluded);
    assert_eq!(item("A.7.3").agreement, Agreement::Off);
    expect_file!["snapshots/training-comparison.txt"].assert_eq(&cmp.to_text());
    expect_file!["snapshots/training-comparison.json"].assert_eq(&cmp.to_json());
}

/// What each control means in our guidance, as phrases a model answer's note must (one of) and
/// must not contain. The controls listed are those whose notes are easily swapped: the external
/// reporting route (A.8.3), the duty to inform (A.8.5), telling users about incidents (A.8.4),
/// information for users (A.8.2) and staff concerns (A.3.3).
const NOTE_MEANING: &[(&str, &[&str], &[&str])] = &[
    // A.8.3: a route for people outside the organisation to report adverse effects.
    (
        "A.8.3",
        &["report", "complain"],
        &[
            "reported externally",
            "external reporting",
            "reporting duties",
            "obligation",
            "regulator",
            "when they ask",
        ],
    ),
    // A.8.5: the organisation's duty to inform interested parties (regulators, customers).
    (
        "A.8.5",
        &["obligation", "must report", "duty", "duties"],
        &[
            "complain",
            "form on",
            "support desk",
            "support inbox",
            "when they ask",
        ],
    ),
    // A.8.4: telling users about incidents that affect them.
    (
        "A.8.4",
        &["tell", "told", "notif", "warn"],
        &["regulator", "reported externally"],
    ),
    // A.8.2: information for the users of the AI systems.
    (
        "A.8.2",
        &["documentation", "guide", "help centre", "explain"],
        &["regulator", "reported externally", "obligation"],
    ),
    // A.3.3: a way for staff to raise concerns.
    (
        "A.3.3",
        &["concern", "report", "whistleblowing"],
        &["regulator", "obligation"],
    ),
];

#[test]
fn every_model_note_says_what_our_guidance_means_by_the_control() {
    for c in cases() {
        let model = c.model();
        let answers = model.iso_answers().unwrap();
        for (id, must_one_of, must_not) in NOTE_MEANING {
            let answer = &answers[&IsoId::parse(id).unwrap()];
            if !answer.applicable {
                continue;
            }
            let note = answer.note.as_deref().unwrap_or("").to_lowercase();
            assert!(
                must_one_of.iter().any(|p| note.contains(p)),
                "{}: the note on {id} says nothing of {must_one_of:?}: {note}",
                c.id
            );
            for p in *must_not {
                assert!(
                    !note.contains(p),
                    "{}: the note on {id} speaks of {p:?}, which is another control's matter: {note}",
                    c.id
                );
            }
        }
        // Every rated note ends on the level it gives.
        for (id, answer) in answers {
            if let (Some(m), Some(note)) = (answer.maturity, answer.note.as_deref()) {
                assert!(
                    note.contains(&format!("level {m}")),
                    "{}: the note on {id} does not give level {m}: {note}",
                    c.id
                );
            }
        }
    }
}

#[test]
fn the_hospital_reports_device_faults_so_its_duty_to_inform_is_not_absent() {
    let model = case("hospital-triage").unwrap().model();
    let a85 = &model.iso_answers().unwrap()[&IsoId::parse("A.8.5").unwrap()];
    assert!(a85.maturity.unwrap() > 0);
    assert!(case("hospital-triage")
        .unwrap()
        .briefing
        .contains("reported to the medical device regulator"));
}

#[test]
fn kestrel_samples_two_supplied_systems_and_the_weakest_sets_the_control() {
    let c = case("freight-two-systems").unwrap();
    let a = c.model();
    assert_eq!(a.profile.systems.len(), 2);
    assert!(a.profile.supplier_only());
    assert_eq!(a.systems_in_scope(), Some(2));
    let r = score(&a);
    assert_eq!(r.verdict, Verdict::NotReady);
    // The development controls the profile proposes are the ones the model excludes.
    let excluded = excluded_controls(&r);
    assert_eq!(excluded, ["A.6.1.2", "A.6.1.3", "A.6.2.3", "A.7.2"]);
    assert!(r.proposed_exclusions.is_empty(), "all decided");
    let proposed: Vec<&str> = score(&c.start())
        .proposed_exclusions
        .iter()
        .map(|p| p.item.as_str())
        .collect();
    assert_eq!(proposed, excluded);
    // The impact-assessment finding names the CV-ranking pilot, not the route planner.
    let impact = r
        .findings
        .iter()
        .find(|f| f.items().any(|i| i.as_str() == "A.5.3"))
        .unwrap();
    assert_eq!(impact.severity, FindingSeverity::Major);
    assert_eq!(impact.systems, ["HireScreen"]);
    // A control run well for one system and not for the other takes the weaker rating.
    let soa = |id: &str| {
        r.statement_of_applicability
            .iter()
            .find(|row| row.id.as_str() == id)
            .unwrap()
            .maturity
    };
    assert_eq!(soa("A.6.2.4"), Some(1));
    assert_eq!(soa("A.9.4"), Some(2));
    // Its ISO/IEC 27001 certificate gives the roadmap its credit.
    assert!(a.organisation.harmonized_certificate().is_some());
}

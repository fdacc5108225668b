//! Invariants of reading, scoring and the crosswalk over random assessments (proptest).

// Native only: proptest does not build for wasm32-unknown-unknown.
#![cfg(not(target_arch = "wasm32"))]

use aims_engine::assessment::{
    Answer, Answers, Assessment, Framework, IsoAnswers, NistAnswers, Organisation,
};
use aims_engine::catalog::{ExclusionLimit, IsoId, Relationship, SubcategoryId};
use aims_engine::crosswalk::{forward, matrix, reverse, CoverageStatus, Forward, Support};
use aims_engine::readiness::score;
use aims_engine::scoring::{FindingSeverity, Report, SoaStatus, Verdict};
use proptest::prelude::*;
use serde_json::{Map, Value};

fn assessable() -> Vec<IsoId> {
    IsoId::assessable().collect()
}

/// An answer for `id`: often rated, sometimes absent, sometimes (Annex A only) excluded with or
/// without a justification.
fn answer(id: IsoId) -> impl Strategy<Value = Option<Answer>> {
    let rated =
        (0u8..=5, prop::option::of(1u8..=5), any::<bool>()).prop_map(|(m, target, evidence)| {
            Some(Answer {
                maturity: Some(m),
                target,
                evidence: if evidence {
                    vec!["https://example.org/record".to_string()]
                } else {
                    Vec::new()
                },
                ..Answer::default()
            })
        });
    let excluded = (any::<bool>(), prop::option::of(0u8..=5)).prop_map(move |(justified, m)| {
        // Controls that a clause requires cannot be excluded (the reader refuses it).
        Some(if id.is_annex_a() && ExclusionLimit::of(id).is_none() {
            Answer {
                applicable: false,
                justification: justified.then(|| "Not used by us".to_string()),
                maturity: m,
                ..Answer::default()
            }
        } else {
            Answer {
                maturity: m,
                ..Answer::default()
            }
        })
    });
    prop_oneof![3 => Just(None), 6 => rated, 1 => excluded]
}

fn iso_answers() -> impl Strategy<Value = IsoAnswers> {
    let ids = assessable();
    ids.iter()
        .map(|&id| answer(id))
        .collect::<Vec<_>>()
        .prop_map(move |v| {
            ids.iter()
                .zip(v)
                .filter_map(|(&id, a)| a.map(|a| (id, a)))
                .collect()
        })
}

fn iso_assessment() -> impl Strategy<Value = Assessment> {
    (iso_answers(), any::<bool>()).prop_map(|(answers, certified)| Assessment {
        organisation: Organisation {
            certifications: if certified {
                vec!["ISO 9001".to_string()]
            } else {
                Vec::new()
            },
            ..Organisation::default()
        },
        answers: Answers::Iso42001(answers),
        ..Assessment::default()
    })
}

fn nist_assessment() -> impl Strategy<Value = Assessment> {
    let ids: Vec<SubcategoryId> = SubcategoryId::all().collect();
    prop::collection::vec(prop::option::of(0u8..=5), ids.len()).prop_map(move |v| {
        let answers: NistAnswers = ids
            .iter()
            .zip(v)
            .filter_map(|(&id, m)| m.map(|m| (id, Answer::rated(m))))
            .collect();
        Assessment {
            answers: Answers::NistAiRmf(answers),
            ..Assessment::new(Framework::NistAiRmf)
        }
    })
}

/// Every score of a report, in a fixed order.
fn scores(r: &Report) -> Vec<Option<f64>> {
    let mut v = vec![r.readiness, r.management_system, r.controls];
    v.extend(r.sections.iter().map(|s| s.score));
    v
}

fn iso_mut(a: &mut Assessment) -> &mut IsoAnswers {
    match &mut a.answers {
        Answers::Iso42001(m) => m,
        Answers::NistAiRmf(_) => unreachable!("an ISO assessment"),
    }
}

/// Ids whose maturity can be raised by one and that count (rated, not justly excluded).
fn raisable(a: &Assessment) -> Vec<IsoId> {
    a.iso_answers()
        .into_iter()
        .flatten()
        .filter(|(id, x)| {
            x.maturity.is_some_and(|m| m < 5)
                && (x.applicable || !id.is_annex_a() || x.justification().is_none())
        })
        .map(|(id, _)| *id)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn scores_stay_within_0_and_100(a in iso_assessment()) {
        let r = score(&a);
        for s in scores(&r).into_iter().flatten() {
            prop_assert!((0.0..=100.0).contains(&s), "{s}");
        }
        prop_assert!(r.answered <= r.total);
        prop_assert_eq!(r.statement_of_applicability.len(), 38);
    }

    #[test]
    fn raising_one_maturity_never_lowers_a_score_or_the_verdict(a in iso_assessment(), pick in any::<prop::sample::Index>()) {
        let ids = raisable(&a);
        prop_assume!(!ids.is_empty());
        let id = ids[pick.index(ids.len())];
        let before = score(&a);
        let mut b = a.clone();
        if let Some(x) = iso_mut(&mut b).get_mut(&id) {
            x.maturity = x.maturity.map(|m| m + 1);
        }
        let after = score(&b);
        for (x, y) in scores(&before).into_iter().zip(scores(&after)) {
            prop_assert!(y >= x, "{id}: {x:?} -> {y:?}");
        }
        prop_assert!(after.verdict >= before.verdict, "{id}: {:?} -> {:?}", before.verdict, after.verdict);
        prop_assert!(after.roadmap.total_months <= before.roadmap.total_months);
        prop_assert!(after.roadmap.effort.person_days <= before.roadmap.effort.person_days);
    }

    #[test]
    fn the_roadmap_never_shortens_as_the_organisation_grows(
        a in iso_assessment(),
        employees in 1u32..100_000,
        more in 0u32..100_000,
        systems in 1u32..50,
        more_systems in 0u32..50,
    ) {
        let sized = |e: u32, s: u32| {
            let mut b = a.clone();
            b.organisation.employees = Some(e);
            b.organisation.ai_systems_in_scope = Some(s);
            score(&b).roadmap
        };
        let small = sized(employees, systems);
        let big = sized(employees + more, systems + more_systems);
        prop_assert!(big.effort.person_days >= small.effort.person_days);
        prop_assert!(big.total_months >= small.total_months);
    }

    #[test]
    fn a_27001_certificate_never_lengthens_the_roadmap(a in iso_assessment()) {
        let mut without = a.clone();
        without.organisation.certifications.clear();
        let mut with = a;
        with.organisation.certifications = vec!["ISO/IEC 27001:2022".to_string()];
        let (w, wo) = (score(&with).roadmap, score(&without).roadmap);
        prop_assert!(w.total_months <= wo.total_months);
        prop_assert!(w.effort.person_days <= wo.effort.person_days);
    }

    #[test]
    fn fewer_than_90_percent_answered_is_never_a_positive_verdict(a in iso_assessment()) {
        let r = score(&a);
        let c = &r.completeness;
        if c.assessed * 10 < c.applicable * 9 {
            prop_assert!(!r.verdict.is_positive(), "{} of {}: {:?}", c.assessed, c.applicable, r.verdict);
        }
        if !c.missing_critical.is_empty() {
            prop_assert!(!r.verdict.is_positive());
        }
        // Any major is known whatever is missing.
        let majors = r.findings.iter().any(|f| f.severity == FindingSeverity::Major);
        prop_assert_eq!(majors, r.verdict == Verdict::NotReady);
    }

    #[test]
    fn a_justified_exclusion_leaves_scores_and_findings(a in iso_assessment(), pick in any::<prop::sample::Index>()) {
        let controls: Vec<IsoId> = assessable()
            .into_iter()
            .filter(|&i| i.is_annex_a() && ExclusionLimit::of(i).is_none())
            .collect();
        let id = controls[pick.index(controls.len())];
        let mut excluded = a.clone();
        let mut removed = a.clone();
        let previous = iso_mut(&mut excluded).get(&id).cloned().unwrap_or_default();
        iso_mut(&mut excluded).insert(id, Answer { applicable: false, justification: Some("Out of our business".into()), ..previous });
        iso_mut(&mut removed).remove(&id);
        let (r, without) = (score(&excluded), score(&removed));
        prop_assert_eq!(scores(&r), scores(&without));
        prop_assert!(r.findings.iter().all(|f| f.items().all(|i| i != id)));
        prop_assert!(r.gaps.iter().all(|g| g.item != id));
        let row = r.statement_of_applicability.iter().find(|row| row.id == id).unwrap();
        prop_assert_eq!((row.applicable, row.status), (false, SoaStatus::Excluded));
        prop_assert_eq!(row.justification.as_deref(), Some("Out of our business"));
    }

    #[test]
    fn the_json_round_trip_is_lossless(
        a in iso_assessment(),
        note in ".{0,20}",
        extra in prop::collection::btree_map("x-[a-z]{1,6}", any::<i64>(), 0..3),
    ) {
        let mut a = a;
        for (i, x) in iso_mut(&mut a).values_mut().enumerate() {
            if i % 3 == 0 {
                x.note = Some(note.clone());
                x.owner = Some("Ann".into());
                x.due = Some("2025-06-30".into());
                x.extra = extra.iter().map(|(k, v)| (k.clone(), Value::from(*v))).collect::<Map<_, _>>();
            }
        }
        a.extra.insert("x-tool".into(), Value::from("test"));
        let text = a.to_json();
        let (b, diags) = Assessment::read(&text).unwrap();
        prop_assert!(diags.iter().all(|d| !d.is_error()), "{diags:?}");
        prop_assert_eq!(&a, &b);
        prop_assert_eq!(b.to_json(), text);
    }

    #[test]
    fn reading_any_text_never_panics(s in "\\PC{0,200}") {
        let _ = Assessment::read(&s);
        let wrapped = format!(r#"{{"format": "aims-assessment", "version": 1, "answers": {{"5.2": {s}}}}}"#);
        let _ = Assessment::read(&wrapped);
    }

    #[test]
    fn reading_any_json_answers_never_panics(v in json_value()) {
        let text = serde_json::json!({
            "format": "aims-assessment", "version": 1,
            "organisation": v.clone(), "planning": v.clone(),
            "answers": { "5.2": v.clone(), "A.10.4": v.clone(), "A.1": v }
        }).to_string();
        let _ = Assessment::read(&text);
    }

    #[test]
    fn forward_is_monotonic_and_in_range(a in iso_assessment(), pick in any::<prop::sample::Index>()) {
        let before = forward(&a).unwrap();
        check_forward_ranges(&before)?;
        let ids = raisable(&a);
        prop_assume!(!ids.is_empty());
        let id = ids[pick.index(ids.len())];
        let mut b = a.clone();
        if let Some(x) = iso_mut(&mut b).get_mut(&id) {
            x.maturity = x.maturity.map(|m| m + 1);
        }
        let after = forward(&b).unwrap();
        for (x, y) in before.subcategories.iter().zip(&after.subcategories) {
            prop_assert!(y.coverage >= x.coverage && y.status >= x.status && y.maturity >= x.maturity, "{}", x.id);
        }
        for (x, y) in before.categories.iter().chain(&before.functions).zip(after.categories.iter().chain(&after.functions)) {
            prop_assert!(y.coverage >= x.coverage, "{}", x.id);
        }
        let (mx, my) = (matrix(&a), matrix(&b));
        for (rx, ry) in mx.functions.iter().chain(&mx.categories).zip(my.functions.iter().chain(&my.categories)) {
            for (cx, cy) in rx.cells.iter().zip(&ry.cells) {
                prop_assert!(cy.coverage >= cx.coverage);
                prop_assert!(cx.coverage.is_none_or(|c| (0.0..=100.0).contains(&c)));
            }
        }
    }

    #[test]
    fn reverse_is_monotonic(a in nist_assessment(), pick in any::<prop::sample::Index>()) {
        let nist = a.nist_answers().unwrap();
        let ids: Vec<SubcategoryId> = nist.iter().filter(|(_, x)| x.maturity.is_some_and(|m| m < 5)).map(|(id, _)| *id).collect();
        prop_assume!(!ids.is_empty());
        let id = ids[pick.index(ids.len())];
        let mut b = a.clone();
        if let Answers::NistAiRmf(m) = &mut b.answers {
            if let Some(x) = m.get_mut(&id) {
                x.maturity = x.maturity.map(|m| m + 1);
            }
        }
        let (before, after) = (reverse(&a).unwrap(), reverse(&b).unwrap());
        for (x, y) in before.items.iter().zip(&after.items) {
            prop_assert!(y.maturity >= x.maturity && y.coverage >= x.coverage && y.status >= x.status, "{}", x.item);
            let full = y.sources.iter().any(|s| s.support == Support::Full);
            prop_assert!(full || y.maturity.is_none_or(|m| m <= 2), "{}: partial support never infers above 2", y.item);
            prop_assert!(!y.indicative || y.maturity.is_some_and(|m| m <= 2));
            prop_assert!((0.0..=100.0).contains(&y.coverage));
        }
        prop_assert!(after.report.verdict >= before.report.verdict);
        for (x, y) in scores(&before.report).into_iter().zip(scores(&after.report)) {
            prop_assert!(y >= x);
        }
    }

    #[test]
    fn intersecting_items_alone_never_cover_a_subcategory(a in iso_assessment()) {
        for s in &forward(&a).unwrap().subcategories {
            if s.sources.iter().all(|x| x.relationship == Relationship::IntersectsWith) {
                prop_assert!(s.status != CoverageStatus::Covered, "{}", s.id);
                prop_assert!(s.maturity.is_none_or(|m| m <= 2), "{}", s.id);
            }
            if s.sources.iter().all(|x| x.support != Support::Full) && !s.jointly_complete {
                prop_assert!(s.status != CoverageStatus::Covered, "{}", s.id);
            }
        }
    }

    #[test]
    fn nist_answers_never_rate_the_management_system_items(a in nist_assessment()) {
        let r = reverse(&a).unwrap();
        for id in ["9.2.1", "7.5.3", "10.2", "9.2.2", "9.3.1", "10.1", "6.1.3", "4.3", "5.3"] {
            let id = IsoId::parse(id).unwrap();
            prop_assert!(r.items.iter().all(|it| it.item != id || it.maturity.is_none()), "{}", id);
            prop_assert!(r.report.not_assessed.contains(&id), "{}", id);
            let inferred = r.to_assessment(&a);
            prop_assert!(!inferred.iso_answers().unwrap().contains_key(&id), "{}", id);
        }
    }

    #[test]
    fn forward_then_reverse_never_claims_more(a in iso_assessment()) {
        let fwd = forward(&a).unwrap();
        let nist = fwd.to_assessment(&a.organisation, a.planning.as_ref());
        let back = reverse(&nist).unwrap();
        let original = a.iso_answers().unwrap();
        for it in &back.items {
            let original = original.get(&it.item);
            // A justly excluded control claims nothing: it leaves the subcategories it shares to
            // the other items, and the way back may read them for it.
            let excluded = original.is_some_and(|x| !x.applicable && it.item.is_annex_a() && x.justification().is_some());
            if let (Some(m), false) = (it.maturity, excluded) {
                let orig = original.and_then(|x| x.maturity());
                prop_assert!(orig.is_some_and(|o| m <= o), "{} inferred {m}, original {orig:?}", it.item);
            }
        }
        prop_assert!(back.report.provisional);
    }
}

fn check_forward_ranges(f: &Forward) -> Result<(), TestCaseError> {
    prop_assert_eq!(f.subcategories.len(), 72);
    for s in &f.subcategories {
        prop_assert!((0.0..=100.0).contains(&s.coverage));
        prop_assert!(s.status != CoverageStatus::Covered || s.coverage == 100.0);
    }
    Ok(())
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        "\\PC{0,8}".prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::btree_map(
                prop_oneof![
                    Just("maturity".to_string()),
                    Just("applicable".to_string()),
                    Just("evidence".to_string()),
                    "[a-z]{1,4}".prop_map(String::from)
                ],
                inner,
                0..4
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Adding an AI system, with its own answers to the controls about a system, never raises
    /// an item's maturity (in the answers and in the Statement of Applicability).
    #[test]
    fn adding_a_system_never_raises_an_items_maturity(
        a in iso_assessment(),
        levels in prop::collection::vec(prop::option::of(0u8..=5), 70),
    ) {
        use aims_engine::assessment::{AiSystem, SystemAnswer};
        let before = score(&a);
        let mut b = a.clone();
        b.profile.systems.push(AiSystem { id: "new".into(), ..AiSystem::default() });
        if let Answers::Iso42001(m) = &mut b.answers {
            for (id, level) in IsoId::assessable().zip(&levels) {
                if id.per_system() {
                    m.entry(id).or_default().systems.insert(
                        "new".into(),
                        SystemAnswer { maturity: *level, ..SystemAnswer::default() },
                    );
                }
            }
        }
        let after = score(&b);
        for (x, y) in before.statement_of_applicability.iter().zip(&after.statement_of_applicability) {
            if let (Some(m0), Some(m1)) = (x.maturity, y.maturity) {
                prop_assert!(m1 <= m0, "{}: {m0} -> {m1}", x.id);
            }
        }
        let (ia, ib) = (a.iso_answers().unwrap(), b.iso_answers().unwrap());
        for id in IsoId::assessable() {
            let m0 = ia.get(&id).and_then(Answer::maturity);
            let m1 = ib.get(&id).and_then(Answer::maturity);
            if let Some(m0) = m0 {
                prop_assert!(m1.is_some_and(|m1| m1 <= m0), "{id}: {m0} -> {m1:?}");
            }
        }
    }
}

/// Quick-scan answers as a visitor gives them: per question "not sure" or one of its choices,
/// written by the quick scan's own rule into a new assessment, or over a random full one (a
/// returning visitor who also used the full assessment).
fn quick_scan_assessment() -> impl Strategy<Value = Assessment> {
    use aims_engine::catalog::{Question, QuestionKind};
    use aims_engine::quick_scan::{answer, Choice};
    let choices: Vec<BoxedStrategy<Option<Choice>>> = Question::all()
        .iter()
        .map(|q| {
            let choice = match q.kind {
                QuestionKind::Maturity(_) => (0u8..=5).prop_map(Choice::Level).boxed(),
                _ => (0..q.option_labels().len())
                    .prop_map(Choice::Option)
                    .boxed(),
            };
            prop::option::weighted(0.8, choice).boxed()
        })
        .collect();
    let base = prop_oneof![
        3 => Just(Assessment::new(Framework::Iso42001)),
        1 => iso_assessment(),
    ];
    (base, choices).prop_map(|(mut a, choices)| {
        for (q, c) in Question::all().iter().zip(choices) {
            answer(&mut a, q, c);
        }
        a
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// The quick scan's summary computes fewer parts than the full report but by the same
    /// rules: the same readiness, verdict (with its completeness), answered and total, and the
    /// report's first three gaps.
    #[test]
    fn the_quick_scan_summary_equals_the_full_report(a in quick_scan_assessment()) {
        use aims_engine::quick_scan::{summary, Summary};
        let full = score(&a);
        let s = summary(&a).expect("an ISO/IEC 42001 assessment has a summary");
        prop_assert_eq!(s.readiness, full.readiness);
        prop_assert_eq!(s.verdict, full.verdict);
        prop_assert_eq!(&s.verdict_reason.completeness, &full.completeness);
        prop_assert_eq!((s.answered, s.total), (full.answered, full.total));
        prop_assert_eq!(&s.top_gaps[..], &full.gaps[..full.gaps.len().min(3)]);
        prop_assert_eq!(s, Summary::of(&full));
    }

    #[test]
    fn a_nist_ai_rmf_assessment_has_no_quick_scan_summary(a in nist_assessment()) {
        prop_assert_eq!(aims_engine::quick_scan::summary(&a), None);
    }
}

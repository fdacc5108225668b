//! The quick scan's rules: which option a question shows as chosen, what choosing one writes
//! into the assessment, and when the scan is complete. The web app and the widget only show
//! them (docs/scoring.md, "Quick scan").
//!
//! A maturity question writes its level into every item it asks about, marked with the
//! question's id (`quick_scan`) so that the findings count one answer as one piece of
//! evidence; the role question writes `profile.roles`, the certificate question
//! `organisation.certifications` (an empty list for "neither"). A question counts as answered
//! when its items all share one level (items excluded with a justification are skipped), the
//! roles match one of its options, or the certificates were stated. "Not sure" leaves or makes
//! a question unanswered. The band and the verdict are shown only when every question is
//! answered.
//!
//! The profile feeds the first question: when the assessment lists its AI systems with their
//! origin, [`profile_hint`] names the role answer they point to (all supplied: the organisation
//! only uses suppliers' AI; all built in-house: it builds AI; both: both). It is a suggestion
//! the user confirms by choosing it, never an answer written for them, and it asks the user to
//! check an answer that disagrees with the list.
//!
//! What the quick scan shows of the result is its [`Summary`]: the readiness report's score,
//! verdict, answered items and first three gaps, computed by the same rules as
//! [`crate::readiness::score`] without the parts the scan never shows (sections, Statement of
//! Applicability, Stage 1 checklist, roadmap), so that the widget's Wasm carries none of them.

use crate::assessment::Framework;
use crate::assessment::{Answer, Answers, Assessment, Origin};
use crate::catalog::{AiRole, IsoId, Question, QuestionKind, Shipped};
use crate::format::and_list;
use crate::scoring::{self, Gap, Report, Verdict, VerdictReason};

pub mod record;
pub mod wording;
pub use record::{Legacy, Record, RecordError};

/// An answer to one question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// A maturity question's level, 0-5.
    Level(u8),
    /// The index of a roles or certificates question's option.
    Option(usize),
}

/// The choice a question shows, from the assessment; `None` while unanswered.
pub fn chosen(q: &Question, a: &Assessment) -> Option<Choice> {
    match q.kind {
        QuestionKind::Maturity(items) => {
            let answers = a.iso_answers()?;
            let mut levels = items
                .iter()
                .filter(|id| answers.get(id).is_none_or(|x| x.applicable))
                .map(|id| answers.get(id).and_then(Answer::maturity));
            let first = levels.next()??;
            levels
                .all(|m| m == Some(first))
                .then_some(Choice::Level(first))
        }
        QuestionKind::Roles(options) => {
            let mut have = a.profile.roles.clone();
            crate::order::sort(&mut have);
            options
                .iter()
                .position(|(roles, _)| {
                    let mut want = roles.to_vec();
                    crate::order::sort(&mut want);
                    !have.is_empty() && want == have
                })
                .map(Choice::Option)
        }
        QuestionKind::Certificates(options) => {
            let org = &a.organisation;
            if org.certifications.is_empty() && !org.certifications_stated {
                return None;
            }
            let held = |n: &str| holds(&org.certifications, n);
            options
                .iter()
                .position(|(certs, _)| {
                    ["27001", "9001"]
                        .iter()
                        .all(|n| held(n) == certs.iter().any(|c| number_of(c) == Some(n)))
                })
                .map(Choice::Option)
        }
    }
}

/// A question's options as shown, in order: the choice each stands for, the level shown
/// beside it (maturity questions), and its words. The app's page and the widget both list them
/// from here.
pub fn choices(q: &Question) -> Vec<(Choice, Option<u8>, &'static str)> {
    match q.kind {
        QuestionKind::Maturity(_) => crate::catalog::QUICK_SCAN_OPTIONS
            .iter()
            .map(|&(level, text)| (Choice::Level(level), Some(level), text))
            .collect(),
        _ => q
            .option_labels()
            .into_iter()
            .enumerate()
            .map(|(k, text)| (Choice::Option(k), None, text))
            .collect(),
    }
}

/// Writes a choice (or "not sure", `None`) into the assessment. A choice of the wrong kind for
/// the question, or an option out of range, changes nothing.
pub fn answer(a: &mut Assessment, q: &Question, choice: Option<Choice>) {
    match (q.kind, choice) {
        (QuestionKind::Maturity(items), Some(Choice::Level(m))) => set_items(
            a,
            items,
            Some(m.min(crate::assessment::MAX_MATURITY)),
            Some(q.id),
        ),
        (QuestionKind::Maturity(items), None) => set_items(a, items, None, None),
        (QuestionKind::Roles(options), Some(Choice::Option(i))) => {
            if let Some((roles, _)) = options.get(i) {
                let mut roles: Vec<AiRole> = roles.to_vec();
                crate::order::sort(&mut roles);
                a.profile.roles = roles;
            }
        }
        (QuestionKind::Roles(_), None) => a.profile.roles.clear(),
        (QuestionKind::Certificates(options), Some(Choice::Option(i))) => {
            if let Some((certs, _)) = options.get(i) {
                let org = &mut a.organisation;
                // Keep other certificates; replace the ones the question is about.
                org.certifications.retain(|c| number_of(c).is_none());
                org.certifications
                    .extend(certs.iter().map(|c| c.to_string()));
                org.certifications_stated = org.certifications.is_empty();
            }
        }
        (QuestionKind::Certificates(_), None) => {
            let org = &mut a.organisation;
            org.certifications.retain(|c| number_of(c).is_none());
            org.certifications_stated = false;
        }
        _ => {}
    }
}

fn set_items(a: &mut Assessment, items: &[IsoId], m: Option<u8>, question: Option<&str>) {
    let Answers::Iso42001(answers) = &mut a.answers else {
        return;
    };
    for &id in items {
        let answer = answers.entry(id).or_default();
        // An item excluded with a justification keeps its exclusion.
        if !answer.applicable && answer.justification().is_some() {
            continue;
        }
        answer.maturity = m;
        answer.inferred = false;
        answer.quick_scan = m.and(question.map(str::to_string));
        if *answer == Answer::default() {
            answers.remove(&id);
        }
    }
}

fn number_of(c: &str) -> Option<&'static str> {
    ["27001", "9001"].into_iter().find(|n| {
        c.split(|ch: char| !ch.is_ascii_digit())
            .any(|run| run == *n)
    })
}

fn holds(certs: &[String], n: &str) -> bool {
    certs.iter().any(|c| number_of(c) == Some(n))
}

/// What the assessment's list of AI systems says about a question's answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProfileHint {
    /// The option the list points to.
    pub suggested: Choice,
    /// The question has an answer, and it is another one.
    pub differs: bool,
    /// In plain words, naming the systems.
    pub text: String,
}

/// The role answer that the origins of the AI systems in scope point to, for the role question;
/// `None` for the other questions and while no system's origin is stated.
pub fn profile_hint(q: &Question, a: &Assessment) -> Option<ProfileHint> {
    let QuestionKind::Roles(options) = q.kind else {
        return None;
    };
    let systems = &a.profile.systems;
    let named = |origin: Option<Origin>| -> Vec<&str> {
        systems
            .iter()
            .filter(|s| s.origin == origin)
            .map(|s| s.label())
            .collect()
    };
    let (in_house, supplied, unknown) = (
        named(Some(Origin::InHouse)),
        named(Some(Origin::Supplied)),
        named(None),
    );
    let mut want = match (in_house.is_empty(), supplied.is_empty()) {
        (true, true) => return None,
        (true, false) => vec![AiRole::Customer],
        (false, true) => vec![AiRole::Producer, AiRole::Provider],
        (false, false) => vec![AiRole::Producer, AiRole::Provider, AiRole::Customer],
    };
    crate::order::sort(&mut want);
    let (index, label) = options.iter().enumerate().find_map(|(i, (roles, label))| {
        let mut roles = roles.to_vec();
        crate::order::sort(&mut roles);
        (roles == want).then_some((i, *label))
    })?;
    let suggested = Choice::Option(index);
    let mut parts = Vec::new();
    for (names, how) in [
        (&supplied, "supplied by others"),
        (&in_house, "built in-house"),
        (&unknown, "of origin not stated yet"),
    ] {
        if !names.is_empty() {
            let verb = if names.len() == 1 { "is" } else { "are" };
            parts.push(format!("{} {verb} {how}", and_list(names)));
        }
    }
    let systems = parts.join("; ");
    let chosen = chosen(q, a);
    let text = match chosen {
        None => format!(
            "From your list of AI systems in scope: {systems}. That points to \u{201c}{label}\u{201d}: choose it to confirm, or another answer if the list is incomplete."
        ),
        Some(c) if c == suggested => {
            format!("Matches your list of AI systems in scope: {systems}.")
        }
        Some(_) => format!(
            "Check this answer against your list of AI systems in scope: {systems}. That points to \u{201c}{label}\u{201d}; either the answer or the list needs correcting."
        ),
    };
    Some(ProfileHint {
        suggested,
        differs: chosen.is_some_and(|c| c != suggested),
        text,
    })
}

/// How far the quick scan is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub answered: usize,
    pub total: usize,
    /// The first question without an answer (`total` when all are answered).
    pub first_unanswered: usize,
}

impl Progress {
    /// Every question answered: the band and the verdict may be shown.
    pub fn is_complete(&self) -> bool {
        self.answered == self.total
    }
}

/// The quick scan's progress on this assessment.
pub fn progress(a: &Assessment) -> Progress {
    let questions = Question::all();
    let mut answered = 0;
    let mut first_unanswered = questions.len();
    for (i, q) in questions.iter().enumerate() {
        if chosen(q, a).is_some() {
            answered += 1;
        } else if first_unanswered == questions.len() {
            first_unanswered = i;
        }
    }
    Progress {
        answered,
        total: questions.len(),
        first_unanswered,
    }
}

/// What the start page offers to resume when the open assessment holds saved work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resume {
    /// Items are answered (rated or marked not applicable): go on to the results.
    Results {
        framework: Framework,
        answered: usize,
        total: usize,
    },
    /// Only quick-scan questions that rate no item (the role and certificate questions) are
    /// answered: go on with the quick scan.
    QuickScan(Progress),
}

impl Resume {
    /// In plain words: "12 of 92 items answered", "5 of 72 NIST AI RMF subcategories
    /// answered", "1 of 25 quick-scan questions answered".
    pub fn text(&self) -> String {
        match *self {
            Resume::Results {
                framework: Framework::Iso42001,
                answered,
                total,
            } => format!("{answered} of {total} items answered"),
            Resume::Results {
                framework: Framework::NistAiRmf,
                answered,
                total,
            } => format!("{answered} of {total} NIST AI RMF subcategories answered"),
            Resume::QuickScan(p) => {
                format!(
                    "{} of {} quick-scan questions answered",
                    p.answered, p.total
                )
            }
        }
    }
}

/// The saved work of an assessment the start page offers to resume, counted in the
/// assessment's own framework (a NIST AI RMF assessment by its subcategories, with no
/// crosswalk); `None` when nothing is answered.
pub fn resume(a: &Assessment) -> Option<Resume> {
    let (answered, total) = crate::readiness::answered(a);
    if answered > 0 {
        return Some(Resume::Results {
            framework: a.framework(),
            answered,
            total,
        });
    }
    let scan = progress(a);
    (scan.answered > 0).then_some(Resume::QuickScan(scan))
}

/// How many gaps the quick scan shows.
pub const TOP_GAPS: usize = 3;

/// The result the quick scan shows and the widget posts: the fields of the readiness report
/// ([`crate::readiness::score`]) of the same name, with the first [`TOP_GAPS`] gaps.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// 0-100 against the audit bar; `None` when nothing is assessed.
    pub readiness: Option<f64>,
    pub verdict: Verdict,
    /// The verdict with the facts behind it, its completeness included.
    pub verdict_reason: VerdictReason,
    /// Items rated or justly excluded, of `total`.
    pub answered: u32,
    pub total: u32,
    /// The first gaps in priority order (at most [`TOP_GAPS`]).
    pub top_gaps: Vec<Gap>,
    /// How many Annex A controls the organisation's roles for AI suggest excluding.
    pub proposed_exclusions: usize,
}

impl Summary {
    /// The summary of a report already computed (the app's quick scan, which has the whole
    /// report anyway).
    pub fn of(report: &Report) -> Summary {
        Summary {
            readiness: report.readiness,
            verdict: report.verdict,
            verdict_reason: report.verdict_reason.clone(),
            answered: report.answered,
            total: report.total,
            top_gaps: report.gaps.iter().take(TOP_GAPS).copied().collect(),
            proposed_exclusions: report.proposed_exclusions.len(),
        }
    }
}

/// The quick scan's result for an ISO/IEC 42001 assessment: equal to [`Summary::of`] the full
/// report, computing only what it shows. `None` for a NIST AI RMF assessment, which the quick
/// scan does not answer (its report goes through the crosswalk, which the summary leaves out).
pub fn summary(a: &Assessment) -> Option<Summary> {
    let answers = a.iso_answers()?;
    let items = scoring::evaluate(answers);
    let core = scoring::core(&Shipped, &items);
    let verdict_reason = core.verdict;
    Some(Summary {
        readiness: core.readiness,
        verdict: verdict_reason.verdict,
        verdict_reason,
        answered: core.answered,
        total: items.len() as u32,
        top_gaps: core.gaps.into_iter().take(TOP_GAPS).collect(),
        proposed_exclusions: scoring::proposed_exclusions(&a.profile, answers).len(),
    })
}

/// The detail of the widget's `aims:completed` event (docs/embedding.md, "The result
/// event"), as JSON text: whether every question was answered (`complete`, with
/// `questions_answered` of `questions`), the indicative band (`band`, `band_label`: only for a
/// complete scan, read with the verdict), the readiness `score` (0-100, `null` when every
/// question was skipped), the `verdict`, how many items were `answered` of `total`, and the
/// `top_gaps` (at most three, in the JS API's `Gap` shape).
pub fn completed_json(summary: &Summary, scan: Progress) -> String {
    #[derive(serde::Serialize)]
    struct Completed<'a> {
        complete: bool,
        questions_answered: usize,
        questions: usize,
        band: Option<&'static str>,
        band_label: Option<&'static str>,
        score: Option<f64>,
        verdict: Verdict,
        answered: u32,
        total: u32,
        top_gaps: &'a [Gap],
    }
    let complete = scan.is_complete();
    let band = summary
        .readiness
        .filter(|_| complete)
        .map(|r| crate::band::ReadinessBand::reading(r, summary.verdict));
    let detail = Completed {
        complete,
        questions_answered: scan.answered,
        questions: scan.total,
        band: band.map(|b| b.key()),
        band_label: band.map(|b| b.label()),
        score: summary.readiness,
        verdict: summary.verdict,
        answered: summary.answered,
        total: summary.total,
        top_gaps: &summary.top_gaps,
    };
    // Plain data of our own: serialising it cannot fail.
    serde_json::to_string(&detail).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_list_six_levels_or_the_question_s_own_options_each_a_fitting_choice() {
        for q in Question::all() {
            let all = choices(q);
            match q.kind {
                QuestionKind::Maturity(_) => {
                    let levels: Vec<Option<u8>> = all.iter().map(|c| c.1).collect();
                    assert_eq!(levels, (0..=5).map(Some).collect::<Vec<_>>(), "{}", q.id);
                }
                _ => assert_eq!(all.len(), q.option_labels().len(), "{}", q.id),
            }
            for (c, _, text) in &all {
                assert!(c.fits(q) && !text.is_empty(), "{} {c:?}", q.id);
            }
        }
    }

    #[test]
    fn the_completed_detail_has_band_score_and_top_gaps_in_the_js_api_s_shape() {
        let text = include_str!("../../tests/fixtures/techserve-month1.json");
        let (a, _) = Assessment::read(text).unwrap();
        let r = score(&a);
        let s = summary(&a).unwrap();
        let complete = Progress {
            answered: 25,
            total: 25,
            first_unanswered: 25,
        };
        let d: serde_json::Value = serde_json::from_str(&completed_json(&s, complete)).unwrap();
        assert_eq!(d["complete"], true);
        assert_eq!(d["score"], serde_json::json!(r.readiness.unwrap()));
        assert_eq!(d["band"], "early-stage");
        assert_eq!(d["band_label"], "Early stage");
        assert_eq!(d["verdict"], "not_ready");
        assert_eq!(d["answered"], r.answered);
        assert_eq!(d["top_gaps"], serde_json::to_value(&r.gaps[..3]).unwrap());
        assert!(d["top_gaps"][0]["action"]
            .as_str()
            .is_some_and(|s| !s.is_empty()));
        // A partial scan: no band, however high the score.
        let partial = Progress {
            answered: 24,
            ..complete
        };
        let d: serde_json::Value = serde_json::from_str(&completed_json(&s, partial)).unwrap();
        assert!(d["band"].is_null() && d["band_label"].is_null());
        assert_eq!(d["complete"], false);
    }

    #[test]
    fn nothing_answered_gives_no_band_and_no_score() {
        let a = Assessment::default();
        let s = summary(&a).unwrap();
        let d: serde_json::Value = serde_json::from_str(&completed_json(&s, progress(&a))).unwrap();
        assert!(d["band"].is_null() && d["score"].is_null());
        assert_eq!(d["complete"], false);
        assert_eq!(d["top_gaps"], serde_json::json!([]));
    }
    use crate::catalog::SubcategoryId;
    use crate::readiness::score;
    use crate::scoring::Verdict;

    fn q(id: &str) -> &'static Question {
        Question::all().iter().find(|q| q.id == id).unwrap()
    }

    #[test]
    fn a_maturity_answer_sets_every_item_and_marks_the_question() {
        let mut a = Assessment::new(Framework::Iso42001);
        answer(&mut a, q("q09"), Some(Choice::Level(2)));
        assert_eq!(chosen(q("q09"), &a), Some(Choice::Level(2)));
        let answers = a.iso_answers().unwrap();
        for id in q("q09").items() {
            assert_eq!(answers[id].maturity, Some(2));
            assert_eq!(answers[id].quick_scan.as_deref(), Some("q09"));
        }
        // One answer is one piece of evidence: one minor, not a systemic major.
        let r = score(&a);
        assert_eq!(
            r.findings
                .iter()
                .filter(|f| f.severity == crate::scoring::FindingSeverity::Major)
                .count(),
            0
        );
        answer(&mut a, q("q09"), None);
        assert!(a.iso_answers().unwrap().is_empty());
        assert_eq!(chosen(q("q09"), &a), None);
    }

    #[test]
    fn roles_and_certificates_are_answers_too() {
        let mut a = Assessment::new(Framework::Iso42001);
        assert_eq!(chosen(q("role"), &a), None);
        answer(&mut a, q("role"), Some(Choice::Option(1)));
        assert_eq!(a.profile.roles, [AiRole::Customer]);
        assert_eq!(chosen(q("role"), &a), Some(Choice::Option(1)));

        assert_eq!(chosen(q("certificate"), &a), None);
        a.organisation.certifications = vec!["ISO 14001".into()];
        answer(&mut a, q("certificate"), Some(Choice::Option(3)));
        assert_eq!(
            chosen(q("certificate"), &a),
            Some(Choice::Option(3)),
            "neither"
        );
        assert_eq!(a.organisation.certifications, ["ISO 14001"]);
        answer(&mut a, q("certificate"), Some(Choice::Option(0)));
        assert_eq!(
            a.organisation.certifications,
            ["ISO 14001", "ISO/IEC 27001"]
        );
        assert_eq!(chosen(q("certificate"), &a), Some(Choice::Option(0)));
        let mut none = Assessment::new(Framework::Iso42001);
        answer(&mut none, q("certificate"), Some(Choice::Option(3)));
        assert!(none.organisation.certifications.is_empty());
        assert_eq!(chosen(q("certificate"), &none), Some(Choice::Option(3)));
        // "Neither" survives the file round trip.
        let (back, _) = Assessment::read(&none.to_json()).unwrap();
        assert_eq!(chosen(q("certificate"), &back), Some(Choice::Option(3)));
    }

    #[test]
    fn resume_counts_the_saved_work_in_the_assessment_s_own_framework() {
        let mut a = Assessment::new(Framework::Iso42001);
        assert_eq!(resume(&a), None);
        // The role question rates no item: the quick scan is resumed.
        answer(&mut a, q("role"), Some(Choice::Option(1)));
        let r = resume(&a).unwrap();
        assert_eq!(r, Resume::QuickScan(progress(&a)));
        assert_eq!(
            r.text(),
            format!(
                "1 of {} quick-scan questions answered",
                Question::all().len()
            )
        );
        // Items answered: the results, with the readiness report's own count.
        answer(&mut a, q("q09"), Some(Choice::Level(2)));
        let report = score(&a);
        assert_eq!(
            resume(&a),
            Some(Resume::Results {
                framework: Framework::Iso42001,
                answered: report.answered as usize,
                total: report.total as usize,
            })
        );
        assert_eq!(
            resume(&a).unwrap().text(),
            format!("{} of {} items answered", report.answered, report.total)
        );
        // A NIST AI RMF assessment counts its subcategories, not the inferred items.
        let mut nist = Assessment::new(Framework::NistAiRmf);
        assert_eq!(resume(&nist), None);
        if let Answers::NistAiRmf(answers) = &mut nist.answers {
            let mut ids = SubcategoryId::all();
            answers.insert(ids.next().unwrap(), Answer::rated(2));
            // A note alone answers nothing (the same count as the Data page's).
            let note = Answer {
                note: Some("ask the data team".into()),
                ..Answer::default()
            };
            answers.insert(ids.next().unwrap(), note);
        }
        assert_eq!(crate::readiness::answered(&nist), (1, 72));
        assert_eq!(
            resume(&nist).unwrap().text(),
            "1 of 72 NIST AI RMF subcategories answered"
        );
    }

    fn system(id: &str, origin: Option<Origin>) -> crate::assessment::AiSystem {
        crate::assessment::AiSystem {
            id: id.into(),
            name: Some(id.to_uppercase()),
            origin,
            ..Default::default()
        }
    }

    #[test]
    fn the_list_of_ai_systems_suggests_the_role_and_never_answers_it() {
        let role = q("role");
        let mut a = Assessment::new(Framework::Iso42001);
        assert_eq!(profile_hint(role, &a), None, "no systems, no hint");
        a.profile.systems = vec![system("bot", None)];
        assert_eq!(profile_hint(role, &a), None, "no origin stated, no hint");

        a.profile.systems = vec![
            system("bot", Some(Origin::Supplied)),
            system("cv", Some(Origin::Supplied)),
            system("new", None),
        ];
        let hint = profile_hint(role, &a).unwrap();
        let customer = Choice::Option(1);
        assert_eq!((hint.suggested, hint.differs), (customer, false));
        assert_eq!(
            hint.text,
            "From your list of AI systems in scope: BOT and CV are supplied by others; NEW is of origin not stated yet. \
             That points to \u{201c}We only use AI products or services that suppliers build\u{201d}: choose it to confirm, or another answer if the list is incomplete."
        );
        assert_eq!(chosen(role, &a), None, "a suggestion is not an answer");
        assert!(a.profile.roles.is_empty());

        answer(&mut a, role, Some(customer));
        let hint = profile_hint(role, &a).unwrap();
        assert!(!hint.differs);
        assert!(hint.text.starts_with("Matches your list"), "{}", hint.text);

        answer(&mut a, role, Some(Choice::Option(0)));
        let hint = profile_hint(role, &a).unwrap();
        assert!(hint.differs);
        assert!(hint.text.starts_with("Check this answer"), "{}", hint.text);

        a.profile.systems = vec![system("model", Some(Origin::InHouse))];
        assert_eq!(profile_hint(role, &a).unwrap().suggested, Choice::Option(0));
        a.profile
            .systems
            .push(system("bot", Some(Origin::Supplied)));
        assert_eq!(profile_hint(role, &a).unwrap().suggested, Choice::Option(2));
        // Only the role question has a hint.
        assert!(Question::all()
            .iter()
            .filter(|q| q.id != "role")
            .all(|q| profile_hint(q, &a).is_none()));
    }

    #[test]
    fn the_scan_is_complete_only_when_every_question_is_answered() {
        let mut a = Assessment::new(Framework::Iso42001);
        let questions = Question::all();
        for (i, question) in questions.iter().enumerate() {
            let p = progress(&a);
            assert_eq!((p.answered, p.first_unanswered), (i, i));
            let choice = match question.kind {
                QuestionKind::Maturity(_) => Choice::Level(3),
                _ => Choice::Option(0),
            };
            answer(&mut a, question, Some(choice));
        }
        assert!(progress(&a).is_complete());
        // Everything at 3 from the scan: no major, enough answers for a verdict.
        let r = score(&a);
        assert!(r.verdict.is_positive(), "{:?}", r.verdict);
        // One "not sure" and the verdict waits... unless the rest already shows a major.
        answer(&mut a, q("q05"), None);
        assert!(!progress(&a).is_complete());
        assert_eq!(score(&a).verdict, Verdict::Incomplete);
    }
}

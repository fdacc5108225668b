//! A learner's assessment checked against a model answer, item by item.
//!
//! For every item the model **assesses** (rates, or marks not applicable), the learner's
//! answer is:
//! - `exact`: the same maturity, or both exclude the control: 1 point;
//! - `within_one`: a maturity one level away: ½ point;
//! - `off`: two or more levels away, or one excludes the control and the other rates it (an
//!   applicability disagreement): 0 points;
//! - `missing`: the learner has not assessed it: 0 points.
//!
//! The score is `100 × points ÷ items the model assesses`, rounded to one decimal (`None` when
//! the model assesses nothing). Items the model leaves unassessed are not compared, and targets,
//! notes and evidence are not graded. A model compared with itself scores 100.
//!
//! What matters for certification is graded apart (ISO/IEC 42001 only): each side's answers are
//! scored by the readiness rules, and each compared item gets the finding each side's answers
//! imply (`major`, `minor` or `none`: the severity of the finding that covers the item, an
//! exclusion without a justification included). `finding_agreement` is true when they are the
//! same (a learner who says 1 where the model says 0 turns a major into a minor: not the same).
//! `finding_score` is the share of compared items whose findings agree, and `passed` compares it
//! with the pass mark (70 % unless the instructor's case link sets another). A disagreement is
//! explained in one sentence from our guidance.

use crate::assessment::{Answer, Assessment, Framework};
use crate::catalog::{IsoId, SubcategoryId};
use crate::readiness::score;
use crate::scoring::{round_tenth, FindingSeverity};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::{self, Write};

/// How far the learner's answer is from the model's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Agreement {
    Exact,
    WithinOne,
    Off,
    Missing,
}

impl Agreement {
    pub fn as_str(self) -> &'static str {
        match self {
            Agreement::Exact => "exact",
            Agreement::WithinOne => "within_one",
            Agreement::Off => "off",
            Agreement::Missing => "missing",
        }
    }

    /// Points towards the score: 1, ½ or 0.
    pub fn points(self) -> f64 {
        match self {
            Agreement::Exact => 1.0,
            Agreement::WithinOne => 0.5,
            Agreement::Off | Agreement::Missing => 0.0,
        }
    }
}

/// One side's answer for an item: serialized as `"not_assessed"`, `"excluded"` or
/// `{"maturity": 2}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    NotAssessed,
    Excluded,
    Maturity(u8),
}

impl Rating {
    /// `applicable: false` counts as an exclusion for Annex A controls (whether or not it is
    /// justified: the comparison grades the decision, the report grades the justification).
    fn of(answer: Option<&Answer>, excludable: bool) -> Rating {
        match answer {
            None => Rating::NotAssessed,
            Some(a) if !a.applicable && excludable => Rating::Excluded,
            Some(a) => a.maturity().map_or(Rating::NotAssessed, Rating::Maturity),
        }
    }
}

impl fmt::Display for Rating {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rating::NotAssessed => f.write_str("-"),
            Rating::Excluded => f.write_str("excluded"),
            Rating::Maturity(m) => write!(f, "{m}"),
        }
    }
}

/// The finding an answer implies for an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemFinding {
    Major,
    Minor,
    None,
}

impl ItemFinding {
    pub fn as_str(self) -> &'static str {
        match self {
            ItemFinding::Major => "major",
            ItemFinding::Minor => "minor",
            ItemFinding::None => "none",
        }
    }

    fn words(self) -> &'static str {
        match self {
            ItemFinding::Major => "a major nonconformity",
            ItemFinding::Minor => "a minor nonconformity",
            ItemFinding::None => "no finding",
        }
    }
}

/// One side of an item: the rating and the finding it implies (`None` for NIST AI RMF answers,
/// which have no findings of their own).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Side {
    pub rating: Rating,
    pub finding: Option<ItemFinding>,
}

/// One item of the comparison.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ItemComparison {
    /// The item id, canonical (`"A.5.4"`, `"GOVERN 1.1"`).
    pub item: &'static str,
    /// The ISO/IEC 42001 short title, or the NIST AI RMF subcategory text.
    pub title: &'static str,
    pub agreement: Agreement,
    pub points: f64,
    pub learner: Side,
    pub model: Side,
    /// The two answers imply the same finding (always false for an item the learner missed;
    /// `None` for NIST AI RMF answers).
    pub finding_agreement: Option<bool>,
    /// Why the model answers as it does: its `note`, or for an exclusion its `justification`.
    pub explanation: Option<String>,
    /// For a finding disagreement: what an auditor would write, in one sentence from our
    /// guidance.
    pub why: Option<String>,
}

/// The result of checking a learner's assessment against a model answer.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Comparison {
    pub framework: Framework,
    /// 0-100, one decimal; `None` when the model assesses nothing.
    pub score: Option<f64>,
    /// Sum of the items' points.
    pub points: f64,
    /// Items the model assesses (the score's denominator).
    pub compared: u32,
    pub exact: u32,
    pub within_one: u32,
    pub off: u32,
    pub missing: u32,
    /// ISO/IEC 42001: the share (0-100, one decimal) of compared items whose implied findings
    /// agree; `None` for NIST AI RMF answers or when nothing is compared.
    pub finding_score: Option<f64>,
    /// Items whose implied findings agree.
    pub finding_agreements: u32,
    /// The pass mark, 0-100, applied to `finding_score`.
    pub pass_mark: u8,
    /// `finding_score` reaches the pass mark.
    pub passed: bool,
    /// Items the model assesses, in catalog order.
    pub items: Vec<ItemComparison>,
}

/// The pass mark unless the instructor sets another.
pub const DEFAULT_PASS_MARK: u8 = 70;

/// The two assessments cannot be compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompareError {
    /// One holds ISO/IEC 42001 answers, the other NIST AI RMF answers.
    FrameworkMismatch {
        learner: Framework,
        model: Framework,
    },
}

impl fmt::Display for CompareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CompareError::FrameworkMismatch { learner, model } => write!(
                f,
                "the learner's assessment holds {} answers but the model answer holds {} answers; compare assessments of the same framework",
                learner.title(),
                model.title()
            ),
        }
    }
}

impl std::error::Error for CompareError {}

/// Compares a learner's assessment with a model answer (the rules are in the module doc), with
/// the default pass mark. Fails only when the two are of different frameworks.
pub fn compare(learner: &Assessment, model: &Assessment) -> Result<Comparison, CompareError> {
    compare_with_pass_mark(learner, model, DEFAULT_PASS_MARK)
}

/// The finding each ISO/IEC 42001 item's answers imply, from the readiness report.
fn implied_findings(a: &Assessment) -> BTreeMap<IsoId, ItemFinding> {
    let mut out = BTreeMap::new();
    for f in score(a).findings {
        let level = match f.severity {
            FindingSeverity::Major => ItemFinding::Major,
            FindingSeverity::Minor => ItemFinding::Minor,
            FindingSeverity::Observation => continue,
        };
        for id in f.items() {
            out.entry(id).or_insert(level);
        }
    }
    out
}

/// [`compare`] with the instructor's pass mark (clamped to 0-100).
pub fn compare_with_pass_mark(
    learner: &Assessment,
    model: &Assessment,
    pass_mark: u8,
) -> Result<Comparison, CompareError> {
    let pass_mark = pass_mark.min(100);
    let mismatch = CompareError::FrameworkMismatch {
        learner: learner.framework(),
        model: model.framework(),
    };
    let items = match (learner.iso_answers(), model.iso_answers()) {
        (Some(l), Some(m)) => {
            let (lf, mf) = (implied_findings(learner), implied_findings(model));
            let finding = |map: &BTreeMap<IsoId, ItemFinding>, id: IsoId| {
                Some(map.get(&id).copied().unwrap_or(ItemFinding::None))
            };
            compare_maps(l, m, |id: IsoId| Described {
                item: id.as_str(),
                title: id.item().title,
                excludable: id.is_annex_a(),
                findings: (finding(&lf, id), finding(&mf, id)),
                asks: id.explanation().map(|g| g.asks),
            })
        }
        (None, None) => match (learner.nist_answers(), model.nist_answers()) {
            (Some(l), Some(m)) => compare_maps(l, m, |id: SubcategoryId| Described {
                item: id.as_str(),
                title: id.info().text,
                excludable: false,
                findings: (None, None),
                asks: None,
            }),
            _ => return Err(mismatch),
        },
        _ => return Err(mismatch),
    };
    let iso = model.framework() == Framework::Iso42001;
    let finding_agreements = items
        .iter()
        .filter(|i| i.finding_agreement == Some(true))
        .count() as u32;
    let count = |a: Agreement| items.iter().filter(|i| i.agreement == a).count() as u32;
    let points: f64 = items.iter().map(|i| i.points).sum();
    let compared = items.len() as u32;
    let finding_score = (iso && compared > 0)
        .then(|| round_tenth(100.0 * f64::from(finding_agreements) / f64::from(compared)));
    Ok(Comparison {
        finding_score,
        finding_agreements,
        pass_mark,
        passed: finding_score.is_some_and(|s| s >= f64::from(pass_mark)),
        framework: model.framework(),
        score: (compared > 0).then(|| round_tenth(100.0 * points / f64::from(compared))),
        points,
        compared,
        exact: count(Agreement::Exact),
        within_one: count(Agreement::WithinOne),
        off: count(Agreement::Off),
        missing: count(Agreement::Missing),
        items,
    })
}

/// What the comparison needs to know of an item.
struct Described {
    item: &'static str,
    title: &'static str,
    excludable: bool,
    /// The findings the learner's and the model's answers imply (ISO/IEC 42001 only).
    findings: (Option<ItemFinding>, Option<ItemFinding>),
    /// What our guidance says the item asks.
    asks: Option<&'static str>,
}

fn compare_maps<K: Ord + Copy>(
    learner: &BTreeMap<K, Answer>,
    model: &BTreeMap<K, Answer>,
    describe: impl Fn(K) -> Described,
) -> Vec<ItemComparison> {
    let mut out = Vec::with_capacity(model.len());
    for (&id, answer) in model {
        let d = describe(id);
        let (item, title, excludable) = (d.item, d.title, d.excludable);
        let model_rating = Rating::of(Some(answer), excludable);
        if model_rating == Rating::NotAssessed {
            continue;
        }
        let learner_rating = Rating::of(learner.get(&id), excludable);
        let agreement = match (learner_rating, model_rating) {
            (Rating::NotAssessed, _) => Agreement::Missing,
            (Rating::Excluded, Rating::Excluded) => Agreement::Exact,
            (Rating::Maturity(l), Rating::Maturity(m)) => match l.abs_diff(m) {
                0 => Agreement::Exact,
                1 => Agreement::WithinOne,
                _ => Agreement::Off,
            },
            _ => Agreement::Off,
        };
        let explanation = if model_rating == Rating::Excluded {
            answer.justification().or(answer.note.as_deref())
        } else {
            answer.note.as_deref()
        };
        let (learner_finding, model_finding) = d.findings;
        let finding_agreement = model_finding
            .map(|m| learner_rating != Rating::NotAssessed && learner_finding == Some(m));
        let why = match (finding_agreement, learner_finding, model_finding) {
            (Some(false), Some(l), Some(m)) if learner_rating != Rating::NotAssessed => {
                Some(format!(
                    "The model answer implies {} and yours {}: {}",
                    m.words(),
                    l.words(),
                    d.asks.map_or_else(
                        || "rate the item by what the organisation can show an auditor."
                            .to_string(),
                        |a| {
                            let mut first = a.split(". ").next().unwrap_or(a).to_string();
                            if !first.ends_with('.') {
                                first.push('.');
                            }
                            first
                        }
                    )
                ))
            }
            _ => None,
        };
        out.push(ItemComparison {
            item,
            title,
            agreement,
            points: agreement.points(),
            learner: Side {
                rating: learner_rating,
                finding: learner_finding.filter(|_| learner_rating != Rating::NotAssessed),
            },
            model: Side {
                rating: model_rating,
                finding: model_finding,
            },
            finding_agreement,
            explanation: explanation.map(str::to_string),
            why,
        });
    }
    out
}

impl Comparison {
    /// Pretty-printed JSON (what `aims compare --format json` prints).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Plain text for a terminal: the score and counts, then one line per item that is not
    /// exact, with the model's explanation.
    pub fn to_text(&self) -> String {
        let mut o = String::new();
        // Writing to a String cannot fail.
        let _ = self.write_text(&mut o);
        o
    }

    fn write_text(&self, o: &mut String) -> fmt::Result {
        let score = self
            .score
            .map_or_else(|| "n/a".to_string(), crate::format::one_decimal);
        writeln!(o, "Score {score} of 100 over {} items", self.compared)?;
        writeln!(
            o,
            "  exact {}, within one level {}, off {}, missing {}",
            self.exact, self.within_one, self.off, self.missing
        )?;
        if let Some(f) = self.finding_score {
            writeln!(
                o,
                "Findings agree on {} of {} items ({}%): {} (pass mark {}%)",
                self.finding_agreements,
                self.compared,
                crate::format::one_decimal(f),
                if self.passed { "passed" } else { "not passed" },
                self.pass_mark
            )?;
        }
        let to_review: Vec<_> = self
            .items
            .iter()
            .filter(|i| i.agreement != Agreement::Exact || i.finding_agreement == Some(false))
            .collect();
        if to_review.is_empty() {
            return Ok(());
        }
        writeln!(o)?;
        writeln!(o, "To review (learner -> model)")?;
        for i in to_review {
            writeln!(
                o,
                "  {:<8} {:<10} {:>8} -> {:<8} {}",
                i.item,
                i.agreement.as_str(),
                i.learner.rating.to_string(),
                i.model.rating.to_string(),
                i.title
            )?;
            if let Some(w) = &i.why {
                writeln!(o, "           {w}")?;
            }
            if let Some(e) = &i.explanation {
                writeln!(o, "           {e}")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::{Answers, IsoAnswers};

    fn iso(pairs: &[(&str, Answer)]) -> Assessment {
        let answers: IsoAnswers = pairs
            .iter()
            .map(|(id, a)| (IsoId::parse(id).unwrap(), a.clone()))
            .collect();
        Assessment {
            answers: Answers::Iso42001(answers),
            ..Assessment::default()
        }
    }

    #[test]
    fn agreement_rules() {
        let model = iso(&[
            ("4.1", Answer::rated(2)),
            ("4.2", Answer::rated(2)),
            ("4.3", Answer::rated(2)),
            ("4.4", Answer::rated(2)),
            ("A.7.2", Answer::excluded("no training")),
            ("A.7.3", Answer::excluded("no data acquired")),
            ("A.7.4", Answer::rated(1)),
            // Not assessed by the model: not compared.
            ("5.1", Answer::default()),
        ]);
        let learner = iso(&[
            ("4.1", Answer::rated(2)),
            ("4.2", Answer::rated(3)),
            ("4.3", Answer::rated(0)),
            ("A.7.2", Answer::excluded("")),
            ("A.7.3", Answer::rated(1)),
            ("A.7.4", Answer::excluded("n/a")),
            ("5.1", Answer::rated(3)),
        ]);
        let c = compare(&learner, &model).unwrap();
        let got: Vec<(&str, Agreement)> = c.items.iter().map(|i| (i.item, i.agreement)).collect();
        assert_eq!(
            got,
            [
                ("4.1", Agreement::Exact),
                ("4.2", Agreement::WithinOne),
                ("4.3", Agreement::Off),
                ("4.4", Agreement::Missing),
                ("A.7.2", Agreement::Exact),
                ("A.7.3", Agreement::Off),
                ("A.7.4", Agreement::Off),
            ]
        );
        assert_eq!((c.exact, c.within_one, c.off, c.missing), (2, 1, 3, 1));
        assert_eq!(c.points, 2.5);
        assert_eq!(c.score, Some(35.7));
        assert_eq!(c.items[4].explanation.as_deref(), Some("no training"));
    }

    #[test]
    fn findings_are_graded_apart_from_the_distance() {
        let model = iso(&[("7.2", Answer::rated(0)), ("7.3", Answer::rated(3))]);
        // 1 where the model says 0: within one level, but a minor instead of a major.
        let learner = iso(&[("7.2", Answer::rated(1)), ("7.3", Answer::rated(4))]);
        let c = compare(&learner, &model).unwrap();
        let a = &c.items[0];
        assert_eq!(a.agreement, Agreement::WithinOne);
        assert_eq!(
            (a.learner.finding, a.model.finding, a.finding_agreement),
            (
                Some(ItemFinding::Minor),
                Some(ItemFinding::Major),
                Some(false)
            )
        );
        assert!(a.why.as_deref().unwrap().starts_with(
            "The model answer implies a major nonconformity and yours a minor nonconformity: "
        ));
        // 4 where the model says 3: within one level and the same finding (none).
        assert_eq!(c.items[1].finding_agreement, Some(true));
        assert_eq!((c.finding_agreements, c.finding_score), (1, Some(50.0)));
        assert!(!c.passed);
        assert!(compare_with_pass_mark(&learner, &model, 50).unwrap().passed);
        // An exclusion without a justification is a minor (against 6.1.3), not a justified one.
        let model = iso(&[("A.10.4", Answer::excluded("No customers"))]);
        let learner = iso(&[(
            "A.10.4",
            Answer {
                applicable: false,
                ..Answer::default()
            },
        )]);
        let c = compare(&learner, &model).unwrap();
        assert_eq!(c.items[0].agreement, Agreement::Exact);
        assert_eq!(c.items[0].finding_agreement, Some(false));
    }

    #[test]
    fn a_clause_marked_not_applicable_is_compared_by_maturity() {
        // Clauses cannot be excluded: `applicable: false` there is ignored, as scoring does.
        let model = iso(&[("4.1", Answer::rated(2))]);
        let mut a = Answer::rated(2);
        a.applicable = false;
        let learner = iso(&[("4.1", a)]);
        assert_eq!(compare(&learner, &model).unwrap().score, Some(100.0));
    }

    #[test]
    fn empty_model_has_no_score_and_frameworks_must_match() {
        let c = compare(&Assessment::default(), &Assessment::default()).unwrap();
        assert_eq!((c.score, c.compared), (None, 0));
        let nist = Assessment::new(Framework::NistAiRmf);
        let e = compare(&nist, &Assessment::default()).unwrap_err();
        assert!(e.to_string().contains("NIST AI RMF"), "{e}");
        assert_eq!(compare(&nist, &nist).unwrap().compared, 0);
    }

    #[test]
    fn ratings_serialize_for_javascript() {
        let v = serde_json::to_value([Rating::NotAssessed, Rating::Excluded, Rating::Maturity(2)])
            .unwrap();
        assert_eq!(
            v,
            serde_json::json!(["not_assessed", "excluded", {"maturity": 2}])
        );
    }
}

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

use crate::assessment::{Answer, Assessment, Framework};
use crate::catalog::{IsoId, SubcategoryId};
use crate::scoring::round_tenth;
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

/// One item of the comparison.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ItemComparison {
    /// The item id, canonical (`"A.5.4"`, `"GOVERN 1.1"`).
    pub item: &'static str,
    /// The ISO/IEC 42001 short title, or the NIST AI RMF subcategory text.
    pub title: &'static str,
    pub agreement: Agreement,
    pub points: f64,
    pub learner: Rating,
    pub model: Rating,
    /// Why the model answers as it does: its `note`, or for an exclusion its `justification`.
    pub explanation: Option<String>,
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
    /// Items the model assesses, in catalog order.
    pub items: Vec<ItemComparison>,
}

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

/// Compares a learner's assessment with a model answer (the rules are in the module doc).
/// Fails only when the two are of different frameworks.
pub fn compare(learner: &Assessment, model: &Assessment) -> Result<Comparison, CompareError> {
    let mismatch = CompareError::FrameworkMismatch {
        learner: learner.framework(),
        model: model.framework(),
    };
    let items = match (learner.iso_answers(), model.iso_answers()) {
        (Some(l), Some(m)) => compare_maps(l, m, |id: IsoId| {
            (id.as_str(), id.item().title, id.is_annex_a())
        }),
        (None, None) => match (learner.nist_answers(), model.nist_answers()) {
            (Some(l), Some(m)) => compare_maps(l, m, |id: SubcategoryId| {
                (id.as_str(), id.info().text, false)
            }),
            _ => return Err(mismatch),
        },
        _ => return Err(mismatch),
    };
    let count = |a: Agreement| items.iter().filter(|i| i.agreement == a).count() as u32;
    let points: f64 = items.iter().map(|i| i.points).sum();
    let compared = items.len() as u32;
    Ok(Comparison {
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

/// `describe(id)` gives the id as text, the title and whether the item can be excluded.
fn compare_maps<K: Ord + Copy>(
    learner: &BTreeMap<K, Answer>,
    model: &BTreeMap<K, Answer>,
    describe: impl Fn(K) -> (&'static str, &'static str, bool),
) -> Vec<ItemComparison> {
    let mut out = Vec::with_capacity(model.len());
    for (&id, answer) in model {
        let (item, title, excludable) = describe(id);
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
        out.push(ItemComparison {
            item,
            title,
            agreement,
            points: agreement.points(),
            learner: learner_rating,
            model: model_rating,
            explanation: explanation.map(str::to_string),
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
            .map_or_else(|| "n/a".to_string(), |s| format!("{s:.1}"));
        writeln!(o, "Score {score} of 100 over {} items", self.compared)?;
        writeln!(
            o,
            "  exact {}, within one level {}, off {}, missing {}",
            self.exact, self.within_one, self.off, self.missing
        )?;
        let to_review: Vec<_> = self
            .items
            .iter()
            .filter(|i| i.agreement != Agreement::Exact)
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
                i.learner.to_string(),
                i.model.to_string(),
                i.title
            )?;
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

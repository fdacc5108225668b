//! Reverse: NIST AI RMF answers → inferred ISO/IEC 42001 answers, and with them the whole
//! readiness report. Items with no counterpart (4.2, 6.3, 7.5.1, 7.5.2, 8.1), items whose
//! pairs are all `not_related`, and the management-system items the data declares the AI RMF
//! does not address (`engine/data/crosswalk-assess-directly.txt`) are never guessed: they stay
//! unassessed, so the report is provisional until they are assessed directly.

use super::forward::{bool_cell, source_cell};
use super::infer::{coverage, infer, CoverageStatus, Direction, Inferred, Support};
use super::{explain, Rating, Source, Sources};
use crate::assessment::{
    Answer, Answers, Assessment, Framework, IsoAnswers, Organisation, Planning,
};
use crate::catalog::{IsoId, SubcategoryId, Tables};
use crate::csv::CsvWriter;
use crate::scoring::findings::DisplayAsStr;
use crate::scoring::{score_items, ItemEval, Report};
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};
use std::fmt;

/// The reverse crosswalk.
#[derive(Clone, Debug, Serialize)]
pub struct Reverse {
    /// One row per assessable ISO/IEC 42001 item (70), in catalog order.
    pub items: Vec<InferredItem>,
    /// Items never inferred, with the reason: those the NIST AI RMF does not address, those with
    /// no pair, those whose pairs are all `not_related`. "Assess directly".
    pub assess_directly: Vec<AssessDirectly>,
    /// The readiness report of the inferred assessment.
    pub report: Report,
}

/// An ISO item to assess directly, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct AssessDirectly {
    pub item: IsoId,
    pub reason: &'static str,
}

/// Why an item with no pair is assessed directly.
pub const NO_PAIR: &str = "No NIST AI RMF subcategory is paired with it.";
/// Why an item whose pairs are all `not_related` is assessed directly.
pub const ONLY_NOT_RELATED: &str =
    "The subcategories paired with it turned out, on inspection, not to be related to it.";

/// What the reverse crosswalk could say about an ISO item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Inference {
    /// A maturity was inferred.
    Inferred,
    /// It has counterparts, but not enough of them are answered.
    NotInferred,
    /// No NIST AI RMF subcategory maps to it, or none that is related: assess directly.
    NoCounterpart,
    /// The NIST AI RMF does not address it (declared in the data): assess directly.
    NotAddressed,
}

impl Inference {
    pub fn as_str(self) -> &'static str {
        match self {
            Inference::Inferred => "inferred",
            Inference::NotInferred => "not_inferred",
            Inference::NoCounterpart => "no_counterpart",
            Inference::NotAddressed => "not_addressed",
        }
    }
}

/// The inference for one ISO item.
#[derive(Clone, Debug, PartialEq)]
pub struct InferredItem {
    pub item: IsoId,
    pub inference: Inference,
    pub maturity: Option<u8>,
    /// The maturity rests on subcategories that cover only part of the item (at most 2).
    pub indicative: bool,
    pub coverage: f64,
    pub status: CoverageStatus,
    pub sources: Sources<SubcategoryId>,
    /// Why the item is assessed directly, when it is.
    pub assess_directly: Option<&'static str>,
}

impl InferredItem {
    /// How the inference reads on the heat map: an item to assess directly is not assessed.
    pub fn shade(&self) -> super::Shade {
        match self.assess_directly {
            Some(_) => super::Shade::NotAssessed,
            None => super::Shade::of(self.status, &self.sources),
        }
    }

    /// Why the item was inferred as it was, in words.
    pub fn explanation(&self) -> impl fmt::Display + '_ {
        Explanation(self)
    }
}

struct Explanation<'a>(&'a InferredItem);

impl fmt::Display for Explanation<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let it = self.0;
        match (it.inference, it.assess_directly) {
            (Inference::NoCounterpart | Inference::NotAddressed, Some(reason)) => {
                write!(f, "Assess directly, nothing is inferred: {reason}")
            }
            _ => {
                let inferred = Inferred {
                    maturity: it.maturity,
                    indicative: it.indicative,
                };
                explain(
                    f,
                    &it.sources,
                    Framework::NistAiRmf,
                    it.status,
                    inferred,
                    false,
                )
            }
        }
    }
}

impl Serialize for InferredItem {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("InferredItem", 11)?;
        st.serialize_field("item", &self.item)?;
        st.serialize_field("title", self.item.item().title)?;
        st.serialize_field("inference", &self.inference)?;
        st.serialize_field("maturity", &self.maturity)?;
        st.serialize_field("inferred", &self.maturity.is_some())?;
        st.serialize_field("indicative", &self.indicative)?;
        st.serialize_field("coverage", &self.coverage)?;
        st.serialize_field("status", &self.status)?;
        st.serialize_field("sources", &self.sources)?;
        if let Some(reason) = self.assess_directly {
            st.serialize_field("assess_directly", reason)?;
        }
        st.serialize_field("explanation", &DisplayAsStr(&self.explanation()))?;
        st.end()
    }
}

pub(super) fn compute<T: Tables>(
    tables: &T,
    nist: &T::Ratings<Rating>,
    organisation: &Organisation,
    planning: Option<&Planning>,
) -> Reverse {
    let (assessable, _) = tables.assessable_count();
    let mut items = Vec::with_capacity(assessable);
    let mut evals = Vec::with_capacity(assessable);
    let mut assess_directly = Vec::new();
    for id in tables.assessable() {
        let source = |i: u16| {
            let p = &tables.pairs()[usize::from(i)];
            let r = nist[p.nist.index()];
            Source {
                item: p.nist,
                maturity: r.maturity,
                target: r.target,
                relationship: p.relationship,
                support: Support::of(p.relationship, Direction::NistToIso),
                pair: i,
                excluded: false,
            }
        };
        let links = || {
            tables
                .pair_indices_for_iso(id)
                .iter()
                .filter_map(|&i| source(i).link())
        };
        let mut sources = Sources::new();
        tables
            .pair_indices_for_iso(id)
            .iter()
            .for_each(|&i| sources.push(source(i)));
        let direct = match tables.not_addressed_by_nist(id) {
            Some(reason) => Some((Inference::NotAddressed, reason)),
            None if sources.is_empty() => Some((Inference::NoCounterpart, NO_PAIR)),
            None if sources.iter().all(|s| s.support == Support::None) => {
                Some((Inference::NoCounterpart, ONLY_NOT_RELATED))
            }
            None => None,
        };
        let (inference, inferred, (cov, status)) = match direct {
            Some((inference, reason)) => {
                assess_directly.push(AssessDirectly { item: id, reason });
                (
                    inference,
                    Inferred::default(),
                    (0.0, CoverageStatus::Unknown),
                )
            }
            None => {
                let inferred = infer(links());
                let inference = if inferred.maturity.is_some() {
                    Inference::Inferred
                } else {
                    Inference::NotInferred
                };
                (inference, inferred, coverage(links()))
            }
        };
        let maturity = inferred.maturity;
        evals.push(ItemEval::inferred(tables, id, maturity));
        items.push(InferredItem {
            item: id,
            inference,
            maturity,
            indicative: inferred.indicative,
            coverage: cov,
            status,
            sources,
            assess_directly: direct.map(|(_, reason)| reason),
        });
    }
    let report = score_items(tables, &evals, organisation, planning);
    Reverse {
        items,
        assess_directly,
        report,
    }
}

impl Reverse {
    /// The inferred answers (each marked `inferred`) as an ISO/IEC 42001 assessment of the
    /// organisation of `nist`, ready to be reviewed, completed and saved.
    pub fn to_assessment(&self, nist: &Assessment) -> Assessment {
        let answers: IsoAnswers = self
            .items
            .iter()
            .filter_map(|it| {
                it.maturity.map(|m| {
                    (
                        it.item,
                        Answer {
                            inferred: true,
                            ..Answer::rated(m)
                        },
                    )
                })
            })
            .collect();
        Assessment {
            organisation: nist.organisation.clone(),
            profile: nist.profile.clone(),
            planning: nist.planning.clone(),
            answers: Answers::Iso42001(answers),
            extra: nist.extra.clone(),
        }
    }

    /// CSV, one row per ISO item:
    /// `item,title,inference,maturity,indicative,status,coverage,sources,explanation`.
    pub fn to_csv(&self) -> String {
        let mut w = CsvWriter::new();
        w.row([
            "item",
            "title",
            "inference",
            "maturity",
            "indicative",
            "status",
            "coverage",
            "sources",
            "explanation",
        ]);
        for it in &self.items {
            let sources: Vec<String> = it.sources.iter().map(source_cell).collect();
            w.row([
                it.item.as_str(),
                it.item.item().title,
                it.inference.as_str(),
                &it.maturity.map_or(String::new(), |m| m.to_string()),
                bool_cell(it.indicative),
                it.status.as_str(),
                &it.coverage.to_string(),
                &sources.join(" "),
                &it.explanation().to_string(),
            ]);
        }
        w.finish()
    }
}

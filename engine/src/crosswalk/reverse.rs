//! Reverse: NIST AI RMF answers → inferred ISO/IEC 42001 answers, and with them the whole
//! readiness report. Items with no counterpart (4.2, 6.3, 7.5.1, 7.5.2, 8.1) are never guessed:
//! they stay unassessed, so the report is provisional until they are assessed directly.

use super::forward::source_cell;
use super::infer::{coverage, infer, CoverageStatus, Direction, Support};
use super::{explain, Source, Sources};
use crate::assessment::{
    Answer, Answers, Assessment, Framework, IsoAnswers, Organisation, Planning,
};
use crate::catalog::{IsoId, Pair, SubcategoryId, Tables};
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
    /// Items with no counterpart: "no counterpart: assess directly".
    pub assess_directly: Vec<IsoId>,
    /// The readiness report of the inferred assessment.
    pub report: Report,
}

/// What the reverse crosswalk could say about an ISO item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Inference {
    /// A maturity was inferred.
    Inferred,
    /// It has counterparts, but not enough of them are answered.
    NotInferred,
    /// No NIST AI RMF subcategory maps to it: assess directly.
    NoCounterpart,
}

/// The inference for one ISO item.
#[derive(Clone, Debug, PartialEq)]
pub struct InferredItem {
    pub item: IsoId,
    pub inference: Inference,
    pub maturity: Option<u8>,
    pub coverage: f64,
    pub status: CoverageStatus,
    pub sources: Sources<SubcategoryId>,
}

impl InferredItem {
    /// Why the item was inferred as it was, in words.
    pub fn explanation(&self) -> impl fmt::Display + '_ {
        Explanation(self)
    }
}

struct Explanation<'a>(&'a InferredItem);

impl fmt::Display for Explanation<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let it = self.0;
        match it.inference {
            Inference::NoCounterpart => f.write_str(
                "No counterpart: no NIST AI RMF subcategory maps to this item, so nothing is inferred; assess directly.",
            ),
            _ => explain(f, &it.sources, Framework::NistAiRmf, it.status, it.maturity),
        }
    }
}

impl Serialize for InferredItem {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("InferredItem", 8)?;
        st.serialize_field("item", &self.item)?;
        st.serialize_field("title", self.item.item().title)?;
        st.serialize_field("inference", &self.inference)?;
        st.serialize_field("maturity", &self.maturity)?;
        st.serialize_field("inferred", &self.maturity.is_some())?;
        st.serialize_field("coverage", &self.coverage)?;
        st.serialize_field("status", &self.status)?;
        st.serialize_field("sources", &self.sources)?;
        st.serialize_field("explanation", &DisplayAsStr(&self.explanation()))?;
        st.end()
    }
}

pub(super) fn compute<T: Tables>(
    tables: &T,
    nist: &T::Ratings,
    organisation: &Organisation,
    planning: Option<&Planning>,
) -> Reverse {
    let (assessable, _) = tables.assessable_count();
    let mut items = Vec::with_capacity(assessable);
    let mut evals = Vec::with_capacity(assessable);
    let mut assess_directly = Vec::new();
    for id in tables.assessable() {
        let source = |p: &Pair| {
            let r = nist[p.nist.index()];
            Source {
                item: p.nist,
                maturity: r.maturity,
                target: r.target,
                relationship: p.relationship,
                support: Support::of(p.relationship, Direction::NistToIso),
                excluded: false,
            }
        };
        let links = || tables.pairs_for_iso(id).map(|p| source(p).link());
        let mut sources = Sources::new();
        tables
            .pairs_for_iso(id)
            .for_each(|p| sources.push(source(p)));
        let (inference, maturity, (cov, status)) = if sources.is_empty() {
            assess_directly.push(id);
            (
                Inference::NoCounterpart,
                None,
                (0.0, CoverageStatus::Unknown),
            )
        } else {
            let m = infer(links());
            let inference = if m.is_some() {
                Inference::Inferred
            } else {
                Inference::NotInferred
            };
            (inference, m, coverage(links()))
        };
        evals.push(ItemEval::inferred(tables, id, maturity));
        items.push(InferredItem {
            item: id,
            inference,
            maturity,
            coverage: cov,
            status,
            sources,
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

    /// CSV, one row per ISO item: `item,title,inference,maturity,status,coverage,sources,explanation`.
    pub fn to_csv(&self) -> String {
        let mut w = CsvWriter::new();
        w.row([
            "item",
            "title",
            "inference",
            "maturity",
            "status",
            "coverage",
            "sources",
            "explanation",
        ]);
        for it in &self.items {
            let sources: Vec<String> = it.sources.iter().map(source_cell).collect();
            let inference = match it.inference {
                Inference::Inferred => "inferred",
                Inference::NotInferred => "not_inferred",
                Inference::NoCounterpart => "no_counterpart",
            };
            w.row([
                it.item.as_str(),
                it.item.item().title,
                inference,
                &it.maturity.map_or(String::new(), |m| m.to_string()),
                it.status.as_str(),
                &it.coverage.to_string(),
                &sources.join(" "),
                &it.explanation().to_string(),
            ]);
        }
        w.finish()
    }
}

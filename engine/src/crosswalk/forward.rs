//! Forward: ISO/IEC 42001 answers → coverage of the 72 NIST AI RMF subcategories, with roll-ups
//! per category (19) and function (4).

use super::infer::{coverage, infer, CoverageStatus, Direction, Support};
use super::{explain, Source, Sources};
use crate::assessment::{
    Answer, Answers, Assessment, Framework, NistAnswers, Organisation, Planning,
};
use crate::catalog::{Function, IsoId, Pair, SubcategoryId, Tables};
use crate::csv::CsvWriter;
use crate::scoring::findings::DisplayAsStr;
use crate::scoring::round_tenth;
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};
use std::fmt;

/// The forward crosswalk.
#[derive(Clone, Debug, Serialize)]
pub struct Forward {
    /// The 72 subcategories in catalog order.
    pub subcategories: Vec<SubcategoryCoverage>,
    /// The 19 categories.
    pub categories: Vec<Rollup>,
    /// The 4 functions.
    pub functions: Vec<Rollup>,
}

/// How far the ISO/IEC 42001 answers cover one NIST AI RMF subcategory.
#[derive(Clone, Debug, PartialEq)]
pub struct SubcategoryCoverage {
    pub id: SubcategoryId,
    /// 0-100: the mean attainment (`min(maturity, target) / target`) of its sources, unassessed
    /// ones as 0.
    pub coverage: f64,
    pub status: CoverageStatus,
    /// The maturity inferred for the subcategory (see [`super::infer`]).
    pub maturity: Option<u8>,
    pub sources: Sources<IsoId>,
}

impl SubcategoryCoverage {
    /// Why the coverage is what it is, in words.
    pub fn explanation(&self) -> impl fmt::Display + '_ {
        Explanation(self)
    }
}

struct Explanation<'a>(&'a SubcategoryCoverage);

impl fmt::Display for Explanation<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.0;
        explain(f, &s.sources, Framework::Iso42001, s.status, s.maturity)
    }
}

impl Serialize for SubcategoryCoverage {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let info = self.id.info();
        let mut st = s.serialize_struct("SubcategoryCoverage", 8)?;
        st.serialize_field("id", &self.id)?;
        st.serialize_field("function", &info.function)?;
        st.serialize_field("category", &info.category)?;
        st.serialize_field("coverage", &self.coverage)?;
        st.serialize_field("status", &self.status)?;
        st.serialize_field("maturity", &self.maturity)?;
        st.serialize_field("sources", &self.sources)?;
        st.serialize_field("explanation", &DisplayAsStr(&self.explanation()))?;
        st.end()
    }
}

/// Coverage of a category or function: the mean of its subcategories' coverage and how many
/// are in each status.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Rollup {
    pub id: &'static str,
    pub coverage: f64,
    /// `covered` when all are, `unknown` when all are, `not_covered` when none is covered or
    /// partial but some are not covered, else `partial`.
    pub status: CoverageStatus,
    pub covered: u32,
    pub partial: u32,
    pub not_covered: u32,
    pub unknown: u32,
    pub total: u32,
}

impl Rollup {
    fn new(id: &'static str) -> Rollup {
        Rollup {
            id,
            coverage: 0.0,
            status: CoverageStatus::Unknown,
            covered: 0,
            partial: 0,
            not_covered: 0,
            unknown: 0,
            total: 0,
        }
    }

    fn add(&mut self, s: &SubcategoryCoverage) {
        self.total += 1;
        self.coverage += s.coverage;
        match s.status {
            CoverageStatus::Covered => self.covered += 1,
            CoverageStatus::Partial => self.partial += 1,
            CoverageStatus::NotCovered => self.not_covered += 1,
            CoverageStatus::Unknown => self.unknown += 1,
        }
    }

    fn finish(&mut self) {
        if self.total > 0 {
            self.coverage = round_tenth(self.coverage / f64::from(self.total));
        }
        self.status = if self.covered == self.total {
            CoverageStatus::Covered
        } else if self.unknown == self.total {
            CoverageStatus::Unknown
        } else if self.covered + self.partial == 0 {
            CoverageStatus::NotCovered
        } else {
            CoverageStatus::Partial
        };
    }
}

pub(super) fn compute<T: Tables>(tables: &T, iso: &T::Ratings) -> Forward {
    let mut subcategories = Vec::with_capacity(tables.subcategories().len());
    let mut categories: Vec<Rollup> = tables
        .categories()
        .iter()
        .map(|c| Rollup::new(c.id))
        .collect();
    let mut functions: Vec<Rollup> = Function::ALL
        .iter()
        .map(|f| Rollup::new(f.as_str()))
        .collect();
    for id in tables.subcategory_ids() {
        let source = |p: &Pair| {
            let r = iso[p.iso.index()];
            Source {
                item: p.iso,
                maturity: r.maturity,
                target: r.target,
                relationship: p.relationship,
                support: Support::of(p.relationship, Direction::IsoToNist),
                excluded: r.excluded,
            }
        };
        let links = || tables.pairs_for_nist(id).map(|p| source(p).link());
        let mut sources = Sources::new();
        tables
            .pairs_for_nist(id)
            .for_each(|p| sources.push(source(p)));
        let (cov, status) = coverage(links());
        let s = SubcategoryCoverage {
            id,
            coverage: cov,
            status,
            maturity: infer(links()),
            sources,
        };
        let info = tables.subcategory(id);
        if let Some(c) = categories.get_mut(info.category.index()) {
            c.add(&s);
        }
        if let Some(f) = functions.get_mut(info.function.index()) {
            f.add(&s);
        }
        subcategories.push(s);
    }
    categories
        .iter_mut()
        .chain(functions.iter_mut())
        .for_each(Rollup::finish);
    Forward {
        subcategories,
        categories,
        functions,
    }
}

impl Forward {
    /// The inferred subcategory maturities as a NIST AI RMF assessment (answers marked
    /// `inferred`), e.g. to feed [`super::reverse`].
    pub fn to_assessment(
        &self,
        organisation: &Organisation,
        planning: Option<&Planning>,
    ) -> Assessment {
        let answers: NistAnswers = self
            .subcategories
            .iter()
            .filter_map(|s| {
                s.maturity.map(|m| {
                    (
                        s.id,
                        Answer {
                            inferred: true,
                            ..Answer::rated(m)
                        },
                    )
                })
            })
            .collect();
        Assessment {
            organisation: organisation.clone(),
            planning: planning.cloned(),
            answers: Answers::NistAiRmf(answers),
            ..Assessment::default()
        }
    }

    /// CSV, one row per subcategory:
    /// `id,function,category,status,coverage,maturity,sources,explanation`, where `sources` lists
    /// `ID=maturity/target` (`-` not assessed, `x` excluded) separated by spaces.
    pub fn to_csv(&self) -> String {
        let mut w = CsvWriter::new();
        w.row([
            "id",
            "function",
            "category",
            "status",
            "coverage",
            "maturity",
            "sources",
            "explanation",
        ]);
        for s in &self.subcategories {
            let info = s.id.info();
            let sources: Vec<String> = s.sources.iter().map(source_cell).collect();
            w.row([
                s.id.as_str(),
                info.function.as_str(),
                info.category.as_str(),
                s.status.as_str(),
                &s.coverage.to_string(),
                &s.maturity.map_or(String::new(), |m| m.to_string()),
                &sources.join(" "),
                &s.explanation().to_string(),
            ]);
        }
        w.finish()
    }
}

/// `ID=maturity/target`, `ID=-/target` when not assessed, `ID=x` when excluded.
pub(super) fn source_cell<K: fmt::Display>(s: &Source<K>) -> String {
    match (s.excluded, s.maturity) {
        (true, _) => format!("{}=x", s.item),
        (false, None) => format!("{}=-/{}", s.item, s.target),
        (false, Some(m)) => format!("{}={m}/{}", s.item, s.target),
    }
}

//! Forward: ISO/IEC 42001 answers → coverage of the 72 NIST AI RMF subcategories, with roll-ups
//! per category (19) and function (4).

use super::infer::{coverage, infer, CoverageStatus, Direction, Link, Support};
use super::{explain, Rating, Source, Sources};
use crate::assessment::{
    Answer, Answers, Assessment, Framework, NistAnswers, Organisation, Planning,
};
use crate::catalog::{Function, IsoId, SubcategoryId, Tables};
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
    /// The maturity rests on items that cover only part of the subcategory (at most 2).
    pub indicative: bool,
    /// Covered by a declared set of `subset_of` items that together contain it.
    pub jointly_complete: bool,
    pub sources: Sources<IsoId>,
}

impl SubcategoryCoverage {
    /// How the status reads on the heat map.
    pub fn shade(&self) -> super::Shade {
        super::Shade::of(self.status, &self.sources)
    }

    /// Why the coverage is what it is, in words.
    pub fn explanation(&self) -> impl fmt::Display + '_ {
        Explanation(self)
    }
}

struct Explanation<'a>(&'a SubcategoryCoverage);

impl fmt::Display for Explanation<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.0;
        let inferred = super::Inferred {
            maturity: s.maturity,
            indicative: s.indicative,
        };
        explain(
            f,
            &s.sources,
            Framework::Iso42001,
            s.status,
            inferred,
            s.jointly_complete,
        )
    }
}

impl Serialize for SubcategoryCoverage {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let info = self.id.info();
        let mut st = s.serialize_struct("SubcategoryCoverage", 10)?;
        st.serialize_field("id", &self.id)?;
        st.serialize_field("function", &info.function)?;
        st.serialize_field("category", &info.category)?;
        st.serialize_field("coverage", &self.coverage)?;
        st.serialize_field("status", &self.status)?;
        st.serialize_field("maturity", &self.maturity)?;
        st.serialize_field("indicative", &self.indicative)?;
        st.serialize_field("jointly_complete", &self.jointly_complete)?;
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

pub(super) fn compute<T: Tables>(tables: &T, iso: &T::Ratings<Rating>) -> Forward {
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
        let source = |i: u16| {
            let p = &tables.pairs()[usize::from(i)];
            let r = iso[p.iso.index()];
            Source {
                item: p.iso,
                maturity: r.maturity,
                target: r.target,
                relationship: p.relationship,
                support: Support::of(p.relationship, Direction::IsoToNist),
                pair: i,
                excluded: r.excluded,
            }
        };
        let joint = joint_link(
            tables
                .joint_indices_for_nist(id)
                .iter()
                .map(|&i| iso[tables.pairs()[usize::from(i)].iso.index()]),
        );
        let links = || {
            tables
                .pair_indices_for_nist(id)
                .iter()
                .filter_map(|&i| source(i).link())
                .chain(joint)
        };
        let mut sources = Sources::new();
        tables
            .pair_indices_for_nist(id)
            .iter()
            .for_each(|&i| sources.push(source(i)));
        let (cov, status) = coverage(links());
        let inferred = infer(links());
        let s = SubcategoryCoverage {
            id,
            coverage: cov,
            status,
            maturity: inferred.maturity,
            indicative: inferred.indicative,
            jointly_complete: joint.is_some_and(|j| coverage([j]).1 == CoverageStatus::Covered),
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

/// A declared jointly complete set of `subset_of` sources read as one full source: its maturity
/// is the lowest of the set (`None` when one is unassessed or excluded), its target the highest.
/// `None` when no set is declared.
pub(super) fn joint_link(members: impl Iterator<Item = Rating>) -> Option<Link> {
    let mut link: Option<Link> = None;
    for r in members {
        let m = if r.excluded { None } else { r.maturity };
        link = Some(match link {
            None => Link {
                maturity: m,
                target: r.target,
                support: Support::Full,
            },
            Some(l) => Link {
                maturity: l.maturity.zip(m).map(|(a, b)| a.min(b)),
                target: l.target.max(r.target),
                support: Support::Full,
            },
        });
    }
    link
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
    /// `id,function,category,status,coverage,maturity,indicative,jointly_complete,sources,explanation`,
    /// where `sources` lists `ID=maturity/target:relationship` (`-` not assessed, `x` excluded)
    /// separated by spaces.
    pub fn to_csv(&self) -> String {
        let mut w = CsvWriter::new();
        w.row([
            "id",
            "function",
            "category",
            "status",
            "coverage",
            "maturity",
            "indicative",
            "jointly_complete",
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
                bool_cell(s.indicative),
                bool_cell(s.jointly_complete),
                &sources.join(" "),
                &s.explanation().to_string(),
            ]);
        }
        w.finish()
    }
}

/// `ID=maturity/target:relationship`, `ID=-/target:…` when not assessed, `ID=x:…` when excluded.
pub(super) fn source_cell<K: fmt::Display>(s: &Source<K>) -> String {
    let rel = s.relationship.as_str();
    match (s.excluded, s.maturity) {
        (true, _) => format!("{}=x:{rel}", s.item),
        (false, None) => format!("{}=-/{}:{rel}", s.item, s.target),
        (false, Some(m)) => format!("{}={m}/{}:{rel}", s.item, s.target),
    }
}

pub(super) fn bool_cell(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(maturity: Option<u8>, target: u8, excluded: bool) -> Rating {
        Rating {
            maturity,
            target,
            excluded,
        }
    }

    #[test]
    fn a_jointly_complete_set_is_one_full_source_at_its_weakest() {
        assert_eq!(joint_link(std::iter::empty()), None);
        let set = [r(Some(4), 3, false), r(Some(3), 3, false)];
        let l = joint_link(set.into_iter()).expect("declared");
        assert_eq!(
            (l.maturity, l.target, l.support),
            (Some(3), 3, Support::Full)
        );
        assert_eq!(coverage([l]).1, CoverageStatus::Covered);
        // One member below level 3, unassessed or excluded: the set is not complete.
        for weak in [r(Some(2), 3, false), r(None, 3, false), r(Some(5), 3, true)] {
            let l = joint_link([set[0], weak].into_iter()).expect("declared");
            assert_ne!(coverage([l]).1, CoverageStatus::Covered, "{weak:?}");
        }
        // The highest target of the set applies.
        let l =
            joint_link([r(Some(4), 4, false), r(Some(3), 3, false)].into_iter()).expect("declared");
        assert_eq!((l.maturity, l.target), (Some(3), 4));
    }
}

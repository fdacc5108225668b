//! ISO/IEC 42001 ⇄ NIST AI RMF coverage in both directions, conservative and explained
//! (rules for users in docs/crosswalk.md).
//!
//! - [`forward`]: ISO/IEC 42001 answers → coverage of each of the 72 NIST AI RMF subcategories,
//!   rolled up per category and function.
//! - [`reverse`]: NIST AI RMF answers → inferred ISO/IEC 42001 answers (marked `inferred`) and
//!   the full readiness report; the items with no counterpart are listed to assess directly.
//! - [`matrix`]: pair counts and mean coverage per NIST function and category × ISO section,
//!   for a heat map.
//!
//! Guarantees: a pair counts only as far as its relationship type says (`equal`, `subset_of`,
//! `superset_of`, `intersects_with`, `not_related`, see [`infer`]): only a source containing the
//! inferred item makes it covered or infers level 3; an inferred value never exceeds what its
//! sources support; the ISO items the NIST AI RMF does not address are never inferred; raising
//! any source answer never lowers an inferred value or a coverage; and every inferred value
//! carries its sources, with their relationship and rationale, and an explanation.

mod forward;
pub mod infer;
mod matrix;
mod reverse;
mod rules;

pub use forward::{Forward, Rollup, SubcategoryCoverage};
pub use infer::{CoverageStatus, Direction, Inferred, Link, Support, FULL_LEVEL, PARTIAL_CAP};
pub use matrix::{heat_range, matrix, Cell, Matrix, MatrixRow, HEAT_BOUNDS, HEAT_SHADES};
pub use reverse::{AssessDirectly, Inference, InferredItem, Reverse};
pub use rules::rules;

use crate::assessment::{
    Assessment, Framework, IsoAnswers, NistAnswers, Organisation, Planning, DEFAULT_TARGET,
};
use crate::catalog::{Relationship, Shipped, Tables};
use serde::Serialize;
use std::fmt;

/// Forward crosswalk of an ISO/IEC 42001 assessment.
pub fn forward(a: &Assessment) -> Result<Forward, FrameworkMismatch> {
    match a.iso_answers() {
        Some(answers) => Ok(nist_coverage(answers)),
        None => Err(FrameworkMismatch {
            expected: Framework::Iso42001,
            found: a.framework(),
        }),
    }
}

/// Reverse crosswalk of a NIST AI RMF assessment.
pub fn reverse(a: &Assessment) -> Result<Reverse, FrameworkMismatch> {
    match a.nist_answers() {
        Some(answers) => Ok(infer_iso(
            answers,
            &a.sized_organisation(),
            a.planning.as_ref(),
        )),
        None => Err(FrameworkMismatch {
            expected: Framework::NistAiRmf,
            found: a.framework(),
        }),
    }
}

/// The crosswalk of an assessment as the command line (`aims crosswalk --format json`) and the JS
/// API return it: the engine's result, for the reverse direction the inferred answers as an
/// assessment file (to save and complete), the heat-map matrix of the same answers, and the
/// attribution of the crosswalk data.
#[derive(Serialize)]
pub struct Output {
    #[serde(flatten)]
    pub result: Computed,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assessment: Option<Assessment>,
    pub matrix: Matrix,
    pub attribution: &'static str,
}

/// The result of one direction of [`Output`].
#[derive(Serialize)]
#[serde(untagged)]
pub enum Computed {
    Forward(Forward),
    Reverse(Box<Reverse>),
}

/// The crosswalk of `a` towards `to` ([`forward`] to the NIST AI RMF, [`reverse`] to ISO/IEC
/// 42001) with everything [`Output`] carries.
pub fn output(a: &Assessment, to: Framework) -> Result<Output, FrameworkMismatch> {
    let (result, assessment) = match to {
        Framework::NistAiRmf => (Computed::Forward(forward(a)?), None),
        Framework::Iso42001 => {
            let r = reverse(a)?;
            let inferred = r.to_assessment(a);
            (Computed::Reverse(Box::new(r)), Some(inferred))
        }
    };
    Ok(Output {
        result,
        assessment,
        matrix: matrix(a),
        attribution: crate::catalog::CROSSWALK_ATTRIBUTION,
    })
}

/// Coverage of the 72 NIST AI RMF subcategories from ISO/IEC 42001 answers.
pub fn nist_coverage(answers: &IsoAnswers) -> Forward {
    nist_coverage_in(&Shipped, answers)
}

/// [`nist_coverage`] over any catalog's tables (the shipped ones, or a generated catalog).
pub(crate) fn nist_coverage_in<T: Tables>(tables: &T, answers: &IsoAnswers) -> Forward {
    forward::compute(tables, &iso_table(tables, answers))
}

/// Inferred ISO/IEC 42001 answers and report from NIST AI RMF answers.
pub fn infer_iso(
    answers: &NistAnswers,
    organisation: &Organisation,
    planning: Option<&Planning>,
) -> Reverse {
    infer_iso_in(&Shipped, answers, organisation, planning)
}

/// [`infer_iso`] over any catalog's tables (the shipped ones, or a generated catalog).
pub(crate) fn infer_iso_in<T: Tables>(
    tables: &T,
    answers: &NistAnswers,
    organisation: &Organisation,
    planning: Option<&Planning>,
) -> Reverse {
    reverse::compute(tables, &nist_table(tables, answers), organisation, planning)
}

/// How a status reads on the heat map: what the pairs let a user claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Shade {
    /// Nothing that counts is assessed, or the item is to be assessed directly.
    NotAssessed,
    /// Everything assessed that counts is at 0.
    NotCovered,
    /// Above 0, resting only on sources that cover part of it: an indication, never a claim.
    Indicative,
    /// Above 0, with a source that contains it, not yet at level 3 and its target.
    Partial,
    /// A containing source (or jointly complete set) at level 3 and at its target.
    Covered,
}

impl Shade {
    pub const ALL: [Shade; 5] = [
        Shade::Covered,
        Shade::Partial,
        Shade::Indicative,
        Shade::NotCovered,
        Shade::NotAssessed,
    ];

    /// The shade of a status resting on `sources`.
    pub fn of<K: Copy>(status: CoverageStatus, sources: &Sources<K>) -> Shade {
        match status {
            CoverageStatus::Covered => Shade::Covered,
            CoverageStatus::Partial
                if sources
                    .iter()
                    .any(|s| s.support == Support::Full && !s.excluded) =>
            {
                Shade::Partial
            }
            CoverageStatus::Partial => Shade::Indicative,
            CoverageStatus::NotCovered => Shade::NotCovered,
            CoverageStatus::Unknown => Shade::NotAssessed,
        }
    }

    /// What the shade means, for a legend.
    pub fn meaning(self) -> String {
        match self {
            Shade::Covered => {
                format!("Covered: a source containing it at level {FULL_LEVEL} and at target")
            }
            Shade::Partial => {
                format!("Partial: a source containing it, not yet at level {FULL_LEVEL} and target")
            }
            Shade::Indicative => "Indicative: only sources covering part of it".to_string(),
            Shade::NotCovered => "Not covered: everything that counts at 0".to_string(),
            Shade::NotAssessed => "Not assessed (or assess directly)".to_string(),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Shade::Covered => "covered",
            Shade::Partial => "partial",
            Shade::Indicative => "indicative",
            Shade::NotCovered => "not_covered",
            Shade::NotAssessed => "not_assessed",
        }
    }

    /// In words, for a legend.
    pub fn label(self) -> &'static str {
        match self {
            Shade::Covered => "Covered",
            Shade::Partial => "Partial",
            Shade::Indicative => "Indicative",
            Shade::NotCovered => "Not covered",
            Shade::NotAssessed => "Not assessed",
        }
    }
}

/// The assessment is of the other framework.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FrameworkMismatch {
    pub expected: Framework,
    pub found: Framework,
}

impl fmt::Display for FrameworkMismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the assessment holds {} answers; this direction of the crosswalk reads {} answers",
            self.found.title(),
            self.expected.title()
        )
    }
}

impl std::error::Error for FrameworkMismatch {}

/// One item an inferred value rests on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Source<K> {
    pub item: K,
    /// `None` when not assessed or excluded.
    pub maturity: Option<u8>,
    pub target: u8,
    /// How the ISO item of the pair relates to its NIST subcategory.
    pub relationship: Relationship,
    /// What this source can support in this direction (`none` for `not_related`).
    pub support: Support,
    /// The pair's index in the catalog (a `u16`, not the rationale itself, so that a source stays
    /// small: every inferred item holds its sources inline).
    pub pair: u16,
    /// An Annex A control excluded with a justification: it is left out, the others count.
    pub excluded: bool,
}

impl<K> Source<K> {
    /// The source as the rule reads it; `None` when excluded (it removes itself).
    pub fn link(&self) -> Option<Link> {
        (!self.excluded).then_some(Link {
            maturity: self.maturity,
            target: self.target,
            support: self.support,
        })
    }

    /// Why the pair has its relationship (empty for a pair outside the shipped catalog).
    pub fn rationale(&self) -> &'static str {
        crate::catalog::Pair::all()
            .get(usize::from(self.pair))
            .map_or("", |p| p.rationale)
    }
}

impl<K: Serialize> Serialize for Source<K> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Source", 7)?;
        st.serialize_field("item", &self.item)?;
        st.serialize_field("maturity", &self.maturity)?;
        st.serialize_field("target", &self.target)?;
        st.serialize_field("relationship", &self.relationship)?;
        st.serialize_field("support", &self.support)?;
        st.serialize_field("rationale", self.rationale())?;
        if self.excluded {
            st.serialize_field("excluded", &true)?;
        }
        st.end()
    }
}

/// Room for the sources of one item; the most any item has is 16 (A.5.4), tested in
/// `every_pair_list_fits`.
pub const MAX_SOURCES: usize = 24;

/// The sources of one inferred item, held inline (no allocation per item). Beyond
/// [`MAX_SOURCES`] the list would say how many it omits; inference always reads every pair.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Sources<K: Copy> {
    slots: [Option<Source<K>>; MAX_SOURCES],
    len: u8,
    omitted: u8,
}

impl<K: Copy> Sources<K> {
    fn new() -> Self {
        Sources {
            slots: [None; MAX_SOURCES],
            len: 0,
            omitted: 0,
        }
    }

    fn push(&mut self, s: Source<K>) {
        match self.slots.get_mut(usize::from(self.len)) {
            Some(slot) => {
                *slot = Some(s);
                self.len += 1;
            }
            None => self.omitted = self.omitted.saturating_add(1),
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = &Source<K>> {
        self.slots.iter().take(usize::from(self.len)).flatten()
    }

    pub fn len(&self) -> usize {
        usize::from(self.len)
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Sources left out of the list for want of room (0 with the shipped crosswalk).
    pub fn omitted(&self) -> usize {
        usize::from(self.omitted)
    }
}

impl<K: Copy + fmt::Debug> fmt::Debug for Sources<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<K: Copy + Serialize> Serialize for Sources<K> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

/// One answer as the crosswalk reads it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Rating {
    pub maturity: Option<u8>,
    pub target: u8,
    pub excluded: bool,
}

impl Default for Rating {
    fn default() -> Self {
        Rating {
            maturity: None,
            target: DEFAULT_TARGET,
            excluded: false,
        }
    }
}

/// Ratings indexed by id, for the shipped catalog (see [`Tables::blank_ratings`]).
pub(crate) type Table = <Shipped as Tables>::Ratings<Rating>;

fn iso_table<T: Tables>(tables: &T, answers: &IsoAnswers) -> T::Ratings<Rating> {
    let mut t = tables.blank_ratings();
    for (id, a) in answers {
        let excluded = !a.applicable && tables.annex_a(*id) && a.justification().is_some();
        t[id.index()] = Rating {
            maturity: if excluded { None } else { a.maturity() },
            target: a.target(),
            excluded,
        };
    }
    t
}

fn nist_table<T: Tables>(tables: &T, answers: &NistAnswers) -> T::Ratings<Rating> {
    let mut t = tables.blank_ratings();
    for (id, a) in answers {
        t[id.index()] = Rating {
            maturity: a.maturity(),
            target: a.target(),
            excluded: false,
        };
    }
    t
}

/// Writes the explanation of an inferred value: the sources with their types and values, what
/// the types allow, and the status.
pub(crate) fn explain<K: fmt::Display + Copy>(
    f: &mut fmt::Formatter<'_>,
    sources: &Sources<K>,
    source_framework: Framework,
    status: CoverageStatus,
    inferred: Inferred,
    jointly_complete: bool,
) -> fmt::Result {
    let n = sources.len() + sources.omitted();
    let count = |s: Support| {
        sources
            .iter()
            .filter(|x| x.support == s && !x.excluded)
            .count()
    };
    let (full, partial, none) = (
        count(Support::Full),
        count(Support::Partial),
        count(Support::None),
    );
    let excluded = sources.iter().filter(|x| x.excluded).count();
    write!(
        f,
        "Rests on {n} {} item{}",
        source_framework.title(),
        if n == 1 { "" } else { "s" }
    )?;
    let mut parts: Vec<String> = Vec::new();
    if full > 0 {
        parts.push(format!("{full} containing it"));
    }
    if partial > 0 {
        parts.push(format!("{partial} covering only part"));
    }
    if none > 0 {
        parts.push(format!("{none} not related (not counted)"));
    }
    if excluded > 0 {
        parts.push(format!("{excluded} excluded (left out)"));
    }
    if !parts.is_empty() {
        write!(f, " ({})", parts.join(", "))?;
    }
    f.write_str(": ")?;
    for (i, s) in sources.iter().enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        match (s.excluded, s.maturity) {
            (true, _) => write!(f, "{} excluded", s.item)?,
            (false, None) => write!(f, "{} not assessed", s.item)?,
            (false, Some(m)) => write!(f, "{} at {m} of {}", s.item, s.target)?,
        }
        write!(f, " [{}]", s.relationship.as_str())?;
    }
    if sources.omitted() > 0 {
        write!(f, " and {} more", sources.omitted())?;
    }
    f.write_str(". ")?;
    f.write_str(match (status, jointly_complete) {
        (CoverageStatus::Covered, true) => {
            "Covered: a set of items that together contain it is at level 3 and at target."
        }
        (CoverageStatus::Covered, false) => {
            "Covered: an item containing it is at level 3 and at its target."
        }
        (CoverageStatus::Partial, _) if full == 0 => {
            "Partial: some are above 0; items that cover only part of it never make it covered."
        }
        (CoverageStatus::Partial, _) => {
            "Partial: some are above 0, but no item containing it is at level 3 and at its target."
        }
        (CoverageStatus::NotCovered, _) => "Not covered: every assessed item that counts is at 0.",
        (CoverageStatus::Unknown, _) => "Unknown: none of the items that count is assessed.",
    })?;
    match (inferred.maturity, inferred.indicative) {
        (Some(m), true) => write!(
            f,
            " Inferred maturity {m}, indicative: no higher than the weakest partial item, and at most {PARTIAL_CAP}."
        ),
        (Some(m), false) => write!(
            f,
            " Inferred maturity {m}: from the best item containing it."
        ),
        (None, _) if full + partial == 0 => f.write_str(" Nothing that counts: no maturity is inferred."),
        (None, _) => f.write_str(
            " No maturity is inferred until an item containing it, or every partial item, is assessed.",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{IsoId, Pair, SubcategoryId};

    fn fixture(name: &str) -> Assessment {
        let text = std::fs::read_to_string(format!(
            "{}/tests/fixtures/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .expect("fixture");
        Assessment::read(&text).expect("reads").0
    }

    #[test]
    fn output_carries_the_result_the_inferred_assessment_and_the_matrix() {
        let iso = fixture("techserve-month1.json");
        assert_eq!(iso.framework().other(), Framework::NistAiRmf);
        let f = output(&iso, Framework::NistAiRmf).expect("forward");
        assert!(matches!(f.result, Computed::Forward(_)) && f.assessment.is_none());
        let json = serde_json::to_value(&f).expect("serializes");
        assert!(json.get("subcategories").is_some() && json.get("matrix").is_some());
        assert!(json.get("assessment").is_none());

        let nist = fixture("nist-all-at-target.json");
        assert_eq!(nist.framework().other(), Framework::Iso42001);
        let r = output(&nist, Framework::Iso42001).expect("reverse");
        let inferred = r.assessment.as_ref().expect("inferred assessment");
        assert_eq!(inferred.framework(), Framework::Iso42001);
        assert!(matches!(r.result, Computed::Reverse(_)));

        let err = output(&iso, Framework::Iso42001).err().expect("mismatch");
        assert_eq!(
            (err.expected, err.found),
            (Framework::NistAiRmf, Framework::Iso42001)
        );
    }

    #[test]
    fn every_pair_list_fits() {
        let most_iso = IsoId::all()
            .map(|i| Pair::for_iso(i).count())
            .max()
            .unwrap_or(0);
        let most_nist = SubcategoryId::all()
            .map(|s| Pair::for_nist(s).count())
            .max()
            .unwrap_or(0);
        assert_eq!((most_iso, most_nist), (16, 9));
        assert!(most_iso.max(most_nist) <= MAX_SOURCES);
    }

    #[test]
    fn a_full_list_counts_what_it_omits() {
        let s = Source {
            item: IsoId::parse("5.2").unwrap(),
            maturity: Some(1),
            target: 3,
            relationship: Relationship::IntersectsWith,
            support: Support::Partial,
            pair: 0,
            excluded: false,
        };
        let mut list = Sources::new();
        for _ in 0..MAX_SOURCES + 2 {
            list.push(s);
        }
        assert_eq!(
            (list.len(), list.omitted(), list.iter().count()),
            (MAX_SOURCES, 2, MAX_SOURCES)
        );
    }
}

//! A catalog `factor` times the shipped one, to measure how the cost of scoring and of the
//! crosswalk grows with the catalog's size (`cargo bench -p aims-engine --bench scale`). Only
//! with the `scale` feature; not part of the product.
//!
//! [`Synthetic::new`] builds it from the shipped tables: `factor` copies of the ISO/IEC 42001
//! items (each copy with its own clauses and objectives), of the NIST AI RMF categories and
//! subcategories, and of the crosswalk pairs, each copy's pairs joining that copy's items and
//! subcategories. So items, sections, subcategories, categories and pairs are all `factor`
//! times the shipped counts, and every item keeps the number of pairs it has: an algorithm
//! linear in the catalog takes `factor` times as long.
//!
//! Scoring and the crosswalk run the code every public function runs (generic over the
//! catalog's tables, see `catalog::tables`); only the tables are values here instead of
//! statics. [`Synthetic::score`] is [`crate::scoring::score_answers`], [`Synthetic::forward`]
//! is [`crate::crosswalk::nist_coverage`] and [`Synthetic::reverse`] is
//! [`crate::crosswalk::infer_iso`], on this catalog.
//!
//! The ids in the results index this catalog; beyond the first copy the shipped names and
//! serializers do not know them, so results are kept in an opaque [`Run`] that only tells how
//! much was produced.

use crate::assessment::{IsoAnswers, NistAnswers, Organisation, Planning};
use crate::catalog::{
    CategoryId, CategoryInfo, IsoId, IsoItem, Pair, Shipped, SubcategoryId, SubcategoryInfo, Tables,
};
use crate::crosswalk::{self, Forward, Inference, Reverse};
use crate::scoring::{self, Report};

/// A generated catalog `factor` times the shipped one.
pub struct Synthetic {
    factor: usize,
    iso_items: Vec<IsoItem>,
    categories: Vec<CategoryInfo>,
    subcategories: Vec<SubcategoryInfo>,
    pairs: Vec<Pair>,
    by_iso: Vec<Vec<u16>>,
    by_nist: Vec<Vec<u16>>,
    joint_by_nist: Vec<Vec<u16>>,
    direct: Vec<Option<&'static str>>,
    assessable: (usize, usize),
}

/// How large a catalog is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sizes {
    pub iso_items: usize,
    pub assessable: usize,
    pub sections: usize,
    pub subcategories: usize,
    pub categories: usize,
    pub pairs: usize,
}

impl Synthetic {
    /// `factor` copies of the shipped catalog; `None` for 0, or when the ids or pair indices
    /// would not fit in 16 bits (a factor above 234).
    pub fn new(factor: usize) -> Option<Synthetic> {
        let s = Shipped;
        let (n_iso, n_cat, n_sub, n_pairs) = (
            s.iso_items().len(),
            s.categories().len(),
            s.subcategories().len(),
            s.pairs().len(),
        );
        let largest = n_iso.max(n_cat).max(n_sub).max(n_pairs);
        if factor == 0 || factor.checked_mul(largest)? > usize::from(u16::MAX) + 1 {
            return None;
        }
        // Copy `c` of an id of the shipped catalog.
        let iso = |c: usize, id: IsoId| IsoId((c * n_iso + id.index()) as u16);
        let sub = |c: usize, id: SubcategoryId| SubcategoryId((c * n_sub + id.index()) as u16);
        let cat = |c: usize, id: CategoryId| CategoryId((c * n_cat + id.index()) as u16);
        let mut out = Synthetic {
            factor,
            iso_items: Vec::with_capacity(factor * n_iso),
            categories: Vec::with_capacity(factor * n_cat),
            subcategories: Vec::with_capacity(factor * n_sub),
            pairs: Vec::with_capacity(factor * n_pairs),
            by_iso: Vec::with_capacity(factor * n_iso),
            by_nist: Vec::with_capacity(factor * n_sub),
            joint_by_nist: Vec::with_capacity(factor * n_sub),
            direct: Vec::with_capacity(factor * n_iso),
            assessable: {
                let (items, controls) = s.assessable_count();
                (factor * items, factor * controls)
            },
        };
        let offset = |c: usize, list: &[u16]| -> Vec<u16> {
            list.iter()
                .map(|&p| (c * n_pairs + usize::from(p)) as u16)
                .collect()
        };
        for c in 0..factor {
            for it in s.iso_items() {
                out.iso_items.push(IsoItem {
                    id: it.id,
                    title: it.title,
                    kind: it.kind,
                    parent: it.parent.map(|p| iso(c, p)),
                    section: iso(c, it.section),
                    assessable: it.assessable,
                    guidance: it.guidance,
                });
            }
            for info in s.categories() {
                out.categories.push(CategoryInfo {
                    id: info.id,
                    function: info.function,
                    text: info.text,
                });
            }
            for info in s.subcategories() {
                out.subcategories.push(SubcategoryInfo {
                    id: info.id,
                    function: info.function,
                    category: cat(c, info.category),
                    text: info.text,
                });
            }
            for p in s.pairs() {
                out.pairs.push(Pair {
                    nist: sub(c, p.nist),
                    iso: iso(c, p.iso),
                    relationship: p.relationship,
                    rationale: p.rationale,
                    iso_ref_as_printed: p.iso_ref_as_printed,
                    note: p.note,
                });
            }
            for i in 0..n_iso {
                let id = IsoId(i as u16);
                out.by_iso.push(offset(c, s.pair_indices_for_iso(id)));
                out.direct.push(s.not_addressed_by_nist(id));
            }
            for i in 0..n_sub {
                let id = SubcategoryId(i as u16);
                out.by_nist.push(offset(c, s.pair_indices_for_nist(id)));
                out.joint_by_nist
                    .push(offset(c, s.joint_indices_for_nist(id)));
            }
        }
        Some(out)
    }

    pub fn factor(&self) -> usize {
        self.factor
    }

    pub fn sizes(&self) -> Sizes {
        Sizes {
            iso_items: self.iso_items.len(),
            assessable: self.assessable.0,
            sections: self.sections().count(),
            subcategories: self.subcategories.len(),
            categories: self.categories.len(),
            pairs: self.pairs.len(),
        }
    }

    /// The shipped catalog's ISO/IEC 42001 answers given to every copy of their item.
    pub fn iso_answers(&self, shipped: &IsoAnswers) -> IsoAnswers {
        let n = Shipped.iso_items().len();
        (0..self.factor)
            .flat_map(|c| {
                shipped
                    .iter()
                    .map(move |(id, a)| (IsoId((c * n + id.index()) as u16), a.clone()))
            })
            .collect()
    }

    /// The shipped catalog's NIST AI RMF answers given to every copy of their subcategory.
    pub fn nist_answers(&self, shipped: &NistAnswers) -> NistAnswers {
        let n = Shipped.subcategories().len();
        (0..self.factor)
            .flat_map(|c| {
                shipped
                    .iter()
                    .map(move |(id, a)| (SubcategoryId((c * n + id.index()) as u16), a.clone()))
            })
            .collect()
    }

    /// The readiness report ([`crate::scoring::score_answers`] on this catalog).
    pub fn score(
        &self,
        answers: &IsoAnswers,
        organisation: &Organisation,
        planning: Option<&Planning>,
    ) -> Run<Report> {
        Run(scoring::score_answers_in(
            self,
            answers,
            organisation,
            planning,
        ))
    }

    /// The forward crosswalk ([`crate::crosswalk::nist_coverage`] on this catalog).
    pub fn forward(&self, answers: &IsoAnswers) -> Run<Forward> {
        Run(crosswalk::nist_coverage_in(self, answers))
    }

    /// The reverse crosswalk and its report ([`crate::crosswalk::infer_iso`] on this catalog).
    pub fn reverse(
        &self,
        answers: &NistAnswers,
        organisation: &Organisation,
        planning: Option<&Planning>,
    ) -> Run<Reverse> {
        Run(crosswalk::infer_iso_in(
            self,
            answers,
            organisation,
            planning,
        ))
    }
}

impl Tables for Synthetic {
    type Ratings<R: Copy + Default> = Vec<R>;

    fn shipped_id(&self, id: IsoId) -> IsoId {
        IsoId((id.index() % Shipped.iso_items().len()) as u16)
    }
    fn in_copy_of(&self, like: IsoId, shipped: IsoId) -> IsoId {
        let n = Shipped.iso_items().len();
        IsoId((like.index() / n * n + shipped.index()) as u16)
    }
    fn iso_items(&self) -> &[IsoItem] {
        &self.iso_items
    }
    fn categories(&self) -> &[CategoryInfo] {
        &self.categories
    }
    fn subcategories(&self) -> &[SubcategoryInfo] {
        &self.subcategories
    }
    fn pairs(&self) -> &[Pair] {
        &self.pairs
    }
    fn pair_indices_for_iso(&self, id: IsoId) -> &[u16] {
        &self.by_iso[id.index()]
    }
    fn pair_indices_for_nist(&self, id: SubcategoryId) -> &[u16] {
        &self.by_nist[id.index()]
    }
    fn joint_indices_for_nist(&self, id: SubcategoryId) -> &[u16] {
        &self.joint_by_nist[id.index()]
    }
    fn not_addressed_by_nist(&self, id: IsoId) -> Option<&'static str> {
        self.direct[id.index()]
    }
    fn assessable_count(&self) -> (usize, usize) {
        self.assessable
    }
    fn blank_ratings<R: Copy + Default>(&self) -> Vec<R> {
        vec![R::default(); self.iso_items.len().max(self.subcategories.len())]
    }
}

/// A result on a generated catalog (see the module doc for why it is opaque).
pub struct Run<T>(T);

/// How much a readiness report holds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ReportSummary {
    pub readiness: Option<f64>,
    pub total: u32,
    pub sections: usize,
    pub findings: usize,
    pub gaps: usize,
    pub soa_rows: usize,
    pub effort_person_days: f64,
}

/// How much a forward crosswalk holds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ForwardSummary {
    pub subcategories: usize,
    pub categories: usize,
    /// Coverage of the four functions.
    pub function_coverage: [f64; 4],
}

/// How much a reverse crosswalk holds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ReverseSummary {
    pub items: usize,
    pub inferred: usize,
    pub assess_directly: usize,
    pub report: ReportSummary,
}

impl Run<Report> {
    pub fn summary(&self) -> ReportSummary {
        report_summary(&self.0)
    }
}

impl Run<Forward> {
    pub fn summary(&self) -> ForwardSummary {
        let f = &self.0;
        let mut function_coverage = [0.0; 4];
        for (c, r) in function_coverage.iter_mut().zip(&f.functions) {
            *c = r.coverage;
        }
        ForwardSummary {
            subcategories: f.subcategories.len(),
            categories: f.categories.len(),
            function_coverage,
        }
    }
}

impl Run<Reverse> {
    pub fn summary(&self) -> ReverseSummary {
        let r = &self.0;
        ReverseSummary {
            items: r.items.len(),
            inferred: r
                .items
                .iter()
                .filter(|i| i.inference == Inference::Inferred)
                .count(),
            assess_directly: r.assess_directly.len(),
            report: report_summary(&r.report),
        }
    }
}

fn report_summary(r: &Report) -> ReportSummary {
    ReportSummary {
        readiness: r.readiness,
        total: r.total,
        sections: r.sections.len(),
        findings: r.findings.len(),
        gaps: r.gaps.len(),
        soa_rows: r.statement_of_applicability.len(),
        effort_person_days: r.roadmap.effort_person_days,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::Assessment;

    fn fixture(text: &str) -> Assessment {
        Assessment::read(text).expect("the fixture reads").0
    }

    fn iso() -> Assessment {
        fixture(include_str!("../tests/fixtures/techserve-month1.json"))
    }

    fn nist() -> Assessment {
        fixture(include_str!("../tests/fixtures/nist-all-at-target.json"))
    }

    fn json<T: serde::Serialize>(x: &T) -> String {
        serde_json::to_string(x).expect("serializes")
    }

    #[test]
    fn one_copy_gives_the_shipped_results_byte_for_byte() {
        let one = Synthetic::new(1).expect("fits");
        let (iso, nist) = (iso(), nist());
        let (ia, na) = (
            iso.iso_answers().expect("ISO"),
            nist.nist_answers().expect("NIST"),
        );
        let org = &iso.organisation;
        assert_eq!(
            json(
                &one.score(&one.iso_answers(ia), org, iso.planning.as_ref())
                    .0
            ),
            json(&crate::readiness::score(&iso))
        );
        assert_eq!(
            json(&one.forward(&one.iso_answers(ia)).0),
            json(&crosswalk::forward(&iso).expect("ISO"))
        );
        let reverse = one
            .reverse(
                &one.nist_answers(na),
                &nist.organisation,
                nist.planning.as_ref(),
            )
            .0;
        assert_eq!(
            json(&reverse),
            json(&crosswalk::reverse(&nist).expect("NIST"))
        );
    }

    #[test]
    fn every_count_grows_with_the_factor_and_the_figures_stay() {
        let one = Synthetic::new(1).expect("fits");
        let many = Synthetic::new(7).expect("fits");
        let (a, b) = (one.sizes(), many.sizes());
        assert_eq!(
            (
                a.iso_items,
                a.assessable,
                a.sections,
                a.subcategories,
                a.categories,
                a.pairs
            ),
            (92, 70, 16, 72, 19, 280)
        );
        assert_eq!(
            b,
            Sizes {
                iso_items: 7 * 92,
                assessable: 7 * 70,
                sections: 7 * 16,
                subcategories: 7 * 72,
                categories: 7 * 19,
                pairs: 7 * 280,
            }
        );
        let (iso, nist) = (iso(), nist());
        let (ia, na) = (
            iso.iso_answers().expect("ISO"),
            nist.nist_answers().expect("NIST"),
        );
        let org = &iso.organisation;

        let s1 = one.score(&one.iso_answers(ia), org, None).summary();
        let s7 = many.score(&many.iso_answers(ia), org, None).summary();
        assert!(s1.gaps > 0 && s1.findings > 0);
        assert_eq!(
            (
                s7.readiness,
                s7.total,
                s7.sections,
                s7.findings,
                s7.gaps,
                s7.soa_rows
            ),
            (
                s1.readiness,
                7 * s1.total,
                7 * s1.sections,
                7 * s1.findings,
                7 * s1.gaps,
                7 * s1.soa_rows
            )
        );

        let f1 = one.forward(&one.iso_answers(ia)).summary();
        let f7 = many.forward(&many.iso_answers(ia)).summary();
        assert_eq!(
            f7,
            ForwardSummary {
                subcategories: 7 * f1.subcategories,
                categories: 7 * f1.categories,
                function_coverage: f1.function_coverage,
            }
        );

        let r1 = one.reverse(&one.nist_answers(na), org, None).summary();
        let r7 = many.reverse(&many.nist_answers(na), org, None).summary();
        assert!(r1.inferred > 0 && r1.assess_directly > 0);
        assert_eq!(
            (
                r7.items,
                r7.inferred,
                r7.assess_directly,
                r7.report.readiness
            ),
            (
                7 * r1.items,
                7 * r1.inferred,
                7 * r1.assess_directly,
                r1.report.readiness
            )
        );
    }

    #[test]
    fn too_large_or_empty_is_refused() {
        assert!(Synthetic::new(0).is_none());
        assert!(Synthetic::new(234).is_some());
        assert!(Synthetic::new(235).is_none());
    }
}

//! The inference rule shared by both directions, and the coverage status rule.
//!
//! A pair says how a NIST AI RMF subcategory relates to an ISO/IEC 42001 item (NIST OLIR terms,
//! read "the NIST subcategory is *relationship* the ISO item"). Seen from the side being
//! inferred, a pair gives either
//! - **full** support: the source contains everything the inferred item asks for (`equal`
//!   either way; `superset` from NIST to ISO; `subset` from ISO to NIST). The source's maturity
//!   carries over as it is;
//! - **partial** support: the source covers only part of the inferred item (`related`,
//!   `intersects`, and the other containment). Partial sources only *bound* the inference: the
//!   inferred item is as good as its weakest partial source, needs every partial source
//!   answered, and never goes above [`PARTIAL_CAP`] (levels 4-5, measured and optimised, need
//!   direct assessment).
//!
//! inferred = max(best full source, min(partial sources) capped at [`PARTIAL_CAP`]), where a
//! term with nothing to go on is absent. Both terms are monotonic in every source, so raising a
//! source never lowers an inferred value.

use crate::catalog::Relationship;
use serde::Serialize;

/// The highest value partial support can infer: level 3, what a certification audit expects.
pub const PARTIAL_CAP: u8 = crate::assessment::DEFAULT_TARGET;

/// Which way an inference goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// ISO/IEC 42001 answers → NIST AI RMF subcategories.
    IsoToNist,
    /// NIST AI RMF answers → ISO/IEC 42001 items.
    NistToIso,
}

/// How much one source supports the item inferred from it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Support {
    Full,
    Partial,
}

impl Support {
    /// The support a pair of this relationship gives in this direction.
    pub fn of(relationship: Relationship, direction: Direction) -> Support {
        match (relationship, direction) {
            (Relationship::Equal, _) => Support::Full,
            (Relationship::Superset, Direction::NistToIso) => Support::Full,
            (Relationship::Subset, Direction::IsoToNist) => Support::Full,
            _ => Support::Partial,
        }
    }
}

/// One source as the rule sees it: its maturity (`None`: not assessed, or excluded) and target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Link {
    pub maturity: Option<u8>,
    pub target: u8,
    pub support: Support,
}

/// Coverage status of an inferred item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CoverageStatus {
    /// Nothing it rests on is assessed.
    Unknown,
    /// Everything assessed that it rests on is at 0.
    NotCovered,
    /// Something above 0, but not everything at target.
    Partial,
    /// Everything it rests on is at its target.
    Covered,
}

impl CoverageStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            CoverageStatus::Unknown => "unknown",
            CoverageStatus::NotCovered => "not_covered",
            CoverageStatus::Partial => "partial",
            CoverageStatus::Covered => "covered",
        }
    }
}

/// The inferred maturity (see the module doc).
pub fn infer(links: impl IntoIterator<Item = Link>) -> Option<u8> {
    let mut full: Option<u8> = None;
    let (mut partial_min, mut partial_any, mut partial_missing) = (PARTIAL_CAP, false, false);
    for l in links {
        match l.support {
            Support::Full => full = full.max(l.maturity),
            Support::Partial => {
                partial_any = true;
                match l.maturity {
                    Some(m) => partial_min = partial_min.min(m),
                    None => partial_missing = true,
                }
            }
        }
    }
    let partial = (partial_any && !partial_missing).then_some(partial_min);
    full.max(partial)
}

/// Coverage 0-100 and status. Partial sources: every one must be at target for `covered`,
/// unassessed ones count as 0 in the mean; full sources: the best one decides. The better of
/// the two readings is taken, as in [`infer`].
pub fn coverage(links: impl IntoIterator<Item = Link>) -> (f64, CoverageStatus) {
    let mut best = Tally::default().reading();
    let mut partial = Tally::default();
    for l in links {
        match l.support {
            Support::Full => {
                let mut one = Tally::default();
                one.add(&l);
                best = better(best, one.reading());
            }
            Support::Partial => partial.add(&l),
        }
    }
    if partial.sources > 0 {
        best = better(best, partial.reading());
    }
    (crate::scoring::round_tenth(best.0 * 100.0), best.1)
}

fn better(a: (f64, CoverageStatus), b: (f64, CoverageStatus)) -> (f64, CoverageStatus) {
    (a.0.max(b.0), a.1.max(b.1))
}

/// Sources that must all hold, summed up.
#[derive(Default)]
struct Tally {
    sources: u32,
    assessed: u32,
    at_target: u32,
    above_zero: u32,
    attainment: f64,
}

impl Tally {
    fn add(&mut self, l: &Link) {
        self.sources += 1;
        if let Some(m) = l.maturity {
            let t = l.target.max(1);
            self.assessed += 1;
            self.at_target += u32::from(m >= t);
            self.above_zero += u32::from(m > 0);
            self.attainment += f64::from(m.min(t)) / f64::from(t);
        }
    }

    /// Mean attainment (unassessed as 0) and the status rule.
    fn reading(&self) -> (f64, CoverageStatus) {
        let status = if self.assessed == 0 {
            CoverageStatus::Unknown
        } else if self.at_target == self.sources {
            CoverageStatus::Covered
        } else if self.above_zero > 0 {
            CoverageStatus::Partial
        } else {
            CoverageStatus::NotCovered
        };
        let mean = if self.sources == 0 {
            0.0
        } else {
            self.attainment / f64::from(self.sources)
        };
        (mean, status)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(m: Option<u8>) -> Link {
        Link {
            maturity: m,
            target: 3,
            support: Support::Partial,
        }
    }
    fn f(m: Option<u8>) -> Link {
        Link {
            maturity: m,
            target: 3,
            support: Support::Full,
        }
    }

    #[test]
    fn support_follows_the_relationship_and_direction() {
        use Direction::*;
        use Relationship::*;
        let cases = [
            (Equal, NistToIso, Support::Full),
            (Equal, IsoToNist, Support::Full),
            (Superset, NistToIso, Support::Full),
            (Superset, IsoToNist, Support::Partial),
            (Subset, NistToIso, Support::Partial),
            (Subset, IsoToNist, Support::Full),
            (Intersects, NistToIso, Support::Partial),
            (Related, IsoToNist, Support::Partial),
        ];
        for (r, d, s) in cases {
            assert_eq!(Support::of(r, d), s, "{r:?} {d:?}");
        }
    }

    #[test]
    fn inference_cases() {
        let cases: &[(&[Link], Option<u8>)] = &[
            (&[], None),
            (&[p(Some(2)), p(Some(4))], Some(2)),
            (&[p(Some(5)), p(Some(4))], Some(3)), // capped: related pairs never prove 4-5
            (&[p(Some(3)), p(None)], None),       // every partial source must be answered
            (&[f(Some(5)), p(Some(1))], Some(5)), // a full source carries over uncapped
            (&[f(None), p(Some(2))], Some(2)),
            (&[f(Some(1)), f(Some(2)), p(None)], Some(2)),
            (&[f(Some(0)), p(Some(3))], Some(3)),
        ];
        for (links, want) in cases {
            assert_eq!(infer(links.iter().copied()), *want, "{links:?}");
        }
    }

    #[test]
    fn coverage_cases() {
        use CoverageStatus::*;
        let cases: &[(&[Link], f64, CoverageStatus)] = &[
            (&[p(None), p(None)], 0.0, Unknown),
            (&[p(Some(0)), p(None)], 0.0, NotCovered),
            (&[p(Some(0)), p(Some(0))], 0.0, NotCovered),
            (&[p(Some(3)), p(None)], 50.0, Partial),
            (&[p(Some(3)), p(Some(1))], 66.7, Partial),
            (&[p(Some(3)), p(Some(4))], 100.0, Covered),
            (&[f(Some(3)), p(Some(0))], 100.0, Covered),
            (&[f(Some(1)), p(Some(3)), p(Some(3))], 100.0, Covered),
        ];
        for (links, cov, status) in cases {
            assert_eq!(
                coverage(links.iter().copied()),
                (*cov, *status),
                "{links:?}"
            );
        }
    }
}

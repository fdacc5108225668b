//! The inference rule shared by both directions, and the coverage status rule.
//!
//! A pair says how an ISO/IEC 42001 item relates to a NIST AI RMF subcategory (NIST OLIR terms,
//! read "the ISO item is *relationship* the NIST subcategory"). Seen from the side being
//! inferred, a pair gives
//! - **full** support: the source contains everything the inferred item asks for (`equal`
//!   either way; `superset_of` from ISO to NIST, the ISO item containing the subcategory;
//!   `subset_of` from NIST to ISO, the subcategory containing the ISO item). Its maturity carries
//!   over as it is, and at level [`FULL_LEVEL`] or above (and at its target) it alone makes the
//!   inferred item covered;
//! - **partial** support: the source covers only part of the inferred item (`intersects_with`,
//!   and the other containment). Partial sources only *bound* the inference: the inferred item
//!   is as good as its weakest partial source, needs every partial source answered, never goes
//!   above [`PARTIAL_CAP`] (that is "indicative": level 3, what an audit expects, needs a full
//!   source), and never makes the item `covered`;
//! - **no** support: `not_related`; the source is shown, never counted.
//!
//! inferred = max(best full source, min(partial sources) capped at [`PARTIAL_CAP`]), where a
//! term with nothing to go on is absent; it is *indicative* when the partial term decides it.
//! Both terms are monotonic in every source, so raising a source never lowers an inferred value.

use crate::catalog::Relationship;
use serde::Serialize;

/// The level at which a full source makes the inferred item covered: level 3, what a
/// certification audit expects (and the source must also be at its own target).
pub const FULL_LEVEL: u8 = crate::assessment::DEFAULT_TARGET;

/// The highest value partial support can infer: level 2. Partial evidence never shows that the
/// whole of the inferred item is in place.
pub const PARTIAL_CAP: u8 = FULL_LEVEL - 1;

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
    /// A `not_related` pair: shown, never counted.
    None,
}

impl Support {
    /// The support a pair of this relationship gives in this direction.
    pub fn of(relationship: Relationship, direction: Direction) -> Support {
        match (relationship, direction) {
            (Relationship::NotRelated, _) => Support::None,
            (Relationship::Equal, _) => Support::Full,
            (Relationship::SupersetOf, Direction::IsoToNist) => Support::Full,
            (Relationship::SubsetOf, Direction::NistToIso) => Support::Full,
            _ => Support::Partial,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Support::Full => "full",
            Support::Partial => "partial",
            Support::None => "none",
        }
    }
}

/// One source as the rule sees it: its maturity (`None`: not assessed) and target. An excluded
/// source is not a link at all: it removes itself, the others still count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Link {
    pub maturity: Option<u8>,
    pub target: u8,
    pub support: Support,
}

/// An inferred maturity and whether only partial sources support it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Inferred {
    pub maturity: Option<u8>,
    /// The value rests on partial sources only (and so is at most [`PARTIAL_CAP`]).
    pub indicative: bool,
}

/// Coverage status of an inferred item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CoverageStatus {
    /// Nothing it rests on is assessed.
    Unknown,
    /// Everything assessed that it rests on is at 0.
    NotCovered,
    /// Something above 0, but no full source at level 3 and at its target.
    Partial,
    /// A full source (or a declared jointly complete set) is at level 3 and at its target.
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
pub fn infer(links: impl IntoIterator<Item = Link>) -> Inferred {
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
            Support::None => {}
        }
    }
    let partial = (partial_any && !partial_missing).then_some(partial_min);
    let maturity = full.max(partial);
    Inferred {
        maturity,
        indicative: maturity.is_some() && partial > full,
    }
}

/// Coverage 0-100 and status. Partial sources: their mean attainment, unassessed ones as 0, and
/// at best `partial`; each full source on its own: `covered` at level [`FULL_LEVEL`] and at its
/// target. The better of the readings is taken, as in [`infer`].
pub fn coverage(links: impl IntoIterator<Item = Link>) -> (f64, CoverageStatus) {
    let mut best = Tally::default().reading(false);
    let mut partial = Tally::default();
    for l in links {
        match l.support {
            Support::Full => {
                let mut one = Tally::default();
                one.add(&l);
                best = better(best, one.reading(true));
            }
            Support::Partial => partial.add(&l),
            Support::None => {}
        }
    }
    if partial.sources > 0 {
        best = better(best, partial.reading(false));
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
    complete: u32,
    above_zero: u32,
    attainment: f64,
}

impl Tally {
    fn add(&mut self, l: &Link) {
        self.sources += 1;
        if let Some(m) = l.maturity {
            let t = l.target.max(1);
            self.assessed += 1;
            self.complete += u32::from(m >= t && m >= FULL_LEVEL);
            self.above_zero += u32::from(m > 0);
            self.attainment += f64::from(m.min(t)) / f64::from(t);
        }
    }

    /// Mean attainment (unassessed as 0) and the status rule; only a full reading can be
    /// `covered`.
    fn reading(&self, full: bool) -> (f64, CoverageStatus) {
        let status = if self.assessed == 0 {
            CoverageStatus::Unknown
        } else if full && self.complete == self.sources {
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
    fn n(m: Option<u8>) -> Link {
        Link {
            maturity: m,
            target: 3,
            support: Support::None,
        }
    }

    #[test]
    fn support_follows_the_relationship_and_direction() {
        use Direction::*;
        use Relationship::*;
        let cases = [
            (Equal, NistToIso, Support::Full),
            (Equal, IsoToNist, Support::Full),
            (SupersetOf, IsoToNist, Support::Full),
            (SupersetOf, NistToIso, Support::Partial),
            (SubsetOf, NistToIso, Support::Full),
            (SubsetOf, IsoToNist, Support::Partial),
            (IntersectsWith, NistToIso, Support::Partial),
            (IntersectsWith, IsoToNist, Support::Partial),
            (NotRelated, IsoToNist, Support::None),
            (NotRelated, NistToIso, Support::None),
        ];
        for (r, d, s) in cases {
            assert_eq!(Support::of(r, d), s, "{r:?} {d:?}");
        }
    }

    #[test]
    fn inference_cases() {
        let i = |m: u8, indicative: bool| Inferred {
            maturity: Some(m),
            indicative,
        };
        let cases: &[(&[Link], Inferred)] = &[
            (&[], Inferred::default()),
            (&[p(Some(2)), p(Some(4))], i(2, true)),
            (&[p(Some(5)), p(Some(4))], i(2, true)), // partial sources never prove 3-5
            (&[p(Some(3)), p(None)], Inferred::default()), // every partial source answered
            (&[f(Some(5)), p(Some(1))], i(5, false)), // a full source carries over uncapped
            (&[f(None), p(Some(2))], i(2, true)),
            (&[f(Some(1)), f(Some(2)), p(None)], i(2, false)),
            (&[f(Some(0)), p(Some(3))], i(2, true)),
            (&[f(Some(2)), p(Some(3))], i(2, false)), // the full source supports it alone
            (&[n(Some(5))], Inferred::default()),     // not related never counts
            (&[n(None), p(Some(1))], i(1, true)),     // nor blocks
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
            // Related evidence at target is still only partial.
            (&[p(Some(3)), p(Some(4))], 100.0, Partial),
            (&[f(Some(3)), p(Some(0))], 100.0, Covered),
            (&[f(Some(1)), p(Some(3)), p(Some(3))], 100.0, Partial),
            (&[f(Some(2)), p(Some(0))], 66.7, Partial),
            (&[n(Some(5)), p(Some(0))], 0.0, NotCovered),
            (&[n(Some(5))], 0.0, Unknown),
        ];
        for (links, cov, status) in cases {
            assert_eq!(
                coverage(links.iter().copied()),
                (*cov, *status),
                "{links:?}"
            );
        }
        // A full source below level 3 never covers, even at a lower target.
        let low = Link {
            maturity: Some(2),
            target: 2,
            support: Support::Full,
        };
        assert_eq!(coverage([low]), (100.0, Partial));
    }
}

//! The NIST AI RMF ⇄ ISO/IEC 42001 crosswalk pairs (NIST AI Resource Center), each typed with a
//! relationship in the NIST OLIR vocabulary and explained by a rationale (both ours), and the
//! declarations that go with them: the ISO items the AI RMF does not address (assessed
//! directly, never inferred) and the sets of `subset_of` items that jointly cover a subcategory.

use super::data::{
    DIRECT_REASONS, JOINT_BY_NIST, JOINT_REASONS, PAIRS, PAIRS_BY_ISO, PAIRS_BY_NIST,
};
use super::iso::IsoId;
use super::nist::SubcategoryId;

/// How the ISO/IEC 42001 item relates to the NIST AI RMF subcategory (NIST OLIR terms, read as
/// "the ISO/IEC 42001 item is ... the NIST subcategory").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Relationship {
    /// The two ask for the same thing: an auditor could take one for the other.
    Equal,
    /// The ISO item is contained in the subcategory: the subcategory asks for everything the
    /// item does, and more.
    SubsetOf,
    /// The ISO item contains the subcategory: the item asks for everything the subcategory
    /// does, and more.
    SupersetOf,
    /// They overlap, each asking for something the other does not.
    IntersectsWith,
    /// Paired by the source, but on inspection they ask for nothing in common.
    NotRelated,
}

impl Relationship {
    pub const ALL: [Relationship; 5] = [
        Relationship::Equal,
        Relationship::SubsetOf,
        Relationship::SupersetOf,
        Relationship::IntersectsWith,
        Relationship::NotRelated,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Relationship::Equal => "equal",
            Relationship::SubsetOf => "subset_of",
            Relationship::SupersetOf => "superset_of",
            Relationship::IntersectsWith => "intersects_with",
            Relationship::NotRelated => "not_related",
        }
    }

    /// What the type means and what it lets the crosswalk claim, for a legend.
    pub fn meaning(self) -> &'static str {
        match self {
            Relationship::Equal => "the ISO item and the subcategory ask for the same thing: either can cover the other",
            Relationship::SubsetOf => "the subcategory asks for everything the ISO item does, and more: the subcategory can infer the item at level 3; the item only partly covers the subcategory",
            Relationship::SupersetOf => "the ISO item asks for everything the subcategory does, and more: the item can cover the subcategory; the subcategory only indicates the item",
            Relationship::IntersectsWith => "they overlap, each asking for something the other does not: partial or indicative at most, either way",
            Relationship::NotRelated => "paired by the source, but they share no requirement: shown, never counted",
        }
    }

    /// In words, completing "the ISO/IEC 42001 item is ... the NIST AI RMF subcategory".
    pub fn phrase(self) -> &'static str {
        match self {
            Relationship::Equal => "equal to",
            Relationship::SubsetOf => "a subset of",
            Relationship::SupersetOf => "a superset of",
            Relationship::IntersectsWith => "intersecting with",
            Relationship::NotRelated => "not related to",
        }
    }
}

impl serde::Serialize for Relationship {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One crosswalk pair.
#[derive(Debug)]
pub struct Pair {
    pub nist: SubcategoryId,
    pub iso: IsoId,
    pub relationship: Relationship,
    /// Why the pair has its relationship: what the two share and what one has that the other
    /// lacks (our own words).
    pub rationale: &'static str,
    /// The ISO reference exactly as the source printed it (Annex B numbers, one typo).
    pub iso_ref_as_printed: &'static str,
    /// Where the source's printed title does not match the id.
    pub note: Option<&'static str>,
}

impl Pair {
    /// All pairs in source order.
    pub fn all() -> &'static [Pair] {
        &PAIRS
    }

    /// The pairs naming an ISO item (empty for 4.2, 6.3, 7.5.1, 7.5.2, 8.1 and for headings).
    pub fn for_iso(id: IsoId) -> impl Iterator<Item = &'static Pair> {
        PAIRS_BY_ISO[id.index()].iter().map(|&i| &PAIRS[i as usize])
    }

    /// The pairs naming a NIST subcategory.
    pub fn for_nist(id: SubcategoryId) -> impl Iterator<Item = &'static Pair> {
        PAIRS_BY_NIST[id.index()]
            .iter()
            .map(|&i| &PAIRS[i as usize])
    }

    /// How many pairs have this relationship.
    pub fn count(relationship: Relationship) -> usize {
        PAIRS
            .iter()
            .filter(|p| p.relationship == relationship)
            .count()
    }
}

impl IsoId {
    /// Why the NIST AI RMF does not address this item, when the data declares so
    /// (`engine/data/crosswalk-assess-directly.txt`): the reverse crosswalk never infers it.
    pub fn not_addressed_by_nist(self) -> Option<&'static str> {
        DIRECT_REASONS[self.index()]
    }
}

impl SubcategoryId {
    /// The declared set of `subset_of` pairs that together cover this subcategory, with the
    /// reason (`engine/data/crosswalk-jointly-complete.txt`); `None` when none is declared.
    pub fn jointly_complete(self) -> Option<(Vec<&'static Pair>, &'static str)> {
        let set = JOINT_BY_NIST[self.index()];
        let reason = JOINT_REASONS[self.index()]?;
        Some((set.iter().map(|&i| &PAIRS[i as usize]).collect(), reason))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pair_is_typed_and_explained() {
        let total: usize = Relationship::ALL.iter().map(|&r| Pair::count(r)).sum();
        assert_eq!(total, 280);
        for p in Pair::all() {
            assert!(p.rationale.len() > 40, "{} / {}", p.nist, p.iso);
            assert!(!p.rationale.contains('\n'));
        }
    }

    #[test]
    fn the_declared_items_are_the_management_system_mechanics() {
        let declared: Vec<&str> = IsoId::assessable()
            .filter(|i| i.not_addressed_by_nist().is_some())
            .map(IsoId::as_str)
            .collect();
        for must in [
            "4.3", "5.3", "6.1.3", "7.5.1", "7.5.2", "7.5.3", "9.2.1", "9.2.2", "9.3.1", "9.3.2",
            "9.3.3", "10.1", "10.2",
        ] {
            assert!(declared.contains(&must), "{must} must be assessed directly");
        }
        assert!(IsoId::all()
            .filter_map(IsoId::not_addressed_by_nist)
            .all(|r| !r.is_empty()));
    }

    #[test]
    fn declared_joint_sets_are_subset_pairs_of_their_subcategory() {
        for s in SubcategoryId::all() {
            if let Some((set, reason)) = s.jointly_complete() {
                assert!(set.len() >= 2 && !reason.is_empty(), "{s}");
                for p in set {
                    assert_eq!((p.nist, p.relationship), (s, Relationship::SubsetOf), "{s}");
                }
            }
        }
    }
}

//! The NIST AI RMF ⇄ ISO/IEC 42001 crosswalk pairs (NIST AI Resource Center), typed with the
//! relationship vocabulary of NIST OLIR / OSCAL mapping.

use super::data::{PAIRS, PAIRS_BY_ISO, PAIRS_BY_NIST};
use super::iso::IsoId;
use super::nist::SubcategoryId;

/// How the NIST subcategory relates to the ISO item (NIST OLIR / OSCAL mapping terms, read as
/// "the NIST subcategory is ... the ISO item").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Relationship {
    /// The two say the same thing.
    Equal,
    /// The NIST subcategory is contained in the ISO item.
    Subset,
    /// The NIST subcategory contains the ISO item.
    Superset,
    /// They overlap, each with content the other lacks.
    Intersects,
    /// They concern the same subject; no claim about overlap. The source crosswalk gives no
    /// type, so every shipped pair is `Related`.
    Related,
}

impl Relationship {
    pub fn as_str(self) -> &'static str {
        match self {
            Relationship::Equal => "equal",
            Relationship::Subset => "subset",
            Relationship::Superset => "superset",
            Relationship::Intersects => "intersects",
            Relationship::Related => "related",
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
}

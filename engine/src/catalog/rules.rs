//! Catalog data behind the judgement rules: the root-cause groups that findings are merged
//! by, the Annex A controls that a clause makes impossible to exclude, and the ISO/IEC 22989
//! roles that say which controls apply to an organisation, and the documents a Stage 1 audit
//! looks for. Declared in `engine/data/` (`root-causes.txt`, `exclusion-limits.txt`,
//! `stage1-documents.txt`, the `applies_to` keys of the guidance) and checked by the build.

use super::data::{EXCLUSION_LIMITS, ROOT_CAUSES, ROOT_CAUSE_OF, STAGE1_DOCUMENTS};
use super::iso::IsoId;
use serde::{Serialize, Serializer};

/// Items that an auditor would write up as one finding when they fall short together.
#[derive(Debug)]
pub struct RootCause {
    pub id: &'static str,
    pub label: &'static str,
    /// In the order an auditor would write the finding against them.
    pub items: &'static [IsoId],
    /// Why these items share one cause, in our own words.
    pub rationale: &'static str,
}

impl RootCause {
    pub fn all() -> &'static [RootCause] {
        &ROOT_CAUSES
    }

    /// The group an item belongs to, if any.
    pub fn of(id: IsoId) -> Option<&'static RootCause> {
        let g = *ROOT_CAUSE_OF.get(id.index())?;
        ROOT_CAUSES.get(usize::from(g))
    }

    /// The position of `id` in this group's order.
    pub fn rank(&self, id: IsoId) -> usize {
        self.items
            .iter()
            .position(|&i| i == id)
            .unwrap_or(self.items.len())
    }
}

impl PartialEq for RootCause {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

impl Eq for RootCause {}

impl Serialize for &'static RootCause {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id)
    }
}

/// A document (or set of records) that a Stage 1 audit looks for, with the assessable items
/// whose answers tell whether it exists.
#[derive(Debug)]
pub struct Stage1Document {
    /// A stable key, e.g. `ai-policy`.
    pub id: &'static str,
    /// What the auditor asks to see, in our own words.
    pub document: &'static str,
    /// The clauses (and controls that cannot be excluded) it comes from, in catalog order.
    pub clauses: &'static [IsoId],
}

impl Stage1Document {
    /// Every document, in the order of the management system (scope first).
    pub fn all() -> &'static [Stage1Document] {
        &STAGE1_DOCUMENTS
    }
}

/// An Annex A control that cannot be excluded because a clause requires what it provides.
#[derive(Debug)]
pub struct ExclusionLimit {
    pub control: IsoId,
    pub required_by: IsoId,
    /// Completes "cannot be excluded: ", e.g. "clause 5.2 requires an AI policy".
    pub reason: &'static str,
}

impl ExclusionLimit {
    pub fn all() -> &'static [ExclusionLimit] {
        &EXCLUSION_LIMITS
    }

    /// The limit on excluding `control`, if there is one.
    pub fn of(control: IsoId) -> Option<&'static ExclusionLimit> {
        EXCLUSION_LIMITS.iter().find(|l| l.control == control)
    }

    /// The sentence shown when such an exclusion is refused.
    pub fn message(&self) -> String {
        format!("{} cannot be excluded: {}", self.control, self.reason)
    }
}

/// An organisation's role for AI, in ISO/IEC 22989 terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AiRole {
    /// Offers AI products or services to others.
    Provider,
    /// Designs and develops AI (models, systems).
    Producer,
    /// Uses AI products or services built by others.
    Customer,
    /// Integrates systems, provides data, evaluates or audits.
    Partner,
}

impl AiRole {
    pub const ALL: [AiRole; 4] = [
        AiRole::Provider,
        AiRole::Producer,
        AiRole::Customer,
        AiRole::Partner,
    ];

    /// The value in the assessment file.
    pub fn as_str(self) -> &'static str {
        match self {
            AiRole::Provider => "ai_provider",
            AiRole::Producer => "ai_producer",
            AiRole::Customer => "ai_customer",
            AiRole::Partner => "ai_partner",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            AiRole::Provider => "AI provider",
            AiRole::Producer => "AI producer",
            AiRole::Customer => "AI customer",
            AiRole::Partner => "AI partner",
        }
    }

    pub fn parse(s: &str) -> Option<AiRole> {
        AiRole::ALL.into_iter().find(|r| r.as_str() == s.trim())
    }
}

impl Serialize for AiRole {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_declared_groups_hold_the_issue_examples() {
        let id = |s: &str| IsoId::parse(s).unwrap();
        assert_eq!(RootCause::of(id("A.2.4")).unwrap().id, "policy");
        assert_eq!(RootCause::of(id("8.4")).unwrap().id, "impact_assessment");
        assert_eq!(RootCause::of(id("9.2.2")).unwrap().id, "internal_audit");
        // Different requirements of one clause are never one root cause.
        for s in ["7.1", "7.2", "7.4"] {
            assert!(RootCause::of(id(s)).is_none(), "{s}");
        }
        let policy = RootCause::of(id("5.2")).unwrap();
        assert_eq!(policy.rank(id("5.2")), 0);
        assert!(RootCause::all().iter().all(|g| !g.rationale.is_empty()));
    }

    #[test]
    fn impossible_exclusions_name_the_clause() {
        let l = ExclusionLimit::of(IsoId::parse("A.2.2").unwrap()).unwrap();
        assert_eq!(l.required_by.as_str(), "5.2");
        assert_eq!(
            l.message(),
            "A.2.2 cannot be excluded: clause 5.2 requires an AI policy"
        );
        assert!(ExclusionLimit::of(IsoId::parse("A.10.3").unwrap()).is_none());
    }

    #[test]
    fn roles_round_trip() {
        for r in AiRole::ALL {
            assert_eq!(AiRole::parse(r.as_str()), Some(r));
        }
        assert_eq!(AiRole::parse("ai_subject"), None);
    }
}

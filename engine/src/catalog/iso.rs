//! ISO/IEC 42001:2023: clauses 4-10, Annex A objectives and controls, and our guidance.
//!
//! Ids and short titles match the standard's numbering (objectives A.2-A.10, 38 controls,
//! 32 assessable clause leaves). The guidance is our own plain-language wording.

use super::data::{ISO_EXPLANATIONS, ISO_ITEMS};
use super::rules::AiRole;
use super::suggest::{nearest, UnknownId};
use std::fmt;

/// An ISO/IEC 42001 clause, subclause, Annex A objective or control (an index into the table).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IsoId(pub(crate) u16);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IsoKind {
    Clause,
    Subclause,
    Objective,
    Control,
}

impl IsoKind {
    pub fn as_str(self) -> &'static str {
        match self {
            IsoKind::Clause => "clause",
            IsoKind::Subclause => "subclause",
            IsoKind::Objective => "objective",
            IsoKind::Control => "control",
        }
    }
}

/// How much a gap on an item matters; orders the roadmap and weights scores.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Criticality {
    Low,
    Medium,
    High,
    Critical,
}

impl Criticality {
    pub const ALL: [Criticality; 4] = [
        Criticality::Critical,
        Criticality::High,
        Criticality::Medium,
        Criticality::Low,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Criticality::Low => "low",
            Criticality::Medium => "medium",
            Criticality::High => "high",
            Criticality::Critical => "critical",
        }
    }

    /// Weight of an item of this criticality in scores (documented in docs/scoring.md).
    pub fn weight(self) -> u32 {
        match self {
            Criticality::Low => 1,
            Criticality::Medium => 2,
            Criticality::High => 3,
            Criticality::Critical => 4,
        }
    }
}

/// Our guidance for one assessable item: what scoring reads. The texts that explain the item
/// to a person are its [`Explanation`] ([`IsoId::explanation`]), a table of their own so that
/// a build which only scores (the quick scan, the widget) carries none of them.
#[derive(Debug)]
pub struct Guidance {
    pub criticality: Criticality,
    /// A concrete first step for an organisation with a gap here.
    pub action: &'static str,
    /// Annex A controls: the ISO/IEC 22989 roles for which the control normally applies.
    pub applies_to: &'static [AiRole],
    /// Annex A controls that leave a role out: the justification proposed when the
    /// organisation has none of the roles in `applies_to`.
    pub if_excluded: Option<&'static str>,
}

/// Our explanation of one assessable item, for the people who rate it.
#[derive(Debug)]
pub struct Explanation {
    /// What the item asks, in one or two plain sentences.
    pub asks: &'static str,
    /// Two to four examples of evidence an auditor would expect.
    pub evidence: &'static [&'static str],
    /// What each maturity level 0-5 means for this item, where the generic scale would mislead.
    pub levels: Option<[&'static str; 6]>,
    /// Annex A controls: the default reason for inclusion in the Statement of Applicability,
    /// "Included because " and the risk or obligation the control treats (the guidance's
    /// `treats`). Here rather than in [`Guidance`], which the quick scan's summary reads, so that
    /// a build that only shows the summary (the quick-scan widget and build) carries none of
    /// these sentences.
    pub default_reason: Option<&'static str>,
}

#[derive(Debug)]
pub struct IsoItem {
    pub id: &'static str,
    pub title: &'static str,
    pub kind: IsoKind,
    pub parent: Option<IsoId>,
    /// The clause (4-10) or Annex A objective (A.2-A.10) the item sits in.
    pub section: IsoId,
    /// A clause leaf or an Annex A control: something a user rates.
    pub assessable: bool,
    pub guidance: Option<&'static Guidance>,
}

impl IsoItem {
    /// Annex A objective or control.
    pub(crate) fn is_annex_a(&self) -> bool {
        matches!(self.kind, IsoKind::Objective | IsoKind::Control)
    }

    /// Criticality of an assessable item (`Medium` for headings, which are not rated).
    pub(crate) fn criticality(&self) -> Criticality {
        self.guidance.map_or(Criticality::Medium, |g| g.criticality)
    }
}

/// One level of the generic maturity scale.
#[derive(Debug)]
pub struct MaturityLevel {
    pub level: u8,
    pub name: &'static str,
    pub meaning: &'static str,
}

/// The generic 0-5 maturity scale used for every item.
pub const GENERIC_LEVELS: [MaturityLevel; 6] = [
    MaturityLevel { level: 0, name: "Incomplete", meaning: "Not in place, or done so rarely that nothing can be shown." },
    MaturityLevel { level: 1, name: "Initial", meaning: "Done ad hoc, depending on individuals; little or no record." },
    MaturityLevel { level: 2, name: "Managed", meaning: "Planned and done for some systems or teams, with some records." },
    MaturityLevel { level: 3, name: "Defined", meaning: "Documented, approved and applied consistently across the scope, with records: what a certification audit expects." },
    MaturityLevel { level: 4, name: "Quantitatively managed", meaning: "Measured against targets and reviewed; results drive decisions." },
    MaturityLevel { level: 5, name: "Optimizing", meaning: "Continually improved from measurements, audits and lessons learned." },
];

/// The id prefixes of the controls [`IsoId::per_system`] accepts.
pub const PER_SYSTEM_PREFIXES: [&str; 4] = ["A.5.", "A.6.2.", "A.7.", "A.9."];

impl IsoId {
    /// Every ISO item in the reference order (clauses, then Annex A).
    pub fn all() -> impl Iterator<Item = IsoId> {
        (0..ISO_ITEMS.len()).map(|i| IsoId(i as u16))
    }

    /// The 70 assessable items: 32 clause leaves and 38 Annex A controls.
    pub fn assessable() -> impl Iterator<Item = IsoId> {
        IsoId::all().filter(|id| id.item().assessable)
    }

    /// The 16 sections: clauses 4-10 and objectives A.2-A.10.
    pub fn sections() -> impl Iterator<Item = IsoId> {
        IsoId::all().filter(|id| id.item().parent.is_none())
    }

    /// The items directly under this one.
    pub fn children(self) -> impl Iterator<Item = IsoId> {
        IsoId::all().filter(move |id| id.item().parent == Some(self))
    }

    /// The assessable items in a section (or under any item).
    pub fn assessable_under(self) -> impl Iterator<Item = IsoId> {
        IsoId::assessable().filter(move |id| id.is_within(self))
    }

    /// True if `self` is `ancestor` or lies beneath it.
    pub fn is_within(self, ancestor: IsoId) -> bool {
        let mut cur = Some(self);
        while let Some(c) = cur {
            if c == ancestor {
                return true;
            }
            cur = c.item().parent;
        }
        false
    }

    pub fn item(self) -> &'static IsoItem {
        &ISO_ITEMS[self.0 as usize]
    }

    pub fn as_str(self) -> &'static str {
        self.item().id
    }

    /// Our explanation of an assessable item (what it asks, evidence, level descriptions);
    /// `None` for headings.
    pub fn explanation(self) -> Option<&'static Explanation> {
        ISO_EXPLANATIONS[self.0 as usize].as_ref()
    }

    pub fn index(self) -> usize {
        self.0 as usize
    }

    /// Annex A objective or control.
    pub fn is_annex_a(self) -> bool {
        self.item().is_annex_a()
    }

    /// A control about an AI system rather than the organisation, which an auditor samples
    /// system by system, so that it may be answered per system: the impact assessment
    /// controls (A.5.2-A.5.5), the life cycle (A.6.2.x), data (A.7.x) and use (A.9.x).
    pub fn per_system(self) -> bool {
        let s = self.as_str();
        self.item().assessable && PER_SYSTEM_PREFIXES.iter().any(|p| s.starts_with(p))
    }

    /// Part of the Harmonized Structure shared with ISO/IEC 27001 and ISO 9001 (clauses 4-10).
    pub fn harmonized_structure(self) -> bool {
        !self.is_annex_a()
    }

    /// Criticality of an assessable item (`Medium` for headings, which are not rated).
    pub fn criticality(self) -> Criticality {
        self.item().criticality()
    }

    /// Parse an id such as `"5.2"` or `"A.6.2.4"`. Surrounding spaces and a lower-case `a.`
    /// are accepted; anything else unknown is an error naming the nearest valid ids.
    pub fn parse(s: &str) -> Result<IsoId, UnknownId> {
        let t = s.trim();
        let norm;
        let t = if let Some(rest) = t.strip_prefix("a.") {
            norm = format!("A.{rest}");
            norm.as_str()
        } else {
            t
        };
        if let Some(i) = ISO_ITEMS.iter().position(|it| it.id == t) {
            return Ok(IsoId(i as u16));
        }
        let annex = t.starts_with('A');
        let what = if annex {
            "an ISO/IEC 42001 Annex A control or objective"
        } else {
            "an ISO/IEC 42001 clause"
        };
        let candidates = ISO_ITEMS
            .iter()
            .filter(|it| (it.id.starts_with('A')) == annex)
            .map(|it| it.id);
        Err(UnknownId::new(s, what, nearest(t, candidates)))
    }

    /// Parse an id that must be assessable (a clause leaf or a control).
    pub fn parse_assessable(s: &str) -> Result<IsoId, UnknownId> {
        let id = IsoId::parse(s)?;
        if id.item().assessable {
            return Ok(id);
        }
        let under: Vec<&'static str> = id.assessable_under().map(IsoId::as_str).take(4).collect();
        let what = if id.is_annex_a() {
            "an Annex A control (it is an objective heading; rate its controls)"
        } else {
            "an assessable clause item (it is a heading; rate its subclauses)"
        };
        Err(UnknownId::new(s, what, under))
    }
}

impl fmt::Debug for IsoId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "IsoId({})", self.as_str())
    }
}

impl fmt::Display for IsoId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for IsoId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for IsoId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        IsoId::parse(&s).map_err(serde::de::Error::custom)
    }
}

//! The assessment file: what an organisation answered, in the versioned JSON format
//! `"format": "aims-assessment", "version": 2` shared by the web app, the CLI and the JS API
//! (documented in docs/assessment-format.md).
//!
//! One type, [`Assessment`], holds either an ISO/IEC 42001 self-assessment (answers keyed by
//! assessable ISO items) or a NIST AI RMF one (answers keyed by subcategories); [`Answers`]
//! makes the two impossible to mix. [`Assessment::read`] never panics: it returns the
//! assessment with a typed list of [`Diagnostic`]s, each naming the item and the field, or one
//! [`ReadError`] when the file cannot be an assessment at all. [`Assessment::to_json`] writes
//! it back; fields this version does not know are kept and written back unchanged, so a
//! read-write round trip loses nothing.

mod diagnostic;
mod read;

pub use diagnostic::{Diagnostic, DiagnosticSeverity, ReadError, Refused};
pub use read::{MAX_ANSWERS, MAX_FILE_BYTES, MAX_NESTING, MAX_SYSTEMS};

use crate::catalog::{AiRole, IsoId, SubcategoryId};
use crate::date::ReportDate;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The value of the `format` field.
pub const FORMAT: &str = "aims-assessment";
/// The newest version of the format this engine reads and the one it writes.
pub const VERSION: u64 = 2;
/// The maturity a certification audit expects ("Defined"), and the default `target`.
pub const DEFAULT_TARGET: u8 = 3;
/// The highest maturity on the 0-5 scale.
pub const MAX_MATURITY: u8 = 5;

/// Which framework the answers are keyed by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Framework {
    Iso42001,
    NistAiRmf,
}

impl Framework {
    pub const ALL: [Framework; 2] = [Framework::Iso42001, Framework::NistAiRmf];

    /// The other framework: where a crosswalk of an assessment in this one goes by default.
    pub fn other(self) -> Framework {
        match self {
            Framework::Iso42001 => Framework::NistAiRmf,
            Framework::NistAiRmf => Framework::Iso42001,
        }
    }

    /// The value of the `framework` field.
    pub fn as_str(self) -> &'static str {
        match self {
            Framework::Iso42001 => "iso42001",
            Framework::NistAiRmf => "nist-ai-rmf",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Framework::Iso42001 => "ISO/IEC 42001",
            Framework::NistAiRmf => "NIST AI RMF",
        }
    }

    pub fn parse(s: &str) -> Option<Framework> {
        Framework::ALL.into_iter().find(|f| f.as_str() == s)
    }
}

impl Serialize for Framework {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// ISO/IEC 42001 answers by assessable item, in catalog order.
pub type IsoAnswers = BTreeMap<IsoId, Answer>;
/// NIST AI RMF answers by subcategory, in catalog order.
pub type NistAnswers = BTreeMap<SubcategoryId, Answer>;

/// The answers of one assessment; the variant is the file's `framework`.
#[derive(Clone, Debug, PartialEq)]
pub enum Answers {
    Iso42001(IsoAnswers),
    NistAiRmf(NistAnswers),
}

impl Default for Answers {
    fn default() -> Self {
        Answers::Iso42001(IsoAnswers::new())
    }
}

impl Answers {
    pub fn framework(&self) -> Framework {
        match self {
            Answers::Iso42001(_) => Framework::Iso42001,
            Answers::NistAiRmf(_) => Framework::NistAiRmf,
        }
    }

    pub fn len(&self) -> usize {
        match self {
            Answers::Iso42001(m) => m.len(),
            Answers::NistAiRmf(m) => m.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// One self-assessment.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Assessment {
    pub organisation: Organisation,
    /// What the organisation does with AI (its roles); drives the proposed exclusions.
    pub profile: Profile,
    /// Capacity for the roadmap; `None` uses the defaults of [`Planning`].
    pub planning: Option<Planning>,
    pub answers: Answers,
    /// Top-level fields this version does not know, kept for the round trip.
    pub extra: Map<String, Value>,
}

impl Assessment {
    /// An empty assessment of the given framework.
    pub fn new(framework: Framework) -> Assessment {
        let answers = match framework {
            Framework::Iso42001 => Answers::Iso42001(IsoAnswers::new()),
            Framework::NistAiRmf => Answers::NistAiRmf(NistAnswers::new()),
        };
        Assessment {
            answers,
            ..Assessment::default()
        }
    }

    pub fn framework(&self) -> Framework {
        self.answers.framework()
    }

    /// The ISO/IEC 42001 answers, if this is an ISO/IEC 42001 assessment.
    pub fn iso_answers(&self) -> Option<&IsoAnswers> {
        match &self.answers {
            Answers::Iso42001(m) => Some(m),
            Answers::NistAiRmf(_) => None,
        }
    }

    /// The NIST AI RMF answers, if this is a NIST AI RMF assessment.
    pub fn nist_answers(&self) -> Option<&NistAnswers> {
        match &self.answers {
            Answers::NistAiRmf(m) => Some(m),
            Answers::Iso42001(_) => None,
        }
    }

    /// Reads an assessment file. Never panics. `Err` only when the text cannot be an
    /// assessment (malformed JSON, wrong `format` or `version`, `answers` not an object);
    /// everything else is reported as a [`Diagnostic`] and the rest of the file is kept.
    pub fn read(text: &str) -> Result<(Assessment, Vec<Diagnostic>), ReadError> {
        read::read(text)
    }

    /// Reads an assessment for a report: warnings are accepted (and returned), any error
    /// refuses the file, so that no report is built on a half-read file. The rule every shell
    /// follows (`aims`, the JS API).
    pub fn read_strict(text: &str) -> Result<(Assessment, Vec<Diagnostic>), Refused> {
        let (assessment, diagnostics) = read::read(text).map_err(Refused::Unreadable)?;
        if diagnostics.iter().any(Diagnostic::is_error) {
            return Err(Refused::Errors(diagnostics));
        }
        Ok((assessment, diagnostics))
    }

    /// The number of AI systems in scope: the inventory's when `profile.systems` lists any,
    /// else the number stated in `organisation.ai_systems_in_scope` (the only one a version-1
    /// file has); `None` when neither is given (the effort model then assumes its reference 3).
    pub fn systems_in_scope(&self) -> Option<u32> {
        match self.profile.systems.len() {
            0 => self.organisation.ai_systems_in_scope,
            n => Some(u32::try_from(n).unwrap_or(u32::MAX)),
        }
    }

    /// The rule of [`Assessment::systems_in_scope`] in plain words once the inventory lists
    /// systems (`None` while it is empty: the stated number, or the reference 3, applies):
    /// where the count comes from, what uses it, and what became of a number stated before
    /// the inventory that differs from it.
    pub fn inventory_count_note(&self) -> Option<String> {
        let listed = self.profile.systems.len();
        if listed == 0 {
            return None;
        }
        let noun = if listed == 1 { "system" } else { "systems" };
        let mut note = format!(
            "Counted from the inventory of AI systems in scope ({listed} {noun} listed): the \
             roadmap and the ROI use this count; add or remove systems in the inventory to \
             change it."
        );
        if let Some(n) = self
            .organisation
            .ai_systems_in_scope
            .filter(|&n| usize::try_from(n).ok() != Some(listed))
        {
            note.push_str(&format!(
                " The number stated before the inventory ({n}) is kept in the file but no longer used."
            ));
        }
        Some(note)
    }

    /// The organisation as the effort model sees it: `ai_systems_in_scope` is
    /// [`Assessment::systems_in_scope`].
    pub fn sized_organisation(&self) -> Organisation {
        Organisation {
            ai_systems_in_scope: self.systems_in_scope(),
            ..self.organisation.clone()
        }
    }

    /// Removes an AI system from the inventory together with its per-system answers, so that
    /// none is left behind to count in an item's maturity. `false` when there is no such system.
    pub fn remove_system(&mut self, id: &str) -> bool {
        let before = self.profile.systems.len();
        self.profile.systems.retain(|s| s.id != id);
        if let Answers::Iso42001(answers) = &mut self.answers {
            for a in answers.values_mut() {
                a.systems.remove(id);
            }
        }
        self.profile.systems.len() != before
    }

    /// The assessment as pretty-printed JSON (format version [`VERSION`]).
    pub fn to_json(&self) -> String {
        // Serializing maps with string keys and plain values into a String cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

impl Serialize for Assessment {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("format", FORMAT)?;
        m.serialize_entry("version", &VERSION)?;
        m.serialize_entry("framework", &self.framework())?;
        m.serialize_entry("organisation", &self.organisation)?;
        if !self.profile.is_empty() {
            m.serialize_entry("profile", &self.profile)?;
        }
        if let Some(p) = &self.planning {
            m.serialize_entry("planning", p)?;
        }
        match &self.answers {
            Answers::Iso42001(a) => m.serialize_entry("answers", a)?,
            Answers::NistAiRmf(a) => m.serialize_entry("answers", a)?,
        }
        for (k, v) in &self.extra {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

/// Who is being assessed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Organisation {
    pub name: Option<String>,
    pub sector: Option<String>,
    pub employees: Option<u32>,
    /// AI systems in the scope of the AI management system (scales the roadmap's effort; the
    /// reference organisation's 3 when absent).
    pub ai_systems_in_scope: Option<u32>,
    /// Certificates held, as written (e.g. "ISO/IEC 27001"); see [`Organisation::harmonized_certificate`].
    pub certifications: Vec<String>,
    /// The organisation said it holds none of them: an empty `certifications` list in the file,
    /// as the quick scan's "Neither" writes it (absent means not asked yet).
    pub certifications_stated: bool,
    pub extra: Map<String, Value>,
}

impl Serialize for Organisation {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        if let Some(v) = &self.name {
            m.serialize_entry("name", v)?;
        }
        if let Some(v) = &self.sector {
            m.serialize_entry("sector", v)?;
        }
        if let Some(v) = &self.employees {
            m.serialize_entry("employees", v)?;
        }
        if let Some(v) = &self.ai_systems_in_scope {
            m.serialize_entry("ai_systems_in_scope", v)?;
        }
        if !self.certifications.is_empty() || self.certifications_stated {
            m.serialize_entry("certifications", &self.certifications)?;
        }
        for (k, v) in &self.extra {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

/// What the organisation does with AI: its roles in ISO/IEC 22989 terms and the AI systems in
/// the scope of its management system (top-level `profile`).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Profile {
    /// `ai_provider`, `ai_producer`, `ai_customer`, `ai_partner`; more than one allowed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<AiRole>,
    /// The inventory of AI systems in scope, each with a unique `id`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub systems: Vec<AiSystem>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Profile {
    pub fn is_empty(&self) -> bool {
        self.roles.is_empty() && self.systems.is_empty() && self.extra.is_empty()
    }

    /// The system with this id.
    pub fn system(&self, id: &str) -> Option<&AiSystem> {
        self.systems.iter().find(|s| s.id == id)
    }

    /// The name of the system with this id, or the id itself when it has no name.
    pub fn system_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.system(id).map_or(id, AiSystem::label)
    }

    /// An id for a new system named `name`, unused in the inventory: the name as a lowercase
    /// slug (`Support chatbot` → `support-chatbot`), `system` when nothing is left, with `-2`,
    /// `-3`… when taken.
    pub fn unused_system_id(&self, name: &str) -> String {
        let mut slug = String::new();
        for c in name.trim().chars().flat_map(char::to_lowercase) {
            if c.is_alphanumeric() {
                slug.push(c);
            } else if !slug.is_empty() && !slug.ends_with('-') {
                slug.push('-');
            }
        }
        let slug: String = slug.trim_end_matches('-').chars().take(40).collect();
        let base = if slug.is_empty() {
            "system".to_string()
        } else {
            slug
        };
        let taken = |id: &str| self.systems.iter().any(|s| s.id == id);
        if !taken(&base) {
            return base;
        }
        (2..)
            .map(|n| format!("{base}-{n}"))
            .find(|id| !taken(id))
            .unwrap_or(base)
    }

    /// Every system in scope is supplied by others (and there is at least one): the
    /// organisation develops none of its AI itself.
    pub fn supplier_only(&self) -> bool {
        !self.systems.is_empty()
            && self
                .systems
                .iter()
                .all(|s| s.origin == Some(Origin::Supplied))
    }
}

/// One AI system in scope (an entry of `profile.systems`).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct AiSystem {
    /// Unique within the profile; per-system answers are keyed by it.
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin: Option<Origin>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stage: Option<Stage>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub affects_individuals: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub intended_users: Option<String>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl AiSystem {
    /// The name, or the id when the name is missing or blank.
    pub fn label(&self) -> &str {
        self.name
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .unwrap_or(&self.id)
    }
}

/// Where an AI system comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// Designed, built, trained or fine-tuned by the organisation.
    InHouse,
    /// Bought or used as a product or service of a supplier.
    Supplied,
}

impl Origin {
    pub const ALL: [Origin; 2] = [Origin::InHouse, Origin::Supplied];

    pub fn as_str(self) -> &'static str {
        match self {
            Origin::InHouse => "in_house",
            Origin::Supplied => "supplied",
        }
    }

    pub fn parse(s: &str) -> Option<Origin> {
        Origin::ALL.into_iter().find(|o| o.as_str() == s.trim())
    }
}

/// Where an AI system is in its life cycle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Development,
    Deployed,
}

impl Stage {
    pub const ALL: [Stage; 2] = [Stage::Development, Stage::Deployed];

    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Development => "development",
            Stage::Deployed => "deployed",
        }
    }

    pub fn parse(s: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|o| o.as_str() == s.trim())
    }
}

/// A management-system certificate that shares the Harmonized Structure (clauses 4-10).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum HarmonizedCertificate {
    #[serde(rename = "ISO/IEC 27001")]
    Iso27001,
    /// The privacy information management system, built on ISO/IEC 27001's structure.
    #[serde(rename = "ISO/IEC 27701")]
    Iso27701,
    #[serde(rename = "ISO 9001")]
    Iso9001,
}

impl HarmonizedCertificate {
    pub fn as_str(self) -> &'static str {
        match self {
            HarmonizedCertificate::Iso27001 => "ISO/IEC 27001",
            HarmonizedCertificate::Iso27701 => "ISO/IEC 27701",
            HarmonizedCertificate::Iso9001 => "ISO 9001",
        }
    }

    /// The ROI input `existing_certificate.standard` this certificate fills in. ISO/IEC 27701
    /// is a privacy extension of the ISO/IEC 27001 management system, so its holder's reuse is
    /// priced with the ISO/IEC 27001 figures (docs/roi.md).
    pub fn roi_standard(self) -> &'static str {
        match self {
            HarmonizedCertificate::Iso27001 | HarmonizedCertificate::Iso27701 => "iso27001",
            HarmonizedCertificate::Iso9001 => "iso9001",
        }
    }
}

impl Organisation {
    /// The first ISO/IEC 27001, ISO/IEC 27701 or ISO 9001 certificate among `certifications`
    /// (in that order of preference): any entry whose number, as a run of digits, is 27001,
    /// 27701 or 9001 ("ISO/IEC 27001:2022", "iso 9001" both count).
    pub fn harmonized_certificate(&self) -> Option<HarmonizedCertificate> {
        let has = |n: &str| {
            self.certifications
                .iter()
                .any(|c| c.split(|ch: char| !ch.is_ascii_digit()).any(|run| run == n))
        };
        if has("27001") {
            Some(HarmonizedCertificate::Iso27001)
        } else if has("27701") {
            Some(HarmonizedCertificate::Iso27701)
        } else if has("9001") {
            Some(HarmonizedCertificate::Iso9001)
        } else {
            None
        }
    }
}

/// The team's capacity for the roadmap (top-level `planning` object).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Planning {
    /// People working on the AI management system (may be fractional); default 2.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub people: Option<f64>,
    /// Share of their working time, 0-1 (0.5 = half time); default 0.5.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share_of_time: Option<f64>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Planning {
    pub const DEFAULT_PEOPLE: f64 = 2.0;
    pub const DEFAULT_SHARE_OF_TIME: f64 = 0.5;

    /// People, falling back to the default when absent or not a positive finite number.
    pub fn people(&self) -> f64 {
        self.people
            .filter(|p| p.is_finite() && *p > 0.0)
            .unwrap_or(Self::DEFAULT_PEOPLE)
    }

    /// Share of time, falling back to the default when absent or not within (0, 1].
    pub fn share_of_time(&self) -> f64 {
        self.share_of_time
            .filter(|s| s.is_finite() && *s > 0.0 && *s <= 1.0)
            .unwrap_or(Self::DEFAULT_SHARE_OF_TIME)
    }

    /// Full-time equivalents: people × share of time.
    pub fn full_time_equivalents(&self) -> f64 {
        self.people() * self.share_of_time()
    }
}

/// The answer for one item. Every field is optional in the file; a missing `maturity` means
/// *not assessed*.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Answer {
    /// 0 Incomplete, 1 Initial, 2 Managed, 3 Defined, 4 Quantitatively managed, 5 Optimizing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub maturity: Option<u8>,
    /// The level aimed for, 1-5; `None` means [`DEFAULT_TARGET`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<u8>,
    /// `false` excludes an Annex A control (recorded in the Statement of Applicability).
    #[serde(skip_serializing_if = "is_true")]
    pub applicable: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub justification: Option<String>,
    /// Why an applicable Annex A control is included (the Statement of Applicability's reason
    /// for inclusion); `None` uses the risk our guidance says the control treats.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// When the action on the item is due: `YYYY-MM-DD` (or `YYYY-MM`, the month's last day);
    /// other text is kept as written, with a warning, and gives the plan no date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    /// Where the action on the item stands (the action plan); `None` is open.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<PlanStatus>,
    /// Links or references to records that back the rating.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
    /// The maturity was inferred (e.g. from NIST AI RMF answers by the crosswalk), not rated.
    #[serde(skip_serializing_if = "is_false")]
    pub inferred: bool,
    /// The quick-scan question whose one answer set this maturity (with the other items of
    /// that question); cleared when the item is rated on its own. One answer is one piece of
    /// evidence, so such items count once towards a systemic finding.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quick_scan: Option<String>,
    /// Answers per AI system (by system id), for the controls about a system
    /// ([`IsoId::per_system`]); the item's maturity is the lowest of them and of `maturity`.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub systems: BTreeMap<String, SystemAnswer>,
    /// Fields this version does not know, kept for the round trip.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Where the action on an item stands (`status` on an answer).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanStatus {
    #[default]
    Open,
    InProgress,
    Done,
}

impl PlanStatus {
    pub const ALL: [PlanStatus; 3] = [PlanStatus::Open, PlanStatus::InProgress, PlanStatus::Done];

    pub fn as_str(self) -> &'static str {
        match self {
            PlanStatus::Open => "open",
            PlanStatus::InProgress => "in_progress",
            PlanStatus::Done => "done",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            PlanStatus::Open => "Open",
            PlanStatus::InProgress => "In progress",
            PlanStatus::Done => "Done",
        }
    }

    pub fn parse(s: &str) -> Option<PlanStatus> {
        PlanStatus::ALL.into_iter().find(|p| p.as_str() == s.trim())
    }
}

/// The answer for one item about one AI system (`answers["A.5.2"].systems["chatbot"]`).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct SystemAnswer {
    /// 0-5 as for the item; missing means this system is not assessed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub maturity: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

fn is_true(b: &bool) -> bool {
    *b
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Default for Answer {
    fn default() -> Self {
        Answer {
            maturity: None,
            target: None,
            applicable: true,
            justification: None,
            reason: None,
            note: None,
            owner: None,
            due: None,
            status: None,
            evidence: Vec::new(),
            inferred: false,
            quick_scan: None,
            systems: BTreeMap::new(),
            extra: Map::new(),
        }
    }
}

impl Answer {
    /// An answer with just a maturity.
    pub fn rated(maturity: u8) -> Answer {
        Answer {
            maturity: Some(maturity),
            ..Answer::default()
        }
    }

    /// An exclusion with its justification.
    pub fn excluded(justification: &str) -> Answer {
        Answer {
            applicable: false,
            justification: Some(justification.to_string()),
            ..Answer::default()
        }
    }

    /// The item's maturity, clamped to 0-5 (values set in code are not validated like file
    /// input): the lowest of the item's own `maturity` and the per-system maturities, since
    /// an auditor who samples one system below the bar finds the control below it.
    pub fn maturity(&self) -> Option<u8> {
        self.systems
            .values()
            .filter_map(|s| s.maturity)
            .chain(self.maturity)
            .min()
            .map(|m| m.min(MAX_MATURITY))
    }

    /// The systems (ids) rated at the item's maturity when it comes from a per-system answer
    /// (the ones a finding names); empty when the item's own maturity is the lowest or equal.
    pub fn weakest_systems(&self) -> Vec<&str> {
        let Some(lowest) = self.maturity() else {
            return Vec::new();
        };
        if self.maturity.is_some_and(|m| m.min(MAX_MATURITY) == lowest) {
            return Vec::new();
        }
        self.systems
            .iter()
            .filter(|(_, s)| s.maturity.map(|m| m.min(MAX_MATURITY)) == Some(lowest))
            .map(|(id, _)| id.as_str())
            .collect()
    }

    /// The due date, when `due` is `YYYY-MM-DD` (a real date) or `YYYY-MM` (its last day).
    pub fn due_date(&self) -> Option<ReportDate> {
        let due = self.due.as_deref()?.trim();
        ReportDate::parse(due)
            .ok()
            .or_else(|| ReportDate::end_of_month(due))
    }

    /// Evidence recorded on the item or on any of its systems.
    pub fn has_evidence(&self) -> bool {
        !self.evidence.is_empty() || self.systems.values().any(|s| !s.evidence.is_empty())
    }

    /// The target, clamped to 1-5; [`DEFAULT_TARGET`] when unset.
    pub fn target(&self) -> u8 {
        self.target.unwrap_or(DEFAULT_TARGET).clamp(1, MAX_MATURITY)
    }

    /// A non-blank justification.
    pub fn justification(&self) -> Option<&str> {
        self.justification
            .as_deref()
            .map(str::trim)
            .filter(|j| !j.is_empty())
    }
}

#[cfg(test)]
mod tests;

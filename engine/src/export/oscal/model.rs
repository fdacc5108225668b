//! The part of the OSCAL 1.1.2 JSON model that our documents use, as typed structs (field
//! names kebab-case as OSCAL spells them; optional fields left out when empty). Typed structs
//! rather than `serde_json::json!` trees: they serialize straight to text, which is smaller in
//! Wasm and lets the compiler check every field name.

use serde::Serialize;

/// An OSCAL `prop`. `ns` is set for our own names, absent for OSCAL's (`label`).
#[derive(Serialize)]
pub struct Prop {
    pub name: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ns: Option<&'static str>,
    pub value: String,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Metadata {
    pub title: String,
    pub last_modified: String,
    pub version: String,
    pub oscal_version: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<Party>,
    pub remarks: String,
}

#[derive(Serialize)]
pub struct Party {
    pub uuid: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub name: String,
}

// ---- Catalog --------------------------------------------------------------------------------

#[derive(Serialize)]
pub struct CatalogDocument {
    pub catalog: Catalog,
}

#[derive(Serialize)]
pub struct Catalog {
    pub uuid: String,
    pub metadata: Metadata,
    pub groups: Vec<Group>,
}

/// A group holds `groups` or `controls`, never both (see catalog.rs).
#[derive(Serialize)]
pub struct Group {
    pub id: String,
    pub class: &'static str,
    pub title: String,
    pub props: Vec<Prop>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<Group>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub controls: Vec<Control>,
}

#[derive(Serialize)]
pub struct Control {
    pub id: String,
    pub class: &'static str,
    pub title: &'static str,
    pub props: Vec<Prop>,
    pub parts: Vec<Part>,
}

#[derive(Serialize)]
pub struct Part {
    pub id: String,
    pub name: &'static str,
    pub prose: String,
}

// ---- Assessment results ---------------------------------------------------------------------

#[derive(Serialize)]
pub struct ResultsDocument {
    #[serde(rename = "assessment-results")]
    pub assessment_results: AssessmentResults,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct AssessmentResults {
    pub uuid: String,
    pub metadata: Metadata,
    pub import_ap: ImportAp,
    pub results: Vec<AssessmentResult>,
    pub back_matter: BackMatter,
}

#[derive(Serialize)]
pub struct ImportAp {
    pub href: String,
    pub remarks: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct AssessmentResult {
    pub uuid: String,
    pub title: &'static str,
    pub description: String,
    pub start: String,
    pub props: Vec<Prop>,
    pub reviewed_controls: ReviewedControls,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub observations: Vec<Observation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<Finding>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remarks: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct ReviewedControls {
    pub control_selections: Vec<ControlSelection>,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct ControlSelection {
    pub description: &'static str,
    /// Set only when `include_controls` is empty: OSCAL 1.2 needs one or the other.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub include_all: Option<IncludeAll>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub include_controls: Vec<ControlRef>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub exclude_controls: Vec<ControlRef>,
}

/// OSCAL's `include-all`: an empty object.
#[derive(Serialize)]
pub struct IncludeAll {}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct ControlRef {
    pub control_id: String,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Observation {
    pub uuid: String,
    pub title: String,
    pub description: String,
    pub props: Vec<Prop>,
    pub methods: [&'static str; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub relevant_evidence: Vec<RelevantEvidence>,
    pub collected: String,
}

#[derive(Serialize)]
pub struct RelevantEvidence {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub href: Option<String>,
    pub description: String,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Finding {
    pub uuid: String,
    pub title: String,
    pub description: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub props: Vec<Prop>,
    pub target: FindingTarget,
    pub related_observations: [RelatedObservation; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct FindingTarget {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub target_id: String,
    pub status: ObjectiveStatus,
}

#[derive(Serialize)]
pub struct ObjectiveStatus {
    pub state: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct RelatedObservation {
    pub observation_uuid: String,
}

#[derive(Serialize)]
pub struct BackMatter {
    pub resources: Vec<Resource>,
}

#[derive(Serialize)]
pub struct Resource {
    pub uuid: String,
    pub title: &'static str,
    pub description: &'static str,
}

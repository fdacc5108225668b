//! The OSCAL assessment-results document of one assessment (`aims export FILE --format oscal`).
//!
//! - `metadata`: title with the organisation's name, `last-modified` and `version` from the
//!   date the caller passes, `oscal-version` 1.1.2, the organisation as a party.
//! - `import-ap`: OSCAL requires a link to the assessment plan. A self-assessment has no
//!   separate plan document, so the link is `#<uuid>`, a back-matter resource that describes
//!   the plan: every assessable item rated on the 0-5 scale against its target.
//! - One result: `reviewed-controls` includes every answered item and excludes the justly
//!   excluded controls; one observation per answered item (methods `EXAMINE` when evidence is
//!   listed, else `INTERVIEW`: a rating given without records to examine); one finding per
//!   assessed or unjustly excluded item, targeting its objective `<control id>_obj` with
//!   status `satisfied` (at or above level 3, the audit bar) or `not-satisfied`.
//! - Props in our namespace: `maturity`, `target`, `applicable`, `criticality`, `inferred` on
//!   observations; `severity`, `rule`, `priority`, `soa-status`, `reason-for-inclusion` on
//!   findings; the scores and
//!   verdict on the result.

use super::model::{
    AssessmentResult, AssessmentResults, BackMatter, ControlRef, ControlSelection, Finding,
    FindingTarget, ImportAp, IncludeAll, ObjectiveStatus, Observation, Prop, RelatedObservation,
    RelevantEvidence, Resource, ResultsDocument, ReviewedControls,
};
use super::uuid::{digest, v5, Child, Uuid, AIMS_NAMESPACE};
use super::{control_id, metadata, objective_id, oscal_text, pretty, prop};
use crate::assessment::Assessment;
use crate::catalog::{IsoId, GENERIC_LEVELS};
use crate::export::soa::status_str;
use crate::export::{inline, item_views, scored, ItemView, ReportDate};
use crate::scoring::{FindingSeverity, Report};

const PLAN: &str = "The organisation rates each of the 70 assessable items of ISO/IEC 42001:2023 (clauses 4-10 and the 38 Annex A controls) on a 0-5 maturity scale (0 Incomplete, 1 Initial, 2 Managed, 3 Defined, 4 Quantitatively managed, 5 Optimizing) against a target level (3 by default, what a certification audit expects), and may exclude an Annex A control with a justification. Ratings are self-declared; evidence is listed where the organisation gave it.";

/// The assessment results of `a` as pretty-printed OSCAL JSON, dated `date`.
pub fn assessment_results(a: &Assessment, date: ReportDate) -> String {
    let (answers, report) = scored(a);
    let views = item_views(&answers, &report);
    let when = date.to_datetime();
    // Every UUID derives from the document's, which names the content and the date. (The
    // file's own JSON: the code that writes it is in the app already.)
    let content = a.to_json();
    let doc = v5(
        AIMS_NAMESPACE,
        &format!("assessment-results/{}/{date}", digest(&content)),
    );
    let plan = doc.child("assessment-plan");
    let org_name = a
        .organisation
        .name
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty());
    let answered: Vec<&ItemView> = views.iter().filter(|v| v.answered()).collect();
    let result = AssessmentResult {
        uuid: doc.child("result").to_string(),
        title: "ISO/IEC 42001 readiness self-assessment",
        description: oscal_text(&report.verdict_reason.to_string(), "No verdict."),
        start: when.clone(),
        props: result_props(&report),
        reviewed_controls: reviewed_controls(&views),
        observations: answered
            .iter()
            .map(|v| observation(v, doc, &when))
            .collect(),
        findings: answered
            .iter()
            .filter(|v| !v.excluded)
            .map(|v| finding(v, doc))
            .collect(),
        remarks: (!report.not_assessed.is_empty()).then(|| {
            let ids: Vec<&str> = report.not_assessed.iter().map(|i| i.as_str()).collect();
            format!(
                "Not assessed yet, so neither observed nor reviewed: {}.",
                ids.join(", ")
            )
        }),
    };
    let metadata = metadata(
        "ISO/IEC 42001 readiness self-assessment",
        org_name,
        date,
        doc,
        "from a self-assessment",
    );
    pretty(&ResultsDocument {
        assessment_results: AssessmentResults {
            uuid: doc.to_string(),
            metadata,
            import_ap: ImportAp {
                href: format!("#{plan}"),
                remarks: "A self-assessment has no separate assessment plan: this points to the back-matter resource that describes it.",
            },
            results: vec![result],
            back_matter: BackMatter {
                resources: vec![Resource {
                    uuid: plan.to_string(),
                    title: "AIMS Readiness self-assessment plan",
                    description: PLAN,
                }],
            },
        },
    })
}

fn level(m: u8) -> String {
    let name = GENERIC_LEVELS
        .get(usize::from(m))
        .map_or("unknown", |l| l.name);
    format!("{m} ({name})")
}

fn result_props(r: &Report) -> Vec<Prop> {
    let mut props = Vec::new();
    for (name, score) in [
        ("readiness", r.readiness),
        ("management-system-score", r.management_system),
        ("controls-score", r.controls),
    ] {
        if let Some(s) = score {
            props.push(prop(name, format!("{s:.1}")));
        }
    }
    props.push(prop("verdict", r.verdict.as_str()));
    props.push(prop("provisional", r.provisional));
    props.push(prop("answered", r.answered));
    props.push(prop("total", r.total));
    props
}

fn reviewed_controls(views: &[ItemView]) -> ReviewedControls {
    let select = |keep: &dyn Fn(&ItemView) -> bool| -> Vec<ControlRef> {
        views
            .iter()
            .filter(|v| keep(v))
            .map(|v| ControlRef {
                control_id: control_id(v.id),
            })
            .collect()
    };
    let include_controls = select(&|v| v.answered() && !v.excluded);
    let exclude_controls = select(&|v| v.excluded);
    // A control selection must include something (OSCAL 1.2 requires `include-all` or a
    // non-empty `include-controls`): with no item in scope yet, the whole catalog is.
    let selection = if include_controls.is_empty() {
        ControlSelection {
            description: "No item is rated yet: the whole catalog is in the self-assessment's scope, to be rated; controls excluded with a justification are excluded.",
            include_all: Some(IncludeAll {}),
            include_controls,
            exclude_controls,
        }
    } else {
        ControlSelection {
            description: "Assessed items, and Annex A controls marked not applicable without a justification (a nonconformity), are included; controls excluded with a justification are excluded.",
            include_all: None,
            include_controls,
            exclude_controls,
        }
    };
    ReviewedControls {
        control_selections: vec![selection],
    }
}

fn observation(v: &ItemView, doc: Uuid, when: &str) -> Observation {
    let item = v.id.item();
    let answer = v.answer;
    let mut description = if v.excluded {
        "Excluded from the Statement of Applicability.".to_string()
    } else if v.marked_not_applicable {
        "Marked not applicable without a justification, so it stays in scope.".to_string()
    } else {
        String::new()
    };
    if let Some(m) = v.maturity {
        if !description.is_empty() {
            description.push(' ');
        }
        description.push_str(&format!(
            "Self-assessed maturity {} against a target of {}.",
            level(m),
            level(v.target)
        ));
    }
    if let Some(j) = answer.and_then(|a| a.justification()) {
        description.push_str(&format!(" Justification: {}", inline::text(j)));
    }
    if let Some(n) = answer
        .and_then(|a| a.note.as_deref())
        .map(str::trim)
        .filter(|n| !n.is_empty())
    {
        description.push_str(&format!(" Note: {}", inline::text(n)));
    }
    let relevant_evidence: Vec<RelevantEvidence> = answer
        .map(|a| a.evidence.as_slice())
        .unwrap_or_default()
        .iter()
        .map(|e| e.trim())
        .filter(|e| !e.is_empty())
        .map(|e| RelevantEvidence {
            href: (e.starts_with("https://") || e.starts_with("http://")).then(|| e.to_string()),
            description: inline::text(e),
        })
        .collect();
    let mut props = Vec::with_capacity(5);
    if let Some(m) = v.maturity {
        props.push(prop("maturity", m));
    }
    props.push(prop("applicable", !v.marked_not_applicable));
    props.push(prop("target", v.target));
    props.push(prop("criticality", v.id.criticality().as_str()));
    if answer.is_some_and(|a| a.inferred) {
        props.push(prop("inferred", true));
    }
    Observation {
        uuid: observation_uuid(doc, v.id).to_string(),
        title: format!("{} {}", item.id, item.title),
        description: oscal_text(&description, "Answered."),
        props,
        methods: [if relevant_evidence.is_empty() {
            "INTERVIEW"
        } else {
            "EXAMINE"
        }],
        relevant_evidence,
        collected: when.to_string(),
    }
}

fn observation_uuid(doc: Uuid, id: IsoId) -> Uuid {
    doc.child(&format!("observation/{}", id.as_str()))
}

fn finding(v: &ItemView, doc: Uuid) -> Finding {
    let item = v.id.item();
    let mut description = match (v.finding, v.maturity) {
        (Some(f), _) => format!("{}: {}", severity_title(f.severity), f.reason),
        (None, Some(m)) if m >= v.target => {
            "At or above level 3 (Defined), what a certification audit expects, and at its target.".to_string()
        }
        (None, Some(m)) => format!(
            "At or above level 3 (Defined), what a certification audit expects; below the organisation's own target by {} level{} (an ambition, not a finding).",
            v.target - m,
            if v.target - m == 1 { "" } else { "s" }
        ),
        (None, None) => "Not assessed.".to_string(),
    };
    if let Some(g) = v.gap {
        description.push_str(&format!(" Next step: {}", g.action));
    }
    let mut props = Vec::new();
    if let Some(f) = v.finding {
        props.push(prop("severity", f.severity.as_str()));
        props.push(prop("rule", f.reason.rule()));
    }
    if let Some(g) = v.gap {
        props.push(prop("priority", g.priority.as_str()));
    }
    if let Some(status) = v.soa_status {
        props.push(prop("soa-status", status_str(status)));
    }
    // A prop value is one line without outer spaces (OSCAL's token-like string): runs of white
    // space, line breaks included, become one space.
    if let Some(reason) = v
        .reason_for_inclusion
        .map(|r| r.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|r| !r.is_empty())
    {
        props.push(prop("reason-for-inclusion", reason));
    }
    Finding {
        uuid: doc.child(&format!("finding/{}", item.id)).to_string(),
        title: format!("{} {}", item.id, item.title),
        description: oscal_text(&description, "Assessed."),
        props,
        target: FindingTarget {
            kind: "objective-id",
            target_id: objective_id(v.id),
            status: ObjectiveStatus {
                state: if v.at_target() {
                    "satisfied"
                } else {
                    "not-satisfied"
                },
            },
        },
        related_observations: [RelatedObservation {
            observation_uuid: observation_uuid(doc, v.id).to_string(),
        }],
    }
}

fn severity_title(s: FindingSeverity) -> &'static str {
    match s {
        FindingSeverity::Major => "Major nonconformity",
        FindingSeverity::Minor => "Minor nonconformity",
        FindingSeverity::Observation => "Observation (an opportunity for improvement)",
    }
}

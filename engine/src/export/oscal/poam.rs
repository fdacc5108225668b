//! The action plan as an OSCAL plan of action and milestones (`aims plan FILE --format oscal`).
//!
//! - `metadata` as for the assessment results (the organisation as a party, the plan's date).
//! - `system-id`: the management system has no OSCAL system security plan, so the id is a UUID
//!   derived from the organisation's name (`identifier-type` RFC 4122).
//! - One `risk` per action: the item's shortfall (`statement`), its `status` (`open` for an open
//!   action, `remediating` in progress, `closed` done) and, with a due date, its `deadline` (the
//!   end of that day, UTC).
//! - One `poam-item` per action, in priority order, pointing at its risk (with no action, one
//!   item "No gap to close", as OSCAL requires at least one); props in our
//!   namespace: `item`, `priority`, `finding`, `maturity`, `target`, `owner`, `due`, `status`,
//!   `overdue`, `ai-system`, `evidence`.

use super::uuid::{digest, v5, Child, AIMS_NAMESPACE};
use super::{control_id, metadata, oscal_text, pretty, prop};
use crate::assessment::PlanStatus;
use crate::plan::{Plan, PlanAction};
use serde::Serialize;

use super::model::{Metadata, Prop};

#[derive(Serialize)]
struct PoamDocument {
    #[serde(rename = "plan-of-action-and-milestones")]
    poam: Poam,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct Poam {
    uuid: String,
    metadata: Metadata,
    system_id: SystemId,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    risks: Vec<Risk>,
    poam_items: Vec<PoamItem>,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct SystemId {
    identifier_type: &'static str,
    id: String,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct Risk {
    uuid: String,
    title: String,
    description: String,
    statement: String,
    props: Vec<Prop>,
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    deadline: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct PoamItem {
    uuid: String,
    title: String,
    description: String,
    props: Vec<Prop>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_risks: Vec<RelatedRisk>,
    #[serde(skip_serializing_if = "Option::is_none")]
    remarks: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct RelatedRisk {
    risk_uuid: String,
}

/// The plan as pretty-printed OSCAL JSON. `content` is what the plan was made from (the
/// assessment file's JSON), so that the same plan of the same assessment on the same day gives
/// the same document byte for byte.
pub fn poam(plan: &Plan, content: &str) -> String {
    let date = plan.today;
    let doc = v5(AIMS_NAMESPACE, &format!("poam/{}/{date}", digest(content)));
    let org = plan.organisation.as_deref();
    let system = v5(AIMS_NAMESPACE, &format!("system/{}", org.unwrap_or("")));
    let mut risks = Vec::with_capacity(plan.actions.len());
    let mut items = Vec::with_capacity(plan.actions.len());
    for x in &plan.actions {
        let risk_uuid = doc.child(&format!("risk/{}", x.item)).to_string();
        risks.push(Risk {
            uuid: risk_uuid.clone(),
            title: format!("{} {} below level {}", x.item, x.title, x.target),
            description: oscal_text(
                &format!(
                    "{} ({}) is at maturity {} of the {} the plan aims for.",
                    x.title, x.item, x.current, x.target
                ),
                "Shortfall.",
            ),
            statement: oscal_text(&shortfall(x), "Shortfall."),
            props: vec![prop("item", x.item.as_str())],
            status: match x.status {
                PlanStatus::Open => "open",
                PlanStatus::InProgress => "remediating",
                PlanStatus::Done => "closed",
            },
            deadline: x.due.map(|d| format!("{d}T23:59:59Z")),
        });
        items.push(PoamItem {
            uuid: doc.child(&format!("poam-item/{}", x.item)).to_string(),
            title: format!("{} {}", x.item, x.title),
            description: oscal_text(&x.action.to_string(), "Close the gap."),
            props: item_props(x),
            related_risks: vec![RelatedRisk {
                risk_uuid: risk_uuid.clone(),
            }],
            remarks: (!x.evidence.is_empty())
                .then(|| format!("Evidence recorded: {}", x.evidence.join("; "))),
        });
    }
    if items.is_empty() {
        // OSCAL requires at least one item: with no gap, the one item says so.
        items.push(PoamItem {
            uuid: doc.child("poam-item/none").to_string(),
            title: "No gap to close".to_string(),
            description: "No assessed item is below the audit level (3) or its own target, so the plan holds no action. Items not assessed yet are not in the plan until they are rated.".to_string(),
            props: vec![prop("actions", 0)],
            related_risks: Vec::new(),
            remarks: None,
        });
    }
    pretty(&PoamDocument {
        poam: Poam {
            uuid: doc.to_string(),
            metadata: metadata(
                "ISO/IEC 42001 action plan",
                org,
                date,
                doc,
                "from the gaps of a self-assessment",
            ),
            system_id: SystemId {
                identifier_type: "http://ietf.org/rfc/rfc4122",
                id: system.to_string(),
            },
            risks,
            poam_items: items,
        },
    })
}

fn shortfall(x: &PlanAction) -> String {
    let mut s = match x.finding {
        Some(f) => format!(
            "A {} finding is expected at a certification audit: the item is at maturity {}, below level {}.",
            f.as_str(),
            x.current,
            x.target
        ),
        None => format!(
            "Beyond certification: the organisation aims for level {} and is at {}.",
            x.target, x.current
        ),
    };
    if !x.systems.is_empty() {
        s.push_str(&format!(
            " AI systems rated lowest: {}.",
            x.systems.join(", ")
        ));
    }
    s
}

fn item_props(x: &PlanAction) -> Vec<Prop> {
    let mut props = vec![
        prop("item", x.item.as_str()),
        prop("control-id", control_id(x.item)),
        prop("priority", x.priority.as_str()),
    ];
    if let Some(f) = x.finding {
        props.push(prop("finding", f.as_str()));
    }
    props.push(prop("maturity", x.current));
    props.push(prop("target", x.target));
    if let Some(o) = &x.owner {
        props.push(prop("owner", oscal_text(o, "unnamed")));
    }
    if let Some(d) = x.due {
        props.push(prop("due", d));
    }
    props.push(prop("status", x.status.as_str()));
    props.push(prop("overdue", x.overdue));
    for s in &x.systems {
        props.push(prop("ai-system", oscal_text(s, "unnamed")));
    }
    props
}

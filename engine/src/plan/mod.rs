//! The action plan: the gap list turned into actions with an owner, a due date, a status and
//! the evidence recorded (docs/scoring.md, "Action plan"; exports in docs/exports.md).
//!
//! [`plan`] is pure: the caller passes today's date, which decides which actions are overdue.
//! The actions are the report's certification gaps (what blocks certification first), then its
//! ambition gaps, in the report's priority order; the plan fields come from each item's answer
//! (`owner`, `due`, `status`, `evidence`). Exports: [`Plan::to_csv`], `export::ics::calendar` and the
//! OSCAL plan of action and milestones (`export::oscal::poam`).

use crate::assessment::{Assessment, PlanStatus};
use crate::catalog::IsoId;
use crate::csv::CsvWriter;
use crate::date::ReportDate;
use crate::readiness::scored;
use crate::scoring::{Action, FindingSeverity, Gap, Priority};
use serde::Serialize;

/// The action plan of an assessment on a given day.
#[derive(Clone, Debug, Serialize)]
pub struct Plan {
    /// The day the plan was computed for (what "overdue" is judged against).
    pub today: ReportDate,
    /// The organisation's name, when the assessment gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// One action per gap: certification gaps first, in priority order, then ambition gaps.
    pub actions: Vec<PlanAction>,
    pub summary: PlanSummary,
}

/// Counts over the plan's actions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct PlanSummary {
    pub open: u32,
    pub in_progress: u32,
    pub done: u32,
    /// Past their due date and not done.
    pub overdue: u32,
    /// Without an owner (and not done).
    pub unassigned: u32,
    /// Without a due date (and not done).
    pub undated: u32,
}

/// One action of the plan: closing the gap on one item.
#[derive(Clone, Debug, Serialize)]
pub struct PlanAction {
    pub item: IsoId,
    pub title: &'static str,
    pub priority: Priority,
    /// The severity of the finding that covers the item; `None` for an ambition gap.
    pub finding: Option<FindingSeverity>,
    pub current: u8,
    pub target: u8,
    /// What to do (our guidance's first action).
    pub action: Action,
    /// The AI systems rated lowest on the item (names), when it is answered per system.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub systems: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// The due date, when the answer's `due` is a date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<ReportDate>,
    /// `due` as written when it is not a date (kept, never guessed at).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due_as_written: Option<String>,
    pub status: PlanStatus,
    pub evidence: Vec<String>,
    /// Past its due date and not done.
    pub overdue: bool,
    /// Days past the due date (0 when not overdue).
    pub days_overdue: u32,
}

/// The order the plan view offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanOrder {
    /// The report's order: what blocks certification first.
    Priority,
    /// Earliest due date first; undated actions last.
    Due,
    /// By owner (A-Z, case-insensitive); unassigned actions last.
    Owner,
}

impl PlanOrder {
    pub const ALL: [PlanOrder; 3] = [PlanOrder::Priority, PlanOrder::Due, PlanOrder::Owner];

    pub fn as_str(self) -> &'static str {
        match self {
            PlanOrder::Priority => "priority",
            PlanOrder::Due => "due",
            PlanOrder::Owner => "owner",
        }
    }

    pub fn parse(s: &str) -> Option<PlanOrder> {
        PlanOrder::ALL.into_iter().find(|o| o.as_str() == s.trim())
    }
}

/// The action plan of `a` on `today`.
pub fn plan(a: &Assessment, today: ReportDate) -> Plan {
    let (answers, report) = scored(a);
    let gaps: Vec<&Gap> = report.gaps.iter().chain(&report.ambition_gaps).collect();
    let mut summary = PlanSummary::default();
    let actions = gaps
        .into_iter()
        .map(|g| {
            let answer = answers.get(&g.item);
            let status = answer.and_then(|x| x.status).unwrap_or_default();
            let due = answer.and_then(|x| x.due_date());
            let due_as_written = match (due, answer.and_then(|x| x.due.as_deref())) {
                (None, Some(d)) if !d.trim().is_empty() => Some(d.to_string()),
                _ => None,
            };
            let owner = answer
                .and_then(|x| x.owner.as_deref())
                .map(str::trim)
                .filter(|o| !o.is_empty())
                .map(str::to_string);
            let late = due.map_or(0, |d| today.days_since_epoch() - d.days_since_epoch());
            let overdue = status != PlanStatus::Done && late > 0;
            match status {
                PlanStatus::Open => summary.open += 1,
                PlanStatus::InProgress => summary.in_progress += 1,
                PlanStatus::Done => summary.done += 1,
            }
            if status != PlanStatus::Done {
                summary.overdue += u32::from(overdue);
                summary.unassigned += u32::from(owner.is_none());
                summary.undated += u32::from(due.is_none());
            }
            let systems = answer
                .map(|x| {
                    x.weakest_systems()
                        .into_iter()
                        .map(|s| a.profile.system_name(s).to_string())
                        .collect()
                })
                .unwrap_or_default();
            PlanAction {
                item: g.item,
                title: g.title,
                priority: g.priority,
                finding: g.finding,
                current: g.current,
                target: g.target,
                action: g.action,
                systems,
                owner,
                due,
                due_as_written,
                status,
                evidence: answer.map(|x| x.evidence.clone()).unwrap_or_default(),
                overdue,
                days_overdue: if overdue {
                    u32::try_from(late).unwrap_or(u32::MAX)
                } else {
                    0
                },
            }
        })
        .collect();
    Plan {
        today,
        organisation: a
            .organisation
            .name
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_string),
        actions,
        summary,
    }
}

/// Whose actions the plan view shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum OwnerFilter {
    /// Every action, assigned or not.
    #[default]
    Any,
    /// Only the actions without an owner.
    Unassigned,
    /// Only this owner's actions (compared ignoring case and surrounding spaces, as the owner
    /// order sorts them).
    Named(String),
}

/// Which actions the plan view shows; the default shows all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlanFilter {
    /// Only the overdue actions.
    pub overdue_only: bool,
    pub owner: OwnerFilter,
}

/// An owner as the plan compares owners: trimmed, lower case.
fn owner_key(owner: &str) -> String {
    owner.trim().to_lowercase()
}

/// Whether two spellings name the same owner (ignoring case and surrounding spaces).
pub fn same_owner(a: &str, b: &str) -> bool {
    owner_key(a) == owner_key(b)
}

impl PlanFilter {
    /// Whether the filter keeps the action.
    pub fn keeps(&self, x: &PlanAction) -> bool {
        let owner = x.owner.as_deref().map(str::trim).filter(|o| !o.is_empty());
        let by_owner = match &self.owner {
            OwnerFilter::Any => true,
            OwnerFilter::Unassigned => owner.is_none(),
            OwnerFilter::Named(n) => owner.is_some_and(|o| same_owner(o, n)),
        };
        by_owner && (!self.overdue_only || x.overdue)
    }
}

impl PlanAction {
    /// How far past its due date the action is, for people: `overdue by 1 day`, `overdue by
    /// 30 days`; `None` when it is not overdue.
    pub fn overdue_text(&self) -> Option<String> {
        self.overdue.then(|| {
            let n = self.days_overdue;
            format!("overdue by {n} day{}", if n == 1 { "" } else { "s" })
        })
    }
}

impl Plan {
    /// The owners named in the plan, once each (spelled as on their first action in priority
    /// order), A-Z ignoring case: the choices of the plan view's owner filter.
    pub fn owners(&self) -> Vec<&str> {
        let mut seen = std::collections::BTreeMap::new();
        for o in self.actions.iter().filter_map(|x| x.owner.as_deref()) {
            let o = o.trim();
            if !o.is_empty() {
                seen.entry(owner_key(o)).or_insert(o);
            }
        }
        seen.into_values().collect()
    }

    /// The actions the filter keeps, in the given order.
    pub fn shown(&self, order: PlanOrder, filter: &PlanFilter) -> Vec<&PlanAction> {
        let mut v = self.sorted(order);
        v.retain(|x| filter.keeps(x));
        v
    }

    /// The actions in the given order (ties keep the priority order).
    pub fn sorted(&self, order: PlanOrder) -> Vec<&PlanAction> {
        let mut v: Vec<&PlanAction> = self.actions.iter().collect();
        match order {
            PlanOrder::Priority => {}
            PlanOrder::Due => crate::order::sort_by_key(&mut v, |x| (x.due.is_none(), x.due)),
            PlanOrder::Owner => crate::order::sort_by_key(&mut v, |x| {
                (x.owner.is_none(), x.owner.as_deref().map(str::to_lowercase))
            }),
        }
        v
    }

    /// Anything of the plan is recorded: an action has an owner, a due date, a status other than
    /// open, or evidence. The printed reports show the plan only then (before, the gap list
    /// says all there is).
    pub fn has_records(&self) -> bool {
        self.actions.iter().any(|x| {
            x.owner.is_some()
                || x.due.is_some()
                || x.due_as_written.is_some()
                || x.status != PlanStatus::Open
                || !x.evidence.is_empty()
        })
    }

    /// The plan as JSON (what `aims plan --format json` prints and the JS API returns).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The plan as CSV (UTF-8 with BOM, CRLF, RFC 4180; fields a spreadsheet would read as a
    /// formula neutralised), one row per action in priority order.
    pub fn to_csv(&self) -> String {
        let mut w = CsvWriter::with_bom();
        w.row(CSV_HEADER);
        for x in &self.actions {
            w.row([
                x.priority.as_str().to_string(),
                x.item.as_str().to_string(),
                x.title.to_string(),
                x.finding.map_or("", FindingSeverity::as_str).to_string(),
                x.current.to_string(),
                x.target.to_string(),
                x.action.to_string(),
                x.systems.join("; "),
                x.owner.clone().unwrap_or_default(),
                x.due
                    .map(|d| d.to_string())
                    .or_else(|| x.due_as_written.clone())
                    .unwrap_or_default(),
                x.status.as_str().to_string(),
                if x.overdue { "yes" } else { "no" }.to_string(),
                x.evidence.join("; "),
            ]);
        }
        w.finish()
    }
}

/// The columns of the plan CSV.
pub const CSV_HEADER: [&str; 13] = [
    "priority",
    "item",
    "title",
    "finding",
    "current",
    "target",
    "action",
    "ai_systems",
    "owner",
    "due",
    "status",
    "overdue",
    "evidence",
];

#[cfg(test)]
mod tests;

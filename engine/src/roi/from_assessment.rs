//! ROI inputs from a gap assessment's roadmap: the roadmap gives the months, its capacity gives
//! the people and their share of time. So a bigger gap costs more.
//!
//! How the roadmap maps onto the ROI schedule (see [`crate::scoring::roadmap`]):
//! - the ROI's implementation months are everything before the Stage 1 audit (gap assessment,
//!   implementation, internal audit): likely = the roadmap's plan, low = the same (the roadmap
//!   has no slack to lose), high = the plan plus half the implementation phase, at least one
//!   month (our assumption: plans overrun more often than they underrun);
//! - the certification month is the roadmap's certification decision, so the audit fees fall
//!   then, benefits start the month after, and surveillance follows a year later as in the
//!   roadmap;
//! - no certificate credit is applied on top: the roadmap already counts the reuse.
//!
//! The roadmap's months come from the one effort model ([`crate::effort`]), which scales with the
//! assessment's headcount and AI systems in scope. When the roadmap is used (see
//! `roi::prepare`: only for an assessment with answers), the schedule and the capacity always
//! come from it, so the ROI's certification month is the roadmap's.

use super::inputs::{Range, RoadmapMonths, RoiInputs};
use crate::scoring::{PhaseId, Roadmap};

/// The schedule a roadmap implies, as ROI inputs take it.
pub fn roadmap_months(roadmap: &Roadmap) -> RoadmapMonths {
    let phase = |id: PhaseId| roadmap.phases.iter().find(|p| p.id == id);
    // Months before the Stage 1 audit; a roadmap always has a Stage 1 phase, but fall back to
    // the decision month less the three audit-and-decision months rather than fail.
    let before_audit = match phase(PhaseId::Stage1Audit) {
        Some(p) => p.start_month.saturating_sub(1),
        None => roadmap.total_months.saturating_sub(3),
    }
    .max(1);
    let overrun = roadmap.implementation_months.div_ceil(2).max(1);
    let source = format!(
        "the assessment's roadmap: {before_audit} months before the Stage 1 audit ({} of implementation); high adds half the implementation phase (our assumption)",
        roadmap.implementation_months
    );
    RoadmapMonths {
        implementation_months: Range::new(
            f64::from(before_audit),
            f64::from(before_audit),
            f64::from(before_audit + overrun),
            source,
        ),
        certification_month: roadmap.total_months.max(before_audit),
    }
}

impl RoiInputs {
    /// Takes the schedule and the capacity from a scoring report's roadmap.
    pub fn with_assessment_roadmap(self, roadmap: &Roadmap) -> RoiInputs {
        let mut inputs = self.with_roadmap(roadmap_months(roadmap));
        let origin = if roadmap.capacity.from_planning {
            "the assessment's planning"
        } else {
            "the roadmap's default capacity (the assessment has no planning)"
        };
        inputs.costs.internal_people = Range::fixed(roadmap.capacity.people, origin);
        inputs.costs.internal_share_of_time = Range::fixed(roadmap.capacity.share_of_time, origin);
        inputs
    }
}

//! Exports of an assessment for other tools and for people (formats documented in
//! docs/exports.md):
//!
//! - [`items_csv`]: one row per assessable ISO/IEC 42001 item (UTF-8 with BOM, CRLF, RFC 4180);
//! - [`soa_csv`]: the Statement of Applicability, the 38 Annex A controls;
//! - [`oscal`]: an OSCAL 1.1.2 catalog of our ISO/IEC 42001 ids and short titles, and an OSCAL
//!   assessment-results document for an assessment;
//! - [`markdown_report`]: the printable readiness report as Markdown;
//! - [`plan_export`]: the action plan as JSON, CSV, OSCAL POA&M or iCalendar.
//!
//! Every export is computed from the same [`score`] report the app shows, so the numbers agree
//! everywhere. A NIST AI RMF assessment is exported through the crosswalk: its inferred
//! ISO/IEC 42001 answers (marked inferred), as `aims score` reports them. The engine has no
//! clock: exports that carry a date take a [`ReportDate`] from the caller.

mod csv;

pub mod ics;
pub(crate) mod inline;
mod markdown;
pub mod oscal;
mod plan_file;
mod soa;

pub use self::csv::items_csv;
pub use crate::date::{DateError, ReportDate};
pub use markdown::{markdown_report, ReportOptions};
pub use plan_file::{plan_export, PlanExport, PlanFormat};
pub use soa::soa_csv;

use crate::assessment::{Answer, IsoAnswers};
use crate::catalog::IsoId;
pub(crate) use crate::readiness::{iso_view, scored};
use crate::scoring::{evaluate, Finding, Gap, Report, Scope, SoaStatus};

/// One assessable item as the exports show it.
pub(crate) struct ItemView<'a> {
    pub id: IsoId,
    pub answer: Option<&'a Answer>,
    /// Marked not applicable (an Annex A control), justified or not.
    pub marked_not_applicable: bool,
    /// Excluded with a justification: out of scope.
    pub excluded: bool,
    /// `None` when not assessed or justly excluded.
    pub maturity: Option<u8>,
    pub target: u8,
    pub gap: Option<&'a Gap>,
    /// The most severe finding that covers the item (on it, or naming it as related).
    pub finding: Option<&'a Finding>,
    /// The Statement of Applicability status (Annex A controls only).
    pub soa_status: Option<SoaStatus>,
    /// The Statement of Applicability's reason for inclusion (included Annex A controls only).
    pub reason_for_inclusion: Option<&'a str>,
}

impl ItemView<'_> {
    /// Levels to target: `Some(0)` at or above it, `None` when not assessed or excluded.
    pub fn levels_to_target(&self) -> Option<u8> {
        self.maturity.map(|m| self.target.saturating_sub(m))
    }

    /// Rated, or marked not applicable: something to report on.
    pub fn answered(&self) -> bool {
        self.maturity.is_some() || self.marked_not_applicable
    }

    /// At or above the audit bar, level 3 (what OSCAL calls `satisfied`): conformity, whatever
    /// the organisation's own target.
    pub fn at_target(&self) -> bool {
        !self.marked_not_applicable
            && self
                .maturity
                .is_some_and(|m| m >= crate::scoring::findings::AUDIT_LEVEL)
    }
}

/// The 70 assessable items in catalog order, joined with the report's gaps and findings.
pub(crate) fn item_views<'a>(answers: &'a IsoAnswers, report: &'a Report) -> Vec<ItemView<'a>> {
    evaluate(answers)
        .into_iter()
        .map(|it| ItemView {
            id: it.id,
            answer: it.answer,
            marked_not_applicable: it.scope != Scope::Applicable,
            excluded: it.scope == Scope::Excluded,
            maturity: it.maturity,
            target: it.target,
            gap: report
                .gaps
                .iter()
                .chain(&report.ambition_gaps)
                .find(|g| g.item == it.id),
            // The finding that covers the item, written against it or naming it as related
            // (findings are ordered majors first, so the first is the most severe).
            finding: report
                .findings
                .iter()
                .find(|f| f.items().any(|i| i == it.id)),
            soa_status: report
                .statement_of_applicability
                .iter()
                .find(|r| r.id == it.id)
                .map(|r| r.status),
            reason_for_inclusion: report
                .statement_of_applicability
                .iter()
                .find(|r| r.id == it.id)
                .and_then(|r| r.reason_for_inclusion.as_deref()),
        })
        .collect()
}

/// `"yes"` / `"no"`, as the CSV files write booleans.
pub(crate) fn yes_no(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}

//! The one effort model behind the roadmap and the ROI: how many person-days it takes to bring
//! an organisation's AI management system to the audit level, and how many months that is for
//! its team. Documented for users in docs/scoring.md (Roadmap) and docs/roi.md.
//!
//! - **Per item**: criticality weight (1-4) × levels still to close to the audit level 3
//!   (Defined), an unassessed item counted from 0; × [`DAYS_PER_WEIGHTED_LEVEL`].
//! - **Calibration**: the reference organisation (150 employees, 3 AI systems in scope: the
//!   organisation the published figures describe, docs/roi.md) starting from nothing needs about
//!   one full-time person for a year ([`REFERENCE_DAYS_FROM_SCRATCH`]: Varcoe, "internal
//!   programme owner (year 1)", 1.0 FTE standalone, the cost-figures.csv row of that name), spread
//!   over the [`FROM_SCRATCH_WEIGHTED_LEVELS`] weighted levels of the catalog at 0.
//! - **Size**: × [`scale`], the same factor the ROI applies to its effort-driven defaults:
//!   √(employees ÷ 150) within 0.4-4, × (1 + 0.10 × (AI systems − 3)) within 0.8-2 (our
//!   assumption: governance work grows more slowly than headcount, and each AI system needs its
//!   own impact and risk assessment).
//! - **An ISO/IEC 27001 or ISO 9001 certificate** takes [`HARMONIZED_REUSE`] off the items of the
//!   Harmonized Structure that such a system already runs ([`certificate_applies`]: clauses 4, 5,
//!   7, 8.1, 9, 10 and the generic parts of 6), never the AI-specific ones (6.1.2 AI risk
//!   assessment, 6.1.4 AI system impact assessment, 8.2-8.4) nor any Annex A control. ISO-Xpert:
//!   a gap analysis often shows 40-50% of the ISO/IEC 27001 infrastructure reusable (the
//!   cost-figures.csv row "reuse of ISO 27001 infrastructure"); we take the middle.
//! - **Months** = person-days ÷ (full-time equivalents × [`WORKING_DAYS_PER_MONTH`]), rounded up.
//!
//! Every function is total: sizes of 0 count as the reference values, capacities that are not
//! positive finite numbers give no months rather than a division by zero.

use crate::assessment::HarmonizedCertificate;
use crate::catalog::Criticality;
use serde::Serialize;

/// The maturity a certification audit expects (level 3, Defined), whatever the target.
pub const AUDIT_LEVEL: u8 = 3;
/// Working days in a month.
pub const WORKING_DAYS_PER_MONTH: f64 = 21.0;
/// The organisation the published figures are taken to describe (docs/roi.md).
pub const REFERENCE_EMPLOYEES: u32 = 150;
pub const REFERENCE_AI_SYSTEMS: u32 = 3;
/// Person-days the reference organisation needs from nothing to the audit level: one full-time
/// person for a year (Varcoe: internal programme owner, 1.0 FTE in year 1 when standalone),
/// 12 months × 21 working days.
pub const REFERENCE_DAYS_FROM_SCRATCH: f64 = 12.0 * WORKING_DAYS_PER_MONTH;
/// Σ criticality weight × 3 over the 70 assessable items at maturity 0 (a test keeps it true).
pub const FROM_SCRATCH_WEIGHTED_LEVELS: u32 = 570;
/// Person-days per weighted level for the reference organisation.
pub const DAYS_PER_WEIGHTED_LEVEL: f64 =
    REFERENCE_DAYS_FROM_SCRATCH / FROM_SCRATCH_WEIGHTED_LEVELS as f64;
/// Share of the Harmonized-Structure effort an ISO/IEC 27001 or ISO 9001 certificate saves
/// (ISO-Xpert: 40-50% of the ISO/IEC 27001 infrastructure reusable; the middle).
pub const HARMONIZED_REUSE: f64 = 0.45;

/// What the effort is scaled by.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Size {
    pub employees: u32,
    /// False when the headcount is the reference's because none was given.
    pub employees_given: bool,
    pub ai_systems: u32,
    /// False when the number of AI systems is the reference's because none was given.
    pub ai_systems_given: bool,
}

impl Size {
    /// The size from what is known; missing or 0 values take the reference organisation's.
    pub fn new(employees: Option<u32>, ai_systems: Option<u32>) -> Size {
        let employees = employees.filter(|n| *n > 0);
        let ai_systems = ai_systems.filter(|n| *n > 0);
        Size {
            employees: employees.unwrap_or(REFERENCE_EMPLOYEES),
            employees_given: employees.is_some(),
            ai_systems: ai_systems.unwrap_or(REFERENCE_AI_SYSTEMS),
            ai_systems_given: ai_systems.is_some(),
        }
    }

    /// The multiplier of the reference organisation's effort (1 for 150 employees, 3 systems).
    pub fn factor(self) -> f64 {
        scale(self.employees, self.ai_systems)
    }
}

/// √(employees ÷ 150) within 0.4-4, × (1 + 0.10 × (AI systems − 3)) within 0.8-2. Only basic
/// operations and `sqrt`, so the ROI stays bit-identical natively and in Wasm.
pub fn scale(employees: u32, ai_systems: u32) -> f64 {
    let size = (f64::from(employees.max(1)) / f64::from(REFERENCE_EMPLOYEES))
        .sqrt()
        .clamp(0.4, 4.0);
    let systems = (1.0 + 0.10 * (f64::from(ai_systems.max(1)) - 3.0)).clamp(0.8, 2.0);
    size * systems
}

/// Whether an ISO/IEC 27001 or ISO 9001 certificate takes effort off this item (by its catalog
/// id): the Harmonized-Structure clauses 4, 5, 7, 8.1, 9, 10 and the generic parts of 6 (6.1.1,
/// 6.1.3, 6.2, 6.3); never 6.1.2, 6.1.4, 8.2, 8.3, 8.4 or an Annex A control.
pub fn certificate_applies(id: &str) -> bool {
    if id.starts_with('A') {
        return false;
    }
    !matches!(id, "6.1.2" | "6.1.4" | "8.2" | "8.3" | "8.4")
}

/// Weighted levels an item still has to close to the audit level (unassessed counts from 0).
pub fn weighted_levels(criticality: Criticality, maturity: Option<u8>) -> u32 {
    criticality.weight() * u32::from(AUDIT_LEVEL.saturating_sub(maturity.unwrap_or(0)))
}

/// The effort of closing a set of items to the audit level.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Effort {
    /// Σ weight × levels to close, over every item.
    pub weighted_levels: u32,
    /// The part of it on items a certificate takes effort off.
    pub harmonized_levels: u32,
    pub size: Size,
    /// [`Size::factor`].
    pub size_factor: f64,
    /// Person-days before any certificate credit.
    pub person_days_before_credit: f64,
    pub certificate: Option<HarmonizedCertificate>,
    /// Person-days the certificate saves.
    pub person_days_saved: f64,
    /// Person-days left to do.
    pub person_days: f64,
}

/// One item as the effort model sees it: its catalog id, criticality and maturity.
#[derive(Clone, Copy, Debug)]
pub struct ItemToClose<'a> {
    pub id: &'a str,
    pub criticality: Criticality,
    pub maturity: Option<u8>,
}

/// The effort to bring these items to the audit level.
pub fn estimate<'a>(
    items: impl IntoIterator<Item = ItemToClose<'a>>,
    size: Size,
    certificate: Option<HarmonizedCertificate>,
) -> Effort {
    let (mut all, mut harmonized) = (0u32, 0u32);
    for it in items {
        let levels = weighted_levels(it.criticality, it.maturity);
        all += levels;
        if certificate_applies(it.id) {
            harmonized += levels;
        }
    }
    let factor = size.factor();
    let per_level = DAYS_PER_WEIGHTED_LEVEL * factor;
    let before = f64::from(all) * per_level;
    let saved = match certificate {
        Some(_) => f64::from(harmonized) * per_level * HARMONIZED_REUSE,
        None => 0.0,
    };
    Effort {
        weighted_levels: all,
        harmonized_levels: harmonized,
        size,
        size_factor: factor,
        person_days_before_credit: before,
        certificate,
        person_days_saved: saved,
        person_days: (before - saved).max(0.0),
    }
}

/// Whole months a team of `full_time_equivalents` needs for `person_days`, rounded up; 0 for no
/// work, and `None` when the capacity is not a positive finite number.
pub fn months(person_days: f64, full_time_equivalents: f64) -> Option<u32> {
    if !(full_time_equivalents.is_finite() && full_time_equivalents > 0.0) {
        return None;
    }
    let m = (person_days / (full_time_equivalents * WORKING_DAYS_PER_MONTH)).ceil();
    if m.is_nan() || m <= 0.0 {
        Some(0)
    } else {
        Some(m.min(f64::from(u16::MAX)) as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::IsoId;

    fn all_at(maturity: Option<u8>) -> Vec<ItemToClose<'static>> {
        IsoId::assessable()
            .map(|id| ItemToClose {
                id: id.as_str(),
                criticality: id.criticality(),
                maturity,
            })
            .collect()
    }

    #[test]
    fn the_calibration_constant_matches_the_catalog() {
        let e = estimate(all_at(Some(0)), Size::new(None, None), None);
        assert_eq!(e.weighted_levels, FROM_SCRATCH_WEIGHTED_LEVELS);
        assert!((e.person_days - REFERENCE_DAYS_FROM_SCRATCH).abs() < 1e-9);
        // Unassessed counts as 0; at the audit level nothing is left.
        assert_eq!(estimate(all_at(None), Size::new(None, None), None), e);
        assert_eq!(
            estimate(all_at(Some(3)), Size::new(None, None), None).person_days,
            0.0
        );
        assert_eq!(
            estimate(all_at(Some(5)), Size::new(None, None), None).weighted_levels,
            0
        );
    }

    #[test]
    fn the_certificate_credit_never_touches_ai_specific_items_or_annex_a() {
        for id in [
            "6.1.2", "6.1.4", "8.2", "8.3", "8.4", "A.2.2", "A.5.2", "A.10.4",
        ] {
            assert!(!certificate_applies(id), "{id}");
        }
        for id in [
            "4.1", "4.3", "5.1", "5.2", "6.1.1", "6.1.3", "6.2", "6.3", "7.1", "7.5.3", "8.1",
            "9.1", "9.2.1", "9.3.3", "10.1", "10.2",
        ] {
            assert!(certificate_applies(id), "{id}");
        }
        let size = Size::new(None, None);
        let with = estimate(all_at(Some(0)), size, Some(HarmonizedCertificate::Iso27001));
        let ai_specific: u32 = IsoId::assessable()
            .filter(|id| !certificate_applies(id.as_str()))
            .map(|id| id.criticality().weight() * 3)
            .sum();
        assert_eq!(
            with.harmonized_levels + ai_specific,
            FROM_SCRATCH_WEIGHTED_LEVELS
        );
        let expected = f64::from(with.harmonized_levels) * DAYS_PER_WEIGHTED_LEVEL * 0.45;
        assert!((with.person_days_saved - expected).abs() < 1e-9);
        assert!(with.person_days < with.person_days_before_credit);
    }

    #[test]
    fn effort_grows_with_size_and_systems_and_the_reference_is_one() {
        assert_eq!(scale(150, 3), 1.0);
        assert_eq!(Size::new(Some(0), Some(0)), Size::new(None, None));
        let mut last = 0.0;
        for employees in (1..20_000).step_by(7) {
            let f = scale(employees, 3);
            assert!(f >= last, "{employees}: {f} < {last}");
            last = f;
        }
        let mut last = 0.0;
        for systems in 1..40 {
            let f = scale(150, systems);
            assert!(f >= last);
            last = f;
        }
        assert_eq!(scale(1, 1), 0.4 * 0.8);
        assert_eq!(scale(10_000_000, 100_000), 4.0 * 2.0);
    }

    #[test]
    fn months_round_up_and_never_divide_by_zero() {
        assert_eq!(months(21.0, 1.0), Some(1));
        assert_eq!(months(21.5, 1.0), Some(2));
        assert_eq!(months(0.0, 1.0), Some(0));
        assert_eq!(months(252.0, 1.0), Some(12));
        assert_eq!(months(10.0, 0.0), None);
        assert_eq!(months(10.0, f64::NAN), None);
        assert_eq!(months(f64::INFINITY, 1.0), Some(u32::from(u16::MAX)));
    }
}

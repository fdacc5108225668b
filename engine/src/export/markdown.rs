//! The printable readiness report as Markdown (`aims report FILE`): the content of the web
//! app's report page, in an order meant for reading on paper.
//!
//! Sections: the organisation and date, readiness and verdict, section scores, findings, gaps,
//! the Statement of Applicability, the roadmap, a NIST AI RMF crosswalk summary and, when the
//! caller passes one, the ROI likely case with its assumptions. Every figure that is an
//! estimate (the roadmap, the ROI) says so where it appears.

use super::{inline, iso_view, ReportDate};
use crate::assessment::{Assessment, Framework};
use crate::catalog::{CROSSWALK_ATTRIBUTION, ISO_ATTRIBUTION};
use crate::crosswalk::{nist_coverage, Rollup};
use crate::readiness::score;
use crate::roi::{RoiReport, ESTIMATE_LABEL};
use crate::scoring::{FindingSeverity, Report, Verdict};
use std::fmt::{self, Write};

/// What the caller adds to the report.
#[derive(Clone, Copy, Debug, Default)]
pub struct ReportOptions<'a> {
    /// The date printed on the report (the engine has no clock); `None` prints none.
    pub date: Option<ReportDate>,
    /// The ROI estimate to include, computed by the caller (e.g. with
    /// [`crate::roi::prepare`] and [`crate::roi::RoiRun::run`]).
    pub roi: Option<&'a RoiReport>,
}

/// The label on the roadmap, which is an estimate from stated assumptions.
const ROADMAP_LABEL: &str = "Estimate from the gaps and the team's capacity, with the assumptions below; not a commitment of any certification body.";

/// The report as Markdown (CommonMark with GitHub tables).
pub fn markdown_report(a: &Assessment, options: &ReportOptions) -> String {
    let mut o = String::new();
    // Writing to a String cannot fail.
    let _ = write_report(&mut o, a, options);
    o
}

/// A table cell of our own text (catalog titles, first steps): one line, `|` escaped. User
/// text goes through [`inline::text`] instead, which escapes every Markdown construct.
fn cell(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('|', "\\|")
}

fn pct(score: Option<f64>) -> String {
    score.map_or_else(|| "n/a".to_string(), crate::format::one_decimal)
}

fn money(x: f64) -> String {
    crate::format::amount(x)
}

fn write_report(o: &mut String, a: &Assessment, options: &ReportOptions) -> fmt::Result {
    let org = &a.organisation;
    let name = org.name.as_deref().map(str::trim).filter(|n| !n.is_empty());
    match name {
        Some(n) => writeln!(o, "# ISO/IEC 42001 readiness report: {}", inline::text(n))?,
        None => writeln!(o, "# ISO/IEC 42001 readiness report")?,
    }
    writeln!(o)?;
    writeln!(o, "| | |")?;
    writeln!(o, "|---|---|")?;
    writeln!(
        o,
        "| Organisation | {} |",
        name.map_or_else(|| "not named".to_string(), inline::text)
    )?;
    if let Some(s) = &org.sector {
        writeln!(o, "| Sector | {} |", inline::text(s))?;
    }
    if let Some(e) = org.employees {
        writeln!(o, "| Employees | {e} |")?;
    }
    if !org.certifications.is_empty() {
        writeln!(
            o,
            "| Certifications | {} |",
            inline::text(&org.certifications.join(", "))
        )?;
    }
    match options.date {
        Some(d) => writeln!(o, "| Date | {d} |")?,
        None => writeln!(o, "| Date | not given |")?,
    }
    if a.framework() == Framework::NistAiRmf {
        writeln!(
            o,
            "| Answers | NIST AI RMF, read as ISO/IEC 42001 through the crosswalk (inferred values are marked) |"
        )?;
    }
    writeln!(o)?;
    let view = iso_view(a);
    let r = score(&view);
    write_readiness(o, &r)?;
    write_findings(o, &r)?;
    write_gaps(o, &r)?;
    write_plan(o, a, options.date)?;
    write_stage1(o, &r)?;
    write_soa(o, &r)?;
    write_roadmap(o, &r)?;
    if let Some(answers) = view.iso_answers() {
        write_crosswalk(o, &nist_coverage(answers).functions)?;
    }
    if let Some(roi) = options.roi {
        write_roi(o, roi)?;
    }
    writeln!(o, "---")?;
    writeln!(o)?;
    writeln!(
        o,
        "Self-assessment written with AIMS Readiness; not a certification decision. {ISO_ATTRIBUTION}"
    )
}

fn write_readiness(o: &mut String, r: &Report) -> fmt::Result {
    writeln!(o, "## Readiness")?;
    writeln!(o)?;
    let provisional = if r.provisional && r.verdict != Verdict::Incomplete {
        " (provisional)"
    } else {
        ""
    };
    writeln!(
        o,
        "**Verdict: {}{provisional}.** {}",
        r.verdict.title(),
        r.verdict_reason
    )?;
    writeln!(o)?;
    for n in &r.notes {
        writeln!(o, "*Note:* {n}")?;
        writeln!(o)?;
    }
    writeln!(o, "| Score (0-100, against level 3) | |")?;
    writeln!(o, "|---|---:|")?;
    writeln!(
        o,
        "| Readiness ({} of {} answered) | {} |",
        r.answered,
        r.total,
        pct(r.readiness)
    )?;
    writeln!(
        o,
        "| Management system (clauses 4-10) | {} |",
        pct(r.management_system)
    )?;
    writeln!(o, "| Controls (Annex A) | {} |", pct(r.controls))?;
    writeln!(
        o,
        "| Against the organisation's own targets | {} |",
        pct(r.against_target)
    )?;
    writeln!(o)?;
    write!(o, "Answered {} of {} items", r.answered, r.total)?;
    if r.excluded > 0 {
        write!(o, "; {} controls excluded with a justification", r.excluded)?;
    }
    if r.inferred > 0 {
        write!(
            o,
            "; {} maturities inferred through the crosswalk",
            r.inferred
        )?;
    }
    writeln!(o, ".")?;
    if !r.not_assessed.is_empty() {
        let ids: Vec<&str> = r.not_assessed.iter().map(|i| i.as_str()).collect();
        writeln!(o)?;
        writeln!(o, "Not assessed yet: {}.", ids.join(", "))?;
    }
    writeln!(o)?;
    writeln!(o, "### Sections")?;
    writeln!(o)?;
    writeln!(o, "| Section | Title | Score | Answered |")?;
    writeln!(o, "|---|---|---:|---:|")?;
    for s in &r.sections {
        writeln!(
            o,
            "| {} | {} | {} | {}/{} |",
            s.id,
            cell(s.title),
            pct(s.score),
            s.answered,
            s.total
        )?;
    }
    writeln!(o)
}

fn write_findings(o: &mut String, r: &Report) -> fmt::Result {
    writeln!(o, "## Findings an auditor would likely raise")?;
    writeln!(o)?;
    if r.findings.is_empty() {
        writeln!(o, "None.")?;
        return writeln!(o);
    }
    for (severity, heading) in [
        (FindingSeverity::Major, "Major nonconformities"),
        (FindingSeverity::Minor, "Minor nonconformities"),
        (FindingSeverity::Observation, "Observations"),
    ] {
        let list: Vec<_> = r
            .findings
            .iter()
            .filter(|f| f.severity == severity)
            .collect();
        if list.is_empty() {
            continue;
        }
        writeln!(o, "### {heading} ({})", list.len())?;
        writeln!(o)?;
        for f in list {
            let inferred = if f.inferred { " *(inferred)*" } else { "" };
            let related = if f.related.is_empty() {
                String::new()
            } else {
                let ids: Vec<&str> = f.related.iter().map(|i| i.as_str()).collect();
                format!(" (also covers {})", ids.join(", "))
            };
            let systems = if f.systems.is_empty() {
                String::new()
            } else {
                format!(" AI systems rated lowest: {}.", f.systems.join(", "))
            };
            writeln!(
                o,
                "- **{}** {}{related}: {}{systems}{inferred}",
                f.item,
                f.item.item().title,
                f.reason
            )?;
        }
        writeln!(o)?;
    }
    Ok(())
}

fn write_gaps(o: &mut String, r: &Report) -> fmt::Result {
    writeln!(o, "## Gaps, what blocks certification first")?;
    writeln!(o)?;
    if r.gaps.is_empty() && r.ambition_gaps.is_empty() {
        writeln!(
            o,
            "None: every assessed item is at level 3 and at its target."
        )?;
        return writeln!(o);
    }
    if r.gaps.is_empty() {
        writeln!(o, "None below level 3.")?;
        writeln!(o)?;
    } else {
        write_gap_table(o, &r.gaps)?;
    }
    if !r.ambition_gaps.is_empty() {
        writeln!(
            o,
            "### Ambition beyond level 3 (not needed for certification)"
        )?;
        writeln!(o)?;
        write_gap_table(o, &r.ambition_gaps)?;
    }
    Ok(())
}

fn write_gap_table(o: &mut String, gaps: &[crate::scoring::Gap]) -> fmt::Result {
    writeln!(o, "| Priority | Item | Title | Now → target | First step |")?;
    writeln!(o, "|---|---|---|---|---|")?;
    for g in gaps {
        writeln!(
            o,
            "| {} | {} | {} | {} → {} | {} |",
            g.priority.as_str(),
            g.item,
            cell(g.title),
            g.current,
            g.target,
            cell(&g.action.to_string())
        )?;
    }
    writeln!(o)
}

/// The action plan, when any action has an owner, a due date, a status or evidence recorded
/// (else the gap table above says all there is). Overdue flags need the report's date.
fn write_plan(o: &mut String, a: &Assessment, date: Option<ReportDate>) -> fmt::Result {
    // Without a date nothing can be judged overdue; the plan's own day is then irrelevant.
    let day = date.or_else(|| ReportDate::from_days_since_epoch(0));
    let Some(day) = day else { return Ok(()) };
    let p = crate::plan::plan(a, day);
    if !p.has_records() {
        return Ok(());
    }
    writeln!(o, "## Action plan")?;
    writeln!(o)?;
    let s = p.summary;
    write!(
        o,
        "{} actions: {} open, {} in progress, {} done",
        p.actions.len(),
        s.open,
        s.in_progress,
        s.done
    )?;
    match date {
        Some(d) => writeln!(o, "; {} overdue on {d}.", s.overdue)?,
        None => writeln!(o, "; no date given, so none is judged overdue.")?,
    }
    writeln!(o)?;
    writeln!(o, "| Priority | Item | Owner | Due | Status | Evidence |")?;
    writeln!(o, "|---|---|---|---|---|---|")?;
    for x in &p.actions {
        let due = match (x.due, &x.due_as_written) {
            (Some(d), _) => match x.overdue_text().filter(|_| date.is_some()) {
                Some(overdue) => format!("{d} **{overdue}**"),
                None => d.to_string(),
            },
            (None, Some(w)) => format!("{} (not a date)", inline::text(w)),
            (None, None) => "not set".to_string(),
        };
        writeln!(
            o,
            "| {} | {} {} | {} | {due} | {} | {} |",
            x.priority.as_str(),
            x.item,
            cell(x.title),
            x.owner
                .as_deref()
                .map_or_else(|| "unassigned".to_string(), inline::text),
            x.status.title(),
            if x.evidence.is_empty() {
                "none".to_string()
            } else {
                inline::text(&x.evidence.join("; "))
            },
        )?;
    }
    writeln!(o)
}

fn write_stage1(o: &mut String, r: &Report) -> fmt::Result {
    writeln!(o, "## Stage 1 checklist: documents an auditor looks for")?;
    writeln!(o)?;
    writeln!(o, "| Status | Document | Clauses |")?;
    writeln!(o, "|---|---|---|")?;
    for e in &r.stage1_checklist {
        let clauses: Vec<&str> = e.clauses.iter().map(|c| c.as_str()).collect();
        writeln!(
            o,
            "| {} | {} | {} |",
            e.status.as_str(),
            cell(e.document),
            clauses.join(", ")
        )?;
    }
    writeln!(o)
}

fn write_soa(o: &mut String, r: &Report) -> fmt::Result {
    writeln!(o, "## Statement of Applicability")?;
    writeln!(o)?;
    writeln!(
        o,
        "| Control | Title | Applicable | Status | Reason for inclusion, or justification of the exclusion |"
    )?;
    writeln!(o, "|---|---|---|---|---|")?;
    for row in &r.statement_of_applicability {
        writeln!(
            o,
            "| {} | {} | {} | {} | {} |",
            row.id,
            cell(row.title),
            if row.applicable { "yes" } else { "no" },
            super::soa::status_str(row.status).replace('_', " "),
            inline::text(
                row.reason_for_inclusion
                    .as_deref()
                    .or(row.justification.as_deref())
                    .unwrap_or("")
            )
        )?;
    }
    writeln!(o)
}

fn write_roadmap(o: &mut String, r: &Report) -> fmt::Result {
    let rm = &r.roadmap;
    writeln!(o, "## Roadmap to certification (estimate)")?;
    writeln!(o)?;
    writeln!(o, "> {ROADMAP_LABEL}")?;
    writeln!(o)?;
    let days = rm.effort_person_days.round();
    writeln!(
        o,
        "Certification decision in month {} (estimate), with {} month{} of implementation and about {days} person-day{} of effort.",
        rm.total_months,
        rm.implementation_months,
        if rm.implementation_months == 1 { "" } else { "s" },
        if days == 1.0 { "" } else { "s" }
    )?;
    writeln!(o)?;
    writeln!(o, "| Phase | Months | What happens | Closes |")?;
    writeln!(o, "|---|---|---|---|")?;
    for p in &rm.phases {
        let when = if p.start_month == p.end_month {
            format!("{}", p.start_month)
        } else {
            format!("{}-{}", p.start_month, p.end_month)
        };
        let closes: Vec<String> = p.gaps.iter().map(crate::scoring::phase_gap).collect();
        writeln!(
            o,
            "| {} | {when} | {} | {} |",
            p.title,
            cell(p.description),
            cell(&closes.join(", "))
        )?;
    }
    writeln!(o)?;
    writeln!(o, "Assumptions:")?;
    writeln!(o)?;
    for a in &rm.assumptions {
        writeln!(o, "- {a}")?;
    }
    writeln!(o)
}

fn write_crosswalk(o: &mut String, functions: &[Rollup]) -> fmt::Result {
    writeln!(o, "## NIST AI RMF coverage (crosswalk summary)")?;
    writeln!(o)?;
    writeln!(
        o,
        "How far these ISO/IEC 42001 answers cover the NIST AI RMF 1.0 functions; a subcategory is covered only by an item that contains it, never by items that cover only part of it."
    )?;
    writeln!(o)?;
    writeln!(
        o,
        "| Function | Coverage | Covered | Partial | Not covered | Unknown |"
    )?;
    writeln!(o, "|---|---:|---:|---:|---:|---:|")?;
    for f in functions {
        writeln!(
            o,
            "| {} | {} | {} | {} | {} | {} |",
            f.id,
            crate::format::one_decimal(f.coverage),
            f.covered,
            f.partial,
            f.not_covered,
            f.unknown
        )?;
    }
    writeln!(o)?;
    writeln!(o, "{CROSSWALK_ATTRIBUTION}")?;
    writeln!(o)
}

fn write_roi(o: &mut String, r: &RoiReport) -> fmt::Result {
    let c = &inline::text(&r.currency);
    writeln!(o, "## Return on investment of certification (estimate)")?;
    writeln!(o)?;
    writeln!(o, "> {ESTIMATE_LABEL}.")?;
    writeln!(o)?;
    writeln!(
        o,
        "Likely case over {} months, discounted at {}% a year:",
        r.horizon_months,
        crate::format::number(r.discount_rate_percent)
    )?;
    writeln!(o)?;
    writeln!(o, "| | Likely case (estimate) |")?;
    writeln!(o, "|---|---:|")?;
    writeln!(o, "| Total cost | {} {c} |", money(r.total_cost))?;
    writeln!(o, "| Total benefit | {} {c} |", money(r.total_benefit))?;
    writeln!(o, "| Net present value | {} {c} |", money(r.npv))?;
    writeln!(o, "| ROI | {} |", crate::format::percent(r.roi_percent))?;
    match r.payback_months {
        Some(m) => writeln!(o, "| Payback | month {m} |")?,
        None => writeln!(o, "| Payback | not within the horizon |")?,
    }
    let mc = &r.monte_carlo;
    writeln!(
        o,
        "| NPV P10 to P90 ({} trials, estimate) | {} to {} {c} |",
        money(f64::from(mc.trials)),
        money(mc.npv.p10),
        money(mc.npv.p90)
    )?;
    writeln!(
        o,
        "| Chance NPV is above 0 (estimate) | {} |",
        crate::format::share(mc.probability_npv_positive)
    )?;
    writeln!(o)?;
    writeln!(o, "Assumptions (low / likely / high, with their sources):")?;
    writeln!(o)?;
    writeln!(o, "| Input | Low | Likely | High | Unit | Source |")?;
    writeln!(o, "|---|---:|---:|---:|---|---|")?;
    for a in &r.assumptions {
        writeln!(
            o,
            "| {} | {} | {} | {} | {} | {} |",
            inline::text(&a.label),
            crate::format::number(a.low),
            crate::format::number(a.likely),
            crate::format::number(a.high),
            inline::text(&a.unit),
            inline::text(&a.source)
        )?;
    }
    writeln!(o)?;
    for n in &r.notes {
        writeln!(o, "- {}", inline::text(n))?;
    }
    writeln!(o)
}

//! The report as plain text for a terminal: scores, verdict, findings, the top gaps and the
//! roadmap. Plain ASCII layout, no colour, stable for snapshot tests.

use super::{FindingSeverity, Report};
use std::fmt::Write;

/// How many gaps the text shows (the JSON has them all).
const TOP_GAPS: usize = 10;

pub(super) fn render(r: &Report) -> String {
    let mut o = String::new();
    // Writing to a String cannot fail.
    let _ = write_report(&mut o, r);
    o
}

fn pct(score: Option<f64>) -> String {
    score.map_or_else(|| "n/a".to_string(), crate::format::one_decimal)
}

fn write_report(o: &mut String, r: &Report) -> std::fmt::Result {
    writeln!(o, "ISO/IEC 42001 readiness")?;
    writeln!(o)?;
    writeln!(
        o,
        "Readiness           {:>5}   ({} of {} answered; judged against level 3)",
        pct(r.readiness),
        r.answered,
        r.total
    )?;
    writeln!(
        o,
        "Management system   {:>5}   (clauses 4-10)",
        pct(r.management_system)
    )?;
    writeln!(o, "Controls            {:>5}   (Annex A)", pct(r.controls))?;
    writeln!(
        o,
        "Against targets     {:>5}   (your own ambition)",
        pct(r.against_target)
    )?;
    write!(o, "Answered            {} of {}", r.answered, r.total)?;
    if r.excluded > 0 {
        write!(o, ", {} excluded", r.excluded)?;
    }
    if r.inferred > 0 {
        write!(o, ", {} inferred", r.inferred)?;
    }
    writeln!(o)?;
    writeln!(o)?;
    let provisional = if r.provisional && r.verdict != super::Verdict::Incomplete {
        " (provisional)"
    } else {
        ""
    };
    writeln!(o, "Verdict: {}{provisional}", r.verdict.title())?;
    writeln!(o, "  {}", r.verdict_reason)?;
    for n in &r.notes {
        writeln!(o, "  Note: {n}")?;
    }
    writeln!(o)?;
    writeln!(o, "Sections")?;
    for s in &r.sections {
        writeln!(
            o,
            "  {:<6} {:>5}  {:>2}/{:<2}  {}",
            s.id.as_str(),
            pct(s.score),
            s.answered,
            s.total,
            s.title
        )?;
    }
    for severity in [
        FindingSeverity::Major,
        FindingSeverity::Minor,
        FindingSeverity::Observation,
    ] {
        let list: Vec<_> = r
            .findings
            .iter()
            .filter(|f| f.severity == severity)
            .collect();
        if list.is_empty() {
            continue;
        }
        writeln!(o)?;
        writeln!(o, "Findings: {} {}", list.len(), severity.as_str())?;
        for f in list {
            let inferred = if f.inferred { " [inferred]" } else { "" };
            writeln!(
                o,
                "  {:<8} {}{inferred}",
                f.item.as_str(),
                f.item.item().title
            )?;
            if !f.related.is_empty() {
                let ids: Vec<&str> = f.related.iter().map(|i| i.as_str()).collect();
                writeln!(o, "           Also covers: {}", ids.join(", "))?;
            }
            if !f.systems.is_empty() {
                writeln!(
                    o,
                    "           AI systems rated lowest: {}",
                    f.systems.join(", ")
                )?;
            }
            writeln!(o, "           {}", f.reason)?;
        }
    }
    if !r.gaps.is_empty() {
        writeln!(o)?;
        writeln!(
            o,
            "Top gaps ({} of {})",
            r.gaps.len().min(TOP_GAPS),
            r.gaps.len()
        )?;
        for g in r.gaps.iter().take(TOP_GAPS) {
            writeln!(
                o,
                "  {:<8} {:<8} {} -> {}  {}",
                g.item.as_str(),
                g.priority.as_str(),
                g.current,
                g.target,
                g.title
            )?;
            writeln!(o, "           {}", g.action)?;
        }
    }
    if !r.ambition_gaps.is_empty() {
        writeln!(o)?;
        let ids: Vec<String> = r
            .ambition_gaps
            .iter()
            .map(|g| format!("{} {}->{}", g.item, g.current, g.target))
            .collect();
        writeln!(
            o,
            "Ambition beyond level 3 ({}): {}",
            ids.len(),
            ids.join(", ")
        )?;
    }
    if !r.proposed_exclusions.is_empty() {
        writeln!(o)?;
        writeln!(
            o,
            "Proposed exclusions from your role for AI ({}; not applied until you accept them)",
            r.proposed_exclusions.len()
        )?;
        for p in &r.proposed_exclusions {
            writeln!(o, "  {:<8} {}", p.item.as_str(), p.title)?;
            writeln!(o, "           {}", p.justification)?;
        }
    }
    if !r.stage1_checklist.is_empty() {
        writeln!(o)?;
        let count =
            |s: super::DocumentStatus| r.stage1_checklist.iter().filter(|e| e.status == s).count();
        writeln!(
            o,
            "Stage 1 checklist: documents an auditor looks for ({} missing, {} partial, {} present)",
            count(super::DocumentStatus::Missing),
            count(super::DocumentStatus::Partial),
            count(super::DocumentStatus::Present)
        )?;
        for e in &r.stage1_checklist {
            let clauses: Vec<&str> = e.clauses.iter().map(|c| c.as_str()).collect();
            writeln!(
                o,
                "  {:<8} {} ({})",
                e.status.as_str(),
                e.document,
                clauses.join(", ")
            )?;
        }
    }
    if !r.not_assessed.is_empty() {
        writeln!(o)?;
        let ids: Vec<&str> = r.not_assessed.iter().map(|i| i.as_str()).collect();
        writeln!(o, "Not assessed ({}): {}", ids.len(), ids.join(", "))?;
    }
    writeln!(o)?;
    writeln!(
        o,
        "Roadmap: certification decision in month {}",
        r.roadmap.total_months
    )?;
    for p in &r.roadmap.phases {
        let when = if p.start_month == p.end_month {
            format!("month {}", p.start_month)
        } else {
            format!("months {}-{}", p.start_month, p.end_month)
        };
        writeln!(o, "  {:<24} {}", p.title, when)?;
        if !p.gaps.is_empty() {
            let gaps: Vec<String> = p.gaps.iter().map(phase_gap).collect();
            writeln!(o, "    closes: {}", gaps.join(", "))?;
        }
    }
    writeln!(o, "Assumptions")?;
    for a in &r.roadmap.assumptions {
        writeln!(o, "  - {a}")?;
    }
    Ok(())
}

/// "5.2" or "5.2 (owner: Ana, due 2026-03-01)": a gap of a roadmap phase as every output shows it.
pub fn phase_gap(g: &super::PhaseGap) -> String {
    match (&g.owner, &g.due) {
        (None, None) => g.item.to_string(),
        (Some(o), None) => format!("{} (owner: {o})", g.item),
        (None, Some(d)) => format!("{} (due {d})", g.item),
        (Some(o), Some(d)) => format!("{} (owner: {o}, due {d})", g.item),
    }
}

//! The sections of a readiness report, shared by the results page and the printable report:
//! scores, verdict, section charts, predicted findings, prioritised gaps, the Stage 1
//! checklist, the Statement of Applicability and the roadmap, plus the "How is this scored?" rules and the empty state.
//!
//! Each function renders one `<section>` with an `<h2>` from the engine's
//! [`Report`]; nothing here computes a score, a finding or a month (the engine does).

use crate::components::charts::{
    bar_chart, months, percent, timeline, Bar, BarChart, Span, Timeline,
};
use crate::components::icon::{badge, icon, Icon, Tone};
use crate::route::Route;
use aims_engine::assessment::Framework;
use aims_engine::catalog::IsoId;
use aims_engine::scoring::{
    DocumentStatus, Finding, FindingSeverity, Gap, PhaseId, Priority, Report, SoaStatus, Verdict,
    AUDIT_LEVEL,
};
use yew::prelude::*;

/// An item's id and short title.
pub fn item_name(id: IsoId) -> Html {
    html! {
        <><span class="item-id">{ id.as_str() }</span>{" "}{ id.item().title }</>
    }
}

/// A marker for a value inferred through the crosswalk rather than rated.
pub fn inferred_badge() -> Html {
    html! { <span class="tag" title="Inferred from NIST AI RMF answers through the crosswalk">{"inferred"}</span> }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "How many items remain" in words, or `None` when everything is answered.
pub fn remaining(report: &Report) -> Option<String> {
    let left = report.total.saturating_sub(report.answered) as usize;
    (report.provisional && left > 0).then(|| plural(left, "item remains", "items remain"))
}

/// A big figure: a label, the percentage (or "Not assessed yet") and a thin meter.
fn figure(label: &str, scope: &str, value: Option<f64>) -> Html {
    let body = match value {
        Some(v) => html! {
            <>
                <p class="figure-value">{ percent(v) }</p>
                // An SVG bar: its width is an attribute, not an inline style, which the site's
                // Content-Security-Policy (`style-src 'self'`) would refuse.
                <svg class="meter" viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                    <rect width={format!("{:.1}", v.clamp(0.0, 100.0))} height="1" />
                </svg>
            </>
        },
        None => html! { <p class="figure-value figure-none">{"Not assessed yet"}</p> },
    };
    html! {
        <div class="figure panel">
            <p class="figure-label">{ label.to_string() }</p>
            { body }
            <p class="figure-scope muted">{ scope.to_string() }</p>
        </div>
    }
}

/// Overall, management-system and controls readiness, how much is answered, and whether the
/// result is provisional.
pub fn scores(report: &Report) -> Html {
    let mut answered = format!("{} of {} items answered", report.answered, report.total);
    if report.excluded > 0 {
        answered.push_str(&format!(
            ", {} excluded with a justification",
            report.excluded
        ));
    }
    if report.inferred > 0 {
        answered.push_str(&format!(
            ", {} inferred from NIST AI RMF answers",
            report.inferred
        ));
    }
    answered.push('.');
    let provisional = remaining(report).map(|left| {
        html! {
            <p class="callout callout-warn">
                { icon(Icon::Warning) }
                <span>
                    <strong>{"Provisional: "}</strong>
                    { format!("{left} to be assessed, so the scores and the verdict may still change. ") }
                    <a class="no-print" href={Route::Assessment.hash()}>{"Continue the assessment"}</a>
                </span>
            </p>
        }
    });
    html! {
        <section class="report-section" aria-labelledby="scores-h">
            <h2 id="scores-h">{"Readiness"}</h2>
            <div class="figures">
                { figure("Overall readiness", &format!("Against level {AUDIT_LEVEL}, {} of {} answered", report.answered, report.total), report.readiness) }
                { figure("Management system", "Clauses 4-10", report.management_system) }
                { figure("Controls", "Annex A", report.controls) }
                if report.against_target != report.readiness {
                    { figure("Against your targets", "Your own ambition, beyond the audit bar", report.against_target) }
                }
            </div>
            { for report.notes.iter().map(|n| html! {
                <p class="callout callout-info">{ icon(Icon::Info) }<span>{ n.to_string() }</span></p>
            }) }
            <p class="muted">{ answered }</p>
            { for provisional }
        </section>
    }
}

/// The verdict's words (the engine's `Verdict::title`), icon and tone.
pub fn verdict_look(v: Verdict) -> (&'static str, Icon, &'static str) {
    let (icon, tone) = match v {
        Verdict::Ready => (Icon::Check, "verdict-ok"),
        Verdict::ReadyWithCorrectiveActions => (Icon::Warning, "verdict-warn"),
        Verdict::NotReady => (Icon::Cross, "verdict-bad"),
        Verdict::Incomplete => (Icon::Unknown, "verdict-none"),
    };
    (v.title(), icon, tone)
}

/// The certification decision an auditor would likely reach, with its reason.
pub fn verdict(report: &Report) -> Html {
    let (title, kind, tone) = verdict_look(report.verdict);
    let count = |s: FindingSeverity| report.findings.iter().filter(|f| f.severity == s).count();
    let counts = format!(
        "{}, {}, {}.",
        plural(
            count(FindingSeverity::Major),
            "major nonconformity",
            "major nonconformities"
        ),
        plural(
            count(FindingSeverity::Minor),
            "minor nonconformity",
            "minor nonconformities"
        ),
        plural(
            count(FindingSeverity::Observation),
            "observation",
            "observations"
        ),
    );
    html! {
        <section class="report-section" aria-labelledby="verdict-h">
            <h2 id="verdict-h">{"Verdict"}</h2>
            <div class={classes!("verdict", "panel", tone)}>
                <span class="verdict-icon">{ icon(kind) }</span>
                <div>
                    <p class="verdict-title">
                        { title }
                        if report.provisional && report.verdict != Verdict::Incomplete { <span class="tag">{"provisional"}</span> }
                    </p>
                    <p>{ report.verdict_reason.to_string() }</p>
                    <p class="muted">{ counts }</p>
                </div>
            </div>
        </section>
    }
}

/// One bar chart per part of the standard: clauses 4-10 and Annex A objectives.
pub fn section_charts(report: &Report) -> Html {
    let chart = |annex_a: bool, title: &str| {
        let bars = report
            .sections
            .iter()
            .filter(|s| s.id.is_annex_a() == annex_a)
            .map(|s| Bar {
                label: format!("{} {}", s.id, s.title),
                value: s.score,
                missing: "not assessed yet",
                note: format!("{} of {} answered", s.answered, s.total),
            })
            .collect();
        bar_chart(&BarChart {
            title: title.to_string(),
            headers: ["Section", "Readiness", "Answered"],
            bars,
        })
    };
    html! {
        <section class="report-section" aria-labelledby="sections-h">
            <h2 id="sections-h">{"Readiness by section"}</h2>
            <div class="chart-pair">
                <div class="panel">
                    <h3>{"Management system (clauses 4-10)"}</h3>
                    { chart(false, "Readiness by clause") }
                </div>
                <div class="panel">
                    <h3>{"Controls (Annex A objectives)"}</h3>
                    { chart(true, "Readiness by Annex A objective") }
                </div>
            </div>
        </section>
    }
}

fn severity_look(s: FindingSeverity) -> (&'static str, &'static str, Tone, Icon) {
    match s {
        FindingSeverity::Major => ("Major nonconformities", "Major", Tone::Bad, Icon::Cross),
        FindingSeverity::Minor => ("Minor nonconformities", "Minor", Tone::Warn, Icon::Warning),
        FindingSeverity::Observation => ("Observations", "Observation", Tone::Neutral, Icon::Info),
    }
}

fn finding_item(f: &Finding) -> Html {
    let (_, label, tone, kind) = severity_look(f.severity);
    html! {
        <li class="finding panel">
            <p class="finding-head">
                { badge(tone, kind, label) }
                <strong>{ item_name(f.item) }</strong>
                if f.inferred { { inferred_badge() } }
            </p>
            if !f.related.is_empty() {
                <p class="finding-related muted">{ format!(
                    "Also covers {}",
                    f.related.iter().map(|i| i.as_str()).collect::<Vec<_>>().join(", ")
                ) }</p>
            }
            <p class="finding-reason">{ f.reason.to_string() }</p>
        </li>
    }
}

/// What an auditor would likely raise, grouped major / minor / observation, each with its
/// reason; `visible` limits how many of each group show before a "show the others" disclosure
/// (the report shows them all).
pub fn findings(report: &Report, visible: Option<usize>) -> Html {
    let group = |severity: FindingSeverity| {
        let (heading, _, _, _) = severity_look(severity);
        let list: Vec<&Finding> = report
            .findings
            .iter()
            .filter(|f| f.severity == severity)
            .collect();
        let n = list.len();
        let shown = visible.unwrap_or(n).min(n);
        let body = if list.is_empty() {
            html! { <p class="muted">{"None expected from the items rated so far."}</p> }
        } else {
            let rest = (shown < n).then(|| {
                html! {
                    <details class="more">
                        <summary>{ format!("Show the other {} {}", n - shown, heading.to_lowercase()) }</summary>
                        <ul class="findings">{ for list[shown..].iter().map(|f| finding_item(f)) }</ul>
                    </details>
                }
            });
            html! {
                <>
                    <ul class="findings">{ for list[..shown].iter().map(|f| finding_item(f)) }</ul>
                    { for rest }
                </>
            }
        };
        html! {
            <div class={classes!("finding-group", format!("finding-group-{}", severity.as_str()))}>
                <h3>{ format!("{heading} ({n})") }</h3>
                { body }
            </div>
        }
    };
    html! {
        <section class="report-section" aria-labelledby="findings-h">
            <h2 id="findings-h">{"Predicted audit findings"}</h2>
            <p class="muted">{"What a certification auditor would likely raise, graded as ISO/IEC 17021-1 grades nonconformities. Any major one delays certification until it is remediated."}</p>
            { group(FindingSeverity::Major) }
            { group(FindingSeverity::Minor) }
            { group(FindingSeverity::Observation) }
        </section>
    }
}

fn priority_look(p: Priority) -> (Tone, Icon, &'static str) {
    match p {
        Priority::Critical => (Tone::Bad, Icon::Warning, "Critical priority"),
        Priority::High => (Tone::Warn, Icon::Warning, "High priority"),
        Priority::Medium => (Tone::Neutral, Icon::Info, "Medium priority"),
        Priority::Low => (Tone::Neutral, Icon::Dash, "Low priority"),
    }
}

fn gap_item(g: &Gap) -> Html {
    let (tone, kind, label) = priority_look(g.priority);
    html! {
        <li class="gap panel">
            <p class="gap-head">
                { badge(tone, kind, label) }
                <strong>{ item_name(g.item) }</strong>
                if g.inferred { { inferred_badge() } }
            </p>
            { gap_body(g) }
        </li>
    }
}

/// The body of a gap card, the same on the results, the report and the quick scan: the
/// maturity, the level (or target) it must reach, the criticality and the next step.
pub fn gap_body(g: &Gap) -> Html {
    html! {
        <>
            <p class="gap-levels">
                {"Maturity "}<strong>{ g.current }</strong>
                <span aria-hidden="true">{" \u{2192} "}</span><span class="visually-hidden">{" to "}</span>
                { if g.finding.is_some() { "level " } else { "target " } }<strong>{ g.target }</strong>
                <span class="muted">{ format!(" \u{b7} {} criticality", g.criticality.as_str()) }</span>
            </p>
            <p class="gap-action"><span class="muted">{"Next step: "}</span>{ g.action.to_string() }</p>
        </>
    }
}

/// Items below target, highest priority first; `visible` limits how many show before a
/// "show the others" disclosure (the report shows them all).
pub fn gaps(report: &Report, visible: Option<usize>) -> Html {
    let n = report.gaps.len();
    let shown = visible.unwrap_or(n).min(n);
    let body = if n == 0 {
        html! { <p class="muted">{ format!("No gap below level {AUDIT_LEVEL}: every rated item is at the level a certification audit expects.") }</p> }
    } else {
        let rest = (shown < n).then(|| {
            html! {
                <details class="more">
                    <summary>{ format!("Show the other {}", plural(n - shown, "gap", "gaps")) }</summary>
                    <ol class="gaps" start={(shown + 1).to_string()}>
                        { for report.gaps[shown..].iter().map(gap_item) }
                    </ol>
                </details>
            }
        });
        html! {
            <>
                <ol class="gaps">{ for report.gaps[..shown].iter().map(gap_item) }</ol>
                { for rest }
            </>
        }
    };
    let ambition = (!report.ambition_gaps.is_empty()).then(|| {
        html! {
            <details class="more ambition">
                <summary>{ format!(
                    "Ambition beyond level {AUDIT_LEVEL} ({}): not needed for certification",
                    report.ambition_gaps.len()
                ) }</summary>
                <ol class="gaps">{ for report.ambition_gaps.iter().map(gap_item) }</ol>
            </details>
        }
    });
    html! {
        <section class="report-section" aria-labelledby="gaps-h">
            <h2 id="gaps-h">{ format!("Prioritised gaps ({n})") }</h2>
            <p class="muted">{ format!("Items below level {AUDIT_LEVEL}, what blocks certification first: the items of major findings, then of minor ones, each by criticality.") }</p>
            { body }
            { for ambition }
        </section>
    }
}

/// The words, tone and icon of a Stage 1 document's status.
fn document_look(s: DocumentStatus) -> (Tone, Icon, &'static str) {
    match s {
        DocumentStatus::Missing => (Tone::Bad, Icon::Cross, "Missing"),
        DocumentStatus::Partial => (Tone::Warn, Icon::Half, "Partial"),
        DocumentStatus::Present => (Tone::Ok, Icon::Check, "Present"),
    }
}

/// The Stage 1 checklist: the documents an auditor looks for, missing first (the engine's order).
pub fn stage1_checklist(report: &Report) -> Html {
    let list = &report.stage1_checklist;
    let count = |s: DocumentStatus| list.iter().filter(|e| e.status == s).count();
    let rows = list.iter().map(|e| {
        let (tone, kind, label) = document_look(e.status);
        let clauses: Vec<&str> = e.clauses.iter().map(|c| c.as_str()).collect();
        html! {
            <li class="stage1-doc" data-status={e.status.as_str()}>
                { badge(tone, kind, label) }
                <span class="stage1-text">
                    { e.document }
                    <span class="muted">{ format!(
                        " ({} {})",
                        if clauses.len() == 1 { "clause" } else { "clauses" },
                        clauses.join(", ")
                    ) }</span>
                </span>
            </li>
        }
    });
    html! {
        <section class="report-section" aria-labelledby="stage1-h">
            <h2 id="stage1-h">{"Stage 1 checklist"}</h2>
            <p class="muted">{ format!(
                "The documents a Stage 1 audit looks for: {} missing, {} partial, {} present. Present means every item behind it is at level {AUDIT_LEVEL} or above, with evidence listed on critical items.",
                count(DocumentStatus::Missing),
                count(DocumentStatus::Partial),
                count(DocumentStatus::Present)
            ) }</p>
            <ul class="stage1">{ for rows }</ul>
        </section>
    }
}

/// The words, tone and icon of a Statement of Applicability status.
fn soa_look(s: SoaStatus) -> (Tone, Icon, &'static str) {
    match s {
        SoaStatus::Implemented => (Tone::Ok, Icon::Check, "Implemented"),
        SoaStatus::PartiallyImplemented => (Tone::Warn, Icon::Half, "Partially implemented"),
        SoaStatus::NotImplemented => (Tone::Bad, Icon::Cross, "Not implemented"),
        SoaStatus::NotAssessed => (Tone::Neutral, Icon::Unknown, "Not assessed"),
        SoaStatus::Excluded => (Tone::Neutral, Icon::Dash, "Excluded"),
        SoaStatus::ExclusionNotJustified => (Tone::Bad, Icon::Warning, "Exclusion not justified"),
    }
}

/// The Statement of Applicability: the 38 Annex A controls in a scrollable table.
pub fn statement_of_applicability(report: &Report) -> Html {
    let soa = &report.statement_of_applicability;
    let applicable = soa.iter().filter(|r| r.applicable).count();
    let rows = soa.iter().map(|r| {
        let (tone, kind, label) = soa_look(r.status);
        // Included: the reason for inclusion; excluded: the justification (or its absence).
        let justification = match (&r.reason_for_inclusion, &r.justification, r.applicable) {
            (Some(reason), _, true) => html! { { reason.to_string() } },
            (_, Some(j), _) => html! { { j.clone() } },
            (_, None, false) => html! { <strong>{"Missing"}</strong> },
            _ => html! { <span class="muted">{"\u{2014}"}</span> },
        };
        let maturity = match r.maturity {
            Some(m) => m.to_string(),
            None => "\u{2014}".to_string(),
        };
        html! {
            <tr>
                <th scope="row" class="item-id">{ r.id.as_str() }</th>
                <td>{ r.title }</td>
                <td>{ if r.applicable { "Yes" } else { "No" } }</td>
                <td>{ justification }</td>
                <td class="nowrap">{ maturity }if r.inferred { {" "}{ inferred_badge() } }</td>
                <td>{ badge(tone, kind, label) }</td>
            </tr>
        }
    });
    html! {
        <section class="report-section" aria-labelledby="soa-h">
            <h2 id="soa-h">{"Statement of Applicability"}</h2>
            <p class="muted">{ format!(
                "The {} Annex A controls: {applicable} applicable, {} excluded. Every included control has a reason and every excluded one needs a justification; status is judged against level {AUDIT_LEVEL}.",
                soa.len(),
                soa.len() - applicable
            ) }</p>
            <div class="table-scroll soa-scroll" tabindex="0" role="region" aria-label="Statement of Applicability">
                <table class="soa">
                    <thead><tr>
                        <th scope="col">{"Control"}</th>
                        <th scope="col">{"Title"}</th>
                        <th scope="col">{"Applicable"}</th>
                        <th scope="col">{"Reason for inclusion, or justification"}</th>
                        <th scope="col">{"Maturity"}</th>
                        <th scope="col">{"Status"}</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </section>
    }
}

/// The roadmap as a timeline, with its summary and assumptions.
pub fn roadmap(report: &Report) -> Html {
    let r = &report.roadmap;
    let chart = timeline(&Timeline {
        title: "Roadmap to certification".into(),
        spans: r
            .phases
            .iter()
            .map(|p| Span {
                label: p.title.to_string(),
                start: p.start_month,
                end: p.end_month,
                milestone: p.id == PhaseId::CertificationDecision,
            })
            .collect(),
    });
    let summary = format!(
        "Certification decision expected in month {}, month 1 being the first month after this assessment: {} of implementation, about {} person-days of work at {} full-time equivalents.",
        r.total_months,
        plural(r.implementation_months as usize, "month", "months"),
        r.effort_person_days,
        (r.capacity.full_time_equivalents * 100.0).round() / 100.0,
    );
    html! {
        <section class="report-section" aria-labelledby="roadmap-h">
            <h2 id="roadmap-h">{"Roadmap"}</h2>
            <p>{ summary }</p>
            <div class="panel">{ chart }</div>
            <h3>{"Phases"}</h3>
            <dl class="phases">
                { for r.phases.iter().map(|p| html! {
                    <div>
                        <dt>{ p.title }<span class="muted">{ format!(" \u{b7} {}", months(p.start_month, p.end_month)) }</span></dt>
                        <dd>{ p.description }
                            if !p.gaps.is_empty() {
                                <span class="muted">{ format!(" Closes: {}.", p.gaps.iter().map(aims_engine::scoring::phase_gap).collect::<Vec<_>>().join(", ")) }</span>
                            }
                        </dd>
                    </div>
                }) }
            </dl>
            <h3>{"Assumptions"}</h3>
            <ul class="assumptions">
                { for r.assumptions.iter().map(|a| html! { <li>{ a.to_string() }</li> }) }
            </ul>
        </section>
    }
}

/// "How is this scored?": the rules of the engine's scoring in plain words, as the engine
/// words them (`aims_engine::scoring::rules`), then the roadmap's assumptions.
pub fn scoring_rules(open: bool) -> Html {
    html! {
        <details class="rules panel" {open}>
            <summary>{"How is this scored?"}</summary>
            <ul>
                { for aims_engine::scoring::rules().into_iter().map(|r| html! {
                    <li><strong>{ format!("{}: ", r.title) }</strong>{ r.text }</li>
                }) }
            </ul>
        </details>
    }
}

/// True when there is nothing to report: no rating at all (for a NIST AI RMF assessment, no
/// answer at all, since its ISO values are inferred).
pub fn nothing_answered(report: &Report, framework: Framework, answers: usize) -> bool {
    match framework {
        Framework::Iso42001 => report.answered == 0,
        Framework::NistAiRmf => answers == 0,
    }
}

/// What the results show before anything is answered: where to start.
pub fn empty_state() -> Html {
    html! {
        <section class="empty panel" aria-labelledby="empty-h">
            <h2 id="empty-h">{"Nothing to show yet"}</h2>
            <p>{"Your results appear here as soon as you answer a few questions: readiness, the verdict an auditor would likely reach, what to fix first, the Statement of Applicability and a roadmap to certification."}</p>
            <div class="actions">
                <a class="button" href={Route::QuickScan.hash()}>{"Start the quick scan (about 5 minutes)"}</a>
                <a class="button secondary" href={Route::Assessment.hash()}>{"Open the full assessment"}</a>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aims_engine::assessment::{Answer, Answers, Assessment};
    use aims_engine::readiness::score;

    #[test]
    fn the_empty_state_shows_only_before_any_answer() {
        let empty = Assessment::new(Framework::Iso42001);
        let r = score(&empty);
        assert!(nothing_answered(&r, Framework::Iso42001, 0));
        let mut one = Assessment::new(Framework::Iso42001);
        if let Answers::Iso42001(m) = &mut one.answers {
            m.insert(IsoId::parse("5.2").unwrap(), Answer::rated(1));
        }
        let r = score(&one);
        assert!(!nothing_answered(&r, Framework::Iso42001, 1));
        let nist = Assessment::new(Framework::NistAiRmf);
        let r = score(&nist);
        assert!(nothing_answered(&r, Framework::NistAiRmf, 0));
        assert!(!nothing_answered(&r, Framework::NistAiRmf, 1));
    }
}

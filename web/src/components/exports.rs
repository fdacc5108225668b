//! The downloads of the open assessment, shared by the Data and Report pages: the assessment
//! file (JSON), the items CSV, the Statement of Applicability CSV, OSCAL assessment results,
//! the Markdown report, and the action plan as CSV, an OSCAL plan of action and milestones and
//! an iCalendar file of due dates. Every file is written by the engine (`aims_engine::export`,
//! docs/exports.md); this component names the files (organisation and today's date) and hands
//! them to the browser.

use crate::context::{use_ctx, Ctx};
use crate::download::download_text;
use crate::format::{today, today_iso};
use crate::state::Action;
use aims_engine::assessment::Assessment;
use aims_engine::export::{self, oscal, ReportDate, ReportOptions};
use yew::prelude::*;

/// A file name from a name, a kind and a date: `acme-ai-ltd-soa-2026-11-28.csv` (no kind:
/// `acme-ai-ltd-2026-11-28.json`). The name becomes a lowercase slug of at most 60 characters.
pub fn file_name(name: &str, kind: Option<&str>, date: &str, extension: &str) -> String {
    let mut slug = String::new();
    for c in name.trim().chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug: String = slug.trim_end_matches('-').chars().take(60).collect();
    let slug = slug.trim_end_matches('-');
    let slug = if slug.is_empty() { "assessment" } else { slug };
    match kind {
        Some(kind) => format!("{slug}-{kind}-{date}.{extension}"),
        None => format!("{slug}-{date}.{extension}"),
    }
}

/// One download the component offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    /// The aims-assessment file.
    Assessment,
    ItemsCsv,
    SoaCsv,
    OscalResults,
    MarkdownReport,
    /// The action plan (docs/exports.md, "The action plan").
    PlanCsv,
    PlanOscal,
    PlanCalendar,
}

impl Export {
    pub const ALL: [Export; 8] = [
        Export::Assessment,
        Export::ItemsCsv,
        Export::SoaCsv,
        Export::OscalResults,
        Export::MarkdownReport,
        Export::PlanCsv,
        Export::PlanOscal,
        Export::PlanCalendar,
    ];

    /// The button's id (the assessment file keeps the Data page's `export-open`).
    pub fn dom_id(self) -> &'static str {
        match self {
            Export::Assessment => "export-open",
            Export::ItemsCsv => "export-csv",
            Export::SoaCsv => "export-soa",
            Export::OscalResults => "export-oscal",
            Export::MarkdownReport => "export-markdown",
            Export::PlanCsv => "export-plan-csv",
            Export::PlanOscal => "export-plan-oscal",
            Export::PlanCalendar => "export-plan-ics",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Export::Assessment => "Assessment file (JSON)",
            Export::ItemsCsv => "Items (CSV)",
            Export::SoaCsv => "Statement of Applicability (CSV)",
            Export::OscalResults => "OSCAL assessment results (JSON)",
            Export::MarkdownReport => "Report (Markdown)",
            Export::PlanCsv => "Action plan (CSV)",
            Export::PlanOscal => "OSCAL plan of action and milestones (JSON)",
            Export::PlanCalendar => "Due dates (iCalendar)",
        }
    }

    fn description(self) -> &'static str {
        match self {
            Export::Assessment => "The aims-assessment file: it opens here (Your data \u{2192} Import), in the aims command line and in any later version of this app.",
            Export::ItemsCsv => "One row per ISO/IEC 42001 item: applicability, maturity, target, gap, priority, finding and note. Opens in spreadsheet apps.",
            Export::SoaCsv => "The 38 Annex A controls with applicability, justification and implementation status.",
            Export::OscalResults => "OSCAL 1.1.2 assessment results for governance, risk and compliance tools: an observation per assessed item and a finding per item in scope.",
            Export::MarkdownReport => "The printable report as plain text (Markdown), with the ROI likely case from the ROI page.",
            Export::PlanCsv => "Every gap as an action with its priority, owner, due date, status, evidence and whether it is overdue today. Opens in spreadsheet apps.",
            Export::PlanOscal => "The action plan as an OSCAL 1.1.2 plan of action and milestones: a risk and an item per action, with deadlines and statuses.",
            Export::PlanCalendar => "One all-day event per due date of an action not done, for Outlook, Google Calendar or Apple Calendar.",
        }
    }

    /// `(kind in the file name, extension, MIME type)`.
    fn file(self) -> (Option<&'static str>, &'static str, &'static str) {
        match self {
            Export::Assessment => (None, "json", "application/json"),
            Export::ItemsCsv => (Some("items"), "csv", "text/csv;charset=utf-8"),
            Export::SoaCsv => (Some("soa"), "csv", "text/csv;charset=utf-8"),
            Export::OscalResults => (Some("oscal-assessment-results"), "json", "application/json"),
            Export::MarkdownReport => (Some("report"), "md", "text/markdown;charset=utf-8"),
            Export::PlanCsv => (Some("plan"), "csv", "text/csv;charset=utf-8"),
            Export::PlanOscal => (Some("oscal-poam"), "json", "application/json"),
            Export::PlanCalendar => (Some("due-dates"), "ics", "text/calendar;charset=utf-8"),
        }
    }
}

/// The name files are named after: the organisation, else the saved assessment's name.
pub fn export_name(a: &Assessment, entry_name: &str) -> String {
    a.organisation
        .name
        .as_deref()
        .filter(|n| !n.trim().is_empty())
        .unwrap_or(entry_name)
        .to_string()
}

/// The text of an export of the open assessment.
fn content(ctx: &Ctx, export: Export, date: Option<ReportDate>) -> Result<String, String> {
    let a = &*ctx.state.assessment;
    Ok(match export {
        Export::Assessment => a.to_json(),
        Export::ItemsCsv => export::items_csv(a),
        Export::SoaCsv => export::soa_csv(a),
        Export::OscalResults => {
            let date = date.ok_or("the browser's clock gives no valid date for the document")?;
            oscal::assessment_results(a, date)
        }
        Export::PlanCsv | Export::PlanOscal | Export::PlanCalendar => {
            let date = date.ok_or("the browser's clock gives no valid date for the plan")?;
            let p = aims_engine::plan::plan(a, date);
            match export {
                Export::PlanCsv => p.to_csv(),
                Export::PlanOscal => oscal::poam(&p, &a.to_json()),
                _ => aims_engine::export::ics::calendar(&p),
            }
        }
        Export::MarkdownReport => {
            // The ROI likely case the report page shows (the ROI page's inputs, or defaults).
            let roi = crate::roi_inputs::roi_likely_case(
                &ctx.store,
                &ctx.state.current,
                a,
                crate::persist::now_ms(),
            );
            export::markdown_report(
                a,
                &ReportOptions {
                    date,
                    roi: roi.report.as_ref().ok(),
                },
            )
        }
    })
}

fn download(ctx: &Ctx, export: Export) {
    let date = today();
    let entry_name = ctx
        .state
        .current_entry()
        .map(|e| e.name.clone())
        .unwrap_or_default();
    let name = export_name(&ctx.state.assessment, &entry_name);
    let (kind, extension, mime) = export.file();
    let problem = match content(ctx, export, date) {
        Err(why) => Some(format!(
            "The {} could not be written: {why}.",
            export.label()
        )),
        Ok(text) => (!download_text(
            &file_name(&name, kind, &today_iso(), extension),
            mime,
            &text,
        ))
        .then(|| {
            "The browser refused the download. Try again, or allow downloads for this site."
                .to_string()
        }),
    };
    if let Some(message) = problem {
        ctx.dispatch(Action::Info(message));
    }
}

/// The download buttons, each with a line on what the file is for.
#[function_component(ExportButtons)]
pub fn export_buttons() -> Html {
    let ctx = use_ctx();
    html! {
        <ul class="export-list">
            { for Export::ALL.iter().map(|&e| {
                let ctx = ctx.clone();
                let onclick = Callback::from(move |_: MouseEvent| download(&ctx, e));
                let desc = format!("{}-desc", e.dom_id());
                html! {
                    <li>
                        <button type="button" class="secondary" id={e.dom_id()} {onclick} aria-describedby={desc.clone()}>
                            <span aria-hidden="true">{"\u{2193} "}</span>{ e.label() }
                        </button>
                        <p class="muted" id={desc}>{ e.description() }</p>
                    </li>
                }
            }) }
        </ul>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_come_from_the_name_kind_and_date() {
        for (name, kind, ext, expected) in [
            ("Acme AI Ltd.", None, "json", "acme-ai-ltd-2026-11-28.json"),
            (
                "Acme AI Ltd.",
                Some("soa"),
                "csv",
                "acme-ai-ltd-soa-2026-11-28.csv",
            ),
            (
                "  Zürich & Co / R&D ",
                Some("items"),
                "csv",
                "zürich-co-r-d-items-2026-11-28.csv",
            ),
            ("", Some("report"), "md", "assessment-report-2026-11-28.md"),
            ("***", None, "json", "assessment-2026-11-28.json"),
        ] {
            assert_eq!(file_name(name, kind, "2026-11-28", ext), expected, "{name}");
        }
    }

    #[test]
    fn every_export_has_its_own_button_and_file() {
        let ids: std::collections::BTreeSet<_> = Export::ALL.iter().map(|e| e.dom_id()).collect();
        assert_eq!(ids.len(), Export::ALL.len());
        let names: std::collections::BTreeSet<_> = Export::ALL
            .iter()
            .map(|e| {
                let (kind, ext, _) = e.file();
                file_name("x", kind, "d", ext)
            })
            .collect();
        assert_eq!(names.len(), Export::ALL.len());
        let mut a = Assessment::default();
        assert_eq!(export_name(&a, "Saved name"), "Saved name");
        a.organisation.name = Some("Org".into());
        assert_eq!(export_name(&a, "Saved name"), "Org");
    }
}

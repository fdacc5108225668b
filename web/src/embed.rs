//! The embeddable widget: the quick scan alone, for a host page (docs/embedding.md).
//!
//! The `aims-embed` binary (`src/bin/embed.rs`) mounts [`Embed`] into an element of the
//! `<aims-readiness>` custom element's shadow root (the loader, `web/embed/embed.js`, does the
//! DOM side). The widget reuses the app's quick scan, state, storage and scoring; what is its
//! own is small:
//! - storage under a namespace of its own per `storage-key` ([`namespace`]), so two widgets, or
//!   a widget and the full app, never share answers (the attributes are read and checked by
//!   `aims_engine::widget::WidgetConfig`, in `src/bin/embed.rs`);
//! - the `aims:completed` event's detail ([`completed_detail`]), handed to the loader as JSON.

use crate::components::readiness_band::ReadinessBand;
use crate::pages::quick_scan::{use_quick_scan_inputs, QuickScanInputs, QuickScanPage};
use crate::persist::{use_persistent_state, Persisted};
use crate::state::{reduced, Action, AppState, Notice};
use aims_engine::quick_scan::{self, Summary};
use serde_json::{json, Value};
use std::ops::Deref;
use std::rc::Rc;
use yew::prelude::*;

/// The storage namespace of a widget, its key reduced as `aims_engine::widget` keeps it (the
/// rules of the widget's attributes live there).
pub use aims_engine::widget::{namespace, NAMESPACE_PREFIX};

/// A stable name of a band, for code that listens to the event.
pub fn band_key(band: ReadinessBand) -> &'static str {
    match band {
        ReadinessBand::EarlyStage => "early-stage",
        ReadinessBand::Developing => "developing",
        ReadinessBand::NearlyReady => "nearly-ready",
        ReadinessBand::ReadyForAudit => "ready-for-audit",
    }
}

/// The detail of `aims:completed`: whether every question was answered (`complete`, with
/// `questions_answered` of `questions`), the indicative band (`band`, `band_label`: only for a
/// complete scan, read with the verdict), the readiness `score` (0-100, `null` when every
/// question was skipped), the `verdict`, how many of the items were `answered` of `total`, and
/// the `top_gaps` (at most three, in the JS API's `Gap` shape).
pub fn completed_detail(summary: &Summary, scan: quick_scan::Progress) -> Value {
    let complete = scan.is_complete();
    let band = summary
        .readiness
        .filter(|_| complete)
        .map(|r| ReadinessBand::reading(r, summary.verdict));
    json!({
        "complete": complete,
        "questions_answered": scan.answered,
        "questions": scan.total,
        "band": band.map(band_key),
        "band_label": band.map(ReadinessBand::label),
        "score": summary.readiness,
        "verdict": summary.verdict,
        "answered": summary.answered,
        "total": summary.total,
        "top_gaps": summary.top_gaps,
    })
}

/// The widget's state: the app's state, so that it is loaded, saved and merged with other tabs
/// by the same code (`crate::persist`, with every rule against losing data), but applying only
/// the quick scan's and storage's actions ([`AppState::apply_quick_scan`]): the widget's Wasm
/// then carries none of the app's other actions (assessments listed, renamed, deleted, undone,
/// imported, edited item by item).
pub struct EmbedState(AppState);

impl Reducible for EmbedState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match reduced(&self.0, action, AppState::apply_quick_scan) {
            Some(s) => Rc::new(EmbedState(s)),
            None => self,
        }
    }
}

impl Persisted for EmbedState {
    fn from_app(state: AppState) -> Self {
        EmbedState(state)
    }
    fn app(&self) -> &AppState {
        &self.0
    }
}

impl Deref for EmbedState {
    type Target = AppState;
    fn deref(&self) -> &AppState {
        &self.0
    }
}

#[derive(Properties, PartialEq)]
pub struct EmbedProps {
    /// The `storage-key` attribute, made a namespace by [`namespace`].
    pub storage_key: AttrValue,
    /// The `app-url` attribute: the full app, linked from the result screen when given.
    #[prop_or_default]
    pub app_url: Option<AttrValue>,
    /// Receives [`completed_detail`] as JSON text when the scan is completed.
    #[prop_or_default]
    pub on_completed: Callback<String>,
}

/// The widget: a compact frame around the quick scan.
#[function_component(Embed)]
pub fn embed(props: &EmbedProps) -> Html {
    let (state, _) = use_persistent_state::<EmbedState>(&namespace(&props.storage_key));
    // Only what the quick scan shows is computed (the engine's summary, by the rules of the
    // full report): the Statement of Applicability, Stage 1 checklist and roadmap, and the NIST
    // AI RMF path of `readiness::score` (the reverse crosswalk), stay out of the widget's Wasm.
    let QuickScanInputs {
        assessment,
        summary,
        on_answer,
        on_start_iso,
    } = use_quick_scan_inputs(&state);
    let storage_note = state.notices.iter().find_map(|n| match n {
        Notice::NotSaved(_) => Some(
            "This browser does not let the quick scan save, so your answers last only while this page is open.",
        ),
        Notice::Unreadable(_) => Some(
            "Answers saved earlier could not be read, so the quick scan starts afresh (the old data is kept aside).",
        ),
        _ => None,
    });
    let on_complete = {
        let on_completed = props.on_completed.clone();
        let state = state.clone();
        Callback::from(move |summary: Rc<Summary>| {
            let scan = quick_scan::progress(&state.assessment);
            on_completed.emit(completed_detail(&summary, scan).to_string())
        })
    };
    html! {
        <div class="aims-embed">
            <p class="embed-kicker">
                <span class="embed-mark" aria-hidden="true">{"\u{25c6}"}</span>
                {"ISO/IEC 42001 quick scan"}
            </p>
            if let Some(note) = storage_note {
                <p class="embed-note" role="status">{ note }</p>
            }
            <QuickScanPage {assessment} {summary} {on_answer} {on_start_iso}
                embedded=true on_complete={on_complete} app_url={props.app_url.clone()} />
            <p class="embed-footer">
                {"Indicative only, not certification advice. Runs in your browser: your answers are not sent anywhere. AIMS Readiness."}
            </p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aims_engine::assessment::Assessment;

    #[test]
    fn namespaces_never_collide_with_the_app_or_each_other() {
        assert_eq!(namespace("course-a"), "aims-readiness-embed:course-a");
        assert_ne!(namespace("a"), namespace("b"));
        assert_ne!(namespace("aims-readiness"), crate::app::NAMESPACE);
        assert!(!namespace("x").starts_with(&format!("{}:", crate::app::NAMESPACE)));
        assert_eq!(namespace(""), "aims-readiness-embed:default");
    }

    #[test]
    fn the_completed_detail_has_band_score_and_top_gaps() {
        let text = include_str!("../../engine/tests/fixtures/techserve-month1.json");
        let (a, _) = Assessment::read(text).unwrap();
        let r = aims_engine::readiness::score(&a);
        let s = quick_scan::summary(&a).unwrap();
        let complete = aims_engine::quick_scan::Progress {
            answered: 25,
            total: 25,
            first_unanswered: 25,
        };
        let d = completed_detail(&s, complete);
        assert_eq!(d["complete"], true);
        assert_eq!(d["score"], serde_json::json!(r.readiness.unwrap()));
        assert_eq!(d["band"], "early-stage");
        assert_eq!(d["band_label"], "Early stage");
        assert_eq!(d["verdict"], "not_ready");
        let gaps = d["top_gaps"].as_array().unwrap();
        assert_eq!(gaps.len(), 3);
        assert_eq!(gaps[0]["item"], r.gaps[0].item.as_str());
        assert!(gaps[0]["action"].as_str().is_some_and(|s| !s.is_empty()));
    }

    #[test]
    fn nothing_answered_gives_no_band() {
        let s = quick_scan::summary(&Assessment::default()).unwrap();
        let d = completed_detail(
            &s,
            aims_engine::quick_scan::progress(&Assessment::default()),
        );
        assert!(d["band"].is_null() && d["score"].is_null());
        assert_eq!(d["complete"], false);
        assert_eq!(d["top_gaps"], serde_json::json!([]));
    }
}

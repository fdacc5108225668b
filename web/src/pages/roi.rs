//! The ROI page: every input of `aims_engine::roi` as an editable low / likely / high range
//! with its unit, default and source; the likely case, the Monte Carlo spread, the NPV
//! histogram and the tornado; and the assumptions the figures rest on.
//!
//! - The user's changes are kept per assessment in the store (`Store::load_roi`/`save_roi`) as
//!   the sparse JSON the engine reads over its defaults; "Reset to defaults" clears them.
//! - When the open assessment has answers, the engine takes the implementation months and the
//!   team's capacity from its roadmap; those fields are then shown read-only, with why.
//! - Invalid input is shown next to its field with the engine's message; the last valid
//!   results stay on screen, marked out of date.
//! - Recomputing: `roi::run` with the default 10,000 trials takes about 5-10 ms in the release
//!   Wasm build (see [`DEBOUNCE_MS`]), within a frame, so the whole run follows each change
//!   after a short debounce instead of being split into chunks or moved to a worker. Above
//!   [`PREVIEW_TRIALS`] trials a preview runs first and the full count when the user pauses.

mod charts;
mod fields;
pub mod figures;
mod results;

use crate::context::{use_ctx, use_report, Ctx};
use crate::download::download_text;
use crate::roi_inputs::{self as form, Built, Kind, OtherEdit};
use crate::route::Route;
use crate::state::Action;
use aims_engine::roi::{self, MonthsBasis, RoiInputs, RoiReport};
use aims_engine::scoring::Report;
use fields::{general_fields, range_group, schedule_fields, unplaced_errors, View};
use figures::plain;
use results::{details, summary};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::prelude::*;

/// Delay between the last keystroke and the recomputation.
///
/// Measured with `performance.now()` around `roi::run` in the release build (headless Chromium,
/// 1x CPU, the 2-core build machine while other builds ran; default inputs, 10,000 trials):
/// median 5-10 ms over runs of 10 edits (4.8 ms on a quiet machine), the first run of a page
/// 40-56 ms (cold caches), the slowest later run 6-40 ms depending on the load. A keystroke
/// reaches the next frame in 8-16 ms (median). So one run fits in about a frame: nothing is chunked or moved to a
/// worker, and the debounce keeps the run from happening on every digit typed. Input change
/// to updated results: 166-190 ms median, the debounce included (`tests/e2e/data.test.mjs`
/// prints the figures).
pub const DEBOUNCE_MS: u32 = 150;

/// Above this many trials, a change first shows a preview from this many trials and runs the
/// full count once the user pauses for [`IDLE_MS`] (a million trials take about 0.6 s).
pub const PREVIEW_TRIALS: u32 = 10_000;
pub const IDLE_MS: u32 = 600;

/// The inputs of the page as the user edits them.
#[derive(Clone, Debug, Default, PartialEq)]
struct Editor {
    /// The assessment these inputs belong to; empty until loaded.
    id: String,
    /// The fields the user changed, as the JSON the engine reads over its defaults.
    overrides: Value,
    /// What the user typed in each field touched since loading.
    text: BTreeMap<String, String>,
    /// Text that is not a number, by field.
    text_errors: BTreeMap<String, String>,
    /// Incremented on every change, so it is saved.
    rev: u64,
}

enum Edit {
    Load {
        id: String,
        overrides: Value,
    },
    Number {
        path: String,
        text: String,
        kind: Kind,
    },
    Text {
        path: String,
        value: String,
    },
    Other {
        section: &'static str,
        edit: OtherEdit,
    },
    Reset,
}

impl Reducible for Editor {
    type Action = Edit;

    fn reduce(self: Rc<Self>, action: Edit) -> Rc<Self> {
        let mut e = (*self).clone();
        match action {
            Edit::Load { id, overrides } => {
                return Rc::new(Editor {
                    id,
                    overrides,
                    ..Editor::default()
                })
            }
            Edit::Number { path, text, kind } => {
                match form::parse_number(&text, kind) {
                    Ok(v) => {
                        form::set_path(&mut e.overrides, &path, v);
                        e.text_errors.remove(&path);
                    }
                    Err(m) => {
                        e.text_errors.insert(path.clone(), m);
                    }
                }
                e.text.insert(path, text);
            }
            Edit::Text { path, value } => {
                form::set_path(&mut e.overrides, &path, Value::from(value.clone()));
                e.text.insert(path, value);
            }
            Edit::Other { section, edit } => {
                let key = match &edit {
                    OtherEdit::Number(i, end, _) => {
                        Some(format!("{}.{end}", form::other_path(section, *i)))
                    }
                    _ => None,
                };
                match form::edit_other(&mut e.overrides, section, &edit) {
                    Ok(()) => {
                        if let Some(k) = &key {
                            e.text_errors.remove(k);
                        }
                    }
                    Err(m) => {
                        if let Some(k) = &key {
                            e.text_errors.insert(k.clone(), m);
                        }
                    }
                }
                match edit {
                    OtherEdit::Number(_, _, text) => {
                        if let Some(k) = key {
                            e.text.insert(k, text);
                        }
                    }
                    OtherEdit::Remove(_) => {
                        // Later items move up: forget what was typed in this list.
                        let prefix = format!("{section}.other_per_year[");
                        e.text.retain(|k, _| !k.starts_with(&prefix));
                        e.text_errors.retain(|k, _| !k.starts_with(&prefix));
                    }
                    _ => {}
                }
            }
            Edit::Reset => {
                e.overrides = Value::Object(Map::new());
                e.text.clear();
                e.text_errors.clear();
            }
        }
        e.rev += 1;
        Rc::new(e)
    }
}

/// A finished computation.
#[derive(Clone, Debug, PartialEq)]
struct Computed {
    inputs: RoiInputs,
    report: Rc<RoiReport>,
    /// Milliseconds `roi::run` took.
    ms: f64,
    /// Run with [`PREVIEW_TRIALS`] instead of the inputs' trials; the full run follows.
    preview: bool,
    /// Counts computations (the e2e test watches it).
    seq: u64,
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

/// Reads the saved changes for an assessment, reporting an unreadable value.
fn load(ctx: &Ctx, id: &str) -> Value {
    match ctx.store.load_roi(id, crate::persist::now_ms()) {
        Ok(Ok(Some(v))) => v,
        Ok(Ok(None)) => Value::Object(Map::new()),
        Ok(Err(problem)) => {
            ctx.dispatch(Action::Problem(problem));
            Value::Object(Map::new())
        }
        Err(e) => {
            ctx.dispatch(Action::SaveFailed(e));
            Value::Object(Map::new())
        }
    }
}

#[function_component(RoiPage)]
pub fn page() -> Html {
    let ctx = use_ctx();
    let report = use_report();
    let editor = use_reducer(Editor::default);
    let current = ctx.state.current.clone();

    // Load the saved changes when the page opens and when another assessment is opened.
    {
        let ctx = ctx.clone();
        let editor = editor.dispatcher();
        use_effect_with(current.clone(), move |id| {
            let overrides = load(&ctx, id);
            editor.dispatch(Edit::Load {
                id: id.clone(),
                overrides,
            });
        });
    }
    // Save every change.
    {
        let ctx = ctx.clone();
        let e = (*editor).clone();
        use_effect_with((editor.id.clone(), editor.rev), move |_| {
            if e.rev > 0 && !e.id.is_empty() {
                if let Err(err) = ctx.store.save_roi(&e.id, &e.overrides) {
                    ctx.dispatch(Action::SaveFailed(err));
                }
            }
        });
    }

    let key = (
        editor.overrides.clone(),
        ctx.state.current.clone(),
        ctx.state.rev,
    );
    let built: Rc<Built> = {
        let assessment = ctx.state.assessment.clone();
        use_memo(key.clone(), move |(o, _, _)| form::build(o, &assessment))
    };
    let defaults: Rc<Option<RoiInputs>> = {
        let assessment = ctx.state.assessment.clone();
        use_memo(key, move |(o, _, _)| form::defaults(o, &assessment))
    };

    // Recompute after each valid change, debounced.
    let computed = use_state(|| None::<Rc<Computed>>);
    let seq = use_mut_ref(|| 0u64);
    let timer = use_mut_ref(|| None::<gloo_timers::callback::Timeout>);
    {
        let computed = computed.clone();
        let valid = built.valid().cloned();
        let loaded = !editor.id.is_empty();
        let have = computed.as_ref().map(|c| c.inputs.clone());
        use_effect_with((valid, loaded), move |(valid, loaded)| {
            let Some(inputs) = valid.clone().filter(|_| *loaded) else {
                timer.borrow_mut().take();
                return;
            };
            if have.as_ref() == Some(&inputs) {
                // Back to what is shown: drop a run queued for an intermediate value.
                timer.borrow_mut().take();
                return;
            }
            let first = have.is_none();
            let compute = {
                let computed = computed.clone();
                move |inputs: RoiInputs, preview: bool| {
                    let mut run_with = inputs.clone();
                    if preview {
                        run_with.monte_carlo.trials = PREVIEW_TRIALS;
                    }
                    let start = now();
                    let result = roi::run(&run_with);
                    let ms = now() - start;
                    if let Ok(report) = result {
                        *seq.borrow_mut() += 1;
                        let n = *seq.borrow();
                        computed.set(Some(Rc::new(Computed {
                            inputs,
                            report: Rc::new(report),
                            ms,
                            preview,
                            seq: n,
                        })));
                    }
                }
            };
            let big = inputs.monte_carlo.trials > PREVIEW_TRIALS;
            let later = timer.clone();
            let run = move || {
                compute(inputs.clone(), big);
                if big {
                    let full = gloo_timers::callback::Timeout::new(IDLE_MS, move || {
                        compute(inputs, false)
                    });
                    *later.borrow_mut() = Some(full);
                }
            };
            if first {
                timer.borrow_mut().take();
                run();
            } else {
                *timer.borrow_mut() = Some(gloo_timers::callback::Timeout::new(DEBOUNCE_MS, run));
            }
        });
    }

    let invalid = !built.errors.is_empty() || !editor.text_errors.is_empty();
    let pending = !invalid
        && (computed.as_ref().map(|c| &c.inputs) != built.valid()
            || computed.as_ref().is_some_and(|c| c.preview));
    let shown = built
        .inputs
        .clone()
        .or_else(|| computed.as_ref().map(|c| c.inputs.clone()))
        .or_else(|| (*defaults).clone())
        .unwrap_or_default();

    let on_number = {
        let editor = editor.dispatcher();
        Callback::from(move |(path, text, kind): (String, String, Kind)| {
            editor.dispatch(Edit::Number { path, text, kind })
        })
    };
    let on_text = {
        let editor = editor.dispatcher();
        Callback::from(move |(path, value): (String, String)| {
            editor.dispatch(Edit::Text { path, value })
        })
    };
    let on_other = {
        let editor = editor.dispatcher();
        Callback::from(move |(section, edit): (&'static str, OtherEdit)| {
            editor.dispatch(Edit::Other { section, edit })
        })
    };
    let view = View {
        shown: &shown,
        defaults: (*defaults).as_ref(),
        editor: &editor,
        errors: &built.errors,
        on_number,
        on_text,
        on_other,
    };

    let summary = summary(computed.as_ref().map(|c| &**c), invalid, pending);
    let details = computed.as_ref().map(|c| details(&c.report));
    html! {
        <div class="roi">
            <p class="lead">{"What would ISO/IEC 42001 certification cost, and what could it return? Every input below is a low / likely / high range with its source; change any of them and the results follow."}</p>
            { schedule_note(&report, &shown) }
            <div class="roi-layout">
                { summary }
                <section class="roi-inputs" aria-labelledby="roi-inputs-h">
                    <div class="roi-inputs-head">
                        <h2 id="roi-inputs-h">{"Inputs"}</h2>
                        <InputActions editor={editor.dispatcher()} inputs={built.valid().cloned()} />
                    </div>
                    { general_fields(&view) }
                    { schedule_fields(&view) }
                    { range_group(&view, "Costs", "roi-costs", "costs", "One-off and yearly costs of getting and keeping the certificate.") }
                    { range_group(&view, "Benefits", "roi-benefits", "benefits", "Yearly benefits once certified, counted from the month after the certification audit.") }
                    { unplaced_errors(&view) }
                </section>
            </div>
            { for details }
        </div>
    }
}

/// Where the implementation months come from.
fn schedule_note(report: &Report, shown: &RoiInputs) -> Html {
    let data = Route::Data.hash();
    if shown.schedule.months_basis == MonthsBasis::Roadmap {
        let r = &report.roadmap;
        let m = &shown.schedule.implementation_months;
        let capacity = if r.capacity.from_planning {
            "your assessment's planning"
        } else {
            "the roadmap's default capacity (no planning entered)"
        };
        html! {
            <div class="notice roi-roadmap" role="note">
                <p><strong>{"From your assessment's roadmap: "}</strong>
                    { format!("{} months before the Stage 1 audit (up to {} if the implementation overruns), certification decision in month {}. The people on the implementation and their share of time come from {capacity}: ",
                        plain(m.likely), plain(m.high), r.total_months) }
                    <a href={data}>{"change them on Your data"}</a>{"."}
                </p>
            </div>
        }
    } else {
        html! {
            <p class="muted roi-roadmap">
                {"The implementation months are a default: the published estimate for an organisation of your size starting from scratch. Once the assessment has answers, they and the certification month come from its roadmap instead, so this page and the Roadmap agree. "}
                <a href={Route::Assessment.hash()}>{"Answer the assessment"}</a>{"."}
            </p>
        }
    }
}

#[derive(Properties, PartialEq)]
struct InputActionsProps {
    editor: UseReducerDispatcher<Editor>,
    inputs: Option<RoiInputs>,
}

/// "Reset to defaults" (asks once more) and a download of the inputs as JSON.
#[function_component(InputActions)]
fn input_actions(p: &InputActionsProps) -> Html {
    let confirming = use_state(|| false);
    let ask = {
        let c = confirming.clone();
        Callback::from(move |_: MouseEvent| c.set(true))
    };
    let cancel = {
        let c = confirming.clone();
        Callback::from(move |_: MouseEvent| c.set(false))
    };
    let reset = {
        let c = confirming.clone();
        let editor = p.editor.clone();
        Callback::from(move |_: MouseEvent| {
            editor.dispatch(Edit::Reset);
            c.set(false);
        })
    };
    let download = p.inputs.clone().map(|i| {
        Callback::from(move |_: MouseEvent| {
            download_text(
                "aims-roi-inputs.json",
                "application/json",
                &i.to_json_pretty(),
            );
        })
    });
    html! {
        <div class="actions">
            if *confirming {
                <span role="status">{"Replace every input with its default?"}</span>
                <button type="button" onclick={reset}>{"Yes, reset to defaults"}</button>
                <button type="button" class="secondary" onclick={cancel}>{"Cancel"}</button>
            } else {
                <button type="button" class="secondary" onclick={ask}>{"Reset to defaults"}</button>
                <button type="button" class="secondary" disabled={download.is_none()}
                    title="The inputs as JSON, for the aims command line (aims roi --input)"
                    onclick={download.unwrap_or_default()}>{"Download inputs (JSON)"}</button>
            }
        </div>
    }
}

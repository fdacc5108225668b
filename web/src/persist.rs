//! Connects the app state to storage: loads on start, saves every change at most 300 ms later
//! and on `pagehide` and when the app is unmounted, and follows other tabs through the `storage` event.
//!
//! Another tab's changes are merged, never overwritten: the list of assessments through
//! [`merge_index`] (added entries join, deleted ones leave, by their tombstones), the open
//! assessment part by part through [`crate::state::merge`], both at every save (the stored
//! value is read just before it is written) and when the `storage` event reports a change.
//!
//! When localStorage is unavailable the app runs on an in-memory store and says so; when a
//! save fails (quota) the state keeps the unsaved revision and shows why, and the next change
//! tries again.

use crate::state::{merge, reduced, Action, AppState, Notice, Part};
use crate::storage::{
    merge_index, Backend, Index, IndexNews, Memory, Overrode, SaveError, Saved, Store, WebStorage,
};
use aims_engine::assessment::Framework;
use aims_engine::catalog::Question;
use gloo_events::EventListener;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// How long after a change it is saved (the promise is "at most 500 ms").
const SAVE_DELAY_MS: u32 = 300;

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// A tab id: random enough to tell tabs apart, not a secret.
fn tab_id() -> String {
    let r = (js_sys::Math::random() * 2f64.powi(40)) as u64;
    format!("{r:x}")
}

/// Opens localStorage, or an in-memory store with the reason it is unavailable.
pub fn open_store(ns: &str) -> (Rc<Store>, Option<SaveError>) {
    match WebStorage::open() {
        Ok(web) => {
            // Some browsers hand out a storage object that throws on first use.
            let probe = format!("{ns}:probe");
            match web.set(&probe, "1") {
                Ok(()) | Err(SaveError::Full) => {
                    web.remove(&probe);
                    (Rc::new(Store::new(ns, Rc::new(web))), None)
                }
                Err(e) => (Rc::new(Store::new(ns, Rc::new(Memory::default()))), Some(e)),
            }
        }
        Err(why) => (
            Rc::new(Store::new(ns, Rc::new(Memory::default()))),
            Some(SaveError::Unavailable(why)),
        ),
    }
}

/// Builds the first state from storage: the saved list, the last open assessment, and notices
/// for anything unreadable.
pub fn load_initial(store: &Store, unavailable: Option<SaveError>) -> AppState {
    let mut state = AppState::new(tab_id());
    if let Some(e) = unavailable {
        state.notices.push(Notice::NotSaved(e));
        return state;
    }
    let now = now_ms();
    let (index, problem) = match store.load_index(now) {
        Ok(x) => x,
        Err(e) => {
            state.notices.push(Notice::NotSaved(e));
            return state;
        }
    };
    if let Some(p) = problem {
        let n = index.assessments.len();
        state.notices.push(Notice::Unreadable(p));
        if n > 0 {
            state.notices.push(Notice::Info(format!(
                "The list of saved assessments was rebuilt from the {n} assessment{} found in this browser, so none is hidden; the most recently saved one is open. Names come from each organisation; a training case answer shows as an ordinary assessment.",
                if n == 1 { "" } else { "s" }
            )));
        }
    }
    if index.assessments.is_empty() {
        return state;
    }
    // Work saved under older rules is judged by the new ones: say so, once.
    if index.rules < aims_engine::scoring::RULES_VERSION {
        state.notices.push(Notice::Info(
            aims_engine::scoring::RULES_CHANGED.to_string(),
        ));
        let seen = Index {
            rules: aims_engine::scoring::RULES_VERSION,
            ..index.clone()
        };
        if let Err(e) = store.save_index(&seen) {
            state.notices.push(Notice::NotSaved(e));
        }
    }
    state.entries = index.assessments;
    let current = index
        .current
        .filter(|c| state.entries.iter().any(|e| &e.id == c))
        .unwrap_or_else(|| state.entries[0].id.clone());
    state.current = current.clone();
    state.rev = 0;
    state.saved_rev = 0;
    state.index_rev = 0;
    match store.load_assessment(&current, now) {
        Ok(Ok(Some(saved))) => {
            state.assessment = Rc::new(saved.assessment);
            // What another tab's save is compared with.
            state.base = state.assessment.clone();
            state.rev = saved.rev;
            state.saved_rev = saved.rev;
        }
        Ok(Ok(None)) => {}
        Ok(Err(problem)) => state.notices.push(Notice::Unreadable(problem)),
        Err(e) => state.notices.push(Notice::NotSaved(e)),
    }
    state
}

/// Takes over the answers given on the first-use quick scan (the lean page web/boot.js shows
/// a first visitor, `crate::widget`), which saves them on their own before any build of the app
/// has run: each answered question is applied to the open assessment by the app's own action
/// (`Action::QuickScan`; a new ISO/IEC 42001 assessment "Quick scan" when the open one is a NIST
/// AI RMF one), the state is saved at once, and the answers are removed only once saved, so
/// that nothing is lost if saving fails (the next start tries again).
pub fn take_over_quick_scan(store: &Store, mut state: AppState) -> AppState {
    let Some(taken) = store.take_quick_scan(now_ms()) else {
        return state;
    };
    let record = match taken {
        Ok(r) => r,
        Err(problem) => {
            state.notices.push(Notice::Unreadable(problem));
            return state;
        }
    };
    let apply = |state: AppState, action: Action| reduced(&state, action).unwrap_or(state);
    if state.assessment.iso_answers().is_none() {
        state = apply(
            state,
            Action::New {
                name: "Quick scan".into(),
                framework: Framework::Iso42001,
            },
        );
    }
    for i in 0..Question::all().len() {
        if let Some(c) = record.get(i) {
            state = apply(state, Action::QuickScan(i, Some(c)));
        }
    }
    if !state.has_unsaved_changes() {
        store.remove_quick_scan();
        return state;
    }
    let done: Rc<RefCell<Vec<Action>>> = Rc::default();
    let sink = done.clone();
    flush(
        store,
        &state,
        &Callback::from(move |a| sink.borrow_mut().push(a)),
    );
    let mut saved = false;
    for action in done.take() {
        saved |= matches!(action, Action::Saved { .. });
        state = apply(state, action);
    }
    if saved {
        store.remove_quick_scan();
    }
    state
}

/// Tells the state what the stored list says another tab did: assessments added there join
/// this tab's list; renamed there, they take the new name; deleted there, they leave it (the open one is replaced by the first
/// remaining, read from storage).
fn follow_index(store: &Store, state: &AppState, news: IndexNews, dispatch: &Callback<Action>) {
    if !news.added.is_empty() {
        dispatch.emit(Action::OtherTabEntries(news.added));
    }
    if !news.renamed.is_empty() {
        dispatch.emit(Action::RenamedElsewhere(news.renamed));
    }
    if !news.gone.is_empty() {
        let next = if news.gone.contains(&state.current) {
            state
                .entries
                .iter()
                .find(|e| !news.gone.contains(&e.id))
                .and_then(|e| store.load_assessment(&e.id, now_ms()).ok()?.ok()?)
        } else {
            None
        };
        dispatch.emit(Action::DeletedElsewhere {
            ids: news.gone,
            next,
        });
    }
}

/// This tab's list merged with the stored one (see [`merge_index`]).
fn merged_index(store: &Store, state: &AppState, now: f64) -> (Index, IndexNews) {
    let mine = Index {
        current: Some(state.current.clone()),
        assessments: state.entries.clone(),
        rules: aims_engine::scoring::RULES_VERSION,
        deleted: Vec::new(),
    };
    let deleted_here = state.deleted.as_ref().map(|d| d.entry.id.as_str());
    merge_index(
        mine,
        store.peek_index(),
        deleted_here,
        state.restored.as_deref(),
        now,
    )
}

/// Writes what changed: the open assessment when its revision is unsaved, and the index.
/// Both are merged with what another tab stored since this tab last read them. Also called
/// directly before switching to another assessment ([`crate::context::Ctx::save_now`]), so
/// that a change made less than the save delay before the switch is not lost.
pub(crate) fn flush(store: &Store, state: &AppState, dispatch: &Callback<Action>) {
    let now = now_ms();
    let (mut index, news) = merged_index(store, state, now);
    // An assessment deleted in another tab is not written again.
    let write = state.has_unsaved_changes() && !news.gone.contains(&state.current);
    let mut result = Ok(());
    let mut written = state.assessment.clone();
    if write {
        let mut overrode = state.overrode.clone();
        if let Some(Ok(stored)) = store.peek_assessment(&state.current) {
            // Another tab saved since this tab last read: merge, part by part.
            if stored.writer != state.tab && stored.assessment != *state.base {
                let (merged, lost) = merge(
                    &state.base,
                    &state.assessment,
                    &state.changed,
                    &stored.assessment,
                );
                if !lost.is_empty() {
                    overrode.push(Overrode {
                        tab: stored.writer,
                        parts: lost.iter().map(Part::label).collect(),
                    });
                }
                written = Rc::new(merged);
            }
        }
        let saved = Saved {
            assessment: (*written).clone(),
            rev: state.rev,
            writer: state.tab.clone(),
            overrode,
        };
        result = store.save_assessment(&state.current, &saved, now);
    }
    if let Some(e) = index.assessments.iter_mut().find(|e| e.id == state.current) {
        if write && result.is_ok() {
            e.updated = now;
        }
    }
    let index_result = store.save_index(&index);
    if let Some(d) = &state.deleted {
        // Kept in memory for undo; an undo saves it again.
        if index_result.is_ok() && !state.entries.iter().any(|e| e.id == d.entry.id) {
            store.remove_assessment(&d.entry.id);
        }
    }
    match result.and(index_result) {
        Ok(()) => {
            if !state.storage_warned {
                let used = store.usage();
                if used >= crate::storage::WARN_AT {
                    dispatch.emit(Action::StorageNearlyFull(used));
                }
            }
            if write {
                dispatch.emit(Action::Saved {
                    id: state.current.clone(),
                    rev: state.rev,
                    written,
                });
                dispatch.emit(Action::Stamped {
                    id: state.current.clone(),
                    at: now,
                });
            }
        }
        Err(e) => dispatch.emit(Action::SaveFailed(e)),
    }
    follow_index(store, state, news, dispatch);
}

/// Marks the page while a save is waiting for its delay: `<html data-save-pending>` from a
/// change until it is written (for the full app's namespace only).
/// The end-to-end tests wait on it instead of pausing for a fixed time.
fn mark_save_pending(namespace: &str, pending: bool) {
    if namespace != crate::app::NAMESPACE {
        return;
    }
    let Some(html) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let _ = if pending {
        html.set_attribute("data-save-pending", "")
    } else {
        html.remove_attribute("data-save-pending")
    };
}

/// The state, loaded from and saved to storage under `namespace`.
#[hook]
pub fn use_persistent_state(namespace: &str) -> (UseReducerHandle<AppState>, Rc<Store>) {
    let opened = use_memo(namespace.to_string(), |ns| open_store(ns));
    let store = opened.0.clone();
    let state = {
        let store = store.clone();
        let unavailable = opened.1.clone();
        use_reducer(move || take_over_quick_scan(&store, load_initial(&store, unavailable)))
    };
    // The latest state, for timers and listeners that outlive a render.
    let latest: Rc<RefCell<Rc<AppState>>> = use_mut_ref(|| Rc::new((*state).clone()));
    *latest.borrow_mut() = Rc::new((*state).clone());
    let pending = use_mut_ref(|| None::<gloo_timers::callback::Timeout>);
    // Writes the latest state now (a pending save is cancelled: this is it).
    let save_now: Rc<dyn Fn()> = {
        let store = store.clone();
        let latest = latest.clone();
        let pending = pending.clone();
        let dispatch = state.dispatcher();
        let ns = namespace.to_string();
        Rc::new(move || {
            pending.borrow_mut().take();
            let s = latest.borrow().clone();
            let d = dispatch.clone();
            flush(&store, &s, &Callback::from(move |a| d.dispatch(a)));
            mark_save_pending(&ns, false);
        })
    };

    // Save at most SAVE_DELAY_MS after a change; further changes join the pending save.
    {
        let pending = pending.clone();
        let save_now = save_now.clone();
        let ns = namespace.to_string();
        use_effect_with(
            (state.rev, state.index_rev, state.current.clone()),
            move |_| {
                if pending.borrow().is_none() {
                    mark_save_pending(&ns, true);
                    let timeout =
                        gloo_timers::callback::Timeout::new(SAVE_DELAY_MS, move || save_now());
                    *pending.borrow_mut() = Some(timeout);
                }
            },
        );
    }

    // Save on pagehide (tab closed, navigated away, app switched on mobile), and when the app
    // is taken off the page with a save pending (the quick-scan build handing over to the full
    // app); follow other tabs.
    {
        let store = store.clone();
        let latest = latest.clone();
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            // Without a window (never in a browser) nothing is followed; the listeners are
            // removed when they are dropped, with the effect.
            let listeners = web_sys::window().map(|w| {
                let on_hide = {
                    let save_now = save_now.clone();
                    EventListener::new(&w, "pagehide", move |_| save_now())
                };
                let on_storage = EventListener::new(&w, "storage", move |e| {
                    let Some(key) = e
                        .dyn_ref::<web_sys::StorageEvent>()
                        .and_then(web_sys::StorageEvent::key)
                    else {
                        return;
                    };
                    let s = latest.borrow().clone();
                    if key == store.index_key() {
                        let (_, news) = merged_index(&store, &s, now_ms());
                        let d = dispatch.clone();
                        follow_index(&store, &s, news, &Callback::from(move |a| d.dispatch(a)));
                        return;
                    }
                    if store.id_of_key(&key) == Some(s.current.as_str()) {
                        if let Some(Ok(saved)) = store.peek_assessment(&s.current) {
                            dispatch.dispatch(Action::External(saved));
                        }
                    }
                });
                (on_hide, on_storage)
            });
            move || {
                drop(listeners);
                if pending.borrow().is_some() {
                    save_now();
                }
            }
        });
    }
    (state, store)
}

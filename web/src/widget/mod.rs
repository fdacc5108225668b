//! The embeddable widget (docs/embedding.md): the quick scan alone, for a host page, without
//! Yew. The `aims-embed` binary exports [`mount`], which the loader (`web/embed/embed.js`)
//! calls once per `<aims-readiness>` element with an element of its shadow root.
//!
//! What it shows and every rule behind it are the engine's (`aims_engine::quick_scan`: the
//! questions, what an answer writes, the summary, the wording; `aims_engine::band`; the
//! attributes' checks in `aims_engine::widget`). This module only keeps the state (the answers
//! as the engine's `Record`, the screen shown), writes each screen as HTML text
//! ([`view`], with the app's quick-scan markup and classes, so one stylesheet serves both),
//! and listens to the screen with three delegated listeners (click, change, keydown) and to
//! other tabs' saves (`storage`). Storage: [`store`].
//!
//! Behaviour as the app's quick-scan page: one question per screen, a native radio group
//! (arrow keys move and choose, Space chooses, Enter goes on), focus on the new screen's
//! heading at every step, "Not sure / skip" leaves a question unanswered, the end screen shows
//! the band and verdict only when every question is answered, and reaching the end screen by
//! answering sends the `aims:completed` detail (`quick_scan::completed_json`).

pub mod store;
pub mod view;

use crate::storage::{Backend, SaveError, WebStorage};
use aims_engine::catalog::Question;
use aims_engine::quick_scan::{self, Legacy, Record};
use aims_engine::widget::{self, WidgetConfig};
use std::cell::RefCell;
use std::rc::Rc;
use store::{Loaded, Store};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The widget's storage: localStorage, or memory when the browser refuses it.
enum Storage {
    Web(WebStorage),
    Memory(crate::storage::Memory),
}

impl Backend for Storage {
    fn get(&self, key: &str) -> Result<Option<String>, SaveError> {
        match self {
            Storage::Web(s) => s.get(key),
            Storage::Memory(m) => m.get(key),
        }
    }
    fn set(&self, key: &str, value: &str) -> Result<(), SaveError> {
        match self {
            Storage::Web(s) => s.set(key, value),
            Storage::Memory(m) => m.set(key, value),
        }
    }
    fn remove(&self, key: &str) {
        match self {
            Storage::Web(s) => s.remove(key),
            Storage::Memory(m) => m.remove(key),
        }
    }
}

/// The note above the scan when answers cannot be saved or were not readable.
fn note_of(e: &SaveError) -> String {
    match e {
        SaveError::Full => "This browser's storage for this site is full, so your latest answers last only while this page is open.".into(),
        SaveError::Unavailable(_) => "This browser does not let the quick scan save, so your answers last only while this page is open.".into(),
        SaveError::Protected(_) => "Answers saved earlier could not be read nor set aside, so they are left untouched and your answers last only while this page is open.".into(),
    }
}

struct Widget {
    root: web_sys::Element,
    store: Store<Storage>,
    record: Record,
    /// The question shown; the number of questions for the end screen.
    step: usize,
    /// Came back from the end screen to an unanswered question: "Next" goes to the next
    /// unanswered one.
    returning: bool,
    note: Option<String>,
    /// The widget on a host's page, or the app's first-use quick scan (`mount_page`).
    mode: Mode,
}

enum Mode {
    /// In a host's page: its frame, its wording, the full app linked when `app_url` is given,
    /// and the result sent to `on_completed`.
    Widget {
        app_url: Option<String>,
        on_completed: js_sys::Function,
    },
    /// The app's first-use quick scan, in place of the prerendered one: the app's wording and
    /// links; the answers are taken over by the app when it starts (`persist::take_over_quick_scan`).
    App,
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

impl Widget {
    fn progress(&self) -> quick_scan::Progress {
        quick_scan::progress(&self.record.assessment())
    }

    /// Writes the current screen; `focus` moves focus to its heading (every step but the first
    /// render, as in the app).
    fn render(&self, focus: bool) {
        let questions = Question::all();
        let a = self.record.assessment();
        let p = quick_scan::progress(&a);
        let embedded = matches!(self.mode, Mode::Widget { .. });
        let screen = match questions.get(self.step) {
            Some(q) => view::question(self.step, q, self.record.get(self.step), p, embedded),
            None if p.is_complete() => match quick_scan::summary(&a) {
                Some(s) => {
                    let onward = match &self.mode {
                        Mode::Widget { app_url, .. } => view::Onward::Widget {
                            app_url: app_url.as_deref(),
                        },
                        Mode::App => view::Onward::App,
                    };
                    view::result(p, &s, onward)
                }
                None => String::new(),
            },
            None => {
                let unanswered: Vec<(usize, &Question)> = questions
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| self.record.get(*i).is_none())
                    .collect();
                view::partial(p, &unanswered)
            }
        };
        match self.mode {
            Mode::Widget { .. } => self
                .root
                .set_inner_html(&view::frame(self.note.as_deref(), &screen)),
            Mode::App => self.replace_section(&screen),
        }
        if focus {
            if let Ok(Some(h)) = self.root.query_selector("h2") {
                if let Ok(h) = h.dyn_into::<web_sys::HtmlElement>() {
                    let _ = h.focus();
                }
            }
        }
    }

    /// On the app's page the root is the prerendered quick scan's `<section>` itself, so the page
    /// keeps the shape the app's own render has: the screen's section becomes the root's class,
    /// label and content (a note, when there is one, first).
    fn replace_section(&self, screen: &str) {
        let root = &self.root;
        root.set_inner_html(screen);
        if let Some(inner) = root.first_element_child() {
            for name in ["class", "aria-labelledby"] {
                match inner.get_attribute(name) {
                    Some(v) => {
                        let _ = root.set_attribute(name, &v);
                    }
                    None => {
                        let _ = root.remove_attribute(name);
                    }
                }
            }
            while let Some(child) = inner.first_child() {
                let _ = root.insert_before(&child, Some(&inner));
            }
            inner.remove();
        }
        if let Some(note) = &self.note {
            let mut out = String::from(r#"<p class="callout callout-warn" role="status">"#);
            view::esc(&mut out, note);
            out.push_str("</p>");
            let _ = root.insert_adjacent_html("afterbegin", &out);
        }
    }

    /// Goes to `step` (the end screen at the number of questions): renders it with focus on its
    /// heading and, at the end screen, sends the result.
    fn go(&mut self, step: usize) {
        let n = Question::all().len();
        self.step = step.min(n);
        self.render(true);
        if let (true, Mode::Widget { on_completed, .. }) = (self.step == n, &self.mode) {
            let a = self.record.assessment();
            if let Some(s) = quick_scan::summary(&a) {
                let detail = quick_scan::completed_json(&s, quick_scan::progress(&a));
                // Our own JSON, so it parses; a listener that throws is the host's concern.
                if let Ok(detail) = js_sys::JSON::parse(&detail) {
                    let _ = on_completed.call1(&JsValue::NULL, &detail);
                }
            }
        }
    }

    /// "Next" (and "Not sure / skip"): the next question, or the next unanswered one when
    /// the visitor came back from the end screen to answer those.
    fn next(&mut self) {
        let n = Question::all().len();
        let to = if self.returning {
            (self.step + 1..n)
                .find(|&k| self.record.get(k).is_none())
                .unwrap_or(n)
        } else {
            self.step + 1
        };
        self.go(to);
    }

    /// A radio button chosen: the answer saved, the options and progress line updated in place
    /// (no re-render, so focus stays on the radio button).
    fn choose(&mut self, input: &web_sys::HtmlInputElement) {
        let Some(q) = Question::all().get(self.step) else {
            return;
        };
        if input.name().strip_prefix("qs-") != Some(q.id) {
            return;
        }
        let Some(choice) = quick_scan::Choice::from_value(&input.value()) else {
            return;
        };
        let (record, saved) = self
            .store
            .answer(&self.record, self.step, Some(choice), now_ms());
        self.record = record;
        let note = saved.err().map(|e| note_of(&e));
        if note.is_some() && note != self.note {
            self.note = note;
            // The note is new: written above the scan; focus goes back to the chosen option.
            self.render(false);
            if let Ok(Some(e)) = self
                .root
                .query_selector(&format!("input[value=\"{}\"]", choice.value()))
            {
                if let Ok(e) = e.dyn_into::<web_sys::HtmlElement>() {
                    let _ = e.focus();
                }
            }
            return;
        }
        self.refresh_in_place();
    }

    /// The current question's options and the progress line as the record has them.
    fn refresh_in_place(&self) {
        if self.step >= Question::all().len() {
            self.render(false);
            return;
        }
        let chosen = self.record.get(self.step);
        if let Ok(labels) = self.root.query_selector_all("label.qs-option") {
            for k in 0..labels.length() {
                let Some(label) = labels
                    .item(k)
                    .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                else {
                    continue;
                };
                let input = label
                    .query_selector("input")
                    .ok()
                    .flatten()
                    .and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok());
                if let Some(input) = input {
                    let on = quick_scan::Choice::from_value(&input.value()) == chosen
                        && chosen.is_some();
                    input.set_checked(on);
                    label.set_class_name(if on {
                        "qs-option qs-option-checked"
                    } else {
                        "qs-option"
                    });
                }
            }
        }
        let label = quick_scan::wording::progress_label(self.step, self.progress());
        for selector in ["#qs-progress-label", "#qs-progress"] {
            if let Ok(Some(e)) = self.root.query_selector(selector) {
                e.set_text_content(Some(&label));
            }
        }
    }

    fn on_click(&mut self, target: &web_sys::Element) {
        let Ok(Some(button)) = target.closest("button") else {
            return;
        };
        if let Some(i) = button
            .get_attribute("data-jump")
            .and_then(|i| i.parse().ok())
        {
            self.returning = true;
            self.go(i);
            return;
        }
        match button.get_attribute("data-go").as_deref() {
            Some("next") => self.next(),
            Some("back") => self.go(self.step.saturating_sub(1)),
            Some("review") => {
                self.returning = false;
                self.go(0);
            }
            _ => {}
        }
    }
}

/// Reads what an earlier widget saved under `namespace`: its index's current assessment, as
/// the browser's JSON parser reads it (the widget links no JSON reader of its own).
fn legacy(backend: &Storage, namespace: &str) -> Option<Legacy> {
    let get = |v: &JsValue, k: &str| js_sys::Reflect::get(v, &JsValue::from_str(k)).ok();
    let parse = |key: String| -> Option<JsValue> {
        let text = backend.get(&key).ok()??;
        js_sys::JSON::parse(&text).ok()
    };
    let index = parse(format!("{namespace}:v1:index"))?;
    let current = get(&index, "current")?.as_string()?;
    let envelope = parse(format!("{namespace}:v1:assessment:{current}"))?;
    let a = get(&envelope, "assessment")?;
    let strings = |v: Option<JsValue>| -> Option<Vec<String>> {
        let v = v?;
        js_sys::Array::is_array(&v).then(|| {
            js_sys::Array::from(&v)
                .iter()
                .filter_map(|x| x.as_string())
                .collect()
        })
    };
    let mut levels = Vec::new();
    if let Some(answers) = get(&a, "answers").filter(|v| v.is_object()) {
        let answers: js_sys::Object = answers.unchecked_into();
        for entry in js_sys::Object::entries(&answers).iter() {
            let entry = js_sys::Array::from(&entry);
            let (Some(id), level) = (entry.get(0).as_string(), get(&entry.get(1), "maturity"))
            else {
                continue;
            };
            if let Some(m) = level.and_then(|m| m.as_f64()) {
                if (0.0..=5.0).contains(&m) && m.fract() == 0.0 {
                    levels.push((id, m as u8));
                }
            }
        }
    }
    let profile = get(&a, "profile");
    let organisation = get(&a, "organisation");
    Some(Legacy {
        levels,
        roles: strings(profile.and_then(|p| get(&p, "roles"))).unwrap_or_default(),
        certifications: strings(organisation.and_then(|o| get(&o, "certifications"))),
    })
}

/// The loader's attributes (a JSON object) read by the engine's rules
/// (`WidgetConfig::from_given`), the JSON parsed by the browser's own parser.
fn config_of(attributes: &str) -> Result<WidgetConfig, Vec<widget::ConfigError>> {
    let object = js_sys::JSON::parse(attributes)
        .ok()
        .filter(|v| v.is_object() && !js_sys::Array::is_array(v))
        .ok_or_else(|| widget::not_an_object("the loader's text is not one"))?;
    let object: js_sys::Object = object.unchecked_into();
    let entries: Vec<(String, widget::Given)> = js_sys::Object::entries(&object)
        .iter()
        .filter_map(|entry| {
            let entry = js_sys::Array::from(&entry);
            let name = entry.get(0).as_string()?;
            let value = entry.get(1);
            let given = match value.as_string() {
                Some(text) => widget::Given::Text(text),
                None if value.is_null() || value.is_undefined() => widget::Given::Missing,
                None => widget::Given::Other(
                    js_sys::JSON::stringify(&value)
                        .ok()
                        .and_then(|s| s.as_string())
                        .unwrap_or_default(),
                ),
            };
            Some((name, given))
        })
        .collect();
    WidgetConfig::from_given(&entries)
}

/// Renders the quick-scan widget into `root` (an element in the custom element's shadow root).
/// `attributes` is the JSON object of the element's attributes (`mode`, `storage-key`,
/// `app-url`, `loading`); `on_completed` receives the `aims:completed` detail as a plain
/// object. A bad attribute value renders nothing and returns the messages (one a line, each
/// naming its attribute) for the loader to show in place of the widget.
pub fn mount(
    root: web_sys::Element,
    attributes: &str,
    on_completed: js_sys::Function,
) -> Result<(), String> {
    let config = config_of(attributes).map_err(|e| widget::messages(&e))?;
    let namespace = widget::namespace(&config.storage_key);
    let mode = Mode::Widget {
        app_url: config.app_url,
        on_completed,
    };
    start(root, &namespace, mode, None);
    Ok(())
}

/// The app's first-use quick scan (docs/performance.md, "First use"): web/boot.js calls it for
/// a first visitor (nothing saved yet) instead of starting a build of the app. It renders into
/// the prerendered quick scan in `main` (`section.quick-scan[data-page]`), picks up a
/// choice or a "Next" made there before it arrived, and saves the answers under the app's
/// namespace on their own, where the app takes them over when it starts
/// (`persist::take_over_quick_scan`).
pub fn mount_page(main: web_sys::Element) -> Result<(), String> {
    let section = main
        .query_selector("section.quick-scan[data-page]")
        .ok()
        .flatten()
        .ok_or("the page has no prerendered quick scan")?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let checked = section
        .query_selector("input[type=radio]:checked")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|i| (i.name(), i.value()));
    let next = section
        .query_selector("form[data-next]")
        .ok()
        .flatten()
        .is_some();
    let focused = document
        .active_element()
        .filter(|e| section.contains(Some(e)))
        .map(|e| e.id())
        .filter(|id| !id.is_empty());
    let early = Early {
        chosen: checked,
        next,
        focused,
    };
    start(section, crate::app::NAMESPACE, Mode::App, Some(early));
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("data-ready", "app");
    }
    Ok(())
}

/// What was done on the prerendered quick scan before the page's Wasm arrived.
struct Early {
    /// The radio group's name and value chosen.
    chosen: Option<(String, String)>,
    /// "Next" or "Not sure / skip" was used.
    next: bool,
    /// The id of the element that had focus.
    focused: Option<String>,
}

/// Loads the answers, shows the first screen and listens.
fn start(root: web_sys::Element, namespace: &str, mode: Mode, early: Option<Early>) {
    let (backend, mut note) = match WebStorage::open() {
        Ok(s) => (Storage::Web(s), None),
        Err(why) => (
            Storage::Memory(Default::default()),
            Some(note_of(&SaveError::Unavailable(why))),
        ),
    };
    let mut store = Store::new(backend, namespace);
    let legacy = match mode {
        Mode::Widget { .. } => legacy,
        // The app's own earlier layout is the app's to read (it starts instead of this page
        // whenever anything is saved).
        Mode::App => |_: &Storage, _: &str| None,
    };
    let record = match store.load(now_ms(), legacy) {
        Ok(Loaded::Saved(r) | Loaded::CarriedOver(r)) => r,
        Ok(Loaded::Fresh) => Record::default(),
        Ok(Loaded::Unreadable { reason, backed_up }) => {
            note = Some(if backed_up {
                format!("Answers saved earlier could not be read ({reason}), so the quick scan starts afresh (the old data is kept aside).")
            } else {
                format!("Answers saved earlier could not be read ({reason}) nor set aside, so they are left untouched and your answers last only while this page is open.")
            });
            Record::default()
        }
        Err(e) => {
            note = Some(note_of(&e));
            Record::default()
        }
    };
    let step = quick_scan::progress(&record.assessment()).first_unanswered;
    let key = store.key().to_string();
    let w = Rc::new(RefCell::new(Widget {
        root: root.clone(),
        store,
        record,
        step,
        returning: false,
        note,
        mode,
    }));
    if let Some(early) = early {
        let mut w = w.borrow_mut();
        let i = w.step;
        if let (Some(q), Some((name, value))) = (Question::all().get(i), &early.chosen) {
            if name.strip_prefix("qs-") == Some(q.id) && w.record.get(i).is_none() {
                if let Some(c) = quick_scan::Choice::from_value(value) {
                    let shown = w.record.clone();
                    let (record, saved) = w.store.answer(&shown, i, Some(c), now_ms());
                    w.record = record;
                    w.note = saved.err().map(|e| note_of(&e)).or(w.note.take());
                }
            }
        }
        if early.next {
            w.step = (i + 1).min(Question::all().len());
        }
        w.render(false);
        if let Some(id) = early.focused {
            if let Ok(Some(e)) = w.root.query_selector(&format!("[id=\"{id}\"]")) {
                if let Ok(e) = e.dyn_into::<web_sys::HtmlElement>() {
                    let _ = e.focus();
                }
            }
        }
    } else {
        w.borrow().render(false);
    }
    // The listeners live as long as the page (a widget is never unmounted).
    let listen = |target: &web_sys::EventTarget, kind: &str, f: Box<dyn FnMut(web_sys::Event)>| {
        let f = Closure::wrap(f);
        let _ = target.add_event_listener_with_callback(kind, f.as_ref().unchecked_ref());
        f.forget();
    };
    let target_of = |e: &web_sys::Event| {
        e.target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    };
    {
        let w = w.clone();
        listen(
            &root,
            "click",
            Box::new(move |e| {
                if let Some(t) = target_of(&e) {
                    w.borrow_mut().on_click(&t);
                }
            }),
        );
    }
    {
        let w = w.clone();
        listen(
            &root,
            "change",
            Box::new(move |e| {
                if let Some(input) = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                {
                    w.borrow_mut().choose(&input);
                }
            }),
        );
    }
    {
        let w = w.clone();
        listen(
            &root,
            "keydown",
            Box::new(move |e| {
                let Some(k) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                // Enter in the options goes on (the options sit in a form that never submits:
                // a sandboxed frame without `allow-forms` blocks submissions).
                let in_options = target_of(&e)
                    .is_some_and(|t| t.closest(".qs-options").ok().flatten().is_some());
                if k.key() == "Enter" && in_options {
                    e.prevent_default();
                    w.borrow_mut().next();
                }
            }),
        );
    }
    listen(&root, "submit", Box::new(|e| e.prevent_default()));
    if let Some(window) = web_sys::window() {
        let w = w.clone();
        listen(
            &window,
            "storage",
            Box::new(move |e| {
                let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() else {
                    return;
                };
                if e.key().as_deref() != Some(key.as_str()) {
                    return;
                }
                let mut w = w.borrow_mut();
                // On the app's page, a removed record was taken over by the app in another tab:
                // the answers shown stay (and an answer given here is taken over in turn).
                if e.new_value().is_none() && matches!(w.mode, Mode::App) {
                    return;
                }
                if let Some(r) = Store::<Storage>::changed_elsewhere(e.new_value().as_deref()) {
                    w.record = r;
                    w.refresh_in_place();
                }
            }),
        );
    }
}

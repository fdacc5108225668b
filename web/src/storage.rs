//! Saving assessments in the browser without ever losing one.
//!
//! Layout (every key under a namespace, `aims-readiness` for the app; an embed sets its own):
//! - `{ns}:v1:index`: `{ "version": 1, "current": id, "assessments": [{ id, name, updated }],
//!   "deleted": [{ id, at }] }`
//! - `{ns}:v1:assessment:{id}`: `{ "version": 1, "rev": n, "writer": tab, "saved": ms,
//!   "overrode": [{ tab, parts }], "assessment": <aims-assessment JSON> }`
//! - `{ns}:v1:roi:{id}`: `{ "version": 1, "inputs": <the ROI inputs the user changed> }`
//!
//! Guarantees:
//! - A value that cannot be read (corrupt JSON, wrong shape, a newer version) is never
//!   overwritten silently: its raw text is copied to a backup key first and reported as a
//!   [`Problem`] the app shows, with the raw text kept for download. If even the backup cannot
//!   be written, the key is left untouched and saving to it is refused.
//! - A full or unavailable storage is reported as [`SaveError`]; the caller keeps working in
//!   memory and offers export.
//! - Each saved assessment carries a revision and the id of the tab that wrote it, so another
//!   tab's write (the `storage` event) can be told apart from our own. `overrode` names the
//!   parts of another tab's save that this save replaced (see `state.rs`), so that tab can
//!   tell its user.
//! - A deleted assessment leaves a tombstone in the index (`deleted`: its id and when), so a
//!   tab that still lists it tells "deleted in another tab" (drop it) from "added in another
//!   tab, not yet seen here" (keep it): see [`merge_index`]. Tombstones are pruned after
//!   [`TOMBSTONE_DAYS`] days and at most [`TOMBSTONE_MAX`] are kept, newest first; a tab left
//!   open longer than that could list a deleted assessment again (as an empty one), which is
//!   the price of a bounded list. Undoing a delete lifts its tombstone.

use aims_engine::assessment::Assessment;
use aims_engine::quick_scan::Record;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt;
use std::rc::Rc;

/// The version of the stored layout. Older layouts are migrated in [`migrate_envelope`].
pub const STORE_VERSION: u64 = 1;

/// The key of a namespace's quick-scan answers saved on their own (the engine's
/// `quick_scan::Record` as text): the embeddable widget's answers under its namespace, and the
/// app's first-use quick scan under the app's, until the app takes them over
/// ([`Store::take_quick_scan`]).
pub fn quick_scan_key(namespace: &str) -> String {
    format!("{namespace}:v2:quick-scan")
}

/// Where values are kept: the browser's localStorage, or memory (when localStorage is
/// unavailable, and in tests).
pub trait Backend {
    fn get(&self, key: &str) -> Result<Option<String>, SaveError>;
    fn set(&self, key: &str, value: &str) -> Result<(), SaveError>;
    fn remove(&self, key: &str);
    /// Every key held (for deleting all of the app's data); empty when they cannot be listed.
    fn keys(&self) -> Vec<String> {
        Vec::new()
    }
}

/// Why a value could not be saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// The storage quota is used up.
    Full,
    /// Storage is disabled or blocked (private mode, browser settings, sandboxed frame).
    Unavailable(String),
    /// The key holds a value we could not read nor back up; we refuse to overwrite it.
    Protected(String),
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SaveError::Full => f.write_str(
                "the browser's storage for this site is full, so your latest changes are kept only in this tab. Export your assessment to keep a copy.",
            ),
            SaveError::Unavailable(why) => write!(
                f,
                "this browser does not let the app save ({why}), so your answers are kept only in this tab. Export your assessment to keep a copy."
            ),
            SaveError::Protected(key) => write!(
                f,
                "the saved value under {key} could not be read or backed up, so it is left untouched; your changes are kept only in this tab."
            ),
        }
    }
}

/// The browser's localStorage.
pub struct WebStorage(web_sys::Storage);

impl WebStorage {
    /// localStorage, or why it cannot be used (it throws in some private modes and sandboxes).
    pub fn open() -> Result<WebStorage, String> {
        let window = web_sys::window().ok_or("no window")?;
        match window.local_storage() {
            Ok(Some(s)) => Ok(WebStorage(s)),
            Ok(None) => Err("local storage is not available".into()),
            Err(e) => Err(js_error_text(&e)),
        }
    }
}

fn js_error_text(e: &wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    if let Some(d) = e.dyn_ref::<web_sys::DomException>() {
        return format!("{}: {}", d.name(), d.message());
    }
    e.as_string()
        .unwrap_or_else(|| "storage access was refused".into())
}

fn is_quota_error(e: &wasm_bindgen::JsValue) -> bool {
    use wasm_bindgen::JsCast;
    e.dyn_ref::<web_sys::DomException>().is_some_and(|d| {
        d.name() == "QuotaExceededError"
            || d.name() == "NS_ERROR_DOM_QUOTA_REACHED"
            || d.code() == 22
    })
}

impl Backend for WebStorage {
    fn get(&self, key: &str) -> Result<Option<String>, SaveError> {
        self.0
            .get_item(key)
            .map_err(|e| SaveError::Unavailable(js_error_text(&e)))
    }
    fn set(&self, key: &str, value: &str) -> Result<(), SaveError> {
        self.0.set_item(key, value).map_err(|e| {
            if is_quota_error(&e) {
                SaveError::Full
            } else {
                SaveError::Unavailable(js_error_text(&e))
            }
        })
    }
    fn remove(&self, key: &str) {
        // Removing cannot meaningfully fail in a way the user could act on.
        let _ = self.0.remove_item(key);
    }
    fn keys(&self) -> Vec<String> {
        let n = self.0.length().unwrap_or(0);
        (0..n)
            .filter_map(|i| self.0.key(i).ok().flatten())
            .collect()
    }
}

/// In-memory storage with an optional quota in bytes (UTF-16 code units × 2, as browsers count).
#[derive(Default)]
pub struct Memory {
    pub values: RefCell<BTreeMap<String, String>>,
    pub quota: Option<usize>,
}

impl Backend for Memory {
    fn get(&self, key: &str) -> Result<Option<String>, SaveError> {
        Ok(self.values.borrow().get(key).cloned())
    }
    fn set(&self, key: &str, value: &str) -> Result<(), SaveError> {
        if let Some(q) = self.quota {
            let used: usize = self
                .values
                .borrow()
                .iter()
                .filter(|(k, _)| k.as_str() != key)
                .map(|(k, v)| (k.encode_utf16().count() + v.encode_utf16().count()) * 2)
                .sum();
            if used + (key.encode_utf16().count() + value.encode_utf16().count()) * 2 > q {
                return Err(SaveError::Full);
            }
        }
        self.values
            .borrow_mut()
            .insert(key.to_string(), value.to_string());
        Ok(())
    }
    fn remove(&self, key: &str) {
        self.values.borrow_mut().remove(key);
    }
    fn keys(&self) -> Vec<String> {
        self.values.borrow().keys().cloned().collect()
    }
}

/// A stored value that could not be read. The raw text is kept (under `backup_key` when that
/// could be written) so the user can download it.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub key: String,
    /// Where the raw text was copied; `None` when the copy failed (the key is then protected).
    pub backup_key: Option<String>,
    pub raw: String,
    pub reason: String,
}

/// One saved assessment in the index.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub id: String,
    pub name: String,
    /// Milliseconds since the epoch of the last save.
    #[serde(default)]
    pub updated: f64,
    /// How many times the name was set (renamed, or the organisation's name typed): the name
    /// with the higher count wins when two tabs list the same assessment, so a rename made in
    /// one tab is followed by the others and never undone by their next save. Equal counts with
    /// different names (renamed in two tabs at once): the name that sorts last, the same choice
    /// in every tab. Absent (0) in older indexes.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub named: u64,
    /// Set when this is a learner's answer to a training case, kept apart from the user's own
    /// assessments. Absent from older indexes, which read as `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case: Option<CaseRef>,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// The training case a saved assessment answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseRef {
    /// The case id (`aims_engine::training::case`).
    pub id: String,
    /// Opened from an instructor's link that hides the model answer until the learner checks.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hide_model: bool,
    /// The pass mark the instructor's link set (0-100); the default when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pass_mark: Option<u8>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Index {
    #[serde(default)]
    pub current: Option<String>,
    #[serde(default)]
    pub assessments: Vec<Entry>,
    /// The version of the judgement rules (`aims_engine::scoring::RULES_VERSION`) when the list
    /// was last written; 0 before rules were versioned.
    #[serde(default)]
    pub rules: u32,
    /// Assessments deleted recently, so other tabs drop them rather than save them again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deleted: Vec<Tombstone>,
}

/// How long a tombstone is kept, in days.
pub const TOMBSTONE_DAYS: f64 = 90.0;
/// How many tombstones are kept at most (the newest).
pub const TOMBSTONE_MAX: usize = 200;

/// A deleted assessment in the index.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Tombstone {
    pub id: String,
    /// Milliseconds since the epoch of the delete.
    pub at: f64,
}

/// What [`merge_index`] found in the stored list that this tab does not know yet.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IndexNews {
    /// Assessments another tab added.
    pub added: Vec<Entry>,
    /// Ids this tab lists that another tab deleted.
    pub gone: Vec<String>,
    /// Entries another tab renamed (their new name and count, see [`Entry::named`]).
    pub renamed: Vec<Entry>,
}

/// The list to write: this tab's list (`mine`) merged with the stored one, written by any tab.
/// Entries another tab added are kept (unless this tab deleted them: `deleted_here`); entries
/// another tab deleted (a tombstone) are dropped, except the one this tab restored
/// (`restored_here`, whose tombstone is lifted). An entry both list takes the later name
/// ([`Entry::named`]). The delete made here gets its tombstone at
/// `now`; tombstones are pruned by age and count. When the open assessment is gone, the first
/// remaining one becomes current.
pub fn merge_index(
    mut mine: Index,
    stored: Option<Index>,
    deleted_here: Option<&str>,
    restored_here: Option<&str>,
    now: f64,
) -> (Index, IndexNews) {
    let stored = stored.unwrap_or_default();
    let mut tombs = stored.deleted;
    if let Some(id) = deleted_here {
        if !tombs.iter().any(|t| t.id == id) {
            tombs.push(Tombstone {
                id: id.to_string(),
                at: now,
            });
        }
    }
    tombs.retain(|t| Some(t.id.as_str()) != restored_here);
    tombs.retain(|t| t.at >= now - TOMBSTONE_DAYS * 86_400_000.0);
    aims_engine::order::sort_by(&mut tombs, |a, b| {
        b.at.total_cmp(&a.at).then(a.id.cmp(&b.id))
    });
    tombs.truncate(TOMBSTONE_MAX);
    let dead = |id: &str| tombs.iter().any(|t| t.id == id);
    let mut news = IndexNews::default();
    mine.assessments.retain(|e| {
        let gone = dead(&e.id);
        if gone {
            news.gone.push(e.id.clone());
        }
        !gone
    });
    for e in stored.assessments {
        if let Some(x) = mine.assessments.iter_mut().find(|x| x.id == e.id) {
            // The later name wins (see `Entry::named`).
            if (e.named, &e.name) > (x.named, &x.name) {
                x.name = e.name.clone();
                x.named = e.named;
                news.renamed.push(e);
            }
        } else if !dead(&e.id) && Some(e.id.as_str()) != deleted_here {
            news.added.push(e.clone());
            mine.assessments.push(e);
        }
    }
    if mine.current.as_ref().is_some_and(|c| news.gone.contains(c)) {
        mine.current = mine.assessments.first().map(|e| e.id.clone());
    }
    mine.deleted = tombs;
    (mine, news)
}

/// One part of another tab's save that a save replaced (see `state.rs`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Overrode {
    /// The tab whose change was replaced.
    pub tab: String,
    /// The parts, as named to the user (e.g. `5.2`, `the organisation's details`).
    pub parts: Vec<String>,
}

/// A saved assessment with its revision.
#[derive(Clone, Debug, PartialEq)]
pub struct Saved {
    pub assessment: Assessment,
    pub rev: u64,
    pub writer: String,
    pub overrode: Vec<Overrode>,
}

/// What a browser keeps in localStorage for one site, as an estimate in UTF-16 code units (the
/// unit browsers count): 5,000,000, the smallest of the common browsers (Firefox and Safari
/// keep about 5 MB, Chromium 10 MiB in UTF-16, i.e. 5,242,880 code units). Browsers do not
/// report this quota (`navigator.storage.estimate()` is about other storage), hence an estimate.
pub const QUOTA_ESTIMATE: usize = 5_000_000;
/// The user is told when the site's saved data passes this share of [`QUOTA_ESTIMATE`]: 80 %,
/// which leaves room for several more saves of even a large assessment (at most 1 MiB) before
/// one fails.
pub const WARN_AT: usize = QUOTA_ESTIMATE / 5 * 4;

/// The size of a text as localStorage counts it (UTF-16 code units).
fn units(s: &str) -> usize {
    s.encode_utf16().count()
}

/// The app's view of storage under one namespace.
pub struct Store {
    ns: String,
    backend: Rc<dyn Backend>,
    /// Keys whose unreadable value could not be backed up: never written.
    protected: RefCell<Vec<String>>,
    /// The size of every key of the site (all namespaces: the quota is the site's), counted
    /// once when first asked and kept up to date by this store's writes; `None` after a
    /// removal, so that the next [`Store::usage`] counts again.
    sizes: RefCell<Option<std::collections::HashMap<String, usize>>>,
}

impl Store {
    pub fn new(ns: &str, backend: Rc<dyn Backend>) -> Store {
        Store {
            ns: ns.to_string(),
            backend,
            protected: RefCell::new(Vec::new()),
            sizes: RefCell::new(None),
        }
    }

    /// What the site keeps in localStorage, in UTF-16 code units (keys and values), to compare
    /// with [`WARN_AT`]. Another tab's writes are counted at the next removal or reload.
    pub fn usage(&self) -> usize {
        let mut sizes = self.sizes.borrow_mut();
        let map = sizes.get_or_insert_with(|| {
            self.backend
                .keys()
                .into_iter()
                .map(|k| {
                    let value = self.backend.get(&k).ok().flatten().unwrap_or_default();
                    let n = units(&k) + units(&value);
                    (k, n)
                })
                .collect()
        });
        map.values().sum()
    }

    pub fn index_key(&self) -> String {
        format!("{}:v{STORE_VERSION}:index", self.ns)
    }

    pub fn assessment_key(&self, id: &str) -> String {
        format!("{}:v{STORE_VERSION}:assessment:{id}", self.ns)
    }

    /// The id an assessment key belongs to, if it is one of ours.
    pub fn id_of_key<'a>(&self, key: &'a str) -> Option<&'a str> {
        key.strip_prefix(&format!("{}:v{STORE_VERSION}:assessment:", self.ns))
    }

    fn write(&self, key: &str, value: &str) -> Result<(), SaveError> {
        if self.protected.borrow().iter().any(|k| k == key) {
            return Err(SaveError::Protected(key.to_string()));
        }
        self.backend.set(key, value)?;
        if let Some(map) = self.sizes.borrow_mut().as_mut() {
            map.insert(key.to_string(), units(key) + units(value));
        }
        Ok(())
    }

    /// Copies an unreadable value aside before anything may overwrite it.
    fn quarantine(&self, key: &str, raw: String, reason: String, now_ms: f64) -> Problem {
        let backup = format!("{key}:backup:{}", now_ms as u64);
        let backup_key = match self.backend.set(&backup, &raw) {
            Ok(()) => {
                self.sizes.replace(None);
                Some(backup)
            }
            Err(_) => {
                self.protected.borrow_mut().push(key.to_string());
                None
            }
        };
        Problem {
            key: key.to_string(),
            backup_key,
            raw,
            reason,
        }
    }

    /// Reads the index. An unreadable index is quarantined, and the list rebuilt from the
    /// saved assessments still in storage ([`Store::recover_entries`]), the most recently saved
    /// one open; the rebuilt list is written at once when the backup could be made.
    pub fn load_index(&self, now_ms: f64) -> Result<(Index, Option<Problem>), SaveError> {
        let key = self.index_key();
        let Some(raw) = self.backend.get(&key)? else {
            return Ok((Index::default(), None));
        };
        match parse_envelope::<Index>(&raw) {
            Ok(index) => Ok((index, None)),
            Err(reason) => {
                let problem = self.quarantine(&key, raw, reason, now_ms);
                let assessments = self.recover_entries();
                let index = Index {
                    current: assessments.first().map(|e| e.id.clone()),
                    assessments,
                    // The user is told of the recovery; one notice at a time is enough.
                    rules: aims_engine::scoring::RULES_VERSION,
                    deleted: Vec::new(),
                };
                if !index.assessments.is_empty() {
                    // Refused for a key whose backup failed (it stays protected).
                    let _ = self.save_index(&index);
                }
                Ok((index, Some(problem)))
            }
        }
    }

    /// Every saved assessment in storage that reads, most recently saved first, as entries of
    /// the list: named after the organisation (or "Recovered assessment"). What only the lost
    /// list knew (the order, that an entry was a training case) cannot be recovered.
    pub fn recover_entries(&self) -> Vec<Entry> {
        let mut found: Vec<Entry> = self
            .backend
            .keys()
            .iter()
            .filter_map(|k| self.id_of_key(k))
            .filter(|id| !id.is_empty() && !id.contains(':'))
            .filter_map(|id| {
                let raw = self.backend.get(&self.assessment_key(id)).ok()??;
                let saved = parse_saved(&raw).ok()?;
                let updated = serde_json::from_str::<Value>(&raw)
                    .ok()
                    .and_then(|v| v.get("saved").and_then(Value::as_f64))
                    .unwrap_or(0.0);
                let name = saved
                    .assessment
                    .organisation
                    .name
                    .as_deref()
                    .map(str::trim)
                    .filter(|n| !n.is_empty())
                    .unwrap_or("Recovered assessment")
                    .to_string();
                Some(Entry {
                    id: id.to_string(),
                    name,
                    updated,
                    named: 0,
                    case: None,
                })
            })
            .collect();
        aims_engine::order::sort_by(&mut found, |a, b| {
            b.updated.total_cmp(&a.updated).then(a.id.cmp(&b.id))
        });
        found
    }

    /// Reads the index without side effects: `None` when it is absent or unreadable (reading it
    /// for real, with [`Store::load_index`], is what backs an unreadable one up).
    pub fn peek_index(&self) -> Option<Index> {
        let raw = self.backend.get(&self.index_key()).ok()??;
        parse_envelope::<Index>(&raw).ok()
    }

    pub fn save_index(&self, index: &Index) -> Result<(), SaveError> {
        let mut v = serde_json::to_value(index).unwrap_or(Value::Null);
        if let Value::Object(m) = &mut v {
            m.insert("version".into(), STORE_VERSION.into());
        }
        self.write(&self.index_key(), &v.to_string())
    }

    /// Reads one saved assessment: `Ok(None)` when there is none.
    pub fn load_assessment(
        &self,
        id: &str,
        now_ms: f64,
    ) -> Result<Result<Option<Saved>, Problem>, SaveError> {
        let key = self.assessment_key(id);
        let Some(raw) = self.backend.get(&key)? else {
            return Ok(Ok(None));
        };
        Ok(match parse_saved(&raw) {
            Ok(saved) => Ok(Some(saved)),
            Err(reason) => Err(self.quarantine(&key, raw, reason, now_ms)),
        })
    }

    /// Reads the raw text of an assessment key without side effects (for the `storage` event).
    pub fn peek_assessment(&self, id: &str) -> Option<Result<Saved, String>> {
        let raw = self.backend.get(&self.assessment_key(id)).ok()??;
        Some(parse_saved(&raw))
    }

    pub fn save_assessment(&self, id: &str, saved: &Saved, now_ms: f64) -> Result<(), SaveError> {
        let assessment: Value = serde_json::to_value(&saved.assessment).unwrap_or(Value::Null);
        let envelope = serde_json::json!({
            "version": STORE_VERSION,
            "rev": saved.rev,
            "writer": saved.writer,
            "saved": now_ms,
            "overrode": saved.overrode,
            "assessment": assessment,
        });
        self.write(&self.assessment_key(id), &envelope.to_string())
    }

    pub fn remove_assessment(&self, id: &str) {
        let key = self.assessment_key(id);
        if !self.protected.borrow().contains(&key) {
            self.backend.remove(&key);
            self.sizes.replace(None);
        }
    }

    /// `{ns}:v1:roi:{id}`: the ROI inputs the user changed for one assessment.
    pub fn roi_key(&self, id: &str) -> String {
        format!("{}:v{STORE_VERSION}:roi:{id}", self.ns)
    }

    /// Reads the ROI inputs saved for an assessment: the fields the user changed, as the JSON
    /// object `aims_engine::roi::RoiInputs` reads over its defaults. `Ok(None)` when there are
    /// none. An unreadable value is quarantined like any other and reported as a [`Problem`].
    pub fn load_roi(
        &self,
        id: &str,
        now_ms: f64,
    ) -> Result<Result<Option<Value>, Problem>, SaveError> {
        #[derive(Deserialize)]
        struct Envelope {
            inputs: serde_json::Map<String, Value>,
        }
        let key = self.roi_key(id);
        let Some(raw) = self.backend.get(&key)? else {
            return Ok(Ok(None));
        };
        Ok(match parse_envelope::<Envelope>(&raw) {
            Ok(e) => Ok(Some(Value::Object(e.inputs))),
            Err(reason) => Err(self.quarantine(&key, raw, reason, now_ms)),
        })
    }

    /// Saves the ROI inputs the user changed (a JSON object) for an assessment.
    pub fn save_roi(&self, id: &str, inputs: &Value) -> Result<(), SaveError> {
        let envelope = serde_json::json!({ "version": STORE_VERSION, "inputs": inputs });
        self.write(&self.roi_key(id), &envelope.to_string())
    }

    /// Deletes every key under this store's namespace (assessments, index, ROI inputs and
    /// backups): the user's "Reset". Returns how many keys were removed.
    pub fn clear_all(&self) -> usize {
        let prefix = format!("{}:", self.ns);
        let keys: Vec<String> = self
            .backend
            .keys()
            .into_iter()
            .filter(|k| k.starts_with(&prefix))
            .collect();
        for k in &keys {
            self.backend.remove(k);
            self.sizes.replace(None);
        }
        self.protected.borrow_mut().clear();
        keys.len()
    }

    /// The answers of the first-use quick scan (the lean page, `crate::widget`), waiting to be
    /// taken over by the app: `None` when there are none; an unreadable value is quarantined
    /// like any other (then removed, its copy kept) and reported as a [`Problem`].
    pub fn take_quick_scan(&self, now_ms: f64) -> Option<Result<Record, Problem>> {
        let key = quick_scan_key(&self.ns);
        let raw = self.backend.get(&key).ok()??;
        Some(Record::from_text(&raw).map_err(|e| {
            let problem = self.quarantine(&key, raw, e.to_string(), now_ms);
            if problem.backup_key.is_some() {
                self.backend.remove(&key);
                self.sizes.replace(None);
            }
            problem
        }))
    }

    /// Removes the first-use quick scan's answers once the app has saved them in an assessment.
    pub fn remove_quick_scan(&self) {
        self.backend.remove(&quick_scan_key(&self.ns));
        self.sizes.replace(None);
    }

    /// Removes a backup once the user has dealt with it.
    pub fn remove_key(&self, key: &str) {
        if key.contains(":backup:") {
            self.backend.remove(key);
            self.sizes.replace(None);
        }
    }
}

/// Checks the envelope's version (migrating older layouts) and deserializes it.
fn parse_envelope<T: for<'de> Deserialize<'de>>(raw: &str) -> Result<T, String> {
    let value: Value =
        serde_json::from_str(raw).map_err(|e| format!("it is not valid JSON ({e})"))?;
    let value = migrate_envelope(value)?;
    serde_json::from_value(value).map_err(|e| format!("it does not have the expected shape ({e})"))
}

/// Brings a stored value to [`STORE_VERSION`]. Version 1 is the first layout, so today this
/// checks the version and refuses newer ones (written by a newer release of the app); each
/// future layout adds one step here, with a test.
pub fn migrate_envelope(value: Value) -> Result<Value, String> {
    let Value::Object(map) = &value else {
        return Err("it is not a JSON object".into());
    };
    match map.get("version").and_then(Value::as_u64) {
        Some(STORE_VERSION) => Ok(value),
        Some(v) if v > STORE_VERSION => Err(format!(
            "it was saved by a newer version of AIMS Readiness (storage version {v}; this one reads up to {STORE_VERSION})"
        )),
        Some(v) => Err(format!("storage version {v} is not one this app ever wrote")),
        None => Err("it has no storage version".into()),
    }
}

fn parse_saved(raw: &str) -> Result<Saved, String> {
    #[derive(Deserialize)]
    struct Envelope {
        #[serde(default)]
        rev: u64,
        #[serde(default)]
        writer: String,
        #[serde(default)]
        overrode: Vec<Overrode>,
        assessment: Value,
    }
    let e: Envelope = parse_envelope(raw)?;
    let text = e.assessment.to_string();
    let (assessment, diagnostics) = Assessment::read(&text)
        .map_err(|err| format!("the saved assessment cannot be read: {err}"))?;
    if let Some(d) = diagnostics.iter().find(|d| d.is_error()) {
        return Err(format!("the saved assessment has an invalid value: {d}"));
    }
    Ok(Saved {
        assessment,
        rev: e.rev,
        writer: e.writer,
        overrode: e.overrode,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use aims_engine::assessment::Answer;
    use aims_engine::catalog::IsoId;

    fn store(quota: Option<usize>) -> (Store, Rc<Memory>) {
        let mem = Rc::new(Memory {
            quota,
            ..Memory::default()
        });
        (Store::new("t", mem.clone()), mem)
    }

    fn sample() -> Saved {
        let mut a = Assessment::default();
        a.organisation.name = Some("Acme <b>".into());
        if let aims_engine::assessment::Answers::Iso42001(m) = &mut a.answers {
            m.insert(IsoId::parse("5.2").unwrap(), Answer::rated(2));
        }
        Saved {
            assessment: a,
            rev: 3,
            writer: "tab-1".into(),
            overrode: vec![Overrode {
                tab: "tab-2".into(),
                parts: vec!["5.2".into()],
            }],
        }
    }

    #[test]
    fn an_assessment_round_trips() {
        let (s, _) = store(None);
        s.save_assessment("a1", &sample(), 1.0).unwrap();
        assert_eq!(
            s.load_assessment("a1", 2.0).unwrap().unwrap(),
            Some(sample())
        );
        assert_eq!(s.load_assessment("nope", 2.0).unwrap().unwrap(), None);
    }

    #[test]
    fn a_corrupt_value_is_backed_up_and_reported() {
        let (s, mem) = store(None);
        mem.set(&s.assessment_key("a1"), "{not json").unwrap();
        let problem = s.load_assessment("a1", 42.0).unwrap().unwrap_err();
        assert!(
            problem.reason.contains("not valid JSON"),
            "{}",
            problem.reason
        );
        let backup = problem.backup_key.clone().unwrap();
        assert_eq!(mem.get(&backup).unwrap().as_deref(), Some("{not json"));
        assert_eq!(problem.raw, "{not json");
    }

    #[test]
    fn a_garbage_index_is_rebuilt_from_the_saved_assessments() {
        let (s, mem) = store(None);
        let mut other = sample();
        other.assessment.organisation.name = None;
        s.save_assessment("old", &other, 10.0).unwrap();
        s.save_assessment("new", &sample(), 20.0).unwrap();
        // Not assessments of this list: an unreadable one, a backup, another namespace.
        mem.set(&s.assessment_key("bad"), "{not json").unwrap();
        mem.set(&format!("{}:backup:5", s.assessment_key("new")), "x")
            .unwrap();
        mem.set("other:v1:assessment:x", "{}").unwrap();
        mem.set(&s.index_key(), "garbage").unwrap();
        let (index, problem) = s.load_index(30.0).unwrap();
        let problem = problem.unwrap();
        assert_eq!(problem.raw, "garbage");
        let backup = problem.backup_key.unwrap();
        assert_eq!(mem.get(&backup).unwrap().as_deref(), Some("garbage"));
        let names: Vec<(&str, &str, f64)> = index
            .assessments
            .iter()
            .map(|e| (e.id.as_str(), e.name.as_str(), e.updated))
            .collect();
        assert_eq!(
            names,
            [
                ("new", "Acme <b>", 20.0),
                ("old", "Recovered assessment", 10.0)
            ]
        );
        assert_eq!(index.current.as_deref(), Some("new"));
        // The rebuilt list was written, so the next start reads it as it is.
        assert_eq!(s.load_index(40.0).unwrap(), (index, None));
    }

    #[test]
    fn a_garbage_index_with_nothing_saved_gives_an_empty_list() {
        let (s, mem) = store(None);
        mem.set(&s.index_key(), "[1,2").unwrap();
        let (index, problem) = s.load_index(1.0).unwrap();
        assert!(index.assessments.is_empty() && index.current.is_none());
        assert!(problem.is_some());
        assert_eq!(mem.get(&s.index_key()).unwrap().as_deref(), Some("[1,2"));
    }

    #[test]
    fn a_newer_version_is_refused_and_kept() {
        let (s, mem) = store(None);
        let newer = r#"{"version":9,"current":null,"assessments":[]}"#;
        mem.set(&s.index_key(), newer).unwrap();
        let (index, problem) = s.load_index(1.0).unwrap();
        assert!(index.assessments.is_empty() && index.current.is_none());
        let problem = problem.unwrap();
        assert!(
            problem.reason.contains("newer version"),
            "{}",
            problem.reason
        );
        assert_eq!(
            mem.get(problem.backup_key.as_ref().unwrap())
                .unwrap()
                .as_deref(),
            Some(newer)
        );
    }

    #[test]
    fn a_value_that_cannot_be_backed_up_is_never_overwritten() {
        // A backend with room for the corrupt value but not for its backup.
        let mem = Rc::new(Memory {
            quota: Some(80),
            ..Memory::default()
        });
        let s = Store::new("t", mem.clone());
        let key = s.assessment_key("a1");
        mem.values
            .borrow_mut()
            .insert(key.clone(), "garbage".into());
        let problem = s.load_assessment("a1", 5.0).unwrap().unwrap_err();
        assert_eq!(problem.backup_key, None);
        assert_eq!(
            s.save_assessment("a1", &sample(), 6.0),
            Err(SaveError::Protected(key.clone()))
        );
        s.remove_assessment("a1");
        assert_eq!(
            mem.values.borrow().get(&key).map(String::as_str),
            Some("garbage")
        );
    }

    #[test]
    fn a_full_storage_is_reported() {
        let (s, _) = store(Some(64));
        assert_eq!(
            s.save_assessment("a1", &sample(), 1.0),
            Err(SaveError::Full)
        );
        assert!(SaveError::Full.to_string().contains("Export"));
    }

    #[test]
    fn roi_inputs_round_trip_per_assessment() {
        let (s, _) = store(None);
        assert_eq!(s.load_roi("a1", 1.0).unwrap().unwrap(), None);
        let inputs =
            serde_json::json!({"costs": {"consulting": {"likely": 90000.0}}, "horizon_months": 48});
        s.save_roi("a1", &inputs).unwrap();
        assert_eq!(s.load_roi("a1", 2.0).unwrap().unwrap(), Some(inputs));
        assert_eq!(
            s.load_roi("a2", 2.0).unwrap().unwrap(),
            None,
            "kept per assessment"
        );
        assert_eq!(s.roi_key("a1"), "t:v1:roi:a1");
    }

    #[test]
    fn corrupt_roi_inputs_are_backed_up_and_reported() {
        for bad in [
            "{oops",
            r#"{"version":1,"inputs":[1]}"#,
            r#"{"version":7,"inputs":{}}"#,
        ] {
            let (s, mem) = store(None);
            mem.set(&s.roi_key("a1"), bad).unwrap();
            let problem = s.load_roi("a1", 9.0).unwrap().unwrap_err();
            assert_eq!(problem.key, s.roi_key("a1"));
            assert_eq!(problem.raw, bad);
            let backup = problem.backup_key.clone().unwrap();
            assert_eq!(mem.get(&backup).unwrap().as_deref(), Some(bad), "{bad}");
            assert_eq!(
                mem.get(&s.roi_key("a1")).unwrap().as_deref(),
                Some(bad),
                "left in place"
            );
        }
    }

    #[test]
    fn roi_inputs_that_cannot_be_backed_up_are_never_overwritten() {
        let mem = Rc::new(Memory {
            quota: Some(60),
            ..Memory::default()
        });
        let s = Store::new("t", mem.clone());
        let key = s.roi_key("a1");
        mem.values.borrow_mut().insert(key.clone(), "junk".into());
        let problem = s.load_roi("a1", 5.0).unwrap().unwrap_err();
        assert_eq!(problem.backup_key, None);
        assert_eq!(
            s.save_roi("a1", &serde_json::json!({})),
            Err(SaveError::Protected(key.clone()))
        );
        assert_eq!(
            mem.values.borrow().get(&key).map(String::as_str),
            Some("junk")
        );
    }

    #[test]
    fn clear_all_removes_only_this_namespace() {
        let (s, mem) = store(None);
        s.save_assessment("a1", &sample(), 1.0).unwrap();
        s.save_roi("a1", &serde_json::json!({})).unwrap();
        s.save_index(&Index::default()).unwrap();
        mem.set("t:v1:index:backup:5", "x").unwrap();
        mem.set("other:v1:index", "keep").unwrap();
        mem.set("tea", "keep").unwrap();
        assert_eq!(s.clear_all(), 4);
        let left: Vec<String> = mem.keys();
        assert_eq!(left, vec!["other:v1:index".to_string(), "tea".to_string()]);
    }

    #[test]
    fn the_current_envelope_version_passes_migration() {
        let v = serde_json::json!({"version": STORE_VERSION, "assessments": []});
        assert_eq!(migrate_envelope(v.clone()), Ok(v));
        assert!(migrate_envelope(serde_json::json!({"version": 0})).is_err());
        assert!(migrate_envelope(serde_json::json!([])).is_err());
    }

    #[test]
    fn a_training_case_entry_round_trips_and_older_indexes_read_as_own_assessments() {
        let (s, mem) = store(None);
        let entry = |id: &str, case: Option<CaseRef>| Entry {
            id: id.into(),
            name: id.into(),
            updated: 0.0,
            named: 0,
            case,
        };
        let index = Index {
            rules: 0,
            deleted: Vec::new(),
            current: Some("b".into()),
            assessments: vec![
                entry("a", None),
                entry(
                    "b",
                    Some(CaseRef {
                        id: "hospital-triage".into(),
                        hide_model: true,
                        pass_mark: Some(80),
                    }),
                ),
            ],
        };
        s.save_index(&index).unwrap();
        let raw = mem.get(&s.index_key()).unwrap().unwrap();
        assert!(!raw.contains(r#""case":null"#), "{raw}");
        assert_eq!(s.load_index(1.0).unwrap(), (index, None));
        let older =
            r#"{"version":1,"current":"a","assessments":[{"id":"a","name":"A","updated":5}]}"#;
        mem.set(&s.index_key(), older).unwrap();
        let (read, problem) = s.load_index(1.0).unwrap();
        assert!(problem.is_none());
        assert_eq!(read.assessments[0].case, None);
    }

    fn listed(ids: &[&str]) -> Index {
        Index {
            current: ids.first().map(|s| s.to_string()),
            assessments: ids
                .iter()
                .map(|id| Entry {
                    id: id.to_string(),
                    name: id.to_uppercase(),
                    updated: 0.0,
                    named: 0,
                    case: None,
                })
                .collect(),
            rules: 1,
            deleted: Vec::new(),
        }
    }

    fn ids(index: &Index) -> Vec<&str> {
        index.assessments.iter().map(|e| e.id.as_str()).collect()
    }

    const DAY: f64 = 86_400_000.0;

    #[test]
    fn a_delete_leaves_a_tombstone_that_other_tabs_follow() {
        // Tab A deletes "b": its list no longer has it, and the tombstone is written.
        let (a, news) = merge_index(
            listed(&["a"]),
            Some(listed(&["a", "b"])),
            Some("b"),
            None,
            10.0,
        );
        assert_eq!(ids(&a), vec!["a"]);
        assert_eq!(
            a.deleted,
            vec![Tombstone {
                id: "b".into(),
                at: 10.0
            }]
        );
        assert_eq!(news, IndexNews::default());
        // Tab B still lists "b" (open there) and saves: "b" is dropped, not written back, and
        // the open assessment moves to the first remaining.
        let mut mine = listed(&["b", "a"]);
        mine.current = Some("b".into());
        let (b, news) = merge_index(mine, Some(a.clone()), None, None, 20.0);
        assert_eq!(ids(&b), vec!["a"]);
        assert_eq!(b.current.as_deref(), Some("a"));
        assert_eq!(news.gone, vec!["b".to_string()]);
        assert_eq!(b.deleted, a.deleted, "the tombstone stays for other tabs");
        // Read back from its JSON, the list keeps the tombstone.
        let back: Index = serde_json::from_str(&serde_json::to_string(&b).unwrap()).unwrap();
        assert_eq!(back, b);
    }

    #[test]
    fn an_assessment_added_in_another_tab_is_kept_not_taken_for_deleted() {
        let (merged, news) =
            merge_index(listed(&["a"]), Some(listed(&["a", "new"])), None, None, 5.0);
        assert_eq!(ids(&merged), vec!["a", "new"]);
        assert_eq!(news.added.len(), 1);
        assert!(news.gone.is_empty());
        // Not yet in the stored list (not saved yet): kept, since no tombstone names it.
        let (merged, news) = merge_index(
            listed(&["a", "unsaved"]),
            Some(listed(&["a"])),
            None,
            None,
            5.0,
        );
        assert_eq!(ids(&merged), vec!["a", "unsaved"]);
        assert_eq!(news, IndexNews::default());
    }

    #[test]
    fn a_rename_in_another_tab_is_followed_and_not_undone_by_this_tab_s_save() {
        // Tab A renamed "b" once; tab B still has the old name and saves.
        let mut stored = listed(&["a", "b"]);
        stored.assessments[1].name = "Renamed in A".into();
        stored.assessments[1].named = 1;
        let (merged, news) =
            merge_index(listed(&["a", "b"]), Some(stored.clone()), None, None, 5.0);
        assert_eq!(merged.assessments[1].name, "Renamed in A");
        assert_eq!(merged.assessments[1].named, 1);
        assert_eq!(news.renamed, vec![stored.assessments[1].clone()]);
        assert!(news.added.is_empty() && news.gone.is_empty());
        // B renames it after that (its count is then 2): B's name is the later one and stays.
        let mut mine = merged.clone();
        mine.assessments[1].name = "Renamed in B".into();
        mine.assessments[1].named = 2;
        let (merged, news) = merge_index(mine, Some(stored), None, None, 6.0);
        assert_eq!(merged.assessments[1].name, "Renamed in B");
        assert!(news.renamed.is_empty());
        // Both renamed once at the same time: each tab picks the same name.
        let named = |n: &str| {
            let mut i = listed(&["a"]);
            i.assessments[0].name = n.into();
            i.assessments[0].named = 1;
            i
        };
        let (in_x, _) = merge_index(named("X"), Some(named("Y")), None, None, 7.0);
        let (in_y, _) = merge_index(named("Y"), Some(named("X")), None, None, 7.0);
        assert_eq!(in_x.assessments[0].name, "Y");
        assert_eq!(in_y.assessments[0].name, "Y");
        // An older index without counts reads as 0 and is written without the field.
        let text = serde_json::to_string(&listed(&["a"])).unwrap();
        assert!(!text.contains("named"), "{text}");
    }

    #[test]
    fn usage_counts_the_site_s_keys_and_values_and_follows_writes_and_removals() {
        let (s, mem) = store(None);
        mem.set("other-site-part", "ab").unwrap();
        assert_eq!(s.usage(), "other-site-part".len() + 2);
        let before = s.usage();
        s.save_roi("a1", &serde_json::json!({"x": "é"})).unwrap();
        let key = s.roi_key("a1");
        let value = mem.get(&key).unwrap().unwrap();
        assert_eq!(s.usage(), before + key.len() + value.encode_utf16().count());
        s.clear_all();
        assert_eq!(
            s.usage(),
            "other-site-part".len() + 2,
            "counted again after a removal"
        );
    }

    #[test]
    fn an_undone_delete_lifts_its_tombstone() {
        let (deleted, _) = merge_index(
            listed(&["a"]),
            Some(listed(&["a", "b"])),
            Some("b"),
            None,
            10.0,
        );
        let (restored, news) =
            merge_index(listed(&["a", "b"]), Some(deleted), None, Some("b"), 20.0);
        assert_eq!(ids(&restored), vec!["a", "b"]);
        assert!(restored.deleted.is_empty());
        assert!(news.gone.is_empty());
    }

    #[test]
    fn tombstones_are_pruned_by_age_and_count() {
        let now = 1000.0 * DAY;
        let mut stored = listed(&["a"]);
        stored.deleted = (0..TOMBSTONE_MAX + 50)
            .map(|i| Tombstone {
                id: format!("x{i}"),
                at: now - i as f64 * 1000.0,
            })
            .collect();
        stored.deleted.push(Tombstone {
            id: "old".into(),
            at: now - (TOMBSTONE_DAYS + 1.0) * DAY,
        });
        let (merged, _) = merge_index(listed(&["a"]), Some(stored), Some("a"), None, now);
        assert_eq!(merged.deleted.len(), TOMBSTONE_MAX);
        assert_eq!(merged.deleted[0].id, "a", "the newest first");
        assert!(merged
            .deleted
            .iter()
            .all(|t| t.id != "old" && t.id != "x249"));
        assert!(merged.assessments.is_empty());
        assert_eq!(merged.current, None);
    }
}

//! The app's state and its transitions: a plain [`Reducible`], apart from the components.
//!
//! The state holds the open assessment (shared by `Rc`, so derived reports can be memoised on
//! it), the list of saved assessments, a revision counter for saving, and what the user must be
//! told (notices about storage, another tab's change, an undoable delete). Storage side
//! effects happen outside the reducer (see `persist.rs`); the reducer only records what was
//! saved and what went wrong.
//!
//! Two tabs on one assessment: the last write wins part by part, never for the whole
//! assessment. The state keeps the version last saved or read (`base`) and the parts this tab
//! changed since (`changed`: an answer per catalog item, or a top-level field such as the
//! organisation). When another tab's save arrives, [`merge`] takes theirs for every part this
//! tab did not change and keeps ours for the parts it did (written by this tab's next save,
//! so they are the later write). When both changed the same part to different values, ours
//! wins and the save records which parts of which tab it replaced (`overrode`); that tab then
//! tells its user, naming the parts.

use crate::storage::{CaseRef, Entry, Overrode, Problem, SaveError, Saved};
use aims_engine::assessment::{AiSystem, Answer, Answers, Assessment, Framework, PlanStatus};
use aims_engine::catalog::{AiRole, IsoId, Question, SubcategoryId};
use aims_engine::quick_scan::Choice;
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::Reducible;

/// Something the user should see until dismissed.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// A stored value could not be read; its raw text is kept for download.
    Unreadable(Problem),
    /// Saving failed: working in memory.
    NotSaved(SaveError),
    /// A plain message (e.g. "Imported 41 answers").
    Info(String),
}

/// What the user is told when saved data nears the browser's quota: how much, and what to do
/// before a save fails.
pub fn nearly_full_message(used: usize) -> String {
    let share = used as f64 * 100.0 / crate::storage::QUOTA_ESTIMATE as f64;
    format!(
        "Storage nearly full: the data saved in this browser takes about {}% of what browsers usually keep for a site, so a save may soon fail. Export everything (Your data, \u{201c}Everything at once\u{201d}) to keep a copy, then delete assessments you no longer need.",
        aims_engine::format::whole(share)
    )
}

/// A deleted assessment, kept until the next delete so it can be restored.
#[derive(Clone, Debug, PartialEq)]
pub struct Deleted {
    pub entry: Entry,
    pub assessment: Rc<Assessment>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// Saved assessments (the index), in the order shown.
    pub entries: Vec<Entry>,
    /// The id of the open assessment.
    pub current: String,
    pub assessment: Rc<Assessment>,
    /// Incremented on every change of the open assessment.
    pub rev: u64,
    /// The revision last written to storage (or loaded from it).
    pub saved_rev: u64,
    /// Incremented when the index changes, so it is saved.
    pub index_rev: u64,
    pub notices: Vec<Notice>,
    /// The open assessment as last saved by this tab or read from storage: what another tab's
    /// save is compared with to see which parts it changed.
    pub base: Rc<Assessment>,
    /// The parts of the open assessment this tab changed since `base`.
    pub changed: BTreeSet<Part>,
    /// Parts of another tab's save that this tab's changes replaced, written with the next save
    /// so that tab can tell its user.
    pub overrode: Vec<Overrode>,
    pub deleted: Option<Deleted>,
    /// An assessment whose delete this tab undid: its tombstone is lifted at the next save.
    pub restored: Option<String>,
    /// Set once the user was told that saved data nears the browser's quota (once a session).
    pub storage_warned: bool,
    /// Ids are made from this counter and the tab id, unique across tabs.
    pub tab: String,
    pub next_id: u32,
}

/// Every change the app can make. Variants carrying a whole assessment are rare (import,
/// open, delete), so their size does not matter next to the answer edits.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug)]
pub enum Action {
    // ---- answers of the open assessment -----------------------------------------------------
    SetMaturity(IsoId, Option<u8>),
    SetTarget(IsoId, u8),
    /// Excluding requires a justification; the UI collects it first.
    SetApplicable(IsoId, bool),
    SetJustification(IsoId, String),
    SetNote(IsoId, String),
    SetNistMaturity(SubcategoryId, Option<u8>),
    /// A quick-scan answer (the question's index; `None` for "not sure"), written by the
    /// engine's rule.
    QuickScan(usize, Option<Choice>),
    /// The reason an Annex A control is included (the Statement of Applicability).
    SetReason(IsoId, String),
    /// Excludes an Annex A control with a justification in one step (an accepted proposal).
    Exclude(IsoId, String),
    SetRoles(Vec<AiRole>),
    /// Adds an AI system to the profile's inventory, or replaces the one with the same id.
    PutSystem(AiSystem),
    /// Removes an AI system and its per-system answers.
    RemoveSystem(String),
    /// The maturity of a control about a system for one AI system (`None`: not rated for it).
    SetSystemMaturity(IsoId, String, Option<u8>),
    // ---- the action plan on an item (owner, due date, status, evidence) ---------------------
    SetOwner(IsoId, String),
    /// `YYYY-MM-DD` as a date field gives it; empty clears it.
    SetDue(IsoId, String),
    SetStatus(IsoId, PlanStatus),
    /// One link or reference per entry; blank entries are dropped.
    SetEvidence(IsoId, Vec<String>),
    SetOrganisationName(String),
    SetEmployees(Option<u32>),
    SetAiSystems(Option<u32>),
    SetCertifications(Vec<String>),
    SetPlanning {
        people: Option<f64>,
        share_of_time: Option<f64>,
    },
    /// Replaces the open assessment's content (import, training case, share link).
    Replace(Assessment),
    // ---- saved assessments ------------------------------------------------------------------
    New {
        name: String,
        framework: Framework,
    },
    /// Opens a saved assessment read from storage.
    Open {
        id: String,
        saved: Option<Saved>,
    },
    /// Starts a learner's assessment of a training case: a new saved assessment, marked with
    /// the case so it is kept apart from the user's own, holding the case's starting file.
    StartCase {
        case: CaseRef,
        name: String,
        assessment: Assessment,
    },
    /// Adds an assessment read from elsewhere (an imported file, a share link) as a new saved
    /// assessment, opens it and says so: one step, so no render sees it half done.
    AddAsNew {
        name: String,
        assessment: Assessment,
        notice: String,
    },
    Rename {
        id: String,
        name: String,
    },
    Duplicate {
        id: String,
        assessment: Assessment,
    },
    /// Deletes a saved assessment. `deleted` is its content (kept for undo); when it is the open
    /// one, `next` is the saved content of the assessment to open instead (the first remaining).
    Delete {
        id: String,
        deleted: Assessment,
        next: Option<Saved>,
    },
    UndoDelete,
    /// Everything saved was deleted (the Data page's reset): start again with one empty
    /// assessment under a fresh id.
    Reset,
    // ---- storage feedback -------------------------------------------------------------------
    /// The open assessment `id` was written at revision `rev` as `written` (this tab's version
    /// merged with any other tab's save).
    Saved {
        id: String,
        rev: u64,
        written: Rc<Assessment>,
    },
    /// The assessment `id` was written to storage at `at` (ms since the epoch): its "last saved"
    /// time in the list.
    Stamped {
        id: String,
        at: f64,
    },
    SaveFailed(SaveError),
    Problem(Problem),
    /// Saved assessments another tab added to the list: they join this tab's list, so that
    /// saving this tab's list never drops them.
    OtherTabEntries(Vec<Entry>),
    /// The site's saved data passed the warning threshold (`crate::storage::WARN_AT`); holds
    /// the UTF-16 code units used. Told once a session.
    StorageNearlyFull(usize),
    /// Assessments read from a backup ("Import everything") and already written to storage:
    /// they join the list (their ids are new), the open assessment stays open.
    Imported(Vec<Entry>),
    /// Saved assessments another tab renamed: this tab's list takes the later name
    /// ([`Entry::named`]).
    RenamedElsewhere(Vec<Entry>),
    /// Saved assessments another tab deleted (tombstones in the list): they leave this tab's
    /// list. When the open one is among them, `next` is the saved content of the first
    /// remaining assessment, opened instead.
    DeletedElsewhere {
        ids: Vec<String>,
        next: Option<Saved>,
    },
    /// Another tab saved the open assessment: merged part by part ([`merge`]).
    External(Saved),
    Dismiss(usize),
    Info(String),
}

impl AppState {
    /// A fresh state with one empty assessment.
    pub fn new(tab: String) -> AppState {
        let current = format!("{tab}-1");
        AppState {
            entries: vec![Entry {
                id: current.clone(),
                name: "My organisation".into(),
                updated: 0.0,
                named: 0,
                case: None,
            }],
            current,
            assessment: Rc::new(Assessment::new(Framework::Iso42001)),
            rev: 0,
            saved_rev: 0,
            index_rev: 1,
            notices: Vec::new(),
            base: Rc::new(Assessment::new(Framework::Iso42001)),
            changed: BTreeSet::new(),
            overrode: Vec::new(),
            deleted: None,
            restored: None,
            storage_warned: false,
            tab,
            next_id: 2,
        }
    }

    pub fn has_unsaved_changes(&self) -> bool {
        self.rev != self.saved_rev
    }

    pub fn current_entry(&self) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == self.current)
    }

    fn fresh_id(&mut self) -> String {
        let id = format!("{}-{}", self.tab, self.next_id);
        self.next_id += 1;
        id
    }

    fn edit_iso(&mut self, id: IsoId, f: impl FnOnce(&mut Answer)) {
        let a = Rc::make_mut(&mut self.assessment);
        if let Answers::Iso42001(m) = &mut a.answers {
            let answer = m.entry(id).or_default();
            f(answer);
            if *answer == Answer::default() {
                m.remove(&id);
            }
        }
        self.touch();
    }

    fn touch(&mut self) {
        self.rev += 1;
    }

    /// A new saved assessment holding `assessment`, opened and marked to be saved.
    fn add_and_open(&mut self, name: String, case: Option<CaseRef>, assessment: Assessment) {
        let id = self.fresh_id();
        self.entries.push(Entry {
            id: id.clone(),
            name,
            updated: 0.0,
            named: 0,
            case,
        });
        self.open(id, assessment, 0);
        self.rev = 1; // save it, so it exists in storage
    }

    fn open(&mut self, id: String, assessment: Assessment, rev: u64) {
        self.current = id;
        self.assessment = Rc::new(assessment);
        self.base = self.assessment.clone();
        self.changed.clear();
        self.overrode.clear();
        self.rev = rev;
        self.saved_rev = rev;
        self.index_rev += 1;
    }
}

fn clean(s: String) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then_some(s)
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match reduced(&self, action) {
            Some(s) => Rc::new(s),
            None => self,
        }
    }
}

/// `state` after `action` (`None`: nothing changed), the parts of the open assessment it
/// changed marked as this tab's.
pub fn reduced(state: &AppState, action: Action) -> Option<AppState> {
    let mut s = state.clone();
    let edit = action.is_edit();
    if !s.apply(action) {
        return None;
    }
    if edit && s.current == state.current {
        s.changed
            .extend(changed_parts(&state.assessment, &s.assessment));
    }
    Some(s)
}

impl AppState {
    /// Applies any action; `false` when it changes nothing.
    fn apply(&mut self, action: Action) -> bool {
        let s = self;
        match action {
            Action::SetMaturity(id, m) => s.edit_iso(id, |a| {
                a.maturity = m;
                a.inferred = false;
                // Rated on its own now, no longer one quick-scan answer among several.
                a.quick_scan = None;
            }),
            Action::SetTarget(id, t) => s.edit_iso(id, |a| {
                a.target = (t != aims_engine::assessment::DEFAULT_TARGET).then_some(t)
            }),
            Action::SetApplicable(id, on) => s.edit_iso(id, |a| a.applicable = on),
            Action::SetJustification(id, j) => s.edit_iso(id, |a| a.justification = clean(j)),
            Action::SetNote(id, n) => s.edit_iso(id, |a| a.note = clean(n)),
            Action::SetNistMaturity(id, m) => {
                let a = Rc::make_mut(&mut s.assessment);
                if let Answers::NistAiRmf(map) = &mut a.answers {
                    let answer = map.entry(id).or_default();
                    answer.maturity = m;
                    if *answer == Answer::default() {
                        map.remove(&id);
                    }
                }
                s.touch();
            }
            Action::SetReason(id, r) => s.edit_iso(id, |a| a.reason = clean(r)),
            Action::Exclude(id, justification) => s.edit_iso(id, |a| {
                a.applicable = false;
                a.justification = clean(justification);
            }),
            Action::SetOwner(id, o) => s.edit_iso(id, |a| a.owner = clean(o)),
            Action::SetDue(id, d) => s.edit_iso(id, |a| a.due = clean(d)),
            Action::SetStatus(id, st) => s.edit_iso(id, |a| {
                a.status = (st != PlanStatus::Open).then_some(st);
            }),
            Action::SetEvidence(id, list) => s.edit_iso(id, |a| {
                a.evidence = list
                    .into_iter()
                    .map(|e| e.trim().to_string())
                    .filter(|e| !e.is_empty())
                    .collect();
            }),
            Action::PutSystem(system) => {
                let systems = &mut Rc::make_mut(&mut s.assessment).profile.systems;
                match systems.iter_mut().find(|x| x.id == system.id) {
                    Some(x) => *x = system,
                    None => systems.push(system),
                }
                s.touch();
            }
            Action::SetSystemMaturity(id, system, m) => s.edit_iso(id, |a| match m {
                Some(m) => a.systems.entry(system).or_default().maturity = Some(m),
                None => {
                    if let Some(x) = a.systems.get_mut(&system) {
                        x.maturity = None;
                        if *x == Default::default() {
                            a.systems.remove(&system);
                        }
                    }
                }
            }),
            Action::RemoveSystem(id) => {
                if Rc::make_mut(&mut s.assessment).remove_system(&id) {
                    s.touch();
                }
            }
            Action::SetRoles(roles) => {
                Rc::make_mut(&mut s.assessment).profile.roles = roles;
                s.touch();
            }
            Action::SetOrganisationName(n) => {
                Rc::make_mut(&mut s.assessment).organisation.name = clean(n.clone());
                if let Some(e) = s.entries.iter_mut().find(|e| e.id == s.current) {
                    if !n.trim().is_empty() && n.trim() != e.name {
                        e.name = n.trim().to_string();
                        e.named += 1;
                        s.index_rev += 1;
                    }
                }
                s.touch();
            }
            Action::SetEmployees(n) => {
                Rc::make_mut(&mut s.assessment).organisation.employees = n;
                s.touch();
            }
            Action::SetAiSystems(n) => {
                Rc::make_mut(&mut s.assessment)
                    .organisation
                    .ai_systems_in_scope = n;
                s.touch();
            }
            Action::SetCertifications(c) => {
                Rc::make_mut(&mut s.assessment).organisation.certifications = c;
                s.touch();
            }
            Action::SetPlanning {
                people,
                share_of_time,
            } => {
                let a = Rc::make_mut(&mut s.assessment);
                let p = a.planning.get_or_insert_with(Default::default);
                p.people = people;
                p.share_of_time = share_of_time;
                s.touch();
            }
            Action::Replace(a) => {
                s.assessment = Rc::new(a);
                s.touch();
            }
            Action::StartCase {
                case,
                name,
                assessment,
            } => s.add_and_open(name, Some(case), assessment),
            Action::AddAsNew {
                name,
                assessment,
                notice,
            } => {
                s.add_and_open(name, None, assessment);
                s.notices.push(Notice::Info(notice));
            }
            Action::Open { id, saved } => {
                if s.entries.iter().any(|e| e.id == id) {
                    match saved {
                        Some(saved) => s.open(id, saved.assessment, saved.rev),
                        None => s.open(id, Assessment::new(Framework::Iso42001), 0),
                    }
                }
            }
            Action::Rename { id, name } => {
                let name = name.trim().to_string();
                if let Some(e) = s.entries.iter_mut().find(|e| e.id == id) {
                    if !name.is_empty() && name != e.name {
                        e.name = name;
                        e.named += 1;
                        s.index_rev += 1;
                    }
                }
            }
            Action::Imported(entries) => {
                let n = entries.len();
                for e in entries {
                    if !s.entries.iter().any(|x| x.id == e.id) {
                        s.entries.push(e);
                    }
                }
                s.index_rev += 1;
                s.notices.push(Notice::Info(format!(
                    "Imported {n} assessment{} from the backup, each as a new assessment; nothing was replaced.",
                    if n == 1 { "" } else { "s" }
                )));
            }
            Action::RenamedElsewhere(renamed) => {
                let mut changed = false;
                for r in renamed {
                    if let Some(e) = s.entries.iter_mut().find(|e| e.id == r.id) {
                        if (r.named, &r.name) > (e.named, &e.name) {
                            e.name = r.name;
                            e.named = r.named;
                            changed = true;
                        }
                    }
                }
                if !changed {
                    return false;
                }
            }
            Action::Duplicate { id, assessment } => {
                if let Some(e) = s.entries.iter().find(|e| e.id == id).cloned() {
                    let new_id = s.fresh_id();
                    s.entries.push(Entry {
                        id: new_id.clone(),
                        name: format!("{} (copy)", e.name),
                        updated: 0.0,
                        named: 0,
                        // A copy of a training assessment is still one.
                        case: e.case,
                    });
                    s.open(new_id, assessment, 0);
                    s.rev = 1;
                }
            }
            Action::Delete { id, deleted, next } => {
                if let Some(pos) = s.entries.iter().position(|e| e.id == id) {
                    if s.restored.as_ref() == Some(&id) {
                        s.restored = None;
                    }
                    let entry = s.entries.remove(pos);
                    s.deleted = Some(Deleted {
                        entry,
                        assessment: Rc::new(deleted),
                    });
                    s.index_rev += 1;
                    if id == s.current {
                        if s.entries.is_empty() {
                            let fresh = s.fresh_id();
                            s.entries.push(Entry {
                                id: fresh,
                                name: "My organisation".into(),
                                updated: 0.0,
                                named: 0,
                                case: None,
                            });
                        }
                        let first = s.entries[0].id.clone();
                        match next {
                            Some(saved) => s.open(first, saved.assessment, saved.rev),
                            None => s.open(first, Assessment::new(Framework::Iso42001), 0),
                        }
                    }
                }
            }
            Action::UndoDelete => {
                if let Some(d) = s.deleted.take() {
                    let id = d.entry.id.clone();
                    s.restored = Some(id.clone());
                    s.entries.push(d.entry);
                    s.open(id, (*d.assessment).clone(), 0);
                    s.rev = 1;
                }
            }
            Action::Reset => {
                let id = s.fresh_id();
                let mut fresh = AppState::new(s.tab.clone());
                fresh.entries[0].id = id.clone();
                fresh.current = id;
                fresh.next_id = s.next_id;
                // Above the old counters, so the empty assessment and index are saved.
                fresh.index_rev = s.index_rev + 1;
                fresh.rev = 1;
                fresh.notices.push(Notice::Info(
                    "All saved data was deleted from this browser.".into(),
                ));
                *s = fresh;
            }
            Action::OtherTabEntries(entries) => {
                let deleted = s.deleted.as_ref().map(|d| d.entry.id.clone());
                let mut added = false;
                for e in entries {
                    if Some(&e.id) != deleted.as_ref() && !s.entries.iter().any(|x| x.id == e.id) {
                        s.entries.push(e);
                        added = true;
                    }
                }
                if !added {
                    return false;
                }
            }
            Action::DeletedElsewhere { ids, next } => {
                let before = s.entries.len();
                let mut names = Vec::new();
                s.entries.retain(|e| {
                    let gone = ids.contains(&e.id);
                    if gone {
                        names.push(format!("\u{201c}{}\u{201d}", e.name));
                    }
                    !gone
                });
                if s.entries.len() == before {
                    return false;
                }
                s.index_rev += 1;
                s.notices.push(Notice::Info(format!(
                    "{} was deleted in another tab.",
                    names.join(", ")
                )));
                if ids.contains(&s.current) {
                    if s.entries.is_empty() {
                        let fresh = s.fresh_id();
                        s.entries.push(Entry {
                            id: fresh,
                            name: "My organisation".into(),
                            updated: 0.0,
                            named: 0,
                            case: None,
                        });
                    }
                    let first = s.entries[0].id.clone();
                    match next {
                        Some(saved) => s.open(first, saved.assessment, saved.rev),
                        None => s.open(first, Assessment::new(Framework::Iso42001), 0),
                    }
                }
            }
            Action::Dismiss(i) => {
                if i < s.notices.len() {
                    s.notices.remove(i);
                }
            }
            Action::Info(m) => s.notices.push(Notice::Info(m)),
            Action::QuickScan(..)
            | Action::New { .. }
            | Action::Saved { .. }
            | Action::Stamped { .. }
            | Action::SaveFailed(_)
            | Action::Problem(_)
            | Action::External(_)
            | Action::StorageNearlyFull(_) => return s.apply_quick_scan(action),
        }
        true
    }

    /// Applies the actions of the quick scan (an answer, a new assessment when the open one is
    /// not ISO/IEC 42001) and of storage (saved, failed, unreadable, another tab's save).
    /// `false` for any other action, and when nothing changes.
    fn apply_quick_scan(&mut self, action: Action) -> bool {
        let s = self;
        match action {
            Action::QuickScan(i, choice) => {
                if let Some(q) = Question::all().get(i) {
                    aims_engine::quick_scan::answer(Rc::make_mut(&mut s.assessment), q, choice);
                    s.touch();
                }
            }
            Action::New { name, framework } => {
                s.add_and_open(name, None, Assessment::new(framework));
            }
            Action::StorageNearlyFull(used) => {
                if s.storage_warned {
                    return false;
                }
                s.storage_warned = true;
                s.notices.push(Notice::Info(nearly_full_message(used)));
            }
            Action::Stamped { id, at } => {
                if let Some(e) = s.entries.iter_mut().find(|e| e.id == id) {
                    e.updated = at;
                }
            }
            Action::Saved { id, rev, written } => {
                s.notices.retain(|n| !matches!(n, Notice::NotSaved(_)));
                s.restored = None;
                if id == s.current {
                    s.saved_rev = s.saved_rev.max(rev);
                    // What was written may hold other tabs' parts; changes made since the save
                    // started stay on top.
                    let (shown, _) = merge(&written, &s.assessment, &s.changed, &written);
                    if shown != *s.assessment {
                        s.assessment = Rc::new(shown);
                    }
                    s.base = written;
                    if rev >= s.rev {
                        s.changed.clear();
                        s.overrode.clear();
                    }
                }
            }
            Action::SaveFailed(e) => {
                if !s.notices.iter().any(|n| n == &Notice::NotSaved(e.clone())) {
                    s.notices.retain(|n| !matches!(n, Notice::NotSaved(_)));
                    s.notices.push(Notice::NotSaved(e));
                }
            }
            Action::Problem(p) => s.notices.push(Notice::Unreadable(p)),
            Action::External(theirs) => {
                if theirs.writer == s.tab {
                    return false;
                }
                let (merged, lost) = merge(&s.base, &s.assessment, &s.changed, &theirs.assessment);
                let replaced: Vec<String> = theirs
                    .overrode
                    .iter()
                    .filter(|o| o.tab == s.tab)
                    .flat_map(|o| o.parts.iter().cloned())
                    .collect();
                if merged == *s.assessment && replaced.is_empty() && *s.base == theirs.assessment {
                    return false;
                }
                if !lost.is_empty() {
                    s.overrode.push(Overrode {
                        tab: theirs.writer.clone(),
                        parts: lost.iter().map(Part::label).collect(),
                    });
                }
                if !replaced.is_empty() {
                    s.notices.push(Notice::Info(format!(
                        "Your change to {} was replaced by a later change made in another tab.",
                        replaced.join(", ")
                    )));
                } else if merged != *s.assessment {
                    let m = "This assessment was changed in another tab; its answers are now shown here.";
                    if !s
                        .notices
                        .iter()
                        .any(|n| matches!(n, Notice::Info(x) if x == m))
                    {
                        s.notices.push(Notice::Info(m.into()));
                    }
                }
                if merged != *s.assessment {
                    s.assessment = Rc::new(merged);
                }
                s.base = Rc::new(theirs.assessment);
                let top = s.rev.max(theirs.rev);
                if s.changed.is_empty() {
                    s.rev = top;
                    s.saved_rev = top;
                } else {
                    // Ours is saved next, above their revision.
                    s.rev = top + 1;
                }
            }
            _ => return false,
        }
        true
    }
}

impl Action {
    /// Whether the action edits the open assessment's content (so its parts are marked as
    /// changed in this tab).
    fn is_edit(&self) -> bool {
        matches!(
            self,
            Action::SetMaturity(..)
                | Action::SetTarget(..)
                | Action::SetApplicable(..)
                | Action::SetJustification(..)
                | Action::SetNote(..)
                | Action::SetNistMaturity(..)
                | Action::QuickScan(..)
                | Action::SetReason(..)
                | Action::Exclude(..)
                | Action::SetRoles(_)
                | Action::PutSystem(_)
                | Action::RemoveSystem(_)
                | Action::SetSystemMaturity(..)
                | Action::SetOwner(..)
                | Action::SetDue(..)
                | Action::SetStatus(..)
                | Action::SetEvidence(..)
                | Action::SetOrganisationName(_)
                | Action::SetEmployees(_)
                | Action::SetAiSystems(_)
                | Action::SetCertifications(_)
                | Action::SetPlanning { .. }
                | Action::Replace(_)
        )
    }
}

// ---- merging another tab's save ---------------------------------------------------------------

/// One part of an assessment that two tabs can change independently: an answer (one item of
/// the catalog), or a top-level field. Another tab's save is merged part by part ([`merge`]).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Part {
    Organisation,
    Profile,
    Planning,
    /// Top-level fields this version does not know.
    Extra,
    /// The framework (a file imported with the other framework replaces every answer).
    Framework,
    Iso(IsoId),
    Nist(SubcategoryId),
}

impl Part {
    /// How the part is named to the user.
    pub fn label(&self) -> String {
        match self {
            Part::Organisation => "the organisation's details".into(),
            Part::Profile => "the roles for AI".into(),
            Part::Planning => "the planning capacity".into(),
            Part::Extra => "other saved fields".into(),
            Part::Framework => "the framework and all answers".into(),
            Part::Iso(id) => id.to_string(),
            Part::Nist(id) => id.to_string(),
        }
    }
}

/// The parts in which `a` and `b` differ.
pub fn changed_parts(a: &Assessment, b: &Assessment) -> Vec<Part> {
    let mut out = Vec::new();
    if a.organisation != b.organisation {
        out.push(Part::Organisation);
    }
    if a.profile != b.profile {
        out.push(Part::Profile);
    }
    if a.planning != b.planning {
        out.push(Part::Planning);
    }
    if a.extra != b.extra {
        out.push(Part::Extra);
    }
    match (&a.answers, &b.answers) {
        (Answers::Iso42001(x), Answers::Iso42001(y)) => {
            let ids: BTreeSet<IsoId> = x.keys().chain(y.keys()).copied().collect();
            out.extend(
                ids.into_iter()
                    .filter(|k| x.get(k) != y.get(k))
                    .map(Part::Iso),
            );
        }
        (Answers::NistAiRmf(x), Answers::NistAiRmf(y)) => {
            let ids: BTreeSet<SubcategoryId> = x.keys().chain(y.keys()).copied().collect();
            out.extend(
                ids.into_iter()
                    .filter(|k| x.get(k) != y.get(k))
                    .map(Part::Nist),
            );
        }
        _ => out.push(Part::Framework),
    }
    out
}

/// Whether `a` and `b` hold the same value for `part`.
fn same(a: &Assessment, b: &Assessment, part: &Part) -> bool {
    match part {
        Part::Organisation => a.organisation == b.organisation,
        Part::Profile => a.profile == b.profile,
        Part::Planning => a.planning == b.planning,
        Part::Extra => a.extra == b.extra,
        Part::Framework => a.framework() == b.framework(),
        Part::Iso(id) => {
            a.iso_answers().and_then(|m| m.get(id)) == b.iso_answers().and_then(|m| m.get(id))
        }
        Part::Nist(id) => nist(a).and_then(|m| m.get(id)) == nist(b).and_then(|m| m.get(id)),
    }
}

fn nist(a: &Assessment) -> Option<&aims_engine::assessment::NistAnswers> {
    match &a.answers {
        Answers::NistAiRmf(m) => Some(m),
        Answers::Iso42001(_) => None,
    }
}

/// Copies `part` from `from` into `to` (removing the answer when `from` has none).
fn copy_part(to: &mut Assessment, from: &Assessment, part: &Part) {
    match part {
        Part::Organisation => to.organisation = from.organisation.clone(),
        Part::Profile => to.profile = from.profile.clone(),
        Part::Planning => to.planning = from.planning.clone(),
        Part::Extra => to.extra = from.extra.clone(),
        Part::Framework => to.answers = from.answers.clone(),
        Part::Iso(id) => {
            if let (Answers::Iso42001(t), Answers::Iso42001(f)) = (&mut to.answers, &from.answers) {
                match f.get(id) {
                    Some(a) => t.insert(*id, a.clone()),
                    None => t.remove(id),
                };
            }
        }
        Part::Nist(id) => {
            if let (Answers::NistAiRmf(t), Answers::NistAiRmf(f)) = (&mut to.answers, &from.answers)
            {
                match f.get(id) {
                    Some(a) => t.insert(*id, a.clone()),
                    None => t.remove(id),
                };
            }
        }
    }
}

/// Merges another tab's saved version (`theirs`) into this tab's (`ours`), part by part:
/// `base` is the version this tab last saved or read, `changed` the parts this tab changed
/// since. Parts this tab did not change are taken from theirs; parts it changed keep ours
/// (this tab writes them next, so they are the last write). Returns the merged assessment and
/// the parts both tabs changed to different values: theirs lost to ours, and their tab is told.
/// The framework part is applied first, so answers kept from ours land in the right framework.
pub fn merge(
    base: &Assessment,
    ours: &Assessment,
    changed: &BTreeSet<Part>,
    theirs: &Assessment,
) -> (Assessment, Vec<Part>) {
    let mut merged = theirs.clone();
    let mut lost = Vec::new();
    for part in changed {
        copy_part(&mut merged, ours, part);
        if !same(base, theirs, part) && !same(ours, theirs, part) {
            lost.push(part.clone());
        }
    }
    (merged, lost)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> IsoId {
        IsoId::parse(s).unwrap()
    }

    fn apply(state: AppState, actions: Vec<Action>) -> Rc<AppState> {
        actions.into_iter().fold(Rc::new(state), |s, a| s.reduce(a))
    }

    #[test]
    fn an_answer_change_bumps_the_revision_and_shares_nothing_with_the_old_state() {
        let s0 = Rc::new(AppState::new("t".into()));
        let s1 = s0.clone().reduce(Action::SetMaturity(id("5.2"), Some(2)));
        assert_eq!(s1.rev, 1);
        assert!(s1.has_unsaved_changes());
        assert_eq!(
            s1.assessment.iso_answers().unwrap()[&id("5.2")].maturity,
            Some(2)
        );
        assert!(s0.assessment.iso_answers().unwrap().is_empty());
        let written = s1.assessment.clone();
        let s2 = s1.reduce(Action::Saved {
            id: "t-1".into(),
            rev: 1,
            written,
        });
        assert!(!s2.has_unsaved_changes());
        assert!(s2.changed.is_empty());
    }

    #[test]
    fn a_quick_scan_answer_is_written_by_the_engine_and_a_rating_of_one_item_unmarks_it() {
        let q = Question::all()
            .iter()
            .position(|q| q.items().len() >= 2)
            .unwrap();
        let items = Question::all()[q].items();
        let s = apply(
            AppState::new("t".into()),
            vec![Action::QuickScan(q, Some(Choice::Level(2)))],
        );
        let answers = s.assessment.iso_answers().unwrap();
        assert!(items
            .iter()
            .all(|i| answers[i].maturity == Some(2) && answers[i].quick_scan.is_some()));
        let s = apply((*s).clone(), vec![Action::SetMaturity(items[0], Some(3))]);
        assert_eq!(
            s.assessment.iso_answers().unwrap()[&items[0]].quick_scan,
            None
        );
        let s = apply(
            (*s).clone(),
            vec![Action::Exclude(id("A.10.4"), "No customers".into())],
        );
        let a = &s.assessment.iso_answers().unwrap()[&id("A.10.4")];
        assert!(!a.applicable && a.justification.as_deref() == Some("No customers"));
    }

    #[test]
    fn profile_systems_plan_fields_and_per_system_ratings() {
        use aims_engine::assessment::AiSystem;
        let system = |id: &str| AiSystem {
            id: id.into(),
            ..AiSystem::default()
        };
        let s = apply(
            AppState::new("t".into()),
            vec![
                Action::PutSystem(system("bot")),
                Action::PutSystem(system("cv")),
                Action::SetSystemMaturity(id("A.5.3"), "bot".into(), Some(3)),
                Action::SetSystemMaturity(id("A.5.3"), "cv".into(), Some(1)),
                Action::SetOwner(id("A.5.3"), "DPO".into()),
                Action::SetDue(id("A.5.3"), "2026-06-30".into()),
                Action::SetStatus(id("A.5.3"), PlanStatus::InProgress),
                Action::SetEvidence(id("A.5.3"), vec![" ia.pdf ".into(), "  ".into()]),
            ],
        );
        let a = &s.assessment.iso_answers().unwrap()[&id("A.5.3")];
        assert_eq!(a.maturity(), Some(1));
        assert_eq!(a.evidence, ["ia.pdf"]);
        assert_eq!(a.status, Some(PlanStatus::InProgress));
        // Removing a system removes its ratings; clearing the last one leaves nothing behind.
        let s = apply(
            (*s).clone(),
            vec![
                Action::RemoveSystem("cv".into()),
                Action::SetSystemMaturity(id("A.5.3"), "bot".into(), None),
                Action::SetStatus(id("A.5.3"), PlanStatus::Open),
            ],
        );
        let a = &s.assessment.iso_answers().unwrap()[&id("A.5.3")];
        assert!(a.systems.is_empty());
        assert_eq!((a.maturity(), a.status), (None, None));
        assert_eq!(s.assessment.profile.systems.len(), 1);
    }

    #[test]
    fn clearing_an_answer_removes_it() {
        let s = apply(
            AppState::new("t".into()),
            vec![
                Action::SetMaturity(id("5.2"), Some(2)),
                Action::SetMaturity(id("5.2"), None),
            ],
        );
        assert!(s.assessment.iso_answers().unwrap().is_empty());
    }

    fn saved_by(tab: &str, assessment: Assessment, rev: u64) -> Saved {
        Saved {
            assessment,
            rev,
            writer: tab.into(),
            overrode: Vec::new(),
        }
    }

    #[test]
    fn another_tabs_change_is_taken_when_clean() {
        let mut theirs = Assessment::new(Framework::Iso42001);
        theirs.organisation.name = Some("Other tab".into());
        let clean = Rc::new(AppState::new("t".into())).reduce(Action::External(saved_by(
            "other",
            theirs.clone(),
            5,
        )));
        assert_eq!(*clean.assessment, theirs);
        assert_eq!(*clean.base, theirs);
        assert!(!clean.has_unsaved_changes());
        assert!(clean
            .notices
            .iter()
            .any(|n| matches!(n, Notice::Info(m) if m.contains("changed in another tab"))));
    }

    #[test]
    fn edits_of_different_items_in_two_tabs_are_both_kept() {
        // This tab rated 6.1.2 and has not saved; the other tab saved 5.2 and a name.
        let dirty = apply(
            AppState::new("t".into()),
            vec![Action::SetMaturity(id("6.1.2"), Some(1))],
        );
        assert_eq!(
            dirty.changed.iter().cloned().collect::<Vec<_>>(),
            vec![Part::Iso(id("6.1.2"))]
        );
        let mut theirs = Assessment::new(Framework::Iso42001);
        theirs.organisation.name = Some("Other tab".into());
        if let Answers::Iso42001(m) = &mut theirs.answers {
            m.insert(id("5.2"), Answer::rated(3));
        }
        let merged = dirty.reduce(Action::External(saved_by("other", theirs.clone(), 5)));
        let answers = merged.assessment.iso_answers().unwrap();
        assert_eq!(answers[&id("5.2")].maturity, Some(3));
        assert_eq!(answers[&id("6.1.2")].maturity, Some(1));
        assert_eq!(
            merged.assessment.organisation.name.as_deref(),
            Some("Other tab")
        );
        // Ours is still to be saved, above their revision; nothing of theirs was replaced.
        assert!(merged.rev > 5 && merged.has_unsaved_changes());
        assert!(merged.overrode.is_empty());
        assert_eq!(*merged.base, theirs);
    }

    #[test]
    fn the_same_item_changed_in_both_tabs_goes_to_the_later_writer_and_the_other_is_told() {
        // Tab "b" rated 5.2 at 4 and has not saved; tab "a" saved 5.2 at 2 first.
        let b = apply(
            AppState::new("b".into()),
            vec![Action::SetMaturity(id("5.2"), Some(4))],
        );
        let mut from_a = Assessment::new(Framework::Iso42001);
        if let Answers::Iso42001(m) = &mut from_a.answers {
            m.insert(id("5.2"), Answer::rated(2));
        }
        let b = b.reduce(Action::External(saved_by("a", from_a.clone(), 1)));
        // B writes next, so B's 4 is the later write; it records that it replaced A's 5.2.
        assert_eq!(
            b.assessment.iso_answers().unwrap()[&id("5.2")].maturity,
            Some(4)
        );
        assert_eq!(
            b.overrode,
            vec![Overrode {
                tab: "a".into(),
                parts: vec!["5.2".into()]
            }]
        );
        assert!(b.notices.is_empty(), "the winner is not asked anything");

        // A saved its 2 and is clean; B's save arrives: A takes 4 and names 5.2 to its user.
        let a = apply(
            AppState::new("a".into()),
            vec![Action::SetMaturity(id("5.2"), Some(2))],
        );
        let a = a.reduce(Action::Saved {
            id: "a-1".into(),
            rev: 1,
            written: Rc::new(from_a),
        });
        let mut from_b = saved_by("b", (*b.assessment).clone(), b.rev);
        from_b.overrode = b.overrode.clone();
        let a = a.reduce(Action::External(from_b));
        assert_eq!(
            a.assessment.iso_answers().unwrap()[&id("5.2")].maturity,
            Some(4)
        );
        assert!(!a.has_unsaved_changes());
        assert!(a.notices.iter().any(|n| matches!(n,
            Notice::Info(m) if m.contains("Your change to 5.2 was replaced by a later change"))));
    }

    #[test]
    fn merge_keeps_our_changed_parts_and_takes_theirs_elsewhere() {
        let base = Assessment::new(Framework::Iso42001);
        let mut ours = base.clone();
        ours.organisation.employees = Some(10);
        if let Answers::Iso42001(m) = &mut ours.answers {
            m.insert(id("4.1"), Answer::rated(1));
        }
        let mut theirs = base.clone();
        theirs.organisation.employees = Some(10);
        theirs.planning = Some(Default::default());
        if let Answers::Iso42001(m) = &mut theirs.answers {
            m.insert(id("4.2"), Answer::rated(2));
        }
        let changed: BTreeSet<Part> = changed_parts(&base, &ours).into_iter().collect();
        assert_eq!(
            changed.iter().cloned().collect::<Vec<_>>(),
            vec![Part::Organisation, Part::Iso(id("4.1"))]
        );
        let (merged, lost) = merge(&base, &ours, &changed, &theirs);
        // Both set the same employees: not a lost change.
        assert!(lost.is_empty());
        assert_eq!(merged.planning, theirs.planning);
        assert_eq!(merged.iso_answers().unwrap().len(), 2);

        // Our removal of an answer is a change too, and it wins over their rating of it.
        let mut cleared = theirs.clone();
        if let Answers::Iso42001(m) = &mut cleared.answers {
            m.remove(&id("4.2"));
        }
        let mut rerated = theirs.clone();
        if let Answers::Iso42001(m) = &mut rerated.answers {
            m.insert(id("4.2"), Answer::rated(5));
        }
        let changed: BTreeSet<Part> = [Part::Iso(id("4.2"))].into_iter().collect();
        let (merged, lost) = merge(&theirs, &cleared, &changed, &rerated);
        assert!(!merged.iso_answers().unwrap().contains_key(&id("4.2")));
        assert_eq!(lost, vec![Part::Iso(id("4.2"))]);

        // A framework switch here replaces every answer, then keeps nothing of theirs.
        let nist = Assessment::new(Framework::NistAiRmf);
        let changed: BTreeSet<Part> = changed_parts(&base, &nist).into_iter().collect();
        assert_eq!(
            changed.iter().cloned().collect::<Vec<_>>(),
            vec![Part::Framework]
        );
        let (merged, _) = merge(&base, &nist, &changed, &theirs);
        assert_eq!(merged.framework(), Framework::NistAiRmf);
    }

    #[test]
    fn a_save_that_merged_another_tab_shows_its_parts_under_newer_edits() {
        let s = apply(
            AppState::new("t".into()),
            vec![Action::SetMaturity(id("4.1"), Some(1))],
        );
        let snapshot_rev = s.rev;
        let mut written = (*s.assessment).clone();
        if let Answers::Iso42001(m) = &mut written.answers {
            m.insert(id("9.1"), Answer::rated(4)); // merged in from another tab
        }
        // An edit made after the save started stays, and stays marked.
        let s = s.reduce(Action::SetMaturity(id("4.1"), Some(2)));
        let s = s.reduce(Action::Saved {
            id: "t-1".into(),
            rev: snapshot_rev,
            written: Rc::new(written),
        });
        let answers = s.assessment.iso_answers().unwrap();
        assert_eq!(answers[&id("9.1")].maturity, Some(4));
        assert_eq!(answers[&id("4.1")].maturity, Some(2));
        assert!(s.has_unsaved_changes() && s.changed.contains(&Part::Iso(id("4.1"))));
        // A save of another assessment (before a switch) does not touch the open one.
        let other = s.clone().reduce(Action::Saved {
            id: "elsewhere".into(),
            rev: 99,
            written: Rc::new(Assessment::default()),
        });
        assert_eq!(other.assessment, s.assessment);
    }

    #[test]
    fn an_assessment_deleted_in_another_tab_leaves_the_list_and_the_open_one_is_replaced() {
        let s = apply(
            AppState::new("t".into()),
            vec![Action::New {
                name: "Second".into(),
                framework: Framework::Iso42001,
            }],
        );
        assert_eq!(s.current, "t-2");
        let mut first = Assessment::new(Framework::Iso42001);
        first.organisation.name = Some("First".into());
        let r = s.clone().reduce(Action::DeletedElsewhere {
            ids: vec!["t-2".into()],
            next: Some(saved_by("t", first.clone(), 3)),
        });
        assert_eq!(r.entries.len(), 1);
        assert_eq!(r.current, "t-1");
        assert_eq!(*r.assessment, first);
        assert!(r.notices.iter().any(|n| matches!(n,
            Notice::Info(m) if m.contains("\u{201c}Second\u{201d} was deleted in another tab"))));
        // An id this tab does not list changes nothing.
        let same = s.clone().reduce(Action::DeletedElsewhere {
            ids: vec!["unknown".into()],
            next: None,
        });
        assert!(Rc::ptr_eq(&same, &s));
        // The last one deleted elsewhere: a fresh empty assessment takes its place.
        let only = Rc::new(AppState::new("t".into())).reduce(Action::DeletedElsewhere {
            ids: vec!["t-1".into()],
            next: None,
        });
        assert_eq!(only.entries.len(), 1);
        assert_ne!(only.current, "t-1");
    }

    #[test]
    fn undoing_a_delete_marks_it_restored_until_saved() {
        let s = apply(
            AppState::new("t".into()),
            vec![Action::New {
                name: "Second".into(),
                framework: Framework::Iso42001,
            }],
        );
        let deleted = (*s.assessment).clone();
        let s = s.reduce(Action::Delete {
            id: "t-2".into(),
            deleted,
            next: None,
        });
        let s = s.reduce(Action::UndoDelete);
        assert_eq!(s.restored.as_deref(), Some("t-2"));
        let written = s.assessment.clone();
        let s = s.reduce(Action::Saved {
            id: "t-2".into(),
            rev: 1,
            written,
        });
        assert!(s.restored.is_none());
    }

    #[test]
    fn our_own_write_echoed_back_is_ignored() {
        let s = apply(
            AppState::new("t".into()),
            vec![Action::SetMaturity(id("4.1"), Some(3))],
        );
        let echo = saved_by("t", Assessment::default(), 9);
        let after = s.clone().reduce(Action::External(echo));
        assert!(Rc::ptr_eq(&s, &after));
    }

    #[test]
    fn delete_can_be_undone() {
        let s = apply(
            AppState::new("t".into()),
            vec![
                Action::SetMaturity(id("5.2"), Some(4)),
                Action::New {
                    name: "Second".into(),
                    framework: Framework::Iso42001,
                },
            ],
        );
        assert_eq!(s.entries.len(), 2);
        let first = s.entries[0].id.clone();
        let current = s.current.clone();
        let mut first_saved = Assessment::default();
        first_saved.organisation.name = Some("First".into());
        let next = saved_by("t", first_saved.clone(), 4);
        let deleted = (*s.assessment).clone();
        let s = s.reduce(Action::Delete {
            id: current,
            deleted: deleted.clone(),
            next: Some(next),
        });
        assert_eq!(s.entries.len(), 1);
        assert_eq!(s.current, first);
        assert_eq!(*s.assessment, first_saved);
        let s = s.reduce(Action::UndoDelete);
        assert_eq!(s.entries.len(), 2);
        assert_eq!(s.entries[1].name, "Second");
        assert_eq!(*s.assessment, deleted);
        assert!(
            s.has_unsaved_changes(),
            "the restored assessment is saved again"
        );
    }

    #[test]
    fn a_save_stamps_the_entry_without_asking_for_another_save() {
        let s = Rc::new(AppState::new("t".into()));
        let id = s.current.clone();
        let r = s.clone().reduce(Action::Stamped { id, at: 1234.0 });
        assert_eq!(r.entries[0].updated, 1234.0);
        assert_eq!((r.rev, r.index_rev), (s.rev, s.index_rev));
        let unknown = r.reduce(Action::Stamped {
            id: "nope".into(),
            at: 9.0,
        });
        assert_eq!(unknown.entries[0].updated, 1234.0);
    }

    #[test]
    fn reset_starts_again_with_one_empty_assessment_under_a_fresh_id() {
        let s = apply(
            AppState::new("t".into()),
            vec![
                Action::SetMaturity(id("5.2"), Some(4)),
                Action::New {
                    name: "Second".into(),
                    framework: Framework::NistAiRmf,
                },
                Action::Info("old".into()),
            ],
        );
        let before: Vec<String> = s.entries.iter().map(|e| e.id.clone()).collect();
        let r = s.clone().reduce(Action::Reset);
        assert_eq!(r.entries.len(), 1);
        assert!(!before.contains(&r.current), "{} reused", r.current);
        assert_eq!(r.entries[0].id, r.current);
        assert_eq!(*r.assessment, Assessment::new(Framework::Iso42001));
        assert!(r.has_unsaved_changes() && r.index_rev > s.index_rev);
        assert!(r.deleted.is_none() && r.changed.is_empty());
        assert_eq!(r.notices.len(), 1, "old notices go, one says what happened");
    }

    #[test]
    fn deleting_the_last_assessment_leaves_an_empty_one() {
        let s = Rc::new(AppState::new("t".into()));
        let current = s.current.clone();
        let s = s.reduce(Action::Delete {
            id: current,
            deleted: Assessment::default(),
            next: None,
        });
        assert_eq!(s.entries.len(), 1);
        assert!(s.assessment.iso_answers().unwrap().is_empty());
        assert!(s.deleted.is_some());
    }

    #[test]
    fn a_training_case_starts_as_a_separate_marked_assessment() {
        let s = apply(
            AppState::new("t".into()),
            vec![Action::SetMaturity(id("5.2"), Some(4))],
        );
        let own = s.current.clone();
        let mut start = Assessment::default();
        start.organisation.name = Some("Riverside General Hospital".into());
        let case = CaseRef {
            id: "hospital-triage".into(),
            hide_model: true,
            pass_mark: None,
        };
        let s = s.reduce(Action::StartCase {
            case: case.clone(),
            name: "Training: Riverside".into(),
            assessment: start.clone(),
        });
        assert_eq!(s.entries.len(), 2);
        assert_ne!(s.current, own);
        assert_eq!(s.current_entry().unwrap().case.as_ref(), Some(&case));
        assert_eq!(
            s.entries[0].case, None,
            "the user's own assessment is not marked"
        );
        assert_eq!(*s.assessment, start);
        assert!(s.has_unsaved_changes(), "the new assessment is saved");
        // A copy of it is a training assessment too; a new assessment is the user's own.
        let current = s.current.clone();
        let s = s.reduce(Action::Duplicate {
            id: current,
            assessment: start,
        });
        assert_eq!(s.current_entry().unwrap().case.as_ref(), Some(&case));
        let s = s.reduce(Action::New {
            name: "Mine".into(),
            framework: Framework::Iso42001,
        });
        assert_eq!(s.current_entry().unwrap().case, None);
    }

    /// A quick-scan answer rates its items as `SetMaturity` does: an inferred maturity becomes
    /// the organisation's own.
    #[test]
    fn a_quick_scan_answer_clears_inferred_as_set_maturity_does() {
        use aims_engine::catalog::QuestionKind;
        let (i, items) = Question::all()
            .iter()
            .enumerate()
            .find_map(|(i, q)| match q.kind {
                QuestionKind::Maturity(items) if items.len() > 1 => Some((i, items)),
                _ => None,
            })
            .unwrap();
        let mut a = Assessment::default();
        if let Answers::Iso42001(m) = &mut a.answers {
            for &item in items {
                m.insert(
                    item,
                    Answer {
                        inferred: true,
                        ..Answer::rated(1)
                    },
                );
            }
        }
        let s = apply(AppState::new("t".into()), vec![Action::Replace(a)]);
        let s = s.reduce(Action::QuickScan(
            i,
            Some(aims_engine::quick_scan::Choice::Level(3)),
        ));
        let s = s.reduce(Action::SetMaturity(items[0], Some(2)));
        let Answers::Iso42001(m) = &s.assessment.answers else {
            panic!("ISO answers")
        };
        for item in items {
            assert!(!m[item].inferred, "{item}");
        }
        assert_eq!(m[&items[0]].maturity, Some(2));
        assert_eq!(m[&items[items.len() - 1]].maturity, Some(3));
    }

    #[test]
    fn an_assessment_added_as_new_is_opened_saved_and_announced_in_one_step() {
        let s = apply(
            AppState::new("t".into()),
            vec![Action::SetMaturity(id("5.2"), Some(4))],
        );
        let own = (s.current.clone(), s.assessment.clone());
        let mut imported = Assessment::default();
        imported.organisation.name = Some("Shared Ltd".into());
        let s = s.reduce(Action::AddAsNew {
            name: "Shared Ltd".into(),
            assessment: imported.clone(),
            notice: "Opened the shared assessment.".into(),
        });
        assert_eq!(s.entries.len(), 2);
        assert_ne!(s.current, own.0);
        assert_eq!(s.current_entry().unwrap().name, "Shared Ltd");
        assert_eq!(s.current_entry().unwrap().case, None);
        assert_eq!(*s.assessment, imported);
        assert!(s.has_unsaved_changes(), "the new assessment is saved");
        assert!(s
            .notices
            .iter()
            .any(|n| matches!(n, Notice::Info(m) if m == "Opened the shared assessment.")));
    }

    #[test]
    fn entries_added_by_another_tab_join_the_list_once() {
        let s = Rc::new(AppState::new("t".into()));
        let other = Entry {
            id: "o-1".into(),
            name: "From the other tab".into(),
            updated: 5.0,
            named: 0,
            ..s.entries[0].clone()
        };
        let s2 = s.clone().reduce(Action::OtherTabEntries(vec![
            other.clone(),
            s.entries[0].clone(),
        ]));
        assert_eq!(s2.entries.len(), 2);
        assert_eq!(s2.entries[1].name, "From the other tab");
        let s3 = s2.clone().reduce(Action::OtherTabEntries(vec![other]));
        assert!(Rc::ptr_eq(&s2, &s3), "nothing new: no re-render");
    }
    #[test]
    fn a_rename_counts_and_a_later_rename_from_another_tab_is_taken() {
        let s = Rc::new(AppState::new("t".into()));
        let id = s.entries[0].id.clone();
        let s = s.reduce(Action::Rename {
            id: id.clone(),
            name: " Here ".into(),
        });
        assert_eq!(
            (s.entries[0].name.as_str(), s.entries[0].named),
            ("Here", 1)
        );
        let same = s.clone().reduce(Action::Rename {
            id: id.clone(),
            name: "Here".into(),
        });
        assert_eq!(same.entries[0].named, 1, "the same name again is no rename");
        let theirs = Entry {
            name: "There".into(),
            named: 2,
            ..s.entries[0].clone()
        };
        let s2 = s
            .clone()
            .reduce(Action::RenamedElsewhere(vec![theirs.clone()]));
        assert_eq!(
            (s2.entries[0].name.as_str(), s2.entries[0].named),
            ("There", 2)
        );
        assert_eq!(
            s2.index_rev, s.index_rev,
            "following a rename saves nothing"
        );
        let s3 = s2
            .clone()
            .reduce(Action::RenamedElsewhere(vec![Entry { named: 1, ..theirs }]));
        assert!(Rc::ptr_eq(&s2, &s3), "an older name is not taken");
    }
    #[test]
    fn nearly_full_storage_is_told_once_with_what_to_do() {
        let s = Rc::new(AppState::new("t".into()));
        let s = s.reduce(Action::StorageNearlyFull(4_100_000));
        assert!(s.storage_warned);
        let Some(Notice::Info(m)) = s.notices.last() else {
            panic!("no notice")
        };
        assert!(
            m.contains("about 82%") && m.contains("Export everything"),
            "{m}"
        );
        let again = s.clone().reduce(Action::StorageNearlyFull(4_200_000));
        assert!(Rc::ptr_eq(&s, &again), "told once");
    }
}

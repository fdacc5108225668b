//! The app's state and its transitions: a plain [`Reducible`], apart from the components.
//!
//! The state holds the open assessment (shared by `Rc`, so derived reports can be memoised on
//! it), the list of saved assessments, a revision counter for saving, and what the user must be
//! told (notices about storage, a conflict with another tab, an undoable delete). Storage side
//! effects happen outside the reducer (see `persist.rs`); the reducer only records what was
//! saved and what went wrong.

use crate::storage::{CaseRef, Entry, Problem, SaveError, Saved};
use aims_engine::assessment::{Answer, Answers, Assessment, Framework};
use aims_engine::catalog::{AiRole, IsoId, Question, SubcategoryId};
use aims_engine::quick_scan::Choice;
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

/// Another tab saved the open assessment while this tab had unsaved changes.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub theirs: Saved,
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
    pub conflict: Option<Conflict>,
    pub deleted: Option<Deleted>,
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
    Saved {
        rev: u64,
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
    /// Another tab saved the open assessment.
    External(Saved),
    /// Keep this tab's version after a conflict (it is saved over theirs).
    KeepMine,
    /// Take the other tab's version after a conflict.
    TakeTheirs,
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
                case: None,
            }],
            current,
            assessment: Rc::new(Assessment::new(Framework::Iso42001)),
            rev: 0,
            saved_rev: 0,
            index_rev: 1,
            notices: Vec::new(),
            conflict: None,
            deleted: None,
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

    fn open(&mut self, id: String, assessment: Assessment, rev: u64) {
        self.current = id;
        self.assessment = Rc::new(assessment);
        self.rev = rev;
        self.saved_rev = rev;
        self.conflict = None;
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
        let mut s = (*self).clone();
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
            Action::QuickScan(i, choice) => {
                if let Some(q) = Question::all().get(i) {
                    aims_engine::quick_scan::answer(Rc::make_mut(&mut s.assessment), q, choice);
                    s.touch();
                }
            }
            Action::SetReason(id, r) => s.edit_iso(id, |a| a.reason = clean(r)),
            Action::Exclude(id, justification) => s.edit_iso(id, |a| {
                a.applicable = false;
                a.justification = clean(justification);
            }),
            Action::SetRoles(roles) => {
                Rc::make_mut(&mut s.assessment).profile.roles = roles;
                s.touch();
            }
            Action::SetOrganisationName(n) => {
                Rc::make_mut(&mut s.assessment).organisation.name = clean(n.clone());
                if let Some(e) = s.entries.iter_mut().find(|e| e.id == s.current) {
                    if !n.trim().is_empty() {
                        e.name = n.trim().to_string();
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
            Action::New { name, framework } => {
                let id = s.fresh_id();
                s.entries.push(Entry {
                    id: id.clone(),
                    name,
                    updated: 0.0,
                    case: None,
                });
                s.open(id, Assessment::new(framework), 0);
                s.rev = 1; // save it, so it exists in storage
            }
            Action::StartCase {
                case,
                name,
                assessment,
            } => {
                let id = s.fresh_id();
                s.entries.push(Entry {
                    id: id.clone(),
                    name,
                    updated: 0.0,
                    case: Some(case),
                });
                s.open(id, assessment, 0);
                s.rev = 1; // save it, so it exists in storage
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
                    if !name.is_empty() {
                        e.name = name;
                        s.index_rev += 1;
                    }
                }
            }
            Action::Duplicate { id, assessment } => {
                if let Some(e) = s.entries.iter().find(|e| e.id == id).cloned() {
                    let new_id = s.fresh_id();
                    s.entries.push(Entry {
                        id: new_id.clone(),
                        name: format!("{} (copy)", e.name),
                        updated: 0.0,
                        // A copy of a training assessment is still one.
                        case: e.case,
                    });
                    s.open(new_id, assessment, 0);
                    s.rev = 1;
                }
            }
            Action::Delete { id, deleted, next } => {
                if let Some(pos) = s.entries.iter().position(|e| e.id == id) {
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
                s = fresh;
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
                    return self;
                }
            }
            Action::Stamped { id, at } => {
                if let Some(e) = s.entries.iter_mut().find(|e| e.id == id) {
                    e.updated = at;
                }
            }
            Action::Saved { rev } => {
                s.saved_rev = s.saved_rev.max(rev);
                s.notices.retain(|n| !matches!(n, Notice::NotSaved(_)));
            }
            Action::SaveFailed(e) => {
                if !s.notices.iter().any(|n| n == &Notice::NotSaved(e.clone())) {
                    s.notices.retain(|n| !matches!(n, Notice::NotSaved(_)));
                    s.notices.push(Notice::NotSaved(e));
                }
            }
            Action::Problem(p) => s.notices.push(Notice::Unreadable(p)),
            Action::External(theirs) => {
                if theirs.writer == s.tab || theirs.assessment == *s.assessment {
                    return self;
                }
                if s.has_unsaved_changes() {
                    s.conflict = Some(Conflict { theirs });
                } else {
                    s.assessment = Rc::new(theirs.assessment);
                    s.rev = theirs.rev;
                    s.saved_rev = theirs.rev;
                    s.notices.push(Notice::Info("This assessment was changed in another tab; its answers are now shown here.".into()));
                }
            }
            Action::KeepMine => {
                if let Some(c) = s.conflict.take() {
                    // Save over theirs with a revision above both.
                    s.rev = s.rev.max(c.theirs.rev) + 1;
                }
            }
            Action::TakeTheirs => {
                if let Some(c) = s.conflict.take() {
                    s.assessment = Rc::new(c.theirs.assessment);
                    s.rev = c.theirs.rev;
                    s.saved_rev = c.theirs.rev;
                }
            }
            Action::Dismiss(i) => {
                if i < s.notices.len() {
                    s.notices.remove(i);
                }
            }
            Action::Info(m) => s.notices.push(Notice::Info(m)),
        }
        Rc::new(s)
    }
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
        let s2 = s1.reduce(Action::Saved { rev: 1 });
        assert!(!s2.has_unsaved_changes());
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

    #[test]
    fn another_tabs_change_is_taken_when_clean_and_flagged_when_dirty() {
        let mut theirs = Assessment::default();
        theirs.organisation.name = Some("Other tab".into());
        let saved = Saved {
            assessment: theirs.clone(),
            rev: 5,
            writer: "other".into(),
        };
        let clean = Rc::new(AppState::new("t".into())).reduce(Action::External(saved.clone()));
        assert_eq!(*clean.assessment, theirs);
        assert!(clean.conflict.is_none());

        let dirty = apply(
            AppState::new("t".into()),
            vec![Action::SetMaturity(id("6.1.2"), Some(1))],
        );
        let flagged = dirty.reduce(Action::External(saved.clone()));
        assert!(flagged.conflict.is_some());
        assert_eq!(
            flagged.assessment.iso_answers().unwrap().len(),
            1,
            "our answers are kept"
        );
        let kept = flagged.clone().reduce(Action::KeepMine);
        assert!(kept.rev > 5 && kept.has_unsaved_changes());
        let taken = flagged.reduce(Action::TakeTheirs);
        assert_eq!(*taken.assessment, theirs);
        assert!(!taken.has_unsaved_changes());
    }

    #[test]
    fn our_own_write_echoed_back_is_ignored() {
        let s = apply(
            AppState::new("t".into()),
            vec![Action::SetMaturity(id("4.1"), Some(3))],
        );
        let echo = Saved {
            assessment: Assessment::default(),
            rev: 9,
            writer: "t".into(),
        };
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
        let next = Saved {
            assessment: first_saved.clone(),
            rev: 4,
            writer: "t".into(),
        };
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
        assert!(r.deleted.is_none() && r.conflict.is_none());
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

    #[test]
    fn entries_added_by_another_tab_join_the_list_once() {
        let s = Rc::new(AppState::new("t".into()));
        let other = Entry {
            id: "o-1".into(),
            name: "From the other tab".into(),
            updated: 5.0,
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
}

//! Where the widget keeps its answers: one key per widget, `{namespace}:v2:quick-scan`, holding
//! the engine's [`Record`] as text (`aims_engine::quick_scan::Record`: a line per answered
//! question), with the same guarantees as the app's storage (`crate::storage`):
//!
//! - a value that cannot be read is never overwritten silently: it is copied to
//!   `{key}:backup:{ms}` first and the widget says so, naming what is wrong; if even the copy
//!   cannot be written, the key is left untouched and nothing is saved to it;
//! - a full or blocked storage is reported, and the widget goes on in memory;
//! - each answer is written over what is stored *now* (read again just before), so answers
//!   given in another tab or another widget with the same key are merged, never overwritten;
//! - answers saved by an earlier widget (a whole assessment under `{namespace}:v1:…`) are
//!   carried over once, when the new key is absent, and the old keys are left as they were.

use crate::storage::{Backend, SaveError};
use aims_engine::quick_scan::{Choice, Legacy, Record};

/// What loading found.
#[derive(Debug, PartialEq)]
pub enum Loaded {
    /// Nothing saved yet (and nothing from an earlier widget).
    Fresh,
    /// The saved answers.
    Saved(Record),
    /// Answers an earlier widget saved, carried over (and saved under the new key when possible).
    CarriedOver(Record),
    /// The saved value could not be read: why, and whether it was copied aside (`false`: it is
    /// left untouched, and nothing will be saved over it).
    Unreadable { reason: String, backed_up: bool },
}

/// The widget's storage for one namespace.
pub struct Store<B: Backend> {
    backend: B,
    key: String,
    namespace: String,
    /// The saved value could not be read nor copied aside: never written.
    protected: bool,
}

impl<B: Backend> Store<B> {
    pub fn new(backend: B, namespace: &str) -> Store<B> {
        Store {
            backend,
            key: crate::storage::quick_scan_key(namespace),
            namespace: namespace.to_string(),
            protected: false,
        }
    }

    /// The key the answers live under.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// Reads the saved answers. `legacy` reads what an earlier widget saved under the
    /// namespace (its index and current assessment, through the backend), if anything.
    pub fn load(
        &mut self,
        now_ms: f64,
        legacy: impl FnOnce(&B, &str) -> Option<Legacy>,
    ) -> Result<Loaded, SaveError> {
        match self.backend.get(&self.key)? {
            Some(raw) => match Record::from_text(&raw) {
                Ok(r) => Ok(Loaded::Saved(r)),
                Err(e) => {
                    let backed_up = self.set_aside(&raw, now_ms);
                    Ok(Loaded::Unreadable {
                        reason: e.to_string(),
                        backed_up,
                    })
                }
            },
            None => match legacy(&self.backend, &self.namespace) {
                Some(old) => {
                    let r = Record::from_legacy(&old);
                    // Saved under the new key at once; if that fails, the next answer tries
                    // again, and the old keys still hold the answers meanwhile.
                    let _ = self.backend.set(&self.key, &r.to_text());
                    Ok(Loaded::CarriedOver(r))
                }
                None => Ok(Loaded::Fresh),
            },
        }
    }

    /// Copies an unreadable value aside; `false` (and the key protected) when that fails.
    fn set_aside(&mut self, raw: &str, now_ms: f64) -> bool {
        let backup = format!("{}:backup:{}", self.key, now_ms as u64);
        let ok = self.backend.set(&backup, raw).is_ok();
        self.protected = !ok;
        ok
    }

    /// Saves one answer over what is stored now (another tab's answers to other questions are
    /// kept) and returns the record as saved, which the widget then shows; on an error the
    /// answer is still applied to `shown`, which the widget keeps in memory.
    pub fn answer(
        &mut self,
        shown: &Record,
        question: usize,
        choice: Option<Choice>,
        now_ms: f64,
    ) -> (Record, Result<(), SaveError>) {
        let mut mine = shown.clone();
        mine.set(question, choice);
        if self.protected {
            return (mine, Err(SaveError::Protected(self.key.clone())));
        }
        let mut base = match self.backend.get(&self.key) {
            Ok(Some(raw)) => match Record::from_text(&raw) {
                Ok(r) => r,
                Err(_) => {
                    // Written unreadable since we loaded (by hand, or a newer version): kept.
                    if !self.set_aside(&raw, now_ms) {
                        return (mine, Err(SaveError::Protected(self.key.clone())));
                    }
                    shown.clone()
                }
            },
            Ok(None) => shown.clone(),
            Err(e) => return (mine, Err(e)),
        };
        base.set(question, choice);
        let saved = self.backend.set(&self.key, &base.to_text());
        match saved {
            Ok(()) => (base, Ok(())),
            Err(e) => (mine, Err(e)),
        }
    }

    /// The answers as another tab just saved them (`new_value` of a `storage` event for our
    /// key); `None` when they cannot be read (the next answer deals with that).
    pub fn changed_elsewhere(new_value: Option<&str>) -> Option<Record> {
        match new_value {
            Some(text) => Record::from_text(text).ok(),
            // Cleared in another tab (the host's own "reset"): an empty scan.
            None => Some(Record::default()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::Memory;
    use std::rc::Rc;

    impl Backend for Rc<Memory> {
        fn get(&self, key: &str) -> Result<Option<String>, SaveError> {
            self.as_ref().get(key)
        }
        fn set(&self, key: &str, value: &str) -> Result<(), SaveError> {
            self.as_ref().set(key, value)
        }
        fn remove(&self, key: &str) {
            self.as_ref().remove(key)
        }
        fn keys(&self) -> Vec<String> {
            self.as_ref().keys()
        }
    }

    const NS: &str = "aims-readiness-embed:course";
    const KEY: &str = "aims-readiness-embed:course:v2:quick-scan";

    fn none(_: &Rc<Memory>, _: &str) -> Option<Legacy> {
        None
    }

    #[test]
    fn answers_are_saved_read_back_and_merged_with_another_tab_s() {
        let mem = Rc::new(Memory::default());
        let mut a = Store::new(mem.clone(), NS);
        let mut b = Store::new(mem.clone(), NS);
        assert_eq!(a.load(1.0, none), Ok(Loaded::Fresh));
        assert_eq!(b.load(1.0, none), Ok(Loaded::Fresh));
        let (shown_a, ok) = a.answer(&Record::default(), 0, Some(Choice::Option(1)), 2.0);
        assert_eq!(ok, Ok(()));
        // Tab b has not seen a's answer; its own answer keeps it.
        let (shown_b, ok) = b.answer(&Record::default(), 1, Some(Choice::Option(0)), 3.0);
        assert_eq!(ok, Ok(()));
        assert_eq!(shown_b.get(0), Some(Choice::Option(1)));
        assert_eq!(shown_b.get(1), Some(Choice::Option(0)));
        assert_eq!(shown_a.get(1), None);
        let mut c = Store::new(mem.clone(), NS);
        assert_eq!(c.load(4.0, none), Ok(Loaded::Saved(shown_b.clone())));
        // "Not sure" clears an answer.
        let (cleared, _) = c.answer(&shown_b, 0, None, 5.0);
        assert_eq!(cleared.get(0), None);
        assert_eq!(
            Store::<Rc<Memory>>::changed_elsewhere(mem.get(KEY).unwrap().as_deref()),
            Some(cleared)
        );
    }

    #[test]
    fn an_unreadable_value_is_copied_aside_and_named_never_overwritten_silently() {
        let mem = Rc::new(Memory::default());
        mem.set(KEY, "{\"not\": \"a record\"}").unwrap();
        let mut s = Store::new(mem.clone(), NS);
        match s.load(42.0, none).unwrap() {
            Loaded::Unreadable { reason, backed_up } => {
                assert!(backed_up);
                assert!(reason.contains("not a saved quick scan"), "{reason}");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            mem.get(&format!("{KEY}:backup:42")).unwrap().as_deref(),
            Some("{\"not\": \"a record\"}")
        );
        let (_, ok) = s.answer(&Record::default(), 0, Some(Choice::Option(0)), 43.0);
        assert_eq!(ok, Ok(()));
        assert!(Record::from_text(&mem.get(KEY).unwrap().unwrap()).is_ok());
    }

    #[test]
    fn when_the_copy_cannot_be_written_the_value_is_left_untouched() {
        let raw = "aims-quick-scan 9\nsomething newer";
        let mem = Rc::new(Memory {
            quota: Some((KEY.len() + raw.len()) * 2),
            ..Memory::default()
        });
        mem.set(KEY, raw).unwrap();
        let mut s = Store::new(mem.clone(), NS);
        match s.load(1.0, none).unwrap() {
            Loaded::Unreadable { reason, backed_up } => {
                assert!(!backed_up);
                assert!(reason.contains("newer version"), "{reason}");
            }
            other => panic!("{other:?}"),
        }
        let (shown, ok) = s.answer(&Record::default(), 0, Some(Choice::Option(0)), 2.0);
        assert_eq!(ok, Err(SaveError::Protected(KEY.to_string())));
        assert_eq!(shown.get(0), Some(Choice::Option(0)), "kept in memory");
        assert_eq!(mem.get(KEY).unwrap().as_deref(), Some(raw));
    }

    #[test]
    fn a_full_storage_is_reported_and_the_answer_kept_in_memory() {
        let mem = Rc::new(Memory {
            quota: Some(10),
            ..Memory::default()
        });
        let mut s = Store::new(mem.clone(), NS);
        assert_eq!(s.load(1.0, none), Ok(Loaded::Fresh));
        let (shown, ok) = s.answer(&Record::default(), 0, Some(Choice::Option(2)), 2.0);
        assert_eq!(ok, Err(SaveError::Full));
        assert_eq!(shown.get(0), Some(Choice::Option(2)));
    }

    #[test]
    fn answers_of_an_earlier_widget_are_carried_over_once_and_their_keys_left_alone() {
        let mem = Rc::new(Memory::default());
        mem.set(&format!("{NS}:v1:index"), "old index").unwrap();
        let mut s = Store::new(mem.clone(), NS);
        let loaded = s
            .load(1.0, |b, ns| {
                assert_eq!(ns, NS);
                assert_eq!(
                    b.get(&format!("{ns}:v1:index")).unwrap().as_deref(),
                    Some("old index")
                );
                Some(Legacy {
                    roles: vec!["ai_customer".into()],
                    ..Legacy::default()
                })
            })
            .unwrap();
        let Loaded::CarriedOver(r) = loaded else {
            panic!("{loaded:?}")
        };
        assert_eq!(r.get(0), Some(Choice::Option(1)));
        assert_eq!(mem.get(KEY).unwrap(), Some(r.to_text()));
        assert_eq!(
            mem.get(&format!("{NS}:v1:index")).unwrap().as_deref(),
            Some("old index")
        );
        // The second load reads the new key; the legacy reader is not asked again.
        let mut again = Store::new(mem.clone(), NS);
        assert_eq!(
            again.load(2.0, |_, _| panic!("asked again")),
            Ok(Loaded::Saved(r))
        );
    }
}

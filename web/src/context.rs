//! What every page gets: the state handle and the store; and what the pages of the full app
//! get besides: the reports derived from the open assessment, memoised so that one answer
//! change recomputes each of them once. The readiness report is a context of its own
//! ([`ReportProvider`], [`use_report`]) that only the full app provides, so that the quick-scan
//! build (which shows the engine's smaller [`aims_engine::quick_scan::Summary`]) does not link
//! the scoring of the Statement of Applicability, the roadmap and the rest.

use crate::roi_inputs::{roi_likely_case, RoiResult};
use crate::state::{Action, AppState};
use crate::storage::{Saved, Store};
use aims_engine::assessment::Assessment;
use aims_engine::crosswalk::{self, Forward, Matrix, Reverse};
use aims_engine::scoring::Report;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Clone)]
pub struct Ctx {
    pub state: UseReducerHandle<AppState>,
    pub store: Rc<Store>,
}

impl PartialEq for Ctx {
    fn eq(&self, other: &Self) -> bool {
        self.state == other.state
    }
}

impl Ctx {
    pub fn dispatch(&self, action: Action) {
        self.state.dispatch(action);
    }

    /// A callback that dispatches the action built from its argument.
    pub fn callback<T: 'static>(&self, f: impl Fn(T) -> Action + 'static) -> Callback<T> {
        let state = self.state.clone();
        Callback::from(move |x| state.dispatch(f(x)))
    }

    fn load(&self, id: &str) -> Option<Saved> {
        match self.store.load_assessment(id, crate::persist::now_ms()) {
            Ok(Ok(saved)) => saved,
            Ok(Err(problem)) => {
                self.dispatch(Action::Problem(problem));
                None
            }
            Err(e) => {
                self.dispatch(Action::SaveFailed(e));
                None
            }
        }
    }

    /// Saves the open assessment now if it has unsaved changes: called before switching to
    /// another one, since the debounced save would otherwise write the new one only.
    pub fn save_now(&self) {
        if self.state.has_unsaved_changes() {
            let state = self.state.clone();
            let dispatch = Callback::from(move |a| state.dispatch(a));
            crate::persist::flush(&self.store, &self.state, &dispatch);
        }
    }

    /// Opens a saved assessment; this tab's unsaved changes to the open one are saved first.
    pub fn open(&self, id: &str) {
        if id == self.state.current {
            return;
        }
        self.save_now();
        let saved = self.load(id);
        self.dispatch(Action::Open {
            id: id.to_string(),
            saved,
        });
    }

    /// Deletes a saved assessment; it can be restored with [`Action::UndoDelete`].
    pub fn delete(&self, id: &str) {
        let deleted = if id == self.state.current {
            (*self.state.assessment).clone()
        } else {
            self.load(id).map(|s| s.assessment).unwrap_or_default()
        };
        let next = if id == self.state.current {
            self.state
                .entries
                .iter()
                .find(|e| e.id != id)
                .and_then(|e| self.load(&e.id))
        } else {
            None
        };
        self.dispatch(Action::Delete {
            id: id.to_string(),
            deleted,
            next,
        });
    }

    /// Copies a saved assessment and opens the copy.
    pub fn duplicate(&self, id: &str) {
        self.save_now();
        let assessment = if id == self.state.current {
            Some((*self.state.assessment).clone())
        } else {
            self.load(id).map(|s| s.assessment)
        };
        if let Some(assessment) = assessment {
            self.dispatch(Action::Duplicate {
                id: id.to_string(),
                assessment,
            });
        }
    }
}

/// The context of the page being rendered.
#[hook]
pub fn use_ctx() -> Ctx {
    // The provider wraps every page; a missing one is a programming error caught by the tests.
    use_context::<Ctx>().expect("pages render inside the app's context provider")
}

/// The readiness report of the open assessment, as [`ReportProvider`] provides it.
#[derive(Clone)]
struct ReportCtx(Rc<Report>);

impl PartialEq for ReportCtx {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Properties, PartialEq)]
pub struct ReportProviderProps {
    pub children: Html,
}

/// Provides the readiness report of the open assessment to the pages of the full app,
/// recomputed once per change of the open assessment (its revision or a switch).
#[function_component(ReportProvider)]
pub fn report_provider(props: &ReportProviderProps) -> Html {
    let ctx = use_ctx();
    let assessment = ctx.state.assessment.clone();
    let report = use_memo((ctx.state.current.clone(), ctx.state.rev), move |_| {
        aims_engine::readiness::score(&assessment)
    });
    html! {
        <ContextProvider<ReportCtx> context={ReportCtx(report)}>
            { props.children.clone() }
        </ContextProvider<ReportCtx>>
    }
}

/// The readiness report of the open assessment (pages of the full app only).
#[hook]
pub fn use_report() -> Rc<Report> {
    // The full app wraps every page in the provider; a missing one is a programming error
    // caught by the tests.
    use_context::<ReportCtx>()
        .expect("pages of the full app render inside the report provider")
        .0
}

/// The crosswalk of the open assessment, in the direction its framework allows, and its heat
/// map.
pub struct Crosswalk {
    pub direction: Direction,
    pub matrix: Matrix,
}

pub enum Direction {
    /// ISO/IEC 42001 answers read as NIST AI RMF coverage.
    Forward(Forward),
    /// NIST AI RMF answers read as inferred ISO/IEC 42001 items (boxed: it carries a report).
    Reverse(Box<Reverse>),
}

impl Crosswalk {
    pub fn of(a: &Assessment) -> Crosswalk {
        let direction = match crosswalk::forward(a) {
            Ok(f) => Direction::Forward(f),
            // Not ISO/IEC 42001, so NIST AI RMF: the reverse direction.
            Err(_) => Direction::Reverse(Box::new(crosswalk::infer_iso(
                a.nist_answers().unwrap_or(&Default::default()),
                &a.organisation,
                a.planning.as_ref(),
            ))),
        };
        Crosswalk {
            direction,
            matrix: crosswalk::matrix(a),
        }
    }
}

/// The crosswalk of the open assessment, recomputed only when it changes (its id or revision).
#[hook]
pub fn use_crosswalk() -> Rc<Crosswalk> {
    let ctx = use_ctx();
    let assessment = ctx.state.assessment.clone();
    use_memo((ctx.state.current.clone(), ctx.state.rev), move |_| {
        Crosswalk::of(&assessment)
    })
}

/// The ROI likely case of the open assessment (the ROI page's saved inputs, or the defaults), as
/// the report shows it; recomputed only when the open assessment changes (its id or revision).
/// A hook, not a field of [`Ctx`]: the Monte Carlo run costs milliseconds, so only a page that
/// shows it runs it, and that page reads the ROI page's latest saved inputs when it opens.
#[hook]
pub(crate) fn use_roi_likely_case() -> Rc<RoiResult> {
    let ctx = use_ctx();
    let assessment = ctx.state.assessment.clone();
    let store = ctx.store.clone();
    use_memo(
        (ctx.state.current.clone(), ctx.state.rev),
        move |(id, _)| roi_likely_case(&store, id, &assessment, crate::persist::now_ms()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use aims_engine::assessment::Framework;

    #[test]
    fn each_framework_gets_its_direction_with_all_rows() {
        let iso = Crosswalk::of(&Assessment::new(Framework::Iso42001));
        assert_eq!(iso.matrix.functions.len(), 4);
        assert_eq!(iso.matrix.sections.len(), 16);
        match iso.direction {
            Direction::Forward(f) => assert_eq!(f.subcategories.len(), 72),
            Direction::Reverse(_) => panic!("an ISO/IEC 42001 assessment reads forward"),
        }
        match Crosswalk::of(&Assessment::new(Framework::NistAiRmf)).direction {
            Direction::Reverse(r) => {
                assert_eq!(r.items.len(), 70);
                assert_eq!(r.assess_directly.len(), 18);
            }
            Direction::Forward(_) => panic!("a NIST AI RMF assessment reads in reverse"),
        }
    }
}

//! Links to the training cases and the case the open assessment answers: `#/training/<case-id>`
//! with the instructor's marks (`hide-model=1`, `pass-mark=N`). Shared by the training page and
//! the training banner.

use crate::context::Ctx;
use crate::storage::CaseRef;

/// The query parameter of an instructor's link that hides the model answer.
pub const HIDE_MODEL: &str = "hide-model";
/// The query parameter of an instructor's link that sets the pass mark (0-100).
pub const PASS_MARK: &str = "pass-mark";

/// What a `#/training…` hash asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrainingHash {
    /// The case id after `#/training/`, as written (checked by `training::case`).
    pub case: Option<String>,
    /// `?hide-model=1` (also `true`, `yes` or no value).
    pub hide_model: bool,
    /// `?pass-mark=80`: the instructor's pass mark, a whole number 0-100 (anything else is
    /// ignored and the default applies).
    pub pass_mark: Option<u8>,
}

/// Reads `#/training`, `#/training/<case-id>` and `#/training/<case-id>?hide-model=1`.
pub fn read_hash(hash: &str) -> TrainingHash {
    let h = hash.trim_start_matches('#').trim_start_matches('/');
    let (path, query) = h.split_once('?').unwrap_or((h, ""));
    let case = path
        .strip_prefix("training/")
        .map(|rest| rest.trim_matches('/'))
        .filter(|rest| !rest.is_empty())
        .map(str::to_string);
    let hide_model = query.split('&').any(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        key == HIDE_MODEL && matches!(value, "" | "1" | "true" | "yes")
    });
    let pass_mark = query.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=')?;
        (key == PASS_MARK)
            .then(|| value.parse::<u8>().ok().filter(|m| *m <= 100))
            .flatten()
    });
    TrainingHash {
        case,
        hide_model,
        pass_mark,
    }
}

/// The hash of a case's page, with the instructor's mark when the model answer is hidden.
pub fn case_hash(id: &str, hide_model: bool) -> String {
    if hide_model {
        format!("#/training/{id}?{HIDE_MODEL}=1")
    } else {
        format!("#/training/{id}")
    }
}

/// The training case the open assessment answers, if it is one.
pub fn open_case(ctx: &Ctx) -> Option<CaseRef> {
    ctx.state.current_entry().and_then(|e| e.case.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_case_and_the_instructor_mark_from_the_hash() {
        for (hash, case, hide) in [
            ("#/training", None, false),
            ("#/training/", None, false),
            ("#/training?hide-model=1", None, true),
            ("#/training/hospital-triage", Some("hospital-triage"), false),
            (
                "#/training/hospital-triage/",
                Some("hospital-triage"),
                false,
            ),
            (
                "#/training/hospital-triage?hide-model=1",
                Some("hospital-triage"),
                true,
            ),
            ("#/training/x?a=2&hide-model", Some("x"), true),
            ("#/training/x?hide-model=0", Some("x"), false),
            ("#/training/x?hide-models=1", Some("x"), false),
        ] {
            let got = read_hash(hash);
            assert_eq!(got.case.as_deref(), case, "{hash}");
            assert_eq!(got.hide_model, hide, "{hash}");
        }
        for (hash, mark) in [
            ("#/training/x?pass-mark=80", Some(80)),
            ("#/training/x?hide-model=1&pass-mark=0", Some(0)),
            ("#/training/x?pass-mark=101", None),
            ("#/training/x?pass-mark=-5", None),
            ("#/training/x?pass-mark=eighty", None),
            ("#/training/x", None),
        ] {
            assert_eq!(read_hash(hash).pass_mark, mark, "{hash}");
        }
    }
}

//! The scoring rules in plain words, for people: what "How is this scored?" shows in the web
//! app and what docs/scoring.md explains at length. Built from the engine's own constants, so
//! that the words cannot drift from the rules (tested below).

use super::findings::{
    AUDIT_LEVEL, COMPLETE_PERCENT, SOA_REQUIREMENT, STAGE1_MAJORS, SYSTEMIC_MINORS,
};
use crate::catalog::{ExclusionLimit, RootCause};

/// The version of the judgement rules. A report saved under an older version is judged anew
/// when opened, and the user is told once, with [`RULES_CHANGED`].
pub const RULES_VERSION: u32 = 2;

/// What changed in version 2 of the rules, and why, for the one-time notice.
pub const RULES_CHANGED: &str = "The readiness rules changed to match what a certification auditor would write, so your results may differ from last time: findings are judged against level 3 whatever your target, a verdict needs at least 90% of the items and every critical one answered, shortfalls with one root cause make one finding, and an exclusion without a justification is a minor against 6.1.3. \u{201c}How is this scored?\u{201d} on the results page explains each rule.";

/// One rule: a short title and its explanation.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Rule {
    pub title: &'static str,
    pub text: String,
}

/// The rules of the readiness report, in the order a reader needs them.
pub fn rules() -> Vec<Rule> {
    let groups: Vec<String> = RootCause::all()
        .iter()
        .map(|g| {
            let ids: Vec<&str> = g.items.iter().map(|i| i.as_str()).collect();
            format!("{} ({})", g.label.to_lowercase(), ids.join(", "))
        })
        .collect();
    let limits: Vec<String> = ExclusionLimit::all()
        .iter()
        .map(|l| format!("{} ({})", l.control, l.required_by))
        .collect();
    vec![
        Rule {
            title: "The audit bar is level 3",
            text: format!(
                "Each item is rated 0-5. A certification audit expects level {AUDIT_LEVEL} (Defined: documented, approved, applied and recorded) on every applicable item, so findings, the Statement of Applicability, the readiness score and the verdict are judged against level {AUDIT_LEVEL}, whatever target you set. Your target is your ambition: it gets its own score and gap list, and a target below {AUDIT_LEVEL} is accepted with a note."
            ),
        },
        Rule {
            title: "Readiness",
            text: format!(
                "Each applicable item you rate earns min(maturity, {AUDIT_LEVEL}) \u{f7} {AUDIT_LEVEL}, weighted by its criticality (low 1, medium 2, high 3, critical 4). Readiness is that weighted share over the items rated so far, shown with how many of the 70 are answered; unrated items and justly excluded controls do not count."
            ),
        },
        Rule {
            title: "Findings",
            text: format!(
                "They follow ISO/IEC 17021-1. Major: maturity 0 (a required element absent) or a critical item at 1 (done ad hoc). Minor: below level {AUDIT_LEVEL}, or an Annex A control excluded without a justification (written against {SOA_REQUIREMENT}, the Statement of Applicability). Observation: a critical item at level {AUDIT_LEVEL} or above with no evidence listed."
            ),
        },
        Rule {
            title: "One root cause, one finding",
            text: format!(
                "An auditor writes one nonconformity per root cause: shortfalls within one of these groups make one finding, written against the first of them, graded at the worst, naming the others: {}. {SYSTEMIC_MINORS} or more minors within one group are a systemic major; one quick-scan answer counts once. Minors under unrelated requirements are never merged.",
                groups.join("; ")
            ),
        },
        Rule {
            title: "Verdict",
            text: format!(
                "Any major: not ready (certification delayed until remediated), however much is still unanswered. Otherwise no verdict until every applicable critical item and at least {COMPLETE_PERCENT}% of the applicable items are assessed: until then the verdict is \u{201c}not enough answers\u{201d}. Then minors only: ready with corrective actions; none: ready. More than {STAGE1_MAJORS} majors: not ready even for a Stage 1 audit."
            ),
        },
        Rule {
            title: "Statement of Applicability",
            text: format!(
                "Every Annex A control is included, with a reason (yours, or the risk our guidance says it treats), or excluded with a justification. A control that a clause requires cannot be excluded: {}. Status is judged against level {AUDIT_LEVEL}. Your role for AI may suggest exclusions; they are proposed, never applied until you accept them.",
                limits.join(", ")
            ),
        },
        Rule {
            title: "Roadmap",
            text: format!(
                "This assessment is the gap assessment, so the plan starts where you are. Effort: for each item below level {AUDIT_LEVEL}, its criticality weight \u{d7} the levels to close, \u{d7} about {:.2} person-days (one full-time person for a year from nothing, for {} employees and {} AI systems), scaled by your size; an ISO/IEC 27001 or ISO 9001 certificate takes {:.0}% off the shared clauses (never the AI-specific ones or Annex A). Months = effort \u{f7} your team's capacity. A gap assessment only while items are unrated, an internal audit and management review only until 9.2 and 9.3 are at {AUDIT_LEVEL}, then Stage 1, Stage 2 and the decision a month apart. Without planning figures, capacity is 2 people at half time.",
                crate::effort::DAYS_PER_WEIGHTED_LEVEL,
                crate::effort::REFERENCE_EMPLOYEES,
                crate::effort::REFERENCE_AI_SYSTEMS,
                crate::effort::HARMONIZED_REUSE * 100.0
            ),
        },
        Rule {
            title: "Gaps",
            text: format!(
                "Items below level {AUDIT_LEVEL}, what blocks certification first: the items of major findings, then of minor ones, each by criticality. Items at level {AUDIT_LEVEL} or above but below a higher target are listed apart, as ambition."
            ),
        },
        Rule {
            title: "Stage 1 checklist",
            text: format!(
                "The {} documents a Stage 1 audit looks for, each from its clauses. An item behind a document is present at level {AUDIT_LEVEL} or above (with evidence listed on a critical item), partial at 1-2 or at {AUDIT_LEVEL}+ on a critical item with no evidence, and missing at 0, unrated or marked not applicable. A document is present when every item behind it is, missing when every item is, and partial otherwise; missing ones are listed first.",
                crate::catalog::Stage1Document::all().len()
            ),
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_carry_the_constants() {
        let all: String = rules().iter().map(|r| r.text.clone()).collect();
        assert!(all.contains(&format!("{COMPLETE_PERCENT}%")));
        assert!(all.contains(&format!("More than {STAGE1_MAJORS} majors")));
        assert!(all.contains("ai policy (5.2, A.2.2, A.2.3, A.2.4)"));
        assert!(all.contains("A.2.2 (5.2)"));
        assert!(all.contains("The 12 documents a Stage 1 audit"));
        assert!(rules()
            .iter()
            .all(|r| !r.title.is_empty() && r.text.ends_with('.')));
    }
}

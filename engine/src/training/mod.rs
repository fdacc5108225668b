//! Training cases: built-in case studies a learner assesses, each with a model answer to check
//! the learner's assessment against (documented in docs/training.md).
//!
//! A [`Case`] holds a briefing (the organisation, its AI systems and what an auditor would find
//! on a visit), the learner's task and a **model answer**: a full assessment file in which
//! every one of the 70 assessable items is rated or justly excluded, and whose `note` (for an
//! exclusion, the `justification`) explains why that level. The texts live in
//! `engine/data/cases/` and are embedded with `include_str!`; a model answer is read through
//! [`Assessment::read`] when asked for, like any file a user gives us, and tests check that
//! every model reads without a diagnostic and scores as its briefing implies.
//!
//! [`compare`] checks a learner's assessment against a model item by item (see [`compare`] for
//! the score). It works on any two assessment files, so `aims compare` grades a class's
//! exported files against a case or against an instructor's own model.

mod compare;

pub use compare::{
    compare, compare_with_pass_mark, Agreement, CompareError, Comparison, ItemComparison,
    ItemFinding, Rating, Side, DEFAULT_PASS_MARK,
};

use crate::assessment::{Answers, Assessment};
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};
use std::fmt;

/// One case study.
#[derive(Debug)]
pub struct Case {
    /// Stable id, used in links and on the command line (`techserve-month-1`).
    pub id: &'static str,
    pub title: &'static str,
    /// One sentence for a list of cases.
    pub summary: &'static str,
    /// The organisation, its AI systems and what an auditor would find on a visit. Plain text:
    /// paragraphs separated by a blank line; a line starting with `- ` is a list item.
    pub briefing: &'static str,
    /// What the learner is asked to do.
    pub task: &'static str,
    /// What the case is meant to teach, for instructors (shown with the model answer).
    pub lesson: &'static str,
    model_json: &'static str,
    roi_inputs: Option<&'static str>,
}

static CASES: [Case; 5] = [
    Case {
        id: "techserve-month-1",
        title: "TechServe Solutions, month 1: the gap assessment",
        summary: "A B2B analytics company with good engineering and an ISO/IEC 27001 certificate, but no AI management system yet.",
        briefing: include_str!("../../data/cases/techserve-month-1.txt"),
        task: "You are the consultant TechServe hired for its gap assessment. Rate all 70 items of ISO/IEC 42001 (clauses 4-10 and the 38 Annex A controls) on the 0-5 maturity scale, from what the briefing says you saw, heard and were shown. Keep the default target of 3 (Defined, what a certification audit expects) and exclude nothing: TechServe has not decided its scope yet. Then look at the report: what would you tell the CEO to do first?",
        lesson: "Good technical practice is not a management system: without a policy, a scope, a risk method and records, an auditor rates most clauses at 0 or 1, and the critical ones (policy, risk assessment, impact assessment) become major nonconformities. The ISO/IEC 27001 system lifts document control and corrective action, and shortens the roadmap.",
        model_json: include_str!("../../data/cases/techserve-month-1.json"),
        roi_inputs: None,
    },
    Case {
        id: "techserve-month-9",
        title: "TechServe Solutions, month 9: before the certification audit",
        summary: "The same company eight months later: the management system runs, the internal audit is closed, and one thing is still short.",
        briefing: include_str!("../../data/cases/techserve-month-9.txt"),
        task: "You are the lead auditor of the certification body, preparing the Stage 2 audit. Rate all 70 items from the evidence described in the briefing, with the default target of 3. Decide for each item whether what you saw meets what an audit expects (3), falls short (2 or below) or goes beyond (4 or 5). What would your audit report say, and would certification be granted?",
        lesson: "Near readiness the work is in the detail: an item that looks finished can still fall one level short when the records do not match the plan (here the monitoring dashboard lacks two of the planned metrics: a minor nonconformity, so certification is granted with a corrective action). Findings of the internal audit that were corrected with evidence no longer count.",
        model_json: include_str!("../../data/cases/techserve-month-9.json"),
        roi_inputs: None,
    },
    Case {
        id: "hospital-triage",
        title: "Riverside General Hospital: a vendor's AI in emergency triage",
        summary: "A hospital with a strong quality system uses a vendor's triage tool; it develops no AI itself.",
        briefing: include_str!("../../data/cases/hospital-triage.txt"),
        task: "You are advising the hospital's medical director, who wants to know how far the hospital is from ISO/IEC 42001 for its use of the triage tool. Rate all 70 items with the default target of 3. Where an Annex A control does not apply to an organisation that only uses a vendor's AI, exclude it with a justification an auditor would accept; keep every control that still applies to a user of AI. Which findings matter most for patients?",
        lesson: "Using a third party's AI does not move the responsibility to the vendor: the hospital still assesses the impact on patients (A.5.4), validates and monitors the tool locally, and agrees with the supplier who does what (A.10). Controls about developing AI can be excluded, but only with a justification that points to how the risk is covered instead.",
        model_json: include_str!("../../data/cases/hospital-triage.json"),
        roi_inputs: None,
    },
    Case {
        id: "startup-certify",
        title: "Quillstack: should an early-stage startup certify?",
        summary: "A nine-person startup with one AI product, asked about ISO/IEC 42001 by a prospective customer.",
        briefing: include_str!("../../data/cases/startup-certify.txt"),
        task: "You are advising Quillstack's founders. Rate all 70 items with the default target of 3, then open the ROI page with the case's figures (loaded with the case) and the roadmap of your assessment. Should Quillstack pursue certification in the next 18 months, adopt the practices without certifying, or do nothing? Write down the two or three facts that decide it.",
        lesson: "For a small company far from readiness, the cost of certification comes long before any benefit, and a single contract rarely pays it back: the ROI is negative in the likely case. The usual advice (the source article's \"may not need full certification\") is to adopt the practices that matter for its product (policy, risk and impact assessment, supplier review, monitoring) without the audit, and to revisit when customers require the certificate.",
        model_json: include_str!("../../data/cases/startup-certify.json"),
        roi_inputs: Some(include_str!("../../data/cases/startup-certify.roi.json")),
    },
    Case {
        id: "freight-two-systems",
        title: "Kestrel Freight: two suppliers' AI systems, sampled one by one",
        summary: "A freight forwarder with ISO/IEC 27001 and 27701 uses two supplied AI systems: a well-run route planner and a CV-ranking pilot.",
        briefing: include_str!("../../data/cases/freight-two-systems.txt"),
        task: "You are assessing Kestrel Freight for its operations director. The file you start from lists Kestrel's role (AI customer) and its two AI systems. Rate all 70 items with the default target of 3; for the controls about a system (impact assessment, life cycle, data and use), rate each system on its own. Decide on the exclusions the report proposes from the profile: accept them with a justification an auditor would accept, or keep the control. Which system would an auditor sample first, and why?",
        lesson: "An auditor samples every AI system in scope: a well-run system does not cover for one introduced without the same controls, so a control is only as mature as its weakest system, and the findings name it (here the CV-ranking pilot: no impact assessment on applicants, no validation, no monitoring). Using only suppliers' AI justifies excluding the development controls, which the profile proposes; validating, monitoring and assessing the impact of the supplied systems remain Kestrel's own work.",
        model_json: include_str!("../../data/cases/freight-two-systems.json"),
        roi_inputs: None,
    },
];

/// Every built-in case, in teaching order.
pub fn cases() -> &'static [Case] {
    &CASES
}

/// The case with this id.
pub fn case(id: &str) -> Result<&'static Case, UnknownCase> {
    let id = id.trim();
    CASES
        .iter()
        .find(|c| c.id == id)
        .ok_or_else(|| UnknownCase { id: id.to_string() })
}

impl Case {
    /// The model answer. The embedded file is read like any user file; tests guarantee that it
    /// reads without a diagnostic, so the empty fallback is never used.
    pub fn model(&self) -> Assessment {
        Assessment::read(self.model_json)
            .map(|(a, _)| a)
            .unwrap_or_default()
    }

    /// The model answer as stored (an `aims-assessment` JSON file).
    pub fn model_json(&self) -> &'static str {
        self.model_json
    }

    /// Where the learner starts: the case's organisation and planning, with no answers.
    pub fn start(&self) -> Assessment {
        let model = self.model();
        Assessment {
            organisation: model.organisation,
            profile: model.profile,
            planning: model.planning,
            answers: Answers::default(),
            extra: Default::default(),
        }
    }

    /// The ROI inputs that come with the case (JSON for
    /// [`crate::roi::prepare`]), if the case is about whether
    /// certification pays.
    pub fn roi_inputs(&self) -> Option<&'static str> {
        self.roi_inputs
    }

    /// The learner's assessment checked against this case's model answer.
    pub fn check(&self, learner: &Assessment) -> Result<Comparison, CompareError> {
        compare(learner, &self.model())
    }

    /// [`Case::check`] with the instructor's pass mark (0-100).
    pub fn check_with_pass_mark(
        &self,
        learner: &Assessment,
        pass_mark: u8,
    ) -> Result<Comparison, CompareError> {
        compare_with_pass_mark(learner, &self.model(), pass_mark)
    }
}

impl Serialize for Case {
    /// The case without its model answer (`id`, `title`, `summary`, `briefing`, `task`,
    /// `lesson`, `has_roi_inputs`), so that a list of cases gives nothing away; the model is
    /// [`Case::model`].
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Case", 7)?;
        st.serialize_field("id", self.id)?;
        st.serialize_field("title", self.title)?;
        st.serialize_field("summary", self.summary)?;
        st.serialize_field("briefing", self.briefing)?;
        st.serialize_field("task", self.task)?;
        st.serialize_field("lesson", self.lesson)?;
        st.serialize_field("has_roi_inputs", &self.roi_inputs.is_some())?;
        st.end()
    }
}

/// No case has this id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownCase {
    pub id: String,
}

impl fmt::Display for UnknownCase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "no training case {:?}; the cases are ", self.id)?;
        for (i, c) in CASES.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(c.id)?;
        }
        Ok(())
    }
}

impl std::error::Error for UnknownCase {}

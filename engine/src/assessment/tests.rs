//! Reader tests: one `check(input, expected)` helper, many cases. `expected` is the fatal error
//! message, or the diagnostics one per line as their `Display` prints them ("" for none).

use super::*;

fn check(input: &str, expected: &str) {
    let actual = match Assessment::read(input) {
        Err(e) => format!("fatal: {e}"),
        Ok((_, diags)) => diags
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n"),
    };
    assert_eq!(actual, expected, "input: {input}");
}

/// Wraps answers in a valid version 1 ISO/IEC 42001 file.
fn iso(answers: &str) -> String {
    format!(r#"{{"format": "aims-assessment", "version": 1, "answers": {{ {answers} }}}}"#)
}

#[test]
fn fatal_errors() {
    check(
        "",
        "fatal: the file is empty; expected an aims-assessment JSON object",
    );
    check(
        "  \n",
        "fatal: the file is empty; expected an aims-assessment JSON object",
    );
    check(
        "{\n  \"format\": \"aims-assessment\",\n  \"version\": 1\n  \"answers\": {}\n}",
        "fatal: not valid JSON at line 4, column 3: expected `,` or `}`",
    );
    check(
        "{\"format\": ",
        "fatal: not valid JSON at line 1, column 11: EOF while parsing a value",
    );
    check(
        "[1, 2]",
        "fatal: expected a JSON object with \"format\": \"aims-assessment\", found a list",
    );
    check(
        "{}",
        "fatal: field \"format\" is missing; expected \"format\": \"aims-assessment\"",
    );
    check(
        r#"{"format": "aims", "version": 1}"#,
        "fatal: field \"format\" is \"aims\"; expected \"aims-assessment\"",
    );
    check(
        r#"{"format": "aims-assessment"}"#,
        "fatal: field \"version\" is missing; expected \"version\": 2",
    );
    check(
        r#"{"format": "aims-assessment", "version": 0}"#,
        "fatal: field \"version\" is 0; expected a version number 1 to 2",
    );
    check(
        r#"{"format": "aims-assessment", "version": "1"}"#,
        "fatal: field \"version\" is \"1\"; expected a version number 1 to 2",
    );
    check(
        r#"{"format": "aims-assessment", "version": 3}"#,
        "fatal: field \"version\" is 3: this file was written by a newer AIMS Readiness; this one reads versions up to 2. Update AIMS Readiness to open it",
    );
    check(
        r#"{"format": "aims-assessment", "version": 1, "framework": "nist"}"#,
        "fatal: field \"framework\" is \"nist\"; expected \"iso42001\" or \"nist-ai-rmf\"",
    );
    check(
        r#"{"format": "aims-assessment", "version": 1, "answers": []}"#,
        "fatal: field \"answers\" is a list; expected an object keyed by item id",
    );
}

#[test]
fn minimal_files_read_cleanly() {
    check(r#"{"format": "aims-assessment", "version": 1}"#, "");
    check(
        "\u{feff}{\"format\": \"aims-assessment\", \"version\": 1}",
        "",
    );
    check(
        r#"{
          "format": "aims-assessment",
          "version": 1,
          "organisation": { "name": "TechServe Solutions", "employees": 120, "certifications": ["ISO/IEC 27001"] },
          "answers": {
            "5.2":    { "maturity": 0, "note": "No formal AI policy" },
            "6.1.2":  { "maturity": 1 },
            "A.5.2":  { "maturity": 1, "target": 3 },
            "A.10.4": { "applicable": false, "justification": "No customers use our AI systems" }
          }
        }"#,
        "",
    );
    check(
        r#"{"format": "aims-assessment", "version": 1, "framework": "nist-ai-rmf", "answers": {"GOVERN 1.1": 2, "gv-1.2": {"maturity": 3}}}"#,
        "",
    );
}

#[test]
fn unknown_ids_name_the_nearest() {
    check(
        &iso(r#""A.4.1": {"maturity": 2}"#),
        "error: answer \"A.4.1\", field \"id\": \"A.4.1\" is not an ISO/IEC 42001 Annex A control or objective; did you mean A.4.2?; this answer is ignored",
    );
    check(
        &iso(r#""6.1": {"maturity": 2}"#),
        "error: answer \"6.1\", field \"id\": \"6.1\" is not an assessable clause item (it is a heading; rate its subclauses); did you mean 6.1.1, 6.1.2, 6.1.3 or 6.1.4?; this answer is ignored",
    );
    check(
        &iso(r#""GOVERN 1.1": {"maturity": 2}"#),
        "error: answer \"GOVERN 1.1\", field \"id\": \"GOVERN 1.1\" is not an ISO/IEC 42001 clause; this answer is ignored",
    );
    check(
        r#"{"format": "aims-assessment", "version": 1, "framework": "nist-ai-rmf", "answers": {"GOVERN 1.9": 2}}"#,
        "error: answer \"GOVERN 1.9\", field \"id\": \"GOVERN 1.9\" is not a NIST AI RMF subcategory; did you mean GOVERN 1.7?; this answer is ignored",
    );
}

#[test]
fn values_out_of_range_are_rejected_one_by_one() {
    check(
        &iso(r#""5.2": {"maturity": 7}"#),
        "error: answer \"5.2\", field \"maturity\": 7 is out of range: expected a whole number from 0 to 5 (0 Incomplete … 5 Optimizing); the item counts as not assessed",
    );
    check(
        &iso(r#""5.2": {"maturity": -1}, "5.3": {"maturity": 2.5}"#),
        "error: answer \"5.2\", field \"maturity\": -1 is out of range: expected a whole number from 0 to 5 (0 Incomplete … 5 Optimizing); the item counts as not assessed\n\
         error: answer \"5.3\", field \"maturity\": 2.5 is out of range: expected a whole number from 0 to 5 (0 Incomplete … 5 Optimizing); the item counts as not assessed",
    );
    check(
        &iso(r#""5.2": {"maturity": "high"}"#),
        "error: answer \"5.2\", field \"maturity\": \"high\" is out of range: expected a whole number from 0 to 5 (0 Incomplete … 5 Optimizing); the item counts as not assessed",
    );
    check(
        &iso(r#""5.2": {"maturity": 2, "target": 0}"#),
        "error: answer \"5.2\", field \"target\": 0 is out of range: expected a whole number from 1 to 5 (1 Initial … 5 Optimizing); the default target 3 is used",
    );
    check(&iso(r#""5.2": 9"#), "error: answer \"5.2\", field \"maturity\": 9 is out of range: expected a whole number from 0 to 5 (0 Incomplete … 5 Optimizing); the item counts as not assessed");
    check(
        &iso(r#""5.2": "two""#),
        "error: answer \"5.2\", field \"answer\": expected an object such as {\"maturity\": 2}, found text; ignored",
    );
}

#[test]
fn exclusions() {
    check(
        &iso(r#""5.2": {"applicable": false, "justification": "We have no policy"}"#),
        "error: answer \"5.2\", field \"applicable\": clauses 4-10 cannot be excluded: only Annex A controls can; the item is treated as applicable",
    );
    check(
        &iso(r#""A.10.4": {"applicable": false}"#),
        "warning: answer \"A.10.4\", field \"justification\": the control is excluded without a justification; the Statement of Applicability must justify every exclusion, and the report counts this as a minor nonconformity against 6.1.3",
    );
    check(
        &iso(r#""A.10.4": {"applicable": false, "justification": "   "}"#),
        "warning: answer \"A.10.4\", field \"justification\": the control is excluded without a justification; the Statement of Applicability must justify every exclusion, and the report counts this as a minor nonconformity against 6.1.3",
    );
    check(
        &iso(r#""A.10.4": {"applicable": false, "justification": "No customers", "maturity": 2}"#),
        "warning: answer \"A.10.4\", field \"maturity\": the control is excluded, so its maturity is not used",
    );
    check(
        &iso(r#""A.10.4": {"applicable": "no"}"#),
        "error: answer \"A.10.4\", field \"applicable\": \"no\" is not true or false; the item is treated as applicable",
    );
    check(
        r#"{"format": "aims-assessment", "version": 1, "framework": "nist-ai-rmf", "answers": {"MAP 1.1": {"applicable": false, "justification": "n/a"}}}"#,
        "error: answer \"MAP 1.1\", field \"applicable\": NIST AI RMF subcategories cannot be excluded here: only ISO/IEC 42001 Annex A controls can; the item is treated as applicable",
    );
}

#[test]
fn optional_fields() {
    check(
        &iso(
            r#""5.2": {"maturity": 1, "owner": "CTO", "due": "2025-03-31", "evidence": ["https://x/policy"]}"#,
        ),
        "",
    );
    check(&iso(r#""5.2": {"due": "2025-03"}"#), "");
    check(
        &iso(r#""5.2": {"due": "2025-02-30", "status": "finished"}"#),
        "warning: answer \"5.2\", field \"due\": \"2025-02-30\" is not a date written YYYY-MM-DD (or YYYY-MM); kept as written, but the action plan shows no due date for it
error: answer \"5.2\", field \"status\": \"finished\" is not a status; expected \"open\", \"in_progress\" or \"done\"; the action counts as open",
    );
    check(
        &iso(r#""5.2": {"due": "2025-02-28", "status": "in_progress"}"#),
        "",
    );
    check(
        &iso(r#""5.2": {"due": "next month"}"#),
        "warning: answer \"5.2\", field \"due\": \"next month\" is not a date written YYYY-MM-DD (or YYYY-MM); kept as written, but the action plan shows no due date for it",
    );
    check(
        &iso(r#""5.2": {"due": "2025-13-01"}"#),
        "warning: answer \"5.2\", field \"due\": \"2025-13-01\" is not a date written YYYY-MM-DD (or YYYY-MM); kept as written, but the action plan shows no due date for it",
    );
    check(
        &iso(r#""5.2": {"note": 3}"#),
        "error: answer \"5.2\", field \"note\": expected text, found a number; ignored",
    );
    check(
        &iso(r#""5.2": {"evidence": ["a", 1]}"#),
        "error: answer \"5.2\", field \"evidence\": 1 is not a link or reference; expected text; ignored",
    );
    check(
        &iso(r#""5.2": {"evidence": {"a": 1}}"#),
        "error: answer \"5.2\", field \"evidence\": expected a list of links or references, found an object; ignored",
    );
}

#[test]
fn unknown_fields_are_kept_with_a_warning() {
    check(
        &iso(r#""5.2": {"maturty": 2}"#),
        "warning: answer \"5.2\", field \"maturty\": unknown field, kept as written but not used (did you mean \"maturity\"?)",
    );
    check(
        r#"{"format": "aims-assessment", "version": 1, "reviewed_by": "Ann"}"#,
        "warning: field \"reviewed_by\": unknown field, kept as written but not used",
    );
    check(
        r#"{"format": "aims-assessment", "version": 1, "organisation": {"sector": "software", "employes": 3}}"#,
        "warning: field \"organisation.employes\": unknown field, kept as written but not used (did you mean \"employees\"?)",
    );
}

#[test]
fn organisation_and_planning() {
    check(
        r#"{"format": "aims-assessment", "version": 1, "organisation": {"employees": -3, "certifications": "ISO 9001"}}"#,
        "error: field \"organisation.employees\": -3 is not a number of employees; expected a whole number such as 120; ignored\n\
         error: field \"organisation.certifications\": expected a list such as [\"ISO/IEC 27001\"], found text; ignored",
    );
    check(
        r#"{"format": "aims-assessment", "version": 1, "planning": {"people": 3, "share_of_time": 0.25}}"#,
        "",
    );
    check(
        r#"{"format": "aims-assessment", "version": 1, "planning": {"people": 0, "share_of_time": 50}}"#,
        "error: field \"planning.people\": 0 is not a number of people; expected a number above 0 such as 2; the default 2 is used\n\
         error: field \"planning.share_of_time\": 50 is above 1; give a fraction of working time, e.g. 0.5 for 50%; the default 0.5 is used",
    );
    check(
        r#"{"format": "aims-assessment", "version": 1, "organisation": "TechServe"}"#,
        "error: field \"organisation\": expected an object such as {\"name\": \"...\"}, found text; ignored",
    );
}

#[test]
fn duplicates_keep_the_canonical_spelling() {
    let (a, diags) = Assessment::read(&iso(
        r#""a.5.2": {"maturity": 1}, "A.5.2": {"maturity": 2}"#,
    ))
    .unwrap();
    assert_eq!(
        diags.iter().map(ToString::to_string).collect::<Vec<_>>(),
        ["warning: answer \"A.5.2\", field \"id\": answered twice, as \"A.5.2\" and \"a.5.2\"; the answer under \"A.5.2\" is used"]
    );
    let id = IsoId::parse("A.5.2").unwrap();
    assert_eq!(a.iso_answers().unwrap()[&id].maturity, Some(2));
}

#[test]
fn reads_values_into_types() {
    let text = r#"{"format": "aims-assessment", "version": 1,
        "organisation": {"name": "T", "employees": 120, "certifications": ["ISO/IEC 27001:2022"]},
        "planning": {"people": 3, "share_of_time": 0.5},
        "answers": {"5.2": {"maturity": 0, "note": "No formal AI policy"}, "A.10.4": {"applicable": false, "justification": "No customers"}}}"#;
    let (a, diags) = Assessment::read(text).unwrap();
    assert!(diags.is_empty());
    assert_eq!(a.framework(), Framework::Iso42001);
    assert_eq!(a.organisation.employees, Some(120));
    assert_eq!(
        a.organisation.harmonized_certificate(),
        Some(HarmonizedCertificate::Iso27001)
    );
    assert_eq!(
        a.planning.as_ref().map(Planning::full_time_equivalents),
        Some(1.5)
    );
    let answers = a.iso_answers().unwrap();
    let policy = &answers[&IsoId::parse("5.2").unwrap()];
    assert_eq!(
        (policy.maturity, policy.target(), policy.note.as_deref()),
        (Some(0), 3, Some("No formal AI policy"))
    );
    let customers = &answers[&IsoId::parse("A.10.4").unwrap()];
    assert!(!customers.applicable);
    assert_eq!(customers.justification(), Some("No customers"));
}

#[test]
fn certificates_are_recognised_by_number() {
    let org = |c: &[&str]| Organisation {
        certifications: c.iter().map(|s| s.to_string()).collect(),
        ..Default::default()
    };
    assert_eq!(
        org(&["iso 9001"]).harmonized_certificate(),
        Some(HarmonizedCertificate::Iso9001)
    );
    assert_eq!(
        org(&["ISO 9001", "ISO/IEC 27001"]).harmonized_certificate(),
        Some(HarmonizedCertificate::Iso27001)
    );
    assert_eq!(org(&["ISO 19001", "SOC 2"]).harmonized_certificate(), None);
}

#[test]
fn round_trip_keeps_everything() {
    let text = r#"{"format": "aims-assessment", "version": 1, "tool": {"name": "x"},
        "organisation": {"name": "T", "size": "small"},
        "planning": {"people": 1.5, "start": "2025-01"},
        "answers": {
          "5.2": {"maturity": 0, "target": 4, "note": "n", "owner": "o", "due": "2025-01-31", "evidence": ["e1", "e2"], "x-colour": "red"},
          "A.10.4": {"applicable": false, "justification": "No customers"},
          "A.6.2.4": {"maturity": 2, "inferred": true}
        }}"#;
    let (a, diags) = Assessment::read(text).unwrap();
    assert_eq!(diags.len(), 4, "{diags:?}"); // tool, size, start, x-colour
    let written = a.to_json();
    let (b, _) = Assessment::read(&written).unwrap();
    assert_eq!(a, b);
    assert_eq!(b.to_json(), written);
    assert!(
        written.contains("\"x-colour\": \"red\"") && written.contains("\"start\": \"2025-01\"")
    );
    assert!(written.starts_with(
        "{\n  \"format\": \"aims-assessment\",\n  \"version\": 2,\n  \"framework\": \"iso42001\""
    ));
}

#[test]
fn values_set_in_code_are_clamped() {
    let a = Answer {
        maturity: Some(9),
        target: Some(0),
        ..Answer::default()
    };
    assert_eq!((a.maturity(), a.target()), (Some(5), 1));
}

#[test]
fn read_strict_accepts_warnings_and_refuses_errors() {
    let warned =
        r#"{"format":"aims-assessment","version":1,"answers":{"5.2":{"maturity":2,"x":1}}}"#;
    let (a, warnings) = Assessment::read_strict(warned).unwrap();
    assert_eq!(a.answers.len(), 1);
    assert!(!warnings.is_empty() && warnings.iter().all(|d| !d.is_error()));
    let bad = r#"{"format":"aims-assessment","version":1,"answers":{"A.5.2":{"maturity":7},"5.2":{"maturity":9},"5.3":{"maturity":1,"x":1}}}"#;
    let refused = Assessment::read_strict(bad).unwrap_err();
    assert_eq!(refused.errors().count(), 2);
    assert!(matches!(&refused, Refused::Errors(all) if all.len() == 3));
    let text = refused.to_string();
    assert!(
        text.starts_with("answer \"5.2\", field \"maturity\": ")
            && text.ends_with(" (and 1 more error)"),
        "{text}"
    );
    let unreadable = Assessment::read_strict("{").unwrap_err();
    assert!(matches!(
        unreadable,
        Refused::Unreadable(ReadError::Json { .. })
    ));
    assert_eq!(unreadable.errors().count(), 0);
}

/// Wraps a profile and answers in a version 2 ISO/IEC 42001 file.
fn v2(profile: &str, answers: &str) -> String {
    format!(
        r#"{{"format": "aims-assessment", "version": 2, "profile": {profile}, "answers": {{ {answers} }}}}"#
    )
}

const TWO_SYSTEMS: &str = r#"{"roles": ["ai_customer"], "systems": [
    {"id": "chatbot", "name": "Support chatbot", "purpose": "Answers customers", "origin": "supplied",
     "stage": "deployed", "affects_individuals": true, "intended_users": "Customers"},
    {"id": "cv-screen", "origin": "supplied", "stage": "development"}]}"#;

#[test]
fn version_1_files_migrate_without_loss() {
    let v1 = r#"{"format": "aims-assessment", "version": 1,
        "organisation": {"name": "T", "employees": 40, "ai_systems_in_scope": 4, "certifications": []},
        "profile": {"roles": ["ai_customer", "ai_provider"]},
        "planning": {"people": 1},
        "answers": {"5.2": {"maturity": 2, "owner": "CEO", "due": "2026-06-30", "evidence": ["policy.pdf"]},
                    "A.10.4": {"applicable": false, "justification": "No customers"}}}"#;
    let (a, diags) = Assessment::read(v1).unwrap();
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(a.systems_in_scope(), Some(4));
    let written = a.to_json();
    assert!(written.contains("\"version\": 2"));
    assert!(written.contains("\"ai_systems_in_scope\": 4"));
    let (b, diags) = Assessment::read(&written).unwrap();
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(a, b);
    assert_eq!(b.to_json(), written);
}

#[test]
fn the_inventory_replaces_the_interim_number() {
    let (a, diags) = Assessment::read(&v2(TWO_SYSTEMS, "")).unwrap();
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(a.systems_in_scope(), Some(2));
    assert_eq!(a.profile.system_name("chatbot"), "Support chatbot");
    assert_eq!(a.profile.system_name("cv-screen"), "cv-screen");
    assert!(a.profile.supplier_only());
    let text = v2(TWO_SYSTEMS, "").replace(
        r#""version": 2,"#,
        r#""version": 2, "organisation": {"ai_systems_in_scope": 5},"#,
    );
    check(
        &text,
        "warning: field \"organisation.ai_systems_in_scope\": says 5 AI systems but profile.systems lists 2; the 2 listed are the ones in scope (kept as written)",
    );
    let (a, _) = Assessment::read(&text).unwrap();
    assert_eq!(a.systems_in_scope(), Some(2));
    assert_eq!(a.sized_organisation().ai_systems_in_scope, Some(2));
    // The same rule in words, for the pages.
    let note = a.inventory_count_note().unwrap();
    assert!(
        note.starts_with("Counted from the inventory of AI systems in scope (2 systems listed)")
    );
    assert!(note.contains("The number stated before the inventory (5) is kept in the file"));
    let (same, _) = Assessment::read(&v2(TWO_SYSTEMS, "")).unwrap();
    assert!(!same
        .inventory_count_note()
        .unwrap()
        .contains("stated before"));
    let mut one = same.clone();
    one.profile.systems.truncate(1);
    one.organisation.ai_systems_in_scope = Some(1);
    let note = one.inventory_count_note().unwrap();
    assert!(note.contains("(1 system listed)") && !note.contains("stated before"));
    assert_eq!(Assessment::default().inventory_count_note(), None);
}

#[test]
fn the_inventory_is_checked_field_by_field() {
    check(
        &v2(
            r#"{"systems": [{"id": "a", "origin": "bought", "stage": "live", "affects_individuals": "yes", "owner": "x"},
                {"name": "no id"}, {"id": "a"}, 3]}"#,
            "",
        ),
        "error: field \"profile.systems[0].origin\": \"bought\" is not an origin; expected \"in_house\" or \"supplied\"; ignored
error: field \"profile.systems[0].stage\": \"live\" is not a life-cycle stage; expected \"development\" or \"deployed\"; ignored
error: field \"profile.systems[0].affects_individuals\": \"yes\" is not true or false; ignored
warning: field \"profile.systems[0].owner\": unknown field, kept as written but not used
error: field \"profile.systems[1].id\": missing: every AI system needs an id (text such as \"chatbot\") that its per-system answers use; this system is ignored
error: field \"profile.systems[2].id\": \"a\" is already the id of another AI system; ids must be unique; this system is ignored
error: field \"profile.systems[3]\": expected an object such as {\"id\": \"chatbot\"}, found a number; ignored",
    );
    check(
        &v2(r#"{"systems": "chatbot"}"#, ""),
        "error: field \"profile.systems\": expected a list such as [{\"id\": \"chatbot\", \"name\": \"Support chatbot\"}], found text; ignored",
    );
}

#[test]
fn per_system_answers_only_for_controls_about_a_system_and_known_systems() {
    let text = v2(
        TWO_SYSTEMS,
        r#""A.5.2": {"maturity": 3, "systems": {"chatbot": {"maturity": 1, "evidence": "ia.pdf"}, "cv-screen": 2}},
           "5.2": {"maturity": 2, "systems": {"chatbot": {"maturity": 1}}},
           "A.7.4": {"systems": {"hr-bot": {"maturity": 1}, "chatbot": {"maturity": 4, "colour": "red"}}}"#,
    );
    check(
        &text,
        "error: answer \"5.2\", field \"systems\": 5.2 is about the organisation as a whole, so it takes one answer, not one per AI system; only the controls about a system (A.5.2-A.5.5, A.6.2.x, A.7.x, A.9.x) can be answered per system; the per-system answers are ignored
warning: answer \"A.7.4\", field \"systems.chatbot.colour\": unknown field, kept as written but not used
error: answer \"A.7.4\", field \"systems.hr-bot\": \"hr-bot\" is not an AI system of the profile (the AI systems in profile.systems are chatbot, cv-screen); this answer is ignored",
    );
    let (a, _) = Assessment::read(&text).unwrap();
    let answers = a.iso_answers().unwrap();
    let get = |s: &str| answers.get(&IsoId::parse(s).unwrap()).unwrap();
    assert_eq!(get("A.5.2").maturity(), Some(1));
    assert_eq!(get("A.5.2").weakest_systems(), ["chatbot"]);
    assert!(get("A.5.2").has_evidence());
    assert_eq!(get("5.2").maturity(), Some(2));
    assert_eq!(get("A.7.4").maturity(), Some(4));
    let written = a.to_json();
    let (b, _) = Assessment::read(&written).unwrap();
    assert_eq!(a, b);
    // Removing a system removes its answers.
    let mut c = b.clone();
    assert!(c.remove_system("chatbot"));
    let answers = c.iso_answers().unwrap();
    assert_eq!(
        answers
            .get(&IsoId::parse("A.5.2").unwrap())
            .unwrap()
            .maturity(),
        Some(2)
    );
    assert!(!c.remove_system("chatbot"));
}

#[test]
fn per_system_answers_are_refused_in_a_nist_assessment() {
    let text = r#"{"format": "aims-assessment", "version": 2, "framework": "nist-ai-rmf",
        "profile": {"systems": [{"id": "a"}]},
        "answers": {"MAP 1.1": {"maturity": 2, "systems": {"a": {"maturity": 1}}}}}"#;
    let (a, diags) = Assessment::read(text).unwrap();
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(diags[0].field, "systems");
    assert!(a
        .nist_answers()
        .unwrap()
        .values()
        .all(|x| x.systems.is_empty()));
}

#[test]
fn iso_27701_is_a_recognised_certificate() {
    let org = Organisation {
        certifications: vec!["ISO/IEC 27701:2025".into(), "ISO 9001".into()],
        ..Default::default()
    };
    assert_eq!(
        org.harmonized_certificate(),
        Some(HarmonizedCertificate::Iso27701)
    );
    assert_eq!(HarmonizedCertificate::Iso27701.roi_standard(), "iso27001");
}

#[test]
fn new_systems_get_unused_readable_ids() {
    let (a, _) = Assessment::read(&v2(TWO_SYSTEMS, "")).unwrap();
    assert_eq!(
        a.profile.unused_system_id("Support Chatbot!"),
        "support-chatbot"
    );
    assert_eq!(a.profile.unused_system_id("chatbot"), "chatbot-2");
    assert_eq!(a.profile.unused_system_id("  "), "system");
}

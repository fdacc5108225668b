//! Reading an assessment file: JSON text → [`Assessment`] plus [`Diagnostic`]s.
//!
//! The text is parsed once into a `serde_json::Value` (which gives line and column for
//! malformed JSON), then walked by hand so that each problem names its item and field and
//! never stops the rest of the file from being read. Nothing here panics on any input.

use super::{
    AiSystem, Answer, Answers, Assessment, Diagnostic, Framework, Organisation, Origin, PlanStatus,
    Planning, Profile, ReadError, Stage, SystemAnswer, MAX_MATURITY, VERSION,
};
use crate::catalog::{edit_distance, AiRole, ExclusionLimit, IsoId, SubcategoryId, UnknownId};
use serde_json::{Map, Value};
use std::collections::btree_map::Entry;
use std::collections::BTreeMap;

/// Top-level fields this version reads.
const TOP_FIELDS: &[&str] = &[
    "format",
    "version",
    "framework",
    "organisation",
    "profile",
    "planning",
    "answers",
];
const ORGANISATION_FIELDS: &[&str] = &[
    "name",
    "sector",
    "employees",
    "ai_systems_in_scope",
    "certifications",
];
const PLANNING_FIELDS: &[&str] = &["people", "share_of_time"];
const ANSWER_FIELDS: &[&str] = &[
    "maturity",
    "target",
    "applicable",
    "justification",
    "reason",
    "note",
    "owner",
    "due",
    "status",
    "evidence",
    "inferred",
    "quick_scan",
    "systems",
];
const PROFILE_FIELDS: &[&str] = &["roles", "systems"];
const SYSTEM_FIELDS: &[&str] = &[
    "id",
    "name",
    "purpose",
    "origin",
    "stage",
    "affects_individuals",
    "intended_users",
];
const SYSTEM_ANSWER_FIELDS: &[&str] = &["maturity", "note", "evidence"];
/// More AI systems than this in one inventory is surely not a hand-kept list.
pub const MAX_SYSTEMS: usize = 200;
/// More people than this is surely a typo.
const MAX_PEOPLE: f64 = 10_000.0;
/// The largest text the reader accepts, 1 MiB, checked before parsing: about 90 times the
/// largest training case (11 KB) and 4 times what a share link may carry, yet read and checked
/// in milliseconds even in the browser (docs/assessment-format.md, "Limits").
pub const MAX_FILE_BYTES: usize = 1024 * 1024;
/// The most entries `answers` may hold, checked before any entry is read: 500, several times
/// either catalog (70 ISO/IEC 42001 items, 72 NIST AI RMF subcategories), so a file of
/// thousands of unknown ids is refused with one message instead of one error per id.
pub const MAX_ANSWERS: usize = 500;
/// serde_json's nesting limit, which the reader keeps (a deeper text is refused, never
/// recursed into).
pub const MAX_NESTING: usize = 128;

pub(super) fn read(text: &str) -> Result<(Assessment, Vec<Diagnostic>), ReadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.len() > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge {
            bytes: text.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    if text.trim().is_empty() {
        return Err(ReadError::Empty);
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        let full = e.to_string();
        // serde_json appends " at line L column C"; we give them as fields instead.
        let message = match full.rfind(" at line ") {
            Some(i) => full[..i].to_string(),
            None => full,
        };
        let message = if message == "recursion limit exceeded" {
            format!("nested deeper than {MAX_NESTING} levels, the reader's limit")
        } else {
            message
        };
        let (line, column) = position(text, e.line(), e.column());
        ReadError::Json {
            line,
            column,
            message,
        }
    })?;
    let Value::Object(mut top) = value else {
        return Err(ReadError::NotAnObject {
            found: kind(&value),
        });
    };

    match top.remove("format") {
        Some(Value::String(s)) if s == super::FORMAT => {}
        Some(v) => {
            return Err(ReadError::Format {
                found: Some(show(&v)),
            })
        }
        None => return Err(ReadError::Format { found: None }),
    }
    let version = match top.remove("version") {
        None => return Err(ReadError::Version { found: None }),
        Some(v) => match v.as_u64() {
            Some(n) if n > VERSION => return Err(ReadError::NewerVersion { found: n }),
            Some(n) if n >= 1 => n,
            _ => {
                return Err(ReadError::Version {
                    found: Some(show(&v)),
                })
            }
        },
    };
    migrate(version, &mut top);

    let framework = match top.remove("framework") {
        None | Some(Value::Null) => Framework::Iso42001,
        Some(Value::String(s)) => match Framework::parse(s.trim()) {
            Some(f) => f,
            None => {
                return Err(ReadError::Framework {
                    found: show(&Value::String(s)),
                })
            }
        },
        Some(v) => return Err(ReadError::Framework { found: show(&v) }),
    };
    let answers_value = match top.remove("answers") {
        None | Some(Value::Null) => Map::new(),
        Some(Value::Object(m)) => m,
        Some(v) => return Err(ReadError::Answers { found: kind(&v) }),
    };
    if answers_value.len() > MAX_ANSWERS {
        return Err(ReadError::TooManyAnswers {
            found: answers_value.len(),
            limit: MAX_ANSWERS,
        });
    }

    let mut diags = Vec::new();
    let organisation = match top.remove("organisation") {
        None | Some(Value::Null) => Organisation::default(),
        Some(Value::Object(m)) => read_organisation(m, &mut diags),
        Some(v) => {
            diags.push(Diagnostic::error(
                None,
                "organisation",
                format!(
                    "expected an object such as {{\"name\": \"...\"}}, found {}; ignored",
                    kind(&v)
                ),
            ));
            Organisation::default()
        }
    };
    let profile = match top.remove("profile") {
        None | Some(Value::Null) => Profile::default(),
        Some(Value::Object(m)) => read_profile(m, &mut diags),
        Some(v) => {
            diags.push(Diagnostic::error(
                None,
                "profile",
                format!(
                    "expected an object such as {{\"roles\": [\"ai_customer\"]}}, found {}; ignored",
                    kind(&v)
                ),
            ));
            Profile::default()
        }
    };
    let planning = match top.remove("planning") {
        None | Some(Value::Null) => None,
        Some(Value::Object(m)) => Some(read_planning(m, &mut diags)),
        Some(v) => {
            diags.push(Diagnostic::error(
                None,
                "planning",
                format!(
                    "expected an object such as {{\"people\": 2, \"share_of_time\": 0.5}}, found {}; ignored",
                    kind(&v)
                ),
            ));
            None
        }
    };
    let ctx = AnswerContext {
        framework,
        profile: &profile,
    };
    let answers = match framework {
        Framework::Iso42001 => Answers::Iso42001(read_answers(
            answers_value,
            ctx,
            &mut diags,
            IsoId::parse_assessable,
        )),
        Framework::NistAiRmf => Answers::NistAiRmf(read_answers(
            answers_value,
            ctx,
            &mut diags,
            SubcategoryId::parse,
        )),
    };
    if let (Some(n), false) = (organisation.ai_systems_in_scope, profile.systems.is_empty()) {
        let listed = profile.systems.len();
        if usize::try_from(n).ok() != Some(listed) {
            diags.push(Diagnostic::warning(
                None,
                "organisation.ai_systems_in_scope",
                format!(
                    "says {n} AI system{} but profile.systems lists {listed}; the {listed} listed are the ones in scope (kept as written)",
                    if n == 1 { "" } else { "s" }
                ),
            ));
        }
    }
    warn_unknown_fields(&top, TOP_FIELDS, None, "", &mut diags);
    Ok((
        Assessment {
            organisation,
            profile,
            planning,
            answers,
            extra: top,
        },
        diags,
    ))
}

/// serde_json's 1-based line and column of an error, except that an error on a line break
/// itself (e.g. a raw newline inside a string) comes as column 0 of the next line: that is
/// the line break at the end of the line before, one past its last byte. (Found by fuzzing.)
fn position(text: &str, line: usize, column: usize) -> (usize, usize) {
    if column > 0 {
        return (line, column);
    }
    match line.checked_sub(2).and_then(|i| text.split('\n').nth(i)) {
        Some(before) => (line - 1, before.len() + 1),
        None => (line.max(1), 1),
    }
}

/// Brings an older version up to [`VERSION`], one step per version, in order.
///
/// 1 → 2: version 2 adds the inventory `profile.systems` and per-system answers; every field
/// of version 1 means the same in version 2, so nothing moves or is lost. In particular
/// `organisation.ai_systems_in_scope` stays as written: it remains the number of AI systems
/// in scope until an inventory is listed, which then takes its place
/// ([`Assessment::systems_in_scope`]).
fn migrate(version: u64, _top: &mut Map<String, Value>) {
    debug_assert!((1..=VERSION).contains(&version));
}

fn read_profile(mut m: Map<String, Value>, diags: &mut Vec<Diagnostic>) -> Profile {
    let mut p = Profile::default();
    match m.remove("roles") {
        None | Some(Value::Null) => {}
        Some(Value::Array(items)) => {
            for v in items {
                match v.as_str().and_then(AiRole::parse) {
                    Some(r) if !p.roles.contains(&r) => p.roles.push(r),
                    Some(_) => {}
                    None => diags.push(Diagnostic::error(
                        None,
                        "profile.roles",
                        format!(
                            "{} is not a role; expected \"ai_provider\", \"ai_producer\", \"ai_customer\" or \"ai_partner\"; ignored",
                            show(&v)
                        ),
                    )),
                }
            }
            crate::order::sort(&mut p.roles);
        }
        Some(v) => diags.push(Diagnostic::error(
            None,
            "profile.roles",
            format!(
                "expected a list such as [\"ai_customer\"], found {}; ignored",
                kind(&v)
            ),
        )),
    }
    match m.remove("systems") {
        None | Some(Value::Null) => {}
        Some(Value::Array(items)) if items.len() > MAX_SYSTEMS => diags.push(Diagnostic::error(
            None,
            "profile.systems",
            format!(
                "lists {} AI systems; an inventory may hold at most {MAX_SYSTEMS}; ignored",
                items.len()
            ),
        )),
        Some(Value::Array(items)) => {
            for (i, v) in items.into_iter().enumerate() {
                if let Some(s) = read_system(i, v, &p.systems, diags) {
                    p.systems.push(s);
                }
            }
        }
        Some(v) => diags.push(Diagnostic::error(
            None,
            "profile.systems",
            format!(
                "expected a list such as [{{\"id\": \"chatbot\", \"name\": \"Support chatbot\"}}], found {}; ignored",
                kind(&v)
            ),
        )),
    }
    warn_unknown_fields(&m, PROFILE_FIELDS, None, "profile.", diags);
    p.extra = m;
    p
}

/// Reads the `i`-th entry of `profile.systems`; `None` when it has no usable, unique id.
fn read_system(
    i: usize,
    v: Value,
    before: &[AiSystem],
    diags: &mut Vec<Diagnostic>,
) -> Option<AiSystem> {
    let field = format!("profile.systems[{i}]");
    let Value::Object(mut m) = v else {
        diags.push(Diagnostic::error(
            None,
            &field,
            format!(
                "expected an object such as {{\"id\": \"chatbot\"}}, found {}; ignored",
                kind(&v)
            ),
        ));
        return None;
    };
    let id = match m.remove("id") {
        Some(Value::String(s)) if !s.trim().is_empty() => s.trim().to_string(),
        other => {
            diags.push(Diagnostic::error(
                None,
                &format!("{field}.id"),
                format!(
                    "{}: every AI system needs an id (text such as \"chatbot\") that its per-system answers use; this system is ignored",
                    other.map_or_else(|| "missing".to_string(), |v| format!("{} is not an id", show(&v)))
                ),
            ));
            return None;
        }
    };
    if before.iter().any(|s| s.id == id) {
        diags.push(Diagnostic::error(
            None,
            &format!("{field}.id"),
            format!("{id:?} is already the id of another AI system; ids must be unique; this system is ignored"),
        ));
        return None;
    }
    let mut s = AiSystem {
        name: take_string(&mut m, "name", None, &format!("{field}.name"), diags),
        purpose: take_string(&mut m, "purpose", None, &format!("{field}.purpose"), diags),
        intended_users: take_string(
            &mut m,
            "intended_users",
            None,
            &format!("{field}.intended_users"),
            diags,
        ),
        id,
        ..AiSystem::default()
    };
    match m.remove("origin") {
        None | Some(Value::Null) => {}
        Some(v) => match v.as_str().and_then(Origin::parse) {
            Some(o) => s.origin = Some(o),
            None => diags.push(Diagnostic::error(
                None,
                &format!("{field}.origin"),
                format!(
                    "{} is not an origin; expected \"in_house\" or \"supplied\"; ignored",
                    show(&v)
                ),
            )),
        },
    }
    match m.remove("stage") {
        None | Some(Value::Null) => {}
        Some(v) => match v.as_str().and_then(Stage::parse) {
            Some(st) => s.stage = Some(st),
            None => diags.push(Diagnostic::error(
                None,
                &format!("{field}.stage"),
                format!(
                    "{} is not a life-cycle stage; expected \"development\" or \"deployed\"; ignored",
                    show(&v)
                ),
            )),
        },
    }
    match m.remove("affects_individuals") {
        None | Some(Value::Null) => {}
        Some(Value::Bool(b)) => s.affects_individuals = Some(b),
        Some(v) => diags.push(Diagnostic::error(
            None,
            &format!("{field}.affects_individuals"),
            format!("{} is not true or false; ignored", show(&v)),
        )),
    }
    warn_unknown_fields(&m, SYSTEM_FIELDS, None, &format!("{field}."), diags);
    s.extra = m;
    Some(s)
}

/// What reading an answer needs besides the answer.
#[derive(Clone, Copy)]
struct AnswerContext<'a> {
    framework: Framework,
    profile: &'a Profile,
}

fn read_organisation(mut m: Map<String, Value>, diags: &mut Vec<Diagnostic>) -> Organisation {
    let mut org = Organisation {
        name: take_string(&mut m, "name", None, "organisation.name", diags),
        sector: take_string(&mut m, "sector", None, "organisation.sector", diags),
        ..Organisation::default()
    };
    match m.remove("employees") {
        None | Some(Value::Null) => {}
        Some(v) => match v.as_u64().and_then(|n| u32::try_from(n).ok()) {
            Some(n) => org.employees = Some(n),
            None => diags.push(Diagnostic::error(
                None,
                "organisation.employees",
                format!(
                    "{} is not a number of employees; expected a whole number such as 120; ignored",
                    show(&v)
                ),
            )),
        },
    }
    match m.remove("ai_systems_in_scope") {
        None | Some(Value::Null) => {}
        Some(v) => match v
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .filter(|n| *n > 0)
        {
            Some(n) => org.ai_systems_in_scope = Some(n),
            None => diags.push(Diagnostic::error(
                None,
                "organisation.ai_systems_in_scope",
                format!(
                    "{} is not a number of AI systems; expected a whole number from 1, such as 3; ignored",
                    show(&v)
                ),
            )),
        },
    }
    match m.remove("certifications") {
        None | Some(Value::Null) => {}
        Some(Value::Array(items)) => {
            // An empty list says "none"; a list with names says so itself.
            org.certifications_stated = items.is_empty();
            for v in items {
                match v {
                    Value::String(s) if !s.trim().is_empty() => org.certifications.push(s),
                    other => diags.push(Diagnostic::error(
                        None,
                        "organisation.certifications",
                        format!(
                            "{} is not a certificate name such as \"ISO/IEC 27001\"; ignored",
                            show(&other)
                        ),
                    )),
                }
            }
        }
        Some(v) => diags.push(Diagnostic::error(
            None,
            "organisation.certifications",
            format!(
                "expected a list such as [\"ISO/IEC 27001\"], found {}; ignored",
                kind(&v)
            ),
        )),
    }
    warn_unknown_fields(&m, ORGANISATION_FIELDS, None, "organisation.", diags);
    org.extra = m;
    org
}

fn read_planning(mut m: Map<String, Value>, diags: &mut Vec<Diagnostic>) -> Planning {
    let mut p = Planning::default();
    match m.remove("people") {
        None | Some(Value::Null) => {}
        Some(v) => match v.as_f64() {
            Some(n) if n > 0.0 && n <= MAX_PEOPLE => p.people = Some(n),
            _ => diags.push(Diagnostic::error(
                None,
                "planning.people",
                format!(
                    "{} is not a number of people; expected a number above 0 such as 2; the default {} is used",
                    show(&v),
                    crate::format::shortest(Planning::DEFAULT_PEOPLE)
                ),
            )),
        },
    }
    match m.remove("share_of_time") {
        None | Some(Value::Null) => {}
        Some(v) => match v.as_f64() {
            Some(n) if n > 0.0 && n <= 1.0 => p.share_of_time = Some(n),
            Some(n) if n > 1.0 && n <= 100.0 => diags.push(Diagnostic::error(
                None,
                "planning.share_of_time",
                format!(
                    "{} is above 1; give a fraction of working time, e.g. {} for {}%; the default {} is used",
                    show(&v),
                    crate::format::shortest(n / 100.0),
                    show(&v),
                    crate::format::shortest(Planning::DEFAULT_SHARE_OF_TIME)
                ),
            )),
            _ => diags.push(Diagnostic::error(
                None,
                "planning.share_of_time",
                format!(
                    "{} is not a share of working time; expected a number above 0 and at most 1, such as 0.5; the default {} is used",
                    show(&v),
                    crate::format::shortest(Planning::DEFAULT_SHARE_OF_TIME)
                ),
            )),
        },
    }
    warn_unknown_fields(&m, PLANNING_FIELDS, None, "planning.", diags);
    p.extra = m;
    p
}

/// Reads the `answers` object, keyed by ids that `parse` turns into typed keys.
fn read_answers<K: Ord + Copy + std::fmt::Display>(
    answers: Map<String, Value>,
    ctx: AnswerContext,
    diags: &mut Vec<Diagnostic>,
    parse: impl Fn(&str) -> Result<K, UnknownId>,
) -> BTreeMap<K, Answer> {
    let mut out: BTreeMap<K, Answer> = BTreeMap::new();
    // The spelling each kept answer was given under, to report duplicates.
    let mut spelled: BTreeMap<K, String> = BTreeMap::new();
    for (key, value) in answers {
        let id = match parse(&key) {
            Ok(id) => id,
            Err(message) => {
                diags.push(Diagnostic::error(
                    Some(&key),
                    "id",
                    format!("{message}; this answer is ignored"),
                ));
                continue;
            }
        };
        let canonical = id.to_string();
        let Some(answer) = read_answer(&canonical, value, ctx, diags) else {
            continue;
        };
        match out.entry(id) {
            Entry::Vacant(e) => {
                e.insert(answer);
                spelled.insert(id, key);
            }
            Entry::Occupied(mut e) => {
                let first = spelled.get(&id).cloned().unwrap_or_default();
                // Keep the answer given under the canonical spelling, else the first one read.
                let (kept, dropped) = if key == canonical {
                    e.insert(answer);
                    spelled.insert(id, key.clone());
                    (key.as_str(), first.as_str())
                } else {
                    (first.as_str(), key.as_str())
                };
                diags.push(Diagnostic::warning(
                    Some(&canonical),
                    "id",
                    format!("answered twice, as {kept:?} and {dropped:?}; the answer under {kept:?} is used"),
                ));
            }
        }
    }
    out
}

/// Reads one answer; `None` when there is nothing to keep.
fn read_answer(
    item: &str,
    value: Value,
    ctx: AnswerContext,
    diags: &mut Vec<Diagnostic>,
) -> Option<Answer> {
    let framework = ctx.framework;
    let mut m = match value {
        Value::Null => return None,
        // Shorthand: `"5.2": 1` means `"5.2": { "maturity": 1 }`.
        Value::Number(_) => {
            let mut m = Map::new();
            m.insert("maturity".to_string(), value);
            m
        }
        Value::Object(m) => m,
        other => {
            diags.push(Diagnostic::error(
                Some(item),
                "answer",
                format!(
                    "expected an object such as {{\"maturity\": 2}}, found {}; ignored",
                    kind(&other)
                ),
            ));
            return None;
        }
    };
    let mut a = Answer {
        maturity: take_level(&mut m, item, "maturity", 0, diags),
        target: take_level(&mut m, item, "target", 1, diags),
        ..Answer::default()
    };
    match m.remove("applicable") {
        None | Some(Value::Null) => {}
        Some(Value::Bool(b)) => a.applicable = b,
        Some(v) => diags.push(Diagnostic::error(
            Some(item),
            "applicable",
            format!(
                "{} is not true or false; the item is treated as applicable",
                show(&v)
            ),
        )),
    }
    a.justification = take_string(&mut m, "justification", Some(item), "justification", diags);
    a.reason = take_string(&mut m, "reason", Some(item), "reason", diags);
    a.note = take_string(&mut m, "note", Some(item), "note", diags);
    a.owner = take_string(&mut m, "owner", Some(item), "owner", diags);
    a.due = take_string(&mut m, "due", Some(item), "due", diags);
    if a.due.is_some() && a.due_date().is_none() {
        diags.push(Diagnostic::warning(
            Some(item),
            "due",
            format!(
                "{:?} is not a date written YYYY-MM-DD (or YYYY-MM); kept as written, but the action plan shows no due date for it",
                a.due.as_deref().unwrap_or_default()
            ),
        ));
    }
    match m.remove("status") {
        None | Some(Value::Null) => {}
        Some(v) => match v.as_str().and_then(PlanStatus::parse) {
            Some(st) => a.status = Some(st),
            None => diags.push(Diagnostic::error(
                Some(item),
                "status",
                format!(
                    "{} is not a status; expected \"open\", \"in_progress\" or \"done\"; the action counts as open",
                    show(&v)
                ),
            )),
        },
    }
    a.evidence = take_evidence(&mut m, item, "evidence", diags);
    match m.remove("inferred") {
        None | Some(Value::Null) => {}
        Some(Value::Bool(b)) => a.inferred = b,
        Some(v) => diags.push(Diagnostic::error(
            Some(item),
            "inferred",
            format!("{} is not true or false; ignored", show(&v)),
        )),
    }
    a.quick_scan = take_string(&mut m, "quick_scan", Some(item), "quick_scan", diags);
    if let Some(v) = m.remove("systems") {
        read_system_answers(item, v, ctx, &mut a, diags);
    }
    if a.target.is_some_and(|t| t < super::DEFAULT_TARGET) {
        diags.push(Diagnostic::warning(
            Some(item),
            "target",
            format!(
                "target {} is below level {}, which certification expects; findings and the verdict are still judged against level {}",
                a.target.unwrap_or_default(),
                super::DEFAULT_TARGET,
                super::DEFAULT_TARGET
            ),
        ));
    }
    check_exclusion(item, framework, &mut a, diags);
    warn_unknown_fields(&m, ANSWER_FIELDS, Some(item), "", diags);
    a.extra = m;
    Some(a)
}

/// Reads `answers[item].systems`: per-system answers, only for the controls about a system
/// and only for systems of the inventory.
fn read_system_answers(
    item: &str,
    v: Value,
    ctx: AnswerContext,
    a: &mut Answer,
    diags: &mut Vec<Diagnostic>,
) {
    let m = match v {
        Value::Null => return,
        Value::Object(m) => m,
        other => {
            diags.push(Diagnostic::error(
                Some(item),
                "systems",
                format!(
                    "expected an object keyed by system id such as {{\"chatbot\": {{\"maturity\": 2}}}}, found {}; ignored",
                    kind(&other)
                ),
            ));
            return;
        }
    };
    if m.is_empty() {
        return;
    }
    let per_system =
        ctx.framework == Framework::Iso42001 && IsoId::parse(item).is_ok_and(IsoId::per_system);
    if !per_system {
        diags.push(Diagnostic::error(
            Some(item),
            "systems",
            format!(
                "{item} is about the organisation as a whole, so it takes one answer, not one per AI system; only the controls about a system (A.5.2-A.5.5, A.6.2.x, A.7.x, A.9.x) can be answered per system; the per-system answers are ignored"
            ),
        ));
        return;
    }
    for (id, v) in m {
        let field = format!("systems.{id}");
        if ctx.profile.system(&id).is_none() {
            let known: Vec<&str> = ctx.profile.systems.iter().map(|s| s.id.as_str()).collect();
            let hint = if known.is_empty() {
                "profile.systems lists no AI system".to_string()
            } else {
                format!("the AI systems in profile.systems are {}", known.join(", "))
            };
            diags.push(Diagnostic::error(
                Some(item),
                &field,
                format!(
                    "{id:?} is not an AI system of the profile ({hint}); this answer is ignored"
                ),
            ));
            continue;
        }
        let mut sm = match v {
            Value::Null => continue,
            Value::Number(_) => {
                let mut sm = Map::new();
                sm.insert("maturity".to_string(), v);
                sm
            }
            Value::Object(sm) => sm,
            other => {
                diags.push(Diagnostic::error(
                    Some(item),
                    &field,
                    format!(
                        "expected an object such as {{\"maturity\": 2}}, found {}; ignored",
                        kind(&other)
                    ),
                ));
                continue;
            }
        };
        let mut s = SystemAnswer {
            maturity: take_level(&mut sm, item, "maturity", 0, diags),
            note: take_string(&mut sm, "note", Some(item), &format!("{field}.note"), diags),
            ..SystemAnswer::default()
        };
        s.evidence = take_evidence(&mut sm, item, &format!("{field}.evidence"), diags);
        warn_unknown_fields(
            &sm,
            SYSTEM_ANSWER_FIELDS,
            Some(item),
            &format!("{field}."),
            diags,
        );
        s.extra = sm;
        a.systems.insert(id, s);
    }
}

/// Only Annex A controls can be excluded, and an exclusion needs a justification.
fn check_exclusion(item: &str, framework: Framework, a: &mut Answer, diags: &mut Vec<Diagnostic>) {
    if a.applicable {
        return;
    }
    let annex_a =
        framework == Framework::Iso42001 && IsoId::parse(item).is_ok_and(IsoId::is_annex_a);
    if !annex_a {
        a.applicable = true;
        let message = match framework {
            Framework::Iso42001 => {
                "clauses 4-10 cannot be excluded: only Annex A controls can; the item is treated as applicable"
            }
            Framework::NistAiRmf => {
                "NIST AI RMF subcategories cannot be excluded here: only ISO/IEC 42001 Annex A controls can; the item is treated as applicable"
            }
        };
        diags.push(Diagnostic::error(
            Some(item),
            "applicable",
            message.to_string(),
        ));
        return;
    }
    if let Some(limit) = IsoId::parse(item).ok().and_then(ExclusionLimit::of) {
        a.applicable = true;
        diags.push(Diagnostic::error(
            Some(item),
            "applicable",
            format!("{}; the control is treated as applicable", limit.message()),
        ));
        return;
    }
    if a.justification().is_none() {
        diags.push(Diagnostic::warning(
            Some(item),
            "justification",
            "the control is excluded without a justification; the Statement of Applicability must justify every exclusion, and the report counts this as a minor nonconformity against 6.1.3".to_string(),
        ));
    }
    if a.maturity.is_some() {
        diags.push(Diagnostic::warning(
            Some(item),
            "maturity",
            "the control is excluded, so its maturity is not used".to_string(),
        ));
    }
}

/// A list of links or references (a single text is read as a one-item list).
fn take_evidence(
    m: &mut Map<String, Value>,
    item: &str,
    field: &str,
    diags: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let mut out = Vec::new();
    match m.remove("evidence") {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) => out.push(s),
        Some(Value::Array(items)) => {
            for v in items {
                match v {
                    Value::String(s) => out.push(s),
                    other => diags.push(Diagnostic::error(
                        Some(item),
                        field,
                        format!(
                            "{} is not a link or reference; expected text; ignored",
                            show(&other)
                        ),
                    )),
                }
            }
        }
        Some(v) => diags.push(Diagnostic::error(
            Some(item),
            field,
            format!(
                "expected a list of links or references, found {}; ignored",
                kind(&v)
            ),
        )),
    }
    out
}

/// A whole number from `min` to 5 (`maturity` from 0, `target` from 1).
fn take_level(
    m: &mut Map<String, Value>,
    item: &str,
    field: &str,
    min: u8,
    diags: &mut Vec<Diagnostic>,
) -> Option<u8> {
    let v = m.remove(field)?;
    if v.is_null() {
        return None;
    }
    match v.as_u64() {
        Some(n) if n >= u64::from(min) && n <= u64::from(MAX_MATURITY) => u8::try_from(n).ok(),
        _ => {
            let consequence = if field == "target" {
                "the default target 3 is used"
            } else {
                "the item counts as not assessed"
            };
            diags.push(Diagnostic::error(
                Some(item),
                field,
                format!(
                    "{} is out of range: expected a whole number from {min} to {MAX_MATURITY} ({}); {consequence}",
                    show(&v),
                    if min == 0 { "0 Incomplete … 5 Optimizing" } else { "1 Initial … 5 Optimizing" },
                ),
            ));
            None
        }
    }
}

fn take_string(
    m: &mut Map<String, Value>,
    key: &str,
    item: Option<&str>,
    field: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<String> {
    match m.remove(key) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s),
        Some(v) => {
            diags.push(Diagnostic::error(
                item,
                field,
                format!("expected text, found {}; ignored", kind(&v)),
            ));
            None
        }
    }
}

/// Warns about each field not in `known` (they are kept, but not used).
fn warn_unknown_fields(
    m: &Map<String, Value>,
    known: &[&'static str],
    item: Option<&str>,
    prefix: &str,
    diags: &mut Vec<Diagnostic>,
) {
    for key in m.keys() {
        // At most two edits: a name whose length differs by more is left out before the
        // distance is computed (a key may be thousands of characters long).
        let hint = known
            .iter()
            .filter(|k| k.len().abs_diff(key.len()) <= 2)
            .map(|k| (edit_distance(&key.to_ascii_lowercase(), k), *k))
            .filter(|&(d, _)| d <= 2)
            .min()
            .map(|(_, k)| format!(" (did you mean {k:?}?)"))
            .unwrap_or_default();
        // A field named "" is shown as `""`, so that the diagnostic still names it (found by
        // fuzzing).
        let name = if key.is_empty() { "\"\"" } else { key };
        diags.push(Diagnostic::warning(
            item,
            &format!("{prefix}{name}"),
            format!("unknown field, kept as written but not used{hint}"),
        ));
    }
}

/// What kind of JSON value this is, for messages.
fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// The value as JSON, cut short if long, for messages.
fn show(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 40 {
        let cut: String = s.chars().take(37).collect();
        format!("{cut}...")
    } else {
        s
    }
}

//! The organisation details of the open assessment: its name, headcount, AI systems in scope,
//! ISO/IEC 27001 and
//! ISO 9001 certificates, and the team's capacity (people and share of their time) that the
//! roadmap and the ROI use.

use crate::context::use_ctx;
use crate::state::Action;
use aims_engine::assessment::{HarmonizedCertificate, Organisation, Planning};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// A headcount: empty (unknown) or a whole number of at least 1.
pub fn parse_employees(text: &str) -> Result<Option<u32>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<u32>() {
        Ok(n) if n >= 1 => Ok(Some(n)),
        _ => Err(format!(
            "{t} is not a headcount; enter a whole number of 1 or more, or leave it empty."
        )),
    }
}

/// AI systems in scope: empty (unknown) or a whole number of at least 1.
pub fn parse_ai_systems(text: &str) -> Result<Option<u32>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<u32>() {
        Ok(n) if n >= 1 => Ok(Some(n)),
        _ => Err(format!(
            "{t} is not a number of AI systems; enter a whole number of 1 or more, or leave it empty."
        )),
    }
}

/// People on the AI management system: empty (the default) or a number above 0.
pub fn parse_people(text: &str) -> Result<Option<f64>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<f64>() {
        Ok(x) if x.is_finite() && x > 0.0 && x <= 100_000.0 => Ok(Some(x)),
        _ => Err(format!(
            "{t} is not a number of people; enter a number above 0, such as 2 or 1.5, or leave it empty for the default {}.",
            Planning::DEFAULT_PEOPLE
        )),
    }
}

/// Share of their working time: empty (the default) or above 0 and at most 1.
pub fn parse_share(text: &str) -> Result<Option<f64>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<f64>() {
        Ok(x) if x.is_finite() && x > 0.0 && x <= 1.0 => Ok(Some(x)),
        _ => Err(format!(
            "{t} is not a share of working time; enter a number above 0 and at most 1, such as 0.5 for half time, or leave it empty for the default {}.",
            Planning::DEFAULT_SHARE_OF_TIME
        )),
    }
}

/// Whether one written certificate is the given one (the engine's rule for "ISO/IEC 27001:2022",
/// "iso 9001" and the like).
fn is(cert: &str, which: HarmonizedCertificate) -> bool {
    let one = Organisation {
        certifications: vec![cert.to_string()],
        ..Organisation::default()
    };
    one.harmonized_certificate() == Some(which)
}

/// Whether the list holds the certificate.
pub fn holds(certs: &[String], which: HarmonizedCertificate) -> bool {
    certs.iter().any(|c| is(c, which))
}

/// The list with the certificate added (as its standard name) or every spelling of it removed;
/// other certificates are kept as written.
pub fn toggle(certs: &[String], which: HarmonizedCertificate, on: bool) -> Vec<String> {
    let mut out: Vec<String> = certs.iter().filter(|c| !is(c, which)).cloned().collect();
    if on {
        out.push(which.as_str().to_string());
    }
    out
}

/// Which rule a number field checks typed text by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Check {
    Employees,
    AiSystems,
    People,
    Share,
}

impl Check {
    fn run(self, text: &str) -> Result<(), String> {
        match self {
            Check::Employees => parse_employees(text).map(|_| ()),
            Check::AiSystems => parse_ai_systems(text).map(|_| ()),
            Check::People => parse_people(text).map(|_| ()),
            Check::Share => parse_share(text).map(|_| ()),
        }
    }
}

fn number_text(x: Option<f64>) -> String {
    x.map(|v| format!("{v}")).unwrap_or_default()
}

/// Two texts hold the same number (or are both empty).
fn same_number(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    a == b || matches!((a.parse::<f64>(), b.parse::<f64>()), (Ok(x), Ok(y)) if x == y)
}

#[derive(Properties, PartialEq)]
struct NumberProps {
    id: AttrValue,
    label: AttrValue,
    hint: AttrValue,
    /// The value in the state, as text.
    value: AttrValue,
    /// Checks typed text; the message is shown under the field.
    check: Check,
    /// Called with text that passed the check.
    onvalid: Callback<String>,
    #[prop_or("decimal")]
    inputmode: &'static str,
}

/// A number field that keeps what the user typed while it is not yet valid, and follows the
/// state when it changes elsewhere (another tab, an import).
#[function_component(NumberField)]
fn number_field(p: &NumberProps) -> Html {
    let raw = use_state(|| None::<String>);
    let error = raw.as_ref().and_then(|r| p.check.run(r).err());
    let text = match &*raw {
        Some(r) if error.is_some() || same_number(r, &p.value) => r.clone(),
        _ => p.value.to_string(),
    };
    let oninput = {
        let raw = raw.clone();
        let check = p.check;
        let onvalid = p.onvalid.clone();
        Callback::from(move |e: InputEvent| {
            let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            else {
                return;
            };
            let v = input.value();
            if check.run(&v).is_ok() {
                onvalid.emit(v.clone());
            }
            raw.set(Some(v));
        })
    };
    let hint_id = format!("{}-hint", p.id);
    let err_id = format!("{}-error", p.id);
    let described = if error.is_some() {
        format!("{err_id} {hint_id}")
    } else {
        hint_id.clone()
    };
    html! {
        <div class={classes!("form-field", error.is_some().then_some("has-error"))}>
            <label for={p.id.clone()}>{ p.label.clone() }</label>
            <input id={p.id.clone()} type="text" inputmode={p.inputmode} value={text}
                aria-invalid={error.is_some().then_some("true")} aria-describedby={described} {oninput} />
            if let Some(m) = error {
                <p class="input-error" id={err_id}><span aria-hidden="true">{"\u{26a0} "}</span>{ m }</p>
            }
            <p class="input-hint" id={hint_id}>{ p.hint.clone() }</p>
        </div>
    }
}

#[function_component(OrganisationForm)]
pub fn organisation_form() -> Html {
    let ctx = use_ctx();
    let a = &ctx.state.assessment;
    let org = &a.organisation;
    let planning = a.planning.clone().unwrap_or_default();
    let listed = a.profile.systems.len();
    // Once the inventory lists systems, the engine's rule in words, and where the inventory is.
    let inventory_note = a
        .inventory_count_note()
        .map(|note| format!("{note} The inventory is on the Assessment page."));

    let on_name = ctx.callback(|e: InputEvent| {
        let v = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .map(|i| i.value())
            .unwrap_or_default();
        Action::SetOrganisationName(v)
    });
    let on_employees =
        ctx.callback(|t: String| Action::SetEmployees(parse_employees(&t).ok().flatten()));
    let on_ai_systems =
        ctx.callback(|t: String| Action::SetAiSystems(parse_ai_systems(&t).ok().flatten()));
    let on_people = {
        let share = planning.share_of_time;
        ctx.callback(move |t: String| Action::SetPlanning {
            people: parse_people(&t).ok().flatten(),
            share_of_time: share,
        })
    };
    let on_share = {
        let people = planning.people;
        ctx.callback(move |t: String| Action::SetPlanning {
            people,
            share_of_time: parse_share(&t).ok().flatten(),
        })
    };
    let cert_box = |which: HarmonizedCertificate, id: &'static str| {
        let certs = org.certifications.clone();
        let checked = holds(&certs, which);
        let onchange = ctx.callback(move |e: Event| {
            let on = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                .is_some_and(|i| i.checked());
            Action::SetCertifications(toggle(&certs, which, on))
        });
        html! {
            <div class="check-row">
                <input type="checkbox" {id} {checked} {onchange} />
                <label for={id}>{ which.as_str() }</label>
            </div>
        }
    };
    let others: Vec<String> = org
        .certifications
        .iter()
        .filter(|c| {
            !is(c, HarmonizedCertificate::Iso27001) && !is(c, HarmonizedCertificate::Iso9001)
        })
        .cloned()
        .collect();
    html! {
        <form class="org-form" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <div class="form-field">
                <label for="org-name">{"Organisation name"}</label>
                <input id="org-name" type="text" autocomplete="organization" maxlength="200"
                    value={org.name.clone().unwrap_or_default()} oninput={on_name} aria-describedby="org-name-hint" />
                <p class="input-hint" id="org-name-hint">{"Names the saved assessment, the report and the exported file."}</p>
            </div>
            <NumberField id="org-employees" label="Employees in scope" inputmode="numeric"
                hint="Scales the roadmap's effort and the ROI's audit fees and effort."
                value={org.employees.map(|n| n.to_string()).unwrap_or_default()}
                check={Check::Employees}
                onvalid={on_employees} />
            if listed == 0 {
                <NumberField id="org-ai-systems" label="AI systems in scope" inputmode="numeric"
                    hint="Each AI system needs its own impact and risk assessment: scales the roadmap's effort and the ROI. Empty: 3, the reference organisation. Once the inventory on the Assessment page lists systems, their count is used instead."
                    value={org.ai_systems_in_scope.map(|n| n.to_string()).unwrap_or_default()}
                    check={Check::AiSystems}
                    onvalid={on_ai_systems} />
            } else {
                <div class="form-field derived-field">
                    <span class="field-label" id="org-ai-systems-label">{"AI systems in scope"}</span>
                    <output id="org-ai-systems-derived" aria-labelledby="org-ai-systems-label"
                        aria-describedby="org-ai-systems-hint">{ listed }</output>
                    <p class="input-hint" id="org-ai-systems-hint">{ inventory_note }</p>
                </div>
            }
            <fieldset class="form-field certs">
                <legend>{"Management-system certificates held"}</legend>
                { cert_box(HarmonizedCertificate::Iso27001, "org-cert-27001") }
                { cert_box(HarmonizedCertificate::Iso9001, "org-cert-9001") }
                if !others.is_empty() {
                    <p class="input-hint">{ format!("Also recorded: {}.", others.join(", ")) }</p>
                }
                <p class="input-hint">{"Both share the clause 4-10 structure with ISO/IEC 42001, so part of the work is reused."}</p>
            </fieldset>
            <fieldset class="form-field planning">
                <legend>{"Planning: the team on the AI management system"}</legend>
                <div class="planning-fields">
                    <NumberField id="org-people" label="People"
                        hint={format!("May be fractional. Empty: the default {}.", Planning::DEFAULT_PEOPLE)}
                        value={number_text(planning.people)}
                        check={Check::People}
                        onvalid={on_people} />
                    <NumberField id="org-share" label="Share of their time (0-1)"
                        hint={format!("0.5 is half time. Empty: the default {}.", Planning::DEFAULT_SHARE_OF_TIME)}
                        value={number_text(planning.share_of_time)}
                        check={Check::Share}
                        onvalid={on_share} />
                </div>
                <p class="input-hint">{ {
                    let fte = crate::format::one_decimal(planning.full_time_equivalents());
                    let unit = if fte == "1" { "full-time equivalent" } else { "full-time equivalents" };
                    format!("The roadmap's length and the ROI's internal effort follow from this: {fte} {unit} now.")
                } }</p>
            </fieldset>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_numbers_are_checked_with_a_message_naming_the_value() {
        assert_eq!(parse_employees(" 40 "), Ok(Some(40)));
        assert_eq!(parse_ai_systems(" 4 "), Ok(Some(4)));
        assert_eq!(parse_ai_systems(""), Ok(None));
        assert!(parse_ai_systems("0").unwrap_err().contains("AI systems"));
        assert_eq!(parse_employees(""), Ok(None));
        assert!(parse_employees("0")
            .unwrap_err()
            .starts_with("0 is not a headcount"));
        assert!(parse_employees("-3").is_err() && parse_employees("2.5").is_err());
        assert_eq!(parse_people("1.5"), Ok(Some(1.5)));
        assert!(parse_people("0").unwrap_err().contains("default 2"));
        assert_eq!(parse_share("0.5"), Ok(Some(0.5)));
        assert_eq!(parse_share("1"), Ok(Some(1.0)));
        assert!(parse_share("50")
            .unwrap_err()
            .starts_with("50 is not a share"));
        assert!(parse_share("abc").is_err());
    }

    #[test]
    fn certificates_toggle_without_losing_other_entries() {
        let certs = vec!["ISO/IEC 27001:2022".to_string(), "SOC 2".to_string()];
        assert!(holds(&certs, HarmonizedCertificate::Iso27001));
        assert!(!holds(&certs, HarmonizedCertificate::Iso9001));
        let off = toggle(&certs, HarmonizedCertificate::Iso27001, false);
        assert_eq!(off, vec!["SOC 2".to_string()]);
        let on = toggle(&off, HarmonizedCertificate::Iso9001, true);
        assert_eq!(on, vec!["SOC 2".to_string(), "ISO 9001".to_string()]);
        assert!(holds(&on, HarmonizedCertificate::Iso9001));
    }

    #[test]
    fn numbers_typed_differently_are_the_same() {
        assert!(same_number("0.50", "0.5"));
        assert!(same_number("", " "));
        assert!(!same_number("2", "3"));
    }
}

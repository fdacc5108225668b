//! The ROI input fields: each engine input as a labelled low / likely / high range (or a single
//! number) with its unit, its default, its source and the engine's message about it, grouped as
//! the page shows them; and the named further costs and benefits per year the user adds.

use super::figures::{grouped, plain};
use super::Editor;
use crate::roi_inputs::{self as form, FieldError, Kind, OtherEdit};
use aims_engine::roi::params::ParamId;
use aims_engine::roi::{ExistingStandard, MonthsBasis, NamedAmount, Range, RoiInputs};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// What the input fields need to render.
pub(super) struct View<'a> {
    pub(super) shown: &'a RoiInputs,
    pub(super) defaults: Option<&'a RoiInputs>,
    pub(super) editor: &'a Editor,
    pub(super) errors: &'a [FieldError],
    pub(super) on_number: Callback<(String, String, Kind)>,
    pub(super) on_text: Callback<(String, String)>,
    pub(super) on_other: Callback<(&'static str, OtherEdit)>,
}

fn field_id(path: &str) -> String {
    format!("roi-{}", path.replace(['.', '_'], "-"))
}

impl View<'_> {
    /// The messages for a path: text that is not a number, then the engine's.
    fn messages(&self, path: &str) -> Vec<String> {
        let mut out: Vec<String> = self
            .editor
            .text_errors
            .get(path)
            .cloned()
            .into_iter()
            .collect();
        out.extend(form::errors_at(self.errors, path).map(|e| e.message.clone()));
        out
    }

    /// Why a field cannot be edited here, if it cannot.
    fn fixed_by_roadmap(&self, path: &str) -> Option<&'static str> {
        let roadmap = self.shown.schedule.months_basis == MonthsBasis::Roadmap;
        let path = ["low", "likely", "high"]
            .iter()
            .find_map(|end| path.strip_suffix(&format!(".{end}")))
            .unwrap_or(path);
        match path {
            "schedule.implementation_months" | "schedule.audit_lag_months" if roadmap => {
                Some("Set by your assessment's roadmap.")
            }
            "costs.internal_people" | "costs.internal_share_of_time" if roadmap => {
                Some("Set by your assessment's planning (Your data page).")
            }
            _ => None,
        }
    }

    /// One number input with its label, messages and read-only state.
    fn number(
        &self,
        path: &str,
        label: Html,
        value: String,
        kind: Kind,
        extra_described: Option<String>,
    ) -> Html {
        let id = field_id(path);
        let messages = self.messages(path);
        let err_id = format!("{id}-error");
        let mut described: Vec<String> = Vec::new();
        if !messages.is_empty() {
            described.push(err_id.clone());
        }
        described.extend(extra_described);
        let readonly = self.fixed_by_roadmap(path).is_some();
        let text = match self.editor.text.get(path) {
            Some(t) if !readonly => t.clone(),
            _ => value,
        };
        let oninput = {
            let cb = self.on_number.clone();
            let path = path.to_string();
            Callback::from(move |e: InputEvent| {
                if let Some(input) = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                {
                    cb.emit((path.clone(), input.value(), kind));
                }
            })
        };
        html! {
            <div class={classes!("roi-num", (!messages.is_empty()).then_some("has-error"))}>
                <label for={id.clone()}>{ label }</label>
                <input id={id} type="number" step="any" min="0"
                    inputmode={if kind == Kind::Whole { "numeric" } else { "decimal" }}
                    value={text} readonly={readonly}
                    aria-invalid={(!messages.is_empty()).then_some("true")}
                    aria-describedby={(!described.is_empty()).then(|| described.join(" "))}
                    {oninput} />
                { error_text(&err_id, &messages) }
            </div>
        }
    }

    /// A low / likely / high range.
    fn range(&self, id: ParamId) -> Html {
        let path = id.path();
        let r: &Range = id.range(self.shown);
        let unit = id.unit().label(&self.shown.currency);
        let label = id.label();
        let base = field_id(path);
        let meta_id = format!("{base}-meta");
        let own = self.messages(path);
        let own_id = format!("{base}-error");
        let not_used = matches!(id, ParamId::EffortReuseShare | ParamId::MonthsSaved)
            && !self.shown.certificate_credit_applies();
        let fixed = self.fixed_by_roadmap(path);
        let ends = [("low", "Low", r.low), ("likely", "Likely", r.likely), ("high", "High", r.high)].map(|(end, word, v)| {
            let lab =
                html! { <><span class="visually-hidden">{ format!("{label}, ") }</span>{ word }</> };
            let mut described = meta_id.clone();
            if !own.is_empty() {
                described = format!("{own_id} {described}");
            }
            self.number(
                &format!("{path}.{end}"),
                lab,
                plain(v),
                Kind::Number,
                Some(described),
            )
        });
        let default = self.defaults.map(|d| id.range(d)).map(|d| {
            format!(
                "Default {} / {} / {}.",
                plain_unit(d.low, &unit),
                plain_unit(d.likely, &unit),
                plain_unit(d.high, &unit)
            )
        });
        html! {
            <fieldset class={classes!("roi-range", not_used.then_some("not-used"), (!own.is_empty()).then_some("has-error"))}>
                <legend>{ label }<span class="roi-unit">{ unit_suffix(&unit) }</span></legend>
                <div class="roi-triple">{ for ends }</div>
                { error_text(&own_id, &own) }
                <p class="roi-meta" id={meta_id}>
                    if let Some(why) = fixed { <span class="roi-fixed">{ why }{" "}</span> }
                    if not_used { <span class="roi-fixed">{"Not used now: it applies only when an ISO/IEC 27001 or ISO 9001 certificate is held and the months are not from a roadmap. "}</span> }
                    { for default }
                    <span>{" Source: "}{ r.source.clone() }{"."}</span>
                </p>
            </fieldset>
        }
    }

    /// A named further cost or benefit per year: its name, its range, and a remove button.
    fn other(&self, section: &'static str, index: usize, item: &NamedAmount) -> Html {
        let path = form::other_path(section, index);
        let base = field_id(&path.replace(['[', ']'], "-"));
        let name_id = format!("{base}-name");
        let r: &Range = &item.per_year;
        let unit = self.shown.currency.clone();
        let own = self.messages(&path);
        let own_id = format!("{base}-error");
        let title = if item.name.trim().is_empty() {
            format!("Item {}", index + 1)
        } else {
            item.name.clone()
        };
        let ends = [("low", "Low", r.low), ("likely", "Likely", r.likely), ("high", "High", r.high)].map(|(end, word, v)| {
            let key = format!("{path}.{end}");
            let id = format!("{base}-{end}");
            let messages = self.messages(&key);
            let err_id = format!("{id}-error");
            let text = self.editor.text.get(&key).cloned().unwrap_or_else(|| plain(v));
            let oninput = {
                let cb = self.on_other.clone();
                Callback::from(move |e: InputEvent| {
                    if let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                        cb.emit((section, OtherEdit::Number(index, end, input.value())));
                    }
                })
            };
            let mut described = Vec::new();
            if !messages.is_empty() {
                described.push(err_id.clone());
            }
            if !own.is_empty() {
                described.push(own_id.clone());
            }
            html! {
                <div class={classes!("roi-num", (!messages.is_empty()).then_some("has-error"))}>
                    <label for={id.clone()}><span class="visually-hidden">{ format!("{title}, ") }</span>{ word }</label>
                    <input id={id} type="number" step="any" min="0" inputmode="decimal" value={text}
                        aria-invalid={(!messages.is_empty()).then_some("true")}
                        aria-describedby={(!described.is_empty()).then(|| described.join(" "))}
                        {oninput} />
                    { error_text(&err_id, &messages) }
                </div>
            }
        });
        let on_name = {
            let cb = self.on_other.clone();
            Callback::from(move |e: InputEvent| {
                if let Some(input) = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                {
                    cb.emit((section, OtherEdit::Name(index, input.value())));
                }
            })
        };
        let remove = {
            let cb = self.on_other.clone();
            Callback::from(move |_: MouseEvent| cb.emit((section, OtherEdit::Remove(index))))
        };
        html! {
            <fieldset class={classes!("roi-range", "roi-other", (!own.is_empty()).then_some("has-error"))}>
                <legend>{ title.clone() }<span class="roi-unit">{ unit_suffix(&format!("{unit} per year")) }</span></legend>
                <div class="roi-num roi-other-name">
                    <label for={name_id.clone()}>{"Name"}</label>
                    <input id={name_id} type="text" maxlength="80" value={item.name.clone()} oninput={on_name} />
                </div>
                <div class="roi-triple">{ for ends }</div>
                { error_text(&own_id, &own) }
                <p class="roi-meta">
                    {"Source: "}{ r.source.clone() }{". "}
                    <button type="button" class="link-button" onclick={remove}
                        aria-label={format!("Remove {title}")}>{"Remove"}</button>
                </p>
            </fieldset>
        }
    }

    /// A single number (horizon, rate, headcount, trials, ...).
    fn scalar(&self, path: &str, label: &str, unit: &str, kind: Kind, help: &str) -> Html {
        let value = scalar_value(self.shown, path);
        let default = self.defaults.map(|d| scalar_value(d, path));
        let meta_id = format!("{}-meta", field_id(path));
        let fixed = self.fixed_by_roadmap(path);
        let lab = html! { <>{ label }<span class="roi-unit">{ format!(" ({unit})") }</span></> };
        html! {
            <div class="roi-scalar">
                { self.number(path, lab, value, kind, Some(meta_id.clone())) }
                <p class="roi-meta" id={meta_id}>
                    if let Some(why) = fixed { <span class="roi-fixed">{ why }{" "}</span> }
                    { help }
                    if let Some(d) = default { { format!(" Default {d}.") } }
                </p>
            </div>
        }
    }
}

/// ` (USD)`, ` (months)`; a unit with its own brackets after a dash: ` – share (0-1)`.
fn unit_suffix(unit: &str) -> String {
    if unit.contains('(') {
        format!(" \u{2013} {unit}")
    } else {
        format!(" ({unit})")
    }
}

pub(super) fn plain_unit(v: f64, unit: &str) -> String {
    if unit.len() == 3 && unit.chars().all(|c| c.is_ascii_uppercase()) {
        grouped(v)
    } else {
        plain(v)
    }
}

fn error_text(id: &str, messages: &[String]) -> Html {
    if messages.is_empty() {
        return html! {};
    }
    html! {
        <p class="input-error" id={id.to_string()}>
            <span aria-hidden="true">{"\u{26a0} "}</span>{ messages.join(" ") }
        </p>
    }
}

fn scalar_value(i: &RoiInputs, path: &str) -> String {
    match path {
        // Not given: the horizon the engine uses (the certification month + 36).
        "horizon_months" => i.horizon_months.unwrap_or_else(|| i.horizon()).to_string(),
        "discount_rate_percent" => plain(i.discount_rate_percent),
        "organisation.employees" => i.organisation.employees.to_string(),
        "organisation.ai_systems_in_scope" => i.organisation.ai_systems_in_scope.to_string(),
        "schedule.audit_lag_months" => i.schedule.audit_lag_months.to_string(),
        "monte_carlo.trials" => i.monte_carlo.trials.to_string(),
        "monte_carlo.seed" => i.monte_carlo.seed.to_string(),
        _ => String::new(),
    }
}

/// The paths the fields of the page show messages for.
fn placed_paths(shown: &RoiInputs) -> Vec<String> {
    let mut out: Vec<String> = [
        "horizon_months",
        "discount_rate_percent",
        "organisation.employees",
        "organisation.ai_systems_in_scope",
        "schedule.audit_lag_months",
        "monte_carlo.trials",
        "monte_carlo.seed",
        "costs",
    ]
    .map(String::from)
    .to_vec();
    for id in ParamId::ALL {
        out.push(id.path().to_string());
        for end in ["low", "likely", "high"] {
            out.push(format!("{}.{end}", id.path()));
        }
    }
    for (section, list) in [
        ("costs", &shown.costs.other_per_year),
        ("benefits", &shown.benefits.other_per_year),
    ] {
        for i in 0..list.len() {
            let path = form::other_path(section, i);
            for end in ["low", "likely", "high"] {
                out.push(format!("{path}.{end}"));
            }
            out.push(path);
        }
    }
    out
}

pub(super) fn general_fields(v: &View) -> Html {
    let currency_id = "roi-currency";
    let on_currency = {
        let cb = v.on_text.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                cb.emit(("currency".into(), input.value()));
            }
        })
    };
    let currency = v
        .editor
        .text
        .get("currency")
        .cloned()
        .unwrap_or_else(|| v.shown.currency.clone());
    html! {
        <fieldset class="roi-group">
            <legend>{"Assumptions"}</legend>
            <div class="roi-scalars">
                { v.scalar("horizon_months", "Horizon", "months", Kind::Whole, "Costs and benefits are counted over this period from the start of the project; by default the likely certification month + 36, the whole certificate cycle.") }
                { v.scalar("discount_rate_percent", "Discount rate", "% a year", Kind::Number, "Applied monthly for the net present value.") }
                { v.scalar("organisation.employees", "Employees in scope", "people", Kind::Whole, "Scales audit fees and effort (rule in docs/roi.md).") }
                { v.scalar("organisation.ai_systems_in_scope", "AI systems in scope", "systems", Kind::Whole, "Each system adds audit sampling and its own impact assessment.") }
                <div class="roi-scalar">
                    <div class="roi-num">
                        <label for={currency_id}>{"Currency label"}</label>
                        <input id={currency_id} type="text" value={currency} maxlength="12"
                            aria-describedby="roi-currency-meta" oninput={on_currency} />
                    </div>
                    <p class="roi-meta" id="roi-currency-meta">{"Shown next to amounts; nothing is converted. The published figures are in USD."}</p>
                </div>
                { v.scalar("monte_carlo.trials", "Monte Carlo trials", "trials", Kind::Whole, "How many random draws of the inputs.") }
                { v.scalar("monte_carlo.seed", "Random seed", "number", Kind::Whole, "The same seed gives the same results every time.") }
            </div>
        </fieldset>
    }
}

pub(super) fn schedule_fields(v: &View) -> Html {
    let current = v.shown.existing_certificate.standard;
    let onchange = {
        let cb = v.on_text.clone();
        Callback::from(move |e: Event| {
            if let Some(s) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
            {
                cb.emit(("existing_certificate.standard".into(), s.value()));
            }
        })
    };
    let option = |value: &'static str, std: ExistingStandard, text: &'static str| {
        html! { <option {value} selected={current == std}>{ text }</option> }
    };
    html! {
        <fieldset class="roi-group">
            <legend>{"Schedule and existing certificate"}</legend>
            { v.range(ParamId::ImplementationMonths) }
            <div class="roi-scalars">
                { v.scalar("schedule.audit_lag_months", "From implementation to the audit", "months", Kind::Whole, "The certification month is the implementation months plus this.") }
                <div class="roi-scalar">
                    <div class="roi-num">
                        <label for="roi-existing-certificate">{"Existing certificate"}</label>
                        <select id="roi-existing-certificate" {onchange} aria-describedby="roi-existing-certificate-meta">
                            { option("none", ExistingStandard::None, "None") }
                            { option("iso27001", ExistingStandard::Iso27001, "ISO/IEC 27001") }
                            { option("iso9001", ExistingStandard::Iso9001, "ISO 9001") }
                        </select>
                    </div>
                    <p class="roi-meta" id="roi-existing-certificate-meta">{"A management system already certified is partly reused (the two ranges below)."}</p>
                </div>
            </div>
            { v.range(ParamId::EffortReuseShare) }
            { v.range(ParamId::MonthsSaved) }
        </fieldset>
    }
}

pub(super) fn range_group(
    v: &View,
    title: &str,
    id: &str,
    section: &'static str,
    help: &str,
) -> Html {
    let own = if section == "costs" {
        v.messages("costs")
    } else {
        Vec::new()
    };
    let prefix = format!("{section}.");
    let (list, word, when) = if section == "costs" {
        (&v.shown.costs.other_per_year, "cost", "from month 1")
    } else {
        (
            &v.shown.benefits.other_per_year,
            "benefit",
            "from the month after certification",
        )
    };
    let add = {
        let cb = v.on_other.clone();
        Callback::from(move |_: MouseEvent| cb.emit((section, OtherEdit::Add)))
    };
    html! {
        <fieldset class="roi-group" id={id.to_string()}>
            <legend>{ title.to_string() }</legend>
            <p class="muted">{ help.to_string() }</p>
            { error_text(&format!("{id}-error"), &own) }
            { for ParamId::ALL.into_iter().filter(|p| p.path().starts_with(&prefix)).map(|p| v.range(p)) }
            <div class="roi-others">
                <h3>{ format!("Further {word}s per year") }</h3>
                <p class="muted">{ format!("Anything else, by name, counted {when}.") }</p>
                { for list.iter().enumerate().map(|(i, item)| v.other(section, i, item)) }
                <button type="button" class="secondary" id={format!("{id}-add")} onclick={add}>{ format!("Add a {word} per year") }</button>
            </div>
        </fieldset>
    }
}

pub(super) fn unplaced_errors(v: &View) -> Html {
    let left = form::unplaced(v.errors, &placed_paths(v.shown));
    if left.is_empty() {
        return html! {};
    }
    html! {
        <div class="notice notice-bad">
            <p><strong>{"These inputs cannot be used:"}</strong></p>
            <ul>{ for left.iter().map(|e| html! { <li>{ if e.path.is_empty() { e.message.clone() } else { format!("{}: {}", e.path, e.message) } }</li> }) }</ul>
        </div>
    }
}

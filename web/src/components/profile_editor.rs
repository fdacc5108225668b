//! The profile editor on the Assessment page: the organisation's roles for AI (ISO/IEC 22989)
//! and the inventory of AI systems in scope (name, purpose, origin, life-cycle stage, whether it
//! affects individuals, intended users). The engine proposes exclusions from them, sizes the
//! roadmap by the number of systems, and lets the controls about a system be answered per
//! system (docs/assessment-format.md, docs/scoring.md); this component only edits the fields.

use crate::context::{use_ctx, Ctx};
use crate::state::Action;
use aims_engine::assessment::{AiSystem, Origin, Stage};
use aims_engine::catalog::AiRole;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

fn role_help(r: AiRole) -> &'static str {
    match r {
        AiRole::Provider => "offers AI products or services to others",
        AiRole::Producer => "designs, builds, trains or fine-tunes AI",
        AiRole::Customer => "uses AI products or services built by others",
        AiRole::Partner => "integrates systems, provides data, evaluates or audits AI",
    }
}

fn origin_title(o: Origin) -> &'static str {
    match o {
        Origin::InHouse => "Developed in-house",
        Origin::Supplied => "Supplied by a vendor",
    }
}

fn stage_title(s: Stage) -> &'static str {
    match s {
        Stage::Development => "In development or pilot",
        Stage::Deployed => "Deployed",
    }
}

/// A text field of one system, written back on change.
fn text_field(ctx: &Ctx, s: &AiSystem, field: &'static str, label: &'static str) -> Html {
    let value = match field {
        "name" => s.name.clone(),
        "purpose" => s.purpose.clone(),
        _ => s.intended_users.clone(),
    }
    .unwrap_or_default();
    let system = s.clone();
    let onchange = ctx.callback(move |e: Event| {
        let v = e.target_unchecked_into::<HtmlInputElement>().value();
        let v = (!v.trim().is_empty()).then_some(v);
        let mut x = system.clone();
        match field {
            "name" => x.name = v,
            "purpose" => x.purpose = v,
            _ => x.intended_users = v,
        }
        Action::PutSystem(x)
    });
    let id = format!("system-{}-{field}", s.id);
    html! {
        <label for={id.clone()}>{ label }
            <input type="text" id={id} {value} {onchange} />
        </label>
    }
}

/// A callback that writes the system back with one field changed by `set` from the event.
fn edit_system(ctx: &Ctx, s: &AiSystem, set: fn(&mut AiSystem, &Event)) -> Callback<Event> {
    let sys = s.clone();
    ctx.callback(move |e: Event| {
        let mut x = sys.clone();
        set(&mut x, &e);
        Action::PutSystem(x)
    })
}

fn system_row(ctx: &Ctx, s: &AiSystem) -> Html {
    let on_origin = edit_system(ctx, s, |x, e| {
        x.origin = Origin::parse(&e.target_unchecked_into::<HtmlSelectElement>().value());
    });
    let on_stage = edit_system(ctx, s, |x, e| {
        x.stage = Stage::parse(&e.target_unchecked_into::<HtmlSelectElement>().value());
    });
    let on_affects = edit_system(ctx, s, |x, e| {
        x.affects_individuals = Some(e.target_unchecked_into::<HtmlInputElement>().checked());
    });
    let id = s.id.clone();
    let on_remove = ctx.callback(move |_: MouseEvent| Action::RemoveSystem(id.clone()));
    html! {
        <li class="system" id={format!("system-{}", s.id)}>
            <p><strong>{ s.label() }</strong>{" "}<small class="muted">{ format!("(id {})", s.id) }</small></p>
            <div class="system-fields">
                { text_field(ctx, s, "name", "Name") }
                { text_field(ctx, s, "purpose", "Purpose") }
                { text_field(ctx, s, "intended_users", "Intended users") }
                <label for={format!("system-{}-origin", s.id)}>{"Origin"}
                    <select id={format!("system-{}-origin", s.id)} onchange={on_origin}>
                        <option value="" selected={s.origin.is_none()}>{"Not stated"}</option>
                        { for Origin::ALL.iter().map(|&o| html! {
                            <option value={o.as_str()} selected={s.origin == Some(o)}>{ origin_title(o) }</option>
                        }) }
                    </select>
                </label>
                <label for={format!("system-{}-stage", s.id)}>{"Stage"}
                    <select id={format!("system-{}-stage", s.id)} onchange={on_stage}>
                        <option value="" selected={s.stage.is_none()}>{"Not stated"}</option>
                        { for Stage::ALL.iter().map(|&st| html! {
                            <option value={st.as_str()} selected={s.stage == Some(st)}>{ stage_title(st) }</option>
                        }) }
                    </select>
                </label>
                <label class="check"><input type="checkbox" id={format!("system-{}-affects", s.id)}
                    checked={s.affects_individuals == Some(true)} onchange={on_affects} />
                    {" Its outputs affect individuals"}</label>
            </div>
            <button type="button" class="secondary" id={format!("system-{}-remove", s.id)} onclick={on_remove}>
                { format!("Remove {} (and its per-system answers)", s.label()) }
            </button>
        </li>
    }
}

#[function_component(ProfileEditor)]
pub fn profile_editor() -> Html {
    let ctx = use_ctx();
    let new_name = use_state(String::new);
    let profile = &ctx.state.assessment.profile;
    // Open at first for a profile not filled in yet; after that the user opens and closes it
    // (the attribute keeps its first value, so editing never collapses it).
    let open = *use_state(|| profile.systems.is_empty() && profile.roles.is_empty());
    let roles = profile.roles.clone();
    let role_box = |r: AiRole| {
        let checked = roles.contains(&r);
        let roles = roles.clone();
        let onchange = ctx.callback(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            let mut next: Vec<AiRole> = roles.iter().copied().filter(|x| *x != r).collect();
            if on {
                next.push(r);
                aims_engine::order::sort(&mut next);
            }
            Action::SetRoles(next)
        });
        html! {
            <label class="check">
                <input type="checkbox" id={format!("role-{}", r.as_str())} {checked} {onchange} />
                { format!(" {}: {}", r.title(), role_help(r)) }
            </label>
        }
    };
    let on_name = {
        let new_name = new_name.clone();
        Callback::from(move |e: InputEvent| {
            new_name.set(e.target_unchecked_into::<HtmlInputElement>().value());
        })
    };
    let on_add = {
        let ctx = ctx.clone();
        let new_name = new_name.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let name = new_name.trim().to_string();
            if name.is_empty() {
                return;
            }
            let id = ctx.state.assessment.profile.unused_system_id(&name);
            ctx.dispatch(Action::PutSystem(AiSystem {
                id,
                name: Some(name),
                ..AiSystem::default()
            }));
            new_name.set(String::new());
        })
    };
    let n = profile.systems.len();
    html! {
        <details class="profile-editor panel" id="profile-editor" {open}>
            <summary>{ format!("Profile: roles for AI and AI systems in scope ({n})") }</summary>
            <fieldset>
                <legend>{"What the organisation does with AI (more than one allowed)"}</legend>
                { for aims_engine::catalog::AiRole::ALL.iter().map(|&r| role_box(r)) }
            </fieldset>
            <h3>{"AI systems in scope"}</h3>
            <p class="muted">{"The number of systems sizes the roadmap and the ROI. The controls about a system (impact assessment A.5.2-A.5.5, life cycle A.6.2, data A.7, use A.9) can then be rated per system, and each takes its weakest system's level. When every system is supplied, the report proposes excluding the development controls."}</p>
            if n > 0 {
                <ul class="systems">{ for profile.systems.iter().map(|s| system_row(&ctx, s)) }</ul>
            }
            <form class="add-system" onsubmit={on_add}>
                <label for="new-system-name">{"Add an AI system: name"}</label>
                <input type="text" id="new-system-name" value={(*new_name).clone()} oninput={on_name} />
                <button type="submit" id="add-system" disabled={new_name.trim().is_empty()}>{"Add AI system"}</button>
            </form>
        </details>
    }
}

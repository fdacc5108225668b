//! "Copy share link": the open assessment packed into a link by the engine
//! (`aims_engine::share::encode`), `<this app>#/share/<token>`. The assessment travels in the
//! fragment, which browsers never send to a server. The link is copied with the Clipboard API
//! when the browser allows it, and always shown in a read-only field to copy by hand.

use crate::context::use_ctx;
use crate::dom::{app_base, select_on_focus};
use aims_engine::share;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

/// What the share box shows after a click.
#[derive(Clone, Debug, PartialEq)]
enum Shown {
    Nothing,
    /// The link, and whether it was copied (`None` while the clipboard is being written).
    Link {
        url: String,
        copied: Option<bool>,
    },
    Error(String),
}

/// `navigator.clipboard.writeText(text)`, if the browser has it (it may not, e.g. on a page
/// not served over HTTPS).
fn clipboard_write(text: &str) -> Option<js_sys::Promise> {
    let window: JsValue = web_sys::window()?.into();
    let navigator = js_sys::Reflect::get(&window, &"navigator".into()).ok()?;
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).ok()?;
    if clipboard.is_undefined() || clipboard.is_null() {
        return None;
    }
    let write: js_sys::Function = js_sys::Reflect::get(&clipboard, &"writeText".into())
        .ok()?
        .dyn_into()
        .ok()?;
    write
        .call1(&clipboard, &JsValue::from_str(text))
        .ok()?
        .dyn_into()
        .ok()
}

#[function_component(ShareLink)]
pub fn share_link() -> Html {
    let ctx = use_ctx();
    let shown = use_state(|| Shown::Nothing);
    // A link made before a change would share the old answers: forget it.
    {
        let shown = shown.clone();
        use_effect_with((ctx.state.current.clone(), ctx.state.rev), move |_| {
            shown.set(Shown::Nothing)
        });
    }
    let onclick = {
        let ctx = ctx.clone();
        let shown = shown.clone();
        Callback::from(
            move |_: MouseEvent| match share::encode(&ctx.state.assessment) {
                Err(e) => shown.set(Shown::Error(e.to_string())),
                Ok(token) => {
                    let url = format!("{}#/share/{token}", app_base());
                    match clipboard_write(&url) {
                        None => shown.set(Shown::Link {
                            url,
                            copied: Some(false),
                        }),
                        Some(promise) => {
                            shown.set(Shown::Link {
                                url: url.clone(),
                                copied: None,
                            });
                            let shown = shown.clone();
                            wasm_bindgen_futures::spawn_local(async move {
                                let ok =
                                    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
                                shown.set(Shown::Link {
                                    url,
                                    copied: Some(ok),
                                });
                            });
                        }
                    }
                }
            },
        )
    };
    let result = match &*shown {
        Shown::Nothing => html! {},
        Shown::Error(e) => html! {
            <p class="notice notice-bad" role="alert">{ format!("No share link was made: {e}.") }</p>
        },
        Shown::Link { url, copied } => {
            let status = match copied {
                None => "Copying\u{2026}".to_string(),
                Some(true) => format!(
                    "Copied to the clipboard ({} characters).",
                    url.chars().count()
                ),
                Some(false) => format!(
                    "Select the link below and copy it ({} characters).",
                    url.chars().count()
                ),
            };
            html! {
                <div class="share-result">
                    <p class="share-status" id="share-link-status">{ status }</p>
                    <label for="share-link-url">{"Share link"}</label>
                    <input id="share-link-url" type="text" readonly=true value={url.clone()}
                        aria-describedby="share-link-status" onfocus={select_on_focus()} />
                </div>
            }
        }
    };
    html! {
        <div class="share-link">
            <p>{"A link that holds the whole open assessment, answers and notes included: anyone who opens it in AIMS Readiness is asked before it is imported. It is never sent to a server (it sits after the # of the address), so share it only with people who may read the assessment."}</p>
            <div class="actions">
                <button type="button" class="secondary" id="share-link" {onclick}>{"Copy share link"}</button>
            </div>
            <div aria-live="polite">{ result }</div>
        </div>
    }
}

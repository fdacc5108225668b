//! Small DOM helpers shared by pages and components.
//!
//! Focus moves with [`use_focus_after_render`]: a handler that changes what is shown asks for
//! focus on an element of the new view, and the component's effect, which Yew runs only after
//! the render has put the new view in the document, moves it there. A timer would race the
//! render: on a busy machine it could fire first and find no element.

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The app's address without its hash (`https://example.org/aims/`), for links to share.
pub fn app_base() -> String {
    web_sys::window()
        .map(|w| {
            let l = w.location();
            format!(
                "{}{}",
                l.origin().unwrap_or_default(),
                l.pathname().unwrap_or_default()
            )
        })
        .unwrap_or_default()
}

/// Selects the whole text of a read-only link field when it gets focus, ready to copy.
pub fn select_on_focus() -> Callback<FocusEvent> {
    Callback::from(|e: FocusEvent| {
        if let Some(input) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            input.select();
        }
    })
}

/// Moves keyboard focus to the element with this id, if it is in the document.
/// Returns whether it was found.
pub fn focus_by_id(id: &str) -> bool {
    match web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        Some(el) => {
            let _ = el.focus();
            true
        }
        None => false,
    }
}

/// A pending request to focus an element once the component has rendered again.
#[derive(Clone, Default)]
pub struct FocusRequest(Rc<RefCell<Option<String>>>);

impl FocusRequest {
    /// Focus the element with `id` after the next render of the component that owns this
    /// request. Call it in the same handler that changes the state which shows the element.
    pub fn request(&self, id: impl Into<String>) {
        *self.0.borrow_mut() = Some(id.into());
    }

    /// Takes the pending id, if any.
    fn take(&self) -> Option<String> {
        self.0.borrow_mut().take()
    }
}

impl PartialEq for FocusRequest {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// A [`FocusRequest`] served after every render of the calling component. An element that the
/// render did not produce (the request came from a handler whose state change was undone) is
/// looked for once more after the next render, then dropped.
#[hook]
pub fn use_focus_after_render() -> FocusRequest {
    let request = use_mut_ref(|| None::<String>);
    let handle = FocusRequest(request);
    {
        let handle = handle.clone();
        let retry = use_mut_ref(|| None::<String>);
        use_effect(move || {
            if let Some(id) = handle.take() {
                if !focus_by_id(&id) {
                    *retry.borrow_mut() = Some(id);
                }
            } else if let Some(id) = retry.borrow_mut().take() {
                focus_by_id(&id);
            }
        });
    }
    handle
}

/// The `change` handler of a file input: hands the picked file to `on_file`, then empties the
/// input, so that picking the same file again fires `change` again.
pub fn on_file_picked(on_file: impl Fn(web_sys::File) + 'static) -> Callback<Event> {
    Callback::from(move |e: Event| {
        let Some(input) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            on_file(file);
        }
        input.set_value("");
    })
}

/// The text of a picked file, or `None` when the browser cannot read it.
pub async fn file_text(file: &web_sys::File) -> Option<String> {
    wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|v| v.as_string())
}

//! The embeddable widget's Wasm (`dist/embed/aims_embed_bg.wasm`): exports `mount`, which the
//! loader `embed.js` calls once per `<aims-readiness>` element (docs/embedding.md).

use aims_web::embed::{Embed, EmbedProps};
use wasm_bindgen::prelude::*;
use yew::Callback;

/// Renders the quick-scan widget into `root` (an element in the custom element's shadow root).
/// `storage_key` namespaces its storage; `app_url`, when given, is linked from the result
/// screen; `on_completed` receives the `aims:completed` detail as a plain object.
#[wasm_bindgen]
pub fn mount(
    root: web_sys::Element,
    storage_key: String,
    app_url: Option<String>,
    on_completed: js_sys::Function,
) {
    let on_completed = Callback::from(move |json: String| {
        // The detail is our own JSON, so it parses; a listener that throws is the host's concern.
        if let Ok(detail) = js_sys::JSON::parse(&json) {
            let _ = on_completed.call1(&JsValue::NULL, &detail);
        }
    });
    let props = EmbedProps {
        storage_key: storage_key.into(),
        app_url: app_url.filter(|u| !u.is_empty()).map(Into::into),
        on_completed,
    };
    yew::Renderer::<Embed>::with_root_and_props(root, props).render();
}

fn main() {}

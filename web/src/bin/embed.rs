//! The embeddable widget's Wasm (`dist/embed/aims_embed_bg.wasm`): exports `mount`, which the
//! loader `embed.js` calls once per `<aims-readiness>` element, and `parent_origin`, which the
//! iframe page `frame.js` asks before it posts anything (docs/embedding.md). Both read their
//! input with `aims_engine::widget`, so the rules (and their messages) are the engine's.

use aims_engine::widget::{self, WidgetConfig};
use aims_web::embed::{Embed, EmbedProps};
use wasm_bindgen::prelude::*;
use yew::Callback;

/// Renders the quick-scan widget into `root` (an element in the custom element's shadow root).
/// `attributes` is the JSON object of the element's attributes (`mode`, `storage-key`,
/// `app-url`, `loading`); `on_completed` receives the `aims:completed` detail as a plain
/// object. A bad attribute value renders nothing and throws the messages (one a line, each
/// naming its attribute) for the loader to show in place of the widget.
#[wasm_bindgen]
pub fn mount(
    root: web_sys::Element,
    attributes: &str,
    on_completed: js_sys::Function,
) -> Result<(), String> {
    let config = WidgetConfig::from_json(attributes).map_err(|e| widget::messages(&e))?;
    let on_completed = Callback::from(move |json: String| {
        // The detail is our own JSON, so it parses; a listener that throws is the host's concern.
        if let Ok(detail) = js_sys::JSON::parse(&json) {
            let _ = on_completed.call1(&JsValue::NULL, &detail);
        }
    });
    let props = EmbedProps {
        storage_key: config.storage_key.into(),
        app_url: config.app_url.map(Into::into),
        on_completed,
    };
    yew::Renderer::<Embed>::with_root_and_props(root, props).render();
    Ok(())
}

/// The iframe's `parent-origin` parameter as the origin to post to (lower case, no default
/// port), or throws why it is not an origin (then the frame posts nothing).
#[wasm_bindgen]
pub fn parent_origin(value: &str) -> Result<String, String> {
    widget::parent_origin(value).map_err(|e| e.to_string())
}

fn main() {}

//! The embeddable widget's Wasm (`dist/embed/aims_embed_bg.wasm`): exports `mount`, which the
//! loader `embed.js` calls once per `<aims-readiness>` element, and `parent_origin`, which the
//! iframe page `frame.js` asks before it posts anything (docs/embedding.md). The same module is
//! the app's first-use quick scan (`mountPage`, started by web/boot.js for a first visitor). Both read their
//! input with `aims_engine::widget`, so the rules (and their messages) are the engine's. The
//! widget itself is `aims_web::widget`, written without Yew.

use aims_engine::widget;
use wasm_bindgen::prelude::*;

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
    aims_web::widget::mount(root, attributes, on_completed)
}

/// The app's first-use quick scan, in place of the prerendered one in `main` (web/boot.js calls
/// it for a first visitor; docs/performance.md, "First use"). Throws why it cannot start (then
/// boot.js starts the app's quick-scan build instead).
#[wasm_bindgen(js_name = mountPage)]
pub fn mount_page(main: web_sys::Element) -> Result<(), String> {
    aims_web::widget::mount_page(main)
}

/// The iframe's `parent-origin` parameter as the origin to post to (lower case, no default
/// port), or throws why it is not an origin (then the frame posts nothing).
#[wasm_bindgen]
pub fn parent_origin(value: &str) -> Result<String, String> {
    widget::parent_origin(value).map_err(|e| e.to_string())
}

fn main() {}

//! The quick-scan build of the app (`dist/quick/`, see `aims_web::quick`): web/boot.js imports
//! it for the start page and the quick scan, calls `start`, and calls `unmount` before it
//! starts the full app for any other page.

use aims_web::quick::QuickApp;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    static APP: RefCell<Option<yew::AppHandle<QuickApp>>> = const { RefCell::new(None) };
}

/// Renders the quick-scan app on `<body>` (once; a second call does nothing).
#[wasm_bindgen]
pub fn start() {
    APP.with(|app| {
        let mut app = app.borrow_mut();
        if app.is_none() {
            aims_web::app::remember_prerendered();
            *app = Some(yew::Renderer::<QuickApp>::new().render());
        }
    });
}

/// Removes the quick-scan app from the page, its pending save written first (by the storage
/// hook's clean-up), so that the full app starts from what was typed.
#[wasm_bindgen]
pub fn unmount() {
    if let Some(app) = APP.with(|app| app.borrow_mut().take()) {
        app.destroy();
    }
}

fn main() {}

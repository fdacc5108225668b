//! The quick-scan build of the app (the `aims-quick` binary, `src/bin/quick.rs`): the same frame,
//! state and storage as the full app, with only the start page and the quick scan, so that a
//! prospect's first use downloads only what it needs (docs/performance.md, "Loading"). Any
//! other route shows a loading line while web/boot.js loads the full app and hands over: the
//! quick app is unmounted (its pending save written first), the full app reads the same storage.

use crate::app::{AppFrame, Pages};
use crate::pages::{quick_scan::QuickScanRoute, start::StartPage};
use crate::route::Route;
use yew::prelude::*;

/// The start page and the quick scan.
pub struct QuickPages;

impl QuickPages {
    /// The routes of the quick-scan build; web/boot.js keeps the same list (`QUICK_ROUTES`).
    pub const ROUTES: [Route; 2] = [Route::Start, Route::QuickScan];
}

impl Pages for QuickPages {
    fn has(route: Route) -> bool {
        Self::ROUTES.contains(&route)
    }
    fn page(route: Route) -> Html {
        match route {
            Route::QuickScan => html! { <QuickScanRoute /> },
            _ => html! { <StartPage /> },
        }
    }
    const TRAINING_BANNER: bool = false;
}

/// The quick-scan build of the app.
pub type QuickApp = AppFrame<QuickPages>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quick_build_has_the_start_page_and_the_quick_scan_only() {
        for hash in ["", "#/", "#/start", "#/quick-scan"] {
            assert!(QuickPages::has(Route::from_hash(hash)), "{hash}");
        }
        for hash in [
            "#/assessment",
            "#/results",
            "#/plan",
            "#/crosswalk",
            "#/roi",
            "#/report",
            "#/training",
            "#/training/x",
            "#/data",
            "#/share/x",
            "#/start-nist",
            "#/nowhere",
        ] {
            assert!(!QuickPages::has(Route::from_hash(hash)), "{hash}");
        }
        // boot.js decides which build to load from the same list of addresses.
        let boot = include_str!("../boot.js");
        let line = boot
            .lines()
            .find(|l| l.starts_with("const QUICK_ROUTES"))
            .expect("boot.js lists the quick build's routes");
        for r in [Route::Start, Route::QuickScan] {
            let path = r.hash().trim_start_matches("#/").to_string();
            assert!(line.contains(&format!("'{path}'")), "{path} in {line}");
        }
    }
}

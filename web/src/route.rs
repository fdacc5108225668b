//! Hash routes (`#/results`): deep links that open directly and survive a reload on any plain
//! static host, since the server only ever sees `/`.

/// A page of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    Start,
    QuickScan,
    Assessment,
    Results,
    /// The action plan (`#/plan`).
    Plan,
    Crosswalk,
    Roi,
    Report,
    /// The training cases (`#/training`) and one case (`#/training/<case-id>`).
    Training,
    Data,
    /// Opening a share link (`#/share/<token>`): the token stays in the fragment, which browsers
    /// never send to a server.
    Share,
    /// `#/start-nist`: opens the NIST AI RMF questionnaire (the open assessment if it is a NIST
    /// AI RMF one, else a new one), then becomes `#/assessment`. A link that works before the
    /// app has started (the prerendered start page has no handlers).
    StartNist,
    NotFound,
}

impl Route {
    /// The pages shown in the main navigation, in order.
    pub const NAV: [Route; 9] = [
        Route::QuickScan,
        Route::Assessment,
        Route::Results,
        Route::Plan,
        Route::Crosswalk,
        Route::Roi,
        Route::Report,
        Route::Training,
        Route::Data,
    ];

    /// Reads a `location.hash` value (`""`, `"#/"`, `"#/results"`, `"#/results?x=1"`).
    pub fn from_hash(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let path = path.split(['?', '/']).next().unwrap_or("");
        match path {
            "" | "start" => Route::Start,
            "quick-scan" => Route::QuickScan,
            "assessment" => Route::Assessment,
            "results" => Route::Results,
            "plan" => Route::Plan,
            "crosswalk" => Route::Crosswalk,
            "roi" => Route::Roi,
            "report" => Route::Report,
            "training" => Route::Training,
            "data" => Route::Data,
            "share" => Route::Share,
            "start-nist" => Route::StartNist,
            _ => Route::NotFound,
        }
    }

    pub fn hash(self) -> &'static str {
        match self {
            Route::Start | Route::NotFound => "#/",
            Route::QuickScan => "#/quick-scan",
            Route::Assessment => "#/assessment",
            Route::Results => "#/results",
            Route::Plan => "#/plan",
            Route::Crosswalk => "#/crosswalk",
            Route::Roi => "#/roi",
            Route::Report => "#/report",
            Route::Training => "#/training",
            Route::Data => "#/data",
            Route::Share => "#/share",
            Route::StartNist => "#/start-nist",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Route::Start => "Start",
            Route::QuickScan => "Quick scan",
            Route::Assessment => "Full assessment",
            Route::Results => "Results",
            Route::Plan => "Action plan",
            Route::Crosswalk => "NIST AI RMF crosswalk",
            Route::Roi => "ROI",
            Route::Report => "Report",
            Route::Training => "Training cases",
            Route::Data => "Your data",
            Route::Share => "Open a shared assessment",
            Route::StartNist => "NIST AI RMF assessment",
            Route::NotFound => "Page not found",
        }
    }
}

/// The current `location.hash` (`""` when there is none).
pub fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// `location.hash`, followed on every `hashchange`: for pages that read more of the hash than
/// the route (a case id, a share token).
#[yew::hook]
pub fn use_location_hash() -> String {
    let hash = yew::use_state_eq(current_hash);
    {
        let hash = hash.clone();
        yew::use_effect_with((), move |_| {
            // Without the listener the page still reads the hash it was opened with; it is
            // removed when dropped, with the effect.
            let listener = web_sys::window().map(|w| {
                let follow = hash.clone();
                gloo_events::EventListener::new(&w, "hashchange", move |_| {
                    follow.set(current_hash())
                })
            });
            // The address may have changed between the first render and this effect (a link
            // clicked while the app was starting): no `hashchange` comes for that, so read it
            // again now (`use_state_eq`: no re-render when it is the same).
            hash.set(current_hash());
            move || drop(listener)
        });
    }
    (*hash).clone()
}

/// Replaces the current history entry's hash with `hash` (so Back and a reload do not return
/// to the old one, e.g. a share link already imported) and lets the app follow it.
pub fn replace_hash(hash: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let url = format!(
        "{}{}{hash}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    let replaced = window
        .history()
        .and_then(|h| h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url)));
    if replaced.is_err() {
        // Without the History API, a plain hash change still moves on (adding an entry).
        let _ = location.set_hash(hash);
        return;
    }
    // replaceState fires no `hashchange`: announce it so the route and the pages follow.
    if let Ok(event) = web_sys::Event::new("hashchange") {
        let _ = window.dispatch_event(&event);
    }
}

#[cfg(test)]
mod tests {
    use super::Route;

    #[test]
    fn every_route_round_trips_through_its_hash() {
        for r in Route::NAV
            .into_iter()
            .chain([Route::Start, Route::Share, Route::StartNist])
        {
            assert_eq!(Route::from_hash(r.hash()), r, "{r:?}");
        }
    }

    #[test]
    fn reads_variants_of_a_hash() {
        for (hash, route) in [
            ("", Route::Start),
            ("#", Route::Start),
            ("#/", Route::Start),
            ("#results", Route::Results),
            ("#/results?print=1", Route::Results),
            ("#/assessment/A.5", Route::Assessment),
            ("#/training/hospital-triage?hide-model=1", Route::Training),
            ("#/share/a1.AbC-_", Route::Share),
            ("#/share", Route::Share),
            ("#/nope", Route::NotFound),
        ] {
            assert_eq!(Route::from_hash(hash), route, "{hash}");
        }
    }
}

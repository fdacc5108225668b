//! Hash routes (`#/results`): deep links that open directly and survive a reload on any plain
//! static host, since the server only ever sees `/`.

/// A page of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    Start,
    QuickScan,
    Assessment,
    Results,
    Crosswalk,
    Roi,
    Report,
    Data,
    NotFound,
}

impl Route {
    /// The pages shown in the main navigation, in order.
    pub const NAV: [Route; 7] = [
        Route::QuickScan,
        Route::Assessment,
        Route::Results,
        Route::Crosswalk,
        Route::Roi,
        Route::Report,
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
            "crosswalk" => Route::Crosswalk,
            "roi" => Route::Roi,
            "report" => Route::Report,
            "data" => Route::Data,
            _ => Route::NotFound,
        }
    }

    pub fn hash(self) -> &'static str {
        match self {
            Route::Start | Route::NotFound => "#/",
            Route::QuickScan => "#/quick-scan",
            Route::Assessment => "#/assessment",
            Route::Results => "#/results",
            Route::Crosswalk => "#/crosswalk",
            Route::Roi => "#/roi",
            Route::Report => "#/report",
            Route::Data => "#/data",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Route::Start => "Start",
            Route::QuickScan => "Quick scan",
            Route::Assessment => "Full assessment",
            Route::Results => "Results",
            Route::Crosswalk => "NIST AI RMF crosswalk",
            Route::Roi => "ROI",
            Route::Report => "Report",
            Route::Data => "Your data",
            Route::NotFound => "Page not found",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Route;

    #[test]
    fn every_route_round_trips_through_its_hash() {
        for r in Route::NAV.into_iter().chain([Route::Start]) {
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
            ("#/nope", Route::NotFound),
        ] {
            assert_eq!(Route::from_hash(hash), route, "{hash}");
        }
    }
}

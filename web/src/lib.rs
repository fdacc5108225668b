//! AIMS Readiness web app: a thin Yew shell over `aims-engine`.
//!
//! - [`route`]: hash routes, so every page deep-links and reloads on any static host.
//! - [`state`]: the app state and its transitions (a plain reducer, apart from components).
//! - [`storage`] and [`persist`]: saving to localStorage without ever losing work.
//! - [`context`]: what pages receive: the state, the store and memoised reports.
//! - [`dom`]: DOM helpers (focus after render, the app's address, copy fields).
//! - [`format`]: short numbers for the pages.
//! - [`app`]: the frame (header, navigation, notices, footer) and the page switch.
//! - [`pages`] and [`components`]: the pages and the widgets they share.
//! - [`quick`]: the quick-scan build of the frame (binary `aims-quick`), the first download.
//! - [`widget`]: the embeddable quick-scan widget (binary `aims-embed`, docs/embedding.md),
//!   written without Yew over the engine's quick-scan rules and wording.

pub mod app;
pub mod components;
pub mod context;
pub mod dom;
pub mod download;
pub mod format;
pub mod pages;
pub mod persist;
pub mod quick;
pub mod roi_inputs;
pub mod route;
pub mod state;
pub mod storage;
pub mod training_link;
pub mod widget;

pub use app::App;

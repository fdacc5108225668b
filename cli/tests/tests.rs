//! The tests of the `aims` binary, run as a user would: the built binary, files, case ids and
//! standard input. One test binary (one link, one process) with a shared helper (`util.rs`).

// Helpers outside #[test] fns unwrap too: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

mod util;

mod catalog;
mod roi;
mod score_crosswalk;
mod training_share_export;

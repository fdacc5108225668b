#![no_main]
//! See `aims_fuzz::share_link` for what is checked.
libfuzzer_sys::fuzz_target!(|data: &[u8]| aims_fuzz::share_link(data));

#![no_main]
//! See `aims_fuzz::js_api` for what is checked.
libfuzzer_sys::fuzz_target!(|data: &[u8]| aims_fuzz::js_api(data));

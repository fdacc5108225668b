#![no_main]
//! See `aims_fuzz::data_import` for what is checked.
libfuzzer_sys::fuzz_target!(|data: &[u8]| aims_fuzz::data_import(data));

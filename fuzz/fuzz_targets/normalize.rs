//! Normalization of any UTF-8 input, in any input form, keeps its maps.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "check.rs"]
mod check;

fuzz_target!(|data: &[u8]| {
    if let Some((src, norm)) = check::normalize(data) {
        check::invariants::check_norm(&src, &norm);
    }
});

//! Normalization, extraction and resolution of any UTF-8 input keep every
//! span, text and antecedent invariant.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "check.rs"]
mod check;

fuzz_target!(|data: &[u8]| {
    if let Some((src, norm)) = check::normalize(data) {
        check::invariants::check_norm(&src, &norm);
        let cites = pincite::extract(&src, &norm);
        check::invariants::check_cites(&src, &cites);
    }
});

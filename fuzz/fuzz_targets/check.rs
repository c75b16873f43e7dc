//! The input both targets start from, and the invariants they assert:
//! those of `tests/it/invariants.rs`, shared with the tests.
#![allow(dead_code)]

use pincite::{InputForm, Normalized, Normalizer};

/// The input form picked by the first byte: detected, or one of the five.
pub fn normalize(data: &[u8]) -> Option<(String, Normalized)> {
    let (&first, rest) = data.split_first()?;
    let src = std::str::from_utf8(rest).ok()?.to_string();
    let mut n = Normalizer::new();
    match first % 6 {
        1 => n.form(InputForm::ParagraphPerLine),
        2 => n.form(InputForm::HardWrapped),
        3 => n.form(InputForm::PdfRaw),
        4 => n.form(InputForm::PdfLayout),
        5 => n.form(InputForm::Html),
        _ => &mut n,
    };
    let norm = n.normalize(&src);
    Some((src, norm))
}

#[path = "../../tests/it/invariants.rs"]
pub(crate) mod invariants;

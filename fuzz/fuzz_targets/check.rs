//! The invariants both targets assert: what `tests/it/hostile.rs` checks.
#![allow(dead_code)]

use pincite::{Citation, CitationKind, InputForm, Normalized, Normalizer};

/// The input form picked by the first byte: detected, or one of the four.
pub fn normalize(data: &[u8]) -> Option<(String, Normalized)> {
    let (&first, rest) = data.split_first()?;
    let src = std::str::from_utf8(rest).ok()?.to_string();
    let mut n = Normalizer::new();
    match first % 5 {
        1 => n.form(InputForm::ParagraphPerLine),
        2 => n.form(InputForm::HardWrapped),
        3 => n.form(InputForm::PdfRaw),
        4 => n.form(InputForm::PdfLayout),
        _ => &mut n,
    };
    let norm = n.normalize(&src);
    Some((src, norm))
}

/// Both maps cover their text and land on char boundaries of the source;
/// blocks lie inside both texts, do not overlap, and map forward.
pub fn check_norm(src: &str, norm: &Normalized) {
    for (out, map) in [
        (norm.reading(), norm.reading_map()),
        (norm.matching(), norm.matching_map()),
    ] {
        assert_eq!(map.len(), out.len());
        assert_eq!(map.source_len(), src.len());
        assert_eq!(map.to_source(0), 0);
        for (i, _) in out.char_indices().chain([(out.len(), ' ')]) {
            let s = map.to_source(i);
            assert!(
                s <= src.len() && src.is_char_boundary(s),
                "to_source({i}) = {s}"
            );
        }
    }
    let reading = norm.reading();
    let map = norm.reading_map();
    let mut prev_end = 0;
    for b in norm.blocks() {
        assert!(b.reading.start <= b.reading.end && b.reading.end <= reading.len());
        assert!(
            b.reading.start >= prev_end,
            "blocks overlap at {:?}",
            b.reading
        );
        prev_end = b.reading.end;
        assert!(reading.is_char_boundary(b.reading.start));
        assert!(reading.is_char_boundary(b.reading.end));
        assert!(b.span.start <= b.span.end && b.span.end <= src.len());
        assert!(src.is_char_boundary(b.span.start) && src.is_char_boundary(b.span.end));
        let mut last = map.to_source(b.reading.start);
        for (i, _) in reading[b.reading.clone()].char_indices() {
            let s = map.to_source(b.reading.start + i);
            assert!(s >= last, "map goes back in block {:?} at {i}", b.reading);
            last = s;
        }
    }
}

/// Spans inside the source, on char boundaries, equal to the text; a
/// resolved Id., supra or short citation has an antecedent before it.
pub fn check_cites(src: &str, cites: &[Citation]) {
    for (i, c) in cites.iter().enumerate() {
        let sp = c.span;
        assert!(sp.start <= sp.end && sp.end <= src.len(), "{i}: {sp:?}");
        assert!(src.is_char_boundary(sp.start) && src.is_char_boundary(sp.end));
        assert_eq!(&src[sp.range()], c.text);
        assert!(!c.text.is_empty());
        let Some(auth) = &c.authority else { continue };
        if !matches!(
            c.kind,
            CitationKind::Id | CitationKind::Supra | CitationKind::ShortCase
        ) {
            continue;
        }
        let earlier = &cites[..i];
        let found = if auth.contains('§') {
            earlier
                .iter()
                .any(|e| matches!(e.kind, CitationKind::Statute | CitationKind::Id))
        } else {
            earlier.iter().any(|e| e.authority.as_ref() == Some(auth))
        };
        assert!(
            found,
            "{i}: {} {:?} -> {auth} without antecedent",
            c.kind, c.text
        );
    }
}

//! The invariants every normalized text and every list of citations keep,
//! whatever the input: asserted by the hostile-input and randomized tests
//! here and by the fuzz targets in `fuzz/`, which include this file.

use pincite::{Citation, CitationKind, Normalized};

/// Checks the normalized text of `src`: both maps cover the text they map
/// and land on char boundaries of the source; every block lies inside the
/// reading text and the source, and within a block the reading map goes
/// forward.
pub(crate) fn check_norm(src: &str, norm: &Normalized) {
    for (name, out, map) in [
        ("reading", norm.reading(), norm.reading_map()),
        ("matching", norm.matching(), norm.matching_map()),
    ] {
        assert_eq!(map.len(), out.len(), "{name} map length");
        assert_eq!(map.source_len(), src.len(), "{name} map source length");
        assert_eq!(map.to_source(0), 0, "{name} map of 0");
        for (i, _) in out.char_indices().chain([(out.len(), ' ')]) {
            let s = map.to_source(i);
            assert!(
                s <= src.len() && src.is_char_boundary(s),
                "{name} map: to_source({i}) = {s} is not a char boundary of a {}-byte source",
                src.len()
            );
        }
    }
    let reading = norm.reading();
    let map = norm.reading_map();
    let mut prev_end = 0;
    for b in norm.blocks() {
        assert!(
            b.reading.start <= b.reading.end && b.reading.end <= reading.len(),
            "block {:?} outside a reading text of {} bytes",
            b.reading,
            reading.len()
        );
        assert!(
            b.reading.start >= prev_end,
            "blocks overlap at {:?}",
            b.reading
        );
        prev_end = b.reading.end;
        assert!(
            reading.is_char_boundary(b.reading.start) && reading.is_char_boundary(b.reading.end)
        );
        assert!(b.span.start <= b.span.end && b.span.end <= src.len());
        assert!(src.is_char_boundary(b.span.start) && src.is_char_boundary(b.span.end));
        let mut last = map.to_source(b.reading.start);
        for (i, _) in reading[b.reading.clone()].char_indices() {
            let s = map.to_source(b.reading.start + i);
            assert!(
                s >= last,
                "reading map goes back inside block {:?} at {}",
                b.reading,
                i
            );
            last = s;
        }
        let span = map.span_to_source(b.reading.clone());
        assert!(span.start <= span.end && span.end <= src.len());
        assert!(src.is_char_boundary(span.start) && src.is_char_boundary(span.end));
    }
}

/// Checks the citations of `src`: each span lies inside the source, on char
/// boundaries, and its bytes are the citation's text; a resolved Id., supra
/// or short citation has its authority from a citation before it.
pub(crate) fn check_cites(src: &str, cites: &[Citation]) {
    for (i, c) in cites.iter().enumerate() {
        let sp = c.span;
        assert!(
            sp.start <= sp.end && sp.end <= src.len(),
            "citation {i} {:?} outside a {}-byte source",
            sp,
            src.len()
        );
        assert!(
            src.is_char_boundary(sp.start) && src.is_char_boundary(sp.end),
            "citation {i} {sp:?} not on char boundaries"
        );
        assert_eq!(&src[sp.range()], c.text, "citation {i} text");
        assert!(!c.text.is_empty(), "citation {i} is empty at {sp:?}");
        if let Some(a) = c.antecedent {
            assert!(a < i, "citation {i} has antecedent {a}, not before it");
        }
        let Some(auth) = &c.authority else { continue };
        if !matches!(
            c.kind(),
            CitationKind::Id
                | CitationKind::Supra
                | CitationKind::ShortCase
                | CitationKind::Reference
        ) {
            continue;
        }
        let earlier = &cites[..i];
        let by_section = matches!(
            c.category(),
            Some(
                pincite::Category::Statute
                    | pincite::Category::Regulation
                    | pincite::Category::Constitution
            )
        );
        let found = if by_section {
            // "Id. §5" names another section of the code, regulations or
            // constitution cited before it.
            earlier
                .iter()
                .any(|e| e.category() == c.category() || e.kind() == CitationKind::Id)
        } else {
            earlier.iter().any(|e| e.authority.as_ref() == Some(auth))
        };
        assert!(
            found,
            "citation {i} ({} {:?}) resolved to {auth} with no antecedent before it",
            c.kind(),
            c.text
        );
    }
}

//! Hostile input: long runs of citation anchors, unbalanced parentheses,
//! one enormous line, control characters and deep Unicode. Nothing may
//! panic, and the output must keep the invariants [`check`] states.
//!
//! The sizes here keep the whole file fast in a debug build; the bench
//! `benches/hostile.rs` grows the same inputs far larger.

use pincite::{Citation, CitationKind, Normalized, normalize};
use std::time::{Duration, Instant};

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
        let Some(auth) = &c.authority else { continue };
        if !matches!(
            c.kind,
            CitationKind::Id | CitationKind::Supra | CitationKind::ShortCase
        ) {
            continue;
        }
        let earlier = &cites[..i];
        let found = if auth.contains('§') {
            // "Id. §5" names a section of the code cited before it.
            earlier
                .iter()
                .any(|e| matches!(e.kind, CitationKind::Statute | CitationKind::Id))
        } else {
            earlier.iter().any(|e| e.authority.as_ref() == Some(auth))
        };
        assert!(
            found,
            "citation {i} ({} {:?}) resolved to {auth} with no antecedent before it",
            c.kind, c.text
        );
    }
}

/// Normalizes and extracts `src`, checking every invariant.
pub(crate) fn check(src: &str) -> Vec<Citation> {
    let norm = normalize(src);
    check_norm(src, &norm);
    let cites = pincite::extract(src, &norm);
    check_cites(src, &cites);
    cites
}

/// Runs `check` and fails when it takes longer than `limit`.
fn timed(src: &str, limit: Duration) -> Vec<Citation> {
    let start = Instant::now();
    let cites = check(src);
    let took = start.elapsed();
    assert!(
        took < limit,
        "{} bytes took {took:?} (limit {limit:?})",
        src.len()
    );
    cites
}

/// Far above what these sizes take (tens to hundreds of milliseconds in a
/// debug build), far below what quadratic time would take.
const LIMIT: Duration = Duration::from_secs(10);

const FULL: &str = "Imbler v. Pachtman, 424 U. S. 409 (1976). ";

fn count(cites: &[Citation], kind: CitationKind) -> usize {
    cites.iter().filter(|c| c.kind == kind).count()
}

#[test]
fn a_run_of_ids_gives_one_citation_each() {
    let n = 5_000;
    let src = format!("{FULL}{}\n", "Id. ".repeat(n));
    let cites = timed(&src, LIMIT);
    assert_eq!(count(&cites, CitationKind::Id), n);
    assert!(
        cites
            .iter()
            .all(|c| c.authority.as_deref() == Some("424 U.S. 409"))
    );
}

#[test]
fn a_run_of_supras_resolves_each_to_the_full_citation() {
    let n = 3_000;
    let src = format!("{FULL}{}\n", "Imbler, supra, at 4, ".repeat(n));
    let cites = timed(&src, LIMIT);
    assert_eq!(count(&cites, CitationKind::Supra), n);
    assert!(
        cites
            .iter()
            .all(|c| c.authority.as_deref() == Some("424 U.S. 409"))
    );
}

#[test]
fn a_run_of_full_citations_with_pins() {
    let n = 500;
    let src = format!("{}\n", "424 U. S. 409, 4, 5, 6, ".repeat(n));
    let cites = timed(&src, LIMIT);
    // Each "424 U. S. 409" is a citation; none is lost or invented.
    assert!(
        (1..=n).contains(&cites.len()),
        "{} citations from {n} repetitions",
        cites.len()
    );
    assert!(
        cites
            .iter()
            .all(|c| c.authority.as_deref() == Some("424 U.S. 409"))
    );
}

#[test]
fn unbalanced_parentheses_before_a_citation() {
    let src = format!("{}{FULL}\n", "(".repeat(100_000));
    let cites = timed(&src, LIMIT);
    assert_eq!(cites.len(), 1);
    assert_eq!(cites[0].authority.as_deref(), Some("424 U.S. 409"));
    let src = format!("{FULL}{}\n", ")".repeat(100_000));
    assert_eq!(timed(&src, LIMIT).len(), 1);
}

#[test]
fn a_long_run_of_hyphenated_line_ends() {
    let n = 5_000;
    let src = " The mate-\nrial ".repeat(n);
    let norm = normalize(&src);
    check_norm(&src, &norm);
    assert_eq!(norm.reading().matches("material").count(), n);
    assert!(pincite::extract(&src, &norm).is_empty());
}

#[test]
fn one_enormous_line() {
    // 400 citations on a single line of about 240 KB.
    let mut src = String::new();
    for i in 0..400 {
        src.push_str(&"word ".repeat(100));
        src.push_str(&format!(
            "Case{i} v. Other, {} U. S. {} (1990). ",
            400 + i,
            10 + i
        ));
    }
    src.push('\n');
    let cites = timed(&src, LIMIT);
    assert_eq!(count(&cites, CitationKind::FullCase), 400);
}

#[test]
fn lone_carriage_returns() {
    check(&"\r".repeat(10_000));
    check(&"\r\n\r".repeat(5_000));
    let cites = check("Imbler v. Pachtman,\r424 U. S. 409\r(1976).\rId., at 430.\r");
    assert!(cites.len() <= 2);
    check(&format!("{FULL}\r").repeat(300));
}

#[test]
fn nul_and_control_bytes() {
    check(&"\0".repeat(10_000));
    check("Imbler v. Pachtman, 424\0U. S. 409 (1976).\0Id.\0at 430.\n");
    let controls: String = (0u8..0x20).map(char::from).collect();
    check(&controls.repeat(500));
    check(&format!("{controls}{FULL}{controls}Id., at 430.").repeat(200));
}

#[test]
fn whitespace_and_form_feeds_only() {
    for src in [
        "",
        " ",
        "\n",
        "\t\t\t",
        &" \t\n\r\n\u{a0}\u{2003}\u{feff}".repeat(2_000),
        &"\x0c".repeat(10_000),
        &"\x0c\n".repeat(5_000),
        &"\n".repeat(20_000),
        &" ".repeat(50_000),
    ] {
        assert!(check(src).is_empty(), "{:?}", &src[..src.len().min(20)]);
    }
}

#[test]
fn deep_unicode() {
    // A letter under 10,000 combining marks, then a citation.
    let zalgo = format!("a{}", "\u{301}\u{316}".repeat(5_000));
    assert_eq!(check(&format!("{zalgo} {FULL}\n")).len(), 1);
    // Right-to-left text and overrides around a citation.
    let rtl = "\u{202e}שלום עולם\u{202c} مرحبا ";
    assert_eq!(check(&format!("{rtl}{FULL}{rtl}Id.\n")).len(), 2);
    // Emoji sequences, flags, skin tones, joiners.
    let emoji = "👩🏽‍⚖️🇺🇸👨‍👩‍👧‍👦 ";
    check(&emoji.repeat(2_000));
    check(&format!("{emoji}{FULL}{emoji}").repeat(100));
    // Non-ASCII digits are not volumes or pages.
    assert!(check("٤٢٤ U. S. ٤٠٩ (1976). ４２４ U. S. ４０９.\n").is_empty());
    // Every char class mixed with the anchors, hyphens and line ends.
    let mix = "é\u{301}-\n§\u{ad}’“—–\u{2028}\u{2029}\u{85}U. S.\u{fffd}𝔘. 𝔖.\u{200b}Id.\u{feff}";
    check(&mix.repeat(1_000));
    // Soft hyphens and zero-width characters inside a citation.
    check("Imb\u{ad}ler v. Pach\u{200b}tman, 4\u{200d}24 U.\u{a0}S. 409 (1976).\n");
}

#[test]
fn paragraphs_and_page_furniture_repeated() {
    let page = "2 VAN DE KAMP v. GOLDSTEIN\n\nOpinion of the Court\n\n Id., at 4.\n\x0c";
    check(&page.repeat(500));
    let heads = "Cite as: 555 U. S. ____ (2009)\n1\n";
    check(&heads.repeat(500));
    check(&"——————\n1 See Id.\n".repeat(500));
}

/// Found by `mutate`: a page ending in "App." whose footnote begins with a
/// number. The footnote is read after the paragraph, so "App.\n7." reads as
/// a record citation with pin 7 running across the two blocks, and its span
/// (from the paragraph in the source into the footnote before it) comes out
/// empty: `[14, 14]`, text "".
#[test]
fn a_citation_does_not_run_into_the_footnote_read_after_it() {
    let src = "———\n7.\n\x0cApp.";
    let cites = check(src);
    assert!(cites.iter().all(|c| c.text == "App." || c.pins.is_empty()));
}

//! Property tests: the offset maps of any input keep their promises.

use crate::invariants;
use pincite::{InputForm, Normalized, Normalizer, normalize};
use proptest::prelude::*;

/// Pieces that exercise every rule of the normalizer.
fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "a",
        "Z",
        "word ",
        "mate-",
        "rial",
        "-",
        "\n",
        " ",
        "  ",
        "\r\n",
        "\x0c",
        "’",
        "“",
        "—",
        "–",
        "\u{ad}",
        "é",
        ". . .",
        "1171",
        "U. S. ",
        "I\n",
        "Cite as: 598 U. S. ____ (2023)\n",
        "2 BARTENWERFER v. BUCKLEY\n",
        "Opinion of the Court\n",
        "1\n",
        "——————\n",
        "1 See ",
        "Page Proof Pending Publication\n",
        "\u{feff}",
        "SUPREME COURT OF THE UNITED STATES\n",
        "Held: ",
        "(a) ",
        "JUSTICE BREYER delivered the opinion of the Court.\n",
        "\t",
        "\u{a0}",
    ])
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..60).prop_map(|v| v.concat())
}

/// Pieces of HTML: tags of every kind the reader treats apart, entities
/// known, unknown and cut off, stray brackets, pdftohtml's page marks,
/// italics around names and "Id.", and citation text.
fn html_piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "<p>",
        "</p>",
        "<i>",
        "</i>",
        "<em>",
        "</em>",
        "<br>",
        "<br/>",
        "<hr>",
        "<A name=2></a>",
        "<div class=\"x\">",
        "</div>",
        "<pre>",
        "</pre>",
        "<pre class=\"inline\">",
        "<script>var a = '</p>';</script>",
        "<style>",
        "<span class=\"star-pagination\">*355</span>",
        "<page-number>*12</page-number>",
        "<!-- c -->",
        "<!--",
        "<!DOCTYPE html>",
        "<html><head><title>\u{fe}</title></head><body>",
        "<a href='x>y'>",
        "&nbsp;",
        "&amp;",
        "&#167;",
        "&#x2014;",
        "&#0;",
        "&#99999999;",
        "&bogus;",
        "&",
        "<",
        ">",
        "</",
        "\n",
        " ",
        "\x0c",
        "Id.",
        ", at 155",
        "Smith v. Jones",
        ", 405 U.S. 150, 153 (1972). ",
        "See ",
        "\u{ad}",
        "é",
        "1\n",
    ])
}

fn html_text() -> impl Strategy<Value = String> {
    prop::collection::vec(html_piece(), 0..60).prop_map(|v| v.concat())
}

/// Checks one map (reading or matching) of `norm` against `src`.
fn check_map(src: &str, out: &str, map: &pincite::OffsetMap, monotone: bool) {
    assert_eq!(map.len(), out.len());
    assert_eq!(map.source_len(), src.len());
    assert_eq!(map.to_source(0), 0);
    if !out.is_empty() {
        assert_eq!(map.to_source(out.len()), src.len());
    }
    let bounds: Vec<usize> = (0..=out.len())
        .filter(|&i| out.is_char_boundary(i))
        .collect();
    let mut last = 0;
    for &i in &bounds {
        let s = map.to_source(i);
        assert!(
            src.is_char_boundary(s),
            "to_source({i}) = {s} is not a char boundary"
        );
        if monotone {
            assert!(s >= last, "not monotone at {i}: {s} < {last}");
        }
        last = s;
    }
    for w in bounds.windows(2) {
        let span = map.span_to_source(w[0]..w[1]);
        assert!(span.start <= span.end && span.end <= src.len());
        assert!(src.is_char_boundary(span.start) && src.is_char_boundary(span.end));
        // A copied character maps back to where it came from.
        if src[span.range()] == out[w[0]..w[1]] && !out[w[0]..w[1]].contains('\n') {
            let back = map.from_source(span.start).unwrap();
            assert_eq!(&out[back..back + (w[1] - w[0])], &out[w[0]..w[1]]);
        }
    }
}

/// Footnotes are read after the paragraph their page broke, so a text
/// with footnotes may read out of source order.
fn has_notes(norm: &Normalized) -> bool {
    norm.blocks().iter().any(|b| b.footnote.is_some())
}

fn check(src: &str) -> Normalized {
    let norm = normalize(src);
    let moved = has_notes(&norm);
    check_map(src, norm.reading(), norm.reading_map(), !moved);
    check_map(src, norm.matching(), norm.matching_map(), !moved);
    for b in norm.blocks() {
        assert!(b.reading.end <= norm.reading().len());
        assert!(b.span.end <= src.len());
        // Within a block the map always goes forward.
        let mut last = 0;
        for i in b
            .reading
            .clone()
            .filter(|&i| norm.reading().is_char_boundary(i))
        {
            let s = norm.reading_map().to_source(i);
            assert!(s >= last || i == b.reading.start);
            last = s;
        }
    }
    norm
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn maps_hold_on_any_text(src in text()) {
        check(&src);
    }

    #[test]
    fn maps_hold_on_arbitrary_strings(src in "\\PC{0,200}") {
        check(&src);
    }

    /// HTML, detected or chosen: the maps point into the HTML, and every
    /// invariant of the reading text and the citations holds.
    #[test]
    fn maps_and_spans_hold_on_html(src in html_text()) {
        let detected = check(&src);
        let chosen = Normalizer::new().form(InputForm::Html).normalize(&src);
        for norm in [&detected, &chosen] {
            check_map(&src, norm.reading(), norm.reading_map(), !has_notes(norm));
            invariants::check_norm(&src, norm);
            invariants::check_cites(&src, &pincite::extract(&src, norm));
            for r in norm.emphasis() {
                prop_assert!(r.start < r.end && r.end <= norm.reading().len());
            }
        }
    }

    /// A paragraph that needs no change reads as itself, byte for byte.
    #[test]
    fn identity_on_clean_text(words in prop::collection::vec("[a-z]{1,8}", 30..60)) {
        let src = format!("{}.\n", words.join(" "));
        let norm = check(&src);
        prop_assert_eq!(norm.reading(), src.as_str());
        for i in 0..src.len() {
            prop_assert_eq!(norm.reading_map().to_source(i), i);
        }
    }
}

//! Hostile input: long runs of citation anchors, unbalanced parentheses,
//! one enormous line, control characters and deep Unicode. Nothing may
//! panic, and the output must keep the invariants of
//! [`crate::invariants`].
//!
//! The sizes here keep the whole file fast in a debug build. Nothing here
//! is timed: the bench `benches/hostile.rs` grows the same inputs far
//! larger and shows the time growing linearly.

use crate::invariants::{check_cites, check_norm};
use pincite::{Citation, CitationKind, normalize};

/// Normalizes and extracts `src`, checking every invariant.
pub(crate) fn check(src: &str) -> Vec<Citation> {
    let norm = normalize(src);
    check_norm(src, &norm);
    let cites = pincite::extract(src, &norm);
    check_cites(src, &cites);
    cites
}

const FULL: &str = "Imbler v. Pachtman, 424 U. S. 409 (1976). ";

fn count(cites: &[Citation], kind: CitationKind) -> usize {
    cites.iter().filter(|c| c.kind() == kind).count()
}

#[test]
fn a_run_of_ids_gives_one_citation_each() {
    let n = 5_000;
    let src = format!("{FULL}{}\n", "Id. ".repeat(n));
    let cites = check(&src);
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
    let cites = check(&src);
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
    let cites = check(&src);
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
    let cites = check(&src);
    assert_eq!(cites.len(), 1);
    assert_eq!(cites[0].authority.as_deref(), Some("424 U.S. 409"));
    let src = format!("{FULL}{}\n", ")".repeat(100_000));
    assert_eq!(check(&src).len(), 1);
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
    let cites = check(&src);
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

/// The inputs that made a command other than `extract` quadratic, at a
/// size a test runs in well under a second: (name, text).
fn command_inputs(n: usize) -> Vec<(&'static str, String)> {
    let quote = "It said \u{201C}the judicial phase of the criminal process.\u{201D}";
    vec![
        (
            "id-every-line",
            (0..n)
                .map(|i| format!(" Paragraph {i} cites {FULL}Id., at 4.\n"))
                .collect(),
        ),
        (
            "id-footnote-pins",
            format!("{FULL}{}\n", "Id., at 1, n. 1, ".repeat(n)),
        ),
        (
            "one-quotation-many-pins",
            format!(
                "{FULL}{}\n",
                (0..n)
                    .map(|i| format!("{quote} Id., at {}. ", 410 + i % 300))
                    .collect::<String>()
            ),
        ),
        ("unknown-supra-lines", "Unknown, supra, at 5.\n".repeat(n)),
        ("app-one-line", format!("{}\n", "App. 4, ".repeat(n))),
        ("id-run", format!("{FULL}{}\n", "Id. ".repeat(n))),
        (
            "names-then-supras",
            format!(
                "{}{}\n",
                (0..n / 4)
                    .map(|i| format!(
                        "Case{i} v. Other{i}, {} U. S. {} (1990). ",
                        400 + i % 100,
                        10 + i
                    ))
                    .collect::<String>(),
                (0..n / 4)
                    .map(|i| format!("Case{i}, supra, at 5. "))
                    .collect::<String>()
            ),
        ),
    ]
}

/// `verify` on the inputs that made it quadratic: findings in order,
/// inside the text, each line and column that of a slow count.
#[test]
fn verify_of_hostile_inputs_keeps_its_findings_in_the_text() {
    for (name, src) in command_inputs(2_000) {
        let cited = pincite::cite(&src);
        check_cites(&src, cited.citations());
        let found = cited.verify();
        let lines = pincite::LineIndex::new(&src);
        let mut last = 0;
        for (i, f) in found.iter().enumerate() {
            assert!(
                f.span.end <= src.len() && f.span.start >= last,
                "{name}: {f:?}"
            );
            last = f.span.start;
            if i % 97 == 0 {
                assert_eq!(
                    f.to_text_with("a.txt", &lines),
                    f.to_text("a.txt", &src),
                    "{name}"
                );
            }
        }
        // One quotation cited to many pages: one warning a citation at
        // most, none an error.
        if name == "one-quotation-many-pins" {
            let conflicts = found
                .iter()
                .filter(|f| f.code == "quotation-pin-conflict")
                .count();
            assert!(conflicts > 0 && conflicts <= 2_000, "{conflicts}");
        }
        if name == "unknown-supra-lines" {
            assert_eq!(found.len(), 2_000, "one no-full-citation warning each");
        }
    }
}

/// `index` on the same inputs: a hit a citation, its line and column
/// right, and contexts shared: "App. 4, " repeated on one line made an
/// index a hundred times the size of its text.
#[test]
fn index_of_hostile_inputs_stays_in_proportion() {
    for (name, src) in command_inputs(2_000) {
        let index = pincite::Index::build(&[("a.txt", src.as_str())]);
        let hits = index.hits().unwrap();
        let cites = pincite::cite(&src).into_citations();
        assert_eq!(hits.len(), cites.len(), "{name}");
        let lines = pincite::LineIndex::new(&src);
        for h in hits.iter().step_by(101) {
            let (line, col) = lines.line_col(h.span.start);
            let before = &src[..h.span.start];
            assert_eq!(line, before.matches('\n').count() + 1, "{name}");
            let start = before.rfind('\n').map_or(0, |i| i + 1);
            assert_eq!(col, before[start..].chars().count() + 1, "{name}");
            assert_eq!((h.line as usize, h.col as usize), (line, col), "{name}");
        }
        let mut stored = 0;
        index
            .sql(
                "SELECT sum(length(CAST(text AS BLOB))) AS n FROM contexts",
                |row| {
                    stored = row.get("n").and_then(|n| n.as_u64()).unwrap_or(0);
                    Ok(())
                },
            )
            .unwrap();
        assert!(
            stored as usize <= 3 * src.len() + 800,
            "{name}: {stored} bytes of context for {}",
            src.len()
        );
    }
}

/// `toa` and `annotate` on the same inputs: every resolved citation
/// counted, every citation marked.
#[test]
fn toa_and_annotate_of_hostile_inputs() {
    for (name, src) in command_inputs(2_000) {
        let cited = pincite::cite(&src);
        let toa = pincite::TableOfAuthorities::new([("a.txt", cited.citations())]);
        let counted: usize = toa.entries().iter().map(|e| e.count).sum();
        assert!(counted <= cited.citations().len(), "{name}");
        let page = pincite::annotate_html("a.txt", cited.normalized(), cited.citations());
        let marked = page.matches("<cite ").count() + page.matches("\"></a>").count();
        assert_eq!(marked, cited.citations().len(), "{name}");
    }
}

/// Found by fuzzing: a paragraph ending in a volume, reporter, page and
/// "(" whose page's footnote (read after the paragraph) is "1982)": the
/// year was read across the line end of the reading text into the
/// footnote, and the citation's span came out empty, `[17, 17]`, text "".
#[test]
fn a_year_is_not_read_from_the_footnote_after_the_paragraph() {
    for src in [
        "\u{2014}\u{2014}\u{2014}\n1982)\n\x0c8 U.S. 5(",
        "\u{2014}\u{2014}\u{2014}\n2003)\n\x0c5 U.S. 5(",
        "\u{2014}\u{2014}\u{2014}\n2002)\n\x0c7 U.S. __(",
    ] {
        let cites = check(src);
        assert_eq!(cites.len(), 1, "{src:?}");
        assert!(
            cites[0].text.starts_with(['8', '5', '7']),
            "{:?}",
            cites[0].text
        );
        assert_eq!(cites[0].year(), None);
    }
}

/// HTML built to make the reader look far: many skipped elements, star
/// pages, ampersands without a semicolon, italics never closed, runs of
/// italics, brackets that open no tag.
#[test]
fn hostile_html() {
    let n = 2_000;
    let inputs = [
        format!(
            "<p>{}</p>",
            "<span class=\"star-pagination\">*1</span>Smith, 1 U.S. 2. ".repeat(n)
        ),
        format!("<p>{}</p>", "<script>x</script>Id., at 3. ".repeat(n)),
        format!("<p>{FULL}{}</p>", "& &amp &#; &#x; ".repeat(n)),
        format!("<p>{}</p>", "<i>Smith v. Jones, 1 U.S. 2. ".repeat(n)),
        format!("<p>{}, 1 U.S. 2.</p>", "<i>A</i> ".repeat(n)),
        format!("<div>{}", "< a <b <!-- <a href=\"".repeat(n)),
    ];
    for src in &inputs {
        let norm = normalize(src);
        assert_eq!(norm.form(), pincite::InputForm::Html);
        check(src);
    }
}

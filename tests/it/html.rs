//! HTML input: tags and entities are no text, every span points into the
//! HTML bytes, italics mark case names.

use pincite::{CitationKind, InputForm, Normalizer};

/// Kind, authority, pins, case name and text in the HTML of a citation.
type Row = (CitationKind, Option<String>, String, Option<String>, String);

/// A web page's citations with their text in the HTML.
fn cites(html: &str) -> Vec<Row> {
    let norm = pincite::normalize(html);
    assert_eq!(norm.form(), InputForm::Html);
    pincite::extract(html, &norm)
        .into_iter()
        .map(|c| {
            let name = c.case_name().map(str::to_string);
            (
                c.kind(),
                c.authority.clone(),
                c.pins_string(),
                name,
                html[c.span.range()].to_string(),
            )
        })
        .collect()
}

#[test]
fn an_id_in_italics_keeps_its_pin() {
    let html = "<p>See <i>Giglio v. United States</i>, 405 U.S. 150, 153 (1972).</p>\n\
                <p><i>Id.</i>, at 155.</p>";
    let c = cites(html);
    assert_eq!(c.len(), 2, "{c:?}");
    assert_eq!(c[1].0, CitationKind::Id);
    assert_eq!(c[1].1.as_deref(), Some("405 U.S. 150"));
    assert_eq!(c[1].2, "155");
    assert_eq!(c[1].4, "Id.</i>, at 155");
}

#[test]
fn italics_open_and_close_a_case_name() {
    let html = "<p>As the Court explained in <i>eBay Inc. v. MercExchange, L.L.C.</i>, \
                547 U.S. 388, 391 (2006), and <em>See also bell atlantic corp. v. \
                twombly</em>, 550 U.S. 544 (2007).</p>";
    let c = cites(html);
    assert_eq!(c.len(), 2, "{c:?}");
    assert_eq!(c[0].3.as_deref(), Some("eBay Inc. v. MercExchange, L.L.C."));
    assert!(c[0].4.starts_with("eBay Inc."), "{:?}", c[0].4);
    assert_eq!(c[1].3.as_deref(), Some("bell atlantic corp. v. twombly"));
    assert!(c[1].4.starts_with("bell atlantic"), "{:?}", c[1].4);
    // The same text without tags has no italics to go by.
    let plain = "As the Court explained in eBay Inc. v. MercExchange, L.L.C., \
                 547 U.S. 388, 391 (2006).";
    let p = pincite::extract(plain, &pincite::normalize(plain));
    assert_ne!(p[0].case_name(), Some("eBay Inc. v. MercExchange, L.L.C."));
}

#[test]
fn entities_and_tags_inside_a_citation_are_read_through() {
    let html = "<div><p>Under 42&nbsp;U.&nbsp;S.&nbsp;C. &sect;&nbsp;1983 and \
                <i>Monroe</i> v. <i>Pape</i>, 365 U.S. 167, \
                <span class=\"star-pagination\">*12</span>187 (1961).</p></div>";
    let c = cites(html);
    assert_eq!(c.len(), 2, "{c:?}");
    assert_eq!(c[0].0, CitationKind::Statute);
    assert_eq!(c[0].1.as_deref(), Some("42 U.S.C. § 1983"));
    assert_eq!(c[1].1.as_deref(), Some("365 U.S. 167"));
    assert_eq!(c[1].2, "187");
    assert!(c[1].4.ends_with("187 (1961)"), "{:?}", c[1].4);
}

#[test]
fn block_elements_end_paragraphs() {
    let html = "<h2>I</h2><p>First, 1 U.S. 2.</p><blockquote>Quoted.</blockquote><p>Last.</p>";
    let norm = pincite::normalize(html);
    assert_eq!(norm.reading(), "I\nFirst, 1 U.S. 2.\nQuoted.\nLast.\n");
    for b in norm.blocks() {
        let text = &html[b.span.range()];
        assert!(!text.starts_with('<') && !text.ends_with('>'), "{text:?}");
    }
}

#[test]
fn html_is_chosen_or_detected() {
    let src = "<p>Text, 1 U.S. 2.</p>";
    assert_eq!(pincite::normalize(src).form(), InputForm::Html);
    let as_text = Normalizer::new()
        .form(InputForm::ParagraphPerLine)
        .normalize(src);
    assert!(as_text.reading().contains("<p>"));
    let chosen = Normalizer::new()
        .form(InputForm::Html)
        .normalize("Text, 1 U.S. 2.");
    assert_eq!(chosen.reading(), "Text, 1 U.S. 2.\n");
}

/// CourtListener's `html_with_citations` of an opinion kept as plain text:
/// the text in `<pre class="inline">`, hard-wrapped, broken off at each
/// citation it links, the reporters' star pages inline.
#[test]
fn courtlistener_inline_pre_runs_on_through_its_citations() {
    let html = "<pre class=\"inline\">    We ask whether that immunity extends to claims that the\n\
                prosecution failed to disclose impeachment material, see Giglio v. United\n\
                States, </pre><span class=\"citation\" data-id=\"108605\"><a href=\"/opinion/108605/giglio-v-united-states/\">\
                <span class=\"volume\">405</span> <span class=\"reporter\">U.S.</span> \
                <span class=\"page\">150</span></a></span><pre class=\"inline\">, 153 (1972).\n\
                <span class=\"star-pagination\">*340</span> <i>Id.</i>, at 155.\n\n    \
                The next paragraph.\n</pre>";
    let c = cites(html);
    assert_eq!(c.len(), 2, "{c:?}");
    assert_eq!(c[0].1.as_deref(), Some("405 U.S. 150"));
    assert_eq!(c[0].2, "153");
    assert_eq!(c[0].3.as_deref(), Some("Giglio v. United States"));
    assert_eq!(c[1].0, CitationKind::Id);
    assert_eq!(c[1].2, "155");
    let norm = pincite::normalize(html);
    let reading = norm.reading();
    assert!(
        reading.contains("see Giglio v. United States, 405 U.S. 150, 153 (1972). Id., at 155.\n"),
        "{reading}"
    );
    assert!(!reading.contains("*340"), "{reading}");
}

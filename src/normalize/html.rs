//! HTML input: web pages, CourtListener's `html_with_citations`, poppler's
//! `pdftohtml` output. Tags, comments and entities are read away into a
//! plain text with a map back to the HTML bytes: a block element ends a
//! line, `<br>` ends a line, white space runs fold to one space (kept in
//! `<pre>`), the head, scripts and styles are left out. `pdftohtml` marks
//! each PDF page with an anchor (`<a name=2>`) after an `<hr>`: there the
//! `<hr>` is a form feed, so that the plain text reads as PDF text with
//! its pages. The plain text is then normalized in its own form, and the
//! maps composed, so that every span points into the HTML.

use super::offset_map::OffsetMap;
use std::ops::Range;

/// The plain text of an HTML document, its map into the HTML, and the
/// stretches of it set in italics (`<i>`, `<em>`).
pub(crate) struct Plain {
    pub text: String,
    pub map: OffsetMap,
    pub emphasis: Vec<Range<usize>>,
    /// Whether each line is a paragraph (block elements made the lines),
    /// or the lines are a printed page's (`pdftohtml`'s `<br>`, `<pre>`).
    pub lines_are_paragraphs: bool,
}

/// Elements that end a line where they open and close.
const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "ul",
];

/// Elements whose content is no text of the document (the Caselaw Access
/// Project's `<page-number>` holds a reporter's star page, "*1029").
const SKIPPED: &[&str] = &[
    "head",
    "script",
    "style",
    "template",
    "noscript",
    "page-number",
];

/// The class of the reporter's page numbers that CourtListener and the
/// Caselaw Access Project set inline (`<span class="star-pagination">*355
/// </span>`): page furniture, no text.
const STAR_PAGE_CLASS: &str = "star-pagination";

/// Tags an HTML document opens with, or has among its first.
const KNOWN: &[&str] = &[
    "!doctype",
    "html",
    "head",
    "body",
    "p",
    "div",
    "br",
    "pre",
    "span",
    "a",
    "i",
    "b",
    "em",
    "table",
    "hr",
    "meta",
    "title",
    "h1",
    "h2",
    "h3",
    "center",
    "blockquote",
];

/// How far into a text its first tag is looked for.
const SNIFF_BYTES: usize = 1024;

/// Whether `text` is HTML: its first non-blank character opens a known
/// tag ("<!DOCTYPE html", "<html>", "<div>", "<p>").
pub(crate) fn looks_like_html(text: &str) -> bool {
    let t = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    let Some(rest) = t.strip_prefix('<') else {
        return has_closing_tags(text);
    };
    let rest = rest.strip_prefix('/').unwrap_or(rest);
    let name: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
        .take(SNIFF_BYTES)
        .collect::<String>()
        .to_ascii_lowercase();
    KNOWN.contains(&name.as_str())
}

/// Closing tags a fragment of HTML has (an opinion's text never writes
/// them): "</p>", "</i>", "</em>", "</span>" ...
const CLOSING: &[&str] = &[
    "</p>", "</i>", "</em>", "</span>", "</a>", "</div>", "</pre>", "</b>",
];

/// How far into a text closing tags are looked for.
const FRAGMENT_BYTES: usize = 64 * 1024;

/// Whether a text that does not open with a tag is a fragment of HTML: it
/// closes an element.
fn has_closing_tags(text: &str) -> bool {
    let head = &text[..floor(text, text.len().min(FRAGMENT_BYTES))];
    if !head.contains("</") {
        return false;
    }
    let lower = head.to_ascii_lowercase();
    CLOSING.iter().any(|t| lower.contains(t))
}

/// The longest character reference name read ("frac12", "#x1F600").
const ENTITY_LEN: usize = 10;

/// An HTML character reference's text: named ones of court opinions'
/// pages, decimal and hexadecimal ones.
fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| *c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "sect" => '§',
        "para" => '¶',
        "mdash" => '—',
        "ndash" => '–',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "hellip" => '…',
        "shy" => '\u{ad}',
        "copy" => '©',
        "reg" => '®',
        "deg" => '°',
        "frac12" => '½',
        "eacute" => 'é',
        "aacute" => 'á',
        "iacute" => 'í',
        "oacute" => 'ó',
        "uacute" => 'ú',
        "ntilde" => 'ñ',
        "uuml" => 'ü',
        "ouml" => 'ö',
        "auml" => 'ä',
        "ccedil" => 'ç',
        "egrave" => 'è',
        "agrave" => 'à',
        "middot" => '·',
        "bull" => '•',
        "dagger" => '†',
        "Dagger" => '‡',
        _ => return None,
    })
}

/// A tag read at `<`: its lower-case name, whether it closes, and the
/// byte after its `>`.
struct Tag {
    name: String,
    closing: bool,
    end: usize,
}

/// Reads the tag, comment or declaration at byte `at` (a `<`); `None`
/// when the `<` opens none (a lone "<" of text).
fn read_tag(html: &str, at: usize) -> Option<Tag> {
    let b = html.as_bytes();
    let rest = &html[at + 1..];
    if rest.starts_with("!--") {
        let end = rest.find("-->").map_or(html.len(), |i| at + 1 + i + 3);
        return Some(Tag {
            name: "!--".to_string(),
            closing: false,
            end,
        });
    }
    let closing = rest.starts_with('/');
    let name_start = at + 1 + usize::from(closing);
    let first = *b.get(name_start)?;
    if !(first.is_ascii_alphabetic() || first == b'!' || first == b'?') {
        return None;
    }
    let mut i = name_start + 1;
    while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'-') {
        i += 1;
    }
    let name = html[name_start..i].to_ascii_lowercase();
    // To the `>`, past quoted attribute values.
    let mut quote = None;
    while i < b.len() {
        match (quote, b[i]) {
            (None, b'>') => break,
            (None, q @ (b'"' | b'\'')) => quote = Some(q),
            (Some(q), c) if c == q => quote = None,
            _ => {}
        }
        i += 1;
    }
    Some(Tag {
        name,
        closing,
        end: (i + 1).min(b.len()),
    })
}

/// Builds the plain text.
struct Reader<'h> {
    html: &'h str,
    out: String,
    map: OffsetMap,
    /// The `<pre>` elements the text is in, each whether it runs on
    /// (`class="inline"`); inside any, white space is kept.
    pre: Vec<bool>,
    /// A white space run waits to be written as one space.
    space: Option<Range<usize>>,
    /// `<hr>` is a page break (pdftohtml's pages).
    paged: bool,
    emphasis: Vec<Range<usize>>,
    open_emphasis: Vec<usize>,
    /// Lines ended by `<br>` and by block elements, and whether any text
    /// stood in `<pre>`.
    breaks: usize,
    block_ends: usize,
    preformatted: bool,
}

impl Reader<'_> {
    /// Ends the line at `src` (a tag), unless the text is at a line's
    /// start already.
    fn line_end(&mut self, src: Range<usize>, forced: bool) {
        self.space = None;
        if forced || !(self.out.is_empty() || self.out.ends_with(['\n', '\x0c'])) {
            self.out.push('\n');
            self.map.push_replace(src, 1);
        }
    }

    fn page_break(&mut self, src: Range<usize>) {
        self.space = None;
        if !self.out.ends_with('\n') && !self.out.is_empty() {
            self.out.push('\n');
            self.map.push_replace(src.start..src.start, 1);
        }
        self.out.push('\x0c');
        self.map.push_replace(src, 1);
    }

    /// Writes a waiting space before text.
    fn flush_space(&mut self) {
        if let Some(r) = self.space.take() {
            if !(self.out.is_empty() || self.out.ends_with(['\n', '\x0c', ' '])) {
                self.out.push(' ');
                if r.len() == 1 && &self.html[r.clone()] == " " {
                    self.map.push_copy(r);
                } else {
                    self.map.push_replace(r, 1);
                }
            }
        }
    }

    /// Text between tags: entities read, white space folded.
    fn text(&mut self, r: Range<usize>) {
        let s = &self.html[r.clone()];
        let mut i = 0;
        let mut run = r.start;
        while i < s.len() {
            let c = s[i..].chars().next().unwrap_or(' ');
            let at = r.start + i;
            if self.pre.is_empty() && c.is_ascii_whitespace() {
                self.copy(run..at);
                let n = s[i..]
                    .bytes()
                    .take_while(|b| b.is_ascii_whitespace())
                    .count();
                self.space = Some(at..at + n);
                i += n;
                run = r.start + i;
                continue;
            }
            if c == '&' {
                let semi = s.as_bytes()[i + 1..]
                    .iter()
                    .take(ENTITY_LEN + 1)
                    .position(|&b| b == b';');
                if let Some(semi) = semi {
                    if let Some(ch) = entity(&s[i + 1..i + 1 + semi]) {
                        self.copy(run..at);
                        let end = at + 1 + semi + 1;
                        if ch == ' ' && self.pre.is_empty() {
                            // A no-break space folds like any space.
                            let start = self.space.take().map_or(at, |sp| sp.start);
                            self.space = Some(start..end);
                        } else {
                            self.flush_space();
                            self.out.push(ch);
                            self.map.push_replace(at..end, ch.len_utf8());
                        }
                        i = end - r.start;
                        run = end;
                        continue;
                    }
                }
            }
            i += c.len_utf8();
        }
        self.copy(run..r.end);
    }

    fn copy(&mut self, r: Range<usize>) {
        if r.start < r.end {
            self.flush_space();
            self.out.push_str(&self.html[r.clone()]);
            self.map.push_copy(r);
        }
    }

    fn tag(&mut self, tag: &Tag, src: Range<usize>) {
        let name = tag.name.as_str();
        match name {
            "br" => {
                self.breaks += 1;
                self.line_end(src, true);
            }
            "hr" if self.paged => self.page_break(src),
            "hr" => self.line_end(src, false),
            // CourtListener's `html_with_citations` sets a text between its
            // citations in `<pre class="inline">`: those run on.
            "pre" => {
                self.preformatted = true;
                let inline = if tag.closing {
                    self.pre.pop().unwrap_or(false)
                } else {
                    let inline = self.html[src.clone()].contains("inline");
                    self.pre.push(inline);
                    inline
                };
                if !inline {
                    self.line_end(src, false);
                }
            }
            "i" | "em" => {
                if tag.closing {
                    if let Some(start) = self.open_emphasis.pop() {
                        self.emphasis.push(start..self.out.len());
                    }
                } else {
                    self.flush_space();
                    self.open_emphasis.push(self.out.len());
                }
            }
            _ if BLOCK.contains(&name) => {
                self.block_ends += 1;
                self.line_end(src, false);
            }
            _ => {}
        }
    }
}

/// The end of the element whose content is skipped, opened by a tag that
/// ends at `from`: the end of its closing tag (any case), or the end of
/// the text. Reads forward from `from` only, so that skipping many
/// elements stays one pass.
fn skip_to_close(html: &str, from: usize, name: &str) -> usize {
    let b = html.as_bytes();
    let mut at = from;
    while let Some(k) = memchr::memmem::find(&b[at..], b"</") {
        let name_at = at + k + 2;
        let end = name_at + name.len();
        let named = b
            .get(name_at..end)
            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()));
        if named && !b.get(end).is_some_and(u8::is_ascii_alphanumeric) {
            return memchr::memchr(b'>', &b[end..]).map_or(html.len(), |e| end + e + 1);
        }
        at = name_at;
    }
    html.len()
}

/// Whether the document is poppler's `pdftohtml` output, whose pages are
/// marked by anchors after `<hr>`.
fn is_pdftohtml(html: &str) -> bool {
    let head = &html[..floor(html, html.len().min(4 * SNIFF_BYTES))];
    head.contains("pdftohtml") || head.contains("<A name=1>") || head.contains("<a name=1>")
}

fn floor(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Reads an HTML document into its plain text.
pub(crate) fn to_plain(html: &str) -> Plain {
    let mut r = Reader {
        html,
        out: String::with_capacity(html.len() / 2),
        map: OffsetMap::new(html.len()),
        pre: Vec::new(),
        space: None,
        paged: is_pdftohtml(html),
        emphasis: Vec::new(),
        open_emphasis: Vec::new(),
        breaks: 0,
        block_ends: 0,
        preformatted: false,
    };
    let mut at = 0;
    let mut text_from = 0;
    while let Some(k) = memchr::memchr(b'<', &html.as_bytes()[at..]) {
        let lt = at + k;
        let Some(tag) = read_tag(html, lt) else {
            at = lt + 1;
            continue;
        };
        r.text(text_from..lt);
        let mut end = tag.end;
        let star_page = !tag.closing && html[lt..end].contains(STAR_PAGE_CLASS);
        if !tag.closing && (SKIPPED.contains(&tag.name.as_str()) || star_page) {
            end = skip_to_close(html, end, &tag.name);
        } else {
            r.tag(&tag, lt..end);
        }
        at = end;
        text_from = end;
    }
    r.text(text_from..html.len());
    if !r.out.is_empty() && !r.out.ends_with('\n') {
        r.out.push('\n');
        r.map.push_replace(html.len()..html.len(), 1);
    }
    Plain {
        lines_are_paragraphs: !(r.paged || r.preformatted || r.breaks > r.block_ends),
        text: r.out,
        map: r.map,
        emphasis: r.emphasis,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(html: &str) -> String {
        to_plain(html).text
    }

    #[test]
    fn tags_and_entities_are_no_text() {
        assert_eq!(
            plain("<p>See <i>Id.</i>, at 155 &amp; n.&nbsp;3.</p><p>Next.</p>"),
            "See Id., at 155 & n. 3.\nNext.\n"
        );
        assert_eq!(plain("<div>a<br>b<br/>\n c</div>"), "a\nb\nc\n");
        assert_eq!(
            plain(
                "<html><head><title>x</title><style>p{}</style></head><body><p>A</p></body></html>"
            ),
            "A\n"
        );
        assert_eq!(plain("<pre>a\n  b</pre>"), "a\n  b\n");
        assert_eq!(
            plain("a &lt; b &#167;1983 &#x2014; &bogus; <!-- c --> d"),
            "a < b §1983 — &bogus; d\n"
        );
        assert_eq!(plain("1 < 2 and 3 <4"), "1 < 2 and 3 <4\n");
        assert_eq!(
            plain("135 <span class=\"star-pagination\">*355</span> Mass. 147"),
            "135 Mass. 147\n"
        );
    }

    #[test]
    fn every_character_maps_into_the_html() {
        let html = "<p>See <i>Smith v. Jones</i>, 1&nbsp;U.&nbsp;S. 2 (1990).</p>\n<p>&ldquo;Id.&rdquo;</p>";
        let p = to_plain(html);
        for (i, c) in p.text.char_indices() {
            let s = p.map.span_to_source(i..i + c.len_utf8());
            assert!(s.end <= html.len());
            if c.is_alphanumeric() {
                assert_eq!(&html[s.range()], c.to_string(), "{i}");
            }
        }
        let at = p.text.find("Smith").unwrap();
        let span = p.map.span_to_source(at..at + "Smith v. Jones".len());
        assert_eq!(&html[span.range()], "Smith v. Jones");
        assert_eq!(&p.text[p.emphasis[0].clone()], "Smith v. Jones");
    }

    #[test]
    fn pdftohtml_pages_are_form_feeds() {
        let html = "<BODY><A name=1></a>one<br>\n<hr>\n<A name=2></a>two<br>\n</BODY>";
        assert_eq!(plain(html), "one\n\x0ctwo\n");
    }

    #[test]
    fn html_is_known_by_its_first_tag() {
        assert!(looks_like_html("<!DOCTYPE HTML PUBLIC>"));
        assert!(looks_like_html("\n  <div class=x>"));
        assert!(!looks_like_html("The Court held that 1 < 2."));
        assert!(!looks_like_html("See <https://www.supremecourt.gov>."));
        assert!(looks_like_html("The <i>Court</i> held."));
        assert!(looks_like_html(
            "held. <em>Anderson</em>, 477 <i>U.S.</i> at 248"
        ));
        assert!(!looks_like_html("<3 text"));
    }
}

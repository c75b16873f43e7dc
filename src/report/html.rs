//! The annotated page: an opinion's reading text with every citation
//! marked, and its table of authorities beside it linking to each
//! occurrence.

use super::context;
use super::toa::{Heading, TableOfAuthorities, escape_html, print_pin};
use crate::citation::{Citation, CitationKind};
use crate::normalize::Normalized;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::ops::Range;

const STYLE: &str = "\
body{margin:0;font-family:Georgia,serif;line-height:1.5;color:#222}
#layout{display:flex;align-items:flex-start}
main{flex:1;max-width:46em;padding:1em 2em}
nav{width:24em;position:sticky;top:0;max-height:100vh;overflow:auto;padding:1em;\
border-left:1px solid #ccc;font-size:.85em;background:#fafafa}
p.heading{font-weight:bold;text-align:center}
p.caption{text-align:center}
p.footnote{font-size:.85em;border-left:3px solid #ddd;padding-left:.8em}
cite{font-style:normal;background:#fff3c4;border-bottom:1px dotted #a80;cursor:help}
cite.unresolved{background:#fdd}
cite.internal{background:#e6f0ff}
cite:target{outline:2px solid #c60}
nav h2{font-size:1.1em;margin:1em 0 .3em}
nav li{margin:.2em 0}
nav a{color:#036}
.page{color:#888;font-size:.8em}
";

/// What the tooltip of a citation says: the resolved full citation and
/// its pins ("Imbler v. Pachtman, 424 U.S. 409 (1976), at 430").
fn tooltip(c: &Citation, printed: &HashMap<&str, &str>) -> String {
    let pins: Vec<String> = c.pins.iter().map(|p| print_pin(*p)).collect();
    let at = if pins.is_empty() {
        String::new()
    } else {
        format!(", at {}", pins.join(", "))
    };
    match (c.kind(), c.authority.as_deref()) {
        (CitationKind::Internal, _) => format!("this opinion{at}"),
        (_, Some(a)) => format!("{}{at}", printed.get(a).copied().unwrap_or(a)),
        (_, None) => {
            let why = c.warnings.first().map_or("unresolved", String::as_str);
            format!("unresolved: {why}")
        }
    }
}

/// A standalone HTML page of one opinion: its reading text, one paragraph
/// element per block, with every citation wrapped in a `<cite>` element
/// carrying `id="cN"` (N its position in `cites`), `data-kind`,
/// `data-authority`, `data-pins` (as in annotation files: `428,430`,
/// `431n33`) and a `title` tooltip with the resolved full citation; beside
/// it the table of authorities, each entry listing links to its
/// occurrences.
///
/// Every character of the reading text is on the page, HTML-escaped: the
/// text of the `<main>` element with its tags taken out and its entities
/// decoded is the reading text.
///
/// ```
/// let src = "See Imbler v. Pachtman, 424 U. S. 409 (1976). Id., at 430.\n";
/// let norm = pincite::normalize(src);
/// let cites = pincite::extract(src, &norm);
/// let page = pincite::annotate_html("a.txt", &norm, &cites);
/// assert!(page.contains("<cite id=\"c1\" class=\"id\" data-kind=\"id\" \
///     data-authority=\"424 U.S. 409\" data-pins=\"430\" \
///     title=\"Imbler v. Pachtman, 424 U.S. 409 (1976), at 430\">Id., at 430</cite>"));
/// assert!(page.contains("<a href=\"#c1\">"));
/// ```
pub fn annotate_html(title: &str, norm: &Normalized, cites: &[Citation]) -> String {
    let reading = norm.reading();
    let toa = TableOfAuthorities::new([(title, cites)]);
    let printed: HashMap<&str, &str> = toa
        .entries()
        .iter()
        .map(|e| (e.authority.as_str(), e.citation.as_str()))
        .collect();
    // The citations in reading order, without overlaps.
    let mut marks: Vec<(Range<usize>, usize)> = cites
        .iter()
        .enumerate()
        .filter_map(|(i, c)| context::reading_range(norm, c).map(|r| (r, i)))
        .collect();
    marks.sort_by_key(|(r, i)| (r.start, *i));
    let mut s = String::with_capacity(reading.len() * 2);
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<div id=\"layout\">\n<main>",
        escape_html(title)
    );
    let mut at = 0;
    let mut mark = marks.iter().peekable();
    let mut anchors_only: Vec<usize> = Vec::new();
    for b in norm.blocks() {
        let r = b.reading.clone();
        if r.start < at {
            continue;
        }
        s.push_str(&escape_html(&reading[at..r.start]));
        let _ = write!(
            s,
            "<p class=\"{}\" data-section=\"{}\"",
            b.kind.as_str(),
            b.section.as_str()
        );
        if let Some(p) = b.slip_page {
            let _ = write!(s, " data-slip-page=\"{p}\"");
        }
        s.push('>');
        let mut pos = r.start;
        while let Some((cr, i)) = mark.peek() {
            if cr.start >= r.end {
                break;
            }
            let (cr, i) = (cr.clone(), *i);
            mark.next();
            if cr.start < pos {
                // Overlaps the citation before: an anchor only.
                anchors_only.push(i);
                let _ = write!(s, "<a id=\"c{i}\"></a>");
                continue;
            }
            let end = cr.end.min(r.end).max(cr.start);
            s.push_str(&escape_html(&reading[pos..cr.start]));
            let c = &cites[i];
            let class = if c.authority.is_none() && c.kind() != CitationKind::Internal {
                format!("{} unresolved", c.kind().as_str())
            } else {
                c.kind().as_str().to_string()
            };
            let _ = write!(
                s,
                "<cite id=\"c{i}\" class=\"{class}\" data-kind=\"{}\" data-authority=\"{}\" \
                 data-pins=\"{}\" title=\"{}\">{}</cite>",
                c.kind().as_str(),
                escape_html(c.authority.as_deref().unwrap_or("")),
                escape_html(&c.pins_string()),
                escape_html(&tooltip(c, &printed)),
                escape_html(&reading[cr.start..end]),
            );
            pos = end;
        }
        s.push_str(&escape_html(&reading[pos..r.end]));
        s.push_str("</p>");
        at = r.end;
    }
    s.push_str(&escape_html(&reading[at..]));
    s.push_str("</main>\n<nav id=\"toa\">\n<h1>Table of Authorities</h1>\n");
    for cat in Heading::ALL {
        let entries: Vec<_> = toa.entries().iter().filter(|e| e.category == cat).collect();
        if entries.is_empty() {
            continue;
        }
        let _ = writeln!(s, "<h2>{}</h2>\n<ul>", cat.heading());
        for e in entries {
            let pages = e.pages_text();
            let pages = match e.slip_pages.as_deref() {
                _ if e.passim => ", passim".to_string(),
                Some([]) | None => String::new(),
                Some([_]) => format!(", p. {pages}"),
                Some(_) => format!(", pp. {pages}"),
            };
            let _ = write!(
                s,
                "<li data-authority=\"{}\"><details><summary>{} <span class=\"page\">({} reference{}{})</span></summary><ol>",
                escape_html(&e.authority),
                escape_html(&e.citation),
                e.count,
                if e.count == 1 { "" } else { "s" },
                escape_html(&pages),
            );
            for o in &e.occurrences {
                let c = &cites[o.index];
                let page = o
                    .slip_page
                    .map(|p| format!("<span class=\"page\">p. {p}</span> "))
                    .unwrap_or_default();
                let text = context::reading_range(norm, c)
                    .map(|r| reading[r].to_string())
                    .unwrap_or_else(|| c.text.clone());
                let _ = write!(
                    s,
                    "<li><a href=\"#c{}\">{page}{}</a></li>",
                    o.index,
                    escape_html(&text)
                );
            }
            s.push_str("</ol></details></li>\n");
        }
        s.push_str("</ul>\n");
    }
    s.push_str("</nav>\n</div>\n</body>\n</html>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of an HTML fragment: tags out, the five entities decoded.
    pub(crate) fn text_of(html: &str) -> String {
        let mut out = String::new();
        let mut in_tag = false;
        for ch in html.chars() {
            match ch {
                '<' => in_tag = true,
                '>' if in_tag => in_tag = false,
                _ if !in_tag => out.push(ch),
                _ => {}
            }
        }
        out.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
    }

    #[test]
    fn every_reading_character_is_on_the_page_escaped() {
        let src = "I\n A <b>bold</b> & \"quoted\" claim, see Imbler v. Pachtman, 424 U. S. 409 \
                   (1976). Id., at 430 & ibid.\n";
        let norm = crate::normalize(src);
        let cites = crate::extract(src, &norm);
        let page = annotate_html("t<1>.txt", &norm, &cites);
        assert!(page.contains("<title>t&lt;1&gt;.txt</title>"));
        let main = &page[page.find("<main>").unwrap() + 6..page.find("</main>").unwrap()];
        assert_eq!(text_of(main), norm.reading());
        assert!(!main.contains("<b>"));
        assert_eq!(main.matches("<cite ").count(), cites.len());
    }

    #[test]
    fn unresolved_citations_say_why() {
        let src = "As Kalina, supra, at 130, held.\n";
        let norm = crate::normalize(src);
        let cites = crate::extract(src, &norm);
        let page = annotate_html("t.txt", &norm, &cites);
        assert!(page.contains("class=\"supra unresolved\""));
        assert!(page.contains("title=\"unresolved: no earlier full citation by this name\""));
    }
}

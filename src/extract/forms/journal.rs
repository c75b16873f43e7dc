//! Articles in periodicals: "Kamisar, A Dissent from the Miranda
//! Dissents, 65 Mich. L. Rev. 59, 62 (1966)", a short form giving a pin
//! only ("Kerr, 102 Mich. L. Rev., at 805-806"), and periodicals
//! reporters-db does not list, read by the shape of a law review's or law
//! journal's abbreviation ("52 Howard L. J. 674").
//!
//! The periodicals' spellings share the reporters' trie: the case anchor
//! finds them, and [`super::case`] hands them here. The key is "65 Mich.
//! L. Rev. 59", the periodical spelled as reporters-db spells it.

use crate::citation::{Form, Journal};
use crate::extract::reporters::CaseAnchor;
use crate::extract::scanner::{Scanner, re, squeeze_spaced};
use crate::extract::tables;
use crate::extract::titles::{self, Byline};
use regex::Regex;
use std::sync::LazyLock;

/// The year closing an article's citation: "(1966)", "(1999-2000)",
/// "(Winter 2003)".
static YEAR: LazyLock<Regex> =
    LazyLock::new(|| re(r"^[^\S\n]*\((?:[A-Z][a-z]+\.?[^\S\n]+)?([0-9]{4})(?:[-/][0-9]{2,4})?\)"));
/// A periodical reporters-db does not list, by its shape: a volume, up to
/// six capitalized words (or "&", "of", ...), and the abbreviation of a
/// law review, law journal or quarterly; then a page, or ", at" and a pin.
static UNLISTED: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"^(?P<vol>[0-9]{1,4}) (?P<journal>(?:(?:\(?[A-Z][A-Za-z'.]*\)?|&|of|on|and|the|for) ){0,6}",
        r"(?:L\. ?(?:Rev|J|Q|F)\.|L\.J\.|Law (?:Review|Journal)))",
        r"(?P<sep> |, at )(?P<page>[0-9]{1,5})(?-u:\b)",
    ))
});

/// The article whose volume and periodical the case anchor `a` read.
pub(super) fn parse(s: &mut Scanner<'_>, a: &CaseAnchor) -> usize {
    let text = s.text;
    let spelling = &text[a.rep.0..a.rep.1];
    let (Some(journal), Ok(volume)) = (
        tables::journal(spelling),
        text[a.vol.0..a.vol.1].parse::<u32>(),
    ) else {
        return a.whole.1;
    };
    let page = match (a.page, a.blank) {
        (Some(p), _) => match text[p.0..p.1].parse::<u32>() {
            Ok(page) => Some((page, p.1)),
            Err(_) => return a.whole.1,
        },
        (None, Some(_)) => return a.whole.1,
        (None, None) => None,
    };
    let at = Article {
        start: a.vol.0,
        volume,
        journal: journal.to_string(),
        page,
        at_end: a.whole.1,
    };
    article(s, at).unwrap_or(a.whole.1)
}

/// An article in a periodical reporters-db does not list, at a case
/// candidate no reporter matched; where scanning resumes.
pub(super) fn parse_unlisted(s: &mut Scanner<'_>, start: usize) -> Option<usize> {
    let caps = UNLISTED.captures(&s.text[start..])?;
    let volume = caps["vol"].parse().ok()?;
    let journal = squeeze_spaced(&caps["journal"]);
    let page_g = caps.name("page")?;
    let page_end = start + page_g.end();
    let page = if caps["sep"].starts_with(',') {
        None
    } else {
        Some((page_g.as_str().parse().ok()?, page_end))
    };
    let at = Article {
        start,
        volume,
        journal,
        page,
        at_end: start + page_g.start(),
    };
    article(s, at)
}

/// An article read whole elsewhere: as a book is read, back from its
/// closing year, until its periodical showed.
pub(super) struct Written {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) author: Option<String>,
    pub(super) title: Option<String>,
    pub(super) volume: u32,
    pub(super) journal: String,
    pub(super) page: u32,
    pub(super) pins: Vec<crate::citation::Pin>,
    pub(super) year: Option<u16>,
}

/// Pushes an article read whole; returns where it ends.
pub(super) fn push_written(s: &mut Scanner<'_>, a: Written) -> usize {
    let form = Journal {
        author: a.author,
        title: a.title,
        volume: a.volume,
        journal: a.journal,
        page: Some(a.page),
        year: a.year,
    };
    let (start, end) = (a.start, a.end);
    let authority = Some(form.to_string());
    push(s, form, start..end, a.pins, authority);
    end
}

/// Pushes the citation of an article with its key and pins, reads the
/// parentheticals after it, and remembers its author's names.
fn push(
    s: &mut Scanner<'_>,
    form: Journal,
    range: std::ops::Range<usize>,
    pins: Vec<crate::citation::Pin>,
    authority: Option<String>,
) {
    let (start, end) = (range.start, range.end);
    let author = form.author.clone().filter(|_| authority.is_some());
    let mut c = s.cite(Form::Journal(form), range);
    c.pins = pins;
    c.authority = authority;
    let (parenthetical, hereinafter) = titles::after(s, end, start);
    c.parenthetical = parenthetical;
    c.hereinafter = hereinafter.clone();
    s.out.push(c);
    titles::remember(s, author.as_deref(), hereinafter);
}

/// An article as its anchor read it.
struct Article {
    /// Where its volume starts.
    start: usize,
    volume: u32,
    /// The periodical's abbreviation.
    journal: String,
    /// The first page and where it ends; `None` for a short form.
    page: Option<(u32, usize)>,
    /// For a short form, where its pin starts.
    at_end: usize,
}

/// Pushes the citation of an article: the byline before it, the pins and
/// year after; where it ends. `None` for a short form without a pin.
fn article(s: &mut Scanner<'_>, a: Article) -> Option<usize> {
    let (pins, mut end) = match a.page {
        Some((_, page_end)) => s
            .more_pins(page_end)
            .map_or((Vec::new(), page_end), |p| (p.pins, p.end)),
        None => {
            let p = s.pins_at(a.at_end)?;
            (p.pins, p.end)
        }
    };
    let mut year = None;
    if a.page.is_some() {
        if let Some(y) = YEAR.captures(&s.text[end..]) {
            year = y[1].parse().ok();
            end += y.get(0).map_or(0, |g| g.end());
        }
    }
    let byline = byline_of(s, a.start).unwrap_or_default();
    let start = if byline.author.is_some() || byline.title.is_some() {
        byline.start
    } else {
        a.start
    };
    let form = Journal {
        author: byline.author,
        title: byline.title,
        volume: a.volume,
        journal: a.journal,
        page: a.page.map(|p| p.0),
        year,
    };
    let authority = form.page.map(|_| form.to_string());
    push(s, form, start..end, pins, authority);
    Some(end)
}

/// The byline before an article's volume at `at`: after ", " or after a
/// title ending in "?" or "!".
fn byline_of(s: &mut Scanner<'_>, at: usize) -> Option<Byline> {
    let before = &s.text[..at];
    let end = if before.ends_with(", ") {
        at - 2
    } else if before.ends_with("? ") || before.ends_with("! ") {
        at - 1
    } else {
        return None;
    };
    titles::byline_before(s, end)
}

/// The lazily compiled patterns and tables above, which
/// [`crate::extract::prepare`] compiles ahead of their first use.
pub(super) const PATTERNS: &[fn()] = crate::extract::patterns![YEAR, UNLISTED];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unlisted_periodical_ends_in_a_law_reviews_abbreviation() {
        let journal = |t: &str| UNLISTED.captures(t).map(|c| c["journal"].to_string());
        assert_eq!(
            journal("52 Howard L. J. 674").as_deref(),
            Some("Howard L. J.")
        );
        assert_eq!(
            journal("12 Wyo. L. J. 1, 10").as_deref(),
            Some("Wyo. L. J.")
        );
        assert_eq!(
            journal("32 Loyola (LA) L. Rev., at 165").as_deref(),
            Some("Loyola (LA) L. Rev.")
        );
        assert_eq!(journal("12 miles of road"), None);
        assert_eq!(journal("5 U. S. C. 552"), None);
    }

    #[test]
    fn years_close_articles() {
        let year = |t: &str| YEAR.captures(t).map(|c| c[1].to_string());
        assert_eq!(year(" (1966)").as_deref(), Some("1966"));
        assert_eq!(year(" (1999-2000)").as_deref(), Some("1999"));
        assert_eq!(year(" (Winter 2003)").as_deref(), Some("2003"));
        assert_eq!(year(" (quoting X)"), None);
    }
}

//! Pages: the lines of each page, found again from the printed page
//! furniture where the tool wrote no form feeds, and the number and part
//! of each page from what its head and foot told.

use super::super::Section;
use super::super::lines::Line;
use super::super::patterns::{
    CITE_AS, FILING_STAMP, SLIP_TOP, SLUG, collapse, is_title, names_a_case, page_number,
    title_parts,
};
use super::furniture::PageHead;
use std::collections::HashMap;

/// The fewest content lines a page found again has: a marker nearer the
/// last page break belongs to the same page's head (a slug line over the
/// running head, a page number under it).
const PAGE_LINES_MIN: usize = 10;

/// The fewest page breaks found again that make a text paged.
const PAGE_BREAKS_MIN: usize = 2;

/// A running title is taken for one when it is printed with a page
/// number this many times.
const TITLE_PAGES_MIN: usize = 2;

/// Where a marker line stands on its page.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Side {
    /// At the top: the page starts with it.
    Top,
    /// At the foot: the page ends with it.
    Foot,
    /// Either: decided for the document from where the numbers fall.
    Either,
}

/// A line of page furniture that tells where a page starts or ends.
#[derive(Clone, Copy, Debug)]
struct Marker {
    /// Its index among the content (non-blank) lines.
    content: usize,
    number: Option<u32>,
    side: Side,
    /// A bare number ("2", "- 2 -"), which could also be a footnote's
    /// label or a line number: taken only where the next page's number
    /// is due.
    bare: bool,
}

/// The lines with their pages found again from the page furniture, when
/// the text has no form feeds but carries running heads, slug lines,
/// filing stamps or page numbers (pypdf's output); `None` when it has
/// form feeds or nothing tells where pages end.
pub(super) fn paginate(text: &str, lines: &[Line]) -> Option<Vec<Line>> {
    if memchr::memchr(b'\x0c', text.as_bytes()).is_some() {
        return None;
    }
    let content: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_blank()).collect();
    let texts: Vec<std::borrow::Cow<'_, str>> = content
        .iter()
        .map(|&i| collapse(&text[lines[i].start..lines[i].end]))
        .collect();
    let titles = numbered_titles(&texts);
    let found: Vec<Marker> = texts
        .iter()
        .enumerate()
        .filter_map(|(c, s)| marker(s, &titles).map(|m| Marker { content: c, ..m }))
        .collect();
    let accepted = accept(&found);
    let side = either_side(&accepted, content.len());
    let mut breaks: Vec<usize> = Vec::new();
    for m in &accepted {
        let at = match if m.side == Side::Either { side } else { m.side } {
            Side::Foot => m.content + 1,
            _ => m.content,
        };
        let near = breaks.last().is_some_and(|&b| at < b + PAGE_LINES_MIN);
        if at == 0 || at >= content.len() || near {
            continue;
        }
        breaks.push(at);
    }
    if breaks.len() < PAGE_BREAKS_MIN {
        return None;
    }
    // A page starts at its first content line; blank lines before it go
    // with the page before.
    let mut out = lines.to_vec();
    let mut page = 0;
    let mut next = breaks.iter().map(|&c| content[c]).peekable();
    for (i, l) in out.iter_mut().enumerate() {
        while next.peek().is_some_and(|&b| b <= i) {
            page += 1;
            next.next();
        }
        l.page = page;
    }
    Some(out)
}

/// The running titles printed with a page number ("2 WEINTRAUB v.
/// QUICKEN LOANS"), counted.
fn numbered_titles<'a>(texts: &'a [std::borrow::Cow<'_, str>]) -> HashMap<&'a str, usize> {
    let mut titles: HashMap<&str, usize> = HashMap::new();
    for s in texts {
        if let Some((title, Some(_))) = numbered_title(s) {
            *titles.entry(title).or_default() += 1;
        }
    }
    titles.retain(|_, n| *n >= TITLE_PAGES_MIN);
    titles
}

/// A running title and the number printed with it.
fn numbered_title(s: &str) -> Option<(&str, Option<u32>)> {
    let (lead, title, trail) = title_parts(s)?;
    let titled = is_title(title) && names_a_case(title);
    titled.then(|| (title, lead.or(trail).and_then(|n| n.parse().ok())))
}

/// What a content line tells of where its page starts or ends.
fn marker(s: &str, titles: &HashMap<&str, usize>) -> Option<Marker> {
    let m = |number, side, bare| Marker {
        content: 0,
        number,
        side,
        bare,
    };
    let number = |c: regex::Captures| {
        c.iter()
            .skip(1)
            .flatten()
            .find_map(|g| g.as_str().parse().ok())
    };
    if SLUG.is_match(s) {
        return Some(m(None, Side::Top, false));
    }
    if let Some(c) = FILING_STAMP.captures(s) {
        return Some(m(number(c), Side::Foot, false));
    }
    if let Some(c) = SLIP_TOP.captures(s).or_else(|| CITE_AS.captures(s)) {
        return Some(m(number(c), Side::Top, false));
    }
    if let Some((title, Some(n))) = numbered_title(s) {
        if titles.contains_key(title) {
            return Some(m(Some(n), Side::Either, false));
        }
    }
    let n = page_number(s)?;
    Some(m(Some(n), Side::Either, !s.starts_with("Page ")))
}

/// The markers that tell pages: all but bare numbers that are not the
/// next page's number, or stand too near the marker before.
fn accept(found: &[Marker]) -> Vec<Marker> {
    let paged_by_heads = found.iter().any(|m| m.number.is_some() && !m.bare);
    let mut out: Vec<Marker> = Vec::new();
    let mut expected: Option<u32> = None;
    for m in found {
        if m.bare {
            let due = match expected {
                Some(e) => m.number == Some(e),
                None => m.number.is_some_and(|n| n <= 2) && !paged_by_heads,
            };
            let far = out
                .last()
                .is_none_or(|p| m.content >= p.content + PAGE_LINES_MIN);
            if !due || !far {
                continue;
            }
        }
        if let Some(n) = m.number {
            expected = Some(n + 1);
        }
        out.push(*m);
    }
    out
}

/// Whether page numbers that could stand at either end of a page stand at
/// the top or the foot: at the top when the document has running heads
/// that stand at the top, else where the numbers fall nearer to, the
/// document's lines shared evenly among its pages.
fn either_side(markers: &[Marker], content_lines: usize) -> Side {
    if markers.iter().any(|m| m.side == Side::Top) {
        return Side::Top;
    }
    if markers.iter().any(|m| m.side == Side::Foot) {
        return Side::Foot;
    }
    let numbered: Vec<(usize, u32)> = markers
        .iter()
        .filter_map(|m| Some((m.content, m.number?)))
        .collect();
    let Some(last) = numbered.iter().map(|&(_, n)| n).max() else {
        return Side::Top;
    };
    let per_page = content_lines as f64 / f64::from(last.max(1));
    let (mut top, mut foot) = (0.0, 0.0);
    for &(c, n) in &numbered {
        let c = c as f64;
        top += (c - f64::from(n.saturating_sub(1)) * per_page).abs();
        foot += (c - f64::from(n) * per_page).abs();
    }
    if foot < top { Side::Foot } else { Side::Top }
}

/// The lines of each page, in order: a page is the run of lines after
/// a form feed.
pub(super) fn group(lines: &[Line]) -> Vec<&[Line]> {
    // Lines come in page order: a page is a run of them.
    let mut pages: Vec<&[Line]> = Vec::new();
    let mut start = 0;
    for (i, l) in lines.iter().enumerate() {
        while pages.len() < l.page {
            pages.push(&lines[start..i]);
            start = i;
        }
    }
    pages.push(&lines[start..]);
    pages
}

/// Page numbers and parts, page after page.
#[derive(Default)]
pub(super) struct Numbering {
    last_number: Option<u32>,
    last_section: Option<Section>,
    /// Each page's physical index, number and part, as settled.
    settled: Vec<(usize, Option<u32>, Section)>,
}

/// What [`Numbering::page`] settled for one page.
pub(super) struct Numbered {
    /// The page's number, when it has one or follows one.
    pub number: Option<u32>,
    /// The part the page belongs to.
    pub section: Section,
    /// Whether the page's head names a part other than the page before's.
    pub new_part: bool,
}

impl Numbering {
    /// The number and part of the next page, from its head and the
    /// number at its foot. A page with no number follows its predecessor
    /// in the same part; a page with no part label stays in the part of
    /// the page before (the opinion, on the first page).
    pub(super) fn page(
        &mut self,
        index: usize,
        head: PageHead,
        foot_number: Option<u32>,
    ) -> Numbered {
        let section = head
            .section
            .or(self.last_section)
            .unwrap_or(Section::Opinion);
        let new_part = head.section.is_some() && head.section != self.last_section;
        let number =
            head.number
                .or(foot_number)
                .or_else(|| match (self.last_number, head.section) {
                    (Some(n), None) => Some(n + 1),
                    (Some(n), Some(s)) if Some(s) == self.last_section => Some(n + 1),
                    _ => None,
                });
        self.last_number = number;
        self.last_section = Some(section);
        self.settled.push((index, number, section));
        Numbered {
            number,
            section,
            new_part,
        }
    }
}

impl Numbering {
    /// The number of each of `pages` physical pages. The unnumbered pages
    /// before a part's first printed number count back from it (a
    /// circuit opinion prints no number on its first page or two).
    pub(super) fn finish(&self, pages: usize) -> Vec<Option<u32>> {
        let mut settled = self.settled.clone();
        for k in (0..settled.len().saturating_sub(1)).rev() {
            let (i, n, section) = settled[k];
            let (next, next_n, next_section) = settled[k + 1];
            if n.is_none() && section == next_section && next == i + 1 {
                settled[k].1 = next_n.filter(|&m| m > 1).map(|m| m - 1);
            }
        }
        let mut numbers = vec![None; pages];
        for (i, n, _) in settled {
            numbers[i] = n;
        }
        numbers
    }
}

//! Pages: the lines of each page, found again from the printed page
//! furniture where the tool wrote no form feeds, and the number and part
//! of each page from what its head and foot told.

use super::super::Section;
use super::super::lines::Line;
use super::super::patterns::{
    CITE_AS, FILING_STAMP, SLIP_TOP, SLUG, collapse, page_number, running_title,
};
use super::furniture::{PageHead, mend_broken_head};
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

/// How far a marker is trusted.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Trust {
    /// A slug line, a filing stamp, a running head: a page is there.
    Sure,
    /// A plain number ("2"), which could also be a footnote's label or a
    /// line number, or a running title printed once: taken only where
    /// the next page's number is due, or where a run of numbers starts.
    Due,
}

/// A line of page furniture that tells where a page starts or ends.
#[derive(Clone, Copy, Debug)]
struct Marker {
    /// Its index among the content (non-blank) lines.
    content: usize,
    number: Option<u32>,
    side: Side,
    trust: Trust,
}

/// The most content lines after a text's last page number for it to be
/// taken as standing at the foot of its page (the rule and signature of
/// the last page may follow it).
const FOOT_TAIL_MAX: usize = 2;

/// A run of plain numbers is looked for among this many markers before
/// each (the page numbers, footnote labels and line numbers of a few
/// pages).
const RUN_LOOKBACK: usize = 64;

/// The fewest content lines between two page numbers of a run (the last
/// page may hold a line or two).
const RUN_GAP_MIN: usize = 2;

/// The shortest run of plain numbers taken for page numbers.
const RUN_MIN: usize = 2;

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
        .filter_map(|(c, s)| {
            let mended = texts.get(c + 1).and_then(|n| mend_broken_head(s, n));
            marker(mended.as_deref().unwrap_or(s), &titles).map(|m| Marker { content: c, ..m })
        })
        .collect();
    let accepted = accept(&found);
    let side = either_side(&accepted, content.len());
    // Where pages start (content line) and the number of the page that
    // starts there, when known.
    let mut breaks: Vec<(usize, Option<u32>)> = Vec::new();
    let mut sure = false;
    for m in &accepted {
        let (at, starts) = match if m.side == Side::Either { side } else { m.side } {
            Side::Foot => (m.content + 1, m.number.map(|n| n + 1)),
            _ => (m.content, m.number),
        };
        // A marker near the break before, of the same page, is part of
        // the same head or foot (a slug line over a running head).
        let same_page = breaks.last().is_some_and(|&(b, n)| {
            at < b + PAGE_LINES_MIN && (n.is_none() || starts.is_none() || n == starts)
        });
        if at == 0 || at >= content.len() || same_page {
            continue;
        }
        breaks.push((at, starts));
        sure |= m.trust == Trust::Sure;
    }
    // One break is enough when a sure marker made it (a two-page opinion).
    let enough = breaks.len() >= PAGE_BREAKS_MIN || (sure && !breaks.is_empty());
    if !enough {
        return None;
    }
    let mut breaks: Vec<usize> = breaks.into_iter().map(|(b, _)| b).collect();
    add_stamp_ends(&texts, &mut breaks);
    // The first numbered page break, and how many pages come before it.
    let first = accepted.iter().find_map(|m| {
        let (at, pages) = match if m.side == Side::Either { side } else { m.side } {
            Side::Foot => (m.content + 1, m.number?),
            _ => (m.content, m.number?.checked_sub(1)?),
        };
        Some((at, pages))
    });
    if let Some((at, pages)) = first {
        cut_first_pages(&mut breaks, at, pages);
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

/// Cuts the text before the first numbered page break (at content line
/// `at`) into the `pages` pages before it when the tool kept no trace of where some of
/// them end (a circuit opinion prints no number on its first page or
/// two): the pages missing before the first break are taken to be as
/// long as the document's pages are, counting back from it.
fn cut_first_pages(breaks: &mut Vec<usize>, at: usize, pages: u32) {
    let Some(&first) = breaks.first() else {
        return;
    };
    if pages == 0 && first == at {
        // The first page's own head: what comes before it is that page's
        // too (a tool that writes a page's notes before its text).
        breaks.remove(0);
        return;
    }
    let known = breaks.iter().filter(|&&b| b < at).count();
    let missing = (pages as usize).saturating_sub(known + 1);
    let mut lengths: Vec<usize> = breaks.windows(2).map(|w| w[1] - w[0]).collect();
    if missing == 0 || lengths.is_empty() {
        return;
    }
    lengths.sort_unstable();
    let per_page = lengths[lengths.len() / 2];
    let mut cuts: Vec<usize> = (1..=missing)
        .map_while(|k| first.checked_sub(k * per_page))
        .filter(|&c| c >= PAGE_LINES_MIN / 2)
        .collect();
    cuts.reverse();
    cuts.extend_from_slice(breaks);
    *breaks = cuts;
}

/// The most lines of a clerk's filing stamp ("FILED", the court, the
/// date, the clerk's name and title).
pub(super) const STAMP_LINES_MAX: usize = 8;

/// Adds to `breaks` the page ends that a clerk's filing stamp tells: a
/// tool writing the page's text in the order it was drawn sets the stamp,
/// drawn on the finished page, at the page's start or its end; one below
/// the text ends its page.
fn add_stamp_ends(texts: &[std::borrow::Cow<'_, str>], breaks: &mut Vec<usize>) {
    let Some(filed) = texts.iter().position(|s| is_filed(s)) else {
        return;
    };
    let clerk = texts
        .iter()
        .enumerate()
        .skip(filed + 1)
        .take(STAMP_LINES_MAX)
        .find(|(_, s)| is_clerk(s))
        .map(|(c, _)| c + 1);
    let Some(end) = clerk else {
        return;
    };
    let near = |b: &usize| b.abs_diff(end) < PAGE_LINES_MIN;
    if filed > 0 && end < texts.len() && !breaks.iter().any(near) {
        let k = breaks.partition_point(|&b| b < end);
        breaks.insert(k, end);
    }
}

/// Whether a line is a filing stamp's "FILED", letters spaced or not
/// ("F I L E D").
pub(super) fn is_filed(s: &str) -> bool {
    s.len() <= "F I L E D".len() && s.split_whitespace().collect::<String>() == "FILED"
}

/// Whether a line is a clerk's title ("Clerk of Court", "ACTING CLERK").
pub(super) fn is_clerk(s: &str) -> bool {
    let l = s.to_ascii_lowercase();
    l.ends_with("clerk") || l.ends_with("clerk of court") || l.ends_with("clerk of the court")
}

/// The running titles printed with a page number ("2 WEINTRAUB v.
/// QUICKEN LOANS"), counted.
fn numbered_titles<'a>(texts: &'a [std::borrow::Cow<'_, str>]) -> HashMap<&'a str, usize> {
    let mut titles: HashMap<&str, usize> = HashMap::new();
    for s in texts {
        if let Some((title, Some(_))) = running_title(s) {
            *titles.entry(title).or_default() += 1;
        }
    }
    titles.retain(|_, n| *n >= TITLE_PAGES_MIN);
    titles
}

/// What a content line tells of where its page starts or ends.
fn marker(s: &str, titles: &HashMap<&str, usize>) -> Option<Marker> {
    let m = |number, side, trust| Marker {
        content: 0,
        number,
        side,
        trust,
    };
    let number = |c: regex::Captures| {
        c.iter()
            .skip(1)
            .flatten()
            .find_map(|g| g.as_str().parse().ok())
    };
    if SLUG.is_match(s) {
        return Some(m(None, Side::Top, Trust::Sure));
    }
    if let Some(c) = FILING_STAMP.captures(s) {
        return Some(m(number(c), Side::Foot, Trust::Sure));
    }
    if let Some(c) = SLIP_TOP.captures(s).or_else(|| CITE_AS.captures(s)) {
        return Some(m(number(c), Side::Top, Trust::Sure));
    }
    if let Some((title, Some(n))) = running_title(s) {
        let trust = if titles.contains_key(title) {
            Trust::Sure
        } else {
            Trust::Due
        };
        return Some(m(Some(n), Side::Either, trust));
    }
    let n = page_number(s)?;
    // "- 3 -" and "Page 3 of 9" are page numbers; "3" may be anything.
    let plain = s.bytes().all(|b| b.is_ascii_digit());
    let trust = if plain { Trust::Due } else { Trust::Sure };
    Some(m(Some(n), Side::Either, trust))
}

/// The markers that tell pages. Where running heads number the pages,
/// the sure markers and the others where the next page's number is due;
/// else the longest run of numbers going up by one a page apart.
fn accept(found: &[Marker]) -> Vec<Marker> {
    let paged_by_heads = found
        .iter()
        .any(|m| m.number.is_some() && m.trust == Trust::Sure);
    if !paged_by_heads {
        let mut out = longest_run(found);
        out.extend(found.iter().filter(|m| m.trust == Trust::Sure));
        out.sort_by_key(|m| m.content);
        return out;
    }
    let mut out: Vec<Marker> = Vec::new();
    let mut expected: Option<u32> = None;
    for m in found {
        if m.trust == Trust::Due {
            let due = expected.is_some() && m.number == expected;
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

/// The longest run of numbered markers whose numbers go up by one, each a
/// page's lines at least after the one before (footnote labels and line
/// numbers fall out of it).
fn longest_run(found: &[Marker]) -> Vec<Marker> {
    let numbered: Vec<(usize, u32)> = found
        .iter()
        .enumerate()
        .filter(|(_, m)| m.trust == Trust::Due)
        .filter_map(|(k, m)| Some((k, m.number?)))
        .collect();
    // For each marker: the length of the best run ending with it, and the
    // marker before it in that run.
    let mut best: Vec<(usize, Option<usize>)> = Vec::with_capacity(numbered.len());
    for (j, &(kj, nj)) in numbered.iter().enumerate() {
        let from = j.saturating_sub(RUN_LOOKBACK);
        let prev = (from..j)
            .filter(|&i| {
                let (ki, ni) = numbered[i];
                ni + 1 == nj && found[kj].content >= found[ki].content + RUN_GAP_MIN
            })
            .max_by_key(|&i| best[i].0);
        best.push(match prev {
            Some(i) => (best[i].0 + 1, Some(i)),
            None => (1, None),
        });
    }
    let Some(mut at) = (0..best.len()).max_by_key(|&j| (best[j].0, std::cmp::Reverse(j))) else {
        return Vec::new();
    };
    if best[at].0 < RUN_MIN {
        return Vec::new();
    }
    let mut run = vec![found[numbered[at].0]];
    while let Some(i) = best[at].1 {
        run.push(found[numbered[i].0]);
        at = i;
    }
    run.reverse();
    run
}

/// Whether page numbers that could stand at either end of a page stand at
/// the top or the foot: at the top when the document has running heads
/// that stand at the top, at the foot when it has filing stamps or when
/// nothing but furniture follows the last number (the last page's number
/// closes the text).
fn either_side(markers: &[Marker], content_lines: usize) -> Side {
    if markers.iter().any(|m| m.side == Side::Top) {
        return Side::Top;
    }
    if markers.iter().any(|m| m.side == Side::Foot) {
        return Side::Foot;
    }
    match markers.last() {
        Some(m) if m.content + FOOT_TAIL_MAX >= content_lines => Side::Foot,
        _ => Side::Top,
    }
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
        // Of two numbers in the head, the one that follows the page before.
        let follows = |n: u32| self.last_number.is_some_and(|l| l + 1 == n);
        let head_number = match (head.number, head.other_number) {
            (Some(a), Some(b)) if !follows(a) && follows(b) => Some(b),
            (a, _) => a,
        };
        let number =
            head_number
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    fn texts(lines: &[&'static str]) -> Vec<Cow<'static, str>> {
        lines.iter().map(|&s| Cow::Borrowed(s)).collect()
    }

    #[test]
    fn a_filing_stamp_below_the_text_ends_the_first_page() {
        let mut t = vec!["Body text"; 30];
        t.splice(
            20..20,
            [
                "FILED",
                "Tenth Circuit",
                "February 5, 2010",
                "Clerk of Court",
            ],
        );
        let mut breaks = vec![60];
        add_stamp_ends(&texts(&t), &mut breaks);
        assert_eq!(breaks, vec![24, 60]);
        // Counted with the stamp's break, no page is missing before the
        // first numbered one (page 3 starting at 60).
        cut_first_pages(&mut breaks, 60, 2);
        assert_eq!(breaks, vec![24, 60]);
    }

    #[test]
    fn a_filing_stamp_that_opens_the_text_ends_no_page() {
        let mut t = vec!["FILED", "U.S. COURT OF APPEALS", "ACTING CLERK"];
        t.extend(["Body text"; 30]);
        let mut breaks = vec![33];
        add_stamp_ends(&texts(&t), &mut breaks);
        assert_eq!(breaks, vec![33]);
    }

    #[test]
    fn lines_before_the_first_pages_head_are_that_pages() {
        // pypdf writes a page's notes before its head "Page 1 of 9".
        let mut breaks = vec![6, 30, 55];
        cut_first_pages(&mut breaks, 6, 0);
        assert_eq!(breaks, vec![30, 55]);
    }

    #[test]
    fn first_pages_without_numbers_are_cut_back_from_the_first_break() {
        let mut breaks = vec![50, 75, 100];
        cut_first_pages(&mut breaks, 50, 2);
        assert_eq!(breaks, vec![25, 50, 75, 100]);
    }
}

//! Page furniture: what a page carries besides the opinion's text. The
//! running head (page number, part label, running title), the page number
//! or repeated lines at the foot, the NOTICE paragraph under a slip's
//! first head, watermarks and rules, a preliminary print's cover.

use super::super::Section;
use super::super::lines::Line;
use super::super::patterns::{
    AUTHOR, CITE_AS, FILING_STAMP, FOOT_SEP, HEADING, LABEL, NOTICE, PAGE_NUM, RULE, SLIP_TOP,
    SLUG, WATERMARK, cite_as_number, collapse, is_rule_line, is_title, page_number, running_title,
    section_of, title_parts,
};
use super::super::prose::ends_sentence;
use super::super::units::{Role, Unit};
use super::{heads, pages};
use std::collections::HashMap;

/// The most lines a running head has (number, title on two lines, part
/// label, an appendix's label over the part's).
const HEAD_LINES_MAX: usize = 6;

/// Lines at each end of a page looked at for repeated margins.
const MARGIN_LINES: usize = 2;

/// A repeated margin line is on a third of the pages, and on three at
/// least.
const MARGIN_SHARE: usize = 3;
const MARGIN_PAGES_MIN: usize = 3;

/// Fewer pages suffice for a line on every page of a short opinion but
/// its first (which carries the caption instead): on two at least.
const MARGIN_PAGES_SHORT: usize = 2;

/// The shortest line (in characters, digits folded) taken for a margin.
const MARGIN_CHARS_MIN: usize = 3;

/// The NOTICE paragraph starts within the first lines under the head, and
/// runs a few lines, ending with "...press." or "...errors.".
const NOTICE_FIRST_LINE_MAX: usize = 2;
const NOTICE_LINES_MAX: usize = 8;

/// What the running head of one page told.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct PageHead {
    /// The first number the head gave.
    pub number: Option<u32>,
    /// A second number: in a bound volume's head the first page of the
    /// opinion stands beside the page's own ("ORDERS 953" over "952
    /// Stevens, J., concurring"), and some tools put both on lines of
    /// their own.
    pub other_number: Option<u32>,
    pub section: Option<Section>,
}

impl PageHead {
    pub(super) fn add_number(&mut self, n: Option<u32>) {
        if self.number.is_none() {
            self.number = n;
        } else if self.other_number.is_none() {
            self.other_number = n;
        }
    }
}

/// Lines repeated in the margins of many pages (a case title, a court's
/// footer), as compared across pages: digits folded, spaces collapsed.
pub(super) struct Margins {
    repeated: HashMap<String, usize>,
}

/// A line as compared across pages: digits folded, spaces collapsed.
fn margin_key(s: &str) -> String {
    let mut key = collapse(s).into_owned().into_bytes();
    for b in key.iter_mut().filter(|b| b.is_ascii_digit()) {
        *b = b'#';
    }
    // One ASCII byte for another: still UTF-8.
    String::from_utf8(key).unwrap_or_default()
}

/// Whether a line is the text's own, whatever pages it repeats on: it
/// reads as a sentence (it ends as a sentence ends and has words in small
/// letters, more than the "v." of a running title in capitals, "SMITH v.
/// BAYER CORP.") or it cites a section ("§"). No page furniture does
/// either: a sentence or a citation repeated at the top or foot of every
/// page keeps its citations.
fn is_text_line(line: &str) -> bool {
    let line = line.trim();
    let small = line.chars().filter(|c| c.is_lowercase()).count();
    (small > 1 && ends_sentence(line)) || line.contains('§')
}

impl Margins {
    /// Finds the lines repeated at the top or foot of pages.
    pub(super) fn learn(text: &str, pages: &[&[Line]]) -> Margins {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for page in pages {
            let nonblank: Vec<&Line> = page.iter().filter(|l| !l.is_blank()).collect();
            let mut keys: Vec<String> = Vec::new();
            let top = nonblank.iter().take(MARGIN_LINES);
            for l in top.chain(nonblank.iter().rev().take(MARGIN_LINES)) {
                let line = &text[l.start..l.end];
                if is_text_line(line) {
                    continue;
                }
                let k = margin_key(line);
                if k.chars().count() >= MARGIN_CHARS_MIN && !keys.contains(&k) {
                    keys.push(k);
                }
            }
            for k in keys {
                *counts.entry(k).or_default() += 1;
            }
        }
        let need = (pages.len() / MARGIN_SHARE).max(MARGIN_PAGES_MIN);
        // A short opinion's docket line heads every page but its first.
        let inked = pages
            .iter()
            .filter(|p| p.iter().any(|l| !l.is_blank()))
            .count();
        let all_but_first = inked.saturating_sub(1).max(MARGIN_PAGES_SHORT);
        counts.retain(|k, n| {
            (*n >= need || *n >= all_but_first) && !HEADING.is_match(k) && !FOOT_SEP.is_match(k)
        });
        Margins { repeated: counts }
    }

    fn is_repeated(&self, s: &str) -> bool {
        self.repeated.contains_key(&margin_key(s))
    }

    /// Removes the running head from the top of a page and reports what
    /// it said.
    pub(super) fn strip_head(&self, text: &str, ls: &mut Vec<Line>) -> PageHead {
        let mut head = PageHead::default();
        let mut n = 0;
        let mut seen_head = false;
        let mut after_title = false;
        let mut bound = heads::State::default();
        // The line after the one looked at, folded once for both turns.
        let mut folded_next: Option<(usize, std::borrow::Cow<str>)> = None;
        while n < ls.len() && n < HEAD_LINES_MAX {
            let l = ls[n];
            let s = match folded_next.take() {
                Some((k, s)) if k == n => s,
                _ => collapse(&text[l.start..l.end]),
            };
            let next = ls.get(n + 1).map(|l| collapse(&text[l.start..l.end]));
            folded_next = next.clone().map(|next| (n + 1, next));
            let mended = next.as_deref().and_then(|next| mend_broken_head(&s, next));
            let s = mended.as_deref().unwrap_or(&s);
            // The head's two pieces are one line.
            let width = if mended.is_some() { 2 } else { 1 };
            let next = if mended.is_some() { None } else { next };
            if bound.take(s, next.as_deref(), seen_head, &mut head) {
                seen_head = true;
                after_title = false;
                n += width;
                continue;
            }
            // Asked only by the branches that read a running title.
            let title = || is_title_with_number(s);
            let mut is_title_line = false;
            let num = |c: &regex::Captures, i: &[usize]| -> Option<u32> {
                i.iter()
                    .find_map(|&i| c.get(i))
                    .and_then(|m| m.as_str().parse().ok())
            };
            if let Some(c) = PAGE_NUM.captures(s) {
                head.add_number(num(&c, &[1, 2]));
            } else if let Some(c) = SLIP_TOP.captures(s) {
                head.add_number(num(&c, &[1, 2]));
            } else if let Some(number) = cite_as_number(s) {
                head.add_number(number);
            } else if head.section == Some(Section::Appendix)
                && LABEL.is_match(s)
                && section_of(s).is_some_and(|sec| sec != Section::Appendix)
            {
                // Some PDFs carry the appendix's head on every page under the
                // part's own ("Appendix to opinion of the Court" over "Opinion
                // of the Court"): the part's own label is the page's.
                head.section = section_of(s);
            } else if head.section.is_some() {
                // Nothing follows the part's label in a running head.
                break;
            } else if LABEL.is_match(s) && (seen_head || n + 1 < ls.len()) && !AUTHOR.is_match(s) {
                if let Some(sec) = section_of(s) {
                    head.section = Some(sec);
                } else if !seen_head {
                    break;
                }
            } else if self.is_repeated(s) {
                if let Some((lead, _, trail)) = title_parts(s) {
                    head.add_number(lead.or(trail).and_then(|n| n.parse().ok()));
                }
                is_title_line = title().is_some() || s.contains(" v. ");
            } else if let Some(number) = title().filter(|k| seen_head || k.is_some()) {
                // A running title; "2 BARTENWERFER v. BUCKLEY" with its number
                // starts a head on its own.
                head.add_number(number);
                is_title_line = true;
            } else if (after_title && continues_title(s))
                || (is_title(s) && !HEADING.is_match(s) && label_follows(text, &ls[n + 1..]))
            {
                // A long running title set on two lines ("AMERICAN NEEDLE,
                // INC. v. NATIONAL" over "FOOTBALL LEAGUE").
            } else {
                break;
            }
            after_title = is_title_line;
            seen_head = true;
            n += width;
        }
        ls.drain(..n.min(ls.len()));
        if let Some(first) = ls.first_mut() {
            if let Some((number, len)) = star_page(&text[first.start..first.end]) {
                // The Tax Court marks a page's first line with its number.
                head.add_number(Some(number));
                first.start += len;
            }
        }
        head
    }

    /// Removes the page number (a number, a filing stamp, a running head
    /// with its number) and repeated lines from the foot of a page;
    /// returns the page number found there.
    pub(super) fn strip_foot(&self, text: &str, ls: &mut Vec<Line>) -> Option<u32> {
        let mut foot_number = None;
        while let Some(l) = ls.last() {
            let s = collapse(&text[l.start..l.end]);
            let number = page_number(&s)
                .or_else(|| FILING_STAMP.captures(&s)?.get(1)?.as_str().parse().ok())
                // A running head that pdftotext put at the end of its page.
                .or_else(|| is_title_with_number(&s).flatten());
            match number {
                // A number above the page's number is a footnote's label
                // ("...\n1\n2\n" at the foot of an Eleventh Circuit page).
                Some(_) if foot_number.is_some() => break,
                Some(n) => foot_number = Some(n),
                None if self.is_repeated(&s) => {}
                None if strip_clerk_stamp(text, ls) => continue,
                None => break,
            }
            ls.pop();
        }
        if foot_number.is_none() {
            foot_number = strip_page_of(text, ls);
        }
        foot_number
    }
}

/// The lines of the court's name a clerk's filing stamp may open with,
/// above its "FILED" ("United States Court of Appeals", "Fifth Circuit").
const STAMP_COURT_LINES_MAX: usize = 2;

/// Removes a clerk's filing stamp that ends a page ("United States Court
/// of Appeals", "Fifth Circuit", "F I L E D", the date, the clerk's name,
/// "Clerk"), as `pdftotext -raw` sets it after the page's text. Returns
/// whether there was one.
fn strip_clerk_stamp(text: &str, ls: &mut Vec<Line>) -> bool {
    let line = |l: &Line| collapse(&text[l.start..l.end]).into_owned();
    if !ls.last().is_some_and(|l| pages::is_clerk(&line(l))) {
        return false;
    }
    let from = ls.len().saturating_sub(pages::STAMP_LINES_MAX);
    let filed = (from..ls.len())
        .rev()
        .find(|&i| pages::is_filed(&line(&ls[i])));
    let Some(mut start) = filed else {
        return false;
    };
    for _ in 0..STAMP_COURT_LINES_MAX {
        let above = start.checked_sub(1).map(|i| line(&ls[i]));
        match above {
            Some(s) if s.contains("Court of Appeals") || s.ends_with("Circuit") => start -= 1,
            _ => break,
        }
    }
    ls.truncate(start);
    true
}

/// Lines above a page's last that a "Page 3 of 9" footer may stand on:
/// poppler's default mode sets the words of a page's last line after it.
const PAGE_OF_REACH: usize = 4;

/// Removes a "Page 3 of 9" footer from the last lines of a page, when
/// lines of text follow it; returns its page number. Written out in full
/// it is no line of an opinion's text.
fn strip_page_of(text: &str, ls: &mut Vec<Line>) -> Option<u32> {
    let from = ls.len().saturating_sub(PAGE_OF_REACH);
    let at = (from..ls.len()).rev().find(|&i| {
        let s = collapse(&text[ls[i].start..ls[i].end]);
        s.starts_with("Page ") && s.contains(" of ") && page_number(&s).is_some()
    })?;
    let l = ls.remove(at);
    page_number(&collapse(&text[l.start..l.end]))
}

/// A running head that pypdf broke in the middle of a word ("7  Cite
/// as: 607 U" over ". S. ____ (2026)", "6 LEARNI" over "NG RESOURCES,
/// INC. v. TRUMP"): the head as one line, when `s` is not a head itself
/// and joined with `next` it is one.
pub(super) fn mend_broken_head(s: &str, next: &str) -> Option<String> {
    let may_break = s.starts_with(|c: char| c.is_ascii_digit()) || s.starts_with("Cite as");
    if !may_break || is_numbered_head(s) {
        return None;
    }
    let joined = collapse(&format!("{s}{next}")).into_owned();
    is_numbered_head(&joined).then_some(joined)
}

/// Whether a line is a running head with a page number.
fn is_numbered_head(s: &str) -> bool {
    SLIP_TOP.is_match(s) || CITE_AS.is_match(s) || is_title_with_number(s).flatten().is_some()
}

/// A star page that begins a page's first line ("[*17] 1072 (9th Cir.
/// 1990)"): its number and the length of the mark with the space after it.
fn star_page(s: &str) -> Option<(u32, usize)> {
    let rest = s.strip_prefix("[*")?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let after = rest[digits..].strip_prefix(']')?;
    let number = rest[..digits].parse().ok()?;
    let spaces = after.len() - after.trim_start().len();
    (digits <= 4 && !after.trim_start().is_empty()).then_some((number, 2 + digits + 1 + spaces))
}

/// Whether the text is a preliminary print, whose first page is a cover.
pub(super) fn is_preliminary_print(text: &str, lines: &[Line]) -> bool {
    lines
        .iter()
        .find(|l| !l.is_blank())
        .is_some_and(|l| is_letterspaced(&text[l.start..l.end], "PRELIMINARY PRINT"))
}

/// Whether `s` is `words`, or `words` set with a space between letters
/// and two between words ("P R E L I M I N A R Y  P R I N T", as pdfminer
/// writes letter-spaced type).
pub(super) fn is_letterspaced(s: &str, words: &str) -> bool {
    let squeeze = |t: &str| t.split_whitespace().collect::<String>();
    s == words || (s.len() < 2 * words.len() + 4 && squeeze(s) == squeeze(words))
}

/// Puts the lines of a page that carry content into `ls`: not blank, not
/// a watermark, a slug line or a rule of underscores.
pub(super) fn content_lines(text: &str, page: &[Line], ls: &mut Vec<Line>) {
    ls.clear();
    ls.extend(page.iter().copied().filter(|l| {
        let s = &text[l.start..l.end];
        !l.is_blank() && !WATERMARK.is_match(s) && !RULE.is_match(s) && !SLUG.is_match_folded(s)
    }));
}

/// The cover of a preliminary print: caption material down to its notice.
pub(super) fn cover(text: &str, ls: &[Line], page: usize, body: &mut Vec<Unit>) {
    for &l in ls {
        let s = &text[l.start..l.end];
        if NOTICE.is_match(s) {
            break;
        }
        body.push(Unit {
            start: l.start,
            end: l.end,
            role: Role::Caption,
            page,
            slip_page: None,
            section: Section::Front,
        });
    }
}

/// Removes the NOTICE paragraph under the head of a slip opinion's first
/// page.
pub(super) fn strip_notice(text: &str, ls: &mut Vec<Line>) {
    let Some(i) = ls
        .iter()
        .position(|l| NOTICE.is_match(&text[l.start..l.end]))
    else {
        return;
    };
    if i > NOTICE_FIRST_LINE_MAX {
        return;
    }
    let mut j = i;
    while j < ls.len() && j < i + NOTICE_LINES_MAX {
        let s = &text[ls[j].start..ls[j].end];
        j += 1;
        if s.ends_with("press.") || s.ends_with("errors.") {
            break;
        }
    }
    ls.drain(i..j);
}

/// Whether a line is a rule of underscores, its white space folded.
pub(super) fn is_rule(text: &str, l: &Line) -> bool {
    is_rule_line(&text[l.start..l.end], &RULE)
}

/// Whether a part's label ("Opinion of the Court") comes next, or after
/// one more line of capitals: the lines before it are a running title.
fn label_follows(text: &str, rest: &[Line]) -> bool {
    let is_label = |l: &Line| {
        let s = collapse(&text[l.start..l.end]);
        LABEL.is_match(&s) && section_of(&s).is_some() && !AUTHOR.is_match(&s)
    };
    match rest {
        [a, ..] if is_label(a) => true,
        [a, b, ..] => is_title(&collapse(&text[a.start..a.end])) && is_label(b),
        _ => false,
    }
}

/// Whether a line can be the second line of a running title: capitals,
/// no digits, not a heading ("II", "A").
fn continues_title(s: &str) -> bool {
    is_title(s)
        && !HEADING.is_match(s)
        && !s.contains(" v. ")
        && !s.chars().any(|c| c.is_ascii_digit())
        && s.chars().filter(|c| c.is_alphabetic()).count() >= 4
}

/// For a running title line: `Some(number)` with the page number it carries,
/// `Some(None)` when it carries none, `None` when it is not a title.
fn is_title_with_number(s: &str) -> Option<Option<u32>> {
    running_title(s).map(|(_, n)| n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_lines_are_no_margins() {
        assert!(is_text_line(
            "See Imbler v. Pachtman, 424 U. S. 409 (1976)."
        ));
        assert!(is_text_line("42 U. S. C. §1983"));
        for head in [
            "SMITH v. BAYER CORP.",
            "Cite as: 557 U. S. ____ (2009)",
            "Opinion of the Court",
            "Case: 08-60991 Document: 00511037212 Page: 3 Date Filed: 02/26/2010",
            "THOMAS, J., concurring",
        ] {
            assert!(!is_text_line(head), "{head}");
        }
    }

    #[test]
    fn titles() {
        assert_eq!(
            is_title_with_number("2 BARTENWERFER v. BUCKLEY"),
            Some(Some(2))
        );
        assert_eq!(is_title_with_number("KEMP v. UNITED STATES"), Some(None));
        assert_eq!(is_title_with_number("See Imbler v. Pachtman"), None);
    }

    #[test]
    fn a_page_of_footer_before_a_pages_last_words_is_removed() {
        // The end of page 7 of the Second Circuit's Gildernew v. Gantner in
        // poppler's default mode.
        let text = "of this title.\u{201d} \u{a7}\n\nPage 7 of 9\n\nAnd second,\n\nThe\n";
        let lines = crate::normalize::lines::split_lines(text);
        let mut ls = Vec::new();
        content_lines(text, &lines, &mut ls);
        assert_eq!(strip_page_of(text, &mut ls), Some(7));
        let left: Vec<&str> = ls.iter().map(|l| &text[l.start..l.end]).collect();
        assert_eq!(
            left,
            ["of this title.\u{201d} \u{a7}", "And second,", "The"]
        );
        // A sentence that speaks of pages is text.
        let text = "See Page 7 of the record.\nMore text.\n";
        let lines = crate::normalize::lines::split_lines(text);
        content_lines(text, &lines, &mut ls);
        assert_eq!(strip_page_of(text, &mut ls), None);
        assert_eq!(ls.len(), 2);
    }
}

//! Where a citation stands in the reading text: its range there, the
//! sentence around it and the quotation it supports.
//!
//! Citations carry spans of the original bytes; the reports work on the
//! reading text and map back only through the [`OffsetMap`](crate::OffsetMap).

use crate::citation::Citation;
use crate::normalize::Normalized;
use std::collections::HashMap;
use std::ops::Range;

/// The range of the reading text a citation covers: from where its first
/// source byte went to just past where its last character went.
pub(crate) fn reading_range(norm: &Normalized, c: &Citation) -> Option<Range<usize>> {
    let map = norm.reading_map();
    let reading = norm.reading();
    let start = map.from_source(c.span.start)?;
    let mut last = c.span.end.saturating_sub(1).max(c.span.start);
    // Step back to a character boundary of the citation's own text.
    let text = c.text.as_bytes();
    while last > c.span.start
        && text
            .get(last - c.span.start)
            .is_some_and(|b| (0x80..0xC0).contains(b))
    {
        last -= 1;
    }
    let r = map.from_source(last)?;
    let end = r + reading[r..].chars().next().map_or(0, char::len_utf8);
    let start = start.min(reading.len());
    Some(start..end.max(start).min(reading.len()))
}

/// Words after which a sentence-boundary guess is wrong in legal text: the
/// "v." of a case name, reporter and code abbreviations, signals.
const NO_BREAK_AFTER: &[&str] = &[
    "v.", "No.", "Nos.", "Co.", "Corp.", "Inc.", "Ltd.", "Stat.", "Rev.", "App.", "Cf.", "cf.",
    "Pet.", "Cert.", "Tr.", "Dist.", "Cir.", "Ct.", "Ed.", "Supp.", "Mr.", "Ms.", "Dr.", "St.",
    "Bros.", "Assn.", "Dept.", "Gov.", "Sec.", "Art.", "art.", "cl.", "ch.", "n.", "nn.", "pp.",
    "p.", "JJ.", "al.", "e.g.,", "i.e.,", "Brief", "Reply",
];

/// Whether a sentence piece ending in `piece` really goes on in the next.
fn runs_on(piece: &str, next: &str) -> bool {
    let trimmed = piece.trim_end();
    let last = trimmed.rsplit(char::is_whitespace).next().unwrap_or("");
    if last == "Id." || last == "Ibid." || last == "id." || last == "ibid." {
        return false;
    }
    if NO_BREAK_AFTER.contains(&last) {
        return true;
    }
    // A single capital and a period: "U." of "U. S.", an initial.
    let mut chars = last.chars();
    if let (Some(a), Some('.'), None) = (chars.next(), chars.next(), chars.next()) {
        if a.is_uppercase() {
            return true;
        }
    }
    // The next piece opens with a page number or a section sign.
    next.trim_start()
        .chars()
        .next()
        .is_some_and(|ch| ch.is_ascii_digit() || ch == '§' || ch == '(')
}

/// The sentences of a block of the reading text, as ranges of the whole
/// reading text: Unicode sentence bounds, joined again where legal
/// abbreviations made them break too early.
#[cfg(test)]
pub(crate) fn sentences(reading: &str, block: Range<usize>) -> Vec<Range<usize>> {
    let mut s = Sentences::new(reading, block);
    s.through(usize::MAX);
    s.found
}

/// The sentences of one block, found as far as they are asked for: a
/// block's text after its last citation needs none.
pub(crate) struct Sentences<'r> {
    text: &'r str,
    start: usize,
    bounds: super::sentence::Bounds<'r>,
    /// The sentences so far; all final but the last, which a later piece
    /// may still join.
    found: Vec<Range<usize>>,
    /// Whether the next piece joins the last sentence.
    joined: bool,
    done: bool,
}

impl<'r> Sentences<'r> {
    pub(crate) fn new(reading: &'r str, block: Range<usize>) -> Sentences<'r> {
        let text = &reading[block.clone()];
        Sentences {
            text,
            start: block.start,
            bounds: super::sentence::Bounds::new(text),
            found: Vec::new(),
            joined: false,
            done: false,
        }
    }

    /// The sentences, found at least up to one that starts at or after
    /// `pos` (a reading-text offset), or all of them: every sentence before
    /// that one is as the whole block's would be.
    pub(crate) fn through(&mut self, pos: usize) -> &[Range<usize>] {
        while !self.done && self.found.last().is_none_or(|s| s.start < pos) {
            let Some((at, piece)) = self.bounds.next() else {
                self.done = true;
                break;
            };
            let r = self.start + at..self.start + at + piece.len();
            match self.found.last_mut() {
                Some(prev) if self.joined => prev.end = r.end,
                _ => self.found.push(r),
            }
            let rest = &self.text[at + piece.len()..];
            self.joined = !rest.is_empty() && runs_on(piece, rest);
        }
        &self.found
    }
}

/// The stretches of `reading[range]` inside quotation marks, without the
/// marks. Curly quotes pair as opening and closing; straight double quotes
/// alternate.
pub(crate) fn quotations(reading: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, ch) in reading[range.clone()].char_indices() {
        let at = range.start + i;
        match ch {
            '\u{201C}' => open = Some(at + ch.len_utf8()),
            '\u{201D}' => {
                if let Some(s) = open.take() {
                    out.push(s..at);
                }
            }
            '"' => match open.take() {
                Some(s) => out.push(s..at),
                None => open = Some(at + 1),
            },
            _ => {}
        }
    }
    out
}

/// Where one citation stands: its reading range, its sentence (with the
/// sentence before when the citation is a sentence of its own) and the
/// quotations it supports.
#[derive(Clone, Debug, Default)]
pub(crate) struct Place {
    /// The citation in the reading text.
    pub reading: Range<usize>,
    /// The context shown to a reader.
    pub context: Range<usize>,
    /// Quotations between the previous citation and this one in its
    /// sentence (or in the sentence before a citation sentence).
    pub quotes: Vec<Range<usize>>,
}

/// Signals that may open a citation sentence.
const SIGNALS: &[&str] = &[
    "see",
    "see also",
    "see, e.g.,",
    "cf.",
    "but see",
    "but cf.",
    "compare",
    "accord",
    "e.g.,",
    "see generally",
    "contra",
];

/// Whether `before` (the sentence's text before a citation) is empty or
/// only a signal.
fn opens_sentence(before: &str) -> bool {
    let b = before.trim();
    // Longer than any signal: not lowercased to be compared.
    if b.len() > 16 {
        return false;
    }
    let b = b.to_lowercase();
    b.is_empty() || SIGNALS.contains(&b.as_str())
}

/// The longest context shown, in bytes (a longer citation's context is
/// the citation).
const MAX_CONTEXT: usize = 800;

/// The context of a citation `r` in a sentence `sentence`: the sentence,
/// or in a sentence longer than [`MAX_CONTEXT`] a window of that size
/// around the citation. The windows of a sentence start at multiples of
/// half that size from its start, so that the citations near each other
/// share one: however many citations a long sentence holds, their
/// distinct contexts together are about twice its length.
fn window(reading: &str, sentence: Range<usize>, r: &Range<usize>) -> Range<usize> {
    const HALF: usize = MAX_CONTEXT / 2;
    if sentence.len() <= MAX_CONTEXT {
        return sentence;
    }
    // The window whose start is half a half before the start of the
    // half-sized stretch the citation starts in: at least a quarter of
    // the window is left after the citation's start.
    let bucket = r.start.saturating_sub(sentence.start) / HALF;
    let mut s = sentence.start + (bucket * HALF).saturating_sub(HALF / 2);
    let mut e = (s + MAX_CONTEXT).min(sentence.end).max(r.end);
    while !reading.is_char_boundary(s) {
        s -= 1;
    }
    while !reading.is_char_boundary(e) {
        e += 1;
    }
    s..e
}

/// The places of every citation of one document, in order.
pub(crate) fn places(norm: &Normalized, cites: &[Citation]) -> Vec<Place> {
    let reading = norm.reading();
    let mut out = Vec::with_capacity(cites.len());
    // Each block's sentences, by the block's start: citations come in
    // source order, which goes back and forth between a paragraph and the
    // footnotes of the page it runs across.
    let mut sentences_of: HashMap<usize, Sentences> = HashMap::new();
    // End of the previous citation that bounds a quotation search, and
    // its block.
    let mut prev_end: Option<usize> = None;
    for c in cites {
        let Some(r) = reading_range(norm, c) else {
            out.push(Place::default());
            continue;
        };
        let Some(block) = norm.block_at(r.start).map(|b| b.reading.clone()) else {
            out.push(Place {
                reading: r.clone(),
                context: r,
                quotes: Vec::new(),
            });
            continue;
        };
        let sents = sentences_of
            .entry(block.start)
            .or_insert_with(|| Sentences::new(reading, block.clone()))
            .through(r.end);
        let i = sents
            .partition_point(|s| s.end <= r.start)
            .min(sents.len().saturating_sub(1));
        let mut ctx = match sents.get(i) {
            Some(s) => s.start..s.end.max(r.end),
            None => r.clone(),
        };
        // A citation the sentence guess cut in two takes both pieces.
        let mut j = i;
        while j + 1 < sents.len() && sents[j + 1].start < r.end {
            j += 1;
            ctx.end = ctx.end.max(sents[j].end);
        }
        if opens_sentence(&reading[ctx.start..r.start.max(ctx.start)]) && i > 0 {
            if let Some(s) = sents.get(i - 1) {
                ctx.start = s.start;
            }
        }
        let ctx_end = ctx.end.min(block.end);
        let context = window(reading, ctx.start..ctx_end.max(r.end), &r);
        let qstart = match prev_end {
            Some(p) if p >= block.start && p <= r.start => p.max(ctx.start),
            _ => ctx.start,
        };
        let quotes = if qstart < r.start {
            quotations(reading, qstart..r.start)
                .into_iter()
                .filter(|q| !reading[q.clone()].trim().is_empty())
                .collect()
        } else {
            Vec::new()
        };
        let bare_section = c.is_codeless_statute();
        if !bare_section {
            prev_end = Some(r.end);
        }
        out.push(Place {
            reading: r,
            context,
            quotes,
        });
    }
    out
}

/// The quotation text of `places`' quotes joined with " ... ", trimmed of
/// the punctuation that closes a quoted sentence.
pub(crate) fn quote_text(reading: &str, quotes: &[Range<usize>]) -> Option<String> {
    if quotes.is_empty() {
        return None;
    }
    let parts: Vec<&str> = quotes
        .iter()
        .map(|q| reading[q.clone()].trim().trim_end_matches([',', '.']))
        .collect();
    Some(parts.join(" ... "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_do_not_break_inside_case_names_or_reporters() {
        let text = "See Imbler v. Pachtman, 424 U. S. 409 (1976). Id. We agree. \
                    Id., at 430. Then more.";
        let s = sentences(text, 0..text.len());
        let got: Vec<&str> = s.iter().map(|r| text[r.clone()].trim()).collect();
        assert_eq!(
            got,
            [
                "See Imbler v. Pachtman, 424 U. S. 409 (1976).",
                "Id.",
                "We agree.",
                "Id., at 430.",
                "Then more."
            ]
        );
    }

    #[test]
    fn quotations_pair_curly_and_straight_marks() {
        let t = "a \u{201C}one\u{201D} b \"two\" c \"three";
        let q: Vec<&str> = quotations(t, 0..t.len())
            .into_iter()
            .map(|r| &t[r])
            .collect();
        assert_eq!(q, ["one", "two"]);
    }

    #[test]
    fn a_citation_sentence_takes_the_sentence_before_and_its_quote() {
        let src = "He said it was \u{201C}a balance\u{201D} of evils. Gregoire v. Biddle, \
                   177 F. 2d 579, 581 (CA2 1949). Later text.\n";
        let norm = crate::normalize(src);
        let cites = crate::extract(src, &norm);
        let p = places(&norm, &cites);
        assert_eq!(p.len(), 1);
        let reading = norm.reading();
        assert_eq!(
            &reading[p[0].context.clone()].trim_end(),
            &"He said it was \u{201C}a balance\u{201D} of evils. Gregoire v. Biddle, 177 F. 2d 579, 581 (CA2 1949)."
        );
        assert_eq!(
            quote_text(reading, &p[0].quotes).as_deref(),
            Some("a balance")
        );
    }
}

//! After the scan: each footnote citation tied to where its footnote is
//! called, and the sources pincite does not parse that stand between an
//! "Id." and the citation before it.

use super::scanner::{Scanner, floor_boundary, re};
use crate::citation::Form;
use crate::normalize::BlockKind;
use regex::Regex;
use std::sync::LazyLock;

/// How far back before an "Id." a source pincite does not parse is looked
/// for, in bytes.
const OTHER_LOOKBACK: usize = 1500;

/// Sources pincite does not parse as citations but which an "Id." may
/// refer to: briefs, transcripts, dictionaries and other books not read
/// as citations (an edition and year: "(2d ed. 1999)"), resolutions of
/// Congress, constitutions, web pages, and anything cited by "p." or "pp."
/// (the Supreme Court's style for everything but cases), a paragraph cited
/// with its page ("Pérez-Vera Report ¶8, at 427–428"). Periodicals,
/// Restatements, The Federalist, committee reports and documents and the
/// Congressional Record and Globe are read as citations: an Id. after one
/// refers to it.
static OTHER_SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"Dictionary",
        r"|(?-u:\b)Brief[^\S\n]+(?:for|of|in|as)[^\S\n]|Reply[^\S\n]+Brief|Oral[^\S\n]+Arg\.",
        r"|(?-u:\b)(?:H\.[^\S\n]*R\.|S\.)[^\S\n]*(?:Con\.[^\S\n]*)?Res\.",
        r"|Fed\.[^\S\n]*Reg\.|(?-u:\b)ed\.[^\S\n]+[0-9]{4}\)",
        r"|(?-u:\b)pp?\.[^\S\n]+[0-9]|(?-u:\b)at[^\S\n]+pp?[^\S\n]+[0-9]|Encyclop|https?://|www\.|(?-u:\b)Const\.|(?-u:\b)Amdt\.",
        r"|(?-u:\b)No\.[^\S\n]+[0-9]+-[0-9]+,?[^\S\n]+\(",
        r"|¶[^\S\n]*[0-9]+,[^\S\n]+at[^\S\n]+[0-9]",
    ))
});

/// Where footnote `label` is called in `line`: the label glued to the
/// word or punctuation before it ("immunity.5", "at 681,5").
fn find_call(line: &str, label: &str) -> Option<usize> {
    if label.is_empty() || !label.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let b = line.as_bytes();
    memchr::memmem::rfind_iter(b, label.as_bytes()).find(|&i| {
        let before = i.checked_sub(1).map(|p| b[p]);
        let after = b.get(i + label.len());
        before.is_some_and(|c| !c.is_ascii_digit() && !matches!(c, b' ' | b'$'))
            && !line[..i].ends_with('§')
            && after.is_none_or(|c| !c.is_ascii_digit())
    })
}

impl Scanner<'_> {
    /// After the scan: ties each citation in a footnote to the place the
    /// footnote is called from, marks the citations inside another's
    /// explanatory parenthetical, and finds the sources pincite does not
    /// parse that stand between an "Id." and the citation before it in the
    /// same run of text (the body, or one footnote).
    pub(super) fn link(&mut self) {
        let mut call: Option<(usize, usize)> = None;
        // The last citation of the body and of the footnote being read (in
        // the body, passing mentions of a bare section aside), with where
        // their parentheticals end when known: the source an Id. refers to
        // may come after.
        let mut last_body: Option<(usize, Option<usize>)> = None;
        let mut last_note: Option<(usize, Option<usize>)> = None;
        // Where the parentheticals after the last citation outside them end.
        let mut outer: (usize, usize) = (0, 0);
        for i in 0..self.out.len() {
            let ends = self.mark_nested(i, &mut outer);
            let note = self.tie_to_call(i, &mut call);
            if matches!(&self.out[i].form, Form::Id(id) if id.other_source.is_none()) {
                let before = if note { &mut last_note } else { &mut last_body };
                let source = self.source_before_id(i, note, before);
                if let Form::Id(id) = &mut self.out[i].form {
                    id.other_source = source;
                }
            }
            let c = &self.out[i];
            if !note && !c.is_passing_mention() {
                last_body = Some((i, ends));
            }
            if note {
                last_note = Some((i, ends));
            }
        }
    }

    /// Marks citation `i` nested when it stands inside the parentheticals
    /// of the last citation outside them (`outer`: its block and where they
    /// end); returns where `i`'s own parentheticals end, when it read them.
    fn mark_nested(&mut self, i: usize, outer: &mut (usize, usize)) -> Option<usize> {
        let b = self.out[i].place.block;
        let m = self.out[i].place.matching.clone();
        if b == outer.0 && m.start < outer.1 {
            self.out[i].place.nested = true;
            return None;
        }
        if self.out[i].is_passing_mention() {
            // "§5 (quoting Davis, 512 U. S., at 461)": an Id. skips the
            // mention, so the case it quotes is the last.
            *outer = (b, m.end);
            return None;
        }
        let ends = self.past_parentheticals(m.end);
        *outer = (b, ends);
        Some(ends)
    }

    /// Ties citation `i`, when it is in a footnote, to where the footnote
    /// is called (`call`: the footnote's block and the call, last found);
    /// returns whether it is in a footnote.
    fn tie_to_call(&mut self, i: usize, call: &mut Option<(usize, usize)>) -> bool {
        let b = self.out[i].place.block;
        let note = self
            .norm
            .blocks()
            .get(b)
            .is_some_and(|k| k.kind == BlockKind::Footnote);
        if note {
            let at = match *call {
                Some((cb, at)) if cb == b => at,
                _ => self.footnote_call(i),
            };
            *call = Some((b, at));
            self.out[i].place.note_call = Some(at);
        }
        note
    }

    /// The source pincite does not parse that stands between Id. `i` and
    /// the citation before it (`before`: in the same footnote, or in the
    /// body).
    fn source_before_id(
        &self,
        i: usize,
        note: bool,
        before: &mut Option<(usize, Option<usize>)>,
    ) -> Option<String> {
        let c = &self.out[i].place;
        let b = c.block;
        let last = before
            .as_mut()
            .filter(|(j, _)| !note || self.out[*j].place.block == b);
        let (lo, block) = match last {
            Some((j, ends)) => {
                let d = &self.out[*j].place;
                let end = *ends.get_or_insert_with(|| self.past_parentheticals(d.matching.end));
                (end, d.block)
            }
            None if note => (self.line_start(c.matching.start), b),
            None => return None,
        };
        self.other_source(lo, c.matching.start, block)
    }

    /// The offset after any parentheticals that follow `at` ("(1976)
    /// (quoting Brief for Petitioner 12)" belongs to the citation before).
    pub(super) fn past_parentheticals(&self, mut at: usize) -> usize {
        while let Some(inside) = self.parenthetical_range(at) {
            at = inside.end + 1;
        }
        at
    }

    /// An unparsed source between `lo` and `hi` (block `block` at `lo`),
    /// outside footnotes when `lo` is in the body.
    fn other_source(&self, lo: usize, hi: usize, mut block: usize) -> Option<String> {
        if lo >= hi {
            return None;
        }
        // Only the stretch just before the Id. is read: far back, a source
        // without a citation after it is prose, not what the Id. means.
        let lo = if hi - lo > OTHER_LOOKBACK {
            let from = floor_boundary(self.text, hi - OTHER_LOOKBACK);
            block += memchr::memchr_iter(b'\n', &self.text.as_bytes()[lo..from]).count();
            from
        } else {
            lo
        };
        let blocks = self.norm.blocks();
        let body = blocks
            .get(block)
            .is_some_and(|k| k.kind != BlockKind::Footnote);
        // The source nearest the Id. names it.
        let mut found = None;
        for part in self.text[lo..hi].split('\n') {
            let skip = body
                && blocks
                    .get(block)
                    .is_some_and(|k| k.kind == BlockKind::Footnote);
            if !skip {
                if let Some(m) = OTHER_SOURCE.find_iter(part).last() {
                    found = Some(m.as_str().trim_end_matches(['(', ' ']).to_string());
                }
            }
            block += 1;
        }
        found
    }

    /// Where the footnote holding citation `i` is called from in the body:
    /// the label glued to the text of one of the body blocks before it, or
    /// failing that, the footnote's own start.
    fn footnote_call(&self, i: usize) -> usize {
        let blocks = self.norm.blocks();
        let c = &self.out[i].place;
        let own = self.line_start(c.matching.start);
        let label = blocks
            .get(c.block)
            .and_then(|b| b.footnote.as_deref())
            .unwrap_or("");
        let bytes = self.text.as_bytes();
        let mut k = c.block;
        let mut end = own;
        // The footnotes of a page follow the paragraph open at its end:
        // the call is in one of the few blocks before.
        for _ in 0..12 {
            if k == 0 || end == 0 {
                break;
            }
            k -= 1;
            let line_end = end - 1;
            let start = memchr::memrchr(b'\n', &bytes[..line_end]).map_or(0, |p| p + 1);
            let body = blocks.get(k).is_some_and(|b| b.kind != BlockKind::Footnote);
            if body {
                if let Some(p) = find_call(&self.text[start..line_end], label) {
                    return start + p;
                }
            }
            end = start;
        }
        own
    }
}

/// The lazily compiled patterns and tables above, which
/// [`crate::extract::prepare`] compiles ahead of their first use.
pub(super) const PATTERNS: &[fn()] = crate::extract::patterns![OTHER_SOURCE];

#[cfg(test)]
mod tests {
    use super::*;

    /// The calls the plain reverse search of the standard library finds.
    fn by_rmatch(line: &str, label: &str) -> Option<usize> {
        if label.is_empty() || !label.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let b = line.as_bytes();
        line.rmatch_indices(label).map(|(i, _)| i).find(|&i| {
            let before = i.checked_sub(1).map(|p| b[p]);
            let after = b.get(i + label.len());
            before.is_some_and(|c| !c.is_ascii_digit() && !matches!(c, b' ' | b'$'))
                && !line[..i].ends_with('§')
                && after.is_none_or(|c| !c.is_ascii_digit())
        })
    }

    #[test]
    fn footnote_calls_are_found_as_a_reverse_search_finds_them() {
        let lines = [
            "immunity.5 Later, at 681,5 and x.5",
            "a.111 b.11",
            "a.1111",
            "see §5. x.5",
            "x.11x.1",
            "$5 and 5 and a5",
            "",
        ];
        for line in lines {
            for label in ["1", "11", "5", "111", ""] {
                assert_eq!(
                    find_call(line, label),
                    by_rmatch(line, label),
                    "{line:?} {label:?}"
                );
            }
        }
        assert_eq!(find_call("immunity.5 x", "5"), Some(9));
    }
}

//! The scanning state the forms share: the texts, the current block, the
//! citations found so far, and what every form reads around its anchor
//! (parentheticals, signals).

use super::forms::statute::{LawState, OtherSection};
use crate::citation::{Citation, Form, Place};
use crate::law::names;
use crate::normalize::{BlockKind, Normalized, Section};
use regex::{Captures, Regex};
use std::collections::{BTreeSet, HashSet};
use std::ops::{Bound, Range};
use std::sync::LazyLock;

/// The longest signal looked back over, in bytes.
pub(super) const SIGNAL_LOOKBACK: usize = 30;
/// How far back a "with" looks for its "Compare", in bytes.
const COMPARE_LOOKBACK: usize = 400;
/// The longest explanatory parenthetical captured, in bytes.
const PAREN_MAX: usize = 1000;
/// About how many bytes of an opinion's text there are for each citation
/// (some 300 in the Supreme Court's), to make room for its citations
/// at once rather than by growing their list, whose elements are large.
const BYTES_PER_CITATION: usize = 256;

/// Compiles a small fixed pattern, to be matched against the matching
/// text (or pieces of it), whose whitespace inside a block is a plain
/// space: the pattern's `[^\S\n]` is compiled as `[ ]`
/// ([`super::plain_spaces`]), a class of one byte that is cheaper to
/// compile and to search than the Unicode class.
pub(super) fn re(p: &str) -> Regex {
    Regex::new(&super::plain_spaces(p)).expect("pattern compiles")
}

/// `s` without the spaces (`[^\S\n]*`: any but a line break) it starts
/// with.
pub(super) fn skip_spaces(s: &str) -> &str {
    s.trim_start_matches(|c: char| c.is_whitespace() && c != '\n')
}

/// `s` without the spaces (any but a line break) it ends with.
pub(super) fn without_end_spaces(s: &str) -> &str {
    s.trim_end_matches(|c: char| c.is_whitespace() && c != '\n')
}

/// The largest char boundary of `text` at or below `i`.
pub(super) fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Removes all whitespace: "U. S. C." -> "U.S.C.".
pub(super) fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Folds whitespace runs to one space.
pub(super) fn squeeze_spaced(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

static SIGNAL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|[\s;(])((?:See|see)(?: also|, e\.g\.,| generally)?|Cf\.|cf\.|But see|but see|But cf\.|but cf\.|Compare|compare|Accord|accord|Contra|contra|E\.g\.,|e\.g\.,|with|and) $",
    )
});

/// The signal of a match of [`SIGNAL`] (its group, read without capture
/// groups): without the space after it and the character before it, which
/// is no letter where every signal starts with one.
fn signal_of(found: &str) -> &str {
    let signal = found.strip_suffix(' ').unwrap_or(found);
    signal.trim_start_matches(|c: char| c.is_whitespace() || c == ';' || c == '(')
}

/// The last words of the signals [`SIGNAL`] reads.
const SIGNAL_ENDS: [&str; 16] = [
    "See",
    "see",
    "also",
    "e.g.,",
    "generally",
    "Cf.",
    "cf.",
    "Compare",
    "compare",
    "Accord",
    "accord",
    "Contra",
    "contra",
    "E.g.,",
    "with",
    "and",
];

/// Whether [`SIGNAL`] may match `window`: it ends with a space after
/// the last word of a signal. Most citations have no signal; this spares
/// them the regex.
fn may_end_with_signal(window: &str) -> bool {
    window.strip_suffix(' ').is_some_and(|w| {
        let word = w.rsplit(|c: char| c.is_whitespace() || c == ';' || c == '(');
        word.take(1).any(|last| SIGNAL_ENDS.contains(&last))
    })
}

/// Scanning state: the texts, the current line (block) and the output.
pub(super) struct Scanner<'a> {
    pub(super) source: &'a str,
    pub(super) norm: &'a Normalized,
    /// The matching text, which the anchors and forms read.
    pub(super) text: &'a str,
    /// The block index of `line_pos`: the matching text has one block a line.
    pub(super) line: usize,
    line_pos: usize,
    /// The authority of references to the document itself: "slip op.",
    /// or for a preliminary print its own reporter citation.
    pub(super) own: String,
    pub(super) out: Vec<Citation>,
    /// What the forms of enacted law remember: the sections cited with a
    /// code, a code the document declares, the last constitution and rules.
    pub(super) law: LawState,
    /// The last bare section read as a section of something other than a
    /// statute.
    pub(super) other_section: Option<OtherSection>,
    /// The keys of the database citations cited in full so far, whose
    /// repetitions are short forms.
    pub(super) database_keys: HashSet<String>,
    /// The names and parties of the full case citations so far
    /// ([`crate::law::names::name_keys`]), which a reference may name.
    names: BTreeSet<String>,
    /// The names the sources cited so far that are no cases go by (their
    /// authors' surnames, the short names "hereinafter" gives them), which
    /// a short form may name ("LaFave §6.8", "Federalist, at 466").
    source_names: HashSet<String>,
    /// The short names "hereinafter" gave sources so far ("Federalist",
    /// "Black's"), by which a reference may name them.
    short_names: HashSet<String>,
    /// The last words of those names ("Globe" of "39th Cong. Globe").
    short_name_ends: HashSet<String>,
}

impl<'a> Scanner<'a> {
    /// A scanner at the start of `norm`'s matching text; `source` is the
    /// text `norm` was made from.
    pub(super) fn new(source: &'a str, norm: &'a Normalized) -> Scanner<'a> {
        Scanner {
            source,
            norm,
            text: norm.matching(),
            line: 0,
            line_pos: 0,
            own: own_citation(source, norm).unwrap_or_else(|| "slip op.".to_string()),
            out: Vec::with_capacity(norm.matching().len() / BYTES_PER_CITATION),
            law: LawState::default(),
            other_section: None,
            names: BTreeSet::new(),
            database_keys: HashSet::new(),
            source_names: HashSet::new(),
            short_names: HashSet::new(),
            short_name_ends: HashSet::new(),
        }
    }

    /// Remembers the short name a "hereinafter" gave a source.
    pub(super) fn know_short_name(&mut self, name: String) {
        if let Some(last) = name.rsplit(' ').next() {
            self.short_name_ends.insert(last.to_string());
        }
        self.short_names.insert(name);
    }

    /// Whether `word` ends a short name a "hereinafter" gave a source so
    /// far.
    pub(super) fn ends_a_short_name(&self, word: &str) -> bool {
        self.short_name_ends.contains(word)
    }

    /// Whether `name` is a short name a "hereinafter" gave a source so far.
    pub(super) fn knows_short_name(&self, name: &str) -> bool {
        self.short_names.contains(name)
    }

    /// Whether a "hereinafter" has given a source a short name so far.
    pub(super) fn has_short_names(&self) -> bool {
        !self.short_names.is_empty()
    }

    /// Remembers a name a source that is no case goes by.
    pub(super) fn know_source(&mut self, name: String) {
        self.source_names.insert(name);
    }

    /// Whether `name` is a name of a source that is no case cited so far.
    pub(super) fn knows_source(&self, name: &str) -> bool {
        self.source_names.contains(name)
    }

    /// Remembers a full case citation's name for the references after it.
    pub(super) fn know_name(&mut self, name: &str) {
        for k in names::name_keys(name) {
            if !self.names.contains(k) {
                self.names.insert(k.to_string());
            }
        }
    }

    /// Whether `name` is a name or party of a full case citation so far,
    /// or their first words.
    pub(super) fn knows_name(&self, name: &str) -> bool {
        self.names
            .range::<str, _>((Bound::Included(name), Bound::Unbounded))
            .next()
            .is_some_and(|k| names::begins_with_words(k, name))
    }

    /// The capture groups of `pattern` (anchored with `^`) over the anchor
    /// `m`, when they cover exactly that anchor; group offsets count from
    /// `m.start`.
    pub(super) fn parts(&self, pattern: &Regex, m: &Range<usize>) -> Option<Captures<'a>> {
        let caps = pattern.captures(&self.text[m.start..])?;
        (caps.get(0)?.end() == m.len()).then_some(caps)
    }

    /// The start of the line (block) of matching-text offset `at`.
    pub(super) fn line_start(&self, at: usize) -> usize {
        memchr::memrchr(b'\n', &self.text.as_bytes()[..at]).map_or(0, |p| p + 1)
    }

    /// Where a look back of at most `n` bytes from `at` starts: not before
    /// the start of `at`'s line (block). Reads only those bytes.
    pub(super) fn lookback_start(&self, at: usize, n: usize) -> usize {
        let lo = floor_boundary(self.text, at.saturating_sub(n));
        memchr::memrchr(b'\n', &self.text.as_bytes()[lo..at]).map_or(lo, |p| lo + p + 1)
    }

    /// The document section of a matching-text offset at or after every
    /// offset asked before.
    pub(super) fn section_at(&mut self, at: usize) -> Section {
        if at > self.line_pos {
            self.line +=
                memchr::memchr_iter(b'\n', &self.text.as_bytes()[self.line_pos..at]).count();
            self.line_pos = at;
        }
        self.norm
            .blocks()
            .get(self.line)
            .map_or(Section::Opinion, |b| b.section)
    }

    /// A citation of `form` over `range` of the matching text, with span,
    /// text, section and slip page filled in.
    pub(super) fn cite(&mut self, form: Form, range: Range<usize>) -> Citation {
        let section = self.section_at(range.start);
        let span = self.norm.matching_map().span_to_source(range.clone());
        let text = self.source.get(span.range()).unwrap_or("").to_string();
        Citation {
            form,
            span,
            text,
            authority: None,
            pins: Vec::new(),
            signal: self.signal_before(range.start),
            parenthetical: None,
            section,
            slip_page: self.norm.slip_page_in_block(self.line, span.start),
            warnings: Vec::new(),
            antecedent: None,
            place: Place {
                matching: range,
                block: self.line,
                note_call: None,
                nested: false,
                footnote: self.footnote_number(),
            },
            hereinafter: None,
        }
    }

    /// The number of the footnote the current block is, if it is one.
    fn footnote_number(&self) -> Option<u32> {
        let b = self.norm.blocks().get(self.line)?;
        if b.kind != BlockKind::Footnote {
            return None;
        }
        b.footnote.as_deref()?.parse().ok()
    }

    /// Rebuilds a citation over a new range, keeping what was parsed.
    pub(super) fn reframe(&mut self, c: Citation, range: Range<usize>) -> Citation {
        let fresh = self.cite(c.form.clone(), range);
        Citation {
            span: fresh.span,
            text: fresh.text,
            place: Place {
                matching: fresh.place.matching,
                ..c.place
            },
            ..c
        }
    }

    /// An explanatory parenthetical right after `at`, without its parentheses.
    pub(super) fn parenthetical(&self, at: usize) -> Option<String> {
        self.parenthetical_range(at)
            .map(|r| self.text[r].to_string())
    }

    /// Where the text of [`Scanner::parenthetical`] at `at` lies in the
    /// matching text, inside its parentheses. Only parentheses and line
    /// ends are looked at, found by `memchr`.
    pub(super) fn parenthetical_range(&self, at: usize) -> Option<Range<usize>> {
        let rest = &self.text[at..];
        let open = at + rest.len() - rest.trim_start_matches(' ').len();
        if !self.text[open..].starts_with('(') {
            return None;
        }
        let bytes = &self.text.as_bytes()[open..];
        let mut depth = 0usize;
        for i in memchr::memchr3_iter(b'(', b')', b'\n', bytes) {
            if i > PAREN_MAX {
                return None;
            }
            match bytes[i] {
                b'(' => depth += 1,
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(open + 1..open + i);
                    }
                }
                _ => return None,
            }
        }
        None
    }

    /// The signal written right before `at`.
    fn signal_before(&self, at: usize) -> Option<String> {
        let lo = floor_boundary(self.text, at.saturating_sub(SIGNAL_LOOKBACK));
        let window = &self.text[lo..at];
        if !may_end_with_signal(window) {
            return None;
        }
        let signal = signal_of(SIGNAL.find(window)?.as_str()).to_string();
        if signal == "with" || signal == "and" {
            // The second half of "Compare X with Y" (or "Compare X and
            // Y"): after a comma, shortly after a "Compare" in the same block.
            let lo = floor_boundary(self.text, at.saturating_sub(COMPARE_LOOKBACK));
            let block = self.text[lo..at].rsplit('\n').next().unwrap_or("");
            let after_comma = window.ends_with(&format!(", {signal} "));
            if !after_comma || !(block.contains("Compare ") || block.contains("compare ")) {
                return None;
            }
        }
        Some(signal)
    }
}

/// The reporter citation of a preliminary print ("596 U.S. 528"), whose
/// pages are pages of the U. S. Reports: its cover names the volume, its
/// first page head the first page.
fn own_citation(source: &str, norm: &Normalized) -> Option<String> {
    // pdfminer sets the cover's title letter-spaced: "P R E L I M I N A R Y
    // P R I N T".
    static VOLUME: LazyLock<Regex> = LazyLock::new(|| {
        let spaced = |w: &str| w.chars().map(String::from).collect::<Vec<_>>().join(" ?");
        re(&format!(
            r"^\s*{}\s+{}\s+Volume[^\S\n]+([0-9]{{1,4}})[^\S\n]+U\.[^\S\n]*S\.",
            spaced("PRELIMINARY"),
            spaced("PRINT")
        ))
    });
    let head = &source[..floor_boundary(source, source.len().min(200))];
    let head = head.strip_prefix('\u{feff}').unwrap_or(head);
    let volume = VOLUME.captures(head)?;
    let first = norm.blocks().iter().find_map(|b| b.slip_page)?;
    Some(format!("{} U.S. {first}", &volume[1]))
}

/// The lazily compiled patterns and tables above, which
/// [`crate::extract::prepare`] compiles ahead of their first use.
pub(super) const PATTERNS: &[fn()] = crate::extract::patterns![SIGNAL];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn squeezing_folds_runs_and_trims() {
        for s in [
            "",
            "  ",
            "a",
            " U.  S.\tC. ",
            "Fed.\u{a0}Rule  Civ. Proc.\n23 ",
        ] {
            let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(squeeze_spaced(s), joined, "{s:?}");
        }
        assert_eq!(squeeze_spaced(" U.  S.\tC. "), "U. S. C.");
    }

    /// The parenthetical as read char by char: up to its closing
    /// parenthesis, within [`PAREN_MAX`] bytes and its line.
    fn parenthetical_by_chars(text: &str, at: usize) -> Option<String> {
        let rest = &text[at..];
        let open = rest.len() - rest.trim_start_matches(' ').len();
        let mut depth = 0usize;
        for (i, ch) in rest[open..].char_indices() {
            if i > PAREN_MAX || ch == '\n' || (i == 0 && ch != '(') {
                return None;
            }
            match ch {
                '(' => depth += 1,
                ')' if depth == 1 => return Some(rest[open + 1..open + i].to_string()),
                ')' => depth -= 1,
                _ => {}
            }
        }
        None
    }

    /// The parentheticals read by their parentheses alone are those read
    /// char by char, before every parenthesis of the shipped texts.
    #[test]
    fn parentheticals_read_as_char_by_char() {
        let mut read = 0;
        for (_, source) in crate::shipped::texts() {
            let norm = crate::normalize::normalize(&source);
            let s = Scanner::new(&source, &norm);
            let text = norm.matching();
            for (i, _) in text.match_indices('(') {
                for at in [i, i.saturating_sub(1)] {
                    let want = parenthetical_by_chars(text, at);
                    read += usize::from(want.is_some());
                    assert_eq!(s.parenthetical(at), want, "at {at}");
                }
            }
        }
        assert!(read > 1000, "{read} parentheticals read");
    }

    /// The patterns compile `[^\S\n]` as a plain space ([`re`]), which
    /// holds because the matching text has no other whitespace inside a
    /// block: not in the shipped texts, nor in a text spaced with every
    /// other kind of whitespace; and a pattern so compiled reads it.
    #[test]
    fn matching_text_spaces_are_plain() {
        let odd =
            "See\t5\u{a0}U.\u{2009}S.\u{3000}137,\u{b}at\u{c}140\r\n\u{85}Id.\u{2028}at\u{202f}7";
        let mut texts = vec![odd.to_string()];
        texts.extend(crate::shipped::texts().into_iter().map(|(_, t)| t));
        for text in &texts {
            let norm = crate::normalize::normalize(text);
            let odd_space = norm
                .matching()
                .chars()
                .find(|&c| c.is_whitespace() && c != ' ' && c != '\n');
            assert_eq!(odd_space, None);
        }
        let spaced = crate::normalize::normalize("5 U. S. 137,\u{2009}at\u{a0}\t140");
        let at = re(r"[0-9],[^\S\n]*at[^\S\n]+[0-9]");
        assert!(at.is_match(spaced.matching()), "{:?}", spaced.matching());
    }

    #[test]
    fn signals_are_read_back() {
        let s = SIGNAL.captures("reasons. See also ").unwrap();
        assert_eq!(&s[1], "See also");
        assert!(SIGNAL.captures("the seesaw ").is_none());
    }

    #[test]
    fn every_signal_passes_the_quick_check() {
        let signals = SIGNAL.as_str().split_once("((?:").unwrap().1;
        assert!(signals.contains("Contra|contra"), "{signals}");
        for phrase in [
            "See",
            "see",
            "See also",
            "see, e.g.,",
            "See generally",
            "Cf.",
            "cf.",
            "But see",
            "but cf.",
            "Compare",
            "accord",
            "Contra",
            "E.g.,",
            "e.g.,",
            "with",
            "and",
        ] {
            for before in ["", "text ", "x;", "(", "word\u{a0}"] {
                let window = format!("{before}{phrase} ");
                assert!(SIGNAL.is_match(&window), "{window:?}");
                assert!(may_end_with_signal(&window), "{window:?}");
                let found = SIGNAL.find(&window).map(|m| signal_of(m.as_str()));
                assert_eq!(found, Some(phrase), "{window:?}");
            }
        }
        // Each window the regex matches in the shipped opinions passes, and
        // its signal read without capture groups is the pattern's group.
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
        let mut matched = 0;
        for path in crate::text_files(std::path::Path::new(dir)) {
            let doc = crate::Document::read_limited(path.unwrap(), 1 << 24).unwrap();
            let text = doc.text();
            for (at, _) in text.match_indices(' ') {
                let lo = floor_boundary(text, (at + 1).saturating_sub(SIGNAL_LOOKBACK));
                let window = &text[lo..=at];
                if SIGNAL.is_match(window) {
                    assert!(may_end_with_signal(window), "{window:?}");
                    let group = SIGNAL.captures(window).map(|c| c[1].to_string());
                    let found = SIGNAL
                        .find(window)
                        .map(|m| signal_of(m.as_str()).to_string());
                    assert_eq!(found, group, "{window:?}");
                    matched += 1;
                }
            }
        }
        assert!(matched > 100, "only {matched} signals");
    }
}

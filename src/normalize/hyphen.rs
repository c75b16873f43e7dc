//! Deciding line-end hyphens word by word.
//!
//! Evidence is used in this order:
//! 1. forms seen unbroken in the same document ("material" or
//!    "information-system" elsewhere in the text);
//! 2. the shipped English word list: a joined form that is a word is joined;
//! 3. both halves are words and the joined form is not: the hyphen is kept
//!    ("decision-making", "office-wide");
//! 4. otherwise the halves are joined ("prosecuto-rial").
//!
//! Digits are never joined: "1171-\n1172" keeps its hyphen.

use super::words::is_word;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};

/// Word forms seen unbroken in one document, counted without regard to
/// case. Keys borrow the document's text: counting allocates nothing per
/// word.
#[derive(Default)]
pub(crate) struct Lexicon<'t> {
    words: HashMap<Folded<'t>, u32, BuildHasherDefault<Prehashed>>,
}

/// A word compared by its lowercase form, with the hash of that form.
#[derive(Clone, Copy)]
struct Folded<'t> {
    word: &'t str,
    hash: u64,
}

impl<'t> Folded<'t> {
    fn new(word: &'t str) -> Folded<'t> {
        let hash = if word.is_ascii() {
            fold_hash(word.as_bytes())
        } else {
            let lower: String = word.chars().flat_map(char::to_lowercase).collect();
            fold_hash(lower.as_bytes())
        };
        Folded { word, hash }
    }
}

/// Hashes the bytes of a word as lowercase, eight at a time. A word is
/// letters and hyphens, so setting bit 5 of each byte lowercases an ASCII
/// word; the bytes of a word already lowercased hash the same way, so two
/// words equal without regard to case hash alike.
fn fold_hash(bytes: &[u8]) -> u64 {
    const CASE: u64 = 0x2020_2020_2020_2020;
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = (h.rotate_left(5) ^ (u64::from_le_bytes(w) | CASE)).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(5) ^ (u64::from_le_bytes(w) | CASE)).wrapping_mul(K);
    }
    // SplitMix64's finalizer: the table takes its tag from the high bits.
    h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

impl PartialEq for Folded<'_> {
    #[inline]
    fn eq(&self, other: &Self) -> bool {
        if self.word.is_ascii() && other.word.is_ascii() {
            self.word.eq_ignore_ascii_case(other.word)
        } else {
            let lower = |w: &str| w.chars().flat_map(char::to_lowercase).collect::<String>();
            lower(self.word) == lower(other.word)
        }
    }
}

impl Eq for Folded<'_> {}

impl Hash for Folded<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash);
    }
}

/// A hasher for keys that carry their hash: it passes it through.
#[derive(Default)]
struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Only `write_u64` is used; fold anything else in for safety.
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

impl<'t> Lexicon<'t> {
    /// Counts every word of `text` that does not end a line with a hyphen.
    /// One pass over the text.
    pub(crate) fn from_text(text: &'t str) -> Lexicon<'t> {
        Lexicon::from_text_wanted(text, &Wanted::everything())
    }

    /// Like [`Lexicon::from_text`], counting only the words `wanted` asks
    /// for (and maybe some more): the others are never looked up.
    pub(crate) fn from_text_wanted(text: &'t str, wanted: &Wanted) -> Lexicon<'t> {
        // About one distinct word form in 60 bytes of opinion text.
        let mut lex = Lexicon {
            words: HashMap::with_capacity_and_hasher(text.len() / 60, Default::default()),
        };
        let mut start: Option<usize> = None;
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let (is_part, len) = if b.is_ascii() {
                let part = b.is_ascii_alphabetic()
                    || (b == b'-'
                        && start.is_some()
                        && bytes.get(i + 1).is_some_and(|n| {
                            n.is_ascii_alphabetic() || (!n.is_ascii() && next_is_alpha(text, i + 1))
                        }));
                (part, 1)
            } else {
                let c = text[i..].chars().next().unwrap_or(' ');
                (c.is_alphabetic(), c.len_utf8())
            };
            match (is_part, start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    if wanted.wants(&bytes[s..i]) {
                        lex.add(&text[s..i], bytes, i);
                    }
                    start = None;
                }
                _ => {}
            }
            i += len;
        }
        if let Some(s) = start {
            if wanted.wants(&bytes[s..]) {
                lex.add(&text[s..], bytes, text.len());
            }
        }
        lex
    }

    fn add(&mut self, word: &'t str, bytes: &[u8], end: usize) {
        // A word cut by a line-end hyphen is not evidence.
        if bytes.get(end) == Some(&b'-') {
            let rest = &bytes[end + 1..];
            let ws = rest
                .iter()
                .take_while(|b| **b == b' ' || **b == b'\r')
                .count();
            if matches!(rest.get(ws), Some(b'\n') | None) {
                return;
            }
        }
        *self.words.entry(Folded::new(word)).or_insert(0) += 1;
    }

    /// How often `word` (in any case) was seen unbroken.
    pub(crate) fn count(&self, word: &str) -> u32 {
        self.words.get(&Folded::new(word)).copied().unwrap_or(0)
    }
}

/// The words a document's lexicon must count: those that begin like the
/// left half of a word cut by a line-end hyphen ("mate-" wants "material"
/// and "mate-rial" alike). Kept as sets of first letters and first two
/// letters, so a word is checked in a step; words it cannot judge (not
/// ASCII at the start) are counted.
pub(crate) struct Wanted {
    all: bool,
    one: [bool; 26],
    two: [bool; 26 * 26],
}

impl Wanted {
    /// Wants every word.
    pub(crate) fn everything() -> Wanted {
        Wanted {
            all: true,
            ..Wanted::nothing()
        }
    }

    /// Wants no word yet.
    pub(crate) fn nothing() -> Wanted {
        Wanted {
            all: false,
            one: [false; 26],
            two: [false; 26 * 26],
        }
    }

    /// Wants the words that begin with `left`, in any case.
    pub(crate) fn add_prefix(&mut self, left: &str) {
        let b = left.as_bytes();
        match (b.first().and_then(letter), b.get(1).and_then(letter)) {
            (Some(x), _) if b.len() == 1 => self.one[x] = true,
            (Some(x), Some(y)) => self.two[x * 26 + y] = true,
            (None, _) if b.is_empty() => {}
            _ => self.all = true,
        }
    }

    fn wants(&self, word: &[u8]) -> bool {
        if self.all {
            return true;
        }
        match (word.first().and_then(letter), word.get(1).and_then(letter)) {
            (Some(x), Some(y)) => self.one[x] || self.two[x * 26 + y],
            (Some(x), None) if word.len() == 1 => self.one[x],
            // Not ASCII at the start, or a letter then a hyphen: counted.
            _ => true,
        }
    }
}

/// An ASCII letter's place in the alphabet.
fn letter(b: &u8) -> Option<usize> {
    b.is_ascii_alphabetic()
        .then(|| usize::from(b.to_ascii_lowercase() - b'a'))
}

fn next_is_alpha(text: &str, i: usize) -> bool {
    text[i..].chars().next().is_some_and(char::is_alphabetic)
}

/// Strips a possessive ending so "Goldstein’s" is looked up as "goldstein".
pub(crate) fn stem(word: &str) -> &str {
    for suffix in ["’s", "'s", "’", "'"] {
        if let Some(s) = word.strip_suffix(suffix) {
            return s;
        }
    }
    word
}

/// Whether a line-end hyphen between `left` and `right` is part of the word
/// (`true`: keep "decision-making") or only marks the break (`false`: join
/// "mate-rial" into "material"). `left` and `right` are the letters on each
/// side of the break.
pub(crate) fn keep_hyphen(left: &str, right: &str, lex: &Lexicon) -> bool {
    let l_last = left.chars().next_back();
    let r_first = right.chars().next();
    match (l_last, r_first) {
        (Some(l), Some(r)) if l.is_alphabetic() && r.is_alphabetic() => {}
        _ => return true,
    }
    let right = stem(right);
    let (l, r) = (left.to_lowercase(), right.to_lowercase());
    let joined = format!("{l}{r}");
    let compound = format!("{l}-{r}");
    let (seen_joined, seen_compound) = (lex.count(&joined), lex.count(&compound));
    if seen_joined != seen_compound {
        return seen_compound > seen_joined;
    }
    if is_word(&joined) {
        return false;
    }
    // "Co-" and the like keep their hyphen before a capital ("non-Indian").
    if r_first.is_some_and(char::is_uppercase) {
        return true;
    }
    is_word(&l) && is_word(&r)
}

/// Whether a line break with no hyphen split a word whose hyphen the text
/// extractor dropped ("Ab\nbott"): joined only when the joined form is known
/// and the halves are not both words.
pub(crate) fn join_unmarked(left: &str, right: &str, lex: &Lexicon) -> bool {
    if left.is_empty() || right.is_empty() {
        return false;
    }
    if !left.chars().all(char::is_alphabetic) {
        return false;
    }
    if !right.chars().next().is_some_and(char::is_lowercase) {
        return false;
    }
    let right = stem(right);
    if !right.chars().all(char::is_alphabetic) {
        return false;
    }
    let (l, r) = (left.to_lowercase(), right.to_lowercase());
    let joined = format!("{l}{r}");
    if is_word(&l) && is_word(&r) {
        // Two words ("the reactions") stay two, unless they make a long
        // English word that the document also writes whole ("Re sources"
        // where "resources" is seen): a typesetter breaks long words, and
        // two short words are rarely the halves of one.
        return joined.chars().count() >= 8
            && l.chars().count() >= 2
            && r.chars().count() >= 3
            && is_word(&joined)
            && lex.count(&joined) > 0;
    }
    is_word(&joined) || lex.count(&joined) > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decides_by_word_list() {
        let lex = Lexicon::default();
        assert!(!keep_hyphen("mate", "rial", &lex));
        assert!(!keep_hyphen("re", "lated", &lex));
        assert!(keep_hyphen("decision", "making", &lex));
        assert!(keep_hyphen("office", "wide", &lex));
        assert!(keep_hyphen("information", "system", &lex));
        assert!(!keep_hyphen("prosecuto", "rial", &lex));
        assert!(keep_hyphen("1171", "1172", &lex));
    }

    #[test]
    fn document_evidence_wins() {
        let lex = Lexicon::from_text("Goldstein sued. The officewide policy. Gold-\nstein’s");
        assert_eq!(lex.count("goldstein"), 1);
        assert!(!keep_hyphen("Gold", "stein’s", &lex));
        assert!(!keep_hyphen("office", "wide", &lex));
        let lex = Lexicon::from_text("a then-boyfriend");
        assert!(keep_hyphen("then", "boyfriend", &lex));
    }

    #[test]
    fn a_lexicon_counts_the_words_line_end_halves_ask_for() {
        let mut wanted = Wanted::nothing();
        wanted.add_prefix("Mate");
        wanted.add_prefix("a");
        let lex = Lexicon::from_text_wanted("Material, mate-rial; an other; zebra; Été", &wanted);
        assert_eq!(lex.count("material"), 1);
        assert_eq!(lex.count("mate-rial"), 1);
        assert_eq!(lex.count("an"), 1);
        assert_eq!(lex.count("other"), 0);
        assert_eq!(lex.count("zebra"), 0);
        assert_eq!(lex.count("été"), 1);
    }

    #[test]
    fn unmarked_breaks() {
        let lex = Lexicon::from_text("Ms. Abbott and Mr. Abbott");
        assert!(join_unmarked("Ab", "bott", &lex));
        assert!(join_unmarked("consid", "ered", &lex));
        assert!(!join_unmarked("the", "reactions", &lex));
        assert!(!join_unmarked("can", "not", &lex));
        // Two words joined only into a long word the document writes whole.
        assert!(!join_unmarked("Re", "sources", &lex));
        let lex = Lexicon::from_text("the Natural Resources Defense Council");
        assert!(join_unmarked("Re", "sources", &lex));
        assert!(!join_unmarked("the", "reactions", &lex));
    }
}

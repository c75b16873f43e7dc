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
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};

/// Where counts of word forms seen unbroken come from.
pub(crate) trait Counts {
    /// How often `word` (in any case) was seen unbroken.
    fn count(&self, word: &str) -> u32;
}

/// Word forms seen unbroken in one document, counted without regard to
/// case. Keys borrow the document's text or the list of forms asked for:
/// counting allocates nothing per word. The default lexicon has seen no
/// word.
pub(crate) struct Lexicon<'t> {
    words: HashMap<Folded<'t>, u32, BuildHasherDefault<Prehashed>>,
    /// Whether every word form is counted, or only those asked for.
    every: bool,
}

/// Writes down every word form asked for and answers 0. Run over the line
/// breaks of a document, it lists the forms its [`Lexicon`] must count:
/// which forms the decisions ask for never depends on the answers.
#[derive(Default)]
pub(crate) struct Asked {
    words: RefCell<Vec<String>>,
}

impl Asked {
    /// How many forms were asked for so far.
    pub(crate) fn len(&self) -> usize {
        self.words.borrow().len()
    }

    /// The forms asked for, in the order asked.
    pub(crate) fn into_words(self) -> Vec<String> {
        self.words.into_inner()
    }
}

impl Counts for Asked {
    fn count(&self, word: &str) -> u32 {
        self.words.borrow_mut().push(word.to_string());
        0
    }
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

impl Default for Lexicon<'_> {
    fn default() -> Self {
        Lexicon {
            words: HashMap::default(),
            every: true,
        }
    }
}

impl<'t> Lexicon<'t> {
    /// Counts every word of `text` that does not end a line with a hyphen.
    /// One pass over the text.
    pub(crate) fn from_text(text: &'t str) -> Lexicon<'t> {
        let mut lex = Lexicon {
            // About one distinct word form in 60 bytes of opinion text.
            words: HashMap::with_capacity_and_hasher(text.len() / 60, Default::default()),
            every: true,
        };
        for_each_word(text, |word, end, _| {
            if !cut_at_line_end(text, end) {
                *lex.words.entry(Folded::new(word)).or_insert(0) += 1;
            }
        });
        lex
    }

    /// Like [`Lexicon::from_text`], counting only the forms `words` lists
    /// (those an [`Asked`] wrote down): a word of the text costs a hash
    /// and a look in a small table.
    pub(crate) fn counting(text: &'t str, words: &'t [String]) -> Lexicon<'t> {
        let mut lex = Lexicon {
            words: HashMap::with_capacity_and_hasher(words.len(), Default::default()),
            every: false,
        };
        let mut shapes = Shapes::default();
        for w in words {
            lex.words.entry(Folded::new(w)).or_insert(0);
            shapes.add(w);
        }
        if lex.words.is_empty() {
            return lex;
        }
        for_each_word(text, |word, end, ascii| {
            if ascii && !shapes.may_hold(word) {
                return;
            }
            if let Some(n) = lex.words.get_mut(&Folded::new(word)) {
                if !cut_at_line_end(text, end) {
                    *n += 1;
                }
            }
        });
        lex
    }
}

/// The shapes of a set of ASCII words, without regard to case: first two
/// letters and length. A word whose shape is not in the set is not in it,
/// and is turned away before it is hashed.
struct Shapes {
    bits: Vec<u64>,
    /// Set when a word of the set cannot be told by its shape.
    all: bool,
}

impl Default for Shapes {
    fn default() -> Shapes {
        Shapes {
            bits: vec![0; Shapes::SIZE.div_ceil(64)],
            all: false,
        }
    }
}

impl Shapes {
    const LENGTHS: usize = 32;
    const SIZE: usize = 26 * 26 * Shapes::LENGTHS;

    fn key(word: &[u8]) -> Option<usize> {
        let (a, b) = (letter(word.first()?)?, letter(word.get(1)?)?);
        let len = word.len().min(Shapes::LENGTHS - 1);
        Some((a * 26 + b) * Shapes::LENGTHS + len)
    }

    fn add(&mut self, word: &str) {
        // A word that is not ASCII only matches words that are not either,
        // which always pass; unless it lowercases to ASCII ("K", the Kelvin
        // sign).
        if !word.is_ascii() {
            self.all |= word.to_lowercase().is_ascii();
            return;
        }
        match Shapes::key(word.as_bytes()) {
            Some(k) => self.bits[k / 64] |= 1 << (k % 64),
            None => self.all = true,
        }
    }

    /// Whether the ASCII `word` may be in the set.
    fn may_hold(&self, word: &str) -> bool {
        self.all
            || Shapes::key(word.as_bytes()).is_none_or(|k| self.bits[k / 64] & (1 << (k % 64)) != 0)
    }
}

impl Counts for Lexicon<'_> {
    fn count(&self, word: &str) -> u32 {
        let n = self.words.get(&Folded::new(word)).copied();
        debug_assert!(
            self.every || n.is_some(),
            "{word:?} was not asked for before the lexicon was built"
        );
        n.unwrap_or(0)
    }
}

/// Byte classes for finding words: other ASCII, ASCII letters, and bytes
/// of characters beyond ASCII.
const OTHER: u8 = 0;
const LETTER: u8 = 1;
const WIDE: u8 = 2;
static CLASS: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = if b >= 0x80 {
            WIDE
        } else if (b as u8).is_ascii_alphabetic() {
            LETTER
        } else {
            OTHER
        };
        b += 1;
    }
    t
};

/// Calls `f` with each word of `text` (letters, and hyphens between
/// letters), the byte offset where it ends and whether it is ASCII.
fn for_each_word<'t>(text: &'t str, mut f: impl FnMut(&'t str, usize, bool)) {
    let bytes = text.as_bytes();
    let n = bytes.len();
    // The character at `i` (a character boundary) if it is a letter.
    let wide_letter = |i: usize| text[i..].chars().next().filter(|&c| is_letter(c));
    let mut i = 0;
    loop {
        // To the next letter or character beyond ASCII. Only whole
        // characters are stepped over, so `i` stays on a boundary.
        match bytes[i..]
            .iter()
            .position(|&b| CLASS[usize::from(b)] != OTHER)
        {
            Some(k) => i += k,
            None => return,
        }
        if bytes[i] >= 0x80 {
            if let Some(c) = text[i..].chars().next().filter(|&c| !is_letter(c)) {
                i += c.len_utf8();
                continue;
            }
        }
        let start = i;
        let mut ascii = true;
        loop {
            i += bytes[i..]
                .iter()
                .position(|&b| CLASS[usize::from(b)] != LETTER)
                .unwrap_or(n - i);
            if i >= n {
                break;
            }
            if bytes[i] >= 0x80 {
                match wide_letter(i) {
                    Some(c) => {
                        ascii = false;
                        i += c.len_utf8();
                        continue;
                    }
                    None => break,
                }
            }
            // A hyphen between letters is part of the word.
            let next = bytes.get(i + 1).copied().unwrap_or(0);
            if bytes[i] == b'-'
                && (next.is_ascii_alphabetic() || (next >= 0x80 && wide_letter(i + 1).is_some()))
            {
                i += 1;
                continue;
            }
            break;
        }
        f(&text[start..i], i, ascii);
    }
}

/// Whether `c` is alphabetic, the punctuation of opinions (curly quotes,
/// dashes, "§") told without a table lookup.
fn is_letter(c: char) -> bool {
    !matches!(c, '\u{2000}'..='\u{206F}' | '§' | '¶' | '\u{a0}' | '\u{ad}') && c.is_alphabetic()
}

/// An ASCII letter's place in the alphabet.
fn letter(b: &u8) -> Option<usize> {
    b.is_ascii_alphabetic()
        .then(|| usize::from(b.to_ascii_lowercase() - b'a'))
}

/// Whether the word ending at `end` is cut by a line-end hyphen: such a
/// word is not evidence.
fn cut_at_line_end(text: &str, end: usize) -> bool {
    let bytes = text.as_bytes();
    if bytes.get(end) != Some(&b'-') {
        return false;
    }
    let rest = &bytes[end + 1..];
    let ws = rest
        .iter()
        .take_while(|b| **b == b' ' || **b == b'\r')
        .count();
    matches!(rest.get(ws), Some(b'\n') | None)
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
pub(crate) fn keep_hyphen(left: &str, right: &str, lex: &impl Counts) -> bool {
    let l_last = left.chars().next_back();
    let r_first = right.chars().next();
    match (l_last, r_first) {
        (Some(l), Some(r)) if l.is_alphabetic() && r.is_alphabetic() => {}
        _ => return true,
    }
    let right = stem(right);
    // Counts and the word list ignore case.
    let joined = format!("{left}{right}");
    let compound = format!("{left}-{right}");
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
    is_word(left) && is_word(right)
}

/// Whether a line break with no hyphen split a word whose hyphen the text
/// extractor dropped ("Ab\nbott"): joined only when the joined form is known
/// and the halves are not both words.
pub(crate) fn join_unmarked(left: &str, right: &str, lex: &impl Counts) -> bool {
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
    if is_word(left) && is_word(right) {
        // Two words ("the reactions") stay two, unless they make a long
        // English word that the document also writes whole ("Re sources"
        // where "resources" is seen): a typesetter breaks long words, and
        // two short words are rarely the halves of one.
        let (l, r) = (left.chars().count(), right.chars().count());
        if l + r < 8 || l < 2 || r < 3 {
            return false;
        }
        let joined = format!("{left}{right}");
        return is_word(&joined) && lex.count(&joined) > 0;
    }
    let joined = format!("{left}{right}");
    is_word(&joined) || lex.count(&joined) > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words of `text` as byte ranges, read a character at a time:
    /// letters, and a hyphen with a letter on each side.
    fn words_by_chars(text: &str) -> Vec<(usize, usize)> {
        let cs: Vec<(usize, char)> = text.char_indices().collect();
        let letter = |k: usize| cs.get(k).is_some_and(|&(_, c)| is_letter(c));
        let hyphen = |k: usize| cs.get(k).is_some_and(|&(_, c)| c == '-');
        let at = |k: usize| cs.get(k).map_or(text.len(), |&(i, _)| i);
        let mut out = Vec::new();
        let mut k = 0;
        while k < cs.len() {
            if !letter(k) {
                k += 1;
                continue;
            }
            let start = k;
            while letter(k) || (hyphen(k) && letter(k + 1)) {
                k += 1;
            }
            out.push((at(start), at(k)));
        }
        out
    }

    #[test]
    fn words_are_read_as_a_character_at_a_time_reads_them() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let mut texts = vec!["non-trust x--y naïve-Éclair café- -a ’s §1 a\u{ad}b".to_string()];
        for entry in std::fs::read_dir(dir).expect("corpus folder") {
            let path = entry.expect("corpus entry").path();
            if path.extension().is_some_and(|e| e == "txt") {
                texts.push(std::fs::read_to_string(&path).expect("corpus text"));
            }
        }
        assert!(texts.len() > 5);
        for text in &texts {
            let mut words = Vec::new();
            for_each_word(text, |w, end, ascii| {
                assert_eq!(ascii, w.is_ascii());
                words.push((end - w.len(), end));
            });
            assert_eq!(words, words_by_chars(text));
        }
    }

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
    fn a_lexicon_counts_the_words_asked_for() {
        let asked = Asked::default();
        assert!(!keep_hyphen("Mate", "rial", &asked));
        assert_eq!(asked.count("an"), 0);
        assert_eq!(asked.count("Été"), 0);
        let words = asked.into_words();
        assert_eq!(words, ["Material", "Mate-rial", "an", "Été"]);
        let text = "Material, mate-rial; an other; zebra; été; mate-\nrial";
        let lex = Lexicon::counting(text, &words);
        assert_eq!(lex.count("material"), 1);
        assert_eq!(lex.count("MATE-RIAL"), 1);
        assert_eq!(lex.count("an"), 1);
        assert_eq!(lex.count("été"), 1);
        assert_eq!(lex.words.len(), 4);
        // Counted alike when every word is.
        let every = Lexicon::from_text(text);
        for w in &words {
            assert_eq!(every.count(w), lex.count(w), "{w}");
        }
        assert_eq!(every.count("zebra"), 1);
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

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
    /// (those an [`Asked`] wrote down). When they are all ASCII, only the
    /// words of the text that begin like one of them are read whole.
    pub(crate) fn counting(text: &'t str, words: &'t [String]) -> Lexicon<'t> {
        let mut lex = Lexicon {
            words: HashMap::with_capacity_and_hasher(words.len(), Default::default()),
            every: false,
        };
        for w in words {
            lex.words.entry(Folded::new(w)).or_insert(0);
        }
        if lex.words.is_empty() {
            return lex;
        }
        // Only a Kelvin sign lowercases to ASCII ("K" is "k"): a text
        // holding one may write an ASCII form with it.
        let ascii = words.iter().all(|w| w.is_ascii()) && !text.contains(KELVIN);
        match ascii.then(|| Starts::of(words)).flatten() {
            Some(starts) => lex.count_ascii(text, &starts),
            None => lex.count_every_word(text, words),
        }
        lex
    }

    /// Counts the ASCII forms of the table where they stand in `text` as
    /// whole words, not cut by a line-end hyphen. A word is read past its
    /// first three bytes only when they may begin a form (`starts`).
    fn count_ascii(&mut self, text: &'t str, starts: &Starts) {
        let bytes = text.as_bytes();
        let chunks = bytes.chunks_exact(8);
        let last = chunks.remainder();
        let mut padded = [0u8; 8];
        padded[..last.len()].copy_from_slice(last);
        // Whether the byte before the chunk at hand is an ASCII letter.
        let mut carry = 0;
        for (c, chunk) in chunks.chain([&padded[..]]).enumerate() {
            let letters = ascii_letters(chunk.try_into().expect("eight bytes"));
            // An ASCII letter after a byte that is none.
            let mut firsts = letters & !((letters << 8) | carry);
            carry = letters >> 56;
            while firsts != 0 {
                let i = c * 8 + firsts.trailing_zeros() as usize / 8;
                firsts &= firsts - 1;
                if starts.holds(&bytes[i..]) {
                    self.count_word_at(text, i, starts);
                }
            }
        }
    }

    /// Counts the word of `text` that starts at `start` if it is whole,
    /// ASCII, not cut by a line-end hyphen and a form of the table.
    fn count_word_at(&mut self, text: &'t str, start: usize, starts: &Starts) {
        let end = ascii_word_end(text.as_bytes(), start);
        if !starts.has_length(end - start)
            || !is_whole_word(text, start, end)
            || cut_at_line_end(text, end)
        {
            return;
        }
        if let Some(n) = self.words.get_mut(&Folded::new(&text[start..end])) {
            *n += 1;
        }
    }

    /// Counts the forms of the table by reading every word of `text`
    /// (`words` lists them): a word costs a hash and a look in a small
    /// table.
    fn count_every_word(&mut self, text: &'t str, words: &[String]) {
        let mut shapes = Shapes::default();
        for w in words {
            shapes.add(w);
        }
        for_each_word(text, |word, end, ascii| {
            if ascii && !shapes.may_hold(word) {
                return;
            }
            if let Some(n) = self.words.get_mut(&Folded::new(word)) {
                if !cut_at_line_end(text, end) {
                    *n += 1;
                }
            }
        });
    }
}

/// The Kelvin sign, the one character beyond ASCII whose lowercase is
/// ASCII.
const KELVIN: char = '\u{212A}';

/// The first three bytes of a set of ASCII forms, without regard to case,
/// and their lengths. A word that does not begin like one of them, or
/// has none of their lengths, is none of the forms.
struct Starts {
    bits: Vec<u64>,
    /// Bit `n` is set for the length `n`, or bit 63 for any length from 63.
    lengths: u64,
}

impl Starts {
    /// The beginnings of `forms`; `None` if a form is shorter than two
    /// bytes.
    fn of(forms: &[String]) -> Option<Starts> {
        let mut starts = Starts {
            bits: vec![0; (1 << 15) / 64],
            lengths: 0,
        };
        for f in forms {
            starts.lengths |= Starts::length_bit(f.len());
            match *f.as_bytes() {
                [a, b, c, ..] => starts.add(a, b, c),
                // A form of two bytes is followed by any byte but a letter.
                [a, b] => (0..32).for_each(|c| starts.add(a, b, c)),
                _ => return None,
            }
        }
        Some(starts)
    }

    /// The low five bits of each byte: a letter's place in the alphabet
    /// without regard to case. Other bytes that look alike here are told
    /// apart when the word is read whole.
    fn key(a: u8, b: u8, c: u8) -> usize {
        (usize::from(a & 31) << 10) | (usize::from(b & 31) << 5) | usize::from(c & 31)
    }

    fn add(&mut self, a: u8, b: u8, c: u8) {
        let k = Starts::key(a, b, c);
        self.bits[k / 64] |= 1 << (k % 64);
    }

    fn length_bit(len: usize) -> u64 {
        1 << len.min(63)
    }

    /// Whether a word of `len` bytes may be a form.
    fn has_length(&self, len: usize) -> bool {
        self.lengths & Starts::length_bit(len) != 0
    }

    /// Whether a word at the start of `rest` may be a form.
    fn holds(&self, rest: &[u8]) -> bool {
        let byte = |i: usize| rest.get(i).copied().unwrap_or(0);
        let k = Starts::key(byte(0), byte(1), byte(2));
        self.bits[k / 64] & (1 << (k % 64)) != 0
    }
}

/// The ASCII letters among eight bytes, all at once: the high bit of byte
/// `k` of the answer is set when `chunk[k]` is one.
fn ascii_letters(chunk: [u8; 8]) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let w = u64::from_le_bytes(chunk);
    let high = w & (ONES * 0x80);
    // Lowercased (setting bit 5 turns "A"-"Z" into "a"-"z" and makes no
    // other byte a letter), high bits cleared: no sum below carries into
    // the next byte.
    let low = (w | (ONES * 0x20)) & (ONES * 0x7f);
    let from_a = low + ONES * (0x80 - u64::from(b'a'));
    let past_z = low + ONES * (0x80 - u64::from(b'z') - 1);
    from_a & !past_z & !high & (ONES * 0x80)
}

/// Where the run of ASCII letters, and hyphens between them, that starts
/// at `start` ends.
fn ascii_word_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start;
    while i < bytes.len() {
        let joins = bytes[i] == b'-' && bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic);
        if !bytes[i].is_ascii_alphabetic() && !joins {
            break;
        }
        i += 1;
    }
    i
}

/// Whether `text[start..end]`, a run of letters and hyphens, is a whole
/// word of `text`: no letter, nor a hyphen joining a letter, on either
/// side.
fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let letter = |c: Option<char>| c.is_some_and(is_letter);
    let mut before = text[..start].chars().rev();
    let mut after = text[end..].chars();
    let (b, a) = (before.next(), after.next());
    let joined_before = b == Some('-') && letter(before.next());
    let joined_after = a == Some('-') && letter(after.next());
    !letter(b) && !letter(a) && !joined_before && !joined_after
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

/// Whether a line-end hyphen splits a party's name beside the "v." of a
/// case name ("O'Shea v. Little-|ton,", "Frey-|tag v. Commissioner"): a
/// capitalized half before it, small letters after, and the document
/// writing neither form elsewhere. A typesetter breaks a surname by its
/// syllables; a name that is a compound keeps its capitals ("Sea-Land",
/// "Curtiss-Wright"). `before` is the line before the left half, `after`
/// the next line after the right half.
pub(crate) fn splits_a_party(
    before: &str,
    left: &str,
    right: &str,
    after: &str,
    lex: &impl Counts,
) -> bool {
    let mut l = left.chars();
    let capitalized = l.next().is_some_and(char::is_uppercase) && l.all(char::is_lowercase);
    let small = !right.is_empty() && right.chars().all(char::is_lowercase);
    let beside_v = before.ends_with(" v. ") || after.starts_with(" v. ");
    capitalized && small && beside_v && {
        let right = stem(right);
        lex.count(&format!("{left}-{right}")) == 0 && lex.count(&format!("{left}{right}")) == 0
    }
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

    /// Forms to ask about in `text`: some of its words, in other cases,
    /// joined by a hyphen, cut short and run together.
    fn forms_to_ask(text: &str) -> Vec<String> {
        let mut words = Vec::new();
        for_each_word(text, |w, _, _| words.push(w));
        let mut forms = Vec::new();
        for (k, pair) in words.windows(2).enumerate().step_by(5) {
            let (a, b) = (pair[0], pair[1]);
            forms.push(if k % 2 == 0 {
                a.to_uppercase()
            } else {
                a.to_string()
            });
            forms.push(format!("{a}-{b}"));
            forms.push(format!("{a}{b}"));
            forms.push(a.chars().take(3).collect());
        }
        forms
    }

    #[test]
    fn counting_the_forms_asked_for_agrees_with_counting_every_word() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let mut texts = vec![
            "café-au-lait x--yz -abc abc- abc-\nde naïve ab-cd’s \u{212A}ing king KING".to_string(),
            "Ab ab-\nab ab-cd abcd’ abc-déf abcdéf xab ab- \n ab-c Ab".to_string(),
        ];
        for entry in std::fs::read_dir(dir).expect("corpus folder") {
            let path = entry.expect("corpus entry").path();
            if path.extension().is_some_and(|e| e == "txt") {
                texts.push(std::fs::read_to_string(&path).expect("corpus text"));
            }
        }
        let extra = [
            "king", "ab", "abc", "cd", "de", "ab-cd", "ab-c", "abcd", "x-y", "au-lait",
        ];
        for text in &texts {
            let every = Lexicon::from_text(text);
            let mut forms = forms_to_ask(text);
            forms.extend(extra.iter().map(|f| f.to_string()));
            // Only ASCII forms of two bytes or more are looked for by their
            // beginnings; the others are counted reading every word.
            let ascii: Vec<String> = forms.iter().filter(|f| f.is_ascii()).cloned().collect();
            forms.extend(["a".to_string(), "naïve".to_string()]);
            for asked in [&forms, &ascii] {
                let lex = Lexicon::counting(text, asked);
                for f in asked.iter() {
                    assert_eq!(lex.count(f), every.count(f), "{f:?}");
                }
            }
        }
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

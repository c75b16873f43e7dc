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

use super::words::{FnvBuild, is_word};
use std::collections::HashMap;

/// Word forms seen unbroken in one document, lowercased.
#[derive(Default)]
pub(crate) struct Lexicon {
    words: HashMap<String, u32, FnvBuild>,
    /// Reused for lowercasing.
    buf: String,
}

impl Lexicon {
    /// Counts every word of `text` that does not end a line with a hyphen.
    /// One pass over the text.
    pub(crate) fn from_text(text: &str) -> Lexicon {
        let mut lex = Lexicon::default();
        let mut start: Option<usize> = None;
        let bytes = text.as_bytes();
        for (i, c) in text.char_indices() {
            let is_part =
                c.is_alphabetic() || (c == '-' && start.is_some() && next_is_alpha(text, i + 1));
            match (is_part, start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    lex.add(&text[s..i], bytes, i);
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            lex.add(&text[s..], bytes, text.len());
        }
        lex
    }

    fn add(&mut self, word: &str, bytes: &[u8], end: usize) {
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
        self.buf.clear();
        if word.is_ascii() {
            self.buf.push_str(word);
            self.buf.make_ascii_lowercase();
        } else {
            self.buf.extend(word.chars().flat_map(char::to_lowercase));
        }
        if let Some(n) = self.words.get_mut(self.buf.as_str()) {
            *n += 1;
        } else {
            self.words.insert(self.buf.clone(), 1);
        }
    }

    /// How often `word` (lowercased) was seen unbroken.
    pub(crate) fn count(&self, word: &str) -> u32 {
        self.words.get(word).copied().unwrap_or(0)
    }
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
    if is_word(&l) && is_word(&r) {
        return false;
    }
    let joined = format!("{l}{r}");
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
    fn unmarked_breaks() {
        let lex = Lexicon::from_text("Ms. Abbott and Mr. Abbott");
        assert!(join_unmarked("Ab", "bott", &lex));
        assert!(join_unmarked("consid", "ered", &lex));
        assert!(!join_unmarked("the", "reactions", &lex));
        assert!(!join_unmarked("can", "not", &lex));
    }
}

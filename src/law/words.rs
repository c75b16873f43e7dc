//! Word lists of case names, kept as data files in `src/law/words/`: one
//! word a line, `#` lines are comments. They are read once, sorted, and
//! searched by bisection.

use std::sync::LazyLock;

/// A sorted list of words, with where the words of each first byte
/// start: a look-up bisects only the words that share the first byte.
pub(crate) struct WordList {
    words: Vec<&'static str>,
    /// `words[starts[b]..starts[b + 1]]` are the words whose first byte is
    /// `b`.
    starts: [u16; 257],
}

impl WordList {
    fn parse(text: &'static str) -> WordList {
        let mut words: Vec<&'static str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        words.sort_unstable();
        words.dedup();
        let mut starts = [0u16; 257];
        for (b, start) in starts.iter_mut().enumerate() {
            let before = words.partition_point(|w| usize::from(w.as_bytes()[0]) < b);
            *start = u16::try_from(before).expect("a word list has fewer than 65,536 words");
        }
        WordList { words, starts }
    }

    /// Whether `word` is on the list, exactly.
    pub(crate) fn contains(&self, word: &str) -> bool {
        let Some(&first) = word.as_bytes().first() else {
            return false;
        };
        let b = usize::from(first);
        let (lo, hi) = (self.starts[b], self.starts[b + 1]);
        self.words[usize::from(lo)..usize::from(hi)]
            .binary_search(&word)
            .is_ok()
    }
}

macro_rules! word_list {
    ($(#[$doc:meta])* $name:ident, $($file:literal),+) => {
        $(#[$doc])*
        pub(crate) static $name: LazyLock<WordList> = LazyLock::new(|| {
            WordList::parse(concat!($(include_str!(concat!("words/", $file)), "\n"),+))
        });
    };
}

word_list!(
    /// Capitalized words that start a sentence or clause, not a case name
    /// ("See", "Thus", "Held:").
    STOP_WORDS,
    "stop_words.txt"
);
word_list!(
    /// Lowercase words that may sit inside a case name ("of", "ex", "rel.").
    CONNECTORS,
    "connectors.txt"
);
word_list!(
    /// Corporate suffixes written after a comma inside a case name ("Inc.").
    CORPORATE_SUFFIXES,
    "corporate_suffixes.txt"
);
word_list!(
    /// Abbreviations ending in a period that may sit inside a case name
    /// ("Co.", "Dist.", "Comm'n"): our own and reporters-db's.
    NAME_ABBREVIATIONS,
    "name_abbreviations.txt",
    "case_name_abbreviations.txt"
);
word_list!(
    /// Capitalized words that open a sentence without being part of the
    /// case name after them ("Later", "Indeed").
    SENTENCE_OPENERS,
    "sentence_openers.txt"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_read_without_comments() {
        assert!(STOP_WORDS.contains("See"));
        assert!(STOP_WORDS.contains("Held:"));
        assert!(!STOP_WORDS.contains("# Capitalized"));
        assert!(CONNECTORS.contains("&"));
        assert!(NAME_ABBREVIATIONS.contains("Comm'n"));
        assert!(CORPORATE_SUFFIXES.contains("LLC"));
        assert!(SENTENCE_OPENERS.contains("Later"));
        assert!(!NAME_ABBREVIATIONS.contains("Imbler"));
    }

    #[test]
    fn a_look_up_finds_what_a_plain_search_finds() {
        let lists = [
            &STOP_WORDS,
            &CONNECTORS,
            &CORPORATE_SUFFIXES,
            &NAME_ABBREVIATIONS,
        ];
        for list in lists.iter().chain([&&SENTENCE_OPENERS]) {
            for w in &list.words {
                let tries = [
                    w.to_string(),
                    format!("{w}s"),
                    w[..w.len() - 1].to_string(),
                    w.to_lowercase(),
                    w.to_uppercase(),
                    format!(" {w}"),
                    String::new(),
                ];
                for t in &tries {
                    assert_eq!(list.contains(t), list.words.contains(&t.as_str()), "{t:?}");
                }
            }
        }
    }
}

//! Unicode sentence bounds (UAX #29) of opinion text, fast.
//!
//! The state machine is unicode-segmentation's (the crate the rest of the
//! text goes to), and the sentence categories are Unicode's
//! `SentenceBreakProperty` as that crate's tables give them; only the
//! lookup differs: a table for ASCII and a few ranges for the punctuation
//! of opinions (curly quotes, dashes, no-break spaces, "§"), instead of a
//! search of the whole Unicode table for every character. A text with a
//! character beyond those goes to unicode-segmentation whole. The tests
//! check the two agree, on the shipped texts and on random text.

use unicode_segmentation::UnicodeSegmentation;

/// A character's sentence-break category.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cat {
    Any,
    Cr,
    Lf,
    Sp,
    STerm,
    ATerm,
    Close,
    SContinue,
    Numeric,
    Upper,
    Lower,
}

/// The categories of the ASCII characters, looked up instead of matched.
static ASCII: [Cat; 128] = {
    let mut t = [Cat::Any; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = match slow_category(b as u8 as char) {
            Some(c) => c,
            None => Cat::Any,
        };
        b += 1;
    }
    t
};

/// The category of `c`, for the characters this module knows.
#[inline]
fn category(c: char) -> Option<Cat> {
    if c.is_ascii() {
        Some(ASCII[c as usize])
    } else {
        slow_category(c)
    }
}

const fn slow_category(c: char) -> Option<Cat> {
    let cat = match c {
        '\t' | '\u{b}' | '\u{c}' | ' ' | '\u{a0}' => Cat::Sp,
        '\n' => Cat::Lf,
        '\r' => Cat::Cr,
        '!' | '?' => Cat::STerm,
        '.' => Cat::ATerm,
        '"' | '\'' | '(' | ')' | '[' | ']' | '{' | '}' | '«' | '»' => Cat::Close,
        '\u{2018}'..='\u{201f}' => Cat::Close,
        ',' | '-' | ':' | ';' | '\u{2013}' | '\u{2014}' => Cat::SContinue,
        '0'..='9' => Cat::Numeric,
        'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ' => Cat::Upper,
        'a'..='z' | 'ß'..='ö' | 'ø'..='ÿ' => Cat::Lower,
        // The rest of ASCII, and signs opinions use.
        '\u{0}'..='\u{8}'
        | '\u{e}'..='\u{1f}'
        | '#'..='&'
        | '*'
        | '+'
        | '/'
        | '<'..='>'
        | '@'
        | '\\'
        | '^'
        | '_'
        | '`'
        | '|'
        | '~'
        | '\u{7f}'
        | '§'
        | '¶'
        | '×'
        | '÷'
        | '°'
        | '†'
        | '‡'
        | '•'
        | '…' => Cat::Any,
        _ => return None,
    };
    Some(cat)
}

/// What the state machine remembers of a character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Sot,
    Eot,
    Other,
    Cr,
    Lf,
    ATerm,
    UpperLower,
    ClosePlus,
    SpPlus,
    STerm,
}

/// The last four parts seen, runs of closing marks and of spaces as one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct State([Part; 4]);

impl State {
    fn next(self, cat: Cat) -> State {
        let p = self.0;
        match (p[3], cat) {
            (Part::ClosePlus, Cat::Close) | (Part::SpPlus, Cat::Sp) => self,
            _ => State([
                p[1],
                p[2],
                p[3],
                match cat {
                    Cat::Cr => Part::Cr,
                    Cat::Lf => Part::Lf,
                    Cat::ATerm => Part::ATerm,
                    Cat::Upper | Cat::Lower => Part::UpperLower,
                    Cat::Close => Part::ClosePlus,
                    Cat::Sp => Part::SpPlus,
                    Cat::STerm => Part::STerm,
                    _ => Part::Other,
                },
            ]),
        }
    }

    fn end(self) -> State {
        let p = self.0;
        State([p[1], p[2], p[3], Part::Eot])
    }

    fn last(self) -> Part {
        self.0[3]
    }

    /// The part before trailing spaces and closing marks.
    fn before_sp_close(self) -> Part {
        let p = self.0;
        let mut i = if p[3] == Part::SpPlus { 2 } else { 3 };
        if p[i] == Part::ClosePlus {
            i -= 1;
        }
        p[i]
    }

    fn sb8(self, ahead: &str) -> bool {
        if self.before_sp_close() != Part::ATerm {
            return false;
        }
        for c in ahead.chars() {
            match category(c) {
                Some(Cat::Lower) => return true,
                Some(Cat::Upper | Cat::Cr | Cat::Lf | Cat::STerm | Cat::ATerm) => return false,
                _ => continue,
            }
        }
        false
    }

    fn sb8a(self) -> bool {
        matches!(self.before_sp_close(), Part::STerm | Part::ATerm)
    }

    fn sb9(self) -> bool {
        let p = self.0;
        let i = if p[3] == Part::ClosePlus { 2 } else { 3 };
        matches!(p[i], Part::STerm | Part::ATerm)
    }

    fn sb11(self) -> bool {
        let p = self.0;
        let mut i = if matches!(p[3], Part::Cr | Part::Lf) {
            2
        } else {
            3
        };
        if p[i] == Part::SpPlus {
            i -= 1;
        }
        if p[i] == Part::ClosePlus {
            i -= 1;
        }
        matches!(p[i], Part::STerm | Part::ATerm)
    }
}

/// The sentence breaks of text whose every character has a [`category`].
pub(crate) struct Breaks<'a> {
    text: &'a str,
    pos: usize,
    state: State,
}

impl Iterator for Breaks<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        loop {
            self.skip_plain();
            let Some(c) = self.text[self.pos..].chars().next() else {
                break;
            };
            let before = self.pos;
            let state = self.state;
            let cat = category(c).unwrap_or(Cat::Any);
            self.pos += c.len_utf8();
            self.state = state.next(cat);
            // Most characters follow neither a line end nor a sentence's
            // end (a terminator, closing marks and spaces): no rule below
            // but the last one, no break, can then apply.
            if !matches!(state.last(), Part::Sot | Part::Cr | Part::Lf)
                && !matches!(state.before_sp_close(), Part::STerm | Part::ATerm)
            {
                continue;
            }
            let keep = match cat {
                _ if state.last() == Part::Sot => return Some(before),
                Cat::Lf if state.last() == Part::Cr => true,
                _ if matches!(state.last(), Part::Cr | Part::Lf) => return Some(before),
                Cat::Numeric if state.last() == Part::ATerm => true,
                Cat::Upper if state.0[2] == Part::UpperLower && state.0[3] == Part::ATerm => true,
                _ if state.sb8(&self.text[before..]) => true,
                Cat::SContinue | Cat::STerm | Cat::ATerm if state.sb8a() => true,
                Cat::Close | Cat::Sp | Cat::Cr | Cat::Lf if state.sb9() => true,
                Cat::Sp | Cat::Cr | Cat::Lf if state.sb8a() => true,
                _ if state.sb11() => return Some(before),
                _ => true,
            };
            debug_assert!(keep);
        }
        if matches!(self.state.last(), Part::Sot | Part::Eot) {
            None
        } else {
            self.state = self.state.end();
            Some(self.pos)
        }
    }
}

/// The bytes at which a sentence may end or a line break: every other
/// character the fast way knows neither ends a sentence nor breaks a line.
static STOPS: [bool; 256] = {
    let mut t = [false; 256];
    t[b'.' as usize] = true;
    t[b'!' as usize] = true;
    t[b'?' as usize] = true;
    t[b'\n' as usize] = true;
    t[b'\r' as usize] = true;
    t
};

impl Breaks<'_> {
    /// Moves over the characters that cannot be followed by a break, up
    /// to the one before the next terminator or line end: in the middle
    /// of a sentence (no terminator, closing marks and spaces just seen)
    /// no rule can break before a character that is none of those, and
    /// the rules at a terminator look back only at the one character
    /// before it, from which the state is taken up again.
    fn skip_plain(&mut self) {
        let state = self.state;
        if matches!(state.last(), Part::Sot | Part::Cr | Part::Lf)
            || matches!(state.before_sp_close(), Part::STerm | Part::ATerm)
        {
            return;
        }
        let bytes = self.text.as_bytes();
        let stop = bytes[self.pos..]
            .iter()
            .position(|&b| STOPS[b as usize])
            .map_or(bytes.len(), |i| self.pos + i);
        // Back to the start of the character before the stop.
        let mut from = stop.saturating_sub(1).max(self.pos);
        while !self.text.is_char_boundary(from) {
            from -= 1;
        }
        if from > self.pos {
            self.pos = from;
            self.state = State([Part::Other; 4]);
        }
    }
}

/// The sentence pieces of `text` with their offsets, as
/// `UnicodeSegmentation::split_sentence_bound_indices` gives them.
pub(crate) enum Bounds<'a> {
    Fast {
        text: &'a str,
        breaks: Breaks<'a>,
        start: Option<usize>,
    },
    Unicode(unicode_segmentation::USentenceBoundIndices<'a>),
}

impl<'a> Bounds<'a> {
    pub(crate) fn new(text: &'a str) -> Bounds<'a> {
        if text.is_ascii() || text.chars().all(|c| category(c).is_some()) {
            Bounds::Fast {
                text,
                breaks: Breaks {
                    text,
                    pos: 0,
                    state: State([Part::Sot; 4]),
                },
                start: None,
            }
        } else {
            Bounds::Unicode(text.split_sentence_bound_indices())
        }
    }
}

impl<'a> Iterator for Bounds<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        match self {
            Bounds::Unicode(b) => b.next(),
            Bounds::Fast {
                text,
                breaks,
                start,
            } => {
                if start.is_none() {
                    *start = Some(breaks.next()?);
                }
                let s = (*start)?;
                let e = breaks.next()?;
                *start = Some(e);
                Some((s, &text[s..e]))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Sentence pieces with their offsets.
    type Pieces<'a> = Vec<(usize, &'a str)>;

    fn both(text: &str) -> (Pieces<'_>, Pieces<'_>) {
        let fast: Vec<_> = Bounds::new(text).collect();
        let unicode: Vec<_> = text.split_sentence_bound_indices().collect();
        (fast, unicode)
    }

    #[test]
    fn agrees_with_unicode_segmentation_on_opinion_text() {
        let samples = [
            "",
            "One. Two.",
            "See Imbler v. Pachtman, 424 U. S. 409 (1976). Id. We agree.",
            "He said “a balance.” Then more? Yes! (Or not.) “Quote.” ‘Single.’",
            "Etc. e.g. the U.S. rule. 3.5 percent... 42 U. S. C. §1983—and more – less.",
            "A.\nB.\r\nC.  D.)  e  f",
            "Mr. Smith. ab. Cd. a.B. a. b",
        ];
        for s in samples {
            let (fast, unicode) = both(s);
            assert!(matches!(Bounds::new(s), Bounds::Fast { .. }), "{s:?}");
            assert_eq!(fast, unicode, "{s:?}");
        }
        let (mut fast_blocks, mut blocks) = (0, 0);
        for (path, text) in crate::shipped::texts() {
            let norm = crate::normalize(&text);
            for b in norm.blocks() {
                let block = &norm.reading()[b.reading.clone()];
                fast_blocks += usize::from(matches!(Bounds::new(block), Bounds::Fast { .. }));
                blocks += 1;
                let (fast, unicode) = both(block);
                assert_eq!(fast, unicode, "{}: {block:?}", path.display());
            }
        }
        // Most blocks: those with a letter beyond Latin-1 or a rarer sign
        // take unicode-segmentation's way.
        assert!(
            fast_blocks * 10 > blocks * 9,
            "{fast_blocks} of {blocks} blocks took the fast way"
        );
    }

    /// Characters the fast way knows, weighted toward the ones that
    /// decide sentence bounds.
    fn known_char() -> impl Strategy<Value = char> {
        prop_oneof![
            4 => prop::sample::select(vec![
                '.', '.', '?', '!', ' ', ' ', ' ', '\n', '\r', '"', '\'', '(', ')', '[', ']',
                ',', '-', ':', ';', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2014}', '\u{2013}',
                '\u{a0}', '§', '…', '\t',
            ]),
            3 => prop::sample::select(vec!['a', 'b', 'x', 'é', 'ß']),
            2 => prop::sample::select(vec!['A', 'B', 'U', 'S', 'É']),
            1 => prop::sample::select(vec!['0', '1', '9', '#', '&', '*', '/', '_']),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn agrees_with_unicode_segmentation_on_random_text(
            cs in prop::collection::vec(known_char(), 0..60)
        ) {
            let s: String = cs.into_iter().collect();
            let (fast, unicode) = both(&s);
            prop_assert_eq!(fast, unicode);
        }
    }
}

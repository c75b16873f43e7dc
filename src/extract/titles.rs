//! Authors and titles, read back from where the citation of an article,
//! a book or a hearing goes on ("Kamisar, A Dissent from the Miranda
//! Dissents, 65 Mich. L. Rev. 59": the byline before the volume).
//!
//! The byline is the clause the citation ends: it starts after a
//! semicolon, an opening parenthesis, a sentence end, a closing quotation
//! or the citation before, and its signal ("See, e.g.,", "quoting") is no
//! part of it. Which of its comma-separated parts are authors is a legal
//! rule: [`crate::law::authors`].

use super::scanner::{Scanner, floor_boundary, re};
use crate::law::authors;
use crate::law::words::{NAME_ABBREVIATIONS, SENTENCE_OPENERS, STOP_WORDS};
use crate::normalize::BlockKind;
use regex::Regex;
use std::sync::LazyLock;

/// The longest byline looked back over, in bytes.
pub(super) const BYLINE_LOOKBACK: usize = 400;

/// Where a clause ends, inside a byline's window: a semicolon, an opening
/// parenthesis (unless closed inside the byline: "Is (Probably) Wrong"),
/// a sentence end (a period after a lowercase word, a number or a
/// parenthesis, before a capital), a closing quotation after punctuation,
/// a signal inside a sentence (", see Leo & White, ...").
static CLAUSE_END: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r#";|\(|•|(?:(?:^|[^A-Za-z])[a-z]{2,}|[0-9)]|'s)[.!?]"? +["A-Z0-9]"#,
        r"|(?:^|[^A-Za-z])[A-Z][a-z]{4,}\. +[A-Z]",
        r#"|[.,!?]" |[.!?]' "#,
        r"|(?:^|[ ,])(?:[Ss]ee(?: also| generally|, e\.g\.,)?|[Cc]f\.|[Cc]ompare|[Aa]ccord,|quoting|citing|e\.g\.,|E\.g\.,) ",
        r"|, (?:reprinted )?in ",
    ))
});
/// A signal or a connecting word opening a clause before the byline.
static SIGNAL: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"^(?:(?:See|see|Cf\.|cf\.|But|but|And|Compare|compare|Accord|accord|Contra|contra",
        r"|E\.g\.|e\.g\.|also|generally|with|and|in|quoting|citing|Quoting|Citing|quoted|cited",
        r"|reprinted|discussing|describing|noting|reviewing|by|from|of)(?:,|[^\S\n]|$)[^\S\n]*)+",
    ))
});

/// The author and title written before a citation's volume or locator.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Byline {
    /// Where the byline starts in the matching text.
    pub(super) start: usize,
    /// The authors as written, spaces folded.
    pub(super) author: Option<String>,
    /// The title as written, spaces folded.
    pub(super) title: Option<String>,
}

/// Where the clause that ends at `end` starts: not before the block, the
/// citation before, or [`BYLINE_LOOKBACK`] bytes back; past a footnote's
/// label and a signal.
pub(super) fn clause_start(s: &mut Scanner<'_>, end: usize) -> usize {
    let mut lo = floor_boundary(s.text, end.saturating_sub(BYLINE_LOOKBACK));
    let line = s.line_start(end);
    lo = lo.max(line);
    if let Some(prev) = s.out.last() {
        if prev.place.matching.end <= end {
            lo = lo.max(prev.place.matching.end);
        }
    }
    if lo == line {
        s.section_at(end);
        lo += label_len(s, line);
    }
    let window = &s.text[lo..end];
    let cut = CLAUSE_END
        .find_iter(window)
        .filter(|m| m.as_str() != "(" || !window[m.end()..].contains(')'))
        .filter(|m| !ends_in_abbreviation(m.as_str()))
        .last()
        .map_or(0, |m| match m.as_str().chars().last() {
            // A sentence end's capital (or quotation) opens the clause.
            Some(c) if c.is_ascii_uppercase() || c.is_ascii_digit() || c == '"' => {
                m.end() - c.len_utf8()
            }
            _ => m.end(),
        });
    let rest = window[cut..].trim_start_matches([' ', ',', ';', '.', ')', ']']);
    // A quotation mark closing a quotation before the byline goes; one
    // opening a quoted title ("\"Crack\" Cocaine") stays.
    let rest = match rest.strip_prefix('"') {
        Some(r) if r.matches('"').count() % 2 == 0 => r.trim_start_matches(' '),
        _ => rest,
    };
    let rest = rest.trim_start_matches('\'');
    let rest = &rest[SIGNAL.find(rest).map_or(0, |m| m.end())..];
    end - skip_opener(skip_prose(rest)).len()
}

/// `clause` without a word opening the sentence before a comma ("Later,
/// LaFave & Scott §7.16", "Thus, ...").
fn skip_opener(clause: &str) -> &str {
    match clause.split_once(", ") {
        Some((word, rest)) if SENTENCE_OPENERS.contains(word) || STOP_WORDS.contains(word) => rest,
        _ => clause,
    }
}

/// Whether a sentence end found is an abbreviation's period instead: a
/// capitalized one inside a name ("Const. Law", "Assocs. Inc."), or a
/// citation's own before a number ("pp. 234", "ed. 1739", "ch. 25").
fn ends_in_abbreviation(m: &str) -> bool {
    let Some(dot) = m.find('.') else {
        return false;
    };
    let word = m[..dot].trim_start_matches(|c: char| !c.is_ascii_alphabetic());
    if word.starts_with(|c: char| c.is_ascii_uppercase()) {
        // The word with its period: "Assocs.".
        return NAME_ABBREVIATIONS.contains(&m[dot - word.len()..=dot]);
    }
    CITATION_ABBREVIATIONS.contains(&word)
}

/// Lowercase abbreviations citations write before a number.
const CITATION_ABBREVIATIONS: [&str; 16] = [
    "al", "art", "ch", "cl", "ed", "eds", "nn", "no", "nos", "pp", "pt", "pts", "rev", "sec",
    "supp", "vol",
];

/// `clause` without the lowercase words of prose that open it
/// ("approvingly from Scott & Stuntz, ...").
fn skip_prose(clause: &str) -> &str {
    let mut rest = clause;
    while rest.starts_with(|c: char| c.is_lowercase()) {
        match rest.split_once(' ') {
            Some((_, r)) => rest = r,
            None => return "",
        }
    }
    rest
}

/// The length of the footnote label that opens the current block, which
/// starts at `line` ("4 Loss, In Memoriam ..." in footnote 4), with its
/// space.
fn label_len(s: &Scanner<'_>, line: usize) -> usize {
    let Some(b) = s.norm.blocks().get(s.line) else {
        return 0;
    };
    match (&b.kind, &b.footnote) {
        (BlockKind::Footnote, Some(label)) if s.text[line..].starts_with(label.as_str()) => {
            let after = line + label.len();
            if s.text[after..].starts_with(' ') {
                label.len() + 1
            } else {
                0
            }
        }
        _ => 0,
    }
}

/// The byline of a periodical's article, which ends at `end` (the comma
/// or question mark before the volume): the authors, then the title, as
/// [`authors::split_byline`] tells them apart.
pub(super) fn byline_before(s: &mut Scanner<'_>, end: usize) -> Option<Byline> {
    let start = clause_start(s, end);
    let text = s.text[start..end].trim_end_matches([' ', ',']);
    if text.is_empty() {
        return None;
    }
    let (author, title) = authors::split_byline(text);
    Some(Byline {
        start,
        author,
        title,
    })
}

/// "hereinafter" opening a parenthetical that names a short form.
static HEREINAFTER: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:hereinafter|herein after|Hereinafter)[,:]?[^\S\n]+(.+)$"));
/// How many parentheticals after a citation are read for its short name.
const PARENTHETICALS_READ: usize = 3;
/// The longest short name a bare parenthetical gives, in words.
const SHORT_NAME_WORDS: usize = 5;

/// What follows a source's citation ending at `end` (which started at
/// `start`): its first explanatory parenthetical, and the short name a
/// parenthetical gives it ("(hereinafter Wright & Miller)", or one
/// repeating the citation's own words: "(Treaty Doc.)" after "S. Treaty
/// Doc. No. 99-11").
pub(super) fn after(s: &Scanner<'_>, end: usize, start: usize) -> (Option<String>, Option<String>) {
    let mut explanatory = None;
    let mut name = None;
    let mut at = end;
    for _ in 0..PARENTHETICALS_READ {
        let Some(p) = s.parenthetical(at) else { break };
        let open = at + s.text[at..].find('(').unwrap_or(0);
        at = open + p.len() + 2;
        if name.is_none() {
            if let Some(h) = HEREINAFTER.captures(&p) {
                name = Some(squeeze_name(&h[1]));
                continue;
            }
            if repeats_words(&p, &s.text[start..end]) {
                name = Some(squeeze_name(&p));
                continue;
            }
        }
        if explanatory.is_none() {
            explanatory = Some(p);
        }
    }
    (explanatory, name)
}

/// A short name with its spaces folded and a closing quotation dropped.
fn squeeze_name(name: &str) -> String {
    let name = name.trim_matches(|c: char| c == '"' || c == '\'' || c.is_whitespace());
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether a parenthetical is a short name made of the citation's own
/// words: capitalized, a few words, each of them in `cited`.
fn repeats_words(p: &str, cited: &str) -> bool {
    let words: Vec<&str> = p.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= SHORT_NAME_WORDS
        && p.starts_with(|c: char| c.is_uppercase())
        && words.iter().all(|w| {
            cited
                .split_whitespace()
                .any(|c| c.trim_end_matches(',') == w.trim_end_matches(','))
        })
}

/// Remembers the names a source that is no case goes by, for the short
/// forms after it: its authors' surnames ("LaFave", "Wright & Miller") and
/// the short name "hereinafter" gives it.
pub(super) fn remember(s: &mut Scanner<'_>, author: Option<&str>, hereinafter: Option<String>) {
    for k in author.map(authors::author_keys).unwrap_or_default() {
        s.know_source(k);
    }
    if let Some(h) = hereinafter {
        s.know_source(h.clone());
        s.know_short_name(h);
    }
}

/// The most words a short name is read back over.
const SHORT_NAME_READ: usize = 6;

/// The longest short name a "hereinafter" gave a source that ends at `end`
/// ("39th Cong. Globe", "Black's"), after the citation before: its start
/// and text.
pub(super) fn short_name_ending_at(s: &Scanner<'_>, end: usize) -> Option<(usize, String)> {
    let word_start = s.text[..end].rfind([' ', '\n']).map_or(0, |i| i + 1);
    if !s.ends_a_short_name(&s.text[word_start..end]) {
        return None;
    }
    let line = s.line_start(end);
    let lo = s
        .out
        .last()
        .map_or(line, |c| c.place.matching.end.max(line))
        .min(end);
    let mut start = end;
    let mut found = None;
    for _ in 0..SHORT_NAME_READ {
        let upto = lo + s.text[lo..start].trim_end_matches(' ').len();
        if upto == lo {
            break;
        }
        start = lo + s.text[lo..upto].rfind(' ').map_or(0, |i| i + 1);
        let name = squeeze_name(&s.text[start..end]);
        if s.knows_short_name(&name) {
            // A quotation closed before the name is no part of it.
            let quotes = s.text[start..end].len()
                - s.text[start..end]
                    .trim_start_matches(['"', '\'', ' '])
                    .len();
            found = Some((start + quotes, name));
        }
    }
    found
}

/// The lazily compiled patterns and tables above, which
/// [`crate::extract::prepare`] compiles ahead of their first use.
pub(super) const PATTERNS: &[fn()] = crate::extract::patterns![CLAUSE_END, SIGNAL, HEREINAFTER];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    /// The clause and byline before `end_text`'s first occurrence in `src`.
    fn byline(src: &str, before: &str) -> Option<Byline> {
        let norm = normalize(src);
        let mut s = Scanner::new(src, &norm);
        let end = s.text.find(before)?;
        byline_before(&mut s, end)
    }

    #[test]
    fn a_byline_starts_after_signals_openers_and_sentence_ends() {
        let b = byline(
            "The point is old. See, e.g., Kamisar, A Dissent, 65 Mich. L. Rev. 59.\n",
            ", 65",
        )
        .unwrap();
        assert_eq!(b.author.as_deref(), Some("Kamisar"));
        assert_eq!(b.title.as_deref(), Some("A Dissent"));
        let b = byline("Later, LaFave & Scott, Criminal Law, 5 X 1.\n", ", 5").unwrap();
        assert_eq!(b.author.as_deref(), Some("LaFave & Scott"));
        let b = byline(
            "as the Constitution. A. Scalia, A Matter of Interpretation, 5 X 1.\n",
            ", 5",
        )
        .unwrap();
        assert_eq!(b.author.as_deref(), Some("A. Scalia"));
        // An abbreviation's period is no sentence end.
        let b = byline("Smith Assocs. Inc. Report, 5 X 1.\n", ", 5").unwrap();
        assert_eq!(b.title.as_deref(), Some("Smith Assocs. Inc. Report"));
    }

    #[test]
    fn a_closed_parenthesis_inside_a_title_keeps_the_title_whole() {
        let b = byline(
            "See Why the Clause Is (Probably) Wrong, 59 Syracuse L. Rev. 171.\n",
            ", 59",
        )
        .unwrap();
        assert_eq!(
            b.title.as_deref(),
            Some("Why the Clause Is (Probably) Wrong")
        );
        let b = byline("(quoting Nelson, Preemption, 86 Va. L. Rev. 225)\n", ", 86").unwrap();
        assert_eq!(b.author.as_deref(), Some("Nelson"));
    }

    #[test]
    fn short_names_come_from_hereinafter_or_the_citations_own_words() {
        let src = "S. Treaty Doc. No. 99-11, at 7 (Treaty Doc.) (hereinafter X) (quoting A).\n";
        let norm = normalize(src);
        let s = Scanner::new(src, &norm);
        let end = s.text.find(" (Treaty").unwrap();
        let (explanatory, name) = after(&s, end, 0);
        assert_eq!(name.as_deref(), Some("Treaty Doc."));
        assert_eq!(explanatory.as_deref(), Some("hereinafter X"));
        let src = "Black's Law Dictionary 1 (9th ed. 2009) (hereinafter Black's).\n";
        let norm = normalize(src);
        let s = Scanner::new(src, &norm);
        let end = s.text.find(" (hereinafter").unwrap();
        assert_eq!(after(&s, end, 0).1.as_deref(), Some("Black's"));
        // A parenthetical of other words is no name.
        let src = "Black's Law Dictionary 1 (defining force).\n";
        let norm = normalize(src);
        let s = Scanner::new(src, &norm);
        let end = s.text.find(" (defining").unwrap();
        assert_eq!(
            after(&s, end, 0),
            (Some("defining force".to_string()), None)
        );
    }

    #[test]
    fn a_short_name_is_read_back_whole() {
        let src = "See 39th Cong. Globe 1013; Davis 8.\n";
        let norm = normalize(src);
        let mut s = Scanner::new(src, &norm);
        s.know_short_name("39th Cong. Globe".to_string());
        s.know_short_name("Davis".to_string());
        let globe = s.text.find(" 1013").unwrap();
        let (start, name) = short_name_ending_at(&s, globe).unwrap();
        assert_eq!(
            (&s.text[start..globe], name.as_str()),
            ("39th Cong. Globe", "39th Cong. Globe")
        );
        let davis = s.text.find(" 8.").unwrap();
        assert_eq!(
            short_name_ending_at(&s, davis).map(|n| n.1).as_deref(),
            Some("Davis")
        );
        let see = s.text.find(" 39th").unwrap();
        assert_eq!(short_name_ending_at(&s, see), None);
    }
}

//! Record citations: the joint appendix ("App. 45", "1 App. 7"), the
//! appendix to the petition ("App. to Pet. for Cert. 12a"), transcripts
//! ("Tr. 45", "Tr. of Oral Arg. 23"), the petition ("Pet. for Cert. i"),
//! the complaint ("Compl. ¶¶ 46-53"), a court of appeals' appendix ("CA2
//! App. 724"), the record ("6 Record 558"), and the parties' briefs
//! ("Brief for Petitioner 12", "Brief for United States as Amicus Curiae
//! 12", "Reply Brief for Respondents 3-4", "Brief in Opposition 9").
//!
//! The document is the authority key: "Brief for Petitioner", "Tr. of Oral
//! Arg.", "App.".

use crate::citation::{Form, Record};
use crate::extract::scanner::{Scanner, floor_boundary, re, squeeze_spaced};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// A record document named by a fixed abbreviation, with a volume before
/// it ("1 App.", "6 Record"), and the start of its page after it: a
/// digit, a paragraph sign, "p."/"pp." or a Roman page.
pub(super) const ANCHOR: &str = concat!(
    r"(?-u:\b)(?:(?P<volume>[0-9]{1,2})[^\S\n]+)?(?P<doc>",
    r"App\.[^\S\n]+to[^\S\n]+Pet\.[^\S\n]+for[^\S\n]+Cert\.",
    r"|App\.[^\S\n]+to[^\S\n]+Juris\.[^\S\n]+Statement",
    r"|Tr\.[^\S\n]+of[^\S\n]+Oral[^\S\n]+Arg\.",
    r"|Pet\.[^\S\n]+for[^\S\n]+Cert\.|Pet\.[^\S\n]+App\.|Supp\.[^\S\n]+App\.",
    r"|Juris\.[^\S\n]+Statement|CA[0-9]{1,2}[^\S\n]+App\.|C\.[^\S\n]*A\.[^\S\n]*App\.",
    r"|Compl\.|Record|App\.|Tr\.)",
    r"(?P<gap>[^\S\n]*,?[^\S\n]+)(?:[0-9]|¶|pp?\.[^\S\n]*[0-9]|[ivx]{1,5}(?-u:\b))",
);

/// A brief: "Brief for", "Reply Brief for", "Brief of", "Brief in", "Brief
/// as", the party and the page following; or "Reply Brief" and its page.
pub(super) const BRIEF: &str = concat!(
    r"(?-u:\b)(?:Reply[^\S\n]+)?Brief[^\S\n]+(?:for|of|in|as)[^\S\n]+[A-Z]",
    r"|(?-u:\b)Reply[^\S\n]+Brief[^\S\n]+[0-9]"
);

static PARTS: LazyLock<Regex> = LazyLock::new(|| re(&format!("^(?:{ANCHOR})")));
/// "p. " or "pp. " before a record page.
static PAGE_WORD: LazyLock<Regex> = LazyLock::new(|| re(r"^pp?\.[^\S\n]*"));
/// A Roman page of a brief or petition's front matter: "Pet. for Cert. i".
static ROMAN_PAGE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^[ivx]{1,5}(?:[^\S\n]*-[^\S\n]*[ivx]{1,5})?(?-u:\b)"));
/// The longest brief document read, in bytes.
const BRIEF_MAX: usize = 200;

/// A record citation of a fixed document and its pins.
pub(super) fn parse(s: &mut Scanner<'_>, m: Range<usize>) -> usize {
    let Some(caps) = s.parts(&PARTS, &m) else {
        return m.end;
    };
    let (Some(doc), Some(gap)) = (caps.name("doc"), caps.name("gap")) else {
        return m.end;
    };
    let from = m.start + doc.start();
    if part_of_a_reporter(s.text, from) {
        return m.end;
    }
    // "a question.12 Tr. 423": a number glued to the sentence before is
    // its footnote call, no volume of the record.
    let glued = !s.text[..m.start].ends_with([' ', '\n', '(', '[', ';']) && m.start > 0;
    let volume = caps.name("volume").filter(|_| !glued);
    let start = if volume.is_some() { m.start } else { from };
    let document = squeeze_spaced(doc.as_str());
    let volume = volume.and_then(|v| v.as_str().parse().ok());
    record(s, start, m.start + gap.end(), Record { volume, document }).unwrap_or(m.end)
}

/// A brief: its document is read up to its page ("Brief for United States
/// as Amicus Curiae 12", "Brief for Petitioner in No. 08-1234, p. 9").
pub(super) fn parse_brief(s: &mut Scanner<'_>, m: Range<usize>) -> usize {
    let last = m.end - 1;
    let found = if s.text.as_bytes()[last].is_ascii_digit() {
        // "Reply Brief 11-12".
        Some((s.text[..last].trim_end().len(), last))
    } else {
        brief_end(s.text, last)
    };
    let Some((doc_end, page_at)) = found else {
        return m.end;
    };
    let document = squeeze_spaced(&s.text[m.start..doc_end]);
    let form = Record {
        volume: None,
        document,
    };
    record(s, m.start, page_at, form).unwrap_or(m.end)
}

/// Pushes a record citation of `form` from `start` whose pages begin at
/// `page_at`; returns where it ends. `None` when no page is there.
fn record(s: &mut Scanner<'_>, start: usize, page_at: usize, form: Record) -> Option<usize> {
    let at = page_at + PAGE_WORD.find(&s.text[page_at..]).map_or(0, |w| w.end());
    let (pins, end) = match s.pins_at(at) {
        Some(p) => (p.pins, p.end),
        None => (Vec::new(), at + ROMAN_PAGE.find(&s.text[at..])?.end()),
    };
    let authority = form.document.clone();
    let mut c = s.cite(Form::Record(form), start..end);
    c.pins = pins;
    c.authority = Some(authority);
    c.parenthetical = s.parenthetical(end);
    s.out.push(c);
    Some(end)
}

/// Where a brief's document ends and its page starts, reading words from
/// `at` (the party's first letter): the party's words ("United States",
/// "National Association of Criminal Defense Lawyers et al."), "as Amicus
/// Curiae", "in No. 08-1234", a court in parentheses ("(CA2)"), commas
/// between them; then a page, "p." or "pp." and a page, or a Roman page.
/// `None` when no page follows: a brief named in prose.
fn brief_end(text: &str, at: usize) -> Option<(usize, usize)> {
    let limit = floor_boundary(text, (at + BRIEF_MAX).min(text.len()));
    let limit = memchr::memchr(b'\n', &text.as_bytes()[at..limit]).map_or(limit, |n| at + n);
    let mut pos = at;
    let mut doc_end = at;
    let mut after_number_word = false;
    while pos < limit {
        let rest = &text[pos..limit];
        let gap = rest.len() - rest.trim_start_matches([' ', ',']).len();
        let rest = &rest[gap..];
        let word = rest.split([' ', '\n']).next().unwrap_or("");
        if word.is_empty() {
            return None;
        }
        let here = pos + gap;
        if !after_number_word {
            if starts_a_page(word, rest) {
                return (here > doc_end).then_some((doc_end, here));
            }
            if !word_of_a_brief(word) {
                return None;
            }
        }
        // "in No. 08-1234", "O. T. 1988", "Maryland and 10 Other States":
        // the number after these is part of the name.
        after_number_word = matches!(word, "No." | "No" | "Nos." | "T." | "and");
        pos = here + word.len();
        doc_end = here + word.trim_end_matches(',').len();
    }
    None
}

/// Whether `word` (the start of `rest`) begins a brief's page: a number,
/// "p." or "pp." and a number, or a Roman page at the end of the clause.
fn starts_a_page(word: &str, rest: &str) -> bool {
    if word.starts_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    if PAGE_WORD.is_match(rest) {
        let after = rest[PAGE_WORD.find(rest).map_or(0, |m| m.end())..].to_string();
        return after.starts_with(|c: char| c.is_ascii_digit());
    }
    let bare = word.trim_end_matches(['.', ',', ';', ')']);
    !bare.is_empty() && bare.len() <= 5 && bare.bytes().all(|b| b"ivx".contains(&b))
}

/// Whether `word` may be part of a brief's name: a capitalized word or
/// initial, a small word of a party's name ("of", "et al."), a court in
/// parentheses.
fn word_of_a_brief(word: &str) -> bool {
    let first = word.chars().next().unwrap_or(' ');
    first.is_uppercase()
        || first == '('
        || first == '\u{2019}'
        || matches!(
            word.trim_end_matches(','),
            "for"
                | "of"
                | "the"
                | "and"
                | "&"
                | "et"
                | "al."
                | "as"
                | "in"
                | "on"
                | "de"
                | "ex"
                | "rel."
                | "etc."
                | "to"
                | "Support"
                | "support"
        )
}

/// Whether the "App." at `at` ends a reporter's name rather than begins a
/// record citation: glued to the abbreviation before it ("La.App. 1
/// Cir."), or after "U.S." ("16 U.S. App. 253").
fn part_of_a_reporter(text: &str, at: usize) -> bool {
    let before = &text[..at];
    if before.ends_with('.') {
        return true;
    }
    let word = before
        .trim_end_matches(' ')
        .rsplit([' ', '\n'])
        .next()
        .unwrap_or("");
    matches!(word, "U.S." | "S.") && before.trim_end_matches(' ').len() < before.len()
}

/// The lazily compiled patterns and tables above, which
/// [`crate::extract::prepare`] compiles ahead of their first use.
pub(super) const PATTERNS: &[fn()] = crate::extract::patterns![PARTS, PAGE_WORD, ROMAN_PAGE];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn app_inside_a_reporter_is_no_record() {
        assert!(part_of_a_reporter("2009 12345 (La.App. 1", 15));
        assert!(part_of_a_reporter("16 U.S. App. 253", 8));
        assert!(part_of_a_reporter("16 U. S. App. 253", 9));
        assert!(!part_of_a_reporter("See App. 45", 4));
        assert!(!part_of_a_reporter("Pet. App. 12a", 5));
    }

    #[test]
    fn a_brief_ends_at_its_page() {
        fn end(t: &str) -> Option<(&str, &str)> {
            brief_end(t, 10).map(|(d, p)| (&t[..d], &t[p..]))
        }
        assert_eq!(
            end("Brief for Petitioner 12."),
            Some(("Brief for Petitioner", "12."))
        );
        assert_eq!(
            end("Brief for United States as Amicus Curiae in No. 08-1234, p. 9."),
            Some((
                "Brief for United States as Amicus Curiae in No. 08-1234",
                "p. 9."
            ))
        );
        assert_eq!(
            end("Brief for Petitioner i."),
            Some(("Brief for Petitioner", "i."))
        );
        assert_eq!(end("Brief for Petitioner argues that"), None);
        assert_eq!(end("Brief for United States as Amicus Curiae."), None);
    }
}

//! Record citations: the joint appendix ("App. 45", "1 App. 7"), its
//! appendix to the petition ("App. to Pet. for Cert. 12a"), a transcript
//! ("Tr. 45").

use crate::citation::{Form, Record};
use crate::extract::scanner::{Scanner, re, squeeze_spaced};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// The record document and the first digit of its page.
pub(super) const ANCHOR: &str = r"(?-u:\b)(?:(?P<volume>[0-9]{1,2})[^\S\n]+)?(?:App\.[^\S\n]+to[^\S\n]+Pet\.[^\S\n]+for[^\S\n]+Cert\.|App\.|Tr\.)[^\S\n]+[0-9]";

static PARTS: LazyLock<Regex> = LazyLock::new(|| re(&format!("^(?:{ANCHOR})")));

/// A record citation and its pins.
pub(super) fn parse(s: &mut Scanner<'_>, m: Range<usize>) -> usize {
    let Some(caps) = s.parts(&PARTS, &m) else {
        return m.end;
    };
    let from = caps.name("volume").map_or(m.start, |v| {
        let after = &s.text[m.start + v.end()..];
        m.start + v.end() + after.len() - after.trim_start_matches(' ').len()
    });
    if part_of_a_reporter(s.text, from) {
        return m.end;
    }
    // "a question.12 Tr. 423": a number glued to the sentence before is
    // its footnote call, no volume of the record.
    let glued = !s.text[..m.start].ends_with([' ', '\n', '(', '[', ';']) && m.start > 0;
    let volume = caps.name("volume").filter(|_| !glued);
    let start = if volume.is_some() { m.start } else { from };
    let digit = m.end - 1;
    let document = squeeze_spaced(s.text[from..digit].trim());
    let Some(p) = s.pins_at(digit) else {
        return m.end;
    };
    let form = Form::Record(Record {
        volume: volume.and_then(|v| v.as_str().parse().ok()),
        document: document.clone(),
    });
    let mut c = s.cite(form, start..p.end);
    c.pins = p.pins;
    c.authority = Some(document);
    c.parenthetical = s.parenthetical(p.end);
    s.out.push(c);
    p.end
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
}

//! "supra" and "infra": a case cited by party name ("Giglio, supra, at
//! 154", "Hensley supra"), or a reference to the document itself ("supra,
//! at 10", "Part II-A, supra", "n. 1, supra", "infra, at 12").

use crate::citation::{Direction, Form, Internal, Supra};
use crate::extract::names::{is_part_of_document, name_before, name_ending_at};
use crate::extract::pins::{FOOTNOTE, footnote_pins};
use crate::extract::reporters::case_at;
use crate::extract::scanner::{SIGNAL_LOOKBACK, Scanner, floor_boundary, re};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// "supra", "infra".
pub(super) const ANCHOR: &str = r"(?-u:\b)(?:supra|infra)(?-u:\b)";

static COMMA_AT: LazyLock<Regex> = LazyLock::new(|| re(r"^,[^\S\n]*at[^\S\n]+"));
/// "supra note 3": the footnote of this document citing the source in
/// full.
static NOTE_WORD: LazyLock<Regex> =
    LazyLock::new(|| re(r"^[^\S\n]+notes?[^\S\n]+([0-9]{1,3})(?-u:\b)"));
/// A section of a book after "supra": ", §14.5(c)".
static COMMA_SECTION: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^,[^\S\n]*§§?[^\S\n]*[0-9]+[A-Za-z]?(?:[.:-][0-9]+[A-Za-z]?)*(?:\([0-9A-Za-z]{1,4}\))*")
});
static COMMA_NOTE: LazyLock<Regex> = LazyLock::new(|| re(r"^,[^\S\n]*(?:nn?\.)"));
/// A footnote named before "supra" or "infra": "n. 1, ", "nn. 3-4, ".
static NOTE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|[^A-Za-z.])(nn?\.[^\S\n]*[0-9]{1,3}(?:[^\S\n]*(?:-|&|and)[^\S\n]*[0-9]{1,3})?),[^\S\n]*$",
    )
});

/// A supra or infra, with the name or label before it and the pins after.
pub(super) fn parse(s: &mut Scanner<'_>, m: Range<usize>) -> usize {
    let infra = s.text[m.clone()].starts_with("infra");
    // "Yield Dynamics, supra, 154 Cal.App.4th at p. 560": California's
    // short citation, which reads the name itself.
    if !infra && short_case_follows(s.text, m.end) {
        return m.end;
    }
    let mut name = if infra {
        None
    } else {
        // "Herring, supra", and without the comma, "Hensley supra".
        name_before(s.text, m.start).or_else(|| {
            let end = s.text[..m.start].strip_suffix(' ')?.len();
            name_ending_at(s.text, end)
        })
    };
    // "Part II-A, supra": a part of this opinion, not a source.
    let mut label_start = None;
    if name.as_ref().is_some_and(|n| is_part_of_document(&n.1)) {
        label_start = name.take().map(|n| n.0);
    }
    let mut pins = Vec::new();
    // "See n. 1, supra": a footnote of this opinion.
    if name.is_none() && label_start.is_none() {
        if let Some((at, note)) = note_before(s, m.start) {
            label_start = Some(at);
            pins = note;
        }
    }
    // "Kamisar, supra note 3, at 62".
    let mut after = m.end;
    let mut note = None;
    if let Some(c) = NOTE_WORD
        .captures(&s.text[after..])
        .filter(|_| name.is_some())
    {
        note = c[1].parse().ok();
        after += c.get(0).map_or(0, |g| g.end());
    }
    let end = pins_after(s, after, &mut pins);
    let start = name
        .as_ref()
        .map(|n| n.0)
        .or(label_start)
        .unwrap_or(m.start);
    let (form, authority) = match name {
        Some((_, case_name)) => (
            Form::Supra(Supra {
                case_name,
                note,
                target: None,
            }),
            None,
        ),
        None => {
            let direction = if infra {
                Direction::Infra
            } else {
                Direction::Supra
            };
            let labeled = label_start.is_some();
            let form = Form::Internal(Internal { direction, labeled });
            (form, Some(s.own.clone()))
        }
    };
    let mut c = s.cite(form, start..end);
    c.pins = pins;
    c.authority = authority;
    c.parenthetical = s.parenthetical(end);
    s.out.push(c);
    end
}

/// Whether a short case citation ("154 Cal.App.4th at p. 560") follows
/// the comma after "supra" ending at `end`.
fn short_case_follows(text: &str, end: usize) -> bool {
    let Some(rest) = text[end..].trim_start_matches(' ').strip_prefix(',') else {
        return false;
    };
    let at = text.len() - rest.trim_start_matches(' ').len();
    text[at..].starts_with(|c: char| c.is_ascii_digit())
        && case_at(text, at).is_some_and(|a| a.page.is_none() && a.blank.is_none())
}

/// A footnote named right before "supra" at `at` ("n. 1, supra"): where
/// it starts and its pins.
fn note_before(s: &Scanner<'_>, at: usize) -> Option<(usize, Vec<crate::citation::Pin>)> {
    let lo = floor_boundary(s.text, at.saturating_sub(SIGNAL_LOOKBACK));
    let g = NOTE_BEFORE.captures(&s.text[lo..at])?.get(1)?;
    let pins = footnote_pins(None, &FOOTNOTE.captures(g.as_str())?);
    Some((lo + g.start(), pins))
}

/// The pins after "supra" (", at 154", ", n. 5"), replacing or adding to
/// `pins`; where the citation ends.
fn pins_after(s: &Scanner<'_>, end: usize, pins: &mut Vec<crate::citation::Pin>) -> usize {
    let rest = &s.text[end..];
    // "LaFave, supra, §14.5(c)": a section of the book, no statute's.
    if let Some(sec) = COMMA_SECTION.find(rest) {
        return pins_after(s, end + sec.end(), pins);
    }
    if let Some(at) = COMMA_AT.find(rest) {
        if let Some(p) = s.pins_at(end + at.end()) {
            *pins = p.pins;
            return p.end;
        }
    } else if COMMA_NOTE.is_match(rest) {
        if let Some(f) = FOOTNOTE.captures(rest) {
            pins.extend(footnote_pins(None, &f));
            return end + f.get(0).map_or(0, |g| g.end());
        }
    }
    end
}

/// The lazily compiled patterns and tables above, which
/// [`crate::extract::prepare`] compiles ahead of their first use.
pub(super) const PATTERNS: &[fn()] =
    crate::extract::patterns![COMMA_AT, NOTE_WORD, COMMA_SECTION, COMMA_NOTE, NOTE_BEFORE];

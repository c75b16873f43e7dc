//! References: a case named after its full citation, without a reporter.
//! "Miranda at 467" (with a pin) and "In Miranda, the Court held" (a
//! mention in an opening phrase). Only names of full case citations
//! earlier in the document are read, so an ordinary "In June," is none.

use crate::citation::{CaseReference, Form};
use crate::extract::names::name_ending_at;
use crate::extract::scanner::{Scanner, re};
use crate::extract::titles;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// "at 467" after a name: the anchor ends on the pin's first digit.
pub(super) const AT: &str = r"(?-u:\b)at [0-9]";
/// "In Miranda,", "Under Miranda,": a name opening a sentence or clause.
pub(super) const OPENING: &str =
    r"(?-u:\b)(?:In|Under|Since|After|Unlike|Like|Following|Applying) [A-Z]";

/// A word before a number, where a reference by a source's short name may
/// end: "Black's 694", "Federalist, at 466".
pub(super) const SHORT_NAME: &str = r"(?-u:\b)[A-Z][A-Za-z'.&]*,?[^\S\n]+(?:at[^\S\n]+)?[0-9]";

static OPENING_NAME: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:In|Under|Since|After|Unlike|Like|Following|Applying) ((?:[A-Z][\w.'’&-]*|of|v\.)(?: (?:[A-Z][\w.'’&-]*|of|v\.))*),",
    )
});

/// "Miranda at 467". When it is none, scanning resumes at the digit, which
/// may begin a citation ("at 2 U. S. C. §441b").
pub(super) fn parse_at(s: &mut Scanner<'_>, m: Range<usize>) -> usize {
    read_at(s, m.clone()).unwrap_or(m.end - 1)
}

fn read_at(s: &mut Scanner<'_>, m: Range<usize>) -> Option<usize> {
    let before = s.text[..m.start].strip_suffix(' ')?;
    let (start, name) = name_ending_at(s.text, before.len())?;
    if !s.knows_name(&name) {
        return None;
    }
    push_pinned(s, start, name, m.end - 1)
}

/// "In Miranda, the Court held". When it is none, scanning resumes at the
/// name's first letter.
pub(super) fn parse_opening(s: &mut Scanner<'_>, m: Range<usize>) -> usize {
    // "“[In Maine,] many insurers...”": words put into a quotation.
    if s.text[..m.start].ends_with(['[', '"', '\'']) {
        return m.end - 1;
    }
    let Some(g) = OPENING_NAME
        .captures(&s.text[m.start..])
        .and_then(|c| c.get(1))
    else {
        return m.end - 1;
    };
    let name = g.as_str().to_string();
    // "In Miranda v. Arizona, 384 U. S. 436", "In Imbler, supra,": a
    // citation follows, which reads the name itself.
    let after = s.text[m.start + g.end() + 1..].trim_start_matches(' ');
    let cited = after.starts_with(|c: char| c.is_ascii_digit()) || after.starts_with("supra");
    if cited || !s.knows_name(&name) {
        return m.end - 1;
    }
    let range = m.start + g.start()..m.start + g.end();
    let form = Form::Reference(CaseReference {
        case_name: name,
        target: None,
    });
    let c = s.cite(form, range.clone());
    s.out.push(c);
    range.end
}

/// "Federalist 466", "H. R. Rep., at 3", "Black's 694": a source named by
/// the short name a "hereinafter" gave it, and its pins. When it is none,
/// scanning resumes after the anchor's first character.
pub(super) fn parse_short_name(s: &mut Scanner<'_>, m: Range<usize>) -> usize {
    read_short_name(s, &m).unwrap_or(m.start + 1)
}

fn read_short_name(s: &mut Scanner<'_>, m: &Range<usize>) -> Option<usize> {
    let word_end = m.start + s.text[m.start..m.end].find([',', ' '])?;
    let (start, name) = titles::short_name_ending_at(s, word_end)?;
    push_pinned(s, start, name, m.end - 1)
}

/// Pushes the reference to `name` (from `start`) pinned at the pins that
/// start at `pins_at` ("Miranda at 467"); returns where they end.
fn push_pinned(s: &mut Scanner<'_>, start: usize, name: String, pins_at: usize) -> Option<usize> {
    let p = s.pins_at(pins_at)?;
    let form = Form::Reference(CaseReference {
        case_name: name,
        target: None,
    });
    let mut c = s.cite(form, start..p.end);
    c.pins = p.pins;
    c.parenthetical = s.parenthetical(p.end);
    s.out.push(c);
    Some(p.end)
}

/// The lazily compiled patterns and tables above, which
/// [`crate::extract::prepare`] compiles ahead of their first use.
pub(super) const PATTERNS: &[fn()] = crate::extract::patterns![OPENING_NAME];

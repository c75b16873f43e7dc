//! Case citations, full ("Imbler v. Pachtman, 424 U. S. 409 (1976)") and
//! short ("Kalina, 522 U. S., at 125"): a volume, a reporter, and a page,
//! a blank page ("596 U. S. ___") or ", at".

use crate::citation::{Form, FullCase, Pin, ShortCase};
use crate::extract::names::name_before;
use crate::extract::reporters::{CaseAnchor, case_at};
use crate::extract::scanner::{Scanner, re};
use crate::extract::tables::{self, Reporter};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

static COURT_YEAR: LazyLock<Regex> =
    LazyLock::new(|| re(r"^[^\S\n]*\(([^()]{0,40}?)[^\S\n]*([0-9]{4})\)"));
/// A month and day closing a court parenthetical, before the year: "Mar.
/// 2,", "July 16,".
static DECISION_DATE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|[\s,])(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)\.?[^\S\n]+[0-9]{1,2},?$",
    )
});
static SLIP_OP_AT: LazyLock<Regex> = LazyLock::new(|| re(r"^slip op\.,[^\S\n]*at[^\S\n]+"));
/// The blank pins of a slip-opinion citation ("596 U. S. ___, ___", "___,
/// ___-___", "___, ___, and n. 4, ___"), also written after a first page
/// the volume has since given ("560 U. S. 330, ___").
static BLANK_PIN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:(?:,[^\S\n]*|[^\S\n]+)(?:_{2,}(?:[^\S\n]*-[^\S\n]*_{2,})?|(?:and[^\S\n]+|&[^\S\n]*)?nn?\.[^\S\n]*[0-9]{1,3}))+",
    )
});
/// "p. " or "pp. " before a pin, as California writes it.
static PAGE_WORD: LazyLock<Regex> = LazyLock::new(|| re(r"^pp?\.[^\S\n]*"));
/// A blank pin after ", at": "___" or a blank range "___-___".
static BLANK_AT: LazyLock<Regex> = LazyLock::new(|| re(r"^_{2,}(?:[^\S\n]*-[^\S\n]*_{2,})?"));

/// The anchor: a volume and the first character of a reporter spelling
/// (a case *candidate*); the trie of all spellings reads the rest
/// ([`case_at`]). Thousands of spellings kept out of the pattern make it
/// small: compiled in a fraction of the time, searched faster.
pub(super) fn anchor() -> String {
    let mut firsts: Vec<char> = tables::reporter_spellings()
        .filter_map(|s| s.trim_start().chars().next())
        .collect();
    firsts.sort_unstable();
    firsts.dedup();
    let class: String = firsts
        .iter()
        .map(|c| regex::escape(&c.to_string()))
        .collect();
    format!(r"(?:(?-u:\b)[0-9]{{1,4}} +[{class}])")
}

/// Reads the case citation whose candidate is `m`. A candidate that is no
/// case citation is passed by one character only: an "Id." may begin with
/// its last character.
pub(super) fn parse(s: &mut Scanner<'_>, m: Range<usize>) -> usize {
    match case_at(s.text, m.start) {
        Some(a) => read(s, &a).unwrap_or(a.whole.1),
        None => m.start + 1,
    }
}

/// What follows the reporter: the pins, where the citation ends, and
/// whether its pins were blank ("___, ___": slip pages).
struct Tail {
    pins: Vec<Pin>,
    end: usize,
    blank_pins: bool,
}

fn read(s: &mut Scanner<'_>, a: &CaseAnchor) -> Option<usize> {
    let text = s.text;
    let rep = tables::reporter(&text[a.rep.0..a.rep.1])?;
    let volume: u32 = text[a.vol.0..a.vol.1].parse().ok()?;
    let at = a.whole.0;
    let name = name_before(text, at);
    let start = name.as_ref().map_or(at, |n| n.0);
    // A parallel citation ("39 Minn. 181, 185, 39 N. W. 315") follows
    // the previous full citation after a comma: it shares its name.
    let parallel = name.is_none()
        && a.page.is_some()
        && text[..at].ends_with(", ")
        && s.out.last().is_some_and(|p| {
            p.full_case().is_some_and(|f| f.year.is_none()) && p.place.matching.end + 2 == at
        });
    let (full, first_page, mut tail) = match (a.page, a.blank) {
        (Some(p), _) => (true, text[p.0..p.1].parse().ok(), after_page(s, p.1)),
        (None, Some(b)) => (true, None, after_blank(s, b.1)),
        (None, None) => (false, None, after_at(s, a.whole.1)),
    };
    let (court, year) = if full {
        court_and_year(s, &mut tail)
    } else {
        (None, None)
    };
    let mut case_name = name.map(|n| n.1);
    let court_id = court.as_deref().and_then(|w| court_id(&rep, w));
    if parallel {
        if let Some(Form::FullCase(p)) = s.out.last_mut().map(|p| &mut p.form) {
            case_name.clone_from(&p.case_name);
            p.year = year;
            p.court.clone_from(&court);
            p.court_id = court_id;
        }
    }
    let end = tail.end;
    let parenthetical = s.parenthetical(end);
    // "596 U. S. ___, ___ (2022) (slip op., at 8)": the pin of a
    // blank-page citation is a slip-opinion page. A case whose volume
    // gives its first page has no such pin: the slip page is no page of
    // the volume. (A short citation learns which it is on resolving.)
    if tail.pins.is_empty() && parenthetical.is_some() && first_page.is_none() {
        tail.pins = slip_op_pins(s, end).unwrap_or_default();
    }
    let reporter = rep.canonical.to_string();
    let (form, authority) = if full {
        let authority = match first_page {
            Some(p) => Some(format!("{volume} {reporter} {p}")),
            None => case_name
                .as_ref()
                .map(|n| format!("{n}, {volume} {reporter} ___")),
        };
        let form = Form::FullCase(FullCase {
            volume,
            reporter,
            database: rep.is_database(),
            first_page,
            case_name,
            court,
            court_id,
            year,
            parallel,
        });
        (form, authority)
    } else {
        let blank_pin = tail.blank_pins;
        let form = Form::ShortCase(ShortCase {
            volume,
            reporter,
            case_name,
            blank_pin,
        });
        (form, None)
    };
    let mut c = s.cite(form, start..end);
    c.pins = tail.pins;
    c.parenthetical = parenthetical;
    c.authority = authority;
    s.out.push(c);
    Some(end)
}

/// After a first page: pins ("409, 428, 430"), or blank pins ("560 U. S.
/// 330, ___": the volume is out, its pages not).
fn after_page(s: &Scanner<'_>, end: usize) -> Tail {
    if let Some(p) = s.more_pins(end) {
        return Tail {
            pins: p.pins,
            end: p.end,
            blank_pins: false,
        };
    }
    after_blank(s, end)
}

/// After a blank page ("596 U. S. ___"): blank pins, if any.
fn after_blank(s: &Scanner<'_>, end: usize) -> Tail {
    match BLANK_PIN.find(&s.text[end..]) {
        Some(bp) => Tail {
            pins: Vec::new(),
            end: end + bp.end(),
            blank_pins: true,
        },
        None => Tail {
            pins: Vec::new(),
            end,
            blank_pins: false,
        },
    }
}

/// After ", at " (anchor end `m_end`): the pins of a short citation, or a
/// blank ("___").
fn after_at(s: &Scanner<'_>, m_end: usize) -> Tail {
    // ", at ___" may be written without the space ("at___"): the anchor
    // then ends on the blank's first stroke.
    let tail = if s.text[..m_end].ends_with('_') {
        m_end - 1
    } else {
        m_end
    };
    // California's "154 Cal.App.4th at p. 560".
    let page_word = PAGE_WORD.find(&s.text[tail..]).map_or(0, |w| w.end());
    if let Some(p) = s.pins_at(tail + page_word) {
        return Tail {
            pins: p.pins,
            end: p.end,
            blank_pins: false,
        };
    }
    match BLANK_AT.find(&s.text[tail..]) {
        Some(bp) => Tail {
            pins: Vec::new(),
            end: tail + bp.end(),
            blank_pins: true,
        },
        None => Tail {
            pins: Vec::new(),
            end: m_end - 1,
            blank_pins: false,
        },
    }
}

/// The closing parenthetical of a full citation, "(CA9 2007)": the court
/// as written and the year; moves `tail` past it.
fn court_and_year(s: &Scanner<'_>, tail: &mut Tail) -> (Option<String>, Option<u16>) {
    let text = s.text;
    // "___, ___, (2011)": a stray comma after blank pins.
    if tail.blank_pins
        && text[tail.end..].starts_with(',')
        && COURT_YEAR.is_match(&text[tail.end + 1..])
    {
        tail.end += 1;
    }
    let Some(cy) = COURT_YEAR.captures(&text[tail.end..]) else {
        return (None, None);
    };
    let written = cy[1].trim();
    // "(S.D.N.Y. Mar. 2, 2020)": the date of decision is no part of the court.
    let written = DECISION_DATE.find(written).map_or(written, |d| {
        written[..d.start()].trim_end_matches([',', ' '])
    });
    let no_court = written.is_empty() || matches!(written, "decided" | "filed" | "dated");
    let court = (!no_court).then(|| written.to_string());
    let year = cy[2].parse().ok();
    tail.end += cy.get(0).map_or(0, |g| g.end());
    (court, year)
}

/// The courts-db id of a court as written after a reporter: a district
/// court reporter reads the Supreme Court's short forms of single-district
/// States ("(Mass. 1999)") as that district.
fn court_id(rep: &Reporter, written: &str) -> Option<&'static str> {
    let district = rep.canonical.starts_with("F. Supp") || rep.canonical == "F.R.D.";
    if district {
        tables::district_court_id(written)
    } else {
        tables::court_id(written)
    }
}

/// The pins of "(slip op., at 8)" in the parenthetical after `end`.
fn slip_op_pins(s: &Scanner<'_>, end: usize) -> Option<Vec<Pin>> {
    let open = end + s.text[end..].find('(').unwrap_or(0) + 1;
    let at = SLIP_OP_AT.find(&s.text[open..])?;
    s.pins_at(open + at.end()).map(|p| p.pins)
}

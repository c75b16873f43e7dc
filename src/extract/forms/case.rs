//! Case citations, full ("Imbler v. Pachtman, 424 U. S. 409 (1976)") and
//! short ("Kalina, 522 U. S., at 125", "454 U.S. at 241"): a volume, a
//! reporter, and a page, a blank page ("596 U. S. ___") or "at".
//!
//! What every case citation shares, whatever its form (the public-domain
//! forms of [`super::neutral`] too), is read here by [`read`]: the name
//! before it, the pins, the court and year, a parallel citation's bond to
//! the one before, subsequent history.

use crate::citation::{Form, FullCase, History, Pin, PinUnit, ShortCase, push_number};
use crate::extract::names::{italic_name_before, name_before, name_ending_at};
use crate::extract::reporters::{self, CaseAnchor, case_at};
use crate::extract::scanner::{Scanner, re, skip_spaces, without_end_spaces};
use crate::extract::tables::{self, Reporter};
use crate::law::pages;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// A court and year closing a full citation: "(CA9 2007)", "(1976)", and
/// New York's "[1st Dept 1989]"; within the citation's block (a line of
/// the matching text).
static COURT_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^[^\S\n]*(?:\(([^()\n]{0,40}?)[^\S\n]*([0-9]{4})\)|\[([^\[\]\n]{0,40}?)[^\S\n]*([0-9]{4})\])",
    )
});
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
/// The suffix of a public-domain number: "143684-B", "2012 IL 111733-U",
/// "143684WC".
static PAGE_SUFFIX: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:-[A-Z]|WC)(?-u:\b)"));
/// "at" between a page and its pin, without a comma.
static AT_WITHOUT_COMMA: LazyLock<Regex> = LazyLock::new(|| re(r"^[^\S\n]+at[^\S\n]+"));
/// "p. " or "pp. " before a pin, as California writes it.
static PAGE_WORD: LazyLock<Regex> = LazyLock::new(|| re(r"^pp?\.[^\S\n]*"));
/// A blank pin after ", at": "___" or a blank range "___-___".
static BLANK_AT: LazyLock<Regex> = LazyLock::new(|| re(r"^_{2,}(?:[^\S\n]*-[^\S\n]*_{2,})?"));
/// The year California and the Supreme Court's older style write between
/// the name and the volume: "People v. Smith (2009) 173 Cal.App.4th 655".
static YEAR_BEFORE: LazyLock<Regex> = LazyLock::new(|| re(r"[^\S\n]\(([0-9]{4})\)[^\S\n]+$"));
/// The year of a volume numbered within its year, in brackets after the
/// name and its comma, as Commonwealth reporters are cited: "Thomson v.
/// Thomson, [1994] 3 S.C.R. 551".
static BRACKETED_YEAR: LazyLock<Regex> = LazyLock::new(|| re(r",[^\S\n]+\[([0-9]{4})\][^\S\n]+$"));
/// A name and "supra" before a short citation, as California writes it:
/// "Yield Dynamics, supra, 154 Cal.App.4th at p. 560".
static SUPRA_BEFORE: LazyLock<Regex> = LazyLock::new(|| re(r",[^\S\n]*supra[^\S\n]?,[^\S\n]+$"));
/// The relation of subsequent history written before a citation: ",
/// aff'd, ", ", cert. denied, ", ", aff'd in part, rev'd in part, ".
static HISTORY_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    let one = concat!(
        r"(?:aff'd|rev'd|vacated|modified|remanded|reinstated|dismissed|superseded|",
        r"cert\.[^\S\n]*(?:denied|granted|dismissed)|reh'g(?:[^\S\n]+en[^\S\n]+banc)?[^\S\n]+(?:denied|granted)|",
        r"appeal[^\S\n]+(?:dismissed|denied)|overruled|abrogated)",
        r"(?:[^\S\n]+(?:in[^\S\n]+part|on[^\S\n]+other[^\S\n]+grounds|as[^\S\n]+moot|per[^\S\n]+curiam|by))?"
    );
    re(&format!(
        r",[^\S\n]*(?P<rel>{one}(?:(?:,[^\S\n]*|[^\S\n]+(?:and|&)[^\S\n]+){one})*)(?:,[^\S\n]*sub[^\S\n]+nom\.[^,]{{1,80}})?,[^\S\n]*$"
    ))
});

/// How far back before a citation its subsequent-history phrase is looked
/// for, in bytes.
const HISTORY_LOOKBACK: usize = 120;

/// The anchor: a volume and the first character of a reporter spelling
/// (a case *candidate*); the trie of all spellings reads the rest
/// ([`case_at`]). Thousands of spellings kept out of the pattern make it
/// small: compiled in a fraction of the time, searched faster.
pub(super) fn anchor() -> String {
    let mut firsts: Vec<char> = reporters::anchor_spellings()
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
    let Some(a) = case_at(s.text, m.start) else {
        // "52 Howard L. J. 674": a periodical reporters-db does not list.
        return super::journal::parse_unlisted(s, m.start).unwrap_or(m.start + 1);
    };
    if a.journal {
        return super::journal::parse(s, &a);
    }
    head_of(s, &a)
        .and_then(|head| read(s, head))
        .unwrap_or(a.whole.1)
}

/// What comes after a case citation's reporter.
pub(super) enum After {
    /// A first page, ending at the offset given.
    Page(u32, usize),
    /// A blank page ("596 U. S. ___"), ending at the offset given.
    Blank(usize),
    /// "at" or ", at" of a short citation, ending at the offset given.
    At(usize),
}

/// A case citation as its form read it, before what all forms share.
pub(super) struct Head {
    /// Where its volume (or year) starts.
    pub(super) at: usize,
    pub(super) volume: u32,
    /// The reporter's canonical abbreviation.
    pub(super) reporter: String,
    /// The reporters-db edition, when it is one (public-domain forms
    /// outside reporters-db are not).
    pub(super) edition: Option<Reporter>,
    /// For an abbreviation several reporters share: each of them.
    pub(super) candidates: Vec<Reporter>,
    pub(super) after: After,
    /// The key when the form writes it otherwise than "volume reporter
    /// page" ("2006-Ohio-2095").
    pub(super) key: Option<String>,
    pub(super) nominative: Option<(u32, String)>,
}

/// The head of a volume-reporter citation found by the trie.
fn head_of(s: &Scanner<'_>, a: &CaseAnchor) -> Option<Head> {
    let text = s.text;
    let spelling = &text[a.rep.0..a.rep.1];
    let edition = tables::reporter(spelling)?;
    let volume: u32 = text[a.vol.0..a.vol.1].parse().ok()?;
    let mut key = None;
    let after = match (a.page, a.blank) {
        (Some(p), _) if text[p.0..p.1].starts_with(|c: char| c.is_ascii_lowercase()) => {
            // A front-matter page in roman numerals: no page number.
            let page = &text[p.0..p.1];
            key = Some(format!("{volume} {} {page}", edition.canonical));
            After::Blank(p.1)
        }
        (Some(p), _) if text[..p.0].trim_end_matches(' ').ends_with('¶') => {
            // "103 FERC ¶61,082": a paragraph for a page.
            let written = &text[p.0..p.1];
            let page: u32 = written.replace(',', "").parse().ok()?;
            key = Some(format!("{volume} {} ¶ {written}", edition.canonical));
            After::Page(page, p.1)
        }
        (Some(p), _) => {
            let page: u32 = text[p.0..p.1].parse().ok()?;
            // "2017 IL App (1st) 143684-B", "1993 Conn. Super. Ct. 5243-P":
            // the suffix of a number in a volume of a year.
            let by_year = edition.cite_type == "neutral" || volume >= 1600;
            let suffix = by_year
                .then(|| PAGE_SUFFIX.find(&text[p.1..]))
                .flatten()
                .map_or("", |m| m.as_str());
            if !suffix.is_empty() {
                key = Some(format!("{volume} {} {page}{suffix}", edition.canonical));
            }
            After::Page(page, p.1 + suffix.len())
        }
        (None, Some(b)) => After::Blank(b.1),
        (None, None) => After::At(a.whole.1),
    };
    let nominative = a.nominative.and_then(|(v, r)| {
        let rep = tables::reporter(&text[r.0..r.1])?;
        Some((text[v.0..v.1].parse().ok()?, rep.canonical.to_string()))
    });
    Some(Head {
        at: a.whole.0,
        volume,
        reporter: edition.canonical.to_string(),
        edition: Some(edition),
        candidates: tables::reporter_candidates(spelling),
        after,
        key,
        nominative,
    })
}

/// What follows the reporter: the pins, where the citation ends, and
/// whether its pins were blank ("___, ___": slip pages).
struct Tail {
    pins: Vec<Pin>,
    end: usize,
    blank_pins: bool,
}

/// The name a case citation at `at` follows, and the year written before
/// the volume: "Kalina, 522 U. S.", "People v. Smith (2009) 173
/// Cal.App.4th", "Yield Dynamics, supra, 154 Cal.App.4th".
fn name_and_year_before(text: &str, at: usize) -> (Option<(usize, String)>, Option<u16>) {
    if let Some(n) = name_before(text, at) {
        return (Some(n), None);
    }
    let lo = at.saturating_sub(16);
    let lo = (lo..at).find(|&i| text.is_char_boundary(i)).unwrap_or(at);
    // Each pattern ends with its own mark and spaces: asked only when the
    // text does.
    let window = &text[lo..at];
    let last = without_end_spaces(window).chars().next_back();
    if let Some(y) = (last == Some(')'))
        .then(|| YEAR_BEFORE.captures(window))
        .flatten()
    {
        let end = lo + y.get(0).map_or(0, |g| g.start());
        return (california_name(text, end), y[1].parse().ok());
    }
    if let Some(y) = (last == Some(']'))
        .then(|| BRACKETED_YEAR.captures(window))
        .flatten()
    {
        let end = lo + y.get(0).map_or(0, |g| g.start());
        return (name_ending_at(text, end), y[1].parse().ok());
    }
    if let Some(m) = (last == Some(','))
        .then(|| SUPRA_BEFORE.find(window))
        .flatten()
    {
        return (name_ending_at(text, lo + m.start()), None);
    }
    (None, None)
}

/// A California case name ending at `end`, which may close with the real
/// party in parentheses: "People v. Superior Court (Zamudio)".
fn california_name(text: &str, end: usize) -> Option<(usize, String)> {
    let before = &text[..end];
    if !before.ends_with(')') {
        return name_ending_at(text, end);
    }
    let open = before.rfind('(')?;
    let party = &before[open..];
    if party.len() > 60 || party.matches(')').count() > 1 {
        return name_ending_at(text, end);
    }
    let name_end = before[..open].trim_end_matches(' ').len();
    let (start, name) = name_ending_at(text, name_end)?;
    Some((start, format!("{name} {party}")))
}

/// Reads what every case citation shares around its head; where the
/// citation ends.
pub(super) fn read(s: &mut Scanner<'_>, head: Head) -> Option<usize> {
    let text = s.text;
    let at = head.at;
    let (name, year_before) = match italic_name_before(text, s.norm, at) {
        Some(n) => (Some(n), None),
        None => name_and_year_before(text, at),
    };
    let start = name.as_ref().map_or(at, |n| n.0);
    let parallel = name.is_none() && matches!(head.after, After::Page(..)) && follows_full(s, at);
    let history = if name.is_none() && !parallel {
        history_before(s, at)
    } else {
        None
    };
    let (full, first_page, mut tail) = match head.after {
        After::Page(page, end) => (true, Some(page), after_page(s, page, end)),
        After::Blank(end) => (true, None, after_blank(s, end)),
        After::At(end) => (false, None, after_at(s, end)),
    };
    let bracketed = parallel && text[..at].ends_with('[');
    let (court, year) = if full && !bracketed {
        court_and_year(s, &mut tail)
    } else {
        (None, None)
    };
    let year = year.or(year_before);
    let mut case_name = name.map(|n| n.1);
    let court_id = court
        .as_deref()
        .and_then(|w| court_id(head.edition.as_ref(), w));
    if parallel {
        if let Some(Form::FullCase(p)) = s.out.last_mut().map(|p| &mut p.form) {
            case_name.clone_from(&p.case_name);
            if !bracketed {
                p.year = year;
                p.court.clone_from(&court);
                p.court_id = court_id;
            }
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
    // "Bender, 1997 WL 582901, at *3" after its full citation: the short
    // form of a database citation, which repeats its number.
    let database = head.edition.is_some_and(|e| e.is_database());
    // Made only for a database citation, the one kind that asks it.
    let key = database
        .then(|| {
            head.key
                .clone()
                .or_else(|| first_page.map(|p| format!("{} {} {p}", head.volume, head.reporter)))
        })
        .flatten();
    let repeated = database
        && court.is_none()
        && year.is_none()
        && key.as_ref().is_some_and(|k| s.database_keys.contains(k));
    let full = full && !repeated;
    if full && database {
        s.database_keys.extend(key);
    }
    let (form, authority, warning) = if full {
        let mut c = FullCase {
            volume: head.volume,
            reporter: head.reporter,
            database: head.edition.is_some_and(|e| e.is_database()),
            first_page,
            case_name,
            court,
            court_id,
            year,
            parallel,
            nominative: head.nominative,
            history,
            candidates: Vec::new(),
        };
        let (authority, warning) = authority_of(&mut c, head.key, &head.candidates);
        (Form::FullCase(c), authority, warning)
    } else {
        let form = Form::ShortCase(ShortCase {
            volume: head.volume,
            reporter: head.reporter,
            case_name,
            number: first_page.filter(|_| repeated),
            blank_pin: tail.blank_pins,
        });
        (form, None, None)
    };
    if let Some(name) = full_name(&form) {
        s.know_name(&name);
    }
    let mut c = s.cite(form, start..end);
    c.pins = tail.pins;
    c.parenthetical = parenthetical;
    c.authority = authority;
    c.warnings.extend(warning);
    s.out.push(c);
    Some(end)
}

/// The name of a full citation, which references after it may use.
fn full_name(form: &Form) -> Option<String> {
    match form {
        Form::FullCase(c) if !c.parallel => c.case_name.clone(),
        _ => None,
    }
}

/// Whether the citation at `at` follows the full citation before it right
/// after a comma ("39 Minn. 181, 185, 39 N. W. 315") or in brackets
/// (California's "173 Cal.App.4th 655 [92 Cal.Rptr.3d 784]"): a parallel
/// citation of the same case.
fn follows_full(s: &Scanner<'_>, at: usize) -> bool {
    let before = &s.text[..at];
    let bracket = before.ends_with('[');
    let sep = if before.ends_with(", ") || before.ends_with(" [") {
        2
    } else if bracket {
        1
    } else {
        return false;
    };
    // After a comma the citation before has no year yet: "54 Wis. 539, 11
    // N. W. 703 (1882)". In brackets it may: "(2009) 173 Cal.App.4th 655".
    s.out.last().is_some_and(|p| {
        p.full_case().is_some_and(|f| f.year.is_none() || bracket)
            && p.place.matching.end + sep == at
    })
}

/// The subsequent history a nameless full citation at `at` is of: the
/// relation written before it (", aff'd, ") right after a full case
/// citation and its parentheticals.
fn history_before(s: &Scanner<'_>, at: usize) -> Option<History> {
    let text = s.text;
    let lo = at.saturating_sub(HISTORY_LOOKBACK);
    let lo = (lo..at).find(|&i| text.is_char_boundary(i)).unwrap_or(at);
    if !without_end_spaces(&text[lo..at]).ends_with(',') {
        return None;
    }
    let caps = HISTORY_BEFORE.captures(&text[lo..at])?;
    let phrase_start = lo + caps.get(0)?.start();
    let prev = s.out.iter().rev().find(|c| c.full_case().is_some())?;
    if s.past_parentheticals(prev.place.matching.end) != phrase_start {
        return None;
    }
    // The history of a history citation is the main case's.
    let of = match prev.full_case().and_then(|f| f.history.as_ref()) {
        Some(h) => h.of.clone(),
        None => prev.authority.clone(),
    };
    let relation = caps["rel"].split_whitespace().collect::<Vec<_>>().join(" ");
    Some(History { relation, of })
}

/// The authority key of a full citation, and a warning when an ambiguous
/// reporter abbreviation leaves it unknown. The year chooses among the
/// reporters an abbreviation may mean when it fits one only.
fn authority_of(
    c: &mut FullCase,
    key: Option<String>,
    candidates: &[Reporter],
) -> (Option<String>, Option<String>) {
    if candidates.len() > 1 {
        let fitting: Vec<&Reporter> = match c.year {
            Some(y) => candidates.iter().filter(|r| r.covers_year(y)).collect(),
            None => candidates.iter().collect(),
        };
        if let [only] = fitting[..] {
            c.reporter = only.canonical.to_string();
        } else {
            let keys = |r: &&Reporter| match c.first_page {
                Some(p) => format!("{} {} {p}", c.volume, r.canonical),
                None => format!("{} {} ___", c.volume, r.canonical),
            };
            let pool = if fitting.is_empty() {
                candidates.iter().collect()
            } else {
                fitting
            };
            c.candidates = pool.iter().map(keys).collect();
            let names: Vec<&str> = pool.iter().map(|r| r.canonical).collect();
            let w = format!(
                "the reporter abbreviation may mean {}: cited as {}",
                names.join(" or "),
                c.candidates.join(", ")
            );
            return (None, Some(w));
        }
    }
    let authority = key.or_else(|| match c.first_page {
        Some(p) => Some(page_key(c.volume, &c.reporter, p)),
        None => c
            .case_name
            .as_ref()
            .map(|n| format!("{n}, {} {} ___", c.volume, c.reporter)),
    });
    (authority, None)
}

/// The key of a case by its first page, "{volume} {reporter} {page}",
/// made without the formatting machinery (it is made for every case).
fn page_key(volume: u32, reporter: &str, page: u32) -> String {
    let mut key = String::with_capacity(reporter.len() + 22);
    push_number(&mut key, volume);
    key.push(' ');
    key.push_str(reporter);
    key.push(' ');
    push_number(&mut key, page);
    key
}

/// After a first page: pins ("409, 428, 430"), or blank pins ("560 U. S.
/// 330, ___": the volume is out, its pages not).
fn after_page(s: &Scanner<'_>, first: u32, end: usize) -> Tail {
    // "1997 WL 582901 at *3": a pin after "at" without a comma.
    let at = AT_WITHOUT_COMMA.find(&s.text[end..]).map(|m| end + m.end());
    let pins = s.more_pins(end).or_else(|| at.and_then(|at| s.pins_at(at)));
    if let Some(mut p) = pins {
        split_joined_ranges(first, &mut p.pins);
        return Tail {
            pins: p.pins,
            end: p.end,
            blank_pins: false,
        };
    }
    after_blank(s, end)
}

/// Reads as ranges the pages that are no page of the opinion and are a
/// range whose hyphen a PDF-to-text tool dropped ("330, 33536").
fn split_joined_ranges(first: u32, pins: &mut [Pin]) {
    for pin in pins {
        if pin.end.is_some() || pin.unit != PinUnit::Page {
            continue;
        }
        let joined = pin.page.and_then(|p| pages::joined_range(first, p));
        if let Some((start, end)) = joined {
            pin.page = Some(start);
            pin.end = Some(end);
        }
    }
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
    let opens = skip_spaces(&text[tail.end..]).starts_with(['(', '[']);
    let Some(cy) = opens.then(|| COURT_YEAR.find(&text[tail.end..])).flatten() else {
        return (None, None);
    };
    let (written, year) = written_and_year(cy.as_str());
    let written = written.trim();
    // "(S.D.N.Y. Mar. 2, 2020)": the date of decision is no part of the court.
    let written = DECISION_DATE.find(written).map_or(written, |d| {
        written[..d.start()].trim_end_matches([',', ' '])
    });
    let no_court = written.is_empty() || matches!(written, "decided" | "filed" | "dated");
    let court = (!no_court).then(|| written.to_string());
    tail.end += cy.end();
    (court, year.parse().ok())
}

/// What a match of [`COURT_YEAR`] writes before the year, and the year,
/// read without capture groups: inside the parenthesis or brackets after
/// the spaces, the year is the last four digits (the spaces before it stay
/// with what is written, to be trimmed).
fn written_and_year(found: &str) -> (&str, &str) {
    let marked = skip_spaces(found);
    // The opening and closing marks are one byte each.
    let inside = marked.get(1..marked.len().saturating_sub(1)).unwrap_or("");
    inside
        .split_at_checked(inside.len().saturating_sub(4))
        .unwrap_or(("", inside))
}

/// The courts-db id of a court as written after a reporter: a district
/// court reporter reads the Supreme Court's short forms of single-district
/// States ("(Mass. 1999)") as that district.
fn court_id(rep: Option<&Reporter>, written: &str) -> Option<&'static str> {
    let district =
        rep.is_some_and(|r| r.canonical.starts_with("F. Supp") || r.canonical == "F.R.D.");
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

/// The lazily compiled patterns and tables above, which
/// [`crate::extract::prepare`] compiles ahead of their first use.
pub(super) const PATTERNS: &[fn()] = crate::extract::patterns![
    COURT_YEAR,
    DECISION_DATE,
    SLIP_OP_AT,
    BLANK_PIN,
    PAGE_SUFFIX,
    AT_WITHOUT_COMMA,
    PAGE_WORD,
    BLANK_AT,
    YEAR_BEFORE,
    BRACKETED_YEAR,
    SUPRA_BEFORE,
    HISTORY_BEFORE
];

#[cfg(test)]
mod tests {
    use super::*;

    /// What is written and the year read without capture groups are the pattern's
    /// groups (what is written trimmed, as it is read), at every
    /// parenthesis and bracket of the shipped texts and in forms written
    /// to try it.
    #[test]
    fn written_and_year_are_the_patterns_groups() {
        let mut texts: Vec<String> = [
            " (CA9 2010)",
            "(2010)",
            "  [1994] 3",
            "(S.D.N.Y. Mar. 2,\u{a0} 2020)",
            "( 1999)",
            "(Mass.1999)",
            "[Eng. 1800]",
            "(decided 2001)",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        for (_, text) in crate::shipped::texts() {
            let matching = crate::normalize::normalize(&text).matching().to_string();
            for (i, _) in matching.match_indices(['(', '[']) {
                texts.push(matching[i.saturating_sub(1)..].to_string());
            }
        }
        let mut found = 0;
        for t in &texts {
            let Some(c) = COURT_YEAR.captures(t) else {
                assert!(COURT_YEAR.find(t).is_none());
                continue;
            };
            let group = |i: usize| c.get(i).map_or("", |g| g.as_str());
            let want = if c.get(1).is_some() {
                (group(1).trim(), group(2))
            } else {
                (group(3).trim(), group(4))
            };
            let (written, year) = written_and_year(COURT_YEAR.find(t).map_or("", |m| m.as_str()));
            assert_eq!((written.trim(), year), want, "{t:.60}");
            found += 1;
        }
        assert!(found > 400, "{found} court parentheticals compared");
    }
}

//! Legislative materials: committee reports and documents ("H. R. Rep.
//! No. 95-595, p. 363 (1977)", "S. Rep. No. 1, 80th Cong., 1st Sess.,
//! 38-39 (1947)", "H. R. Conf. Rep. No. 104-458", "S. Treaty Doc. No.
//! 99-11, at 7"), the Congressional Record ("124 Cong. Rec. 32392
//! (1978)", "149 Cong. Rec. H8793"), the Congressional Globe ("Cong.
//! Globe, 39th Cong., 1st Sess., 474 (1866)") and hearings ("Hearings on
//! H. R. 3 before the House Committee on Ways and Means, 95th Cong., 1st
//! Sess., 45 (1977)"), keyed by their title.
//!
//! A report or document is keyed "H.R. Rep. No. 95-595"; one numbered
//! within its Congress, by the Congress and number ("S. Rep. No. 80-1").

use crate::citation::{Chamber, DocumentSeries, Form, Legislative, Pin};
use crate::extract::scanner::{Scanner, floor_boundary, re, squeeze, squeeze_spaced};
use crate::extract::titles;
use regex::{Captures, Regex};
use std::ops::Range;
use std::sync::LazyLock;

/// A report or document of a house: "H. R. Rep. No. 9", "S. Treaty Doc.
/// No. 9": the anchor ends on the number's first digit.
pub(super) const REPORT: &str = concat!(
    r"(?-u:\b)(?P<chamber>H\.[^\S\n]*R\.|S\.)[^\S\n]*",
    r"(?P<series>Conf\.[^\S\n]*Rep\.|Rep\.|Treaty[^\S\n]+Doc\.|Exec\.[^\S\n]*Doc\.|Misc\.[^\S\n]*Doc\.|Doc\.)",
    r"[^\S\n]*No\.[^\S\n]*[0-9]",
);
/// A volume and page of the Congressional Record: "124 Cong. Rec. 3",
/// "149 Cong. Rec. H8": the anchor ends on the page's first digit.
pub(super) const RECORD: &str =
    r"(?-u:\b)[0-9]{1,3}[^\S\n]+Cong\.[^\S\n]*Rec\.[^\S\n]+(?:[HSE][^\S\n]*)?[0-9]";
/// The Congressional Globe.
pub(super) const GLOBE: &str = r"(?-u:\b)Cong\.[^\S\n]*Globe(?-u:\b)";
/// A hearing: "Hearings on", "Hearing before", "Joint Hearing on".
pub(super) const HEARING: &str = r"(?-u:\b)(?:Joint[^\S\n]+)?Hearings?[^\S\n]+(?:on|before)[^\S\n]";

static REPORT_PARTS: LazyLock<Regex> = LazyLock::new(|| re(&format!("^(?:{REPORT})")));
/// A report's number: "95-595", "98- 1159", "1".
static NUMBER: LazyLock<Regex> =
    LazyLock::new(|| re(r"^[0-9]{1,4}(?:[^\S\n]*-[^\S\n]*[0-9]{1,5})?(?-u:\b)"));
/// The Congress and session after a number or title: ", 80th Cong., 1st
/// Sess.".
static CONGRESS: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"^,[^\S\n]*(?P<congress>[0-9]{1,3})(?:st|nd|rd|d|th)[^\S\n]+Cong\.",
        r"(?:,[^\S\n]*(?P<session>[0-9])(?:st|nd|rd|d|th)[^\S\n]+Sess\.?)?",
    ))
});
/// A part of a report or hearing: ", pt. 1".
static PART: LazyLock<Regex> =
    LazyLock::new(|| re(r"^,[^\S\n]*pts?\.[^\S\n]*[0-9IVX]{1,4}[A-Z]?(?-u:\b)"));
/// What stands before a pin: ", p. ", ", pp. ", ", at ", and after a
/// session a comma alone (", 38-39").
static PIN_WORD: LazyLock<Regex> =
    LazyLock::new(|| re(r"^,[^\S\n]*(?P<word>pp?\.[^\S\n]*|at[^\S\n]+|App\.[^\S\n]*)?"));
/// The date closing a citation: "(1977)", "(Sept. 24, 2003)", "(daily ed.
/// Sept. 24, 2003)", "(1991) (uncorrected copy)" in part.
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^[^\S\n]*\((?:daily[^\S\n]+ed\.[^\S\n]+)?(?:[A-Z][a-z]+\.?[^\S\n]+[0-9]{1,2},[^\S\n]*)?[0-9]{4}\)",
    )
});
/// The Globe's Congress and session: "Cong. Globe, 39th Cong., 1st
/// Sess.,".
static GLOBE_PARTS: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"^Cong\.[^\S\n]*Globe,?[^\S\n]+(?P<congress>[0-9]{1,3})(?:st|nd|rd|d|th)[^\S\n]+Cong\.,",
        r"[^\S\n]*(?P<session>[0-9])(?:st|nd|rd|d|th)[^\S\n]+Sess\.",
    ))
});
/// A volume and page of the Record.
static RECORD_PARTS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?P<volume>[0-9]{1,3})[^\S\n]+Cong\.[^\S\n]*Rec\.[^\S\n]+(?P<page>(?:[HSE][^\S\n]*)?[0-9]{1,6})(?-u:\b)",
    )
});
/// The Congress a hearing's title runs up to.
static HEARING_CONGRESS: LazyLock<Regex> =
    LazyLock::new(|| re(r",[^\S\n]*[0-9]{1,3}(?:st|nd|rd|d|th)[^\S\n]+Cong\."));
/// The longest hearing title read, in bytes.
const HEARING_MAX: usize = 400;
/// The longest subject title read before a hearing's "Hearing", in bytes.
const SUBJECT_MAX: usize = 160;

/// A committee report or a document of a house.
pub(super) fn parse_report(s: &mut Scanner<'_>, m: Range<usize>) -> usize {
    read_report(s, &m).unwrap_or(m.end)
}

fn read_report(s: &mut Scanner<'_>, m: &Range<usize>) -> Option<usize> {
    let caps = s.parts(&REPORT_PARTS, m)?;
    let chamber = match squeeze(&caps["chamber"]).as_str() {
        "S." => Chamber::Senate,
        _ => Chamber::House,
    };
    let series = squeeze_spaced(&caps["series"]);
    let num_at = m.end - 1;
    let num = NUMBER.find(&s.text[num_at..])?;
    let mut number = squeeze(num.as_str());
    let mut end = num_at + num.end();
    let congress = CONGRESS.captures(&s.text[end..]);
    let session = congress
        .as_ref()
        .is_some_and(|c| c.name("session").is_some());
    if let Some(c) = &congress {
        if !number.contains('-') {
            number = format!("{}-{number}", &c["congress"]);
        }
        end += c.get(0).map_or(0, |g| g.end());
    }
    let form = match series.as_str() {
        "Rep." | "Conf. Rep." => Legislative::Report {
            chamber,
            conference: series.starts_with("Conf."),
            number,
        },
        other => Legislative::Document {
            chamber,
            series: match other {
                "Treaty Doc." => DocumentSeries::Treaty,
                "Exec. Doc." => DocumentSeries::Executive,
                "Misc. Doc." => DocumentSeries::Miscellaneous,
                _ => DocumentSeries::Document,
            },
            number,
        },
    };
    let (pins, end) = pins_after(s, end, session);
    Some(push(s, form, m.start..end, pins))
}

/// After a report's number, session or a hearing's title (`end`): a
/// part, then the pins (", p. 363", ", at 180", after a session ", 45")
/// and the date; the pins and where the citation ends.
fn pins_after(s: &Scanner<'_>, mut end: usize, session: bool) -> (Vec<Pin>, usize) {
    if let Some(p) = PART.find(&s.text[end..]) {
        end += p.end();
    }
    let mut pins = Vec::new();
    if let Some(w) = PIN_WORD.captures(&s.text[end..]) {
        let worded = w.name("word").is_some();
        let at = end + w.get(0).map_or(0, |g| g.end());
        if worded || session {
            if let Some(p) = s.pins_at(at) {
                pins = p.pins;
                end = p.end;
            }
        }
    }
    if let Some(d) = DATE.find(&s.text[end..]) {
        end += d.end();
    }
    (pins, end)
}

/// Pushes a legislative citation over `range` with its key; returns where
/// it ends.
fn push(s: &mut Scanner<'_>, form: Legislative, range: Range<usize>, pins: Vec<Pin>) -> usize {
    let end = range.end;
    let start = range.start;
    let authority = form.to_string();
    let mut c = s.cite(Form::Legislative(form), range);
    c.pins = pins;
    c.authority = Some(authority);
    let (parenthetical, hereinafter) = titles::after(s, end, start);
    c.parenthetical = parenthetical;
    c.hereinafter = hereinafter.clone();
    s.out.push(c);
    titles::remember(s, None, hereinafter);
    end
}

/// A page of the Congressional Record and the pages after it.
pub(super) fn parse_record(s: &mut Scanner<'_>, m: Range<usize>) -> usize {
    let Some(caps) = RECORD_PARTS.captures(&s.text[m.start..]) else {
        return m.end;
    };
    let (Some(volume), Some(page)) = (caps["volume"].parse().ok(), caps.name("page")) else {
        return m.end;
    };
    let page_end = m.start + page.end();
    let form = Legislative::CongressionalRecord {
        volume,
        page: squeeze(page.as_str()),
    };
    let (pins, mut end) = s
        .more_pins(page_end)
        .map_or((Vec::new(), page_end), |p| (p.pins, p.end));
    if let Some(d) = DATE.find(&s.text[end..]) {
        end += d.end();
    }
    push(s, form, m.start..end, pins)
}

/// The Congressional Globe: "Cong. Globe, 39th Cong., 1st Sess., 474
/// (1866)".
pub(super) fn parse_globe(s: &mut Scanner<'_>, m: Range<usize>) -> usize {
    // "39th Cong. Globe 1013": a short name, which a reference reads.
    let Some(caps) = GLOBE_PARTS.captures(&s.text[m.start..]) else {
        return m.start + 1;
    };
    let Some(form) = globe_of(&caps) else {
        return m.start + 1;
    };
    let end = m.start + caps.get(0).map_or(0, |g| g.end());
    let (pins, end) = pins_after(s, end, true);
    push(s, form, m.start..end, pins)
}

/// The Globe's Congress and session as read.
fn globe_of(caps: &Captures<'_>) -> Option<Legislative> {
    Some(Legislative::Globe {
        congress: caps["congress"].parse().ok()?,
        session: caps["session"].parse().ok()?,
    })
}

/// A hearing, keyed by its title up to the Congress: "Hearings on S. 656
/// before the Subcommittee on Consumer Affairs ..., 95th Cong., 1st Sess.,
/// 51 (1977)", with the subject written before it ("Fair Debt Collection
/// Practices Act: Hearings on ...").
pub(super) fn parse_hearing(s: &mut Scanner<'_>, m: Range<usize>) -> usize {
    read_hearing(s, &m).unwrap_or(m.end)
}

fn read_hearing(s: &mut Scanner<'_>, m: &Range<usize>) -> Option<usize> {
    let line_end =
        memchr::memchr(b'\n', &s.text.as_bytes()[m.start..]).map_or(s.text.len(), |n| m.start + n);
    let limit = floor_boundary(s.text, (m.start + HEARING_MAX).min(line_end));
    let congress = HEARING_CONGRESS.find(&s.text[m.start..limit])?;
    let title_end = m.start + congress.start();
    let start = subject_start(s, m.start);
    let title = squeeze_spaced(&s.text[start..title_end]);
    let after = CONGRESS.captures(&s.text[title_end..])?;
    let session = after.name("session").is_some();
    let end = title_end + after.get(0).map_or(0, |g| g.end());
    let (pins, end) = pins_after(s, end, session);
    Some(push(s, Legislative::Hearing { title }, start..end, pins))
}

/// Where a hearing's title starts: at its subject written before it and a
/// colon or comma ("Fair Debt Collection Practices Act: Hearings on"),
/// else at "Hearing" (`at`).
fn subject_start(s: &mut Scanner<'_>, at: usize) -> usize {
    let before = &s.text[..at];
    if !(before.ends_with(": ") || before.ends_with(", ")) {
        return at;
    }
    let start = titles::clause_start(s, at - 2);
    let subject = &s.text[start..at - 2];
    let capital = subject.starts_with(|c: char| c.is_uppercase() || c == '"');
    if start + 2 < at && at - start <= SUBJECT_MAX && capital {
        start
    } else {
        at
    }
}

/// The lazily compiled patterns and tables above, which
/// [`crate::extract::prepare`] compiles ahead of their first use.
pub(super) const PATTERNS: &[fn()] = crate::extract::patterns![
    REPORT_PARTS,
    NUMBER,
    CONGRESS,
    PART,
    PIN_WORD,
    DATE,
    GLOBE_PARTS,
    RECORD_PARTS,
    HEARING_CONGRESS
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::scanner::re;

    #[test]
    fn report_anchors_need_a_number() {
        let r = re(REPORT);
        assert!(r.is_match("H. R. Rep. No. 95-595"));
        assert!(r.is_match("H.R. Conf. Rep. No. 104-458"));
        assert!(r.is_match("S. Treaty Doc. No. 99-11"));
        assert!(r.is_match("H. R. Exec. Doc. No. 70"));
        assert!(!r.is_match("H. R. Rep., at 3"));
        assert!(!r.is_match("U. S. Reports No. 5"));
    }

    #[test]
    fn numbers_sessions_and_pins() {
        assert_eq!(
            NUMBER.find("98- 1159, at 415").map(|m| m.as_str()),
            Some("98- 1159")
        );
        assert_eq!(NUMBER.find("1, 80th Cong.").map(|m| m.as_str()), Some("1"));
        let c = CONGRESS.captures(", 80th Cong., 1st Sess., 38").unwrap();
        assert_eq!((&c["congress"], &c["session"]), ("80", "1"));
        let c = CONGRESS.captures(", 103d Cong., 2d Sess.").unwrap();
        assert_eq!((&c["congress"], &c["session"]), ("103", "2"));
        assert!(DATE.is_match(" (daily ed. Sept. 24, 2003)"));
        assert!(DATE.is_match(" (1977)"));
        assert!(!DATE.is_match(" (statement of Sen. Hatch)"));
    }

    #[test]
    fn a_record_page_may_be_a_daily_editions() {
        let c = RECORD_PARTS
            .captures("149 Cong. Rec. H8793 (2003)")
            .unwrap();
        assert_eq!((&c["volume"], &c["page"]), ("149", "H8793"));
        let c = RECORD_PARTS.captures("124 Cong. Rec. 32392").unwrap();
        assert_eq!(&c["page"], "32392");
    }
}

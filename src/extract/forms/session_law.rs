//! Session laws: pages of the Statutes at Large ("14 Stat. 533", "58
//! Stat. 96-97, 98") and Public Laws ("Pub. L. 111-2", "Pub. L. 111-2,
//! §3").

use crate::citation::{Form, Statute};
use crate::extract::scanner::{Scanner, re};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// "14 Stat. 533".
pub(super) const LARGE: &str =
    r"(?-u:\b)(?P<volume>[0-9]{1,3})[^\S\n]+Stat\.[^\S\n]+(?P<page>[0-9]{1,5})(?-u:\b)";
/// "Pub. L. 111-2", "Pub. L. No. 111-2".
pub(super) const PUBLIC_LAW: &str = r"(?-u:\b)Pub\.[^\S\n]*L\.[^\S\n]*(?:No\.[^\S\n]*)?(?P<congress>[0-9]{1,3})-(?P<law>[0-9]{1,4})(?-u:\b)";

static LARGE_PARTS: LazyLock<Regex> = LazyLock::new(|| re(&format!("^(?:{LARGE})")));
static PUBLIC_LAW_PARTS: LazyLock<Regex> = LazyLock::new(|| re(&format!("^(?:{PUBLIC_LAW})")));
/// The section of a Public Law after it: ", §3", ", Tit. I, §1501(b)",
/// ", sec. 3".
static LAW_SECTION: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"^,[^\S\n]*(?:Tit(?:le|\.)[^\S\n]*[IVXLC0-9]+,[^\S\n]*)?(?:§|[Ss]ec\.)[^\S\n]*",
        r"(?P<sec>[0-9]+[A-Za-z]?(?:\([A-Za-z0-9]{1,5}\))*)"
    ))
});
/// A range right after a page: "96-97".
static RANGE_NEXT: LazyLock<Regex> = LazyLock::new(|| re(r"^[^\S\n]*-[^\S\n]*[0-9]"));

/// "14 Stat. 533", with the pages it spans ("96-97") and its pins.
pub(super) fn parse_large(s: &mut Scanner<'_>, m: Range<usize>) -> usize {
    let Some(caps) = s.parts(&LARGE_PARTS, &m) else {
        return m.end;
    };
    let (Ok(volume), Some(page_at)) = (caps["volume"].parse(), caps.name("page")) else {
        return m.end;
    };
    let Ok(page) = page_at.as_str().parse() else {
        return m.end;
    };
    let mut c = s.cite(Form::Statute(Statute::Large { volume, page }), m.clone());
    c.authority = Some(format!("{volume} Stat. {page}"));
    let mut end = m.end;
    // "58 Stat. 96-97": the pages the citation spans.
    let mut range = Vec::new();
    if RANGE_NEXT.is_match(&s.text[end..]) {
        if let Some(e) = s.pin_at(m.start + page_at.start(), &mut range) {
            c.pins = range;
            end = e;
        }
    }
    if let Some(p) = s.more_pins(end) {
        c.pins.extend(p.pins);
        end = p.end;
    }
    if end != m.end {
        c = s.reframe(c, m.start..end);
    }
    s.out.push(c);
    end
}

/// "Pub. L. 111-2", with the section cited: "Pub. L. 111-2, §3", "Pub. L.
/// 111-148, Tit. I, §1501(b)".
pub(super) fn parse_public_law(s: &mut Scanner<'_>, m: Range<usize>) -> usize {
    let Some(caps) = s.parts(&PUBLIC_LAW_PARTS, &m) else {
        return m.end;
    };
    let (Ok(congress), Ok(law)) = (caps["congress"].parse(), caps["law"].parse()) else {
        return m.end;
    };
    let mut end = m.end;
    let mut section = None;
    if let Some(sec) = LAW_SECTION.captures(&s.text[m.end..]) {
        if let (Some(all), Some(n)) = (sec.get(0), sec.name("sec")) {
            section = Some(n.as_str().to_string());
            end = m.end + all.end();
        }
    }
    let authority = match &section {
        Some(sec) => format!("Pub. L. {congress}-{law}, § {sec}"),
        None => format!("Pub. L. {congress}-{law}"),
    };
    let form = Form::Statute(Statute::PublicLaw {
        congress,
        law,
        section,
    });
    let mut c = s.cite(form, m.start..end);
    c.authority = Some(authority);
    s.out.push(c);
    end
}

/// The lazily compiled patterns and tables above, which
/// [`crate::extract::prepare`] compiles ahead of their first use.
pub(super) const PATTERNS: &[fn()] =
    crate::extract::patterns![LARGE_PARTS, PUBLIC_LAW_PARTS, LAW_SECTION, RANGE_NEXT];

//! Session laws: pages of the Statutes at Large ("14 Stat. 533", "58
//! Stat. 96-97, 98") and Public Laws ("Pub. L. 111-2").

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

/// "Pub. L. 111-2".
pub(super) fn parse_public_law(s: &mut Scanner<'_>, m: Range<usize>) -> usize {
    let Some(caps) = s.parts(&PUBLIC_LAW_PARTS, &m) else {
        return m.end;
    };
    let (Ok(congress), Ok(law)) = (caps["congress"].parse(), caps["law"].parse()) else {
        return m.end;
    };
    let mut c = s.cite(
        Form::Statute(Statute::PublicLaw { congress, law }),
        m.clone(),
    );
    c.authority = Some(format!("Pub. L. {congress}-{law}"));
    s.out.push(c);
    m.end
}

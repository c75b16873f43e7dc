//! The Federal Register: "76 Fed. Reg. 16978, 16980 (2011)", a volume and
//! the first page of the document, with its pins. (Sections and parts of
//! the CFR and of the States' regulations are read with the statutes.)

use crate::citation::{Form, Regulation};
use crate::extract::scanner::{Scanner, re};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// "76 Fed. Reg. 16978", "62 Fed. Reg. 8,000".
pub(super) const FEDERAL_REGISTER: &str = r"(?-u:\b)(?P<volume>[0-9]{1,3})[^\S\n]+Fed\.[^\S\n]*Reg\.[^\S\n]+(?P<page>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,6})(?-u:\b)";

static PARTS: LazyLock<Regex> = LazyLock::new(|| re(&format!("^(?:{FEDERAL_REGISTER})")));

/// "76 Fed. Reg. 16978, 16980 (2011)": the document at a page of a volume,
/// pinned at the pages after it or at the range its first page opens.
pub(super) fn parse(s: &mut Scanner<'_>, m: Range<usize>) -> usize {
    let Some(caps) = s.parts(&PARTS, &m) else {
        return m.end;
    };
    let volume = caps["volume"].parse().ok();
    let page = caps["page"].replace(',', "").parse().ok();
    let (Some(volume), Some(page)) = (volume, page) else {
        return m.end;
    };
    let r = Regulation::FederalRegister { volume, page };
    let key = r.to_string();
    let mut c = s.cite(Form::Regulation(r), m.clone());
    c.authority = Some(key);
    let mut end = m.end;
    // "51 Fed. Reg. 10503-10506": the document's pages, a range from its
    // first.
    if s.text[end..].starts_with('-') {
        let page_at = m.start + caps.name("page").map_or(0, |p| p.start());
        let mut pins = Vec::new();
        if let Some(e) = s.pin_at(page_at, &mut pins).filter(|&e| e > end) {
            c.pins = pins;
            end = e;
            c = s.reframe(c, m.start..end);
        }
    }
    if let Some(p) = s.more_pins(end) {
        c.pins = p.pins;
        end = p.end;
        c = s.reframe(c, m.start..end);
    }
    c.parenthetical = s.parenthetical(end);
    s.out.push(c);
    end
}

/// The lazily compiled patterns and tables above, which
/// [`crate::extract::prepare`] compiles ahead of their first use.
pub(super) const PATTERNS: &[fn()] = crate::extract::patterns![PARTS];

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
    let volume = caps.name("volume");
    let digit = m.end - 1;
    let from = volume.map_or(m.start, |v| m.start + v.end());
    let document = squeeze_spaced(s.text[from..digit].trim());
    let Some(p) = s.pins_at(digit) else {
        return m.end;
    };
    let form = Form::Record(Record {
        volume: volume.and_then(|v| v.as_str().parse().ok()),
        document: document.clone(),
    });
    let mut c = s.cite(form, m.start..p.end);
    c.pins = p.pins;
    c.authority = Some(document);
    c.parenthetical = s.parenthetical(p.end);
    s.out.push(c);
    p.end
}

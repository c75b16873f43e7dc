//! Pins: pages, page ranges and footnotes after a citation ("409, 428",
//! "425-426", "431, n. 33", "nn. 3-4").

use super::scanner::{Scanner, re};
use crate::citation::{Pin, PinUnit};
use crate::law::pages::full_range_end;
use regex::{Captures, Regex};
use std::sync::LazyLock;

/// A page or range. Pages of reporters with five-digit pages may be
/// written with a thousands comma ("62,308-62,309"), which is read only
/// when three digits follow the comma: "681,5" is page 681 and the call of
/// footnote 5.
/// A star page ("*3") or a paragraph ("¶ 20", "¶¶ 20-22") is marked before
/// its number. Numbers stay below a billion: no arithmetic on them
/// overflows.
static PIN: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"^(?P<unit>\*|¶¶?[^\S\n]*)?(?P<page>[0-9]{1,3}(?:,[0-9]{3}){1,2}|[0-9]{1,5})[a-z]?",
        r"(?:[^\S\n]*-[^\S\n]*(?:\*|¶)?(?P<end>[0-9]{1,3}(?:,[0-9]{3}){1,2}|[0-9]{1,5})[a-z]?)?",
    ))
});
/// A footnote pin: "n. 5", "nn. 3-4", "& n. 5", "nn. 3, 4". After one "n."
/// a comma ends it: "at 5, and n. 4, 17" is page 17 next.
pub(super) static FOOTNOTE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^,?[^\S\n]*(?:&[^\S\n]*|and[^\S\n]+)?(?:nn\.[^\S\n]*([0-9]{1,3})[a-z]?(?-u:\b)(?:[^\S\n]*(?:-|,|&|and)[^\S\n]*([0-9]{1,3})[a-z]?(?-u:\b))?|n\.[^\S\n]*([0-9]{1,3})[a-z]?(?-u:\b)(?:[^\S\n]*(?:-|&|and)[^\S\n]*([0-9]{1,3})[a-z]?(?-u:\b))?)",
    )
});
/// What separates pins, and a first pin from a first page: a comma, and
/// in the Bluebook's database style an "at" ("2020 WL 1234567, at *3").
static PIN_SEP: LazyLock<Regex> = LazyLock::new(|| re(r"^,[^\S\n]*(?:at[^\S\n]+)?"));

/// Pins parsed forward from a position.
pub(super) struct Pins {
    pub(super) pins: Vec<Pin>,
    pub(super) end: usize,
}

impl Scanner<'_> {
    /// One or more pins starting exactly at `at`.
    pub(super) fn pins_at(&self, at: usize) -> Option<Pins> {
        let mut pins = Vec::new();
        let end = self.pin_at(at, &mut pins)?;
        let end = self.extend_pins(end, &mut pins);
        Some(Pins { pins, end })
    }

    /// Pins after a comma following `at` ("409, 428, 430"), if any.
    pub(super) fn more_pins(&self, at: usize) -> Option<Pins> {
        let mut pins = Vec::new();
        let end = self.extend_pins(at, &mut pins);
        (!pins.is_empty()).then_some(Pins { pins, end })
    }

    /// Appends to `pins` the pins after a comma following `at`; returns
    /// where they end.
    pub(super) fn extend_pins(&self, at: usize, pins: &mut Vec<Pin>) -> usize {
        let mut end = at;
        while let Some(sep) = PIN_SEP.find(&self.text[end..]) {
            let at = end + sep.end();
            let mut next = Vec::new();
            let Some(e) = self.pin_at(at, &mut next) else {
                break;
            };
            // A number followed by a capitalized word is the next
            // citation's volume, not a pin; one followed by an ordinary
            // word is a number of the sentence ("supra, at 3, 164
            // countries adhere").
            let rest = self.text[e..].trim_start_matches(' ');
            let plain = !self.text[at..e].contains(|c: char| !c.is_ascii_digit());
            if rest.starts_with(|c: char| c.is_ascii_uppercase())
                || (plain && starts_with_a_word(rest))
            {
                break;
            }
            // "at 681,5 and": a footnote call glued to the pin by a comma.
            if sep.len() == 1 && plain {
                break;
            }
            pins.extend(next);
            end = e;
        }
        end
    }

    /// One pin (a page or range, with footnotes) at `at`.
    pub(super) fn pin_at(&self, at: usize, pins: &mut Vec<Pin>) -> Option<usize> {
        let rest = &self.text[at..];
        let p = PIN.captures(rest)?;
        let mut end = at + p.get(0)?.end();
        if self.text[end..].starts_with(|c: char| c.is_ascii_alphanumeric()) {
            return None;
        }
        let number = |s: &str| s.replace(',', "").parse::<u32>().ok();
        let page: Option<u32> = number(&p["page"]);
        let last = p.name("end").and_then(|e| {
            let digits = e.as_str().bytes().filter(u8::is_ascii_digit).count();
            Some(full_range_end(page?, number(e.as_str())?, digits))
        });
        let unit = match p.name("unit").map(|u| u.as_str()) {
            Some("*") => PinUnit::Star,
            Some(_) => PinUnit::Paragraph,
            None => PinUnit::Page,
        };
        if let Some(f) = FOOTNOTE.captures(&self.text[end..]) {
            pins.extend(footnote_pins(page, &f).into_iter().map(|mut pin| {
                pin.end = last;
                pin.unit = unit;
                pin
            }));
            end += f.get(0)?.end();
        } else {
            pins.push(Pin {
                page,
                end: last,
                footnote: None,
                unit,
            });
        }
        Some(end)
    }
}

/// Whether `rest` starts with an ordinary lowercase word, which no pin is
/// followed by ("and n. 5", "n. 3", "et seq." and "ff." may be).
fn starts_with_a_word(rest: &str) -> bool {
    let word = rest.split([' ', ',', ';', ')']).next().unwrap_or("");
    word.starts_with(|c: char| c.is_ascii_lowercase())
        && !matches!(
            word,
            "and" | "n." | "nn." | "et" | "ff." | "note" | "notes" | "at" | "&"
        )
}

/// The pins of a footnote reference: "n. 33" gives one, "nn. 3-4" two.
pub(super) fn footnote_pins(page: Option<u32>, f: &Captures<'_>) -> Vec<Pin> {
    let mut pins = Vec::new();
    for g in (1..f.len()).filter_map(|k| f.get(k)) {
        pins.push(Pin {
            page,
            end: None,
            footnote: g.as_str().parse().ok(),
            unit: PinUnit::Page,
        });
    }
    pins
}

//! Pins: pages, page ranges and footnotes after a citation ("409, 428",
//! "425-426", "431, n. 33", "nn. 3-4").

use super::scanner::{Scanner, re, skip_spaces};
use crate::citation::{Pin, PinUnit};
use crate::law::pages::full_range_end;
use regex::{Captures, Regex};
use std::sync::LazyLock;

/// A page or range, read by [`read_pin`] (a few lines of code where a
/// regex with capture groups took a thousand instructions a pin):
/// `(\*|¶¶?[^\S\n]*)?NUMBER[a-z]?([^\S\n]*-[^\S\n]*(\*|¶)?NUMBER[a-z]?)?`, a
/// NUMBER being `[0-9]{1,3}(,[0-9]{3}){1,2}` or else `[0-9]{1,5}`. Pages of
/// reporters with five-digit pages may be written with a thousands comma
/// ("62,308-62,309"), which is read only when three digits follow the
/// comma: "681,5" is page 681 and the call of footnote 5.
/// A star page ("*3") or a paragraph ("¶ 20", "¶¶ 20-22") is marked before
/// its number. Numbers stay below a billion: no arithmetic on them
/// overflows.
struct PinText<'a> {
    /// What the number counts, by the mark before it.
    unit: PinUnit,
    /// The number, thousands commas included.
    page: &'a str,
    /// The last number of a range.
    end: Option<&'a str>,
    /// The length of the pin in bytes.
    len: usize,
}

/// The page or range at the start of `rest`, if one is there.
fn read_pin(rest: &str) -> Option<PinText<'_>> {
    let (unit, at) = if rest.starts_with('*') {
        (PinUnit::Star, 1)
    } else if let Some(r) = rest.strip_prefix('\u{b6}') {
        let r = skip_spaces(r.strip_prefix('\u{b6}').unwrap_or(r));
        (PinUnit::Paragraph, rest.len() - r.len())
    } else {
        (PinUnit::Page, 0)
    };
    let page = &rest[at..at + number_len(&rest[at..])?];
    let mut len = at + page.len();
    len += letter_len(&rest[len..]);
    let end = range_end(&rest[len..]).map(|(end, n)| {
        len += n;
        end
    });
    Some(PinText {
        unit,
        page,
        end,
        len,
    })
}

/// The last number of a range at the start of `rest` ("-426", " - *5"),
/// and the length of the range's text.
fn range_end(rest: &str) -> Option<(&str, usize)> {
    let r = skip_spaces(skip_spaces(rest).strip_prefix('-')?);
    let r = r.strip_prefix(['*', '\u{b6}']).unwrap_or(r);
    let end = &r[..number_len(r)?];
    let len = rest.len() - r.len() + end.len();
    Some((end, len + letter_len(&rest[len..])))
}

/// The length of the NUMBER at the start of `s`: one to three digits and
/// one or two groups of a comma and three digits, or else one to five
/// digits; `None` when `s` starts with no digit.
fn number_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 {
        return None;
    }
    let group = |at: usize| {
        b.get(at) == Some(&b',')
            && b.get(at + 1..at + 4)
                .is_some_and(|g| g.iter().all(u8::is_ascii_digit))
    };
    if digits <= 3 && group(digits) {
        let len = digits + 4;
        return Some(if group(len) { len + 4 } else { len });
    }
    Some(digits.min(5))
}

/// 1 when `s` starts with a lowercase ASCII letter ("123a"), else 0.
fn letter_len(s: &str) -> usize {
    usize::from(s.starts_with(|c: char| c.is_ascii_lowercase()))
}

/// The value of a NUMBER: its digits, commas left out. (At most nine
/// digits: it fits.)
fn number_value(s: &str) -> u32 {
    s.bytes()
        .filter(u8::is_ascii_digit)
        .fold(0, |n, d| n * 10 + u32::from(d - b'0'))
}

/// Whether a [`FOOTNOTE`] may start `rest`: after a comma and spaces, an
/// "&", an "and" or an "n." is next. Most pins have no footnote; this
/// spares them the regex.
fn may_be_footnote(rest: &str) -> bool {
    skip_spaces(rest.strip_prefix(',').unwrap_or(rest)).starts_with(['&', 'a', 'n'])
}

/// A footnote pin: "n. 5", "nn. 3-4", "& n. 5", "nn. 3, 4". After one "n."
/// a comma ends it: "at 5, and n. 4, 17" is page 17 next.
pub(super) static FOOTNOTE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^,?[^\S\n]*(?:&[^\S\n]*|and[^\S\n]+)?(?:nn\.[^\S\n]*([0-9]{1,3})[a-z]?(?-u:\b)(?:[^\S\n]*(?:-|,|&|and)[^\S\n]*([0-9]{1,3})[a-z]?(?-u:\b))?|n\.[^\S\n]*([0-9]{1,3})[a-z]?(?-u:\b)(?:[^\S\n]*(?:-|&|and)[^\S\n]*([0-9]{1,3})[a-z]?(?-u:\b))?)",
    )
});
/// The length of what separates pins, and a first pin from a first page,
/// at the start of `rest`: a comma and spaces, and in the Bluebook's
/// database style an "at" and spaces ("2020 WL 1234567, at *3"); `None`
/// without the comma.
fn pin_sep(rest: &str) -> Option<usize> {
    let after_comma = skip_spaces(rest.strip_prefix(',')?);
    let after_at = after_comma
        .strip_prefix("at")
        .map(skip_spaces)
        .filter(|r| r.len() + 2 < after_comma.len());
    Some(rest.len() - after_at.unwrap_or(after_comma).len())
}

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
        while let Some(sep) = pin_sep(&self.text[end..]) {
            let at = end + sep;
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
            if sep == 1 && plain {
                break;
            }
            pins.extend(next);
            end = e;
        }
        end
    }

    /// One pin (a page or range, with footnotes) at `at`.
    pub(super) fn pin_at(&self, at: usize, pins: &mut Vec<Pin>) -> Option<usize> {
        let p = read_pin(&self.text[at..])?;
        let mut end = at + p.len;
        if self.text[end..].starts_with(|c: char| c.is_ascii_alphanumeric()) {
            return None;
        }
        let page = number_value(p.page);
        let last = p.end.map(|e| {
            let digits = e.bytes().filter(u8::is_ascii_digit).count();
            full_range_end(page, number_value(e), digits)
        });
        let rest = &self.text[end..];
        let footnote = may_be_footnote(rest).then(|| FOOTNOTE.captures(rest));
        if let Some(f) = footnote.flatten() {
            pins.extend(footnote_pins(Some(page), &f).into_iter().map(|mut pin| {
                pin.end = last;
                pin.unit = p.unit;
                pin
            }));
            end += f.get(0)?.end();
        } else {
            pins.push(Pin {
                page: Some(page),
                end: last,
                footnote: None,
                unit: p.unit,
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

/// The lazily compiled patterns and tables above, which
/// [`crate::extract::prepare`] compiles ahead of their first use.
pub(super) const PATTERNS: &[fn()] = crate::extract::patterns![FOOTNOTE];

#[cfg(test)]
mod tests {
    use super::*;

    /// A pattern compiled as written, its `[^\S\n]` any whitespace but a
    /// line end (where [`re`] makes it a plain space): the readers take
    /// every such whitespace.
    fn written(p: &str) -> Regex {
        Regex::new(p).expect("pattern compiles")
    }

    /// The regex the reader stands for, as the grammar above writes it.
    fn grammar() -> Regex {
        written(concat!(
            r"^(?P<unit>\*|¶¶?[^\S\n]*)?(?P<page>[0-9]{1,3}(?:,[0-9]{3}){1,2}|[0-9]{1,5})[a-z]?",
            r"(?:[^\S\n]*-[^\S\n]*(?:\*|¶)?(?P<end>[0-9]{1,3}(?:,[0-9]{3}){1,2}|[0-9]{1,5})[a-z]?)?",
        ))
    }

    /// A pin as read: the unit mark, the page, the range end, the length.
    type Read = Option<(PinUnit, String, Option<String>, usize)>;

    /// What the reader and the regex read of `s`.
    fn both(g: &Regex, s: &str) -> (Read, Read) {
        let read =
            read_pin(s).map(|p| (p.unit, p.page.to_string(), p.end.map(str::to_string), p.len));
        let regex = g.captures(s).map(|c| {
            let unit = match c.name("unit").map(|u| u.as_str()) {
                Some("*") => PinUnit::Star,
                Some(_) => PinUnit::Paragraph,
                None => PinUnit::Page,
            };
            let end = c.name("end").map(|e| e.as_str().to_string());
            (unit, c["page"].to_string(), end, c[0].len())
        });
        (read, regex)
    }

    #[test]
    fn the_pin_reader_reads_what_its_grammar_matches() {
        let g = grammar();
        let pieces = [
            "1", "23", "456", "7890", "12345", "123456", ",", ",000", ",00", "-", " ", "*", "¶",
            "a", "n", "\u{a0}", "\n", "x", ", n. 3",
        ];
        let mut seed: u64 = 7;
        let mut checked = 0;
        for _ in 0..40_000 {
            let mut s = String::new();
            for _ in 0..(seed % 6 + 1) {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                s.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            let (read, regex) = both(&g, &s);
            assert_eq!(read, regex, "{s:?}");
            checked += usize::from(read.is_some());
        }
        assert!(checked > 5_000, "only {checked} pins read");
    }

    #[test]
    fn pin_separators_read_as_their_pattern_matches() {
        let g = written(r"^,[^\S\n]*(?:at[^\S\n]+)?");
        for s in [
            ", 5",
            ",5",
            ", at 5",
            ", at5",
            ",at 5",
            ", at\u{a0} *3",
            ", at\n5",
            " , 5",
            "5",
            ",  atx",
            ", a 5",
            ",",
            ", at",
            ", at ",
        ] {
            assert_eq!(pin_sep(s), g.find(s).map(|m| m.len()), "{s:?}");
        }
    }

    #[test]
    fn pin_numbers_keep_their_thousands() {
        assert_eq!(number_value("62,308"), 62_308);
        assert_eq!(number_value("999,999,999"), 999_999_999);
        assert!(!may_be_footnote(", 17"));
        assert!(may_be_footnote(", n. 4"));
        assert!(may_be_footnote(" & n. 4"));
    }
}

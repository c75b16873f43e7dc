//! The running-head lines of the U. S. Reports' bound volumes that slips
//! have not: the volume line with the orders' dates or a part's label
//! ("June 15, 2009 557 U. S.", "Scalia, J., dissenting 557 U. S."), a
//! section's running title with its page number ("ORDERS 903", "1306
//! INDEX"), a part's label after the first page of its opinion ("952
//! Stevens, J., concurring"), and the pieces of a printer's time stamp.
//! Some tools put each piece of a head on a line of its own ("930",
//! "OCTOBER TERM, 2008", "June 24, 29, 2009", "557 U. S.").

use super::super::Section;
use super::super::patterns::{LABEL, PAGE_NUM, is_title, re, section_of, title_parts};
use super::furniture::PageHead;
use regex::Regex;
use std::sync::LazyLock;

/// The most words of a section's running title ("ORDERS", "INDEX").
const SECTION_TITLE_WORDS_MAX: usize = 3;

/// The longest part's label in a bound volume's head.
const LABEL_LEN_MAX: usize = 60;

/// The fewest letters of a section's title set apart from its number
/// (not a heading "IV").
const LONE_TITLE_LETTERS_MIN: usize = 5;

/// A line of a bound volume's running head.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum BoundLine {
    /// The volume ("557 U. S.") with dates or a part's label.
    Volume(Option<Section>),
    /// The volume alone.
    LoneVolume,
    /// The dates of the orders on the page, alone.
    Dates,
    /// A section's running title and the page number printed with it
    /// (`None` when the tool put the number on a line of its own).
    Title(Option<u32>),
    /// A part's label after the first page of its opinion.
    NumberedLabel(Section),
    /// A piece of a printer's time stamp ("07-07-14", "13:20:20").
    StampPiece,
}

static VOLUME: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:(.+) )?([0-9]{1,4}) U\. ?S\.(?: (.+))?$"));

static DATES: LazyLock<Regex> = LazyLock::new(|| {
    const MONTH: &str =
        "(?:January|February|March|April|May|June|July|August|September|October|November|December)";
    re(&format!(
        r"^{MONTH} [0-9]{{1,2}}, (?:(?:{MONTH} )?[0-9]{{1,2}}, )*[0-9]{{4}}$"
    ))
});

/// What a line says as part of a bound volume's running head; `next` is
/// the line after it.
pub(super) fn read(s: &str, next: Option<&str>) -> Option<BoundLine> {
    if !s.contains(' ') {
        return stamp_piece(s).then_some(BoundLine::StampPiece).or_else(|| {
            // A section's title alone, its number or the volume on the
            // next line.
            let numbered_next = next.is_some_and(|n| {
                PAGE_NUM.is_match(n) || volume_line(n) == Some(BoundLine::LoneVolume)
            });
            let long = s.len() >= LONE_TITLE_LETTERS_MIN;
            (numbered_next && long && is_section_title(s)).then_some(BoundLine::Title(None))
        });
    }
    if s.contains(" U. S.") || s.contains(" U.S.") || s.starts_with(|c: char| c.is_ascii_digit()) {
        if let Some(v) = volume_line(s) {
            return Some(v);
        }
    }
    if DATES.is_match(s) {
        return Some(BoundLine::Dates);
    }
    if let Some((number, rest)) = s.split_once(' ') {
        if number.len() <= 4 && number.bytes().all(|b| b.is_ascii_digit()) && is_bare_label(rest) {
            if let Some(section) = section_of(rest) {
                return Some(BoundLine::NumberedLabel(section));
            }
        }
    }
    let (lead, title, trail) = title_parts(s)?;
    let number = lead.or(trail)?.parse().ok()?;
    is_section_title(title).then_some(BoundLine::Title(Some(number)))
}

/// What the bound-volume lines of one page's head said so far.
#[derive(Default)]
pub(super) struct State {
    dates: bool,
    lone_volume: bool,
}

impl State {
    /// Whether `s` (with `next` after it) is a line of a bound volume's
    /// running head, at this place of the head; what it tells goes to
    /// `head`. `seen_head` says a line of the head came before.
    pub(super) fn take(
        &mut self,
        s: &str,
        next: Option<&str>,
        seen_head: bool,
        head: &mut PageHead,
    ) -> bool {
        let Some(line) = read(s, next) else {
            return false;
        };
        let take = match line {
            BoundLine::Title(_) | BoundLine::StampPiece => true,
            BoundLine::Volume(_) | BoundLine::NumberedLabel(_) | BoundLine::LoneVolume => seen_head,
            // Dates go with the volume: before it on the line after, or
            // after it when none came before.
            BoundLine::Dates => {
                let volume_next =
                    next.is_some_and(|n| read(n, None) == Some(BoundLine::LoneVolume));
                seen_head && !self.dates && (volume_next || self.lone_volume)
            }
        };
        if !take {
            return false;
        }
        match line {
            BoundLine::Volume(section) => head.section = section.or(head.section),
            BoundLine::NumberedLabel(section) => head.section = Some(section),
            BoundLine::Title(number) => head.add_number(number),
            BoundLine::Dates => self.dates = true,
            BoundLine::LoneVolume | BoundLine::StampPiece => {}
        }
        self.lone_volume = line == BoundLine::LoneVolume;
        true
    }
}

/// "557 U. S." with the dates of the page's orders or a part's label
/// before or after it, or alone.
fn volume_line(s: &str) -> Option<BoundLine> {
    // `VOLUME` needs a volume before "U. S."; most lines have neither.
    if !s.contains(" U. S.") && !s.contains(" U.S.") {
        return None;
    }
    // A volume with text on both sides ("Cite as: 558 U. S. ____ (2010)")
    // is no head: unless the line starts with the volume or ends with
    // "U. S.", every match has both sides and the captures are not run.
    if !starts_with_volume(s) && !s.ends_with(" U. S.") && !s.ends_with(" U.S.") {
        return None;
    }
    let c = VOLUME.captures(s)?;
    match (c.get(1), c.get(3)) {
        (None, None) => Some(BoundLine::LoneVolume),
        (Some(other), None) | (None, Some(other)) => {
            let other = other.as_str();
            if DATES.is_match(other) {
                Some(BoundLine::Volume(None))
            } else if is_bare_label(other) {
                section_of(other).map(|s| BoundLine::Volume(Some(s)))
            } else {
                None
            }
        }
        (Some(_), Some(_)) => None,
    }
}

/// Whether `s` begins with a volume of the U. S. Reports ("557 U. S.").
fn starts_with_volume(s: &str) -> bool {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &s[digits..];
    (1..=4).contains(&digits) && (rest.starts_with(" U. S.") || rest.starts_with(" U.S."))
}

/// Whether `s` is a part's label and nothing else ("Scalia, J.,
/// dissenting"): no digits, no parentheses (a citation's parenthetical
/// reads like a label).
fn is_bare_label(s: &str) -> bool {
    s.len() <= LABEL_LEN_MAX
        && !s.contains(|c: char| c.is_ascii_digit() || c == '(' || c == ')')
        && LABEL.is_match(s)
}

/// Whether a title is a bound volume's section title: a few words of
/// capitals, no case name.
fn is_section_title(t: &str) -> bool {
    let t = t.trim();
    is_title(t)
        && !t.contains(" v. ")
        && t.split(' ').count() <= SECTION_TITLE_WORDS_MAX
        && t.chars().all(|c| c.is_ascii_uppercase() || c == ' ')
}

/// "07-07-14" or "13:20:20": a date or a time of a printer's stamp.
fn stamp_piece(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 8
        && ((b[2] == b'-' && b[5] == b'-') || (b[2] == b':' && b[5] == b':'))
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 2 || i == 5 || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bound_volume_heads() {
        assert_eq!(
            read("June 15, 2009 557 U. S.", None),
            Some(BoundLine::Volume(None))
        );
        assert_eq!(
            read("557 U. S. August 24, 27, 28, September 4, 2009", None),
            Some(BoundLine::Volume(None))
        );
        assert_eq!(
            read("Scalia, J., dissenting 557 U. S.", None),
            Some(BoundLine::Volume(Some(Section::Dissent)))
        );
        assert_eq!(read("557 U. S.", None), Some(BoundLine::LoneVolume));
        assert_eq!(read("June 24, 29, 2009", None), Some(BoundLine::Dates));
        assert_eq!(read("ORDERS 903", None), Some(BoundLine::Title(Some(903))));
        assert_eq!(read("1306 INDEX", None), Some(BoundLine::Title(Some(1306))));
        assert_eq!(read("ORDERS", Some("931")), Some(BoundLine::Title(None)));
        assert_eq!(
            read("952 Stevens, J., concurring", None),
            Some(BoundLine::NumberedLabel(Section::Concurrence))
        );
        assert_eq!(volume_line("557 U.S."), Some(BoundLine::LoneVolume));
        assert_eq!(volume_line("Cite as: 558 U. S. ____ (2010)"), None);
        assert_eq!(volume_line("12345 U. S. June 1, 2009"), None);
        assert_eq!(read("07-07-14", None), Some(BoundLine::StampPiece));
        assert_eq!(read("13:20:20", None), Some(BoundLine::StampPiece));
        // Text is no head.
        assert_eq!(read("See 557 U. S. 100 (2009).", None), None);
        assert_eq!(read("ORDERS", Some("No. 08-1")), None);
        assert_eq!(read("1302 O’BRIEN v. O’LAUGHLIN", None), None);
        assert_eq!(
            read(
                "528 U. S. 32, 47, n. 4 (1999) (STEVENS, J., dissenting),",
                None
            ),
            None
        );
    }
}

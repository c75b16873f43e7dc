//! "Id." and "Ibid.", with a pin ("Id., at 430", "id. at 5") or a section
//! of the statute, regulations or constitution before ("Id. §5", "id.,
//! ch. 265, §2", "id., §3, cl. 5"); "Id., §22, at 69" cites a book's page.

use super::statute::{other_sectioned_source, section_number};
use crate::citation::{Form, Id, Statute};
use crate::extract::scanner::{Scanner, re};
use crate::law::sections::with_division;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// "Id.", "id.", "Ibid.", "ibid." (also "Ibid ." with a stray space).
pub(super) const ANCHOR: &str = r"(?-u:\b)(?:(?:Ibid|ibid)[^\S\n]?|Id|id)\.";

/// "at" before an Id.'s pin; a paragraph needs none ("Id. ¶ 10").
static AT: LazyLock<Regex> = LazyLock::new(|| re(r"^,?[^\S\n]*(?:at[^\S\n]+|¶)"));
/// The mark of an Id.'s section, after the chapter or title of a State's
/// code if one is named ("id., ch. 265, §2").
static ID_SECTION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^,?[^\S\n]*(?:(?P<kind>ch\.|[Tt]it\.),?[^\S\n]*(?P<num>[0-9]{1,4}[A-Za-z]?(?:-[A-Za-z0-9]+)?),[^\S\n]*)?§§?",
    )
});
/// The page after an Id.'s section, of a book: ", at 69", ", p. 62"
/// (after bracketed subsections: "§102.54[2], at 102").
static BOOK_PAGE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:\[[0-9A-Za-z]{1,4}\])*,[^\S\n]*(?:at[^\S\n]+|pp?\.[^\S\n]*)[0-9]"));
/// A clause after an Id.'s section of a constitution: ", cl. 5".
static CLAUSE: LazyLock<Regex> = LazyLock::new(|| re(r"^,[^\S\n]*cl\.[^\S\n]*[0-9]{1,2}(?-u:\b)"));
/// Lettered pages, which are no pins: "Id. at pp. K-L".
static LETTERED: LazyLock<Regex> =
    LazyLock::new(|| re(r"^pp?\.[^\S\n]*[A-Z](?:[^\S\n]*-[^\S\n]*[A-Z])?(?-u:\b)"));

/// An "Id." and its pins or section.
pub(super) fn parse(s: &mut Scanner<'_>, m: Range<usize>) -> usize {
    let mut end = m.end;
    let mut pins = Vec::new();
    let mut section = None;
    let mut other_source = None;
    if let Some(at) = AT.find(&s.text[end..]) {
        // The paragraph sign is the pin's own.
        let at = at.end()
            - if at.as_str().ends_with('¶') {
                '¶'.len_utf8()
            } else {
                0
            };
        if let Some(p) = s.pins_at(end + at) {
            pins = p.pins;
            end = p.end;
        } else if let Some(l) = LETTERED.find(&s.text[end + at..]) {
            end += at + l.end();
        }
    } else if let Some(mark) = ID_SECTION.captures(&s.text[end..]) {
        let base = end + mark.get(0).map_or(0, |g| g.end());
        if let Some(g) = section_number(&s.text[base..]) {
            let after = base + g.end;
            let number = &s.text[base + g.start..after];
            if let Some(book) = BOOK_PAGE.find(&s.text[after..]) {
                // "Id., §22, at 69": a section and a page of a book, no
                // case's; of an Act only after its Statutes at Large page
                // ("64 Stat. 1265 ... id., §3, at 1266").
                if let Some(p) = s.pins_at(after + book.end() - 1) {
                    pins = p.pins;
                    end = p.end;
                }
                let act = matches!(
                    s.out.last().and_then(|c| c.statute()),
                    Some(Statute::Large { .. })
                );
                if !act {
                    // Resolution gives it the book an Id. before meant,
                    // else leaves it to the source pincite does not parse.
                    section = Some(number.to_string());
                    other_source = Some(s.text[m.start..end].to_string());
                }
            } else {
                let mut number = number.to_string();
                end = after;
                if let Some(cl) = CLAUSE.find(&s.text[after..]) {
                    let digits = cl
                        .as_str()
                        .trim_start_matches(|c: char| !c.is_ascii_digit());
                    number = format!("{number}, cl. {digits}");
                    end += cl.end();
                }
                section = Some(match (mark.name("kind"), mark.name("num")) {
                    (Some(k), Some(n)) => with_division(k.as_str(), n.as_str(), &number),
                    _ => number,
                });
                other_source = other_sectioned_source(s);
            }
        }
    }
    let form = Form::Id(Id {
        section,
        other_source,
        ..Id::default()
    });
    let mut c = s.cite(form, m.start..end);
    c.pins = pins;
    c.parenthetical = s.parenthetical(end);
    s.out.push(c);
    end
}

/// The lazily compiled patterns and tables above, which
/// [`crate::extract::prepare`] compiles ahead of their first use.
pub(super) const PATTERNS: &[fn()] =
    crate::extract::patterns![AT, ID_SECTION, BOOK_PAGE, CLAUSE, LETTERED];

//! Public-domain citations in forms other than "volume reporter page":
//! "2006-Ohio-2095", "2000-NMSC-12" (year, reporter and number joined by
//! hyphens) and "T.C. Memo. 2019-233" (reporter, then year and number).
//! Their reporters come from reporters-db's regex templates
//! ([`tables::hyphenated_neutral`], [`tables::year_page_reporters`]).
//! "2019 ND 12" and "2017 IL App (1st) 143684-B" are read as other case
//! citations are.

use super::case::{After, Head, read};
use crate::extract::scanner::{Scanner, re};
use crate::extract::tables;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// The pattern of a reporter as written in these forms: each space may be
/// any run of spaces, and spaces may follow a period; a final period may
/// be left out ("T.C. Memo").
fn flexible(spelling: &str) -> String {
    let mut out = String::new();
    for (i, part) in spelling.split(' ').enumerate() {
        if i > 0 {
            out.push_str(" +");
        }
        out.push_str(&regex::escape(part).replace(r"\.", r"\. *"));
    }
    match out.strip_suffix(r"\. *") {
        Some(stem) => format!(r"{stem}\.?"),
        None => out,
    }
}

/// An alternation of reporters, longest first.
fn alternation(reporters: &[&str]) -> String {
    let mut r: Vec<&str> = reporters.to_vec();
    r.sort_by_key(|s| std::cmp::Reverse(s.len()));
    r.iter()
        .map(|s| format!("(?:{})", flexible(s)))
        .collect::<Vec<_>>()
        .join("|")
}

/// "2006-Ohio-2095".
pub(super) fn hyphenated_anchor() -> String {
    format!(
        r"(?-u:\b)(?P<year>1[6-9][0-9]{{2}}|20[0-9]{{2}}) *- *(?P<rep>{}) *- *(?P<page>[0-9]{{1,6}})(?-u:\b)",
        alternation(tables::hyphenated_neutral())
    )
}

/// "T.C. Memo. 2019-233".
pub(super) fn year_page_anchor() -> String {
    format!(
        r"(?-u:\b)(?P<rep>{}) +(?P<year>1[6-9][0-9]{{2}}|20[0-9]{{2}})-(?P<page>[0-9]{{1,6}})(?-u:\b)",
        alternation(tables::year_page_reporters())
    )
}

/// "2009 1359R (La.App. 1 Cir. 05/10/10)".
pub(super) fn louisiana_anchor() -> String {
    format!(
        r"(?-u:\b)(?P<year>(?:19|20)[0-9]{{2}})[- ](?P<page>[0-9]{{2,5}})(?P<suffix>[A-Z]?) \((?P<rep>{}) (?P<date>[0-9]{{1,2}}/[0-9]{{1,2}}/[0-9]{{2,4}})\)",
        alternation(tables::louisiana_reporters())
    )
}

static LOUISIANA: LazyLock<Regex> = LazyLock::new(|| re(&format!("^(?:{})", louisiana_anchor())));
static HYPHENATED: LazyLock<Regex> = LazyLock::new(|| re(&format!("^(?:{})", hyphenated_anchor())));
static YEAR_PAGE: LazyLock<Regex> = LazyLock::new(|| re(&format!("^(?:{})", year_page_anchor())));

/// "2006-Ohio-2095, ¶ 20".
pub(super) fn parse_hyphenated(s: &mut Scanner<'_>, m: Range<usize>) -> usize {
    parse_with(s, m, &HYPHENATED, |year, rep, page| {
        format!("{year}-{rep}-{page}")
    })
}

/// "2009 1359R (La.App. 1 Cir. 05/10/10)": the date closes the citation.
pub(super) fn parse_louisiana(s: &mut Scanner<'_>, m: Range<usize>) -> usize {
    let Some(caps) = s.parts(&LOUISIANA, &m) else {
        return m.end;
    };
    let (Ok(year), Ok(page)) = (caps["year"].parse::<u32>(), caps["page"].parse::<u32>()) else {
        return m.end;
    };
    let reporter = canonical(&caps["rep"]);
    let key = format!("{year} {reporter} {page}{}", &caps["suffix"]);
    let head = Head {
        at: m.start,
        volume: year,
        key: Some(key),
        edition: tables::reporter(&reporter),
        reporter,
        candidates: Vec::new(),
        after: After::Page(page, m.end),
        nominative: None,
    };
    read(s, head).unwrap_or(m.end)
}

/// "T.C. Memo. 2019-233".
pub(super) fn parse_year_page(s: &mut Scanner<'_>, m: Range<usize>) -> usize {
    parse_with(s, m, &YEAR_PAGE, |year, rep, page| {
        format!("{rep} {year}-{page}")
    })
}

/// Reads the citation anchored at `m` with `pattern`, its key written by
/// `key` from the year, the reporter's canonical form and the number as
/// written.
fn parse_with(
    s: &mut Scanner<'_>,
    m: Range<usize>,
    pattern: &Regex,
    key: fn(u32, &str, &str) -> String,
) -> usize {
    let Some(caps) = s.parts(pattern, &m) else {
        return m.end;
    };
    let (Ok(year), Ok(page)) = (caps["year"].parse::<u32>(), caps["page"].parse::<u32>()) else {
        return m.end;
    };
    let written: String = caps["rep"].split_whitespace().collect::<Vec<_>>().join(" ");
    let reporter = canonical(&written);
    let head = Head {
        at: m.start,
        volume: year,
        // The number as written: New Mexico's "2004-NMSC-037".
        key: Some(key(year, &reporter, &caps["page"])),
        edition: tables::reporter(&reporter),
        reporter,
        candidates: Vec::new(),
        after: After::Page(page, m.end),
        nominative: None,
    };
    read(s, head).unwrap_or(m.end)
}

/// The canonical form of a reporter as written here ("T. C. Memo" ->
/// "T.C. Memo."): the listed reporter it matches with spaces and a final
/// period set aside.
fn canonical(written: &str) -> String {
    let bare = |s: &str| -> String { s.chars().filter(|c| !matches!(c, ' ' | '.')).collect() };
    let w = bare(written);
    tables::hyphenated_neutral()
        .iter()
        .chain(tables::year_page_reporters())
        .chain(tables::louisiana_reporters())
        .find(|r| bare(r) == w)
        .map_or_else(|| written.to_string(), |r| r.to_string())
}

/// The lazily compiled patterns and tables above, which
/// [`crate::extract::prepare`] compiles ahead of their first use.
pub(super) const PATTERNS: &[fn()] = crate::extract::patterns![LOUISIANA, HYPHENATED, YEAR_PAGE];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reporters_match_any_spacing_and_a_missing_final_period() {
        let r = re(&format!("^(?:{})$", flexible("T.C. Memo.")));
        for s in ["T.C. Memo.", "T. C. Memo.", "T.C. Memo", "T.C.  Memo."] {
            assert!(r.is_match(s), "{s}");
        }
        assert_eq!(canonical("T. C. Memo"), "T.C. Memo.");
        assert_eq!(canonical("Ohio"), "Ohio");
    }
}

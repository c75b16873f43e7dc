//! Reporter and court tables for citation extraction.
//!
//! The data lives in three generated files, `reporters_data.rs`,
//! `courts_data.rs` and `journals_data.rs`, written by `tools/gen_tables.py`
//! from reporters-db and courts-db (Free Law Project, BSD-2-Clause) and
//! pulled in here with `include!`. Regenerate them with
//! `python3 tools/gen_tables.py /path/to/reporters-and-courts-data`.
//!
//! # Lookup keys
//!
//! Opinions space abbreviations freely: "U. S." and "U.S.", "F. 3d" and
//! "F.3d", "N. W. 2d" and "N.W.2d". Every table is therefore keyed by the
//! spelling with all whitespace removed ("F. 3d" -> "F.3d", "U. S." ->
//! "U.S.") and sorted, so a lookup is a binary search that skips whitespace in
//! the query as it compares: no allocation, no start-up cost. Keys are
//! otherwise exact: case, periods and apostrophes count.

use std::borrow::Cow;
use std::cmp::Ordering;

/// A reporter edition as reporters-db describes it.
///
/// Returned by [`reporter`]; all strings are reporters-db's own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Reporter {
    /// Canonical edition abbreviation: `"U.S."`, `"F.3d"`, `"L. Ed. 2d"`, `"F. App'x"`.
    pub(crate) canonical: &'static str,
    /// reporters-db cite type: `"federal"`, `"state"`, `"state_regional"`,
    /// `"specialty"`, `"scotus_early"`, `"neutral"`, ...
    pub(crate) cite_type: &'static str,
    /// Full name of the reporter series: `"Federal Reporter"`.
    pub(crate) name: &'static str,
    /// First year of the edition, if reporters-db knows it (1750 there
    /// usually means "unknown").
    pub(crate) start_year: Option<u16>,
    /// Last year of the edition; `None` while it is still published.
    pub(crate) end_year: Option<u16>,
    /// Whether several reporters-db entries use this abbreviation ("Cranch",
    /// "Wash.", "Ohio"): `cite_type` and `name` then come from the entry the
    /// generator ranks first and the years span all of them.
    pub(crate) shared: bool,
}

impl Reporter {
    /// Whether the reporter is a database (Westlaw's "WL", Lexis's "U.S.
    /// Dist. LEXIS" and the like): its "pages" are document numbers, its
    /// pins star pages.
    pub(crate) fn is_database(&self) -> bool {
        self.canonical == "WL" || self.canonical.ends_with("LEXIS")
    }
}

/// Builds one row of the generated `EDITIONS` table.
const fn ed(
    canonical: &'static str,
    cite_type: &'static str,
    name: &'static str,
    start_year: Option<u16>,
    end_year: Option<u16>,
    shared: bool,
) -> Reporter {
    Reporter {
        canonical,
        cite_type,
        name,
        start_year,
        end_year,
        shared,
    }
}

include!("reporters_data.rs");
include!("courts_data.rs");
include!("journals_data.rs");

/// Compares a whitespace-free table key with `text` as if every whitespace
/// character had been removed from `text`.
///
/// Comparing `char`s gives the same order as comparing UTF-8 bytes, the order
/// the generator sorts keys in.
fn cmp_ws_free(key: &str, text: &str) -> Ordering {
    key.chars().cmp(text.chars().filter(|c| !c.is_whitespace()))
}

/// Binary search in a sorted `(whitespace-free key, value)` table. The
/// text is squeezed once; then the keys compare as bytes (UTF-8 sorts as
/// its characters do), as [`cmp_ws_free`] would compare them.
fn lookup<T: Copy>(table: &[(&str, T)], text: &str) -> Option<T> {
    let squeezed: Cow<'_, str> = if text.contains(char::is_whitespace) {
        Cow::Owned(text.chars().filter(|c| !c.is_whitespace()).collect())
    } else {
        Cow::Borrowed(text)
    };
    table
        .binary_search_by(|(key, _)| (*key).cmp(&squeezed))
        .ok()
        .map(|i| table[i].1)
}

/// Looks up a reporter abbreviation as written in a citation.
///
/// `spelling` is any edition abbreviation or variant spelling known to
/// reporters-db, with any spacing: `"F. 3d"`, `"F.  3d"` and `"F.3d"` all give
/// the `F.3d` edition; `"Fed. Appx."` gives `F. App'x`. Case and punctuation
/// must match. Where reporters-db lets one spelling name several editions
/// ("W.2d": Wash. 2d or Wis. 2d) the generator's deterministic choice is
/// returned; the collisions are listed at the bottom of `reporters_data.rs`.
pub(crate) fn reporter(spelling: &str) -> Option<Reporter> {
    if let Some(r) = FOREIGN
        .iter()
        .find(|r| cmp_ws_free(r.canonical, spelling).is_eq())
    {
        return Some(*r);
    }
    lookup(REPORTER_KEYS, spelling).map(|i| EDITIONS[usize::from(i)])
}

/// Every edition a spelling may name when reporters-db gives it to several
/// and none of them by its own abbreviation ("H.": Haw., Handy and Hill);
/// empty for any other spelling.
pub(crate) fn reporter_candidates(spelling: &str) -> Vec<Reporter> {
    lookup(AMBIGUOUS_KEYS, spelling)
        .map(|idxs| idxs.iter().map(|&i| EDITIONS[usize::from(i)]).collect())
        .unwrap_or_default()
}

/// Public-domain reporters cited "year-reporter-number" ("2006-Ohio-2095",
/// "2000-NMSC-12").
pub(crate) fn hyphenated_neutral() -> &'static [&'static str] {
    HYPHENATED_NEUTRAL
}

/// Louisiana's courts of appeal, cited "year number (reporter date)"
/// ("2009 1359R (La.App. 1 Cir. 05/10/10)").
pub(crate) fn louisiana_reporters() -> &'static [&'static str] {
    LOUISIANA
}

/// Reporters cited "reporter year-number" ("T.C. Memo. 2019-233").
pub(crate) fn year_page_reporters() -> &'static [&'static str] {
    YEAR_PAGE
}

impl Reporter {
    /// Whether a volume of the year `year` may be of this reporter: the
    /// year lies in its years of publication (a start year of 1750 stands
    /// for "unknown").
    pub(crate) fn covers_year(&self, year: u16) -> bool {
        let start = self.start_year.filter(|&y| y != 1750).unwrap_or(0);
        year >= start && self.end_year.is_none_or(|end| year <= end)
    }
}

/// Reporters of other countries that American opinions cite under a
/// spelling reporters-db gives to an American reporter: "[1994] 3 S. C. R.
/// 551" is Canada's Supreme Court Reports, not the South Carolina Reports
/// ("S.C.", of which reporters-db lists "S.C.R." as a variant). These win
/// over the generated table.
static FOREIGN: &[Reporter] = &[ed(
    "S.C.R.",
    "foreign",
    "Canada Supreme Court Reports",
    Some(1876),
    None,
    false,
)];

/// Every reporter spelling reporters-db knows, canonical and variant, exactly
/// as written there (3,594 of them in the generated table).
///
/// They come longest first (by whitespace-free length), so an alternation
/// built in this order prefers "F. Supp. 2d" over "F. Supp." under
/// leftmost-first regex semantics. To build one: escape each spelling, let
/// each space match `\s*` (or `\s+`) and allow optional whitespace after each
/// period, then resolve what matched with [`reporter`], which ignores
/// whitespace. Some spellings contain non-ASCII characters (`’` in
/// `"F. App’x"`).
pub(crate) fn reporter_spellings() -> impl Iterator<Item = &'static str> {
    REPORTER_SPELLINGS.iter().copied()
}

/// The abbreviation reporters-db gives the periodical spelled `spelling`
/// (any spacing: "Yale L. J." gives "Yale L.J."), if it knows one.
pub(crate) fn journal(spelling: &str) -> Option<&'static str> {
    lookup(JOURNAL_KEYS, spelling).map(|i| JOURNALS[usize::from(i)].0)
}

/// Every periodical spelling reporters-db knows, and the Supreme Court's
/// own spellings of some (817 in all), as written, longest first like
/// [`reporter_spellings`]; none is also a reporter's spelling.
pub(crate) fn journal_spellings() -> impl Iterator<Item = &'static str> {
    JOURNAL_SPELLINGS.iter().copied()
}

/// Maps a court as written in a citation parenthetical, before the year, to
/// its courts-db id; whitespace-insensitive.
///
/// Understands courts-db citation strings (`"9th Cir."`, `"S.D.N.Y."`,
/// `"Cal."`, `"Tex. Crim. App."`) and the Supreme Court's styles derived from
/// them (`"CA9"`, `"CADC"`, `"CA Fed."`, `"SDNY"`, `"ND Cal."`, `"D Md."`,
/// `"Bkrtcy. Ct. CD Cal."`, `"Cal. App."`, `"N. Y."`), giving `ca9`, `cadc`,
/// `cafc`, `nysd`, `cand`, `mdd`, `cacb`, `calctapp`, `ny`. `"Mass."` is the
/// Massachusetts Supreme Judicial Court (`mass`); after a district-court
/// reporter use [`district_court_id`] instead.
pub(crate) fn court_id(written: &str) -> Option<&'static str> {
    lookup(COURT_KEYS, written)
}

/// The id itself, as a static string, when it is a courts-db id these
/// tables give ("ca9", "mad"): how a citation read back from JSON gets
/// its id.
pub(crate) fn known_court_id(id: &str) -> Option<&'static str> {
    COURT_KEYS
        .iter()
        .chain(SINGLE_DISTRICT_KEYS)
        .map(|&(_, v)| v)
        .find(|&v| v == id)
}

/// Like [`court_id`], but reads the Supreme Court's short form for a
/// single-district state as that district court.
///
/// After a district-court reporter (F. Supp., F.R.D.) the Supreme Court
/// writes the District of Massachusetts as `"(Mass. 1999)"`, the District of
/// New Jersey as `"(NJ 2002)"` and the District of Columbia as `"(DC 2005)"`;
/// this gives `mad`, `njd` and `dcd` where [`court_id`] gives `mass` for
/// `"Mass."`. Other spellings fall through to [`court_id`].
pub(crate) fn district_court_id(written: &str) -> Option<&'static str> {
    lookup(SINGLE_DISTRICT_KEYS, written).or_else(|| court_id(written))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_squeezed_look_up_finds_what_the_spacing_free_comparison_finds() {
        let tables: [&[(&str, u16)]; 2] = [REPORTER_KEYS, JOURNAL_KEYS];
        for table in tables {
            for (key, _) in table.iter().step_by(7) {
                let spaced: String = key.chars().flat_map(|c| [c, ' ']).collect();
                for text in [
                    key.to_string(),
                    spaced,
                    format!("{key}x"),
                    format!("\u{a0}{key}é"),
                ] {
                    let by_chars = table
                        .binary_search_by(|(k, _)| cmp_ws_free(k, &text))
                        .ok()
                        .map(|i| table[i].1);
                    assert_eq!(lookup(table, &text), by_chars, "{text:?}");
                }
            }
        }
    }

    /// The canonical abbreviation `spelling` resolves to.
    fn canonical(spelling: &str) -> Option<&'static str> {
        reporter(spelling).map(|r| r.canonical)
    }

    #[test]
    fn supreme_court_spacing_resolves_to_canonical_editions() {
        assert_eq!(canonical("U. S."), Some("U.S."));
        assert_eq!(canonical("F. 3d"), Some("F.3d"));
        assert_eq!(canonical("F. 2d"), Some("F.2d"));
        assert_eq!(canonical("L. Ed. 2d"), Some("L. Ed. 2d"));
        assert_eq!(canonical("L.Ed.2d"), Some("L. Ed. 2d"));
        assert_eq!(canonical("S. Ct."), Some("S. Ct."));
        assert_eq!(canonical("F. Supp. 2d"), Some("F. Supp. 2d"));
        assert_eq!(canonical("So. 2d"), Some("So. 2d"));
        assert_eq!(canonical("N. W. 2d"), Some("N.W.2d"));
        assert_eq!(canonical("Cal. Rptr. 3d"), Some("Cal. Rptr. 3d"));
        assert_eq!(canonical("B. R."), Some("B.R."));
    }

    #[test]
    fn variant_spellings_resolve_to_their_edition() {
        assert_eq!(canonical("Fed. Appx."), Some("F. App'x"));
        assert_eq!(canonical("F. App’x"), Some("F. App'x"));
        assert_eq!(canonical("L Ed 2d"), Some("L. Ed. 2d"));
    }

    #[test]
    fn any_whitespace_is_ignored() {
        assert_eq!(canonical("F.  3d"), Some("F.3d"));
        assert_eq!(canonical("F.\t3d"), Some("F.3d"));
        assert_eq!(canonical("F.\u{a0}3d"), Some("F.3d"));
        assert_eq!(canonical(" U.S. "), Some("U.S."));
        assert_eq!(canonical("F . 3 d"), Some("F.3d"));
    }

    #[test]
    fn canadian_supreme_court_reports_are_not_south_carolina() {
        let scr = reporter("S. C. R.").unwrap();
        assert_eq!(scr.canonical, "S.C.R.");
        assert_eq!(scr.name, "Canada Supreme Court Reports");
        assert_eq!(canonical("S. C."), Some("S.C."));
    }

    #[test]
    fn unknown_or_empty_spellings_are_none() {
        assert_eq!(reporter("Xyz. Rptr."), None);
        assert_eq!(reporter(""), None);
        assert_eq!(reporter("   "), None);
        assert_eq!(reporter("f.3d"), None, "keys are case-sensitive");
        assert_eq!(reporter("F.3"), None, "a prefix is not a match");
    }

    #[test]
    fn editions_carry_reporters_db_metadata() {
        let f3d = reporter("F.3d").unwrap();
        assert_eq!(f3d.cite_type, "federal");
        assert_eq!(f3d.name, "Federal Reporter");
        assert_eq!(f3d.start_year, Some(1993));
        assert_eq!(f3d.end_year, None);
        assert!(!f3d.shared);

        let f2d = reporter("F. 2d").unwrap();
        assert_eq!((f2d.start_year, f2d.end_year), (Some(1924), Some(1993)));

        let us = reporter("U. S.").unwrap();
        assert_eq!(us.name, "United States Supreme Court Reports");
        assert_eq!(reporter("Fed. Appx.").unwrap().name, "Federal Appendix");
        assert_eq!(reporter("N. W. 2d").unwrap().cite_type, "state_regional");
    }

    #[test]
    fn shared_abbreviations_prefer_the_supreme_court_series() {
        let cranch = reporter("Cranch").unwrap();
        assert!(cranch.shared);
        assert_eq!(cranch.cite_type, "scotus_early");
        assert_eq!(cranch.name, "Cranch's Supreme Court Reports");
        // Years span both Cranch series: 1801-1815 and the D.C. 1801-1841.
        assert_eq!(
            (cranch.start_year, cranch.end_year),
            (Some(1801), Some(1841))
        );
        assert_eq!(reporter("Wash.").unwrap().name, "Washington Reports");
    }

    #[test]
    fn every_spelling_resolves_and_every_edition_maps_to_itself() {
        assert_eq!(
            reporter_spellings().count(),
            3594,
            "update the count in reporter_spellings' doc comment"
        );
        for spelling in reporter_spellings() {
            assert!(
                reporter(spelling).is_some(),
                "{spelling:?} does not resolve"
            );
        }
        for edition in EDITIONS {
            assert_eq!(canonical(edition.canonical), Some(edition.canonical));
        }
    }

    #[test]
    fn spellings_come_longest_first() {
        let lens: Vec<usize> = reporter_spellings()
            .map(|s| {
                s.chars()
                    .filter(|c| !c.is_whitespace())
                    .map(char::len_utf8)
                    .sum()
            })
            .collect();
        assert!(lens.windows(2).all(|w| w[0] >= w[1]));
    }

    #[test]
    fn tables_are_sorted_whitespace_free_and_in_range() {
        assert!(
            REPORTER_KEYS.windows(2).all(|w| w[0].0 < w[1].0),
            "not strictly sorted"
        );
        assert!(
            REPORTER_KEYS
                .iter()
                .all(|(_, i)| usize::from(*i) < EDITIONS.len())
        );
        for table in [COURT_KEYS, SINGLE_DISTRICT_KEYS] {
            assert!(
                table.windows(2).all(|w| w[0].0 < w[1].0),
                "not strictly sorted"
            );
        }
        let keys = REPORTER_KEYS
            .iter()
            .map(|(k, _)| *k)
            .chain(COURT_KEYS.iter().map(|(k, _)| *k))
            .chain(SINGLE_DISTRICT_KEYS.iter().map(|(k, _)| *k));
        for key in keys {
            assert!(
                !key.is_empty() && !key.contains(char::is_whitespace),
                "{key:?}"
            );
        }
    }

    #[test]
    fn journals_resolve_with_any_spacing_and_leave_reporters_alone() {
        assert_eq!(journal("Yale L. J."), Some("Yale L.J."));
        assert_eq!(journal("Mich. L. Rev."), Some("Mich. L. Rev."));
        assert_eq!(journal("U. Chi. L. Rev."), Some("U. Chi. L. Rev."));
        assert_eq!(journal("Texas L.Rev."), Some("Tex. L. Rev."));
        assert_eq!(journal("Tulane L. Rev."), Some("Tul. L. Rev."));
        assert_eq!(journal("F. 3d"), None);
        assert_eq!(journal("Soc. Sec. Rep. Serv."), None);
        assert_eq!(journal_spellings().count(), 817);
        for s in journal_spellings() {
            assert!(journal(s).is_some(), "{s:?}");
            assert!(reporter(s).is_none(), "{s:?} is a reporter's spelling");
        }
        assert!(JOURNAL_KEYS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn supreme_court_circuit_styles() {
        assert_eq!(court_id("CA9"), Some("ca9"));
        assert_eq!(court_id("CA2"), Some("ca2"));
        assert_eq!(court_id("CA1"), Some("ca1"));
        assert_eq!(court_id("CA11"), Some("ca11"));
        assert_eq!(court_id("CADC"), Some("cadc"));
        assert_eq!(court_id("CA Fed."), Some("cafc"));
        assert_eq!(court_id("CAFC"), Some("cafc"));
        assert_eq!(court_id("CA 9"), Some("ca9"));
        assert_eq!(court_id("CA12"), None);
    }

    #[test]
    fn bluebook_circuit_styles() {
        assert_eq!(court_id("9th Cir."), Some("ca9"));
        assert_eq!(court_id("2d Cir."), Some("ca2"));
        assert_eq!(court_id("3d Cir."), Some("ca3"));
        assert_eq!(court_id("3rd Cir."), Some("ca3"));
        assert_eq!(court_id("D.C. Cir."), Some("cadc"));
        assert_eq!(court_id("Fed. Cir."), Some("cafc"));
    }

    #[test]
    fn district_courts_in_both_styles() {
        assert_eq!(court_id("SDNY"), Some("nysd"));
        assert_eq!(court_id("S.D.N.Y."), Some("nysd"));
        assert_eq!(court_id("S. D. N. Y."), Some("nysd"));
        assert_eq!(court_id("EDNY"), Some("nyed"));
        assert_eq!(court_id("E.D.N.Y."), Some("nyed"));
        assert_eq!(court_id("ND Cal."), Some("cand"));
        assert_eq!(court_id("N.D. Cal."), Some("cand"));
        assert_eq!(court_id("ED Va."), Some("vaed"));
        assert_eq!(court_id("D. Mass."), Some("mad"));
        assert_eq!(court_id("D Md."), Some("mdd"));
        assert_eq!(court_id("D. Md."), Some("mdd"));
        assert_eq!(court_id("SD W. Va."), Some("wvsd"));
        assert_eq!(court_id("Bkrtcy. Ct. CD Cal."), Some("cacb"));
        assert_eq!(court_id("Bkrtcy. Ct. Mass."), Some("mab"));
    }

    #[test]
    fn state_courts() {
        assert_eq!(court_id("Cal."), Some("cal"));
        assert_eq!(court_id("Tex. Crim. App."), Some("texcrimapp"));
        assert_eq!(court_id("N. Y."), Some("ny"));
        assert_eq!(court_id("Cal. App."), Some("calctapp"));
        assert_eq!(court_id("D. C."), Some("dc"));
        assert_eq!(court_id("Mass."), Some("mass"));
        assert_eq!(court_id("Nowhere Ct."), None);
        assert_eq!(court_id(""), None);
    }

    #[test]
    fn single_district_short_forms() {
        assert_eq!(district_court_id("Mass."), Some("mad"));
        assert_eq!(district_court_id("NJ"), Some("njd"));
        assert_eq!(district_court_id("DC"), Some("dcd"));
        assert_eq!(district_court_id("SDNY"), Some("nysd"));
        assert_eq!(district_court_id("Cal."), Some("cal"), "no single district");
        assert_eq!(court_id("NJ"), Some("njd"));
        assert_eq!(court_id("DC"), Some("dcd"));
    }
}

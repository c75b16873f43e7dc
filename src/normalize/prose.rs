//! How a line of prose ends: whether it can end a paragraph, or stops
//! inside a citation or a case name and goes on.

use super::patterns::re;
use super::words::WordBuild;
use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

/// A line ending in the middle of a citation: a volume and the first words
/// of its reporter ("380 B. R.", "615 N. W.", "85 Cal. Rptr.", "23 I. & N.").
static CITATION_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?:^|\s)[0-9]{1,4}\s+(?:(?:[A-Z][A-Za-z’']{0,6}\.|&|[0-9](?:d|th))\s*){1,5}$")
});

/// Whether a line ends like the end of a paragraph can.
pub(super) fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(|c: char| c.is_ascii_digit() || c == '*');
    let t = if t.is_empty() { s } else { t };
    // A closing parenthesis, bracket or single quote ends a sentence
    // after its stop ("(b).)", ".’"), not after a letter: "Consumers’" is
    // a possessive.
    let closed = t
        .strip_suffix([')', ']', '’'])
        .is_some_and(|u| u.ends_with(['.', '?', '!', '”', '"', '’']));
    (closed || t.ends_with(['.', ':', '?', '!', '”', '"']))
        && !t.ends_with(" v.")
        && !t.ends_with(" U. S.")
        && !t.ends_with(" U. S. C.")
        && !t.ends_with(" Stat.")
        && !t.ends_with(" F.")
        && !t.ends_with(" App.")
        && !t.ends_with(" Cert.")
        && !CITATION_TAIL.is_match(t)
        && !t.ends_with(" n.")
        && !t.ends_with(" J.")
        && !t.ends_with(" Co.")
        && !t.ends_with(" Corp.")
        && !t.ends_with(" Inc.")
        && !t.ends_with(" No.")
        && !t.ends_with(" Id.,")
        && !t.ends_with(" cf.")
        && !t.ends_with(" e.g.")
        && !t.ends_with(" i.e.")
        && !t.ends_with(" St.")
        && !t.ends_with(" Proc.")
        && !ends_in_name_abbreviation(t)
        && !leaves_parenthesis_open(t)
}

/// Whether a line opens a parenthesis it does not close ("Black's Law
/// Dictionary 1195 (3d ed."): the sentence goes on to close it.
fn leaves_parenthesis_open(t: &str) -> bool {
    let b = t.as_bytes();
    memchr::memrchr(b'(', b)
        .is_some_and(|open| memchr::memrchr(b')', b).is_none_or(|close| close < open))
}

/// Abbreviations that stand inside case names and never end an opinion's
/// sentence in practice ("Union Pacific R.\nCo.", "ex rel.\nPatterson").
const NAME_ABBREVIATIONS: &[&str] = &[
    "rel.", "Nat.", "Assn.", "Ass’n.", "Bros.", "Dist.", "Ry.", "Mfg.", "Ins.", "Bd.", "Dept.",
    "Cty.", "Sav.", "Fed.", "Mut.", "Am.", "Assoc.", "Elec.", "Transp.", "Comm.", "Commrs.",
    "Sch.", "Univ.", "Hosp.", "Indus.", "Int’l.", "Intl.", "Nav.", "Tel.", "Gas.", "Prods.", "Mo.",
    "Ltd.",
];

/// Whether a line ends in a case-name abbreviation or a capital's initial
/// ("R.", "M."): such a line goes on.
fn ends_in_name_abbreviation(t: &str) -> bool {
    let last = t.rsplit([' ', '(']).next().unwrap_or("");
    let initial = {
        let mut cs = last.chars();
        matches!((cs.next(), cs.next(), cs.next()), (Some(c), Some('.'), None) if c.is_uppercase())
    };
    initial || NAME_ABBREVIATION_SET.contains(last)
}

/// [`NAME_ABBREVIATIONS`] as a set: one hash of the last word instead of
/// a comparison with each.
static NAME_ABBREVIATION_SET: LazyLock<HashSet<&str, WordBuild>> =
    LazyLock::new(|| NAME_ABBREVIATIONS.iter().copied().collect());

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_left_inside_a_citation_goes_on() {
        // Poppler's default mode merges lines, so a line like these can
        // look short enough to end its paragraph.
        assert!(!ends_sentence(
            "errors “of law or fact.” Black's Law Dictionary 1195 (3d ed."
        ));
        assert!(!ends_sentence(
            "the Constitution of the United States 334, 368 (P. Ford ed."
        ));
        assert!(!ends_sentence(
            "generally be fled within 30 days, see Fed. Rule App. Proc."
        ));
        assert!(ends_sentence("Black's Law Dictionary 1195 (3d ed. 1933)."));
        assert!(ends_sentence("(emphasis added)."));
        assert!(ends_sentence("as the Court held in (a) and (b)."));
    }

    #[test]
    fn a_possessive_ends_no_sentence_a_closed_quotation_does() {
        // The bulk slips' "Congress’" and "Appeals’", and "FCC v.
        // Consumers’" over "Research, 606 U. S. 656".
        assert!(!ends_sentence("Cf. FCC v. Consumers’"));
        assert!(!ends_sentence(
            "This case concerns the Board of Immigration Appeals’"
        ));
        assert!(ends_sentence("“the power ‘to establish post offices.’"));
        assert!(ends_sentence("he asked, ‘why not?’"));
        assert!(ends_sentence("as “the ‘rule.’”"));
        assert!(ends_sentence("(quoting ‘the rule.’)"));
    }
}

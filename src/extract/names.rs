//! Case and party names, read back from where a citation starts
//! ("Imbler v. Pachtman, 424 U. S. 409", "Herring, supra").

use super::scanner::floor_boundary;
use crate::Normalized;
use crate::law::words::{
    CONNECTORS, CORPORATE_SUFFIXES, NAME_ABBREVIATIONS, SENTENCE_OPENERS, STOP_WORDS,
};

/// The longest case name looked back over, in bytes.
pub(super) const NAME_LOOKBACK: usize = 120;

/// The case or party name written before `at`, which must follow ", ":
/// its start and text. Looks back at most [`NAME_LOOKBACK`] bytes within
/// the block and stops at sentence ends, clause punctuation, signals and
/// lowercase words.
pub(super) fn name_before(text: &str, at: usize) -> Option<(usize, String)> {
    // "Azar v. Allina Health Services , 587 U. S.": pypdf sets a space
    // before the comma.
    let comma = text[..at].strip_suffix(", ")?.trim_end_matches(' ').len();
    name_ending_at(text, comma)
}

/// The case name set in italics (HTML `<i>`, `<em>`) before a citation at
/// `at`, which must follow ", ": "<i>eBay Inc. v. MercExchange,
/// L.L.C.</i>, 547 U.S. 388", "<em>bell atlantic corp. v. twombly</em>,
/// 550 U.S. 544". The italics end the name and open it, so no words are
/// guessed at; a signal set in the same italics ("See also") is left out.
pub(super) fn italic_name_before(
    text: &str,
    norm: &Normalized,
    at: usize,
) -> Option<(usize, String)> {
    let comma = text[..at].strip_suffix(", ")?.len();
    let start = norm
        .italic_ending_at(comma)
        .or_else(|| norm.italic_ending_at(comma + 1))?;
    let run = &text[start..comma];
    if run.len() > 2 * NAME_LOOKBACK || run.contains('\n') {
        return None;
    }
    let mut s = start;
    let mut words = run.split(' ').peekable();
    while let Some(w) = words.next() {
        let bare = w.trim_end_matches(',');
        let in_re = w == "In" && words.peek() == Some(&"re");
        let signal = (STOP_WORDS.contains(bare) && !in_re) || matches!(bare, "also" | "e.g.");
        if !(signal || w.is_empty()) {
            break;
        }
        s += w.len() + 1;
    }
    let name = text.get(s..comma)?.trim();
    let is_id = matches!(name, "Id." | "id." | "Ibid." | "ibid.");
    if is_id || !name.chars().any(char::is_alphabetic) {
        return None;
    }
    Some((s, tidy_name(name)))
}

/// The case or party name that ends at `end` (see [`name_before`]).
pub(super) fn name_ending_at(text: &str, end: usize) -> Option<(usize, String)> {
    let mut lo = floor_boundary(text, end.saturating_sub(NAME_LOOKBACK));
    // A name never runs back into the block before.
    if let Some(nl) = memchr::memrchr(b'\n', &text.as_bytes()[lo..end]) {
        lo += nl + 1;
    }
    let window = &text[lo..end];
    // At most one word in two bytes: room for all of them at once.
    let mut words: Vec<(usize, &str)> = Vec::with_capacity(window.len() / 2 + 1);
    // Split at the spaces byte by byte: a space is one byte in UTF-8.
    let mut from = 0;
    for (i, &b) in window.as_bytes().iter().enumerate() {
        if b == b' ' {
            if i > from {
                words.push((lo + from, &window[from..i]));
            }
            from = i + 1;
        }
    }
    if window.len() > from {
        words.push((lo + from, &window[from..]));
    }
    // A word cut by the window's start is no word.
    if lo > 0 && !text[..lo].ends_with([' ', '\n']) && !words.is_empty() {
        words.remove(0);
    }
    let mut start = None;
    let mut after: Option<&str> = None;
    let mut firm_chain = false;
    for (k, &(o, word)) in words.iter().enumerate().rev() {
        // "America, Inc. v. Avagliano": a comma before a corporate suffix
        // stays inside the name.
        // "Lamar, Archer & Cofrin, LLP v. Appling", "Carlisle, McNellie,
        // Rini, Kramer & Ulrich LPA", "Memphis Light, Gas and Water Div.":
        // so do the commas between the names of a firm's.
        let capital = |w: &str| w.starts_with(|c: char| c.is_uppercase());
        let firm = || {
            after.is_some_and(capital)
                && words.get(k + 2).is_some_and(|n| {
                    n.1 == "&" || (n.1 == "and" && words.get(k + 3).is_some_and(|m| capital(m.1)))
                })
        };
        let mut in_firm = false;
        // "Riggs Nat. Bank of Washington, D. C. v. Zimmer": so does the
        // comma before the District of Columbia.
        let dc = after == Some("D.C.")
            || (after == Some("D.") && words.get(k + 2).is_some_and(|n| n.1.starts_with("C.")));
        let w = match word.strip_suffix(',') {
            Some(w) if after.is_some_and(|a| CORPORATE_SUFFIXES.contains(a)) => w,
            Some(w) if dc && capital(w) => w,
            Some(w) if capital(w) && !STOP_WORDS.contains(w) && (firm_chain || firm()) => {
                in_firm = true;
                w
            }
            _ => word,
        };
        firm_chain = in_firm;
        // "SeeYsleta Del Sur Pueblo v. Texas": a signal glued to the name
        // (web text with its tags stripped).
        if let Some(rest) = w.strip_prefix("See") {
            if rest.starts_with(|c: char| c.is_uppercase()) && after.is_some() {
                start = Some(o + 3);
                break;
            }
        }
        // "In re Ta Chi Navigation (Panama) Corp. S. A.": a word in
        // parentheses inside a name.
        let capital_before = k > 0 && capital(words[k - 1].1);
        if (after.is_some() || capital_before) && is_parenthesized_word(w) {
            after = Some(w);
            continue;
        }
        // "deliberate."Badgerow v. Walters": a name glued to the quote
        // before it starts after the quote.
        if let Some(q) = w.rfind(['"', '(', '[']) {
            let tail = &w[q + 1..];
            if q + 1 < w.len()
                && tail.starts_with(|c: char| c.is_uppercase())
                && !tail.contains([',', ';', ':', '"', ')', ']'])
                && (!STOP_WORDS.contains(tail) || (tail == "In" && after == Some("re")))
            {
                start = Some(o + q + 1);
            }
            break;
        }
        if w.contains([',', ';', ':', ')', ']', '\n']) {
            break;
        }
        // "No. CIV-07-0045-HE, 2010 WL 2817220": a docket number (a part
        // of the opinion such as "Part I-B-2" has fewer digits).
        if w.starts_with(|c: char| c.is_uppercase())
            && w.bytes().filter(u8::is_ascii_digit).count() >= 3
        {
            break;
        }
        // "Rule of Reason.10 NCAA": a footnote call glued to the end of
        // the sentence before.
        let digits = w.len() - w.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        if digits > 0 && digits < w.len() && w[..w.len() - digits].ends_with(['.', '\'']) {
            break;
        }
        // "Collins v.Yellen": a missing space after "v.".
        let w = match w.strip_prefix("v.") {
            Some(rest) if rest.starts_with(|c: char| c.is_uppercase()) => rest,
            _ => w,
        };
        let opens = || {
            let before = text[..o].trim_end_matches(' ');
            let last = before.rsplit([' ', '\n']).next().unwrap_or("");
            before.is_empty()
                || before.ends_with(['\n', '"', '?', '!'])
                || (before.ends_with('.')
                    && !is_versus(last)
                    && !NAME_ABBREVIATIONS.contains(last)
                    && !is_initial(last))
        };
        if is_versus(w) || CONNECTORS.contains(w) {
            // Kept only when a capitalized word comes before it.
        } else if w.starts_with(|c: char| c.is_uppercase())
            || is_elided_article(w)
            || is_lowercase_initials(w)
        {
            let in_re = w == "In" && after == Some("re");
            if STOP_WORDS.contains(w) && !in_re {
                break;
            }
            if w.ends_with('.')
                && !NAME_ABBREVIATIONS.contains(w)
                && !is_initial(w)
                && !is_lowercase_initials(w)
            {
                break;
            }
            // "Invoking Strang v. Bradner", "Later Imbler v. Pachtman": a
            // participle or an adverb opening the sentence is not part of
            // the name; a lone party name ("Herring, supra") is.
            let more = after.is_some_and(|a| !is_versus(a));
            if more && (w.ends_with("ing") || SENTENCE_OPENERS.contains(w)) && opens() {
                break;
            }
            start = Some(o);
        } else if w.bytes().all(|b| b.is_ascii_digit())
            && after
                .is_some_and(|a| CORPORATE_SUFFIXES.contains(a) || NAME_ABBREVIATIONS.contains(a))
            && k > 0
            && words[k - 1].1.starts_with(|c: char| c.is_uppercase())
            && !words[k - 1].1.ends_with(['.', ','])
        {
            // "Hill v. Gateway 2000, Inc.": a number inside a company name.
        } else if w.bytes().all(|b| b.is_ascii_digit())
            && after.is_some_and(|a| a.starts_with(|c: char| c.is_uppercase()))
            && k > 0
            && is_versus(words[k - 1].1)
        {
            // "Wisconsin Ave. Assocs. v. 2720 Wisconsin Ave. Coop. Ass'n": a
            // number opening a party's name.
        } else if w.bytes().all(|b| b.is_ascii_digit())
            && after.is_some_and(|a| {
                a == "of" || is_versus(a) || a.starts_with(|c: char| c.is_uppercase())
            })
            && k > 0
            && words[k - 1].1 == "No."
        {
            // "Public Util. Dist. No. 1 of Snohomish Cty.", "Lee County
            // School Dist. No. 1 v. Gardner": a numbered body.
        } else {
            break;
        }
        after = Some(w);
    }
    let s = start?;
    // "No. C 05-4518 WHA, 2006 WL 2355411": the end of a docket number.
    let clause = text[lo..s].rsplit([',', ';', '(']).next().unwrap_or("");
    if clause.contains("No. ") && !text[s..end].contains(" v") {
        return None;
    }
    Some((s, tidy_name(&text[s..end])))
}

/// Whether `w` is one capitalized word in parentheses: "(Panama)".
fn is_parenthesized_word(w: &str) -> bool {
    w.strip_prefix('(')
        .and_then(|w| w.strip_suffix(')'))
        .is_some_and(|inner| {
            inner.starts_with(|c: char| c.is_uppercase())
                && inner.chars().all(|c| c.is_alphabetic() || c == '.')
        })
}

/// Whether `w` joins the parties of a case name: "v.", "vs.", and New
/// York's "v" without a period.
fn is_versus(w: &str) -> bool {
    matches!(w, "v." | "vs." | "v")
}

/// Whether `w` is a run of lower-case initials, as a party's name may be
/// written ("Kudon v. f.m.e. Corp.").
fn is_lowercase_initials(w: &str) -> bool {
    let b = w.as_bytes();
    // Three letters at least: "e.g." and "i.e." are none.
    b.len() >= 6
        && b.len() % 2 == 0
        && b.chunks(2)
            .all(|p| p[0].is_ascii_lowercase() && p[1] == b'.')
}

/// Whether `w` is a name with an elided article before it: "d'Alene"
/// ("Coeur d'Alene Tribe"), "l'Enfant".
fn is_elided_article(w: &str) -> bool {
    let w = w.replace('\u{2019}', "'");
    w.split_once('\'').is_some_and(|(a, b)| {
        matches!(a, "d" | "l" | "de") && b.starts_with(|c: char| c.is_uppercase())
    })
}

/// A case name as keys compare it: "v." spaced as in print, also where the
/// text glued it to the next party ("Collins v.Yellen").
fn tidy_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 2);
    let mut rest = name;
    while let Some(i) = rest.find("v.") {
        let glued = rest[i + 2..].starts_with(|c: char| c.is_uppercase())
            && (i == 0 || rest[..i].ends_with(' '));
        out.push_str(&rest[..i + 2]);
        if glued {
            out.push(' ');
        }
        rest = &rest[i + 2..];
    }
    out.push_str(rest);
    out
}

/// Whether a name before "supra" names a part of the opinion itself:
/// "Part II-A", "Parts I and II", "II-C", "Appendix A".
pub(super) fn is_part_of_document(name: &str) -> bool {
    let first = name.split(' ').next().unwrap_or("");
    if matches!(first, "Part" | "Parts" | "Appendix" | "Section" | "Subpart") {
        return true;
    }
    // A bare part number: "II-C", "IV-E", "III".
    let roman = first.split('-').next().unwrap_or("");
    name == first
        && !roman.is_empty()
        && roman
            .bytes()
            .all(|b| matches!(b, b'I' | b'V' | b'X' | b'L'))
        && first[roman.len()..]
            .bytes()
            .all(|b| b == b'-' || b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// Whether `w` is an initial or a run of them ("U.", "M.M.").
fn is_initial(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 2
        && b.len() % 2 == 0
        && b.chunks(2)
            .all(|p| p[0].is_ascii_uppercase() && p[1] == b'.')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(text: &str) -> Option<String> {
        let at = text.find("424").unwrap();
        name_before(text, at).map(|n| n.1)
    }

    #[test]
    fn case_names_stop_at_signals_and_sentences() {
        assert_eq!(
            name("See Imbler v. Pachtman, 424 U. S. 409").as_deref(),
            Some("Imbler v. Pachtman")
        );
        assert_eq!(
            name("his conviction. Goldstein v. Long Beach, 424 F. 3d 1").as_deref(),
            Some("Goldstein v. Long Beach")
        );
        assert_eq!(name("Pp. 11-12. 424 F. 3d 1170").as_deref(), None);
        assert_eq!(name("see Giglio, 424 U. S. 150").as_deref(), Some("Giglio"));
        assert_eq!(
            name("the press, Buckley v. Fitzsimmons, 424 U. S. 259").as_deref(),
            Some("Buckley v. Fitzsimmons")
        );
        assert_eq!(
            name("In re Gault, 424 U. S. 1").as_deref(),
            Some("In re Gault")
        );
        assert_eq!(
            name("to be deliberate.\"Badgerow v. Walters, 424 U. S. 1").as_deref(),
            Some("Badgerow v. Walters")
        );
        assert_eq!(
            name("(quoting Collins v.Yellen, 424 U. S. 1").as_deref(),
            Some("Collins v. Yellen")
        );
        assert_eq!(
            name("holding. SeeYsleta Del Sur Pueblo v. Texas, 424 U. S. 1").as_deref(),
            Some("Ysleta Del Sur Pueblo v. Texas")
        );
        assert_eq!(
            name("rule. Lamar, Archer & Cofrin, LLP v. Appling, 424 U. S. 1").as_deref(),
            Some("Lamar, Archer & Cofrin, LLP v. Appling")
        );
        assert_eq!(
            name("See In re Ta Chi Navigation (Panama) Corp. S. A., 424 F. 2d 699").as_deref(),
            Some("In re Ta Chi Navigation (Panama) Corp. S. A.")
        );
        assert_eq!(name("the holding (Panama), 424 F. 2d 699").as_deref(), None);
        assert_eq!(
            name("Also Panama Canal Co. v. Grace Line (Panama), 424 U. S. 309").as_deref(),
            Some("Panama Canal Co. v. Grace Line (Panama)")
        );
    }
}

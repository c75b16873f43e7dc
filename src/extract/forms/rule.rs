//! Court rules: the Federal Rules ("Fed. Rule Civ. Proc. 23(b)(3)", "Fed.
//! R. Civ. P. 12(b)(6)", "Fed. Rule Evid. 403", "Fed. Rule Bkrtcy. Proc.
//! 3001", "Federal Rule of Civil Procedure 23(b)(3)" spelled out), the
//! Supreme Court's ("this Court's Rule 10", "Sup. Ct. R. 14.1(a)",
//! "Supreme Court Rule 14.1(a)"), a State's ("Ariz. Rule Crim. Proc.
//! 32.1", "Mo. Sup. Ct. Rule 29.15", "Md. Rule 4-331"), a court of
//! appeals' ("Fed. Cir. R. 36", "9th Cir. R. 36-3"), and "Rule 23(b)(3)"
//! after a citation of the same rules. Keys in the Bluebook's form: "Fed.
//! R. Civ. P. 23(b)(3)", "Sup. Ct. R. 10", "Ariz. R. Crim. P. 32.1".

use crate::citation::{CourtRule, Form};
use crate::extract::scanner::{Scanner, re};
use crate::law::codes::jurisdiction;
use crate::law::sections::sibling_subsection;
use crate::law::words::{SENTENCE_OPENERS, STOP_WORDS};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// "Rule", "Rules" or "R.", the rules' subject if any ("Civ. Proc.",
/// "Evid.", "Prof. Conduct") and the first digit of the rule.
pub(super) const ANCHOR: &str = concat!(
    r"(?-u:\b)(?P<word>Rules?|R\.)[^\S\n]+(?:(?P<subject>Civ|Crim|App|Bankr|Bkrtcy|Evid|Prof)\.",
    r"[^\S\n]*(?:(?:Proc|P)\.[^\S\n]*|Conduct[^\S\n]+)?)?[0-9]"
);
/// "Federal Rule of Civil Procedure 23", "Federal Rules of Evidence 401".
pub(super) const SPELLED: &str = concat!(
    r"(?-u:\b)Federal[^\S\n]+Rules?[^\S\n]+of[^\S\n]+(?P<subject>Civil[^\S\n]+Procedure|Criminal",
    r"[^\S\n]+Procedure|Appellate[^\S\n]+Procedure|Bankruptcy[^\S\n]+Procedure|Evidence)[^\S\n]+[0-9]"
);

static PARTS: LazyLock<Regex> = LazyLock::new(|| re(&format!("^(?:{ANCHOR})")));
static SPELLED_PARTS: LazyLock<Regex> = LazyLock::new(|| re(&format!("^(?:{SPELLED})")));
/// A rule's number: "23(b)(3)", "14.1(a)", "4-331", "26-37", "3:9-1(b)".
static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^[0-9]{1,4}(?:[.:][0-9]{1,3})?(?:-[0-9]{1,4})?(?:\([A-Za-z0-9]{1,4}\))*")
});
/// A court's local rules, named in the parenthetical after a rule: "(EDNY
/// 2012)".
static LOCAL: LazyLock<Regex> = LazyLock::new(|| re(r"^[^\S\n]*\([A-Z]{2,}"));
/// What separates the rules of a list: ", ", " and ".
static LIST_SEP: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:,[^\S\n]*(?:and[^\S\n]+)?|[^\S\n]+and[^\S\n]+)"));
/// A subdivision listed alone: "(b)".
static SUBDIVISION: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\([A-Za-z0-9]{1,4}\)(?:\([A-Za-z0-9]{1,4}\))*"));
/// The rules named after a rule: " of the Federal Rules of Civil
/// Procedure", " of the Rules of this Court".
static OF_RULES: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"^[^\S\n]+of[^\S\n]+the[^\S\n]+(?:Federal[^\S\n]+Rules[^\S\n]+of[^\S\n]+(?P<subject>Civil",
        r"[^\S\n]+Procedure|Criminal[^\S\n]+Procedure|Appellate[^\S\n]+Procedure|Bankruptcy[^\S\n]+",
        r"Procedure|Evidence)|(?P<court>Rules[^\S\n]+of[^\S\n]+this[^\S\n]+Court))(?-u:\b)"
    ))
});
/// Anything else named after a rule's number: " of the Model Rules".
static OF_OTHER: LazyLock<Regex> = LazyLock::new(|| re(r"^[^\S\n]+of[^\S\n]+the[^\S\n]+[A-Z]"));
/// The Supreme Court named before "Rule": "Sup. Ct. ", "this Court's ",
/// "Supreme Court "; with a State's name before, that State's.
static SUPREME: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?:(?P<state>[A-Z][A-Za-z.]*(?:[^\S\n]+[A-Z][A-Za-z.]*)?)[^\S\n]+)?",
        r"(?:Sup\.[^\S\n]*Ct\.|(?P<this>[Tt]his[^\S\n]+Court['\u{2019}]s)|Supreme[^\S\n]+Court)[^\S\n]+$"
    ))
});
/// A federal court of appeals named before its rules: "Fed. Cir. ", "9th
/// Cir. ", "D. C. Cir. ".
static CIRCUIT: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?:^|[^A-Za-z0-9.])(?P<circuit>Fed\.|D\.[^\S\n]*C\.|1st|2d|3d|4th|5th|6th|7th|8th|9th",
        r"|10th|11th)[^\S\n]*Cir\.[^\S\n]+$"
    ))
});
/// A State's courts named before "Rule": "Ariz. ", "Del. Super. Ct. ".
static STATE: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?:^|[^A-Za-z.])(?P<state>(?:[A-Z][a-z]*\.[^\S\n]*){1,2}|[A-Z][a-z]+[^\S\n]+)",
        r"(?P<court>(?:Super\.|Dist\.|Cir\.)[^\S\n]*Ct\.[^\S\n]*|Ct\.[^\S\n]*)?$"
    ))
});
/// How far before "Rule" the rules' name is looked for, in bytes.
const NAME_LOOKBACK: usize = 40;

/// The Federal Rules by their subject as the anchor reads it, with the
/// range of their rules' numbers.
const FEDERAL: &[(&str, &str, u32, u32)] = &[
    ("Civ", "Fed. R. Civ. P.", 1, 86),
    ("Crim", "Fed. R. Crim. P.", 1, 61),
    ("App", "Fed. R. App. P.", 1, 48),
    ("Bankr", "Fed. R. Bankr. P.", 1001, 9037),
    ("Bkrtcy", "Fed. R. Bankr. P.", 1001, 9037),
    ("Evid", "Fed. R. Evid.", 101, 1103),
];
/// The Supreme Court's Rules and the range of their numbers.
const SUPREME_COURT: (&str, u32, u32) = ("Sup. Ct. R.", 1, 48);

/// "Fed. Rule Civ. Proc. 23(b)(3)", "this Court's Rule 10", "Ariz. Rule
/// Crim. Proc. 32.1", or "Rule 23" after the same rules.
pub(super) fn parse(s: &mut Scanner<'_>, m: Range<usize>) -> usize {
    let Some(caps) = s.parts(&PARTS, &m) else {
        return m.end;
    };
    let subject = caps.name("subject").map(|g| g.as_str());
    let plural = caps.name("word").is_some_and(|w| w.as_str() == "Rules");
    let digit = m.end - 1;
    let lo = s.lookback_start(m.start, NAME_LOOKBACK);
    let before = &s.text[lo..m.start];
    let named = if before.trim_end().ends_with("Fed.") {
        federal(subject).map(|(key, _)| (lo + before.rfind("Fed.").unwrap_or(0), key.to_string()))
    } else {
        supreme_or_state(before, subject).map(|(at, key)| (lo + at, key))
    };
    let (start, rules, named) = match named {
        Some((start, rules)) => (start, rules, true),
        None if subject.is_none() && caps.name("word").is_some_and(|w| w.as_str() != "R.") => {
            match short_form(s, &m, digit, before) {
                Some(rules) => (m.start, rules, false),
                None => return m.end,
            }
        }
        None => return m.end,
    };
    rules_at(s, start, digit, rules, plural, named).unwrap_or(m.end)
}

/// "Federal Rule of Civil Procedure 23(b)(3)".
pub(super) fn parse_spelled(s: &mut Scanner<'_>, m: Range<usize>) -> usize {
    let Some(caps) = s.parts(&SPELLED_PARTS, &m) else {
        return m.end;
    };
    let Some(rules) = caps.name("subject").and_then(|g| spelled(g.as_str())) else {
        return m.end;
    };
    let plural = s.text[m.start..].starts_with("Federal Rules");
    rules_at(s, m.start, m.end - 1, rules.to_string(), plural, true).unwrap_or(m.end)
}

/// The Federal Rules of a subject spelled out ("Civil Procedure").
fn spelled(subject: &str) -> Option<&'static str> {
    let first = subject.split_whitespace().next()?;
    let abbr = match first {
        "Civil" => "Civ",
        "Criminal" => "Crim",
        "Appellate" => "App",
        "Bankruptcy" => "Bankr",
        "Evidence" => "Evid",
        _ => return None,
    };
    federal(Some(abbr)).map(|(key, _)| key)
}

/// The Federal Rules of the subject the anchor read, and their range.
fn federal(subject: Option<&str>) -> Option<(&'static str, (u32, u32))> {
    let subject = subject?;
    FEDERAL
        .iter()
        .find(|(s, ..)| *s == subject)
        .map(|(_, key, lo, hi)| (*key, (*lo, *hi)))
}

/// The Supreme Court's rules, a court of appeals' or a State's named right
/// before "Rule": where the name starts in `before`, and the rules' key
/// prefix ("Sup. Ct. R.", "Fed. Cir. R.", "Mo. Sup. Ct. R.", "Ariz. R.
/// Crim. P.").
fn supreme_or_state(before: &str, subject: Option<&str>) -> Option<(usize, String)> {
    if let Some(c) = CIRCUIT.captures(before).filter(|_| subject.is_none()) {
        let circuit = c.name("circuit")?;
        let name = circuit.as_str().split_whitespace().collect::<String>();
        return Some((circuit.start(), format!("{name} Cir. R.")));
    }
    if let Some(c) = SUPREME.captures(before) {
        let start = c.get(0)?.start();
        let state = c
            .name("state")
            .and_then(|st| jurisdiction(st.as_str().trim_end()));
        return match (state, c.name("this"), subject) {
            (Some(st), None, _) => {
                Some((start, format!("{st} Sup. Ct. R.{}", subject_key(subject))))
            }
            (_, _, None) => {
                let at = c.name("this").or(c.get(0)).map_or(start, |g| g.start());
                let at = if state.is_none() {
                    sup_start(before, at)
                } else {
                    at
                };
                Some((at, SUPREME_COURT.0.to_string()))
            }
            _ => None,
        };
    }
    let c = STATE.captures(before)?;
    let st = c.name("state")?;
    let juris = jurisdiction(st.as_str().trim_end())?;
    if juris == "U.S." {
        return None;
    }
    let court = c.name("court").map_or(String::new(), |g| {
        format!(
            "{} ",
            g.as_str().split_whitespace().collect::<Vec<_>>().join(" ")
        )
    });
    Some((
        st.start(),
        format!("{juris} {court}R.{}", subject_key(subject)),
    ))
}

/// Where the Supreme Court's name starts when no State is named: the
/// start of "Sup.", "this" or "Supreme" at or after `at`.
fn sup_start(before: &str, at: usize) -> usize {
    ["Sup.", "this", "This", "Supreme"]
        .iter()
        .filter_map(|w| before[at..].find(w).map(|i| at + i))
        .min()
        .unwrap_or(at)
}

/// The Bluebook's abbreviation of a rules' subject, after "R.": " Civ.
/// P.", " Evid.", " Prof. Conduct".
fn subject_key(subject: Option<&str>) -> &'static str {
    match subject {
        Some("Civ") => " Civ. P.",
        Some("Crim") => " Crim. P.",
        Some("App") => " App. P.",
        Some("Bankr" | "Bkrtcy") => " Bankr. P.",
        Some("Evid") => " Evid.",
        Some("Prof") => " Prof. Conduct",
        _ => "",
    }
}

/// "Rule 23(b)(3)" without the rules' name: of the rules named after it
/// ("of the Federal Rules of Civil Procedure"), else of the rules last
/// cited when its number is one of theirs and no other source is named
/// ("Model Rule 1.6", "Rule 10b-5", "Rule 2 of the Model Rules").
fn short_form(s: &mut Scanner<'_>, m: &Range<usize>, digit: usize, before: &str) -> Option<String> {
    let number = NUMBER.find(&s.text[digit..])?;
    let after = &s.text[digit + number.end()..];
    if after.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return None;
    }
    if let Some(c) = OF_RULES.captures(after) {
        return match (c.name("subject"), c.name("court")) {
            (Some(subject), _) => spelled(subject.as_str()).map(str::to_string),
            _ => Some(SUPREME_COURT.0.to_string()),
        };
    }
    // "Model Rule 1.6", "Local Rule 7", "Procedure, Rule 4.1", "§2255
    // Rules 3(b)": rules of another name; "Rule 54.1 (EDNY 2012)", a
    // court's local rule.
    let word = before.trim_end().rsplit(' ').next().unwrap_or("");
    let stem = word.strip_suffix(',').unwrap_or(word);
    let named = (stem.starts_with(|c: char| c.is_ascii_uppercase())
        && !stem.ends_with(['.', ';', ':', ')', '"', '\u{201d}'])
        && !STOP_WORDS.contains(stem)
        && !SENTENCE_OPENERS.contains(stem))
        || stem.starts_with('§');
    if named || OF_OTHER.is_match(after) || LOCAL.is_match(after) || m.start >= digit {
        return None;
    }
    let rules = s.law.rules.clone()?;
    // The Supreme Court's Rules are cited by name each time ("this Court's
    // Rule 10"): a "Rule 10(c)" cites them again in the same paragraph
    // only.
    s.section_at(m.start);
    if s.law.rules_block.is_some_and(|b| b != s.line) {
        return None;
    }
    let mut parts = number.as_str().split(['.', '(']).next()?.split('-');
    let value: u32 = parts.next()?.parse().ok()?;
    // "Rule 77-3": a local rule's number, no range of the Federal Rules.
    let range_end: Option<u32> = parts.next().and_then(|e| e.parse().ok());
    if FEDERAL.iter().any(|f| f.1 == rules) && range_end.is_some_and(|e| e <= value) {
        return None;
    }
    in_range(&rules, value).then_some(rules)
}

/// Whether rule `value` may be one of `rules`: within the range of the
/// Federal Rules or the Supreme Court's; any number for a State's.
fn in_range(rules: &str, value: u32) -> bool {
    let range = FEDERAL
        .iter()
        .find(|(_, key, ..)| *key == rules)
        .map(|(_, _, lo, hi)| (*lo, *hi))
        .or((rules == SUPREME_COURT.0).then_some((SUPREME_COURT.1, SUPREME_COURT.2)));
    range.is_none_or(|(lo, hi)| (lo..=hi).contains(&value))
}

/// The rules at `digit` (a list after "Rules") of `rules`, the first
/// citation starting at `start`; where scanning resumes. Named rules are
/// what a later "Rule 23" cites again (the Supreme Court's in the same
/// paragraph only).
fn rules_at(
    s: &mut Scanner<'_>,
    start: usize,
    digit: usize,
    rules: String,
    plural: bool,
    named: bool,
) -> Option<usize> {
    let first = NUMBER.find(&s.text[digit..])?;
    let mut end = digit + first.end();
    if s.text[end..].starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return None;
    }
    let first = first.as_str().to_string();
    let mut list = vec![(start, end, first.clone())];
    if plural {
        end = more_rules(s.text, end, &first, &mut list);
    }
    // "Rule 23(b)(3) of the Federal Rules of Civil Procedure".
    if let Some(of) = OF_RULES.find(&s.text[end..]) {
        end += of.end();
        if let Some(last) = list.last_mut() {
            last.1 = end;
        }
    }
    for (from, to, number) in list {
        let rule = CourtRule {
            rules: rules.clone(),
            number,
        };
        let key = rule.to_string();
        let mut c = s.cite(Form::Rule(rule), from..to);
        c.authority = Some(key);
        c.parenthetical = s.parenthetical(to);
        s.out.push(c);
    }
    if named || s.law.rules.is_none() {
        // A "Rule 32" far after "this Court's Rule 10" is another's.
        let supreme = rules == SUPREME_COURT.0;
        s.law.rules_block = supreme.then_some(s.line);
        s.law.rules = Some(rules);
    }
    Some(end)
}

/// The rules listed after the first of "Rules" ("Rules 12(b)(6) and 56",
/// "Rules 23(a) and (b)"), pushed with their ranges; where the list ends.
fn more_rules(
    text: &str,
    mut end: usize,
    first: &str,
    list: &mut Vec<(usize, usize, String)>,
) -> usize {
    while let Some(sep) = LIST_SEP.find(&text[end..]) {
        let at = end + sep.end();
        let (len, number) = if let Some(sub) = SUBDIVISION.find(&text[at..]) {
            (sub.end(), sibling_subsection(first, sub.as_str()))
        } else if let Some(n) = NUMBER.find(&text[at..]) {
            (n.end(), n.as_str().to_string())
        } else {
            break;
        };
        if text[at + len..].starts_with(|c: char| c.is_ascii_alphanumeric()) {
            break;
        }
        list.push((at, at + len, number));
        end = at + len;
    }
    end
}

/// The lazily compiled patterns and tables above, which
/// [`crate::extract::prepare`] compiles ahead of their first use.
pub(super) const PATTERNS: &[fn()] = crate::extract::patterns![
    PARTS,
    SPELLED_PARTS,
    NUMBER,
    LOCAL,
    LIST_SEP,
    SUBDIVISION,
    OF_RULES,
    OF_OTHER,
    SUPREME,
    CIRCUIT,
    STATE
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_numbers_fall_in_their_range() {
        assert!(in_range("Fed. R. Civ. P.", 23));
        assert!(!in_range("Fed. R. Civ. P.", 144));
        assert!(!in_range("Fed. R. Evid.", 23));
        assert!(in_range("Ariz. R. Crim. P.", 32));
        assert_eq!(spelled("Civil Procedure"), Some("Fed. R. Civ. P."));
        assert_eq!(subject_key(Some("Prof")), " Prof. Conduct");
    }
}

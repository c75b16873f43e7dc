//! Constitutions: "U. S. Const., Art. I, §8, cl. 3", "U.S. Const. amend.
//! IV", "U. S. Const., Amdts. 5, 14", "Cal. Const., art. I, § 7"; after one,
//! or in the Supreme Court's style alone, "Art. III, §2", "Article IV, §2",
//! "Amdt. 14, §1" and a "§10" continuing the provision before ("Art. I, §8,
//! cl. 3; §10, cl. 1"). "The Fourteenth Amendment" in prose is no
//! citation. Each provision is one citation, its span the whole provision.

use super::statute::{self, LawState};
use crate::citation::{Constitution, ConstitutionPart, Form};
use crate::extract::scanner::{Scanner, re};
use crate::law::codes::jurisdiction;
use regex::{Captures, Regex};
use std::ops::Range;
use std::sync::LazyLock;

/// "Const.", whose jurisdiction is read before it.
pub(super) const NAMED: &str = r"(?-u:\b)Const\.";
/// An article or amendment: "Art. I", "Article IV", "Amdt. 14", "amends.
/// V"; also a code's article ("La. Civ. Code art. 2315").
pub(super) const PART: &str = r"(?-u:\b)(?P<mark>Arts?\.|arts?\.|Article|Amdts?\.|amends?\.)[^\S\n]*(?P<num>[IVXLC]+|[0-9]{1,4})(?-u:\b)";

static PART_PARTS: LazyLock<Regex> = LazyLock::new(|| re(&format!("^(?:{PART})")));
/// The part after a constitution's name: ", Art. I", " amend. XIV", "
/// pmbl.".
static PART_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"^,?[^\S\n]*(?:(?P<art>Arts?\.|arts?\.|Article)|(?P<am>Amdts?\.|amends?\.|Amend\.|Amendment)",
        r"|(?P<pmbl>pmbl\.|Preamble))[^\S\n]*(?P<num>[IVXLC]+|[0-9]{1,3})?(?-u:\b)"
    ))
});
/// A constitution cited whole: its name followed by the end of the
/// citation.
static WHOLE: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:[^\S\n]*[;,)]|\.?[^\S\n]*$)"));
/// More amendments of a list: ", 14", " and XIV".
static MORE_NUMBERS: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:,[^\S\n]*(?:and[^\S\n]+)?|[^\S\n]+and[^\S\n]+)(?P<num>[IVXLC]+|[0-9]{1,2})(?-u:\b)")
});
/// A section: ", §8", ", § 2(b)", ", §§9, 10"; or the mark alone, of a
/// section continuing the provision before.
static SECTION: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^,?[^\S\n]*(?P<mark>§§?)[^\S\n]*(?P<num>[0-9]{1,3}[a-z]?(?:\([A-Za-z0-9]{1,3}\))*)")
});
/// More sections or clauses of a list: ", 10", " and 4".
static MORE_ITEMS: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:,[^\S\n]*(?:and[^\S\n]+)?|[^\S\n]+and[^\S\n]+)(?P<num>[0-9]{1,3}[a-z]?)(?-u:\b)")
});
/// A clause: ", cl. 3", ", cls. 2-3", ", cls. 1, 2".
static CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^,[^\S\n]*(?P<mark>cls?\.)[^\S\n]*(?P<num>[0-9]{1,2}(?:[^\S\n]*[-\u{2013}][^\S\n]*[0-9]{1,2})?)(?-u:\b)",
    )
});
/// The constitution named after a provision: " of the Constitution", " of
/// the Florida Constitution".
static OF_CONSTITUTION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^[^\S\n]+of[^\S\n]+the[^\S\n]+(?:(?P<state>[A-Z][a-z]+(?:[^\S\n]+[A-Z][a-z]+)?)[^\S\n]+)?Constitution(?-u:\b)",
    )
});
/// What may stand between a provision and a section continuing it: "; ",
/// ", and ", "; see also ".
static CONTINUING: LazyLock<Regex> =
    LazyLock::new(|| re(r"^[^\S\n]*[;,][^\S\n]*(?:(?:and|see|also|cf\.)[^\S\n]+)*$"));
/// A source other than a constitution named in the clause before a bare
/// article: a compact, a treaty, a code, the Articles of Confederation.
static OTHER_ARTICLES: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?-u:\b)(?:Compact|Treaty|Convention|Agreement|Protocol|Charter|Confederation",
        r"|Code|Rules?|Act|Statute|Accord|Covenant)(?-u:\b)"
    ))
});
/// How far after a constitution cited, in bytes, a bare article or a
/// section takes its jurisdiction.
const INHERIT_REACH: usize = 2000;
/// How many words before "Const." a jurisdiction may take ("W. Va.").
const JURISDICTION_WORDS: usize = 3;
/// The articles of the Constitution of the United States.
const US_ARTICLES: u32 = 7;
/// Its amendments.
const US_AMENDMENTS: u32 = 27;

/// The constitution last cited: what a bare article or a section after it
/// takes.
#[derive(Clone, Debug)]
pub(in crate::extract) struct LastConstitution {
    provision: Constitution,
    block: usize,
    end: usize,
}

/// "U. S. Const., Art. I, §8, cl. 3": a constitution named by its
/// jurisdiction, cited whole or by its parts.
pub(super) fn parse_named(s: &mut Scanner<'_>, m: Range<usize>) -> usize {
    let Some((start, juris)) = jurisdiction_before(s, m.start) else {
        return m.end;
    };
    let rest = &s.text[m.end..];
    let Some(p) = PART_AFTER.captures(rest) else {
        if !WHOLE.is_match(rest) {
            return m.end;
        }
        let c = Constitution {
            jurisdiction: juris.to_string(),
            part: None,
            section: None,
            clause: None,
        };
        push(s, vec![(start..m.end, c)]);
        return m.end;
    };
    let Some(parts) = parts(s.text, m.end, &p, juris) else {
        return m.end;
    };
    let provisions = provisions(start, parts);
    let end = provisions.last().map_or(m.end, |p| p.0.end);
    push(s, provisions);
    end
}

/// "Art. III, §2", "Amdt. 14", "Article IV, §2 of the Florida
/// Constitution": an article or amendment without the constitution's
/// name; or a code's article ("La. Civ. Code Ann. art. 2315").
pub(super) fn parse_part(s: &mut Scanner<'_>, m: Range<usize>) -> usize {
    let Some(caps) = s.parts(&PART_PARTS, &m) else {
        return m.end;
    };
    let (Some(mark), Some(num)) = (caps.name("mark"), caps.name("num")) else {
        return m.end;
    };
    if mark.as_str().starts_with(['A', 'a']) && !mark.as_str().starts_with("am") {
        let digit = m.start + num.start();
        if let Some(end) = statute::code_article(s, m.start, digit) {
            return end;
        }
    }
    let block = block_at(s, m.start);
    let recent = recent(&s.law, block, m.start);
    let juris = recent
        .map_or("U.S.", |r| r.provision.jurisdiction.as_str())
        .to_string();
    if !bare_part_cited(s, &m, mark.as_str(), num.as_str(), recent.is_some(), &juris) {
        return m.end;
    }
    let Some(p) = PART_AFTER.captures(&s.text[m.start..]) else {
        return m.end;
    };
    let Some(mut parts) = parts(s.text, m.start, &p, &juris) else {
        return m.end;
    };
    // "Article I, §9 of the Florida Constitution".
    if let Some(of) = OF_CONSTITUTION.captures(&s.text[parts.end..]) {
        let named = of
            .name("state")
            .map_or(Some("U.S."), |st| jurisdiction(st.as_str()));
        if let (Some(j), Some(all)) = (named, of.get(0)) {
            parts.jurisdiction = j.to_string();
            parts.end += all.end();
        }
    }
    let provisions = provisions(m.start, parts);
    let end = provisions.last().map_or(m.end, |p| p.0.end);
    push(s, provisions);
    end
}

/// Whether a bare article or amendment is a constitution's: the Supreme
/// Court's "Amdt." always; an article in Roman numerals with a section or
/// clause after it, or soon after a constitution cited; never one of a
/// compact, a treaty or a code named in its clause ("Compact, Art. V(A)"),
/// nor one the Constitution of the United States lacks.
fn bare_part_cited(
    s: &Scanner<'_>,
    m: &Range<usize>,
    mark: &str,
    num: &str,
    recent: bool,
    juris: &str,
) -> bool {
    let roman = num.starts_with(['I', 'V', 'X', 'L', 'C']);
    let after = &s.text[m.end..];
    if after.starts_with('(') {
        return false;
    }
    let lo = s.lookback_start(m.start, 200);
    if OTHER_ARTICLES.is_match(statute::clause_of(&s.text[lo..m.start])) {
        return false;
    }
    let value = if roman {
        roman_value(num)
    } else {
        num.parse().ok()
    };
    let amendment = mark.starts_with("Am") || mark.starts_with("am");
    if juris == "U.S." {
        let most = if amendment {
            US_AMENDMENTS
        } else {
            US_ARTICLES
        };
        if !value.is_some_and(|v| (1..=most).contains(&v)) {
            return false;
        }
    }
    let has_section = after.starts_with(',') && (SECTION.is_match(after) || CLAUSE.is_match(after));
    match mark {
        "Amdt." | "Amdts." => true,
        "amend." | "amends." => roman,
        "Article" => roman && has_section,
        "art." | "arts." => recent && has_section,
        _ if roman => has_section || recent,
        _ => recent && juris != "U.S." && has_section,
    }
}

/// "§10, cls. 1" right after a constitution's provision ("Art. I, §8, cl.
/// 3; §10, cl. 1"): another section of its article. `m` is the mark.
pub(super) fn continued(s: &mut Scanner<'_>, m: Range<usize>) -> Option<usize> {
    let last = s.law.constitution.clone()?;
    let between = s.text.get(last.end..m.start)?;
    if last.block != block_at(s, m.start) || !CONTINUING.is_match(between) {
        return None;
    }
    let text = s.text;
    let parts = Parts {
        jurisdiction: last.provision.jurisdiction.clone(),
        part: last.provision.part.clone(),
        parts: Vec::new(),
        sections: Vec::new(),
        clauses: Vec::new(),
        first_end: None,
        end: m.start,
    };
    let parts = clauses(text, sections(text, parts));
    if parts.sections.is_empty() {
        return None;
    }
    let provisions = provisions(m.start, parts);
    let end = provisions.last().map_or(m.end, |p| p.0.end);
    push(s, provisions);
    Some(end)
}

/// The block of matching-text offset `at`, at or after every offset asked
/// before.
fn block_at(s: &mut Scanner<'_>, at: usize) -> usize {
    s.section_at(at);
    s.line
}

/// The constitution last cited, when it may lend its jurisdiction to a
/// part at `at` (block `block`): in the same block or not far before.
fn recent(law: &LawState, block: usize, at: usize) -> Option<&LastConstitution> {
    law.constitution
        .as_ref()
        .filter(|c| c.block == block || at.saturating_sub(c.end) < INHERIT_REACH)
}

/// The jurisdiction written right before "Const." at `at`: where it
/// starts, and its Bluebook abbreviation ("U. S." is "U.S.").
fn jurisdiction_before(s: &Scanner<'_>, at: usize) -> Option<(usize, &'static str)> {
    let lo = s.lookback_start(at, 24);
    let before = &s.text[lo..at];
    let trimmed = before.trim_end_matches(' ');
    let starts: Vec<usize> = std::iter::once(0)
        .chain(trimmed.match_indices(' ').map(|(i, _)| i + 1))
        .collect();
    let from = starts.len().saturating_sub(JURISDICTION_WORDS);
    starts[from..].iter().find_map(|&i| {
        let word = &trimmed[i..];
        let first = word.chars().next()?;
        let j = jurisdiction(word).filter(|_| first.is_ascii_uppercase())?;
        Some((lo + i, j))
    })
}

/// A provision's parts as read: the jurisdiction; its article or
/// amendment, with more amendments of a list; its sections; its clauses;
/// where it ends.
struct Parts {
    jurisdiction: String,
    part: Option<ConstitutionPart>,
    /// More amendments of a list ("Amdts. 5, 14"), each with its range.
    parts: Vec<(Range<usize>, ConstitutionPart)>,
    sections: Vec<(Range<usize>, String)>,
    clauses: Vec<(Range<usize>, String)>,
    /// Where the first citation ends when a list follows it.
    first_end: Option<usize>,
    end: usize,
}

/// The parts of a provision whose part was matched by `p` at `at`.
fn parts(text: &str, at: usize, p: &Captures<'_>, juris: &str) -> Option<Parts> {
    let us = juris == "U.S.";
    let num = p.name("num").map(|n| n.as_str());
    let part = if p.name("pmbl").is_some() {
        ConstitutionPart::Preamble
    } else if p.name("am").is_some() {
        ConstitutionPart::Amendment(numeral(num?, us, true)?)
    } else {
        ConstitutionPart::Article(numeral(num?, us, false)?)
    };
    let part_end = at + p.get(0)?.end();
    let mut end = part_end;
    let mut more = Vec::new();
    if matches!(part, ConstitutionPart::Amendment(_)) {
        end = more_amendments(text, end, us, &mut more);
    }
    let mut parts = Parts {
        jurisdiction: juris.to_string(),
        part: Some(part),
        first_end: (!more.is_empty()).then_some(part_end),
        parts: more,
        sections: Vec::new(),
        clauses: Vec::new(),
        end,
    };
    if parts.parts.is_empty() {
        parts = sections(text, parts);
    }
    Some(clauses(text, parts))
}

/// The amendments listed after the first ("Amdts. 5, 14"), pushed with
/// their ranges; where the list ends.
fn more_amendments(
    text: &str,
    mut end: usize,
    us: bool,
    more: &mut Vec<(Range<usize>, ConstitutionPart)>,
) -> usize {
    while let Some(c) = MORE_NUMBERS.captures(&text[end..]) {
        let (Some(n), Some(all)) = (c.name("num"), c.get(0)) else {
            break;
        };
        let Some(value) = numeral(n.as_str(), us, true) else {
            break;
        };
        more.push((
            end + n.start()..end + n.end(),
            ConstitutionPart::Amendment(value),
        ));
        end += all.end();
    }
    end
}

/// The sections after a provision's part: ", §8", ", §§9, 10".
fn sections(text: &str, mut parts: Parts) -> Parts {
    let Some(c) = SECTION.captures(&text[parts.end..]) else {
        return parts;
    };
    let (Some(mark), Some(n), Some(all)) = (c.name("mark"), c.name("num"), c.get(0)) else {
        return parts;
    };
    let at = parts.end;
    parts
        .sections
        .push((at..at + n.end(), n.as_str().to_string()));
    parts.end = at + all.end();
    if mark.as_str() == "§§" {
        parts.end = list(text, parts.end, &mut parts.sections);
        if parts.sections.len() > 1 {
            parts.first_end = Some(at + n.end());
        }
    }
    parts
}

/// The clauses after a provision's section: ", cl. 3", ", cls. 1, 2".
fn clauses(text: &str, mut parts: Parts) -> Parts {
    if parts.sections.len() > 1 {
        return parts;
    }
    let Some(c) = CLAUSE.captures(&text[parts.end..]) else {
        return parts;
    };
    let (Some(mark), Some(n), Some(all)) = (c.name("mark"), c.name("num"), c.get(0)) else {
        return parts;
    };
    let at = parts.end;
    let clause: String = n
        .as_str()
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c == '\u{2013}' { '-' } else { c })
        .collect();
    parts.clauses.push((at..at + n.end(), clause));
    parts.end = at + all.end();
    if mark.as_str() == "cls." && !n.as_str().contains(['-', '\u{2013}']) {
        parts.end = list(text, parts.end, &mut parts.clauses);
        if parts.clauses.len() > 1 {
            parts.first_end = Some(at + n.end());
        }
    }
    parts
}

/// The items of a list after `end` (", 10", " and 4"), pushed with their
/// ranges; where the list ends.
fn list(text: &str, mut end: usize, items: &mut Vec<(Range<usize>, String)>) -> usize {
    while let Some(c) = MORE_ITEMS.captures(&text[end..]) {
        let (Some(n), Some(all)) = (c.name("num"), c.get(0)) else {
            break;
        };
        // "cl. 3, 98 Stat. 1": a number followed by a word starts
        // something else.
        let next = text[end + all.end()..].trim_start_matches(' ');
        if next.starts_with(|c: char| c.is_ascii_alphabetic()) {
            break;
        }
        items.push((end + n.start()..end + n.end(), n.as_str().to_string()));
        end += all.end();
    }
    end
}

/// One citation for each provision of `parts`, starting at `start`: the
/// first spans from there, each more item of a list its own number.
fn provisions(start: usize, parts: Parts) -> Vec<(Range<usize>, Constitution)> {
    let base = Constitution {
        jurisdiction: parts.jurisdiction,
        part: parts.part,
        section: parts.sections.first().map(|s| s.1.clone()),
        clause: parts.clauses.first().map(|c| c.1.clone()),
    };
    let first_end = parts.first_end.unwrap_or(parts.end);
    let mut out = vec![(start..first_end.max(start), base.clone())];
    for (r, part) in parts.parts {
        let c = Constitution {
            part: Some(part),
            ..base.clone()
        };
        out.push((r, c));
    }
    for (r, section) in parts.sections.into_iter().skip(1) {
        let c = Constitution {
            section: Some(section),
            clause: None,
            ..base.clone()
        };
        out.push((r, c));
    }
    for (r, clause) in parts.clauses.into_iter().skip(1) {
        let c = Constitution {
            clause: Some(clause),
            ..base.clone()
        };
        out.push((r, c));
    }
    out
}

/// Pushes a citation for each provision, and remembers the last.
fn push(s: &mut Scanner<'_>, provisions: Vec<(Range<usize>, Constitution)>) {
    for (range, c) in provisions {
        let key = c.to_string();
        let end = range.end;
        let mut cite = s.cite(Form::Constitution(c.clone()), range);
        cite.authority = Some(key);
        cite.parenthetical = s.parenthetical(end);
        let block = cite.place.block;
        s.out.push(cite);
        s.law.constitution = Some(LastConstitution {
            provision: c,
            block,
            end,
        });
    }
}

/// An article's or amendment's number as its key writes it: Roman for the
/// Constitution of the United States ("Amdt. 14" is "XIV"), as written for
/// a State's. `None` for a number the Constitution lacks.
fn numeral(written: &str, us: bool, amendment: bool) -> Option<String> {
    let value = match written.parse::<u32>() {
        Ok(v) => v,
        Err(_) => roman_value(written)?,
    };
    if !us {
        return Some(written.to_string());
    }
    let most = if amendment {
        US_AMENDMENTS
    } else {
        US_ARTICLES
    };
    (1..=most).contains(&value).then(|| roman(value))
}

/// The value of a Roman numeral ("XIV" is 14), if well formed.
fn roman_value(n: &str) -> Option<u32> {
    let digit = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        _ => None,
    };
    let values: Vec<i64> = n.chars().map(digit).collect::<Option<_>>()?;
    let mut total = 0i64;
    for (i, v) in values.iter().enumerate() {
        if values.get(i + 1).is_some_and(|next| next > v) {
            total -= v;
        } else {
            total += v;
        }
    }
    let total = u32::try_from(total).ok().filter(|&t| t > 0 && t < 400)?;
    // "IIII", "VX": only the canonical spelling of its value.
    (roman(total) == n).then_some(total)
}

/// A number in Roman numerals (below 400).
fn roman(mut n: u32) -> String {
    const DIGITS: [(u32, &str); 9] = [
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in DIGITS {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// The lazily compiled patterns and tables above, which
/// [`crate::extract::prepare`] compiles ahead of their first use.
pub(super) const PATTERNS: &[fn()] = crate::extract::patterns![
    PART_PARTS,
    PART_AFTER,
    WHOLE,
    MORE_NUMBERS,
    SECTION,
    MORE_ITEMS,
    CLAUSE,
    OF_CONSTITUTION,
    CONTINUING,
    OTHER_ARTICLES
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals_are_roman_for_the_united_states() {
        assert_eq!(numeral("14", true, true), Some("XIV".to_string()));
        assert_eq!(numeral("XIV", true, true), Some("XIV".to_string()));
        assert_eq!(numeral("28", true, true), None);
        assert_eq!(numeral("IX", true, false), None);
        assert_eq!(numeral("1", false, false), Some("1".to_string()));
        assert_eq!(roman_value("IIII"), None);
        assert_eq!(roman_value("XLIV"), Some(44));
        assert_eq!(roman_value("IV"), Some(4));
        assert_eq!(roman_value("XIX"), Some(19));
        assert_eq!(roman(27), "XXVII");
    }
}

//! Statute sections: "523(a)(2)(A)", its base section, its siblings, the
//! chapter an "Id." names with one.

/// A statute section without its subsections: "523(a)(2)(A)" -> "523".
pub(crate) fn base_section(sec: &str) -> &str {
    sec.split('(').next().unwrap_or(sec)
}

/// Whether a U.S. Code section as written is a range of sections ("1981-1983",
/// "270a-270f", "5.01-5.05") rather than one section whose number has a
/// hyphen ("2000e-2", "301.6501(e)-1"): one hyphen between two numbers
/// whose leading digits are as many, the second not below the first.
pub(crate) fn is_range(sec: &str) -> bool {
    let Some((a, b)) = sec.split_once('-') else {
        return false;
    };
    let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    let number = |s: &str| s[..digits(s)].parse::<u64>().ok();
    !b.contains('-')
        && !sec.contains(':')
        && digits(a) > 0
        && digits(a) == digits(b)
        && number(a) <= number(b)
}

/// Whether the range of sections `range` ("1981-1983", "1396-1396v",
/// written as [`is_range`] reads one) takes in the section `sec`
/// ("1982", "1982(a)", "1396b"): its base section is between the ends,
/// sections compared by their leading number, then by what follows it
/// ("1396" before "1396a" before "1396v"). Both as written, in one case.
pub(crate) fn range_covers(range: &str, sec: &str) -> bool {
    if !is_range(range) {
        return false;
    }
    let Some((first, last)) = range.split_once('-') else {
        return false;
    };
    let order = |s: &str| {
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        let number = s[..digits].parse::<u64>().ok()?;
        Some((number, s[digits..].to_string()))
    };
    let sec = base_section(sec);
    match (order(first), order(sec), order(last)) {
        (Some(a), Some(s), Some(b)) => a <= s && s <= b,
        _ => false,
    }
}

/// The subsection a list continues with, written alone: after
/// "522(d)(5)", "(6)" is "522(d)(6)"; after "11603(a)", "(b)" is
/// "11603(b)". It replaces the level of the first section whose kind (a
/// number, a lowercase or a capital letter) it shares, else adds to the
/// section.
pub(crate) fn sibling_subsection(first: &str, sub: &str) -> String {
    let kind = |p: &str| {
        p.chars()
            .nth(1)
            .map(|c| (c.is_ascii_digit(), c.is_ascii_uppercase()))
    };
    // "2617(b)(2)-(3)": the range's end is no level of its own.
    let first = first.split(")-").next().unwrap_or(first);
    let first = if first.contains('(') && !first.ends_with(')') {
        format!("{first})")
    } else {
        first.to_string()
    };
    let want = kind(sub);
    let mut cut = first.find('(').unwrap_or(first.len());
    let mut at = cut;
    while at < first.len() {
        let close = first[at..].find(')').map_or(first.len(), |i| at + i + 1);
        if kind(&first[at..close]) == want {
            cut = at;
        }
        at = close;
    }
    if want.is_none() {
        cut = first.find('(').unwrap_or(first.len());
    }
    format!("{}{sub}", &first[..cut])
}

/// The section of an "Id." that names the chapter or title of a State's
/// code it is in ("id., ch. 265, §2"), as the Id. keeps it: "ch. 265, §
/// 2".
pub(crate) fn with_division(kind: &str, number: &str, section: &str) -> String {
    let kind = if kind.starts_with('c') { "ch." } else { "tit." };
    format!("{kind} {number}, § {section}")
}

/// The chapter or title an Id.'s section names ([`with_division`]) and the
/// section itself: "ch. 265, § 2" is `(Some(("ch.", "265")), "2")`.
pub(crate) fn division_of(section: &str) -> (Option<(&str, &str)>, &str) {
    let parsed = section.split_once(", § ").and_then(|(division, sec)| {
        let (kind, number) = division.split_once(' ')?;
        matches!(kind, "ch." | "tit.").then_some((Some((kind, number)), sec))
    });
    parsed.unwrap_or((None, section))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_and_hyphenated_sections() {
        for range in ["1981-1983", "270a-270f", "5.01-5.05", "2071-2077"] {
            assert!(is_range(range), "{range}");
        }
        for one in [
            "2000e-2",
            "301.6501(e)-1",
            "1983",
            "1-101",
            "35-44-3-3",
            "2C:11-3",
            "1983-1981",
        ] {
            assert!(!is_range(one), "{one}");
        }
    }

    #[test]
    fn a_range_covers_the_sections_between_its_ends() {
        for (range, sec) in [
            ("1981-1983", "1982"),
            ("1981-1983", "1981"),
            ("1981-1983", "1983(c)"),
            ("1396-1396v", "1396b"),
            ("161-162a", "162a"),
        ] {
            assert!(range_covers(range, sec), "{range} {sec}");
        }
        for (range, sec) in [
            ("1981-1983", "1984"),
            ("1981-1983", "198"),
            ("161-162a", "162b"),
            ("2000e-2", "2000e"),
            ("1981-1983", "§"),
        ] {
            assert!(!range_covers(range, sec), "{range} {sec}");
        }
    }

    #[test]
    fn the_base_section_drops_the_subsections() {
        assert_eq!(base_section("523(a)(2)(A)"), "523");
        assert_eq!(base_section("1983"), "1983");
    }

    #[test]
    fn an_id_keeps_the_chapter_it_names() {
        let s = with_division("ch.", "265", "2");
        assert_eq!(s, "ch. 265, § 2");
        assert_eq!(division_of(&s), (Some(("ch.", "265")), "2"));
        assert_eq!(division_of("1630.2(j)"), (None, "1630.2(j)"));
        assert_eq!(with_division("Tit.", "11", "773(c)"), "tit. 11, § 773(c)");
    }

    #[test]
    fn subsections_written_alone_continue_the_first_section() {
        assert_eq!(sibling_subsection("522(d)(5)", "(6)"), "522(d)(6)");
        assert_eq!(sibling_subsection("11603(a)", "(b)"), "11603(b)");
        assert_eq!(sibling_subsection("2617(b)(2)-(3)", "(d)"), "2617(d)");
        assert_eq!(sibling_subsection("2250(a)(1)", "(a)(3)"), "2250(a)(3)");
        assert_eq!(sibling_subsection("1396b(a)(2)-(5)", "(7)"), "1396b(a)(7)");
    }
}

//! Line patterns: running heads, page numbers, captions, author lines,
//! footnote starts; each behind a cheap test that turns most lines away
//! before its regex runs. And the readers of what they match: sections
//! named by labels, running-title parts, footnote labels.

use super::Section;
use memchr::memmem;
use regex::Regex;
use std::sync::{LazyLock, OnceLock};

pub(super) fn re(p: &str) -> Regex {
    Regex::new(p).expect("valid pattern")
}

/// A line pattern behind a cheap test that every line it matches passes
/// (a first letter, a literal, a length): most lines are turned away
/// without running the regex. The pattern is compiled on first use.
pub(super) struct LinePattern {
    pattern: &'static str,
    may_match: fn(&str) -> bool,
    re: OnceLock<Regex>,
}

impl LinePattern {
    const fn new(pattern: &'static str, may_match: fn(&str) -> bool) -> LinePattern {
        LinePattern {
            pattern,
            may_match,
            re: OnceLock::new(),
        }
    }

    pub(super) fn regex(&self) -> &Regex {
        self.re.get_or_init(|| re(self.pattern))
    }

    pub(super) fn is_match(&self, s: &str) -> bool {
        (self.may_match)(s) && self.regex().is_match(s)
    }

    /// The groups of a match. Captures cost many times a plain match, so
    /// the plain match runs first: most lines have none.
    pub(super) fn captures<'h>(&self, s: &'h str) -> Option<regex::Captures<'h>> {
        if self.is_match(s) {
            self.regex().captures(s)
        } else {
            None
        }
    }

    /// Whether the line matches once its white space is folded; only a
    /// line that passes the test is folded.
    pub(super) fn is_match_folded(&self, s: &str) -> bool {
        (self.may_match)(s) && self.regex().is_match(&collapse(s))
    }

    pub(super) fn find<'h>(&self, s: &'h str) -> Option<regex::Match<'h>> {
        if (self.may_match)(s) {
            self.regex().find(s)
        } else {
            None
        }
    }
}

/// Whether `s` begins with `prefix`, ASCII letters compared without case.
fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    s.as_bytes()
        .get(..prefix.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// Whether `s` contains `needle`, looked for at each of its first byte
/// (a capital, rare in text): cheaper on a short line than a substring
/// search, which prepares itself on every call.
fn contains_at_capital(s: &str, needle: &str) -> bool {
    let (b, n) = (s.as_bytes(), needle.as_bytes());
    n.first()
        .is_some_and(|&first| memchr::memchr_iter(first, b).any(|i| b[i..].starts_with(n)))
}

/// Whether `s` is `min` or more of `c` and nothing else.
fn is_run_of(s: &str, c: char, min: usize) -> bool {
    let n = s.len() / c.len_utf8();
    n >= min && s.chars().all(|x| x == c)
}

pub(super) static PAGE_NUM: LinePattern = LinePattern::new(
    r"^(?:[-–—] ?)?([0-9]{1,4})(?: ?[-–—])?$|^Page ([0-9]{1,4})(?: of [0-9]+)?$",
    |s| s.len() <= 12 || s.starts_with("Page "),
);
pub(super) static SLIP_TOP: LinePattern = LinePattern::new(
    r"^(?:([0-9]{1,4}) )?(?:\(Slip Opinion\) ?)?OCTOBER TERM, [0-9]{4}(?: ([0-9]{1,4}))?$|^\(Slip Opinion\)$",
    |s| contains_at_capital(s, "OCTOBER TERM, ") || s == "(Slip Opinion)",
);
pub(super) static CITE_AS: LinePattern = LinePattern::new(
    r"^(?:([0-9]{1,4}) )?Cite as: .{0,60}\([0-9]{4} ?\)(?: ([0-9]{1,4}))?$",
    |s| contains_at_capital(s, "Cite as: "),
);
/// The page number a "Cite as:" head carries, before it or after its
/// year: `None` when `s` is no such head, `Some(None)` when it carries
/// none. [`CITE_AS`]'s two groups, read without running captures: the
/// first is there exactly when the line does not begin "Cite as: ", the
/// second when it does not end with the year's ")".
pub(super) fn cite_as_number(s: &str) -> Option<Option<u32>> {
    if !CITE_AS.is_match(s) {
        return None;
    }
    let lead = (!s.starts_with("Cite as: ")).then(|| s.split(' ').next());
    let trail = (!s.ends_with(')')).then(|| s.rsplit(' ').next());
    Some(lead.or(trail).flatten().and_then(|n| n.parse().ok()))
}

/// A court's electronic filing stamp, which pdftotext puts at the end of
/// each page: "Case: 07-30815 Document: 00511021443 Page: 1 Date Filed:
/// 02/05/2010".
pub(super) static FILING_STAMP: LinePattern = LinePattern::new(
    r"^Case: \S+ Document: \S+ Page: ([0-9]{1,4}) Date Filed: \S+$",
    |s| s.starts_with("Case: "),
);
/// The longest piece of a slug line set on a line of its own ("557ORD").
const SLUG_PIECE_LEN_MAX: usize = 12;

/// A printer's slug line of the bound volumes and their index (a job,
/// unit and time stamp, "(Bound Volume)"), whole or in the pieces some
/// tools break it into: "557ORD Unit: $PT1 [06-09-14 10:45:16] PGT: ORD1BV
/// (Bound Volume)", "557US2IC2Z 05-27-14 17:41:12 PAGES IC13BXPGT",
/// "03-29-12 14:32:26 557US2 1401", "557BV$1304".
pub(super) static SLUG: LinePattern = LinePattern::new(
    r"^(?:[0-9]{1,4}[A-Z][A-Z0-9]* (?:Unit: \$\S+(?: \[[0-9-]+ [0-9:]+\] PGT: .*)?|[0-9-]{8} [0-9:]{8} PAGES .*)|Job: [0-9]{1,4}[A-Z][A-Z0-9]*(?: Take: .*)?|Unit: \$\S+|\[[0-9-]{8} [0-9:]{8}\] PGT: .*|[0-9]{2}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2} [0-9]{1,4}[A-Z][A-Z0-9]* [0-9]+|[0-9]{1,4}BV\$[0-9]+|[0-9]{3}[A-Z]{2}[A-Z0-9]*)$",
    |s| {
        static PAGES: LazyLock<memmem::Finder<'static>> =
            LazyLock::new(|| memmem::Finder::new(" PAGES "));
        let b = s.as_bytes();
        // "Unit: $", "BV$" and "] PGT: " have a dollar sign or a bracket,
        // " PAGES " a capital G, which few lines have: the words are looked
        // for only then.
        (memchr::memchr3(b'$', b']', b'G', b).is_some()
            && (s.contains("Unit: $")
                || s.contains("] PGT: ")
                || s.contains("BV$")
                || PAGES.find(b).is_some()))
            || s.starts_with("Job: ")
            || (b.len() <= SLUG_PIECE_LEN_MAX
                && b.len() > 4
                && b[..3].iter().all(u8::is_ascii_digit)
                && b[3].is_ascii_uppercase())
            || (b.len() > 17 && b[2] == b'-' && b[5] == b'-')
    },
);
pub(super) static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:Syllabus|Opinion of the Court|Per Curiam|PER CURIAM|Opinion of .{1,60}|.{1,80}(?:C\. )?JJ?\., (?:concurring|dissenting|statement).{0,80}|Statement of .{1,60}|Appendix.{0,80}|Concurring opinion.{0,60}|Dissenting opinion.{0,60})$",
    )
});
pub(super) static WATERMARK: LinePattern =
    LinePattern::new(r"^Page Proof Pending Publication$", |s| {
        s == "Page Proof Pending Publication"
    });
pub(super) static HEADING: LinePattern = LinePattern::new(
    r"^(?:[IVXL]{1,7}|[A-H]|[1-9]|[a-h]|\*(?: ?\*){2,}|(?:[IVX]{1,5}|[A-H]) [A-H1-9])$",
    |s| s.len() <= 7 || s.starts_with('*'),
);
pub(super) static FOOT_SEP: LinePattern = LinePattern::new(r"^(?:—{3,}|-{8,})$", |s| {
    is_run_of(s, '—', 3) || is_run_of(s, '-', 8)
});
pub(super) static RULE: LinePattern = LinePattern::new(r"^_{5,}$", |s| is_run_of(s, '_', 5));
pub(super) static COURT_LINE: LinePattern = LinePattern::new(
    r"^SUPREME COURT OF THE UNITED STATES$|^(?i:(?:in the )?United States Court of Appeals)",
    |s| {
        s.starts_with("SUPREME ")
            || starts_with_ignore_case(s, "united ")
            || starts_with_ignore_case(s, "in the united ")
    },
);
pub(super) static CAPTION_END: LinePattern = LinePattern::new(
    r"^\[[A-Z][a-z]+ [0-9]{1,2}, [0-9]{4}\]$|Decided [A-Z][a-z]+ [0-9]{1,2}, [0-9]{4}\.?$|^Decided [A-Z][a-z]+ [0-9]{1,2}, [0-9]{4}",
    |s| s.starts_with('[') || contains_at_capital(s, "Decided "),
);
pub(super) static CAPTION_LIKE: LinePattern = LinePattern::new(
    r"^(?i:on writ of certiorari|certiorari to|on petition for|on application|on appeal|appeal from|on bill of complaint)|PETITIONERS?\b|RESPONDENTS?\b|APPELLANTS?\b|APPELLEES?\b|^\[[A-Z][a-z]+ [0-9]{1,2}, [0-9]{4}\]$|^Nos?\. [0-9]",
    |s| {
        // The case-blind openings hold no letter that folds beyond ASCII
        // ("k", "s"): comparing ASCII without case is exact.
        starts_with_ignore_case(s, "on ")
            || starts_with_ignore_case(s, "certiorari to")
            || starts_with_ignore_case(s, "appeal from")
            || s.starts_with(['[', 'N'])
            || contains_at_capital(s, "PETITIONER")
            || contains_at_capital(s, "RESPONDENT")
            || contains_at_capital(s, "APPELL")
    },
);
pub(super) static DOCKET: LazyLock<Regex> = LazyLock::new(|| {
    re(r"Nos?\. [0-9]+(?:[–-][0-9A-Z]+)?(?:,? (?:and )?[0-9]+(?:[–-][0-9A-Z]+)?)*(?:, Orig\.)?")
});
pub(super) static DATE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:January|February|March|April|May|June|July|August|September|October|November|December) [0-9]{1,2}, [0-9]{4}",
    )
});
pub(super) static AUTHOR: LinePattern = LinePattern::new(
    r"^(?:(?:CHIEF )?JUSTICE|(?:Chief )?Justice|MR\. (?:CHIEF )?JUSTICE|Mr\. (?:Chief )?Justice) [A-Za-z’'. ]+?(?:,| delivered| announced)|^PER CURIAM\.?$|^Per Curiam\.$|^[A-Z][A-Za-z’'.]+, (?:C\. )?J\., (?:delivered|announced|filed)|^[A-Z][A-Z’'. ]*[A-Z], (?:Chief |Senior )?(?:Circuit |District )?Judge(?:, [a-z ,]+)?:$",
    |s| {
        [
            "CHIEF JUSTICE ",
            "JUSTICE ",
            "Chief Justice ",
            "Justice ",
            "MR. ",
            "Mr. ",
            "PER CURIAM",
            "Per Curiam",
        ]
        .iter()
        .any(|p| s.starts_with(p))
            || contains_at_capital(s, "J., ")
            || (s.ends_with(':') && s.contains(" Judge"))
    },
);
pub(super) static NOTICE: LinePattern = LinePattern::new(
    r"^NOTICE: This (?:opinion|preliminary print) is subject to formal revision",
    |s| s.starts_with("NOTICE: This "),
);
pub(super) static MARKER: LinePattern =
    LinePattern::new(r"^\((?:[a-z]|[0-9]{1,2}|[ivx]{1,4})\) |^Held: ", |s| {
        s.starts_with(['(', 'H'])
    });
pub(super) static NOTE_START: LinePattern =
    LinePattern::new(r"^([0-9]{1,3}|\*{1,3}|†|‡) ?[^\s\p{Ll}]", |s| {
        s.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '*' | '†' | '‡'))
    });

/// The page number a line of page furniture gives: "12", "- 3 -",
/// "Page 3 of 9".
pub(super) fn page_number(s: &str) -> Option<u32> {
    let c = PAGE_NUM.captures(s)?;
    c.get(1).or_else(|| c.get(2))?.as_str().parse().ok()
}

/// The label of a line that starts a footnote ("12", "*", "†"): what
/// [`NOTE_START`] matches, less the space and the character after it.
pub(super) fn note_label(s: &str) -> Option<&str> {
    let m = NOTE_START.find(s)?.as_str();
    let last = m.chars().next_back()?;
    let label = &m[..m.len() - last.len_utf8()];
    Some(label.strip_suffix(' ').unwrap_or(label))
}

/// A running-title line read as (number before, title, number after), as
/// `^(?:([0-9]{1,4}) )?(.+?)(?: ([0-9]{1,4}))?$` would read it: "2 KEMP
/// v. UNITED STATES" or "KEMP v. UNITED STATES 3".
pub(super) fn title_parts(s: &str) -> Option<(Option<&str>, &str, Option<&str>)> {
    /// `s` split after a run of one to four digits and a space.
    fn number_then_rest(s: &str) -> Option<(&str, &str)> {
        let n = s.bytes().take_while(u8::is_ascii_digit).count();
        let rest = s[n..].strip_prefix(' ')?;
        (1..=4).contains(&n).then(|| (&s[..n], rest))
    }
    /// `s` split before a space and a run of one to four digits that ends it.
    fn rest_then_number(s: &str) -> Option<(&str, &str)> {
        let n = s.bytes().rev().take_while(u8::is_ascii_digit).count();
        let rest = s[..s.len() - n].strip_suffix(' ')?;
        (1..=4).contains(&n).then(|| (rest, &s[s.len() - n..]))
    }
    let split_end = |t| match rest_then_number(t) {
        Some((middle, n)) if !middle.is_empty() => (middle, Some(n)),
        _ => (t, None),
    };
    if s.is_empty() || s.contains('\n') {
        return None;
    }
    if let Some((lead, rest)) = number_then_rest(s).filter(|(_, r)| !r.is_empty()) {
        let (middle, trail) = split_end(rest);
        return Some((Some(lead), middle, trail));
    }
    let (middle, trail) = split_end(s);
    Some((None, middle, trail))
}

/// The line patterns and, for each, the test in front of it: the tests
/// must pass every line the pattern matches.
#[cfg(test)]
fn line_patterns() -> [(&'static str, &'static LinePattern); 16] {
    [
        ("FILING_STAMP", &FILING_STAMP),
        ("SLUG", &SLUG),
        ("PAGE_NUM", &PAGE_NUM),
        ("SLIP_TOP", &SLIP_TOP),
        ("CITE_AS", &CITE_AS),
        ("WATERMARK", &WATERMARK),
        ("HEADING", &HEADING),
        ("FOOT_SEP", &FOOT_SEP),
        ("RULE", &RULE),
        ("COURT_LINE", &COURT_LINE),
        ("CAPTION_END", &CAPTION_END),
        ("CAPTION_LIKE", &CAPTION_LIKE),
        ("AUTHOR", &AUTHOR),
        ("NOTICE", &NOTICE),
        ("MARKER", &MARKER),
        ("NOTE_START", &NOTE_START),
    ]
}

/// White space folded to single spaces, for matching patterns against
/// pdftotext -layout lines.
pub(super) fn collapse(s: &str) -> std::borrow::Cow<'_, str> {
    static SPACES: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new("  "));
    let b = s.as_bytes();
    // A tab or a no-break space (0xC2 0xA0), found in one pass.
    let tab_or_no_break = || {
        memchr::memchr2_iter(b'\t', 0xc2, b).any(|i| b[i] == b'\t' || b.get(i + 1) == Some(&0xa0))
    };
    if SPACES.find(b).is_none() && !tab_or_no_break() {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Whether a line is a rule (`FOOT_SEP` or `RULE`) once its white space
/// is folded. Only a line that begins with a rule's character is folded.
pub(super) fn is_rule_line(s: &str, rule: &LinePattern) -> bool {
    // Most lines begin with a printable ASCII character other than a
    // rule's: told by one byte, without trimming.
    if s.as_bytes()
        .first()
        .is_some_and(|&b| b.is_ascii_graphic() && b != b'-' && b != b'_')
    {
        return false;
    }
    s.trim_start().starts_with(['—', '-', '_']) && rule.is_match(&collapse(s))
}

/// The section a running-head label or author line names.
pub(super) fn section_of(label: &str) -> Option<Section> {
    let l = label.to_ascii_lowercase();
    if l == "syllabus" {
        Some(Section::Syllabus)
    } else if l.starts_with("opinion of the court") || l.contains("delivered the opinion") {
        Some(Section::Opinion)
    } else if l.starts_with("per curiam") {
        Some(Section::PerCuriam)
    } else if l.starts_with("appendix") {
        Some(Section::Appendix)
    } else if l.starts_with("statement of") || l.contains("statement respecting") {
        Some(Section::Statement)
    } else {
        let c = l.find("concurring");
        let d = l.find("dissenting");
        match (c, d) {
            (Some(c), Some(d)) if d < c => Some(Section::Dissent),
            (Some(_), _) => Some(Section::Concurrence),
            (None, Some(_)) => Some(Section::Dissent),
            (None, None) if l.starts_with("opinion of") => Some(Section::Separate),
            _ => None,
        }
    }
}

/// A running title that names a case, and the page number printed with
/// it: "2 KEMP v. UNITED STATES", "KEMP v. UNITED STATES 3", or glued to
/// it as pypdf writes it ("3WEINTRAUB v. QUICKEN LOANS").
pub(super) fn running_title(s: &str) -> Option<(&str, Option<u32>)> {
    let (lead, title, trail) = title_parts(s)?;
    let (lead, title) = match lead {
        None => glued_number(title).map_or((None, title), |(n, t)| (Some(n), t)),
        Some(n) => (Some(n), title),
    };
    let titled = is_title(title) && names_a_case(title);
    titled.then(|| (title, lead.or(trail).and_then(|n| n.parse().ok())))
}

/// A number of one to four digits glued to the capital that follows it.
fn glued_number(s: &str) -> Option<(&str, &str)> {
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &s[n..];
    ((1..=4).contains(&n) && rest.starts_with(|c: char| c.is_ascii_uppercase()))
        .then(|| (&s[..n], rest))
}

/// Whether a running title names a case: "KEMP v. UNITED STATES", "IN RE
/// X", or the first line of a title set on two ("CONEY ISLAND AUTO PARTS
/// UNLIMITED, INC. v.").
pub(super) fn names_a_case(title: &str) -> bool {
    title.contains(" v. ") || title.ends_with(" v.") || title.starts_with("IN RE")
}

/// Whether a line reads like an all-capitals running title
/// ("BARTENWERFER v. BUCKLEY").
pub(super) fn is_title(s: &str) -> bool {
    if s.len() > 120 || !s.chars().any(char::is_uppercase) {
        return false;
    }
    s.split(' ').all(|w| {
        !w.chars().any(char::is_lowercase)
            || matches!(
                w,
                "v." | "ex"
                    | "rel."
                    | "et"
                    | "al."
                    | "de"
                    | "del"
                    | "von"
                    | "van"
                    | "of"
                    | "in"
                    | "re"
            )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::lines::split_lines;

    #[test]
    fn line_tests_pass_every_line_their_patterns_match() {
        let texts = [
            include_str!("../../corpus/scotus_kemp_v_us_2022_prelim_slip_layout.txt"),
            include_str!("../../corpus/van_de_kamp_v_goldstein_2009_slip.txt"),
            include_str!("../../corpus/cadc_ideal_electronic_v_ific_1997_slip.txt"),
        ];
        let patterns = [&CAPTION_LIKE, &AUTHOR, &SLIP_TOP, &CITE_AS, &CAPTION_END];
        let mut matched = [0; 5];
        for line in texts.iter().flat_map(|t| t.lines()).map(collapse) {
            for (k, p) in patterns.into_iter().enumerate() {
                if p.regex().is_match(&line) {
                    matched[k] += 1;
                    assert!((p.may_match)(&line), "{line:?}");
                }
            }
        }
        assert!(matched.iter().all(|&n| n > 0), "{matched:?}");
        assert!(CAPTION_LIKE.is_match("ON WRIT OF CERTIORARI TO THE UNITED STATES"));
        assert!(AUTHOR.is_match("SCALIA, J., delivered the opinion of the Court."));
        assert!(!CAPTION_LIKE.is_match("and the Court held"));
    }

    /// `CITE_AS`'s first group that is there, read by its captures.
    fn cite_as_by_captures(s: &str) -> Option<Option<u32>> {
        let c = CITE_AS.captures(s)?;
        Some(c.get(1).or(c.get(2)).and_then(|m| m.as_str().parse().ok()))
    }

    #[test]
    fn cite_as_number_reads_what_the_captures_read() {
        let lines = [
            "Cite as: 558 U. S. ____ (2010)",
            "4 Cite as: 558 U. S. ____ (2010)",
            "Cite as: 558 U. S. ____ (2010) 17",
            "Cite as: 561 U. S. ____ (2010 )",
            "1234 Cite as: 558 U. S. 1 (2010) 99",
            "Cite as: 558 U. S. ____ (2010) 12345",
            "Cite as: 558 U. S. ____",
            "12 Cite as: x (2010) (2011) 3",
        ];
        for s in lines {
            assert_eq!(cite_as_number(s), cite_as_by_captures(s), "{s:?}");
        }
        assert_eq!(cite_as_number(lines[1]), Some(Some(4)));
        assert_eq!(cite_as_number(lines[2]), Some(Some(17)));
        assert_eq!(cite_as_number(lines[0]), Some(None));
        // Every line of the shipped texts.
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let mut heads = 0;
        for entry in std::fs::read_dir(dir).expect("corpus folder") {
            let path = entry.expect("corpus entry").path();
            if path.extension().is_some_and(|e| e == "txt") {
                let text = std::fs::read_to_string(&path).expect("corpus text");
                for l in split_lines(&text) {
                    let s = collapse(&text[l.start..l.end]);
                    let by_hand = cite_as_number(&s);
                    assert_eq!(by_hand, cite_as_by_captures(&s), "{s:?}");
                    heads += usize::from(by_hand.is_some());
                }
            }
        }
        assert!(heads > 10, "only {heads} Cite as heads");
    }

    #[test]
    fn sections_from_labels() {
        assert_eq!(section_of("Opinion of the Court"), Some(Section::Opinion));
        assert_eq!(
            section_of("SOTOMAYOR, J., concurring"),
            Some(Section::Concurrence)
        );
        assert_eq!(section_of("THOMAS, J., dissenting"), Some(Section::Dissent));
        assert_eq!(
            section_of("JUSTICE SOTOMAYOR, with whom JUSTICE JACKSON joins, concurring."),
            Some(Section::Concurrence)
        );
        assert_eq!(
            section_of("Opinion of GORSUCH, J."),
            Some(Section::Separate)
        );
    }

    /// The hand-written readers give what the patterns they stand for
    /// give, on every line of the shipped texts.
    #[test]
    fn title_parts_and_note_labels_read_as_the_patterns() {
        let title = Regex::new(r"^(?:([0-9]{1,4}) )?(.+?)(?: ([0-9]{1,4}))?$").unwrap();
        let mut lines: Vec<String> = [
            "",
            "12",
            "12 ",
            "12 X",
            "1 2",
            "X 1",
            "X 12345",
            "12345 X",
            "5  12",
            "A 1234 5678",
            "2 KEMP v. UNITED STATES 3",
            "a\nb",
            "é 7",
            "7 é",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        lines.extend(shipped_lines());
        for s in &lines {
            let want = title.captures(s).map(|c| {
                let g = |i| c.get(i).map(|m: regex::Match| m.as_str());
                (g(1), g(2).unwrap_or_default(), g(3))
            });
            assert_eq!(title_parts(s), want, "{s:?}");
            let want = NOTE_START
                .regex()
                .captures(s)
                .and_then(|c| c.get(1))
                .map(|m| m.as_str());
            assert_eq!(note_label(s), want, "{s:?}");
        }
    }

    /// Every line of the shipped texts, as written and with its white
    /// space folded.
    fn shipped_lines() -> Vec<String> {
        let mut lines = Vec::new();
        for (_, text) in crate::shipped::texts() {
            for l in split_lines(&text) {
                let s = &text[l.start..l.end];
                lines.push(s.to_string());
                lines.push(collapse(s).into_owned());
            }
        }
        lines
    }

    /// Every line a pattern matches passes the test in front of it: checked
    /// on each line of the shipped texts, as written and with its white
    /// space folded, and on lines written to match each pattern.
    #[test]
    fn line_pattern_tests_pass_every_match() {
        let mut lines: Vec<String> = [
            "12",
            "— 4 —",
            "Page 3 of 40",
            "4 OCTOBER TERM, 2008 7",
            "(Slip Opinion)",
            "12 Cite as: 555 U. S. ____ (2009) 3",
            "Cite as: 599 U. S. ____ (2023 ) 5",
            "Page Proof Pending Publication",
            "Case: 07-30815 Document: 00511021443 Page: 1 Date Filed: 02/05/2010",
            "557ORD Unit: $PT1 [06-09-14 10:45:16] PGT: ORD1BV (Bound Volume)",
            "03-29-12 14:32:26 557US2 1401",
            "557BV$1304",
            "557ORD",
            "IV",
            "* * *",
            "II A",
            "——————",
            "--------",
            "_______",
            "SUPREME COURT OF THE UNITED STATES",
            "UNITED STATES COURT OF APPEALS FOR THE FIFTH CIRCUIT",
            "[January 26, 2009]",
            "Decided January 26, 2009",
            "ON WRIT OF CERTIORARI TO THE UNITED STATES",
            "JOHN VAN DE KAMP, ET AL., PETITIONERS",
            "No. 07–854",
            "JUSTICE BREYER delivered the opinion of the Court.",
            "PER CURIAM.",
            "BREYER, J., delivered the opinion of the Court.",
            "NOTICE: This opinion is subject to formal revision before publication",
            "(b) The",
            "Held: The",
            "1 See",
            "* The",
            "† Together",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        lines.extend(shipped_lines());
        assert!(lines.len() > 5000, "the shipped texts were read");
        for (name, p) in line_patterns() {
            let mut matched = 0;
            for s in &lines {
                if p.regex().is_match(s) {
                    matched += 1;
                    assert!((p.may_match)(s), "{name}: the test turns away {s:?}");
                }
            }
            assert!(matched > 0, "{name} matched no line");
        }
    }
}

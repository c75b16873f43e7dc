//! Layout analysis: from source lines to logical units (paragraph starts,
//! continuations, headings, captions, footnotes) with their page and section.
//!
//! Each input form has its own analyzer; all of them produce the same
//! [`Units`], which the builder in `mod.rs` turns into the reading text.

use super::{InputForm, Section};
use memchr::memmem;
use regex::Regex;
use std::collections::HashMap;
use std::sync::{LazyLock, OnceLock};

/// One physical line of the source, trimmed.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Line {
    /// First byte of content (after leading white space).
    pub start: usize,
    /// One past the last byte of content (before trailing white space).
    pub end: usize,
    /// Leading white space, in characters.
    pub indent: usize,
    /// Physical page (count of form feeds before the line).
    pub page: usize,
}

impl Line {
    fn is_blank(&self) -> bool {
        self.start >= self.end
    }
}

/// What a unit is in the block structure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// Starts a paragraph.
    Start,
    /// Continues the open block.
    Cont,
    /// A heading line ("I", "* * *", "JUSTICE X, dissenting.").
    Heading,
    /// A caption line; joins the previous caption line when `join` was set.
    Caption,
    /// A caption line continuing the previous one.
    CaptionCont,
}

/// A logical line of body text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Unit {
    pub start: usize,
    pub end: usize,
    pub role: Role,
    pub page: usize,
    pub slip_page: Option<u32>,
    pub section: Section,
}

/// A footnote: its label and lines, each with its slip page (a footnote
/// can go on at the foot of the next page).
#[derive(Clone, Debug)]
pub(crate) struct Note {
    pub label: String,
    pub lines: Vec<(usize, usize, Option<u32>)>,
    pub page: usize,
    pub slip_page: Option<u32>,
    pub section: Section,
}

/// Metadata found in captions.
#[derive(Clone, Debug, Default)]
pub(crate) struct Meta {
    pub case_name: Option<(usize, usize)>,
    pub docket: Option<(usize, usize)>,
    pub date: Option<(usize, usize)>,
}

/// The result of layout analysis.
#[derive(Debug, Default)]
pub(crate) struct Units {
    pub body: Vec<Unit>,
    pub notes: Vec<Note>,
    pub meta: Meta,
    /// Whether line breaks may have lost their hyphens (old pdftotext text).
    pub unmarked_breaks: bool,
}

/// Splits `text` into trimmed lines, counting form feeds as page breaks.
pub(crate) fn split_lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut lines = Vec::with_capacity(bytes.len() / 40 + 1);
    let mut page = 0;
    let mut pos = 0;
    while pos <= bytes.len() {
        let nl = memchr::memchr(b'\n', &bytes[pos..]).map_or(bytes.len(), |i| pos + i);
        let (mut s, mut e) = (pos, nl);
        let mut indent = 0;
        // Leading white space: spaces, tabs, form feeds, a byte-order mark.
        loop {
            if s < e && matches!(bytes[s], b' ' | b'\t' | b'\r') {
                indent += 1;
                s += 1;
            } else if s < e && bytes[s] == b'\x0c' {
                page += 1;
                indent = 0;
                s += 1;
            } else if text[s..e].starts_with('\u{feff}') {
                s += 3;
            } else if text[s..e].starts_with('\u{a0}') {
                indent += 1;
                s += 2;
            } else {
                break;
            }
        }
        let mut trailing_ff = 0;
        while e > s && matches!(bytes[e - 1], b' ' | b'\t' | b'\r' | b'\x0c') {
            if bytes[e - 1] == b'\x0c' {
                trailing_ff += 1;
            }
            e -= 1;
        }
        lines.push(Line {
            start: s,
            end: e,
            indent,
            page,
        });
        page += trailing_ff;
        if nl >= bytes.len() {
            break;
        }
        pos = nl + 1;
    }
    lines
}

/// Picks the input form from the shape of the lines.
pub(crate) fn detect_form(text: &str, lines: &[Line]) -> InputForm {
    let nonblank: Vec<&Line> = lines.iter().filter(|l| !l.is_blank()).collect();
    if nonblank.is_empty() {
        return InputForm::ParagraphPerLine;
    }
    let n = nonblank.len() as f64;
    if memchr::memchr(b'\x0c', text.as_bytes()).is_some() {
        let indented = nonblank.iter().filter(|l| l.indent >= 2).count() as f64;
        return if indented / n >= 0.08 {
            InputForm::PdfLayout
        } else {
            InputForm::PdfRaw
        };
    }
    let long = nonblank
        .iter()
        .filter(|l| text[l.start..l.end].chars().count() > 120)
        .count() as f64;
    if long / n >= 0.25 {
        InputForm::ParagraphPerLine
    } else {
        InputForm::HardWrapped
    }
}

// ---------------------------------------------------------------------------
// Line patterns

fn re(p: &str) -> Regex {
    Regex::new(p).expect("valid pattern")
}

/// A line pattern behind a cheap test that every line it matches passes
/// (a first letter, a literal, a length): most lines are turned away
/// without running the regex. The pattern is compiled on first use.
struct LinePattern {
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

    fn regex(&self) -> &Regex {
        self.re.get_or_init(|| re(self.pattern))
    }

    fn is_match(&self, s: &str) -> bool {
        (self.may_match)(s) && self.regex().is_match(s)
    }

    /// The groups of a match. Captures cost many times a plain match, so
    /// the plain match runs first: most lines have none.
    fn captures<'h>(&self, s: &'h str) -> Option<regex::Captures<'h>> {
        if self.is_match(s) {
            self.regex().captures(s)
        } else {
            None
        }
    }

    fn find<'h>(&self, s: &'h str) -> Option<regex::Match<'h>> {
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

/// Whether `s` is `min` or more of `c` and nothing else.
fn is_run_of(s: &str, c: char, min: usize) -> bool {
    let n = s.len() / c.len_utf8();
    n >= min && s.chars().all(|x| x == c)
}

static PAGE_NUM: LinePattern = LinePattern::new(
    r"^(?:[-–—] ?)?([0-9]{1,4})(?: ?[-–—])?$|^Page ([0-9]{1,4})(?: of [0-9]+)?$",
    |s| s.len() <= 12 || s.starts_with("Page "),
);
static SLIP_TOP: LinePattern = LinePattern::new(
    r"^(?:([0-9]{1,4}) )?(?:\(Slip Opinion\) ?)?OCTOBER TERM, [0-9]{4}(?: ([0-9]{1,4}))?$|^\(Slip Opinion\)$",
    |s| s.contains("OCTOBER TERM, ") || s == "(Slip Opinion)",
);
static CITE_AS: LinePattern = LinePattern::new(
    r"^(?:([0-9]{1,4}) )?Cite as: .{0,60}\([0-9]{4} ?\)(?: ([0-9]{1,4}))?$",
    |s| s.contains("Cite as: "),
);
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:Syllabus|Opinion of the Court|Per Curiam|PER CURIAM|Opinion of .{1,60}|.{1,80}(?:C\. )?JJ?\., (?:concurring|dissenting|statement).{0,80}|Statement of .{1,60}|Appendix.{0,80}|Concurring opinion.{0,60}|Dissenting opinion.{0,60})$",
    )
});
static WATERMARK: LinePattern = LinePattern::new(r"^Page Proof Pending Publication$", |s| {
    s == "Page Proof Pending Publication"
});
static HEADING: LinePattern = LinePattern::new(
    r"^(?:[IVXL]{1,7}|[A-H]|[1-9]|[a-h]|\*(?: ?\*){2,}|(?:[IVX]{1,5}|[A-H]) [A-H1-9])$",
    |s| s.len() <= 7 || s.starts_with('*'),
);
static FOOT_SEP: LinePattern = LinePattern::new(r"^(?:—{3,}|-{8,})$", |s| {
    is_run_of(s, '—', 3) || is_run_of(s, '-', 8)
});
static RULE: LinePattern = LinePattern::new(r"^_{5,}$", |s| is_run_of(s, '_', 5));
static COURT_LINE: LinePattern = LinePattern::new(
    r"^SUPREME COURT OF THE UNITED STATES$|^(?i:United States Court of Appeals)",
    |s| s.starts_with("SUPREME ") || starts_with_ignore_case(s, "united "),
);
static CAPTION_END: LinePattern = LinePattern::new(
    r"^\[[A-Z][a-z]+ [0-9]{1,2}, [0-9]{4}\]$|Decided [A-Z][a-z]+ [0-9]{1,2}, [0-9]{4}\.?$|^Decided [A-Z][a-z]+ [0-9]{1,2}, [0-9]{4}",
    |s| s.starts_with('[') || s.contains("Decided "),
);
static CAPTION_LIKE: LinePattern = LinePattern::new(
    r"^(?i:on writ of certiorari|certiorari to|on petition for|on application|on appeal|appeal from|on bill of complaint)|PETITIONERS?\b|RESPONDENTS?\b|APPELLANTS?\b|APPELLEES?\b|^\[[A-Z][a-z]+ [0-9]{1,2}, [0-9]{4}\]$|^Nos?\. [0-9]",
    |s| {
        s.starts_with(['o', 'O', 'c', 'C', 'a', 'A', '[', 'N'])
            || s.contains("PETITIONER")
            || s.contains("RESPONDENT")
            || s.contains("APPELL")
    },
);
static DOCKET: LazyLock<Regex> = LazyLock::new(|| {
    re(r"Nos?\. [0-9]+(?:[–-][0-9A-Z]+)?(?:,? (?:and )?[0-9]+(?:[–-][0-9A-Z]+)?)*(?:, Orig\.)?")
});
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:January|February|March|April|May|June|July|August|September|October|November|December) [0-9]{1,2}, [0-9]{4}",
    )
});
static AUTHOR: LinePattern = LinePattern::new(
    r"^(?:(?:CHIEF )?JUSTICE|(?:Chief )?Justice|MR\. (?:CHIEF )?JUSTICE|Mr\. (?:Chief )?Justice) [A-Za-z’'. ]+?(?:,| delivered| announced)|^PER CURIAM\.?$|^Per Curiam\.$|^[A-Z][A-Za-z’'.]+, (?:C\. )?J\., (?:delivered|announced|filed)",
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
            || s.contains("J., ")
    },
);
static NOTICE: LinePattern = LinePattern::new(
    r"^NOTICE: This (?:opinion|preliminary print) is subject to formal revision",
    |s| s.starts_with("NOTICE: This "),
);
static MARKER: LinePattern =
    LinePattern::new(r"^\((?:[a-z]|[0-9]{1,2}|[ivx]{1,4})\) |^Held: ", |s| {
        s.starts_with(['(', 'H'])
    });
static NOTE_START: LinePattern =
    LinePattern::new(r"^([0-9]{1,3}|\*{1,3}|†|‡) ?[^\s\p{Ll}]", |s| {
        s.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '*' | '†' | '‡'))
    });

/// The label of a line that starts a footnote ("12", "*", "†"): what
/// [`NOTE_START`] matches, less the space and the character after it.
fn note_label(s: &str) -> Option<&str> {
    let m = NOTE_START.find(s)?.as_str();
    let last = m.chars().next_back()?;
    let label = &m[..m.len() - last.len_utf8()];
    Some(label.strip_suffix(' ').unwrap_or(label))
}

/// A running-title line read as (number before, title, number after), as
/// `^(?:([0-9]{1,4}) )?(.+?)(?: ([0-9]{1,4}))?$` would read it: "2 KEMP
/// v. UNITED STATES" or "KEMP v. UNITED STATES 3".
fn title_parts(s: &str) -> Option<(Option<&str>, &str, Option<&str>)> {
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
fn line_patterns() -> [(&'static str, &'static LinePattern); 14] {
    [
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
fn collapse(s: &str) -> std::borrow::Cow<'_, str> {
    static SPACES: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new("  "));
    static NO_BREAK: LazyLock<memmem::Finder<'static>> =
        LazyLock::new(|| memmem::Finder::new("\u{a0}"));
    let b = s.as_bytes();
    if SPACES.find(b).is_none() && memchr::memchr(b'\t', b).is_none() && NO_BREAK.find(b).is_none()
    {
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
fn is_rule_line(s: &str, rule: &LinePattern) -> bool {
    s.trim_start().starts_with(['—', '-', '_']) && rule.is_match(&collapse(s))
}

/// The section a running-head label or author line names.
pub(crate) fn section_of(label: &str) -> Option<Section> {
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

/// Whether a line reads like an all-capitals running title
/// ("BARTENWERFER v. BUCKLEY").
fn is_title(s: &str) -> bool {
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

// ---------------------------------------------------------------------------
// Widths, for deciding where a paragraph ended in text without indentation.

/// Approximate width of a character in thousandths of an em, for a
/// book face like the Court's Century Schoolbook.
fn char_width(c: char) -> u32 {
    match c {
        ' ' => 278,
        'i' | 'j' | 'l' => 300,
        'f' | 't' => 340,
        'r' => 390,
        's' => 450,
        'a' | 'c' | 'e' | 'z' => 480,
        'm' => 830,
        'w' => 740,
        'I' | 'J' => 400,
        'M' | 'W' => 920,
        'A'..='Z' => 720,
        '0'..='9' => 550,
        '.' | ',' | ':' | ';' | '\'' | '’' | '‘' => 278,
        '(' | ')' | '[' | ']' | '-' => 333,
        '–' => 550,
        '—' => 1000,
        '“' | '”' | '"' => 430,
        _ => 550,
    }
}

/// Widths of the ASCII characters, looked up instead of matched.
static ASCII_WIDTHS: LazyLock<[u32; 128]> = LazyLock::new(|| {
    let mut t = [0; 128];
    for (b, w) in t.iter_mut().enumerate() {
        *w = char_width(char::from(b as u8));
    }
    t
});

fn width(s: &str) -> u32 {
    let t = &*ASCII_WIDTHS;
    let b = s.as_bytes();
    let mut w = 0;
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii() {
            w += t[usize::from(b[i])];
            i += 1;
        } else {
            let c = s[i..].chars().next().unwrap_or(' ');
            w += char_width(c);
            i += c.len_utf8();
        }
    }
    w
}

/// A line ending in the middle of a citation: a volume and the first words
/// of its reporter ("380 B. R.", "615 N. W.", "85 Cal. Rptr.", "23 I. & N.").
static CITATION_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?:^|\s)[0-9]{1,4}\s+(?:(?:[A-Z][A-Za-z’']{0,6}\.|&|[0-9](?:d|th))\s*){1,5}$")
});

/// Whether a line ends like the end of a paragraph can.
fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(|c: char| c.is_ascii_digit() || c == '*');
    let t = if t.is_empty() { s } else { t };
    let closed = t
        .strip_suffix([')', ']'])
        .is_some_and(|u| u.ends_with(['.', '?', '!', '”', '"']));
    (closed || t.ends_with(['.', ':', '?', '!', '”', '"', '’']))
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
        && !ends_in_name_abbreviation(t)
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
    initial || NAME_ABBREVIATIONS.contains(&last)
}

// ---------------------------------------------------------------------------
// Analyzers

/// Runs the analyzer for `form`.
pub(crate) fn analyze(text: &str, lines: &[Line], form: InputForm) -> Units {
    let mut units = match form {
        InputForm::ParagraphPerLine => paragraph_per_line(text, lines),
        InputForm::HardWrapped => hard_wrapped(text, lines),
        InputForm::PdfRaw | InputForm::PdfLayout => pdf(text, lines, form),
    };
    units.unmarked_breaks = text.contains('\u{ad}');
    units
}

/// Tracks captions, sections and metadata while units are made.
struct Tracker<'t> {
    text: &'t str,
    section: Section,
    in_caption: bool,
    caption_lines: usize,
    meta: Meta,
}

impl<'t> Tracker<'t> {
    fn new(text: &'t str, section: Section) -> Tracker<'t> {
        Tracker {
            text,
            section,
            in_caption: false,
            caption_lines: 0,
            meta: Meta::default(),
        }
    }

    /// Classifies a line that begins a block, or returns `None` for body text
    /// and lets the caller decide. Updates the section on author lines.
    fn classify(&mut self, start: usize, end: usize) -> Option<Role> {
        let raw = &self.text[start..end];
        let s = collapse(raw);
        let s = s.as_ref();
        if COURT_LINE.is_match(s) {
            self.in_caption = true;
            self.caption_lines = 0;
            return Some(Role::Caption);
        }
        if self.in_caption {
            self.caption_lines += 1;
            self.note_meta(start, end, s);
            if CAPTION_END.is_match(s) || self.caption_lines > 14 {
                self.in_caption = false;
            }
            if AUTHOR.is_match(s) {
                self.in_caption = false;
            } else {
                return Some(Role::Caption);
            }
        }
        if AUTHOR.is_match(s) && s.len() < 200 {
            // "BREYER, J., delivered the opinion ..." closes a syllabus and
            // does not begin a part; "JUSTICE BREYER delivered ..." does.
            if let Some(sec) = section_of(s).filter(|_| !s.contains(", J., ")) {
                self.section = sec;
            }
            return Some(Role::Heading);
        }
        if HEADING.is_match(s) {
            return Some(Role::Heading);
        }
        if is_title(s) && s.contains(" v. ") && s.len() < 100 && !s.ends_with('.') {
            // A case title ("KEMP v. UNITED STATES") opens a caption.
            self.in_caption = true;
            self.caption_lines = 0;
            self.note_meta(start, end, s);
            return Some(Role::Caption);
        }
        if CAPTION_LIKE.is_match(s) && (is_title(s) || s.len() < 120) && !s.ends_with('.') {
            self.note_meta(start, end, s);
            return Some(Role::Caption);
        }
        None
    }

    fn note_meta(&mut self, start: usize, end: usize, s: &str) {
        let raw = &self.text[start..end];
        if self.meta.docket.is_none() {
            if let Some(m) = DOCKET.find(raw) {
                self.meta.docket = Some((start + m.start(), start + m.end()));
            }
        }
        if self.meta.date.is_none() && (s.contains("Decided") || s.starts_with('[')) {
            let from = raw.find("Decided").unwrap_or(0);
            if let Some(m) = DATE.find(&raw[from..]) {
                self.meta.date = Some((start + from + m.start(), start + from + m.end()));
            }
        }
        if self.meta.case_name.is_none() && is_title(s) && s.contains(" v.") && s.len() < 100 {
            self.meta.case_name = Some((start, end));
        }
    }
}

/// Whether a caption line continues the one before it.
fn caption_continues(prev: &str) -> bool {
    let p = prev.trim_end();
    p.ends_with(" v.")
        || p.ends_with(',')
        || p.ends_with(" FOR")
        || p.ends_with(" OF")
        || p.ends_with(" TO")
        || p.ends_with(" AND")
        || p.ends_with(" for")
        || p.ends_with(" of")
}

/// One paragraph per line (web text, the syllabus form).
fn paragraph_per_line(text: &str, lines: &[Line]) -> Units {
    let has_held = lines
        .iter()
        .any(|l| text[l.start..l.end].starts_with("Held:"));
    let first_section = if has_held {
        Section::Syllabus
    } else {
        Section::Opinion
    };
    let mut tr = Tracker::new(text, first_section);
    let mut units = Units::default();
    let mut in_notes = false;
    for l in lines.iter().filter(|l| !l.is_blank()) {
        let s = &text[l.start..l.end];
        // Running heads left in web text ("Cite as: ... 1", "Opinion of the Court").
        if CITE_AS.is_match(s) || SLIP_TOP.is_match(s) || WATERMARK.is_match(s) {
            in_notes = false;
            continue;
        }
        if NOTICE.is_match(s) {
            continue;
        }
        if FOOT_SEP.is_match(s) {
            in_notes = true;
            continue;
        }
        if LABEL.is_match(s) && s.len() < 60 && !AUTHOR.is_match(s) {
            if let Some(sec) = section_of(s) {
                tr.section = sec;
            }
            in_notes = false;
            continue;
        }
        if in_notes {
            if let Some(label) = note_label(s) {
                let label = label.to_string();
                units.notes.push(Note {
                    label,
                    lines: vec![(l.start, l.end, None)],
                    page: units.body.len(),
                    slip_page: None,
                    section: tr.section,
                });
                continue;
            }
            // A footnote goes on while its last line broke mid-sentence;
            // after a finished sentence an unnumbered line is text again.
            if let Some(n) = units.notes.last_mut() {
                let last = n.lines.last().map_or("", |&(s, e, _)| &text[s..e]);
                if !ends_sentence(last) {
                    n.lines.push((l.start, l.end, n.slip_page));
                    continue;
                }
            }
            in_notes = false;
        }
        let role = tr.classify(l.start, l.end).unwrap_or(Role::Start);
        let role = continue_caption(text, &units.body, role);
        units.body.push(Unit {
            start: l.start,
            end: l.end,
            role,
            page: units.body.len(),
            slip_page: None,
            section: tr.section,
        });
    }
    units.meta = tr.meta;
    units
}

fn continue_caption(text: &str, body: &[Unit], role: Role) -> Role {
    if role != Role::Heading {
        if let Some(prev) = body.last() {
            if matches!(prev.role, Role::Caption | Role::CaptionCont)
                && caption_continues(&text[prev.start..prev.end])
            {
                return Role::CaptionCont;
            }
        }
    }
    role
}

/// Hard-wrapped slip text (the slip seed form): a paragraph starts with one
/// leading space; a slip page's first line starts with a space too (two when
/// it also starts a paragraph).
fn hard_wrapped(text: &str, lines: &[Line]) -> Units {
    let first = lines.iter().find(|l| !l.is_blank());
    let paged = first.is_some_and(|l| l.indent == 2);
    let mut tr = Tracker::new(text, Section::Opinion);
    let mut units = Units::default();
    let mut slip_page: u32 = if paged { 0 } else { 1 };
    let mut prev_end_sentence = true;
    let mut prev_blank = true;
    let mut prev_indent = 0;
    for l in lines {
        if l.is_blank() {
            prev_blank = true;
            continue;
        }
        let s = &text[l.start..l.end];
        let mut role = Role::Cont;
        if paged {
            match l.indent {
                2 => {
                    slip_page += 1;
                    role = Role::Start;
                }
                1 if !prev_end_sentence && !prev_blank => slip_page += 1,
                1 => role = Role::Start,
                _ => {}
            }
        } else if l.indent > prev_indent + 1 || prev_blank {
            role = Role::Start;
        }
        if prev_blank || role == Role::Start || units.body.is_empty() {
            if let Some(r) = tr.classify(l.start, l.end) {
                role = r;
            } else if prev_blank {
                role = Role::Start;
            }
        }
        let role = continue_caption(text, &units.body, role);
        units.body.push(Unit {
            start: l.start,
            end: l.end,
            role,
            page: 0,
            slip_page: paged.then_some(slip_page.max(1)),
            section: tr.section,
        });
        prev_end_sentence = ends_sentence(s);
        prev_blank = matches!(role, Role::Heading);
        prev_indent = l.indent;
    }
    units.meta = tr.meta;
    units
}

/// What the running head of one page told.
#[derive(Clone, Copy, Debug, Default)]
struct PageHead {
    number: Option<u32>,
    section: Option<Section>,
}

/// pdftotext output, `-raw`, `-layout` or default mode.
fn pdf(text: &str, lines: &[Line], form: InputForm) -> Units {
    let layout = form == InputForm::PdfLayout;
    let pages = group_pages(lines);
    let repeated = repeated_margins(text, &pages);
    let mut tr = Tracker::new(text, Section::Opinion);
    let mut units = Units::default();
    let mut last_number: Option<u32> = None;
    let mut last_section: Option<Section> = None;
    let mut next_note: u32 = 1;
    let prelim = lines
        .iter()
        .find(|l| !l.is_blank())
        .is_some_and(|l| &text[l.start..l.end] == "PRELIMINARY PRINT");

    // Body lines of all pages with their page facts, and widths for raw text.
    struct BodyLine {
        line: Line,
        slip: Option<u32>,
        section: Section,
        page_top: bool,
    }
    let mut body: Vec<BodyLine> = Vec::with_capacity(lines.len());

    // The lines of the page at hand, one buffer for all pages.
    let mut ls: Vec<Line> = Vec::new();
    for (pi, page) in pages.iter().enumerate() {
        ls.clear();
        ls.extend(page.iter().copied().filter(|l| {
            let s = &text[l.start..l.end];
            !l.is_blank() && !WATERMARK.is_match(s) && !RULE.is_match(s)
        }));
        if prelim && pi == 0 {
            // The cover of a preliminary print: caption material and a notice.
            for &l in &ls {
                let s = &text[l.start..l.end];
                if NOTICE.is_match(s) {
                    break;
                }
                units.body.push(Unit {
                    start: l.start,
                    end: l.end,
                    role: Role::Caption,
                    page: pi,
                    slip_page: None,
                    section: Section::Front,
                });
            }
            continue;
        }
        let head = strip_head(text, &mut ls, &repeated);
        // Page numbers and repeated lines at the foot of the page.
        let mut foot_number = None;
        while let Some(l) = ls.last() {
            let s = collapse(&text[l.start..l.end]);
            if let Some(c) = PAGE_NUM.captures(&s) {
                foot_number = c
                    .get(1)
                    .or_else(|| c.get(2))
                    .and_then(|m| m.as_str().parse().ok());
                ls.pop();
            } else if repeated.contains_key(&margin_key(&s)) {
                ls.pop();
            } else {
                break;
            }
        }
        let section = head.section.or(last_section).unwrap_or(tr.section);
        if head.section.is_some() && head.section != last_section {
            next_note = 1;
        }
        let number = head.number.or(foot_number).or_else(|| {
            // An unnumbered page follows its predecessor in the same part.
            match (last_number, head.section) {
                (Some(n), None) => Some(n + 1),
                (Some(n), Some(s)) if Some(s) == last_section => Some(n + 1),
                _ => None,
            }
        });
        last_number = number;
        last_section = Some(section);
        if head.section.is_some() {
            tr.section = section;
        }
        // The NOTICE paragraph under the head of a slip opinion's first page.
        if let Some(i) = ls
            .iter()
            .position(|l| NOTICE.is_match(&text[l.start..l.end]))
        {
            if i <= 2 {
                let mut j = i;
                while j < ls.len() && j < i + 8 {
                    let s = &text[ls[j].start..ls[j].end];
                    j += 1;
                    if s.ends_with("press.") || s.ends_with("errors.") {
                        break;
                    }
                }
                ls.drain(i..j);
            }
        }
        // Footnotes below the separator.
        let mut sep = ls
            .iter()
            .position(|l| is_rule_line(&text[l.start..l.end], &FOOT_SEP));
        if sep.is_none() {
            // pdftotext's default mode can glue the rule to the end of the
            // page's last line of text ("and un——————").
            if let Some(i) = ls
                .iter()
                .position(|l| text[l.start..l.end].ends_with("————"))
            {
                let body = text[ls[i].start..ls[i].end].trim_end_matches('—');
                ls[i].end = ls[i].start + body.trim_end().len();
                ls.insert(
                    i + 1,
                    Line {
                        start: ls[i].end,
                        end: ls[i].end,
                        ..ls[i]
                    },
                );
                sep = Some(i + 1);
            }
        }
        // Preliminary prints set a footnote's number on a line of its own,
        // with no rule above.
        let label = next_note.to_string();
        let bare = ls
            .iter()
            .enumerate()
            .skip(1)
            .find(|(_, l)| {
                let s = &text[l.start..l.end];
                s == label || (s.starts_with('*') && s[1..].starts_with(char::is_uppercase))
            })
            .map(|(i, _)| i);
        let (main, foot) = match (sep, bare) {
            (Some(i), _) => (&ls[..i], &ls[i + 1..]),
            (None, Some(i)) if prelim => (&ls[..i], &ls[i..]),
            _ => (&ls[..], &[][..]),
        };
        for (k, l) in main.iter().enumerate() {
            if is_rule_line(&text[l.start..l.end], &RULE) {
                continue;
            }
            body.push(BodyLine {
                line: *l,
                slip: number,
                section,
                page_top: k == 0,
            });
        }
        for l in foot {
            let s = collapse(&text[l.start..l.end]);
            if s.parse::<u32>().ok() == Some(next_note) {
                units.notes.push(Note {
                    label: s.to_string(),
                    lines: Vec::new(),
                    page: pi,
                    slip_page: number,
                    section,
                });
                next_note += 1;
                continue;
            }
            let label = note_label(&s).and_then(|lab| match lab.parse::<u32>() {
                Ok(n) if n == next_note || (n == 1 && next_note > 1 && units.notes.is_empty()) => {
                    next_note = n + 1;
                    Some(lab.to_string())
                }
                Ok(_) => None,
                Err(_) => Some(lab.to_string()),
            });
            match (label, units.notes.last_mut()) {
                (None, Some(n)) => n.lines.push((l.start, l.end, number)),
                (label, _) => units.notes.push(Note {
                    label: label.unwrap_or_default(),
                    lines: vec![(l.start, l.end, number)],
                    page: pi,
                    slip_page: number,
                    section,
                }),
            }
        }
    }

    // Paragraphs. In -layout text an indented line starts one; in -raw text
    // a line starts one when the line before ended a sentence and the next
    // word would have fit on it.
    // (Indented text needs no widths.)
    let widths: Vec<u32> = if layout {
        Vec::new()
    } else {
        body.iter()
            .map(|b| width(&text[b.line.start..b.line.end]))
            .collect()
    };
    let full_all = full_width(widths.clone());
    // The syllabus is set in a smaller face than the opinions: a full line
    // is measured per part, from lines that end in a hyphen (always full).
    let mut hyphened: HashMap<Section, Vec<u32>> = HashMap::new();
    for (b, &w) in body.iter().zip(&widths) {
        let s = &text[b.line.start..b.line.end];
        if s.ends_with('-') && s[..s.len() - 1].ends_with(char::is_alphabetic) {
            hyphened.entry(b.section).or_default().push(w);
        }
    }
    let full_of = |section: Section| -> u32 {
        match hyphened.get(&section) {
            Some(v) if v.len() >= 5 => {
                let mut v = v.clone();
                v.sort_unstable();
                v[v.len() / 2]
            }
            _ => full_all,
        }
    };
    let fulls: HashMap<Section, u32> = hyphened.keys().map(|&s| (s, full_of(s))).collect();
    let mut prev: Option<&BodyLine> = None;
    let mut block_first_indent = 0usize;
    let mut block_body_indent: Option<usize> = None;
    let mut after_heading = true;
    let mut current: Option<Section> = None;
    for (k, b) in body.iter().enumerate() {
        let l = b.line;
        let s = &text[l.start..l.end];
        let collapsed = collapse(s);
        // A syllabus may run onto the page whose head already names the
        // opinion (preliminary prints): the part changes where it opens.
        let opens = COURT_LINE.is_match(&collapsed)
            || (AUTHOR.is_match(&collapsed)
                && !collapsed.contains(", J., ")
                && section_of(&collapsed).is_some());
        let section = match current {
            Some(Section::Syllabus) if b.section != Section::Syllabus && !opens => {
                Section::Syllabus
            }
            _ => b.section,
        };
        let part_changed = current.is_some_and(|c| c != section);
        current = Some(section);
        let mut role = Role::Cont;
        let may_start = match prev {
            None => true,
            Some(p) => {
                after_heading
                    || tr.in_caption
                    || b.page_top
                    || ends_sentence(&text[p.line.start..p.line.end])
            }
        };
        let classify = if may_start {
            tr.classify(l.start, l.end)
        } else {
            None
        };
        if let Some(r) = classify {
            role = r;
        } else if after_heading || prev.is_none() {
            role = Role::Start;
        } else if let Some(p) = prev {
            let ps = &text[p.line.start..p.line.end];
            let new_part = part_changed || (b.page_top && b.slip == Some(1));
            if new_part {
                role = Role::Start;
            } else if layout {
                let i = l.indent;
                role = match block_body_indent {
                    None if i <= block_first_indent + 1 => Role::Cont,
                    None => Role::Start,
                    Some(bi) if i == bi => Role::Cont,
                    Some(bi) if i > bi + 1 || i + 1 < bi => Role::Start,
                    Some(_) => Role::Cont,
                };
                if role == Role::Start && i < 2 && ends_sentence(ps) && b.page_top {
                    role = Role::Cont;
                }
                if role == Role::Cont && MARKER.is_match(&collapsed) && ends_sentence(ps) {
                    role = Role::Start;
                }
            } else if ends_sentence(ps) {
                let first_word = collapsed.split(' ').next().unwrap_or("");
                let full = fulls.get(&b.section).copied().unwrap_or(full_all);
                let fits = widths[k - 1] + 278 + width(first_word) < full;
                // A line starting in lower case or with "§" goes on a
                // sentence ("See 42 U. S. C.\n§406(b)"), whatever the width.
                let goes_on = collapsed.starts_with(|c: char| c.is_lowercase() || c == '§');
                if (fits && !goes_on) || MARKER.is_match(&collapsed) {
                    role = Role::Start;
                }
            }
        }
        let role = continue_caption(text, &units.body, role);
        if role != Role::Cont {
            block_first_indent = l.indent;
            block_body_indent = None;
        } else if block_body_indent.is_none() {
            block_body_indent = Some(l.indent);
        }
        after_heading = match role {
            Role::Heading => ends_sentence(s) || HEADING.is_match(&collapsed),
            Role::Caption | Role::CaptionCont => true,
            _ => false,
        };
        units.body.push(Unit {
            start: l.start,
            end: l.end,
            role,
            page: l.page,
            slip_page: b.slip,
            section,
        });
        prev = Some(b);
    }
    units.meta = tr.meta;
    units
}

/// The width a full line of body text has: the 80th percentile of widths.
fn full_width(mut ws: Vec<u32>) -> u32 {
    if ws.is_empty() {
        return u32::MAX;
    }
    ws.sort_unstable();
    let p80 = ws[(ws.len() * 4 / 5).min(ws.len() - 1)];
    // Lines wider than a usual line are merged lines (pdftotext default
    // mode); the typical full line is what counts.
    let median = ws[ws.len() / 2];
    p80.min(median + median / 5)
}

fn group_pages(lines: &[Line]) -> Vec<&[Line]> {
    // Lines come in page order: a page is a run of them.
    let mut pages: Vec<&[Line]> = Vec::new();
    let mut start = 0;
    for (i, l) in lines.iter().enumerate() {
        while pages.len() < l.page {
            pages.push(&lines[start..i]);
            start = i;
        }
    }
    pages.push(&lines[start..]);
    pages
}

/// A line as compared across pages: digits folded, spaces collapsed.
fn margin_key(s: &str) -> String {
    collapse(s).replace(|c: char| c.is_ascii_digit(), "#")
}
fn repeated_margins(text: &str, pages: &[&[Line]]) -> HashMap<String, usize> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for page in pages {
        let nonblank: Vec<&Line> = page.iter().filter(|l| !l.is_blank()).collect();
        let mut keys: Vec<String> = Vec::new();
        for l in nonblank.iter().take(2).chain(nonblank.iter().rev().take(2)) {
            let k = margin_key(&text[l.start..l.end]);
            if k.chars().count() >= 3 && !keys.contains(&k) {
                keys.push(k);
            }
        }
        for k in keys {
            *counts.entry(k).or_default() += 1;
        }
    }
    let need = (pages.len() / 3).max(3);
    counts.retain(|k, n| *n >= need && !HEADING.is_match(k) && !FOOT_SEP.is_match(k));
    counts
}

/// Removes the running head from the top of a page and reports what it said.
fn strip_head(text: &str, ls: &mut Vec<Line>, repeated: &HashMap<String, usize>) -> PageHead {
    let mut head = PageHead::default();
    let mut n = 0;
    let mut seen_head = false;
    let mut after_title = false;
    while n < ls.len() && n < 6 {
        let l = ls[n];
        let s = collapse(&text[l.start..l.end]);
        let s = s.as_ref();
        let title = is_title_with_number(s);
        let mut is_title_line = false;
        let num = |c: &regex::Captures, i: &[usize]| -> Option<u32> {
            i.iter()
                .find_map(|&i| c.get(i))
                .and_then(|m| m.as_str().parse().ok())
        };
        if let Some(c) = PAGE_NUM.captures(s) {
            head.number = head.number.or(num(&c, &[1, 2]));
        } else if let Some(c) = SLIP_TOP.captures(s) {
            head.number = head.number.or(num(&c, &[1, 2]));
        } else if let Some(c) = CITE_AS.captures(s) {
            head.number = head.number.or(num(&c, &[1, 2]));
        } else if head.section == Some(Section::Appendix)
            && LABEL.is_match(s)
            && section_of(s).is_some_and(|sec| sec != Section::Appendix)
        {
            // Some PDFs carry the appendix's head on every page under the
            // part's own ("Appendix to opinion of the Court" over "Opinion
            // of the Court"): the part's own label is the page's.
            head.section = section_of(s);
        } else if head.section.is_some() {
            // Nothing follows the part's label in a running head.
            break;
        } else if LABEL.is_match(s) && (seen_head || n + 1 < ls.len()) && !AUTHOR.is_match(s) {
            if let Some(sec) = section_of(s) {
                head.section = Some(sec);
            } else if !seen_head {
                break;
            }
        } else if repeated.contains_key(&margin_key(s)) {
            if let Some((lead, _, trail)) = title_parts(s) {
                head.number = head.number.or(lead.or(trail).and_then(|n| n.parse().ok()));
            }
            is_title_line = title.is_some() || s.contains(" v. ");
        } else if let Some(number) = title.filter(|k| seen_head || k.is_some()) {
            // A running title; "2 BARTENWERFER v. BUCKLEY" with its number
            // starts a head on its own.
            head.number = head.number.or(number);
            is_title_line = true;
        } else if (after_title && continues_title(s))
            || (is_title(s) && !HEADING.is_match(s) && label_follows(text, &ls[n + 1..]))
        {
            // A long running title set on two lines ("AMERICAN NEEDLE,
            // INC. v. NATIONAL" over "FOOTBALL LEAGUE").
        } else {
            break;
        }
        after_title = is_title_line;
        seen_head = true;
        n += 1;
    }
    ls.drain(..n);
    head
}

/// Whether a part's label ("Opinion of the Court") comes next, or after
/// one more line of capitals: the lines before it are a running title.
fn label_follows(text: &str, rest: &[Line]) -> bool {
    let is_label = |l: &Line| {
        let s = collapse(&text[l.start..l.end]);
        LABEL.is_match(&s) && section_of(&s).is_some() && !AUTHOR.is_match(&s)
    };
    match rest {
        [a, ..] if is_label(a) => true,
        [a, b, ..] => is_title(&collapse(&text[a.start..a.end])) && is_label(b),
        _ => false,
    }
}

/// Whether a line can be the second line of a running title: capitals,
/// no digits, not a heading ("II", "A").
fn continues_title(s: &str) -> bool {
    is_title(s)
        && !HEADING.is_match(s)
        && !s.contains(" v. ")
        && !s.chars().any(|c| c.is_ascii_digit())
        && s.chars().filter(|c| c.is_alphabetic()).count() >= 4
}

/// For a running title line: `Some(number)` with the page number it carries,
/// `Some(None)` when it carries none, `None` when it is not a title.
fn is_title_with_number(s: &str) -> Option<Option<u32>> {
    let (lead, title, trail) = title_parts(s)?;
    if !is_title(title) || !(title.contains(" v. ") || title.starts_with("IN RE")) {
        return None;
    }
    Some(lead.or(trail).and_then(|n| n.parse().ok()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_lines_with_form_feeds_and_crlf() {
        let t = "a \r\n\x0c2 B v. C\r\n  x";
        let ls = split_lines(t);
        assert_eq!(ls.len(), 3);
        assert_eq!(&t[ls[0].start..ls[0].end], "a");
        assert_eq!(ls[1].page, 1);
        assert_eq!(&t[ls[1].start..ls[1].end], "2 B v. C");
        assert_eq!(ls[2].indent, 2);
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

    #[test]
    fn titles() {
        assert_eq!(
            is_title_with_number("2 BARTENWERFER v. BUCKLEY"),
            Some(Some(2))
        );
        assert_eq!(is_title_with_number("KEMP v. UNITED STATES"), Some(None));
        assert_eq!(is_title_with_number("See Imbler v. Pachtman"), None);
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

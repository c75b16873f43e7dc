//! Layout analysis: from source lines to logical units (paragraph starts,
//! continuations, headings, captions, footnotes) with their page and section.
//!
//! Each input form has its own analyzer; all of them produce the same
//! [`Units`], which the builder in `mod.rs` turns into the reading text.

use super::{InputForm, Section};
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

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

static PAGE_NUM: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:[-–—] ?)?([0-9]{1,4})(?: ?[-–—])?$|^Page ([0-9]{1,4})(?: of [0-9]+)?$")
});
static SLIP_TOP: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:([0-9]{1,4}) )?(?:\(Slip Opinion\) ?)?OCTOBER TERM, [0-9]{4}(?: ([0-9]{1,4}))?$|^\(Slip Opinion\)$",
    )
});
static CITE_AS: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:([0-9]{1,4}) )?Cite as: .{0,60}\([0-9]{4} ?\)(?: ([0-9]{1,4}))?$"));
static TITLE_NUM: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:([0-9]{1,4}) )?(.+?)(?: ([0-9]{1,4}))?$"));
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:Syllabus|Opinion of the Court|Per Curiam|PER CURIAM|Opinion of .{1,60}|.{1,80}(?:C\. )?JJ?\., (?:concurring|dissenting|statement).{0,80}|Statement of .{1,60}|Appendix.{0,80}|Concurring opinion.{0,60}|Dissenting opinion.{0,60})$",
    )
});
static WATERMARK: LazyLock<Regex> = LazyLock::new(|| re(r"^Page Proof Pending Publication$"));
static HEADING: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:[IVXL]{1,7}|[A-H]|[1-9]|[a-h]|\*(?: ?\*){2,}|(?:[IVX]{1,5}|[A-H]) [A-H1-9])$")
});
static FOOT_SEP: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:—{3,}|-{8,})$"));
static RULE: LazyLock<Regex> = LazyLock::new(|| re(r"^_{5,}$"));
static COURT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^SUPREME COURT OF THE UNITED STATES$|^(?i:United States Court of Appeals)")
});
static CAPTION_END: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\[[A-Z][a-z]+ [0-9]{1,2}, [0-9]{4}\]$|Decided [A-Z][a-z]+ [0-9]{1,2}, [0-9]{4}\.?$|^Decided [A-Z][a-z]+ [0-9]{1,2}, [0-9]{4}",
    )
});
static CAPTION_LIKE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?i:on writ of certiorari|certiorari to|on petition for|on application|on appeal|appeal from|on bill of complaint)|PETITIONERS?\b|RESPONDENTS?\b|APPELLANTS?\b|APPELLEES?\b|^\[[A-Z][a-z]+ [0-9]{1,2}, [0-9]{4}\]$|^Nos?\. [0-9]",
    )
});
static DOCKET: LazyLock<Regex> = LazyLock::new(|| {
    re(r"Nos?\. [0-9]+(?:[–-][0-9A-Z]+)?(?:,? (?:and )?[0-9]+(?:[–-][0-9A-Z]+)?)*(?:, Orig\.)?")
});
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:January|February|March|April|May|June|July|August|September|October|November|December) [0-9]{1,2}, [0-9]{4}",
    )
});
static AUTHOR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:(?:CHIEF )?JUSTICE|(?:Chief )?Justice|MR\. (?:CHIEF )?JUSTICE|Mr\. (?:Chief )?Justice) [A-Za-z’'. ]+?(?:,| delivered| announced)|^PER CURIAM\.?$|^Per Curiam\.$|^[A-Z][A-Za-z’'.]+, (?:C\. )?J\., (?:delivered|announced|filed)",
    )
});
static NOTICE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^NOTICE: This (?:opinion|preliminary print) is subject to formal revision")
});
static MARKER: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\((?:[a-z]|[0-9]{1,2}|[ivx]{1,4})\) |^Held: "));
static NOTE_START: LazyLock<Regex> =
    LazyLock::new(|| re(r"^([0-9]{1,3}|\*{1,3}|†|‡) ?[^\s\p{Ll}]"));

/// White space folded to single spaces, for matching patterns against
/// pdftotext -layout lines.
fn collapse(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains("  ") && !s.contains('\t') && !s.contains('\u{a0}') {
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
    if s.is_ascii() {
        let t = &*ASCII_WIDTHS;
        return s.bytes().map(|b| t[usize::from(b)]).sum();
    }
    let t = &*ASCII_WIDTHS;
    s.chars()
        .map(|c| {
            if c.is_ascii() {
                t[c as usize]
            } else {
                char_width(c)
            }
        })
        .sum()
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
            if let Some(c) = NOTE_START.captures(s) {
                let label = c.get(1).map_or("", |m| m.as_str()).to_string();
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
    let mut body: Vec<BodyLine> = Vec::new();

    for (pi, page) in pages.iter().enumerate() {
        let mut ls: Vec<Line> = page
            .iter()
            .copied()
            .filter(|l| {
                let s = &text[l.start..l.end];
                !l.is_blank() && !WATERMARK.is_match(s) && !RULE.is_match(s)
            })
            .collect();
        if prelim && pi == 0 {
            // The cover of a preliminary print: caption material and a notice.
            for l in ls {
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
            .position(|l| FOOT_SEP.is_match(&collapse(&text[l.start..l.end])));
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
            if RULE.is_match(&collapse(&text[l.start..l.end])) {
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
            let label = NOTE_START.captures(&s).and_then(|c| {
                let lab = c.get(1)?.as_str();
                match lab.parse::<u32>() {
                    Ok(n)
                        if n == next_note
                            || (n == 1 && next_note > 1 && units.notes.is_empty()) =>
                    {
                        next_note = n + 1;
                        Some(lab.to_string())
                    }
                    Ok(_) => None,
                    Err(_) => Some(lab.to_string()),
                }
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
    let widths: Vec<u32> = body
        .iter()
        .map(|b| width(&text[b.line.start..b.line.end]))
        .collect();
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
    for b in &body {
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
                let fits = width(ps) + 278 + width(first_word) < full;
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

fn group_pages(lines: &[Line]) -> Vec<Vec<Line>> {
    let mut pages: Vec<Vec<Line>> = Vec::new();
    for l in lines {
        while pages.len() <= l.page {
            pages.push(Vec::new());
        }
        pages[l.page].push(*l);
    }
    pages
}

/// A line as compared across pages: digits folded, spaces collapsed.
fn margin_key(s: &str) -> String {
    collapse(s)
        .chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

/// Lines that stand at the top or foot of many pages (running heads and
/// footers of any court), keyed by [`margin_key`].
fn repeated_margins(text: &str, pages: &[Vec<Line>]) -> HashMap<String, usize> {
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
            if let Some(c) = TITLE_NUM.captures(s) {
                head.number = head.number.or(num(&c, &[1, 3]));
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
    let c = TITLE_NUM.captures(s)?;
    let title = c.get(2)?.as_str();
    if !is_title(title) || !(title.contains(" v. ") || title.starts_with("IN RE")) {
        return None;
    }
    let n = c
        .get(1)
        .or_else(|| c.get(3))
        .and_then(|m| m.as_str().parse().ok());
    Some(n)
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

    #[test]
    fn titles() {
        assert_eq!(
            is_title_with_number("2 BARTENWERFER v. BUCKLEY"),
            Some(Some(2))
        );
        assert_eq!(is_title_with_number("KEMP v. UNITED STATES"), Some(None));
        assert_eq!(is_title_with_number("See Imbler v. Pachtman"), None);
    }
}

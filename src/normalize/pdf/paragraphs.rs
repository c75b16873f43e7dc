//! Paragraph roles of the body lines of all pages: where a paragraph,
//! heading or caption starts, and which lines go on the one before.
//!
//! In `-layout` text an indented line starts a paragraph; in `-raw` text
//! a line starts one when the line before ended a sentence and the next
//! line's first word would have fit on it.

use super::super::caption::{Tracker, continue_caption};
use super::super::patterns::{AUTHOR, COURT_LINE, HEADING, MARKER, collapse, section_of};
use super::super::prose::ends_sentence;
use super::super::units::{Role, Unit, Units};
use super::super::{InputForm, Section};
use super::BodyLine;
use super::widths::{SPACE, full_width, width};
use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::HashMap;

/// Lines that end in a hyphen are full: the width of a part's full line
/// is their median when it has this many.
const HYPHENED_LINES_MIN: usize = 5;

/// The most columns a `-layout` block's second line may stand right of
/// its first and still go on it after an unfinished sentence; a
/// paragraph's indentation is wider.
const FLUSH_OFFSET_MAX: usize = 2;

/// The full width of a line of text, part by part: the syllabus is set
/// in a smaller face than the opinions.
struct Measure {
    widths: Vec<u32>,
    full_all: u32,
    fulls: HashMap<Section, u32>,
}

impl Measure {
    fn new(text: &str, body: &[BodyLine]) -> Measure {
        let widths: Vec<u32> = body
            .iter()
            .map(|b| width(&text[b.line.start..b.line.end]))
            .collect();
        let full_all = full_width(widths.clone());
        // A full line is measured per part, from lines that end in a
        // hyphen (always full).
        let mut hyphened: HashMap<Section, Vec<u32>> = HashMap::new();
        for (b, &w) in body.iter().zip(&widths) {
            let s = &text[b.line.start..b.line.end];
            if s.ends_with('-') && s[..s.len() - 1].ends_with(char::is_alphabetic) {
                hyphened.entry(b.section).or_default().push(w);
            }
        }
        let fulls = hyphened
            .into_iter()
            .map(|(s, mut v)| {
                let full = if v.len() >= HYPHENED_LINES_MIN {
                    v.sort_unstable();
                    v[v.len() / 2]
                } else {
                    full_all
                };
                (s, full)
            })
            .collect();
        Measure {
            widths,
            full_all,
            fulls,
        }
    }

    /// Whether `word` would have fit at the end of body line `k`.
    fn fits_after(&self, k: usize, section: Section, word: &str) -> bool {
        let full = self.fulls.get(&section).copied().unwrap_or(self.full_all);
        self.widths[k] + SPACE + width(word) < full
    }
}

/// The indentation of the open block in `-layout` text.
#[derive(Default)]
struct Indents {
    first: usize,
    body: Option<usize>,
}

impl Indents {
    /// The role of a line by its indentation: a line indented like the
    /// block's second line (or its first, before there is one) goes on.
    fn role(&self, indent: usize) -> Role {
        match self.body {
            None if indent <= self.first + 1 => Role::Cont,
            None => Role::Start,
            Some(bi) if indent == bi => Role::Cont,
            Some(bi) if indent > bi + 1 || indent + 1 < bi => Role::Start,
            Some(_) => Role::Cont,
        }
    }

    fn after(&mut self, role: Role, indent: usize) {
        if role != Role::Cont {
            self.first = indent;
            self.body = None;
        } else if self.body.is_none() {
            self.body = Some(indent);
        }
    }
}

/// Gives every body line its role and pushes it to `units.body`.
pub(super) fn assign(text: &str, body: &[BodyLine], form: InputForm, units: &mut Units) {
    let measure = (form != InputForm::PdfLayout).then(|| Measure::new(text, body));
    let mut tr = Tracker::new(text, Section::Opinion);
    let mut indents = Indents::default();
    let mut after_heading = true;
    // Whether the open block started right after a heading.
    let mut opened_by_heading = false;
    let mut current: Option<Section> = None;
    // Whether the line before ended a sentence, asked once a line.
    let mut prev_ends = false;
    units.body.reserve(body.len());
    for (k, b) in body.iter().enumerate() {
        let l = b.line;
        let s = &text[l.start..l.end];
        let folded = Folded::new(s);
        let section = part_of(current, b, &folded);
        let part_changed = current.is_some_and(|c| c != section);
        current = Some(section);
        let prev = k.checked_sub(1).map(|_| prev_ends);
        let ends = ends_sentence(s);
        let may_start = prev.is_none_or(|pe| after_heading || tr.in_caption || b.page_top || pe);
        let classify = if may_start {
            tr.classify_collapsed(l.start, l.end, folded.get())
        } else {
            None
        };
        let role = match (classify, prev) {
            (Some(r), _) => r,
            (None, None) => Role::Start,
            (None, Some(_)) if after_heading => Role::Start,
            (None, Some(_)) if part_changed || (b.page_top && b.slip == Some(1)) => Role::Start,
            (None, Some(pe)) => match &measure {
                None => layout_role(&indents, b, pe, opened_by_heading, &folded),
                Some(m) => raw_role(m, k, b, pe, &folded),
            },
        };
        let role = continue_caption(text, &units.body, role);
        if role != Role::Cont {
            opened_by_heading = after_heading;
        }
        indents.after(role, l.indent);
        after_heading = match role {
            Role::Heading => ends || HEADING.is_match(folded.get()),
            Role::Caption | Role::CaptionCont => true,
            _ => false,
        };
        prev_ends = ends;
        units.body.push(Unit {
            start: l.start,
            end: l.end,
            role,
            page: l.page,
            slip_page: b.slip,
            section,
        });
    }
    units.meta = tr.meta;
}

/// A line whose white space is folded (`collapse`) when first asked for:
/// most lines are never matched against a pattern.
struct Folded<'t> {
    raw: &'t str,
    folded: OnceCell<Cow<'t, str>>,
}

impl<'t> Folded<'t> {
    fn new(raw: &'t str) -> Folded<'t> {
        Folded {
            raw,
            folded: OnceCell::new(),
        }
    }

    /// The line with its white space folded.
    fn get(&self) -> &str {
        self.folded.get_or_init(|| collapse(self.raw))
    }
}

/// The part a body line belongs to. A syllabus may run onto the page
/// whose head already names the opinion (preliminary prints): the part
/// changes where the opinion opens.
fn part_of(current: Option<Section>, b: &BodyLine, line: &Folded) -> Section {
    let opens = || {
        let collapsed = line.get();
        COURT_LINE.is_match(collapsed)
            || (AUTHOR.is_match(collapsed)
                && !collapsed.contains(", J., ")
                && section_of(collapsed).is_some())
    };
    match current {
        Some(Section::Syllabus) if b.section != Section::Syllabus && !opens() => Section::Syllabus,
        _ => b.section,
    }
}

/// The role of a `-layout` line, by its indentation; `prev_ends` tells
/// whether the line before ended a sentence, `opened_by_heading` whether
/// the open block started right under a heading or caption.
fn layout_role(
    indents: &Indents,
    b: &BodyLine,
    prev_ends: bool,
    opened_by_heading: bool,
    line: &Folded,
) -> Role {
    let i = b.line.indent;
    let mut role = indents.role(i);
    // A page's first line set flush after a finished sentence goes on the
    // paragraph (the indentation of the page before is lost).
    if role == Role::Start && i < 2 && prev_ends && b.page_top {
        role = Role::Cont;
    }
    // The second line of a block opened under a heading, set a little
    // right of its first after an unfinished sentence, is the layout's
    // offset of a flush first line (a syllabus's opening), not a
    // paragraph's indentation.
    if role == Role::Start
        && !prev_ends
        && opened_by_heading
        && indents.body.is_none()
        && i <= indents.first + FLUSH_OFFSET_MAX
    {
        role = Role::Cont;
    }
    if role == Role::Cont && prev_ends && MARKER.is_match(line.get()) {
        role = Role::Start;
    }
    // An orders list's entry under an entry of one line, indented alike
    // ("No. 08–8539. Young v. Illinois, 556 U. S. 1170;" over "No.
    // 08–8880. Thomas v. Shinseki, ..."), starts a block of its own.
    if role == Role::Cont
        && indents.body.is_none()
        && i == indents.first
        && i > 0
        && is_docket_entry(line.get())
    {
        role = Role::Start;
    }
    role
}

/// Whether a line opens an entry of an orders list: "No. 08–8880." or
/// "Nos. 08–1, 08–2." and a digit.
fn is_docket_entry(s: &str) -> bool {
    let rest = s.strip_prefix("No. ").or_else(|| s.strip_prefix("Nos. "));
    rest.is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
}

/// The role of a `-raw` line: it starts a paragraph when the line before
/// ended a sentence (`prev_ends`) and the line's first word would have fit
/// on it.
fn raw_role(m: &Measure, k: usize, b: &BodyLine, prev_ends: bool, line: &Folded) -> Role {
    if !prev_ends {
        return Role::Cont;
    }
    let collapsed = line.get();
    let first_word = collapsed.split(' ').next().unwrap_or("");
    let fits = m.fits_after(k - 1, b.section, first_word);
    // A line starting in lower case or with "§" goes on a sentence ("See
    // 42 U. S. C.\n§406(b)"), whatever the width.
    let goes_on = collapsed.starts_with(|c: char| c.is_lowercase() || c == '§');
    if (fits && !goes_on) || MARKER.is_match(collapsed) {
        Role::Start
    } else {
        Role::Cont
    }
}

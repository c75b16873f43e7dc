//! Hard-wrapped slip text (the slip seed form): a paragraph starts with one
//! leading space; a slip page's first line starts with a space too (two
//! when it also starts a paragraph).

use super::Section;
use super::caption::{Tracker, continue_caption};
use super::lines::Line;
use super::prose::ends_sentence;
use super::units::{Role, Unit, Units};

/// A run of this many blank lines is where a page of a court's plain-text
/// slip ended (it prints no page numbers): the paragraph goes on unless
/// the next line is indented.
const PAGE_END_BLANKS: usize = 3;

/// Analyzes hard-wrapped slip text.
pub(super) fn analyze(text: &str, lines: &[Line]) -> Units {
    let first = lines.iter().find(|l| !l.is_blank());
    let paged = first.is_some_and(|l| l.indent == 2);
    let mut tr = Tracker::new(text, Section::Opinion);
    let mut units = Units::default();
    let mut slip_page: u32 = if paged { 0 } else { 1 };
    let mut prev_end_sentence = true;
    let mut prev_blank = true;
    let mut prev_indent = 0;
    let mut blanks = 0;
    for l in lines {
        if l.is_blank() {
            prev_blank = true;
            blanks += 1;
            continue;
        }
        if !paged && blanks >= PAGE_END_BLANKS && !units.body.is_empty() {
            prev_blank = false;
        }
        blanks = 0;
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

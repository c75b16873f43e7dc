//! pdftotext output (`-raw`, `-layout` or default mode): pages, their
//! furniture (running heads, page numbers, notices), footnotes and
//! paragraphs.
//!
//! A page is read in this order: its content lines are taken
//! ([`furniture::content_lines`]), its running head and foot stripped
//! ([`furniture::Margins`]) and its number settled ([`pages::Numbering`]);
//! what is below the footnote separator goes to the footnotes
//! ([`notes`]); the rest is body. When every page is read, the body lines
//! get their roles ([`paragraphs`]).

mod furniture;
mod heads;
mod line_numbers;
mod notes;
mod pages;
mod paragraphs;
mod unruled;
mod widths;

use super::lines::Line;
use super::units::Units;
use super::{InputForm, Section};

/// A line of a page's body with what the page told of it.
struct BodyLine {
    line: Line,
    /// The page's number.
    slip: Option<u32>,
    /// The part the page's head names.
    section: Section,
    /// The first body line of its page.
    page_top: bool,
}

/// Whether text without form feeds carries the running heads, slug
/// lines, filing stamps or page numbers of PDF pages, from which its
/// pages can be found again.
pub(super) fn has_page_furniture(text: &str, lines: &[Line]) -> bool {
    pages::paginate(text, lines).is_some()
}

/// Analyzes pdftotext output.
pub(super) fn analyze(text: &str, lines: &[Line], form: InputForm) -> Units {
    let found = pages::paginate(text, lines);
    let lines = found.as_deref().unwrap_or(lines);
    let pages = pages::group(lines);
    let margins = furniture::Margins::learn(text, &pages);
    let line_numbered = line_numbers::numbered(text, &pages);
    let prelim = furniture::is_preliminary_print(text, lines);
    // Pages whose notes have no separator line above them.
    let unruled = !prelim && !notes::has_separator(text, &pages);
    let mut units = Units::default();
    let mut numbering = pages::Numbering::default();
    let mut notes = notes::Reader::default();
    let mut body: Vec<BodyLine> = Vec::with_capacity(lines.len());
    // The lines of the page at hand, one buffer for all pages.
    let mut ls: Vec<Line> = Vec::new();
    for (pi, page) in pages.iter().enumerate() {
        furniture::content_lines(text, page, &mut ls);
        let last_numbered = if line_numbered {
            line_numbers::strip(text, &mut ls)
        } else {
            None
        };
        if prelim && pi == 0 {
            furniture::cover(text, &ls, pi, &mut units.body);
            continue;
        }
        let mut found = unruled::Found::new();
        if unruled {
            notes.take_top(text, &mut ls, true, &mut found);
        }
        let mut head = margins.strip_head(text, &mut ls);
        if unruled && found.is_empty() {
            // Notes between the head and the body, and the page number
            // some tools set under them.
            notes.take_top(text, &mut ls, false, &mut found);
            if !found.is_empty() && head.number.is_none() {
                head.add_number(margins.strip_head(text, &mut ls).number);
            }
        }
        let foot_number = margins.strip_foot(text, &mut ls);
        let numbered = numbering.page(pi, head, foot_number);
        if numbered.new_part {
            notes.restart();
        }
        furniture::strip_notice(text, &mut ls);
        if let Some(at) = last_numbered {
            line_numbers::put_back_line_ends(text, &mut ls, at);
        }
        if unruled {
            notes.take_foot(text, &mut ls, &mut found);
            unruled::drop_calls(text, &mut ls, &found);
        }
        let split = notes::split(text, &mut ls, notes.next_label(), prelim);
        for (k, l) in ls[..split.body_end].iter().enumerate() {
            if furniture::is_rule(text, l) {
                continue;
            }
            body.push(BodyLine {
                line: *l,
                slip: numbered.number,
                section: numbered.section,
                page_top: k == 0,
            });
        }
        let page = notes::Page {
            index: pi,
            number: numbered.number,
            section: numbered.section,
        };
        notes.add(found, page);
        notes.read(text, &ls[split.notes_start..], page);
    }
    let numbers = numbering.finish(pages.len());
    for b in &mut body {
        b.slip = b.slip.or(numbers[b.line.page]);
    }
    let page_of = |at: usize| {
        let k = lines.partition_point(|l| l.start <= at);
        lines[k.saturating_sub(1)].page
    };
    units.notes = notes.into_notes();
    for n in &mut units.notes {
        n.slip_page = n.slip_page.or(numbers[n.page]);
        for line in &mut n.lines {
            line.2 = line.2.or(numbers[page_of(line.0)]);
        }
    }
    paragraphs::assign(text, &body, form, &mut units);
    units
}

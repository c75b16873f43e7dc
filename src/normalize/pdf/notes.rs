//! Footnotes at the foot of a page: where they start (below a separator,
//! or at a bare number in preliminary prints) and how their lines group
//! into notes by label.

use super::super::Section;
use super::super::lines::Line;
use super::super::patterns::{FOOT_SEP, collapse, is_rule_line, note_label};
use super::super::units::Note;
use super::unruled;

/// The shortest run of em dashes taken for a separator glued to the end
/// of a line of text by pdftotext's default mode ("and un——————").
const GLUED_RULE: &str = "————";

/// Where a page's body ends and its footnotes start, as indices into its
/// lines (a separator line between them belongs to neither).
pub(super) struct Split {
    pub body_end: usize,
    pub notes_start: usize,
}

/// Finds the footnotes of a page. `label` is the label the next footnote
/// would have; `prelim` says the text is a preliminary print, which sets
/// a footnote's number on a line of its own with no rule above.
pub(super) fn split(text: &str, ls: &mut Vec<Line>, label: &str, prelim: bool) -> Split {
    let mut sep = ls
        .iter()
        .position(|l| is_rule_line(&text[l.start..l.end], &FOOT_SEP));
    if sep.is_none() {
        sep = unglue_rule(text, ls);
    }
    let bare = ls
        .iter()
        .enumerate()
        .skip(1)
        .find(|(_, l)| {
            let s = &text[l.start..l.end];
            s == label || (s.starts_with('*') && s[1..].starts_with(char::is_uppercase))
        })
        .map(|(i, _)| i);
    match (sep, bare) {
        (Some(i), _) => Split {
            body_end: i,
            notes_start: i + 1,
        },
        (None, Some(i)) if prelim => Split {
            body_end: i,
            notes_start: i,
        },
        _ => Split {
            body_end: ls.len(),
            notes_start: ls.len(),
        },
    }
}

/// Whether any page of the text sets its notes under a separator line
/// ("——————"), as the Supreme Court's slips do.
pub(super) fn has_separator(text: &str, lines: &[Line]) -> bool {
    lines.iter().any(|l| {
        let s = &text[l.start..l.end];
        is_rule_line(s, &FOOT_SEP) || s.ends_with(GLUED_RULE)
    })
}

/// pdftotext's default mode can glue the separator to the end of the
/// page's last line of text: the line is cut before it and an empty line
/// stands for the separator. Returns the separator's index.
fn unglue_rule(text: &str, ls: &mut Vec<Line>) -> Option<usize> {
    let i = ls
        .iter()
        .position(|l| text[l.start..l.end].ends_with(GLUED_RULE))?;
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
    Some(i + 1)
}

/// The page a footnote's lines are on.
#[derive(Clone, Copy)]
pub(super) struct Page {
    /// The physical page.
    pub index: usize,
    pub number: Option<u32>,
    pub section: Section,
}

/// Groups footnote lines into notes, page after page. Numbers go up by
/// one within a part: a line that starts with the next number starts a
/// note; another number is text of the note before.
pub(super) struct Reader {
    notes: Vec<Note>,
    next: u32,
    label: String,
    /// Where the document sets a label apart from a note without a
    /// separator.
    order: unruled::Order,
}

impl Default for Reader {
    fn default() -> Reader {
        Reader {
            notes: Vec::new(),
            next: 1,
            label: "1".to_string(),
            order: unruled::Order::default(),
        }
    }
}

impl Reader {
    /// The label the next note would have.
    pub(super) fn next_label(&self) -> &str {
        &self.label
    }

    fn set_next(&mut self, n: u32) {
        self.next = n;
        self.label = n.to_string();
    }

    /// A new part numbers its notes from 1.
    pub(super) fn restart(&mut self) {
        self.set_next(1);
    }

    /// Reads the footnote lines of one page.
    pub(super) fn read(&mut self, text: &str, foot: &[Line], page: Page) {
        for l in foot {
            let s = collapse(&text[l.start..l.end]);
            if s.parse::<u32>().ok() == Some(self.next) {
                // A number on a line of its own.
                self.notes.push(Note {
                    label: s.to_string(),
                    lines: Vec::new(),
                    page: page.index,
                    slip_page: page.number,
                    section: page.section,
                });
                self.set_next(self.next + 1);
                continue;
            }
            let label = note_label(&s).and_then(|lab| match lab.parse::<u32>() {
                Ok(n) if n == self.next || (n == 1 && self.next > 1 && self.notes.is_empty()) => {
                    self.set_next(n + 1);
                    Some(lab.to_string())
                }
                Ok(_) => None,
                Err(_) => Some(lab.to_string()),
            });
            match (label, self.notes.last_mut()) {
                (None, Some(n)) => n.lines.push((l.start, l.end, page.number)),
                (label, _) => self.notes.push(Note {
                    label: label.unwrap_or_default(),
                    lines: vec![(l.start, l.end, page.number)],
                    page: page.index,
                    slip_page: page.number,
                    section: page.section,
                }),
            }
        }
    }

    /// Takes the notes set without a separator before a page's head out
    /// of its lines `ls`, into `found`.
    pub(super) fn take_top(&mut self, text: &str, ls: &mut Vec<Line>, found: &mut unruled::Found) {
        let mut next = self.next;
        unruled::take_top(text, ls, &mut next, &mut self.order, found);
        self.set_next(next);
    }

    /// Takes the notes set without a separator at a page's foot out of
    /// its lines `ls`, into `found`.
    pub(super) fn take_foot(&mut self, text: &str, ls: &mut Vec<Line>, found: &mut unruled::Found) {
        let mut next = self.next;
        unruled::take_foot(text, ls, &mut next, &mut self.order, found);
        self.set_next(next);
    }

    /// Adds the notes found without a separator on one page.
    pub(super) fn add(&mut self, found: unruled::Found, page: Page) {
        for (label, lines) in found {
            self.notes.push(Note {
                label,
                lines: lines
                    .iter()
                    .map(|l| (l.start, l.end, page.number))
                    .collect(),
                page: page.index,
                slip_page: page.number,
                section: page.section,
            });
        }
    }

    /// The notes read.
    pub(super) fn into_notes(self) -> Vec<Note> {
        self.notes
    }
}

//! Captions, sections and caption facts, tracked while an analyzer makes
//! units: a court line opens a caption, a decision date or an author line
//! closes it; author lines and case titles set the section.

use super::Section;
use super::patterns::{
    AUTHOR, CAPTION_END, CAPTION_LIKE, COURT_LINE, DATE, DOCKET, HEADING, collapse, is_title,
    section_of,
};
use super::units::{Meta, Role, Unit};

/// Tracks captions, sections and metadata while units are made.
pub(super) struct Tracker<'t> {
    text: &'t str,
    pub(super) section: Section,
    pub(super) in_caption: bool,
    caption_lines: usize,
    pub(super) meta: Meta,
}

impl<'t> Tracker<'t> {
    pub(super) fn new(text: &'t str, section: Section) -> Tracker<'t> {
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
    pub(super) fn classify(&mut self, start: usize, end: usize) -> Option<Role> {
        let s = collapse(&self.text[start..end]);
        self.classify_collapsed(start, end, &s)
    }

    /// [`Tracker::classify`] for a caller that has the line's white space
    /// folded already (`s` is `collapse` of the line).
    pub(super) fn classify_collapsed(&mut self, start: usize, end: usize, s: &str) -> Option<Role> {
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
        if s.len() < 100 && !s.ends_with('.') && s.contains(" v. ") && is_title(s) {
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

/// The role of a line after a caption line that does not end: it continues
/// the caption.
pub(super) fn continue_caption(text: &str, body: &[Unit], role: Role) -> Role {
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

//! Units: what every analyzer makes of the lines, whatever the input form.
//! A unit is a logical line of body text with its role in the block
//! structure, page and section; footnotes and caption facts come beside
//! them. The builder in `mod.rs` turns units into the reading text.

use super::Section;

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

//! Pages: the lines of each page, and the number and part of each page
//! from what its head and foot told.

use super::super::Section;
use super::super::lines::Line;
use super::furniture::PageHead;

/// The lines of each page, in order: a page is the run of lines after
/// a form feed.
pub(super) fn group(lines: &[Line]) -> Vec<&[Line]> {
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

/// Page numbers and parts, page after page.
#[derive(Default)]
pub(super) struct Numbering {
    last_number: Option<u32>,
    last_section: Option<Section>,
}

/// What [`Numbering::page`] settled for one page.
pub(super) struct Numbered {
    /// The page's number, when it has one or follows one.
    pub number: Option<u32>,
    /// The part the page belongs to.
    pub section: Section,
    /// Whether the page's head names a part other than the page before's.
    pub new_part: bool,
}

impl Numbering {
    /// The number and part of the next page, from its head and the
    /// number at its foot. A page with no number follows its predecessor
    /// in the same part; a page with no part label stays in the part of
    /// the page before (the opinion, on the first page).
    pub(super) fn page(&mut self, head: PageHead, foot_number: Option<u32>) -> Numbered {
        let section = head
            .section
            .or(self.last_section)
            .unwrap_or(Section::Opinion);
        let new_part = head.section.is_some() && head.section != self.last_section;
        let number =
            head.number
                .or(foot_number)
                .or_else(|| match (self.last_number, head.section) {
                    (Some(n), None) => Some(n + 1),
                    (Some(n), Some(s)) if Some(s) == self.last_section => Some(n + 1),
                    _ => None,
                });
        self.last_number = number;
        self.last_section = Some(section);
        Numbered {
            number,
            section,
            new_part,
        }
    }
}

//! References to the document itself that are no supra: another opinion
//! of the same decision ("ante, at 5-6", "post, at 1") and a syllabus's
//! pages of the opinion ("Pp. 3-6").

use crate::citation::{Direction, Form, Internal};
use crate::extract::scanner::Scanner;
use crate::normalize::Section;
use std::ops::Range;

/// "ante, at 5", "Post, at 1": the anchor ends on the pin's first digit.
pub(super) const OTHER_OPINION: &str = r"(?-u:\b)(?:[Aa]nte|[Pp]ost),[^\S\n]+at[^\S\n]+[0-9]";
/// "Pp. 3-6", "P. 7": the anchor ends on the pin's first digit.
pub(super) const SYLLABUS: &str = r"(?-u:\b)Pp?\.[^\S\n]+[0-9]";

/// "Ante, at 5-6", "post, at 1": a page of another opinion in the same
/// document (a concurrence citing the Court's opinion, or the reverse).
pub(super) fn parse_other_opinion(s: &mut Scanner<'_>, m: Range<usize>) -> usize {
    let Some(p) = s.pins_at(m.end - 1) else {
        return m.end;
    };
    let direction = if s.text[m.start..].starts_with(['a', 'A']) {
        Direction::Ante
    } else {
        Direction::Post
    };
    let form = Form::Internal(Internal {
        direction,
        labeled: false,
    });
    let mut c = s.cite(form, m.start..p.end);
    c.pins = p.pins;
    c.authority = Some(s.own.clone());
    c.parenthetical = s.parenthetical(p.end);
    s.out.push(c);
    p.end
}

/// A syllabus's "Pp. 3-6": pages of the opinion it summarizes. Elsewhere
/// "P. 7" is no citation.
pub(super) fn parse_syllabus(s: &mut Scanner<'_>, m: Range<usize>) -> usize {
    if s.section_at(m.start) != Section::Syllabus {
        return m.end;
    }
    let Some(p) = s.pins_at(m.end - 1) else {
        return m.end;
    };
    let form = Form::Internal(Internal {
        direction: Direction::Syllabus,
        labeled: false,
    });
    let mut c = s.cite(form, m.start..p.end);
    c.pins = p.pins;
    c.authority = Some(s.own.clone());
    s.out.push(c);
    p.end
}

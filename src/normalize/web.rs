//! One paragraph per line: web pages with the tags stripped, the syllabus
//! form. Running heads left in the text are dropped; footnotes follow a
//! separator line and start with their number.

use super::Section;
use super::caption::{Tracker, continue_caption};
use super::lines::Line;
use super::patterns::{
    AUTHOR, CITE_AS, FOOT_SEP, LABEL, NOTICE, SLIP_TOP, WATERMARK, note_label, section_of,
};
use super::prose::ends_sentence;
use super::units::{Note, Role, Unit, Units};

/// Analyzes text with one paragraph per line.
pub(super) fn analyze(text: &str, lines: &[Line]) -> Units {
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

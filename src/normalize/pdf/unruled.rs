//! Footnotes set without a separator line (circuit opinions, bound
//! volumes). A note starts at its label, the next note's number or "*",
//! alone on a line or at the start of the note's first line, when the
//! page's text calls it ("dismissed.”1", "JUDGEMENT*"). Tools put a label
//! set apart before its note's first line or after it (the superscript's
//! baseline), and some put a page's notes before its head and body.

use super::super::lines::Line;
use super::super::patterns::{
    CITE_AS, COURT_LINE, FILING_STAMP, SLIP_TOP, collapse, note_label, page_number,
};
use super::super::words::is_word;

/// The notes found on one page: each label with the lines of its note
/// (a label set on a line of its own is not one of them).
pub(super) type Found = Vec<(String, Vec<Line>)>;

/// Where a document's tool sets a label that stands on a line of its own.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) enum Order {
    /// Before the note's first line.
    #[default]
    Before,
    /// After the note's first line.
    After,
}

/// How a line carries a note's label.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Set {
    /// The label alone on its line.
    Alone,
    /// The label starts the note's first line ("*For the Court's ...").
    Leading,
    /// The label ends the note's first line, as pypdf writes a label set
    /// apart after it ("... term of1").
    Trailing,
}

/// The label a line carries if it is `next` (the next note's number) or
/// a symbol.
fn label_of<'s>(s: &'s str, next: &str) -> Option<(&'s str, Set)> {
    let symbol = |l: &str| matches!(l, "*" | "†" | "‡");
    if s == next || symbol(s) {
        return Some((s, Set::Alone));
    }
    if let Some(l) = note_label(s) {
        // The note's text follows the label: "12" is no label 1.
        let rest = s[l.len()..].trim_start();
        let text_follows = rest.starts_with(|c: char| !c.is_ascii_digit());
        if text_follows && (l == next || symbol(l)) {
            return Some((l, Set::Leading));
        }
    }
    ["*", "†", "‡", next]
        .into_iter()
        .find(|l| s.ends_with(l) && calls(tail(s, l.len() + TAIL_CONTEXT), l))
        .map(|l| (&s[s.len() - l.len()..], Set::Trailing))
}

/// The bytes of context before a label that ends a line, looked at to
/// tell it glued or set apart.
const TAIL_CONTEXT: usize = 8;

/// The last `n` bytes of `s` or a few more, from a char boundary.
fn tail(s: &str, n: usize) -> &str {
    let mut at = s.len().saturating_sub(n);
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    &s[at..]
}

/// Whether `s` calls note `label`: the label glued to the end of a word
/// or a closing mark ("dismissed.”1", "(2000).1", "JUDGEMENT*"), or set
/// apart at the end of the line after a closing mark.
fn calls(s: &str, label: &str) -> bool {
    let closing = |c: char| c.is_alphabetic() || ".,;:)]”’\"".contains(c);
    s.match_indices(label).any(|(i, _)| {
        let before = s[..i].chars().next_back();
        let after = s[i + label.len()..].chars().next();
        let ends_word = after.is_none_or(|c| c.is_whitespace() || ".,;:)".contains(c));
        let glued = before.is_some_and(closing) && ends_word;
        let digits = label.bytes().all(|b| b.is_ascii_digit());
        let apart = digits && after.is_none() && {
            let t = s[..i].trim_end();
            t.len() < i && t.ends_with(['.', ',', ';', ':', ')', '”', '’', '"'])
        };
        (glued || apart) && !(digits && digit_before(s, i))
    })
}

/// Whether line `i` of `ls` is indented more than the lines before and
/// after it, as the first line of a paragraph or a note is.
fn set_in(ls: &[Line], i: usize) -> bool {
    let indent = ls[i].indent;
    let before = i.checked_sub(1).map_or(0, |j| ls[j].indent);
    let after = ls.get(i + 1).map_or(0, |l| l.indent);
    indent > before && indent > after
}

/// Whether the label `l` that ends line `i` (`s`) is glued to a word of
/// the word list on a line set in from the lines around it: a note's
/// first line as pypdf sets it, not a call in the body ("the Civil2").
fn glued_to_set_in_line(s: &str, l: &str, ls: &[Line], i: usize) -> bool {
    ends_in_word(&s[..s.len() - l.len()]) && set_in(ls, i)
}

/// Whether `s` ends in a word of the word list that is not set in
/// capitals only ("Civil", "of"; not the "CA" of a court, "(CA1").
fn ends_in_word(s: &str) -> bool {
    let start = s
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map_or(s.len(), |(i, _)| i);
    let word = &s[start..];
    word.chars().any(char::is_lowercase) && is_word(word)
}

/// Whether the character before byte `i` is a digit (the label would be
/// the end of a number).
fn digit_before(s: &str, i: usize) -> bool {
    s[..i]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit())
}

/// Whether a line is a page's head or caption, which ends the notes set
/// before them.
fn is_head(s: &str) -> bool {
    COURT_LINE.is_match(s)
        || page_number(s).is_some()
        || FILING_STAMP.is_match(s)
        || SLIP_TOP.is_match(s)
        || CITE_AS.is_match(s)
}

/// Whether any line of `ls` outside `skip` calls `label` (a call the
/// tool set on a line of its own is the label alone).
fn called(text: &str, ls: &[Line], skip: std::ops::Range<usize>, label: &str) -> bool {
    ls.iter()
        .enumerate()
        .filter(|(i, _)| !skip.contains(i))
        .any(|(_, l)| {
            let s = collapse(&text[l.start..l.end]);
            // A symbol set apart is a caption's mark, no call.
            (s == label && label.bytes().all(|b| b.is_ascii_digit())) || calls(&s, label)
        })
}

/// Whether the lines of a note read as text: letters make half its
/// characters (a table's figures are no note).
fn reads_as_text(text: &str, lines: &[Line]) -> bool {
    let (mut letters, mut all) = (0, 0);
    for l in lines {
        for c in text[l.start..l.end].chars().filter(|c| !c.is_whitespace()) {
            all += 1;
            letters += usize::from(c.is_alphabetic());
        }
    }
    all > 0 && letters * 2 >= all
}

/// Takes out of `ls` the lines that only call a note found on the page
/// (a call the tool set on a line of its own is no text), and the calls
/// glued to a line's last word (pypdf's "United2" over "States v.
/// Miller"), which would read as part of a name.
pub(super) fn drop_calls(text: &str, ls: &mut Vec<Line>, found: &Found) {
    if found.is_empty() {
        return;
    }
    ls.retain(|l| {
        let s = &text[l.start..l.end];
        !found.iter().any(|(label, _)| label == s)
    });
    for l in ls.iter_mut() {
        let s = text[l.start..l.end].trim_end();
        let glued = found.iter().find(|(label, _)| {
            s.strip_suffix(label.as_str())
                .is_some_and(|before| before.ends_with(char::is_alphabetic))
        });
        if let Some((label, _)) = glued {
            l.end = l.start + s.len() - label.len();
        }
    }
}

/// The notes at the top of a page, above its head (`before_head`) or
/// under it: a label in the first line, or alone in the second after the
/// note's first line; they run to the head or to a page number.
pub(super) fn take_top(
    text: &str,
    ls: &mut Vec<Line>,
    next: &mut u32,
    order: &mut Order,
    before_head: bool,
    found: &mut Found,
) {
    let line = |i: usize| collapse(&text[ls[i].start..ls[i].end]).into_owned();
    let label = next.to_string();
    // A label that ends a line starts a note only above the page's head:
    // under it, the line is the body's, ending in a call, unless the label
    // is glued to a word on a line set in from the next, as pypdf sets a
    // note's first line ("Park, in2").
    let starts = |s: &str| {
        label_of(s, &label).is_some_and(|(l, set)| {
            before_head || set != Set::Trailing || glued_to_set_in_line(s, l, ls, 0)
        })
    };
    let first = match (ls.first(), ls.get(1)) {
        (Some(_), _) if starts(&line(0)) => 0,
        (Some(_), Some(_))
            if label_of(&line(1), &label).is_some_and(|(_, set)| set == Set::Alone)
                && !is_head(&line(0)) =>
        {
            *order = Order::After;
            1
        }
        _ => return,
    };
    // The notes run to the head; a number that is the next note's label
    // is no page number.
    let mut want = *next;
    let mut end = None;
    for i in first..ls.len() {
        let s = line(i);
        let number = want.to_string();
        match label_of(&s, &number) {
            Some((l, _)) if l != number => continue,
            Some((l, _)) if i == first || called(text, ls, i..i + 1, l) => {
                want += 1;
                continue;
            }
            _ => {}
        }
        if i > first && is_head(&s) {
            end = Some(i);
            break;
        }
    }
    let Some(end) = end else {
        return;
    };
    let region: Vec<Line> = ls[..end].to_vec();
    let mut want = *next;
    let notes = split_region(text, &region, first, &mut want, *order);
    let all_called = notes
        .iter()
        .all(|(l, lines)| called(text, ls, 0..end, l) && reads_as_text(text, lines));
    if notes.is_empty() || !all_called {
        return;
    }
    ls.drain(..end);
    *next = want;
    found.extend(notes);
}

/// The notes at a page's foot: from the first label of the next note
/// (called higher on the page) to the page's end.
pub(super) fn take_foot(
    text: &str,
    ls: &mut Vec<Line>,
    next: &mut u32,
    order: &mut Order,
    found: &mut Found,
) {
    let label = next.to_string();
    let at = (1..ls.len()).find(|&i| {
        let s = collapse(&text[ls[i].start..ls[i].end]);
        label_of(&s, &label).is_some_and(|(l, set)| {
            // A label glued to a line's end is a call ("(CA1" is a court):
            // one that ends a note's first line is set apart, or glued to
            // a word, as pypdf sets it ("... the Civil2"), on a line set
            // in from the lines around it (the note's first line; pypdf
            // moves a call to the end of its line too, "liquidated2").
            let apart = set != Set::Trailing
                || s[..s.len() - l.len()].ends_with(' ')
                || glued_to_set_in_line(&s, l, ls, i);
            apart && called(text, &ls[..i], 0..0, l)
        })
    });
    let Some(at) = at else {
        return;
    };
    if at + 1 == ls.len() {
        // A label that ends the page follows its note's text.
        *order = Order::After;
    }
    let alone = {
        let s = collapse(&text[ls[at].start..ls[at].end]);
        label_of(&s, &label).is_some_and(|(_, set)| set == Set::Alone)
    };
    let start = if alone && *order == Order::After && at >= 2 {
        at - 1
    } else {
        at
    };
    let region: Vec<Line> = ls[start..].to_vec();
    let mut want = *next;
    let notes = split_region(text, &region, at - start, &mut want, *order);
    if notes.is_empty() || !notes.iter().all(|(_, lines)| reads_as_text(text, lines)) {
        return;
    }
    *next = want;
    ls.truncate(start);
    found.extend(notes);
}

/// The notes of a region whose first label is at `first`: each note from
/// its label (or the line before it, when labels follow first lines) to
/// the next. Numbers must go up by one; `next` follows them.
fn split_region(text: &str, region: &[Line], first: usize, next: &mut u32, order: Order) -> Found {
    let line = |i: usize| collapse(&text[region[i].start..region[i].end]).into_owned();
    // (index of the label's line, label, set)
    let mut labels: Vec<(usize, String, Set)> = Vec::new();
    let mut want = *next;
    for i in first..region.len() {
        let s = line(i);
        if let Some((l, set)) = label_of(&s, &want.to_string()) {
            if l == want.to_string() {
                want += 1;
            }
            labels.push((i, l.to_string(), set));
        }
    }
    if let Some(notes) = unstack(text, region, &labels) {
        *next = want;
        return notes;
    }
    // A label set apart after its note's first line: the note starts on
    // the line before.
    let start_of = |i: usize, set: Set| {
        if set == Set::Alone && order == Order::After && i > 0 {
            i - 1
        } else {
            i
        }
    };
    let mut notes = Found::new();
    for (k, (i, label, set)) in labels.iter().enumerate() {
        let start = start_of(*i, *set);
        let end = labels
            .get(k + 1)
            .map_or(region.len(), |(j, _, s)| start_of(*j, *s));
        let lines: Vec<Line> = (start..end.max(start))
            .filter(|&j| !(j == *i && *set == Set::Alone))
            .map(|j| {
                let mut l = region[j];
                if j == *i && *set == Set::Trailing {
                    // The label is no text of the note.
                    let s = &text[l.start..l.end];
                    l.end = l.start + s[..s.len() - label.len()].trim_end().len();
                }
                l
            })
            .collect();
        notes.push((label.clone(), lines));
    }
    *next = want;
    notes
}

/// The notes of a region that opens with its labels stacked, each alone
/// on its line, and then their texts, each a block set apart by a blank
/// line (poppler's default mode sets a page's labels as a column of their
/// own): the `k`-th label with the `k`-th block. `None` unless the labels
/// are two or more, stacked, first in the region, and as many as the
/// blocks after them.
fn unstack(text: &str, region: &[Line], labels: &[(usize, String, Set)]) -> Option<Found> {
    let stacked = labels
        .iter()
        .enumerate()
        .all(|(k, (i, _, set))| *i == k && *set == Set::Alone);
    if labels.len() < 2 || !stacked {
        return None;
    }
    let texts = &region[labels.len()..];
    // Where a blank line stands before a line of the texts.
    let gap = |a: &Line, b: &Line| {
        memchr::memchr_iter(b'\n', &text.as_bytes()[a.end..b.start]).count() > 1
    };
    let mut blocks: Vec<Vec<Line>> = Vec::new();
    for (j, l) in texts.iter().enumerate() {
        match blocks.last_mut() {
            Some(block) if !gap(&texts[j - 1], l) => block.push(*l),
            _ => blocks.push(vec![*l]),
        }
    }
    if blocks.len() != labels.len() {
        return None;
    }
    let labels = labels.iter().map(|(_, label, _)| label.clone());
    Some(labels.zip(blocks).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calls_are_glued_or_set_apart_at_the_end() {
        assert!(calls("the case is dismissed.”1", "1"));
        assert!(calls("(2000).1", "1"));
        assert!(calls("ORDER AND JUDGEMENT*", "*"));
        assert!(calls("dismissed.”   1", "1"));
        assert!(!calls("at 1 and 2", "1"));
        assert!(!calls("123 F.3d 456", "3"));
        assert!(!calls("Rule 60(b)(1)", "1"));
        assert!(!calls("2011", "1"));
    }

    #[test]
    fn a_label_glued_to_a_word_ends_a_notes_first_line_set_in() {
        // The foot of page 3 of the Eleventh Circuit's Robinson v. Tyson
        // Foods in pypdf's output: the call moved to its line's end.
        let text = "constructive termination.   Robinson sought liquidated2\n\
                    damages in her suit.\n\
                    \x20Robinson brought her claim under Title VII of the Civil2\n\
                    Rights Act of 1991.\n";
        let lines = crate::normalize::lines::split_lines(text);
        let mut ls: Vec<Line> = lines.into_iter().filter(|l| !l.is_blank()).collect();
        let (mut next, mut order, mut found) = (2, Order::Before, Found::new());
        take_foot(text, &mut ls, &mut next, &mut order, &mut found);
        assert_eq!(ls.len(), 2);
        assert_eq!(found.len(), 1);
        let note: Vec<&str> = found[0].1.iter().map(|l| &text[l.start..l.end]).collect();
        assert_eq!(
            note,
            [
                "Robinson brought her claim under Title VII of the Civil",
                "Rights Act of 1991."
            ]
        );
        assert_eq!(next, 3);
        // A line not set in that ends in the same way is the body's call.
        let text = "Martin argues he is entitled to resentencing under Park, in2\n\
                    which the district court vacated.\n\
                    not to a full resentencing.   United2\n\
                    States v. Miller, 903 F.2d 341.\n";
        let lines = crate::normalize::lines::split_lines(text);
        let mut ls: Vec<Line> = lines.into_iter().filter(|l| !l.is_blank()).collect();
        let (mut next, mut found) = (2, Found::new());
        take_foot(text, &mut ls, &mut next, &mut order, &mut found);
        assert!(found.is_empty());
        assert_eq!(ls.len(), 4);
        assert!(!ends_in_word("(CA"));
    }

    #[test]
    fn stacked_labels_take_the_blocks_after_them_in_order() {
        // The foot of page 1 of the Fifth Circuit's United States v.
        // Martin in poppler's default mode.
        let text = "the bottom of the\n\n*\n\n1\n\nDistrict Judge, sitting by designation.\n\n\
                    Section 3582(c)(2) provides that a court\nmay reduce a term.\n";
        let lines = crate::normalize::lines::split_lines(text);
        let region: Vec<Line> = lines.into_iter().filter(|l| !l.is_blank()).collect();
        let mut next = 1;
        let notes = split_region(text, &region[1..], 0, &mut next, Order::Before);
        let read: Vec<(&str, Vec<&str>)> = notes
            .iter()
            .map(|(label, ls)| {
                (
                    label.as_str(),
                    ls.iter().map(|l| &text[l.start..l.end]).collect(),
                )
            })
            .collect();
        assert_eq!(
            read,
            [
                ("*", vec!["District Judge, sitting by designation."]),
                (
                    "1",
                    vec![
                        "Section 3582(c)(2) provides that a court",
                        "may reduce a term."
                    ]
                ),
            ]
        );
        assert_eq!(next, 2);
        // Blocks that are not as many as the labels are not shared out.
        let text = "*\n1\nDistrict Judge.\nSection 3582.\n";
        let lines = crate::normalize::lines::split_lines(text);
        let region: Vec<Line> = lines.into_iter().filter(|l| !l.is_blank()).collect();
        let labels = vec![
            (0, "*".to_string(), Set::Alone),
            (1, "1".to_string(), Set::Alone),
        ];
        assert!(unstack(text, &region, &labels).is_none());
    }
}

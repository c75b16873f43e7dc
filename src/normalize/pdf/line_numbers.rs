//! The line numbers of pleading paper (the Second Circuit numbers each
//! page's lines 1, 2, 3, ... in the margin): not text. Tools write them
//! before their line ("1 disqualify him ..."), on lines of their own
//! between the text's, or as a column apart.

use super::super::lines::Line;

/// The fewest numbers of a page's run: a page of pleading paper numbers
/// twenty lines or more; a page's footnotes rarely run to ten.
const RUN_MIN: usize = 10;

/// The numbers of a run stand on a third of the page's lines at least.
const LINES_PER_NUMBER_MAX: usize = 3;

/// The pages of a document with runs of line numbers: two, or the only
/// one.
const PAGES_MIN: usize = 2;

/// Where line numbers stand on one page: indices into its lines, and
/// whether the number is the whole line or the start of one.
struct Run {
    at: Vec<(usize, bool)>,
}

/// Whether the pages of a document carry line numbers: runs on two pages
/// (or the only page).
pub(super) fn numbered(text: &str, pages: &[&[Line]]) -> bool {
    let with = pages
        .iter()
        .filter(|page| {
            let ls: Vec<Line> = page.iter().copied().filter(|l| !l.is_blank()).collect();
            run(text, &ls).is_some()
        })
        .count();
    with >= PAGES_MIN || (pages.len() == 1 && with == 1)
}

/// Takes a page's line numbers out of its lines `ls`: a line that is
/// only a number goes, a number that starts a line is cut off it.
/// Returns the start of the page's last numbered line when its number
/// stands on a line of its own (see [`put_back_line_ends`]).
pub(super) fn strip(text: &str, ls: &mut Vec<Line>) -> Option<usize> {
    let run = run(text, ls)?;
    let last_line = run
        .at
        .last()
        .filter(|&&(_, whole)| whole)
        .and_then(|&(i, _)| ls.get(i + 1))
        .map(|l| l.start);
    let mut drop = vec![false; ls.len()];
    for (i, whole) in run.at {
        if whole {
            drop[i] = true;
        } else {
            let l = &mut ls[i];
            let s = &text[l.start..l.end];
            let digits = s.bytes().take_while(u8::is_ascii_digit).count();
            let rest = &s[digits..];
            let cut = digits + (rest.len() - rest.trim_start().len());
            l.indent += s[..cut].chars().count();
            l.start += cut;
        }
    }
    let mut k = 0;
    ls.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
    last_line
}

/// Puts the words that poppler's default mode sets after a page's last
/// numbered line (the line starting at `last_line`) before that line:
/// printed after the last line of the page, they are the ends of earlier
/// lines ("And second,", "The"), and the last line goes on at the top of
/// the next page ("... of this title.” §" over "1427(b)").
/// Each is shorter than that line and starts with no footnote's number.
/// Runs once the page's foot is stripped.
pub(super) fn put_back_line_ends(text: &str, ls: &mut [Line], last_line: usize) {
    let Some(at) = ls.iter().position(|l| l.start == last_line) else {
        return;
    };
    let len = |l: &Line| text[l.start..l.end].chars().count();
    let last_len = len(&ls[at]);
    let ends = &ls[at + 1..];
    let fragments = !ends.is_empty()
        && ends.iter().all(|l| {
            len(l) < last_len && !text[l.start..l.end].starts_with(|c: char| c.is_ascii_digit())
        });
    if fragments {
        ls[at..].rotate_left(1);
    }
}

/// The run of line numbers 1, 2, 3, ... of a page, in order, when it is
/// long enough: each number the next after the one before, alone on its
/// line or before the line's text.
fn run(text: &str, ls: &[Line]) -> Option<Run> {
    let mut at = Vec::new();
    let mut next = 1u32;
    for (i, l) in ls.iter().enumerate() {
        let s = &text[l.start..l.end];
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 2 {
            continue;
        }
        let whole = digits == s.len();
        if !whole && !s[digits..].starts_with([' ', '\t']) {
            continue;
        }
        if s[..digits].parse() == Ok(next) {
            at.push((i, whole));
            next += 1;
        }
    }
    (at.len() >= RUN_MIN && at.len() * LINES_PER_NUMBER_MAX >= ls.len()).then_some(Run { at })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::lines::split_lines;

    fn page(text: &str) -> Vec<String> {
        let mut ls: Vec<Line> = split_lines(text)
            .into_iter()
            .filter(|l| !l.is_blank())
            .collect();
        strip(text, &mut ls);
        ls.iter()
            .map(|l| text[l.start..l.end].to_string())
            .collect()
    }

    #[test]
    fn numbers_before_lines_and_alone_go() {
        let mut before = String::from("Page 3 of 9\n");
        let mut alone = String::from("Page 3 of 9\n");
        for n in 1..=12 {
            before.push_str(&format!("{n} line {n} of text\n"));
            alone.push_str(&format!("{n}\nline {n} of text\n"));
        }
        for text in [&before, &alone] {
            let lines = page(text);
            assert_eq!(lines[0], "Page 3 of 9");
            assert_eq!(lines[1], "line 1 of text");
            assert_eq!(lines[12], "line 12 of text");
            assert_eq!(lines.len(), 13);
        }
    }

    #[test]
    fn line_ends_after_a_pages_last_line_go_before_it() {
        // The foot of page 7 of the Second Circuit's Gildernew v. Gantner
        // in poppler's default mode, its "Page 7 of 9" stripped.
        let mut text = String::new();
        for n in 1..=20 {
            text.push_str(&format!("{n}\n\nline {n} of the page's text\n\n"));
        }
        text.push_str("21\n\nof this title.\u{201d} \u{a7}\n\nAnd second,\n\nThe\n");
        let mut ls: Vec<Line> = split_lines(&text)
            .into_iter()
            .filter(|l| !l.is_blank())
            .collect();
        let last = strip(&text, &mut ls).expect("numbers stand alone");
        put_back_line_ends(&text, &mut ls, last);
        let tail: Vec<&str> = ls[ls.len() - 3..]
            .iter()
            .map(|l| &text[l.start..l.end])
            .collect();
        assert_eq!(
            tail,
            ["And second,", "The", "of this title.\u{201d} \u{a7}"]
        );
        // Numbers before their lines' text: nothing is moved.
        let text = (1..=12).fold(String::new(), |t, n| t + &format!("{n} line {n}\nend\n"));
        let mut ls: Vec<Line> = split_lines(&text).into_iter().collect();
        assert_eq!(strip(&text, &mut ls), None);
    }

    #[test]
    fn a_few_footnotes_are_no_line_numbers() {
        let text = "text\n1 See a.\n2 See b.\n3 See c.\n";
        assert_eq!(page(text).len(), 4);
    }
}

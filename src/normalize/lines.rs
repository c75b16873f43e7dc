//! Physical lines: the source split at line ends, each trimmed, with its
//! indentation and the page (count of form feeds) it is on; and the input
//! form guessed from their shape.

use super::InputForm;

/// One physical line of the source, trimmed.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Line {
    /// First byte of content (after leading white space).
    pub start: usize,
    /// One past the last byte of content (before trailing white space).
    pub end: usize,
    /// Leading white space, in characters.
    pub indent: usize,
    /// Physical page (count of form feeds before the line).
    pub page: usize,
}

impl Line {
    pub(crate) fn is_blank(&self) -> bool {
        self.start >= self.end
    }
}

/// Splits `text` into trimmed lines, counting form feeds as page breaks.
pub(crate) fn split_lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut lines = Vec::with_capacity(bytes.len() / 40 + 1);
    let mut page = 0;
    let mut pos = 0;
    // The next form feed at or after a line's start: found once per form
    // feed, not searched for again on every line.
    let mut ff = None;
    while pos <= bytes.len() {
        let nl = memchr::memchr(b'\n', &bytes[pos..]).map_or(bytes.len(), |i| pos + i);
        let (mut s, mut e) = (pos, nl);
        let mut indent = 0;
        // Leading white space: spaces, tabs, form feeds, a byte-order mark.
        loop {
            if s < e && matches!(bytes[s], b' ' | b'\t' | b'\r') {
                indent += 1;
                s += 1;
            } else if s < e && bytes[s] == b'\x0c' {
                page += 1;
                indent = 0;
                s += 1;
            } else if text[s..e].starts_with('\u{feff}') {
                s += 3;
            } else if text[s..e].starts_with('\u{a0}') {
                indent += 1;
                s += 2;
            } else {
                break;
            }
        }
        // A form feed with text after it on the same line (pdfminer writes
        // one after each page's last line, no line end) ends the line: the
        // text after it is the next page's first line.
        let mut next = None;
        if ff.is_none_or(|f| f < s) {
            ff = Some(memchr::memchr(b'\x0c', &bytes[s..]).map_or(bytes.len(), |i| s + i));
        }
        if let Some(f) = ff.filter(|&f| f < e) {
            if bytes[f..e]
                .iter()
                .any(|b| !matches!(b, b' ' | b'\t' | b'\r' | b'\x0c'))
            {
                next = Some(f);
                e = f;
            }
        }
        let mut trailing_ff = 0;
        while e > s && matches!(bytes[e - 1], b' ' | b'\t' | b'\r' | b'\x0c') {
            if bytes[e - 1] == b'\x0c' {
                trailing_ff += 1;
            }
            e -= 1;
        }
        lines.push(Line {
            start: s,
            end: e,
            indent,
            page,
        });
        page += trailing_ff;
        if let Some(f) = next {
            pos = f;
            continue;
        }
        if nl >= bytes.len() {
            break;
        }
        pos = nl + 1;
    }
    lines
}

/// Picks the input form from the shape of the lines.
pub(crate) fn detect_form(text: &str, lines: &[Line]) -> InputForm {
    let nonblank: Vec<&Line> = lines.iter().filter(|l| !l.is_blank()).collect();
    if nonblank.is_empty() {
        return InputForm::ParagraphPerLine;
    }
    let n = nonblank.len() as f64;
    if memchr::memchr(b'\x0c', text.as_bytes()).is_some() {
        let indented = nonblank.iter().filter(|l| l.indent >= 2).count() as f64;
        return if indented / n >= 0.08 {
            InputForm::PdfLayout
        } else {
            InputForm::PdfRaw
        };
    }
    let long = nonblank
        .iter()
        .filter(|l| text[l.start..l.end].chars().count() > 120)
        .count() as f64;
    if long / n >= 0.25 {
        InputForm::ParagraphPerLine
    } else if super::pdf::has_page_furniture(text, lines) {
        // PDF text written without form feeds (pypdf): its pages are
        // found again from their running heads and numbers.
        InputForm::PdfRaw
    } else {
        InputForm::HardWrapped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_lines_with_form_feeds_and_crlf() {
        let t = "a \r\n\x0c2 B v. C\r\n  x";
        let ls = split_lines(t);
        assert_eq!(ls.len(), 3);
        assert_eq!(&t[ls[0].start..ls[0].end], "a");
        assert_eq!(ls[1].page, 1);
        assert_eq!(&t[ls[1].start..ls[1].end], "2 B v. C");
        assert_eq!(ls[2].indent, 2);
    }
}

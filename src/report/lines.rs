//! Lines and columns of byte offsets, found in time independent of how
//! many are asked for: a table of line starts, and a count of characters
//! every [`STEP`] bytes, so that a column costs at most a few hundred
//! bytes of counting however long its line.

/// The bytes between two character counts kept.
const STEP: usize = 256;

/// The line and column of any byte offset of a text.
///
/// Lines and columns count from 1; a column counts characters, as editors
/// do. Built in one pass over the text.
///
/// ```
/// let text = "ab\n\u{201C}cd e";
/// let lines = pincite::LineIndex::new(text);
/// assert_eq!(lines.line_col(0), (1, 1));
/// assert_eq!(lines.line_col(9), (2, 5));
/// ```
#[derive(Clone, Debug)]
pub struct LineIndex<'t> {
    text: &'t str,
    /// The offset of each line's first byte.
    line_starts: Vec<usize>,
    /// The characters before each multiple of [`STEP`] (the first
    /// character boundary at or after it).
    chars_at: Vec<usize>,
}

impl<'t> LineIndex<'t> {
    /// The line starts and character counts of `text`.
    pub fn new(text: &'t str) -> LineIndex<'t> {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1));
        let mut chars_at = Vec::with_capacity(bytes.len() / STEP + 1);
        let mut chars = 0;
        for chunk in bytes.chunks(STEP) {
            chars_at.push(chars);
            chars += char_starts(chunk);
        }
        LineIndex {
            text,
            line_starts,
            chars_at,
        }
    }

    /// The characters of the text before byte `at` (clamped to the text).
    fn chars_before(&self, at: usize) -> usize {
        let at = at.min(self.text.len());
        let k = at / STEP;
        let from = k * STEP;
        let counted = self.chars_at.get(k).copied().unwrap_or(0);
        counted + char_starts(&self.text.as_bytes()[from..at])
    }

    /// The 1-based line and column (in characters) of byte `at`; an offset
    /// past the end is the end.
    pub fn line_col(&self, at: usize) -> (usize, usize) {
        let at = at.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= at);
        let start = self.line_starts[line - 1];
        (line, self.chars_before(at) - self.chars_before(start) + 1)
    }
}

/// The characters that start in `bytes`: the bytes that are not UTF-8
/// continuation bytes.
fn char_starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines and columns counted the slow way.
    fn slow(text: &str, at: usize) -> (usize, usize) {
        let before = &text.as_bytes()[..at];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let col = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
        (line, col)
    }

    #[test]
    fn columns_count_characters_across_steps_and_lines() {
        let text = format!(
            "{}\n{}\u{201C}x\n\n{}",
            "é".repeat(300),
            "a".repeat(600),
            "\u{1F469}".repeat(200)
        );
        let lines = LineIndex::new(&text);
        for (at, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(lines.line_col(at), slow(&text, at), "at {at}");
        }
        assert_eq!(lines.line_col(text.len() + 5), slow(&text, text.len()));
        assert_eq!(LineIndex::new("").line_col(0), (1, 1));
    }
}

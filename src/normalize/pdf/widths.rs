//! Widths of text, for deciding where a paragraph ended in text without
//! indentation: a line that ends a sentence ends its paragraph when the
//! next line's first word would have fit on it.

/// The width of a space, in thousandths of an em.
pub(super) const SPACE: u32 = 278;

/// Approximate width of a character in thousandths of an em, for a
/// book face like the Court's Century Schoolbook.
const fn char_width(c: char) -> u32 {
    match c {
        ' ' => SPACE,
        'i' | 'j' | 'l' => 300,
        'f' | 't' => 340,
        'r' => 390,
        's' => 450,
        'a' | 'c' | 'e' | 'z' => 480,
        'm' => 830,
        'w' => 740,
        'I' | 'J' => 400,
        'M' | 'W' => 920,
        'A'..='Z' => 720,
        '0'..='9' => 550,
        '.' | ',' | ':' | ';' | '\'' | '’' | '‘' => 278,
        '(' | ')' | '[' | ']' | '-' => 333,
        '–' => 550,
        '—' => 1000,
        '“' | '”' | '"' => 430,
        _ => 550,
    }
}

/// Widths by byte, looked up instead of matched; built at compile time.
/// An ASCII byte has its character's width; a byte that begins a wider
/// character has the width of most of them, and a continuation byte none.
const BYTE_WIDTHS: [u32; 256] = {
    let mut t = [0; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = if b < 0x80 {
            char_width(b as u8 as char)
        } else if b >= 0xc0 {
            OTHER_WIDTH
        } else {
            0
        };
        b += 1;
    }
    t
};

/// The width of a character beyond ASCII that `char_width` does not name.
const OTHER_WIDTH: u32 = 550;

/// The first byte of the characters beyond ASCII `char_width` names
/// (quotation marks and dashes, U+2013 to U+201D).
const PUNCTUATION_LEAD: u8 = 0xe2;

/// The width of a line of text, in thousandths of an em.
pub(super) fn width(s: &str) -> u32 {
    // One table look-up a byte; then the few wide characters with widths
    // of their own are set right.
    let b = s.as_bytes();
    let plain: u32 = b.iter().map(|&x| BYTE_WIDTHS[usize::from(x)]).sum();
    memchr::memchr_iter(PUNCTUATION_LEAD, b)
        .filter_map(|i| s[i..].chars().next())
        .fold(plain, |w, c| w + char_width(c) - OTHER_WIDTH)
}

/// The width a full line of body text has: the 80th percentile of widths.
pub(super) fn full_width(mut ws: Vec<u32>) -> u32 {
    if ws.is_empty() {
        return u32::MAX;
    }
    // The two ranks are picked out, not the whole list sorted.
    let n = ws.len();
    let p80 = *ws.select_nth_unstable((n * 4 / 5).min(n - 1)).1;
    // Lines wider than a usual line are merged lines (pdftotext default
    // mode); the typical full line is what counts.
    let median = *ws.select_nth_unstable(n / 2).1;
    p80.min(median + median / 5)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn width_by_bytes_is_the_sum_of_the_characters() {
        let text = include_str!("../../../corpus/scotus_abbott_v_abbott_2010_slip.txt");
        let mut wide = 0;
        for line in text.lines().chain(["“§ 1”—‘x’ – é…", "K"]) {
            wide += usize::from(!line.is_ascii());
            let by_chars: u32 = line.chars().map(char_width).sum();
            assert_eq!(width(line), by_chars, "{line:?}");
        }
        assert!(wide > 10, "the text has lines beyond ASCII");
    }
}

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

/// Widths of the ASCII characters, looked up instead of matched; built
/// at compile time.
const ASCII_WIDTHS: [u32; 128] = {
    let mut t = [0; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = char_width(b as u8 as char);
        b += 1;
    }
    t
};

/// The width of a line of text, in thousandths of an em.
pub(super) fn width(s: &str) -> u32 {
    if s.is_ascii() {
        // The common case: one table look-up a byte.
        return s.bytes().map(|b| ASCII_WIDTHS[usize::from(b & 0x7f)]).sum();
    }
    s.chars()
        .map(|c| match u8::try_from(c) {
            Ok(b) if b.is_ascii() => ASCII_WIDTHS[usize::from(b)],
            _ => char_width(c),
        })
        .sum()
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

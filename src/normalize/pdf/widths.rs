//! Widths of text, for deciding where a paragraph ended in text without
//! indentation: a line that ends a sentence ends its paragraph when the
//! next line's first word would have fit on it.

use std::sync::LazyLock;

/// The width of a space, in thousandths of an em.
pub(super) const SPACE: u32 = 278;

/// Approximate width of a character in thousandths of an em, for a
/// book face like the Court's Century Schoolbook.
fn char_width(c: char) -> u32 {
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

/// Widths of the ASCII characters, looked up instead of matched.
static ASCII_WIDTHS: LazyLock<[u32; 128]> = LazyLock::new(|| {
    let mut t = [0; 128];
    for (b, w) in t.iter_mut().enumerate() {
        *w = char_width(char::from(b as u8));
    }
    t
});

/// The width of a line of text, in thousandths of an em.
pub(super) fn width(s: &str) -> u32 {
    let t = &*ASCII_WIDTHS;
    let b = s.as_bytes();
    let mut w = 0;
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii() {
            w += t[usize::from(b[i])];
            i += 1;
        } else {
            let c = s[i..].chars().next().unwrap_or(' ');
            w += char_width(c);
            i += c.len_utf8();
        }
    }
    w
}

/// The width a full line of body text has: the 80th percentile of widths.
pub(super) fn full_width(mut ws: Vec<u32>) -> u32 {
    if ws.is_empty() {
        return u32::MAX;
    }
    ws.sort_unstable();
    let p80 = ws[(ws.len() * 4 / 5).min(ws.len() - 1)];
    // Lines wider than a usual line are merged lines (pdftotext default
    // mode); the typical full line is what counts.
    let median = ws[ws.len() / 2];
    p80.min(median + median / 5)
}

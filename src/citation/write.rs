//! A [`Citation`] written as JSON directly: the bytes its `Serialize`
//! gives through `serde_json`, with the field names written as they are
//! and the numbers and plain strings copied without a serializer between.
//! `pincite extract` writes tens of thousands of citations a second this
//! way; the tests check it against `serde_json` on every citation of the
//! shipped corpus.

use super::{Citation, Pin, PinUnit};
use std::io;

impl Citation {
    /// Appends the citation as one JSON object, the same bytes as
    /// `serde_json::to_writer(out, self)` writes.
    pub fn write_json(&self, out: &mut Vec<u8>) -> io::Result<()> {
        out.push(b'{');
        self.write_json_fields(out)
    }

    /// Appends the citation's JSON object without its opening brace:
    /// `"kind":...}`. A caller that puts fields of its own first (the file
    /// a citation is in) writes `{` and them, then this.
    pub fn write_json_fields(&self, out: &mut Vec<u8>) -> io::Result<()> {
        out.extend_from_slice(b"\"kind\":");
        string(out, self.kind().as_str());
        out.extend_from_slice(b",\"span\":[");
        number(out, self.span.start as u64);
        out.push(b',');
        number(out, self.span.end as u64);
        out.extend_from_slice(b"],\"text\":");
        string(out, &self.text);
        field(out, b",\"authority\":", self.authority.as_deref(), string);
        out.extend_from_slice(b",\"pins\":");
        array(out, &self.pins, write_pin);
        self.write_form_fields(out);
        field(out, b",\"signal\":", self.signal.as_deref(), string);
        field(
            out,
            b",\"parenthetical\":",
            self.parenthetical.as_deref(),
            string,
        );
        out.extend_from_slice(b",\"section\":");
        string(out, self.section.as_str());
        field(out, b",\"slip_page\":", self.slip_page, |o, p| {
            number(o, p.into())
        });
        out.extend_from_slice(b",\"warnings\":");
        array(out, &self.warnings, |o, w| string(o, w));
        self.write_extra_fields(out)?;
        out.push(b'}');
        Ok(())
    }

    /// The fields every citation has, from its form: volume, reporter,
    /// first page, case name, court and its id, year.
    fn write_form_fields(&self, out: &mut Vec<u8>) {
        let num = |o: &mut Vec<u8>, n: u32| number(o, n.into());
        field(out, b",\"volume\":", self.volume(), num);
        field(out, b",\"reporter\":", self.reporter(), string);
        field(out, b",\"first_page\":", self.first_page(), num);
        field(out, b",\"case_name\":", self.case_name(), string);
        field(out, b",\"court\":", self.court(), string);
        field(out, b",\"court_id\":", self.court_id(), string);
        field(out, b",\"year\":", self.year(), |o, y| number(o, y.into()));
    }

    /// The fields written only when a form has them: author, title, and
    /// a full case's nominative reporter, history and candidates.
    fn write_extra_fields(&self, out: &mut Vec<u8>) -> io::Result<()> {
        if let Some(author) = self.author() {
            field(out, b",\"author\":", Some(author), string);
        }
        if let Some(title) = self.title() {
            field(out, b",\"title\":", Some(title), string);
        }
        let Some(f) = self.full_case() else {
            return Ok(());
        };
        if let Some((volume, reporter)) = &f.nominative {
            let nominative = format!("{volume} {reporter}");
            field(out, b",\"nominative\":", Some(nominative.as_str()), string);
        }
        if let Some(h) = &f.history {
            out.extend_from_slice(b",\"history\":");
            serde_json::to_writer(&mut *out, h)?;
        }
        if !f.candidates.is_empty() {
            out.extend_from_slice(b",\"candidates\":");
            serde_json::to_writer(&mut *out, &f.candidates)?;
        }
        Ok(())
    }
}

/// Appends a pin as its derived `Serialize` writes it: the unit only when
/// it is not pages.
fn write_pin(out: &mut Vec<u8>, pin: &Pin) {
    let num = |o: &mut Vec<u8>, n: u32| number(o, n.into());
    out.extend_from_slice(b"{\"page\":");
    option(out, pin.page, num);
    out.extend_from_slice(b",\"end\":");
    option(out, pin.end, num);
    out.extend_from_slice(b",\"footnote\":");
    option(out, pin.footnote, num);
    match pin.unit {
        PinUnit::Page => {}
        PinUnit::Star => out.extend_from_slice(b",\"unit\":\"star\""),
        PinUnit::Paragraph => out.extend_from_slice(b",\"unit\":\"paragraph\""),
    }
    out.push(b'}');
}

/// Appends `key` (`,"name":`, plain ASCII written as it is) and the
/// value, or `null`.
#[inline]
fn field<T>(out: &mut Vec<u8>, key: &[u8], value: Option<T>, write: impl Fn(&mut Vec<u8>, T)) {
    out.extend_from_slice(key);
    option(out, value, write);
}

/// Appends the value, or `null`.
#[inline]
fn option<T>(out: &mut Vec<u8>, value: Option<T>, write: impl Fn(&mut Vec<u8>, T)) {
    match value {
        Some(v) => write(out, v),
        None => out.extend_from_slice(b"null"),
    }
}

/// Appends a number in decimal.
fn number(out: &mut Vec<u8>, n: u64) {
    let mut buf = [0u8; 20];
    out.extend_from_slice(super::decimal(n, &mut buf));
}

/// The bytes a JSON string escapes: the control characters, the quote
/// and the backslash.
static ESCAPED: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = true;
        b += 1;
    }
    table[b'"' as usize] = true;
    table[b'\\' as usize] = true;
    table
};

/// Appends a JSON string as `serde_json` escapes it: a quote, a backslash
/// and the control characters escaped, everything else (all of Unicode)
/// as it is.
/// Writes a JSON array of `items`, each by `each`.
fn array<T>(out: &mut Vec<u8>, items: &[T], mut each: impl FnMut(&mut Vec<u8>, &T)) {
    out.push(b'[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        each(out, item);
    }
    out.push(b']');
}

fn string(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    let bytes = s.as_bytes();
    let mut copied = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if !ESCAPED[usize::from(b)] {
            continue;
        }
        out.extend_from_slice(&bytes[copied..i]);
        escape(out, b);
        copied = i + 1;
    }
    out.extend_from_slice(&bytes[copied..]);
    out.push(b'"');
}

/// Appends the escape of one byte that JSON does not allow in a string
/// as it is: the short forms where JSON has them, else `\u00XX`.
fn escape(out: &mut Vec<u8>, b: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    match b {
        b'"' => out.extend_from_slice(b"\\\""),
        b'\\' => out.extend_from_slice(b"\\\\"),
        b'\n' => out.extend_from_slice(b"\\n"),
        b'\r' => out.extend_from_slice(b"\\r"),
        b'\t' => out.extend_from_slice(b"\\t"),
        0x08 => out.extend_from_slice(b"\\b"),
        0x0c => out.extend_from_slice(b"\\f"),
        _ => {
            out.extend_from_slice(b"\\u00");
            out.push(HEX[usize::from(b >> 4)]);
            out.push(HEX[usize::from(b & 0xf)]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The citations of a text, as `write_json` and `serde_json` write
    /// them.
    fn both(src: &str) -> Vec<(String, String)> {
        crate::cite(src)
            .into_citations()
            .iter()
            .map(|c| {
                let mut out = Vec::new();
                c.write_json(&mut out).unwrap();
                let direct = String::from_utf8(out).unwrap();
                (direct, serde_json::to_string(c).unwrap())
            })
            .collect()
    }

    #[test]
    fn strings_escape_as_serde_json_escapes_them() {
        let tricky = "a\"b\\c\nd\te\r\u{8}\u{c}\u{1}\u{1f}\u{7f} é ¶ \u{2028} –";
        let mut out = Vec::new();
        string(&mut out, tricky);
        assert_eq!(out, serde_json::to_vec(tricky).unwrap());
        for n in [0, 7, 10, 99, 4_294_967_295, u64::MAX] {
            let mut out = Vec::new();
            number(&mut out, n);
            assert_eq!(out, n.to_string().into_bytes());
        }
    }

    #[test]
    fn every_shipped_opinion_writes_as_serde_json_writes() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
        let mut seen = 0;
        for path in crate::text_files(std::path::Path::new(dir)) {
            let path = path.unwrap();
            let src = crate::Document::read_limited(&path, 1 << 24).unwrap();
            for (direct, serde) in both(src.text()) {
                assert_eq!(direct, serde, "{}", path.display());
                seen += 1;
            }
        }
        assert!(seen > 1000, "only {seen} citations in the shipped corpus");
    }

    #[test]
    fn the_rare_fields_write_as_serde_json_writes_them() {
        // A nominative reporter, subsequent history, a star page, a
        // paragraph pin, a journal's author and title.
        let src = "Marbury v. Madison, 5 U.S. (1 Cranch) 137, 177 (1803), aff'd, 6 U.S. \
                   (2 Cranch) 1 (1804). Bender, 1997 WL 582901, at *3 (S.D.N.Y. 1997). \
                   State v. Smith, 2021-Ohio-1234, ¶ 20. Kamisar, A Dissent from the \
                   Miranda Dissents, 65 Mich. L. Rev. 59, 62 (1966).\n";
        let pairs = both(src);
        assert!(pairs.len() >= 4, "{pairs:?}");
        for (direct, serde) in &pairs {
            assert_eq!(direct, serde);
        }
        let all: String = pairs.iter().map(|p| p.1.as_str()).collect();
        for key in ["\"nominative\"", "\"unit\":\"star\"", "\"author\""] {
            assert!(all.contains(key), "{key} in {all}");
        }
    }
}

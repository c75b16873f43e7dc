//! Bytes in: files found, read within a size limit, known as text by their
//! first bytes, and checked as UTF-8 with the offset of the first bad byte.
//!
//! A byte-order mark and CRLF line ends are kept in the text (so that every
//! offset is an offset of the original file); the normalizer skips them.

use crate::error::{Error, Result};
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// An opinion text as read from a file: the original bytes, known to be UTF-8.
///
/// ```
/// use pincite::Document;
/// let doc = Document::from_bytes(b"\xEF\xBB\xBFId., at 5.\r\n".to_vec())?;
/// assert_eq!(doc.text().len(), 3 + 10 + 2);
/// # Ok::<(), pincite::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Document {
    text: String,
}

/// How many bytes of the start of an input tell its format.
const SNIFF_BYTES: usize = 8192;

/// How many bytes are read at a time, each part checked as UTF-8 before
/// the next is read.
const CHUNK_BYTES: u64 = 1 << 20;

impl Document {
    /// The longest document [`Document::read`] reads: 256 MiB.
    pub const DEFAULT_MAX_SIZE: u64 = 256 << 20;

    /// Checks that `bytes` are text and UTF-8, and keeps them unchanged.
    ///
    /// # Errors
    /// [`ErrorKind::NotText`](crate::ErrorKind::NotText) when the first
    /// bytes are those of another kind of file (a PDF, a Word document, an
    /// archive, an image) or binary data (a NUL byte; bytes that are not
    /// UTF-8 among control bytes);
    /// [`ErrorKind::InvalidUtf8`](crate::ErrorKind::InvalidUtf8) with the
    /// offset of the first bad byte.
    ///
    /// ```
    /// use pincite::{Document, ErrorKind};
    /// let err = Document::from_bytes(b"%PDF-1.7\n".to_vec()).unwrap_err();
    /// assert_eq!(err.kind(), &ErrorKind::NotText { what: "a PDF" });
    /// ```
    pub fn from_bytes(mut bytes: Vec<u8>) -> Result<Document> {
        if let Some(format) = sniff(&bytes[..bytes.len().min(SNIFF_BYTES)]) {
            return Err(format.error(None));
        }
        mend_html_head(&mut bytes);
        match String::from_utf8(bytes) {
            Ok(text) => Ok(Document { text }),
            Err(e) => Err(Error::invalid_utf8(e.utf8_error().valid_up_to())),
        }
    }

    /// Reads a file of at most [`Document::DEFAULT_MAX_SIZE`] bytes, as
    /// [`Document::read_limited`] does.
    ///
    /// # Errors
    /// As [`Document::read_limited`].
    pub fn read(path: impl AsRef<Path>) -> Result<Document> {
        Document::read_limited(path, Document::DEFAULT_MAX_SIZE)
    }

    /// Reads a regular file of at most `max_size` bytes and checks it as
    /// [`Document::from_bytes`] does, a part at a time: reading stops at
    /// the first bad byte. A message about another kind of file names the
    /// file in its advice ("convert it to text first, e.g. pdftotext
    /// -layout brief.pdf"). Every error gives the file as
    /// [`Error::path`](crate::Error::path).
    ///
    /// # Errors
    /// [`ErrorKind::Io`](crate::ErrorKind::Io) when the file cannot be read
    /// or is a directory,
    /// [`ErrorKind::NotRegularFile`](crate::ErrorKind::NotRegularFile) for
    /// a device, a FIFO or a socket (which could be endless or block),
    /// [`ErrorKind::TooLarge`](crate::ErrorKind::TooLarge) past `max_size`,
    /// and the errors of [`Document::from_bytes`].
    pub fn read_limited(path: impl AsRef<Path>, max_size: u64) -> Result<Document> {
        let path = path.as_ref();
        read_file(path, max_size).map_err(|e| e.at(path))
    }

    /// Reads a stream (standard input, a pipe) to its end, at most
    /// `max_size` bytes, and checks it as [`Document::read_limited`] does.
    ///
    /// ```
    /// let doc = pincite::Document::from_reader(&b"Id., at 5.\n"[..], 1024)?;
    /// assert_eq!(doc.text(), "Id., at 5.\n");
    /// let long = pincite::Document::from_reader(&[b'a'; 2048][..], 1024);
    /// assert_eq!(long.unwrap_err().to_string(), "larger than 1 KiB, the limit for one document");
    /// # Ok::<(), pincite::Error>(())
    /// ```
    ///
    /// # Errors
    /// Those of [`Document::read_limited`] but
    /// [`ErrorKind::NotRegularFile`](crate::ErrorKind::NotRegularFile); the
    /// advice of [`ErrorKind::NotText`](crate::ErrorKind::NotText) names no
    /// file.
    pub fn from_reader(reader: impl Read, max_size: u64) -> Result<Document> {
        read_text(reader, 0, max_size, None)
    }

    /// The original text, byte for byte.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Gives the text back.
    pub fn into_text(self) -> String {
        self.text
    }
}

impl AsRef<str> for Document {
    /// The original text, as [`Document::text`].
    fn as_ref(&self) -> &str {
        &self.text
    }
}

/// [`Document::read_limited`] without the path on its errors.
fn read_file(path: &Path, max_size: u64) -> Result<Document> {
    let meta = fs::metadata(path).map_err(|e| Error::io(&e))?;
    check_regular(&meta.file_type())?;
    if meta.len() > max_size {
        return Err(Error::too_large(max_size));
    }
    let file = fs::File::open(path).map_err(|e| Error::io(&e))?;
    read_text(file, meta.len(), max_size, Some(path))
}

/// A directory is an I/O error ("is a directory"); a device, FIFO or
/// socket is not a regular file.
fn check_regular(kind: &fs::FileType) -> Result<()> {
    if kind.is_file() {
        return Ok(());
    }
    if kind.is_dir() {
        return Err(Error::io(&std::io::ErrorKind::IsADirectory.into()));
    }
    Err(Error::not_regular(special_kind(kind)))
}

#[cfg(unix)]
fn special_kind(kind: &fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_char_device() {
        "a character device"
    } else if kind.is_block_device() {
        "a block device"
    } else if kind.is_fifo() {
        "a FIFO"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn special_kind(_: &fs::FileType) -> &'static str {
    "a special file"
}

/// Reads `reader` to its end: its first bytes told apart from other kinds
/// of file, then a part at a time checked as UTF-8, never more than
/// `max_size` bytes. `size_hint` is the expected length.
fn read_text(
    mut reader: impl Read,
    size_hint: u64,
    max_size: u64,
    path: Option<&Path>,
) -> Result<Document> {
    // One byte past the limit is read to know that the input is longer.
    let limit = max_size.saturating_add(1);
    let cap = size_hint.saturating_add(1).min(limit);
    let mut buf = Vec::with_capacity(usize::try_from(cap).unwrap_or(0));
    fill(&mut reader, &mut buf, (SNIFF_BYTES as u64).min(limit))?;
    if let Some(format) = sniff(&buf) {
        return Err(format.error(path));
    }
    mend_html_head(&mut buf);
    // A regular file of known size under the limit is read whole and
    // checked once; a stream a part at a time, so that a bad byte ends it.
    if size_hint > 0 && size_hint <= max_size {
        let rest = limit - buf.len() as u64;
        fill(&mut reader, &mut buf, rest)?;
        if buf.len() as u64 > max_size {
            return Err(Error::too_large(max_size));
        }
        return match String::from_utf8(buf) {
            Ok(text) => Ok(Document { text }),
            Err(e) => Err(Error::invalid_utf8(e.utf8_error().valid_up_to())),
        };
    }
    let mut checked = 0;
    loop {
        checked = check_utf8(&buf, checked)?;
        if buf.len() as u64 > max_size {
            return Err(Error::too_large(max_size));
        }
        let want = (limit - buf.len() as u64).min(CHUNK_BYTES);
        if fill(&mut reader, &mut buf, want)? == 0 {
            break;
        }
    }
    // A character cut off by the end of the input.
    if checked < buf.len() {
        return Err(Error::invalid_utf8(checked));
    }
    match String::from_utf8(buf) {
        Ok(text) => Ok(Document { text }),
        Err(e) => Err(Error::invalid_utf8(e.utf8_error().valid_up_to())),
    }
}

/// In an HTML document, bytes that are not UTF-8 before the end of its
/// head (the empty UTF-16 title \xFE\xFF that poppler's `pdftohtml`
/// writes) are no text: each is read as "?", one byte for one, so that
/// every offset stays an offset of the file. Other bad bytes are errors.
fn mend_html_head(buf: &mut [u8]) {
    let head = &buf[..buf.len().min(SNIFF_BYTES)];
    let start = head.iter().position(|b| !b.is_ascii_whitespace());
    let html = start.is_some_and(|i| {
        let t = head[i..].to_ascii_lowercase();
        t.starts_with(b"<!doctype html") || t.starts_with(b"<html")
    });
    if !html {
        return;
    }
    let lower = head.to_ascii_lowercase();
    let Some(end) = lower.windows(7).position(|w| w == b"</head>") else {
        return;
    };
    let mut at = 0;
    while at < end {
        match std::str::from_utf8(&buf[at..end]) {
            Ok(_) => break,
            Err(e) => {
                let bad = at + e.valid_up_to();
                let n = e.error_len().unwrap_or(end - bad);
                buf[bad..bad + n].fill(b'?');
                at = bad + n;
            }
        }
    }
}

/// Appends up to `want` bytes (fewer only at the end of the input);
/// returns how many.
fn fill(reader: &mut impl Read, buf: &mut Vec<u8>, want: u64) -> Result<usize> {
    reader
        .by_ref()
        .take(want)
        .read_to_end(buf)
        .map_err(|e| Error::io(&e))
}

/// Checks `buf` as UTF-8 from `from` (a character boundary) on. Returns
/// how far it is whole characters (short of the end when the last one is
/// cut off), or the error at the first bad byte.
fn check_utf8(buf: &[u8], from: usize) -> Result<usize> {
    match std::str::from_utf8(&buf[from..]) {
        Ok(_) => Ok(buf.len()),
        Err(e) if e.error_len().is_none() => Ok(from + e.valid_up_to()),
        Err(e) => Err(Error::invalid_utf8(from + e.valid_up_to())),
    }
}

/// Another kind of file than text, as its first bytes show it.
#[derive(Clone, Copy, Debug)]
struct Format {
    /// What it looks like: "a PDF".
    what: &'static str,
    /// What to do, `{p}` standing for the file and `{stem}` for its name
    /// without the extension.
    advice: &'static str,
}

const SAVE_AS_TEXT: &str =
    "save it as plain text first, e.g. soffice --headless --convert-to txt:Text {p}";
const UNPACK: &str = "unpack it first and give pincite the text files in it";
const OCR: &str = "pincite reads text; run OCR on it first, e.g. tesseract {p} {stem}";
const ICONV: &str =
    "convert it to UTF-8 first, e.g. iconv -f UTF-16 -t UTF-8 {p} > {stem}.utf8.txt";

/// Formats known by the bytes they start with.
const MAGIC: &[(&[u8], Format)] = &[
    (
        b"%PDF-",
        Format {
            what: "a PDF",
            advice: "convert it to text first, e.g. pdftotext -layout {p}",
        },
    ),
    (
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
        Format {
            what: "a Word (.doc) or other Microsoft Office document",
            advice: SAVE_AS_TEXT,
        },
    ),
    (
        b"{\\rtf",
        Format {
            what: "an RTF document",
            advice: SAVE_AS_TEXT,
        },
    ),
    (
        b"\x1F\x8B",
        Format {
            what: "a gzip-compressed file",
            advice: "decompress it first, e.g. gunzip -k {p}",
        },
    ),
    (
        b"\xFD7zXZ\x00",
        Format {
            what: "an xz-compressed file",
            advice: "decompress it first, e.g. unxz -k {p}",
        },
    ),
    (
        b"\x28\xB5\x2F\xFD",
        Format {
            what: "a zstd-compressed file",
            advice: "decompress it first, e.g. unzstd {p}",
        },
    ),
    (
        b"7z\xBC\xAF\x27\x1C",
        Format {
            what: "a 7-Zip archive",
            advice: UNPACK,
        },
    ),
    (
        b"Rar!\x1A\x07",
        Format {
            what: "a RAR archive",
            advice: UNPACK,
        },
    ),
    (
        b"\x89PNG\r\n\x1A\n",
        Format {
            what: "a PNG image",
            advice: OCR,
        },
    ),
    (
        b"\xFF\xD8\xFF",
        Format {
            what: "a JPEG image",
            advice: OCR,
        },
    ),
    (
        b"GIF87a",
        Format {
            what: "a GIF image",
            advice: OCR,
        },
    ),
    (
        b"GIF89a",
        Format {
            what: "a GIF image",
            advice: OCR,
        },
    ),
    (
        b"II*\x00",
        Format {
            what: "a TIFF image",
            advice: OCR,
        },
    ),
    (
        b"MM\x00*",
        Format {
            what: "a TIFF image",
            advice: OCR,
        },
    ),
    (
        b"\x7FELF",
        Format {
            what: "a program",
            advice: "give pincite the opinion's text",
        },
    ),
    (
        b"\xFF\xFE",
        Format {
            what: "UTF-16 text",
            advice: ICONV,
        },
    ),
    (
        b"\xFE\xFF",
        Format {
            what: "UTF-16 text",
            advice: ICONV,
        },
    ),
];

const ZIP: Format = Format {
    what: "a ZIP archive",
    advice: UNPACK,
};

/// What `head`, the first bytes of an input, says it is when it is not
/// text: a known format, or binary data.
fn sniff(head: &[u8]) -> Option<Format> {
    if let Some((_, f)) = MAGIC.iter().find(|(m, _)| head.starts_with(m)) {
        return Some(*f);
    }
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        return Some(zip_kind(head));
    }
    if head.len() >= 12 && head.starts_with(b"RIFF") && &head[8..12] == b"WEBP" {
        return Some(Format {
            what: "a WebP image",
            advice: OCR,
        });
    }
    if head.starts_with(b"BZh") && head.get(4..10) == Some(b"1AY&SY") {
        return Some(Format {
            what: "a bzip2-compressed file",
            advice: "decompress it first, e.g. bunzip2 -k {p}",
        });
    }
    binary(head).then_some(Format {
        what: "binary data",
        advice: "pincite reads plain text (UTF-8)",
    })
}

/// Whether the first bytes are no text at all: a NUL byte, which text
/// never has, or bytes that are not UTF-8 together with control bytes
/// other than white space (text in another encoding has none of these).
fn binary(head: &[u8]) -> bool {
    let control = |b: &u8| b.is_ascii_control() && !b"\t\n\x0B\x0C\r\x1B".contains(b);
    let not_utf8 = std::str::from_utf8(head).is_err_and(|e| e.error_len().is_some());
    memchr::memchr(0, head).is_some() || (not_utf8 && head.iter().any(control))
}

/// A ZIP archive, or the office document made of one, by the names of
/// the first entries.
fn zip_kind(head: &[u8]) -> Format {
    let has = |name: &[u8]| memchr::memmem::find(head, name).is_some();
    let what = if has(b"word/") {
        "a Word document (.docx)"
    } else if has(b"mimetypeapplication/vnd.oasis.opendocument.text") {
        "an OpenDocument text (.odt)"
    } else if has(b"[Content_Types].xml") {
        "a Microsoft Office document"
    } else {
        return ZIP;
    };
    Format {
        what,
        advice: SAVE_AS_TEXT,
    }
}

impl Format {
    /// The error for this format, its advice naming `path` when known.
    fn error(self, path: Option<&Path>) -> Error {
        let (p, stem) = match path {
            Some(path) => {
                let stem = path.with_extension("");
                (
                    shell_word(&printable_path(path)),
                    shell_word(&printable_path(&stem)),
                )
            }
            None => ("FILE".to_string(), "FILE".to_string()),
        };
        let advice = self.advice.replace("{p}", &p).replace("{stem}", &stem);
        Error::not_text(self.what, &advice)
    }
}

/// `s` as one word of a shell command: as it is when it has only
/// characters the shell leaves alone, else in single quotes.
fn shell_word(s: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "_./:@%+=,-".contains(c);
    if !s.is_empty() && s.chars().all(plain) {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

/// A path as pincite prints it, so that two different paths never print
/// the same: as it is, but bytes that are not UTF-8 written `\xNN`, ASCII
/// control characters `\n`, `\t`, `\r` or `\xNN`, and a backslash `\\`
/// (on Unix; elsewhere a backslash separates directories and stays).
///
/// ```
/// # #[cfg(unix)] {
/// use std::os::unix::ffi::OsStrExt;
/// let odd = std::path::Path::new(std::ffi::OsStr::from_bytes(b"caf\xe9\n.txt"));
/// assert_eq!(pincite::printable_path(odd), r"caf\xe9\n.txt");
/// assert_eq!(pincite::printable_path("corpus/a.txt".as_ref()), "corpus/a.txt");
/// # }
/// ```
pub fn printable_path(path: &Path) -> String {
    let mut out = String::new();
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        for chunk in path.as_os_str().as_bytes().utf8_chunks() {
            push_escaped(&mut out, chunk.valid(), true);
            for b in chunk.invalid() {
                out.push_str(&format!("\\x{b:02x}"));
            }
        }
    }
    #[cfg(not(unix))]
    push_escaped(&mut out, &path.to_string_lossy(), false);
    out
}

/// Appends `s` with its ASCII control characters escaped, and its
/// backslashes when `backslash`.
fn push_escaped(out: &mut String, s: &str, backslash: bool) {
    for c in s.chars() {
        match c {
            '\\' if backslash => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_ascii_control() => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
}

/// The file name extensions of the texts a directory is read for: plain
/// text and HTML.
pub const TEXT_EXTENSIONS: [&str; 3] = ["txt", "html", "htm"];

/// The files a path stands for: the path itself when it is not a
/// directory (whatever its name; reading it tells what is wrong with it);
/// for a directory, the text files below it (`.txt`, and HTML: `.html`,
/// `.htm`), walked recursively in path
/// order. Links to files are followed, links to directories are not (a
/// link to its own parent would never end). A directory that cannot be
/// read is an error naming it ([`Error::path`](crate::Error::path)), and
/// the walk goes on.
///
/// ```
/// let files: Vec<_> = pincite::text_files("corpus").collect::<Result<_, _>>()?;
/// let text = |x: &std::ffi::OsStr| pincite::TEXT_EXTENSIONS.iter().any(|t| x == *t);
/// assert!(files.iter().all(|p| p.extension().is_some_and(text)));
/// assert!(files.iter().any(|p| p.extension().is_some_and(|x| x == "html")));
/// assert!(files.windows(2).all(|w| w[0] < w[1]));
/// # Ok::<(), pincite::Error>(())
/// ```
pub fn text_files(path: impl AsRef<Path>) -> TextFiles {
    TextFiles {
        pending: vec![(path.as_ref().to_path_buf(), Walk::Given)],
    }
}

/// The iterator of [`text_files`].
#[derive(Debug)]
pub struct TextFiles {
    /// What is left to yield or walk, the next last.
    pending: Vec<(PathBuf, Walk)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Walk {
    /// The path given: walked if a directory, else yielded.
    Given,
    /// A directory to walk.
    Dir,
    /// A file to yield.
    File,
}

impl Iterator for TextFiles {
    type Item = Result<PathBuf>;

    fn next(&mut self) -> Option<Result<PathBuf>> {
        loop {
            let (path, walk) = self.pending.pop()?;
            match walk {
                Walk::Given if path.is_dir() => self.pending.push((path, Walk::Dir)),
                Walk::Given | Walk::File => return Some(Ok(path)),
                Walk::Dir => match entries(&path) {
                    Ok(mut found) => {
                        found.reverse();
                        self.pending.extend(found);
                    }
                    Err(e) => return Some(Err(e.at(&path))),
                },
            }
        }
    }
}

/// The subdirectories and `.txt` files of a directory, sorted.
fn entries(dir: &Path) -> Result<Vec<(PathBuf, Walk)>> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).map_err(|e| Error::io(&e))? {
        let entry = entry.map_err(|e| Error::io(&e))?;
        let path = entry.path();
        let kind = entry.file_type().map_err(|e| Error::io(&e).at(&path))?;
        if kind.is_dir() {
            found.push((path, Walk::Dir));
        } else if path
            .extension()
            .is_some_and(|x| TEXT_EXTENSIONS.iter().any(|t| x == *t))
            && !(kind.is_symlink() && path.is_dir())
        {
            found.push((path, Walk::File));
        }
    }
    found.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn what(bytes: &[u8]) -> Option<&'static str> {
        sniff(bytes).map(|f| f.what)
    }

    #[test]
    fn other_kinds_of_file_are_known_by_their_first_bytes() {
        assert_eq!(what(b"%PDF-1.4\n%\xE2\xE3"), Some("a PDF"));
        let docx =
            b"PK\x03\x04\x14\x00\x06\x00\x08\x00[Content_Types].xml....PK\x03\x04word/document.xml";
        assert_eq!(what(docx), Some("a Word document (.docx)"));
        assert_eq!(what(b"PK\x03\x04\x14\x00data.csv"), Some("a ZIP archive"));
        assert_eq!(what(b"\x1F\x8B\x08\x00"), Some("a gzip-compressed file"));
        assert_eq!(what(b"\x89PNG\r\n\x1A\n\x00\x00"), Some("a PNG image"));
        assert_eq!(what(b"BZh91AY&SY"), Some("a bzip2-compressed file"));
        assert_eq!(what(b"text\x00more"), Some("binary data"));
        assert_eq!(what(b"\xC3\x28\x02\x9F"), Some("binary data"));
        // Text in another encoding, or UTF-8 with a stray control byte,
        // is text (the first is reported as not UTF-8).
        assert_eq!(what(b"caf\xE9 au lait\r\n"), None);
        assert_eq!(what(b"a stray \x02 here"), None);
        // Text that merely starts like one is text.
        for text in [
            &b"BZh, the court said"[..],
            b"PK and Co.",
            b"GIF grants",
            b"MM v. NN",
        ] {
            assert_eq!(what(text), None, "{}", String::from_utf8_lossy(text));
        }
    }

    #[test]
    fn advice_names_the_file_as_a_shell_word() {
        let e = sniff(b"%PDF-")
            .unwrap()
            .error(Some(Path::new("my brief.pdf")));
        assert_eq!(
            e.to_string(),
            "looks like a PDF: convert it to text first, e.g. pdftotext -layout 'my brief.pdf'"
        );
        let e = sniff(b"\x89PNG\r\n\x1A\n")
            .unwrap()
            .error(Some(Path::new("scan.png")));
        assert!(e.to_string().ends_with("tesseract scan.png scan"), "{e}");
        assert_eq!(shell_word("it's"), r"'it'\''s'");
    }

    #[test]
    fn reading_stops_at_the_first_bad_byte_and_at_the_limit() {
        // A bad byte in the second part, far from the first.
        let mut bytes = vec![b'a'; CHUNK_BYTES as usize + SNIFF_BYTES + 10];
        bytes[SNIFF_BYTES + 5] = 0xFF;
        let e = Document::from_reader(&bytes[..], u64::MAX).unwrap_err();
        assert_eq!(
            e.kind(),
            &crate::ErrorKind::InvalidUtf8 {
                byte: SNIFF_BYTES + 5
            }
        );
        // A character split between two parts is whole.
        let mut text = "a".repeat(SNIFF_BYTES - 1);
        text.push('\u{e9}');
        let doc = Document::from_reader(text.as_bytes(), u64::MAX).unwrap();
        assert_eq!(doc.text(), text);
        // Cut off at the end.
        let e = Document::from_reader(&text.as_bytes()[..SNIFF_BYTES], u64::MAX).unwrap_err();
        assert_eq!(
            e.kind(),
            &crate::ErrorKind::InvalidUtf8 {
                byte: SNIFF_BYTES - 1
            }
        );
        // Exactly the limit is read; one more byte is too many.
        assert!(Document::from_reader(&[b'a'; 100][..], 100).is_ok());
        let e = Document::from_reader(&[b'a'; 101][..], 100).unwrap_err();
        assert_eq!(e.kind(), &crate::ErrorKind::TooLarge { limit: 100 });
        // An endless input ends at the limit.
        let e = Document::from_reader(std::io::repeat(b'a'), 3 << 20).unwrap_err();
        assert_eq!(
            e.to_string(),
            "larger than 3 MiB, the limit for one document"
        );
    }

    #[test]
    fn bad_bytes_of_an_html_head_are_read_as_question_marks() {
        let bytes =
            b"<!DOCTYPE HTML>\n<HTML><HEAD><TITLE>\xFE\xFF</TITLE></HEAD><BODY>x</BODY>".to_vec();
        let doc = Document::from_bytes(bytes.clone()).unwrap();
        assert_eq!(doc.text().len(), bytes.len());
        assert!(doc.text().contains("<TITLE>??</TITLE>"));
        // In the body, or in text that is not HTML, they are errors.
        let body = b"<html><head></head><body>\xFE</body>".to_vec();
        assert!(Document::from_bytes(body).is_err());
        assert!(Document::from_bytes(b"text \xFE\xFF".to_vec()).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn printable_paths_of_different_files_differ() {
        use std::ffi::OsStr;
        use std::os::unix::ffi::OsStrExt;
        let names: [&[u8]; 5] = [b"a\xff", b"a\xfe", br"a\xff", b"a\\", b"a\n"];
        let printed: Vec<String> = names
            .iter()
            .map(|n| printable_path(Path::new(OsStr::from_bytes(n))))
            .collect();
        assert_eq!(printed, [r"a\xff", r"a\xfe", r"a\\xff", r"a\\", r"a\n"]);
    }

    #[cfg(unix)]
    #[test]
    fn text_files_walks_in_path_order_without_following_directory_links() {
        let root = std::env::temp_dir().join(format!("pincite-walk-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        for dir in ["b", "a.d/sub"] {
            fs::create_dir_all(root.join(dir)).unwrap();
        }
        for file in [
            "z.txt",
            "a.txt",
            "notes.md",
            "b/c.txt",
            "a.d/sub/x.txt",
            "a.d/y.txt",
        ] {
            fs::write(root.join(file), b"text\n").unwrap();
        }
        std::os::unix::fs::symlink(&root, root.join("loop.txt")).unwrap();
        std::os::unix::fs::symlink("a.txt", root.join("link.txt")).unwrap();
        let found: Vec<String> = text_files(&root)
            .map(|p| {
                p.unwrap()
                    .strip_prefix(&root)
                    .unwrap()
                    .display()
                    .to_string()
            })
            .collect();
        let _ = fs::remove_dir_all(&root);
        assert_eq!(
            found,
            [
                "a.d/sub/x.txt",
                "a.d/y.txt",
                "a.txt",
                "b/c.txt",
                "link.txt",
                "z.txt"
            ]
        );
        // A path that is not a directory is itself, whatever its name.
        let given: Vec<PathBuf> = text_files("missing.md").map(Result::unwrap).collect();
        assert_eq!(given, [PathBuf::from("missing.md")]);
    }
}

//! The library's one error type.

use std::fmt;
use std::path::{Path, PathBuf};

/// What went wrong, as returned by [`Error::kind`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is not UTF-8; `byte` is the offset of the first bad byte.
    InvalidUtf8 {
        /// Offset of the first byte that is not valid UTF-8.
        byte: usize,
    },
    /// The input is not text but another kind of file, known by its first
    /// bytes: a PDF, a Word document, an archive, an image, or binary data.
    NotText {
        /// What it looks like, as the message says it: `"a PDF"`,
        /// `"a Word document (.docx)"`, `"binary data"`.
        what: &'static str,
    },
    /// The input is longer than the limit set for one document.
    TooLarge {
        /// The limit, in bytes.
        limit: u64,
    },
    /// The path names a device, a FIFO or a socket, not a regular file.
    NotRegularFile,
    /// Reading a file or a directory failed.
    Io,
    /// The file is not a pincite index: another SQLite database, or
    /// another kind of file.
    NotAnIndex,
    /// The file is a pincite index of another format: an older JSON index
    /// file or a database of another schema version. Building it again
    /// with this version reads it.
    IndexVersion {
        /// The version the file has.
        found: u32,
    },
    /// The database failed: a corrupt or locked file, a full disk, an
    /// error in SQL given to [`Index::sql`](crate::Index::sql).
    Database,
}

/// An error from pincite. Reading text and extracting citations from a
/// `&str` cannot fail; errors come from decoding bytes and reading files.
///
/// The message (`to_string()`) says what went wrong in a few words;
/// [`Error::path`] gives the file it is about, when there is one.
///
/// ```
/// use pincite::{Document, ErrorKind};
/// let err = Document::from_bytes(b"ok \xff".to_vec()).unwrap_err();
/// assert_eq!(err.kind(), &ErrorKind::InvalidUtf8 { byte: 3 });
/// assert_eq!(err.to_string(), "invalid UTF-8 at byte 3");
/// ```
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    path: Option<PathBuf>,
}

impl Error {
    fn new(kind: ErrorKind, message: String) -> Error {
        Error {
            kind,
            message,
            path: None,
        }
    }

    pub(crate) fn invalid_utf8(byte: usize) -> Error {
        Error::new(
            ErrorKind::InvalidUtf8 { byte },
            format!("invalid UTF-8 at byte {byte}"),
        )
    }

    /// `what` and what to do about it: "looks like a PDF: convert it ...".
    pub(crate) fn not_text(what: &'static str, advice: &str) -> Error {
        Error::new(
            ErrorKind::NotText { what },
            format!("looks like {what}: {advice}"),
        )
    }

    pub(crate) fn too_large(limit: u64) -> Error {
        Error::new(
            ErrorKind::TooLarge { limit },
            format!(
                "larger than {}, the limit for one document",
                size_text(limit)
            ),
        )
    }

    pub(crate) fn not_regular(what: &str) -> Error {
        Error::new(
            ErrorKind::NotRegularFile,
            format!("not a regular file ({what}); give it on standard input as - to read it"),
        )
    }

    pub(crate) fn no_such_file() -> Error {
        Error::new(ErrorKind::Io, "no such file".to_string())
    }

    /// A database file shorter than its header says.
    pub(crate) fn truncated(len: u64, whole: u64) -> Error {
        Error::new(
            ErrorKind::Database,
            format!("truncated index ({len} of {whole} bytes)"),
        )
    }

    pub(crate) fn not_an_index() -> Error {
        Error::new(ErrorKind::NotAnIndex, "not a pincite index".to_string())
    }

    /// An index of format `found`, which this version does not read.
    pub(crate) fn index_version(found: u32, reads: u32) -> Error {
        let what = if found < 5 {
            "a JSON index file of an older pincite"
        } else {
            "a database of another pincite"
        };
        Error::new(
            ErrorKind::IndexVersion { found },
            format!(
                "index format version {found} ({what}); this pincite reads version {reads}: \
                 rebuild it with this version (pincite index --rebuild -o FILE ...)"
            ),
        )
    }

    /// An error of the database, in SQLite's words.
    pub(crate) fn database(err: &rusqlite::Error) -> Error {
        let text = match err {
            rusqlite::Error::SqliteFailure(_, Some(m)) => m.clone(),
            other => other.to_string(),
        };
        Error::new(ErrorKind::Database, text)
    }

    pub(crate) fn io(err: &std::io::Error) -> Error {
        Error::new(ErrorKind::Io, io_message(err))
    }

    /// The same error, about `path`.
    pub(crate) fn at(mut self, path: &Path) -> Error {
        self.path = Some(path.to_path_buf());
        self
    }

    /// What kind of error this is.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// The file or directory the error is about, when it came from one.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }
}

impl From<rusqlite::Error> for Error {
    /// An error of kind [`ErrorKind::Database`].
    fn from(err: rusqlite::Error) -> Error {
        Error::database(&err)
    }
}

impl From<std::io::Error> for Error {
    /// An error of kind [`ErrorKind::Io`] with the short message of
    /// [`io_message`].
    fn from(err: std::io::Error) -> Error {
        Error::io(&err)
    }
}

/// The short, lower-case message of an I/O error: `no such file`,
/// `permission denied`, `is a directory`, `no space left on device`. An
/// error of the operating system is named in its words without the
/// "(os error N)"; other errors keep their message.
pub(crate) fn io_message(err: &std::io::Error) -> String {
    if err.raw_os_error().is_none() {
        return err.to_string();
    }
    if err.kind() == std::io::ErrorKind::NotFound {
        return "no such file".to_string();
    }
    let text = err.to_string();
    let text = text
        .rfind(" (os error ")
        .map_or(&text[..], |at| &text[..at]);
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => text.to_string(),
    }
}

/// A size as people read it: "256 MiB", "1 GiB", "1000 bytes".
pub(crate) fn size_text(bytes: u64) -> String {
    for (unit, name) in [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")] {
        if bytes >= unit && bytes % unit == 0 {
            return format!("{} {name}", bytes / unit);
        }
    }
    format!("{bytes} bytes")
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// `Result` with pincite's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::io;

    #[cfg(target_os = "linux")]
    #[test]
    fn os_errors_have_short_messages() {
        let cases = [
            (libc_code::ENOENT, "no such file"),
            (libc_code::EACCES, "permission denied"),
            (libc_code::EISDIR, "is a directory"),
            (libc_code::ENOSPC, "no space left on device"),
        ];
        for (code, want) in cases {
            let err = io::Error::from_raw_os_error(code);
            assert_eq!(io_message(&err), want, "{err}");
        }
        let own = io::Error::new(io::ErrorKind::NotFound, "no such directory");
        assert_eq!(io_message(&own), "no such directory");
    }

    /// Error numbers of Linux.
    #[cfg(target_os = "linux")]
    mod libc_code {
        pub const ENOENT: i32 = 2;
        pub const EACCES: i32 = 13;
        pub const EISDIR: i32 = 21;
        pub const ENOSPC: i32 = 28;
    }

    #[test]
    fn sizes_read_in_their_largest_whole_unit() {
        assert_eq!(size_text(256 << 20), "256 MiB");
        assert_eq!(size_text(1 << 30), "1 GiB");
        assert_eq!(size_text(1536), "1536 bytes");
        assert_eq!(size_text(3 << 10), "3 KiB");
        assert_eq!(size_text(1000), "1000 bytes");
        assert_eq!(size_text(0), "0 bytes");
    }
}

//! The library's one error type.

use std::fmt;

/// What went wrong, as returned by [`Error::kind`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is not UTF-8; `byte` is the offset of the first bad byte.
    InvalidUtf8 {
        /// Offset of the first byte that is not valid UTF-8.
        byte: usize,
    },
    /// Reading a file failed.
    Io,
}

/// An error from pincite. Reading text and extracting citations from a
/// `&str` cannot fail; errors come from decoding bytes and reading files.
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
}

impl Error {
    pub(crate) fn invalid_utf8(byte: usize) -> Error {
        Error {
            kind: ErrorKind::InvalidUtf8 { byte },
            message: format!("invalid UTF-8 at byte {byte}"),
        }
    }

    pub(crate) fn io(err: &std::io::Error) -> Error {
        let message = match err.kind() {
            std::io::ErrorKind::NotFound => "no such file".to_string(),
            std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            _ => err.to_string(),
        };
        Error {
            kind: ErrorKind::Io,
            message,
        }
    }

    /// What kind of error this is.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// `Result` with pincite's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

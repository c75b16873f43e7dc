//! Bytes in: UTF-8 validation with the offset of the first bad byte.
//!
//! A byte-order mark and CRLF line ends are kept in the text (so that every
//! offset is an offset of the original file); the normalizer skips them.

use crate::error::{Error, Result};
use std::path::Path;

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

impl Document {
    /// Checks that `bytes` are UTF-8 and keeps them unchanged.
    ///
    /// # Errors
    /// [`ErrorKind::InvalidUtf8`](crate::ErrorKind::InvalidUtf8) with the
    /// offset of the first bad byte.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Document> {
        match String::from_utf8(bytes) {
            Ok(text) => Ok(Document { text }),
            Err(e) => Err(Error::invalid_utf8(e.utf8_error().valid_up_to())),
        }
    }

    /// Reads a file and checks it as [`Document::from_bytes`] does.
    ///
    /// # Errors
    /// [`ErrorKind::Io`](crate::ErrorKind::Io) when the file cannot be read,
    /// [`ErrorKind::InvalidUtf8`](crate::ErrorKind::InvalidUtf8) when it is
    /// not UTF-8.
    pub fn read(path: impl AsRef<Path>) -> Result<Document> {
        let bytes = std::fs::read(path.as_ref()).map_err(|e| Error::io(&e))?;
        Document::from_bytes(bytes)
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

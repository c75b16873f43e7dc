//! pincite reads U.S. court opinions and finds which authorities they cite,
//! at which pages, and where.
//!
//! The pipeline: [`Document`] (bytes checked as UTF-8) → [`normalize`] (the
//! reading text with an [`OffsetMap`] back to the original bytes) → citations.
//! Every public position is a [`Span`] of the original input.
//!
//! ```
//! let src = "Imbler v. Pachtman, 424 U. S. 409 (1976), held that the mate-\nrial\n";
//! let norm = pincite::normalize(src);
//! assert!(norm.reading().contains("the material"));
//! let at = norm.reading().find("material").unwrap();
//! let span = norm.reading_map().span_to_source(at..at + 8);
//! assert_eq!(&src[span.range()], "mate-\nrial");
//! ```
#![deny(missing_docs)]

mod citation;
mod error;
mod extract;
mod index;
mod ingest;
mod law;
mod normalize;
mod report;
mod resolve;
#[cfg(test)]
mod shipped;
mod span;

pub use citation::{
    CaseReference, Category, Chamber, Citation, CitationKind, Code, Constitution, ConstitutionPart,
    CourtRule, Direction, Division, DocumentSeries, Form, FullCase, History, Id, Internal, Journal,
    Legislative, Pin, PinUnit, Record, Regulation, Secondary, SecondaryKind, ShortCase, StateCode,
    Statute, Supra,
};
pub use error::{Error, ErrorKind, Result};
pub use index::{
    AuthorityCount, FileCount, Hit, INDEX_VERSION, Index, Query, SCHEMA, SqlRow, Update,
    UpdateStats,
};
pub use ingest::{Document, TEXT_EXTENSIONS, TextFiles, printable_path, text_files};
pub use normalize::{
    Block, BlockKind, InputForm, Metadata, Normalized, Normalizer, OffsetMap, Section, normalize,
};
pub use report::{
    Entry, FAR_PAST_PAGES, FilePages, Finding, Fingerprint, Heading, LineIndex, Occurrence,
    PASSIM_PAGES, SectionPages, Severity, TableOfAuthorities, annotate_html, copies, copy_note,
    verify,
};
pub use span::Span;

/// Reads an opinion: normalizes it and finds its citations, resolved.
/// Spans of the result point into `source`.
///
/// This is [`normalize`] and [`extract`] together, so that the citations
/// always come from the text they were found in.
///
/// ```
/// let src = "See Imbler v. Pachtman, 424 U. S. 409, 430 (1976). Id., at 428.\n";
/// let cited = pincite::cite(src);
/// assert_eq!(cited.citations().len(), 2);
/// assert_eq!(cited.citations()[1].text, "Id., at 428");
/// assert!(cited.normalized().reading().starts_with("See Imbler"));
/// assert!(cited.verify().is_empty());
/// ```
pub fn cite(source: &str) -> Cited {
    Cited::from_normalized(source, normalize(source))
}

/// An opinion read by [`cite`]: its normalized text and its citations,
/// found in that text.
#[derive(Clone, Debug)]
pub struct Cited {
    normalized: Normalized,
    citations: Vec<Citation>,
}

impl Cited {
    /// Finds and resolves the citations of `source` normalized as given,
    /// as [`cite`] does with the input form detected: for a form chosen
    /// with [`Normalizer::form`].
    ///
    /// ```
    /// use pincite::{Cited, InputForm, Normalizer};
    /// let src = "<p><i>Id.</i>, at 155.</p>";
    /// let norm = Normalizer::new().form(InputForm::Html).normalize(src);
    /// let cited = Cited::from_normalized(src, norm);
    /// assert_eq!(cited.citations()[0].text, "Id.</i>, at 155");
    /// ```
    pub fn from_normalized(source: &str, normalized: Normalized) -> Cited {
        let mut citations = extract::scan(source, &normalized);
        resolve::resolve(&mut citations);
        Cited {
            normalized,
            citations,
        }
    }

    /// The normalized text: reading text, blocks, maps to the source.
    pub fn normalized(&self) -> &Normalized {
        &self.normalized
    }

    /// The citations, in document order.
    pub fn citations(&self) -> &[Citation] {
        &self.citations
    }

    /// The citations, taken out.
    pub fn into_citations(self) -> Vec<Citation> {
        self.citations
    }

    /// The normalized text and the citations, taken apart.
    pub fn into_parts(self) -> (Normalized, Vec<Citation>) {
        (self.normalized, self.citations)
    }

    /// The findings of [`verify`] on these citations.
    pub fn verify(&self) -> Vec<Finding> {
        verify(&self.normalized, &self.citations)
    }
}

/// Finds every citation in a normalized opinion, in document order, and
/// resolves Id., supra and short forms to their authorities.
///
/// `source` must be the text `norm` was made from: spans point into it and
/// each citation's `text` is copied from it. That is checked cheaply (its
/// length, and a sample of the letters and digits the normalized text
/// copied from it, see [`is_source_of`]); another text gives no citations
/// rather than wrong ones. [`cite`] does both steps and cannot be given the
/// wrong text.
///
/// ```
/// let src = "See Imbler v. Pachtman, 424 U. S. 409, 430 (1976). Id., at 428.\n";
/// let cites = pincite::extract(src, &pincite::normalize(src));
/// assert_eq!(cites.len(), 2);
/// assert_eq!(cites[0].authority.as_deref(), Some("424 U.S. 409"));
/// assert_eq!(cites[0].case_name(), Some("Imbler v. Pachtman"));
/// assert_eq!(cites[1].text, "Id., at 428");
/// assert_eq!(cites[1].authority.as_deref(), Some("424 U.S. 409"));
///
/// // Another text than the one normalized: nothing, not garbage.
/// let other = src.replace("Imbler", "Imblex");
/// assert!(pincite::extract(&other, &pincite::normalize(src)).is_empty());
/// ```
pub fn extract(source: &str, norm: &Normalized) -> Vec<Citation> {
    if !is_source_of(source, norm) {
        return Vec::new();
    }
    let mut cites = extract::scan(source, norm);
    resolve::resolve(&mut cites);
    cites
}

/// Compiles now share `share` (of `0..shares`) of the patterns
/// [`extract`] compiles on first use. By default, each pattern is compiled
/// when a text first needs it, and a thread that needs a pattern another
/// is compiling waits. The threads of a large job, each calling this with
/// its own share before its first text, compile the patterns in parallel
/// instead; for one small text it only costs time (patterns it would not
/// need).
pub fn prepare_extraction(share: usize, shares: usize) {
    extract::prepare(share, shares);
}

/// The most characters of the normalized text [`is_source_of`] compares.
const SOURCE_SAMPLES: usize = 64;

/// Whether `source` is the text `norm` was made from, as far as a cheap
/// check tells: the same length, and the same letters and digits at up to
/// 64 places spread over the text, where the normalized text copied them
/// (normalization changes spacing, hyphens, quotes and dashes, never a
/// letter or a digit). Another text passes only if it has the same length
/// and the same characters at all those places.
///
/// ```
/// let src = "Imbler v. Pachtman, 424 U. S. 409 (1976).\n";
/// let norm = pincite::normalize(src);
/// assert!(pincite::is_source_of(src, &norm));
/// assert!(!pincite::is_source_of("Imbler v. Pachtman, 424 U. S. 410 (1976).\n", &norm));
/// assert!(!pincite::is_source_of("Imbler", &norm));
/// ```
pub fn is_source_of(source: &str, norm: &Normalized) -> bool {
    let map = norm.reading_map();
    if source.len() != map.source_len() {
        return false;
    }
    let reading = norm.reading().as_bytes();
    let step = (reading.len() / SOURCE_SAMPLES).max(1);
    let src = source.as_bytes();
    (0..reading.len()).step_by(step).all(|i| {
        // The first letter or digit at or after the sample point, near it.
        let Some(k) = (i..reading.len().min(i + 16)).find(|&k| reading[k].is_ascii_alphanumeric())
        else {
            return true;
        };
        src.get(map.span_to_source(k..k + 1).start) == Some(&reading[k])
    })
}

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

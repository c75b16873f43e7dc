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

mod atomic;
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
pub use index::{FileCount, Hit, INDEX_VERSION, Index, IndexError, IndexErrorKind, Query};
pub use ingest::{Document, TextFiles, printable_path, text_files};
pub use normalize::{
    Block, BlockKind, InputForm, Metadata, Normalized, Normalizer, OffsetMap, Section, normalize,
};
pub use report::{
    Entry, FAR_PAST_PAGES, FilePages, Finding, Heading, Occurrence, PASSIM_PAGES, SectionPages,
    Severity, TableOfAuthorities, annotate_html, verify,
};
pub use span::Span;

/// Finds every citation in a normalized opinion, in document order, and
/// resolves Id., supra and short forms to their authorities.
///
/// `source` is the text `norm` was made from: spans point into it and each
/// citation's `text` is copied from it.
///
/// ```
/// let src = "See Imbler v. Pachtman, 424 U. S. 409, 430 (1976). Id., at 428.\n";
/// let cites = pincite::extract(src, &pincite::normalize(src));
/// assert_eq!(cites.len(), 2);
/// assert_eq!(cites[0].authority.as_deref(), Some("424 U.S. 409"));
/// assert_eq!(cites[0].case_name(), Some("Imbler v. Pachtman"));
/// assert_eq!(cites[1].text, "Id., at 428");
/// assert_eq!(cites[1].authority.as_deref(), Some("424 U.S. 409"));
/// ```
pub fn extract(source: &str, norm: &Normalized) -> Vec<Citation> {
    let mut cites = extract::scan(source, norm);
    resolve::resolve(&mut cites);
    cites
}

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

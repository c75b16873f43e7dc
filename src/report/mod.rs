//! Reports on the citations of one or more opinions: the table of
//! authorities and verification findings.

pub(crate) mod context;
mod toa;
mod verify;

pub use toa::{Category, Entry, FilePages, Occurrence, PASSIM_PAGES, TableOfAuthorities};
pub use verify::{FAR_PAST_PAGES, Finding, Severity, verify};

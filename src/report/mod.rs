//! Reports on the citations of one or more opinions: the table of
//! authorities and (in later modules) verification findings and annotated
//! HTML.

mod toa;

pub use toa::{Category, Entry, FilePages, Occurrence, PASSIM_PAGES, TableOfAuthorities};

//! Legal knowledge the stages share, each rule in one place: party
//! names, authors, page ranges, statute sections, the codes of statutes
//! and regulations. Extraction, resolution, verification, the index and
//! the reports all ask here, so that they cannot disagree.

pub(crate) mod authors;
pub(crate) mod codes;
pub(crate) mod names;
pub(crate) mod pages;
pub(crate) mod sections;
pub(crate) mod words;

//! Reports on the citations of one or more opinions: the table of
//! authorities, verification findings and the annotated HTML page.

mod cases;
pub(crate) mod context;
mod copies;
mod html;
mod lines;
mod opinions;
mod sentence;
mod toa;
mod verify;

pub use copies::{Fingerprint, copies, copy_note};
pub use html::annotate_html;
pub use lines::LineIndex;
pub use toa::{
    Entry, FilePages, Heading, Occurrence, PASSIM_PAGES, SectionPages, TableOfAuthorities,
};
pub(crate) use toa::{Listed, Listing};
pub use verify::{FAR_PAST_PAGES, Finding, Severity, verify};

//! Citation extraction: one pass over the matching text.
//!
//! One combined pattern finds cheap anchors (a volume and reporter, "Id.",
//! "supra", "§", "App.", "Stat.", "U. S. C."); each anchor is then parsed
//! with small anchored patterns looking a bounded distance back (case name,
//! signal) and forward (pins, parentheticals). The scan resumes after the
//! citation proper, so citations inside parentheticals are found too.

mod grammar;
#[allow(dead_code)]
mod tables;

use crate::citation::Citation;
use crate::normalize::Normalized;

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
    let mut cites = grammar::scan(source, norm);
    crate::resolve::resolve(&mut cites);
    cites
}

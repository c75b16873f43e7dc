//! Copies of one opinion among the texts of a table: the same slip in
//! `pdftotext -raw` and `-layout` form, the web text beside the slip, or
//! one file named twice. A table of authorities counts an opinion once.

use crate::citation::{Citation, CitationKind};
use crate::normalize::Normalized;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

/// The share of its citations (authority and pins, in a count of each)
/// that two texts of the same docket must have in common to be copies of
/// one opinion, in percent of the larger count.
const SAME_CITATIONS_PERCENT: usize = 90;

/// What tells whether two texts are copies of one opinion: the docket
/// number and case name of the caption ([`Normalized::metadata`]) and the
/// citations (the authority and pins of each); and the text itself, so
/// that a file given twice is one opinion even without a caption.
///
/// ```
/// let slip = "SUPREME COURT OF THE UNITED STATES\nNo. 21–908\n\nSee Imbler v. Pachtman, 424 U. S. 409 (1976).\n";
/// let norm = pincite::normalize(slip);
/// let cites = pincite::extract(slip, &norm);
/// let a = pincite::Fingerprint::new(slip, &norm, &cites);
/// assert!(a.same_opinion(&a.clone()));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fingerprint {
    /// The docket number as the caption writes it ("No. 21–908").
    pub docket: Option<String>,
    /// The case name as the caption writes it ("BARTENWERFER v. BUCKLEY").
    pub case_name: Option<String>,
    /// Whether the text has page numbers (a slip, not web text).
    pub paginated: bool,
    /// A hash of the whole text.
    pub text_hash: u64,
    /// The resolved citations of authorities (not of the opinion itself),
    /// each as its authority and pins, sorted.
    pub citations: Vec<String>,
}

impl Fingerprint {
    /// The fingerprint of a text: `source` is the text `norm` was made
    /// from, `cites` its citations.
    pub fn new(source: &str, norm: &Normalized, cites: &[Citation]) -> Fingerprint {
        let meta = norm.metadata();
        let text =
            |s: Option<crate::Span>| s.and_then(|s| source.get(s.range())).map(str::to_string);
        let mut hasher = DefaultHasher::new();
        source.hash(&mut hasher);
        let mut citations: Vec<String> = cites
            .iter()
            .filter(|c| c.kind() != CitationKind::Internal)
            .filter_map(|c| Some(format!("{} {}", c.authority.as_deref()?, c.pins_string())))
            .collect();
        citations.sort_unstable();
        Fingerprint {
            docket: text(meta.docket),
            case_name: text(meta.case_name),
            paginated: norm.blocks().iter().any(|b| b.slip_page.is_some()),
            text_hash: hasher.finish(),
            citations,
        }
    }

    /// Whether two texts are copies of one opinion: the same text, or the
    /// same docket number and case name (but for spacing, punctuation and
    /// dashes) and nine in ten of their citations in common.
    pub fn same_opinion(&self, other: &Fingerprint) -> bool {
        if self.text_hash == other.text_hash && self.citations == other.citations {
            return true;
        }
        let (Some(a), Some(b)) = (&self.docket, &other.docket) else {
            return false;
        };
        let names_agree = match (&self.case_name, &other.case_name) {
            (Some(x), Some(y)) => compact(x) == compact(y),
            _ => true,
        };
        names_agree && compact(a) == compact(b) && self.shares_citations(other)
    }

    /// Whether nine in ten citations of the larger list are in the other.
    fn shares_citations(&self, other: &Fingerprint) -> bool {
        let (a, b) = (&self.citations, &other.citations);
        let (mut i, mut j, mut common) = (0, 0, 0);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    common += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        common * 100 >= a.len().max(b.len()) * SAME_CITATIONS_PERCENT
    }
}

/// Letters and digits, upper case: "No. 21–908" and "No. 21-908" agree.
fn compact(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_uppercase)
        .collect()
}

/// For each text, the text that stands for its opinion: itself, or the
/// copy of the same opinion ([`Fingerprint::same_opinion`]) that is kept.
/// Of several copies the one kept has page numbers if any does, then the
/// most citations, then comes first.
///
/// ```
/// let text = "See Imbler v. Pachtman, 424 U. S. 409 (1976).\n";
/// let norm = pincite::normalize(text);
/// let print = pincite::Fingerprint::new(text, &norm, &pincite::extract(text, &norm));
/// assert_eq!(pincite::copies(&[print.clone(), print]), [0, 0]);
/// ```
pub fn copies(prints: &[Fingerprint]) -> Vec<usize> {
    // Texts that may be copies share a text hash or a docket number.
    let mut groups: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, p) in prints.iter().enumerate() {
        let key = match &p.docket {
            Some(d) => format!("docket {}", compact(d)),
            None => format!("text {:x}", p.text_hash),
        };
        groups.entry(key).or_default().push(i);
    }
    let mut keep: Vec<usize> = (0..prints.len()).collect();
    let mut group_list: Vec<Vec<usize>> = groups.into_values().collect();
    group_list.sort_unstable();
    for group in group_list {
        // Each text joins the first set of copies it is one of.
        let mut sets: Vec<Vec<usize>> = Vec::new();
        for i in group {
            match sets
                .iter_mut()
                .find(|s| prints[s[0]].same_opinion(&prints[i]))
            {
                Some(s) => s.push(i),
                None => sets.push(vec![i]),
            }
        }
        for set in sets {
            let best = *set
                .iter()
                .max_by_key(|&&i| {
                    let p = &prints[i];
                    (p.paginated, p.citations.len(), std::cmp::Reverse(i))
                })
                .expect("a set has a text");
            for i in set {
                keep[i] = best;
            }
        }
    }
    keep
}

/// Why the text named `copy` is left out for the one named `kept`, its
/// opinion's copy that [`copies`] keeps, as `pincite toa` says it on
/// standard error: "given again; counted once", "the same text as
/// b.txt; counted once, from b.txt", or "a copy of the opinion in b.txt
/// (No. 21-908); counted once, from b.txt".
///
/// ```
/// let text = "See Imbler v. Pachtman, 424 U. S. 409 (1976).\n";
/// let norm = pincite::normalize(text);
/// let print = pincite::Fingerprint::new(text, &norm, &pincite::extract(text, &norm));
/// assert_eq!(
///     pincite::copy_note("b.txt", &print, "a.txt", &print),
///     "the same text as a.txt; counted once, from a.txt"
/// );
/// ```
pub fn copy_note(copy: &str, print: &Fingerprint, kept: &str, kept_print: &Fingerprint) -> String {
    match &print.docket {
        _ if copy == kept => "given again; counted once".to_string(),
        Some(d) if print.text_hash != kept_print.text_hash => {
            format!("a copy of the opinion in {kept} ({d}); counted once, from {kept}")
        }
        _ => format!("the same text as {kept}; counted once, from {kept}"),
    }
}

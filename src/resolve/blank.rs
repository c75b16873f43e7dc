//! Blank-page citations of cases whose first page is known: a slip
//! opinion's "District of Columbia v. Heller, 554 U. S. ___ (2008)" is the
//! case another citation gives as "554 U. S. 570". Within one document or
//! over a corpus, such a citation takes the key of the paged one.

use crate::citation::{Citation, Form};
use crate::law::names::{parties, party_matches};
use std::collections::HashMap;

/// What the citations of one or more documents say of blank-page cases:
/// learned from them with [`BlankPages::learn`], then read as a map from
/// each blank-page key to the key of its case's first page.
#[derive(Default, Debug)]
pub(crate) struct BlankPages {
    /// The cases cited with a first page, per volume and reporter: their
    /// key and name.
    paged: HashMap<(u32, String), Vec<(String, String)>>,
    /// The blank-page keys, with their volume, reporter and case name.
    blank: HashMap<String, (u32, String, String)>,
}

impl BlankPages {
    /// Learns the full case citations of `cites`.
    pub(crate) fn learn(&mut self, cites: &[Citation]) {
        for c in cites {
            let (Form::FullCase(f), Some(key)) = (&c.form, &c.authority) else {
                continue;
            };
            let Some(name) = &f.case_name else { continue };
            let at = (f.volume, f.reporter.clone());
            if f.first_page.is_some() {
                let list = self.paged.entry(at).or_default();
                if !list.iter().any(|(k, _)| k == key) {
                    list.push((key.clone(), name.clone()));
                }
            } else if !self.blank.contains_key(key) {
                self.blank.insert(key.clone(), (at.0, at.1, name.clone()));
            }
        }
    }

    /// Learns a case cited with its first page: its key and name.
    pub(crate) fn learn_paged(&mut self, volume: u32, reporter: &str, key: &str, name: &str) {
        let list = self
            .paged
            .entry((volume, reporter.to_string()))
            .or_default();
        if !list.iter().any(|(k, _)| k == key) {
            list.push((key.to_string(), name.to_string()));
        }
    }

    /// Learns a blank-page key with its case's volume, reporter and name.
    pub(crate) fn learn_blank(&mut self, key: &str, volume: u32, reporter: &str, name: &str) {
        self.blank
            .entry(key.to_string())
            .or_insert_with(|| (volume, reporter.to_string(), name.to_string()));
    }

    /// Each blank-page key whose case one paged citation of the same
    /// volume and reporter names, with that citation's key. A name that
    /// several paged cases of the volume answer to maps to none of them.
    pub(crate) fn map(&self) -> HashMap<String, String> {
        let mut out = HashMap::new();
        for (blank, (volume, reporter, name)) in &self.blank {
            let Some(paged) = self.paged.get(&(*volume, reporter.clone())) else {
                continue;
            };
            let mut hits = paged.iter().filter(|(_, full)| same_case(full, name));
            if let (Some((key, _)), None) = (hits.next(), hits.next()) {
                out.insert(blank.clone(), key.clone());
            }
        }
        out
    }
}

/// Whether two names of cases in one volume name the same case: every
/// party of the one answers to the other ("District of Columbia v.
/// Heller" and "Heller").
fn same_case(full: &str, other: &str) -> bool {
    let mut any = false;
    for p in parties(other) {
        if !party_matches(full, p) {
            return false;
        }
        any = true;
    }
    any
}

/// Gives every citation of `cites` whose authority is a blank-page key of
/// `map` the key of its case's first page.
pub(crate) fn apply(map: &HashMap<String, String>, cites: &mut [Citation]) {
    if map.is_empty() {
        return;
    }
    for c in cites {
        if let Some(paged) = c.authority.as_ref().and_then(|a| map.get(a)) {
            c.authority = Some(paged.clone());
        }
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_blank_page_takes_the_first_page_of_the_same_case() {
        let src = "District of Columbia v. Heller, 554 U. S. ___ (2008). \
                   Heller, 554 U. S., at ___. See Snyder v. Louisiana, 552 U. S. 472 (2008); \
                   District of Columbia v. Heller, 554 U. S. 570 (2008).\n";
        let cites = crate::extract(src, &crate::normalize(src));
        let keys: Vec<&str> = cites
            .iter()
            .filter_map(|c| c.authority.as_deref())
            .collect();
        assert_eq!(
            keys,
            [
                "554 U.S. 570",
                "554 U.S. 570",
                "552 U.S. 472",
                "554 U.S. 570"
            ]
        );
    }

    #[test]
    fn another_case_of_the_volume_is_not_taken() {
        let src = "Smith v. Jones, 554 U. S. ___ (2008). See Brown v. Green, 554 U. S. 1 (2008).\n";
        let cites = crate::extract(src, &crate::normalize(src));
        assert_eq!(
            cites[0].authority.as_deref(),
            Some("Smith v. Jones, 554 U.S. ___")
        );
    }
}

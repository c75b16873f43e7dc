//! What the full citations of a document say about each case it cites,
//! and the lookups verification makes in them: by authority key, by
//! volume, by party name. Every lookup costs a bounded amount of work, so
//! that checking a document stays linear in its citations.

use super::verify::FAR_PAST_PAGES;
use crate::citation::{Citation, Form};
use crate::law::names::{name_keys, party_matches, tail_keys};
use std::collections::{HashMap, HashSet};

/// The most names kept for one case: a document cites a case by a few
/// names ("Imbler v. Pachtman", "Imbler"), and more only in made-up text.
const MAX_NAMES: usize = 16;

/// The most cases looked at when searching for another case a short form
/// may mean.
const MAX_CANDIDATES: usize = 64;

/// What the full citations of a document say about one case authority.
pub(crate) struct FullCase {
    /// The volumes and reporters it is cited by.
    pub volumes: HashSet<(u32, String)>,
    /// Its first page.
    pub first_page: Option<u32>,
    /// Its fullest case name.
    pub name: Option<String>,
    /// The names it is cited by in full, each once (at most
    /// [`MAX_NAMES`]).
    pub names: Vec<String>,
    /// Whether it is cited from a database (Westlaw, Lexis), whose pins
    /// are star pages.
    pub database: bool,
}

impl FullCase {
    /// Whether a short form's name names it ("Imbler" for "Imbler v.
    /// Pachtman").
    pub fn answers_to(&self, short: &str) -> bool {
        self.names.iter().any(|full| party_matches(full, short))
    }
}

/// The full citations of a document, by authority, and the cases by
/// volume and by the first word of each name they answer to, each list
/// sorted by first page.
pub(crate) struct Cases {
    by_key: HashMap<String, FullCase>,
    by_volume: HashMap<(u32, String), Vec<(u32, String)>>,
    by_word: HashMap<String, Vec<(u32, String)>>,
}

impl Cases {
    /// The cases of a document's full citations.
    pub fn new(cites: &[Citation]) -> Cases {
        let mut by_key: HashMap<String, FullCase> = HashMap::new();
        for (c, f) in cites.iter().filter_map(|c| Some((c, c.full_case()?))) {
            let Some(key) = &c.authority else { continue };
            let e = by_key.entry(key.clone()).or_insert(FullCase {
                volumes: HashSet::new(),
                first_page: None,
                name: None,
                names: Vec::new(),
                database: f.database,
            });
            if let Some(n) = &f.case_name {
                if e.names.len() < MAX_NAMES && !e.names.contains(n) {
                    e.names.push(n.clone());
                }
            }
            e.volumes.insert((f.volume, f.reporter.clone()));
            if e.first_page.is_none() {
                e.first_page = f.first_page;
            }
            let better = match (&e.name, &f.case_name) {
                (None, Some(_)) => true,
                (Some(a), Some(b)) => b.contains(" v. ") && !a.contains(" v. "),
                _ => false,
            };
            if better {
                e.name.clone_from(&f.case_name);
            }
        }
        let (by_volume, by_word) = lookups(&by_key);
        Cases {
            by_key,
            by_volume,
            by_word,
        }
    }

    /// The case of an authority key.
    pub fn get(&self, key: &str) -> Option<&FullCase> {
        self.by_key.get(key)
    }

    /// Another case of the document a short form may mean, one whose
    /// pages hold `page`: for a short citation another case of its volume
    /// ("Miranda, 391 U. S., at 4" meaning Mathis v. United States, 391 U.
    /// S. 1), for a supra another case of its party name. The smallest key
    /// of those found.
    pub fn alternative(&self, c: &Citation, page: u32) -> Option<&str> {
        let own = c.authority.as_deref();
        let (list, name) = match &c.form {
            Form::ShortCase(s) => (self.by_volume.get(&(s.volume, s.reporter.clone()))?, None),
            Form::Supra(s) => (
                self.by_word.get(first_word(&s.case_name))?,
                Some(s.case_name.as_str()),
            ),
            _ => return None,
        };
        // The cases whose first page is at most FAR_PAST_PAGES below the
        // page and not above it.
        let lo = list.partition_point(|(fp, _)| fp.saturating_add(FAR_PAST_PAGES) < page);
        let hi = list.partition_point(|(fp, _)| *fp <= page);
        list[lo..hi.max(lo)]
            .iter()
            .take(MAX_CANDIDATES)
            .map(|(_, k)| k.as_str())
            .filter(|k| Some(*k) != own)
            .filter(|k| name.is_none_or(|n| self.by_key[*k].answers_to(n)))
            .min()
    }
}

/// The first word of a name, as [`Cases`] files it.
fn first_word(name: &str) -> &str {
    name.split(' ').next().unwrap_or(name)
}

type Lookups = (
    HashMap<(u32, String), Vec<(u32, String)>>,
    HashMap<String, Vec<(u32, String)>>,
);

/// The cases with a first page by volume, and by the first word of each
/// key their names give ([`name_keys`], [`tail_keys`]).
fn lookups(by_key: &HashMap<String, FullCase>) -> Lookups {
    let mut by_volume: HashMap<(u32, String), Vec<(u32, String)>> = HashMap::new();
    let mut by_word: HashMap<String, Vec<(u32, String)>> = HashMap::new();
    for (key, f) in by_key {
        let Some(fp) = f.first_page else { continue };
        for v in &f.volumes {
            by_volume
                .entry(v.clone())
                .or_default()
                .push((fp, key.clone()));
        }
        let mut words: HashSet<&str> = HashSet::new();
        let keys: Vec<&str> = f
            .names
            .iter()
            .flat_map(|n| name_keys(n).into_iter().chain(tail_keys(n)))
            .collect();
        for k in &keys {
            words.insert(first_word(k));
        }
        for w in words {
            by_word
                .entry(w.to_string())
                .or_default()
                .push((fp, key.clone()));
        }
    }
    for list in by_volume.values_mut().chain(by_word.values_mut()) {
        list.sort_unstable();
    }
    (by_volume, by_word)
}

/// The full citations of a document by position, filed by the first word
/// of each name they answer to and by volume, for finding the first one
/// after a short form that names its case.
pub(crate) struct FullCitations {
    by_word: HashMap<String, Vec<usize>>,
    by_volume: HashMap<(u32, String), Vec<usize>>,
}

impl FullCitations {
    /// The full citations of `cites`.
    pub fn new(cites: &[Citation]) -> FullCitations {
        let mut by_word: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_volume: HashMap<(u32, String), Vec<usize>> = HashMap::new();
        for (i, f) in cites
            .iter()
            .enumerate()
            .filter_map(|(i, c)| Some((i, c.full_case()?)))
        {
            by_volume
                .entry((f.volume, f.reporter.clone()))
                .or_default()
                .push(i);
            let Some(name) = &f.case_name else { continue };
            let mut words: Vec<&str> = Vec::new();
            let keys: Vec<&str> = name_keys(name).into_iter().chain(tail_keys(name)).collect();
            for k in &keys {
                let w = first_word(k);
                if !words.contains(&w) {
                    words.push(w);
                }
            }
            for w in words {
                by_word.entry(w.to_string()).or_default().push(i);
            }
        }
        FullCitations { by_word, by_volume }
    }

    /// The first full citation after citation `i` whose case a short form
    /// or supra names: by its party name, or by its volume and reporter.
    pub fn first_after(&self, cites: &[Citation], i: usize) -> Option<usize> {
        let c = &cites[i];
        let after = |list: &Vec<usize>| list.partition_point(|&k| k <= i);
        let by_name = c.case_name().and_then(|name| {
            let list = self.by_word.get(first_word(name))?;
            list[after(list)..]
                .iter()
                .take(MAX_CANDIDATES)
                .copied()
                .find(|&k| {
                    cites[k]
                        .full_case()
                        .and_then(|f| f.case_name.as_deref())
                        .is_some_and(|full| party_matches(full, name))
                })
        });
        let by_volume = c
            .volume()
            .zip(c.reporter())
            .and_then(|(v, r)| self.by_volume.get(&(v, r.to_string())))
            .and_then(|list| list.get(after(list)).copied());
        by_name.into_iter().chain(by_volume).min()
    }
}

//! Cases: the full citation a short form, a supra or an Id. after a
//! parallel citation means.

use super::ids::{Role, first_page_pin};
use crate::citation::{Citation, Form};
use crate::law::names;
use std::collections::{BTreeMap, HashMap};

/// How far past its first page a pin may lie and still be read as a page
/// of that reporter when choosing among parallel citations or same-named
/// cases.
const PIN_REACH: u32 = 300;

/// The warning of a supra or reference no case answers to.
pub(super) const NO_NAME: &str = "no earlier full citation by this name";

/// How many distinct authorities one name or volume keeps, the latest.
const KEEP: usize = 32;

/// How many longer names one short name is looked up in: a document naming
/// thousands of parties "Smith v. ..." stays linear.
const MAX_NAMES_SHARING_A_WORD: usize = 64;

/// The full case citations seen so far.
#[derive(Default)]
pub(super) struct Cases {
    /// By whole name and party, sorted, so that a short name finds the
    /// longer names it begins in one range search.
    by_name: BTreeMap<String, Vec<usize>>,
    /// By the tails of parties ([`names::tail_keys`]), for a supra no name
    /// finds.
    by_tail: BTreeMap<String, Vec<usize>>,
    by_volume: HashMap<(u32, String), Vec<usize>>,
    /// The full citations of groups (parallel citations, "39 Minn. 181,
    /// 39 N. W. 315", and subsequent history, "..., aff'd, 520 U.S. 681")
    /// by authority, the first citation of each one's group, and each
    /// group's members in order.
    by_authority: HashMap<String, usize>,
    primary_of: HashMap<usize, usize>,
    groups: HashMap<usize, Vec<usize>>,
    /// The last full citation.
    last_full: Option<usize>,
}

impl Cases {
    /// A full citation: remembered by volume, by name and party, and as a
    /// member of its parallel group.
    pub(super) fn full(&mut self, cites: &mut [Citation], i: usize) -> Role {
        if cites[i].authority.is_none() && cites[i].first_page().is_none() {
            cites[i]
                .warnings
                .push("blank-page citation without a case name".to_string());
        }
        let Some(c) = cites[i].full_case() else {
            return Role::Pages;
        };
        let key = (c.volume, c.reporter.clone());
        let name = c.case_name.clone().filter(|_| !c.parallel);
        let nominative = c.nominative.clone();
        let joins = if c.parallel {
            i.checked_sub(1)
        } else {
            self.last_full.filter(|_| c.history.is_some())
        };
        if let Some(j) = joins {
            self.join(cites, j, i);
        }
        self.last_full = Some(i);
        remember(cites, self.by_volume.entry(key).or_default(), i);
        // "5 U.S. (1 Cranch) 137": a short citation may name the
        // nominative reporter ("1 Cranch, at 177").
        if let Some(nominative) = nominative {
            remember(cites, self.by_volume.entry(nominative).or_default(), i);
        }
        if let Some(name) = name {
            for k in names::name_keys(&name) {
                remember(cites, self.by_name.entry(k.to_string()).or_default(), i);
            }
            for k in names::tail_keys(&name) {
                remember(cites, self.by_tail.entry(k.to_string()).or_default(), i);
            }
        }
        self.given_name(cites, i);
        Role::Pages
    }

    /// Remembers the short name a parenthetical after full citation `i`
    /// gives its case ("(MCFL)", "(Mitchell II)"), for the first citation
    /// of its parallel group.
    fn given_name(&mut self, cites: &[Citation], i: usize) {
        let Some(name) = cites[i]
            .parenthetical
            .as_deref()
            .and_then(names::given_name)
        else {
            return;
        };
        let name: String = name.split_whitespace().collect::<Vec<_>>().join(" ");
        let first = self.primary_of.get(&i).copied().unwrap_or(i);
        remember(cites, self.by_name.entry(name).or_default(), first);
    }

    /// Drops from Id. `i`'s pins those that are pages of a parallel
    /// reporter of `target`, not of `target` ("Id. at 750-51, 1815-16" after
    /// "532 U.S. 742, 750, 121 S. Ct. 1808, 1815": 1815-16 is a page of the
    /// Supreme Court Reporter).
    pub(super) fn drop_parallel_pins(&self, cites: &mut [Citation], i: usize, target: usize) {
        let Some(first) = self.primary_of.get(&target) else {
            return;
        };
        let group = self.groups.get(first).map_or(&[][..], Vec::as_slice);
        let elsewhere = |page: u32| {
            !pin_fits(cites, target, page)
                && group.iter().any(|&m| {
                    m != target && cites[m].first_page().is_some() && pin_fits(cites, m, page)
                })
        };
        let keep: Vec<bool> = cites[i]
            .pins
            .iter()
            .map(|p| p.page.is_none_or(|page| !elsewhere(page)))
            .collect();
        if keep.iter().any(|&k| k) {
            let mut k = keep.into_iter();
            cites[i].pins.retain(|_| k.next().unwrap_or(true));
        }
    }

    /// Puts full citation `i` in the group of `j`: a parallel citation of
    /// it, or its subsequent history.
    fn join(&mut self, cites: &[Citation], j: usize, i: usize) {
        let first = self.primary_of.get(&j).copied().unwrap_or(j);
        let members = self.groups.entry(first).or_insert_with(|| vec![first]);
        members.push(i);
        for k in [j, i] {
            self.primary_of.insert(k, first);
            if let Some(a) = cites[k].authority.clone() {
                self.by_authority.insert(a, k);
            }
        }
    }

    /// A short citation: the case of its volume (of its name, when it has
    /// one, else the nearest below the pin), or, when the name matches a
    /// case of another volume only, that case with a warning.
    pub(super) fn short(&mut self, cites: &mut [Citation], i: usize) -> Role {
        let Form::ShortCase(s) = &cites[i].form else {
            return Role::Pages;
        };
        let number = s.number;
        let (key, name, blank_pin) = (
            (s.volume, s.reporter.clone()),
            s.case_name.clone(),
            s.blank_pin,
        );
        // A database citation's short form names its document.
        if let Some(n) = number {
            let full_key = format!("{} {} {n}", key.0, key.1);
            let of_volume = self.by_volume.get(&key).map_or(&[][..], Vec::as_slice);
            let hit = of_volume
                .iter()
                .copied()
                .find(|&j| cites[j].authority.as_deref() == Some(full_key.as_str()));
            cites[i].antecedent = hit;
            cites[i].authority = hit.and(Some(full_key));
            return Role::Pages;
        }
        let pin = first_page_pin(&cites[i]);
        let named = name.as_ref().map(|n| {
            pick_by_pin(
                cites,
                &lookup(&self.by_name, n, MAX_NAMES_SHARING_A_WORD),
                pin,
            )
        });
        let in_volume = self.by_volume.get(&key);
        let by_vol = in_volume.and_then(|c| {
            // A blank pin ("554 U. S., at ___") is a pin of a case without
            // pages yet: a blank-page citation of the volume.
            let blank: Vec<usize> = c
                .iter()
                .copied()
                .filter(|&j| blank_pin && cites[j].first_page().is_none())
                .collect();
            let c = if blank.is_empty() { c } else { &blank[..] };
            pick_in_volume(cites, c, name.as_deref(), pin)
        });
        // A name that matches a case of another volume only: the volume
        // is written wrong ("Imbler, 425 U. S., at 425"). A full citation
        // of the volume without a name ("In Gonzales v. Oregon, ... 546 U.
        // S. 243") is no other case.
        let nameless_in_volume = by_vol.is_some_and(|v| cites[v].case_name().is_none());
        let name_elsewhere = named.flatten().filter(|j| {
            name.is_some()
                && !nameless_in_volume
                && !in_volume.is_some_and(|c| c.contains(j))
                && !in_volume.is_some_and(|c| {
                    c.iter()
                        .any(|&k| name_matches(cites[k].case_name(), name.as_deref()))
                })
        });
        let target = match (by_vol, name_elsewhere) {
            (Some(j), None) => Some(j),
            _ => name_elsewhere.or(named.flatten()),
        };
        // "560 U. S., at ___ (slip op., at 14)" after "560 U. S. 330": the
        // slip page is no page of the volume.
        if blank_pin && target.is_some_and(|j| cites[j].first_page().is_some()) {
            cites[i].pins.clear();
        }
        cites[i].antecedent = target;
        if let (Some(j), None) = (by_vol, name_elsewhere) {
            cites[i].authority = cites[j].authority.clone();
            if cites[j].authority.is_none() {
                cites[i]
                    .warnings
                    .push("the full citation of this volume has no name".to_string());
            }
        } else if let Some(j) = target {
            cites[i].authority = cites[j].authority.clone();
            let w = format!(
                "volume {} {} matches no earlier full citation of this name; resolved by name to {}",
                key.0,
                key.1,
                cites[j].authority.as_deref().unwrap_or("?"),
            );
            cites[i].warnings.push(w);
        } else {
            cites[i]
                .warnings
                .push("no earlier full citation for this short citation".to_string());
        }
        Role::Pages
    }

    /// A supra: the case of its name a pin fits, else the latest; failing
    /// a party's name, the tail of one ("Boerne" for "City of Boerne").
    pub(super) fn supra(&mut self, cites: &mut [Citation], i: usize) -> Role {
        let pin = first_page_pin(&cites[i]);
        let hit = cites[i].case_name().and_then(|n| {
            let found = lookup(&self.by_name, n, MAX_NAMES_SHARING_A_WORD);
            if !found.is_empty() {
                return pick_by_pin(cites, &found, pin);
            }
            // A tail is weak evidence: the pin must fit too.
            let found = lookup(&self.by_tail, n, MAX_NAMES_SHARING_A_WORD);
            let fits = |&j: &usize| pin.is_none_or(|p| pin_fits(cites, j, p));
            found.iter().copied().filter(fits).max()
        });
        cites[i].antecedent = hit;
        match hit {
            Some(j) => cites[i].authority = cites[j].authority.clone(),
            None => cites[i].warnings.push(NO_NAME.to_string()),
        }
        Role::Pages
    }

    /// For an "Id." (citation `i`) whose antecedent is `j`: the citation it
    /// means. After a parallel citation ("39 Minn. 181, 185, 39 N. W. 315")
    /// or subsequent history ("72 F.3d 1354, aff'd, 520 U.S. 681") that is
    /// the first of the group unless the pin fits only another; after an
    /// Id. or short form that resolved into a group, that member unless the
    /// pin fits only another.
    pub(super) fn parallel_choice(&self, cites: &[Citation], j: usize, i: usize) -> usize {
        if self.primary_of.is_empty() {
            return j;
        }
        let full = if matches!(cites[j].form, Form::FullCase(_)) {
            self.primary_of.get(&j).copied()
        } else {
            cites[j]
                .authority
                .as_ref()
                .and_then(|a| self.by_authority.get(a).copied())
        };
        let Some(full) = full else { return j };
        let Some(&first) = self.primary_of.get(&full) else {
            return j;
        };
        let Some(pin) = first_page_pin(&cites[i]) else {
            return full;
        };
        if pin_fits(cites, full, pin) {
            return full;
        }
        let group = self.groups.get(&first).map_or(&[][..], Vec::as_slice);
        group
            .iter()
            .copied()
            .find(|&m| pin_fits(cites, m, pin))
            .unwrap_or(full)
    }
}

/// The full citations known by `name` in `keys`, or by a key that starts
/// with it and a space (of `most` such keys at the most).
pub(super) fn lookup(keys: &BTreeMap<String, Vec<usize>>, name: &str, most: usize) -> Vec<usize> {
    if let Some(js) = keys.get(name) {
        return js.clone();
    }
    // The names that begin with `name` and a space: the keys from
    // "name " up to "name!" ('!' follows ' ').
    let (from, to) = (format!("{name} "), format!("{name}!"));
    let mut out: Vec<usize> = keys
        .range(from..to)
        .take(most)
        .flat_map(|(_, js)| js.iter().copied())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Adds full citation `i` to a list of full citations kept by name or
/// volume: one entry per authority (the latest), at most [`KEEP`], so that
/// a document citing one case thousands of times stays linear.
fn remember(cites: &[Citation], list: &mut Vec<usize>, i: usize) {
    list.retain(|&j| cites[j].authority != cites[i].authority);
    if list.len() == KEEP {
        list.remove(0);
    }
    list.push(i);
}

/// Whether page `pin` can be a page of full citation `j`.
fn pin_fits(cites: &[Citation], j: usize, pin: u32) -> bool {
    match cites[j].first_page() {
        Some(first) => first <= pin && pin <= first.saturating_add(PIN_REACH),
        None => true,
    }
}

/// Whether a full citation's name is known by `short` (a party name).
fn name_matches(full: Option<&str>, short: Option<&str>) -> bool {
    full.zip(short)
        .is_some_and(|(full, short)| names::party_matches(full, short))
}

/// Of the full citations in one volume, the one a short citation means:
/// among those whose name matches its name (when it has one and any do),
/// the one starting at or before its pin and closest to it, else the last.
fn pick_in_volume(
    cites: &[Citation],
    candidates: &[usize],
    name: Option<&str>,
    pin: Option<u32>,
) -> Option<usize> {
    let named: Vec<usize> = candidates
        .iter()
        .copied()
        .filter(|&j| name_matches(cites[j].case_name(), name))
        .collect();
    let pool = if named.is_empty() {
        candidates
    } else {
        &named[..]
    };
    let before_pin = pool
        .iter()
        .copied()
        .filter(|&j| match (cites[j].first_page(), pin) {
            (Some(first), Some(p)) => first <= p,
            _ => false,
        })
        .max_by_key(|&j| (cites[j].first_page(), j));
    before_pin.or_else(|| pool.last().copied())
}

/// Of the full citations a name found, the one a pin fits (the latest),
/// else the latest.
fn pick_by_pin(cites: &[Citation], found: &[usize], pin: Option<u32>) -> Option<usize> {
    pin.and_then(|p| {
        found
            .iter()
            .copied()
            .filter(|&j| pin_fits(cites, j, p))
            .max()
    })
    .or_else(|| found.iter().copied().max())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_name_finds_the_names_it_begins() {
        let mut by_name = BTreeMap::new();
        by_name.insert("Long Beach".to_string(), vec![1]);
        by_name.insert("Long Beach Unified".to_string(), vec![2]);
        by_name.insert("Long".to_string(), vec![3]);
        by_name.insert("Longview".to_string(), vec![4]);
        assert_eq!(lookup(&by_name, "Long", MAX_NAMES_SHARING_A_WORD), [3]);
        assert_eq!(
            lookup(&by_name, "Long Beach", MAX_NAMES_SHARING_A_WORD),
            [1]
        );
        by_name.remove("Long");
        assert_eq!(lookup(&by_name, "Long", MAX_NAMES_SHARING_A_WORD), [1, 2]);
        assert!(lookup(&by_name, "Short", MAX_NAMES_SHARING_A_WORD).is_empty());
    }
}

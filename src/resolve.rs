//! Resolution: what Id., supra, short forms and bare sections stand for.
//!
//! One pass in document order keeps the last full citation per party name,
//! per volume and reporter, and per statute section, and the antecedents an
//! "Id." may refer to. A citation that cannot be resolved keeps
//! `authority: None` and says why in its warnings; it is never dropped.

use crate::extract::{Citation, CitationKind};
use std::collections::{BTreeMap, HashMap};

/// The keys a full case citation can be found by later: the whole name and
/// each party ("Goldstein v. Long Beach" gives "Goldstein" and "Long Beach").
fn name_keys(name: &str) -> Vec<String> {
    let mut keys = vec![name.to_string()];
    for party in name.split(" v. ") {
        let party = party.trim();
        if !party.is_empty() && party != name {
            keys.push(party.to_string());
        }
    }
    keys
}

/// A statute section without its subsections: "523(a)(2)(A)" -> "523".
fn base_section(sec: &str) -> &str {
    sec.split('(').next().unwrap_or(sec)
}

/// How far past its first page a pin may lie and still be read as a page
/// of that reporter when choosing among parallel citations or same-named
/// cases.
const PIN_REACH: u32 = 300;

/// What an "Id." may refer to at one point of the text: the last citation
/// of any kind but a bare section mention, the last that cites pages (no
/// statute section, for an Id. with a page pin), and the last of those that
/// is no Statutes at Large page either (for a page pin before that page).
#[derive(Clone, Copy, Default)]
struct IdState {
    prev: Option<usize>,
    last_page_cite: Option<usize>,
    last_case_cite: Option<usize>,
}

/// Fills in `authority` (and an inherited pin for "Ibid.") where the
/// citations before allow it; adds warnings where they do not.
///
/// An "Id." in the body refers to the body's citations; one in a footnote
/// to the citations before it in that footnote, or when it comes first
/// there, to the body's citations before the footnote's call.
pub(crate) fn resolve(cites: &mut [Citation]) {
    // Sorted, so that a short name finds the longer names it begins in
    // one range search.
    let mut by_name: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut by_volume: HashMap<(u32, String), Vec<usize>> = HashMap::new();
    let mut by_section: HashMap<String, usize> = HashMap::new();
    // The full citations of parallel groups ("39 Minn. 181, 39 N. W.
    // 315") by authority, and the first citation of each one's group.
    let mut by_authority: HashMap<String, usize> = HashMap::new();
    let mut primary_of: HashMap<usize, usize> = HashMap::new();
    let mut last_statute: Option<usize> = None;
    let mut body = IdState::default();
    // The body's Id. state after each body citation, by its offset.
    let mut history: Vec<(usize, IdState)> = Vec::new();
    let mut note: Option<(usize, IdState)> = None;
    for i in 0..cites.len() {
        let mut is_statute = false;
        let mut bare = false;
        let mut state = match cites[i].note_call {
            None => body,
            Some(call) => match note {
                Some((b, st)) if b == cites[i].block => st,
                _ => {
                    let k = history.partition_point(|&(at, _)| at < call);
                    k.checked_sub(1)
                        .map_or_else(IdState::default, |k| history[k].1)
                }
            },
        };
        match cites[i].kind {
            CitationKind::FullCase => {
                if cites[i].authority.is_none() {
                    cites[i]
                        .warnings
                        .push("blank-page citation without a case name".to_string());
                }
                if let (Some(v), Some(r)) = (cites[i].volume, cites[i].reporter.clone()) {
                    remember(cites, by_volume.entry((v, r)).or_default(), i);
                }
                if cites[i].parallel {
                    let j = i - 1;
                    let first = primary_of.get(&j).copied().unwrap_or(j);
                    for k in [j, i] {
                        primary_of.insert(k, first);
                        if let Some(a) = cites[k].authority.clone() {
                            by_authority.insert(a, k);
                        }
                    }
                }
                if let Some(name) = cites[i].case_name.clone().filter(|_| !cites[i].parallel) {
                    for k in name_keys(&name) {
                        remember(cites, by_name.entry(k).or_default(), i);
                    }
                }
            }
            CitationKind::ShortCase => {
                let key = cites[i].volume.zip(cites[i].reporter.clone());
                let pin = first_page_pin(&cites[i]);
                let named = cites[i]
                    .case_name
                    .as_ref()
                    .map(|n| pick_by_pin(cites, &lookup_name(&by_name, n), pin));
                let in_volume = key.and_then(|k| by_volume.get(&k));
                let by_vol = in_volume.and_then(|c| {
                    // A blank pin ("554 U. S., at ___") is a pin of a case
                    // without pages yet: a blank-page citation of the volume.
                    let blank: Vec<usize> = c
                        .iter()
                        .copied()
                        .filter(|&j| cites[i].blank_pin && cites[j].first_page.is_none())
                        .collect();
                    let c = if blank.is_empty() { c } else { &blank[..] };
                    pick_in_volume(cites, c, cites[i].case_name.as_deref(), pin)
                });
                // A name that matches a case of another volume only: the
                // volume is written wrong ("Imbler, 425 U. S., at 425").
                // A full citation of the volume without a name ("In Gonzales
                // v. Oregon, ... 546 U. S. 243") is no other case.
                let nameless_in_volume = by_vol.is_some_and(|v| cites[v].case_name.is_none());
                let name_elsewhere = named.flatten().filter(|j| {
                    cites[i].case_name.is_some()
                        && !nameless_in_volume
                        && !in_volume.is_some_and(|c| c.contains(j))
                        && !in_volume.is_some_and(|c| {
                            c.iter().any(|&k| {
                                name_matches(cites[k].case_name.as_deref(), &cites[i].case_name)
                            })
                        })
                });
                let target = match (by_vol, name_elsewhere) {
                    (Some(j), None) => Some(j),
                    _ => name_elsewhere.or(named.flatten()),
                };
                // "560 U. S., at ___ (slip op., at 14)" after "560 U. S.
                // 330": the slip page is no page of the volume.
                if cites[i].blank_pin && target.is_some_and(|j| cites[j].first_page.is_some()) {
                    cites[i].pins.clear();
                }
                if let (Some(j), None) = (by_vol, name_elsewhere) {
                    cites[i].authority = cites[j].authority.clone();
                    if cites[j].authority.is_none() {
                        cites[i]
                            .warnings
                            .push("the full citation of this volume has no name".to_string());
                    }
                } else if let Some(j) = name_elsewhere.or(named.flatten()) {
                    cites[i].authority = cites[j].authority.clone();
                    let w = format!(
                        "volume {} {} matches no earlier full citation of this name; resolved by name to {}",
                        cites[i].volume.unwrap_or(0),
                        cites[i].reporter.as_deref().unwrap_or(""),
                        cites[j].authority.as_deref().unwrap_or("?"),
                    );
                    cites[i].warnings.push(w);
                } else {
                    cites[i]
                        .warnings
                        .push("no earlier full citation for this short citation".to_string());
                }
            }
            CitationKind::Supra => {
                let pin = first_page_pin(&cites[i]);
                let hit = cites[i]
                    .case_name
                    .as_ref()
                    .and_then(|n| pick_by_pin(cites, &lookup_name(&by_name, n), pin));
                match hit {
                    Some(j) => cites[i].authority = cites[j].authority.clone(),
                    None => cites[i]
                        .warnings
                        .push("no earlier full citation by this name".to_string()),
                }
            }
            CitationKind::Id => {
                if let Some(sec) = cites[i].statute_section.clone() {
                    is_statute = true;
                    match last_statute.and_then(|j| cites[j].statute_code.clone()) {
                        Some(code) => {
                            cites[i].authority = Some(format!("{code} § {sec}"));
                            cites[i].statute_code = Some(code);
                        }
                        None => cites[i]
                            .warnings
                            .push("no earlier statute for this Id.".to_string()),
                    }
                } else if let Some(source) = &cites[i].other_before {
                    let w = unrecognized(source);
                    cites[i].warnings.push(w);
                } else {
                    let ante = match first_page_pin(&cites[i]) {
                        // "83 Stat. 86 ... id., at 88": that Act's page; a
                        // page before it is no page of the Act.
                        Some(pin) => match state.last_page_cite {
                            Some(j) if stat_page(&cites[j]).is_some_and(|p| pin < p) => {
                                state.last_case_cite
                            }
                            other => other,
                        },
                        None => state.prev,
                    };
                    match ante {
                        Some(j) => {
                            let target = parallel_choice(cites, j, i, &primary_of, &by_authority);
                            cites[i].authority = cites[target].authority.clone();
                            cites[i].antecedent = Some(j);
                            if let Some(source) = cites[target].other_before.clone() {
                                // An Id. chain on a source pincite does
                                // not recognize.
                                cites[i].warnings.push(unrecognized(&source));
                                cites[i].other_before = Some(source);
                            } else if cites[target].authority.is_none() {
                                cites[i]
                                    .warnings
                                    .push("the citation Id. refers to is unresolved".to_string());
                            }
                            if cites[i].pins.is_empty() {
                                let from = if cites[j].kind == CitationKind::FullCase {
                                    target
                                } else {
                                    j
                                };
                                cites[i].pins = cites[from].pins.clone();
                            }
                            is_statute = (cites[j].kind == CitationKind::Statute
                                && !cites_pages(&cites[j]))
                                || cites[j].statute_code.is_some();
                            if is_statute {
                                cites[i].statute_code = cites[j].statute_code.clone();
                            }
                        }
                        None => cites[i]
                            .warnings
                            .push("no earlier citation for this Id.".to_string()),
                    }
                }
            }
            CitationKind::Statute => {
                // "83 Stat. 86" is cited by page: an "Id., at 88" after it
                // means its page 88.
                is_statute = !cites_pages(&cites[i]);
                let sec = cites[i].statute_section.clone();
                if cites[i].statute_code.is_some() {
                    if let Some(sec) = &sec {
                        by_section.insert(base_section(sec).to_string(), i);
                    }
                    last_statute = Some(i);
                } else if cites[i].authority.is_none() {
                    bare = true;
                    let hit = sec
                        .as_deref()
                        .and_then(|s| by_section.get(base_section(s)).copied());
                    match (hit, sec) {
                        (Some(j), Some(sec)) => {
                            let code = cites[j].statute_code.clone().unwrap_or_default();
                            cites[i].authority = Some(format!("{code} § {sec}"));
                        }
                        _ => cites[i]
                            .warnings
                            .push("no earlier full citation of this section".to_string()),
                    }
                }
            }
            CitationKind::Internal => bare = cites[i].cites_other_opinion(),
            CitationKind::Record => {}
        }
        if !bare {
            state.prev = Some(i);
        }
        if !is_statute && !bare {
            state.last_page_cite = Some(i);
            if stat_page(&cites[i]).is_none() {
                state.last_case_cite = Some(i);
            }
        }
        match cites[i].note_call {
            None => {
                body = state;
                history.push((cites[i].matching.start, state));
            }
            Some(_) => note = Some((cites[i].block, state)),
        }
    }
}

/// Whether a statute citation cites pages of the Statutes at Large ("83
/// Stat. 86"), not a section.
fn cites_pages(c: &Citation) -> bool {
    stat_page(c).is_some()
}

/// The first page of a Statutes at Large citation ("83 Stat. 86" -> 86),
/// also of an Id. resolved to one.
fn stat_page(c: &Citation) -> Option<u32> {
    if c.statute_section.is_some() || c.statute_code.is_some() {
        return None;
    }
    let a = c.authority.as_deref()?;
    let (_, page) = a.split_once(" Stat. ")?;
    page.parse().ok()
}

/// The warning of an Id. that refers to `source`, which pincite does not
/// parse as a citation.
fn unrecognized(source: &str) -> String {
    format!("Id. refers to a source pincite does not recognize (\"{source}\")")
}

/// How many distinct authorities one name or volume keeps, the latest.
const KEEP: usize = 32;

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

/// The first page a citation pins, if any.
fn first_page_pin(c: &Citation) -> Option<u32> {
    c.pins.iter().find_map(|p| p.page)
}

/// Whether page `pin` can be a page of full citation `j`.
fn pin_fits(cites: &[Citation], j: usize, pin: u32) -> bool {
    match cites[j].first_page {
        Some(first) => first <= pin && pin <= first.saturating_add(PIN_REACH),
        None => true,
    }
}

/// For an "Id." (citation `i`) whose antecedent is `j`: the citation it
/// means. After a parallel citation ("39 Minn. 181, 185, 39 N. W. 315")
/// that is the first of the group unless the pin fits only another; after
/// an Id. or short form that resolved into a group, that member unless the
/// pin fits only another.
fn parallel_choice(
    cites: &[Citation],
    j: usize,
    i: usize,
    primary_of: &HashMap<usize, usize>,
    by_authority: &HashMap<String, usize>,
) -> usize {
    if primary_of.is_empty() {
        return j;
    }
    let full = if cites[j].kind == CitationKind::FullCase {
        primary_of.get(&j).copied()
    } else {
        cites[j]
            .authority
            .as_ref()
            .and_then(|a| by_authority.get(a).copied())
    };
    let Some(full) = full else { return j };
    let Some(&first) = primary_of.get(&full) else {
        return j;
    };
    let Some(pin) = first_page_pin(&cites[i]) else {
        return full;
    };
    if pin_fits(cites, full, pin) {
        return full;
    }
    // The group: its first citation and the parallel ones right after.
    let group =
        std::iter::once(first).chain((first + 1..cites.len()).take_while(|&k| cites[k].parallel));
    group
        .into_iter()
        .find(|&m| pin_fits(cites, m, pin))
        .unwrap_or(full)
}

/// Whether a full citation's name is known by `short` (a party name).
fn name_matches(full: Option<&str>, short: &Option<String>) -> bool {
    let (Some(full), Some(short)) = (full, short.as_deref()) else {
        return false;
    };
    name_keys(full)
        .iter()
        .any(|k| k == short || (k.starts_with(short) && k[short.len()..].starts_with(' ')))
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
    let short = name.map(str::to_string);
    let named: Vec<usize> = candidates
        .iter()
        .copied()
        .filter(|&j| name_matches(cites[j].case_name.as_deref(), &short))
        .collect();
    let pool = if named.is_empty() {
        candidates
    } else {
        &named[..]
    };
    let before_pin = pool
        .iter()
        .copied()
        .filter(|&j| match (cites[j].first_page, pin) {
            (Some(first), Some(p)) => first <= p,
            _ => false,
        })
        .max_by_key(|&j| (cites[j].first_page, j));
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

/// The full citations known by `name`, or by a party name that starts
/// with it.
/// How many longer names one short name is looked up in: a document naming
/// thousands of parties "Smith v. ..." stays linear.
const MAX_NAMES_SHARING_A_WORD: usize = 64;

fn lookup_name(by_name: &BTreeMap<String, Vec<usize>>, name: &str) -> Vec<usize> {
    if let Some(js) = by_name.get(name) {
        return js.clone();
    }
    // The names that begin with `name` and a space: the keys from
    // "name " up to "name!" ('!' follows ' ').
    let (from, to) = (format!("{name} "), format!("{name}!"));
    let mut out: Vec<usize> = by_name
        .range(from..to)
        .take(MAX_NAMES_SHARING_A_WORD)
        .flat_map(|(_, js)| js.iter().copied())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_key_by_party() {
        assert_eq!(
            name_keys("Goldstein v. Long Beach"),
            ["Goldstein v. Long Beach", "Goldstein", "Long Beach"]
        );
        assert_eq!(base_section("523(a)(2)(A)"), "523");
    }

    #[test]
    fn a_short_name_finds_the_names_it_begins() {
        let mut by_name = BTreeMap::new();
        by_name.insert("Long Beach".to_string(), vec![1]);
        by_name.insert("Long Beach Unified".to_string(), vec![2]);
        by_name.insert("Long".to_string(), vec![3]);
        by_name.insert("Longview".to_string(), vec![4]);
        assert_eq!(lookup_name(&by_name, "Long"), [3]);
        assert_eq!(lookup_name(&by_name, "Long Beach"), [1]);
        by_name.remove("Long");
        assert_eq!(lookup_name(&by_name, "Long"), [1, 2]);
        assert!(lookup_name(&by_name, "Short").is_empty());
    }
}

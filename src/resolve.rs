//! Resolution: what Id., supra, short forms and bare sections stand for.
//!
//! One pass in document order keeps the last full citation per party name,
//! per volume and reporter, and per statute section, and the antecedents an
//! "Id." may refer to. A citation that cannot be resolved keeps
//! `authority: None` and says why in its warnings; it is never dropped.

use crate::extract::{Citation, CitationKind};
use std::collections::HashMap;

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

/// Fills in `authority` (and an inherited pin for "Ibid.") where the
/// citations before allow it; adds warnings where they do not.
pub(crate) fn resolve(cites: &mut [Citation]) {
    let mut by_name: HashMap<String, usize> = HashMap::new();
    let mut by_volume: HashMap<(u32, String), Vec<usize>> = HashMap::new();
    let mut by_section: HashMap<String, usize> = HashMap::new();
    let mut last_statute: Option<usize> = None;
    // The antecedent of an "Id." without a pin: any citation but a bare
    // section mention. With a page pin: the last citation that is no statute.
    let mut prev: Option<usize> = None;
    let mut last_page_cite: Option<usize> = None;
    for i in 0..cites.len() {
        let mut is_statute = false;
        let mut bare = false;
        match cites[i].kind {
            CitationKind::FullCase => {
                if cites[i].authority.is_none() {
                    cites[i]
                        .warnings
                        .push("blank-page citation without a case name".to_string());
                }
                if let (Some(v), Some(r)) = (cites[i].volume, cites[i].reporter.clone()) {
                    by_volume.entry((v, r)).or_default().push(i);
                }
                if let Some(name) = cites[i].case_name.clone().filter(|_| !cites[i].parallel) {
                    for k in name_keys(&name) {
                        by_name.insert(k, i);
                    }
                }
            }
            CitationKind::ShortCase => {
                let key = cites[i].volume.zip(cites[i].reporter.clone());
                let by_nm = cites[i]
                    .case_name
                    .as_ref()
                    .and_then(|n| lookup_name(&by_name, n));
                let pin = cites[i].pins.first().and_then(|p| p.page);
                let by_vol = key
                    .and_then(|k| by_volume.get(&k))
                    .and_then(|c| pick_in_volume(cites, c, by_nm, pin));
                if let Some(j) = by_vol {
                    cites[i].authority = cites[j].authority.clone();
                } else if let Some(j) = by_nm {
                    cites[i].authority = cites[j].authority.clone();
                    let w = format!(
                        "volume {} {} matches no earlier full citation; resolved by name to {}",
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
                let hit = cites[i]
                    .case_name
                    .as_ref()
                    .and_then(|n| lookup_name(&by_name, n));
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
                } else {
                    let ante = if cites[i].pins.iter().any(|p| p.page.is_some()) {
                        last_page_cite
                    } else {
                        prev
                    };
                    match ante {
                        Some(j) => {
                            cites[i].authority = cites[j].authority.clone();
                            if cites[j].authority.is_none() {
                                cites[i]
                                    .warnings
                                    .push("the citation Id. refers to is unresolved".to_string());
                            }
                            if cites[i].pins.is_empty() {
                                cites[i].pins = cites[j].pins.clone();
                            }
                            is_statute = cites[j].kind == CitationKind::Statute
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
                is_statute = true;
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
            CitationKind::Internal | CitationKind::Record => {}
        }
        if !bare {
            prev = Some(i);
        }
        if !is_statute {
            last_page_cite = Some(i);
        }
    }
}

/// Of the full citations in one volume, the one a short citation means:
/// the one its name found, else the last one starting at or before its
/// pin page, else the last one.
fn pick_in_volume(
    cites: &[Citation],
    candidates: &[usize],
    by_name: Option<usize>,
    pin: Option<u32>,
) -> Option<usize> {
    if let Some(j) = by_name.filter(|j| candidates.contains(j)) {
        return Some(j);
    }
    let before_pin = candidates
        .iter()
        .copied()
        .filter(|&j| match (cites[j].first_page, pin) {
            (Some(first), Some(p)) => first <= p,
            _ => false,
        })
        .max_by_key(|&j| (cites[j].first_page, j));
    before_pin.or_else(|| candidates.last().copied())
}

/// The last full citation known by `name`, or by a party name that starts
/// with it.
fn lookup_name(by_name: &HashMap<String, usize>, name: &str) -> Option<usize> {
    if let Some(&j) = by_name.get(name) {
        return Some(j);
    }
    by_name
        .iter()
        .filter(|(k, _)| k.starts_with(name) && k[name.len()..].starts_with(' '))
        .map(|(_, &j)| j)
        .max()
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
}

//! Case and party names: how a short form's name finds its case.

/// The keys a full case citation can be found by later: the whole name and
/// each party ("Goldstein v. Long Beach" gives "Goldstein" and "Long Beach").
pub(crate) fn name_keys(name: &str) -> Vec<String> {
    let mut keys = vec![name.to_string()];
    for party in name.split(" v. ") {
        let party = party.trim();
        if !party.is_empty() && party != name {
            keys.push(party.to_string());
        }
    }
    keys
}

/// Whether a case name of a full citation answers to the name of a short
/// form ("Imbler" for "Imbler v. Pachtman").
pub(crate) fn party_matches(full: &str, short: &str) -> bool {
    full == short
        || full.split(" v. ").any(|p| {
            let p = p.trim();
            p == short
                || (p.starts_with(short) && p[short.len()..].starts_with(' '))
                || (p.ends_with(short) && p[..p.len() - short.len()].ends_with(' '))
        })
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
    }
}

//! Case and party names: how a short form's name finds its case.
//!
//! One rule, used by resolution, verification and the index alike: a
//! short name names a case when it is one of the case's keys or their
//! first words: a party ([`name_keys`]: "Imbler" for "Imbler v. Pachtman",
//! "Long" for "Long Beach", "Gault" for "In re Gault"), or more weakly a
//! party's tail ([`tail_keys`]: "Boerne" for "City of Boerne v. Flores").

/// What opens a party's name without being part of how it is cited short.
const PARTY_PREFIXES: [&str; 3] = ["In re ", "Ex parte ", "In the Matter of "];

/// The parties of a case name, as written: "Goldstein v. Long Beach"
/// gives "Goldstein" and "Long Beach"; "In re Gault" gives "Gault".
pub(crate) fn parties(name: &str) -> impl Iterator<Item = &str> {
    // New York writes "Rogers v Rogers".
    let sep = if split_at_words(name, " v. ").nth(1).is_some() {
        " v. "
    } else {
        " v "
    };
    split_at_words(name, sep)
        .map(|p| {
            let p = p.trim();
            PARTY_PREFIXES
                .iter()
                .find_map(|pre| p.strip_prefix(pre))
                .unwrap_or(p)
        })
        .filter(|p| !p.is_empty())
}

/// `text` split at each `sep` as [`str::split`] splits it: the places of
/// `sep`'s first byte are found by `memchr`, which costs a short name
/// less than setting up a substring search.
fn split_at_words<'t>(text: &'t str, sep: &'t str) -> impl Iterator<Item = &'t str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let r = rest?;
        let first = sep.as_bytes()[0];
        let at = memchr::memchr_iter(first, r.as_bytes()).find(|&i| r[i..].starts_with(sep));
        match at {
            Some(i) => {
                rest = Some(&r[i + sep.len()..]);
                Some(&r[..i])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// The keys a full case citation can be found by later: the whole name
/// and each party ("Goldstein v. Long Beach" gives "Goldstein" and "Long
/// Beach"), a party's name also without what follows its first comma
/// ("Dun & Bradstreet" for "Dun & Bradstreet, Inc."). A short name finds the case when it is a key or a key's first
/// words.
pub(crate) fn name_keys(name: &str) -> Vec<&str> {
    let mut keys = Vec::with_capacity(4);
    keys.push(name);
    for party in parties(name) {
        // "Reed Elsevier, Inc.": also "Reed Elsevier", as a supra names it;
        // not a lone abbreviation ("Assn., Inc." of a name cut short).
        let proper = split_at_words(party, ", ")
            .next()
            .filter(|p| p.len() < party.len())
            .filter(|p| p.contains(' ') || !p.ends_with('.'));
        for k in std::iter::once(party).chain(proper) {
            if !keys.contains(&k) {
                keys.push(k);
            }
        }
    }
    keys
}

/// The most words of a short name a parenthetical gives a case.
const GIVEN_NAME_WORDS: usize = 4;

/// The short name a parenthetical after a full case citation gives the
/// case: "(hereinafter Delaware Valley I)", or a few capitalized words
/// alone ("(MCFL)", "(Mitchell II)", "(Press-Enterprise I)"); not a
/// court ("(CA9)", "(ED La.)") nor a clause of the Constitution ("(Due
/// Process Clause)").
pub(crate) fn given_name(parenthetical: &str) -> Option<&str> {
    let p = parenthetical.trim();
    let p = p.strip_prefix("hereinafter ").unwrap_or(p);
    // One word more than a short name has is enough to tell it is none.
    let words: Vec<&str> = p.split_whitespace().take(GIVEN_NAME_WORDS + 1).collect();
    let capitalized = |w: &&str| {
        w.starts_with(|c: char| c.is_uppercase())
            && !w.ends_with(['.', ',', ';', ':'])
            && !w.contains(|c: char| c.is_ascii_digit())
    };
    let last = words.last()?;
    let named = words.len() <= GIVEN_NAME_WORDS
        && words.iter().all(capitalized)
        && !matches!(*last, "Clause" | "Amendment" | "Act");
    named.then_some(p)
}

/// Weaker keys: each party's tail from a capitalized word on ("City of
/// Boerne" gives "Boerne", "Board of Comm'rs of Bryan Cty." gives "Bryan
/// Cty."), by which a supra may name a case that no party begins with.
pub(crate) fn tail_keys(name: &str) -> Vec<&str> {
    let mut keys: Vec<&str> = Vec::new();
    for party in parties(name) {
        for i in memchr::memchr_iter(b' ', party.as_bytes()) {
            let tail = &party[i + 1..];
            if tail.starts_with(|c: char| c.is_uppercase()) && !keys.contains(&tail) {
                keys.push(tail);
            }
        }
    }
    keys
}

/// Whether `key` is `short` or begins with it and a space: "Long Beach"
/// begins with "Long", not with "Lon".
pub(crate) fn begins_with_words(key: &str, short: &str) -> bool {
    key.strip_prefix(short)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
}

/// Whether a case name of a full citation answers to the name of a short
/// form ("Imbler" for "Imbler v. Pachtman").
pub(crate) fn party_matches(full: &str, short: &str) -> bool {
    !short.is_empty()
        && name_keys(full)
            .iter()
            .chain(&tail_keys(full))
            .any(|k| begins_with_words(k, short))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_key_by_party_and_its_tails() {
        assert_eq!(
            name_keys("Goldstein v. Long Beach"),
            ["Goldstein v. Long Beach", "Goldstein", "Long Beach"]
        );
        assert_eq!(tail_keys("Goldstein v. Long Beach"), ["Beach"]);
        assert_eq!(name_keys("In re Gault"), ["In re Gault", "Gault"]);
        assert!(tail_keys("In re Gault").is_empty());
        assert_eq!(
            name_keys("Dun & Bradstreet, Inc. v. Greenmoss Builders, Inc."),
            [
                "Dun & Bradstreet, Inc. v. Greenmoss Builders, Inc.",
                "Dun & Bradstreet, Inc.",
                "Dun & Bradstreet",
                "Greenmoss Builders, Inc.",
                "Greenmoss Builders",
            ]
        );
        assert_eq!(tail_keys("City of Boerne v. Flores"), ["Boerne"]);
    }

    #[test]
    fn a_short_name_matches_a_party_or_its_first_or_last_words() {
        assert!(party_matches("Imbler v. Pachtman", "Imbler"));
        assert!(party_matches("Imbler v. Pachtman", "Pachtman"));
        assert!(party_matches("Imbler v. Pachtman", "Imbler v. Pachtman"));
        assert!(party_matches("Goldstein v. Long Beach", "Long"));
        assert!(party_matches("City of Boerne v. Flores", "Boerne"));
        assert!(party_matches("In re Gault", "Gault"));
        assert!(!party_matches("Imbler v. Pachtman", "Imb"));
        assert!(!party_matches("Imbler v. Pachtman", "Kalina"));
        assert!(!party_matches("Imbler v. Pachtman", ""));
        assert!(party_matches(
            "Reed Elsevier, Inc. v. Muchnick",
            "Reed Elsevier"
        ));
    }

    #[test]
    fn a_parenthetical_of_a_few_capitalized_words_names_the_case() {
        assert_eq!(given_name("MCFL"), Some("MCFL"));
        assert_eq!(given_name("Mitchell II"), Some("Mitchell II"));
        assert_eq!(
            given_name("hereinafter Delaware Valley I"),
            Some("Delaware Valley I")
        );
        assert_eq!(given_name("CA9"), None);
        assert_eq!(given_name("ED La."), None);
        assert_eq!(given_name("Due Process Clause"), None);
        assert_eq!(given_name("plurality opinion"), None);
        assert_eq!(given_name("SCALIA, J., dissenting"), None);
        assert_eq!(given_name("Congress Members do not"), None);
        assert_eq!(
            given_name("Four Capitalized Words Here"),
            Some("Four Capitalized Words Here")
        );
        assert_eq!(given_name("Five Capitalized Words Are Here"), None);
    }
}

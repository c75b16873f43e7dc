//! Authors and titles of articles and books: how a byline divides into
//! authors and a title, what a title looks like, and how a short form
//! names a work again.
//!
//! One rule, used by extraction and resolution alike: a byline's first
//! comma-separated part is its author when it reads as a person's name
//! ("Kamisar", "W. LaFave", "Hansmann & Kraakman", "J. Moore et al.") or a
//! body's ("Federal Judicial Center", "Dept. of Justice"); the parts after
//! it are authors too while they read as persons' names ("3 A. Scott, W.
//! Fratcher, & M. Ascher, Scott and Ascher on Trusts"); a title remains.
//! A short form names the authors by their surnames: "LaFave" or "LaFave
//! & Scott" for "W. LaFave & A. Scott".

/// Lowercase words a person's name may hold ("de Tocqueville", "J. Moore
/// et al.").
const NAME_PARTICLES: [&str; 6] = ["de", "van", "von", "der", "la", "du"];
/// Lowercase words a body's name may hold ("Dept. of Justice").
const BODY_CONNECTORS: [&str; 5] = ["of", "for", "the", "on", "and"];
/// The most words a body's name is read over.
const NAME_WORDS: usize = 8;
/// The most words one person's name is read over ("A. de Tocqueville").
const PERSON_WORDS: usize = 4;

/// Divides a byline ("Kamisar, A Dissent from the Miranda Dissents") into
/// its authors and its title, spaces folded; a byline of one part is an
/// author when it reads as a person's name ("Kerr" before "102 Mich. L.
/// Rev., at 805"), else a title ("Black's Law Dictionary").
pub(crate) fn split_byline(byline: &str) -> (Option<String>, Option<String>) {
    let parts: Vec<&str> = byline.split(", ").map(str::trim).collect();
    let mut authors = 0;
    let designation = DESIGNATIONS.contains(&parts[0]);
    if parts.len() > 1 && !designation && (is_person(parts[0]) || is_body(parts[0])) {
        authors = 1 + more_persons(&parts[1..]);
    } else if parts.len() == 1 && is_person(parts[0]) {
        return (Some(fold(parts[0])), None);
    }
    let author = (authors > 0).then(|| fold(&parts[..authors].join(", ")));
    let title = parts[authors..].join(", ");
    let title = (!title.is_empty()).then(|| fold(&title));
    (author, title)
}

/// How many of `parts` (after a byline's first author) list more
/// authors: each a person's name with initials ("A. Scott, W. Fratcher, &
/// M. Ascher"), or a list that "&" closes ("Ziegler, Lew, & Singer"); a
/// title is left over.
fn more_persons(parts: &[&str]) -> usize {
    let persons = parts
        .iter()
        .take(parts.len().saturating_sub(1))
        .take_while(|p| is_person(p))
        .count();
    let initials = parts[..persons]
        .iter()
        .take_while(|p| p.split_whitespace().any(is_initials))
        .count();
    let closed = (0..persons)
        .rev()
        .find(|&k| parts[k].starts_with("& ") || parts[k].starts_with("and "));
    initials.max(closed.map_or(0, |k| k + 1))
}

/// The designations of students' work and the like, written where an
/// author's name goes ("Wille, Note, The Right to Use Waste Water").
const DESIGNATIONS: [&str; 5] = [
    "Note",
    "Comment",
    "Recent Development",
    "Book Review",
    "Notes",
];

/// Whether `part` reads as the names of persons, each its initials and
/// one capitalized surname ("W. LaFave", "Hansmann & Kraakman", "& D.
/// Owen", "J. Moore et al."): no lowercase word but a particle, no
/// abbreviation but initials.
pub(crate) fn is_person(part: &str) -> bool {
    let part = part.trim();
    if DESIGNATIONS.contains(&part) {
        return false;
    }
    let part = part.strip_prefix("& ").unwrap_or(part);
    let part = part.strip_suffix(" et al.").unwrap_or(part);
    let mut any = false;
    for p in part.split([',', '&']).flat_map(|p| p.split(" and ")) {
        let p = p.trim();
        let p = p.strip_prefix("and ").unwrap_or(p);
        if p.is_empty() {
            continue;
        }
        if !one_person(p) {
            return false;
        }
        any = true;
    }
    any
}

/// One person's name: initials, then one surname, perhaps with a particle
/// or "Jr." ("W. LaFave", "Kamisar", "A. de Tocqueville").
fn one_person(p: &str) -> bool {
    let mut surnames = 0;
    if p.split_whitespace().count() > PERSON_WORDS {
        return false;
    }
    for w in p.split_whitespace() {
        if NAME_PARTICLES.contains(&w) || matches!(w, "Jr." | "Sr.") || is_initials(w) {
            continue;
        }
        if !is_surname(w) {
            return false;
        }
        surnames += 1;
    }
    surnames == 1
}

/// Whether `part` reads as the name of a body ("Federal Judicial Center",
/// "Dept. of Justice", "CBO"): capitalized words and abbreviations joined
/// by "of", "for", "the", "on", "and" or "&".
pub(crate) fn is_body(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= NAME_WORDS
        && words[0].starts_with(|c: char| c.is_uppercase())
        && words.iter().all(|w| {
            *w == "&"
                || BODY_CONNECTORS.contains(w)
                || (w.starts_with(|c: char| c.is_uppercase())
                    && !w.contains(|c: char| c.is_ascii_digit() || c == ':'))
        })
}

/// A capitalized surname: "LaFave", "O'Connor", "Scott", "Hansmann".
fn is_surname(w: &str) -> bool {
    let w = w.trim_end_matches(',');
    w.chars().next().is_some_and(char::is_uppercase)
        && w.chars().count() >= 2
        && w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '\'' | '-'))
}

/// Initials: "W.", "M.M.".
fn is_initials(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 2
        && b.len() % 2 == 0
        && b.chunks(2)
            .all(|p| p[0].is_ascii_uppercase() && p[1] == b'.')
}

/// Words a title writes in lowercase ("Commentaries on the Laws of
/// England", "Prosser and Keeton on Law of Torts").
const TITLE_SMALL_WORDS: [&str; 36] = [
    "a", "about", "after", "against", "al.", "among", "an", "and", "as", "at", "before", "between",
    "by", "de", "des", "du", "during", "et", "for", "from", "in", "into", "its", "la", "of", "on",
    "or", "over", "the", "their", "through", "to", "toward", "under", "upon", "with",
];

/// Whether `title` reads as the title of a work, not prose: it opens with
/// a capital, a digit or a quotation, and its words are capitalized but
/// for the small words of titles ("Commentaries on the Laws of England",
/// "Criminal Law: The General Part", "Literature for Children in England
/// and America from 1646 to 1774"); no case name ("Smith v. Jones").
pub(crate) fn is_title(title: &str) -> bool {
    let opens = title.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '"');
    opens
        && !title.contains(" v. ")
        && title.split_whitespace().any(|w| {
            w.trim_start_matches(['"', '\''])
                .starts_with(|c: char| c.is_uppercase())
        })
        && title.split_whitespace().all(|w| {
            let w = w.trim_start_matches(['"', '\'', '(', '[']);
            !w.starts_with(|c: char| c.is_lowercase())
                || TITLE_SMALL_WORDS.contains(&w.trim_end_matches([',', ':', ';']))
        })
}

/// Folds runs of spaces to one.
fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The names a short form may give authors by: their surnames joined by
/// " & " ("LaFave & Scott" for "W. LaFave & A. Scott"; "Wright, Miller, &
/// Cooper" is also "Wright & Miller"), the first surname alone, and a
/// body's name as written ("Federal Judicial Center").
pub(crate) fn author_keys(author: &str) -> Vec<String> {
    let surnames = surnames(author);
    let mut keys = Vec::new();
    if let Some(first) = surnames.first() {
        if surnames.len() > 1 {
            keys.push(surnames.join(" & "));
            if surnames.len() > 2 {
                keys.push(format!("{first} & {}", surnames[1]));
            }
        }
        keys.push((*first).to_string());
    }
    let whole = fold(author);
    if !keys.contains(&whole) {
        keys.push(whole);
    }
    keys
}

/// The surnames of a list of persons ("W. Keeton, D. Dobbs, R. Keeton, &
/// D. Owen" gives "Keeton", "Dobbs", "Keeton", "Owen"); none for a body.
fn surnames(author: &str) -> Vec<&str> {
    let mut out = Vec::new();
    if !is_person(author) {
        return out;
    }
    let author = author.strip_suffix(" et al.").unwrap_or(author);
    for person in author
        .split([',', '&'])
        .flat_map(|p| p.split(" and "))
        .map(str::trim)
    {
        let person = person.strip_prefix("and ").unwrap_or(person);
        if person.is_empty() {
            continue;
        }
        let last = person
            .split_whitespace()
            .rev()
            .find(|w| is_surname(w) && !matches!(*w, "Jr." | "Sr."));
        out.extend(last);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_divide_into_authors_and_a_title() {
        let (a, t) = split_byline("Kamisar, A Dissent from the Miranda Dissents");
        assert_eq!(a.as_deref(), Some("Kamisar"));
        assert_eq!(t.as_deref(), Some("A Dissent from the Miranda Dissents"));
        let (a, t) = split_byline("A. Scott, W. Fratcher, & M. Ascher, Scott and Ascher on Trusts");
        assert_eq!(a.as_deref(), Some("A. Scott, W. Fratcher, & M. Ascher"));
        assert_eq!(t.as_deref(), Some("Scott and Ascher on Trusts"));
        let (a, t) =
            split_byline("Federal Judicial Center, Reference Manual on Scientific Evidence");
        assert_eq!(a.as_deref(), Some("Federal Judicial Center"));
        assert_eq!(
            t.as_deref(),
            Some("Reference Manual on Scientific Evidence")
        );
        let (a, t) =
            split_byline("R. Seavoy, Origins of the American Business Corporation, 1784-1855");
        assert_eq!(a.as_deref(), Some("R. Seavoy"));
        assert_eq!(
            t.as_deref(),
            Some("Origins of the American Business Corporation, 1784-1855")
        );
        assert_eq!(
            split_byline("Black's Law Dictionary"),
            (None, Some("Black's Law Dictionary".to_string()))
        );
        assert_eq!(split_byline("Kerr"), (Some("Kerr".to_string()), None));
        let (a, t) = split_byline("Ziegler, Lew, & Singer, The Accuracy of Drug Information");
        assert_eq!(a.as_deref(), Some("Ziegler, Lew, & Singer"));
        assert_eq!(t.as_deref(), Some("The Accuracy of Drug Information"));
        let (a, t) = split_byline("Henning, Loyalty, Paternalism, and Rights: Client Counseling");
        assert_eq!(a.as_deref(), Some("Henning"));
        assert_eq!(
            t.as_deref(),
            Some("Loyalty, Paternalism, and Rights: Client Counseling")
        );
        let (a, t) = split_byline("Wille, Note, The Right to Use Waste Water");
        assert_eq!(a.as_deref(), Some("Wille"));
        assert_eq!(t.as_deref(), Some("Note, The Right to Use Waste Water"));
    }

    #[test]
    fn titles_are_capitalized_but_for_small_words() {
        assert!(is_title("Commentaries on the Laws of England"));
        assert!(is_title("Criminal Law: The General Part"));
        assert!(is_title("Black's Law Dictionary"));
        assert!(is_title("\"Crack\" Cocaine"));
        assert!(!is_title("the Court held in"));
        assert!(!is_title("Congress enacted the Act in"));
        assert!(!is_title("Smith v. Jones"));
        assert!(!is_title("8-277 to"));
    }

    #[test]
    fn prose_is_no_name() {
        assert!(!is_person("the Court held"));
        assert!(!is_person("In 1990"));
        assert!(is_person("J. Moore et al."));
        assert!(!is_person("Federal Judicial Center"));
        assert!(is_person("Stevens & Stevens"));
        assert!(is_person("Prosser and Keeton"));
        assert!(is_person("R. Fallon, J. Manning, D. Meltzer, & D. Shapiro"));
        assert!(is_person("& D. Owen"));
        assert!(!is_body("Origins of the Corporation, 1784"));
        assert!(is_body("Dept. of Justice"));
    }
}

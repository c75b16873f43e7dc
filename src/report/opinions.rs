//! The opinions of a decision: where each begins and ends in the reading
//! text, who wrote it, what pages it runs over and what footnotes it has,
//! so that "ante, at 5" and "post, at 45 (opinion of KAVANAUGH, J.)" can
//! be checked against the opinion they mean.
//!
//! An opinion begins where the section changes (the syllabus, the opinion
//! of the Court, a concurrence, a dissent), where a caption follows the
//! text of another opinion on a page 1 (each slip opinion opens with its
//! own caption and numbers its pages from 1), at an author line ("JUSTICE
//! SOTOMAYOR, concurring.") after another one, and where the page numbers
//! start again.

use crate::normalize::{Block, BlockKind, Normalized, Section};
use std::collections::{HashMap, HashSet};

/// What an opinion is, as its author line or section says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// The opinion of the Court, a per curiam, its appendix; a plurality's
    /// parts headed "Opinion of ALITO, J.".
    Court,
    /// A concurrence.
    Concurring,
    /// A dissent.
    Dissenting,
    /// Concurring in part and dissenting in part.
    Both,
    /// The syllabus or the front matter: never what "ante" or "post"
    /// refers to.
    NotAnOpinion,
}

/// One opinion of the decision (or the syllabus, or the front matter).
#[derive(Clone, Debug)]
pub(crate) struct Opinion {
    /// The section of its first block.
    pub section: Section,
    /// Its author's surname in capitals ("SOTOMAYOR"), from its author
    /// line; `None` when it has none.
    pub author: Option<String>,
    /// Whether the author line names the Chief Justice ("THE CHIEF
    /// JUSTICE", "CHIEF JUSTICE ROBERTS"), whom a parenthetical names as
    /// "ROBERTS, C. J.".
    pub chief: bool,
    /// What it is.
    pub role: Role,
    /// Its first block and one past its last.
    pub blocks: std::ops::Range<usize>,
    /// The first and last page it runs over, when the text is paginated.
    pub pages: Option<(u32, u32)>,
    /// Its footnote labels.
    pub footnotes: HashSet<String>,
}

impl Opinion {
    /// Whether this is (part of) the opinion of the Court.
    pub fn is_court(&self) -> bool {
        self.role == Role::Court
    }

    fn add_page(&mut self, p: u32) {
        self.pages = Some(match self.pages {
            Some((lo, hi)) => (lo.min(p), hi.max(p)),
            None => (p, p),
        });
    }
}

/// The role a section gives an opinion without an author line.
fn section_role(s: Section) -> Role {
    match s {
        Section::Front | Section::Syllabus => Role::NotAnOpinion,
        Section::Concurrence => Role::Concurring,
        Section::Dissent => Role::Dissenting,
        Section::Statement => Role::Both,
        // A separate part without an author line is a Justice's part of
        // the Court's opinion ("Opinion of KENNEDY, J.").
        Section::Opinion | Section::PerCuriam | Section::Appendix | Section::Separate => {
            Role::Court
        }
    }
}

/// An author line: "JUSTICE SOTOMAYOR, with whom JUSTICE KAGAN joins,
/// dissenting.", "CHIEF JUSTICE ROBERTS delivered the opinion of the
/// Court.", "Justice Gorsuch, dissenting.", "PER CURIAM.". Gives the author
/// (`None` for a per curiam), whether the Chief Justice wrote it, and its
/// role.
pub(crate) fn author_line(text: &str) -> Option<(Option<String>, bool, Role)> {
    let t = text.trim();
    if t.len() > 400 {
        return None;
    }
    if strip_prefix_ci(t, "per curiam").is_some() {
        return Some((None, false, Role::Court));
    }
    let (rest, chief) = if let Some(r) = strip_prefix_ci(t, "the chief justice") {
        (r, true)
    } else if let Some(r) = strip_prefix_ci(t, "chief justice ") {
        (r, true)
    } else if let Some(r) = strip_prefix_ci(t, "justice ") {
        (r, false)
    } else {
        return None;
    };
    // The name, unless "THE CHIEF JUSTICE" stands for it.
    let the_chief = chief && t.len() - rest.len() == "the chief justice".len();
    let name_len = if the_chief {
        0
    } else {
        rest.find(|c: char| !(c.is_alphabetic() || "'’-".contains(c)))
            .unwrap_or(rest.len())
    };
    let (name, after) = rest.split_at(name_len);
    // "JUSTICE X, dissenting.", "JUSTICE X delivered the opinion":
    // not "JUSTICE GORSUCH seems to disagree".
    let lower = after.to_lowercase();
    if !(lower.starts_with(',')
        || lower.starts_with(" delivered")
        || lower.starts_with(" announced"))
    {
        return None;
    }
    // The role is in the last clause, after the names of those who join.
    let words: String = lower.replace(['\u{ad}', '-', ' '], "");
    let last = words.rsplit(',').next().unwrap_or("");
    let role = if words.starts_with("delivered") || words.starts_with("announced") {
        Role::Court
    } else {
        match (last.contains("concur"), last.contains("dissent")) {
            (true, true) => Role::Both,
            (true, false) => Role::Concurring,
            (false, true) => Role::Dissenting,
            (false, false) => return None,
        }
    };
    let author = (!name.is_empty()).then(|| name.to_uppercase());
    Some((author, chief, role))
}

/// `s` without `prefix`, compared ignoring ASCII case.
fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

/// The opinions of a document, in order; every block belongs to one.
pub(crate) fn opinions(norm: &Normalized) -> Vec<Opinion> {
    let mut out: Vec<Opinion> = Vec::new();
    let mut at = Place::default();
    for (i, b) in norm.blocks().iter().enumerate() {
        let text = &norm.reading()[b.reading.clone()];
        // An author line may have the paragraph after it joined to it
        // ("JUSTICE KENNEDY, concurring in the judgment. The Court's").
        let first_sentence = text.split(". ").next().unwrap_or(text);
        let author = match b.kind {
            BlockKind::Heading => author_line(first_sentence),
            BlockKind::Paragraph if !at.body && !at.authored => author_line(first_sentence),
            _ => None,
        };
        let restart = match (out.last(), b.kind) {
            (None, _) => true,
            (Some(o), _) if o.section != b.section => true,
            // Each slip opinion opens with its caption, on its page 1.
            (Some(_), BlockKind::Caption) => at.body && b.slip_page.is_none_or(|p| p == 1),
            (Some(_), _) if author.is_some() => at.authored,
            (Some(_), BlockKind::Footnote) => false,
            (Some(_), _) => pages_restart(b.slip_page, at.last_page),
        };
        if restart {
            out.push(Opinion {
                section: b.section,
                author: None,
                chief: false,
                role: section_role(b.section),
                blocks: i..i,
                pages: None,
                footnotes: HashSet::new(),
            });
            at = Place::default();
        }
        let o = out.last_mut().expect("pushed above");
        o.blocks.end = i + 1;
        if let Some((name, chief, role)) = author.filter(|_| !at.authored) {
            (o.author, o.chief, at.authored) = (name, chief, true);
            if o.role != Role::NotAnOpinion {
                o.role = role;
            }
        }
        add_block(o, norm, b);
        if matches!(b.kind, BlockKind::Paragraph | BlockKind::Heading) {
            at.body |= b.kind == BlockKind::Paragraph;
            at.last_page = at.last_page.max(b.slip_page);
        }
    }
    out
}

/// Where [`opinions`] is in the current opinion.
#[derive(Default)]
struct Place {
    /// Whether it has text (not caption or heading) yet.
    body: bool,
    /// Whether its author line was seen.
    authored: bool,
    /// The last page a block of its text began on.
    last_page: Option<u32>,
}

/// Whether a block's page says a new opinion began: its pages start again
/// at 1, or go back by more than one page (a footnote block may go back
/// one: it follows the paragraph its page ended in).
fn pages_restart(page: Option<u32>, last: Option<u32>) -> bool {
    match (page, last) {
        (Some(p), Some(l)) => p < l && (p == 1 || p + 1 < l),
        _ => false,
    }
}

/// Takes a block's pages and footnote label into its opinion.
fn add_block(o: &mut Opinion, norm: &Normalized, b: &Block) {
    let last = norm.slip_page_at(b.reading.end.saturating_sub(1).max(b.reading.start));
    for p in [b.slip_page, last].into_iter().flatten() {
        o.add_page(p);
    }
    if b.kind == BlockKind::Footnote {
        if let Some(label) = &b.footnote {
            o.footnotes.insert(label.clone());
        }
    }
}

/// The opinion an explanatory parenthetical after "ante, at 5" or "post,
/// at 1" names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Named {
    /// "(opinion of the Court)", "(majority opinion)", "(plurality
    /// opinion)", "(Appendix to opinion of the Court)".
    Court,
    /// "(opinion of KAVANAUGH, J.)", "(SOTOMAYOR, J., dissenting)",
    /// "(joint opinion of SCALIA, KENNEDY, THOMAS, and ALITO, JJ.)":
    /// the first author, and whether named as Chief Justice ("ROBERTS, C.
    /// J.").
    Author(String, bool),
    /// "(concurring opinion)", "(dissenting opinion)", "(opinion
    /// concurring in judgment)": an opinion of that role.
    Role(Role),
}

/// What a parenthetical names, if it names an opinion of the decision.
/// One that quotes or cites ("quoting Harmelin, 501 U. S., at 999 (opinion
/// of KENNEDY, J.)") names none.
pub(crate) fn named_opinion(parenthetical: &str) -> Option<Named> {
    let p = parenthetical.trim();
    if p.len() > 120 {
        return None;
    }
    let lower = p.to_lowercase().replace(['\u{ad}'], "");
    let squeezed = lower.replace(' ', "");
    const COURT: &[&str] = &[
        "opinionofthecourt",
        "majorityopinion",
        "pluralityopinion",
        "principalopinion",
        "leadopinion",
        "court'sopinion",
        "court’sopinion",
    ];
    if COURT.iter().any(|c| squeezed.starts_with(c))
        || squeezed.starts_with("appendixtoopinionofthecourt")
    {
        return Some(Named::Court);
    }
    let names = lower
        .strip_prefix("opinion of ")
        .or_else(|| lower.strip_prefix("joint opinion of "))
        .map(|r| &p[p.len() - r.len()..])
        .unwrap_or(p);
    if let Some((name, chief)) = justice_named(names) {
        return Some(Named::Author(name, chief));
    }
    let role_words = [
        "concurringopinion",
        "dissentingopinion",
        "opinionconcurring",
        "opiniondissenting",
        "concurringinpart",
        "dissent",
    ];
    if role_words.iter().any(|w| squeezed.starts_with(w)) {
        let role = match (squeezed.contains("concur"), squeezed.contains("dissent")) {
            (true, true) => Role::Both,
            (true, false) => Role::Concurring,
            _ => Role::Dissenting,
        };
        return Some(Named::Role(role));
    }
    None
}

/// "KAVANAUGH, J.", "ROBERTS, C. J, concurring", "SCALIA, KENNEDY, THOMAS,
/// and ALITO, JJ.": the first surname, in capitals as the Reports print
/// it, and whether it is the Chief Justice's.
fn justice_named(s: &str) -> Option<(String, bool)> {
    let name: String = s
        .chars()
        .take_while(|c| c.is_uppercase() || "'’-".contains(*c))
        .collect();
    if name.chars().filter(|c| c.is_uppercase()).count() < 2 {
        return None;
    }
    let rest = s[name.len()..].trim_start_matches([',', ' ']);
    let after_names =
        if rest.starts_with("JJ.") || rest.starts_with("J.") || rest.starts_with("C. J") {
            rest
        } else {
            // "SCALIA, KENNEDY, THOMAS, and ALITO, JJ.": the rest of the list.
            let at = rest.find("JJ.")?;
            if rest[..at]
                .chars()
                .any(|c| c.is_lowercase() && !"and ".contains(c))
            {
                return None;
            }
            &rest[at..]
        };
    let chief = after_names.starts_with("C. J");
    Some((name, chief))
}

/// An opinion, or the opinion of the Court taken whole, that a reference
/// to the decision's pages may mean.
#[derive(Clone, Debug)]
pub(crate) struct Target<'a> {
    /// What it is, for messages: "the opinion of the Court", "the dissent
    /// of JUSTICE SOTOMAYOR".
    pub name: String,
    /// The pages it runs over.
    pub pages: Option<(u32, u32)>,
    /// Its footnote labels, per opinion it is made of.
    pub footnotes: Vec<&'a HashSet<String>>,
}

impl Target<'_> {
    /// Whether pages `page..=end` are pages of it. The last page of an
    /// opinion may lack its page head in the text: one page past the last
    /// one seen counts.
    pub fn holds(&self, page: u32, end: u32) -> bool {
        self.pages
            .is_some_and(|(lo, hi)| lo <= page && end <= hi.saturating_add(1))
    }
}

/// The most opinions "ante" or "post" is checked against: a decision has
/// a handful; a text with more is no decision's.
const MAX_OPINIONS: usize = 32;

/// The opinion of the Court taken whole: its parts' pages and footnotes.
struct Court {
    name: &'static str,
    pages: Option<(u32, u32)>,
    footnotes: HashSet<String>,
}

/// The opinions of a document and the opinion of the Court taken whole
/// (its parts, its appendix and a plurality's parts number their pages as
/// one sequence).
pub(crate) struct Decision<'n> {
    norm: &'n Normalized,
    opinions: Vec<Opinion>,
    /// The opinion of the Court taken whole.
    court: Option<Court>,
    /// The opinions by author; the Chief Justice's also under "".
    by_author: HashMap<String, Vec<usize>>,
}

impl<'n> Decision<'n> {
    /// The opinions of `norm`.
    pub fn new(norm: &'n Normalized) -> Decision<'n> {
        let opinions = opinions(norm);
        let mut court: Option<Court> = None;
        let mut by_author: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, o) in opinions.iter().enumerate() {
            if o.role == Role::NotAnOpinion {
                continue;
            }
            if o.is_court() {
                let name = match o.section {
                    Section::PerCuriam => "the per curiam opinion",
                    _ => "the opinion of the Court",
                };
                let c = court.get_or_insert(Court {
                    name,
                    pages: None,
                    footnotes: HashSet::new(),
                });
                c.pages = match (c.pages, o.pages) {
                    (Some((a, b)), Some((x, y))) => Some((a.min(x), b.max(y))),
                    (p, q) => p.or(q),
                };
                c.footnotes.extend(o.footnotes.iter().cloned());
            }
            for key in [o.author.clone(), o.chief.then(String::new)]
                .into_iter()
                .flatten()
            {
                let list = by_author.entry(key).or_default();
                if list.len() < MAX_OPINIONS {
                    list.push(i);
                }
            }
        }
        Decision {
            norm,
            opinions,
            court,
            by_author,
        }
    }

    /// The opinion a position of the original text is in: the last one
    /// that begins at or before it. Found by the source, not the reading
    /// text, where a footnote that runs on past its page (as pdftotext
    /// may give it) can carry text of the next opinion.
    pub fn at_source(&self, source: usize) -> Option<usize> {
        let blocks = self.norm.blocks();
        let i = self
            .opinions
            .partition_point(|o| blocks[o.blocks.start].span.start <= source);
        i.checked_sub(1)
    }

    /// The opinion of the Court, taken whole; `None` when the document
    /// has none.
    pub fn court(&self) -> Option<Target<'_>> {
        let c = self.court.as_ref()?;
        Some(Target {
            name: c.name.to_string(),
            pages: c.pages,
            footnotes: vec![&c.footnotes],
        })
    }

    /// What the citation in opinion `here` refers to with a page of its
    /// own document ("supra, at 10", "Part II, infra", a syllabus's "Pp.
    /// 3-6"): the opinion of the Court from the syllabus or from the
    /// Court's opinion, else the opinion it is in.
    pub fn own(&self, here: usize) -> Option<Target<'_>> {
        let o = &self.opinions[here];
        if o.is_court() || o.section == Section::Syllabus {
            return self.court();
        }
        Some(self.target(o))
    }

    /// What "ante" or "post" in opinion `here` may mean: the opinion its
    /// parenthetical names, else any other opinion of the decision before
    /// it (ante) or after it (post), the opinion of the Court taken whole;
    /// the nearest [`MAX_OPINIONS`] of them. Empty when nothing can be
    /// said: the named author wrote no opinion of the text, or no opinion
    /// lies that way.
    pub fn other(&self, here: usize, ante: bool, named: Option<&Named>) -> Vec<Target<'_>> {
        let away: Vec<&Opinion> = if ante {
            self.opinions[..here].iter().rev().collect()
        } else {
            self.opinions[here + 1..].iter().collect()
        };
        let mut way = away
            .into_iter()
            .filter(|o| o.role != Role::NotAnOpinion)
            .take(MAX_OPINIONS);
        let pick: Vec<&Opinion> = match named {
            Some(Named::Court) => return self.court().into_iter().collect(),
            Some(Named::Author(name, chief)) => {
                let mut found: Vec<usize> = Vec::new();
                for key in [Some(name.clone()), chief.then(String::new)]
                    .into_iter()
                    .flatten()
                {
                    found.extend(self.by_author.get(&key).into_iter().flatten());
                }
                found.sort_unstable();
                found.dedup();
                found
                    .into_iter()
                    .filter(|&i| i != here)
                    .map(|i| &self.opinions[i])
                    .filter(|o| o.author.as_ref() == Some(name) || o.author.is_none())
                    .collect()
            }
            Some(Named::Role(role)) => {
                let all: Vec<&Opinion> = way.by_ref().collect();
                let fits =
                    |o: &&&Opinion| o.role == *role || o.role == Role::Both || *role == Role::Both;
                let of_role: Vec<&Opinion> = all.iter().filter(fits).copied().collect();
                if of_role.is_empty() { all } else { of_role }
            }
            None => way.collect(),
        };
        let mut out: Vec<Target<'_>> = pick
            .iter()
            .filter(|o| !o.is_court())
            .map(|o| self.target(o))
            .collect();
        if pick.iter().any(|o| o.is_court()) {
            out.extend(self.court());
        }
        out
    }

    fn target<'s>(&'s self, o: &'s Opinion) -> Target<'s> {
        let what = match o.role {
            Role::Concurring => "the concurrence",
            Role::Dissenting => "the dissent",
            Role::Both | Role::Court => "the separate opinion",
            Role::NotAnOpinion => "this part",
        };
        let name = match (&o.author, o.chief) {
            (Some(a), false) => format!("{what} of JUSTICE {a}"),
            (Some(a), true) => format!("{what} of CHIEF JUSTICE {a}"),
            (None, true) => format!("{what} of THE CHIEF JUSTICE"),
            (None, false) if o.section == Section::Syllabus => "the syllabus".to_string(),
            (None, false) => what.to_string(),
        };
        Target {
            name,
            pages: o.pages,
            footnotes: vec![&o.footnotes],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn author_lines_give_author_and_role() {
        assert_eq!(
            author_line("JUSTICE SOTOMAYOR, with whom JUSTICE KAGAN joins, dissenting."),
            Some((Some("SOTOMAYOR".into()), false, Role::Dissenting))
        );
        assert_eq!(
            author_line("Justice Sotomayor, concurring."),
            Some((Some("SOTOMAYOR".into()), false, Role::Concurring))
        );
        assert_eq!(
            author_line("CHIEF JUSTICE ROBERTS delivered the opinion of the Court."),
            Some((Some("ROBERTS".into()), true, Role::Court))
        );
        assert_eq!(
            author_line("THE CHIEF JUSTICE, concurring in the judgment."),
            Some((None, true, Role::Concurring))
        );
        assert_eq!(
            author_line("JUSTICE SCALIA, concurring in part and dissenting in part."),
            Some((Some("SCALIA".into()), false, Role::Both))
        );
        assert_eq!(author_line("PER CURIAM."), Some((None, false, Role::Court)));
        assert_eq!(
            author_line(
                "JUSTICE KENNEDY, with whom JUSTICE SOTOMAYOR joins, concurring in part and concurring in the judgment"
            ),
            Some((Some("KENNEDY".into()), false, Role::Concurring))
        );
        assert_eq!(
            author_line(
                "JUSTICE KAGAN took no part in the consideration or decision of this case."
            ),
            None
        );
        assert_eq!(author_line("I join the Court's opinion."), None);
        assert_eq!(
            author_line("THE CHIEF JUSTICE’s opinion’s approach, concurring"),
            None
        );
        assert_eq!(
            author_line("JUSTICE GORSUCH seems to disagree, dissenting."),
            None
        );
    }

    #[test]
    fn parentheticals_name_opinions() {
        let a = |n: &str| Some(Named::Author(n.to_string(), false));
        assert_eq!(named_opinion("opinion of KAVANAUGH, J."), a("KAVANAUGH"));
        assert_eq!(named_opinion("SOTOMAYOR, J., dissenting"), a("SOTOMAYOR"));
        assert_eq!(
            named_opinion("KAGAN, J., joined by SOTOMAYOR and JACKSON, JJ., concurring in part"),
            a("KAGAN")
        );
        assert_eq!(
            named_opinion("joint opinion of SCALIA, KENNEDY, THOMAS, and ALITO, JJ."),
            a("SCALIA")
        );
        assert_eq!(
            named_opinion("ROBERTS, C. J, concurring in judgment"),
            Some(Named::Author("ROBERTS".into(), true))
        );
        assert_eq!(named_opinion("majority opinion"), Some(Named::Court));
        assert_eq!(named_opinion("opinion of the Court"), Some(Named::Court));
        assert_eq!(
            named_opinion("Appendix to opinion of the Court"),
            Some(Named::Court)
        );
        assert_eq!(named_opinion("plurality opinion"), Some(Named::Court));
        assert_eq!(
            named_opinion("dissenting opinion"),
            Some(Named::Role(Role::Dissenting))
        );
        assert_eq!(
            named_opinion("concur ring opinion"),
            Some(Named::Role(Role::Concurring))
        );
        assert_eq!(
            named_opinion("opinion concurring in part and dissenting in part"),
            Some(Named::Role(Role::Both))
        );
        for none in [
            "internal quotation marks omitted",
            "quoting Harmelin, 501 U. S., at 999 (opinion of KENNEDY, J.)",
            "emphasis added",
            "same",
            "quoting 552 F. 3d, at 921, n. 1",
        ] {
            assert_eq!(named_opinion(none), None, "{none}");
        }
    }
}

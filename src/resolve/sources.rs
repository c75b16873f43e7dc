//! Sources that are no cases: the article, book or legislative material a
//! supra ("Kamisar, supra, at 70"), a reference ("Federalist, at 466"
//! after "(hereinafter Federalist)"), a short form ("LaFave §6.8",
//! "Restatement §66", "Kerr, 102 Mich. L. Rev., at 805") or a "supra note
//! 3" names.
//!
//! Each full citation of a source is remembered by the names a short form
//! may give it ([`names_of`]): its authors' surnames
//! ([`authors::author_keys`]), its title, the short name "hereinafter"
//! gave it; an article also by its volume and periodical; every full
//! citation by the footnote it stands in. A name finds the latest source
//! it is, or whose name it begins ("Judicial Business" for "Judicial
//! Business of the United States Courts").

use super::ids::Role;
use crate::citation::{Citation, Form, Journal, Legislative, Secondary, SecondaryKind};
use crate::law::authors;
use crate::law::names::begins_with_words;
use std::collections::{BTreeMap, HashMap};

/// How many sources one name keeps, the latest.
const KEEP: usize = 16;
/// How many longer names one short name is looked up in.
const MAX_NAMES_SHARING_A_WORD: usize = 32;

/// The warning of a short form no source cited before answers to.
pub(super) const NO_SOURCE: &str = "no earlier full citation of a source by this name";

/// The sources cited in full so far.
#[derive(Default)]
pub(super) struct Sources {
    /// By every name a short form may give them, sorted, so that a short
    /// name finds the longer names it begins in one range search.
    by_name: BTreeMap<String, Vec<usize>>,
    /// Articles by volume and periodical.
    by_journal: HashMap<(u32, String), Vec<usize>>,
    /// Every full citation (of a case too), by the footnote it stands in.
    by_note: HashMap<u32, Vec<usize>>,
    /// The last Restatement cited in full.
    last_restatement: Option<usize>,
    /// By the short name a "hereinafter" gave them, which names nothing
    /// else after it.
    by_short_name: HashMap<String, usize>,
}

impl Sources {
    /// An article, book or legislative material: a full citation is
    /// remembered; a short form ("LaFave §6.8", "102 Mich. L. Rev., at
    /// 805") finds the full citation it names.
    pub(super) fn source(&mut self, cites: &mut [Citation], i: usize) -> Role {
        if cites[i].authority.is_some() {
            self.remember(cites, i);
            return Role::Pages;
        }
        let hit = match &cites[i].form {
            Form::Journal(j) => self.article(cites, j),
            Form::Secondary(b) if b.short => self.book(cites, b),
            _ => None,
        };
        match hit {
            Some(j) => {
                cites[i].authority = cites[j].authority.clone();
                cites[i].antecedent = Some(j);
            }
            None => cites[i].warnings.push(NO_SOURCE.to_string()),
        }
        Role::Pages
    }

    /// Remembers every full citation by the footnote it stands in, for a
    /// "supra note 3".
    pub(super) fn note(&mut self, cites: &[Citation], i: usize) {
        let c = &cites[i];
        let full = matches!(
            c.form,
            Form::FullCase(_) | Form::Journal(_) | Form::Secondary(_) | Form::Legislative(_)
        );
        if let (true, Some(n), Some(_)) = (full, c.place.footnote, &c.authority) {
            let list = self.by_note.entry(n).or_default();
            if list.len() < KEEP {
                list.push(i);
            }
        }
    }

    /// A supra or a reference by the short name a "hereinafter" gave a
    /// source ("Davis 8" after "2 J. Davis, Essays ... (hereinafter
    /// Davis)"), which wins over a case of that name: sets its authority
    /// and target; whether it was one.
    pub(super) fn short_named(&self, cites: &mut [Citation], i: usize) -> bool {
        let name = match &cites[i].form {
            Form::Supra(s) if s.note.is_none() => &s.case_name,
            Form::Reference(r) => &r.case_name,
            _ => return false,
        };
        let Some(&j) = self.by_short_name.get(name) else {
            return false;
        };
        refer_to(cites, i, j);
        true
    }

    /// A supra or a reference no case answered to: the source its name
    /// (or "supra note 3") names. Sets its authority and target and drops
    /// `warning`, the case resolver's, when one is found.
    pub(super) fn named(&self, cites: &mut [Citation], i: usize, warning: &str) {
        let (name, note) = match &cites[i].form {
            Form::Supra(s) => (s.case_name.clone(), s.note),
            Form::Reference(r) => (r.case_name.clone(), None),
            _ => return,
        };
        let hit = match note {
            Some(n) => self.in_note(cites, n, &name),
            None => self.lookup(&name).last().copied(),
        };
        let Some(j) = hit else { return };
        refer_to(cites, i, j);
        cites[i].warnings.retain(|w| w != warning);
    }

    /// "Id., §4.11.6, at 24" after a book: that book at another section.
    /// `None` when the citation `j` the Id. refers to is no book.
    pub(super) fn id_section(cites: &mut [Citation], i: usize, j: usize) -> Option<Role> {
        let Form::Id(id) = &cites[i].form else {
            return None;
        };
        let section = id.section.clone()?;
        let Some(Form::Secondary(b)) = cites[j].form.effective() else {
            return None;
        };
        let target = Secondary {
            section: Some(section),
            ..b.clone()
        };
        let authority = cites[j].authority.clone();
        let c = &mut cites[i];
        c.authority = authority;
        c.antecedent = Some(j);
        if let Form::Id(id) = &mut c.form {
            id.target = Some(Box::new(Form::Secondary(target)));
            // "Id., §22, at 69" is a page of the book, no other source.
            id.other_source = None;
        }
        Some(Role::Pages)
    }

    /// Remembers full citation `i` by its names.
    fn remember(&mut self, cites: &[Citation], i: usize) {
        if let Some(h) = &cites[i].hereinafter {
            self.by_short_name.insert(h.clone(), i);
        }
        for name in names_of(&cites[i]) {
            keep(self.by_name.entry(name).or_default(), i);
        }
        match &cites[i].form {
            Form::Journal(j) => {
                let key = (j.volume, j.journal.clone());
                keep(self.by_journal.entry(key).or_default(), i);
            }
            Form::Secondary(b) if b.kind == SecondaryKind::Restatement => {
                self.last_restatement = Some(i);
            }
            _ => {}
        }
    }

    /// The article a short form of one names: the latest of its volume and
    /// periodical, by its author when it names one.
    fn article(&self, cites: &[Citation], short: &Journal) -> Option<usize> {
        let list = self
            .by_journal
            .get(&(short.volume, short.journal.clone()))?;
        let by_author = short.author.as_deref().and_then(|a| {
            list.iter().rev().copied().find(|&j| {
                cites[j]
                    .author()
                    .is_some_and(|full| authors::author_keys(full).iter().any(|k| k == a))
            })
        });
        by_author.or_else(|| list.last().copied())
    }

    /// The book a short form names: by its author ("LaFave §6.8") or its
    /// short title ("Restatement §66", "Third Restatement §95").
    fn book(&self, cites: &[Citation], short: &Secondary) -> Option<usize> {
        let name = short.author.as_deref().unwrap_or(&short.title);
        if let Some(&j) = self.lookup(name).last() {
            return Some(j);
        }
        // "Restatement §66", "Restatement (Second) §111": the Restatement
        // cited last.
        let restatement = short.kind == SecondaryKind::Restatement;
        self.last_restatement.filter(|&j| {
            restatement
                && cites[j]
                    .title()
                    .is_some_and(|t| same_series(t, &short.title))
        })
    }

    /// The full citations known by `name` or by a name it begins, in
    /// order.
    fn lookup(&self, name: &str) -> Vec<usize> {
        super::cases::lookup(&self.by_name, name, MAX_NAMES_SHARING_A_WORD)
    }

    /// The citation footnote `n` holds that `name` names, else its first
    /// source: what "X, supra note 3" means.
    fn in_note(&self, cites: &[Citation], n: u32, name: &str) -> Option<usize> {
        let list = self.by_note.get(&n)?;
        let named = list.iter().copied().find(|&j| {
            names_of(&cites[j])
                .iter()
                .any(|k| begins_with_words(k, name))
                || cites[j]
                    .case_name()
                    .is_some_and(|c| crate::law::names::party_matches(c, name))
        });
        named.or_else(|| list.first().copied())
    }
}

/// Resolves supra or reference `i` to the source full citation `j` cites:
/// its authority, and its form as the target.
fn refer_to(cites: &mut [Citation], i: usize, j: usize) {
    let target = cites[j].form.effective().cloned().map(Box::new);
    let authority = cites[j].authority.clone();
    let c = &mut cites[i];
    c.authority = authority;
    c.antecedent = Some(j);
    match &mut c.form {
        Form::Supra(s) => s.target = target,
        Form::Reference(r) => r.target = target,
        _ => {}
    }
}

/// Whether a short Restatement name ("Restatement", "Restatement
/// (Second)", "Second Restatement") may mean the full title `full`.
fn same_series(full: &str, short: &str) -> bool {
    ["First", "Second", "Third", "Fourth"]
        .iter()
        .all(|s| !short.contains(s) || full.contains(s))
}

/// Adds citation `i` to a list kept by name: the latest [`KEEP`], so that
/// a document citing one source thousands of times stays linear.
fn keep(list: &mut Vec<usize>, i: usize) {
    if list.len() == KEEP {
        list.remove(0);
    }
    list.push(i);
}

/// The names a short form may give a full citation of a source: its
/// authors' surnames, its title, the short name "hereinafter" gave it,
/// and for the Congressional Globe "Cong. Globe".
pub(super) fn names_of(c: &Citation) -> Vec<String> {
    let mut names = Vec::new();
    if let Some(a) = c.author() {
        names.extend(authors::author_keys(a));
    }
    if let Some(t) = c.title().filter(|t| !t.is_empty()) {
        names.push(t.to_string());
    }
    match &c.form {
        Form::Legislative(Legislative::Globe { .. }) => names.push("Cong. Globe".to_string()),
        Form::Legislative(Legislative::Hearing { title }) => names.push(title.clone()),
        _ => {}
    }
    if let Some(h) = &c.hereinafter {
        names.push(h.clone());
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::citation::{Place, Supra};
    use crate::normalize::Section;
    use crate::span::Span;

    /// A citation of `form` with `authority`, in footnote `note`.
    fn cite(form: Form, authority: Option<&str>, note: Option<u32>) -> Citation {
        Citation {
            form,
            span: Span::new(0, 0),
            text: String::new(),
            authority: authority.map(str::to_string),
            pins: Vec::new(),
            signal: None,
            parenthetical: None,
            section: Section::Opinion,
            slip_page: None,
            warnings: Vec::new(),
            antecedent: None,
            place: Place {
                footnote: note,
                ..Place::default()
            },
            hereinafter: None,
        }
    }

    fn article(author: &str, volume: u32, page: u32) -> Form {
        Form::Journal(Journal {
            author: Some(author.to_string()),
            title: Some("A Title".to_string()),
            volume,
            journal: "Mich. L. Rev.".to_string(),
            page: Some(page),
            year: None,
        })
    }

    fn supra(name: &str, note: Option<u32>) -> Form {
        Form::Supra(Supra {
            case_name: name.to_string(),
            note,
            target: None,
        })
    }

    #[test]
    fn supra_note_finds_the_source_its_footnote_cites_by_name() {
        let mut cites = vec![
            cite(article("Allen", 60, 1), Some("60 Mich. L. Rev. 1"), Some(3)),
            cite(
                article("Kamisar", 65, 59),
                Some("65 Mich. L. Rev. 59"),
                Some(3),
            ),
            cite(
                article("Kamisar", 70, 9),
                Some("70 Mich. L. Rev. 9"),
                Some(4),
            ),
            cite(supra("Kamisar", Some(3)), None, None),
            cite(supra("Baker", Some(3)), None, None),
            cite(supra("Kamisar", Some(9)), None, None),
        ];
        crate::resolve::resolve(&mut cites);
        assert_eq!(cites[3].authority.as_deref(), Some("65 Mich. L. Rev. 59"));
        assert_eq!(cites[3].antecedent, Some(1));
        assert!(matches!(&cites[3].form, Form::Supra(s) if s.target.is_some()));
        // No source of that name: the footnote's first.
        assert_eq!(cites[4].authority.as_deref(), Some("60 Mich. L. Rev. 1"));
        // A footnote that cites nothing.
        assert_eq!(cites[5].authority, None);
        assert!(!cites[5].warnings.is_empty());
    }

    #[test]
    fn a_supra_by_author_takes_the_latest_work() {
        let mut cites = vec![
            cite(
                article("Kamisar", 65, 59),
                Some("65 Mich. L. Rev. 59"),
                None,
            ),
            cite(article("Kamisar", 70, 9), Some("70 Mich. L. Rev. 9"), None),
            cite(supra("Kamisar", None), None, None),
        ];
        crate::resolve::resolve(&mut cites);
        assert_eq!(cites[2].authority.as_deref(), Some("70 Mich. L. Rev. 9"));
        assert_eq!(
            cites[2].category(),
            Some(crate::citation::Category::Secondary)
        );
    }

    #[test]
    fn restatement_series_must_agree() {
        assert!(same_series("Restatement (Second) of Torts", "Restatement"));
        assert!(same_series(
            "Restatement (Second) of Torts",
            "Restatement (Second)"
        ));
        assert!(!same_series(
            "Restatement (Third) of Torts",
            "Second Restatement"
        ));
    }
}

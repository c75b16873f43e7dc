//! Statutes: the code a bare section ("§1983") or an "Id. §5" belongs to.

use super::ids::Role;
use crate::citation::{Citation, Form, Statute};
use crate::law::sections::base_section;
use std::collections::HashMap;

/// The warning of a bare section no code was cited with before it.
const NO_EARLIER_SECTION: &str = "no earlier full citation of this section";

/// The statute citations seen so far.
#[derive(Default)]
pub(super) struct Statutes {
    /// The last citation with a code, per section without subsections.
    by_section: HashMap<String, usize>,
    /// The last citation of a section with a code.
    last_coded: Option<usize>,
}

impl Statutes {
    /// A statute citation: one naming its code is remembered; a bare
    /// section takes the code its section was last cited with.
    pub(super) fn statute(&mut self, cites: &mut [Citation], i: usize) -> Role {
        let Some(s) = cites[i].statute().cloned() else {
            return Role::Pages;
        };
        match s {
            // "83 Stat. 86" is cited by page: an "Id., at 88" after it
            // means its page 88.
            Statute::Large { .. } => Role::Pages,
            Statute::PublicLaw { .. } => Role::Section,
            Statute::Section {
                bare: false,
                section,
                ..
            } => {
                self.by_section
                    .insert(base_section(&section).to_string(), i);
                self.last_coded = Some(i);
                Role::Section
            }
            Statute::Section {
                bare: true,
                section,
                ..
            } => {
                let hit = self.by_section.get(base_section(&section)).copied();
                let code = hit.and_then(|j| cites[j].statute().and_then(Statute::code).cloned());
                match code {
                    Some(code) => {
                        cites[i].authority = Some(code.key(&section));
                        cites[i].antecedent = hit;
                        if let Form::Statute(Statute::Section { code: c, .. }) = &mut cites[i].form
                        {
                            *c = Some(code);
                        }
                    }
                    None => cites[i].warnings.push(NO_EARLIER_SECTION.to_string()),
                }
                Role::Skipped
            }
        }
    }

    /// After the pass: a bare section no code was cited with before takes
    /// the code its section is cited with later ("§ 1328 ... n. 1: § 1328
    /// refers to 11 U.S.C. § 1328"), as a reader of the whole page would.
    pub(super) fn resolve_forward(&self, cites: &mut [Citation]) {
        for i in 0..cites.len() {
            let Some(Statute::Section {
                bare: true,
                section,
                code: None,
            }) = cites[i].statute().cloned()
            else {
                continue;
            };
            let later = self.by_section.get(base_section(&section));
            let code = later.and_then(|&j| cites[j].statute().and_then(Statute::code));
            let Some(code) = code.cloned() else {
                continue;
            };
            let c = &mut cites[i];
            c.authority = Some(code.key(&section));
            c.warnings.retain(|w| w != NO_EARLIER_SECTION);
            if let Form::Statute(Statute::Section { code: written, .. }) = &mut c.form {
                *written = Some(code);
            }
        }
    }

    /// "Id. §5": a section of the statute last cited with its code.
    /// `None` when the Id. names no section.
    pub(super) fn id_section(&self, cites: &mut [Citation], i: usize) -> Option<Role> {
        let Form::Id(id) = &cites[i].form else {
            return None;
        };
        let section = id.section.clone()?;
        let code = self
            .last_coded
            .and_then(|j| cites[j].statute().and_then(Statute::code).cloned());
        let c = &mut cites[i];
        match code {
            Some(code) => {
                c.authority = Some(code.key(&section));
                if let Form::Id(id) = &mut c.form {
                    let code = Some(code);
                    let bare = false;
                    let statute = Statute::Section {
                        code,
                        section,
                        bare,
                    };
                    id.target = Some(Box::new(Form::Statute(statute)));
                }
            }
            None => c
                .warnings
                .push("no earlier statute for this Id.".to_string()),
        }
        Some(Role::Section)
    }
}

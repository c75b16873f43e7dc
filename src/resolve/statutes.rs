//! Statutes: the code a bare section ("§1983") or an "Id. §5" belongs to.

use super::ids::Role;
use crate::citation::{Citation, Form, Statute};
use crate::law::sections::base_section;
use std::collections::HashMap;

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
                let code = hit.and_then(|j| cites[j].statute().and_then(Statute::code));
                match code {
                    Some(code) => {
                        cites[i].authority = Some(format!("{code} § {section}"));
                        cites[i].antecedent = hit;
                        if let Form::Statute(Statute::Section { code: c, .. }) = &mut cites[i].form
                        {
                            *c = Some(code);
                        }
                    }
                    None => cites[i]
                        .warnings
                        .push("no earlier full citation of this section".to_string()),
                }
                Role::Skipped
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
            .and_then(|j| cites[j].statute().and_then(Statute::code));
        let c = &mut cites[i];
        match code {
            Some(code) => {
                c.authority = Some(format!("{code} § {section}"));
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

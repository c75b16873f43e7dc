//! What an "Id." refers to: the citation before it, in the body or in its
//! footnote.

use crate::citation::{Citation, Form, Statute};

/// What a citation is to the "Id."s after it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// A passing mention an Id. does not refer to: a bare section, "ante,
    /// at 5".
    Skipped,
    /// A statute section: an Id. with a page pin does not refer to it.
    Section,
    /// A citation of pages: a case, a record page, a Statutes at Large
    /// page.
    Pages,
}

/// What an "Id." may refer to at one point of the text: the last citation
/// of any kind but a bare section mention, the last that cites pages (no
/// statute section, for an Id. with a page pin), and the last of those that
/// is no Statutes at Large page either (for a page pin before that page).
#[derive(Clone, Copy, Default)]
pub(super) struct IdState {
    prev: Option<usize>,
    last_page_cite: Option<usize>,
    last_case_cite: Option<usize>,
}

impl IdState {
    /// Records citation `i`, of `role`, as what later Id.s may refer to.
    pub(super) fn record(&mut self, cites: &[Citation], i: usize, role: Role) {
        if role != Role::Skipped {
            self.prev = Some(i);
        }
        if role == Role::Pages {
            self.last_page_cite = Some(i);
            if stat_page(&cites[i]).is_none() {
                self.last_case_cite = Some(i);
            }
        }
    }

    /// The citation an Id. refers to: with a page pin, the last citation
    /// of pages ("83 Stat. 86 ... id., at 88": that Act's page; a page
    /// before it is no page of the Act, but of the case before); without,
    /// the last citation.
    pub(super) fn antecedent_of(&self, cites: &[Citation], id: &Citation) -> Option<usize> {
        let Some(pin) = first_page_pin(id) else {
            return self.prev;
        };
        match self.last_page_cite {
            Some(j) if stat_page(&cites[j]).is_some_and(|p| pin < p) => self.last_case_cite,
            other => other,
        }
    }
}

/// The Id. states of the body and of the footnote being read.
#[derive(Default)]
pub(super) struct Ids {
    body: IdState,
    /// The body's Id. state after each body citation, by its offset.
    history: Vec<(usize, IdState)>,
    /// The state within the footnote (block) being read.
    note: Option<(usize, IdState)>,
}

impl Ids {
    /// The state an Id. at citation `c` starts from: the body's; in a
    /// footnote, the footnote's so far, or first there, the body's at the
    /// footnote's call.
    pub(super) fn state_at(&self, c: &Citation) -> IdState {
        match c.place.note_call {
            None => self.body,
            Some(call) => match self.note {
                Some((b, st)) if b == c.place.block => st,
                _ => {
                    let k = self.history.partition_point(|&(at, _)| at < call);
                    k.checked_sub(1)
                        .map_or_else(IdState::default, |k| self.history[k].1)
                }
            },
        }
    }

    /// Keeps `state` as the state after citation `c`.
    pub(super) fn store(&mut self, c: &Citation, state: IdState) {
        match c.place.note_call {
            None => {
                self.body = state;
                self.history.push((c.place.matching.start, state));
            }
            Some(_) => self.note = Some((c.place.block, state)),
        }
    }
}

/// Resolves Id. `i` to refer to citation `j`, whose authority is that of
/// `target` (`j` itself, or the member of `j`'s parallel group the pin
/// fits). An Id. without a pin takes its antecedent's pins.
pub(super) fn refer(cites: &mut [Citation], i: usize, j: usize, target: usize) -> Role {
    let authority = cites[target].authority.clone();
    let form = cites[target].form.effective().cloned();
    let source = cites[target].other_source().map(str::to_string);
    let unresolved = authority.is_none();
    let role = match cites[j].form.effective() {
        Some(Form::Statute(s)) if s.large_page().is_none() => Role::Section,
        _ => Role::Pages,
    };
    if cites[i].pins.is_empty() {
        let from = if matches!(cites[j].form, Form::FullCase(_)) {
            target
        } else {
            j
        };
        cites[i].pins = cites[from].pins.clone();
    }
    let c = &mut cites[i];
    c.authority = authority;
    c.antecedent = Some(j);
    if let Some(source) = source {
        // An Id. chain on a source pincite does not recognize.
        c.warnings.push(unrecognized(&source));
        set_other_source(c, source);
    } else if unresolved {
        let w = "the citation Id. refers to is unresolved".to_string();
        c.warnings.push(w);
    }
    if let Form::Id(id) = &mut c.form {
        id.target = form.map(Box::new);
    }
    role
}

fn set_other_source(c: &mut Citation, source: String) {
    if let Form::Id(id) = &mut c.form {
        id.other_source = Some(source);
    }
}

/// The first page of a Statutes at Large citation ("83 Stat. 86" -> 86),
/// also of an Id. resolved to one.
fn stat_page(c: &Citation) -> Option<u32> {
    c.form
        .effective()
        .and_then(|f| match f {
            Form::Statute(s) => Some(s),
            _ => None,
        })
        .and_then(Statute::large_page)
}

/// The first page a citation pins, if any.
pub(super) fn first_page_pin(c: &Citation) -> Option<u32> {
    c.pins.iter().find_map(|p| p.page)
}

/// The warning of an Id. that refers to `source`, which pincite does not
/// parse as a citation.
pub(super) fn unrecognized(source: &str) -> String {
    format!("Id. refers to a source pincite does not recognize (\"{source}\")")
}

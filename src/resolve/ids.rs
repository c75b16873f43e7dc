//! What an "Id." refers to: the citation before it, in the body or in its
//! footnote.

use crate::citation::{Citation, Form, Regulation, Statute};

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
    /// The last citation inside the explanatory parenthetical of `prev`
    /// ("(quoting Smith, 1 U.S. 1)"), which an Id. means only when its pin
    /// says so.
    quoted: Option<usize>,
}

impl IdState {
    /// Records citation `i`, of `role`, as what later Id.s may refer to.
    pub(super) fn record(&mut self, cites: &[Citation], i: usize, role: Role) {
        if cites[i].place.nested {
            if role != Role::Skipped {
                self.quoted = Some(i);
            }
            return;
        }
        if role != Role::Skipped {
            self.prev = Some(i);
            self.quoted = None;
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
        let j = match self.last_page_cite {
            Some(j) if stat_page(&cites[j]).is_some_and(|p| pin < p) => self.last_case_cite,
            other => other,
        };
        match (j, self.quoted) {
            (Some(j), Some(k)) if j == self.prev.unwrap_or(usize::MAX) => {
                Some(if pin_prefers(cites, k, j, pin) { k } else { j })
            }
            (j, _) => j,
        }
    }
}

/// Whether the Id. pin `pin` means citation `quoted`, inside the
/// parenthetical of `main`, rather than `main` itself: the pin is a page
/// only the quoted case holds, or one nearer a page it was cited at ("(citing
/// Sinking Fund Cases, 99 U. S. 700, 720). ... Id., at 720").
fn pin_prefers(cites: &[Citation], quoted: usize, main: usize, pin: u32) -> bool {
    let (fits_q, dist_q) = closeness(cites, quoted, pin);
    let (fits_m, dist_m) = closeness(cites, main, pin);
    fits_q && (!fits_m || dist_q < dist_m)
}

/// Whether page `pin` can be a page of what citation `i` cites (its first
/// page at or below the pin, within [`PIN_REACH`] pages), and how far it
/// lies from the nearest page the citation pins or, without pins, from the
/// first page.
fn closeness(cites: &[Citation], i: usize, pin: u32) -> (bool, u32) {
    let first = first_page_of(cites, i);
    let fits = first.is_some_and(|f| f <= pin && pin - f <= PIN_REACH);
    let dist = cites[i]
        .pins
        .iter()
        .filter_map(|p| p.page)
        .map(|p| p.abs_diff(pin))
        .min()
        .or_else(|| first.map(|f| pin.saturating_sub(f)))
        .unwrap_or(u32::MAX);
    (fits, dist)
}

/// How far past its first page a pin may lie and still be read as a page
/// of that case.
const PIN_REACH: u32 = 300;

/// The first page of the case citation `i` cites: its own, or that of the
/// full citation it was resolved to (a short form, a supra, an Id.).
fn first_page_of(cites: &[Citation], i: usize) -> Option<u32> {
    let mut k = i;
    // Antecedents point back: a bounded walk.
    for _ in 0..4 {
        if let Some(p) = cites[k].first_page() {
            return Some(p);
        }
        k = cites[k].antecedent.filter(|&a| a < k)?;
    }
    None
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
    /// Makes room for the states after `n` citations.
    pub(super) fn reserve(&mut self, n: usize) {
        self.history.reserve(n);
    }

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
    let role = cites[j].form.effective().map_or(Role::Pages, role_of);
    if cites[i].pins.is_empty() {
        let from = match cites[j].form {
            Form::FullCase(_) => target,
            // "Id. at 269-70. In Carroll, the surety was sued. Id.": the
            // pins last cited of the case a mention names.
            Form::Reference(_) if cites[j].pins.is_empty() => last_pinned(cites, j),
            _ => j,
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

/// What a citation of `form` is to the "Id."s after it: a statute's
/// section, a regulation's, a constitution's provision or a rule is cited
/// by section (an Id. with a page pin does not refer to it); the
/// Statutes at Large, the Federal Register and everything else by page.
pub(super) fn role_of(form: &Form) -> Role {
    match form {
        Form::Statute(s) if s.large_page().is_none() => Role::Section,
        Form::Regulation(Regulation::FederalRegister { .. }) => Role::Pages,
        Form::Regulation(_) | Form::Constitution(_) | Form::Rule(_) => Role::Section,
        _ => Role::Pages,
    }
}

/// How far back an Id. after a mention looks for the case's last pins, in
/// citations.
const PINS_LOOKBACK: usize = 16;

/// The last citation before `j`, not far back, of `j`'s authority with pins;
/// `j` itself when there is none.
fn last_pinned(cites: &[Citation], j: usize) -> usize {
    let authority = &cites[j].authority;
    (j.saturating_sub(PINS_LOOKBACK)..j)
        .rev()
        .find(|&k| !cites[k].pins.is_empty() && cites[k].authority == *authority)
        .unwrap_or(j)
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

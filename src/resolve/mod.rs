//! Resolution: what Id., supra, short forms and bare sections stand for.
//!
//! One pass in document order. Each citation goes to the resolver of its
//! form: cases ([`cases`]) keep the last full citation per party name and
//! per volume and reporter; statutes ([`statutes`]) the code each section
//! was last cited with; sources that are no cases ([`sources`]) the names
//! of their authors and titles, which a supra no case answers to may
//! give; Id. ([`ids`]) the citations an "Id." may refer to at each point
//! of the body and of each footnote. A citation that cannot
//! be resolved keeps `authority: None` and says why in its warnings; it is
//! never dropped.

pub(crate) mod blank;
mod cases;
mod ids;
mod sources;
mod statutes;

use crate::citation::{Citation, Form};
use ids::{IdState, Ids, Role};

/// Fills in `authority` (and an inherited pin for "Ibid.") where the
/// citations before allow it; adds warnings where they do not.
///
/// An "Id." in the body refers to the body's citations; one in a footnote
/// to the citations before it in that footnote, or when it comes first
/// there, to the body's citations before the footnote's call.
///
/// A blank-page case ("554 U. S. ___") the document also cites with its
/// first page ("554 U. S. 570") takes that page's key.
pub(crate) fn resolve(cites: &mut [Citation]) {
    let mut r = Resolver::default();
    r.ids.reserve(cites.len());
    for i in 0..cites.len() {
        r.step(cites, i);
    }
    r.statutes.resolve_forward(cites);
    let mut blanks = blank::BlankPages::default();
    blanks.learn(cites);
    blank::apply(&blanks.map(), cites);
}

/// The state of the pass: what each form's resolver has seen so far.
#[derive(Default)]
struct Resolver {
    cases: cases::Cases,
    statutes: statutes::Statutes,
    sources: sources::Sources,
    ids: Ids,
}

impl Resolver {
    /// Resolves citation `i`, then records it for the citations after.
    fn step(&mut self, cites: &mut [Citation], i: usize) {
        let mut state = self.ids.state_at(&cites[i]);
        let role = match &cites[i].form {
            Form::FullCase(_) => self.cases.full(cites, i),
            Form::ShortCase(_) => self.cases.short(cites, i),
            Form::Supra(_) | Form::Reference(_) => {
                if self.sources.short_named(cites, i) {
                    Role::Pages
                } else {
                    let role = self.cases.supra(cites, i);
                    if cites[i].authority.is_none() {
                        self.sources.named(cites, i, cases::NO_NAME);
                    }
                    role
                }
            }
            Form::Id(_) => self.id(cites, i, &state),
            Form::Statute(_) => self.statutes.statute(cites, i),
            Form::Constitution(_) | Form::Regulation(_) => {
                self.statutes.sectioned(cites, i);
                ids::role_of(&cites[i].form)
            }
            Form::Rule(_) => Role::Section,
            Form::Journal(_) | Form::Secondary(_) | Form::Legislative(_) => {
                self.sources.source(cites, i)
            }
            Form::Internal(_) | Form::Record(_) => Role::Pages,
        };
        self.sources.note(cites, i);
        state.record(cites, i, role);
        self.ids.store(&cites[i], state);
    }

    /// An "Id.": of a section ("Id. §5"), of a source pincite does not
    /// parse, or of the citation before it.
    fn id(&mut self, cites: &mut [Citation], i: usize, state: &IdState) -> Role {
        // "Id., §4.11.6, at 24" after a treatise: a section of the book.
        if let Some(j) = state.antecedent_of(cites, &cites[i]) {
            if let Some(role) = sources::Sources::id_section(cites, i, j) {
                return role;
            }
        }
        if let Some(source) = cites[i].other_source() {
            let w = ids::unrecognized(source);
            cites[i].warnings.push(w);
            return Role::Pages;
        }
        if let Some(role) = self.statutes.id_section(cites, i) {
            return role;
        }
        let Some(j) = state.antecedent_of(cites, &cites[i]) else {
            let w = "no earlier citation for this Id.".to_string();
            cites[i].warnings.push(w);
            return Role::Pages;
        };
        let target = self.cases.parallel_choice(cites, j, i);
        self.cases.drop_parallel_pins(cites, i, target);
        ids::refer(cites, i, j, target)
    }
}

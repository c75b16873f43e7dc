//! Statutes and other enacted law cited by section: the code a bare
//! section ("§1983") belongs to, and what an "Id. §5" is a section of.

use super::ids::Role;
use crate::citation::{Citation, Code, Division, Form, Regulation, StateCode, Statute};
use crate::law::sections::{base_section, division_of};
use std::collections::{HashMap, HashSet};

/// The warning of a bare section no code was cited with before it.
const NO_EARLIER_SECTION: &str = "no earlier full citation of this section";
/// The warning of a section of a source pincite does not know.
const UNKNOWN_SOURCE: &str = "a section of a code or source pincite does not know";
/// How far after a section cited with its code, in bytes of the text, a
/// bare section of a number never cited with a code is read as a section
/// of the same code ("28 U. S. C. §2254 ... See §2255"), when its number
/// is as wide as those of the sections cited with that code.
const SAME_CODE_REACH: usize = 6000;

/// How many citations back that section is looked for.
const SAME_CODE_CITATIONS: usize = 64;

/// The citations by section seen so far.
#[derive(Default)]
pub(super) struct Statutes {
    /// The last citation with a code (or of the CFR, or a State's
    /// regulations), per section without subsections.
    by_section: HashMap<String, usize>,
    /// The sections (without subsections) cited of a source pincite does
    /// not know ("ERISA §502"), which a bare section of the same number
    /// cites again.
    unknown: HashSet<String>,
    /// The last citation of a section of anything an "Id. §5" may cite
    /// another section of: a code, the CFR, a constitution.
    last_sectioned: Option<usize>,
    /// The bare sections no code was found for during the pass.
    pending: Vec<usize>,
}

impl Statutes {
    /// A statute citation: one naming its code is remembered; a bare
    /// section takes the code its section was last cited with, else the
    /// code the document declares for its sections.
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
                code: None,
                section,
            } => {
                self.unknown.insert(base_section(&section).to_string());
                cites[i].warnings.push(UNKNOWN_SOURCE.to_string());
                Role::Skipped
            }
            Statute::Section {
                bare: false,
                section,
                ..
            } => {
                self.by_section
                    .insert(base_section(&section).to_string(), i);
                self.last_sectioned = Some(i);
                Role::Section
            }
            Statute::Section {
                bare: true,
                section,
                code: declared,
            } => {
                self.bare(cites, i, &section, declared);
                Role::Skipped
            }
        }
    }

    /// Bare section `i`: of what its section was last cited of, else of
    /// the code `declared` for the document's sections, else left for
    /// after the pass.
    fn bare(&mut self, cites: &mut [Citation], i: usize, section: &str, declared: Option<Code>) {
        if let Some(j) = self.by_section.get(base_section(section)).copied() {
            if cite_as(cites, i, j) {
                return;
            }
        }
        match declared {
            Some(code) => set_code(&mut cites[i], code, None),
            None => {
                cites[i].warnings.push(NO_EARLIER_SECTION.to_string());
                self.pending.push(i);
            }
        }
    }

    /// A citation of enacted law cited by section that is no statute (a
    /// regulation's section, a constitution's provision): what an "Id.
    /// §5" after it may cite another section of, and for a regulation's
    /// section, what a bare section of its number cites again.
    pub(super) fn sectioned(&mut self, cites: &[Citation], i: usize) {
        if with_section(&cites[i].form, "1").is_none() {
            return;
        }
        self.last_sectioned = Some(i);
        if let Form::Regulation(r) = &cites[i].form {
            if let Some(section) = regulation_section(r) {
                self.by_section.insert(base_section(section).to_string(), i);
            }
        }
    }

    /// After the pass: a bare section no code was found for takes the code
    /// its section is cited with later ("§ 1328 ... n. 1: § 1328 refers to
    /// 11 U.S.C. § 1328"), as a reader of the whole page would; failing
    /// that, and unless its number was cited of a source pincite does not
    /// know, the code of the section cited shortly before it, named or so
    /// found ("28 U. S. C. §2254 ... See §2255"), when the numbers of that
    /// code's sections are as wide ("§502(a)" after "29 U. S. C. §1132" is
    /// a section of the Act).
    pub(super) fn resolve_forward(&self, cites: &mut [Citation]) {
        let mut left = Vec::new();
        for &i in &self.pending {
            let Some(base) = cites[i].statute().and_then(section_of).map(base_section) else {
                continue;
            };
            let later = self.by_section.get(base).copied();
            let unknown = self.unknown.contains(base);
            if !later.is_some_and(|j| cite_as(cites, i, j)) && !unknown {
                left.push(i);
            }
        }
        if left.is_empty() {
            return;
        }
        let widths = section_widths(cites);
        for i in left {
            let Some(j) = sectioned_shortly_before(cites, i) else {
                continue;
            };
            let width = cites[i].statute().and_then(section_of).map_or(0, width_of);
            let wide_alike = source_of(&cites[j].form)
                .and_then(|s| widths.get(&s))
                .is_some_and(|w| w.contains(&width));
            if wide_alike {
                cite_as(cites, i, j);
            }
        }
    }

    /// "Id. §5", "Id., §1630.2(j)(4)": another section of the code,
    /// regulations or constitution last cited by section. `None` when the
    /// Id. names no section.
    pub(super) fn id_section(&self, cites: &mut [Citation], i: usize) -> Option<Role> {
        let Form::Id(id) = &cites[i].form else {
            return None;
        };
        let section = id.section.clone()?;
        let target = self.last_sectioned.and_then(|j| {
            let form = cites[j].form.effective()?;
            Some((j, with_section(form, &section)?))
        });
        let c = &mut cites[i];
        match target {
            Some((j, (form, key))) => {
                c.authority = Some(key);
                c.antecedent = Some(j);
                if let Form::Id(id) = &mut c.form {
                    id.target = Some(Box::new(form));
                }
            }
            None => c
                .warnings
                .push("no earlier statute for this Id.".to_string()),
        }
        Some(Role::Section)
    }
}

/// Makes bare section `i` a section of what citation `j` cites by section
/// (a code, the CFR, a State's regulations); whether `j` cites one.
fn cite_as(cites: &mut [Citation], i: usize, j: usize) -> bool {
    let Some(section) = cites[i].statute().and_then(section_of).map(str::to_string) else {
        return false;
    };
    let Some((form, key)) = cites[j]
        .form
        .effective()
        .and_then(|f| with_section(f, &section))
    else {
        return false;
    };
    let c = &mut cites[i];
    if let (Form::Statute(Statute::Section { code, .. }), Form::Statute(found)) =
        (&mut c.form, &form)
    {
        // A statute keeps its bareness: it was written without its code.
        *code = found.code().cloned();
    } else {
        c.form = form;
    }
    c.authority = Some(key);
    // An antecedent comes before: a code cited later is no antecedent.
    if j < i {
        c.antecedent = Some(j);
    }
    c.warnings.retain(|w| w != NO_EARLIER_SECTION);
    true
}

/// Gives bare section `c` the code `code` the document declares.
fn set_code(c: &mut Citation, code: Code, from: Option<usize>) {
    if let Form::Statute(Statute::Section {
        code: written,
        section,
        ..
    }) = &mut c.form
    {
        c.authority = Some(code.key(section));
        *written = Some(code);
    }
    if from.is_some() {
        c.antecedent = from;
    }
}

/// The section of a statute cited by section.
fn section_of(s: &Statute) -> Option<&str> {
    match s {
        Statute::Section { section, .. } => Some(section),
        _ => None,
    }
}

/// The section of a regulation cited by section (not a part, nor a page
/// of the Federal Register).
fn regulation_section(r: &Regulation) -> Option<&str> {
    match r {
        Regulation::Cfr {
            section,
            part: false,
            ..
        }
        | Regulation::State { section, .. } => Some(section),
        _ => None,
    }
}

/// How many digits the number of a section starts with: 4 for "2255(h)",
/// "1396r-4(f)"; 2 for "78j(b)", "42.56.010".
fn width_of(section: &str) -> usize {
    section.chars().take_while(char::is_ascii_digit).count()
}

/// What a citation by section is a section of, as a name: "28 U.S.C.",
/// "Cal. Penal Code", "29 C.F.R."; `None` for anything else.
fn source_of(form: &Form) -> Option<String> {
    match form {
        Form::Statute(Statute::Section {
            code: Some(code), ..
        }) => Some(code.to_string()),
        Form::Regulation(Regulation::Cfr {
            title, part: false, ..
        }) => Some(format!("{title} C.F.R.")),
        Form::Regulation(Regulation::State { code, title, .. }) => {
            Some(format!("{code} {}", title.as_deref().unwrap_or("")))
        }
        _ => None,
    }
}

/// For each code or regulations cited by section in the document with
/// its name ([`source_of`]), the widths of the numbers of its sections so
/// cited.
fn section_widths(cites: &[Citation]) -> HashMap<String, HashSet<usize>> {
    let mut widths: HashMap<String, HashSet<usize>> = HashMap::new();
    for c in cites {
        let section = match &c.form {
            Form::Statute(Statute::Section {
                section,
                bare: false,
                ..
            }) => section.as_str(),
            Form::Regulation(r) => match regulation_section(r) {
                Some(s) => s,
                None => continue,
            },
            _ => continue,
        };
        if let Some(source) = source_of(&c.form) {
            widths.entry(source).or_default().insert(width_of(section));
        }
    }
    widths
}

/// The citation by section with a code nearest before citation `i`,
/// within [`SAME_CODE_REACH`] bytes and [`SAME_CODE_CITATIONS`] citations
/// of it: a title of the U. S. Code, a
/// State's code, the CFR or a State's regulations (the Revised Statutes
/// are cited beside the U. S. Code's section).
fn sectioned_shortly_before(cites: &[Citation], i: usize) -> Option<usize> {
    let at = cites[i].place.matching.start;
    (0..i)
        .rev()
        .take(SAME_CODE_CITATIONS)
        .take_while(|&j| at.saturating_sub(cites[j].place.matching.end) <= SAME_CODE_REACH)
        .find(|&j| match &cites[j].form {
            Form::Statute(Statute::Section {
                code: Some(code), ..
            }) => *code != Code::RevisedStatutes,
            Form::Regulation(r) => regulation_section(r).is_some(),
            _ => false,
        })
}

/// Another section of what `form` cites by section, and its key: a code's
/// section, a regulation's, a constitution's provision in the same
/// article or amendment.
fn with_section(form: &Form, section: &str) -> Option<(Form, String)> {
    let (division, section) = division_of(section);
    let section = section.to_string();
    match form {
        Form::Statute(Statute::Section {
            code: Some(code), ..
        }) => {
            let code = match (division, code) {
                // "id., ch. 265, §2": another chapter of the code.
                (Some((kind, number)), Code::State(state)) => {
                    let number = number.to_string();
                    let division = if kind == "ch." {
                        Division::Chapter(number)
                    } else {
                        Division::Title(number)
                    };
                    Code::State(StateCode {
                        division: Some(division),
                        ..state.clone()
                    })
                }
                (Some(_), _) => return None,
                (None, code) => code.clone(),
            };
            let key = code.key(&section);
            let code = Some(code);
            let s = Statute::Section {
                code,
                section,
                bare: false,
            };
            Some((Form::Statute(s), key))
        }
        Form::Regulation(Regulation::Cfr { title, .. }) => {
            let r = Regulation::Cfr {
                title: *title,
                section,
                part: false,
            };
            let key = r.to_string();
            Some((Form::Regulation(r), key))
        }
        Form::Regulation(Regulation::State { code, title, .. }) => {
            let r = Regulation::State {
                code: code.clone(),
                title: title.clone(),
                section,
            };
            let key = r.to_string();
            Some((Form::Regulation(r), key))
        }
        Form::Constitution(c) if c.part.is_some() => {
            // "id., §3, cl. 5".
            let (section, clause) = match section.split_once(", cl. ") {
                Some((s, cl)) => (s.to_string(), Some(cl.to_string())),
                None => (section, None),
            };
            let mut c = c.clone();
            c.section = Some(section);
            c.clause = clause;
            let key = c.to_string();
            Some((Form::Constitution(c), key))
        }
        _ => None,
    }
}

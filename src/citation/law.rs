//! The data of citations of enacted law: constitutions, court rules and
//! regulations. (Statutes and their codes live beside [`super::Statute`].)
//!
//! Each type's `Display` is its authority key, in Bluebook form: the key
//! two spellings of the same provision share.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Which part of a constitution is cited.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ConstitutionPart {
    /// An article, by its Roman numeral ("I", "III").
    Article(String),
    /// An amendment, by its Roman numeral ("XIV"); the Supreme Court's
    /// "Amdt. 14" is read as "XIV".
    Amendment(String),
    /// The preamble.
    Preamble,
}

/// A constitution cited by article or amendment: "U. S. Const., Art. I,
/// §8, cl. 3", "U.S. Const. amend. IV", "Cal. Const. art. I, § 7".
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Constitution {
    /// Whose constitution: "U.S." or a State's abbreviation ("Cal.").
    pub jurisdiction: String,
    /// The article or amendment; `None` for the constitution as a whole.
    pub part: Option<ConstitutionPart>,
    /// The section ("8"), if cited.
    pub section: Option<String>,
    /// The clause ("3"), if cited.
    pub clause: Option<String>,
}

/// The key: "U.S. Const. art. I, § 8, cl. 3", "U.S. Const. amend. XIV, §
/// 1", "Cal. Const. art. I, § 7".
impl fmt::Display for Constitution {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} Const.", self.jurisdiction)?;
        match &self.part {
            Some(ConstitutionPart::Article(n)) => write!(f, " art. {n}")?,
            Some(ConstitutionPart::Amendment(n)) => write!(f, " amend. {n}")?,
            Some(ConstitutionPart::Preamble) => f.write_str(" pmbl.")?,
            None => {}
        }
        if let Some(s) = &self.section {
            write!(f, ", § {s}")?;
        }
        if let Some(c) = &self.clause {
            write!(f, ", cl. {c}")?;
        }
        Ok(())
    }
}

/// A rule of a court's rules: "Fed. Rule Civ. Proc. 23(b)(3)", "Fed. R.
/// Evid. 403", "this Court's Rule 10", "Sup. Ct. R. 14.1(a)".
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CourtRule {
    /// The rules, in Bluebook form: "Fed. R. Civ. P.", "Fed. R. Evid.",
    /// "Sup. Ct. R.".
    pub rules: String,
    /// The rule as written, subdivisions included: "23(b)(3)", "14.1(a)".
    pub number: String,
}

/// The key: "Fed. R. Civ. P. 23(b)(3)", "Sup. Ct. R. 10".
impl fmt::Display for CourtRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.rules, self.number)
    }
}

/// A regulation: a section or part of the Code of Federal Regulations, a
/// page of the Federal Register, or a section of a State's administrative
/// code.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Regulation {
    /// "29 CFR §1630.2(j)", "40 CFR pt. 51".
    Cfr {
        /// The title.
        title: u32,
        /// The section as written ("1630.2(j)"), or the part for `part`.
        section: String,
        /// Whether a part is cited ("pt. 51") rather than a section.
        part: bool,
    },
    /// "76 Fed. Reg. 16978": a volume and the first page of the document.
    FederalRegister {
        /// The volume.
        volume: u32,
        /// The first page.
        page: u32,
    },
    /// A section of a State's administrative code: "Cal. Code Regs., tit.
    /// 22, § 50035".
    State {
        /// The code, in Bluebook form ("Cal. Code Regs.").
        code: String,
        /// Its title, if the code is divided into numbered titles.
        title: Option<String>,
        /// The section as written.
        section: String,
    },
}

/// The key: "29 C.F.R. § 1630.2(j)", "40 C.F.R. pt. 51", "76 Fed. Reg.
/// 16978", "Cal. Code Regs. tit. 22, § 50035".
impl fmt::Display for Regulation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Regulation::Cfr {
                title,
                section,
                part: false,
            } => write!(f, "{title} C.F.R. § {section}"),
            Regulation::Cfr {
                title,
                section,
                part: true,
            } => write!(f, "{title} C.F.R. pt. {section}"),
            Regulation::FederalRegister { volume, page } => write!(f, "{volume} Fed. Reg. {page}"),
            Regulation::State {
                code,
                title,
                section,
            } => match title {
                Some(t) => write!(f, "{code} tit. {t}, § {section}"),
                None => write!(f, "{code} § {section}"),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_in_bluebook_form() {
        let c = Constitution {
            jurisdiction: "U.S.".into(),
            part: Some(ConstitutionPart::Article("I".into())),
            section: Some("8".into()),
            clause: Some("3".into()),
        };
        assert_eq!(c.to_string(), "U.S. Const. art. I, § 8, cl. 3");
        let r = CourtRule {
            rules: "Fed. R. Civ. P.".into(),
            number: "23(b)(3)".into(),
        };
        assert_eq!(r.to_string(), "Fed. R. Civ. P. 23(b)(3)");
        let g = Regulation::Cfr {
            title: 40,
            section: "51".into(),
            part: true,
        };
        assert_eq!(g.to_string(), "40 C.F.R. pt. 51");
    }
}

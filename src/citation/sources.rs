//! The data of citations of secondary sources (periodicals, books,
//! Restatements, dictionaries) and of legislative materials.
//!
//! Each type's `Display` is its authority key.

use serde::{Deserialize, Serialize};
use std::fmt;

/// An article in a periodical: "Kamisar, A Dissent from the Miranda
/// Dissents, 65 Mich. L. Rev. 59, 62 (1966)".
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Journal {
    /// The author as written ("Kamisar", "R. Fallon").
    pub author: Option<String>,
    /// The article's title as written.
    pub title: Option<String>,
    /// The volume.
    pub volume: u32,
    /// The periodical's abbreviation, as reporters-db's journals list
    /// spells it ("Mich. L. Rev.").
    pub journal: String,
    /// The first page; `None` in a short form that gives a pin only
    /// ("Kerr, 102 Mich. L. Rev., at 805"), whose key resolution finds.
    pub page: Option<u32>,
    /// The year in the closing parenthetical.
    pub year: Option<u16>,
}

/// The key: "65 Mich. L. Rev. 59" ("102 Mich. L. Rev." for a short form
/// without its first page).
impl fmt::Display for Journal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.volume, self.journal)?;
        match self.page {
            Some(p) => write!(f, " {p}"),
            None => Ok(()),
        }
    }
}

/// What kind of book a secondary source is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SecondaryKind {
    /// A treatise or other book: "5 C. Wright & A. Miller, Federal
    /// Practice and Procedure §1216 (3d ed. 2004)".
    Book,
    /// A Restatement: "Restatement (Second) of Torts §402A".
    Restatement,
    /// A dictionary: "Black's Law Dictionary 1320 (11th ed. 2019)".
    Dictionary,
    /// A paper of The Federalist: "The Federalist No. 78".
    Federalist,
    /// A uniform or model act or code: "Uniform Partnership Act §305",
    /// "Model Penal Code §2.02".
    Act,
}

/// A book, treatise, Restatement, dictionary or paper of The Federalist.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Secondary {
    /// What kind of book it is.
    pub kind: SecondaryKind,
    /// The authors as written ("C. Wright & A. Miller"), if named.
    pub author: Option<String>,
    /// The title as written, with the number of a Federalist paper ("The
    /// Federalist No. 78").
    pub title: String,
    /// The volume of a work of several ("5").
    pub volume: Option<u32>,
    /// The edition as written ("3d", "11th").
    pub edition: Option<String>,
    /// The year of the edition cited.
    pub year: Option<u16>,
    /// The section cited ("1216", "402A"), kept apart from the key.
    pub section: Option<String>,
    /// Whether it names a work cited in full before by a short name
    /// ("LaFave §6.8", "Restatement §66", "Third Restatement §95"): its
    /// key is that work's, which resolution finds; `author` and `title`
    /// hold the short name as written.
    pub short: bool,
}

/// The key: the author and the title ("C. Wright & A. Miller, Federal
/// Practice and Procedure"), or the title alone.
impl fmt::Display for Secondary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.author {
            Some(a) => write!(f, "{a}, {}", self.title),
            None => f.write_str(&self.title),
        }
    }
}

/// A house of Congress.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Chamber {
    /// The House of Representatives ("H. R.").
    House,
    /// The Senate ("S.").
    Senate,
}

impl Chamber {
    /// The abbreviation in keys: "H.R." or "S.".
    pub fn abbreviation(self) -> &'static str {
        match self {
            Chamber::House => "H.R.",
            Chamber::Senate => "S.",
        }
    }
}

/// A series of documents of a house of Congress.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DocumentSeries {
    /// Documents: "S. Doc. No. 112-9".
    Document,
    /// Treaty documents: "S. Treaty Doc. No. 105-45".
    Treaty,
    /// Executive documents: "H. R. Exec. Doc. No. 70".
    Executive,
    /// Miscellaneous documents: "S. Misc. Doc. No. 12".
    Miscellaneous,
}

impl DocumentSeries {
    /// The abbreviation in keys: "Doc.", "Treaty Doc.", "Exec. Doc.",
    /// "Misc. Doc.".
    pub fn abbreviation(self) -> &'static str {
        match self {
            DocumentSeries::Document => "Doc.",
            DocumentSeries::Treaty => "Treaty Doc.",
            DocumentSeries::Executive => "Exec. Doc.",
            DocumentSeries::Miscellaneous => "Misc. Doc.",
        }
    }
}

/// Legislative materials: committee reports, documents, the Congressional
/// Record and its predecessors, hearings.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Legislative {
    /// A committee report: "H. R. Rep. No. 95-595", "S. Rep. No. 95-989",
    /// "H. R. Conf. Rep. No. 104-458".
    Report {
        /// The house.
        chamber: Chamber,
        /// Whether it is a conference report.
        conference: bool,
        /// The number as written ("95-595"); for a report numbered within
        /// its Congress, the Congress and the number ("S. Rep. No. 1, 80th
        /// Cong." gives "80-1").
        number: String,
    },
    /// A document: "S. Doc. No. 112-9", "S. Treaty Doc. No. 105-45",
    /// "H. R. Doc. No. 94-301", "H. R. Exec. Doc. No. 70".
    Document {
        /// The house.
        chamber: Chamber,
        /// The series of documents.
        series: DocumentSeries,
        /// The number as written.
        number: String,
    },
    /// A page of the Congressional Record: "124 Cong. Rec. 32392".
    CongressionalRecord {
        /// The volume.
        volume: u32,
        /// The page as written: "32392", or a daily edition's "H8793".
        page: String,
    },
    /// A page of the Congressional Globe: "Cong. Globe, 39th Cong., 1st
    /// Sess., 474 (1866)".
    Globe {
        /// The Congress.
        congress: u32,
        /// The session.
        session: u32,
    },
    /// A hearing, by its title: "Hearings on H. R. 3 before the House
    /// Committee on Ways and Means".
    Hearing {
        /// The title as written, spaces folded.
        title: String,
    },
}

/// The key: "H.R. Rep. No. 95-595", "S. Treaty Doc. No. 105-45", "124
/// Cong. Rec. 32392", "Cong. Globe, 39th Cong., 1st Sess.", a hearing's
/// title.
impl fmt::Display for Legislative {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Legislative::Report {
                chamber,
                conference,
                number,
            } => {
                let conf = if *conference { " Conf." } else { "" };
                write!(f, "{}{conf} Rep. No. {number}", chamber.abbreviation())
            }
            Legislative::Document {
                chamber,
                series,
                number,
            } => {
                let series = series.abbreviation();
                write!(f, "{} {series} No. {number}", chamber.abbreviation())
            }
            Legislative::CongressionalRecord { volume, page } => {
                write!(f, "{volume} Cong. Rec. {page}")
            }
            Legislative::Globe { congress, session } => write!(
                f,
                "Cong. Globe, {}{} Cong., {}{} Sess.",
                congress,
                ordinal_suffix(*congress),
                session,
                ordinal_suffix(*session)
            ),
            Legislative::Hearing { title } => f.write_str(title),
        }
    }
}

/// The suffix of an ordinal number as citations write it: "st" for 1 and
/// 21, "d" for 2 and 3 ("2d Sess.", "103d Cong."), "th" for 11.
pub(crate) fn ordinal_suffix(n: u32) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2 | 3, _) => "d",
        _ => "th",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys() {
        let j = Journal {
            author: Some("Kamisar".into()),
            title: None,
            volume: 65,
            journal: "Mich. L. Rev.".into(),
            page: Some(59),
            year: Some(1966),
        };
        assert_eq!(j.to_string(), "65 Mich. L. Rev. 59");
        let g = Legislative::Globe {
            congress: 39,
            session: 1,
        };
        assert_eq!(g.to_string(), "Cong. Globe, 39th Cong., 1st Sess.");
        assert_eq!(ordinal_suffix(112), "th");
        assert_eq!(ordinal_suffix(102), "d");
        assert_eq!(ordinal_suffix(113), "th");
        let r = Legislative::Report {
            chamber: Chamber::House,
            conference: false,
            number: "95-595".into(),
        };
        assert_eq!(r.to_string(), "H.R. Rep. No. 95-595");
        let d = Legislative::Document {
            chamber: Chamber::Senate,
            series: DocumentSeries::Treaty,
            number: "105-45".into(),
        };
        assert_eq!(d.to_string(), "S. Treaty Doc. No. 105-45");
    }
}

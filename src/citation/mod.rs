//! The citation record: what one citation is, as data.
//!
//! A [`Citation`] holds what every citation has (its span, text, pins,
//! authority, place in the document) and a [`Form`]: the typed data of the
//! form it takes, one variant per form with that form's own fields. Later
//! stages ask the form or [`CitationKind::category`]; they never parse a
//! citation's text or its authority key again.

mod json;
mod law;
mod sources;
mod write;

pub use law::{Constitution, ConstitutionPart, CourtRule, Regulation};
pub use sources::{Chamber, DocumentSeries, Journal, Legislative, Secondary, SecondaryKind};

use crate::law::sections::is_range;
use crate::normalize::Section;
use crate::span::Span;
use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;
use std::ops::Range;

/// What form a citation takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CitationKind {
    /// A full case citation: "Imbler v. Pachtman, 424 U. S. 409 (1976)".
    FullCase,
    /// A short case citation: "424 U. S., at 430", "Kalina, 522 U. S., at 125".
    ShortCase,
    /// "Id.", "id., at 417", "Ibid.".
    Id,
    /// A case cited by party name and "supra": "Giglio, supra, at 154".
    Supra,
    /// A reference to another page of the same document: "supra, at 10",
    /// "infra, at 12", a syllabus's "Pp. 3-6".
    Internal,
    /// A statute: "42 U. S. C. §1983", "Rev. Stat. §1979", "14 Stat. 533",
    /// or a bare "§1983".
    Statute,
    /// A record citation: "App. 45", "App. to Pet. for Cert. 12a", "Tr. 45".
    Record,
    /// An authority named again after its full citation, without its
    /// citation: "In Miranda, the Court held", "Miranda at 467",
    /// "Federalist, at 466" after "(hereinafter Federalist)".
    Reference,
    /// A constitution: "U. S. Const., Art. I, §8, cl. 3", "Amdt. 14, §1".
    Constitution,
    /// A court rule: "Fed. Rule Civ. Proc. 23(b)(3)", "this Court's Rule
    /// 10".
    Rule,
    /// A regulation: "29 CFR §1630.2(j)", "76 Fed. Reg. 16978".
    Regulation,
    /// An article in a periodical: "65 Mich. L. Rev. 59".
    Journal,
    /// A book, treatise, Restatement, dictionary or The Federalist.
    Secondary,
    /// Legislative materials: "H. R. Rep. No. 95-595", "124 Cong. Rec.
    /// 32392", hearings.
    Legislative,
}

impl CitationKind {
    /// Every kind, in the order above.
    pub const ALL: [CitationKind; 14] = [
        CitationKind::FullCase,
        CitationKind::ShortCase,
        CitationKind::Id,
        CitationKind::Supra,
        CitationKind::Internal,
        CitationKind::Statute,
        CitationKind::Record,
        CitationKind::Reference,
        CitationKind::Constitution,
        CitationKind::Rule,
        CitationKind::Regulation,
        CitationKind::Journal,
        CitationKind::Secondary,
        CitationKind::Legislative,
    ];

    /// The kind of an output name: the inverse of [`CitationKind::as_str`].
    ///
    /// ```
    /// use pincite::CitationKind;
    /// assert_eq!(CitationKind::named("short_case"), Some(CitationKind::ShortCase));
    /// assert_eq!(CitationKind::named("case"), None);
    /// ```
    pub fn named(name: &str) -> Option<CitationKind> {
        CitationKind::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// The name used in output ("full_case", "id", ...).
    pub fn as_str(self) -> &'static str {
        match self {
            CitationKind::FullCase => "full_case",
            CitationKind::ShortCase => "short_case",
            CitationKind::Id => "id",
            CitationKind::Supra => "supra",
            CitationKind::Internal => "internal",
            CitationKind::Statute => "statute",
            CitationKind::Record => "record",
            CitationKind::Reference => "reference",
            CitationKind::Constitution => "constitution",
            CitationKind::Rule => "rule",
            CitationKind::Regulation => "regulation",
            CitationKind::Journal => "journal",
            CitationKind::Secondary => "secondary",
            CitationKind::Legislative => "legislative",
        }
    }

    /// The category of authority a citation of this kind cites; `None`
    /// for an "Id.", which cites whatever it refers to
    /// ([`Citation::category`] knows that once it is resolved). A supra
    /// or a reference is taken to cite a case until resolved otherwise.
    ///
    /// ```
    /// use pincite::{Category, CitationKind};
    /// assert_eq!(CitationKind::Supra.category(), Some(Category::Case));
    /// assert_eq!(CitationKind::Id.category(), None);
    /// ```
    pub fn category(self) -> Option<Category> {
        match self {
            CitationKind::FullCase
            | CitationKind::ShortCase
            | CitationKind::Supra
            | CitationKind::Reference => Some(Category::Case),
            CitationKind::Constitution => Some(Category::Constitution),
            CitationKind::Statute => Some(Category::Statute),
            CitationKind::Rule => Some(Category::Rule),
            CitationKind::Regulation => Some(Category::Regulation),
            CitationKind::Journal | CitationKind::Secondary => Some(Category::Secondary),
            CitationKind::Legislative => Some(Category::Legislative),
            CitationKind::Record => Some(Category::Record),
            CitationKind::Internal => Some(Category::Internal),
            CitationKind::Id => None,
        }
    }
}

impl fmt::Display for CitationKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What kind of authority a citation cites.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Category {
    /// A case.
    Case,
    /// A constitution.
    Constitution,
    /// A statute: a code section, the Statutes at Large, a Public Law.
    Statute,
    /// A court rule.
    Rule,
    /// A regulation.
    Regulation,
    /// A secondary source: a periodical, a book, a Restatement, a
    /// dictionary.
    Secondary,
    /// Legislative materials: reports, documents, debates, hearings.
    Legislative,
    /// The record of the case: the joint appendix, briefs, transcripts,
    /// the petition.
    Record,
    /// The citing document itself ("supra, at 10", "ante, at 5").
    Internal,
}

/// What a pin counts: pages, the star pages of a database or another
/// reporter ("*3"), or numbered paragraphs ("¶ 20").
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum PinUnit {
    /// A page of the reporter ("430").
    #[default]
    Page,
    /// A star page ("*3"), as database citations pin.
    Star,
    /// A numbered paragraph ("¶ 20"), as public-domain citations pin.
    Paragraph,
}

impl PinUnit {
    /// Whether this is the page unit (left out of the JSON output).
    pub fn is_page(&self) -> bool {
        *self == PinUnit::Page
    }
}

/// A pinpoint: a page, a page range, a footnote; or a star page or a
/// paragraph.
///
/// Displays as the annotation files write it: `428`, `425-426`, `431n33`,
/// `n5` (a footnote without a page), `*3`, `¶20-22`.
///
/// ```
/// use pincite::{Pin, PinUnit};
/// let pin = Pin { page: Some(431), end: None, footnote: Some(33), unit: PinUnit::Page };
/// assert_eq!(pin.to_string(), "431n33");
/// assert_eq!(Pin::paragraph(20).to_string(), "¶20");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Pin {
    /// The page (the number of a star page or paragraph, by `unit`);
    /// `None` for a footnote cited without a page ("supra, n. 5").
    pub page: Option<u32>,
    /// The last page of a range ("425-426"), else `None`.
    pub end: Option<u32>,
    /// The footnote ("431, n. 33"), else `None`.
    pub footnote: Option<u32>,
    /// What the numbers count: pages unless a star or a paragraph sign
    /// says otherwise. Left out of the JSON output for pages.
    #[serde(default, skip_serializing_if = "PinUnit::is_page")]
    pub unit: PinUnit,
}

impl Pin {
    /// A pin of one page.
    pub fn page(page: u32) -> Pin {
        Pin {
            page: Some(page),
            end: None,
            footnote: None,
            unit: PinUnit::Page,
        }
    }

    /// A pin of one paragraph ("¶ 20").
    pub fn paragraph(paragraph: u32) -> Pin {
        Pin {
            unit: PinUnit::Paragraph,
            ..Pin::page(paragraph)
        }
    }

    /// Whether the pin cites `page`: its page, or a page of its range.
    pub fn covers(&self, page: u32) -> bool {
        self.pages()
            .is_some_and(|(first, last)| first <= page && page <= last)
    }

    /// The first and last page it cites: its page twice, or its range; a
    /// range that ends before it starts ("425-420") cites its first page.
    pub(crate) fn pages(&self) -> Option<(u32, u32)> {
        let first = self.page?;
        Some((first, self.end.map_or(first, |e| e.max(first))))
    }

    /// Whether the pin is a range that ends before it starts ("425-420");
    /// an abbreviated range ("1278-79") is read in full when extracted.
    pub fn is_reversed(&self) -> bool {
        self.page.zip(self.end).is_some_and(|(p, e)| e < p)
    }
}

impl fmt::Display for Pin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.unit {
            PinUnit::Page => {}
            PinUnit::Star => f.write_str("*")?,
            PinUnit::Paragraph => f.write_str("\u{b6}")?,
        }
        if let Some(p) = self.page {
            write!(f, "{p}")?;
        }
        if let Some(e) = self.end {
            write!(f, "-{e}")?;
        }
        if let Some(n) = self.footnote {
            write!(f, "n{n}")?;
        }
        Ok(())
    }
}

/// A full case citation's own data: "Imbler v. Pachtman, 424 U. S. 409
/// (1976)".
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FullCase {
    /// The reporter volume.
    pub volume: u32,
    /// The reporter's canonical abbreviation ("U.S.", "F.3d").
    pub reporter: String,
    /// Whether the reporter is a database (Westlaw, Lexis), whose pins
    /// are star pages, not pages after the first.
    pub database: bool,
    /// The first page; `None` for a blank-page slip citation ("596 U. S.
    /// ___").
    pub first_page: Option<u32>,
    /// The case name as written before the citation.
    pub case_name: Option<String>,
    /// The court as written in the closing parenthetical ("CA9", "SDNY").
    pub court: Option<String>,
    /// The courts-db id of `court` ("ca9", "nysd"), when known. Read
    /// back from JSON, an id pincite does not know is left out.
    pub court_id: Option<&'static str>,
    /// The year in the closing parenthetical.
    pub year: Option<u16>,
    /// Whether this is a parallel citation of the full citation right
    /// before it ("39 Minn. 181, 39 N. W. 315", "(2009) 173 Cal.App.4th
    /// 655 [92 Cal.Rptr.3d 784]"), whose name it shares.
    pub parallel: bool,
    /// The nominative reporter written inside the citation ("3 U.S. (3
    /// Dall.) 386"): its volume and abbreviation.
    pub nominative: Option<(u32, String)>,
    /// For a citation of the case's subsequent history ("..., aff'd, 520
    /// U.S. 681"): how it relates to the case cited before it.
    pub history: Option<History>,
    /// For a reporter abbreviation that several reporters share ("1 H.
    /// 150": Hawaii, Handy or Hill) and nothing chose among: the key of the
    /// citation in each. The authority is then unknown.
    pub candidates: Vec<String>,
}

/// Subsequent history: a later decision in the same case ("aff'd", "cert.
/// denied"), cited after the case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct History {
    /// The relation as written, lower case: "aff'd", "cert. denied",
    /// "aff'd in part, rev'd in part".
    pub relation: String,
    /// The authority of the case it is history of.
    pub of: Option<String>,
}

/// A short case citation's own data: "Kalina, 522 U. S., at 125".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShortCase {
    /// The reporter volume.
    pub volume: u32,
    /// The reporter's canonical abbreviation.
    pub reporter: String,
    /// The party name written before it, if any.
    pub case_name: Option<String>,
    /// The document number a database citation's short form repeats
    /// ("Bender, 1997 WL 582901, at *3"); `None` for a volume's short form.
    pub number: Option<u32>,
    /// Whether its pin is blank ("584 U. S., at ___"): the case has no
    /// pages yet, and a pin taken from a slip-opinion parenthetical
    /// ("(slip op., at 10)") is a page of the case only then.
    pub(crate) blank_pin: bool,
}

/// An "Id." or "Ibid.": its own data and what it was resolved to.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Id {
    /// The section of "Id. §5", a section of the statute cited before.
    pub section: Option<String>,
    /// The form of the citation the Id. stands for once resolved: the
    /// full or short citation, statute or record it refers to (for "Id.
    /// §5", that statute with section 5). `None` while unresolved.
    pub target: Option<Box<Form>>,
    /// A source pincite does not parse ("Brief for Petitioner 12", a
    /// dictionary, a treaty document) that the Id. refers to: written
    /// between it and the citation before it, or reached through an
    /// earlier Id. of the same chain.
    pub(crate) other_source: Option<String>,
}

/// An authority named again after its full citation, without the
/// citation: "In Miranda, the Court held", "Miranda at 467"; "Federalist,
/// at 466" after "(hereinafter Federalist)".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseReference {
    /// The name, as written.
    pub case_name: String,
    /// The form of the citation it names, once resolved to an authority
    /// that is no case (a book named by its short title).
    pub target: Option<Box<Form>>,
}

/// An authority cited by name and "supra": "Giglio, supra, at 154",
/// "Kamisar, supra, at 70", "Kamisar, supra note 3, at 62".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Supra {
    /// The name before "supra": a party, an author, a short title.
    pub case_name: String,
    /// The footnote of this document named after "supra" ("supra note
    /// 3"), where the authority is cited in full.
    pub note: Option<u32>,
    /// The form of the citation it refers to, once resolved to an
    /// authority that is no case (an article, a book).
    pub target: Option<Box<Form>>,
}

/// Which way a reference to the document itself points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Direction {
    /// "supra, at 10": an earlier page; also "Part II-A, supra" and "n. 1,
    /// supra" (see [`Internal::labeled`]).
    Supra,
    /// "infra, at 12": a later page.
    Infra,
    /// "ante, at 5": the opinion before, of the same decision.
    Ante,
    /// "post, at 1": an opinion after, of the same decision.
    Post,
    /// A syllabus's "Pp. 3-6": pages of the opinion it summarizes.
    Syllabus,
}

/// A reference to the citing document itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Internal {
    /// Which way it points.
    pub direction: Direction,
    /// Whether a part or footnote is named before "supra" ("Part II-A,
    /// supra", "n. 1, supra") instead of a page after it.
    pub labeled: bool,
}

impl Internal {
    /// Whether this cites another opinion of the same decision ("ante, at
    /// 5", "post, at 1").
    pub fn cites_other_opinion(&self) -> bool {
        matches!(self.direction, Direction::Ante | Direction::Post)
    }
}

/// The code a statute section belongs to.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Code {
    /// The United States Code, a title: "42 U.S.C."; `annotated` for the
    /// U.S.C.A.
    UsCode {
        /// The title.
        title: u32,
        /// Whether cited as the annotated code ("U.S.C.A.").
        annotated: bool,
    },
    /// The Revised Statutes of the United States ("Rev. Stat.").
    RevisedStatutes,
    /// A State's code, as reporters-db's laws list names it.
    State(StateCode),
}

/// A State's code: "Cal. Penal Code", "Okla. Stat. tit. 82", "18 Pa. Cons.
/// Stat.", "Mass. Gen. Laws ch. 93A".
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct StateCode {
    /// The code in Bluebook form, without a publisher's "Ann." ("Cal.
    /// Penal Code", "Tex. Penal Code", "N.Y. Penal Law", "Okla. Stat.").
    pub name: String,
    /// The numbered title or chapter the code is divided into, if any.
    pub division: Option<Division>,
    /// Whether the code is divided into articles ("La. Civ. Code art.
    /// 2315") rather than sections.
    pub articles: bool,
}

/// A numbered division of a State's code, and where its number is
/// written.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Division {
    /// A title written before the code: "18 Pa. Cons. Stat.".
    TitleBefore(String),
    /// A title written after it: "Okla. Stat. tit. 82".
    Title(String),
    /// A chapter: "Mass. Gen. Laws ch. 93A".
    Chapter(String),
}

impl Code {
    /// The authority key of `section` of this code: "42 U.S.C. § 1983"
    /// (also for the annotated code: one section, one key; a range of
    /// sections "42 U.S.C. §§ 1981-1983"), "Cal. Penal
    /// Code § 187(a)", "Okla. Stat. tit. 82, § 1B", "La. Civ. Code art.
    /// 2315".
    pub fn key(&self, section: &str) -> String {
        match self {
            Code::UsCode { title, .. } => {
                let sign = if is_range(section) {
                    " U.S.C. §§ "
                } else {
                    " U.S.C. § "
                };
                let mut key = String::with_capacity(10 + sign.len() + section.len());
                push_number(&mut key, *title);
                key.push_str(sign);
                key.push_str(section);
                key
            }
            Code::State(StateCode {
                articles: true,
                name,
                ..
            }) => format!("{name} art. {section}"),
            Code::State(StateCode {
                division: Some(Division::Title(t)),
                name,
                ..
            }) => format!("{name} tit. {t}, § {section}"),
            Code::State(StateCode {
                division: Some(Division::Chapter(c)),
                name,
                ..
            }) => format!("{name} ch. {c}, § {section}"),
            code => format!("{code} § {section}"),
        }
    }
}

/// The decimal digits of `n`, written at the end of `buf`, without the
/// formatting machinery: keys and JSON with numbers in them are made for
/// nearly every citation.
pub(crate) fn decimal(mut n: u64, buf: &mut [u8; 20]) -> &[u8] {
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    &buf[at..]
}

/// Appends the decimal digits of `n` to `s` (see [`decimal`]).
pub(crate) fn push_number(s: &mut String, n: u32) {
    let mut buf = [0u8; 20];
    s.extend(decimal(n.into(), &mut buf).iter().map(|&d| char::from(d)));
}

/// The code as written before a section: "42 U.S.C.", "Rev. Stat.", "18
/// Pa. Cons. Stat.", "Okla. Stat. tit. 82".
impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Code::UsCode {
                title,
                annotated: false,
            } => write!(f, "{title} U.S.C."),
            Code::UsCode {
                title,
                annotated: true,
            } => write!(f, "{title} U.S.C.A."),
            Code::RevisedStatutes => f.write_str("Rev. Stat."),
            Code::State(c) => match &c.division {
                Some(Division::TitleBefore(t)) => write!(f, "{t} {}", c.name),
                Some(Division::Title(t)) => write!(f, "{} tit. {t}", c.name),
                Some(Division::Chapter(ch)) => write!(f, "{} ch. {ch}", c.name),
                None => f.write_str(&c.name),
            },
        }
    }
}

/// A statute citation's own data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Statute {
    /// A section: "42 U. S. C. §1983", "Rev. Stat. §1979", "Cal. Penal
    /// Code Ann. §187(a)", or a bare "§1983", which resolution gives the
    /// code its section was last cited with.
    Section {
        /// The code: named with the section; for a bare section the one
        /// resolution found, or the document declares for its sections
        /// ("All further statutory references are to the Penal Code").
        /// `None` for a bare section not resolved, and for a section of a
        /// source named with it that pincite does not know ("ERISA §502",
        /// `bare` false).
        code: Option<Code>,
        /// The section as written: "1983", "523(a)(2)(A)".
        section: String,
        /// Whether the section was written without its code ("§1983").
        bare: bool,
    },
    /// A page of the Statutes at Large: "14 Stat. 533".
    Large {
        /// The volume.
        volume: u32,
        /// The first page.
        page: u32,
    },
    /// A Public Law: "Pub. L. 111-2", "Pub. L. 111-2, §3".
    PublicLaw {
        /// The Congress.
        congress: u32,
        /// The law's number.
        law: u32,
        /// The section of the law cited, as written ("3", "1501(b)").
        section: Option<String>,
    },
}

impl Statute {
    /// The code of a section cited with one.
    pub fn code(&self) -> Option<&Code> {
        match self {
            Statute::Section { code, .. } => code.as_ref(),
            _ => None,
        }
    }

    /// The first page of a Statutes at Large citation.
    pub fn large_page(&self) -> Option<u32> {
        match self {
            Statute::Large { page, .. } => Some(*page),
            _ => None,
        }
    }
}

/// A record citation's own data: "App. 45", "1 App. 7", "Tr. of Oral
/// Arg. 23", "Brief for Petitioner 12".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// The numbered volume of the joint appendix ("1 App. 7").
    pub volume: Option<u32>,
    /// The record document, spaces folded: "App.", "App. to Pet. for
    /// Cert.", "Tr. of Oral Arg.", "Brief for Petitioner", "Brief for
    /// United States as Amicus Curiae", "Pet. for Cert.", "Compl.". It is
    /// the authority key.
    pub document: String,
}

/// The typed data of a citation's form, one variant per
/// [`CitationKind`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Form {
    /// A full case citation.
    FullCase(FullCase),
    /// A short case citation.
    ShortCase(ShortCase),
    /// An "Id." or "Ibid.".
    Id(Id),
    /// A supra citation of a case.
    Supra(Supra),
    /// A reference to the document itself.
    Internal(Internal),
    /// A statute.
    Statute(Statute),
    /// A record citation.
    Record(Record),
    /// An authority named after its full citation.
    Reference(CaseReference),
    /// A constitution.
    Constitution(Constitution),
    /// A court rule.
    Rule(CourtRule),
    /// A regulation.
    Regulation(Regulation),
    /// An article in a periodical.
    Journal(Journal),
    /// A book, Restatement, dictionary, The Federalist.
    Secondary(Secondary),
    /// Legislative materials.
    Legislative(Legislative),
}

impl Form {
    /// The kind of this form.
    pub fn kind(&self) -> CitationKind {
        match self {
            Form::FullCase(_) => CitationKind::FullCase,
            Form::ShortCase(_) => CitationKind::ShortCase,
            Form::Id(_) => CitationKind::Id,
            Form::Supra(_) => CitationKind::Supra,
            Form::Internal(_) => CitationKind::Internal,
            Form::Statute(_) => CitationKind::Statute,
            Form::Record(_) => CitationKind::Record,
            Form::Reference(_) => CitationKind::Reference,
            Form::Constitution(_) => CitationKind::Constitution,
            Form::Rule(_) => CitationKind::Rule,
            Form::Regulation(_) => CitationKind::Regulation,
            Form::Journal(_) => CitationKind::Journal,
            Form::Secondary(_) => CitationKind::Secondary,
            Form::Legislative(_) => CitationKind::Legislative,
        }
    }

    /// The form an Id. stands for: its target once resolved; a supra or
    /// reference resolved to an authority that is no case, that
    /// authority's form; any other form stands for itself.
    pub fn effective(&self) -> Option<&Form> {
        match self {
            Form::Id(id) => id.target.as_deref(),
            Form::Supra(Supra {
                target: Some(t), ..
            })
            | Form::Reference(CaseReference {
                target: Some(t), ..
            }) => Some(t),
            other => Some(other),
        }
    }
}

/// Where a citation is in the matching text, for the stages after the
/// scan.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub(crate) struct Place {
    /// The citation's range in the matching text.
    pub(crate) matching: Range<usize>,
    /// The index of the block (line of the matching text) it is in.
    pub(crate) block: usize,
    /// For a citation inside a footnote: where the footnote is called in
    /// the body (a matching-text offset), which is where an "Id." opening
    /// the footnote looks back from.
    pub(crate) note_call: Option<usize>,
    /// Whether the citation stands inside an explanatory parenthetical of
    /// the citation before it ("(quoting Smith, 1 U.S. 1)"): an "Id."
    /// after the parenthetical does not refer to it.
    pub(crate) nested: bool,
    /// The number of the footnote the citation stands in, which a "supra
    /// note 3" names.
    pub(crate) footnote: Option<u32>,
}

/// One citation found in an opinion, with its authority resolved where
/// possible.
///
/// An unresolved citation is still a citation: `authority` is `None` and
/// `warnings` says why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Citation {
    /// The typed data of its form.
    pub form: Form,
    /// Its bytes in the original input.
    pub span: Span,
    /// The original text of `span`.
    pub text: String,
    /// What it cites: "424 U.S. 409", "42 U.S.C. § 1983", "App.",
    /// "slip op."; `None` when it could not be resolved.
    pub authority: Option<String>,
    /// The pinpoints, in the order written.
    pub pins: Vec<Pin>,
    /// The introductory signal ("See", "Cf.", "see also").
    pub signal: Option<String>,
    /// An explanatory parenthetical that follows ("SCALIA, J., concurring").
    pub parenthetical: Option<String>,
    /// The part of the document the citation is in.
    pub section: Section,
    /// The slip page the citation starts on, when the text is paginated.
    pub slip_page: Option<u32>,
    /// What went wrong or looks doubtful in resolving it.
    pub warnings: Vec<String>,
    /// For a resolved "Id.": the index, in the document's citations, of
    /// the citation it refers to.
    pub antecedent: Option<usize>,
    /// Where it is in the matching text.
    pub(crate) place: Place,
    /// The short name a "(hereinafter Federalist)" parenthetical after it
    /// gives its authority, by which later references name it.
    pub(crate) hereinafter: Option<String>,
}

impl Citation {
    /// The citation's form.
    pub fn kind(&self) -> CitationKind {
        self.form.kind()
    }

    /// The category of authority it cites; for an "Id.", that of the
    /// citation it was resolved to refer to (`None` while unresolved).
    pub fn category(&self) -> Option<Category> {
        self.form.effective().and_then(|f| f.kind().category())
    }

    /// The reporter volume (case citations), the numbered volume of a
    /// joint appendix, a periodical's or a book's volume.
    pub fn volume(&self) -> Option<u32> {
        match &self.form {
            Form::FullCase(c) => Some(c.volume),
            Form::ShortCase(c) => Some(c.volume),
            Form::Record(r) => r.volume,
            Form::Journal(j) => Some(j.volume),
            Form::Secondary(b) => b.volume,
            _ => None,
        }
    }

    /// The reporter's canonical abbreviation ("U.S.", "F.3d").
    pub fn reporter(&self) -> Option<&str> {
        match &self.form {
            Form::FullCase(c) => Some(&c.reporter),
            Form::ShortCase(c) => Some(&c.reporter),
            _ => None,
        }
    }

    /// The first page of a full case citation or of an article; `None`
    /// for short citations and blank-page slip citations ("596 U. S.
    /// ___").
    pub fn first_page(&self) -> Option<u32> {
        match &self.form {
            Form::FullCase(c) => c.first_page,
            Form::Journal(j) => j.page,
            _ => None,
        }
    }

    /// The author of an article or book, as written.
    pub fn author(&self) -> Option<&str> {
        match &self.form {
            Form::Journal(j) => j.author.as_deref(),
            Form::Secondary(b) => b.author.as_deref(),
            _ => None,
        }
    }

    /// The title of an article or book, as written.
    pub fn title(&self) -> Option<&str> {
        match &self.form {
            Form::Journal(j) => j.title.as_deref(),
            Form::Secondary(b) => Some(&b.title),
            _ => None,
        }
    }

    /// The case name as written before the citation, or the party name of
    /// a short or supra citation.
    pub fn case_name(&self) -> Option<&str> {
        match &self.form {
            Form::FullCase(c) => c.case_name.as_deref(),
            Form::ShortCase(c) => c.case_name.as_deref(),
            Form::Supra(s) => Some(&s.case_name),
            Form::Reference(r) => Some(&r.case_name),
            _ => None,
        }
    }

    /// The court as written in a full citation's closing parenthetical
    /// ("CA9", "SDNY").
    pub fn court(&self) -> Option<&str> {
        self.full_case().and_then(|c| c.court.as_deref())
    }

    /// The courts-db id of [`Citation::court`] ("ca9", "nysd"), when known.
    pub fn court_id(&self) -> Option<&'static str> {
        self.full_case().and_then(|c| c.court_id)
    }

    /// The year in the closing parenthetical of a full case citation, an
    /// article or a book.
    pub fn year(&self) -> Option<u16> {
        match &self.form {
            Form::FullCase(c) => c.year,
            Form::Journal(j) => j.year,
            Form::Secondary(b) => b.year,
            _ => None,
        }
    }

    /// The full case citation's data.
    pub fn full_case(&self) -> Option<&FullCase> {
        match &self.form {
            Form::FullCase(c) => Some(c),
            _ => None,
        }
    }

    /// The statute's data.
    pub fn statute(&self) -> Option<&Statute> {
        match &self.form {
            Form::Statute(s) => Some(s),
            _ => None,
        }
    }

    /// The internal reference's data.
    pub fn internal(&self) -> Option<&Internal> {
        match &self.form {
            Form::Internal(r) => Some(r),
            _ => None,
        }
    }

    /// Whether the citation's pages are not yet known: a blank-page
    /// citation ("596 U. S. ___") or a short citation with a blank pin
    /// ("554 U. S., at ___"), whose pins are slip-opinion pages if any.
    pub fn is_blank(&self) -> bool {
        match &self.form {
            Form::FullCase(c) => c.first_page.is_none(),
            Form::ShortCase(c) => c.blank_pin,
            _ => false,
        }
    }

    /// Whether this is a parallel citation of the full citation before it.
    pub fn is_parallel(&self) -> bool {
        self.full_case().is_some_and(|c| c.parallel)
    }

    /// Whether this cites another opinion of the same decision ("ante, at
    /// 5", "post, at 1"). An "Id." right after it refers to it.
    pub fn cites_other_opinion(&self) -> bool {
        self.internal().is_some_and(Internal::cites_other_opinion)
    }

    /// Whether this is a statute citation that names no code: a bare
    /// section ("§1983"), one of a source pincite does not know ("ERISA
    /// §502"), a Statutes at Large page or a Public Law.
    pub(crate) fn is_codeless_statute(&self) -> bool {
        match self.statute() {
            Some(Statute::Section { bare, code, .. }) => *bare || code.is_none(),
            Some(_) => true,
            None => false,
        }
    }

    /// Whether an "Id." passes over this citation as a mention: a bare
    /// section ("§1983"), a Statutes at Large page or Public Law.
    pub(crate) fn is_passing_mention(&self) -> bool {
        self.is_codeless_statute()
    }

    /// For an "Id.": the source pincite does not parse that it refers to.
    pub(crate) fn other_source(&self) -> Option<&str> {
        match &self.form {
            Form::Id(id) => id.other_source.as_deref(),
            _ => None,
        }
    }

    /// The pins written as in annotation files: `428,430`, `431n33`.
    pub fn pins_string(&self) -> String {
        let parts: Vec<String> = self.pins.iter().map(Pin::to_string).collect();
        parts.join(",")
    }
}

/// The fields of the JSON output, flat: `kind`, `span`, `text`,
/// `authority`, `pins`, `volume`, `reporter`, `first_page`, `case_name`,
/// `court`, `court_id`, `year`, `signal`, `parenthetical`, `section`,
/// `slip_page`, `warnings`; for an article or a book `author` and `title`
/// where known; and for a full case citation where they apply,
/// `nominative` ("3 Dall."), `history` (`{"relation", "of"}`) and
/// `candidates`.
impl Serialize for Citation {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Citation", 17)?;
        st.serialize_field("kind", &self.kind())?;
        st.serialize_field("span", &self.span)?;
        st.serialize_field("text", &self.text)?;
        st.serialize_field("authority", &self.authority)?;
        st.serialize_field("pins", &self.pins)?;
        st.serialize_field("volume", &self.volume())?;
        st.serialize_field("reporter", &self.reporter())?;
        st.serialize_field("first_page", &self.first_page())?;
        st.serialize_field("case_name", &self.case_name())?;
        st.serialize_field("court", &self.court())?;
        st.serialize_field("court_id", &self.court_id())?;
        st.serialize_field("year", &self.year())?;
        st.serialize_field("signal", &self.signal)?;
        st.serialize_field("parenthetical", &self.parenthetical)?;
        st.serialize_field("section", &self.section)?;
        st.serialize_field("slip_page", &self.slip_page)?;
        st.serialize_field("warnings", &self.warnings)?;
        if let Some(author) = self.author() {
            st.serialize_field("author", author)?;
        }
        if let Some(title) = self.title() {
            st.serialize_field("title", title)?;
        }
        if let Some(f) = self.full_case() {
            if let Some((volume, reporter)) = &f.nominative {
                st.serialize_field("nominative", &format!("{volume} {reporter}"))?;
            }
            if let Some(h) = &f.history {
                st.serialize_field("history", h)?;
            }
            if !f.candidates.is_empty() {
                st.serialize_field("candidates", &f.candidates)?;
            }
        }
        st.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_pushed_as_formatted() {
        for n in [0, 7, 10, 99, 1983, 65_535, 1_000_000, u32::MAX] {
            let mut s = String::from("§ ");
            push_number(&mut s, n);
            assert_eq!(s, format!("§ {n}"));
        }
        let code = Code::UsCode {
            title: 42,
            annotated: false,
        };
        assert_eq!(code.key("1983"), "42 U.S.C. § 1983");
        assert_eq!(code.key("1981-1983"), "42 U.S.C. §§ 1981-1983");
    }
}

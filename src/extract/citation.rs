//! The citation record: what one citation is, as data.

use crate::normalize::Section;
use crate::span::Span;
use serde::Serialize;
use std::fmt;
use std::ops::Range;

/// What form a citation takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
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
}

impl CitationKind {
    /// Every kind, in the order above.
    pub const ALL: [CitationKind; 7] = [
        CitationKind::FullCase,
        CitationKind::ShortCase,
        CitationKind::Id,
        CitationKind::Supra,
        CitationKind::Internal,
        CitationKind::Statute,
        CitationKind::Record,
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
        }
    }
}

impl fmt::Display for CitationKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A pinpoint: a page, a page range, a footnote.
///
/// Displays as the annotation files write it: `428`, `425-426`, `431n33`,
/// `n5` (a footnote without a page).
///
/// ```
/// let pin = pincite::Pin { page: Some(431), end: None, footnote: Some(33) };
/// assert_eq!(pin.to_string(), "431n33");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Pin {
    /// The page (a star page's number for "*5"); `None` for a footnote
    /// cited without a page ("supra, n. 5").
    pub page: Option<u32>,
    /// The last page of a range ("425-426"), else `None`.
    pub end: Option<u32>,
    /// The footnote ("431, n. 33"), else `None`.
    pub footnote: Option<u32>,
}

impl fmt::Display for Pin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
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

/// One citation found in an opinion, with its authority resolved where
/// possible.
///
/// An unresolved citation is still a citation: `authority` is `None` and
/// `warnings` says why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Citation {
    /// The citation's form.
    pub kind: CitationKind,
    /// Its bytes in the original input.
    pub span: Span,
    /// The original text of `span`.
    pub text: String,
    /// What it cites: "424 U.S. 409", "42 U.S.C. § 1983", "App.",
    /// "slip op."; `None` when it could not be resolved.
    pub authority: Option<String>,
    /// The pinpoints, in the order written.
    pub pins: Vec<Pin>,
    /// The reporter volume (case citations).
    pub volume: Option<u32>,
    /// The reporter's canonical abbreviation ("U.S.", "F.3d").
    pub reporter: Option<String>,
    /// The first page of a full case citation; `None` for short citations
    /// and blank-page slip citations ("596 U. S. ___").
    pub first_page: Option<u32>,
    /// The case name as written before the citation, or the party name of a
    /// short or supra citation.
    pub case_name: Option<String>,
    /// The court as written in the closing parenthetical ("CA9", "SDNY").
    pub court: Option<String>,
    /// The courts-db id of `court` ("ca9", "nysd"), when known.
    pub court_id: Option<&'static str>,
    /// The year in the closing parenthetical.
    pub year: Option<u16>,
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
    /// A statute's section as written ("1983", "523(a)(2)(A)"), also for
    /// "Id. §5".
    #[serde(skip)]
    pub(crate) statute_section: Option<String>,
    /// Whether a statute citation names its code (not a bare "§1983").
    #[serde(skip)]
    pub(crate) statute_code: Option<String>,
    /// Whether this is a parallel citation of the full citation before it.
    #[serde(skip)]
    pub(crate) parallel: bool,
    /// The citation's range in the matching text.
    #[serde(skip)]
    pub(crate) matching: Range<usize>,
    /// The index of the block (line of the matching text) it is in.
    #[serde(skip)]
    pub(crate) block: usize,
    /// For a citation inside a footnote: where the footnote is called in
    /// the body (a matching-text offset), which is where an "Id." opening
    /// the footnote looks back from.
    #[serde(skip)]
    pub(crate) note_call: Option<usize>,
    /// For an "Id.": the source pincite does not recognize ("Brief for
    /// Petitioner 12", a dictionary, a treaty document) that it refers to,
    /// written between it and the citation before it, or reached through
    /// an earlier Id. of the same chain (set by the resolver).
    #[serde(skip)]
    pub(crate) other_before: Option<String>,
    /// For a resolved "Id.": the index, in the document's citations, of
    /// the citation it refers to.
    #[serde(skip)]
    pub(crate) antecedent: Option<usize>,
    /// For a short citation: its pin is blank ("584 U. S., at ___"), so
    /// the case has no pages yet and its full citation is a blank-page one;
    /// a pin taken from a slip-opinion parenthetical ("(slip op., at 10)")
    /// is a page of the case only then.
    #[serde(skip)]
    pub(crate) blank_pin: bool,
}

impl Citation {
    /// Whether this cites another opinion of the same decision ("ante, at
    /// 5", "post, at 1"). An "Id." after it is not taken to refer to it:
    /// such an Id. more often follows a source pincite does not parse.
    pub(crate) fn cites_other_opinion(&self) -> bool {
        self.kind == CitationKind::Internal
            && ["ante,", "Ante,", "post,", "Post,"]
                .iter()
                .any(|w| self.text.starts_with(w))
    }

    /// The pins written as in annotation files: `428,430`, `431n33`.
    pub fn pins_string(&self) -> String {
        let parts: Vec<String> = self.pins.iter().map(Pin::to_string).collect();
        parts.join(",")
    }
}

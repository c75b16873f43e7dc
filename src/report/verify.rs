//! Verification: pin cites and short forms checked against the rest of
//! the document.

use super::cases::{Cases, FullCase, FullCitations};
use super::context::{self, Place};
use super::lines::LineIndex;
use super::opinions::{Decision, Target, named_opinion};
use crate::citation::{Citation, CitationKind, Direction, Form, Internal, Pin, PinUnit, Statute};
use crate::law::words::STOP_WORDS;
use crate::normalize::{Normalized, Section};
use crate::span::Span;
use regex::Regex;
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::{HashMap, HashSet, VecDeque};
use std::fmt;
use std::ops::Range;
use std::sync::LazyLock;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The citation is wrong: a short cite naming another volume, a pin
    /// before the first page, a reference to a page the document lacks.
    Error,
    /// The citation is doubtful: an ambiguous Id., a short form before the
    /// full citation, a quotation cited to different pages.
    Warning,
}

impl Severity {
    /// The name used in output: `error`, `warning`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem found in a document's citations.
///
/// The codes:
///
/// | code | severity | what |
/// |---|---|---|
/// | `short-cite-mismatch` | error | a short cite's volume or reporter differs from the full cite of its case (a warning when another case of that volume the document cites holds the pin) |
/// | `pin-before-first-page` | error | a pin page before the case's first page (a warning for an Id., whose antecedent may be a source pincite does not recognize, for a short form another case of the document could mean, and for a supra naming the case a brief was filed in) |
/// | `pin-far-past-first-page` | warning | a pin more than [`FAR_PAST_PAGES`] pages past the first page |
/// | `pin-range-reversed` | warning | a pin range that ends before it starts |
/// | `id-unresolved` | warning | an Id. with no citation before it to refer to |
/// | `id-ambiguous` | warning | an Id. after a citation string naming several authorities (citations joined by semicolons, signals and parentheticals: "See A, 1 U. S. 1 (1990); B, 2 U. S. 2 (1991). Id., at 3.") |
/// | `cite-before-full-citation` | warning | a supra or short cite before the full cite of its case |
/// | `no-full-citation` | warning | a supra or short cite of a case never cited in full |
/// | `quotation-pin-conflict` | warning | one quotation cited to different pages of one authority |
/// | `internal-page-missing` | error | "supra, at 10", "Pp. 3-6" naming a page the opinion lacks; "ante, at 5", "post, at 1" naming a page no opinion it may mean has |
/// | `internal-direction` | warning | "supra" naming a later page, "infra" an earlier one |
/// | `internal-footnote-missing` | warning | "supra, n. 5" naming a footnote the document lacks |
/// | `unknown-journal` | warning | an article in a periodical reporters-db's journals list does not know ("52 Howard L. J. 674") |
/// | `unknown-code` | warning | a section of a code whose abbreviation pincite does not know ("Xxx. Yyy. Code §5"), with the abbreviation |
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The citation's bytes in the original input.
    pub span: Span,
    /// Error or warning.
    pub severity: Severity,
    /// A stable name for the kind of problem ("short-cite-mismatch"); one
    /// of [`Finding::CODES`].
    pub code: &'static str,
    /// What is wrong, in a sentence.
    pub message: String,
    /// The authority the citation resolved to, if any.
    pub authority: Option<String>,
}

/// A finding as its JSON gives it, the code a string.
#[derive(Deserialize)]
struct FindingFields {
    span: Span,
    severity: Severity,
    code: String,
    message: String,
    authority: Option<String>,
}

/// Reads what `Serialize` writes; a code not in [`Finding::CODES`] is an
/// error.
impl<'de> Deserialize<'de> for Finding {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Finding, D::Error> {
        let f = FindingFields::deserialize(d)?;
        let code = Finding::CODES
            .iter()
            .find(|c| **c == f.code)
            .copied()
            .ok_or_else(|| {
                serde::de::Error::custom(format!("unknown finding code {:?}", f.code))
            })?;
        Ok(Finding {
            span: f.span,
            severity: f.severity,
            code,
            message: f.message,
            authority: f.authority,
        })
    }
}

impl Finding {
    /// Every code of a finding, in the order of the table above.
    pub const CODES: [&'static str; 14] = [
        "short-cite-mismatch",
        "pin-before-first-page",
        "pin-far-past-first-page",
        "pin-range-reversed",
        "id-unresolved",
        "id-ambiguous",
        "cite-before-full-citation",
        "no-full-citation",
        "quotation-pin-conflict",
        "internal-page-missing",
        "internal-direction",
        "internal-footnote-missing",
        "unknown-journal",
        "unknown-code",
    ];

    /// The 1-based line and column (in characters) of the finding's start
    /// in `source`. This reads `source` up to the finding: for the many
    /// findings of one text, [`Finding::to_text_with`] and a
    /// [`LineIndex`] made once cost no more than one pass.
    pub fn line_col(&self, source: &str) -> (usize, usize) {
        let at = self.span.start.min(source.len());
        let mut from = at;
        while !source.is_char_boundary(from) {
            from -= 1;
        }
        LineIndex::new(&source[..from]).line_col(from)
    }

    /// The finding as an editor's error line: `file:line:col: error: message`.
    pub fn to_text(&self, file: &str, source: &str) -> String {
        let (line, col) = self.line_col(source);
        format!("{file}:{line}:{col}: {}: {}", self.severity, self.message)
    }

    /// The finding as [`Finding::to_text`] gives it, its line and column
    /// from the [`LineIndex`] of its text.
    ///
    /// ```
    /// let src = "Imbler v. Pachtman, 424 U. S. 409 (1976).\nLater, Imbler, 425 U. S., at 425.\n";
    /// let cited = pincite::cite(src);
    /// let lines = pincite::LineIndex::new(src);
    /// let found = cited.verify();
    /// assert_eq!(found[0].to_text_with("a.txt", &lines), found[0].to_text("a.txt", src));
    /// assert!(found[0].to_text_with("a.txt", &lines).starts_with("a.txt:2:8: error: "));
    /// ```
    pub fn to_text_with(&self, file: &str, lines: &LineIndex) -> String {
        let (line, col) = lines.line_col(self.span.start);
        format!("{file}:{line}:{col}: {}: {}", self.severity, self.message)
    }
}

/// A pin more than this many pages past the first page of its case draws a
/// warning: few opinions run that long.
pub const FAR_PAST_PAGES: u32 = 300;

/// Checks the citations of one document and returns the findings in
/// document order.
///
/// `cites` are the citations [`extract`](crate::extract) found in the text
/// `norm` was made from.
///
/// ```
/// let src = "See Imbler v. Pachtman, 424 U. S. 409, 430 (1976). \
///            Later, Imbler, 425 U. S., at 425, said more.\n";
/// let norm = pincite::normalize(src);
/// let cites = pincite::extract(src, &norm);
/// let found = pincite::verify(&norm, &cites);
/// assert_eq!(found.len(), 1);
/// assert_eq!(found[0].code, "short-cite-mismatch");
/// assert_eq!(found[0].severity, pincite::Severity::Error);
/// assert_eq!(&src[found[0].span.range()], "Imbler, 425 U. S., at 425");
/// ```
pub fn verify(norm: &Normalized, cites: &[Citation]) -> Vec<Finding> {
    let places = context::places(norm, cites);
    let mut out = Vec::new();
    let cases = Cases::new(cites);
    check_short_volumes(cites, &cases, &mut out);
    check_pins(norm, cites, &cases, &mut out);
    check_ids(norm, cites, &places, &mut out);
    check_short_forms(cites, &mut out);
    check_quotations(norm.reading(), cites, &places, &mut out);
    check_internal(norm, cites, &mut out);
    check_journals(cites, &mut out);
    check_codes(norm, cites, &mut out);
    out.sort_by_key(|f| (f.span.start, f.severity, f.code));
    out
}

fn finding(c: &Citation, severity: Severity, code: &'static str, message: String) -> Finding {
    Finding {
        span: c.span,
        severity,
        code,
        message,
        authority: c.authority.clone(),
    }
}

/// "Imbler, 425 U. S., at 425" after "Imbler v. Pachtman, 424 U. S. 409".
fn check_short_volumes(cites: &[Citation], cases: &Cases, out: &mut Vec<Finding>) {
    for c in cites.iter() {
        let (Form::ShortCase(s), Some(key)) = (&c.form, &c.authority) else {
            continue;
        };
        let (v, r) = (s.volume, &s.reporter);
        let Some(f) = cases.get(key) else { continue };
        if f.volumes.is_empty() || f.volumes.contains(&(v, r.clone())) {
            continue;
        }
        let name = f.name.as_deref().unwrap_or("the case");
        let mut msg = format!("short citation names {v} {r}, but {name} is {key}");
        // "distinguishing Miranda, 391 U. S., at 4" cites Mathis v. United
        // States, 391 U. S. 1, at page 4: a case the document cites in
        // full in that volume, whose pages hold the pin, may be meant.
        let other = c.pins.iter().find_map(|p| cases.alternative(c, p.page?));
        let severity = match other {
            Some(other) => {
                msg.push_str(&format!("; the citation may mean {other}"));
                Severity::Warning
            }
            None => Severity::Error,
        };
        out.push(finding(c, severity, "short-cite-mismatch", msg));
    }
}

/// Pins before the first page, far past it, or running backwards.
///
/// A pin before the first page is an error for a full, short or supra
/// citation; for an Id. (whose antecedent may be a source pincite does not
/// recognize, such as a treatise) and for a short form that another case
/// of the document could mean, it is a warning. Blank-page citations ("554
/// U. S., at ___ (slip op., at 57)") pin slip pages, and paragraph and star
/// pins are no pages: neither is checked against a first page.
fn check_pins(norm: &Normalized, cites: &[Citation], cases: &Cases, out: &mut Vec<Finding>) {
    for c in cites {
        if !matches!(
            c.kind(),
            CitationKind::FullCase
                | CitationKind::ShortCase
                | CitationKind::Id
                | CitationKind::Supra
        ) || c.is_blank()
        {
            continue;
        }
        let own = c.authority.as_ref().and_then(|k| cases.get(k));
        // Database citations pin star pages ("2007 WL 1234, *6").
        if c.full_case().is_some_and(|f| f.database) || own.is_some_and(|f| f.database) {
            continue;
        }
        let first = match c.full_case() {
            Some(f) => f.first_page,
            None => own.and_then(|f| f.first_page),
        };
        // A volume that is a year ("2011 Ark. 49", "2018 IL 122008"): a
        // public-domain citation, whose "first page" is the number of the
        // decision and whose pins are pages or paragraphs of its own.
        if c.volume().is_some_and(|v| (1900..=2100).contains(&v))
            || own.is_some_and(|f| f.volumes.iter().any(|(v, _)| (1900..=2100).contains(v)))
        {
            continue;
        }
        let key = c.authority.as_deref().unwrap_or("?");
        // Paragraphs ("2018 IL 122008, ¶¶ 11-12, 14": the sign governs
        // the list) and star pages are no pages after a first page.
        if c.pins.iter().any(|p| p.unit != PinUnit::Page) {
            continue;
        }
        for p in &c.pins {
            let Some(page) = p.page else { continue };
            if let Some(end) = p.end.filter(|_| p.is_reversed()) {
                let msg = format!("pin range {page}-{end} ends before it starts");
                out.push(finding(c, Severity::Warning, "pin-range-reversed", msg));
            }
            let Some(first) = first else { continue };
            if page < first {
                let (severity, msg) = before_first_page(norm, c, page, key, own, cases);
                out.push(finding(c, severity, "pin-before-first-page", msg));
            } else if page > first.saturating_add(FAR_PAST_PAGES) {
                let msg = format!(
                    "pin {page} is {} pages past the first page of {key}",
                    page - first
                );
                out.push(finding(
                    c,
                    Severity::Warning,
                    "pin-far-past-first-page",
                    msg,
                ));
            }
        }
    }
}

/// How serious a pin before the first page of `key` is, and what to say.
/// An error, but a warning where the citation may mean something else: an
/// Id. a source pincite does not recognize, a short form another case of
/// the document, a supra of a name no full citation has a case the
/// document never cites in full, a supra after "Brief for ... in" a paper
/// filed in that case.
fn before_first_page(
    norm: &Normalized,
    c: &Citation,
    page: u32,
    key: &str,
    own: Option<&FullCase>,
    cases: &Cases,
) -> (Severity, String) {
    let mut msg = format!("pin {page} is before the first page of {key}");
    if c.kind() == CitationKind::Id {
        msg.push_str(" (does the Id. refer to a source pincite does not recognize?)");
    } else if let Some(other) = cases.alternative(c, page) {
        msg.push_str(&format!("; the citation may mean {other}"));
    } else if let Some(n) = c
        .case_name()
        .filter(|n| c.kind() != CitationKind::FullCase && own.is_some_and(|f| !f.answers_to(n)))
    {
        msg.push_str(&format!(
            "; \"{n}\" names no full citation of the document, so the case may be one it never cites in full"
        ));
    } else if c.kind() == CitationKind::Supra && filed_in(norm, c) {
        msg.push_str("; it may cite a brief or other paper filed in that case");
    } else {
        return (Severity::Error, msg);
    }
    (Severity::Warning, msg)
}

/// Whether a supra names the case a paper was filed in: "Brief for United
/// States as Amicus Curiae in Mueller v. Allen, supra, at 12".
fn filed_in(norm: &Normalized, c: &Citation) -> bool {
    let Some(at) = norm.reading_map().from_source(c.span.start) else {
        return false;
    };
    let before = last_words(norm.reading(), at).trim_end();
    let Some(rest) = before.strip_suffix(" in") else {
        return false;
    };
    let clause = rest.rsplit([';', '(']).next().unwrap_or(rest);
    [
        "Brief",
        "Curiae",
        "Petition",
        "Reply",
        "Motion",
        "Tr. of Oral Arg",
    ]
    .iter()
    .any(|w| clause.contains(w))
}

/// Whether a citation is a passing mention that an Id. skips over.
fn skipped_by_id(c: &Citation) -> bool {
    c.is_passing_mention() || c.kind() == CitationKind::Internal
}

/// Id. with nothing to refer to, or after a string of authorities.
fn check_ids(norm: &Normalized, cites: &[Citation], places: &[Place], out: &mut Vec<Finding>) {
    let reading = norm.reading();
    for c in cites {
        if c.kind() != CitationKind::Id {
            continue;
        }
        // The citation the resolver took the Id. to mean: in a footnote,
        // the footnote's own or the one before its call; in the body, the
        // body's.
        let Some(j) = c.antecedent else {
            // "Id. §5" resolved to the last statute, or an Id. of a source
            // pincite does not parse (a brief, a dictionary): nothing to
            // check here.
            if c.authority.is_none() && c.other_source().is_none() {
                let msg = "Id. with no earlier citation to refer to".to_string();
                out.push(finding(c, Severity::Warning, "id-unresolved", msg));
            }
            continue;
        };
        // The citation string the antecedent ends: the citations before it
        // joined by nothing but punctuation, signals and parentheticals
        // ("See Burns v. Reed, 500 U. S. 478 (1991) (collecting cases);
        // Kalina v. Fletcher, 522 U. S. 118 (1997).").
        // At most MAX_STRING citations back, so that a run of them
        // joined by nothing costs each Id. a bounded walk.
        let mut named: Vec<Option<&str>> = vec![cites[j].authority.as_deref()];
        let mut k = j;
        while k > 0 && j - k < MAX_STRING {
            let (prev, next) = (&places[k - 1].reading, &places[k].reading);
            if prev.end > next.start || next.start > reading.len() {
                break;
            }
            let gap = &reading[prev.end..next.start];
            if gap.len() > MAX_GAP || !joins_a_string(gap) {
                break;
            }
            k -= 1;
            let d = &cites[k];
            // A parallel citation: "54 Wis. 539, 11 N. W. 703".
            let next = cites[k + 1].full_case();
            let parallel = d.is_parallel()
                || (next.is_some_and(|n| n.case_name.is_none())
                    && d.full_case().is_some()
                    && gap.trim() == ",");
            if skipped_by_id(d) || parallel || cites[k + 1].is_parallel() {
                continue;
            }
            let a = d.authority.as_deref();
            if !named.contains(&a) {
                named.push(a);
            }
        }
        named.reverse();
        if named.len() > 1 {
            let list: Vec<&str> = named
                .iter()
                .map(|a| a.unwrap_or("an unresolved citation"))
                .collect();
            let msg = format!(
                "Id. follows a citation string naming {} authorities ({}); it is ambiguous",
                named.len(),
                list.join("; ")
            );
            out.push(finding(c, Severity::Warning, "id-ambiguous", msg));
        }
    }
}

/// The most citations of a citation string an Id. is checked against.
const MAX_STRING: usize = 32;

/// The longest text between two citations of one citation string, in
/// bytes: punctuation, signals and parentheticals.
const MAX_GAP: usize = 1000;

/// Words that may stand between the citations of one citation string.
const STRING_WORDS: &[&str] = &[
    "see",
    "also",
    "cf",
    "e.g",
    "eg",
    "accord",
    "but",
    "compare",
    "with",
    "and",
    "contra",
    "generally",
    "citing",
    "quoting",
];

/// Whether the text between two citations keeps them in one citation
/// string: only punctuation, signals and parentheticals.
fn joins_a_string(gap: &str) -> bool {
    let mut depth = 0usize;
    let mut rest = String::new();
    for ch in gap.chars() {
        match ch {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => rest.push(ch),
            _ => {}
        }
    }
    if !rest.contains(';') && !rest.trim().is_empty() && rest.trim() != "," {
        // Without a semicolon only a bare comma (a parallel citation) or
        // parentheticals join.
        return rest
            .split(|ch: char| !ch.is_alphanumeric())
            .all(|w| w.is_empty() || STRING_WORDS.contains(&w.to_lowercase().as_str()))
            && rest.contains(',');
    }
    rest.split(|ch: char| !ch.is_alphanumeric())
        .all(|w| w.is_empty() || STRING_WORDS.contains(&w.to_lowercase().as_str()))
}

/// Supra and short cites before the full cite, or with none at all.
fn check_short_forms(cites: &[Citation], out: &mut Vec<Finding>) {
    let mut full: Option<FullCitations> = None;
    for (i, c) in cites.iter().enumerate() {
        if !matches!(c.form, Form::Supra(_) | Form::ShortCase(_)) || c.authority.is_some() {
            continue;
        }
        let full = full.get_or_insert_with(|| FullCitations::new(cites));
        let later = full.first_after(cites, i).map(|k| &cites[k]);
        let form = if c.kind() == CitationKind::Supra {
            "supra"
        } else {
            "short citation"
        };
        match later {
            Some(d) => {
                let key = d.authority.as_deref().unwrap_or("?");
                let msg = format!("{form} comes before the full citation of its case ({key})");
                out.push(Finding {
                    span: c.span,
                    severity: Severity::Warning,
                    code: "cite-before-full-citation",
                    message: msg,
                    authority: d.authority.clone(),
                });
            }
            None => {
                let msg = format!("{form} of a case with no full citation in the document");
                out.push(finding(c, Severity::Warning, "no-full-citation", msg));
            }
        }
    }
}

/// Articles in periodicals reporters-db's journals list does not know,
/// read by the shape of their abbreviation ("52 Howard L. J. 674"): a
/// misspelling, or a periodical to check by hand.
fn check_journals(cites: &[Citation], out: &mut Vec<Finding>) {
    for c in cites {
        let Form::Journal(j) = &c.form else { continue };
        if crate::extract::is_known_journal(&j.journal) {
            continue;
        }
        let text = c.text.split_whitespace().collect::<Vec<_>>().join(" ");
        let msg = format!(
            "periodical \"{}\" is not in the journals list: \"{text}\"",
            j.journal
        );
        out.push(finding(c, Severity::Warning, "unknown-journal", msg));
    }
}

/// A quotation as compared: lower case, brackets of alterations and
/// punctuation dropped, spaces folded.
fn quote_key(q: &str) -> String {
    let mut s = String::with_capacity(q.len());
    for ch in q.chars() {
        if ch.is_alphanumeric() {
            s.extend(ch.to_lowercase());
        } else if ch.is_whitespace() && !s.ends_with(' ') {
            s.push(' ');
        }
    }
    s.trim().to_string()
}

/// The shortest quotation compared across citations, in characters.
const MIN_QUOTE: usize = 20;

/// The pages a citation's pins cover.
fn pin_pages(c: &Citation) -> Vec<(u32, u32)> {
    c.pins
        .iter()
        .filter_map(|p| p.page.map(|s| (s, p.end.unwrap_or(s).max(s))))
        .collect()
}

/// One quotation cited to pages of one authority that do not overlap the
/// pages another citation gives it.
///
/// Quotations are compared by their key ([`quote_key`]): the same key
/// through a hash table, and one key inside another (a quotation cut
/// shorter) among the last [`MAX_RECENT`] quotations of the authority.
fn check_quotations(reading: &str, cites: &[Citation], places: &[Place], out: &mut Vec<Finding>) {
    let mut seen: HashMap<(&str, String), Quoted> = HashMap::new();
    let mut recent: HashMap<&str, VecDeque<String>> = HashMap::new();
    for (i, c) in cites.iter().enumerate() {
        let Some(key) = c.authority.as_deref() else {
            continue;
        };
        let pages = pin_pages(c);
        if pages.is_empty() {
            continue;
        }
        let mut reported = false;
        for q in &places[i].quotes {
            let k = quote_key(&reading[q.clone()]);
            if k.chars().count() < MIN_QUOTE {
                continue;
            }
            // The earlier citations of the same quotation: fine when any
            // of them gives an overlapping page.
            let last = recent.entry(key).or_default();
            let earlier: Vec<&Quoted> = last
                .iter()
                .filter(|o| **o != k && (o.contains(k.as_str()) || k.contains(o.as_str())))
                .cloned()
                .chain([k.clone()])
                .filter_map(|o| seen.get(&(key, o)))
                .collect();
            let agrees = earlier.iter().any(|e| e.overlaps(&pages));
            let first = earlier.iter().map(|e| e.first).min();
            if let (Some(j), false, false) = (first, agrees, reported) {
                out.push(quotation_conflict(reading, q, c, &cites[j]));
                reported = true;
            }
            if !last.contains(&k) {
                last.push_back(k.clone());
                if last.len() > MAX_RECENT {
                    last.pop_front();
                }
            }
            let e = seen.entry((key, k)).or_insert(Quoted {
                first: i,
                pages: Vec::new(),
            });
            e.add(&pages);
        }
    }
}

/// A code's abbreviation right before a section mark: "Xxx. Yyy. Code ",
/// "Mass Gen. Laws ch. 119, ".
static CODE_ABBREVIATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"((?:[A-Z][A-Za-z']*\.?[^\S\n]+){0,4}(?:[A-Z][A-Za-z']*\.)[^\S\n]*(?:Code|Stat\.|Laws?|Regs?\.)",
        r"(?:[^\S\n]+Ann\.)?)(?:,?[^\S\n]*(?:ch|[Tt]it)\.,?[^\S\n]*[0-9A-Za-z-]+)?,?[^\S\n]*$"
    ))
    .expect("pattern compiles")
});

/// A section of a code named by an abbreviation no table knows ("Xxx. Yyy.
/// Code §5"): a warning with the abbreviation, which may be misspelled.
fn check_codes(norm: &Normalized, cites: &[Citation], out: &mut Vec<Finding>) {
    let text = norm.matching();
    for c in cites {
        let Some(Statute::Section {
            code: None,
            bare: false,
            ..
        }) = c.statute()
        else {
            continue;
        };
        let at = c.place.matching.start.min(text.len());
        let mut lo = at.saturating_sub(CODE_LOOKBACK);
        while !text.is_char_boundary(lo) {
            lo += 1;
        }
        let Some(name) = CODE_ABBREVIATION
            .captures(&text[lo..at])
            .and_then(|m| m.get(1))
        else {
            continue;
        };
        // "See Xxx. Code": the signal is no part of the name; "N. C. Sess.
        // Laws" are session laws, no code.
        let mut name = name.as_str().trim();
        while let Some((first, rest)) = name.split_once(' ') {
            if !STOP_WORDS.contains(first) {
                break;
            }
            name = rest.trim_start();
        }
        if name.contains("Sess.") {
            continue;
        }
        let msg = format!("unknown code \"{name}\"");
        out.push(finding(c, Severity::Warning, "unknown-code", msg));
    }
}

/// How far before a section its code's abbreviation is looked for, in
/// bytes.
const CODE_LOOKBACK: usize = 80;

/// The quotations of an authority compared for one key inside another.
const MAX_RECENT: usize = 16;

/// The most page ranges kept for one quotation.
const MAX_RANGES: usize = 64;

/// What is known of one quotation of one authority.
struct Quoted {
    /// The first citation of it.
    first: usize,
    /// The page ranges it is cited to, each once (at most [`MAX_RANGES`]).
    pages: Vec<(u32, u32)>,
}

impl Quoted {
    fn overlaps(&self, pages: &[(u32, u32)]) -> bool {
        pages
            .iter()
            .any(|a| self.pages.iter().any(|b| a.0 <= b.1 && b.0 <= a.1))
    }

    fn add(&mut self, pages: &[(u32, u32)]) {
        for p in pages {
            if self.pages.len() < MAX_RANGES && !self.pages.contains(p) {
                self.pages.push(*p);
            }
        }
    }
}

/// The finding of a quotation `q` cited by `c` to other pages than by
/// `earlier`.
fn quotation_conflict(
    reading: &str,
    q: &Range<usize>,
    c: &Citation,
    earlier: &Citation,
) -> Finding {
    let msg = format!(
        "the quotation \u{201C}{}\u{201D} is cited to {} at {} here but at {} earlier{}",
        reading[q.clone()].trim(),
        c.authority.as_deref().unwrap_or("?"),
        c.pins_string(),
        earlier.pins_string(),
        earlier
            .slip_page
            .map(|p| format!(" (slip page {p})"))
            .unwrap_or_default(),
    );
    finding(c, Severity::Warning, "quotation-pin-conflict", msg)
}

/// "supra, at 10", "Pp. 3-6", "ante, at 5" naming pages that the opinion
/// they refer to does not have.
///
/// "supra", "infra" and a part or footnote named before "supra" refer to
/// the opinion they are in (from the syllabus or the Court's opinion: the
/// opinion of the Court taken whole); "ante" and "post" to the opinion
/// their parenthetical names ("(opinion of KAVANAUGH, J.)", "(majority
/// opinion)", "(dissenting opinion)"), else to any opinion of the decision
/// before (ante) or after (post) the one they are in. When that opinion is
/// not in the text (the author named wrote none of it, no opinion lies that
/// way), nothing is checked.
fn check_internal(norm: &Normalized, cites: &[Citation], out: &mut Vec<Finding>) {
    let mut decision: Option<Decision> = None;
    for (c, r) in cites.iter().filter_map(|c| Some((c, c.internal()?))) {
        if after_a_name(norm, c) {
            continue;
        }
        let decision = decision.get_or_insert_with(|| Decision::new(norm));
        let Some(here) = decision.at_source(c.span.start) else {
            continue;
        };
        if r.cites_other_opinion() {
            let named = c.parenthetical.as_deref().and_then(named_opinion);
            let targets = decision.other(here, r.direction == Direction::Ante, named.as_ref());
            check_other_opinion(c, r.direction, &targets, out);
        } else if let Some(target) = decision.own(here) {
            check_own_pages(c, r, &target, out);
        }
    }
}

/// The pins of "supra, at 10", "Pp. 3-6": a page of the opinion, and not
/// one ahead of a "supra" or behind an "infra".
fn check_own_pages(c: &Citation, r: &Internal, target: &Target, out: &mut Vec<Finding>) {
    // "supra, at 10" looks back, "infra, at 12" ahead ("Part II-A,
    // supra" names a part, not a page).
    let direction = match r.direction {
        _ if r.labeled => None,
        Direction::Supra => Some("supra"),
        Direction::Infra => Some("infra"),
        _ => None,
    };
    for p in &c.pins {
        if let (Some(page), Some((lo, hi))) = (p.page, target.pages) {
            let end = p.end.unwrap_or(page).max(page);
            if !target.holds(page, end) {
                let msg = format!(
                    "refers to page {} of {}, which runs over pages {lo}-{hi}",
                    page_text(page, end),
                    target.name
                );
                out.push(finding(c, Severity::Error, "internal-page-missing", msg));
                continue;
            }
            if let Some(here) = c.slip_page.filter(|_| c.section != Section::Syllabus) {
                let wrong = match direction {
                    Some("supra") => page > here,
                    Some(_) => end < here,
                    None => false,
                };
                if let Some(word) = direction.filter(|_| wrong) {
                    let msg = format!("\"{word}\" refers to page {page} from page {here}");
                    out.push(finding(c, Severity::Warning, "internal-direction", msg));
                }
            }
        }
        check_footnote(c, p, std::slice::from_ref(target), out);
    }
}

/// The pins of "ante, at 5" and "post, at 1": pages of one of the opinions
/// it may mean.
fn check_other_opinion(c: &Citation, d: Direction, targets: &[Target], out: &mut Vec<Finding>) {
    let word = if d == Direction::Ante { "ante" } else { "post" };
    let paged: Vec<&Target> = targets.iter().filter(|t| t.pages.is_some()).collect();
    if paged.is_empty() {
        return;
    }
    for p in &c.pins {
        let Some(page) = p.page else {
            check_footnote(c, p, targets, out);
            continue;
        };
        let end = p.end.unwrap_or(page).max(page);
        if paged.iter().any(|t| t.holds(page, end)) {
            check_footnote(c, p, targets, out);
            continue;
        }
        let runs: Vec<String> = paged
            .iter()
            .filter_map(|t| {
                t.pages
                    .map(|(lo, hi)| format!("{} runs over pages {lo}-{hi}", t.name))
            })
            .collect();
        let msg = format!(
            "\"{word}\" refers to page {}, which no opinion it may mean has ({})",
            page_text(page, end),
            runs.join("; ")
        );
        out.push(finding(c, Severity::Error, "internal-page-missing", msg));
    }
}

/// "refers to footnote 5" of opinions none of which has it, when they
/// have footnotes at all.
fn check_footnote(c: &Citation, p: &Pin, targets: &[Target], out: &mut Vec<Finding>) {
    let Some(n) = p.footnote else { return };
    let notes: Vec<&HashSet<String>> = targets
        .iter()
        .flat_map(|t| t.footnotes.iter().copied())
        .collect();
    if notes.iter().all(|f| f.is_empty()) || notes.iter().any(|f| f.contains(&n.to_string())) {
        return;
    }
    let msg = format!("refers to footnote {n}, which the document does not have");
    out.push(finding(
        c,
        Severity::Warning,
        "internal-footnote-missing",
        msg,
    ));
}

/// A page or a range as a message gives it: "5", "5-6".
fn page_text(page: u32, end: u32) -> String {
    if end > page {
        format!("{page}-{end}")
    } else {
        page.to_string()
    }
}

/// Whether an internal-looking "supra, at 10" follows a name ("Herring,
/// supra, at 137", "The Federalist No. 42, supra, at 271", "Hensley supra,
/// at 435"): then it is a supra citation of a source, not a reference to
/// this document. So is "ante" or "post" after a name: "Skilling, ante, at
/// 40", "Lafler v. Cooper, post, at 3", another decision of the same day
/// printed before or after this one. A reference opening a sentence or
/// after a lead-in ("see supra", "earlier, supra", "the dissent, post") is
/// a reference to the document.
fn after_a_name(norm: &Normalized, c: &Citation) -> bool {
    if c.internal()
        .is_none_or(|r| r.labeled || r.direction == Direction::Syllabus)
    {
        return false;
    }
    let Some(at) = norm.reading_map().from_source(c.span.start) else {
        return false;
    };
    let before = last_words(norm.reading(), at).trim_end();
    if before.ends_with(['.', ';', ':', '(', '\n']) || before.is_empty() {
        return false;
    }
    let before = before.strip_suffix(',').unwrap_or(before);
    let word = before
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .trim_start_matches(['(', '['])
        .to_lowercase();
    let word = word.trim_end_matches(['\'', '\u{2019}', 's']);
    !word.is_empty() && !LEAD_INS.contains(&word)
}

/// The text before `at`, at most [`LOOK_BACK`] bytes of it: what is read
/// before a citation is bounded, so that a check stays linear in the text.
fn last_words(text: &str, at: usize) -> &str {
    let at = at.min(text.len());
    let mut from = at.saturating_sub(LOOK_BACK);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    &text[from..at]
}

/// How far back a check reads before a citation, in bytes.
const LOOK_BACK: usize = 256;

/// Words that lead into a reference to the document itself: "see supra,
/// at 10", "mentioned earlier, supra, at 10".
const LEAD_INS: &[&str] = &[
    "see",
    "also",
    "earlier",
    "above",
    "before",
    "below",
    "again",
    "and",
    "or",
    "cf.",
    "e.g.",
    "e.g.,",
    "i.e.",
    "generally",
    "accord",
    "compare",
    "but",
    "further",
    "later",
    "here",
    // Another opinion of the decision named: "the dissent, post, at 5",
    // "the Court's opinion, ante, at 3" (a possessive "'s" is dropped).
    "dissent",
    "dissenting",
    "concurrence",
    "concurring",
    "opinion",
    "court",
    "majority",
    "plurality",
    "justice",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn check(src: &str) -> Vec<(&'static str, String)> {
        let norm = crate::normalize(src);
        let cites = crate::extract(src, &norm);
        verify(&norm, &cites)
            .into_iter()
            .map(|f| (f.code, src[f.span.range()].to_string()))
            .collect()
    }

    /// Every code this module gives a finding (a string literal passed to
    /// `finding`) and every code of the table in the docs is in
    /// `Finding::CODES`, so that every finding reads back from its JSON.
    #[test]
    fn every_code_given_is_listed() {
        let source = include_str!("verify.rs");
        let body = &source[..source.find("#[cfg(test)]").unwrap()];
        let given: HashSet<&str> = body
            .split('"')
            .skip(1)
            .step_by(2)
            .filter(|s| {
                s.len() > 5
                    && s.contains('-')
                    && s.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
            })
            .collect();
        assert!(given.len() >= Finding::CODES.len(), "{given:?}");
        for code in &given {
            assert!(
                Finding::CODES.contains(code),
                "{code} is not in Finding::CODES"
            );
        }
    }

    #[test]
    fn a_pin_before_the_first_page_is_an_error() {
        let got = check("See Imbler v. Pachtman, 424 U. S. 409, 408 (1976).\n");
        assert_eq!(
            got,
            [(
                "pin-before-first-page",
                "Imbler v. Pachtman, 424 U. S. 409, 408 (1976)".to_string()
            )]
        );
        let got = check("Imbler v. Pachtman, 424 U. S. 409 (1976). Id., at 400.\n");
        assert_eq!(got, [("pin-before-first-page", "Id., at 400".to_string())]);
    }

    #[test]
    fn a_short_form_that_another_case_could_mean_is_a_warning() {
        let src = "Harlow v. Fitzgerald, 457 U. S. 800 (1982); Nixon v. Fitzgerald, \
                   457 U. S. 731 (1982). Later: Harlow, 457 U. S., at 750.\n";
        let norm = crate::normalize(src);
        let cites = crate::extract(src, &norm);
        let f = verify(&norm, &cites);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Warning);
        assert!(
            f[0].message.ends_with("the citation may mean 457 U.S. 731"),
            "{}",
            f[0].message
        );
    }

    #[test]
    fn a_short_cite_by_another_name_is_a_warning() {
        let src = "Harlow v. Fitzgerald, 457 U. S. 800 (1982). Later: Nixon, 457 U. S., at 750.\n";
        let norm = crate::normalize(src);
        let cites = crate::extract(src, &norm);
        let f = verify(&norm, &cites);
        assert!(f.iter().all(|f| f.severity == Severity::Warning), "{f:?}");
    }

    #[test]
    fn abbreviated_ranges_are_not_reversed() {
        let got = check("Lee v. Flintkote Co., 593 F. 2d 1275, 1278-79 (CADC 1979).\n");
        assert_eq!(got, []);
        let got = check("Lee v. Flintkote Co., 593 F. 2d 1275, 1278-1270 (CADC 1979).\n");
        assert_eq!(got[0].0, "pin-range-reversed");
    }

    #[test]
    fn a_named_supra_is_no_internal_reference() {
        for src in [
            "As Herring, supra, at 137, held.\n",
            "As Jack son, supra, at 319, held.\n",
            "See Coeur d\u{2019}Alene, supra, at 268.\n",
            "As Hensley supra, at 435, says.\n",
        ] {
            let got = check(src);
            assert!(
                got.iter().all(|(code, _)| !code.starts_with("internal")),
                "{got:?}"
            );
        }
        let src = "I\n We said it earlier, supra, at 10.\n";
        let norm = crate::normalize(src);
        let c = crate::extract(src, &norm);
        assert_eq!(c.len(), 1);
        assert!(!after_a_name(&norm, &c[0]));
    }

    #[test]
    fn paragraph_pins_are_not_pages_after_a_first_page() {
        // The "¶¶" governs the whole list: 14 is a paragraph too.
        let got = check(
            "People v. Bingham, 2018 IL 122008. Bingham, 2018 IL 122008, \u{b6}\u{b6} 11-12, 14.\n",
        );
        assert!(
            got.iter().all(|(code, _)| *code != "pin-before-first-page"),
            "{got:?}"
        );
        let got = check(
            "Cook v. Public Storage, Inc., 2008 WI App 155, \u{b6} 12. Zehetner v. Chrysler Fin. Co., 2004 WI App 80, \u{b6} 12.\n",
        );
        assert_eq!(got, []);
    }

    #[test]
    fn a_public_domain_citation_pins_its_own_pages() {
        let got =
            check("See Jackson v. Norris, 2011 Ark. 49, at 10 (Danielson, J., dissenting).\n");
        assert_eq!(got, []);
    }

    #[test]
    fn a_short_cite_that_another_case_of_its_volume_holds_is_a_warning() {
        let src = "Miranda v. Arizona, 384 U. S. 436 (1966); Mathis v. United States, 391 U. S. 1 \
                   (1968). The Court rejected both grounds for distinguishing Miranda, 391 U. S., at 4.\n";
        let norm = crate::normalize(src);
        let cites = crate::extract(src, &norm);
        let f = verify(&norm, &cites);
        assert!(f.iter().all(|f| f.severity == Severity::Warning), "{f:?}");
    }

    #[test]
    fn a_supra_naming_the_case_a_brief_was_filed_in_is_a_warning() {
        let src = "Mueller v. Allen, 463 U. S. 388 (1983). See Brief for United States as Amicus \
                   Curiae in Mueller v. Allen, supra, at 12, n. 15.\n";
        let norm = crate::normalize(src);
        let cites = crate::extract(src, &norm);
        let f = verify(&norm, &cites);
        assert!(f.iter().all(|f| f.severity == Severity::Warning), "{f:?}");
    }

    #[test]
    fn ante_or_post_after_a_case_name_is_another_decision() {
        let src = "I\n See Lafler v. Cooper, post, at 3\u{2013}16. As in Skilling, ante, at 40\u{2013}41, we agree.\n";
        let norm = crate::normalize(src);
        let c = crate::extract(src, &norm);
        let internal: Vec<&Citation> = c.iter().filter(|c| c.internal().is_some()).collect();
        assert_eq!(internal.len(), 2, "{c:?}");
        assert!(internal.iter().all(|c| after_a_name(&norm, c)));
        let src = "I\n The dissent, post, at 5, says so. See ante, at 3.\n";
        let norm = crate::normalize(src);
        let c = crate::extract(src, &norm);
        assert!(c.iter().all(|c| !after_a_name(&norm, c)), "{c:?}");
    }

    #[test]
    fn a_pin_far_past_the_first_page_is_a_warning() {
        let got = check("Imbler v. Pachtman, 424 U. S. 409 (1976). Id., at 4240.\n");
        assert_eq!(
            got,
            [("pin-far-past-first-page", "Id., at 4240".to_string())]
        );
    }

    #[test]
    fn id_first_or_after_a_string_cite_is_flagged() {
        let got = check("Id., at 5. Then nothing.\n");
        assert_eq!(got[0].0, "id-unresolved");
        let got = check(
            "See Burns v. Reed, 500 U. S. 478, 486 (1991); Kalina v. Fletcher, \
             522 U. S. 118, 127 (1997). Id., at 130.\n",
        );
        assert_eq!(got, [("id-ambiguous", "Id., at 130".to_string())]);
    }

    #[test]
    fn citation_strings_are_joined_by_punctuation_signals_and_parentheticals() {
        assert!(joins_a_string("; "));
        assert!(joins_a_string(" (collecting cases); see also "));
        assert!(joins_a_string(", "));
        assert!(joins_a_string("; cf. "));
        assert!(!joins_a_string(". The Court held that "));
        assert!(!joins_a_string(", and the prosecutor said "));
        // Citations in separate clauses of a sentence: Id. means the last.
        let got = check(
            "The rule of Burns v. Reed, 500 U. S. 478, 486 (1991), differs from that of \
             Kalina v. Fletcher, 522 U. S. 118, 127 (1997). Id., at 130.\n",
        );
        assert_eq!(got, []);
    }

    #[test]
    fn supra_before_the_full_cite_or_without_one() {
        let got = check(
            "As Imbler, supra, at 430, held. Later Imbler v. Pachtman, 424 U. S. 409 (1976).\n",
        );
        assert_eq!(
            got,
            [(
                "cite-before-full-citation",
                "Imbler, supra, at 430".to_string()
            )]
        );
        let got = check("As Kalina, supra, at 130, held.\n");
        assert_eq!(
            got,
            [("no-full-citation", "Kalina, supra, at 130".to_string())]
        );
    }

    #[test]
    fn one_quotation_cited_to_two_pages() {
        let got = check(
            "Imbler v. Pachtman, 424 U. S. 409 (1976). It spoke of \u{201C}the judicial phase of \
             the criminal process.\u{201D} Id., at 430. Later it again said \u{201C}the judicial \
             phase of the criminal process.\u{201D} Id., at 416.\n",
        );
        assert_eq!(got, [("quotation-pin-conflict", "Id., at 416".to_string())]);
    }

    #[test]
    fn quotation_keys_ignore_brackets_case_and_punctuation() {
        assert_eq!(
            quote_key("[I]t has been  thought, in the end."),
            "it has been thought in the end"
        );
    }

    #[test]
    fn lines_and_columns_count_from_one_in_characters() {
        let f = Finding {
            span: Span::new(9, 10),
            severity: Severity::Error,
            code: "x",
            message: "m".into(),
            authority: None,
        };
        assert_eq!(f.line_col("ab\n\u{201C}cd e"), (2, 5));
        assert_eq!(
            f.to_text("a.txt", "ab\n\u{201C}cd e"),
            "a.txt:2:5: error: m"
        );
    }
}

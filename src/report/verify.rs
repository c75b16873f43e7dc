//! Verification: pin cites and short forms checked against the rest of
//! the document.

use super::context::{self, Place};
use crate::citation::{Citation, CitationKind, Direction, Form};
use crate::law::names::party_matches;
use crate::normalize::{BlockKind, Normalized, Section};
use crate::span::Span;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
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
/// | `short-cite-mismatch` | error | a short cite's volume or reporter differs from the full cite of its case |
/// | `pin-before-first-page` | error | a pin page before the case's first page (a warning for an Id., whose antecedent may be a source pincite does not recognize, and for a short form another case of the document could mean) |
/// | `pin-far-past-first-page` | warning | a pin more than [`FAR_PAST_PAGES`] pages past the first page |
/// | `pin-range-reversed` | warning | a pin range that ends before it starts |
/// | `id-unresolved` | warning | an Id. with no citation before it to refer to |
/// | `id-ambiguous` | warning | an Id. after a citation string naming several authorities (citations joined by semicolons, signals and parentheticals: "See A, 1 U. S. 1 (1990); B, 2 U. S. 2 (1991). Id., at 3.") |
/// | `cite-before-full-citation` | warning | a supra or short cite before the full cite of its case |
/// | `no-full-citation` | warning | a supra or short cite of a case never cited in full |
/// | `quotation-pin-conflict` | warning | one quotation cited to different pages of one authority |
/// | `internal-page-missing` | error | "supra, at 10", "Pp. 3-6" naming a page the document lacks |
/// | `internal-direction` | warning | "supra" naming a later page, "infra" an earlier one |
/// | `internal-footnote-missing` | warning | "supra, n. 5" naming a footnote the document lacks |
/// | `unknown-journal` | warning | an article in a periodical reporters-db's journals list does not know ("52 Howard L. J. 674") |
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The citation's bytes in the original input.
    pub span: Span,
    /// Error or warning.
    pub severity: Severity,
    /// A stable name for the kind of problem ("short-cite-mismatch").
    pub code: &'static str,
    /// What is wrong, in a sentence.
    pub message: String,
    /// The authority the citation resolved to, if any.
    pub authority: Option<String>,
}

impl Finding {
    /// The 1-based line and column (in characters) of the finding's start
    /// in `source`.
    pub fn line_col(&self, source: &str) -> (usize, usize) {
        let at = self.span.start.min(source.len());
        let before = source.get(..at).unwrap_or("");
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = before[line_start..].chars().count() + 1;
        (line, col)
    }

    /// The finding as an editor's error line: `file:line:col: error: message`.
    pub fn to_text(&self, file: &str, source: &str) -> String {
        let (line, col) = self.line_col(source);
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
    let full = full_cites(cites);
    check_short_volumes(cites, &full, &mut out);
    check_pins(cites, &full, &mut out);
    check_ids(norm, cites, &places, &mut out);
    check_short_forms(cites, &mut out);
    check_quotations(norm.reading(), cites, &places, &mut out);
    check_internal(norm, cites, &mut out);
    check_journals(cites, &mut out);
    out.sort_by_key(|f| (f.span.start, f.severity, f.code));
    out
}

/// What the full citations of a document say about each case authority.
struct FullCase {
    /// The volumes and reporters it is cited by.
    volumes: HashSet<(u32, String)>,
    /// Its first page.
    first_page: Option<u32>,
    /// Its fullest case name.
    name: Option<String>,
    /// Every name it is cited by in full.
    names: Vec<String>,
    /// Whether it is cited from a database (Westlaw, Lexis), whose pins
    /// are star pages.
    database: bool,
}

fn full_cites(cites: &[Citation]) -> HashMap<String, FullCase> {
    let mut out: HashMap<String, FullCase> = HashMap::new();
    for (c, f) in cites.iter().filter_map(|c| Some((c, c.full_case()?))) {
        let Some(key) = &c.authority else { continue };
        let e = out.entry(key.clone()).or_insert(FullCase {
            volumes: HashSet::new(),
            first_page: None,
            name: None,
            names: Vec::new(),
            database: f.database,
        });
        if let Some(n) = &f.case_name {
            e.names.push(n.clone());
        }
        e.volumes.insert((f.volume, f.reporter.clone()));
        if e.first_page.is_none() {
            e.first_page = f.first_page;
        }
        let better = match (&e.name, &f.case_name) {
            (None, Some(_)) => true,
            (Some(a), Some(b)) => b.contains(" v. ") && !a.contains(" v. "),
            _ => false,
        };
        if better {
            e.name.clone_from(&f.case_name);
        }
    }
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
fn check_short_volumes(
    cites: &[Citation],
    full: &HashMap<String, FullCase>,
    out: &mut Vec<Finding>,
) {
    for c in cites.iter() {
        let (Form::ShortCase(s), Some(key)) = (&c.form, &c.authority) else {
            continue;
        };
        let (v, r) = (s.volume, &s.reporter);
        let Some(f) = full.get(key) else { continue };
        if f.volumes.is_empty() || f.volumes.contains(&(v, r.clone())) {
            continue;
        }
        let name = f.name.as_deref().unwrap_or("the case");
        let msg = format!("short citation names {v} {r}, but {name} is {key}");
        out.push(finding(c, Severity::Error, "short-cite-mismatch", msg));
    }
}

/// Another case of the document the citation may mean, one whose pages
/// hold `page`: a short cite's other case in the same volume, a supra's
/// other case of the same party name.
fn alternative<'a>(
    c: &Citation,
    page: u32,
    full: &'a HashMap<String, FullCase>,
) -> Option<&'a str> {
    let own = c.authority.as_deref();
    full.iter()
        .filter(|(k, _)| Some(k.as_str()) != own)
        .filter(|(_, f)| {
            f.first_page
                .is_some_and(|fp| fp <= page && page <= fp.saturating_add(FAR_PAST_PAGES))
        })
        .filter(|(_, f)| match &c.form {
            Form::ShortCase(s) => f.volumes.contains(&(s.volume, s.reporter.clone())),
            Form::Supra(s) => f.names.iter().any(|full| party_matches(full, &s.case_name)),
            _ => false,
        })
        .map(|(k, _)| k.as_str())
        .min()
}

/// Pins before the first page, far past it, or running backwards.
///
/// A pin before the first page is an error for a full, short or supra
/// citation; for an Id. (whose antecedent may be a source pincite does not
/// recognize, such as a treatise) and for a short form that another case
/// of the document could mean, it is a warning. Blank-page citations ("554
/// U. S., at ___ (slip op., at 57)") pin slip pages and are not checked.
fn check_pins(cites: &[Citation], full: &HashMap<String, FullCase>, out: &mut Vec<Finding>) {
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
        let own = c.authority.as_ref().and_then(|k| full.get(k));
        // Database citations pin star pages ("2007 WL 1234, *6").
        if c.full_case().is_some_and(|f| f.database) || own.is_some_and(|f| f.database) {
            continue;
        }
        let first = match c.full_case() {
            Some(f) => f.first_page,
            None => own.and_then(|f| f.first_page),
        };
        let key = c.authority.as_deref().unwrap_or("?");
        for p in &c.pins {
            let Some(page) = p.page else { continue };
            if let Some(end) = p.end.filter(|_| p.is_reversed()) {
                let msg = format!("pin range {page}-{end} ends before it starts");
                out.push(finding(c, Severity::Warning, "pin-range-reversed", msg));
            }
            let Some(first) = first else { continue };
            if page < first {
                let mut msg = format!("pin {page} is before the first page of {key}");
                let severity = if c.kind() == CitationKind::Id {
                    msg.push_str(" (does the Id. refer to a source pincite does not recognize?)");
                    Severity::Warning
                } else if let Some(other) = alternative(c, page, full) {
                    msg.push_str(&format!("; the citation may mean {other}"));
                    Severity::Warning
                } else if let Some(n) = c.case_name().filter(|n| {
                    c.kind() != CitationKind::FullCase
                        && own.is_some_and(|f| !f.names.iter().any(|full| party_matches(full, n)))
                }) {
                    msg.push_str(&format!(
                        "; \"{n}\" names no full citation of the document, so the case may be one it never cites in full"
                    ));
                    Severity::Warning
                } else {
                    Severity::Error
                };
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
        let mut named: Vec<Option<&str>> = vec![cites[j].authority.as_deref()];
        let mut k = j;
        while k > 0 {
            let (prev, next) = (&places[k - 1].reading, &places[k].reading);
            if prev.end > next.start || next.start > reading.len() {
                break;
            }
            let gap = &reading[prev.end..next.start];
            if !joins_a_string(gap) {
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
    for (i, c) in cites.iter().enumerate() {
        if !matches!(c.form, Form::Supra(_) | Form::ShortCase(_)) || c.authority.is_some() {
            continue;
        }
        let later = cites[i + 1..].iter().find(|d| {
            d.full_case().is_some_and(|f| {
                c.case_name()
                    .zip(f.case_name.as_deref())
                    .is_some_and(|(s, f)| party_matches(f, s))
                    || (c.volume() == Some(f.volume) && c.reporter() == Some(&f.reporter))
            })
        });
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
fn check_quotations(reading: &str, cites: &[Citation], places: &[Place], out: &mut Vec<Finding>) {
    // Per authority: (quotation key, citation index).
    let mut seen: HashMap<&str, Vec<(String, usize)>> = HashMap::new();
    for (i, c) in cites.iter().enumerate() {
        let Some(key) = c.authority.as_deref() else {
            continue;
        };
        let pages = pin_pages(c);
        if pages.is_empty() {
            continue;
        }
        let list = seen.entry(key).or_default();
        let mut reported = false;
        for q in &places[i].quotes {
            let k = quote_key(&reading[q.clone()]);
            if k.chars().count() < MIN_QUOTE {
                continue;
            }
            // The earlier citations of the same quotation: fine when any
            // of them gives an overlapping page.
            let earlier: Vec<usize> = list
                .iter()
                .filter(|(other, _)| {
                    other == &k || other.contains(k.as_str()) || k.contains(other.as_str())
                })
                .map(|&(_, j)| j)
                .collect();
            let agrees = earlier.iter().any(|&j| {
                let theirs = pin_pages(&cites[j]);
                pages
                    .iter()
                    .any(|a| theirs.iter().any(|b| a.0 <= b.1 && b.0 <= a.1))
            });
            if let (Some(&j), false, false) = (earlier.first(), agrees, reported) {
                let msg = format!(
                    "the quotation \u{201C}{}\u{201D} is cited to {key} at {} here but at {} earlier{}",
                    reading[q.clone()].trim(),
                    c.pins_string(),
                    cites[j].pins_string(),
                    cites[j]
                        .slip_page
                        .map(|p| format!(" (slip page {p})"))
                        .unwrap_or_default(),
                );
                out.push(finding(c, Severity::Warning, "quotation-pin-conflict", msg));
                reported = true;
            }
            list.push((k, i));
        }
    }
}

/// The slip pages a part of the document runs over, and its footnote
/// labels; `None` pages when it has no pagination.
struct Part {
    pages: Option<(u32, u32)>,
    footnotes: HashSet<String>,
}

fn parts(norm: &Normalized) -> HashMap<Section, Part> {
    let mut out: HashMap<Section, Part> = HashMap::new();
    for b in norm.blocks() {
        let part = out.entry(b.section).or_insert(Part {
            pages: None,
            footnotes: HashSet::new(),
        });
        let last = norm.slip_page_at(b.reading.end.saturating_sub(1).max(b.reading.start));
        for p in [b.slip_page, last].into_iter().flatten() {
            part.pages = Some(match part.pages {
                Some((lo, hi)) => (lo.min(p), hi.max(p)),
                None => (p, p),
            });
        }
        if b.kind == BlockKind::Footnote {
            if let Some(label) = &b.footnote {
                part.footnotes.insert(label.clone());
            }
        }
    }
    out
}

/// "supra, at 10" and "Pp. 3-6" naming pages the document does not have.
fn check_internal(norm: &Normalized, cites: &[Citation], out: &mut Vec<Finding>) {
    let mut parts_cache: Option<HashMap<Section, Part>> = None;
    for (c, r) in cites.iter().filter_map(|c| Some((c, c.internal()?))) {
        if after_a_name(norm, c) {
            continue;
        }
        let parts = parts_cache.get_or_insert_with(|| parts(norm));
        // The opinion of the Court runs on in its appendix and in parts
        // headed "Opinion of KENNEDY, J." where a Justice writes for the
        // Court only in part: their pages are one sequence. A syllabus's
        // "Pp." refers to it too. Other opinions number their own pages.
        let main = [
            Section::Opinion,
            Section::PerCuriam,
            Section::Separate,
            Section::Appendix,
        ];
        let group: Vec<Section> = if c.section == Section::Syllabus || main.contains(&c.section) {
            main.to_vec()
        } else {
            vec![c.section]
        };
        let target = group.iter().copied().find(|s| parts.contains_key(s));
        let Some(part) = target.and_then(|s| parts.get(&s)) else {
            continue;
        };
        let pages = group
            .iter()
            .filter_map(|s| parts.get(s).and_then(|p| p.pages))
            .reduce(|(a, b), (c, d)| (a.min(c), b.max(d)));
        let target = Some(if group.len() == 1 {
            c.section
        } else {
            Section::Opinion
        });
        // "supra, at 10" looks back, "infra, at 12" ahead ("Part II-A,
        // supra" names a part, not a page).
        let direction = match r.direction {
            _ if r.labeled => None,
            Direction::Supra => Some("supra"),
            Direction::Infra => Some("infra"),
            _ => None,
        };
        for p in &c.pins {
            if let (Some(page), Some((lo, hi))) = (p.page, pages) {
                let end = p.end.unwrap_or(page).max(page);
                // The last page of a part may lack its page head in the
                // text: one page past the last one seen is not reported.
                if page < lo || end > hi + 1 {
                    let msg = format!(
                        "refers to page {} of {}, which runs over pages {lo}-{hi}",
                        if end > page {
                            format!("{page}-{end}")
                        } else {
                            page.to_string()
                        },
                        target.map_or("the document", section_name),
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
            if let Some(n) = p.footnote {
                if !part.footnotes.is_empty() && !part.footnotes.contains(&n.to_string()) {
                    let msg = format!("refers to footnote {n}, which the document does not have");
                    out.push(finding(
                        c,
                        Severity::Warning,
                        "internal-footnote-missing",
                        msg,
                    ));
                }
            }
        }
    }
}

/// Whether an internal-looking "supra, at 10" follows a name ("Herring,
/// supra, at 137", "The Federalist No. 42, supra, at 271", "Hensley supra,
/// at 435"): then it is a supra citation of a source, not a reference to
/// this document. A "supra" opening a sentence or after a lead-in ("see
/// supra", "earlier, supra") is a reference to the document.
fn after_a_name(norm: &Normalized, c: &Citation) -> bool {
    let looks_back_or_ahead = c
        .internal()
        .is_some_and(|r| !r.labeled && matches!(r.direction, Direction::Supra | Direction::Infra));
    if !looks_back_or_ahead {
        return false;
    }
    let Some(at) = norm.reading_map().from_source(c.span.start) else {
        return false;
    };
    let before = norm.reading()[..at].trim_end();
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
    !word.is_empty() && !LEAD_INS.contains(&word.as_str())
}

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
];

fn section_name(s: Section) -> &'static str {
    match s {
        Section::Opinion => "the opinion of the Court",
        Section::PerCuriam => "the per curiam opinion",
        Section::Syllabus => "the syllabus",
        Section::Concurrence => "the concurrence",
        Section::Dissent => "the dissent",
        _ => "this part",
    }
}

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

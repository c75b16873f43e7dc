//! One opinion read into the rows the index stores: its file's facts, its
//! citations with their contexts and pins, the authorities they cite and
//! the names of its cases. Made on any thread; written on one.

use super::name_key;
use crate::citation::{Citation, CitationKind, Form, Pin};
use crate::law::names;
use crate::normalize::Normalized;
use crate::report::{LineIndex, Listing, context};
use serde::Serialize;
use std::collections::HashMap;

/// The rows of one file.
pub(super) struct FileRows {
    pub(super) hash: String,
    pub(super) bytes: usize,
    pub(super) caption: Option<String>,
    pub(super) docket: Option<String>,
    pub(super) date: Option<String>,
    pub(super) form: String,
    /// The JSON of its [`Fingerprint`](crate::Fingerprint).
    pub(super) copy_of: String,
    /// The distinct contexts, each once.
    pub(super) contexts: Vec<String>,
    pub(super) cites: Vec<CiteRow>,
    pub(super) authorities: Vec<AuthorityRow>,
    /// Lower-case names and parties with the authority they name.
    pub(super) names: Vec<(String, String)>,
}

/// One citation's row.
pub(super) struct CiteRow {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) line: usize,
    pub(super) col: usize,
    pub(super) kind: &'static str,
    pub(super) authority: Option<String>,
    pub(super) pins: Vec<Pin>,
    /// The pins as `pincite extract` prints them (JSON).
    pub(super) pins_json: String,
    pub(super) page: Option<u32>,
    pub(super) section: &'static str,
    pub(super) case_name: Option<String>,
    /// Its context's position in [`FileRows::contexts`].
    pub(super) context: usize,
    pub(super) quotation: Option<String>,
    /// The position of its antecedent among the file's citations.
    pub(super) antecedent: Option<usize>,
    /// Its authority, when that is a blank-page key ("554 U.S. ___").
    pub(super) blank: Option<String>,
    /// The JSON of what a table of authorities lists of it, if anything.
    pub(super) listing: Option<String>,
}

/// What one file says of an authority.
#[derive(Default)]
pub(super) struct AuthorityRow {
    pub(super) key: String,
    pub(super) category: Option<String>,
    pub(super) name: Option<String>,
    pub(super) court: Option<String>,
    pub(super) year: Option<u16>,
    pub(super) parallels: Vec<String>,
    pub(super) volume: Option<u32>,
    pub(super) reporter: Option<String>,
    pub(super) first_page: Option<u32>,
}

/// The output name of a value that serializes as a string ("case").
pub(super) fn name_of<T: Serialize>(value: T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// Reads one opinion into its rows.
pub(super) fn file_rows(source: &str, hash: u64) -> FileRows {
    let cited = crate::cite(source);
    let norm = cited.normalized();
    let cites = cited.citations();
    let meta = norm.metadata();
    let text = |s: Option<crate::Span>| s.and_then(|s| source.get(s.range())).map(str::to_string);
    let (contexts, cite_rows) = cite_rows(source, norm, cites);
    FileRows {
        hash: format!("{hash:016x}"),
        bytes: source.len(),
        caption: text(meta.case_name),
        docket: text(meta.docket),
        date: text(meta.date),
        form: name_of(norm.form()),
        copy_of: serde_json::to_string(&crate::Fingerprint::new(source, norm, cites))
            .expect("a fingerprint serializes"),
        contexts,
        cites: cite_rows,
        authorities: authority_rows(cites),
        names: name_rows(cites),
    }
}

/// The citations' rows, and their contexts: those of one sentence shared.
fn cite_rows(source: &str, norm: &Normalized, cites: &[Citation]) -> (Vec<String>, Vec<CiteRow>) {
    let places = context::places(norm, cites);
    let reading = norm.reading();
    let lines = LineIndex::new(source);
    let blanks = blank_keys(cites);
    let mut number: HashMap<(usize, usize), usize> = HashMap::new();
    let mut contexts = Vec::new();
    let rows = cites
        .iter()
        .zip(places)
        .map(|(c, p)| {
            let (line, col) = lines.line_col(c.span.start);
            let context = *number
                .entry((p.context.start, p.context.end))
                .or_insert_with(|| {
                    contexts.push(
                        reading
                            .get(p.context.clone())
                            .unwrap_or("")
                            .trim()
                            .to_string(),
                    );
                    contexts.len() - 1
                });
            let blank = c
                .authority
                .as_ref()
                .filter(|a| blanks.contains(&a.as_str()))
                .cloned();
            CiteRow {
                start: c.span.start,
                end: c.span.end,
                line,
                col,
                kind: c.kind().as_str(),
                authority: c.authority.clone(),
                pins: c.pins.clone(),
                pins_json: serde_json::to_string(&c.pins).expect("pins serialize"),
                page: c.slip_page,
                section: c.section.as_str(),
                case_name: c.case_name().map(str::to_string),
                context,
                quotation: context::quote_text(reading, &p.quotes),
                antecedent: c.antecedent,
                blank,
                listing: Listing::of(c)
                    .map(|l| serde_json::to_string(&l).expect("a listing serializes")),
            }
        })
        .collect();
    (contexts, rows)
}

/// The keys of the blank-page full citations ("554 U.S. ___").
fn blank_keys(cites: &[Citation]) -> Vec<&str> {
    cites
        .iter()
        .filter_map(|c| match (&c.form, &c.authority) {
            (Form::FullCase(f), Some(k)) if f.first_page.is_none() && k.ends_with("___") => {
                Some(k.as_str())
            }
            _ => None,
        })
        .collect()
}

/// What the citations say of each authority they cite, in the order first
/// cited: its category from the first citation that has one, its name,
/// court, year and reporter from its first full citation, and the keys
/// of the citations parallel to it.
fn authority_rows(cites: &[Citation]) -> Vec<AuthorityRow> {
    let mut rows: Vec<AuthorityRow> = Vec::new();
    let mut at: HashMap<&str, usize> = HashMap::new();
    let mut primary: Option<&str> = None;
    for c in cites {
        let Some(key) = c.authority.as_deref() else {
            continue;
        };
        let i = *at.entry(key).or_insert_with(|| {
            rows.push(AuthorityRow {
                key: key.to_string(),
                ..AuthorityRow::default()
            });
            rows.len() - 1
        });
        let row = &mut rows[i];
        if row.category.is_none() {
            row.category = c.category().map(name_of);
        }
        if row.name.is_none() {
            row.name = c.title().map(str::to_string);
        }
        let Some(f) = c.full_case() else { continue };
        if row.volume.is_none() {
            row.name = f.case_name.clone().or(row.name.take());
            row.court.clone_from(&f.court);
            row.year = f.year;
            row.volume = Some(f.volume);
            row.reporter = Some(f.reporter.clone());
            row.first_page = f.first_page;
        }
        match primary {
            Some(main) if f.parallel && f.history.is_none() && main != key => {
                link(&mut rows, &at, main, key);
            }
            _ if !f.parallel && f.history.is_none() => primary = Some(key),
            _ => {}
        }
    }
    rows
}

/// Records `a` and `b` as parallel citations of one case.
fn link(rows: &mut [AuthorityRow], at: &HashMap<&str, usize>, a: &str, b: &str) {
    for (this, other) in [(a, b), (b, a)] {
        let row = &mut rows[at[this]];
        if !row.parallels.iter().any(|p| p == other) {
            row.parallels.push(other.to_string());
        }
    }
}

/// The lower-case names and parties of the full case citations, with the
/// authority each names, without repeats.
fn name_rows(cites: &[Citation]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for c in cites {
        if c.kind() != CitationKind::FullCase {
            continue;
        }
        let (Some(key), Some(name)) = (&c.authority, c.case_name()) else {
            continue;
        };
        for k in names::name_keys(name).iter().chain(&names::tail_keys(name)) {
            out.push((name_key(k), key.clone()));
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

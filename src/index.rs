//! A citation index over many opinions: built in parallel, saved to a
//! file, queried by authority, by what a user types, by pin and slip page.
//!
//! # The file format
//!
//! An index file is one header line and a JSON body:
//!
//! ```text
//! pincite-index 4 <body length in bytes> <checksum of the body, 16 hex digits>\n
//! {"files": [...], "contexts": [...], "hits": [...]}
//! ```
//!
//! A hit's `context` is the position of its context in `contexts`: the
//! citations of one sentence share it, so that the file stays in
//! proportion to the texts however densely they cite.
//!
//! The checksum is made in two steps, so that both can run on all cores:
//! each 1 MiB block of the body is hashed, then the blocks' hashes. A hash
//! reads its bytes eight at a time as little-endian words (the last word
//! padded with zeros) and, from the FNV-1a offset basis, takes each word
//! in with `h = (h ^ word) * P`, `P` the FNV-1a 64 prime; a block's hash is
//! then mixed with its length the same way. Any change to one word changes
//! the result.
//!
//! The magic word and version come first so that another file or another
//! version is named as such; the length finds a truncated file and the
//! checksum a corrupted one before the body is read. A file that fails any
//! check gives an [`IndexError`], never a panic and never a partial index.

use crate::citation::{Citation, CitationKind, Pin};
use crate::law::names;
use crate::normalize::{Normalized, Section};
use crate::report::{LineIndex, context};
use crate::resolve::blank::BlankPages;
use crate::span::Span;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;
use std::path::Path;
use std::sync::Arc;

/// The version of the index file format this build reads and writes.
pub const INDEX_VERSION: u32 = 4;

const MAGIC: &str = "pincite-index";

/// One citation in the index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// The file's position in [`Index::files`].
    pub file: usize,
    /// The citation's bytes in its file.
    pub span: Span,
    /// The 1-based line of the citation's start in its file.
    pub line: u32,
    /// The 1-based column (in characters) of the citation's start.
    pub col: u32,
    /// The slip page it is on, when the text is paginated.
    pub slip_page: Option<u32>,
    /// The part of the opinion it is in.
    pub section: Section,
    /// Its form: full, short, Id., supra, statute, record, internal.
    pub kind: CitationKind,
    /// What it cites ("424 U.S. 409"); `None` when unresolved.
    pub authority: Option<String>,
    /// Its pins.
    pub pins: Vec<Pin>,
    /// The case name as written, if any.
    pub case_name: Option<String>,
    /// The sentence around it in the reading text (with the sentence before
    /// when the citation stands as a sentence of its own), or in a long
    /// sentence 800 bytes around it; shared by the hits of one sentence.
    pub context: Arc<str>,
    /// The quotation it supports, when one precedes it in its sentence.
    pub quotation: Option<String>,
}

impl Hit {
    /// Whether one of its pins is on `page`: the page itself, a range
    /// over it, or a footnote on it.
    ///
    /// An abbreviated range ("1278-79") is read in full ("1278-1279").
    pub fn cites_page(&self, page: u32) -> bool {
        self.pins.iter().any(|p| p.covers(page))
    }
}

/// What to look for in an [`Index`]. Every condition set must hold.
///
/// ```
/// let mut q = pincite::Query::new();
/// q.authority("424 U. S. 409").pin(430);
/// ```
#[derive(Clone, Debug, Default)]
pub struct Query {
    authority: Option<String>,
    name: Option<String>,
    pin: Option<u32>,
    slip_page: Option<u32>,
    kind: Option<CitationKind>,
    section: Option<Section>,
}

impl Query {
    /// A query that matches every hit.
    pub fn new() -> Query {
        Query::default()
    }

    /// Hits of the authority a user typed: a key ("424 U.S. 409"), the
    /// same with other spacing or case ("424 U. S. 409", "424 us 409"),
    /// or a case name. By default, any authority.
    pub fn authority(&mut self, typed: &str) -> &mut Query {
        self.authority = Some(typed.to_string());
        self
    }

    /// Hits of the cases a name names: the whole name ("Imbler v.
    /// Pachtman") or a party ("Imbler"), in any case. By default, any name.
    pub fn name(&mut self, name: &str) -> &mut Query {
        self.name = Some(name.to_string());
        self
    }

    /// Hits with a pin on this page (a range over it or a footnote on it
    /// counts). By default, any pin or none.
    pub fn pin(&mut self, page: u32) -> &mut Query {
        self.pin = Some(page);
        self
    }

    /// Hits on this slip page. By default, any page.
    pub fn slip_page(&mut self, page: u32) -> &mut Query {
        self.slip_page = Some(page);
        self
    }

    /// Hits of this kind. By default, any kind.
    pub fn kind(&mut self, kind: CitationKind) -> &mut Query {
        self.kind = Some(kind);
        self
    }

    /// Hits in this section. By default, any section.
    pub fn section(&mut self, section: Section) -> &mut Query {
        self.section = Some(section);
        self
    }
}

/// How often one file cites an authority.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FileCount {
    /// The file as named when the index was built.
    pub file: String,
    /// The matching hits in it.
    pub count: usize,
}

/// What went wrong loading an index, as returned by [`IndexError::kind`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum IndexErrorKind {
    /// The file could not be read.
    Io,
    /// The file is not a pincite index.
    NotAnIndex,
    /// The file is an index of another format version.
    Version,
    /// The file is shorter than its header says.
    Truncated,
    /// The file's body does not match its checksum or does not parse.
    Corrupt,
}

/// An index file that could not be loaded.
#[derive(Debug)]
pub struct IndexError {
    kind: IndexErrorKind,
    message: String,
}

impl IndexError {
    fn new(kind: IndexErrorKind, message: impl Into<String>) -> IndexError {
        IndexError {
            kind,
            message: message.into(),
        }
    }

    /// What kind of error this is.
    pub fn kind(&self) -> IndexErrorKind {
        self.kind
    }
}

impl fmt::Display for IndexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for IndexError {}

/// A citation index over many opinions.
///
/// ```
/// let a = "See Imbler v. Pachtman, 424 U. S. 409, 430 (1976). Id., at 428.\n";
/// let b = "In Imbler v. Pachtman, 424 U. S. 409 (1976), the Court said \u{201C}so.\u{201D} Id., at 430.\n";
/// let index = pincite::Index::build(&[("a.txt", a), ("b.txt", b)]);
/// let mut q = pincite::Query::new();
/// q.authority("424 U. S. 409").pin(430);
/// let hits = index.query(&q);
/// assert_eq!(hits.len(), 2);
/// assert_eq!(index.files()[hits[1].file], "b.txt");
/// assert_eq!(hits[1].quotation.as_deref(), Some("so"));
/// let counts = index.counts(&q);
/// assert_eq!((counts[0].file.as_str(), counts[0].count), ("a.txt", 1));
///
/// // Saved and loaded again, it answers the same.
/// let again = pincite::Index::from_bytes(&index.to_bytes()).unwrap();
/// assert_eq!(again.query(&q), hits);
/// ```
#[derive(Clone, Debug, Default)]
pub struct Index {
    files: Vec<String>,
    hits: Vec<Hit>,
    /// Hits by authority key.
    by_authority: HashMap<String, Vec<u32>>,
    /// Authority keys by their compact form ("424 us 409").
    by_compact: HashMap<String, Vec<String>>,
    /// Authority keys by lower-case case name and party, sorted for
    /// prefix search.
    names: Vec<(String, String)>,
}

/// A key with spacing, punctuation and case taken out: runs of letters
/// and runs of digits, separated by one space ("424 U. S. 409" and
/// "424 U.S. 409" both give "424 us 409").
pub(crate) fn compact_key(s: &str) -> String {
    let mut out = String::new();
    let mut last: Option<bool> = None; // was the last kept char a digit?
    let mut gap = false;
    for ch in s.chars() {
        let digit = ch.is_ascii_digit();
        if ch.is_alphanumeric() {
            let continues = match last {
                Some(true) => digit && !gap,
                Some(false) => !digit,
                None => true,
            };
            if !continues && last.is_some() {
                out.push(' ');
            }
            out.extend(ch.to_lowercase());
            last = Some(digit);
            gap = false;
        } else {
            gap = true;
        }
    }
    out
}

/// The section of "§1983", "§§ 523(a)(2)", "section 1983" or "sec. 1983"
/// as [`section_key`] gives it; `None` for other text.
fn typed_section(typed: &str) -> Option<String> {
    let lower = typed.to_lowercase();
    let rest = ["§", "section", "sec."]
        .iter()
        .find_map(|p| lower.strip_prefix(p))?
        .trim_start_matches(['§', ' ']);
    rest.starts_with(|c: char| c.is_ascii_digit())
        .then(|| section_key(rest))
}

/// A section as compared: spaces out, lower case ("523(a)(2)(a)").
fn section_key(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A name as looked up: lower case, spaces folded.
fn name_key(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Hits by authority key, and authority keys by their compact form.
type AuthorityTables = (HashMap<String, Vec<u32>>, HashMap<String, Vec<String>>);

fn authority_tables(hits: &[Hit]) -> AuthorityTables {
    let mut by_authority: HashMap<String, Vec<u32>> = HashMap::new();
    let mut by_compact: HashMap<String, Vec<String>> = HashMap::new();
    for (i, h) in hits.iter().enumerate() {
        let Some(key) = &h.authority else { continue };
        if let Some(list) = by_authority.get_mut(key.as_str()) {
            list.push(i as u32);
        } else {
            by_authority.insert(key.clone(), vec![i as u32]);
            by_compact
                .entry(compact_key(key))
                .or_default()
                .push(key.clone());
        }
    }
    (by_authority, by_compact)
}

/// The name keys of the full citations ([`names::name_keys`] and
/// [`names::tail_keys`]), lower case, with their authority keys, sorted, without repeats.
fn name_table(hits: &[Hit]) -> Vec<(String, String)> {
    let mut table: Vec<(String, String)> = Vec::new();
    for h in hits {
        if h.kind != CitationKind::FullCase {
            continue;
        }
        let (Some(key), Some(name)) = (&h.authority, &h.case_name) else {
            continue;
        };
        for k in names::name_keys(name).iter().chain(&names::tail_keys(name)) {
            table.push((name_key(k), key.clone()));
        }
    }
    table.sort_unstable();
    table.dedup();
    table
}

/// One document's hits: their lines and columns from one table of line
/// starts, the contexts of one sentence shared.
fn hits_of(file: usize, source: &str, norm: &Normalized, cites: &[Citation]) -> Vec<Hit> {
    let places = context::places(norm, cites);
    let reading = norm.reading();
    let lines = LineIndex::new(source);
    let mut contexts: HashMap<(usize, usize), Arc<str>> = HashMap::new();
    cites
        .iter()
        .zip(places)
        .map(|(c, p)| {
            let (line, col) = lines.line_col(c.span.start);
            let context = contexts
                .entry((p.context.start, p.context.end))
                .or_insert_with(|| reading.get(p.context.clone()).unwrap_or("").trim().into())
                .clone();
            Hit {
                file,
                span: c.span,
                line: line as u32,
                col: col as u32,
                slip_page: c.slip_page,
                section: c.section,
                kind: c.kind(),
                authority: c.authority.clone(),
                pins: c.pins.clone(),
                case_name: c.case_name().map(str::to_string),
                context,
                quotation: context::quote_text(reading, &p.quotes),
            }
        })
        .collect()
}

impl Index {
    /// Builds an index from each file's name and text, normalizing and
    /// extracting the files in parallel. The files keep the order given.
    pub fn build(docs: &[(&str, &str)]) -> Index {
        Index::build_from(docs.iter().copied())
    }

    /// Builds an index as [`Index::build`] does, from any pairs of a name
    /// and a text: `(String, String)`, `(&str, &str)`, `(String, Document)`.
    ///
    /// ```
    /// let docs = vec![("a.txt".to_string(), "Imbler v. Pachtman, 424 U. S. 409 (1976).".to_string())];
    /// let index = pincite::Index::build_from(docs);
    /// assert_eq!(index.files(), ["a.txt"]);
    /// assert_eq!(index.hits().len(), 1);
    /// ```
    pub fn build_from<N, T>(docs: impl IntoIterator<Item = (N, T)>) -> Index
    where
        N: Into<String>,
        T: AsRef<str> + Sync,
    {
        let (files, texts): (Vec<String>, Vec<T>) =
            docs.into_iter().map(|(n, t)| (n.into(), t)).unzip();
        let per_file: Vec<(Vec<Hit>, BlankPages)> = texts
            .par_iter()
            .enumerate()
            .map(|(i, text)| {
                let text = text.as_ref();
                let cited = crate::cite(text);
                let mut blanks = BlankPages::default();
                blanks.learn(cited.citations());
                (
                    hits_of(i, text, cited.normalized(), cited.citations()),
                    blanks,
                )
            })
            .collect();
        // A blank-page case ("554 U. S. ___") one file cites with its
        // first page ("554 U. S. 570") is that page's authority in all.
        let mut blanks = BlankPages::default();
        let mut hits = Vec::new();
        for (h, b) in per_file {
            hits.extend(h);
            blanks.absorb(b);
        }
        let paged = blanks.map();
        for h in &mut hits {
            if let Some(key) = h.authority.as_ref().and_then(|a| paged.get(a)) {
                h.authority = Some(key.clone());
            }
        }
        Index::from_parts(files, hits)
    }

    /// Makes the lookup tables: the authority tables and the name table
    /// side by side.
    fn from_parts(files: Vec<String>, hits: Vec<Hit>) -> Index {
        let ((by_authority, by_compact), names) =
            rayon::join(|| authority_tables(&hits), || name_table(&hits));
        Index {
            files,
            hits,
            by_authority,
            by_compact,
            names,
        }
    }

    /// The files, in the order given.
    pub fn files(&self) -> &[String] {
        &self.files
    }

    /// Every hit, file by file in document order.
    pub fn hits(&self) -> &[Hit] {
        &self.hits
    }

    /// The authority keys a user's words stand for: the key itself, the
    /// key spelled otherwise ("424 U. S. 409", "424 us 409"), or a case
    /// name or party, whole or its first words ("Imbler", "imbler v.
    /// pachtman"). Sorted, without repeats.
    ///
    /// What users paste works too: a citation as a table of authorities
    /// prints it, with its name, pins and parenthetical ("Imbler v.
    /// Pachtman, 424 U.S. 409, 430 (1976)" stands for 424 U.S. 409, and a
    /// citation with a parallel for both keys), and a section alone ("§1983",
    /// "§ 523(a)(2)", "section 1983") for every key of that section, in any
    /// code ("42 U.S.C. § 1983"). A provision stands for every key within
    /// it: "U.S. Const. amend. XIV" for its sections, "Fed. R. Civ. P. 23"
    /// for "Fed. R. Civ. P. 23(b)(3)", "42 U.S.C." for the title's
    /// sections, "Brief for" for every brief.
    ///
    /// ```
    /// let text = "Imbler v. Pachtman, 424 U. S. 409 (1976); 42 U. S. C. §1983.\n";
    /// let index = pincite::Index::build(&[("a.txt", text)]);
    /// for typed in ["Imbler v. Pachtman, 424 U.S. 409 (1976)", "424 US 409", "imbler"] {
    ///     assert_eq!(index.resolve(typed), ["424 U.S. 409"]);
    /// }
    /// for typed in ["§1983", "42 USC 1983", "42 U.S.C. § 1983", "42 U.S.C."] {
    ///     assert_eq!(index.resolve(typed), ["42 U.S.C. § 1983"]);
    /// }
    /// ```
    pub fn resolve(&self, typed: &str) -> Vec<&str> {
        let typed = typed.trim();
        let mut out = self.resolve_key(typed);
        if out.is_empty() {
            out = self.resolve_section(typed);
        }
        if out.is_empty() {
            out = self.resolve_provision(typed);
        }
        if out.is_empty() {
            out = self.resolve_pasted(typed);
        }
        if out.is_empty() {
            out = self.resolve_name(typed);
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The key itself, or the keys spelled the same but for spacing,
    /// punctuation and case.
    fn resolve_key(&self, typed: &str) -> Vec<&str> {
        if let Some((k, _)) = self.by_authority.get_key_value(typed) {
            return vec![k.as_str()];
        }
        self.by_compact
            .get(&compact_key(typed))
            .map(|v| v.iter().map(String::as_str).collect())
            .unwrap_or_default()
    }

    /// The keys of a section typed without its code ("§1983"): those whose
    /// section, after the last "§", is the same but for spaces and case.
    fn resolve_section(&self, typed: &str) -> Vec<&str> {
        let Some(section) = typed_section(typed) else {
            return Vec::new();
        };
        self.by_authority
            .keys()
            .filter(|k| {
                k.rsplit_once('§')
                    .is_some_and(|(_, s)| section_key(s) == section)
            })
            .map(String::as_str)
            .collect()
    }

    /// The keys of the provisions within the one typed: "U.S. Const.
    /// amend. XIV" finds "U.S. Const. amend. XIV, § 1", "Fed. R. Civ. P.
    /// 23" finds "Fed. R. Civ. P. 23(b)(3)". Keys are compared in their
    /// compact form, whole words only ("Fed. R. Civ. P. 2" finds no rule
    /// 23).
    fn resolve_provision(&self, typed: &str) -> Vec<&str> {
        let key = compact_key(typed);
        if key.is_empty() {
            return Vec::new();
        }
        let within = format!("{key} ");
        self.by_compact
            .iter()
            .filter(|(k, _)| k.starts_with(&within))
            .flat_map(|(_, keys)| keys.iter().map(String::as_str))
            .collect()
    }

    /// The keys of a citation as pasted: the parentheticals at its end
    /// taken off, each part between commas that starts with a number
    /// looked up as a key ("Imbler v. Pachtman, 424 U.S. 409, 430 (1976)":
    /// "424 U.S. 409"; the pin "430" is no key).
    fn resolve_pasted(&self, typed: &str) -> Vec<&str> {
        let mut text = typed.trim_end_matches(['.', ';', ' ']);
        while let Some(open) = text.strip_suffix(')').and_then(|t| t.rfind('(')) {
            text = text[..open].trim_end();
        }
        text.split(',')
            .map(str::trim)
            .filter(|part| part.starts_with(|c: char| c.is_ascii_digit()))
            .flat_map(|part| self.resolve_key(part))
            .collect()
    }

    /// The authority keys of the cases a name names: the whole name or a
    /// party, or their first words, in any case.
    pub fn resolve_name(&self, name: &str) -> Vec<&str> {
        let key = name_key(name);
        if key.is_empty() {
            return Vec::new();
        }
        let from = self
            .names
            .partition_point(|(n, _)| n.as_str() < key.as_str());
        let mut out: Vec<&str> = self.names[from..]
            .iter()
            .take_while(|(n, _)| n.starts_with(&key))
            .filter(|(n, _)| n.len() == key.len() || n[key.len()..].starts_with(' '))
            .map(|(_, a)| a.as_str())
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The hits matching a query, file by file in document order.
    pub fn query(&self, q: &Query) -> Vec<&Hit> {
        let mut keys: Option<Vec<&str>> = None;
        if let Some(a) = &q.authority {
            keys = Some(self.resolve(a));
        }
        if let Some(n) = &q.name {
            let by_name = self.resolve_name(n);
            keys = Some(match keys {
                Some(k) => k.into_iter().filter(|a| by_name.contains(a)).collect(),
                None => by_name,
            });
        }
        let keep = |h: &&Hit| {
            q.pin.is_none_or(|p| h.cites_page(p))
                && q.slip_page.is_none_or(|p| h.slip_page == Some(p))
                && q.kind.is_none_or(|k| h.kind == k)
                && q.section.is_none_or(|s| h.section == s)
        };
        match keys {
            None => self.hits.iter().filter(keep).collect(),
            Some(keys) => {
                let mut ids: Vec<u32> = keys
                    .iter()
                    .filter_map(|k| self.by_authority.get(*k))
                    .flatten()
                    .copied()
                    .collect();
                ids.sort_unstable();
                ids.iter()
                    .map(|&i| &self.hits[i as usize])
                    .filter(keep)
                    .collect()
            }
        }
    }

    /// How often each file has a hit matching the query ("which opinions
    /// cite 424 U.S. 409 at 430, and how often?"), most first, then in
    /// file order. Id., supra and short forms count.
    pub fn counts(&self, q: &Query) -> Vec<FileCount> {
        let mut per: Vec<usize> = vec![0; self.files.len()];
        for h in self.query(q) {
            per[h.file] += 1;
        }
        let mut out: Vec<(usize, usize)> = per
            .into_iter()
            .enumerate()
            .filter(|&(_, n)| n > 0)
            .collect();
        out.sort_by_key(|&(f, n)| (std::cmp::Reverse(n), f));
        out.into_iter()
            .map(|(f, count)| FileCount {
                file: self.files[f].clone(),
                count,
            })
            .collect()
    }

    /// Every authority with its number of references (full, short, Id.,
    /// supra) and of files citing it, most referenced first. References to
    /// the citing opinion itself ("slip op.") are left out.
    pub fn authorities(&self) -> Vec<(&str, usize, usize)> {
        let mut out: Vec<(&str, usize, usize)> = self
            .by_authority
            .iter()
            .filter(|(_, ids)| {
                ids.first()
                    .is_some_and(|&i| self.hits[i as usize].kind != CitationKind::Internal)
            })
            .map(|(k, ids)| {
                let mut files: Vec<usize> =
                    ids.iter().map(|&i| self.hits[i as usize].file).collect();
                files.dedup();
                (k.as_str(), ids.len(), files.len())
            })
            .collect();
        out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        out
    }

    /// The index as the bytes of an index file (see the module docs).
    pub fn to_bytes(&self) -> Vec<u8> {
        let (head, body) = self.encode();
        let mut out = Vec::with_capacity(head.len() + body.len());
        out.extend_from_slice(head.as_bytes());
        out.extend_from_slice(&body);
        out
    }

    /// Writes the index file to `path`, whole or not at all: through a
    /// temporary file in the same directory, flushed to the disk and then
    /// renamed over `path`. When anything fails, a file already at `path`
    /// is left as it was and the temporary file is removed; of two saves
    /// at once, the last to finish wins.
    ///
    /// # Errors
    /// Creating, writing or renaming the file failed, or `path` is a
    /// directory or a special file.
    pub fn save(&self, path: impl AsRef<Path>) -> std::io::Result<()> {
        let (head, body) = self.encode();
        crate::atomic::write_atomically(path.as_ref(), &[head.as_bytes(), &body])
    }

    /// The header line and the body of the index file. The body is the
    /// JSON of a [`Stored`] index, the hits written in parallel, a chunk
    /// of them at a time, and joined in order.
    fn encode(&self) -> (String, Vec<u8>) {
        let (contexts, ids) = self.contexts();
        let chunks: Vec<Vec<u8>> = self
            .hits
            .par_chunks(1024)
            .zip(ids.par_chunks(1024))
            .map(|(hits, ids)| {
                let mut out = Vec::with_capacity(hits.len() * 256);
                for (h, &id) in hits.iter().zip(ids) {
                    out.push(b',');
                    serde_json::to_writer(&mut out, &StoredHitRef::new(h, id))
                        .expect("a hit serializes");
                }
                out
            })
            .collect();
        let text: usize = contexts.iter().map(|c| c.len() + 3).sum();
        let len = chunks.iter().map(Vec::len).sum::<usize>() + text + 64 * self.files.len() + 48;
        let mut body = Vec::with_capacity(len);
        body.extend_from_slice(b"{\"files\":");
        serde_json::to_writer(&mut body, &self.files).expect("file names serialize");
        body.extend_from_slice(b",\"contexts\":");
        serde_json::to_writer(&mut body, &contexts).expect("contexts serialize");
        body.extend_from_slice(b",\"hits\":[");
        for (i, chunk) in chunks.iter().enumerate() {
            // Every chunk starts with a comma; the first one's is dropped.
            body.extend_from_slice(if i == 0 { &chunk[1..] } else { chunk });
        }
        body.extend_from_slice(b"]}");
        let head = format!(
            "{MAGIC} {INDEX_VERSION} {} {:016x}\n",
            body.len(),
            checksum(&body)
        );
        (head, body)
    }

    /// The distinct contexts of the hits, each once, and the number of
    /// each hit's context among them.
    fn contexts(&self) -> (Vec<&str>, Vec<u32>) {
        let mut number: HashMap<*const u8, u32> = HashMap::new();
        let mut contexts: Vec<&str> = Vec::new();
        let ids = self
            .hits
            .iter()
            .map(|h| {
                *number.entry(h.context.as_ptr()).or_insert_with(|| {
                    contexts.push(&h.context);
                    (contexts.len() - 1) as u32
                })
            })
            .collect();
        (contexts, ids)
    }

    /// Reads an index file.
    pub fn load(path: impl AsRef<Path>) -> Result<Index, IndexError> {
        let bytes = std::fs::read(path)
            .map_err(|e| IndexError::new(IndexErrorKind::Io, crate::error::io_message(&e)))?;
        Index::from_bytes(&bytes)
    }

    /// Reads the bytes of an index file, checking its magic word, version,
    /// length and checksum.
    pub fn from_bytes(bytes: &[u8]) -> Result<Index, IndexError> {
        let not_index = || IndexError::new(IndexErrorKind::NotAnIndex, "not a pincite index");
        let nl = memchr::memchr(b'\n', &bytes[..bytes.len().min(200)]);
        let head_bytes = match nl {
            Some(nl) => &bytes[..nl],
            None if bytes.starts_with(MAGIC.as_bytes()) => {
                return Err(IndexError::new(
                    IndexErrorKind::Truncated,
                    "truncated index (the header line is cut off)",
                ));
            }
            None => return Err(not_index()),
        };
        let head = std::str::from_utf8(head_bytes).map_err(|_| not_index())?;
        let mut words = head.split(' ');
        if words.next() != Some(MAGIC) {
            return Err(not_index());
        }
        let version: u32 = words
            .next()
            .and_then(|v| v.parse().ok())
            .ok_or_else(not_index)?;
        if version != INDEX_VERSION {
            return Err(IndexError::new(
                IndexErrorKind::Version,
                format!(
                    "index format version {version}; this pincite reads version {INDEX_VERSION} (rebuild the index)"
                ),
            ));
        }
        let corrupt =
            |what: &str| IndexError::new(IndexErrorKind::Corrupt, format!("corrupt index: {what}"));
        let len: usize = words
            .next()
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| corrupt("bad header"))?;
        let sum = words
            .next()
            .and_then(|v| u64::from_str_radix(v, 16).ok())
            .ok_or_else(|| corrupt("bad header"))?;
        let body = &bytes[head_bytes.len() + 1..];
        if body.len() < len {
            return Err(IndexError::new(
                IndexErrorKind::Truncated,
                format!("truncated index ({} of {len} bytes)", body.len()),
            ));
        }
        if body.len() > len {
            return Err(corrupt("data after the end"));
        }
        if checksum(body) != sum {
            return Err(corrupt("checksum mismatch"));
        }
        let stored: Stored = serde_json::from_slice(body).map_err(|e| corrupt(&e.to_string()))?;
        let nfiles = stored.files.len();
        let contexts: Vec<Arc<str>> = stored.contexts.into_iter().map(Arc::from).collect();
        let mut hits = Vec::with_capacity(stored.hits.len());
        for h in stored.hits {
            hits.push(
                h.into_hit(nfiles, &contexts)
                    .ok_or_else(|| corrupt("bad hit"))?,
            );
        }
        Ok(Index::from_parts(stored.files, hits))
    }
}

const FNV_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;
/// The bytes of a checksum block.
const CHECKSUM_BLOCK: usize = 1 << 20;

/// The body's checksum (see the module docs): a hash of each 1 MiB block,
/// in parallel, then a hash of those.
fn checksum(body: &[u8]) -> u64 {
    let blocks: Vec<u64> = body.par_chunks(CHECKSUM_BLOCK).map(word_hash).collect();
    let mut h = FNV_BASIS;
    for b in blocks {
        h = (h ^ b).wrapping_mul(FNV_PRIME);
    }
    h
}

/// FNV-1a's step over 64-bit words, with the length taken in last.
fn word_hash(bytes: &[u8]) -> u64 {
    let mut h = FNV_BASIS;
    let mut words = bytes.chunks_exact(8);
    for w in &mut words {
        let w = u64::from_le_bytes(w.try_into().expect("eight bytes"));
        h = (h ^ w).wrapping_mul(FNV_PRIME);
    }
    let rest = words.remainder();
    if !rest.is_empty() {
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        h = (h ^ u64::from_le_bytes(w)).wrapping_mul(FNV_PRIME);
    }
    (h ^ bytes.len() as u64).wrapping_mul(FNV_PRIME)
}

#[derive(Serialize, Deserialize)]
struct Stored {
    files: Vec<String>,
    contexts: Vec<String>,
    hits: Vec<StoredHit>,
}

/// A hit as stored: kinds and sections by name.
#[derive(Serialize, Deserialize)]
struct StoredHit {
    file: usize,
    span: Span,
    line: u32,
    col: u32,
    slip_page: Option<u32>,
    section: String,
    kind: String,
    authority: Option<String>,
    pins: Vec<Pin>,
    case_name: Option<String>,
    context: u32,
    quotation: Option<String>,
}

/// A hit as written: [`StoredHit`]'s fields, borrowed from the hit.
#[derive(Serialize)]
struct StoredHitRef<'a> {
    file: usize,
    span: Span,
    line: u32,
    col: u32,
    slip_page: Option<u32>,
    section: &'static str,
    kind: &'static str,
    authority: Option<&'a str>,
    pins: &'a [Pin],
    case_name: Option<&'a str>,
    context: u32,
    quotation: Option<&'a str>,
}

impl<'a> StoredHitRef<'a> {
    /// The hit as written, its context the one numbered `context`.
    fn new(h: &'a Hit, context: u32) -> StoredHitRef<'a> {
        StoredHitRef {
            file: h.file,
            span: h.span,
            line: h.line,
            col: h.col,
            slip_page: h.slip_page,
            section: h.section.as_str(),
            kind: h.kind.as_str(),
            authority: h.authority.as_deref(),
            pins: &h.pins,
            case_name: h.case_name.as_deref(),
            context,
            quotation: h.quotation.as_deref(),
        }
    }
}

impl StoredHit {
    /// The hit as stored, its context the one numbered `context`.
    #[cfg(test)]
    fn new(h: &Hit, context: u32) -> StoredHit {
        StoredHit {
            file: h.file,
            span: h.span,
            line: h.line,
            col: h.col,
            slip_page: h.slip_page,
            section: h.section.as_str().to_string(),
            kind: h.kind.as_str().to_string(),
            authority: h.authority.clone(),
            pins: h.pins.clone(),
            case_name: h.case_name.clone(),
            context,
            quotation: h.quotation.clone(),
        }
    }
}

const SECTIONS: [Section; 9] = [
    Section::Front,
    Section::Syllabus,
    Section::Opinion,
    Section::PerCuriam,
    Section::Concurrence,
    Section::Dissent,
    Section::Separate,
    Section::Statement,
    Section::Appendix,
];

/// A section by its output name ("opinion").
pub(crate) fn section_named(name: &str) -> Option<Section> {
    SECTIONS.into_iter().find(|s| s.as_str() == name)
}

impl StoredHit {
    fn into_hit(self, nfiles: usize, contexts: &[Arc<str>]) -> Option<Hit> {
        if self.file >= nfiles || self.span.start > self.span.end {
            return None;
        }
        let context = contexts.get(self.context as usize)?.clone();
        Some(Hit {
            file: self.file,
            span: self.span,
            line: self.line,
            col: self.col,
            slip_page: self.slip_page,
            section: section_named(&self.section)?,
            kind: CitationKind::named(&self.kind)?,
            authority: self.authority,
            pins: self.pins,
            case_name: self.case_name,
            context,
            quotation: self.quotation,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> Index {
        let a = "See Imbler v. Pachtman, 424 U. S. 409, 430 (1976). Id., at 425\u{2013}431.\n";
        let b = "Imbler v. Pachtman, 424 U. S. 409 (1976). Goldstein v. Long Beach, 481 F. 3d 1170, 1171 (CA9 2007). Imbler, supra, at 431, n. 33.\n";
        Index::build(&[("a.txt", a), ("b.txt", b)])
    }

    #[test]
    fn compact_keys_ignore_spacing_dots_and_case() {
        assert_eq!(compact_key("424 U. S. 409"), "424 us 409");
        assert_eq!(compact_key("424 U.S. 409"), "424 us 409");
        assert_eq!(compact_key("481 F. 3d 1170"), compact_key("481 F.3d 1170"));
        assert_eq!(compact_key("42 U.S.C. § 1983"), "42 usc 1983");
        assert_ne!(compact_key("42 U.S. 4409"), compact_key("424 U.S. 409"));
    }

    #[test]
    fn typed_authorities_and_names_resolve() {
        let ix = small();
        for typed in [
            "424 U.S. 409",
            "424 U. S. 409",
            "424 us 409",
            "Imbler",
            "imbler v. pachtman",
            "Pachtman",
        ] {
            assert_eq!(ix.resolve(typed), ["424 U.S. 409"], "{typed}");
        }
        assert_eq!(ix.resolve("Long Beach"), ["481 F.3d 1170"]);
        assert_eq!(ix.resolve("Long"), ["481 F.3d 1170"]);
        assert!(ix.resolve("Imb").is_empty());
        assert!(ix.resolve("").is_empty());
    }

    #[test]
    fn pasted_entries_and_bare_sections_resolve() {
        let text = "Tucker v. Cole, 54 Wis. 539, 540, 11 N. W. 703 (1882). See 11 U. S. C. \
                    \u{a7}523(a)(2)(A); \u{a7}523(a)(2)(B). Rev. Stat. \u{a7}1979, 42 U. S. C. \u{a7}1983.\n";
        let ix = Index::build(&[("a.txt", text)]);
        // A table entry with its parallel: both keys; a pin is no key.
        let tucker = ["11 N.W. 703", "54 Wis. 539"];
        assert_eq!(
            ix.resolve("Tucker v. Cole, 54 Wis. 539, 11 N.W. 703 (1882)"),
            tucker
        );
        assert_eq!(
            ix.resolve("  Tucker v. Cole, 54 Wis. 539, 540 (1882).  "),
            ["54 Wis. 539"]
        );
        // A section alone: that section of any code, exactly.
        assert_eq!(ix.resolve("\u{a7}1983"), ["42 U.S.C. \u{a7} 1983"]);
        assert_eq!(ix.resolve("\u{a7}\u{a7} 1979"), ["Rev. Stat. \u{a7} 1979"]);
        assert_eq!(
            ix.resolve("Section 523(a)(2)(b)"),
            ["11 U.S.C. \u{a7} 523(a)(2)(B)"]
        );
        assert!(ix.resolve("\u{a7}523").is_empty());
        assert!(ix.resolve("\u{a7}").is_empty());
        assert!(ix.resolve("Section v. Cole").is_empty());
        assert!(ix.resolve("   ").is_empty());
    }

    #[test]
    fn pins_match_pages_ranges_and_footnotes() {
        let ix = small();
        let mut q = Query::new();
        q.authority("424 U.S. 409").pin(431);
        let hits = ix.query(&q);
        // The range 425-431 and the footnote 431 n. 33.
        assert_eq!(hits.len(), 2);
        assert_eq!(hits[0].kind, CitationKind::Id);
        assert_eq!(hits[1].kind, CitationKind::Supra);
        assert_eq!(hits[1].line, 1);
        let counts = ix.counts(&q);
        assert_eq!(counts.len(), 2);
        q.kind(CitationKind::Supra);
        assert_eq!(ix.query(&q).len(), 1);
        let all = ix.authorities();
        assert_eq!(all[0], ("424 U.S. 409", 4, 2));
    }

    #[test]
    fn file_written_in_chunks_is_the_json_of_the_whole_index() {
        let text = format!(
            "Imbler v. Pachtman, 424 U. S. 409 (1976). {}\n",
            "Id., at 410. ".repeat(3000)
        );
        let ix = Index::build(&[("a.txt", "Id."), ("b.txt", &text)]);
        assert!(ix.hits().len() > 3000);
        let (contexts, ids) = ix.contexts();
        let stored = Stored {
            files: ix.files().to_vec(),
            contexts: contexts.iter().map(|c| c.to_string()).collect(),
            hits: ix
                .hits()
                .iter()
                .zip(ids)
                .map(|(h, id)| StoredHit::new(h, id))
                .collect(),
        };
        // Each sentence is in at most two contexts (its own, and the next
        // one's when that is a citation sentence of its own).
        let total: usize = stored.contexts.iter().map(String::len).sum();
        assert!(total <= 2 * text.len(), "{total} for {}", text.len());
        let (head, body) = ix.encode();
        assert_eq!(body, serde_json::to_vec(&stored).unwrap());
        assert_eq!(ix.to_bytes(), [head.as_bytes(), &body].concat());
        let again = Index::from_bytes(&ix.to_bytes()).unwrap();
        assert_eq!(again.hits(), ix.hits());
        let empty = Index::build(&[]);
        assert_eq!(
            empty.encode().1,
            serde_json::to_vec(&Stored {
                files: vec![],
                contexts: vec![],
                hits: vec![]
            })
            .unwrap()
        );
    }

    #[test]
    fn bad_files_are_errors_not_panics() {
        let bytes = small().to_bytes();
        assert!(Index::from_bytes(&bytes).is_ok());
        for cut in [0, 5, 20, bytes.len() / 2, bytes.len() - 1] {
            let e = Index::from_bytes(&bytes[..cut]).unwrap_err();
            assert!(
                matches!(
                    e.kind(),
                    IndexErrorKind::Truncated | IndexErrorKind::NotAnIndex
                ),
                "{cut}: {e}"
            );
        }
        let mut flipped = bytes.clone();
        let n = flipped.len();
        flipped[n - 10] ^= 1;
        assert_eq!(
            Index::from_bytes(&flipped).unwrap_err().kind(),
            IndexErrorKind::Corrupt
        );
        let other = String::from_utf8(bytes.clone()).unwrap().replacen(
            "pincite-index 4 ",
            "pincite-index 5 ",
            1,
        );
        let e = Index::from_bytes(other.as_bytes()).unwrap_err();
        assert_eq!(e.kind(), IndexErrorKind::Version);
        assert!(e.to_string().contains("version 5"));
        assert_eq!(
            Index::from_bytes(b"hello\n").unwrap_err().kind(),
            IndexErrorKind::NotAnIndex
        );
        // A well-formed body with a hit pointing at a missing file.
        let hit = |file: u32, context: u32| {
            format!(
                r#"{{"files":["a.txt"],"contexts":[""],"hits":[{{"file":{file},"span":[0,1],"line":1,"col":1,"slip_page":null,"section":"opinion","kind":"id","authority":null,"pins":[],"case_name":null,"context":{context},"quotation":null}}]}}"#
            )
        };
        for body in [hit(3, 0), hit(0, 1)] {
            let body = body.as_bytes();
            let mut f =
                format!("pincite-index 4 {} {:016x}\n", body.len(), checksum(body)).into_bytes();
            f.extend_from_slice(body);
            assert_eq!(
                Index::from_bytes(&f).unwrap_err().kind(),
                IndexErrorKind::Corrupt
            );
        }
        let body = hit(0, 0);
        let mut f = format!(
            "pincite-index 4 {} {:016x}\n",
            body.len(),
            checksum(body.as_bytes())
        );
        f.push_str(&body);
        assert!(Index::from_bytes(f.as_bytes()).is_ok());
    }

    #[test]
    fn checksum_finds_a_change_in_any_block() {
        let body: Vec<u8> = (0..3 * CHECKSUM_BLOCK + 13)
            .map(|i| (i * 31 % 251) as u8)
            .collect();
        let sum = checksum(&body);
        for at in [
            0,
            7,
            CHECKSUM_BLOCK - 1,
            CHECKSUM_BLOCK,
            2 * CHECKSUM_BLOCK + 5,
            body.len() - 1,
        ] {
            let mut changed = body.clone();
            changed[at] ^= 0x20;
            assert_ne!(checksum(&changed), sum, "byte {at}");
        }
        assert_ne!(checksum(&body[..body.len() - 1]), sum);
        // Zero bytes at the end are not the padding of the last word.
        assert_ne!(checksum(b"ab"), checksum(b"ab\0"));
    }

    #[test]
    fn abbreviated_ranges_read_in_full() {
        let ix = Index::build(&[(
            "a.txt",
            "Lee v. Flintkote Co., 593 F. 2d 1275, 1278-79 (CADC 1979).\n",
        )]);
        let mut q = Query::new();
        q.pin(1279);
        assert_eq!(ix.query(&q).len(), 1);
    }

    #[test]
    fn every_kind_and_section_round_trips_by_name() {
        for k in CitationKind::ALL {
            assert_eq!(CitationKind::named(k.as_str()), Some(k));
        }
        for s in SECTIONS {
            assert_eq!(section_named(s.as_str()), Some(s));
        }
    }
}

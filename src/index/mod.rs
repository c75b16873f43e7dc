//! A citation index over many opinions: a SQLite database, built on all
//! cores, changed file by file, queried by authority, by what a user
//! types, by pin and slip page, and open to any SQL.
//!
//! # The database
//!
//! An index is a SQLite database file ([`SCHEMA`] gives its tables):
//! `files`, `citations` (with their `contexts` and `pins`), `authorities`
//! and `names`, and a view `hits` joining a citation to its file's path
//! and its context. Any SQLite client reads it. Its `application_id`
//! names it as a pincite index and its `user_version` is
//! [`INDEX_VERSION`]; an index of another version, or an index file of
//! pincite's versions before the database (JSON, "pincite-index 4 ..."),
//! gives an error of kind [`ErrorKind::IndexVersion`](crate::ErrorKind)
//! that says to build it again.
//!
//! Changes are made in one transaction ([`Update`]): an error, a crash or
//! an interrupt leaves the database as it was.

mod facts;
mod lookup;
mod rows;
mod schema;
mod tables;
mod update;

pub use lookup::SqlRow;
pub use schema::{INDEX_VERSION, SCHEMA};
pub use update::{Update, UpdateStats};

use crate::citation::{CitationKind, Pin};
use crate::error::Result;
use crate::normalize::Section;
use crate::span::Span;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::cell::OnceCell;
use std::path::Path;
use std::sync::Arc;

/// One citation in the index.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
    /// sentence 800 bytes around it.
    #[serde(with = "shared_str")]
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

/// A shared string written and read as a plain string.
mod shared_str {
    use serde::{Deserialize, Deserializer, Serializer};
    use std::sync::Arc;

    /// Writes the string.
    pub(super) fn serialize<S: Serializer>(s: &Arc<str>, out: S) -> Result<S::Ok, S::Error> {
        out.serialize_str(s)
    }

    /// Reads a string into a new shared one.
    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Arc<str>, D::Error> {
        Ok(Arc::from(String::deserialize(d)?))
    }
}

/// What to look for in an [`Index`]. Every condition set must hold.
///
/// ```
/// let mut q = pincite::Query::new();
/// q.authority("424 U. S. 409").pin(430);
/// ```
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Query {
    authority: Option<String>,
    name: Option<String>,
    pin: Option<u32>,
    slip_page: Option<u32>,
    kind: Option<CitationKind>,
    section: Option<Section>,
    #[serde(default)]
    limit: Option<usize>,
    #[serde(default)]
    offset: usize,
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

    /// At most this many hits from [`Index::query`], in its order (file
    /// by file in document order). By default, every hit.
    /// [`Index::count`] tells how many there are in all.
    pub fn limit(&mut self, hits: usize) -> &mut Query {
        self.limit = Some(hits);
        self
    }

    /// The hits from [`Index::query`] after the first `hits`, in its
    /// order: with [`Query::limit`], the next page. By default, none is
    /// skipped.
    pub fn offset(&mut self, hits: usize) -> &mut Query {
        self.offset = hits;
        self
    }
}

/// How often one file cites an authority.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileCount {
    /// The file as named when the index was built.
    pub file: String,
    /// The matching hits in it.
    pub count: usize,
}

/// An authority with how often it is cited.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthorityCount {
    /// Its key ("424 U.S. 409").
    pub authority: String,
    /// Its references: full, short, Id., supra.
    pub count: usize,
    /// The files that cite it.
    pub files: usize,
}

/// A citation index over many opinions, kept in a SQLite database: in a
/// file ([`Index::open`]) or in memory ([`Index::in_memory`]).
///
/// ```
/// let a = "See Imbler v. Pachtman, 424 U. S. 409, 430 (1976). Id., at 428.\n";
/// let b = "In Imbler v. Pachtman, 424 U. S. 409 (1976), the Court said \u{201C}so.\u{201D} Id., at 430.\n";
/// let mut index = pincite::Index::in_memory();
/// index.add([("a.txt", a), ("b.txt", b)]).unwrap();
/// let mut q = pincite::Query::new();
/// q.authority("424 U. S. 409").pin(430);
/// let hits = index.query(&q).unwrap();
/// assert_eq!(hits.len(), 2);
/// assert_eq!(index.files().unwrap()[hits[1].file], "b.txt");
/// assert_eq!(hits[1].quotation.as_deref(), Some("so"));
/// let counts = index.counts(&q).unwrap();
/// assert_eq!((counts[0].file.as_str(), counts[0].count), ("a.txt", 1));
///
/// // Any SQL that reads: the most cited authorities.
/// let mut rows = Vec::new();
/// index.sql("SELECT authority, count(*) AS n FROM citations \
///            GROUP BY authority ORDER BY n DESC LIMIT 1", |row| {
///     rows.push(row.to_string());
///     Ok(())
/// }).unwrap();
/// assert_eq!(rows, [r#"{"authority":"424 U.S. 409","n":4}"#]);
/// // Columns come in the order asked.
/// index.sql("SELECT 2 AS b, 1 AS a", |row| {
///     assert_eq!(row.to_string(), r#"{"b":2,"a":1}"#);
///     assert_eq!(row.get("a"), Some(&serde_json::json!(1)));
///     Ok(())
/// }).unwrap();
/// ```
pub struct Index {
    conn: Connection,
    /// The files' ids and paths, in id order, once asked for.
    files: OnceCell<Vec<(i64, String)>>,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index").finish_non_exhaustive()
    }
}

impl Index {
    /// Opens the index at `path` to read and change it, or makes a new
    /// one there when there is no file (written at the first
    /// [`Update::commit`]).
    ///
    /// # Errors
    /// The file is not a pincite index (kind
    /// [`ErrorKind::NotAnIndex`](crate::ErrorKind)), an index of another
    /// version ([`ErrorKind::IndexVersion`](crate::ErrorKind)), or could
    /// not be opened.
    pub fn open(path: impl AsRef<Path>) -> Result<Index> {
        Ok(Index::with(schema::open(path.as_ref(), true, true)?))
    }

    /// Makes a new index at `path`, where there must be no file, to be
    /// built from scratch fast: written without a rollback journal and
    /// without waiting for the disk. An update that fails (or a crash)
    /// leaves a broken file there, so build under a temporary name beside
    /// the index's and rename it into place once [`Update::commit`]
    /// returned, as `pincite index` does.
    ///
    /// # Errors
    /// A file is there, or the file could not be made.
    pub fn create(path: impl AsRef<Path>) -> Result<Index> {
        Ok(Index::with(schema::create_file(path.as_ref())?))
    }

    /// Opens the index at `path` to read it only: no query can change it.
    ///
    /// # Errors
    /// As [`Index::open`], and a file that is not there ("no such file").
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Index> {
        let conn = schema::open(path.as_ref(), false, false)?;
        conn.execute_batch("PRAGMA query_only = ON")?;
        Ok(Index::with(conn))
    }

    /// An empty index in memory, gone when dropped.
    pub fn in_memory() -> Index {
        Index::with(schema::in_memory().expect("an in-memory database opens"))
    }

    /// An index in memory of each file's name and text: [`Index::in_memory`]
    /// and [`Index::add`].
    ///
    /// ```
    /// let index = pincite::Index::build(&[("a.txt", "Imbler v. Pachtman, 424 U. S. 409 (1976).")]);
    /// assert_eq!(index.files().unwrap(), ["a.txt"]);
    /// assert_eq!(index.hits().unwrap().len(), 1);
    /// ```
    pub fn build(docs: &[(&str, &str)]) -> Index {
        let mut index = Index::in_memory();
        index
            .add(docs.iter().copied())
            .expect("an in-memory database takes the rows");
        index
    }

    /// An index in memory as [`Index::build`] makes it, from any pairs of
    /// a name and a text: `(String, String)`, `(&str, &str)`, `(String,
    /// Document)`.
    ///
    /// ```
    /// let docs = vec![("a.txt".to_string(), "Imbler v. Pachtman, 424 U. S. 409 (1976).".to_string())];
    /// let index = pincite::Index::build_from(docs);
    /// assert_eq!(index.files().unwrap(), ["a.txt"]);
    /// ```
    pub fn build_from<N, T>(docs: impl IntoIterator<Item = (N, T)>) -> Index
    where
        N: Into<String>,
        T: AsRef<str> + Sync,
    {
        let docs: Vec<(String, T)> = docs.into_iter().map(|(n, t)| (n.into(), t)).collect();
        let mut index = Index::in_memory();
        index
            .add(docs.iter().map(|(n, t)| (n.as_str(), t.as_ref())))
            .expect("an in-memory database takes the rows");
        index
    }

    fn with(conn: Connection) -> Index {
        Index {
            conn,
            files: OnceCell::new(),
        }
    }

    /// Adds files (each a name and its text) in one [`Update`], or
    /// replaces those of the same name whose text changed.
    ///
    /// # Errors
    /// Writing to the database failed; it is then as it was.
    pub fn add<I, N, T>(&mut self, docs: I) -> Result<UpdateStats>
    where
        I: IntoIterator<Item = (N, T)>,
        I::IntoIter: Send,
        N: Into<String> + Send,
        T: AsRef<str> + Send,
    {
        let mut update = self.update()?;
        update.add(docs)?;
        update.commit()
    }

    /// Adds the files at these paths, named by their paths as given, or
    /// replaces those whose text changed, in one [`Update`]: read from
    /// the disk as the workers need them, not all at once. A file that
    /// cannot be read (missing, not UTF-8 text, larger than
    /// [`Document::DEFAULT_MAX_SIZE`](crate::Document::DEFAULT_MAX_SIZE))
    /// stops the update: nothing is written.
    ///
    /// # Errors
    /// The first file that could not be read (with its path), or writing
    /// to the database failed; it is then as it was.
    pub fn add_files<P: AsRef<Path> + Sync>(&mut self, paths: &[P]) -> Result<UpdateStats> {
        let failed: std::sync::Mutex<Option<crate::Error>> = std::sync::Mutex::new(None);
        let docs = paths.iter().map_while(|p| {
            let path = p.as_ref();
            match crate::Document::read(path) {
                Ok(doc) => Some((crate::printable_path(path), doc.into_text())),
                Err(e) => {
                    *failed.lock().unwrap_or_else(|e| e.into_inner()) = Some(e);
                    None
                }
            }
        });
        let mut update = self.update()?;
        update.add(docs)?;
        if let Some(e) = failed.into_inner().unwrap_or_else(|e| e.into_inner()) {
            return Err(e);
        }
        update.commit()
    }

    /// Takes out the files of these names. Returns how many were there.
    ///
    /// # Errors
    /// Writing to the database failed; it is then as it was.
    pub fn remove<S: AsRef<str>>(&mut self, names: &[S]) -> Result<usize> {
        let mut update = self.update()?;
        let mut n = 0;
        for name in names {
            n += usize::from(update.remove(name.as_ref())?);
        }
        update.commit()?;
        Ok(n)
    }

    /// The files' ids and paths, in the order they were added.
    fn file_list(&self) -> Result<&[(i64, String)]> {
        if let Some(list) = self.files.get() {
            return Ok(list);
        }
        let mut st = self
            .conn
            .prepare("SELECT id, path FROM files ORDER BY id")?;
        let list = st
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(self.files.get_or_init(|| list))
    }

    /// The files, in the order they were added.
    ///
    /// # Errors
    /// Reading the database failed.
    pub fn files(&self) -> Result<Vec<String>> {
        Ok(self.file_list()?.iter().map(|(_, p)| p.clone()).collect())
    }

    /// The number of citations.
    ///
    /// # Errors
    /// Reading the database failed.
    pub fn len(&self) -> Result<usize> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM citations", [], |r| r.get(0))?;
        Ok(n as usize)
    }

    /// Whether the index has no citation.
    ///
    /// # Errors
    /// Reading the database failed.
    pub fn is_empty(&self) -> Result<bool> {
        Ok(self.len()? == 0)
    }

    /// Every hit, file by file in document order.
    ///
    /// # Errors
    /// Reading the database failed.
    pub fn hits(&self) -> Result<Vec<Hit>> {
        self.query(&Query::new())
    }

    /// Runs SQL that reads (a `SELECT`, a `WITH ... SELECT`) and gives
    /// each row to `each`. Returns the number of rows. An index opened with
    /// [`Index::open_read_only`] refuses SQL that writes.
    ///
    /// # Errors
    /// The SQL is not valid or does not read only (kind
    /// [`ErrorKind::Database`](crate::ErrorKind), with SQLite's message),
    /// or `each` returned an error.
    pub fn sql(&self, sql: &str, each: impl FnMut(&SqlRow) -> Result<()>) -> Result<usize> {
        lookup::sql(&self.conn, sql, each)
    }

    /// The number of authorities cited, references to the citing opinion
    /// itself ("slip op.") left out: [`Index::authorities`]' length.
    ///
    /// # Errors
    /// Reading the database failed.
    pub fn authority_count(&self) -> Result<usize> {
        let n: i64 = self.conn.query_row(
            "SELECT count(*) FROM authorities a WHERE category IS NOT 'internal' \
             AND EXISTS (SELECT 1 FROM citations c WHERE c.authority = a.key)",
            [],
            |r| r.get(0),
        )?;
        Ok(n as usize)
    }

    /// Every authority with its number of references (full, short, Id.,
    /// supra) and of files citing it, most referenced first. References to
    /// the citing opinion itself ("slip op.") are left out.
    ///
    /// # Errors
    /// Reading the database failed.
    pub fn authorities(&self) -> Result<Vec<AuthorityCount>> {
        let mut st = self.conn.prepare(
            "SELECT c.authority, count(*) AS n, count(DISTINCT c.file) FROM citations c \
             JOIN authorities a ON a.key = c.authority \
             WHERE a.category IS NOT 'internal' \
             GROUP BY c.authority ORDER BY n DESC, c.authority",
        )?;
        let rows = st.query_map([], |r| {
            Ok(AuthorityCount {
                authority: r.get(0)?,
                count: r.get::<_, i64>(1)? as usize,
                files: r.get::<_, i64>(2)? as usize,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
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

const FNV_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// A file's hash, by which an unchanged file is known: FNV-1a's step
/// over 64-bit little-endian words (the last padded with zeros), with
/// the length taken in last.
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
            assert_eq!(ix.resolve(typed).unwrap(), ["424 U.S. 409"], "{typed}");
        }
        assert_eq!(ix.resolve("Long Beach").unwrap(), ["481 F.3d 1170"]);
        assert_eq!(ix.resolve("Long").unwrap(), ["481 F.3d 1170"]);
        assert!(ix.resolve("Imb").unwrap().is_empty());
        assert!(ix.resolve("").unwrap().is_empty());
    }

    #[test]
    fn pasted_entries_and_bare_sections_resolve() {
        let text = "Tucker v. Cole, 54 Wis. 539, 540, 11 N. W. 703 (1882). See 11 U. S. C. \
                    \u{a7}523(a)(2)(A); \u{a7}523(a)(2)(B). Rev. Stat. \u{a7}1979, 42 U. S. C. \u{a7}1983.\n";
        let ix = Index::build(&[("a.txt", text)]);
        let resolve = |typed: &str| ix.resolve(typed).unwrap();
        // A table entry with its parallel: both keys; a pin is no key.
        let tucker = ["11 N.W. 703", "54 Wis. 539"];
        assert_eq!(
            resolve("Tucker v. Cole, 54 Wis. 539, 11 N.W. 703 (1882)"),
            tucker
        );
        assert_eq!(
            resolve("  Tucker v. Cole, 54 Wis. 539, 540 (1882).  "),
            ["54 Wis. 539"]
        );
        // A section alone: that section of any code, exactly.
        assert_eq!(resolve("\u{a7}1983"), ["42 U.S.C. \u{a7} 1983"]);
        assert_eq!(resolve("\u{a7}\u{a7} 1979"), ["Rev. Stat. \u{a7} 1979"]);
        assert_eq!(
            resolve("Section 523(a)(2)(b)"),
            ["11 U.S.C. \u{a7} 523(a)(2)(B)"]
        );
        assert!(resolve("\u{a7}523").is_empty());
        assert!(resolve("\u{a7}").is_empty());
        assert!(resolve("Section v. Cole").is_empty());
        assert!(resolve("   ").is_empty());
        // The parallel citations are recorded with each other.
        let mut parallels = Vec::new();
        ix.sql(
            "SELECT parallels FROM authorities WHERE key = '54 Wis. 539'",
            |row| {
                parallels.push(row.to_string());
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(parallels, [r#"{"parallels":"[\"11 N.W. 703\"]"}"#]);
    }

    #[test]
    fn pins_match_pages_ranges_and_footnotes() {
        let ix = small();
        let mut q = Query::new();
        q.authority("424 U.S. 409").pin(431);
        let hits = ix.query(&q).unwrap();
        // The range 425-431 and the footnote 431 n. 33.
        assert_eq!(hits.len(), 2);
        assert_eq!(hits[0].kind, CitationKind::Id);
        assert_eq!(hits[1].kind, CitationKind::Supra);
        assert_eq!(hits[1].line, 1);
        assert!(hits.iter().all(|h| h.cites_page(431)));
        let counts = ix.counts(&q).unwrap();
        assert_eq!(counts.len(), 2);
        q.kind(CitationKind::Supra);
        assert_eq!(ix.query(&q).unwrap().len(), 1);
        // Without an authority, the pin alone.
        let mut q = Query::new();
        q.pin(1171);
        assert_eq!(ix.query(&q).unwrap().len(), 1);
        let all = ix.authorities().unwrap();
        assert_eq!(
            (all[0].authority.as_str(), all[0].count, all[0].files),
            ("424 U.S. 409", 4, 2)
        );
        assert_eq!(ix.authority_count().unwrap(), all.len());
    }

    #[test]
    fn abbreviated_ranges_read_in_full() {
        let ix = Index::build(&[(
            "a.txt",
            "Lee v. Flintkote Co., 593 F. 2d 1275, 1278-79 (CADC 1979).\n",
        )]);
        let mut q = Query::new();
        q.pin(1279);
        assert_eq!(ix.query(&q).unwrap().len(), 1);
    }

    /// A blank-page case one file cites with its first page takes that
    /// page's key in every file, and its own back when that file goes.
    #[test]
    fn blank_pages_take_the_first_page_another_file_gives() {
        let slip =
            "District of Columbia v. Heller, 554 U. S. ___ (2008). Heller, 554 U. S., at ___.\n";
        let paged = "See District of Columbia v. Heller, 554 U. S. 570, 595 (2008).\n";
        let mut ix = Index::in_memory();
        ix.add([("slip", slip), ("paged", paged)]).unwrap();
        let mut q = Query::new();
        q.authority("554 U.S. 570");
        let files: Vec<usize> = ix.query(&q).unwrap().iter().map(|h| h.file).collect();
        assert_eq!(files, [0, 0, 1]);
        ix.remove(&["paged"]).unwrap();
        assert!(ix.query(&q).unwrap().is_empty());
        let keys: Vec<Option<String>> = ix
            .hits()
            .unwrap()
            .into_iter()
            .map(|h| h.authority)
            .collect();
        let blank = "District of Columbia v. Heller, 554 U.S. ___".to_string();
        assert_eq!(keys, [Some(blank.clone()), Some(blank)]);
    }

    /// An index moves between threads (a Python object holding one
    /// may be used from any thread, one at a time).
    #[test]
    fn an_index_is_send() {
        fn send<T: Send>() {}
        send::<Index>();
        send::<Hit>();
        send::<SqlRow>();
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

//! The database's tables, and opening a file as one: refusing a file that
//! is no pincite index, naming an index of another version.

use crate::error::{Error, Result};
use rusqlite::{Connection, OpenFlags};
use std::io::Read;
use std::path::Path;

/// The version of the index format this build reads and writes: the
/// database's `user_version`. Versions 1 to 4 were JSON files.
pub const INDEX_VERSION: u32 = 7;

/// The database's `application_id`: "pcit" in ASCII, which names a
/// SQLite file as a pincite index.
const APPLICATION_ID: i32 = 0x7063_6974;

/// The first bytes of an index file of versions 1 to 4.
const JSON_MAGIC: &[u8] = b"pincite-index ";

/// The first bytes of every SQLite database file.
const SQLITE_MAGIC: &[u8] = b"SQLite format 3\0";

/// The tables, indexes and view of an index, as `pincite index --schema`
/// prints them.
pub const SCHEMA: &str = r#"-- One row per opinion text.
CREATE TABLE files (
    id       INTEGER PRIMARY KEY,
    path     TEXT NOT NULL UNIQUE,   -- the file as named when indexed
    hash     TEXT NOT NULL,          -- 16 hex digits of its bytes' hash
    bytes    INTEGER NOT NULL,       -- its length
    caption  TEXT,                   -- "BARTENWERFER v. BUCKLEY"
    docket   TEXT,                   -- "No. 21-908"
    date     TEXT,                   -- "February 22, 2023", as written
    form     TEXT NOT NULL,          -- paragraph_per_line, hard_wrapped, pdf_raw, pdf_layout
    copy_of  TEXT NOT NULL,          -- JSON: what tells copies of one opinion apart
    size     INTEGER,                -- on the disk when read: its size and modification
    mtime    INTEGER                 -- time (ns), by which `index` leaves it unread
);

-- The sentences around citations; the citations of one sentence share one.
CREATE TABLE contexts (
    id       INTEGER PRIMARY KEY,
    file     INTEGER NOT NULL REFERENCES files(id),
    text     TEXT NOT NULL
);

-- One row per citation, in document order within each file.
CREATE TABLE citations (
    id         INTEGER PRIMARY KEY,
    file       INTEGER NOT NULL REFERENCES files(id),
    start      INTEGER NOT NULL,     -- byte offsets in the file: [start, end)
    "end"      INTEGER NOT NULL,
    line       INTEGER NOT NULL,     -- 1-based line of start
    col        INTEGER NOT NULL,     -- 1-based column of start, in characters
    kind       TEXT NOT NULL,        -- full_case, short_case, id, supra, statute, ...
    authority  TEXT,                 -- "424 U.S. 409"; NULL when unresolved
    pins       TEXT NOT NULL,        -- JSON array, as `pincite extract` prints them
    page       INTEGER,              -- the slip page it is on
    section    TEXT NOT NULL,        -- syllabus, opinion, dissent, ...
    case_name  TEXT,                 -- as written
    context    INTEGER NOT NULL REFERENCES contexts(id),
    quotation  TEXT,                 -- the quotation it supports, if any
    antecedent INTEGER REFERENCES citations(id), -- what an Id. refers to
    blank      TEXT,                 -- a blank-page key ("554 U.S. ___") as read in its file
    listing    TEXT                  -- JSON: what a table of authorities lists; NULL if left out
);
CREATE INDEX citations_file ON citations(file);
CREATE INDEX citations_authority ON citations(authority, file);
CREATE INDEX citations_blank ON citations(blank) WHERE blank IS NOT NULL;

-- One row per page pin of a citation: "425-426" is page 425, last 426.
CREATE TABLE pins (
    citation   INTEGER NOT NULL REFERENCES citations(id),
    file       INTEGER NOT NULL REFERENCES files(id), -- the citation's file
    authority  TEXT,                 -- the citation's authority
    page       INTEGER NOT NULL,
    last       INTEGER NOT NULL,     -- the range's last page, else page
    footnote   INTEGER,
    unit       TEXT NOT NULL         -- page, star or paragraph
);
CREATE INDEX pins_citation ON pins(citation);
CREATE INDEX pins_authority ON pins(authority, page, last, file, citation);

-- What each file says of each authority it cites (its first full citation
-- there), from which `authorities` is made.
CREATE TABLE file_authorities (
    file       INTEGER NOT NULL REFERENCES files(id),
    key        TEXT NOT NULL,
    category   TEXT,
    name       TEXT,
    court      TEXT,
    year       INTEGER,
    parallels  TEXT NOT NULL,
    volume     INTEGER,
    reporter   TEXT,
    first_page INTEGER,
    PRIMARY KEY (file, key)
) WITHOUT ROWID;
CREATE INDEX file_authorities_key ON file_authorities(key);

-- One row per authority cited. Each fact is the one the first file, in
-- path order, that gives it says (a category other than internal before
-- internal; the parallels of the first file that has some), recomputed
-- for the authorities of the files each run writes or takes out.

CREATE TABLE authorities (
    key        TEXT PRIMARY KEY,     -- "424 U.S. 409", "42 U.S.C. § 1983"
    category   TEXT,                 -- case, constitution, statute, rule, regulation,
                                     -- secondary, legislative, record, internal
    name       TEXT,                 -- "Imbler v. Pachtman", or a work's title
    court      TEXT,                 -- as written: "CA9"
    year       INTEGER,
    parallels  TEXT NOT NULL,        -- JSON array of the keys of parallel citations
    volume     INTEGER,
    reporter   TEXT,
    first_page INTEGER,              -- NULL for a blank-page case ("554 U.S. ___")
    compact    TEXT NOT NULL,        -- the key as typed lookups compare it: "424 us 409"
    section    TEXT                  -- a statute's section, compared: "523(a)(2)(a)"
);
CREATE INDEX authorities_compact ON authorities(compact);
CREATE INDEX authorities_section ON authorities(section) WHERE section IS NOT NULL;
CREATE INDEX authorities_volume ON authorities(volume, reporter) WHERE volume IS NOT NULL;

-- Case names and parties, lower case, by which `pincite query --name` finds cases;
-- each once a file.
CREATE TABLE names (
    name       TEXT NOT NULL,        -- "imbler v. pachtman", "imbler", "pachtman"
    authority  TEXT NOT NULL,
    file       INTEGER NOT NULL REFERENCES files(id)
);
CREATE INDEX names_name ON names(name, authority);
CREATE INDEX names_file ON names(file);

-- The citations with their file's path and their context's text.
CREATE VIEW hits AS
SELECT c.id, f.path, c.start, c."end", c.line, c.col, c.kind, c.authority, c.pins,
       c.page, c.section, c.case_name, x.text AS context, c.quotation
FROM citations c JOIN files f ON f.id = c.file JOIN contexts x ON x.id = c.context;
"#;

/// Settings of every connection: a wait for another writer rather than
/// an error, and room in memory for the indexes' pages. (SQLite's sorter
/// threads, `PRAGMA threads`, were tried for the indexes of a new
/// database: at five million citations they took the build's memory
/// from about 200 to 385 MB for no clear gain in time.)
fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(600))?;
    conn.execute_batch("PRAGMA cache_size = -65536; PRAGMA foreign_keys = OFF;")?;
    Ok(())
}

/// The indexes kept row by row as the rows are written: the few
/// blank-page keys, where the cost is a test of each row; the others are
/// made once the rows are in ([`create_indexes`]): sorting their keys all
/// at once costs about half of keeping them row by row.
const KEPT_ROW_BY_ROW: [&str; 1] = ["citations_blank"];

/// The name of the index a statement of [`SCHEMA`] makes, if it makes one.
fn index_name(st: &str) -> Option<&str> {
    let first = st
        .lines()
        .find(|l| !l.trim().is_empty() && !l.starts_with("--"))?;
    let mut words = first.strip_prefix("CREATE INDEX ")?.split_whitespace();
    words.next()
}

/// The statements of [`SCHEMA`] made with the tables (`true`: the
/// tables, the view and the indexes kept row by row), or once the rows
/// are in (`false`: the other indexes).
fn statements(with_tables: bool) -> impl Iterator<Item = &'static str> {
    SCHEMA.split_inclusive(";\n").filter(move |st| {
        let sorted = index_name(st).is_some_and(|name| !KEPT_ROW_BY_ROW.contains(&name));
        sorted != with_tables
    })
}

/// Makes the tables of a new, empty database, with the indexes kept row
/// by row; [`create_indexes`] makes the others once the rows are in.
pub(super) fn create(conn: &Connection) -> Result<()> {
    for st in statements(true) {
        conn.execute_batch(st)?;
    }
    conn.execute_batch(&format!(
        "PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {INDEX_VERSION};"
    ))?;
    Ok(())
}

/// Makes the indexes that are made once the rows are in.
pub(super) fn create_indexes(conn: &Connection) -> Result<()> {
    for st in statements(false) {
        conn.execute_batch(st)?;
    }
    Ok(())
}

/// Drops the indexes [`create_indexes`] makes, to fill the tables again.
pub(super) fn drop_indexes(conn: &Connection) -> Result<()> {
    for name in statements(false).filter_map(index_name) {
        conn.execute_batch(&format!("DROP INDEX IF EXISTS {name}"))?;
    }
    Ok(())
}

/// An in-memory database with the tables made.
pub(super) fn in_memory() -> Result<Connection> {
    let conn = Connection::open_in_memory()?;
    configure(&conn)?;
    create(&conn)?;
    create_indexes(&conn)?;
    Ok(conn)
}

/// What a file holds, as far as its first bytes tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Holds {
    /// Nothing: no file, or an empty one.
    Nothing,
    /// A SQLite database (an index, or some other database).
    Database,
    /// A JSON index of pincite's versions 1 to 4.
    OldIndex(u32),
    /// Something else.
    Other,
}

/// What the file at `path` holds.
fn holds(path: &Path) -> Holds {
    let mut head = Vec::new();
    if let Ok(file) = std::fs::File::open(path) {
        let _ = file.take(32).read_to_end(&mut head);
    }
    if head.is_empty() {
        Holds::Nothing
    } else if head.starts_with(SQLITE_MAGIC) {
        Holds::Database
    } else if let Some(rest) = head.strip_prefix(JSON_MAGIC) {
        let digits: String = rest
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .map(|&b| b as char)
            .collect();
        Holds::OldIndex(digits.parse().unwrap_or(0))
    } else {
        Holds::Other
    }
}

/// Opens the index at `path`: for reading only, or for reading and
/// writing. A file that is not there is an error unless `create`, when an
/// empty database is made with the tables (in the transaction the caller
/// opens next, so that it is written only with its first rows).
pub(super) fn open(path: &Path, write: bool, create: bool) -> Result<Connection> {
    match holds(path) {
        Holds::Database => truncated(path)?,
        Holds::Nothing if create => {}
        Holds::Nothing if path.exists() => return Err(Error::not_an_index().at(path)),
        Holds::Nothing => return Err(Error::no_such_file().at(path)),
        Holds::OldIndex(v) => return Err(Error::index_version(v, INDEX_VERSION).at(path)),
        Holds::Other => return Err(Error::not_an_index().at(path)),
    }
    // A reader opens the file to write too when it may (and its caller
    // makes it query only), so that a change a crash left half done is
    // rolled back, as only a writer can; a file it may not write it opens
    // to read.
    let rw = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = match write {
        true => Connection::open_with_flags(path, rw | OpenFlags::SQLITE_OPEN_CREATE),
        false => Connection::open_with_flags(path, rw).or_else(|_| {
            let ro = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
            Connection::open_with_flags(path, ro)
        }),
    }
    .map_err(|e| Error::from(e).at(path))?;
    configure(&conn)?;
    check(&conn).map_err(|e| e.at(path))?;
    Ok(conn)
}

/// Makes a new database at `path`, where no file is, written without a
/// rollback journal and without waiting for the disk, in pages of 8 KiB
/// (fewer splits of the tables' pages than SQLite's 4 KiB): an update
/// that fails leaves a broken file, for the caller to delete.
pub(super) fn create_file(path: &Path) -> Result<Connection> {
    if path.exists() {
        return Err(Error::from(std::io::Error::from(std::io::ErrorKind::AlreadyExists)).at(path));
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(|e| Error::from(e).at(path))?;
    configure(&conn)?;
    conn.execute_batch(
        "PRAGMA page_size = 8192; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; \
         PRAGMA locking_mode = EXCLUSIVE;",
    )?;
    Ok(conn)
}

/// An error when the file is shorter than its header says: the
/// database's page size times its number of pages, when the header's
/// count is valid (its change counter matches the one it was valid for).
fn truncated(path: &Path) -> Result<()> {
    let mut head = [0u8; 100];
    let file = std::fs::File::open(path).map_err(|e| Error::from(e).at(path))?;
    let len = file.metadata().map_err(|e| Error::from(e).at(path))?.len();
    if (&file).read_exact(&mut head).is_err() {
        return Err(Error::truncated(len, 100).at(path));
    }
    let word = |at: usize| u32::from_be_bytes(head[at..at + 4].try_into().expect("four bytes"));
    let page = match u16::from_be_bytes([head[16], head[17]]) {
        1 => 65_536,
        n => u64::from(n),
    };
    let pages = u64::from(word(28));
    let whole = page * pages;
    if word(24) == word(92) && pages > 0 && len < whole {
        return Err(Error::truncated(len, whole).at(path));
    }
    Ok(())
}

/// Whether the tables are there: an empty database is new (`false`); a
/// database of another application is refused, one of another version
/// named.
pub(super) fn check(conn: &Connection) -> Result<bool> {
    let app: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    let version: u32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let tables: u32 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
    match (app, version, tables) {
        (0, 0, 0) => Ok(false),
        (APPLICATION_ID, INDEX_VERSION, _) => Ok(true),
        (APPLICATION_ID, v, _) => Err(Error::index_version(v, INDEX_VERSION)),
        _ => Err(Error::not_an_index()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_splits_into_tables_and_indexes() {
        let sorted: Vec<&str> = statements(false).collect();
        let others: Vec<&str> = statements(true).collect();
        let kept = others.iter().filter_map(|s| index_name(s)).count();
        assert_eq!(
            kept,
            KEPT_ROW_BY_ROW.len(),
            "every index kept row by row is in SCHEMA"
        );
        assert_eq!(kept + sorted.len(), SCHEMA.matches("CREATE INDEX").count());
        assert!(sorted.iter().all(|s| index_name(s).is_some()));
        assert_eq!(
            others.iter().filter(|s| s.contains("CREATE TABLE")).count(),
            SCHEMA.matches("CREATE TABLE").count()
        );
        assert_eq!(sorted.concat().len() + others.concat().len(), SCHEMA.len());
        let conn = in_memory().unwrap();
        assert!(check(&conn).unwrap());
        drop_indexes(&conn).unwrap();
        let left: u32 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(left as usize, KEPT_ROW_BY_ROW.len());
    }
}

//! Reading an index: the keys a user's words stand for, the hits of a
//! query, and SQL of the user's own.

use super::{FileCount, Hit, Index, Query, compact_key, name_key, section_key, section_named};
use crate::citation::CitationKind;
use crate::error::{Error, Result};
use crate::law::sections::{is_range, range_covers};
use crate::span::Span;
use rusqlite::types::ValueRef;
use rusqlite::{Connection, Row, Statement, ToSql};

use std::sync::Arc;

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

/// One way of reading what a user typed as authority keys.
type Resolver = fn(&Index, &str) -> Result<Vec<String>>;

/// The end of the range of strings that start with `prefix`: `prefix`
/// followed by the last character there is.
fn prefix_end(prefix: &str) -> String {
    format!("{prefix}\u{10FFFF}")
}

impl Index {
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
    /// sections, "Brief for" for every brief. A section stands also for
    /// the ranges of sections that take it in: "42 U.S.C. § 1982" (or
    /// "§1982") for "42 U.S.C. §§ 1981-1983" as well.
    ///
    /// ```
    /// let text = "Imbler v. Pachtman, 424 U. S. 409 (1976); 42 U. S. C. §1983.\n";
    /// let index = pincite::Index::build(&[("a.txt", text)]);
    /// for typed in ["Imbler v. Pachtman, 424 U.S. 409 (1976)", "424 US 409", "imbler"] {
    ///     assert_eq!(index.resolve(typed).unwrap(), ["424 U.S. 409"]);
    /// }
    /// for typed in ["§1983", "42 USC 1983", "42 U.S.C. § 1983", "42 U.S.C."] {
    ///     assert_eq!(index.resolve(typed).unwrap(), ["42 U.S.C. § 1983"]);
    /// }
    /// ```
    ///
    /// # Errors
    /// Reading the database failed.
    pub fn resolve(&self, typed: &str) -> Result<Vec<String>> {
        let typed = typed.trim();
        let ways: [Resolver; 5] = [
            Index::resolve_key,
            Index::resolve_section,
            Index::resolve_provision,
            Index::resolve_pasted,
            Index::resolve_name,
        ];
        let mut out = Vec::new();
        for way in ways {
            out = way(self, typed)?;
            if !out.is_empty() {
                break;
            }
        }
        out.extend(self.resolve_ranges(typed)?);
        out.sort_unstable();
        out.dedup();
        Ok(out)
    }

    /// The keys of the ranges of sections that take in the section typed:
    /// "42 U.S.C. § 1982" (or "§1982", in any code) stands for "42 U.S.C.
    /// §§ 1981-1983" too.
    fn resolve_ranges(&self, typed: &str) -> Result<Vec<String>> {
        let (code, section) = match typed.rsplit_once('§') {
            Some((code, sec)) => (compact_key(code), section_key(sec)),
            None => match typed_section(typed) {
                Some(sec) => (String::new(), sec),
                None => return Ok(Vec::new()),
            },
        };
        if !section.starts_with(|c: char| c.is_ascii_digit()) || is_range(&section) {
            return Ok(Vec::new());
        }
        // The ranges are the keys with "§§"; of one code, those whose
        // compact form starts with the code's.
        let within = format!("{code} ");
        let end = prefix_end(&within);
        let mut st = match code.is_empty() {
            true => self
                .conn
                .prepare_cached("SELECT key, section FROM authorities WHERE key GLOB '*§§*'")?,
            false => self.conn.prepare_cached(
                "SELECT key, section FROM authorities \
                 WHERE compact >= ?1 AND compact < ?2 AND key GLOB '*§§*'",
            )?,
        };
        let params: &[&dyn ToSql] = match code.is_empty() {
            true => &[],
            false => &[&within, &end],
        };
        let rows = st.query_map(params, |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (key, range) = row?;
            if range.is_some_and(|r| range_covers(&r, &section)) {
                out.push(key);
            }
        }
        Ok(out)
    }

    /// The keys one SQL statement with one parameter gives.
    fn keys(&self, sql: &str, params: &[&dyn ToSql]) -> Result<Vec<String>> {
        let mut st = self.conn.prepare_cached(sql)?;
        let rows = st.query_map(params, |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The key itself, or the keys spelled the same but for spacing,
    /// punctuation and case.
    fn resolve_key(&self, typed: &str) -> Result<Vec<String>> {
        let exact = self.keys("SELECT key FROM authorities WHERE key = ?1", &[&typed])?;
        if !exact.is_empty() {
            return Ok(exact);
        }
        let compact = compact_key(typed);
        self.keys(
            "SELECT key FROM authorities WHERE compact = ?1",
            &[&compact],
        )
    }

    /// The keys of a section typed without its code ("§1983"): those whose
    /// section, after the last "§", is the same but for spaces and case.
    fn resolve_section(&self, typed: &str) -> Result<Vec<String>> {
        let Some(section) = typed_section(typed) else {
            return Ok(Vec::new());
        };
        self.keys(
            "SELECT key FROM authorities WHERE section = ?1",
            &[&section],
        )
    }

    /// The keys of the provisions within the one typed: "U.S. Const.
    /// amend. XIV" finds "U.S. Const. amend. XIV, § 1", "Fed. R. Civ. P.
    /// 23" finds "Fed. R. Civ. P. 23(b)(3)". Keys are compared in their
    /// compact form, whole words only ("Fed. R. Civ. P. 2" finds no rule
    /// 23).
    fn resolve_provision(&self, typed: &str) -> Result<Vec<String>> {
        let key = compact_key(typed);
        if key.is_empty() {
            return Ok(Vec::new());
        }
        let within = format!("{key} ");
        self.keys(
            "SELECT key FROM authorities WHERE compact >= ?1 AND compact < ?2",
            &[&within, &prefix_end(&within)],
        )
    }

    /// The keys of a citation as pasted: the parentheticals at its end
    /// taken off, each part between commas that starts with a number
    /// looked up as a key ("Imbler v. Pachtman, 424 U.S. 409, 430 (1976)":
    /// "424 U.S. 409"; the pin "430" is no key).
    fn resolve_pasted(&self, typed: &str) -> Result<Vec<String>> {
        let mut text = typed.trim_end_matches(['.', ';', ' ']);
        while let Some(open) = text.strip_suffix(')').and_then(|t| t.rfind('(')) {
            text = text[..open].trim_end();
        }
        let mut out = Vec::new();
        for part in text.split(',').map(str::trim) {
            if part.starts_with(|c: char| c.is_ascii_digit()) {
                out.extend(self.resolve_key(part)?);
            }
        }
        Ok(out)
    }

    /// The authority keys of the cases a name names: the whole name or a
    /// party, or their first words, in any case. Sorted, without repeats.
    ///
    /// # Errors
    /// Reading the database failed.
    pub fn resolve_name(&self, name: &str) -> Result<Vec<String>> {
        let key = name_key(name);
        if key.is_empty() {
            return Ok(Vec::new());
        }
        let mut st = self.conn.prepare_cached(
            "SELECT DISTINCT name, authority FROM names WHERE name >= ?1 AND name < ?2",
        )?;
        let rows = st.query_map([&key, &prefix_end(&key)], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (n, a) = row?;
            if n.len() == key.len() || n[key.len()..].starts_with(' ') {
                out.push(a);
            }
        }
        out.sort_unstable();
        out.dedup();
        Ok(out)
    }

    /// The authority keys a query asks for; `None` when it asks for any.
    fn query_keys(&self, q: &Query) -> Result<Option<Vec<String>>> {
        let mut keys: Option<Vec<String>> = None;
        if let Some(a) = &q.authority {
            keys = Some(self.resolve(a)?);
        }
        if let Some(n) = &q.name {
            let by_name = self.resolve_name(n)?;
            keys = Some(match keys {
                Some(k) => k.into_iter().filter(|a| by_name.contains(a)).collect(),
                None => by_name,
            });
        }
        Ok(keys)
    }

    /// The conditions a query sets on the citations `c`, after `WHERE 1`,
    /// with its named parameters (see [`bind`]).
    fn conditions(q: &Query, keys: bool) -> String {
        let mut sql = String::new();
        if keys {
            sql.push_str(" AND c.authority IN (SELECT value FROM json_each(:keys))");
        }
        match (keys, q.pin) {
            (true, Some(_)) => sql.push_str(
                " AND c.id IN (SELECT citation FROM pins WHERE authority IN \
                 (SELECT value FROM json_each(:keys)) AND page <= :pin AND last >= :pin)",
            ),
            (false, Some(_)) => sql.push_str(
                " AND EXISTS (SELECT 1 FROM pins p WHERE p.citation = c.id \
                 AND p.page <= :pin AND p.last >= :pin)",
            ),
            _ => {}
        }
        for (set, condition) in [
            (q.slip_page.is_some(), " AND c.page = :page"),
            (q.kind.is_some(), " AND c.kind = :kind"),
            (q.section.is_some(), " AND c.section = :section"),
        ] {
            if set {
                sql.push_str(condition);
            }
        }
        sql
    }

    /// Whether the citations a query matches are found in an index alone
    /// (see [`Index::matches`]): it asks for authorities (`keys`), and for
    /// nothing of the citations' own columns.
    fn indexed(q: &Query, keys: bool) -> bool {
        keys && q.slip_page.is_none() && q.kind.is_none() && q.section.is_none()
    }

    /// SQL that gives the `file` and `citation` id of each citation a
    /// query matches, once: read from an index alone when the query asks
    /// for authorities, and a pin or nothing else (the pins' index holds
    /// each pin's authority, pages, file and citation; the citations'
    /// index by authority their file and id), else from the citations.
    fn matches(q: &Query, keys: bool) -> String {
        match (Index::indexed(q, keys), q.pin) {
            (true, Some(_)) => "SELECT DISTINCT file, citation FROM pins \
                 WHERE authority IN (SELECT value FROM json_each(:keys)) \
                 AND page <= :pin AND last >= :pin"
                .to_string(),
            (true, None) => "SELECT file, id AS citation FROM citations \
                 WHERE authority IN (SELECT value FROM json_each(:keys))"
                .to_string(),
            (false, _) => format!(
                "SELECT c.file AS file, c.id AS citation FROM citations c WHERE 1{}",
                Index::conditions(q, keys)
            ),
        }
    }

    /// Runs `sql`, made of a query's conditions by `make` (given whether
    /// the query names authorities), giving each row to `each`. Runs
    /// nothing when the query names authorities none of which is in the
    /// index.
    fn run_query(
        &self,
        q: &Query,
        make: impl FnOnce(bool) -> String,
        mut each: impl FnMut(&Row) -> Result<()>,
    ) -> Result<()> {
        let keys = match self.query_keys(q)? {
            Some(k) if k.is_empty() => return Ok(()),
            keys => keys.map(|k| serde_json::to_string(&k).expect("keys serialize")),
        };
        let mut st = self.conn.prepare_cached(&make(keys.is_some()))?;
        bind(&mut st, q, keys.as_deref())?;
        let mut rows = st.raw_query();
        while let Some(row) = rows.next()? {
            each(row)?;
        }
        Ok(())
    }

    /// The hits matching a query, file by file in document order: all of
    /// them, or the page of them the query's [`Query::limit`] and
    /// [`Query::offset`] ask for.
    ///
    /// A query by authority and pin, or by authority alone, finds its
    /// hits in an index, then reads only the hits of the page asked for:
    /// the first hundred of a case cited twenty thousand times come in
    /// milliseconds.
    ///
    /// # Errors
    /// Reading the database failed.
    pub fn query(&self, q: &Query) -> Result<Vec<Hit>> {
        const COLUMNS: &str = "SELECT c.file, c.start, c.\"end\", c.line, c.col, c.page, \
             c.section, c.kind, c.authority, c.pins, c.case_name, x.text, c.quotation, \
             c.context FROM citations c JOIN contexts x ON x.id = c.context";
        const PAGE: &str = " ORDER BY c.file, c.id LIMIT :limit OFFSET :offset";
        // The query names authorities exactly when it has keys.
        let indexed = Index::indexed(q, q.authority.is_some() || q.name.is_some());
        let files = self.file_list()?;
        let mut hits = Vec::new();
        let mut shared: Option<(i64, Arc<str>)> = None;
        let mut ids: Vec<i64> = Vec::new();
        self.run_query(
            q,
            |keys| match indexed {
                true => format!(
                    "SELECT citation FROM ({}) ORDER BY file, citation LIMIT :limit OFFSET :offset",
                    Index::matches(q, keys)
                ),
                false => format!("{COLUMNS} WHERE 1{}{PAGE}", Index::conditions(q, keys)),
            },
            |row| {
                match indexed {
                    true => ids.push(row.get(0)?),
                    false => hits.push(hit_of(row, files, &mut shared)?),
                }
                Ok(())
            },
        )?;
        if !ids.is_empty() {
            hits = self.hits_by_id(&ids, files)?;
        }
        Ok(hits)
    }

    /// The hits of these citations, in the order of their ids given: read
    /// by id, each put in its place, nothing sorted.
    fn hits_by_id(&self, ids: &[i64], files: &[(i64, String)]) -> Result<Vec<Hit>> {
        let json = serde_json::to_string(ids).expect("ids serialize");
        let mut st = self.conn.prepare_cached(
            "SELECT c.file, c.start, c.\"end\", c.line, c.col, c.page, c.section, c.kind, \
             c.authority, c.pins, c.case_name, x.text, c.quotation, c.context, j.key \
             FROM json_each(?1) j JOIN citations c ON c.id = j.value \
             JOIN contexts x ON x.id = c.context",
        )?;
        let mut rows = st.query([json])?;
        let mut slots: Vec<Option<Hit>> = vec![None; ids.len()];
        let mut shared: Option<(i64, Arc<str>)> = None;
        while let Some(row) = rows.next()? {
            let at = row.get::<_, i64>(14)? as usize;
            if let Some(slot) = slots.get_mut(at) {
                *slot = Some(hit_of(row, files, &mut shared)?);
            }
        }
        Ok(slots.into_iter().flatten().collect())
    }

    /// The number of hits matching a query, whatever its
    /// [`Query::limit`] and [`Query::offset`]: how many pages there are.
    /// Counted in the database, from an index alone for a query by
    /// authority and pin or by authority alone.
    ///
    /// ```
    /// let a = "See Imbler v. Pachtman, 424 U. S. 409, 430 (1976). Id., at 430. Id., at 431.\n";
    /// let index = pincite::Index::build(&[("a.txt", a)]);
    /// let mut q = pincite::Query::new();
    /// q.authority("424 U.S. 409").pin(430).limit(1);
    /// assert_eq!(index.query(&q).unwrap().len(), 1);
    /// assert_eq!(index.count(&q).unwrap(), 2);
    /// ```
    ///
    /// # Errors
    /// Reading the database failed.
    pub fn count(&self, q: &Query) -> Result<usize> {
        let mut n = 0;
        self.run_query(
            q,
            |keys| format!("SELECT count(*) FROM ({})", Index::matches(q, keys)),
            |row| {
                n = row.get::<_, i64>(0)? as usize;
                Ok(())
            },
        )?;
        Ok(n)
    }

    /// How often each file has a hit matching the query ("which opinions
    /// cite 424 U.S. 409 at 430, and how often?"), most first, then in
    /// file order. Id., supra and short forms count. Counted in the
    /// database: no hit's context is read. The query's limit and offset
    /// do not apply.
    ///
    /// # Errors
    /// Reading the database failed.
    pub fn counts(&self, q: &Query) -> Result<Vec<FileCount>> {
        let files = self.file_list()?;
        let mut out: Vec<(usize, usize)> = Vec::new();
        self.run_query(
            q,
            |keys| {
                format!(
                    "SELECT file, count(*) FROM ({}) GROUP BY file",
                    Index::matches(q, keys)
                )
            },
            |row| {
                let id: i64 = row.get(0)?;
                let n: i64 = row.get(1)?;
                if let Ok(f) = files.binary_search_by_key(&id, |f| f.0) {
                    out.push((f, n as usize));
                }
                Ok(())
            },
        )?;
        out.sort_by_key(|&(f, n)| (std::cmp::Reverse(n), f));
        Ok(out
            .into_iter()
            .map(|(f, count)| FileCount {
                file: files[f].1.clone(),
                count,
            })
            .collect())
    }
}

/// Binds a query's named parameters that the statement has: `:keys` (the
/// authority keys asked for, JSON), `:pin`, `:page` (the slip page),
/// `:kind`, `:section`, and `:limit` and `:offset` (the page of hits).
fn bind(st: &mut Statement, q: &Query, keys: Option<&str>) -> Result<()> {
    let limit = q.limit.map_or(-1, |n| n.min(i64::MAX as usize) as i64);
    let values: [(&str, &dyn ToSql); 7] = [
        (":keys", &keys),
        (":pin", &q.pin),
        (":page", &q.slip_page),
        (":kind", &q.kind.map(CitationKind::as_str)),
        (":section", &q.section.map(|s| s.as_str())),
        (":limit", &limit),
        (":offset", &(q.offset.min(i64::MAX as usize) as i64)),
    ];
    for (name, value) in values {
        if let Some(i) = st.parameter_index(name)? {
            st.raw_bind_parameter(i, value)?;
        }
    }
    Ok(())
}

/// A hit of a row of [`Index::query`]'s statement; the hits of one
/// context share its text (`shared`, the last context read).
fn hit_of(row: &Row, files: &[(i64, String)], shared: &mut Option<(i64, Arc<str>)>) -> Result<Hit> {
    let bad = |what: &str| Error::database(&rusqlite::Error::InvalidColumnName(what.to_string()));
    let file_id: i64 = row.get(0)?;
    let file = files
        .binary_search_by_key(&file_id, |f| f.0)
        .map_err(|_| bad("file"))?;
    let context_id: i64 = row.get(13)?;
    let context = match shared {
        Some((id, text)) if *id == context_id => text.clone(),
        _ => {
            let text: Arc<str> = Arc::from(row.get::<_, String>(11)?);
            *shared = Some((context_id, text.clone()));
            text
        }
    };
    let pins: String = row.get(9)?;
    Ok(Hit {
        file,
        span: Span::new(
            row.get::<_, i64>(1)? as usize,
            row.get::<_, i64>(2)? as usize,
        ),
        line: row.get(3)?,
        col: row.get(4)?,
        slip_page: row.get(5)?,
        section: section_named(&row.get::<_, String>(6)?).ok_or_else(|| bad("section"))?,
        kind: CitationKind::named(&row.get::<_, String>(7)?).ok_or_else(|| bad("kind"))?,
        authority: row.get(8)?,
        pins: serde_json::from_str(&pins).map_err(|_| bad("pins"))?,
        case_name: row.get(10)?,
        context,
        quotation: row.get(12)?,
    })
}

/// One row of SQL's answer: its columns' names and values, in order.
///
/// It prints (`to_string()`) and serializes as a JSON object of its
/// columns in order: integers and reals as numbers, text as strings, NULL
/// as null, blobs as arrays of bytes.
#[derive(Clone, Debug, PartialEq)]
pub struct SqlRow {
    names: Arc<[String]>,
    values: Vec<serde_json::Value>,
}

impl SqlRow {
    /// The columns' names, in order.
    pub fn columns(&self) -> &[String] {
        &self.names
    }

    /// The values, in the columns' order.
    pub fn values(&self) -> &[serde_json::Value] {
        &self.values
    }

    /// The value of the column of this name (the first, if several have
    /// it).
    pub fn get(&self, name: &str) -> Option<&serde_json::Value> {
        let at = self.names.iter().position(|n| n == name)?;
        self.values.get(at)
    }
}

impl serde::Serialize for SqlRow {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.values.len()))?;
        for (n, v) in self.names.iter().zip(&self.values) {
            map.serialize_entry(n, v)?;
        }
        map.end()
    }
}

/// Reads the JSON object `Serialize` writes, its columns in the order
/// written.
impl<'de> serde::Deserialize<'de> for SqlRow {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<SqlRow, D::Error> {
        d.deserialize_map(RowVisitor)
    }
}

/// Reads a row's columns one by one, keeping their order.
struct RowVisitor;

impl<'de> serde::de::Visitor<'de> for RowVisitor {
    type Value = SqlRow;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("an object of a row's columns")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        mut map: A,
    ) -> std::result::Result<SqlRow, A::Error> {
        let (mut names, mut values) = (Vec::new(), Vec::new());
        while let Some((name, value)) = map.next_entry::<String, serde_json::Value>()? {
            names.push(name);
            values.push(value);
        }
        Ok(SqlRow {
            names: names.into(),
            values,
        })
    }
}

impl std::fmt::Display for SqlRow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = serde_json::to_string(self).map_err(|_| std::fmt::Error)?;
        f.write_str(&text)
    }
}

/// Runs `sql` and gives each row to `each`.
pub(super) fn sql(
    conn: &Connection,
    sql: &str,
    mut each: impl FnMut(&SqlRow) -> Result<()>,
) -> Result<usize> {
    let mut st = conn.prepare(sql)?;
    if !st.readonly() {
        return Err(Error::database(&rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_READONLY),
            Some("the SQL would change the index; only SQL that reads runs here".to_string()),
        )));
    }
    let names: Arc<[String]> = st.column_names().iter().map(|s| s.to_string()).collect();
    let mut rows = st.query([])?;
    let mut n = 0;
    while let Some(row) = rows.next()? {
        let mut values = Vec::with_capacity(names.len());
        for i in 0..names.len() {
            values.push(json_of(row.get_ref(i)?));
        }
        each(&SqlRow {
            names: names.clone(),
            values,
        })?;
        n += 1;
    }
    Ok(n)
}

/// A SQLite value as JSON.
fn json_of(v: ValueRef) -> serde_json::Value {
    use serde_json::Value;
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::from(i),
        ValueRef::Real(f) => Value::from(f),
        ValueRef::Text(t) => Value::from(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Value::from(b.to_vec()),
    }
}

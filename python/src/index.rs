//! `pincite.Index`: the library's citation index (a SQLite database, in
//! memory or in a file) through its simple calls: open, add, query.

use crate::Error;
use crate::convert::Text;
use crate::records::{Prepared, PyHit};
use pincite::{CitationKind, Hit, Index, Query};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use serde_json::{Value, json};
use std::path::PathBuf;
use std::sync::Mutex;

/// A citation index over many opinions, queried by authority, case name,
/// pin, slip page and kind: the library's SQLite database, in memory or in
/// a file.
///
/// `Index()` is in memory; `Index.open(path)` opens the database `pincite
/// index -o FILE` writes (made when missing), and what is added to it is
/// written there. `add` and `add_files` give it opinions.
#[pyclass(module = "pincite", name = "Index")]
pub(crate) struct PyIndex {
    /// The database (a connection is used by one thread at a time).
    index: Mutex<Index>,
    /// The file it is kept in, as printed, if any.
    path: Option<String>,
}

/// What a query asks, as Python passes it.
struct Asked {
    authority: Option<String>,
    name: Option<String>,
    pin: Option<u32>,
    slip_page: Option<u32>,
    kind: Option<String>,
}

impl Asked {
    /// The conditions as a query method takes them.
    fn new(
        authority: Option<String>,
        name: Option<String>,
        pin: Option<u32>,
        slip_page: Option<u32>,
        kind: Option<String>,
    ) -> Asked {
        Asked {
            authority,
            name,
            pin,
            slip_page,
            kind,
        }
    }

    /// The library's query; an unknown kind or an empty string is a
    /// `ValueError`.
    fn query(&self) -> PyResult<Query> {
        let mut q = Query::new();
        if let Some(a) = &self.authority {
            q.authority(not_empty(a)?);
        }
        if let Some(n) = &self.name {
            q.name(not_empty(n)?);
        }
        if let Some(p) = self.pin {
            q.pin(p);
        }
        if let Some(p) = self.slip_page {
            q.slip_page(p);
        }
        if let Some(k) = &self.kind {
            let kind = CitationKind::named(k).ok_or_else(|| {
                let known: Vec<&str> = CitationKind::ALL.iter().map(|k| k.as_str()).collect();
                PyValueError::new_err(format!("unknown kind {k:?}; one of: {}", known.join(", ")))
            })?;
            q.kind(kind);
        }
        Ok(q)
    }
}

/// A query string with something in it (as `pincite query` demands).
fn not_empty(s: &str) -> PyResult<&str> {
    if s.trim().is_empty() {
        Err(PyValueError::new_err("an empty query matches nothing"))
    } else {
        Ok(s)
    }
}

/// A hit's fields, as `pincite query` prints them, with its line, column,
/// and case name.
fn hit_record(files: &[String], h: &Hit) -> Prepared {
    let json = json!({
        "file": files.get(h.file),
        "slip_page": h.slip_page,
        "section": h.section.as_str(),
        "kind": h.kind.as_str(),
        "authority": h.authority,
        "pins": h.pins,
        "case_name": h.case_name,
        "context": &*h.context,
        "quotation": h.quotation,
    });
    let Value::Object(map) = json else {
        unreachable!("a JSON object")
    };
    let line_col = (h.line as usize, h.col as usize);
    Prepared::of_json(map, [h.span.start, h.span.end], line_col)
}

impl PyIndex {
    /// The library's error as a `pincite.Error`, with the database's name
    /// when it has one (as the command line prints it).
    fn error(&self, e: pincite::Error) -> PyErr {
        match &self.path {
            Some(path) => Error::new_err(format!("{path}: {e}")),
            None => Error::new_err(e.to_string()),
        }
    }

    /// Runs `f` on the database without the GIL.
    fn with<R: Send>(
        &self,
        py: Python<'_>,
        f: impl FnOnce(&mut Index) -> pincite::Result<R> + Send,
    ) -> PyResult<R> {
        let index = &self.index;
        py.detach(|| {
            let mut guard = index.lock().unwrap_or_else(|e| e.into_inner());
            f(&mut guard)
        })
        .map_err(|e| self.error(e))
    }
}

#[pymethods]
impl PyIndex {
    /// An empty index in memory; `docs`, pairs of a name and a text, are
    /// added to it.
    #[new]
    #[pyo3(signature = (docs = None))]
    fn new(py: Python<'_>, docs: Option<Vec<(String, Text)>>) -> PyResult<PyIndex> {
        let index = PyIndex {
            index: Mutex::new(Index::in_memory()),
            path: None,
        };
        let mut pairs = Vec::new();
        for (name, text) in docs.unwrap_or_default() {
            pairs.push((name, text.into_string()?));
        }
        if !pairs.is_empty() {
            index.with(py, |ix| ix.add(pairs).map(|_| ()))?;
        }
        Ok(index)
    }

    /// Opens the index database at `path`, as `pincite index -o FILE`
    /// writes it, or makes an empty one there; what is added is written
    /// to it, one transaction a call.
    ///
    /// Raises `pincite.Error` when the file cannot be opened or is no
    /// index of this version, with the message of the command line.
    #[staticmethod]
    fn open(py: Python<'_>, path: PathBuf) -> PyResult<PyIndex> {
        let name = pincite::printable_path(&path);
        let index = py
            .detach(|| Index::open(&path))
            .map_err(|e| Error::new_err(format!("{name}: {e}")))?;
        Ok(PyIndex {
            index: Mutex::new(index),
            path: Some(name),
        })
    }

    /// Adds an opinion by its name and text (`str`, or `bytes` checked as
    /// UTF-8), or replaces the one of that name.
    fn add(&self, py: Python<'_>, name: String, text: Text) -> PyResult<()> {
        let text = text.into_string()?;
        self.with(py, |ix| ix.add([(name, text)]).map(|_| ()))
    }

    /// Adds the opinion files at `paths` (a directory stands for its
    /// `.txt` files, as on the command line), named by their paths.
    /// Returns how many were added. Raises `pincite.Error` naming the
    /// first file that cannot be read, and then adds none.
    #[pyo3(signature = (paths, max_size = None))]
    fn add_files(
        &self,
        py: Python<'_>,
        paths: Vec<PathBuf>,
        max_size: Option<u64>,
    ) -> PyResult<usize> {
        let read = py.detach(|| crate::read_all(&paths, max_size));
        let docs = read.map_err(Error::new_err)?;
        let n = docs.len();
        self.with(py, |ix| ix.add(docs).map(|_| ()))?;
        Ok(n)
    }

    /// The citations matching every condition given, file by file in
    /// document order. `authority` is what a user types ("424 U.S. 409",
    /// "42 USC 1983", "§1983", a case name); `name` a case name or party;
    /// `pin` a page cited (ranges and footnotes count); `kind` a kind
    /// name ("full_case", "id", ...). No condition: every citation.
    /// `limit` and `offset`: at most `limit` of them, after the first
    /// `offset` (a page; `count` tells how many there are in all).
    #[pyo3(signature = (authority = None, *, name = None, pin = None, slip_page = None, kind = None, limit = None, offset = 0))]
    #[allow(clippy::too_many_arguments)]
    fn query(
        &self,
        py: Python<'_>,
        authority: Option<String>,
        name: Option<String>,
        pin: Option<u32>,
        slip_page: Option<u32>,
        kind: Option<String>,
        limit: Option<usize>,
        offset: usize,
    ) -> PyResult<Vec<PyHit>> {
        let mut q = Asked::new(authority, name, pin, slip_page, kind).query()?;
        if let Some(n) = limit {
            q.limit(n);
        }
        q.offset(offset);
        let found: Vec<Prepared> = self.with(py, |ix| {
            let files = ix.files()?;
            let hits = ix.query(&q)?;
            Ok(hits.iter().map(|h| hit_record(&files, h)).collect())
        })?;
        Ok(found.into_iter().map(PyHit::new).collect())
    }

    /// How many citations match the query, in all.
    #[pyo3(signature = (authority = None, *, name = None, pin = None, slip_page = None, kind = None))]
    fn count(
        &self,
        py: Python<'_>,
        authority: Option<String>,
        name: Option<String>,
        pin: Option<u32>,
        slip_page: Option<u32>,
        kind: Option<String>,
    ) -> PyResult<usize> {
        let q = Asked::new(authority, name, pin, slip_page, kind).query()?;
        self.with(py, |ix| ix.count(&q))
    }

    /// How many citations matching the query each file has, most first:
    /// a list of `(file, count)`.
    #[pyo3(signature = (authority = None, *, name = None, pin = None, slip_page = None, kind = None))]
    fn counts(
        &self,
        py: Python<'_>,
        authority: Option<String>,
        name: Option<String>,
        pin: Option<u32>,
        slip_page: Option<u32>,
        kind: Option<String>,
    ) -> PyResult<Vec<(String, usize)>> {
        let q = Asked::new(authority, name, pin, slip_page, kind).query()?;
        let counts = self.with(py, |ix| ix.counts(&q))?;
        Ok(counts.into_iter().map(|c| (c.file, c.count)).collect())
    }

    /// Every authority cited, most cited first: a list of `(authority,
    /// citations, files)`.
    fn authorities(&self, py: Python<'_>) -> PyResult<Vec<(String, usize, usize)>> {
        let all = self.with(py, |ix| ix.authorities())?;
        Ok(all
            .into_iter()
            .map(|a| (a.authority, a.count, a.files))
            .collect())
    }

    /// The names of the opinions, in the order added.
    #[getter]
    fn files(&self, py: Python<'_>) -> PyResult<Vec<String>> {
        self.with(py, |ix| ix.files())
    }

    /// The number of citations indexed.
    fn __len__(&self, py: Python<'_>) -> PyResult<usize> {
        self.with(py, |ix| ix.len())
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let (files, hits) = self.with(py, |ix| Ok((ix.files()?.len(), ix.len()?)))?;
        Ok(format!("Index({files} files, {hits} citations)"))
    }
}

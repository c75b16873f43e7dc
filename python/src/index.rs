//! `pincite.Index`: the library's citation index, through its simple
//! calls only (open, add, query, save), so that the binding keeps working
//! whatever stores the index.

use crate::Error;
use crate::convert::Text;
use crate::records::{Prepared, PyHit};
use pincite::{CitationKind, Hit, Index, Query};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use serde_json::{Value, json};
use std::path::PathBuf;

/// A citation index over many opinions, queried by authority, case name,
/// pin, slip page and kind.
///
/// `Index()` is empty and in memory; `add` and `add_files` give it
/// opinions; `Index.open(path)` reads one saved by `save` or by `pincite
/// index -o FILE`.
#[pyclass(module = "pincite", name = "Index")]
pub(crate) struct PyIndex {
    /// The opinions added and not yet indexed: their names and texts.
    pending: Vec<(String, String)>,
    /// Every opinion added so far, by name and text, to build from again.
    docs: Vec<(String, String)>,
    /// The index as last built or read.
    built: Index,
    /// Read from a file: the texts behind it are not at hand.
    opened: Option<String>,
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
fn hit_record(index: &Index, h: &Hit) -> Prepared {
    let json = json!({
        "file": index.files()[h.file],
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
    /// An error when the index was read from a file: in this version such
    /// an index answers queries and takes no more opinions.
    fn check_open_for_adding(&self) -> PyResult<()> {
        match &self.opened {
            Some(path) => Err(Error::new_err(format!(
                "{path}: an index read from a file takes no more opinions in this version; \
                 build a new one with all of them"
            ))),
            None => Ok(()),
        }
    }

    /// Indexes the opinions added since the last query, with the ones
    /// before (the index is built over all of them, so that a blank page
    /// one file leaves is filled from another), without the GIL.
    fn refresh(&mut self, py: Python<'_>) -> PyResult<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        self.docs.append(&mut self.pending);
        let docs = &self.docs;
        self.built = py.detach(|| Index::build_from(docs.iter().map(|(n, t)| (n.as_str(), t))));
        Ok(())
    }
}

#[pymethods]
impl PyIndex {
    /// An empty index in memory; `docs`, pairs of a name and a text, are
    /// added to it.
    #[new]
    #[pyo3(signature = (docs = None))]
    fn new(docs: Option<Vec<(String, Text)>>) -> PyResult<PyIndex> {
        let mut index = PyIndex {
            pending: Vec::new(),
            docs: Vec::new(),
            built: Index::default(),
            opened: None,
        };
        for (name, text) in docs.unwrap_or_default() {
            index.pending.push((name, text.into_string()?));
        }
        Ok(index)
    }

    /// Reads an index saved by `save` or by `pincite index -o FILE`.
    ///
    /// Raises `pincite.Error` when the file cannot be read or is no index
    /// of this version, with the message `pincite query` gives.
    #[staticmethod]
    fn open(py: Python<'_>, path: PathBuf) -> PyResult<PyIndex> {
        let name = pincite::printable_path(&path);
        let built = py
            .detach(|| Index::load(&path))
            .map_err(|e| Error::new_err(format!("{name}: {e}")))?;
        Ok(PyIndex {
            pending: Vec::new(),
            docs: Vec::new(),
            built,
            opened: Some(name),
        })
    }

    /// Adds an opinion by its name and text (`str`, or `bytes` checked as
    /// UTF-8). It is indexed at the next query.
    fn add(&mut self, name: String, text: Text) -> PyResult<()> {
        self.check_open_for_adding()?;
        self.pending.push((name, text.into_string()?));
        Ok(())
    }

    /// Adds the opinion files at `paths` (a directory stands for its
    /// `.txt` files, as on the command line), named by their paths.
    /// Returns how many were added. Raises `pincite.Error` naming the
    /// first file that cannot be read, and then adds none.
    #[pyo3(signature = (paths, max_size = None))]
    fn add_files(
        &mut self,
        py: Python<'_>,
        paths: Vec<PathBuf>,
        max_size: Option<u64>,
    ) -> PyResult<usize> {
        self.check_open_for_adding()?;
        let read = py.detach(|| crate::read_all(&paths, max_size));
        let docs = read.map_err(Error::new_err)?;
        let n = docs.len();
        self.pending.extend(docs);
        Ok(n)
    }

    /// Saves the index to `path`, whole or not at all (through a
    /// temporary file renamed over it).
    fn save(&mut self, py: Python<'_>, path: PathBuf) -> PyResult<()> {
        self.refresh(py)?;
        let built = &self.built;
        py.detach(|| built.save(&path)).map_err(|e| {
            Error::new_err(format!(
                "{}: {}",
                pincite::printable_path(&path),
                pincite::Error::from(e)
            ))
        })
    }

    /// The citations matching every condition given, file by file in
    /// document order. `authority` is what a user types ("424 U.S. 409",
    /// "42 USC 1983", "§1983", a case name); `name` a case name or party;
    /// `pin` a page cited (ranges and footnotes count); `kind` a kind
    /// name ("full_case", "id", ...). No condition: every citation.
    #[pyo3(signature = (authority = None, *, name = None, pin = None, slip_page = None, kind = None))]
    fn query(
        &mut self,
        py: Python<'_>,
        authority: Option<String>,
        name: Option<String>,
        pin: Option<u32>,
        slip_page: Option<u32>,
        kind: Option<String>,
    ) -> PyResult<Vec<PyHit>> {
        let q = Asked {
            authority,
            name,
            pin,
            slip_page,
            kind,
        }
        .query()?;
        self.refresh(py)?;
        let index = &self.built;
        let found: Vec<Prepared> = py.detach(|| {
            let hits = index.query(&q);
            hits.into_iter().map(|h| hit_record(index, h)).collect()
        });
        Ok(found.into_iter().map(PyHit::new).collect())
    }

    /// How many citations matching the query each file has, most first:
    /// a list of `(file, count)`.
    #[pyo3(signature = (authority = None, *, name = None, pin = None, slip_page = None, kind = None))]
    fn counts(
        &mut self,
        py: Python<'_>,
        authority: Option<String>,
        name: Option<String>,
        pin: Option<u32>,
        slip_page: Option<u32>,
        kind: Option<String>,
    ) -> PyResult<Vec<(String, usize)>> {
        let q = Asked {
            authority,
            name,
            pin,
            slip_page,
            kind,
        }
        .query()?;
        self.refresh(py)?;
        let counts = self.built.counts(&q);
        Ok(counts.into_iter().map(|c| (c.file, c.count)).collect())
    }

    /// Every authority cited, most cited first: a list of `(authority,
    /// citations, files)`.
    fn authorities(&mut self, py: Python<'_>) -> PyResult<Vec<(String, usize, usize)>> {
        self.refresh(py)?;
        let all = self.built.authorities();
        Ok(all
            .into_iter()
            .map(|(a, n, f)| (a.to_string(), n, f))
            .collect())
    }

    /// The names of the opinions, in the order added.
    #[getter]
    fn files(&mut self, py: Python<'_>) -> PyResult<Vec<String>> {
        self.refresh(py)?;
        Ok(self.built.files().to_vec())
    }

    /// The number of citations indexed.
    fn __len__(&mut self, py: Python<'_>) -> PyResult<usize> {
        self.refresh(py)?;
        Ok(self.built.hits().len())
    }

    fn __repr__(&mut self, py: Python<'_>) -> PyResult<String> {
        self.refresh(py)?;
        let (files, hits) = (self.built.files().len(), self.built.hits().len());
        Ok(format!("Index({files} files, {hits} citations)"))
    }
}

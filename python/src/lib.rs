//! The `pincite` Python module: citations of U.S. court opinions, found
//! by the pincite library, as Python objects.
//!
//! Every call that reads opinions lets go of the GIL while it works, so
//! that other Python threads run; `extract_many` reads its texts on all
//! cores.

mod convert;
mod index;
mod records;

use convert::Text;
use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyUserWarning, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString};
use rayon::prelude::*;
use records::{Prepared, PyCitation, PyFinding};
use std::path::PathBuf;

create_exception!(
    pincite,
    Error,
    PyException,
    "An opinion or an index that could not be read; the message is the command line's (`path: what went wrong`)."
);

create_exception!(
    pincite,
    CopyWarning,
    PyUserWarning,
    "A text `toa` counts once, as a copy of another given with it; the message is the command line's (`name: why; counted once, from other`)."
);

/// The citations of one text, prepared without the GIL.
fn cite_prepared(text: &str) -> Vec<Prepared> {
    let cited = pincite::cite(text);
    records::prepare_citations(text, cited.citations())
}

/// Every citation of an opinion, in document order, resolved (Id., supra
/// and short forms name the authority they refer to).
///
/// `text` is a `str`, or `bytes` checked as UTF-8 text the way `pincite
/// extract` checks a file (a PDF or bytes that are not UTF-8 raise
/// `pincite.Error`). Each citation's `span` indexes `text` in characters
/// (`text[c.span[0]:c.span[1]] == c.text`) and `byte_span` its UTF-8
/// bytes.
#[pyfunction]
fn extract(py: Python<'_>, text: Text) -> PyResult<Vec<PyCitation>> {
    let text = text.into_string()?;
    let prepared = py.detach(|| cite_prepared(&text));
    Ok(records::citations(prepared))
}

/// The citations of many opinions, one list per text in the order given,
/// read on all cores (`RAYON_NUM_THREADS` sets how many) without the GIL.
/// Raises `pincite.Error` for `bytes` that are not UTF-8 text, naming the
/// text by its position.
#[pyfunction]
fn extract_many(py: Python<'_>, texts: &Bound<'_, PyAny>) -> PyResult<Vec<Vec<PyCitation>>> {
    let mut owned = Vec::new();
    for (i, t) in texts.try_iter()?.enumerate() {
        let text: Text = t?.extract()?;
        owned.push(
            text.into_string()
                .map_err(|e| Error::new_err(format!("text {i}: {}", e.value(py))))?,
        );
    }
    let prepared: Vec<Vec<Prepared>> =
        py.detach(|| owned.par_iter().map(|t| cite_prepared(t)).collect());
    Ok(prepared.into_iter().map(records::citations).collect())
}

/// The input form named as `pincite normalize --input-form` names it
/// (`-` or `_` between the words).
fn input_form(name: &str) -> PyResult<pincite::InputForm> {
    Ok(match name.replace('_', "-").as_str() {
        "paragraph-per-line" => pincite::InputForm::ParagraphPerLine,
        "hard-wrapped" => pincite::InputForm::HardWrapped,
        "pdf-raw" => pincite::InputForm::PdfRaw,
        "pdf-layout" => pincite::InputForm::PdfLayout,
        _ => {
            return Err(PyValueError::new_err(format!(
                "unknown input form {name:?}; one of: paragraph-per-line, hard-wrapped, pdf-raw, pdf-layout"
            )));
        }
    })
}

/// The reading text of an opinion, as `pincite normalize` prints it:
/// lines unwrapped, hyphens joined, running heads and page numbers out.
/// `form` overrides the detected input form.
#[pyfunction]
#[pyo3(signature = (text, form = None))]
fn normalize(py: Python<'_>, text: Text, form: Option<&str>) -> PyResult<String> {
    let text = text.into_string()?;
    let mut normalizer = pincite::Normalizer::new();
    if let Some(f) = form {
        normalizer.form(input_form(f)?);
    }
    Ok(py.detach(|| normalizer.normalize(&text).reading().to_string()))
}

/// The problems `pincite verify` finds in an opinion's citations (pins
/// outside the case, short forms naming another volume, ...), in
/// document order.
#[pyfunction]
fn verify(py: Python<'_>, text: Text) -> PyResult<Vec<PyFinding>> {
    let text = text.into_string()?;
    let prepared = py.detach(|| {
        let found = pincite::cite(&text).verify();
        records::prepare_findings(&text, &found)
    });
    Ok(records::findings(prepared))
}

/// The opinion as a standalone HTML page with its citations marked, as
/// `pincite annotate` prints it.
#[pyfunction]
#[pyo3(signature = (text, title = "opinion"))]
fn annotate_html(py: Python<'_>, text: Text, title: &str) -> PyResult<String> {
    let text = text.into_string()?;
    Ok(py.detach(|| {
        let cited = pincite::cite(&text);
        pincite::annotate_html(title, cited.normalized(), cited.citations())
    }))
}

/// What an opinion's caption says: its case name, docket number and
/// decision date as written (`None` for what it lacks), read without the
/// GIL.
#[pyfunction]
fn metadata<'py>(py: Python<'py>, text: Text) -> PyResult<Bound<'py, PyDict>> {
    let text = text.into_string()?;
    let fields = py.detach(|| {
        let norm = pincite::normalize(&text);
        let m = norm.metadata();
        let of = |s: Option<pincite::Span>| s.and_then(|s| text.get(s.range())).map(str::to_string);
        vec![
            ("case_name", of(m.case_name)),
            ("docket", of(m.docket)),
            ("date", of(m.date)),
        ]
    });
    let dict = PyDict::new(py);
    for (k, v) in fields {
        dict.set_item(k, v)?;
    }
    Ok(dict)
}

/// The opinions `docs` stands for: one text (named "opinion"), a `dict`
/// of names to texts, or pairs of a name and a text.
fn docs_of(docs: &Bound<'_, PyAny>) -> PyResult<Vec<(String, String)>> {
    if docs.is_instance_of::<PyString>() || docs.is_instance_of::<PyBytes>() {
        let text: Text = docs.extract()?;
        return Ok(vec![("opinion".to_string(), text.into_string()?)]);
    }
    let pairs = match docs.cast::<PyDict>() {
        Ok(d) => d.items().into_any(),
        Err(_) => docs.clone(),
    };
    let mut out = Vec::new();
    for pair in pairs.try_iter()? {
        let (name, text): (String, Text) = pair?.extract()?;
        out.push((name, text.into_string()?));
    }
    Ok(out)
}

/// The table of authorities of one or more opinions, as `pincite toa`
/// prints it: `format` is "md", "csv", "json" or "html"; `omit` names
/// headings to leave out ("record", "case", ...); an opinion given twice
/// (the same docket, name and citations, or the same text) counts once
/// unless `keep_copies`: each copy left out is said in a `CopyWarning`,
/// as the command line says it on standard error.
#[pyfunction]
#[pyo3(
    signature = (docs, format = "md", omit = Vec::new(), keep_copies = false),
    text_signature = "(docs, format='md', omit=(), keep_copies=False)"
)]
fn toa(
    py: Python<'_>,
    docs: &Bound<'_, PyAny>,
    format: &str,
    omit: Vec<String>,
    keep_copies: bool,
) -> PyResult<String> {
    let docs = docs_of(docs)?;
    let mut headings = Vec::new();
    for name in &omit {
        headings.push(pincite::Heading::named(name).ok_or_else(|| {
            PyValueError::new_err(format!(
                "unknown heading {name:?}; one of: case, constitution, statute, rule, regulation, other, record"
            ))
        })?);
    }
    if !["md", "csv", "json", "html"].contains(&format) {
        return Err(PyValueError::new_err(format!(
            "unknown format {format:?}; one of: md, csv, json, html"
        )));
    }
    let (table, notes) = py.detach(|| toa_text(&docs, format, &headings, keep_copies));
    let category = py.get_type::<CopyWarning>();
    for note in notes {
        let message = std::ffi::CString::new(note).unwrap_or_default();
        PyErr::warn(py, &category, &message, 1)?;
    }
    Ok(table)
}

/// The table over `docs` in `format`, and what is said of each copy left
/// out: "b.txt: the same text as a.txt; counted once, from a.txt
/// (keep_copies=True counts every file)".
fn toa_text(
    docs: &[(String, String)],
    format: &str,
    omit: &[pincite::Heading],
    keep_copies: bool,
) -> (String, Vec<String>) {
    let read: Vec<(&str, Vec<pincite::Citation>, pincite::Fingerprint)> = docs
        .par_iter()
        .map(|(name, text)| {
            let cited = pincite::cite(text);
            let print = pincite::Fingerprint::new(text, cited.normalized(), cited.citations());
            (name.as_str(), cited.into_citations(), print)
        })
        .collect();
    let prints: Vec<pincite::Fingerprint> = read.iter().map(|d| d.2.clone()).collect();
    let keep = pincite::copies(&prints);
    let notes = match keep_copies {
        true => Vec::new(),
        false => copy_notes(&read, &keep),
    };
    let kept = read
        .iter()
        .enumerate()
        .filter(|(i, _)| keep_copies || keep[*i] == *i)
        .map(|(_, (name, cites, _))| (*name, cites.as_slice()));
    let mut table = pincite::TableOfAuthorities::new(kept);
    for &h in omit {
        table.omit(h);
    }
    let text = match format {
        "csv" => table.to_csv(),
        "json" => table.to_json() + "\n",
        "html" => table.to_html(),
        _ => table.to_markdown(),
    };
    (text, notes)
}

/// What is said of each text left out as a copy of another (`keep`, as
/// [`pincite::copies`] gives it), in the order given.
fn copy_notes(
    read: &[(&str, Vec<pincite::Citation>, pincite::Fingerprint)],
    keep: &[usize],
) -> Vec<String> {
    let mut notes = Vec::new();
    for (i, &k) in keep.iter().enumerate() {
        if k == i {
            continue;
        }
        let (copy, _, print) = &read[i];
        let (kept, _, kept_print) = &read[k];
        let why = pincite::copy_note(copy, print, kept, kept_print);
        notes.push(format!(
            "{copy}: {why} (keep_copies=True counts every file)"
        ));
    }
    notes
}

/// The message for a file that could not be read, with the argument that
/// raises the size limit when that was it.
fn read_message(name: &str, e: &pincite::Error) -> String {
    match e.kind() {
        pincite::ErrorKind::TooLarge { .. } => format!("{name}: {e} (max_size=BYTES raises it)"),
        _ => format!("{name}: {e}"),
    }
}

/// The opinions at `paths`, a directory standing for its `.txt` files,
/// read on all cores and named by their paths; the first failure as its
/// message (`path: what went wrong`).
pub(crate) fn read_all(
    paths: &[PathBuf],
    max_size: Option<u64>,
) -> Result<Vec<(String, String)>, String> {
    let limit = max_size.unwrap_or(pincite::Document::DEFAULT_MAX_SIZE);
    let mut files = Vec::new();
    for p in paths {
        for found in pincite::text_files(p) {
            let path = found.map_err(|e| {
                let at = e.path().map(PathBuf::from).unwrap_or_else(|| p.clone());
                read_message(&pincite::printable_path(&at), &e)
            })?;
            files.push(path);
        }
    }
    files
        .par_iter()
        .map(|path| {
            let name = pincite::printable_path(path);
            match pincite::Document::read_limited(path, limit) {
                Ok(doc) => Ok((name, doc.into_text())),
                Err(e) => Err(read_message(&name, &e)),
            }
        })
        .collect()
}

/// Reads an opinion file as `pincite extract` does: at most `max_size`
/// bytes (256 MiB by default), checked as UTF-8 text. Raises
/// `pincite.Error` with the command line's message (`path: what went
/// wrong`).
#[pyfunction]
#[pyo3(signature = (path, max_size = None))]
fn read(py: Python<'_>, path: PathBuf, max_size: Option<u64>) -> PyResult<String> {
    let name = pincite::printable_path(&path);
    let limit = max_size.unwrap_or(pincite::Document::DEFAULT_MAX_SIZE);
    py.detach(|| pincite::Document::read_limited(&path, limit))
        .map(pincite::Document::into_text)
        .map_err(|e| Error::new_err(read_message(&name, &e)))
}

/// The opinion texts at `paths` (a directory stands for its `.txt` files,
/// walked as the command line walks it), as `(path, text)` pairs in
/// order, read on all cores. Raises `pincite.Error` for the first that
/// cannot be read.
#[pyfunction]
#[pyo3(signature = (paths, max_size = None))]
fn read_files(
    py: Python<'_>,
    paths: Vec<PathBuf>,
    max_size: Option<u64>,
) -> PyResult<Vec<(String, String)>> {
    py.detach(|| read_all(&paths, max_size))
        .map_err(Error::new_err)
}

/// The module: functions, record classes, the index and the error.
#[pymodule]
#[pyo3(name = "pincite")]
fn pincite_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("Error", m.py().get_type::<Error>())?;
    m.add("CopyWarning", m.py().get_type::<CopyWarning>())?;
    m.add_class::<PyCitation>()?;
    m.add_class::<PyFinding>()?;
    m.add_class::<records::PyHit>()?;
    m.add_class::<index::PyIndex>()?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_many, m)?)?;
    m.add_function(wrap_pyfunction!(normalize, m)?)?;
    m.add_function(wrap_pyfunction!(verify, m)?)?;
    m.add_function(wrap_pyfunction!(annotate_html, m)?)?;
    m.add_function(wrap_pyfunction!(metadata, m)?)?;
    m.add_function(wrap_pyfunction!(toa, m)?)?;
    m.add_function(wrap_pyfunction!(read, m)?)?;
    m.add_function(wrap_pyfunction!(read_files, m)?)?;
    Ok(())
}

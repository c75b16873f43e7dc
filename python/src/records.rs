//! The records Python gets back: citations, findings and index hits, each
//! a read-only object over a `dict` of the command line's JSON fields.

use crate::convert::{char_offsets, ordered_dict};
use pyo3::exceptions::PyAttributeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};
use serde_json::{Map, Value};

/// Defines a record class: attributes read from its fields, `to_dict()`,
/// equality by fields, a short `repr`. A field in `$optional` that a
/// record lacks reads as `None`.
macro_rules! record_class {
    ($name:ident, $pyname:literal, $optional:expr, $repr:expr, $doc:literal) => {
        #[doc = $doc]
        #[pyclass(frozen, module = "pincite", name = $pyname)]
        pub(crate) struct $name {
            fields: Py<PyDict>,
        }

        #[pymethods]
        impl $name {
            fn __getattr__(&self, py: Python<'_>, name: &str) -> PyResult<Py<PyAny>> {
                match self.fields.bind(py).get_item(name)? {
                    Some(v) => Ok(v.unbind()),
                    None if $optional.contains(&name) => Ok(py.None()),
                    None => Err(PyAttributeError::new_err(format!(
                        "'{}' object has no attribute '{name}'",
                        $pyname
                    ))),
                }
            }

            /// The fields as a new `dict` (the command line's JSON
            /// object, with `span` in characters and `byte_span` in
            /// bytes).
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                let copy = py.import("copy")?;
                copy.call_method1("deepcopy", (self.fields.bind(py),))
            }

            fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
                match other.cast::<$name>() {
                    Ok(o) => self.fields.bind(py).eq(o.get().fields.bind(py)),
                    Err(_) => Ok(false),
                }
            }

            fn __dir__(&self, py: Python<'_>) -> PyResult<Vec<String>> {
                let mut names: Vec<String> = self.fields.bind(py).keys().extract()?;
                names.extend($optional.iter().map(|s: &&str| s.to_string()));
                names.push("to_dict".to_string());
                names.sort();
                names.dedup();
                Ok(names)
            }

            fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
                let f = self.fields.bind(py);
                let mut parts = Vec::new();
                for key in $repr {
                    if let Some(v) = f.get_item(key)? {
                        parts.push(format!("{key}={}", v.repr()?));
                    }
                }
                Ok(format!("{}({})", $pyname, parts.join(", ")))
            }
        }

        impl $name {
            /// A record of these fields.
            pub(crate) fn new(fields: Bound<'_, PyDict>) -> $name {
                $name {
                    fields: fields.unbind(),
                }
            }
        }
    };
}

/// The fields of a citation's JSON, in the command line's order.
const CITATION_FIELDS: &[&str] = &[
    "kind",
    "span",
    "byte_span",
    "text",
    "authority",
    "pins",
    "volume",
    "reporter",
    "first_page",
    "case_name",
    "court",
    "court_id",
    "year",
    "signal",
    "parenthetical",
    "section",
    "slip_page",
    "warnings",
    "author",
    "title",
    "nominative",
    "history",
    "candidates",
];

/// The fields a citation's JSON leaves out when they are empty.
const CITATION_OPTIONAL: [&str; 5] = ["author", "title", "nominative", "history", "candidates"];

record_class!(
    PyCitation,
    "Citation",
    CITATION_OPTIONAL,
    ["kind", "text", "authority", "span"],
    "One citation: the fields of `pincite extract`'s JSON, `span` in characters of the text given and `byte_span` in its UTF-8 bytes."
);

/// The fields of a finding, in the command line's order.
const FINDING_FIELDS: &[&str] = &[
    "span",
    "byte_span",
    "line",
    "col",
    "severity",
    "code",
    "message",
    "authority",
];

record_class!(
    PyFinding,
    "Finding",
    ([] as [&str; 0]),
    ["severity", "code", "span", "message"],
    "One problem `verify` found: the fields of `pincite verify --format jsonl`, `span` in characters and `byte_span` in bytes, with the 1-based `line` and `col`."
);

record_class!(
    PyHit,
    "Hit",
    ([] as [&str; 0]),
    ["file", "line", "col", "kind", "authority", "pins"],
    "One citation found in an `Index`: the fields of `pincite query`'s JSON, `byte_span` in bytes of its file, with the 1-based `line` and `col`."
);

/// A record worked out without the GIL: its JSON fields and its spans.
pub(crate) struct Prepared {
    /// The JSON object, `span` left in bytes.
    pub(crate) json: Map<String, Value>,
    /// The span in bytes.
    pub(crate) bytes: [usize; 2],
    /// The span in characters.
    pub(crate) chars: [usize; 2],
    /// The 1-based line and column, for a finding.
    pub(crate) line_col: Option<(usize, usize)>,
}

/// Serializes each record with its span, and the spans' character offsets
/// in `text`, in one pass.
fn prepare<T: serde::Serialize>(
    text: &str,
    items: &[T],
    span: impl Fn(&T) -> pincite::Span,
) -> Vec<Prepared> {
    let bytes: Vec<usize> = items
        .iter()
        .flat_map(|x| {
            let s = span(x);
            [s.start, s.end]
        })
        .collect();
    let chars = char_offsets(text, &bytes);
    items
        .iter()
        .enumerate()
        .map(|(i, x)| Prepared {
            json: match serde_json::to_value(x) {
                Ok(Value::Object(m)) => m,
                _ => Map::new(),
            },
            bytes: [bytes[2 * i], bytes[2 * i + 1]],
            chars: [chars[2 * i], chars[2 * i + 1]],
            line_col: None,
        })
        .collect()
}

/// The citations of a text, ready to become Python objects.
pub(crate) fn prepare_citations(text: &str, cites: &[pincite::Citation]) -> Vec<Prepared> {
    prepare(text, cites, |c| c.span)
}

/// The findings of a text, with their lines and columns.
pub(crate) fn prepare_findings(text: &str, found: &[pincite::Finding]) -> Vec<Prepared> {
    let lines = pincite::LineIndex::new(text);
    let mut out = prepare(text, found, |f| f.span);
    for p in &mut out {
        p.line_col = Some(lines.line_col(p.bytes[0]));
    }
    out
}

/// A pair as a Python tuple.
fn pair<'py>(py: Python<'py>, p: [usize; 2]) -> PyResult<Bound<'py, PyAny>> {
    Ok(PyTuple::new(py, p)?.into_any())
}

/// The fields of a prepared record: `span` in characters, `byte_span` in
/// bytes, `line` and `col` where known.
fn fields<'py>(py: Python<'py>, p: &Prepared, order: &[&str]) -> PyResult<Bound<'py, PyDict>> {
    let mut replace = vec![
        ("span", pair(py, p.chars)?),
        ("byte_span", pair(py, p.bytes)?),
    ];
    if let Some((line, col)) = p.line_col {
        replace.push(("line", line.into_pyobject(py)?.into_any()));
        replace.push(("col", col.into_pyobject(py)?.into_any()));
    }
    ordered_dict(py, &p.json, order, &replace)
}

/// Python citations of prepared records.
pub(crate) fn citations(py: Python<'_>, prepared: &[Prepared]) -> PyResult<Vec<PyCitation>> {
    prepared
        .iter()
        .map(|p| Ok(PyCitation::new(fields(py, p, CITATION_FIELDS)?)))
        .collect()
}

/// Python findings of prepared records.
pub(crate) fn findings(py: Python<'_>, prepared: &[Prepared]) -> PyResult<Vec<PyFinding>> {
    prepared
        .iter()
        .map(|p| Ok(PyFinding::new(fields(py, p, FINDING_FIELDS)?)))
        .collect()
}

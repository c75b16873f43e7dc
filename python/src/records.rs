//! The records Python gets back: citations, findings and index hits, each
//! a read-only object over the command line's JSON fields, kept in Rust
//! and made Python objects when read.

use crate::convert::{char_offsets, to_py};
use pyo3::exceptions::PyAttributeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};
use serde_json::{Map, Value};

/// Defines a record class over a [`Prepared`] record: attributes read
/// from its fields as asked for, `to_dict()`, equality by fields, a short
/// `repr`. `$order` names its fields in order; one in `$optional` that a
/// record lacks reads as `None`.
macro_rules! record_class {
    ($name:ident, $pyname:literal, $order:expr, $optional:expr, $repr:expr, $doc:literal) => {
        #[doc = $doc]
        #[pyclass(frozen, module = "pincite", name = $pyname)]
        pub(crate) struct $name {
            record: Prepared,
        }

        #[pymethods]
        impl $name {
            fn __getattr__<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
                match self.record.field(py, $order, name)? {
                    Some(v) => Ok(v),
                    None if $optional.contains(&name) => Ok(py.None().into_bound(py)),
                    None => Err(PyAttributeError::new_err(format!(
                        "'{}' object has no attribute '{name}'",
                        $pyname
                    ))),
                }
            }

            /// The fields as a new `dict` (the command line's JSON
            /// object, with `span` in characters and `byte_span` in
            /// bytes).
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
                self.record.dict(py, $order)
            }

            fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
                match other.cast::<$name>() {
                    Ok(o) => self.record == o.get().record,
                    Err(_) => false,
                }
            }

            fn __dir__(&self) -> Vec<String> {
                let mut names: Vec<String> = $order
                    .iter()
                    .filter(|k| self.record.has(k))
                    .chain($optional.iter())
                    .map(|s| s.to_string())
                    .collect();
                names.push("to_dict".to_string());
                names.sort();
                names.dedup();
                names
            }

            fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
                let mut parts = Vec::new();
                for key in $repr {
                    if let Some(v) = self.record.field(py, $order, key)? {
                        parts.push(format!("{key}={}", v.repr()?));
                    }
                }
                Ok(format!("{}({})", $pyname, parts.join(", ")))
            }
        }

        impl $name {
            /// The Python object of a prepared record.
            pub(crate) fn new(record: Prepared) -> $name {
                $name { record }
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
    CITATION_FIELDS,
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
    FINDING_FIELDS,
    ([] as [&str; 0]),
    ["severity", "code", "span", "message"],
    "One problem `verify` found: the fields of `pincite verify --format jsonl`, `span` in characters and `byte_span` in bytes, with the 1-based `line` and `col`."
);

/// The fields of a hit, in order.
pub(crate) const HIT_FIELDS: &[&str] = &[
    "file",
    "byte_span",
    "line",
    "col",
    "slip_page",
    "section",
    "kind",
    "authority",
    "pins",
    "case_name",
    "context",
    "quotation",
];

record_class!(
    PyHit,
    "Hit",
    HIT_FIELDS,
    ([] as [&str; 0]),
    ["file", "line", "col", "kind", "authority", "pins"],
    "One citation found in an `Index`: the fields of `pincite query`'s JSON, `byte_span` in bytes of its file, with the 1-based `line` and `col`."
);

/// A record worked out without the GIL: its JSON fields and its spans.
/// Its Python objects are made when asked for.
#[derive(PartialEq)]
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

impl Prepared {
    /// A record of JSON fields and a span in bytes only (an index hit,
    /// whose text is not at hand).
    pub(crate) fn of_json(
        json: Map<String, Value>,
        bytes: [usize; 2],
        line_col: (usize, usize),
    ) -> Prepared {
        Prepared {
            json,
            bytes,
            chars: bytes,
            line_col: Some(line_col),
        }
    }

    /// Whether the record has the field `key`.
    fn has(&self, key: &str) -> bool {
        match key {
            "span" | "byte_span" => true,
            "line" | "col" => self.line_col.is_some(),
            _ => self.json.contains_key(key),
        }
    }

    /// The field `key` as a Python object, if the record has it (`order`
    /// names the fields made here: `span` in characters, `byte_span` in
    /// bytes, `line` and `col`).
    fn field<'py>(
        &self,
        py: Python<'py>,
        order: &[&str],
        key: &str,
    ) -> PyResult<Option<Bound<'py, PyAny>>> {
        if !order.contains(&key) && !self.json.contains_key(key) {
            return Ok(None);
        }
        let value = match (key, self.line_col) {
            ("span", _) => PyTuple::new(py, self.chars)?.into_any(),
            ("byte_span", _) => PyTuple::new(py, self.bytes)?.into_any(),
            ("line", Some((line, _))) => line.into_pyobject(py)?.into_any(),
            ("col", Some((_, col))) => col.into_pyobject(py)?.into_any(),
            _ => match self.json.get(key) {
                Some(v) => to_py(py, v)?,
                None => return Ok(None),
            },
        };
        Ok(Some(value))
    }

    /// The fields `order` names that the record has, as a new dict in
    /// that order, then any other field of its JSON.
    fn dict<'py>(&self, py: Python<'py>, order: &[&str]) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        // Fields the JSON has beyond `order` (a newer library's) follow.
        let extra = self.json.keys().map(String::as_str);
        for key in order
            .iter()
            .copied()
            .chain(extra.filter(|k| !order.contains(k)))
        {
            if let Some(v) = self.field(py, order, key)? {
                dict.set_item(key, v)?;
            }
        }
        Ok(dict)
    }
}

/// Python citations of prepared records.
pub(crate) fn citations(prepared: Vec<Prepared>) -> Vec<PyCitation> {
    prepared.into_iter().map(PyCitation::new).collect()
}

/// Python findings of prepared records.
pub(crate) fn findings(prepared: Vec<Prepared>) -> Vec<PyFinding> {
    prepared.into_iter().map(PyFinding::new).collect()
}

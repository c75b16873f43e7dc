//! From Rust values to Python ones: JSON values to Python objects, byte
//! offsets to character offsets, texts from `str` or `bytes`.

use crate::Error;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use serde_json::Value;

/// A text as Python passes it: a `str`, or `bytes` checked as UTF-8 text
/// the way the command line checks a file.
#[derive(FromPyObject)]
pub(crate) enum Text {
    /// A `str`: its characters, as UTF-8.
    Str(String),
    /// `bytes`: checked by `pincite::Document::from_bytes`.
    Bytes(Vec<u8>),
}

impl Text {
    /// The text as a string; bytes that are no UTF-8 text give the
    /// library's message ("invalid UTF-8 at byte 12").
    pub(crate) fn into_string(self) -> PyResult<String> {
        match self {
            Text::Str(s) => Ok(s),
            Text::Bytes(b) => pincite::Document::from_bytes(b)
                .map(pincite::Document::into_text)
                .map_err(|e| Error::new_err(e.to_string())),
        }
    }
}

/// Byte offsets into `text` turned into character offsets (what Python's
/// `str` indexes by), in one pass over the text. Each offset must be on a
/// character boundary, as every span pincite gives is.
pub(crate) fn char_offsets(text: &str, bytes: &[usize]) -> Vec<usize> {
    if text.is_ascii() {
        return bytes.to_vec();
    }
    let mut order: Vec<usize> = (0..bytes.len()).collect();
    order.sort_unstable_by_key(|&i| bytes[i]);
    let mut out = vec![0; bytes.len()];
    let (mut at, mut chars) = (0, 0);
    for i in order {
        let to = bytes[i].min(text.len());
        if to > at {
            chars += count_chars(&text.as_bytes()[at..to]);
            at = to;
        }
        out[i] = chars;
    }
    out
}

/// The characters that start in `bytes` (every byte that is no UTF-8
/// continuation byte).
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

/// A JSON value as the Python object `json.loads` would give.
pub(crate) fn to_py<'py>(py: Python<'py>, v: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => b.into_pyobject(py)?.to_owned().into_any(),
        Value::Number(n) => number(py, n)?,
        Value::String(s) => s.into_pyobject(py)?.into_any(),
        Value::Array(a) => {
            let list = PyList::empty(py);
            for x in a {
                list.append(to_py(py, x)?)?;
            }
            list.into_any()
        }
        Value::Object(m) => {
            let dict = PyDict::new(py);
            for (k, x) in m {
                dict.set_item(k, to_py(py, x)?)?;
            }
            dict.into_any()
        }
    })
}

/// A JSON number as a Python `int` (or `float`).
fn number<'py>(py: Python<'py>, n: &serde_json::Number) -> PyResult<Bound<'py, PyAny>> {
    if let Some(u) = n.as_u64() {
        Ok(u.into_pyobject(py)?.into_any())
    } else if let Some(i) = n.as_i64() {
        Ok(i.into_pyobject(py)?.into_any())
    } else {
        Ok(n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any())
    }
}

//! Core errors as the exception classes of `atscore._errors`, with the
//! culprit as attributes; I/O errors as `open()` raises them; panics as
//! `InternalError`.

use std::io;
use std::panic::{AssertUnwindSafe, catch_unwind};

use atscore::Error;
use pyo3::IntoPyObjectExt;
use pyo3::exceptions::PyOSError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

/// An exception of `atscore._errors`, with its detail attributes.
pub(crate) fn exception(
    py: Python<'_>,
    class: &str,
    message: String,
    details: &[(&str, Py<PyAny>)],
) -> PyErr {
    let make = || -> PyResult<PyErr> {
        let cls = py.import("atscore._errors")?.getattr(class)?;
        let kwargs = PyDict::new(py);
        for (k, v) in details {
            kwargs.set_item(*k, v)?;
        }
        Ok(PyErr::from_value(cls.call((message,), Some(&kwargs))?))
    };
    make().unwrap_or_else(|e| e)
}

pub(crate) fn internal(py: Python<'_>, message: &str) -> PyErr {
    let message = format!("internal error in atscore (please report it): {message}");
    exception(py, "InternalError", message, &[])
}

/// `[("name", value as a Python object), ...]`; `name = expr` for a value
/// named otherwise.
macro_rules! details {
    ($py:ident; $($name:ident $(= $value:expr)?),*) => {
        vec![$((stringify!($name), details!(@ $py, $name $(, $value)?))),*]
    };
    (@ $py:ident, $name:ident) => { $name.into_py_any($py).unwrap_or_else(|_| $py.None()) };
    (@ $py:ident, $name:ident, $value:expr) => { $value.into_py_any($py).unwrap_or_else(|_| $py.None()) };
}

/// A core error as the matching `atscore` exception.
pub(crate) fn core_err(py: Python<'_>, e: Error) -> PyErr {
    let message = e.to_string();
    let (class, details): (&str, Vec<(&str, Py<PyAny>)>) = match e {
        Error::RoleParse {
            format,
            line,
            column,
            message: reason,
        } => (
            "RoleError",
            details!(py; format = format.to_string(), line, column, reason),
        ),
        Error::InvalidKeyword {
            keyword,
            field,
            reason,
        } => ("RoleError", details!(py; keyword, field, reason)),
        Error::InvalidRole { field, reason } => ("RoleError", details!(py; field, reason)),
        Error::UnknownRole { name, available } => ("RoleError", details!(py; name, available)),
        Error::InvalidOption { option, reason } => ("OptionsError", details!(py; option, reason)),
        Error::InputTooLarge { len, limit } => ("InputError", details!(py; length = len, limit)),
        Error::InvalidUtf8 { offset, binary } => ("InputError", details!(py; offset, binary)),
        Error::UnsupportedFile { kind, reason } => (
            "FileError",
            details!(py; problem = "unsupported", kind, reason),
        ),
        Error::CorruptFile { kind, reason } => {
            ("FileError", details!(py; problem = "corrupt", kind, reason))
        }
        Error::EncryptedFile { kind } => ("FileError", details!(py; problem = "encrypted", kind)),
        Error::FileLimit {
            what,
            value,
            limit,
            option,
        } => (
            "FileError",
            details!(py; problem = "limit", what, value, limit, option),
        ),
        _ => ("AtscoreError", vec![]),
    };
    exception(py, class, message, &details)
}

/// Options that core's serde rejects (unknown name, wrong type); the position
/// serde names is in our own JSON, so it is left out.
pub(crate) fn options_err(py: Python<'_>, e: &serde_json::Error) -> PyErr {
    let msg = e.to_string();
    let msg = msg
        .rsplit_once(" at line ")
        .map_or(msg.as_str(), |(m, _)| m);
    exception(py, "OptionsError", format!("invalid options: {msg}"), &[])
}

/// An I/O error on `path` as Python's `open()` raises it: `OSError(errno,
/// strerror, filename)` becomes `FileNotFoundError`, `PermissionError`, ...
pub(crate) fn io_err(e: &io::Error, path: &Bound<'_, PyAny>) -> PyErr {
    let text = e.to_string();
    let strerror = text
        .rsplit_once(" (os error")
        .map_or(text.as_str(), |(s, _)| s);
    match e.raw_os_error() {
        Some(code) => PyOSError::new_err((code, strerror.to_string(), path.clone().unbind())),
        None => PyOSError::new_err(format!("{strerror}: {path}")),
    }
}

/// What can go wrong with a file, before it becomes a Python exception.
pub(crate) enum Failed {
    Io(io::Error),
    Core(Error),
}

impl Failed {
    /// The exception: an I/O error on `path` (the Python object given) as
    /// `open()` raises it, a core error as its `atscore` exception.
    pub(crate) fn into_py(self, py: Python<'_>, path: Option<&Py<PyAny>>) -> PyErr {
        match (self, path) {
            (Failed::Io(e), Some(obj)) => io_err(&e, obj.bind(py)),
            (Failed::Io(e), None) => PyErr::from(e),
            (Failed::Core(e), _) => core_err(py, e),
        }
    }
}

/// Run core code with the GIL released; a panic becomes `InternalError`.
pub(crate) fn guarded<T: Send>(py: Python<'_>, f: impl FnOnce() -> T + Send) -> PyResult<T> {
    py.detach(|| catch_unwind(AssertUnwindSafe(f)))
        .map_err(|payload| {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "panic".to_string());
            internal(py, &what)
        })
}

/// Name which input failed in a batch: message prefix and `index` attribute.
pub(crate) fn with_index(py: Python<'_>, err: PyErr, index: usize) -> PyErr {
    let _ = err.value(py).setattr("index", index);
    naming(py, err, &format!("texts[{index}]"))
}

/// Name the input an error is about: `"<subject>: <message>"`.
pub(crate) fn naming(py: Python<'_>, err: PyErr, subject: &str) -> PyErr {
    let value = err.value(py);
    let message = format!("{subject}: {value}");
    let _ = value.setattr("args", PyTuple::new(py, [message]).ok());
    err
}

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
pub(crate) fn exception(class: &str, message: String, details: Details<'_>) -> PyErr {
    Python::attach(|py| {
        let make = || -> PyResult<PyErr> {
            let kwargs = PyDict::new(py);
            for (k, v) in details {
                kwargs.set_item(k, v?)?;
            }
            let cls = py.import("atscore._errors")?.getattr(class)?;
            Ok(PyErr::from_value(cls.call((message,), Some(&kwargs))?))
        };
        make().unwrap_or_else(|e| e)
    })
}

type Details<'a> = Vec<(&'a str, PyResult<Py<PyAny>>)>;

pub(crate) fn internal(message: &str) -> PyErr {
    let message = format!("internal error in atscore (please report it): {message}");
    exception("InternalError", message, vec![])
}

/// A core error as its `atscore` exception: the class and the attributes
/// of each variant (`name = value` for an attribute named otherwise).
pub(crate) fn core_err(e: Error) -> PyErr {
    let message = e.to_string();
    Python::attach(|py| {
        macro_rules! attrs {
            ($($name:ident $(= $value:expr)?),*) => {
                vec![$((stringify!($name), attrs!(@ $name $(= $value)?).into_py_any(py))),*]
            };
            (@ $name:ident) => { $name };
            (@ $name:ident = $value:expr) => { $value };
        }
        let problem = e.file_problem();
        let (class, attrs) = match e {
            Error::RoleParse {
                format,
                line,
                column,
                message,
            } => {
                let format = format.to_string();
                ("RoleError", attrs!(format, line, column, reason = message))
            }
            Error::InvalidKeyword {
                keyword,
                field,
                reason,
            } => ("RoleError", attrs!(keyword, field, reason)),
            Error::InvalidRole { field, reason } => ("RoleError", attrs!(field, reason)),
            Error::UnknownRole { name, available } => ("RoleError", attrs!(name, available)),
            Error::InvalidOption { option, reason } => ("OptionsError", attrs!(option, reason)),
            Error::InputTooLarge { len, limit } => ("InputError", attrs!(length = len, limit)),
            Error::InvalidUtf8 { offset, binary } => ("InputError", attrs!(offset, binary)),
            Error::UnsupportedFile { kind, reason } | Error::CorruptFile { kind, reason } => {
                ("FileError", attrs!(problem, kind, reason))
            }
            Error::EncryptedFile { kind } => ("FileError", attrs!(problem, kind)),
            Error::FileLimit {
                what,
                value,
                limit,
                option,
            } => ("FileError", attrs!(problem, what, value, limit, option)),
            _ => ("AtscoreError", vec![]),
        };
        exception(class, message, attrs)
    })
}

/// Options that core's serde rejects (unknown name, wrong type); the position
/// serde names is in our own JSON, so it is left out.
pub(crate) fn options_err(e: serde_json::Error) -> PyErr {
    let msg = e.to_string();
    let msg = msg
        .rsplit_once(" at line ")
        .map_or(msg.as_str(), |(m, _)| m);
    exception("OptionsError", format!("invalid options: {msg}"), vec![])
}

/// What can go wrong with a file, before it becomes a Python exception.
pub(crate) enum Failed {
    Io(io::Error),
    Core(Error),
}

impl From<io::Error> for Failed {
    fn from(e: io::Error) -> Self {
        Failed::Io(e)
    }
}

impl From<Error> for Failed {
    fn from(e: Error) -> Self {
        Failed::Core(e)
    }
}

impl Failed {
    /// The exception: an I/O error on `path` (the Python object given) as
    /// `open()` raises it, `OSError(errno, strerror, filename)` (so
    /// `FileNotFoundError`, `PermissionError`, ...); a core error as its
    /// `atscore` exception.
    pub(crate) fn into_py(self, py: Python<'_>, path: Option<&Py<PyAny>>) -> PyErr {
        let (e, path) = match (self, path) {
            (Failed::Core(e), _) => return core_err(e),
            (Failed::Io(e), None) => return PyErr::from(e),
            (Failed::Io(e), Some(path)) => (e, path.bind(py)),
        };
        let text = e.to_string();
        let strerror = text
            .rsplit_once(" (os error")
            .map_or(text.as_str(), |(s, _)| s);
        match e.raw_os_error() {
            Some(code) => PyOSError::new_err((code, strerror.to_string(), path.clone().unbind())),
            None => PyOSError::new_err(format!("{strerror}: {path}")),
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
            internal(&what)
        })
}

/// Name which input failed in a batch: message prefix and `index` attribute.
pub(crate) fn with_index(py: Python<'_>, err: PyErr, index: usize) -> PyErr {
    let _ = err.value(py).setattr("index", index);
    naming(err, &format!("texts[{index}]"))
}

/// Name the input an error is about: `"<subject>: <message>"`.
pub(crate) fn naming(err: PyErr, subject: &str) -> PyErr {
    Python::attach(|py| {
        let value = err.value(py);
        let message = format!("{subject}: {value}");
        let _ = value.setattr("args", PyTuple::new(py, [message]).ok());
    });
    err
}

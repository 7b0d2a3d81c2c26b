//! Arguments in: resume text, file contents and paths, roles, options.

use std::io::Read;
use std::path::PathBuf;

use atscore::file::{FileKind, FileOptions};
use atscore::{Options, Role};
use pyo3::IntoPyObjectExt;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyMemoryView, PyString, PyTuple};

use crate::convert::from_py;
use crate::errors::{Failed, core_err, exception, guarded, naming, options_err};

pub(crate) const DEFAULT_ROLE: &str = Role::DEFAULT;

/// Resume text from `str` or UTF-8 `bytes` (core validates the bytes).
pub(crate) fn text_arg(arg: &Bound<'_, PyAny>) -> PyResult<String> {
    let py = arg.py();
    if let Ok(s) = arg.cast::<PyString>() {
        return s.to_str().map(str::to_string).map_err(|e| {
            let message = format!("text is not valid Unicode (it cannot be encoded as UTF-8): {e}");
            exception(py, "InputError", message, &[])
        });
    }
    if !arg.is_instance_of::<PyBytes>() && !arg.is_instance_of::<PyByteArray>() {
        return Err(PyTypeError::new_err(format!(
            "resume text must be str or bytes, not {}",
            arg.get_type().name()?
        )));
    }
    String::from_utf8(bytes_arg(arg)?)
        .map_err(|e| core_err(py, atscore::text_from_bytes(e.as_bytes()).unwrap_err()))
}

/// File contents from `bytes` or `bytearray`.
pub(crate) fn bytes_arg(data: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    if let Ok(b) = data.cast::<PyBytes>() {
        return Ok(b.as_bytes().to_vec());
    }
    if let Ok(b) = data.cast::<PyByteArray>() {
        return Ok(b.to_vec());
    }
    let hint = match data.is_instance_of::<PyString>() {
        true => " (for text, use analyze())",
        false => "",
    };
    Err(PyTypeError::new_err(format!(
        "file contents must be bytes or bytearray, not {}{hint}",
        data.get_type().name()?
    )))
}

/// `kind=` of the file functions: `None`, or `"text"`, `"pdf"`, `"docx"`.
pub(crate) fn kind_arg(py: Python<'_>, kind: Option<&str>) -> PyResult<Option<FileKind>> {
    kind.map(|k| k.parse::<FileKind>().map_err(|e| core_err(py, e)))
        .transpose()
}

/// `limit=` as a count: a negative one is refused.
pub(crate) fn limit_arg(limit: Option<isize>, default: usize) -> PyResult<usize> {
    match limit {
        None => Ok(default),
        Some(n) => usize::try_from(n)
            .map_err(|_| PyValueError::new_err(format!("limit must be 0 or more, not {n}"))),
    }
}

/// Where a file comes from: its bytes, or a path (with the Python object
/// given, for `OSError.filename`).
pub(crate) enum FileSource {
    Bytes(Vec<u8>),
    Path(PathBuf, Py<PyAny>),
}

impl FileSource {
    /// `path` as `str` or `os.PathLike`.
    pub(crate) fn path(path: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(FileSource::Path(path.extract()?, path.clone().unbind()))
    }

    /// The path as given, for the `OSError` of a file that cannot be read.
    pub(crate) fn given(&self, py: Python<'_>) -> Option<Py<PyAny>> {
        match self {
            FileSource::Path(_, obj) => Some(obj.clone_ref(py)),
            FileSource::Bytes(_) => None,
        }
    }

    /// The file's bytes. A file is refused from its size (core's check)
    /// before it is read; at most `max_file_bytes + 1` bytes are read, so a
    /// file that grows meanwhile is still refused by core.
    pub(crate) fn read(self, options: &FileOptions) -> Result<Vec<u8>, Failed> {
        let path = match self {
            FileSource::Bytes(bytes) => return Ok(bytes),
            FileSource::Path(path, _) => path,
        };
        let file = std::fs::File::open(path).map_err(Failed::Io)?;
        let len = file.metadata().map_err(Failed::Io)?.len();
        options.check_file_len(len).map_err(Failed::Core)?;
        let cap = (options.max_file_bytes as u64).saturating_add(1);
        let mut bytes = Vec::with_capacity(usize::try_from(len.min(cap)).unwrap_or(0));
        file.take(cap).read_to_end(&mut bytes).map_err(Failed::Io)?;
        Ok(bytes)
    }
}

/// A resume or a job posting as given: text (`str`, always text), a file's
/// contents (`bytes`, `bytearray`, `memoryview`) or a path (`os.PathLike`).
pub(crate) enum TextOrFile {
    Text(String),
    File(FileSource),
}

impl TextOrFile {
    /// Read `value`; `what` ("resume", "job posting") names it in the
    /// `TypeError` for anything else.
    pub(crate) fn arg(value: &Bound<'_, PyAny>, what: &str) -> PyResult<Self> {
        if value.is_instance_of::<PyString>() {
            return Ok(TextOrFile::Text(text_arg(value)?));
        }
        if value.is_instance_of::<PyBytes>() || value.is_instance_of::<PyByteArray>() {
            return Ok(TextOrFile::File(FileSource::Bytes(bytes_arg(value)?)));
        }
        if let Ok(view) = value.cast::<PyMemoryView>() {
            let bytes = view.call_method0("tobytes")?;
            return Ok(TextOrFile::File(FileSource::Bytes(bytes_arg(&bytes)?)));
        }
        if value.hasattr("__fspath__")? {
            return Ok(TextOrFile::File(FileSource::path(value)?));
        }
        Err(PyTypeError::new_err(format!(
            "{what} must be str (its text), bytes of a file or os.PathLike, not {}",
            value.get_type().name()?
        )))
    }

    /// The path as given, for the `OSError` of a file that cannot be read.
    pub(crate) fn given(&self, py: Python<'_>) -> Option<Py<PyAny>> {
        match self {
            TextOrFile::File(file) => file.given(py),
            TextOrFile::Text(_) => None,
        }
    }
}

/// Analyzer options from keyword arguments, through core's serde.
pub(crate) fn options_arg(
    py: Python<'_>,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<Options> {
    let Some(options) = options else {
        return Ok(Options::default());
    };
    let json = from_py(options.as_any())
        .map_err(|e| exception(py, "OptionsError", format!("invalid options: {e}"), &[]))?;
    serde_json::from_str::<Options>(&json).map_err(|e| options_err(py, &e))
}

/// The role a job posting asks for: core's `posting::read` (text) or
/// `posting::read_bytes` (a PDF, DOCX or UTF-8 text file, told by its
/// content), then `Posting::role`. The posting's warnings ("this looks like
/// a resume") become `atscore.PostingWarning`s and its errors name it, as
/// the CLI prints them: `<path>: ...`, or `job posting: ...` for text and bytes.
pub(crate) fn posting_role(py: Python<'_>, posting: &Bound<'_, PyAny>) -> PyResult<Role> {
    let source = TextOrFile::arg(posting, "job posting")?;
    let given = source.given(py);
    let subject = match &source {
        TextOrFile::File(FileSource::Path(p, _)) => p.display().to_string(),
        _ => "job posting".to_string(),
    };
    let result = guarded(py, move || {
        let posting = match source {
            TextOrFile::Text(text) => atscore::posting::read(&text),
            TextOrFile::File(file) => {
                atscore::posting::read_bytes(&file.read(&FileOptions::default())?)
            }
        }
        .map_err(Failed::Core)?;
        let role = posting.role();
        Ok((posting.warnings, role))
    })?;
    let named = |err| naming(py, err, &subject);
    let (warnings, role) = result.map_err(|e: Failed| match e {
        Failed::Core(e) => named(core_err(py, e)),
        io => io.into_py(py, given.as_ref()),
    })?;
    if !warnings.is_empty() {
        let warn = py.import("warnings")?.getattr("warn")?;
        let category = py.import("atscore._errors")?.getattr("PostingWarning")?;
        for w in warnings {
            warn.call1((format!("{subject}: {w}"), &category))?;
        }
    }
    role.map_err(|e| named(core_err(py, e)))
}

/// `(f, args)` for `__reduce__`: rebuilt by `atscore._native.<f>(*args)`.
pub(crate) fn reduce<'py>(
    py: Python<'py>,
    f: &str,
    args: impl IntoPyObject<'py>,
) -> PyResult<Bound<'py, PyTuple>> {
    let f = py.import("atscore._native")?.getattr(f)?;
    let args = args.into_bound_py_any(py)?;
    PyTuple::new(py, [f, args])
}

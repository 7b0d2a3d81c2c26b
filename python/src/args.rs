//! Arguments in: resume text, file contents and paths, options, job postings.

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

/// `TypeError("<what>, not <type of value><hint>")`.
pub(crate) fn type_err(what: &str, value: &Bound<'_, PyAny>, hint: &str) -> PyErr {
    match value.get_type().name() {
        Ok(name) => PyTypeError::new_err(format!("{what}, not {name}{hint}")),
        Err(e) => e,
    }
}

/// Resume text from `str` or UTF-8 `bytes` (core validates the bytes).
pub(crate) fn text_arg(arg: &Bound<'_, PyAny>) -> PyResult<String> {
    if let Ok(s) = arg.cast::<PyString>() {
        return s.to_str().map(str::to_string).map_err(|e| {
            let message = format!("text is not valid Unicode (it cannot be encoded as UTF-8): {e}");
            exception("InputError", message, vec![])
        });
    }
    if !arg.is_instance_of::<PyBytes>() && !arg.is_instance_of::<PyByteArray>() {
        return Err(type_err("resume text must be str or bytes", arg, ""));
    }
    String::from_utf8(bytes_arg(arg)?)
        .map_err(|e| core_err(atscore::text_from_bytes(e.as_bytes()).unwrap_err()))
}

/// File contents from `bytes` or `bytearray`.
fn bytes_arg(data: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
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
    Err(type_err(
        "file contents must be bytes or bytearray",
        data,
        hint,
    ))
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

    /// `data` as `bytes` or `bytearray`.
    pub(crate) fn bytes(data: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(FileSource::Bytes(bytes_arg(data)?))
    }

    /// The file's bytes. A file is refused from its size (core's check)
    /// before it is read; at most `max_file_bytes + 1` bytes are read, so a
    /// file that grows meanwhile is still refused by core.
    pub(crate) fn read(self, options: &FileOptions) -> Result<Vec<u8>, Failed> {
        let path = match self {
            FileSource::Bytes(bytes) => return Ok(bytes),
            FileSource::Path(path, _) => path,
        };
        let file = std::fs::File::open(path)?;
        let len = file.metadata()?.len();
        options.check_file_len(len)?;
        let cap = (options.max_file_bytes as u64).saturating_add(1);
        let mut bytes = Vec::with_capacity(usize::try_from(len.min(cap)).unwrap_or(0));
        file.take(cap).read_to_end(&mut bytes)?;
        Ok(bytes)
    }
}

/// A resume or a job posting as given: text, or a file (with its `kind=`).
pub(crate) enum Input {
    Text(String),
    File(FileSource, Option<FileKind>),
}

impl Input {
    /// A file of the file functions: `kind=` (`None`, or `"text"`, `"pdf"`,
    /// `"docx"`) checked first, then the file `source` names.
    pub(crate) fn file(
        kind: Option<&str>,
        source: impl FnOnce() -> PyResult<FileSource>,
    ) -> PyResult<Self> {
        let kind = kind.map(str::parse).transpose().map_err(core_err)?;
        Ok(Input::File(source()?, kind))
    }

    /// A `str` (always text), a file's contents (`bytes`, `bytearray`,
    /// `memoryview`) or a path (`os.PathLike`); `what` ("resume", "job
    /// posting") names it in the `TypeError` for anything else.
    pub(crate) fn arg(value: &Bound<'_, PyAny>, what: &str) -> PyResult<Self> {
        let file = |source| Ok(Input::File(source, None));
        if value.is_instance_of::<PyString>() {
            return Ok(Input::Text(text_arg(value)?));
        }
        if value.is_instance_of::<PyBytes>() || value.is_instance_of::<PyByteArray>() {
            return file(FileSource::bytes(value)?);
        }
        if let Ok(view) = value.cast::<PyMemoryView>() {
            return file(FileSource::bytes(&view.call_method0("tobytes")?)?);
        }
        if value.hasattr("__fspath__")? {
            return file(FileSource::path(value)?);
        }
        let what = format!("{what} must be str (its text), bytes of a file or os.PathLike");
        Err(type_err(&what, value, ""))
    }

    /// The path as given, for the `OSError` of a file that cannot be read.
    pub(crate) fn given(&self, py: Python<'_>) -> Option<Py<PyAny>> {
        match self {
            Input::File(FileSource::Path(_, obj), _) => Some(obj.clone_ref(py)),
            _ => None,
        }
    }

    /// What `text` makes of text, or `bytes` of a file's contents (read
    /// with the default file options), with the GIL released; core's error
    /// is left to the caller, an I/O error raised as `open()` raises it.
    pub(crate) fn read_with<T: Send>(
        self,
        py: Python<'_>,
        text: impl FnOnce(&str) -> atscore::Result<T> + Send,
        bytes: impl FnOnce(&[u8]) -> atscore::Result<T> + Send,
    ) -> PyResult<atscore::Result<T>> {
        let given = self.given(py);
        let result = guarded(py, move || -> Result<T, Failed> {
            Ok(match self {
                Input::Text(t) => text(&t)?,
                Input::File(file, _) => bytes(&file.read(&FileOptions::default())?)?,
            })
        })?;
        match result {
            Err(Failed::Core(e)) => Ok(Err(e)),
            result => result.map(Ok).map_err(|e| e.into_py(py, given.as_ref())),
        }
    }
}

/// Analyzer options from keyword arguments, through core's serde.
pub(crate) fn options_arg(options: Option<&Bound<'_, PyDict>>) -> PyResult<Options> {
    let Some(options) = options else {
        return Ok(Options::default());
    };
    let json = from_py(options.as_any())
        .map_err(|e| exception("OptionsError", format!("invalid options: {e}"), vec![]))?;
    serde_json::from_str::<Options>(&json).map_err(options_err)
}

/// The role a job posting asks for: core's `posting::read` (text) or
/// `posting::read_bytes` (a PDF, DOCX or UTF-8 text file, told by its
/// content), then `Posting::role`. The posting's warnings ("this looks like
/// a resume") become `atscore.PostingWarning`s and its errors name it, as
/// the CLI prints them: `<path>: ...`, or `job posting: ...` for text and bytes.
pub(crate) fn posting_role(py: Python<'_>, posting: &Bound<'_, PyAny>) -> PyResult<Role> {
    let input = Input::arg(posting, "job posting")?;
    let subject = match &input {
        Input::File(FileSource::Path(p, _), _) => p.display().to_string(),
        _ => "job posting".to_string(),
    };
    let role = |p: atscore::posting::Posting| (p.role(), p.warnings);
    let read = input.read_with(
        py,
        |text| atscore::posting::read(text).map(role),
        |bytes| atscore::posting::read_bytes(bytes).map(role),
    )?;
    let named = |e| naming(core_err(e), &subject);
    let (role, warnings) = read.map_err(named)?;
    if !warnings.is_empty() {
        let warn = py.import("warnings")?.getattr("warn")?;
        let category = py.import("atscore._errors")?.getattr("PostingWarning")?;
        for w in warnings {
            warn.call1((format!("{subject}: {w}"), &category))?;
        }
    }
    role.map_err(named)
}

/// `(f, args)` for `__reduce__`: rebuilt by `atscore._native.<f>(*args)`.
pub(crate) fn reduce<'py>(
    py: Python<'py>,
    f: &str,
    args: impl IntoPyObject<'py>,
) -> PyResult<Bound<'py, PyTuple>> {
    let f = py.import("atscore._native")?.getattr(f)?;
    PyTuple::new(py, [f, args.into_bound_py_any(py)?])
}

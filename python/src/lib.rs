//! Python bindings of atscore (`atscore._native`).
//!
//! A thin layer: every rule lives in the `atscore` core crate. This module
//! converts arguments in, reports and errors out:
//!
//! * reports carry **code-point** offsets (`text[start:end]` is the hit), made
//!   by core's [`Report::convert_offsets`]; `Report.to_json()` is core's
//!   `to_json()` of that report, so its bytes equal the CLI's with
//!   `--offsets codepoint`;
//! * Python objects are built from core's serde output (`json.loads` of the
//!   JSON core writes), never field by field;
//! * core errors become the exception classes of `atscore._errors`, with the
//!   culprit (keyword, field, option, byte offset) as attributes;
//! * core calls run with the GIL released and inside `catch_unwind`, so a
//!   panic surfaces as `atscore.InternalError`, never as a crash;
//! * files (PDF, DOCX, text) go to core's `Matcher::analyze_file`; a file is
//!   read here only after its size passed core's `FileOptions::check_file_len`,
//!   and a file report's spans point into the extracted text (`Report.text`).

use std::io::{self, Read};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use atscore::file::{FileKind, FileOptions};
use atscore::{Error, Matcher, MatcherBuilder, OffsetEncoding, Options, Role, Tier};
use pyo3::IntoPyObjectExt;
use pyo3::exceptions::{PyOSError, PyTypeError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyList, PyString, PyTuple};
use serde::Serialize;

// ---------------------------------------------------------------------------
// Conversions: JSON text <-> Python objects, core errors -> exceptions
// ---------------------------------------------------------------------------

static JSON_LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static JSON_DUMPS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

fn json_fn<'py>(
    py: Python<'py>,
    cell: &'static PyOnceLock<Py<PyAny>>,
    name: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let f = cell.get_or_try_init(py, || {
        PyResult::Ok(py.import("json")?.getattr(name)?.unbind())
    })?;
    Ok(f.bind(py).clone())
}

/// Serialize with serde (the core's field names and order), then to Python.
fn to_py<'py, T: Serialize + ?Sized>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    let json = serde_json::to_string(value).map_err(|e| internal(py, &e.to_string()))?;
    json_fn(py, &JSON_LOADS, "loads")?.call1((json,))
}

/// A JSON-like Python object (dict, list, str, number, bool, None) as JSON text.
fn from_py(obj: &Bound<'_, PyAny>) -> PyResult<String> {
    let py = obj.py();
    let kwargs = PyDict::new(py);
    kwargs.set_item("allow_nan", false)?;
    json_fn(py, &JSON_DUMPS, "dumps")?
        .call((obj,), Some(&kwargs))?
        .extract()
}

/// An exception of `atscore._errors`, with its detail attributes.
fn exception(py: Python<'_>, class: &str, message: String, details: &[(&str, Py<PyAny>)]) -> PyErr {
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

fn internal(py: Python<'_>, message: &str) -> PyErr {
    exception(
        py,
        "InternalError",
        format!("internal error in atscore (please report it): {message}"),
        &[],
    )
}

fn obj<'py, T: IntoPyObject<'py>>(py: Python<'py>, v: T) -> Py<PyAny> {
    v.into_py_any(py).unwrap_or_else(|_| py.None())
}

/// A core error as the matching `atscore` exception.
fn core_err(py: Python<'_>, e: Error) -> PyErr {
    let message = e.to_string();
    match e {
        Error::RoleParse {
            format,
            line,
            column,
            message: reason,
        } => exception(
            py,
            "RoleError",
            message,
            &[
                ("format", obj(py, format.to_string())),
                ("line", obj(py, line)),
                ("column", obj(py, column)),
                ("reason", obj(py, reason)),
            ],
        ),
        Error::InvalidKeyword {
            keyword,
            field,
            reason,
        } => exception(
            py,
            "RoleError",
            message,
            &[
                ("keyword", obj(py, keyword)),
                ("field", obj(py, field)),
                ("reason", obj(py, reason)),
            ],
        ),
        Error::InvalidRole { field, reason } => exception(
            py,
            "RoleError",
            message,
            &[("field", obj(py, field)), ("reason", obj(py, reason))],
        ),
        Error::UnknownRole { name, available } => exception(
            py,
            "RoleError",
            message,
            &[("name", obj(py, name)), ("available", obj(py, available))],
        ),
        Error::InvalidOption { option, reason } => exception(
            py,
            "OptionsError",
            message,
            &[("option", obj(py, option)), ("reason", obj(py, reason))],
        ),
        Error::InputTooLarge { len, limit } => exception(
            py,
            "InputError",
            message,
            &[("length", obj(py, len)), ("limit", obj(py, limit))],
        ),
        Error::InvalidUtf8 { offset, binary } => exception(
            py,
            "InputError",
            message,
            &[("offset", obj(py, offset)), ("binary", obj(py, binary))],
        ),
        Error::UnsupportedFile { kind, reason } => exception(
            py,
            "FileError",
            message,
            &[
                ("problem", obj(py, "unsupported")),
                ("kind", obj(py, kind)),
                ("reason", obj(py, reason)),
            ],
        ),
        Error::CorruptFile { kind, reason } => exception(
            py,
            "FileError",
            message,
            &[
                ("problem", obj(py, "corrupt")),
                ("kind", obj(py, kind)),
                ("reason", obj(py, reason)),
            ],
        ),
        Error::EncryptedFile { kind } => exception(
            py,
            "FileError",
            message,
            &[("problem", obj(py, "encrypted")), ("kind", obj(py, kind))],
        ),
        Error::FileLimit {
            what,
            value,
            limit,
            option,
        } => exception(
            py,
            "FileError",
            message,
            &[
                ("problem", obj(py, "limit")),
                ("what", obj(py, what)),
                ("value", obj(py, value)),
                ("limit", obj(py, limit)),
                ("option", obj(py, option)),
            ],
        ),
        _ => exception(py, "AtscoreError", message, &[]),
    }
}

/// An I/O error on `path` as Python's `open()` raises it: `OSError(errno,
/// strerror, filename)` becomes `FileNotFoundError`, `PermissionError`, ...
fn io_err(e: &io::Error, path: &Bound<'_, PyAny>) -> PyErr {
    let text = e.to_string();
    let strerror = text
        .rsplit_once(" (os error")
        .map_or(text.as_str(), |(s, _)| s);
    match e.raw_os_error() {
        Some(code) => PyOSError::new_err((code, strerror.to_string(), path.clone().unbind())),
        None => PyOSError::new_err(format!("{strerror}: {path}")),
    }
}

/// Read a resume file, refusing it from its size (core's check) before
/// reading it; at most `max_file_bytes + 1` bytes are read, so a file that
/// grows meanwhile is still refused by core.
fn read_file(path: &Path, options: &FileOptions) -> Result<Vec<u8>, Failed> {
    let file = std::fs::File::open(path).map_err(Failed::Io)?;
    let len = file.metadata().map_err(Failed::Io)?.len();
    options.check_file_len(len).map_err(Failed::Core)?;
    let cap = (options.max_file_bytes as u64).saturating_add(1);
    let mut bytes = Vec::with_capacity(usize::try_from(len.min(cap)).unwrap_or(0));
    file.take(cap).read_to_end(&mut bytes).map_err(Failed::Io)?;
    Ok(bytes)
}

/// What can go wrong with a file, before it becomes a Python exception.
enum Failed {
    Io(io::Error),
    Core(Error),
}

/// `kind=` of the file functions: `None`, or `"text"`, `"pdf"`, `"docx"`.
fn kind_arg(py: Python<'_>, kind: Option<&str>) -> PyResult<Option<FileKind>> {
    kind.map(|k| k.parse::<FileKind>().map_err(|e| core_err(py, e)))
        .transpose()
}

/// File contents from `bytes` or `bytearray`.
fn bytes_arg(data: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    if let Ok(b) = data.cast::<PyBytes>() {
        return Ok(b.as_bytes().to_vec());
    }
    if let Ok(b) = data.cast::<PyByteArray>() {
        return Ok(b.to_vec());
    }
    let hint = if data.is_instance_of::<PyString>() {
        " (for text, use analyze())"
    } else {
        ""
    };
    Err(PyTypeError::new_err(format!(
        "file contents must be bytes or bytearray, not {}{hint}",
        data.get_type().name()?
    )))
}

/// Run core code with the GIL released; a panic becomes `InternalError`.
fn guarded<T: Send>(py: Python<'_>, f: impl FnOnce() -> T + Send) -> PyResult<T> {
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

/// Resume text from `str` or UTF-8 `bytes` (core validates the bytes).
fn text_arg(arg: &Bound<'_, PyAny>) -> PyResult<String> {
    let py = arg.py();
    if let Ok(s) = arg.cast::<PyString>() {
        return match s.to_str() {
            Ok(s) => Ok(s.to_string()),
            Err(e) => Err(exception(
                py,
                "InputError",
                format!("text is not valid Unicode (it cannot be encoded as UTF-8): {e}"),
                &[],
            )),
        };
    }
    let bytes: Vec<u8> = if let Ok(b) = arg.cast::<PyBytes>() {
        b.as_bytes().to_vec()
    } else if let Ok(b) = arg.cast::<PyByteArray>() {
        b.to_vec()
    } else {
        return Err(PyTypeError::new_err(format!(
            "resume text must be str or bytes, not {}",
            arg.get_type().name()?
        )));
    };
    String::from_utf8(bytes)
        .map_err(|e| core_err(py, atscore::text_from_bytes(e.as_bytes()).unwrap_err()))
}

// ---------------------------------------------------------------------------
// Role
// ---------------------------------------------------------------------------

/// A role: keywords in tiers (must-have, bonus, overused).
#[pyclass(frozen, eq, module = "atscore._native", name = "Role")]
#[derive(Clone, PartialEq)]
struct PyRole(Role);

#[pymethods]
impl PyRole {
    /// A built-in role by name (see `atscore.roles()`).
    #[staticmethod]
    fn builtin(py: Python<'_>, name: &str) -> PyResult<Self> {
        Role::builtin(name).map(PyRole).map_err(|e| core_err(py, e))
    }

    /// Parse and validate a role file in JSON.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &str) -> PyResult<Self> {
        Role::from_json(text)
            .map(PyRole)
            .map_err(|e| core_err(py, e))
    }

    /// Parse and validate a role file in TOML.
    #[staticmethod]
    fn from_toml(py: Python<'_>, text: &str) -> PyResult<Self> {
        Role::from_toml(text)
            .map(PyRole)
            .map_err(|e| core_err(py, e))
    }

    /// The role a job description asks for: its skills, tiered from the
    /// posting's cues and sections, in the posting's own wording.
    #[staticmethod]
    fn from_job_description(py: Python<'_>, text: &str) -> PyResult<Self> {
        Role::from_job_description(text)
            .map(PyRole)
            .map_err(|e| core_err(py, e))
    }

    /// A role from a dict in the role-file shape (`name`, `must_have`, ...).
    #[staticmethod]
    fn from_dict(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<Self> {
        if !data.is_instance_of::<PyDict>() {
            return Err(PyTypeError::new_err(format!(
                "role must be a dict, not {}",
                data.get_type().name()?
            )));
        }
        let json = from_py(data)?;
        Role::from_json(&json)
            .map(PyRole)
            .map_err(|e| core_err(py, e))
    }

    /// The role file as pretty JSON.
    fn to_json(&self) -> String {
        self.0.to_json()
    }

    /// The role file as TOML (a template for custom roles).
    fn to_toml(&self) -> String {
        self.0.to_toml()
    }

    /// The role file as a dict (`Role.from_dict(role.to_dict()) == role`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_fn(py, &JSON_LOADS, "loads")?.call1((self.0.to_json(),))
    }

    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }

    #[getter]
    fn title(&self) -> Option<&str> {
        self.0.title.as_deref()
    }

    #[getter]
    fn description(&self) -> Option<&str> {
        self.0.description.as_deref()
    }

    #[getter]
    fn sources(&self) -> Vec<String> {
        self.0.sources.clone()
    }

    /// Terms of the must-have keywords, in role order.
    #[getter]
    fn must_have(&self) -> Vec<&str> {
        self.terms(Tier::MustHave)
    }

    /// Terms of the bonus keywords, in role order.
    #[getter]
    fn bonus(&self) -> Vec<&str> {
        self.terms(Tier::Bonus)
    }

    /// Terms of the overused keywords, in role order.
    #[getter]
    fn overused(&self) -> Vec<&str> {
        self.terms(Tier::Overused)
    }

    fn __repr__(&self) -> String {
        format!(
            "Role(name={:?}, keywords={})",
            self.0.name,
            self.0.keywords.len()
        )
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let f = py.import("atscore._native")?.getattr("_role_from_json")?;
        let args = PyTuple::new(py, [self.0.to_json()])?;
        PyTuple::new(py, [f, args.into_any()])
    }
}

impl PyRole {
    fn terms(&self, tier: Tier) -> Vec<&str> {
        self.0
            .keywords
            .iter()
            .filter(|k| k.tier == tier)
            .map(|k| k.term.as_str())
            .collect()
    }
}

#[pyfunction]
fn _role_from_json(py: Python<'_>, text: &str) -> PyResult<PyRole> {
    PyRole::from_json(py, text)
}

// ---------------------------------------------------------------------------
// Analyzer
// ---------------------------------------------------------------------------

/// A role compiled once with its options; analyze as many resumes as you like.
#[pyclass(frozen, module = "atscore._native", name = "Analyzer")]
struct Analyzer {
    matcher: Matcher,
}

fn role_arg(py: Python<'_>, role: Option<&Bound<'_, PyAny>>) -> PyResult<Role> {
    let Some(role) = role else {
        return Role::builtin(DEFAULT_ROLE).map_err(|e| core_err(py, e));
    };
    if let Ok(r) = role.cast::<PyRole>() {
        return Ok(r.get().0.clone());
    }
    if let Ok(name) = role.cast::<PyString>() {
        return Role::find(name.to_str()?).map_err(|e| core_err(py, e));
    }
    if role.is_instance_of::<PyDict>() {
        return Ok(PyRole::from_dict(py, role)?.0);
    }
    Err(PyTypeError::new_err(format!(
        "role must be a built-in role name, a Role or a dict, not {}",
        role.get_type().name()?
    )))
}

/// Options that core's serde rejects (unknown name, wrong type); the position
/// serde names is in our own JSON, so it is left out.
fn options_err(py: Python<'_>, e: &serde_json::Error) -> PyErr {
    let msg = e.to_string();
    let msg = msg
        .rsplit_once(" at line ")
        .map_or(msg.as_str(), |(m, _)| m);
    exception(py, "OptionsError", format!("invalid options: {msg}"), &[])
}

const DEFAULT_ROLE: &str = "backend-developer";

fn options_arg(py: Python<'_>, options: Option<&Bound<'_, PyDict>>) -> PyResult<Options> {
    let Some(options) = options else {
        return Ok(Options::default());
    };
    let json = from_py(options.as_any())
        .map_err(|e| exception(py, "OptionsError", format!("invalid options: {e}"), &[]))?;
    serde_json::from_str::<Options>(&json).map_err(|e| options_err(py, &e))
}

fn build(py: Python<'_>, role: Role, options: Options) -> PyResult<Analyzer> {
    let matcher = guarded(py, move || {
        MatcherBuilder::with_options(options).build(role)
    })?
    .map_err(|e| core_err(py, e))?;
    Ok(Analyzer { matcher })
}

impl Analyzer {
    /// Analyze a file's bytes (or, with `path`, read the file first) with
    /// the GIL released; spans in code points of the text they point into.
    fn run_file(
        &self,
        py: Python<'_>,
        source: FileSource,
        kind: Option<FileKind>,
    ) -> PyResult<Report> {
        let m = &self.matcher;
        let path = match &source {
            FileSource::Path(_, obj) => Some(obj.clone_ref(py)),
            FileSource::Bytes(_) => None,
        };
        let input = match source {
            FileSource::Path(path, _) => Err(path),
            FileSource::Bytes(bytes) => Ok(bytes),
        };
        let result = guarded(py, move || {
            let bytes = match input {
                Ok(bytes) => bytes,
                Err(path) => read_file(&path, &m.options().file)?,
            };
            let mut report = m.analyze_file(&bytes, kind).map_err(Failed::Core)?;
            // the extracted text of a PDF or DOCX, else the bytes (UTF-8, as core checked)
            let text = report
                .analyzed_text(&bytes)
                .map_err(Failed::Core)?
                .to_owned();
            report.convert_offsets(&text, OffsetEncoding::CodePoint);
            Ok(Report { report, text })
        })?;
        result.map_err(|e| match (e, path) {
            (Failed::Io(e), Some(obj)) => io_err(&e, obj.bind(py)),
            (Failed::Io(e), None) => PyErr::from(e),
            (Failed::Core(e), _) => core_err(py, e),
        })
    }

    fn run(&self, py: Python<'_>, text: String) -> PyResult<Report> {
        let m = &self.matcher;
        let (result, text) = guarded(py, move || {
            let r = m.analyze(&text).map(|mut r| {
                r.convert_offsets(&text, OffsetEncoding::CodePoint);
                r
            });
            (r, text)
        })?;
        let report = result.map_err(|e| core_err(py, e))?;
        Ok(Report { report, text })
    }
}

/// Where a file comes from: its bytes, or a path (with the Python object
/// given, for `OSError.filename`).
enum FileSource {
    Bytes(Vec<u8>),
    Path(PathBuf, Py<PyAny>),
}

/// `path` as `str` or `os.PathLike`.
fn path_arg(path: &Bound<'_, PyAny>) -> PyResult<FileSource> {
    Ok(FileSource::Path(
        path.extract::<PathBuf>()?,
        path.clone().unbind(),
    ))
}

#[pymethods]
impl Analyzer {
    #[new]
    #[pyo3(signature = (role = None, **options))]
    fn new(
        py: Python<'_>,
        role: Option<&Bound<'_, PyAny>>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Self> {
        build(py, role_arg(py, role)?, options_arg(py, options)?)
    }

    /// Analyze one resume (`str`, or `bytes` of UTF-8 text).
    fn analyze(&self, py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Report> {
        self.run(py, text_arg(text)?)
    }

    /// Analyze a resume file: a PDF, a DOCX or UTF-8 text, told by its
    /// content (or `kind`: "text", "pdf", "docx"). `path` is a `str` or
    /// `os.PathLike`; its size is checked against the `file` options before
    /// it is read. Spans point into `Report.text`, the text an ATS would
    /// extract. Raises `FileError` for damaged, encrypted, unsupported or
    /// too large files, `OSError` when the file cannot be opened.
    #[pyo3(signature = (path, kind = None))]
    fn analyze_file(
        &self,
        py: Python<'_>,
        path: &Bound<'_, PyAny>,
        kind: Option<&str>,
    ) -> PyResult<Report> {
        let kind = kind_arg(py, kind)?;
        self.run_file(py, path_arg(path)?, kind)
    }

    /// Analyze the contents of a resume file (`bytes`): the same as
    /// `analyze_file` on a file holding them.
    #[pyo3(signature = (data, kind = None))]
    fn analyze_bytes(
        &self,
        py: Python<'_>,
        data: &Bound<'_, PyAny>,
        kind: Option<&str>,
    ) -> PyResult<Report> {
        let kind = kind_arg(py, kind)?;
        self.run_file(py, FileSource::Bytes(bytes_arg(data)?), kind)
    }

    /// Analyze many resumes on all cores with the GIL released; reports in input order.
    fn analyze_many(&self, py: Python<'_>, texts: &Bound<'_, PyAny>) -> PyResult<Vec<Report>> {
        if texts.is_instance_of::<PyString>() || texts.is_instance_of::<PyBytes>() {
            return Err(PyTypeError::new_err(
                "analyze_many takes an iterable of texts, not one text; use analyze()",
            ));
        }
        let mut owned = Vec::new();
        for (i, t) in texts.try_iter()?.enumerate() {
            owned.push(text_arg(&t?).map_err(|e| with_index(py, e, i))?);
        }
        let m = &self.matcher;
        let results = guarded(py, move || {
            let reports = m.analyze_many(&owned);
            reports
                .into_iter()
                .zip(owned)
                .map(|(r, text)| {
                    r.map(|mut report| {
                        report.convert_offsets(&text, OffsetEncoding::CodePoint);
                        Report { report, text }
                    })
                })
                .collect::<Vec<_>>()
        })?;
        results
            .into_iter()
            .enumerate()
            .map(|(i, r)| r.map_err(|e| with_index(py, core_err(py, e), i)))
            .collect()
    }

    /// The compiled role.
    #[getter]
    fn role(&self) -> PyRole {
        PyRole(self.matcher.role().clone())
    }

    /// The options, as a dict (every option, defaults included).
    #[getter]
    fn options<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, self.matcher.options())
    }

    fn __repr__(&self) -> String {
        format!("Analyzer(role={:?})", self.matcher.role().name)
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let f = py
            .import("atscore._native")?
            .getattr("_analyzer_from_json")?;
        let options = serde_json::to_string(self.matcher.options())
            .map_err(|e| internal(py, &e.to_string()))?;
        let args = PyTuple::new(py, [self.matcher.role().to_json(), options])?;
        PyTuple::new(py, [f, args.into_any()])
    }
}

/// Name which input failed in a batch: message prefix and `index` attribute.
fn with_index(py: Python<'_>, err: PyErr, index: usize) -> PyErr {
    let value = err.value(py);
    let message = format!("texts[{index}]: {value}");
    let _ = value.setattr("index", index);
    let _ = value.setattr("args", PyTuple::new(py, [message]).ok());
    err
}

#[pyfunction]
fn _analyzer_from_json(py: Python<'_>, role_json: &str, options_json: &str) -> PyResult<Analyzer> {
    let role = Role::from_json(role_json).map_err(|e| core_err(py, e))?;
    let options = serde_json::from_str::<Options>(options_json).map_err(|e| options_err(py, &e))?;
    build(py, role, options)
}

// ---------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------

/// The analysis of one resume. Spans are code-point offsets into `text`.
#[pyclass(frozen, module = "atscore._native", name = "Report")]
struct Report {
    report: atscore::Report,
    text: String,
}

/// One hit with the keyword it belongs to (for `Report.hits`).
#[derive(Serialize)]
struct Hit<'a> {
    keyword: &'a str,
    tier: Tier,
    #[serde(flatten)]
    hit: &'a atscore::KeywordHit,
}

#[pymethods]
impl Report {
    /// 0 to 100.
    #[getter]
    fn score(&self) -> u32 {
        self.report.score
    }

    /// The analyzed text (spans index it): for a PDF or DOCX, the text
    /// extracted from it (`file["text"]`).
    #[getter]
    fn text(&self) -> &str {
        &self.text
    }

    #[getter]
    fn schema_version(&self) -> u32 {
        self.report.schema_version
    }

    /// Units of the spans: always `"code_point"` in Python.
    #[getter]
    fn offsets<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.report.offsets)
    }

    #[getter]
    fn role<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.report.role)
    }

    #[getter]
    fn score_breakdown<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.report.score_breakdown)
    }

    #[getter]
    fn must_have<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.report.must_have)
    }

    #[getter]
    fn bonus<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.report.bonus)
    }

    #[getter]
    fn overused<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.report.overused)
    }

    #[getter]
    fn keywords<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.report.keywords)
    }

    /// Every keyword hit, with its keyword and tier, in role order.
    #[getter]
    fn hits<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let hits: Vec<Hit<'_>> = self
            .report
            .keywords
            .iter()
            .flat_map(|k| {
                k.hits.iter().map(move |hit| Hit {
                    keyword: &k.term,
                    tier: k.tier,
                    hit,
                })
            })
            .collect();
        to_py(py, &hits)
    }

    /// Terms of the must-have keywords not found, in role order.
    #[getter]
    fn missing(&self) -> Vec<&str> {
        self.report
            .missing(Tier::MustHave)
            .map(|k| k.term.as_str())
            .collect()
    }

    /// Terms of the bonus keywords not found, in role order.
    #[getter]
    fn missing_bonus(&self) -> Vec<&str> {
        self.report
            .missing(Tier::Bonus)
            .map(|k| k.term.as_str())
            .collect()
    }

    #[getter]
    fn flags<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.report.flags)
    }

    #[getter]
    fn achievements<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.report.achievements)
    }

    #[getter]
    fn document<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.report.document)
    }

    #[getter]
    fn suggestions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.report.suggestions)
    }

    /// Whether an ATS can read the resume: layout, headings, contact
    /// details, dates, length; problems first. Not part of the score.
    #[getter]
    fn readability<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.report.readability)
    }

    /// For a PDF or DOCX: the extraction (kind, text, pages, regions from
    /// tables, text boxes, headers and footers, columns, images); `None` for text.
    #[getter]
    fn file<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.report.file)
    }

    /// The result for one keyword, by its term as written in the role.
    fn keyword<'py>(&self, py: Python<'py>, term: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.report.keyword(term).map(|k| to_py(py, k)).transpose()
    }

    /// The whole report as a dict (the shape of `to_json()`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.report)
    }

    /// Compact JSON, byte for byte the core's (CLI: `--format json --offsets codepoint`).
    fn to_json(&self) -> String {
        self.report.to_json()
    }

    /// The report as an HTML fragment with the resume highlighted (escaped).
    fn to_html(&self) -> String {
        atscore::render_html(&self.report, Some(&self.text))
    }

    fn _repr_html_(&self) -> String {
        self.to_html()
    }

    fn __repr__(&self) -> String {
        format!(
            "<Report score={}/100 role={:?} missing={:?}>",
            self.report.score,
            self.report.role.name,
            self.missing()
        )
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let f = py.import("atscore._native")?.getattr("_report_from_json")?;
        let args = PyTuple::new(py, [self.report.to_json(), self.text.clone()])?;
        PyTuple::new(py, [f, args.into_any()])
    }
}

#[pyfunction]
fn _report_from_json(py: Python<'_>, json: &str, text: String) -> PyResult<Report> {
    let report = serde_json::from_str::<atscore::Report>(json)
        .map_err(|e| exception(py, "AtscoreError", format!("not a report: {e}"), &[]))?;
    Ok(Report { report, text })
}

// ---------------------------------------------------------------------------
// Module
// ---------------------------------------------------------------------------

/// Analyze one resume against a role (a built-in name, a `Role` or a dict).
#[pyfunction]
#[pyo3(signature = (resume, role = None, **options))]
fn analyze(
    py: Python<'_>,
    resume: &Bound<'_, PyAny>,
    role: Option<&Bound<'_, PyAny>>,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<Report> {
    let text = text_arg(resume)?;
    build(py, role_arg(py, role)?, options_arg(py, options)?)?.run(py, text)
}

/// Analyze a resume file (PDF, DOCX or UTF-8 text, told by its content or
/// by `kind`) against a role. `options` is a dict of analyzer options.
#[pyfunction]
#[pyo3(signature = (path, role = None, *, options = None, kind = None))]
fn analyze_file(
    py: Python<'_>,
    path: &Bound<'_, PyAny>,
    role: Option<&Bound<'_, PyAny>>,
    options: Option<&Bound<'_, PyDict>>,
    kind: Option<&str>,
) -> PyResult<Report> {
    let kind = kind_arg(py, kind)?;
    let source = path_arg(path)?;
    build(py, role_arg(py, role)?, options_arg(py, options)?)?.run_file(py, source, kind)
}

/// Analyze the contents of a resume file (`bytes`) against a role: the same
/// as `analyze_file` on a file holding them.
#[pyfunction]
#[pyo3(signature = (data, role = None, *, options = None, kind = None))]
fn analyze_bytes(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    role: Option<&Bound<'_, PyAny>>,
    options: Option<&Bound<'_, PyDict>>,
    kind: Option<&str>,
) -> PyResult<Report> {
    let kind = kind_arg(py, kind)?;
    let bytes = bytes_arg(data)?;
    build(py, role_arg(py, role)?, options_arg(py, options)?)?.run_file(
        py,
        FileSource::Bytes(bytes),
        kind,
    )
}

/// Names of the built-in roles.
#[pyfunction]
fn roles(py: Python<'_>) -> PyResult<Bound<'_, PyList>> {
    PyList::new(py, Role::builtin_names())
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyRole>()?;
    m.add_class::<Analyzer>()?;
    m.add_class::<Report>()?;
    m.add_function(wrap_pyfunction!(analyze, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_file, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(roles, m)?)?;
    m.add_function(wrap_pyfunction!(_role_from_json, m)?)?;
    m.add_function(wrap_pyfunction!(_analyzer_from_json, m)?)?;
    m.add_function(wrap_pyfunction!(_report_from_json, m)?)?;
    m.add("DEFAULT_ROLE", DEFAULT_ROLE)?;
    Ok(())
}

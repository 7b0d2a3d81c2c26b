//! Python bindings of atscore (`atscore._native`).
//!
//! A thin layer: every rule lives in the `atscore` core crate. This module
//! converts arguments in, reports and errors out:
//!
//! * reports carry **code-point** offsets (`text[start:end]` is the hit), made
//!   by core's [`Report::convert_offsets`]; `Report.to_json()` is core's
//!   `to_json()` of that report, so its bytes equal the CLI's with
//!   `--offsets codepoint`;
//! * Python objects are built from core's serde output, never field by
//!   field: a serde `Serializer` (`PySer`) makes the very values
//!   `json.loads` would make of the JSON core writes, without the text
//!   (`Report.spans()` alone makes tuples of a hit's term and span, its
//!   documented shape);
//! * core errors become the exception classes of `atscore._errors`, with the
//!   culprit (keyword, field, option, byte offset) as attributes;
//! * core calls run with the GIL released and inside `catch_unwind`, so a
//!   panic surfaces as `atscore.InternalError`, never as a crash;
//! * files (PDF, DOCX, text) go to core's `Matcher::analyze_file`; a file is
//!   read here only after its size passed core's `FileOptions::check_file_len`,
//!   and a file report's spans point into the extracted text (`Report.text`).
//! * job postings (`extract`, `jd=`) go to core's `posting::read` (text) or
//!   `posting::read_bytes` (a file's bytes), then `Posting::role`; the
//!   posting's warnings become `atscore.PostingWarning`s.
//! * the role library: `roles(search=...)` is core's `library::search`
//!   (`library::names` with `all=True`), `suggest_roles` is
//!   `library::suggest` (text) or `library::suggest_file` (a file's bytes);
//!   their results wrap core's `RoleHit` and `RoleFit`, and
//!   `roles_to_json`/`fits_to_json` are core's `library::to_json` and
//!   `library::fits_to_json`. A role given by name goes to `Role::find`,
//!   which resolves job titles too.

use std::io::{self, Read};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, TryLockError};

use atscore::file::{FileKind, FileOptions};
use atscore::library::{self, RoleFit, RoleHit};
use atscore::{Error, Matcher, MatcherBuilder, OffsetEncoding, Options, Role, Tier};
use pyo3::IntoPyObjectExt;
use pyo3::exceptions::{PyOSError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{
    PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyList, PyMemoryView, PyString, PyTuple,
};
use rustc_hash::FxHashMap;
use serde::{Serialize, ser};

/// mimalloc for every Rust allocation of the extension (core's analysis on
/// the worker threads, and freeing reports on the Python thread): about a
/// fifth faster `analyze_many` than glibc's malloc on the corpus. Python's
/// own objects keep Python's allocator.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

// ---------------------------------------------------------------------------
// Conversions: serde -> Python objects, core errors -> exceptions
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

/// Serialize with serde (the core's field names and order) straight into
/// Python objects: the values `json.loads` makes of serde_json's text (see
/// [`PySer`]), without writing and parsing the text.
fn to_py<'py, T: Serialize + ?Sized>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    let mut ser = PySer {
        py,
        // never wait for the key cache: its holder may be this very thread (a
        // `__del__` run by the garbage collector amid a conversion) or a
        // thread that let go of the GIL; without it, keys are made afresh
        keys: match KEYS.try_lock() {
            Ok(keys) => Some(keys),
            Err(TryLockError::Poisoned(keys)) => Some(keys.into_inner()),
            Err(TryLockError::WouldBlock) => None,
        },
    };
    value.serialize(&mut ser).map_err(|e| match e {
        SerError::Py(e) => e,
        SerError::Serde(message) => internal(py, &message),
    })
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
// Serde -> Python objects, as json.loads would make them from serde_json
// ---------------------------------------------------------------------------

/// Dict keys made once, shared by every dict built after: struct field and
/// enum variant names (static: found by address, no hashing of text) and
/// short map keys (found by content). At most `KEYS_MAX` of each, so that
/// maps keyed by data cannot grow it without end.
static KEYS: Mutex<Option<KeyCache>> = Mutex::new(None);
const KEYS_MAX: usize = 4096;
const KEY_MAX_LEN: usize = 64;

#[derive(Default)]
struct KeyCache {
    /// By the address and length of a `&'static str`.
    names: FxHashMap<(usize, usize), Py<PyString>>,
    /// By content.
    keys: FxHashMap<Box<str>, Py<PyString>>,
}

/// A serde `Serializer` whose output is the Python object `json.loads` gives
/// for the text `serde_json::to_string` writes, with the same types and
/// values, built directly:
///
/// * struct and map → `dict` (entries in serde's order; skipped fields
///   absent; a repeated key keeps its first place and its last value);
/// * sequence, tuple, tuple struct → `list`; bytes → `list` of `int`;
/// * unit variant → its name; newtype, tuple and struct variants → a dict of
///   one key, the variant name;
/// * `None`, unit, unit struct → `None`; `Some(x)` and newtype struct → `x`;
/// * integers → `int`; `f64` → `float`, `f32` → the `float` its shortest
///   decimal reads as (serde_json writes that decimal); a non-finite float
///   → `None` (serde_json writes `null`);
/// * map keys → `str`, as serde_json writes them (numbers and booleans as
///   their JSON text; other keys are refused, as serde_json refuses them).
///
/// The unit tests at the end of this file hold it to `json.loads`.
struct PySer<'py> {
    py: Python<'py>,
    /// The shared key cache, or `None` when another thread holds it.
    keys: Option<MutexGuard<'static, Option<KeyCache>>>,
}

impl<'py> PySer<'py> {
    fn cache(&mut self) -> Option<&mut KeyCache> {
        let cache = self.keys.as_deref_mut()?;
        Some(cache.get_or_insert_with(KeyCache::default))
    }

    /// A struct field or enum variant name as a Python string.
    fn name(&mut self, s: &'static str) -> Bound<'py, PyAny> {
        let py = self.py;
        let Some(KeyCache { names, .. }) = self.cache() else {
            return PyString::new(py, s).into_any();
        };
        let at = (s.as_ptr() as usize, s.len());
        if let Some(k) = names.get(&at) {
            return k.bind(py).clone().into_any();
        }
        let k = PyString::new(py, s);
        if names.len() < KEYS_MAX {
            names.insert(at, k.clone().unbind());
        }
        k.into_any()
    }

    /// A map key as a Python string.
    fn key(&mut self, s: &str) -> Bound<'py, PyAny> {
        let py = self.py;
        let Some(KeyCache { keys, .. }) = self.cache() else {
            return PyString::new(py, s).into_any();
        };
        if let Some(k) = keys.get(s) {
            return k.bind(py).clone().into_any();
        }
        let k = PyString::new(py, s);
        if keys.len() < KEYS_MAX && s.len() <= KEY_MAX_LEN {
            keys.insert(s.into(), k.clone().unbind());
        }
        k.into_any()
    }

    /// `{variant: value}`, serde_json's externally tagged variant.
    fn tagged(
        &mut self,
        variant: Option<&'static str>,
        value: Bound<'py, PyAny>,
    ) -> SerResult<'py> {
        let Some(variant) = variant else {
            return Ok(value);
        };
        let dict = PyDict::new(self.py);
        dict.set_item(self.name(variant), value)?;
        Ok(dict.into_any())
    }

    fn int(&mut self, v: impl IntoPyObject<'py>) -> SerResult<'py> {
        Ok(v.into_bound_py_any(self.py)?)
    }

    /// `None` for what JSON cannot hold (serde_json writes `null`).
    fn float(&mut self, v: f64) -> SerResult<'py> {
        Ok(if v.is_finite() {
            PyFloat::new(self.py, v).into_any()
        } else {
            self.py.None().into_bound(self.py)
        })
    }

    /// An f32 as the f64 its shortest decimal reads as: serde_json writes
    /// that decimal, and `Display` gives the same digits.
    fn float32(&mut self, v: f32) -> SerResult<'py> {
        self.float(v.to_string().parse().unwrap_or(f64::NAN))
    }
}

/// A Python error, or serde's own (a `Serialize` impl failing, a key that
/// is not a string): the latter is an internal error, as it was in serde_json.
#[derive(Debug)]
enum SerError {
    Py(PyErr),
    Serde(String),
}

impl std::fmt::Display for SerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SerError::Py(e) => e.fmt(f),
            SerError::Serde(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for SerError {}

impl ser::Error for SerError {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        SerError::Serde(msg.to_string())
    }
}

impl From<PyErr> for SerError {
    fn from(e: PyErr) -> Self {
        SerError::Py(e)
    }
}

type SerResult<'py> = Result<Bound<'py, PyAny>, SerError>;

/// Serializer methods of one value that go to `self.$via(v)` (`$via` of
/// `PySer` itself, or of the key serializer).
macro_rules! forward {
    ($via:ident: $($method:ident($t:ty)),* $(,)?) => {
        $(fn $method(self, v: $t) -> SerResult<'py> {
            self.$via(v)
        })*
    };
}

impl<'a, 'py> ser::Serializer for &'a mut PySer<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = SerError;
    type SerializeSeq = PySeq<'a, 'py>;
    type SerializeTuple = PySeq<'a, 'py>;
    type SerializeTupleStruct = PySeq<'a, 'py>;
    type SerializeTupleVariant = PySeq<'a, 'py>;
    type SerializeMap = PyMap<'a, 'py>;
    type SerializeStruct = PyMap<'a, 'py>;
    type SerializeStructVariant = PyMap<'a, 'py>;

    forward!(int: serialize_i8(i8), serialize_i16(i16), serialize_i32(i32), serialize_i64(i64),
        serialize_i128(i128), serialize_u8(u8), serialize_u16(u16), serialize_u32(u32),
        serialize_u64(u64), serialize_u128(u128));
    forward!(float: serialize_f64(f64));
    forward!(float32: serialize_f32(f32));

    fn serialize_bool(self, v: bool) -> SerResult<'py> {
        Ok(PyBool::new(self.py, v).to_owned().into_any())
    }
    fn serialize_char(self, v: char) -> SerResult<'py> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> SerResult<'py> {
        Ok(PyString::new(self.py, v).into_any())
    }
    fn serialize_bytes(self, v: &[u8]) -> SerResult<'py> {
        Ok(PyList::new(self.py, v)?.into_any())
    }
    fn serialize_none(self) -> SerResult<'py> {
        Ok(self.py.None().into_bound(self.py))
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> SerResult<'py> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> SerResult<'py> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _: &'static str) -> SerResult<'py> {
        self.serialize_none()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> SerResult<'py> {
        Ok(self.name(variant))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> SerResult<'py> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> SerResult<'py> {
        let value = value.serialize(&mut *self)?;
        self.tagged(Some(variant), value)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<PySeq<'a, 'py>, SerError> {
        Ok(PySeq {
            items: Vec::with_capacity(len.unwrap_or(0)),
            ser: self,
            variant: None,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<PySeq<'a, 'py>, SerError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        len: usize,
    ) -> Result<PySeq<'a, 'py>, SerError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<PySeq<'a, 'py>, SerError> {
        let seq = self.serialize_seq(Some(len))?;
        Ok(PySeq {
            variant: Some(variant),
            ..seq
        })
    }
    fn serialize_map(self, _: Option<usize>) -> Result<PyMap<'a, 'py>, SerError> {
        Ok(PyMap {
            dict: PyDict::new(self.py),
            ser: self,
            key: None,
            variant: None,
        })
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<PyMap<'a, 'py>, SerError> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<PyMap<'a, 'py>, SerError> {
        let map = self.serialize_map(Some(len))?;
        Ok(PyMap {
            variant: Some(variant),
            ..map
        })
    }
}

/// A list being built (for a tuple variant, then tagged with its name).
struct PySeq<'a, 'py> {
    ser: &'a mut PySer<'py>,
    items: Vec<Bound<'py, PyAny>>,
    variant: Option<&'static str>,
}

macro_rules! seq_impl {
    ($($tr:ident::$method:ident),*) => {$(
        impl<'py> ser::$tr for PySeq<'_, 'py> {
            type Ok = Bound<'py, PyAny>;
            type Error = SerError;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), SerError> {
                self.items.push(value.serialize(&mut *self.ser)?);
                Ok(())
            }
            fn end(self) -> SerResult<'py> {
                let list = PyList::new(self.ser.py, self.items)?.into_any();
                self.ser.tagged(self.variant, list)
            }
        }
    )*};
}

seq_impl!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

/// A dict being built (for a struct variant, then tagged with its name).
struct PyMap<'a, 'py> {
    ser: &'a mut PySer<'py>,
    dict: Bound<'py, PyDict>,
    /// The key given by `serialize_key`, waiting for its value.
    key: Option<Bound<'py, PyAny>>,
    variant: Option<&'static str>,
}

impl<'py> ser::SerializeMap for PyMap<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = SerError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), SerError> {
        self.key = Some(key.serialize(MapKey(&mut *self.ser))?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), SerError> {
        let key = self
            .key
            .take()
            .ok_or_else(|| SerError::Serde("map value without a key".into()))?;
        let value = value.serialize(&mut *self.ser)?;
        Ok(self.dict.set_item(key, value)?)
    }
    fn end(self) -> SerResult<'py> {
        self.ser.tagged(self.variant, self.dict.into_any())
    }
}

macro_rules! struct_impl {
    ($($tr:ident),*) => {$(
        impl<'py> ser::$tr for PyMap<'_, 'py> {
            type Ok = Bound<'py, PyAny>;
            type Error = SerError;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), SerError> {
                let value = value.serialize(&mut *self.ser)?;
                Ok(self.dict.set_item(self.ser.name(key), value)?)
            }
            fn end(self) -> SerResult<'py> {
                self.ser.tagged(self.variant, self.dict.into_any())
            }
        }
    )*};
}

struct_impl!(SerializeStruct, SerializeStructVariant);

/// A map key as serde_json writes it: a string, a number or a boolean as
/// its JSON text, a unit variant as its name; anything else is refused.
struct MapKey<'a, 'py>(&'a mut PySer<'py>);

impl<'py> MapKey<'_, 'py> {
    /// A number or a boolean: serde_json's JSON text of it.
    fn json(self, v: impl Serialize) -> SerResult<'py> {
        let text = serde_json::to_string(&v).map_err(|e| SerError::Serde(e.to_string()))?;
        Ok(self.0.key(&text))
    }

    fn finite(self, v: f64) -> SerResult<'py> {
        if v.is_finite() {
            self.json(v)
        } else {
            Err(SerError::Serde("float key must be finite".into()))
        }
    }

    fn finite32(self, v: f32) -> SerResult<'py> {
        if v.is_finite() {
            self.json(v)
        } else {
            Err(SerError::Serde("float key must be finite".into()))
        }
    }
}

fn not_a_key() -> SerError {
    SerError::Serde("key must be a string".into())
}

/// Serializer methods refused for a map key, as serde_json refuses them.
macro_rules! refuse {
    ($($method:ident($($arg:ty),*) -> $ok:ty;)*) => {
        $(fn $method(self, $(_: $arg),*) -> Result<$ok, SerError> {
            Err(not_a_key())
        })*
    };
}

type NoKey<'py> = ser::Impossible<Bound<'py, PyAny>, SerError>;

impl<'py> ser::Serializer for MapKey<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = SerError;
    type SerializeSeq = NoKey<'py>;
    type SerializeTuple = NoKey<'py>;
    type SerializeTupleStruct = NoKey<'py>;
    type SerializeTupleVariant = NoKey<'py>;
    type SerializeMap = NoKey<'py>;
    type SerializeStruct = NoKey<'py>;
    type SerializeStructVariant = NoKey<'py>;

    forward!(json: serialize_bool(bool), serialize_i8(i8), serialize_i16(i16), serialize_i32(i32),
        serialize_i64(i64), serialize_i128(i128), serialize_u8(u8), serialize_u16(u16),
        serialize_u32(u32), serialize_u64(u64), serialize_u128(u128));
    forward!(finite: serialize_f64(f64));
    forward!(finite32: serialize_f32(f32));

    fn serialize_str(self, v: &str) -> SerResult<'py> {
        Ok(self.0.key(v))
    }
    fn serialize_char(self, v: char) -> SerResult<'py> {
        Ok(self.0.key(v.encode_utf8(&mut [0; 4])))
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> SerResult<'py> {
        Ok(self.0.name(variant))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> SerResult<'py> {
        value.serialize(self)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> SerResult<'py> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> SerResult<'py> {
        Err(not_a_key())
    }
    refuse! {
        serialize_bytes(&[u8]) -> Bound<'py, PyAny>;
        serialize_none() -> Bound<'py, PyAny>;
        serialize_unit() -> Bound<'py, PyAny>;
        serialize_unit_struct(&'static str) -> Bound<'py, PyAny>;
        serialize_seq(Option<usize>) -> NoKey<'py>;
        serialize_tuple(usize) -> NoKey<'py>;
        serialize_tuple_struct(&'static str, usize) -> NoKey<'py>;
        serialize_tuple_variant(&'static str, u32, &'static str, usize) -> NoKey<'py>;
        serialize_map(Option<usize>) -> NoKey<'py>;
        serialize_struct(&'static str, usize) -> NoKey<'py>;
        serialize_struct_variant(&'static str, u32, &'static str, usize) -> NoKey<'py>;
    }
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
    /// A built-in role by name: a hand-kept one (`atscore.roles()`) or one
    /// of the role library (`atscore.roles(search=...)`: `"registered-nurses"`,
    /// `"accountant"`, ...). An unknown name raises `RoleError` whose
    /// `available` holds the closest roles' names.
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

    /// Every keyword in role order, each with all its fields (`evidence`:
    /// the posting line it came from and why it got its tier, for a role
    /// extracted from a job posting; else `None`).
    #[getter]
    fn keywords<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let keywords: Vec<KeywordView<'_>> = self
            .0
            .keywords
            .iter()
            .map(|k| KeywordView {
                term: &k.term,
                tier: k.tier,
                weight: k.weight,
                aliases: &k.aliases,
                acronym: k.acronym.as_deref(),
                any_of: &k.any_of,
                soft: k.soft,
                suggestion: k.suggestion.as_deref(),
                evidence: k.evidence.as_ref(),
            })
            .collect();
        to_py(py, &keywords)
    }

    /// What a job posting asks for beyond keywords (years, education,
    /// certifications, languages, travel, clearance); `{}` for hand-written roles.
    #[getter]
    fn requirements<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0.requirements)
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

/// One keyword of a role, every field present (for `Role.keywords`).
#[derive(Serialize)]
struct KeywordView<'a> {
    term: &'a str,
    tier: Tier,
    weight: f64,
    aliases: &'a [String],
    acronym: Option<&'a str>,
    any_of: &'a [String],
    soft: bool,
    suggestion: Option<&'a str>,
    evidence: Option<&'a atscore::Evidence>,
}

#[pyfunction]
fn _role_from_json(py: Python<'_>, text: &str) -> PyResult<PyRole> {
    PyRole::from_json(py, text)
}

// ---------------------------------------------------------------------------
// Role library
// ---------------------------------------------------------------------------

/// `limit=` as a count: a negative one is refused.
fn limit_arg(limit: Option<isize>, default: usize) -> PyResult<usize> {
    match limit {
        None => Ok(default),
        Some(n) => usize::try_from(n)
            .map_err(|_| PyValueError::new_err(format!("limit must be 0 or more, not {n}"))),
    }
}

/// `source` of a role as core's `&'static str` (for unpickling).
fn role_source(source: &str) -> PyResult<&'static str> {
    match source {
        "hand-kept" => Ok("hand-kept"),
        "onet" => Ok("onet"),
        "esco" => Ok("esco"),
        other => Err(PyValueError::new_err(format!(
            "unknown role source {other:?} (hand-kept, onet or esco)"
        ))),
    }
}

/// A role of the role library found by `atscore.roles(search=...)`: its
/// name (for `role=` and `Role.builtin`), title, source and code, the title
/// the search matched and how well. Compares equal by value and pickles.
///
/// >>> nurse, midwife = atscore.roles(search="registered nurse", limit=2)
/// >>> nurse.name, nurse.title, nurse.source, nurse.code, nurse.matched, nurse.score
/// ('registered-nurses', 'Registered Nurses', 'onet', '29-1141.00', None, 1.0)
/// >>> midwife.name, midwife.matched
/// ('nurse-midwives', 'Registered Nurse Midwife')
/// >>> atscore.analyze("Patient care, IV therapy, BLS.", nurse.name).role["title"]
/// 'Registered Nurses'
#[pyclass(frozen, eq, module = "atscore._native", name = "RoleHit")]
#[derive(Clone, PartialEq)]
struct PyRoleHit(RoleHit);

#[pymethods]
impl PyRoleHit {
    /// The role's name, for `role=`, `Analyzer(...)` and `Role.builtin`.
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }

    /// The role's title ("Registered Nurses").
    #[getter]
    fn title(&self) -> &str {
        &self.0.title
    }

    /// Where the role comes from: `"hand-kept"`, `"onet"` or `"esco"`.
    #[getter]
    fn source(&self) -> &str {
        self.0.source
    }

    /// The occupation's code: O*NET-SOC (`"29-1141.00"`) or the ESCO
    /// identifier; empty for the backend-developer role.
    #[getter]
    fn code(&self) -> &str {
        &self.0.code
    }

    /// The title the search matched, when it is not `title` (an alternate
    /// title: "RN" for Registered Nurses); else `None`.
    #[getter]
    fn matched(&self) -> Option<&str> {
        self.0.matched.as_deref()
    }

    /// How well the role matches the search, 0 to 1 (1: a title written as
    /// asked; 0 for the common roles an empty search gives).
    #[getter]
    fn score(&self) -> f64 {
        self.0.score
    }

    /// The role itself (`Role.builtin(hit.name)`).
    fn role(&self, py: Python<'_>) -> PyResult<PyRole> {
        builtin_role(py, self.0.name.clone())
    }

    /// The hit as a dict: `name`, `title`, `source`, `code`, `matched` (only
    /// when there is one) and `score`, the shape of `to_json()`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0)
    }

    /// Compact JSON of the hit, as an element of `roles_to_json()`.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        serde_json::to_string(&self.0).map_err(|e| internal(py, &e.to_string()))
    }

    fn __repr__(&self) -> String {
        let matched = self
            .0
            .matched
            .as_ref()
            .map(|m| format!(", matched={m:?}"))
            .unwrap_or_default();
        format!(
            "RoleHit(name={:?}, title={:?}, source={:?}{matched}, score={:?})",
            self.0.name, self.0.title, self.0.source, self.0.score
        )
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let f = py.import("atscore._native")?.getattr("_role_hit")?;
        let h = &self.0;
        let args = (
            &h.name,
            &h.title,
            h.source,
            &h.code,
            h.matched.as_deref(),
            h.score,
        )
            .into_pyobject(py)?;
        PyTuple::new(py, [f, args.into_any()])
    }
}

/// A `RoleHit` from its fields (unpickling).
#[pyfunction]
fn _role_hit(
    name: String,
    title: String,
    source: &str,
    code: String,
    matched: Option<String>,
    score: f64,
) -> PyResult<PyRoleHit> {
    Ok(PyRoleHit(RoleHit {
        name,
        title,
        source: role_source(source)?,
        code,
        matched,
        score,
    }))
}

/// A role that fits a resume, from `atscore.suggest_roles`: its name,
/// title, source, how well the resume fits it and the role's keywords the
/// resume has and the role's title it names. Compares equal by value and
/// pickles.
///
/// >>> fit = atscore.suggest_roles("Registered nurse. Patient care, vital signs, infection control.", limit=1)[0]
/// >>> fit.name, fit.title, fit.named, "patient care" in fit.found
/// ('registered-nurses', 'Registered Nurses', 'registered nurse', True)
/// >>> atscore.analyze("Patient care on a surgical ward", fit.role()).role["name"]
/// 'registered-nurses'
#[pyclass(frozen, eq, module = "atscore._native", name = "RoleFit")]
#[derive(Clone, PartialEq)]
struct PyRoleFit(RoleFit);

#[pymethods]
impl PyRoleFit {
    /// The role's name, for `role=`, `Analyzer(...)` and `Role.builtin`.
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }

    /// The role's title.
    #[getter]
    fn title(&self) -> &str {
        &self.0.title
    }

    /// Where the role comes from: `"hand-kept"`, `"onet"` or `"esco"`.
    #[getter]
    fn source(&self) -> &str {
        self.0.source
    }

    /// How well the resume fits the role: higher is better; only for
    /// ordering (not a score out of 100: analyze the resume against the
    /// role for that).
    #[getter]
    fn fit(&self) -> f64 {
        self.0.fit
    }

    /// The role's keywords the resume has (as the role writes them),
    /// must-haves first.
    #[getter]
    fn found(&self) -> Vec<String> {
        self.0.found.clone()
    }

    /// The role's job title the resume names (its words as a search reads
    /// them: "business analyst"), if it names one; else `None`.
    #[getter]
    fn named(&self) -> Option<&str> {
        self.0.named.as_deref()
    }

    /// The role itself (`Role.builtin(fit.name)`).
    fn role(&self, py: Python<'_>) -> PyResult<PyRole> {
        builtin_role(py, self.0.name.clone())
    }

    /// The fit as a dict: `name`, `title`, `source`, `fit`, `found` and
    /// `named` (only when there is one), the shape of `to_json()`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0)
    }

    /// Compact JSON of the fit, as an element of `fits_to_json()`.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        serde_json::to_string(&self.0).map_err(|e| internal(py, &e.to_string()))
    }

    fn __repr__(&self) -> String {
        let named = self
            .0
            .named
            .as_ref()
            .map(|n| format!(", named={n:?}"))
            .unwrap_or_default();
        format!(
            "RoleFit(name={:?}, title={:?}, source={:?}, fit={:?}, found={:?}{named})",
            self.0.name, self.0.title, self.0.source, self.0.fit, self.0.found
        )
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let f = py.import("atscore._native")?.getattr("_role_fit")?;
        let r = &self.0;
        let args = (
            &r.name,
            &r.title,
            r.source,
            r.fit,
            &r.found,
            r.named.as_deref(),
        )
            .into_pyobject(py)?;
        PyTuple::new(py, [f, args.into_any()])
    }
}

/// A `RoleFit` from its fields (unpickling).
#[pyfunction]
fn _role_fit(
    name: String,
    title: String,
    source: &str,
    fit: f64,
    found: Vec<String>,
    named: Option<String>,
) -> PyResult<PyRoleFit> {
    Ok(PyRoleFit(RoleFit {
        name,
        title,
        source: role_source(source)?,
        fit,
        found,
        named,
    }))
}

/// A built-in role by name, built with the GIL released (a library role is
/// made from the library, parsed on first use).
fn builtin_role(py: Python<'_>, name: String) -> PyResult<PyRole> {
    guarded(py, move || Role::builtin(&name))?
        .map(PyRole)
        .map_err(|e| core_err(py, e))
}

/// Items of `items` (an iterable, not a `str`), each a `T` (`RoleHit` or
/// `RoleFit`), as core's values.
fn items_arg<T, U>(
    items: &Bound<'_, PyAny>,
    what: &str,
    value: impl Fn(&T) -> U,
) -> PyResult<Vec<U>>
where
    T: pyo3::PyClass<Frozen = pyo3::pyclass::boolean_struct::True> + Sync,
{
    if items.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!(
            "expected an iterable of {what}, not str"
        )));
    }
    let mut out = Vec::new();
    for item in items.try_iter()? {
        let item = item?;
        let Ok(x) = item.cast::<T>() else {
            return Err(PyTypeError::new_err(format!(
                "expected {what}, not {}",
                item.get_type().name()?
            )));
        };
        out.push(value(x.get()));
    }
    Ok(out)
}

/// Built-in roles.
///
/// Without arguments: the names of the seven hand-kept roles (`list[str]`),
/// as before the role library. With `search`: the `RoleHit`s of the role
/// library (a role for every O*NET and ESCO occupation, the hand-kept ones
/// included) whose job titles best match it (own titles, alternate titles,
/// ESCO's alternative labels; letter case, plurals and a typo per word
/// tolerated), best first, at most `limit` (20 when not given, as `atscore
/// roles --search`); an empty search gives the most common roles. With
/// `all=True`: every role of the library, in library order (at most
/// `limit`). `roles_to_json(hits)` gives the CLI's JSON bytes.
///
/// >>> atscore.roles()[0]
/// 'backend-developer'
/// >>> [h.name for h in atscore.roles(search="registred nurse", limit=2)]
/// ['registered-nurses', 'nurse-midwives']
/// >>> len(atscore.roles(all=True)) > 3800
/// True
#[pyfunction]
#[pyo3(signature = (search = None, limit = None, *, all = false))]
fn roles<'py>(
    py: Python<'py>,
    search: Option<String>,
    limit: Option<isize>,
    all: bool,
) -> PyResult<Bound<'py, PyList>> {
    let hits = match (search, all) {
        (Some(_), true) => {
            return Err(PyTypeError::new_err("give search= or all=True, not both"));
        }
        (None, false) => {
            if limit.is_some() {
                return Err(PyTypeError::new_err(
                    "limit= goes with search= (search=\"\" lists the most common roles) or all=True; \
                     atscore.roles() alone lists the hand-kept role names",
                ));
            }
            return PyList::new(py, Role::builtin_names());
        }
        (Some(query), false) => {
            let limit = limit_arg(limit, library::SEARCH_LIMIT)?;
            guarded(py, move || library::search(&query, limit))?
        }
        (None, true) => {
            let limit = limit_arg(limit, usize::MAX)?;
            guarded(py, move || {
                library::names().map(|all| all.into_iter().take(limit).collect())
            })?
        }
    };
    let hits = hits.map_err(|e| core_err(py, e))?;
    PyList::new(py, hits.into_iter().map(PyRoleHit))
}

/// Found roles (`RoleHit`s, from `roles(search=...)`) as compact JSON, an
/// array of `{name, title, source, code, matched?, score}`: byte for byte
/// what `atscore roles --search TITLE -n LIMIT --format json` prints.
///
/// >>> atscore.roles_to_json(atscore.roles(search="chef", limit=1))[:16]
/// '[{"name":"chef",'
#[pyfunction]
fn roles_to_json(hits: &Bound<'_, PyAny>) -> PyResult<String> {
    let hits = items_arg(hits, "RoleHit", |h: &PyRoleHit| h.0.clone())?;
    Ok(library::to_json(&hits))
}

/// Suggested roles (`RoleFit`s, from `suggest_roles`) as compact JSON, an
/// array of `{name, title, source, fit, found, named?}`: byte for byte what
/// `atscore roles --for RESUME -n LIMIT --format json` prints (and the
/// WebAssembly `suggestRolesJson`).
///
/// >>> atscore.fits_to_json([])
/// '[]'
#[pyfunction]
fn fits_to_json(fits: &Bound<'_, PyAny>) -> PyResult<String> {
    let fits = items_arg(fits, "RoleFit", |f: &PyRoleFit| f.0.clone())?;
    Ok(library::fits_to_json(&fits))
}

/// The roles of the role library a resume fits best, best first, at most
/// `limit` (10 when not given, as `atscore roles --for RESUME`): which
/// built-in roles to analyze it against. A role fits by the keywords that
/// set it apart from other roles (`RoleFit.found`) and by the job titles
/// the resume names (`RoleFit.named`). The first call compiles every
/// keyword of the library (about a second); later calls reuse it.
///
/// `resume` is its text (`str`; a `str` is always text, never a path), a
/// path (`os.PathLike`) or a file's contents (`bytes`, `bytearray`,
/// `memoryview`): a PDF, a DOCX or UTF-8 text, told by its content, read
/// as `analyze_file` reads it. Raises `FileError` for a file that cannot be
/// read, `InputError` for text over the input limit, `OSError` when the
/// file cannot be opened.
///
/// >>> fits = atscore.suggest_roles("Registered nurse: patient care, vital signs, infection control.", limit=3)
/// >>> len(fits), fits[0].name
/// (3, 'registered-nurses')
#[pyfunction]
#[pyo3(signature = (resume, limit = None))]
fn suggest_roles(
    py: Python<'_>,
    resume: &Bound<'_, PyAny>,
    limit: Option<isize>,
) -> PyResult<Vec<PyRoleFit>> {
    let limit = limit_arg(limit, library::SUGGEST_LIMIT)?;
    let source = text_or_file_arg(resume, "resume")?;
    let path = match &source {
        TextOrFile::File(FileSource::Path(_, obj)) => Some(obj.clone_ref(py)),
        _ => None,
    };
    let result = guarded(py, move || match source {
        TextOrFile::Text(text) => library::suggest(&text, limit).map_err(Failed::Core),
        TextOrFile::File(FileSource::Bytes(bytes)) => {
            library::suggest_file(&bytes, limit).map_err(Failed::Core)
        }
        TextOrFile::File(FileSource::Path(path, _)) => {
            let bytes = read_file(&path, &FileOptions::default())?;
            library::suggest_file(&bytes, limit).map_err(Failed::Core)
        }
    })?;
    let fits = result.map_err(|e| match (e, &path) {
        (Failed::Io(e), Some(obj)) => io_err(&e, obj.bind(py)),
        (Failed::Io(e), None) => PyErr::from(e),
        (Failed::Core(e), _) => core_err(py, e),
    })?;
    Ok(fits.into_iter().map(PyRoleFit).collect())
}

// ---------------------------------------------------------------------------
// Job postings
// ---------------------------------------------------------------------------

/// A resume or a job posting as given: text (`str`, always text), a file's
/// contents (`bytes`, `bytearray`, `memoryview`) or a path (`os.PathLike`).
enum TextOrFile {
    Text(String),
    File(FileSource),
}

/// Read `value` as [`TextOrFile`]; `what` ("resume", "job posting") names
/// it in the `TypeError` for anything else.
fn text_or_file_arg(value: &Bound<'_, PyAny>, what: &str) -> PyResult<TextOrFile> {
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
        return Ok(TextOrFile::File(path_arg(value)?));
    }
    Err(PyTypeError::new_err(format!(
        "{what} must be str (its text), bytes of a file or os.PathLike, not {}",
        value.get_type().name()?
    )))
}

/// The role a job posting asks for: core's `posting::read` (text) or
/// `posting::read_bytes` (a PDF, DOCX or UTF-8 text file, told by its
/// content), then `Posting::role`. The posting's warnings ("this looks like
/// a resume") become `atscore.PostingWarning`s and its errors name it, as
/// the CLI prints them: `<path>: ...`, or `job posting: ...` for text and bytes.
fn posting_role(py: Python<'_>, posting: &Bound<'_, PyAny>) -> PyResult<Role> {
    let source = text_or_file_arg(posting, "job posting")?;
    let (subject, path) = match &source {
        TextOrFile::File(FileSource::Path(p, obj)) => {
            (p.display().to_string(), Some(obj.clone_ref(py)))
        }
        _ => ("job posting".to_string(), None),
    };
    let result = guarded(py, move || {
        let posting = match source {
            TextOrFile::Text(text) => atscore::posting::read(&text),
            TextOrFile::File(FileSource::Bytes(bytes)) => atscore::posting::read_bytes(&bytes),
            TextOrFile::File(FileSource::Path(path, _)) => {
                let bytes = read_file(&path, &FileOptions::default())?;
                atscore::posting::read_bytes(&bytes)
            }
        }
        .map_err(Failed::Core)?;
        let role = posting.role();
        Ok((posting.warnings, role))
    })?;
    let named = |e: Error| naming(py, core_err(py, e), &subject);
    let (warnings, role) = result.map_err(|e| match (e, &path) {
        (Failed::Io(e), Some(obj)) => io_err(&e, obj.bind(py)),
        (Failed::Io(e), None) => PyErr::from(e),
        (Failed::Core(e), _) => named(e),
    })?;
    if !warnings.is_empty() {
        let warn = py.import("warnings")?.getattr("warn")?;
        let category = py.import("atscore._errors")?.getattr("PostingWarning")?;
        for w in warnings {
            warn.call1((format!("{subject}: {w}"), &category))?;
        }
    }
    role.map_err(named)
}

/// Name the input an error is about: `"<subject>: <message>"`.
fn naming(py: Python<'_>, err: PyErr, subject: &str) -> PyErr {
    let value = err.value(py);
    let message = format!("{subject}: {value}");
    let _ = value.setattr("args", PyTuple::new(py, [message]).ok());
    err
}

/// The role of `role=` or `jd=` (a job posting), not both.
fn role_or_jd(
    py: Python<'_>,
    role: Option<&Bound<'_, PyAny>>,
    jd: Option<&Bound<'_, PyAny>>,
) -> PyResult<Role> {
    match (role, jd) {
        (Some(_), Some(_)) => Err(PyTypeError::new_err(
            "give role= or jd= (a job posting to extract the role from), not both",
        )),
        (None, Some(jd)) => posting_role(py, jd),
        (role, None) => role_arg(py, role),
    }
}

/// The role a job posting asks for: text (`str`; a `str` is always the
/// posting's text, never a path), a path (`os.PathLike`) or a file's
/// contents (`bytes`, `bytearray`, `memoryview`), the file a PDF, a DOCX or
/// UTF-8 text, told by its content. Its keywords keep the posting's wording
/// and their evidence; `Role.requirements` holds years, education,
/// certifications... What may be wrong with the input ("this looks like a
/// resume") is warned as `atscore.PostingWarning`.
#[pyfunction]
fn extract(py: Python<'_>, posting: &Bound<'_, PyAny>) -> PyResult<PyRole> {
    posting_role(py, posting).map(PyRole)
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
        "role must be a built-in role name or job title, a Role or a dict, not {}",
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
    /// `role`: a built-in role name, a `Role` or a dict; or `jd`: a job
    /// posting (as `extract` takes it) to extract the role from.
    #[new]
    #[pyo3(signature = (role = None, *, jd = None, **options))]
    fn new(
        py: Python<'_>,
        role: Option<&Bound<'_, PyAny>>,
        jd: Option<&Bound<'_, PyAny>>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Self> {
        build(py, role_or_jd(py, role, jd)?, options_arg(py, options)?)
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
            // offsets are converted on the worker that analyzed the text
            let reports = m.analyze_many_with(&owned, |text, r| {
                r.map(|mut report| {
                    report.convert_offsets(text, OffsetEncoding::CodePoint);
                    report
                })
            });
            reports
                .into_iter()
                .zip(owned)
                .map(|(r, text)| r.map(|report| Report { report, text }))
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

    /// `(keyword, start, end)` of each hit of `hits`, in the same order
    /// (role order, then text order): the term as written in the role and
    /// the code-point span, so `text[start:end]` is the hit. With
    /// `counted_only=True`, only the hits an ATS counts (what a keyword's
    /// `count` counts: not typos nor related words).
    #[pyo3(signature = (*, counted_only = false))]
    fn spans<'py>(&self, py: Python<'py>, counted_only: bool) -> PyResult<Bound<'py, PyList>> {
        let mut spans = Vec::new();
        for k in &self.report.keywords {
            let mut term = None;
            for hit in &k.hits {
                if counted_only && !hit.kind.counts() {
                    continue;
                }
                let term = term.get_or_insert_with(|| PyString::new(py, &k.term));
                spans.push((term.clone(), hit.span.start, hit.span.end).into_pyobject(py)?);
            }
        }
        PyList::new(py, spans)
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

    /// Against a role from a job posting: the recruiter checks (title,
    /// years, education, certifications); empty otherwise.
    #[getter]
    fn recruiter<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.report.recruiter)
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

/// Analyze one resume against a role (a built-in name, a `Role` or a dict),
/// or against the role of a job posting (`jd`, as `extract` takes it).
#[pyfunction]
#[pyo3(signature = (resume, role = None, *, jd = None, **options))]
fn analyze(
    py: Python<'_>,
    resume: &Bound<'_, PyAny>,
    role: Option<&Bound<'_, PyAny>>,
    jd: Option<&Bound<'_, PyAny>>,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<Report> {
    let text = text_arg(resume)?;
    build(py, role_or_jd(py, role, jd)?, options_arg(py, options)?)?.run(py, text)
}

/// Analyze a resume file (PDF, DOCX or UTF-8 text, told by its content or
/// by `kind`) against a role or a job posting (`jd`). `options` is a dict
/// of analyzer options.
#[pyfunction]
#[pyo3(signature = (path, role = None, *, jd = None, options = None, kind = None))]
fn analyze_file(
    py: Python<'_>,
    path: &Bound<'_, PyAny>,
    role: Option<&Bound<'_, PyAny>>,
    jd: Option<&Bound<'_, PyAny>>,
    options: Option<&Bound<'_, PyDict>>,
    kind: Option<&str>,
) -> PyResult<Report> {
    let kind = kind_arg(py, kind)?;
    let source = path_arg(path)?;
    build(py, role_or_jd(py, role, jd)?, options_arg(py, options)?)?.run_file(py, source, kind)
}

/// Analyze the contents of a resume file (`bytes`) against a role or a job
/// posting (`jd`): the same as `analyze_file` on a file holding them.
#[pyfunction]
#[pyo3(signature = (data, role = None, *, jd = None, options = None, kind = None))]
fn analyze_bytes(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    role: Option<&Bound<'_, PyAny>>,
    jd: Option<&Bound<'_, PyAny>>,
    options: Option<&Bound<'_, PyDict>>,
    kind: Option<&str>,
) -> PyResult<Report> {
    let kind = kind_arg(py, kind)?;
    let bytes = bytes_arg(data)?;
    build(py, role_or_jd(py, role, jd)?, options_arg(py, options)?)?.run_file(
        py,
        FileSource::Bytes(bytes),
        kind,
    )
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyRole>()?;
    m.add_class::<Analyzer>()?;
    m.add_class::<Report>()?;
    m.add_function(wrap_pyfunction!(analyze, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_file, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_bytes, m)?)?;
    m.add_class::<PyRoleHit>()?;
    m.add_class::<PyRoleFit>()?;
    m.add_function(wrap_pyfunction!(roles, m)?)?;
    m.add_function(wrap_pyfunction!(roles_to_json, m)?)?;
    m.add_function(wrap_pyfunction!(suggest_roles, m)?)?;
    m.add_function(wrap_pyfunction!(fits_to_json, m)?)?;
    m.add_function(wrap_pyfunction!(_role_hit, m)?)?;
    m.add_function(wrap_pyfunction!(_role_fit, m)?)?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(_role_from_json, m)?)?;
    m.add_function(wrap_pyfunction!(_analyzer_from_json, m)?)?;
    m.add_function(wrap_pyfunction!(_report_from_json, m)?)?;
    m.add("DEFAULT_ROLE", DEFAULT_ROLE)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    //! `to_py` against `json.loads` of serde_json's text: the `repr` of both
    //! must be equal (types, key order, float digits).
    use std::collections::BTreeMap;

    use serde::Serialize;

    use super::*;

    fn check<T: Serialize>(value: &T) {
        Python::initialize();
        Python::attach(|py| {
            let json = serde_json::to_string(value).unwrap();
            let expected = json_fn(py, &JSON_LOADS, "loads")
                .unwrap()
                .call1((&json,))
                .unwrap();
            let got = to_py(py, value).unwrap();
            assert_eq!(
                got.repr().unwrap().to_string(),
                expected.repr().unwrap().to_string(),
                "{json}"
            );
            assert!(got.eq(&expected).unwrap(), "{json}");
        });
    }

    fn refused<T: Serialize>(value: &T) {
        assert!(serde_json::to_string(value).is_err());
        Python::initialize();
        Python::attach(|py| assert!(to_py(py, value).is_err()));
    }

    #[derive(Serialize)]
    struct Unit;

    #[derive(Serialize, PartialEq, Eq, PartialOrd, Ord)]
    struct Newtype(u8);

    #[derive(Serialize)]
    struct Pair(i32, &'static str);

    #[derive(Serialize, PartialEq, Eq, PartialOrd, Ord)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        UnitVariant,
        Newtype(u32),
        Tuple(u8, Option<u8>),
        Struct { a: bool, b: Option<String> },
    }

    #[derive(Serialize)]
    struct Inner {
        text: &'static str,
        #[serde(skip_serializing_if = "Option::is_none")]
        via: Option<&'static str>,
    }

    #[derive(Serialize)]
    struct Outer {
        first: &'static str,
        #[serde(flatten)]
        inner: Inner,
        last: f64,
    }

    /// Bytes through `serialize_bytes` (serde_json: a list of numbers).
    struct Bytes(&'static [u8]);

    impl Serialize for Bytes {
        fn serialize<S: ser::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_bytes(self.0)
        }
    }

    /// A map with a repeated key (json.loads keeps its first place, last value).
    struct Repeated;

    impl Serialize for Repeated {
        fn serialize<S: ser::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            use ser::SerializeMap;
            let mut m = s.serialize_map(None)?;
            m.serialize_entry("a", &1)?;
            m.serialize_entry("b", &2)?;
            m.serialize_entry("a", &3)?;
            m.end()
        }
    }

    #[test]
    fn scalars() {
        check(&(true, false, -5i8, -300i16, i32::MIN, i64::MIN, i128::MIN));
        check(&(u8::MAX, u16::MAX, u32::MAX, u64::MAX, u128::MAX));
        check(&('é', "Résumé — naïve 🚀 \u{0}\"quoted\"\n", ""));
        check(&((), Unit, Newtype(7), Pair(-1, "x"), None::<u8>, Some(3u8)));
        check(&Bytes(b"\x00\xff ok"));
    }

    #[test]
    fn floats_read_as_json_loads_reads_them() {
        check(&[
            0.1,
            -0.0,
            1.0,
            3.0,
            1e300,
            5e-324,
            1e16,
            123456.789,
            f64::MAX,
        ]);
        check(&[
            0.1f32,
            1e-7,
            3.4e38,
            f32::MAX,
            f32::MIN_POSITIVE,
            1e-45,
            -2.5,
            16777217.0,
        ]);
        // serde_json writes null for what JSON cannot hold
        check(&[f64::NAN, f64::INFINITY, f64::NEG_INFINITY]);
        check(&[f32::NAN, f32::INFINITY, f32::NEG_INFINITY]);
    }

    #[test]
    fn enums_structs_and_maps() {
        check(&vec![
            Kind::UnitVariant,
            Kind::Newtype(1),
            Kind::Tuple(2, None),
            Kind::Struct { a: true, b: None },
            Kind::Struct {
                a: false,
                b: Some("b".into()),
            },
        ]);
        let outer = |via| Outer {
            first: "1",
            inner: Inner { text: "t", via },
            last: 2.0,
        };
        check(&[outer(None), outer(Some("v"))]);
        check(&Repeated);
        check(&BTreeMap::from([("b", 1), ("a", 2)]));
        check(&BTreeMap::from([(-3i64, "x"), (10, "y")]));
        check(&BTreeMap::from([(u128::MAX, 0)]));
        check(&BTreeMap::from([(true, 0), (false, 1)]));
        check(&BTreeMap::from([('k', 0)]));
        check(&BTreeMap::from([(Kind::UnitVariant, 0)]));
        check(&BTreeMap::from([(Newtype(4), Some(Newtype(5)))]));
        check(&vec![(0.5f64, 1.5f32)]);
        check(&Vec::<u8>::new());
        check(&BTreeMap::<String, u8>::new());
    }

    #[test]
    fn float_map_keys_as_serde_json_writes_them() {
        // BTreeMap needs Ord keys: write the float keys by hand
        struct Keys;
        impl Serialize for Keys {
            fn serialize<S: ser::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                use ser::SerializeMap;
                let mut m = s.serialize_map(Some(4))?;
                m.serialize_entry(&1e16f64, &0)?;
                m.serialize_entry(&0.1f64, &1)?;
                m.serialize_entry(&0.1f32, &2)?;
                m.serialize_entry(&-0.0f64, &3)?;
                m.end()
            }
        }
        check(&Keys);
    }

    #[test]
    fn keys_serde_json_refuses_are_refused() {
        refused(&BTreeMap::from([((1, 2), 0)]));
        refused(&BTreeMap::from([(None::<u8>, 0)]));
        refused(&BTreeMap::from([(Kind::Newtype(1), 0)]));
        struct NanKey;
        impl Serialize for NanKey {
            fn serialize<S: ser::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                use ser::SerializeMap;
                let mut m = s.serialize_map(Some(1))?;
                m.serialize_entry(&f64::NAN, &0)?;
                m.end()
            }
        }
        refused(&NanKey);
    }

    #[test]
    fn a_held_key_cache_is_not_waited_for() {
        let _held = KEYS.lock().unwrap();
        check(&Kind::Struct { a: true, b: None });
    }

    #[test]
    fn core_reports_equal_json_loads_of_their_json() {
        let m = Matcher::new(Role::builtin("backend-developer").unwrap()).unwrap();
        let text = "Jo Doe — jo@example.com\nEXPERIENCE\n- Built REST APIs in Go on AWS, cutting latency 40%\n\
                    - Deployed k8s and Kubernets clusters; team player\nSKILLS\nSQL, Docker, PostgreSQL 🚀\n";
        let mut report = m.analyze(text).unwrap();
        report.convert_offsets(text, OffsetEncoding::CodePoint);
        assert!(
            report
                .keywords
                .iter()
                .any(|k| k.hits.iter().any(|h| !h.kind.counts()))
        );
        check(&report);
        check(m.options());
    }
}

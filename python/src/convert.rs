//! serde → Python objects, the very values `json.loads` makes of the text
//! `serde_json::to_string` writes, built without writing and parsing text;
//! and [`fields!`], the getters of a class that are a core value's fields.
//!
//! Hand-written rather than `pythonize` 0.30: on the corpus (python/bench/
//! convert.py), `pythonize` made `Report.to_dict()` about twice as slow (it
//! makes every dict key afresh; here they are made once), and it differs
//! from `json.loads` for tuples and bytes (`tuple`, `bytes`), `f32` (its
//! exact binary value), non-finite floats (`nan`) and map keys (not made
//! strings, nor refused).

use std::collections::BTreeMap;
use std::fmt;
use std::sync::{Mutex, MutexGuard, TryLockError};

use pyo3::IntoPyObjectExt;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyFloat, PyList, PyString};
use rustc_hash::FxHashMap;
use serde::{Serialize, ser};

use crate::errors::internal;

/// Getters of `$class` (a `#[pymethods]` block of their own), one per
/// field named: the field of `self.$inner` as `$convert` makes it ([`to_py`]
/// for serde's shape, [`into_py`] for a plain value), the field's doc
/// comment its docstring.
macro_rules! fields {
    ($class:ident . $inner:tt, $convert:ident : $($(#[doc = $doc:tt])* $field:ident),* $(,)?) => {
        #[pyo3::pymethods]
        impl $class {
            $($(#[doc = $doc])*
            #[getter]
            fn $field<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                $crate::convert::$convert(py, &self.$inner.$field)
            })*
        }
    };
}

/// A plain value (a string, a number, an option or a list of them) as
/// PyO3 converts it, for [`fields!`].
pub(crate) fn into_py<'py>(
    py: Python<'py>,
    value: impl IntoPyObject<'py>,
) -> PyResult<Bound<'py, PyAny>> {
    value.into_bound_py_any(py)
}

/// `json.<name>`, e.g. `json.loads`.
pub(crate) fn json<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.getattr(name)
}

/// A JSON-like Python object (dict, list, str, number, bool, None) as JSON text.
pub(crate) fn from_py(obj: &Bound<'_, PyAny>) -> PyResult<String> {
    let kwargs = PyDict::new(obj.py());
    kwargs.set_item("allow_nan", false)?;
    json(obj.py(), "dumps")?
        .call((obj,), Some(&kwargs))?
        .extract()
}

/// `value` as compact JSON text (`serde_json::to_string`); a value serde
/// cannot write (not one of ours) raises `InternalError`.
pub(crate) fn to_json<T: Serialize + ?Sized>(value: &T) -> PyResult<String> {
    serde_json::to_string(value).map_err(|e| internal(&e.to_string()))
}

/// Dict keys (struct field and enum variant names, map keys of up to
/// `KEY_MAX_LEN` bytes) made once as Python strings, shared by every dict
/// built after; at most `KEYS_MAX`, so that maps keyed by data cannot grow
/// it without end.
type Names = FxHashMap<Box<str>, Py<PyString>>;
pub(crate) static KEYS: Mutex<Option<Names>> = Mutex::new(None);
const KEYS_MAX: usize = 4096;
const KEY_MAX_LEN: usize = 64;

/// `value` as the Python object `json.loads` gives for the text
/// `serde_json::to_string` writes of it:
///
/// * struct and map → `dict` (entries in serde's order, skipped fields
///   absent, a repeated key in its first place with its last value);
///   sequence, tuple, tuple struct, bytes → `list`;
/// * unit variant → its name; newtype, tuple and struct variants → a dict
///   of one key, the variant name; `None`, unit → `None`; `Some(x)`, newtype → `x`;
/// * `f32` → the `float` of its shortest decimal (what serde_json writes); a
///   non-finite float → `None` (serde_json writes `null`);
/// * map keys → `str` as serde_json writes them (other keys are refused).
///
/// The unit tests below hold it to `json.loads`.
pub(crate) fn to_py<'py, T: Serialize + ?Sized>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    // never wait for the names: their holder may be this very thread (a
    // `__del__` run by the garbage collector amid a conversion) or a thread
    // that let go of the GIL; without them, names are made afresh
    let names = match KEYS.try_lock() {
        Ok(names) => Some(names),
        Err(TryLockError::Poisoned(names)) => Some(names.into_inner()),
        Err(TryLockError::WouldBlock) => None,
    };
    value.serialize(&mut PySer { py, names }).map_err(|e| e.0)
}

struct PySer<'py> {
    py: Python<'py>,
    names: Option<MutexGuard<'static, Option<Names>>>,
}

impl<'py> PySer<'py> {
    /// A dict key (or an enum variant name) as a Python string.
    fn name(&mut self, s: &str) -> Bound<'py, PyAny> {
        let py = self.py;
        let Some(names) = self.names.as_deref_mut() else {
            return PyString::new(py, s).into_any();
        };
        let names = names.get_or_insert_with(Names::default);
        if let Some(k) = names.get(s) {
            return k.bind(py).clone().into_any();
        }
        let k = PyString::new(py, s);
        if names.len() < KEYS_MAX && s.len() <= KEY_MAX_LEN {
            names.insert(s.into(), k.clone().unbind());
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

    fn float(&mut self, v: f64) -> SerResult<'py> {
        Ok(match v.is_finite() {
            true => PyFloat::new(self.py, v).into_any(),
            false => self.py.None().into_bound(self.py),
        })
    }

    /// `Display` of an f32 gives the shortest decimal, as serde_json writes.
    fn float32(&mut self, v: f32) -> SerResult<'py> {
        self.float(v.to_string().parse().unwrap_or(f64::NAN))
    }

    fn list(
        &mut self,
        variant: Option<&'static str>,
        len: usize,
    ) -> SerResult<'py, PySeq<'_, 'py>> {
        let items = Vec::with_capacity(len);
        Ok(PySeq {
            ser: self,
            items,
            variant,
        })
    }

    fn dict(&mut self, variant: Option<&'static str>) -> SerResult<'py, PyMap<'_, 'py>> {
        let dict = PyDict::new(self.py);
        Ok(PyMap {
            ser: self,
            dict,
            key: None,
            variant,
        })
    }
}

/// A map key as serde_json writes it (a string; a number or a boolean as its
/// JSON text; anything else refused): a string as it is, else serde_json's
/// own text of a one-entry map, read back.
fn json_key<K: Serialize + ?Sized>(key: &K) -> Result<String, serde_json::Error> {
    if let Ok(serde_json::Value::String(s)) = serde_json::to_value(key) {
        return Ok(s);
    }
    struct One<'a, K: ?Sized>(&'a K);
    impl<K: Serialize + ?Sized> Serialize for One<'_, K> {
        fn serialize<S: ser::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            use ser::SerializeMap;
            let mut map = s.serialize_map(Some(1))?;
            map.serialize_entry(self.0, &())?;
            map.end()
        }
    }
    let map: BTreeMap<String, ()> = serde_json::from_str(&serde_json::to_string(&One(key))?)?;
    Ok(map.into_keys().next().unwrap_or_default())
}

/// A Python error; serde's own (a `Serialize` impl failing, a key that is
/// not a string) is an internal error, as it was in serde_json.
#[derive(Debug)]
struct SerError(PyErr);

impl fmt::Display for SerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for SerError {}

impl ser::Error for SerError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        SerError(internal(&msg.to_string()))
    }
}

impl From<PyErr> for SerError {
    fn from(e: PyErr) -> Self {
        SerError(e)
    }
}

type SerResult<'py, T = Bound<'py, PyAny>> = Result<T, SerError>;

/// Serializer methods of one value that go to `self.$via(v)`.
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
        serialize_u64(u64), serialize_u128(u128), serialize_bool(bool));
    forward!(float: serialize_f64(f64));
    forward!(float32: serialize_f32(f32));

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
    fn serialize_unit_variant(self, _: &str, _: u32, variant: &'static str) -> SerResult<'py> {
        Ok(self.name(variant))
    }
    fn serialize_newtype_struct<T>(self, _: &str, value: &T) -> SerResult<'py>
    where
        T: Serialize + ?Sized,
    {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T>(
        self,
        _: &str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> SerResult<'py>
    where
        T: Serialize + ?Sized,
    {
        let value = value.serialize(&mut *self)?;
        self.tagged(Some(variant), value)
    }
    fn serialize_seq(self, len: Option<usize>) -> SerResult<'py, PySeq<'a, 'py>> {
        self.list(None, len.unwrap_or(0))
    }
    fn serialize_tuple(self, len: usize) -> SerResult<'py, PySeq<'a, 'py>> {
        self.list(None, len)
    }
    fn serialize_tuple_struct(self, _: &str, len: usize) -> SerResult<'py, PySeq<'a, 'py>> {
        self.list(None, len)
    }
    fn serialize_tuple_variant(
        self,
        _: &str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> SerResult<'py, PySeq<'a, 'py>> {
        self.list(Some(variant), len)
    }
    fn serialize_map(self, _: Option<usize>) -> SerResult<'py, PyMap<'a, 'py>> {
        self.dict(None)
    }
    fn serialize_struct(self, _: &str, _: usize) -> SerResult<'py, PyMap<'a, 'py>> {
        self.dict(None)
    }
    fn serialize_struct_variant(
        self,
        _: &str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> SerResult<'py, PyMap<'a, 'py>> {
        self.dict(Some(variant))
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
        let key = json_key(key).map_err(<SerError as ser::Error>::custom)?;
        self.key = Some(self.ser.name(&key));
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), SerError> {
        let key = self
            .key
            .take()
            .ok_or_else(|| <SerError as ser::Error>::custom("map value without a key"))?;
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
            fn serialize_field<T>(&mut self, key: &'static str, value: &T) -> Result<(), SerError>
            where
                T: Serialize + ?Sized,
            {
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

#[cfg(test)]
mod tests {
    //! `to_py` against `json.loads` of serde_json's text: the `repr` of both
    //! must be equal (types, key order, float digits).
    use std::collections::BTreeMap;

    use serde::Serialize;

    use atscore::{Matcher, OffsetEncoding, Role};

    use super::*;

    fn check<T: Serialize>(value: &T) {
        Python::initialize();
        Python::attach(|py| {
            let json = serde_json::to_string(value).unwrap();
            let expected = super::json(py, "loads").unwrap().call1((&json,)).unwrap();
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

//! The role library: `roles(search=...)`, `suggest_roles`, and their
//! results, core's `RoleHit` and `RoleFit`.

use atscore::Role;
use atscore::library::{self, RoleFit, RoleHit};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString, PyTuple};

use crate::args::{Input, limit_arg, reduce, type_err};
use crate::convert::{to_json, to_py};
use crate::errors::{core_err, guarded};
use crate::role::PyRole;

/// `source` of a role as core's `&'static str` (for unpickling).
fn role_source(source: &str) -> PyResult<&'static str> {
    library::source_named(source).ok_or_else(|| {
        let sources = library::SOURCES.join(", ");
        PyValueError::new_err(format!("unknown role source {source:?} ({sources})"))
    })
}

/// `role()` (built with the GIL released: a library role is made from the
/// library, parsed on first use), `to_dict()` and `to_json()` of `RoleHit`
/// and `RoleFit`, each with its docstring.
macro_rules! item_methods {
    ($class:ident: $(#[doc = $role:tt])* role, $(#[doc = $dict:tt])* to_dict,
        $(#[doc = $json:tt])* to_json $(,)?) => {
        #[pymethods]
        impl $class {
            $(#[doc = $role])*
            fn role(&self, py: Python<'_>) -> PyResult<PyRole> {
                let name = &self.0.name;
                let role = guarded(py, move || Role::builtin(name))?;
                role.map(PyRole).map_err(core_err)
            }

            $(#[doc = $dict])*
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                to_py(py, &self.0)
            }

            $(#[doc = $json])*
            fn to_json(&self) -> PyResult<String> {
                to_json(&self.0)
            }
        }
    };
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
pub(crate) struct PyRoleHit(RoleHit);

fields! { PyRoleHit.0, into_py:
    /// The role's name, for `role=`, `Analyzer(...)` and `Role.builtin`.
    name,
    /// The role's title ("Registered Nurses").
    title,
    /// Where the role comes from: `"hand-kept"`, `"onet"` or `"esco"`.
    source,
    /// The occupation's code: O*NET-SOC (`"29-1141.00"`) or the ESCO
    /// identifier; empty for the backend-developer role.
    code,
    /// The title the search matched, when it is not `title` (an alternate
    /// title: "RN" for Registered Nurses); else `None`.
    matched,
    /// How well the role matches the search, 0 to 1 (1: a title written as
    /// asked; 0 for the common roles an empty search gives).
    score,
}

item_methods! { PyRoleHit:
    /// The role itself (`Role.builtin(hit.name)`).
    role,
    /// The hit as a dict: `name`, `title`, `source`, `code`, `matched` (only
    /// when there is one) and `score`, the shape of `to_json()`.
    to_dict,
    /// Compact JSON of the hit, as an element of `roles_to_json()`.
    to_json,
}

#[pymethods]
impl PyRoleHit {
    fn __repr__(&self) -> String {
        let h = &self.0;
        let matched = h.matched.as_ref().map(|m| format!(", matched={m:?}"));
        format!(
            "RoleHit(name={:?}, title={:?}, source={:?}{}, score={:?})",
            h.name,
            h.title,
            h.source,
            matched.unwrap_or_default(),
            h.score
        )
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let h = &self.0;
        let args = (&h.name, &h.title, h.source, &h.code, &h.matched, h.score);
        reduce(py, "_role_hit", args)
    }
}

/// A `RoleHit` from its fields (unpickling).
#[pyfunction]
pub(crate) fn _role_hit(
    name: String,
    title: String,
    source: &str,
    code: String,
    matched: Option<String>,
    score: f64,
) -> PyResult<PyRoleHit> {
    let source = role_source(source)?;
    Ok(PyRoleHit(RoleHit {
        name,
        title,
        source,
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
pub(crate) struct PyRoleFit(RoleFit);

fields! { PyRoleFit.0, into_py:
    /// The role's name, for `role=`, `Analyzer(...)` and `Role.builtin`.
    name,
    /// The role's title.
    title,
    /// Where the role comes from: `"hand-kept"`, `"onet"` or `"esco"`.
    source,
    /// How well the resume fits the role: higher is better; only for
    /// ordering (not a score out of 100: analyze the resume against the
    /// role for that).
    fit,
    /// The role's keywords the resume has (as the role writes them),
    /// must-haves first.
    found,
    /// The role's job title the resume names, or names by its field
    /// ("data scientist" for "Data Science"), as a search reads its words
    /// ("business analyst"); else `None`.
    named,
}

item_methods! { PyRoleFit:
    /// The role itself (`Role.builtin(fit.name)`).
    role,
    /// The fit as a dict: `name`, `title`, `source`, `fit`, `found` and
    /// `named` (only when there is one), the shape of `to_json()`.
    to_dict,
    /// Compact JSON of the fit, as an element of `fits_to_json()`.
    to_json,
}

#[pymethods]
impl PyRoleFit {
    fn __repr__(&self) -> String {
        let f = &self.0;
        let named = f.named.as_ref().map(|n| format!(", named={n:?}"));
        format!(
            "RoleFit(name={:?}, title={:?}, source={:?}, fit={:?}, found={:?}{})",
            f.name,
            f.title,
            f.source,
            f.fit,
            f.found,
            named.unwrap_or_default()
        )
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let f = &self.0;
        let args = (&f.name, &f.title, f.source, f.fit, &f.found, &f.named);
        reduce(py, "_role_fit", args)
    }
}

/// A `RoleFit` from its fields (unpickling).
#[pyfunction]
pub(crate) fn _role_fit(
    name: String,
    title: String,
    source: &str,
    fit: f64,
    found: Vec<String>,
    named: Option<String>,
) -> PyResult<PyRoleFit> {
    let source = role_source(source)?;
    Ok(PyRoleFit(RoleFit {
        name,
        title,
        source,
        fit,
        found,
        named,
    }))
}

/// Items of `items` (an iterable, not a `str`), each a `T` (`RoleHit` or
/// `RoleFit`), as core's values.
fn items_arg<T, U>(items: &Bound<'_, PyAny>, what: &str, value: fn(&T) -> U) -> PyResult<Vec<U>>
where
    T: pyo3::PyClass<Frozen = pyo3::pyclass::boolean_struct::True> + Sync,
{
    if items.is_instance_of::<PyString>() {
        let message = format!("expected an iterable of {what}, not str");
        return Err(PyTypeError::new_err(message));
    }
    let items = items.try_iter()?.map(|item| {
        let item = item?;
        let x = item
            .cast::<T>()
            .map_err(|_| type_err(&format!("expected {what}"), &item, ""))?;
        Ok(value(x.get()))
    });
    items.collect()
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
pub(crate) fn roles<'py>(
    py: Python<'py>,
    search: Option<String>,
    limit: Option<isize>,
    all: bool,
) -> PyResult<Bound<'py, PyList>> {
    let hits = match (search, all) {
        (Some(_), true) => {
            return Err(PyTypeError::new_err("give search= or all=True, not both"));
        }
        (None, false) if limit.is_some() => {
            return Err(PyTypeError::new_err(
                "limit= goes with search= (search=\"\" lists the most common roles) or all=True; \
                 atscore.roles() alone lists the hand-kept role names",
            ));
        }
        (None, false) => return PyList::new(py, Role::builtin_names()),
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
    PyList::new(py, hits.map_err(core_err)?.into_iter().map(PyRoleHit))
}

/// Found roles (`RoleHit`s, from `roles(search=...)`) as compact JSON, an
/// array of `{name, title, source, code, matched?, score}`: byte for byte
/// what `atscore roles --search TITLE -n LIMIT --format json` prints.
///
/// >>> atscore.roles_to_json(atscore.roles(search="chef", limit=1))[:16]
/// '[{"name":"chef",'
#[pyfunction]
pub(crate) fn roles_to_json(hits: &Bound<'_, PyAny>) -> PyResult<String> {
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
pub(crate) fn fits_to_json(fits: &Bound<'_, PyAny>) -> PyResult<String> {
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
pub(crate) fn suggest_roles(
    py: Python<'_>,
    resume: &Bound<'_, PyAny>,
    limit: Option<isize>,
) -> PyResult<Vec<PyRoleFit>> {
    let limit = limit_arg(limit, library::SUGGEST_LIMIT)?;
    let input = Input::arg(resume, "resume")?;
    let fits = input.read_with(
        py,
        |text| library::suggest(text, limit),
        |bytes| library::suggest_file(bytes, limit),
    )?;
    Ok(fits.map_err(core_err)?.into_iter().map(PyRoleFit).collect())
}

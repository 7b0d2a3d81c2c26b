//! Roles: core's `Role` as `atscore.Role`, `extract` (a job posting's
//! role), and the `role=`/`jd=` arguments.

use atscore::{Role, Tier};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString, PyTuple};
use serde::Serialize;

use crate::args::{posting_role, reduce, type_err};
use crate::convert::{from_py, json, to_py};
use crate::errors::core_err;

/// A role: keywords in tiers (must-have, bonus, overused).
#[pyclass(frozen, eq, module = "atscore._native", name = "Role")]
#[derive(Clone, PartialEq)]
pub(crate) struct PyRole(pub(crate) Role);

/// A role core made, or its error as the `atscore` exception.
fn made(role: atscore::Result<Role>) -> PyResult<PyRole> {
    role.map(PyRole).map_err(core_err)
}

fields! { PyRole.0, into_py:
    /// Short identifier, e.g. `"backend-developer"`.
    name,
    /// Human title, e.g. `"Backend Developer"`, or `None`.
    title,
    /// What the role is, or `None`.
    description,
    /// Where the keywords come from (URLs, documents).
    sources,
}

fields! { PyRole.0, to_py:
    /// What a job posting asks for beyond keywords (years, education,
    /// certifications, languages, travel, clearance); `{}` for hand-written roles.
    requirements,
}

#[pymethods]
impl PyRole {
    /// A built-in role by name: a hand-kept one (`atscore.roles()`) or one
    /// of the role library (`atscore.roles(search=...)`: `"registered-nurses"`,
    /// `"accountant"`, ...). An unknown name raises `RoleError` whose
    /// `available` holds the closest roles' names.
    #[staticmethod]
    fn builtin(name: &str) -> PyResult<Self> {
        made(Role::builtin(name))
    }

    /// Parse and validate a role file in JSON.
    #[staticmethod]
    fn from_json(text: &str) -> PyResult<Self> {
        made(Role::from_json(text))
    }

    /// Parse and validate a role file in TOML.
    #[staticmethod]
    fn from_toml(text: &str) -> PyResult<Self> {
        made(Role::from_toml(text))
    }

    /// The role a job description asks for: its skills, tiered from the
    /// posting's cues and sections, in the posting's own wording.
    #[staticmethod]
    fn from_job_description(text: &str) -> PyResult<Self> {
        made(Role::from_job_description(text))
    }

    /// A role from a dict in the role-file shape (`name`, `must_have`, ...).
    #[staticmethod]
    fn from_dict(data: &Bound<'_, PyAny>) -> PyResult<Self> {
        if !data.is_instance_of::<PyDict>() {
            return Err(type_err("role must be a dict", data, ""));
        }
        made(Role::from_json(&from_py(data)?))
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
        json(py, "loads")?.call1((self.0.to_json(),))
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
        let keywords = self.0.keywords.iter().map(|k| KeywordView {
            term: &k.term,
            tier: k.tier,
            weight: k.weight,
            aliases: &k.aliases,
            acronym: k.acronym.as_deref(),
            any_of: &k.any_of,
            soft: k.soft,
            suggestion: k.suggestion.as_deref(),
            evidence: k.evidence.as_ref(),
        });
        to_py(py, &keywords.collect::<Vec<_>>())
    }

    fn __repr__(&self) -> String {
        let (name, n) = (&self.0.name, self.0.keywords.len());
        format!("Role(name={name:?}, keywords={n})")
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        reduce(py, "_role_from_json", (self.0.to_json(),))
    }
}

impl PyRole {
    fn terms(&self, tier: Tier) -> Vec<&str> {
        let keywords = self.0.keywords.iter().filter(|k| k.tier == tier);
        keywords.map(|k| k.term.as_str()).collect()
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
pub(crate) fn _role_from_json(text: &str) -> PyResult<PyRole> {
    made(Role::from_json(text))
}

/// The role a job posting asks for: text (`str`; a `str` is always the
/// posting's text, never a path), a path (`os.PathLike`) or a file's
/// contents (`bytes`, `bytearray`, `memoryview`), the file a PDF, a DOCX or
/// UTF-8 text, told by its content. Its keywords keep the posting's wording
/// and their evidence; `Role.requirements` holds years, education,
/// certifications... What may be wrong with the input ("this looks like a
/// resume") is warned as `atscore.PostingWarning`.
#[pyfunction]
pub(crate) fn extract(py: Python<'_>, posting: &Bound<'_, PyAny>) -> PyResult<PyRole> {
    posting_role(py, posting).map(PyRole)
}

/// `role=`: a built-in role name or job title (`Role::find`), a `Role`, a
/// dict in the role-file shape, or `None` for the default role.
fn role_arg(role: Option<&Bound<'_, PyAny>>) -> PyResult<Role> {
    let Some(role) = role else {
        return Role::builtin(Role::DEFAULT).map_err(core_err);
    };
    if let Ok(r) = role.cast::<PyRole>() {
        return Ok(r.get().0.clone());
    }
    if let Ok(name) = role.cast::<PyString>() {
        return Role::find(name.to_str()?).map_err(core_err);
    }
    if role.is_instance_of::<PyDict>() {
        return Ok(PyRole::from_dict(role)?.0);
    }
    let what = "role must be a built-in role name or job title, a Role or a dict";
    Err(type_err(what, role, ""))
}

/// The role of `role=` or `jd=` (a job posting), not both.
pub(crate) fn role_or_jd(
    py: Python<'_>,
    role: Option<&Bound<'_, PyAny>>,
    jd: Option<&Bound<'_, PyAny>>,
) -> PyResult<Role> {
    match (role, jd) {
        (Some(_), Some(_)) => Err(PyTypeError::new_err(
            "give role= or jd= (a job posting to extract the role from), not both",
        )),
        (None, Some(jd)) => posting_role(py, jd),
        (role, None) => role_arg(role),
    }
}

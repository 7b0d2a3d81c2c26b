//! Roles: core's `Role` as `atscore.Role`, and `extract` (a job posting's role).

use atscore::{Role, Tier};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString, PyTuple};
use serde::Serialize;

use crate::args::{DEFAULT_ROLE, posting_role, reduce};
use crate::convert::{JSON_LOADS, from_py, json_fn, to_py};
use crate::errors::core_err;

/// A role: keywords in tiers (must-have, bonus, overused).
#[pyclass(frozen, eq, module = "atscore._native", name = "Role")]
#[derive(Clone, PartialEq)]
pub(crate) struct PyRole(pub(crate) Role);

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
    pub(crate) fn from_dict(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<Self> {
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
        reduce(py, "_role_from_json", (self.0.to_json(),))
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
pub(crate) fn _role_from_json(py: Python<'_>, text: &str) -> PyResult<PyRole> {
    PyRole::from_json(py, text)
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
pub(crate) fn role_arg(py: Python<'_>, role: Option<&Bound<'_, PyAny>>) -> PyResult<Role> {
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
        (role, None) => role_arg(py, role),
    }
}

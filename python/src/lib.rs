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
//!   field: a serde `Serializer` ([`convert::to_py`]) makes the very values
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
//!
//! Arguments in: `args`; errors out: `errors`; `Role`: `role`; the role
//! library: `library`; `Analyzer` and `Report`: here.

mod args;
mod convert;
mod errors;
mod library;
mod role;

use atscore::file::FileKind;
use atscore::{Matcher, MatcherBuilder, OffsetEncoding, Options, Role, Tier};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString, PyTuple};
use serde::Serialize;

use args::{DEFAULT_ROLE, FileSource, bytes_arg, kind_arg, options_arg, reduce, text_arg};
use convert::{to_json, to_py};
use errors::{Failed, core_err, exception, guarded, options_err, with_index};
use library::{PyRoleFit, PyRoleHit};
use role::{PyRole, role_or_jd};

/// mimalloc for every Rust allocation of the extension (core's analysis on
/// the worker threads, and freeing reports on the Python thread): about a
/// fifth faster `analyze_many` than glibc's malloc on the corpus. Python's
/// own objects keep Python's allocator.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

// ---------------------------------------------------------------------------
// Analyzer
// ---------------------------------------------------------------------------

/// A role compiled once with its options; analyze as many resumes as you like.
#[pyclass(frozen, module = "atscore._native", name = "Analyzer")]
struct Analyzer {
    matcher: Matcher,
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
        let given = source.given(py);
        let result = guarded(py, move || {
            let bytes = source.read(&m.options().file)?;
            let mut report = m.analyze_file(&bytes, kind).map_err(Failed::Core)?;
            // the extracted text of a PDF or DOCX, else the bytes (UTF-8, as core checked)
            let text = report
                .analyzed_text(&bytes)
                .map_err(Failed::Core)?
                .to_owned();
            report.convert_offsets(&text, OffsetEncoding::CodePoint);
            Ok(Report { report, text })
        })?;
        result.map_err(|e: Failed| e.into_py(py, given.as_ref()))
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
        self.run_file(py, FileSource::path(path)?, kind)
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
        let options = to_json(py, self.matcher.options())?;
        reduce(
            py,
            "_analyzer_from_json",
            (self.matcher.role().to_json(), options),
        )
    }
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
        reduce(py, "_report_from_json", (self.report.to_json(), &self.text))
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
    Analyzer::new(py, role, jd, options)?.run(py, text)
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
    let source = FileSource::path(path)?;
    Analyzer::new(py, role, jd, options)?.run_file(py, source, kind)
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
    let source = FileSource::Bytes(bytes_arg(data)?);
    Analyzer::new(py, role, jd, options)?.run_file(py, source, kind)
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
    m.add_function(wrap_pyfunction!(library::roles, m)?)?;
    m.add_function(wrap_pyfunction!(library::roles_to_json, m)?)?;
    m.add_function(wrap_pyfunction!(library::suggest_roles, m)?)?;
    m.add_function(wrap_pyfunction!(library::fits_to_json, m)?)?;
    m.add_function(wrap_pyfunction!(library::_role_hit, m)?)?;
    m.add_function(wrap_pyfunction!(library::_role_fit, m)?)?;
    m.add_function(wrap_pyfunction!(role::extract, m)?)?;
    m.add_function(wrap_pyfunction!(role::_role_from_json, m)?)?;
    m.add_function(wrap_pyfunction!(_analyzer_from_json, m)?)?;
    m.add_function(wrap_pyfunction!(_report_from_json, m)?)?;
    m.add("DEFAULT_ROLE", DEFAULT_ROLE)?;
    Ok(())
}

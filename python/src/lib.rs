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
//!   `json.loads` would make of the JSON core writes, without the text;
//!   a getter of a core value's field is one line of [`fields!`] (plain
//!   values, strings and numbers, go through PyO3's own conversion);
//! * core errors become the exception classes of `atscore._errors`, with the
//!   culprit as attributes; core calls run with the GIL released and inside
//!   `catch_unwind`, so a panic surfaces as `atscore.InternalError`;
//! * files (PDF, DOCX, text) go to core's `Matcher::analyze_file`, read here
//!   only after their size passed core's `FileOptions::check_file_len`;
//!   job postings to `posting::read` or `read_bytes`, then `Posting::role`;
//!   the role library to `library::search`, `names` and `suggest`.
//!
//! Arguments in: `args`; errors out: `errors`; `Role`: `role`; the role
//! library: `library`; `Analyzer` and `Report`: here.

#[macro_use]
mod convert;
mod args;
mod errors;
mod library;
mod role;

use atscore::{Matcher, MatcherBuilder, OffsetEncoding, Options, Role, Tier};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString, PyTuple};
use serde::Serialize;

use args::{FileSource, Input, options_arg, reduce, text_arg};
use convert::{to_json, to_py};
use errors::{Failed, core_err, exception, guarded, options_err, with_index};
use role::{PyRole, role_or_jd};

/// mimalloc for every Rust allocation of the extension (core's analysis on
/// the worker threads, and freeing reports on the Python thread): about a
/// fifth faster `analyze_many` than glibc's malloc on the corpus. Python's
/// own objects keep Python's allocator.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A role compiled once with its options; analyze as many resumes as you like.
#[pyclass(frozen, module = "atscore._native", name = "Analyzer")]
struct Analyzer {
    matcher: Matcher,
}

fn build(py: Python<'_>, role: Role, options: Options) -> PyResult<Analyzer> {
    let builder = MatcherBuilder::with_options(options);
    let matcher = guarded(py, move || builder.build(role))?.map_err(core_err)?;
    Ok(Analyzer { matcher })
}

impl Analyzer {
    /// Analyze text, or a file's bytes (read first for a path), with the
    /// GIL released; spans in code points of the text they point into.
    fn run(&self, py: Python<'_>, input: Input) -> PyResult<Report> {
        let m = &self.matcher;
        let given = input.given(py);
        let result = guarded(py, move || -> Result<Report, Failed> {
            let (mut report, text) = match input {
                Input::Text(text) => (m.analyze(&text)?, text),
                Input::File(file, kind) => {
                    let bytes = file.read(&m.options().file)?;
                    let report = m.analyze_file(&bytes, kind)?;
                    // the extracted text of a PDF or DOCX, else the bytes (UTF-8, as core checked)
                    let text = report.analyzed_text(&bytes)?.to_owned();
                    (report, text)
                }
            };
            report.convert_offsets(&text, OffsetEncoding::CodePoint);
            Ok(Report { report, text })
        })?;
        result.map_err(|e| e.into_py(py, given.as_ref()))
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
        build(py, role_or_jd(py, role, jd)?, options_arg(options)?)
    }

    /// Analyze one resume (`str`, or `bytes` of UTF-8 text).
    fn analyze(&self, py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Report> {
        self.run(py, Input::Text(text_arg(text)?))
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
        self.run(py, Input::file(kind, || FileSource::path(path))?)
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
        self.run(py, Input::file(kind, || FileSource::bytes(data))?)
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
            let reports = reports.into_iter().zip(owned);
            let reports = reports.map(|(r, text)| r.map(|report| Report { report, text }));
            reports.collect::<Vec<_>>()
        })?;
        let reports = results.into_iter().enumerate();
        reports
            .map(|(i, r)| r.map_err(|e| with_index(py, core_err(e), i)))
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
        let m = &self.matcher;
        let args = (m.role().to_json(), to_json(m.options())?);
        reduce(py, "_analyzer_from_json", args)
    }
}

#[pyfunction]
fn _analyzer_from_json(py: Python<'_>, role_json: &str, options_json: &str) -> PyResult<Analyzer> {
    let role = Role::from_json(role_json).map_err(core_err)?;
    let options = serde_json::from_str(options_json).map_err(options_err)?;
    build(py, role, options)
}

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

fields! { Report.report, into_py:
    /// 0 to 100.
    score,
    /// Version of the report's shape (the `schema_version` of `to_json()`).
    schema_version,
}

fields! { Report.report, to_py:
    /// Units of the spans: always `"code_point"` in Python.
    offsets,
    /// The role: its `name`, and its `title` when it has one.
    role,
    /// The score item by item; the points add up to `score` (before
    /// rounding and clamping to 0..100).
    score_breakdown,
    /// The must-have keywords: how many, how many found, found in context.
    must_have,
    /// The bonus keywords: how many, how many found, found in context.
    bonus,
    /// The overused keywords: how many, how many found, found in context.
    overused,
    /// One result per role keyword, in role order: found or not, status,
    /// count, points, and its hits (span, matched text, kind, section).
    keywords,
    /// Findings to fix, in text order per kind.
    flags,
    /// Achievement lines, how many carry a number, and the lines that do not.
    achievements,
    /// The resume as a document: word and line counts, sections, contact details.
    document,
    /// What to do, most score points first.
    suggestions,
    /// Whether an ATS can read the resume: layout, headings, contact
    /// details, dates, length; problems first. Not part of the score.
    readability,
    /// Against a role from a job posting: the recruiter checks (title,
    /// years, education, certifications); empty otherwise.
    recruiter,
    /// For a PDF or DOCX: the extraction (kind, text, pages, regions from
    /// tables, text boxes, headers and footers, columns, images); `None` for text.
    file,
}

#[pymethods]
impl Report {
    /// The analyzed text (spans index it): for a PDF or DOCX, the text
    /// extracted from it (`file["text"]`).
    #[getter]
    fn text(&self) -> &str {
        &self.text
    }

    /// Every keyword hit, with its keyword and tier, in role order.
    #[getter]
    fn hits<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let hits = self.report.keywords.iter().flat_map(|k| {
            let (keyword, tier) = (k.term.as_str(), k.tier);
            k.hits.iter().map(move |hit| Hit { keyword, tier, hit })
        });
        to_py(py, &hits.collect::<Vec<_>>())
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
            for hit in k.hits.iter().filter(|h| !counted_only || h.kind.counts()) {
                let term = term.get_or_insert_with(|| PyString::new(py, &k.term));
                spans.push((&*term, hit.span.start, hit.span.end).into_pyobject(py)?);
            }
        }
        PyList::new(py, spans)
    }

    /// Terms of the must-have keywords not found, in role order.
    #[getter]
    fn missing(&self) -> Vec<&str> {
        self.missing_terms(Tier::MustHave)
    }

    /// Terms of the bonus keywords not found, in role order.
    #[getter]
    fn missing_bonus(&self) -> Vec<&str> {
        self.missing_terms(Tier::Bonus)
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
        let (score, role) = (self.report.score, &self.report.role.name);
        let missing = self.missing_terms(Tier::MustHave);
        format!("<Report score={score}/100 role={role:?} missing={missing:?}>")
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        reduce(py, "_report_from_json", (self.report.to_json(), &self.text))
    }
}

impl Report {
    fn missing_terms(&self, tier: Tier) -> Vec<&str> {
        let missing = self.report.missing(tier);
        missing.map(|k| k.term.as_str()).collect()
    }
}

#[pyfunction]
fn _report_from_json(json: &str, text: String) -> PyResult<Report> {
    let report = serde_json::from_str(json)
        .map_err(|e| exception("AtscoreError", format!("not a report: {e}"), vec![]))?;
    Ok(Report { report, text })
}

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
    let text = Input::Text(text_arg(resume)?);
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
    let file = Input::file(kind, || FileSource::path(path))?;
    Analyzer::new(py, role, jd, options)?.run(py, file)
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
    let file = Input::file(kind, || FileSource::bytes(data))?;
    Analyzer::new(py, role, jd, options)?.run(py, file)
}

#[pymodule]
mod _native {
    #[pymodule_export]
    const DEFAULT_ROLE: &str = atscore::Role::DEFAULT;
    #[pymodule_export]
    use super::library::{
        _role_fit, _role_hit, PyRoleFit, PyRoleHit, fits_to_json, roles, roles_to_json,
        suggest_roles,
    };
    #[pymodule_export]
    use super::role::{_role_from_json, PyRole, extract};
    #[pymodule_export]
    use super::{
        _analyzer_from_json, _report_from_json, Analyzer, Report, analyze, analyze_bytes,
        analyze_file,
    };
}

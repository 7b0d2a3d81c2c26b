//! WebAssembly bindings of [`atscore`]: score a resume against a role the way
//! an applicant tracking system reads it, in the browser or in Node.
//!
//! ```js
//! import init, { Analyzer, analyze, roles } from "atscore";
//! await init(); // --target web only
//! const analyzer = new Analyzer("backend-developer"); // compile once
//! const report = analyzer.analyze(resumeText);        // plain JS object
//! const hit = report.keywords[0].hits[0];
//! resumeText.slice(hit.span.start, hit.span.end);     // UTF-16 spans by default
//!
//! // A PDF, DOCX or text file (told by its content), never leaving the device:
//! const fileReport = analyzer.analyzeBytes(new Uint8Array(await file.arrayBuffer()));
//! fileReport.readability;  // what an ATS may miss: columns, tables, headers, ...
//! fileReport.file.text;    // the extracted text, which every span points into
//!
//! // A role for every occupation: load the role library (data/role-library.tsv,
//! // not in the module) once, then search it or name a role by job title.
//! loadRoleLibrary(await (await fetch("data/role-library.tsv")).text());
//! searchRoles("registred nurse", 5)[0].name;          // "registered-nurses"
//! analyze(resumeText, "registered nurse").score;
//! ```
//!
//! This crate only converts: JS values to core types, core reports to plain JS
//! objects (or core's canonical JSON), core errors to JS `Error`s. Every rule
//! lives in `atscore`.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

use atscore::file::FileKind;
use atscore::{Error, Matcher, MatcherBuilder, OffsetEncoding, Options, Report, Role};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = include_str!("types.d.ts");

#[wasm_bindgen]
extern "C" {
    /// A role: a built-in name, a role object, or role JSON text.
    #[wasm_bindgen(typescript_type = "RoleInput")]
    pub type RoleInput;
    /// Analyzer options: core options plus `offsets`.
    #[wasm_bindgen(typescript_type = "AnalyzerOptions")]
    pub type AnalyzerOptions;
    /// A report as a plain object.
    #[wasm_bindgen(typescript_type = "Report")]
    pub type JsReport;
    /// A role in the role-file format, as a plain object.
    #[wasm_bindgen(typescript_type = "RoleFile")]
    pub type JsRoleFile;
    /// The built-in roles.
    #[wasm_bindgen(typescript_type = "RoleSummary[]")]
    pub type JsRoleList;
    /// A file's bytes.
    #[wasm_bindgen(typescript_type = "Uint8Array | ArrayBuffer")]
    pub type FileBytes;
    /// A job posting: its text, or a file's bytes.
    #[wasm_bindgen(typescript_type = "PostingInput")]
    pub type PostingInput;
    /// What `readPosting` gives.
    #[wasm_bindgen(typescript_type = "PostingRead")]
    pub type JsPostingRead;
    /// What a file is: `"pdf"`, `"docx"` or `"text"`.
    #[wasm_bindgen(typescript_type = "FileKind")]
    pub type FileKindInput;
    /// Roles of the role library found by a search.
    #[wasm_bindgen(typescript_type = "RoleHit[]")]
    pub type JsRoleHits;
    /// Roles of the role library that fit a resume.
    #[wasm_bindgen(typescript_type = "RoleFit[]")]
    pub type JsRoleFits;
    /// A resume: its text, or a file's bytes.
    #[wasm_bindgen(typescript_type = "string | Uint8Array | ArrayBuffer")]
    pub type ResumeInput;
}

fn init() {
    #[cfg(feature = "console_error_panic_hook")]
    console_error_panic_hook::set_once();
}

/// A JS `Error` named `AtscoreError` carrying `message`.
fn js_error(message: &str) -> JsValue {
    let e = js_sys::Error::new(message);
    e.set_name("AtscoreError");
    e.into()
}

/// A core error as a JS `Error` with core's message. File errors are named
/// `AtscoreFileError` and carry core's fields: `problem` (`"unsupported"`,
/// `"corrupt"`, `"encrypted"` or `"limit"`), `kind` and `reason`, or for a
/// limit `what`, `value`, `limit` and `option` (the name of the `file`
/// option, as Python's `FileError` has them); every other error is an
/// `AtscoreError`. Core's error that the role library is not loaded also
/// says to call `loadRoleLibrary` ([`library_hint`]).
fn core_error(e: Error) -> JsValue {
    let hint = library_hint(&e);
    error_with(e, hint)
}

/// [`core_error`], with `hint` added to core's message.
fn error_with(e: Error, hint: Option<&str>) -> JsValue {
    let err = js_sys::Error::new(&format!("{e}{}", hint.unwrap_or("")));
    let set = |key: &str, value: JsValue| {
        // a fresh Error object: defining a property cannot fail
        let _ = js_sys::Reflect::set(&err, &JsValue::from_str(key), &value);
    };
    let s = |v: &str| JsValue::from_str(v);
    match &e {
        Error::UnsupportedFile { kind, reason } | Error::CorruptFile { kind, reason } => {
            set("kind", s(kind));
            set("reason", s(reason));
        }
        Error::EncryptedFile { kind } => set("kind", s(kind)),
        Error::FileLimit {
            what,
            value,
            limit,
            option,
        } => {
            set("what", s(what));
            set("value", JsValue::from_f64(*value as f64));
            set("limit", JsValue::from_f64(*limit as f64));
            set("option", s(option));
        }
        _ => {}
    }
    match e.file_problem() {
        Some(problem) => {
            err.set_name("AtscoreFileError");
            set("problem", s(problem));
        }
        None => err.set_name("AtscoreError"),
    }
    err.into()
}

/// What a JS caller must do when core says the role library is not loaded
/// (this module does not embed it): core's message names `library::load`,
/// a JS caller needs `loadRoleLibrary`.
fn library_hint(e: &Error) -> Option<&'static str> {
    match e {
        Error::InvalidRole { field, .. } if field == "library" && !atscore::library::loaded() => {
            Some(
                " (JavaScript: call loadRoleLibrary(text) first, with the text of role-library.tsv from the package's data/ folder)",
            )
        }
        _ => None,
    }
}

/// A value as a JS object: core's JSON, parsed by the engine, so
/// `analyze(t)` deep-equals `JSON.parse(analyzeJson(t))` (maps are plain
/// objects, `None` is `null`). One serializer serves both kinds of result:
/// a second one (serde-wasm-bindgen's, building the object call by call)
/// cost the page's first load 7 KB gzip.
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let json = serde_json::to_string(value).map_err(|e| js_error(&e.to_string()))?;
    js_sys::JSON::parse(&json)
}

#[cfg(feature = "api")]
fn offsets_name(e: OffsetEncoding) -> &'static str {
    match e {
        OffsetEncoding::Utf8 => "utf8",
        OffsetEncoding::Utf16 => "utf16",
        OffsetEncoding::CodePoint => "code_point",
    }
}

/// A role from a built-in name, role JSON text, a role object, or
/// `{ jd: posting }` (the role a job posting asks for).
fn role_from_js(role: &JsValue) -> Result<Role, JsValue> {
    if let Some(s) = role.as_string() {
        return if s.trim_start().starts_with('{') {
            Role::from_json(&s)
        } else {
            Role::find(&s)
        }
        .map_err(core_error);
    }
    if role.is_object() {
        let jd = js_sys::Reflect::get(role, &JsValue::from_str("jd")).unwrap_or(JsValue::UNDEFINED);
        if !jd.is_undefined() {
            return role_from_posting(&jd);
        }
        let json = js_sys::JSON::stringify(role)
            .map_err(|_| js_error("role: cannot convert the role object to JSON"))?;
        return Role::from_json(&String::from(json)).map_err(core_error);
    }
    Err(js_error(
        "role must be a built-in role name, a role object or role JSON text",
    ))
}

/// The role of a `{ jd: posting }` role input.
#[cfg(feature = "posting")]
fn role_from_posting(jd: &JsValue) -> Result<Role, JsValue> {
    posting_from_js(jd)?.role().map_err(core_error)
}

/// This build reads no job postings (feature `posting` off).
#[cfg(not(feature = "posting"))]
fn role_from_posting(_: &JsValue) -> Result<Role, JsValue> {
    Err(js_error(
        "jd: this build of atscore reads no job postings (built without the `posting` feature)",
    ))
}

/// Core options and offset units from a JS options object.
fn options_from_js(options: Option<&JsValue>) -> Result<(Options, OffsetEncoding), JsValue> {
    let Some(options) = options.filter(|o| !o.is_undefined() && !o.is_null()) else {
        return Ok((Options::default(), OffsetEncoding::Utf16));
    };
    if !options.is_object() || js_sys::Array::is_array(options) {
        return Err(js_error("options must be an object"));
    }
    // `offsets` is the wrapper's own option; the rest goes to core as is, so
    // core's `deny_unknown_fields` still names a misspelt option.
    let rest = js_sys::Object::assign(&js_sys::Object::new(), options.unchecked_ref());
    let key = JsValue::from_str("offsets");
    let offsets = js_sys::Reflect::get(&rest, &key).unwrap_or(JsValue::UNDEFINED);
    js_sys::Reflect::delete_property(&rest, &key)
        .map_err(|_| js_error("options: cannot read `offsets`"))?;
    let offsets = if offsets.is_undefined() {
        OffsetEncoding::Utf16
    } else {
        serde_wasm_bindgen::from_value(offsets)
            .map_err(|e| js_error(&format!("invalid option `offsets`: {e}")))?
    };
    // Through JSON, because serde-wasm-bindgen reads only the fields a struct
    // names and so would let a misspelt option pass silently.
    let json = js_sys::JSON::stringify(&rest)
        .map_err(|_| js_error("options: cannot convert the options object to JSON"))?;
    let options: Options = serde_json::from_str(&String::from(json))
        .map_err(|e| js_error(&format!("invalid options: {e}")))?;
    Ok((options, offsets))
}

/// The file kind a caller asked for, if any (`"pdf"`, `"docx"`, `"text"`, any case).
fn kind_from_js(kind: Option<&JsValue>) -> Result<Option<FileKind>, JsValue> {
    let Some(kind) = kind.filter(|k| !k.is_undefined() && !k.is_null()) else {
        return Ok(None);
    };
    let Some(name) = kind.as_string() else {
        return Err(js_error(
            "invalid option `kind`: must be \"pdf\", \"docx\" or \"text\"",
        ));
    };
    name.parse().map(Some).map_err(core_error)
}

/// Whether a value is a file's bytes as `bytes_from_js` takes them: a
/// `Uint8Array`, an `ArrayBuffer` or another typed array or `DataView`.
#[cfg(any(feature = "posting", feature = "suggest"))]
fn is_bytes(value: &JsValue) -> bool {
    value.is_instance_of::<js_sys::Uint8Array>()
        || value.is_instance_of::<js_sys::ArrayBuffer>()
        || js_sys::ArrayBuffer::is_view(value)
}

/// The bytes of a `Uint8Array`, an `ArrayBuffer` or another typed array or
/// `DataView`, copied into wasm memory after checking their length against
/// `file.max_file_bytes` (so a huge file is refused before it is copied).
fn bytes_from_js(bytes: &JsValue, options: &Options) -> Result<Vec<u8>, JsValue> {
    let view = if let Some(array) = bytes.dyn_ref::<js_sys::Uint8Array>() {
        array.clone()
    } else if let Some(buffer) = bytes.dyn_ref::<js_sys::ArrayBuffer>() {
        js_sys::Uint8Array::new(buffer)
    } else if js_sys::ArrayBuffer::is_view(bytes) {
        let view: &js_sys::DataView = bytes.unchecked_ref();
        js_sys::Uint8Array::new_with_byte_offset_and_length(
            &view.buffer(),
            view.byte_offset() as u32,
            view.byte_length() as u32,
        )
    } else {
        return Err(js_error(
            "bytes must be a Uint8Array or an ArrayBuffer (for a string, use analyze)",
        ));
    };
    options
        .file
        .check_file_len(u64::from(view.length()))
        .map_err(core_error)?;
    Ok(view.to_vec())
}

/// A role compiled once, to analyze many resumes.
#[wasm_bindgen]
#[derive(Clone)]
pub struct Analyzer {
    matcher: Matcher,
    offsets: OffsetEncoding,
}

#[wasm_bindgen]
impl Analyzer {
    /// Compile `role` (a built-in name, a role object, or role JSON text)
    /// with `options`. Throws an `Error` naming the culprit.
    #[wasm_bindgen(constructor)]
    pub fn new(role: RoleInput, options: Option<AnalyzerOptions>) -> Result<Analyzer, JsValue> {
        init();
        let role = role_from_js(&role)?;
        let (options, offsets) = options_from_js(options.as_deref())?;
        let matcher = MatcherBuilder::with_options(options)
            .build(role)
            .map_err(core_error)?;
        Ok(Analyzer { matcher, offsets })
    }

    fn report(&self, text: &str) -> Result<Report, JsValue> {
        let mut report = self.matcher.analyze(text).map_err(core_error)?;
        report.convert_offsets(text, self.offsets);
        Ok(report)
    }

    fn file_report(&self, bytes: &JsValue, kind: Option<&JsValue>) -> Result<Report, JsValue> {
        let kind = kind_from_js(kind)?;
        let bytes = bytes_from_js(bytes, self.matcher.options())?;
        let mut report = self
            .matcher
            .analyze_file(&bytes, kind)
            .map_err(core_error)?;
        // Spans point into the extracted text of a PDF or DOCX, into the
        // bytes themselves (UTF-8, as core checked) for text.
        report
            .convert_input_offsets(&bytes, self.offsets)
            .map_err(core_error)?;
        Ok(report)
    }

    /// Analyze a resume: the report as a plain object, spans in the
    /// analyzer's offset units (UTF-16 code units unless set otherwise).
    pub fn analyze(&self, text: &str) -> Result<JsReport, JsValue> {
        Ok(to_js(&self.report(text)?)?.unchecked_into())
    }

    /// Analyze a resume: core's canonical compact JSON of the report (spans
    /// in the analyzer's offset units), byte for byte what every front end
    /// gives for the same text.
    #[cfg(feature = "api")]
    #[wasm_bindgen(js_name = analyzeJson)]
    pub fn analyze_json(&self, text: &str) -> Result<String, JsValue> {
        Ok(self.report(text)?.to_json())
    }

    /// Analyze a resume file: a PDF, a DOCX or UTF-8 text, told by its
    /// content unless `kind` (`"pdf"`, `"docx"`, `"text"`) says which. The
    /// report as a plain object: for a PDF or DOCX, `file` holds the
    /// extraction and every span points into `file.text`; for text, spans
    /// point into the bytes decoded as UTF-8 (a BOM kept). `readability`
    /// says what an ATS may miss. Throws an `AtscoreFileError` (with
    /// `problem`: `"unsupported"`, `"corrupt"`, `"encrypted"`, `"limit"`)
    /// for a file it cannot read.
    #[wasm_bindgen(js_name = analyzeBytes)]
    pub fn analyze_bytes(
        &self,
        bytes: FileBytes,
        kind: Option<FileKindInput>,
    ) -> Result<JsReport, JsValue> {
        Ok(to_js(&self.file_report(&bytes, kind.as_deref())?)?.unchecked_into())
    }

    /// `analyzeBytes`, as core's canonical compact JSON: byte for byte what
    /// `atscore analyze FILE --format json` gives for the same file.
    #[cfg(feature = "api")]
    #[wasm_bindgen(js_name = analyzeBytesJson)]
    pub fn analyze_bytes_json(
        &self,
        bytes: FileBytes,
        kind: Option<FileKindInput>,
    ) -> Result<String, JsValue> {
        Ok(self.file_report(&bytes, kind.as_deref())?.to_json())
    }

    #[cfg(feature = "api")]
    /// The compiled role, in the role-file format.
    #[wasm_bindgen(getter)]
    pub fn role(&self) -> Result<JsRoleFile, JsValue> {
        Ok(js_sys::JSON::parse(&self.matcher.role().to_json())?.unchecked_into())
    }

    #[cfg(feature = "api")]
    /// Units of the spans of this analyzer's reports.
    #[wasm_bindgen(getter)]
    pub fn offsets(&self) -> String {
        offsets_name(self.offsets).to_string()
    }
}

#[cfg(feature = "api")]
/// Analyze a resume against a role in one call (compiles the role each time;
/// build an `Analyzer` to analyze many).
#[wasm_bindgen]
pub fn analyze(
    text: &str,
    role: RoleInput,
    options: Option<AnalyzerOptions>,
) -> Result<JsReport, JsValue> {
    Analyzer::new(role, options)?.analyze(text)
}

#[cfg(feature = "api")]
/// Analyze a resume file (PDF, DOCX or text) against a role in one call;
/// see `Analyzer.analyzeBytes`.
#[wasm_bindgen(js_name = analyzeBytes)]
pub fn analyze_bytes(
    bytes: FileBytes,
    role: RoleInput,
    options: Option<AnalyzerOptions>,
    kind: Option<FileKindInput>,
) -> Result<JsReport, JsValue> {
    Analyzer::new(role, options)?.analyze_bytes(bytes, kind)
}

/// Give the module the posting reader's data, which it does not embed (to
/// keep the page's first load small): the text of `lexicon.tsv` and the
/// bytes of `tagger.bin`, and the texts of `common-words.txt` and
/// `places.txt`, which `wasm/build.sh` copies beside the module
/// (`pkg/data/`, `www/pkg/data/`).
/// Call it once before `roleFromJobDescription`; later calls change nothing.
/// Throws an `Error` naming what is wrong with the data.
#[cfg(feature = "posting")]
#[wasm_bindgen(js_name = loadPostingData)]
pub fn load_posting_data(
    lexicon_tsv: &str,
    tagger_bin: &[u8],
    common_words: &str,
    places: &str,
) -> Result<(), JsValue> {
    init();
    atscore::posting::load_data(lexicon_tsv, tagger_bin, common_words, places).map_err(core_error)
}

/// Whether the posting reader's data is loaded (see `loadPostingData`).
#[cfg(feature = "posting")]
#[wasm_bindgen(js_name = postingDataLoaded)]
pub fn posting_data_loaded() -> bool {
    atscore::posting::data_loaded()
}

/// The posting of a `{ jd }` role input or of `extract`: its text, or the
/// bytes of a PDF, DOCX or text file (told by their content).
#[cfg(feature = "posting")]
fn posting_from_js(posting: &JsValue) -> Result<atscore::posting::Posting, JsValue> {
    if let Some(text) = posting.as_string() {
        return atscore::posting::read(&text).map_err(core_error);
    }
    if is_bytes(posting) {
        let bytes = bytes_from_js(posting, &Options::default())?;
        return atscore::posting::read_bytes(&bytes).map_err(core_error);
    }
    Err(js_error(
        "jd: a job posting must be its text (a string) or a file's bytes (Uint8Array or ArrayBuffer)",
    ))
}

/// A role object in the role-file format.
#[cfg(feature = "posting")]
fn role_to_js(role: &Role) -> Result<JsRoleFile, JsValue> {
    Ok(js_sys::JSON::parse(&role.to_json())?.unchecked_into())
}

/// The checklist a job posting asks for, as a role object (the role-file
/// format: tiers, "one of" groups, soft skills, each keyword's evidence,
/// `requirements`); `new Analyzer(extract(posting))` scores resumes against
/// it. `posting` is its text (HTML is read as text) or the bytes of a PDF,
/// DOCX or text file. Throws an `AtscoreError` for an empty posting, one
/// that is not text, one in which no skill is found; see `readPosting` for
/// the warnings.
#[cfg(feature = "posting")]
#[wasm_bindgen]
pub fn extract(posting: PostingInput) -> Result<JsRoleFile, JsValue> {
    init();
    let role = posting_from_js(&posting)?.role().map_err(core_error)?;
    role_to_js(&role)
}

/// `extract`, as the JSON text the library, `atscore extract --format json`
/// and Python's `atscore.extract(...).to_json()` write (byte for byte).
#[cfg(feature = "posting")]
#[wasm_bindgen(js_name = extractJson)]
pub fn extract_json(posting: PostingInput) -> Result<String, JsValue> {
    init();
    let role = posting_from_js(&posting)?.role().map_err(core_error)?;
    Ok(role.to_json())
}

/// `extract`, with what may be wrong with the input: `{ role, warnings,
/// error }`. `warnings` are the posting reader's ("this looks like a
/// resume"); when no role can be made (no skill found), `role` is `null` and
/// `error` says why. Throws only for input that is not a posting at all
/// (empty, binary, too large, an unreadable file).
#[cfg(feature = "posting")]
#[wasm_bindgen(js_name = readPosting)]
pub fn read_posting(posting: PostingInput) -> Result<JsPostingRead, JsValue> {
    init();
    let read = posting_from_js(&posting)?;
    let out = js_sys::Object::new();
    let set = |key: &str, value: &JsValue| {
        // a fresh plain object: defining a property cannot fail
        let _ = js_sys::Reflect::set(&out, &JsValue::from_str(key), value);
    };
    match read.role() {
        Ok(role) => {
            set("role", &role_to_js(&role)?.into());
            set("error", &JsValue::NULL);
        }
        Err(e) => {
            set("role", &JsValue::NULL);
            set("error", &JsValue::from_str(&e.to_string()));
        }
    }
    set("warnings", &to_js(&read.warnings)?);
    Ok(out.unchecked_into())
}

/// The role a job description asks for, in the role-file format: its
/// skills, tiered from the posting's cues and sections (pass it to `analyze`).
/// The same as `extract` for a posting's text.
#[cfg(feature = "posting")]
#[wasm_bindgen(js_name = roleFromJobDescription)]
pub fn role_from_job_description(text: &str) -> Result<JsRoleFile, JsValue> {
    init();
    role_to_js(&Role::from_job_description(text).map_err(core_error)?)
}

/// The same role as `roleFromJobDescription`, as the JSON text the library,
/// `atscore extract --format json` and Python's `Role.to_json()` write
/// (byte for byte).
#[cfg(feature = "posting")]
#[wasm_bindgen(js_name = roleFromJobDescriptionJson)]
pub fn role_from_job_description_json(text: &str) -> Result<String, JsValue> {
    init();
    Role::from_job_description(text)
        .map(|r| r.to_json())
        .map_err(core_error)
}

/// Give the module the role library (a role for every O*NET and ESCO
/// occupation), which it does not embed (to keep the page's first load
/// small): the text of `role-library.tsv`, which `wasm/build.sh` copies
/// beside the module (`pkg/data/`, `www/pkg/data/`). Call it once before
/// `searchRoles`, `suggestRoles` or a role given by job title or library
/// name (`analyze(resume, "registered nurse")`); later calls change nothing
/// and keep no copy of their text. Throws an `AtscoreError` when the text
/// is not a role library.
#[wasm_bindgen(js_name = loadRoleLibrary)]
pub fn load_role_library(text: String) -> Result<(), JsValue> {
    init();
    // core's message as it is: no hint to call this very function
    atscore::library::load(&text).map_err(|e| error_with(e, None))
}

/// Whether the role library is loaded (see `loadRoleLibrary`).
#[wasm_bindgen(js_name = roleLibraryLoaded)]
pub fn role_library_loaded() -> bool {
    atscore::library::loaded()
}

/// A `limit` argument: a whole number from 0, or the default when absent.
fn limit_from_js(limit: Option<f64>, default: usize) -> Result<usize, JsValue> {
    match limit {
        None => Ok(default),
        Some(n) if n.is_finite() && n >= 0.0 && n.fract() == 0.0 => {
            Ok(n.min(u32::MAX as f64) as usize)
        }
        Some(n) => Err(js_error(&format!(
            "limit must be a whole number from 0, not {n}"
        ))),
    }
}

fn search_roles_core(
    query: &str,
    limit: Option<f64>,
) -> Result<Vec<atscore::library::RoleHit>, JsValue> {
    init();
    let limit = limit_from_js(limit, atscore::library::SEARCH_LIMIT)?;
    atscore::library::search(query, limit).map_err(core_error)
}

/// The built-in roles whose job titles best match `query`, best first, at
/// most `limit` (default 20): `{ name, title, source, code, matched?, score }`
/// each (`matched`: the alternate title the search matched). Letter case,
/// plurals and a typo per word are tolerated; an empty query gives the most
/// common roles. Pass a hit's `name` as a role. Needs `loadRoleLibrary`
/// first (else throws an `AtscoreError` saying so).
#[wasm_bindgen(js_name = searchRoles)]
pub fn search_roles(query: &str, limit: Option<f64>) -> Result<JsRoleHits, JsValue> {
    Ok(to_js(&search_roles_core(query, limit)?)?.unchecked_into())
}

/// `searchRoles`, as the JSON text `atscore roles --search QUERY -n LIMIT
/// --format json` writes (byte for byte).
#[wasm_bindgen(js_name = searchRolesJson)]
pub fn search_roles_json(query: &str, limit: Option<f64>) -> Result<String, JsValue> {
    Ok(atscore::library::to_json(&search_roles_core(query, limit)?))
}

#[cfg(feature = "suggest")]
fn suggest_roles_core(
    resume: &JsValue,
    limit: Option<f64>,
) -> Result<Vec<atscore::library::RoleFit>, JsValue> {
    init();
    let limit = limit_from_js(limit, atscore::library::SUGGEST_LIMIT)?;
    if let Some(text) = resume.as_string() {
        return atscore::library::suggest(&text, limit).map_err(core_error);
    }
    if !is_bytes(resume) {
        return Err(js_error(
            "resume must be its text (a string) or a file's bytes (Uint8Array or ArrayBuffer)",
        ));
    }
    let bytes = bytes_from_js(resume, &Options::default())?;
    atscore::library::suggest_file(&bytes, limit).map_err(core_error)
}

/// The built-in roles a resume fits best, best first, at most `limit`
/// (default 10): `{ name, title, source, fit, found, named? }` each
/// (`found`: the role's keywords the resume has; `named`: the role's job
/// title the resume names). `resume` is its text or the bytes of a PDF,
/// DOCX or text file (told by their content, read with the default file
/// limits). The first call compiles every keyword of the library (a second
/// or two). Needs `loadRoleLibrary` first.
#[cfg(feature = "suggest")]
#[wasm_bindgen(js_name = suggestRoles)]
pub fn suggest_roles(resume: ResumeInput, limit: Option<f64>) -> Result<JsRoleFits, JsValue> {
    Ok(to_js(&suggest_roles_core(&resume, limit)?)?.unchecked_into())
}

/// `suggestRoles`, as the JSON text `atscore roles --for RESUME -n LIMIT
/// --format json` writes (byte for byte).
#[cfg(feature = "suggest")]
#[wasm_bindgen(js_name = suggestRolesJson)]
pub fn suggest_roles_json(resume: ResumeInput, limit: Option<f64>) -> Result<String, JsValue> {
    Ok(atscore::library::fits_to_json(&suggest_roles_core(
        &resume, limit,
    )?))
}

#[derive(Serialize)]
struct RoleSummary {
    name: String,
    title: Option<String>,
    description: Option<String>,
}

/// The built-in roles: name, title and description of each.
#[wasm_bindgen]
pub fn roles() -> Result<JsRoleList, JsValue> {
    init();
    let list = Role::builtin_names()
        .into_iter()
        .map(|name| {
            let role = Role::builtin(name).map_err(core_error)?;
            Ok(RoleSummary {
                name: role.name,
                title: role.title,
                description: role.description,
            })
        })
        .collect::<Result<Vec<_>, JsValue>>()?;
    Ok(to_js(&list)?.unchecked_into())
}

/// Version of the atscore library inside this package.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

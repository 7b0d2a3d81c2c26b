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
//! ```
//!
//! This crate only converts: JS values to core types, core reports to plain JS
//! objects (or core's canonical JSON), core errors to JS `Error`s. Every rule
//! lives in `atscore`.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

use atscore::{Matcher, MatcherBuilder, OffsetEncoding, Options, Report, Role};
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
}

/// The one serializer: maps become plain objects, `None` becomes `null` (as in
/// the JSON), so `analyze(t)` deep-equals `JSON.parse(analyzeJson(t))`.
const SERIALIZER: serde_wasm_bindgen::Serializer = serde_wasm_bindgen::Serializer::new()
    .serialize_maps_as_objects(true)
    .serialize_missing_as_null(true);

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

fn core_error(e: atscore::Error) -> JsValue {
    js_error(&e.to_string())
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&SERIALIZER)
        .map_err(|e| js_error(&e.to_string()))
}

fn offsets_name(e: OffsetEncoding) -> &'static str {
    match e {
        OffsetEncoding::Utf8 => "utf8",
        OffsetEncoding::Utf16 => "utf16",
        OffsetEncoding::CodePoint => "code_point",
    }
}

/// A role from a built-in name, role JSON text, or a role object.
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
        let json = js_sys::JSON::stringify(role)
            .map_err(|_| js_error("role: cannot convert the role object to JSON"))?;
        return Role::from_json(&String::from(json)).map_err(core_error);
    }
    Err(js_error(
        "role must be a built-in role name, a role object or role JSON text",
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

    /// Analyze a resume: the report as a plain object, spans in the
    /// analyzer's offset units (UTF-16 code units unless set otherwise).
    pub fn analyze(&self, text: &str) -> Result<JsReport, JsValue> {
        Ok(to_js(&self.report(text)?)?.unchecked_into())
    }

    /// Analyze a resume: core's canonical compact JSON of the report (spans
    /// in the analyzer's offset units), byte for byte what every front end
    /// gives for the same text.
    #[wasm_bindgen(js_name = analyzeJson)]
    pub fn analyze_json(&self, text: &str) -> Result<String, JsValue> {
        Ok(self.report(text)?.to_json())
    }

    /// The compiled role, in the role-file format.
    #[wasm_bindgen(getter)]
    pub fn role(&self) -> Result<JsRoleFile, JsValue> {
        Ok(js_sys::JSON::parse(&self.matcher.role().to_json())?.unchecked_into())
    }

    /// Units of the spans of this analyzer's reports.
    #[wasm_bindgen(getter)]
    pub fn offsets(&self) -> String {
        offsets_name(self.offsets).to_string()
    }
}

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

/// The role a job description asks for, in the role-file format: its
/// skills, tiered from the posting's cues and sections (pass it to `analyze`).
#[wasm_bindgen(js_name = roleFromJobDescription)]
pub fn role_from_job_description(text: &str) -> Result<JsRoleFile, JsValue> {
    init();
    let role = Role::from_job_description(text).map_err(core_error)?;
    Ok(js_sys::JSON::parse(&role.to_json())?.unchecked_into())
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

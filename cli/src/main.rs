//! `atscore`: score a resume against a role the way an applicant tracking
//! system reads it, from the command line.
//!
//! Every rule lives in the `atscore` crate; this binary only turns arguments,
//! files and errors into calls to it and back into output and exit codes.

use std::fs;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use atscore::file::FileKind;
use atscore::{Error, Matcher, OffsetEncoding, Report, Role, TextOptions};
use clap::{Parser, Subcommand, ValueEnum};

/// Exit codes of every subcommand, for the top-level help.
const EXIT_CODES: &str = "\
Exit codes:
  0  success
  1  analyze: the score is below --fail-under
  2  usage error (bad arguments)
  3  input error: cannot read the resume or the posting (missing, damaged,
     encrypted, an old .doc, not UTF-8 text, over a size limit) or write the output
  4  role error: unknown role, bad role file, invalid keyword, or a posting that
     gives no checklist (empty, not text, no skill found)";

/// Exit codes of `analyze`.
const ANALYZE_EXIT_CODES: &str = "\
Exit codes:
  0  success
  1  the score is below --fail-under
  2  usage error (bad arguments)
  3  input error: cannot read the resume or the --jd posting (missing, damaged,
     encrypted, an old .doc, not UTF-8 text, over a size limit) or write the output
  4  role error: unknown role, bad role file, invalid keyword, or a --jd posting
     that gives no checklist (empty, not text, no skill found)";

/// Exit codes of `extract`.
const EXTRACT_EXIT_CODES: &str = "\
Exit codes:
  0  success
  2  usage error (bad arguments)
  3  input error: cannot read the posting (missing, damaged, encrypted, an old
     .doc, not UTF-8 text, over a size limit) or write the output
  4  the posting gives no checklist: empty, not text, or no skill found";

/// Exit codes of `roles`.
const ROLES_EXIT_CODES: &str = "\
Exit codes:
  0  success
  2  usage error (bad arguments)
  3  cannot read the resume (--for) or write the output";

/// Exit codes of `role show`.
const ROLE_SHOW_EXIT_CODES: &str = "\
Exit codes:
  0  success
  2  usage error (bad arguments)
  3  cannot read the role file or write the output
  4  role error: unknown role, bad role file, invalid keyword";

/// Score a resume against a role the way an applicant tracking system (ATS)
/// reads it, and say what to change.
#[derive(Parser, Debug)]
#[command(name = "atscore", version, after_help = EXIT_CODES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Analyze a resume (PDF, DOCX or plain text) against a role.
    #[command(after_help = ANALYZE_EXIT_CODES)]
    Analyze(AnalyzeArgs),
    /// List or search the built-in roles: seven hand-kept ones and a role
    /// for every O*NET and ESCO occupation, found by their job titles.
    #[command(after_help = ROLES_EXIT_CODES)]
    Roles(RolesArgs),
    /// Show roles.
    #[command(subcommand)]
    Role(RoleCommand),
    /// Read a job posting and print the checklist it asks for: skills by
    /// tier, "any one of" groups, soft skills, requirements (years,
    /// education, certifications), each with the line it came from. As a
    /// readable checklist (`--format text`) or a role file to edit and reuse
    /// with `analyze --role` (TOML, JSON).
    #[command(after_help = EXTRACT_EXIT_CODES)]
    Extract {
        /// Job posting: a PDF, DOCX or text file, or `-` for standard input.
        jd: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExtractFormat::Toml)]
        format: ExtractFormat,
    },
}

#[derive(Subcommand, Debug)]
enum RoleCommand {
    /// Print a role in the role-file format (a template for custom roles).
    #[command(after_help = ROLE_SHOW_EXIT_CODES)]
    Show {
        /// Built-in role name or job title (`"backend engineer"`), or a role file (.toml or .json) to convert.
        name: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = RoleFormatArg::Toml)]
        format: RoleFormatArg,
    },
}

#[derive(clap::Args, Debug)]
struct RolesArgs {
    /// Find roles by job title (`"registered nurse"`): titles, alternate
    /// titles and ESCO's alternative labels, best first, a typo tolerated.
    #[arg(long, short, value_name = "TITLE")]
    search: Option<String>,
    /// How many roles to list (default 20; with --all, every one).
    #[arg(long, short = 'n', value_name = "N")]
    limit: Option<usize>,
    /// List every role.
    #[arg(long, conflicts_with = "search")]
    all: bool,
    /// The roles this resume fits best (PDF, DOCX or text; `-` for stdin),
    /// by the keywords it has and the job titles it names.
    #[arg(long = "for", value_name = "RESUME", conflicts_with_all = ["search", "all"])]
    for_resume: Option<String>,
    /// Output format: a table, or JSON (name, title, source, code, the
    /// title matched, score).
    #[arg(long, short, value_enum, default_value_t = ListFormat::Text)]
    format: ListFormat,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum ListFormat {
    Text,
    Json,
}

#[derive(clap::Args, Debug)]
struct AnalyzeArgs {
    /// Resume file: PDF, DOCX or plain UTF-8 text, told by its content
    /// (not its name); `-` reads standard input.
    resume: String,
    /// Read the resume as this kind of file instead of telling it by content;
    /// a file whose content is another kind is an error.
    #[arg(long, value_enum, value_name = "KIND")]
    kind: Option<KindArg>,
    /// Built-in role name or job title (`"backend engineer"`), or a role file (.toml or .json).
    #[arg(long, short, default_value = Role::DEFAULT)]
    role: String,
    /// Score against the checklist this job posting asks for (a PDF, DOCX
    /// or text file, or `-` for standard input) instead of --role.
    #[arg(long, value_name = "FILE", conflicts_with = "role")]
    jd: Option<String>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// With --format json: indent the JSON (default: compact, canonical bytes).
    #[arg(long)]
    pretty: bool,
    /// Units of the span offsets in JSON output: UTF-8 bytes, UTF-16 code
    /// units (JavaScript), or code points (Python).
    #[arg(long, value_enum, default_value_t = Offsets::Utf8)]
    offsets: Offsets,
    /// Colors in text output: auto uses them when stdout is a terminal and
    /// NO_COLOR is not set.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Exit with code 1 when the score is below this value.
    #[arg(long, value_name = "SCORE")]
    fail_under: Option<u32>,
    /// Write the report to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Text,
    Json,
    Html,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum KindArg {
    Text,
    Pdf,
    Docx,
}

impl From<KindArg> for FileKind {
    fn from(k: KindArg) -> Self {
        match k {
            KindArg::Text => FileKind::Text,
            KindArg::Pdf => FileKind::Pdf,
            KindArg::Docx => FileKind::Docx,
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum RoleFormatArg {
    Toml,
    Json,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum ExtractFormat {
    /// The role file, TOML.
    Toml,
    /// The role file, JSON.
    Json,
    /// A readable checklist.
    Text,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum Offsets {
    Utf8,
    Utf16,
    Codepoint,
}

impl From<Offsets> for OffsetEncoding {
    fn from(o: Offsets) -> Self {
        match o {
            Offsets::Utf8 => OffsetEncoding::Utf8,
            Offsets::Utf16 => OffsetEncoding::Utf16,
            Offsets::Codepoint => OffsetEncoding::CodePoint,
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Exit codes (see [`EXIT_CODES`]).
const BELOW_THRESHOLD: u8 = 1;
const INPUT_ERROR: u8 = 3;
const ROLE_ERROR: u8 = 4;

/// A failure to report on stderr: what it is about (a file, `<stdin>`, an
/// option), why, and the exit code.
#[derive(Debug)]
struct Failure {
    code: u8,
    subject: Option<String>,
    reason: String,
}

impl Failure {
    fn new(code: u8, subject: impl Into<Option<String>>, reason: impl Into<String>) -> Self {
        Failure {
            code,
            subject: subject.into(),
            reason: reason.into(),
        }
    }

    /// A core error about `subject`, with the exit code its kind calls for.
    fn from_core(subject: impl Into<Option<String>>, err: Error) -> Self {
        let code = match err {
            Error::RoleParse { .. }
            | Error::InvalidKeyword { .. }
            | Error::InvalidRole { .. }
            | Error::UnknownRole { .. } => ROLE_ERROR,
            _ => INPUT_ERROR,
        };
        Failure::new(code, subject, err.to_string())
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze(args) => analyze(&args),
        Command::Roles(args) => roles(&args),
        Command::Role(RoleCommand::Show { name, format }) => show_role(&name, format),
        Command::Extract { jd, format } => extract(&jd, format),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(f) => {
            let mut stderr = io::stderr().lock();
            let _ = match &f.subject {
                Some(s) => writeln!(stderr, "atscore: error: {s}: {}", f.reason),
                None => writeln!(stderr, "atscore: error: {}", f.reason),
            };
            ExitCode::from(f.code)
        }
    }
}

fn analyze(args: &AnalyzeArgs) -> Result<u8, Failure> {
    let (role, role_from) = match &args.jd {
        Some(jd) => (role_from_jd(jd)?, Some(jd.clone())),
        None => (load_role(&args.role)?, role_subject(&args.role)),
    };
    let matcher = Matcher::new(role).map_err(|e| Failure::from_core(role_from, e))?;
    let subject = if args.resume == "-" {
        "<stdin>".to_string()
    } else {
        args.resume.clone()
    };
    let file_options = &matcher.options().file;
    let bytes = read_input(&args.resume, file_options.max_file_bytes, |len| {
        file_options.check_file_len(len)
    })?;
    let mut report = matcher
        .analyze_file(&bytes, args.kind.map(FileKind::from))
        .map_err(|e| Failure::from_core(subject.clone(), e))?;

    let out = match args.format {
        Format::Text => atscore::render_text(
            &report,
            TextOptions {
                color: use_color(args.color, args.output.is_some()),
                ..TextOptions::default()
            },
        ),
        Format::Json => {
            report
                .convert_input_offsets(&bytes, args.offsets.into())
                .map_err(|e| Failure::from_core(subject.clone(), e))?;
            if args.pretty {
                report.to_json_pretty()
            } else {
                report.to_json()
            }
        }
        Format::Html => {
            let text = report
                .analyzed_text(&bytes)
                .map_err(|e| Failure::from_core(subject.clone(), e))?;
            html_page(&report, text)
        }
    };
    emit(&out, args.output.as_deref())?;

    match args.fail_under {
        Some(min) if report.score < min => {
            let _ = writeln!(
                io::stderr().lock(),
                "atscore: score {} is below --fail-under {min}",
                report.score
            );
            Ok(BELOW_THRESHOLD)
        }
        _ => Ok(0),
    }
}

fn roles(args: &RolesArgs) -> Result<u8, Failure> {
    use atscore::library;
    let fail = |e| Failure::from_core(None, e);
    let limit = args.limit.unwrap_or(library::SEARCH_LIMIT);
    if let Some(path) = &args.for_resume {
        let options = atscore::file::FileOptions::default();
        let bytes = read_input(path, options.max_file_bytes, |len| {
            options.check_file_len(len)
        })?;
        let fits = library::suggest_file(&bytes, args.limit.unwrap_or(library::SUGGEST_LIMIT))
            .map_err(|e| Failure::from_core(path.clone(), e))?;
        let out = match args.format {
            ListFormat::Json => library::fits_to_json(&fits),
            ListFormat::Text => {
                let width = fits.iter().map(|f| f.name.len()).max().unwrap_or(0).min(44);
                let mut out = String::new();
                for f in &fits {
                    let found: Vec<&str> = f.found.iter().take(6).map(String::as_str).collect();
                    let mut why = Vec::new();
                    if let Some(t) = &f.named {
                        why.push(format!("names \"{t}\""));
                    }
                    if !found.is_empty() {
                        why.push(format!("has {}", found.join(", ")));
                    }
                    out.push_str(&format!(
                        "{:<width$}  {:>5.2}  {}  ({})\n",
                        f.name,
                        f.fit,
                        f.title,
                        why.join("; ")
                    ));
                }
                if fits.is_empty() {
                    out.push_str("no role's keywords or titles are in this resume\n");
                }
                out
            }
        };
        emit(out.trim_end(), None)?;
        return Ok(0);
    }
    let (hits, more) = match (&args.search, args.all) {
        (Some(q), _) => (library::search(q, limit).map_err(fail)?, None),
        (None, true) => {
            let all = library::names().map_err(fail)?;
            (
                all.into_iter()
                    .take(args.limit.unwrap_or(usize::MAX))
                    .collect(),
                None,
            )
        }
        (None, false) => {
            // the hand-kept roles, then the most common ones
            let mut hits = library::names().map_err(fail)?;
            let total = hits.len();
            hits.truncate(Role::builtin_names().len());
            for h in library::common(limit).map_err(fail)? {
                if hits.len() >= limit.max(Role::builtin_names().len()) {
                    break;
                }
                if !hits.iter().any(|k| k.name == h.name) {
                    hits.push(h);
                }
            }
            (hits, Some(total))
        }
    };
    if let ListFormat::Json = args.format {
        emit(&library::to_json(&hits), None)?;
        return Ok(0);
    }
    let mut out = String::new();
    if hits.is_empty() {
        out.push_str("no role has a title like that; try fewer or other words\n");
    }
    let width = hits.iter().map(|h| h.name.len()).max().unwrap_or(0).min(44);
    for h in &hits {
        let source = match h.source {
            "onet" => format!("O*NET {}", h.code),
            "esco" => "ESCO".to_string(),
            _ => "hand-kept".to_string(),
        };
        out.push_str(&format!("{:<width$}  {}  [{source}]", h.name, h.title));
        if let Some(m) = &h.matched {
            out.push_str(&format!("  (as \"{m}\")"));
        }
        out.push('\n');
    }
    if let Some(total) = more {
        out.push_str(&format!(
            "\n{total} roles in all: `atscore roles --search TITLE` finds one, `--all` lists every one.\n"
        ));
    }
    emit(out.trim_end(), None)?;
    Ok(0)
}

fn show_role(name: &str, format: RoleFormatArg) -> Result<u8, Failure> {
    let role = load_role(name)?;
    let out = match format {
        RoleFormatArg::Toml => role.to_toml(),
        RoleFormatArg::Json => role.to_json(),
    };
    emit(out.trim_end(), None)?;
    Ok(0)
}

fn extract(jd: &str, format: ExtractFormat) -> Result<u8, Failure> {
    let role = role_from_jd(jd)?;
    let out = match format {
        ExtractFormat::Toml => role.to_toml(),
        ExtractFormat::Json => role.to_json(),
        ExtractFormat::Text => atscore::posting::render_checklist(&role),
    };
    emit(out.trim_end(), None)?;
    Ok(0)
}

/// The role a job posting file (PDF, DOCX or text; `-` for stdin) asks for.
fn role_from_jd(path: &str) -> Result<Role, Failure> {
    let subject = if path == "-" { "<stdin>" } else { path }.to_string();
    let options = atscore::file::FileOptions::default();
    let limit = options.max_file_bytes;
    let bytes = read_input(path, limit, |len| options.check_file_len(len))?;
    let posting =
        atscore::posting::read_bytes(&bytes).map_err(|e| Failure::from_core(subject.clone(), e))?;
    // what may be wrong with the input ("this looks like a resume"): on
    // stderr, the role (if any) on stdout
    for w in &posting.warnings {
        eprintln!("atscore: {subject}: warning: {w}");
    }
    posting.role().map_err(|e| Failure::from_core(subject, e))
}

/// Whether `value` of `--role` names a file rather than a built-in role.
fn is_role_file(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    lower.ends_with(".json") || lower.ends_with(".toml") || Path::new(value).is_file()
}

fn role_subject(value: &str) -> Option<String> {
    is_role_file(value).then(|| value.to_string())
}

/// A built-in role by name, or a role file: JSON or TOML by extension, else
/// JSON when the text starts with `{`.
fn load_role(value: &str) -> Result<Role, Failure> {
    if !is_role_file(value) {
        return Role::find(value).map_err(|e| Failure::from_core(None, e));
    }
    let fail = |e| Failure::from_core(value.to_string(), e);
    let bytes =
        fs::read(value).map_err(|e| Failure::new(ROLE_ERROR, value.to_string(), io_reason(&e)))?;
    let text = atscore::text_from_bytes(&bytes).map_err(fail)?;
    let lower = value.to_ascii_lowercase();
    let json = if lower.ends_with(".json") {
        true
    } else if lower.ends_with(".toml") {
        false
    } else {
        text.trim_start_matches('\u{feff}')
            .trim_start()
            .starts_with('{')
    };
    if json {
        Role::from_json(text).map_err(fail)
    } else {
        Role::from_toml(text).map_err(fail)
    }
}

/// Read a file (or stdin for `-`), at most `limit + 1` bytes so that a huge
/// input is refused by the core's size check without being read whole. A file
/// whose size (from its metadata) is over `limit` is refused unread, with the
/// error `too_large` gives for its size.
fn read_input(
    path: &str,
    limit: usize,
    too_large: impl Fn(u64) -> Result<(), Error>,
) -> Result<Vec<u8>, Failure> {
    let cap = (limit as u64).saturating_add(1);
    let mut bytes = Vec::new();
    if path == "-" {
        io::stdin()
            .lock()
            .take(cap)
            .read_to_end(&mut bytes)
            .map_err(|e| Failure::new(INPUT_ERROR, "<stdin>".to_string(), io_reason(&e)))?;
        return Ok(bytes);
    }
    let fail = |e: io::Error| Failure::new(INPUT_ERROR, path.to_string(), io_reason(&e));
    let file = fs::File::open(path).map_err(fail)?;
    let meta = file.metadata().map_err(fail)?;
    if meta.is_dir() {
        return Err(Failure::new(
            INPUT_ERROR,
            path.to_string(),
            "is a directory, not a resume file",
        ));
    }
    if meta.len() > limit as u64 {
        too_large(meta.len()).map_err(|e| Failure::from_core(path.to_string(), e))?;
    }
    file.take(cap).read_to_end(&mut bytes).map_err(fail)?;
    Ok(bytes)
}

/// An I/O error's reason without the `(os error N)` suffix.
fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        io::ErrorKind::IsADirectory => "is a directory, not a file".to_string(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    }
}

fn use_color(choice: ColorChoice, to_file: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            !to_file
                && io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

/// A standalone HTML page around the core's report fragment.
fn html_page(report: &Report, text: &str) -> String {
    let title = report.role.title.as_deref().unwrap_or(&report.role.name);
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>atscore: {}/100 against {}</title>\n</head>\n<body>\n{}\n</body>\n</html>",
        report.score,
        atscore::report::escape_html(title),
        atscore::render_html(report, Some(text)),
    )
}

/// Write `out` and a final newline to the file, or to stdout. A closed pipe
/// on stdout (`atscore ... | head`) is not an error: the reader has what it wanted.
fn emit(out: &str, file: Option<&Path>) -> Result<(), Failure> {
    match file {
        Some(path) => {
            let subject = path.display().to_string();
            fs::write(path, format!("{out}\n")).map_err(|e| {
                Failure::new(
                    INPUT_ERROR,
                    subject,
                    format!("cannot write: {}", io_reason(&e)),
                )
            })
        }
        None => {
            let mut stdout = io::stdout().lock();
            match writeln!(stdout, "{out}").and_then(|()| stdout.flush()) {
                Ok(()) => Ok(()),
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
                Err(e) => Err(Failure::new(
                    INPUT_ERROR,
                    "<stdout>".to_string(),
                    format!("cannot write: {}", io_reason(&e)),
                )),
            }
        }
    }
}

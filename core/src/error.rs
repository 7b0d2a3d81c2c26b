//! The one error type of the crate.
//!
//! Every failure caused by user input (a role file, a resume, an option) is a
//! variant of [`Error`] whose message names the culprit: the keyword and field
//! of a role, the line and column of a parse error, the byte offset of invalid
//! UTF-8. Nothing in this crate panics on input.

use std::fmt;

/// Result alias used throughout the crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Format of a role file, used in parse errors.
///
/// ```
/// assert_eq!(atscore::RoleFormat::Toml.to_string(), "TOML");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RoleFormat {
    /// JSON text.
    Json,
    /// TOML text.
    Toml,
}

impl fmt::Display for RoleFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RoleFormat::Json => "JSON",
            RoleFormat::Toml => "TOML",
        })
    }
}

/// Everything that can go wrong, each variant naming what is wrong and where.
///
/// ```
/// let err = atscore::Role::builtin("no-such-role").unwrap_err();
/// assert!(matches!(err, atscore::Error::UnknownRole { .. }));
/// assert!(err.to_string().contains("no-such-role"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A role file could not be parsed (syntax, wrong type, unknown field).
    #[error("cannot read role ({format}){}: {message}", location(*line, *column))]
    RoleParse {
        /// JSON or TOML.
        format: RoleFormat,
        /// 1-based line of the problem, when the parser knows it.
        line: Option<usize>,
        /// 1-based column of the problem, when the parser knows it.
        column: Option<usize>,
        /// The parser's description of the problem.
        message: String,
    },
    /// A role parsed but one of its keywords is not valid.
    #[error("invalid role: keyword {keyword:?}, field `{field}`: {reason}")]
    InvalidKeyword {
        /// The keyword as written in the role (its `term`), or its position if it has none.
        keyword: String,
        /// The field at fault (`term`, `aliases`, `weight`, ...).
        field: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A role is not valid as a whole (no keywords, bad name, ...).
    #[error("invalid role: field `{field}`: {reason}")]
    InvalidRole {
        /// The field at fault.
        field: String,
        /// What is wrong with it.
        reason: String,
    },
    /// No built-in role has this name or title (unambiguously).
    #[error("unknown role {name:?}; {}", closest(available))]
    UnknownRole {
        /// The name asked for.
        name: String,
        /// The names of the roles whose titles are closest to it, best first
        /// (`atscore roles --search` lists them with their titles).
        available: Vec<String>,
    },
    /// An option passed to the builder is out of range.
    #[error("invalid option `{option}`: {reason}")]
    InvalidOption {
        /// The option's name.
        option: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The input is larger than the configured limit.
    #[error("input too large: {len} bytes, the limit is {limit} bytes (option `max_input_bytes`)")]
    InputTooLarge {
        /// Size of the input in bytes.
        len: usize,
        /// The configured limit in bytes.
        limit: usize,
    },
    /// Bytes given as text are not valid UTF-8.
    #[error(
        "input is not UTF-8 text: invalid byte sequence at byte offset {offset}{}",
        if *binary { " (it looks like a binary file such as a PDF or Word document; save or export the resume as plain text)" } else { "" }
    )]
    InvalidUtf8 {
        /// Byte offset of the first invalid sequence.
        offset: usize,
        /// Whether the bytes look like a binary file (NUL bytes, a PDF or ZIP signature).
        binary: bool,
    },
    /// A file is of a kind this build cannot read (an old binary `.doc`, a
    /// ZIP archive that is no Word document, a PDF or DOCX when the crate
    /// was built without the `pdf` or `docx` feature).
    #[error("cannot read this file: {reason}")]
    UnsupportedFile {
        /// What kind of file it is, as far as its first bytes tell.
        kind: String,
        /// Why it cannot be read, and what to do instead.
        reason: String,
    },
    /// A PDF or DOCX is damaged: truncated, malformed, or not what its
    /// first bytes claim.
    #[error("cannot read this {kind} file: {reason}")]
    CorruptFile {
        /// `PDF` or `DOCX`.
        kind: String,
        /// What the reader found wrong (with where, when it knows).
        reason: String,
    },
    /// A PDF or DOCX is protected by a password or encrypted.
    #[error(
        "this {kind} file is encrypted or password-protected; an ATS cannot read it either: save an unprotected copy (File > Save As, or Print > Save as PDF) and try that"
    )]
    EncryptedFile {
        /// `PDF` or `DOCX`.
        kind: String,
    },
    /// A file goes over one of the limits of [`FileOptions`](crate::file::FileOptions).
    #[error("{what}: {value}, the limit is {limit} (option `file.{option}`)")]
    FileLimit {
        /// What was counted ("file size in bytes", "pages", ...).
        what: String,
        /// How much of it the file has (or has at least, when reading stopped there).
        value: u64,
        /// The configured limit.
        limit: u64,
        /// The option that sets the limit.
        option: String,
    },
}

fn location(line: Option<usize>, column: Option<usize>) -> String {
    match (line, column) {
        (Some(l), Some(c)) => format!(" at line {l}, column {c}"),
        (Some(l), None) => format!(" at line {l}"),
        _ => String::new(),
    }
}

impl Error {
    /// What is wrong with a file, as every front end names it (Python's
    /// `FileError.problem`, JavaScript's `AtscoreFileError.problem`):
    /// `"unsupported"`, `"corrupt"`, `"encrypted"` or `"limit"`; `None` for
    /// an error that is not about a file.
    ///
    /// ```
    /// let err = atscore::Error::EncryptedFile { kind: "PDF".to_string() };
    /// assert_eq!(err.file_problem(), Some("encrypted"));
    /// let err = atscore::Role::builtin("no-such-role").unwrap_err();
    /// assert_eq!(err.file_problem(), None);
    /// ```
    pub fn file_problem(&self) -> Option<&'static str> {
        match self {
            Error::UnsupportedFile { .. } => Some("unsupported"),
            Error::CorruptFile { .. } => Some("corrupt"),
            Error::EncryptedFile { .. } => Some("encrypted"),
            Error::FileLimit { .. } => Some("limit"),
            _ => None,
        }
    }

    pub(crate) fn keyword(keyword: &str, field: &str, reason: impl Into<String>) -> Self {
        Error::InvalidKeyword {
            keyword: keyword.to_string(),
            field: field.to_string(),
            reason: reason.into(),
        }
    }

    pub(crate) fn role(field: &str, reason: impl Into<String>) -> Self {
        Error::InvalidRole {
            field: field.to_string(),
            reason: reason.into(),
        }
    }

    pub(crate) fn option(option: &str, reason: impl Into<String>) -> Self {
        Error::InvalidOption {
            option: option.to_string(),
            reason: reason.into(),
        }
    }
}

/// Validate bytes as UTF-8 text, with a typed error naming the first bad byte.
///
/// ```
/// assert_eq!(atscore::text_from_bytes(b"Rust developer").unwrap(), "Rust developer");
/// let err = atscore::text_from_bytes(b"%PDF-1.7\n\xff\xfe").unwrap_err();
/// assert!(err.to_string().contains("byte offset 9"));
/// ```
pub fn text_from_bytes(bytes: &[u8]) -> Result<&str> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) => {
            let head = &bytes[..bytes.len().min(4096)];
            let binary = head.contains(&0)
                || bytes.starts_with(b"%PDF")
                || bytes.starts_with(b"PK\x03\x04")
                || bytes.starts_with(b"\xD0\xCF\x11\xE0");
            Err(Error::InvalidUtf8 {
                offset: e.valid_up_to(),
                binary,
            })
        }
    }
}

fn closest(names: &[String]) -> String {
    if names.is_empty() {
        "no role has a title like it (a role search lists roles by title)".to_string()
    } else {
        format!("closest roles: {}", names.join(", "))
    }
}

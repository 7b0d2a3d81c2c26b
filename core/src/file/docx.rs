//! DOCX to text (placeholder: being written).

use super::{Extracted, FileOptions};
use crate::error::{Error, Result};

/// The text of a DOCX file.
pub(crate) fn extract(_bytes: &[u8], _options: &FileOptions) -> Result<Extracted> {
    Err(Error::UnsupportedFile {
        kind: "DOCX".to_string(),
        reason: "DOCX reading is not written yet".to_string(),
    })
}

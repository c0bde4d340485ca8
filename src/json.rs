//! Reading and writing plans as JSON (feature `json`, on by default).
//!
//! [`from_str`] and [`from_reader`] separate the two ways input can be wrong:
//! JSON that does not fit the format (a [`PlanReadError::Format`], with the
//! path of the field, e.g. `responsibilities[0].delivery_asks[1].kind.performance_target.threshold`),
//! and a well-formed plan that breaks invariants (a
//! [`PlanReadError::Invalid`], with every violation). The format is
//! documented in the README's "JSON interchange format" section.
//!
//! Text is kept exactly as given, control characters included: a NUL
//! (`\u0000`, legal in JSON) in a title or a description is stored
//! verbatim and written back as the escape `\u0000`, never as a raw NUL
//! byte. Ids, ODS codes and the closed sets (standards, tumour sites...)
//! refuse it by their grammar, with the field's path. A caller passing text
//! on to C strings or a terminal escapes it there.

use std::io;

use crate::{CancerPlan, CancerPlanBuilder, ValidationErrors};

/// Why JSON could not be read as a plan.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PlanReadError {
    /// The input is not JSON, or does not fit the plan format.
    #[error("{path}: {message}")]
    Format {
        /// Where in the document (`.` for the root).
        path: String,
        /// What is wrong there (from serde_json, with line and column).
        message: String,
    },
    /// The plan is well-formed but breaks invariants.
    #[error("the plan is invalid: {0}")]
    Invalid(#[from] ValidationErrors),
}

/// Reads a plan from JSON text.
///
/// ```
/// use cancer_plan::json::{from_str, PlanReadError};
/// let err = from_str(r#"{"title": "t", "financial_year": "2024/26"}"#).err().ok_or("should fail")?;
/// assert!(matches!(err, PlanReadError::Format { ref path, .. } if path == "financial_year"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn from_str(json: &str) -> Result<CancerPlan, PlanReadError> {
    let mut de = serde_json::Deserializer::from_str(json);
    let parsed = serde_path_to_error::deserialize::<_, CancerPlanBuilder>(&mut de);
    finish(parsed, de.end())
}

/// Reads a plan from any reader of JSON (a file, a socket, a buffer).
///
/// The input is read to its end first, then parsed as [`from_str`] parses
/// it, so the two give the same plan, and the same errors with the same
/// line and column (serde_json's streaming reader placed some errors one
/// column later than its string reader). Input that is not UTF-8 is a
/// [`PlanReadError::Format`] at the root naming the line and column of the
/// first bad byte; a failing reader is one with the reader's error.
///
/// # Errors
///
/// As [`from_str`], and the two cases above.
pub fn from_reader<R: io::Read>(mut reader: R) -> Result<CancerPlan, PlanReadError> {
    let root = |message: String| PlanReadError::Format {
        path: ".".into(),
        message,
    };
    let mut bytes = Vec::new();
    reader
        .read_to_end(&mut bytes)
        .map_err(|e| root(format!("reading failed: {e}")))?;
    let text = std::str::from_utf8(&bytes).map_err(|e| {
        let before = bytes.get(..e.valid_up_to()).unwrap_or_default();
        let line = before
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            .saturating_add(1);
        let column = before
            .iter()
            .rev()
            .take_while(|&&b| b != b'\n')
            .count()
            .saturating_add(1);
        root(format!(
            "the input is not UTF-8 at line {line} column {column} (byte {})",
            e.valid_up_to()
        ))
    })?;
    from_str(text)
}

/// Turns the parse result and the end-of-input check (nothing but
/// whitespace may follow the plan) into a built plan.
fn finish(
    parsed: Result<CancerPlanBuilder, serde_path_to_error::Error<serde_json::Error>>,
    end: Result<(), serde_json::Error>,
) -> Result<CancerPlan, PlanReadError> {
    let builder = parsed.map_err(|e| PlanReadError::Format {
        path: e.path().to_string(),
        message: e.inner().to_string(),
    })?;
    end.map_err(|e| PlanReadError::Format {
        path: ".".into(),
        message: e.to_string(),
    })?;
    Ok(builder.build()?)
}

/// Writes a plan as pretty-printed JSON (two-space indent, trailing newline).
pub fn to_string_pretty(plan: &CancerPlan) -> Result<String, serde_json::Error> {
    let mut text = serde_json::to_string_pretty(plan)?;
    text.push('\n');
    Ok(text)
}

//! Reading and writing plans as JSON (feature `json`, on by default).
//!
//! **One validation channel.** [`from_str`] and [`from_reader`] report
//! every problem of a document in one read, each as a
//! [`Violation`] at its path (and line and column):
//! the places where the document does not fit the format (unknown fields,
//! wrong types, JSON floats where money or a share is expected, values out
//! of range, unknown enum values, missing required fields, text that does
//! not parse) and the broken invariants of everything that did fit (broken
//! references, duplicate ids, months outside the plan's year, ...), all in
//! one [`PlanReadError::Invalid`]. Only text that is not JSON at all (a
//! truncated file) stops the read early, as [`PlanReadError::Syntax`] with
//! its line and column.
//!
//! How: the text is parsed into a `serde_json::Value`; a walk checks it
//! against the shape of the format, field by field, recording each misfit
//! and leaving the misfitting field (or list entry) out; the rest is read
//! into the plan's builder, which checks the invariants. Builder violations
//! that are only a consequence of a misfit (a reference to an ask that
//! could not be read, a required field whose value had the wrong type) are
//! not reported twice. Small values (an ICB, a budget line's term) are
//! read whole: of several problems inside one of them, the first is
//! reported.
//!
//! The format is documented in the README's "JSON interchange format"
//! section.

use std::io;

use crate::validate::{FieldPath, Rule, Violation};
use crate::{plan::CancerPlan, plan::CancerPlanBuilder, validate::ValidationErrors};

mod locate;
mod spec;
mod walk;

/// Why JSON could not be read as a plan.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PlanReadError {
    /// The input is not JSON (or could not be read): serde_json's error,
    /// with its line and column, is the [`source`](std::error::Error::source).
    #[error("the input is not well-formed JSON")]
    Syntax(#[source] serde_json::Error),
    /// The document is JSON but does not fit the plan format, or the plan
    /// breaks invariants: every violation found, each at its path.
    #[error("the plan document has {} violation{}", .0.len(), if .0.len() == 1 { "" } else { "s" })]
    Invalid(#[source] ValidationErrors),
}

impl PlanReadError {
    /// The line and column of a syntax error (`None` for violations, which
    /// carry their own).
    pub fn location(&self) -> Option<crate::validate::Location> {
        match self {
            PlanReadError::Syntax(e) if e.line() > 0 => {
                Some(crate::validate::Location::new(e.line(), e.column()))
            }
            _ => None,
        }
    }

    /// The violations, if the document was JSON.
    pub fn violations(&self) -> Option<&ValidationErrors> {
        match self {
            PlanReadError::Invalid(errors) => Some(errors),
            PlanReadError::Syntax(_) => None,
        }
    }
}

impl From<ValidationErrors> for PlanReadError {
    fn from(errors: ValidationErrors) -> PlanReadError {
        PlanReadError::Invalid(errors)
    }
}

/// Reads a plan from JSON text, reporting every problem at once.
///
/// # Errors
///
/// [`PlanReadError::Syntax`] when the text is not JSON;
/// [`PlanReadError::Invalid`] with every violation otherwise.
///
/// ```
/// use cancer_plan::json::{from_str, PlanReadError};
/// use cancer_plan::Rule;
/// let err = from_str(r#"{"title": 7, "financial_year": "2024/26", "colour": "red"}"#)
///     .err().ok_or("should fail")?;
/// let violations = err.violations().ok_or("JSON, so violations")?;
/// let found: Vec<String> = violations.iter().map(|v| v.path().to_string()).collect();
/// // In the order of the text; the missing alliance is placed at the root.
/// assert_eq!(found, ["alliance", "title", "financial_year", "colour"]);
/// assert!(matches!(violations.at("colour").map(|v| v.rule()), Some(Rule::UnknownField { .. })));
/// assert_eq!(violations.at("title").and_then(|v| v.location()).map(|l| l.column()), Some(2));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn from_str(json: &str) -> Result<CancerPlan, PlanReadError> {
    let value: serde_json::Value = serde_json::from_str(json).map_err(PlanReadError::Syntax)?;
    read(value, Some(json))
}

/// Reads a plan from any reader of JSON (a file, a socket, a buffer); like
/// [`from_str`], but violations carry line and column only when the text
/// is at hand, so this reads the whole input first.
///
/// # Errors
///
/// [`PlanReadError::Syntax`] when the input cannot be read or is not JSON;
/// [`PlanReadError::Invalid`] with every violation otherwise.
pub fn from_reader<R: io::Read>(mut reader: R) -> Result<CancerPlan, PlanReadError> {
    let mut bytes = Vec::new();
    if let Err(e) = reader.read_to_end(&mut bytes) {
        return Err(PlanReadError::Syntax(serde_json::Error::io(e)));
    }
    match String::from_utf8(bytes) {
        Ok(text) => from_str(&text),
        // Not UTF-8: serde_json's own reading of the bytes names the line
        // and column of the first bad byte (JSON text is UTF-8).
        Err(e) => Err(PlanReadError::Syntax(
            match serde_json::from_slice::<serde_json::Value>(e.as_bytes()) {
                Err(json_error) => json_error,
                Ok(_) => serde_json::Error::io(io::Error::new(io::ErrorKind::InvalidData, e)),
            },
        )),
    }
}

/// Reads a plan from a parsed JSON value (no line and column).
///
/// # Errors
///
/// [`PlanReadError::Invalid`] with every violation.
pub fn from_value(value: &serde_json::Value) -> Result<CancerPlan, PlanReadError> {
    read(value.clone(), None)
}

fn read(value: serde_json::Value, text: Option<&str>) -> Result<CancerPlan, PlanReadError> {
    let (mut walk, kept) = walk::Walk::run(&spec::PLAN, value);
    // What fits is read whole once; a misfit the walk did not catch (the
    // shape and the types disagree, which a test rules out) is still
    // reported, at its path.
    let built = kept.and_then(|kept| {
        match serde_path_to_error::deserialize::<_, CancerPlanBuilder>(&kept) {
            Ok(builder) => Some(builder.build()),
            Err(e) => {
                walk.record(e, &kept, &FieldPath::root());
                None
            }
        }
    });
    let mut violations = walk.violations.clone();
    let plan = match built {
        Some(Ok(plan)) if violations.is_empty() => return Ok(plan),
        Some(Ok(plan)) => Some(plan),
        Some(Err(errors)) => {
            let misfits: Vec<FieldPath> =
                walk.violations.iter().map(|v| v.path().clone()).collect();
            for mut v in errors {
                v.map_paths(|p| walk.original(p));
                let consequence = misfits
                    .iter()
                    .any(|m| m.starts_with(v.path()) || v.path().starts_with(m))
                    || (matches!(v.rule(), Rule::Resolves { .. })
                        && walk.dropped_ids.contains(v.value()));
                if !consequence {
                    violations.push(v);
                }
            }
            None
        }
        None => None,
    };
    if let (true, Some(plan)) = (violations.is_empty(), plan) {
        return Ok(plan);
    }
    if violations.is_empty() {
        // Cannot happen (a plan that was not built has a reason), but no
        // input may pass unreported.
        violations.push(Violation::new(FieldPath::root(), "", Rule::Required));
    }
    if let Some(text) = text {
        let found = locate::locations(text);
        for v in &mut violations {
            if let Some(at) = locate::nearest(&found, v.path()) {
                *v = v.clone().at_location(at);
            }
        }
        // In the order of the text (stable: a builder's order within a place).
        violations.sort_by_key(|v| v.location().map(|l| (l.line(), l.column())));
    }
    match ValidationErrors::from_violations(violations) {
        Some(errors) => Err(PlanReadError::Invalid(errors)),
        None => Err(PlanReadError::Invalid(ValidationErrors::default())),
    }
}

/// Writes a plan as pretty-printed JSON (two-space indent, trailing newline).
///
/// # Errors
///
/// Only if serde_json fails to serialise (it does not for a plan).
pub fn to_string_pretty(plan: &CancerPlan) -> Result<String, serde_json::Error> {
    let mut text = serde_json::to_string_pretty(plan)?;
    text.push('\n');
    Ok(text)
}

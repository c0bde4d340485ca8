//! Helpers shared by the integration tests (not a test target itself).

#![allow(dead_code)]

use cancer_plan::validate::{FieldPath, Segment};

/// Checks that `path` names a place in `json`; with `missing_leaf`, the last
/// field may be absent from its object (a required field left out).
pub fn path_in_json(
    json: &serde_json::Value,
    path: &FieldPath,
    missing_leaf: bool,
) -> Result<(), String> {
    let segments = path.segments();
    let mut here = json;
    for (n, segment) in segments.iter().enumerate() {
        let next = match segment {
            Segment::Field(name) => here.get(name.as_str()),
            Segment::Index(i) => here.get(*i),
        };
        match next {
            Some(next) => here = next,
            None if missing_leaf && n + 1 == segments.len() && here.is_object() => return Ok(()),
            None => return Err(format!("{path}: no {segment:?} in {here}")),
        }
    }
    Ok(())
}

/// Every violation's path names the field in the JSON form of the input.
pub fn assert_paths_in_json(json: &serde_json::Value, errors: &cancer_plan::ValidationErrors) {
    for v in errors {
        let missing = v.value().is_empty()
            && matches!(
                v.rule(),
                cancer_plan::Rule::Required | cancer_plan::Rule::RequiredWhen { .. }
            );
        if let Err(e) = path_in_json(json, v.path(), missing) {
            panic!("{e} ({v})");
        }
    }
}

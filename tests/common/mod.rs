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

/// A monthly SPC series of `values` from `start` (`"2023-04"`), one month
/// apart; panics on a bad month or value (test input is known good).
pub fn monthly_series(start: &str, values: &[f64]) -> cancer_plan::spc::Series {
    let start: cancer_plan::YearMonth = start.parse().unwrap();
    cancer_plan::spc::Series::new(
        values
            .iter()
            .enumerate()
            .map(|(i, v)| (start.plus_months(i as i32), *v)),
    )
    .unwrap()
}

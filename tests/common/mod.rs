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
            .map(|(i, v)| (start.plus_months(i as i32).unwrap(), *v)),
    )
    .unwrap()
}

/// The path of a file in the project's shared NHS data (`../shared/data`
/// beside the repository, or the folder named by `CANCER_PLAN_SHARED_DATA`),
/// e.g. `shared_data("cwt/cwt-provider-extract-2023-10-wessex.csv")`.
///
/// These public NHS England files are never copied into the crate. When
/// `CANCER_PLAN_SHARED_DATA` is set (CI sets it), a missing file fails the
/// test; otherwise the caller skips, and this prints a note saying so.
pub fn shared_data(relative: &str) -> Option<std::path::PathBuf> {
    let (root, required) = match std::env::var_os("CANCER_PLAN_SHARED_DATA") {
        Some(dir) => (std::path::PathBuf::from(dir), true),
        None => (
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data"),
            false,
        ),
    };
    let path = root.join(relative);
    if path.is_file() {
        Some(path)
    } else if required {
        panic!(
            "CANCER_PLAN_SHARED_DATA is set but {} does not exist",
            path.display()
        );
    } else {
        eprintln!(
            "note: skipped: shared NHS data file {} not found (set CANCER_PLAN_SHARED_DATA to its folder)",
            path.display()
        );
        None
    }
}

/// The text of a shared NHS data file (see [`shared_data`]); `None` when the
/// test should skip.
pub fn shared_text(relative: &str) -> Option<String> {
    let path = shared_data(relative)?;
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(e) => panic!("reading {}: {e}", path.display()),
    }
}

//! Helpers shared by the integration tests (not a test target itself).

#![allow(dead_code)]

/// Checks that `path` (`posts[0].costing.total.amount`) names a place in
/// `json`; with `missing_leaf`, the last field may be absent from its object
/// (a required field left out).
pub fn path_in_json(
    json: &serde_json::Value,
    path: &str,
    missing_leaf: bool,
) -> Result<(), String> {
    let segments: Vec<&str> = path.split('.').collect();
    let mut here = json;
    for (n, segment) in segments.iter().enumerate() {
        let (name, indexes) = segment.split_at(segment.find('[').unwrap_or(segment.len()));
        if !name.is_empty() {
            match here.get(name) {
                Some(next) => here = next,
                None if missing_leaf && n + 1 == segments.len() && here.is_object() => {
                    return Ok(())
                }
                None => return Err(format!("{path}: no `{name}` in {here}")),
            }
        }
        for index in indexes.split(['[', ']']).filter(|i| !i.is_empty()) {
            let index: usize = index.parse().map_err(|_| format!("{path}: bad index"))?;
            here = here
                .get(index)
                .ok_or_else(|| format!("{path}: no [{index}] in {here}"))?;
        }
    }
    Ok(())
}

/// Every violation's path names the field in the JSON form of the input.
pub fn assert_paths_in_json(json: &serde_json::Value, errors: &cancer_plan::ValidationErrors) {
    for v in errors {
        let missing = v.value().is_empty()
            && (*v.rule() == cancer_plan::Rule::Required || v.to_string().contains("is required"));
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

//! Plan JSON: `json::from_str` and `json::from_reader` agree on every
//! input, and a plan read back from what was written is the same plan.

use cancer_plan::json::{self, PlanReadError};

/// The outcome of a read, comparable across the two readers: the plan, or
/// the error's kind, path and message.
fn outcome(
    result: Result<cancer_plan::CancerPlan, PlanReadError>,
) -> Result<cancer_plan::CancerPlan, String> {
    result.map_err(|e| match e {
        PlanReadError::Syntax(e) => format!("syntax: {e}"),
        PlanReadError::Invalid(errors) => format!("invalid: {errors}"),
        other => format!("other: {other}"),
    })
}

/// The body: any bytes.
pub fn run(data: &[u8]) {
    let from_reader = outcome(json::from_reader(data));
    let Ok(text) = std::str::from_utf8(data) else {
        // Not UTF-8: the reader must refuse it as a format error.
        assert!(from_reader.is_err(), "from_reader accepted invalid UTF-8");
        return;
    };
    let from_str = outcome(json::from_str(text));
    assert_eq!(from_str, from_reader, "from_str and from_reader disagree");
    let Ok(plan) = from_str else { return };
    let written = json::to_string_pretty(&plan).expect("a valid plan always writes");
    let back = json::from_str(&written).expect("what was written reads back");
    assert_eq!(back, plan, "read -> write -> read changed the plan");
    let again = json::to_string_pretty(&back).expect("a valid plan always writes");
    assert_eq!(again, written, "write is not stable");
}

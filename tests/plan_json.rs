//! JSON goes through the same checks as the builder, and round-trips exactly.

use cancer_plan::json::{self, PlanReadError};
use cancer_plan::{CancerPlan, Money, Rule};

type TestResult = Result<(), Box<dyn std::error::Error>>;

const WESSEX: &str = include_str!("../examples/data/wessex-2024-25.json");

#[test]
fn the_wessex_json_reads_and_round_trips_exactly() -> TestResult {
    let plan = json::from_str(WESSEX)?;
    let text = json::to_string_pretty(&plan)?;
    assert_eq!(
        text, WESSEX,
        "serialising the parsed plan gives back the same text"
    );
    let again: CancerPlan = serde_json::from_str(&text)?;
    assert_eq!(again, plan);
    Ok(())
}

#[test]
fn a_broken_reference_in_json_is_rejected_with_its_path() -> TestResult {
    let mut value: serde_json::Value = serde_json::from_str(WESSEX)?;
    let reference = value
        .pointer_mut("/responsibilities/0/interventions/0/serves/0")
        .ok_or("the Wessex plan's first intervention serves an ask")?;
    *reference = "fds-800".into();
    let broken = serde_json::to_string(&value)?;
    let err = json::from_str(&broken).err().ok_or("should be rejected")?;
    let PlanReadError::Invalid(errors) = err else {
        panic!("expected validation errors, got {err}");
    };
    let v = errors
        .at("responsibilities[0].interventions[0].serves[0]")
        .ok_or_else(|| format!("no violation at the path: {errors}"))?;
    assert_eq!(v.value(), "fds-800");
    assert!(matches!(v.rule(), Rule::Resolves { .. }));

    // Plain serde (try_from) gives the same checks, as a message.
    let plain = serde_json::from_str::<CancerPlan>(&broken)
        .err()
        .ok_or("serde should reject it too")?;
    assert!(plain
        .to_string()
        .contains("responsibilities[0].interventions[0].serves[0]: `fds-800` must name an existing delivery ask"));
    Ok(())
}

#[test]
fn a_type_error_names_its_path() -> TestResult {
    let bad = WESSEX.replacen("\"threshold\": \"80\"", "\"threshold\": \"180\"", 1);
    assert_ne!(bad, WESSEX);
    let err = json::from_str(&bad).err().ok_or("should fail")?;
    let errors = err.violations().ok_or("violations")?;
    let v = errors
        .at("responsibilities[0].delivery_asks[0].kind.performance_target.threshold")
        .ok_or_else(|| format!("{errors}"))?;
    assert_eq!(v.rule(), &Rule::between("0%", "100%"));
    assert_eq!(v.value(), "180");
    assert_eq!(errors.len(), 1, "{errors}");
    // A syntax error stops the read, with serde_json's error as the source.
    for text in ["not json", "{} trailing", "{\"title\": "] {
        let err = json::from_str(text).err().ok_or("should fail")?;
        assert!(matches!(err, PlanReadError::Syntax(_)), "{err:?}");
        assert!(std::error::Error::source(&err).is_some());
        assert!(err.location().is_some());
    }
    // The message does not repeat what the source says.
    assert_eq!(err.to_string(), "the plan document has 1 violation");
    Ok(())
}

#[test]
fn money_never_goes_through_f64() -> TestResult {
    // 0.1 + 0.2 is not 0.3 in binary floating point; in Money it is.
    let a: Money = serde_json::from_str("\"0.1\"")?;
    let b: Money = serde_json::from_str("\"0.2\"")?;
    assert_eq!(a.checked_add(b), Some("0.3".parse()?));
    // A value with more significant digits than f64 holds survives exactly.
    let big: Money = serde_json::from_str("\"12345678901234567.89\"")?;
    assert_eq!(serde_json::to_string(&big)?, "\"12345678901234567.89\"");
    // JSON floats are refused rather than rounded.
    assert!(serde_json::from_str::<Money>("12.5").is_err());
    Ok(())
}

#[test]
fn budget_errors_in_json_name_their_paths() -> TestResult {
    let mut value: serde_json::Value = serde_json::from_str(WESSEX)?;
    let line = value
        .pointer_mut("/budget/areas/1/lines/2")
        .ok_or("the Wessex plan has a third operational-performance line")?;
    line["amount"] = "-5".into();
    let err = json::from_str(&serde_json::to_string(&value)?)
        .err()
        .ok_or("a negative amount should be rejected")?;
    let PlanReadError::Invalid(errors) = err else {
        panic!("expected validation errors, got {err}");
    };
    assert_eq!(
        errors
            .at("budget.areas[1].lines[2].amount")
            .map(|v| v.rule()),
        Some(&Rule::NonNegative),
        "{errors}"
    );

    // Fractions of a penny cannot be read: the invariant lives in `Money`.
    let line = value.pointer_mut("/budget/areas/1/lines/2").ok_or("line")?;
    line["amount"] = "800000.005".into();
    let err = json::from_str(&serde_json::to_string(&value)?)
        .err()
        .ok_or("sub-penny")?;
    let v = err
        .violations()
        .and_then(|e| e.at("budget.areas[1].lines[2].amount"))
        .ok_or_else(|| format!("{err:?}"))?;
    assert!(
        matches!(v.rule(), Rule::Unparsable { reason } if reason.contains("more than 2 decimal places")),
        "{v}"
    );
    let line = value.pointer_mut("/budget/areas/1/lines/2").ok_or("line")?;
    line["amount"] = "800000".into();
    line["term"] = serde_json::json!({"year_of": {"year": "two", "of": 2}});
    let err = json::from_str(&serde_json::to_string(&value)?)
        .err()
        .ok_or("bad term")?;
    let errors = err.violations().ok_or("violations")?;
    assert!(
        errors
            .at("budget.areas[1].lines[2].term.year_of.year")
            .is_some(),
        "{errors}"
    );
    Ok(())
}

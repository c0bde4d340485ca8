//! JSON goes through the same checks as the builder, and round-trips exactly.

use cancer_plan::json::{self, PlanReadError};
use cancer_plan::{CancerPlan, Money, Rule};

type TestResult = Result<(), Box<dyn std::error::Error>>;

const WESSEX: &str = include_str!("../../examples/data/wessex-2024-25.json");

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

/// The error of a read, as text, for comparing the two readers.
fn error_text(result: Result<CancerPlan, PlanReadError>) -> String {
    result
        .err()
        .map(|e| match std::error::Error::source(&e) {
            Some(source) => format!("{e}: {source}"),
            None => e.to_string(),
        })
        .unwrap_or_default()
}

#[test]
fn from_reader_and_from_str_report_the_same_error_at_the_same_column() -> TestResult {
    // Found by the plan_json fuzz target: an unknown field was placed one
    // column later by serde_json's streaming reader than by its string
    // reader (column 1100 against 1099).
    let value: serde_json::Value = serde_json::from_str(WESSEX)?;
    let compact = serde_json::to_string(&value)?;
    let broken = compact.replacen("\"standard\"", "\"stan1ard\"", 1);
    assert_ne!(broken, compact);
    let from_str = error_text(json::from_str(&broken));
    assert!(
        from_str.contains("`stan1ard` is not a field here"),
        "{from_str}"
    );
    assert_eq!(error_text(json::from_reader(broken.as_bytes())), from_str);
    for text in [
        "",
        "{",
        "[1]",
        "{\"title\": 1}",
        "{} x",
        &WESSEX[..WESSEX.len() / 2],
    ] {
        assert_eq!(
            error_text(json::from_reader(text.as_bytes())),
            error_text(json::from_str(text)),
            "{text:?}"
        );
    }
    Ok(())
}

#[test]
fn input_that_is_not_utf8_is_a_format_error_with_its_position() {
    let bytes = b"{\n  \"title\": \"caf\xe9\"\n}";
    let err = json::from_reader(&bytes[..]).err();
    match err {
        Some(PlanReadError::Syntax(e)) => {
            assert_eq!(e.line(), 2, "{e}");
        }
        other => panic!("expected a format error, got {other:?}"),
    }
}

#[test]
fn nul_characters_in_text_are_kept_verbatim_and_written_escaped() -> TestResult {
    // The decision (see the crate's Reliability notes): JSON allows U+0000
    // in strings, and free text is the caller's; the crate keeps it
    // exactly and writes it as the escape `\u0000`, never a raw NUL byte.
    // Ids, ODS codes and the closed sets refuse it by their grammar.
    let mut value: serde_json::Value = serde_json::from_str(WESSEX)?;
    *value.pointer_mut("/title").ok_or("title")? = "Wessex\u{0}plan".into();
    let plan = json::from_str(&serde_json::to_string(&value)?)?;
    assert_eq!(plan.title(), "Wessex\u{0}plan");
    let written = json::to_string_pretty(&plan)?;
    assert!(written.contains("Wessex\\u0000plan"));
    assert!(!written.contains('\u{0}'));
    assert_eq!(json::from_str(&written)?, plan);
    // A NUL in an id is refused, with its path.
    *value.pointer_mut("/responsibilities/0/id").ok_or("id")? = "a\u{0}b".into();
    let err = json::from_str(&serde_json::to_string(&value)?).err();
    assert!(
        matches!(&err, Some(PlanReadError::Invalid(errors)) if errors.at("responsibilities[0].id").is_some()),
        "{err:?}"
    );
    Ok(())
}

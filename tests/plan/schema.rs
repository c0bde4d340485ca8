//! The plan format's JSON Schema: generated from the types, committed as
//! `schema/plan.schema.json`, and checked with an independent validator
//! (the `jsonschema` crate) against the example plans and against
//! documents with type-level mistakes.

use serde_json::{json, Value};

type TestResult = Result<(), Box<dyn std::error::Error>>;

const COMMITTED: &str = include_str!("../../schema/plan.schema.json");
const WESSEX: &str = include_str!("../../examples/data/wessex-2024-25.json");
const PAPER_2021: &str = include_str!("../../examples/data/wessex-2021-improvement-capacity.json");

fn validator() -> Result<jsonschema::Validator, Box<dyn std::error::Error>> {
    let schema: Value = serde_json::from_str(COMMITTED)?;
    Ok(jsonschema::validator_for(&schema)?)
}

#[test]
fn the_committed_schema_is_current() -> TestResult {
    let generated = serde_json::to_string_pretty(&cancer_plan::schema::plan_schema())? + "\n";
    assert!(
        generated == COMMITTED,
        "schema/plan.schema.json is stale: run \
         `cargo run --example plan_schema --features schema > schema/plan.schema.json`"
    );
    Ok(())
}

#[test]
fn the_schema_accepts_the_example_plans() -> TestResult {
    let validator = validator()?;
    for (name, text) in [("wessex-2024-25", WESSEX), ("wessex-2021", PAPER_2021)] {
        let plan: Value = serde_json::from_str(text)?;
        let errors: Vec<String> = validator
            .iter_errors(&plan)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
        // And the crate's reader agrees.
        assert!(cancer_plan::json::from_str(text).is_ok(), "{name}");
    }
    Ok(())
}

#[test]
fn the_schema_refuses_type_level_mistakes() -> TestResult {
    let validator = validator()?;
    let wessex: Value = serde_json::from_str(WESSEX)?;
    let mistakes: [(&str, &str, Value); 7] = [
        ("wrong type", "/title", json!(2024)),
        ("unknown enum value", "/status", json!("final")),
        (
            "unknown enum value (nested)",
            "/responsibilities/0/duty",
            json!("be_nice"),
        ),
        (
            "float for money",
            "/budget/areas/1/lines/2/amount",
            json!(409819.5),
        ),
        ("wrong type (nested)", "/alliance/icbs", json!("dorset")),
        ("bad financial year", "/financial_year", json!("next year")),
        ("bad id", "/responsibilities/0/id", json!("has spaces")),
    ];
    for (what, pointer, bad) in mistakes {
        let mut plan = wessex.clone();
        *plan.pointer_mut(pointer).ok_or(pointer)? = bad;
        assert!(
            !validator.is_valid(&plan),
            "{what} at {pointer} was accepted"
        );
        // The reader refuses it too.
        assert!(
            cancer_plan::json::from_str(&plan.to_string()).is_err(),
            "{what}"
        );
    }
    for missing in ["title", "alliance", "financial_year"] {
        let mut plan = wessex.clone();
        plan.as_object_mut().ok_or("object")?.remove(missing);
        assert!(
            !validator.is_valid(&plan),
            "a plan without {missing} was accepted"
        );
    }
    let mut plan = wessex.clone();
    *plan.pointer_mut("/budget").ok_or("budget")? = Value::Null;
    assert!(!validator.is_valid(&plan), "a null budget was accepted");
    for (what, pointer) in [
        ("unknown top-level field", ""),
        ("unknown field in the alliance", "/alliance"),
        ("unknown field in a budget line", "/budget/areas/0/lines/0"),
        (
            "unknown field in an ask's kind",
            "/responsibilities/0/delivery_asks/0/kind/performance_target",
        ),
    ] {
        let mut plan = wessex.clone();
        let object = plan
            .pointer_mut(pointer)
            .and_then(Value::as_object_mut)
            .ok_or(pointer)?;
        object.insert("colour".into(), json!("teal"));
        assert!(!validator.is_valid(&plan), "{what} was accepted");
    }
    Ok(())
}

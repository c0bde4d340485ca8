//! The JSON Schema of the plan format (feature `schema`), generated from
//! the types with `schemars`, so it cannot drift from what the reader
//! accepts: [`plan_schema`]. `cargo run --example plan_schema --features
//! schema` prints it; `schema/plan.schema.json` is a committed copy that a
//! test keeps current and checks with an independent validator.
//!
//! What the schema says: every field, its type, which are required, that
//! no other fields are allowed, every enum's values, and the text forms of
//! the value types (ids, ODS codes, `2024/25`, `2025-03`, dates).
//!
//! What it cannot say (only reading with [`json::from_str`](crate::json::from_str)
//! checks these):
//! - cross-references: an intervention's asks, a line's spend category and
//!   ICB, a post's host ICB, a trajectory's organisation and ask, an
//!   assessment's scope must name things that exist in the plan;
//! - uniqueness: ids across the plan, ICB ids, ODS codes, statutory duties,
//!   a trajectory's months;
//! - sums and comparisons: the areas' shares add up to at most 100%, a
//!   month's `within <= total`, `year n of m` has `n <= m`, months within
//!   the plan's financial year, due dates after the assessment;
//! - ranges and forms it states only loosely: money and percentages are a
//!   decimal string or an integer (at most 2 decimal places for money,
//!   0..=100 for a percentage), a financial year's two years are
//!   consecutive;
//! - conditional requirements: a met RDC principle needs its evidence, a
//!   partly met one its gap; a whole-tenure cost needs a fixed tenure.

use std::borrow::Cow;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};

use crate::capacity::{ImprovementCapacity, ImprovementCapacityBuilder, Wte};
use crate::rdc::{PathwayAssessment, PathwayAssessmentBuilder};
use crate::{
    id::Id, money::Money, org::OdsCode, percent::Percent, period::FinancialYear, period::YearMonth,
    plan::CancerPlan, plan::CancerPlanBuilder,
};

/// The JSON Schema (draft 2020-12) of a plan document.
///
/// ```
/// let schema = cancer_plan::schema::plan_schema();
/// assert_eq!(schema.get("title").and_then(|t| t.as_str()), Some("cancer-plan plan document"));
/// ```
pub fn plan_schema() -> Schema {
    let mut schema = schemars::schema_for!(CancerPlanBuilder);
    // The builder's fields are all optional (it reports what is missing);
    // the document requires these, and `null` for a top-level section is
    // refused by the reader.
    schema.insert(
        "required".into(),
        serde_json::json!(["title", "alliance", "financial_year"]),
    );
    if let Some(properties) = schema
        .get_mut("properties")
        .and_then(serde_json::Value::as_object_mut)
    {
        for property in properties.values_mut() {
            let not_null = property
                .get("anyOf")
                .and_then(serde_json::Value::as_array)
                .and_then(|options| match options.as_slice() {
                    [some, none] if none.get("type").and_then(|t| t.as_str()) == Some("null") => {
                        Some(some.clone())
                    }
                    _ => None,
                });
            if let Some(some) = not_null {
                *property = some;
            }
        }
    }
    schema.insert("title".into(), "cancer-plan plan document".into());
    schema.insert(
        "description".into(),
        "A Cancer Alliance's plan for one NHS financial year, as read by cancer_plan::json. \
         Cross-references, uniqueness and sums are checked by the reader, not by this schema."
            .into(),
    );
    schema
}

/// A string value type: its name, description and pattern.
macro_rules! text_schema {
    ($ty:ty, $name:literal, $description:literal, $pattern:literal) => {
        impl JsonSchema for $ty {
            fn schema_name() -> Cow<'static, str> {
                $name.into()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!({
                    "type": "string",
                    "description": $description,
                    "pattern": $pattern,
                })
            }
        }
    };
}

text_schema!(
    Id,
    "Id",
    "An id: 1 to 64 ASCII letters, digits, `-`, `_`, `.` or `/`.",
    "^[A-Za-z0-9._/-]{1,64}$"
);
text_schema!(
    OdsCode,
    "OdsCode",
    "An NHS ODS code: 3 to 10 upper-case letters and digits.",
    "^[A-Z0-9]{3,10}$"
);
text_schema!(
    FinancialYear,
    "FinancialYear",
    "An NHS financial year, `2024/25` (1 April to 31 March).",
    "^\\s*[0-9]{4}[/-][0-9]{2,4}\\s*$"
);
text_schema!(
    YearMonth,
    "YearMonth",
    "A calendar month, `2025-03`.",
    "^\\s*[0-9]{4}-[0-9]{1,2}\\s*$"
);
text_schema!(
    Wte,
    "Wte",
    "Whole-time equivalent, a decimal string such as `1.0` or `0.6`.",
    "^\\s*[0-9]+(\\.[0-9]+)?\\s*$"
);

impl JsonSchema for Money {
    fn schema_name() -> Cow<'static, str> {
        "Money".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An amount in pounds: a decimal string (`1234.50`, `£1,234`) or a JSON integer; never a float.",
            "type": ["string", "integer"],
        })
    }
}

impl JsonSchema for Percent {
    fn schema_name() -> Cow<'static, str> {
        "Percent".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Percentage points 0..=100: a decimal string (`80`, `6.998`, `80%`) or a JSON integer; never a float.",
            "type": ["string", "integer"],
        })
    }
}

/// A type whose JSON form is its builder's.
macro_rules! as_builder {
    ($ty:ty, $builder:ty) => {
        impl JsonSchema for $ty {
            fn schema_name() -> Cow<'static, str> {
                <$builder>::schema_name()
            }
            fn json_schema(generator: &mut SchemaGenerator) -> Schema {
                <$builder>::json_schema(generator)
            }
        }
    };
}

as_builder!(CancerPlan, CancerPlanBuilder);
as_builder!(ImprovementCapacity, ImprovementCapacityBuilder);
as_builder!(PathwayAssessment, PathwayAssessmentBuilder);

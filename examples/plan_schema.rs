//! Prints the JSON Schema of the plan format, generated from the crate's
//! types (feature `schema`).
//!
//! ```text
//! cargo run --example plan_schema --features schema
//! cargo run --example plan_schema --features schema > schema/plan.schema.json
//! ```

fn main() -> Result<(), cancer_plan::Error> {
    let schema = serde_json::to_string_pretty(&cancer_plan::schema::plan_schema())
        .map_err(std::io::Error::from)?;
    println!("{schema}");
    Ok(())
}

//! Prints the JSON Schema of the plan format, generated from the crate's
//! types (feature `schema`).
//!
//! ```text
//! cargo run --example plan_schema --features schema
//! cargo run --example plan_schema --features schema > schema/plan.schema.json
//! ```

/// Errors print as their sentence (`Display`), never as a `Debug` dump,
/// and exit 1.
fn main() {
    if let Err(e) = run() {
        eprintln!("plan_schema: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), serde_json::Error> {
    println!(
        "{}",
        serde_json::to_string_pretty(&cancer_plan::schema::plan_schema())?
    );
    Ok(())
}

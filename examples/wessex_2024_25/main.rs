//! Builds the Wessex Cancer Alliance 2024/25 plan from the planning proposals
//! (the seed document), validates it, and prints a summary a planning manager
//! would recognise.
//!
//! ```text
//! cargo run --example wessex_2024_25                 # print the plan
//! cargo run --example wessex_2024_25 -- --write-json # also regenerate examples/data/wessex-2024-25.json
//! ```

mod budget;
mod budget_report;
mod plan;
mod rdc;
mod summary;

const JSON_PATH: &str = "examples/data/wessex-2024-25.json";

fn main() -> Result<(), cancer_plan::Error> {
    let plan = plan::wessex_2024_25()?;
    print!("{}", summary::render(&plan));
    print!("{}", budget_report::render(&plan));
    if std::env::args().any(|a| a == "--write-json") {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(JSON_PATH);
        let json = cancer_plan::json::to_string_pretty(&plan).map_err(std::io::Error::from)?;
        std::fs::write(&path, json)?;
        println!("\nwrote {}", path.display());
    }
    Ok(())
}

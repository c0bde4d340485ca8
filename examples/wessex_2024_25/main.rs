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

use std::process::ExitCode;

/// Where the plan's JSON interchange copy lives, relative to the crate root.
const JSON_PATH: &str = "examples/data/wessex-2024-25.json";

fn main() -> ExitCode {
    let plan = match plan::wessex_2024_25() {
        Ok(plan) => plan,
        Err(e) => {
            eprintln!("the Wessex 2024/25 plan does not validate: {e}");
            return ExitCode::from(2);
        }
    };
    print!("{}", summary::render(&plan));
    print!("{}", budget_report::render(&plan));
    if std::env::args().any(|a| a == "--write-json") {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(JSON_PATH);
        let written = cancer_plan::json::to_string_pretty(&plan)
            .map_err(|e| e.to_string())
            .and_then(|json| std::fs::write(&path, json).map_err(|e| e.to_string()));
        match written {
            Ok(()) => println!("\nwrote {}", path.display()),
            Err(e) => {
                eprintln!("could not write {}: {e}", path.display());
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}

//! The board assurance report: one self-contained HTML page (no scripts,
//! no network) and its JSON twin, for a plan and one or more NHS England
//! CWT extracts, for one month.
//!
//! ```text
//! cargo run --example board_report --all-features -- PLAN.json EXTRACT... --period 2025-07 --out report.html
//! cargo run --example board_report --all-features -- examples/data/wessex-2024-25.json \
//!     ../shared/data/cwt/cwt-provider-extract-2024-04-to-2025-07-wessex.csv \
//!     ../shared/data/cwt/cwt-icb-sublocation-2023-04-to-10-wessex.csv \
//!     --period 2025-07 --out target/report.html
//! ```
//!
//! Writes `report.html` and `report.json` beside it (the JSON holds the
//! view model: every figure the page shows, without the drawings). Print
//! the page to A4 PDF with headless Chromium (`.ci/run` does).
//!
//! The example is in three parts: `gather` (the data to the view model,
//! from the crate's API), `page` and `funnel` (the view model to HTML and
//! SVG with maud, which escapes all text), and this file (arguments and
//! files).

#[path = "../common/extract_file.rs"]
#[allow(dead_code)] // read_all: each file is a source of its own here
mod extract_file;
mod funnel;
mod gather;
mod model;
mod page;

use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use cancer_plan::YearMonth;
use extract_file::fail;

const USAGE: &str = "usage: board_report PLAN.json EXTRACT... --period YYYY-MM --out report.html";

fn main() -> Result<(), cancer_plan::Error> {
    let mut files = Vec::new();
    let mut period: Option<YearMonth> = None;
    let mut out = PathBuf::from("target/report.html");
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("--period") => {
                period = Some(
                    args.next()
                        .ok_or_else(|| fail(USAGE))?
                        .to_str()
                        .ok_or_else(|| fail(USAGE))?
                        .parse()?,
                )
            }
            Some("--out") => out = PathBuf::from(args.next().ok_or_else(|| fail(USAGE))?),
            Some("-h" | "--help") => {
                println!("{USAGE}");
                return Ok(());
            }
            _ => files.push(PathBuf::from(arg)),
        }
    }
    let (plan_path, extracts) = files.split_first().ok_or_else(|| fail(USAGE))?;
    if extracts.is_empty() {
        return Err(fail(USAGE));
    }
    let plan = cancer_plan::json::from_reader(BufReader::new(File::open(plan_path)?))?;
    let mut inputs = Vec::new();
    for path in extracts {
        // CSV or an .xlsx workbook; a file with no valid row is an error
        // naming it; the release is taken from the file's name.
        let extract = extract_file::read(path)?;
        inputs.push(gather::Input {
            file: file_name(path),
            extract,
        });
    }
    let period = match period {
        Some(p) => p,
        None => return Err(fail(format!("--period is required\n{USAGE}"))),
    };
    let report = gather::gather(&plan, &inputs, period)?;
    let html = page::render(&report);
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(&out, html)?;
    let json_path = out.with_extension("json");
    std::fs::write(
        &json_path,
        serde_json::to_string_pretty(&report).map_err(std::io::Error::other)? + "\n",
    )?;
    println!("wrote {} and {}", out.display(), json_path.display());
    Ok(())
}

/// The file's name only: the report says which file, not where it was.
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

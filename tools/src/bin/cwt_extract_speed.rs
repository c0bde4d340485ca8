//! Times reading and tabulating a CWT provider extract in this process:
//! `read_provider_extract` (every row validated) + `by_organisation` (totals by
//! month x standard x organisation), `RUNS` times, each run reading the file
//! from disk (the page cache, after the first) as polars' `read_csv` does,
//! and prints the median and the totals (so that the work cannot
//! be skipped, and so that they can be compared with polars'; see
//! `benches/polars/extract.py`).
//!
//! ```text
//! cargo run --release -p cancer-plan-tools --bin cwt_extract_speed -- FILE [RUNS]
//! cargo run --release -p cancer-plan-tools --bin cwt_extract_speed -- FILE stream
//! ```
//!
//! `stream` reads the file once straight from disk (a `BufReader`, the file
//! never whole in memory), for measuring the reader's peak memory.
//!
//! With the `xlsx` feature, a `.xlsx` FILE is read as a workbook
//! (`read_provider_extract_xlsx`), every row validated as for CSV; see
//! `benches/polars/extract_xlsx.py`, which times it side by side with
//! polars' and pandas' `read_excel`.

use std::error::Error;
use std::time::Instant;

use cancer_plan::cwt::extract::{read_provider_extract, ProviderExtract};

/// Reads FILE: a workbook by its `.xlsx` name, else CSV.
fn read(path: &str) -> Result<ProviderExtract, Box<dyn Error>> {
    let file = std::io::BufReader::new(std::fs::File::open(path)?);
    if path.ends_with(".xlsx") {
        return Ok(cancer_plan::cwt::extract::read_provider_extract_xlsx(file)?);
    }
    Ok(read_provider_extract(file)?)
}

/// Errors print as their sentence (`Display`), never as a `Debug` dump,
/// and exit 1.
fn main() {
    if let Err(e) = run() {
        eprintln!("cwt_extract_speed: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: cwt_extract_speed FILE [RUNS]")?;
    let runs = args.next();
    if runs.as_deref() == Some("stream") {
        let extract = read(&path)?;
        let cells = extract.tabulate()?.iter().count();
        println!(
            "{path}: {} rows, {} bad, {cells} cells (streamed)",
            extract.rows_read(),
            extract.bad_rows().len()
        );
        return Ok(());
    }
    let runs: usize = runs.map_or(Ok(20), |r| r.parse())?;
    let mut times = Vec::with_capacity(runs);
    let mut cells = 0;
    for _ in 0..runs.max(1) {
        let start = Instant::now();
        let extract = read(&path)?;
        let table = extract.tabulate()?;
        cells = table.iter().count();
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        if !extract.bad_rows().is_empty() {
            return Err(format!("{} bad rows", extract.bad_rows().len()).into());
        }
    }
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    println!(
        "cancer-plan read_provider_extract + by_organisation: {path}: median {median:.1} ms over {} runs (min {:.1}, max {:.1}); {cells} cells",
        times.len(),
        times[0],
        times[times.len() - 1]
    );
    Ok(())
}

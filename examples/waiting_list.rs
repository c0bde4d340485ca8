//! NHSRwaitinglist's waiting-list formulas over a CSV of calls.
//!
//! ```text
//! cargo run --example waiting_list -- examples/data/nhsrwaitinglist-tests.csv > out.csv
//! ```
//!
//! The header names `func` and some of NHSRwaitinglist's argument names
//! (`demand, capacity, target_wait, factor, cv_demand, cv_capacity,
//! queue_size, target_queue_size, time_to_target, num_referrals,
//! mean_wait`); `func` is one of `calc_queue_load`, `calc_target_mean_wait`,
//! `calc_target_queue_size`, `calc_relief_capacity`, `calc_target_capacity`,
//! `calc_waiting_list_pressure`. An empty cell takes the package's default.
//! Other columns pass through. Each row is written back with a `result`
//! column (full precision: the shortest text that reads back as the same
//! f64) or an `error` column.
//!
//! When the input also has `expected` and `kind` columns (as
//! `examples/data/nhsrwaitinglist-tests.csv`, the package's own test values),
//! each row is checked: `arithmetic` to 1e-9 relative, `printed` (a value
//! the package's test prints to 7-9 significant digits) to testthat's
//! default tolerance 1.5e-8, `error` must be an error; the program exits
//! with an error if any row disagrees.

use std::io::{self, BufRead, Write};

use cancer_plan::capacity_demand::{WaitingListArgs, WaitingListFunction};

/// Splits one CSV line (fields may be double-quoted, `""` inside quotes).
fn split(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(std::mem::take(&mut field)),
            (c, _) => field.push(c),
        }
    }
    fields.push(field);
    fields
}

fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

fn main() -> Result<(), cancer_plan::Error> {
    let path = std::env::args()
        .nth(1)
        .ok_or_else(|| fail("usage: waiting_list FILE.csv"))?;
    let file = io::BufReader::new(std::fs::File::open(&path)?);
    let mut lines = file.lines();
    let header = split(
        lines
            .next()
            .ok_or_else(|| fail("empty file"))??
            .trim_end_matches('\r'),
    );
    let col = |name: &str| header.iter().position(|h| h == name);
    let func_col = col("func").ok_or_else(|| fail("no `func` column"))?;
    let out = io::stdout();
    let mut out = io::BufWriter::new(out.lock());
    let names: Vec<String> = header.iter().map(|h| quote(h)).collect();
    writeln!(out, "{},result,error", names.join(","))?;
    let mut disagreements = Vec::new();
    for (n, line) in lines.enumerate() {
        let line = line?;
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            continue;
        }
        let row = split(line);
        let cell = |name: &str| {
            col(name)
                .and_then(|i| row.get(i))
                .map(|s| s.trim())
                .filter(|s| !s.is_empty())
        };
        let number = |name: &str| -> Result<Option<f64>, String> {
            cell(name)
                .map(|s| s.parse::<f64>().map_err(|e| format!("{name} `{s}`: {e}")))
                .transpose()
        };
        let outcome = (|| -> Result<f64, String> {
            let func: WaitingListFunction =
                row.get(func_col).ok_or("no func")?.parse().map_err(
                    |e: cancer_plan::capacity_demand::CapacityDemandError| e.to_string(),
                )?;
            let args = WaitingListArgs {
                demand: number("demand")?,
                capacity: number("capacity")?,
                target_wait: number("target_wait")?,
                factor: number("factor")?,
                cv_demand: number("cv_demand")?,
                cv_capacity: number("cv_capacity")?,
                queue_size: number("queue_size")?,
                target_queue_size: number("target_queue_size")?,
                time_to_target: number("time_to_target")?,
                num_referrals: number("num_referrals")?,
                mean_wait: number("mean_wait")?,
            };
            func.evaluate(&args).map_err(|e| e.to_string())
        })();
        let fields: Vec<String> = row.iter().map(|f| quote(f)).collect();
        match &outcome {
            Ok(value) => writeln!(out, "{},{value},", fields.join(","))?,
            Err(error) => writeln!(out, "{},,{}", fields.join(","), quote(error))?,
        }
        let line_no = n + 2;
        match (cell("kind"), cell("expected"), &outcome) {
            (Some("error"), _, Ok(v)) => {
                disagreements.push(format!("line {line_no}: expected an error, got {v}"))
            }
            (Some(kind @ ("arithmetic" | "printed")), Some(expected), outcome) => {
                let expected: f64 = expected
                    .parse()
                    .map_err(|e| fail(format!("line {line_no}: result `{expected}`: {e}")))?;
                let tolerance = if kind == "arithmetic" { 1e-9 } else { 1.5e-8 };
                match outcome {
                    Ok(v)
                        if ((v - expected) / expected.abs().max(f64::MIN_POSITIVE)).abs()
                            <= tolerance => {}
                    Ok(v) => disagreements.push(format!(
                        "line {line_no}: {v} is not {expected} to {tolerance} relative"
                    )),
                    Err(e) => disagreements.push(format!("line {line_no}: {e}")),
                }
            }
            _ => {}
        }
    }
    out.flush()?;
    if disagreements.is_empty() {
        Ok(())
    } else {
        Err(fail(disagreements.join("\n")))
    }
}

/// An example's own failure (a usage mistake, missing data) as the crate's
/// error, so that `main` prints it as a sentence.
fn fail(message: impl Into<String>) -> cancer_plan::Error {
    std::io::Error::other(message.into()).into()
}

//! Counts a patient-level pathway file (CSV or Parquet, by the extension)
//! by month x provider x tumour site x standard.
//!
//! ```text
//! cargo run --release --example cwt_pathways --all-features -- PATHWAYS.csv|PATHWAYS.parquet [--out CELLS.csv]
//! ```
//!
//! Prints the records read, the bad records (the first ten in full) and
//! the impossible pathways by kind. With `--out`, writes every non-empty
//! cell as CSV (`month,provider,tumour_site,standard,total,within`);
//! without, a short summary per standard. Try it on the sample:
//! `examples/data/cwt-pathways-sample.csv` (or `.parquet`).

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufReader, BufWriter, Write};

use cancer_plan::cwt::pathway::{
    read_pathways_csv, read_pathways_parquet, ColumnMapping, PathwayFileCounts,
};
use cancer_plan::{CwtStandard, Error};

const USAGE: &str = "usage: cwt_pathways PATHWAYS.csv|PATHWAYS.parquet [--out CELLS.csv]";

/// A mistake in the arguments: the usage, and exit status 2.
fn usage() -> ! {
    eprintln!("{USAGE}");
    std::process::exit(2)
}

/// Opens `path`; the error names it (an `io::Error` alone does not).
fn open(path: &str) -> std::io::Result<File> {
    File::open(path).map_err(|e| std::io::Error::new(e.kind(), format!("{path}: {e}")))
}

fn read(path: &str) -> Result<PathwayFileCounts, Error> {
    let mapping = ColumnMapping::new();
    if path.ends_with(".parquet") {
        Ok(read_pathways_parquet(open(path)?, &mapping)?)
    } else if path.ends_with(".csv") {
        let file = BufReader::with_capacity(1 << 16, open(path)?);
        Ok(read_pathways_csv(file, &mapping)?)
    } else {
        eprintln!("{path}: the extension must be .csv or .parquet");
        usage()
    }
}

/// The variant name of a finding kind (`ClockStopBeforeStart`).
fn kind_name(kind: impl std::fmt::Debug) -> String {
    let debug = format!("{kind:?}");
    debug
        .split([' ', '{', '('])
        .next()
        .unwrap_or_default()
        .to_owned()
}

fn write_cells(read: &PathwayFileCounts, path: &str) -> Result<usize, Error> {
    let table = read.tabulate()?;
    let mut rows = Vec::new();
    for (month, standard, (provider, site), p) in table.iter() {
        rows.push((
            month,
            provider.as_str(),
            site.code(),
            standard.index(),
            standard,
            p.total(),
            p.within(),
        ));
    }
    rows.sort_by_key(|r| (r.0, r.1, r.2, r.3));
    let mut out = BufWriter::new(File::create(path)?);
    writeln!(out, "month,provider,tumour_site,standard,total,within")?;
    for (month, provider, site, _, standard, total, within) in &rows {
        writeln!(
            out,
            "{month},{provider},{site},{},{total},{within}",
            standard.code()
        )?;
    }
    out.flush()?;
    Ok(rows.len())
}

fn main() -> Result<(), Error> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else { usage() };
    let out = args
        .iter()
        .position(|a| a == "--out")
        .map(|i| args.get(i + 1).unwrap_or_else(|| usage()));
    let read = read(path)?;
    println!("{path}: {} records read", read.records());
    if !read.ignored_columns().is_empty() {
        println!("columns ignored: {}", read.ignored_columns().join(", "));
    }
    println!("bad records: {}", read.bad_rows().len());
    for bad in read.bad_rows().iter().take(10) {
        println!("  {bad}");
    }
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    for finding in read.counts().findings() {
        *kinds.entry(kind_name(finding.kind())).or_default() += 1;
    }
    println!(
        "impossible pathways (findings): {}",
        read.counts().findings().len()
    );
    for (kind, n) in &kinds {
        println!("  {kind}: {n}");
    }
    let window = read.counts().window();
    println!(
        "reporting months {} to {}, {} providers",
        window.first(),
        window.last(),
        read.counts().provider_codes().len()
    );
    match out {
        Some(out) => {
            let cells = write_cells(&read, out)?;
            println!("wrote {cells} cells to {out}");
        }
        None => {
            for standard in CwtStandard::ALL {
                let (within, total) = read.total(standard);
                let share = if total == 0 {
                    String::from("-")
                } else {
                    format!("{:.1}%", within as f64 * 100.0 / total as f64)
                };
                println!(
                    "{:<16} {within:>10} of {total:>10} within {} days ({share})",
                    standard.code(),
                    standard.days()
                );
            }
        }
    }
    Ok(())
}

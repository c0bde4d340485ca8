//! Is the plan being delivered? The whole assurance value of a plan and
//! any CWT extracts (provider or ICB sub-location layout, recognised from
//! the header; CSV, or `.xlsx` as published with the `xlsx` feature),
//! written as JSON, with a short summary printed: for the
//! latest month of each standard and basis, the alliance and each ICB
//! against every target layer, and the SPC icons.
//!
//! ```text
//! cargo run --example assurance --all-features -- PLAN.json EXTRACT... --json OUT.json
//! cargo run --example assurance --all-features -- examples/data/wessex-2024-25.json \
//!     ../shared/data/cwt/cwt-provider-extract-2024-04-to-2025-07-wessex.csv --json assurance.json
//! ```
//!
//! Everything is computed by `cancer_plan::assurance::PlanAssurance`: no
//! membership, target or roll-up logic lives here.

use std::fs::File;
use std::io::{BufReader, BufWriter, Write};
use std::path::PathBuf;

#[path = "common/extract_file.rs"]
#[allow(dead_code)] // read_all: this example keeps each file a source of its own
mod extract_file;
use extract_file::fail;

use cancer_plan::assurance::{CwtSource, OrgLevel, PlanAssurance};
use cancer_plan::spc::AssuranceIcon;

fn main() -> Result<(), cancer_plan::Error> {
    let mut args = std::env::args_os().skip(1);
    let mut plan_path = None;
    let mut extracts = Vec::new();
    let mut out = None;
    while let Some(arg) = args.next() {
        if arg == "--json" {
            out = Some(PathBuf::from(
                args.next()
                    .ok_or_else(|| fail("--json needs a file name"))?,
            ));
        } else if plan_path.is_none() {
            plan_path = Some(PathBuf::from(arg));
        } else {
            extracts.push(PathBuf::from(arg));
        }
    }
    let usage = "usage: assurance PLAN.json EXTRACT... [--json OUT.json]";
    let plan_path = plan_path.ok_or_else(|| fail(usage))?;
    if extracts.is_empty() {
        return Err(fail(usage));
    }
    let plan = cancer_plan::json::from_reader(BufReader::new(
        File::open(&plan_path).map_err(|e| fail(format!("{}: {e}", plan_path.display())))?,
    ))
    .map_err(|e| fail(format!("{}: {e}", plan_path.display())))?;
    let mut sources = Vec::new();
    for path in &extracts {
        // CSV, or an .xlsx workbook with the `xlsx` feature; a file with no
        // valid row is an error naming it.
        let extract = extract_file::read(path)?;
        if !extract.bad_rows().is_empty() {
            eprintln!("{}: {} bad rows", path.display(), extract.bad_rows().len());
        }
        sources.push(CwtSource::from_extract(
            path.display().to_string(),
            &extract,
        )?);
    }
    let assurance = PlanAssurance::build(&plan, &sources)?;

    println!("{} ({})", assurance.plan(), assurance.financial_year());
    for source in assurance.sources() {
        println!(
            "  source: {} ({}, {} codes)",
            source.name(),
            source.basis(),
            source.codes()
        );
    }
    for o in assurance.outside() {
        if o.name().is_some() {
            println!(
                "  outside the alliance: {} {} ({:?})",
                o.code(),
                o.name().unwrap_or(""),
                o.reason()
            );
        }
    }
    // The latest month of each basis and standard.
    let mut latest = std::collections::BTreeMap::new();
    for row in assurance.rows() {
        let key = (row.basis(), row.standard());
        let month = latest.entry(key).or_insert(row.month());
        *month = (*month).max(row.month());
    }
    for ((basis, standard), month) in latest {
        println!("\n{month} {standard} ({basis})");
        for row in assurance
            .rows_of(month, standard)
            .filter(|r| r.basis() == basis)
        {
            if !matches!(
                row.organisation().level(),
                OrgLevel::Alliance | OrgLevel::Icb
            ) {
                continue;
            }
            let layers: Vec<String> = row
                .targets()
                .iter()
                .map(|t| {
                    format!(
                        "{} {} {}{}",
                        t.target().layer(),
                        t.target().threshold(),
                        if t.met() { "met" } else { "not met" },
                        t.gap_in_patients()
                            .filter(|g| *g > 0)
                            .map(|g| format!(" (gap {g})"))
                            .unwrap_or_default()
                    )
                })
                .collect();
            let icons = assurance
                .series()
                .iter()
                .find(|s| {
                    s.basis() == basis
                        && s.standard() == standard
                        && s.organisation() == row.organisation()
                })
                .map(|s| match s.chart() {
                    Some(chart) => format!(
                        "{} / {}",
                        chart.icons().variation(),
                        chart.icons().assurance()
                    ),
                    None => format!("no chart / {}", AssuranceIcon::NotApplicable),
                })
                .unwrap_or_default();
            println!(
                "  {:<40} {:>8}  {}\n  {:<40} {}",
                row.organisation().name(),
                row.performance().display(2).to_string(),
                icons,
                "",
                layers.join("; ")
            );
        }
    }
    let rdc = assurance.rdc();
    println!(
        "\nRDC: {} of {} tumour sites assessed; {} gaps",
        rdc.sites_assessed(),
        rdc.sites().len(),
        rdc.gaps().len()
    );
    println!(
        "Budget: {} findings beyond tolerance, {} lines with an exit risk",
        assurance.budget().reconciliation().real_gaps().count(),
        assurance.budget().exit_risks().len()
    );
    if let Some(out) = out {
        let mut w = BufWriter::new(
            File::create(&out).map_err(|e| fail(format!("{}: {e}", out.display())))?,
        );
        serde_json::to_writer_pretty(&mut w, &assurance).map_err(std::io::Error::other)?;
        w.flush()?;
        println!("wrote {}", out.display());
    }
    Ok(())
}

//! Where do the alliance, its ICBs and their trusts or sub-ICB locations
//! stand against the plan's CWT asks? Reads an NHS England CWT extract in
//! either published layout (recognised from its header) and prints, for
//! **every month and standard in the file**: the total over the file, the
//! alliance, each ICB and, beneath it, each of its organisations:
//!
//! - **provider extract**: the trusts of the plan's provider list, each
//!   under its ICB (a trust the plan places in no alliance ICB, such as
//!   Salisbury, RNZ, whose ICB is BSW, is shown under "not in a ... ICB",
//!   named, not folded into either ICB), then any other trust in the file;
//! - **ICB sub-location extract**: each ICB as the sum of the sub-ICB
//!   locations the plan lists for it (`alliance.icbs[].sub_icb_locations`
//!   in `examples/data/wessex-2024-25.json`: Dorset 11J; HIOW D9Y0V and
//!   10R), each location beneath; locations no ICB lists count in the file
//!   total only and are named.
//!
//! Each row shows every target layer of the month apart, judged by the
//! library (`cancer_plan::assurance::PlanAssurance`): the standard's own
//! threshold (the predecessor's before October 2023), the national
//! milestone in force and the next one due, the plan's ask (FDS 80%,
//! 62-day 85%, by March 2025) and any local target: `met`, or the gap in
//! patients, `*` where not yet due; with the 95% Wilson interval, the
//! month's funnel flag among the file's organisations, and the basis
//! (provider or commissioner) of the figures. The example holds no
//! membership or target logic of its own.
//!
//! ```text
//! cargo run --example cwt_performance --features cwt-extract -- EXTRACT.csv [MORE.csv ...]
//! cargo run --example cwt_performance --features xlsx -- ../shared/data/cwt/cwt-provider-extract-2023-10-england.xlsx
//! cargo run --example cwt_performance --features cwt-extract -- ../shared/data/cwt/cwt-provider-extract-2023-10-wessex.csv
//! cargo run --example cwt_performance --features cwt-extract -- ../shared/data/cwt/cwt-icb-sublocation-2023-04-to-10-wessex.csv
//! ```
//!
//! The NHS England samples live beside the project in `../shared/data/cwt/`
//! (never copied into it). A full national file in either layout works the
//! same way: the file total is then NHS England's national total. With the
//! `xlsx` feature a workbook is read as published. Several files are joined
//! month by month (a final release supersedes a provisional one, otherwise
//! the later file wins; releases are taken from the file names), and the
//! months replaced are listed. Errors, including a file none of whose rows
//! could be read, are printed as sentences and exit 1.

use std::fs::File;
use std::io::BufReader;
use std::path::PathBuf;

#[path = "common/extract_file.rs"]
mod extract_file;
use extract_file::fail;

use cancer_plan::assurance::{
    AssuranceRow, CwtSource, FunnelFlag, OrgLevel, OutsideOrganisation, OutsideReason,
    PlanAssurance,
};
use cancer_plan::cwt::extract::{AnyExtract, Extract, LayoutRow};
use cancer_plan::cwt::{ConfidenceLevel, Performance};
use cancer_plan::CwtStandard;

const USAGE: &str = "usage: cwt_performance EXTRACT [EXTRACT ...]\n\
    (an NHS England CWT provider or ICB sub-location extract, e.g.\n\
    ../shared/data/cwt/cwt-provider-extract-2023-10-wessex.csv)";
const PLAN: &str = "examples/data/wessex-2024-25.json";
const NAME_WIDTH: usize = 46;

/// Errors end the program with their sentence (`cancer_plan::Error`'s
/// `Debug` is its message), never a `Debug` dump, and exit 1.
fn main() -> Result<(), cancer_plan::Error> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let paths: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if paths.is_empty() {
        return Err(fail(USAGE));
    }
    let plan_path = root.join(PLAN);
    let plan = cancer_plan::json::from_reader(BufReader::new(
        File::open(&plan_path).map_err(|e| fail(format!("{}: {e}", plan_path.display())))?,
    ))?;
    let extract = extract_file::read_all(&paths)?;

    let shown: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    println!("CWT {}: {}", extract.layout(), shown.join(" + "));
    match &extract {
        AnyExtract::Provider(e) => {
            describe(e);
            for standard in [CwtStandard::Combined31Day, CwtStandard::Combined62Day] {
                println!(
                    "  {standard}: {} valid per-modality rows left out of the totals by the modality rule (they repeat their ALL MODALITIES row)",
                    e.excluded_by_modality_rule(standard)
                );
            }
        }
        AnyExtract::SubIcb(e) => {
            describe(e);
            println!("  every row adds: the sub-categories of a standard are disjoint");
        }
        _ => println!("  (a layout this example does not know)"),
    }
    // Everything below comes from the library's assurance value: the
    // roll-up through the plan's membership (each figure's basis said), the
    // target layers of each month, the judgements and the intervals. This
    // example only lays the rows out.
    let name = shown.join(" + ");
    let source = CwtSource::from_extract(name, &extract)?;
    let assurance = PlanAssurance::build(&plan, &[source])?;
    println!(
        "Plan: {} ({})",
        assurance.plan(),
        assurance.financial_year()
    );
    let others: Vec<&OutsideOrganisation> = assurance
        .outside()
        .iter()
        .filter(|o| o.reason() == OutsideReason::NotInPlan)
        .collect();
    for o in assurance.outside() {
        if o.reason() == OutsideReason::ListedWithoutAllianceIcb {
            println!(
                "  {} {} is listed by the plan but in none of its ICBs: shown on its own, not in the alliance",
                o.code(),
                o.name().unwrap_or("")
            );
        }
    }
    if !others.is_empty() {
        let codes: Vec<&str> = others.iter().take(12).map(|o| o.code().as_str()).collect();
        println!(
            "  {} codes in the file are not in the plan (counted in the file total and the funnel only): {}{}",
            others.len(),
            codes.join(", "),
            if others.len() > codes.len() { ", ..." } else { "" }
        );
    }
    let all = extract.tabulate()?.overall()?;
    for (month, standard) in all.periods() {
        let rows: Vec<&AssuranceRow> = assurance.rows_of(month, standard).collect();
        let Some(first) = rows.first() else { continue };
        println!();
        println!("== {month}  {standard}  ({})", first.basis());
        for judged in first.targets() {
            let due = if judged.due() {
                ""
            } else {
                ", not yet due: the gap is the distance still to travel"
            };
            println!("   {}{due}", judged.target());
        }
        let counted = if standard == CwtStandard::FasterDiagnosis28Day {
            "told"
        } else {
            "treated"
        };
        let layers: Vec<String> = first
            .targets()
            .iter()
            .map(|t| format!("{}", t.target().threshold()))
            .collect();
        println!(
            "   {:<NAME_WIDTH$} {:>9} {:>9} {:>8}  {:<17} {:>8}  {}",
            "",
            counted,
            "within",
            "perf.",
            "95% interval",
            "funnel",
            layers.join(" | ")
        );
        if let Some(p) = all.get(month, standard, &()) {
            print_row("All organisations in the file", p, None);
        }
        // The alliance, each ICB with its members beneath, then organisations
        // the plan lists outside the alliance's ICBs.
        let level = |l: OrgLevel| {
            rows.iter()
                .copied()
                .filter(move |r| r.organisation().level() == l)
        };
        for row in level(OrgLevel::Alliance) {
            print_row(row.organisation().name(), row.performance(), Some(row));
        }
        for icb in level(OrgLevel::Icb) {
            print_row(
                &format!("  {}", icb.organisation().name()),
                icb.performance(),
                Some(icb),
            );
            for member in rows.iter().filter(|r| {
                r.organisation().level() != OrgLevel::Icb
                    && r.organisation().icb() == icb.organisation().icb()
                    && r.organisation().in_alliance()
            }) {
                let org = member.organisation();
                print_row(
                    &format!("    {} {}", org.code(), org.name()),
                    member.performance(),
                    Some(member),
                );
            }
        }
        for row in rows.iter().filter(|r| !r.organisation().in_alliance()) {
            let org = row.organisation();
            print_row(
                &format!("  {} {} (not in the alliance)", org.code(), org.name()),
                row.performance(),
                Some(row),
            );
        }
    }
    Ok(())
}

/// `8152` -> `8,152` (halves kept: `1034.5` -> `1,034.5`).
fn thousands(text: String) -> String {
    let (whole, fraction) = text
        .split_once('.')
        .map_or((text.as_str(), ""), |(w, f)| (w, f));
    let mut out = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if !fraction.is_empty() {
        out.push('.');
        out.push_str(fraction);
    }
    out
}

/// One row: the counts, the interval, the funnel flag, and each target
/// layer judged by the library (`met`, or the gap in patients; `*` where
/// the target is not yet due).
fn print_row(name: &str, p: Performance, row: Option<&AssuranceRow>) {
    let interval = row
        .and_then(|r| r.wilson_95())
        .or_else(|| p.wilson(ConfidenceLevel::Percent95))
        .map(|ci| format!("{:.2}%-{:.2}%", ci.lower_points(), ci.upper_points()))
        .unwrap_or_default();
    let funnel = row
        .and_then(|r| r.funnel())
        .map_or(String::new(), |f| match f {
            FunnelFlag::NotSignificant => "in".to_owned(),
            f => f.label().to_owned(),
        });
    let layers: Vec<String> = row
        .map(|r| {
            r.targets()
                .iter()
                .map(|t| {
                    let mark = if t.due() { "" } else { "*" };
                    match (t.met(), t.gap_in_patients()) {
                        (true, _) => format!("met{mark}"),
                        (false, Some(g)) => format!("-{}{mark}", thousands(g.to_string())),
                        (false, None) => "n/a".to_owned(),
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    let name: String = name.chars().take(NAME_WIDTH).collect();
    println!(
        "   {:<NAME_WIDTH$} {:>9} {:>9} {:>8}  {:<17} {:>8}  {}",
        name,
        thousands(p.total().to_string()),
        thousands(p.within().to_string()),
        p.display(2).to_string(),
        interval,
        funnel,
        layers.join(" | ")
    );
}

/// What was read, in either layout (`Extract` is one type, generic over
/// its row).
fn describe<R: LayoutRow>(extract: &Extract<R>) {
    if let Some(sheet) = extract.sheet() {
        println!("  sheet: {sheet}");
    }
    if let Some(release) = extract.release() {
        println!("  release: {release}");
    }
    println!(
        "  {} rows read, {} valid, {} bad",
        extract.rows_read(),
        extract.rows().len(),
        extract.bad_rows().len()
    );
    if !extract.bad_rows().is_empty() {
        println!("  bad rows by reason: {}", extract.bad_row_summary());
    }
}

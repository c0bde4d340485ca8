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
//! Each row is judged against the 2024/25 plan's ask for the standard (FDS
//! 80%, 62-day 85%, by March 2025) or, where the plan has none (31-day),
//! the national threshold in force that month; where neither applies (the
//! 31-day standard before the October 2023 combination) the rows are still
//! printed, saying that no national threshold applied. `AgainstTarget`
//! gives met, the gap in patients and whether the ask is due yet, with the
//! 95% Wilson interval.
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

use std::collections::BTreeMap;
use std::error::Error;
use std::fs::File;
use std::io::BufReader;
use std::path::PathBuf;

#[path = "common/extract_file.rs"]
mod extract_file;

use cancer_plan::cwt::extract::AnyExtract;
use cancer_plan::cwt::{target_for, AgainstTarget, ConfidenceLevel, Performance, PerformanceTable};
use cancer_plan::{Alliance, CancerPlan, CwtStandard, OdsCode, PerformanceTarget, YearMonth};

const USAGE: &str = "usage: cwt_performance EXTRACT [EXTRACT ...]\n\
    (an NHS England CWT provider or ICB sub-location extract, e.g.\n\
    ../shared/data/cwt/cwt-provider-extract-2023-10-wessex.csv)";
const PLAN: &str = "examples/data/wessex-2024-25.json";
const NAME_WIDTH: usize = 46;

/// One line of the report: its label and the table and group it reads.
enum Line<'a> {
    Total(&'a str),
    Group(String, &'a str),
    Code(String, &'a OdsCode),
}

/// Errors print as their sentence (`Display`), never as a `Debug` dump,
/// and exit 1.
fn main() {
    if let Err(e) = run() {
        eprintln!("cwt_performance: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), Box<dyn Error>> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let paths: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if paths.is_empty() {
        return Err(USAGE.into());
    }
    let plan_path = root.join(PLAN);
    let plan = cancer_plan::json::from_reader(BufReader::new(
        File::open(&plan_path).map_err(|e| format!("{}: {e}", plan_path.display()))?,
    ))?;
    let extract = extract_file::read_all(&paths)?;

    let shown: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    println!("CWT {}: {}", extract.layout(), shown.join(" + "));
    if let Some(sheet) = extract.sheet() {
        println!("  sheet: {sheet}");
    }
    if let Some(release) = extract.release() {
        println!("  release: {release}");
    }
    println!(
        "  {} rows read, {} valid, {} bad",
        extract.rows_read(),
        extract.valid_rows(),
        extract.bad_rows().len()
    );
    if !extract.bad_rows().is_empty() {
        println!("  bad rows by reason: {}", extract.bad_row_summary());
    }
    if let AnyExtract::Provider(e) = &extract {
        for standard in [CwtStandard::Combined31Day, CwtStandard::Combined62Day] {
            println!(
                "  {standard}: {} valid per-modality rows left out of the totals by the modality rule (they repeat their ALL MODALITIES row)",
                e.excluded_by_modality_rule(standard)
            );
        }
    } else {
        println!("  every row adds: the sub-categories of a standard are disjoint");
    }
    let asks = plan_asks(&plan);
    println!("Plan: {} ({})", plan.title(), plan.financial_year());
    for (standard, ask) in &asks {
        println!("  ask: {standard} >= {} by {}", ask.threshold(), ask.by());
    }

    let alliance = plan.alliance();
    let by_code = extract.by_code()?;
    let all = by_code.overall()?;
    // Code -> the ICB row it adds into.
    let (ordered, kind) = match &extract {
        AnyExtract::Provider(_) => (provider_membership(alliance), "trust"),
        _ => (location_membership(alliance), "sub-ICB location"),
    };
    let membership: BTreeMap<OdsCode, String> = ordered.iter().cloned().collect();
    let (by_group, outside) = by_code.regroup(|code| membership.get(code).cloned())?;
    let (by_alliance, _) = by_code.regroup(|code| membership.contains_key(code).then_some(()))?;
    if !outside.is_empty() {
        let shown: Vec<&str> = outside.iter().take(12).map(OdsCode::as_str).collect();
        println!(
            "  {} {kind} codes in the file are outside {} (counted in the file total only): {}{}",
            outside.len(),
            alliance.name(),
            shown.join(", "),
            if outside.len() > shown.len() {
                ", ..."
            } else {
                ""
            }
        );
    }
    let names: BTreeMap<&str, &str> = alliance
        .providers()
        .iter()
        .map(|p| (p.ods_code().as_str(), p.name()))
        .collect();
    // The report's lines, in order: file, alliance, each group and its codes.
    let mut groups: Vec<(String, Vec<&OdsCode>)> = Vec::new();
    for (code, group) in &ordered {
        match groups.iter_mut().find(|(g, _)| g == group) {
            Some((_, codes)) => codes.push(code),
            None => groups.push((group.clone(), vec![code])),
        }
    }
    groups.sort_by_key(|(g, _)| {
        alliance
            .icbs()
            .iter()
            .position(|icb| icb.name() == g)
            .unwrap_or(usize::MAX)
    });
    let mut lines = vec![
        Line::Total("All organisations in the file"),
        Line::Total(alliance.name()),
    ];
    for (group, codes) in &groups {
        lines.push(Line::Group(format!("  {group}"), group));
        for code in codes {
            let name = names.get(code.as_str()).copied().unwrap_or("");
            lines.push(Line::Code(format!("    {code} {name}"), code));
        }
    }

    for (month, standard) in all.periods() {
        let (target, label) = target_of(&asks, standard, month);
        let due = match &target {
            Some(t) if month >= t.by() => format!("; due in {month}"),
            Some(_) => format!("; not yet due in {month}: the gap is the distance still to travel"),
            None => String::new(),
        };
        println!();
        println!("== {month}  {standard}  ({label}{due})");
        let national = target_for(standard, month)
            .map(|t| format!("{} ({})", t.threshold(), t.basis()))
            .unwrap_or_else(|| "none: no national threshold applied".into());
        println!("   national threshold in force in {month}: {national}");
        let counted = if standard == CwtStandard::FasterDiagnosis28Day {
            "told"
        } else {
            "treated"
        };
        println!(
            "   {:<NAME_WIDTH$} {:>9} {:>9} {:>8}  {:<17} {:>8} {:>6} {:>4}",
            "", counted, "within", "perf.", "95% interval", "ask", "gap", "due"
        );
        for line in &lines {
            let (name, p) = match line {
                Line::Total(name) if name.starts_with("All ") => {
                    (*name, all.get(month, standard, &()))
                }
                Line::Total(name) => (*name, by_alliance.get(month, standard, &())),
                Line::Group(name, group) => (name.as_str(), by_group.get(month, standard, *group)),
                Line::Code(name, code) => (name.as_str(), by_code.get(month, standard, *code)),
            };
            if let Some(p) = p {
                print_row(name, p, target.as_ref(), standard, month);
            }
        }
        print_others(
            &by_code,
            &membership,
            month,
            standard,
            target.as_ref(),
            &names,
        );
    }
    Ok(())
}

/// Trust -> the name of its ICB row (or the row naming the plan's trusts
/// with no alliance ICB), in the plan's order.
fn provider_membership(alliance: &Alliance) -> Vec<(OdsCode, String)> {
    let without_icb: Vec<&str> = alliance
        .providers()
        .iter()
        .filter(|p| p.icb().and_then(|id| alliance.icb(id.as_str())).is_none())
        .map(|p| p.ods_code().as_str())
        .collect();
    let no_icb = format!(
        "not in a {} ICB: {}",
        alliance.name(),
        without_icb.join(", ")
    );
    alliance
        .providers()
        .iter()
        .map(|p| {
            let icb = p
                .icb()
                .and_then(|id| alliance.icb(id.as_str()))
                .map_or(no_icb.clone(), |icb| icb.name().to_owned());
            (p.ods_code().clone(), icb)
        })
        .collect()
}

/// Sub-ICB location -> the name of the ICB that lists it, in the plan's
/// order.
fn location_membership(alliance: &Alliance) -> Vec<(OdsCode, String)> {
    alliance
        .icbs()
        .iter()
        .flat_map(|icb| {
            icb.sub_icb_locations()
                .iter()
                .map(|code| (code.clone(), icb.name().to_owned()))
        })
        .collect()
}

/// The plan's ask for the standard or, where it has none, the national
/// threshold in force that month; `None` (and says so) when neither.
fn target_of(
    asks: &BTreeMap<CwtStandard, PerformanceTarget>,
    standard: CwtStandard,
    month: YearMonth,
) -> (Option<PerformanceTarget>, String) {
    match asks.get(&standard) {
        Some(ask) => (
            Some(*ask),
            format!("against plan ask {} by {}", ask.threshold(), ask.by()),
        ),
        None => match target_for(standard, month) {
            Some(t) => (
                Some(PerformanceTarget::new(standard, t.threshold(), month)),
                format!("against national {}: {}", t.basis(), t.threshold()),
            ),
            None => (
                None,
                format!(
                    "no plan ask, and no national threshold applied in {month}: shown, not judged"
                ),
            ),
        },
    }
}

/// The organisations in the file outside the alliance, one row each (a
/// national file has hundreds: they are summarised by count).
fn print_others(
    by_code: &PerformanceTable<OdsCode>,
    membership: &BTreeMap<OdsCode, String>,
    month: YearMonth,
    standard: CwtStandard,
    target: Option<&PerformanceTarget>,
    names: &BTreeMap<&str, &str>,
) {
    let others: Vec<(&OdsCode, Performance)> = by_code
        .groups_of(month, standard)
        .filter(|(code, _)| !membership.contains_key(*code))
        .collect();
    if others.len() > 20 {
        println!(
            "   ({} other organisations in the file, counted in its total)",
            others.len()
        );
        return;
    }
    for (code, p) in others {
        let name = names.get(code.as_str()).copied().unwrap_or("");
        print_row(&format!("{code} {name}"), p, target, standard, month);
    }
}

/// The plan's performance asks by standard.
fn plan_asks(plan: &CancerPlan) -> BTreeMap<CwtStandard, PerformanceTarget> {
    plan.delivery_asks()
        .filter_map(|ask| ask.kind().performance_target())
        .map(|t| (t.standard(), *t))
        .collect()
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

/// One row: the counts, the interval, and the performance judged against
/// `target` by `AgainstTarget` (met, gap in patients, due yet), or `n/a`
/// when no target applies.
fn print_row(
    name: &str,
    p: Performance,
    target: Option<&PerformanceTarget>,
    standard: CwtStandard,
    month: YearMonth,
) {
    let interval = p
        .wilson(ConfidenceLevel::Percent95)
        .map(|ci| format!("{:.2}%-{:.2}%", ci.lower() * 100.0, ci.upper() * 100.0))
        .unwrap_or_default();
    let judged = target.and_then(|t| AgainstTarget::judge(t, standard, month, p));
    let (met, gap, due) = match judged {
        Some(j) => (
            if j.met() { "met" } else { "not met" },
            j.gap_in_patients()
                .map_or_else(|| "n/a".to_owned(), |g| thousands(g.to_string())),
            if j.due() { "yes" } else { "no" },
        ),
        None => ("n/a", "n/a".to_owned(), "n/a"),
    };
    let name: String = name.chars().take(NAME_WIDTH).collect();
    println!(
        "   {:<NAME_WIDTH$} {:>9} {:>9} {:>8}  {:<17} {:>8} {:>6} {:>4}",
        name,
        thousands(p.total().to_string()),
        thousands(p.within().to_string()),
        p.display(2).to_string(),
        interval,
        met,
        gap,
        due
    );
}

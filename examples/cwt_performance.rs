//! Where do the alliance, its ICBs and its trusts stand against the plan's
//! CWT asks? Reads an NHS England CWT provider extract and prints, for each
//! month and standard in it: the total over every organisation in the file,
//! the alliance and its ICBs, then each organisation, each against the
//! 2024/25 plan's ask for that standard (FDS 80%, 62-day 85%, by March 2025)
//! or, where the plan has none (31-day), the national threshold in force,
//! with the gap in patients and the 95% Wilson interval.
//!
//! ```text
//! cargo run --example cwt_performance --features cwt-extract -- [EXTRACT.csv]
//! ```
//!
//! Default input: the Wessex sample, `examples/data/cwt-provider-extract-2023-10-wessex.csv`.
//! A full national monthly extract (about 10,000 rows) works the same way:
//! reading and aggregation are linear in the rows.
//!
//! Alliance membership is data: the plan's own list of providers
//! (`examples/data/wessex-2024-25.json`, `alliance.providers`), each with its
//! ICB. Salisbury (RNZ) is in the Bath and North East Somerset, Swindon and
//! Wiltshire ICB, but its patients sit in Wessex pathways and the plan lists
//! it: it counts in the alliance total and is shown under "no Wessex ICB"
//! in the ICB rows, not silently folded into either Wessex ICB.

use std::collections::BTreeMap;
use std::error::Error;
use std::fs::File;
use std::io::BufReader;
use std::path::PathBuf;

use cancer_plan::cwt::extract::read_extract;
use cancer_plan::cwt::{target_for, ConfidenceLevel, Performance, PerformanceTable};
use cancer_plan::{CancerPlan, CwtStandard, OdsCode, Percent, YearMonth};

const DEFAULT_EXTRACT: &str = "examples/data/cwt-provider-extract-2023-10-wessex.csv";
const PLAN: &str = "examples/data/wessex-2024-25.json";
/// The ICB row for plan providers the plan gives no ICB (Salisbury, RNZ).
const NO_WESSEX_ICB: &str = "no Wessex ICB (RNZ: BSW ICB)";

fn main() -> Result<(), Box<dyn Error>> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let path = std::env::args_os()
        .nth(1)
        .map_or_else(|| root.join(DEFAULT_EXTRACT), PathBuf::from);
    let plan = cancer_plan::json::from_reader(BufReader::new(File::open(root.join(PLAN))?))?;
    let extract = read_extract(BufReader::new(File::open(&path)?))?;

    println!("CWT provider extract: {}", path.display());
    println!(
        "  {} rows read, {} valid, {} bad",
        extract.rows_read(),
        extract.rows().len(),
        extract.bad_rows().len()
    );
    for bad in extract.bad_rows().iter().take(20) {
        println!("  bad row: {bad}");
    }
    for standard in CwtStandard::ALL {
        if standard != CwtStandard::FasterDiagnosis28Day {
            println!(
                "  {standard}: {} valid per-modality rows left out of the totals by the modality rule (they repeat their ALL MODALITIES row)",
                extract.excluded_by_modality_rule(standard)
            );
        }
    }
    let asks = plan_asks(&plan);
    println!("Plan: {} ({})", plan.title(), plan.financial_year());
    for (standard, (threshold, by)) in &asks {
        println!("  ask: {standard} >= {threshold} by {by}");
    }

    let by_org = extract.by_organisation()?;
    let all = by_org.overall()?;
    let alliance = plan.alliance();
    let membership: BTreeMap<&str, &str> = alliance
        .providers()
        .iter()
        .map(|p| {
            let icb = p
                .icb()
                .and_then(|id| alliance.icb(id.as_str()))
                .map_or(NO_WESSEX_ICB, |icb| icb.name());
            (p.ods_code().as_str(), icb)
        })
        .collect();
    let (by_alliance, outside) = by_org.regroup(|org| {
        membership
            .contains_key(org.as_str())
            .then_some(alliance.name())
    })?;
    let (by_icb, _) = by_org.regroup(|org| membership.get(org.as_str()).copied())?;
    let names: BTreeMap<&str, &str> = alliance
        .providers()
        .iter()
        .map(|p| (p.ods_code().as_str(), p.name()))
        .collect();
    if !outside.is_empty() {
        println!(
            "  {} organisations in the file are outside {} (shown per organisation only)",
            outside.len(),
            alliance.name()
        );
    }

    for (month, standard) in all.periods() {
        let (threshold, label) = match asks.get(&standard) {
            Some((t, by)) => (*t, format!("plan ask {t} by {by}")),
            None => match target_for(standard, month) {
                Some(t) => (
                    t.threshold(),
                    format!("national {}: {}", t.basis(), t.threshold()),
                ),
                None => continue,
            },
        };
        println!();
        println!("== {month}  {standard}  (against {label})");
        let national = target_for(standard, month)
            .map(|t| format!("{} ({})", t.threshold(), t.basis()))
            .unwrap_or_else(|| "none".into());
        println!("   national threshold in force in {month}: {national}");
        let counted = if standard == CwtStandard::FasterDiagnosis28Day {
            "told"
        } else {
            "treated"
        };
        println!(
            "   {:<44} {:>9} {:>9} {:>8}  {:<17} {:>8} {:>5}",
            "", counted, "within", "perf.", "95% interval", "ask", "gap"
        );
        let row = |name: &str, p: Performance| print_row(name, p, threshold);
        if let Some(p) = all.get(month, standard, &()) {
            row("All organisations in the file", p);
        }
        for (name, p) in by_alliance.groups_of(month, standard) {
            row(name, p);
        }
        for (name, p) in by_icb.groups_of(month, standard) {
            row(&format!("  {name}"), p);
        }
        print_organisations(&by_org, month, standard, &names, threshold);
    }
    Ok(())
}

/// The plan's performance asks by standard: (threshold, by).
fn plan_asks(plan: &CancerPlan) -> BTreeMap<CwtStandard, (Percent, YearMonth)> {
    plan.delivery_asks()
        .filter_map(|ask| ask.kind().performance_target())
        .map(|t| (t.standard(), (t.threshold(), t.by())))
        .collect()
}

fn print_organisations(
    by_org: &PerformanceTable<OdsCode>,
    month: YearMonth,
    standard: CwtStandard,
    names: &BTreeMap<&str, &str>,
    threshold: Percent,
) {
    for (org, p) in by_org.groups_of(month, standard) {
        let name = names.get(org.as_str()).copied().unwrap_or("");
        let label = format!("{org} {name}");
        print_row(&label.chars().take(44).collect::<String>(), p, threshold);
    }
}

fn print_row(name: &str, p: Performance, threshold: Percent) {
    let interval = p
        .wilson(ConfidenceLevel::Percent95)
        .map(|ci| format!("{:.2}%-{:.2}%", ci.lower() * 100.0, ci.upper() * 100.0))
        .unwrap_or_default();
    let met = if p.meets(threshold) { "met" } else { "not met" };
    println!(
        "   {:<44} {:>9} {:>9} {:>8}  {:<17} {:>8} {:>5}",
        name,
        p.total().to_string(),
        p.within().to_string(),
        p.display(2).to_string(),
        interval,
        met,
        p.gap_in_patients(threshold)
            .map_or_else(|| "n/a".to_owned(), |g| g.to_string())
    );
}

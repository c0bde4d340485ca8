//! Where do the alliance, its ICBs and its trusts stand against the plan's
//! CWT asks? Reads an NHS England CWT provider extract and prints, for each
//! month and standard in it: the total over every organisation in the file,
//! the alliance and its ICBs, then each organisation, each against the
//! 2024/25 plan's ask for that standard (FDS 80%, 62-day 85%, by March 2025)
//! or, where the plan has none (31-day), the national threshold in force,
//! judged with `AgainstTarget` (met, the gap in patients, and whether the
//! ask is due yet: October 2023 data against an ask "by 2025-03" is not),
//! with the 95% Wilson interval.
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
//! (naming the providers the plan gives no Wessex ICB) in the ICB rows, not
//! silently folded into either Wessex ICB.

use std::collections::BTreeMap;
use std::error::Error;
use std::fs::File;
use std::io::BufReader;
use std::path::PathBuf;

use cancer_plan::cwt::extract::read_extract;
use cancer_plan::cwt::{target_for, AgainstTarget, ConfidenceLevel, Performance};
use cancer_plan::{CancerPlan, CwtStandard, PerformanceTarget, YearMonth};

const DEFAULT_EXTRACT: &str = "examples/data/cwt-provider-extract-2023-10-wessex.csv";
const PLAN: &str = "examples/data/wessex-2024-25.json";

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
    for (standard, ask) in &asks {
        println!("  ask: {standard} >= {} by {}", ask.threshold(), ask.by());
    }

    let by_org = extract.by_organisation()?;
    let all = by_org.overall()?;
    let alliance = plan.alliance();
    // The ICB row for plan providers with no Wessex ICB, naming them (in
    // the Wessex plan: Salisbury, RNZ, whose ICB is BSW).
    let without_icb: Vec<&str> = alliance
        .providers()
        .iter()
        .filter(|p| p.icb().and_then(|id| alliance.icb(id.as_str())).is_none())
        .map(|p| p.ods_code().as_str())
        .collect();
    let no_wessex_icb = format!(
        "not in a {} ICB: {}",
        alliance.name(),
        without_icb.join(", ")
    );
    let membership: BTreeMap<&str, &str> = alliance
        .providers()
        .iter()
        .map(|p| {
            let icb = p
                .icb()
                .and_then(|id| alliance.icb(id.as_str()))
                .map_or(no_wessex_icb.as_str(), |icb| icb.name());
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
        // The plan's ask, or where it has none the national threshold in
        // force that month (due by definition).
        let (target, label) = match asks.get(&standard) {
            Some(ask) => (
                *ask,
                format!("plan ask {} by {}", ask.threshold(), ask.by()),
            ),
            None => match target_for(standard, month) {
                Some(t) => (
                    PerformanceTarget::new(standard, t.threshold(), month),
                    format!("national {}: {}", t.basis(), t.threshold()),
                ),
                None => continue,
            },
        };
        let due = if month >= target.by() {
            format!("due in {month}")
        } else {
            format!("not yet due in {month}: the gap is the distance still to travel")
        };
        println!();
        println!("== {month}  {standard}  (against {label}; {due})");
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
            "   {:<44} {:>9} {:>9} {:>8}  {:<17} {:>8} {:>5} {:>4}",
            "", counted, "within", "perf.", "95% interval", "ask", "gap", "due"
        );
        let row = |name: &str, p: Performance| print_row(name, p, &target, standard, month);
        if let Some(p) = all.get(month, standard, &()) {
            row("All organisations in the file", p);
        }
        for (name, p) in by_alliance.groups_of(month, standard) {
            row(name, p);
        }
        for (name, p) in by_icb.groups_of(month, standard) {
            row(&format!("  {name}"), p);
        }
        for (org, p) in by_org.groups_of(month, standard) {
            let name = names.get(org.as_str()).copied().unwrap_or("");
            let label = format!("{org} {name}");
            row(&label.chars().take(44).collect::<String>(), p);
        }
    }
    Ok(())
}

/// The plan's performance asks by standard.
fn plan_asks(plan: &CancerPlan) -> BTreeMap<CwtStandard, PerformanceTarget> {
    plan.delivery_asks()
        .filter_map(|ask| ask.kind().performance_target())
        .map(|t| (t.standard(), *t))
        .collect()
}

/// One row: the counts, the interval, and the performance judged against
/// `target` by `AgainstTarget` (met, gap in patients, due yet).
fn print_row(
    name: &str,
    p: Performance,
    target: &PerformanceTarget,
    standard: CwtStandard,
    month: YearMonth,
) {
    let interval = p
        .wilson(ConfidenceLevel::Percent95)
        .map(|ci| format!("{:.2}%-{:.2}%", ci.lower() * 100.0, ci.upper() * 100.0))
        .unwrap_or_default();
    let judged = AgainstTarget::judge(target, standard, month, p);
    let (met, gap, due) = match judged {
        Some(j) => (
            if j.met() { "met" } else { "not met" },
            j.gap_in_patients()
                .map_or_else(|| "n/a".to_owned(), |g| g.to_string()),
            if j.due() { "yes" } else { "no" },
        ),
        None => ("n/a", "n/a".to_owned(), "n/a"),
    };
    println!(
        "   {:<44} {:>9} {:>9} {:>8}  {:<17} {:>8} {:>5} {:>4}",
        name,
        p.total().to_string(),
        p.within().to_string(),
        p.display(2).to_string(),
        interval,
        met,
        gap,
        due
    );
}

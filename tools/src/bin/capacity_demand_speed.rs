//! The simulation's speed, for the ciw comparison in BENCHMARKS.md: the
//! pathway in `benches/ciw/lower_gi.json`, 4 weeks' warm-up, April 2024 to
//! March 2025 observed, on one thread; prints the median seconds a
//! replication over 7 runs of `REPLICATIONS` replications, and the two
//! figures `benches/ciw/pathway_ciw.py` prints, to check both simulate the
//! same model.
//!
//! ```text
//! cargo run --release --example capacity_demand_speed -- benches/ciw/lower_gi.json 200
//! python3 benches/ciw/pathway_ciw.py benches/ciw/lower_gi.json 10
//! ```

use std::error::Error;
use std::time::Instant;

use cancer_plan::capacity_demand::{simulate, PathwayModel, SimulationSettings};
use cancer_plan::CwtStandard;

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or("usage: capacity_demand_speed MODEL.json [REPLICATIONS]")?;
    let reps: u32 = args.next().map_or(Ok(200), |s| s.parse())?;
    let model: PathwayModel = serde_json::from_str(&std::fs::read_to_string(path)?)?;
    let settings = SimulationSettings::new("2024-04".parse()?, 12)
        .with_warm_up_weeks(4.0)
        .with_replications(reps)
        .with_seed(1);
    let mut per_rep = Vec::new();
    let mut results = None;
    for run in 0..7u64 {
        let clock = Instant::now();
        let r = simulate(&model, &settings.with_seed(run))?;
        per_rep.push(clock.elapsed().as_secs_f64() / f64::from(reps));
        results = Some(r);
    }
    per_rep.sort_by(f64::total_cmp);
    let results = results.ok_or("no run")?;
    let wait = results
        .step_wait("colonoscopy")
        .ok_or("no colonoscopy waits")?;
    let fds = |p| {
        results
            .wait_percentile(CwtStandard::FasterDiagnosis28Day, p)
            .unwrap_or(0)
    };
    println!(
        "cancer-plan: {reps} replications x 7 runs, median {:.6} s a replication",
        per_rep[per_rep.len() / 2]
    );
    println!(
        "  colonoscopy mean wait {:.3} days; FDS wait days: 50th {}, 90th {}, 95th {}",
        wait.mean(),
        fds(50.0),
        fds(90.0),
        fds(95.0)
    );
    Ok(())
}

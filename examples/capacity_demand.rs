//! How much colonoscopy capacity, at what cost, gets one Wessex pathway to
//! the 2024/25 plan's FDS ask (80% by March 2025)? End to end:
//!
//! 1. **Demand from the extract**: FDS patients told a month at University
//!    Hospitals Dorset (R0D), suspected lower GI cancer, urgent suspected
//!    cancer route, April 2024 to March 2025 (a proxy for referrals: see
//!    `capacity_demand::fds_demand` for what it misses).
//! 2. **NHSRwaitinglist's formulas** for the colonoscopy step.
//! 3. **A pathway model** (straight-to-test triage, colonoscopy, CT and
//!    results): its capacities, service and turnaround times, routing and
//!    the backlog are ILLUSTRATIVE inputs, not Dorset's figures.
//! 4. **Simulation** of the year from April 2024 (4 weeks' warm-up from
//!    the backlog), FDS share by month with 95% confidence intervals.
//! 5. **The solver**: the least extra colonoscopy slots a week that reach
//!    80% in March 2025 in at least 80% of replications.
//! 6. **Cost**: nurse endoscopist posts (Band 8A pay and on-costs,
//!    ILLUSTRATIVE) through the capacity module, as budget lines, and the
//!    variance against the plan's colorectal line.
//!
//! ```text
//! cargo run --release --example capacity_demand --features cwt-extract -- \
//!     ../shared/data/cwt/cwt-provider-extract-2024-04-to-2025-07-wessex.csv [examples/data/wessex-2024-25.json]
//! ```

use std::num::NonZeroUsize;
use std::time::Instant;

use cancer_plan::capacity::{AfcBand, Tenure};
use cancer_plan::capacity_demand::{
    cost_extra_capacity, fds_demand, funding_variance, least_extra_capacity, simulate,
    summarise_demand, target_capacity, target_queue_size, CapacityQuestion, CoefficientOfVariation,
    Factor, PathwayModel, PathwayStep, RatePerWeek, SessionCosting, SimulationSettings, StepKind,
    Weeks,
};
use cancer_plan::cwt::extract::read_provider_extract;
use cancer_plan::{CwtStandard, Id, Money, Percent, YearMonth};

const TRUST: &str = "R0D";
const CANCER_TYPE: &str = "Suspected lower gastrointestinal cancer";
const ROUTE: &str = "URGENT SUSPECTED CANCER";

fn main() -> Result<(), cancer_plan::Error> {
    let mut args = std::env::args().skip(1);
    let extract_path = args
        .next()
        .ok_or_else(|| fail("usage: capacity_demand EXTRACT.csv [PLAN.json]"))?;
    let plan_path = args
        .next()
        .unwrap_or_else(|| "examples/data/wessex-2024-25.json".into());
    let plan = cancer_plan::json::from_reader(std::fs::File::open(&plan_path)?)?;
    let extract =
        read_provider_extract(std::io::BufReader::new(std::fs::File::open(&extract_path)?))?;

    // 1. Demand.
    let table = extract.aggregate_by(|r| {
        (
            r.organisation().to_string(),
            r.cancer_type().to_owned(),
            r.route().to_owned(),
        )
    })?;
    let by_group = fds_demand(&table)?;
    let key = (TRUST.to_owned(), CANCER_TYPE.to_owned(), ROUTE.to_owned());
    let year = plan.financial_year();
    let months: Vec<_> = by_group
        .get(&key)
        .ok_or_else(|| fail("no FDS rows for the pathway in the extract"))?
        .iter()
        .copied()
        .filter(|m| m.month().financial_year().is_ok_and(|y| y == year))
        .collect();
    println!("Demand: {TRUST} {CANCER_TYPE}, {ROUTE}, FDS patients told ({year})");
    for m in &months {
        println!(
            "  {}  {:>4} told  {:>6.1} a week",
            m.month(),
            m.count(),
            m.per_week().get()
        );
    }
    let demand = summarise_demand(&months)?;
    println!(
        "  mean {:.1} a week over {} months; between-month cv {:.3}\n",
        demand.mean_per_week.get(),
        demand.months,
        demand.cv_between_months.get()
    );

    // 3. The pathway (ILLUSTRATIVE capacities and times).
    let triage_ruled_out = 0.35;
    let model = PathwayModel::new(
        "Lower GI, R0D (illustrative capacities)",
        demand.mean_per_week,
        vec![
            PathwayStep::new(
                Id::new("triage")?,
                "FIT and straight-to-test triage",
                StepKind::StraightToTest,
                150.0,
            )
            .with_servers(3)
            .with_service_cv(0.5)
            .with_turnaround_days(2.0)
            .with_ruled_out(triage_ruled_out),
            PathwayStep::new(
                Id::new("colonoscopy")?,
                "Colonoscopy",
                StepKind::DiagnosticTest,
                50.0,
            )
            .with_servers(6)
            .with_service_cv(0.3)
            .with_turnaround_days(5.0)
            .with_ruled_out(0.85)
            .with_initial_waiting(300),
            PathwayStep::new(
                Id::new("results")?,
                "CT and results clinic",
                StepKind::MdtOrResults,
                20.0,
            )
            .with_servers(2)
            .with_turnaround_days(3.0)
            .with_ruled_out(0.4)
            .telling_diagnosis(),
        ],
    )?;
    println!(
        "Pathway (ILLUSTRATIVE capacities, times and routing):\n{}\n",
        serde_json::to_string(&model).map_err(std::io::Error::other)?
    );

    // 2. NHSRwaitinglist's formulas for the colonoscopy step: its demand is
    // the referrals not ruled out at triage; target wait 2 of the 28 days'
    // weeks; Poisson arrivals, colonoscopy cv 0.3.
    let colonoscopy_demand =
        RatePerWeek::new(demand.mean_per_week.get() * (1.0 - triage_ruled_out))?;
    let two_weeks = Weeks::new(2.0)?;
    let kingman = target_capacity(
        colonoscopy_demand,
        two_weeks,
        Factor::DEFAULT,
        CoefficientOfVariation::POISSON,
        CoefficientOfVariation::new(0.3)?,
    )?;
    let target_list = target_queue_size(colonoscopy_demand, two_weeks, Factor::DEFAULT)?;
    println!(
        "NHSRwaitinglist, colonoscopy: demand {:.1} a week; target capacity {:.1} a week; target queue size {:.1}\n",
        colonoscopy_demand.get(),
        kingman.get(),
        target_list.get()
    );

    // 4. Simulation.
    let ask = plan
        .delivery_asks()
        .filter_map(|a| a.kind().performance_target())
        .find(|t| t.standard() == CwtStandard::FasterDiagnosis28Day)
        .copied()
        .ok_or_else(|| fail("the plan has no FDS ask"))?;
    let start: YearMonth = "2024-04".parse()?;
    let threads = std::thread::available_parallelism().unwrap_or(NonZeroUsize::MIN);
    let settings = SimulationSettings::new(start, 12)
        .with_warm_up_weeks(4.0)
        .with_replications(40)
        .with_seed(20240401)
        .with_threads(threads);
    let baseline = simulate(&model, &settings)?;
    println!(
        "Simulated FDS (baseline; {} replications, 95% CI):",
        baseline.replications()
    );
    for share in baseline
        .shares()
        .iter()
        .filter(|s| s.standard() == CwtStandard::FasterDiagnosis28Day)
    {
        let e = share.estimate();
        println!(
            "  {}  {:>5.1}%  [{:>5.1}%, {:>5.1}%]  {:>5.0} told",
            share.month(),
            e.mean() * 100.0,
            e.lower() * 100.0,
            e.upper() * 100.0,
            share.mean_patients()
        );
    }
    let list: Vec<String> = baseline
        .waiting_list()
        .iter()
        .step_by(8)
        .map(|p| format!("{} {:.0}", p.date(), p.open_pathways().mean()))
        .collect();
    println!("  open FDS pathways: {}", list.join(", "));
    println!(
        "  FDS wait percentiles (days): 50th {:?}, 90th {:?}, 95th {:?}\n",
        baseline.wait_percentile(CwtStandard::FasterDiagnosis28Day, 50.0),
        baseline.wait_percentile(CwtStandard::FasterDiagnosis28Day, 90.0),
        baseline.wait_percentile(CwtStandard::FasterDiagnosis28Day, 95.0)
    );

    // 5. The solver.
    let question = CapacityQuestion::new(Id::new("colonoscopy")?, ask, 0.8).with_max_extra(200.0);
    let clock = Instant::now();
    let answer = least_extra_capacity(&model, &settings, &question)?;
    let elapsed = clock.elapsed();
    let share = answer
        .share()
        .ok_or_else(|| fail("no clock stops in the due month"))?
        .estimate();
    println!(
        "Ask: FDS {} by {}. Least extra colonoscopy capacity: {} slots a week on {} ({} simulations, {:.2} s)",
        ask.threshold(),
        ask.by(),
        answer.extra_slots(),
        answer.baseline_slots(),
        answer.simulations(),
        elapsed.as_secs_f64()
    );
    println!(
        "  {}: {:.1}% [{:.1}%, {:.1}%], reaching {} in {:.0}% of replications\n",
        ask.by(),
        share.mean() * 100.0,
        share.lower() * 100.0,
        share.upper() * 100.0,
        ask.threshold(),
        answer.chance() * 100.0
    );

    // 6. Cost (ILLUSTRATIVE pay, on-costs and productivity).
    let costing = SessionCosting::new(
        "Nurse endoscopist",
        AfcBand::Band8A,
        Money::from_pounds(53_755),
        Percent::from_points(28)?,
        5.0,
        7.0,
        "ILLUSTRATIVE: AfC 2024/25 band 8A entry pay, 28% on-costs, 5 colonoscopies a list, 7 lists a WTE-week",
    );
    let cost = cost_extra_capacity(
        answer.extra_slots(),
        &costing,
        plan.alliance(),
        &Id::new("dorset")?,
        "lgi-endoscopist",
        Tenure::fixed(start, 12)?,
        year,
    )?;
    let needed = cost.cost_in(year)?;
    println!(
        "Cost: {:.1} lists a week = {} WTE nurse endoscopists ({}): {} in {}",
        cost.sessions_per_week(),
        cost.wte(),
        AfcBand::Band8A,
        needed,
        year
    );
    for line in cost.budget_lines(&Id::new("fds-62-day")?)? {
        println!(
            "  budget line {} ({}): {}",
            line.id(),
            line.spend_category(),
            line.amount()
        );
    }
    let budget = plan
        .budget()
        .ok_or_else(|| fail("the plan has no budget"))?;
    let variance = funding_variance(budget, &["op-colorectal"], needed)?;
    println!(
        "Variance against the plan's colorectal line (op-colorectal): funded {}, needed {}, difference {}",
        variance.funded(),
        variance.needed(),
        variance.difference()
    );
    Ok(())
}

/// An example's own failure (a usage mistake, missing data) as the crate's
/// error, so that `main` prints it as a sentence.
fn fail(message: impl Into<String>) -> cancer_plan::Error {
    std::io::Error::other(message.into()).into()
}

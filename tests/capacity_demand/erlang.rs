//! The simulation against exact queueing results: a one-step pathway with
//! Poisson referrals and exponential service is the M/M/c queue, whose
//! mean wait Erlang's C formula gives exactly. M/M/1 and M/M/4 at loads
//! 0.5, 0.8 and 0.95, after a year's warm-up from empty, observed for a
//! year, 30 replications: the exact mean wait must lie in each 95%
//! confidence interval, and the interval must be narrow (half-width under
//! 15% of the exact value) so that the check can fail.
//!
//! Capacity is 700 slots a week (100 a day) so that a year holds some
//! 36,000 patients a replication and the load-0.95 queue (relaxation time
//! about 1,500 service times, 15 days here) settles within the warm-up.
//! About 6.5 million patients in all: a few seconds in a debug build.

use std::num::NonZeroUsize;

use cancer_plan::capacity_demand::{
    simulate, ErlangC, PathwayModel, PathwayStep, RatePerWeek, SimulationSettings, StepKind,
};
use cancer_plan::Id;

const CAPACITY: f64 = 700.0;

fn mmc(servers: u32, load: f64) -> PathwayModel {
    PathwayModel::new(
        format!("M/M/{servers} at {load}"),
        RatePerWeek::new(load * CAPACITY).unwrap(),
        vec![PathwayStep::new(
            Id::new("queue").unwrap(),
            "Queue",
            StepKind::DiagnosticTest,
            CAPACITY,
        )
        .with_servers(servers)
        .telling_diagnosis()],
    )
    .unwrap()
}

#[test]
fn mean_waits_agree_with_erlang_c() {
    let settings = SimulationSettings::new("2024-04".parse().unwrap(), 12)
        .with_warm_up_weeks(52.0)
        .with_replications(30)
        .with_seed(2026)
        .with_threads(NonZeroUsize::new(2).unwrap());
    for servers in [1, 4] {
        for load in [0.5, 0.8, 0.95] {
            let model = mmc(servers, load);
            let exact = ErlangC::new(
                servers,
                model.demand_per_week(),
                RatePerWeek::new(CAPACITY).unwrap(),
            )
            .unwrap()
            .mean_wait()
            .get()
                * 7.0; // days
            let simulated = simulate(&model, &settings)
                .unwrap()
                .step_wait("queue")
                .unwrap();
            let half = (simulated.upper() - simulated.lower()) / 2.0;
            println!(
                "M/M/{servers} load {load}: exact {exact:.5} days, simulated {:.5} [{:.5}, {:.5}]",
                simulated.mean(),
                simulated.lower(),
                simulated.upper()
            );
            assert!(
                simulated.contains(exact),
                "M/M/{servers} at {load}: {exact} not in {simulated:?}"
            );
            assert!(
                half < 0.15 * exact,
                "M/M/{servers} at {load}: interval too wide {simulated:?}"
            );
        }
    }
}

#[test]
fn the_same_seed_gives_the_same_answer_on_any_number_of_threads() {
    let model = mmc(4, 0.8);
    let settings = SimulationSettings::new("2024-04".parse().unwrap(), 2)
        .with_replications(7)
        .with_seed(9);
    let one = simulate(&model, &settings).unwrap();
    for threads in [2, 3, 8] {
        let many = simulate(
            &model,
            &settings.with_threads(NonZeroUsize::new(threads).unwrap()),
        )
        .unwrap();
        assert_eq!(one, many, "{threads} threads");
    }
    let other = simulate(&model, &settings.with_seed(10)).unwrap();
    assert_ne!(one, other);
}

#[test]
fn erlang_c_refuses_an_overloaded_queue() {
    let r = |v| RatePerWeek::new(v).unwrap();
    assert!(ErlangC::new(4, r(10.0), r(10.0)).is_err());
    assert!(ErlangC::new(0, r(1.0), r(10.0)).is_err());
    // M/M/2, a = 1 (load 0.5): C = 1/3, Wq = C / (2 mu - lambda) = (1/3) / 1.
    let q = ErlangC::new(2, r(1.0), r(2.0)).unwrap();
    assert!((q.probability_of_waiting() - 1.0 / 3.0).abs() < 1e-12);
    assert!((q.mean_wait().get() - 1.0 / 3.0).abs() < 1e-12);
}

//! The capacity and demand module through its public API: the pathway
//! model's JSON and its checks, the solver, costing through the capacity
//! module and budget variance, and FDS demand from the shared CWT extract.

use crate::common;

use cancer_plan::budget::{AllocationArea, BudgetAllocation, BudgetLine, Term};
use cancer_plan::capacity::{AfcBand, Tenure};
use cancer_plan::capacity_demand::{
    cost_extra_capacity, funding_variance, least_extra_capacity, simulate, CapacityDemandError,
    CapacityQuestion, PathwayModel, PathwayStep, RatePerWeek, SessionCosting, SimulationSettings,
    StepKind,
};
use cancer_plan::{Alliance, CwtStandard, Icb, Id, Money, Percent, PerformanceTarget};

fn clinic_model(slots: f64) -> PathwayModel {
    PathwayModel::new(
        "One clinic",
        RatePerWeek::new(40.0).unwrap(),
        vec![PathwayStep::new(
            Id::new("clinic").unwrap(),
            "Clinic",
            StepKind::FirstAppointment,
            slots,
        )
        .with_servers(4)
        .with_turnaround_days(3.0)
        .with_initial_waiting(150)
        .telling_diagnosis()],
    )
    .unwrap()
}

#[test]
fn the_pathway_model_round_trips_through_json() {
    let model = clinic_model(42.0);
    let json = serde_json::to_string(&model).unwrap();
    let back: PathwayModel = serde_json::from_str(&json).unwrap();
    assert_eq!(back, model);
}

#[test]
fn every_mistake_in_a_pathway_is_reported_at_its_path() {
    let json: serde_json::Value = serde_json::json!({
        "name": " ",
        "demand_per_week": -3.0,
        "steps": [
            {"id": "a", "name": "A", "kind": "treatment", "slots_per_week": 10.0, "tells_diagnosis": true},
            {"id": "a", "name": "", "kind": "diagnostic_test", "slots_per_week": 0.0, "servers": 0,
             "service_cv": -1.0, "turnaround_days": 400.0, "ruled_out": 1.5, "tells_diagnosis": true}
        ]
    });
    let model = PathwayModel::new("x", RatePerWeek::ZERO, vec![]);
    assert!(model.is_err());
    let err = serde_json::from_value::<PathwayModel>(json.clone())
        .unwrap_err()
        .to_string();
    for path in [
        "name",
        "demand_per_week",
        "steps[0].kind",
        "steps[1].id",
        "steps[1].name",
        "steps[1].slots_per_week",
        "steps[1].servers",
        "steps[1].service_cv",
        "steps[1].turnaround_days",
        "steps[1].ruled_out",
        "steps[1].tells_diagnosis",
    ] {
        assert!(
            err.contains(&format!("{path}:")),
            "{path} missing from: {err}"
        );
    }
    let errors = match PathwayModel::new(
        " ",
        RatePerWeek::ZERO,
        vec![
            PathwayStep::new(Id::new("a").unwrap(), "A", StepKind::DiagnosticTest, 0.0)
                .with_ruled_out(2.0),
        ],
    ) {
        Err(errors) => errors,
        Ok(_) => panic!("should fail"),
    };
    let model_json = serde_json::json!({"name": " ", "demand_per_week": 0.0, "steps": [
        {"id": "a", "name": "A", "kind": "diagnostic_test", "slots_per_week": 0.0, "ruled_out": 2.0}]});
    common::assert_paths_in_json(&model_json, &errors);
    assert_eq!(errors.len(), 3);
}

#[test]
fn the_solver_finds_the_least_capacity_that_reaches_the_ask() {
    let settings = SimulationSettings::new("2024-04".parse().unwrap(), 6)
        .with_replications(20)
        .with_seed(11);
    let target = PerformanceTarget::new(
        CwtStandard::FasterDiagnosis28Day,
        Percent::from_points(80).unwrap(),
        "2024-09".parse().unwrap(),
    );
    let question = CapacityQuestion::new(Id::new("clinic").unwrap(), target, 0.8);
    let model = clinic_model(38.0);
    let answer = least_extra_capacity(&model, &settings, &question).unwrap();
    let extra = answer.extra_slots();
    assert!(extra >= 1.0, "{extra}");
    assert!(answer.chance() >= 0.8);
    // The answer is least: one slot fewer does not reach the ask.
    let chance = |slots: f64| {
        simulate(&clinic_model(38.0 + slots), &settings)
            .unwrap()
            .share(CwtStandard::FasterDiagnosis28Day, target.by())
            .unwrap()
            .chance_of_reaching(0.8)
    };
    assert!(chance(extra) >= 0.8);
    assert!(chance(extra - 1.0) < 0.8, "extra {extra}");
    // Already met: no extra capacity.
    let met = least_extra_capacity(&clinic_model(38.0 + extra), &settings, &question).unwrap();
    assert_eq!(met.extra_slots(), 0.0);
    // Unknown step; due month not observed; unreachable.
    let wrong = CapacityQuestion::new(Id::new("mdt").unwrap(), target, 0.8);
    assert!(matches!(
        least_extra_capacity(&model, &settings, &wrong),
        Err(CapacityDemandError::UnknownStep { .. })
    ));
    let late = PerformanceTarget::new(
        target.standard(),
        target.threshold(),
        "2025-03".parse().unwrap(),
    );
    let late = CapacityQuestion::new(Id::new("clinic").unwrap(), late, 0.8);
    assert!(least_extra_capacity(&model, &settings, &late).is_err());
    let capped = question.clone().with_max_extra(extra - 1.0);
    assert!(matches!(
        least_extra_capacity(&model, &settings, &capped),
        Err(CapacityDemandError::NotReachable { .. })
    ));
}

#[test]
fn extra_capacity_is_costed_as_posts_and_compared_with_the_budget() {
    let alliance =
        Alliance::new("Wessex").with_icb(Icb::new(Id::new("dorset").unwrap(), "NHS Dorset ICB"));
    let costing = SessionCosting::new(
        "Nurse endoscopist",
        AfcBand::Band8A,
        Money::from_pounds(50_000),
        Percent::from_points(20).unwrap(),
        5.0,
        10.0,
        "test figures",
    );
    assert_eq!(costing.annual_cost().unwrap(), Money::from_pounds(60_000));
    // 60 slots a week = 12 sessions = 1.2 WTE: one full-time and one 0.2 post.
    let cost = cost_extra_capacity(
        60.0,
        &costing,
        &alliance,
        &Id::new("dorset").unwrap(),
        "endo",
        Tenure::fixed("2024-04".parse().unwrap(), 12).unwrap(),
        "2024/25".parse().unwrap(),
    )
    .unwrap();
    assert_eq!(cost.wte().to_string(), "1.2");
    assert_eq!(cost.capacity().posts().len(), 2);
    let year = "2024/25".parse().unwrap();
    assert_eq!(cost.cost_in(year).unwrap(), Money::from_pounds(72_000));
    let lines = cost.budget_lines(&Id::new("fds-62-day").unwrap()).unwrap();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0].id().as_str(), "endo-1.2024-25");
    let budget = BudgetAllocation::new(Money::from_pounds(100_000)).with_area(
        AllocationArea::new(
            Id::new("ops").unwrap(),
            "Operational performance",
            Percent::from_points(100).unwrap(),
        )
        .with_line(BudgetLine::new(
            Id::new("op-colorectal").unwrap(),
            Id::new("fds-62-day").unwrap(),
            Money::from_pounds(50_000),
            Term::OneOff,
        )),
    );
    let variance =
        funding_variance(&budget, &["op-colorectal"], cost.cost_in(year).unwrap()).unwrap();
    assert_eq!(variance.funded(), Money::from_pounds(50_000));
    assert_eq!(variance.difference(), Money::from_pounds(-22_000));
    assert!(funding_variance(&budget, &["nope"], Money::ZERO).is_err());
    // Bad productivity figures are errors, not infinities.
    let zero = SessionCosting::new(
        "x",
        AfcBand::Band5,
        Money::from_pounds(1),
        Percent::from_points(0).unwrap(),
        0.0,
        10.0,
        "x",
    );
    assert!(cost_extra_capacity(
        1.0,
        &zero,
        &alliance,
        &Id::new("dorset").unwrap(),
        "x",
        Tenure::fixed("2024-04".parse().unwrap(), 1).unwrap(),
        year
    )
    .is_err());
}

#[cfg(feature = "cwt-extract")]
#[test]
fn fds_demand_comes_from_the_extract_told_counts() {
    use cancer_plan::capacity_demand::{fds_demand, summarise_demand};
    let Some(path) = common::shared_data("cwt/cwt-provider-extract-2024-04-to-2025-07-wessex.csv")
    else {
        return;
    };
    let extract =
        cancer_plan::cwt::extract::read_provider_extract(std::fs::File::open(path).unwrap())
            .unwrap();
    let table = extract
        .aggregate_by(|r| {
            (
                r.organisation().to_string(),
                r.cancer_type().to_owned(),
                r.route().to_owned(),
            )
        })
        .unwrap();
    let demand = fds_demand(&table).unwrap();
    let key = (
        "R0D".to_owned(),
        "Suspected lower gastrointestinal cancer".to_owned(),
        "URGENT SUSPECTED CANCER".to_owned(),
    );
    let months = &demand[&key];
    assert_eq!(months.len(), 16); // April 2024 to July 2025
    assert_eq!(months[0].month().to_string(), "2024-04");
    assert_eq!(months[0].count(), 421.0); // the extract's rows for the month, summed
    assert!((months[0].per_week().get() - 421.0 * 7.0 / 30.0).abs() < 1e-12);
    let summary = summarise_demand(months).unwrap();
    assert_eq!(summary.months, 16);
    assert!((80.0..110.0).contains(&summary.mean_per_week.get()));
}

#[test]
fn fds_stops_when_told_and_62_day_at_first_treatment() {
    // No queueing (capacity far above demand, fixed short service): the
    // waits are the turnarounds. Told after the test's turnaround; treated
    // after the MDT's.
    let model = |test_turnaround: f64, mdt_turnaround: f64| {
        PathwayModel::new(
            "Two clocks",
            RatePerWeek::new(20.0).unwrap(),
            vec![
                PathwayStep::new(
                    Id::new("test").unwrap(),
                    "Test",
                    StepKind::DiagnosticTest,
                    10_000.0,
                )
                .with_servers(100)
                .with_service_cv(0.0)
                .with_turnaround_days(test_turnaround)
                .telling_diagnosis(),
                PathwayStep::new(
                    Id::new("mdt").unwrap(),
                    "MDT",
                    StepKind::MdtOrResults,
                    10_000.0,
                )
                .with_servers(100)
                .with_service_cv(0.0)
                .with_turnaround_days(mdt_turnaround),
                PathwayStep::new(
                    Id::new("treat").unwrap(),
                    "Surgery",
                    StepKind::Treatment,
                    10_000.0,
                )
                .with_servers(100)
                .with_service_cv(0.0),
            ],
        )
        .unwrap()
    };
    let settings = SimulationSettings::new("2024-04".parse().unwrap(), 3)
        .with_warm_up_weeks(12.0)
        .with_replications(4);
    let month = "2024-06".parse().unwrap();
    let share = |m: &PathwayModel, standard| {
        simulate(m, &settings)
            .unwrap()
            .share(standard, month)
            .unwrap()
            .estimate()
            .mean()
    };
    let fast = model(10.0, 20.0); // told by day 10-11, treated by day 30-31
    assert_eq!(share(&fast, CwtStandard::FasterDiagnosis28Day), 1.0);
    assert_eq!(share(&fast, CwtStandard::Combined62Day), 1.0);
    let late_told = model(35.0, 5.0); // told after 35 days, treated by day 41
    assert_eq!(share(&late_told, CwtStandard::FasterDiagnosis28Day), 0.0);
    assert_eq!(share(&late_told, CwtStandard::Combined62Day), 1.0);
    let late_treated = model(10.0, 60.0); // treated after 70 days
    assert_eq!(share(&late_treated, CwtStandard::FasterDiagnosis28Day), 1.0);
    assert_eq!(share(&late_treated, CwtStandard::Combined62Day), 0.0);
    let results = simulate(&late_treated, &settings).unwrap();
    assert!(
        results
            .wait_percentile(CwtStandard::Combined62Day, 50.0)
            .unwrap()
            >= 70
    );
    assert_eq!(
        results.wait_percentile(CwtStandard::Combined31Day, 50.0),
        None
    );
    assert!(!results.waiting_list().is_empty());
    assert!(serde_json::to_string(&results)
        .unwrap()
        .contains("open_pathways"));
}

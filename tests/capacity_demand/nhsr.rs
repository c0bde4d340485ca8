//! NHSRwaitinglist's own test values (nhs-r-community/NHSRwaitinglist,
//! `tests/testthat/test-calc_queue_load.R`, `test-calc_target_mean_wait.R`,
//! `test-calc_target_queue_size.R`, `test-calc_relief_capacity.R`,
//! `test-calc_target_capacity.R`, `test-calc_waiting_list_pressure.R`),
//! written out in `examples/data/nhsrwaitinglist-tests.csv` (each row
//! names its test). `arithmetic` rows are the package's "vs arithmetic"
//! tests, the R expression evaluated in IEEE doubles: agreed to 1e-9
//! relative. `printed` rows are the values the tests print to 7-9
//! significant digits (30.076442): agreed to testthat's own default
//! tolerance, 1.5e-8 relative, since the printed digits themselves are
//! that far from the exact value.

use cancer_plan::capacity_demand::{WaitingListArgs, WaitingListFunction};

const CSV: &str = include_str!("../../examples/data/nhsrwaitinglist-tests.csv");

fn number(s: &str) -> Option<f64> {
    (!s.is_empty()).then(|| s.parse().unwrap())
}

#[test]
fn the_formulas_agree_with_nhsrwaitinglist_tests() {
    let mut lines = CSV.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let mut checked = 0;
    for line in lines {
        let row: Vec<&str> = line.split(',').collect();
        let get = |name: &str| row[header.iter().position(|h| *h == name).unwrap()];
        let args = WaitingListArgs {
            demand: number(get("demand")),
            capacity: number(get("capacity")),
            target_wait: number(get("target_wait")),
            factor: number(get("factor")),
            cv_demand: number(get("cv_demand")),
            cv_capacity: number(get("cv_capacity")),
            queue_size: number(get("queue_size")),
            target_queue_size: number(get("target_queue_size")),
            time_to_target: number(get("time_to_target")),
            num_referrals: number(get("num_referrals")),
            mean_wait: number(get("mean_wait")),
        };
        let func: WaitingListFunction = get("func").parse().unwrap();
        let outcome = func.evaluate(&args);
        match get("kind") {
            "error" => assert!(outcome.is_err(), "{line}: {outcome:?}"),
            kind => {
                let expected: f64 = get("expected").parse().unwrap();
                let tolerance = if kind == "arithmetic" { 1e-9 } else { 1.5e-8 };
                let value = outcome.unwrap_or_else(|e| panic!("{line}: {e}"));
                let relative = ((value - expected) / expected).abs();
                assert!(
                    relative <= tolerance,
                    "{line}: {value} vs {expected} ({relative:e})"
                );
            }
        }
        checked += 1;
    }
    assert_eq!(checked, 31);
}

#[test]
fn every_function_name_round_trips_and_unknown_names_are_refused() {
    for f in WaitingListFunction::ALL {
        assert_eq!(f.r_name().parse::<WaitingListFunction>().unwrap(), f);
    }
    let err = "calc_queue_lode"
        .parse::<WaitingListFunction>()
        .unwrap_err();
    assert!(err.to_string().contains("calc_queue_lode"));
    let missing = WaitingListFunction::QueueLoad
        .evaluate(&WaitingListArgs::default())
        .unwrap_err();
    assert_eq!(
        missing.to_string(),
        "calc_queue_load needs the argument `demand`"
    );
}

mod never_nan {
    use cancer_plan::capacity_demand::{WaitingListArgs, WaitingListFunction};
    use proptest::prelude::*;

    fn arg() -> impl Strategy<Value = Option<f64>> {
        prop_oneof![
            Just(None),
            Just(Some(0.0)),
            Just(Some(-1.0)),
            Just(Some(f64::NAN)),
            Just(Some(f64::INFINITY)),
            Just(Some(f64::MAX)),
            (0.0..1e6f64).prop_map(Some),
        ]
    }

    proptest! {
        /// Whatever the arguments, a formula returns a finite number or a
        /// typed error: never NaN or infinity (where R returns them).
        #[test]
        fn every_formula_is_finite_or_an_error(
            f in 0usize..6,
            a in proptest::collection::vec(arg(), 11),
        ) {
            let args = WaitingListArgs {
                demand: a[0], capacity: a[1], target_wait: a[2], factor: a[3], cv_demand: a[4],
                cv_capacity: a[5], queue_size: a[6], target_queue_size: a[7], time_to_target: a[8],
                num_referrals: a[9], mean_wait: a[10],
            };
            if let Ok(value) = WaitingListFunction::ALL[f].evaluate(&args) {
                prop_assert!(value.is_finite(), "{:?} {:?} -> {}", WaitingListFunction::ALL[f], args, value);
            }
        }
    }
}

//! Conformance tests against NHSRplotthedots v0.2.x (NHS-R Community,
//! GitHub `nhs-r-community/NHSRplotthedots`), the reference implementation
//! of Making Data Count XmR charts.
//!
//! Sources of the expected values (file, `test_that` name):
//!
//! - `tests/testthat/test-integration_tests.R` with its snapshot
//!   `tests/testthat/_snaps/integration_tests.md` (commit 0c096d8): the
//!   snapshots are `expect_snapshot_value(style = "serialize")`, i.e. R's
//!   XDR serialisation in base64, so they carry every column to full double
//!   precision. We decoded the `y`, `mean`, `lpl`, `upl`, `outside_limits`,
//!   `relative_to_mean`, `close_to_limits` and `point_type` columns. The
//!   series is NHSRdatasets `ae_attendances` summed over all organisations
//!   by month (April 2016 to March 2019).
//!   * "ae_all attendances spc returns expected values"
//!   * "ae_all attendances spc with rebase returns expected values"
//!     (`rebase = as.Date("2017-04-01")`)
//!   * "ae_all performance spc returns expected values"
//!     (`performance = 1 - breaches / attendances`, `fix_after_n_points = 12`)
//! - `tests/testthat/test-ptd_spc_standard.R`:
//!   * "it returns expected values" (snapshot
//!     `_snaps/ptd_spc_standard.md`, printed to 3 significant figures)
//!   * "setting fix_after_n_points changes the calculations"
//!   * "it only reports special cause for 2 of 3 points close to limits
//!     when they are on the same side of the mean"
//!
//! `ptd_spc` defaults: `screen_outliers = TRUE`, `improvement_direction =
//! "increase"`, which are this crate's defaults too.

use crate::common;

use cancer_plan::spc::{
    ImprovementDirection, Screening, Series, Side, SpcChart, SpcOptions, SpecialCause, Variation,
};
use cancer_plan::YearMonth;

const ATTENDANCES: [f64; 36] = [
    1867781.0, 2070340.0, 1958802.0, 2079034.0, 1932901.0, 1952464.0, 2001816.0, 1907871.0,
    1944567.0, 1895272.0, 1735619.0, 2015834.0, 1949762.0, 2066789.0, 1994056.0, 2073944.0,
    1924663.0, 1925961.0, 2044137.0, 1976971.0, 2003954.0, 2000086.0, 1820012.0, 2049785.0,
    1984369.0, 2164458.0, 2093942.0, 2179896.0, 1997854.0, 2005695.0, 2079492.0, 2037847.0,
    2047518.0, 2113413.0, 1954947.0, 2167550.0,
];

const PERFORMANCE: [f64; 36] = [
    0.9003512724457525,
    0.9027555860390081,
    0.9055994429248081,
    0.9028524786030435,
    0.909763097023593,
    0.9064786853944554,
    0.8905308979446662,
    0.8837903610883545,
    0.8617594559611471,
    0.851413411900772,
    0.8753090395991286,
    0.9000949482943537,
    0.9051525263083392,
    0.8970035160821932,
    0.9072518525056468,
    0.9034785895858326,
    0.9029928875860346,
    0.8966609396555797,
    0.8994186788850258,
    0.8876655246839736,
    0.8498503458662225,
    0.8529918213516818,
    0.8504476893558943,
    0.8462121637147311,
    0.8857248828216929,
    0.9039011151983545,
    0.9076297242234981,
    0.8931949047110505,
    0.8972702710007838,
    0.8894368286304747,
    0.8900933497219513,
    0.8760446687116353,
    0.8644632183941728,
    0.843525141560121,
    0.8422525009629417,
    0.8660427671795345,
];

const TOLERANCE: f64 = 1e-6;

fn month(text: &str) -> YearMonth {
    text.parse().unwrap()
}

fn series_from(start: &str, values: &[f64]) -> Series {
    common::monthly_series(start, values)
}

fn assert_close(actual: f64, expected: f64, what: &str) {
    assert!(
        (actual - expected).abs() <= TOLERANCE,
        "{what}: {actual} differs from NHSRplotthedots' {expected} by more than {TOLERANCE}"
    );
}

fn increase() -> SpcOptions {
    SpcOptions::new(ImprovementDirection::Increase)
}

fn indices(chart: &SpcChart, keep: impl Fn(&cancer_plan::spc::SpcPoint) -> bool) -> Vec<usize> {
    chart
        .points()
        .iter()
        .enumerate()
        .filter(|(_, p)| keep(p))
        .map(|(i, _)| i)
        .collect()
}

/// R's `relative_to_mean` column as a string of `+`, `-`, `0`.
fn sides(chart: &SpcChart) -> String {
    chart
        .points()
        .iter()
        .map(|p| match p.side() {
            Some(Side::Above) => '+',
            Some(Side::Below) => '-',
            None => '0',
        })
        .collect()
}

fn near(chart: &SpcChart) -> Vec<usize> {
    indices(chart, |p| {
        let beyond_near =
            p.value() > p.limits().upper_near_limit() || p.value() < p.limits().lower_near_limit();
        let outside = p.value() > p.limits().upper_process_limit()
            || p.value() < p.limits().lower_process_limit();
        beyond_near && !outside
    })
}

fn outside(chart: &SpcChart) -> Vec<usize> {
    indices(chart, |p| {
        p.special_causes()
            .iter()
            .any(|c| matches!(c, SpecialCause::OutsideLimits { .. }))
    })
}

#[test]
fn ae_all_attendances_spc_returns_expected_values() {
    let chart = SpcChart::new(&series_from("2016-04", &ATTENDANCES), &increase()).unwrap();
    assert_eq!(chart.periods().len(), 1);
    for p in chart.points() {
        assert_close(p.limits().mean(), 2000538.9444444445, "mean");
        assert_close(p.limits().lower_process_limit(), 1731844.3644444444, "lpl");
        assert_close(p.limits().upper_process_limit(), 2269233.5244444446, "upl");
    }
    assert_eq!(sides(&chart), "-+-+--+----+-+-+--+-+--+-+++-+++++-+");
    assert_eq!(outside(&chart), Vec::<usize>::new());
    assert_eq!(near(&chart), vec![10, 22, 27]);
    assert!(chart
        .points()
        .iter()
        .all(|p| p.variation() == Variation::CommonCause));
}

#[test]
fn ae_all_attendances_spc_with_rebase_returns_expected_values() {
    let options = increase().rebase_at(month("2017-04"));
    let chart = SpcChart::new(&series_from("2016-04", &ATTENDANCES), &options).unwrap();
    assert_eq!(chart.periods().len(), 2);
    for (i, p) in chart.points().iter().enumerate() {
        let (mean, lpl, upl) = if i < 12 {
            (1946858.4166666667, 1639947.374848485, 2253769.4584848485)
        } else {
            (2027379.2083333333, 1772921.0639855072, 2281837.3526811595)
        };
        assert_eq!(p.period(), usize::from(i >= 12));
        assert_close(p.limits().mean(), mean, "mean");
        assert_close(p.limits().lower_process_limit(), lpl, "lpl");
        assert_close(p.limits().upper_process_limit(), upl, "upl");
        assert_eq!(p.variation(), Variation::CommonCause, "point {i}");
    }
    assert_eq!(chart.periods()[1].first_month(), month("2017-04"));
}

#[test]
fn ae_all_performance_spc_returns_expected_values() {
    let options = increase().baseline_points(12);
    let chart = SpcChart::new(&series_from("2016-04", &PERFORMANCE), &options).unwrap();
    let limits = chart.latest_limits();
    assert_eq!(limits.baseline_points(), 12);
    for p in chart.points() {
        assert_close(p.limits().mean(), 0.8908915564349236, "mean");
        assert_close(p.limits().lower_process_limit(), 0.8614049789074258, "lpl");
        assert_close(p.limits().upper_process_limit(), 0.9203781339624213, "upl");
    }
    assert_eq!(sides(&chart), "++++++-----++++++++------++++-------");
    assert_eq!(outside(&chart), vec![9, 20, 21, 22, 23, 33, 34]);
    assert_eq!(near(&chart), vec![8, 32, 35]);

    use Variation::{CommonCause as C, SpecialCauseConcerning as X, SpecialCauseImproving as I};
    let expected = [
        C, C, C, C, C, C, C, C, C, X, C, I, I, I, I, I, I, I, I, C, X, X, X, X, C, C, C, C, C, X,
        X, X, X, X, X, X,
    ];
    let actual: Vec<Variation> = chart.points().iter().map(|p| p.variation()).collect();
    assert_eq!(actual, expected);

    // The rules behind them: a run of 8 above the mean (11..=18) and a run
    // of 7 below (29..=35), inside which 33 and 34 are outside the limits.
    let point = |i: usize| &chart.points()[i];
    assert_eq!(
        point(14).special_causes(),
        [SpecialCause::RunOnOneSide { side: Side::Above }]
    );
    assert_eq!(
        point(33).special_causes(),
        [
            SpecialCause::OutsideLimits { side: Side::Below },
            SpecialCause::RunOnOneSide { side: Side::Below }
        ]
    );
    assert_eq!(chart.latest_variation(), X);
}

/// `set.seed(123); rnorm(20)`, as printed by R to 8 decimal places.
const RNORM_SEED_123: [f64; 20] = [
    -0.56047565,
    -0.23017749,
    1.55870831,
    0.07050839,
    0.12928774,
    1.71506499,
    0.46091621,
    -1.26506123,
    -0.68685285,
    -0.44566197,
    1.22408180,
    0.35981383,
    0.40077145,
    0.11068272,
    -0.55584113,
    1.78691314,
    0.49785048,
    -1.96661716,
    0.70135590,
    -0.47279141,
];

#[test]
fn ptd_spc_standard_it_returns_expected_values() {
    // Snapshot r1 (screen_outliers = TRUE): mean 0.142, lpl -3.01, upl 3.29
    // (R prints 3 significant figures).
    let r1 = SpcChart::new(&series_from("2020-01", &RNORM_SEED_123), &increase()).unwrap();
    let l1 = *r1.latest_limits();
    assert!((l1.mean() - 0.142).abs() < 5e-4);
    assert!((l1.lower_process_limit() - -3.01).abs() < 5e-3);
    assert!((l1.upper_process_limit() - 3.29).abs() < 5e-3);

    // data$y[15] <- 10: r2 screens the outlying moving ranges, r3 does not.
    let mut outlier = RNORM_SEED_123;
    outlier[14] = 10.0;
    let r2 = SpcChart::new(&series_from("2020-01", &outlier), &increase()).unwrap();
    let r3 = SpcChart::new(
        &series_from("2020-01", &outlier),
        &increase().screening(Screening::None),
    )
    .unwrap();
    let (l2, l3) = (*r2.latest_limits(), *r3.latest_limits());
    assert_ne!(l1.lower_process_limit(), l2.lower_process_limit());
    assert_ne!(l1.lower_process_limit(), l3.lower_process_limit());
    assert_ne!(l2.lower_process_limit(), l3.lower_process_limit());
    assert_ne!(l1.upper_process_limit(), l2.upper_process_limit());
    assert_ne!(l1.upper_process_limit(), l3.upper_process_limit());
    assert_ne!(l2.upper_process_limit(), l3.upper_process_limit());
    let range = |l: cancer_plan::spc::Limits| l.upper_process_limit() - l.lower_process_limit();
    assert!(range(l3) > range(l2));
    assert!(l2.moving_ranges_screened_out() > 0);
    assert_eq!(l3.moving_ranges_screened_out(), 0);
}

#[test]
fn ptd_spc_standard_setting_fix_after_n_points_changes_the_calculations() {
    let series = series_from("2020-01", &RNORM_SEED_123);
    let s0 = SpcChart::new(&series, &increase()).unwrap();
    let s1 = SpcChart::new(&series, &increase().baseline_points(12)).unwrap();
    assert_ne!(
        s1.latest_limits().lower_process_limit(),
        s0.latest_limits().lower_process_limit()
    );
    assert_ne!(
        s1.latest_limits().upper_process_limit(),
        s0.latest_limits().upper_process_limit()
    );
}

#[test]
fn ptd_spc_standard_two_of_three_only_on_the_same_side_of_the_mean() {
    // "it only reports special cause for 2 of 3 points close to limits when
    // they are on the same side of the mean": c(1, -1) x 8 with the last
    // two set to 5.5 and -5.5.
    let mut data: Vec<f64> = (0..16)
        .map(|i| if i % 2 == 0 { 1.0 } else { -1.0 })
        .collect();
    data[14] = 5.5;
    data[15] = -5.5;
    let chart = SpcChart::new(&series_from("2020-01", &data), &increase()).unwrap();
    let tail: Vec<Variation> = chart.points()[14..].iter().map(|p| p.variation()).collect();
    assert_eq!(tail, [Variation::CommonCause, Variation::CommonCause]);
    // Both points are beyond their near limit: the rule, not the limits,
    // keeps them common cause.
    assert_eq!(near(&chart), vec![14, 15]);
}

//! Special-cause rules, variation, assurance and errors through the public
//! API, with the edge cases the issue names: ties in trends, points on the
//! mean, two of three on one side, rebase, baselines.

use crate::common;

use cancer_plan::spc::{
    Assurance, ImprovementDirection, Series, Side, SpcChart, SpcError, SpcOptions, SpecialCause,
    TrendDirection, Variation,
};
use cancer_plan::YearMonth;

fn start() -> YearMonth {
    "2023-04".parse().unwrap()
}

fn series(values: &[f64]) -> Series {
    common::monthly_series("2023-04", values)
}

fn chart(values: &[f64], options: &SpcOptions) -> SpcChart {
    SpcChart::new(&series(values), options).unwrap()
}

fn up() -> SpcOptions {
    SpcOptions::new(ImprovementDirection::Increase)
}

fn causes(chart: &SpcChart, i: usize) -> Vec<SpecialCause> {
    chart.points()[i].special_causes().to_vec()
}

/// A background that alternates around 50 so that no rule fires on its own.
fn background(n: usize) -> Vec<f64> {
    (0..n)
        .map(|i| if i % 2 == 0 { 49.0 } else { 51.0 })
        .collect()
}

#[test]
fn a_point_outside_the_upper_limit_is_improving_when_higher_is_better() {
    let mut v = background(15);
    v[7] = 60.0;
    let c = chart(&v, &up());
    assert_eq!(
        causes(&c, 7),
        [SpecialCause::OutsideLimits { side: Side::Above }]
    );
    assert_eq!(c.points()[7].variation(), Variation::SpecialCauseImproving);
    let down = chart(&v, &SpcOptions::new(ImprovementDirection::Decrease));
    assert_eq!(
        down.points()[7].variation(),
        Variation::SpecialCauseConcerning
    );
    let neutral = chart(&v, &SpcOptions::new(ImprovementDirection::Neutral));
    assert_eq!(
        neutral.points()[7].variation(),
        Variation::SpecialCauseNeutralHigh
    );
    assert_eq!(
        c.points()
            .iter()
            .filter(|p| p.variation().is_special_cause())
            .count(),
        1
    );
}

#[test]
fn a_run_of_seven_below_the_mean_is_concerning_and_six_is_not() {
    let mut seven = background(20);
    for v in &mut seven[8..15] {
        *v = 49.5;
    }
    let c = chart(&seven, &up());
    for i in 8..15 {
        assert_eq!(
            causes(&c, i),
            [SpecialCause::RunOnOneSide { side: Side::Below }],
            "{i}"
        );
        assert_eq!(c.points()[i].variation(), Variation::SpecialCauseConcerning);
    }
    let mut six = background(20);
    for v in &mut six[8..14] {
        *v = 49.5;
    }
    // Points 7 and 14 are above the mean: only 6 below in a row.
    six[14] = 51.0;
    let c = chart(&six, &up());
    assert!(c.points().iter().all(|p| p.special_causes().is_empty()));
}

#[test]
fn a_point_on_the_mean_breaks_a_run() {
    // Mean exactly 50: 3 below, one on the mean, 4 below, balanced above.
    let v = [
        48.0, 49.0, 48.0, 50.0, 49.0, 48.0, 49.0, 48.0, 52.0, 51.0, 52.0, 51.0, 52.0, 51.0, 52.0,
    ];
    let c = chart(&v, &up());
    assert_eq!(c.latest_limits().mean(), 50.0);
    assert_eq!(c.points()[3].side(), None);
    for i in 0..8 {
        assert!(causes(&c, i).is_empty(), "point {i} must not be in a run");
    }
    // The seven points above the mean do form a run.
    assert_eq!(
        causes(&c, 8),
        [SpecialCause::RunOnOneSide { side: Side::Above }]
    );
}

#[test]
fn a_trend_of_seven_is_flagged_and_a_tie_breaks_it() {
    let mut v = background(20);
    let rising = [48.0, 48.5, 49.0, 49.5, 50.5, 51.0, 51.5];
    v[6..13].copy_from_slice(&rising);
    let c = chart(&v, &up());
    for i in 6..13 {
        assert!(
            causes(&c, i).contains(&SpecialCause::Trend {
                direction: TrendDirection::Increasing
            }),
            "{i}"
        );
        assert_eq!(c.points()[i].variation(), Variation::SpecialCauseImproving);
    }
    // The same with a tie in the middle: no trend.
    v[9] = 49.0;
    let c = chart(&v, &up());
    assert!(c.points().iter().all(|p| !p
        .special_causes()
        .iter()
        .any(|s| matches!(s, SpecialCause::Trend { .. }))));
}

#[test]
fn a_falling_trend_across_the_mean_is_concerning_throughout() {
    // NHSRplotthedots 0.2.2 NEWS, issue #171: trends crossing the mean are
    // coloured by the trend, not by the side of the mean.
    let mut v = background(20);
    v[6..13].copy_from_slice(&[51.5, 51.0, 50.5, 49.5, 49.0, 48.5, 48.0]);
    let c = chart(&v, &up());
    for i in 6..13 {
        assert_eq!(
            c.points()[i].variation(),
            Variation::SpecialCauseConcerning,
            "{i}"
        );
    }
}

#[test]
fn two_of_three_beyond_the_near_limit_on_one_side() {
    // Mean 50.675, mean moving range 47/19: upper near limit 55.06,
    // upper process limit 57.26.
    let mut v = background(20);
    v[10] = 55.5;
    v[11] = 51.5;
    v[12] = 55.5;
    let c = chart(&v, &up());
    let l = c.latest_limits();
    assert!(55.5 > l.upper_near_limit() && 55.5 < l.upper_process_limit());
    assert!(51.5 > l.mean() && 51.5 < l.upper_near_limit());
    assert_eq!(
        causes(&c, 10),
        [SpecialCause::TwoOfThreeBeyondNearLimit { side: Side::Above }]
    );
    assert!(
        causes(&c, 11).is_empty(),
        "the middle point is not beyond the near limit"
    );
    assert_eq!(
        causes(&c, 12),
        [SpecialCause::TwoOfThreeBeyondNearLimit { side: Side::Above }]
    );
    // With the middle point below the mean the rule does not fire.
    v[11] = 49.0;
    let c = chart(&v, &up());
    assert!(causes(&c, 10).is_empty() && causes(&c, 12).is_empty());
}

#[test]
fn rules_do_not_reach_across_a_rebase() {
    // Seven points at 49.5 straddle the rebase (four before, three after).
    let mut v = background(20);
    for x in &mut v[6..13] {
        *x = 49.5;
    }
    let whole = chart(&v, &up());
    assert!(!causes(&whole, 6).is_empty());
    let rebased = chart(&v, &up().rebase_at(start().plus_months(10).unwrap()));
    assert_eq!(rebased.periods().len(), 2);
    assert!((6..13).all(|i| causes(&rebased, i).is_empty()));
}

#[test]
fn a_fixed_baseline_sets_the_limits_from_the_first_points_only() {
    let mut v = background(12);
    v.extend([60.0, 61.0, 62.0]);
    let c = chart(&v, &up().baseline_points(12));
    assert_eq!(c.latest_limits().mean(), 50.0);
    assert_eq!(c.latest_limits().mean_moving_range(), 2.0);
    assert!(c.points()[12..]
        .iter()
        .all(|p| p.special_causes().first()
            == Some(&SpecialCause::OutsideLimits { side: Side::Above })));
}

#[test]
fn assurance_compares_the_target_with_the_latest_limits() {
    let v = background(12); // mean 50, limits 50 +/- 5.32
    let verdict = |t: f64| chart(&v, &up().target(t)).assurance();
    assert_eq!(verdict(80.0), Some(Assurance::ConsistentlyFailing));
    assert_eq!(verdict(40.0), Some(Assurance::ConsistentlyPassing));
    assert_eq!(verdict(52.0), Some(Assurance::HitAndMiss));
    assert_eq!(chart(&v, &up()).assurance(), None);
    let neutral = SpcOptions::new(ImprovementDirection::Neutral).target(80.0);
    assert_eq!(chart(&v, &neutral).assurance(), None);
    // After a rebase only the latest period counts.
    let mut stepped = background(12);
    stepped.extend(background(12).iter().map(|x| x + 40.0));
    let rebased = up()
        .rebase_at(start().plus_months(12).unwrap())
        .target(80.0);
    assert_eq!(
        chart(&stepped, &rebased).assurance(),
        Some(Assurance::ConsistentlyPassing)
    );
}

#[test]
fn chart_data_serialises_for_a_plotting_tool() {
    let mut v = background(15);
    v[7] = 60.0;
    let c = chart(&v, &up().target(55.0));
    let json = serde_json::to_value(&c).unwrap();
    assert_eq!(json["direction"], "increase");
    assert_eq!(json["screening"], "screen_outlying_moving_ranges");
    assert_eq!(json["assurance"], "hit_and_miss");
    assert_eq!(json["latest_variation"], "common_cause");
    assert_eq!(json["points"].as_array().unwrap().len(), 15);
    let p = &json["points"][7];
    assert_eq!(p["month"], "2023-11");
    assert_eq!(p["variation"], "special_cause_improving");
    assert_eq!(p["special_causes"][0]["rule"], "outside_limits");
    assert_eq!(p["special_causes"][0]["side"], "above");
    assert!(p["limits"]["upper_process_limit"].as_f64().unwrap() > 50.0);
    assert!(json["periods"][0]["limits"]["mean"].as_f64().is_some());
}

#[test]
fn errors_name_the_month_and_the_rule() {
    let m = start();
    let gap = Series::new([(m, 1.0), (m.plus_months(2).unwrap(), 2.0)]).unwrap_err();
    assert!(matches!(gap, SpcError::Gap { index: 1, .. }));
    assert_eq!(
        gap.to_string(),
        "series[1] (2023-06): months must be consecutive, but 2023-05 is missing after 2023-04"
    );
    assert!(matches!(
        Series::new([(m, 1.0), (m, 2.0)]),
        Err(SpcError::NotAfter { .. })
    ));
    assert!(matches!(
        Series::new([(m, f64::NAN)]),
        Err(SpcError::NotFinite { .. })
    ));
    assert_eq!(Series::new([]), Err(SpcError::Empty));
    assert!(matches!(
        Series::from_counts([(m, 1, 0)]),
        Err(SpcError::NoActivity { .. })
    ));
    assert!(matches!(
        Series::from_counts([(m, 5, 4)]),
        Err(SpcError::WithinAboveTotal { .. })
    ));
    let s = series(&background(6));
    assert!(matches!(
        SpcChart::new(&s, &up().rebase_at(m.plus_months(20).unwrap())),
        Err(SpcError::RebaseOutside { .. })
    ));
    assert!(matches!(
        SpcChart::new(&s, &up().rebase_at(m.plus_months(5).unwrap())),
        Err(SpcError::TooFewPoints { points: 1, .. })
    ));
    assert!(matches!(
        SpcChart::new(&s, &up().baseline_points(1)),
        Err(SpcError::BaselineTooShort { points: 1 })
    ));
    assert!(matches!(
        SpcChart::new(&s, &up().target(f64::INFINITY)),
        Err(SpcError::TargetNotFinite { .. })
    ));
}

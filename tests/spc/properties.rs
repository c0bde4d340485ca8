//! Property tests for the special-cause rules.
//!
//! Properties (for every series, screening, baseline, rebase and direction):
//!
//! 1. **Shift**: adding a constant to every value changes no point's side,
//!    special causes or variation, and moves mean and limits by the constant.
//! 2. **Negation, same direction**: negating every value mirrors each point:
//!    above ↔ below, increasing ↔ decreasing, improving ↔ concerning
//!    (neutral high ↔ low); common cause stays common cause.
//! 3. **Negation, flipped direction**: negating the values *and* flipping
//!    the improvement direction leaves every variation unchanged.
//!
//! Exactness: values and constants are multiples of 1/64 within ±200, so
//! every value, sum, difference and scaled deviation is exact in `f64` and
//! the comparisons cannot be tipped by rounding (the module compares scaled
//! deviations `n·x − Σ`, see the `spc` docs, DIFFERENCES item 4). Negation
//! is exact for any values.

use crate::common;

use cancer_plan::spc::{
    ImprovementDirection, Screening, Series, Side, SpcChart, SpcOptions, SpcPoint, SpecialCause,
    TrendDirection, Variation,
};
use cancer_plan::YearMonth;
use proptest::prelude::*;

/// The other side of the mean.
fn opposite(side: Side) -> Side {
    match side {
        Side::Above => Side::Below,
        Side::Below => Side::Above,
    }
}

/// The same rule on the other side (or in the other direction).
fn mirrored_cause(cause: SpecialCause) -> SpecialCause {
    match cause {
        SpecialCause::OutsideLimits { side } => SpecialCause::OutsideLimits {
            side: opposite(side),
        },
        SpecialCause::Trend { direction } => SpecialCause::Trend {
            direction: match direction {
                TrendDirection::Increasing => TrendDirection::Decreasing,
                TrendDirection::Decreasing => TrendDirection::Increasing,
            },
        },
        SpecialCause::TwoOfThreeBeyondNearLimit { side } => {
            SpecialCause::TwoOfThreeBeyondNearLimit {
                side: opposite(side),
            }
        }
        SpecialCause::RunOnOneSide { side } => SpecialCause::RunOnOneSide {
            side: opposite(side),
        },
        other => panic!("a rule this test does not know: {other:?}"),
    }
}

/// The variation seen from the other side (improving <-> concerning, high
/// <-> low): what negating the series, keeping the direction, does.
fn mirrored_variation(variation: Variation) -> Variation {
    match variation {
        Variation::CommonCause => Variation::CommonCause,
        Variation::SpecialCauseImproving => Variation::SpecialCauseConcerning,
        Variation::SpecialCauseConcerning => Variation::SpecialCauseImproving,
        Variation::SpecialCauseNeutralHigh => Variation::SpecialCauseNeutralLow,
        Variation::SpecialCauseNeutralLow => Variation::SpecialCauseNeutralHigh,
    }
}

/// The opposite improvement direction (neutral stays neutral).
fn flipped(direction: ImprovementDirection) -> ImprovementDirection {
    match direction {
        ImprovementDirection::Increase => ImprovementDirection::Decrease,
        ImprovementDirection::Decrease => ImprovementDirection::Increase,
        ImprovementDirection::Neutral => ImprovementDirection::Neutral,
    }
}

fn start() -> YearMonth {
    "2022-04".parse().unwrap()
}

fn series(values: &[f64]) -> Series {
    common::monthly_series("2022-04", values)
}

#[derive(Debug, Clone)]
struct Case {
    values: Vec<f64>,
    screening: Screening,
    baseline: Option<usize>,
    rebase: Option<usize>,
    direction: ImprovementDirection,
}

impl Case {
    fn options(&self, direction: ImprovementDirection) -> SpcOptions {
        let mut o = SpcOptions::new(direction).screening(self.screening);
        if let Some(k) = self.baseline {
            o = o.baseline_points(k);
        }
        if let Some(r) = self.rebase {
            o = o.rebase_at(start().plus_months(r as i32).unwrap());
        }
        o
    }

    fn chart(&self, values: &[f64], direction: ImprovementDirection) -> SpcChart {
        SpcChart::new(&series(values), &self.options(direction)).unwrap()
    }
}

fn grid_value() -> impl Strategy<Value = f64> {
    // Multiples of 1/64 in -100..=100, with few distinct values so that
    // ties, points on the mean, runs and trends all occur.
    prop_oneof![
        (-6400_i32..=6400).prop_map(|k| f64::from(k) / 64.0),
        (-8_i32..=8).prop_map(|k| f64::from(k) * 4.0),
    ]
}

/// A series that climbs or falls for a stretch (so trends occur), with
/// flat steps now and then (ties, which break a trend), on the same 1/64
/// grid as `grid_value`.
fn trending_values() -> impl Strategy<Value = Vec<f64>> {
    (
        grid_value(),
        prop::collection::vec(prop_oneof![8 => 1_i32..=64, 1 => Just(0)], 2..40),
        any::<bool>(),
        any::<prop::sample::Index>(),
    )
        .prop_map(|(start, steps, up, turn)| {
            let turn = turn.index(steps.len());
            let mut value = start;
            let mut values = vec![value];
            for (i, step) in steps.into_iter().enumerate() {
                let rising = up == (i < turn);
                let step = f64::from(step) / 64.0;
                value += if rising { step } else { -step };
                values.push(value);
            }
            values
        })
}

fn case() -> impl Strategy<Value = Case> {
    (
        prop_oneof![
            3 => prop::collection::vec(grid_value(), 2..40),
            1 => trending_values(),
        ],
        prop_oneof![
            Just(Screening::ScreenOutlyingMovingRanges),
            Just(Screening::None)
        ],
        prop_oneof![
            Just(ImprovementDirection::Increase),
            Just(ImprovementDirection::Decrease),
            Just(ImprovementDirection::Neutral)
        ],
        any::<prop::sample::Index>(),
        any::<prop::sample::Index>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(values, screening, direction, b, r, use_b, use_r)| {
            let n = values.len();
            // A rebase leaves at least two points on each side.
            let rebase = (use_r && n >= 4).then(|| 2 + r.index(n - 3));
            let baseline = use_b.then(|| 2 + b.index(n - 1));
            Case {
                values,
                screening,
                baseline,
                rebase,
                direction,
            }
        })
}

/// What a point shows on the chart, apart from the numbers.
fn flags(p: &SpcPoint) -> (Option<cancer_plan::spc::Side>, Vec<SpecialCause>, Variation) {
    (p.side(), p.special_causes().to_vec(), p.variation())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn flags_do_not_change_when_a_constant_is_added(
        case in case(),
        shift in (-6400_i32..=6400).prop_map(|k| f64::from(k) / 64.0),
    ) {
        let base = case.chart(&case.values, case.direction);
        let shifted_values: Vec<f64> = case.values.iter().map(|v| v + shift).collect();
        let shifted = case.chart(&shifted_values, case.direction);
        for (a, b) in base.points().iter().zip(shifted.points()) {
            prop_assert_eq!(flags(a), flags(b), "month {}", a.month());
            prop_assert!((a.limits().mean() + shift - b.limits().mean()).abs() < 1e-9);
            prop_assert!((a.limits().upper_process_limit() + shift - b.limits().upper_process_limit()).abs() < 1e-9);
            prop_assert!((a.limits().lower_near_limit() + shift - b.limits().lower_near_limit()).abs() < 1e-9);
        }
        prop_assert_eq!(base.latest_variation(), shifted.latest_variation());
    }

    #[test]
    fn negating_the_series_mirrors_every_flag(case in case()) {
        let base = case.chart(&case.values, case.direction);
        let negated_values: Vec<f64> = case.values.iter().map(|v| -v).collect();
        let negated = case.chart(&negated_values, case.direction);
        for (a, b) in base.points().iter().zip(negated.points()) {
            prop_assert_eq!(a.side().map(opposite), b.side());
            let mirrored: Vec<SpecialCause> =
                a.special_causes().iter().map(|c| mirrored_cause(*c)).collect();
            prop_assert_eq!(mirrored, b.special_causes().to_vec());
            prop_assert_eq!(mirrored_variation(a.variation()), b.variation());
            prop_assert_eq!(a.limits().mean(), -b.limits().mean());
            prop_assert_eq!(a.limits().upper_process_limit(), -b.limits().lower_process_limit());
        }
    }

    #[test]
    fn negating_the_series_and_flipping_the_direction_keeps_every_variation(case in case()) {
        let base = case.chart(&case.values, case.direction);
        let negated_values: Vec<f64> = case.values.iter().map(|v| -v).collect();
        let negated = case.chart(&negated_values, flipped(case.direction));
        for (a, b) in base.points().iter().zip(negated.points()) {
            if case.direction == ImprovementDirection::Neutral {
                prop_assert_eq!(mirrored_variation(a.variation()), b.variation());
            } else {
                prop_assert_eq!(a.variation(), b.variation());
            }
        }
    }
}

/// Guards against vacuous properties: the properties above only say
/// something if the generator they draw from makes every kind of special
/// cause (and common cause) in a fair share of its cases.
#[test]
fn the_generator_produces_every_rule() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = case();
    let (mut outside, mut trend, mut two_of_three, mut run, mut common) = (0, 0, 0, 0, 0);
    let samples = 500;
    for _ in 0..samples {
        let case = strategy.new_tree(&mut runner).unwrap().current();
        for point in case.chart(&case.values, case.direction).points() {
            let causes = point.special_causes();
            outside += usize::from(
                causes
                    .iter()
                    .any(|c| matches!(c, SpecialCause::OutsideLimits { .. })),
            );
            trend += usize::from(
                causes
                    .iter()
                    .any(|c| matches!(c, SpecialCause::Trend { .. })),
            );
            two_of_three += usize::from(
                causes
                    .iter()
                    .any(|c| matches!(c, SpecialCause::TwoOfThreeBeyondNearLimit { .. })),
            );
            run += usize::from(
                causes
                    .iter()
                    .any(|c| matches!(c, SpecialCause::RunOnOneSide { .. })),
            );
            common += usize::from(causes.is_empty());
        }
    }
    let counts = [
        ("outside limits", outside),
        ("trend", trend),
        ("two of three", two_of_three),
        ("run", run),
        ("common cause", common),
    ];
    eprintln!("points per rule in {samples} generated cases: {counts:?}");
    for (rule, points) in counts {
        assert!(
            points >= 20,
            "the generator gave only {points} points meeting {rule} in {samples} cases: {counts:?}"
        );
    }
}

//! A structured target driven by `arbitrary`: each input is decoded into
//! one [`Case`], and the case's invariants are checked.
//!
//! - apportion: the parts add up to the total, each is the floor or ceiling
//!   of its quota, zero weights get nothing, and every amount up to
//!   £10^15 apportions (no `Overflow`) when the weights fit a common scale;
//! - pathway aggregation: `add_parallel` = `add` = `measure_pathways`, on
//!   any thread count;
//! - SPC on arbitrary `f64` series (NaN and infinities included);
//! - Wilson limits within `[0, 1]` and ordered, `None` for non-finite input;
//! - trajectories: the planned path runs from baseline to target, within
//!   both; a comparison keeps exactly the actuals in the trajectory's months;
//! - displays with any number of places; month arithmetic at the ends.

use std::num::NonZeroUsize;

use arbitrary::{Arbitrary, Unstructured};
use cancer_plan::budget::{apportion, ApportionError, MAX_AMOUNT_POUNDS};
use cancer_plan::cwt::pathway::{
    measure_pathways, Adjustment, AdjustmentReason, Pathway, PathwayCounts, ReportingWindow, Route,
};
use cancer_plan::cwt::{
    ConfidenceLevel, MonthlyPerformance, PatientCount, Performance, Trajectory, WilsonInterval,
};
use cancer_plan::spc::{ImprovementDirection, Series, SpcChart, SpcOptions};
use cancer_plan::{CwtStandard, Money, MoneyUnit, Percent, TumourSite, YearMonth};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// One case.
#[derive(Debug, Arbitrary)]
pub enum Case {
    /// Apportion `total` (in pence, or in pounds when `pounds`) by weights
    /// given as (mantissa, scale).
    Apportion {
        total: u64,
        pounds: bool,
        weights: Vec<(i64, u8)>,
    },
    /// Aggregate pathways three ways.
    Pathways {
        pathways: Vec<ArbPathway>,
        first_month: u8,
        span: u8,
        threads: u8,
        first_index: usize,
    },
    /// An SPC chart of arbitrary values.
    Spc {
        values: Vec<f64>,
        start: u16,
        direction: u8,
        baseline: Option<u8>,
        rebase: Vec<u8>,
        target: Option<f64>,
    },
    /// Wilson intervals of arbitrary floats and of counts.
    Wilson {
        x: f64,
        n: f64,
        within: u64,
        total: u64,
        level_99_8: bool,
    },
    /// A trajectory and actuals.
    Trajectory {
        baseline_month: u16,
        months: u16,
        baseline: u16,
        target: u16,
        actuals: Vec<(u16, u32, u32)>,
    },
    /// Displays to any number of places.
    Display {
        points: u16,
        scale: u8,
        places: u32,
        within: u32,
        total: u32,
    },
    /// Month arithmetic from any month.
    Months { index: u32, by: i32 },
}

/// A pathway in days from 1 January 2024.
#[derive(Debug, Arbitrary)]
pub struct ArbPathway {
    route: u8,
    site: u8,
    provider: u8,
    base: u16,
    referral: Option<u8>,
    told: Option<u8>,
    decision: Option<u8>,
    treatment: Option<u8>,
    dna: u16,
    delay: u16,
}

const ROUTES: [Route; 5] = [
    Route::UrgentSuspectedCancer,
    Route::BreastSymptomatic,
    Route::UrgentScreening,
    Route::ConsultantUpgrade,
    Route::Other,
];

impl ArbPathway {
    fn build(&self) -> Pathway {
        let origin = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
        let at = |d: i64| origin + chrono::Duration::days(i64::from(self.base % 730) + d);
        let code = ["RHM", "RHU", "R0D"][usize::from(self.provider % 3)]
            .parse()
            .unwrap();
        let route = ROUTES[usize::from(self.route) % ROUTES.len()];
        let site = TumourSite::ALL[usize::from(self.site) % TumourSite::ALL.len()];
        let mut p = Pathway::new(route, site, code);
        if let Some(d) = self.referral {
            p = p.with_referral_received(at(i64::from(d / 4)));
        }
        if let Some(d) = self.told {
            p = p.with_told_outcome(at(i64::from(d)));
        }
        if let Some(d) = self.decision {
            p = p.with_decision_to_treat(at(i64::from(d)));
        }
        if let Some(d) = self.treatment {
            p = p.with_first_treatment(at(i64::from(d) + 20));
        }
        p.with_adjustment(Adjustment::new(
            AdjustmentReason::DidNotAttendFirstAppointment,
            self.dna,
        ))
        .with_adjustment(Adjustment::new(
            AdjustmentReason::PatientInitiatedTreatmentDelay,
            self.delay,
        ))
    }
}

/// The body: any bytes, decoded as a [`Case`].
pub fn run(data: &[u8]) {
    let Ok(case) = Case::arbitrary_take_rest(Unstructured::new(data)) else {
        return;
    };
    check(case);
}

/// Checks one case.
pub fn check(case: Case) {
    match case {
        Case::Apportion {
            total,
            pounds,
            weights,
        } => check_apportion(total, pounds, &weights),
        Case::Pathways {
            pathways,
            first_month,
            span,
            threads,
            first_index,
        } => check_pathways(&pathways, first_month, span, threads, first_index),
        Case::Spc {
            values,
            start,
            direction,
            baseline,
            rebase,
            target,
        } => check_spc(&values, start, direction, baseline, &rebase, target),
        Case::Wilson {
            x,
            n,
            within,
            total,
            level_99_8,
        } => check_wilson(x, n, within, total, level_99_8),
        Case::Trajectory {
            baseline_month,
            months,
            baseline,
            target,
            actuals,
        } => check_trajectory(baseline_month, months, baseline, target, &actuals),
        Case::Display {
            points,
            scale,
            places,
            within,
            total,
        } => check_display(points, scale, places, within, total),
        Case::Months { index, by } => check_months(index, by),
    }
}

/// The weights on their common scale, if that fits 128 bits (as the
/// crate's own arithmetic needs).
fn common_scale(weights: &[Decimal]) -> Option<Vec<i128>> {
    let scale = weights.iter().map(|w| w.normalize().scale()).max()?;
    let scaled: Option<Vec<i128>> = weights
        .iter()
        .map(|w| {
            let w = w.normalize();
            10i128
                .checked_pow(scale - w.scale())?
                .checked_mul(w.mantissa())
        })
        .collect();
    let scaled = scaled?;
    scaled.iter().try_fold(0i128, |a, w| a.checked_add(*w))?;
    Some(scaled)
}

fn check_apportion(total: u64, pounds: bool, weights: &[(i64, u8)]) {
    let weights: Vec<Decimal> = weights
        .iter()
        .take(64)
        .map(|&(m, s)| Decimal::new(m, u32::from(s % 29)))
        .collect();
    let (unit, total) = if pounds {
        (MoneyUnit::Pound, Money::from_pounds((total >> 1) as i64))
    } else {
        (MoneyUnit::Penny, Money::from_pence((total >> 1) as i64))
    };
    let result = apportion(total, &weights, unit);
    assert_eq!(
        result,
        apportion(total, &weights, unit),
        "not deterministic"
    );
    let within_limit = total <= Money::from_pounds(MAX_AMOUNT_POUNDS);
    let scaled = common_scale(&weights);
    let valid = !weights.is_empty()
        && weights.iter().all(|w| !w.is_sign_negative() || w.is_zero())
        && weights.iter().any(|w| !w.is_zero());
    match result {
        Ok(parts) => {
            assert_eq!(parts.len(), weights.len());
            let sum: Result<Money, _> = parts.iter().sum();
            assert_eq!(sum, Ok(total), "parts do not add up");
            for (part, weight) in parts.iter().zip(&weights) {
                if weight.is_zero() {
                    assert!(part.is_zero(), "a zero weight got {part}");
                }
                assert!(!part.is_negative());
            }
            // Each part is the floor or the ceiling of its quota, checked
            // exactly where the products fit 128 bits.
            if let Some(scaled) = scaled {
                let sum: i128 = scaled.iter().sum();
                let places = unit.decimal_places();
                let units = total.to_decimal() * Decimal::from(10i64.pow(places));
                let units = units.mantissa() / 10i128.pow(units.scale());
                for (part, w) in parts.iter().zip(&scaled) {
                    let p = part.to_decimal() * Decimal::from(10i64.pow(places));
                    let p = p.mantissa() / 10i128.pow(p.scale());
                    if let (Some(quota), Some(lo), Some(hi)) = (
                        units.checked_mul(*w),
                        p.checked_mul(sum),
                        (p + 1).checked_mul(sum),
                    ) {
                        // floor: p*sum <= quota < (p+1)*sum, or ceiling:
                        // (p-1)*sum < quota <= p*sum.
                        let floor = lo <= quota && quota < hi;
                        let ceiling = quota <= lo && quota > lo - sum;
                        assert!(
                            floor || ceiling,
                            "part {p} is not the floor or ceiling of {quota}/{sum}"
                        );
                    }
                }
            }
        }
        Err(ApportionError::Overflow) => {
            assert!(
                !(valid && within_limit && scaled.is_some()),
                "apportion overflowed within the limits: {total} by {weights:?}"
            );
        }
        Err(e) => {
            assert!(
                !valid || matches!(e, ApportionError::NotWholeUnits { .. }),
                "{e}"
            );
        }
    }
}

fn month(offset: u16) -> YearMonth {
    "2020-01"
        .parse::<YearMonth>()
        .unwrap()
        .plus_months(i32::from(offset))
        .unwrap()
}

fn check_pathways(
    pathways: &[ArbPathway],
    first_month: u8,
    span: u8,
    threads: u8,
    first_index: usize,
) {
    let pathways: Vec<Pathway> = pathways.iter().take(2000).map(ArbPathway::build).collect();
    let (table, findings) =
        measure_pathways(&pathways, |p| (p.provider().clone(), p.tumour_site())).unwrap();
    let first = month(48 + u16::from(first_month % 36));
    let last = first.plus_months(i32::from(span % 30)).unwrap();
    let window = ReportingWindow::new(first, last).unwrap();
    // Room for the three providers `ArbPathway` names.
    let mut sequential = PathwayCounts::new(window, 3).unwrap();
    sequential.add(0, &pathways);
    let fast = sequential
        .tabulate(|code, site| (code.clone(), site))
        .unwrap();
    let mut outside = [0u64; 3];
    for (m, standard, key, p) in table.iter() {
        if m < first || m > last {
            outside[standard as usize] += p.total().halves() / 2;
            continue;
        }
        assert_eq!(fast.get(m, standard, key), Some(p));
    }
    assert_eq!(
        fast.iter().count(),
        table
            .iter()
            .filter(|(m, ..)| *m >= first && *m <= last)
            .count()
    );
    for standard in CwtStandard::ALL {
        assert_eq!(
            sequential.outside_window(standard),
            outside[standard as usize]
        );
    }
    let mut a: Vec<_> = findings
        .iter()
        .map(|f| (f.index(), f.kind().to_string()))
        .collect();
    let mut b: Vec<_> = sequential
        .findings()
        .iter()
        .map(|f| (f.index(), f.kind().to_string()))
        .collect();
    a.sort();
    b.sort();
    assert_eq!(
        a, b,
        "measure_pathways and PathwayCounts found different things"
    );

    let threads = NonZeroUsize::new(usize::from(threads % 9)).unwrap_or(NonZeroUsize::MIN);
    let mut parallel = PathwayCounts::new(window, 3).unwrap();
    parallel.add_parallel(0, &pathways, threads);
    assert_eq!(parallel, sequential, "add_parallel differs from add");
    // Any first index, up to the end of usize, and room for fewer providers
    // than the pathways name: the two agree there too.
    let room = 1 + first_index % 3;
    let mut one = PathwayCounts::new(window, room).unwrap();
    one.add(first_index, &pathways);
    let mut many = PathwayCounts::new(window, room).unwrap();
    many.add_parallel(first_index, &pathways, threads);
    assert_eq!(
        one, many,
        "add_parallel differs from add at first index {first_index}"
    );
}

fn check_spc(
    values: &[f64],
    start: u16,
    direction: u8,
    baseline: Option<u8>,
    rebase: &[u8],
    target: Option<f64>,
) {
    let values = &values[..values.len().min(200)];
    let start = YearMonth::MIN.plus_months(i32::from(start)).unwrap();
    let series = Series::new(
        values
            .iter()
            .enumerate()
            .map(|(i, v)| (start.plus_months(i as i32).unwrap(), *v)),
    );
    let Ok(series) = series else {
        return;
    };
    let direction = [
        ImprovementDirection::Increase,
        ImprovementDirection::Decrease,
        ImprovementDirection::Neutral,
    ][usize::from(direction % 3)];
    let mut options = SpcOptions::new(direction);
    if let Some(b) = baseline {
        options = options.baseline_points(usize::from(b));
    }
    for r in rebase.iter().take(8) {
        options = options.rebase_at(start.plus_months(i32::from(*r)).unwrap());
    }
    if let Some(t) = target {
        options = options.target(t);
    }
    if let Ok(chart) = SpcChart::new(&series, &options) {
        assert_eq!(chart.points().len(), series.len());
        for point in chart.points() {
            assert!(point.value().is_finite());
            let _ = point.variation();
        }
        let _ = chart.assurance();
        let _ = chart.latest_variation();
    }
}

fn check_interval(ci: Option<WilsonInterval>) {
    if let Some(ci) = ci {
        let (lo, hi) = (ci.lower_ratio(), ci.upper_ratio());
        assert!(lo.is_finite() && hi.is_finite(), "{lo} {hi}");
        assert!((0.0..=1.0).contains(&lo), "lower {lo}");
        assert!((0.0..=1.0).contains(&hi), "upper {hi}");
        assert!(lo <= hi, "{lo} > {hi}");
        let _ = ci.to_string();
    }
}

fn check_wilson(x: f64, n: f64, within: u64, total: u64, level_99_8: bool) {
    let level = if level_99_8 {
        ConfidenceLevel::Percent99_8
    } else {
        ConfidenceLevel::Percent95
    };
    let ci = WilsonInterval::for_counts(x, n, level);
    if !(x.is_finite() && n.is_finite()) {
        assert!(ci.is_err(), "non-finite input {x} of {n} gave an interval");
    }
    check_interval(ci.ok());
    let (within, total) = (within.min(total), total);
    let p = Performance::new(
        PatientCount::from_halves(within),
        PatientCount::from_halves(total),
    )
    .unwrap();
    let ci = p.wilson(level);
    assert_eq!(ci.is_none(), total == 0);
    check_interval(ci);
}

fn check_trajectory(
    baseline_month: u16,
    months: u16,
    baseline: u16,
    target: u16,
    actuals: &[(u16, u32, u32)],
) {
    let pct = |basis_points: u16| {
        Percent::new(Decimal::new(i64::from(basis_points % 10_001), 2)).unwrap()
    };
    let from = month(baseline_month % 2400);
    let to = from.plus_months(i32::from(months % 240)).unwrap();
    let (b, t) = (pct(baseline), pct(target));
    let Ok(trajectory) = Trajectory::new(CwtStandard::Combined62Day, from, b, to, t) else {
        assert!(to <= from);
        return;
    };
    let (lo, hi) = (b.min(t), b.max(t));
    let planned: Vec<_> = trajectory.months().collect();
    assert_eq!(planned.len(), (to.months_since(from) + 1) as usize);
    assert_eq!(planned.first().map(|p| p.1), Some(b));
    assert_eq!(planned.last().map(|p| p.1), Some(t));
    for pair in planned.windows(2) {
        assert!(lo <= pair[1].1 && pair[1].1 <= hi);
        if b <= t {
            assert!(pair[0].1 <= pair[1].1, "not monotonic");
        } else {
            assert!(pair[0].1 >= pair[1].1, "not monotonic");
        }
    }
    let actuals: Vec<MonthlyPerformance> = actuals
        .iter()
        .take(100)
        .map(|&(m, w, n)| {
            let n = PatientCount::from_halves(u64::from(n));
            let w = PatientCount::from_halves(u64::from(w)).min(n);
            MonthlyPerformance::new(
                month(baseline_month % 2400 + m % 300),
                Performance::new(w, n).unwrap(),
            )
        })
        .collect();
    let points = trajectory.compare(&actuals);
    let inside = actuals
        .iter()
        .filter(|a| a.month() >= from && a.month() <= to)
        .count();
    assert_eq!(points.len(), inside);
    for point in points {
        assert_eq!(point.on_track(), point.gap_in_patients() == Some(0));
    }
}

fn check_display(points: u16, scale: u8, places: u32, within: u32, total: u32) {
    if let Ok(p) = Percent::new(Decimal::new(i64::from(points), u32::from(scale % 29))) {
        let shown = p.display(places).to_string();
        assert!(shown.ends_with('%'));
        let _ = p.rounded(places);
    }
    let total = PatientCount::whole(total);
    let within = PatientCount::whole(within).min(total);
    let performance = Performance::new(within, total).unwrap();
    let _ = performance.display(places).to_string();
    let _ = performance.to_string();
}

fn check_months(index: u32, by: i32) {
    let m = YearMonth::MIN
        .plus_months(i32::try_from(index % (12 * 9999)).unwrap())
        .unwrap();
    assert!((28..=31).contains(&m.days()));
    assert_eq!(
        YearMonth::from_date(m.last_day()),
        m,
        "{m}: last day in another month"
    );
    assert_eq!(YearMonth::from_date(m.first_day()), m);
    assert_eq!(m.to_string().parse::<YearMonth>(), Ok(m));
    // Checked month arithmetic: `None` exactly past the ends.
    let index = i64::from(m.months_since(YearMonth::MIN)) + i64::from(by);
    assert_eq!(m.plus_months(by).is_some(), (0..12 * 9999).contains(&index));
}

//! Wilson score intervals against reference values.
//!
//! Reference implementation: PHEindicatormethods (UKHSA), `R/Wilson.R`
//! (github.com/ukhsa-collaboration/PHEindicatormethods):
//! `z <- qnorm(confidence + (1 - confidence) / 2)`,
//! `wilson_lower <- (2*x + z^2 - z*sqrt(z^2 + 4*x*(1 - (x/n)))) / 2 / (n + z^2)`,
//! `wilson_upper` the same with `+`.
//! Inputs: those of its `tests/testthat/testWilson.R` (x = 65, 1045, 0.445 of
//! n = 100, 5000, 1, at 95% and 99.8%), plus CWT-shaped cases (a half count,
//! x = 0, x = n, and the national October 2023 FDS 192,880 / 271,402).
//! That test file compares against a spreadsheet (`testdata_Byars_Wilson.xlsx`)
//! which is binary and was not read here; the expected values below were
//! computed from the formula above at 40 significant digits with mpmath 1.3.0
//! (z = sqrt(2) * erfinv(0.95) = 1.9599639845400542355,
//!  z = sqrt(2) * erfinv(0.998) = 3.0902323061678135415) and rounded to 17.

// The values keep the 17 digits computed, more than an f64 holds.
#![allow(clippy::excessive_precision)]

use cancer_plan::cwt::{ConfidenceLevel, PatientCount, Performance, WilsonInterval};

const TOLERANCE: f64 = 1e-10;

/// (x, n, level, lower, upper).
const REFERENCE: [(f64, f64, ConfidenceLevel, f64, f64); 14] = [
    (
        65.0,
        100.0,
        ConfidenceLevel::Percent95,
        0.552_544_432_968_879_6,
        0.736_357_517_569_024_69,
    ),
    (
        1045.0,
        5000.0,
        ConfidenceLevel::Percent95,
        0.197_955_498_800_132_96,
        0.220_491_303_731_890_28,
    ),
    (
        0.445,
        1.0,
        ConfidenceLevel::Percent95,
        0.043_817_447_720_588_185,
        0.933_462_127_697_915_7,
    ),
    (
        0.0,
        10.0,
        ConfidenceLevel::Percent95,
        0.0,
        0.277_532_799_862_889_25,
    ),
    (
        10.0,
        10.0,
        ConfidenceLevel::Percent95,
        0.722_467_200_137_110_75,
        1.0,
    ),
    (
        1534.5,
        2145.5,
        ConfidenceLevel::Percent95,
        0.695_749_695_429_687_68,
        0.733_916_794_373_523_12,
    ),
    (
        192_880.0,
        271_402.0,
        ConfidenceLevel::Percent95,
        0.708_971_169_771_506_25,
        0.712_383_062_640_440_84,
    ),
    (
        65.0,
        100.0,
        ConfidenceLevel::Percent99_8,
        0.495_494_657_407_044_73,
        0.778_354_061_408_968_57,
    ),
    (
        1045.0,
        5000.0,
        ConfidenceLevel::Percent99_8,
        0.191_793_817_990_152_6,
        0.227_315_629_025_257_96,
    ),
    (
        0.445,
        1.0,
        ConfidenceLevel::Percent99_8,
        0.019_347_006_132_901_33,
        0.970_225_994_701_953_42,
    ),
    (
        0.0,
        10.0,
        ConfidenceLevel::Percent99_8,
        0.0,
        0.488_478_900_453_462_29,
    ),
    (
        10.0,
        10.0,
        ConfidenceLevel::Percent99_8,
        0.511_521_099_546_537_71,
        1.0,
    ),
    (
        1534.5,
        2145.5,
        ConfidenceLevel::Percent99_8,
        0.684_206_447_450_407_44,
        0.744_321_985_283_470_88,
    ),
    (
        192_880.0,
        271_402.0,
        ConfidenceLevel::Percent99_8,
        0.707_982_979_222_127_71,
        0.713_362_391_656_996_97,
    ),
];

#[test]
fn wilson_intervals_match_the_reference_values() {
    for (x, n, level, lower, upper) in REFERENCE {
        let ci = WilsonInterval::for_counts(x, n, level).unwrap();
        assert!(
            (ci.lower_ratio() - lower).abs() < TOLERANCE,
            "{x}/{n} {level} lower {}",
            ci.lower_ratio()
        );
        assert!(
            (ci.upper_ratio() - upper).abs() < TOLERANCE,
            "{x}/{n} {level} upper {}",
            ci.upper_ratio()
        );
    }
}

#[test]
fn z_values_are_r_qnorm() {
    assert_eq!(ConfidenceLevel::Percent95.z(), 1.959_963_984_540_054);
    assert_eq!(ConfidenceLevel::Percent99_8.z(), 3.090_232_306_167_813);
}

#[test]
fn performance_interval_uses_exact_half_counts() {
    let p = Performance::new(
        PatientCount::from_halves(3069),
        PatientCount::from_halves(4291),
    )
    .unwrap();
    let ci = p.wilson(ConfidenceLevel::Percent95).unwrap();
    assert!((ci.lower_ratio() - 0.695_749_695_429_687_68).abs() < TOLERANCE);
    assert!(Performance::ZERO
        .wilson(ConfidenceLevel::Percent95)
        .is_none());
    assert!(WilsonInterval::for_counts(3.0, 2.0, ConfidenceLevel::Percent95).is_err());
    assert!(WilsonInterval::for_counts(-1.0, 2.0, ConfidenceLevel::Percent95).is_err());
}

//! Property tests of the value types: text and JSON round trips are exact,
//! arithmetic agrees with integer pence, periods are consistent.

use cancer_plan::{FinancialYear, Money, MoneyError, Percent, YearMonth};
use proptest::prelude::*;
use rust_decimal::Decimal;

proptest! {
    #[test]
    fn money_display_parses_back(pence in -10_000_000_000_000i64..10_000_000_000_000i64) {
        let m = Money::from_pence(pence);
        prop_assert_eq!(m.to_string().parse::<Money>(), Ok(m));
        prop_assert_eq!(format!("{m:#}").parse::<Money>(), Ok(m));
        prop_assert_eq!(m.to_pence(), Some(pence));
    }

    #[test]
    fn money_json_round_trip_is_exact(pence in any::<i64>()) {
        let m = Money::from_pence(pence);
        let json = serde_json::to_string(&m).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(json.starts_with('"'), "money serialises as a string: {}", json);
        let back: Money = serde_json::from_str(&json).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(back, m);
    }

    #[test]
    fn money_sums_agree_with_integer_pence(pence in prop::collection::vec(-1_000_000_000i64..1_000_000_000, 0..200)) {
        let total: Result<Money, MoneyError> = pence.iter().map(|p| Money::from_pence(*p)).sum();
        let expected: i64 = pence.iter().sum();
        prop_assert_eq!(total, Ok(Money::from_pence(expected)));
    }

    #[test]
    fn sub_penny_amounts_are_refused(pence in any::<i32>(), tenth in 1i64..10) {
        let value = Decimal::new(i64::from(pence) * 10 + tenth, 3);
        prop_assert!(Money::new(value).is_err());
    }

    #[test]
    fn percent_round_trips_and_rounds_within_half_a_place(basis_points in 0i64..=10_000, places in 0u32..4) {
        let p = Percent::new(Decimal::new(basis_points, 2)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(p.to_string().parse::<Percent>(), Ok(p));
        let shown = p.display(places).to_string();
        let shown: Decimal = shown.trim_end_matches('%').parse().map_err(|_| TestCaseError::fail("display"))?;
        let half = Decimal::new(5, places + 1);
        prop_assert!((shown - p.points()).abs() <= half);
    }

    #[test]
    fn financial_years_are_consistent(start in FinancialYear::MIN_START..FinancialYear::MAX_START) {
        let year = FinancialYear::starting(start).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(year.to_string().parse::<FinancialYear>(), Ok(year));
        prop_assert!(year.contains(year.first_day()) && year.contains(year.last_day()));
        if let Some(after) = year.last_day().succ_opt() {
            prop_assert!(!year.contains(after));
        }
        prop_assert!(year.months().all(|m| m.financial_year() == Ok(year)));
        prop_assert_eq!(year.next().and_then(FinancialYear::previous), Some(year));
    }

    #[test]
    fn months_round_trip_and_count(year in 1900i32..2200, month in 1u32..=12, n in -600i32..600) {
        let m = YearMonth::new(year, month).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(m.to_string().parse::<YearMonth>(), Ok(m));
        prop_assert_eq!(m.plus_months(n).unwrap().months_since(m), n);
        prop_assert!(m.contains(m.first_day()) && m.contains(m.last_day()));
    }
}

/// Width, fill and alignment: amounts and counts right-align by default, codes
/// and periods left-align, as numbers and strings do in `std`.
#[test]
fn display_honours_width_fill_and_alignment() -> Result<(), Box<dyn std::error::Error>> {
    use cancer_plan::cwt::PatientCount;
    use cancer_plan::{FinancialYear, Id, Money, OdsCode, Percent, YearMonth};

    assert_eq!(
        format!("[{:>10}]", Money::from_pounds(1234)),
        "[    £1,234]"
    );
    assert_eq!(format!("[{:10}]", Money::from_pounds(-12)), "[      -£12]");
    assert_eq!(format!("[{:<10}]", Money::from_pence(150)), "[£1.50     ]");
    assert_eq!(format!("[{:*^9}]", Money::from_pounds(5)), "[***£5****]");
    assert_eq!(format!("[{}]", Money::from_pounds(1234)), "[£1,234]");
    assert_eq!(format!("[{:6}]", Percent::from_points(80)?), "[   80%]");
    assert_eq!(
        format!("[{:7}]", Percent::from_points(7)?.display(1)),
        "[   7.0%]"
    );
    assert_eq!(format!("[{:6}]", OdsCode::new("RHU")?), "[RHU   ]");
    assert_eq!(format!("[{:>6}]", Id::new("fds")?), "[   fds]");
    assert_eq!(format!("[{:5}]", PatientCount::from_halves(17)), "[  8.5]");
    assert_eq!(
        format!("[{:9}]", "2024/25".parse::<FinancialYear>()?),
        "[2024/25  ]"
    );
    assert_eq!(format!("[{:>9}]", YearMonth::new(2025, 3)?), "[  2025-03]");
    Ok(())
}

/// A constructor that can fail returns `Result` with a typed error.
#[test]
fn failing_constructors_return_typed_errors() {
    use cancer_plan::error::RangeError;
    use cancer_plan::{Quarter, YearMonth};

    let e: RangeError = cancer_plan::Percent::from_points(101).unwrap_err();
    assert_eq!((e.value(), e.max()), ("101%", "100%"));
    let e = YearMonth::new(2025, 13).unwrap_err();
    assert_eq!(
        (e.what(), e.value(), e.min(), e.max()),
        ("month", "13", "1", "12")
    );
    let year = "2024/25".parse().unwrap_or_else(|_| unreachable!());
    assert_eq!(
        Quarter::new(year, 0).unwrap_err().to_string(),
        "quarter 0 is outside 1..=4"
    );
    // Every error converts into the root error, and back.
    let root = cancer_plan::Error::from(e.clone());
    assert_eq!(RangeError::try_from(root).ok(), Some(e));
}

/// The exported `Arbitrary` impls (feature `proptest`) generate only valid
/// values: each displays and parses back.
#[cfg(feature = "proptest")]
mod arbitrary_values {
    use cancer_plan::{FinancialYear, Id, Money, Percent, TumourSite, YearMonth};
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn generated_values_parse_back(
            money in any::<Money>(),
            percent in any::<Percent>(),
            year in any::<FinancialYear>(),
            month in any::<YearMonth>(),
            id in any::<Id>(),
            site in any::<TumourSite>(),
        ) {
            prop_assert_eq!(money.to_string().parse::<Money>(), Ok(money));
            prop_assert_eq!(percent.to_string().parse::<Percent>(), Ok(percent));
            prop_assert_eq!(year.to_string().parse::<FinancialYear>(), Ok(year));
            prop_assert_eq!(month.to_string().parse::<YearMonth>(), Ok(month));
            prop_assert_eq!(id.as_str().parse::<Id>(), Ok(id.clone()));
            prop_assert_eq!(site.code().parse::<TumourSite>(), Ok(site));
        }
    }
}

//! The NHS financial year, through the public API.

use cancer_plan::{FinancialYear, YearMonth};
use chrono::NaiveDate;

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn date(y: i32, m: u32, d: u32) -> Result<NaiveDate, String> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| format!("{y}-{m}-{d}"))
}

#[test]
fn year_2024_25_covers_1_april_2024_to_31_march_2025() -> TestResult {
    let year: FinancialYear = "2024/25".parse()?;
    assert_eq!(year.first_day(), date(2024, 4, 1)?);
    assert_eq!(year.last_day(), date(2025, 3, 31)?);
    let mut day = date(2024, 3, 30)?;
    let mut inside = 0;
    while day <= date(2025, 4, 2)? {
        let expected = date(2024, 4, 1)? <= day && day <= date(2025, 3, 31)?;
        assert_eq!(year.contains(day), expected, "{day}");
        inside += usize::from(expected);
        day = day.succ_opt().ok_or("overflow")?;
    }
    assert_eq!(inside, 365);
    assert_eq!(year.to_string(), "2024/25");
    Ok(())
}

#[test]
fn year_2024_26_is_rejected() {
    let err = "2024/26".parse::<FinancialYear>().err();
    assert_eq!(
        err.map(|e| e.to_string()),
        Some(
            "`2024/26` is not a financial year (expected the second year to be the one after 2024: `2024/25`)"
                .to_owned()
        )
    );
}

#[test]
fn months_quarters_and_neighbours() -> TestResult {
    let year: FinancialYear = "2024/25".parse()?;
    assert_eq!(year.months().count(), 12);
    assert_eq!(year.last_month(), "2025-03".parse::<YearMonth>()?);
    assert_eq!(
        year.quarters().map(|q| q.first_month().to_string()),
        ["2024-04", "2024-07", "2024-10", "2025-01"]
    );
    assert_eq!(
        year.previous().map(|y| y.to_string()),
        Some("2023/24".into())
    );
    assert_eq!(year.next().map(|y| y.to_string()), Some("2025/26".into()));
    assert_eq!(serde_json::to_string(&year)?, "\"2024/25\"");
    assert!(serde_json::from_str::<FinancialYear>("\"2024/26\"").is_err());
    Ok(())
}

//! Golden file: what the crate says about a table of bad inputs, in the
//! spirit of rust_decimal's tables. The table is rendered into
//! `src/docs/messages.md`, which rustdoc shows as the `docs::messages` page, so
//! the documented messages and the real ones cannot drift apart.
//!
//! After a deliberate change of a message, rewrite the page with
//! `UPDATE_GOLDEN=1 cargo test --all-features --test plan golden_messages` and
//! review the diff.

use std::fmt::{Debug, Display, Write as _};

use cancer_plan::capacity::{ImprovementCapacity, Tenure, Wte};
use cancer_plan::cwt::{ConfidenceLevel, PatientCount, Performance, WilsonInterval};
use cancer_plan::rdc::PathwayAssessment;
use cancer_plan::{
    budget::apportion, CancerPlan, FinancialYear, Id, Money, MoneyUnit, OdsCode, Percent, Quarter,
    TumourSite, YearMonth,
};
use rust_decimal::Decimal;

const PAGE: &str = "src/docs/messages.md";

/// One row: what was given, and the message (or, if it was accepted, what it
/// became: a row saying `accepted` in the page is a bug to look at).
fn row<T: Debug, E: Display>(out: &mut Vec<(String, String)>, input: &str, result: Result<T, E>) {
    let said = match result {
        Ok(value) => format!("accepted: {value:?}"),
        Err(e) => e.to_string(),
    };
    out.push((input.to_owned(), said));
}

fn value_types() -> Vec<(String, String)> {
    let mut t = Vec::new();
    for text in ["12.345", "£1,23", "twelve", "1e3", ""] {
        row(&mut t, &format!("Money {text:?}"), text.parse::<Money>());
    }
    row(&mut t, "Money::new(0.001)", Money::new(Decimal::new(1, 3)));
    for text in ["101", "-1", "eighty", "80%%"] {
        row(
            &mut t,
            &format!("Percent {text:?}"),
            text.parse::<Percent>(),
        );
    }
    row(
        &mut t,
        "Percent::from_points(101)",
        Percent::from_points(101),
    );
    for text in ["2024/26", "2024", "1900/01", "24/25"] {
        row(
            &mut t,
            &format!("FinancialYear {text:?}"),
            text.parse::<FinancialYear>(),
        );
    }
    row(
        &mut t,
        "FinancialYear::starting(10000)",
        FinancialYear::starting(10_000),
    );
    for text in ["2025-13", "2025-3", "2025-03-15", "March 2025"] {
        row(
            &mut t,
            &format!("YearMonth {text:?}"),
            text.parse::<YearMonth>(),
        );
    }
    row(&mut t, "YearMonth::new(2025, 0)", YearMonth::new(2025, 0));
    row(
        &mut t,
        "Quarter \"2024/25 Q5\"",
        "2024/25 Q5".parse::<Quarter>(),
    );
    if let Ok(year) = "2024/25".parse() {
        row(&mut t, "Quarter::new(2024/25, 0)", Quarter::new(year, 0));
    }
    for text in ["", "has space", "é", &"x".repeat(65)] {
        row(&mut t, &format!("Id {text:?}"), Id::new(text));
    }
    for text in ["rhu", "R1", "RHU-1", "ABCDEFGHIJK"] {
        row(&mut t, &format!("OdsCode {text:?}"), OdsCode::new(text));
    }
    for text in ["0.25", "-1", "x", "1.75"] {
        row(
            &mut t,
            &format!("PatientCount {text:?}"),
            text.parse::<PatientCount>(),
        );
    }
    row(
        &mut t,
        "Performance::new(within 5, total 4)",
        Performance::new(PatientCount::whole(5), PatientCount::whole(4)),
    );
    row(
        &mut t,
        "WilsonInterval::for_counts(3, 2)",
        WilsonInterval::for_counts(3.0, 2.0, ConfidenceLevel::Percent95),
    );
    for text in ["0", "1.5", "0.125"] {
        row(&mut t, &format!("Wte {text:?}"), text.parse::<Wte>());
    }
    if let (Ok(july), Ok(june)) = ("2021-07".parse(), "2021-06".parse()) {
        row(&mut t, "Tenure::fixed(2021-07, 0)", Tenure::fixed(july, 0));
        row(
            &mut t,
            "Tenure::new(2021-07, 2021-06)",
            Tenure::new(july, june),
        );
    }
    row(
        &mut t,
        "RdcPrinciple::from_number(8)",
        cancer_plan::RdcPrinciple::from_number(8),
    );
    for text in ["Lung cancer", "lungs"] {
        row(
            &mut t,
            &format!("TumourSite {text:?}"),
            text.parse::<TumourSite>(),
        );
    }
    let weights = [Decimal::ONE, Decimal::NEGATIVE_ONE];
    row(
        &mut t,
        "apportion(£100, [1, -1])",
        apportion(Money::from_pounds(100), &weights, MoneyUnit::Pound),
    );
    row(
        &mut t,
        "apportion(£100.50 to the pound)",
        apportion(Money::from_pence(10_050), &[Decimal::ONE], MoneyUnit::Pound),
    );
    t
}

/// Every violation of a builder, one row each.
fn violations(
    out: &mut Vec<(String, String)>,
    what: &str,
    errors: Option<cancer_plan::ValidationErrors>,
) {
    match errors {
        None => out.push((what.to_owned(), "accepted".to_owned())),
        Some(errors) => {
            for v in &errors {
                out.push((what.to_owned(), v.to_string()));
            }
        }
    }
}

fn builders() -> Vec<(String, String)> {
    let mut t = Vec::new();
    violations(
        &mut t,
        "CancerPlan title \"\"",
        CancerPlan::builder().title("").build().err(),
    );
    violations(
        &mut t,
        "PathwayAssessment, nothing set",
        PathwayAssessment::builder().build().err(),
    );
    violations(
        &mut t,
        "ImprovementCapacity, nothing set",
        ImprovementCapacity::builder().build().err(),
    );
    t
}

fn json() -> Vec<(String, String)> {
    let mut t = Vec::new();
    for text in [
        "",
        "{\"title\": 1}",
        "{\"title\": \"t\", \"colour\": \"blue\"}",
        "{\"title\": \"t\", \"financial_year\": \"2024/26\"}",
    ] {
        let what = format!("json {text:?}");
        match cancer_plan::json::from_str(text) {
            Err(cancer_plan::json::PlanReadError::Invalid(errors)) => {
                t.push((
                    what.clone(),
                    format!(
                        "{}:",
                        cancer_plan::json::PlanReadError::Invalid(errors.clone())
                    ),
                ));
                violations(&mut t, &what, Some(errors));
            }
            Err(e) => {
                let source = std::error::Error::source(&e)
                    .map(|s| format!(": {s}"))
                    .unwrap_or_default();
                t.push((what, format!("{e}{source}")));
            }
            Ok(_) => t.push((what, "accepted".to_owned())),
        }
    }
    t
}

fn render() -> String {
    let mut page = String::from(
        "What the crate says about bad input: a table of bad inputs and the message each gets, \
         one per line (the input, then the message).\n\n\
         This page is a golden file: `tests/plan/golden_messages.rs` computes the table and fails if \
         it differs from this page. After a deliberate change of a message, rewrite the page with \
         `UPDATE_GOLDEN=1 cargo test --all-features --test plan golden_messages` and review the diff.\n",
    );
    for (title, rows) in [
        ("Value types", value_types()),
        ("Builders (every violation at once)", builders()),
        ("JSON (`json::from_str`)", json()),
    ] {
        let width = rows
            .iter()
            .map(|(i, _)| i.chars().count())
            .max()
            .unwrap_or(0);
        let _ = write!(page, "\n# {title}\n\n```text\n");
        for (input, said) in rows {
            let _ = writeln!(page, "{input:<width$}  {said}");
        }
        page.push_str("```\n");
    }
    page
}

#[test]
fn messages_match_the_golden_page() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(PAGE);
    let actual = render();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap();
    if expected != actual {
        for (n, (e, a)) in expected.lines().zip(actual.lines()).enumerate() {
            if e != a {
                panic!("{PAGE}:{}: expected\n  {e}\nbut the crate says\n  {a}\n(UPDATE_GOLDEN=1 rewrites the page)", n + 1);
            }
        }
        panic!("{PAGE}: the table has {} lines, the crate gives {} (UPDATE_GOLDEN=1 rewrites the page)",
            expected.lines().count(), actual.lines().count());
    }
}

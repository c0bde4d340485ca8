//! The Wessex 2024/25 budget (tables 2-4) and the discrepancies the seed is
//! known to have, checked through the public API.

use crate::plan;

use cancer_plan::budget::{Dimension, FindingKind, Tolerance};
use cancer_plan::{Money, MoneyUnit};

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn pounds(n: i64) -> Money {
    Money::from_pounds(n)
}

#[test]
fn figures_match_the_seed() -> TestResult {
    let plan = plan::wessex_2024_25()?;
    let budget = plan.budget().ok_or("no budget")?;
    let guides: Vec<Option<Money>> = budget.areas().iter().map(|a| a.guide_spend()).collect();
    assert_eq!(
        guides,
        [853_160, 5_850_240, 4_022_040, 1_465_560].map(|n| Some(pounds(n)))
    );
    let budgets: Vec<Option<Money>> = budget.areas().iter().map(|a| a.budget()).collect();
    assert_eq!(
        budgets,
        [851_568, 5_738_839, 3_923_085, 1_520_080].map(|n| Some(pounds(n)))
    );
    let lines: Vec<usize> = budget.areas().iter().map(|a| a.lines().len()).collect();
    assert_eq!(lines, [5, 17, 11, 5]);
    let totals = budget
        .areas()
        .iter()
        .map(|a| a.lines_total())
        .collect::<Result<Vec<_>, _>>()?;
    assert_eq!(
        totals,
        [851_567, 5_206_648, 3_923_085, 1_520_078].map(pounds)
    );
    let by_area = budget.roll_up(Dimension::Area)?;
    assert_eq!(by_area.total(), pounds(11_501_378));
    Ok(())
}

#[test]
fn known_discrepancies_are_reported_exactly() -> TestResult {
    let plan = plan::wessex_2024_25()?;
    let rec = plan
        .budget()
        .expect("the plan has a budget")
        .reconcile(Tolerance::PRINTED_TABLES);
    let found = |kind: FindingKind, path: &str| {
        rec.findings()
            .iter()
            .find(|f| f.kind() == kind && f.path() == path)
            .map(|f| {
                (
                    f.money_difference(),
                    f.status() == cancer_plan::budget::FindingStatus::RealGap,
                )
            })
    };
    // Lines vs budget: £1 and £2 rounding; £532,191 unitemised.
    assert_eq!(
        found(FindingKind::LinesVsBudget, "budget.areas[0].lines"),
        Some((Some(pounds(-1)), false))
    );
    assert_eq!(
        found(FindingKind::LinesVsBudget, "budget.areas[1].lines"),
        Some((Some(pounds(-532_191)), true))
    );
    assert_eq!(
        found(FindingKind::LinesVsBudget, "budget.areas[2].lines"),
        None
    );
    assert_eq!(
        found(FindingKind::LinesVsBudget, "budget.areas[3].lines"),
        Some((Some(pounds(-2)), false))
    );
    // Treatment and care is over its guide spend.
    assert_eq!(
        found(FindingKind::BudgetVsGuideSpend, "budget.areas[3].budget"),
        Some((Some(pounds(54_520)), true))
    );
    // Guide spends add to the total exactly; budgets to £12,033,572.
    assert_eq!(found(FindingKind::GuideSpendsVsTotal, "budget.areas"), None);
    assert_eq!(
        found(FindingKind::BudgetsVsTotal, "budget.total"),
        Some((Some(pounds(-157_428)), true))
    );
    // The printed whole-percent shares are the exact ones rounded.
    let shares: Vec<_> = rec
        .findings()
        .iter()
        .filter(|f| f.kind() == FindingKind::ShareVsExactShare)
        .collect();
    assert_eq!(shares.len(), 4);
    assert!(shares
        .iter()
        .all(|f| f.status() != cancer_plan::budget::FindingStatus::RealGap));
    for f in &shares {
        assert_eq!(
            f.expected().round_dp(0),
            f.actual(),
            "{} rounds to the printed share",
            f.path()
        );
    }
    assert_eq!(rec.findings().len(), 16);
    assert_eq!(rec.real_gaps().count(), 6);
    Ok(())
}

#[test]
fn shares_give_guide_spends_that_add_up() -> TestResult {
    let plan = plan::wessex_2024_25()?;
    let budget = plan.budget().ok_or("no budget")?;
    let guides = budget.guide_spends_from_shares(MoneyUnit::Pound)?;
    assert_eq!(
        guides,
        [853_370, 5_851_680, 4_023_030, 1_462_920].map(pounds)
    );
    assert_eq!(Money::checked_sum(guides)?, budget.total());
    Ok(())
}

//! Improvement capacity and its costs, through the public API.

use cancer_plan::budget::{FundingSource, LineScope, Term};
use cancer_plan::capacity::{
    AfcBand, Costing, ImprovementCapacity, ImprovementTeam, MethodologyStage, Post, ReviewProgress,
    Tenure, TumourSiteReview, Wte,
};
use cancer_plan::{Alliance, FinancialYear, Icb, Id, Money, MoneyUnit, TumourSite};
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

use crate::common;
use common::assert_paths_in_json;

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn id(s: &str) -> Id {
    Id::new(s).unwrap()
}

fn fy(s: &str) -> FinancialYear {
    s.parse().unwrap()
}

fn wessex() -> Alliance {
    Alliance::new("Wessex Cancer Alliance")
        .with_icb(Icb::new(id("dorset"), "NHS Dorset ICB"))
        .with_icb(Icb::new(id("hiow"), "NHS Hampshire and Isle of Wight ICB"))
}

fn team(start: &str, months: u32, total: Money) -> ImprovementTeam {
    ImprovementTeam::new(
        id("cit"),
        "Cancer Improvement Team/Academy",
        Tenure::fixed(start.parse().unwrap(), months).unwrap(),
        FundingSource::RapidInvestigationServiceBudget,
        Costing::total(total, "board paper estimate"),
    )
}

fn with_team(team: ImprovementTeam) -> ImprovementCapacity {
    ImprovementCapacity::builder()
        .title("ICS improvement capacity")
        .alliance(wessex())
        .team(team)
        .build()
        .unwrap()
}

#[test]
fn a_24_month_team_starting_mid_year_is_split_by_months_and_adds_up_exactly() -> TestResult {
    // July 2021 to June 2023: 9 months of 2021/22, 12 of 2022/23, 3 of 2023/24.
    // £280,001 by 9:12:3 is 105,000.375 / 140,000.5 / 35,000.125: the spare
    // pound goes to the largest remainder (2022/23).
    let capacity = with_team(team("2021-07", 24, Money::from_pounds(280_001)));
    let costs = capacity.costs(fy("2021/22"), MoneyUnit::Pound)?;
    let split: Vec<(String, u32, Money)> = costs
        .lines()
        .iter()
        .map(|l| (l.year().to_string(), l.months(), l.amount()))
        .collect();
    assert_eq!(
        split,
        [
            ("2021/22".to_owned(), 9, Money::from_pounds(105_000)),
            ("2022/23".to_owned(), 12, Money::from_pounds(140_001)),
            ("2023/24".to_owned(), 3, Money::from_pounds(35_000)),
        ]
    );
    assert_eq!(costs.total()?, Money::from_pounds(280_001));
    Ok(())
}

#[test]
fn a_24_month_team_starting_in_april_spans_exactly_two_years() -> TestResult {
    let capacity = with_team(team("2021-04", 24, "280000.01".parse()?));
    let costs = capacity.costs(fy("2021/22"), MoneyUnit::Penny)?;
    let amounts: Vec<Money> = costs.lines().iter().map(|l| l.amount()).collect();
    assert_eq!(amounts, ["140000.01".parse()?, Money::from_pounds(140_000)]);
    assert_eq!(costs.total()?, "280000.01".parse()?);
    Ok(())
}

proptest! {
    #[test]
    fn team_costs_add_up_to_the_total_for_any_start_and_length(
        start_month in 1u32..=12,
        start_year in 2019i32..=2030,
        months in 1u32..=60,
        pence in 0i64..=100_000_000_000,
    ) {
        let start = format!("{start_year}-{start_month:02}");
        let total = Money::from_pence(pence);
        let capacity = with_team(team(&start, months, total));
        let costs = capacity.costs(fy("2019/20"), MoneyUnit::Penny).unwrap();
        prop_assert_eq!(costs.total().unwrap(), total);
        prop_assert_eq!(costs.lines().iter().map(|l| l.months()).sum::<u32>(), months);
        // Each year's part is the floor or ceiling of its exact quota.
        for line in costs.lines() {
            let quota = total.to_decimal() * Decimal::from(line.months()) / Decimal::from(months);
            let part = line.amount().to_decimal();
            prop_assert!((part - quota).abs() < Decimal::new(1, 2), "{} vs {}", part, quota);
        }
        // The split, computed independently (months per year by hand, largest
        // remainder in whole pence, ties to the earlier year).
        let expected: Vec<(FundingSource, FinancialYear, Money)> =
            expected_split(&start, months, pence)
                .into_iter()
                .map(|(year, part)| (FundingSource::RapidInvestigationServiceBudget, year, part))
                .collect();
        prop_assert_eq!(costs.by_funding_and_year().unwrap(), expected);
    }

    #[test]
    fn totals_by_funding_source_and_year_are_the_independent_splits_summed(
        (a_start, a_months, a_pence) in tenure_and_total(),
        (b_start, b_months, b_pence) in tenure_and_total(),
        b_source in prop::sample::select(vec![
            FundingSource::RapidInvestigationServiceBudget,
            FundingSource::NhsEngland,
            FundingSource::AllianceBudget,
        ]),
    ) {
        let other = ImprovementTeam::new(
            id("academy"),
            "Second team",
            Tenure::fixed(b_start.parse().unwrap(), b_months).unwrap(),
            b_source.clone(),
            Costing::total(Money::from_pence(b_pence), "illustrative"),
        );
        let capacity = ImprovementCapacity::builder()
            .title("ICS improvement capacity")
            .alliance(wessex())
            .team(team(&a_start, a_months, Money::from_pence(a_pence)))
            .team(other)
            .build()
            .unwrap();
        let costs = capacity.costs(fy("2019/20"), MoneyUnit::Penny).unwrap();
        let mut expected: BTreeMap<(FundingSource, FinancialYear), Money> = BTreeMap::new();
        let parts = expected_split(&a_start, a_months, a_pence)
            .into_iter()
            .map(|(y, m)| (FundingSource::RapidInvestigationServiceBudget, y, m))
            .chain(
                expected_split(&b_start, b_months, b_pence)
                    .into_iter()
                    .map(|(y, m)| (b_source.clone(), y, m)),
            );
        for (source, year, part) in parts {
            let slot = expected.entry((source, year)).or_insert(Money::ZERO);
            *slot = slot.checked_add(part).unwrap();
        }
        let expected: Vec<(FundingSource, FinancialYear, Money)> =
            expected.into_iter().map(|((s, y), m)| (s, y, m)).collect();
        prop_assert_eq!(costs.by_funding_and_year().unwrap(), expected);
    }
}

fn tenure_and_total() -> impl Strategy<Value = (String, u32, i64)> {
    (1u32..=12, 2019i32..=2030, 1u32..=60, 0i64..=100_000_000_000)
        .prop_map(|(m, y, months, pence)| (format!("{y}-{m:02}"), months, pence))
}

/// A total spread over the financial years of `months` months from `start`
/// ("2021-07") by months in each year, in whole pence: written out here
/// independently of the crate (April starts a financial year; floors first,
/// then the spare pence to the largest remainders, ties to the earlier year).
fn expected_split(start: &str, months: u32, pence: i64) -> Vec<(FinancialYear, Money)> {
    let (y, m) = start.split_once('-').unwrap();
    let (mut year, mut month): (i32, u32) = (y.parse().unwrap(), m.parse().unwrap());
    let mut by_year: Vec<(i32, i128)> = Vec::new();
    for _ in 0..months {
        let fy_start = if month >= 4 { year } else { year - 1 };
        match by_year.last_mut() {
            Some((y, n)) if *y == fy_start => *n += 1,
            _ => by_year.push((fy_start, 1)),
        }
        (year, month) = if month == 12 {
            (year + 1, 1)
        } else {
            (year, month + 1)
        };
    }
    let (total, all) = (i128::from(pence), i128::from(months));
    let mut parts: Vec<i128> = by_year.iter().map(|(_, n)| total * n / all).collect();
    let mut order: Vec<usize> = (0..by_year.len()).collect();
    order.sort_by_key(|&k| (std::cmp::Reverse(total * by_year[k].1 % all), k));
    let spare = total - parts.iter().sum::<i128>();
    for &k in order.iter().take(usize::try_from(spare).unwrap()) {
        parts[k] += 1;
    }
    by_year
        .iter()
        .zip(parts)
        .map(|((y, _), p)| {
            (
                FinancialYear::starting(*y).unwrap(),
                Money::from_pence(i64::try_from(p).unwrap()),
            )
        })
        .collect()
}

#[test]
fn annual_costs_are_pro_rata_by_wte_and_months_and_uncosted_posts_are_listed() -> TestResult {
    let capacity = ImprovementCapacity::builder()
        .title("ICS improvement capacity")
        .alliance(wessex())
        .post(
            Post::new(
                id("dorset-lead"),
                "Senior Leader",
                AfcBand::Band8C,
                id("dorset"),
                Tenure::open_ended("2021-10".parse()?)?,
            )
            .with_wte(Wte::new(Decimal::new(5, 1))?)
            .with_costing(Costing::annual(Money::from_pounds(60_000), "illustrative")),
        )
        .post(
            Post::new(
                id("hiow-lead"),
                "Senior Leader",
                AfcBand::Band8C,
                id("hiow"),
                Tenure::open_ended("2021-07".parse()?)?,
            )
            .with_costing(Costing::not_costed("amount not given")),
        )
        .build()?;
    let costs = capacity.costs(fy("2022/23"), MoneyUnit::Pound)?;
    // 0.5 WTE × £60,000 × 18 months / 12 = £45,000: 6 months then 12.
    let split: Vec<(String, Money)> = costs
        .lines()
        .iter()
        .map(|l| (l.year().to_string(), l.amount()))
        .collect();
    assert_eq!(
        split,
        [
            ("2021/22".to_owned(), Money::from_pounds(15_000)),
            ("2022/23".to_owned(), Money::from_pounds(30_000)),
        ]
    );
    assert!(costs.lines().iter().all(|l| l.term() == Term::Recurrent));
    assert_eq!(costs.not_costed().len(), 1);
    assert_eq!(costs.not_costed()[0].item().as_str(), "hiow-lead");
    assert_eq!(
        costs.not_costed()[0].months_by_year(),
        [(fy("2021/22"), 9), (fy("2022/23"), 12)]
    );
    Ok(())
}

#[test]
fn costs_convert_to_budget_lines_of_the_budget_model() -> TestResult {
    let capacity = with_team(team("2021-07", 24, Money::from_pounds(280_000)));
    let costs = capacity.costs(fy("2021/22"), MoneyUnit::Pound)?;
    let lines = costs.budget_lines(fy("2022/23"), &id("improvement"))?;
    assert_eq!(lines.len(), 1);
    let line = &lines[0];
    assert_eq!(line.id().as_str(), "cit.2022-23");
    assert_eq!(line.amount(), Money::from_pounds(140_000));
    assert_eq!(
        line.funding_source(),
        &FundingSource::RapidInvestigationServiceBudget
    );
    assert_eq!(line.scope(), &LineScope::WholeAlliance);
    assert_eq!(line.term(), Term::YearOf { year: 2, of: 3 });
    assert_eq!(line.wca_resource(), Some("Cancer Improvement Team/Academy"));
    assert_eq!(line.spend_category().as_str(), "improvement");
    let by_source = costs.by_funding_and_year()?;
    assert_eq!(by_source.len(), 3);
    assert!(by_source
        .iter()
        .all(|(s, _, _)| *s == FundingSource::RapidInvestigationServiceBudget));
    Ok(())
}

#[test]
fn builder_reports_every_violation_with_paths() {
    let builder = ImprovementCapacity::builder()
        .title(" ")
        .alliance(wessex())
        .post(
            Post::new(
                id("lead"),
                "Senior Leader",
                AfcBand::Band8C,
                id("bsw"),
                Tenure::open_ended("2021-07".parse().unwrap()).unwrap(),
            )
            .with_costing(Costing::total(Money::from_pounds(-1), "")),
        )
        .team(team("2021-07", 24, Money::from_pounds(280_000)).directed_by(id("nobody")))
        .review(
            TumourSiteReview::new(
                id("lead"),
                TumourSite::Lung,
                "Lung pathway review",
                ReviewProgress::NotStarted,
            )
            .by_team(id("academy")),
        );
    let json = serde_json::to_value(&builder).unwrap();
    let errors = builder.build().unwrap_err();
    let paths: Vec<String> = errors.iter().map(|v| v.path().to_string()).collect();
    assert_eq!(
        paths,
        [
            "title",
            "posts[0].host_icb",
            "posts[0].costing.total.amount",
            "posts[0].costing.total.basis",
            "posts[0].costing.total",
            "teams[0].directed_by[0]",
            "reviews[0].id",
            "reviews[0].team",
        ]
    );
    assert_paths_in_json(&json, &errors);
}

#[test]
fn violation_paths_name_the_costing_variant_as_in_json() {
    let tenure = || Tenure::fixed("2021-07".parse().unwrap(), 12).unwrap();
    let team = |n: usize, costing: Costing| {
        ImprovementTeam::new(
            id(&format!("t{n}")),
            "Team",
            tenure(),
            FundingSource::NhsEngland,
            costing,
        )
    };
    let builder = ImprovementCapacity::builder()
        .title("ICS improvement capacity")
        .alliance(wessex().with_icb(Icb::new(id("dorset"), " ")))
        .team(team(0, Costing::annual(Money::from_pounds(-5), " ")))
        .team(team(1, Costing::not_costed("")))
        .team(team(
            2,
            Costing::total(Money::from_pounds(2_000_000_000_000_000), "x"),
        ))
        .post(
            Post::new(
                id("t0"),
                "",
                AfcBand::Band8C,
                id("dorset"),
                Tenure::open_ended("2021-07".parse().unwrap()).unwrap(),
            )
            .with_costing(Costing::total(Money::from_pounds(1), "estimate")),
        );
    let json = serde_json::to_value(&builder).unwrap();
    let errors = builder.build().unwrap_err();
    let paths: Vec<String> = errors.iter().map(|v| v.path().to_string()).collect();
    assert_eq!(
        paths,
        [
            "alliance.icbs[2].id",
            "alliance.icbs[2].name",
            "posts[0].title",
            "posts[0].costing.total",
            "teams[0].id",
            "teams[0].costing.annual.amount",
            "teams[0].costing.annual.basis",
            "teams[1].costing.not_costed.reason",
            "teams[2].costing.total.amount",
        ]
    );
    let fixed_tenure = errors.at("posts[0].costing.total").unwrap().to_string();
    assert!(fixed_tenure.contains("fixed tenure"), "{fixed_tenure}");
    assert_paths_in_json(&json, &errors);
    // And an empty builder: required fields left out.
    let empty = ImprovementCapacity::builder();
    let errors = empty.clone().build().unwrap_err();
    assert_paths_in_json(&serde_json::to_value(&empty).unwrap(), &errors);
}

#[test]
fn json_round_trip_goes_through_the_builder() -> TestResult {
    let capacity = ImprovementCapacity::builder()
        .title("ICS improvement capacity")
        .alliance(wessex())
        .team(team("2021-07", 24, Money::from_pounds(280_000)))
        .review(
            TumourSiteReview::new(
                id("lung"),
                TumourSite::Lung,
                "Lung pathway review",
                ReviewProgress::InStage(MethodologyStage::PathwayMapping),
            )
            .led_by("MSD")
            .by_team(id("cit")),
        )
        .build()?;
    let json = serde_json::to_string(&capacity)?;
    let back: ImprovementCapacity = serde_json::from_str(&json)?;
    assert_eq!(back, capacity);
    let broken = json.replace("\"team\":\"cit\"", "\"team\":\"academy\"");
    let err = serde_json::from_str::<ImprovementCapacity>(&broken)
        .err()
        .ok_or("unknown team must fail")?;
    assert!(err.to_string().contains("reviews[0].team"), "{err}");
    Ok(())
}

#[test]
fn budget_roll_ups_include_capacity_lines() -> TestResult {
    use cancer_plan::budget::{
        AllocationArea, BudgetAllocation, BudgetLine, CommitmentEnd, Dimension, GroupKey,
        SpendCategory,
    };
    use cancer_plan::Percent;
    let capacity = ImprovementCapacity::builder()
        .title("ICS improvement capacity")
        .alliance(wessex())
        .post(
            Post::new(
                id("dorset-lead"),
                "Senior Leader",
                AfcBand::Band8C,
                id("dorset"),
                Tenure::open_ended("2021-07".parse()?)?,
            )
            .with_costing(Costing::annual(Money::from_pounds(60_000), "illustrative")),
        )
        .team(team("2021-07", 24, Money::from_pounds(280_000)))
        .build()?;
    let year = fy("2021/22");
    let costs = capacity.costs(fy("2023/24"), MoneyUnit::Pound)?;
    let category = id("improvement");
    let mut area = AllocationArea::new(id("capacity"), "Improvement capacity", Percent::HUNDRED)
        .with_spend_category(SpendCategory::new(category.clone(), "Improvement"))
        .with_line(
            BudgetLine::new(
                id("other"),
                category.clone(),
                Money::from_pounds(10_000),
                Term::OneOff,
            )
            .with_funding_source(FundingSource::NhsEngland),
        );
    for line in costs.budget_lines(year, &category)? {
        area = area.with_line(line);
    }
    let budget = BudgetAllocation::new(Money::from_pounds(1_000_000)).with_area(area);
    budget.validate(Some(&wessex()))?;

    let by_source = budget.roll_up(Dimension::FundingSource)?;
    let rows: Vec<(GroupKey, Money)> = by_source
        .groups()
        .iter()
        .map(|g| (g.key().clone(), g.total()))
        .collect();
    assert_eq!(
        rows,
        [
            // 9 months of £60,000 a year, and 9/24 of £280,000.
            (
                GroupKey::FundingSource(FundingSource::AllianceBudget),
                Money::from_pounds(45_000)
            ),
            (
                GroupKey::FundingSource(FundingSource::RapidInvestigationServiceBudget),
                Money::from_pounds(105_000)
            ),
            (
                GroupKey::FundingSource(FundingSource::NhsEngland),
                Money::from_pounds(10_000)
            ),
        ]
    );
    assert_eq!(by_source.total(), Money::from_pounds(160_000));

    // The team's line is year 1 of 3 and ends in 2023/24; the post is recurrent.
    let by_end = budget.roll_up(Dimension::EndYear { plan_year: year })?;
    let ends: Vec<(GroupKey, Money)> = by_end
        .groups()
        .iter()
        .map(|g| (g.key().clone(), g.total()))
        .collect();
    assert_eq!(
        ends,
        [
            (
                GroupKey::EndYear(CommitmentEnd::Ends(year)),
                Money::from_pounds(10_000)
            ),
            (
                GroupKey::EndYear(CommitmentEnd::Ends(fy("2023/24"))),
                Money::from_pounds(105_000)
            ),
            (
                GroupKey::EndYear(CommitmentEnd::Recurrent),
                Money::from_pounds(45_000)
            ),
        ]
    );
    Ok(())
}

#[test]
fn wte_text_is_parsed_exactly_never_rounded_into_range() {
    // 32 nines: the inexact parser rounds this to 1 and would accept it.
    assert!("0.99999999999999999999999999999999".parse::<Wte>().is_err());
    assert!("1.00000000000000000000000000000001".parse::<Wte>().is_err());
    // From JSON too (a Wte deserialises from its text).
    assert!(serde_json::from_str::<Wte>("\"0.99999999999999999999999999999999\"").is_err());
    assert_eq!(
        "0.99".parse::<Wte>().map(|w| w.to_string()),
        Ok("0.99".to_owned())
    );
    assert_eq!("1.00".parse::<Wte>(), Ok(Wte::FULL_TIME));
}

//! Proptest strategies for crates that build on this one (feature
//! `proptest`), following `rust_decimal`'s and `ordered-float`'s
//! convention: [`Arbitrary`] for the value types, and functions here for
//! whole budgets and plans ([`BudgetParams`]), their lines' parts, and CWT
//! patient pathways and extract rows ([`CwtParams`]), with parameters for
//! their size and period.
//!
//! Every strategy generates only valid values: every budget and plan
//! builds, and a [`reconciling_budget`] reconciles under
//! [`Tolerance::Exact`](crate::budget::Tolerance::Exact) with no finding,
//! while a [`discrepant_budget`] has the real gap of the [`Discrepancy`]
//! asked for (and those that follow from it, e.g. budgets vs total).
//! Generated pathways have their clocks in order (or, asked for, the
//! data-quality problems real files hold), and a generated extract reads
//! with every row and no bad row. The crate's own property tests
//! (`tests/plan/budget_invariants.rs`, `tests/values/value_types.rs`,
//! `tests/cwt/pathways.rs`, `tests/cwt/pathway_files.rs`, and the unit
//! tests beside these strategies) use them, so they cannot rot.
//!
//! A downstream invariant test (a tool's board report must show every
//! real gap the reconciliation finds):
//!
//! ```
//! use cancer_plan::budget::{FindingKind, Tolerance};
//! use cancer_plan::strategies::{discrepant_budget, reconciling_budget, BudgetParams, Discrepancy};
//! use proptest::prelude::*;
//!
//! proptest!(|(budget in reconciling_budget(BudgetParams::default()))| {
//!     prop_assert!(budget.reconcile(Tolerance::Exact).is_clean());
//! });
//! proptest!(|(budget in discrepant_budget(Discrepancy::BudgetOverGuideSpend, BudgetParams::default()))| {
//!     let rec = budget.reconcile(Tolerance::Exact);
//!     prop_assert!(rec.real_gaps().any(|f| f.kind() == FindingKind::BudgetVsGuideSpend));
//! });
//! ```

mod cwt;
#[cfg(feature = "cwt-extract")]
mod extract;

pub use self::cwt::{pathway, pathways, CwtParams};
#[cfg(feature = "cwt-extract")]
pub use self::extract::{
    provider_extract, provider_extract_csv, provider_extract_row, PROVIDER_EXTRACT_HEADER,
};

use std::ops::RangeInclusive;

use proptest::arbitrary::Arbitrary;
use proptest::prelude::*;
use proptest::strategy::BoxedStrategy;

use crate::budget::{
    AllocationArea, BudgetAllocation, BudgetLine, ExitRisk, FundingSource, Hosts, LineScope,
    SpendCategory, Term,
};
use crate::id::Id;
use crate::money::Money;
use crate::org::{Alliance, Icb};
use crate::percent::Percent;
use crate::period::{FinancialYear, YearMonth};
use crate::plan::CancerPlan;
use crate::tumour_site::TumourSite;

impl Arbitrary for Money {
    type Parameters = ();
    type Strategy = BoxedStrategy<Money>;
    /// A realistic amount: whole pounds, or pounds and pence, up to £5m.
    fn arbitrary_with((): ()) -> Self::Strategy {
        money(5_000_000).boxed()
    }
}

impl Arbitrary for Percent {
    type Parameters = ();
    type Strategy = BoxedStrategy<Percent>;
    /// 0% to 100%, to two decimal places.
    fn arbitrary_with((): ()) -> Self::Strategy {
        (0u32..=10_000)
            .prop_filter_map("in range", |hundredths| {
                Percent::new(rust_decimal::Decimal::new(i64::from(hundredths), 2)).ok()
            })
            .boxed()
    }
}

impl Arbitrary for FinancialYear {
    type Parameters = ();
    type Strategy = BoxedStrategy<FinancialYear>;
    /// 2000/01 to 2039/40.
    fn arbitrary_with((): ()) -> Self::Strategy {
        financial_year(2000..=2039).boxed()
    }
}

impl Arbitrary for YearMonth {
    type Parameters = ();
    type Strategy = BoxedStrategy<YearMonth>;
    /// A month of 2000/01 to 2039/40.
    fn arbitrary_with((): ()) -> Self::Strategy {
        any::<FinancialYear>().prop_flat_map(month_in).boxed()
    }
}

impl Arbitrary for Id {
    type Parameters = ();
    type Strategy = BoxedStrategy<Id>;
    /// 1 to 24 characters of the id alphabet.
    fn arbitrary_with((): ()) -> Self::Strategy {
        "[a-z0-9][a-z0-9._/-]{0,23}"
            .prop_filter_map("an id", |s| Id::new(s).ok())
            .boxed()
    }
}

impl Arbitrary for TumourSite {
    type Parameters = ();
    type Strategy = BoxedStrategy<TumourSite>;
    fn arbitrary_with((): ()) -> Self::Strategy {
        proptest::sample::select(TumourSite::ALL.to_vec()).boxed()
    }
}

/// Whole pounds up to `max_pounds`, or pounds and pence up to the same.
pub fn money(max_pounds: i64) -> impl Strategy<Value = Money> {
    let max_pounds = max_pounds.max(0);
    prop_oneof![
        (0..=max_pounds).prop_map(Money::from_pounds),
        (0..=max_pounds.saturating_mul(100)).prop_map(Money::from_pence),
    ]
}

/// A financial year starting in one of `start_years`.
pub fn financial_year(start_years: RangeInclusive<i32>) -> impl Strategy<Value = FinancialYear> {
    start_years.prop_filter_map("a supported year", |y| FinancialYear::starting(y).ok())
}

/// A month of `year`.
pub fn month_in(year: FinancialYear) -> impl Strategy<Value = YearMonth> {
    proptest::sample::select(year.months().collect::<Vec<_>>())
}

/// The size and period of generated budgets and plans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetParams {
    /// How many areas (the shares always add to 100%).
    pub areas: RangeInclusive<usize>,
    /// How many lines in each area.
    pub lines_per_area: RangeInclusive<usize>,
    /// The total, in hundreds of pounds.
    pub total_hundreds: RangeInclusive<i64>,
    /// The plan's financial year.
    pub financial_year: FinancialYear,
}

impl Default for BudgetParams {
    /// 1 to 5 areas of 1 to 8 lines, £100 to £20m, 2024/25.
    fn default() -> BudgetParams {
        BudgetParams {
            areas: 1..=5,
            lines_per_area: 1..=8,
            total_hundreds: 1..=200_000,
            financial_year: year(2024),
        }
    }
}

// Years and ids below are written as valid literals.
#[allow(clippy::expect_used)]
fn year(start: i32) -> FinancialYear {
    FinancialYear::starting(start).expect("a supported year")
}

/// A kind of discrepancy [`discrepant_budget`] plants in one area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Discrepancy {
    /// One area's budget is above its guide spend (and so above the
    /// total): a `BudgetVsGuideSpend` real gap.
    BudgetOverGuideSpend,
    /// One area's lines add up to less than its budget: a `LinesVsBudget`
    /// real gap.
    LinesShortOfBudget,
}

/// The ICBs of generated alliances.
const ICBS: [&str; 2] = ["icb-a", "icb-b"];

#[allow(clippy::expect_used)]
fn id(text: &str) -> Id {
    Id::new(text).expect("ids written from the id alphabet")
}

/// The alliance of generated plans: two ICBs, `icb-a` and `icb-b`.
pub fn alliance() -> Alliance {
    ICBS.iter()
        .fold(Alliance::new("Generated Cancer Alliance"), |a, i| {
            a.with_icb(Icb::new(id(i), format!("NHS {i}")))
        })
}

/// A line's term: one-off, final year, recurrent, year `y` of `n` (up to
/// 5) or a fixed term of 1 to 48 months.
pub fn term() -> impl Strategy<Value = Term> {
    prop_oneof![
        Just(Term::OneOff),
        Just(Term::FinalYear),
        Just(Term::Recurrent),
        (1u8..=5)
            .prop_flat_map(|of| (1..=of, Just(of)))
            .prop_map(|(year, of)| Term::YearOf { year, of }),
        (1u16..=48).prop_map(|months| Term::FixedTermMonths { months }),
    ]
}

/// Any of the four funding sources of an alliance's budget lines.
pub fn funding_source() -> impl Strategy<Value = FundingSource> {
    prop_oneof![
        Just(FundingSource::AllianceBudget),
        Just(FundingSource::RapidInvestigationServiceBudget),
        Just(FundingSource::NationalCancerProgramme),
        Just(FundingSource::NhsEngland),
    ]
}

/// A line's scope: the whole alliance, or one ICB of [`alliance`].
pub fn line_scope() -> impl Strategy<Value = LineScope> {
    prop_oneof![
        Just(LineScope::WholeAlliance),
        Just(LineScope::Icb(id(ICBS[0]))),
        Just(LineScope::Icb(id(ICBS[1]))),
    ]
}

/// Any exit risk; a redundancy risk names its hosts (it cannot be built
/// without one).
pub fn exit_risk() -> impl Strategy<Value = ExitRisk> {
    prop_oneof![
        Just(ExitRisk::NoRisk),
        Just(ExitRisk::RedundancyRisk {
            hosts: Hosts::one("WCA").and("UHS")
        }),
        Just(ExitRisk::IcbMustCommissionOrDecommission),
        Just(ExitRisk::ServiceLostIfUnfunded),
        Just(ExitRisk::ExitStrategyRequired),
        Just(ExitRisk::CostMayFallToIcbOrTrust),
        Just(ExitRisk::NotStated),
    ]
}

fn line_dimensions() -> impl Strategy<Value = (usize, FundingSource, LineScope, Term, ExitRisk)> {
    (
        0usize..3,
        funding_source(),
        line_scope(),
        term(),
        exit_risk(),
    )
}

/// Splits `pence` into `n` parts at random cut points.
fn split(pence: i64, n: usize) -> impl Strategy<Value = Vec<i64>> {
    prop::collection::vec(0..=pence, n.saturating_sub(1)).prop_map(move |mut cuts| {
        cuts.push(0);
        cuts.push(pence);
        cuts.sort_unstable();
        cuts.windows(2)
            .filter_map(|w| Some(w.get(1)?.saturating_sub(*w.first()?)))
            .collect()
    })
}

/// Area shares in whole points adding to 100, `areas` of them.
fn shares(areas: RangeInclusive<usize>) -> impl Strategy<Value = Vec<u8>> {
    let (lo, hi) = (areas.start().clamp(&1, &100), areas.end().clamp(&1, &100));
    (*lo..=*hi.max(lo)).prop_flat_map(|n| {
        prop::sample::subsequence((1u8..100).collect::<Vec<_>>(), n.saturating_sub(1)).prop_map(
            |cuts| {
                let mut last = 0u8;
                cuts.into_iter()
                    .chain([100])
                    .map(|c| {
                        let share = c.saturating_sub(last);
                        last = c;
                        share
                    })
                    .collect()
            },
        )
    })
}

/// A budget that reconciles exactly: shares add to 100%, each guide spend
/// is its share of the total exactly, budget = guide spend, the lines add
/// up to the budget, and the budgets to the total.
pub fn reconciling_budget(params: BudgetParams) -> impl Strategy<Value = BudgetAllocation> {
    let lines = params.lines_per_area.clone();
    (shares(params.areas), params.total_hundreds).prop_flat_map(move |(shares, hundreds)| {
        let lines = lines.clone();
        let areas: Vec<_> = shares
            .into_iter()
            .map(|share| {
                let guide = hundreds
                    .saturating_mul(i64::from(share))
                    .saturating_mul(100);
                lines.clone().prop_flat_map(move |n| {
                    let n = n.max(1);
                    (
                        Just(share),
                        Just(guide),
                        split(guide, n),
                        prop::collection::vec(line_dimensions(), n),
                    )
                })
            })
            .collect();
        (Just(hundreds), areas).prop_map(|(hundreds, areas)| build(hundreds, &areas))
    })
}

type AreaParts = (
    u8,
    i64,
    Vec<i64>,
    Vec<(usize, FundingSource, LineScope, Term, ExitRisk)>,
);

fn build(hundreds: i64, areas: &[AreaParts]) -> BudgetAllocation {
    let total = Money::from_pounds(hundreds.saturating_mul(100));
    let mut n = 0usize;
    areas.iter().enumerate().fold(
        BudgetAllocation::new(total),
        |budget, (a, (share, guide_pence, amounts, dims))| {
            let guide = Money::from_pence(*guide_pence);
            let share = Percent::from_points(*share).unwrap_or(Percent::ZERO);
            let mut area =
                AllocationArea::new(id(&format!("area-{a}")), format!("Area {a}"), share)
                    .with_guide_spend(guide)
                    .with_budget(guide);
            for c in 0..3 {
                area = area.with_spend_category(SpendCategory::new(
                    id(&format!("cat-{c}")),
                    format!("Category {c}"),
                ));
            }
            for (pence, (category, funding, scope, term, risk)) in amounts.iter().zip(dims) {
                n = n.saturating_add(1);
                area = area.with_line(
                    BudgetLine::new(
                        id(&format!("line-{n}")),
                        id(&format!("cat-{category}")),
                        Money::from_pence(*pence),
                        *term,
                    )
                    .with_funding_source(funding.clone())
                    .with_scope(scope.clone())
                    .with_exit_strategy("generated", risk.clone()),
                );
            }
            budget.with_area(area)
        },
    )
}

/// A budget like [`reconciling_budget`]'s with one planted discrepancy
/// in its first area, by `£1` to `£1,000`.
pub fn discrepant_budget(
    discrepancy: Discrepancy,
    params: BudgetParams,
) -> impl Strategy<Value = BudgetAllocation> {
    (reconciling_budget(params), 1i64..=1_000)
        .prop_map(move |(budget, pounds)| plant(budget, discrepancy, Money::from_pounds(pounds)))
}

fn plant(budget: BudgetAllocation, discrepancy: Discrepancy, by: Money) -> BudgetAllocation {
    let mut areas = budget.areas().to_vec().into_iter();
    let Some(first) = areas.next() else {
        return budget;
    };
    let first = match discrepancy {
        Discrepancy::BudgetOverGuideSpend => {
            let more = first.budget().and_then(|b| b.checked_add(by));
            match more {
                Some(more) => first.with_budget(more),
                None => first,
            }
        }
        Discrepancy::LinesShortOfBudget => {
            // One more line's worth of budget than the lines hold.
            let more = first.budget().and_then(|b| b.checked_add(by));
            let guide = first.guide_spend().and_then(|g| g.checked_add(by));
            match (more, guide) {
                (Some(more), Some(guide)) => first.with_budget(more).with_guide_spend(guide),
                _ => first,
            }
        }
    };
    std::iter::once(first).chain(areas).fold(
        BudgetAllocation::new(budget.total()),
        BudgetAllocation::with_area,
    )
}

/// A plan of `params.financial_year` for [`alliance`], holding a
/// [`reconciling_budget`].
pub fn plan(params: BudgetParams) -> impl Strategy<Value = CancerPlan> {
    let year = params.financial_year;
    reconciling_budget(params).prop_filter_map("a valid plan", move |budget| {
        CancerPlan::builder()
            .title("Generated plan")
            .alliance(alliance())
            .financial_year(year)
            .budget(budget)
            .build()
            .ok()
    })
}

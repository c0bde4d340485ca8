//! Property tests of the budget: roll-up conservation, exact apportionment,
//! reconciliation of consistent and perturbed plans, JSON round trips,
//! order independence, and building or reading never panicking.
//!
//! Money strategies produce realistic amounts: whole pounds up to £5m or
//! pence up to £5m, as NHS plan lines are, not the full decimal range.

use cancer_plan::budget::{
    apportion, AllocationArea, BudgetAllocation, BudgetLine, Dimension, ExitRisk, FindingKind,
    FundingSource, Hosts, LineScope, SpendCategory, Term, Tolerance,
};
use cancer_plan::strategies;
use cancer_plan::{CancerPlan, Id, Money, MoneyUnit, Percent};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::strategy::ValueTree;
use rust_decimal::Decimal;

const ICBS: [&str; 2] = ["icb-a", "icb-b"];

fn id(s: &str) -> Id {
    Id::new(s).unwrap_or_else(|e| panic!("{e}"))
}

/// A realistic amount: whole pounds, or pounds and pence, up to £5m.
fn money() -> impl Strategy<Value = Money> {
    strategies::money(5_000_000)
}

/// A line's dimensions (its amount is decided by the area).
#[derive(Debug, Clone)]
struct LineSpec {
    category: usize,
    funding: FundingSource,
    scope: LineScope,
    term: Term,
    risk: ExitRisk,
}

fn line_spec() -> impl Strategy<Value = LineSpec> {
    (
        0usize..3,
        strategies::funding_source(),
        strategies::line_scope(),
        strategies::term(),
        strategies::exit_risk(),
    )
        .prop_map(|(category, funding, scope, term, risk)| LineSpec {
            category,
            funding,
            scope,
            term,
            risk,
        })
}

/// A budget as data: total, and per area its share (points), guide,
/// budget and lines (amount, dimensions).
#[derive(Debug, Clone)]
struct Spec {
    total: Money,
    areas: Vec<AreaSpec>,
}

#[derive(Debug, Clone)]
struct AreaSpec {
    share: u8,
    guide: Money,
    budget: Money,
    lines: Vec<(Money, LineSpec)>,
}

impl Spec {
    fn budget(&self) -> BudgetAllocation {
        let mut n = 0;
        self.areas
            .iter()
            .enumerate()
            .fold(BudgetAllocation::new(self.total), |b, (a, spec)| {
                let share = Percent::from_points(spec.share).unwrap_or(Percent::ZERO);
                let mut area = AllocationArea::new(id(&format!("area-{a}")), "Area", share)
                    .with_guide_spend(spec.guide)
                    .with_budget(spec.budget);
                for c in 0..3 {
                    area = area.with_spend_category(SpendCategory::new(
                        id(&format!("cat-{c}")),
                        format!("Category {c}"),
                    ));
                }
                for (amount, l) in &spec.lines {
                    n += 1;
                    area = area.with_line(
                        BudgetLine::new(
                            id(&format!("line-{n}")),
                            id(&format!("cat-{}", l.category)),
                            *amount,
                            l.term,
                        )
                        .with_funding_source(l.funding.clone())
                        .with_scope(l.scope.clone())
                        .with_exit_strategy("text", l.risk.clone()),
                    );
                }
                b.with_area(area)
            })
    }

    fn plan(&self) -> Result<CancerPlan, cancer_plan::ValidationErrors> {
        CancerPlan::builder()
            .title("Generated plan")
            .alliance(strategies::alliance())
            .financial_year("2024/25".parse().unwrap_or_else(|e| panic!("{e}")))
            .budget(self.budget())
            .build()
    }
}

/// Splits `amount` (in pence) into `n` parts at random cut points.
fn split(amount: Money, n: usize) -> impl Strategy<Value = Vec<Money>> {
    let pence = amount.to_pence().unwrap_or(0);
    prop::collection::vec(0..=pence, n.saturating_sub(1)).prop_map(move |mut cuts| {
        cuts.push(0);
        cuts.push(pence);
        cuts.sort_unstable();
        cuts.windows(2)
            .map(|w| Money::from_pence(w[1] - w[0]))
            .collect()
    })
}

/// A consistent budget: shares add to 100%, guide = share × total exactly,
/// budget = guide, lines add to the budget, budgets add to the total.
fn consistent() -> impl Strategy<Value = Spec> {
    let shares = prop::collection::btree_set(1u8..100, 0..5).prop_map(|cuts| {
        let mut points: Vec<u8> = Vec::new();
        let mut last = 0;
        for c in cuts.into_iter().chain([100]) {
            points.push(c - last);
            last = c;
        }
        points
    });
    (shares, 1i64..=200_000).prop_flat_map(|(shares, hundreds)| {
        let total = Money::from_pounds(hundreds * 100);
        let areas: Vec<_> = shares
            .into_iter()
            .map(|share| {
                let guide = Money::from_pounds(hundreds * i64::from(share));
                (1usize..=8).prop_flat_map(move |n| {
                    (split(guide, n), prop::collection::vec(line_spec(), n)).prop_map(
                        move |(amounts, specs)| AreaSpec {
                            share,
                            guide,
                            budget: guide,
                            lines: amounts.into_iter().zip(specs).collect(),
                        },
                    )
                })
            })
            .collect();
        areas.prop_map(move |areas| Spec { total, areas })
    })
}

/// Any budget whose amounts are realistic but need not agree.
fn loose() -> impl Strategy<Value = Spec> {
    let area = (
        0u8..=25,
        money(),
        money(),
        prop::collection::vec((money(), line_spec()), 0..12),
    )
        .prop_map(|(share, guide, budget, lines)| AreaSpec {
            share,
            guide,
            budget,
            lines,
        });
    (money(), prop::collection::vec(area, 0..5)).prop_map(|(total, areas)| Spec { total, areas })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn roll_ups_conserve_the_total_in_every_dimension(spec in loose()) {
        let plan = spec.plan().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let budget = plan.budget().ok_or_else(|| TestCaseError::fail("no budget"))?;
        let total = budget.lines_total().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let count = budget.lines().count();
        for dimension in Dimension::all(plan.financial_year()) {
            let r = budget.roll_up(dimension)
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            let sum = Money::checked_sum(r.groups().iter().map(|g| g.total()))
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(sum, total, "{}", dimension);
            prop_assert_eq!(r.total(), total);
            prop_assert_eq!(r.groups().iter().map(|g| g.lines()).sum::<usize>(), count);
            prop_assert_eq!(r.lines(), count);
        }
    }

    #[test]
    fn apportionment_is_exact_and_meets_quota(
        units in 0i64..=2_000_000_000,
        weights in prop::collection::vec((0i64..=1_000_000, 0u32..=4), 1..20),
        pence in any::<bool>(),
    ) {
        let unit = if pence { MoneyUnit::Penny } else { MoneyUnit::Pound };
        let total = if pence { Money::from_pence(units) } else { Money::from_pounds(units) };
        let weights: Vec<Decimal> = weights.iter().map(|(m, s)| Decimal::new(*m, *s)).collect();
        let sum_w: Decimal = weights.iter().sum();
        let result = apportion(total, &weights, unit);
        if sum_w.is_zero() {
            prop_assert!(result.is_err());
            return Ok(());
        }
        let parts = result.map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(parts.len(), weights.len());
        prop_assert_eq!(Money::checked_sum(parts.iter().copied()).ok(), Some(total));
        let scale = Decimal::from(if pence { 100 } else { 1 });
        let t = Decimal::from(units);
        for (part, w) in parts.iter().zip(&weights) {
            // floor(q) <= part <= ceil(q), q = t × w / Σw, checked without division:
            // |part × Σw − t × w| < Σw.
            let p = part.to_decimal() * scale;
            prop_assert_eq!(p.fract(), Decimal::ZERO);
            let gap = (p * sum_w - t * w).abs();
            prop_assert!(gap < sum_w, "part {} of weight {} is not floor or ceiling of its quota", p, w);
            if w.is_zero() {
                prop_assert!(part.is_zero());
            }
        }
    }

    #[test]
    fn apportionment_refuses_negative_weights(
        weights in prop::collection::vec(-1_000i64..=1_000, 1..10),
    ) {
        let weights: Vec<Decimal> = weights.into_iter().map(Decimal::from).collect();
        let result = apportion(Money::from_pounds(1_000), &weights, MoneyUnit::Pound);
        match weights.iter().position(|w| w.is_sign_negative() && !w.is_zero()) {
            Some(index) => prop_assert!(
                matches!(
                    result,
                    Err(cancer_plan::budget::ApportionError::NegativeWeight { index: i, .. }) if i == index
                ),
                "{:?}",
                result
            ),
            None => prop_assert!(result.is_ok() || weights.iter().all(|w| w.is_zero())),
        }
    }

    #[test]
    fn one_perturbed_line_gives_one_finding_naming_its_area(
        spec in consistent(),
        area in any::<Index>(),
        line in any::<Index>(),
        delta in prop_oneof![-100_000i64..=-1, 1i64..=100_000],
    ) {
        let mut spec = spec;
        let a = area.index(spec.areas.len());
        let lines = &mut spec.areas[a].lines;
        let l = line.index(lines.len());
        let pence = lines[l].0.to_pence().unwrap_or(0);
        let changed = if pence + delta < 0 { pence - delta } else { pence + delta };
        lines[l].0 = Money::from_pence(changed);
        let plan = spec.plan().map_err(|e| TestCaseError::fail(e.to_string()))?;
        for tolerance in [Tolerance::Exact, Tolerance::PRINTED_TABLES] {
            let rec = plan.budget().expect("the plan has a budget").reconcile(tolerance);
            prop_assert_eq!(rec.findings().len(), 1, "{:?}", rec.findings());
            let f = &rec.findings()[0];
            prop_assert_eq!(f.kind(), FindingKind::LinesVsBudget);
            let expected_area = id(&format!("area-{a}"));
            prop_assert_eq!(f.area(), Some(&expected_area));
            prop_assert_eq!(f.money_difference(), Some(Money::from_pence(changed - pence)));
        }
    }

    #[test]
    fn json_round_trip_is_identity(spec in loose()) {
        let plan = spec.plan().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let json = cancer_plan::json::to_string_pretty(&plan)
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let back = cancer_plan::json::from_str(&json)
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(back, plan);
    }

    #[test]
    fn shuffling_lines_changes_no_roll_up(spec in loose(), seed in any::<u64>()) {
        let plan = spec.plan().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let mut shuffled = spec.clone();
        let mut state = seed | 1;
        for area in &mut shuffled.areas {
            // Fisher-Yates with a xorshift generator.
            for i in (1..area.lines.len()).rev() {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                let j = (state % (i as u64 + 1)) as usize;
                area.lines.swap(i, j);
            }
        }
        let other = shuffled.plan().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let (a, b) = (plan.budget(), other.budget());
        let (a, b) = (a.ok_or_else(|| TestCaseError::fail("no budget"))?, b.ok_or_else(|| TestCaseError::fail("no budget"))?);
        for dimension in Dimension::all(plan.financial_year()) {
            let ra = a.roll_up(dimension).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let rb = b.roll_up(dimension).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let groups = |r: &cancer_plan::budget::RollUp| -> Vec<_> {
                r.groups().iter().map(|g| (g.key().clone(), g.lines(), g.total())).collect()
            };
            prop_assert_eq!(groups(&ra), groups(&rb), "{}", dimension);
        }
    }

    #[test]
    fn building_never_panics(budget in arbitrary_budget()) {
        if let Ok(plan) = build(budget) {
            let _ = plan.budget().map(|b| b.reconcile(Tolerance::PRINTED_TABLES));
            if let Some(b) = plan.budget() {
                for d in Dimension::all(plan.financial_year()) {
                    prop_assert!(b.roll_up(d).is_ok());
                }
                prop_assert!(b.variance().is_ok());
            }
        }
    }

    #[test]
    fn reading_mutated_json_never_panics(
        spec in loose(),
        at in any::<Index>(),
        replacement in 0usize..REPLACEMENTS.len(),
    ) {
        let builder = CancerPlan::builder()
            .title("Generated plan")
            .alliance(strategies::alliance())
            .financial_year("2024/25".parse().unwrap_or_else(|e| panic!("{e}")))
            .budget(spec.budget());
        let mut value = serde_json::to_value(&builder).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let mut pointers = Vec::new();
        collect_pointers(&value, String::new(), &mut pointers);
        let pointer = at.get(&pointers).clone();
        if let Some(slot) = value.pointer_mut(&pointer) {
            *slot = serde_json::from_str(REPLACEMENTS[replacement]).unwrap_or_default();
        }
        let text = value.to_string();
        // Whatever the mutation, reading gives a plan or an error, never a
        // panic; and a plan that reads writes back to the same plan.
        if let Ok(plan) = cancer_plan::json::from_str(&text) {
            let again = cancer_plan::json::to_string_pretty(&plan).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(cancer_plan::json::from_str(&again).ok(), Some(plan));
        }
    }

    #[test]
    fn reading_arbitrary_text_never_panics(text in ".{0,200}") {
        let _ = cancer_plan::json::from_str(&text);
    }
}

/// JSON values put in place of one value of a valid plan.
const REPLACEMENTS: [&str; 10] = [
    "null",
    "true",
    "-1",
    "1.5",
    "1e400",
    "\"\"",
    "\"-0.001\"",
    "[]",
    "{}",
    "\"x\"",
];

/// The JSON pointer of every value in `value` (the root excluded).
fn collect_pointers(value: &serde_json::Value, at: String, out: &mut Vec<String>) {
    let children: Vec<(String, &serde_json::Value)> = match value {
        serde_json::Value::Object(map) => {
            map.iter().map(|(k, v)| (format!("{at}/{k}"), v)).collect()
        }
        serde_json::Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, v)| (format!("{at}/{i}"), v))
            .collect(),
        _ => Vec::new(),
    };
    for (pointer, child) in children {
        out.push(pointer.clone());
        collect_pointers(child, pointer, out);
    }
}

/// An amount that is usually realistic and sometimes at or past an edge:
/// zero, the £10^15 cap, just over it, negative, sub-penny.
fn edge_amount() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        6 => (0i64..=500_000_000).prop_map(|p| Decimal::new(p, 2)),
        1 => Just(Decimal::ZERO),
        1 => Just(Decimal::from(1_000_000_000_000_000i64)),
        1 => Just(Decimal::from(1_000_000_000_000_001i64)),
        1 => (-1_000i64..0).prop_map(Decimal::from),
        1 => (1i64..1_000).prop_map(|p| Decimal::new(p, 3)),
    ]
}

/// Any budget, valid or not in every way the builder checks: amounts at and
/// past their edges, shares summing past 100%, repeated line ids, unknown
/// spend categories and ICBs, impossible terms, redundancy risks with no
/// host. About a quarter of them build (`arbitrary_budgets_both_build_and_fail`).
fn arbitrary_budget() -> impl Strategy<Value = BudgetAllocation> {
    let line = (
        0usize..60,
        0usize..4,
        edge_amount(),
        (0usize..4, 0u8..=4, 0u8..=4, 0u16..=3),
        0usize..12,
        0usize..12,
    );
    let area = (
        0usize..5,
        prop_oneof![9 => 0u8..=25, 1 => any::<u8>()],
        prop::option::of(edge_amount()),
        prop::collection::vec(line, 0..6),
    );
    (edge_amount(), prop::collection::vec(area, 0..4)).prop_map(|(total, areas)| {
        // Sub-penny amounts cannot be made: they become zero, like any
        // value `Money::new` refuses.
        let money = |d: Decimal| Money::new(d).unwrap_or(Money::ZERO);
        let categories = ["a", "b", "c", "d"];
        areas.into_iter().fold(
            BudgetAllocation::new(money(total)),
            |budget, (a, share, amount, lines)| {
                let share = Percent::new(Decimal::from(share)).unwrap_or(Percent::HUNDRED);
                let mut area = ["a", "b", "c"].iter().fold(
                    AllocationArea::new(id(&format!("area-{a}")), "Area", share),
                    |area, c| area.with_spend_category(SpendCategory::new(id(c), "Category")),
                );
                if let Some(m) = amount {
                    area = area.with_budget(money(m)).with_guide_spend(money(m));
                }
                for (l, c, amount, (t, year, of, months), scope, risk) in lines {
                    let term = match t {
                        0 => Term::YearOf { year, of },
                        1 => Term::FixedTermMonths { months },
                        2 => Term::Recurrent,
                        _ => Term::OneOff,
                    };
                    let scope = match scope {
                        0 => LineScope::Icb(id("nowhere")),
                        1 => LineScope::Icb(id(ICBS[0])),
                        _ => LineScope::WholeAlliance,
                    };
                    let risk = match risk {
                        0 => ExitRisk::RedundancyRisk {
                            hosts: Hosts::one(" "),
                        },
                        1 => ExitRisk::RedundancyRisk {
                            hosts: Hosts::one("UHS"),
                        },
                        _ => ExitRisk::NoRisk,
                    };
                    area = area.with_line(
                        BudgetLine::new(
                            id(&format!("l{l}")),
                            id(categories[c]),
                            money(amount),
                            term,
                        )
                        .with_scope(scope)
                        .with_exit_strategy("", risk),
                    );
                }
                budget.with_area(area)
            },
        )
    })
}

fn build(budget: BudgetAllocation) -> Result<CancerPlan, cancer_plan::ValidationErrors> {
    CancerPlan::builder()
        .title("t")
        .alliance(strategies::alliance())
        .financial_year("2024/25".parse().unwrap_or_else(|e| panic!("{e}")))
        .budget(budget)
        .build()
}

/// `building_never_panics` is only worth its name if both outcomes occur:
/// the checks after a successful build must run too.
#[test]
fn arbitrary_budgets_both_build_and_fail() {
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = arbitrary_budget();
    let samples = 400;
    let built = (0..samples)
        .filter(|_| {
            let budget = strategy
                .new_tree(&mut runner)
                .unwrap_or_else(|e| panic!("{e}"))
                .current();
            build(budget).is_ok()
        })
        .count();
    eprintln!("{built} of {samples} arbitrary budgets built");
    assert!(
        (samples / 5..=samples * 4 / 5).contains(&built),
        "{built} of {samples} arbitrary budgets built"
    );
}

/// The exported strategies (feature `proptest`): a reconciling budget has no
/// finding, a discrepant one the real gap it was built with, and both build
/// into plans that roll up to their lines.
#[cfg(feature = "proptest")]
mod exported_strategies {
    use cancer_plan::budget::{FindingKind, Tolerance};
    use cancer_plan::strategies::{
        discrepant_budget, plan, reconciling_budget, BudgetParams, Discrepancy,
    };
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn a_reconciling_budget_has_no_finding(budget in reconciling_budget(BudgetParams::default())) {
            let rec = budget.reconcile(Tolerance::Exact);
            prop_assert!(rec.findings().is_empty(), "{:?}", rec.findings());
            prop_assert!(budget.validate(None).is_ok());
        }

        #[test]
        fn a_discrepant_budget_has_its_real_gap(
            budget in discrepant_budget(Discrepancy::BudgetOverGuideSpend, BudgetParams::default()),
            short in discrepant_budget(Discrepancy::LinesShortOfBudget, BudgetParams::default()),
        ) {
            let has = |b: &cancer_plan::budget::BudgetAllocation, kind| {
                b.reconcile(Tolerance::Exact).findings().iter().any(|f| f.kind() == kind && f.status() == cancer_plan::budget::FindingStatus::RealGap)
            };
            prop_assert!(has(&budget, FindingKind::BudgetVsGuideSpend));
            prop_assert!(has(&short, FindingKind::LinesVsBudget));
        }

        #[test]
        fn a_generated_plan_builds_in_its_year(
            plan in plan(BudgetParams { areas: 1..=3, lines_per_area: 1..=3, ..BudgetParams::default() }),
        ) {
            prop_assert_eq!(plan.financial_year().to_string(), "2024/25");
            prop_assert!(plan.budget().is_some_and(|b| b.lines().count() >= 1));
        }
    }
}

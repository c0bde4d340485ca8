//! Build + reconcile + roll up plans of 1,000, 100,000 and 1,000,000 budget
//! lines, against the floor: a plain loop summing the same amounts as
//! `Decimal`, in the same group. `reconcile_rollup` times the reconcile and
//! the roll-up alone, on a plan built beforehand.
//!
//! ```text
//! cargo bench --bench budget
//! ```

#![allow(missing_docs)]

use std::hint::black_box;
use std::time::Duration;

use cancer_plan::budget::{
    AllocationArea, BudgetAllocation, BudgetLine, Dimension, SpendCategory, Term, Tolerance,
};
use cancer_plan::{Alliance, CancerPlan, CancerPlanBuilder, Icb, Id, Money, Percent};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, SamplingMode, Throughput};
use rust_decimal::Decimal;

const AREAS: usize = 4;

/// A valid plan builder with `n` lines spread over four areas, amounts in
/// pence from a fixed pseudo-random sequence; and the same amounts as
/// plain decimals.
fn plan_of(n: usize) -> Result<(CancerPlanBuilder, Vec<Decimal>), Box<dyn std::error::Error>> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut amounts = Vec::with_capacity(n);
    let mut areas: Vec<AllocationArea> = (0..AREAS)
        .map(|a| -> Result<AllocationArea, Box<dyn std::error::Error>> {
            Ok(AllocationArea::new(
                Id::new(format!("area-{a}"))?,
                format!("Area {a}"),
                Percent::from_points(25)?,
            )
            .with_spend_category(SpendCategory::new(Id::new("cat")?, "Category")))
        })
        .collect::<Result<_, _>>()?;
    let cat = Id::new("cat")?;
    let mut per_area: Vec<Vec<BudgetLine>> = (0..AREAS)
        .map(|_| Vec::with_capacity(n / AREAS + 1))
        .collect();
    for i in 0..n {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let pence = (state % 50_000_000) as i64;
        let amount = Money::from_pence(pence);
        amounts.push(amount.to_decimal());
        per_area[i % AREAS].push(BudgetLine::new(
            Id::new(format!("l{i}"))?,
            cat.clone(),
            amount,
            Term::OneOff,
        ));
    }
    let mut total = Money::ZERO;
    for (area, lines) in areas.iter_mut().zip(per_area) {
        let sum = Money::checked_sum(lines.iter().map(BudgetLine::amount))?;
        total = total.checked_add(sum).ok_or("overflow")?;
        *area = area.clone().with_budget(sum).with_lines(lines);
    }
    let budget = areas
        .into_iter()
        .fold(BudgetAllocation::new(total), BudgetAllocation::with_area);
    let builder = CancerPlan::builder()
        .title("Bench plan")
        .alliance(Alliance::new("Bench").with_icb(Icb::new(Id::new("icb")?, "ICB")))
        .financial_year("2024/25".parse()?)
        .budget(budget);
    Ok((builder, amounts))
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("budget");
    for n in [1_000usize, 100_000, 1_000_000] {
        let Ok((builder, amounts)) = plan_of(n) else {
            eprintln!("could not generate a plan of {n} lines");
            continue;
        };
        group.throughput(Throughput::Elements(n as u64));
        group.sample_size(10);
        if n >= 100_000 {
            group.sampling_mode(SamplingMode::Flat);
            group.warm_up_time(Duration::from_secs(1));
            group.measurement_time(Duration::from_secs(if n >= 1_000_000 { 8 } else { 3 }));
        } else {
            group.warm_up_time(Duration::from_millis(500));
            group.measurement_time(Duration::from_secs(2));
        }
        group.bench_function(format!("plain_decimal_sum/{n}"), |b| {
            b.iter(|| {
                let mut sum = Decimal::ZERO;
                for a in black_box(&amounts) {
                    sum += *a;
                }
                sum
            })
        });
        group.bench_function(format!("build_reconcile_rollup/{n}"), |b| {
            b.iter_batched(
                || builder.clone(),
                |builder| {
                    let plan = builder.build().ok()?;
                    let rec = plan
                        .budget()
                        .expect("the plan has a budget")
                        .reconcile(Tolerance::PRINTED_TABLES);
                    let rollup = plan.budget()?.roll_up(Dimension::Area).ok()?;
                    let rollup_total = rollup.total();
                    // The plan is returned so that dropping it is not timed.
                    Some((rec.findings().len(), rollup_total, plan))
                },
                BatchSize::LargeInput,
            )
        });
        // The same reconcile + roll-up on a plan built beforehand: the part of
        // the cost that is summing, without the build's uniqueness checks.
        let Ok(plan) = builder.clone().build() else {
            eprintln!("the generated plan of {n} lines does not validate");
            continue;
        };
        group.bench_function(format!("reconcile_rollup/{n}"), |b| {
            b.iter(|| {
                let rec = black_box(&plan)
                    .budget()
                    .expect("the plan has a budget")
                    .reconcile(Tolerance::PRINTED_TABLES);
                let rollup = plan.budget().and_then(|b| b.roll_up(Dimension::Area).ok());
                (rec.findings().len(), rollup.map(|r| r.total()))
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

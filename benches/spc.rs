//! An SPC chart (limits with screening, the four special-cause rules,
//! variation, assurance) of 120 points (ten years of months) and 10,000
//! points, against the floor: a plain loop computing the mean, the mean
//! moving range, the process limits and the outside-limits flags only.
//!
//! ```text
//! cargo bench --bench spc
//! ```

#![allow(missing_docs)]

use std::hint::black_box;
use std::time::Duration;

use cancer_plan::spc::{ImprovementDirection, Series, SpcChart, SpcOptions};
use cancer_plan::YearMonth;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

/// `n` monthly values around 75% with a slow drift, from a fixed
/// pseudo-random sequence.
fn values(n: usize) -> Vec<f64> {
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    (0..n)
        .map(|i| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let noise = (state % 1_000) as f64 / 100.0 - 5.0;
            75.0 + noise + (i % 97) as f64 / 20.0
        })
        .collect()
}

/// The floor: mean, mean moving range, limits, and outside-limit flags.
fn floor(values: &[f64]) -> usize {
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let amr = values.windows(2).map(|w| (w[1] - w[0]).abs()).sum::<f64>() / (n - 1.0);
    let (lower, upper) = (mean - 2.66 * amr, mean + 2.66 * amr);
    values.iter().filter(|v| **v < lower || **v > upper).count()
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("spc");
    group.sample_size(20);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(2));
    let start = YearMonth::new(1990, 1).unwrap_or(YearMonth::MIN);
    for n in [120usize, 10_000] {
        let values = values(n);
        let series = Series::new((0..n).map(|i| (start.plus_months(i as i32).unwrap(), values[i])))
            .unwrap_or_else(|e| panic!("series: {e}"));
        let options = SpcOptions::new(ImprovementDirection::Increase).target(80.0);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_function(format!("floor_limits_and_outside/{n}"), |b| {
            b.iter(|| floor(black_box(&values)))
        });
        group.bench_function(format!("spc_chart/{n}"), |b| {
            b.iter(|| SpcChart::new(black_box(&series), &options).map(|c| c.assurance()))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

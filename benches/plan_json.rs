//! Reading a plan: the one validation channel (`json::from_str`: parse to a
//! JSON value, walk it against the format, then build) against plain serde
//! (`serde_json::from_str::<CancerPlan>`, which stops at the first misfit),
//! on the Wessex 2024/25 plan (945 lines).
//!
//! ```text
//! cargo bench --bench plan_json
//! ```

#![allow(missing_docs)] // criterion_group! generates undocumented items

use criterion::{criterion_group, criterion_main, Criterion};

const WESSEX: &str = include_str!("../examples/data/wessex-2024-25.json");

fn read(c: &mut Criterion) {
    let mut group = c.benchmark_group("read the Wessex plan");
    group.bench_function("json::from_str (every misfit reported)", |b| {
        b.iter(|| cancer_plan::json::from_str(std::hint::black_box(WESSEX)))
    });
    group.bench_function(
        "serde_json::from_str::<CancerPlan> (first misfit only)",
        |b| {
            b.iter(|| serde_json::from_str::<cancer_plan::CancerPlan>(std::hint::black_box(WESSEX)))
        },
    );
    group.finish();
}

criterion_group!(benches, read);
criterion_main!(benches);

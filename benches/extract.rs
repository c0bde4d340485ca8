//! Reading and tabulating NHS England CWT extracts: `read_extract` +
//! `by_organisation` over a national-size provider extract (every row
//! validated: counts, halves, period against YEAR/MONTH, ODS codes,
//! duplicates), and `read_any_extract` + `by_location` over the sub-ICB
//! sample at the same scale, against a floor: a `csv` `ByteRecord` loop
//! over the same bytes that only counts fields.
//!
//! ```text
//! cargo bench --features cwt-extract --bench extract
//! ```
//!
//! Data: the Wessex samples in `../shared/data/cwt/` (or the folder named by
//! `CANCER_PLAN_SHARED_DATA`), read at run time, repeated under 17 sets of
//! organisation codes (`examples/common/national.rs`): 61,251 provider rows
//! (6.3 MB, about a national file for seven months) and 3,468 sub-ICB rows.
//! Generated once in memory, outside the measurement. Without the shared
//! data the bench prints a note and measures nothing. polars on the same
//! file: `benches/polars/extract.py` (see BENCHMARKS.md).

// `criterion_group!` generates an undocumented function.
#![allow(missing_docs)]

use std::hint::black_box;
use std::time::Duration;

use cancer_plan::cwt::extract::{read_any_extract, read_extract, AnyExtract};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

#[path = "../examples/common/national.rs"]
mod national;

/// A shared NHS data file's text (never copied into the crate), or `None`
/// with a note when it is not at hand.
fn shared_text(relative: &str) -> Option<String> {
    let root = std::env::var_os("CANCER_PLAN_SHARED_DATA").map_or_else(
        || std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data"),
        std::path::PathBuf::from,
    );
    let path = root.join(relative);
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(e) => {
            eprintln!(
                "note: extract bench skipped: {} not readable ({e}); set CANCER_PLAN_SHARED_DATA to the shared data folder",
                path.display()
            );
            None
        }
    }
}

/// The floor: the same CSV reader configuration, every record read as
/// bytes, nothing parsed: the fields are only counted.
fn floor(bytes: &[u8]) -> usize {
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(true)
        .terminator(csv::Terminator::Any(b'\n'))
        .buffer_capacity(1 << 16)
        .from_reader(bytes);
    let mut record = csv::ByteRecord::new();
    let mut fields = 0;
    while csv.read_byte_record(&mut record).unwrap_or(false) {
        fields += record.len();
    }
    fields
}

fn extract(c: &mut Criterion) {
    let (Some(provider), Some(sub_icb)) = (
        shared_text("cwt/cwt-provider-extract-2023-04-to-10-wessex.csv"),
        shared_text("cwt/cwt-icb-sublocation-2023-04-to-10-wessex.csv"),
    ) else {
        return;
    };
    let provider = national::replicate(&provider, 17, 1, 7).into_bytes();
    let sub_icb = national::replicate(&sub_icb, 17, 1, 7).into_bytes();
    let mut group = c.benchmark_group("cwt_extract_provider_61k");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4))
        .throughput(Throughput::Bytes(provider.len() as u64));
    group.bench_function("floor_csv_byte_records", |b| {
        b.iter(|| floor(black_box(&provider)))
    });
    group.bench_function("read_extract", |b| {
        b.iter(|| read_extract(black_box(provider.as_slice())).map(|e| e.rows().len()))
    });
    group.bench_function("read_extract_by_organisation", |b| {
        b.iter(|| {
            let e = read_extract(black_box(provider.as_slice())).ok()?;
            e.by_organisation().ok().map(|t| t.iter().count())
        })
    });
    group.finish();

    let mut group = c.benchmark_group("cwt_extract_sub_icb_3k");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(2))
        .throughput(Throughput::Bytes(sub_icb.len() as u64));
    group.bench_function("floor_csv_byte_records", |b| {
        b.iter(|| floor(black_box(&sub_icb)))
    });
    group.bench_function("read_any_extract_by_location", |b| {
        b.iter(|| match read_any_extract(black_box(sub_icb.as_slice())) {
            Ok(AnyExtract::SubIcb(e)) => e.by_location().ok().map(|t| t.iter().count()),
            _ => None,
        })
    });
    group.finish();
}

criterion_group!(benches, extract);
criterion_main!(benches);

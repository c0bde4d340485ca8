//! The pathway file readers against their floors, on the same bytes in
//! memory (1M synthetic pathways, the layout of `tools/src/bin/cwt_pathways_generate.rs`):
//!
//! - CSV: `read_pathways_csv` against a `csv` crate `ByteRecord` loop that
//!   only visits every field (no parsing, no counting): the floor.
//! - Parquet: `read_pathways_parquet` against decoding the same columns to
//!   Arrow record batches alone: the floor.
//!
//! ```text
//! cargo bench --bench cwt_pathways --features pathway-csv,pathway-parquet
//! ```

// `criterion_group!` generates an undocumented function.
#![allow(missing_docs)]

use std::hint::black_box;
use std::io::Write;
use std::sync::Arc;
use std::time::Duration;

use arrow_array::builder::{Date32Builder, StringDictionaryBuilder, UInt16Builder};
use arrow_array::types::Int32Type;
use arrow_array::{ArrayRef, RecordBatch};
use bytes::Bytes;
use cancer_plan::cwt::pathway::{read_pathways_csv, read_pathways_parquet, ColumnMapping, Route};
use cancer_plan::TumourSite;
use chrono::{Datelike, NaiveDate};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

const N: usize = 1_000_000;

struct XorShift(u64);

impl XorShift {
    fn below(&mut self, n: u64) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x % n
    }
}

/// (provider, route, site, [referral, told, dtt, treatment] as days from
/// 1970, dna, delay).
type Row = (usize, usize, usize, [Option<i32>; 4], u16, u16);

fn rows() -> Vec<Row> {
    let mut r = XorShift(0x9E37_79B9_7F4A_7C15);
    let first = 19_814; // 2024-04-01
    (0..N)
        .map(|_| {
            let route = r.below(5) as usize;
            let referral = first + r.below(365) as i32;
            let told = (r.below(10) < 9).then(|| referral + 3 + r.below(60) as i32);
            let dtt = (r.below(10) < 3).then(|| referral + 10 + r.below(40) as i32);
            let treated = dtt.map(|d| d + 5 + r.below(50) as i32);
            let dna = if r.below(50) == 0 { 3 } else { 0 };
            let provider = r.below(150) as usize;
            let site = r.below(15) as usize;
            (
                provider,
                route,
                site,
                [Some(referral), told, dtt, treated],
                dna,
                0,
            )
        })
        .collect()
}

fn iso(day: Option<i32>) -> String {
    day.and_then(|d| NaiveDate::from_num_days_from_ce_opt(d + 719_163))
        .map(|d| format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()))
        .unwrap_or_default()
}

fn provider(i: usize) -> String {
    format!("R{:02}", i)
}

fn csv_bytes(rows: &[Row]) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(b"provider,icb,route,tumour_site,referral_received,told_outcome,decision_to_treat,first_treatment,dna_adjustment_days,treatment_delay_days\n");
    for (p, route, site, dates, dna, delay) in rows {
        let [a, b, c, d] = dates.map(iso);
        writeln!(
            out,
            "{},Q{:02},{},{},{a},{b},{c},{d},{dna},{delay}",
            provider(*p),
            p % 42,
            Route::ALL[*route].code(),
            TumourSite::ALL[*site].code()
        )
        .unwrap();
    }
    out
}

fn batch_of(chunk: &[Row]) -> RecordBatch {
    let dict = StringDictionaryBuilder::<Int32Type>::new;
    let (mut p, mut i, mut r, mut s) = (dict(), dict(), dict(), dict());
    let mut d: Vec<Date32Builder> = (0..4).map(|_| Date32Builder::new()).collect();
    let (mut dna, mut delay) = (UInt16Builder::new(), UInt16Builder::new());
    for (pv, route, site, dates, a, b) in chunk {
        p.append_value(provider(*pv));
        i.append_value(format!("Q{:02}", pv % 42));
        r.append_value(Route::ALL[*route].code());
        s.append_value(TumourSite::ALL[*site].code());
        for (builder, v) in d.iter_mut().zip(dates) {
            builder.append_option(*v);
        }
        dna.append_value(*a);
        delay.append_value(*b);
    }
    let mut d = d.into_iter().map(|mut b| Arc::new(b.finish()) as ArrayRef);
    RecordBatch::try_from_iter_with_nullable([
        ("provider", Arc::new(p.finish()) as ArrayRef, false),
        ("icb", Arc::new(i.finish()) as ArrayRef, true),
        ("route", Arc::new(r.finish()) as ArrayRef, false),
        ("tumour_site", Arc::new(s.finish()) as ArrayRef, false),
        ("referral_received", d.next().unwrap(), true),
        ("told_outcome", d.next().unwrap(), true),
        ("decision_to_treat", d.next().unwrap(), true),
        ("first_treatment", d.next().unwrap(), true),
        (
            "dna_adjustment_days",
            Arc::new(dna.finish()) as ArrayRef,
            true,
        ),
        (
            "treatment_delay_days",
            Arc::new(delay.finish()) as ArrayRef,
            true,
        ),
    ])
    .unwrap()
}

fn parquet_bytes(rows: &[Row]) -> Bytes {
    let batches: Vec<RecordBatch> = rows.chunks(65_536).map(batch_of).collect();
    let props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .build();
    let mut out = Vec::new();
    let mut writer = ArrowWriter::try_new(&mut out, batches[0].schema(), Some(props)).unwrap();
    for batch in &batches {
        writer.write(batch).unwrap();
    }
    writer.close().unwrap();
    Bytes::from(out)
}

/// The floor: every record and field visited by the `csv` crate, nothing
/// parsed.
fn csv_floor(bytes: &[u8]) -> usize {
    let mut reader = csv::ReaderBuilder::new().from_reader(bytes);
    let mut record = csv::ByteRecord::new();
    let mut sum = 0;
    while reader.read_byte_record(&mut record).unwrap() {
        sum += record.iter().map(<[u8]>::len).sum::<usize>();
    }
    sum
}

/// The floor: the columns decoded to Arrow batches, nothing counted.
fn parquet_floor(bytes: &Bytes) -> usize {
    let reader = ParquetRecordBatchReaderBuilder::try_new(bytes.clone())
        .unwrap()
        .with_batch_size(65_536)
        .build()
        .unwrap();
    reader.map(|b| b.unwrap().num_rows()).sum()
}

fn readers(c: &mut Criterion) {
    let rows = rows();
    let csv = csv_bytes(&rows);
    let parquet = parquet_bytes(&rows);
    let mapping = ColumnMapping::new();
    // Both readers count the same, and read every record.
    let a = read_pathways_csv(&csv[..], &mapping).unwrap();
    let b = read_pathways_parquet(parquet.clone(), &mapping).unwrap();
    assert_eq!(a.tabulate().unwrap(), b.tabulate().unwrap());
    assert_eq!((a.records(), a.bad_rows().len()), (N as u64, 0));
    println!(
        "1M pathways: CSV {} bytes, Parquet {} bytes",
        csv.len(),
        parquet.len()
    );

    let mut group = c.benchmark_group("pathway_csv");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5))
        .throughput(Throughput::Elements(N as u64));
    group.bench_function("floor_csv_byte_record_loop", |b| {
        b.iter(|| black_box(csv_floor(black_box(&csv))))
    });
    group.bench_function("read_pathways_csv", |b| {
        b.iter(|| black_box(read_pathways_csv(black_box(&csv[..]), &mapping).unwrap()))
    });
    group.finish();

    let mut group = c.benchmark_group("pathway_parquet");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5))
        .throughput(Throughput::Elements(N as u64));
    group.bench_function("floor_decode_only", |b| {
        b.iter(|| black_box(parquet_floor(black_box(&parquet))))
    });
    group.bench_function("read_pathways_parquet", |b| {
        b.iter(|| black_box(read_pathways_parquet(black_box(parquet.clone()), &mapping).unwrap()))
    });
    group.finish();
}

criterion_group!(benches, readers);
criterion_main!(benches);

//! Corrupt Parquet: at least 200 files cut short or with bytes flipped,
//! made from the crate's synthetic sample and from files this test writes
//! itself with every codec the reader offers (zstd, gzip, lz4, brotli,
//! snappy, none; data pages v1 and v2). Each gives a typed error (or a
//! valid result where the flip is harmless): no panic, no abort, and the
//! whole test process never holds more than 256 MiB.
//!
//! Memory is measured with a tracking global allocator (`cap`, safe code)
//! installed in this test binary only, with its limit set to 256 MiB: an
//! allocation beyond it fails, which aborts the process (and so fails the
//! test) or is refused by `try_reserve`. This binary has one test, so no
//! other test's allocations are counted. The peak is printed.

use std::alloc::System;
use std::sync::Arc;

use arrow_array::{ArrayRef, RecordBatch, StringArray};
use bytes::Bytes;
use cancer_plan::cwt::pathway::{
    read_pathways_csv, read_pathways_parquet, ColumnMapping, PathwayReadError,
};
use cap::Cap;
use parquet::arrow::ArrowWriter;
use parquet::basic::{BrotliLevel, Compression, GzipLevel, ZstdLevel};
use parquet::file::properties::{WriterProperties, WriterVersion};

#[global_allocator]
static ALLOC: Cap<System> = Cap::new(System, usize::MAX);

const LIMIT: usize = 256 << 20;
const SAMPLE_CSV: &str = include_str!("../../examples/data/cwt-pathways-sample.csv");
const SAMPLE_PARQUET: &[u8] = include_bytes!("../../examples/data/cwt-pathways-sample.parquet");

/// The sample CSV as one batch of string columns (the reader parses
/// strings as it does CSV fields).
fn batch(rows: usize) -> RecordBatch {
    let mut lines = SAMPLE_CSV.lines();
    let names: Vec<&str> = lines.next().unwrap().split(',').collect();
    let rows: Vec<Vec<&str>> = lines.take(rows).map(|l| l.split(',').collect()).collect();
    let columns = names.iter().enumerate().map(|(i, name)| {
        let values: Vec<Option<&str>> = rows
            .iter()
            .map(|r| Some(r[i]).filter(|v| !v.is_empty()))
            .collect();
        (*name, Arc::new(StringArray::from(values)) as ArrayRef)
    });
    RecordBatch::try_from_iter(columns).unwrap()
}

fn written(compression: Compression, version: WriterVersion, rows: usize) -> Vec<u8> {
    let batch = batch(rows);
    let props = WriterProperties::builder()
        .set_compression(compression)
        .set_writer_version(version)
        .set_data_page_row_count_limit(128)
        .set_write_batch_size(128)
        .build();
    let mut out = Vec::new();
    let mut writer = ArrowWriter::try_new(&mut out, batch.schema(), Some(props)).unwrap();
    writer.write(&batch).unwrap();
    writer.close().unwrap();
    out
}

/// The bases: the sample, and files written here with each codec.
fn bases() -> Vec<(&'static str, Vec<u8>)> {
    use WriterVersion::{PARQUET_1_0 as V1, PARQUET_2_0 as V2};
    vec![
        ("sample", SAMPLE_PARQUET.to_vec()),
        (
            "zstd",
            written(Compression::ZSTD(ZstdLevel::default()), V1, 600),
        ),
        (
            "zstd-v2",
            written(Compression::ZSTD(ZstdLevel::default()), V2, 600),
        ),
        (
            "gzip",
            written(Compression::GZIP(GzipLevel::default()), V1, 400),
        ),
        ("lz4", written(Compression::LZ4_RAW, V2, 400)),
        (
            "brotli",
            written(Compression::BROTLI(BrotliLevel::default()), V1, 300),
        ),
        ("snappy", written(Compression::SNAPPY, V2, 300)),
        ("none", written(Compression::UNCOMPRESSED, V1, 300)),
    ]
}

/// A small deterministic generator (xorshift), so that the corpus is the
/// same on every run.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Cuts and flips of `base`: 12 truncations, 24 single-byte flips (a third
/// in the footer, where the decoder's structures are), 4 multi-byte
/// flips, and the footer length set to huge values.
fn corrupt(base: &[u8], rng: &mut Rng) -> Vec<(String, Vec<u8>)> {
    let len = base.len();
    let mut out = Vec::new();
    for i in 0..12 {
        let cut = if i < 4 {
            len - 1 - i * 3
        } else {
            rng.below(len)
        };
        out.push((format!("cut at {cut}"), base[..cut].to_vec()));
    }
    let footer = u32::from_le_bytes(base[len - 8..len - 4].try_into().unwrap()) as usize;
    for i in 0..24 {
        let at = if i % 3 == 0 {
            len - 8 - 1 - rng.below(footer)
        } else {
            rng.below(len)
        };
        let mut bytes = base.to_vec();
        let flip = (rng.next() % 255 + 1) as u8;
        bytes[at] ^= flip;
        out.push((format!("byte {at} ^= {flip:#04x}"), bytes));
    }
    for _ in 0..4 {
        let mut bytes = base.to_vec();
        for _ in 0..8 {
            let at = rng.below(len);
            bytes[at] = rng.next() as u8;
        }
        out.push(("8 random bytes".to_owned(), bytes));
    }
    for size in [u32::MAX, (len as u32).saturating_sub(7), 17 << 20] {
        let mut bytes = base.to_vec();
        bytes[len - 8..len - 4].copy_from_slice(&size.to_le_bytes());
        out.push((format!("footer length {size}"), bytes));
    }
    out
}

#[test]
fn corrupt_parquet_gives_typed_errors_in_bounded_memory() {
    let mapping = ColumnMapping::new();
    // Every base reads, and gives the cells of the CSV it came from.
    let csv = read_pathways_csv(SAMPLE_CSV.as_bytes(), &mapping).unwrap();
    let mut corpus = Vec::new();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for (name, base) in bases() {
        let read = read_pathways_parquet(Bytes::from(base.clone()), &mapping)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(read.records() > 0, "{name}");
        if name == "sample" {
            assert_eq!(read.tabulate().unwrap(), csv.tabulate().unwrap());
        }
        for (what, bytes) in corrupt(&base, &mut rng) {
            corpus.push((format!("{name}: {what}"), bytes));
        }
    }
    assert!(corpus.len() >= 200, "{}", corpus.len());
    ALLOC.set_limit(ALLOC.allocated() + LIMIT).unwrap();
    let (mut errors, mut valid, mut panics) = (0, 0, Vec::new());
    let mut kinds = std::collections::BTreeMap::new();
    for (what, bytes) in &corpus {
        match read_pathways_parquet(Bytes::from(bytes.clone()), &mapping) {
            Ok(read) => {
                valid += 1;
                let _ = read.tabulate();
            }
            Err(PathwayReadError::ParquetPanic { message }) => {
                panics.push(format!("{what}: {message}"))
            }
            Err(e) => {
                errors += 1;
                let kind = format!("{e:?}");
                *kinds
                    .entry(kind.split(['(', ' ', '{']).next().unwrap_or("").to_owned())
                    .or_insert(0) += 1;
                let text = e.to_string();
                assert!(text.len() < 1000, "{what}: a long message: {text}");
            }
        }
    }
    let peak = ALLOC.max_allocated();
    println!(
        "{} corrupt files: {errors} errors, {valid} valid, {} panics caught; peak {} KiB",
        corpus.len(),
        panics.len(),
        peak >> 10
    );
    println!("errors by kind: {kinds:?}");
    for p in &panics {
        println!("caught: {p}");
    }
    assert!(peak < LIMIT, "peak {peak}");
    assert!(
        panics.is_empty(),
        "the decoder panicked (caught): {panics:#?}"
    );
}

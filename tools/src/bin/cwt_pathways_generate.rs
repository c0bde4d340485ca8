//! Writes a synthetic patient-level pathway file in the crate's layout, as
//! CSV or Parquet (by the extension), for tests and benchmarks.
//!
//! ```text
//! cargo run --release -p cancer-plan-tools --bin cwt_pathways_generate -- N OUT.csv|OUT.parquet [--years Y]
//! ```
//!
//! Deterministic (xorshift, fixed seed): 150 providers in 42 ICBs, 15
//! tumour sites, routes mixed as in real referrals (70% urgent suspected
//! cancer), referrals spread over `Y` years from April 2024 (default 1),
//! 90% with an FDS outcome, 30% treated, a few adjustments, and 1 in 5,000
//! impossible (treated before the decision to treat). Parquet: categoricals
//! dictionary-encoded, dates `Date32`, adjustments `UInt16`, snappy,
//! written in 64K-row batches (memory stays flat).

use std::error::Error;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::sync::Arc;

use arrow_array::builder::{Date32Builder, StringDictionaryBuilder, UInt16Builder};
use arrow_array::types::Int32Type;
use arrow_array::{ArrayRef, RecordBatch};
use cancer_plan::cwt::pathway::Route;
use cancer_plan::TumourSite;
use chrono::{Datelike, NaiveDate};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// One pathway: indexes and day numbers (days from 1970-01-01; `None` not
/// recorded).
struct Row {
    provider: usize,
    route: usize,
    site: usize,
    referral: i32,
    told: Option<i32>,
    decision_to_treat: Option<i32>,
    first_treatment: Option<i32>,
    dna: u16,
    delay: u16,
}

struct Generator {
    rng: XorShift,
    first: i32,
    span: u64,
    providers: Vec<String>,
    icbs: Vec<String>,
}

impl Generator {
    fn new(years: u64) -> Generator {
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
        let first = NaiveDate::from_ymd_opt(2024, 4, 1).unwrap_or_default();
        let alphabet = b"ABCDEFGHJKLMNPQRTUVWXY0123456789";
        let code = |prefix: char, i: usize| {
            let a = alphabet[i % alphabet.len()] as char;
            let b = alphabet[(i / alphabet.len()) % alphabet.len()] as char;
            format!("{prefix}{b}{a}")
        };
        Generator {
            rng: XorShift(0x9E37_79B9_7F4A_7C15),
            first: (first - epoch).num_days() as i32,
            span: 365 * years.max(1),
            providers: (0..150).map(|i| code('R', i)).collect(),
            icbs: (0..42).map(|i| code('Q', i)).collect(),
        }
    }

    fn row(&mut self) -> Row {
        let r = &mut self.rng;
        let route = match r.below(100) {
            0..=69 => 0,
            70..=79 => 1,
            80..=84 => 2,
            85..=89 => 3,
            _ => 4,
        };
        let referral = self.first + r.below(self.span) as i32;
        let told = (r.below(10) < 9).then(|| referral + 3 + r.below(60) as i32);
        let treated = r.below(10) < 3;
        let decision_to_treat = treated.then(|| referral + 10 + r.below(40) as i32);
        let first_treatment = decision_to_treat.map(|d| {
            if r.below(5000) == 0 {
                d - 3 // impossible: treated before the decision
            } else {
                d + 5 + r.below(50) as i32
            }
        });
        Row {
            provider: r.below(150) as usize,
            route,
            site: r.below(15) as usize,
            referral,
            told,
            decision_to_treat,
            first_treatment,
            dna: if r.below(50) == 0 { 3 } else { 0 },
            delay: if treated && r.below(50) == 0 { 5 } else { 0 },
        }
    }
}

const HEADER: &str = "provider,icb,route,tumour_site,referral_received,told_outcome,decision_to_treat,first_treatment,dna_adjustment_days,treatment_delay_days";

fn iso(day: Option<i32>, out: &mut Vec<u8>) {
    if let Some(day) = day {
        let date = NaiveDate::from_num_days_from_ce_opt(day + 719_163).unwrap_or_default();
        let _ = write!(
            out,
            "{:04}-{:02}-{:02}",
            date.year(),
            date.month(),
            date.day()
        );
    }
}

fn write_csv(n: u64, generator: &mut Generator, path: &str) -> Result<(), Box<dyn Error>> {
    let mut out = BufWriter::with_capacity(1 << 20, File::create(path)?);
    writeln!(out, "{HEADER}")?;
    let mut line = Vec::with_capacity(128);
    for _ in 0..n {
        let row = generator.row();
        line.clear();
        let icb = &generator.icbs[row.provider % generator.icbs.len()];
        let _ = write!(
            line,
            "{},{},{},{},",
            generator.providers[row.provider],
            icb,
            Route::ALL[row.route].code(),
            TumourSite::ALL[row.site].code()
        );
        iso(Some(row.referral), &mut line);
        line.push(b',');
        iso(row.told, &mut line);
        line.push(b',');
        iso(row.decision_to_treat, &mut line);
        line.push(b',');
        iso(row.first_treatment, &mut line);
        let _ = writeln!(line, ",{},{}", row.dna, row.delay);
        out.write_all(&line)?;
    }
    out.flush()?;
    Ok(())
}

fn write_parquet(n: u64, generator: &mut Generator, path: &str) -> Result<(), Box<dyn Error>> {
    let props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .build();
    let mut writer: Option<ArrowWriter<File>> = None;
    let mut left = n;
    while left > 0 {
        let rows = left.min(65_536);
        left -= rows;
        let dict = || StringDictionaryBuilder::<Int32Type>::new();
        let (mut provider, mut icb, mut route, mut site) = (dict(), dict(), dict(), dict());
        let mut dates: Vec<Date32Builder> = (0..4).map(|_| Date32Builder::new()).collect();
        let (mut dna, mut delay) = (UInt16Builder::new(), UInt16Builder::new());
        for _ in 0..rows {
            let row = generator.row();
            provider.append_value(&generator.providers[row.provider]);
            icb.append_value(&generator.icbs[row.provider % generator.icbs.len()]);
            route.append_value(Route::ALL[row.route].code());
            site.append_value(TumourSite::ALL[row.site].code());
            let values = [
                Some(row.referral),
                row.told,
                row.decision_to_treat,
                row.first_treatment,
            ];
            for (builder, value) in dates.iter_mut().zip(values) {
                builder.append_option(value);
            }
            dna.append_value(row.dna);
            delay.append_value(row.delay);
        }
        let mut dates = dates
            .into_iter()
            .map(|mut b| Arc::new(b.finish()) as ArrayRef);
        let mut next_date = || dates.next().ok_or("dates");
        let batch = RecordBatch::try_from_iter_with_nullable([
            ("provider", Arc::new(provider.finish()) as ArrayRef, false),
            ("icb", Arc::new(icb.finish()) as ArrayRef, true),
            ("route", Arc::new(route.finish()) as ArrayRef, false),
            ("tumour_site", Arc::new(site.finish()) as ArrayRef, false),
            ("referral_received", next_date()?, true),
            ("told_outcome", next_date()?, true),
            ("decision_to_treat", next_date()?, true),
            ("first_treatment", next_date()?, true),
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
        ])?;
        if writer.is_none() {
            writer = Some(ArrowWriter::try_new(
                File::create(path)?,
                batch.schema(),
                Some(props.clone()),
            )?);
        }
        if let Some(w) = writer.as_mut() {
            w.write(&batch)?;
        }
    }
    if let Some(w) = writer {
        w.close()?;
    }
    Ok(())
}

/// Errors print as their sentence (`Display`), never as a `Debug` dump,
/// and exit 1.
fn main() {
    if let Err(e) = run() {
        eprintln!("cwt_pathways_generate: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: cwt_pathways_generate N OUT.csv|OUT.parquet [--years Y]";
    let n: u64 = args.first().ok_or(usage)?.replace('_', "").parse()?;
    let path = args.get(1).ok_or(usage)?;
    let years = match args.iter().position(|a| a == "--years") {
        Some(i) => args.get(i + 1).ok_or(usage)?.parse()?,
        None => 1,
    };
    let mut generator = Generator::new(years);
    if path.ends_with(".parquet") {
        write_parquet(n, &mut generator, path)?;
    } else if path.ends_with(".csv") {
        write_csv(n, &mut generator, path)?;
    } else {
        return Err(format!("{path}: the extension must be .csv or .parquet").into());
    }
    eprintln!("wrote {n} pathways over {years} year(s) to {path}");
    Ok(())
}

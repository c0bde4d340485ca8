//! Aggregating synthetic patient pathways by reporting month x provider x
//! tumour site x standard: the library's `PathwayCounts` over `Pathway`s
//! (one thread, and two threads) against a minimal hand-written loop over
//! the same data as plain numbers (the floor).
//!
//! ```text
//! cargo bench --bench cwt
//! ```
//!
//! Data: 150 providers, 15 tumour sites, referrals from January 2024 to
//! March 2025, reporting window April 2024 to March 2025 (so some clock
//! stops fall outside it, as in real extracts), routes mixed as in real
//! referrals. Generated once, deterministically (xorshift), outside the
//! measurement.

// `criterion_group!` generates an undocumented function.
#![allow(missing_docs)]

use std::hint::black_box;
use std::num::NonZeroUsize;
use std::time::Duration;

use cancer_plan::cwt::pathway::{
    Adjustment, AdjustmentReason, Pathway, PathwayCounts, ReportingWindow, Route,
};
use cancer_plan::{CwtStandard, OdsCode, TumourSite, YearMonth};
use chrono::{Datelike, NaiveDate};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

const PROVIDERS: usize = 150;
const SITES: usize = 15;
const NONE: i32 = i32::MIN;

/// The same pathway, as plain numbers, for the floor loop (24 bytes too).
#[derive(Clone, Copy)]
struct Raw {
    referral: i32,
    fds_stop: i32,
    decision_to_treat: i32,
    first_treatment: i32,
    provider: u16,
    first_seen_adjustment: u16,
    treatment_adjustment: u16,
    site: u8,
    /// 0 USC, 1 breast symptomatic, 2 screening, 3 consultant upgrade, 4 other.
    route: u8,
}

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

fn synthetic(n: usize) -> Vec<Raw> {
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    let first = NaiveDate::from_ymd_opt(2024, 1, 1)
        .unwrap()
        .num_days_from_ce();
    (0..n)
        .map(|_| {
            let route = match rng.below(100) {
                0..=69 => 0,
                70..=79 => 1,
                80..=84 => 2,
                85..=89 => 3,
                _ => 4,
            };
            let referral = first + rng.below(455) as i32;
            let fds_stop = if rng.below(10) < 9 {
                referral + 3 + rng.below(60) as i32
            } else {
                NONE
            };
            let treated = rng.below(10) < 3;
            let decision_to_treat = if treated {
                referral + 10 + rng.below(40) as i32
            } else {
                NONE
            };
            let first_treatment = if treated {
                decision_to_treat + 5 + rng.below(50) as i32
            } else {
                NONE
            };
            // The FDS clock stops at the earlier of told outcome and
            // decision to treat (as `Pathway` takes it).
            let fds_stop = match (fds_stop, decision_to_treat) {
                (NONE, d) => d,
                (f, NONE) => f,
                (f, d) => f.min(d),
            };
            Raw {
                referral,
                fds_stop,
                decision_to_treat,
                first_treatment,
                provider: rng.below(PROVIDERS as u64) as u16,
                first_seen_adjustment: if rng.below(50) == 0 { 3 } else { 0 },
                treatment_adjustment: if treated && rng.below(50) == 0 { 5 } else { 0 },
                site: rng.below(SITES as u64) as u8,
                route,
            }
        })
        .collect()
}

fn date(day: i32) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(day).unwrap()
}

/// The providers' codes, by the floor's provider number.
fn codes() -> Vec<OdsCode> {
    (0..PROVIDERS)
        .map(|i| format!("R{i:03}").parse().unwrap())
        .collect()
}

fn pathways(raw: &[Raw]) -> Vec<Pathway> {
    let codes = codes();
    let routes = [
        Route::UrgentSuspectedCancer,
        Route::BreastSymptomatic,
        Route::UrgentScreening,
        Route::ConsultantUpgrade,
        Route::Other,
    ];
    raw.iter()
        .map(|r| {
            let mut p = Pathway::new(
                routes[usize::from(r.route)],
                TumourSite::ALL[usize::from(r.site)],
                codes[usize::from(r.provider)].clone(),
            )
            .with_referral_received(date(r.referral));
            for (reason, days) in [
                (
                    AdjustmentReason::DidNotAttendFirstAppointment,
                    r.first_seen_adjustment,
                ),
                (
                    AdjustmentReason::PatientInitiatedTreatmentDelay,
                    r.treatment_adjustment,
                ),
            ] {
                if days > 0 {
                    p = p.with_adjustment(Adjustment::new(reason, days));
                }
            }
            if r.fds_stop != NONE {
                // At or before the decision to treat (see `synthetic`).
                p = p.with_told_outcome(date(r.fds_stop));
            }
            if r.first_treatment != NONE {
                p = p
                    .with_decision_to_treat(date(r.decision_to_treat))
                    .with_first_treatment(date(r.first_treatment));
            }
            p
        })
        .collect()
}

fn window() -> ReportingWindow {
    ReportingWindow::new(
        YearMonth::new(2024, 4).unwrap(),
        YearMonth::new(2025, 3).unwrap(),
    )
    .unwrap()
}

/// The floor: the same counting, hand-written, with no checks beyond what
/// valid synthetic data needs and no findings.
struct Floor {
    first_day: i32,
    day_offsets: Vec<u32>,
    cells: Vec<[u64; 2]>,
}

impl Floor {
    fn new() -> Floor {
        let w = window();
        let block = PROVIDERS * SITES * 3;
        let mut day_offsets = Vec::new();
        for (slot, m) in w.first().through(w.last()).enumerate() {
            day_offsets.extend(std::iter::repeat_n(
                (slot * block) as u32,
                m.days() as usize,
            ));
        }
        Floor {
            first_day: w.first().first_day().num_days_from_ce(),
            cells: vec![[0, 0]; 12 * block],
            day_offsets,
        }
    }

    #[inline(always)]
    fn count(&mut self, base: usize, stop: i32, within: bool) {
        if let Some(&off) = self
            .day_offsets
            .get(stop.wrapping_sub(self.first_day) as u32 as usize)
        {
            let c = &mut self.cells[off as usize + base];
            c[0] += u64::from(within);
            c[1] += 1;
        }
    }

    fn run(raw: &[Raw]) -> Floor {
        let mut f = Floor::new();
        for r in raw {
            let base = (usize::from(r.provider) * SITES + usize::from(r.site)) * 3;
            if r.fds_stop != NONE && r.route <= 2 {
                let days = r.fds_stop - r.referral - i32::from(r.first_seen_adjustment);
                f.count(base, r.fds_stop, days <= 28);
            }
            if r.first_treatment != NONE {
                let days31 =
                    r.first_treatment - r.decision_to_treat - i32::from(r.treatment_adjustment);
                f.count(base + 1, r.first_treatment, days31 <= 31);
                if r.route != 4 {
                    let days62 = r.first_treatment
                        - r.referral
                        - i32::from(r.first_seen_adjustment)
                        - i32::from(r.treatment_adjustment);
                    f.count(base + 2, r.first_treatment, days62 <= 62);
                }
            }
        }
        f
    }
}

fn library(records: &[Pathway]) -> PathwayCounts {
    let mut counts = PathwayCounts::new(window(), PROVIDERS).unwrap();
    counts.add(0, records);
    counts
}

/// Two threads.
const TWO: NonZeroUsize = NonZeroUsize::MIN.saturating_add(1);

fn library_parallel(records: &[Pathway], threads: NonZeroUsize) -> PathwayCounts {
    let mut counts = PathwayCounts::new(window(), PROVIDERS).unwrap();
    counts.add_parallel(0, records, threads);
    counts
}

/// The library and the floor count the same.
fn check(raw: &[Raw], records: &[Pathway]) {
    let lib = library(records);
    let par = library_parallel(records, TWO);
    assert!(lib.findings().is_empty(), "{:?}", lib.findings().first());
    assert_eq!(lib, par);
    let codes = codes();
    let floor = Floor::run(raw);
    let w = window();
    let block = PROVIDERS * SITES * 3;
    for (slot, month) in w.first().through(w.last()).enumerate() {
        for (provider, code) in codes.iter().enumerate() {
            for (s, site) in TumourSite::ALL.into_iter().enumerate() {
                for standard in CwtStandard::ALL {
                    let cell =
                        floor.cells[slot * block + (provider * SITES + s) * 3 + standard.index()];
                    let got = lib
                        .get(month, code, site, standard)
                        .map(|p| (p.within().halves() / 2, p.total().halves() / 2))
                        .unwrap_or((0, 0));
                    assert_eq!(got, (cell[0], cell[1]));
                }
            }
        }
    }
}

fn aggregate(c: &mut Criterion) {
    println!(
        "size_of::<Pathway>() = {} bytes; size_of::<Raw>() (floor) = {} bytes",
        std::mem::size_of::<Pathway>(),
        std::mem::size_of::<Raw>()
    );
    let mut group = c.benchmark_group("cwt_aggregate");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    for n in [1_000_000usize, 10_000_000] {
        let raw = synthetic(n);
        let records = pathways(&raw);
        check(&raw, &records);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::new("floor", n), &raw, |b, raw| {
            b.iter(|| black_box(Floor::run(black_box(raw))))
        });
        group.bench_with_input(
            BenchmarkId::new("PathwayCounts", n),
            &records,
            |b, records| b.iter(|| black_box(library(black_box(records)))),
        );
        group.bench_with_input(
            BenchmarkId::new("PathwayCounts_2_threads", n),
            &records,
            |b, records| b.iter(|| black_box(library_parallel(black_box(records), TWO))),
        );
    }
    group.finish();
}

criterion_group!(benches, aggregate);
criterion_main!(benches);

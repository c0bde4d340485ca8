//! The aggregation behind the file readers: records in chunks into a
//! [`PathwayCounts`] whose window and provider count grow with the data, so
//! that every measured pathway lands in a cell; the result is a
//! [`PathwayFileCounts`].

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use super::compact::{CompactPathway, KeyHasher, ProviderIndex, ProviderRegistry, NO_DAY};
use super::fields::{FIRST_DAY, LAST_DAY};
use super::{
    BadPathwayRow, BadPathwayRowReason, PathwayCounts, ReportingWindow, TableTooLarge, MAX_CELLS,
    MAX_PROVIDERS,
};
use crate::cwt::{PerformanceError, PerformanceTable};
use crate::{org::OdsCode, period::YearMonth, standard::CwtStandard, tumour_site::TumourSite};

/// Records counted per chunk: 64K records of 24 bytes (1.5 MB).
pub(super) const CHUNK: usize = 1 << 16;

fn month_of_day(day: i32) -> YearMonth {
    use chrono::Datelike;
    let date = chrono::NaiveDate::from_num_days_from_ce_opt(day).unwrap_or(chrono::NaiveDate::MIN);
    YearMonth::from_parts_unchecked(date.year(), date.month())
}

/// The window of the years 2000 to 2099, within which every accepted date
/// falls (1200 months, the most a window holds).
fn widest() -> Option<ReportingWindow> {
    let first = YearMonth::new(2000, 1).ok()?;
    let last = YearMonth::new(2099, 12).ok()?;
    ReportingWindow::new(first, last).ok()
}

/// Records in, counts out; window and providers grown as needed.
pub(super) struct Aggregator {
    providers: ProviderRegistry,
    keys: HashMap<u128, ProviderIndex, BuildHasherDefault<KeyHasher>>,
    last_key: Option<(u128, ProviderIndex)>,
    counts: Option<PathwayCounts>,
    chunk: Vec<CompactPathway>,
    chunk_first: usize,
    /// Earliest and latest clock stop in the chunk.
    chunk_stops: (i32, i32),
    records: u64,
    bad: Vec<BadPathwayRow>,
    ignored: Vec<String>,
    /// The table could not grow to hold the data: the reader fails.
    failed: Option<TableTooLarge>,
}

impl Aggregator {
    pub(super) fn new(ignored: Vec<String>) -> Aggregator {
        Aggregator {
            providers: ProviderRegistry::new(),
            keys: HashMap::default(),
            last_key: None,
            counts: None,
            chunk: Vec::with_capacity(CHUNK),
            chunk_first: 0,
            chunk_stops: (i32::MAX, i32::MIN),
            records: 0,
            bad: Vec::new(),
            ignored,
            failed: None,
        }
    }

    /// The provider index of the packed ODS code `key` (`text` its bytes).
    #[inline]
    pub(super) fn provider(
        &mut self,
        key: u128,
        text: &[u8],
    ) -> Result<ProviderIndex, BadPathwayRowReason> {
        if let Some((last, index)) = self.last_key
            && last == key
        {
            return Ok(index);
        }
        let index = match self.keys.get(&key) {
            Some(&index) => index,
            None => self.register(key, text)?,
        };
        self.last_key = Some((key, index));
        Ok(index)
    }

    #[cold]
    fn register(&mut self, key: u128, text: &[u8]) -> Result<ProviderIndex, BadPathwayRowReason> {
        let shown = String::from_utf8_lossy(text).into_owned();
        let code = OdsCode::new(shown.clone()).map_err(|_| BadPathwayRowReason::BadOdsCode {
            column: super::PathwayColumn::Provider,
            text: shown.clone(),
        })?;
        let index = self
            .providers
            .intern(&code)
            .ok_or(BadPathwayRowReason::TooManyProviders { code: shown })?;
        self.keys.insert(key, index);
        Ok(index)
    }

    /// Counts `record`, the data record at position `index`.
    #[inline]
    pub(super) fn push(&mut self, index: usize, record: CompactPathway) {
        if self.chunk.len() >= CHUNK
            || (!self.chunk.is_empty()
                && self.chunk_first.checked_add(self.chunk.len()) != Some(index))
        {
            self.flush();
        }
        if self.chunk.is_empty() {
            self.chunk_first = index;
        }
        for stop in [record.fds_stop, record.first_treatment] {
            if stop != NO_DAY {
                self.chunk_stops.0 = self.chunk_stops.0.min(stop);
                self.chunk_stops.1 = self.chunk_stops.1.max(stop);
            }
        }
        // One per record read: cannot reach u64::MAX.
        self.records = self.records.saturating_add(1);
        self.chunk.push(record);
    }

    /// Reports the data record at position `index` as bad.
    pub(super) fn bad(&mut self, index: usize, line: Option<u64>, reason: BadPathwayRowReason) {
        self.records = self.records.saturating_add(1);
        self.bad
            .push(BadPathwayRow::new(index as u64, line, reason));
    }

    /// Counts the chunk, first growing the table to hold its clock stops and
    /// every provider registered. If no table within the budget can hold
    /// them, the reader fails (see [`Aggregator::check`]): nothing is
    /// counted outside a window.
    pub(super) fn flush(&mut self) {
        if self.chunk.is_empty() {
            return;
        }
        if self.failed.is_some() {
            self.chunk.clear();
            return;
        }
        let (low, high) = self.chunk_stops;
        let needs = (low <= high).then(|| {
            (
                month_of_day(low.max(FIRST_DAY)),
                month_of_day(high.min(LAST_DAY)),
            )
        });
        let providers = self.providers.len();
        let grown = match self.counts.take() {
            None => {
                let (first, last) =
                    needs.unwrap_or((month_of_day(FIRST_DAY), month_of_day(FIRST_DAY)));
                first_table(first, last, providers)
            }
            Some(counts) => {
                let w = counts.window();
                let (first, last) = needs.map_or((w.first(), w.last()), |(a, b)| {
                    (a.min(w.first()), b.max(w.last()))
                });
                if first < w.first() || last > w.last() || providers > counts.providers() {
                    regrown(counts, first, last, providers)
                } else {
                    Ok(counts)
                }
            }
        };
        match grown {
            Ok(counts) => {
                let counts = self.counts.insert(counts);
                counts.add_compact(self.chunk_first, &self.chunk);
            }
            Err(too_large) => self.failed = Some(too_large),
        }
        self.chunk.clear();
        self.chunk_stops = (i32::MAX, i32::MIN);
    }

    /// `Err` once the table could not grow to hold the data.
    pub(super) fn check(&self) -> Result<(), TableTooLarge> {
        self.failed.map_or(Ok(()), Err)
    }

    /// The counts, in the window of the months counted (or, where shrinking
    /// the table to it would not fit the budget, the window grown to) and
    /// sized for the providers registered.
    ///
    /// # Errors
    ///
    /// [`TableTooLarge`] if the data needed a table beyond the budget.
    pub(super) fn finish(mut self) -> Result<PathwayFileCounts, TableTooLarge> {
        self.flush();
        self.check()?;
        let providers = self.providers.len();
        let empty = ReportingWindow::of_month(month_of_day(FIRST_DAY));
        let counts = match self.counts.take() {
            Some(counts) => {
                let window = counts
                    .counted_months()
                    .and_then(|(a, b)| ReportingWindow::new(a, b).ok())
                    .unwrap_or(empty);
                // The old and the new table together stay within the budget.
                let fits = PathwayCounts::cells_for(window, providers)
                    .and_then(|n| n.checked_add(counts.cells()))
                    .is_some_and(|n| n <= MAX_CELLS);
                if fits {
                    counts.rehomed(window, providers).unwrap_or_else(|old| *old)
                } else {
                    counts
                }
            }
            None => PathwayCounts::new(empty, providers)?,
        };
        Ok(PathwayFileCounts {
            counts: counts.with_registry(self.providers),
            records: self.records,
            bad_rows: self.bad,
            ignored_columns: self.ignored,
        })
    }
}

/// The first table: the months `first..=last` widened to financial years
/// and room for more providers; or, if that is over the budget, exactly
/// what is needed.
fn first_table(
    first: YearMonth,
    last: YearMonth,
    providers: usize,
) -> Result<PathwayCounts, TableTooLarge> {
    PathwayCounts::new(grown_window(first, last), grown_providers(0, providers))
        .or_else(|_| PathwayCounts::new(exact_window(first, last)?, providers))
}

/// The months `first..=last` (within the 1,200 of a window by
/// construction: every accepted date is in the years 2000 to 2099).
fn exact_window(first: YearMonth, last: YearMonth) -> Result<ReportingWindow, TableTooLarge> {
    ReportingWindow::new(first, last).map_err(|_| {
        let months = usize::try_from(last.months_since(first)).unwrap_or(usize::MAX);
        TableTooLarge::new(months.saturating_add(1), 0)
    })
}

/// `counts` re-homed into a table holding `first..=last` and `providers`
/// providers. The old and the new table together stay within
/// [`MAX_CELLS`] (the re-homing copies one into the other), so the peak is
/// the budget; tried widened first (fewer re-homings later), then exact.
fn regrown(
    counts: PathwayCounts,
    first: YearMonth,
    last: YearMonth,
    providers: usize,
) -> Result<PathwayCounts, TableTooLarge> {
    let old = counts.cells();
    let exact = exact_window(first, last)?;
    let candidates = [
        (
            grown_window(first, last),
            grown_providers(counts.providers(), providers),
        ),
        (exact, providers),
    ];
    for (window, capacity) in candidates {
        let fits = PathwayCounts::cells_for(window, capacity)
            .and_then(|n| n.checked_add(old))
            .is_some_and(|n| n <= MAX_CELLS);
        if fits {
            // The new table holds the old one, so re-homing keeps every cell.
            return counts
                .rehomed(window, capacity)
                .map_err(|_| TableTooLarge::new(exact_months(exact), capacity));
        }
    }
    Err(TableTooLarge::new(exact_months(exact), providers))
}

fn exact_months(window: ReportingWindow) -> usize {
    usize::try_from(window.last().months_since(window.first()))
        .unwrap_or(usize::MAX)
        .saturating_add(1)
}

/// A window covering `first..=last`, widened to whole financial years
/// (April to March) so that data running on needs few re-homings, within
/// the years 2000 to 2099.
fn grown_window(first: YearMonth, last: YearMonth) -> ReportingWindow {
    // Months back to April: (month + 8) % 12 is 0 to 11; the result stays
    // within 2000 to 2099 by the clamps below (saturating is harmless).
    let april = |m: YearMonth| {
        let back = i32::try_from(m.month().saturating_add(8) % 12).unwrap_or(0);
        m.saturating_plus_months(back.saturating_neg())
    };
    let (lo, hi) = match (YearMonth::new(2000, 1), YearMonth::new(2099, 12)) {
        (Ok(lo), Ok(hi)) => (lo, hi),
        _ => (first, last),
    };
    let from = april(first).max(lo);
    let to = april(last).saturating_plus_months(11).min(hi);
    ReportingWindow::new(from, to)
        .ok()
        .or_else(|| ReportingWindow::new(first, last).ok())
        .or_else(widest)
        .unwrap_or(ReportingWindow::of_month(first))
}

/// Room for `needed` providers: at least double the old room (64 at
/// first), so that growing is rare.
fn grown_providers(old: usize, needed: usize) -> usize {
    if needed <= old {
        return old;
    }
    needed.max(old.saturating_mul(2)).clamp(64, MAX_PROVIDERS)
}

/// What a pathway file (or stream of record batches) gave: the counts by
/// month x provider x tumour site x standard in a window derived from the
/// data (every measured clock stop lands in a cell:
/// [`PathwayCounts::outside_window`] is 0, or the reader fails with
/// [`TableTooLarge`](super::PathwayReadError::TableTooLarge)) with the
/// providers in order of first sight, the records read, the bad records,
/// and the columns ignored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathwayFileCounts {
    counts: PathwayCounts,
    records: u64,
    bad_rows: Vec<BadPathwayRow>,
    ignored_columns: Vec<String>,
}

impl PathwayFileCounts {
    /// The counts. Their window runs from the first to the last month with
    /// a counted pathway (one empty month, January 2000, if none).
    pub fn counts(&self) -> &PathwayCounts {
        &self.counts
    }

    /// Data records read (good and bad; the header is not a record).
    pub fn records(&self) -> u64 {
        self.records
    }

    /// The records that could not be read, in file order.
    pub fn bad_rows(&self) -> &[BadPathwayRow] {
        &self.bad_rows
    }

    /// The header's columns that are not in the layout, in header order.
    pub fn ignored_columns(&self) -> &[String] {
        &self.ignored_columns
    }

    /// The non-empty cells as a [`PerformanceTable`] by (provider, tumour
    /// site): the table [`measure_pathways`](super::measure_pathways) gives
    /// grouped by `(p.provider().clone(), p.tumour_site())`.
    ///
    /// # Errors
    ///
    /// [`PerformanceError::Overflow`] if a cell's count overflows (beyond
    /// 2^63 patients).
    pub fn tabulate(&self) -> Result<PerformanceTable<(OdsCode, TumourSite)>, PerformanceError> {
        self.counts.tabulate(|code, site| (code.clone(), site))
    }

    /// The counted pathways of one standard, all cells added up.
    // Bounded: each sum is of one standard's cells, at most the records counted (one per record).
    #[allow(clippy::arithmetic_side_effects)]
    pub fn total(&self, standard: CwtStandard) -> (u64, u64) {
        let mut sum = (0, 0);
        if let Ok(table) = self.counts.tabulate(|_, site| site) {
            for (_, s, _, p) in table.iter() {
                if s == standard {
                    sum.0 += p.within().halves() / 2;
                    sum.1 += p.total().halves() / 2;
                }
            }
        }
        sum
    }
}

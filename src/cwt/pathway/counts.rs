//! [`PathwayCounts`]: one-pass aggregation of [`CompactPathway`]s by
//! reporting month x provider x tumour site x standard.

use super::compact::{date_of, day_number, NO_DAY};
use super::{CompactPathway, DataQualityFinding, FindingKind, ProviderIndex};
use crate::cwt::{PatientCount, Performance, PerformanceError, PerformanceTable};
use crate::{CwtStandard, TumourSite, YearMonth};

const SITES: usize = TumourSite::ALL.len();
const STANDARDS: usize = CwtStandard::ALL.len();
/// The most providers a table has room for: every index a
/// [`ProviderIndex`] (a `u16`) can name.
pub const MAX_PROVIDERS: usize = 1 << 16;
/// At most 100 years of months in one table.
const MAX_MONTHS: i32 = 1200;

/// Why a reporting window is not valid.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("reporting window {first} to {last} must run forwards and span at most 1200 months")]
pub struct ReportingWindowError {
    first: YearMonth,
    last: YearMonth,
}

/// The reporting months an aggregation covers, first to last inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ReportingWindow {
    first: YearMonth,
    last: YearMonth,
}

impl ReportingWindow {
    /// The months `first..=last` (at most 1200).
    ///
    /// # Errors
    ///
    /// [`ReportingWindowError`] if `last` is before `first` or the window is
    /// longer than 1200 months.
    pub fn new(first: YearMonth, last: YearMonth) -> Result<ReportingWindow, ReportingWindowError> {
        let span = last.months_since(first);
        if !(0..MAX_MONTHS).contains(&span) {
            return Err(ReportingWindowError { first, last });
        }
        Ok(ReportingWindow { first, last })
    }

    /// The first month.
    pub fn first(&self) -> YearMonth {
        self.first
    }

    /// The last month.
    pub fn last(&self) -> YearMonth {
        self.last
    }

    fn months(&self) -> usize {
        usize::try_from(self.last.months_since(self.first) + 1).unwrap_or(0)
    }
}

/// Why two aggregations cannot be merged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot merge aggregations of different windows or provider counts")]
pub struct MergeMismatch;

/// Pathways counted by reporting month x provider x tumour site x
/// standard, in one pass over a slice of [`CompactPathway`]s, into a dense
/// table sized up front (no allocation per record; a record allocates only
/// if it yields a [`DataQualityFinding`]).
///
/// Each record is measured for each standard that applies to its route and
/// whose clock has stopped, and counted in the month of its clock stop.
/// Records whose clock stop falls outside the window are counted per
/// standard in [`PathwayCounts::outside_window`]; impossible records are
/// reported in [`PathwayCounts::findings`] with their index and left out of
/// that standard. Nothing is dropped silently.
///
/// ```
/// use cancer_plan::cwt::pathway::{CompactPathway, PathwayCounts, ProviderIndex, ReportingWindow, Route};
/// use cancer_plan::{CwtStandard, TumourSite};
/// use chrono::NaiveDate;
/// let d = |m, d| NaiveDate::from_ymd_opt(2024, m, d).ok_or("date");
/// let window = ReportingWindow::new("2024-04".parse()?, "2025-03".parse()?)?;
/// let rhm = ProviderIndex::new(0);
/// let records = [
///     CompactPathway::new(Route::UrgentSuspectedCancer, TumourSite::Lung, rhm)
///         .with_referral_received(d(4, 1)?).with_faster_diagnosis_stop(d(4, 29)?), // day 28
///     CompactPathway::new(Route::UrgentSuspectedCancer, TumourSite::Lung, rhm)
///         .with_referral_received(d(4, 1)?).with_faster_diagnosis_stop(d(4, 30)?), // day 29
/// ];
/// let mut counts = PathwayCounts::new(window, 1);
/// counts.add(0, &records);
/// let p = counts.get("2024-04".parse()?, rhm, TumourSite::Lung, CwtStandard::FasterDiagnosis28Day).ok_or("none")?;
/// assert_eq!(p.to_string(), "1 / 2 (50.00%)");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathwayCounts {
    window: ReportingWindow,
    providers: usize,
    first_day: i32,
    /// For each day of the window, the offset of its month's block of cells.
    day_offsets: Vec<usize>,
    /// `[within, total]` per month x provider x site x standard.
    cells: Vec<[u64; 2]>,
    outside_window: [u64; STANDARDS],
    findings: Vec<DataQualityFinding>,
}

impl PathwayCounts {
    /// An empty aggregation for `window` and `providers` providers (indexes
    /// `0..providers`). The table is allocated here: months x providers x 15
    /// sites x 3 standards cells of 16 bytes (12 months x 150 providers:
    /// 1.3 MB).
    ///
    /// `providers` is capped at [`MAX_PROVIDERS`] (65,536), the most a
    /// [`ProviderIndex`] can name: a larger number could never be used, and
    /// would ask for a table beyond any memory. The cap is visible in
    /// [`PathwayCounts::providers`]. Size the table from a
    /// [`ProviderRegistry::len`](super::ProviderRegistry::len), which never
    /// exceeds it.
    pub fn new(window: ReportingWindow, providers: usize) -> PathwayCounts {
        let providers = providers.min(MAX_PROVIDERS);
        let block = providers.saturating_mul(SITES * STANDARDS);
        let first_day = day_number(window.first.first_day());
        let mut day_offsets = Vec::new();
        for (slot, month) in window.first.through(window.last).enumerate() {
            let offset = slot.saturating_mul(block);
            day_offsets.extend(std::iter::repeat_n(offset, month.days() as usize));
        }
        PathwayCounts {
            window,
            providers,
            first_day,
            day_offsets,
            cells: vec![[0, 0]; window.months().saturating_mul(block)],
            outside_window: [0; STANDARDS],
            findings: Vec::new(),
        }
    }

    /// Counts `records`; `first_index` is the index of `records[0]` in the
    /// caller's whole input (used in findings, so that chunks aggregated
    /// separately report true indexes).
    pub fn add(&mut self, first_index: usize, records: &[CompactPathway]) {
        for (i, record) in records.iter().enumerate() {
            self.add_one(first_index.wrapping_add(i), record);
        }
    }

    #[inline]
    fn add_one(&mut self, index: usize, r: &CompactPathway) {
        let provider = usize::from(r.provider.get());
        if provider >= self.providers {
            self.findings.push(DataQualityFinding::new(
                index,
                FindingKind::UnknownProvider {
                    index: r.provider.get(),
                    providers: self.providers,
                },
            ));
            return;
        }
        let base = (provider * SITES + r.tumour_site.index()) * STANDARDS;
        let fds = CwtStandard::FasterDiagnosis28Day;
        let d31 = CwtStandard::Combined31Day;
        let d62 = CwtStandard::Combined62Day;
        if r.fds_stop != NO_DAY && r.route.is_measured_for(fds) {
            let adjustment = r.adjustment_days(fds);
            self.measure(index, base, fds, r.referral, r.fds_stop, adjustment);
        }
        if r.first_treatment != NO_DAY {
            let adjustment = r.adjustment_days(d31);
            let (start, stop) = (r.decision_to_treat, r.first_treatment);
            self.measure(index, base, d31, start, stop, adjustment);
            if r.route.is_measured_for(d62) {
                let adjustment = r.adjustment_days(d62);
                self.measure(index, base, d62, r.referral, stop, adjustment);
            }
        }
    }

    #[inline]
    fn measure(
        &mut self,
        index: usize,
        base: usize,
        standard: CwtStandard,
        start: i32,
        stop: i32,
        adjustment: u32,
    ) {
        let finding = if start == NO_DAY {
            FindingKind::missing_clock_start(standard, date_of(stop))
        } else if stop < start {
            FindingKind::ClockStopBeforeStart {
                standard,
                start: date_of(start),
                stop: date_of(stop),
            }
        } else {
            let raw = stop.abs_diff(start);
            match raw.checked_sub(adjustment) {
                Some(days) => {
                    self.count(base, standard, stop, standard.is_within(days));
                    return;
                }
                None => FindingKind::AdjustmentExceedsWait {
                    standard,
                    days: raw,
                    adjustment,
                },
            }
        };
        self.findings.push(DataQualityFinding::new(index, finding));
    }

    #[inline]
    fn count(&mut self, base: usize, standard: CwtStandard, stop: i32, within: bool) {
        let day = stop.wrapping_sub(self.first_day) as u32 as usize;
        let cell = self
            .day_offsets
            .get(day)
            .and_then(|&offset| self.cells.get_mut(offset + base + standard.index()));
        match cell {
            Some(cell) => {
                cell[0] += u64::from(within);
                cell[1] += 1;
            }
            None => {
                if let Some(n) = self.outside_window.get_mut(standard.index()) {
                    *n += 1;
                }
            }
        }
    }

    /// Adds another aggregation of the same window and provider count (e.g.
    /// from another thread) into this one.
    ///
    /// # Errors
    ///
    /// [`MergeMismatch`] if `other` covers a different window or number of
    /// providers.
    pub fn merge(&mut self, other: PathwayCounts) -> Result<(), MergeMismatch> {
        if self.window != other.window || self.providers != other.providers {
            return Err(MergeMismatch);
        }
        for (a, b) in self.cells.iter_mut().zip(&other.cells) {
            a[0] += b[0];
            a[1] += b[1];
        }
        for (a, b) in self.outside_window.iter_mut().zip(other.outside_window) {
            *a += b;
        }
        self.findings.extend(other.findings);
        Ok(())
    }

    /// How many providers (indexes `0..providers()`) the table has room for.
    pub fn providers(&self) -> usize {
        self.providers
    }

    /// The window.
    pub fn window(&self) -> ReportingWindow {
        self.window
    }

    /// The findings, in the order met (by index within each merged part).
    pub fn findings(&self) -> &[DataQualityFinding] {
        &self.findings
    }

    /// Pathways measured for `standard` whose clock stopped outside the
    /// window.
    pub fn outside_window(&self, standard: CwtStandard) -> u64 {
        self.outside_window
            .get(standard.index())
            .copied()
            .unwrap_or(0)
    }

    /// The performance of one cell; `None` outside the window or the
    /// providers, or if no pathway was counted there.
    pub fn get(
        &self,
        month: YearMonth,
        provider: ProviderIndex,
        site: TumourSite,
        standard: CwtStandard,
    ) -> Option<Performance> {
        let slot = usize::try_from(month.months_since(self.window.first)).ok()?;
        let provider = usize::from(provider.get());
        if slot >= self.window.months() || provider >= self.providers {
            return None;
        }
        let index = ((slot * self.providers + provider) * SITES + site.index()) * STANDARDS
            + standard.index();
        self.cells.get(index).and_then(|&c| to_performance(c))
    }

    /// The non-empty cells as a [`PerformanceTable`] grouped by
    /// `group(provider, site)` (e.g. the provider's code, its ICB, or
    /// `(provider, site)`).
    ///
    /// # Errors
    ///
    /// [`PerformanceError::Overflow`] if a cell's counts overflow.
    pub fn to_table<K: Ord>(
        &self,
        mut group: impl FnMut(ProviderIndex, TumourSite) -> K,
    ) -> Result<PerformanceTable<K>, PerformanceError> {
        let mut table = PerformanceTable::new();
        let mut cells = self.cells.iter();
        for month in self.window.first.through(self.window.last) {
            for provider in 0..self.providers {
                let index = ProviderIndex::new(u16::try_from(provider).unwrap_or(u16::MAX));
                for site in TumourSite::ALL {
                    for standard in CwtStandard::ALL {
                        let Some(&cell) = cells.next() else {
                            return Ok(table);
                        };
                        if let Some(p) = to_performance(cell) {
                            table.add(month, standard, group(index, site), p)?;
                        }
                    }
                }
            }
        }
        Ok(table)
    }
}

fn to_performance([within, total]: [u64; 2]) -> Option<Performance> {
    if total == 0 {
        return None;
    }
    let count = |n: u64| PatientCount::from_halves(n.saturating_mul(2));
    Performance::new(count(within), count(total)).ok()
}

// Re-homing for the file readers (`aggregate.rs`), which grow the window and
// the provider count as data arrives, so that no clock stop falls outside.
#[cfg_attr(
    not(any(feature = "pathway-csv", feature = "pathway-arrow")),
    allow(dead_code)
)]
impl PathwayCounts {
    /// The same counts in `window` with room for `providers` providers:
    /// every cell moved to its place in the new table, outside-window counts
    /// and findings kept. `Err(self)`, unchanged, if a counted cell would not
    /// fit (a month outside `window`, or a provider at or above
    /// `providers`), so that nothing can be lost by re-homing.
    pub(super) fn rehomed(
        self,
        window: ReportingWindow,
        providers: usize,
    ) -> Result<PathwayCounts, PathwayCounts> {
        let mut new = PathwayCounts::new(window, providers);
        let block = SITES * STANDARDS;
        let shift = self.window.first.months_since(window.first);
        for (slot, month_cells) in self.cells.chunks(self.providers.max(1) * block).enumerate() {
            for (provider, cells) in month_cells.chunks(block).enumerate() {
                if cells.iter().all(|c| c[1] == 0) {
                    continue;
                }
                let new_slot = i32::try_from(slot).ok().map(|s| s + shift);
                let target = new_slot
                    .and_then(|s| usize::try_from(s).ok())
                    .filter(|&s| s < new.window.months() && provider < new.providers)
                    .map(|s| (s * new.providers + provider) * block)
                    .and_then(|start| new.cells.get_mut(start..start + block));
                match target {
                    Some(target) => target.copy_from_slice(cells),
                    None => return Err(self),
                }
            }
        }
        new.outside_window = self.outside_window;
        new.findings = self.findings;
        Ok(new)
    }

    /// The first and last months with a counted pathway, `None` if none.
    pub(super) fn counted_months(&self) -> Option<(YearMonth, YearMonth)> {
        let per_month = self.providers.max(1) * SITES * STANDARDS;
        let mut counted = self
            .cells
            .chunks(per_month)
            .enumerate()
            .filter(|(_, cells)| self.providers > 0 && cells.iter().any(|c| c[1] > 0))
            .map(|(slot, _)| {
                self.window
                    .first
                    .plus_months(i32::try_from(slot).unwrap_or(0))
            });
        let first = counted.next()?;
        Some((first, counted.next_back().unwrap_or(first)))
    }
}

#[cfg_attr(
    not(any(feature = "pathway-csv", feature = "pathway-arrow")),
    allow(dead_code)
)]
impl ReportingWindow {
    /// The one month `month`: always a valid window.
    pub(super) const fn of_month(month: YearMonth) -> ReportingWindow {
        ReportingWindow {
            first: month,
            last: month,
        }
    }
}

//! [`PathwayCounts`]: one-pass aggregation of [`Pathway`]s by reporting
//! month x provider x tumour site x standard, through their compact form.

use super::compact::{
    date_of, day_number, CompactPathway, ProviderIndex, ProviderRegistry, NO_DAY,
};
use super::{DataQualityFinding, DataQualityKind, Pathway};
use crate::cwt::{PatientCount, Performance, PerformanceError, PerformanceTable};
use crate::{org::OdsCode, period::YearMonth, standard::CwtStandard, tumour_site::TumourSite};

mod add;
mod rehome;

const SITES: usize = TumourSite::ALL.len();
const STANDARDS: usize = CwtStandard::ALL.len();
/// The most providers a table has room for (the providers are indexed by a
/// `u16` inside).
pub const MAX_PROVIDERS: usize = 1 << 16;
/// At most 100 years of months in one table.
const MAX_MONTHS: i32 = 1200;
/// The most cells one [`PathwayCounts`] table may hold: 2^26 (64 Mi) cells
/// of 16 bytes, 1 GiB. That is, for example, 10 years of months for 12,400
/// providers, or 1,200 months for 1,240 providers. [`PathwayCounts::add_parallel`]
/// keeps the tables of all its threads together within it too.
pub const MAX_CELLS: usize = 1 << 26;

/// Why a [`PathwayCounts`] table cannot be made: it would be larger than
/// [`MAX_CELLS`], or the allocator could not provide it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error(
    "a table of {months} months x {providers} providers x 15 sites x 3 standards is more than {max} cells (1 GiB), or could not be allocated",
    max = MAX_CELLS
)]
pub struct TableTooLarge {
    months: usize,
    providers: usize,
}

impl TableTooLarge {
    #[cfg_attr(
        not(any(feature = "pathway-csv", feature = "pathway-arrow")),
        allow(dead_code)
    )]
    pub(super) fn new(months: usize, providers: usize) -> TableTooLarge {
        TableTooLarge {
            months,
            providers: providers.min(MAX_PROVIDERS),
        }
    }

    /// The months of the window asked for.
    pub fn months(&self) -> usize {
        self.months
    }

    /// The providers asked for (capped at [`MAX_PROVIDERS`]).
    pub fn providers(&self) -> usize {
        self.providers
    }
}

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
        let span = self.last.months_since(self.first);
        span.checked_add(1)
            .and_then(|months| usize::try_from(months).ok())
            .unwrap_or(0)
    }
}

/// Pathways counted by reporting month x provider x tumour site x
/// standard, in one pass over a slice of [`Pathway`]s, into a dense table
/// sized up front (no allocation per record; a record allocates only if it
/// yields a [`DataQualityFinding`], or its provider is new). Each pathway
/// is counted through a 24-byte compact form; providers are numbered
/// inside, in order of first sight ([`PathwayCounts::provider_codes`]).
///
/// Each record is measured for each standard that applies to its route and
/// whose clock has stopped, and counted in the month of its clock stop.
/// Records whose clock stop falls outside the window are counted per
/// standard in [`PathwayCounts::outside_window`]; impossible records are
/// reported in [`PathwayCounts::findings`] with their index and left out of
/// that standard. Nothing is dropped silently.
///
/// ```
/// use cancer_plan::cwt::pathway::{PathwayCounts, Pathway, ReportingWindow, Route};
/// use cancer_plan::{CwtStandard, OdsCode, TumourSite};
/// use chrono::NaiveDate;
/// let d = |m, d| NaiveDate::from_ymd_opt(2024, m, d).ok_or("date");
/// let window = ReportingWindow::new("2024-04".parse()?, "2025-03".parse()?)?;
/// let rhm: OdsCode = "RHM".parse()?;
/// let pathways = [
///     Pathway::new(Route::UrgentSuspectedCancer, TumourSite::Lung, rhm.clone())
///         .with_referral_received(d(4, 1)?).with_told_outcome(d(4, 29)?), // day 28
///     Pathway::new(Route::UrgentSuspectedCancer, TumourSite::Lung, rhm.clone())
///         .with_referral_received(d(4, 1)?).with_told_outcome(d(4, 30)?), // day 29
/// ];
/// let mut counts = PathwayCounts::new(window, 1)?;
/// counts.add(0, &pathways);
/// let p = counts.get("2024-04".parse()?, &rhm, TumourSite::Lung, CwtStandard::FasterDiagnosis28Day).ok_or("none")?;
/// assert_eq!(p.to_string(), "1 / 2 (50.00%)");
/// assert_eq!(counts.provider_codes(), [rhm]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathwayCounts {
    window: ReportingWindow,
    providers: usize,
    /// The providers' codes by index (in order of first sight).
    registry: ProviderRegistry,
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
    /// `providers` is capped at [`MAX_PROVIDERS`] (65,536), the most the
    /// table can index: a larger number could never be used. The cap is
    /// visible in [`PathwayCounts::providers`]. A pathway whose provider
    /// would be one more than the table has room for is not counted: it is a
    /// [`DataQualityKind::ProviderBeyondTable`] finding.
    ///
    /// # Errors
    ///
    /// [`TableTooLarge`] if the table would have more than [`MAX_CELLS`]
    /// cells (1 GiB; 1,200 months x 65,536 providers asked for 56.6 GB,
    /// which aborted the process), or if the allocator cannot provide it.
    /// The size is checked before anything is allocated.
    ///
    /// ```
    /// use cancer_plan::cwt::pathway::{PathwayCounts, ReportingWindow, MAX_PROVIDERS};
    /// let century = ReportingWindow::new("1950-01".parse()?, "2049-12".parse()?)?;
    /// assert!(PathwayCounts::new(century, MAX_PROVIDERS).is_err());
    /// let year = ReportingWindow::new("2024-04".parse()?, "2025-03".parse()?)?;
    /// assert_eq!(PathwayCounts::new(year, 150)?.cells(), 12 * 150 * 15 * 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(window: ReportingWindow, providers: usize) -> Result<PathwayCounts, TableTooLarge> {
        let providers = providers.min(MAX_PROVIDERS);
        let months = window.months();
        let too_large = TableTooLarge { months, providers };
        let block = providers.checked_mul(SITES * STANDARDS).ok_or(too_large)?;
        let cells = months
            .checked_mul(block)
            .filter(|&n| n <= MAX_CELLS)
            .ok_or(too_large)?;
        let mut table = Vec::new();
        table.try_reserve_exact(cells).map_err(|_| too_large)?;
        table.resize(cells, [0, 0]);
        let first_day = day_number(window.first.first_day());
        let mut day_offsets = Vec::new();
        // At most 1,200 months (a `ReportingWindow`): 36,525 days.
        for (slot, month) in window.first.through(window.last).enumerate() {
            // slot < months, so slot * block <= cells <= MAX_CELLS.
            let offset = slot.saturating_mul(block);
            day_offsets.extend(std::iter::repeat_n(offset, month.days() as usize));
        }
        Ok(PathwayCounts {
            window,
            providers,
            registry: ProviderRegistry::new(),
            first_day,
            day_offsets,
            cells: table,
            outside_window: [0; STANDARDS],
            findings: Vec::new(),
        })
    }

    /// The number of cells in the table (months x providers x 15 sites x 3
    /// standards), at most [`MAX_CELLS`].
    pub fn cells(&self) -> usize {
        self.cells.len()
    }

    #[cold]
    fn beyond_table(&mut self, index: usize) {
        self.findings.push(DataQualityFinding::new(
            index,
            DataQualityKind::ProviderBeyondTable {
                providers: self.providers,
            },
        ));
    }

    // Bounded by construction: `provider < self.providers <= MAX_PROVIDERS`
    // and a site index is below SITES, so `base` is below 65,536 x 45.
    #[allow(clippy::arithmetic_side_effects)]
    #[inline]
    fn add_one(&mut self, index: usize, r: &CompactPathway) {
        let provider = usize::from(r.provider.get());
        if provider >= self.providers {
            self.beyond_table(index);
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
            DataQualityKind::missing_clock_start(standard, date_of(stop))
        } else if stop < start {
            DataQualityKind::ClockStopBeforeStart {
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
                None => DataQualityKind::AdjustmentExceedsWait {
                    standard,
                    days: raw,
                    adjustment,
                },
            }
        };
        self.findings.push(DataQualityFinding::new(index, finding));
    }

    // Bounded by construction: `offset + base + standard` is below the
    // table's cell count (at most MAX_CELLS), and each count is at most the
    // number of records ever counted into the table, far below u64::MAX.
    // This is the hot loop, so no checked arithmetic here.
    #[allow(clippy::arithmetic_side_effects)]
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

    /// Adds `other`, of the same window, provider count and provider
    /// indexes (by construction in `add_parallel`), into this one. Counts saturate, though no count can reach `u64::MAX`: each
    /// is at most the number of records ever counted.
    pub(super) fn absorb(&mut self, other: PathwayCounts) {
        for (a, b) in self.cells.iter_mut().zip(&other.cells) {
            a[0] = a[0].saturating_add(b[0]);
            a[1] = a[1].saturating_add(b[1]);
        }
        for (a, b) in self.outside_window.iter_mut().zip(other.outside_window) {
            *a = a.saturating_add(b);
        }
        self.findings.extend(other.findings);
    }

    /// How many providers the table has room for.
    pub fn providers(&self) -> usize {
        self.providers
    }

    /// The providers counted, in order of first sight (at most
    /// [`providers`](Self::providers)).
    pub fn provider_codes(&self) -> &[OdsCode] {
        self.registry.codes()
    }

    /// Sets the providers' codes by index (the file readers' registry).
    #[cfg_attr(
        not(any(feature = "pathway-csv", feature = "pathway-arrow")),
        allow(dead_code)
    )]
    pub(super) fn with_registry(mut self, registry: ProviderRegistry) -> PathwayCounts {
        self.registry = registry;
        self
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

    /// The performance of one cell; `None` outside the window, for a
    /// provider not counted, or if no pathway was counted there.
    pub fn get(
        &self,
        month: YearMonth,
        provider: &OdsCode,
        site: TumourSite,
        standard: CwtStandard,
    ) -> Option<Performance> {
        let slot = usize::try_from(month.months_since(self.window.first)).ok()?;
        let provider = usize::from(self.registry.get(provider)?.get());
        if slot >= self.window.months() || provider >= self.providers {
            return None;
        }
        // Bounded by construction: slot < months and provider < providers,
        // so the index is below the cell count (at most MAX_CELLS).
        #[allow(clippy::arithmetic_side_effects)]
        let index = ((slot * self.providers + provider) * SITES + site.index()) * STANDARDS
            + standard.index();
        self.cells.get(index).and_then(|&c| to_performance(c))
    }

    /// The non-empty cells as a [`PerformanceTable`] grouped by
    /// `group(provider, site)` (e.g. the provider's code, its ICB, or
    /// `(provider.clone(), site)`).
    ///
    /// # Errors
    ///
    /// [`PerformanceError::Overflow`] if a cell's counts overflow.
    pub fn tabulate<K: Ord>(
        &self,
        mut group: impl FnMut(&OdsCode, TumourSite) -> K,
    ) -> Result<PerformanceTable<K>, PerformanceError> {
        let mut table = PerformanceTable::new();
        let mut cells = self.cells.iter();
        for month in self.window.first.through(self.window.last) {
            for provider in 0..self.providers {
                let index = ProviderIndex::new(u16::try_from(provider).unwrap_or(u16::MAX));
                let code = self.registry.code(index);
                for site in TumourSite::ALL {
                    for standard in CwtStandard::ALL {
                        let Some(&cell) = cells.next() else {
                            return Ok(table);
                        };
                        // A cell of an index with no code is never counted.
                        if let (Some(p), Some(code)) = (to_performance(cell), code) {
                            table.add(month, standard, group(code, site), p)?;
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

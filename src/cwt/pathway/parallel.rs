//! [`PathwayCounts::add_parallel`]: the one-pass aggregation split over
//! threads, for callers with cores to spare.

use std::num::NonZeroUsize;
use std::thread::{Builder, ScopedJoinHandle};

use super::compact::ProviderRegistry;
use super::counts::MAX_CELLS;
use super::{Pathway, PathwayCounts};

/// The most threads [`PathwayCounts::add_parallel`] uses, whatever it is
/// asked for: more than any machine this crate targets has cores, so more
/// would add only the cost of spawning them and of their tables.
pub(crate) const MAX_THREADS: usize = 256;

/// One chunk of the pathways: counted on its own thread, or (when no thread
/// could be had) left for the calling thread.
enum Part<'scope, 'records> {
    Spawned(
        ScopedJoinHandle<'scope, Option<PathwayCounts>>,
        usize,
        &'records [Pathway],
    ),
    Local(usize, &'records [Pathway]),
}

impl PathwayCounts {
    /// Counts `pathways` as [`add`](Self::add) does, split into contiguous
    /// chunks counted on scoped threads and merged in order, so the result
    /// (cells, providers in order of first sight, outside-window counts,
    /// and findings in input order with their true indexes) is the same as
    /// counting on one thread. The new providers are registered first, on
    /// the calling thread (one look-up per run of one provider).
    ///
    /// Whether it pays depends on the machine: on an otherwise idle 2-core
    /// machine two threads were 1.8x to 2x faster at 1M and 10M pathways;
    /// on a loaded one they were slower (`BENCHMARKS.md`, "Performance of
    /// the pathway aggregation").
    ///
    /// # Threads and memory
    ///
    /// Each thread counts into a table of its own, the size of this one.
    /// The threads used are `threads`, capped:
    /// - at the work available: no more threads than records (one thread,
    ///   or fewer than two records, counts on the calling thread);
    /// - at 256 (the crate's cap on threads);
    /// - so that the threads' tables together stay within [`MAX_CELLS`]
    ///   (1 GiB): 20,000 threads asked for 20,000 copies of the table.
    ///
    /// It never panics for want of a thread: a thread is spawned with
    /// [`std::thread::Builder::spawn_scoped`], which reports failure instead
    /// of panicking as `std::thread::scope`'s `spawn` does, and a chunk
    /// whose thread (or whose table) could not be had is counted on the
    /// calling thread instead. Counting itself does not panic; if a thread
    /// ever did, its panic would be passed on, not a part silently lost.
    ///
    /// ```
    /// use std::num::NonZeroUsize;
    /// use cancer_plan::cwt::pathway::{Pathway, PathwayCounts, ReportingWindow, Route};
    /// use cancer_plan::TumourSite;
    /// use chrono::NaiveDate;
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2024, 4, d).ok_or("date");
    /// let pathways: Vec<Pathway> = (1..=20)
    ///     .map(|d| {
    ///         let provider = if d % 3 == 0 { "RHM" } else { "RHU" };
    ///         Ok(Pathway::new(Route::UrgentSuspectedCancer, TumourSite::Lung, provider.parse()?)
    ///             .with_referral_received(day(1)?)
    ///             .with_told_outcome(day(d + 1)?))
    ///     })
    ///     .collect::<Result<_, Box<dyn std::error::Error>>>()?;
    /// let window = ReportingWindow::new("2024-04".parse()?, "2024-04".parse()?)?;
    /// let mut one = PathwayCounts::new(window, 2)?;
    /// one.add(0, &pathways);
    /// let mut two = PathwayCounts::new(window, 2)?;
    /// two.add_parallel(0, &pathways, NonZeroUsize::MIN.saturating_add(1));
    /// assert_eq!(one, two);
    /// // Far more threads than pathways: capped at the pathways, no panic.
    /// let mut many = PathwayCounts::new(window, 2)?;
    /// many.add_parallel(0, &pathways, NonZeroUsize::MAX);
    /// assert_eq!(one, many);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_parallel(
        &mut self,
        first_index: usize,
        pathways: &[Pathway],
        threads: NonZeroUsize,
    ) {
        let threads = self.thread_cap(pathways.len(), threads);
        if threads <= 1 {
            self.add(first_index, pathways);
            return;
        }
        self.register(pathways);
        let registry = self.take_registry();
        self.count_parallel(first_index, pathways, threads, &registry);
        self.restore_registry(registry);
    }

    /// `add_parallel` once the providers are registered (in `registry`).
    fn count_parallel(
        &mut self,
        first_index: usize,
        records: &[Pathway],
        threads: usize,
        registry: &ProviderRegistry,
    ) {
        let chunk = records.len().div_ceil(threads);
        let (window, providers) = (self.window(), self.providers());
        std::thread::scope(|scope| {
            let mut offset = 0usize;
            let parts: Vec<Part<'_, '_>> = records
                .chunks(chunk)
                .map(|part| {
                    let start = first_index.saturating_add(offset);
                    offset = offset.saturating_add(part.len());
                    let spawned = Builder::new().spawn_scoped(scope, move || {
                        let mut counts = PathwayCounts::new(window, providers).ok()?;
                        counts.add_registered(start, part, registry);
                        Some(counts)
                    });
                    match spawned {
                        Ok(handle) => Part::Spawned(handle, start, part),
                        Err(_) => Part::Local(start, part),
                    }
                })
                .collect();
            for part in parts {
                match part {
                    Part::Spawned(handle, start, records) => {
                        match handle
                            .join()
                            .unwrap_or_else(|payload| std::panic::resume_unwind(payload))
                        {
                            // Same window and provider count by construction.
                            Some(counts) => self.absorb(counts),
                            None => self.add_registered(start, records, registry),
                        }
                    }
                    Part::Local(start, records) => self.add_registered(start, records, registry),
                }
            }
        });
    }

    /// The threads `add_parallel` uses: `threads`, at most one per record,
    /// at most [`MAX_THREADS`], and at most as many as tables of this size
    /// fit in [`MAX_CELLS`].
    fn thread_cap(&self, records: usize, threads: NonZeroUsize) -> usize {
        let copies = MAX_CELLS.checked_div(self.cells()).unwrap_or(MAX_CELLS);
        threads.get().min(records).min(MAX_THREADS).min(copies)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cwt::pathway::compact::{CompactPathway, ProviderIndex};
    use crate::cwt::pathway::{ReportingWindow, Route};
    use crate::tumour_site::TumourSite;

    fn table(providers: usize) -> PathwayCounts {
        let m = "2024-04".parse().unwrap();
        PathwayCounts::new(ReportingWindow::new(m, m).unwrap(), providers).unwrap()
    }

    #[test]
    fn threads_are_capped_at_the_records_and_the_memory() {
        let t = table(150);
        let many = NonZeroUsize::new(20_000).unwrap();
        assert_eq!(t.thread_cap(3, many), 3);
        assert_eq!(t.thread_cap(0, many), 0);
        assert_eq!(t.thread_cap(1_000_000, NonZeroUsize::new(2).unwrap()), 2);
        assert_eq!(t.thread_cap(1_000_000, many), MAX_THREADS);
        // 65,536 providers x 45 cells a month: 22 copies fit in MAX_CELLS.
        let big = table(65_536);
        assert_eq!(big.thread_cap(1_000_000, many), MAX_CELLS / (65_536 * 45));
        assert_eq!(big.thread_cap(1_000_000, many), 22);
    }

    fn pathway(provider: &str) -> Pathway {
        Pathway::new(Route::Other, TumourSite::Lung, provider.parse().unwrap())
            .with_first_treatment(chrono::NaiveDate::from_ymd_opt(2024, 4, 2).unwrap())
    }

    #[test]
    fn twenty_thousand_threads_do_not_panic() {
        // Uncapped, 20,000 threads failed to spawn ("failed to spawn
        // thread" panic), each with its own copy of the table.
        let records: Vec<Pathway> = (0..20_000).map(|_| pathway("RHM")).collect();
        let mut one = table(1);
        one.add(7, &records);
        let mut many = table(1);
        many.add_parallel(7, &records, NonZeroUsize::new(20_000).unwrap());
        assert_eq!(one, many);
    }

    #[test]
    fn indexes_saturate_instead_of_wrapping() {
        // A wrapping index made the finding of a record near usize::MAX
        // look like record 0, 1, ... (Each record has a finding: RHM's
        // treatment has no decision to treat; RHU is beyond a table of one.)
        let records = [
            pathway("RHM"),
            pathway("RHU"),
            pathway("RHU"),
            pathway("RHU"),
        ];
        let mut one = table(1);
        one.add(usize::MAX - 1, &records);
        let mut two = table(1);
        two.add_parallel(usize::MAX - 1, &records, NonZeroUsize::new(2).unwrap());
        let indexes: Vec<usize> = two.findings().iter().map(|f| f.index()).collect();
        assert_eq!(
            indexes,
            [usize::MAX - 1, usize::MAX, usize::MAX, usize::MAX]
        );
        assert_eq!(one, two);
    }

    #[test]
    fn compact_records_beyond_the_table_are_findings() {
        // The file readers' path: an index the table has no room for.
        let unknown = CompactPathway::new(Route::Other, TumourSite::Lung, ProviderIndex::new(9))
            .with_first_treatment(chrono::NaiveDate::from_ymd_opt(2024, 4, 2).unwrap());
        let mut one = table(1);
        one.add_compact(5, &[unknown; 2]);
        let indexes: Vec<usize> = one.findings().iter().map(|f| f.index()).collect();
        assert_eq!(indexes, [5, 6]);
        assert_eq!(one.cells(), 45);
    }
}

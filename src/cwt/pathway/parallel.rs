//! [`PathwayCounts::add_parallel`]: the one-pass aggregation split over
//! threads, for callers with cores to spare.

use std::num::NonZeroUsize;

use super::{CompactPathway, PathwayCounts};

impl PathwayCounts {
    /// Counts `records` as [`add`](Self::add) does, split into `threads`
    /// contiguous chunks counted on scoped threads and merged in order, so
    /// the result (cells, outside-window counts, and findings in input order
    /// with their true indexes) is the same as counting on one thread.
    ///
    /// Whether it pays depends on the machine: on an otherwise idle 2-core
    /// machine two threads were 1.8x to 2x faster at 1M and 10M pathways;
    /// on a loaded one they were slower (README, "Performance of the
    /// pathway aggregation"). With one thread, or fewer records than
    /// threads, it counts on the calling thread.
    ///
    /// ```
    /// use std::num::NonZeroUsize;
    /// use cancer_plan::cwt::pathway::{CompactPathway, PathwayCounts, ProviderRegistry, ReportingWindow, Route};
    /// use cancer_plan::TumourSite;
    /// use chrono::NaiveDate;
    ///
    /// let mut providers = ProviderRegistry::new();
    /// let rhm = providers.intern(&"RHM".parse()?)?;
    /// let day = |d| NaiveDate::from_ymd_opt(2024, 4, d).ok_or("date");
    /// let records: Vec<CompactPathway> = (1..=20)
    ///     .map(|d| Ok(CompactPathway::new(Route::UrgentSuspectedCancer, TumourSite::Lung, rhm)
    ///         .with_referral_received(day(1)?)
    ///         .with_faster_diagnosis_stop(day(d + 1)?)))
    ///     .collect::<Result<_, &str>>()?;
    /// let window = ReportingWindow::new("2024-04".parse()?, "2024-04".parse()?)?;
    /// let mut one = PathwayCounts::new(window, providers.len());
    /// one.add(0, &records);
    /// let mut two = PathwayCounts::new(window, providers.len());
    /// two.add_parallel(0, &records, NonZeroUsize::MIN.saturating_add(1));
    /// assert_eq!(one, two);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_parallel(
        &mut self,
        first_index: usize,
        records: &[CompactPathway],
        threads: NonZeroUsize,
    ) {
        let threads = threads.get();
        if threads == 1 || records.len() < threads {
            self.add(first_index, records);
            return;
        }
        let chunk = records.len().div_ceil(threads);
        let (window, providers) = (self.window(), self.providers());
        let parts: Vec<PathwayCounts> = std::thread::scope(|scope| {
            let handles: Vec<_> = records
                .chunks(chunk)
                .enumerate()
                .map(|(i, part)| {
                    scope.spawn(move || {
                        let mut counts = PathwayCounts::new(window, providers);
                        counts.add(first_index.wrapping_add(i * chunk), part);
                        counts
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|handle| {
                    // Counting does not panic; if a thread ever did, its
                    // panic is passed on rather than a part silently lost.
                    handle
                        .join()
                        .unwrap_or_else(|payload| std::panic::resume_unwind(payload))
                })
                .collect()
        });
        for part in parts {
            // Same window and provider count by construction.
            let _ = self.merge(part);
        }
    }
}

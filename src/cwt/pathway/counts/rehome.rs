//! Re-homing a [`PathwayCounts`] table into a larger window or more
//! providers, for the file readers.

use super::{PathwayCounts, ReportingWindow, MAX_CELLS, MAX_PROVIDERS, SITES, STANDARDS};
use crate::period::YearMonth;

// Re-homing for the file readers (`aggregate.rs`), which grow the window and
// the provider count as data arrives, so that no clock stop falls outside.
#[cfg_attr(
    not(any(feature = "pathway-csv", feature = "pathway-arrow")),
    allow(dead_code)
)]
impl PathwayCounts {
    /// The cells a table of `window` and `providers` would have, if at
    /// most [`MAX_CELLS`].
    pub(in crate::cwt::pathway) fn cells_for(
        window: ReportingWindow,
        providers: usize,
    ) -> Option<usize> {
        providers
            .min(MAX_PROVIDERS)
            .checked_mul(SITES * STANDARDS)
            .and_then(|block| block.checked_mul(window.months()))
            .filter(|&n| n <= MAX_CELLS)
    }

    /// The same counts in `window` with room for `providers` providers:
    /// every cell moved to its place in the new table, outside-window counts
    /// and findings kept. `Err(self)` (boxed), unchanged, if a counted cell would not
    /// fit (a month outside `window`, or a provider at or above
    /// `providers`), so that nothing can be lost by re-homing.
    // Bounded: slots, providers and cell offsets index tables of at most `MAX_CELLS` cells; the month shift is within 1,200.
    #[allow(clippy::arithmetic_side_effects)]
    pub(in crate::cwt::pathway) fn rehomed(
        self,
        window: ReportingWindow,
        providers: usize,
    ) -> Result<PathwayCounts, Box<PathwayCounts>> {
        let Ok(mut new) = PathwayCounts::new(window, providers) else {
            return Err(Box::new(self));
        };
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
                    None => return Err(Box::new(self)),
                }
            }
        }
        new.outside_window = self.outside_window;
        new.findings = self.findings;
        new.registry = self.registry;
        Ok(new)
    }

    /// The first and last months with a counted pathway, `None` if none.
    // Bounded: at most 65,536 providers x 45 cells.
    #[allow(clippy::arithmetic_side_effects)]
    pub(in crate::cwt::pathway) fn counted_months(&self) -> Option<(YearMonth, YearMonth)> {
        let per_month = self.providers.max(1) * SITES * STANDARDS;
        let mut counted = self
            .cells
            .chunks(per_month)
            .enumerate()
            .filter(|(_, cells)| self.providers > 0 && cells.iter().any(|c| c[1] > 0))
            .filter_map(|(slot, _)| {
                // slot < the window's months (at most 1,200), within range.
                self.window.first.plus_months(i32::try_from(slot).ok()?)
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
    pub(in crate::cwt::pathway) const fn of_month(month: YearMonth) -> ReportingWindow {
        ReportingWindow {
            first: month,
            last: month,
        }
    }
}

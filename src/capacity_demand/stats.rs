//! Waiting-list statistics from referral and removal dates: the queue size
//! by day, mean demand and capacity, their coefficients of variation, load
//! and pressure (NHSRwaitinglist's `wl_queue_size`, `wl_referral_stats`,
//! `wl_removal_stats` and `wl_stats`).
//!
//! Where the crate differs from the package, on purpose:
//! - **Units.** The package's `wl_stats` computes the mean wait in days and
//!   divides it by a target wait in weeks for the pressure; here every wait
//!   is in weeks.
//! - **Demand.** The package pads the referral dates with the window's start
//!   and end and takes the mean of the gaps, so `n` referrals give `n + 1`
//!   gaps and its `demand.count` is one more than the referrals. Here demand
//!   is `referrals in the window / window length`, the count is the
//!   referrals, and the coefficient of variation is that of the `n - 1` gaps
//!   between consecutive referrals.
//! - **Removed before the window.** The package's queue size counts a
//!   patient referred and removed before the start date as still waiting;
//!   here a patient is on the list on day `d` when referred on or before
//!   `d` and not removed on or before `d`.
//!
//! As in the package, the gap before a removal is measured from the later
//! of the previous removal and the last day the list was empty (idle time
//! is not capacity).

use chrono::NaiveDate;
use serde::Serialize;

use super::error::{result, CapacityDemandError};
use super::units::{CoefficientOfVariation, Factor, QueueSize, RatePerWeek, Weeks};
use super::waiting_list::{
    queue_load, relief_capacity, target_capacity, target_queue_size, waiting_list_pressure,
};

/// The longest window the statistics accept: 100 years of days (the queue
/// size is one number a day).
pub const MAX_WINDOW_DAYS: i64 = 36_525;

/// One patient on a waiting list: referred (added) on a date, removed on a
/// date if they have been.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct WaitingListEntry {
    referral: NaiveDate,
    removal: Option<NaiveDate>,
}

impl WaitingListEntry {
    /// A patient referred on `referral`, still waiting.
    pub fn waiting(referral: NaiveDate) -> WaitingListEntry {
        WaitingListEntry {
            referral,
            removal: None,
        }
    }

    /// A patient referred on `referral` and removed on `removal`.
    pub fn removed(referral: NaiveDate, removal: NaiveDate) -> WaitingListEntry {
        WaitingListEntry {
            referral,
            removal: Some(removal),
        }
    }

    /// The referral date.
    pub fn referral(&self) -> NaiveDate {
        self.referral
    }

    /// The removal date, if removed.
    pub fn removal(&self) -> Option<NaiveDate> {
        self.removal
    }
}

/// The queue size on each day of a window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QueueSizes {
    start: NaiveDate,
    sizes: Vec<u64>,
}

impl QueueSizes {
    /// The first day.
    pub fn start(&self) -> NaiveDate {
        self.start
    }

    /// `(day, patients waiting at the end of the day)`, day by day.
    pub fn iter(&self) -> impl Iterator<Item = (NaiveDate, u64)> + '_ {
        self.start.iter_days().zip(self.sizes.iter().copied())
    }

    /// The size at the end of the last day.
    pub fn last(&self) -> u64 {
        self.sizes.last().copied().unwrap_or(0)
    }
}

fn check(
    entries: &[WaitingListEntry],
    start: NaiveDate,
    end: NaiveDate,
) -> Result<usize, CapacityDemandError> {
    let days = end.signed_duration_since(start).num_days();
    if days < 0 {
        return Err(CapacityDemandError::EmptyWindow {
            start: start.to_string(),
            end: end.to_string(),
        });
    }
    if days >= MAX_WINDOW_DAYS {
        return Err(CapacityDemandError::Setting {
            setting: "window",
            rule: "shorter than 100 years",
            value: format!("{start} to {end}"),
        });
    }
    for (index, entry) in entries.iter().enumerate() {
        if let Some(removal) = entry.removal
            && removal < entry.referral
        {
            return Err(CapacityDemandError::RemovalBeforeReferral {
                index,
                referral: entry.referral,
                removal,
            });
        }
    }
    usize::try_from(days).map_err(|_| CapacityDemandError::Overflow { quantity: "window" })
}

fn day_index(start: NaiveDate, day: NaiveDate) -> usize {
    usize::try_from(day.signed_duration_since(start).num_days()).unwrap_or(0)
}

/// The number waiting at the end of each day from `start` to `end`
/// (inclusive): referred on or before the day and not removed on or before
/// it (`wl_queue_size`).
///
/// # Errors
///
/// [`CapacityDemandError::EmptyWindow`], a window of 100 years or more, or
/// [`CapacityDemandError::RemovalBeforeReferral`].
pub fn queue_sizes(
    entries: &[WaitingListEntry],
    start: NaiveDate,
    end: NaiveDate,
) -> Result<QueueSizes, CapacityDemandError> {
    let days = check(entries, start, end)?;
    let mut change = vec![0i64; days.saturating_add(2)];
    for entry in entries {
        if entry.referral > end || entry.removal.is_some_and(|r| r <= start) {
            continue;
        }
        let from = day_index(start, entry.referral.max(start));
        if let Some(slot) = change.get_mut(from) {
            *slot = slot.saturating_add(1);
        }
        if let Some(removal) = entry.removal.filter(|r| *r <= end)
            && let Some(slot) = change.get_mut(day_index(start, removal))
        {
            *slot = slot.saturating_sub(1);
        }
    }
    let mut size = 0i64;
    let sizes = change
        .iter()
        .take(days.saturating_add(1))
        .map(|c| {
            size = size.saturating_add(*c); // at most the number of entries
            u64::try_from(size).unwrap_or(0)
        })
        .collect();
    Ok(QueueSizes { start, sizes })
}

/// The statistics of a waiting list over a window (`wl_stats`), every
/// rate per week and every time in weeks.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WaitingListStats {
    /// Referrals per week.
    pub mean_demand: RatePerWeek,
    /// Removals per week while the list is not empty.
    pub mean_capacity: RatePerWeek,
    /// demand / capacity.
    pub load: f64,
    /// Referrals in the window.
    pub count_demand: usize,
    /// Removals in the window.
    pub count_removals: usize,
    /// Patients waiting at the end of the window.
    pub queue_size: u64,
    /// The target queue size (factor 4).
    pub target_queue_size: QueueSize,
    /// The mean wait so far of those waiting at the end, in weeks.
    pub mean_wait: Weeks,
    /// Coefficient of variation of the gaps between referrals.
    pub cv_demand: CoefficientOfVariation,
    /// Coefficient of variation of the gaps between removals.
    pub cv_capacity: CoefficientOfVariation,
    /// The target capacity, when the list is not over twice its target size.
    pub target_capacity: Option<RatePerWeek>,
    /// The relief capacity (26 weeks), when the list is over twice its target size.
    pub relief_capacity: Option<RatePerWeek>,
    /// `2 x mean_wait / target_wait`.
    pub pressure: f64,
}

fn mean_cv(
    gaps: &[f64],
    quantity: &'static str,
    of: &'static str,
) -> Result<(f64, f64), CapacityDemandError> {
    if gaps.len() < 2 {
        return Err(CapacityDemandError::TooFew {
            quantity,
            of,
            needed: 2,
            got: gaps.len(),
        });
    }
    let n = gaps.len() as f64;
    let mean = gaps.iter().sum::<f64>() / n;
    if mean <= 0.0 {
        return Err(CapacityDemandError::ZeroDivisor {
            quantity: "mean gap",
            value: mean,
        });
    }
    let var = gaps.iter().map(|g| (g - mean).powi(2)).sum::<f64>() / (n - 1.0);
    Ok((mean, result(quantity, var.sqrt() / mean)?))
}

/// The statistics of `entries` over `start..=end` against `target_wait`.
///
/// ```
/// use cancer_plan::capacity_demand::{waiting_list_stats, WaitingListEntry, Weeks};
/// use chrono::NaiveDate;
/// let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
/// let list = [
///     WaitingListEntry::removed(d("2024-01-01"), d("2024-01-08")),
///     WaitingListEntry::removed(d("2024-01-04"), d("2024-01-12")),
///     WaitingListEntry::removed(d("2024-01-10"), d("2024-01-15")),
///     WaitingListEntry::waiting(d("2024-01-16")),
/// ];
/// let stats = waiting_list_stats(&list, Weeks::new(4.0)?, d("2024-01-01"), d("2024-01-28"))?;
/// assert_eq!(stats.queue_size, 1);
/// assert_eq!(stats.count_demand, 4);
/// assert!((stats.mean_demand.get() - 4.0 / 4.0).abs() < 1e-12); // 4 referrals in 28 days
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// As [`queue_sizes`]; [`CapacityDemandError::TooFew`] with fewer than 3
/// referrals or 2 removals in the window; a zero capacity or target wait.
pub fn waiting_list_stats(
    entries: &[WaitingListEntry],
    target_wait: Weeks,
    start: NaiveDate,
    end: NaiveDate,
) -> Result<WaitingListStats, CapacityDemandError> {
    let sizes = queue_sizes(entries, start, end)?;
    let window_days = end.signed_duration_since(start).num_days() as f64 + 1.0;

    let mut referrals: Vec<NaiveDate> = entries
        .iter()
        .map(|e| e.referral)
        .filter(|r| (start..=end).contains(r))
        .collect();
    referrals.sort_unstable();
    let gaps: Vec<f64> = referrals
        .windows(2)
        .filter_map(|w| match w {
            [a, b] => Some(b.signed_duration_since(*a).num_days() as f64),
            _ => None,
        })
        .collect();
    let (_, cv_demand) = mean_cv(
        &gaps,
        "coefficient of variation of demand",
        "gaps between referrals",
    )?;
    let mean_demand = RatePerWeek::new(referrals.len() as f64 * 7.0 / window_days)?;

    let mut removals: Vec<NaiveDate> = entries
        .iter()
        .filter_map(|e| e.removal)
        .filter(|r| (start..=end).contains(r))
        .collect();
    removals.sort_unstable();
    let empty_days: Vec<NaiveDate> = sizes
        .iter()
        .filter(|(_, s)| *s == 0)
        .map(|(d, _)| d)
        .collect();
    let mut removal_gaps = Vec::with_capacity(removals.len());
    let mut previous = start;
    for removal in &removals {
        let idle_until = empty_days
            .partition_point(|d| d < removal)
            .checked_sub(1)
            .and_then(|i| empty_days.get(i).copied())
            .unwrap_or(start);
        let from = previous.max(idle_until);
        removal_gaps.push(removal.signed_duration_since(from).num_days() as f64);
        previous = *removal;
    }
    let (mean_gap, cv_capacity) = mean_cv(
        &removal_gaps,
        "coefficient of variation of capacity",
        "removals",
    )?;
    let mean_capacity = RatePerWeek::new(result("capacity", 7.0 / mean_gap)?)?;

    let load = queue_load(mean_demand, mean_capacity)?;
    let queue_size = sizes.last();
    let target = target_queue_size(mean_demand, target_wait, Factor::DEFAULT)?;
    let waits: Vec<f64> = entries
        .iter()
        .filter(|e| e.referral <= end && e.removal.is_none_or(|r| r > end))
        .map(|e| end.signed_duration_since(e.referral).num_days() as f64 / 7.0)
        .collect();
    let mean_wait = if waits.is_empty() {
        Weeks::ZERO
    } else {
        Weeks::new(waits.iter().sum::<f64>() / waits.len() as f64)?
    };
    let cv_demand = CoefficientOfVariation::new(cv_demand)?;
    let cv_capacity = CoefficientOfVariation::new(cv_capacity)?;
    let too_big = queue_size as f64 > 2.0 * target.get();
    let (target_capacity, relief_capacity) = if too_big {
        let relief = relief_capacity(
            mean_demand,
            QueueSize::new(queue_size as f64)?,
            target,
            Weeks::RELIEF_DEFAULT,
            None,
        )?;
        (None, Some(relief))
    } else {
        let capacity = target_capacity(
            mean_demand,
            target_wait,
            Factor::DEFAULT,
            cv_demand,
            cv_capacity,
        )?;
        (Some(capacity), None)
    };
    Ok(WaitingListStats {
        mean_demand,
        mean_capacity,
        load,
        count_demand: referrals.len(),
        count_removals: removals.len(),
        queue_size,
        target_queue_size: target,
        mean_wait,
        cv_demand,
        cv_capacity,
        target_capacity,
        relief_capacity,
        pressure: waiting_list_pressure(mean_wait, target_wait)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn queue_size_counts_those_waiting_at_the_end_of_each_day() {
        // NHSRwaitinglist's wl_queue_size example list (R/wl_queue_size.R).
        let list = [
            WaitingListEntry::removed(d("2024-01-01"), d("2024-01-08")),
            WaitingListEntry::waiting(d("2024-01-04")),
            WaitingListEntry::waiting(d("2024-01-10")),
            WaitingListEntry::waiting(d("2024-01-16")),
        ];
        let sizes = queue_sizes(&list, d("2024-01-01"), d("2024-01-16")).unwrap();
        let by_day: Vec<u64> = sizes.iter().map(|(_, s)| s).collect();
        assert_eq!(by_day, [1, 1, 1, 2, 2, 2, 2, 1, 1, 2, 2, 2, 2, 2, 2, 3]);
        // removed before the window: not on the list
        let early = [WaitingListEntry::removed(d("2023-12-01"), d("2023-12-05"))];
        assert_eq!(
            queue_sizes(&early, d("2024-01-01"), d("2024-01-02"))
                .unwrap()
                .last(),
            0
        );
    }

    #[test]
    fn bad_input_is_an_error() {
        let backwards = [WaitingListEntry::removed(d("2024-01-08"), d("2024-01-01"))];
        assert!(queue_sizes(&backwards, d("2024-01-01"), d("2024-01-10")).is_err());
        assert!(queue_sizes(&[], d("2024-01-10"), d("2024-01-01")).is_err());
        assert!(queue_sizes(&[], d("1900-01-01"), d("2100-01-01")).is_err());
        assert!(waiting_list_stats(
            &[],
            Weeks::new(4.0).unwrap(),
            d("2024-01-01"),
            d("2024-01-10")
        )
        .is_err());
    }
}

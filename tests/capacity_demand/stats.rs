//! Waiting-list statistics against NHSRwaitinglist's own tests of
//! `wl_queue_size` (nhs-r-community/NHSRwaitinglist,
//! `tests/testthat/test-wl_queue_size.R`), and the crate's stated
//! differences from `wl_stats` (units in weeks, demand counted as the
//! referrals, not the gaps).

use cancer_plan::capacity_demand::{queue_sizes, waiting_list_stats, WaitingListEntry, Weeks};
use chrono::NaiveDate;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn sizes(list: &[WaitingListEntry], start: &str, end: &str) -> Vec<u64> {
    queue_sizes(list, d(start), d(end))
        .unwrap()
        .iter()
        .map(|(_, s)| s)
        .collect()
}

#[test]
fn queue_sizes_agree_with_wl_queue_size_tests() {
    // "wl_queue_size computes correct queue size over the period"
    let list = [
        WaitingListEntry::removed(d("2024-01-01"), d("2024-01-08")),
        WaitingListEntry::waiting(d("2024-01-04")),
        WaitingListEntry::waiting(d("2024-01-10")),
        WaitingListEntry::waiting(d("2024-01-16")),
    ];
    let q = sizes(&list, "2024-01-01", "2024-01-31");
    assert_eq!(q.len(), 31);
    assert_eq!(q[0], 1);
    assert_eq!(q[3], 2);
    // "wl_queue_size handles no removals correctly"
    let list = [
        WaitingListEntry::waiting(d("2024-01-01")),
        WaitingListEntry::waiting(d("2024-01-04")),
        WaitingListEntry::waiting(d("2024-01-10")),
    ];
    assert_eq!(
        sizes(&list, "2024-01-01", "2024-01-10"),
        [1, 1, 1, 2, 2, 2, 2, 2, 2, 3]
    );
    // "wl_queue_size accounts for removals correctly"
    let list = [
        WaitingListEntry::removed(d("2024-01-01"), d("2024-01-08")),
        WaitingListEntry::removed(d("2024-01-04"), d("2024-01-15")),
        WaitingListEntry::waiting(d("2024-01-10")),
        WaitingListEntry::waiting(d("2024-01-16")),
    ];
    let q = sizes(&list, "2024-01-01", "2024-01-31");
    assert_eq!(q[6], 2);
    assert_eq!(q[14], 1);
    // The package errors on an empty list; here an empty list is a list of
    // no patients.
    assert_eq!(sizes(&[], "2024-01-01", "2024-01-03"), [0, 0, 0]);
}

#[test]
fn waiting_list_stats_are_in_weeks_and_count_referrals() {
    // Referrals every 7 days for 10 weeks; each removed 14 days later:
    // demand 1 a week. As in the package, the first removal's gap runs from
    // the window's start (the list is never empty), so the 8 gaps are 14, 7,
    // ..., 7 days: capacity 7 / (63 / 8) a week.
    let mut list = Vec::new();
    for week in 0..10u64 {
        let referral = d("2024-01-01") + chrono::Days::new(7 * week);
        let removal = referral + chrono::Days::new(14);
        list.push(if removal <= d("2024-03-10") {
            WaitingListEntry::removed(referral, removal)
        } else {
            WaitingListEntry::waiting(referral)
        });
    }
    let stats = waiting_list_stats(
        &list,
        Weeks::new(4.0).unwrap(),
        d("2024-01-01"),
        d("2024-03-10"),
    )
    .unwrap();
    assert_eq!(stats.count_demand, 10); // the package would count 11 gaps
    assert!((stats.mean_demand.get() - 1.0).abs() < 1e-12);
    assert_eq!(stats.count_removals, 8);
    assert!((stats.mean_capacity.get() - 7.0 / (63.0 / 8.0)).abs() < 1e-12);
    assert_eq!(stats.cv_demand.get(), 0.0);
    assert_eq!(stats.queue_size, 2); // referred on 2024-02-26 and 2024-03-04
                                     // waits so far of 13 and 6 days: 9.5 days = 1.357 weeks; pressure 2 x 1.357 / 4
    assert!((stats.mean_wait.get() - 9.5 / 7.0).abs() < 1e-12);
    assert!((stats.pressure - 2.0 * 9.5 / 7.0 / 4.0).abs() < 1e-12);
    assert!(stats.target_capacity.is_some() && stats.relief_capacity.is_none());
}

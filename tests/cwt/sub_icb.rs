//! The Wessex sample of NHS England's CWT ICB sub-location extract (April
//! to October 2023), read through the one way in (`read_any_extract`) and
//! rolled up to the Wessex plan's ICBs by the plan's own sub-ICB membership.
//!
//! Expected figures: computed independently of this crate with Python's
//! `fractions.Fraction` over the same file (every row adds: the
//! sub-categories are disjoint).
#![cfg(all(feature = "cwt-extract", feature = "json"))]

use std::collections::BTreeSet;

use cancer_plan::cwt::extract::{
    read_any_extract, AnyExtract, Extract, Layout, LayoutRow, SubIcbExtract,
};
use cancer_plan::cwt::Performance;
use cancer_plan::{CwtStandard, OdsCode, YearMonth};

#[path = "../common/national.rs"]
mod national;

use crate::common;

/// The Wessex samples, read from the shared NHS data at run time (never
/// copied into the crate); `None` skips the test.
fn shared_samples() -> Option<(String, String)> {
    Some((
        common::shared_text("cwt/cwt-icb-sublocation-2023-04-to-10-wessex.csv")?,
        common::shared_text("cwt/cwt-provider-extract-2023-04-to-10-wessex.csv")?,
    ))
}
/// The rows read and the distinct organisation codes, in either layout
/// (code generic over the layouts, through `LayoutRow`).
fn rows_and_codes<R: LayoutRow>(extract: &Extract<R>) -> (usize, usize) {
    let codes: BTreeSet<&OdsCode> = extract.rows().iter().map(LayoutRow::code).collect();
    (extract.rows_read(), codes.len())
}

fn any_rows_and_codes(any: &AnyExtract) -> (usize, usize) {
    match any {
        AnyExtract::Provider(e) => rows_and_codes(e),
        AnyExtract::SubIcb(e) => rows_and_codes(e),
        _ => panic!("another layout"),
    }
}

const PLAN: &str = include_str!("../../examples/data/wessex-2024-25.json");

const FDS: CwtStandard = CwtStandard::FasterDiagnosis28Day;
const D31: CwtStandard = CwtStandard::Combined31Day;
const D62: CwtStandard = CwtStandard::Combined62Day;

fn sub_icb(text: &str) -> SubIcbExtract {
    match read_any_extract(text.as_bytes()).unwrap() {
        AnyExtract::SubIcb(e) => e,
        other => panic!("read as {}", other.layout()),
    }
}

fn oct() -> YearMonth {
    "2023-10".parse().unwrap()
}

fn perf(within: &str, total: &str) -> Performance {
    Performance::new(within.parse().unwrap(), total.parse().unwrap()).unwrap()
}

#[test]
fn the_sample_reads_whole_as_the_sub_icb_layout() {
    let Some((sub_icb_csv, _)) = shared_samples() else {
        return;
    };
    let any = read_any_extract(sub_icb_csv.as_bytes()).unwrap();
    assert_eq!(any.layout(), Layout::SubIcb);
    assert_eq!(any_rows_and_codes(&any).0, 204);
    assert!(any.bad_rows().is_empty(), "{:?}", any.bad_rows());
}

#[test]
fn october_2023_fds_by_icb_from_the_plans_membership() {
    let Some((sub_icb_csv, _)) = shared_samples() else {
        return;
    };
    let plan = cancer_plan::json::from_str(PLAN).unwrap();
    let (by_icb, uncovered) = sub_icb(&sub_icb_csv).by_icb(plan.alliance()).unwrap();
    assert!(uncovered.is_empty());
    // HIOW = D9Y0V (7,380 / 5,799) + 10R (772 / 599).
    assert_eq!(by_icb.get(oct(), FDS, "hiow"), Some(perf("6398", "8152")));
    assert_eq!(by_icb.get(oct(), FDS, "dorset"), Some(perf("2576", "3734")));
    assert_eq!(by_icb.get(oct(), D31, "hiow"), Some(perf("1823", "2067")));
    assert_eq!(by_icb.get(oct(), D62, "hiow"), Some(perf("674", "947")));
    assert_eq!(by_icb.get(oct(), D62, "dorset"), Some(perf("322", "474")));
    let (wessex, uncovered) = sub_icb(&sub_icb_csv).by_alliance(plan.alliance()).unwrap();
    assert!(uncovered.is_empty());
    assert_eq!(wessex.get(oct(), FDS, &()), Some(perf("8974", "11886")));
}

#[test]
fn the_sub_categories_add_up_to_each_standard() {
    let Some((sub_icb_csv, _)) = shared_samples() else {
        return;
    };
    let e = sub_icb(&sub_icb_csv);
    let by_location = e.tabulate().unwrap();
    assert_eq!(
        by_location.get(oct(), D31, "D9Y0V"),
        Some(perf("1693", "1916"))
    );
    let by_sub = e
        .aggregate_by(|r| (r.location().clone(), r.sub_category()))
        .unwrap();
    let (regrouped, _) = by_sub
        .regroup(|(location, _): &(OdsCode, _)| Some(location.clone()))
        .unwrap();
    assert_eq!(regrouped, by_location);
    // Five 31-day sub-categories and up to four 62-day ones per location
    // and month; FDS one.
    let count = |s: CwtStandard| {
        e.rows()
            .iter()
            .filter(|r| r.standard() == s && r.period() == oct() && r.location().as_str() == "11J")
            .count()
    };
    assert_eq!((count(FDS), count(D31), count(D62)), (1, 5, 4));
}

#[test]
fn locations_the_plan_does_not_cover_are_reported_not_dropped() {
    let Some((sub_icb_csv, _)) = shared_samples() else {
        return;
    };
    let mut text = sub_icb_csv.to_owned();
    text.push_str("2023-10-01,2023/24,OCT,28-day FDS,92A,,100.0,80.0,20\n");
    let plan = cancer_plan::json::from_str(PLAN).unwrap();
    let e = sub_icb(&text);
    let (by_icb, uncovered) = e.by_icb(plan.alliance()).unwrap();
    assert_eq!(
        uncovered.iter().map(OdsCode::as_str).collect::<Vec<_>>(),
        ["92A"]
    );
    assert_eq!(by_icb.get(oct(), FDS, "hiow"), Some(perf("6398", "8152")));
    let (wessex, also_uncovered) = e.by_alliance(plan.alliance()).unwrap();
    assert_eq!(also_uncovered, uncovered);
    assert_eq!(wessex.get(oct(), FDS, &()), Some(perf("8974", "11886")));
    let all = e.tabulate().unwrap().overall().unwrap();
    assert_eq!(
        all.get(oct(), FDS, &()),
        Some(perf(
            &(6398 + 2576 + 80).to_string(),
            &(8152 + 3734 + 100).to_string()
        ))
    );
}

#[test]
fn a_national_size_file_in_either_layout_totals_every_row() {
    let Some((sub_icb_csv, provider_csv)) = shared_samples() else {
        return;
    };
    for (sample, layout) in [
        (&provider_csv, Layout::Provider),
        (&sub_icb_csv, Layout::SubIcb),
    ] {
        let one = read_any_extract(sample.as_bytes()).unwrap();
        let national = national::replicate(sample, 17, 1, 7);
        let all = read_any_extract(national.as_bytes()).unwrap();
        assert_eq!(all.layout(), layout);
        let ((all_rows, all_codes), (one_rows, one_codes)) =
            (any_rows_and_codes(&all), any_rows_and_codes(&one));
        assert_eq!(all_rows, 17 * one_rows);
        assert!(all.bad_rows().is_empty(), "{:?}", &all.bad_rows()[..1]);
        assert_eq!(all_codes, 17 * one_codes);
        let overall = |e: &AnyExtract| e.tabulate().unwrap().overall().unwrap();
        let (one, all) = (overall(&one), overall(&all));
        assert_eq!(all.iter().count(), 21);
        for (month, standard, _, p) in one.iter() {
            let mut times17 = Performance::ZERO;
            for _ in 0..17 {
                times17 = times17.checked_add(p).unwrap();
            }
            assert_eq!(
                all.get(month, standard, &()),
                Some(times17),
                "{month} {standard}"
            );
        }
    }
}

#[test]
fn the_seven_month_provider_sample_reads_whole() {
    let Some((_, provider_csv)) = shared_samples() else {
        return;
    };
    let any = read_any_extract(provider_csv.as_bytes()).unwrap();
    assert_eq!(any.layout(), Layout::Provider);
    assert_eq!(any_rows_and_codes(&any).0, 3603);
    assert!(any.bad_rows().is_empty(), "{:?}", any.bad_rows());
    let series = any.tabulate().unwrap().series(FDS, "RHU");
    assert_eq!(series.len(), 7);
    assert_eq!(series[0].performance(), perf("1476", "1997"));
    assert_eq!(series[6].performance(), perf("2035", "2631"));
}

//! The Wessex sample of NHS England's CWT provider extract (October 2023),
//! read and aggregated through the public API.
//!
//! Expected totals: computed independently of this crate with Python's
//! `fractions.Fraction` over the same file under the same rule (FDS: all
//! rows; 31-day and 62-day: `ALL MODALITIES` rows only), and checked by hand
//! for the smallest trust (R1F) and the half counts of RNZ 62-day.

use std::collections::BTreeMap;

use cancer_plan::cwt::extract::{read_provider_extract, BadRowReason, LayoutRow, ProviderExtract};
use cancer_plan::cwt::{PatientCount, Performance};
use cancer_plan::{CwtStandard, OdsCode, YearMonth};

use crate::common;

/// The Wessex sample, read from the shared NHS data at run time (never
/// copied into the crate); `None` skips the test.
fn shared_sample() -> Option<String> {
    common::shared_text("cwt/cwt-provider-extract-2023-10-wessex.csv")
}

fn sample(text: &str) -> ProviderExtract {
    read_provider_extract(text.as_bytes()).unwrap()
}

fn oct() -> YearMonth {
    "2023-10".parse().unwrap()
}

fn perf(within: &str, total: &str) -> Performance {
    Performance::new(within.parse().unwrap(), total.parse().unwrap()).unwrap()
}

const FDS: CwtStandard = CwtStandard::FasterDiagnosis28Day;
const D31: CwtStandard = CwtStandard::Combined31Day;
const D62: CwtStandard = CwtStandard::Combined62Day;

/// (standard, trust, within, total).
const PER_TRUST: [(CwtStandard, &str, &str, &str); 21] = [
    (FDS, "R0D", "1768", "2638"),
    (FDS, "R1F", "429", "654"),
    (FDS, "RBD", "839", "1133"),
    (FDS, "RHM", "2055", "2419"),
    (FDS, "RHU", "2035", "2631"),
    (FDS, "RN5", "1660", "2094"),
    (FDS, "RNZ", "689", "1102"),
    (D31, "R0D", "636", "658"),
    (D31, "R1F", "97", "115"),
    (D31, "RBD", "131", "134"),
    (D31, "RHM", "877", "1060"),
    (D31, "RHU", "547", "620"),
    (D31, "RN5", "349", "366"),
    (D31, "RNZ", "105", "120"),
    (D62, "R0D", "247.5", "359"),
    (D62, "R1F", "64.5", "93"),
    (D62, "RBD", "78", "106.5"),
    (D62, "RHM", "187", "273.5"),
    (D62, "RHU", "221.5", "306"),
    (D62, "RN5", "186", "265"),
    (D62, "RNZ", "50", "99.5"),
];

#[test]
fn sample_reads_without_bad_rows() {
    let Some(sample_csv) = shared_sample() else {
        return;
    };
    let e = sample(&sample_csv);
    assert_eq!(e.rows_read(), 571);
    assert!(e.bad_rows().is_empty(), "{:?}", e.bad_rows());
}

#[test]
fn per_trust_totals_match_hand_checked_values() {
    let Some(sample_csv) = shared_sample() else {
        return;
    };
    let by_org = sample(&sample_csv).tabulate().unwrap();
    for (standard, trust, within, total) in PER_TRUST {
        assert_eq!(
            by_org.get(oct(), standard, trust),
            Some(perf(within, total)),
            "{standard} {trust}"
        );
    }
    assert_eq!(by_org.iter().count(), PER_TRUST.len());
}

#[test]
fn sample_totals_over_all_trusts() {
    let Some(sample_csv) = shared_sample() else {
        return;
    };
    let all = sample(&sample_csv).tabulate().unwrap().overall().unwrap();
    assert_eq!(all.get(oct(), FDS, &()), Some(perf("9475", "12671")));
    assert_eq!(all.get(oct(), D31, &()), Some(perf("2742", "3073")));
    assert_eq!(all.get(oct(), D62, &()), Some(perf("1034.5", "1502.5")));
    assert_eq!(
        all.get(oct(), FDS, &()).unwrap().display(2).to_string(),
        "74.78%"
    );
}

#[test]
fn half_counts_survive_aggregation_exactly() {
    let Some(sample_csv) = shared_sample() else {
        return;
    };
    let by_org = sample(&sample_csv).tabulate().unwrap();
    let rnz = by_org.get(oct(), D62, "RNZ").unwrap();
    assert_eq!(rnz.total(), PatientCount::from_halves(199));
    assert_eq!(rnz.total().to_string(), "99.5");
    assert_eq!(rnz.breaches().to_string(), "49.5");
    assert_eq!(rnz.display(2).to_string(), "50.25%");
    // Summed by trust x cancer type, then rolled up to trusts: the same
    // halves.
    let by_type = sample(&sample_csv)
        .aggregate_by(|r| (r.organisation().clone(), r.cancer_type().to_owned()))
        .unwrap();
    let (regrouped, unmapped) = by_type
        .regroup(|(org, _): &(OdsCode, String)| Some(org.clone()))
        .unwrap();
    assert!(unmapped.is_empty());
    assert_eq!(regrouped, by_org);
}

#[test]
fn alliance_fds_for_october_2023_equals_the_sum_of_the_seven_trusts_rows() {
    let Some(sample_csv) = shared_sample() else {
        return;
    };
    let e = sample(&sample_csv);
    let membership: BTreeMap<&str, &str> = ["RHM", "RHU", "RN5", "R1F", "R0D", "RBD", "RNZ"]
        .into_iter()
        .map(|trust| (trust, "Wessex"))
        .collect();
    let (alliance, unmapped) = e
        .tabulate()
        .unwrap()
        .regroup(|org| membership.get(org.as_str()).copied())
        .unwrap();
    assert!(unmapped.is_empty());
    let fds_rows: Vec<Performance> = e
        .rows()
        .iter()
        .filter(|r| r.standard() == FDS && membership.contains_key(r.organisation().as_str()))
        .map(|r| r.performance())
        .collect();
    assert_eq!(fds_rows.len(), 111);
    let sum = Performance::checked_sum(fds_rows).unwrap();
    assert_eq!(alliance.get(oct(), FDS, "Wessex"), Some(sum));
    assert_eq!(sum, perf("9475", "12671"));
}

#[test]
fn malformed_row_is_reported_with_its_line_number() {
    let Some(sample_csv) = shared_sample() else {
        return;
    };
    let mut text = sample_csv.to_owned();
    // Line 573 (after the header and 571 data rows): a non-numeric count.
    text.push_str("2023-10-01,2023/24,OCT,28-day FDS,RHM,URGENT SUSPECTED CANCER,,Suspected lung cancer,forty,39,1\n");
    // Line 574: within > total.
    text.push_str("2023-10-01,2023/24,OCT,28-day FDS,RHM,URGENT SUSPECTED CANCER,,Suspected lung cancer,1,2,0\n");
    let e = read_provider_extract(text.as_bytes()).unwrap();
    assert_eq!(e.rows().len(), 571);
    assert_eq!(e.bad_rows().len(), 2);
    assert_eq!(e.bad_rows()[0].line(), 573);
    assert!(matches!(
        e.bad_rows()[0].reason(),
        BadRowReason::Count { column: "TOTAL TREATED", text } if text == "forty"
    ));
    assert_eq!(e.bad_rows()[1].line(), 574);
    assert!(e.bad_rows()[1]
        .to_string()
        .starts_with("line 574: WITHIN STANDARD 2 exceeds TOTAL TREATED 1"));
}

#[test]
fn several_months_give_a_monthly_series_per_organisation() {
    let Some(sample_csv) = shared_sample() else {
        return;
    };
    // The sample again, relabelled November 2023: two points per series.
    let mut text = sample_csv.to_owned();
    for line in sample_csv.lines().skip(1) {
        text.push_str(&line.replacen("2023-10-01,2023/24,OCT", "2023-11-01,2023/24,NOV", 1));
        text.push('\n');
    }
    let e = read_provider_extract(text.as_bytes()).unwrap();
    assert!(e.bad_rows().is_empty());
    let by_org = e.tabulate().unwrap();
    let series = by_org.series(FDS, "RHM");
    let months: Vec<String> = series.iter().map(|m| m.month().to_string()).collect();
    assert_eq!(months, ["2023-10", "2023-11"]);
    assert!(series
        .iter()
        .all(|m| m.performance() == perf("2055", "2419")));
    let all = by_org.overall().unwrap();
    assert_eq!(all.series(D62, &()).len(), 2);
}

#[test]
fn a_file_pasted_twice_reports_every_repeat_and_counts_once() {
    let Some(sample_csv) = shared_sample() else {
        return;
    };
    let mut text = sample_csv.to_owned();
    for line in sample_csv.lines().skip(1) {
        text.push_str(line);
        text.push('\n');
    }
    let e = read_provider_extract(text.as_bytes()).unwrap();
    assert_eq!(e.rows_read(), 2 * 571);
    assert_eq!(e.rows().len(), 571);
    assert_eq!(e.bad_rows().len(), 571);
    // Line 2 + 571 = 573 repeats line 2.
    assert_eq!(e.bad_rows()[0].line(), 573);
    assert_eq!(
        e.bad_rows()[0].reason(),
        &BadRowReason::Duplicate { first_line: 2 }
    );
    assert_eq!(
        e.tabulate().unwrap(),
        sample(&sample_csv).tabulate().unwrap()
    );
}

#[test]
fn the_rows_left_out_by_the_modality_rule_are_counted_per_standard() {
    let Some(sample_csv) = shared_sample() else {
        return;
    };
    let e = sample(&sample_csv);
    // 31-day: 198 rows, 152 `ALL MODALITIES`; 62-day: 262 rows, 184.
    assert_eq!(e.excluded_by_modality_rule(D31), 46);
    assert_eq!(e.excluded_by_modality_rule(D62), 78);
    assert_eq!(e.excluded_by_modality_rule(FDS), 0);
}

#[test]
fn a_62_day_row_with_a_blank_modality_is_a_bad_row() {
    let Some(sample_csv) = shared_sample() else {
        return;
    };
    let mut text = sample_csv.to_owned();
    // Line 573: a 62-day row whose modality was lost.
    text.push_str("2023-10-01,2023/24,OCT,62-day Combined,RHM,URGENT SUSPECTED CANCER,,Suspected lung cancer,5,4,1\n");
    let e = read_provider_extract(text.as_bytes()).unwrap();
    assert_eq!(e.rows().len(), 571);
    assert_eq!(e.bad_rows().len(), 1);
    assert_eq!(e.bad_rows()[0].line(), 573);
    assert_eq!(
        e.bad_rows()[0].reason(),
        &BadRowReason::MissingModality { standard: D62 }
    );
}

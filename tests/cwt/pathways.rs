//! Patient pathways through the public API: days, within/breach, reporting
//! month, data-quality findings, and the fast aggregation agreeing with the
//! straightforward one.

use cancer_plan::cwt::pathway::{
    measure_pathways, Adjustment, AdjustmentReason, DataQualityKind, Pathway, PathwayCounts,
    ReportingWindow, Route, MAX_CELLS, MAX_PROVIDERS,
};
#[cfg(feature = "proptest")]
use cancer_plan::strategies::CwtParams;
use cancer_plan::{CwtStandard, OdsCode, TumourSite, YearMonth};
use chrono::NaiveDate;
#[cfg(feature = "proptest")]
use proptest::prelude::*;

const FDS: CwtStandard = CwtStandard::FasterDiagnosis28Day;
const D31: CwtStandard = CwtStandard::Combined31Day;
const D62: CwtStandard = CwtStandard::Combined62Day;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn rhm() -> OdsCode {
    "RHM".parse().unwrap()
}

fn usc(referral: NaiveDate) -> Pathway {
    Pathway::new(Route::UrgentSuspectedCancer, TumourSite::Lung, rhm())
        .with_referral_received(referral)
}

#[test]
fn day_28_is_within_the_fds_and_day_29_is_not() {
    let start = date(2024, 1, 31);
    let day28 = usc(start).with_told_outcome(date(2024, 2, 28));
    let day29 = usc(start).with_told_outcome(date(2024, 2, 29));
    let m28 = day28.measure(FDS).unwrap().unwrap();
    let m29 = day29.measure(FDS).unwrap().unwrap();
    assert_eq!((m28.days(), m28.is_within()), (28, true));
    assert_eq!((m29.days(), m29.is_within()), (29, false));
    assert_eq!(m29.reporting_month().to_string(), "2024-02");

    // The same through the fast path.
    let feb: YearMonth = "2024-02".parse().unwrap();
    let mut counts = PathwayCounts::new(ReportingWindow::new(feb, feb).unwrap(), 1).unwrap();
    counts.add(0, &[day28, day29]);
    let p = counts.get(feb, &rhm(), TumourSite::Lung, FDS).unwrap();
    assert_eq!(
        (p.within().to_string(), p.total().to_string()),
        ("1".into(), "2".into())
    );
}

#[test]
fn day_31_and_62_boundaries() {
    let p = usc(date(2024, 3, 1))
        .with_told_outcome(date(2024, 3, 20))
        .with_decision_to_treat(date(2024, 4, 1))
        .with_first_treatment(date(2024, 5, 2)); // 31 days after DTT, 62 after referral
    let m31 = p.measure(D31).unwrap().unwrap();
    let m62 = p.measure(D62).unwrap().unwrap();
    assert_eq!((m31.days(), m31.is_within()), (31, true));
    assert_eq!((m62.days(), m62.is_within()), (62, true));
    let late = p.clone().with_first_treatment(date(2024, 5, 3));
    assert!(!late.measure(D31).unwrap().unwrap().is_within());
    assert!(!late.measure(D62).unwrap().unwrap().is_within());
    assert_eq!(
        late.measure(D62)
            .unwrap()
            .unwrap()
            .reporting_month()
            .to_string(),
        "2024-05"
    );
}

#[test]
fn fds_stops_at_decision_to_treat_if_earlier_than_told() {
    let p = usc(date(2024, 3, 1))
        .with_decision_to_treat(date(2024, 3, 25))
        .with_told_outcome(date(2024, 4, 10));
    let m = p.measure(FDS).unwrap().unwrap();
    assert_eq!(m.clock_stop(), date(2024, 3, 25));
    assert!(m.is_within());
}

#[test]
fn adjustments_apply_to_the_right_standards() {
    let p = usc(date(2024, 3, 1))
        .with_told_outcome(date(2024, 4, 5)) // 35 days
        .with_decision_to_treat(date(2024, 4, 5))
        .with_first_treatment(date(2024, 5, 15)) // DTT+40, referral+75
        .with_adjustment(Adjustment::new(
            AdjustmentReason::DidNotAttendFirstAppointment,
            7,
        ))
        .with_adjustment(Adjustment::new(
            AdjustmentReason::PatientInitiatedTreatmentDelay,
            10,
        ));
    assert_eq!(p.measure(FDS).unwrap().unwrap().days(), 28);
    assert_eq!(p.measure(D31).unwrap().unwrap().days(), 30);
    assert_eq!(p.measure(D62).unwrap().unwrap().days(), 58);
}

#[test]
fn routes_decide_the_standards() {
    let upgrade = Pathway::new(Route::ConsultantUpgrade, TumourSite::Breast, rhm())
        .with_referral_received(date(2024, 1, 1))
        .with_told_outcome(date(2024, 1, 10))
        .with_decision_to_treat(date(2024, 1, 15))
        .with_first_treatment(date(2024, 1, 20));
    assert!(upgrade.measure(FDS).unwrap().is_none());
    assert!(upgrade.measure(D62).unwrap().is_some());
    let other = Pathway::new(Route::Other, TumourSite::Breast, rhm())
        .with_decision_to_treat(date(2024, 1, 15))
        .with_first_treatment(date(2024, 1, 20));
    assert!(other.measure(D62).unwrap().is_none());
    assert!(other.measure(D31).unwrap().is_some());
}

#[test]
fn impossible_records_are_typed_findings_with_their_index() {
    let pathways = vec![
        usc(date(2024, 3, 1)).with_told_outcome(date(2024, 3, 10)),
        usc(date(2024, 3, 10)).with_told_outcome(date(2024, 3, 1)),
        Pathway::new(Route::UrgentSuspectedCancer, TumourSite::Lung, rhm())
            .with_decision_to_treat(date(2024, 3, 1))
            .with_first_treatment(date(2024, 3, 20)),
        Pathway::new(Route::Other, TumourSite::Lung, rhm()).with_first_treatment(date(2024, 3, 20)),
        usc(date(2024, 3, 1))
            .with_told_outcome(date(2024, 3, 3))
            .with_adjustment(Adjustment::new(
                AdjustmentReason::DidNotAttendFirstAppointment,
                5,
            )),
    ];
    let (table, findings) = measure_pathways(&pathways, |p| p.provider().clone()).unwrap();
    let kinds: Vec<(usize, DataQualityKind)> =
        findings.iter().map(|f| (f.index(), f.kind())).collect();
    assert_eq!(
        kinds,
        vec![
            (
                1,
                DataQualityKind::ClockStopBeforeStart {
                    standard: FDS,
                    start: date(2024, 3, 10),
                    stop: date(2024, 3, 1)
                }
            ),
            (
                2,
                DataQualityKind::OutcomeWithoutReferral {
                    stop: date(2024, 3, 1)
                }
            ),
            (
                2,
                DataQualityKind::TreatmentWithoutReferral {
                    treatment: date(2024, 3, 20)
                }
            ),
            (
                3,
                DataQualityKind::TreatmentWithoutDecisionToTreat {
                    treatment: date(2024, 3, 20)
                }
            ),
            (
                4,
                DataQualityKind::AdjustmentExceedsWait {
                    standard: FDS,
                    days: 2,
                    adjustment: 5
                }
            ),
        ]
    );
    assert!(findings[2]
        .to_string()
        .starts_with("record 2: 62-day combined"));
    let march: YearMonth = "2024-03".parse().unwrap();
    // Record 2 still counts for the 31-day standard.
    assert_eq!(
        table.get(march, D31, "RHM").unwrap().total().to_string(),
        "1"
    );
    assert_eq!(
        table.get(march, FDS, "RHM").unwrap().total().to_string(),
        "1"
    );

    // The fast path finds the same, with the same indexes.
    let mut counts = PathwayCounts::new(ReportingWindow::new(march, march).unwrap(), 1).unwrap();
    counts.add(0, &pathways);
    let mut fast: Vec<(usize, DataQualityKind)> = counts
        .findings()
        .iter()
        .map(|f| (f.index(), f.kind()))
        .collect();
    fast.sort_by_key(|(i, _)| *i);
    assert_eq!(fast, kinds);
}

#[test]
fn a_provider_beyond_the_table_is_a_finding_not_a_cell() {
    let april: YearMonth = "2024-04".parse().unwrap();
    let seen = |code: &str| {
        Pathway::new(
            Route::UrgentSuspectedCancer,
            TumourSite::Lung,
            code.parse().unwrap(),
        )
        .with_referral_received(date(2024, 4, 1))
        .with_told_outcome(date(2024, 4, 10))
    };
    let pathways = [seen("RHM"), seen("RHU"), seen("RHM"), seen("RHU")];
    let mut counts = PathwayCounts::new(ReportingWindow::new(april, april).unwrap(), 1).unwrap();
    counts.add(10, &pathways);
    assert_eq!(counts.provider_codes(), [rhm()]);
    let kinds: Vec<(usize, DataQualityKind)> = counts
        .findings()
        .iter()
        .map(|f| (f.index(), f.kind()))
        .collect();
    let beyond = DataQualityKind::ProviderBeyondTable { providers: 1 };
    assert_eq!(kinds, [(11, beyond), (13, beyond)]);
    assert_eq!(
        beyond.to_string(),
        "the provider is one more than the 1 providers the table was sized for"
    );
    let p = counts.get(april, &rhm(), TumourSite::Lung, FDS).unwrap();
    assert_eq!(p.total().to_string(), "2");
    assert!(counts
        .get(april, &"RHU".parse().unwrap(), TumourSite::Lung, FDS)
        .is_none());
}

/// Pathways as the crate's own strategy makes them, with the data-quality
/// problems real files hold (so the findings paths are exercised too).
#[cfg(feature = "proptest")]
fn arb_pathway() -> impl Strategy<Value = Pathway> {
    cancer_plan::strategies::pathway(&CwtParams {
        months: "2024-01".parse().unwrap()..="2024-08".parse().unwrap(),
        providers: ["RHM", "RHU", "R0D"]
            .iter()
            .map(|c| c.parse().unwrap())
            .collect(),
        icbs: Vec::new(),
        size: 0..=0,
        data_quality_problems: true,
    })
}

#[cfg(feature = "proptest")]
proptest! {
    #[test]
    fn fast_aggregation_agrees_with_measuring_each_pathway(
        pathways in proptest::collection::vec(arb_pathway(), 0..200),
        split in 0usize..200,
    ) {
        let (table, findings) =
            measure_pathways(&pathways, |p| (p.provider().clone(), p.tumour_site())).unwrap();
        // A window that holds some of the months and leaves others out.
        let window = ReportingWindow::new("2024-02".parse().unwrap(), "2024-08".parse().unwrap()).unwrap();
        let split = split.min(pathways.len());
        // Added in two chunks, one after the other (three providers at most).
        let mut counts = PathwayCounts::new(window, 3).unwrap();
        counts.add(0, &pathways[..split]);
        counts.add(split, &pathways[split..]);
        let fast = counts
            .tabulate(|code, site| (code.clone(), site))
            .unwrap();
        let mut outside = [0u64; 3];
        for (month, standard, key, p) in table.iter() {
            if month < window.first() || month > window.last() {
                outside[standard as usize] += p.total().halves() / 2;
                continue;
            }
            prop_assert_eq!(fast.get(month, standard, key), Some(p));
        }
        prop_assert_eq!(fast.iter().count(), table.iter().filter(|(m, ..)| *m >= window.first() && *m <= window.last()).count());
        for standard in CwtStandard::ALL {
            prop_assert_eq!(counts.outside_window(standard), outside[standard as usize]);
        }
        let mut a: Vec<_> = findings.iter().map(|f| (f.index(), f.kind().to_string())).collect();
        let mut b: Vec<_> = counts.findings().iter().map(|f| (f.index(), f.kind().to_string())).collect();
        a.sort();
        b.sort();
        prop_assert_eq!(a, b);

        // Split over threads: the very same aggregation, findings in order,
        // also with room for fewer providers than the pathways name.
        for room in [3, 1] {
            let mut sequential = PathwayCounts::new(window, room).unwrap();
            sequential.add(0, &pathways);
            for threads in [1usize, 2, 3, 7] {
                let mut parallel = PathwayCounts::new(window, room).unwrap();
                parallel.add_parallel(0, &pathways, std::num::NonZeroUsize::new(threads).unwrap());
                prop_assert_eq!(&parallel, &sequential);
            }
        }
    }
}

#[test]
fn pathways_and_their_results_serialise() {
    let p = usc(date(2024, 3, 1))
        .with_told_outcome(date(2024, 4, 5))
        .with_adjustment(Adjustment::new(
            AdjustmentReason::DidNotAttendFirstAppointment,
            7,
        ));
    let json = serde_json::to_string(&p).unwrap();
    assert!(
        json.contains(r#""route":"urgent_suspected_cancer""#),
        "{json}"
    );
    assert!(
        json.contains(r#""referral_received":"2024-03-01""#),
        "{json}"
    );
    assert_eq!(serde_json::from_str::<Pathway>(&json).unwrap(), p);
    // Open pathways omit what they do not have.
    let open: Pathway = serde_json::from_str(
        r#"{"route":"breast_symptomatic","tumour_site":"breast","provider":"RHU","icb":null,
            "referral_received":"2024-04-01","told_outcome":null,"decision_to_treat":null,"first_treatment":null}"#,
    )
    .unwrap();
    assert!(open.measure(FDS).unwrap().is_none());
    let measured = serde_json::to_value(p.measure(FDS).unwrap().unwrap()).unwrap();
    assert_eq!(measured["days"], 28);
}

#[test]
fn an_impossible_table_size_is_an_error_before_allocating() {
    // 1,200 months x 65,536 providers asked for 56.6 GB in one `vec!`,
    // which aborted the process.
    let first: YearMonth = "1950-01".parse().unwrap();
    let window = ReportingWindow::new(first, first.plus_months(1199).unwrap()).unwrap();
    let err = PathwayCounts::new(window, MAX_PROVIDERS).unwrap_err();
    assert_eq!((err.months(), err.providers()), (1200, MAX_PROVIDERS));
    assert!(
        err.to_string().contains("1200 months x 65536 providers"),
        "{err}"
    );
    assert!(PathwayCounts::new(window, usize::MAX).is_err());
    // The largest table allowed is made.
    let providers = MAX_CELLS / (1200 * 45);
    let counts = PathwayCounts::new(window, providers).unwrap();
    assert!(counts.cells() <= MAX_CELLS);
    assert!(PathwayCounts::new(window, providers + 1).is_err());
}

#[test]
fn a_huge_provider_count_is_capped_at_what_a_provider_index_can_name() {
    let month: YearMonth = "2024-04".parse().unwrap();
    let window = ReportingWindow::new(month, month).unwrap();
    // Uncapped, usize::MAX providers asked for a table beyond any memory
    // (a capacity-overflow panic).
    let counts = PathwayCounts::new(window, usize::MAX).unwrap();
    assert_eq!(counts.providers(), MAX_PROVIDERS);
    assert_eq!(MAX_PROVIDERS, usize::from(u16::MAX) + 1);
    assert_eq!(PathwayCounts::new(window, 3).unwrap().providers(), 3);
}

#[test]
fn adjustments_sum_saturating_and_both_paths_agree() {
    // 65,537 adjustments of 65,535 days make u32::MAX; 11 more days wrapped
    // a plain u32 sum round to 10 (a 35-day FDS wait became 25: within),
    // and panicked in debug builds. Saturating, the adjustment exceeds the
    // wait: a finding, on both paths.
    let mut p = usc(date(2024, 1, 1))
        .with_told_outcome(date(2024, 2, 5))
        .with_first_treatment(date(2024, 3, 1));
    let dna = |days| Adjustment::new(AdjustmentReason::DidNotAttendFirstAppointment, days);
    for _ in 0..65_537 {
        p = p.with_adjustment(dna(u16::MAX));
    }
    p = p.with_adjustment(dna(11));
    assert_eq!(p.adjustment_days(FDS), u32::from(u16::MAX));
    assert_eq!(p.adjustment_days(D31), 0);
    assert_eq!(
        p.measure(FDS),
        Err(DataQualityKind::AdjustmentExceedsWait {
            standard: FDS,
            days: 35,
            adjustment: u32::from(u16::MAX),
        })
    );
    let pathways = [p];
    let (_, reference) = measure_pathways(&pathways, |_| ()).unwrap();
    let first: YearMonth = "2024-01".parse().unwrap();
    let last: YearMonth = "2024-12".parse().unwrap();
    let mut counts = PathwayCounts::new(ReportingWindow::new(first, last).unwrap(), 1).unwrap();
    counts.add(0, &pathways);
    assert_eq!(counts.findings(), reference.as_slice());
    assert_eq!(reference.len(), 3); // FDS and 62-day exceed; 31-day has no decision to treat
}

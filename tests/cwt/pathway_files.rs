//! Pathway files through the public API: the CSV, Arrow and Parquet readers
//! give exactly the cells and findings `measure_pathways` and
//! `PathwayCounts` give; every bad-record kind is reported with its line.

use std::sync::Arc;

use arrow_array::builder::StringDictionaryBuilder;
use arrow_array::types::Int32Type;
use arrow_array::{ArrayRef, Date32Array, Int64Array, RecordBatch, StringArray};
use cancer_plan::cwt::pathway::{
    aggregate_record_batches, measure_pathways, read_pathways_csv, read_pathways_parquet,
    AdjustmentReason, BadPathwayRowReason, ColumnMapping, LayoutError, Pathway, PathwayColumn,
    PathwayCounts, PathwayFileCounts, PathwayReadError, ReportingWindow, Route,
};
#[cfg(feature = "proptest")]
use cancer_plan::strategies::CwtParams;
use cancer_plan::{CwtStandard, OdsCode, TumourSite};
use chrono::NaiveDate;
use proptest::prelude::*;

const HEADER: &str = "provider,icb,route,tumour_site,referral_received,told_outcome,decision_to_treat,first_treatment,dna_adjustment_days,treatment_delay_days";

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn days(p: &Pathway, reason: AdjustmentReason) -> u16 {
    p.adjustments()
        .iter()
        .filter(|a| a.reason() == reason)
        .map(|a| a.days())
        .sum()
}

fn iso(d: Option<NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// The pathways as a layout CSV (adjustment 0 written blank, to test both).
fn to_csv(pathways: &[Pathway]) -> String {
    let mut out = format!("{HEADER}\n");
    for p in pathways {
        let adj = |r| match days(p, r) {
            0 => String::new(),
            n => n.to_string(),
        };
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{},{},{}\n",
            p.provider(),
            p.icb().map(|c| c.to_string()).unwrap_or_default(),
            p.route().code(),
            p.tumour_site().code(),
            iso(p.referral_received()),
            iso(p.told_outcome()),
            iso(p.decision_to_treat()),
            iso(p.first_treatment()),
            adj(AdjustmentReason::DidNotAttendFirstAppointment),
            adj(AdjustmentReason::PatientInitiatedTreatmentDelay),
        ));
    }
    out
}

fn epoch_days(d: Option<NaiveDate>) -> Option<i32> {
    d.map(|d| (d - date(1970, 1, 1)).num_days() as i32)
}

/// The pathways as a record batch: dictionary categoricals, `Date32`
/// dates, `Int64` adjustments.
fn to_batch(pathways: &[Pathway]) -> RecordBatch {
    let dict = |f: &dyn Fn(&Pathway) -> Option<String>| {
        let mut b = StringDictionaryBuilder::<Int32Type>::new();
        for p in pathways {
            match f(p) {
                Some(v) => b.append_value(v),
                None => b.append_null(),
            }
        }
        Arc::new(b.finish()) as ArrayRef
    };
    let dates = |f: &dyn Fn(&Pathway) -> Option<NaiveDate>| {
        Arc::new(Date32Array::from(
            pathways
                .iter()
                .map(|p| epoch_days(f(p)))
                .collect::<Vec<_>>(),
        )) as ArrayRef
    };
    let adj = |r| {
        Arc::new(Int64Array::from(
            pathways
                .iter()
                .map(|p| i64::from(days(p, r)))
                .collect::<Vec<_>>(),
        )) as ArrayRef
    };
    RecordBatch::try_from_iter_with_nullable([
        ("route", dict(&|p| Some(p.route().code().to_owned())), true),
        ("Provider", dict(&|p| Some(p.provider().to_string())), true),
        (
            "tumour_site",
            dict(&|p| Some(p.tumour_site().code().to_owned())),
            true,
        ),
        ("icb", dict(&|p| p.icb().map(|c| c.to_string())), true),
        ("referral_received", dates(&|p| p.referral_received()), true),
        ("told_outcome", dates(&|p| p.told_outcome()), true),
        ("decision_to_treat", dates(&|p| p.decision_to_treat()), true),
        ("first_treatment", dates(&|p| p.first_treatment()), true),
        (
            "dna_adjustment_days",
            adj(AdjustmentReason::DidNotAttendFirstAppointment),
            true,
        ),
        (
            "treatment_delay_days",
            adj(AdjustmentReason::PatientInitiatedTreatmentDelay),
            true,
        ),
        (
            "extra",
            Arc::new(StringArray::from(vec!["x"; pathways.len()])) as ArrayRef,
            true,
        ),
    ])
    .unwrap()
}

fn to_parquet(batches: &[RecordBatch]) -> std::fs::File {
    let mut file = tempfile();
    {
        let mut writer =
            parquet::arrow::ArrowWriter::try_new(&mut file, batches[0].schema(), None).unwrap();
        for b in batches {
            writer.write(b).unwrap();
        }
        writer.close().unwrap();
    }
    file
}

fn tempfile() -> std::fs::File {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let path = std::env::temp_dir().join(format!(
        "cancer-plan-pathways-{}-{}.parquet",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(true)
        .open(&path)
        .unwrap();
    let _ = std::fs::remove_file(&path);
    file
}

type Findings = Vec<(usize, String)>;

fn findings_of(read: &PathwayFileCounts) -> Findings {
    read.counts()
        .findings()
        .iter()
        .map(|f| (f.index(), f.kind().to_string()))
        .collect()
}

/// The reference: `measure_pathways`, and `PathwayCounts` in a window
/// holding every month; checks the file read agrees with both.
fn check_agrees(pathways: &[Pathway], read: &PathwayFileCounts) {
    let (table, findings) =
        measure_pathways(pathways, |p| (p.provider().clone(), p.tumour_site())).unwrap();
    assert!(read.bad_rows().is_empty(), "{:?}", read.bad_rows());
    assert_eq!(read.tabulate().unwrap(), table);
    let reference: Findings = findings
        .iter()
        .map(|f| (f.index(), f.kind().to_string()))
        .collect();
    assert_eq!(findings_of(read), reference);
    assert_eq!(read.records(), pathways.len() as u64);
    assert!(read.bad_rows().is_empty(), "{:?}", read.bad_rows());
    for standard in CwtStandard::ALL {
        assert_eq!(read.counts().outside_window(standard), 0);
    }
    // The window is exactly the months counted.
    if let (Some(first), Some(last)) = (table.periods().next(), table.periods().last()) {
        let window = read.counts().window();
        assert_eq!((window.first(), window.last()), (first.0, last.0));
    }
    // PathwayCounts over a window holding all the data gives the same.
    let window =
        ReportingWindow::new("2023-01".parse().unwrap(), "2026-12".parse().unwrap()).unwrap();
    let providers = read.counts().provider_codes().len();
    let mut counts = PathwayCounts::new(window, providers).unwrap();
    counts.add(0, pathways);
    let fast = counts.tabulate(|code, site| (code.clone(), site)).unwrap();
    assert_eq!(fast, table);
    assert_eq!(counts.provider_codes(), read.counts().provider_codes());
    assert_eq!(counts.findings(), read.counts().findings());
}

/// Pathways as the crate's own strategy makes them, with the data-quality
/// problems real files hold (so the findings paths are exercised too).
#[cfg(feature = "proptest")]
fn arb_pathway() -> impl Strategy<Value = Pathway> {
    cancer_plan::strategies::pathway(&CwtParams {
        months: "2024-01".parse().unwrap()..="2024-08".parse().unwrap(),
        providers: ["RHM", "RHU", "R0D", "RDZ"]
            .iter()
            .map(|c| c.parse().unwrap())
            .collect(),
        icbs: vec!["QRL".parse().unwrap()],
        size: 0..=0,
        data_quality_problems: true,
    })
}

#[cfg(feature = "proptest")]
proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn csv_arrow_and_parquet_count_as_measure_pathways_does(
        pathways in proptest::collection::vec(arb_pathway(), 0..150),
        split in 0usize..150,
    ) {
        let csv = to_csv(&pathways);
        let read = read_pathways_csv(csv.as_bytes(), &ColumnMapping::new()).unwrap();
        check_agrees(&pathways, &read);

        // Arrow, in two batches (record positions run on).
        let split = split.min(pathways.len());
        let batches = [to_batch(&pathways[..split]), to_batch(&pathways[split..])];
        let arrow = aggregate_record_batches(batches.iter().cloned().map(Ok), &ColumnMapping::new()).unwrap();
        check_agrees(&pathways, &arrow);
        prop_assert_eq!(arrow.ignored_columns(), ["extra"]);

        let parquet = read_pathways_parquet(to_parquet(&batches), &ColumnMapping::new()).unwrap();
        check_agrees(&pathways, &parquet);
        prop_assert_eq!(parquet.ignored_columns(), ["extra"]);
    }
}

/// Many records: several 1 MiB blocks and 64K-record chunks, and data over
/// three years so that the window grows while reading.
#[test]
fn large_files_cross_blocks_and_chunks_and_grow_the_window() {
    let mut pathways = Vec::new();
    let sites = TumourSite::ALL;
    for i in 0..150_000usize {
        let code: OdsCode = format!("R{:02}", i % 97).parse().unwrap();
        let start = date(2023, 1, 1) + chrono::Duration::days((i * 7 % 1000) as i64);
        let mut p = Pathway::new(Route::ALL[i % 5], sites[i % 15], code)
            .with_referral_received(start)
            .with_told_outcome(start + chrono::Duration::days((i % 45) as i64));
        if i % 3 == 0 {
            p = p
                .with_decision_to_treat(start + chrono::Duration::days(30))
                .with_first_treatment(start + chrono::Duration::days(30 + (i % 50) as i64));
        }
        if i % 1000 == 0 {
            p = p.with_told_outcome(start - chrono::Duration::days(1)); // impossible
        }
        pathways.push(p);
    }
    let csv = to_csv(&pathways);
    assert!(csv.len() > 3 << 20);
    let read = read_pathways_csv(csv.as_bytes(), &ColumnMapping::new()).unwrap();
    check_agrees(&pathways, &read);
    assert!(!read.counts().findings().is_empty());
    // Windows CRLF line ends read the same.
    let crlf = csv.replace('\n', "\r\n");
    assert_eq!(
        read_pathways_csv(crlf.as_bytes(), &ColumnMapping::new()).unwrap(),
        read
    );
}

fn read(body: &str) -> PathwayFileCounts {
    read_pathways_csv(
        format!("{HEADER}\n{body}").as_bytes(),
        &ColumnMapping::new(),
    )
    .unwrap()
}

fn lines_and_reasons(read: &PathwayFileCounts) -> Vec<(Option<u64>, BadPathwayRowReason)> {
    read.bad_rows()
        .iter()
        .map(|b| (b.line(), b.reason().clone()))
        .collect()
}

const GOOD: &str = "RHM,QRL,urgent_suspected_cancer,lung,2024-04-01,2024-04-20,,,,";

#[test]
fn every_bad_record_kind_is_reported_with_its_line_and_counted() {
    let body = [
        GOOD,                                                              // line 2
        "RHM,,urgent_suspected_cancer,lung,2024-04-31,2024-04-20,,,,",     // 3: date
        "RHM,,urgent_suspected_cancer,lung,1999-04-01,2024-04-20,,,,",     // 4: out of range
        "RHM,,two_week_wait,lung,2024-04-01,2024-04-20,,,,",               // 5: route
        "RHM,,urgent_suspected_cancer,spleen,2024-04-01,2024-04-20,,,,",   // 6: site
        "rhm,,urgent_suspected_cancer,lung,2024-04-01,2024-04-20,,,,",     // 7: provider
        "RHM,Q-RL,urgent_suspected_cancer,lung,2024-04-01,2024-04-20,,,,", // 8: icb
        "RHM,,urgent_suspected_cancer,lung,2024-04-01,2024-04-20,,,-3,",   // 9: negative
        "RHM,,urgent_suspected_cancer,lung,2024-04-01,2024-04-20,,,,two",  // 10: non-numeric
        "RHM,,urgent_suspected_cancer,lung,2024-04-01,2024-04-20,,,",      // 11: 9 fields
        "",                                                                // 12: blank, skipped
        ",,urgent_suspected_cancer,lung,2024-04-01,2024-04-20,,,,",        // 13: blank provider
        GOOD,                                                              // 14
    ]
    .join("\n");
    let read = read(&body);
    let text = |s: &str| s.to_owned();
    let c = |column| column;
    assert_eq!(
        lines_and_reasons(&read),
        vec![
            (
                Some(3),
                BadPathwayRowReason::UnparseableDate {
                    column: c(PathwayColumn::ReferralReceived),
                    text: text("2024-04-31")
                }
            ),
            (
                Some(4),
                BadPathwayRowReason::DateOutOfRange {
                    column: c(PathwayColumn::ReferralReceived),
                    text: text("1999-04-01")
                }
            ),
            (
                Some(5),
                BadPathwayRowReason::UnknownRoute {
                    text: text("two_week_wait")
                }
            ),
            (
                Some(6),
                BadPathwayRowReason::UnknownTumourSite {
                    text: text("spleen")
                }
            ),
            (
                Some(7),
                BadPathwayRowReason::BadOdsCode {
                    column: c(PathwayColumn::Provider),
                    text: text("rhm")
                }
            ),
            (
                Some(8),
                BadPathwayRowReason::BadOdsCode {
                    column: c(PathwayColumn::Icb),
                    text: text("Q-RL")
                }
            ),
            (
                Some(9),
                BadPathwayRowReason::NegativeAdjustment {
                    column: c(PathwayColumn::DnaAdjustmentDays),
                    text: text("-3")
                }
            ),
            (
                Some(10),
                BadPathwayRowReason::NonNumericAdjustment {
                    column: c(PathwayColumn::TreatmentDelayDays),
                    text: text("two")
                }
            ),
            (
                Some(11),
                BadPathwayRowReason::WrongFieldCount {
                    expected: 10,
                    found: 9
                }
            ),
            (
                Some(13),
                BadPathwayRowReason::BadOdsCode {
                    column: c(PathwayColumn::Provider),
                    text: text("")
                }
            ),
        ]
    );
    // Records are the data records (the blank line is none): 12, two good.
    assert_eq!(read.records(), 12);
    assert_eq!(read.bad_rows()[0].record(), 1);
    assert_eq!(read.bad_rows()[9].record(), 10);
    assert_eq!(
        read.total(CwtStandard::FasterDiagnosis28Day),
        (2, 2),
        "the good records still count"
    );
    assert!(read.bad_rows()[4]
        .to_string()
        .starts_with("line 7: provider: `rhm` is not an ODS code"));
}

#[test]
fn quoted_records_read_with_true_line_numbers() {
    // A quoted field with a newline inside: the records after it keep their
    // line numbers.
    let body = format!(
        "{GOOD}\n\"RHM\",\"\",\"urgent_suspected_cancer\",\"lung\",\"2024-04-01\",\"2024-04-20\",,,\"1\",\"\"\n\
         RHM,,\"urgent\nsuspected\",lung,2024-04-01,2024-04-20,,,,\n\
         RHM,,urgent_suspected_cancer,lung,2024-04-01,2024-04-xx,,,,\n{GOOD}"
    );
    let read = read(&body);
    assert_eq!(read.records(), 5);
    let got = lines_and_reasons(&read);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].0, Some(4));
    assert!(matches!(got[0].1, BadPathwayRowReason::UnknownRoute { .. }));
    assert_eq!(got[1].0, Some(6));
    assert_eq!(read.total(CwtStandard::FasterDiagnosis28Day), (3, 3));
}

#[test]
fn the_header_is_matched_without_case_in_any_order_and_can_be_mapped() {
    let csv = "\u{feff}TREATMENT_DELAY_DAYS,Org_Code,ROUTE,Site,Referral,Told,DTT,Treated,DNA,Patient_Id\n\
               ,RHM,urgent_suspected_cancer,lung,2024-04-01,2024-05-20,,,,17\n";
    let mapping = ColumnMapping::new()
        .with("org_code", PathwayColumn::Provider)
        .with("site", PathwayColumn::TumourSite)
        .with("referral", PathwayColumn::ReferralReceived)
        .with("told", PathwayColumn::ToldOutcome)
        .with("dtt", PathwayColumn::DecisionToTreat)
        .with("treated", PathwayColumn::FirstTreatment)
        .with("dna", PathwayColumn::DnaAdjustmentDays);
    let read = read_pathways_csv(csv.as_bytes(), &mapping).unwrap();
    assert_eq!(read.ignored_columns(), ["Patient_Id"]);
    assert_eq!(read.total(CwtStandard::FasterDiagnosis28Day), (0, 1));
    let err = read_pathways_csv(csv.as_bytes(), &ColumnMapping::new()).unwrap_err();
    assert!(
        matches!(
            err,
            PathwayReadError::Layout(LayoutError::MissingColumn {
                column: PathwayColumn::Provider,
                ..
            })
        ),
        "{err}"
    );
    assert!(matches!(
        read_pathways_csv(&b""[..], &ColumnMapping::new()),
        Err(PathwayReadError::NoHeader)
    ));
    // A header alone: no records, an empty table.
    let empty = read_pathways_csv(HEADER.as_bytes(), &ColumnMapping::new()).unwrap();
    assert_eq!(
        (empty.records(), empty.tabulate().unwrap().is_empty()),
        (0, true)
    );
}

#[test]
fn arrow_accepts_plain_strings_string_dates_and_reports_bad_values() {
    let text = |v: Vec<Option<&str>>| Arc::new(StringArray::from(v)) as ArrayRef;
    let batch = RecordBatch::try_from_iter([
        (
            "provider",
            text(vec![Some("RHM"), Some("RHM"), None, Some("RHM")]),
        ),
        ("route", text(vec![Some("urgent_suspected_cancer"); 4])),
        ("tumour_site", text(vec![Some("lung"); 4])),
        (
            "referral_received",
            text(vec![
                Some("2024-04-01"),
                Some("2024-04-01"),
                Some("2024-04-01"),
                Some("2024-04-01"),
            ]),
        ),
        (
            "told_outcome",
            text(vec![
                Some("2024-04-20"),
                Some("20/04/2024"),
                Some("2024-04-20"),
                Some("2024-04-20"),
            ]),
        ),
        ("decision_to_treat", text(vec![None; 4])),
        ("first_treatment", text(vec![None; 4])),
        (
            "dna_adjustment_days",
            Arc::new(Int64Array::from(vec![Some(0), Some(0), Some(0), Some(-2)])) as ArrayRef,
        ),
        (
            "treatment_delay_days",
            Arc::new(Int64Array::from(vec![None, None, None, None])) as ArrayRef,
        ),
    ])
    .unwrap();
    let read = aggregate_record_batches([Ok(batch)], &ColumnMapping::new()).unwrap();
    let got: Vec<(u64, Option<u64>, String)> = read
        .bad_rows()
        .iter()
        .map(|b| (b.record(), b.line(), b.to_string()))
        .collect();
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!((got[0].0, got[0].1), (1, None));
    assert!(
        got[0].2.starts_with("record 1: told_outcome: `20/04/2024`"),
        "{}",
        got[0].2
    );
    assert!(
        got[1]
            .2
            .starts_with("record 2: provider: `` is not an ODS code"),
        "{}",
        got[1].2
    );
    assert!(
        got[2]
            .2
            .starts_with("record 3: dna_adjustment_days: `-2` is negative"),
        "{}",
        got[2].2
    );
    assert_eq!(read.total(CwtStandard::FasterDiagnosis28Day), (1, 1));
    // A column of the wrong type is an error naming it.
    let wrong = RecordBatch::try_from_iter([
        ("provider", Arc::new(Int64Array::from(vec![1])) as ArrayRef),
        ("route", text(vec![Some("other")])),
        ("tumour_site", text(vec![Some("lung")])),
        ("referral_received", text(vec![None])),
        ("told_outcome", text(vec![None])),
        ("decision_to_treat", text(vec![None])),
        ("first_treatment", text(vec![None])),
        ("dna_adjustment_days", text(vec![None])),
        ("treatment_delay_days", text(vec![None])),
    ])
    .unwrap();
    let err = aggregate_record_batches([Ok(wrong)], &ColumnMapping::new()).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("column `provider` (provider) has type Int64"),
        "{err}"
    );
}

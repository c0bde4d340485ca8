//! Issue 17's cases for the pathway CSV reader, each seen to fail before
//! its fix: CR-only files (17.2), the table-size fallback (17.3), line
//! numbers after blank lines and quoted newlines (17.4), a stray `\r` (17.5),
//! bounded records and headers (17.6), files that are not CSV (17.7).

use cancer_plan::cwt::pathway::{
    read_pathways_csv, BadPathwayRowReason, ColumnMapping, PathwayReadError, MAX_PATHWAY_RECORD,
};
use cancer_plan::cwt::sniff::FileKind;
use cancer_plan::CwtStandard;

const HEADER: &str = "provider,route,tumour_site,referral_received,told_outcome,decision_to_treat,first_treatment,dna_adjustment_days,treatment_delay_days";
const GOOD: &str = "RHM,urgent_suspected_cancer,lung,2024-04-01,2024-04-29,,,0,0";
const BAD: &str = "RHM,spam,lung,2024-04-01,2024-04-29,,,0,0";

fn read(text: &str) -> Result<cancer_plan::cwt::pathway::PathwayFileCounts, PathwayReadError> {
    read_pathways_csv(text.as_bytes(), &ColumnMapping::new())
}

fn lines_of_bad(text: &str) -> Vec<u64> {
    read(text)
        .unwrap()
        .bad_rows()
        .iter()
        .map(|b| b.line().unwrap())
        .collect()
}

#[test]
fn cr_only_files_read_every_record() {
    // 17.2: returned Ok with 0 records.
    let text = [HEADER, GOOD, BAD, GOOD].join("\r");
    let read = read(&text).unwrap();
    assert_eq!(read.records(), 3);
    assert_eq!(read.bad_rows().len(), 1);
    assert_eq!(read.bad_rows()[0].line(), Some(3));
    assert_eq!(read.total(CwtStandard::FasterDiagnosis28Day), (2, 2));
}

#[test]
fn every_line_ending_gives_the_same_records_and_lines() {
    for ending in ["\n", "\r\n", "\r"] {
        for quoted in [false, true] {
            let good = if quoted {
                GOOD.replacen("RHM", "\"RHM\"", 1)
            } else {
                GOOD.to_owned()
            };
            let text = [HEADER, &good, "", BAD, "", "", BAD, &good].join(ending);
            let read = read(&text).unwrap();
            assert_eq!(read.records(), 4, "{ending:?} quoted {quoted}");
            let lines: Vec<_> = read.bad_rows().iter().map(|b| b.line()).collect();
            assert_eq!(lines, [Some(4), Some(7)], "{ending:?} quoted {quoted}");
        }
    }
}

#[test]
fn line_numbers_after_blank_lines_and_quoted_newlines() {
    // 17.4: the quoted path reported the first blank line's number.
    let text = format!("{HEADER}\n\"RHM\",{}\n\n\n{BAD}\n", &GOOD[4..]);
    assert_eq!(lines_of_bad(&text), [5]);
    let text =
        format!("{HEADER}\nRHM,\"urgent_suspected_cancer\",\"lu\nng\",2024-04-01,,,,0,0\n{BAD}\n");
    let read = read(&text).unwrap();
    let lines: Vec<_> = read.bad_rows().iter().map(|b| b.line().unwrap()).collect();
    assert_eq!(lines, [2, 4]);
}

#[test]
fn a_stray_cr_inside_a_line_is_data_with_or_without_a_quote() {
    // 17.5: with a quote in the block, the `\r` split the line in two.
    let stray = GOOD.replace("lung", "lu\rng");
    for other in [GOOD.to_owned(), GOOD.replacen("RHM", "\"RHM\"", 1)] {
        let text = [HEADER, &stray, &other].join("\n");
        let read = read(&text).unwrap();
        assert_eq!(read.records(), 2, "{other}");
        assert_eq!(read.bad_rows().len(), 1);
        assert_eq!(read.bad_rows()[0].line(), Some(2));
    }
}

#[test]
fn a_table_beyond_the_budget_is_an_error_naming_its_size() {
    // 17.3: 1,300 providers with stops in January 2000 and January 2099
    // reported 1,300 records and 0 bad, yet counted 650.
    let mut text = String::from(HEADER);
    for i in 0..1300 {
        let year = if i % 2 == 0 { 2000 } else { 2099 };
        text.push_str(&format!(
            "\nR{i:04},urgent_suspected_cancer,lung,{year}-01-01,{year}-01-20,,,0,0"
        ));
    }
    match read(&text) {
        Err(PathwayReadError::TableTooLarge(e)) => {
            assert_eq!(e.months(), 1189);
            assert_eq!(e.providers(), 1300);
            let message = PathwayReadError::TableTooLarge(e).to_string();
            assert!(
                message.contains("1189 months x 1300 providers"),
                "{message}"
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_record_longer_than_the_limit_is_a_bad_record_and_reading_goes_on() {
    let long = "x".repeat(MAX_PATHWAY_RECORD + 10);
    for quote in ["", "\""] {
        let text = format!("{HEADER}\n{GOOD}\n{quote}{long}\n{GOOD}\n{BAD}\n");
        let read = read(&text).unwrap();
        // A record opening a quote it never closes runs to the end of the
        // input: one record, too long.
        let records = if quote.is_empty() { 4 } else { 2 };
        assert_eq!(read.records(), records, "quote {quote:?}");
        let bad: Vec<_> = read
            .bad_rows()
            .iter()
            .map(|b| (b.line().unwrap(), b.reason().clone()))
            .collect();
        if quote.is_empty() {
            assert_eq!(
                bad,
                [
                    (
                        3,
                        BadPathwayRowReason::RecordTooLong {
                            limit: MAX_PATHWAY_RECORD
                        }
                    ),
                    (
                        5,
                        BadPathwayRowReason::UnknownRoute {
                            text: "spam".into()
                        }
                    )
                ]
            );
        }
    }
}

#[test]
fn a_header_longer_than_the_limit_is_an_error_quoting_a_prefix() {
    let text = "p".repeat(3 * MAX_PATHWAY_RECORD);
    let error = read(&text).unwrap_err();
    assert!(
        matches!(error, PathwayReadError::HeaderTooLong { .. }),
        "{error:?}"
    );
    assert!(error.to_string().len() < 200, "{error}");
}

#[test]
fn files_that_are_not_comma_separated_utf8_are_named() {
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(HEADER.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let cases: [(Vec<u8>, FileKind); 5] = [
        (utf16, FileKind::Utf16 { big_endian: false }),
        (b"PK\x03\x04\x14\0\0\0".to_vec(), FileKind::Zip),
        (b"PAR1\x15\x04".to_vec(), FileKind::Parquet),
        (
            HEADER.replace(',', "\t").into_bytes(),
            FileKind::TabSeparated,
        ),
        (
            HEADER.replace(',', ";").into_bytes(),
            FileKind::SemicolonSeparated,
        ),
    ];
    for (bytes, kind) in cases {
        match read_pathways_csv(&bytes[..], &ColumnMapping::new()) {
            Err(PathwayReadError::NotCsv(found)) => assert_eq!(found, kind),
            other => panic!("{kind:?}: {other:?}"),
        }
    }
}

#[test]
fn dates_are_strict_iso() {
    // 17.8: `+2024-04-01` was accepted (chrono's %Y).
    for date in ["+2024-04-01", "2024-4-1", "02024-04-01"] {
        let text = [HEADER, &GOOD.replace("2024-04-01", date)].join("\n");
        let read = read(&text).unwrap();
        assert_eq!(read.bad_rows().len(), 1, "{date}");
        assert!(matches!(
            read.bad_rows()[0].reason(),
            BadPathwayRowReason::UnparseableDate { .. }
        ));
    }
}

#[test]
fn a_u64_adjustment_above_i64_max_is_shown_as_itself() {
    // 17.7: shown as 9223372036854775807.
    use arrow_array::{ArrayRef, RecordBatch, StringArray, UInt64Array};
    use cancer_plan::cwt::pathway::PathwayBatches;
    use std::sync::Arc;
    let text = |v: &str| Arc::new(StringArray::from(vec![v])) as ArrayRef;
    let big = u64::MAX - 1;
    let batch = RecordBatch::try_from_iter([
        ("provider", text("RHM")),
        ("route", text("urgent_suspected_cancer")),
        ("tumour_site", text("lung")),
        ("referral_received", text("2024-04-01")),
        ("told_outcome", text("2024-04-29")),
        ("decision_to_treat", text("")),
        ("first_treatment", text("")),
        (
            "dna_adjustment_days",
            Arc::new(UInt64Array::from(vec![big])) as ArrayRef,
        ),
        (
            "treatment_delay_days",
            Arc::new(UInt64Array::from(vec![0])) as ArrayRef,
        ),
    ])
    .unwrap();
    let mut batches = PathwayBatches::new(&ColumnMapping::new());
    batches.add(&batch).unwrap();
    let read = batches.finish().unwrap();
    let message = read.bad_rows()[0].to_string();
    assert!(message.contains(&big.to_string()), "{message}");
}

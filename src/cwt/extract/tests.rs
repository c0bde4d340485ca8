//! Unit tests of reading an extract.

use super::*;
use crate::standard::CwtStandard;

const HEADER: &str = "PERIOD,YEAR,MONTH,STANDARD,ORG CODE,STAGE/ROUTE,TREATMENT MODALITY,CANCER TYPE,TOTAL TREATED,WITHIN STANDARD,BREACHES\n";

fn read(body: &str) -> ProviderExtract {
    read_provider_extract(format!("{HEADER}{body}").as_bytes()).unwrap()
}

#[test]
fn every_kind_of_bad_row_is_reported_with_its_line() {
    let e = read(concat!(
        "2023-10-01,2023/24,OCT,28-day FDS,RHM,USC,,Lung,10,8,2\n",
        "2023-10-01,2023/24,OCT,2WW,RHM,USC,,Lung,10,8,2\n",
        "2023-10-01,2023/24,OCT,28-day FDS,RHM,USC,,Lung,ten,8,2\n",
        "2023-10-01,2023/24,OCT,28-day FDS,RHM,USC,,Lung,8,10,0\n",
        "2023-10-01,2023/24,OCT,28-day FDS,RHM,USC,,Lung,10,8,3\n",
        "October,2023/24,OCT,28-day FDS,RHM,USC,,Lung,10,8,2\n",
        "2023-10-01,2023/24,OCT,28-day FDS,rhm,USC,,Lung,10,8,2\n",
        "2023-10-01,2023/24,OCT,28-day FDS,RHM\n",
        "2023-10-01,2023/24,OCT,28-day FDS,RHM,USC,,Lung,0.25,0,0.25\n",
    ));
    assert_eq!(e.rows().len(), 1);
    assert_eq!(e.rows_read(), 9);
    let lines: Vec<u64> = e.bad_rows().iter().map(BadRow::line).collect();
    assert_eq!(lines, [3, 4, 5, 6, 7, 8, 9, 10]);
    let r = |i: usize| e.bad_rows()[i].reason().clone();
    assert!(matches!(r(0), BadRowReason::UnknownStandard { .. }));
    assert!(matches!(
        r(1),
        BadRowReason::Count {
            column: "TOTAL TREATED",
            ..
        }
    ));
    assert!(matches!(r(2), BadRowReason::WithinExceedsTotal { .. }));
    assert!(matches!(r(3), BadRowReason::BreachesMismatch { .. }));
    assert!(matches!(r(4), BadRowReason::Period { .. }));
    assert!(matches!(r(5), BadRowReason::OrganisationCode { .. }));
    assert!(matches!(r(6), BadRowReason::Csv { .. }));
    assert!(matches!(r(7), BadRowReason::Count { .. }));
    assert!(e.bad_rows()[0]
        .to_string()
        .starts_with("line 3: STANDARD `2WW`"));
}

#[test]
fn crlf_files_report_true_line_numbers() {
    let text = format!("{HEADER}2023-10-01,2023/24,OCT,28-day FDS,RHM,\"USC, X\",,Lung,10,8,2\n2023-10-01,2023/24,OCT,28-day FDS,RHM,USC,,Lung,1,2,0\n")
        .replace('\n', "\r\n");
    let e = read_provider_extract(text.as_bytes()).unwrap();
    assert_eq!(e.rows().len(), 1);
    assert_eq!(e.rows()[0].route(), "USC, X");
    assert_eq!(e.rows()[0].line(), 2);
    assert_eq!(e.bad_rows()[0].line(), 3);
    let p = e.rows()[0].performance();
    assert_eq!(p.breaches().to_string(), "2");
}

#[test]
fn missing_column_is_fatal() {
    let err = read_provider_extract("PERIOD,STANDARD\n".as_bytes()).unwrap_err();
    assert!(matches!(
        err,
        ExtractError::MissingColumn {
            column: "ORG CODE",
            ..
        }
    ));
}

#[test]
fn modality_rule() {
    let e = read(concat!(
        "2023-10-01,2023/24,OCT,31-day Combined,RHM,First Treatment,ALL MODALITIES,Lung,10,9,1\n",
        "2023-10-01,2023/24,OCT,31-day Combined,RHM,First Treatment,Surgery,Lung,6,5,1\n",
        "2023-10-01,2023/24,OCT,31-day Combined,RHM,First Treatment,Radiotherapy,Lung,4,4,0\n",
        "2023-10-01,2023/24,OCT,28-day FDS,RHM,USC,,Lung,2.5,2,0.5\n",
        "2023-10-01,2023/24,OCT,28-day FDS,RHM,Screening,,Lung,1,1,0\n",
    ));
    let t = e.tabulate().unwrap();
    let oct = "2023-10".parse().unwrap();
    let p31 = t.get(oct, CwtStandard::Combined31Day, "RHM").unwrap();
    assert_eq!(
        (p31.within().to_string(), p31.total().to_string()),
        ("9".into(), "10".into())
    );
    let fds = t
        .get(oct, CwtStandard::FasterDiagnosis28Day, "RHM")
        .unwrap();
    assert_eq!(fds.total().to_string(), "3.5");
}

#[test]
fn blank_modality_on_a_31_or_62_day_row_is_a_bad_row() {
    let e = read(concat!(
        "2023-10-01,2023/24,OCT,31-day Combined,RHM,First Treatment,,Lung,10,9,1\n",
        "2023-10-01,2023/24,OCT,62-day Combined,RHM,USC,,Lung,4,3,1\n",
        "2023-10-01,2023/24,OCT,62-day Combined,RHM,USC,ALL MODALITIES,Lung,4,3,1\n",
        "2023-10-01,2023/24,OCT,28-day FDS,RHM,USC,,Lung,2,2,0\n",
    ));
    assert_eq!(e.rows().len(), 2);
    let bad: Vec<(u64, BadRowReason)> = e
        .bad_rows()
        .iter()
        .map(|b| (b.line(), b.reason().clone()))
        .collect();
    assert_eq!(
        bad,
        [
            (
                2,
                BadRowReason::MissingModality {
                    standard: CwtStandard::Combined31Day
                }
            ),
            (
                3,
                BadRowReason::MissingModality {
                    standard: CwtStandard::Combined62Day
                }
            ),
        ]
    );
    assert!(e.bad_rows()[0]
        .to_string()
        .starts_with("line 2: TREATMENT MODALITY is blank"));
}

#[test]
fn rows_left_out_by_the_modality_rule_are_counted() {
    let e = read(concat!(
        "2023-10-01,2023/24,OCT,62-day Combined,RHM,USC,ALL MODALITIES,Lung,10,9,1\n",
        "2023-10-01,2023/24,OCT,62-day Combined,RHM,USC,Surgery,Lung,6,5,1\n",
        "2023-10-01,2023/24,OCT,62-day Combined,RHM,USC,Radiotherapy,Lung,4,4,0\n",
        "2023-10-01,2023/24,OCT,31-day Combined,RHM,First,Surgery,Lung,4,4,0\n",
        "2023-10-01,2023/24,OCT,28-day FDS,RHM,USC,,Lung,2,2,0\n",
    ));
    assert_eq!(e.excluded_by_modality_rule(CwtStandard::Combined62Day), 2);
    assert_eq!(e.excluded_by_modality_rule(CwtStandard::Combined31Day), 1);
    assert_eq!(
        e.excluded_by_modality_rule(CwtStandard::FasterDiagnosis28Day),
        0
    );
}

#[test]
fn a_repeated_row_is_a_duplicate_and_not_counted() {
    let e = read(concat!(
        "2023-10-01,2023/24,OCT,28-day FDS,RHM,USC,,Lung,10,8,2\n",
        "2023-10-01,2023/24,OCT,28-day FDS,RHM,Screening,,Lung,1,1,0\n",
        "2023-10-01,2023/24,OCT,28-day FDS,RHM,usc,,LUNG,3,3,0\n",
        "2023-10-01,2023/24,OCT,28-day FDS,RHM,USC,,Lung,10,8,x\n",
    ));
    assert_eq!(e.rows().len(), 2);
    assert_eq!(e.bad_rows().len(), 2);
    assert_eq!(e.bad_rows()[0].line(), 4);
    assert_eq!(
        e.bad_rows()[0].reason(),
        &BadRowReason::Duplicate { first_line: 2 }
    );
    assert!(e.bad_rows()[0]
        .to_string()
        .starts_with("line 4: repeats line 2"));
    // A bad row is not a first occurrence.
    assert!(matches!(
        e.bad_rows()[1].reason(),
        BadRowReason::Count { .. }
    ));
    let t = e.tabulate().unwrap();
    let fds = t
        .get(
            "2023-10".parse().unwrap(),
            CwtStandard::FasterDiagnosis28Day,
            "RHM",
        )
        .unwrap();
    assert_eq!(fds.total().to_string(), "11");
}

#[test]
fn cr_only_line_endings_read_every_row_with_true_line_numbers() {
    let text = format!(
        "{HEADER}2023-10-01,2023/24,OCT,28-day FDS,RHM,USC,,Lung,10,8,2\n2023-10-01,2023/24,OCT,28-day FDS,RHM,Screening,,Lung,1,2,0\n2023-10-01,2023/24,OCT,28-day FDS,RHU,USC,,Lung,3,3,0\n"
    )
    .replace('\n', "\r");
    let e = read_provider_extract(text.as_bytes()).unwrap();
    assert_eq!(e.rows_read(), 3);
    assert_eq!(e.rows().len(), 2);
    assert_eq!(e.rows()[1].line(), 4);
    assert_eq!(e.bad_rows()[0].line(), 3);
    assert_eq!(e.rows()[1].organisation().as_str(), "RHU");
}

#[test]
fn a_column_named_twice_is_an_error_naming_it() {
    let header = "PERIOD,YEAR,MONTH,STANDARD,ORG CODE,STAGE/ROUTE,TREATMENT MODALITY,CANCER TYPE,TOTAL TREATED,WITHIN STANDARD, org code \n";
    let err = read_provider_extract(header.as_bytes()).unwrap_err();
    assert!(matches!(
        &err,
        ExtractError::DuplicateColumn { column, first: 5, second: 11 } if column == "ORG CODE"
    ));
    assert_eq!(
        err.to_string(),
        "the header names `ORG CODE` twice (columns 5 and 11)"
    );
    // Blank names (trailing commas) name nothing and may repeat.
    let blank = format!("{},,\n", HEADER.trim_end());
    assert!(read_provider_extract(blank.as_bytes()).is_ok());
}

#[test]
fn a_year_or_month_that_disagrees_with_period_is_a_bad_row() {
    let e = read(concat!(
        "2023-10-01,2023/24,OCT,28-day FDS,RHM,USC,,Lung,10,8,2\n",
        "2023-10-01,2022/23,OCT,28-day FDS,RHM,Screening,,Lung,10,8,2\n",
        "2023-10-01,2023/24,SEP,28-day FDS,RHM,BS,,Lung,10,8,2\n",
        "2023-10-01,2023/24,october,28-day FDS,RHM,Other,,Lung,10,8,2\n",
        "2024-03-01,2023/24,Mar,28-day FDS,RHM,USC,,Lung,10,8,2\n",
        "2024-04-01,2023/24,APR,28-day FDS,RHM,USC,,Lung,10,8,2\n",
        "2024-04-01,,APR,28-day FDS,RHM,Screening,,Lung,10,8,2\n",
    ));
    assert_eq!(e.rows().len(), 3);
    let bad: Vec<(u64, String)> = e
        .bad_rows()
        .iter()
        .map(|b| (b.line(), b.to_string()))
        .collect();
    assert_eq!(
        bad,
        [
            (
                3,
                "line 3: YEAR `2022/23` does not agree with PERIOD 2023-10 (expected `2023/24`)"
                    .to_owned()
            ),
            (
                4,
                "line 4: MONTH `SEP` does not agree with PERIOD 2023-10 (expected `OCT`)"
                    .to_owned()
            ),
            (
                7,
                "line 7: YEAR `2023/24` does not agree with PERIOD 2024-04 (expected `2024/25`)"
                    .to_owned()
            ),
            (
                8,
                "line 8: YEAR `` does not agree with PERIOD 2024-04 (expected `2024/25`)"
                    .to_owned()
            ),
        ]
    );
    // Without YEAR and MONTH columns there is nothing to disagree with.
    let e = read_provider_extract(
        "PERIOD,STANDARD,ORG CODE,STAGE/ROUTE,TREATMENT MODALITY,CANCER TYPE,TOTAL TREATED,WITHIN STANDARD\n2023-10-01,28-day FDS,RHM,USC,,Lung,10,8\n"
            .as_bytes(),
    )
    .unwrap();
    assert_eq!((e.rows().len(), e.bad_rows().len()), (1, 0));
}

#[test]
fn header_drift_is_tolerated() {
    // Lower case, surrounding space, a byte-order mark, another order, and
    // `TOTAL` for `TOTAL TREATED`.
    let text = "\u{feff} period ,standard,Org Code, stage/route ,Treatment Modality,cancer type,Total,within standard,breaches,year,month\n\
                2023-10-01,28-day fds,RHM,URGENT SUSPECTED CANCER,,Lung,10.0,8.0,2,2023/24,OCT\n\
                2023-10-01,31-DAY COMBINED,RHM,First Treatment,all modalities,Lung,4,3,1,2023/24,OCT\n\
                2023-10-01,31-day Combined,RHM,first treatment,ALL MODALITIES,lung,4,3,1,2023/24,OCT\n\
                2023-10-01,28-day FDS,RHM,Urgent Suspected Cancer,,LUNG,1,1,0,2023/24,OCT\n";
    let e = read_provider_extract(text.as_bytes()).unwrap();
    assert_eq!(e.rows().len(), 2, "{:?}", e.bad_rows());
    assert_eq!(
        e.bad_rows()
            .iter()
            .map(|b| b.reason().clone())
            .collect::<Vec<_>>(),
        [
            BadRowReason::Duplicate { first_line: 3 },
            BadRowReason::Duplicate { first_line: 2 }
        ]
    );
    let t = e.tabulate().unwrap();
    let oct = "2023-10".parse().unwrap();
    assert_eq!(
        t.get(oct, CwtStandard::Combined31Day, "RHM")
            .map(|p| p.total().to_string()),
        Some("4".into())
    );
    // A bad count names the column as the header has it.
    let e = read_provider_extract(
        "PERIOD,STANDARD,ORG CODE,STAGE/ROUTE,TREATMENT MODALITY,CANCER TYPE,TOTAL,WITHIN STANDARD\n2023-10-01,28-day FDS,RHM,USC,,Lung,0.25,0\n"
            .as_bytes(),
    )
    .unwrap();
    assert!(e.bad_rows()[0]
        .to_string()
        .starts_with("line 2: TOTAL `0.25` is not a count"));
}

#[test]
fn the_provider_reader_names_the_sub_icb_layout() {
    let err = read_provider_extract(
        "PERIOD,YEAR,MONTH,STANDARD,ICB SUB LOCATION,SUB-CATEGORY,TOTAL,WITHIN STANDARD,BREACHES\n"
            .as_bytes(),
    )
    .unwrap_err();
    assert!(matches!(
        err,
        ExtractError::WrongLayout {
            expected: Layout::Provider,
            found: Layout::SubIcb
        }
    ));
    assert!(err.to_string().contains("read_any_extract"));
}

#[test]
fn the_layout_is_recognised_from_the_header_or_what_each_lacks_is_named() {
    let provider = format!("{HEADER}2023-10-01,2023/24,OCT,28-day FDS,RHM,USC,,Lung,10,8,2\n");
    let any = read_any_extract(provider.as_bytes()).unwrap();
    assert_eq!(any.layout(), Layout::Provider);
    let AnyExtract::Provider(extract) = &any else {
        panic!("{any:?}")
    };
    assert_eq!((extract.rows_read(), extract.rows().len()), (1, 1));
    let err = read_any_extract("PERIOD,YEAR,STANDARD,ORG CODE,TOTAL,WITHIN STANDARD\n".as_bytes())
        .unwrap_err();
    let ExtractError::UnknownLayout { missing, .. } = &err else {
        panic!("{err}")
    };
    assert_eq!(missing.len(), 2);
    assert_eq!(missing[0].layout(), Layout::Provider);
    assert_eq!(
        missing[0].columns(),
        ["STAGE/ROUTE", "TREATMENT MODALITY", "CANCER TYPE"]
    );
    assert_eq!(missing[1].columns(), ["ICB SUB LOCATION", "SUB-CATEGORY"]);
    assert!(err.to_string().starts_with(
        "the header fits no known CWT extract layout: provider extract lacks STAGE/ROUTE, TREATMENT MODALITY, CANCER TYPE; ICB sub-location extract lacks ICB SUB LOCATION, SUB-CATEGORY"
    ));
    let both = "PERIOD,STANDARD,ORG CODE,STAGE/ROUTE,TREATMENT MODALITY,CANCER TYPE,TOTAL,WITHIN STANDARD,ICB SUB LOCATION,SUB-CATEGORY\n";
    assert!(matches!(
        read_any_extract(both.as_bytes()),
        Err(ExtractError::AmbiguousLayout { .. })
    ));
}

#[test]
fn a_text_column_that_is_not_utf8_is_a_bad_row() {
    let mut bytes = HEADER.as_bytes().to_vec();
    bytes.extend_from_slice(b"2023-10-01,2023/24,OCT,28-day FDS,RHM,USC,,Lu\xffng,10,8,2\n");
    let e = read_provider_extract(bytes.as_slice()).unwrap();
    assert_eq!(
        e.bad_rows()[0].reason(),
        &BadRowReason::NotText {
            column: "CANCER TYPE"
        }
    );
}

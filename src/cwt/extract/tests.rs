//! Unit tests of reading an extract.

use super::*;
use crate::CwtStandard;

const HEADER: &str = "PERIOD,YEAR,MONTH,STANDARD,ORG CODE,STAGE/ROUTE,TREATMENT MODALITY,CANCER TYPE,TOTAL TREATED,WITHIN STANDARD,BREACHES\n";

fn read(body: &str) -> Extract {
    read_extract(format!("{HEADER}{body}").as_bytes()).unwrap()
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
    let e = read_extract(text.as_bytes()).unwrap();
    assert_eq!(e.rows().len(), 1);
    assert_eq!(e.rows()[0].route(), "USC, X");
    assert_eq!(e.rows()[0].line(), 2);
    assert_eq!(e.bad_rows()[0].line(), 3);
    let p = e.rows()[0].performance();
    assert_eq!(p.breaches().to_string(), "2");
}

#[test]
fn missing_column_is_fatal() {
    let err = read_extract("PERIOD,STANDARD\n".as_bytes()).unwrap_err();
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
    let t = e.by_organisation().unwrap();
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
    let t = e.by_organisation().unwrap();
    let fds = t
        .get(
            "2023-10".parse().unwrap(),
            CwtStandard::FasterDiagnosis28Day,
            "RHM",
        )
        .unwrap();
    assert_eq!(fds.total().to_string(), "11");
}

//! Issue 17.4 and 17.6 for the extract readers: the line of a row after
//! blank lines (was the first blank line's), after quoted newlines and in
//! CR-only files; a line longer than `MAX_EXTRACT_LINE` is a typed error
//! (was 1.05 GB for a 1 GiB line).

use cancer_plan::cwt::extract::{read_extract, ExtractError, MAX_EXTRACT_LINE};

const HEADER: &str = "PERIOD,YEAR,MONTH,STANDARD,ORG CODE,STAGE/ROUTE,TREATMENT MODALITY,CANCER TYPE,TOTAL TREATED,WITHIN STANDARD,BREACHES";
const ROW: &str = "2023-10-01,2023/24,OCT,28-day FDS,R0D,\"BREAST SYMPTOMATIC, CANCER NOT SUSPECTED\",,Exhibited (non-cancer) breast symptoms - cancer not initially suspected,62,57,5";
const BAD: &str = "2023-10-01,2023/24,OCT,28-day FDS,R0D,URGENT SUSPECTED CANCER,,Lung,6,7,";

fn lines(text: &str) -> (Vec<u64>, Vec<u64>) {
    let extract = read_extract(text.as_bytes()).unwrap();
    (
        extract.rows().iter().map(|r| r.line()).collect(),
        extract.bad_rows().iter().map(|r| r.line()).collect(),
    )
}

#[test]
fn rows_after_blank_lines_have_their_own_line() {
    for ending in ["\n", "\r\n", "\r"] {
        for last_ending in [ending, ""] {
            let text = [HEADER, ROW, "", "", BAD, "", &ROW.replace("R0D", "R1F")].join(ending)
                + last_ending;
            assert_eq!(
                lines(&text),
                (vec![2, 7], vec![5]),
                "{ending:?} {last_ending:?}"
            );
        }
    }
}

#[test]
fn rows_after_quoted_newlines_have_their_own_line() {
    let two_lines = ROW.replace("BREAST SYMPTOMATIC, ", "BREAST SYMPTOMATIC,\n");
    let text = [HEADER, &two_lines, "", BAD, &ROW.replace("R0D", "R1F")].join("\n");
    assert_eq!(lines(&text), (vec![2, 6], vec![5]));
}

#[test]
fn a_line_longer_than_the_limit_is_an_error() {
    let long = "x".repeat(MAX_EXTRACT_LINE + 1);
    let text = [HEADER, ROW, &long, ROW].join("\n");
    match read_extract(text.as_bytes()) {
        Err(ExtractError::LineTooLong { limit, .. }) => assert_eq!(limit, MAX_EXTRACT_LINE),
        other => panic!("{:?}", other.map(|e| e.rows_read())),
    }
    let header = "P".repeat(2 * MAX_EXTRACT_LINE);
    let error = read_extract(header.as_bytes()).unwrap_err();
    assert!(
        matches!(error, ExtractError::LineTooLong { line: 1, .. }),
        "{error:?}"
    );
    assert!(error.to_string().len() < 100);
}

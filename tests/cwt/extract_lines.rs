//! Issue 17.4 and 17.6 for the extract readers: the line of a row after
//! blank lines (was the first blank line's), after quoted newlines and in
//! CR-only files; a line longer than `MAX_EXTRACT_LINE` is a typed error
//! (was 1.05 GB for a 1 GiB line).

use cancer_plan::cwt::extract::{read_provider_extract, ExtractError, LayoutRow, MAX_EXTRACT_LINE};

const HEADER: &str = "PERIOD,YEAR,MONTH,STANDARD,ORG CODE,STAGE/ROUTE,TREATMENT MODALITY,CANCER TYPE,TOTAL TREATED,WITHIN STANDARD,BREACHES";
const ROW: &str = "2023-10-01,2023/24,OCT,28-day FDS,R0D,\"BREAST SYMPTOMATIC, CANCER NOT SUSPECTED\",,Exhibited (non-cancer) breast symptoms - cancer not initially suspected,62,57,5";
const BAD: &str = "2023-10-01,2023/24,OCT,28-day FDS,R0D,URGENT SUSPECTED CANCER,,Lung,6,7,";

fn lines(text: &str) -> (Vec<u64>, Vec<u64>) {
    let extract = read_provider_extract(text.as_bytes()).unwrap();
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
fn a_quote_left_open_to_the_end_keeps_its_record_on_its_own_line() {
    // Found by the any_extract fuzz target: a record whose unclosed quote
    // ran to a final newline was placed a line early (out of file order).
    let open = ROW
        .replace("R0D", "R1F")
        .replace("\"BREAST", "x,\"BREAST")
        .replace("SUSPECTED\"", "SUSPECTED");
    let text = [HEADER, ROW, "", &open].join("\n") + "\n";
    let extract = read_provider_extract(text.as_bytes()).unwrap();
    let lines: Vec<u64> = extract.bad_rows().iter().map(|r| r.line()).collect();
    assert_eq!(lines, [4]);
}

#[test]
fn a_line_longer_than_the_limit_is_an_error() {
    let long = "x".repeat(MAX_EXTRACT_LINE + 1);
    let text = [HEADER, ROW, &long, ROW].join("\n");
    match read_provider_extract(text.as_bytes()) {
        Err(ExtractError::LineTooLong { limit, .. }) => assert_eq!(limit, MAX_EXTRACT_LINE),
        other => panic!("{:?}", other.map(|e| e.rows_read())),
    }
    let header = "P".repeat(2 * MAX_EXTRACT_LINE);
    let error = read_provider_extract(header.as_bytes()).unwrap_err();
    assert!(
        matches!(error, ExtractError::LineTooLong { line: 1, .. }),
        "{error:?}"
    );
    assert!(error.to_string().len() < 100);
}

#[test]
fn counts_beyond_the_limit_and_periods_beyond_the_range_say_so() {
    // 17.7: a 19-digit count "is not a count of patients"; a PERIOD before
    // 1948/49 said "does not agree ... (expected ``)".
    let huge = ROW.replace(",62,57,5", ",1234567890123456789,57,");
    let over = ROW.replace(",62,57,5", ",1000000001,57,");
    let early = ROW
        .replace("2023-10-01,2023/24", "1900-01-01,1899/00")
        .replace("OCT", "JAN");
    let text = [HEADER, &huge, &over, &early].join("\n");
    let extract = read_provider_extract(text.as_bytes()).unwrap();
    let messages: Vec<String> = extract
        .bad_rows()
        .iter()
        .map(|b| b.reason().to_string())
        .collect();
    assert!(
        messages[0].contains("is more than 1000000000 patients"),
        "{}",
        messages[0]
    );
    assert!(
        messages[1].contains("is more than 1000000000 patients"),
        "{}",
        messages[1]
    );
    assert!(
        messages[2].contains("outside the financial years 1948/49 to 9998/99"),
        "{}",
        messages[2]
    );
}

#[test]
fn no_file_of_rows_within_the_count_limit_overflows_a_total() {
    // 17.8: thirteen rows of 10^18 made `overall()` fail while `by_code()`
    // worked; now each such row is a bad row and both totals form.
    use cancer_plan::cwt::extract::read_any_extract;
    let mut text = String::from(HEADER);
    for i in 0..13 {
        let row = ROW
            .replace(",62,57,5", ",1000000000000000000,57,")
            .replace("R0D", &format!("R{i:02}"));
        text.push('\n');
        text.push_str(&row);
    }
    let extract = read_any_extract(text.as_bytes()).unwrap();
    assert_eq!(extract.bad_rows().len(), 13);
    assert!(extract.tabulate().is_ok());
    assert!(extract.tabulate().and_then(|t| t.overall()).is_ok());
}

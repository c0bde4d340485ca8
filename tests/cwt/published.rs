//! CWT extracts as NHS England publishes them (issue 18): the national
//! `.xlsx` workbook read directly, workbooks of our own (written here with
//! rust_xlsxwriter), `PERIOD` in the forms people write it, loud failure on
//! inputs that yield nothing, and releases joined by an explicit rule.
//!
//! Reference figures: NHS England's published national October 2023 FDS,
//! provisional (271,402 told, 192,880 within 28 days; DOMAIN.md), which the
//! extract reproduces under the summing rule.
#![cfg(all(feature = "xlsx", feature = "json"))]

use crate::common;

#[allow(dead_code)]
#[path = "../../examples/common/extract_file.rs"]
mod extract_file;

use std::io::{Cursor, Write};

use cancer_plan::cwt::extract::{
    read_any_extract, read_any_extract_xlsx, read_provider_extract, read_provider_extract_xlsx,
    read_sub_icb_extract, read_sub_icb_extract_xlsx, AnyExtract, BadRowReason, ExtractError,
    Layout, LayoutRow, NotCsv, ProviderExtract, Release,
};
use cancer_plan::cwt::Performance;
use cancer_plan::{CwtStandard, YearMonth};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

const FDS: CwtStandard = CwtStandard::FasterDiagnosis28Day;
const HEADER: [&str; 11] = [
    "PERIOD",
    "YEAR",
    "MONTH",
    "STANDARD",
    "ORG CODE",
    "STAGE/ROUTE",
    "TREATMENT MODALITY",
    "CANCER TYPE",
    "TOTAL TREATED",
    "WITHIN STANDARD",
    "BREACHES",
];

fn oct() -> YearMonth {
    "2023-10".parse().unwrap()
}

fn perf(within: &str, total: &str) -> Performance {
    Performance::new(within.parse().unwrap(), total.parse().unwrap()).unwrap()
}

/// A cell of a test workbook.
#[derive(Clone)]
enum Cell {
    Text(String),
    Number(f64),
    /// An Excel date cell shown as `Mmm-YY`, as NHS England's PERIOD is.
    Date(u16, u8),
    Blank,
}

fn t(s: &str) -> Cell {
    Cell::Text(s.to_owned())
}

/// A workbook of `sheets`, each a name and its rows from row 1; written by
/// rust_xlsxwriter (synthetic: made for these tests).
fn workbook(sheets: &[(&str, Vec<Vec<Cell>>)]) -> Vec<u8> {
    let mut book = Workbook::new();
    let month_format = Format::new().set_num_format("mmm-yy");
    for (name, rows) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match cell {
                    Cell::Text(s) => {
                        sheet.write_string(r, c, s).unwrap();
                    }
                    Cell::Number(x) => {
                        sheet.write_number(r, c, *x).unwrap();
                    }
                    Cell::Date(y, m) => {
                        let date = ExcelDateTime::from_ymd(*y, *m, 1).unwrap();
                        sheet
                            .write_datetime_with_format(r, c, &date, &month_format)
                            .unwrap();
                    }
                    Cell::Blank => {}
                }
            }
        }
    }
    book.save_to_buffer().unwrap()
}

fn header_row() -> Vec<Cell> {
    HEADER.iter().map(|h| t(h)).collect()
}

/// An October 2023 provider row with an Excel date PERIOD and numeric
/// counts.
fn provider_row(org: &str, route: &str, total: f64, within: f64) -> Vec<Cell> {
    vec![
        Cell::Date(2023, 10),
        t("2023/24"),
        t("OCT"),
        t("28-day FDS"),
        t(org),
        t(route),
        Cell::Blank,
        t("Suspected lung cancer"),
        Cell::Number(total),
        Cell::Number(within),
        Cell::Number(total - within),
    ]
}

// ---------------------------------------------------------------- national

#[test]
fn the_national_workbook_as_published_gives_the_published_october_2023_totals() {
    let Some(path) = common::shared_data("cwt/cwt-provider-extract-2023-10-england.xlsx") else {
        return;
    };
    let file = std::io::BufReader::new(std::fs::File::open(path).unwrap());
    let extract = read_provider_extract_xlsx(file).unwrap();
    assert_eq!(extract.sheet(), Some("CWT CRS Provider Extract"));
    assert_eq!(extract.rows_read(), 9_912);
    assert!(
        extract.bad_rows().is_empty(),
        "{}",
        extract.bad_row_summary()
    );
    // Rows are numbered as the sheet numbers them: the header is row 1.
    assert_eq!(extract.rows()[0].line(), 2);
    assert_eq!(extract.rows().last().unwrap().line(), 9_913);
    let national = extract.tabulate().unwrap().overall().unwrap();
    assert_eq!(
        national.get(oct(), FDS, &()),
        Some(perf("192880", "271402"))
    );
    assert_eq!(
        national
            .get(oct(), FDS, &())
            .unwrap()
            .display(2)
            .to_string(),
        "71.07%"
    );
}

/// The workbook converted to CSV the way pandas' `to_csv` wrote dates
/// (`2023-10-01 00:00:00`) and counts (`384.0`), here with calamine's
/// whole-sheet reader (a second path through the workbook): the two reads
/// give the same tables, cell for cell.
#[test]
fn the_workbook_and_its_csv_conversion_give_the_same_tables() {
    use calamine::{Data, Reader, Xlsx};
    let Some(path) = common::shared_data("cwt/cwt-provider-extract-2023-10-england.xlsx") else {
        return;
    };
    let bytes = std::fs::read(&path).unwrap();
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(&bytes)).unwrap();
    let range = book.worksheet_range("CWT CRS Provider Extract").unwrap();
    let mut csv = String::new();
    for row in range.rows() {
        let cells: Vec<String> = row
            .iter()
            .map(|cell| match cell {
                Data::DateTime(d) => {
                    let (y, m, d, ..) = d.to_ymd_hms_milli();
                    format!("{y:04}-{m:02}-{d:02} 00:00:00")
                }
                Data::Float(x) => format!("{x:.1}"),
                Data::String(s) if s.contains(',') => format!("\"{s}\""),
                other => other.to_string(),
            })
            .collect();
        csv.push_str(&cells.join(","));
        csv.push('\n');
    }
    let from_csv = read_provider_extract(csv.as_bytes()).unwrap();
    assert!(
        from_csv.bad_rows().is_empty(),
        "{}",
        from_csv.bad_row_summary()
    );
    let from_xlsx = read_provider_extract_xlsx(Cursor::new(&bytes)).unwrap();
    assert_eq!(from_csv.rows_read(), from_xlsx.rows_read());
    assert_eq!(from_csv.tabulate().unwrap(), from_xlsx.tabulate().unwrap());
    // The examples' reader (what cwt_performance prints from) agrees too.
    let national = extract_file::read(&path)
        .unwrap()
        .tabulate()
        .unwrap()
        .overall()
        .unwrap()
        .get(oct(), FDS, &());
    assert_eq!(national, Some(perf("192880", "271402")));
}

// ------------------------------------------------------ our own workbooks

#[test]
fn the_sheet_holding_the_header_is_read_with_its_own_row_numbers() {
    let notes = vec![
        vec![t("Cancer Waiting Times")],
        vec![t("Provisional statistics")],
    ];
    let data = vec![
        vec![t("CWT CRS Provider Extract, October 2023")],
        vec![],
        header_row(),
        provider_row("RHM", "URGENT SUSPECTED CANCER", 201.5, 150.5),
        provider_row("RHU", "URGENT SUSPECTED CANCER", 0.25, 0.0),
        provider_row("S3H9L", "URGENT SUSPECTED CANCER", 10.0, 9.0),
    ];
    let bytes = workbook(&[("Notes", notes), ("Data", data)]);
    let any = read_any_extract_xlsx(Cursor::new(&bytes)).unwrap();
    assert_eq!(any.layout(), Layout::Provider);
    let AnyExtract::Provider(extract) = any else {
        panic!()
    };
    assert_eq!(extract.sheet(), Some("Data"));
    // Header on sheet row 3: data rows 4, 5, 6.
    let lines: Vec<u64> = extract.rows().iter().map(|r| r.line()).collect();
    assert_eq!(lines, [4, 6]);
    assert_eq!(extract.bad_rows()[0].line(), 5);
    assert!(matches!(
        extract.bad_rows()[0].reason(),
        BadRowReason::Count { column: "TOTAL TREATED", text } if text == "0.25"
    ));
    assert!(extract
        .bad_row_summary()
        .to_string()
        .contains("(first: row 5 of sheet `Data`: TOTAL TREATED `0.25`"));
    let by_org = extract.tabulate().unwrap();
    assert_eq!(by_org.get(oct(), FDS, "RHM"), Some(perf("150.5", "201.5")));
    // 5-character provider codes (from 2024/25) read as any other.
    assert_eq!(by_org.get(oct(), FDS, "S3H9L"), Some(perf("9", "10")));
}

/// Some real workbooks declare their sheet size as `A1` although they hold
/// thousands of rows: the declared dimension is not trusted.
#[test]
fn a_sheet_declaring_its_size_as_a1_is_read_whole() {
    let mut rows = vec![header_row()];
    for i in 0..500 {
        rows.push(provider_row(
            &format!("R{i:03}"),
            "URGENT SUSPECTED CANCER",
            4.0,
            3.0,
        ));
    }
    let bytes = workbook(&[("Sheet1", rows)]);
    let bytes = rewrite_dimension(&bytes, "A1");
    let extract = read_provider_extract_xlsx(Cursor::new(&bytes)).unwrap();
    assert_eq!(extract.rows().len(), 500);
    assert_eq!(extract.rows()[499].line(), 501);
    let all = extract.tabulate().unwrap().overall().unwrap();
    assert_eq!(all.get(oct(), FDS, &()), Some(perf("1500", "2000")));
}

/// The workbook with every sheet's `<dimension ref=".."/>` set to `to`.
fn rewrite_dimension(bytes: &[u8], to: &str) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let mut rewrote = 0;
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let name = file.name().unwrap().into_owned();
        let mut content = Vec::new();
        std::io::Read::read_to_end(&mut file, &mut content).unwrap();
        if name.starts_with("xl/worksheets/sheet") {
            let text = String::from_utf8(content).unwrap();
            let start = text.find("<dimension ref=\"").unwrap() + "<dimension ref=\"".len();
            let end = start + text[start..].find('"').unwrap();
            content = format!("{}{to}{}", &text[..start], &text[end..]).into_bytes();
            rewrote += 1;
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&content).unwrap();
    }
    assert!(rewrote > 0);
    out.finish().unwrap().into_inner()
}

#[test]
fn an_icb_sub_location_workbook_reads_with_unknown_counted_in_the_total() {
    let header = [
        "PERIOD",
        "YEAR",
        "MONTH",
        "STANDARD",
        "ICB SUB LOCATION",
        "SUB-CATEGORY",
        "TOTAL",
        "WITHIN STANDARD",
        "BREACHES",
    ];
    let row = |location: &str, total: f64, within: f64| {
        vec![
            Cell::Date(2023, 10),
            t("2023/24"),
            t("OCT"),
            t("28-day FDS"),
            t(location),
            Cell::Blank,
            Cell::Number(total),
            Cell::Number(within),
            Cell::Number(total - within),
        ]
    };
    let rows = vec![
        header.iter().map(|h| t(h)).collect(),
        row("10R", 772.0, 599.0),
        row("UNKNOWN", 12.0, 7.0),
    ];
    let bytes = workbook(&[("CWT CRS ICB Sub Location", rows)]);
    let extract = read_sub_icb_extract_xlsx(Cursor::new(&bytes)).unwrap();
    assert!(
        extract.bad_rows().is_empty(),
        "{}",
        extract.bad_row_summary()
    );
    let all = extract.tabulate().unwrap().overall().unwrap();
    assert_eq!(all.get(oct(), FDS, &()), Some(perf("606", "784")));
    // The wrong reader for the layout says so.
    let wrong = read_provider_extract_xlsx(Cursor::new(&bytes)).unwrap_err();
    assert!(matches!(wrong, ExtractError::WrongLayout { .. }), "{wrong}");
}

#[test]
fn a_workbook_without_an_extract_header_is_an_error_naming_its_sheets() {
    let bytes = workbook(&[
        ("Contents", vec![vec![t("Cancer Waiting Times")]]),
        ("Data", vec![vec![t("PERIOD"), t("STANDARD"), t("TOTAL")]]),
    ]);
    let error = read_any_extract_xlsx(Cursor::new(&bytes)).unwrap_err();
    let text = error.to_string();
    assert!(
        matches!(error, ExtractError::NoExtractSheet { .. }),
        "{text}"
    );
    assert!(text.contains("(sheets: Contents, Data)"), "{text}");
    // A CSV given to the workbook reader.
    let csv = "PERIOD,YEAR\n2023-10-01,2023/24\n";
    let error = read_any_extract_xlsx(Cursor::new(csv.as_bytes())).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("read a CSV extract with `read_any_extract`"),
        "{error}"
    );
}

// ------------------------------------------------------ not CSV, loudly

fn not_csv(bytes: &[u8]) -> NotCsv {
    match read_any_extract(bytes) {
        Err(ExtractError::NotCsv { looks_like }) => looks_like,
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_parquet_file_given_as_an_extract_is_an_error_saying_what_it_is_and_what_to_do() {
    let parquet = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/cwt-pathways-sample.parquet"
    );
    let bytes = std::fs::read(parquet).unwrap();
    assert_eq!(not_csv(&bytes), NotCsv::Parquet);
    let message = read_provider_extract(bytes.as_slice())
        .unwrap_err()
        .to_string();
    assert_eq!(
        message,
        "the input is not CSV text: it looks like a Parquet file; the extract readers take CSV or .xlsx: write the table out as CSV (e.g. polars `pl.read_parquet(path).write_csv(out)`)"
    );
    // The examples' reader turns it into an error (the examples exit 1).
    let error = extract_file::read(std::path::Path::new(parquet)).unwrap_err();
    assert!(
        error.to_string().contains("looks like a Parquet file"),
        "{error}"
    );
}

#[test]
fn a_workbook_utf16_or_binary_given_to_a_csv_reader_is_named() {
    let bytes = workbook(&[("Sheet1", vec![header_row()])]);
    assert_eq!(not_csv(&bytes), NotCsv::ZipArchive);
    let message = read_sub_icb_extract(bytes.as_slice())
        .unwrap_err()
        .to_string();
    assert!(
        message.contains("read an .xlsx workbook with `read_any_extract_xlsx` (feature `xlsx`)"),
        "{message}"
    );
    let utf16: Vec<u8> = "\u{feff}PERIOD,YEAR\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    assert_eq!(not_csv(&utf16), NotCsv::Utf16);
    assert_eq!(not_csv(b"PERIOD\0\0\0"), NotCsv::Binary);
}

#[test]
fn a_file_whose_every_row_is_bad_fails_loudly_grouped_by_reason() {
    let csv = "\
PERIOD,YEAR,MONTH,STANDARD,ORG CODE,STAGE/ROUTE,TREATMENT MODALITY,CANCER TYPE,TOTAL TREATED,WITHIN STANDARD,BREACHES
Q3 2023,2023/24,OCT,28-day FDS,RHM,URGENT SUSPECTED CANCER,,Lung,10,9,1
Q3 2023,2023/24,OCT,28-day FDS,RHU,URGENT SUSPECTED CANCER,,Lung,10,9,1
2023-10-01,2022/23,OCT,28-day FDS,RHM,URGENT SUSPECTED CANCER,,Lung,10,9,1
";
    let extract = read_provider_extract(csv.as_bytes()).unwrap();
    assert_eq!(extract.rows().len(), 0);
    let summary = extract.bad_row_summary();
    assert!(summary.all_bad());
    let groups: Vec<(&str, usize, u64)> = summary
        .groups()
        .iter()
        .map(|g| (g.reason(), g.count(), g.first().line()))
        .collect();
    assert_eq!(
        groups,
        [
            ("PERIOD is not a month in a known form", 2, 2),
            ("YEAR does not agree with PERIOD", 1, 4)
        ]
    );
    let error = extract.require_valid_rows().unwrap_err();
    assert!(matches!(error, ExtractError::NoValidRows { .. }));
    let text = error.to_string();
    assert!(
        text.starts_with("no data row of the extract could be read: 3 of 3 data rows are bad: 2 x PERIOD is not a month in a known form (first: line 2: PERIOD `Q3 2023` is not a month in a known form (accepted: `2023-10-01`"),
        "{text}"
    );
    // A header and nothing else.
    let empty = read_any_extract(&csv.as_bytes()[..csv.find('\n').unwrap() + 1]).unwrap();
    assert!(matches!(
        empty.require_valid_rows(),
        Err(ExtractError::NoDataRows { sheet: None })
    ));
    // The examples' reader refuses both (the examples exit 1).
    let dir = std::env::temp_dir().join(format!("cwt-published-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("all-bad.csv");
    std::fs::write(&path, csv).unwrap();
    let error = extract_file::read(&path).unwrap_err();
    assert!(
        error.to_string().contains("3 of 3 data rows are bad"),
        "{error}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

// ------------------------------------------------------------ periods

/// One October 2023 FDS row with `period` as PERIOD: read, and counted in
/// October 2023.
fn reads_as_october_2023(period: &str) {
    let csv = format!(
        "{}\n\"{period}\",2023/24,OCT,28-day FDS,RHM,URGENT SUSPECTED CANCER,,Lung,10,9,1\n",
        HEADER.join(",")
    );
    let e = read_provider_extract(csv.as_bytes()).unwrap();
    assert!(e.bad_rows().is_empty(), "{period}: {}", e.bad_row_summary());
    assert_eq!(e.rows()[0].period(), oct(), "{period}");
}

macro_rules! period_forms {
    ($($name:ident: $text:literal,)*) => {$(
        #[test]
        fn $name() {
            reads_as_october_2023($text);
        }
    )*};
}

period_forms! {
    period_iso_date: "2023-10-01",
    period_iso_month: "2023-10",
    period_pandas_datetime: "2023-10-01 00:00:00",
    period_iso_datetime_t: "2023-10-01T00:00:00",
    period_excel_display_mmm_yy: "Oct-23",
    period_excel_display_upper_case: "OCT-23",
    period_mmm_yyyy: "Oct-2023",
    period_month_name_and_year: "October 2023",
    period_excel_long_date: "01-Oct-2023",
    period_uk_day_month_year: "01/10/2023",
    period_uk_day_month_year_short: "1/10/23",
    period_uk_with_midnight: "01/10/2023 00:00:00",
}

#[test]
fn period_excel_date_cell() {
    let bytes = workbook(&[(
        "Sheet1",
        vec![header_row(), provider_row("RHM", "USC", 3.0, 2.0)],
    )]);
    let e = read_provider_extract_xlsx(Cursor::new(&bytes)).unwrap();
    assert!(e.bad_rows().is_empty(), "{}", e.bad_row_summary());
    assert_eq!(e.rows()[0].period(), oct());
}

#[test]
fn a_period_that_disagrees_with_year_or_month_or_is_unknown_is_a_bad_row() {
    let csv = format!(
        "{}\n\
         10/01/2023,2023/24,OCT,28-day FDS,RHM,USC,,Lung,10,9,1\n\
         Oct-23,2023/24,NOV,28-day FDS,RHM,USC,,Lung,10,9,1\n\
         Oct-22,2023/24,OCT,28-day FDS,RHM,USC,,Lung,10,9,1\n\
         45200,2023/24,OCT,28-day FDS,RHM,USC,,Lung,10,9,1\n",
        HEADER.join(",")
    );
    let e = read_provider_extract(csv.as_bytes()).unwrap();
    let reasons: Vec<String> = e.bad_rows().iter().map(|b| b.to_string()).collect();
    assert_eq!(reasons.len(), 4, "{reasons:?}");
    // A US month/day/year is no month's first day.
    assert!(reasons[0].starts_with("line 2: PERIOD `10/01/2023` is not a month in a known form (accepted: `2023-10-01`, `2023-10`, `2023-10-01 00:00:00`"), "{}", reasons[0]);
    assert!(
        reasons[1].starts_with("line 3: MONTH `NOV` does not agree with PERIOD 2023-10"),
        "{}",
        reasons[1]
    );
    assert!(
        reasons[2].starts_with("line 4: YEAR `2023/24` does not agree with PERIOD 2022-10"),
        "{}",
        reasons[2]
    );
    assert!(reasons[3].contains("PERIOD `45200`"), "{}", reasons[3]);
}

// ------------------------------------------------------------ drift

#[test]
fn drift_five_character_provider_codes_from_2024_25() {
    let csv = format!(
        "{}\n2024-04-01,2024/25,APR,28-day FDS,S3H9L,URGENT SUSPECTED CANCER,,Suspected lung cancer,12,10,2\n",
        HEADER.join(",")
    );
    let e = read_provider_extract(csv.as_bytes()).unwrap();
    assert!(e.bad_rows().is_empty(), "{}", e.bad_row_summary());
    assert_eq!(e.rows()[0].organisation().as_str(), "S3H9L");
}

#[test]
fn drift_unknown_sub_icb_location_counts_in_the_national_total() {
    let csv = "\
PERIOD,YEAR,MONTH,STANDARD,ICB SUB LOCATION,SUB-CATEGORY,TOTAL,WITHIN STANDARD,BREACHES
2023-10-01,2023/24,OCT,28-day FDS,11J,,3734.0,2576.0,1158
2023-10-01,2023/24,OCT,28-day FDS,UNKNOWN,,41.0,30.0,11
";
    let e = read_sub_icb_extract(csv.as_bytes()).unwrap();
    assert!(e.bad_rows().is_empty(), "{}", e.bad_row_summary());
    let all = e.tabulate().unwrap().overall().unwrap();
    assert_eq!(all.get(oct(), FDS, &()), Some(perf("2606", "3775")));
}

/// 31/62-day cancer types: 11 groups to September 2023, 14 from October
/// 2023 (real April-October 2023 Wessex sample).
#[test]
fn drift_cancer_types_go_from_11_to_14_groups_in_october_2023() {
    let Some(text) = common::shared_text("cwt/cwt-provider-extract-2023-04-to-10-wessex.csv")
    else {
        return;
    };
    let e = read_provider_extract(text.as_bytes()).unwrap();
    assert!(e.bad_rows().is_empty());
    let groups = |month: &str| {
        let month: YearMonth = month.parse().unwrap();
        e.rows()
            .iter()
            .filter(|r| r.period() == month && r.standard() != FDS)
            .map(|r| r.cancer_type().to_owned())
            .collect::<std::collections::BTreeSet<_>>()
    };
    assert_eq!(groups("2023-09").len(), 11);
    let october = groups("2023-10");
    assert_eq!(october.len(), 14);
    assert!(october.contains("Urological - Prostate"), "{october:?}");
}

/// FDS gains `Suspected cancer - non-specific symptoms` (real 2024/25
/// Wessex sample: read and counted as any other cancer type).
#[test]
fn drift_fds_non_specific_symptoms_is_read_and_counted() {
    let Some(text) = common::shared_text("cwt/cwt-provider-extract-2024-04-to-2025-07-wessex.csv")
    else {
        return;
    };
    let e = read_provider_extract(text.as_bytes()).unwrap();
    assert!(e.bad_rows().is_empty(), "{}", e.bad_row_summary());
    // 9,625 lines: the header and 9,624 data rows (the shared README says 9,623).
    assert_eq!(e.rows_read(), 9_624);
    let nss = e
        .rows()
        .iter()
        .filter(|r| {
            r.standard() == FDS
                && r.cancer_type()
                    .eq_ignore_ascii_case("Suspected cancer - non-specific symptoms")
        })
        .count();
    assert!(nss > 0);
    // 16 consecutive months for every Wessex trust's FDS series.
    let by_org = e.tabulate().unwrap();
    for trust in ["RHM", "RHU", "RN5", "R1F", "R0D", "RBD", "RNZ"] {
        let series = by_org.series(FDS, trust);
        assert_eq!(series.len(), 16, "{trust}");
        assert_eq!(series[15].month().months_since(series[0].month()), 15);
    }
}

// ------------------------------------------------------------ releases

/// One FDS row for RHM in `month` with `total` told, 1 within.
fn one_month(month: &str, total: u32) -> ProviderExtract {
    let (y, m) = month.split_once('-').unwrap();
    let (y, m): (i32, u32) = (y.parse().unwrap(), m.parse().unwrap());
    let fy = if m >= 4 { y } else { y - 1 };
    let name = [
        "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
    ][m as usize - 1];
    let csv = format!(
        "{}\n{month}-01,{fy}/{:02},{name},28-day FDS,RHM,USC,,Lung,{total},1,{}\n",
        HEADER.join(","),
        (fy + 1) % 100,
        total - 1
    );
    read_provider_extract(csv.as_bytes())
        .unwrap()
        .require_valid_rows()
        .unwrap()
}

fn fds_total(e: &ProviderExtract, month: &str) -> String {
    e.tabulate()
        .unwrap()
        .get(month.parse().unwrap(), FDS, "RHM")
        .unwrap()
        .total()
        .to_string()
}

#[test]
fn final_supersedes_provisional_whatever_the_order() {
    for final_first in [false, true] {
        let provisional = one_month("2023-10", 100).with_release(Release::Provisional);
        let revised = one_month("2023-10", 104).with_release(Release::Final);
        let inputs = if final_first {
            vec![revised, provisional]
        } else {
            vec![provisional, revised]
        };
        let combined = ProviderExtract::combine(inputs);
        assert_eq!(fds_total(combined.extract(), "2023-10"), "104");
        let replaced = combined.replaced();
        assert_eq!(replaced.len(), 1);
        assert_eq!(replaced[0].replaced().1, Some(Release::Provisional));
        assert_eq!(replaced[0].rows_left_out(), 1);
        assert_eq!(combined.extract().release(), Some(Release::Final));
        let (kept, replaced_input) = if final_first { (1, 2) } else { (2, 1) };
        assert_eq!(
            replaced[0].to_string(),
            format!("2023-10: input {kept} (final) replaces input {replaced_input} (provisional), 1 rows left out")
        );
    }
}

#[test]
fn between_releases_of_the_same_rank_the_later_input_wins_and_other_months_are_kept() {
    let earlier = ProviderExtract::combine([one_month("2023-09", 50), one_month("2023-10", 100)])
        .into_extract();
    let later = one_month("2023-10", 101);
    let combined = ProviderExtract::combine([earlier, later]);
    let e = combined.extract();
    assert_eq!(fds_total(e, "2023-09"), "50");
    assert_eq!(fds_total(e, "2023-10"), "101");
    assert_eq!(combined.replaced().len(), 1);
    assert_eq!(combined.replaced()[0].month(), oct());
    assert_eq!(combined.replaced()[0].kept(), (1, None));
    let sources: Vec<(String, usize)> = combined
        .sources()
        .iter()
        .map(|(m, (i, _))| (m.to_string(), *i))
        .collect();
    assert_eq!(sources, [("2023-09".into(), 0), ("2023-10".into(), 1)]);
    // Joined, no month is counted twice (the "repeats line N" of a plain
    // concatenation never arises).
    assert!(e.bad_rows().is_empty());
}

#[test]
fn mixed_layouts_are_not_joined() {
    let sub = read_any_extract(
        "PERIOD,YEAR,MONTH,STANDARD,ICB SUB LOCATION,SUB-CATEGORY,TOTAL,WITHIN STANDARD,BREACHES\n\
         2023-10-01,2023/24,OCT,28-day FDS,10R,,572.0,429.0,143\n"
            .as_bytes(),
    )
    .unwrap();
    let provider = AnyExtract::Provider(one_month("2023-10", 10));
    let error = AnyExtract::combine([sub, provider]).unwrap_err();
    assert!(matches!(error, ExtractError::MixedLayouts));
}

#[test]
fn the_release_is_read_from_nhs_england_file_names() {
    for (name, release) in [
        (
            "CWT-CRS-Apr-2024-to-Sep-2024-Data-Extract-Provider-Final.xlsx",
            Some(Release::Final),
        ),
        (
            "CWT CRS Provider Time Series Apr 2021 - Mar 2025 with Revisions.xlsx",
            Some(Release::Final),
        ),
        (
            "CWT-CRS-Jul-2025-Data-Extract-Provider-Provisional.xlsx",
            Some(Release::Provisional),
        ),
        ("cwt-provider-extract-2023-10-england.xlsx", None),
        ("final-or-provisional.csv", None),
    ] {
        assert_eq!(Release::from_file_name(name), release, "{name}");
    }
}

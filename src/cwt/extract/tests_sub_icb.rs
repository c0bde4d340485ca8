//! Unit tests of reading an ICB sub-location extract.

use super::*;
use crate::cwt::pathway::Route;
use crate::standard::CwtStandard;

const HEADER: &str =
    "PERIOD,YEAR,MONTH,STANDARD,ICB SUB LOCATION,SUB-CATEGORY,TOTAL,WITHIN STANDARD,BREACHES\n";

fn read(body: &str) -> SubIcbExtract {
    read_sub_icb_extract(format!("{HEADER}{body}").as_bytes()).unwrap()
}

#[test]
fn sub_categories_are_typed_and_add_up_to_the_standard() {
    let e = read(concat!(
        "2023-04-01,2023/24,APR,28-day FDS,10R,,572.0,429.0,143\n",
        "2023-04-01,2023/24,APR,31-day Combined,10R,31-day (First),79.0,74.0,5\n",
        "2023-04-01,2023/24,APR,31-day Combined,10R,31-day Sub (Anti-cancer drug regimen),25.0,23.0,2\n",
        "2023-04-01,2023/24,APR,31-day Combined,10R,31-day Sub (Other),2.0,2.0,0\n",
        "2023-04-01,2023/24,APR,31-day Combined,10R,31-day Sub (Radiotherapy),23.0,18.0,5\n",
        "2023-04-01,2023/24,APR,31-day Combined,10R,31-day Sub (Surgery),15.0,13.0,2\n",
        "2023-04-01,2023/24,APR,62-day Combined,10R,62-day (Consultant Upgrade),29.0,23.0,6\n",
        "2023-04-01,2023/24,APR,62-day Combined,10R,62-day (Screening),3.0,0.0,3\n",
        "2023-04-01,2023/24,APR,62-day Combined,10R,62-day (urgent suspected cancer),37.5,21.0,16.5\n",
    ));
    assert!(e.bad_rows().is_empty(), "{:?}", e.bad_rows());
    assert_eq!(e.rows()[0].sub_category(), None);
    assert_eq!(
        e.rows()[2].sub_category(),
        Some(SubCategory::SubsequentTreatment(
            TreatmentModality::AntiCancerDrugRegimen
        ))
    );
    assert_eq!(
        e.rows()[8].sub_category(),
        Some(SubCategory::Referral(Route::UrgentSuspectedCancer))
    );
    let t = e.tabulate().unwrap();
    let apr = "2023-04".parse().unwrap();
    let get = |s| {
        t.get(apr, s, "10R")
            .map(|p| (p.within().to_string(), p.total().to_string()))
    };
    assert_eq!(
        get(CwtStandard::FasterDiagnosis28Day),
        Some(("429".into(), "572".into()))
    );
    // 79 + 25 + 2 + 23 + 15 = 144 treated; 74 + 23 + 2 + 18 + 13 = 130 within.
    assert_eq!(
        get(CwtStandard::Combined31Day),
        Some(("130".into(), "144".into()))
    );
    // 29 + 3 + 37.5 = 69.5; 23 + 0 + 21 = 44.
    assert_eq!(
        get(CwtStandard::Combined62Day),
        Some(("44".into(), "69.5".into()))
    );
}

#[test]
fn every_kind_of_bad_row_is_reported_with_its_line() {
    let e = read(concat!(
        "2023-04-01,2023/24,APR,28-day FDS,10R,,572.0,429.0,143\n",
        "2023-04-01,2023/24,APR,28-day FDS,10r,,572.0,429.0,143\n",
        "2023-04-01,2023/24,APR,31-day Combined,10R,31-day Sub (Hope),1.0,1.0,0\n",
        "2023-04-01,2023/24,APR,31-day Combined,10R,62-day (Screening),1.0,1.0,0\n",
        "2023-04-01,2023/24,APR,31-day Combined,10R,,1.0,1.0,0\n",
        "2023-04-01,2023/24,APR,28-day FDS,11J,31-day (First),1.0,1.0,0\n",
        "2023-04-01,2023/24,APR,31-day Combined,10R,31-day (First),1.25,1.0,0.25\n",
        "2023-04-01,2023/24,APR,28-day FDS,10R,,5.0,4.0,1\n",
        "2023-04-01,2023/24,MAY,28-day FDS,11J,,5.0,4.0,1\n",
        "2023-04-01,2023/24,APR,31-day Combined,10R,31-day (First),2.0,3.0,0\n",
        "2023-04-01,2023/24,APR,31-day Combined,10R,31-day (First),3.0,2.0,0\n",
    ));
    assert_eq!(e.rows().len(), 1);
    let reasons: Vec<(u64, BadRowReason)> = e
        .bad_rows()
        .iter()
        .map(|b| (b.line(), b.reason().clone()))
        .collect();
    let r = |i: usize| &reasons[i].1;
    assert_eq!(reasons.len(), 10);
    assert!(matches!(r(0), BadRowReason::LocationCode { text } if text == "10r"));
    assert!(
        matches!(r(1), BadRowReason::UnknownSubCategory { text } if text == "31-day Sub (Hope)")
    );
    assert!(matches!(
        r(2),
        BadRowReason::SubCategoryMismatch {
            standard: CwtStandard::Combined31Day,
            ..
        }
    ));
    assert!(matches!(
        r(3),
        BadRowReason::SubCategoryMismatch { standard: CwtStandard::Combined31Day, text } if text.is_empty()
    ));
    assert!(matches!(
        r(4),
        BadRowReason::SubCategoryMismatch {
            standard: CwtStandard::FasterDiagnosis28Day,
            ..
        }
    ));
    assert!(matches!(r(5), BadRowReason::Count { column: "TOTAL", text } if text == "1.25"));
    assert_eq!(r(6), &BadRowReason::Duplicate { first_line: 2 });
    assert!(matches!(r(7), BadRowReason::MonthMismatch { .. }));
    assert!(matches!(r(8), BadRowReason::WithinExceedsTotal { .. }));
    assert!(matches!(r(9), BadRowReason::BreachesMismatch { .. }));
    let lines: Vec<u64> = reasons.iter().map(|(l, _)| *l).collect();
    assert_eq!(lines, [3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
}

#[test]
fn the_sub_icb_reader_names_the_provider_layout() {
    let err = read_sub_icb_extract(
        "PERIOD,YEAR,MONTH,STANDARD,ORG CODE,STAGE/ROUTE,TREATMENT MODALITY,CANCER TYPE,TOTAL TREATED,WITHIN STANDARD,BREACHES\n".as_bytes(),
    )
    .unwrap_err();
    assert!(matches!(
        err,
        ExtractError::WrongLayout {
            expected: Layout::SubIcb,
            found: Layout::Provider
        }
    ));
}

#[test]
fn drift_in_the_sub_icb_header_and_cr_only_endings() {
    let text = " period ,Standard,icb sub location,Sub-Category,TOTAL TREATED,Within Standard\r\
                2023-04-01,28-day FDS,D9Y0V,,6062.0,4479.0\r\
                2023-04-01,28-DAY FDS,10R,,572.0,429.0\r";
    let e = read_sub_icb_extract(text.as_bytes()).unwrap();
    assert_eq!(e.rows().len(), 2);
    assert_eq!(e.rows()[1].line(), 3);
    let all = e.tabulate().unwrap().overall().unwrap();
    let apr = "2023-04".parse().unwrap();
    assert_eq!(
        all.get(apr, CwtStandard::FasterDiagnosis28Day, &())
            .map(|p| p.total().to_string()),
        Some("6634".into())
    );
}

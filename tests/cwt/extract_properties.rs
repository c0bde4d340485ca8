//! Properties of reading provider extracts, on extracts the crate's own
//! `strategies` generate (synthetic rows in NHS England's layout).

use cancer_plan::cwt::extract::{read_provider_extract, LayoutRow};
use cancer_plan::cwt::PatientCount;
use cancer_plan::strategies::{provider_extract, provider_extract_csv, CwtParams};
use cancer_plan::CwtStandard;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// `tabulate` (summed by the reader's ids) is the table
    /// `aggregate_by(organisation)` gives, and each cell's total is the
    /// sum of the rows that count towards it (the modality rule).
    #[test]
    fn tabulate_sums_exactly_the_rows_that_count(extract in provider_extract(&CwtParams::default())) {
        let table = extract.tabulate().unwrap();
        prop_assert_eq!(&table, &extract.aggregate_by(|r| r.organisation().clone()).unwrap());
        for (month, standard, org, cell) in table.iter() {
            let rows = extract.rows().iter().filter(|r| {
                // The modality rule, written out: FDS sums every row; 31- and
                // 62-day only the `ALL MODALITIES` rows.
                let counts = standard == CwtStandard::FasterDiagnosis28Day
                    || r.modality().is_some_and(|m| m.eq_ignore_ascii_case("ALL MODALITIES"));
                r.period() == month && r.standard() == standard && r.organisation() == org && counts
            });
            let total = PatientCount::checked_sum(rows.map(|r| r.performance().total())).unwrap();
            prop_assert_eq!(cell.total(), total);
        }
    }

    /// CRLF line ends read as LF ones do, row for row and line for line.
    #[test]
    fn crlf_reads_as_lf(text in provider_extract_csv(&CwtParams { size: 0..=40, ..CwtParams::default() })) {
        let lf = read_provider_extract(text.as_bytes()).unwrap();
        let crlf = read_provider_extract(text.replace('\n', "\r\n").as_bytes()).unwrap();
        prop_assert_eq!(lf.rows(), crlf.rows());
    }
}

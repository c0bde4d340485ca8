//! Strategies for extract rows in NHS England's provider layout
//! (synthetic), and whole extracts made of them.

use std::collections::BTreeSet;

use proptest::prelude::*;

use crate::cwt::extract::{read_provider_extract, ProviderExtract, ALL_MODALITIES};
use crate::org::OdsCode;
use crate::period::YearMonth;
use crate::standard::CwtStandard;
use crate::strategies::cwt::CwtParams;
use crate::tumour_site::TumourSite;

/// The provider extract's header, as NHS England publishes it.
pub const PROVIDER_EXTRACT_HEADER: &str = "PERIOD,YEAR,MONTH,STANDARD,ORG CODE,STAGE/ROUTE,TREATMENT MODALITY,CANCER TYPE,TOTAL TREATED,WITHIN STANDARD,BREACHES";

const MONTHS: [&str; 12] = [
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
];

/// One valid data row of a provider extract (no line end), in
/// `params.months`, for one of `params.providers`: an FDS row (blank
/// modality), or a 31- or 62-day row of `ALL MODALITIES` or one modality,
/// with whole or half counts, within at most total, and breaches the
/// difference. `size` is not used (see [`provider_extract_csv`]).
pub fn provider_extract_row(params: &CwtParams) -> impl Strategy<Value = String> + use<> {
    keyed_row(params).prop_map(|(_, text)| text)
}

/// A row's key (month, standard, provider, modality, cancer type: NHS
/// England's extracts hold one row per key) and its text.
type Keyed = ((YearMonth, usize, OdsCode, &'static str, usize), String);

fn keyed_row(params: &CwtParams) -> impl Strategy<Value = Keyed> + use<> {
    let standard = proptest::sample::select(CwtStandard::ALL.to_vec());
    let modality =
        prop_oneof![3 => Just(ALL_MODALITIES), 1 => Just("Surgery"), 1 => Just("Radiotherapy")];
    (
        proptest::sample::select(params.month_list()),
        standard,
        proptest::sample::select(params.provider_codes()),
        modality,
        proptest::sample::select(TumourSite::ALL.to_vec()),
        (0u32..=2_000, 0u32..=2_000),
    )
        .prop_map(|(month, standard, provider, modality, site, (a, b))| {
            let modality = match standard {
                CwtStandard::FasterDiagnosis28Day => "",
                _ => modality,
            };
            // Halves: a shared pathway counts half to each trust.
            let (total, within) = (a.max(b), a.min(b));
            let half = |n: u32| {
                let whole = n / 2;
                if n.is_multiple_of(2) {
                    whole.to_string()
                } else {
                    format!("{whole}.5")
                }
            };
            let route = match standard {
                CwtStandard::FasterDiagnosis28Day => "URGENT SUSPECTED CANCER",
                _ => "Urgent Suspected Cancer",
            };
            let year = month
                .financial_year()
                .map_or_else(|_| String::new(), |y| y.to_string());
            let name = usize::try_from(month.month())
                .ok()
                .and_then(|m| MONTHS.get(m.checked_sub(1)?))
                .copied()
                .unwrap_or_default();
            let text = format!(
                "{},{year},{name},{},{provider},{route},{modality},\"{site}\",{},{},{}",
                month.first_day(),
                standard.short_name(),
                half(total),
                half(within),
                half(total.saturating_sub(within)),
            );
            (
                (month, standard.index(), provider, modality, site.index()),
                text,
            )
        })
}

/// A whole provider extract as CSV text: the header, then up to
/// `params.size` rows as [`provider_extract_row`] makes them, one per key
/// (a repeated month x standard x provider x modality x cancer type is
/// dropped, as NHS England's extracts hold one row per key), each line
/// ended `\n`. Reading it gives every row and no bad row.
pub fn provider_extract_csv(params: &CwtParams) -> impl Strategy<Value = String> + use<> {
    proptest::collection::vec(keyed_row(params), params.size.clone()).prop_map(|rows| {
        let mut seen = BTreeSet::new();
        let mut text = String::from(PROVIDER_EXTRACT_HEADER);
        text.push('\n');
        for (key, row) in rows {
            if seen.insert(key) {
                text.push_str(&row);
                text.push('\n');
            }
        }
        text
    })
}

/// A provider extract read from [`provider_extract_csv`]'s text.
pub fn provider_extract(params: &CwtParams) -> impl Strategy<Value = ProviderExtract> + use<> {
    provider_extract_csv(params).prop_filter_map("a readable extract", |text| {
        read_provider_extract(text.as_bytes()).ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn every_generated_row_is_read_and_none_is_bad(
            text in provider_extract_csv(&CwtParams { size: 0..=50, ..CwtParams::default() })
        ) {
            let extract = read_provider_extract(text.as_bytes()).unwrap();
            let lines = text.lines().count().saturating_sub(1);
            prop_assert!(extract.bad_rows().is_empty(), "{:?}", extract.bad_rows().first());
            prop_assert_eq!(extract.rows().len(), lines);
        }
    }
}

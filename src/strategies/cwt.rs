//! Strategies for CWT data: patient pathways, synthetic, with parameters
//! for their period, providers and size ([`CwtParams`], which the extract
//! strategies share).

use std::ops::RangeInclusive;

use chrono::{Duration, NaiveDate};
use proptest::prelude::*;

use crate::cwt::pathway::{Adjustment, AdjustmentReason, Pathway, Route};
use crate::org::OdsCode;
use crate::period::YearMonth;
use crate::tumour_site::TumourSite;

/// The period, providers and size of generated CWT data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CwtParams {
    /// The first and last month of the data (referrals for pathways,
    /// `PERIOD` for extract rows).
    pub months: RangeInclusive<YearMonth>,
    /// The providers the data names; empty means the default seven.
    pub providers: Vec<OdsCode>,
    /// The commissioning ICBs pathways name (the commissioner basis);
    /// empty means pathways name none.
    pub icbs: Vec<OdsCode>,
    /// How many pathways, or how many extract rows.
    pub size: RangeInclusive<usize>,
    /// Whether some pathways carry the data-quality problems real files
    /// hold (a clock missing, a treatment before its decision to treat,
    /// an outcome before the referral), which measurement reports as
    /// findings. `false`: every clock follows the one before it.
    pub data_quality_problems: bool,
}

/// The seven Wessex trusts of NHS England's samples, as generated
/// providers.
const PROVIDERS: [&str; 7] = ["R0D", "R1F", "RBD", "RHM", "RHU", "RN5", "RNZ"];

/// The Wessex ICBs: Hampshire and Isle of Wight, and Dorset.
const ICBS: [&str; 2] = ["QRL", "QVV"];

impl Default for CwtParams {
    /// April 2024 to March 2025, the seven Wessex trusts, pathways
    /// commissioned by the two Wessex ICBs, 0 to 200 items.
    fn default() -> CwtParams {
        CwtParams {
            months: month(2024, 4)..=month(2025, 3),
            providers: Vec::new(),
            icbs: ICBS.iter().filter_map(|c| c.parse().ok()).collect(),
            size: 0..=200,
            data_quality_problems: false,
        }
    }
}

// Months and codes below are written as valid literals.
#[allow(clippy::expect_used)]
fn month(year: i32, month: u32) -> YearMonth {
    YearMonth::new(year, month).expect("a month written as a valid literal")
}

impl CwtParams {
    pub(super) fn provider_codes(&self) -> Vec<OdsCode> {
        if self.providers.is_empty() {
            PROVIDERS.iter().filter_map(|c| c.parse().ok()).collect()
        } else {
            self.providers.clone()
        }
    }

    /// The months, in order (one month when the range is backwards).
    pub(super) fn month_list(&self) -> Vec<YearMonth> {
        let (first, last) = (*self.months.start(), *self.months.end());
        let months: Vec<_> = first.through(last).collect();
        if months.is_empty() {
            vec![first]
        } else {
            months
        }
    }
}

/// A day of one of `months`.
fn day_in(months: Vec<YearMonth>) -> impl Strategy<Value = NaiveDate> {
    proptest::sample::select(months).prop_flat_map(|m| {
        let first = m.first_day();
        (0..i64::from(m.days()))
            .prop_map(move |d| first.checked_add_signed(Duration::days(d)).unwrap_or(first))
    })
}

/// One patient pathway referred in `params.months` to one of
/// `params.providers`, commissioned by one of `params.icbs` (if any), in
/// any route and tumour site, with
/// patient-initiated adjustments of up to 9 days. Its clocks are in
/// order: referral, then the outcome told (or not yet), then a decision to
/// treat and a first treatment on or after it (or not yet); with
/// `params.data_quality_problems`, each clock may instead be missing or
/// out of order, and the commissioner unknown. `size` is not used (see [`pathways`]).
pub fn pathway(params: &CwtParams) -> impl Strategy<Value = Pathway> + use<> {
    let providers = params.provider_codes();
    let messy = params.data_quality_problems;
    let icb = if params.icbs.is_empty() {
        Just(None).boxed()
    } else {
        let any = proptest::sample::select(params.icbs.clone());
        if messy {
            proptest::option::weighted(0.85, any).boxed()
        } else {
            any.prop_map(Some).boxed()
        }
    };
    // Ordered clocks are at least 10 days apart, so no adjustment (at
    // most 9 days) exceeds a wait.
    let low = if messy { 0 } else { 10 };
    let later = move || proptest::option::weighted(0.85, low..90i64);
    (
        proptest::sample::select(Route::ALL.to_vec()),
        proptest::sample::select(TumourSite::ALL.to_vec()),
        proptest::sample::select(providers),
        day_in(params.month_list()),
        (later(), later(), later(), proptest::bool::weighted(0.85)),
        (0u16..10, 0u16..10, -30i64..30, icb),
    )
        .prop_map(
            move |(
                route,
                site,
                provider,
                referral,
                (told, dtt, treat, has_referral),
                (dna, delay, shift, icb),
            )| {
                let after = |d: i64| {
                    referral
                        .checked_add_signed(Duration::days(d))
                        .unwrap_or(referral)
                };
                let mut p = Pathway::new(route, site, provider);
                if let Some(icb) = icb {
                    p = p.with_icb(icb);
                }
                if has_referral || !messy {
                    p = p.with_referral_received(referral);
                }
                if let Some(d) = told {
                    // Messy: the outcome up to 30 days before the referral.
                    p = p.with_told_outcome(after(if messy { d.saturating_add(shift) } else { d }));
                }
                match (dtt, treat) {
                    (Some(d), Some(t)) => {
                        p = p.with_decision_to_treat(after(d));
                        // Messy: the treatment up to 30 days before the decision.
                        let t = if messy { t.saturating_add(shift) } else { t };
                        p = p.with_first_treatment(after(d.saturating_add(t)));
                    }
                    (Some(d), None) => p = p.with_decision_to_treat(after(d)),
                    (None, Some(t)) if messy => p = p.with_first_treatment(after(t)),
                    (None, _) => {}
                }
                p.with_adjustment(Adjustment::new(
                    AdjustmentReason::DidNotAttendFirstAppointment,
                    dna,
                ))
                .with_adjustment(Adjustment::new(
                    AdjustmentReason::PatientInitiatedTreatmentDelay,
                    delay,
                ))
            },
        )
}

/// `params.size` pathways, each as [`pathway`] makes them.
pub fn pathways(params: &CwtParams) -> impl Strategy<Value = Vec<Pathway>> + use<> {
    proptest::collection::vec(pathway(params), params.size.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cwt::pathway::measure_pathways;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn ordered_pathways_have_no_finding_and_stay_in_their_months(
            pathways in pathways(&CwtParams::default())
        ) {
            let (_, findings) = measure_pathways(&pathways, |p| p.provider().clone()).unwrap();
            prop_assert!(findings.is_empty(), "{findings:?}");
            let params = CwtParams::default();
            for p in &pathways {
                let month = YearMonth::from_date(p.referral_received().unwrap());
                prop_assert!(params.months.contains(&month));
            }
        }
    }

    #[test]
    fn messy_pathways_do_carry_findings() {
        use proptest::strategy::ValueTree;
        let params = CwtParams {
            size: 200..=200,
            data_quality_problems: true,
            ..CwtParams::default()
        };
        let mut runner = proptest::test_runner::TestRunner::deterministic();
        let pathways = pathways(&params).new_tree(&mut runner).unwrap().current();
        let (_, findings) = measure_pathways(&pathways, |p| p.provider().clone()).unwrap();
        assert!(!findings.is_empty());
    }
}

//! One text record of the layout (its ten fields) to a [`CompactPathway`]:
//! the rule every text reader (CSV, Arrow strings) shares.

use super::aggregate::Aggregator;
use super::compact::{CompactPathway, NO_DAY};
use super::fields;
use super::{BadPathwayRowReason, PathwayColumn};

/// The FDS clock stop: the earlier of told outcome and decision to treat,
/// as [`Pathway::faster_diagnosis_stop`](super::Pathway::faster_diagnosis_stop).
#[inline]
pub(super) fn fds_stop(told: i32, decision_to_treat: i32) -> i32 {
    match (told, decision_to_treat) {
        (NO_DAY, d) => d,
        (t, NO_DAY) => t,
        (t, d) => t.min(d),
    }
}

/// The ten fields of a record, by [`PathwayColumn::slot`]; a column absent
/// from the file (only `icb` may be) is an empty field.
#[inline]
#[cfg_attr(not(feature = "pathway-csv"), allow(dead_code))]
pub(super) fn compact(
    aggregator: &mut Aggregator,
    f: &[&[u8]; 10],
) -> Result<CompactPathway, BadPathwayRowReason> {
    let [provider, icb, route, site, referral, told, dtt, treatment, dna, delay] = *f;
    let provider = provider.trim_ascii();
    let key = fields::ods_key(provider, PathwayColumn::Provider)?;
    let provider = aggregator.provider(key, provider)?;
    if !icb.trim_ascii().is_empty() {
        fields::ods_key(icb, PathwayColumn::Icb)?;
    }
    let route = fields::route(route)?;
    let tumour_site = fields::tumour_site(site)?;
    let referral = fields::date(referral, PathwayColumn::ReferralReceived)?;
    let told = fields::date(told, PathwayColumn::ToldOutcome)?;
    let decision_to_treat = fields::date(dtt, PathwayColumn::DecisionToTreat)?;
    let first_treatment = fields::date(treatment, PathwayColumn::FirstTreatment)?;
    let first_seen_adjustment = fields::adjustment(dna, PathwayColumn::DnaAdjustmentDays)?;
    let treatment_adjustment = fields::adjustment(delay, PathwayColumn::TreatmentDelayDays)?;
    Ok(CompactPathway {
        referral,
        fds_stop: fds_stop(told, decision_to_treat),
        decision_to_treat,
        first_treatment,
        provider,
        first_seen_adjustment,
        treatment_adjustment,
        tumour_site,
        route,
    })
}

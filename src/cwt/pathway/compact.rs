//! The crate's fast path: [`CompactPathway`], a 24-byte, `Copy` form of a
//! [`Pathway`] for one-pass aggregation, with providers interned in a
//! [`ProviderRegistry`].

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use chrono::{Datelike, NaiveDate};

use super::record::{adjustment_for_standard, days_for_reason};
use super::{AdjustmentReason, Pathway, Route};
use crate::{org::OdsCode, standard::CwtStandard, tumour_site::TumourSite};

/// No date recorded.
pub(super) const NO_DAY: i32 = i32::MIN;

/// A hasher for packed ODS codes: one multiply, enough for a few hundred
/// distinct keys.
#[derive(Default)]
pub(super) struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn write_u128(&mut self, n: u128) {
        let folded = (n as u64) ^ ((n >> 64) as u64).rotate_left(29);
        self.0 = folded.wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(26);
    }
}

/// An ODS code packed into a `u128` key: its bytes (3 to 10, checked by
/// [`OdsCode::new`]), little-endian, zero-padded; the same key the file
/// readers pack from a field's bytes.
#[inline]
fn key(code: &OdsCode) -> u128 {
    let bytes = code.as_str().as_bytes();
    let mut key = [0u8; 16];
    if let Some(dst) = key.get_mut(..bytes.len()) {
        dst.copy_from_slice(bytes);
    }
    u128::from_le_bytes(key)
}

/// A provider's small index in a [`ProviderRegistry`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct ProviderIndex(u16);

impl ProviderIndex {
    /// The index `n`.
    pub(crate) const fn new(n: u16) -> ProviderIndex {
        ProviderIndex(n)
    }

    /// The index as a number.
    pub(crate) const fn get(self) -> u16 {
        self.0
    }
}

/// Provider codes interned to small indexes, in order of first sight.
/// Looked up by the packed code ([`KeyHasher`]: a multiply, where the
/// default hasher was most of the cost of counting a pathway).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ProviderRegistry {
    codes: Vec<OdsCode>,
    indexes: HashMap<u128, ProviderIndex, BuildHasherDefault<KeyHasher>>,
}

impl ProviderRegistry {
    /// An empty registry.
    pub(crate) fn new() -> ProviderRegistry {
        ProviderRegistry::default()
    }

    /// The index of `code`, registering it if new; `None` if it is new and
    /// the registry already holds as many providers as a [`ProviderIndex`]
    /// can name.
    pub(crate) fn intern(&mut self, code: &OdsCode) -> Option<ProviderIndex> {
        let key = key(code);
        if let Some(&index) = self.indexes.get(&key) {
            return Some(index);
        }
        let index = ProviderIndex(u16::try_from(self.codes.len()).ok()?);
        self.codes.push(code.clone());
        self.indexes.insert(key, index);
        Some(index)
    }

    /// The index of `code`, if registered.
    pub(crate) fn get(&self, code: &OdsCode) -> Option<ProviderIndex> {
        self.indexes.get(&key(code)).copied()
    }

    /// The code of an index.
    pub(crate) fn code(&self, index: ProviderIndex) -> Option<&OdsCode> {
        self.codes.get(usize::from(index.0))
    }

    /// The codes, in order of first sight (index order).
    pub(crate) fn codes(&self) -> &[OdsCode] {
        &self.codes
    }

    /// The number of providers registered.
    pub(crate) fn len(&self) -> usize {
        self.codes.len()
    }
}

/// A pathway in 24 bytes: dates as day numbers (days from 1 January of year
/// 1), the FDS clock stop precomputed, adjustments summed by kind, the
/// provider as a [`ProviderIndex`]. `Copy`, no heap: the file readers
/// count chunks of these, allocating nothing per record, and
/// [`PathwayCounts::add`](super::PathwayCounts::add) counts each
/// [`Pathway`] through one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct CompactPathway {
    pub(super) referral: i32,
    pub(super) fds_stop: i32,
    pub(super) decision_to_treat: i32,
    pub(super) first_treatment: i32,
    pub(super) provider: ProviderIndex,
    pub(super) first_seen_adjustment: u16,
    pub(super) treatment_adjustment: u16,
    pub(super) tumour_site: TumourSite,
    pub(super) route: Route,
}

pub(super) fn day_number(date: NaiveDate) -> i32 {
    date.num_days_from_ce()
}

pub(super) fn date_of(day: i32) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(day).unwrap_or(NaiveDate::MIN)
}

fn day_of(date: Option<NaiveDate>) -> i32 {
    date.map_or(NO_DAY, day_number)
}

impl CompactPathway {
    /// A pathway with no dates and no adjustments.
    #[cfg(test)]
    pub(crate) fn new(
        route: Route,
        tumour_site: TumourSite,
        provider: ProviderIndex,
    ) -> CompactPathway {
        CompactPathway {
            referral: NO_DAY,
            fds_stop: NO_DAY,
            decision_to_treat: NO_DAY,
            first_treatment: NO_DAY,
            provider,
            first_seen_adjustment: 0,
            treatment_adjustment: 0,
            tumour_site,
            route,
        }
    }

    /// The compact form of `pathway`, its provider at `provider`. Adjustment
    /// days of one kind are summed (saturating at 65,535 days, far beyond
    /// any wait), as [`Pathway::adjustment_days`] sums them.
    #[inline]
    pub(super) fn from_pathway(pathway: &Pathway, provider: ProviderIndex) -> CompactPathway {
        let sum = |reason| days_for_reason(pathway.adjustments(), reason);
        CompactPathway {
            referral: day_of(pathway.referral_received()),
            fds_stop: day_of(pathway.faster_diagnosis_stop()),
            decision_to_treat: day_of(pathway.decision_to_treat()),
            first_treatment: day_of(pathway.first_treatment()),
            provider,
            first_seen_adjustment: sum(AdjustmentReason::DidNotAttendFirstAppointment),
            treatment_adjustment: sum(AdjustmentReason::PatientInitiatedTreatmentDelay),
            tumour_site: pathway.tumour_site(),
            route: pathway.route(),
        }
    }

    /// With the first treatment date.
    #[cfg(test)]
    pub(crate) fn with_first_treatment(mut self, date: NaiveDate) -> CompactPathway {
        self.first_treatment = day_number(date);
        self
    }

    /// The days adjusted off waits for `standard`, by the same rule as
    /// [`Pathway::adjustment_days`].
    #[inline]
    pub(super) fn adjustment_days(&self, standard: CwtStandard) -> u32 {
        adjustment_for_standard(standard, |reason| match reason {
            AdjustmentReason::DidNotAttendFirstAppointment => self.first_seen_adjustment,
            AdjustmentReason::PatientInitiatedTreatmentDelay => self.treatment_adjustment,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_compact_record_is_24_bytes() {
        assert_eq!(std::mem::size_of::<CompactPathway>(), 24);
    }

    #[test]
    fn providers_are_interned_in_order_of_first_sight() {
        let code = |c: &str| c.parse::<OdsCode>().unwrap();
        let mut providers = ProviderRegistry::new();
        let rhu = providers.intern(&code("RHU")).unwrap();
        let rhm = providers.intern(&code("RHM")).unwrap();
        assert_eq!(providers.intern(&code("RHU")), Some(rhu));
        assert_eq!((rhu.get(), rhm.get()), (0, 1));
        assert_eq!(providers.get(&code("RHM")), Some(rhm));
        assert_eq!(providers.get(&code("R0D")), None);
        assert_eq!(providers.code(rhm), Some(&code("RHM")));
        assert_eq!(providers.codes(), [code("RHU"), code("RHM")]);
    }

    #[test]
    fn the_registry_holds_at_most_what_an_index_names() {
        let mut providers = ProviderRegistry::new();
        for n in 0..=u16::MAX {
            let code: OdsCode = format!("R{n:05}").parse().unwrap();
            assert_eq!(providers.intern(&code).map(ProviderIndex::get), Some(n));
        }
        assert_eq!(providers.intern(&"RHM".parse().unwrap()), None);
        assert_eq!(providers.len(), 65_536);
    }
}

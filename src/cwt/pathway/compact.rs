//! [`CompactPathway`]: a 24-byte, `Copy` form of a [`Pathway`] for fast
//! aggregation, with providers interned in a [`ProviderRegistry`].

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use super::record::{adjustment_for_standard, days_for_reason};
use super::{AdjustmentReason, Pathway, Route};
use crate::{org::OdsCode, standard::CwtStandard, tumour_site::TumourSite};

/// No date recorded.
pub(super) const NO_DAY: i32 = i32::MIN;

/// A provider's small index in a [`ProviderRegistry`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ProviderIndex(u16);

impl ProviderIndex {
    /// The index `n` (for synthetic data; real data gets indexes from
    /// [`ProviderRegistry::intern`]).
    pub const fn new(n: u16) -> ProviderIndex {
        ProviderIndex(n)
    }

    /// The index as a number.
    pub const fn get(self) -> u16 {
        self.0
    }
}

/// More than 65,536 providers: the compact form cannot index them.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("more than 65536 providers: provider `{code}` cannot be given a compact index")]
pub struct TooManyProviders {
    code: OdsCode,
}

/// Provider codes interned to small indexes, in order of first sight.
///
/// ```
/// use cancer_plan::cwt::pathway::ProviderRegistry;
/// let mut providers = ProviderRegistry::new();
/// let rhm = providers.intern(&"RHM".parse()?)?;
/// assert_eq!(providers.intern(&"RHM".parse()?)?, rhm);
/// assert_eq!(providers.code(rhm).map(|c| c.as_str()), Some("RHM"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProviderRegistry {
    codes: Vec<OdsCode>,
    indexes: HashMap<OdsCode, ProviderIndex>,
}

impl ProviderRegistry {
    /// An empty registry.
    pub fn new() -> ProviderRegistry {
        ProviderRegistry::default()
    }

    /// The index of `code`, registering it if new.
    ///
    /// # Errors
    ///
    /// [`TooManyProviders`] when the registry already holds as many providers
    /// as a [`ProviderIndex`] can name.
    pub fn intern(&mut self, code: &OdsCode) -> Result<ProviderIndex, TooManyProviders> {
        if let Some(&index) = self.indexes.get(code) {
            return Ok(index);
        }
        let n =
            u16::try_from(self.codes.len()).map_err(|_| TooManyProviders { code: code.clone() })?;
        let index = ProviderIndex(n);
        self.codes.push(code.clone());
        self.indexes.insert(code.clone(), index);
        Ok(index)
    }

    /// The code of an index.
    pub fn code(&self, index: ProviderIndex) -> Option<&OdsCode> {
        self.codes.get(usize::from(index.0))
    }

    /// The number of providers registered.
    pub fn len(&self) -> usize {
        self.codes.len()
    }

    /// Whether no provider is registered.
    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }
}

/// A pathway in 24 bytes: dates as day numbers (days from 1 January of year
/// 1), the FDS clock stop precomputed, adjustments summed by kind, the
/// provider as a [`ProviderIndex`]. `Copy`, no heap: aggregating a slice of
/// these allocates nothing per record.
///
/// ```
/// use cancer_plan::cwt::pathway::{CompactPathway, ProviderIndex, Route};
/// use cancer_plan::TumourSite;
/// assert!(std::mem::size_of::<CompactPathway>() <= 32);
/// let d = chrono::NaiveDate::from_ymd_opt(2024, 4, 1).ok_or("date")?;
/// let p = CompactPathway::new(Route::UrgentScreening, TumourSite::Breast, ProviderIndex::new(0))
///     .with_referral_received(d);
/// assert_eq!(p.tumour_site(), TumourSite::Breast);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CompactPathway {
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
    pub fn new(route: Route, tumour_site: TumourSite, provider: ProviderIndex) -> CompactPathway {
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

    /// The compact form of `pathway`, interning its provider. Adjustment
    /// days of one kind are summed (saturating at 65,535 days, far beyond
    /// any wait), as [`Pathway::adjustment_days`] sums them.
    ///
    /// # Errors
    ///
    /// [`TooManyProviders`] if the pathway's provider is new and the registry
    /// is full.
    pub fn from_pathway(
        pathway: &Pathway,
        providers: &mut ProviderRegistry,
    ) -> Result<CompactPathway, TooManyProviders> {
        let sum = |reason| days_for_reason(pathway.adjustments(), reason);
        Ok(CompactPathway {
            referral: day_of(pathway.referral_received()),
            fds_stop: day_of(pathway.faster_diagnosis_stop()),
            decision_to_treat: day_of(pathway.decision_to_treat()),
            first_treatment: day_of(pathway.first_treatment()),
            provider: providers.intern(pathway.provider())?,
            first_seen_adjustment: sum(AdjustmentReason::DidNotAttendFirstAppointment),
            treatment_adjustment: sum(AdjustmentReason::PatientInitiatedTreatmentDelay),
            tumour_site: pathway.tumour_site(),
            route: pathway.route(),
        })
    }

    /// With the referral received date.
    pub fn with_referral_received(mut self, date: NaiveDate) -> CompactPathway {
        self.referral = day_number(date);
        self
    }

    /// With the FDS clock stop (told outcome, or decision to treat if
    /// earlier).
    pub fn with_faster_diagnosis_stop(mut self, date: NaiveDate) -> CompactPathway {
        self.fds_stop = day_number(date);
        self
    }

    /// With the decision to treat date.
    pub fn with_decision_to_treat(mut self, date: NaiveDate) -> CompactPathway {
        self.decision_to_treat = day_number(date);
        self
    }

    /// With the first treatment date.
    pub fn with_first_treatment(mut self, date: NaiveDate) -> CompactPathway {
        self.first_treatment = day_number(date);
        self
    }

    /// With adjustment days: first-seen (did not attend; FDS and 62-day) and
    /// treatment (patient-initiated delay; 31-day and 62-day).
    pub fn with_adjustments(mut self, first_seen: u16, treatment: u16) -> CompactPathway {
        self.first_seen_adjustment = first_seen;
        self.treatment_adjustment = treatment;
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

    /// The provider.
    pub fn provider(&self) -> ProviderIndex {
        self.provider
    }

    /// The tumour site.
    pub fn tumour_site(&self) -> TumourSite {
        self.tumour_site
    }

    /// The route.
    pub fn route(&self) -> Route {
        self.route
    }
}

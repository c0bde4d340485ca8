//! [`Pathway`]: one patient's cancer pathway, and its [`Measurement`] for
//! each standard.

use serde::{Deserialize, Serialize};
use std::fmt;

use chrono::NaiveDate;

use super::DataQualityKind;
use crate::{org::OdsCode, period::YearMonth, standard::CwtStandard, tumour_site::TumourSite};

/// How the patient entered the pathway. The routes decide which standards
/// apply. `#[non_exhaustive]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
#[repr(u8)]
pub enum Route {
    /// Urgent suspected cancer referral (FDS, 62-day, 31-day).
    UrgentSuspectedCancer,
    /// Breast symptomatic referral, cancer not initially suspected (FDS,
    /// 62-day, 31-day).
    BreastSymptomatic,
    /// Urgent referral from a national screening programme (FDS, 62-day,
    /// 31-day).
    UrgentScreening,
    /// Consultant upgrade: the clock starts at the upgrade, recorded as the
    /// referral date (62-day, 31-day; not FDS).
    ConsultantUpgrade,
    /// Any other route, e.g. a routine referral diagnosed with cancer
    /// (31-day only).
    Other,
}

impl Route {
    /// Every route, in the order of the enum.
    pub const ALL: [Route; 5] = [
        Route::UrgentSuspectedCancer,
        Route::BreastSymptomatic,
        Route::UrgentScreening,
        Route::ConsultantUpgrade,
        Route::Other,
    ];

    /// The snake_case code used in JSON and pathway files
    /// (`urgent_suspected_cancer`).
    pub const fn code(self) -> &'static str {
        match self {
            Route::UrgentSuspectedCancer => "urgent_suspected_cancer",
            Route::BreastSymptomatic => "breast_symptomatic",
            Route::UrgentScreening => "urgent_screening",
            Route::ConsultantUpgrade => "consultant_upgrade",
            Route::Other => "other",
        }
    }

    /// Whether `standard` applies to pathways on this route.
    pub const fn is_measured_for(self, standard: CwtStandard) -> bool {
        match standard {
            CwtStandard::FasterDiagnosis28Day => matches!(
                self,
                Route::UrgentSuspectedCancer | Route::BreastSymptomatic | Route::UrgentScreening
            ),
            CwtStandard::Combined62Day => !matches!(self, Route::Other),
            CwtStandard::Combined31Day => true,
        }
    }
}

impl fmt::Display for Route {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Route::UrgentSuspectedCancer => "urgent suspected cancer",
            Route::BreastSymptomatic => "breast symptomatic",
            Route::UrgentScreening => "urgent screening",
            Route::ConsultantUpgrade => "consultant upgrade",
            Route::Other => "other",
        })
    }
}

/// Why days are taken off a wait (CWT guidance v12). `#[non_exhaustive]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AdjustmentReason {
    /// The patient did not attend their first appointment: the only
    /// first-seen adjustment in the current data dictionary. Applies to the
    /// FDS and the 62-day standard.
    DidNotAttendFirstAppointment,
    /// A patient-initiated delay to admitted treatment (between decision to
    /// treat and treatment). Applies to the 31-day and 62-day standards.
    PatientInitiatedTreatmentDelay,
}

impl AdjustmentReason {
    /// Every reason, in the order of the enum.
    pub const ALL: [AdjustmentReason; 2] = [
        AdjustmentReason::DidNotAttendFirstAppointment,
        AdjustmentReason::PatientInitiatedTreatmentDelay,
    ];

    /// Whether the adjustment shortens waits for `standard`.
    pub const fn applies_to(self, standard: CwtStandard) -> bool {
        match self {
            AdjustmentReason::DidNotAttendFirstAppointment => {
                !matches!(standard, CwtStandard::Combined31Day)
            }
            AdjustmentReason::PatientInitiatedTreatmentDelay => {
                !matches!(standard, CwtStandard::FasterDiagnosis28Day)
            }
        }
    }
}

/// The days of `adjustments` for `reason`, summed saturating at
/// `u16::MAX` (65,535 days, far beyond any wait): no number of adjustments
/// can overflow (a wrapped sum could make a late pathway look within).
/// The one sum [`Pathway`] and its compact form
/// both use.
pub(super) fn days_for_reason(adjustments: &[Adjustment], reason: AdjustmentReason) -> u16 {
    adjustments
        .iter()
        .filter(|a| a.reason == reason)
        .fold(0u16, |acc, a| acc.saturating_add(a.days))
}

/// The days adjusted off a wait for `standard`: the days of each reason
/// that [applies to](AdjustmentReason::applies_to) it (`days_of(reason)`,
/// as summed by [`days_for_reason`]), added up. Shared by [`Pathway`] and
/// the one-pass aggregation, so both paths agree.
pub(super) fn adjustment_for_standard(
    standard: CwtStandard,
    days_of: impl Fn(AdjustmentReason) -> u16,
) -> u32 {
    AdjustmentReason::ALL
        .into_iter()
        .filter(|reason| reason.applies_to(standard))
        .fold(0u32, |acc, reason| {
            acc.saturating_add(u32::from(days_of(reason)))
        })
}

/// An adjustment: `days` taken off the wait, for a stated reason. Never
/// implicit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Adjustment {
    reason: AdjustmentReason,
    days: u16,
}

impl Adjustment {
    /// `days` off the wait for `reason`.
    pub fn new(reason: AdjustmentReason, days: u16) -> Adjustment {
        Adjustment { reason, days }
    }

    /// The reason.
    pub fn reason(&self) -> AdjustmentReason {
        self.reason
    }

    /// The days taken off.
    pub fn days(&self) -> u16 {
        self.days
    }
}

/// One patient's pathway: dates as recorded, with the route, tumour site,
/// provider and ICB. Any date may be missing (an open pathway); whether the
/// dates make sense is checked when the pathway is measured.
///
/// ```
/// use cancer_plan::cwt::pathway::{Pathway, Route};
/// use cancer_plan::{CwtStandard, TumourSite};
/// use chrono::NaiveDate;
/// let d = |m, d| NaiveDate::from_ymd_opt(2024, m, d).ok_or("date");
/// let p = Pathway::new(Route::UrgentSuspectedCancer, TumourSite::Lung, "RHM".parse()?)
///     .with_referral_received(d(4, 1)?)
///     .with_told_outcome(d(4, 29)?);
/// let m = p.measure(CwtStandard::FasterDiagnosis28Day)?.ok_or("open")?;
/// assert_eq!((m.days(), m.is_within()), (28, true));
/// assert_eq!(m.reporting_month().to_string(), "2024-04");
/// assert!(p.measure(CwtStandard::Combined62Day)?.is_none()); // not treated yet
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pathway {
    route: Route,
    tumour_site: TumourSite,
    provider: OdsCode,
    icb: Option<OdsCode>,
    referral_received: Option<NaiveDate>,
    told_outcome: Option<NaiveDate>,
    decision_to_treat: Option<NaiveDate>,
    first_treatment: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    adjustments: Vec<Adjustment>,
}

impl Pathway {
    /// A pathway on `route` for `tumour_site` at `provider`, with no dates
    /// yet.
    pub fn new(route: Route, tumour_site: TumourSite, provider: OdsCode) -> Pathway {
        Pathway {
            route,
            tumour_site,
            provider,
            icb: None,
            referral_received: None,
            told_outcome: None,
            decision_to_treat: None,
            first_treatment: None,
            adjustments: Vec::new(),
        }
    }

    /// With the patient's ICB.
    pub fn with_icb(mut self, icb: OdsCode) -> Pathway {
        self.icb = Some(icb);
        self
    }

    /// With the date the referral was received (or the consultant upgrade).
    pub fn with_referral_received(mut self, date: NaiveDate) -> Pathway {
        self.referral_received = Some(date);
        self
    }

    /// With the date the patient was told they have cancer or that it is
    /// ruled out.
    pub fn with_told_outcome(mut self, date: NaiveDate) -> Pathway {
        self.told_outcome = Some(date);
        self
    }

    /// With the decision to treat date.
    pub fn with_decision_to_treat(mut self, date: NaiveDate) -> Pathway {
        self.decision_to_treat = Some(date);
        self
    }

    /// With the first definitive treatment date.
    pub fn with_first_treatment(mut self, date: NaiveDate) -> Pathway {
        self.first_treatment = Some(date);
        self
    }

    /// With an adjustment.
    pub fn with_adjustment(mut self, adjustment: Adjustment) -> Pathway {
        self.adjustments.push(adjustment);
        self
    }

    /// The route.
    pub fn route(&self) -> Route {
        self.route
    }

    /// The tumour site.
    pub fn tumour_site(&self) -> TumourSite {
        self.tumour_site
    }

    /// The provider.
    pub fn provider(&self) -> &OdsCode {
        &self.provider
    }

    /// The patient's ICB, if recorded.
    pub fn icb(&self) -> Option<&OdsCode> {
        self.icb.as_ref()
    }

    /// The referral received date.
    pub fn referral_received(&self) -> Option<NaiveDate> {
        self.referral_received
    }

    /// The date told diagnosis or ruled out.
    pub fn told_outcome(&self) -> Option<NaiveDate> {
        self.told_outcome
    }

    /// The decision to treat date.
    pub fn decision_to_treat(&self) -> Option<NaiveDate> {
        self.decision_to_treat
    }

    /// The first treatment date.
    pub fn first_treatment(&self) -> Option<NaiveDate> {
        self.first_treatment
    }

    /// The adjustments.
    pub fn adjustments(&self) -> &[Adjustment] {
        &self.adjustments
    }

    /// The FDS clock stop: the earlier of the date told the outcome and the
    /// decision to treat.
    pub fn faster_diagnosis_stop(&self) -> Option<NaiveDate> {
        match (self.told_outcome, self.decision_to_treat) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// The days adjusted off waits for `standard`: for each reason that
    /// applies to it, its days summed saturating at 65,535 (far beyond any
    /// wait), so that no number of adjustments overflows; the compact form
    /// (the compact form [`PathwayCounts`](super::PathwayCounts) counts)
    /// sums the same way.
    pub fn adjustment_days(&self, standard: CwtStandard) -> u32 {
        adjustment_for_standard(standard, |reason| {
            days_for_reason(&self.adjustments, reason)
        })
    }

    /// The pathway measured for `standard`: `Ok(None)` if the standard does
    /// not apply to the route or the clock has not stopped; a
    /// [`DataQualityKind`] if the record is impossible (a clock stop with no
    /// start, a stop before the start, adjustments longer than the wait).
    ///
    /// # Errors
    ///
    /// The [`DataQualityKind`] of an impossible record, as above.
    // Two `NaiveDate`s differ by at most about 2^19 days: chrono's subtraction cannot overflow.
    #[allow(clippy::arithmetic_side_effects)]
    pub fn measure(&self, standard: CwtStandard) -> Result<Option<Measurement>, DataQualityKind> {
        if !self.route.is_measured_for(standard) {
            return Ok(None);
        }
        let (start, stop) = match standard {
            CwtStandard::FasterDiagnosis28Day => {
                (self.referral_received, self.faster_diagnosis_stop())
            }
            CwtStandard::Combined31Day => (self.decision_to_treat, self.first_treatment),
            CwtStandard::Combined62Day => (self.referral_received, self.first_treatment),
        };
        let Some(stop) = stop else {
            return Ok(None);
        };
        let Some(start) = start else {
            return Err(DataQualityKind::missing_clock_start(standard, stop));
        };
        let raw = u32::try_from((stop - start).num_days()).map_err(|_| {
            DataQualityKind::ClockStopBeforeStart {
                standard,
                start,
                stop,
            }
        })?;
        let adjustment = self.adjustment_days(standard);
        let days = raw
            .checked_sub(adjustment)
            .ok_or(DataQualityKind::AdjustmentExceedsWait {
                standard,
                days: raw,
                adjustment,
            })?;
        Ok(Some(Measurement {
            standard,
            clock_start: start,
            clock_stop: stop,
            days,
        }))
    }
}

/// A pathway measured for one standard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Measurement {
    standard: CwtStandard,
    clock_start: NaiveDate,
    clock_stop: NaiveDate,
    days: u32,
}

impl Measurement {
    /// The standard.
    pub fn standard(&self) -> CwtStandard {
        self.standard
    }

    /// The clock start.
    pub fn clock_start(&self) -> NaiveDate {
        self.clock_start
    }

    /// The clock stop.
    pub fn clock_stop(&self) -> NaiveDate {
        self.clock_stop
    }

    /// Days waited after adjustments (the start day is day 0).
    pub fn days(&self) -> u32 {
        self.days
    }

    /// Whether the wait is within the standard (`days <= standard days`).
    pub fn is_within(&self) -> bool {
        self.standard.is_within(self.days)
    }

    /// The reporting month: the month of the clock stop.
    pub fn reporting_month(&self) -> YearMonth {
        YearMonth::from_date(self.clock_stop)
    }
}

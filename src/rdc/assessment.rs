//! [`PathwayAssessment`]: one tumour-site pathway, in one scope, assessed
//! against the seven RDC principles on one date.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{
    AssessmentScope, ComplianceLevel, ImprovementAction, PathwayAssessmentBuilder, PathwayStep,
    PrincipleEntry, RdcPrinciple,
};
use crate::tumour_site::TumourSite;

/// A tumour-site pathway assessed against the seven Rapid Diagnostic Centre
/// principles: which site, in which scope (an ICB, a provider, the whole
/// alliance), on which date, the level found for **each** principle with
/// its evidence or gap, the improvement actions, and optionally the
/// pathway's steps tagged with the principles they serve.
///
/// Built by [`PathwayAssessment::builder`], which checks every invariant
/// (see [`PathwayAssessmentBuilder::build`]); JSON goes through the same
/// builder. A built assessment always has exactly one entry per principle,
/// in principle order: a principle the input left out is *not assessed*,
/// never dropped.
///
/// ```
/// use cancer_plan::rdc::{AssessmentScope, ComplianceLevel, PathwayAssessment, PrincipleEntry};
/// use cancer_plan::{Id, RdcPrinciple, TumourSite};
/// use chrono::NaiveDate;
///
/// let a = PathwayAssessment::builder()
///     .tumour_site(TumourSite::Lung)
///     .scope(AssessmentScope::Icb(Id::new("dorset")?))
///     .assessed_on(NaiveDate::from_ymd_opt(2022, 3, 1).ok_or("date")?)
///     .principle(PrincipleEntry::met(RdcPrinciple::TimelyReferral, "standardised referral form in use"))
///     .build()?;
/// assert_eq!(a.entries().len(), 7);
/// assert_eq!(a.level(RdcPrinciple::TimelyReferral), ComplianceLevel::Met);
/// assert_eq!(a.level(RdcPrinciple::CoordinatedTesting), ComplianceLevel::NotAssessed);
/// assert_eq!(a.not_assessed().count(), 6);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    try_from = "PathwayAssessmentBuilder",
    into = "PathwayAssessmentBuilder"
)]
pub struct PathwayAssessment {
    pub(super) tumour_site: TumourSite,
    pub(super) scope: AssessmentScope,
    pub(super) assessed_on: NaiveDate,
    /// Exactly seven, in [`RdcPrinciple::ALL`] order.
    pub(super) entries: Vec<PrincipleEntry>,
    pub(super) actions: Vec<ImprovementAction>,
    pub(super) steps: Vec<PathwayStep>,
}

impl PathwayAssessment {
    /// The earliest assessment date accepted: 1 January 2019, the year NHS
    /// England published the RDC vision the principles come from.
    pub const EARLIEST_DATE: NaiveDate = match NaiveDate::from_ymd_opt(2019, 1, 1) {
        Some(date) => date,
        None => NaiveDate::MIN,
    };

    /// The latest assessment date accepted: 31 December 2099.
    pub const LATEST_DATE: NaiveDate = match NaiveDate::from_ymd_opt(2099, 12, 31) {
        Some(date) => date,
        None => NaiveDate::MAX,
    };

    /// An improvement action must fall due within this many years of the
    /// assessment (a plan further out than that is not a plan).
    pub const MAX_ACTION_YEARS: u32 = 10;

    /// A builder with nothing set.
    pub fn builder() -> PathwayAssessmentBuilder {
        PathwayAssessmentBuilder::default()
    }

    /// The tumour site.
    pub fn tumour_site(&self) -> TumourSite {
        self.tumour_site
    }

    /// The scope assessed.
    pub fn scope(&self) -> &AssessmentScope {
        &self.scope
    }

    /// The date of the assessment.
    pub fn assessed_on(&self) -> NaiveDate {
        self.assessed_on
    }

    /// One entry per principle, in principle order (always seven).
    pub fn entries(&self) -> &[PrincipleEntry] {
        &self.entries
    }

    /// The entry for `principle`.
    pub fn entry(&self, principle: RdcPrinciple) -> Option<&PrincipleEntry> {
        self.entries.iter().find(|e| e.principle() == principle)
    }

    /// The level found for `principle` (not assessed if left out).
    pub fn level(&self, principle: RdcPrinciple) -> ComplianceLevel {
        self.entry(principle)
            .map_or(ComplianceLevel::NotAssessed, PrincipleEntry::level)
    }

    /// The principles not assessed, in principle order.
    pub fn not_assessed(&self) -> impl Iterator<Item = RdcPrinciple> + '_ {
        self.entries
            .iter()
            .filter(|e| e.level() == ComplianceLevel::NotAssessed)
            .map(PrincipleEntry::principle)
    }

    /// The principles not fully met (partially met, not met or not
    /// assessed), in principle order.
    pub fn not_fully_met(&self) -> impl Iterator<Item = &PrincipleEntry> + '_ {
        self.entries.iter().filter(|e| !e.level().is_met())
    }

    /// Whether every one of the seven principles is met.
    pub fn is_fully_compliant(&self) -> bool {
        self.entries.iter().all(|e| e.level().is_met())
    }

    /// The improvement actions, in the order given.
    pub fn actions(&self) -> &[ImprovementAction] {
        &self.actions
    }

    /// The actions working towards `principle`.
    pub fn actions_towards(
        &self,
        principle: RdcPrinciple,
    ) -> impl Iterator<Item = &ImprovementAction> + '_ {
        self.actions
            .iter()
            .filter(move |a| a.principles().contains(&principle))
    }

    /// The pathway's steps, in pathway order (may be empty).
    pub fn steps(&self) -> &[PathwayStep] {
        &self.steps
    }
}

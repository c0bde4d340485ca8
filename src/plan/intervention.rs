//! [`Intervention`]: what the alliance will do to meet its asks.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{id::Id, tumour_site::TumourSite};

/// An intervention: a named piece of work, the programme it belongs to, the
/// tumour sites it covers and the ids of the delivery asks it serves.
///
/// ```
/// use cancer_plan::{Id, Intervention, InterventionProgramme, TumourSite};
/// let tlhc = Intervention::new(Id::new("tlhc")?, "Targeted Lung Health Check", InterventionProgramme::TargetedLungHealthCheck)
///     .with_site(TumourSite::Lung)
///     .serving(Id::new("stage-shift")?);
/// assert_eq!(tlhc.serves().len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Intervention {
    id: Id,
    name: String,
    programme: InterventionProgramme,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    tumour_sites: Vec<TumourSite>,
    #[serde(default)]
    serves: Vec<Id>,
}

impl Intervention {
    /// An intervention with its id, name (the plan's wording) and programme.
    pub fn new(id: Id, name: impl Into<String>, programme: InterventionProgramme) -> Intervention {
        Intervention {
            id,
            name: name.into(),
            programme,
            tumour_sites: Vec::new(),
            serves: Vec::new(),
        }
    }

    /// The same intervention covering one more tumour site.
    pub fn with_site(mut self, site: TumourSite) -> Intervention {
        self.tumour_sites.push(site);
        self
    }

    /// The same intervention serving one more delivery ask (by the ask's id).
    pub fn serving(mut self, ask: Id) -> Intervention {
        self.serves.push(ask);
        self
    }

    /// Its id.
    pub fn id(&self) -> &Id {
        &self.id
    }

    /// Its name, as worded in the plan.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The programme it belongs to.
    pub fn programme(&self) -> InterventionProgramme {
        self.programme
    }

    /// The tumour sites it covers (empty: not site-specific).
    pub fn tumour_sites(&self) -> &[TumourSite] {
        &self.tumour_sites
    }

    /// The ids of the delivery asks it serves.
    pub fn serves(&self) -> &[Id] {
        &self.serves
    }
}

/// The national or local programme an intervention belongs to.
/// `#[non_exhaustive]`: programmes come and go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum InterventionProgramme {
    /// Spreading best practice pathways (e.g. the national best practice
    /// timed pathways).
    BestPractice,
    /// Getting It Right First Time recommendations.
    Girft,
    /// A review of radiotherapy capacity.
    RadiotherapyCapacityReview,
    /// A review of systemic anti-cancer therapy (SACT) and acute oncology
    /// services (AOS).
    SactAndAcuteOncologyReview,
    /// The Clinical Advisory Groups.
    ClinicalAdvisoryGroups,
    /// Workforce capability, retention and support (e.g. ACCEND).
    WorkforceDevelopment,
    /// Targeted Lung Health Check (lung cancer screening).
    TargetedLungHealthCheck,
    /// Liver surveillance case finding.
    LiverCaseFinding,
    /// Pancreatic cancer straight-to-test pathway.
    PancreaticStraightToTest,
    /// Access to faecal immunochemical testing (FIT) in primary care.
    FaecalImmunochemicalTest,
    /// Uptake of the national screening programmes (bowel, breast, cervical).
    ScreeningUptake,
    /// Anything else.
    Other,
}

impl fmt::Display for InterventionProgramme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            InterventionProgramme::BestPractice => "Best practice pathways",
            InterventionProgramme::Girft => "GIRFT",
            InterventionProgramme::RadiotherapyCapacityReview => "Radiotherapy capacity review",
            InterventionProgramme::SactAndAcuteOncologyReview => "SACT and AOS review",
            InterventionProgramme::ClinicalAdvisoryGroups => "Clinical Advisory Groups",
            InterventionProgramme::WorkforceDevelopment => "Workforce development",
            InterventionProgramme::TargetedLungHealthCheck => "Targeted Lung Health Check",
            InterventionProgramme::LiverCaseFinding => "Liver case finding",
            InterventionProgramme::PancreaticStraightToTest => "Pancreatic straight to test",
            InterventionProgramme::FaecalImmunochemicalTest => "FIT",
            InterventionProgramme::ScreeningUptake => "Screening uptake",
            InterventionProgramme::Other => "Other",
        })
    }
}

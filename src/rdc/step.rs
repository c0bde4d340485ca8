//! [`PathwayStep`]: one step of a tumour-site pathway, tagged with the RDC
//! principles it serves.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::RdcPrinciple;

/// What kind of step of a diagnostic pathway. The list grows, so it is
/// `#[non_exhaustive]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum StepKind {
    /// Finding people where cancer is possible (case finding, outreach, screening).
    Identification,
    /// The referral (e.g. an urgent suspected cancer referral with its filter tests).
    Referral,
    /// Triage of the referral.
    Triage,
    /// A test or investigation.
    Test,
    /// Diagnosis, and telling the patient.
    Diagnosis,
    /// Onward referral to treatment, another service or back to primary care.
    OnwardReferral,
    /// Coordination and support (navigator, single point of contact).
    Support,
}

impl fmt::Display for StepKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            StepKind::Identification => "identification",
            StepKind::Referral => "referral",
            StepKind::Triage => "triage",
            StepKind::Test => "test",
            StepKind::Diagnosis => "diagnosis",
            StepKind::OnwardReferral => "onward referral",
            StepKind::Support => "support",
        })
    }
}

/// One step of the pathway, as mapped in the review (the methodology's
/// "pathway mapping" stage), tagged with the principles it serves.
///
/// Checked when the assessment is built: the name is not blank and each
/// principle is tagged at most once.
///
/// ```
/// use cancer_plan::rdc::{PathwayStep, StepKind};
/// use cancer_plan::RdcPrinciple;
/// let s = PathwayStep::new(StepKind::Triage, "clinical triage of the referral within 24 hours")
///     .serving(RdcPrinciple::BroadAssessmentOfSymptoms);
/// assert_eq!(s.principles(), [RdcPrinciple::BroadAssessmentOfSymptoms]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PathwayStep {
    kind: StepKind,
    name: String,
    #[serde(default)]
    principles: Vec<RdcPrinciple>,
}

impl PathwayStep {
    /// A step of this kind, with its name, serving no principle yet.
    pub fn new(kind: StepKind, name: impl Into<String>) -> PathwayStep {
        PathwayStep {
            kind,
            name: name.into(),
            principles: Vec::new(),
        }
    }

    /// The same step, also serving `principle`.
    pub fn serving(mut self, principle: RdcPrinciple) -> PathwayStep {
        self.principles.push(principle);
        self
    }

    /// Its kind.
    pub fn kind(&self) -> StepKind {
        self.kind
    }

    /// Its name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The principles it serves.
    pub fn principles(&self) -> &[RdcPrinciple] {
        &self.principles
    }
}

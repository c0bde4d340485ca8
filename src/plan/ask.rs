//! [`DeliveryAsk`]: a key delivery ask of the plan, typed by [`AskKind`].

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::standard::PerformanceTarget;
use crate::{id::Id, percent::Percent};

/// A key delivery ask: its id, its wording in the plan, and what it asks for,
/// typed.
///
/// ```
/// use cancer_plan::{AskKind, CwtStandard, DeliveryAsk, Id, PerformanceTarget, Percent, YearMonth};
/// let fds = DeliveryAsk::new(
///     Id::new("fds-80")?,
///     "FDS performance 80%",
///     AskKind::PerformanceTarget(PerformanceTarget::new(
///         CwtStandard::FasterDiagnosis28Day,
///         Percent::from_points(80)?,
///         "2025-03".parse::<YearMonth>()?,
///     )),
/// );
/// assert_eq!(fds.kind().performance_target().map(|t| t.threshold().to_string()), Some("80%".into()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DeliveryAsk {
    id: Id,
    wording: String,
    kind: AskKind,
}

impl DeliveryAsk {
    /// An ask with its id, wording and kind.
    pub fn new(id: Id, wording: impl Into<String>, kind: AskKind) -> DeliveryAsk {
        DeliveryAsk {
            id,
            wording: wording.into(),
            kind,
        }
    }

    /// Its id (what interventions refer to).
    pub fn id(&self) -> &Id {
        &self.id
    }

    /// Its wording in the plan.
    pub fn wording(&self) -> &str {
        &self.wording
    }

    /// What it asks for.
    pub fn kind(&self) -> &AskKind {
        &self.kind
    }
}

/// What a delivery ask asks for. New kinds of ask appear each planning
/// round, so it is `#[non_exhaustive]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
// Externally tagged (`{"performance_target": {...}}`): unlike an internal
// tag, it lets a reader report the exact path of a bad field inside.
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum AskKind {
    /// Performance against a Cancer Waiting Times standard, e.g. FDS 80%.
    PerformanceTarget(PerformanceTarget),
    /// A shift to earlier stage at diagnosis in the given populations.
    StageShift {
        /// The populations the shift is asked for.
        populations: Vec<TargetPopulation>,
    },
    /// Capacity for a service, provided equitably (e.g. NICE-approved
    /// treatment).
    EquitableCapacity {
        /// The service the capacity is for.
        service: String,
    },
    /// Delivery of a named programme of work.
    Programme {
        /// The programme.
        programme: AskProgramme,
        /// Its stated focus areas, if any.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        focus: Vec<String>,
    },
}

impl AskKind {
    /// The performance target, if this is one.
    pub fn performance_target(&self) -> Option<&PerformanceTarget> {
        match self {
            AskKind::PerformanceTarget(t) => Some(t),
            _ => None,
        }
    }

    /// A short label for the kind (`performance target`).
    pub fn label(&self) -> &'static str {
        match self {
            AskKind::PerformanceTarget(_) => "performance target",
            AskKind::StageShift { .. } => "stage shift",
            AskKind::EquitableCapacity { .. } => "equitable capacity",
            AskKind::Programme { .. } => "programme",
        }
    }
}

/// A population an ask targets. `#[non_exhaustive]`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum TargetPopulation {
    /// The most deprived `share` of the population by Index of Multiple
    /// Deprivation (20% in Core20PLUS5).
    MostDeprived {
        /// The share of the population, e.g. 20%.
        share: Percent,
    },
    /// Local systems whose position is behind the national position.
    BehindNationalPosition,
    /// The whole population.
    Everyone,
}

impl fmt::Display for TargetPopulation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TargetPopulation::MostDeprived { share } => write!(f, "the most deprived {share}"),
            TargetPopulation::BehindNationalPosition => {
                f.write_str("where the local system is behind the national position")
            }
            TargetPopulation::Everyone => f.write_str("everyone"),
        }
    }
}

/// A programme a delivery ask names. `#[non_exhaustive]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AskProgramme {
    /// The Clinical Advisory Groups' work programme.
    ClinicalAdvisoryGroups,
    /// The ACCEND (Aspirant Cancer Career and Education Development)
    /// workforce framework.
    AccendWorkforceFramework,
}

impl fmt::Display for AskProgramme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            AskProgramme::ClinicalAdvisoryGroups => "Clinical Advisory Groups work programme",
            AskProgramme::AccendWorkforceFramework => "ACCEND workforce framework",
        })
    }
}

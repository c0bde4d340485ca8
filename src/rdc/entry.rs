//! [`PrincipleEntry`]: one principle's compliance level in an assessment,
//! with the evidence for it or the gap against it.

use serde::{Deserialize, Serialize};

use super::{ComplianceLevel, RdcPrinciple};

/// An assessment's finding for one RDC principle: the level, the evidence
/// that supports it, and the gap still to close.
///
/// Checked when the assessment is built: a *met* principle needs evidence;
/// a *partially met* or *not met* one needs the gap stated; text that is
/// given must not be blank.
///
/// ```
/// use cancer_plan::rdc::{ComplianceLevel, PrincipleEntry};
/// use cancer_plan::RdcPrinciple;
/// let e = PrincipleEntry::partially_met(RdcPrinciple::CoordinatedTesting, "CT and bloods on separate days")
///     .with_evidence("straight-to-test for over-60s");
/// assert_eq!(e.level(), ComplianceLevel::PartiallyMet);
/// assert_eq!(e.gap(), Some("CT and bloods on separate days"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PrincipleEntry {
    principle: RdcPrinciple,
    level: ComplianceLevel,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    evidence: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    gap: Option<String>,
}

impl PrincipleEntry {
    /// An entry at any level, without text (add it with
    /// [`with_evidence`](Self::with_evidence) / [`with_gap`](Self::with_gap)).
    pub fn new(principle: RdcPrinciple, level: ComplianceLevel) -> PrincipleEntry {
        PrincipleEntry {
            principle,
            level,
            evidence: None,
            gap: None,
        }
    }

    /// The principle is met, on this evidence.
    pub fn met(principle: RdcPrinciple, evidence: impl Into<String>) -> PrincipleEntry {
        PrincipleEntry::new(principle, ComplianceLevel::Met).with_evidence(evidence)
    }

    /// The principle is partially met; this is the gap.
    pub fn partially_met(principle: RdcPrinciple, gap: impl Into<String>) -> PrincipleEntry {
        PrincipleEntry::new(principle, ComplianceLevel::PartiallyMet).with_gap(gap)
    }

    /// The principle is not met; this is the gap.
    pub fn not_met(principle: RdcPrinciple, gap: impl Into<String>) -> PrincipleEntry {
        PrincipleEntry::new(principle, ComplianceLevel::NotMet).with_gap(gap)
    }

    /// Nobody has assessed the principle.
    pub fn not_assessed(principle: RdcPrinciple) -> PrincipleEntry {
        PrincipleEntry::new(principle, ComplianceLevel::NotAssessed)
    }

    /// The same entry with this evidence.
    pub fn with_evidence(mut self, evidence: impl Into<String>) -> PrincipleEntry {
        self.evidence = Some(evidence.into());
        self
    }

    /// The same entry with this gap.
    pub fn with_gap(mut self, gap: impl Into<String>) -> PrincipleEntry {
        self.gap = Some(gap.into());
        self
    }

    /// The principle.
    pub fn principle(&self) -> RdcPrinciple {
        self.principle
    }

    /// The level found.
    pub fn level(&self) -> ComplianceLevel {
        self.level
    }

    /// The evidence for the level, if given.
    pub fn evidence(&self) -> Option<&str> {
        self.evidence.as_deref()
    }

    /// The gap still to close, if given.
    pub fn gap(&self) -> Option<&str> {
        self.gap.as_deref()
    }
}

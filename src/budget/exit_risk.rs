//! [`ExitRisk`]: what happens, and who carries the cost, when a line's
//! funding stops.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The risk when a [`BudgetLine`](super::BudgetLine)'s funding ends, typed
/// from its "exit strategy / ICB considerations" text.
///
/// `#[non_exhaustive]`: new kinds of exit risk appear as plans change.
///
/// ```
/// use cancer_plan::budget::ExitRisk;
/// let risk = ExitRisk::RedundancyRisk { hosts: vec!["WCA".into(), "UHS".into()] };
/// assert_eq!(risk.to_string(), "redundancy risk carried by WCA and UHS");
/// assert!(risk.is_risk());
/// assert!(!ExitRisk::NoRisk.is_risk());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum ExitRisk {
    /// No exit risk: one-off, stand-alone or ends with its contract.
    #[serde(rename = "none")]
    NoRisk,
    /// Staff redundancy risk carried by the named host organisation(s)
    /// ("WCA", "UHS").
    RedundancyRisk {
        /// The hosts that carry the risk, as the plan names them.
        hosts: Vec<String>,
    },
    /// The ICB must commission the service or plan its decommissioning.
    IcbMustCommissionOrDecommission,
    /// The service (or what it gives, e.g. data visibility) is lost if it is
    /// not funded again.
    ServiceLostIfUnfunded,
    /// The plan says an exit strategy is required but does not give one.
    ExitStrategyRequired,
    /// Further cost may fall to the ICB or a trust (new workforce, kit,
    /// sustaining a successful pilot).
    CostMayFallToIcbOrTrust,
    /// The plan states no exit strategy for the line.
    #[default]
    NotStated,
}

impl ExitRisk {
    /// Whether this is a risk someone carries (not [`ExitRisk::NoRisk`]).
    pub fn is_risk(&self) -> bool {
        !matches!(self, ExitRisk::NoRisk)
    }
}

impl fmt::Display for ExitRisk {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExitRisk::NoRisk => f.write_str("no exit risk"),
            ExitRisk::RedundancyRisk { hosts } => {
                f.write_str("redundancy risk carried by ")?;
                match hosts.split_last() {
                    None => f.write_str("the host"),
                    Some((last, [])) => f.write_str(last),
                    Some((last, rest)) => write!(f, "{} and {last}", rest.join(", ")),
                }
            }
            ExitRisk::IcbMustCommissionOrDecommission => {
                f.write_str("ICB must commission or decommission")
            }
            ExitRisk::ServiceLostIfUnfunded => f.write_str("service lost if unfunded"),
            ExitRisk::ExitStrategyRequired => f.write_str("exit strategy required"),
            ExitRisk::CostMayFallToIcbOrTrust => f.write_str("cost may fall to ICB or trust"),
            ExitRisk::NotStated => f.write_str("exit strategy not stated"),
        }
    }
}

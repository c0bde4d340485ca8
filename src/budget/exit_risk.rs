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
/// use cancer_plan::budget::Hosts;
/// let risk = ExitRisk::RedundancyRisk { hosts: Hosts::one("WCA").and("UHS") };
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
        /// The hosts that carry the risk, as the plan names them: at least
        /// one, by construction.
        hosts: Hosts,
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

/// The organisations that carry a redundancy risk: never empty (built from
/// a first host; read from JSON as a non-empty list of names).
///
/// ```
/// use cancer_plan::budget::Hosts;
/// let hosts = Hosts::one("WCA").and("UHS");
/// assert_eq!(hosts.as_slice(), ["WCA", "UHS"]);
/// assert!(serde_json::from_str::<Hosts>("[]").is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "Vec<String>", into = "Vec<String>")]
pub struct Hosts(Vec<String>);

/// In the schema, a list of names (as before the type existed).
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Hosts {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        <Vec<String>>::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <Vec<String>>::json_schema(generator)
    }

    fn inline_schema() -> bool {
        true
    }
}

impl Hosts {
    /// One host.
    pub fn one(host: impl Into<String>) -> Hosts {
        Hosts(vec![host.into()])
    }

    /// These hosts and one more.
    pub fn and(mut self, host: impl Into<String>) -> Hosts {
        self.0.push(host.into());
        self
    }

    /// The hosts, in the plan's order (at least one).
    pub fn as_slice(&self) -> &[String] {
        &self.0
    }
}

impl TryFrom<Vec<String>> for Hosts {
    type Error = &'static str;
    fn try_from(hosts: Vec<String>) -> Result<Hosts, &'static str> {
        if hosts.is_empty() {
            Err("a redundancy risk must name at least one host")
        } else {
            Ok(Hosts(hosts))
        }
    }
}

impl From<Hosts> for Vec<String> {
    fn from(hosts: Hosts) -> Vec<String> {
        hosts.0
    }
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
                match hosts.as_slice().split_last() {
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

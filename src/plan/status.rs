//! [`PlanStatus`]: where a plan is in its approval.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Whether a plan is a draft or has been approved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PlanStatus {
    /// A draft, such as the 2024/25 planning proposals.
    Draft,
    /// Approved by the alliance board.
    Approved,
}

impl fmt::Display for PlanStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PlanStatus::Draft => "DRAFT",
            PlanStatus::Approved => "Approved",
        })
    }
}

//! [`FundingSource`]: where the money for a budget line comes from.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Where the money for a [`BudgetLine`](super::BudgetLine) comes from.
///
/// `#[non_exhaustive]`: alliances are funded through more streams each year.
///
/// ```
/// use cancer_plan::budget::FundingSource;
/// let s = FundingSource::NationalCancerProgramme;
/// assert_eq!(s.to_string(), "National Cancer Programme funding");
/// let json = serde_json::to_string(&FundingSource::AllianceBudget)?;
/// assert_eq!(json, r#""alliance_budget""#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum FundingSource {
    /// The Cancer Alliance's own budget (the envelope split by share).
    #[default]
    AllianceBudget,
    /// The Rapid Investigation Service budget (e.g. the 2021 Cancer
    /// Improvement Team/Academy, about £280K over 24 months).
    RapidInvestigationServiceBudget,
    /// National programme funding from the National Cancer Programme (e.g.
    /// the final year of Lynch syndrome funding for genomics).
    NationalCancerProgramme,
    /// Time-limited NHS England funding (e.g. the Cytosponge pilot).
    NhsEngland,
    /// Any other named source.
    Other {
        /// The source, in the plan's words.
        name: String,
    },
}

impl fmt::Display for FundingSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FundingSource::AllianceBudget => f.pad("alliance budget"),
            FundingSource::RapidInvestigationServiceBudget => {
                f.pad("Rapid Investigation Service budget")
            }
            FundingSource::NationalCancerProgramme => f.pad("National Cancer Programme funding"),
            FundingSource::NhsEngland => f.pad("NHS England funding"),
            FundingSource::Other { name } => f.pad(name),
        }
    }
}

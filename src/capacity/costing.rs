//! [`Costing`]: what a post or team costs, or that its cost is not known.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::money::Money;

/// The cost of a post or team, with the basis it rests on, or an explicit
/// statement that it is not costed. Never a silent zero.
///
/// ```
/// use cancer_plan::capacity::Costing;
/// use cancer_plan::Money;
/// let team = Costing::total(Money::from_pounds(280_000), "estimate in the June 2021 board paper");
/// assert_eq!(team.to_string(), "£280,000 in all (estimate in the June 2021 board paper)");
/// let post = Costing::not_costed("built into WCA 21/22 budgets; amount not given in the paper");
/// assert!(post.amount().is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Costing {
    /// The cost is not known; the reason says why.
    NotCosted {
        /// Why there is no figure.
        reason: String,
    },
    /// The cost over the whole (fixed) tenure, spread over the financial
    /// years by the months in each.
    Total {
        /// The amount for the whole tenure.
        amount: Money,
        /// Where the figure comes from (a source, or an assumption stated as such).
        basis: String,
    },
    /// A cost per 12 months, pro rata by months in post and, for a post, by
    /// its whole-time equivalent (the amount is the full-time cost).
    Annual {
        /// The full-time amount per 12 months.
        amount: Money,
        /// Where the figure comes from (a source, or an assumption stated as such).
        basis: String,
    },
}

impl Costing {
    /// Not costed, for this reason.
    pub fn not_costed(reason: impl Into<String>) -> Costing {
        Costing::NotCosted {
            reason: reason.into(),
        }
    }

    /// `amount` for the whole tenure, on this basis.
    pub fn total(amount: Money, basis: impl Into<String>) -> Costing {
        Costing::Total {
            amount,
            basis: basis.into(),
        }
    }

    /// `amount` per 12 months, on this basis.
    pub fn annual(amount: Money, basis: impl Into<String>) -> Costing {
        Costing::Annual {
            amount,
            basis: basis.into(),
        }
    }

    /// The amount stated, if costed.
    pub fn amount(&self) -> Option<Money> {
        match self {
            Costing::NotCosted { .. } => None,
            Costing::Total { amount, .. } | Costing::Annual { amount, .. } => Some(*amount),
        }
    }

    /// The basis of the figure, or the reason there is none.
    pub fn basis(&self) -> &str {
        match self {
            Costing::NotCosted { reason } => reason,
            Costing::Total { basis, .. } | Costing::Annual { basis, .. } => basis,
        }
    }
}

impl fmt::Display for Costing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Costing::NotCosted { reason } => write!(f, "not costed ({reason})"),
            Costing::Total { amount, basis } => write!(f, "{amount} in all ({basis})"),
            Costing::Annual { amount, basis } => write!(f, "{amount} a year ({basis})"),
        }
    }
}

//! [`BudgetLine`]: one itemised line of an area's budget, and its
//! [`LineScope`].

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{ExitRisk, FundingSource, Term};
use crate::{id::Id, money::Money};

/// Whom a budget line is for: the whole alliance, or one of its ICBs.
///
/// A budget line names at most one ICB (the plans cost by system), so this
/// is its own type rather than the plan's `IcbScope`, which lists any number
/// of ICBs for an action (and the budget sits below the plan: it must not
/// depend on it). A line whose ICB is named must name an ICB of the
/// alliance: the plan builder checks it.
///
/// ```
/// use cancer_plan::budget::LineScope;
/// use cancer_plan::Id;
/// let dorset = LineScope::Icb(Id::new("dorset")?);
/// assert_eq!(dorset.to_string(), "dorset");
/// assert_eq!(serde_json::to_string(&dorset)?, r#"{"icb":"dorset"}"#);
/// assert_eq!(serde_json::to_string(&LineScope::WholeAlliance)?, r#""whole_alliance""#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum LineScope {
    /// Every ICB in the alliance (or the alliance's own team).
    #[default]
    WholeAlliance,
    /// Only the ICB with this id.
    Icb(Id),
}

impl fmt::Display for LineScope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LineScope::WholeAlliance => f.pad("whole alliance"),
            LineScope::Icb(id) => f.pad(id.as_str()),
        }
    }
}

/// One itemised line of an [`AllocationArea`](super::AllocationArea)'s
/// budget: what the alliance buys (the WCA resource), under which of the
/// area's spend categories, for how much, from which funding, for whom, for
/// how long, and what happens when the money stops.
///
/// Setters never fail; the plan builder checks the line (amount not negative
/// and at most [`MAX_AMOUNT_POUNDS`](super::MAX_AMOUNT_POUNDS), spend category of its
/// area, ICB of the alliance, `year n of m` with `1 <= n <= m`, unique id).
///
/// ```
/// use cancer_plan::budget::{BudgetLine, ExitRisk, FundingSource, LineScope, Term};
/// use cancer_plan::{Id, Money};
///
/// let line = BudgetLine::new(Id::new("ed-cytosponge")?, Id::new("inequalities")?, Money::from_pounds(250_000), Term::FinalYear)
///     .with_wca_resource("Cytosponge (TBC)")
///     .with_funding_source(FundingSource::NhsEngland)
///     .with_scope(LineScope::Icb(Id::new("dorset")?))
///     .with_exit_strategy("Final year of NHS England funding. Exit strategy required (Dorset only)", ExitRisk::ExitStrategyRequired);
/// assert_eq!(line.amount().to_string(), "£250,000");
/// assert_eq!(line.wca_resource(), Some("Cytosponge (TBC)"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BudgetLine {
    id: Id,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    wca_resource: Option<String>,
    spend_category: Id,
    amount: Money,
    #[serde(default)]
    funding_source: FundingSource,
    #[serde(default)]
    scope: LineScope,
    term: Term,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    exit_strategy: String,
    #[serde(default)]
    exit_risk: ExitRisk,
}

impl BudgetLine {
    /// A line with its id, the id of its area's spend category, its amount
    /// and its term; funded from the alliance budget, for the whole
    /// alliance, with no resource named and no exit strategy stated until
    /// set.
    pub fn new(id: Id, spend_category: Id, amount: Money, term: Term) -> BudgetLine {
        BudgetLine {
            id,
            wca_resource: None,
            spend_category,
            amount,
            funding_source: FundingSource::AllianceBudget,
            scope: LineScope::WholeAlliance,
            term,
            exit_strategy: String::new(),
            exit_risk: ExitRisk::NotStated,
        }
    }

    /// The same line naming what it buys ("Staff - core team").
    pub fn with_wca_resource(mut self, resource: impl Into<String>) -> BudgetLine {
        self.wca_resource = Some(resource.into());
        self
    }

    /// The same line with another funding source.
    pub fn with_funding_source(mut self, source: FundingSource) -> BudgetLine {
        self.funding_source = source;
        self
    }

    /// The same line for another scope.
    pub fn with_scope(mut self, scope: LineScope) -> BudgetLine {
        self.scope = scope;
        self
    }

    /// The same line with its exit strategy text (verbatim from the plan)
    /// and the exit risk it states.
    pub fn with_exit_strategy(mut self, text: impl Into<String>, risk: ExitRisk) -> BudgetLine {
        self.exit_strategy = text.into();
        self.exit_risk = risk;
        self
    }

    /// Its id, unique across the budget.
    pub fn id(&self) -> &Id {
        &self.id
    }

    /// What it buys (the "WCA resource"), where the plan names it.
    pub fn wca_resource(&self) -> Option<&str> {
        self.wca_resource.as_deref()
    }

    /// The id of its spend category, one of its area's.
    pub fn spend_category(&self) -> &Id {
        &self.spend_category
    }

    /// Its amount.
    pub fn amount(&self) -> Money {
        self.amount
    }

    /// Where its money comes from.
    pub fn funding_source(&self) -> &FundingSource {
        &self.funding_source
    }

    /// Whom it is for.
    pub fn scope(&self) -> &LineScope {
        &self.scope
    }

    /// How long it runs.
    pub fn term(&self) -> Term {
        self.term
    }

    /// The exit strategy / ICB considerations, verbatim (empty if none).
    pub fn exit_strategy(&self) -> &str {
        &self.exit_strategy
    }

    /// The exit risk the text states.
    pub fn exit_risk(&self) -> &ExitRisk {
        &self.exit_risk
    }
}

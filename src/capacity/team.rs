//! [`ImprovementTeam`]: a central, time-limited improvement team.

use serde::{Deserialize, Serialize};

use super::{Costing, Tenure};
use crate::budget::FundingSource;
use crate::id::Id;

/// A central improvement team, mobilised across the alliance: the 2021
/// paper's Cancer Improvement Team/Academy (24 months, about £280K, funded
/// from the Rapid Investigation Service budget, overseen by the Cancer
/// Waiting Times Board, its work directed by the ICS senior leads).
///
/// Checked when the [`ImprovementCapacity`](super::ImprovementCapacity) is
/// built: unique id, name not blank, the posts directing it exist, cost not
/// negative; a cost for the whole tenure needs a fixed tenure.
///
/// ```
/// use cancer_plan::capacity::{Costing, ImprovementTeam, Tenure};
/// use cancer_plan::budget::FundingSource;
/// use cancer_plan::{Id, Money};
/// let team = ImprovementTeam::new(
///     Id::new("cit")?,
///     "Cancer Improvement Team/Academy",
///     Tenure::fixed("2021-07".parse()?, 24)?,
///     FundingSource::RapidInvestigationServiceBudget,
///     Costing::total(Money::from_pounds(280_000), "estimate in the June 2021 board paper"),
/// )
/// .overseen_by("Cancer Waiting Times Board");
/// assert_eq!(team.tenure().months(), Some(24));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ImprovementTeam {
    id: Id,
    name: String,
    tenure: Tenure,
    funding: FundingSource,
    costing: Costing,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    overseen_by: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    directed_by: Vec<Id>,
}

impl ImprovementTeam {
    /// A team with its id, name, tenure, funding source and costing.
    pub fn new(
        id: Id,
        name: impl Into<String>,
        tenure: Tenure,
        funding: FundingSource,
        costing: Costing,
    ) -> ImprovementTeam {
        ImprovementTeam {
            id,
            name: name.into(),
            tenure,
            funding,
            costing,
            overseen_by: None,
            directed_by: Vec::new(),
        }
    }

    /// The same team, overseen by this board or group.
    pub fn overseen_by(mut self, body: impl Into<String>) -> ImprovementTeam {
        self.overseen_by = Some(body.into());
        self
    }

    /// The same team, its work also directed by the post with this id.
    pub fn directed_by(mut self, post: Id) -> ImprovementTeam {
        self.directed_by.push(post);
        self
    }

    /// Its id.
    pub fn id(&self) -> &Id {
        &self.id
    }

    /// Its name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// When it is in place.
    pub fn tenure(&self) -> Tenure {
        self.tenure
    }

    /// Where its money comes from.
    pub fn funding(&self) -> &FundingSource {
        &self.funding
    }

    /// What it costs (or why that is not known).
    pub fn costing(&self) -> &Costing {
        &self.costing
    }

    /// The board or group that oversees it.
    pub fn oversight(&self) -> Option<&str> {
        self.overseen_by.as_deref()
    }

    /// The ids of the posts that direct its work.
    pub fn directors(&self) -> &[Id] {
        &self.directed_by
    }
}

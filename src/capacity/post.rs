//! [`Post`]: one improvement post, e.g. an ICS-embedded senior leader.

use serde::{Deserialize, Serialize};

use super::{AfcBand, Costing, Tenure, Wte};
use crate::budget::FundingSource;
use crate::id::Id;

/// A post: its title, Agenda for Change band, the ICB (ICS) that hosts it,
/// whole-time equivalent, funding source, tenure and cost.
///
/// Checked when the [`ImprovementCapacity`](super::ImprovementCapacity) is
/// built: unique id, title not blank, host ICB one of the alliance's, cost
/// not negative; a cost for the whole tenure needs a fixed tenure.
///
/// ```
/// use cancer_plan::capacity::{AfcBand, Costing, Post, Tenure, Wte};
/// use cancer_plan::budget::FundingSource;
/// use cancer_plan::Id;
/// let post = Post::new(
///     Id::new("dorset-lead")?,
///     "Senior Leader, cancer performance, planning and improvement",
///     AfcBand::Band8C,
///     Id::new("dorset")?,
///     Tenure::open_ended("2021-07".parse()?)?,
/// )
/// .with_funding(FundingSource::AllianceBudget)
/// .with_costing(Costing::not_costed("built into WCA 21/22 budgets"));
/// assert_eq!(post.band().to_string(), "Band 8C");
/// assert_eq!(post.wte(), Wte::FULL_TIME);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Post {
    id: Id,
    title: String,
    band: AfcBand,
    host_icb: Id,
    #[serde(default = "full_time")]
    wte: Wte,
    #[serde(default)]
    funding: FundingSource,
    tenure: Tenure,
    costing: Costing,
}

fn full_time() -> Wte {
    Wte::FULL_TIME
}

impl Post {
    /// A full-time post funded from the alliance budget, not yet costed
    /// (set with [`with_costing`](Self::with_costing)).
    pub fn new(
        id: Id,
        title: impl Into<String>,
        band: AfcBand,
        host_icb: Id,
        tenure: Tenure,
    ) -> Post {
        Post {
            id,
            title: title.into(),
            band,
            host_icb,
            wte: Wte::FULL_TIME,
            funding: FundingSource::AllianceBudget,
            tenure,
            costing: Costing::not_costed("no cost given"),
        }
    }

    /// The same post at another whole-time equivalent.
    pub fn with_wte(mut self, wte: Wte) -> Post {
        self.wte = wte;
        self
    }

    /// The same post funded from `source`.
    pub fn with_funding(mut self, source: FundingSource) -> Post {
        self.funding = source;
        self
    }

    /// The same post with this costing.
    pub fn with_costing(mut self, costing: Costing) -> Post {
        self.costing = costing;
        self
    }

    /// Its id.
    pub fn id(&self) -> &Id {
        &self.id
    }

    /// Its title.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// Its Agenda for Change band.
    pub fn band(&self) -> AfcBand {
        self.band
    }

    /// The id of the ICB (ICS) that hosts it.
    pub fn host_icb(&self) -> &Id {
        &self.host_icb
    }

    /// Its whole-time equivalent.
    pub fn wte(&self) -> Wte {
        self.wte
    }

    /// Where its money comes from.
    pub fn funding(&self) -> &FundingSource {
        &self.funding
    }

    /// When it is in place.
    pub fn tenure(&self) -> Tenure {
        self.tenure
    }

    /// What it costs (or why that is not known).
    pub fn costing(&self) -> &Costing {
        &self.costing
    }
}

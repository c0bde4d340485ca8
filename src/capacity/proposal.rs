//! [`ImprovementCapacity`]: an alliance's improvement capacity, as a board
//! paper proposes it: posts, teams and the tumour-site reviews they carry.

use serde::{Deserialize, Serialize};

use super::{ImprovementCapacityBuilder, ImprovementTeam, Post, TumourSiteReview};
use crate::{org::Alliance, tumour_site::TumourSite};

/// An alliance's improvement capacity: the posts embedded in its ICSs, the
/// central improvement teams, and the tumour-site reviews under the common
/// methodology, with the stage each has reached.
///
/// Built by [`ImprovementCapacity::builder`], which checks every invariant
/// (see [`ImprovementCapacityBuilder::build`]); JSON goes through the same
/// builder. Its costs, by funding source and financial year, come from
/// [`costs`](Self::costs) and convert to budget lines.
///
/// ```
/// use cancer_plan::capacity::{AfcBand, Costing, ImprovementCapacity, Post, Tenure};
/// use cancer_plan::{Alliance, Icb, Id};
/// let wessex = Alliance::new("Wessex Cancer Alliance")
///     .with_icb(Icb::new(Id::new("dorset")?, "NHS Dorset ICB"));
/// let capacity = ImprovementCapacity::builder()
///     .title("Future ICS improvement capacity planning in the Alliance")
///     .alliance(wessex)
///     .post(Post::new(Id::new("dorset-lead")?, "Senior Leader", AfcBand::Band8C,
///         Id::new("dorset")?, Tenure::open_ended("2021-07".parse()?)?))
///     .build()?;
/// assert_eq!(capacity.posts().len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    try_from = "ImprovementCapacityBuilder",
    into = "ImprovementCapacityBuilder"
)]
pub struct ImprovementCapacity {
    pub(super) title: String,
    pub(super) alliance: Alliance,
    pub(super) posts: Vec<Post>,
    pub(super) teams: Vec<ImprovementTeam>,
    pub(super) reviews: Vec<TumourSiteReview>,
}

impl ImprovementCapacity {
    /// A builder with nothing set.
    pub fn builder() -> ImprovementCapacityBuilder {
        ImprovementCapacityBuilder::default()
    }

    /// Its title.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The alliance.
    pub fn alliance(&self) -> &Alliance {
        &self.alliance
    }

    /// The posts, in the order given.
    pub fn posts(&self) -> &[Post] {
        &self.posts
    }

    /// The teams, in the order given.
    pub fn teams(&self) -> &[ImprovementTeam] {
        &self.teams
    }

    /// The tumour-site reviews, in the order given.
    pub fn reviews(&self) -> &[TumourSiteReview] {
        &self.reviews
    }

    /// The reviews of one tumour site.
    pub fn reviews_of(&self, site: TumourSite) -> impl Iterator<Item = &TumourSiteReview> + '_ {
        self.reviews.iter().filter(move |r| r.site() == site)
    }

    /// The post with this id.
    pub fn post(&self, id: &str) -> Option<&Post> {
        self.posts.iter().find(|p| p.id().as_str() == id)
    }

    /// The team with this id.
    pub fn team(&self, id: &str) -> Option<&ImprovementTeam> {
        self.teams.iter().find(|t| t.id().as_str() == id)
    }
}

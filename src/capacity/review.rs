//! [`TumourSiteReview`]: one tumour-site pathway review and how far it has
//! got through the common methodology.

use serde::{Deserialize, Serialize};

use super::ReviewProgress;
use crate::{id::Id, tumour_site::TumourSite};

/// A review of one tumour site's pathway across the alliance (the 2021
/// paper: "Pathway Analyser work taking place on Urology", "Lung pathway
/// review being undertaken by MSD", ...), with the stage of the common
/// improvement methodology it has reached.
///
/// Checked when the [`ImprovementCapacity`](super::ImprovementCapacity) is
/// built: unique id, name not blank, the team carrying it (if named) exists.
///
/// ```
/// use cancer_plan::capacity::{MethodologyStage, ReviewProgress, TumourSiteReview};
/// use cancer_plan::{Id, TumourSite};
/// let r = TumourSiteReview::new(
///     Id::new("urology-pa")?,
///     TumourSite::Urology,
///     "Pathway Analyser work on urology",
///     ReviewProgress::InStage(MethodologyStage::DataAndCapacityDemandModelling),
/// );
/// assert_eq!(r.progress().stages_done(), 0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TumourSiteReview {
    id: Id,
    site: TumourSite,
    name: String,
    progress: ReviewProgress,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    led_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    team: Option<Id>,
}

impl TumourSiteReview {
    /// A review with its id, site, name and progress.
    pub fn new(
        id: Id,
        site: TumourSite,
        name: impl Into<String>,
        progress: ReviewProgress,
    ) -> TumourSiteReview {
        TumourSiteReview {
            id,
            site,
            name: name.into(),
            progress,
            led_by: None,
            team: None,
        }
    }

    /// The same review, led by this organisation or group (e.g. `MSD`).
    pub fn led_by(mut self, lead: impl Into<String>) -> TumourSiteReview {
        self.led_by = Some(lead.into());
        self
    }

    /// The same review, carried by the improvement team with this id.
    pub fn by_team(mut self, team: Id) -> TumourSiteReview {
        self.team = Some(team);
        self
    }

    /// Its id.
    pub fn id(&self) -> &Id {
        &self.id
    }

    /// The tumour site.
    pub fn site(&self) -> TumourSite {
        self.site
    }

    /// Its name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// How far it has got.
    pub fn progress(&self) -> ReviewProgress {
        self.progress
    }

    /// Who leads it, if named.
    pub fn lead(&self) -> Option<&str> {
        self.led_by.as_deref()
    }

    /// The id of the improvement team carrying it, if any.
    pub fn team(&self) -> Option<&Id> {
        self.team.as_ref()
    }
}

//! [`ImprovementAction`]: what will be done to close a gap, by whom, by when.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::RdcPrinciple;
use crate::id::Id;

/// An improvement action from a pathway assessment: the action, its owner,
/// its due date, and the principles it works towards.
///
/// Checked when the assessment is built: the id is unique in the
/// assessment; action and owner are not blank; it names at least one
/// principle, each at most once, and each one the assessment found *not
/// fully met* (an action towards a met principle is not an improvement
/// action); it is due on or after the assessment date and within
/// [`PathwayAssessment::MAX_ACTION_YEARS`](super::PathwayAssessment::MAX_ACTION_YEARS)
/// years of it.
///
/// ```
/// use cancer_plan::rdc::ImprovementAction;
/// use cancer_plan::{Id, RdcPrinciple};
/// use chrono::NaiveDate;
/// let a = ImprovementAction::new(
///     Id::new("lung-stt")?,
///     "extend straight-to-test CT to all GP chest X-ray referrals",
///     "Lung site-specific group chair",
///     NaiveDate::from_ymd_opt(2023, 9, 30).ok_or("date")?,
/// )
/// .towards(RdcPrinciple::CoordinatedTesting);
/// assert_eq!(a.principles(), [RdcPrinciple::CoordinatedTesting]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ImprovementAction {
    id: Id,
    action: String,
    owner: String,
    due: NaiveDate,
    principles: Vec<RdcPrinciple>,
}

impl ImprovementAction {
    /// An action with its id, wording, owner and due date, as yet towards no
    /// principle (add them with [`towards`](Self::towards)).
    pub fn new(
        id: Id,
        action: impl Into<String>,
        owner: impl Into<String>,
        due: NaiveDate,
    ) -> ImprovementAction {
        ImprovementAction {
            id,
            action: action.into(),
            owner: owner.into(),
            due,
            principles: Vec::new(),
        }
    }

    /// The same action, also working towards `principle`.
    pub fn towards(mut self, principle: RdcPrinciple) -> ImprovementAction {
        self.principles.push(principle);
        self
    }

    /// Its id, unique in the assessment.
    pub fn id(&self) -> &Id {
        &self.id
    }

    /// What will be done.
    pub fn action(&self) -> &str {
        &self.action
    }

    /// Who owns it (a role or a named person).
    pub fn owner(&self) -> &str {
        &self.owner
    }

    /// When it is due.
    pub fn due(&self) -> NaiveDate {
        self.due
    }

    /// The principles it works towards.
    pub fn principles(&self) -> &[RdcPrinciple] {
        &self.principles
    }
}

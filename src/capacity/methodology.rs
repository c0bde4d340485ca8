//! [`MethodologyStage`]: the four stages of the common cancer improvement
//! methodology, and [`ReviewProgress`] through them.

use std::fmt;

use serde::{Deserialize, Serialize};

crate::util::coded_enum! {
    /// A stage of the common cancer improvement methodology the 2021 paper asks
    /// every tumour-site review in Wessex to follow, in order.
    ///
    /// ```
    /// use cancer_plan::capacity::MethodologyStage;
    /// assert_eq!(MethodologyStage::ALL.len(), 4);
    /// assert_eq!(MethodologyStage::ClinicalEngagement.number(), 3);
    /// assert_eq!(MethodologyStage::PathwayMapping.title(), "Pathway mapping and alignment with national RDC principles");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[serde(rename_all = "snake_case")]
    pub enum MethodologyStage {
        /// 1. Data and capacity and demand modelling.
        DataAndCapacityDemandModelling = 1 => { title: "Data and capacity and demand modelling" },
        /// 2. Pathway mapping and alignment with national RDC principles.
        PathwayMapping = 2 => { title: "Pathway mapping and alignment with national RDC principles" },
        /// 3. Clinical engagement.
        ClinicalEngagement = 3 => { title: "Clinical engagement" },
        /// 4. Improvement planning.
        ImprovementPlanning = 4 => { title: "Improvement planning" },
    }
    texts MethodologyStageTexts {
        /// Its title, in the paper's words.
        title,
    }
}

impl MethodologyStage {
    /// Its number, 1 to 4.
    pub const fn number(self) -> u8 {
        self as u8
    }

    /// The stage after this one, if any.
    // Bounded: stage numbers are 1 to 7 (a closed enum).
    #[allow(clippy::arithmetic_side_effects)]
    pub fn next(self) -> Option<MethodologyStage> {
        MethodologyStage::ALL
            .into_iter()
            .find(|s| s.number() == self.number() + 1)
    }
}

impl fmt::Display for MethodologyStage {
    /// `2. Pathway mapping and alignment with national RDC principles`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}. {}", self.number(), self.title())
    }
}

/// How far a tumour-site review has got through the methodology.
///
/// Ordered: not started < in stage 1 < ... < in stage 4 < complete.
///
/// ```
/// use cancer_plan::capacity::{MethodologyStage, ReviewProgress};
/// let p = ReviewProgress::InStage(MethodologyStage::PathwayMapping);
/// assert!(p > ReviewProgress::InStage(MethodologyStage::DataAndCapacityDemandModelling));
/// assert!(p < ReviewProgress::Complete);
/// assert_eq!(p.stages_done(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReviewProgress {
    /// Not yet started.
    NotStarted,
    /// Working in this stage (the earlier stages are done).
    InStage(MethodologyStage),
    /// All four stages done: an improvement plan exists.
    Complete,
}

impl ReviewProgress {
    /// How many of the four stages are done.
    // Bounded: stage numbers are 1 to 7 (a closed enum), so `- 1` is 0 to 6.
    #[allow(clippy::arithmetic_side_effects)]
    pub fn stages_done(self) -> u8 {
        match self {
            ReviewProgress::NotStarted => 0,
            ReviewProgress::InStage(stage) => stage.number() - 1,
            ReviewProgress::Complete => 4,
        }
    }

    /// The stage being worked in, if any.
    pub fn stage(self) -> Option<MethodologyStage> {
        match self {
            ReviewProgress::InStage(stage) => Some(stage),
            _ => None,
        }
    }
}

impl fmt::Display for ReviewProgress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReviewProgress::NotStarted => f.write_str("not started"),
            ReviewProgress::InStage(stage) => write!(f, "stage {stage}"),
            ReviewProgress::Complete => f.write_str("complete (all four stages)"),
        }
    }
}

//! [`JudgedTarget`]: a month's performance judged against one target of
//! any layer (see [`TargetLayers`]).

use serde::Serialize;

use super::Performance;
use crate::standard::{LayerTarget, TargetLayers};
use crate::YearMonth;

/// A month's performance against one [`LayerTarget`]: met or not, the gap
/// in patients, and whether the target applies yet (a next milestone, or a
/// plan's ask before its month, is a distance still to travel).
///
/// ```
/// use cancer_plan::cwt::{JudgedTarget, Performance};
/// use cancer_plan::standard::{TargetLayer, TargetLayers};
/// use cancer_plan::CwtStandard;
///
/// let july = "2025-07".parse()?;
/// let layers = TargetLayers::national(CwtStandard::Combined62Day, july);
/// let p = Performance::new("720".parse()?, "1000".parse()?)?;
/// let judged = JudgedTarget::all(&layers, p);
/// let standard = &judged[0];
/// assert_eq!(standard.target().layer(), TargetLayer::Standard);
/// assert!(!standard.met());
/// assert_eq!(standard.gap_in_patients(), Some(130)); // 85% of 1,000 is 850
/// let milestone = &judged[1];
/// assert!(milestone.met() && milestone.due()); // 70% in force
/// let next = &judged[2];
/// assert_eq!((next.met(), next.due(), next.gap_in_patients()), (false, false, Some(30)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JudgedTarget {
    target: LayerTarget,
    met: bool,
    gap_in_patients: Option<u64>,
    due: bool,
}

impl JudgedTarget {
    /// Judges `performance` in `month` against `target`.
    pub fn judge(target: &LayerTarget, month: YearMonth, performance: Performance) -> JudgedTarget {
        JudgedTarget {
            target: target.clone(),
            met: performance.meets(target.threshold()),
            gap_in_patients: performance.gap_in_patients(target.threshold()),
            due: target.is_due(month),
        }
    }

    /// Judges `performance` against every layer, in layer order.
    pub fn all(layers: &TargetLayers, performance: Performance) -> Vec<JudgedTarget> {
        layers
            .targets()
            .iter()
            .map(|t| JudgedTarget::judge(t, layers.month(), performance))
            .collect()
    }

    /// The target.
    pub fn target(&self) -> &LayerTarget {
        &self.target
    }

    /// Whether the performance meets the threshold (exactly).
    pub fn met(&self) -> bool {
        self.met
    }

    /// More patients within the standard that would have met it, rounded
    /// up; `Some(0)` when met; `None` for a month without patients.
    pub fn gap_in_patients(&self) -> Option<u64> {
        self.gap_in_patients
    }

    /// Whether the target applies in the month.
    pub fn due(&self) -> bool {
        self.due
    }
}

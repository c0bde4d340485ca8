//! [`JudgedTarget`]: a month's performance judged against one target of
//! any layer (see [`TargetLayers`]).

use serde::Serialize;

use super::Performance;
use crate::period::YearMonth;
use crate::standard::{LayerTarget, TargetLayers};

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
///
/// A plan's ask alone (e.g. "FDS performance 80% by March 2025"):
///
/// ```
/// use cancer_plan::cwt::{JudgedTarget, Performance};
/// use cancer_plan::standard::LayerTarget;
/// use cancer_plan::{CwtStandard, PerformanceTarget, Percent};
///
/// let ask = PerformanceTarget::new(
///     CwtStandard::FasterDiagnosis28Day,
///     Percent::from_points(80)?,
///     "2025-03".parse()?,
/// );
/// let target = LayerTarget::from_ask(&"fds-80".parse()?, &ask);
/// // Wessex trusts, October 2023: 9,475 of 12,671 told within 28 days.
/// let october = Performance::new("9475".parse()?, "12671".parse()?)?;
/// let judged = JudgedTarget::judge(&target, "2023-10".parse()?, october);
/// assert!(!judged.met());
/// assert_eq!(judged.gap_in_patients(), Some(662));
/// assert!(!judged.due()); // the ask applies by March 2025
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::percent::Percent;
    use crate::standard::{CwtStandard, PerformanceTarget};

    fn ask() -> LayerTarget {
        let target = PerformanceTarget::new(
            CwtStandard::Combined62Day,
            Percent::from_points(85).unwrap(),
            "2025-03".parse().unwrap(),
        );
        LayerTarget::from_ask(&"ask-62".parse().unwrap(), &target)
    }

    #[test]
    fn met_exactly_at_the_threshold_and_due_from_its_month() {
        let p = Performance::new("85".parse().unwrap(), "100".parse().unwrap()).unwrap();
        let judged = JudgedTarget::judge(&ask(), "2025-03".parse().unwrap(), p);
        assert!(judged.met() && judged.due());
        assert_eq!(judged.gap_in_patients(), Some(0));
        let early = JudgedTarget::judge(&ask(), "2025-02".parse().unwrap(), p);
        assert!(!early.due());
    }

    #[test]
    fn an_empty_month_is_not_met_and_has_no_gap() {
        let judged = JudgedTarget::judge(&ask(), "2025-03".parse().unwrap(), Performance::ZERO);
        assert!(!judged.met());
        assert_eq!(judged.gap_in_patients(), None);
    }
}

//! [`TargetLayers`]: every target a month's performance is read against,
//! each in its own layer, never one replacing another.
//!
//! A board reads one month against several targets at once (DOMAIN,
//! "Targets come in layers"): the **standard's own threshold** (FDS 75%,
//! 31-day 96%, 62-day 85%); the **national planning milestone** in force
//! and the **next one due** (62-day 70% by March 2025, 75% by March 2026):
//! steps on the way back to the standard, which never lower it; the
//! **plan's own ask** with the month it is due; the plan's monthly
//! **trajectory**; and **local targets**. [`LayerTarget`] is the one
//! vocabulary for all of them: a plan's [`PerformanceTarget`] and a
//! schedule's [`CwtTarget`] both convert into it.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::target::{national_targets, TargetBasis};
use super::{CwtStandard, CwtTarget, PerformanceTarget, PlannedMonth};
use crate::{Id, Percent, YearMonth};

/// The layer a target belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TargetLayer {
    /// The standard's own threshold (constitutional or operational).
    Standard,
    /// Before the combined 31/62-day standards (October 2023): the
    /// threshold of their predecessor (31-day first treatment 96%, 62-day
    /// from urgent GP referral 85%), labelled as such.
    PredecessorStandard,
    /// The national planning milestone in force in the month.
    MilestoneInForce,
    /// The next national planning milestone, not yet due.
    NextMilestone,
    /// The plan's own ask, with the month it is due.
    PlanAsk,
    /// The plan's monthly trajectory for the organisation and month.
    Trajectory,
    /// A target a caller or the plan adds (in force from its month).
    Local,
}

impl TargetLayer {
    /// Words for a table.
    pub fn label(self) -> &'static str {
        match self {
            TargetLayer::Standard => "standard",
            TargetLayer::PredecessorStandard => "predecessor standard",
            TargetLayer::MilestoneInForce => "national milestone in force",
            TargetLayer::NextMilestone => "next national milestone",
            TargetLayer::PlanAsk => "plan's ask",
            TargetLayer::Trajectory => "plan's trajectory",
            TargetLayer::Local => "local target",
        }
    }
}

impl fmt::Display for TargetLayer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.label())
    }
}

/// One target in its layer: the threshold, the month it is in force from
/// (standard, milestone in force, local) or due by (next milestone, plan's
/// ask) or planned for (trajectory), and where it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct LayerTarget {
    layer: TargetLayer,
    standard: CwtStandard,
    threshold: Percent,
    month: YearMonth,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    basis: Option<TargetBasis>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    ask: Option<Id>,
    source: String,
}

impl LayerTarget {
    /// A target in `layer`.
    pub fn new(
        layer: TargetLayer,
        standard: CwtStandard,
        threshold: Percent,
        month: YearMonth,
        source: impl Into<String>,
    ) -> LayerTarget {
        LayerTarget {
            layer,
            standard,
            threshold,
            month,
            basis: None,
            ask: None,
            source: source.into(),
        }
    }

    /// A schedule entry in `layer` (its basis kept).
    pub fn from_cwt_target(layer: TargetLayer, target: &CwtTarget) -> LayerTarget {
        LayerTarget {
            basis: Some(target.basis()),
            ..LayerTarget::new(
                layer,
                target.standard(),
                target.threshold(),
                target.from(),
                target.basis().to_string(),
            )
        }
    }

    /// A plan's ask (`ask` its id), due by the target's month.
    pub fn from_ask(ask: &Id, target: &PerformanceTarget) -> LayerTarget {
        LayerTarget {
            ask: Some(ask.clone()),
            ..LayerTarget::new(
                TargetLayer::PlanAsk,
                target.standard(),
                target.threshold(),
                target.by(),
                format!("plan ask {ask}"),
            )
        }
    }

    /// A planned month of a trajectory (`None` when nothing was planned).
    pub fn from_planned(standard: CwtStandard, planned: &PlannedMonth) -> Option<LayerTarget> {
        Some(LayerTarget::new(
            TargetLayer::Trajectory,
            standard,
            planned.planned_percent()?,
            planned.month(),
            format!("{} of {} planned", planned.within(), planned.total()),
        ))
    }

    /// The layer.
    pub fn layer(&self) -> TargetLayer {
        self.layer
    }

    /// The standard.
    pub fn standard(&self) -> CwtStandard {
        self.standard
    }

    /// The share of patients to be within the standard.
    pub fn threshold(&self) -> Percent {
        self.threshold
    }

    /// The month in force from, due by, or planned for (see the type).
    pub fn month(&self) -> YearMonth {
        self.month
    }

    /// The national basis, for a schedule entry.
    pub fn basis(&self) -> Option<TargetBasis> {
        self.basis
    }

    /// The plan's ask id, for a plan's ask.
    pub fn ask(&self) -> Option<&Id> {
        self.ask.as_ref()
    }

    /// Where it comes from, in words.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Whether it applies in `month`: a next milestone never does yet; a
    /// plan's ask from its due month on; the others in their month.
    pub fn is_due(&self, month: YearMonth) -> bool {
        match self.layer {
            TargetLayer::NextMilestone => false,
            TargetLayer::PlanAsk => month >= self.month,
            _ => true,
        }
    }
}

impl fmt::Display for LayerTarget {
    /// `62-day combined >= 70% from 2025-03 (national milestone in force)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let word = match self.layer {
            TargetLayer::NextMilestone | TargetLayer::PlanAsk => "by",
            TargetLayer::Trajectory => "in",
            _ => "from",
        };
        write!(
            f,
            "{} >= {} {word} {} ({})",
            self.standard, self.threshold, self.month, self.layer
        )
    }
}

impl From<PerformanceTarget> for CwtTarget {
    /// A plan's ask as a schedule entry of basis
    /// [`TargetBasis::Local`], in force from its due month.
    fn from(target: PerformanceTarget) -> CwtTarget {
        CwtTarget::new(
            target.standard(),
            target.threshold(),
            target.by(),
            TargetBasis::Local,
        )
    }
}

/// The standard's own threshold in force in `month`: FDS 75% (operational,
/// from October 2021), 31-day 96% (operational), 62-day 85%
/// (constitutional) from October 2023, and before that the predecessor
/// standards' same thresholds, layered as
/// [`TargetLayer::PredecessorStandard`]. `None` for FDS before October 2021
/// (no threshold applied).
///
/// ```
/// use cancer_plan::standard::{standard_threshold, TargetLayer};
/// use cancer_plan::CwtStandard;
/// let c62 = CwtStandard::Combined62Day;
/// let july = standard_threshold(c62, "2025-07".parse()?).ok_or("none")?;
/// assert_eq!((july.layer(), july.threshold().to_string()), (TargetLayer::Standard, "85%".into()));
/// let before = standard_threshold(c62, "2023-06".parse()?).ok_or("none")?;
/// assert_eq!(before.layer(), TargetLayer::PredecessorStandard);
/// assert!(standard_threshold(CwtStandard::FasterDiagnosis28Day, "2021-09".parse()?).is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn standard_threshold(standard: CwtStandard, month: YearMonth) -> Option<LayerTarget> {
    let own = national_targets()
        .filter(|t| {
            t.standard() == standard
                && matches!(
                    t.basis(),
                    TargetBasis::Constitutional | TargetBasis::OperationalStandard
                )
        })
        .min_by_key(|t| t.from())?;
    if own.from() <= month {
        return Some(LayerTarget::from_cwt_target(TargetLayer::Standard, &own));
    }
    let predecessor = match standard {
        CwtStandard::Combined31Day => "31-day first treatment standard (predecessor)",
        CwtStandard::Combined62Day => "62-day urgent GP referral standard (predecessor)",
        _ => return None,
    };
    Some(LayerTarget {
        basis: Some(TargetBasis::PredecessorStandard),
        ..LayerTarget::new(
            TargetLayer::PredecessorStandard,
            standard,
            own.threshold(),
            month,
            predecessor,
        )
    })
}

/// The national planning milestone in force for `standard` in `month`: the
/// latest milestone due on or before it.
pub fn milestone_in_force(standard: CwtStandard, month: YearMonth) -> Option<LayerTarget> {
    national_targets()
        .filter(|t| {
            t.standard() == standard && t.basis() == TargetBasis::PlanningAsk && t.from() <= month
        })
        .max_by_key(|t| t.from())
        .map(|t| LayerTarget::from_cwt_target(TargetLayer::MilestoneInForce, &t))
}

/// The next national planning milestone for `standard` after `month`.
pub fn next_milestone(standard: CwtStandard, month: YearMonth) -> Option<LayerTarget> {
    national_targets()
        .filter(|t| {
            t.standard() == standard && t.basis() == TargetBasis::PlanningAsk && t.from() > month
        })
        .min_by_key(|t| t.from())
        .map(|t| LayerTarget::from_cwt_target(TargetLayer::NextMilestone, &t))
}

/// Every target for one standard and month, in layer order.
///
/// ```
/// use cancer_plan::standard::{TargetLayer, TargetLayers};
/// use cancer_plan::CwtStandard;
/// let layers = TargetLayers::national(CwtStandard::Combined62Day, "2025-07".parse()?);
/// let shown: Vec<String> = layers.targets().iter().map(|t| format!("{}: {}", t.layer(), t.threshold())).collect();
/// assert_eq!(shown, [
///     "standard: 85%",
///     "national milestone in force: 70%",
///     "next national milestone: 75%",
/// ]);
/// assert_eq!(layers.get(TargetLayer::NextMilestone).map(|t| t.month().to_string()), Some("2026-03".into()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetLayers {
    standard: CwtStandard,
    month: YearMonth,
    targets: Vec<LayerTarget>,
}

impl TargetLayers {
    /// The national layers: the standard's threshold, the milestone in
    /// force and the next one due.
    pub fn national(standard: CwtStandard, month: YearMonth) -> TargetLayers {
        let targets = [
            standard_threshold(standard, month),
            milestone_in_force(standard, month),
            next_milestone(standard, month),
        ]
        .into_iter()
        .flatten()
        .collect();
        TargetLayers {
            standard,
            month,
            targets,
        }
    }

    /// No layers yet.
    pub fn none(standard: CwtStandard, month: YearMonth) -> TargetLayers {
        TargetLayers {
            standard,
            month,
            targets: Vec::new(),
        }
    }

    /// The same layers with one more target (kept in layer order; a target
    /// for another standard is ignored).
    pub fn with(mut self, target: LayerTarget) -> TargetLayers {
        if target.standard == self.standard {
            let at = self
                .targets
                .iter()
                .position(|t| t.layer > target.layer)
                .unwrap_or(self.targets.len());
            self.targets.insert(at, target);
        }
        self
    }

    /// The standard.
    pub fn standard(&self) -> CwtStandard {
        self.standard
    }

    /// The month.
    pub fn month(&self) -> YearMonth {
        self.month
    }

    /// Every target, in layer order.
    pub fn targets(&self) -> &[LayerTarget] {
        &self.targets
    }

    /// The first target in `layer`.
    pub fn get(&self, layer: TargetLayer) -> Option<&LayerTarget> {
        self.targets.iter().find(|t| t.layer == layer)
    }

    /// The standard's own threshold (or its predecessor's).
    pub fn standard_threshold(&self) -> Option<&LayerTarget> {
        self.get(TargetLayer::Standard)
            .or_else(|| self.get(TargetLayer::PredecessorStandard))
    }

    /// The target a chart's assurance is headlined against, the latest
    /// time-varying one: the plan's trajectory for the month, else the
    /// plan's ask, else a local target, else the milestone in force, else
    /// the standard.
    pub fn headline(&self) -> Option<&LayerTarget> {
        [
            TargetLayer::Trajectory,
            TargetLayer::PlanAsk,
            TargetLayer::Local,
            TargetLayer::MilestoneInForce,
        ]
        .into_iter()
        .find_map(|l| self.get(l))
        .or_else(|| self.standard_threshold())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ym(s: &str) -> YearMonth {
        s.parse().unwrap()
    }

    #[test]
    fn the_milestone_never_replaces_the_standard() {
        let c62 = CwtStandard::Combined62Day;
        let l = TargetLayers::national(c62, ym("2025-03"));
        assert_eq!(
            l.standard_threshold().unwrap().threshold(),
            Percent::from_points(85).unwrap()
        );
        assert_eq!(
            l.get(TargetLayer::MilestoneInForce).unwrap().threshold(),
            Percent::from_points(70).unwrap()
        );
        // Before the first milestone: none in force, the next is March 2025.
        let early = TargetLayers::national(c62, ym("2024-06"));
        assert!(early.get(TargetLayer::MilestoneInForce).is_none());
        assert_eq!(
            early.get(TargetLayer::NextMilestone).unwrap().month(),
            ym("2025-03")
        );
        // After the last: none next.
        let late = TargetLayers::national(c62, ym("2029-04"));
        assert!(late.get(TargetLayer::NextMilestone).is_none());
    }

    #[test]
    fn predecessors_before_october_2023() {
        let c31 = CwtStandard::Combined31Day;
        let t = standard_threshold(c31, ym("2023-09")).unwrap();
        assert_eq!(t.layer(), TargetLayer::PredecessorStandard);
        assert_eq!(t.threshold(), Percent::from_points(96).unwrap());
        assert!(t.source().contains("predecessor"));
        let t = standard_threshold(c31, ym("2023-10")).unwrap();
        assert_eq!(t.layer(), TargetLayer::Standard);
    }

    #[test]
    fn with_keeps_layer_order_and_ignores_other_standards() {
        let c62 = CwtStandard::Combined62Day;
        let ask = PerformanceTarget::new(c62, Percent::from_points(85).unwrap(), ym("2025-03"));
        let id = Id::new("62-day-85").unwrap();
        let l = TargetLayers::national(c62, ym("2025-07"))
            .with(LayerTarget::new(
                TargetLayer::Local,
                c62,
                Percent::from_points(78).unwrap(),
                ym("2025-04"),
                "local",
            ))
            .with(LayerTarget::from_ask(&id, &ask))
            .with(LayerTarget::new(
                TargetLayer::Local,
                CwtStandard::Combined31Day,
                Percent::HUNDRED,
                ym("2025-04"),
                "other",
            ));
        let layers: Vec<TargetLayer> = l.targets().iter().map(|t| t.layer()).collect();
        assert_eq!(
            layers,
            [
                TargetLayer::Standard,
                TargetLayer::MilestoneInForce,
                TargetLayer::NextMilestone,
                TargetLayer::PlanAsk,
                TargetLayer::Local
            ]
        );
        assert_eq!(l.headline().unwrap().layer(), TargetLayer::PlanAsk);
    }
}

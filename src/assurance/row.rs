//! [`AssuranceRow`]: one standard × organisation × month, judged against
//! every layer of target.

use serde::Serialize;

use super::{Basis, FunnelFlag, Organisation};
use crate::cwt::{
    compare_monthly, ConfidenceLevel, JudgedTarget, MonthlyPerformance, Performance, WilsonInterval,
};
use crate::standard::{LayerTarget, MonthlyTrajectory, TargetLayer, TargetLayers};
use crate::{period::YearMonth, standard::CwtStandard};

/// A month against the plan's trajectory for the organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TrajectoryVariance {
    planned_total: u32,
    planned_within: u32,
    within_vs_plan: i64,
    total_vs_plan: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    on_track: Option<bool>,
}

impl TrajectoryVariance {
    /// Patients planned in total.
    pub fn planned_total(&self) -> u32 {
        self.planned_total
    }

    /// Patients planned within the standard.
    pub fn planned_within(&self) -> u32 {
        self.planned_within
    }

    /// Patients within the standard above (+) or below (−) the plan (half
    /// patients rounded towards zero).
    pub fn within_vs_plan(&self) -> i64 {
        self.within_vs_plan
    }

    /// Patients seen above (+) or below (−) the planned total.
    pub fn total_vs_plan(&self) -> i64 {
        self.total_vs_plan
    }

    /// Whether performance is at or above the planned performance (`None`
    /// when nothing was planned).
    pub fn on_track(&self) -> Option<bool> {
        self.on_track
    }
}

/// One standard × organisation × month: counts, performance, Wilson
/// intervals at 95% and 99.8%, every target layer judged, the variance
/// from the plan's trajectory, and the funnel flag among the source's
/// organisations (trusts and locations).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AssuranceRow {
    month: YearMonth,
    standard: CwtStandard,
    basis: Basis,
    organisation: Organisation,
    performance: Performance,
    #[serde(skip_serializing_if = "Option::is_none")]
    percent: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    wilson_95: Option<WilsonInterval>,
    #[serde(skip_serializing_if = "Option::is_none")]
    wilson_99_8: Option<WilsonInterval>,
    targets: Vec<JudgedTarget>,
    #[serde(skip_serializing_if = "Option::is_none")]
    trajectory: Option<TrajectoryVariance>,
    #[serde(skip_serializing_if = "Option::is_none")]
    funnel: Option<FunnelFlag>,
}

impl AssuranceRow {
    pub(crate) fn new(
        month: YearMonth,
        standard: CwtStandard,
        basis: Basis,
        organisation: Organisation,
        performance: Performance,
        layers: &TargetLayers,
        trajectory: Option<&MonthlyTrajectory>,
    ) -> AssuranceRow {
        let planned = trajectory.and_then(|t| t.month(month));
        let layers = match planned.and_then(|p| LayerTarget::from_planned(standard, p)) {
            Some(target) => layers.clone().with(target),
            None => layers.clone(),
        };
        let variance = trajectory.and_then(|t| {
            compare_monthly(t, &[MonthlyPerformance::new(month, performance)])
                .into_iter()
                .find(|c| c.month() == month)
                .and_then(|c| {
                    Some(TrajectoryVariance {
                        planned_total: c.planned_month().total(),
                        planned_within: c.planned_month().within(),
                        within_vs_plan: c.within_vs_plan()?,
                        total_vs_plan: c.total_vs_plan()?,
                        on_track: c.on_track(),
                    })
                })
        });
        AssuranceRow {
            month,
            standard,
            basis,
            organisation,
            performance,
            percent: percent_points(performance),
            wilson_95: performance.wilson(ConfidenceLevel::Percent95),
            wilson_99_8: performance.wilson(ConfidenceLevel::Percent99_8),
            targets: JudgedTarget::all(&layers, performance),
            trajectory: variance,
            funnel: None,
        }
    }

    pub(crate) fn set_funnel(&mut self, flag: FunnelFlag) {
        self.funnel = Some(flag);
    }

    /// The month.
    pub fn month(&self) -> YearMonth {
        self.month
    }

    /// The standard.
    pub fn standard(&self) -> CwtStandard {
        self.standard
    }

    /// The basis the figures were counted on.
    pub fn basis(&self) -> Basis {
        self.basis
    }

    /// The organisation.
    pub fn organisation(&self) -> &Organisation {
        &self.organisation
    }

    /// The counts.
    pub fn performance(&self) -> Performance {
        self.performance
    }

    /// The performance in percentage points as `f64` (`None` without
    /// patients), for the Arrow columns; users have
    /// `performance().percent()`, a [`Percent`](crate::percent::Percent).
    #[cfg_attr(not(feature = "pathway-arrow"), allow(dead_code))]
    pub(crate) fn percent(&self) -> Option<f64> {
        self.percent
    }

    /// The 95% Wilson interval.
    pub fn wilson_95(&self) -> Option<WilsonInterval> {
        self.wilson_95
    }

    /// The 99.8% Wilson interval.
    pub fn wilson_99_8(&self) -> Option<WilsonInterval> {
        self.wilson_99_8
    }

    /// Every target layer, judged, in layer order.
    pub fn targets(&self) -> &[JudgedTarget] {
        &self.targets
    }

    /// The judged target of `layer`, if the month has one.
    pub fn target(&self, layer: TargetLayer) -> Option<&JudgedTarget> {
        self.targets.iter().find(|t| t.target().layer() == layer)
    }

    /// Against the plan's trajectory for the organisation, if it has one
    /// for the month.
    pub fn trajectory(&self) -> Option<&TrajectoryVariance> {
        self.trajectory.as_ref()
    }

    /// Where a trust or location sits on the month's funnel.
    pub fn funnel(&self) -> Option<FunnelFlag> {
        self.funnel
    }
}

/// `100 × within / total` as f64 (`None` without patients).
pub(crate) fn percent_points(p: Performance) -> Option<f64> {
    if p.is_empty() {
        return None;
    }
    Some(100.0 * p.within().to_f64() / p.total().to_f64())
}

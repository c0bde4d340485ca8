//! [`SeriesAssurance`]: one standard × organisation over time, as a Making
//! Data Count SPC chart with its icons as data.

use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;

use super::{Basis, Organisation};
use crate::spc::{
    Assurance, AssuranceIcon, ImprovementDirection, Series, SpcChart, SpcOptions, VariationIcon,
};
use crate::standard::CwtStandard;
use crate::standard::{LayerTarget, TargetLayers};

/// Assurance against one target layer: will the process, as it runs now,
/// meet it?
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LayerAssurance {
    target: LayerTarget,
    #[serde(skip_serializing_if = "Option::is_none")]
    assurance: Option<Assurance>,
    icon: AssuranceIcon,
}

impl LayerAssurance {
    /// The target.
    pub fn target(&self) -> &LayerTarget {
        &self.target
    }

    /// The assurance (`None` when no direction is better; its icon is
    /// [`AssuranceIcon::of`]).
    pub fn assurance(&self) -> Option<Assurance> {
        self.assurance
    }
}

/// The SPC view of one standard × organisation: the chart (limits,
/// special causes, variation per point), the variation icon, and the
/// assurance against every target layer of the latest month, headlined by
/// the latest time-varying target ([`TargetLayers::headline`]: the plan's
/// trajectory, else its ask, else a local target, else the national
/// milestone in force, else the standard).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeriesAssurance {
    standard: CwtStandard,
    basis: Basis,
    organisation: Organisation,
    #[serde(skip_serializing_if = "Option::is_none")]
    chart: Option<SpcChart>,
    #[serde(skip_serializing_if = "Option::is_none")]
    no_chart: Option<String>,
    variation_icon: Option<VariationIcon>,
    #[serde(skip_serializing_if = "Option::is_none")]
    headline: Option<LayerTarget>,
    assurance_icon: AssuranceIcon,
    layers: Vec<LayerAssurance>,
}

impl SeriesAssurance {
    pub(crate) fn new(
        standard: CwtStandard,
        basis: Basis,
        organisation: Organisation,
        series: Result<Series, crate::spc::SpcError>,
        latest: &TargetLayers,
    ) -> SeriesAssurance {
        let headline = latest.headline().cloned();
        let target = headline
            .as_ref()
            .and_then(|t| t.threshold().points().to_f64());
        let mut options = SpcOptions::new(ImprovementDirection::Increase);
        if let Some(t) = target {
            options = options.target(t);
        }
        let chart = series.and_then(|s| SpcChart::new(&s, &options));
        let (chart, no_chart) = match chart {
            Ok(c) => (Some(c), None),
            Err(e) => (None, Some(e.to_string())),
        };
        let layers = latest
            .targets()
            .iter()
            .map(|t| {
                let assurance = chart
                    .as_ref()
                    .and_then(|c| c.assurance_against(t.threshold()));
                LayerAssurance {
                    target: t.clone(),
                    assurance,
                    icon: AssuranceIcon::of(assurance),
                }
            })
            .collect();
        SeriesAssurance {
            standard,
            basis,
            organisation,
            variation_icon: chart.as_ref().map(|c| c.icons().variation()),
            assurance_icon: chart
                .as_ref()
                .map_or(AssuranceIcon::NotApplicable, |c| c.icons().assurance()),
            chart,
            no_chart,
            headline,
            layers,
        }
    }

    /// The standard.
    pub fn standard(&self) -> CwtStandard {
        self.standard
    }

    /// The basis.
    pub fn basis(&self) -> Basis {
        self.basis
    }

    /// The organisation.
    pub fn organisation(&self) -> &Organisation {
        &self.organisation
    }

    /// The chart; `None` when the series has a gap, a month without
    /// patients or fewer than two months (see [`no_chart`](Self::no_chart)).
    pub fn chart(&self) -> Option<&SpcChart> {
        self.chart.as_ref()
    }

    /// Why there is no chart.
    pub fn no_chart(&self) -> Option<&str> {
        self.no_chart.as_deref()
    }

    /// The target the chart's assurance is headlined against.
    pub fn headline(&self) -> Option<&LayerTarget> {
        self.headline.as_ref()
    }

    /// The assurance against every layer of the latest month.
    pub fn layers(&self) -> &[LayerAssurance] {
        &self.layers
    }
}

//! The Making Data Count icons as data: [`VariationIcon`] and
//! [`AssuranceIcon`], so a report maps each to its picture.
//!
//! The rules are NHSRplotthedots' (`ptd_get_icons`, v0.2.x): the
//! variation icon is the **latest point's** variation, shown high or low
//! from the improvement direction (a concern when higher is better is
//! low, an improvement is high); the assurance icon is the chart's
//! assurance against its target, and there is none without a target or
//! when no direction is better. The icon names ([`VariationIcon::name`],
//! [`AssuranceIcon::name`]) are NHSRplotthedots' icon file stems.

use serde::{Deserialize, Serialize};

use super::options::percent_points;
use super::{Assurance, ImprovementDirection, SpcChart, Variation};
use crate::percent::Percent;

/// The Making Data Count variation icon.
///
/// ```
/// use cancer_plan::spc::{ImprovementDirection, Variation, VariationIcon};
///
/// let up = ImprovementDirection::Increase;
/// let down = ImprovementDirection::Decrease;
/// assert_eq!(VariationIcon::of(Variation::SpecialCauseConcerning, up), VariationIcon::ConcerningLow);
/// assert_eq!(VariationIcon::of(Variation::SpecialCauseImproving, down), VariationIcon::ImprovingLow);
/// assert_eq!(VariationIcon::ImprovingHigh.name(), "improvement_high");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum VariationIcon {
    /// Common cause variation: no significant change (grey).
    CommonCause,
    /// Special cause of an improving nature from higher values (blue, "H").
    ImprovingHigh,
    /// Special cause of an improving nature from lower values (blue, "L").
    ImprovingLow,
    /// Special cause of a concerning nature from higher values (orange, "H").
    ConcerningHigh,
    /// Special cause of a concerning nature from lower values (orange, "L").
    ConcerningLow,
    /// Special cause from higher values when no direction is better (purple).
    NeutralHigh,
    /// Special cause from lower values when no direction is better (purple).
    NeutralLow,
}

impl VariationIcon {
    /// Every icon, in declaration order.
    pub const ALL: [VariationIcon; 7] = [
        VariationIcon::CommonCause,
        VariationIcon::ImprovingHigh,
        VariationIcon::ImprovingLow,
        VariationIcon::ConcerningHigh,
        VariationIcon::ConcerningLow,
        VariationIcon::NeutralHigh,
        VariationIcon::NeutralLow,
    ];

    /// The icon of a point with `variation` on a chart whose improvement
    /// direction is `direction` (NHSRplotthedots' `variation_icon_file`).
    ///
    /// A neutral direction with an improving or concerning variation cannot
    /// come from a chart; it maps to the high/low of the variation as if
    /// higher were better.
    pub fn of(variation: Variation, direction: ImprovementDirection) -> VariationIcon {
        let lower_is_better = direction == ImprovementDirection::Decrease;
        match variation {
            Variation::CommonCause => VariationIcon::CommonCause,
            Variation::SpecialCauseNeutralHigh => VariationIcon::NeutralHigh,
            Variation::SpecialCauseNeutralLow => VariationIcon::NeutralLow,
            Variation::SpecialCauseImproving if lower_is_better => VariationIcon::ImprovingLow,
            Variation::SpecialCauseImproving => VariationIcon::ImprovingHigh,
            Variation::SpecialCauseConcerning if lower_is_better => VariationIcon::ConcerningHigh,
            Variation::SpecialCauseConcerning => VariationIcon::ConcerningLow,
        }
    }

    /// The variation the icon shows.
    pub fn variation(self) -> Variation {
        match self {
            VariationIcon::CommonCause => Variation::CommonCause,
            VariationIcon::ImprovingHigh | VariationIcon::ImprovingLow => {
                Variation::SpecialCauseImproving
            }
            VariationIcon::ConcerningHigh | VariationIcon::ConcerningLow => {
                Variation::SpecialCauseConcerning
            }
            VariationIcon::NeutralHigh => Variation::SpecialCauseNeutralHigh,
            VariationIcon::NeutralLow => Variation::SpecialCauseNeutralLow,
        }
    }

    /// The NHSRplotthedots icon name (`icons/variation/<name>.svg`).
    pub fn name(self) -> &'static str {
        match self {
            VariationIcon::CommonCause => "common_cause",
            VariationIcon::ImprovingHigh => "improvement_high",
            VariationIcon::ImprovingLow => "improvement_low",
            VariationIcon::ConcerningHigh => "concern_high",
            VariationIcon::ConcerningLow => "concern_low",
            VariationIcon::NeutralHigh => "neutral_high",
            VariationIcon::NeutralLow => "neutral_low",
        }
    }

    /// Words for a table cell or an image's alternative text.
    pub fn label(self) -> &'static str {
        match self {
            VariationIcon::CommonCause => "common cause variation",
            VariationIcon::ImprovingHigh => "special cause variation, improving (higher values)",
            VariationIcon::ImprovingLow => "special cause variation, improving (lower values)",
            VariationIcon::ConcerningHigh => "special cause variation, concerning (higher values)",
            VariationIcon::ConcerningLow => "special cause variation, concerning (lower values)",
            VariationIcon::NeutralHigh => "special cause variation (higher values)",
            VariationIcon::NeutralLow => "special cause variation (lower values)",
        }
    }

    /// The letter on the icon: `H` or `L` for a special cause, none for
    /// common cause.
    pub fn letter(self) -> Option<char> {
        match self {
            VariationIcon::CommonCause => None,
            VariationIcon::ImprovingHigh
            | VariationIcon::ConcerningHigh
            | VariationIcon::NeutralHigh => Some('H'),
            VariationIcon::ImprovingLow
            | VariationIcon::ConcerningLow
            | VariationIcon::NeutralLow => Some('L'),
        }
    }

    /// The icon's colour as NHSRplotthedots draws points (`ptd_spc_colours`):
    /// grey `#a6a6a6`, blue `#00b0f0`, orange `#e46c0a`, purple `#490092`.
    pub fn colour(self) -> &'static str {
        match self {
            VariationIcon::CommonCause => "#a6a6a6",
            VariationIcon::ImprovingHigh | VariationIcon::ImprovingLow => "#00b0f0",
            VariationIcon::ConcerningHigh | VariationIcon::ConcerningLow => "#e46c0a",
            VariationIcon::NeutralHigh | VariationIcon::NeutralLow => "#490092",
        }
    }
}

impl std::fmt::Display for VariationIcon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.label())
    }
}

/// The Making Data Count assurance icon.
///
/// ```
/// use cancer_plan::spc::{Assurance, AssuranceIcon};
///
/// assert_eq!(AssuranceIcon::of(Some(Assurance::HitAndMiss)), AssuranceIcon::HitAndMiss);
/// assert_eq!(AssuranceIcon::of(None), AssuranceIcon::NotApplicable);
/// assert_eq!(AssuranceIcon::ConsistentlyFails.name(), "fail");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AssuranceIcon {
    /// The process will consistently meet the target (blue, "P").
    ConsistentlyPasses,
    /// The process will consistently fail the target (orange, "F").
    ConsistentlyFails,
    /// The process will sometimes meet and sometimes miss the target
    /// (grey, "?").
    HitAndMiss,
    /// No assurance icon: no target, or no direction is better.
    NotApplicable,
}

impl AssuranceIcon {
    /// Every icon, in declaration order.
    pub const ALL: [AssuranceIcon; 4] = [
        AssuranceIcon::ConsistentlyPasses,
        AssuranceIcon::ConsistentlyFails,
        AssuranceIcon::HitAndMiss,
        AssuranceIcon::NotApplicable,
    ];

    /// The icon for an assurance (`None`: not applicable).
    pub fn of(assurance: Option<Assurance>) -> AssuranceIcon {
        match assurance {
            Some(Assurance::ConsistentlyPassing) => AssuranceIcon::ConsistentlyPasses,
            Some(Assurance::ConsistentlyFailing) => AssuranceIcon::ConsistentlyFails,
            Some(Assurance::HitAndMiss) => AssuranceIcon::HitAndMiss,
            None => AssuranceIcon::NotApplicable,
        }
    }

    /// The assurance the icon shows (`None` for not applicable).
    pub fn assurance(self) -> Option<Assurance> {
        match self {
            AssuranceIcon::ConsistentlyPasses => Some(Assurance::ConsistentlyPassing),
            AssuranceIcon::ConsistentlyFails => Some(Assurance::ConsistentlyFailing),
            AssuranceIcon::HitAndMiss => Some(Assurance::HitAndMiss),
            AssuranceIcon::NotApplicable => None,
        }
    }

    /// The NHSRplotthedots icon name (`icons/assurance/<name>.svg`);
    /// `"none"` for not applicable (NHSRplotthedots draws nothing).
    pub fn name(self) -> &'static str {
        match self {
            AssuranceIcon::ConsistentlyPasses => "pass",
            AssuranceIcon::ConsistentlyFails => "fail",
            AssuranceIcon::HitAndMiss => "inconsistent",
            AssuranceIcon::NotApplicable => "none",
        }
    }

    /// Words for a table cell or an image's alternative text.
    pub fn label(self) -> &'static str {
        match self {
            AssuranceIcon::ConsistentlyPasses => "consistently passes the target",
            AssuranceIcon::ConsistentlyFails => "consistently fails the target",
            AssuranceIcon::HitAndMiss => "hit and miss against the target",
            AssuranceIcon::NotApplicable => "no target assurance",
        }
    }

    /// The letter on the icon: `P`, `F` or `?`; none when not applicable.
    pub fn letter(self) -> Option<char> {
        match self {
            AssuranceIcon::ConsistentlyPasses => Some('P'),
            AssuranceIcon::ConsistentlyFails => Some('F'),
            AssuranceIcon::HitAndMiss => Some('?'),
            AssuranceIcon::NotApplicable => None,
        }
    }

    /// The icon's colour (the variation palette: pass blue, fail orange,
    /// hit and miss grey); `None` when not applicable.
    pub fn colour(self) -> Option<&'static str> {
        match self {
            AssuranceIcon::ConsistentlyPasses => Some("#00b0f0"),
            AssuranceIcon::ConsistentlyFails => Some("#e46c0a"),
            AssuranceIcon::HitAndMiss => Some("#a6a6a6"),
            AssuranceIcon::NotApplicable => None,
        }
    }
}

impl std::fmt::Display for AssuranceIcon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.label())
    }
}

/// A chart's two icons, as a report's summary table shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Icons {
    variation: VariationIcon,
    assurance: AssuranceIcon,
}

impl Icons {
    /// The icons of `chart` with assurance judged against `target` instead
    /// of the chart's own (a time-varying target: the one in force in the
    /// chart's last month; `None` for no assurance icon).
    pub fn against(chart: &SpcChart, target: Option<Percent>) -> Icons {
        Icons {
            variation: chart.icons().variation,
            assurance: AssuranceIcon::of(target.and_then(|t| chart.assurance_against(t))),
        }
    }

    /// The variation icon.
    pub fn variation(&self) -> VariationIcon {
        self.variation
    }

    /// The assurance icon.
    pub fn assurance(&self) -> AssuranceIcon {
        self.assurance
    }
}

impl SpcChart {
    /// The assurance against another `target` (for a series in percentage
    /// points, as CWT performance), judged on the latest period's process
    /// limits; `None` when no direction is better.
    pub fn assurance_against(&self, target: Percent) -> Option<Assurance> {
        Assurance::against(
            percent_points(target),
            self.latest_limits(),
            self.direction(),
        )
    }

    /// Both icons against the chart's own target: the variation icon is the
    /// latest point's variation, high or low from the chart's improvement
    /// direction; the assurance icon is [`SpcChart::assurance`]'s.
    ///
    /// ```
    /// use cancer_plan::spc::{AssuranceIcon, ImprovementDirection, Series, SpcChart, SpcOptions, VariationIcon};
    /// use cancer_plan::{Percent, YearMonth};
    ///
    /// let april: YearMonth = "2024-04".parse()?;
    /// let counts = (0..12).map(|i| (april.saturating_plus_months(i), 700 + 10 * i as u64, 1000));
    /// let chart = SpcChart::new(
    ///     &Series::from_counts(counts)?,
    ///     &SpcOptions::new(ImprovementDirection::Increase).target(77.0),
    /// )?;
    /// assert_eq!(chart.icons().variation(), VariationIcon::ImprovingHigh);
    /// assert_eq!(chart.icons().assurance(), AssuranceIcon::HitAndMiss);
    /// // Against a stricter target (e.g. the standard rather than the plan's ask):
    /// let standard = Percent::from_points(96)?;
    /// assert_eq!(chart.assurance_against(standard).map(AssuranceIcon::from), Some(AssuranceIcon::ConsistentlyFails));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn icons(&self) -> Icons {
        Icons {
            variation: VariationIcon::of(self.latest_variation(), self.direction()),
            assurance: AssuranceIcon::of(self.assurance()),
        }
    }
}

impl From<Assurance> for AssuranceIcon {
    fn from(assurance: Assurance) -> AssuranceIcon {
        AssuranceIcon::of(Some(assurance))
    }
}

#[cfg(test)]
mod tests {
    //! The icon cases of NHSRplotthedots v0.2.x
    //! `tests/testthat/test-geom_ptd_icon.R` ("ptd_get_icons transforms the
    //! data correctly"): the (variation, direction) → icon file mapping.
    use super::*;
    use ImprovementDirection::*;

    #[test]
    fn variation_icons_follow_ptd_get_icons() {
        // s5: improvement, increase -> improvement_high
        assert_eq!(
            VariationIcon::of(Variation::SpecialCauseImproving, Increase).name(),
            "improvement_high"
        );
        // s6: concern, decrease -> concern_high
        assert_eq!(
            VariationIcon::of(Variation::SpecialCauseConcerning, Decrease).name(),
            "concern_high"
        );
        // s7: concern, increase -> concern_low
        assert_eq!(
            VariationIcon::of(Variation::SpecialCauseConcerning, Increase).name(),
            "concern_low"
        );
        // s8: improvement, decrease -> improvement_low
        assert_eq!(
            VariationIcon::of(Variation::SpecialCauseImproving, Decrease).name(),
            "improvement_low"
        );
        // s9: neutral low
        assert_eq!(
            VariationIcon::of(Variation::SpecialCauseNeutralLow, Neutral).name(),
            "neutral_low"
        );
        // s1: common cause
        assert_eq!(
            VariationIcon::of(Variation::CommonCause, Increase).name(),
            "common_cause"
        );
    }

    #[test]
    fn every_icon_round_trips_its_variation_and_serde() {
        for icon in VariationIcon::ALL {
            let direction = if matches!(
                icon,
                VariationIcon::ImprovingLow | VariationIcon::ConcerningHigh
            ) {
                Decrease
            } else {
                Increase
            };
            assert_eq!(VariationIcon::of(icon.variation(), direction), icon);
            let json = serde_json::to_string(&icon).unwrap();
            assert_eq!(json, format!("\"{}\"", snake(icon)));
            assert_eq!(serde_json::from_str::<VariationIcon>(&json).unwrap(), icon);
        }
        for icon in AssuranceIcon::ALL {
            assert_eq!(AssuranceIcon::of(icon.assurance()), icon);
            let json = serde_json::to_string(&icon).unwrap();
            assert_eq!(serde_json::from_str::<AssuranceIcon>(&json).unwrap(), icon);
        }
    }

    fn snake(icon: VariationIcon) -> &'static str {
        match icon {
            VariationIcon::CommonCause => "common_cause",
            VariationIcon::ImprovingHigh => "improving_high",
            VariationIcon::ImprovingLow => "improving_low",
            VariationIcon::ConcerningHigh => "concerning_high",
            VariationIcon::ConcerningLow => "concerning_low",
            VariationIcon::NeutralHigh => "neutral_high",
            VariationIcon::NeutralLow => "neutral_low",
        }
    }

    #[test]
    fn assurance_icon_names_follow_ptd_get_icons() {
        assert_eq!(AssuranceIcon::ConsistentlyPasses.name(), "pass");
        assert_eq!(AssuranceIcon::ConsistentlyFails.name(), "fail");
        assert_eq!(AssuranceIcon::HitAndMiss.name(), "inconsistent");
        assert_eq!(format!("{:>5}", AssuranceIcon::HitAndMiss).len(), 31);
    }
}

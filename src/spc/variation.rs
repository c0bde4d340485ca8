//! [`Variation`]: what a point's special causes mean for the service.

use serde::Serialize;

use super::{ImprovementDirection, SpecialCause};

/// A point's variation, in Making Data Count words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Variation {
    /// No special-cause rule is met: the process is doing what it does.
    CommonCause,
    /// A special cause in the direction of improvement.
    SpecialCauseImproving,
    /// A special cause against the direction of improvement.
    SpecialCauseConcerning,
    /// A high special cause when no direction is better.
    SpecialCauseNeutralHigh,
    /// A low special cause when no direction is better.
    SpecialCauseNeutralLow,
}

impl Variation {
    /// The variation of a point with the given special causes (in
    /// precedence order: the first decides high or low, as NHSRplotthedots).
    ///
    /// ```
    /// use cancer_plan::spc::{ImprovementDirection, Side, SpecialCause, Variation};
    ///
    /// let above = [SpecialCause::OutsideLimits { side: Side::Above }];
    /// assert_eq!(
    ///     Variation::of(&above, ImprovementDirection::Increase),
    ///     Variation::SpecialCauseImproving
    /// );
    /// assert_eq!(
    ///     Variation::of(&above, ImprovementDirection::Decrease),
    ///     Variation::SpecialCauseConcerning
    /// );
    /// assert_eq!(Variation::of(&[], ImprovementDirection::Increase), Variation::CommonCause);
    /// ```
    pub fn of(causes: &[SpecialCause], direction: ImprovementDirection) -> Variation {
        let Some(first) = causes.first() else {
            return Variation::CommonCause;
        };
        match (direction, first.is_high()) {
            (ImprovementDirection::Increase, true) | (ImprovementDirection::Decrease, false) => {
                Variation::SpecialCauseImproving
            }
            (ImprovementDirection::Increase, false) | (ImprovementDirection::Decrease, true) => {
                Variation::SpecialCauseConcerning
            }
            (ImprovementDirection::Neutral, true) => Variation::SpecialCauseNeutralHigh,
            (ImprovementDirection::Neutral, false) => Variation::SpecialCauseNeutralLow,
        }
    }

    /// `true` for any special cause.
    pub fn is_special_cause(self) -> bool {
        self != Variation::CommonCause
    }

    /// Words for a table or a chart.
    pub fn label(self) -> &'static str {
        match self {
            Variation::CommonCause => "common cause",
            Variation::SpecialCauseImproving => "special cause improving",
            Variation::SpecialCauseConcerning => "special cause concerning",
            Variation::SpecialCauseNeutralHigh => "special cause (high)",
            Variation::SpecialCauseNeutralLow => "special cause (low)",
        }
    }
}

impl std::fmt::Display for Variation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

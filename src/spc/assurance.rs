//! [`Assurance`]: will the process reliably meet its target?

use serde::Serialize;

use super::{ImprovementDirection, Limits};

/// Whether the process, as it runs now, will meet the target, judged from
/// where the target sits against the process limits of the latest period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Assurance {
    /// The target is beyond the process limits on the bad side: every
    /// month within the limits meets it.
    ConsistentlyPassing,
    /// The target is beyond the process limits on the good side: the
    /// process will not meet it without change.
    ConsistentlyFailing,
    /// The target lies within the limits (a limit itself counts as within):
    /// some months will meet it, some will not.
    HitAndMiss,
}

impl Assurance {
    /// The assurance of a process with `limits` against `target` (in the
    /// series' units); `None` when no direction is better (as
    /// NHSRplotthedots). The public ways in are [`SpcChart::assurance`]
    /// (the chart's own target) and [`SpcChart::assurance_against`] (a
    /// [`Percent`] target).
    ///
    /// [`SpcChart::assurance`]: super::SpcChart::assurance
    /// [`SpcChart::assurance_against`]: super::SpcChart::assurance_against
    /// [`Percent`]: crate::percent::Percent
    pub(crate) fn against(
        target: f64,
        limits: &Limits,
        direction: ImprovementDirection,
    ) -> Option<Assurance> {
        Assurance::between(
            target,
            limits.lower_process_limit(),
            limits.upper_process_limit(),
            direction,
        )
    }

    /// [`Assurance::against`] on the two process limits themselves.
    fn between(
        target: f64,
        lower_process_limit: f64,
        upper_process_limit: f64,
        direction: ImprovementDirection,
    ) -> Option<Assurance> {
        let higher_is_better = match direction {
            ImprovementDirection::Increase => true,
            ImprovementDirection::Decrease => false,
            ImprovementDirection::Neutral => return None,
        };
        Some(if target > upper_process_limit {
            if higher_is_better {
                Assurance::ConsistentlyFailing
            } else {
                Assurance::ConsistentlyPassing
            }
        } else if target < lower_process_limit {
            if higher_is_better {
                Assurance::ConsistentlyPassing
            } else {
                Assurance::ConsistentlyFailing
            }
        } else {
            Assurance::HitAndMiss
        })
    }

    /// Words for a table or a chart.
    pub fn label(self) -> &'static str {
        match self {
            Assurance::ConsistentlyPassing => "consistently passing the target",
            Assurance::ConsistentlyFailing => "consistently failing the target",
            Assurance::HitAndMiss => "hit and miss against the target",
        }
    }
}

impl std::fmt::Display for Assurance {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

#[cfg(test)]
mod tests {
    //! Ported from NHSRplotthedots v0.2.x
    //! `tests/testthat/test-ptd_calculate_assurance_type.R`: three facets
    //! with (lpl, upl) = (1, 3), (5, 7), (1, 5) and target 4.
    use super::*;

    const FACETS: [(f64, f64); 3] = [(1.0, 3.0), (5.0, 7.0), (1.0, 5.0)];

    fn run(direction: ImprovementDirection) -> Vec<Option<Assurance>> {
        FACETS
            .iter()
            .map(|(lpl, upl)| Assurance::between(4.0, *lpl, *upl, direction))
            .collect()
    }

    #[test]
    fn correct_values_when_improvement_direction_is_increase() {
        // "it returns correct values for assurance when improvement_direction is increase"
        use Assurance::*;
        assert_eq!(
            run(ImprovementDirection::Increase),
            vec![
                Some(ConsistentlyFailing),
                Some(ConsistentlyPassing),
                Some(HitAndMiss)
            ]
        );
    }

    #[test]
    fn correct_values_when_improvement_direction_is_decrease() {
        // "it returns correct values for assurance when improvement_direction is decrease"
        use Assurance::*;
        assert_eq!(
            run(ImprovementDirection::Decrease),
            vec![
                Some(ConsistentlyPassing),
                Some(ConsistentlyFailing),
                Some(HitAndMiss)
            ]
        );
    }

    #[test]
    fn none_when_improvement_direction_is_neutral() {
        // "it returns correct values for assurance when improvement_direction is neutral"
        assert_eq!(run(ImprovementDirection::Neutral), vec![None, None, None]);
    }

    #[test]
    fn correct_values_for_assurance_when_rebase() {
        // "it returns correct values for assurance when rebase": one facet
        // with three rebase groups in three orders; the last row's limits
        // decide (decrease, target 4). The chart passes the latest
        // period's limits (see tests/spc/rules.rs for the chart-level test).
        use Assurance::*;
        let down = ImprovementDirection::Decrease;
        let last = |order: [usize; 3]| {
            let (lpl, upl) = FACETS[order[2]];
            Assurance::between(4.0, lpl, upl, down)
        };
        assert_eq!(last([0, 1, 2]), Some(HitAndMiss));
        assert_eq!(last([1, 2, 0]), Some(ConsistentlyPassing));
        assert_eq!(last([2, 0, 1]), Some(ConsistentlyFailing));
    }

    #[test]
    fn a_target_on_a_limit_is_hit_and_miss() {
        let up = ImprovementDirection::Increase;
        assert_eq!(
            Assurance::between(5.0, 1.0, 5.0, up),
            Some(Assurance::HitAndMiss)
        );
        assert_eq!(
            Assurance::between(1.0, 1.0, 5.0, up),
            Some(Assurance::HitAndMiss)
        );
    }
}

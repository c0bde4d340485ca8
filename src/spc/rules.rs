//! The Making Data Count special-cause rules, as NHSRplotthedots applies them.

use std::fmt;

use serde::Serialize;

use super::limits::Position;

/// How many points make a run or a trend.
pub const RUN_LENGTH: usize = 7;

/// Which side of the mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// Above the mean.
    Above,
    /// Below the mean.
    Below,
}

impl Side {
    fn of(side: i8) -> Side {
        if side > 0 {
            Side::Above
        } else {
            Side::Below
        }
    }
}

/// Which way a trend goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TrendDirection {
    /// Each point above the one before.
    Increasing,
    /// Each point below the one before.
    Decreasing,
}

impl fmt::Display for Side {
    /// `above` or `below` (the centre line).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Side::Above => "above",
            Side::Below => "below",
        })
    }
}

impl fmt::Display for TrendDirection {
    /// `increasing` or `decreasing`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TrendDirection::Increasing => "increasing",
            TrendDirection::Decreasing => "decreasing",
        })
    }
}

impl fmt::Display for SpecialCause {
    /// The rule in Making Data Count's words: `a point above the upper
    /// process limit`, `a run of 7 points below the mean`, `an increasing
    /// trend of 7 points`, `two of three points above the upper near limit`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            SpecialCause::OutsideLimits { side: Side::Above } => {
                f.write_str("a point above the upper process limit")
            }
            SpecialCause::OutsideLimits { side: Side::Below } => {
                f.write_str("a point below the lower process limit")
            }
            SpecialCause::Trend { direction } => {
                write!(f, "an {direction} trend of {RUN_LENGTH} points")
            }
            SpecialCause::TwoOfThreeBeyondNearLimit { side } => {
                let limit = match side {
                    Side::Above => "upper",
                    Side::Below => "lower",
                };
                write!(f, "two of three points {side} the {limit} near limit")
            }
            SpecialCause::RunOnOneSide { side } => {
                write!(f, "a run of {RUN_LENGTH} points {side} the mean")
            }
        }
    }
}

/// A special-cause rule a point meets, with its side or direction.
///
/// A point lists the rules it meets in NHSRplotthedots' order of
/// precedence (outside the limits, trend, two of three, run); the first
/// decides whether the point is high or low.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
#[non_exhaustive]
pub enum SpecialCause {
    /// The point is strictly beyond a process limit.
    OutsideLimits {
        /// Beyond the upper (above) or lower (below) limit.
        side: Side,
    },
    /// The point is one of 7 or more consecutive points each strictly above
    /// (or below) the one before; a tie breaks the trend.
    Trend {
        /// Increasing or decreasing.
        direction: TrendDirection,
    },
    /// The point is beyond a near limit (but inside the process limits) and
    /// is one of at least two such points among three consecutive points,
    /// all three on the same side of the mean.
    TwoOfThreeBeyondNearLimit {
        /// The side of the mean.
        side: Side,
    },
    /// The point is one of 7 or more consecutive points on the same side of
    /// the mean; a point on the mean breaks the run.
    RunOnOneSide {
        /// The side of the mean.
        side: Side,
    },
}

impl SpecialCause {
    /// `true` for a high signal (above the mean or an increasing trend).
    pub fn is_high(self) -> bool {
        matches!(
            self,
            SpecialCause::OutsideLimits { side: Side::Above }
                | SpecialCause::Trend {
                    direction: TrendDirection::Increasing
                }
                | SpecialCause::TwoOfThreeBeyondNearLimit { side: Side::Above }
                | SpecialCause::RunOnOneSide { side: Side::Above }
        )
    }
}

/// The special causes of each point of one period, in precedence order.
pub(crate) fn special_causes(values: &[f64], positions: &[Position]) -> Vec<Vec<SpecialCause>> {
    let sides: Vec<i8> = positions.iter().map(|p| p.side).collect();
    let near: Vec<bool> = positions.iter().map(|p| p.near).collect();
    let runs = run_sides(&sides);
    let trends = trend_directions(values);
    let two_of_three = two_of_three(&near, &sides);
    positions
        .iter()
        .enumerate()
        .map(|(i, position)| {
            let mut causes = Vec::new();
            if position.outside {
                causes.push(SpecialCause::OutsideLimits {
                    side: Side::of(position.side),
                });
            }
            if let Some(Some(direction)) = trends.get(i) {
                causes.push(SpecialCause::Trend {
                    direction: *direction,
                });
            }
            if two_of_three.get(i).copied().unwrap_or(false) {
                causes.push(SpecialCause::TwoOfThreeBeyondNearLimit {
                    side: Side::of(position.side),
                });
            }
            if runs.get(i).copied().unwrap_or(false) {
                causes.push(SpecialCause::RunOnOneSide {
                    side: Side::of(position.side),
                });
            }
            causes
        })
        .collect()
}

/// Whether each point is part of a run of [`RUN_LENGTH`] points on one side
/// of the mean (`sides`: -1, 0, 1; 0 breaks a run).
// Bounded: indexes within the series plus a run length of at most 8; `get_mut` checks the end.
#[allow(clippy::arithmetic_side_effects)]
pub(crate) fn run_sides(sides: &[i8]) -> Vec<bool> {
    let mut part = vec![false; sides.len()];
    for (end, window) in sides.windows(RUN_LENGTH).enumerate() {
        let first = window.first().copied().unwrap_or(0);
        if first != 0
            && window.iter().all(|s| *s == first)
            && let Some(slots) = part.get_mut(end..end + RUN_LENGTH)
        {
            slots.iter_mut().for_each(|p| *p = true);
        }
    }
    part
}

/// The trend direction of each point that is part of a trend of
/// [`RUN_LENGTH`] strictly increasing or decreasing points. A point in two
/// trends (a peak or trough shared by both) takes the later one's direction.
// Bounded: indexes within the series plus a run length of at most 8; `get_mut` checks the end.
#[allow(clippy::arithmetic_side_effects)]
pub(crate) fn trend_directions(values: &[f64]) -> Vec<Option<TrendDirection>> {
    let mut part = vec![None; values.len()];
    for (start, window) in values.windows(RUN_LENGTH).enumerate() {
        let steps = || {
            window.windows(2).filter_map(|w| match w {
                [a, b] => Some((a, b)),
                _ => None,
            })
        };
        let direction = if steps().all(|(a, b)| b > a) {
            Some(TrendDirection::Increasing)
        } else if steps().all(|(a, b)| b < a) {
            Some(TrendDirection::Decreasing)
        } else {
            None
        };
        if let (Some(direction), Some(slots)) = (direction, part.get_mut(start..start + RUN_LENGTH))
        {
            slots.iter_mut().for_each(|p| *p = Some(direction));
        }
    }
    part
}

/// Whether each point meets the two-of-three rule: it is near (beyond a
/// near limit, inside the process limits) and lies in a window of three
/// consecutive points with at least two near points, all three strictly on
/// the same side of the mean.
// Bounded: indexes within the series plus at most 3; `get` checks the end.
#[allow(clippy::arithmetic_side_effects)]
pub(crate) fn two_of_three(near: &[bool], sides: &[i8]) -> Vec<bool> {
    let mut part = vec![false; near.len()];
    for start in 0..near.len().saturating_sub(2) {
        let (Some(n), Some(s)) = (near.get(start..start + 3), sides.get(start..start + 3)) else {
            continue;
        };
        let near_count = n.iter().filter(|x| **x).count();
        let first = s.first().copied().unwrap_or(0);
        if near_count >= 2 && first != 0 && s.iter().all(|x| *x == first) {
            for (offset, is_near) in n.iter().enumerate() {
                if let (true, Some(slot)) = (*is_near, part.get_mut(start + offset)) {
                    *slot = true;
                }
            }
        }
    }
    part
}

#[cfg(test)]
mod tests {
    //! Ported from NHSRplotthedots v0.2.x
    //! `tests/testthat/test-ptd_calculate_point_type.R`. R's helpers return
    //! a 0/1 marker at the *last* point of each run or trend and
    //! `ptd_part_of_seven_trend` spreads it over the 7 points; our helpers
    //! return the spread form directly, so each expectation below is R's
    //! marker vector passed through `ptd_part_of_seven_trend`.
    use super::*;

    #[test]
    fn special_causes_display_in_words() {
        assert_eq!(
            SpecialCause::RunOnOneSide { side: Side::Below }.to_string(),
            "a run of 7 points below the mean"
        );
        assert_eq!(
            SpecialCause::Trend {
                direction: TrendDirection::Increasing
            }
            .to_string(),
            "an increasing trend of 7 points"
        );
        assert_eq!(
            SpecialCause::TwoOfThreeBeyondNearLimit { side: Side::Above }.to_string(),
            "two of three points above the upper near limit"
        );
    }

    fn part_of_seven(markers: &[i32]) -> Vec<bool> {
        // ptd_part_of_seven_trend: a point is part if it or one of the
        // next 6 carries a marker.
        (0..markers.len())
            .map(|i| markers.iter().skip(i).take(RUN_LENGTH).any(|m| *m != 0))
            .collect()
    }

    #[test]
    fn seven_point_one_side_mean_works_as_expected() {
        // "ptd_seven_point_one_side_mean works as expected"
        assert_eq!(run_sides(&[]), Vec::<bool>::new());
        assert_eq!(run_sides(&[1; 6]), part_of_seven(&[0; 6]));
        assert_eq!(run_sides(&[1, 1, 1, 1, 1, 1, -1]), part_of_seven(&[0; 7]));
        assert_eq!(
            run_sides(&[1, 1, 1, 1, 1, 1, 1, 1, -1]),
            part_of_seven(&[0, 0, 0, 0, 0, 0, 1, 1, 0])
        );
        assert_eq!(
            run_sides(&[-1, -1, -1, -1, -1, -1, -1, -1, 1]),
            part_of_seven(&[0, 0, 0, 0, 0, 0, 1, 1, 0])
        );
    }

    #[test]
    fn part_of_seven_trend_works_as_expected() {
        // "ptd_part_of_seven_trend works as expected"
        assert_eq!(
            run_sides(&[-1, 1, 1, 1, 1, 1, 1, 1, 1, -1]),
            part_of_seven(&[0, 0, 0, 0, 0, 0, 0, 1, 1, 0])
        );
        assert_eq!(
            run_sides(&[1, -1, -1, -1, -1, -1, -1, -1, -1, 1]),
            part_of_seven(&[0, 0, 0, 0, 0, 0, 0, 1, 1, 0])
        );
        assert_eq!(
            run_sides(&[-1, 1, 1, 1, 1, 1, 1, 1, 1, -1]),
            vec![false, true, true, true, true, true, true, true, true, false]
        );
    }

    #[test]
    fn a_point_on_the_mean_breaks_a_run() {
        assert_eq!(run_sides(&[1, 1, 1, 0, 1, 1, 1, 1]), vec![false; 8]);
    }

    fn trend(values: &[f64]) -> Vec<i32> {
        trend_directions(values)
            .iter()
            .map(|d| match d {
                Some(TrendDirection::Increasing) => 1,
                Some(TrendDirection::Decreasing) => -1,
                None => 0,
            })
            .collect()
    }

    fn spread(markers: &[i32]) -> Vec<i32> {
        // Spread R's end-of-trend markers over the 7 points of the trend,
        // later trends winning (as in our helper).
        let mut out = vec![0; markers.len()];
        for (end, m) in markers.iter().enumerate() {
            if *m != 0 {
                for slot in out.iter_mut().take(end + 1).skip(end + 1 - RUN_LENGTH) {
                    *slot = *m;
                }
            }
        }
        out
    }

    #[test]
    fn seven_point_trend_works_as_expected() {
        // "ptd_seven_point_trend works as expected"
        let f = |v: &[i32]| v.iter().map(|x| f64::from(*x)).collect::<Vec<_>>();
        assert_eq!(trend(&[]), Vec::<i32>::new());
        assert_eq!(trend(&f(&[1, 2, 3, 4, 5, 6])), spread(&[0; 6]));
        // c(1:3, 3:6): the tie breaks the trend.
        assert_eq!(trend(&f(&[1, 2, 3, 3, 4, 5, 6])), spread(&[0; 7]));
        assert_eq!(
            trend(&f(&[1, 2, 3, 4, 5, 6, 7])),
            spread(&[0, 0, 0, 0, 0, 0, 1])
        );
        assert_eq!(
            trend(&f(&[2, 1, 2, 3, 4, 5, 6, 7, 3])),
            spread(&[0, 0, 0, 0, 0, 0, 0, 1, 0])
        );
        assert_eq!(
            trend(&f(&[7, 6, 5, 4, 3, 2, 1])),
            spread(&[0, 0, 0, 0, 0, 0, -1])
        );
        assert_eq!(
            trend(&f(&[2, 7, 6, 5, 4, 3, 2, 1, 3])),
            spread(&[0, 0, 0, 0, 0, 0, 0, -1, 0])
        );
    }

    #[test]
    fn a_shared_peak_takes_the_later_trend() {
        let v: Vec<f64> = [1, 2, 3, 4, 5, 6, 7, 6, 5, 4, 3, 2, 1]
            .iter()
            .map(|x| f64::from(*x))
            .collect();
        let t = trend(&v);
        assert_eq!(t, vec![1, 1, 1, 1, 1, 1, -1, -1, -1, -1, -1, -1, -1]);
    }

    fn b(v: &[i32]) -> Vec<bool> {
        v.iter().map(|x| *x != 0).collect()
    }

    #[test]
    fn two_in_three_works_as_expected() {
        // "ptd_two_in_three works as expected" and "ptd_part_of_two_in_three
        // works as expected" (R's later test passes the result through
        // ptd_part_of_two_in_three, which keeps only the near points). R's
        // `ptd_two_in_three` marks every point of a qualifying window; the
        // part-of step keeps the near ones, which is what we return. All
        // points are put on one side of the mean, as R's 0.2.x same-side
        // check requires.
        let same = |n: usize| vec![1_i8; n];
        assert_eq!(two_of_three(&[], &[]), Vec::<bool>::new());
        assert_eq!(two_of_three(&b(&[0, 0, 0]), &same(3)), b(&[0, 0, 0]));
        assert_eq!(two_of_three(&b(&[1, 0, 1]), &same(3)), b(&[1, 0, 1]));
        assert_eq!(two_of_three(&b(&[0, 1, 1]), &same(3)), b(&[0, 1, 1]));
        assert_eq!(two_of_three(&b(&[1, 1, 0]), &same(3)), b(&[1, 1, 0]));
        assert_eq!(
            two_of_three(&b(&[0, 0, 1, 0, 1, 0, 0]), &same(7)),
            b(&[0, 0, 1, 0, 1, 0, 0])
        );
        assert_eq!(
            two_of_three(&b(&[0, 0, 1, 1, 0, 0, 0]), &same(7)),
            b(&[0, 0, 1, 1, 0, 0, 0])
        );
        assert_eq!(two_of_three(&b(&[1, 0, 0, 1]), &same(4)), b(&[0, 0, 0, 0]));
        assert_eq!(
            two_of_three(&b(&[1, 0, 0, 1, 1]), &same(5)),
            b(&[0, 0, 0, 1, 1])
        );
    }

    #[test]
    fn two_in_three_needs_all_three_on_one_side() {
        // NHSRplotthedots 0.2.2 NEWS: "points on opposite sides of the mean
        // could incorrectly trigger 2-in-3" (issue #143).
        assert_eq!(two_of_three(&b(&[1, 1]), &[1, -1]), b(&[0, 0]));
        assert_eq!(two_of_three(&b(&[1, 0, 1]), &[1, -1, 1]), b(&[0, 0, 0]));
        assert_eq!(two_of_three(&b(&[1, 0, 1]), &[1, 0, 1]), b(&[0, 0, 0]));
    }
}

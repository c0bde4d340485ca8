//! [`CwtTarget`]: the thresholds CWT performance is measured against, as
//! data that changes over time, and [`target_for`].

use serde::{Deserialize, Serialize};
use std::fmt;

use crate::{CwtStandard, Percent, YearMonth};

/// Where a threshold comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TargetBasis {
    /// The NHS Constitution standard (62-day: 85%).
    Constitutional,
    /// The operational standard set by NHS England (FDS 75% from Q3
    /// 2021/22, 31-day 96%).
    OperationalStandard,
    /// A milestone asked by the NHS planning guidance for a month ("77% by
    /// March 2025"), in force from that month.
    PlanningAsk,
}

impl fmt::Display for TargetBasis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TargetBasis::Constitutional => "constitutional standard",
            TargetBasis::OperationalStandard => "operational standard",
            TargetBasis::PlanningAsk => "planning ask",
        })
    }
}

/// A threshold for a standard, in force from a month until a later entry
/// for the same standard replaces it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct CwtTarget {
    standard: CwtStandard,
    threshold: Percent,
    from: YearMonth,
    basis: TargetBasis,
}

impl CwtTarget {
    /// `threshold` of patients within `standard`, in force from `from`.
    pub fn new(
        standard: CwtStandard,
        threshold: Percent,
        from: YearMonth,
        basis: TargetBasis,
    ) -> CwtTarget {
        CwtTarget {
            standard,
            threshold,
            from,
            basis,
        }
    }

    /// The standard.
    pub fn standard(&self) -> CwtStandard {
        self.standard
    }

    /// The share of patients to be within the standard.
    pub fn threshold(&self) -> Percent {
        self.threshold
    }

    /// The first month it applies to.
    pub fn from(&self) -> YearMonth {
        self.from
    }

    /// Where it comes from.
    pub fn basis(&self) -> TargetBasis {
        self.basis
    }
}

impl fmt::Display for CwtTarget {
    /// `28-day Faster Diagnosis Standard >= 77% from 2025-03 (planning ask)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} >= {} from {} ({})",
            self.standard, self.threshold, self.from, self.basis
        )
    }
}

/// One row of the national schedule: (standard, year, month, points, basis).
type ScheduleRow = (CwtStandard, i32, u32, u8, TargetBasis);

/// The national thresholds over time (DOMAIN.md; NHS England CWT guidance
/// v12 and the 2024/25 and 2025/26 planning guidance). Ordered by standard,
/// then month.
const NATIONAL_SCHEDULE: [ScheduleRow; 7] = [
    // FDS: 75% from Q3 2021/22; planning asks 77% by March 2025, 80% by
    // March 2026.
    (
        CwtStandard::FasterDiagnosis28Day,
        2021,
        10,
        75,
        TargetBasis::OperationalStandard,
    ),
    (
        CwtStandard::FasterDiagnosis28Day,
        2025,
        3,
        77,
        TargetBasis::PlanningAsk,
    ),
    (
        CwtStandard::FasterDiagnosis28Day,
        2026,
        3,
        80,
        TargetBasis::PlanningAsk,
    ),
    // 31-day combined: 96% since the combined standards began (October 2023).
    (
        CwtStandard::Combined31Day,
        2023,
        10,
        96,
        TargetBasis::OperationalStandard,
    ),
    // 62-day combined: 85% constitutional; planning asks 70% by March 2025
    // and 75% by March 2026 (interim recovery milestones).
    (
        CwtStandard::Combined62Day,
        2023,
        10,
        85,
        TargetBasis::Constitutional,
    ),
    (
        CwtStandard::Combined62Day,
        2025,
        3,
        70,
        TargetBasis::PlanningAsk,
    ),
    (
        CwtStandard::Combined62Day,
        2026,
        3,
        75,
        TargetBasis::PlanningAsk,
    ),
];

/// Every national threshold, ordered by standard then month.
///
/// ```
/// use cancer_plan::cwt::{national_targets, TargetBasis};
/// let asks = national_targets().filter(|t| t.basis() == TargetBasis::PlanningAsk).count();
/// assert_eq!(asks, 4);
/// ```
pub fn national_targets() -> impl Iterator<Item = CwtTarget> + Clone {
    NATIONAL_SCHEDULE
        .into_iter()
        .filter_map(|(standard, year, month, points, basis)| {
            Some(CwtTarget::new(
                standard,
                Percent::from_points(points).ok()?,
                YearMonth::new(year, month).ok()?,
                basis,
            ))
        })
}

/// The threshold in force for `standard` in `month`: the latest national
/// entry that starts on or before `month`; `None` before the first.
///
/// Planning asks are milestones "by March": they come into force in that
/// March and stay until the next. For the 62-day standard that means the
/// constitutional 85% applies until the interim 70% milestone of March
/// 2025 takes over operationally; [`constitutional_target`] always gives
/// the 85%.
///
/// ```
/// use cancer_plan::{cwt::target_for, CwtStandard, YearMonth};
/// let fds = CwtStandard::FasterDiagnosis28Day;
/// let points = |m: &str| -> Result<String, Box<dyn std::error::Error>> {
///     Ok(target_for(fds, m.parse::<YearMonth>()?).ok_or("none")?.threshold().to_string())
/// };
/// assert_eq!(points("2024-10")?, "75%");
/// assert_eq!(points("2025-03")?, "77%");
/// assert_eq!(points("2026-03")?, "80%");
/// assert!(target_for(fds, "2021-09".parse()?).is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn target_for(standard: CwtStandard, month: YearMonth) -> Option<CwtTarget> {
    national_targets()
        .filter(|t| t.standard == standard && t.from <= month)
        .max_by_key(|t| t.from)
}

/// The NHS Constitution threshold of a standard, where it has one (62-day:
/// 85%).
pub fn constitutional_target(standard: CwtStandard) -> Option<CwtTarget> {
    national_targets().find(|t| t.standard == standard && t.basis == TargetBasis::Constitutional)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ym(s: &str) -> YearMonth {
        s.parse().unwrap()
    }

    #[test]
    fn schedule_is_complete_and_ordered() {
        assert_eq!(national_targets().count(), NATIONAL_SCHEDULE.len());
        let all: Vec<_> = national_targets().collect();
        for pair in all.windows(2) {
            assert!((pair[0].standard, pair[0].from) < (pair[1].standard, pair[1].from));
        }
    }

    #[test]
    fn thresholds_over_time() {
        let t = |s, m| target_for(s, ym(m)).unwrap().threshold();
        let p = |n| Percent::from_points(n).unwrap();
        assert_eq!(t(CwtStandard::FasterDiagnosis28Day, "2021-10"), p(75));
        assert_eq!(t(CwtStandard::FasterDiagnosis28Day, "2025-02"), p(75));
        assert_eq!(t(CwtStandard::FasterDiagnosis28Day, "2025-03"), p(77));
        assert_eq!(t(CwtStandard::FasterDiagnosis28Day, "2027-01"), p(80));
        assert_eq!(t(CwtStandard::Combined31Day, "2024-06"), p(96));
        assert_eq!(t(CwtStandard::Combined62Day, "2024-06"), p(85));
        assert_eq!(t(CwtStandard::Combined62Day, "2025-03"), p(70));
        assert_eq!(t(CwtStandard::Combined62Day, "2026-03"), p(75));
        assert_eq!(
            constitutional_target(CwtStandard::Combined62Day)
                .unwrap()
                .threshold(),
            p(85)
        );
        assert!(target_for(CwtStandard::Combined31Day, ym("2023-09")).is_none());
    }
}

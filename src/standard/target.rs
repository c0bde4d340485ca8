//! [`CwtTarget`]: the thresholds CWT performance is measured against, as
//! data that changes over time, and [`target_for`].

use serde::{Deserialize, Serialize};
use std::fmt;

use super::CwtStandard;
use crate::{Percent, YearMonth};

/// Where a threshold comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TargetBasis {
    /// The NHS Constitution standard (62-day: 85%).
    Constitutional,
    /// The operational standard set by NHS England (FDS 75% from Q3
    /// 2021/22, 31-day 96%).
    OperationalStandard,
    /// A milestone asked by the NHS planning guidance for a month ("77% by
    /// March 2025"), in force from that month; also the Medium Term
    /// Planning Framework's and National Cancer Plan's asks for March 2029.
    PlanningAsk,
    /// A target a caller or a plan adds (a local milestone, an ICB's own
    /// trajectory end point).
    Local,
    /// Before October 2023, the threshold of the predecessor of a combined
    /// standard (31-day first treatment 96%, 62-day from urgent GP referral
    /// 85%): the same thresholds, on the measures NHS England's extracts
    /// publish from April 2023.
    PredecessorStandard,
}

impl fmt::Display for TargetBasis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TargetBasis::Constitutional => "constitutional standard",
            TargetBasis::OperationalStandard => "operational standard",
            TargetBasis::PlanningAsk => "planning ask",
            TargetBasis::Local => "local target",
            TargetBasis::PredecessorStandard => "predecessor standard",
        })
    }
}

/// A threshold for a standard, in force from a month until a later entry
/// for the same standard replaces it.
///
/// In JSON (a plan's `local_targets`): `{"standard": "fds_28_day",
/// "threshold": "78", "from": "2025-09", "basis": "local"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
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
/// v12, the 2024/25 and 2025/26 planning guidance, the Medium Term Planning
/// Framework of October 2025 and the National Cancer Plan for England of
/// February 2026). Ordered by standard, then month. The interim milestones
/// for March 2027 and March 2028 could not be confirmed and are not
/// invented: add them with [`TargetSchedule::with_target`] once known.
const NATIONAL_SCHEDULE: [ScheduleRow; 10] = [
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
    // Held at 80% by March 2029 (Medium Term Planning Framework).
    (
        CwtStandard::FasterDiagnosis28Day,
        2029,
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
    // 96% by March 2029 (Medium Term Planning Framework, National Cancer
    // Plan).
    (
        CwtStandard::Combined31Day,
        2029,
        3,
        96,
        TargetBasis::PlanningAsk,
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
    // Back to 85% by March 2029 (Medium Term Planning Framework, National
    // Cancer Plan).
    (
        CwtStandard::Combined62Day,
        2029,
        3,
        85,
        TargetBasis::PlanningAsk,
    ),
];

/// Every national threshold, ordered by standard then month.
///
/// ```
/// use cancer_plan::cwt::{national_targets, TargetBasis};
/// let asks = national_targets().filter(|t| t.basis() == TargetBasis::PlanningAsk).count();
/// assert_eq!(asks, 7); // 2025, 2026 and 2029 milestones
/// let last = national_targets().map(|t| t.from()).max().ok_or("empty")?;
/// assert_eq!(last.to_string(), "2029-03");
/// # Ok::<(), Box<dyn std::error::Error>>(())
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

/// The **standard's own threshold** for `standard` in `month`: FDS 75%
/// (operational, from October 2021), 31-day 96% (operational) and 62-day
/// 85% (constitutional) from October 2023, and before October 2023 the
/// predecessor standards' same thresholds (basis
/// [`TargetBasis::PredecessorStandard`]); `None` for FDS before October
/// 2021.
///
/// A national planning milestone ("62-day 70% by March 2025") never
/// replaces the standard: it is a layer of its own
/// ([`milestone_in_force`](super::milestone_in_force),
/// [`next_milestone`](super::next_milestone), and all layers together in
/// [`TargetLayers`](super::TargetLayers)).
///
/// ```
/// use cancer_plan::{cwt::target_for, CwtStandard, YearMonth};
/// let fds = CwtStandard::FasterDiagnosis28Day;
/// let points = |m: &str| -> Result<String, Box<dyn std::error::Error>> {
///     Ok(target_for(fds, m.parse::<YearMonth>()?).ok_or("none")?.threshold().to_string())
/// };
/// assert_eq!(points("2024-10")?, "75%");
/// assert_eq!(points("2026-03")?, "75%"); // the 80% milestone is a layer of its own
/// assert!(target_for(fds, "2021-09".parse()?).is_none());
/// let c62 = CwtStandard::Combined62Day;
/// assert_eq!(target_for(c62, "2025-03".parse()?).ok_or("none")?.threshold().to_string(), "85%");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn target_for(standard: CwtStandard, month: YearMonth) -> Option<CwtTarget> {
    let own = super::standard_threshold(standard, month)?;
    Some(CwtTarget::new(
        standard,
        own.threshold(),
        own.month(),
        own.basis().unwrap_or(TargetBasis::OperationalStandard),
    ))
}

/// The entry in force for `standard` in `month`: the latest that starts on
/// or before it; of two starting the same month, the later in the list.
fn latest(
    targets: impl Iterator<Item = CwtTarget>,
    standard: CwtStandard,
    month: YearMonth,
) -> Option<CwtTarget> {
    targets
        .filter(|t| t.standard == standard && t.from <= month)
        .fold(None, |best: Option<CwtTarget>, t| match best {
            Some(b) if b.from > t.from => Some(b),
            _ => Some(t),
        })
}

/// The national schedule plus targets of a caller's or a plan's own
/// (local milestones). A target added for a standard and month replaces the
/// national entry of that month, and is in force until the next entry for
/// its standard, national or added.
///
/// ```
/// use cancer_plan::standard::{CwtTarget, TargetBasis, TargetSchedule};
/// use cancer_plan::{CwtStandard, Percent};
/// let fds = CwtStandard::FasterDiagnosis28Day;
/// // An ICB's own milestone: 78% from September 2025.
/// let schedule = TargetSchedule::national()
///     .with_target(CwtTarget::new(fds, Percent::from_points(78)?, "2025-09".parse()?, TargetBasis::Local));
/// let at = |m: &str| -> Result<String, Box<dyn std::error::Error>> {
///     Ok(schedule.target_for(fds, m.parse()?).ok_or("none")?.threshold().to_string())
/// };
/// assert_eq!(at("2025-08")?, "77%");
/// assert_eq!(at("2025-09")?, "78%");
/// assert_eq!(at("2026-03")?, "80%");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TargetSchedule {
    added: Vec<CwtTarget>,
    without_national: bool,
}

impl TargetSchedule {
    /// The national schedule ([`national_targets`]).
    pub fn national() -> TargetSchedule {
        TargetSchedule::default()
    }

    /// No national targets: only those added.
    pub fn empty() -> TargetSchedule {
        TargetSchedule {
            added: Vec::new(),
            without_national: true,
        }
    }

    /// The same schedule with one more target.
    pub fn with_target(mut self, target: CwtTarget) -> TargetSchedule {
        self.added.push(target);
        self
    }

    /// The same schedule with more targets.
    pub fn with_targets(mut self, targets: impl IntoIterator<Item = CwtTarget>) -> TargetSchedule {
        self.added.extend(targets);
        self
    }

    /// Every entry: the national ones (unless [`empty`](Self::empty)),
    /// then those added, in the order added.
    pub fn targets(&self) -> impl Iterator<Item = CwtTarget> + '_ {
        let national = (!self.without_national)
            .then(national_targets)
            .into_iter()
            .flatten();
        national.chain(self.added.iter().copied())
    }

    /// The **working** threshold for `standard` in `month`: the latest
    /// entry of any kind (standard, national milestone or added) starting on
    /// or before it; `None` before the first. This mixes layers on purpose
    /// (a milestone of 70% follows the 85% standard); for a board, read
    /// [`layers`](Self::layers), where each stays separate.
    pub fn target_for(&self, standard: CwtStandard, month: YearMonth) -> Option<CwtTarget> {
        latest(self.targets(), standard, month)
    }
}

impl TargetSchedule {
    /// The added (local) target in force for `standard` in `month`: the
    /// latest added entry starting on or before it.
    pub fn local_target_for(&self, standard: CwtStandard, month: YearMonth) -> Option<CwtTarget> {
        latest(self.added.iter().copied(), standard, month)
    }

    /// Every layer for `standard` in `month`: the national layers
    /// ([`TargetLayers::national`](super::TargetLayers::national)) and the
    /// added target in force, as [`TargetLayer::Local`](super::TargetLayer::Local).
    pub fn layers(&self, standard: CwtStandard, month: YearMonth) -> super::TargetLayers {
        let national = if self.without_national {
            super::TargetLayers::none(standard, month)
        } else {
            super::TargetLayers::national(standard, month)
        };
        match self.local_target_for(standard, month) {
            Some(local) => national.with(super::LayerTarget::from_cwt_target(
                super::TargetLayer::Local,
                &local,
            )),
            None => national,
        }
    }
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
        let t = |s, m| {
            TargetSchedule::national()
                .target_for(s, ym(m))
                .unwrap()
                .threshold()
        };
        let p = |n| Percent::from_points(n).unwrap();
        assert_eq!(t(CwtStandard::FasterDiagnosis28Day, "2021-10"), p(75));
        assert_eq!(t(CwtStandard::FasterDiagnosis28Day, "2025-02"), p(75));
        assert_eq!(t(CwtStandard::FasterDiagnosis28Day, "2025-03"), p(77));
        assert_eq!(t(CwtStandard::FasterDiagnosis28Day, "2027-01"), p(80));
        assert_eq!(t(CwtStandard::Combined31Day, "2024-06"), p(96));
        assert_eq!(t(CwtStandard::Combined62Day, "2024-06"), p(85));
        assert_eq!(t(CwtStandard::Combined62Day, "2025-03"), p(70));
        assert_eq!(t(CwtStandard::Combined62Day, "2026-03"), p(75));
        assert_eq!(t(CwtStandard::Combined62Day, "2029-02"), p(75));
        assert_eq!(t(CwtStandard::Combined62Day, "2029-03"), p(85));
        assert_eq!(t(CwtStandard::Combined31Day, "2029-03"), p(96));
        assert_eq!(t(CwtStandard::FasterDiagnosis28Day, "2029-03"), p(80));
        assert_eq!(t(CwtStandard::FasterDiagnosis28Day, "2031-01"), p(80));
        assert_eq!(
            constitutional_target(CwtStandard::Combined62Day)
                .unwrap()
                .threshold(),
            p(85)
        );
        assert!(TargetSchedule::national()
            .target_for(CwtStandard::Combined31Day, ym("2023-09"))
            .is_none());
        // The free function gives the standard's own threshold only.
        assert_eq!(
            target_for(CwtStandard::Combined62Day, ym("2025-03"))
                .unwrap()
                .threshold(),
            p(85)
        );
        assert_eq!(
            target_for(CwtStandard::Combined31Day, ym("2023-09"))
                .unwrap()
                .basis(),
            TargetBasis::PredecessorStandard
        );
    }

    #[test]
    fn added_targets_replace_national_ones_of_their_month() {
        let p = |n| Percent::from_points(n).unwrap();
        let c62 = CwtStandard::Combined62Day;
        let local = CwtTarget::new(c62, p(78), ym("2027-03"), TargetBasis::Local);
        let same_month = CwtTarget::new(c62, p(72), ym("2026-03"), TargetBasis::Local);
        let s = TargetSchedule::national().with_targets([local, same_month]);
        assert_eq!(s.target_for(c62, ym("2026-03")), Some(same_month));
        assert_eq!(s.target_for(c62, ym("2027-03")), Some(local));
        assert_eq!(
            s.target_for(c62, ym("2029-03")).map(|t| t.threshold()),
            Some(p(85))
        );
        let only = TargetSchedule::empty().with_target(local);
        assert!(only.target_for(c62, ym("2027-02")).is_none());
        assert_eq!(only.targets().count(), 1);
    }
}

//! [`Gap`]: a tumour site and principle not met at alliance level, and
//! whether the improvement actions close it by a deadline.

use std::fmt;

use chrono::NaiveDate;
use serde::Serialize;

use super::{AssessmentScope, ComplianceLevel, ComplianceMatrix, ImprovementAction, RdcPrinciple};
use crate::{id::Id, tumour_site::TumourSite};

/// Whether a gap's improvement actions are due by the deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GapStatus {
    /// Every ICB short of the principle has an action towards it due on or
    /// before the deadline.
    ActionsDueByDeadline,
    /// Some ICB short of the principle has actions towards it, but none due
    /// by the deadline, or has none while another ICB has one.
    MissingOrLate,
    /// No ICB short of the principle has any action towards it.
    NoAction,
}

impl fmt::Display for GapStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            GapStatus::ActionsDueByDeadline => "actions due by the deadline",
            GapStatus::MissingOrLate => "actions missing or late for some ICB",
            GapStatus::NoAction => "no action",
        })
    }
}

/// One ICB short of a principle: its level, the scope of the assessment it
/// comes from, and that assessment's actions towards the principle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IcbShortfall {
    icb: Id,
    level: ComplianceLevel,
    source: Option<AssessmentScope>,
    actions: Vec<ImprovementAction>,
}

impl IcbShortfall {
    /// The ICB.
    pub fn icb(&self) -> &Id {
        &self.icb
    }

    /// Its level (not met, partially met or not assessed).
    pub fn level(&self) -> ComplianceLevel {
        self.level
    }

    /// The scope of the assessment the level comes from (`None` when no
    /// assessment covers the ICB).
    pub fn source(&self) -> Option<&AssessmentScope> {
        self.source.as_ref()
    }

    /// The actions towards the principle, by due date then id.
    pub fn actions(&self) -> &[ImprovementAction] {
        &self.actions
    }

    /// Whether an action towards the principle is due on or before `deadline`.
    pub fn has_action_due_by(&self, deadline: NaiveDate) -> bool {
        self.actions.iter().any(|a| a.due() <= deadline)
    }
}

/// A tumour site and principle the alliance does not (yet) meet, measured
/// against a deadline.
///
/// ```
/// use cancer_plan::rdc::{AssessmentScope, ComplianceMatrix, GapStatus, ImprovementAction, PathwayAssessment, PrincipleEntry};
/// use cancer_plan::{Alliance, Icb, Id, RdcPrinciple, TumourSite};
/// use chrono::NaiveDate;
///
/// let wessex = Alliance::new("Wessex").with_icb(Icb::new(Id::new("dorset")?, "NHS Dorset ICB"));
/// let a = PathwayAssessment::builder()
///     .tumour_site(TumourSite::Lung)
///     .scope(AssessmentScope::Icb(Id::new("dorset")?))
///     .assessed_on(NaiveDate::from_ymd_opt(2022, 6, 1).ok_or("date")?)
///     .principle(PrincipleEntry::not_met(RdcPrinciple::TimelyReferral, "no standard referral criteria"))
///     .action(ImprovementAction::new(Id::new("a1")?, "adopt the national referral form", "lung SSG chair",
///         NaiveDate::from_ymd_opt(2024, 6, 30).ok_or("date")?).towards(RdcPrinciple::TimelyReferral))
///     .build()?;
/// let matrix = ComplianceMatrix::build(&wessex, [a])?;
/// let gaps = matrix.gaps(ComplianceMatrix::DEFAULT_DEADLINE);
/// assert_eq!(gaps.len(), 7); // one not met, six not assessed
/// let referral = gaps.iter().find(|g| g.principle() == RdcPrinciple::TimelyReferral).ok_or("gap")?;
/// assert_eq!(referral.status(), GapStatus::MissingOrLate); // due after 31 March 2024
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Gap {
    site: TumourSite,
    principle: RdcPrinciple,
    level: ComplianceLevel,
    deadline: NaiveDate,
    shortfalls: Vec<IcbShortfall>,
    status: GapStatus,
}

impl Gap {
    pub(super) fn new(
        matrix: &ComplianceMatrix,
        site: TumourSite,
        principle: RdcPrinciple,
        level: ComplianceLevel,
        deadline: NaiveDate,
    ) -> Gap {
        let shortfalls: Vec<IcbShortfall> = matrix
            .icbs()
            .iter()
            .filter_map(|icb| {
                let covering = matrix.covering(site, icb);
                let level = covering.map_or(ComplianceLevel::NotAssessed, |a| a.level(principle));
                if level.is_met() {
                    return None;
                }
                let mut actions: Vec<ImprovementAction> = covering
                    .map(|a| a.actions_towards(principle).cloned().collect())
                    .unwrap_or_default();
                actions.sort_by(|x, y| (x.due(), x.id()).cmp(&(y.due(), y.id())));
                Some(IcbShortfall {
                    icb: icb.clone(),
                    level,
                    source: covering.map(|a| a.scope().clone()),
                    actions,
                })
            })
            .collect();
        let status = if shortfalls.iter().all(|s| s.actions.is_empty()) {
            GapStatus::NoAction
        } else if shortfalls.iter().all(|s| s.has_action_due_by(deadline)) {
            GapStatus::ActionsDueByDeadline
        } else {
            GapStatus::MissingOrLate
        };
        Gap {
            site,
            principle,
            level,
            deadline,
            shortfalls,
            status,
        }
    }

    /// The tumour site.
    pub fn site(&self) -> TumourSite {
        self.site
    }

    /// The principle.
    pub fn principle(&self) -> RdcPrinciple {
        self.principle
    }

    /// The alliance level (never met).
    pub fn level(&self) -> ComplianceLevel {
        self.level
    }

    /// The deadline the gap is measured against.
    pub fn deadline(&self) -> NaiveDate {
        self.deadline
    }

    /// The ICBs short of the principle, in the alliance's order.
    pub fn shortfalls(&self) -> &[IcbShortfall] {
        &self.shortfalls
    }

    /// Whether the actions close the gap by the deadline.
    pub fn status(&self) -> GapStatus {
        self.status
    }
}

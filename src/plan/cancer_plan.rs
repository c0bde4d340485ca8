//! [`CancerPlan`]: a Cancer Alliance's validated plan for one financial year.

use serde::{Deserialize, Serialize};

use super::{
    CancerPlanBuilder, DeliveryAsk, IcbAction, Intervention, PlanStatus, StatutoryResponsibility,
};
use crate::capacity::ImprovementCapacity;
use crate::rdc::{ComplianceMatrix, PathwayAssessment};
use crate::standard::{CwtTarget, MonthlyTrajectory, TargetSchedule};
use crate::{budget::BudgetAllocation, org::Alliance, period::FinancialYear};

/// A Cancer Alliance's plan for one NHS financial year, written on behalf of
/// its ICBs. Valid by construction: the only ways to get one are
/// [`CancerPlan::builder`] and deserialisation, and both run the same checks
/// ([`CancerPlanBuilder::build`]). It has no mutable access.
///
/// ```
/// use cancer_plan::{Alliance, CancerPlan, Icb, Id, PlanStatus};
///
/// let plan = CancerPlan::builder()
///     .status(PlanStatus::Draft)
///     .financial_year("2024/25".parse()?)
///     .title("Wessex Cancer Alliance 2024/25 Planning Proposals")
///     .alliance(
///         Alliance::new("Wessex Cancer Alliance")
///             .with_icb(Icb::new(Id::new("dorset")?, "NHS Dorset ICB")),
///     )
///     .build()?;
/// assert_eq!(plan.financial_year().to_string(), "2024/25");
///
/// // Deserialisation runs the same checks.
/// let json = serde_json::to_string(&plan)?;
/// let back: CancerPlan = serde_json::from_str(&json)?;
/// assert_eq!(back, plan);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "CancerPlanBuilder")]
pub struct CancerPlan {
    pub(super) title: String,
    pub(super) alliance: Alliance,
    pub(super) financial_year: FinancialYear,
    pub(super) status: PlanStatus,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) responsibilities: Vec<StatutoryResponsibility>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) budget: Option<BudgetAllocation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) local_targets: Vec<CwtTarget>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) trajectories: Vec<MonthlyTrajectory>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) improvement_capacity: Option<ImprovementCapacity>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) rdc_assessments: Vec<PathwayAssessment>,
}

impl CancerPlan {
    /// A builder: set fields in any order, then [`CancerPlanBuilder::build`].
    pub fn builder() -> CancerPlanBuilder {
        CancerPlanBuilder::default()
    }

    /// The plan's title.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The alliance whose plan it is.
    pub fn alliance(&self) -> &Alliance {
        &self.alliance
    }

    /// The financial year it covers.
    pub fn financial_year(&self) -> FinancialYear {
        self.financial_year
    }

    /// Draft or approved.
    pub fn status(&self) -> PlanStatus {
        self.status
    }

    /// The statutory responsibilities, in plan order.
    pub fn responsibilities(&self) -> &[StatutoryResponsibility] {
        &self.responsibilities
    }

    /// The budget allocation, if the plan has one.
    pub fn budget(&self) -> Option<&BudgetAllocation> {
        self.budget.as_ref()
    }

    /// The plan's own targets (local milestones), beside the national ones.
    pub fn local_targets(&self) -> &[CwtTarget] {
        &self.local_targets
    }

    /// The national target schedule with the plan's own targets added:
    /// `plan.target_schedule().target_for(standard, month)` honours them.
    pub fn target_schedule(&self) -> TargetSchedule {
        TargetSchedule::national().with_targets(self.local_targets.iter().copied())
    }

    /// The monthly trajectories (planned totals and within-standard counts
    /// per standard, organisation and month).
    pub fn trajectories(&self) -> &[MonthlyTrajectory] {
        &self.trajectories
    }

    /// The improvement capacity proposal, if the plan holds one.
    pub fn improvement_capacity(&self) -> Option<&ImprovementCapacity> {
        self.improvement_capacity.as_ref()
    }

    /// The RDC pathway assessments, in plan order.
    pub fn rdc_assessments(&self) -> &[PathwayAssessment] {
        &self.rdc_assessments
    }

    /// The RDC compliance matrix of the plan's assessments over its
    /// alliance (`None` only if the matrix's own checks fail, which the
    /// plan's checks rule out).
    pub fn compliance_matrix(&self) -> Option<ComplianceMatrix> {
        ComplianceMatrix::build(&self.alliance, self.rdc_assessments.iter().cloned()).ok()
    }

    /// Every delivery ask, in plan order.
    pub fn delivery_asks(&self) -> impl Iterator<Item = &DeliveryAsk> {
        self.responsibilities.iter().flat_map(|r| r.delivery_asks())
    }

    /// Every intervention, in plan order.
    pub fn interventions(&self) -> impl Iterator<Item = &Intervention> {
        self.responsibilities.iter().flat_map(|r| r.interventions())
    }

    /// Every action asked of ICBs, in plan order.
    pub fn icb_actions(&self) -> impl Iterator<Item = &IcbAction> {
        self.responsibilities.iter().flat_map(|r| r.icb_actions())
    }

    /// The delivery ask with this id.
    pub fn delivery_ask(&self, id: &str) -> Option<&DeliveryAsk> {
        self.delivery_asks().find(|a| a.id().as_str() == id)
    }

    /// A builder holding this plan's content, to derive a changed plan (which
    /// is checked again when built).
    pub fn to_builder(&self) -> CancerPlanBuilder {
        CancerPlanBuilder::from(self.clone())
    }
}

impl TryFrom<CancerPlanBuilder> for CancerPlan {
    type Error = crate::validate::ValidationErrors;
    fn try_from(builder: CancerPlanBuilder) -> Result<CancerPlan, Self::Error> {
        builder.build()
    }
}

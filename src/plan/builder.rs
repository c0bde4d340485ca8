//! [`CancerPlanBuilder`]: collects a plan's content in any order and checks
//! every invariant at [`CancerPlanBuilder::build`].

use std::collections::{HashMap, HashSet};

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::sections;
use super::{AskKind, CancerPlan, IcbScope, PlanStatus, StatutoryResponsibility, TargetPopulation};
use crate::capacity::{ImprovementCapacity, ImprovementCapacityBuilder};
use crate::rdc::{PathwayAssessment, PathwayAssessmentBuilder};
use crate::standard::{CwtTarget, MonthlyTrajectory};
use crate::validate::FieldPath;
use crate::validate::{Bound, Checker, IdRegistry};
use crate::{
    budget::BudgetAllocation, org::Alliance, period::FinancialYear, validate::Rule,
    validate::ValidationErrors,
};

/// Builds a [`CancerPlan`]. Setters never fail; [`build`](Self::build) checks
/// everything and reports every violation at once.
///
/// It is also the plan's unchecked JSON form: a [`CancerPlan`] deserialises
/// through this builder, so JSON input meets exactly the same checks.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CancerPlanBuilder {
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    alliance: Option<Alliance>,
    #[serde(default)]
    financial_year: Option<FinancialYear>,
    #[serde(default)]
    status: Option<PlanStatus>,
    #[serde(default)]
    responsibilities: Vec<StatutoryResponsibility>,
    #[serde(default)]
    budget: Option<BudgetAllocation>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    local_targets: Vec<CwtTarget>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    trajectories: Vec<MonthlyTrajectory>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    improvement_capacity: Option<ImprovementCapacityBuilder>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    rdc_assessments: Vec<PathwayAssessmentBuilder>,
}

impl CancerPlanBuilder {
    /// Sets the title.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Sets the alliance.
    pub fn alliance(mut self, alliance: Alliance) -> Self {
        self.alliance = Some(alliance);
        self
    }

    /// Sets the financial year.
    pub fn financial_year(mut self, year: FinancialYear) -> Self {
        self.financial_year = Some(year);
        self
    }

    /// Sets the status (draft by default).
    pub fn status(mut self, status: PlanStatus) -> Self {
        self.status = Some(status);
        self
    }

    /// Adds a statutory responsibility.
    pub fn responsibility(mut self, responsibility: StatutoryResponsibility) -> Self {
        self.responsibilities.push(responsibility);
        self
    }

    /// Replaces the statutory responsibilities.
    pub fn responsibilities(mut self, responsibilities: Vec<StatutoryResponsibility>) -> Self {
        self.responsibilities = responsibilities;
        self
    }

    /// Sets the budget allocation.
    pub fn budget(mut self, budget: BudgetAllocation) -> Self {
        self.budget = Some(budget);
        self
    }

    /// Adds a target of the plan's own (a local milestone), honoured by
    /// [`CancerPlan::target_schedule`].
    pub fn local_target(mut self, target: CwtTarget) -> Self {
        self.local_targets.push(target);
        self
    }

    /// Adds a monthly trajectory.
    pub fn trajectory(mut self, trajectory: MonthlyTrajectory) -> Self {
        self.trajectories.push(trajectory);
        self
    }

    /// Sets the improvement capacity proposal.
    pub fn improvement_capacity(mut self, capacity: ImprovementCapacity) -> Self {
        self.improvement_capacity = Some(capacity.into());
        self
    }

    /// Adds an RDC pathway assessment.
    pub fn rdc_assessment(mut self, assessment: PathwayAssessment) -> Self {
        self.rdc_assessments.push(assessment.into());
        self
    }

    /// Checks every invariant and returns the plan, or every violation found.
    ///
    /// Only `title`, `alliance` and `financial_year` are required: a plan
    /// may hold a board paper that has no responsibilities table (the 2021
    /// improvement capacity paper is such a plan: its content is the
    /// `improvement_capacity` section), and every section is optional.
    ///
    /// Invariants:
    /// - `title`, `alliance` and `financial_year` are given; names and
    ///   wordings are not blank;
    /// - the alliance spans at least one ICB; ICB ids and provider ODS codes
    ///   are unique; a provider's ICB is one of the alliance's;
    /// - ids of responsibilities, asks, interventions and ICB actions are
    ///   unique across the plan (one namespace, so a reference is never
    ///   ambiguous);
    /// - each statutory duty appears at most once;
    /// - an intervention's asks exist in the plan; an action's ICBs exist in
    ///   the alliance, and an explicit ICB list is not empty;
    /// - a performance target's threshold is above 0% (and at most 100%, by
    ///   its type); its month is not before the plan's financial year;
    /// - a stage shift names at least one population; a "most deprived" share
    ///   is above 0% and below 100%;
    /// - the budget's own invariants (see [`BudgetAllocation`]);
    /// - the optional sections, checked against the rest of the plan (see
    ///   `plan/sections.rs`): a local target is not before the plan's year;
    ///   a trajectory's organisation is an ICB or provider of the alliance,
    ///   its months lie in the plan's year, once each, with `within <=
    ///   total`; the ask it names is a performance-target ask of the plan
    ///   for the same standard; one trajectory per standard and
    ///   organisation; the improvement capacity's and each RDC
    ///   assessment's own invariants, under their paths; the capacity's
    ///   ICBs and posts' host ICBs, and the assessments' ICB scopes, are
    ///   ICBs of the plan's alliance; no two assessments share site, scope
    ///   and date.
    ///
    /// # Errors
    ///
    /// Every violation found, each at its path, when any invariant fails.
    ///
    /// ```
    /// use cancer_plan::CancerPlan;
    /// let errors = CancerPlan::builder().title(" ").build().err().ok_or("should fail")?;
    /// let paths: Vec<String> = errors.iter().map(|v| v.path().to_string()).collect();
    /// assert_eq!(paths, ["title", "alliance", "financial_year"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ValidationErrors`] with every violation of the rules above, each with
    /// its path.
    pub fn build(self) -> Result<CancerPlan, ValidationErrors> {
        let mut checker = Checker::new();
        checker.required_text(&FieldPath::root().field("title"), self.title.as_deref());
        checker.require(&FieldPath::root().field("alliance"), self.alliance.as_ref());
        checker.require(
            &FieldPath::root().field("financial_year"),
            self.financial_year.as_ref(),
        );
        if let Some(alliance) = &self.alliance {
            alliance.check(&mut checker, &FieldPath::root().field("alliance"));
        }
        check_responsibilities(
            &mut checker,
            &self.responsibilities,
            self.alliance.as_ref(),
            self.financial_year,
        );
        if let Some(budget) = &self.budget {
            budget.check(
                &mut checker,
                &FieldPath::root().field("budget"),
                self.alliance.as_ref(),
            );
        }
        let context = sections::Context {
            alliance: self.alliance.as_ref(),
            year: self.financial_year,
            responsibilities: &self.responsibilities,
        };
        sections::check_local_targets(&mut checker, &context, &self.local_targets);
        sections::check_trajectories(&mut checker, &context, &self.trajectories);
        let capacity = self
            .improvement_capacity
            .and_then(|c| sections::build_capacity(&mut checker, &context, c));
        let assessments = sections::build_assessments(&mut checker, &context, self.rdc_assessments);
        match (self.title, self.alliance, self.financial_year) {
            (Some(title), Some(alliance), Some(financial_year)) if checker.is_clean() => checker
                .finish(CancerPlan {
                    title,
                    alliance,
                    financial_year,
                    status: self.status.unwrap_or(PlanStatus::Draft),
                    responsibilities: self.responsibilities,
                    budget: self.budget,
                    local_targets: self.local_targets,
                    trajectories: self.trajectories,
                    improvement_capacity: capacity,
                    rdc_assessments: assessments,
                }),
            _ => checker.finish_err(),
        }
    }
}

impl From<CancerPlan> for CancerPlanBuilder {
    fn from(plan: CancerPlan) -> CancerPlanBuilder {
        CancerPlanBuilder {
            title: Some(plan.title),
            alliance: Some(plan.alliance),
            financial_year: Some(plan.financial_year),
            status: Some(plan.status),
            responsibilities: plan.responsibilities,
            budget: plan.budget,
            local_targets: plan.local_targets,
            trajectories: plan.trajectories,
            improvement_capacity: plan.improvement_capacity.map(Into::into),
            rdc_assessments: plan.rdc_assessments.into_iter().map(Into::into).collect(),
        }
    }
}

fn check_responsibilities(
    checker: &mut Checker,
    responsibilities: &[StatutoryResponsibility],
    alliance: Option<&Alliance>,
    year: Option<FinancialYear>,
) {
    // First pass: ids (so references can point forwards) and per-item rules.
    let mut ids = IdRegistry::new();
    let mut asks: HashSet<&str> = HashSet::new();
    let mut duties = HashMap::new();
    for (r, resp) in responsibilities.iter().enumerate() {
        let at = FieldPath::root().field("responsibilities").index(r);
        ids.register(checker, resp.id(), || at.field("id"));
        checker.not_empty(|| at.field("wording"), resp.wording());
        checker.at_most_once(&mut duties, resp.duty(), resp.duty().code(), || {
            at.field("duty")
        });
        for (a, ask) in resp.delivery_asks().iter().enumerate() {
            let at = at.field("delivery_asks").index(a);
            ids.register(checker, ask.id(), || at.field("id"));
            asks.insert(ask.id().as_str());
            checker.not_empty(|| at.field("wording"), ask.wording());
            check_ask_kind(checker, &at.field("kind"), ask.kind(), year);
        }
        for (i, intervention) in resp.interventions().iter().enumerate() {
            let at = at.field("interventions").index(i);
            ids.register(checker, intervention.id(), || at.field("id"));
            checker.not_empty(|| at.field("name"), intervention.name());
        }
        for (i, action) in resp.icb_actions().iter().enumerate() {
            let at = at.field("icb_actions").index(i);
            ids.register(checker, action.id(), || at.field("id"));
            checker.not_empty(|| at.field("wording"), action.wording());
            if let IcbScope::Only(icbs) = action.icbs() {
                checker.not_empty_list(|| at.field("icbs").field("only"), icbs);
                if let Some(alliance) = alliance {
                    for (k, icb) in icbs.iter().enumerate() {
                        alliance.check_icb(
                            checker,
                            || at.field("icbs").field("only").index(k),
                            icb,
                        );
                    }
                }
            }
        }
    }
    // Second pass: references from interventions to asks anywhere in the plan.
    for (r, resp) in responsibilities.iter().enumerate() {
        for (i, intervention) in resp.interventions().iter().enumerate() {
            for (k, ask) in intervention.serves().iter().enumerate() {
                if !asks.contains(ask.as_str()) {
                    checker.push(
                        FieldPath::root()
                            .field("responsibilities")
                            .index(r)
                            .field("interventions")
                            .index(i)
                            .field("serves")
                            .index(k),
                        ask,
                        Rule::Resolves {
                            target: "delivery ask of the plan".into(),
                        },
                    );
                }
            }
        }
    }
}

fn check_ask_kind(
    checker: &mut Checker,
    at: &FieldPath,
    kind: &AskKind,
    year: Option<FinancialYear>,
) {
    match kind {
        AskKind::PerformanceTarget(target) => {
            let at = at.field("performance_target");
            if target.threshold().points() <= Decimal::ZERO {
                checker.push(
                    at.field("threshold"),
                    target.threshold(),
                    Rule::InRange {
                        min: Some(Bound::exclusive("0%")),
                        max: Some(Bound::inclusive("100%")),
                    },
                );
            }
            if let Some(year) = year
                && target.by() < year.first_month()
            {
                checker.push(
                    at.field("by"),
                    target.by(),
                    Rule::NotBefore {
                        earliest: year.first_month().to_string(),
                        because: format!("the first month of the plan's year {year}"),
                    },
                );
            }
        }
        AskKind::StageShift { populations } => {
            let at = at.field("stage_shift");
            checker.not_empty_list(|| at.field("populations"), populations);
            for (p, population) in populations.iter().enumerate() {
                if let TargetPopulation::MostDeprived { share } = population {
                    let points = share.points();
                    if points <= Decimal::ZERO || points >= Decimal::ONE_HUNDRED {
                        checker.push(
                            at.field("populations")
                                .index(p)
                                .field("most_deprived")
                                .field("share"),
                            share,
                            Rule::InRange {
                                min: Some(Bound::exclusive("0%")),
                                max: Some(Bound::exclusive("100%")),
                            },
                        );
                    }
                }
            }
        }
        AskKind::EquitableCapacity { service } => {
            let at = at.field("equitable_capacity");
            checker.not_empty(|| at.field("service"), service);
        }
        AskKind::Programme { focus, .. } => {
            let at = at.field("programme");
            for (f, item) in focus.iter().enumerate() {
                checker.not_empty(|| at.field("focus").index(f), item);
            }
        }
    }
}

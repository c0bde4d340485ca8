//! The plan's optional sections (local targets, monthly trajectories,
//! improvement capacity, RDC assessments), checked against the rest of the
//! plan by [`CancerPlanBuilder::build`](super::CancerPlanBuilder::build).

use std::collections::HashMap;

use super::{AskKind, StatutoryResponsibility};
use crate::capacity::{ImprovementCapacity, ImprovementCapacityBuilder};
use crate::rdc::{AssessmentScope, PathwayAssessment, PathwayAssessmentBuilder};
use crate::standard::{CwtTarget, MonthlyTrajectory, TrajectoryOrganisation};
use crate::validate::{Bound, Checker, FieldPath};
use crate::{org::Alliance, period::FinancialYear, validate::Rule};

/// What the sections are checked against.
pub(super) struct Context<'a> {
    pub(super) alliance: Option<&'a Alliance>,
    pub(super) year: Option<FinancialYear>,
    pub(super) responsibilities: &'a [StatutoryResponsibility],
}

/// A local target comes into force no earlier than the plan's year.
pub(super) fn check_local_targets(checker: &mut Checker, cx: &Context<'_>, targets: &[CwtTarget]) {
    let Some(year) = cx.year else { return };
    for (i, target) in targets.iter().enumerate() {
        if target.from() < year.first_month() {
            checker.push(
                FieldPath::root()
                    .field("local_targets")
                    .index(i)
                    .field("from"),
                target.from(),
                Rule::NotBefore {
                    earliest: year.first_month().to_string(),
                    because: format!("the first month of the plan's year {year}"),
                },
            );
        }
    }
}

/// Organisations exist, months lie in the plan's year once each with
/// `within <= total`, the ask named is a performance target of the same
/// standard, one trajectory per standard and organisation.
pub(super) fn check_trajectories(
    checker: &mut Checker,
    cx: &Context<'_>,
    trajectories: &[MonthlyTrajectory],
) {
    let mut seen = HashMap::new();
    for (t, trajectory) in trajectories.iter().enumerate() {
        let at = FieldPath::root().field("trajectories").index(t);
        let key = (trajectory.standard(), trajectory.organisation().clone());
        checker.at_most_once(&mut seen, key, trajectory.organisation(), || {
            at.field("organisation")
        });
        if let Some(alliance) = cx.alliance {
            match trajectory.organisation() {
                TrajectoryOrganisation::Icb(icb) => {
                    let path = at.clone().field("organisation").field("icb");
                    alliance.check_icb(checker, || path.clone(), icb);
                }
                TrajectoryOrganisation::Provider(ods) => {
                    if !alliance.providers().iter().any(|p| p.ods_code() == ods) {
                        checker.push(
                            at.clone().field("organisation").field("provider"),
                            ods,
                            Rule::Resolves {
                                target: "provider of the alliance".into(),
                            },
                        );
                    }
                }
            }
        }
        if let Some(ask) = trajectory.ask() {
            let found = cx
                .responsibilities
                .iter()
                .flat_map(|r| r.delivery_asks())
                .find(|a| a.id() == ask);
            match found.map(|a| a.kind()) {
                Some(AskKind::PerformanceTarget(target)) => {
                    if target.standard() != trajectory.standard() {
                        checker.push(
                            at.clone().field("standard"),
                            trajectory.standard(),
                            Rule::Agrees {
                                expected: target.standard().to_string(),
                                with: format!("ask `{ask}`"),
                            },
                        );
                    }
                }
                _ => checker.push(
                    at.clone().field("ask"),
                    ask,
                    Rule::Resolves {
                        target: "performance-target ask of the plan".into(),
                    },
                ),
            }
        }
        checker.not_empty_list(|| at.field("months"), trajectory.months());
        let mut months = HashMap::new();
        for (m, planned) in trajectory.months().iter().enumerate() {
            let at = at.clone().field("months").index(m);
            checker.at_most_once(&mut months, planned.month(), planned.month(), || {
                at.field("month")
            });
            if let Some(year) = cx.year
                && !year.contains_month(planned.month())
            {
                checker.push(
                    at.clone().field("month"),
                    planned.month(),
                    Rule::InRange {
                        min: Some(Bound::inclusive(year.first_month())),
                        max: Some(Bound::inclusive(year.last_month())),
                    },
                );
            }
            if planned.within() > planned.total() {
                checker.push(
                    at.clone().field("within"),
                    planned.within(),
                    Rule::InRange {
                        min: None,
                        max: Some(Bound::inclusive(format!(
                            "{} (the month's total)",
                            planned.total()
                        ))),
                    },
                );
            }
        }
    }
}

/// Builds the capacity proposal (its violations under
/// `improvement_capacity`) and checks its ICBs against the plan's alliance.
pub(super) fn build_capacity(
    checker: &mut Checker,
    cx: &Context<'_>,
    builder: ImprovementCapacityBuilder,
) -> Option<ImprovementCapacity> {
    let at = FieldPath::root().field("improvement_capacity");
    let capacity = match builder.build() {
        Ok(capacity) => capacity,
        Err(errors) => {
            for v in errors {
                checker.push_violation(v.under(&at));
            }
            return None;
        }
    };
    if let Some(alliance) = cx.alliance {
        for (i, icb) in capacity.alliance().icbs().iter().enumerate() {
            let path = at
                .clone()
                .field("alliance")
                .field("icbs")
                .index(i)
                .field("id");
            alliance.check_icb(checker, || path.clone(), icb.id());
        }
        for (p, post) in capacity.posts().iter().enumerate() {
            let path = at.clone().field("posts").index(p).field("host_icb");
            alliance.check_icb(checker, || path.clone(), post.host_icb());
        }
    }
    Some(capacity)
}

/// Builds each RDC assessment (violations under `rdc_assessments[i]`),
/// checks ICB scopes against the plan's alliance and that no two share
/// site, scope and date.
pub(super) fn build_assessments(
    checker: &mut Checker,
    cx: &Context<'_>,
    builders: Vec<PathwayAssessmentBuilder>,
) -> Vec<PathwayAssessment> {
    let mut built = Vec::with_capacity(builders.len());
    let mut keys = HashMap::new();
    for (i, builder) in builders.into_iter().enumerate() {
        let at = FieldPath::root().field("rdc_assessments").index(i);
        match builder.build() {
            Ok(assessment) => {
                if let (Some(alliance), AssessmentScope::Icb(icb)) =
                    (cx.alliance, assessment.scope())
                {
                    let path = at.clone().field("scope").field("icb");
                    alliance.check_icb(checker, || path.clone(), icb);
                }
                let key = (
                    assessment.tumour_site(),
                    assessment.scope().clone(),
                    assessment.assessed_on(),
                );
                match keys.get(&key) {
                    Some(first) => checker.push(
                        at.clone().field("assessed_on"),
                        assessment.assessed_on(),
                        Rule::SameKeyAs {
                            first: FieldPath::root()
                                .field("rdc_assessments")
                                .index(*first)
                                .field("assessed_on"),
                            key: "tumour site, scope and date (the latest must be unambiguous)"
                                .into(),
                        },
                    ),
                    None => {
                        keys.insert(key, i);
                    }
                }
                built.push(assessment);
            }
            Err(errors) => {
                for v in errors {
                    checker.push_violation(v.under(&at));
                }
            }
        }
    }
    built
}

//! [`StatutoryResponsibility`]: one row of table 1 of a plan.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{DeliveryAsk, IcbAction, Intervention};
use crate::id::Id;

/// The statutory responsibilities an alliance plans against on behalf of its
/// ICBs (table 1 of the 2024/25 proposals). `#[non_exhaustive]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum StatutoryDuty {
    /// Improve quality of services and outcomes.
    ImproveQualityAndOutcomes,
    /// Lead the NHS and wider system through clinical professionals and
    /// supporting the NHS People plan.
    LeadThroughClinicalProfessionals,
    /// Reduce inequalities to access and outcome of services.
    ReduceInequalities,
}

impl StatutoryDuty {
    /// The snake_case code used in JSON (`reduce_inequalities`).
    pub const fn code(self) -> &'static str {
        match self {
            StatutoryDuty::ImproveQualityAndOutcomes => "improve_quality_and_outcomes",
            StatutoryDuty::LeadThroughClinicalProfessionals => {
                "lead_through_clinical_professionals"
            }
            StatutoryDuty::ReduceInequalities => "reduce_inequalities",
        }
    }

    /// Every duty, in table 1's order.
    pub const ALL: [StatutoryDuty; 3] = [
        StatutoryDuty::ImproveQualityAndOutcomes,
        StatutoryDuty::LeadThroughClinicalProfessionals,
        StatutoryDuty::ReduceInequalities,
    ];
}

impl fmt::Display for StatutoryDuty {
    /// The duty in the words of table 1 of the Wessex 2024/25 proposals.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            StatutoryDuty::ImproveQualityAndOutcomes => "Improve quality of services and outcomes",
            StatutoryDuty::LeadThroughClinicalProfessionals => {
                "Lead the NHS and wider system through clinical professionals and supporting the NHS People plan"
            }
            StatutoryDuty::ReduceInequalities => {
                "Reduce inequalities to access and outcome of services"
            }
        })
    }
}

/// A statutory responsibility with what the plan does about it: its key
/// delivery asks, the interventions, and the actions asked of ICBs.
///
/// ```
/// use cancer_plan::{Id, StatutoryDuty, StatutoryResponsibility};
/// let r = StatutoryResponsibility::new(
///     Id::new("quality")?,
///     StatutoryDuty::ImproveQualityAndOutcomes,
///     "Improve quality of services and outcomes",
/// );
/// assert_eq!(r.delivery_asks().len(), 0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StatutoryResponsibility {
    id: Id,
    duty: StatutoryDuty,
    wording: String,
    #[serde(default)]
    delivery_asks: Vec<DeliveryAsk>,
    #[serde(default)]
    interventions: Vec<Intervention>,
    #[serde(default)]
    icb_actions: Vec<IcbAction>,
}

impl StatutoryResponsibility {
    /// A responsibility for `duty`, worded as in the plan.
    pub fn new(id: Id, duty: StatutoryDuty, wording: impl Into<String>) -> StatutoryResponsibility {
        StatutoryResponsibility {
            id,
            duty,
            wording: wording.into(),
            delivery_asks: Vec::new(),
            interventions: Vec::new(),
            icb_actions: Vec::new(),
        }
    }

    /// The same responsibility with one more key delivery ask.
    pub fn with_ask(mut self, ask: DeliveryAsk) -> Self {
        self.delivery_asks.push(ask);
        self
    }

    /// The same responsibility with one more intervention.
    pub fn with_intervention(mut self, intervention: Intervention) -> Self {
        self.interventions.push(intervention);
        self
    }

    /// The same responsibility with one more action for ICBs.
    pub fn with_icb_action(mut self, action: IcbAction) -> Self {
        self.icb_actions.push(action);
        self
    }

    /// Its id.
    pub fn id(&self) -> &Id {
        &self.id
    }

    /// The statutory duty it answers.
    pub fn duty(&self) -> StatutoryDuty {
        self.duty
    }

    /// Its wording in the plan.
    pub fn wording(&self) -> &str {
        &self.wording
    }

    /// The key delivery asks.
    pub fn delivery_asks(&self) -> &[DeliveryAsk] {
        &self.delivery_asks
    }

    /// The interventions.
    pub fn interventions(&self) -> &[Intervention] {
        &self.interventions
    }

    /// The actions asked of ICBs.
    pub fn icb_actions(&self) -> &[IcbAction] {
        &self.icb_actions
    }
}

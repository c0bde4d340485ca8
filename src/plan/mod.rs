//! The plan itself: [`CancerPlan`], built and checked by
//! [`CancerPlanBuilder`], holding the alliance's [`StatutoryResponsibility`]s
//! with their [`DeliveryAsk`]s, [`Intervention`]s and [`IcbAction`]s.
//!
//! The parts (responsibilities, asks, interventions, actions) are plain
//! values; the invariants that tie them together (unique ids, references that
//! resolve, deadlines within the plan's year) are checked when the plan is
//! built, and a built plan cannot be changed.

mod ask;
mod builder;
mod cancer_plan;
mod icb_action;
mod intervention;
mod responsibility;
mod sections;
mod status;

/// Re-exported from [`crate::standard`], where it lives (below the plan and
/// the analyses).
pub use ask::{AskKind, AskProgramme, DeliveryAsk, TargetPopulation};
pub use builder::CancerPlanBuilder;
pub use cancer_plan::CancerPlan;
pub use icb_action::{IcbAction, IcbScope};
pub use intervention::{Intervention, InterventionProgramme};
pub use responsibility::{StatutoryDuty, StatutoryResponsibility};
pub use status::PlanStatus;

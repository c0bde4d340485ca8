//! Rapid Diagnostic Centre (RDC) principles in practice.
//!
//! Every tumour-site pathway was to adopt the seven principles by 2023/24
//! (Wessex Cancer Alliance Board, 16 June 2021, Appendix A). This module
//! records how far each pathway has got:
//!
//! - [`RdcPrinciple`]: the seven principles, with their wording;
//! - [`PathwayAssessment`]: one tumour site, in one [`AssessmentScope`] (an
//!   ICB, a provider, the whole alliance), on one date: a
//!   [`ComplianceLevel`] for every principle ([`PrincipleEntry`], with
//!   evidence or gap), the [`ImprovementAction`]s and the pathway's
//!   [`PathwayStep`]s; built and checked by [`PathwayAssessmentBuilder`];
//! - [`ComplianceMatrix`]: the alliance's tumour sites × principles, from
//!   the latest assessment per site and scope, rolled up from ICBs to the
//!   alliance by [`ComplianceLevel::roll_up`], with counts, the sites fully
//!   compliant and the [`Gap`]s against a deadline (by default the end of
//!   2023/24).

mod action;
mod assessment;
mod builder;
mod compliance;
mod entry;
mod gap;
mod matrix;
mod matrix_form;
mod principle;
mod scope;
mod step;

pub use action::ImprovementAction;
pub use assessment::PathwayAssessment;
pub use builder::PathwayAssessmentBuilder;
pub use compliance::ComplianceLevel;
pub use entry::PrincipleEntry;
pub use gap::{Gap, GapStatus, IcbShortfall};
pub use matrix::{ComplianceMatrix, LevelCounts, MatrixRow};
pub use principle::RdcPrinciple;
pub use scope::AssessmentScope;
pub use step::{PathwayStep, StepKind};

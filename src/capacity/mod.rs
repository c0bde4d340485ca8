//! Improvement capacity: the people and teams an alliance puts in place to
//! bring its tumour-site pathways up to the RDC principles, and what they
//! cost.
//!
//! - [`Post`]: a post with its Agenda for Change [`AfcBand`], host ICB
//!   (ICS), whole-time equivalent ([`Wte`]), funding source, [`Tenure`] and
//!   [`Costing`];
//! - [`ImprovementTeam`]: a central, time-limited team (the 2021 paper's
//!   Cancer Improvement Team/Academy);
//! - [`TumourSiteReview`]: a tumour-site review and its [`ReviewProgress`]
//!   through the four [`MethodologyStage`]s of the common cancer
//!   improvement methodology;
//! - [`ImprovementCapacity`]: all of these for one alliance, built and
//!   checked by [`ImprovementCapacityBuilder`];
//! - [`CostSchedule`]: the costs by funding source and financial year
//!   ([`ImprovementCapacity::costs`]), spread over years with the budget
//!   model's exact [`apportion`](crate::budget::apportion), and converted to
//!   [`BudgetLine`](crate::budget::BudgetLine)s so the budget's roll-ups
//!   include them.

mod band;
mod builder;
mod cost;
mod costing;
mod methodology;
mod post;
mod proposal;
mod review;
mod team;
mod tenure;
mod wte;

pub use band::AfcBand;
pub use builder::{ImprovementCapacityBuilder, MAX_ITEM_ID_LEN};
pub use cost::{CostError, CostLine, CostSchedule, ItemKind, NotCosted};
pub use costing::Costing;
pub use methodology::{MethodologyStage, ReviewProgress};
pub use post::Post;
pub use proposal::ImprovementCapacity;
pub use review::TumourSiteReview;
pub use team::ImprovementTeam;
pub use tenure::{Tenure, TenureError};
pub use wte::Wte;

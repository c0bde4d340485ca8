#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::unreachable,
    clippy::todo,
    clippy::unimplemented
)]
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

pub mod budget;
pub mod capacity;
pub mod cwt;
pub mod id;
#[cfg(feature = "json")]
pub mod json;
pub mod money;
pub mod org;
pub mod percent;
pub mod period;
pub mod plan;
pub mod rdc;
pub mod spc;
pub mod tumour_site;
pub mod validate;

pub use budget::{
    apportion, AllocationArea, ApportionError, BudgetAllocation, BudgetLine, ExitRisk,
    FundingSource, LineScope, Reconciliation, Term,
};
pub use cwt::CwtStandard;
pub use id::{Id, IdError};
pub use money::{Money, MoneyError, MoneyUnit, Rounding};
pub use org::{Alliance, Icb, OdsCode, OdsCodeError, Provider};
pub use percent::{Percent, PercentError};
pub use period::{
    FinancialYear, FinancialYearError, Quarter, QuarterError, YearMonth, YearMonthError,
};
pub use plan::{
    reconcile, AskKind, AskProgramme, CancerPlan, CancerPlanBuilder, DeliveryAsk, IcbAction,
    IcbScope, Intervention, InterventionProgramme, PerformanceTarget, PlanStatus, StatutoryDuty,
    StatutoryResponsibility, TargetPopulation,
};
pub use rdc::RdcPrinciple;
pub use tumour_site::{TumourSite, UnknownTumourSite};
pub use validate::{Rule, ValidationErrors, Violation};

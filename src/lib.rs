#![doc = include_str!("../README.md")]
//!
//! ## Layering
//!
//! Data flows one way. Each layer's `use crate::...` lines name only the
//! layers below it (checked by `tests/layering.rs`):
//!
//! 1. **Values**: `money`, `percent`, `period`, `id`, `tumour_site`, `org`,
//!    `validate`.
//! 2. **Standards and targets**: `standard` (`CwtStandard`,
//!    `PerformanceTarget`, the national target schedule); values only.
//! 3. **The plan model**: `budget`, `capacity`, `rdc`, then `plan`, which
//!    holds them; values and `standard`. The budget's reconciliation and
//!    roll-ups stay with `budget`: they read only a budget and values.
//! 4. **Analyses**: `cwt` (values and `standard`: it measures against a
//!    `PerformanceTarget` without naming the plan), then `spc` (also
//!    `cwt`).
//! 5. **The document**: `json` reads and writes the plan with everything
//!    it holds.
//!
//! The root re-exports (`cancer_plan::CwtStandard`, `cwt::target_for`)
//! are paths for users; inside the crate, `plan` and `cwt` import the
//! standards from `crate::standard`.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
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
#[cfg(feature = "schema")]
pub mod schema;
pub mod spc;
pub mod standard;
pub mod tumour_site;
pub mod validate;

pub use budget::{
    apportion, AllocationArea, ApportionError, BudgetAllocation, BudgetLine, ExitRisk,
    FundingSource, LineScope, Reconciliation, Term,
};
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
pub use standard::CwtStandard;
pub use tumour_site::{TumourSite, UnknownTumourSite};
pub use validate::{Rule, ValidationErrors, Violation};

//! A typed, validated model of an NHS Cancer Alliance's yearly cancer plan, and
//! the analyses an assurance team runs on it.
//!
//! A Cancer Alliance plans each financial year for its Integrated Care Boards:
//! statutory responsibilities, delivery asks (the 28-day Faster Diagnosis
//! Standard at 80%, 62-day at 85%), interventions, ICB actions, the seven Rapid
//! Diagnostic Centre principles, improvement capacity and a budget split into
//! areas and itemised lines. This crate holds that plan as one model that is
//! valid by construction ([`CancerPlan`], built by [`CancerPlanBuilder`] or
//! read from JSON, both running the same checks and reporting every
//! [`Violation`] with its path), and computes from it and from NHS data:
//!
//! - the budget's reconciliation under a named tolerance, exact apportionment,
//!   roll-ups and variance ([`budget`]);
//! - Cancer Waiting Times performance against the plan's asks, from NHS
//!   England extracts or patient pathways ([`cwt`]);
//! - RDC pathway compliance and its ICB-to-alliance roll-up ([`rdc`]);
//! - the cost of improvement posts and teams, as budget lines ([`capacity`]);
//! - Making Data Count SPC charts ([`spc`]);
//! - capacity and demand: NHSRwaitinglist's waiting-list formulas, a seeded
//!   pathway simulation, and the least capacity, and its cost, that meets an
//!   ask ([`capacity_demand`]).
//!
//! ```
//! use cancer_plan::{Alliance, CancerPlan, Icb, Id, Money};
//!
//! let plan = CancerPlan::builder()
//!     .title("Wessex Cancer Alliance 2024/25 Planning Proposals")
//!     .financial_year("2024/25".parse()?)
//!     .alliance(Alliance::new("Wessex Cancer Alliance").with_icb(Icb::new(Id::new("dorset")?, "NHS Dorset ICB")))
//!     .build()?;
//! assert_eq!(plan.financial_year().to_string(), "2024/25");
//! assert_eq!(format!("[{:>10}]", Money::from_pounds(1234)), "[    £1,234]");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Guides
//!
//! The long-form documentation is in [`docs`]: [design
//! decisions](docs::design), [the JSON format](docs::json), [the budget and
//! reconciliation](docs::budget), [CWT counting rules](docs::cwt), [RDC and
//! capacity](docs::rdc_capacity), [SPC and NHSRplotthedots](docs::spc), [error
//! messages](docs::messages).
//!
//! # Examples
//!
//! Runnable programs in `examples/` (`cargo run --example NAME`), on real NHS
//! data: the plans in `examples/data/`, and NHS England's CWT extracts given
//! as paths (kept beside the project in `../shared/data/cwt/`):
//!
//! | example | what it shows |
//! | --- | --- |
//! | `wessex_2024_25` | the Wessex 2024/25 plan built from the source document; its budget report and reconciliation ([`docs::budget`]) |
//! | `plan_check` | validating, reconciling and rolling up any plan in the JSON format, as text or `--json` ([`docs::json`]) |
//! | `cwt_performance` | CWT performance of the alliance, its ICBs and trusts against the plan's asks (feature `cwt-extract`; [`docs::cwt`]) |
//! | `improvement_capacity_2021` | the June 2021 board paper's improvement capacity, costed, and an illustrative RDC compliance matrix ([`docs::rdc_capacity`]) |
//! | `cwt_pathways` | patient-level pathway files (CSV or Parquet) to performance cells (features `pathway-csv`, `pathway-parquet`; [`docs::cwt`]) |
//! | `plan_schema` | the plan format's JSON Schema (feature `schema`) |
//! | `waiting_list` | NHSRwaitinglist's formulas over a CSV of calls; reproduces the package's own test values ([`capacity_demand`]) |
//! | `capacity_demand` | one Wessex pathway from extract demand to the capacity, cost and budget variance that meet the FDS ask (features `cwt-extract`, `json`; [`capacity_demand`]) |
//! | `assurance` | the whole delivery assurance of a plan and CWT extracts as JSON (features `json`, `cwt-extract`; [`assurance`]) |
//! | `spc_fds` | SPC charts of real CWT series (HIOW ICB, a trust; FDS or every standard), drawn as SVG (feature `cwt-extract`; [`docs::spc`]) |
//! | `board_report` | the board assurance report: one HTML page and a JSON twin from a plan and CWT extracts, with SPC charts and Making Data Count icons (features `json`, `cwt-extract`, `svg`) |
//!
//! Shorter examples, each a doctest: building a plan ([`CancerPlanBuilder::build`]),
//! reading JSON ([`json::from_str`]), money ([`Money`]), apportionment
//! ([`budget::apportion`]), reconciliation ([`budget::BudgetAllocation::reconcile`]), roll-ups
//! ([`budget::BudgetAllocation::roll_up`]), CWT performance ([`cwt::Performance`]),
//! the compliance matrix ([`rdc::ComplianceMatrix`]), capacity costs
//! ([`capacity::ImprovementCapacity::costs`]), SPC charts ([`spc`]).
//!
//! # Modules
//!
//! | module | what it holds |
//! | --- | --- |
//! | [`money`], [`percent`], [`period`] | exact [`Money`] and [`Percent`]; [`FinancialYear`], [`Quarter`], [`YearMonth`] |
//! | [`id`], [`org`], [`tumour_site`] | [`Id`]; [`Alliance`], [`Icb`], [`Provider`], [`OdsCode`]; [`TumourSite`] |
//! | [`validate`] | [`ValidationErrors`]: every violation, with path, value and rule |
//! | [`standard`] | [`CwtStandard`], [`PerformanceTarget`], the national target schedule, local targets, and the target layers (standard, milestone, plan's ask, trajectory) |
//! | [`plan`] | [`CancerPlan`], its builder, responsibilities, delivery asks, interventions, ICB actions |
//! | [`budget`] | the budget model; reconciliation, apportionment, roll-ups, variance |
//! | [`cwt`] | Cancer Waiting Times: standards, targets, exact counts, extracts, pathways, Wilson intervals, trajectories |
//! | [`rdc`] | the seven RDC principles, pathway assessments, the compliance matrix |
//! | [`capacity`] | improvement posts, teams and reviews, and their costs |
//! | [`spc`] | Making Data Count XmR charts and their icons as data; drawn as SVG with the feature `svg` |
//! | [`capacity_demand`] | waiting-list formulas and statistics, pathway model, simulation, solver, costing, demand from CWT |
//! | [`assurance`] | plan delivery assurance: every target layer judged at trust, ICB and alliance level, SPC icons, funnels, budget and RDC coverage |
//! | `json` (feature `json`) | reading and writing the JSON format; every mistake in one read, each at its path |
//! | `schema` (feature `schema`) | the JSON Schema of the plan format, generated from the types |
//! | [`docs`] | the guides |
//!
//! The crate root re-exports the types a plan is made of (values,
//! organisations, the plan model, the budget's model types, validation
//! errors), so that building or reading a plan needs one `use`; the analyses'
//! types are named through their modules. See [`docs::design`].
//!
//! # Layering
//!
//! Data flows one way. A module may name (with `crate::...`, in `use` lines
//! or in code) only modules of its own layer or of layers below it.
//! `tests/values/layering.rs` reads this table, parses every `src/**/*.rs` file's
//! `crate::` paths, and fails on any path that runs up a layer.
//!
//! | layer | modules | what |
//! | --- | --- | --- |
//! | 0 | `util`, `error::parse`, `error::range`, `error::ParseError`, `error::RangeError` | helpers; the two error shapes every value shares |
//! | 1 | `money`, `percent`, `period`, `id`, `tumour_site`, `validate`, `org` | values, organisations, validation errors |
//! | 2 | `standard` | `CwtStandard`, `PerformanceTarget`, the national target schedule |
//! | 3 | `budget`, `capacity`, `rdc` | the plan's parts; the budget's reconciliation and roll-ups stay with `budget` |
//! | 4 | `plan` | the plan model, which holds them |
//! | 5 | `cwt` | CWT analyses: measure against a `PerformanceTarget` without naming the plan |
//! | 6 | `spc`, `capacity_demand` | SPC charts, also of CWT series; capacity and demand models (reads CWT tables for demand, costs capacity through `capacity`, compares it with a `budget`, never naming the plan) |
//! | 7 | `assurance` | plan delivery assurance: the plan's asks and every target layer against CWT data, SPC and funnels, budget and RDC coverage |
//! | 8 | `json`, `schema`, `strategies` | the document: reads and writes the plan with everything it holds |
//! | 9 | `error` | the root [`Error`], which wraps every module's error |
//! | 10 | `docs` | the guides (no code) |
//!
//! The root re-exports are paths for users; inside the crate every import
//! names the defining module (`crate::money::Money`, not `crate::Money`).
//!
//! # Crate features
//!
//! | feature | default | what it adds |
//! | --- | --- | --- |
//! | `json` | yes | the `json` module: `from_str`, `from_reader`, `to_string_pretty`, errors naming the JSON path (serde_json, serde_path_to_error) |
//! | `cwt-extract` | no | `cwt::extract`: reading NHS England CWT provider and ICB sub-location extracts (csv) |
//! | `xlsx` | no | `cwt::extract::read_any_extract_xlsx` and friends: the extracts from `.xlsx` workbooks as published (calamine, zip, memchr; implies `cwt-extract`) |
//! | `pathway-csv` | no | `cwt::pathway::read_pathways_csv`: streaming patient-level pathway CSV (csv, memchr) |
//! | `pathway-arrow` | no | aggregating Arrow `RecordBatch`es of pathways; tables out as `RecordBatch`es (arrow-array, arrow-schema) |
//! | `pathway-parquet` | no | `cwt::pathway::read_pathways_parquet` from any `ChunkReader` (parquet; implies `pathway-arrow`) |
//! | `schema` | no | the `schema` module: the plan format's JSON Schema (schemars) |
//! | `proptest` | no | `Arbitrary` for the value types and the `strategies` module: valid budgets (reconciling, or with a named discrepancy), plans, CWT pathways and provider-extract rows for downstream property tests (proptest) |
//! | `svg` | no | `spc::svg`: SPC charts and Making Data Count icons as deterministic, accessible SVG (no dependency) |
//!
//! Every type implements `serde` without any feature. On docs.rs every
//! feature is documented, and each feature-gated item says which feature it
//! needs.
#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::unreachable,
    clippy::todo,
    clippy::unimplemented,
    // No silent wrap-around and no overflow panic in library code:
    // `checked_*`, `saturating_*` where saturation is the documented
    // meaning, or an allow at the site saying why it is bounded (issue 17).
    clippy::arithmetic_side_effects
)]
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic,
        clippy::arithmetic_side_effects
    )
)]

pub mod assurance;
pub mod budget;
pub mod capacity;
pub mod capacity_demand;
pub mod cwt;
pub mod docs;
pub mod error;
pub mod id;
#[cfg(feature = "json")]
#[cfg_attr(docsrs, doc(cfg(feature = "json")))]
pub mod json;
pub mod money;
pub mod org;
pub mod percent;
pub mod period;
pub mod plan;
pub mod rdc;
#[cfg(feature = "schema")]
#[cfg_attr(docsrs, doc(cfg(feature = "schema")))]
pub mod schema;
pub mod spc;
pub mod standard;
#[cfg(feature = "proptest")]
#[cfg_attr(docsrs, doc(cfg(feature = "proptest")))]
pub mod strategies;
pub mod tumour_site;
mod util;
pub mod validate;

pub use error::Error;
pub use id::Id;
pub use money::{Money, MoneyError, MoneyUnit, Rounding};
pub use org::{Alliance, Icb, OdsCode, Provider};
pub use percent::Percent;
pub use period::{FinancialYear, Quarter, YearMonth};
pub use plan::{
    AskKind, AskProgramme, CancerPlan, CancerPlanBuilder, DeliveryAsk, IcbAction, IcbScope,
    Intervention, InterventionProgramme, PlanStatus, StatutoryDuty, StatutoryResponsibility,
    TargetPopulation,
};
pub use rdc::RdcPrinciple;
pub use standard::{CwtStandard, PerformanceTarget};
pub use tumour_site::TumourSite;
pub use validate::{Rule, ValidationErrors, Violation};

/// The README's code blocks, compiled and run as doctests (the README is not
/// the crate docs, but its example must not rot).
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

//! Organisations: the [`Alliance`], the [`Icb`]s it spans, and [`Provider`]
//! trusts, each identified by [`OdsCode`] where one is known.
//!
//! Membership is data: nothing in the crate hard-codes which ICBs or trusts
//! belong to which alliance.

mod alliance;
mod icb;
mod ods_code;
mod provider;

pub use alliance::Alliance;
pub use icb::Icb;
pub use ods_code::OdsCode;
pub use provider::Provider;

//! Cancer Waiting Times (CWT): the national standards a plan's performance
//! asks are set against.

mod standard;

pub use standard::CwtStandard;

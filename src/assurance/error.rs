//! [`AssuranceError`]: why an assurance value could not be built.

use crate::cwt::PerformanceError;
use crate::{CwtStandard, YearMonth};

/// Why an assurance value (or one of its parts) could not be built.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum AssuranceError {
    /// Counts could not be added (an overflow).
    #[error("CWT counts: {0}")]
    Performance(#[from] PerformanceError),
    /// Funnel limits need an average proportion in 0..=1 and a positive
    /// population.
    #[error("no funnel limits for average {average} and population {n} (expected 0 <= average <= 1 and n > 0)")]
    Funnel {
        /// The average proportion given.
        average: f64,
        /// The population given.
        n: f64,
    },
    /// Two sources on the same basis hold the same month and standard (it
    /// would be counted twice).
    #[error("sources {first:?} and {second:?} both hold {standard} for {month} on the same basis (it would be counted twice)")]
    Overlap {
        /// The first source's name.
        first: String,
        /// The second source's name.
        second: String,
        /// The month both hold.
        month: YearMonth,
        /// The standard both hold.
        standard: CwtStandard,
    },
}

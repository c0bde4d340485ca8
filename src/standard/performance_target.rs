//! [`PerformanceTarget`]: a share of patients within a CWT standard by a
//! month, as a plan asks it and as the analyses measure against it.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::CwtStandard;
use crate::{percent::Percent, period::YearMonth};

/// A performance target: at least `threshold` of patients within a CWT
/// standard, by a month (usually March, the end of the financial year).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PerformanceTarget {
    standard: CwtStandard,
    threshold: Percent,
    by: YearMonth,
}

impl PerformanceTarget {
    /// `threshold` of patients within `standard` by the month `by`.
    pub fn new(standard: CwtStandard, threshold: Percent, by: YearMonth) -> PerformanceTarget {
        PerformanceTarget {
            standard,
            threshold,
            by,
        }
    }

    /// The CWT standard.
    pub fn standard(&self) -> CwtStandard {
        self.standard
    }

    /// The share of patients to be within the standard.
    pub fn threshold(&self) -> Percent {
        self.threshold
    }

    /// The month by which it applies.
    pub fn by(&self) -> YearMonth {
        self.by
    }
}

impl fmt::Display for PerformanceTarget {
    /// `28-day Faster Diagnosis Standard >= 80% by 2025-03`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} >= {} by {}", self.standard, self.threshold, self.by)
    }
}

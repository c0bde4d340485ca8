//! [`DataQualityFinding`]: an impossible pathway record, with its index.

use serde::Serialize;
use std::fmt;

use chrono::NaiveDate;

use crate::standard::CwtStandard;

/// What is wrong with a pathway record for a standard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DataQualityKind {
    /// The clock stop is before the clock start.
    #[error("{standard}: clock stop {stop} is before clock start {start}")]
    ClockStopBeforeStart {
        /// The standard measured.
        standard: CwtStandard,
        /// The clock start.
        start: NaiveDate,
        /// The clock stop.
        stop: NaiveDate,
    },
    /// A first treatment on a 62-day route with no referral date.
    #[error("62-day combined: first treatment {treatment} with no referral received date")]
    TreatmentWithoutReferral {
        /// The first treatment date.
        treatment: NaiveDate,
    },
    /// A first treatment with no decision to treat (31-day clock start).
    #[error("31-day combined: first treatment {treatment} with no decision to treat date")]
    TreatmentWithoutDecisionToTreat {
        /// The first treatment date.
        treatment: NaiveDate,
    },
    /// A diagnosis outcome (or decision to treat) on an FDS route with no
    /// referral date.
    #[error("28-day FDS: clock stop {stop} with no referral received date")]
    OutcomeWithoutReferral {
        /// The FDS clock stop.
        stop: NaiveDate,
    },
    /// Adjustments larger than the wait they adjust.
    #[error("{standard}: adjustments of {adjustment} days exceed the wait of {days} days")]
    AdjustmentExceedsWait {
        /// The standard measured.
        standard: CwtStandard,
        /// The unadjusted wait in days.
        days: u32,
        /// The total adjustment in days.
        adjustment: u32,
    },
    /// The pathway's provider is new and the table already holds as many
    /// providers as it was sized for: the pathway is not counted.
    #[error("the provider is one more than the {providers} providers the table was sized for")]
    ProviderBeyondTable {
        /// The providers the table was sized for.
        providers: usize,
    },
}

impl DataQualityKind {
    /// The finding for a clock stop at `stop` with no clock start for
    /// `standard`: no referral (FDS, 62-day) or no decision to treat
    /// (31-day).
    pub(super) const fn missing_clock_start(
        standard: CwtStandard,
        stop: NaiveDate,
    ) -> DataQualityKind {
        match standard {
            CwtStandard::FasterDiagnosis28Day => DataQualityKind::OutcomeWithoutReferral { stop },
            CwtStandard::Combined31Day => {
                DataQualityKind::TreatmentWithoutDecisionToTreat { treatment: stop }
            }
            CwtStandard::Combined62Day => {
                DataQualityKind::TreatmentWithoutReferral { treatment: stop }
            }
        }
    }
}

/// A data-quality finding: record `index` (its position in the input) is
/// impossible for a standard. Such a record is left out of that standard's
/// counts, and reported here: never a panic, never silently dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct DataQualityFinding {
    index: usize,
    kind: DataQualityKind,
}

impl DataQualityFinding {
    /// A finding about record `index`.
    pub(super) fn new(index: usize, kind: DataQualityKind) -> DataQualityFinding {
        DataQualityFinding { index, kind }
    }

    /// The position of the record in the input.
    pub fn index(&self) -> usize {
        self.index
    }

    /// What is wrong.
    pub fn kind(&self) -> DataQualityKind {
        self.kind
    }
}

impl fmt::Display for DataQualityFinding {
    /// `record 12: 62-day combined: clock stop ... is before ...`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "record {}: {}", self.index, self.kind)
    }
}

//! [`BadPathwayRow`]: a file record that cannot be read as a pathway, with its
//! line (or record number) and why.

use std::fmt;

use super::PathwayColumn;

/// Why a record could not be read. `#[non_exhaustive]`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum BadPathwayRowReason {
    /// A date that is neither blank nor an ISO date (`YYYY-MM-DD`).
    #[error("{column}: `{text}` is not a date (expected YYYY-MM-DD, or blank)")]
    UnparseableDate {
        /// The column.
        column: PathwayColumn,
        /// The text found.
        text: String,
    },
    /// A date before 2000 or after 2099: beyond any CWT record (patient-level
    /// CWT data starts in 2009), most likely a typing error.
    #[error("{column}: {text} is outside the years 2000 to 2099")]
    DateOutOfRange {
        /// The column.
        column: PathwayColumn,
        /// The date as found.
        text: String,
    },
    /// A route that is not one of the layout's codes.
    #[error("route: `{text}` is not a route (expected urgent_suspected_cancer, breast_symptomatic, urgent_screening, consultant_upgrade or other)")]
    UnknownRoute {
        /// The text found.
        text: String,
    },
    /// A tumour site that is not one of the crate's codes.
    #[error(
        "tumour_site: `{text}` is not a tumour site code (e.g. lung, lower_gi, head_and_neck)"
    )]
    UnknownTumourSite {
        /// The text found.
        text: String,
    },
    /// A provider or ICB code that is not an ODS code (3 to 10 upper-case
    /// letters and digits); a blank provider too.
    #[error("{column}: `{text}` is not an ODS code (3 to 10 upper-case letters and digits)")]
    BadOdsCode {
        /// The column.
        column: PathwayColumn,
        /// The text found.
        text: String,
    },
    /// A negative adjustment.
    #[error("{column}: `{text}` is negative (adjustments are whole days, 0 or more)")]
    NegativeAdjustment {
        /// The column.
        column: PathwayColumn,
        /// The text found.
        text: String,
    },
    /// An adjustment that is not a whole number of days from 0 to 65535.
    #[error("{column}: `{text}` is not a whole number of days from 0 to 65535")]
    NonNumericAdjustment {
        /// The column.
        column: PathwayColumn,
        /// The text found.
        text: String,
    },
    /// A CSV record with a different number of fields from the header.
    #[error("{found} fields where the header has {expected}")]
    WrongFieldCount {
        /// Fields in the header.
        expected: usize,
        /// Fields in the record.
        found: usize,
    },
    /// A record (a line, or the lines of a quoted record) longer than the
    /// limit: skipped without being held in memory.
    #[error("the record is longer than {limit} bytes")]
    RecordTooLong {
        /// The limit, in bytes.
        limit: usize,
    },
    /// A provider beyond the 65,536 one aggregation can index.
    #[error("provider `{code}`: more than 65536 providers in one file")]
    TooManyProviders {
        /// The provider's code.
        code: String,
    },
}

/// A record that could not be read as a pathway: left out of every count,
/// and reported here, never dropped silently.
///
/// `record` is the record's position among the data records (0 for the first
/// after the header; the numbering [`DataQualityFinding::index`](super::DataQualityFinding::index)
/// uses); `line` is the 1-based line it starts on in a CSV file (the header
/// is line 1), `None` for Arrow and Parquet.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct BadPathwayRow {
    record: u64,
    line: Option<u64>,
    reason: BadPathwayRowReason,
}

#[cfg_attr(
    not(any(feature = "pathway-csv", feature = "pathway-arrow")),
    allow(dead_code)
)]
impl BadPathwayRow {
    pub(super) fn new(
        record: u64,
        line: Option<u64>,
        reason: BadPathwayRowReason,
    ) -> BadPathwayRow {
        BadPathwayRow {
            record,
            line,
            reason,
        }
    }

    /// The record's position among the data records, from 0.
    pub fn record(&self) -> u64 {
        self.record
    }

    /// The line the record starts on (CSV only; the header is line 1).
    pub fn line(&self) -> Option<u64> {
        self.line
    }

    /// Why it could not be read.
    pub fn reason(&self) -> &BadPathwayRowReason {
        &self.reason
    }
}

impl fmt::Display for BadPathwayRow {
    /// `line 12: route: `x` is not a route ...`, or `record 12: ...`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.reason),
            None => write!(f, "record {}: {}", self.record, self.reason),
        }
    }
}

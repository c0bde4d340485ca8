//! [`ExtractRow`] and [`BadRow`]: one row of a CWT provider extract, or the
//! reason it could not be read.

use serde::{Serialize, Serializer};
use std::fmt;
use std::sync::Arc;

use crate::cwt::{PatientCount, Performance};
use crate::{org::OdsCode, period::YearMonth, standard::CwtStandard};

/// The `TREATMENT MODALITY` of the rows that total the 31-day and 62-day
/// standards.
pub const ALL_MODALITIES: &str = "ALL MODALITIES";

/// One valid row of an NHS England CWT provider extract: one standard x
/// organisation x route x modality x cancer type in a month. Its line,
/// period, standard, counts and whether it adds into the totals (the
/// modality rule) are [`LayoutRow`](super::LayoutRow)'s, shared with the
/// sub-location rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExtractRow {
    // Set by the reader (`super::parse_row`), which checks every field.
    pub(super) line: u64,
    pub(super) period: YearMonth,
    pub(super) standard: CwtStandard,
    // The texts are shared between the rows that spell them alike (the
    // reader interns them), so a row allocates nothing of its own.
    #[serde(serialize_with = "as_inner")]
    pub(super) organisation: Arc<OdsCode>,
    #[serde(serialize_with = "as_inner")]
    pub(super) route: Arc<str>,
    #[serde(serialize_with = "as_inner_option")]
    pub(super) modality: Option<Arc<str>>,
    #[serde(serialize_with = "as_inner")]
    pub(super) cancer_type: Arc<str>,
    pub(super) performance: Performance,
}

fn as_inner<T: Serialize + ?Sized, S: Serializer>(value: &Arc<T>, s: S) -> Result<S::Ok, S::Error> {
    T::serialize(value, s)
}

fn as_inner_option<T: Serialize + ?Sized, S: Serializer>(
    value: &Option<Arc<T>>,
    s: S,
) -> Result<S::Ok, S::Error> {
    value.as_deref().serialize(s)
}

impl ExtractRow {
    /// The provider (`ORG CODE`).
    pub fn organisation(&self) -> &OdsCode {
        &self.organisation
    }

    /// The referral route or stage (`STAGE/ROUTE`), as published.
    pub fn route(&self) -> &str {
        &self.route
    }

    /// The treatment modality (`TREATMENT MODALITY`): `None` for FDS rows,
    /// where it is blank. A 31-day or 62-day row always has one (a blank
    /// one is a [`BadRowReason::MissingModality`]).
    pub fn modality(&self) -> Option<&str> {
        self.modality.as_deref()
    }

    /// The cancer type (`CANCER TYPE`), as published.
    pub fn cancer_type(&self) -> &str {
        &self.cancer_type
    }

    /// The modality rule: FDS, every row adds (each patient appears once);
    /// 31-day and 62-day, only `ALL MODALITIES` rows, because the
    /// per-modality rows repeat the same patients.
    pub(super) fn adds_to_total(&self) -> bool {
        match self.standard {
            CwtStandard::FasterDiagnosis28Day => true,
            _ => self
                .modality
                .as_deref()
                .is_some_and(|m| m.eq_ignore_ascii_case(ALL_MODALITIES)),
        }
    }
}

/// A row that could not be read, with its line number and the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BadRow {
    line: u64,
    reason: BadRowReason,
}

impl BadRow {
    pub(super) fn new(line: u64, reason: BadRowReason) -> BadRow {
        BadRow { line, reason }
    }

    /// The line of the file the row starts on (the header is line 1).
    pub fn line(&self) -> u64 {
        self.line
    }

    /// Why the row is bad.
    pub fn reason(&self) -> &BadRowReason {
        &self.reason
    }
}

impl fmt::Display for BadRow {
    /// `line 12: TOTAL TREATED `x` is not a count ...`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.reason)
    }
}

/// Why a row of an extract is bad.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum BadRowReason {
    /// The row is not valid CSV (e.g. a different number of fields).
    #[error("not a valid CSV record: {message}")]
    Csv {
        /// What the CSV reader said.
        message: String,
    },
    /// `PERIOD` is not a month in any of the forms accepted
    /// ([`PERIOD_FORMS`](super::PERIOD_FORMS)).
    #[error("PERIOD `{text}` is not a month in a known form (accepted: {forms})", forms = super::PERIOD_FORMS)]
    Period {
        /// The text found.
        text: String,
    },
    /// `STANDARD` is not one of the three standards.
    #[error(
        "STANDARD `{text}` is not a known standard (28-day FDS, 31-day Combined, 62-day Combined)"
    )]
    UnknownStandard {
        /// The text found.
        text: String,
    },
    /// `ORG CODE` is not an ODS code.
    #[error("ORG CODE `{text}` is not an ODS code")]
    OrganisationCode {
        /// The text found.
        text: String,
    },
    /// A count is not a whole or half number of patients.
    #[error("{column} `{text}` is not a count of patients (whole or half, >= 0)")]
    Count {
        /// The column.
        column: &'static str,
        /// The text found.
        text: String,
    },
    /// A count larger than one row may hold
    /// ([`MAX_EXTRACT_COUNT`](super::MAX_EXTRACT_COUNT), 10^9 patients), so
    /// that no total can overflow.
    #[error("{column} `{text}` is more than {limit} patients, the most one row may count")]
    CountTooLarge {
        /// The column.
        column: &'static str,
        /// The text found (at most 40 characters).
        text: String,
        /// The limit.
        limit: u64,
    },
    /// `PERIOD` is a month outside the financial years the crate reads
    /// (1948/49 to 9998/99).
    #[error("PERIOD {period} is outside the financial years 1948/49 to 9998/99 (April 1948 to March 9999)")]
    PeriodOutOfRange {
        /// The month `PERIOD` gives.
        period: YearMonth,
    },
    /// `WITHIN STANDARD` exceeds `TOTAL TREATED`.
    #[error("WITHIN STANDARD {within} exceeds TOTAL TREATED {total}")]
    WithinExceedsTotal {
        /// Patients within the standard.
        within: PatientCount,
        /// Patients in total.
        total: PatientCount,
    },
    /// A 31-day or 62-day row with a blank `TREATMENT MODALITY`. In the
    /// published layout these rows always carry one (`ALL MODALITIES` or a
    /// modality); without it the row could be neither totalled nor told
    /// apart from a per-modality repeat, so it is reported, not counted.
    #[error("TREATMENT MODALITY is blank: {standard} rows always carry one (`ALL MODALITIES` or a modality)")]
    MissingModality {
        /// The row's standard.
        standard: CwtStandard,
    },
    /// The row repeats an earlier valid row: the same `PERIOD`, `STANDARD`,
    /// `ORG CODE`, `STAGE/ROUTE`, `TREATMENT MODALITY` and `CANCER TYPE`
    /// (texts compared ignoring case), e.g. a file pasted in twice. Only
    /// the first is counted.
    #[error("repeats line {first_line} (same PERIOD, STANDARD, ORG CODE, STAGE/ROUTE, TREATMENT MODALITY and CANCER TYPE); not counted")]
    Duplicate {
        /// The line of the first row with the same key (the one counted).
        first_line: u64,
    },
    /// The counts do not make a [`Performance`] for a reason not listed
    /// above (reserved: reading a row cannot overflow today).
    #[error("the counts are inconsistent: {message}")]
    Counts {
        /// What [`Performance::with_breaches`] said.
        message: String,
    },
    /// `BREACHES` is not `TOTAL TREATED - WITHIN STANDARD` (`TOTAL -
    /// WITHIN STANDARD` in the ICB sub-location extract).
    #[error("BREACHES {breaches} is not the total {total} - WITHIN STANDARD {within}")]
    BreachesMismatch {
        /// Patients within the standard.
        within: PatientCount,
        /// Patients in total.
        total: PatientCount,
        /// The published breaches.
        breaches: PatientCount,
    },
    /// `YEAR` is not the financial year of `PERIOD` (e.g. `2022/23` on a
    /// row for October 2023): one of the two is wrong, so the row is not
    /// counted in either month.
    #[error("YEAR `{text}` does not agree with PERIOD {period} (expected `{expected}`)")]
    YearMismatch {
        /// The `YEAR` found.
        text: String,
        /// The month `PERIOD` gives.
        period: YearMonth,
        /// The financial year of that month.
        expected: String,
    },
    /// `MONTH` is not the month of `PERIOD` (e.g. `SEP` on a row for
    /// October 2023).
    #[error("MONTH `{text}` does not agree with PERIOD {period} (expected `{expected}`)")]
    MonthMismatch {
        /// The `MONTH` found.
        text: String,
        /// The month `PERIOD` gives.
        period: YearMonth,
        /// Its three-letter abbreviation as published.
        expected: &'static str,
    },
    /// A text column (route, modality, cancer type) is not UTF-8.
    #[error("{column} is not UTF-8 text")]
    NotText {
        /// The column.
        column: &'static str,
    },
    /// `ICB SUB LOCATION` is not an ODS code.
    #[error("ICB SUB LOCATION `{text}` is not an ODS code")]
    LocationCode {
        /// The text found.
        text: String,
    },
    /// `SUB-CATEGORY` is none of the published sub-categories.
    #[error("SUB-CATEGORY `{text}` is not a known sub-category (`31-day (First)`, `31-day Sub (<modality>)`, `62-day (<route>)`, or blank for the FDS)")]
    UnknownSubCategory {
        /// The text found.
        text: String,
    },
    /// `SUB-CATEGORY` belongs to another standard (a `62-day (...)` on a
    /// 31-day row, or any sub-category on an FDS row), or is blank on a
    /// 31-day or 62-day row, whose sub-categories add up to the standard.
    #[error("SUB-CATEGORY `{text}` does not belong to {standard} (FDS rows have a blank one; 31-day rows `31-day (First)` or `31-day Sub (...)`; 62-day rows `62-day (<route>)`)")]
    SubCategoryMismatch {
        /// The row's standard.
        standard: CwtStandard,
        /// The sub-category text found (blank if none).
        text: String,
    },
}

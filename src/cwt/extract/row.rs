//! [`ExtractRow`] and [`BadRow`]: one row of a CWT provider extract, or the
//! reason it could not be read.

use serde::Serialize;
use std::fmt;

use crate::cwt::{PatientCount, Performance};
use crate::{CwtStandard, OdsCode, YearMonth};

/// The `TREATMENT MODALITY` of the rows that total the 31-day and 62-day
/// standards.
pub const ALL_MODALITIES: &str = "ALL MODALITIES";

/// One valid row of an NHS England CWT provider extract: one standard x
/// organisation x route x modality x cancer type in a month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExtractRow {
    // Set by the reader (`super::parse_row`), which checks every field.
    pub(super) line: u64,
    pub(super) period: YearMonth,
    pub(super) standard: CwtStandard,
    pub(super) organisation: OdsCode,
    pub(super) route: String,
    pub(super) modality: Option<String>,
    pub(super) cancer_type: String,
    pub(super) performance: Performance,
}

impl ExtractRow {
    /// The line of the file the row starts on (the header is line 1).
    pub fn line(&self) -> u64 {
        self.line
    }

    /// The reporting month (`PERIOD`).
    pub fn period(&self) -> YearMonth {
        self.period
    }

    /// The standard (`STANDARD`).
    pub fn standard(&self) -> CwtStandard {
        self.standard
    }

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

    /// The counts (`WITHIN STANDARD` of `TOTAL TREATED`).
    pub fn performance(&self) -> Performance {
        self.performance
    }

    /// Whether the row adds into a standard's total. FDS: every row (each
    /// patient appears once). 31-day and 62-day: only `ALL MODALITIES`
    /// rows, because the per-modality rows repeat the same patients.
    pub fn counts_towards_total(&self) -> bool {
        match self.standard {
            CwtStandard::FasterDiagnosis28Day => true,
            _ => self
                .modality
                .as_deref()
                .is_some_and(|m| m.eq_ignore_ascii_case(ALL_MODALITIES)),
        }
    }
}

/// What makes two rows the same row of the published layout: period,
/// standard, organisation, route, modality and cancer type (the texts
/// compared ignoring ASCII case).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct RowKey {
    period: YearMonth,
    standard: CwtStandard,
    organisation: OdsCode,
    route: String,
    modality: Option<String>,
    cancer_type: String,
}

impl ExtractRow {
    /// The row's [`RowKey`].
    pub(super) fn key(&self) -> RowKey {
        RowKey {
            period: self.period,
            standard: self.standard,
            organisation: self.organisation.clone(),
            route: self.route.to_ascii_uppercase(),
            modality: self.modality.as_deref().map(str::to_ascii_uppercase),
            cancer_type: self.cancer_type.to_ascii_uppercase(),
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
    /// `PERIOD` is not a month.
    #[error("PERIOD `{text}` is not a month (expected e.g. `2023-10-01`)")]
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
    /// `BREACHES` is not `TOTAL TREATED - WITHIN STANDARD`.
    #[error("BREACHES {breaches} is not TOTAL TREATED {total} - WITHIN STANDARD {within}")]
    BreachesMismatch {
        /// Patients within the standard.
        within: PatientCount,
        /// Patients in total.
        total: PatientCount,
        /// The published breaches.
        breaches: PatientCount,
    },
}

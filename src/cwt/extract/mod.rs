//! Reading NHS England's CWT extracts (feature `cwt-extract`): the provider
//! extract and the ICB sub-location extract, as published.
//!
//! # Layouts
//!
//! - **Provider extract** ([`read_provider_extract`], [`ProviderExtract`]): `PERIOD, YEAR,
//!   MONTH, STANDARD, ORG CODE, STAGE/ROUTE, TREATMENT MODALITY, CANCER TYPE,
//!   TOTAL TREATED, WITHIN STANDARD, BREACHES`, one row per standard x
//!   organisation x route x modality x cancer type. Summing rule: FDS, every
//!   row; 31-day and 62-day, only the `ALL MODALITIES` rows (the
//!   per-modality rows repeat the same patients; they are counted in
//!   [`ProviderExtract::excluded_by_modality_rule`]).
//! - **ICB sub-location extract** ([`read_sub_icb_extract`],
//!   [`SubIcbExtract`]): `PERIOD, YEAR, MONTH, STANDARD, ICB SUB LOCATION,
//!   SUB-CATEGORY, TOTAL, WITHIN STANDARD, BREACHES`, counts written `508.0`.
//!   FDS has one row per location and month with a blank `SUB-CATEGORY`;
//!   31-day and 62-day rows are split into typed [`SubCategory`]s that are
//!   disjoint and add up to the standard: every row adds.
//!
//! Summed over every organisation (or every location), each month and
//! standard gives NHS England's national totals; the two layouts agree.
//! Roll locations up to ICBs with [`SubIcbExtract::by_icb`] (membership is
//! the plan's data, [`Icb::sub_icb_locations`](crate::org::Icb::sub_icb_locations)).
//!
//! # One way in
//!
//! [`read_any_extract`] recognises the layout from the header and returns
//! an [`AnyExtract`]; when the header fits neither, the error names what
//! each layout lacks ([`ExtractError::UnknownLayout`]).
//!
//! # Workbooks, periods, loud failure, releases
//!
//! - **Workbooks** (feature `xlsx`): [`read_any_extract_xlsx`] (and the
//!   per-layout readers) reads NHS England's `.xlsx` from any `Read +
//!   Seek`, through the same recognition and validation; rows carry the
//!   sheet's row numbers and the extract names its sheet
//!   ([`ProviderExtract::sheet`]). A workbook, Parquet file, zip or UTF-16 text
//!   given to a CSV reader is [`ExtractError::NotCsv`], naming what it
//!   looks like and what to do.
//! - **PERIOD** is read in the forms people write it ([`PERIOD_FORMS`]:
//!   `2023-10-01`, `2023-10-01 00:00:00`, `Oct-23`, `01/10/2023`, ...),
//!   each checked against `YEAR` and `MONTH`.
//! - **Loud failure**: reading never fails on bad rows, so
//!   [`ProviderExtract::require_valid_rows`] (and on the other types) turns an
//!   extract with no data rows or no valid row into an error;
//!   [`ProviderExtract::bad_row_summary`] groups bad rows by reason with counts and
//!   the first of each.
//! - **Releases**: an extract carries its [`Release`] when told
//!   ([`ProviderExtract::with_release`], [`Release::from_file_name`]);
//!   [`ProviderExtract::combine`] joins extracts of overlapping months by an
//!   explicit rule (final supersedes provisional, otherwise the later
//!   input wins) and reports each [`Replacement`].
//!
//! # Drift and odd files
//!
//! - Column names are compared without case and surrounding space (and a
//!   UTF-8 byte-order mark); their order does not matter; `TOTAL` is
//!   accepted for `TOTAL TREATED` and the other way round. A column named
//!   twice is an error naming it ([`ExtractError::DuplicateColumn`]).
//! - Route, modality, cancer type, standard and sub-category texts are
//!   compared without case (FDS routes are published in upper case, 31-
//!   and 62-day routes in title case).
//! - LF, CRLF and CR-only line endings all read, with true line numbers.
//! - `YEAR` and `MONTH`, where present, must agree with `PERIOD`
//!   ([`BadRowReason::YearMismatch`], [`BadRowReason::MonthMismatch`]).
//! - Drift seen in real files reads as is: 5-character provider codes
//!   (`S3H9L`, from 2024/25), the sub-location `UNKNOWN` (counted in the
//!   national total), 31/62-day cancer types going from 11 groups to 14
//!   (October 2023), FDS's `Suspected cancer - non-specific symptoms`.
//!
//! Every data row ends up either in the extract's rows or, with its line
//! number and reason, in its bad rows: none is silently dropped.
//!
//! # Speed
//!
//! One pass over `csv` byte records; the categorical columns are interned
//! (each distinct organisation, route, modality and cancer type is checked
//! and stored once, and rows share it), duplicates are found with a
//! fixed-size key of ids, counts are read without allocating. See
//! `BENCHMARKS.md` for figures against polars.

mod header;
mod input;
mod intern;
mod not_csv;
mod period;
mod provenance;
mod provider;
mod release;
mod row;
mod sub_category;
mod sub_icb;
mod summary;
#[cfg(feature = "xlsx")]
mod xlsx;
#[cfg(feature = "xlsx")]
mod xlsx_fast;

use std::io;

use serde::Serialize;

use header::Header;
pub use header::{Layout, MissingColumns};
pub use input::{MAX_EXTRACT_COUNT, MAX_EXTRACT_LINE};
pub use not_csv::NotCsv;
pub use period::PERIOD_FORMS;
pub use provenance::{Extract, LayoutRow};
pub use provider::{read_provider_extract, ProviderExtract};
pub use release::{Combined, Release, Replacement, Source};
pub use row::{BadRow, BadRowReason, ExtractRow, ALL_MODALITIES};
pub use sub_category::{SubCategory, TreatmentModality};
pub use sub_icb::{read_sub_icb_extract, SubIcbExtract, SubIcbRow};
pub use summary::{BadRowGroup, BadRowSummary};
#[cfg(feature = "xlsx")]
#[cfg_attr(docsrs, doc(cfg(feature = "xlsx")))]
pub use xlsx::{read_any_extract_xlsx, read_provider_extract_xlsx, read_sub_icb_extract_xlsx};

use super::{PerformanceError, PerformanceTable};

/// Why an extract cannot be read at all (as opposed to a bad row).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExtractError {
    /// The header lacks a required column.
    #[error("the header has no `{column}` column (found: {found})")]
    MissingColumn {
        /// The column looked for.
        column: &'static str,
        /// The header as found.
        found: String,
    },
    /// The header names a column twice: which one the data is in cannot
    /// be told, so the file is not read.
    #[error("the header names `{column}` twice (columns {first} and {second})")]
    DuplicateColumn {
        /// The column name (normalised: trimmed, upper case).
        column: String,
        /// Its first position, counting from 1.
        first: usize,
        /// Its second position, counting from 1.
        second: usize,
    },
    /// The header is another layout's than the reader's.
    #[error("the header is an NHS England CWT {found}'s, not a {expected}'s: read it with `read_any_extract` (or the {found} reader)")]
    WrongLayout {
        /// The layout the reader reads.
        expected: Layout,
        /// The layout the header fits.
        found: Layout,
    },
    /// The header fits no known layout.
    #[error("the header fits no known CWT extract layout: {} (found: {found})", missing.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    UnknownLayout {
        /// What each layout lacks.
        missing: Vec<MissingColumns>,
        /// The header as found.
        found: String,
    },
    /// The header fits more than one layout (it has every column of both).
    #[error("the header fits both the provider and the ICB sub-location layouts (found: {found})")]
    AmbiguousLayout {
        /// The header as found.
        found: String,
    },
    /// The input could not be read (I/O, or an unreadable header).
    #[error("cannot read the extract: {0}")]
    Read(#[from] csv::Error),
    /// The input given to a CSV reader is not CSV text.
    #[error("the input is not CSV text: it looks like {looks_like}; {advice}", advice = looks_like.advice())]
    NotCsv {
        /// What it looks like.
        looks_like: NotCsv,
    },
    /// The extract has a header and no data rows (from
    /// `require_valid_rows`).
    #[error("the extract{} has a header but no data rows", sheet.as_ref().map(|s| format!(" (sheet `{s}`)")).unwrap_or_default())]
    NoDataRows {
        /// The sheet read, for a workbook.
        sheet: Option<String>,
    },
    /// Every data row of the extract is bad (from `require_valid_rows`):
    /// the summary groups them by reason.
    #[error("no data row of the extract could be read: {summary}")]
    NoValidRows {
        /// The bad rows grouped by reason.
        summary: BadRowSummary,
    },
    /// Extracts of different layouts given to one join.
    #[error("provider and ICB sub-location extracts are different bases (by trust, by patients' sub-ICB location) and are not joined: combine each layout on its own")]
    MixedLayouts,
    /// The workbook could not be opened or a sheet could not be read.
    #[cfg(feature = "xlsx")]
    #[error("cannot read the workbook: {message}")]
    Workbook {
        /// What the workbook reader said.
        message: String,
    },
    /// No sheet of the workbook holds an extract header in its first rows.
    #[cfg(feature = "xlsx")]
    #[error("no sheet of the workbook holds a CWT extract header in its first {rows} rows (sheets: {}){}", sheets.join(", "), first.as_ref().map(|e| format!("; the first sheet's first row: {e}")).unwrap_or_default())]
    NoExtractSheet {
        /// The workbook's sheets, in order.
        sheets: Vec<String>,
        /// How many rows of each sheet were searched for the header.
        rows: usize,
        /// What the first sheet's first row lacks, when it has one.
        first: Option<Box<ExtractError>>,
    },
    /// A line (the header included) is longer than the limit
    /// ([`MAX_EXTRACT_LINE`], 1 MiB): reading stops there, so that memory
    /// stays bounded.
    #[error("line {line} is longer than {limit} bytes")]
    LineTooLong {
        /// The line (1 is the header).
        line: u64,
        /// The limit, in bytes.
        limit: usize,
    },
}

/// An extract in whichever layout the header showed, from
/// [`read_any_extract`]: match it for the extract itself (its rows, bad
/// rows, release and sheet); the methods here are those that keep it an
/// `AnyExtract` or total it in either layout.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AnyExtract {
    /// A provider extract.
    Provider(ProviderExtract),
    /// An ICB sub-location extract.
    SubIcb(SubIcbExtract),
}

impl AnyExtract {
    /// The layout read.
    pub fn layout(&self) -> Layout {
        match self {
            AnyExtract::Provider(_) => Layout::Provider,
            AnyExtract::SubIcb(_) => Layout::SubIcb,
        }
    }

    /// Totals by month x standard x the file's organisation code: the
    /// provider for a provider extract, the sub-ICB location for a
    /// sub-location extract, each layout's summing rule applied.
    ///
    /// # Errors
    ///
    /// [`PerformanceError::Overflow`] if a total overflows.
    pub fn tabulate(&self) -> Result<PerformanceTable<crate::org::OdsCode>, PerformanceError> {
        match self {
            AnyExtract::Provider(e) => e.tabulate(),
            AnyExtract::SubIcb(e) => e.tabulate(),
        }
    }
}

/// Reads an extract in either published layout, recognised from the
/// header: the provider extract ([`read_provider_extract`]) or the ICB sub-location
/// extract ([`read_sub_icb_extract`]), with their guarantees.
///
/// ```
/// use cancer_plan::cwt::extract::{read_any_extract, AnyExtract, ExtractError, Layout};
/// let sub = "PERIOD,YEAR,MONTH,STANDARD,ICB SUB LOCATION,SUB-CATEGORY,TOTAL,WITHIN STANDARD,BREACHES\n\
///            2023-10-01,2023/24,OCT,28-day FDS,10R,,572.0,429.0,143\n";
/// let extract = read_any_extract(sub.as_bytes())?;
/// assert_eq!(extract.layout(), Layout::SubIcb);
/// assert!(matches!(extract, AnyExtract::SubIcb(_)));
///
/// let neither = read_any_extract("PERIOD,STANDARD,TOTAL,WITHIN STANDARD\n".as_bytes());
/// let Err(error @ ExtractError::UnknownLayout { .. }) = neither else { panic!() };
/// assert!(error.to_string().contains("ICB sub-location extract lacks ICB SUB LOCATION, SUB-CATEGORY"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// [`ExtractError::UnknownLayout`] if the header fits neither layout,
/// [`ExtractError::AmbiguousLayout`] if it fits both,
/// [`ExtractError::DuplicateColumn`] if it names a column twice,
/// [`ExtractError::NotCsv`] if the input is a workbook, Parquet, zip,
/// UTF-16 or other non-CSV data (it says what to do);
/// [`ExtractError::Read`] if the input cannot be read.
pub fn read_any_extract(reader: impl io::Read) -> Result<AnyExtract, ExtractError> {
    let (mut csv, header) = input::open(reader)?;
    match header.layout()? {
        Layout::Provider => provider::read_rows(&mut csv, &header).map(AnyExtract::Provider),
        Layout::SubIcb => sub_icb::read_rows(&mut csv, &header).map(AnyExtract::SubIcb),
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_sub_icb;

//! [`PathwayReadError`]: why a pathway file could not be read at all (as
//! opposed to a [`BadPathwayRow`](super::BadPathwayRow), which is reported and
//! skipped).

use super::{LayoutError, PathwayColumn, TableTooLarge};
use crate::cwt::sniff::FileKind;

/// Why a pathway file or stream could not be read. Bad records do not stop
/// reading; these do. `#[non_exhaustive]`; the variants present depend on
/// the features enabled.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PathwayReadError {
    /// The input is empty: there is no header.
    #[error("the pathway file is empty: no header row")]
    NoHeader,
    /// The file is not comma-separated UTF-8 text: UTF-16, a workbook,
    /// Parquet, or tab- or semicolon-separated text.
    #[error("the pathway file is {0}")]
    NotCsv(FileKind),
    /// The header does not end within the limit (1 MiB,
    /// [`MAX_PATHWAY_RECORD`](super::MAX_PATHWAY_RECORD)).
    #[error("the header is longer than {limit} bytes (it starts `{start}`)")]
    HeaderTooLong {
        /// The limit, in bytes.
        limit: usize,
        /// The header's first 40 bytes.
        start: String,
    },
    /// Counting every clock stop would need a table larger than the file
    /// readers' budget: the months and providers it would need are named.
    /// Nothing is counted outside a window: the reader fails instead.
    #[error("the file's clock stops need {0}")]
    TableTooLarge(#[from] TableTooLarge),
    /// The header does not give the layout.
    #[error(transparent)]
    Layout(#[from] LayoutError),
    /// Reading failed.
    #[error("reading the pathway file failed: {0}")]
    Io(#[from] std::io::Error),
    /// The CSV could not be read (quoted records).
    #[cfg(feature = "pathway-csv")]
    #[error("reading the pathway CSV failed: {0}")]
    Csv(#[from] csv::Error),
    /// A column has a type the layout cannot read (Arrow, Parquet).
    #[error("column `{name}` ({column}) has type {data_type}; expected {expected}")]
    ColumnType {
        /// The layout column.
        column: PathwayColumn,
        /// The column's name in the data.
        name: String,
        /// The type found.
        data_type: String,
        /// The types accepted.
        expected: &'static str,
    },
    /// Arrow failed.
    #[cfg(feature = "pathway-arrow")]
    #[error("Arrow: {0}")]
    Arrow(#[from] arrow_schema::ArrowError),
    /// Parquet decoding failed.
    #[cfg(feature = "pathway-parquet")]
    #[error("Parquet: {0}")]
    Parquet(#[from] parquet::errors::ParquetError),
    /// A Parquet file is larger, in one place, than a limit of the reader
    /// (checked before decoding: see
    /// [`read_pathways_parquet`](super::read_pathways_parquet)).
    #[cfg(feature = "pathway-parquet")]
    #[error("Parquet: {what} is {found}, more than the limit of {limit}")]
    ParquetLimit {
        /// What is too large (`the footer`, `a page's size`).
        what: &'static str,
        /// Its size (bytes, or values).
        found: u64,
        /// The limit.
        limit: u64,
    },
    /// A Parquet file's structure does not fit the file (checked before
    /// decoding): a footer, column chunk or page beyond the data.
    #[cfg(feature = "pathway-parquet")]
    #[error("Parquet: {what}")]
    ParquetMalformed {
        /// Where and what.
        what: String,
    },
    /// The Parquet decoder panicked on this file (caught: the file is
    /// corrupt in a way the decoder does not check).
    #[cfg(feature = "pathway-parquet")]
    #[error("Parquet: the decoder failed on corrupt data (it panicked: {message})")]
    ParquetPanic {
        /// The panic's message (at most 200 characters).
        message: String,
    },
}

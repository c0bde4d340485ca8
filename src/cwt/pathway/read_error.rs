//! [`PathwayReadError`]: why a pathway file could not be read at all (as
//! opposed to a [`BadPathwayRow`](super::BadPathwayRow), which is reported and
//! skipped).

use super::{LayoutError, PathwayColumn};

/// Why a pathway file or stream could not be read. Bad records do not stop
/// reading; these do. `#[non_exhaustive]`; the variants present depend on
/// the features enabled.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PathwayReadError {
    /// The input is empty: there is no header.
    #[error("the pathway file is empty: no header row")]
    NoHeader,
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
}

//! [`read_pathways_parquet`]: pathways counted from a Parquet file (feature
//! `pathway-parquet`), from any `ChunkReader` the caller opens.
//!
//! The file is checked before the decoder allocates anything sized by it
//! (`parquet_guard.rs`): the footer against the file's length and
//! `MAX_PARQUET_FOOTER`, every column chunk against the file, and every
//! page header of the columns read against `MAX_PARQUET_PAGE` and
//! `MAX_PARQUET_PAGE_VALUES`. The embedded Arrow schema is not read. A
//! panic that still comes from inside the decoder is caught and returned
//! as [`PathwayReadError::ParquetPanic`].

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;

use parquet::arrow::arrow_reader::{
    ArrowReaderMetadata, ArrowReaderOptions, ParquetRecordBatchReaderBuilder,
};
use parquet::arrow::ProjectionMask;
use parquet::file::reader::ChunkReader;

use super::arrow_batches::aggregate_projected;
use super::layout::HeaderLayout;
use super::parquet_guard::{check_pages, checked_metadata, Guarded};
use super::{ColumnMapping, PathwayColumn, PathwayFileCounts, PathwayReadError};

/// Rows decoded per record batch.
const BATCH_ROWS: usize = 64 * 1024;

/// Reads a pathway Parquet file (columns as in [`PathwayColumn`], typed as
/// [`PathwayBatches`](super::PathwayBatches) accepts: dates `Date32` or ISO
/// strings, categoricals dictionary-encoded or plain strings, integer
/// adjustments) from `reader` (a `std::fs::File` the caller opened, or
/// `bytes::Bytes` in memory) and counts it batch by batch, decoding only
/// the layout's columns. Compression: none, snappy, zstd, lz4 (raw and
/// Hadoop framing), gzip or brotli (every codec the `parquet` crate reads).
///
/// Corrupt or hostile files get an error, never a panic or an abort: the
/// footer, the column chunks and the page headers are checked against the
/// file's length and fixed limits (a footer of at most 16 MiB, at most
/// 10,000 columns, pages of at most 64 MiB and 2^24 values; writers'
/// defaults are 1 MiB pages) before the decoder allocates, and a panic
/// inside the decoder is caught (this needs the default `panic = "unwind"`
/// profile setting).
///
/// # Errors
///
/// [`PathwayReadError::ParquetLimit`] if the file is larger than a limit
/// in one of those places, [`PathwayReadError::ParquetMalformed`] if its
/// structure does not fit the file, [`PathwayReadError::Parquet`] if the
/// decoder fails, [`PathwayReadError::ParquetPanic`] if it panics,
/// [`PathwayReadError::Layout`] if a required column is missing, and those
/// of [`PathwayBatches::add`](super::PathwayBatches::add).
pub fn read_pathways_parquet<R: ChunkReader + 'static>(
    reader: R,
    mapping: &ColumnMapping,
) -> Result<PathwayFileCounts, PathwayReadError> {
    match catch_unwind(AssertUnwindSafe(|| read(reader, mapping))) {
        Ok(result) => result,
        Err(payload) => {
            let text = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Err(PathwayReadError::ParquetPanic {
                message: text.chars().take(200).collect(),
            })
        }
    }
}

fn read<R: ChunkReader + 'static>(
    reader: R,
    mapping: &ColumnMapping,
) -> Result<PathwayFileCounts, PathwayReadError> {
    let reader = Guarded::new(reader);
    let metadata = checked_metadata(&reader)?;
    let options = ArrowReaderOptions::new().with_skip_arrow_metadata(true);
    let arrow = ArrowReaderMetadata::try_new(Arc::new(metadata), options)?;
    let names: Vec<String> = arrow
        .schema()
        .fields()
        .iter()
        .map(|f| f.name().clone())
        .collect();
    let layout = HeaderLayout::find(names.iter().map(String::as_str), mapping)?;
    let roots: Vec<usize> = PathwayColumn::ALL
        .into_iter()
        .filter_map(|c| layout.position(c))
        .collect();
    let mask = ProjectionMask::roots(arrow.parquet_schema(), roots);
    check_pages(&reader, arrow.metadata(), &mask)?;
    let batches = ParquetRecordBatchReaderBuilder::new_with_metadata(reader, arrow)
        .with_batch_size(BATCH_ROWS)
        .with_projection(mask)
        .build()?;
    aggregate_projected(batches, mapping, layout.ignored)
}

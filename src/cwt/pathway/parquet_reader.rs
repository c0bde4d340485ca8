//! [`read_pathways_parquet`]: pathways counted from a Parquet file (feature
//! `pathway-parquet`), from any `ChunkReader` the caller opens.

use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::arrow::ProjectionMask;
use parquet::file::reader::ChunkReader;

use super::arrow_batches::aggregate_projected;
use super::layout::HeaderLayout;
use super::{ColumnMapping, PathwayColumn, PathwayFileCounts, PathwayReadError};

/// Rows decoded per record batch.
const BATCH_ROWS: usize = 64 * 1024;

/// Reads a pathway Parquet file (columns as in [`PathwayColumn`], typed as
/// [`PathwayBatches`](super::PathwayBatches) accepts: dates `Date32` or ISO
/// strings, categoricals dictionary-encoded or plain strings, integer
/// adjustments) from `reader` (a `std::fs::File` the caller opened, or
/// `bytes::Bytes` in memory) and counts it batch by batch, decoding only
/// the layout's columns. Compression: snappy or none.
///
/// # Errors
///
/// [`PathwayReadError::Parquet`] if the file cannot be decoded,
/// [`PathwayReadError::Layout`] if a required column is missing, and those
/// of [`PathwayBatches::add`](super::PathwayBatches::add).
pub fn read_pathways_parquet<R: ChunkReader + 'static>(
    reader: R,
    mapping: &ColumnMapping,
) -> Result<PathwayFileCounts, PathwayReadError> {
    let builder = ParquetRecordBatchReaderBuilder::try_new(reader)?;
    let names: Vec<String> = builder
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
    let mask = ProjectionMask::roots(builder.parquet_schema(), roots);
    let batches = builder
        .with_batch_size(BATCH_ROWS)
        .with_projection(mask)
        .build()?;
    aggregate_projected(batches, mapping, layout.ignored)
}

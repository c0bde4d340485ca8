//! Checks on a Parquet file made before its decoder allocates anything the
//! file sizes (feature `pathway-parquet`): the footer, the column chunks
//! and the page headers, against the file's length and the limits below.

use bytes::Bytes;
use parquet::arrow::ProjectionMask;
use parquet::errors::ParquetError;
use parquet::file::metadata::{PageIndexPolicy, ParquetMetaData, ParquetMetaDataReader};
use parquet::file::reader::{ChunkReader, Length};

use super::parquet_pages::{page_sizes, HeaderError};
use super::PathwayReadError;

/// The largest Parquet footer (the file metadata) read: 16 MiB. A pathway
/// file's footer is a few kilobytes (about 100 bytes per column chunk);
/// 16 MiB holds over 100,000 column chunks.
pub(crate) const MAX_PARQUET_FOOTER: u64 = 16 << 20;
/// The most leaf columns a Parquet file may have: 10,000.
pub(crate) const MAX_PARQUET_COLUMNS: u64 = 10_000;
/// The largest page (compressed or uncompressed) read: 64 MiB. Writers'
/// defaults are 1 MiB pages (parquet-rs, polars, pyarrow, Spark).
pub(crate) const MAX_PARQUET_PAGE: u64 = 64 << 20;
/// The most values one page may hold: 2^24 (16.8 million). Writers'
/// defaults are at most about 20,000 rows a page.
pub(crate) const MAX_PARQUET_PAGE_VALUES: u64 = 1 << 24;
/// The largest page header read: 1 MiB (a header is tens of bytes, more
/// only with long statistics).
const MAX_PAGE_HEADER: u64 = 1 << 20;

fn too_large(what: &'static str, found: u64, limit: u64) -> PathwayReadError {
    PathwayReadError::ParquetLimit { what, found, limit }
}

fn malformed(what: String) -> PathwayReadError {
    PathwayReadError::ParquetMalformed { what }
}

/// The caller's reader, refusing any read past the file's end or longer
/// than the largest page or footer, so that no read allocates more than
/// the file holds.
pub(super) struct Guarded<R> {
    inner: R,
    len: u64,
}

impl<R: ChunkReader> Guarded<R> {
    pub(super) fn new(inner: R) -> Guarded<R> {
        let len = inner.len();
        Guarded { inner, len }
    }
}

impl<R: ChunkReader> Length for Guarded<R> {
    fn len(&self) -> u64 {
        self.len
    }
}

impl<R: ChunkReader> ChunkReader for Guarded<R> {
    type T = R::T;

    fn get_read(&self, start: u64) -> parquet::errors::Result<R::T> {
        if start > self.len {
            return Err(ParquetError::EOF(format!(
                "read at byte {start}, past the end of a file of {} bytes",
                self.len
            )));
        }
        self.inner.get_read(start)
    }

    fn get_bytes(&self, start: u64, length: usize) -> parquet::errors::Result<Bytes> {
        let wanted = u64::try_from(length).unwrap_or(u64::MAX);
        let end = start.checked_add(wanted);
        if end.is_none_or(|end| end > self.len) {
            return Err(ParquetError::EOF(format!(
                "read of {length} bytes at byte {start}, past the end of a file of {} bytes",
                self.len
            )));
        }
        if wanted > MAX_PARQUET_FOOTER.max(MAX_PARQUET_PAGE) {
            return Err(ParquetError::General(format!(
                "read of {length} bytes refused (more than the largest page or footer)"
            )));
        }
        self.inner.get_bytes(start, length)
    }
}

/// The file's metadata, read after checking the footer's length, and then
/// checked: column count, and every column chunk inside the file.
pub(super) fn checked_metadata<R: ChunkReader>(
    reader: &Guarded<R>,
) -> Result<ParquetMetaData, PathwayReadError> {
    let len = reader.len;
    // `PAR1`, the metadata, its length (4 bytes) and `PAR1`.
    let tail_at = len
        .checked_sub(8)
        .filter(|_| len >= 12)
        .ok_or_else(|| malformed(format!("a file of {len} bytes is too short for Parquet")))?;
    let tail = reader.inner.get_bytes(tail_at, 8)?;
    let (size, magic) = tail.split_at(4.min(tail.len()));
    if magic != b"PAR1" {
        return Err(malformed(
            "the file does not end with `PAR1` (not Parquet, cut short, or encrypted)".to_owned(),
        ));
    }
    let size = u64::from(u32::from_le_bytes(
        <[u8; 4]>::try_from(size).unwrap_or_default(),
    ));
    if size > MAX_PARQUET_FOOTER {
        return Err(too_large("the footer", size, MAX_PARQUET_FOOTER));
    }
    // The metadata must fit between the leading `PAR1` and the tail.
    let data_end = tail_at
        .checked_sub(size)
        .filter(|&start| start >= 4)
        .ok_or_else(|| {
            malformed(format!(
                "the footer claims {size} bytes, more than the file of {len} bytes holds"
            ))
        })?;
    let metadata = ParquetMetaDataReader::new()
        .with_page_index_policy(PageIndexPolicy::Skip)
        .parse_and_finish(reader)?;
    let columns = metadata.file_metadata().schema_descr().num_columns();
    let columns = u64::try_from(columns).unwrap_or(u64::MAX);
    if columns > MAX_PARQUET_COLUMNS {
        return Err(too_large(
            "the leaf column count",
            columns,
            MAX_PARQUET_COLUMNS,
        ));
    }
    for (g, group) in metadata.row_groups().iter().enumerate() {
        if group.num_rows() < 0 {
            return Err(malformed(format!(
                "row group {g} has {} rows",
                group.num_rows()
            )));
        }
        for (c, chunk) in group.columns().iter().enumerate() {
            let start = chunk
                .dictionary_page_offset()
                .unwrap_or_else(|| chunk.data_page_offset());
            let size = chunk.compressed_size();
            let fits = u64::try_from(start)
                .ok()
                .zip(u64::try_from(size).ok())
                .and_then(|(s, n)| s.checked_add(n))
                .is_some_and(|end| end <= data_end);
            if !fits || start < 4 {
                return Err(malformed(format!(
                    "row group {g}, column {c}: a chunk of {size} bytes at byte {start} is not within the data (bytes 4 to {data_end})"
                )));
            }
        }
    }
    Ok(metadata)
}

/// Reads the page headers of every column chunk `mask` selects, as the
/// decoder will, and refuses a page larger than [`MAX_PARQUET_PAGE`], with
/// more than [`MAX_PARQUET_PAGE_VALUES`] values, or not within its chunk.
pub(super) fn check_pages<R: ChunkReader>(
    reader: &Guarded<R>,
    metadata: &ParquetMetaData,
    mask: &ProjectionMask,
) -> Result<(), PathwayReadError> {
    for (g, group) in metadata.row_groups().iter().enumerate() {
        for (c, chunk) in group.columns().iter().enumerate() {
            if !mask.leaf_included(c) {
                continue;
            }
            let start = chunk
                .dictionary_page_offset()
                .unwrap_or_else(|| chunk.data_page_offset());
            // Checked by `checked_metadata`: both non-negative, within the file.
            let mut at = u64::try_from(start).unwrap_or(0);
            let mut remaining = u64::try_from(chunk.compressed_size()).unwrap_or(0);
            let place = |at: u64| format!("row group {g}, column {c}, page at byte {at}");
            while remaining > 0 {
                let sizes = read_header(reader, at, remaining)
                    .map_err(|what| malformed(format!("{}: {what}", place(at))))?;
                let header_len = u64::try_from(sizes.header_len).unwrap_or(u64::MAX);
                let compressed = u64::try_from(sizes.compressed);
                let uncompressed = u64::try_from(sizes.uncompressed);
                let values = u64::try_from(sizes.values);
                let (Ok(compressed), Ok(uncompressed), Ok(values)) =
                    (compressed, uncompressed, values)
                else {
                    return Err(malformed(format!("{}: a negative size", place(at))));
                };
                if uncompressed > MAX_PARQUET_PAGE || compressed > MAX_PARQUET_PAGE {
                    return Err(too_large(
                        "a page's size",
                        uncompressed.max(compressed),
                        MAX_PARQUET_PAGE,
                    ));
                }
                if values > MAX_PARQUET_PAGE_VALUES {
                    return Err(too_large(
                        "a page's value count",
                        values,
                        MAX_PARQUET_PAGE_VALUES,
                    ));
                }
                let page = header_len
                    .checked_add(compressed)
                    .filter(|&n| n <= remaining)
                    .ok_or_else(|| {
                        malformed(format!(
                            "{}: a page of {compressed} bytes runs past its chunk",
                            place(at)
                        ))
                    })?;
                remaining = remaining.saturating_sub(page);
                at = at.saturating_add(page);
            }
        }
    }
    Ok(())
}

/// The sizes in the page header at byte `at`, reading a little first and
/// more only if the header is longer.
fn read_header<R: ChunkReader>(
    reader: &Guarded<R>,
    at: u64,
    remaining: u64,
) -> Result<super::parquet_pages::PageSizes, String> {
    let mut want: u64 = 256;
    loop {
        let take = want.min(remaining);
        let bytes = reader
            .get_bytes(at, usize::try_from(take).unwrap_or(usize::MAX))
            .map_err(|e| e.to_string().chars().take(200).collect::<String>())?;
        match page_sizes(&bytes) {
            Ok(sizes) => return Ok(sizes),
            Err(HeaderError::Short) if take < remaining && want < MAX_PAGE_HEADER => {
                want = want.saturating_mul(16).min(MAX_PAGE_HEADER);
            }
            Err(HeaderError::Short) => {
                return Err("the page header runs past its chunk (or is over 1 MiB)".to_owned())
            }
            Err(HeaderError::Malformed) => return Err("the page header is not valid".to_owned()),
        }
    }
}

//! Parquet bytes: a file (any bytes), or, when the first byte is 0xFF, the
//! crate's synthetic sample with the rest of the input read as
//! (offset, xor) corruptions and a cut: counts or a typed error, never a
//! panic out of the reader and never an abort. A panic inside the decoder
//! is caught by the reader and returned as `ParquetPanic` (with overflow
//! checks on, parquet 60.2.0 panics in `BitReader::get_vlq_int` on corrupt
//! RLE data: a shift overflow found by this target; release builds wrap).

use bytes::Bytes;
use cancer_plan::cwt::pathway::{read_pathways_parquet, ColumnMapping, PathwayReadError};
use cancer_plan::CwtStandard;

const SAMPLE: &[u8] = include_bytes!("../../examples/data/cwt-pathways-sample.parquet");

/// The body.
pub fn run(data: &[u8]) {
    let file = match data.split_first() {
        Some((0xFF, edits)) => {
            let mut file = SAMPLE.to_vec();
            let mut pairs = edits.chunks_exact(3);
            for pair in &mut pairs {
                let at = usize::from(u16::from_le_bytes([pair[0], pair[1]]));
                // Offsets count from the end too, where the footer is.
                let at = if at & 1 == 0 {
                    at / 2
                } else {
                    file.len().saturating_sub(1 + at / 2)
                };
                if let Some(b) = file.get_mut(at) {
                    *b ^= pair[2];
                }
            }
            if let [cut_lo, cut_hi] = pairs.remainder() {
                let cut = usize::from(u16::from_le_bytes([*cut_lo, *cut_hi]));
                file.truncate(file.len().saturating_sub(cut));
            }
            file
        }
        _ => data.to_vec(),
    };
    match read_pathways_parquet(Bytes::from(file), &ColumnMapping::new()) {
        Ok(read) => {
            for standard in CwtStandard::ALL {
                assert_eq!(read.counts().outside_window(standard), 0);
            }
            assert!(read.bad_rows().len() as u64 <= read.records());
            let _ = read.tabulate();
        }
        Err(PathwayReadError::ParquetPanic { message }) => {
            assert!(message.len() <= 800, "long message: {message}");
        }
        Err(e) => {
            assert!(e.to_string().len() < 1000, "long message: {e}");
        }
    }
}

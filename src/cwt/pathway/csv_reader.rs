//! [`read_pathways_csv`]: a streaming reader of pathway CSV files (feature
//! `pathway-csv`).
//!
//! The input is read in 1 MiB blocks; unquoted records (the usual export)
//! are split on the fast path, by hand; from the first block holding a
//! quote on, the rest is read with the `csv` crate, so quoted fields
//! (commas, newlines inside) read correctly too. Records are counted in
//! chunks of 64K as they are read: memory stays flat whatever the file's
//! size (about 4 MB beyond the table of counts).

use std::io::{self, Read};

use super::aggregate::Aggregator;
use super::layout::HeaderLayout;
use super::{row, BadPathwayRowReason, ColumnMapping, PathwayFileCounts, PathwayReadError};

const BLOCK: usize = 1 << 20;

/// Reads a pathway CSV (the layout of [`PathwayColumn`](super::PathwayColumn):
/// a header row, then one pathway a record) from any `io::Read` and counts
/// it by month x provider x tumour site x standard in a window derived from
/// the data. Bad records are reported with their line and reason and
/// counted, impossible pathways become findings with their record position;
/// nothing is dropped silently.
///
/// ```
/// use cancer_plan::cwt::pathway::{read_pathways_csv, ColumnMapping};
/// use cancer_plan::{CwtStandard, TumourSite};
/// let csv = "\
/// provider,route,tumour_site,referral_received,told_outcome,decision_to_treat,first_treatment,dna_adjustment_days,treatment_delay_days,nhs_number
/// RHM,urgent_suspected_cancer,lung,2024-04-01,2024-04-29,,,,,x
/// RHM,urgent_suspected_cancer,lung,2024-04-01,2024-04-30,,,0,0,x
/// RHM,urgent_suspected_cancer,lung,2024-04-01,2024-04-31,,,,,x
/// ";
/// let read = read_pathways_csv(csv.as_bytes(), &ColumnMapping::new())?;
/// assert_eq!(read.records(), 3);
/// assert_eq!(read.ignored_columns(), ["nhs_number"]);
/// assert_eq!(read.bad_rows()[0].to_string(),
///     "line 4: told_outcome: `2024-04-31` is not a date (expected YYYY-MM-DD, or blank)");
/// let table = read.tabulate()?;
/// let key = ("RHM".parse()?, TumourSite::Lung);
/// let fds = table.get("2024-04".parse()?, CwtStandard::FasterDiagnosis28Day, &key).ok_or("none")?;
/// assert_eq!(fds.to_string(), "1 / 2 (50.00%)");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// [`PathwayReadError::NoHeader`] on empty input,
/// [`PathwayReadError::Layout`] if the header lacks a required column (or
/// has one twice), [`PathwayReadError::Io`] or [`PathwayReadError::Csv`] if
/// reading fails. Bad records are not errors.
pub fn read_pathways_csv<R: Read>(
    reader: R,
    mapping: &ColumnMapping,
) -> Result<PathwayFileCounts, PathwayReadError> {
    let mut input = Blocks::new(reader);
    let header = input.header()?.ok_or(PathwayReadError::NoHeader)?;
    let names = header_names(&header)?;
    let layout = HeaderLayout::find(names.iter().map(String::as_str), mapping)?;
    let slots = slots_of(&layout);
    let mut aggregator = Aggregator::new(layout.ignored.clone());
    let mut state = State {
        slots,
        width: layout.width,
        line: 1,
        record: 0,
    };
    while let Some(block) = input.next_block()? {
        if memchr::memchr(b'"', block).is_some() {
            state.quoted(input.rest_from_block(), &mut aggregator)?;
            return Ok(aggregator.finish());
        }
        state.block(block, &mut aggregator);
        input.consume();
    }
    Ok(aggregator.finish())
}

/// For each header position, the layout slot it fills.
fn slots_of(layout: &HeaderLayout) -> Vec<Option<usize>> {
    let mut slots = vec![None; layout.width];
    for (slot, position) in layout.positions.iter().enumerate() {
        if let Some(s) = position.and_then(|p| slots.get_mut(p)) {
            *s = Some(slot);
        }
    }
    slots
}

fn header_names(line: &[u8]) -> Result<Vec<String>, PathwayReadError> {
    let line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(line);
    let mut record = csv::ByteRecord::new();
    csv.read_byte_record(&mut record)?;
    Ok(record
        .iter()
        .map(|f| String::from_utf8_lossy(f).trim().to_owned())
        .collect())
}

struct State {
    slots: Vec<Option<usize>>,
    width: usize,
    /// The line last read (the header is line 1).
    line: u64,
    /// Data records read.
    record: usize,
}

impl State {
    /// An unquoted block of whole lines, split in one pass over its commas
    /// and newlines (found 8 bytes at a time).
    #[inline]
    fn block(&mut self, block: &[u8], aggregator: &mut Aggregator) {
        let mut fields: [&[u8]; 10] = [b""; 10];
        let mut found = 0usize;
        let mut start = 0usize;
        let ends = Separators::new(block).chain(std::iter::once(block.len()));
        for end in ends {
            let field = block.get(start..end).unwrap_or_default();
            start = end + 1;
            let line_end = block.get(end).is_none_or(|&b| b == b'\n');
            if !line_end {
                if let Some(f) = self
                    .slots
                    .get(found)
                    .copied()
                    .flatten()
                    .and_then(|s| fields.get_mut(s))
                {
                    *f = field;
                }
                found += 1;
                continue;
            }
            self.line += 1;
            let field = field.strip_suffix(b"\r").unwrap_or(field);
            if found == 0 && field.is_empty() {
                continue; // a blank line
            }
            if let Some(f) = self
                .slots
                .get(found)
                .copied()
                .flatten()
                .and_then(|s| fields.get_mut(s))
            {
                *f = field;
            }
            self.record_of(fields, found + 1, self.line, aggregator);
            fields = [b""; 10];
            found = 0;
        }
    }

    /// One record of `found` fields starting on `line`: counted, or
    /// reported as bad.
    #[inline]
    fn record_of(
        &mut self,
        fields: [&[u8]; 10],
        found: usize,
        line: u64,
        aggregator: &mut Aggregator,
    ) {
        let index = self.record;
        self.record += 1;
        if found != self.width {
            let reason = BadPathwayRowReason::WrongFieldCount {
                expected: self.width,
                found,
            };
            aggregator.bad(index, Some(line), reason);
            return;
        }
        match row::compact(aggregator, &fields) {
            Ok(record) => aggregator.push(index, record),
            Err(reason) => aggregator.bad(index, Some(line), reason),
        }
    }

    /// The rest of the input, from the start of the current block, with
    /// the `csv` crate.
    fn quoted(
        &mut self,
        rest: impl Read,
        aggregator: &mut Aggregator,
    ) -> Result<(), PathwayReadError> {
        let first_line = self.line;
        let mut csv = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .buffer_capacity(BLOCK)
            .from_reader(rest);
        let mut record = csv::ByteRecord::new();
        while csv.read_byte_record(&mut record)? {
            let line = first_line + record.position().map_or(0, |p| p.line());
            let mut fields: [&[u8]; 10] = [b""; 10];
            for (field, slot) in record.iter().zip(&self.slots) {
                if let Some(f) = slot.and_then(|s| fields.get_mut(s)) {
                    *f = field;
                }
            }
            self.record_of(fields, record.len(), line, aggregator);
        }
        Ok(())
    }
}

/// The input in blocks of whole lines.
struct Blocks<R> {
    reader: R,
    buf: Vec<u8>,
    /// Bytes of `buf` filled.
    filled: usize,
    /// Bytes of `buf` handed out as the current block (whole lines, and
    /// the newline after them).
    taken: usize,
    eof: bool,
}

impl<R: Read> Blocks<R> {
    fn new(reader: R) -> Blocks<R> {
        Blocks {
            reader,
            buf: vec![0; BLOCK],
            filled: 0,
            taken: 0,
            eof: false,
        }
    }

    /// Reads until `buf` is full or the input ends.
    fn fill(&mut self) -> io::Result<()> {
        while !self.eof && self.filled < self.buf.len() {
            let space = self.buf.get_mut(self.filled..).unwrap_or_default();
            match self.reader.read(space) {
                Ok(0) => self.eof = true,
                Ok(n) => self.filled += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    /// Drops the current block, keeping the partial line after it.
    fn consume(&mut self) {
        self.buf.copy_within(self.taken..self.filled, 0);
        self.filled -= self.taken;
        self.taken = 0;
    }

    /// The first line (without its newline); `None` on empty input.
    fn header(&mut self) -> io::Result<Option<Vec<u8>>> {
        loop {
            self.fill()?;
            let filled = self.buf.get(..self.filled).unwrap_or_default();
            if let Some(end) = memchr::memchr(b'\n', filled) {
                let line = filled.get(..end).unwrap_or_default();
                let line = line.strip_suffix(b"\r").unwrap_or(line).to_vec();
                self.taken = end + 1;
                self.consume();
                return Ok(Some(line));
            }
            if self.eof {
                let line = filled.to_vec();
                self.taken = self.filled;
                self.consume();
                return Ok((!line.is_empty()).then_some(line));
            }
            // A header longer than the buffer: make room.
            self.buf.resize(self.buf.len() * 2, 0);
        }
    }

    /// The next block of whole lines (the last may lack its newline at the
    /// end of the input), without the final newline; `None` at the end.
    fn next_block(&mut self) -> io::Result<Option<&[u8]>> {
        let end = loop {
            self.fill()?;
            if self.filled == 0 {
                return Ok(None);
            }
            let filled = self.buf.get(..self.filled).unwrap_or_default();
            if self.eof {
                self.taken = self.filled;
                break filled.strip_suffix(b"\n").map_or(self.filled, <[u8]>::len);
            }
            if let Some(end) = memchr::memrchr(b'\n', filled) {
                self.taken = end + 1;
                break end;
            }
            // One line longer than the buffer: make room.
            self.buf.resize(self.buf.len() * 2, 0);
        };
        Ok(self.buf.get(..end))
    }

    /// The rest of the input, from the start of the current block.
    fn rest_from_block(mut self) -> impl Read {
        self.buf.truncate(self.filled);
        io::Cursor::new(self.buf).chain(self.reader)
    }
}

/// The positions of the commas and newlines of a block, found a word (8
/// bytes) at a time: the bytes equal to `,` or `\n` marked by bit tricks
/// (SWAR), then taken lowest first. Safe code, no SIMD intrinsics.
struct Separators<'a> {
    block: &'a [u8],
    /// Offset of the word `mask` marks.
    base: usize,
    /// Offset of the next word to load.
    next_word: usize,
    /// The high bit of each separator byte of the current word not yet
    /// given out.
    mask: u64,
}

const ONES: u64 = 0x0101_0101_0101_0101;
const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;

/// The high bit of each zero byte of `v` (exactly: no false positives).
#[inline(always)]
const fn zero_bytes(v: u64) -> u64 {
    !(((v & LOW7).wrapping_add(LOW7)) | v | LOW7)
}

impl<'a> Separators<'a> {
    fn new(block: &'a [u8]) -> Separators<'a> {
        Separators {
            block,
            base: 0,
            next_word: 0,
            mask: 0,
        }
    }
}

impl Iterator for Separators<'_> {
    type Item = usize;

    #[inline(always)]
    fn next(&mut self) -> Option<usize> {
        while self.mask == 0 {
            let at = self.next_word;
            let word = match self.block.get(at..at + 8) {
                Some(word) => <[u8; 8]>::try_from(word).unwrap_or_default(),
                None => {
                    // The last, short word, padded with zeros (neither a
                    // comma nor a newline).
                    let tail = self.block.get(at..)?;
                    if tail.is_empty() {
                        return None;
                    }
                    let mut word = [0u8; 8];
                    for (w, b) in word.iter_mut().zip(tail) {
                        *w = *b;
                    }
                    word
                }
            };
            let word = u64::from_le_bytes(word);
            self.base = at;
            self.next_word = at + 8;
            self.mask = zero_bytes(word ^ (ONES * u64::from(b',')))
                | zero_bytes(word ^ (ONES * u64::from(b'\n')));
        }
        let byte = (self.mask.trailing_zeros() / 8) as usize;
        self.mask &= self.mask - 1;
        Some(self.base + byte)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_are_every_comma_and_newline() {
        let text = b"a,bc,,\ndefghijklmnop,q\n,x,yz\n\n1234567,";
        for len in 0..=text.len() {
            let block = &text[..len];
            let expected: Vec<usize> = (0..len)
                .filter(|&i| block[i] == b',' || block[i] == b'\n')
                .collect();
            assert_eq!(
                Separators::new(block).collect::<Vec<_>>(),
                expected,
                "{len}"
            );
        }
        // Bytes next to the separators' values are not separators.
        let near = [
            b',' - 1,
            b',' + 1,
            b'\n' - 1,
            b'\n' + 1,
            0x80 | b',',
            0xff,
            0,
        ];
        assert_eq!(Separators::new(&near).count(), 0);
    }
}

//! [`read_pathways_csv`]: a streaming reader of pathway CSV files (feature
//! `pathway-csv`).
//!
//! The input is read in 1 MiB blocks; a block without a quote (the usual
//! export) is split on the fast path, by hand; a block holding a quote is
//! read record by record, quote-aware, so quoted fields (commas, newlines
//! inside) read correctly too. Lines end at `\n` (a `\r` before it is
//! dropped), or at every `\r` in a file whose first line ending is a lone
//! `\r`; a `\r` elsewhere is data. Records are counted in chunks of 64K
//! as they are read: memory stays flat whatever the file's size (about 4
//! MB beyond the table of counts), and no record or header longer than
//! [`MAX_PATHWAY_RECORD`] is held.

use std::io::Read;

use super::aggregate::Aggregator;
use super::csv_input::{Blocks, RecordParser, MAX_PATHWAY_RECORD};
use super::layout::HeaderLayout;
use super::{row, BadPathwayRowReason, ColumnMapping, PathwayFileCounts, PathwayReadError};
use crate::cwt::sniff;

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
    input.fill()?;
    if let Some(kind) = sniff::binary_kind(input.filled()) {
        return Err(PathwayReadError::NotCsv(kind));
    }
    input.detect_line_endings();
    let (names, header, header_lines) = header(&mut input)?;
    let layout = HeaderLayout::find(names.iter().map(String::as_str), mapping).map_err(|e| {
        match sniff::separator_kind(&header) {
            Some(kind) if names.len() == 1 => PathwayReadError::NotCsv(kind),
            _ => PathwayReadError::Layout(e),
        }
    })?;
    let slots = slots_of(&layout);
    let mut aggregator = Aggregator::new(layout.ignored.clone());
    let mut state = State {
        slots,
        width: layout.width,
        line: header_lines,
        record: 0,
        scratch: Vec::new(),
        ends: Vec::new(),
    };
    loop {
        input.fill()?;
        let filled = input.filled();
        if filled.is_empty() {
            break;
        }
        let consumed = if memchr::memchr(b'"', filled).is_none() {
            match memchr::memrchr(b'\n', filled) {
                _ if input.eof => {
                    let block = filled.strip_suffix(b"\n").unwrap_or(filled);
                    state.block(block, &mut aggregator);
                    filled.len()
                }
                Some(end) => {
                    state.block(filled.get(..end).unwrap_or_default(), &mut aggregator);
                    end.saturating_add(1)
                }
                None => 0,
            }
        } else {
            state.quoted(filled, input.eof, &mut aggregator)
        };
        if consumed == 0 && input.is_full() {
            // A record longer than the buffer: a bad record, skipped.
            let line = state.line.saturating_add(1);
            let index = state.next_index();
            let reason = BadPathwayRowReason::RecordTooLong {
                limit: MAX_PATHWAY_RECORD,
            };
            aggregator.bad(index, Some(line), reason);
            let newlines = input.skip_record()?;
            state.line = state.line.saturating_add(newlines.max(1));
            continue;
        }
        input.consume(consumed);
        aggregator.check()?;
    }
    Ok(aggregator.finish()?)
}

/// The header record (quote-aware): its names (trimmed, a UTF-8
/// byte-order mark dropped), its field bytes, and the lines it takes.
#[allow(clippy::type_complexity)]
fn header<R: Read>(input: &mut Blocks<R>) -> Result<(Vec<String>, Vec<u8>, u64), PathwayReadError> {
    let filled = input.filled();
    if filled.is_empty() {
        return Err(PathwayReadError::NoHeader);
    }
    let mut parser = RecordParser::new();
    let (mut bytes, mut ends) = (Vec::new(), Vec::new());
    let consumed = match parser.feed(filled, Some((&mut bytes, &mut ends))) {
        Some(n) => n,
        None if input.eof => {
            RecordParser::finish((&mut bytes, &mut ends));
            filled.len()
        }
        None => {
            let start = String::from_utf8_lossy(filled.get(..40).unwrap_or(filled)).into_owned();
            return Err(PathwayReadError::HeaderTooLong {
                limit: MAX_PATHWAY_RECORD,
                start,
            });
        }
    };
    input.consume(consumed);
    let mut names = Vec::with_capacity(ends.len());
    let mut start = 0;
    for &end in &ends {
        let name = bytes.get(start..end).unwrap_or_default();
        let name = if start == 0 {
            name.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(name)
        } else {
            name
        };
        names.push(String::from_utf8_lossy(name).trim().to_owned());
        start = end;
    }
    Ok((names, bytes, parser.newlines.max(1)))
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

struct State {
    slots: Vec<Option<usize>>,
    width: usize,
    /// The line last read (the header is line 1).
    line: u64,
    /// Data records read.
    record: usize,
    /// The fields of a quoted record, and where each ends.
    scratch: Vec<u8>,
    ends: Vec<usize>,
}

impl State {
    /// An unquoted block of whole lines, split in one pass over its commas
    /// and newlines (found 8 bytes at a time).
    #[inline]
    // Bounded: offsets within a block of at most `MAX_PATHWAY_RECORD` bytes; lines counted are at most the input's newlines.
    #[allow(clippy::arithmetic_side_effects)]
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
            let (width, index) = (self.width, self.next_index());
            record_of(fields, found + 1, width, index, self.line, aggregator);
            fields = [b""; 10];
            found = 0;
        }
    }

    /// The index of the next record (counting it).
    fn next_index(&mut self) -> usize {
        let index = self.record;
        self.record = self.record.saturating_add(1);
        index
    }

    /// The whole records at the start of `bytes` (a block holding a
    /// quote), quote-aware; returns the bytes consumed (0 if the first
    /// record does not end in `bytes` and the input goes on).
    fn quoted(&mut self, bytes: &[u8], eof: bool, aggregator: &mut Aggregator) -> usize {
        let mut at = 0;
        while let Some(rest) = bytes.get(at..).filter(|r| !r.is_empty()) {
            let mut parser = RecordParser::new();
            self.scratch.clear();
            self.ends.clear();
            let fields = Some((&mut self.scratch, &mut self.ends));
            let consumed = match parser.feed(rest, fields) {
                Some(n) => n,
                None if eof => {
                    RecordParser::finish((&mut self.scratch, &mut self.ends));
                    rest.len()
                }
                None => break,
            };
            let line = self.line.saturating_add(1);
            self.line = self.line.saturating_add(parser.newlines.max(1));
            at = at.saturating_add(consumed);
            let raw = rest.get(..consumed).unwrap_or_default();
            let raw = raw.strip_suffix(b"\n").unwrap_or(raw);
            if raw.is_empty() || raw == b"\r" {
                continue; // a blank line
            }
            let index = self.next_index();
            let mut fields: [&[u8]; 10] = [b""; 10];
            let mut start = 0;
            for (&end, slot) in self.ends.iter().zip(&self.slots) {
                if let Some(f) = slot.and_then(|s| fields.get_mut(s)) {
                    *f = self.scratch.get(start..end).unwrap_or_default();
                }
                start = end;
            }
            let found = self.ends.len();
            record_of(fields, found, self.width, index, line, aggregator);
        }
        at
    }
}

/// One record of `found` fields starting on `line`: counted, or reported
/// as bad.
#[inline]
fn record_of(
    fields: [&[u8]; 10],
    found: usize,
    width: usize,
    index: usize,
    line: u64,
    aggregator: &mut Aggregator,
) {
    if found != width {
        let reason = BadPathwayRowReason::WrongFieldCount {
            expected: width,
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
    // Bounded: word offsets within a block of at most `MAX_PATHWAY_RECORD` bytes; `mask` is non-zero where 1 is subtracted (the loop above).
    #[allow(clippy::arithmetic_side_effects)]
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

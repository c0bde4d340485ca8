//! From bytes to fields: line endings (LF, CRLF and CR-only), the record
//! loop with line numbers, and the field parsers shared by both layouts
//! (counts, `PERIOD`, and `YEAR`/`MONTH` checked against `PERIOD`).

use std::io::{self, BufRead, BufReader, Read};

use csv::ByteRecord;

use super::period::{month_abbreviation, month_number, parse_period};
use super::{BadRow, BadRowReason, ExtractError, Header, NotCsv};
use crate::cwt::{PatientCount, Performance, PerformanceError};
use crate::{period::FinancialYear, period::YearMonth};

/// The longest line an extract reader reads: 1 MiB (a provider extract's
/// line is under 200 bytes). A longer line (the header included) is
/// [`ExtractError::LineTooLong`]: memory stays bounded whatever the input.
pub const MAX_EXTRACT_LINE: usize = 1 << 20;

/// A line longer than [`MAX_EXTRACT_LINE`], as an I/O error's payload.
#[derive(Debug)]
struct LineTooLong;

impl std::fmt::Display for LineTooLong {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "a line longer than {MAX_EXTRACT_LINE} bytes")
    }
}

impl std::error::Error for LineTooLong {}

/// The input, with CR-only line endings turned into LF so that records and
/// line numbers come out right whatever the line endings, lines capped at
/// [`MAX_EXTRACT_LINE`], and what was delivered tracked (so that the
/// record loop can tell a last line without a newline).
pub(super) struct Input<R> {
    reader: BufReader<R>,
    /// CR-only endings (classic Mac): every `\r` read as `\n`.
    cr_only: bool,
    /// Bytes since the last `\n` delivered.
    since_newline: usize,
    /// Bytes delivered.
    delivered: u64,
    /// The reader has returned 0.
    ended: bool,
}

impl<R: Read> Input<R> {
    /// Looks at the first buffer-full: CR-only if the first line ending is
    /// a `\r` not followed by `\n`.
    pub(super) fn new(reader: R) -> Result<Input<R>, ExtractError> {
        let mut reader = BufReader::with_capacity(1 << 16, reader);
        let buffer = reader
            .fill_buf()
            .map_err(|e| ExtractError::Read(e.into()))?;
        if let Some(looks_like) = NotCsv::sniff(buffer) {
            return Err(ExtractError::NotCsv { looks_like });
        }
        let cr_only = match buffer.iter().position(|&b| b == b'\n' || b == b'\r') {
            Some(i) => {
                buffer.get(i) == Some(&b'\r') && buffer.get(i.saturating_add(1)) != Some(&b'\n')
            }
            None => false,
        };
        Ok(Input {
            reader,
            cr_only,
            since_newline: 0,
            delivered: 0,
            ended: false,
        })
    }

    /// The input has ended and all of it, `consumed` bytes, was consumed:
    /// the record just read was ended by the end of the input, not by a
    /// line ending of its own (a record ended by `\n` is handed out as the
    /// `\n` is read, before the end of the input is seen; a final `\n`
    /// inside an unclosed quote is data).
    fn ends_unterminated_at(&self, consumed: u64) -> bool {
        self.ended && consumed == self.delivered
    }
}

impl<R: Read> Input<R> {
    /// Copies the next bytes into `buf`: CR-only endings as `\n`, and the
    /// `\r` of every CRLF dropped (so that a blank CRLF line is blank, and
    /// fields do not end in `\r`).
    fn read_translated(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let available = self.reader.fill_buf()?;
        let mut take = available.len().min(buf.len());
        let more_buffered = take < available.len();
        let chunk = available.get(..take).unwrap_or_default();
        if !self.cr_only && chunk.last() == Some(&b'\r') && !more_buffered {
            if take > 1 {
                // Hold the `\r` back until the byte after it is known.
                take = take.saturating_sub(1);
            } else {
                // A lone `\r` at the end of the buffer: look past it.
                self.reader.consume(1);
                let next = self.reader.fill_buf()?;
                if next.first() == Some(&b'\n') {
                    return self.read_translated(buf);
                }
                if let Some(b) = buf.first_mut() {
                    *b = b'\r';
                }
                return Ok(1);
            }
        }
        let chunk = available.get(..take).unwrap_or_default();
        let out = buf.get_mut(..take).unwrap_or_default();
        let mut n = 0usize;
        let mut bytes = chunk.iter().peekable();
        while let Some(&b) = bytes.next() {
            let b = match b {
                b'\r' if self.cr_only => b'\n',
                b'\r' if bytes.peek() == Some(&&b'\n') => continue,
                b => b,
            };
            if let Some(slot) = out.get_mut(n) {
                *slot = b;
                n = n.saturating_add(1);
            }
        }
        self.reader.consume(take);
        Ok(n)
    }
}

impl<R: Read> Read for Input<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let mut n = 0;
        // Every `\r` of a chunk may be a CRLF's: read until something is
        // delivered or the input ends.
        let mut raw_end = false;
        while n == 0 && !raw_end && !buf.is_empty() {
            if self.reader.fill_buf()?.is_empty() {
                raw_end = true;
            } else {
                n = self.read_translated(buf)?;
            }
        }
        let read = buf.get(..n).unwrap_or_default();
        // The line running on from the last read ends at the first `\n`
        // here (or runs on); lines wholly inside `read` are shorter than
        // the buffer, itself shorter than the limit.
        let first = read.iter().position(|&b| b == b'\n').unwrap_or(n);
        if self.since_newline.saturating_add(first) > MAX_EXTRACT_LINE {
            return Err(io::Error::new(io::ErrorKind::InvalidData, LineTooLong));
        }
        match read.iter().rposition(|&b| b == b'\n') {
            Some(i) => self.since_newline = n.saturating_sub(i).saturating_sub(1),
            None => self.since_newline = self.since_newline.saturating_add(n),
        }
        if n == 0 {
            self.ended = true;
        } else {
            self.delivered = self.delivered.saturating_add(n as u64);
        }
        Ok(n)
    }
}

/// The line-too-long error, if `error` is one.
fn too_long(error: &csv::Error, line: u64) -> Option<ExtractError> {
    match error.kind() {
        csv::ErrorKind::Io(e) if e.get_ref().is_some_and(|e| e.is::<LineTooLong>()) => {
            Some(ExtractError::LineTooLong {
                line,
                limit: MAX_EXTRACT_LINE,
            })
        }
        _ => None,
    }
}

/// A CSV reader over the input and its header.
pub(super) fn open<R: Read>(reader: R) -> Result<(csv::Reader<Input<R>>, Header), ExtractError> {
    let input = Input::new(reader)?;
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(true)
        // Records end at `\n` only, so that line numbers are right for CRLF
        // files (the default terminator would put a CRLF record's start on
        // the line before); CR-only files reach here as LF (see `Input`).
        .terminator(csv::Terminator::Any(b'\n'))
        // Field counts are checked in `for_each_record`, where the
        // record's bytes give its true line.
        .flexible(true)
        .buffer_capacity(1 << 16)
        .from_reader(input);
    let header = match csv.byte_headers() {
        Ok(header) => Header::new(header)?,
        Err(error) => return Err(too_long(&error, 1).unwrap_or(ExtractError::Read(error))),
    };
    Ok((csv, header))
}

/// The line a record just read starts on: the line the reader is at, less
/// the newlines inside the record (quoted) and its own line ending. (The
/// `csv` crate's `position()` is where the reader stood before the record,
/// blank lines before it included: wrong after blank lines.)
fn start_line<R: Read>(csv: &csv::Reader<Input<R>>, inner_newlines: u64) -> u64 {
    let position = csv.position();
    let own_ending = u64::from(!csv.get_ref().ends_unterminated_at(position.byte()));
    position
        .line()
        .saturating_sub(inner_newlines)
        .saturating_sub(own_ending)
        .max(1)
}

/// A source of data records after the header: a CSV reader, or a
/// workbook's sheet (feature `xlsx`), each record with its line (or sheet
/// row) number.
pub(super) trait Records {
    /// Hands every record to `row`, or a record that cannot be read as a
    /// bad row. Fails only when the input cannot be read at all.
    fn for_each_record(
        &mut self,
        row: impl FnMut(Result<(&ByteRecord, u64), BadRow>),
    ) -> Result<(), ExtractError>;
}

impl<R: Read> Records for csv::Reader<Input<R>> {
    fn for_each_record(
        &mut self,
        row: impl FnMut(Result<(&ByteRecord, u64), BadRow>),
    ) -> Result<(), ExtractError> {
        for_each_csv_record(self, row)
    }
}

/// Reads every record, handing each to `row` with its line number, or a
/// record the CSV reader refuses as a bad row. Fails only on I/O errors
/// and lines longer than [`MAX_EXTRACT_LINE`].
fn for_each_csv_record<R: Read>(
    csv: &mut csv::Reader<Input<R>>,
    mut row: impl FnMut(Result<(&ByteRecord, u64), BadRow>),
) -> Result<(), ExtractError> {
    let width = csv.byte_headers().map_or(0, ByteRecord::len);
    let mut record = ByteRecord::new();
    loop {
        match csv.read_byte_record(&mut record) {
            Ok(false) => return Ok(()),
            Ok(true) => {
                let inner = record.as_slice().iter().filter(|&&b| b == b'\n').count();
                let line = start_line(csv, u64::try_from(inner).unwrap_or(u64::MAX));
                if record.len() == width {
                    row(Ok((&record, line)));
                } else {
                    let message = format!(
                        "found a record with {} fields, but the header has {width}",
                        record.len()
                    );
                    row(Err(BadRow::new(line, BadRowReason::Csv { message })));
                }
            }
            Err(error) => {
                if let Some(too_long) = too_long(&error, csv.position().line()) {
                    return Err(too_long);
                }
                let line = match error.kind() {
                    csv::ErrorKind::Io(_) => return Err(ExtractError::Read(error)),
                    csv::ErrorKind::UnequalLengths { .. } | csv::ErrorKind::Utf8 { .. } => {
                        start_line(csv, 0)
                    }
                    _ => error.position().map_or(0, |p| p.line()),
                };
                row(Err(BadRow::new(
                    line,
                    BadRowReason::Csv {
                        message: error.to_string(),
                    },
                )));
            }
        }
    }
}

/// Field `i` of a record, surrounding ASCII space (and a CRLF's `\r`)
/// trimmed; a column the record lacks reads as blank.
pub(super) fn field(record: &ByteRecord, i: usize) -> &[u8] {
    record.get(i).unwrap_or_default().trim_ascii()
}

/// Field text for a bad-row message: at most its first 40 characters
/// (then `…`), the same excerpt the pathway reader quotes.
pub(super) use crate::util::excerpt as text;

/// The largest count one row may hold: 10^9 patients (England has 57
/// million people; a month's national total is under 300,000). With it,
/// no file can overflow a total (2^63 patients) in fewer than 9.2 x 10^9
/// rows (some 300 GB), so `by_code()` and `overall()` cannot overflow on
/// any file a machine can read; a larger count is a bad row
/// ([`BadRowReason::CountTooLarge`]).
pub const MAX_EXTRACT_COUNT: u64 = 1_000_000_000;

/// A count: whole or half patients (`12`, `8.5`, `508.0`). Plain digits
/// with an optional fraction of `0`s or `5` then `0`s are read here
/// directly; anything else goes through [`PatientCount`]'s parser, so
/// that what is accepted and refused is exactly what it accepts and
/// refuses (`0.25`, `-1`, `1e3` and blank are bad rows).
pub(super) fn count(column: &'static str, bytes: &[u8]) -> Result<PatientCount, BadRowReason> {
    let (whole, fraction) = match bytes.iter().position(|&b| b == b'.') {
        Some(dot) => (bytes.get(..dot), bytes.get(dot.saturating_add(1)..)),
        None => (Some(bytes), Some(&b""[..])),
    };
    if let (Some(whole), Some(fraction)) = (whole, fraction) {
        if (1..=18).contains(&whole.len()) && whole.iter().all(u8::is_ascii_digit) {
            let half = match fraction.split_first() {
                None => Some(0),
                Some((&first, rest)) if rest.iter().all(|&b| b == b'0') => match first {
                    b'0' => Some(0),
                    b'5' => Some(1),
                    _ => None,
                },
                Some(_) => None,
            };
            if let Some(half) = half {
                // At most 18 digits: below 10^18, so no overflow.
                let n = whole.iter().fold(0u64, |n, &d| {
                    n.saturating_mul(10)
                        .saturating_add(u64::from(d.wrapping_sub(b'0')))
                });
                if n > MAX_EXTRACT_COUNT || (n == MAX_EXTRACT_COUNT && half == 1) {
                    return Err(too_large(column, bytes));
                }
                return Ok(PatientCount::from_halves(
                    n.saturating_mul(2).saturating_add(half),
                ));
            }
        }
        if whole.len() > 18 && whole.iter().all(u8::is_ascii_digit) {
            return Err(too_large(column, bytes));
        }
    }
    let count = std::str::from_utf8(bytes)
        .ok()
        .and_then(|t| t.parse::<PatientCount>().ok())
        .ok_or_else(|| BadRowReason::Count {
            column,
            text: text(bytes),
        })?;
    if count.halves() > MAX_EXTRACT_COUNT.saturating_mul(2) {
        return Err(too_large(column, bytes));
    }
    Ok(count)
}

fn too_large(column: &'static str, bytes: &[u8]) -> BadRowReason {
    BadRowReason::CountTooLarge {
        column,
        text: text(bytes),
        limit: MAX_EXTRACT_COUNT,
    }
}

/// The counts of a row as a [`Performance`]; `BREACHES`, when present and
/// not blank, must be `TOTAL - WITHIN STANDARD`.
pub(super) fn performance(
    record: &ByteRecord,
    total: (&'static str, usize),
    within: usize,
    breaches: Option<usize>,
) -> Result<Performance, BadRowReason> {
    let total = count(total.0, field(record, total.1))?;
    let within = count("WITHIN STANDARD", field(record, within))?;
    match breaches.map(|i| field(record, i)).filter(|b| !b.is_empty()) {
        Some(b) => Performance::with_breaches(within, total, count("BREACHES", b)?),
        None => Performance::new(within, total),
    }
    .map_err(bad_counts)
}

/// The bad-row reason for counts that do not make a [`Performance`].
fn bad_counts(error: PerformanceError) -> BadRowReason {
    match error {
        PerformanceError::WithinExceedsTotal { within, total } => {
            BadRowReason::WithinExceedsTotal { within, total }
        }
        PerformanceError::BreachesMismatch {
            within,
            total,
            breaches,
        } => BadRowReason::BreachesMismatch {
            within,
            total,
            breaches,
        },
        other => BadRowReason::Counts {
            message: other.to_string(),
        },
    }
}

/// `PERIOD`, and `YEAR` and `MONTH` where the file has them, read once per
/// distinct spelling: the columns' positions and the last triple seen and
/// its month (rows come in runs of one month).
pub(super) struct PeriodColumns {
    period: usize,
    year: Option<usize>,
    month: Option<usize>,
    last: Option<LastPeriod>,
}

/// The last `PERIOD`, `YEAR` and `MONTH` texts seen, and their month.
struct LastPeriod {
    period: Vec<u8>,
    year: Vec<u8>,
    month: Vec<u8>,
    read: YearMonth,
}

impl PeriodColumns {
    pub(super) fn new(header: &Header) -> Result<PeriodColumns, ExtractError> {
        Ok(PeriodColumns {
            period: header.require(&["PERIOD"])?,
            year: header.position(&["YEAR"]),
            month: header.position(&["MONTH"]),
            last: None,
        })
    }

    /// The row's month; a `YEAR` that is not the financial year of `PERIOD`
    /// or a `MONTH` that is not its month (`OCT` or `October`, any case) is
    /// a bad row.
    pub(super) fn read(&mut self, record: &ByteRecord) -> Result<YearMonth, BadRowReason> {
        let period = field(record, self.period);
        let year = self.year.map_or(&b""[..], |i| field(record, i));
        let month = self.month.map_or(&b""[..], |i| field(record, i));
        if let Some(last) = &self.last
            && last.period == period
            && last.year == year
            && last.month == month
        {
            return Ok(last.read);
        }
        let ym = parse_period(period).ok_or_else(|| BadRowReason::Period { text: text(period) })?;
        let Ok(financial_year) = ym.financial_year() else {
            return Err(BadRowReason::PeriodOutOfRange { period: ym });
        };
        if self.year.is_some() {
            let expected = Some(financial_year);
            let found = std::str::from_utf8(year)
                .ok()
                .and_then(|t| t.parse::<FinancialYear>().ok());
            if found.is_none() || found != expected {
                return Err(BadRowReason::YearMismatch {
                    text: text(year),
                    period: ym,
                    expected: expected.map(|fy| fy.to_string()).unwrap_or_default(),
                });
            }
        }
        if self.month.is_some() {
            let named = std::str::from_utf8(month).ok().and_then(month_number);
            if named != Some(ym.month()) {
                return Err(BadRowReason::MonthMismatch {
                    text: text(month),
                    period: ym,
                    expected: month_abbreviation(ym.month()),
                });
            }
        }
        self.last = Some(LastPeriod {
            period: period.to_vec(),
            year: year.to_vec(),
            month: month.to_vec(),
            read: ym,
        });
        Ok(ym)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_directly_agree_with_the_count_parser() {
        for text in [
            "0",
            "12",
            "508.0",
            "8.5",
            "8.50",
            "24371.5",
            "007",
            "1.",
            ".5",
            "0.25",
            "1.4",
            "-1",
            "1e3",
            "",
            "x",
            "+3",
            "99999999999999999999",
            "1.05",
        ] {
            let direct = count("TOTAL", text.as_bytes()).ok();
            let parsed = text
                .parse::<PatientCount>()
                .ok()
                .filter(|c| c.halves() <= 2 * MAX_EXTRACT_COUNT);
            assert_eq!(direct, parsed, "{text}");
        }
    }
}

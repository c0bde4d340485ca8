//! From bytes to fields: line endings (LF, CRLF and CR-only), the record
//! loop with line numbers, and the field parsers shared by both layouts
//! (counts, `PERIOD`, and `YEAR`/`MONTH` checked against `PERIOD`).

use std::io::{self, BufRead, BufReader, Read};

use csv::ByteRecord;

use super::period::{month_abbreviation, month_number, parse_period};
use super::{BadRow, BadRowReason, ExtractError, Header, NotCsv};
use crate::cwt::{PatientCount, Performance, PerformanceError};
use crate::{FinancialYear, YearMonth};

/// The input, with CR-only line endings turned into LF so that records and
/// line numbers come out right whatever the line endings.
pub(super) enum Input<R> {
    /// LF or CRLF endings: read as is (the `\r` of a CRLF is trimmed with
    /// the rest of the surrounding space).
    Plain(BufReader<R>),
    /// CR-only endings (classic Mac): every `\r` read as `\n`.
    CrOnly(BufReader<R>),
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
            Some(i) => buffer.get(i) == Some(&b'\r') && buffer.get(i + 1) != Some(&b'\n'),
            None => false,
        };
        Ok(if cr_only {
            Input::CrOnly(reader)
        } else {
            Input::Plain(reader)
        })
    }
}

impl<R: Read> Read for Input<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Input::Plain(r) => r.read(buf),
            Input::CrOnly(r) => {
                let n = r.read(buf)?;
                for b in buf.iter_mut().take(n) {
                    if *b == b'\r' {
                        *b = b'\n';
                    }
                }
                Ok(n)
            }
        }
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
        .buffer_capacity(1 << 16)
        .from_reader(input);
    let header = Header::new(csv.byte_headers()?)?;
    Ok((csv, header))
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
/// record the CSV reader refuses as a bad row. Fails only on I/O errors.
fn for_each_csv_record<R: Read>(
    csv: &mut csv::Reader<Input<R>>,
    mut row: impl FnMut(Result<(&ByteRecord, u64), BadRow>),
) -> Result<(), ExtractError> {
    let mut record = ByteRecord::new();
    loop {
        match csv.read_byte_record(&mut record) {
            Ok(false) => return Ok(()),
            Ok(true) => row(Ok((&record, record.position().map_or(0, |p| p.line())))),
            Err(error) => {
                let line = match error.kind() {
                    csv::ErrorKind::Io(_) => return Err(ExtractError::Read(error)),
                    csv::ErrorKind::UnequalLengths { pos, .. }
                    | csv::ErrorKind::Utf8 { pos, .. } => pos.as_ref().map_or(0, |p| p.line()),
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

/// Field text for a bad-row message.
pub(super) fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A count: whole or half patients (`12`, `8.5`, `508.0`). Plain digits
/// with an optional fraction of `0`s or `5` then `0`s are read here
/// directly; anything else goes through [`PatientCount`]'s parser, so
/// that what is accepted and refused is exactly what it accepts and
/// refuses (`0.25`, `-1`, `1e3` and blank are bad rows).
pub(super) fn count(column: &'static str, bytes: &[u8]) -> Result<PatientCount, BadRowReason> {
    let (whole, fraction) = match bytes.iter().position(|&b| b == b'.') {
        Some(dot) => (bytes.get(..dot), bytes.get(dot + 1..)),
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
                let n = whole
                    .iter()
                    .fold(0u64, |n, &d| n * 10 + u64::from(d - b'0'));
                return Ok(PatientCount::from_halves(n * 2 + half));
            }
        }
    }
    std::str::from_utf8(bytes)
        .ok()
        .and_then(|t| t.parse::<PatientCount>().ok())
        .ok_or_else(|| BadRowReason::Count {
            column,
            text: text(bytes),
        })
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
        other @ PerformanceError::Overflow => BadRowReason::Counts {
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
        if let Some(last) = &self.last {
            if last.period == period && last.year == year && last.month == month {
                return Ok(last.read);
            }
        }
        let ym = parse_period(period).ok_or_else(|| BadRowReason::Period { text: text(period) })?;
        if self.year.is_some() {
            let expected = ym.financial_year().ok();
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
            let parsed = text.parse::<PatientCount>().ok();
            assert_eq!(direct, parsed, "{text}");
        }
    }
}

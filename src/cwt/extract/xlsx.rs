//! Reading the extracts from `.xlsx` workbooks, as NHS England publishes
//! them (feature `xlsx`, calamine): the sheet holding the extract header is
//! found, its cells are streamed (the declared sheet size is not trusted:
//! some workbooks say `A1`), each row is written into a reused CSV record
//! and read by the same layout recognition, validation and bad-row report
//! as a CSV file. Rows are numbered as the sheet numbers them.
//!
//! Cells become text as a CSV saved from the sheet would hold it, but
//! exactly: an Excel date cell is its date (`2023-10-01`, so `PERIOD` reads
//! whatever format Excel shows it in); a number is its shortest exact
//! decimal (`201.5`; `0.30000000000000004` stays that, and is a bad count);
//! shared strings are borrowed, not copied.

use std::io::{Cursor, Read, Seek, SeekFrom, Write};

use calamine::{Cell, DataRef, Reader, Xlsx, XlsxCellReader};
use csv::ByteRecord;

use super::input::Records;
use super::xlsx_fast::{self, FastSheet};
use super::{provider, sub_icb, AnyExtract, BadRow, ExtractError, Header, Layout, ProviderExtract};
use super::{NotCsv, SubIcbExtract};

/// How many non-empty rows at the top of each sheet are searched for the
/// extract header (NHS England's sheets have it in row 1; a title block
/// above it is allowed).
const HEADER_SEARCH_ROWS: usize = 30;

/// Reads an NHS England CWT extract in either published layout from an
/// `.xlsx` workbook, from any `Read + Seek` (a `File`, a `Cursor` over
/// downloaded bytes): the first sheet whose first rows hold a provider or
/// ICB sub-location header is read, with the guarantees of
/// [`read_any_extract`](super::read_any_extract). Rows and bad rows carry
/// the sheet's row numbers, and the extract names the sheet
/// ([`Extract::sheet`](super::Extract::sheet)).
///
/// ```
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let bytes: Vec<u8> = Vec::new();
/// use cancer_plan::cwt::extract::{read_any_extract_xlsx, AnyExtract};
/// # if bytes.is_empty() { return Ok(()); }
/// let extract = read_any_extract_xlsx(std::io::Cursor::new(bytes))?.require_valid_rows()?;
/// if let AnyExtract::Provider(e) = &extract {
///     println!("{} rows from sheet {:?}", e.rows().len(), e.sheet());
/// }
/// # Ok(())
/// # }
/// ```
///
/// # Errors
///
/// [`ExtractError::Workbook`] if the input is not a readable `.xlsx`
/// workbook; [`ExtractError::NoExtractSheet`] if no sheet holds an extract
/// header; [`ExtractError::AmbiguousLayout`] and
/// [`ExtractError::DuplicateColumn`] as for CSV.
pub fn read_any_extract_xlsx<RS: Read + Seek>(reader: RS) -> Result<AnyExtract, ExtractError> {
    read_workbook(reader, true).map(|(extract, _)| extract)
}

/// Reads the workbook, by the fast scan where `fast` allows and it applies;
/// also says whether the fast scan read it.
fn read_workbook<RS: Read + Seek>(
    reader: RS,
    fast: bool,
) -> Result<(AnyExtract, bool), ExtractError> {
    let bytes = read_all(reader)?;
    let mut workbook = open(Cursor::new(bytes.as_slice()))?;
    let sheet = find_sheet(&mut workbook)?;
    let mut records = SheetRecords::open(&mut workbook, &sheet)?;
    let header = records.header()?;
    let layout = header.layout()?;
    // The fast scan of the sheet's XML where it applies; calamine's reader
    // otherwise (or where the scan meets something it does not read).
    let mut extract = None;
    let loaded = if fast {
        xlsx_fast::load(&bytes, &sheet)
    } else {
        None
    };
    if let Some((xml, parts)) = loaded {
        let mut fast = FastSheet::new(&xml, &parts, records.width, records.row);
        let read = read_layout(layout, &mut fast, &header)?;
        if !fast.gave_up {
            extract = Some(read);
        }
    }
    let read_fast = extract.is_some();
    let mut extract = match extract {
        Some(extract) => extract,
        None => read_layout(layout, &mut records, &header)?,
    };
    match &mut extract {
        AnyExtract::Provider(e) => e.sheet = Some(sheet),
        AnyExtract::SubIcb(e) => e.sheet = Some(sheet),
    }
    Ok((extract, read_fast))
}

/// The rows after the header in `layout`.
fn read_layout(
    layout: Layout,
    records: &mut impl Records,
    header: &Header,
) -> Result<AnyExtract, ExtractError> {
    match layout {
        Layout::Provider => provider::read_rows(records, header).map(AnyExtract::Provider),
        Layout::SubIcb => sub_icb::read_rows(records, header).map(AnyExtract::SubIcb),
    }
}

/// The whole input (a workbook must be seekable anyway; NHS England's
/// national workbook is half a megabyte), after checking it is a zip.
fn read_all<RS: Read + Seek>(mut reader: RS) -> Result<Vec<u8>, ExtractError> {
    check_zip(&mut reader)?;
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes).map_err(io_error)?;
    Ok(bytes)
}

/// Reads a provider extract from an `.xlsx` workbook (see
/// [`read_any_extract_xlsx`]).
///
/// # Errors
///
/// As [`read_any_extract_xlsx`]; [`ExtractError::WrongLayout`] if the sheet
/// holds an ICB sub-location extract.
pub fn read_provider_extract_xlsx<RS: Read + Seek>(
    reader: RS,
) -> Result<ProviderExtract, ExtractError> {
    match read_any_extract_xlsx(reader)? {
        AnyExtract::Provider(e) => Ok(e),
        AnyExtract::SubIcb(_) => Err(ExtractError::WrongLayout {
            expected: Layout::Provider,
            found: Layout::SubIcb,
        }),
    }
}

/// Reads an ICB sub-location extract from an `.xlsx` workbook (see
/// [`read_any_extract_xlsx`]).
///
/// # Errors
///
/// As [`read_any_extract_xlsx`]; [`ExtractError::WrongLayout`] if the sheet
/// holds a provider extract.
pub fn read_sub_icb_extract_xlsx<RS: Read + Seek>(
    reader: RS,
) -> Result<SubIcbExtract, ExtractError> {
    match read_any_extract_xlsx(reader)? {
        AnyExtract::SubIcb(e) => Ok(e),
        AnyExtract::Provider(_) => Err(ExtractError::WrongLayout {
            expected: Layout::SubIcb,
            found: Layout::Provider,
        }),
    }
}

/// Opens the workbook.
fn open(reader: Cursor<&[u8]>) -> Result<Xlsx<Cursor<&[u8]>>, ExtractError> {
    Xlsx::new(reader).map_err(workbook_error)
}

/// Tells a CSV or other non-zip input apart, leaving the reader where it
/// was.
fn check_zip<RS: Read + Seek>(reader: &mut RS) -> Result<(), ExtractError> {
    let start = reader.stream_position().map_err(io_error)?;
    let mut head = [0u8; 512];
    let mut n = 0;
    while n < head.len() {
        match reader.read(head.get_mut(n..).unwrap_or_default()) {
            Ok(0) => break,
            Ok(k) => n = n.saturating_add(k),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(io_error(e)),
        }
    }
    reader.seek(SeekFrom::Start(start)).map_err(io_error)?;
    let head = head.get(..n).unwrap_or_default();
    match NotCsv::sniff(head) {
        Some(NotCsv::ZipArchive) => {}
        Some(other) => {
            return Err(ExtractError::Workbook {
                message: format!("the input is not an .xlsx workbook: it looks like {other}"),
            })
        }
        None => {
            return Err(ExtractError::Workbook {
                message: "the input is not an .xlsx workbook (an .xlsx is a zip archive): it looks like text; read a CSV extract with `read_any_extract`".into(),
            })
        }
    }
    Ok(())
}

fn io_error(e: std::io::Error) -> ExtractError {
    ExtractError::Workbook {
        message: e.to_string(),
    }
}

fn workbook_error(e: calamine::XlsxError) -> ExtractError {
    ExtractError::Workbook {
        message: e.to_string(),
    }
}

/// The first sheet whose first rows hold an extract header.
fn find_sheet<RS: Read + Seek>(workbook: &mut Xlsx<RS>) -> Result<String, ExtractError> {
    let sheets = workbook.sheet_names();
    let mut first: Option<Box<ExtractError>> = None;
    for (i, name) in sheets.iter().enumerate() {
        let mut records = SheetRecords::open(workbook, name)?;
        match records.header() {
            Ok(_) => return Ok(name.clone()),
            Err(
                e @ (ExtractError::AmbiguousLayout { .. } | ExtractError::DuplicateColumn { .. }),
            ) => return Err(e),
            Err(ExtractError::NoExtractSheet { first: row1, .. }) if i == 0 => first = row1,
            Err(ExtractError::NoExtractSheet { .. }) => {}
            Err(other) => return Err(other),
        }
    }
    Err(ExtractError::NoExtractSheet {
        sheets,
        rows: HEADER_SEARCH_ROWS,
        first,
    })
}

/// A sheet's rows as CSV records: one reused record and one reused buffer
/// for numbers and dates, so that reading allocates nothing per cell once
/// they have grown to a row's size.
struct SheetRecords<'a, RS: Read + Seek> {
    cells: XlsxCellReader<'a, RS>,
    /// The first cell of the next row, read ahead.
    pending: Option<Cell<DataRef<'a>>>,
    record: ByteRecord,
    scratch: Vec<u8>,
    /// The header's width: cells to the right of it are not the table's.
    width: u32,
    /// The sheet row (from 1) of the record.
    row: u64,
    /// Whether the sheet's last cell has been read (calamine's reader must
    /// not be asked again).
    ended: bool,
}

impl<'a, RS: Read + Seek> SheetRecords<'a, RS> {
    fn open(workbook: &'a mut Xlsx<RS>, sheet: &str) -> Result<Self, ExtractError> {
        Ok(SheetRecords {
            cells: workbook
                .worksheet_cells_reader(sheet)
                .map_err(workbook_error)?,
            pending: None,
            record: ByteRecord::new(),
            scratch: Vec::with_capacity(32),
            width: u32::MAX,
            row: 0,
            ended: false,
        })
    }

    /// Reads up to the header (the first row, among the first
    /// [`HEADER_SEARCH_ROWS`], that fits a layout) and returns it; the
    /// rows after it are the data.
    fn header(&mut self) -> Result<Header, ExtractError> {
        let mut row1: Option<Box<ExtractError>> = None;
        for _ in 0..HEADER_SEARCH_ROWS {
            if !self.next_row()? {
                break;
            }
            // A title row may repeat a word: a duplicate is only the
            // header's error if no row fits.
            let header = match Header::new(&self.record) {
                Ok(header) => header,
                Err(e) => {
                    row1.get_or_insert(Box::new(e));
                    continue;
                }
            };
            match header.layout() {
                Ok(_) => {
                    self.width = u32::try_from(self.record.len()).unwrap_or(u32::MAX);
                    return Ok(header);
                }
                Err(e @ ExtractError::AmbiguousLayout { .. }) => return Err(e),
                Err(e) => {
                    if row1.is_none() {
                        row1 = Some(Box::new(e));
                    }
                }
            }
        }
        Err(ExtractError::NoExtractSheet {
            sheets: Vec::new(),
            rows: HEADER_SEARCH_ROWS,
            first: row1,
        })
    }

    /// The next cell, from the read-ahead or the sheet.
    fn next_cell(&mut self) -> Result<Option<Cell<DataRef<'a>>>, ExtractError> {
        if let Some(cell) = self.pending.take() {
            return Ok(Some(cell));
        }
        if self.ended {
            return Ok(None);
        }
        let cell = self.cells.next_cell().map_err(workbook_error)?;
        self.ended = cell.is_none();
        Ok(cell)
    }

    /// Fills the record with the next row that has a non-blank cell;
    /// `false` at the end of the sheet.
    fn next_row(&mut self) -> Result<bool, ExtractError> {
        loop {
            let Some(first) = self.next_cell()? else {
                return Ok(false);
            };
            let row = first.get_position().0;
            self.record.clear();
            let mut any = false;
            let mut next_column = 0u32;
            let mut cell = Some(first);
            while let Some(c) = cell {
                let (r, column) = c.get_position();
                if r != row {
                    self.pending = Some(c);
                    break;
                }
                if column < self.width && column >= next_column {
                    while next_column < column {
                        self.record.push_field(b"");
                        next_column = next_column.saturating_add(1);
                    }
                    any |= push_value(&mut self.record, &mut self.scratch, c.get_value());
                    next_column = column.saturating_add(1);
                }
                cell = self.next_cell()?;
            }
            if any {
                self.row = u64::from(row).saturating_add(1);
                return Ok(true);
            }
            if self.pending.is_none() {
                return Ok(false);
            }
        }
    }
}

impl<RS: Read + Seek> Records for SheetRecords<'_, RS> {
    fn for_each_record(
        &mut self,
        mut row: impl FnMut(Result<(&ByteRecord, u64), BadRow>),
    ) -> Result<(), ExtractError> {
        while self.next_row()? {
            row(Ok((&self.record, self.row)));
        }
        Ok(())
    }
}

/// Pushes a cell's value as a CSV field would hold it; `true` unless blank.
fn push_value(record: &mut ByteRecord, scratch: &mut Vec<u8>, value: &DataRef<'_>) -> bool {
    scratch.clear();
    // Writing to a Vec cannot fail.
    let _ = match value {
        DataRef::Empty => {
            record.push_field(b"");
            return false;
        }
        DataRef::SharedString(text) => {
            record.push_field(text.as_bytes());
            return !text.trim().is_empty();
        }
        DataRef::String(text) | DataRef::DateTimeIso(text) | DataRef::DurationIso(text) => {
            record.push_field(text.as_bytes());
            return !text.trim().is_empty();
        }
        DataRef::Int(n) => write!(scratch, "{n}"),
        DataRef::Float(x) => write_number(scratch, *x),
        DataRef::Bool(b) => scratch.write_all(if *b { b"TRUE" } else { b"FALSE" }),
        DataRef::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, hh, mm, ss, ms) = dt.to_ymd_hms_milli();
            if (hh, mm, ss, ms) == (0, 0, 0, 0) {
                write!(scratch, "{y:04}-{m:02}-{d:02}")
            } else {
                write!(scratch, "{y:04}-{m:02}-{d:02} {hh:02}:{mm:02}:{ss:02}")
            }
        }
        DataRef::DateTime(dt) => write_number(scratch, dt.as_f64()),
        DataRef::Error(e) => write!(scratch, "{e}"),
    };
    record.push_field(scratch);
    true
}

/// A number as the shortest decimal that is exactly it: whole and half
/// numbers (every count NHS England publishes) directly, anything else by
/// Rust's shortest round-trip formatting (which the count parser then
/// refuses unless it is whole or half).
pub(super) fn write_number(scratch: &mut Vec<u8>, x: f64) -> std::io::Result<()> {
    // Below 2^52, halves of a finite non-negative f64 are exact integers.
    const LIMIT: f64 = 4_503_599_627_370_496.0;
    let halves = x * 2.0;
    if x >= 0.0 && halves < LIMIT && halves.fract() == 0.0 {
        // Exact: `halves` is a whole number below 2^52.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let halves = halves as u64;
        write!(scratch, "{}", halves / 2)?;
        if halves % 2 == 1 {
            scratch.write_all(b".5")?;
        }
        Ok(())
    } else {
        write!(scratch, "{x}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Both paths read the same extract, and the fast scan is taken.
    /// A provider workbook read by both paths, which must agree.
    fn both_paths(bytes: &[u8]) -> crate::cwt::extract::ProviderExtract {
        let (fast, used_fast) = read_workbook(Cursor::new(bytes), true).unwrap();
        let (slow, slow_used_fast) = read_workbook(Cursor::new(bytes), false).unwrap();
        assert!(used_fast && !slow_used_fast);
        assert_eq!(fast, slow);
        let AnyExtract::Provider(fast) = fast else {
            panic!("not a provider extract")
        };
        fast
    }

    #[test]
    fn the_fast_scan_and_calamine_read_the_national_workbook_alike() {
        let root = std::env::var_os("CANCER_PLAN_SHARED_DATA").map_or_else(
            || std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data"),
            std::path::PathBuf::from,
        );
        let path = root.join("cwt/cwt-provider-extract-2023-10-england.xlsx");
        let Ok(bytes) = std::fs::read(&path) else {
            eprintln!("note: skipped: {} not found", path.display());
            return;
        };
        let extract = both_paths(&bytes);
        assert_eq!(extract.rows().len(), 9_912);
    }

    #[test]
    fn the_fast_scan_and_calamine_read_a_written_workbook_alike() {
        use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        let header = "PERIOD,YEAR,MONTH,STANDARD,ORG CODE,STAGE/ROUTE,TREATMENT MODALITY,CANCER TYPE,TOTAL TREATED,WITHIN STANDARD,BREACHES";
        sheet.write_string(0, 0, "A title & a note <here>").unwrap();
        for (c, name) in header.split(',').enumerate() {
            sheet.write_string(2, c as u16, name).unwrap();
        }
        let date = ExcelDateTime::from_ymd(2023, 10, 1).unwrap();
        let month = Format::new().set_num_format("mmm-yy");
        let uk = Format::new().set_num_format("dd/mm/yyyy");
        for r in 3..40u32 {
            let format = if r % 2 == 0 { &month } else { &uk };
            sheet
                .write_datetime_with_format(r, 0, &date, format)
                .unwrap();
            sheet.write_string(r, 1, "2023/24").unwrap();
            sheet.write_string(r, 2, "OCT").unwrap();
            sheet.write_string(r, 3, "62-day Combined").unwrap();
            sheet.write_string(r, 4, format!("R{r:02}")).unwrap();
            sheet
                .write_string(r, 5, "Urgent Suspected Cancer, \"quoted\"")
                .unwrap();
            sheet.write_string(r, 6, "ALL MODALITIES").unwrap();
            sheet.write_string(r, 7, "Lung & other").unwrap();
            sheet.write_number(r, 8, f64::from(r) + 0.5).unwrap();
            sheet
                .write_number(r, 9, if r == 7 { 0.1 + 0.2 } else { 1.0 })
                .unwrap();
            if r != 9 {
                sheet.write_number(r, 10, f64::from(r) - 0.5).unwrap();
            }
        }
        let bytes = book.save_to_buffer().unwrap();
        let extract = both_paths(&bytes);
        assert_eq!(extract.rows_read(), 37);
        assert_eq!(extract.bad_rows().len(), 1);
        assert_eq!(extract.bad_rows()[0].line(), 8);
    }

    #[test]
    fn numbers_are_written_exactly() {
        let mut out = Vec::new();
        for (x, text) in [
            (0.0, "0"),
            (508.0, "508"),
            (201.5, "201.5"),
            (0.25, "0.25"),
            (0.1 + 0.2, "0.30000000000000004"),
            (-1.0, "-1"),
            (1e300, "1"),
        ] {
            out.clear();
            write_number(&mut out, x).unwrap();
            if x < 1e20 {
                assert_eq!(String::from_utf8_lossy(&out), text, "{x}");
            } else {
                assert!(out.starts_with(b"1000"), "{x}");
            }
        }
    }
}

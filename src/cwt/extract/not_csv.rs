//! [`NotCsv`]: what an input given to a CSV reader looks like when it is
//! not CSV text (a workbook, Parquet, a zip, UTF-16 ...), told from its
//! first bytes so that the error says what to do instead of listing the
//! columns a binary "header" lacks.

use std::fmt;

use serde::Serialize;

/// What a non-CSV input looks like, from [`ExtractError::NotCsv`](super::ExtractError::NotCsv).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NotCsv {
    /// A zip archive (`PK\x03\x04`): an `.xlsx` workbook is one, as NHS
    /// England publishes the extracts.
    ZipArchive,
    /// A legacy `.xls` workbook (or another OLE compound file).
    LegacyWorkbook,
    /// An Apache Parquet file (`PAR1`).
    Parquet,
    /// A gzip-compressed file.
    Gzip,
    /// UTF-16 text (Excel's "Unicode Text" or a UTF-16 CSV).
    Utf16,
    /// A PDF document.
    Pdf,
    /// Other binary data (a NUL byte in the first line).
    Binary,
}

impl NotCsv {
    /// Looks at the first bytes of an input.
    pub(super) fn sniff(head: &[u8]) -> Option<NotCsv> {
        let starts = |magic: &[u8]| head.starts_with(magic);
        if starts(b"PK\x03\x04") || starts(b"PK\x05\x06") {
            return Some(NotCsv::ZipArchive);
        }
        if starts(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            return Some(NotCsv::LegacyWorkbook);
        }
        if starts(b"PAR1") {
            return Some(NotCsv::Parquet);
        }
        if starts(&[0x1F, 0x8B]) {
            return Some(NotCsv::Gzip);
        }
        if starts(&[0xFF, 0xFE]) || starts(&[0xFE, 0xFF]) {
            return Some(NotCsv::Utf16);
        }
        if starts(b"%PDF") {
            return Some(NotCsv::Pdf);
        }
        // A NUL in the first line (the header) is binary data; NULs in
        // data rows are text the reader keeps or refuses row by row.
        let head = head.get(..head.len().min(512)).unwrap_or_default();
        let first_line = head
            .split(|&b| b == b'\n' || b == b'\r')
            .next()
            .unwrap_or_default();
        match head {
            [a, 0, b, 0, ..] | [0, a, 0, b, ..] if *a != 0 && *b != 0 => Some(NotCsv::Utf16),
            _ if first_line.contains(&0) => Some(NotCsv::Binary),
            _ => None,
        }
    }

    /// What the input looks like, in words.
    pub const fn description(self) -> &'static str {
        match self {
            NotCsv::ZipArchive => "a zip archive, such as an .xlsx workbook (the form NHS England publishes the extracts in)",
            NotCsv::LegacyWorkbook => "a legacy .xls workbook",
            NotCsv::Parquet => "a Parquet file",
            NotCsv::Gzip => "a gzip-compressed file",
            NotCsv::Utf16 => "UTF-16 text",
            NotCsv::Pdf => "a PDF document",
            NotCsv::Binary => "binary data, not text",
        }
    }

    /// What to do instead.
    pub const fn advice(self) -> &'static str {
        match self {
            NotCsv::ZipArchive => "read an .xlsx workbook with `read_any_extract_xlsx` (feature `xlsx`), or save its sheet as CSV UTF-8; unzip a zipped CSV first",
            NotCsv::LegacyWorkbook => "open it in a spreadsheet program and save it as .xlsx or as CSV UTF-8",
            NotCsv::Parquet => "the extract readers take CSV or .xlsx: write the table out as CSV (e.g. polars `pl.read_parquet(path).write_csv(out)`)",
            NotCsv::Gzip => "decompress it first",
            NotCsv::Utf16 => "save it as CSV UTF-8 (Excel: Save As, \"CSV UTF-8 (Comma delimited)\")",
            NotCsv::Pdf => "the extracts are published as .xlsx workbooks: download the workbook",
            NotCsv::Binary => "give the CSV file itself",
        }
    }
}

impl fmt::Display for NotCsv {
    /// `a Parquet file`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.description())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_bytes_tell_what_an_input_is() {
        let cases: [(&[u8], Option<NotCsv>); 11] = [
            (b"PK\x03\x04\x14\x00", Some(NotCsv::ZipArchive)),
            (b"PAR1\x15\x04", Some(NotCsv::Parquet)),
            (
                &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0],
                Some(NotCsv::LegacyWorkbook),
            ),
            (&[0x1F, 0x8B, 8, 0], Some(NotCsv::Gzip)),
            (&[0xFF, 0xFE, b'P', 0], Some(NotCsv::Utf16)),
            (b"P\0E\0R\0", Some(NotCsv::Utf16)),
            (b"%PDF-1.7", Some(NotCsv::Pdf)),
            (b"PERIOD\0,YEAR", Some(NotCsv::Binary)),
            (b"PERIOD,YEAR,MONTH\n", None),
            // A NUL in a data row is the row's business, not the file's.
            (b"PERIOD,YEAR\n2023-10-01,2\x00/24\n", None),
            (b"", None),
        ];
        for (bytes, expected) in cases {
            assert_eq!(NotCsv::sniff(bytes), expected, "{bytes:?}");
        }
    }
}

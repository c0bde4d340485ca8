//! What a file that should be CSV text looks like instead: UTF-16 (by its
//! byte-order mark), a workbook or other zip archive, Parquet, or text
//! separated by tabs or semicolons. Shared by the file readers, so that a
//! wrong file gets a message that names what it is.

use std::fmt;

/// A kind of file that is not comma-separated UTF-8 text.
/// `#[non_exhaustive]`: more may be recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FileKind {
    /// UTF-16 text (a byte-order mark `FF FE` or `FE FF`).
    Utf16 {
        /// `FE FF`: big-endian.
        big_endian: bool,
    },
    /// A zip archive (`PK\x03\x04`): an `.xlsx` or `.ods` workbook, most
    /// likely.
    Zip,
    /// A Parquet file (`PAR1`).
    Parquet,
    /// Text whose header line has tabs and no commas.
    TabSeparated,
    /// Text whose header line has semicolons and no commas.
    SemicolonSeparated,
}

impl fmt::Display for FileKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FileKind::Utf16 { big_endian: false } => {
                "UTF-16 (little-endian) text, by its byte-order mark FF FE: save it as UTF-8 CSV"
            }
            FileKind::Utf16 { big_endian: true } => {
                "UTF-16 (big-endian) text, by its byte-order mark FE FF: save it as UTF-8 CSV"
            }
            FileKind::Zip => "a zip archive (an .xlsx or .ods workbook?): export the sheet as CSV",
            FileKind::Parquet => "a Parquet file: read it with the Parquet reader",
            FileKind::TabSeparated => {
                "tab-separated text (its header has tabs and no commas): save it comma-separated"
            }
            FileKind::SemicolonSeparated => {
                "semicolon-separated text (its header has semicolons and no commas): save it comma-separated"
            }
        })
    }
}

/// The kind of a file from its first bytes, if they show that it is not
/// UTF-8 text: a UTF-16 byte-order mark, a zip or a Parquet signature.
#[cfg_attr(not(feature = "pathway-csv"), allow(dead_code))]
pub(crate) fn binary_kind(head: &[u8]) -> Option<FileKind> {
    if head.starts_with(b"\xFF\xFE") {
        Some(FileKind::Utf16 { big_endian: false })
    } else if head.starts_with(b"\xFE\xFF") {
        Some(FileKind::Utf16 { big_endian: true })
    } else if head.starts_with(b"PK\x03\x04") {
        Some(FileKind::Zip)
    } else if head.starts_with(b"PAR1") {
        Some(FileKind::Parquet)
    } else {
        None
    }
}

/// The separator of a header line that has no comma but tabs or
/// semicolons: a file separated by them, not by commas.
#[cfg_attr(not(feature = "pathway-csv"), allow(dead_code))]
pub(crate) fn separator_kind(header: &[u8]) -> Option<FileKind> {
    if header.contains(&b',') {
        None
    } else if header.contains(&b'\t') {
        Some(FileKind::TabSeparated)
    } else if header.contains(&b';') {
        Some(FileKind::SemicolonSeparated)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_what_a_file_is() {
        assert_eq!(
            binary_kind(b"\xFF\xFEp\0r\0"),
            Some(FileKind::Utf16 { big_endian: false })
        );
        assert_eq!(binary_kind(b"PK\x03\x04\x14\0"), Some(FileKind::Zip));
        assert_eq!(binary_kind(b"PAR1\x15"), Some(FileKind::Parquet));
        assert_eq!(binary_kind(b"provider,route"), None);
        assert_eq!(
            separator_kind(b"provider\troute"),
            Some(FileKind::TabSeparated)
        );
        assert_eq!(
            separator_kind(b"provider;route"),
            Some(FileKind::SemicolonSeparated)
        );
        assert_eq!(separator_kind(b"a;b,c"), None);
        assert!(FileKind::Zip.to_string().contains("workbook"));
    }
}

//! Opening NHS England CWT extract files for the examples: a CSV or an
//! `.xlsx` workbook (feature `xlsx`), told by content; the release taken
//! from the file's name when it says one (`Release::from_file_name`); a
//! file that yields no valid row is an error naming why, never a quiet
//! empty report; several files are joined by `AnyExtract::combine`
//! (final supersedes provisional, otherwise the later file wins), and what
//! was replaced is said.

use std::fs::File;
use std::io::{BufReader, Read, Seek};
use std::path::Path;

use cancer_plan::cwt::extract::{read_any_extract, AnyExtract, Release};

/// Reads one extract file; every error names the file.
pub fn read(path: &Path) -> Result<AnyExtract, String> {
    let named = |e: &dyn std::fmt::Display| format!("{}: {e}", path.display());
    let file = File::open(path).map_err(|e| named(&e))?;
    let mut reader = BufReader::new(file);
    let mut magic = [0u8; 4];
    let n = reader.read(&mut magic).map_err(|e| named(&e))?;
    reader.rewind().map_err(|e| named(&e))?;
    let workbook = magic.get(..n) == Some(&b"PK\x03\x04"[..]);
    let extract = if workbook {
        read_workbook(reader).map_err(|e| named(&e))?
    } else {
        read_any_extract(reader).map_err(|e| named(&e))?
    };
    let extract = extract.require_valid_rows().map_err(|e| named(&e))?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    Ok(match Release::from_file_name(name) {
        Some(release) => extract.with_release(release),
        None => extract,
    })
}

#[cfg(feature = "xlsx")]
fn read_workbook(
    reader: BufReader<File>,
) -> Result<AnyExtract, cancer_plan::cwt::extract::ExtractError> {
    cancer_plan::cwt::extract::read_any_extract_xlsx(reader)
}

/// Without the `xlsx` feature the CSV reader names the workbook and says
/// which feature reads it.
#[cfg(not(feature = "xlsx"))]
fn read_workbook(
    reader: BufReader<File>,
) -> Result<AnyExtract, cancer_plan::cwt::extract::ExtractError> {
    read_any_extract(reader)
}

/// Reads every file and joins them (one layout), printing what the join
/// replaced; one file is returned as read.
pub fn read_all(paths: &[std::path::PathBuf]) -> Result<AnyExtract, String> {
    let mut extracts = Vec::with_capacity(paths.len());
    for path in paths {
        extracts.push(read(path)?);
    }
    if extracts.len() == 1 {
        return extracts.pop().ok_or_else(|| "no extract".to_owned());
    }
    let combined = AnyExtract::combine(extracts).map_err(|e| e.to_string())?;
    if !combined.replaced().is_empty() {
        for (i, path) in paths.iter().enumerate() {
            println!("  input {}: {}", i + 1, path.display());
        }
    }
    for replacement in combined.replaced() {
        println!("  joined: {replacement}");
    }
    Ok(combined.into_extract())
}

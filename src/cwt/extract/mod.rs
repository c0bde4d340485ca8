//! Reading NHS England's CWT provider extracts (feature `cwt-extract`).
//!
//! The published layout has the columns `PERIOD, YEAR, MONTH, STANDARD, ORG
//! CODE, STAGE/ROUTE, TREATMENT MODALITY, CANCER TYPE, TOTAL TREATED, WITHIN
//! STANDARD, BREACHES` and one row per standard x organisation x route x
//! modality x cancer type. Columns are found by name (case and surrounding
//! spaces ignored), so their order does not matter; `YEAR` and `MONTH`
//! repeat `PERIOD` and are not read.
//!
//! Every data row ends up either in [`Extract::rows`] or, with its line
//! number and reason, in [`Extract::bad_rows`]: none is silently dropped.
//! A 31-day or 62-day row with a blank `TREATMENT MODALITY`
//! ([`BadRowReason::MissingModality`]) and a repeat of an earlier row
//! ([`BadRowReason::Duplicate`]) are bad rows. Valid rows that the modality
//! rule leaves out of the totals (the per-modality 31-day and 62-day rows)
//! are counted in [`Extract::excluded_by_modality_rule`].

mod row;

use serde::Serialize;
use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::io;

use csv::StringRecord;

pub use row::{BadRow, BadRowReason, ExtractRow, ALL_MODALITIES};

use super::{PatientCount, Performance, PerformanceError, PerformanceTable};
use crate::{CwtStandard, OdsCode, YearMonth};

/// Why an extract cannot be read at all (as opposed to a bad row).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExtractError {
    /// The header lacks a required column.
    #[error("the header has no `{column}` column (found: {found})")]
    MissingColumn {
        /// The column looked for.
        column: &'static str,
        /// The header as found.
        found: String,
    },
    /// The input could not be read (I/O, or an unreadable header).
    #[error("cannot read the extract: {0}")]
    Read(#[from] csv::Error),
}

/// A CWT provider extract as read: its valid rows and its bad rows.
///
/// ```
/// use cancer_plan::cwt::extract::read_extract;
/// use cancer_plan::{CwtStandard, YearMonth};
/// let csv = "\
/// PERIOD,YEAR,MONTH,STANDARD,ORG CODE,STAGE/ROUTE,TREATMENT MODALITY,CANCER TYPE,TOTAL TREATED,WITHIN STANDARD,BREACHES
/// 2023-10-01,2023/24,OCT,62-day Combined,RHM,Consultant Upgrade,ALL MODALITIES,Breast,8.5,8.5,0
/// 2023-10-01,2023/24,OCT,62-day Combined,RHM,Consultant Upgrade,Surgery,Breast,8.5,8.5,0
/// 2023-10-01,2023/24,OCT,62-day Combined,RHM,Screening,ALL MODALITIES,Breast,1,x,0
/// ";
/// let extract = read_extract(csv.as_bytes())?;
/// assert_eq!(extract.rows().len(), 2);
/// assert_eq!(extract.bad_rows()[0].line(), 4);
/// let by_org = extract.by_organisation()?;
/// let p = by_org.get("2023-10".parse()?, CwtStandard::Combined62Day, "RHM").ok_or("none")?;
/// assert_eq!(p.total().to_string(), "8.5"); // the Surgery row repeats the same patients
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Extract {
    rows: Vec<ExtractRow>,
    bad_rows: Vec<BadRow>,
}

impl Extract {
    /// The valid rows, in file order.
    pub fn rows(&self) -> &[ExtractRow] {
        &self.rows
    }

    /// The bad rows, in file order, each with its line number and reason.
    pub fn bad_rows(&self) -> &[BadRow] {
        &self.bad_rows
    }

    /// How many valid rows of `standard` the modality rule
    /// ([`ExtractRow::counts_towards_total`]) leaves out of the totals: the
    /// 31-day and 62-day per-modality rows, which repeat the patients of
    /// their `ALL MODALITIES` row. Always 0 for the FDS.
    ///
    /// ```
    /// use cancer_plan::cwt::extract::read_extract;
    /// use cancer_plan::CwtStandard;
    /// let csv = "\
    /// PERIOD,YEAR,MONTH,STANDARD,ORG CODE,STAGE/ROUTE,TREATMENT MODALITY,CANCER TYPE,TOTAL TREATED,WITHIN STANDARD,BREACHES
    /// 2023-10-01,2023/24,OCT,31-day Combined,RHM,First Treatment,ALL MODALITIES,Lung,10,9,1
    /// 2023-10-01,2023/24,OCT,31-day Combined,RHM,First Treatment,Surgery,Lung,6,5,1
    /// ";
    /// let extract = read_extract(csv.as_bytes())?;
    /// assert_eq!(extract.excluded_by_modality_rule(CwtStandard::Combined31Day), 1);
    /// assert_eq!(extract.excluded_by_modality_rule(CwtStandard::FasterDiagnosis28Day), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn excluded_by_modality_rule(&self, standard: CwtStandard) -> usize {
        self.rows
            .iter()
            .filter(|r| r.standard() == standard && !r.counts_towards_total())
            .count()
    }

    /// The number of data rows read (valid + bad).
    pub fn rows_read(&self) -> usize {
        self.rows.len() + self.bad_rows.len()
    }

    /// Totals by reporting month x standard x `group(row)`, following the
    /// modality rule ([`ExtractRow::counts_towards_total`]). `group` can
    /// return the organisation, the route, the cancer type, or anything
    /// derived from them; roll up further with
    /// [`PerformanceTable::regroup`].
    ///
    /// # Errors
    ///
    /// [`PerformanceError::Overflow`] if a cell's counts overflow.
    pub fn aggregate_by<K: Ord>(
        &self,
        mut group: impl FnMut(&ExtractRow) -> K,
    ) -> Result<PerformanceTable<K>, PerformanceError> {
        let mut table = PerformanceTable::new();
        for row in self.rows.iter().filter(|r| r.counts_towards_total()) {
            table.add(row.period(), row.standard(), group(row), row.performance())?;
        }
        Ok(table)
    }

    /// Totals by reporting month x standard x organisation.
    ///
    /// # Errors
    ///
    /// [`PerformanceError::Overflow`] if a cell's counts overflow.
    pub fn by_organisation(&self) -> Result<PerformanceTable<OdsCode>, PerformanceError> {
        self.aggregate_by(|row| row.organisation().clone())
    }
}

/// Column positions, found from the header.
struct Columns {
    period: usize,
    standard: usize,
    organisation: usize,
    route: usize,
    modality: usize,
    cancer_type: usize,
    total: usize,
    within: usize,
    breaches: Option<usize>,
}

impl Columns {
    fn find(header: &StringRecord) -> Result<Columns, ExtractError> {
        let position = |name: &'static str| {
            header
                .iter()
                .position(|h| h.trim().eq_ignore_ascii_case(name))
        };
        let require = |name: &'static str| {
            position(name).ok_or_else(|| ExtractError::MissingColumn {
                column: name,
                found: header.iter().collect::<Vec<_>>().join(","),
            })
        };
        Ok(Columns {
            period: require("PERIOD")?,
            standard: require("STANDARD")?,
            organisation: require("ORG CODE")?,
            route: require("STAGE/ROUTE")?,
            modality: require("TREATMENT MODALITY")?,
            cancer_type: require("CANCER TYPE")?,
            total: require("TOTAL TREATED")?,
            within: require("WITHIN STANDARD")?,
            breaches: position("BREACHES"),
        })
    }
}

/// Reads an extract in the published layout from any reader. Fails only if
/// the input cannot be read or the header lacks a column; bad rows are
/// collected, with their line numbers, in [`Extract::bad_rows`], including
/// a row that repeats an earlier valid row ([`BadRowReason::Duplicate`]:
/// only the first is counted). One pass, linear in the number of rows.
///
/// # Errors
///
/// [`ExtractError::Read`] if the input cannot be read as CSV;
/// [`ExtractError::MissingColumn`] if the header lacks a required column.
/// Bad rows are not errors: they are in [`Extract::bad_rows`].
pub fn read_extract(reader: impl io::Read) -> Result<Extract, ExtractError> {
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(true)
        .trim(csv::Trim::All)
        // Records end at `\n` only, so that line numbers are right for CRLF
        // files too (the default terminator puts a CRLF record's start on
        // the line before); the `\r` of a CRLF is trimmed as whitespace.
        .terminator(csv::Terminator::Any(b'\n'))
        .from_reader(reader);
    let columns = Columns::find(csv.headers()?)?;
    let mut extract = Extract::default();
    let mut record = StringRecord::new();
    let mut first_lines = HashMap::new();
    loop {
        match csv.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = record.position().map_or(0, |p| p.line());
                match parse_row(&columns, &record, line) {
                    Ok(row) => match first_lines.entry(row.key()) {
                        Entry::Occupied(first) => extract.bad_rows.push(BadRow::new(
                            line,
                            BadRowReason::Duplicate {
                                first_line: *first.get(),
                            },
                        )),
                        Entry::Vacant(slot) => {
                            slot.insert(line);
                            extract.rows.push(row);
                        }
                    },
                    Err(reason) => extract.bad_rows.push(BadRow::new(line, reason)),
                }
            }
            Err(error) => {
                let line = match error.kind() {
                    csv::ErrorKind::Io(_) => return Err(ExtractError::Read(error)),
                    csv::ErrorKind::UnequalLengths { pos, .. }
                    | csv::ErrorKind::Utf8 { pos, .. } => pos.as_ref().map_or(0, |p| p.line()),
                    _ => error.position().map_or(0, |p| p.line()),
                };
                extract.bad_rows.push(BadRow::new(
                    line,
                    BadRowReason::Csv {
                        message: error.to_string(),
                    },
                ));
            }
        }
    }
    Ok(extract)
}

fn parse_row(
    columns: &Columns,
    record: &StringRecord,
    line: u64,
) -> Result<ExtractRow, BadRowReason> {
    let field = |i: usize| record.get(i).unwrap_or("");
    let count = |column: &'static str, i: usize| {
        field(i)
            .parse::<PatientCount>()
            .map_err(|_| BadRowReason::Count {
                column,
                text: field(i).to_owned(),
            })
    };
    let period = field(columns.period)
        .parse::<YearMonth>()
        .map_err(|_| BadRowReason::Period {
            text: field(columns.period).to_owned(),
        })?;
    let standard = CwtStandard::from_extract_name(field(columns.standard)).ok_or_else(|| {
        BadRowReason::UnknownStandard {
            text: field(columns.standard).to_owned(),
        }
    })?;
    let organisation =
        OdsCode::new(field(columns.organisation)).map_err(|_| BadRowReason::OrganisationCode {
            text: field(columns.organisation).to_owned(),
        })?;
    let total = count("TOTAL TREATED", columns.total)?;
    let within = count("WITHIN STANDARD", columns.within)?;
    let performance = match columns.breaches.filter(|&i| !field(i).is_empty()) {
        Some(i) => Performance::with_breaches(within, total, count("BREACHES", i)?),
        None => Performance::new(within, total),
    }
    .map_err(bad_counts)?;
    let modality = Some(field(columns.modality))
        .filter(|m| !m.is_empty())
        .map(str::to_owned);
    if modality.is_none() && standard != CwtStandard::FasterDiagnosis28Day {
        return Err(BadRowReason::MissingModality { standard });
    }
    Ok(ExtractRow {
        line,
        period,
        standard,
        organisation,
        route: field(columns.route).to_owned(),
        modality,
        cancer_type: field(columns.cancer_type).to_owned(),
        performance,
    })
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

#[cfg(test)]
mod tests;

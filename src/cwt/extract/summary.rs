//! Loud failure: the bad rows grouped by reason ([`BadRowSummary`]), and
//! the check that an extract yielded something ([`ExtractError::NoDataRows`],
//! [`ExtractError::NoValidRows`]).

use std::fmt;
use std::mem::{discriminant, Discriminant};

use serde::Serialize;

use super::{BadRow, BadRowReason, ExtractError};

/// The bad rows of an extract grouped by reason, each group with its count
/// and its first bad row, in the order the reasons first appear.
///
/// ```
/// use cancer_plan::cwt::extract::read_provider_extract;
/// let csv = "\
/// PERIOD,YEAR,MONTH,STANDARD,ORG CODE,STAGE/ROUTE,TREATMENT MODALITY,CANCER TYPE,TOTAL TREATED,WITHIN STANDARD,BREACHES
/// Q3,2023/24,OCT,28-day FDS,RHM,URGENT SUSPECTED CANCER,,Lung,10,9,1
/// Q3,2023/24,OCT,28-day FDS,RHU,URGENT SUSPECTED CANCER,,Lung,10,9,1
/// 2023-10-01,2023/24,OCT,28-day FDS,RHM,URGENT SUSPECTED CANCER,,Lung,ten,9,1
/// ";
/// let summary = read_provider_extract(csv.as_bytes())?.bad_row_summary();
/// assert_eq!(summary.bad_rows(), 3);
/// assert_eq!(summary.groups()[0].count(), 2);
/// assert_eq!(summary.groups()[0].first().line(), 2);
/// assert!(summary.to_string().starts_with("3 of 3 data rows are bad: 2 x PERIOD is not a month"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BadRowSummary {
    rows_read: usize,
    bad_rows: usize,
    sheet: Option<String>,
    groups: Vec<BadRowGroup>,
}

/// The bad rows of one reason: how many, and the first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BadRowGroup {
    reason: &'static str,
    count: usize,
    first: BadRow,
}

impl BadRowGroup {
    /// The reason, in words (`PERIOD is not a month in a known form`).
    pub fn reason(&self) -> &'static str {
        self.reason
    }

    /// How many bad rows have it.
    pub fn count(&self) -> usize {
        self.count
    }

    /// The first of them, with its line (or sheet row) and full message.
    pub fn first(&self) -> &BadRow {
        &self.first
    }
}

impl BadRowSummary {
    /// Groups `bad` (in file order) by reason.
    pub(super) fn new(rows_read: usize, bad: &[BadRow], sheet: Option<&str>) -> BadRowSummary {
        let mut keys: Vec<Discriminant<BadRowReason>> = Vec::new();
        let mut groups: Vec<BadRowGroup> = Vec::new();
        for row in bad {
            let key = discriminant(row.reason());
            match keys.iter().position(|k| *k == key) {
                Some(i) => {
                    if let Some(group) = groups.get_mut(i) {
                        group.count = group.count.saturating_add(1);
                    }
                }
                None => {
                    keys.push(key);
                    groups.push(BadRowGroup {
                        reason: kind(row.reason()),
                        count: 1,
                        first: row.clone(),
                    });
                }
            }
        }
        BadRowSummary {
            rows_read,
            bad_rows: bad.len(),
            sheet: sheet.map(str::to_owned),
            groups,
        }
    }

    /// The data rows read (valid and bad).
    pub fn rows_read(&self) -> usize {
        self.rows_read
    }

    /// The bad rows.
    pub fn bad_rows(&self) -> usize {
        self.bad_rows
    }

    /// The groups, in the order their reasons first appear.
    pub fn groups(&self) -> &[BadRowGroup] {
        &self.groups
    }

    /// Whether every data row read is bad (and at least one was read).
    pub fn all_bad(&self) -> bool {
        self.rows_read > 0 && self.bad_rows == self.rows_read
    }
}

impl fmt::Display for BadRowSummary {
    /// `3 of 3 data rows are bad: 2 x PERIOD is not a month ... (first:
    /// line 2: ...); 1 x ...`; in a workbook, `row 2 of sheet `X``.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} of {} data rows are bad",
            self.bad_rows, self.rows_read
        )?;
        for (i, group) in self.groups.iter().enumerate() {
            f.write_str(if i == 0 { ": " } else { "; " })?;
            let first = &group.first;
            match &self.sheet {
                Some(sheet) => write!(
                    f,
                    "{} x {} (first: row {} of sheet `{sheet}`: {})",
                    group.count,
                    group.reason,
                    first.line(),
                    first.reason()
                )?,
                None => write!(f, "{} x {} (first: {first})", group.count, group.reason)?,
            }
        }
        Ok(())
    }
}

/// `Ok` when at least one data row was valid; otherwise the error that
/// tells an empty extract from one whose every row is bad.
pub(super) fn require_valid_rows(
    valid: usize,
    rows_read: usize,
    bad: &[BadRow],
    sheet: Option<&str>,
) -> Result<(), ExtractError> {
    if valid > 0 {
        Ok(())
    } else if rows_read == 0 {
        Err(ExtractError::NoDataRows {
            sheet: sheet.map(str::to_owned),
        })
    } else {
        Err(ExtractError::NoValidRows {
            summary: BadRowSummary::new(rows_read, bad, sheet),
        })
    }
}

/// The reason of a bad row as a group label.
fn kind(reason: &BadRowReason) -> &'static str {
    match reason {
        BadRowReason::Csv { .. } => "not a valid CSV record",
        BadRowReason::Period { .. } => "PERIOD is not a month in a known form",
        BadRowReason::PeriodOutOfRange { .. } => {
            "PERIOD is outside the financial years a row may name"
        }
        BadRowReason::CountTooLarge { .. } => "a count is larger than a row may hold",
        BadRowReason::UnknownStandard { .. } => "STANDARD is not a known standard",
        BadRowReason::OrganisationCode { .. } => "ORG CODE is not an ODS code",
        BadRowReason::Count { .. } => "a count is not a whole or half number of patients",
        BadRowReason::WithinExceedsTotal { .. } => "WITHIN STANDARD exceeds the total",
        BadRowReason::MissingModality { .. } => "TREATMENT MODALITY is blank",
        BadRowReason::Duplicate { .. } => "repeats an earlier row",
        BadRowReason::Counts { .. } => "the counts are inconsistent",
        BadRowReason::BreachesMismatch { .. } => "BREACHES is not the total - WITHIN STANDARD",
        BadRowReason::YearMismatch { .. } => "YEAR does not agree with PERIOD",
        BadRowReason::MonthMismatch { .. } => "MONTH does not agree with PERIOD",
        BadRowReason::NotText { .. } => "a text column is not UTF-8",
        BadRowReason::LocationCode { .. } => "ICB SUB LOCATION is not an ODS code",
        BadRowReason::UnknownSubCategory { .. } => "SUB-CATEGORY is not a known sub-category",
        BadRowReason::SubCategoryMismatch { .. } => "SUB-CATEGORY does not belong to the standard",
    }
}

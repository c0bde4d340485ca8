//! [`Extract`], one type for both layouts: its rows and what every extract
//! carries beside them (its [`Release`], the sheet it was read from, the
//! bad rows grouped by reason), the loud-failure check, joining extracts of
//! overlapping months, and totals; [`LayoutRow`], what it needs of a row.

use serde::Serialize;

use super::intern::FastMap;
use super::release::{self, Combined};
use super::summary::{self, BadRowSummary};
use super::{AnyExtract, BadRow, ExtractError, ExtractRow, Release, SubIcbRow};
use crate::cwt::{Performance, PerformanceError, PerformanceTable};
use crate::{org::OdsCode, period::YearMonth, standard::CwtStandard};

mod sealed {
    pub trait Sealed {}
    impl Sealed for super::ExtractRow {}
    impl Sealed for super::SubIcbRow {}
}

/// A valid row of either extract layout, [`ExtractRow`] (provider extract)
/// or [`SubIcbRow`] (ICB sub-location extract): what the two share, and
/// what [`Extract`] needs of its rows to total them. Sealed (the crate's two
/// layouts implement it); bring it into scope to read a row
/// (`use cancer_plan::cwt::extract::LayoutRow;`), and name it to write code
/// generic over both layouts.
///
/// ```
/// use cancer_plan::cwt::extract::{read_provider_extract, Extract, LayoutRow};
/// use cancer_plan::CwtStandard;
/// let csv = "\
/// PERIOD,YEAR,MONTH,STANDARD,ORG CODE,STAGE/ROUTE,TREATMENT MODALITY,CANCER TYPE,TOTAL TREATED,WITHIN STANDARD,BREACHES
/// 2023-10-01,2023/24,OCT,31-day Combined,RHM,First Treatment,ALL MODALITIES,Lung,10,9,1
/// 2023-10-01,2023/24,OCT,31-day Combined,RHM,First Treatment,Surgery,Lung,6,5,1
/// ";
/// let extract = read_provider_extract(csv.as_bytes())?;
/// let row = &extract.rows()[1];
/// assert_eq!((row.line(), row.standard()), (3, CwtStandard::Combined31Day));
/// assert!(!row.counts_towards_total()); // the Surgery row repeats patients
///
/// /// Rows that add into the totals, in either layout.
/// fn adding<R: LayoutRow>(extract: &Extract<R>) -> usize {
///     extract.rows().iter().filter(|r| r.counts_towards_total()).count()
/// }
/// assert_eq!(adding(&extract), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub trait LayoutRow: sealed::Sealed {
    /// The line of the file (or sheet row) the row starts on (the header
    /// is line 1).
    fn line(&self) -> u64;
    /// The reporting month (`PERIOD`).
    fn period(&self) -> YearMonth;
    /// The standard (`STANDARD`).
    fn standard(&self) -> CwtStandard;
    /// The file's organisation code: the provider (`ORG CODE`,
    /// [`ExtractRow::organisation`]) or the sub-ICB location (`ICB SUB
    /// LOCATION`, [`SubIcbRow::location`]).
    fn code(&self) -> &OdsCode;
    /// The counts (`WITHIN STANDARD` of `TOTAL TREATED`, or of `TOTAL`).
    fn performance(&self) -> Performance;
    /// Whether the row adds into its standard's totals. Provider extract,
    /// the modality rule: FDS, every row (each patient appears once);
    /// 31-day and 62-day, only `ALL MODALITIES` rows, because the
    /// per-modality rows repeat the same patients. Sub-location extract:
    /// every row (the sub-categories are disjoint).
    fn counts_towards_total(&self) -> bool;
}

impl LayoutRow for ExtractRow {
    fn line(&self) -> u64 {
        self.line
    }
    fn period(&self) -> YearMonth {
        self.period
    }
    fn standard(&self) -> CwtStandard {
        self.standard
    }
    fn code(&self) -> &OdsCode {
        self.organisation()
    }
    fn performance(&self) -> Performance {
        self.performance
    }
    fn counts_towards_total(&self) -> bool {
        self.adds_to_total()
    }
}

impl LayoutRow for SubIcbRow {
    fn line(&self) -> u64 {
        self.line
    }
    fn period(&self) -> YearMonth {
        self.period
    }
    fn standard(&self) -> CwtStandard {
        self.standard
    }
    fn code(&self) -> &OdsCode {
        self.location()
    }
    fn performance(&self) -> Performance {
        self.performance
    }
    fn counts_towards_total(&self) -> bool {
        true
    }
}

/// A CWT extract as read, in one layout (`R` its row type): its valid rows,
/// its bad rows, its release when said and the sheet it was read from. The
/// layouts are [`ProviderExtract`](super::ProviderExtract) (`Extract<ExtractRow>`)
/// and [`SubIcbExtract`](super::SubIcbExtract) (`Extract<SubIcbRow>`), each
/// with its own methods beside these.
#[derive(Debug, Clone, Serialize)]
pub struct Extract<R> {
    pub(super) rows: Vec<R>,
    pub(super) bad_rows: Vec<BadRow>,
    /// Each row's organisation id, for tabulating without hashing codes
    /// (empty where the reader gives none, and after
    /// [`combine`](Extract::combine): the ids of different reads differ).
    #[serde(skip)]
    pub(super) organisation_ids: Vec<u32>,
    /// The release, when the caller said it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) release: Option<Release>,
    /// The sheet read, for an extract read from a workbook.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) sheet: Option<String>,
}

impl<R> Default for Extract<R> {
    fn default() -> Extract<R> {
        Extract {
            rows: Vec::new(),
            bad_rows: Vec::new(),
            organisation_ids: Vec::new(),
            release: None,
            sheet: None,
        }
    }
}

impl<R: PartialEq> PartialEq for Extract<R> {
    /// The same rows, bad rows, release and sheet (the reader's internal
    /// ids aside).
    fn eq(&self, other: &Extract<R>) -> bool {
        self.rows == other.rows
            && self.bad_rows == other.bad_rows
            && self.release == other.release
            && self.sheet == other.sheet
    }
}

impl<R: Eq> Eq for Extract<R> {}

impl<R: LayoutRow> Extract<R> {
    /// The valid rows, in file order.
    pub fn rows(&self) -> &[R] {
        &self.rows
    }

    /// The bad rows, in file order, each with its line number and reason.
    pub fn bad_rows(&self) -> &[BadRow] {
        &self.bad_rows
    }

    /// The number of data rows read (valid + bad).
    // Two `Vec` lengths of non-zero-sized rows: each at most `isize::MAX`, so the sum fits `usize`.
    #[allow(clippy::arithmetic_side_effects)]
    pub fn rows_read(&self) -> usize {
        self.rows.len() + self.bad_rows.len()
    }

    /// The release, when the caller said it
    /// ([`with_release`](Self::with_release)).
    pub fn release(&self) -> Option<Release> {
        self.release
    }

    /// The extract marked as `release` (provisional or final): say
    /// it from what you downloaded, or from the file's name with
    /// [`Release::from_file_name`].
    #[must_use]
    pub fn with_release(mut self, release: Release) -> Self {
        self.release = Some(release);
        self
    }

    /// The name of the sheet read, for an extract read from a
    /// workbook (its rows' and bad rows' numbers are that sheet's
    /// row numbers); `None` for CSV.
    pub fn sheet(&self) -> Option<&str> {
        self.sheet.as_deref()
    }

    /// The bad rows grouped by reason, each with its count and first
    /// bad row.
    pub fn bad_row_summary(&self) -> BadRowSummary {
        BadRowSummary::new(self.rows_read(), &self.bad_rows, self.sheet())
    }

    /// The extract, if it has at least one valid row: reading never
    /// fails on bad rows (each is reported), so a file that yields
    /// nothing would otherwise pass quietly.
    ///
    /// # Errors
    ///
    /// [`ExtractError::NoDataRows`] if the file has a header and no
    /// data rows; [`ExtractError::NoValidRows`] if every data row is
    /// bad (its message groups them by reason, with counts and the
    /// first of each).
    pub fn require_valid_rows(self) -> Result<Self, ExtractError> {
        summary::require_valid_rows(
            self.rows.len(),
            self.rows_read(),
            &self.bad_rows,
            self.sheet(),
        )?;
        Ok(self)
    }

    /// Joins extracts of one layout and overlapping months by the rule on
    /// [`Combined`]: month by month, a final release supersedes a
    /// provisional one (or one whose release is not stated), and
    /// otherwise the later input wins; every month left out of an
    /// input is reported.
    pub fn combine(extracts: impl IntoIterator<Item = Extract<R>>) -> Combined<Extract<R>> {
        let parts: Vec<_> = extracts
            .into_iter()
            .map(|e| (e.release, e.rows, e.bad_rows))
            .collect();
        let (rows, bad_rows, sources, replaced) = release::combine(parts, |row| row.period());
        let releases: Vec<Option<Release>> =
            sources.values().map(|&(_, release)| release).collect();
        let one_release = match releases.split_first() {
            Some((first, rest)) if rest.iter().all(|r| r == first) => *first,
            _ => None,
        };
        let extract = Extract {
            rows,
            bad_rows,
            release: one_release,
            ..Extract::default()
        };
        Combined::new(extract, sources, replaced)
    }

    /// Totals by reporting month x standard x `group(row)`, following the
    /// layout's summing rule ([`LayoutRow::counts_towards_total`]: the
    /// provider extract's modality rule; every sub-location row adds).
    /// `group` can return the organisation, the route, the cancer type,
    /// the sub-category, or anything derived from them; roll up further
    /// with [`PerformanceTable::regroup`].
    ///
    /// # Errors
    ///
    /// [`PerformanceError::Overflow`] if a total overflows.
    pub fn aggregate_by<K: Ord>(
        &self,
        mut group: impl FnMut(&R) -> K,
    ) -> Result<PerformanceTable<K>, PerformanceError> {
        let mut table = PerformanceTable::new();
        for row in self.rows.iter().filter(|r| r.counts_towards_total()) {
            table.add(row.period(), row.standard(), group(row), row.performance())?;
        }
        Ok(table)
    }

    /// Totals by reporting month x standard x the file's organisation
    /// code ([`LayoutRow::code`]: the provider, or the sub-ICB location):
    /// the same table as `aggregate_by(|r| r.code().clone())`, summed
    /// first by the reader's organisation ids where it has them, then
    /// turned into codes once per cell.
    ///
    /// # Errors
    ///
    /// [`PerformanceError::Overflow`] if a total overflows.
    pub fn tabulate(&self) -> Result<PerformanceTable<OdsCode>, PerformanceError> {
        if self.organisation_ids.len() != self.rows.len() {
            return self.aggregate_by(|row| row.code().clone());
        }
        let mut cells: FastMap<(YearMonth, CwtStandard, u32), (u32, Performance)> =
            FastMap::default();
        cells.reserve(self.rows.len() / 8);
        for (i, (row, &id)) in self.rows.iter().zip(&self.organisation_ids).enumerate() {
            if !row.counts_towards_total() {
                continue;
            }
            let cell = cells
                .entry((row.period(), row.standard(), id))
                .or_insert((i as u32, Performance::ZERO));
            cell.1 = cell
                .1
                .checked_add(row.performance())
                .ok_or(PerformanceError::Overflow)?;
        }
        let mut table = PerformanceTable::new();
        for ((month, standard, _), (first, perf)) in cells {
            if let Some(row) = self.rows.get(first as usize) {
                table.add(month, standard, row.code().clone(), perf)?;
            }
        }
        Ok(table)
    }
}

impl AnyExtract {
    /// The extract, if it has at least one valid row
    /// ([`Extract::require_valid_rows`]).
    ///
    /// ```
    /// use cancer_plan::cwt::extract::{read_any_extract, ExtractError};
    /// let saved_from_excel = "\
    /// PERIOD,YEAR,MONTH,STANDARD,ORG CODE,STAGE/ROUTE,TREATMENT MODALITY,CANCER TYPE,TOTAL TREATED,WITHIN STANDARD,BREACHES
    /// Q2 25,2025/26,APR,28-day FDS,RHM,URGENT SUSPECTED CANCER,,Lung,10,9,1
    /// ";
    /// let error = read_any_extract(saved_from_excel.as_bytes())?.require_valid_rows().unwrap_err();
    /// assert!(matches!(error, ExtractError::NoValidRows { .. }));
    /// assert!(error.to_string().contains("1 x PERIOD is not a month in a known form (first: line 2: PERIOD `Q2 25`"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ExtractError::NoDataRows`] if the file has no data rows;
    /// [`ExtractError::NoValidRows`] if every data row is bad.
    pub fn require_valid_rows(self) -> Result<AnyExtract, ExtractError> {
        Ok(match self {
            AnyExtract::Provider(e) => AnyExtract::Provider(e.require_valid_rows()?),
            AnyExtract::SubIcb(e) => AnyExtract::SubIcb(e.require_valid_rows()?),
        })
    }

    /// The bad rows, in file order ([`Extract::bad_rows`]).
    pub fn bad_rows(&self) -> &[BadRow] {
        match self {
            AnyExtract::Provider(e) => e.bad_rows(),
            AnyExtract::SubIcb(e) => e.bad_rows(),
        }
    }

    /// The number of data rows read, valid and bad ([`Extract::rows_read`]).
    pub fn rows_read(&self) -> usize {
        match self {
            AnyExtract::Provider(e) => e.rows_read(),
            AnyExtract::SubIcb(e) => e.rows_read(),
        }
    }

    /// The bad rows grouped by reason ([`Extract::bad_row_summary`]).
    pub fn bad_row_summary(&self) -> BadRowSummary {
        match self {
            AnyExtract::Provider(e) => e.bad_row_summary(),
            AnyExtract::SubIcb(e) => e.bad_row_summary(),
        }
    }

    /// The extract marked as `release` ([`Extract::with_release`]).
    #[must_use]
    pub fn with_release(self, release: Release) -> AnyExtract {
        match self {
            AnyExtract::Provider(e) => AnyExtract::Provider(e.with_release(release)),
            AnyExtract::SubIcb(e) => AnyExtract::SubIcb(e.with_release(release)),
        }
    }

    /// Joins extracts of one layout by [`Extract::combine`].
    ///
    /// # Errors
    ///
    /// [`ExtractError::MixedLayouts`] if the extracts are not all of one
    /// layout (provider and ICB sub-location figures are different bases
    /// and are never joined).
    pub fn combine(
        extracts: impl IntoIterator<Item = AnyExtract>,
    ) -> Result<Combined<AnyExtract>, ExtractError> {
        let mut providers = Vec::new();
        let mut sub_icbs = Vec::new();
        for extract in extracts {
            match extract {
                AnyExtract::Provider(e) => providers.push(e),
                AnyExtract::SubIcb(e) => sub_icbs.push(e),
            }
        }
        match (providers.is_empty(), sub_icbs.is_empty()) {
            (false, false) => Err(ExtractError::MixedLayouts),
            (false, true) => Ok(Extract::combine(providers).map(AnyExtract::Provider)),
            _ => Ok(Extract::combine(sub_icbs).map(AnyExtract::SubIcb)),
        }
    }
}

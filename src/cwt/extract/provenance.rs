//! What every extract carries beside its rows, and the checks on it: its
//! [`Release`], the sheet it was read from, the bad rows grouped by reason,
//! the loud-failure check, and joining extracts of overlapping months.

use super::release::{self, Combined};
use super::summary::{self, BadRowSummary};
use super::{AnyExtract, Extract, ExtractError, Release, SubIcbExtract};

/// The same methods on both layouts.
macro_rules! provenance {
    ($extract:ident, $doc_read:literal) => {
        impl $extract {
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

            #[doc = concat!("Joins ", $doc_read, " of overlapping months by the rule on")]
            /// [`Combined`]: month by month, a final release supersedes a
            /// provisional one (or one whose release is not stated), and
            /// otherwise the later input wins; every month left out of an
            /// input is reported.
            pub fn combine(extracts: impl IntoIterator<Item = $extract>) -> Combined<$extract> {
                let parts: Vec<_> = extracts
                    .into_iter()
                    .map(|e| (e.release, e.rows, e.bad_rows))
                    .collect();
                let (rows, bad_rows, sources, replaced) =
                    release::combine(parts, |row| row.period());
                let releases: Vec<Option<Release>> =
                    sources.values().map(|&(_, release)| release).collect();
                let one_release = match releases.split_first() {
                    Some((first, rest)) if rest.iter().all(|r| r == first) => *first,
                    _ => None,
                };
                let extract = $extract {
                    rows,
                    bad_rows,
                    release: one_release,
                    ..$extract::default()
                };
                Combined::new(extract, sources, replaced)
            }
        }
    };
}

provenance!(Extract, "provider extracts");
provenance!(SubIcbExtract, "ICB sub-location extracts");

impl AnyExtract {
    /// The release, when the caller said it.
    pub fn release(&self) -> Option<Release> {
        match self {
            AnyExtract::Provider(e) => e.release(),
            AnyExtract::SubIcb(e) => e.release(),
        }
    }

    /// The extract marked as `release`.
    #[must_use]
    pub fn with_release(self, release: Release) -> AnyExtract {
        match self {
            AnyExtract::Provider(e) => AnyExtract::Provider(e.with_release(release)),
            AnyExtract::SubIcb(e) => AnyExtract::SubIcb(e.with_release(release)),
        }
    }

    /// The sheet read, for an extract read from a workbook.
    pub fn sheet(&self) -> Option<&str> {
        match self {
            AnyExtract::Provider(e) => e.sheet(),
            AnyExtract::SubIcb(e) => e.sheet(),
        }
    }

    /// The bad rows grouped by reason.
    pub fn bad_row_summary(&self) -> BadRowSummary {
        match self {
            AnyExtract::Provider(e) => e.bad_row_summary(),
            AnyExtract::SubIcb(e) => e.bad_row_summary(),
        }
    }

    /// The extract, if it has at least one valid row.
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

    /// Joins extracts of one layout by [`Extract::combine`] or
    /// [`SubIcbExtract::combine`].
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
            _ => Ok(SubIcbExtract::combine(sub_icbs).map(AnyExtract::SubIcb)),
        }
    }
}

//! [`CwtSource`]: one table of CWT figures by organisation code, with its
//! basis, from any of the crate's readers.

use serde::Serialize;

use super::Basis;
use crate::cwt::PerformanceTable;
use crate::OdsCode;

/// CWT figures by month × standard × organisation code, and the basis they
/// were counted on: a provider extract (by trust), an ICB sub-location
/// extract (by sub-ICB location), or patient-level pathways (by provider).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CwtSource {
    name: String,
    basis: Basis,
    table: PerformanceTable<OdsCode>,
}

/// A source as the assurance value describes it (its table left out).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceSummary {
    name: String,
    basis: Basis,
    codes: usize,
    first_month: Option<crate::YearMonth>,
    last_month: Option<crate::YearMonth>,
}

impl SourceSummary {
    /// The source's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Its basis.
    pub fn basis(&self) -> Basis {
        self.basis
    }

    /// How many organisation codes it holds.
    pub fn codes(&self) -> usize {
        self.codes
    }
}

impl CwtSource {
    /// Figures by trust (provider basis); `name` says where they come from
    /// (a file name).
    pub fn provider(name: impl Into<String>, table: PerformanceTable<OdsCode>) -> CwtSource {
        CwtSource {
            name: name.into(),
            basis: Basis::Provider,
            table,
        }
    }

    /// Figures by sub-ICB location (commissioner basis).
    pub fn commissioner(name: impl Into<String>, table: PerformanceTable<OdsCode>) -> CwtSource {
        CwtSource {
            name: name.into(),
            basis: Basis::Commissioner,
            table,
        }
    }

    /// A read extract of either layout: a provider extract on the provider
    /// basis, an ICB sub-location extract on the commissioner basis.
    ///
    /// # Errors
    ///
    /// [`AssuranceError::Performance`](super::AssuranceError::Performance) if a total overflows.
    #[cfg(feature = "cwt-extract")]
    #[cfg_attr(docsrs, doc(cfg(feature = "cwt-extract")))]
    pub fn from_extract(
        name: impl Into<String>,
        extract: &crate::cwt::extract::AnyExtract,
    ) -> Result<CwtSource, super::AssuranceError> {
        use crate::cwt::extract::AnyExtract;
        let table = extract.by_code()?;
        Ok(match extract {
            AnyExtract::SubIcb(_) => CwtSource::commissioner(name, table),
            _ => CwtSource::provider(name, table),
        })
    }

    /// Patient-level pathway counts, by provider (provider basis), summed
    /// over tumour sites.
    ///
    /// # Errors
    ///
    /// [`AssuranceError::Performance`](super::AssuranceError::Performance) if a total overflows.
    #[cfg(any(feature = "pathway-csv", feature = "pathway-arrow"))]
    #[cfg_attr(
        docsrs,
        doc(cfg(any(feature = "pathway-csv", feature = "pathway-arrow")))
    )]
    pub fn from_pathways(
        name: impl Into<String>,
        counts: &crate::cwt::pathway::PathwayFileCounts,
    ) -> Result<CwtSource, super::AssuranceError> {
        let (table, _) = counts
            .to_table()?
            .regroup(|(provider, _site)| Some(provider.clone()))?;
        Ok(CwtSource::provider(name, table))
    }

    /// The name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The basis.
    pub fn basis(&self) -> Basis {
        self.basis
    }

    /// The figures by code.
    pub fn table(&self) -> &PerformanceTable<OdsCode> {
        &self.table
    }

    pub(crate) fn summary(&self) -> SourceSummary {
        let months: Vec<crate::YearMonth> = self.table.periods().map(|(m, _)| m).collect();
        let codes: std::collections::BTreeSet<&OdsCode> =
            self.table.iter().map(|(_, _, code, _)| code).collect();
        SourceSummary {
            name: self.name.clone(),
            basis: self.basis,
            codes: codes.len(),
            first_month: months.iter().min().copied(),
            last_month: months.iter().max().copied(),
        }
    }
}

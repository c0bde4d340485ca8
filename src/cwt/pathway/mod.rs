//! Patient pathways: [`Pathway`] records measured per standard, typed
//! [`DataQualityFinding`]s for impossible records, and fast one-pass
//! aggregation ([`PathwayCounts`]).
//!
//! Three ways in, one set of counting rules (a tested property: the same
//! cells and findings from each):
//! - [`measure_pathways`]: rich records, any grouping, straightforward (a
//!   map insert per measured standard); the reference.
//! - [`PathwayCounts`]: each [`Pathway`] counted through a 24-byte compact
//!   form into a dense table by month x provider x tumour site x standard,
//!   no allocation per record; for millions of records in memory
//!   ([`PathwayCounts::add_parallel`] on several threads).
//! - Files, streamed in chunks into a [`PathwayCounts`] whose window and
//!   provider count grow with the data, so that every measured pathway
//!   lands in a cell (`PathwayFileCounts`): `read_pathways_csv` (feature
//!   `pathway-csv`, any `io::Read`), `PathwayBatches` /
//!   `aggregate_record_batches` (feature `pathway-arrow`, Arrow
//!   `RecordBatch`es from an engine) and `read_pathways_parquet` (feature
//!   `pathway-parquet`, any Parquet `ChunkReader` the caller opened). The
//!   library opens no file itself.
//!
//! # The pathway file layout
//!
//! A header row, then one pathway a record. Columns are found by name, in
//! any order, without case; other columns are ignored and listed in
//! `PathwayFileCounts::ignored_columns`; a [`ColumnMapping`] lets an
//! export keep its own names. The columns ([`PathwayColumn`]):
//!
//! | column | content | blank |
//! | --- | --- | --- |
//! | `provider` | ODS code of the provider (`RHM`) | bad record |
//! | `icb` (optional) | ODS code of the patient's ICB, checked | not recorded |
//! | `route` | `urgent_suspected_cancer`, `breast_symptomatic`, `urgent_screening`, `consultant_upgrade`, `other` | bad record |
//! | `tumour_site` | a [`TumourSite`](crate::tumour_site::TumourSite) code: `breast`, `lung`, `colorectal_lower_gi` (or `lower_gi`), `upper_gi`, `urology`, `prostate`, `skin`, `head_and_neck`, `gynaecology`, `haematology`, `brain_cns`, `sarcoma`, `childrens`, `non_specific_symptoms`, `other` | bad record |
//! | `referral_received`, `told_outcome`, `decision_to_treat`, `first_treatment` | ISO dates `YYYY-MM-DD` (years 2000 to 2099) | not recorded |
//! | `dna_adjustment_days`, `treatment_delay_days` | whole days 0 to 65535 | 0 |
//!
//! In Arrow and Parquet, categoricals may be plain or dictionary-encoded
//! strings, dates `Date32`, `Date64` or ISO strings, adjustments any
//! integer type; nulls are blanks.
//!
//! A record that cannot be read is a [`BadPathwayRow`] (its line in a CSV, its
//! position, and a [`BadPathwayRowReason`]: an unparseable or out-of-range
//! date, an unknown route or site, a bad ODS code, a negative or
//! non-numeric adjustment, a wrong number of fields): counted in
//! `PathwayFileCounts::records`, left out of every cell, never dropped
//! silently. A readable but impossible pathway (a clock stop before its
//! start, a stop with no start, adjustments longer than the wait) is a
//! [`DataQualityFinding`] with its record position, as on the other paths.
//!
//! Speed and memory (BENCHMARKS.md, "Patient-level pathways"): 10M
//! pathways end to end in about a third of polars' time from CSV and a
//! quarter from Parquet, in 12 to 16 MB; 40M from Parquet in one call in
//! 41 MB.

#[cfg(any(feature = "pathway-csv", feature = "pathway-arrow"))]
mod aggregate;
#[cfg(feature = "pathway-arrow")]
mod arrow_batches;
#[cfg(feature = "pathway-arrow")]
mod arrow_table;
mod bad_record;
mod compact;
mod counts;
#[cfg(feature = "pathway-csv")]
mod csv_input;
#[cfg(feature = "pathway-csv")]
mod csv_reader;
#[cfg(any(feature = "pathway-csv", feature = "pathway-arrow"))]
mod fields;
mod finding;
mod layout;
mod parallel;
#[cfg(feature = "pathway-parquet")]
mod parquet_guard;
#[cfg(feature = "pathway-parquet")]
mod parquet_pages;
#[cfg(feature = "pathway-parquet")]
mod parquet_reader;
mod read_error;
mod record;
#[cfg(any(feature = "pathway-csv", feature = "pathway-arrow"))]
mod row;

#[cfg(any(feature = "pathway-csv", feature = "pathway-arrow"))]
#[cfg_attr(
    docsrs,
    doc(cfg(any(feature = "pathway-csv", feature = "pathway-arrow")))
)]
pub use aggregate::PathwayFileCounts;
#[cfg(feature = "pathway-arrow")]
#[cfg_attr(docsrs, doc(cfg(feature = "pathway-arrow")))]
pub use arrow_batches::{aggregate_record_batches, PathwayBatches};
#[cfg(feature = "pathway-arrow")]
#[cfg_attr(docsrs, doc(cfg(feature = "pathway-arrow")))]
pub use arrow_table::performance_table_batch;
pub use bad_record::{BadPathwayRow, BadPathwayRowReason};
pub use counts::{
    PathwayCounts, ReportingWindow, ReportingWindowError, TableTooLarge, MAX_CELLS, MAX_PROVIDERS,
};
#[cfg(feature = "pathway-csv")]
#[cfg_attr(docsrs, doc(cfg(feature = "pathway-csv")))]
pub use csv_input::MAX_PATHWAY_RECORD;
#[cfg(feature = "pathway-csv")]
#[cfg_attr(docsrs, doc(cfg(feature = "pathway-csv")))]
pub use csv_reader::read_pathways_csv;
pub use finding::{DataQualityFinding, DataQualityKind};
pub use layout::{ColumnMapping, LayoutError, PathwayColumn};
#[cfg(feature = "pathway-parquet")]
#[cfg_attr(docsrs, doc(cfg(feature = "pathway-parquet")))]
pub use parquet_reader::read_pathways_parquet;
pub use read_error::PathwayReadError;
pub use record::{Adjustment, AdjustmentReason, Measurement, Pathway, Route};

use super::{PatientCount, Performance, PerformanceError, PerformanceTable};
use crate::standard::CwtStandard;

/// Measures every pathway for every standard and totals them by reporting
/// month x standard x `group(pathway)`; returns the table and the findings
/// (each with the pathway's index in `pathways`). A pathway with a finding
/// for one standard still counts for the others.
///
/// ```
/// use cancer_plan::cwt::pathway::{measure_pathways, Pathway, Route};
/// use cancer_plan::{CwtStandard, TumourSite};
/// use chrono::NaiveDate;
/// let d = |m, d| NaiveDate::from_ymd_opt(2024, m, d).ok_or("date");
/// let pathways = [
///     Pathway::new(Route::UrgentSuspectedCancer, TumourSite::Skin, "RHM".parse()?)
///         .with_referral_received(d(5, 1)?).with_told_outcome(d(5, 20)?),
///     Pathway::new(Route::UrgentSuspectedCancer, TumourSite::Skin, "RHM".parse()?)
///         .with_referral_received(d(5, 10)?).with_told_outcome(d(5, 2)?),
/// ];
/// let (table, findings) = measure_pathways(&pathways, |p| p.provider().clone())?;
/// assert_eq!(findings.len(), 1);
/// assert_eq!(findings[0].index(), 1);
/// let p = table.get("2024-05".parse()?, CwtStandard::FasterDiagnosis28Day, "RHM").ok_or("none")?;
/// assert_eq!(p.to_string(), "1 / 1 (100.00%)");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// [`PerformanceError::Overflow`] if a cell's counts overflow. Impossible
/// records are not errors: they are the returned findings.
pub fn measure_pathways<K: Ord>(
    pathways: &[Pathway],
    mut group: impl FnMut(&Pathway) -> K,
) -> Result<(PerformanceTable<K>, Vec<DataQualityFinding>), PerformanceError> {
    let mut table = PerformanceTable::new();
    let mut findings = Vec::new();
    let one = PatientCount::whole(1);
    for (index, pathway) in pathways.iter().enumerate() {
        for standard in CwtStandard::ALL {
            match pathway.measure(standard) {
                Ok(Some(m)) => {
                    let within = if m.is_within() {
                        one
                    } else {
                        PatientCount::ZERO
                    };
                    let p = Performance::new(within, one)?;
                    table.add(m.reporting_month(), standard, group(pathway), p)?;
                }
                Ok(None) => {}
                Err(kind) => findings.push(DataQualityFinding::new(index, kind)),
            }
        }
    }
    Ok((table, findings))
}

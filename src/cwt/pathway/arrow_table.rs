//! A [`PerformanceTable`] out as an Arrow `RecordBatch` (feature
//! `pathway-arrow`), for engines and Parquet writers.

use std::sync::Arc;

use arrow_array::builder::{Decimal128Builder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{ArrowError, DataType, Field, Schema};

use super::PathwayFileCounts;
use crate::cwt::{PatientCount, PerformanceTable};

/// Counts are exact halves: `Decimal128(38, 1)` holds them exactly.
fn count_type() -> DataType {
    DataType::Decimal128(38, 1)
}

// A u64 times five fits an i128.
#[allow(clippy::arithmetic_side_effects)]
fn tenths(count: PatientCount) -> i128 {
    i128::from(count.halves()) * 5
}

/// `table` as a record batch, one row a cell, in the table's order:
/// `month` (`YYYY-MM`), `standard`
/// ([`CwtStandard::code`](crate::standard::CwtStandard::code)), one text
/// column per name of `group_columns` (filled by `group`, one value per
/// name), then
/// `total` and `within` as `Decimal128(38, 1)` patients (exact halves).
///
/// ```
/// use cancer_plan::cwt::pathway::performance_table_batch;
/// use cancer_plan::cwt::{PatientCount, Performance, PerformanceTable};
/// use cancer_plan::CwtStandard;
/// let mut table = PerformanceTable::new();
/// let p = Performance::new(PatientCount::whole(8), "10.5".parse()?)?;
/// table.add("2024-04".parse()?, CwtStandard::Combined62Day, "RHM", p)?;
/// let batch = performance_table_batch(&table, &["provider"], |k| vec![k.to_string()])?;
/// assert_eq!(batch.num_rows(), 1);
/// let names: Vec<_> = batch.schema().fields().iter().map(|f| f.name().clone()).collect();
/// assert_eq!(names, ["month", "standard", "provider", "total", "within"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// [`ArrowError::InvalidArgumentError`] if `group` gives a number of
/// values other than `group_columns.len()`.
pub fn performance_table_batch<K: Ord>(
    table: &PerformanceTable<K>,
    group_columns: &[&str],
    mut group: impl FnMut(&K) -> Vec<String>,
) -> Result<RecordBatch, ArrowError> {
    let mut month = StringBuilder::new();
    let mut standard = StringBuilder::new();
    let mut groups: Vec<StringBuilder> =
        group_columns.iter().map(|_| StringBuilder::new()).collect();
    let mut total = Decimal128Builder::new().with_data_type(count_type());
    let mut within = Decimal128Builder::new().with_data_type(count_type());
    for (m, s, key, p) in table.iter() {
        let values = group(key);
        if values.len() != groups.len() {
            return Err(ArrowError::InvalidArgumentError(format!(
                "the grouping gave {} values for the {} group columns {group_columns:?}",
                values.len(),
                groups.len()
            )));
        }
        month.append_value(m.to_string());
        standard.append_value(s.code());
        for (builder, value) in groups.iter_mut().zip(values) {
            builder.append_value(value);
        }
        total.append_value(tenths(p.total()));
        within.append_value(tenths(p.within()));
    }
    let mut fields = vec![
        Field::new("month", DataType::Utf8, false),
        Field::new("standard", DataType::Utf8, false),
    ];
    let mut columns: Vec<ArrayRef> = vec![Arc::new(month.finish()), Arc::new(standard.finish())];
    for (name, mut builder) in group_columns.iter().zip(groups) {
        fields.push(Field::new(*name, DataType::Utf8, false));
        columns.push(Arc::new(builder.finish()));
    }
    fields.push(Field::new("total", count_type(), false));
    fields.push(Field::new("within", count_type(), false));
    columns.push(Arc::new(total.finish()));
    columns.push(Arc::new(within.finish()));
    RecordBatch::try_new(Arc::new(Schema::new(fields)), columns)
}

impl PathwayFileCounts {
    /// The non-empty cells as a record batch with columns `month`,
    /// `standard`, `provider`, `tumour_site`, `total`, `within` (see
    /// [`performance_table_batch`]).
    ///
    /// # Errors
    ///
    /// [`ArrowError::ComputeError`] if a cell's count overflows.
    pub fn to_record_batch(&self) -> Result<RecordBatch, ArrowError> {
        let table = self
            .tabulate()
            .map_err(|e| ArrowError::ComputeError(e.to_string()))?;
        performance_table_batch(&table, &["provider", "tumour_site"], |(provider, site)| {
            vec![provider.to_string(), site.code().to_owned()]
        })
    }
}

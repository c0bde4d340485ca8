//! [`PathwayBatches`]: pathways counted from a stream of Arrow
//! `RecordBatch`es (feature `pathway-arrow`), by the same rules as the CSV
//! reader.
//!
//! Accepted column types: categoricals (`provider`, `icb`, `route`,
//! `tumour_site`) as `Utf8`, `LargeUtf8`, `Utf8View` or a dictionary of
//! those (a dictionary's values are parsed once per batch); dates as
//! `Date32`, `Date64` or ISO strings; adjustments as any integer type (or
//! strings). Nulls are blanks.

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Date32Type, Date64Type, Int16Type, Int32Type, Int64Type, Int8Type, UInt16Type, UInt32Type,
    UInt64Type, UInt8Type,
};
use arrow_array::{Array, RecordBatch};
use arrow_schema::{ArrowError, DataType};

use super::aggregate::Aggregator;
use super::compact::NO_DAY;
use super::fields::{self, UNIX_EPOCH_DAY};
use super::layout::HeaderLayout;
use super::row::fds_stop;
use super::{
    BadRecordReason, ColumnMapping, CompactPathway, PathwayColumn, PathwayFileCounts,
    PathwayReadError,
};

type Parsed<T> = Vec<Result<T, BadRecordReason>>;

const TEXT: &str = "Utf8, LargeUtf8, Utf8View or a dictionary of them";

/// Pathways counted from Arrow record batches, batch by batch (memory
/// stays flat): the columns found by name as in the CSV layout (see
/// [`PathwayColumn`]), record positions running on across batches.
///
/// ```
/// use std::sync::Arc;
/// use arrow_array::{ArrayRef, Date32Array, RecordBatch, StringArray, UInt16Array};
/// use cancer_plan::cwt::pathway::{ColumnMapping, PathwayBatches};
/// use cancer_plan::CwtStandard;
/// let day = |y, m, d| {
///     let date = chrono::NaiveDate::from_ymd_opt(y, m, d).ok_or("date")?;
///     let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).ok_or("date")?;
///     Ok::<_, &str>(i32::try_from((date - epoch).num_days()).map_err(|_| "days")?)
/// };
/// let text = |v: &[&str]| Arc::new(StringArray::from(v.to_vec())) as ArrayRef;
/// let dates = |v: Vec<Option<i32>>| Arc::new(Date32Array::from(v)) as ArrayRef;
/// let days = |v: Vec<u16>| Arc::new(UInt16Array::from(v)) as ArrayRef;
/// let batch = RecordBatch::try_from_iter([
///     ("provider", text(&["RHM", "RHM"])),
///     ("route", text(&["urgent_suspected_cancer", "spam"])),
///     ("tumour_site", text(&["lung", "lung"])),
///     ("referral_received", dates(vec![Some(day(2024, 4, 1)?), None])),
///     ("told_outcome", dates(vec![Some(day(2024, 4, 29)?), None])),
///     ("decision_to_treat", dates(vec![None, None])),
///     ("first_treatment", dates(vec![None, None])),
///     ("dna_adjustment_days", days(vec![0, 0])),
///     ("treatment_delay_days", days(vec![0, 0])),
/// ])?;
/// let mut batches = PathwayBatches::new(&ColumnMapping::new());
/// batches.add(&batch)?;
/// let read = batches.finish();
/// assert_eq!((read.records(), read.bad_records().len()), (2, 1));
/// assert_eq!(read.total(CwtStandard::FasterDiagnosis28Day), (1, 1));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct PathwayBatches {
    mapping: ColumnMapping,
    aggregator: Aggregator,
    ignored_known: bool,
    next_record: usize,
}

impl PathwayBatches {
    /// No batches yet; the file's columns named as `mapping` says.
    pub fn new(mapping: &ColumnMapping) -> PathwayBatches {
        PathwayBatches {
            mapping: mapping.clone(),
            aggregator: Aggregator::new(Vec::new()),
            ignored_known: false,
            next_record: 0,
        }
    }

    /// The columns ignored are these (when batches carry only the layout's
    /// columns, e.g. a projected Parquet read).
    pub(super) fn with_ignored(mut self, ignored: Vec<String>) -> PathwayBatches {
        self.aggregator = Aggregator::new(ignored);
        self.ignored_known = true;
        self
    }

    /// Counts the pathways of `batch`.
    ///
    /// # Errors
    ///
    /// [`PathwayReadError::Layout`] if the batch lacks a required column,
    /// [`PathwayReadError::ColumnType`] if a column has a type the layout
    /// cannot read. Bad records are not errors: they are reported in
    /// [`PathwayFileCounts::bad_records`].
    pub fn add(&mut self, batch: &RecordBatch) -> Result<(), PathwayReadError> {
        let schema = batch.schema();
        let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
        let layout = HeaderLayout::find(names.iter().copied(), &self.mapping)?;
        if !self.ignored_known {
            self.aggregator = Aggregator::new(layout.ignored.clone());
            self.ignored_known = true;
        }
        let column = |c: PathwayColumn| layout.position(c).and_then(|p| batch.columns().get(p));
        let name = |c: PathwayColumn| {
            layout
                .position(c)
                .and_then(|p| names.get(p))
                .map_or(c.name().to_owned(), |n| (*n).to_owned())
        };
        let rows = batch.num_rows();
        let required = |c: PathwayColumn| {
            column(c).ok_or(PathwayReadError::Layout(super::LayoutError::MissingColumn {
                column: c,
                name: c.name().to_owned(),
                found: names.join(", "),
            }))
        };
        let aggregator = &mut self.aggregator;
        let providers = text_column(required(PathwayColumn::Provider)?.as_ref(), &name(PathwayColumn::Provider), PathwayColumn::Provider, |b| {
            let b = b.trim_ascii();
            let key = fields::ods_key(b, PathwayColumn::Provider)?;
            aggregator.provider(key, b)
        })?;
        let icbs = match column(PathwayColumn::Icb) {
            Some(array) => text_column(array.as_ref(), &name(PathwayColumn::Icb), PathwayColumn::Icb, |b| {
                if b.trim_ascii().is_empty() {
                    Ok(())
                } else {
                    fields::ods_key(b, PathwayColumn::Icb).map(|_| ())
                }
            })?,
            None => vec![Ok(()); rows],
        };
        let routes = text_column(required(PathwayColumn::Route)?.as_ref(), &name(PathwayColumn::Route), PathwayColumn::Route, fields::route)?;
        let sites = text_column(required(PathwayColumn::TumourSite)?.as_ref(), &name(PathwayColumn::TumourSite), PathwayColumn::TumourSite, fields::tumour_site)?;
        let mut dates = Vec::with_capacity(4);
        for c in [
            PathwayColumn::ReferralReceived,
            PathwayColumn::ToldOutcome,
            PathwayColumn::DecisionToTreat,
            PathwayColumn::FirstTreatment,
        ] {
            dates.push(date_column(required(c)?.as_ref(), &name(c), c)?);
        }
        let dna = adjustment_column(required(PathwayColumn::DnaAdjustmentDays)?.as_ref(), &name(PathwayColumn::DnaAdjustmentDays), PathwayColumn::DnaAdjustmentDays)?;
        let delay = adjustment_column(required(PathwayColumn::TreatmentDelayDays)?.as_ref(), &name(PathwayColumn::TreatmentDelayDays), PathwayColumn::TreatmentDelayDays)?;
        let mut columns = (
            providers.into_iter(),
            icbs.into_iter(),
            routes.into_iter(),
            sites.into_iter(),
        );
        let [mut referral, mut told, mut dtt, mut treatment] = match <[Parsed<i32>; 4]>::try_from(dates) {
            Ok(d) => d.map(Vec::into_iter),
            Err(_) => return Ok(()),
        };
        let (mut dna, mut delay) = (dna.into_iter(), delay.into_iter());
        for i in 0..rows {
            let index = self.next_record + i;
            // Every column advances for every row, whatever fails first.
            let values = (
                columns.0.next().unwrap_or(Err(short(rows, i))),
                columns.1.next().unwrap_or(Err(short(rows, i))),
                columns.2.next().unwrap_or(Err(short(rows, i))),
                columns.3.next().unwrap_or(Err(short(rows, i))),
                [
                    referral.next().unwrap_or(Err(short(rows, i))),
                    told.next().unwrap_or(Err(short(rows, i))),
                    dtt.next().unwrap_or(Err(short(rows, i))),
                    treatment.next().unwrap_or(Err(short(rows, i))),
                ],
                dna.next().unwrap_or(Err(short(rows, i))),
                delay.next().unwrap_or(Err(short(rows, i))),
            );
            let record = (|| {
                let (provider, icb, route, tumour_site, [referral, told, dtt, treatment], dna, delay) =
                    values;
                let provider = provider?;
                icb?;
                let route = route?;
                let tumour_site = tumour_site?;
                let referral = referral?;
                let told = told?;
                let decision_to_treat = dtt?;
                let first_treatment = treatment?;
                let first_seen_adjustment = dna?;
                let treatment_adjustment = delay?;
                Ok(CompactPathway {
                    referral,
                    fds_stop: fds_stop(told, decision_to_treat),
                    decision_to_treat,
                    first_treatment,
                    provider,
                    first_seen_adjustment,
                    treatment_adjustment,
                    tumour_site,
                    route,
                })
            })();
            match record {
                Ok(record) => self.aggregator.push(index, record),
                Err(reason) => self.aggregator.bad(index, None, reason),
            }
        }
        self.next_record += rows;
        Ok(())
    }

    /// The counts of every batch added.
    pub fn finish(self) -> PathwayFileCounts {
        self.aggregator.finish()
    }
}

/// Counts the pathways of every batch of `batches` (e.g. a
/// `ParquetRecordBatchReader`, or an engine's stream).
///
/// # Errors
///
/// The first error a batch gives (as [`ArrowError`]), and those of
/// [`PathwayBatches::add`].
pub fn aggregate_record_batches(
    batches: impl IntoIterator<Item = Result<RecordBatch, ArrowError>>,
    mapping: &ColumnMapping,
) -> Result<PathwayFileCounts, PathwayReadError> {
    let mut counts = PathwayBatches::new(mapping);
    for batch in batches {
        counts.add(&batch?)?;
    }
    Ok(counts.finish())
}

pub(super) fn aggregate_projected(
    batches: impl IntoIterator<Item = Result<RecordBatch, ArrowError>>,
    mapping: &ColumnMapping,
    ignored: Vec<String>,
) -> Result<PathwayFileCounts, PathwayReadError> {
    let mut counts = PathwayBatches::new(mapping).with_ignored(ignored);
    for batch in batches {
        counts.add(&batch?)?;
    }
    Ok(counts.finish())
}

/// A column shorter than its batch (Arrow checks that they are not).
fn short(rows: usize, found: usize) -> BadRecordReason {
    BadRecordReason::WrongFieldCount {
        expected: rows,
        found,
    }
}

fn type_error(column: PathwayColumn, name: &str, data_type: &DataType, expected: &'static str) -> PathwayReadError {
    PathwayReadError::ColumnType {
        column,
        name: name.to_owned(),
        data_type: data_type.to_string(),
        expected,
    }
}

/// Text values, row by row (`None` for null), of a string array.
fn strings<'a>(array: &'a dyn Array) -> Option<Box<dyn Fn(usize) -> Option<&'a [u8]> + 'a>> {
    if let Some(a) = array.as_string_opt::<i32>() {
        return Some(Box::new(move |i| a.is_valid(i).then(|| a.value(i).as_bytes())));
    }
    if let Some(a) = array.as_string_opt::<i64>() {
        return Some(Box::new(move |i| a.is_valid(i).then(|| a.value(i).as_bytes())));
    }
    if let Some(a) = array.as_string_view_opt() {
        return Some(Box::new(move |i| a.is_valid(i).then(|| a.value(i).as_bytes())));
    }
    None
}

/// A text column parsed row by row; a dictionary's values parsed once,
/// when first used.
fn text_column<T: Clone>(
    array: &dyn Array,
    name: &str,
    column: PathwayColumn,
    mut parse: impl FnMut(&[u8]) -> Result<T, BadRecordReason>,
) -> Result<Parsed<T>, PathwayReadError> {
    let rows = array.len();
    if let Some(dictionary) = array.as_any_dictionary_opt() {
        let values = dictionary.values();
        let text = strings(values.as_ref())
            .ok_or_else(|| type_error(column, name, array.data_type(), TEXT))?;
        if values.is_empty() {
            return Ok((0..rows).map(|_| parse(b"")).collect());
        }
        let keys = dictionary.normalized_keys();
        let mut cache: Vec<Option<Result<T, BadRecordReason>>> = vec![None; values.len()];
        let mut out = Vec::with_capacity(rows);
        for (i, &k) in keys.iter().enumerate() {
            if array.is_null(i) {
                out.push(parse(b""));
                continue;
            }
            let parsed = match cache.get_mut(k) {
                Some(Some(p)) => p.clone(),
                Some(slot) => slot.insert(parse(text(k).unwrap_or_default())).clone(),
                None => parse(b""),
            };
            out.push(parsed);
        }
        return Ok(out);
    }
    let text = strings(array).ok_or_else(|| type_error(column, name, array.data_type(), TEXT))?;
    Ok((0..rows).map(|i| parse(text(i).unwrap_or_default())).collect())
}

fn date_column(array: &dyn Array, name: &str, column: PathwayColumn) -> Result<Parsed<i32>, PathwayReadError> {
    if let Some(a) = array.as_primitive_opt::<Date32Type>() {
        return Ok((0..a.len())
            .map(|i| {
                if a.is_null(i) {
                    return Ok(NO_DAY);
                }
                let days = a.value(i);
                let day = days.checked_add(UNIX_EPOCH_DAY).unwrap_or(i32::MAX);
                fields::date_in_range(day, column, || format!("{days} days from 1970-01-01"))
            })
            .collect());
    }
    if let Some(a) = array.as_primitive_opt::<Date64Type>() {
        return Ok((0..a.len())
            .map(|i| {
                if a.is_null(i) {
                    return Ok(NO_DAY);
                }
                let ms = a.value(i);
                let day = i32::try_from(ms.div_euclid(86_400_000))
                    .ok()
                    .and_then(|d| d.checked_add(UNIX_EPOCH_DAY))
                    .unwrap_or(i32::MAX);
                fields::date_in_range(day, column, || format!("{ms} ms from 1970-01-01"))
            })
            .collect());
    }
    text_column(array, name, column, |b| fields::date(b, column))
        .map_err(|_| type_error(column, name, array.data_type(), "Date32, Date64 or ISO strings"))
}

fn adjustment_column(array: &dyn Array, name: &str, column: PathwayColumn) -> Result<Parsed<u16>, PathwayReadError> {
    macro_rules! ints {
        ($($t:ty),*) => {$(
            if let Some(a) = array.as_primitive_opt::<$t>() {
                return Ok((0..a.len())
                    .map(|i| {
                        if a.is_null(i) {
                            return Ok(0);
                        }
                        let v = i64::try_from(a.value(i)).unwrap_or(i64::MAX);
                        fields::adjustment_from_int(v, column)
                    })
                    .collect());
            }
        )*};
    }
    ints!(Int8Type, Int16Type, Int32Type, Int64Type, UInt8Type, UInt16Type, UInt32Type, UInt64Type);
    text_column(array, name, column, |b| fields::adjustment(b, column))
        .map_err(|_| type_error(column, name, array.data_type(), "an integer type or strings"))
}

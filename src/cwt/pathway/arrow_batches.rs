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
use arrow_array::{
    Array, LargeStringArray, PrimitiveArray, RecordBatch, StringArray, StringViewArray,
};
use arrow_schema::{ArrowError, DataType};

use super::aggregate::Aggregator;
use super::compact::{CompactPathway, ProviderIndex, NO_DAY};
use super::fields::{self, UNIX_EPOCH_DAY};
use super::layout::HeaderLayout;
use super::row::fds_stop;
use super::{
    BadPathwayRowReason, ColumnMapping, PathwayColumn, PathwayFileCounts, PathwayReadError, Route,
};
use crate::tumour_site::TumourSite;

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
/// let read = batches.finish()?;
/// assert_eq!((read.records(), read.bad_rows().len()), (2, 1));
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
    #[cfg_attr(not(feature = "pathway-parquet"), allow(dead_code))]
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
    /// [`PathwayFileCounts::bad_rows`].
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
            column(c).ok_or(PathwayReadError::Layout(
                super::LayoutError::MissingColumn {
                    column: c,
                    name: c.name().to_owned(),
                    found: names.join(", "),
                },
            ))
        };
        let mut columns = Columns {
            provider: Categorical::new(
                required(PathwayColumn::Provider)?.as_ref(),
                &name(PathwayColumn::Provider),
                PathwayColumn::Provider,
            )?,
            icb: match column(PathwayColumn::Icb) {
                Some(array) => Some(Categorical::new(
                    array.as_ref(),
                    &name(PathwayColumn::Icb),
                    PathwayColumn::Icb,
                )?),
                None => None,
            },
            route: Categorical::new(
                required(PathwayColumn::Route)?.as_ref(),
                &name(PathwayColumn::Route),
                PathwayColumn::Route,
            )?,
            site: Categorical::new(
                required(PathwayColumn::TumourSite)?.as_ref(),
                &name(PathwayColumn::TumourSite),
                PathwayColumn::TumourSite,
            )?,
            referral: Dates::new(
                required(PathwayColumn::ReferralReceived)?.as_ref(),
                &name(PathwayColumn::ReferralReceived),
                PathwayColumn::ReferralReceived,
            )?,
            told: Dates::new(
                required(PathwayColumn::ToldOutcome)?.as_ref(),
                &name(PathwayColumn::ToldOutcome),
                PathwayColumn::ToldOutcome,
            )?,
            dtt: Dates::new(
                required(PathwayColumn::DecisionToTreat)?.as_ref(),
                &name(PathwayColumn::DecisionToTreat),
                PathwayColumn::DecisionToTreat,
            )?,
            treatment: Dates::new(
                required(PathwayColumn::FirstTreatment)?.as_ref(),
                &name(PathwayColumn::FirstTreatment),
                PathwayColumn::FirstTreatment,
            )?,
            dna: Adjustments::new(
                required(PathwayColumn::DnaAdjustmentDays)?.as_ref(),
                &name(PathwayColumn::DnaAdjustmentDays),
                PathwayColumn::DnaAdjustmentDays,
            )?,
            delay: Adjustments::new(
                required(PathwayColumn::TreatmentDelayDays)?.as_ref(),
                &name(PathwayColumn::TreatmentDelayDays),
                PathwayColumn::TreatmentDelayDays,
            )?,
        };
        for i in 0..rows {
            // Indexes saturate, as `PathwayCounts::add` documents.
            let index = self.next_record.saturating_add(i);
            match columns.row(i, &mut self.aggregator) {
                Ok(record) => self.aggregator.push(index, record),
                Err(reason) => self.aggregator.bad(index, None, reason),
            }
        }
        self.next_record = self.next_record.saturating_add(rows);
        Ok(self.aggregator.check()?)
    }

    /// The counts of every batch added.
    ///
    /// # Errors
    ///
    /// [`PathwayReadError::TableTooLarge`] if the clock stops need a
    /// larger table than the readers' budget (the error names its months
    /// and providers; nothing is left outside a window).
    pub fn finish(self) -> Result<PathwayFileCounts, PathwayReadError> {
        Ok(self.aggregator.finish()?)
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
    counts.finish()
}

#[cfg_attr(not(feature = "pathway-parquet"), allow(dead_code))]
pub(super) fn aggregate_projected(
    batches: impl IntoIterator<Item = Result<RecordBatch, ArrowError>>,
    mapping: &ColumnMapping,
    ignored: Vec<String>,
) -> Result<PathwayFileCounts, PathwayReadError> {
    let mut counts = PathwayBatches::new(mapping).with_ignored(ignored);
    for batch in batches {
        counts.add(&batch?)?;
    }
    counts.finish()
}

fn type_error(
    column: PathwayColumn,
    name: &str,
    data_type: &DataType,
    expected: &'static str,
) -> PathwayReadError {
    PathwayReadError::ColumnType {
        column,
        name: name.to_owned(),
        data_type: data_type.to_string(),
        expected,
    }
}

/// The layout's columns of one batch, read row by row.
struct Columns<'a> {
    provider: Categorical<'a, ProviderIndex>,
    icb: Option<Categorical<'a, ()>>,
    route: Categorical<'a, Route>,
    site: Categorical<'a, TumourSite>,
    referral: Dates<'a>,
    told: Dates<'a>,
    dtt: Dates<'a>,
    treatment: Dates<'a>,
    dna: Adjustments<'a>,
    delay: Adjustments<'a>,
}

impl Columns<'_> {
    /// Row `i`, checked in layout order (the first bad field is reported),
    /// by the rules of the CSV reader.
    #[inline]
    fn row(
        &mut self,
        i: usize,
        aggregator: &mut Aggregator,
    ) -> Result<CompactPathway, BadPathwayRowReason> {
        let provider = self.provider.get(i, &mut |b| {
            let b = b.trim_ascii();
            let key = fields::ods_key(b, PathwayColumn::Provider)?;
            aggregator.provider(key, b)
        })?;
        if let Some(icb) = self.icb.as_mut() {
            icb.get(i, &mut |b| {
                if b.trim_ascii().is_empty() {
                    Ok(())
                } else {
                    fields::ods_key(b, PathwayColumn::Icb).map(|_| ())
                }
            })?;
        }
        let route = self.route.get(i, &mut fields::route)?;
        let tumour_site = self.site.get(i, &mut fields::tumour_site)?;
        let referral = self.referral.get(i)?;
        let told = self.told.get(i)?;
        let decision_to_treat = self.dtt.get(i)?;
        let first_treatment = self.treatment.get(i)?;
        let first_seen_adjustment = self.dna.get(i)?;
        let treatment_adjustment = self.delay.get(i)?;
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
    }
}

const TEXT: &str = "Utf8, LargeUtf8, Utf8View or a dictionary of them";

/// A text column (nulls read as blanks).
enum Text<'a> {
    Utf8(&'a StringArray),
    Large(&'a LargeStringArray),
    View(&'a StringViewArray),
}

impl<'a> Text<'a> {
    fn of(array: &'a dyn Array) -> Option<Text<'a>> {
        if let Some(a) = array.as_string_opt::<i32>() {
            return Some(Text::Utf8(a));
        }
        if let Some(a) = array.as_string_opt::<i64>() {
            return Some(Text::Large(a));
        }
        array.as_string_view_opt().map(Text::View)
    }

    #[inline]
    fn get(&self, i: usize) -> &'a [u8] {
        let valid = |a: &dyn Array| i < a.len() && a.is_valid(i);
        match self {
            Text::Utf8(a) if valid(*a) => a.value(i).as_bytes(),
            Text::Large(a) if valid(*a) => a.value(i).as_bytes(),
            Text::View(a) if valid(*a) => a.value(i).as_bytes(),
            _ => b"",
        }
    }
}

/// An integer column (dictionary keys, adjustments), any integer type.
enum Ints<'a> {
    I8(&'a PrimitiveArray<Int8Type>),
    I16(&'a PrimitiveArray<Int16Type>),
    I32(&'a PrimitiveArray<Int32Type>),
    I64(&'a PrimitiveArray<Int64Type>),
    U8(&'a PrimitiveArray<UInt8Type>),
    U16(&'a PrimitiveArray<UInt16Type>),
    U32(&'a PrimitiveArray<UInt32Type>),
    U64(&'a PrimitiveArray<UInt64Type>),
}

impl<'a> Ints<'a> {
    fn of(array: &'a dyn Array) -> Option<Ints<'a>> {
        let ints = if let Some(a) = array.as_primitive_opt::<Int8Type>() {
            Ints::I8(a)
        } else if let Some(a) = array.as_primitive_opt::<Int16Type>() {
            Ints::I16(a)
        } else if let Some(a) = array.as_primitive_opt::<Int32Type>() {
            Ints::I32(a)
        } else if let Some(a) = array.as_primitive_opt::<Int64Type>() {
            Ints::I64(a)
        } else if let Some(a) = array.as_primitive_opt::<UInt8Type>() {
            Ints::U8(a)
        } else if let Some(a) = array.as_primitive_opt::<UInt16Type>() {
            Ints::U16(a)
        } else if let Some(a) = array.as_primitive_opt::<UInt32Type>() {
            Ints::U32(a)
        } else {
            Ints::U64(array.as_primitive_opt::<UInt64Type>()?)
        };
        Some(ints)
    }

    /// Row `i`, `None` if null (or beyond the column).
    #[inline]
    fn get(&self, i: usize) -> Option<i128> {
        // Every integer type fits an i128: a u64 above i64::MAX is shown
        // as itself in errors.
        macro_rules! at {
            ($a:expr) => {
                (i < $a.len() && $a.is_valid(i)).then(|| i128::from($a.value(i)))
            };
        }
        match self {
            Ints::I8(a) => at!(a),
            Ints::I16(a) => at!(a),
            Ints::I32(a) => at!(a),
            Ints::I64(a) => at!(a),
            Ints::U8(a) => at!(a),
            Ints::U16(a) => at!(a),
            Ints::U32(a) => at!(a),
            Ints::U64(a) => at!(a),
        }
    }
}

/// A categorical column: plain text parsed row by row, or a dictionary
/// whose values are parsed once, when first used.
enum Categorical<'a, T> {
    Plain(Text<'a>),
    Dictionary {
        keys: Ints<'a>,
        values: Text<'a>,
        parsed: Vec<Option<Result<T, BadPathwayRowReason>>>,
    },
}

impl<'a, T: Clone> Categorical<'a, T> {
    fn new(
        array: &'a dyn Array,
        name: &str,
        column: PathwayColumn,
    ) -> Result<Categorical<'a, T>, PathwayReadError> {
        let wrong = || type_error(column, name, array.data_type(), TEXT);
        if let Some(dictionary) = array.as_any_dictionary_opt() {
            let values = dictionary.values().as_ref();
            return Ok(Categorical::Dictionary {
                keys: Ints::of(dictionary.keys()).ok_or_else(wrong)?,
                values: Text::of(values).ok_or_else(wrong)?,
                parsed: vec![None; values.len()],
            });
        }
        Text::of(array).map(Categorical::Plain).ok_or_else(wrong)
    }

    #[inline]
    fn get(
        &mut self,
        i: usize,
        parse: &mut impl FnMut(&[u8]) -> Result<T, BadPathwayRowReason>,
    ) -> Result<T, BadPathwayRowReason> {
        match self {
            Categorical::Plain(text) => parse(text.get(i)),
            Categorical::Dictionary {
                keys,
                values,
                parsed,
            } => {
                let slot = keys
                    .get(i)
                    .and_then(|k| usize::try_from(k).ok())
                    .and_then(|k| Some((k, parsed.get_mut(k)?)));
                match slot {
                    Some((_, Some(done))) => done.clone(),
                    Some((k, slot)) => slot.insert(parse(values.get(k))).clone(),
                    None => parse(b""),
                }
            }
        }
    }
}

/// A date column: `Date32`, `Date64`, or ISO text (plain or dictionary).
enum Dates<'a> {
    Date32(&'a PrimitiveArray<Date32Type>, PathwayColumn),
    Date64(&'a PrimitiveArray<Date64Type>, PathwayColumn),
    Text(Categorical<'a, i32>, PathwayColumn),
}

impl<'a> Dates<'a> {
    fn new(
        array: &'a dyn Array,
        name: &str,
        column: PathwayColumn,
    ) -> Result<Dates<'a>, PathwayReadError> {
        if let Some(a) = array.as_primitive_opt::<Date32Type>() {
            return Ok(Dates::Date32(a, column));
        }
        if let Some(a) = array.as_primitive_opt::<Date64Type>() {
            return Ok(Dates::Date64(a, column));
        }
        Categorical::new(array, name, column)
            .map(|c| Dates::Text(c, column))
            .map_err(|_| {
                type_error(
                    column,
                    name,
                    array.data_type(),
                    "Date32, Date64 or ISO strings",
                )
            })
    }

    #[inline]
    fn get(&mut self, i: usize) -> Result<i32, BadPathwayRowReason> {
        match self {
            Dates::Date32(a, column) => {
                if i >= a.len() || a.is_null(i) {
                    return Ok(NO_DAY);
                }
                let days = a.value(i);
                let day = days.checked_add(UNIX_EPOCH_DAY).unwrap_or(i32::MAX);
                fields::date_in_range(day, *column, || format!("{days} days from 1970-01-01"))
            }
            Dates::Date64(a, column) => {
                if i >= a.len() || a.is_null(i) {
                    return Ok(NO_DAY);
                }
                let ms = a.value(i);
                let day = i32::try_from(ms.div_euclid(86_400_000))
                    .ok()
                    .and_then(|d| d.checked_add(UNIX_EPOCH_DAY))
                    .unwrap_or(i32::MAX);
                fields::date_in_range(day, *column, || format!("{ms} ms from 1970-01-01"))
            }
            Dates::Text(text, column) => {
                let column = *column;
                text.get(i, &mut |b| fields::date(b, column))
            }
        }
    }
}

/// An adjustment column: any integer type, or text.
enum Adjustments<'a> {
    Ints(Ints<'a>, PathwayColumn),
    Text(Categorical<'a, u16>, PathwayColumn),
}

impl<'a> Adjustments<'a> {
    fn new(
        array: &'a dyn Array,
        name: &str,
        column: PathwayColumn,
    ) -> Result<Adjustments<'a>, PathwayReadError> {
        if let Some(ints) = Ints::of(array) {
            return Ok(Adjustments::Ints(ints, column));
        }
        Categorical::new(array, name, column)
            .map(|c| Adjustments::Text(c, column))
            .map_err(|_| {
                type_error(
                    column,
                    name,
                    array.data_type(),
                    "an integer type or strings",
                )
            })
    }

    #[inline]
    fn get(&mut self, i: usize) -> Result<u16, BadPathwayRowReason> {
        match self {
            Adjustments::Ints(ints, column) => match ints.get(i) {
                None => Ok(0),
                Some(v) => fields::adjustment_from_int(v, *column),
            },
            Adjustments::Text(text, column) => {
                let column = *column;
                text.get(i, &mut |b| fields::adjustment(b, column))
            }
        }
    }
}

//! The ICB sub-location extract: [`SubIcbExtract`], [`SubIcbRow`] and
//! [`read_sub_icb_extract`].

use std::collections::hash_map::Entry;
use std::collections::BTreeSet;
use std::io;
use std::sync::Arc;

use csv::ByteRecord;
use serde::{Serialize, Serializer};

use super::input::{self, field, PeriodColumns, Records};
use super::intern::{CodeInterner, FastMap};
use super::provider::standard;
use super::{BadRow, BadRowReason, Extract, ExtractError, Header, Layout, SubCategory};
use crate::cwt::{Performance, PerformanceError, PerformanceTable};
use crate::{id::Id, org::Alliance, org::OdsCode, period::YearMonth, standard::CwtStandard};

/// One valid row of NHS England's CWT ICB sub-location extract: one
/// standard x sub-ICB location x sub-category in a month. Its line, period,
/// standard and counts are [`LayoutRow`](super::LayoutRow)'s, shared with
/// the provider rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SubIcbRow {
    pub(super) line: u64,
    pub(super) period: YearMonth,
    pub(super) standard: CwtStandard,
    #[serde(serialize_with = "as_code")]
    pub(super) location: Arc<OdsCode>,
    pub(super) sub_category: Option<SubCategory>,
    pub(super) performance: Performance,
}

fn as_code<S: Serializer>(code: &Arc<OdsCode>, s: S) -> Result<S::Ok, S::Error> {
    OdsCode::serialize(code, s)
}

impl SubIcbRow {
    /// The sub-ICB location (`ICB SUB LOCATION`), e.g. `D9Y0V`.
    pub fn location(&self) -> &OdsCode {
        &self.location
    }

    /// The sub-category (`SUB-CATEGORY`): `None` for FDS rows, always
    /// `Some` for 31-day and 62-day rows, of the row's standard.
    pub fn sub_category(&self) -> Option<SubCategory> {
        self.sub_category
    }
}

/// An ICB sub-location extract as read: its valid rows ([`SubIcbRow`]) and
/// its bad rows.
///
/// Summing rule: every row adds into its standard's total (FDS: one row per
/// location and month; 31-day and 62-day: the [`SubCategory`] rows are
/// disjoint and add up to the standard), so there is no counterpart of the
/// provider extract's modality rule. Summed over every location, each month
/// and standard gives the national total.
///
/// ```
/// use cancer_plan::cwt::extract::read_sub_icb_extract;
/// use cancer_plan::CwtStandard;
/// let csv = "\
/// PERIOD,YEAR,MONTH,STANDARD,ICB SUB LOCATION,SUB-CATEGORY,TOTAL,WITHIN STANDARD,BREACHES
/// 2023-10-01,2023/24,OCT,31-day Combined,10R,31-day (First),79.0,74.0,5
/// 2023-10-01,2023/24,OCT,31-day Combined,10R,31-day Sub (Surgery),15.0,13.0,2
/// 2023-10-01,2023/24,OCT,31-day Combined,10R,31-day Sub (Teleportation),1.0,1.0,0
/// ";
/// let extract = read_sub_icb_extract(csv.as_bytes())?;
/// assert_eq!(extract.rows().len(), 2);
/// assert_eq!(extract.bad_rows()[0].line(), 4);
/// let by_code = extract.tabulate()?;
/// let p = by_code.get("2023-10".parse()?, CwtStandard::Combined31Day, "10R").ok_or("none")?;
/// assert_eq!((p.within().to_string(), p.total().to_string()), ("87".into(), "94".into()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub type SubIcbExtract = Extract<SubIcbRow>;

impl Extract<SubIcbRow> {
    /// Totals by reporting month x standard x ICB of `alliance`, each ICB
    /// the sum of the sub-ICB locations it lists
    /// ([`Icb::sub_icb_locations`](crate::org::Icb::sub_icb_locations)); beside
    /// the table, the locations in the file that no ICB of the alliance
    /// lists (left out of the table, not dropped unseen), as
    /// [`PerformanceTable::regroup`] does.
    ///
    /// # Errors
    ///
    /// [`PerformanceError::Overflow`] if a total overflows.
    #[allow(clippy::type_complexity)]
    pub fn by_icb(
        &self,
        alliance: &Alliance,
    ) -> Result<(PerformanceTable<Id>, BTreeSet<OdsCode>), PerformanceError> {
        self.tabulate()?.regroup(|location| {
            alliance
                .icb_of_sub_icb_location(location.as_str())
                .map(|icb| icb.id().clone())
        })
    }

    /// Totals by reporting month x standard for the whole of `alliance`:
    /// the sum of every sub-ICB location its ICBs list; beside the table,
    /// the locations in the file that no ICB of the alliance lists (left
    /// out, not dropped unseen).
    ///
    /// ```
    /// use cancer_plan::cwt::extract::read_sub_icb_extract;
    /// use cancer_plan::{Alliance, CwtStandard, Icb, Id, OdsCode};
    /// let csv = "\
    /// PERIOD,YEAR,MONTH,STANDARD,ICB SUB LOCATION,SUB-CATEGORY,TOTAL,WITHIN STANDARD,BREACHES
    /// 2023-10-01,2023/24,OCT,28-day FDS,11J,,3734.0,2576.0,1158
    /// 2023-10-01,2023/24,OCT,28-day FDS,10R,,772.0,599.0,173
    /// 2023-10-01,2023/24,OCT,28-day FDS,92A,,100.0,80.0,20
    /// ";
    /// let alliance = Alliance::new("Wessex Cancer Alliance")
    ///     .with_icb(Icb::new(Id::new("dorset")?, "NHS Dorset ICB").with_sub_icb_location(OdsCode::new("11J")?))
    ///     .with_icb(Icb::new(Id::new("hiow")?, "NHS Hampshire and Isle of Wight ICB").with_sub_icb_location(OdsCode::new("10R")?));
    /// let (wessex, uncovered) = read_sub_icb_extract(csv.as_bytes())?.by_alliance(&alliance)?;
    /// let p = wessex.get("2023-10".parse()?, CwtStandard::FasterDiagnosis28Day, &()).ok_or("none")?;
    /// assert_eq!(p.total().to_string(), "4506");
    /// assert_eq!(uncovered.iter().map(|c| c.as_str()).collect::<Vec<_>>(), ["92A"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`PerformanceError::Overflow`] if a total overflows.
    #[allow(clippy::type_complexity)]
    pub fn by_alliance(
        &self,
        alliance: &Alliance,
    ) -> Result<(PerformanceTable<()>, BTreeSet<OdsCode>), PerformanceError> {
        self.tabulate()?.regroup(|location| {
            alliance
                .icb_of_sub_icb_location(location.as_str())
                .map(|_| ())
        })
    }
}

/// Column positions, found from the header.
struct Columns {
    period: PeriodColumns,
    standard: usize,
    location: usize,
    sub_category: usize,
    total: (&'static str, usize),
    within: usize,
    breaches: Option<usize>,
}

const LOCATION: [&str; 3] = ["ICB SUB LOCATION", "SUB ICB LOCATION", "SUB-ICB LOCATION"];
const SUB_CATEGORY: [&str; 3] = ["SUB-CATEGORY", "SUB CATEGORY", "SUBCATEGORY"];
const TOTAL: [&str; 2] = ["TOTAL", "TOTAL TREATED"];

impl Columns {
    fn find(header: &Header) -> Result<Columns, ExtractError> {
        let missing = header.missing(Layout::SubIcb);
        if !missing.columns().is_empty() && header.missing(Layout::Provider).columns().is_empty() {
            return Err(ExtractError::WrongLayout {
                expected: Layout::SubIcb,
                found: Layout::Provider,
            });
        }
        Ok(Columns {
            period: PeriodColumns::new(header)?,
            standard: header.require(&["STANDARD"])?,
            location: header.require(&LOCATION)?,
            sub_category: header.require(&SUB_CATEGORY)?,
            total: (header.canonical(&TOTAL), header.require(&TOTAL)?),
            within: header.require(&["WITHIN STANDARD"])?,
            breaches: header.position(&["BREACHES"]),
        })
    }
}

/// Reads an ICB sub-location extract from any reader, with the same
/// guarantees as [`read_provider_extract`](super::read_provider_extract): every data row is
/// either in [`SubIcbExtract::rows`] or, with its line number and reason,
/// in [`SubIcbExtract::bad_rows`]; counts are exact (`508.0` is 508, a
/// fraction other than `.0` or `.5` is a bad row); an unknown
/// `SUB-CATEGORY`, or one of another standard, is a bad row; a repeat of an
/// earlier row (same `PERIOD`, `STANDARD`, `ICB SUB LOCATION` and
/// `SUB-CATEGORY`) is a [`BadRowReason::Duplicate`].
///
/// # Errors
///
/// [`ExtractError::NotCsv`] if the input is a workbook, Parquet, zip,
/// UTF-16 or other non-CSV data (it says what to do);
/// [`ExtractError::Read`] if the input cannot be read;
/// [`ExtractError::MissingColumn`] if a required column is missing,
/// [`ExtractError::WrongLayout`] if the header is a provider extract's;
/// [`ExtractError::DuplicateColumn`] if a column is named twice.
pub fn read_sub_icb_extract(reader: impl io::Read) -> Result<SubIcbExtract, ExtractError> {
    let (mut csv, header) = input::open(reader)?;
    read_rows(&mut csv, &header)
}

pub(super) fn read_rows(
    csv: &mut impl Records,
    header: &Header,
) -> Result<SubIcbExtract, ExtractError> {
    let mut columns = Columns::find(header)?;
    let mut locations = CodeInterner::default();
    let mut sub_categories: Vec<(Vec<u8>, Option<SubCategory>)> = Vec::new();
    let mut extract = SubIcbExtract::default();
    let mut bad_rows = Vec::new();
    let mut first_lines: FastMap<(YearMonth, CwtStandard, u32, Option<SubCategory>), u64> =
        FastMap::default();
    csv.for_each_record(|record| {
        let (record, line) = match record {
            Ok(record) => record,
            Err(bad) => return bad_rows.push(bad),
        };
        let row = parse_row(
            &mut columns,
            &mut locations,
            &mut sub_categories,
            record,
            line,
        );
        match row {
            Ok((row, id)) => {
                match first_lines.entry((row.period, row.standard, id, row.sub_category)) {
                    Entry::Occupied(first) => bad_rows.push(BadRow::new(
                        line,
                        BadRowReason::Duplicate {
                            first_line: *first.get(),
                        },
                    )),
                    Entry::Vacant(slot) => {
                        slot.insert(line);
                        extract.rows.push(row);
                    }
                }
            }
            Err(reason) => bad_rows.push(BadRow::new(line, reason)),
        }
    })?;
    extract.bad_rows = bad_rows;
    Ok(extract)
}

fn parse_row(
    c: &mut Columns,
    locations: &mut CodeInterner,
    sub_categories: &mut Vec<(Vec<u8>, Option<SubCategory>)>,
    record: &ByteRecord,
    line: u64,
) -> Result<(SubIcbRow, u32), BadRowReason> {
    let period = c.period.read(record)?;
    let standard_text = field(record, c.standard);
    let standard = standard(standard_text).ok_or_else(|| BadRowReason::UnknownStandard {
        text: input::text(standard_text),
    })?;
    let location_text = field(record, c.location);
    let (location, id) = locations
        .intern(location_text)
        .map(|(code, id)| (Arc::clone(code), id))
        .ok_or_else(|| BadRowReason::LocationCode {
            text: input::text(location_text),
        })?;
    let sub_text = field(record, c.sub_category);
    let sub_category = if sub_text.is_empty() {
        None
    } else {
        let known = sub_categories.iter().find(|(t, _)| t == sub_text);
        let sub = match known {
            Some((_, sub)) => *sub,
            None => {
                let sub = std::str::from_utf8(sub_text)
                    .ok()
                    .and_then(SubCategory::from_published);
                // The published texts are a handful: a file of endless
                // distinct ones is parsed without caching them all.
                if sub_categories.len() < 64 {
                    sub_categories.push((sub_text.to_vec(), sub));
                }
                sub
            }
        };
        Some(sub.ok_or_else(|| BadRowReason::UnknownSubCategory {
            text: input::text(sub_text),
        })?)
    };
    let fits = match sub_category {
        None => standard == CwtStandard::FasterDiagnosis28Day,
        Some(sub) => sub.standard() == standard,
    };
    if !fits {
        return Err(BadRowReason::SubCategoryMismatch {
            standard,
            text: input::text(sub_text),
        });
    }
    let performance = input::performance(record, c.total, c.within, c.breaches)?;
    let row = SubIcbRow {
        line,
        period,
        standard,
        location,
        sub_category,
        performance,
    };
    Ok((row, id))
}

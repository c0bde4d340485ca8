//! The provider extract: [`ProviderExtract`] and [`read_provider_extract`].

use std::collections::hash_map::Entry;
use std::io;
use std::sync::Arc;

use csv::ByteRecord;

use super::input::{self, field, PeriodColumns, Records};
use super::intern::{CodeInterner, FastMap, TextInterner};
use super::{BadRow, BadRowReason, Extract, ExtractError, ExtractRow, Header, Layout, LayoutRow};
use crate::{period::YearMonth, standard::CwtStandard};

/// A CWT provider extract as read: its valid rows ([`ExtractRow`]) and its
/// bad rows. Summing rule: the modality rule
/// ([`ExtractRow::counts_towards_total`]).
///
/// ```
/// use cancer_plan::cwt::extract::read_provider_extract;
/// use cancer_plan::{CwtStandard, YearMonth};
/// let csv = "\
/// PERIOD,YEAR,MONTH,STANDARD,ORG CODE,STAGE/ROUTE,TREATMENT MODALITY,CANCER TYPE,TOTAL TREATED,WITHIN STANDARD,BREACHES
/// 2023-10-01,2023/24,OCT,62-day Combined,RHM,Consultant Upgrade,ALL MODALITIES,Breast,8.5,8.5,0
/// 2023-10-01,2023/24,OCT,62-day Combined,RHM,Consultant Upgrade,Surgery,Breast,8.5,8.5,0
/// 2023-10-01,2023/24,OCT,62-day Combined,RHM,Screening,ALL MODALITIES,Breast,1,x,0
/// ";
/// let extract = read_provider_extract(csv.as_bytes())?;
/// assert_eq!(extract.rows().len(), 2);
/// assert_eq!(extract.bad_rows()[0].line(), 4);
/// let by_org = extract.tabulate()?;
/// let p = by_org.get("2023-10".parse()?, CwtStandard::Combined62Day, "RHM").ok_or("none")?;
/// assert_eq!(p.total().to_string(), "8.5"); // the Surgery row repeats the same patients
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub type ProviderExtract = Extract<ExtractRow>;

impl Extract<ExtractRow> {
    /// How many valid rows of `standard` the modality rule
    /// ([`ExtractRow::counts_towards_total`]) leaves out of the totals: the
    /// 31-day and 62-day per-modality rows, which repeat the patients of
    /// their `ALL MODALITIES` row. Always 0 for the FDS.
    ///
    /// ```
    /// use cancer_plan::cwt::extract::read_provider_extract;
    /// use cancer_plan::CwtStandard;
    /// let csv = "\
    /// PERIOD,YEAR,MONTH,STANDARD,ORG CODE,STAGE/ROUTE,TREATMENT MODALITY,CANCER TYPE,TOTAL TREATED,WITHIN STANDARD,BREACHES
    /// 2023-10-01,2023/24,OCT,31-day Combined,RHM,First Treatment,ALL MODALITIES,Lung,10,9,1
    /// 2023-10-01,2023/24,OCT,31-day Combined,RHM,First Treatment,Surgery,Lung,6,5,1
    /// ";
    /// let extract = read_provider_extract(csv.as_bytes())?;
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
}

/// What makes two rows the same row of the published layout: period,
/// standard, organisation, route, modality and cancer type, the texts by
/// their case-folded ids (so compared ignoring ASCII case). Fixed size: no
/// text is copied to build it.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct RowKey {
    period: YearMonth,
    standard: CwtStandard,
    organisation: u32,
    route: u32,
    modality: u32,
    cancer_type: u32,
}

/// Column positions, found from the header.
struct Columns {
    period: PeriodColumns,
    standard: usize,
    organisation: usize,
    route: usize,
    modality: usize,
    cancer_type: usize,
    total: (&'static str, usize),
    within: usize,
    breaches: Option<usize>,
}

const TOTAL: [&str; 2] = ["TOTAL TREATED", "TOTAL"];

/// Rows the reader makes room for up front.
const PRESIZE: usize = 1 << 16;

impl Columns {
    fn find(header: &Header) -> Result<Columns, ExtractError> {
        let missing = header.missing(Layout::Provider);
        if !missing.columns().is_empty() && header.missing(Layout::SubIcb).columns().is_empty() {
            return Err(ExtractError::WrongLayout {
                expected: Layout::Provider,
                found: Layout::SubIcb,
            });
        }
        Ok(Columns {
            period: PeriodColumns::new(header)?,
            standard: header.require(&["STANDARD"])?,
            organisation: header.require(&["ORG CODE"])?,
            route: header.require(&["STAGE/ROUTE"])?,
            modality: header.require(&["TREATMENT MODALITY"])?,
            cancer_type: header.require(&["CANCER TYPE"])?,
            total: (header.canonical(&TOTAL), header.require(&TOTAL)?),
            within: header.require(&["WITHIN STANDARD"])?,
            breaches: header.position(&["BREACHES"]),
        })
    }
}

/// Reads an extract in the provider layout from any reader. Fails only if
/// the input cannot be read or the header is not the provider layout's
/// ([`ExtractError`]); bad rows are collected, with their line numbers, in
/// [`ProviderExtract::bad_rows`], including a row that repeats an earlier valid row
/// ([`BadRowReason::Duplicate`]: only the first is counted). One pass,
/// linear in the number of rows; each distinct organisation, route,
/// modality and cancer type is checked and stored once. To read either
/// layout, see [`read_any_extract`](super::read_any_extract).
///
/// # Errors
///
/// [`ExtractError::NotCsv`] if the input is a workbook, Parquet, zip,
/// UTF-16 or other non-CSV data (it says what to do);
/// [`ExtractError::Read`] if the input cannot be read;
/// [`ExtractError::MissingColumn`] if a required column is missing,
/// [`ExtractError::WrongLayout`] if the header is an ICB sub-location
/// extract's; [`ExtractError::DuplicateColumn`] if a column is named twice.
pub fn read_provider_extract(reader: impl io::Read) -> Result<ProviderExtract, ExtractError> {
    let (mut csv, header) = input::open(reader)?;
    read_rows(&mut csv, &header)
}

pub(super) fn read_rows(
    csv: &mut impl Records,
    header: &Header,
) -> Result<ProviderExtract, ExtractError> {
    let mut reader = Reader {
        columns: Columns::find(header)?,
        organisations: CodeInterner::default(),
        routes: TextInterner::default(),
        modalities: TextInterner::default(),
        cancer_types: TextInterner::default(),
    };
    let mut extract = ProviderExtract::default();
    let mut bad_rows = Vec::new();
    // Pre-sized for a national monthly-to-yearly file (tens of thousands of
    // rows), so that the map and the rows are not rebuilt as they grow; the
    // memory is only touched as rows arrive.
    let mut first_lines: FastMap<RowKey, u64> = FastMap::default();
    first_lines.reserve(PRESIZE);
    extract.rows.reserve(PRESIZE);
    extract.organisation_ids.reserve(PRESIZE);
    csv.for_each_record(|record| {
        let (record, line) = match record {
            Ok(record) => record,
            Err(bad) => return bad_rows.push(bad),
        };
        match reader.row(record, line) {
            Ok((row, key)) => match first_lines.entry(key) {
                Entry::Occupied(first) => bad_rows.push(BadRow::new(
                    line,
                    BadRowReason::Duplicate {
                        first_line: *first.get(),
                    },
                )),
                Entry::Vacant(slot) => {
                    slot.insert(line);
                    extract.organisation_ids.push(key.organisation);
                    extract.rows.push(row);
                }
            },
            Err(reason) => bad_rows.push(BadRow::new(line, reason)),
        }
    })?;
    extract.bad_rows = bad_rows;
    Ok(extract)
}

/// The reader's state: the columns and the interned texts.
struct Reader {
    columns: Columns,
    organisations: CodeInterner,
    routes: TextInterner,
    modalities: TextInterner,
    cancer_types: TextInterner,
}

impl Reader {
    fn row(
        &mut self,
        record: &ByteRecord,
        line: u64,
    ) -> Result<(ExtractRow, RowKey), BadRowReason> {
        let c = &mut self.columns;
        let period = c.period.read(record)?;
        let standard_text = field(record, c.standard);
        let standard = standard(standard_text).ok_or_else(|| BadRowReason::UnknownStandard {
            text: input::text(standard_text),
        })?;
        let org_text = field(record, c.organisation);
        let (organisation, organisation_id) = self
            .organisations
            .intern(org_text)
            .map(|(code, id)| (Arc::clone(code), id))
            .ok_or_else(|| BadRowReason::OrganisationCode {
                text: input::text(org_text),
            })?;
        let performance = input::performance(record, c.total, c.within, c.breaches)?;
        let modality_text = field(record, c.modality);
        let modality = if modality_text.is_empty() {
            if standard != CwtStandard::FasterDiagnosis28Day {
                return Err(BadRowReason::MissingModality { standard });
            }
            None
        } else {
            Some(intern(
                &mut self.modalities,
                modality_text,
                "TREATMENT MODALITY",
            )?)
        };
        let route = intern(&mut self.routes, field(record, c.route), "STAGE/ROUTE")?;
        let cancer_type = intern(
            &mut self.cancer_types,
            field(record, c.cancer_type),
            "CANCER TYPE",
        )?;
        let key = RowKey {
            period,
            standard,
            organisation: organisation_id,
            route: route.1,
            modality: modality.as_ref().map_or(u32::MAX, |m| m.1),
            cancer_type: cancer_type.1,
        };
        let row = ExtractRow {
            line,
            period,
            standard,
            organisation,
            route: route.0,
            modality: modality.map(|m| m.0),
            cancer_type: cancer_type.0,
            performance,
        };
        Ok((row, key))
    }
}

fn intern(
    interner: &mut TextInterner,
    bytes: &[u8],
    column: &'static str,
) -> Result<(Arc<str>, u32), BadRowReason> {
    interner
        .intern(bytes)
        .map(|(text, id)| (Arc::clone(text), id))
        .ok_or(BadRowReason::NotText { column })
}

/// `STANDARD` as published (`28-day FDS`, `31-day Combined`, `62-day
/// Combined`, any case).
pub(super) fn standard(bytes: &[u8]) -> Option<CwtStandard> {
    CwtStandard::ALL
        .into_iter()
        .find(|s| s.short_name().as_bytes().eq_ignore_ascii_case(bytes))
}

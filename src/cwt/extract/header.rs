//! The header: column names compared without case or surrounding space, a
//! repeated name refused, and the layout recognised from the names.

use std::collections::HashMap;
use std::fmt;

use csv::ByteRecord;
use serde::Serialize;

use super::ExtractError;

/// The published CWT extract layouts the crate reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Layout {
    /// The provider extract: `PERIOD, YEAR, MONTH, STANDARD, ORG CODE,
    /// STAGE/ROUTE, TREATMENT MODALITY, CANCER TYPE, TOTAL TREATED, WITHIN
    /// STANDARD, BREACHES`, read by [`read_provider_extract`](super::read_provider_extract).
    Provider,
    /// The ICB sub-location extract: `PERIOD, YEAR, MONTH, STANDARD, ICB SUB
    /// LOCATION, SUB-CATEGORY, TOTAL, WITHIN STANDARD, BREACHES`, read by
    /// [`read_sub_icb_extract`](super::read_sub_icb_extract).
    SubIcb,
}

impl Layout {
    /// Every layout, in the order tried.
    pub const ALL: [Layout; 2] = [Layout::Provider, Layout::SubIcb];

    /// Its name as NHS England publishes it.
    pub const fn name(self) -> &'static str {
        match self {
            Layout::Provider => "provider extract",
            Layout::SubIcb => "ICB sub-location extract",
        }
    }

    /// The columns a file in this layout must have, each as the names it
    /// is known by (the first is the current one).
    fn required(self) -> &'static [&'static [&'static str]] {
        match self {
            Layout::Provider => &[
                &["PERIOD"],
                &["STANDARD"],
                &["ORG CODE"],
                &["STAGE/ROUTE"],
                &["TREATMENT MODALITY"],
                &["CANCER TYPE"],
                &["TOTAL TREATED", "TOTAL"],
                &["WITHIN STANDARD"],
            ],
            Layout::SubIcb => &[
                &["PERIOD"],
                &["STANDARD"],
                &["ICB SUB LOCATION", "SUB ICB LOCATION", "SUB-ICB LOCATION"],
                &["SUB-CATEGORY", "SUB CATEGORY", "SUBCATEGORY"],
                &["TOTAL", "TOTAL TREATED"],
                &["WITHIN STANDARD"],
            ],
        }
    }
}

impl fmt::Display for Layout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The columns a layout lacks, for [`ExtractError::UnknownLayout`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MissingColumns {
    layout: Layout,
    columns: Vec<&'static str>,
}

impl MissingColumns {
    /// The layout.
    pub fn layout(&self) -> Layout {
        self.layout
    }

    /// The required columns of [`MissingColumns::layout`] the header lacks
    /// (by their current names).
    pub fn columns(&self) -> &[&'static str] {
        &self.columns
    }
}

impl fmt::Display for MissingColumns {
    /// `provider extract lacks ORG CODE, CANCER TYPE`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} lacks {}", self.layout, self.columns.join(", "))
    }
}

/// The header's column names, normalised (trimmed, upper case, a UTF-8
/// byte-order mark removed), each at most once.
pub(super) struct Header {
    names: Vec<String>,
}

impl Header {
    /// Normalises the names and refuses a name that appears twice (blank
    /// names, e.g. from trailing commas, may repeat: they name nothing).
    // Bounded: positions in a header of at most `MAX_EXTRACT_LINE` bytes.
    #[allow(clippy::arithmetic_side_effects)]
    pub(super) fn new(record: &ByteRecord) -> Result<Header, ExtractError> {
        let mut names: Vec<String> = Vec::with_capacity(record.len());
        // Name -> first position: linear however wide the header.
        let mut seen: HashMap<String, usize> = HashMap::with_capacity(record.len());
        for (i, raw) in record.iter().enumerate() {
            let text = String::from_utf8_lossy(raw);
            let text = text
                .trim_start_matches('\u{feff}')
                .trim()
                .to_ascii_uppercase();
            if !text.is_empty() {
                if let Some(&first) = seen.get(&text) {
                    return Err(ExtractError::DuplicateColumn {
                        column: text,
                        first: first + 1,
                        second: i + 1,
                    });
                }
                seen.insert(text.clone(), i);
            }
            names.push(text);
        }
        Ok(Header { names })
    }

    /// The header as found, for error messages.
    pub(super) fn found(&self) -> String {
        self.names.join(",")
    }

    /// The position of the column known by any of `names`.
    pub(super) fn position(&self, names: &[&str]) -> Option<usize> {
        self.names
            .iter()
            .position(|n| names.iter().any(|name| n == name))
    }

    /// The position of a required column of `layout`, or the error naming
    /// it.
    pub(super) fn require(&self, names: &[&'static str]) -> Result<usize, ExtractError> {
        self.position(names)
            .ok_or_else(|| ExtractError::MissingColumn {
                column: names.first().copied().unwrap_or_default(),
                found: self.found(),
            })
    }

    /// The name of the column known by any of `names`, as its canonical
    /// spelling in `names` (for bad-row messages).
    pub(super) fn canonical(&self, names: &[&'static str]) -> &'static str {
        self.position(names)
            .and_then(|i| self.names.get(i))
            .and_then(|found| names.iter().find(|n| *n == found))
            .copied()
            .unwrap_or_default()
    }

    /// What `layout` needs and this header lacks (empty: it fits).
    pub(super) fn missing(&self, layout: Layout) -> MissingColumns {
        let columns = layout
            .required()
            .iter()
            .filter(|names| self.position(names).is_none())
            .map(|names| names.first().copied().unwrap_or_default())
            .collect();
        MissingColumns { layout, columns }
    }

    /// The one layout the header fits, or the error naming what each
    /// layout lacks.
    pub(super) fn layout(&self) -> Result<Layout, ExtractError> {
        let missing: Vec<MissingColumns> =
            Layout::ALL.into_iter().map(|l| self.missing(l)).collect();
        let mut fits = missing.iter().filter(|m| m.columns.is_empty());
        match (fits.next(), fits.next()) {
            (Some(one), None) => Ok(one.layout),
            (Some(_), Some(_)) => Err(ExtractError::AmbiguousLayout {
                found: self.found(),
            }),
            _ => Err(ExtractError::UnknownLayout {
                missing,
                found: self.found(),
            }),
        }
    }
}

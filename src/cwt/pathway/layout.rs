//! The pathway file layout: [`PathwayColumn`]s found in a header by name
//! (without case, in any order), with a [`ColumnMapping`] for exports that
//! keep their own names.

use std::fmt;

/// A column of the pathway layout. `#[non_exhaustive]`: the layout may
/// grow.
///
/// | column | content | blank means |
/// | --- | --- | --- |
/// | `provider` | the provider's ODS code (`RHM`) | a bad record |
/// | `icb` (optional) | the patient's ICB ODS code (`QRL`), checked, not counted by | not recorded |
/// | `route` | a [`Route`](super::Route) code: `urgent_suspected_cancer`, `breast_symptomatic`, `urgent_screening`, `consultant_upgrade`, `other` | a bad record |
/// | `tumour_site` | a [`TumourSite`](crate::tumour_site::TumourSite) code (`lung`, `lower_gi`, ...) | a bad record |
/// | `referral_received`, `told_outcome`, `decision_to_treat`, `first_treatment` | ISO dates `YYYY-MM-DD`, years 2000 to 2099 | not recorded |
/// | `dna_adjustment_days`, `treatment_delay_days` | whole days, `0` to `65535` | `0` |
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum PathwayColumn {
    /// `provider`: the provider's ODS code.
    Provider,
    /// `icb`: the patient's ICB ODS code (optional column).
    Icb,
    /// `route`: how the patient entered the pathway.
    Route,
    /// `tumour_site`: the tumour site.
    TumourSite,
    /// `referral_received`: referral (or consultant upgrade) date.
    ReferralReceived,
    /// `told_outcome`: date told cancer is diagnosed or ruled out.
    ToldOutcome,
    /// `decision_to_treat`: decision to treat date.
    DecisionToTreat,
    /// `first_treatment`: first definitive treatment date.
    FirstTreatment,
    /// `dna_adjustment_days`: days off for a missed first appointment (FDS,
    /// 62-day).
    DnaAdjustmentDays,
    /// `treatment_delay_days`: days off for a patient-initiated treatment
    /// delay (31-day, 62-day).
    TreatmentDelayDays,
}

impl PathwayColumn {
    /// Every column, in layout order.
    pub const ALL: [PathwayColumn; 10] = [
        PathwayColumn::Provider,
        PathwayColumn::Icb,
        PathwayColumn::Route,
        PathwayColumn::TumourSite,
        PathwayColumn::ReferralReceived,
        PathwayColumn::ToldOutcome,
        PathwayColumn::DecisionToTreat,
        PathwayColumn::FirstTreatment,
        PathwayColumn::DnaAdjustmentDays,
        PathwayColumn::TreatmentDelayDays,
    ];

    /// The layout's name for the column (`referral_received`).
    pub const fn name(self) -> &'static str {
        match self {
            PathwayColumn::Provider => "provider",
            PathwayColumn::Icb => "icb",
            PathwayColumn::Route => "route",
            PathwayColumn::TumourSite => "tumour_site",
            PathwayColumn::ReferralReceived => "referral_received",
            PathwayColumn::ToldOutcome => "told_outcome",
            PathwayColumn::DecisionToTreat => "decision_to_treat",
            PathwayColumn::FirstTreatment => "first_treatment",
            PathwayColumn::DnaAdjustmentDays => "dna_adjustment_days",
            PathwayColumn::TreatmentDelayDays => "treatment_delay_days",
        }
    }

    /// Whether a file must have the column (all but `icb`).
    pub const fn is_required(self) -> bool {
        !matches!(self, PathwayColumn::Icb)
    }

    #[cfg_attr(
        not(any(feature = "pathway-csv", feature = "pathway-arrow")),
        allow(dead_code)
    )]
    pub(super) const fn slot(self) -> usize {
        match self {
            PathwayColumn::Provider => 0,
            PathwayColumn::Icb => 1,
            PathwayColumn::Route => 2,
            PathwayColumn::TumourSite => 3,
            PathwayColumn::ReferralReceived => 4,
            PathwayColumn::ToldOutcome => 5,
            PathwayColumn::DecisionToTreat => 6,
            PathwayColumn::FirstTreatment => 7,
            PathwayColumn::DnaAdjustmentDays => 8,
            PathwayColumn::TreatmentDelayDays => 9,
        }
    }
}

impl fmt::Display for PathwayColumn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Column names a file uses instead of the layout's, e.g. an export with
/// NHS Data Dictionary names. Names are matched without case and with
/// surrounding spaces ignored; a column not mapped keeps its layout name.
///
/// ```
/// use cancer_plan::cwt::pathway::{ColumnMapping, PathwayColumn};
/// let mapping = ColumnMapping::new()
///     .with("ORGANISATION_CODE_PROVIDER", PathwayColumn::Provider)
///     .with("CANCER_REFERRAL_TO_TREATMENT_PERIOD_START_DATE", PathwayColumn::ReferralReceived);
/// assert_eq!(mapping.column_of("organisation_code_provider"), Some(PathwayColumn::Provider));
/// assert_eq!(mapping.column_of("provider"), None); // mapped away
/// assert_eq!(mapping.column_of("ROUTE"), Some(PathwayColumn::Route));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ColumnMapping {
    names: Vec<(String, PathwayColumn)>,
}

impl ColumnMapping {
    /// No renaming: the layout's names.
    pub fn new() -> ColumnMapping {
        ColumnMapping::default()
    }

    /// Reads the file's column `name` as `column` (replacing the layout's
    /// name for it, and any earlier name given for it).
    pub fn with(mut self, name: impl Into<String>, column: PathwayColumn) -> ColumnMapping {
        self.names.retain(|(_, c)| *c != column);
        self.names.push((name.into().trim().to_owned(), column));
        self
    }

    /// The name the file uses for `column`.
    pub fn name_of(&self, column: PathwayColumn) -> &str {
        self.names
            .iter()
            .find(|(_, c)| *c == column)
            .map_or(column.name(), |(n, _)| n.as_str())
    }

    /// The layout column a file's header `name` stands for, if any.
    pub fn column_of(&self, name: &str) -> Option<PathwayColumn> {
        let name = name.trim();
        PathwayColumn::ALL
            .into_iter()
            .find(|&c| self.name_of(c).eq_ignore_ascii_case(name))
    }
}

/// Why a file's header does not give the layout.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LayoutError {
    /// A required column is not in the header.
    #[error(
        "the header has no column `{name}` (layout column `{column}`); columns found: {found}"
    )]
    MissingColumn {
        /// The layout column.
        column: PathwayColumn,
        /// The name looked for (after the mapping).
        name: String,
        /// The header's columns, comma-separated.
        found: String,
    },
    /// Two header columns stand for the same layout column.
    #[error(
        "the header has column `{column}` twice (positions {first} and {second}, counted from 0)"
    )]
    DuplicateColumn {
        /// The layout column.
        column: PathwayColumn,
        /// Position of the first.
        first: usize,
        /// Position of the second.
        second: usize,
    },
}

/// Where each layout column is in a file, and the columns ignored.
#[cfg_attr(
    not(any(feature = "pathway-csv", feature = "pathway-arrow")),
    allow(dead_code)
)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct HeaderLayout {
    /// Position of each layout column (by [`PathwayColumn::slot`]).
    pub(super) positions: [Option<usize>; 10],
    /// The header's width.
    pub(super) width: usize,
    pub(super) ignored: Vec<String>,
}

#[cfg_attr(
    not(any(feature = "pathway-csv", feature = "pathway-arrow")),
    allow(dead_code)
)]
impl HeaderLayout {
    /// Finds the layout's columns among `names` (a header, in order).
    pub(super) fn find<'a>(
        names: impl IntoIterator<Item = &'a str>,
        mapping: &ColumnMapping,
    ) -> Result<HeaderLayout, LayoutError> {
        let mut positions = [None; 10];
        let mut ignored = Vec::new();
        let mut all = Vec::new();
        for (position, name) in names.into_iter().enumerate() {
            all.push(name.to_owned());
            match mapping.column_of(name) {
                Some(column) => {
                    let slot = positions.get_mut(column.slot());
                    if let Some(slot) = slot {
                        if let Some(first) = *slot {
                            return Err(LayoutError::DuplicateColumn {
                                column,
                                first,
                                second: position,
                            });
                        }
                        *slot = Some(position);
                    }
                }
                None => ignored.push(name.to_owned()),
            }
        }
        for column in PathwayColumn::ALL {
            let found = positions.get(column.slot()).copied().flatten();
            if column.is_required() && found.is_none() {
                return Err(LayoutError::MissingColumn {
                    column,
                    name: mapping.name_of(column).to_owned(),
                    found: all.join(", "),
                });
            }
        }
        Ok(HeaderLayout {
            positions,
            width: all.len(),
            ignored,
        })
    }

    #[cfg_attr(not(feature = "pathway-arrow"), allow(dead_code))]
    pub(super) fn position(&self, column: PathwayColumn) -> Option<usize> {
        self.positions.get(column.slot()).copied().flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_columns_in_any_order_without_case_and_reports_the_rest() {
        let header = [
            "First_Treatment",
            "PROVIDER",
            "route",
            "tumour_site",
            "nhs_number",
            "referral_received",
            "told_outcome",
            "decision_to_treat",
            "dna_adjustment_days",
            "treatment_delay_days",
        ];
        let layout = HeaderLayout::find(header, &ColumnMapping::new()).unwrap();
        assert_eq!(layout.position(PathwayColumn::FirstTreatment), Some(0));
        assert_eq!(layout.position(PathwayColumn::Provider), Some(1));
        assert_eq!(layout.position(PathwayColumn::Icb), None);
        assert_eq!(layout.ignored, vec!["nhs_number".to_owned()]);
        let missing = HeaderLayout::find(header.into_iter().skip(1), &ColumnMapping::new());
        assert!(matches!(
            missing,
            Err(LayoutError::MissingColumn {
                column: PathwayColumn::FirstTreatment,
                ..
            })
        ));
        let twice = HeaderLayout::find(
            header.into_iter().chain(["provider"]),
            &ColumnMapping::new(),
        );
        assert_eq!(
            twice,
            Err(LayoutError::DuplicateColumn {
                column: PathwayColumn::Provider,
                first: 1,
                second: 10
            })
        );
    }

    #[test]
    fn slots_are_positions_in_all() {
        for (i, c) in PathwayColumn::ALL.into_iter().enumerate() {
            assert_eq!(c.slot(), i);
        }
    }
}

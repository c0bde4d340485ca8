//! [`CwtStandard`]: the three Cancer Waiting Times standards in force since
//! 1 October 2023.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A Cancer Waiting Times standard (NHS England, National Cancer Waiting
/// Times Monitoring Dataset Guidance v12). The list has changed before, so
/// it is `#[non_exhaustive]`.
///
/// ```
/// use cancer_plan::CwtStandard;
/// assert_eq!(CwtStandard::FasterDiagnosis28Day.days(), 28);
/// assert_eq!(CwtStandard::Combined62Day.to_string(), "62-day combined");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CwtStandard {
    /// 28-day Faster Diagnosis Standard: urgent referral to the patient being
    /// told they have cancer or that it is ruled out.
    #[serde(rename = "fds_28_day")]
    FasterDiagnosis28Day,
    /// 31-day combined: decision to treat to first or subsequent treatment.
    #[serde(rename = "combined_31_day")]
    Combined31Day,
    /// 62-day combined: urgent referral (or consultant upgrade) to first
    /// definitive treatment.
    #[serde(rename = "combined_62_day")]
    Combined62Day,
}

impl CwtStandard {
    /// Every standard.
    pub const ALL: [CwtStandard; 3] = [
        CwtStandard::FasterDiagnosis28Day,
        CwtStandard::Combined31Day,
        CwtStandard::Combined62Day,
    ];

    /// The code of the standard in files and JSON: `fds_28_day`,
    /// `combined_31_day`, `combined_62_day` (as `Route::code` and
    /// `TumourSite::code` name theirs).
    ///
    /// ```
    /// use cancer_plan::CwtStandard;
    /// assert_eq!(CwtStandard::FasterDiagnosis28Day.code(), "fds_28_day");
    /// for s in CwtStandard::ALL {
    ///     assert_eq!(serde_json::to_value(s)?, s.code());
    /// }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn code(self) -> &'static str {
        match self {
            CwtStandard::FasterDiagnosis28Day => "fds_28_day",
            CwtStandard::Combined31Day => "combined_31_day",
            CwtStandard::Combined62Day => "combined_62_day",
        }
    }

    /// The maximum calendar days from clock start to clock stop for a pathway
    /// to be within the standard (the start day is day 0).
    pub const fn days(self) -> u32 {
        match self {
            CwtStandard::FasterDiagnosis28Day => 28,
            CwtStandard::Combined31Day => 31,
            CwtStandard::Combined62Day => 62,
        }
    }

    /// When the clock starts, in the words of the CWT guidance.
    pub const fn clock_start(self) -> &'static str {
        match self {
            CwtStandard::FasterDiagnosis28Day => {
                "receipt of an urgent suspected cancer referral, an urgent screening referral \
                 (breast, bowel, cervical, lung) or a breast symptomatic referral"
            }
            CwtStandard::Combined31Day => {
                "the decision to treat (or the earliest clinically appropriate date)"
            }
            CwtStandard::Combined62Day => {
                "receipt of an urgent suspected cancer, breast symptomatic or urgent screening \
                 referral, or a consultant upgrade"
            }
        }
    }

    /// When the clock stops, in the words of the CWT guidance.
    pub const fn clock_stop(self) -> &'static str {
        match self {
            CwtStandard::FasterDiagnosis28Day => {
                "the patient is told they have cancer or that cancer is ruled out \
                 (or a decision to treat is made, whichever is first)"
            }
            CwtStandard::Combined31Day => "first or subsequent treatment",
            CwtStandard::Combined62Day => "first definitive treatment",
        }
    }

    /// Whether a pathway that waited `days` calendar days (start day = day
    /// 0, after adjustments) is within the standard: `days <= self.days()`.
    ///
    /// ```
    /// use cancer_plan::CwtStandard;
    /// assert!(CwtStandard::FasterDiagnosis28Day.is_within(28));
    /// assert!(!CwtStandard::FasterDiagnosis28Day.is_within(29));
    /// ```
    pub const fn is_within(self, days: u32) -> bool {
        days <= self.days()
    }

    /// The standard named in an NHS England CWT extract's `STANDARD` column
    /// (`28-day FDS`, `31-day Combined`, `62-day Combined`; case and
    /// surrounding spaces are ignored). `None` for anything else.
    ///
    /// ```
    /// use cancer_plan::CwtStandard;
    /// assert_eq!(CwtStandard::from_extract_name("62-day Combined"), Some(CwtStandard::Combined62Day));
    /// assert_eq!(CwtStandard::from_extract_name("2WW"), None);
    /// ```
    pub fn from_extract_name(name: &str) -> Option<CwtStandard> {
        let name = name.trim();
        CwtStandard::ALL
            .into_iter()
            .find(|s| s.short_name().eq_ignore_ascii_case(name))
    }

    /// A small dense index (0, 1, 2) in the order of [`CwtStandard::ALL`],
    /// for table layouts.
    pub const fn index(self) -> usize {
        match self {
            CwtStandard::FasterDiagnosis28Day => 0,
            CwtStandard::Combined31Day => 1,
            CwtStandard::Combined62Day => 2,
        }
    }

    /// The name used in NHS England's CWT extracts (`28-day FDS`).
    pub const fn short_name(self) -> &'static str {
        match self {
            CwtStandard::FasterDiagnosis28Day => "28-day FDS",
            CwtStandard::Combined31Day => "31-day combined",
            CwtStandard::Combined62Day => "62-day combined",
        }
    }
}

impl fmt::Display for CwtStandard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            CwtStandard::FasterDiagnosis28Day => "28-day Faster Diagnosis Standard",
            CwtStandard::Combined31Day => "31-day combined",
            CwtStandard::Combined62Day => "62-day combined",
        })
    }
}

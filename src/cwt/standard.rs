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

    /// The maximum calendar days from clock start to clock stop for a pathway
    /// to be within the standard (the start day is day 0).
    pub const fn days(self) -> u32 {
        match self {
            CwtStandard::FasterDiagnosis28Day => 28,
            CwtStandard::Combined31Day => 31,
            CwtStandard::Combined62Day => 62,
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

//! [`AfcBand`]: the Agenda for Change pay band of an NHS post.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// An Agenda for Change pay band, 1 to 9 (band 8 split into 8A to 8D).
///
/// Written `Band 8C`; parses from `8C`, `8c`, `Band 8C` or `band_8c`;
/// JSON uses `band_8c`.
///
/// ```
/// use cancer_plan::capacity::AfcBand;
/// let band: AfcBand = "Band 8C".parse()?;
/// assert_eq!(band, AfcBand::Band8C);
/// assert_eq!(band.to_string(), "Band 8C");
/// assert!(AfcBand::Band8C > AfcBand::Band8A);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AfcBand {
    /// Band 1.
    #[serde(rename = "band_1")]
    Band1,
    /// Band 2.
    #[serde(rename = "band_2")]
    Band2,
    /// Band 3.
    #[serde(rename = "band_3")]
    Band3,
    /// Band 4.
    #[serde(rename = "band_4")]
    Band4,
    /// Band 5.
    #[serde(rename = "band_5")]
    Band5,
    /// Band 6.
    #[serde(rename = "band_6")]
    Band6,
    /// Band 7.
    #[serde(rename = "band_7")]
    Band7,
    /// Band 8A.
    #[serde(rename = "band_8a")]
    Band8A,
    /// Band 8B.
    #[serde(rename = "band_8b")]
    Band8B,
    /// Band 8C (the 2021 paper's ICS senior leaders).
    #[serde(rename = "band_8c")]
    Band8C,
    /// Band 8D.
    #[serde(rename = "band_8d")]
    Band8D,
    /// Band 9.
    #[serde(rename = "band_9")]
    Band9,
}

/// The text is not an Agenda for Change band.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{text}` is not an Agenda for Change band (expected 1 to 7, 8A to 8D or 9, e.g. `8C` or `Band 8C`)")]
pub struct UnknownAfcBand {
    text: String,
}

impl AfcBand {
    /// Every band, lowest first.
    pub const ALL: [AfcBand; 12] = [
        AfcBand::Band1,
        AfcBand::Band2,
        AfcBand::Band3,
        AfcBand::Band4,
        AfcBand::Band5,
        AfcBand::Band6,
        AfcBand::Band7,
        AfcBand::Band8A,
        AfcBand::Band8B,
        AfcBand::Band8C,
        AfcBand::Band8D,
        AfcBand::Band9,
    ];

    /// The band's number and letter: `8C`, `7`.
    pub const fn code(self) -> &'static str {
        match self {
            AfcBand::Band1 => "1",
            AfcBand::Band2 => "2",
            AfcBand::Band3 => "3",
            AfcBand::Band4 => "4",
            AfcBand::Band5 => "5",
            AfcBand::Band6 => "6",
            AfcBand::Band7 => "7",
            AfcBand::Band8A => "8A",
            AfcBand::Band8B => "8B",
            AfcBand::Band8C => "8C",
            AfcBand::Band8D => "8D",
            AfcBand::Band9 => "9",
        }
    }
}

impl fmt::Display for AfcBand {
    /// `Band 8C`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Band {}", self.code())
    }
}

impl FromStr for AfcBand {
    type Err = UnknownAfcBand;
    fn from_str(s: &str) -> Result<AfcBand, UnknownAfcBand> {
        let lower = s.trim().to_ascii_lowercase();
        let code = lower
            .strip_prefix("band")
            .map(|rest| rest.trim_start_matches([' ', '_']))
            .unwrap_or(&lower);
        AfcBand::ALL
            .into_iter()
            .find(|b| b.code().eq_ignore_ascii_case(code))
            .ok_or_else(|| UnknownAfcBand { text: s.into() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_all_spellings() {
        for band in AfcBand::ALL {
            assert_eq!(band.to_string().parse::<AfcBand>().unwrap(), band);
            assert_eq!(band.code().parse::<AfcBand>().unwrap(), band);
            let json = serde_json::to_string(&band).unwrap();
            assert_eq!(json.trim_matches('"').parse::<AfcBand>().unwrap(), band);
        }
        assert!("8E".parse::<AfcBand>().is_err());
        assert!("".parse::<AfcBand>().is_err());
    }
}

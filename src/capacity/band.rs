//! [`AfcBand`]: the Agenda for Change pay band of an NHS post.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::ParseError;

crate::util::coded_enum! {
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
        Band1 => { code: "1" },
        /// Band 2.
        #[serde(rename = "band_2")]
        Band2 => { code: "2" },
        /// Band 3.
        #[serde(rename = "band_3")]
        Band3 => { code: "3" },
        /// Band 4.
        #[serde(rename = "band_4")]
        Band4 => { code: "4" },
        /// Band 5.
        #[serde(rename = "band_5")]
        Band5 => { code: "5" },
        /// Band 6.
        #[serde(rename = "band_6")]
        Band6 => { code: "6" },
        /// Band 7.
        #[serde(rename = "band_7")]
        Band7 => { code: "7" },
        /// Band 8A.
        #[serde(rename = "band_8a")]
        Band8A => { code: "8A" },
        /// Band 8B.
        #[serde(rename = "band_8b")]
        Band8B => { code: "8B" },
        /// Band 8C (the 2021 paper's ICS senior leaders).
        #[serde(rename = "band_8c")]
        Band8C => { code: "8C" },
        /// Band 8D.
        #[serde(rename = "band_8d")]
        Band8D => { code: "8D" },
        /// Band 9.
        #[serde(rename = "band_9")]
        Band9 => { code: "9" },
    }
    texts AfcBandTexts {
        /// The band's number and letter: `8C`, `7`.
        code,
    }
}

impl fmt::Display for AfcBand {
    /// `Band 8C`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Band {}", self.code())
    }
}

impl FromStr for AfcBand {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<AfcBand, ParseError> {
        let lower = s.trim().to_ascii_lowercase();
        let code = lower
            .strip_prefix("band")
            .map(|rest| rest.trim_start_matches([' ', '_']))
            .unwrap_or(&lower);
        AfcBand::ALL
            .into_iter()
            .find(|b| b.code().eq_ignore_ascii_case(code))
            .ok_or_else(|| {
                ParseError::new(
                    "an Agenda for Change band",
                    s,
                    "1 to 7, 8A to 8D or 9, e.g. `8C` or `Band 8C`",
                )
            })
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

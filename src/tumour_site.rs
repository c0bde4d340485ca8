//! [`TumourSite`]: the tumour-site groups NHS cancer pathways are organised by.

use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::ParseError;

crate::util::coded_enum! {
    /// A tumour-site pathway group, as NHS cancer services and Cancer Waiting
    /// Times group them. The list grows, so it is `#[non_exhaustive]`.
    ///
    /// ```
    /// use cancer_plan::TumourSite;
    /// let site: TumourSite = "lower_gi".parse()?;
    /// assert_eq!(site, TumourSite::ColorectalLowerGi);
    /// assert_eq!(site.name(), "Colorectal / lower GI");
    /// # Ok::<(), cancer_plan::error::ParseError>(())
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[serde(rename_all = "snake_case")]
    #[non_exhaustive]
    pub enum TumourSite {
        /// Breast.
        Breast => { code: "breast", name: "Breast" },
        /// Lung.
        Lung => { code: "lung", name: "Lung" },
        /// Colorectal / lower gastrointestinal.
        #[serde(alias = "colorectal", alias = "lower_gi")]
        ColorectalLowerGi => { code: "colorectal_lower_gi", name: "Colorectal / lower GI" },
        /// Upper gastrointestinal (oesophagus, stomach, liver, pancreas).
        UpperGi => { code: "upper_gi", name: "Upper GI" },
        /// Urology (kidney, bladder, testicular and other non-prostate urology).
        Urology => { code: "urology", name: "Urology" },
        /// Prostate.
        Prostate => { code: "prostate", name: "Prostate" },
        /// Skin.
        Skin => { code: "skin", name: "Skin" },
        /// Head and neck.
        HeadAndNeck => { code: "head_and_neck", name: "Head and neck" },
        /// Gynaecology.
        Gynaecology => { code: "gynaecology", name: "Gynaecology" },
        /// Haematology.
        Haematology => { code: "haematology", name: "Haematology" },
        /// Brain / central nervous system.
        BrainCns => { code: "brain_cns", name: "Brain / CNS" },
        /// Sarcoma.
        Sarcoma => { code: "sarcoma", name: "Sarcoma" },
        /// Children's cancer.
        Childrens => { code: "childrens", name: "Children's" },
        /// Non-specific but concerning symptoms (the NSS pathway).
        NonSpecificSymptoms => { code: "non_specific_symptoms", name: "Non-specific symptoms" },
        /// Any other site.
        Other => { code: "other", name: "Other" },
    }
    texts TumourSiteTexts {
        /// The snake_case code used in JSON (`colorectal_lower_gi`).
        code,
        /// The name a clinician would use (`Head and neck`).
        name,
    }
    display = name;
}

impl TumourSite {
    /// The site's position in [`TumourSite::ALL`] (`ALL[site.index()] ==
    /// site`), for indexing dense tables. An explicit match rather than
    /// `site as usize`, so that a site added to the enum must be given its
    /// place here and in `ALL` together (a unit test checks they agree).
    pub const fn index(self) -> usize {
        match self {
            TumourSite::Breast => 0,
            TumourSite::Lung => 1,
            TumourSite::ColorectalLowerGi => 2,
            TumourSite::UpperGi => 3,
            TumourSite::Urology => 4,
            TumourSite::Prostate => 5,
            TumourSite::Skin => 6,
            TumourSite::HeadAndNeck => 7,
            TumourSite::Gynaecology => 8,
            TumourSite::Haematology => 9,
            TumourSite::BrainCns => 10,
            TumourSite::Sarcoma => 11,
            TumourSite::Childrens => 12,
            TumourSite::NonSpecificSymptoms => 13,
            TumourSite::Other => 14,
        }
    }
}

impl FromStr for TumourSite {
    type Err = ParseError;

    /// Accepts the code (`head_and_neck`), the aliases `colorectal` and
    /// `lower_gi`, or the name, case-insensitively.
    fn from_str(text: &str) -> Result<TumourSite, ParseError> {
        let t = text.trim();
        if t.eq_ignore_ascii_case("colorectal") || t.eq_ignore_ascii_case("lower_gi") {
            return Ok(TumourSite::ColorectalLowerGi);
        }
        TumourSite::ALL
            .into_iter()
            .find(|s| t.eq_ignore_ascii_case(s.code()) || t.eq_ignore_ascii_case(s.name()))
            .ok_or_else(|| {
                let list = TumourSite::ALL.map(|s| s.code()).join(", ");
                ParseError::new("a tumour site", text, format!("one of: {list}"))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_through_serde_and_from_str() {
        for site in TumourSite::ALL {
            let json = serde_json::to_string(&site).unwrap();
            assert_eq!(json, format!("\"{}\"", site.code()));
            assert_eq!(serde_json::from_str::<TumourSite>(&json).unwrap(), site);
            assert_eq!(site.code().parse::<TumourSite>().unwrap(), site);
            assert_eq!(site.name().parse::<TumourSite>().unwrap(), site);
        }
        assert!("spleen".parse::<TumourSite>().is_err());
    }

    #[test]
    fn index_is_the_position_in_all() {
        for (i, site) in TumourSite::ALL.into_iter().enumerate() {
            assert_eq!(site.index(), i, "{site:?}");
        }
    }
}

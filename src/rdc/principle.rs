//! [`RdcPrinciple`]: the seven Rapid Diagnostic Centre principles.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::RangeError;

crate::util::coded_enum! {
    /// One of the seven national Rapid Diagnostic Centre principles, numbered and
    /// worded as in Appendix A of the Wessex 2021 board paper.
    ///
    /// ```
    /// use cancer_plan::RdcPrinciple;
    /// let p = RdcPrinciple::from_number(4)?;
    /// assert_eq!(p, RdcPrinciple::CoordinatedTesting);
    /// assert_eq!(p.title(), "Coordinated testing");
    /// assert!(p.wording().starts_with("Coordinated testing which happens in fewer visits"));
    /// assert_eq!(RdcPrinciple::ALL.len(), 7);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[serde(rename_all = "snake_case")]
    pub enum RdcPrinciple {
        /// 1. Early identification.
        EarlyIdentification = 1 => { title: "Early identification", wording: "Early identification of patients where cancer is possible, including outreach to target existing health inequalities" },
        /// 2. Timely referral.
        TimelyReferral = 2 => { title: "Timely referral", wording: "Timely referral based on standardised referral criteria and appropriate filter function tests" },
        /// 3. Broad assessment of symptoms.
        BroadAssessmentOfSymptoms = 3 => { title: "Broad assessment of symptoms", wording: "Broad assessment of symptoms resulting in effective triage, determining whether and which tests should be carried out and in what order, based on individual patient need" },
        /// 4. Coordinated testing.
        CoordinatedTesting = 4 => { title: "Coordinated testing", wording: "Coordinated testing which happens in fewer visits and steps for the patient, with a significantly shorter time between referral and reaching a diagnosis" },
        /// 5. Timely diagnosis.
        TimelyDiagnosis = 5 => { title: "Timely diagnosis of patients' symptoms", wording: "Timely diagnosis of patients' symptoms, cancer or otherwise, by a multi-disciplinary team where relevant, and communicated appropriately to the patient" },
        /// 6. Appropriate onward referral.
        AppropriateOnwardReferral = 6 => { title: "Appropriate onward referral", wording: "Appropriate onward referral to the right service for further support, investigation, treatment and/or care" },
        /// 7. Excellent patient coordination and support.
        PatientCoordinationAndSupport = 7 => { title: "Excellent patient coordination and support", wording: "Excellent patient coordination and support with patients having a single point of contact throughout their diagnostic journey, alongside access to the right information, support and advice" },
    }
    texts RdcPrincipleTexts {
        /// Its short title, the bold words of the seed.
        title,
        /// Its full wording, as in Appendix A of the 2021 paper.
        wording,
    }
}

impl RdcPrinciple {
    /// The principle with this number (1 to 7).
    ///
    /// # Errors
    ///
    /// [`RangeError`] for any other number.
    pub fn from_number(number: u8) -> Result<RdcPrinciple, RangeError> {
        RdcPrinciple::ALL
            .into_iter()
            .find(|p| p.number() == number)
            .ok_or_else(|| RangeError::new("RDC principle", number, 1, 7))
    }

    /// Its number, 1 to 7.
    pub const fn number(self) -> u8 {
        self as u8
    }
}

impl fmt::Display for RdcPrinciple {
    /// `4. Coordinated testing`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::util::pad_text(f, format_args!("{}. {}", self.number(), self.title()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_one_to_seven_in_order() {
        for (i, p) in RdcPrinciple::ALL.into_iter().enumerate() {
            assert_eq!(usize::from(p.number()), i + 1);
            assert_eq!(RdcPrinciple::from_number(p.number()), Ok(p));
            assert!(p.wording().starts_with(p.title()), "{p}");
        }
        assert!(RdcPrinciple::from_number(0).is_err());
        assert!(RdcPrinciple::from_number(8).is_err());
    }
}

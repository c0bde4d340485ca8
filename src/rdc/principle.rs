//! [`RdcPrinciple`]: the seven Rapid Diagnostic Centre principles.

use std::fmt;

use serde::{Deserialize, Serialize};

/// One of the seven national Rapid Diagnostic Centre principles, numbered and
/// worded as in Appendix A of the Wessex 2021 board paper.
///
/// ```
/// use cancer_plan::RdcPrinciple;
/// let p = RdcPrinciple::from_number(4).ok_or("no such principle")?;
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
    EarlyIdentification = 1,
    /// 2. Timely referral.
    TimelyReferral = 2,
    /// 3. Broad assessment of symptoms.
    BroadAssessmentOfSymptoms = 3,
    /// 4. Coordinated testing.
    CoordinatedTesting = 4,
    /// 5. Timely diagnosis.
    TimelyDiagnosis = 5,
    /// 6. Appropriate onward referral.
    AppropriateOnwardReferral = 6,
    /// 7. Excellent patient coordination and support.
    PatientCoordinationAndSupport = 7,
}

impl RdcPrinciple {
    /// The seven principles in their published order.
    pub const ALL: [RdcPrinciple; 7] = [
        RdcPrinciple::EarlyIdentification,
        RdcPrinciple::TimelyReferral,
        RdcPrinciple::BroadAssessmentOfSymptoms,
        RdcPrinciple::CoordinatedTesting,
        RdcPrinciple::TimelyDiagnosis,
        RdcPrinciple::AppropriateOnwardReferral,
        RdcPrinciple::PatientCoordinationAndSupport,
    ];

    /// The principle with this number (1 to 7).
    pub fn from_number(number: u8) -> Option<RdcPrinciple> {
        RdcPrinciple::ALL.into_iter().find(|p| p.number() == number)
    }

    /// Its number, 1 to 7.
    pub const fn number(self) -> u8 {
        self as u8
    }

    /// Its short title, the bold words of the seed.
    pub const fn title(self) -> &'static str {
        match self {
            RdcPrinciple::EarlyIdentification => "Early identification",
            RdcPrinciple::TimelyReferral => "Timely referral",
            RdcPrinciple::BroadAssessmentOfSymptoms => "Broad assessment of symptoms",
            RdcPrinciple::CoordinatedTesting => "Coordinated testing",
            RdcPrinciple::TimelyDiagnosis => "Timely diagnosis of patients' symptoms",
            RdcPrinciple::AppropriateOnwardReferral => "Appropriate onward referral",
            RdcPrinciple::PatientCoordinationAndSupport => {
                "Excellent patient coordination and support"
            }
        }
    }

    /// Its full wording, as in Appendix A of the 2021 paper.
    pub const fn wording(self) -> &'static str {
        match self {
            RdcPrinciple::EarlyIdentification => {
                "Early identification of patients where cancer is possible, including outreach to target existing health inequalities"
            }
            RdcPrinciple::TimelyReferral => {
                "Timely referral based on standardised referral criteria and appropriate filter function tests"
            }
            RdcPrinciple::BroadAssessmentOfSymptoms => {
                "Broad assessment of symptoms resulting in effective triage, determining whether and which tests should be carried out and in what order, based on individual patient need"
            }
            RdcPrinciple::CoordinatedTesting => {
                "Coordinated testing which happens in fewer visits and steps for the patient, with a significantly shorter time between referral and reaching a diagnosis"
            }
            RdcPrinciple::TimelyDiagnosis => {
                "Timely diagnosis of patients' symptoms, cancer or otherwise, by a multi-disciplinary team where relevant, and communicated appropriately to the patient"
            }
            RdcPrinciple::AppropriateOnwardReferral => {
                "Appropriate onward referral to the right service for further support, investigation, treatment and/or care"
            }
            RdcPrinciple::PatientCoordinationAndSupport => {
                "Excellent patient coordination and support with patients having a single point of contact throughout their diagnostic journey, alongside access to the right information, support and advice"
            }
        }
    }
}

impl fmt::Display for RdcPrinciple {
    /// `4. Coordinated testing`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}. {}", self.number(), self.title())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_one_to_seven_in_order() {
        for (i, p) in RdcPrinciple::ALL.into_iter().enumerate() {
            assert_eq!(usize::from(p.number()), i + 1);
            assert_eq!(RdcPrinciple::from_number(p.number()), Some(p));
            assert!(p.wording().starts_with(p.title()), "{p}");
        }
        assert_eq!(RdcPrinciple::from_number(0), None);
        assert_eq!(RdcPrinciple::from_number(8), None);
    }
}

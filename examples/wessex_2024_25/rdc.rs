//! The plan's RDC pathway assessments. **Illustrative**: the 2024/25
//! planning proposals hold no assessment; these are made up to look like
//! real ones (sites, ICBs, dates and gaps of the kind alliances report) so
//! that the compliance matrix, its gaps and the "not assessed" coverage of
//! the other sites can be shown. Every entry's text says "Illustrative".

use cancer_plan::rdc::PathwayAssessment;

use crate::plan::BoxError;

/// The illustrative assessments, as the plan's JSON holds them.
const ASSESSMENTS: &str = r#"[
  {
    "tumour_site": "lung",
    "scope": {
      "icb": "dorset"
    },
    "assessed_on": "2024-06-12",
    "principles": [
      {
        "principle": "early_identification",
        "level": "met",
        "evidence": "Illustrative: standardised pathway in place"
      },
      {
        "principle": "timely_referral",
        "level": "met",
        "evidence": "Illustrative: standardised pathway in place"
      },
      {
        "principle": "broad_assessment_of_symptoms",
        "level": "partially_met",
        "gap": "Illustrative: non-specific symptom route covers only part of the county"
      },
      {
        "principle": "coordinated_testing",
        "level": "met",
        "evidence": "Illustrative: standardised pathway in place"
      },
      {
        "principle": "timely_diagnosis",
        "level": "partially_met",
        "gap": "Illustrative: CT-guided biopsy waits above 14 days"
      },
      {
        "principle": "appropriate_onward_referral",
        "level": "met",
        "evidence": "Illustrative: standardised pathway in place"
      },
      {
        "principle": "patient_coordination_and_support",
        "level": "met",
        "evidence": "Illustrative: standardised pathway in place"
      }
    ]
  },
  {
    "tumour_site": "lung",
    "scope": {
      "icb": "hiow"
    },
    "assessed_on": "2024-07-03",
    "principles": [
      {
        "principle": "early_identification",
        "level": "met",
        "evidence": "Illustrative: standardised pathway in place"
      },
      {
        "principle": "timely_referral",
        "level": "met",
        "evidence": "Illustrative: standardised pathway in place"
      },
      {
        "principle": "broad_assessment_of_symptoms",
        "level": "met",
        "evidence": "Illustrative: standardised pathway in place"
      },
      {
        "principle": "coordinated_testing",
        "level": "met",
        "evidence": "Illustrative: standardised pathway in place"
      },
      {
        "principle": "timely_diagnosis",
        "level": "partially_met",
        "gap": "Illustrative: EBUS capacity short at one site"
      },
      {
        "principle": "appropriate_onward_referral",
        "level": "met",
        "evidence": "Illustrative: standardised pathway in place"
      },
      {
        "principle": "patient_coordination_and_support",
        "level": "partially_met",
        "gap": "Illustrative: navigator role funded at two of four trusts"
      }
    ]
  },
  {
    "tumour_site": "colorectal_lower_gi",
    "scope": "alliance",
    "assessed_on": "2024-09-18",
    "principles": [
      {
        "principle": "early_identification",
        "level": "met",
        "evidence": "Illustrative: standardised pathway in place"
      },
      {
        "principle": "timely_referral",
        "level": "met",
        "evidence": "Illustrative: FIT with every urgent referral"
      },
      {
        "principle": "broad_assessment_of_symptoms",
        "level": "met",
        "evidence": "Illustrative: standardised pathway in place"
      },
      {
        "principle": "coordinated_testing",
        "level": "partially_met",
        "gap": "Illustrative: straight-to-test colonoscopy not offered everywhere"
      },
      {
        "principle": "timely_diagnosis",
        "level": "met",
        "evidence": "Illustrative: standardised pathway in place"
      },
      {
        "principle": "appropriate_onward_referral",
        "level": "met",
        "evidence": "Illustrative: standardised pathway in place"
      },
      {
        "principle": "patient_coordination_and_support",
        "level": "met",
        "evidence": "Illustrative: standardised pathway in place"
      }
    ]
  },
  {
    "tumour_site": "breast",
    "scope": "alliance",
    "assessed_on": "2024-11-05",
    "principles": [
      {
        "principle": "early_identification",
        "level": "met",
        "evidence": "Illustrative: standardised pathway in place"
      },
      {
        "principle": "timely_referral",
        "level": "met",
        "evidence": "Illustrative: standardised pathway in place"
      },
      {
        "principle": "broad_assessment_of_symptoms",
        "level": "met",
        "evidence": "Illustrative: standardised pathway in place"
      },
      {
        "principle": "coordinated_testing",
        "level": "met",
        "evidence": "Illustrative: standardised pathway in place"
      },
      {
        "principle": "timely_diagnosis",
        "level": "met",
        "evidence": "Illustrative: standardised pathway in place"
      },
      {
        "principle": "appropriate_onward_referral",
        "level": "met",
        "evidence": "Illustrative: standardised pathway in place"
      },
      {
        "principle": "patient_coordination_and_support",
        "level": "met",
        "evidence": "Illustrative: standardised pathway in place"
      }
    ]
  },
  {
    "tumour_site": "prostate",
    "scope": {
      "icb": "dorset"
    },
    "assessed_on": "2025-01-20",
    "principles": [
      {
        "principle": "early_identification",
        "level": "met",
        "evidence": "Illustrative: standardised pathway in place"
      },
      {
        "principle": "timely_referral",
        "level": "partially_met",
        "gap": "Illustrative: PSA referral criteria vary between practices"
      },
      {
        "principle": "broad_assessment_of_symptoms",
        "level": "met",
        "evidence": "Illustrative: standardised pathway in place"
      },
      {
        "principle": "coordinated_testing",
        "level": "met",
        "evidence": "Illustrative: standardised pathway in place"
      },
      {
        "principle": "timely_diagnosis",
        "level": "not_met",
        "gap": "Illustrative: pre-biopsy MRI reporting beyond 7 days"
      },
      {
        "principle": "appropriate_onward_referral",
        "level": "met",
        "evidence": "Illustrative: standardised pathway in place"
      },
      {
        "principle": "patient_coordination_and_support",
        "level": "met",
        "evidence": "Illustrative: standardised pathway in place"
      }
    ]
  },
  {
    "tumour_site": "prostate",
    "scope": {
      "icb": "hiow"
    },
    "assessed_on": "2025-02-11",
    "principles": [
      {
        "principle": "early_identification",
        "level": "met",
        "evidence": "Illustrative: standardised pathway in place"
      },
      {
        "principle": "timely_referral",
        "level": "met",
        "evidence": "Illustrative: standardised pathway in place"
      },
      {
        "principle": "broad_assessment_of_symptoms",
        "level": "met",
        "evidence": "Illustrative: standardised pathway in place"
      },
      {
        "principle": "coordinated_testing",
        "level": "met",
        "evidence": "Illustrative: standardised pathway in place"
      },
      {
        "principle": "timely_diagnosis",
        "level": "partially_met",
        "gap": "Illustrative: template biopsy list capacity"
      },
      {
        "principle": "appropriate_onward_referral",
        "level": "met",
        "evidence": "Illustrative: standardised pathway in place"
      },
      {
        "principle": "patient_coordination_and_support",
        "level": "met",
        "evidence": "Illustrative: standardised pathway in place"
      }
    ]
  },
  {
    "tumour_site": "skin",
    "scope": {
      "icb": "hiow"
    },
    "assessed_on": "2025-03-04",
    "principles": [
      {
        "principle": "early_identification",
        "level": "met",
        "evidence": "Illustrative: standardised pathway in place"
      },
      {
        "principle": "timely_referral",
        "level": "met",
        "evidence": "Illustrative: standardised pathway in place"
      },
      {
        "principle": "broad_assessment_of_symptoms",
        "level": "met",
        "evidence": "Illustrative: standardised pathway in place"
      },
      {
        "principle": "coordinated_testing",
        "level": "met",
        "evidence": "Illustrative: standardised pathway in place"
      },
      {
        "principle": "timely_diagnosis",
        "level": "met",
        "evidence": "Illustrative: standardised pathway in place"
      },
      {
        "principle": "appropriate_onward_referral",
        "level": "partially_met",
        "gap": "Illustrative: teledermatology triage back to primary care not yet routine"
      },
      {
        "principle": "patient_coordination_and_support",
        "level": "met",
        "evidence": "Illustrative: standardised pathway in place"
      }
    ]
  }
]"#;

/// The illustrative assessments (see the module docs).
pub fn illustrative_assessments() -> Result<Vec<PathwayAssessment>, BoxError> {
    Ok(serde_json::from_str(ASSESSMENTS)?)
}

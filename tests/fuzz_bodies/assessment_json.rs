//! Improvement-capacity and RDC pathway-assessment JSON: any bytes give a
//! value or an error; a value read back from what was written is the same
//! value; a capacity that builds can always be costed into budget lines
//! (no id that only fails later).

use cancer_plan::capacity::{CostError, ImprovementCapacity};
use cancer_plan::rdc::PathwayAssessment;
use cancer_plan::{FinancialYear, Id, MoneyUnit};

fn capacity(data: &[u8]) {
    let Ok(capacity) = serde_json::from_slice::<ImprovementCapacity>(data) else {
        return;
    };
    let written = serde_json::to_string(&capacity).expect("a capacity always serialises");
    let back: ImprovementCapacity =
        serde_json::from_str(&written).expect("what was written reads back");
    assert_eq!(back, capacity, "read -> write -> read changed the capacity");
    let horizon: FinancialYear = "2030/31".parse().expect("a financial year");
    let category = Id::new("capacity").expect("an id");
    for unit in [MoneyUnit::Pound, MoneyUnit::Penny] {
        match capacity.costs(horizon, unit) {
            Ok(schedule) => {
                let _ = schedule.total();
                let _ = schedule.by_funding_and_year();
                let years: std::collections::BTreeSet<FinancialYear> =
                    schedule.lines().iter().map(|l| l.year()).collect();
                for year in years {
                    match schedule.budget_lines(year, &category) {
                        Ok(_) => {}
                        Err(e @ CostError::LineId { .. }) => {
                            panic!("a built capacity has a line with no id: {e}")
                        }
                        Err(_) => {}
                    }
                }
            }
            Err(e @ CostError::LineId { .. }) => panic!("a built capacity cannot be costed: {e}"),
            Err(e) => {
                let _ = e.to_string();
            }
        }
    }
}

fn assessment(data: &[u8]) {
    let Ok(assessment) = serde_json::from_slice::<PathwayAssessment>(data) else {
        return;
    };
    let written = serde_json::to_string(&assessment).expect("an assessment always serialises");
    let back: PathwayAssessment =
        serde_json::from_str(&written).expect("what was written reads back");
    assert_eq!(
        back, assessment,
        "read -> write -> read changed the assessment"
    );
    let _ = assessment.not_assessed().count();
    let _ = assessment.is_fully_compliant();
}

/// The body: any bytes, read as both kinds of document.
pub fn run(data: &[u8]) {
    capacity(data);
    assessment(data);
}

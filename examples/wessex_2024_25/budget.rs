//! The Wessex 2024/25 budget: the areas of table 2 and their shares.
//!
//! The total is the sum of the guide spends in tables 3-4 (£12,191,000); the
//! shares are as printed in table 2 (whole percents). Targeted funding (TLHC,
//! liver, Galleri, ...) is costed "n/a" in the seed: it is funded outside the
//! percentage split and is not an area here.

use cancer_plan::{AllocationArea, BudgetAllocation, Id, Money, Percent};

use crate::plan::BoxError;

/// The allocation: total and areas with their printed shares.
pub fn budget() -> Result<BudgetAllocation, BoxError> {
    let area = |id: &str, name: &str, share: u8| -> Result<AllocationArea, BoxError> {
        let share = Percent::from_points(share).ok_or("share above 100%")?;
        Ok(AllocationArea::new(Id::new(id)?, name, share))
    };
    Ok(BudgetAllocation::new(Money::from_pounds(12_191_000))
        .with_area(area("cross-cutting", "Cross-cutting", 7)?)
        .with_area(area(
            "operational-performance",
            "Operational performance",
            48,
        )?)
        .with_area(area("earlier-diagnosis", "Earlier Diagnosis", 33)?)
        .with_area(area("treatment-and-care", "Treatment and care", 12)?))
}

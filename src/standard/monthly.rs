//! [`MonthlyTrajectory`]: the monthly plan NHS England asks for — planned
//! patients in total and within a standard, per ICB or provider, per month.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::CwtStandard;
use crate::{id::Id, org::OdsCode, percent::Percent, period::YearMonth};

/// Whose trajectory it is: an ICB of the alliance (by id) or a provider
/// trust (by ODS code). In JSON `{"icb": "dorset"}` or `{"provider": "RHM"}`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TrajectoryOrganisation {
    /// An ICB, by its id in the alliance.
    Icb(Id),
    /// A provider trust, by ODS code.
    Provider(OdsCode),
}

impl fmt::Display for TrajectoryOrganisation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TrajectoryOrganisation::Icb(id) => write!(f, "ICB {id}"),
            TrajectoryOrganisation::Provider(ods) => write!(f, "provider {ods}"),
        }
    }
}

/// One month of a [`MonthlyTrajectory`]: the patients planned to be seen
/// (`total`) and, of them, within the standard (`within`), whole patients
/// as plans submit them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PlannedMonth {
    month: YearMonth,
    total: u32,
    within: u32,
}

impl PlannedMonth {
    /// `within` of `total` planned patients in `month` (checked when the
    /// plan is built: `within <= total`).
    pub fn new(month: YearMonth, total: u32, within: u32) -> PlannedMonth {
        PlannedMonth {
            month,
            total,
            within,
        }
    }

    /// The month.
    pub fn month(&self) -> YearMonth {
        self.month
    }

    /// Patients planned in total.
    pub fn total(&self) -> u32 {
        self.total
    }

    /// Patients planned within the standard.
    pub fn within(&self) -> u32 {
        self.within
    }

    /// The planned performance, `within / total` (`None` for no patients or
    /// `within > total`).
    // A u32 count times one hundred is far inside `Decimal`'s range; the divisor is checked non-zero above.
    #[allow(clippy::arithmetic_side_effects)]
    pub fn planned_percent(&self) -> Option<Percent> {
        if self.total == 0 || self.within > self.total {
            return None;
        }
        let points = rust_decimal::Decimal::from(self.within) * rust_decimal::Decimal::ONE_HUNDRED
            / rust_decimal::Decimal::from(self.total);
        Percent::new(points).ok()
    }
}

/// A monthly trajectory for one standard and one organisation: planned
/// totals and within-standard counts month by month, optionally tied to the
/// plan's performance-target ask it delivers (`ask`).
///
/// A plan checks it against the rest of the plan (see
/// [`CancerPlanBuilder::build`](crate::plan::CancerPlanBuilder::build)); the
/// analyses compare actuals with it month by month
/// ([`cwt::compare_monthly`](crate::cwt::compare_monthly)).
///
/// ```
/// use cancer_plan::standard::{MonthlyTrajectory, PlannedMonth, TrajectoryOrganisation};
/// use cancer_plan::{CwtStandard, Id};
/// let t = MonthlyTrajectory::new(CwtStandard::FasterDiagnosis28Day, TrajectoryOrganisation::Icb(Id::new("dorset")?))
///     .with_month(PlannedMonth::new("2024-04".parse()?, 1000, 760))
///     .with_month(PlannedMonth::new("2024-05".parse()?, 1000, 770));
/// assert_eq!(t.months()[1].planned_percent().map(|p| p.to_string()), Some("77%".into()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MonthlyTrajectory {
    standard: CwtStandard,
    organisation: TrajectoryOrganisation,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    ask: Option<Id>,
    months: Vec<PlannedMonth>,
}

impl MonthlyTrajectory {
    /// A trajectory for `standard` and `organisation`, with no months yet.
    pub fn new(standard: CwtStandard, organisation: TrajectoryOrganisation) -> MonthlyTrajectory {
        MonthlyTrajectory {
            standard,
            organisation,
            ask: None,
            months: Vec::new(),
        }
    }

    /// The same trajectory delivering the plan's ask with this id.
    pub fn for_ask(mut self, ask: Id) -> MonthlyTrajectory {
        self.ask = Some(ask);
        self
    }

    /// The same trajectory with one more month.
    pub fn with_month(mut self, month: PlannedMonth) -> MonthlyTrajectory {
        self.months.push(month);
        self
    }

    /// The standard.
    pub fn standard(&self) -> CwtStandard {
        self.standard
    }

    /// Whose trajectory it is.
    pub fn organisation(&self) -> &TrajectoryOrganisation {
        &self.organisation
    }

    /// The id of the ask it delivers, if tied to one.
    pub fn ask(&self) -> Option<&Id> {
        self.ask.as_ref()
    }

    /// The planned months, in order.
    pub fn months(&self) -> &[PlannedMonth] {
        &self.months
    }

    /// The planned month `month`, if any.
    pub fn month(&self, month: YearMonth) -> Option<&PlannedMonth> {
        self.months.iter().find(|m| m.month == month)
    }
}

//! [`AllocationArea`] (one area of the split, with its lines) and its
//! [`SpendCategory`]s.

use serde::{Deserialize, Serialize};

use super::BudgetLine;
use crate::{id::Id, money::Money, percent::Percent};

/// A spend category of an area ("Core team", "NSS pathways"): what its lines
/// are grouped under.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SpendCategory {
    id: Id,
    name: String,
}

impl SpendCategory {
    /// A category with its id (what lines refer to) and its name.
    pub fn new(id: Id, name: impl Into<String>) -> SpendCategory {
        SpendCategory {
            id,
            name: name.into(),
        }
    }

    /// Its id, unique within its area.
    pub fn id(&self) -> &Id {
        &self.id
    }

    /// Its name, as the plan prints it.
    pub fn name(&self) -> &str {
        &self.name
    }
}

/// One area of the allocation (e.g. "Operational performance", 48%): its
/// spend categories, its share of the total, its guide spend (the share of
/// the total it should get), its budget (what it is given), the impact it is
/// for, and its itemised [`BudgetLine`]s.
///
/// The guide spend and the budget are optional: a plan may state only the
/// shares. Where they are stated, [`BudgetAllocation::reconcile`](super::BudgetAllocation::reconcile) compares
/// them with the share, with each other and with the lines.
///
/// ```
/// use cancer_plan::budget::{AllocationArea, BudgetLine, SpendCategory, Term};
/// use cancer_plan::{Id, Money, Percent};
///
/// let area = AllocationArea::new(Id::new("treatment-and-care")?, "Treatment and care", Percent::from_points(12)?)
///     .with_spend_category(SpendCategory::new(Id::new("personalised-care")?, "Personalised care"))
///     .with_guide_spend(Money::from_pounds(1_465_560))
///     .with_budget(Money::from_pounds(1_520_080))
///     .with_line(BudgetLine::new(Id::new("tc-right-by-you")?, Id::new("personalised-care")?, Money::from_pounds(340_000), Term::YearOf { year: 2, of: 2 }));
/// assert_eq!(area.lines_total()?, Money::from_pounds(340_000));
/// assert_eq!(area.spend_category("personalised-care").map(|c| c.name()), Some("Personalised care"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AllocationArea {
    id: Id,
    name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    spend_categories: Vec<SpendCategory>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    wca_resource: String,
    share: Percent,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    guide_spend: Option<Money>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    budget: Option<Money>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    population_impact: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    system_impact: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    considerations: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    lines: Vec<BudgetLine>,
}

impl AllocationArea {
    /// An area with its id, name and share of the total; no categories,
    /// figures or lines yet.
    pub fn new(id: Id, name: impl Into<String>, share: Percent) -> AllocationArea {
        AllocationArea {
            id,
            name: name.into(),
            spend_categories: Vec::new(),
            wca_resource: String::new(),
            share,
            guide_spend: None,
            budget: None,
            population_impact: String::new(),
            system_impact: String::new(),
            considerations: String::new(),
            lines: Vec::new(),
        }
    }

    /// The same area with one more spend category.
    pub fn with_spend_category(mut self, category: SpendCategory) -> AllocationArea {
        self.spend_categories.push(category);
        self
    }

    /// The same area with what the alliance provides in it, as a whole
    /// (table 2's "WCA resource").
    pub fn with_wca_resource(mut self, text: impl Into<String>) -> AllocationArea {
        self.wca_resource = text.into();
        self
    }

    /// The same area with its guide spend.
    pub fn with_guide_spend(mut self, guide_spend: Money) -> AllocationArea {
        self.guide_spend = Some(guide_spend);
        self
    }

    /// The same area with its budget.
    pub fn with_budget(mut self, budget: Money) -> AllocationArea {
        self.budget = Some(budget);
        self
    }

    /// The same area with its population and system impact.
    pub fn with_impact(
        mut self,
        population: impl Into<String>,
        system: impl Into<String>,
    ) -> AllocationArea {
        self.population_impact = population.into();
        self.system_impact = system.into();
        self
    }

    /// The same area with exit strategy / ICB considerations stated for the
    /// area as a whole (not for one line).
    pub fn with_considerations(mut self, text: impl Into<String>) -> AllocationArea {
        self.considerations = text.into();
        self
    }

    /// The same area with one more line.
    pub fn with_line(mut self, line: BudgetLine) -> AllocationArea {
        self.lines.push(line);
        self
    }

    /// The same area with these lines instead of its own.
    pub fn with_lines(mut self, lines: Vec<BudgetLine>) -> AllocationArea {
        self.lines = lines;
        self
    }

    /// Its id.
    pub fn id(&self) -> &Id {
        &self.id
    }

    /// Its name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Its spend categories, in plan order.
    pub fn spend_categories(&self) -> &[SpendCategory] {
        &self.spend_categories
    }

    /// The spend category with this id.
    pub fn spend_category(&self, id: &str) -> Option<&SpendCategory> {
        self.spend_categories.iter().find(|c| c.id.as_str() == id)
    }

    /// What the alliance provides in the area (empty if not stated).
    pub fn wca_resource(&self) -> &str {
        &self.wca_resource
    }

    /// Its share of the total, as the plan states it.
    pub fn share(&self) -> Percent {
        self.share
    }

    /// Its guide spend, if stated.
    pub fn guide_spend(&self) -> Option<Money> {
        self.guide_spend
    }

    /// Its budget, if stated.
    pub fn budget(&self) -> Option<Money> {
        self.budget
    }

    /// The impact on the population it serves (empty if not stated).
    pub fn population_impact(&self) -> &str {
        &self.population_impact
    }

    /// The impact on the system (empty if not stated).
    pub fn system_impact(&self) -> &str {
        &self.system_impact
    }

    /// Exit strategy / ICB considerations for the whole area (empty if none).
    pub fn considerations(&self) -> &str {
        &self.considerations
    }

    /// Its itemised lines, in plan order.
    pub fn lines(&self) -> &[BudgetLine] {
        &self.lines
    }

    /// The sum of its lines' amounts; an error only on overflow (impossible
    /// for an area of a built plan, whose amounts are capped).
    ///
    /// # Errors
    ///
    /// [`MoneyError::Overflow`](crate::money::MoneyError::Overflow) if the sum leaves
    /// the decimal range (impossible for an area of a built plan).
    pub fn lines_total(&self) -> Result<Money, crate::money::MoneyError> {
        self.lines.iter().map(BudgetLine::amount).sum()
    }
}

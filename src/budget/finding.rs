//! [`Finding`]: one soft discrepancy found by reconciliation.

use std::fmt;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Serialize, Serializer};

use crate::validate::FieldPath;
use crate::{id::Id, money::Money};

/// What a [`Finding`] compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FindingKind {
    /// The printed share against the exact share its guide spend is of the
    /// total (in percentage points).
    ShareVsExactShare,
    /// The guide spend against share × total.
    GuideSpendVsShare,
    /// The budget against the guide spend: an over- or under-spend.
    BudgetVsGuideSpend,
    /// The sum of the itemised lines against the area's budget.
    LinesVsBudget,
    /// The sum of the areas' guide spends against the part of the total
    /// the shares cover.
    GuideSpendsVsTotal,
    /// The sum of the areas' budgets against the part of the total the
    /// shares cover.
    BudgetsVsTotal,
    /// A sum overflowed the decimal range (impossible for a built plan,
    /// whose amounts are capped); the figures are zero.
    Overflow,
}

/// The unit of a finding's figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingUnit {
    /// Pounds sterling.
    Pounds,
    /// Percentage points (`7` is 7%).
    PercentagePoints,
}

/// Whether a finding is rounding or a real gap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingStatus {
    /// The difference is within the tolerance: rounding.
    WithinTolerance,
    /// The difference is beyond the tolerance: a real gap.
    RealGap,
}

/// One discrepancy: where (`path`), what was expected, what the plan has,
/// the difference (`actual - expected`), the allowance the tolerance gave,
/// and whether that makes it rounding or a real gap.
///
/// It reads back from its JSON form (`serde`), checked: the difference,
/// status and message must follow from the figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(try_from = "super::finding_form::FindingForm")]
pub struct Finding {
    pub(super) kind: FindingKind,
    pub(super) path: FieldPath,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) area: Option<Id>,
    pub(super) unit: FindingUnit,
    #[serde(serialize_with = "as_text")]
    pub(super) expected: Decimal,
    #[serde(serialize_with = "as_text")]
    pub(super) actual: Decimal,
    #[serde(serialize_with = "as_text")]
    pub(super) difference: Decimal,
    #[serde(serialize_with = "as_text")]
    pub(super) allowance: Decimal,
    pub(super) status: FindingStatus,
    message: String,
}

fn as_text<S: Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(value)
}

impl Finding {
    /// A finding; `status` follows from `|actual - expected| <= allowance`.
    pub(super) fn new(
        kind: FindingKind,
        path: FieldPath,
        area: Option<Id>,
        unit: FindingUnit,
        expected: Decimal,
        actual: Decimal,
        allowance: Decimal,
    ) -> Finding {
        let difference = actual.saturating_sub(expected).normalize();
        let status = if difference.abs() <= allowance && kind != FindingKind::Overflow {
            FindingStatus::WithinTolerance
        } else {
            FindingStatus::RealGap
        };
        let mut finding = Finding {
            kind,
            path,
            area,
            unit,
            expected,
            actual,
            difference,
            allowance: allowance.normalize(),
            status,
            message: String::new(),
        };
        finding.message = finding.render();
        finding
    }

    /// What it compares.
    pub fn kind(&self) -> FindingKind {
        self.kind
    }

    /// The path of the figure found wrong (`budget.areas[1].lines`).
    pub fn path(&self) -> &FieldPath {
        &self.path
    }

    /// The id of the area it is about; `None` for the plan-level checks.
    pub fn area(&self) -> Option<&Id> {
        self.area.as_ref()
    }

    /// The unit of the figures.
    pub fn unit(&self) -> FindingUnit {
        self.unit
    }

    /// What the other figures say it should be.
    pub fn expected(&self) -> Decimal {
        self.expected
    }

    /// What the plan has.
    pub fn actual(&self) -> Decimal {
        self.actual
    }

    /// `actual - expected`.
    pub fn difference(&self) -> Decimal {
        self.difference
    }

    /// The largest difference the tolerance calls rounding.
    pub fn allowance(&self) -> Decimal {
        self.allowance
    }

    /// Rounding or a real gap.
    pub fn status(&self) -> FindingStatus {
        self.status
    }

    /// The difference as money, for a finding in pounds.
    pub fn money_difference(&self) -> Option<Money> {
        match self.unit {
            FindingUnit::Pounds => Money::new(self.difference).ok(),
            FindingUnit::PercentagePoints => None,
        }
    }

    fn show(&self, value: Decimal) -> String {
        match self.unit {
            FindingUnit::Pounds => match Money::new(value) {
                Ok(m) => m.to_string(),
                Err(_) => format!("£{value}"),
            },
            FindingUnit::PercentagePoints => {
                let v = value.round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero);
                format!("{}%", v.normalize())
            }
        }
    }
}

impl Finding {
    fn render(&self) -> String {
        let what = match self.kind {
            FindingKind::ShareVsExactShare => "printed share vs exact share",
            FindingKind::GuideSpendVsShare => "guide spend vs share x total",
            FindingKind::BudgetVsGuideSpend => "budget vs guide spend",
            FindingKind::LinesVsBudget => "lines total vs budget",
            FindingKind::GuideSpendsVsTotal => "guide spends vs total",
            FindingKind::BudgetsVsTotal => "area budgets vs total",
            FindingKind::Overflow => "arithmetic overflow",
        };
        let status = match self.status {
            FindingStatus::WithinTolerance => "within tolerance (rounding)",
            FindingStatus::RealGap => "REAL GAP",
        };
        format!(
            "{}: {what}: expected {}, actual {}, difference {} (allowance {}): {status}",
            self.path,
            self.show(self.expected),
            self.show(self.actual),
            self.show(self.difference),
            self.show(self.allowance),
        )
    }
}

impl fmt::Display for FindingKind {
    /// What was compared, in words: `share vs exact share`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FindingKind::ShareVsExactShare => "share vs exact share",
            FindingKind::GuideSpendVsShare => "guide spend vs share of the total",
            FindingKind::BudgetVsGuideSpend => "budget vs guide spend",
            FindingKind::LinesVsBudget => "lines vs budget",
            FindingKind::GuideSpendsVsTotal => "guide spends vs total",
            FindingKind::BudgetsVsTotal => "budgets vs total",
            FindingKind::Overflow => "overflow",
        })
    }
}

impl fmt::Display for FindingStatus {
    /// `within tolerance` or `real gap`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FindingStatus::WithinTolerance => "within tolerance",
            FindingStatus::RealGap => "real gap",
        })
    }
}

impl fmt::Display for Finding {
    /// `budget.areas[0].lines: lines total vs budget: expected £851,568,
    /// actual £851,567, difference -£1 (allowance £3): within tolerance
    /// (rounding)`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

//! Extra capacity as posts and their cost, through the capacity module's
//! Agenda for Change bands, whole-time equivalents and costings, and as
//! budget lines comparable to the plan's budget.

use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
use rust_decimal::Decimal;
use serde::Serialize;

use super::error::{positive, CapacityDemandError};
use crate::budget::{BudgetAllocation, BudgetLine, FundingSource};
use crate::capacity::{AfcBand, CostSchedule, Costing, ImprovementCapacity, Post, Tenure, Wte};
use crate::id::Id;
use crate::money::{Money, MoneyUnit, Rounding};
use crate::org::Alliance;
use crate::percent::Percent;
use crate::period::FinancialYear;

/// How extra slots are staffed and what the staff cost: the caller's
/// figures (state them as illustrative where they are).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SessionCosting {
    role: String,
    band: AfcBand,
    annual_pay: Money,
    on_costs: Percent,
    slots_per_session: f64,
    sessions_per_wte_week: f64,
    basis: String,
}

impl SessionCosting {
    /// A role in `band` paid `annual_pay` full time, with employer's
    /// `on_costs` (National Insurance, pension) as a percent of pay;
    /// `slots_per_session` patients a session (a clinic or list), and
    /// `sessions_per_wte_week` sessions a week for one whole-time
    /// equivalent (10 four-hour sessions in 37.5 hours, less for leave and
    /// other duties). `basis` says where the figures come from.
    pub fn new(
        role: impl Into<String>,
        band: AfcBand,
        annual_pay: Money,
        on_costs: Percent,
        slots_per_session: f64,
        sessions_per_wte_week: f64,
        basis: impl Into<String>,
    ) -> SessionCosting {
        SessionCosting {
            role: role.into(),
            band,
            annual_pay,
            on_costs,
            slots_per_session,
            sessions_per_wte_week,
            basis: basis.into(),
        }
    }

    /// The full-time cost a year: pay plus on-costs, to the penny.
    ///
    /// # Errors
    ///
    /// [`CapacityDemandError::Cost`] on overflow.
    pub fn annual_cost(&self) -> Result<Money, CapacityDemandError> {
        let factor = Decimal::ONE
            .checked_add(self.on_costs.as_ratio())
            .ok_or_else(|| CapacityDemandError::Cost("on-costs overflow".into()))?;
        self.annual_pay
            .checked_mul(factor, MoneyUnit::Penny, Rounding::HalfUp)
            .ok_or_else(|| CapacityDemandError::Cost("pay with on-costs overflows".into()))
    }
}

/// Extra capacity staffed as posts and costed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CapacityCost {
    extra_slots_per_week: f64,
    sessions_per_week: f64,
    #[serde(serialize_with = "as_text")]
    wte: Decimal,
    capacity: ImprovementCapacity,
    schedule: CostSchedule,
}

impl CapacityCost {
    /// Sessions a week that deliver them.
    pub fn sessions_per_week(&self) -> f64 {
        self.sessions_per_week
    }
    /// Whole-time equivalents (rounded up to 0.01).
    pub fn wte(&self) -> Decimal {
        self.wte
    }
    /// The posts, as the capacity module holds them.
    pub fn capacity(&self) -> &ImprovementCapacity {
        &self.capacity
    }
    /// Their cost by financial year.
    pub fn schedule(&self) -> &CostSchedule {
        &self.schedule
    }

    /// The cost in financial year `year`.
    ///
    /// # Errors
    ///
    /// [`CapacityDemandError::Cost`] on overflow.
    pub fn cost_in(&self, year: FinancialYear) -> Result<Money, CapacityDemandError> {
        Money::checked_sum(
            self.schedule
                .lines()
                .iter()
                .filter(|l| l.year() == year)
                .map(|l| l.amount()),
        )
        .map_err(|e| CapacityDemandError::Cost(e.to_string()))
    }

    /// The costs as budget lines under `spend_category`, one per post and
    /// year (`<post>.<yyyy-yy>`).
    ///
    /// # Errors
    ///
    /// [`CapacityDemandError::Cost`] if a line id cannot be made.
    pub fn budget_lines(
        &self,
        spend_category: &Id,
    ) -> Result<Vec<BudgetLine>, CapacityDemandError> {
        self.schedule
            .lines()
            .iter()
            .map(|l| {
                l.to_budget_line(spend_category.clone())
                    .map_err(|e| CapacityDemandError::Cost(e.to_string()))
            })
            .collect()
    }
}

/// Staffs `extra_slots_per_week` as posts of `costing`'s role hosted by
/// `host_icb` for `tenure`, and costs them to `horizon` through the
/// capacity module (whole pounds). Whole-time equivalents are rounded up
/// to 0.01 and split into full-time posts and one part-time post, with ids
/// `<id_prefix>-1`, `<id_prefix>-2`, ...
///
/// # Errors
///
/// [`CapacityDemandError::ZeroDivisor`] for zero slots a session or
/// sessions a week; [`CapacityDemandError::Cost`] if the posts cannot be
/// built (an ICB not in the alliance, a bad id) or costed.
#[allow(clippy::too_many_arguments)]
pub fn cost_extra_capacity(
    extra_slots_per_week: f64,
    costing: &SessionCosting,
    alliance: &Alliance,
    host_icb: &Id,
    id_prefix: &str,
    tenure: Tenure,
    horizon: FinancialYear,
) -> Result<CapacityCost, CapacityDemandError> {
    let extra = super::error::non_negative("extra slots a week", extra_slots_per_week)?;
    let per_session = positive("slots a session", costing.slots_per_session)?;
    let per_wte = positive("sessions a week per WTE", costing.sessions_per_wte_week)?;
    let sessions = extra / per_session;
    let wte_f = sessions / per_wte;
    let wte = Decimal::from_f64((wte_f * 100.0).ceil() / 100.0)
        .ok_or_else(|| CapacityDemandError::Cost(format!("{wte_f} whole-time equivalents")))?
        .round_dp(2);
    if wte > Decimal::from(10_000) {
        return Err(CapacityDemandError::Cost(format!(
            "{wte} whole-time equivalents is more than 10,000"
        )));
    }
    let annual = costing.annual_cost()?;
    let full = wte.trunc();
    let part = wte.fract();
    let mut posts = Vec::new();
    let mut number = 0u32;
    let mut add = |w: Wte| -> Result<(), CapacityDemandError> {
        number = number.saturating_add(1); // at most 10,001 posts (checked above)
        let id = Id::new(format!("{id_prefix}-{number}"))
            .map_err(|e| CapacityDemandError::Cost(e.to_string()))?;
        posts.push(
            Post::new(
                id,
                costing.role.clone(),
                costing.band,
                host_icb.clone(),
                tenure,
            )
            .with_wte(w)
            .with_funding(FundingSource::AllianceBudget)
            .with_costing(Costing::annual(annual, costing.basis.clone())),
        );
        Ok(())
    };
    let full_posts = full.to_u32().unwrap_or(0); // at most 10,000 (checked above)
    for _ in 0..full_posts {
        add(Wte::FULL_TIME)?;
    }
    if part > Decimal::ZERO {
        add(Wte::new(part).map_err(|e| CapacityDemandError::Cost(e.to_string()))?)?;
    }
    let mut builder = ImprovementCapacity::builder()
        .title(format!("Extra capacity: {}", costing.role))
        .alliance(alliance.clone());
    for post in posts {
        builder = builder.post(post);
    }
    let capacity = builder
        .build()
        .map_err(|e| CapacityDemandError::Cost(e.to_string()))?;
    let schedule = capacity
        .costs(horizon, MoneyUnit::Pound)
        .map_err(|e| CapacityDemandError::Cost(e.to_string()))?;
    Ok(CapacityCost {
        extra_slots_per_week: extra,
        sessions_per_week: sessions,
        wte,
        capacity,
        schedule,
    })
}

/// What the plan funds against what the capacity costs, in one year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FundingVariance {
    lines: Vec<Id>,
    funded: Money,
    needed: Money,
    difference: Money,
}

impl FundingVariance {
    /// The plan's budget lines compared.
    pub fn lines(&self) -> &[Id] {
        &self.lines
    }
    /// What the plan funds on them.
    pub fn funded(&self) -> Money {
        self.funded
    }
    /// What the capacity costs.
    pub fn needed(&self) -> Money {
        self.needed
    }
    /// `funded - needed`: negative is a shortfall.
    pub fn difference(&self) -> Money {
        self.difference
    }
}

/// The variance of `needed` against the plan's budget lines `line_ids`.
///
/// # Errors
///
/// [`CapacityDemandError::UnknownStep`]-like [`CapacityDemandError::Cost`]
/// if a line is not in the budget; on overflow.
pub fn funding_variance(
    budget: &BudgetAllocation,
    line_ids: &[&str],
    needed: Money,
) -> Result<FundingVariance, CapacityDemandError> {
    let mut lines = Vec::new();
    let mut amounts = Vec::new();
    for id in line_ids {
        let (_, line) = budget.line(id).ok_or_else(|| {
            CapacityDemandError::Cost(format!("the plan's budget has no line `{id}`"))
        })?;
        lines.push(line.id().clone());
        amounts.push(line.amount());
    }
    let funded =
        Money::checked_sum(amounts).map_err(|e| CapacityDemandError::Cost(e.to_string()))?;
    let difference = funded
        .checked_sub(needed)
        .ok_or_else(|| CapacityDemandError::Cost("variance overflows".into()))?;
    Ok(FundingVariance {
        lines,
        funded,
        needed,
        difference,
    })
}

fn as_text<S: serde::Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(value)
}

//! The costs of improvement capacity by funding source and financial year,
//! and their conversion to the budget model's [`BudgetLine`]s.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use super::{Costing, ImprovementCapacity, Tenure, Wte};
use crate::budget::{apportion, ApportionError, BudgetLine, FundingSource, LineScope, Term};
use crate::error::ParseError;
use crate::{
    id::Id, money::Money, money::MoneyError, money::MoneyUnit, money::Rounding,
    period::FinancialYear,
};

/// Why capacity could not be costed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CostError {
    /// The cost could not be spread over the years (e.g. a total in pence
    /// apportioned to whole pounds).
    #[error("{item}: cost cannot be spread over its financial years: {source}")]
    Apportion {
        /// The post or team.
        item: Id,
        /// Why.
        source: ApportionError,
    },
    /// Money arithmetic overflowed.
    #[error("{item}: {source}")]
    Money {
        /// The post or team.
        item: Id,
        /// Why.
        source: MoneyError,
    },
    /// A budget line id could not be made from the item id and the year.
    #[error("{item}: no budget line id for {year}: {source}")]
    LineId {
        /// The post or team.
        item: Id,
        /// The financial year.
        year: FinancialYear,
        /// Why.
        source: ParseError,
    },
}

/// Whether a cost is for a post or a team.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// A [`Post`](super::Post).
    Post,
    /// An [`ImprovementTeam`](super::ImprovementTeam).
    Team,
}

/// What one post or team costs in one financial year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CostLine {
    item: Id,
    name: String,
    kind: ItemKind,
    funding: FundingSource,
    scope: LineScope,
    year: FinancialYear,
    months: u32,
    amount: Money,
    term: Term,
}

impl CostLine {
    /// The post's or team's id.
    pub fn item(&self) -> &Id {
        &self.item
    }

    /// Its title or name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Post or team.
    pub fn kind(&self) -> ItemKind {
        self.kind
    }

    /// Where the money comes from.
    pub fn funding(&self) -> &FundingSource {
        &self.funding
    }

    /// Whom it is for: the host ICB of a post, the whole alliance for a team.
    pub fn scope(&self) -> &LineScope {
        &self.scope
    }

    /// The financial year.
    pub fn year(&self) -> FinancialYear {
        self.year
    }

    /// The months in post in the year.
    pub fn months(&self) -> u32 {
        self.months
    }

    /// The cost in the year.
    pub fn amount(&self) -> Money {
        self.amount
    }

    /// The commitment, as the budget model counts it from this year: `year
    /// n of m` of the years a fixed tenure spans, or recurrent if open-ended.
    pub fn term(&self) -> Term {
        self.term
    }

    /// This cost as a line of the budget model, under `spend_category` of
    /// the area it is added to; id `<item>.<yyyy-yy>` (e.g. `cit.2021-22`).
    ///
    /// # Errors
    ///
    /// [`CostError::LineId`] if `<item>.<yyyy-yy>` is not a valid [`Id`] (an
    /// item id near the 64-character limit).
    pub(crate) fn to_budget_line(&self, spend_category: Id) -> Result<BudgetLine, CostError> {
        let year = self.year.to_string().replace('/', "-");
        let id = Id::new(format!("{}.{year}", self.item)).map_err(|source| CostError::LineId {
            item: self.item.clone(),
            year: self.year,
            source,
        })?;
        Ok(BudgetLine::new(id, spend_category, self.amount, self.term)
            .with_wca_resource(self.name.clone())
            .with_funding_source(self.funding.clone())
            .with_scope(self.scope.clone()))
    }
}

/// A post or team with no cost figure, and the months it is in place in
/// each financial year: reported, never counted as zero.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NotCosted {
    item: Id,
    name: String,
    funding: FundingSource,
    months_by_year: Vec<(FinancialYear, u32)>,
    reason: String,
}

impl NotCosted {
    /// The post's or team's id.
    pub fn item(&self) -> &Id {
        &self.item
    }

    /// Its title or name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Where its money is to come from.
    pub fn funding(&self) -> &FundingSource {
        &self.funding
    }

    /// The months in place in each financial year costed.
    pub fn months_by_year(&self) -> &[(FinancialYear, u32)] {
        &self.months_by_year
    }

    /// Why there is no figure.
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

/// The costs of an [`ImprovementCapacity`] by item and financial year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CostSchedule {
    lines: Vec<CostLine>,
    not_costed: Vec<NotCosted>,
}

impl CostSchedule {
    /// The costed lines: posts then teams, each in order, each by year.
    pub fn lines(&self) -> &[CostLine] {
        &self.lines
    }

    /// The posts and teams with no cost figure.
    pub fn not_costed(&self) -> &[NotCosted] {
        &self.not_costed
    }

    /// The total of the costed lines.
    ///
    /// # Errors
    ///
    /// [`MoneyError::Overflow`] if the sum leaves the decimal range.
    pub fn total(&self) -> Result<Money, MoneyError> {
        Money::checked_sum(self.lines.iter().map(CostLine::amount))
    }

    /// Totals by funding source then financial year, in that order; they add
    /// up exactly to [`total`](Self::total).
    ///
    /// # Errors
    ///
    /// [`MoneyError::Overflow`] if a total leaves the decimal range.
    pub fn by_funding_and_year(
        &self,
    ) -> Result<Vec<(FundingSource, FinancialYear, Money)>, MoneyError> {
        let mut totals: BTreeMap<(&FundingSource, FinancialYear), Money> = BTreeMap::new();
        for line in &self.lines {
            let slot = totals.entry((&line.funding, line.year)).or_default();
            *slot = slot.checked_add(line.amount).ok_or(MoneyError::Overflow)?;
        }
        Ok(totals
            .into_iter()
            .map(|((funding, year), amount)| (funding.clone(), year, amount))
            .collect())
    }

    /// The lines of `year` as budget lines of the budget model, under
    /// `spend_category` of the area they are added to, so that the budget's
    /// roll-ups (by funding source, scope, term...) include them.
    ///
    /// # Errors
    ///
    /// [`CostError::LineId`] if a line's id, `<item>.<yyyy-yy>` (e.g.
    /// `cit.2021-22`), is not a valid [`Id`] (an item id near the
    /// 64-character limit).
    pub fn budget_lines(
        &self,
        year: FinancialYear,
        spend_category: &Id,
    ) -> Result<Vec<BudgetLine>, CostError> {
        self.lines
            .iter()
            .filter(|l| l.year == year)
            .map(|l| l.to_budget_line(spend_category.clone()))
            .collect()
    }
}

/// One post or team, reduced to what costing needs.
struct Item<'a> {
    id: &'a Id,
    name: &'a str,
    kind: ItemKind,
    funding: &'a FundingSource,
    scope: LineScope,
    tenure: Tenure,
    costing: &'a Costing,
    wte: Wte,
}

impl ImprovementCapacity {
    /// The costs of every post and team by financial year, in whole `unit`s.
    ///
    /// - A fixed tenure is costed over all the years it spans; an
    ///   open-ended one through `horizon` (the last financial year wanted).
    /// - A **total** cost is spread over the years by the months in post in
    ///   each, with the budget model's exact largest-remainder
    ///   [`apportion`]: the parts add up to the total exactly.
    /// - An **annual** cost is the full-time cost for 12 months: the cost of
    ///   the tenure is `annual × WTE × months ÷ 12`, rounded once to `unit`
    ///   half up ([`Rounding::HalfUp`]), then spread the same way.
    /// - A post or team **not costed** is listed in
    ///   [`CostSchedule::not_costed`], never counted as zero.
    ///
    /// ```
    /// use cancer_plan::capacity::{Costing, ImprovementCapacity, ImprovementTeam, Tenure};
    /// use cancer_plan::budget::FundingSource;
    /// use cancer_plan::{Alliance, Icb, Id, Money, MoneyUnit};
    /// let capacity = ImprovementCapacity::builder()
    ///     .title("ICS improvement capacity")
    ///     .alliance(Alliance::new("Wessex").with_icb(Icb::new(Id::new("dorset")?, "NHS Dorset ICB")))
    ///     .team(ImprovementTeam::new(Id::new("cit")?, "Cancer Improvement Team/Academy",
    ///         Tenure::fixed("2021-07".parse()?, 24)?, FundingSource::RapidInvestigationServiceBudget,
    ///         Costing::total(Money::from_pounds(280_000), "board paper estimate")))
    ///     .build()?;
    /// let costs = capacity.costs("2023/24".parse()?, MoneyUnit::Pound)?;
    /// let by_year: Vec<String> = costs.lines().iter().map(|l| format!("{} {}", l.year(), l.amount())).collect();
    /// assert_eq!(by_year, ["2021/22 £105,000", "2022/23 £140,000", "2023/24 £35,000"]);
    /// assert_eq!(costs.total()?, Money::from_pounds(280_000));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// A [`CostError`] naming the post or team whose cost cannot be spread over
    /// its financial years (a tenure outside the supported years, overflow).
    pub fn costs(
        &self,
        horizon: FinancialYear,
        unit: MoneyUnit,
    ) -> Result<CostSchedule, CostError> {
        let posts = self.posts.iter().map(|p| Item {
            id: p.id(),
            name: p.title(),
            kind: ItemKind::Post,
            funding: p.funding(),
            scope: LineScope::Icb(p.host_icb().clone()),
            tenure: p.tenure(),
            costing: p.costing(),
            wte: p.wte(),
        });
        let teams = self.teams.iter().map(|t| Item {
            id: t.id(),
            name: t.name(),
            kind: ItemKind::Team,
            funding: t.funding(),
            scope: LineScope::WholeAlliance,
            tenure: t.tenure(),
            costing: t.costing(),
            wte: Wte::FULL_TIME,
        });
        let mut schedule = CostSchedule {
            lines: Vec::new(),
            not_costed: Vec::new(),
        };
        for item in posts.chain(teams) {
            cost_item(&mut schedule, &item, horizon, unit)?;
        }
        Ok(schedule)
    }
}

fn cost_item(
    schedule: &mut CostSchedule,
    item: &Item<'_>,
    horizon: FinancialYear,
    unit: MoneyUnit,
) -> Result<(), CostError> {
    let fixed = item.tenure.last().is_some();
    let years = item
        .tenure
        .months_by_year(if fixed { None } else { Some(horizon) });
    if years.is_empty() {
        return Ok(());
    }
    let money_err = |source| CostError::Money {
        item: item.id.clone(),
        source,
    };
    let total = match item.costing {
        Costing::NotCosted { reason } => {
            schedule.not_costed.push(NotCosted {
                item: item.id.clone(),
                name: item.name.to_owned(),
                funding: item.funding.clone(),
                months_by_year: years,
                reason: reason.clone(),
            });
            return Ok(());
        }
        Costing::Total { amount, .. } => *amount,
        Costing::Annual { amount, .. } => {
            let months: u32 = years.iter().map(|(_, n)| n).sum();
            let numerator = item
                .wte
                .to_decimal()
                .checked_mul(Decimal::from(months))
                .ok_or_else(|| money_err(MoneyError::Overflow))?;
            amount
                .checked_mul_ratio(numerator, Decimal::from(12), unit, Rounding::HalfUp)
                .map_err(money_err)?
        }
    };
    let weights: Vec<Decimal> = years.iter().map(|(_, n)| Decimal::from(*n)).collect();
    let parts = apportion(total, &weights, unit).map_err(|source| CostError::Apportion {
        item: item.id.clone(),
        source,
    })?;
    let of = u8::try_from(years.len()).unwrap_or(u8::MAX);
    for (n, ((year, months), amount)) in years.into_iter().zip(parts).enumerate() {
        let term = if fixed {
            Term::YearOf {
                year: u8::try_from(n.saturating_add(1)).unwrap_or(u8::MAX),
                of,
            }
        } else {
            Term::Recurrent
        };
        schedule.lines.push(CostLine {
            item: item.id.clone(),
            name: item.name.to_owned(),
            kind: item.kind,
            funding: item.funding.clone(),
            scope: item.scope.clone(),
            year,
            months,
            amount,
            term,
        });
    }
    Ok(())
}

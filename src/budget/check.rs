//! The budget's hard invariants, checked by the plan builder.

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::{BudgetAllocation, BudgetLine, ExitRisk, LineScope, Term, MAX_AMOUNT_POUNDS};
use crate::validate::{Checker, IdRegistry};
use crate::{Alliance, Money, Rule};

impl BudgetAllocation {
    /// Checks the budget's hard invariants (listed on
    /// [`BudgetAllocation::validate`]), recording violations under `path`
    /// (e.g. `budget`). `alliance`, if known, resolves lines' ICB scopes.
    pub(crate) fn check(&self, checker: &mut Checker, path: &str, alliance: Option<&Alliance>) {
        check_amount(checker, || format!("{path}.total"), self.total());
        let mut area_ids = IdRegistry::new();
        let mut line_ids: HashMap<&str, (usize, usize)> = HashMap::new();
        let mut shares = Decimal::ZERO;
        for (a, area) in self.areas().iter().enumerate() {
            let at = format!("{path}.areas[{a}]");
            area_ids.register(checker, area.id(), || format!("{at}.id"));
            checker.not_empty(|| format!("{at}.name"), area.name());
            shares = shares.saturating_add(area.share().points());
            if let Some(guide) = area.guide_spend() {
                check_amount(checker, || format!("{at}.guide_spend"), guide);
            }
            if let Some(budget) = area.budget() {
                check_amount(checker, || format!("{at}.budget"), budget);
            }
            let mut categories = IdRegistry::new();
            for (c, category) in area.spend_categories().iter().enumerate() {
                categories.register(checker, category.id(), || {
                    format!("{at}.spend_categories[{c}].id")
                });
                checker.not_empty(
                    || format!("{at}.spend_categories[{c}].name"),
                    category.name(),
                );
            }
            for (l, line) in area.lines().iter().enumerate() {
                let line_at = || format!("{at}.lines[{l}]");
                if let Some((fa, fl)) = line_ids.insert(line.id().as_str(), (a, l)) {
                    // Keep the first use as the reference point.
                    line_ids.insert(line.id().as_str(), (fa, fl));
                    checker.push(
                        format!("{}.id", line_at()),
                        line.id(),
                        Rule::UniqueId {
                            first: format!("{path}.areas[{fa}].lines[{fl}].id"),
                        },
                    );
                }
                if !categories.contains(line.spend_category().as_str()) {
                    checker.push(
                        format!("{}.spend_category", line_at()),
                        line.spend_category(),
                        Rule::Resolves {
                            target: format!("spend category of area `{}`", area.id()),
                        },
                    );
                }
                check_line(checker, line_at, line, alliance);
            }
        }
        if shares > Decimal::ONE_HUNDRED {
            checker.push(
                format!("{path}.areas"),
                format!("{shares}% in all"),
                Rule::InRange {
                    range: "a sum of shares <= 100%".into(),
                },
            );
        }
    }
}

fn check_line(
    checker: &mut Checker,
    at: impl Fn() -> String,
    line: &BudgetLine,
    alliance: Option<&Alliance>,
) {
    check_amount(checker, || format!("{}.amount", at()), line.amount());
    if let (LineScope::Icb(icb), Some(alliance)) = (line.scope(), alliance) {
        if !alliance.has_icb(icb) {
            checker.push(
                format!("{}.scope.icb", at()),
                icb,
                Rule::Resolves {
                    target: "ICB of the alliance".into(),
                },
            );
        }
    }
    match line.term() {
        Term::YearOf { year, of } if year < 1 || year > of => {
            checker.push(format!("{}.term", at()), line.term(), Rule::YearWithinTerm)
        }
        Term::FixedTermMonths { months: 0 } => checker.push(
            format!("{}.term.months", at()),
            0,
            Rule::InRange {
                range: ">= 1 month".into(),
            },
        ),
        _ => {}
    }
    if let ExitRisk::RedundancyRisk { hosts } = line.exit_risk() {
        checker.not_empty_list(|| format!("{}.exit_risk.hosts", at()), hosts);
        for (h, host) in hosts.iter().enumerate() {
            checker.not_empty(|| format!("{}.exit_risk.hosts[{h}]", at()), host);
        }
    }
}

/// Not negative, at most 2 decimal places, at most the cap.
fn check_amount(checker: &mut Checker, at: impl FnOnce() -> String, amount: Money) {
    let value = amount.to_decimal();
    if amount.is_negative() {
        checker.push(at(), amount, Rule::NonNegative);
    } else if value.normalize().scale() > 2 {
        checker.push(at(), value, Rule::MaxDecimalPlaces { places: 2 });
    } else if value > Decimal::from(MAX_AMOUNT_POUNDS) {
        checker.push(
            at(),
            amount,
            Rule::InRange {
                range: "£0..=£1,000,000,000,000,000".into(),
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::{AllocationArea, SpendCategory};
    use super::*;
    use crate::{Icb, Id, Percent};

    fn id(s: &str) -> Id {
        Id::new(s).unwrap()
    }

    #[test]
    fn reports_every_violation_with_paths() {
        let alliance = Alliance::new("W").with_icb(Icb::new(id("dorset"), "NHS Dorset ICB"));
        let line = |i: &str, cat: &str, pence: i64, term| {
            BudgetLine::new(id(i), id(cat), Money::from_pence(pence), term)
        };
        let budget = BudgetAllocation::new(Money::from_pounds(-1))
            .with_area(
                AllocationArea::new(id("a"), "A", Percent::from_points(60).unwrap())
                    .with_spend_category(SpendCategory::new(id("c"), "C"))
                    .with_budget(Money::from_pounds(-5))
                    .with_line(line("l1", "c", 100, Term::OneOff))
                    .with_line(line("l1", "nope", -1, Term::YearOf { year: 3, of: 2 }))
                    .with_line(
                        line("l3", "c", 1, Term::FixedTermMonths { months: 0 })
                            .with_scope(LineScope::Icb(id("hiow"))),
                    ),
            )
            .with_area(AllocationArea::new(
                id("a"),
                " ",
                Percent::from_points(41).unwrap(),
            ));
        let errors = budget.validate(Some(&alliance)).unwrap_err();
        let paths: Vec<&str> = errors.iter().map(|v| v.path()).collect();
        assert_eq!(
            paths,
            [
                "budget.total",
                "budget.areas[0].budget",
                "budget.areas[0].lines[1].id",
                "budget.areas[0].lines[1].spend_category",
                "budget.areas[0].lines[1].amount",
                "budget.areas[0].lines[1].term",
                "budget.areas[0].lines[2].scope.icb",
                "budget.areas[0].lines[2].term.months",
                "budget.areas[1].id",
                "budget.areas[1].name",
                "budget.areas",
            ]
        );
        assert_eq!(
            errors
                .at("budget.areas[0].lines[1].id")
                .map(|v| v.rule().clone()),
            Some(Rule::UniqueId {
                first: "budget.areas[0].lines[0].id".into()
            })
        );
    }
}

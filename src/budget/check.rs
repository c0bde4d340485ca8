//! The budget's hard invariants, checked by the plan builder.

use std::collections::{HashMap, HashSet};

use rust_decimal::Decimal;

use super::{BudgetAllocation, BudgetLine, ExitRisk, LineScope, Term, MAX_AMOUNT_POUNDS};
use crate::validate::FieldPath;
use crate::validate::{Bound, Checker, IdRegistry};
use crate::{money::Money, org::Alliance, validate::Rule};

impl BudgetAllocation {
    /// Checks the budget's hard invariants (listed on
    /// [`BudgetAllocation::validate`]), recording violations under `path`
    /// (e.g. `budget`). `alliance`, if known, resolves lines' ICB scopes.
    pub(crate) fn check(
        &self,
        checker: &mut Checker,
        path: &FieldPath,
        alliance: Option<&Alliance>,
    ) {
        check_amount(checker, || path.field("total"), self.total());
        let mut area_ids = IdRegistry::new();
        let duplicates = self.duplicate_line_ids();
        for (a, area) in self.areas().iter().enumerate() {
            let at = path.field("areas").index(a);
            area_ids.register(checker, area.id(), || at.field("id"));
            checker.not_empty(|| at.field("name"), area.name());
            if let Some(guide) = area.guide_spend() {
                check_amount(checker, || at.field("guide_spend"), guide);
            }
            if let Some(budget) = area.budget() {
                check_amount(checker, || at.field("budget"), budget);
            }
            let mut categories = IdRegistry::new();
            for (c, category) in area.spend_categories().iter().enumerate() {
                categories.register(checker, category.id(), || {
                    at.field("spend_categories").index(c).field("id")
                });
                checker.not_empty(
                    || at.field("spend_categories").index(c).field("name"),
                    category.name(),
                );
            }
            for (l, line) in area.lines().iter().enumerate() {
                let line_at = || at.field("lines").index(l);
                if let Some((fa, fl)) = duplicates.get(&(a, l)) {
                    checker.push(
                        line_at().field("id"),
                        line.id(),
                        Rule::UniqueId {
                            first: path
                                .field("areas")
                                .index(*fa)
                                .field("lines")
                                .index(*fl)
                                .field("id"),
                        },
                    );
                }
                let category = line.spend_category();
                if !area.spend_categories().iter().any(|c| c.id() == category) {
                    checker.push(
                        line_at().field("spend_category"),
                        line.spend_category(),
                        Rule::Resolves {
                            target: format!("spend category of area `{}`", area.id()),
                        },
                    );
                }
                check_line(checker, line_at, line, alliance);
            }
        }
        let shares = self.shares_total();
        if shares.is_none_or(|sum| sum > Decimal::ONE_HUNDRED) {
            checker.push(
                path.field("areas"),
                shares.map_or("more than can be counted".to_owned(), |sum| {
                    format!("{sum}% in all")
                }),
                Rule::SumAtMost {
                    of: "the areas' shares".into(),
                    max: "100%".into(),
                },
            );
        }
    }
}

fn check_line(
    checker: &mut Checker,
    at: impl Fn() -> FieldPath,
    line: &BudgetLine,
    alliance: Option<&Alliance>,
) {
    check_amount(checker, || at().field("amount"), line.amount());
    if let (LineScope::Icb(icb), Some(alliance)) = (line.scope(), alliance) {
        alliance.check_icb(checker, || at().field("scope").field("icb"), icb);
    }
    match line.term() {
        Term::YearOf { year, of } if year < 1 || year > of => {
            checker.push(at().field("term"), line.term(), Rule::YearWithinTerm)
        }
        Term::FixedTermMonths { months: 0 } => checker.push(
            at().field("term").field("months"),
            0,
            Rule::InRange {
                min: Some(Bound::inclusive("1 month")),
                max: None,
            },
        ),
        _ => {}
    }
    if let ExitRisk::RedundancyRisk { hosts } = line.exit_risk() {
        for (h, host) in hosts.as_slice().iter().enumerate() {
            checker.not_empty(|| at().field("exit_risk").field("hosts").index(h), host);
        }
    }
}

impl BudgetAllocation {
    /// The positions `(area, line)` of lines whose id was used before, each
    /// with the position of its first use.
    ///
    /// Lines can number in the millions, so this avoids a hash table of every
    /// id: it sorts the ids' 64-bit FNV-1a hashes, and only the lines whose
    /// hash occurs twice (true duplicates, or, rarely, hash collisions) are
    /// compared exactly, in plan order.
    fn duplicate_line_ids(&self) -> HashMap<(usize, usize), (usize, usize)> {
        let hashes: Vec<u64> = self.lines().map(|(_, l)| fnv1a(l.id().as_str())).collect();
        let repeated = repeated_hashes(hashes);
        let mut duplicates = HashMap::new();
        if repeated.is_empty() {
            return duplicates;
        }
        let mut first: HashMap<&str, (usize, usize)> = HashMap::new();
        for (a, area) in self.areas().iter().enumerate() {
            for (l, line) in area.lines().iter().enumerate() {
                let id = line.id().as_str();
                if repeated.contains(&fnv1a(id)) {
                    match first.get(id) {
                        Some(at) => {
                            duplicates.insert((a, l), *at);
                        }
                        None => {
                            first.insert(id, (a, l));
                        }
                    }
                }
            }
        }
        duplicates
    }
}

/// The hashes that occur more than once. Large inputs are first scattered
/// into 1,024 buckets by their top bits, so that each bucket sorts in cache.
// Bounded: bucket indexes are below the bucket count, and every count and running sum is at most `hashes.len()`.
#[allow(clippy::arithmetic_side_effects)]
fn repeated_hashes(mut hashes: Vec<u64>) -> HashSet<u64> {
    const SHIFT: u32 = 54;
    const BUCKETS: usize = 1 << (64 - SHIFT);
    let bucket = |h: u64| (h >> SHIFT) as usize;
    if hashes.len() >= 1 << 14 {
        let mut starts = vec![0usize; BUCKETS + 1];
        for h in &hashes {
            if let Some(count) = starts.get_mut(bucket(*h) + 1) {
                *count += 1;
            }
        }
        let mut running = 0;
        for start in &mut starts {
            running += *start;
            *start = running;
        }
        let mut next = starts.clone();
        let mut scattered = vec![0u64; hashes.len()];
        for h in &hashes {
            if let Some(pos) = next.get_mut(bucket(*h)) {
                if let Some(slot) = scattered.get_mut(*pos) {
                    *slot = *h;
                }
                *pos += 1;
            }
        }
        for (start, end) in starts.iter().zip(starts.iter().skip(1)) {
            if let Some(part) = scattered.get_mut(*start..*end) {
                part.sort_unstable();
            }
        }
        hashes = scattered;
    } else {
        hashes.sort_unstable();
    }
    hashes
        .iter()
        .zip(hashes.iter().skip(1))
        .filter(|(x, y)| x == y)
        .map(|(x, _)| *x)
        .collect()
}

/// The 64-bit FNV-1a hash of `text`.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Not negative, at most 2 decimal places, at most the cap.
fn check_amount(checker: &mut Checker, at: impl FnOnce() -> FieldPath, amount: Money) {
    // At most 2 decimal places needs no check here: a `Money` cannot hold
    // more (parsing and `Money::new` refuse fractions of a penny).
    let value = amount.to_decimal();
    if amount.is_negative() {
        checker.push(at(), amount, Rule::NonNegative);
    } else if value > Decimal::from(MAX_AMOUNT_POUNDS) {
        checker.push(at(), amount, Rule::between("£0", "£1,000,000,000,000,000"));
    }
}

#[cfg(test)]
mod tests {
    use super::super::{AllocationArea, SpendCategory};
    use super::*;

    #[test]
    fn repeated_hashes_small_and_large() {
        assert_eq!(repeated_hashes(vec![5, 1, 5, 3, 1]), HashSet::from([1, 5]));
        let mut many: Vec<u64> = (0..100_000u64)
            .map(|i| i.wrapping_mul(0x9E37_79B9_7F4A_7C15))
            .collect();
        assert!(repeated_hashes(many.clone()).is_empty());
        many.push(many[77]);
        many.push(many[99_999]);
        assert_eq!(
            repeated_hashes(many.clone()),
            HashSet::from([many[77], many[99_999]])
        );
    }
    use crate::{id::Id, org::Icb, percent::Percent};

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
        let paths: Vec<String> = errors.iter().map(|v| v.path().to_string()).collect();
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
                first: "budget.areas[0].lines[0].id".parse().unwrap()
            })
        );
    }
}

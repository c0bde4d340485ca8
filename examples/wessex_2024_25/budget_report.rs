//! Prints the Wessex 2024/25 budget: every area and line, the roll-ups, the
//! variance against the guide spends, the commitments running into 2025/26
//! and the reconciliation (every discrepancy in the seed, rounding or real).

use std::fmt::Write as _;

use cancer_plan::budget::{CommitmentEnd, Dimension, FindingKind, FindingStatus, Tolerance};
use cancer_plan::{CancerPlan, Money, MoneyUnit};
use rust_decimal::Decimal;

/// The budget report, or a note that the plan has no budget.
pub fn render(plan: &CancerPlan) -> String {
    let mut out = String::new();
    let Some(budget) = plan.budget() else {
        return "\nThe plan has no budget.\n".to_owned();
    };
    let year = plan.financial_year();
    let _ = writeln!(out, "\nBudget {year}: total envelope {}", budget.total());
    for area in budget.areas() {
        let _ = writeln!(
            out,
            "\n  {} ({}): guide spend {}, budget {}",
            area.name(),
            area.share().display(0),
            or_dash(area.guide_spend()),
            or_dash(area.budget()),
        );
        for line in area.lines() {
            let _ = writeln!(
                out,
                "    {:>12}  {:<28} {} [{}; {}; {}; {}]",
                line.amount(),
                line.id(),
                line.wca_resource()
                    .unwrap_or("(no resource named in the seed)"),
                line.funding_source(),
                line.scope(),
                line.term(),
                line.exit_risk(),
            );
        }
        if let Ok(total) = area.lines_total() {
            let _ = writeln!(out, "    {:>12}  lines total", total);
        }
    }
    if let Some(t) = budget.targeted_funding() {
        let _ = writeln!(
            out,
            "\n  Targeted funding outside the split (cost n/a): {}",
            t.programmes().join(", ")
        );
    }

    for dimension in Dimension::all(year) {
        match budget.roll_up(dimension) {
            Ok(rollup) => {
                let _ = writeln!(out, "\nLines by {dimension}:");
                for g in rollup.groups() {
                    let _ = writeln!(
                        out,
                        "  {:>12}  {:>2} lines  {}",
                        g.total(),
                        g.lines(),
                        g.label()
                    );
                }
                let _ = writeln!(
                    out,
                    "  {:>12}  {:>2} lines  total",
                    rollup.total(),
                    rollup.lines()
                );
            }
            Err(e) => {
                let _ = writeln!(out, "\nLines by {dimension}: {e}");
            }
        }
    }

    if let Ok(report) = budget.variance() {
        let _ = writeln!(
            out,
            "\nBudget vs guide spend:\n  {:<26} {:>12} {:>12} {:>12} {:>8}",
            "", "budget", "guide", "difference", "% guide"
        );
        for row in report.rows().iter().chain([report.total()]) {
            let pct = row
                .percent_of_guide()
                .map_or("-".to_owned(), |p| format!("{p}%"));
            let _ = writeln!(
                out,
                "  {:<26} {:>12} {:>12} {:>12} {:>8}",
                row.name(),
                row.actual(),
                or_dash(row.guide()),
                or_dash(row.difference()),
                pct
            );
        }
    }

    if let Ok(guides) = budget.guide_spends_from_shares(MoneyUnit::Pound) {
        let _ = writeln!(
            out,
            "\nGuide spends the printed shares give (largest remainder, to the pound):"
        );
        for (area, guide) in budget.areas().iter().zip(guides) {
            let _ = writeln!(
                out,
                "  {:<26} {:>12}  (seed: {})",
                area.name(),
                guide,
                or_dash(area.guide_spend())
            );
        }
    }

    let continuing = budget.continuing_commitments(year);
    let _ = writeln!(out, "\nCommitments continuing after {year}:");
    for c in &continuing {
        // A recurrent line has no end to add to its term.
        let ends = match c.ends() {
            CommitmentEnd::Recurrent => String::new(),
            end => format!(", {end}"),
        };
        let _ = writeln!(
            out,
            "  {:>12}  {}: {} ({}{ends})",
            c.line().amount(),
            c.line().id().as_str(),
            c.line().wca_resource().unwrap_or("(no resource named)"),
            c.line().term(),
        );
    }

    let tolerance = Tolerance::PRINTED_TABLES;
    let rec = plan
        .budget()
        .expect("the plan has a budget")
        .reconcile(tolerance);
    let _ = writeln!(out, "\nReconciliation (tolerance: {tolerance}):");
    for f in rec.findings() {
        let tag = match f.status() {
            FindingStatus::WithinTolerance => "rounding",
            FindingStatus::RealGap => "REAL GAP",
        };
        let _ = writeln!(out, "  [{tag}] {f}");
    }
    let gaps = rec.real_gaps().count();
    let _ = writeln!(
        out,
        "  {} findings, {gaps} beyond tolerance",
        rec.findings().len()
    );
    // The seed states no total: the envelope here is the sum of the guide
    // spends, so the budgets-vs-total gap restates the budget-vs-guide gaps.
    let sum_of = |kind| -> Decimal {
        rec.findings()
            .iter()
            .filter(|f| f.kind() == kind)
            .map(|f| f.difference())
            .sum()
    };
    let per_area = sum_of(FindingKind::BudgetVsGuideSpend);
    let overall = sum_of(FindingKind::BudgetsVsTotal);
    if !overall.is_zero() && overall == per_area {
        let _ = writeln!(
            out,
            "  note: the seed gives no total; it is taken as the sum of the guide spends, so the \
             budgets-vs-total gap ({}) is the sum of the four budget-vs-guide gaps, not a \
             further shortfall: {} independent real gaps",
            Money::new(overall).map_or_else(|_| overall.to_string(), |m| m.to_string()),
            gaps.saturating_sub(1)
        );
    }
    out
}

/// An amount, or `-` where the table leaves it blank.
fn or_dash(amount: Option<Money>) -> String {
    amount.map_or("-".to_owned(), |m| m.to_string())
}

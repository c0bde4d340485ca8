//! A plain-text summary of a plan: the alliance and table 1 (the budget is
//! printed by `budget_report`).

use std::fmt::Write as _;

use cancer_plan::{AskKind, CancerPlan, IcbScope};

/// The plan as a report: one section per statutory responsibility.
pub fn render(plan: &CancerPlan) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail; the results are ignored deliberately.
    let year = plan.financial_year();
    let _ = writeln!(out, "{} ({})", plan.title(), plan.status());
    let _ = writeln!(
        out,
        "{}, financial year {year} ({} to {}), on behalf of:",
        plan.alliance().name(),
        year.first_day(),
        year.last_day()
    );
    for icb in plan.alliance().icbs() {
        let code = icb
            .ods_code()
            .map(|c| format!(" ({c})"))
            .unwrap_or_default();
        let _ = writeln!(out, "  - {}{code}", icb.name());
    }
    let _ = writeln!(out, "Trusts in its pathways:");
    for trust in plan.alliance().providers() {
        let icb = trust
            .icb()
            .and_then(|id| plan.alliance().icb(id.as_str()))
            .map_or("outside the alliance's ICBs", |icb| icb.name());
        let _ = writeln!(out, "  - {} {} [{icb}]", trust.ods_code(), trust.name());
    }

    for (n, r) in plan.responsibilities().iter().enumerate() {
        let _ = writeln!(out, "\n{}. {}", n + 1, r.wording());
        let _ = writeln!(out, "   Key delivery asks:");
        for ask in r.delivery_asks() {
            let _ = writeln!(out, "   - {} [{}]", ask.wording(), ask.id());
            let _ = writeln!(out, "       {}", describe(ask.kind()));
        }
        let _ = writeln!(out, "   Interventions:");
        for i in r.interventions() {
            let sites: Vec<&str> = i.tumour_sites().iter().map(|s| s.name()).collect();
            let sites = if sites.is_empty() {
                String::new()
            } else {
                format!("; sites: {}", sites.join(", "))
            };
            let serves: Vec<&str> = i.serves().iter().map(|a| a.as_str()).collect();
            let _ = writeln!(out, "   - {}", i.name());
            let _ = writeln!(
                out,
                "       programme: {}{sites}; serves: {}",
                i.programme(),
                serves.join(", ")
            );
        }
        let _ = writeln!(out, "   Actions for ICBs:");
        for a in r.icb_actions() {
            let who = match a.icbs() {
                IcbScope::AllIcbs => String::new(),
                only => format!(" ({only} only)"),
            };
            let _ = writeln!(out, "   - {}{who}", a.wording());
        }
    }

    out
}

/// One line on what an ask asks for, typed.
fn describe(kind: &AskKind) -> String {
    match kind {
        AskKind::PerformanceTarget(t) => format!("performance target: {t}"),
        AskKind::StageShift { populations } => {
            let who: Vec<String> = populations.iter().map(|p| p.to_string()).collect();
            format!("stage-of-diagnosis shift for: {}", who.join("; "))
        }
        AskKind::EquitableCapacity { service } => format!("equitable capacity for {service}"),
        AskKind::Programme { programme, focus } if focus.is_empty() => {
            format!("programme: {programme}")
        }
        AskKind::Programme { programme, focus } => {
            format!("programme: {programme} (focus: {})", focus.join(", "))
        }
        other => other.label().to_owned(),
    }
}

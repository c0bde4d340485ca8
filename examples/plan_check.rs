//! Checks a plan in the crate's JSON format: validates it, reconciles its
//! budget and prints the roll-ups by area and by funding source.
//!
//! ```text
//! cargo run --example plan_check -- PLAN.json [--json] [--tolerance exact|display|pence|AMOUNT]
//! ```
//!
//! Exit codes: 0 the plan is valid and every finding is within tolerance;
//! 1 the plan is valid but some finding is a real gap; 2 the input could not
//! be read, is not a plan, or breaks the plan's invariants. Input that cannot
//! be read or is not a plan gives one clear line on stderr; a plan that breaks
//! invariants gets every violation listed, one per line, on stdout (with
//! `--json`, each case is one JSON object on stdout). Never a panic.
//!
//! The tolerance defaults to `display`: figures to the pound and shares to
//! whole percents, as the 2024/25 tables print them. `pence` is display
//! precision to the penny; an amount such as `£5` is an absolute tolerance.

use std::io::Write;
use std::process::ExitCode;

use cancer_plan::budget::{Dimension, Reconciliation, RollUp, Tolerance};
use cancer_plan::json::PlanReadError;
use cancer_plan::{reconcile, CancerPlan, Money, MoneyUnit, ValidationErrors};
use serde::Serialize;

const USAGE: &str = "usage: plan_check PLAN.json [--json] [--tolerance exact|display|pence|AMOUNT]";

struct Args {
    path: String,
    json: bool,
    tolerance: Tolerance,
}

fn parse_args() -> Result<Args, String> {
    let mut path = None;
    let mut json = false;
    let mut tolerance = Tolerance::PRINTED_TABLES;
    // `args_os`: an argument that is not UTF-8 is a usage error, not a panic.
    let mut args = std::env::args_os().skip(1).map(|arg| {
        arg.into_string()
            .map_err(|raw| format!("argument `{}` is not UTF-8", raw.to_string_lossy()))
    });
    while let Some(arg) = args.next() {
        let arg = arg?;
        match arg.as_str() {
            "--json" => json = true,
            "--tolerance" => {
                let value = args.next().ok_or("--tolerance needs a value")??;
                tolerance = parse_tolerance(&value)?;
            }
            "-h" | "--help" => return Err(USAGE.to_owned()),
            flag if flag.starts_with("--") => return Err(format!("unknown option `{flag}`")),
            _ if path.is_some() => return Err(format!("unexpected argument `{arg}`")),
            _ => path = Some(arg),
        }
    }
    let path = path.ok_or("no plan file given")?;
    Ok(Args {
        path,
        json,
        tolerance,
    })
}

fn parse_tolerance(text: &str) -> Result<Tolerance, String> {
    match text {
        "exact" => Ok(Tolerance::Exact),
        "display" => Ok(Tolerance::PRINTED_TABLES),
        "pence" => Ok(Tolerance::DisplayPrecision {
            unit: MoneyUnit::Penny,
            share_places: 2,
        }),
        amount => match amount.parse::<Money>() {
            Ok(m) if !m.is_negative() => Ok(Tolerance::Absolute { amount: m }),
            _ => Err(format!(
                "`{text}` is not a tolerance (exact, display, pence or an amount such as £5)"
            )),
        },
    }
}

/// The `--json` output. `status` is `ok`, `gaps`, `invalid` or `error`.
#[derive(Serialize)]
struct Report<'a> {
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    violations: Option<&'a ValidationErrors>,
    #[serde(skip_serializing_if = "Option::is_none")]
    plan: Option<PlanSummary<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reconciliation: Option<&'a Reconciliation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    roll_ups: Vec<RollUp>,
}

#[derive(Serialize)]
struct PlanSummary<'a> {
    title: &'a str,
    financial_year: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    total: Option<Money>,
}

impl Report<'_> {
    fn error(message: String) -> Report<'static> {
        Report {
            status: "error",
            error: Some(message),
            violations: None,
            plan: None,
            reconciliation: None,
            roll_ups: Vec::new(),
        }
    }
}

fn emit(json: bool, report: &Report<'_>, text: impl FnOnce() -> String) {
    let out = if json {
        match serde_json::to_string_pretty(report) {
            Ok(s) => s + "\n",
            Err(e) => format!("{{\"status\":\"error\",\"error\":\"{e}\"}}\n"),
        }
    } else {
        text()
    };
    // A closed pipe is not worth a panic.
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
}

fn fail(json: bool, message: String) -> ExitCode {
    if json {
        emit(true, &Report::error(message), String::new);
    } else {
        let _ = writeln!(std::io::stderr().lock(), "plan_check: {message}");
    }
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(e) => {
            let json = std::env::args_os().any(|a| a == "--json");
            return fail(json, format!("{e} ({USAGE})"));
        }
    };
    let text = match std::fs::read_to_string(&args.path) {
        Ok(text) => text,
        Err(e) => return fail(args.json, format!("cannot read `{}`: {e}", args.path)),
    };
    let plan = match cancer_plan::json::from_str(&text) {
        Ok(plan) => plan,
        Err(PlanReadError::Invalid(errors)) => {
            let report = Report {
                status: "invalid",
                violations: Some(&errors),
                ..Report::error(format!("`{}` breaks the plan's invariants", args.path))
            };
            emit(args.json, &report, || format!("{}: {errors}\n", args.path));
            return ExitCode::from(2);
        }
        Err(e) => {
            return fail(
                args.json,
                format!(
                    "`{}` is not a plan: {}",
                    args.path,
                    one_line(&e.to_string())
                ),
            )
        }
    };
    check(&plan, &args)
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn check(plan: &CancerPlan, args: &Args) -> ExitCode {
    let rec = reconcile(plan, args.tolerance);
    let mut roll_ups = Vec::new();
    if let Some(budget) = plan.budget() {
        for dimension in [Dimension::Area, Dimension::FundingSource] {
            match budget.roll_up(dimension) {
                Ok(r) => roll_ups.push(r),
                Err(e) => return fail(args.json, format!("roll-up by {dimension}: {e}")),
            }
        }
    }
    let status = if rec.is_clean() { "ok" } else { "gaps" };
    let report = Report {
        status,
        error: None,
        violations: None,
        plan: Some(PlanSummary {
            title: plan.title(),
            financial_year: plan.financial_year().to_string(),
            total: plan.budget().map(|b| b.total()),
        }),
        reconciliation: Some(&rec),
        roll_ups,
    };
    emit(args.json, &report, || render(plan, &report, &rec));
    if rec.is_clean() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn render(plan: &CancerPlan, report: &Report<'_>, rec: &Reconciliation) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let _ = writeln!(out, "{} ({})", plan.title(), plan.financial_year());
    if plan.budget().is_none() {
        let _ = writeln!(out, "no budget: nothing to reconcile");
        return out;
    }
    let _ = writeln!(out, "\nreconciliation (tolerance: {}):", rec.tolerance());
    for f in rec.findings() {
        let _ = writeln!(out, "  {f}");
    }
    let gaps = rec.real_gaps().count();
    let _ = writeln!(
        out,
        "  {} findings, {gaps} beyond tolerance",
        rec.findings().len()
    );
    for r in &report.roll_ups {
        let _ = writeln!(out, "\nby {}:", r.dimension());
        for g in r.groups() {
            let _ = writeln!(
                out,
                "  {:>14}  {:>4} lines  {}",
                g.total().to_string(),
                g.lines(),
                g.label()
            );
        }
        let _ = writeln!(
            out,
            "  {:>14}  {:>4} lines  total",
            r.total().to_string(),
            r.lines()
        );
    }
    out
}

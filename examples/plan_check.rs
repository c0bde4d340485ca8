//! Checks a plan in the crate's JSON format: validates it, reconciles its
//! budget and prints the roll-ups by area and by funding source.
//!
//! ```text
//! cargo run --example plan_check -- examples/data/wessex-2024-25.json
//! cargo run --example plan_check -- examples/data/wessex-2024-25.json --json
//! cargo run --example plan_check -- examples/data/wessex-2024-25.json --tolerance exact
//! cargo run --example plan_check -- examples/data/wessex-2021-improvement-capacity.json
//! ```
//!
//! Options: `--json` (one JSON object on stdout), `--tolerance` followed by
//! `exact`, `display` (the default), `pence` or an amount such as `£5`.
//! Any plan-format document is checked whole: its responsibilities, budget,
//! local targets, monthly trajectories, improvement capacity and RDC
//! assessments.
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
use cancer_plan::{CancerPlan, Money, MoneyUnit, ValidationErrors};
use serde::Serialize;

const USAGE: &str = "usage: plan_check PLAN.json [--json] [--tolerance exact|display|pence|AMOUNT]";

struct Args {
    path: String,
    json: bool,
    tolerance: Tolerance,
}

fn parse_args(args: &[std::ffi::OsString]) -> Result<Args, String> {
    let mut path = None;
    let mut json = false;
    let mut tolerance = Tolerance::PRINTED_TABLES;
    // `OsString`: an argument that is not UTF-8 is a usage error, not a panic.
    let mut args = args.iter().cloned().map(|arg| {
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
    sections: Sections,
}

/// How many entries each part of the document has (every part checked).
#[derive(Serialize)]
struct Sections {
    responsibilities: usize,
    budget_lines: usize,
    local_targets: usize,
    trajectories: usize,
    improvement_capacity_posts: usize,
    rdc_assessments: usize,
}

impl Sections {
    fn of(plan: &CancerPlan) -> Sections {
        Sections {
            responsibilities: plan.responsibilities().len(),
            budget_lines: plan.budget().map_or(0, |b| b.lines().count()),
            local_targets: plan.local_targets().len(),
            trajectories: plan.trajectories().len(),
            improvement_capacity_posts: plan.improvement_capacity().map_or(0, |c| c.posts().len()),
            rdc_assessments: plan.rdc_assessments().len(),
        }
    }
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

/// Where the output goes: stdout and stderr, or buffers in a test.
pub struct Out<'a> {
    /// Standard output.
    pub out: &'a mut dyn Write,
    /// Standard error.
    pub err: &'a mut dyn Write,
}

fn emit(io: &mut Out<'_>, json: bool, report: &Report<'_>, text: impl FnOnce() -> String) {
    let out = if json {
        match serde_json::to_string_pretty(report) {
            Ok(s) => s + "\n",
            Err(e) => format!("{{\"status\":\"error\",\"error\":\"{e}\"}}\n"),
        }
    } else {
        text()
    };
    // A closed pipe is not worth a panic.
    let _ = io.out.write_all(out.as_bytes());
}

fn fail(io: &mut Out<'_>, json: bool, message: String) -> u8 {
    if json {
        emit(io, true, &Report::error(message), String::new);
    } else {
        let _ = writeln!(io.err, "plan_check: {message}");
    }
    2
}

/// The exit status is the answer (0 valid and reconciled, 1 valid with
/// findings, 2 not a valid plan or a usage mistake, each reported on the
/// output, as JSON with `--json`); an error of the crate's own (the report
/// cannot be written) ends the program with its sentence.
fn main() -> Result<ExitCode, cancer_plan::Error> {
    let args: Vec<_> = std::env::args_os().skip(1).collect();
    let (mut out, mut err) = (std::io::stdout().lock(), std::io::stderr().lock());
    let code = run(
        &args,
        &mut Out {
            out: &mut out,
            err: &mut err,
        },
    );
    out.flush()?;
    err.flush()?;
    Ok(ExitCode::from(code))
}

/// Runs `plan_check` with `args` (without the program name); returns the
/// exit code.
pub fn run(args: &[std::ffi::OsString], io: &mut Out<'_>) -> u8 {
    let args = match parse_args(args) {
        Ok(parsed) => parsed,
        Err(e) => {
            let json = args.iter().any(|a| a == "--json");
            return fail(io, json, format!("{e} ({USAGE})"));
        }
    };
    let text = match std::fs::read_to_string(&args.path) {
        Ok(text) => text,
        Err(e) => return fail(io, args.json, format!("cannot read `{}`: {e}", args.path)),
    };
    let plan = match cancer_plan::json::from_str(&text) {
        Ok(plan) => plan,
        Err(PlanReadError::Invalid(errors)) => {
            let report = Report {
                status: "invalid",
                violations: Some(&errors),
                ..Report::error(format!("`{}` is not a valid plan document", args.path))
            };
            emit(io, args.json, &report, || {
                format!("{}: {errors}\n", args.path)
            });
            return 2;
        }
        Err(e) => {
            // A syntax error: serde_json's message (the source) has the line
            // and column.
            let cause = std::error::Error::source(&e).map(|s| s.to_string());
            return fail(
                io,
                args.json,
                format!(
                    "`{}` is not a plan: {}{}",
                    args.path,
                    e,
                    cause
                        .map(|c| format!(": {}", one_line(&c)))
                        .unwrap_or_default()
                ),
            );
        }
    };
    check(&plan, &args, io)
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn check(plan: &CancerPlan, args: &Args, io: &mut Out<'_>) -> u8 {
    let rec = plan.budget().map_or_else(
        || Reconciliation::empty(args.tolerance),
        |budget| budget.reconcile(args.tolerance),
    );
    let mut roll_ups = Vec::new();
    if let Some(budget) = plan.budget() {
        for dimension in [Dimension::Area, Dimension::FundingSource] {
            match budget.roll_up(dimension) {
                Ok(r) => roll_ups.push(r),
                Err(e) => return fail(io, args.json, format!("roll-up by {dimension}: {e}")),
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
            sections: Sections::of(plan),
        }),
        reconciliation: Some(&rec),
        roll_ups,
    };
    emit(io, args.json, &report, || render(plan, &report, &rec));
    if rec.is_clean() {
        0
    } else {
        1
    }
}

fn render(plan: &CancerPlan, report: &Report<'_>, rec: &Reconciliation) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let _ = writeln!(out, "{} ({})", plan.title(), plan.financial_year());
    if let Some(s) = &report.plan.as_ref().map(|p| &p.sections) {
        let _ = writeln!(
            out,
            "valid: {} responsibilities, {} budget lines, {} local targets, {} trajectories, \
             {} improvement capacity posts, {} RDC assessments",
            s.responsibilities,
            s.budget_lines,
            s.local_targets,
            s.trajectories,
            s.improvement_capacity_posts,
            s.rdc_assessments
        );
    }
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

//! Data gathering: from the plan and the CWT tables to the view model
//! ([`Report`]). Rendering (`page`) reads only the view model.
//!
//! The figures come from the crate's existing API: provider performance
//! tables rolled up by the plan's membership, `SpcChart` per series, the
//! national target schedule, the plan's asks, local targets and
//! trajectories, `Performance::wilson`, `reconcile` and the compliance
//! matrix.

use std::collections::BTreeMap;
use std::error::Error;

use cancer_plan::budget::FindingStatus;
use cancer_plan::cwt::extract::AnyExtract;
use cancer_plan::cwt::{national_targets, ConfidenceLevel, Performance, PerformanceTable};
use cancer_plan::rdc::ComplianceLevel;
use cancer_plan::spc::svg::{
    assurance_icon_svg, chart_svg, variation_icon_svg, ChartStyle, TargetKind, TargetLine,
};
use cancer_plan::spc::{ImprovementDirection, Series, SpcChart, SpcOptions};
use cancer_plan::standard::TargetBasis;
use cancer_plan::{
    CancerPlan, CwtStandard, OdsCode, Percent, RdcPrinciple, Tolerance, TumourSite, YearMonth,
};
use rust_decimal::prelude::ToPrimitive;

use crate::funnel;
use crate::model::*;

/// One input file, read.
pub struct Input {
    pub file: String,
    pub extract: AnyExtract,
}

/// An organisation shown: its level, name, code and the table and key it
/// reads.
struct Org {
    level: Level,
    name: String,
    code: String,
    icb: String,
}

/// The performance tables by level (provider basis).
struct Tables {
    trusts: PerformanceTable<OdsCode>,
    icbs: PerformanceTable<String>,
    alliance: PerformanceTable<()>,
}

pub fn gather(
    plan: &CancerPlan,
    inputs: &[Input],
    period: YearMonth,
) -> Result<Report, Box<dyn Error>> {
    let alliance = plan.alliance();
    // Trust -> its ICB's id, for the trusts the plan places in an alliance ICB.
    let membership: BTreeMap<OdsCode, String> = alliance
        .providers()
        .iter()
        .filter_map(|p| {
            let icb = p.icb().and_then(|id| alliance.icb(id.as_str()))?;
            Some((p.ods_code().clone(), icb.id().as_str().to_owned()))
        })
        .collect();

    let mut sources = Vec::new();
    let mut trusts: PerformanceTable<OdsCode> = PerformanceTable::new();
    let mut codes_seen = std::collections::BTreeSet::new();
    for input in inputs {
        let table = input.extract.by_code()?;
        let months: Vec<YearMonth> = table.periods().map(|(m, _)| m).collect();
        let span = match (months.iter().min(), months.iter().max()) {
            (Some(a), Some(b)) => format!("{a} to {b}"),
            _ => "no months".into(),
        };
        let covers = months.contains(&period);
        let (basis, used_for) = match &input.extract {
            AnyExtract::Provider(_) => {
                codes_seen.extend(table.iter().map(|(_, _, c, _)| c.clone()));
                trusts.merge(table)?;
                (
                    "provider (by treating trust)",
                    "every figure and chart in this report",
                )
            }
            _ if covers => (
                "commissioner (by the patient's sub-ICB location)",
                "listed only: this report shows the provider basis throughout",
            ),
            _ => (
                "commissioner (by the patient's sub-ICB location)",
                "not used: it does not cover the report's period",
            ),
        };
        sources.push(Source {
            file: input.file.clone(),
            layout: input.extract.layout().to_string(),
            basis: basis.into(),
            months: span,
            rows_read: input.extract.rows_read(),
            bad_rows: input.extract.bad_rows().len(),
            used_for: used_for.into(),
        });
    }
    if trusts.is_empty() {
        return Err("no provider extract given: the report needs the CWT provider extract".into());
    }
    let (icbs, _) = trusts.regroup(|code| membership.get(code).cloned())?;
    let (alliance_table, _) = trusts.regroup(|code| membership.contains_key(code).then_some(()))?;
    let tables = Tables {
        trusts,
        icbs,
        alliance: alliance_table,
    };

    let mut orgs = vec![Org {
        level: Level::Alliance,
        name: alliance.name().to_owned(),
        code: "alliance".into(),
        icb: String::new(),
    }];
    for icb in alliance.icbs() {
        orgs.push(Org {
            level: Level::Icb,
            name: icb.name().to_owned(),
            code: icb.id().as_str().to_owned(),
            icb: icb.name().to_owned(),
        });
    }
    for icb in alliance.icbs() {
        for p in alliance.providers() {
            if p.icb().map(|i| i.as_str()) == Some(icb.id().as_str()) {
                orgs.push(Org {
                    level: Level::Trust,
                    name: p.name().to_owned(),
                    code: p.ods_code().as_str().to_owned(),
                    icb: icb.name().to_owned(),
                });
            }
        }
    }
    let outside: Vec<OutsideOrg> = alliance
        .providers()
        .iter()
        .filter(|p| !membership.contains_key(p.ods_code()))
        .map(|p| OutsideOrg {
            code: p.ods_code().as_str().to_owned(),
            name: p.name().to_owned(),
            why: format!(
                "in the plan's provider list, but its ICB is not one of {}'s: shown in each provider breakdown, not counted in the alliance or ICB figures{}",
                alliance.name(),
                if codes_seen.contains(p.ods_code()) { "" } else { " (not in the data)" }
            ),
        })
        .collect();

    let mut summary = Vec::new();
    let mut standards = Vec::new();
    let mut headlines = Vec::new();
    for standard in CwtStandard::ALL {
        let section = standard_section(
            plan,
            &tables,
            &orgs,
            &outside,
            standard,
            period,
            &mut summary,
        )?;
        headlines.push(headline(&section, alliance.name(), period));
        standards.push(section);
    }

    Ok(Report {
        title: format!("{}: cancer performance assurance", alliance.name()),
        alliance: alliance.name().to_owned(),
        plan_year: plan.financial_year().to_string(),
        period: period.to_string(),
        period_words: month_words(period),
        release: release_words(period),
        computed_with: "Computed by this example from the crate's existing API (provider performance tables rolled up by the plan's membership, SPC charts, the national target schedule, the plan's asks and local targets, Wilson intervals, budget reconciliation, the RDC compliance matrix); the library's assurance value (issue 19) was not yet merged.".into(),
        sources,
        headlines,
        summary,
        standards,
        outside,
        budget: budget(plan),
        rdc: rdc(plan),
    })
}

fn measure_name(standard: CwtStandard) -> &'static str {
    match standard {
        CwtStandard::FasterDiagnosis28Day => "28-day Faster Diagnosis Standard",
        CwtStandard::Combined31Day => "31-day combined standard",
        CwtStandard::Combined62Day => "62-day combined standard",
        _ => "CWT standard",
    }
}

fn short_name(standard: CwtStandard) -> &'static str {
    match standard {
        CwtStandard::FasterDiagnosis28Day => "FDS",
        CwtStandard::Combined31Day => "31-day",
        CwtStandard::Combined62Day => "62-day",
        _ => "CWT",
    }
}

fn anchor(standard: CwtStandard) -> &'static str {
    match standard {
        CwtStandard::FasterDiagnosis28Day => "fds",
        CwtStandard::Combined31Day => "d31",
        CwtStandard::Combined62Day => "d62",
        _ => "cwt",
    }
}

pub fn month_words(m: YearMonth) -> String {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let name = NAMES
        .get(m.month().saturating_sub(1) as usize)
        .copied()
        .unwrap_or("?");
    format!("{name} {}", m.year())
}

/// NHS England publishes CWT monthly figures as provisional about six weeks
/// after the month and revises them with the next year's final data.
fn release_words(period: YearMonth) -> String {
    format!(
        "Provisional: NHS England's CWT figures for {} are published as provisional and revised when the financial year's data are finalised.",
        month_words(period)
    )
}

fn points(p: Percent) -> f64 {
    p.points().to_f64().unwrap_or(0.0)
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn perf_points(p: Performance) -> Option<f64> {
    p.percent().map(|x| round2(points(x)))
}

/// The table's monthly series for an org, up to the period.
fn series_of(
    tables: &Tables,
    org: &Org,
    standard: CwtStandard,
    period: YearMonth,
) -> Vec<cancer_plan::cwt::MonthlyPerformance> {
    let all = match org.level {
        Level::Alliance => tables.alliance.series(standard, &()),
        Level::Icb => tables.icbs.series(standard, org.code.as_str()),
        Level::Trust => match OdsCode::new(org.code.clone()) {
            Ok(code) => tables.trusts.series(standard, &code),
            Err(_) => Vec::new(),
        },
    };
    all.into_iter().filter(|m| m.month() <= period).collect()
}

/// The target lines of a standard: its threshold, the planning milestones,
/// the plan's ask, local targets.
fn target_lines(plan: &CancerPlan, standard: CwtStandard) -> Vec<TargetLine> {
    let national: Vec<_> = national_targets()
        .filter(|t| t.standard() == standard)
        .collect();
    let standard_steps: Vec<(YearMonth, f64)> = national
        .iter()
        .filter(|t| t.basis() != TargetBasis::PlanningAsk)
        .map(|t| (t.from(), points(t.threshold())))
        .collect();
    let milestone_steps: Vec<(YearMonth, f64)> = national
        .iter()
        .filter(|t| t.basis() == TargetBasis::PlanningAsk)
        .map(|t| (t.from(), points(t.threshold())))
        .collect();
    let mut lines = Vec::new();
    if !standard_steps.is_empty() {
        lines.push(TargetLine::steps(
            TargetKind::Standard,
            "Standard",
            standard_steps,
        ));
    }
    if !milestone_steps.is_empty() {
        lines.push(TargetLine::steps(
            TargetKind::Milestone,
            "Milestone",
            milestone_steps,
        ));
    }
    for ask in plan_asks(plan, standard) {
        lines.push(TargetLine::constant(
            TargetKind::PlanAsk,
            format!("Plan ask (by {})", short_month(ask.1)),
            points(ask.0),
        ));
    }
    let local: Vec<(YearMonth, f64)> = plan
        .local_targets()
        .iter()
        .filter(|t| t.standard() == standard)
        .map(|t| (t.from(), points(t.threshold())))
        .collect();
    if !local.is_empty() {
        lines.push(TargetLine::steps(TargetKind::Local, "Local target", local));
    }
    lines
}

fn plan_asks(plan: &CancerPlan, standard: CwtStandard) -> Vec<(Percent, YearMonth)> {
    plan.delivery_asks()
        .filter_map(|a| a.kind().performance_target())
        .filter(|t| t.standard() == standard)
        .map(|t| (t.threshold(), t.by()))
        .collect()
}

fn short_month(m: YearMonth) -> String {
    let words = month_words(m);
    let (name, year) = words.split_once(' ').unwrap_or((&words, ""));
    format!("{} {year}", name.get(..3).unwrap_or(name))
}

/// The SPC target: the national threshold in force (standard or
/// milestone), as the Making Data Count assurance icon is judged.
fn spc_options(standard: CwtStandard, month: YearMonth) -> SpcOptions {
    let options = SpcOptions::for_cwt(standard, month);
    debug_assert_eq!(options.direction(), ImprovementDirection::Increase);
    options
}

#[allow(clippy::too_many_arguments)]
fn standard_section(
    plan: &CancerPlan,
    tables: &Tables,
    orgs: &[Org],
    outside: &[OutsideOrg],
    standard: CwtStandard,
    period: YearMonth,
    summary: &mut Vec<SummaryRow>,
) -> Result<StandardSection, Box<dyn Error>> {
    let lines = target_lines(plan, standard);
    let in_force = cancer_plan::cwt::target_for(standard, period);
    let mut charts = Vec::new();
    for org in orgs {
        let monthly = series_of(tables, org, standard, period);
        let latest = monthly
            .iter()
            .rev()
            .find(|m| m.month() == period)
            .map(|m| m.performance());
        let id = format!("{}-{}", anchor(standard), org.code.to_lowercase());
        let mut row = SummaryRow {
            measure: short_name(standard).into(),
            standard: standard.to_string(),
            organisation: org.name.clone(),
            code: org.code.clone(),
            level: org.level,
            basis: "provider".into(),
            latest_month: period.to_string(),
            performance: latest.and_then(perf_points),
            patients: latest.map_or_else(
                || "no data".into(),
                |p| format!("{} of {}", p.within(), p.total()),
            ),
            target_in_force: in_force.map(|t| format!("{} ({})", t.threshold(), t.basis())),
            met: match (latest, in_force) {
                (Some(p), Some(t)) if !p.is_empty() => Some(p.meets(t.threshold())),
                _ => None,
            },
            variation: String::new(),
            assurance: String::new(),
            chart_id: id.clone(),
            variation_icon: String::new(),
            assurance_icon: String::new(),
            no_chart: None,
        };
        let (monthly, gap_note) = trailing_run(monthly);
        match Series::from_performance(monthly)
            .and_then(|s| SpcChart::new(&s, &spc_options(standard, period)))
        {
            Ok(chart) => {
                let title = format!("{}: {}", short_name(standard), org.name);
                let subtitle = match &gap_note {
                    Some(n) => format!("Provider basis; {n}"),
                    None => "Provider basis, NHS England CWT provider extract; recent months provisional".into(),
                };
                let style = ChartStyle::new(title)
                    .subtitle(subtitle)
                    .id(&id)
                    .size(
                        if org.level == Level::Alliance {
                            720
                        } else {
                            460
                        },
                        if org.level == Level::Alliance {
                            320
                        } else {
                            270
                        },
                    )
                    .two_sigma_band(org.level == Level::Alliance);
                let l = chart.latest_limits();
                row.variation = chart.latest_variation().label().to_owned();
                row.assurance = chart
                    .assurance()
                    .map_or("no target".into(), |a| a.label().to_owned());
                row.variation_icon = variation_icon_svg(chart.variation_icon(), 30);
                row.assurance_icon = assurance_icon_svg(chart.assurance_icon(), 30);
                charts.push(ChartView {
                    id: id.clone(),
                    organisation: org.name.clone(),
                    level: org.level,
                    months: chart.points().len(),
                    latest: chart.points().last().map_or(0.0, |p| round2(p.value())),
                    mean: round2(l.mean()),
                    lower_process_limit: round2(l.lower_process_limit()),
                    upper_process_limit: round2(l.upper_process_limit()),
                    variation: row.variation.clone(),
                    assurance: row.assurance.clone(),
                    svg: chart_svg(&chart, &lines, &style),
                    note: gap_note,
                });
            }
            Err(e) => row.no_chart = Some(e.to_string()),
        }
        summary.push(row);
    }

    // Latest month, alliance, against each layer.
    let alliance_latest = tables.alliance.get(period, standard, &());
    let layers = layers(plan, standard, period, alliance_latest);

    // Provider breakdown and funnel.
    let centre = alliance_latest.and_then(|p| p.percent()).map(points);
    let mut providers = Vec::new();
    for org in orgs.iter().filter(|o| o.level == Level::Trust) {
        if let Some(row) = provider_row(
            tables, &org.code, &org.name, &org.icb, standard, period, centre,
        ) {
            providers.push(row);
        }
    }
    for o in outside {
        if let Some(row) = provider_row(
            tables,
            &o.code,
            &o.name,
            "outside the alliance's ICBs",
            standard,
            period,
            centre,
        ) {
            providers.push(row);
        }
    }
    let funnel_svg = funnel::svg(&providers, centre, standard, period);

    Ok(StandardSection {
        standard: standard.to_string(),
        measure: measure_name(standard).into(),
        anchor: anchor(standard).into(),
        latest_month: period.to_string(),
        alliance_performance: alliance_latest.and_then(perf_points),
        layers,
        charts,
        providers,
        funnel_centre: centre.map(round2),
        funnel_svg,
        trajectory: trajectory(plan, tables, standard, period),
    })
}

/// The months from the last gap (a month with no record or no patients)
/// to the end: an XmR chart needs consecutive months. Says what was left
/// out, if anything.
fn trailing_run(
    monthly: Vec<cancer_plan::cwt::MonthlyPerformance>,
) -> (Vec<cancer_plan::cwt::MonthlyPerformance>, Option<String>) {
    let mut start = monthly.len();
    while start > 0 {
        let here = &monthly[start - 1];
        if here.performance().is_empty() {
            break;
        }
        if start < monthly.len() && monthly[start].month() != here.month().next() {
            break;
        }
        start -= 1;
    }
    if start == 0 {
        return (monthly, None);
    }
    let note = format!(
        "charted from {}: an earlier month has no patients or no record, and an XmR chart needs consecutive months",
        monthly.get(start).map_or("-".into(), |m| m.month().to_string())
    );
    (monthly.into_iter().skip(start).collect(), Some(note))
}

fn provider_row(
    tables: &Tables,
    code: &str,
    name: &str,
    icb: &str,
    standard: CwtStandard,
    period: YearMonth,
    centre: Option<f64>,
) -> Option<ProviderRow> {
    let p = tables
        .trusts
        .get(period, standard, &OdsCode::new(code).ok()?)?;
    let pct = perf_points(p)?;
    let w = p.wilson(ConfidenceLevel::Percent95)?;
    let n = p.total().to_f64();
    let funnel = match centre {
        Some(c) => funnel::position(c / 100.0, n, pct / 100.0).to_owned(),
        None => "no alliance figure".into(),
    };
    Some(ProviderRow {
        code: code.to_owned(),
        name: name.to_owned(),
        icb: icb.to_owned(),
        within: p.within().to_string(),
        total: p.total().to_string(),
        performance: pct,
        wilson_95: (round2(w.lower() * 100.0), round2(w.upper() * 100.0)),
        funnel,
    })
}

fn judged(
    layer: &str,
    threshold: Percent,
    in_force: String,
    p: Option<Performance>,
    note: String,
) -> LayerRow {
    let p = p.filter(|p| !p.is_empty());
    LayerRow {
        layer: layer.into(),
        threshold: threshold.to_string(),
        in_force,
        met: p.map(|p| p.meets(threshold)),
        gap_in_patients: p
            .and_then(|p| p.gap_in_patients(threshold))
            .filter(|g| *g > 0),
        note,
    }
}

fn layers(
    plan: &CancerPlan,
    standard: CwtStandard,
    period: YearMonth,
    p: Option<Performance>,
) -> Vec<LayerRow> {
    let national: Vec<_> = national_targets()
        .filter(|t| t.standard() == standard)
        .collect();
    let mut rows = Vec::new();
    let own = national
        .iter()
        .filter(|t| t.basis() != TargetBasis::PlanningAsk && t.from() <= period)
        .max_by_key(|t| t.from());
    match own {
        Some(t) => rows.push(judged(
            "Standard",
            t.threshold(),
            format!("from {}", t.from()),
            p,
            t.basis().to_string(),
        )),
        None => rows.push(LayerRow {
            layer: "Standard".into(),
            threshold: "none".into(),
            in_force: String::new(),
            met: None,
            gap_in_patients: None,
            note: format!("no national threshold in force in {period}"),
        }),
    }
    let milestones: Vec<_> = national
        .iter()
        .filter(|t| t.basis() == TargetBasis::PlanningAsk)
        .collect();
    if let Some(t) = milestones
        .iter()
        .filter(|t| t.from() <= period)
        .max_by_key(|t| t.from())
    {
        rows.push(judged(
            "Milestone in force",
            t.threshold(),
            format!("since {}", t.from()),
            p,
            "national planning milestone".into(),
        ));
    }
    if let Some(t) = milestones
        .iter()
        .filter(|t| t.from() > period)
        .min_by_key(|t| t.from())
    {
        rows.push(judged(
            "Next milestone",
            t.threshold(),
            format!("due {}", t.from()),
            p,
            "not yet due: the distance still to travel".into(),
        ));
    }
    for (threshold, by) in plan_asks(plan, standard) {
        let note = if by <= period {
            "due: judged"
        } else {
            "not yet due: the distance still to travel"
        };
        rows.push(judged(
            "Plan's ask",
            threshold,
            format!("by {by}"),
            p,
            format!("{} plan; {note}", plan.financial_year()),
        ));
    }
    for traj in plan
        .trajectories()
        .iter()
        .filter(|t| t.standard() == standard)
    {
        if let Some(pct) = traj.month(period).and_then(|m| m.planned_percent()) {
            rows.push(judged(
                "Plan's trajectory",
                pct,
                format!("for {period}"),
                p,
                "the plan's monthly trajectory".into(),
            ));
        }
    }
    if let Some(t) = plan
        .local_targets()
        .iter()
        .filter(|t| t.standard() == standard && t.from() <= period)
        .max_by_key(|t| t.from())
    {
        rows.push(judged(
            "Local target",
            t.threshold(),
            format!("from {}", t.from()),
            p,
            "local".into(),
        ));
    }
    rows
}

fn trajectory(
    plan: &CancerPlan,
    tables: &Tables,
    standard: CwtStandard,
    period: YearMonth,
) -> TrajectoryView {
    let asks = plan_asks(plan, standard);
    let ask = asks.first().map(|(t, by)| format!("{t} by {by}"));
    let traj = plan
        .trajectories()
        .iter()
        .find(|t| t.standard() == standard);
    let start = period.plus_months(-11);
    let rows = start
        .through(period)
        .map(|m| {
            let actual = tables
                .alliance
                .get(m, standard, &())
                .filter(|p| !p.is_empty());
            let planned = traj
                .and_then(|t| t.month(m))
                .and_then(|pm| pm.planned_percent());
            let bar = planned.or_else(|| asks.first().filter(|(_, by)| *by <= m).map(|(t, _)| *t));
            TrajectoryRow {
                month: m.to_string(),
                planned: planned.map(|p| p.to_string()),
                actual: actual.and_then(perf_points),
                on_track: match (actual, bar) {
                    (Some(a), Some(b)) => Some(a.meets(b)),
                    _ => None,
                },
            }
        })
        .collect();
    let note = match (traj, ask.as_ref()) {
        (Some(_), _) => "Monthly trajectory from the plan; on track means at or above the planned percentage.".into(),
        (None, Some(a)) => format!("The plan sets no monthly trajectory for this standard: each month from the ask's due month is judged against the ask ({a}); months before it are shown, not judged."),
        (None, None) => "The plan sets neither an ask nor a trajectory for this standard: actuals shown, not judged.".into(),
    };
    TrajectoryView { ask, rows, note }
}

fn headline(s: &StandardSection, alliance: &str, period: YearMonth) -> String {
    let Some(perf) = s.alliance_performance else {
        return format!(
            "{}: no alliance data for {}.",
            s.measure,
            month_words(period)
        );
    };
    let judged: Vec<String> = s
        .layers
        .iter()
        .filter_map(|l| {
            let met = l.met?;
            Some(format!(
                "{} the {} ({})",
                if met { "meets" } else { "misses" },
                l.layer.to_lowercase(),
                l.threshold
            ))
        })
        .collect();
    let chart = s.charts.iter().find(|c| c.level == Level::Alliance);
    let icons = chart.map_or(String::new(), |c| {
        format!(" Variation: {}; assurance: {}.", c.variation, c.assurance)
    });
    format!(
        "{alliance} {} in {}: {perf:.2}%; it {}.{icons}",
        s.measure,
        month_words(period),
        judged.join(", ")
    )
}

fn budget(plan: &CancerPlan) -> Option<BudgetView> {
    let b = plan.budget()?;
    let reconciliation = cancer_plan::reconcile(plan, Tolerance::PRINTED_TABLES);
    let names: BTreeMap<String, String> = b
        .areas()
        .iter()
        .map(|a| (a.id().as_str().to_owned(), a.name().to_owned()))
        .collect();
    let findings: Vec<String> = reconciliation
        .real_gaps()
        .map(|f| board_wording(f, &names))
        .collect();
    let rounding = reconciliation
        .findings()
        .iter()
        .filter(|f| f.status() == FindingStatus::WithinTolerance)
        .count();
    let mut risks: BTreeMap<String, (usize, cancer_plan::Money)> = BTreeMap::new();
    for (_, line) in b.lines() {
        if line.exit_risk().is_risk() {
            let entry = risks
                .entry(line.exit_risk().to_string())
                .or_insert((0, cancer_plan::Money::ZERO));
            entry.0 += 1;
            entry.1 = entry.1.checked_add(line.amount()).unwrap_or(entry.1);
        }
    }
    Some(BudgetView {
        total: b.total().to_string(),
        areas: b
            .areas()
            .iter()
            .map(|a| AreaRow {
                name: a.name().to_owned(),
                share: a.share().to_string(),
                guide_spend: a
                    .guide_spend()
                    .map_or("not given".into(), |m| m.to_string()),
                budget: a.budget().map_or("not given".into(), |m| m.to_string()),
                lines: a.lines().len(),
            })
            .collect(),
        findings,
        rounding_findings: rounding,
        exit_risks: risks
            .into_iter()
            .map(|(risk, (lines, amount))| ExitRiskRow {
                risk,
                lines,
                amount: amount.to_string(),
            })
            .collect(),
    })
}

/// A reconciliation finding as a board reads it.
fn board_wording(f: &cancer_plan::budget::Finding, names: &BTreeMap<String, String>) -> String {
    use cancer_plan::budget::{FindingKind, FindingUnit};
    let money = |d: rust_decimal::Decimal| match f.unit() {
        FindingUnit::Pounds => cancer_plan::Money::new(d).map_or(d.to_string(), |m| m.to_string()),
        _ => format!("{} percentage points", d.normalize()),
    };
    let area = f.area().map_or("The budget as a whole".to_owned(), |a| {
        names
            .get(a.as_str())
            .map_or_else(|| a.to_string(), |n| n.clone())
    });
    let (what, against) = match f.kind() {
        FindingKind::LinesVsBudget => ("the itemised lines add up to", "the area's budget"),
        FindingKind::BudgetVsGuideSpend => ("the budget is", "the guide spend"),
        FindingKind::GuideSpendVsShare => ("the guide spend is", "its share of the total"),
        FindingKind::ShareVsExactShare => (
            "the printed share is",
            "the share its guide spend is of the total",
        ),
        FindingKind::GuideSpendsVsTotal => (
            "the areas' guide spends add up to",
            "the total the shares cover",
        ),
        FindingKind::BudgetsVsTotal => {
            ("the areas' budgets add up to", "the total the shares cover")
        }
        _ => ("a figure is", "what it should be"),
    };
    let difference = f.difference();
    let direction = if difference.is_sign_negative() {
        "less"
    } else {
        "more"
    };
    format!(
        "{area}: {what} {}, {} {direction} than {against} ({}). Beyond rounding: to be explained or corrected.",
        money(f.actual()),
        money(difference.abs()),
        money(f.expected()),
    )
}

fn rdc(plan: &CancerPlan) -> RdcView {
    let principles: Vec<String> = RdcPrinciple::ALL.iter().map(|p| p.to_string()).collect();
    let matrix = plan.compliance_matrix();
    let rows: Vec<RdcRow> = TumourSite::ALL
        .iter()
        .map(|site| {
            let levels: Vec<ComplianceLevel> = RdcPrinciple::ALL
                .iter()
                .map(|p| {
                    matrix.as_ref().map_or(ComplianceLevel::NotAssessed, |m| {
                        m.alliance_level(*site, *p)
                    })
                })
                .collect();
            let assessed = levels.iter().any(|l| *l != ComplianceLevel::NotAssessed);
            RdcRow {
                site: site.to_string(),
                levels: levels.iter().map(|l| l.to_string()).collect(),
                assessed,
            }
        })
        .collect();
    let assessed = rows.iter().filter(|r| r.assessed).count();
    let summary = if assessed == 0 {
        format!(
            "Not assessed: the plan holds no RDC pathway assessment, so every one of the {} tumour sites is a gap (reason: not assessed). This is not a finding of no gaps.",
            rows.len()
        )
    } else {
        format!(
            "{assessed} of {} tumour sites assessed; every site not assessed is a gap (reason: not assessed).",
            rows.len()
        )
    };
    RdcView {
        assessments: plan.rdc_assessments().len(),
        sites_assessed: assessed,
        sites_total: rows.len(),
        principles,
        rows,
        summary,
    }
}

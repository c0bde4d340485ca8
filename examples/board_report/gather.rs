//! Data gathering: from the plan and the CWT extracts to the view model
//! ([`Report`]). Rendering (`page`, `funnel`) reads only the view model.
//!
//! Every figure comes from the library's assurance value
//! ([`PlanAssurance`]): rows judged against every target layer, one SPC
//! series per standard × organisation with its Making Data Count icons,
//! funnels, the budget summary and the RDC coverage. This module only
//! selects the month and words it for a board.

use std::collections::BTreeMap;

use cancer_plan::assurance::{
    AssuranceRow, Basis, CwtSource, OrgLevel, OutsideReason, PlanAssurance, SeriesAssurance,
};
use cancer_plan::budget::{FindingKind, FindingUnit};
use cancer_plan::cwt::extract::AnyExtract;
use cancer_plan::cwt::{JudgedTarget, MonthlyPerformance, PerformanceTable};
use cancer_plan::spc::svg::{
    assurance_icon_svg, chart_svg, variation_icon_svg, ChartStyle, TargetKind, TargetLine,
};
use cancer_plan::spc::{AssuranceIcon, ImprovementDirection, Series, SpcChart, SpcOptions};
use cancer_plan::standard::TargetLayer;
use cancer_plan::{CancerPlan, CwtStandard, Money, OdsCode, RdcPrinciple, YearMonth};
use rust_decimal::prelude::ToPrimitive;

use crate::model::*;

/// One input file, read.
pub struct Input {
    pub file: String,
    pub extract: AnyExtract,
}

pub fn gather(
    plan: &CancerPlan,
    inputs: &[Input],
    period: YearMonth,
) -> Result<Report, cancer_plan::Error> {
    // Each extract up to the report's month, as a source on its basis.
    let mut sources = Vec::new();
    let mut listed = Vec::new();
    for input in inputs {
        let all = input.extract.tabulate()?;
        let months: Vec<YearMonth> = all.periods().map(|(m, _)| m).collect();
        let mut table: PerformanceTable<OdsCode> = PerformanceTable::new();
        for (month, standard, code, p) in all.iter().filter(|(m, ..)| *m <= period) {
            table.add(month, standard, code.clone(), p)?;
        }
        let basis = match input.extract {
            AnyExtract::SubIcb(_) => Basis::Commissioner,
            _ => Basis::Provider,
        };
        let covers = months.contains(&period);
        listed.push((input, months, basis, covers));
        if !table.is_empty() {
            sources.push(match basis {
                Basis::Commissioner => CwtSource::commissioner(input.file.clone(), table),
                _ => CwtSource::provider(input.file.clone(), table),
            });
        }
    }
    let assurance = PlanAssurance::build(plan, &sources)?;
    // The bases with figures for the month: the report shows those.
    let shown: Vec<Basis> = [Basis::Provider, Basis::Commissioner]
        .into_iter()
        .filter(|b| {
            assurance
                .rows()
                .iter()
                .any(|r| r.basis() == *b && r.month() == period)
        })
        .collect();
    if shown.is_empty() {
        return Err(std::io::Error::other(format!(
            "no CWT figures for {period} in the files given"
        ))
        .into());
    }
    let sources = listed
        .into_iter()
        .map(|(input, months, basis, covers)| Source {
            file: input.file.clone(),
            layout: input.extract.layout().to_string(),
            basis: basis.label().into(),
            months: match (months.iter().min(), months.iter().max()) {
                (Some(a), Some(b)) => format!("{a} to {b}"),
                _ => "no months".into(),
            },
            rows_read: input.extract.rows_read(),
            bad_rows: input.extract.bad_rows().len(),
            used_for: if covers && shown.contains(&basis) {
                format!("the {} figures, charts and funnels", basis.label())
            } else {
                "not used: it does not cover the report's month".into()
            },
        })
        .collect();

    let mut summary = Vec::new();
    let mut standards = Vec::new();
    for standard in CwtStandard::ALL {
        standards.push(standard_section(
            plan,
            &assurance,
            &shown,
            standard,
            period,
            &mut summary,
        ));
    }
    let alliance = plan.alliance().name();
    let headlines = standards
        .iter()
        .map(|s| headline(s, alliance, period))
        .collect();
    let outside = assurance
        .outside()
        .iter()
        .filter(|o| o.reason() == OutsideReason::ListedWithoutAllianceIcb)
        .map(|o| OutsideOrg {
            code: o.code().as_str().to_owned(),
            name: o.name().unwrap_or("").to_owned(),
            why: format!(
                "in the plan's provider list, but not in one of {alliance}'s ICBs ({}): its own rows, charts and funnel points; not counted in the alliance or ICB figures",
                o.basis().label()
            ),
        })
        .collect();
    let not_in_plan = assurance
        .outside()
        .iter()
        .filter(|o| o.reason() == OutsideReason::NotInPlan)
        .count();

    Ok(Report {
        title: format!("{alliance}: cancer performance assurance"),
        alliance: alliance.to_owned(),
        plan_year: plan.financial_year().to_string(),
        period: period.to_string(),
        period_words: month_words(period),
        release: release_words(period),
        computed_with: format!(
            "Figures from the library's plan assurance value (cancer_plan::assurance::PlanAssurance): every row judged against every target layer, SPC charts with Making Data Count icons, funnel limits as PHEindicatormethods computes them, the budget reconciliation and the RDC coverage.{}",
            if not_in_plan > 0 {
                format!(" {not_in_plan} organisations in the files that the plan does not list count in the funnel limits only.")
            } else {
                String::new()
            }
        ),
        sources,
        headlines,
        summary,
        standards,
        outside,
        budget: budget(plan, &assurance),
        rdc: rdc(plan, &assurance),
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

fn short_month(m: YearMonth) -> String {
    let words = month_words(m);
    let (name, year) = words.split_once(' ').unwrap_or((&words, ""));
    format!("{} {year}", name.get(..3).unwrap_or(name))
}

/// NHS England publishes CWT monthly figures as provisional about six weeks
/// after the month and revises them with the next year's final data.
fn release_words(period: YearMonth) -> String {
    format!(
        "Provisional: NHS England's CWT figures for {} are published as provisional and revised when the financial year's data are finalised.",
        month_words(period)
    )
}

/// A row's performance in percentage points, as f64 for the page.
fn points(r: &AssuranceRow) -> Option<f64> {
    r.performance().percent().and_then(|p| p.points().to_f64())
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn level_of(level: OrgLevel) -> Level {
    match level {
        OrgLevel::Alliance => Level::Alliance,
        OrgLevel::Icb => Level::Icb,
        OrgLevel::SubIcbLocation => Level::SubIcbLocation,
        _ => Level::Trust,
    }
}

fn rank(s: &SeriesAssurance) -> (u8, bool) {
    let o = s.organisation();
    let level = match o.level() {
        OrgLevel::Alliance => 0,
        OrgLevel::Icb => 1,
        OrgLevel::Trust => 2,
        _ => 3,
    };
    (level, !o.in_alliance())
}

fn sanitise(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
}

/// The rows of one series (basis, standard, organisation), in month order.
fn rows_of<'a>(a: &'a PlanAssurance, s: &SeriesAssurance) -> Vec<&'a AssuranceRow> {
    a.rows()
        .iter()
        .filter(|r| {
            r.basis() == s.basis()
                && r.standard() == s.standard()
                && r.organisation() == s.organisation()
        })
        .collect()
}

/// The target layers over the chart's months, as step lines (the next
/// milestone is a future date, not a line).
fn target_lines(rows: &[&AssuranceRow]) -> Vec<TargetLine> {
    let mut steps: BTreeMap<TargetLayer, Vec<(YearMonth, f64)>> = BTreeMap::new();
    let mut due: BTreeMap<TargetLayer, YearMonth> = BTreeMap::new();
    for row in rows {
        for judged in row.targets() {
            let t = judged.target();
            if t.layer() == TargetLayer::NextMilestone {
                continue;
            }
            let value = t.threshold().points().to_f64().unwrap_or(f64::NAN);
            let line = steps.entry(t.layer()).or_default();
            if line.last().map(|(_, v)| *v) != Some(value) {
                line.push((row.month(), value));
            }
            due.insert(t.layer(), t.month());
        }
    }
    steps
        .into_iter()
        .map(|(layer, steps)| {
            let (kind, label) = match layer {
                TargetLayer::Standard => (TargetKind::Standard, "Standard".to_owned()),
                TargetLayer::PredecessorStandard => {
                    (TargetKind::Standard, "Predecessor standard".to_owned())
                }
                TargetLayer::MilestoneInForce => (TargetKind::Milestone, "Milestone".to_owned()),
                TargetLayer::PlanAsk => (
                    TargetKind::PlanAsk,
                    format!(
                        "Plan ask (by {})",
                        due.get(&layer).map_or("?".into(), |m| short_month(*m))
                    ),
                ),
                TargetLayer::Trajectory => (TargetKind::Trajectory, "Trajectory".to_owned()),
                _ => (TargetKind::Local, "Local target".to_owned()),
            };
            TargetLine::steps(kind, label, steps)
        })
        .collect()
}

fn layer_name(layer: TargetLayer) -> String {
    let label = layer.label();
    let mut chars = label.chars();
    chars.next().map_or(String::new(), |c| {
        c.to_uppercase().collect::<String>() + chars.as_str()
    })
}

fn layer_row(j: &JudgedTarget, period: YearMonth) -> LayerRow {
    let t = j.target();
    let when = match t.layer() {
        TargetLayer::NextMilestone | TargetLayer::PlanAsk => format!("due {}", t.month()),
        TargetLayer::Trajectory => format!("for {}", t.month()),
        _ => format!("from {}", t.month()),
    };
    let note = if t.is_due(period) {
        t.source().to_owned()
    } else {
        format!("{}; not yet due: the distance still to travel", t.source())
    };
    LayerRow {
        layer: layer_name(t.layer()),
        threshold: t.threshold().to_string(),
        in_force: when,
        met: Some(j.met()),
        gap_in_patients: j.gap_in_patients().filter(|g| *g > 0),
        note,
    }
}

fn standard_section(
    plan: &CancerPlan,
    a: &PlanAssurance,
    shown: &[Basis],
    standard: CwtStandard,
    period: YearMonth,
    summary: &mut Vec<SummaryRow>,
) -> StandardSection {
    let mut series: Vec<&SeriesAssurance> = a
        .series()
        .iter()
        .filter(|s| s.standard() == standard && shown.contains(&s.basis()))
        .filter(|s| {
            matches!(
                s.organisation().level(),
                OrgLevel::Alliance | OrgLevel::Icb | OrgLevel::Trust
            )
        })
        .collect();
    // Alliance, ICBs, then the trusts in the plan's order (those outside the
    // alliance's ICBs last).
    let position = |s: &SeriesAssurance| {
        plan.alliance()
            .providers()
            .iter()
            .position(|p| p.ods_code().as_str() == s.organisation().code())
    };
    series.sort_by_key(|s| (s.basis(), rank(s), position(s)));
    let mut charts = Vec::new();
    for s in &series {
        let org = s.organisation();
        let rows = rows_of(a, s);
        let latest = rows.iter().rev().find(|r| r.month() == period).copied();
        let basis_word = match s.basis() {
            Basis::Commissioner => "commissioner",
            _ => "provider",
        };
        let id = format!(
            "{}-{}-{}",
            anchor(standard),
            basis_word,
            sanitise(org.code())
        );
        let outside_note = if org.in_alliance() {
            ""
        } else {
            " (outside the alliance's ICBs)"
        };
        let headline = s.headline();
        let mut row = SummaryRow {
            measure: short_name(standard).into(),
            standard: standard.to_string(),
            organisation: format!("{}{outside_note}", org.name()),
            code: org.code().to_owned(),
            level: level_of(org.level()),
            basis: s.basis().label().into(),
            latest_month: period.to_string(),
            performance: latest.and_then(points).map(round2),
            patients: latest.map_or_else(
                || "no data".into(),
                |r| {
                    format!(
                        "{} of {}",
                        r.performance().within(),
                        r.performance().total()
                    )
                },
            ),
            target_in_force: headline.map(|t| format!("{} ({})", t.threshold(), t.layer())),
            met: match (latest, headline) {
                (Some(r), Some(h)) => r.target(h.layer()).map(|j| j.met()),
                _ => None,
            },
            variation: s.chart().map_or("no chart".into(), |c| {
                c.icons().variation().label().to_owned()
            }),
            assurance: s
                .chart()
                .map_or(AssuranceIcon::NotApplicable, |c| c.icons().assurance())
                .label()
                .to_owned(),
            chart_id: id.clone(),
            variation_icon: String::new(),
            assurance_icon: String::new(),
            no_chart: s.no_chart().map(str::to_owned),
        };
        // An XmR chart needs consecutive months: where the library could
        // not chart the whole series (a month with no patients or no
        // record), chart the months since the last gap, and say so.
        let fallback = match s.chart() {
            Some(_) => None,
            None => trailing_chart(&rows, headline),
        };
        let (chart, note) = match (s.chart(), &fallback) {
            (Some(c), _) => (Some(c), None),
            (None, Some((c, note))) => (Some(c), Some(note.clone())),
            (None, None) => (None, None),
        };
        if let Some(chart) = chart {
            let icons = chart.icons();
            row.no_chart = None;
            row.variation = icons.variation().label().to_owned();
            row.assurance = icons.assurance().label().to_owned();
            row.variation_icon = variation_icon_svg(icons.variation(), 30);
            row.assurance_icon = assurance_icon_svg(icons.assurance(), 30);
            let alliance = org.level() == OrgLevel::Alliance;
            let style = ChartStyle::new(format!(
                "{}: {}{outside_note}",
                short_name(standard),
                org.name()
            ))
            .subtitle(match &note {
                Some(n) => format!("{}; {n}", capitalise(s.basis().label())),
                None => format!(
                    "{}, NHS England CWT; assurance against the {}",
                    capitalise(s.basis().label()),
                    headline.map_or("chart's target".into(), |h| format!(
                        "{} ({})",
                        h.layer(),
                        h.threshold()
                    ))
                ),
            })
            .id(&id)
            .size(
                if alliance { 720 } else { 460 },
                if alliance { 320 } else { 270 },
            )
            .two_sigma_band(alliance);
            let l = chart.latest_limits();
            charts.push(ChartView {
                id: id.clone(),
                organisation: row.organisation.clone(),
                level: row.level,
                months: chart.points().len(),
                latest: chart.points().last().map_or(0.0, |p| round2(p.value())),
                mean: round2(l.mean()),
                lower_process_limit: round2(l.lower_process_limit()),
                upper_process_limit: round2(l.upper_process_limit()),
                variation: row.variation.clone(),
                assurance: row.assurance.clone(),
                note: note.clone(),
                svg: chart_svg(chart, &target_lines(&rows), &style),
            });
        }
        summary.push(row);
    }

    // The alliance's latest month against each layer (the first basis shown).
    let alliance_row = a.rows().iter().find(|r| {
        r.month() == period
            && r.standard() == standard
            && Some(&r.basis()) == shown.first()
            && r.organisation().level() == OrgLevel::Alliance
    });
    let layers: Vec<LayerRow> = alliance_row
        .map(|r| r.targets().iter().map(|j| layer_row(j, period)).collect())
        .unwrap_or_default();

    // Provider breakdown and funnel (provider basis).
    let names: BTreeMap<&str, (&str, String)> = plan
        .alliance()
        .providers()
        .iter()
        .map(|p| {
            let icb = p
                .icb()
                .and_then(|id| plan.alliance().icb(id.as_str()))
                .map_or("outside the alliance's ICBs".to_owned(), |i| {
                    i.name().to_owned()
                });
            (p.ods_code().as_str(), (p.name(), icb))
        })
        .collect();
    let funnel = a
        .funnels()
        .iter()
        .find(|f| f.month() == period && f.standard() == standard && f.basis() == Basis::Provider);
    let mut providers = Vec::new();
    let mut others = Vec::new();
    if let Some(f) = funnel {
        for p in f.points() {
            let code = p.code().as_str();
            let Some((name, icb)) = names.get(code) else {
                others.push((p.performance().total().to_f64(), p.proportion() * 100.0));
                continue;
            };
            let wilson = a
                .rows()
                .iter()
                .find(|r| {
                    r.month() == period
                        && r.standard() == standard
                        && r.basis() == Basis::Provider
                        && r.organisation().code() == code
                })
                .and_then(|r| r.wilson_95());
            providers.push(ProviderRow {
                code: code.to_owned(),
                name: (*name).to_owned(),
                icb: icb.clone(),
                within: p.performance().within().to_string(),
                total: p.performance().total().to_string(),
                performance: round2(p.proportion() * 100.0),
                wilson_95: wilson.map_or((0.0, 0.0), |w| {
                    (round2(w.lower_points()), round2(w.upper_points()))
                }),
                funnel: funnel_words(p.flag()).to_owned(),
            });
        }
        // The plan's order.
        providers.sort_by_key(|p| {
            plan.alliance()
                .providers()
                .iter()
                .position(|q| q.ods_code().as_str() == p.code)
        });
    }
    let funnel_svg = funnel.map_or(String::new(), |f| {
        crate::funnel::svg(&providers, &others, f.average() * 100.0, standard, period)
    });

    StandardSection {
        standard: standard.to_string(),
        measure: measure_name(standard).into(),
        anchor: anchor(standard).into(),
        latest_month: period.to_string(),
        alliance_performance: alliance_row.and_then(points).map(round2),
        layers,
        charts,
        providers,
        funnel_centre: funnel.map(|f| round2(f.average() * 100.0)),
        funnel_points: funnel.map_or(0, |f| f.points().len()),
        funnel_svg,
        trajectory: trajectory(a, shown, standard, period),
    }
}

/// The chart of the months since the series' last gap (at least two), with
/// the headline target; and what it leaves out.
fn trailing_chart(
    rows: &[&AssuranceRow],
    headline: Option<&cancer_plan::standard::LayerTarget>,
) -> Option<(SpcChart, String)> {
    let mut run: Vec<MonthlyPerformance> = Vec::new();
    for row in rows.iter().rev() {
        let p = row.performance();
        let consecutive = run
            .last()
            .is_none_or(|later| Some(later.month()) == row.month().next());
        if p.is_empty() || !consecutive {
            break;
        }
        run.push(MonthlyPerformance::new(row.month(), p));
    }
    run.reverse();
    let first = run.first()?.month();
    let series = Series::from_performance(run).ok()?;
    let mut options = SpcOptions::new(ImprovementDirection::Increase);
    if let Some(t) = headline.and_then(|h| h.threshold().points().to_f64()) {
        options = options.target(t);
    }
    let chart = SpcChart::new(&series, &options).ok()?;
    Some((
        chart,
        format!("charted from {first}: an earlier month has no patients or no record, and an XmR chart needs consecutive months"),
    ))
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or(String::new(), |c| {
        c.to_uppercase().collect::<String>() + chars.as_str()
    })
}

fn funnel_words(flag: cancer_plan::assurance::FunnelFlag) -> &'static str {
    use cancer_plan::assurance::FunnelFlag;
    match flag {
        FunnelFlag::Low99_8 => "below the 99.8% limit",
        FunnelFlag::Low95 => "below the 95% limit",
        FunnelFlag::High95 => "above the 95% limit",
        FunnelFlag::High99_8 => "above the 99.8% limit",
        _ => "within the limits",
    }
}

fn trajectory(
    a: &PlanAssurance,
    shown: &[Basis],
    standard: CwtStandard,
    period: YearMonth,
) -> TrajectoryView {
    let rows: Vec<&AssuranceRow> = a
        .rows()
        .iter()
        .filter(|r| {
            r.standard() == standard
                && Some(&r.basis()) == shown.first()
                && r.organisation().level() == OrgLevel::Alliance
                && r.month() <= period
                && r.month() > period.saturating_plus_months(-12)
        })
        .collect();
    let ask = rows
        .last()
        .and_then(|r| r.target(TargetLayer::PlanAsk))
        .map(|j| format!("{} by {}", j.target().threshold(), j.target().month()));
    let has_trajectory = rows.iter().any(|r| r.trajectory().is_some());
    let view_rows = rows
        .iter()
        .map(|r| {
            let planned = r.target(TargetLayer::Trajectory);
            let on_track = match (r.trajectory(), r.target(TargetLayer::PlanAsk)) {
                (Some(t), _) => t.on_track(),
                (None, Some(j)) if j.due() => Some(j.met()),
                _ => None,
            };
            TrajectoryRow {
                month: r.month().to_string(),
                planned: planned.map(|j| j.target().threshold().to_string()),
                actual: points(r).map(round2),
                on_track,
            }
        })
        .collect();
    let note = match (has_trajectory, ask.as_ref()) {
        (true, _) => "Monthly trajectory from the plan; on track means at or above the planned patients within the standard.".into(),
        (false, Some(a)) => format!("The plan sets no monthly trajectory for this standard: each month from the ask's due month is judged against the ask ({a}); months before it are shown, not judged."),
        (false, None) => "The plan sets neither an ask nor a trajectory for this standard: actuals shown, not judged.".into(),
    };
    TrajectoryView {
        ask,
        rows: view_rows,
        note,
    }
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

fn budget(plan: &CancerPlan, a: &PlanAssurance) -> Option<BudgetView> {
    let b = plan.budget()?;
    let summary = a.budget();
    let names: BTreeMap<String, String> = b
        .areas()
        .iter()
        .map(|a| (a.id().as_str().to_owned(), a.name().to_owned()))
        .collect();
    let reconciliation = summary.reconciliation();
    let findings: Vec<String> = reconciliation
        .real_gaps()
        .map(|f| board_wording(f, &names))
        .collect();
    let rounding = reconciliation
        .findings()
        .len()
        .saturating_sub(findings.len());
    let mut risks: BTreeMap<String, (usize, Money)> = BTreeMap::new();
    for line in summary.exit_risks() {
        let entry = risks
            .entry(line.risk().to_string())
            .or_insert((0, Money::ZERO));
        entry.0 += 1;
        entry.1 = entry.1.checked_add(line.amount()).unwrap_or(entry.1);
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
    let money = |d: rust_decimal::Decimal| match f.unit() {
        FindingUnit::Pounds => Money::new(d).map_or(d.to_string(), |m| m.to_string()),
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

fn rdc(plan: &CancerPlan, a: &PlanAssurance) -> RdcView {
    let coverage = a.rdc();
    let principles: Vec<String> = RdcPrinciple::ALL.iter().map(|p| p.to_string()).collect();
    let rows: Vec<RdcRow> = coverage
        .sites()
        .iter()
        .map(|site| RdcRow {
            site: site.site().to_string(),
            levels: site.levels().iter().map(|l| l.to_string()).collect(),
            assessed: site.assessed(),
        })
        .collect();
    let assessed = coverage.sites_assessed();
    let summary = if assessed == 0 {
        format!(
            "Not assessed: the plan holds no RDC pathway assessment, so every one of the {} tumour sites is a gap (reason: not assessed). This is not a finding of no gaps.",
            rows.len()
        )
    } else {
        format!(
            "{} gaps in all: each principle not fully met at an assessed site, and each of the {} sites never assessed (reason: not assessed).",
            coverage.gaps().len(),
            rows.len().saturating_sub(assessed)
        )
    };
    RdcView {
        assessments: plan.rdc_assessments().len(),
        illustrative: plan.rdc_assessments().iter().any(|a| {
            a.entries().iter().any(|e| {
                e.evidence()
                    .or(e.gap())
                    .is_some_and(|t| t.starts_with("Illustrative"))
            })
        }),
        sites_assessed: assessed,
        sites_total: rows.len(),
        principles,
        rows,
        summary,
    }
}

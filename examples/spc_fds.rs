//! An SPC chart of 28-day Faster Diagnosis Standard (FDS) performance for a
//! Wessex trust, in the NHS "Making Data Count" style: printed as a table
//! and drawn as an SVG with the target line and the variation and
//! assurance verdicts.
//!
//! THE DATA ARE ILLUSTRATIVE (see `examples/data/spc_fds_illustrative.csv`):
//! only October 2023 is a real figure (from the crate's NHS England CWT
//! provider extract); every other month is made up.
//!
//! ```text
//! cargo run --example spc_fds                 # writes target/spc_fds.svg
//! cargo run --example spc_fds -- out/fds.svg  # writes out/fds.svg
//! ```

use std::error::Error;
use std::path::PathBuf;

use cancer_plan::cwt::{PatientCount, Performance, PerformanceTable};
use cancer_plan::spc::{
    Assurance, Series, SpcChart, SpcOptions, SpcPoint, SpecialCause, Variation,
};
use cancer_plan::{CwtStandard, YearMonth};
use plotters::prelude::*;

const DATA: &str = include_str!("data/spc_fds_illustrative.csv");
/// The Wessex 2024/25 plan, for its own FDS ask.
const PLAN: &str = include_str!("data/wessex-2024-25.json");
const TRUST: &str = "RHU";
const TRUST_NAME: &str = "Portsmouth Hospitals University NHS Trust";

// Making Data Count / NHSRplotthedots colours.
const COMMON: RGBColor = RGBColor(0x7B, 0x7D, 0x7D);
const IMPROVING: RGBColor = RGBColor(0x28, 0x9D, 0xE0);
const CONCERNING: RGBColor = RGBColor(0xFA, 0xB4, 0x28);
const NEUTRAL: RGBColor = RGBColor(0x36, 0x14, 0x75);
const TARGET: RGBColor = RGBColor(0xDE, 0x1B, 0x1B);

fn main() -> Result<(), Box<dyn Error>> {
    let out = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("target/spc_fds.svg"));

    // Monthly counts -> the CWT module's performance table -> an SPC series.
    let fds = CwtStandard::FasterDiagnosis28Day;
    let mut table = PerformanceTable::new();
    for line in DATA.lines().filter(|l| !l.starts_with('#')).skip(1) {
        let fields: Vec<&str> = line.split(',').collect();
        let [month, org, within, total] = fields.as_slice() else {
            return Err(format!("bad data line: {line}").into());
        };
        let month: YearMonth = month.parse()?;
        let performance = Performance::new(within.parse::<PatientCount>()?, total.parse()?)?;
        table.add(month, fds, org.to_string(), performance)?;
    }
    let monthly = table.series(fds, TRUST);
    let series = Series::from_table(&table, fds, TRUST)?;

    // Higher is better; the target is the national FDS threshold in force
    // in the last month (the March 2025 planning ask, 77%).
    let options = SpcOptions::for_cwt(fds, series.last_month());
    let chart = SpcChart::new(&series, &options)?;
    let target = chart.target().ok_or("no FDS target for the last month")?;

    println!("ILLUSTRATIVE DATA (only 2023-10 is real): not real performance figures.");
    println!(
        "28-day Faster Diagnosis Standard, {TRUST_NAME} ({TRUST}), {} to {}",
        series.first_month(),
        series.last_month()
    );
    println!(
        "{:<8} {:>11} {:>7} {:>7} {:>7} {:>7}  {:<26} rules met",
        "month", "told in 28d", "FDS %", "mean", "LPL", "UPL", "variation"
    );
    for (point, m) in chart.points().iter().zip(&monthly) {
        let p = m.performance();
        println!(
            "{:<8} {:>11} {:>7.2} {:>7.2} {:>7.2} {:>7.2}  {:<26} {}",
            point.month().to_string(),
            format!("{}/{}", p.within(), p.total()),
            point.value(),
            point.mean(),
            point.lower_process_limit(),
            point.upper_process_limit(),
            point.variation().label(),
            rules(point)
        );
    }
    let limits = chart.latest_limits();
    let variation = chart.latest_variation();
    let assurance = chart.assurance().ok_or("no assurance")?;
    println!(
        "\nmean {:.2}%, mean moving range {:.2} ({} screened out), process limits {:.2}%..{:.2}%",
        limits.mean(),
        limits.mean_moving_range(),
        limits.moving_ranges_screened_out(),
        limits.lower_process_limit(),
        limits.upper_process_limit()
    );
    println!("variation (latest month): {variation}");
    println!("assurance against the {target}% target: {assurance}");
    // The plan's own ask is higher than the national threshold.
    let plan = cancer_plan::json::from_str(PLAN)?;
    let ask = plan
        .delivery_asks()
        .filter_map(|a| a.kind().performance_target())
        .find(|t| t.standard() == fds)
        .ok_or("the plan has no FDS ask")?;
    let ask_points: f64 = ask.threshold().points().try_into()?;
    if let Some(against_ask) = Assurance::against(
        ask_points,
        limits.lower_process_limit(),
        limits.upper_process_limit(),
        chart.direction(),
    ) {
        println!(
            "assurance against the {} plan's ask ({ask}): {against_ask}",
            plan.financial_year()
        );
    }

    draw(&chart, target, &out)?;
    println!("\nSVG written to {}", out.display());
    Ok(())
}

/// The rules a point meets, in words.
fn rules(point: &SpcPoint) -> String {
    let words: Vec<String> = point
        .special_causes()
        .iter()
        .map(|c| match c {
            SpecialCause::OutsideLimits { side } => format!("outside limits ({side:?})"),
            SpecialCause::Trend { direction } => format!("trend of 7 ({direction:?})"),
            SpecialCause::TwoOfThreeBeyondNearLimit { side } => {
                format!("2 of 3 beyond near limit ({side:?})")
            }
            SpecialCause::RunOnOneSide { side } => format!("run of 7 ({side:?} mean)"),
            _ => format!("{c:?}"),
        })
        .collect();
    words.join("; ").to_lowercase()
}

fn colour(variation: Variation) -> RGBColor {
    match variation {
        Variation::CommonCause => COMMON,
        Variation::SpecialCauseImproving => IMPROVING,
        Variation::SpecialCauseConcerning => CONCERNING,
        _ => NEUTRAL,
    }
}

fn draw(chart: &SpcChart, target: f64, out: &PathBuf) -> Result<(), Box<dyn Error>> {
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let points = chart.points();
    let n = points.len();
    let months: Vec<YearMonth> = points.iter().map(|p| p.month()).collect();
    let lows = points
        .iter()
        .map(|p| p.value().min(p.lower_process_limit()));
    let highs = points
        .iter()
        .map(|p| p.value().max(p.upper_process_limit()));
    let y_min = lows.fold(target, f64::min).floor() - 1.0;
    let y_max = highs.fold(target, f64::max).ceil() + 1.0;

    let root = SVGBackend::new(out, (1000, 620)).into_drawing_area();
    root.fill(&WHITE)?;
    let (header, body) = root.split_vertically(104);
    let assurance = chart
        .assurance()
        .map_or("no target".to_string(), |a| a.to_string());
    header.draw(&Text::new(
        "ILLUSTRATIVE DATA (only 2023-10 is real) - 28-day Faster Diagnosis Standard, RHU",
        (20, 12),
        ("sans-serif", 22).into_font().color(&BLACK),
    ))?;
    header.draw(&Text::new(
        format!("Variation (latest month): {}", chart.latest_variation()),
        (20, 46),
        ("sans-serif", 18)
            .into_font()
            .color(&colour(chart.latest_variation())),
    ))?;
    let assurance_colour = match chart.assurance() {
        Some(Assurance::ConsistentlyPassing) => IMPROVING,
        Some(Assurance::ConsistentlyFailing) => CONCERNING,
        _ => COMMON,
    };
    header.draw(&Text::new(
        format!("Assurance against the {target}% target: {assurance}"),
        (20, 74),
        ("sans-serif", 18).into_font().color(&assurance_colour),
    ))?;

    let mut plot = ChartBuilder::on(&body)
        .margin(20)
        .x_label_area_size(40)
        .y_label_area_size(55)
        .build_cartesian_2d(-0.5..(n as f64 - 0.5), y_min..y_max)?;
    plot.configure_mesh()
        .disable_x_mesh()
        .y_max_light_lines(1)
        .x_labels(n)
        .x_label_formatter(&|x| {
            let i = x.round();
            if (x - i).abs() > 1e-6 || i < 0.0 {
                return String::new();
            }
            months.get(i as usize).map_or(String::new(), |m| {
                if m.month() % 3 == 1 {
                    m.to_string()
                } else {
                    String::new()
                }
            })
        })
        .y_desc("% told within 28 days")
        .y_label_formatter(&|y| format!("{y:.0}%"))
        .draw()?;

    let x = |i: usize| i as f64;
    // Mean and limits, period by period.
    for period in 0..chart.periods().len() {
        let idx: Vec<usize> = (0..n).filter(|i| points[*i].period() == period).collect();
        let (Some(&a), Some(&b)) = (idx.first(), idx.last()) else {
            continue;
        };
        let (a, b) = (x(a) - 0.5, x(b) + 0.5);
        let l = chart.periods()[period].limits();
        plot.draw_series(LineSeries::new(
            [(a, l.mean()), (b, l.mean())],
            BLACK.stroke_width(2),
        ))?
        .label(format!("mean {:.1}%", l.mean()))
        .legend(|(x, y)| PathElement::new([(x, y), (x + 20, y)], BLACK.stroke_width(2)));
        for (y, name) in [
            (l.upper_process_limit(), "process limits"),
            (l.lower_process_limit(), ""),
        ] {
            let s = plot.draw_series(DashedLineSeries::new(
                [(a, y), (b, y)],
                6,
                4,
                COMMON.stroke_width(2),
            ))?;
            if !name.is_empty() {
                s.label(format!(
                    "{name} {:.1}%..{:.1}%",
                    l.lower_process_limit(),
                    l.upper_process_limit()
                ))
                .legend(|(x, y)| PathElement::new([(x, y), (x + 20, y)], COMMON.stroke_width(2)));
            }
        }
    }
    plot.draw_series(DashedLineSeries::new(
        [(-0.5, target), (n as f64 - 0.5, target)],
        10,
        5,
        TARGET.stroke_width(2),
    ))?
    .label(format!("target {target}%"))
    .legend(|(x, y)| PathElement::new([(x, y), (x + 20, y)], TARGET.stroke_width(2)));

    plot.draw_series(LineSeries::new(
        points.iter().enumerate().map(|(i, p)| (x(i), p.value())),
        COMMON.stroke_width(1),
    ))?;
    for (variation, name) in [
        (Variation::CommonCause, "common cause"),
        (Variation::SpecialCauseImproving, "special cause improving"),
        (
            Variation::SpecialCauseConcerning,
            "special cause concerning",
        ),
    ] {
        let c = colour(variation);
        plot.draw_series(
            points
                .iter()
                .enumerate()
                .filter(|(_, p)| p.variation() == variation)
                .map(|(i, p)| Circle::new((x(i), p.value()), 5, c.filled())),
        )?
        .label(name)
        .legend(move |(x, y)| Circle::new((x + 10, y), 5, c.filled()));
    }
    plot.configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .background_style(WHITE.mix(0.85))
        .border_style(COMMON)
        .draw()?;
    root.present()?;
    Ok(())
}

//! SPC charts of real 28-day Faster Diagnosis Standard (FDS) performance,
//! in the NHS "Making Data Count" style: printed as tables and drawn as
//! SVGs with the target line and the variation and assurance verdicts.
//!
//! REAL DATA, from NHS England's Cancer Waiting Times extracts for April to
//! October 2023 (copies in `examples/data/`):
//! - NHS Hampshire and Isle of Wight ICB, the sum of its sub-ICB locations
//!   D9Y0V and 10R as the Wessex plan lists them, from the ICB
//!   sub-location extract (`cwt-icb-sublocation-2023-04-to-10-wessex.csv`);
//! - Portsmouth Hospitals University NHS Trust (RHU), from the provider
//!   extract (`cwt-provider-extract-2023-04-to-10-wessex.csv`).
//!
//! Seven monthly points are few for XmR limits, which are usually drawn
//! from a longer baseline (and a run or trend rule needs all seven): the
//! charts and the output say so. No month is invented to pad the series.
//!
//! ```text
//! cargo run --example spc_fds --features cwt-extract                 # writes target/spc_fds.svg and target/spc_fds_rhu.svg
//! cargo run --example spc_fds --features cwt-extract -- out/fds.svg  # writes out/fds.svg and out/fds_rhu.svg
//! ```

use std::path::{Path, PathBuf};

use cancer_plan::cwt::extract::{read_provider_extract, read_sub_icb_extract};
use cancer_plan::cwt::MonthlyPerformance;
use cancer_plan::spc::{
    Assurance, Series, SpcChart, SpcOptions, SpcPoint, SpecialCause, Variation,
};
use cancer_plan::{CancerPlan, CwtStandard, YearMonth};
use plotters::prelude::*;

const SUB_ICB: &str = include_str!("data/cwt-icb-sublocation-2023-04-to-10-wessex.csv");
const PROVIDER: &str = include_str!("data/cwt-provider-extract-2023-04-to-10-wessex.csv");
/// The Wessex 2024/25 plan, for its sub-ICB membership and its FDS ask.
const PLAN: &str = include_str!("data/wessex-2024-25.json");
const TRUST: &str = "RHU";
const FEW_POINTS: &str = "Only 7 monthly points: few for XmR limits (usually drawn from a longer baseline; a run or trend rule needs all 7). Provisional.";

// Making Data Count / NHSRplotthedots colours.
const COMMON: RGBColor = RGBColor(0x7B, 0x7D, 0x7D);
const IMPROVING: RGBColor = RGBColor(0x28, 0x9D, 0xE0);
const CONCERNING: RGBColor = RGBColor(0xFA, 0xB4, 0x28);
const NEUTRAL: RGBColor = RGBColor(0x36, 0x14, 0x75);
const TARGET: RGBColor = RGBColor(0xDE, 0x1B, 0x1B);

/// What a chart shows and where its data came from.
struct Labels {
    title: String,
    source: String,
}

fn main() -> Result<(), cancer_plan::Error> {
    let out = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("target/spc_fds.svg"));
    let fds = CwtStandard::FasterDiagnosis28Day;
    let plan = cancer_plan::json::from_str(PLAN)?;

    // HIOW ICB: its sub-ICB locations, rolled up by the plan's membership.
    let sub_icb = read_sub_icb_extract(SUB_ICB.as_bytes())?;
    assert!(
        sub_icb.bad_rows().is_empty(),
        "bad rows in the sub-ICB sample: {:?}",
        sub_icb.bad_rows()
    );
    let (by_icb, _) = sub_icb.by_icb(plan.alliance())?;
    let hiow = plan
        .alliance()
        .icb("hiow")
        .expect("the plan has no hiow ICB");
    let locations: Vec<&str> = hiow
        .sub_icb_locations()
        .iter()
        .map(|c| c.as_str())
        .collect();
    report(
        &plan,
        by_icb.series(fds, hiow.id()),
        &Labels {
            title: format!(
                "REAL DATA - 28-day FDS, {} (sub-ICB locations {})",
                hiow.name(),
                locations.join(" + ")
            ),
            source: "Source: NHS England, CWT ICB sub-location extract, Apr-Oct 2023 (examples/data/cwt-icb-sublocation-2023-04-to-10-wessex.csv)".into(),
        },
        &out,
    )?;

    // One trust, from the provider extract.
    let provider = read_provider_extract(PROVIDER.as_bytes())?;
    assert!(
        provider.bad_rows().is_empty(),
        "bad rows in the provider sample: {:?}",
        provider.bad_rows()
    );
    let trust_name = plan.alliance().provider(TRUST).map_or(TRUST, |p| p.name());
    let trust_out = sibling(&out, "_rhu");
    report(
        &plan,
        provider.tabulate()?.series(fds, TRUST),
        &Labels {
            title: format!("REAL DATA - 28-day FDS, {trust_name} ({TRUST})"),
            source: "Source: NHS England, CWT provider extract, Apr-Oct 2023 (examples/data/cwt-provider-extract-2023-04-to-10-wessex.csv)".into(),
        },
        &trust_out,
    )?;
    Ok(())
}

/// `out/fds.svg` -> `out/fds_rhu.svg`.
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("spc_fds");
    path.with_file_name(format!("{stem}{suffix}.svg"))
}

/// Prints the table and verdicts of one series and draws its chart.
fn report(
    plan: &CancerPlan,
    monthly: Vec<MonthlyPerformance>,
    labels: &Labels,
    out: &Path,
) -> Result<(), cancer_plan::Error> {
    let fds = CwtStandard::FasterDiagnosis28Day;
    let series = Series::from_performance(monthly.clone())?;
    // Higher is better; the target is the national FDS threshold in force
    // in the last month (75% in October 2023).
    let options = SpcOptions::for_cwt(fds, series.last_month());
    let chart = SpcChart::new(&series, &options)?;
    let target = chart.target().expect("no FDS target for the last month");

    println!(
        "{}, {} to {}",
        labels.title,
        series.first_month(),
        series.last_month()
    );
    println!("{}", labels.source);
    println!("{FEW_POINTS}");
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
    let assurance = chart.assurance().expect("no assurance");
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
    let ask = plan
        .delivery_asks()
        .filter_map(|a| a.kind().performance_target())
        .find(|t| t.standard() == fds)
        .expect("the plan has no FDS ask");
    let ask_points: f64 = ask
        .threshold()
        .points()
        .try_into()
        .expect("0 to 100 is an f64");
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
    draw(&chart, target, labels, out).map_err(|e| std::io::Error::other(e.to_string()))?;
    println!("SVG written to {}\n", out.display());
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

/// Draws the chart; plotters' errors are its own, so they leave as text.
fn draw(
    chart: &SpcChart,
    target: f64,
    labels: &Labels,
    out: &Path,
) -> Result<(), Box<dyn std::error::Error>> {
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

    let root = SVGBackend::new(out, (1000, 680)).into_drawing_area();
    root.fill(&WHITE)?;
    let (header, body) = root.split_vertically(150);
    let assurance = chart
        .assurance()
        .map_or("no target".to_string(), |a| a.to_string());
    header.draw(&Text::new(
        labels.title.as_str(),
        (20, 12),
        ("sans-serif", 20).into_font().color(&BLACK),
    ))?;
    header.draw(&Text::new(
        labels.source.as_str(),
        (20, 100),
        ("sans-serif", 13).into_font().color(&COMMON),
    ))?;
    header.draw(&Text::new(
        FEW_POINTS,
        (20, 122),
        ("sans-serif", 14).into_font().color(&CONCERNING),
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
                if n <= 12 || m.month() % 3 == 1 {
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

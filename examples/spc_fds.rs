//! SPC charts of real Cancer Waiting Times performance, in the NHS "Making
//! Data Count" style: printed as tables and drawn as SVGs with the target
//! line and the variation and assurance verdicts.
//!
//! REAL DATA, from NHS England's CWT extracts given as arguments, CSV or
//! (feature `xlsx`) `.xlsx` workbooks as published (the samples live beside
//! the project in `../shared/data/cwt/`, never copied into it). Files of one
//! layout are joined month by month (a final release supersedes a
//! provisional one, otherwise the later file wins). Each file's layout is
//! recognised from its header:
//! - an ICB sub-location extract gives NHS Hampshire and Isle of Wight ICB,
//!   the sum of its sub-ICB locations as the Wessex plan lists them;
//! - a provider extract gives one trust (`--trust`, default Portsmouth
//!   Hospitals University NHS Trust, RHU).
//!
//! Charts the 28-day Faster Diagnosis Standard; `--per-standard` draws one
//! chart per standard (FDS, 31-day, 62-day) for each series. Fewer than 15
//! monthly points are few for XmR limits: the charts and the output say so.
//! No month is invented to pad a series. Errors print as sentences and
//! exit 1.
//!
//! ```text
//! cargo run --example spc_fds --features cwt-extract -- \
//!     ../shared/data/cwt/cwt-provider-extract-2024-04-to-2025-07-wessex.csv   # 16 months of RHU: target/spc_fds_rhu.svg
//! cargo run --example spc_fds --features cwt-extract -- --out out/fds.svg --per-standard \
//!     ../shared/data/cwt/cwt-icb-sublocation-2023-04-to-10-wessex.csv \
//!     ../shared/data/cwt/cwt-provider-extract-2023-04-to-10-wessex.csv     # out/fds_hiow_fds.svg, out/fds_rhu_62_day.svg, ...
//! ```

use std::path::{Path, PathBuf};

#[path = "common/extract_file.rs"]
mod extract_file;
use extract_file::fail;

use cancer_plan::assurance::{CwtSource, OrgLevel, PlanAssurance, SeriesAssurance};
use cancer_plan::cwt::extract::Layout;
use cancer_plan::cwt::MonthlyPerformance;
use cancer_plan::spc::{
    Assurance, AssuranceIcon, Series, SpcChart, SpcPoint, SpecialCause, Variation,
};
use cancer_plan::{CwtStandard, YearMonth};
use plotters::prelude::*;

/// The Wessex 2024/25 plan: its membership and asks, read by the library.
const PLAN: &str = include_str!("data/wessex-2024-25.json");
const DEFAULT_TRUST: &str = "RHU";
/// Fewer points than this are flagged as few for XmR limits.
const ENOUGH_POINTS: usize = 15;
const USAGE: &str = "usage: spc_fds [--out STEM.svg] [--trust CODE] [--per-standard] EXTRACT...\n\
    (NHS England CWT provider or ICB sub-location extracts, e.g.\n\
    ../shared/data/cwt/cwt-provider-extract-2024-04-to-2025-07-wessex.csv)";

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
    /// A warning about the series (few points), or empty.
    note: String,
    /// The y axis: what the percentage counts.
    y_desc: String,
}

/// The command line.
struct Options {
    out: PathBuf,
    trust: String,
    per_standard: bool,
    paths: Vec<PathBuf>,
}

impl Options {
    fn parse() -> Result<Options, cancer_plan::Error> {
        let mut options = Options {
            out: PathBuf::from("target/spc_fds.svg"),
            trust: DEFAULT_TRUST.to_owned(),
            per_standard: false,
            paths: Vec::new(),
        };
        let mut args = std::env::args_os().skip(1);
        while let Some(arg) = args.next() {
            match arg.to_str() {
                Some("--out") => options.out = args.next().ok_or_else(|| fail(USAGE))?.into(),
                Some("--trust") => {
                    options.trust = args
                        .next()
                        .and_then(|t| t.into_string().ok())
                        .ok_or_else(|| fail(USAGE))?
                }
                Some("--per-standard") => options.per_standard = true,
                Some(flag) if flag.starts_with("--") => {
                    return Err(fail(format!("unknown option {flag}\n{USAGE}")))
                }
                _ => options.paths.push(arg.into()),
            }
        }
        if options.paths.is_empty() {
            return Err(fail(USAGE));
        }
        Ok(options)
    }
}

/// Errors end the program with their sentence (`cancer_plan::Error`'s
/// `Debug` is its message), never a `Debug` dump, and exit 1.
fn main() -> Result<(), cancer_plan::Error> {
    let options = Options::parse()?;
    let plan = cancer_plan::json::from_str(PLAN)?;
    let standards: &[CwtStandard] = if options.per_standard {
        &CwtStandard::ALL
    } else {
        &[CwtStandard::FasterDiagnosis28Day]
    };
    // Files of one layout are joined; the layouts are charted apart.
    let mut by_layout: Vec<(Layout, Vec<PathBuf>)> = Vec::new();
    for path in &options.paths {
        let layout = extract_file::read(path)?.layout();
        match by_layout.iter_mut().find(|(l, _)| *l == layout) {
            Some((_, paths)) => paths.push(path.clone()),
            None => by_layout.push((layout, vec![path.clone()])),
        }
    }
    for (_, paths) in &by_layout {
        let extract = extract_file::read_all(paths)?;
        if !extract.bad_rows().is_empty() {
            return Err(fail(format!(
                "{}: {}",
                paths[0].display(),
                extract.bad_row_summary()
            )));
        }
        let file_name = paths
            .iter()
            .map(|p| {
                p.file_name().map_or_else(
                    || p.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                )
            })
            .collect::<Vec<_>>()
            .join(" + ");
        // Everything below comes from the library's assurance value: the
        // roll-up through the plan's membership, the series and its chart,
        // the target layers. This example only picks a series and draws it.
        let source = CwtSource::from_extract(file_name.clone(), &extract)?;
        let assurance = PlanAssurance::build(&plan, &[source])?;
        for &standard in standards {
            let (code, level, source) = match extract.layout() {
                // HIOW ICB: its sub-ICB locations, rolled up by the plan's membership.
                Layout::SubIcb => ("hiow", OrgLevel::Icb, "CWT ICB sub-location extract"),
                _ => (
                    options.trust.as_str(),
                    OrgLevel::Trust,
                    "CWT provider extract",
                ),
            };
            let Some(view) = assurance.series().iter().find(|s| {
                s.standard() == standard
                    && s.organisation().level() == level
                    && s.organisation().code() == code
            }) else {
                println!("{file_name}: no {standard} months for {code}\n");
                continue;
            };
            let series: Vec<MonthlyPerformance> = assurance
                .rows()
                .iter()
                .filter(|r| r.standard() == standard && r.organisation() == view.organisation())
                .map(|r| MonthlyPerformance::new(r.month(), r.performance()))
                .collect();
            let org = view.organisation();
            let name = format!("{} ({}, {})", org.name(), org.code(), view.basis());
            let slug = code.to_ascii_lowercase();
            if series.is_empty() {
                println!("{file_name}: no {standard} months for {name}\n");
                continue;
            }
            let (first, last) = (series[0].month(), series[series.len() - 1].month());
            let note = if series.len() < ENOUGH_POINTS {
                format!(
                    "Only {} monthly points: few for XmR limits (usually drawn from {ENOUGH_POINTS} or more; a run or trend rule needs 7). Provisional.",
                    series.len()
                )
            } else {
                String::new()
            };
            let suffix = if options.per_standard {
                format!("_{slug}_{}", standard_slug(standard))
            } else {
                format!("_{slug}")
            };
            report(
                view,
                series,
                &Labels {
                    title: format!("REAL DATA - {standard}, {name}"),
                    source: format!(
                        "Source: NHS England, {source}, {first} to {last} ({file_name})"
                    ),
                    note,
                    y_desc: y_desc(standard).to_owned(),
                },
                &sibling(&options.out, &suffix),
            )?;
        }
    }
    Ok(())
}

/// `28-day FDS` -> `fds`, `62-day Combined` -> `62_day`.
fn standard_slug(standard: CwtStandard) -> &'static str {
    match standard {
        CwtStandard::FasterDiagnosis28Day => "fds",
        CwtStandard::Combined31Day => "31_day",
        _ => "62_day",
    }
}

/// The y axis of a standard's chart.
fn y_desc(standard: CwtStandard) -> &'static str {
    match standard {
        CwtStandard::FasterDiagnosis28Day => "% told within 28 days",
        CwtStandard::Combined31Day => "% treated within 31 days",
        _ => "% treated within 62 days",
    }
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
    view: &SeriesAssurance,
    monthly: Vec<MonthlyPerformance>,
    labels: &Labels,
    out: &Path,
) -> Result<(), cancer_plan::Error> {
    // The library's chart, headlined by the latest time-varying target
    // (the plan's ask, else the milestone in force, else the standard).
    let chart = view
        .chart()
        .ok_or_else(|| fail(format!("no chart: {}", view.no_chart().unwrap_or(""))))?;
    let target = chart
        .target()
        .ok_or_else(|| fail("no target layer in the last month"))?;
    let headline = view
        .headline()
        .ok_or_else(|| fail("no target layer in the last month"))?;
    let series = Series::from_performance(monthly.clone())?;

    println!(
        "{}, {} to {}",
        labels.title,
        series.first_month(),
        series.last_month()
    );
    println!("{}", labels.source);
    if !labels.note.is_empty() {
        println!("{}", labels.note);
    }
    println!(
        "{:<8} {:>11} {:>7} {:>7} {:>7} {:>7}  {:<26} rules met",
        "month", "within", "%", "mean", "LPL", "UPL", "variation"
    );
    for (point, m) in chart.points().iter().zip(&monthly) {
        let p = m.performance();
        println!(
            "{:<8} {:>11} {:>7.2} {:>7.2} {:>7.2} {:>7.2}  {:<26} {}",
            point.month().to_string(),
            format!("{}/{}", p.within(), p.total()),
            point.value(),
            point.limits().mean(),
            point.limits().lower_process_limit(),
            point.limits().upper_process_limit(),
            point.variation().label(),
            rules(point)
        );
    }
    let limits = chart.latest_limits();
    println!(
        "\nmean {:.2}%, mean moving range {:.2} ({} screened out), process limits {:.2}%..{:.2}%",
        limits.mean(),
        limits.mean_moving_range(),
        limits.moving_ranges_screened_out(),
        limits.lower_process_limit(),
        limits.upper_process_limit()
    );
    println!("variation (latest month): {}", chart.icons().variation());
    println!(
        "assurance against the headline target ({headline}): {}",
        chart.icons().assurance()
    );
    // Every other target layer of the last month, judged on the same limits.
    for layer in view.layers() {
        println!(
            "  against {}: {}",
            layer.target(),
            AssuranceIcon::of(layer.assurance())
        );
    }
    draw(chart, target, labels, out).map_err(|e| fail(format!("{}: {e}", out.display())))?;
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
        .map(|p| p.value().min(p.limits().lower_process_limit()));
    let highs = points
        .iter()
        .map(|p| p.value().max(p.limits().upper_process_limit()));
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
        labels.note.as_str(),
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
        .y_desc(labels.y_desc.as_str())
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

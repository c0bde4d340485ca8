//! Golden file: the SVG of a fixed series (a rebase, special causes of both
//! kinds, three target layers, one of them time-varying). The chart must
//! come out byte for byte as `tests/data/spc_chart.svg`.
//!
//! After a deliberate change to the drawing, rewrite the file with
//! `UPDATE_GOLDEN=1 cargo test --features svg --test spc_svg` and look at
//! the diff (and the picture).

use cancer_plan::spc::svg::{
    assurance_icon_svg, chart_svg, variation_icon_svg, ChartStyle, TargetKind, TargetLine,
};
use cancer_plan::spc::{ImprovementDirection, Series, SpcChart, SpcOptions};
use cancer_plan::YearMonth;

const GOLDEN: &str = "tests/data/spc_chart.svg";

/// 24 months of FDS-like performance: a stable first year, a rebase in
/// April 2025 after a pathway change, a run of improvement and one
/// concerning dip.
fn fixture() -> (SpcChart, Vec<TargetLine>) {
    let start: YearMonth = "2023-04".parse().unwrap();
    let values = [
        71.2, 72.8, 70.5, 73.1, 72.0, 71.7, 66.0, 72.4, 73.0, 71.9, 72.6, 73.3, // 2023/24
        75.1, 76.4, 75.8, 77.0, 76.2, 77.5, 76.9, 77.8, 78.1, 71.0, 78.6, 79.2, // 2024/25
    ];
    let series = Series::new(
        values
            .iter()
            .enumerate()
            .map(|(i, v)| (start.plus_months(i as i32).unwrap(), *v)),
    )
    .unwrap();
    let options = SpcOptions::new(ImprovementDirection::Increase)
        .rebase_at("2024-04".parse().unwrap())
        .target(77.0);
    let chart = SpcChart::new(&series, &options).unwrap();
    let targets = vec![
        TargetLine::constant(TargetKind::Standard, "Standard", 80.0),
        TargetLine::steps(
            TargetKind::Milestone,
            "Milestone",
            [
                ("2023-04".parse().unwrap(), 75.0),
                ("2024-03".parse().unwrap(), 77.0),
            ],
        ),
        TargetLine::constant(TargetKind::PlanAsk, "Plan's ask <Mar 25>", 78.0),
    ];
    (chart, targets)
}

fn style() -> ChartStyle {
    ChartStyle::new("28-day FDS, illustrative series & \"rebase\"")
        .subtitle("Synthetic data for the golden file")
        .id("golden")
        .two_sigma_band(true)
}

#[test]
fn chart_matches_the_golden_file() {
    let (chart, targets) = fixture();
    let svg = chart_svg(&chart, &targets, &style());
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(GOLDEN, &svg).unwrap();
    }
    let golden = std::fs::read_to_string(GOLDEN).unwrap();
    assert!(
        svg == golden,
        "{GOLDEN} differs: rerun with UPDATE_GOLDEN=1 and review the diff"
    );
}

#[test]
fn output_is_deterministic() {
    let (chart, targets) = fixture();
    let a = chart_svg(&chart, &targets, &style());
    let (chart, targets) = fixture();
    let b = chart_svg(&chart, &targets, &style());
    assert_eq!(a, b);
}

#[test]
fn caller_text_is_escaped_and_ids_are_safe() {
    let (chart, targets) = fixture();
    let style = ChartStyle::new("</title><script>alert(1)</script>").id("x\" onload=\"y");
    let svg = chart_svg(&chart, &targets, &style);
    assert!(!svg.contains("<script"));
    assert!(svg.contains("&lt;/title&gt;&lt;script&gt;"));
    assert!(svg.contains("Plan&#39;s ask &lt;Mar 25&gt;"));
    assert!(!svg.contains("onload=\""));
    assert!(svg.contains("aria-labelledby=\"x--onload--y-title x--onload--y-desc\""));
}

#[test]
fn chart_has_title_desc_icons_points_and_every_target() {
    let (chart, targets) = fixture();
    let svg = chart_svg(&chart, &targets, &style());
    assert_eq!(svg.matches("<title id=").count(), 1);
    assert_eq!(svg.matches("<desc id=").count(), 1);
    assert_eq!(svg.matches("class=\"spc-point ").count(), 24);
    assert_eq!(svg.matches("class=\"spc-target\"").count(), 3);
    assert_eq!(svg.matches("class=\"spc-mean\"").count(), 2, "two periods");
    assert_eq!(svg.matches("class=\"spc-rebase\"").count(), 1);
    assert!(svg.contains("mdc-variation"));
    assert!(svg.contains("mdc-assurance"));
    // Both special-cause colours appear: the improving run and the dip.
    assert!(svg.contains("spc-point spc-improving"));
    assert!(svg.contains("spc-point spc-concerning"));
    let desc = svg.split("<desc").nth(1).unwrap();
    assert!(desc.contains("Standard (standard): 80.0%"));
    assert!(desc.contains("Milestone (planning milestone): 77.0%"));
}

#[test]
fn icons_alone_have_titles() {
    let (chart, _) = fixture();
    for icon in [
        variation_icon_svg(chart.icons().variation(), 32),
        assurance_icon_svg(chart.icons().assurance(), 32),
    ] {
        assert!(icon.starts_with("<svg "));
        assert!(icon.contains("<title>"));
        assert!(icon.contains("role=\"img\""));
    }
}

#[test]
fn icons_come_from_the_icon_data_and_can_be_overridden() {
    use cancer_plan::spc::{AssuranceIcon, Icons};
    let (chart, targets) = fixture();
    let own = chart_svg(&chart, &targets, &style());
    assert!(own.contains("mdc-variation-improvement_high"));
    assert!(own.contains("mdc-assurance-inconsistent"));
    // Assurance against the 80% standard rather than the chart's 77%.
    let icons = Icons::against(&chart, Some(cancer_plan::Percent::from_points(95).unwrap()));
    assert_eq!(icons.assurance(), AssuranceIcon::ConsistentlyFails);
    let other = chart_svg(&chart, &targets, &style().icons(icons));
    assert!(other.contains("mdc-assurance-fail"));
    assert!(other.contains("Assurance: consistently fails the target"));
}

/// Checks the SVG is balanced markup: every `<` opens a tag that `>`
/// closes, open and close tags nest, and no text holds a raw `<`, `>` or
/// a float that is not a number.
fn assert_well_formed(svg: &str) {
    let mut stack: Vec<&str> = Vec::new();
    let mut rest = svg;
    while let Some(start) = rest.find('<') {
        assert!(!rest[..start].contains('>'), "stray > in text");
        let end = rest[start..].find('>').expect("unclosed tag") + start;
        let tag = &rest[start + 1..end];
        assert!(!tag.contains('<'), "< inside a tag: {tag}");
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(stack.pop(), Some(name), "mismatched </{name}>");
        } else if !tag.ends_with('/') {
            let name = tag.split_whitespace().next().unwrap();
            stack.push(name);
        }
        rest = &rest[end + 1..];
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
    for bad in ["NaN", "inf", "\"-0.0\""] {
        assert!(!svg.contains(bad), "{bad} in the output");
    }
}

#[test]
fn the_golden_chart_is_well_formed() {
    let (chart, targets) = fixture();
    assert_well_formed(&chart_svg(&chart, &targets, &style()));
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Any finite series, any text, any target: balanced markup, no
        /// NaN, the same bytes twice, one point per month.
        #[test]
        fn any_chart_is_well_formed_and_deterministic(
            values in prop::collection::vec(-1.0e6_f64..1.0e6, 2..40),
            title in ".{0,80}",
            label in ".{0,30}",
            target in prop::option::of(-1.0e6_f64..1.0e6),
            band in any::<bool>(),
        ) {
            let start: YearMonth = "2020-01".parse().unwrap();
            let series = Series::new(values.iter().enumerate().map(|(i, v)| (start.plus_months(i as i32).unwrap(), *v))).unwrap();
            let mut options = SpcOptions::new(ImprovementDirection::Increase);
            if let Some(t) = target {
                options = options.target(t);
            }
            let chart = SpcChart::new(&series, &options).unwrap();
            let targets = [TargetLine::constant(TargetKind::Local, label, target.unwrap_or(0.0))];
            let style = ChartStyle::new(title).two_sigma_band(band);
            let svg = chart_svg(&chart, &targets, &style);
            assert_well_formed(&svg);
            prop_assert_eq!(svg.matches("class=\"spc-point ").count(), values.len());
            prop_assert_eq!(&svg, &chart_svg(&chart, &targets, &style));
        }
    }
}

//! Plan delivery assurance (issue 19): the Wessex plan against the CWT
//! provider extract, target layers kept apart, RDC coverage, funnel limits
//! and Wilson intervals against PHEindicatormethods.

use crate::common;

use cancer_plan::assurance::{
    funnel_limits, Basis, CwtSource, Funnel, FunnelFlag, OrgLevel, OutsideReason, PlanAssurance,
    RdcCoverage, RdcGapReason,
};
use cancer_plan::cwt::extract::read_any_extract;
use cancer_plan::cwt::{ConfidenceLevel, PatientCount, Performance};
use cancer_plan::spc::AssuranceIcon;
use cancer_plan::standard::TargetLayer;
use cancer_plan::{CwtStandard, OdsCode, Percent, TumourSite, YearMonth};

type TestResult = Result<(), Box<dyn std::error::Error>>;

const PLAN: &str = include_str!("../../examples/data/wessex-2024-25.json");
const EXTRACT: &str = "cwt/cwt-provider-extract-2024-04-to-2025-07-wessex.csv";

fn wessex_assurance() -> Result<Option<PlanAssurance>, Box<dyn std::error::Error>> {
    let Some(text) = common::shared_text(EXTRACT) else {
        eprintln!("skipped: ../shared/data/{EXTRACT} not found");
        return Ok(None);
    };
    let plan = cancer_plan::json::from_str(PLAN)?;
    let extract = read_any_extract(text.as_bytes())?;
    let source = CwtSource::from_extract(EXTRACT, &extract)?;
    Ok(Some(PlanAssurance::build(&plan, &[source])?))
}

fn pct(n: u8) -> Percent {
    Percent::from_points(n).unwrap()
}

#[test]
fn july_2025_62_day_rows_show_every_layer_separately() -> TestResult {
    let Some(assurance) = wessex_assurance()? else {
        return Ok(());
    };
    let july: YearMonth = "2025-07".parse()?;
    let rows: Vec<_> = assurance
        .rows_of(july, CwtStandard::Combined62Day)
        .collect();
    // The alliance, its two ICBs, six trusts in them and Salisbury (RNZ) on its own.
    assert_eq!(rows.len(), 10, "{rows:#?}");
    for row in &rows {
        assert_eq!(row.basis(), Basis::Provider);
        let layer = |l| row.target(l).ok_or(format!("{l} missing in {row:?}"));
        let standard = layer(TargetLayer::Standard)?;
        assert_eq!(standard.target().threshold(), pct(85));
        assert!(standard.due());
        let milestone = layer(TargetLayer::MilestoneInForce)?;
        assert_eq!(milestone.target().threshold(), pct(70));
        assert_eq!(milestone.target().month().to_string(), "2025-03");
        let next = layer(TargetLayer::NextMilestone)?;
        assert_eq!(next.target().threshold(), pct(75));
        assert_eq!(next.target().month().to_string(), "2026-03");
        assert!(!next.due());
        let ask = layer(TargetLayer::PlanAsk)?;
        assert_eq!(ask.target().threshold(), pct(85));
        assert_eq!(ask.target().ask().map(|a| a.as_str()), Some("62-day-85"));
        assert_eq!(ask.target().month().to_string(), "2025-03");
        assert!(ask.due());
        // Each judged on its own threshold: the gap to 85% is at least the gap to 75%, to 70%.
        let gap = |j: &cancer_plan::cwt::JudgedTarget| j.gap_in_patients().unwrap_or(0);
        assert!(gap(standard) >= gap(next) && gap(next) >= gap(milestone));
        assert_eq!(
            standard.met(),
            row.performance().meets(pct(85)),
            "{}",
            row.organisation()
        );
        // Wilson intervals at both levels around the performance.
        let (w95, w998) = (
            row.wilson_95().ok_or("95")?,
            row.wilson_99_8().ok_or("99.8")?,
        );
        let p = rust_decimal::prelude::ToPrimitive::to_f64(
            &row.performance().percent().ok_or("percent")?.as_ratio(),
        )
        .ok_or("ratio")?;
        assert!(
            w998.lower_ratio() <= w95.lower_ratio()
                && w95.lower_ratio() <= p
                && p <= w95.upper_ratio()
        );
        assert!(w95.upper_ratio() <= w998.upper_ratio());
    }
    // The alliance is the sum of its ICBs, which are the sums of their trusts.
    let of = |level: OrgLevel| {
        rows.iter()
            .filter(move |r| r.organisation().level() == level)
    };
    let alliance = of(OrgLevel::Alliance)
        .next()
        .ok_or("alliance")?
        .performance();
    let icbs = Performance::checked_sum(of(OrgLevel::Icb).map(|r| r.performance()))?;
    let trusts = Performance::checked_sum(
        of(OrgLevel::Trust)
            .filter(|r| r.organisation().in_alliance())
            .map(|r| r.performance()),
    )?;
    assert_eq!(alliance, icbs);
    assert_eq!(alliance, trusts);
    Ok(())
}

#[test]
fn salisbury_is_reported_outside_the_alliance_not_dropped() -> TestResult {
    let Some(assurance) = wessex_assurance()? else {
        return Ok(());
    };
    let rnz = assurance
        .outside()
        .iter()
        .find(|o| o.code().as_str() == "RNZ")
        .ok_or("RNZ not reported")?;
    assert_eq!(rnz.reason(), OutsideReason::ListedWithoutAllianceIcb);
    let rows: Vec<_> = assurance
        .rows()
        .iter()
        .filter(|r| r.organisation().code() == "RNZ")
        .collect();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| !r.organisation().in_alliance()
        && r.organisation().icb().is_none()
        && r.organisation().level() == OrgLevel::Trust));
    Ok(())
}

#[test]
fn series_carry_icons_and_assurance_against_every_layer() -> TestResult {
    let Some(assurance) = wessex_assurance()? else {
        return Ok(());
    };
    let alliance_62 = assurance
        .series()
        .iter()
        .find(|s| {
            s.standard() == CwtStandard::Combined62Day
                && s.organisation().level() == OrgLevel::Alliance
        })
        .ok_or("alliance 62-day series")?;
    let chart = alliance_62.chart().ok_or("chart")?;
    assert_eq!(chart.points().len(), 16); // April 2024 to July 2025
    assert_eq!(
        chart.icons().variation().variation(),
        chart.latest_variation()
    );
    // Headlined by the plan's ask (85%, due March 2025), with every layer's assurance beside.
    assert_eq!(
        alliance_62.headline().map(|t| t.layer()),
        Some(TargetLayer::PlanAsk)
    );
    assert_ne!(chart.icons().assurance(), AssuranceIcon::NotApplicable);
    let layers: Vec<TargetLayer> = alliance_62
        .layers()
        .iter()
        .map(|l| l.target().layer())
        .collect();
    assert_eq!(
        layers,
        [
            TargetLayer::Standard,
            TargetLayer::MilestoneInForce,
            TargetLayer::NextMilestone,
            TargetLayer::PlanAsk
        ]
    );
    // Serialises whole.
    let json = serde_json::to_value(&assurance)?;
    assert!(json["series"][0]["variation_icon"].is_string());
    assert!(json["rows"][0]["targets"].is_array());
    Ok(())
}

#[test]
fn an_alliance_without_assessments_reports_every_site_not_assessed() -> TestResult {
    let plan = cancer_plan::json::from_str(PLAN)?;
    let none = RdcCoverage::new(None);
    assert_eq!(none.sites().len(), TumourSite::ALL.len());
    assert_eq!(none.sites_assessed(), 0);
    assert!(none.sites().iter().all(|s| !s.assessed()));
    assert_eq!(none.gaps().len(), TumourSite::ALL.len());
    for (gap, site) in none.gaps().iter().zip(TumourSite::ALL) {
        assert_eq!(
            (gap.site(), gap.reason()),
            (site, RdcGapReason::NotAssessed)
        );
        assert_eq!(gap.reason().to_string(), "not assessed");
        assert!(gap.principle().is_none());
    }
    assert_eq!(
        none.counts()
            .get(cancer_plan::rdc::ComplianceLevel::NotAssessed),
        TumourSite::ALL.len() * 7
    );
    // The same through a plan of the Wessex alliance without assessments.
    let bare = cancer_plan::CancerPlan::builder()
        .title("Wessex without assessments")
        .financial_year(plan.financial_year())
        .alliance(plan.alliance().clone())
        .build()?;
    assert!(bare.rdc_assessments().is_empty());
    let assurance = PlanAssurance::build(&bare, &[])?;
    assert_eq!(assurance.rdc(), &none);
    Ok(())
}

/// PHEindicatormethods (UKHSA), `tests/testthat/testdata_funnel_prop_outputs.csv`
/// (github.com/ukhsa-collaboration/PHEindicatormethods): the `phe_funnels`
/// limits, in percent, of its 300-area proportion test data, whose
/// baseline (Σ numerator / Σ denominator) is 80.642448%. Rows: (population,
/// lower 95%, upper 95%, lower 99.8%, upper 99.8%), as published (the
/// limits clamped to 0..100).
const PHE_FUNNEL: [(f64, f64, f64, f64, f64); 12] = [
    (1.0, 3.204264, 100.0, 0.0, 100.0),
    (3.0, 35.933491, 100.0, 10.150815, 100.0),
    (18.0, 62.390093, 98.894803, 51.864359, 100.0),
    (41.0, 68.548635, 92.73626, 61.574398, 99.710497),
    (102.0, 72.974925, 88.309971, 68.553233, 92.731663),
    (486.0, 77.12978, 84.155115, 75.104102, 86.180794),
    (1008.0, 78.203374, 83.081521, 76.796814, 84.488082),
    (5348.0, 79.583537, 81.701359, 78.972886, 82.31201),
    (12316.0, 79.944665, 81.340231, 79.542269, 81.742627),
    (28360.0, 80.182613, 81.102283, 79.917436, 81.36746),
    (58842.0, 80.323212, 80.961684, 80.139116, 81.14578),
    (110000.0, 80.408963, 80.875933, 80.274317, 81.010578),
];
const PHE_BASELINE: f64 = 0.806_424_48;

#[test]
fn funnel_limits_match_phe_indicator_methods() -> TestResult {
    for (n, lo95, hi95, lo998, hi998) in PHE_FUNNEL {
        let (l, u) = funnel_limits(PHE_BASELINE, n, ConfidenceLevel::Percent95)?;
        let (l3, u3) = funnel_limits(PHE_BASELINE, n, ConfidenceLevel::Percent99_8)?;
        let clamp = |x: f64| (x * 100.0).clamp(0.0, 100.0);
        // The table gives 6 decimals of a percent; the baseline 8 digits.
        for (ours, theirs) in [(l, lo95), (u, hi95), (l3, lo998), (u3, hi998)] {
            assert!(
                (clamp(ours) - theirs).abs() < 2e-6,
                "n = {n}: {} against {theirs}",
                clamp(ours)
            );
        }
    }
    assert!(funnel_limits(1.5, 10.0, ConfidenceLevel::Percent95).is_err());
    assert!(funnel_limits(0.5, 0.0, ConfidenceLevel::Percent95).is_err());
    assert!(funnel_limits(f64::NAN, 10.0, ConfidenceLevel::Percent95).is_err());
    Ok(())
}

/// PHEindicatormethods `tests/testthat/testdata_funnel_prop_inputs.csv`:
/// areas with their `phe_funnel_significance` level, judged against the
/// same baseline.
const PHE_SIGNIFICANCE: [(&str, f64, f64, FunnelFlag); 8] = [
    ("New Forest PCT", 35078.488, 41980.0, FunnelFlag::High99_8),
    ("Norwich PCT", 24803.6256, 31824.0, FunnelFlag::Low99_8),
    (
        "South Gloucestershire PCT",
        50050.7443,
        61921.0,
        FunnelFlag::NotSignificant,
    ),
    ("West Norfolk PCT", 26789.238, 33012.0, FunnelFlag::High95),
    ("North Tees PCT", 36850.0492, 45449.0, FunnelFlag::High95),
    ("Mid-Hampshire PCT", 34502.0685, 42485.0, FunnelFlag::High95),
    ("North Devon PCT", 30277.5312, 37828.0, FunnelFlag::Low95),
    (
        "Isle of Wight PCT",
        26669.856,
        31480.0,
        FunnelFlag::High99_8,
    ),
];

#[test]
fn funnel_significance_matches_phe_indicator_methods() -> TestResult {
    for (area, x, n, expected) in PHE_SIGNIFICANCE {
        assert_eq!(
            FunnelFlag::classify(x, n, PHE_BASELINE)?,
            expected,
            "{area}"
        );
        assert_eq!(
            FunnelFlag::classify(x, n, PHE_BASELINE)?.label(),
            expected.label()
        );
    }
    Ok(())
}

#[test]
fn a_funnel_flags_the_trust_outside_it() -> TestResult {
    let oct: YearMonth = "2025-07".parse()?;
    let w = PatientCount::whole;
    let code = |c: &str| OdsCode::new(c).unwrap();
    let points = vec![
        (code("RAA"), true, Performance::new(w(800), w(1000))?),
        (code("RBB"), false, Performance::new(w(790), w(1000))?),
        (code("RCC"), false, Performance::new(w(810), w(1000))?),
        (code("RDD"), true, Performance::new(w(600), w(1000))?),
        (code("REE"), false, Performance::new(w(0), w(0))?),
    ];
    let funnel =
        Funnel::new(oct, CwtStandard::Combined62Day, Basis::Provider, points)?.ok_or("funnel")?;
    assert_eq!(funnel.points().len(), 4); // the empty one left out
    assert!((funnel.average() - 0.75).abs() < 1e-12);
    // 75% on average; at 1,000 patients the 95% limits are about 72.3-77.6%, the 99.8% 70.6-79.2%.
    let outside: Vec<&str> = funnel.outside().map(|p| p.code().as_str()).collect();
    assert_eq!(outside, ["RAA", "RBB", "RCC", "RDD"]);
    assert_eq!(funnel.point("RBB").ok_or("RBB")?.flag(), FunnelFlag::High95);
    assert_eq!(
        funnel.point("RCC").ok_or("RCC")?.flag(),
        FunnelFlag::High99_8
    );
    assert_eq!(
        funnel.point("RDD").ok_or("RDD")?.flag(),
        FunnelFlag::Low99_8
    );
    Ok(())
}

/// Wilson intervals on the rows are PHEindicatormethods' (`R/Wilson.R`;
/// `tests/testthat/testWilson.R` inputs: 65 of 100 at 95%), as
/// `tests/cwt/wilson.rs` checks the formula itself.
#[test]
fn row_intervals_are_phe_wilson_intervals() -> TestResult {
    let plan = cancer_plan::json::from_str(PLAN)?;
    let mut table = cancer_plan::cwt::PerformanceTable::new();
    table.add(
        "2025-07".parse()?,
        CwtStandard::FasterDiagnosis28Day,
        OdsCode::new("RHM")?,
        Performance::new(PatientCount::whole(65), PatientCount::whole(100))?,
    )?;
    let assurance = PlanAssurance::build(&plan, &[CwtSource::provider("t", table)])?;
    let row = assurance
        .rows()
        .iter()
        .find(|r| r.organisation().code() == "RHM")
        .ok_or("RHM")?;
    let ci = row.wilson_95().ok_or("ci")?;
    assert!((ci.lower_ratio() - 0.552_544_432_968_879_6).abs() < 1e-12);
    assert!((ci.upper_ratio() - 0.736_357_517_569_024_7).abs() < 1e-12);
    // FDS July 2025: 75% standard, 77% milestone in force (March 2025), 80% next (March 2026),
    // and the plan's 80% ask.
    let thresholds: Vec<(TargetLayer, Percent)> = row
        .targets()
        .iter()
        .map(|t| (t.target().layer(), t.target().threshold()))
        .collect();
    assert_eq!(
        thresholds,
        [
            (TargetLayer::Standard, pct(75)),
            (TargetLayer::MilestoneInForce, pct(77)),
            (TargetLayer::NextMilestone, pct(80)),
            (TargetLayer::PlanAsk, pct(80)),
        ]
    );
    Ok(())
}

#[test]
fn two_sources_on_one_basis_may_not_overlap() -> TestResult {
    let plan = cancer_plan::json::from_str(PLAN)?;
    let mut table = cancer_plan::cwt::PerformanceTable::new();
    table.add(
        "2025-07".parse()?,
        CwtStandard::FasterDiagnosis28Day,
        OdsCode::new("RHM")?,
        Performance::new(PatientCount::whole(65), PatientCount::whole(100))?,
    )?;
    let a = CwtSource::provider("a", table.clone());
    let b = CwtSource::provider("b", table.clone());
    assert!(PlanAssurance::build(&plan, &[a.clone(), b]).is_err());
    // Different bases are kept apart, not added.
    let c = CwtSource::commissioner("c", table);
    let both = PlanAssurance::build(&plan, &[a, c])?;
    assert_eq!(both.sources().len(), 2);
    Ok(())
}

/// The two CWT examples lay out what the library computes: no membership,
/// roll-up or target lookup of their own (issue 19).
#[test]
fn the_cwt_examples_hold_no_membership_or_target_lookup() {
    for (name, source) in [
        (
            "cwt_performance",
            include_str!("../../examples/cwt_performance.rs"),
        ),
        ("spc_fds", include_str!("../../examples/spc_fds.rs")),
    ] {
        let code: String = source
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        for lookup in [
            "target_for",
            "for_cwt",
            "TargetSchedule",
            "delivery_asks",
            "performance_target",
            ".regroup(",
            ".by_icb(",
            ".alliance()",
            "sub_icb_locations",
            "icb_of_",
        ] {
            assert!(!code.contains(lookup), "{name} holds a lookup: {lookup}");
        }
        assert!(code.contains("PlanAssurance::build"), "{name}");
    }
}

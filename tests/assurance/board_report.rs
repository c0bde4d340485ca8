//! The board report example on the Wessex sample: its JSON twin is a golden
//! file (`tests/data/board_report_wessex_2025_07.json`), and its page keeps
//! the promises the browser check relies on. The example's modules are
//! compiled in here (`#[path]`), so the test exercises exactly the code the
//! example runs.
//!
//! The CWT extract is a shared NHS England file, never copied into the
//! crate: without it the tests skip with a note (CI sets
//! `CANCER_PLAN_SHARED_DATA`, which makes a missing file a failure).
//!
//! After a deliberate change, rewrite the golden file with
//! `UPDATE_GOLDEN=1 cargo test --all-features --test assurance board_report` and review
//! the diff.

use crate::common;

use crate::{gather, model, page};

use std::fs::File;
use std::io::BufReader;

use cancer_plan::cwt::extract::read_any_extract;

const GOLDEN: &str = "tests/data/board_report_wessex_2025_07.json";
const PLAN: &str = "examples/data/wessex-2024-25.json";
const EXTRACT: &str = "cwt/cwt-provider-extract-2024-04-to-2025-07-wessex.csv";
const SUB_ICB: &str = "cwt/cwt-icb-sublocation-2023-04-to-10-wessex.csv";

fn wessex() -> Option<model::Report> {
    report_of(&std::fs::read_to_string(PLAN).unwrap())
}

fn report_of(plan_json: &str) -> Option<model::Report> {
    let extract = common::shared_data(EXTRACT)?;
    let sub_icb = common::shared_data(SUB_ICB)?;
    let plan = cancer_plan::json::from_str(plan_json).unwrap();
    let inputs = [extract, sub_icb]
        .iter()
        .map(|path| gather::Input {
            file: path.file_name().unwrap().to_string_lossy().into_owned(),
            extract: read_any_extract(BufReader::new(File::open(path).unwrap())).unwrap(),
        })
        .collect::<Vec<_>>();
    Some(gather::gather(&plan, &inputs, "2025-07".parse().unwrap()).unwrap())
}

#[test]
fn json_twin_matches_the_golden_file() {
    let Some(report) = wessex() else { return };
    let json = serde_json::to_string_pretty(&report).unwrap() + "\n";
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(GOLDEN, &json).unwrap();
    }
    let golden = std::fs::read_to_string(GOLDEN).unwrap();
    assert!(
        json == golden,
        "{GOLDEN} differs: rerun with UPDATE_GOLDEN=1 and review the diff"
    );
}

#[test]
fn sixty_two_day_layers_stay_separate() {
    let Some(report) = wessex() else { return };
    let d62 = report.standards.iter().find(|s| s.anchor == "d62").unwrap();
    let layer = |name: &str| {
        d62.layers
            .iter()
            .find(|l| l.layer == name)
            .unwrap_or_else(|| panic!("no {name} layer"))
    };
    assert_eq!(layer("Standard").threshold, "85%");
    assert_eq!(layer("National milestone in force").threshold, "70%");
    assert_eq!(layer("Next national milestone").threshold, "75%");
    assert_eq!(layer("Next national milestone").in_force, "due 2026-03");
    assert_eq!(layer("Plan's ask").in_force, "due 2025-03");
    assert_eq!(layer("Plan's ask").threshold, "85%");
}

#[test]
fn every_summary_row_has_a_chart_and_both_icons() {
    let Some(report) = wessex() else { return };
    // FDS, 31-day and 62-day x (alliance, 2 ICBs, 6 trusts in the ICBs and
    // Salisbury, listed by the plan outside them).
    assert_eq!(report.summary.len(), 30);
    let charts: Vec<&str> = report
        .standards
        .iter()
        .flat_map(|s| s.charts.iter().map(|c| c.id.as_str()))
        .collect();
    for row in &report.summary {
        assert!(
            row.no_chart.is_none(),
            "{}: {:?}",
            row.chart_id,
            row.no_chart
        );
        assert!(charts.contains(&row.chart_id.as_str()), "{}", row.chart_id);
        assert!(row.variation_icon.contains("<title>"));
        assert!(row.assurance_icon.contains("<title>"));
    }
    // Salisbury is in the plan's list but not in an alliance ICB: named, in
    // the breakdown, not in the alliance figures.
    assert!(report.outside.iter().any(|o| o.code == "RNZ"));
    assert!(report
        .summary
        .iter()
        .any(|r| r.code == "RNZ" && r.organisation.contains("outside the alliance's ICBs")));
    // Dorset County's 31-day series has a month without a record: charted
    // from the months after it, and the chart says so.
    let rbd = report.standards[1]
        .charts
        .iter()
        .find(|c| c.id == "d31-provider-rbd")
        .unwrap();
    assert!(rbd
        .note
        .as_deref()
        .unwrap()
        .starts_with("charted from 2025-02"));
}

#[test]
fn a_plan_without_assessments_is_not_assessed_everywhere() {
    // The Wessex plan without its (illustrative) RDC assessments.
    let mut plan: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(PLAN).unwrap()).unwrap();
    plan.as_object_mut().unwrap().remove("rdc_assessments");
    let Some(report) = report_of(&plan.to_string()) else {
        return;
    };
    assert_eq!(report.rdc.assessments, 0);
    assert_eq!(report.rdc.sites_assessed, 0);
    assert!(report
        .rdc
        .rows
        .iter()
        .all(|r| !r.assessed && r.levels.iter().all(|l| l == "not assessed")));
    assert!(report.rdc.summary.starts_with("Not assessed"));
    let html = page::render(&report);
    assert!(html.contains("Coverage: 0 of 15 tumour sites assessed."));
    assert!(!html.contains("0 gaps"));
}

#[test]
fn sites_the_plan_never_assessed_are_gaps_not_assessed() {
    let Some(report) = wessex() else { return };
    assert!(
        report.rdc.illustrative,
        "the example plan's assessments are labelled illustrative"
    );
    assert!(report.rdc.sites_assessed > 0 && report.rdc.sites_assessed < report.rdc.sites_total);
    for row in report.rdc.rows.iter().filter(|r| !r.assessed) {
        assert!(
            row.levels.iter().all(|l| l == "not assessed"),
            "{}",
            row.site
        );
    }
    let html = page::render(&report);
    assert!(html.contains("labelled illustrative"));
}

#[test]
fn the_page_is_self_contained_and_accessible() {
    let Some(report) = wessex() else { return };
    let html = page::render(&report);
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"en-GB\">"));
    assert!(!html.contains("<script"));
    assert!(
        !html.contains("http://")
            || html.matches("http://").count()
                == html.matches("xmlns=\"http://www.w3.org/2000/svg\"").count()
    );
    assert!(!html.contains("https://"));
    assert_eq!(html.matches("<th>").count(), 0, "every th has a scope");
    // Every svg opens with its title.
    for chunk in html.split("<svg").skip(1) {
        let after = chunk.split_once('>').map_or("", |(_, rest)| rest);
        assert!(
            after.starts_with("<title"),
            "svg without a title: {}",
            &chunk[..80.min(chunk.len())]
        );
    }
}

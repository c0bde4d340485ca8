//! The plan's optional sections: local targets, monthly trajectories,
//! improvement capacity and RDC assessments — read, checked against the rest
//! of the plan, and written back.

use cancer_plan::cwt::{compare_monthly, MonthlyPerformance, Performance};
use cancer_plan::json;
use cancer_plan::{CwtStandard, Rule};

type TestResult = Result<(), Box<dyn std::error::Error>>;

const PAPER_2021: &str = include_str!("../../examples/data/wessex-2021-improvement-capacity.json");

/// A small plan with every new section.
const SECTIONS: &str = r#"{
  "title": "Sections",
  "alliance": {
    "name": "Wessex Cancer Alliance",
    "icbs": [{"id": "dorset", "name": "NHS Dorset ICB"}, {"id": "hiow", "name": "NHS Hampshire and Isle of Wight ICB"}],
    "providers": [{"ods_code": "RHM", "name": "University Hospital Southampton", "icb": "hiow"}]
  },
  "financial_year": "2024/25",
  "responsibilities": [{
    "id": "quality", "duty": "improve_quality_and_outcomes", "wording": "Improve quality",
    "delivery_asks": [{"id": "fds-80", "wording": "FDS 80%",
      "kind": {"performance_target": {"standard": "fds_28_day", "threshold": "80", "by": "2025-03"}}}]
  }],
  "local_targets": [{"standard": "fds_28_day", "threshold": "78", "from": "2024-10", "basis": "local"}],
  "trajectories": [
    {"standard": "fds_28_day", "organisation": {"icb": "dorset"}, "ask": "fds-80",
     "months": [{"month": "2024-04", "total": 1000, "within": 760}, {"month": "2024-05", "total": 1010, "within": 778}]},
    {"standard": "combined_62_day", "organisation": {"provider": "RHM"},
     "months": [{"month": "2024-04", "total": 200, "within": 140}]}
  ],
  "improvement_capacity": {
    "title": "ICS improvement capacity",
    "alliance": {"name": "Wessex Cancer Alliance", "icbs": [{"id": "dorset", "name": "NHS Dorset ICB"}]},
    "posts": [{"id": "dorset-lead", "title": "Senior Leader", "band": "band_8c", "host_icb": "dorset",
      "wte": "1.0", "funding": "alliance_budget", "tenure": {"start": "2021-07"},
      "costing": {"not_costed": {"reason": "in the WCA budget"}}}]
  },
  "rdc_assessments": [{
    "tumour_site": "lung", "scope": {"icb": "dorset"}, "assessed_on": "2022-03-01",
    "principles": [{"principle": "timely_referral", "level": "not_met", "gap": "no FIT"}]
  }]
}"#;

#[test]
fn the_2021_paper_is_a_plan_document_that_reads_back_exactly() -> TestResult {
    let plan = json::from_str(PAPER_2021)?;
    assert_eq!(json::to_string_pretty(&plan)?, PAPER_2021);
    assert!(
        plan.responsibilities().is_empty(),
        "a board paper has no table 1"
    );
    assert!(plan.budget().is_none());
    let capacity = plan.improvement_capacity().ok_or("the paper's proposal")?;
    assert_eq!(capacity.posts().len(), 2);
    assert_eq!(plan.financial_year().to_string(), "2021/22");
    Ok(())
}

#[test]
fn every_new_section_round_trips() -> TestResult {
    let plan = json::from_str(SECTIONS)?;
    assert_eq!(plan.local_targets().len(), 1);
    assert_eq!(plan.trajectories().len(), 2);
    assert!(plan.improvement_capacity().is_some());
    assert_eq!(plan.rdc_assessments().len(), 1);
    let text = json::to_string_pretty(&plan)?;
    let again = json::from_str(&text)?;
    assert_eq!(again, plan);
    assert_eq!(json::to_string_pretty(&again)?, text);
    for section in [
        "local_targets",
        "trajectories",
        "improvement_capacity",
        "rdc_assessments",
    ] {
        assert!(
            text.contains(&format!("\"{section}\"")),
            "{section} not written"
        );
    }
    // The compliance matrix of the plan's assessments.
    let matrix = plan.compliance_matrix().ok_or("matrix")?;
    assert_eq!(matrix.icbs().len(), 2);
    Ok(())
}

#[test]
fn the_plans_own_targets_are_honoured() -> TestResult {
    let plan = json::from_str(SECTIONS)?;
    let fds = CwtStandard::FasterDiagnosis28Day;
    let schedule = plan.target_schedule();
    let at = |m: &str| -> Result<String, Box<dyn std::error::Error>> {
        Ok(schedule
            .target_for(fds, m.parse()?)
            .ok_or("none")?
            .threshold()
            .to_string())
    };
    assert_eq!(at("2024-09")?, "75%");
    assert_eq!(at("2024-10")?, "78%");
    assert_eq!(at("2025-03")?, "77%");
    Ok(())
}

#[test]
fn actuals_are_compared_with_a_monthly_trajectory() -> TestResult {
    let plan = json::from_str(SECTIONS)?;
    let trajectory = plan.trajectories().first().ok_or("trajectory")?;
    let actuals = [
        MonthlyPerformance::new(
            "2024-04".parse()?,
            Performance::new("770".parse()?, "1000".parse()?)?,
        ),
        MonthlyPerformance::new(
            "2024-05".parse()?,
            Performance::new("700".parse()?, "1000".parse()?)?,
        ),
    ];
    let rows = compare_monthly(trajectory, &actuals);
    let on_track: Vec<Option<bool>> = rows.iter().map(|r| r.on_track()).collect();
    assert_eq!(on_track, [Some(true), Some(false)]);
    assert_eq!(rows.get(1).and_then(|r| r.within_vs_plan()), Some(-78));
    assert_eq!(rows.get(1).and_then(|r| r.total_vs_plan()), Some(-10));
    Ok(())
}

#[test]
fn sections_are_checked_against_the_rest_of_the_plan() -> TestResult {
    let mut value: serde_json::Value = serde_json::from_str(SECTIONS)?;
    let set = |value: &mut serde_json::Value, pointer: &str, new: serde_json::Value| {
        if let Some(slot) = value.pointer_mut(pointer) {
            *slot = new;
        }
    };
    set(&mut value, "/local_targets/0/from", "2023-10".into());
    set(
        &mut value,
        "/trajectories/0/standard",
        "combined_31_day".into(),
    );
    set(
        &mut value,
        "/trajectories/0/months/1/month",
        "2025-04".into(),
    );
    set(&mut value, "/trajectories/0/months/0/within", 1001.into());
    set(
        &mut value,
        "/trajectories/1/organisation",
        serde_json::json!({"provider": "RBD"}),
    );
    set(
        &mut value,
        "/improvement_capacity/alliance/icbs/0/id",
        "wiltshire".into(),
    );
    set(
        &mut value,
        "/improvement_capacity/posts/0/host_icb",
        "wiltshire".into(),
    );
    set(
        &mut value,
        "/rdc_assessments/0/scope",
        serde_json::json!({"icb": "bsw"}),
    );
    let err = json::from_str(&serde_json::to_string_pretty(&value)?)
        .err()
        .ok_or("should fail")?;
    let errors = err.violations().ok_or("violations")?;
    let found: Vec<(String, &Rule)> = errors
        .iter()
        .map(|v| (v.path().to_string(), v.rule()))
        .collect();
    let mut paths: Vec<&str> = found.iter().map(|(p, _)| p.as_str()).collect();
    paths.sort_unstable();
    assert_eq!(
        paths,
        [
            "improvement_capacity.alliance.icbs[0].id",
            "improvement_capacity.posts[0].host_icb",
            "local_targets[0].from",
            "rdc_assessments[0].scope.icb",
            "trajectories[0].months[0].within",
            "trajectories[0].months[1].month",
            "trajectories[0].standard",
            "trajectories[1].organisation.provider",
        ],
        "{errors}"
    );
    assert!(matches!(
        errors.at("trajectories[0].standard").map(|v| v.rule()),
        Some(Rule::Agrees { .. })
    ));
    // A trajectory for an ask that is not a performance target.
    let mut value: serde_json::Value = serde_json::from_str(SECTIONS)?;
    set(&mut value, "/trajectories/0/ask", "nice-capacity".into());
    let err = json::from_str(&value.to_string())
        .err()
        .ok_or("should fail")?;
    assert!(matches!(
        err.violations()
            .and_then(|e| e.at("trajectories[0].ask"))
            .map(|v| v.rule()),
        Some(Rule::Resolves { .. })
    ));
    Ok(())
}

#[test]
fn the_compliance_matrix_and_the_reconciliation_read_back() -> TestResult {
    let plan = json::from_str(SECTIONS)?;
    let matrix = plan.compliance_matrix().ok_or("matrix")?;
    let text = serde_json::to_string(&matrix)?;
    let back: cancer_plan::rdc::ComplianceMatrix = serde_json::from_str(&text)?;
    assert_eq!(back, matrix);
    // An assessment scoped to an ICB the matrix does not have is refused.
    let bad = text.replace("\"icb\":\"dorset\"", "\"icb\":\"bsw\"");
    assert_ne!(bad, text);
    assert!(serde_json::from_str::<cancer_plan::rdc::ComplianceMatrix>(&bad).is_err());

    let wessex = json::from_str(include_str!("../../examples/data/wessex-2024-25.json"))?;
    let rec = wessex
        .budget()
        .expect("the plan has a budget")
        .reconcile(cancer_plan::budget::Tolerance::PRINTED_TABLES);
    assert!(!rec.findings().is_empty());
    let text = serde_json::to_string(&rec)?;
    let back: cancer_plan::budget::Reconciliation = serde_json::from_str(&text)?;
    assert_eq!(back, rec);
    // A stored finding whose status does not follow from its figures is refused.
    let forged = text.replacen("\"real_gap\"", "\"within_tolerance\"", 1);
    assert_ne!(forged, text);
    assert!(serde_json::from_str::<cancer_plan::budget::Reconciliation>(&forged).is_err());
    Ok(())
}

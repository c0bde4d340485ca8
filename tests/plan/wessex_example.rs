//! The Wessex 2024/25 example plan builds, and its committed JSON copy is
//! exactly what the example writes (regenerate with
//! `cargo run --example wessex_2024_25 -- --write-json`).

use crate::plan;

use cancer_plan::{AskKind, CwtStandard, StatutoryDuty};

type TestResult = Result<(), Box<dyn std::error::Error>>;

#[test]
fn committed_json_matches_the_example() -> TestResult {
    let plan = plan::wessex_2024_25()?;
    let json = cancer_plan::json::to_string_pretty(&plan)?;
    let committed = include_str!("../../examples/data/wessex-2024-25.json");
    assert!(
        json == committed,
        "examples/data/wessex-2024-25.json is stale: run `cargo run --example wessex_2024_25 -- --write-json`"
    );
    Ok(())
}

#[test]
fn table_1_is_complete() -> TestResult {
    let plan = plan::wessex_2024_25()?;
    let duties: Vec<StatutoryDuty> = plan.responsibilities().iter().map(|r| r.duty()).collect();
    assert_eq!(duties, StatutoryDuty::ALL);
    assert_eq!(plan.delivery_asks().count(), 6);
    assert_eq!(plan.interventions().count(), 11);
    assert_eq!(plan.icb_actions().count(), 7);
    let targets: Vec<(CwtStandard, String)> = plan
        .delivery_asks()
        .filter_map(|a| match a.kind() {
            AskKind::PerformanceTarget(t) => Some((t.standard(), t.threshold().to_string())),
            _ => None,
        })
        .collect();
    assert_eq!(
        targets,
        [
            (CwtStandard::FasterDiagnosis28Day, "80%".to_owned()),
            (CwtStandard::Combined62Day, "85%".to_owned())
        ]
    );
    assert_eq!(plan.alliance().icbs().len(), 2);
    Ok(())
}

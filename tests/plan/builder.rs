//! The plan builder reports every violation at once, each with its path.

use cancer_plan::{
    Alliance, AskKind, CancerPlan, CwtStandard, DeliveryAsk, Icb, IcbAction, IcbScope, Id,
    Intervention, InterventionProgramme, Percent, PerformanceTarget, Rule, StatutoryDuty,
    StatutoryResponsibility, YearMonth,
};

use crate::common;
use common::assert_paths_in_json;

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn id(s: &str) -> Id {
    Id::new(s).unwrap_or_else(|e| panic!("{e}"))
}

fn alliance() -> Alliance {
    Alliance::new("Wessex Cancer Alliance")
        .with_icb(Icb::new(id("dorset"), "NHS Dorset ICB"))
        .with_icb(Icb::new(id("hiow"), "NHS Hampshire and Isle of Wight ICB"))
}

fn fds(by: &str, points: u8) -> Result<DeliveryAsk, Box<dyn std::error::Error>> {
    Ok(DeliveryAsk::new(
        id("fds"),
        "FDS performance",
        AskKind::PerformanceTarget(PerformanceTarget::new(
            CwtStandard::FasterDiagnosis28Day,
            Percent::from_points(points)?,
            by.parse::<YearMonth>()?,
        )),
    ))
}

#[test]
fn a_valid_plan_builds_with_fields_in_any_order() -> TestResult {
    let responsibility = StatutoryResponsibility::new(
        id("quality"),
        StatutoryDuty::ImproveQualityAndOutcomes,
        "Improve quality of services and outcomes",
    )
    .with_ask(fds("2025-03", 80)?)
    .with_intervention(
        Intervention::new(id("girft"), "GIRFT", InterventionProgramme::Girft).serving(id("fds")),
    )
    .with_icb_action(IcbAction::new(
        id("a1"),
        "agree",
        IcbScope::one(id("dorset")),
    ));
    let plan = CancerPlan::builder()
        .responsibility(responsibility)
        .financial_year("2024/25".parse()?)
        .alliance(alliance())
        .title("Plan")
        .build()?;
    assert_eq!(plan.delivery_asks().count(), 1);
    assert_eq!(
        plan.delivery_ask("fds").map(|a| a.wording()),
        Some("FDS performance")
    );
    Ok(())
}

#[test]
fn five_different_violations_are_all_reported_with_paths() -> TestResult {
    let responsibility = StatutoryResponsibility::new(
        id("quality"),
        StatutoryDuty::ImproveQualityAndOutcomes,
        "Improve quality of services and outcomes",
    )
    // 1. deadline before the plan's year; 2. threshold of 0%
    .with_ask(fds("2024-03", 0)?)
    // 3. duplicate id (same as the ask)
    .with_intervention(
        Intervention::new(id("fds"), "GIRFT", InterventionProgramme::Girft)
            // 4. a reference to an ask that does not exist
            .serving(id("no-such-ask")),
    )
    // 5. an ICB that is not in the alliance; 6. an empty wording
    .with_icb_action(IcbAction::new(
        id("a1"),
        "  ",
        IcbScope::one(id("wiltshire")),
    ));
    let errors = CancerPlan::builder()
        .title("Plan")
        .alliance(alliance())
        .financial_year("2024/25".parse()?)
        .responsibility(responsibility)
        .build()
        .err()
        .ok_or("the plan should not build")?;

    let found: Vec<(String, &Rule)> = errors
        .iter()
        .map(|v| (v.path().to_string(), v.rule()))
        .collect();
    let expect = |path: &str| {
        errors
            .at(path)
            .unwrap_or_else(|| panic!("no violation at {path}; found {found:?}"))
    };
    assert!(matches!(
        expect("responsibilities[0].delivery_asks[0].kind.performance_target.by").rule(),
        Rule::NotBefore { .. }
    ));
    assert!(matches!(
        expect("responsibilities[0].delivery_asks[0].kind.performance_target.threshold").rule(),
        Rule::InRange { .. }
    ));
    assert_eq!(
        expect("responsibilities[0].interventions[0].id").rule(),
        &Rule::UniqueId {
            first: "responsibilities[0].delivery_asks[0].id".parse().unwrap()
        }
    );
    let unresolved = expect("responsibilities[0].interventions[0].serves[0]");
    assert_eq!(unresolved.value(), "no-such-ask");
    assert!(matches!(unresolved.rule(), Rule::Resolves { .. }));
    assert_eq!(
        expect("responsibilities[0].icb_actions[0].icbs.only[0]").value(),
        "wiltshire"
    );
    assert_eq!(
        expect("responsibilities[0].icb_actions[0].wording").rule(),
        &Rule::NotEmpty
    );
    assert_eq!(errors.len(), 6, "{errors}");
    // The message names the path, the value and the rule.
    let text = errors.to_string();
    assert!(text.contains(
        "responsibilities[0].delivery_asks[0].kind.performance_target.by: `2024-03` must not be before 2024-04"
    ));
    Ok(())
}

#[test]
fn every_violation_path_names_a_field_of_the_json() -> TestResult {
    let asks = StatutoryResponsibility::new(id("r"), StatutoryDuty::ReduceInequalities, "")
        .with_ask(fds("2024-03", 0)?)
        .with_ask(DeliveryAsk::new(
            id("shift"),
            "Stage shift",
            AskKind::StageShift {
                populations: vec![cancer_plan::TargetPopulation::MostDeprived {
                    share: Percent::HUNDRED,
                }],
            },
        ))
        .with_intervention(
            Intervention::new(id("i"), " ", InterventionProgramme::Girft).serving(id("nope")),
        )
        .with_icb_action(IcbAction::new(
            id("a"),
            "act",
            IcbScope::Only(vec![id("x")]),
        ))
        .with_icb_action(IcbAction::new(id("b"), "act", IcbScope::Only(Vec::new())));
    let builder = cancer_plan::CancerPlan::builder()
        .title("Plan")
        .alliance(alliance())
        .financial_year("2024/25".parse()?)
        .responsibility(asks);
    let json = serde_json::to_value(&builder)?;
    let errors = builder.build().err().ok_or("should fail")?;
    assert!(errors.len() >= 7, "{errors}");
    assert_paths_in_json(&json, &errors);
    Ok(())
}

#[test]
fn missing_required_fields_are_named() {
    let errors = CancerPlan::builder().build().err();
    let paths: Vec<String> = errors
        .iter()
        .flat_map(|e| e.iter().map(|v| v.path().to_string()))
        .collect();
    assert_eq!(paths, ["title", "alliance", "financial_year"]);
}

#[test]
fn alliance_invariants_are_checked() -> TestResult {
    let errors = CancerPlan::builder()
        .title("Plan")
        .financial_year("2024/25".parse()?)
        .alliance(
            Alliance::new("")
                .with_icb(Icb::new(id("dorset"), "NHS Dorset ICB"))
                .with_icb(Icb::new(id("dorset"), "")),
        )
        .build()
        .err()
        .ok_or("should fail")?;
    let paths: Vec<String> = errors.iter().map(|v| v.path().to_string()).collect();
    assert_eq!(
        paths,
        [
            "alliance.name",
            "alliance.icbs[1].id",
            "alliance.icbs[1].name"
        ]
    );
    Ok(())
}

#[test]
fn each_statutory_duty_appears_once() -> TestResult {
    let r = |i: &str| {
        StatutoryResponsibility::new(
            id(i),
            StatutoryDuty::ReduceInequalities,
            "Reduce inequalities",
        )
    };
    let errors = CancerPlan::builder()
        .title("Plan")
        .financial_year("2024/25".parse()?)
        .alliance(alliance())
        .responsibility(r("a"))
        .responsibility(r("b"))
        .build()
        .err()
        .ok_or("should fail")?;
    assert_eq!(errors.len(), 1);
    let duplicate = errors
        .at("responsibilities[1].duty")
        .ok_or("no violation at the duty")?;
    assert_eq!(duplicate.value(), "reduce_inequalities");
    assert!(
        duplicate
            .to_string()
            .contains("may appear only once (first at responsibilities[0].duty)"),
        "{duplicate}"
    );
    Ok(())
}

#[test]
fn the_library_forbids_unsafe_and_undocumented_items() {
    let lib = include_str!("../../src/lib.rs");
    assert!(lib.contains("#![forbid(unsafe_code)]"));
    assert!(lib.contains("#![deny(missing_docs)]"));
    for lint in [
        "clippy::unwrap_used",
        "clippy::expect_used",
        "clippy::indexing_slicing",
    ] {
        assert!(lib.contains(lint), "{lint} should be denied in src/");
    }
}

#[test]
fn provider_ods_codes_are_unique_and_their_icbs_exist() -> TestResult {
    let trust = |code: &str| -> Result<cancer_plan::Provider, Box<dyn std::error::Error>> {
        Ok(cancer_plan::Provider::new(code.parse()?, "A trust"))
    };
    let errors = CancerPlan::builder()
        .title("Plan")
        .financial_year("2024/25".parse()?)
        .alliance(
            alliance()
                .with_provider(trust("RHM")?)
                .with_provider(trust("RHU")?.in_icb(id("wiltshire")))
                .with_provider(trust("RHM")?),
        )
        .build()
        .err()
        .ok_or("should fail")?;
    assert_eq!(errors.len(), 2, "{errors}");
    assert_eq!(
        errors
            .at("alliance.providers[2].ods_code")
            .map(|v| v.rule()),
        Some(&Rule::UniqueId {
            first: "alliance.providers[0].ods_code".parse().unwrap()
        })
    );
    assert_eq!(
        errors.at("alliance.providers[1].icb").map(|v| v.value()),
        Some("wiltshire")
    );
    Ok(())
}

//! Pathway assessments and the compliance matrix, through the public API.

use cancer_plan::rdc::{
    AssessmentScope, ComplianceLevel, ComplianceMatrix, GapStatus, ImprovementAction,
    PathwayAssessment, PathwayStep, PrincipleEntry, StepKind,
};
use cancer_plan::{Alliance, Icb, Id, RdcPrinciple, Rule, TumourSite};
use chrono::NaiveDate;

use crate::common;
use common::assert_paths_in_json;

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn id(s: &str) -> Id {
    Id::new(s).unwrap()
}

fn wessex() -> Alliance {
    Alliance::new("Wessex Cancer Alliance")
        .with_icb(Icb::new(id("dorset"), "NHS Dorset ICB"))
        .with_icb(Icb::new(id("hiow"), "NHS Hampshire and Isle of Wight ICB"))
}

/// An assessment of `site` in `icb` on `on` with every principle met except
/// those in `not_met`.
fn icb_assessment(
    site: TumourSite,
    icb: &str,
    on: NaiveDate,
    not_met: &[RdcPrinciple],
) -> PathwayAssessment {
    let mut b = PathwayAssessment::builder()
        .tumour_site(site)
        .scope(AssessmentScope::Icb(id(icb)))
        .assessed_on(on);
    for p in RdcPrinciple::ALL {
        b = b.principle(if not_met.contains(&p) {
            PrincipleEntry::not_met(p, "gap found in the pathway review")
        } else {
            PrincipleEntry::met(p, "seen in the pathway mapping")
        });
    }
    b.build().unwrap()
}

#[test]
fn missing_principles_are_reported_as_not_assessed() -> TestResult {
    let a = PathwayAssessment::builder()
        .tumour_site(TumourSite::Urology)
        .scope(AssessmentScope::Alliance)
        .assessed_on(date(2021, 9, 1))
        .principle(PrincipleEntry::not_met(
            RdcPrinciple::CoordinatedTesting,
            "tests booked one at a time",
        ))
        .principle(PrincipleEntry::met(
            RdcPrinciple::TimelyReferral,
            "standard referral form",
        ))
        .build()?;
    // Seven entries, in principle order, none dropped.
    let principles: Vec<RdcPrinciple> = a.entries().iter().map(|e| e.principle()).collect();
    assert_eq!(principles, RdcPrinciple::ALL);
    let missing: Vec<RdcPrinciple> = a.not_assessed().collect();
    assert_eq!(
        missing,
        [
            RdcPrinciple::EarlyIdentification,
            RdcPrinciple::BroadAssessmentOfSymptoms,
            RdcPrinciple::TimelyDiagnosis,
            RdcPrinciple::AppropriateOnwardReferral,
            RdcPrinciple::PatientCoordinationAndSupport,
        ]
    );
    assert_eq!(
        a.level(RdcPrinciple::EarlyIdentification),
        ComplianceLevel::NotAssessed
    );
    assert_eq!(a.level(RdcPrinciple::TimelyReferral), ComplianceLevel::Met);
    assert!(!a.is_fully_compliant());
    Ok(())
}

#[test]
fn json_goes_through_the_same_checks_and_fills_in_not_assessed() -> TestResult {
    let json = r#"{
        "tumour_site": "lung", "scope": {"icb": "dorset"}, "assessed_on": "2022-03-01",
        "principles": [{"principle": "timely_referral", "level": "not_met", "gap": "no FIT"}],
        "actions": [{"id": "a1", "action": "audit referrals", "owner": "lung SSG",
                     "due": "2023-03-31", "principles": ["timely_referral"]}],
        "steps": [{"kind": "referral", "name": "USC referral", "principles": ["timely_referral"]}]
    }"#;
    let a: PathwayAssessment = serde_json::from_str(json)?;
    assert_eq!(a.entries().len(), 7);
    assert_eq!(a.not_assessed().count(), 6);
    assert_eq!(a.steps()[0].kind(), StepKind::Referral);
    // Round trip: the serialised form lists all seven and reads back the same.
    let back: PathwayAssessment = serde_json::from_str(&serde_json::to_string(&a)?)?;
    assert_eq!(back, a);

    let bad = json.replace("\"not_met\", \"gap\": \"no FIT\"", "\"met\"");
    let err = serde_json::from_str::<PathwayAssessment>(&bad)
        .err()
        .ok_or("met principle without evidence, with an action, must fail")?;
    let message = err.to_string();
    assert!(message.contains("principles[0].evidence"), "{message}");
    assert!(message.contains("actions[0].principles[0]"), "{message}");
    Ok(())
}

#[test]
fn builder_reports_every_violation_with_paths() {
    let builder = PathwayAssessment::builder()
        .tumour_site(TumourSite::Breast)
        .scope(AssessmentScope::Alliance)
        .assessed_on(date(2022, 1, 10))
        .principle(PrincipleEntry::met(RdcPrinciple::TimelyReferral, "form"))
        .principle(PrincipleEntry::new(
            RdcPrinciple::TimelyReferral,
            ComplianceLevel::NotMet,
        ))
        .action(
            ImprovementAction::new(id("a1"), "one-stop clinic", " ", date(2021, 12, 1))
                .towards(RdcPrinciple::CoordinatedTesting)
                .towards(RdcPrinciple::CoordinatedTesting),
        )
        .action(
            ImprovementAction::new(id("a1"), "navigator", "CNS lead", date(2040, 1, 1))
                .towards(RdcPrinciple::PatientCoordinationAndSupport),
        )
        .action(ImprovementAction::new(
            id("a2"),
            "review",
            "manager",
            date(2022, 6, 1),
        ))
        .step(
            PathwayStep::new(StepKind::Test, "")
                .serving(RdcPrinciple::CoordinatedTesting)
                .serving(RdcPrinciple::CoordinatedTesting),
        );
    let json = serde_json::to_value(&builder).unwrap();
    let errors = builder.build().unwrap_err();
    assert_paths_in_json(&json, &errors);
    let empty = PathwayAssessment::builder();
    let missing = empty.clone().build().unwrap_err();
    assert_eq!(missing.len(), 3);
    assert_paths_in_json(&serde_json::to_value(&empty).unwrap(), &missing);
    let paths: Vec<String> = errors.iter().map(|v| v.path().to_string()).collect();
    assert_eq!(
        paths,
        [
            "principles[1].principle",
            "principles[1].gap",
            "actions[0].owner",
            "actions[0].principles[1]",
            "actions[0].due",
            "actions[1].id",
            "actions[1].due",
            "actions[2].principles",
            "steps[0].name",
            "steps[0].principles[1]",
        ]
    );
    assert_eq!(
        errors.at("actions[1].id").map(|v| v.rule().clone()),
        Some(Rule::UniqueId {
            first: "actions[0].id".parse().unwrap()
        })
    );
    // A repeat is reported where it repeats, naming the first use.
    for (repeat, first) in [
        ("principles[1].principle", "principles[0].principle"),
        ("actions[0].principles[1]", "actions[0].principles[0]"),
        ("steps[0].principles[1]", "steps[0].principles[0]"),
    ] {
        let v = errors.at(repeat).expect(repeat);
        assert_eq!(
            v.rule(),
            &Rule::AtMostOnce {
                first: first.parse().unwrap()
            }
        );
        assert!(
            v.to_string().ends_with(&format!("(first at {first})")),
            "{v}"
        );
    }
}

#[test]
fn assessment_dates_must_be_sensible() {
    let errors = PathwayAssessment::builder()
        .tumour_site(TumourSite::Skin)
        .scope(AssessmentScope::Alliance)
        .assessed_on(date(2018, 12, 31))
        .build()
        .unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors.violations()[0].path().to_string(), "assessed_on");
}

#[test]
fn roll_up_all_icbs_met_gives_alliance_met() -> TestResult {
    let on = date(2023, 6, 1);
    let matrix = ComplianceMatrix::build(
        &wessex(),
        [
            icb_assessment(TumourSite::Breast, "dorset", on, &[]),
            icb_assessment(TumourSite::Breast, "hiow", on, &[]),
        ],
    )?;
    for p in RdcPrinciple::ALL {
        assert_eq!(
            matrix.alliance_level(TumourSite::Breast, p),
            ComplianceLevel::Met
        );
    }
    assert_eq!(matrix.fully_compliant_sites(), [TumourSite::Breast]);
    assert!(matrix.gaps(ComplianceMatrix::DEFAULT_DEADLINE).is_empty());
    assert_eq!(matrix.counts().get(ComplianceLevel::Met), 7);
    Ok(())
}

#[test]
fn roll_up_one_icb_not_met_gives_alliance_not_met() -> TestResult {
    let on = date(2023, 6, 1);
    let matrix = ComplianceMatrix::build(
        &wessex(),
        [
            icb_assessment(TumourSite::Breast, "dorset", on, &[]),
            icb_assessment(
                TumourSite::Breast,
                "hiow",
                on,
                &[RdcPrinciple::CoordinatedTesting],
            ),
        ],
    )?;
    assert_eq!(
        matrix.alliance_level(TumourSite::Breast, RdcPrinciple::CoordinatedTesting),
        ComplianceLevel::NotMet
    );
    assert_eq!(
        matrix.icb_level(
            TumourSite::Breast,
            &id("dorset"),
            RdcPrinciple::CoordinatedTesting
        ),
        ComplianceLevel::Met
    );
    assert!(matrix.fully_compliant_sites().is_empty());
    let gaps = matrix.gaps(ComplianceMatrix::DEFAULT_DEADLINE);
    assert_eq!(gaps.len(), 1);
    assert_eq!(gaps[0].principle(), RdcPrinciple::CoordinatedTesting);
    assert_eq!(gaps[0].shortfalls().len(), 1);
    assert_eq!(gaps[0].shortfalls()[0].icb().as_str(), "hiow");
    assert_eq!(gaps[0].status(), GapStatus::NoAction);
    let counts = matrix.counts();
    assert_eq!(
        (
            counts.get(ComplianceLevel::Met),
            counts.get(ComplianceLevel::NotMet)
        ),
        (6, 1)
    );
    Ok(())
}

#[test]
fn an_icb_not_assessed_keeps_the_alliance_from_met() -> TestResult {
    let matrix = ComplianceMatrix::build(
        &wessex(),
        [icb_assessment(
            TumourSite::Lung,
            "dorset",
            date(2023, 6, 1),
            &[],
        )],
    )?;
    assert_eq!(
        matrix.row(TumourSite::Lung).levels(),
        [ComplianceLevel::NotAssessed; 7]
    );
    Ok(())
}

#[test]
fn latest_assessment_wins_and_alliance_wide_reviews_cover_icbs() -> TestResult {
    let old = icb_assessment(
        TumourSite::Lung,
        "dorset",
        date(2022, 1, 1),
        &[RdcPrinciple::TimelyReferral],
    );
    let new = icb_assessment(TumourSite::Lung, "dorset", date(2023, 1, 1), &[]);
    let wide = PathwayAssessment::builder()
        .tumour_site(TumourSite::Lung)
        .scope(AssessmentScope::Alliance)
        .assessed_on(date(2022, 6, 1))
        .principle(PrincipleEntry::partially_met(
            RdcPrinciple::TimelyReferral,
            "criteria differ between trusts",
        ))
        .build()?;
    let input = vec![old, new.clone(), wide];
    let matrix = ComplianceMatrix::build(&wessex(), input.clone())?;
    assert_eq!(
        matrix.latest(TumourSite::Lung, &AssessmentScope::Icb(id("dorset"))),
        Some(&new)
    );
    // Dorset: its own 2023 review (later than the alliance-wide one).
    assert_eq!(
        matrix.icb_level(
            TumourSite::Lung,
            &id("dorset"),
            RdcPrinciple::TimelyReferral
        ),
        ComplianceLevel::Met
    );
    // HIOW: covered by the alliance-wide review only.
    assert_eq!(
        matrix.icb_level(TumourSite::Lung, &id("hiow"), RdcPrinciple::TimelyReferral),
        ComplianceLevel::PartiallyMet
    );
    assert_eq!(
        matrix.alliance_level(TumourSite::Lung, RdcPrinciple::TimelyReferral),
        ComplianceLevel::PartiallyMet
    );
    // Any input order gives the same matrix.
    let reversed: Vec<PathwayAssessment> = input.into_iter().rev().collect();
    assert_eq!(ComplianceMatrix::build(&wessex(), reversed)?, matrix);
    Ok(())
}

#[test]
fn gaps_are_measured_against_the_deadline() -> TestResult {
    let build = |due: NaiveDate| {
        PathwayAssessment::builder()
            .tumour_site(TumourSite::HeadAndNeck)
            .scope(AssessmentScope::Alliance)
            .assessed_on(date(2022, 4, 1))
            .principle(PrincipleEntry::not_met(
                RdcPrinciple::TimelyDiagnosis,
                "results not communicated within 28 days",
            ))
            .action(
                ImprovementAction::new(id("h1"), "MDT triage", "H&N SSG", due)
                    .towards(RdcPrinciple::TimelyDiagnosis),
            )
            .build()
    };
    let status = |a: PathwayAssessment| -> Result<GapStatus, Box<dyn std::error::Error>> {
        let matrix = ComplianceMatrix::build(&wessex(), [a])?;
        let gaps = matrix.gaps(ComplianceMatrix::DEFAULT_DEADLINE);
        let gap = gaps
            .iter()
            .find(|g| g.principle() == RdcPrinciple::TimelyDiagnosis)
            .ok_or("gap")?;
        assert_eq!(gap.deadline(), date(2024, 3, 31));
        // Gaps serialise for reports.
        let json = serde_json::to_value(gap)?;
        assert_eq!(json["site"], "head_and_neck");
        assert_eq!(json["shortfalls"][0]["actions"][0]["id"], "h1");
        Ok(gap.status())
    };
    assert_eq!(
        status(build(date(2024, 3, 31))?)?,
        GapStatus::ActionsDueByDeadline
    );
    assert_eq!(status(build(date(2024, 4, 1))?)?, GapStatus::MissingOrLate);
    Ok(())
}

#[test]
fn matrix_checks_scopes_and_ambiguous_dates() {
    let on = date(2023, 6, 1);
    let alliance = wessex().with_icb(Icb::new(id("dorset"), " "));
    let assessments = [
        icb_assessment(TumourSite::Skin, "dorset", on, &[]),
        icb_assessment(TumourSite::Skin, "bsw", on, &[]),
        icb_assessment(TumourSite::Skin, "dorset", on, &[]),
    ];
    // The paths are those of the input as JSON: `{"alliance", "assessments"}`.
    let json = serde_json::json!({"alliance": alliance, "assessments": assessments});
    let errors = ComplianceMatrix::build(&alliance, assessments).unwrap_err();
    let paths: Vec<String> = errors.iter().map(|v| v.path().to_string()).collect();
    assert_eq!(
        paths,
        [
            "alliance.icbs[2].id",
            "alliance.icbs[2].name",
            "assessments[1].scope",
            "assessments[2].assessed_on"
        ]
    );
    assert_paths_in_json(&json, &errors);
    let no_icbs = ComplianceMatrix::build(&Alliance::new("Wessex"), []).unwrap_err();
    let json = serde_json::json!({"alliance": Alliance::new("Wessex"), "assessments": []});
    assert_paths_in_json(&json, &no_icbs);
}

#[test]
fn latest_assessments_list_icbs_in_the_alliances_order() -> TestResult {
    // HIOW before Dorset: the alliance's order, not the ids' order.
    let alliance = Alliance::new("Wessex Cancer Alliance")
        .with_icb(Icb::new(id("hiow"), "NHS Hampshire and Isle of Wight ICB"))
        .with_icb(Icb::new(id("dorset"), "NHS Dorset ICB"));
    let on = date(2023, 6, 1);
    let in_scope = |site: TumourSite, scope: AssessmentScope| {
        PathwayAssessment::builder()
            .tumour_site(site)
            .scope(scope)
            .assessed_on(on)
            .build()
    };
    let matrix = ComplianceMatrix::build(
        &alliance,
        [
            in_scope(TumourSite::Lung, AssessmentScope::Provider("RHM".parse()?))?,
            icb_assessment(TumourSite::Lung, "dorset", on, &[]),
            in_scope(TumourSite::Breast, AssessmentScope::Alliance)?,
            icb_assessment(TumourSite::Lung, "hiow", on, &[]),
            in_scope(TumourSite::Lung, AssessmentScope::Alliance)?,
            icb_assessment(TumourSite::Breast, "dorset", on, &[]),
            in_scope(TumourSite::Lung, AssessmentScope::Provider("RBD".parse()?))?,
        ],
    )?;
    assert_eq!(matrix.icbs(), [id("hiow"), id("dorset")]);
    let listed: Vec<String> = matrix
        .latest_assessments()
        .map(|a| format!("{:?} {}", a.tumour_site(), a.scope()))
        .collect();
    assert_eq!(
        listed,
        [
            "Breast alliance",
            "Breast ICB dorset",
            "Lung alliance",
            "Lung ICB hiow",
            "Lung ICB dorset",
            "Lung provider RBD",
            "Lung provider RHM",
        ]
    );
    Ok(())
}

#[test]
fn roll_up_is_the_max_under_the_derived_order() {
    use ComplianceLevel::*;
    // The derived order is the severity order: a caller's `.max()` is the roll-up's "worst".
    let mut sorted = ComplianceLevel::ALL.to_vec();
    sorted.sort();
    assert_eq!(sorted, [Met, PartiallyMet, NotAssessed, NotMet]);
    assert_eq!(ComplianceLevel::roll_up([]), NotAssessed);
    for a in ComplianceLevel::ALL {
        assert_eq!(ComplianceLevel::roll_up([a]), a);
        for b in ComplianceLevel::ALL {
            assert_eq!(ComplianceLevel::roll_up([a, b]), a.max(b));
            for c in ComplianceLevel::ALL {
                let levels = [a, b, c];
                assert_eq!(
                    ComplianceLevel::roll_up(levels),
                    levels.into_iter().max().unwrap_or(NotAssessed)
                );
            }
        }
    }
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    fn level() -> impl Strategy<Value = ComplianceLevel> {
        prop::sample::select(ComplianceLevel::ALL.to_vec())
    }

    fn assessment(icb: &str, on: NaiveDate, levels: &[ComplianceLevel]) -> PathwayAssessment {
        let mut b = PathwayAssessment::builder()
            .tumour_site(TumourSite::Lung)
            .scope(AssessmentScope::Icb(id(icb)))
            .assessed_on(on);
        for (p, level) in RdcPrinciple::ALL.into_iter().zip(levels) {
            b = b.principle(match level {
                ComplianceLevel::Met => PrincipleEntry::met(p, "evidence"),
                ComplianceLevel::NotAssessed => PrincipleEntry::not_assessed(p),
                other => PrincipleEntry::new(p, *other).with_gap("gap"),
            });
        }
        b.build().unwrap()
    }

    /// The documented rule, written out independently of the crate's code.
    fn expected(levels: &[ComplianceLevel]) -> ComplianceLevel {
        use ComplianceLevel::*;
        if levels.iter().all(|l| *l == Met) {
            Met
        } else if levels.contains(&NotMet) {
            NotMet
        } else if levels.contains(&NotAssessed) {
            NotAssessed
        } else {
            PartiallyMet
        }
    }

    proptest! {
        #[test]
        fn alliance_level_follows_the_documented_roll_up_rule(
            dorset in prop::collection::vec(level(), 7),
            hiow in prop::collection::vec(level(), 7),
            dorset_before in prop::collection::vec(level(), 7),
            days_before in 1i64..=1000,
        ) {
            let on = date(2023, 1, 1);
            let newer = assessment("dorset", on, &dorset);
            // An older assessment of the same site and scope: it must lose,
            // whatever the input order.
            let older = assessment("dorset", on - chrono::Duration::days(days_before), &dorset_before);
            let input = vec![older, newer.clone(), assessment("hiow", on, &hiow)];
            let matrix = ComplianceMatrix::build(&wessex(), input.clone()).unwrap();
            prop_assert_eq!(
                matrix.latest(TumourSite::Lung, &AssessmentScope::Icb(id("dorset"))),
                Some(&newer)
            );
            let mut expected_levels = Vec::new();
            for (k, p) in RdcPrinciple::ALL.into_iter().enumerate() {
                let level = expected(&[dorset[k], hiow[k]]);
                prop_assert_eq!(matrix.alliance_level(TumourSite::Lung, p), level);
                expected_levels.push(level);
            }
            let gaps = matrix.gaps(ComplianceMatrix::DEFAULT_DEADLINE);
            let unmet = expected_levels.iter().filter(|l| **l != ComplianceLevel::Met).count();
            prop_assert_eq!(gaps.len(), unmet);
            let counts = matrix.counts();
            for level in ComplianceLevel::ALL {
                let n = expected_levels.iter().filter(|l| **l == level).count();
                prop_assert_eq!(counts.get(level), n, "{}", level);
            }
            // Every order of the input (older first, last, in between) gives
            // the same matrix.
            for order in [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]] {
                let permuted: Vec<PathwayAssessment> = order.iter().map(|&i| input[i].clone()).collect();
                prop_assert_eq!(&ComplianceMatrix::build(&wessex(), permuted).unwrap(), &matrix);
            }
        }
    }
}

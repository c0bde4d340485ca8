//! The Wessex Cancer Alliance 2024/25 plan, built from the source document
//! "Wessex Cancer Alliance 2024/25 Planning Proposals (DRAFT)", table 1.
//!
//! Wording is the seed's, verbatim (including its "Reduce inequalities to
//! access and outcome of services"). The seed places asks, interventions and
//! actions for ICBs side by side in one row per responsibility and does not
//! say which intervention serves which ask: here each intervention serves the
//! asks of its own row, which is what the table's layout states and no more.
//!
//! Shared by the example binary and by `tests/plan/wessex_example.rs`.

use cancer_plan::{
    Alliance, AskKind, AskProgramme, CancerPlan, CwtStandard, DeliveryAsk, Icb, IcbAction,
    IcbScope, Id, Intervention, InterventionProgramme, OdsCode, Percent, PerformanceTarget,
    PlanStatus, Provider, StatutoryDuty, StatutoryResponsibility, TargetPopulation, TumourSite,
    YearMonth,
};

use crate::budget;

/// Anything that can go wrong building the example plan.
pub type BoxError = cancer_plan::Error;

fn id(text: &str) -> Result<Id, BoxError> {
    Ok(Id::new(text)?)
}

fn percent(points: u8) -> Result<Percent, BoxError> {
    Ok(Percent::from_points(points)?)
}

/// The alliance, its two ICBs (with their sub-ICB locations) and the acute trusts in its pathways (ODS codes
/// as in NHS England's CWT extracts). Salisbury (RNZ) sits in Bath and North
/// East Somerset, Swindon and Wiltshire ICB, outside the alliance's ICBs, so
/// it is listed with no ICB.
pub fn wessex_alliance() -> Result<Alliance, BoxError> {
    let trust = |code: &str, name: &str, icb: Option<&str>| -> Result<Provider, BoxError> {
        let provider = Provider::new(OdsCode::new(code)?, name);
        Ok(match icb {
            Some(icb) => provider.in_icb(id(icb)?),
            None => provider,
        })
    };
    Ok(Alliance::new("Wessex Cancer Alliance")
        // Sub-ICB locations as in NHS England's CWT ICB sub-location
        // extract: Dorset is one (11J); HIOW two, Hampshire, Southampton and
        // Isle of Wight (D9Y0V) and Portsmouth (10R).
        .with_icb(
            Icb::new(id("dorset")?, "NHS Dorset ICB")
                .with_ods_code(OdsCode::new("QVV")?)
                .with_sub_icb_location(OdsCode::new("11J")?),
        )
        .with_icb(
            Icb::new(id("hiow")?, "NHS Hampshire and Isle of Wight ICB")
                .with_ods_code(OdsCode::new("QRL")?)
                .with_sub_icb_location(OdsCode::new("D9Y0V")?)
                .with_sub_icb_location(OdsCode::new("10R")?),
        )
        .with_provider(trust(
            "R0D",
            "University Hospitals Dorset NHS Foundation Trust",
            Some("dorset"),
        )?)
        .with_provider(trust(
            "RBD",
            "Dorset County Hospital NHS Foundation Trust",
            Some("dorset"),
        )?)
        .with_provider(trust(
            "RHM",
            "University Hospital Southampton NHS Foundation Trust",
            Some("hiow"),
        )?)
        .with_provider(trust(
            "RHU",
            "Portsmouth Hospitals University NHS Trust",
            Some("hiow"),
        )?)
        .with_provider(trust(
            "RN5",
            "Hampshire Hospitals NHS Foundation Trust",
            Some("hiow"),
        )?)
        .with_provider(trust("R1F", "Isle of Wight NHS Trust", Some("hiow"))?)
        .with_provider(trust("RNZ", "Salisbury NHS Foundation Trust", None)?))
}

/// Table 1, row 1: improve quality of services and outcomes.
fn quality() -> Result<StatutoryResponsibility, BoxError> {
    let by = "2025-03".parse::<YearMonth>()?;
    let row_asks = ["fds-80", "62-day-85", "nice-capacity"];
    let serving_row = |i: Intervention| -> Result<Intervention, BoxError> {
        row_asks.iter().try_fold(i, |i, a| Ok(i.serving(id(a)?)))
    };
    Ok(StatutoryResponsibility::new(
        id("quality")?,
        StatutoryDuty::ImproveQualityAndOutcomes,
        "Improve quality of services and outcomes",
    )
    .with_ask(DeliveryAsk::new(
        id("fds-80")?,
        "FDS performance 80%",
        AskKind::PerformanceTarget(PerformanceTarget::new(
            CwtStandard::FasterDiagnosis28Day,
            percent(80)?,
            by,
        )),
    ))
    .with_ask(DeliveryAsk::new(
        id("62-day-85")?,
        "62-day performance 85%",
        AskKind::PerformanceTarget(PerformanceTarget::new(
            CwtStandard::Combined62Day,
            percent(85)?,
            by,
        )),
    ))
    .with_ask(DeliveryAsk::new(
        id("nice-capacity")?,
        "Capacity for NICE treatment equitably",
        AskKind::EquitableCapacity {
            service: "NICE-approved treatment".into(),
        },
    ))
    .with_intervention(serving_row(
        Intervention::new(
            id("best-practice")?,
            "Best practice in gynae, urology, breast, skin",
            InterventionProgramme::BestPractice,
        )
        .with_site(TumourSite::Gynaecology)
        .with_site(TumourSite::Urology)
        .with_site(TumourSite::Breast)
        .with_site(TumourSite::Skin),
    )?)
    .with_intervention(serving_row(
        Intervention::new(
            id("girft")?,
            "Implement recommendations from GIRFT (prostate, head and neck and upper GI)",
            InterventionProgramme::Girft,
        )
        .with_site(TumourSite::Prostate)
        .with_site(TumourSite::HeadAndNeck)
        .with_site(TumourSite::UpperGi),
    )?)
    .with_intervention(serving_row(Intervention::new(
        id("radiotherapy-review")?,
        "Radiotherapy capacity review",
        InterventionProgramme::RadiotherapyCapacityReview,
    ))?)
    .with_intervention(serving_row(Intervention::new(
        id("sact-aos-review")?,
        "SACT and AOS service review",
        InterventionProgramme::SactAndAcuteOncologyReview,
    ))?)
    .with_icb_action(IcbAction::new(
        id("prioritise-pathways")?,
        "agree approach and shared prioritisation of pathways, identify any additional pathways for focus",
        IcbScope::AllIcbs,
    ))
    .with_icb_action(IcbAction::new(
        id("support-girft")?,
        "agree how best WCA can support GIRFT for ICB and how ICB can benefit from national GIRFT approach (E.g. prostate and upper GI)",
        IcbScope::AllIcbs,
    ))
    .with_icb_action(IcbAction::new(
        id("ringfence-treatment-funding")?,
        "ringfence capital and revenue ICB level funding directly aligned to critical cancer treatment (e.g. LINAC replacement).",
        IcbScope::AllIcbs,
    )))
}

/// Table 1, row 2: lead through clinical professionals and the People Plan.
fn leadership() -> Result<StatutoryResponsibility, BoxError> {
    let row_asks = ["cag-programme", "accend"];
    let serving_row = |i: Intervention| -> Result<Intervention, BoxError> {
        row_asks.iter().try_fold(i, |i, a| Ok(i.serving(id(a)?)))
    };
    Ok(StatutoryResponsibility::new(
        id("leadership")?,
        StatutoryDuty::LeadThroughClinicalProfessionals,
        "Lead the NHS and wider system through clinical professionals and supporting the NHS People plan",
    )
    .with_ask(DeliveryAsk::new(
        id("cag-programme")?,
        "Clinical Advisory Groups work programme with focus on earlier and faster diagnosis, Data and PSFU",
        AskKind::Programme {
            programme: AskProgramme::ClinicalAdvisoryGroups,
            focus: vec![
                "earlier and faster diagnosis".into(),
                "Data".into(),
                "PSFU".into(),
            ],
        },
    ))
    .with_ask(DeliveryAsk::new(
        id("accend")?,
        "ACCEND workforce framework",
        AskKind::Programme {
            programme: AskProgramme::AccendWorkforceFramework,
            focus: Vec::new(),
        },
    ))
    .with_intervention(serving_row(Intervention::new(
        id("re-establish-cag")?,
        "Re-establish CAG, with infrastructure to be Data Driven, collaborative and aligned to population need, ICB ambition and research.",
        InterventionProgramme::ClinicalAdvisoryGroups,
    ))?)
    .with_intervention(serving_row(Intervention::new(
        id("workforce-programme")?,
        "Develop programme to build workforce capability, retention and support.",
        InterventionProgramme::WorkforceDevelopment,
    ))?)
    .with_icb_action(IcbAction::new(
        id("align-workforce")?,
        "proactive support to ensure alignment of WCA workforce programme within and as an embedded part of the wider ICB workforce strategies.",
        IcbScope::AllIcbs,
    ))
    .with_icb_action(IcbAction::new(
        id("share-resource")?,
        "support collaboration in terms of clinical and data ambition to make best use of shared resource (e.g. through enabling engagement with equality, information and digital workstreams within ICBs)",
        IcbScope::AllIcbs,
    )))
}

/// Table 1, row 3: reduce inequalities. "Deprived communities" is read as the
/// most deprived 20% of the population, as table 2 of the seed states it.
fn inequalities() -> Result<StatutoryResponsibility, BoxError> {
    let serving =
        |i: Intervention| -> Result<Intervention, BoxError> { Ok(i.serving(id("stage-shift")?)) };
    Ok(StatutoryResponsibility::new(
        id("inequalities")?,
        StatutoryDuty::ReduceInequalities,
        "Reduce inequalities to access and outcome of services",
    )
    .with_ask(DeliveryAsk::new(
        id("stage-shift")?,
        "Demonstrate improvement in stage of diagnosis amongst deprived communities and where local system is behind national position.",
        AskKind::StageShift {
            populations: vec![
                TargetPopulation::MostDeprived { share: percent(20)? },
                TargetPopulation::BehindNationalPosition,
            ],
        },
    ))
    .with_intervention(serving(
        Intervention::new(id("tlhc")?, "Targeted Lung Health Check", InterventionProgramme::TargetedLungHealthCheck)
            .with_site(TumourSite::Lung),
    )?)
    .with_intervention(serving(
        Intervention::new(id("liver-case-finding")?, "Liver case finding", InterventionProgramme::LiverCaseFinding)
            .with_site(TumourSite::UpperGi),
    )?)
    .with_intervention(serving(
        Intervention::new(
            id("pancreatic-straight-to-test")?,
            "Pancreatic straight to test pathway",
            InterventionProgramme::PancreaticStraightToTest,
        )
        .with_site(TumourSite::UpperGi),
    )?)
    .with_intervention(serving(
        Intervention::new(id("fit-access")?, "Access to FIT", InterventionProgramme::FaecalImmunochemicalTest)
            .with_site(TumourSite::ColorectalLowerGi),
    )?)
    .with_intervention(serving(
        Intervention::new(id("screening-uptake")?, "Screening uptake", InterventionProgramme::ScreeningUptake)
            .with_site(TumourSite::Breast)
            .with_site(TumourSite::ColorectalLowerGi)
            .with_site(TumourSite::Gynaecology),
    )?)
    .with_icb_action(IcbAction::new(
        id("stage-trajectory")?,
        "shared decisions to commit to stage of diagnosis trajectory for each ICB",
        IcbScope::AllIcbs,
    ))
    .with_icb_action(IcbAction::new(
        id("commissioning-review")?,
        "clear process for review and planning of commissioning of cancer services",
        IcbScope::AllIcbs,
    )))
}

/// The whole plan: alliance, year, status, table 1, the budget and the
/// (illustrative) RDC assessments.
pub fn wessex_2024_25() -> Result<CancerPlan, BoxError> {
    let mut builder = CancerPlan::builder()
        .title("Wessex Cancer Alliance 2024/25 Planning Proposals")
        .alliance(wessex_alliance()?)
        .financial_year("2024/25".parse()?)
        .status(PlanStatus::Draft)
        .responsibility(quality()?)
        .responsibility(leadership()?)
        .responsibility(inequalities()?)
        .budget(budget::budget()?);
    for assessment in crate::rdc::illustrative_assessments()? {
        builder = builder.rdc_assessment(assessment);
    }
    Ok(builder.build()?)
}

//! The fuzz targets' bodies (`tests/fuzz_bodies/`), run on stable through
//! proptest, so that a body that stops compiling or an invariant that stops
//! holding fails `cargo test` where no nightly toolchain (and so no
//! libFuzzer) is installed. libFuzzer explores far more inputs (see
//! RELIABILITY.md); these cases are the seeds, mutations of the seeds, and
//! random bytes.

use crate::common;
#[path = "../fuzz_bodies/mod.rs"]
mod fuzz_bodies;

use proptest::prelude::*;

const PLAN: &str = include_str!("../../examples/data/wessex-2024-25.json");
/// A few rows in the provider layout (synthetic: made up for the fuzz
/// seed, in the published layout), mutated when the shared Wessex sample is
/// not at hand.
const SYNTHETIC_EXTRACT: &str = "\
PERIOD,YEAR,MONTH,STANDARD,ORG CODE,STAGE/ROUTE,TREATMENT MODALITY,CANCER TYPE,TOTAL TREATED,WITHIN STANDARD,BREACHES
2023-10-01,2023/24,OCT,28-day FDS,RHM,URGENT SUSPECTED CANCER,,Suspected lung cancer,40,30,10
2023-10-01,2023/24,OCT,31-day Combined,RHM,First Treatment,ALL MODALITIES,Lung,10,9,1
2023-10-01,2023/24,OCT,31-day Combined,RHM,First Treatment,Surgery,Lung,6,5,1
2023-10-01,2023/24,OCT,62-day Combined,RHU,Consultant Upgrade,ALL MODALITIES,Breast,8.5,8.5,0
2023-10-01,2023/24,OCT,62-day Combined,RHU,Screening,Surgery,Breast,1,0.5,0.5
";

/// The Wessex provider sample (October 2023) from the shared NHS data, read
/// at run time (never copied into the crate), or the synthetic rows when it
/// is not at hand.
fn extract() -> String {
    common::shared_text("cwt/cwt-provider-extract-2023-10-wessex.csv")
        .unwrap_or_else(|| SYNTHETIC_EXTRACT.to_owned())
}
const PATHWAYS: &str = include_str!("../../examples/data/cwt-pathways-sample.csv");
const PATHWAYS_PARQUET: &[u8] = include_bytes!("../../examples/data/cwt-pathways-sample.parquet");

/// A small capacity document (the shape the fuzzer mutates), written by
/// the crate itself so that it follows the format.
fn capacity() -> String {
    use cancer_plan::budget::FundingSource;
    use cancer_plan::capacity::{
        AfcBand, Costing, ImprovementCapacity, ImprovementTeam, Post, Tenure,
    };
    use cancer_plan::{Alliance, Icb, Id, Money};
    let id = |s: &str| Id::new(s).unwrap();
    let tenure = Tenure::fixed("2021-07".parse().unwrap(), 24).unwrap();
    let capacity = ImprovementCapacity::builder()
        .title("ICS improvement capacity")
        .alliance(Alliance::new("Wessex").with_icb(Icb::new(id("dorset"), "NHS Dorset ICB")))
        .post(
            Post::new(
                id("lead"),
                "Senior Leader",
                AfcBand::Band8C,
                id("dorset"),
                tenure,
            )
            .with_costing(Costing::annual(
                Money::from_pounds(90_000),
                "AfC 8c midpoint",
            )),
        )
        .team(ImprovementTeam::new(
            id("cit"),
            "Cancer Improvement Team",
            tenure,
            FundingSource::RapidInvestigationServiceBudget,
            Costing::total(Money::from_pounds(280_000), "board paper estimate"),
        ))
        .build()
        .unwrap();
    serde_json::to_string(&capacity).unwrap()
}

/// A small RDC pathway assessment, written by the crate.
fn assessment() -> String {
    use cancer_plan::rdc::{AssessmentScope, PathwayAssessment, PrincipleEntry};
    use cancer_plan::{RdcPrinciple, TumourSite};
    let assessment = PathwayAssessment::builder()
        .tumour_site(TumourSite::Lung)
        .scope(AssessmentScope::Alliance)
        .assessed_on(chrono::NaiveDate::from_ymd_opt(2021, 9, 1).unwrap())
        .principle(PrincipleEntry::not_met(
            RdcPrinciple::CoordinatedTesting,
            "tests booked one at a time",
        ))
        .principle(PrincipleEntry::met(
            RdcPrinciple::ALL[1],
            "seen in the pathway mapping",
        ))
        .build()
        .unwrap();
    serde_json::to_string(&assessment).unwrap()
}

/// Writes the JSON seeds for the fuzz targets when `FUZZ_SEEDS_OUT` names
/// a directory (`fuzz/seeds/assessment_json`); otherwise does nothing.
#[test]
fn write_assessment_seeds_if_asked() {
    if let Some(dir) = std::env::var_os("FUZZ_SEEDS_OUT") {
        let dir = std::path::PathBuf::from(dir);
        std::fs::write(dir.join("capacity.json"), capacity()).unwrap();
        std::fs::write(dir.join("assessment.json"), assessment()).unwrap();
    }
}

/// The first lines of the extract: a short, valid input to mutate.
fn extract_head(lines: usize) -> String {
    extract().lines().take(lines).collect::<Vec<_>>().join("\n")
}

/// `seed` with some bytes overwritten, some inserted, and maybe cut short.
fn mutated(seed: Vec<u8>) -> impl Strategy<Value = Vec<u8>> {
    let len = seed.len().max(1);
    (
        proptest::collection::vec((0..len, any::<u8>()), 0..8),
        proptest::collection::vec((0..len, any::<u8>()), 0..4),
        proptest::option::weighted(0.2, 0..len),
    )
        .prop_map(move |(overwrite, insert, cut)| {
            let mut bytes = seed.clone();
            for (at, byte) in overwrite {
                if let Some(b) = bytes.get_mut(at) {
                    *b = byte;
                }
            }
            for (at, byte) in insert {
                bytes.insert(at.min(bytes.len()), byte);
            }
            if let Some(cut) = cut {
                bytes.truncate(cut);
            }
            bytes
        })
}

#[test]
fn the_seeds_pass_every_body() {
    let (capacity, assessment, extract) = (capacity(), assessment(), extract());
    for seed in [
        PLAN.as_bytes(),
        extract.as_bytes(),
        capacity.as_bytes(),
        assessment.as_bytes(),
        b"",
        b"{}",
    ] {
        fuzz_bodies::plan_json::run(seed);
        fuzz_bodies::cwt_extract::run(seed);
        fuzz_bodies::assessment_json::run(seed);
        fuzz_bodies::value_types::run(seed);
        fuzz_bodies::structured::run(seed);
        fuzz_bodies::any_extract::run(seed);
        fuzz_bodies::pathway_csv::run(seed);
        fuzz_bodies::pathway_arrow::run(seed);
        fuzz_bodies::pathway_parquet::run(seed);
    }
    let pathways = [&[0u8][..], PATHWAYS.as_bytes()].concat();
    fuzz_bodies::pathway_csv::run(&pathways);
    fuzz_bodies::pathway_arrow::run(&pathways);
    fuzz_bodies::pathway_parquet::run(PATHWAYS_PARQUET);
    fuzz_bodies::pathway_parquet::run(&[0xFF]);
}

/// The first lines of the pathway sample, with a selector byte in front.
fn pathway_head(lines: usize) -> Vec<u8> {
    let mut bytes = vec![0u8];
    bytes.extend(
        PATHWAYS
            .lines()
            .take(lines)
            .collect::<Vec<_>>()
            .join("\n")
            .bytes(),
    );
    bytes
}

/// Pathway text in pieces chosen to hit the reader's edges: quotes, blank
/// lines, every line ending, stray `\r`s, wrong widths.
fn pathway_pieces() -> impl Strategy<Value = Vec<u8>> {
    let header = "provider,route,tumour_site,referral_received,told_outcome,decision_to_treat,first_treatment,dna_adjustment_days,treatment_delay_days";
    let piece = prop_oneof![
        Just("RHM,urgent_suspected_cancer,lung,2024-04-01,2024-04-29,,,0,0".to_owned()),
        Just("RHM,spam,lung,2024-04-01,,,,0,0".to_owned()),
        Just("\"RHM\",\"urgent_suspected_cancer\",\"lu\nng\",2024-04-01,,,,0,0".to_owned()),
        Just("RHM,other,skin,2000-01-01,2099-12-31,,2099-12-31,0,0".to_owned()),
        Just(String::new()),
        Just("a,\"b\"\"c\",d".to_owned()),
        Just("\"".to_owned()),
        Just("x\ry".to_owned()),
    ];
    let ending = prop_oneof![Just("\n"), Just("\r\n"), Just("\r")];
    (
        any::<u8>(),
        proptest::collection::vec((piece, ending), 0..12),
    )
        .prop_map(move |(selector, pieces)| {
            let mut bytes = vec![selector];
            bytes.extend(header.bytes());
            for (piece, ending) in pieces {
                bytes.extend(ending.bytes());
                bytes.extend(piece.bytes());
            }
            bytes
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn plan_json(bytes in mutated(PLAN.as_bytes().to_vec())) {
        fuzz_bodies::plan_json::run(&bytes);
    }

    #[test]
    fn cwt_extract(bytes in mutated(extract_head(12).into_bytes())) {
        fuzz_bodies::cwt_extract::run(&bytes);
    }

    #[test]
    fn assessment_json(
        bytes in prop_oneof![
            mutated(capacity().into_bytes()),
            mutated(assessment().into_bytes()),
        ],
    ) {
        fuzz_bodies::assessment_json::run(&bytes);
    }

    #[test]
    fn value_types(selector in any::<u8>(), places in any::<u32>(), text in "\\PC{0,40}") {
        let mut bytes = vec![selector];
        bytes.extend(places.to_le_bytes());
        bytes.extend(text.as_bytes());
        fuzz_bodies::value_types::run(&bytes);
    }

    #[test]
    fn value_types_near_valid(
        selector in 0u8..11,
        text in "-?£?[0-9]{1,30}(\\.[0-9]{1,3})?%?|[0-9]{4}-[0-9]{2}(-01)?|[0-9]{4}/[0-9]{2}( Q[0-9])?|[A-Z0-9]{3,5}",
    ) {
        let mut bytes = vec![selector, 2, 0, 0, 0];
        bytes.extend(text.as_bytes());
        fuzz_bodies::value_types::run(&bytes);
    }

    #[test]
    fn any_extract(bytes in mutated(extract_head(12).into_bytes())) {
        fuzz_bodies::any_extract::run(&bytes);
    }

    #[test]
    fn pathway_csv(bytes in prop_oneof![mutated(pathway_head(8)), pathway_pieces()]) {
        fuzz_bodies::pathway_csv::run(&bytes);
    }

    #[test]
    fn pathway_arrow(bytes in prop_oneof![mutated(pathway_head(8)), pathway_pieces()]) {
        fuzz_bodies::pathway_arrow::run(&bytes);
    }

    #[test]
    fn pathway_parquet(
        bytes in prop_oneof![
            mutated(PATHWAYS_PARQUET.to_vec()),
            proptest::collection::vec(any::<u8>(), 0..64).prop_map(|e| [&[0xFF][..], &e].concat()),
        ],
    ) {
        fuzz_bodies::pathway_parquet::run(&bytes);
    }

    #[test]
    fn structured(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        fuzz_bodies::structured::run(&bytes);
    }
}

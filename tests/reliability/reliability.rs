//! Regression tests for defects found by fuzzing, through the public API:
//! each failed before its fix. (Defects local to one module are tested
//! beside their code: percent, performance, wilson, money, year_month,
//! apportion, reconcile, pathway counts and parallel.)

use cancer_plan::budget::FundingSource;
use cancer_plan::capacity::{
    AfcBand, Costing, ImprovementCapacity, ImprovementTeam, Post, Tenure, MAX_ITEM_ID_LEN,
};
use cancer_plan::cwt::extract::read_provider_extract;
use cancer_plan::{Alliance, Icb, Id, Money, MoneyUnit, Rule};

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn id(s: &str) -> Id {
    Id::new(s).unwrap()
}

fn capacity_with(
    post_id: &str,
    team_id: &str,
) -> Result<ImprovementCapacity, cancer_plan::ValidationErrors> {
    let tenure = Tenure::fixed("2021-07".parse().unwrap(), 24).unwrap();
    ImprovementCapacity::builder()
        .title("ICS improvement capacity")
        .alliance(Alliance::new("Wessex").with_icb(Icb::new(id("dorset"), "NHS Dorset ICB")))
        .post(
            Post::new(
                id(post_id),
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
            id(team_id),
            "Cancer Improvement Team",
            tenure,
            FundingSource::RapidInvestigationServiceBudget,
            Costing::total(Money::from_pounds(280_000), "board paper estimate"),
        ))
        .build()
}

#[test]
fn a_capacity_whose_line_ids_would_not_fit_is_refused_when_built() -> TestResult {
    // A 57-character id built, then `to_budget_line` failed: `<id>.<yyyy-yy>`
    // is 65 characters, past the 64 of an `Id`.
    let long = "p".repeat(MAX_ITEM_ID_LEN + 1);
    let errors = capacity_with(&long, &long.replace('p', "t"))
        .err()
        .ok_or("a 57-character item id must be refused")?;
    let paths: Vec<String> = errors
        .violations()
        .iter()
        .map(|v| v.path().to_string())
        .collect();
    assert_eq!(paths, ["posts[0].id", "teams[0].id"]);
    assert!(matches!(
        errors.violations()[0].rule(),
        Rule::LengthAtMost { max: 56, .. }
    ));
    assert!(
        errors.to_string().contains("at most 56 characters"),
        "{errors}"
    );
    // 56 characters build, and every line of every year gets its id.
    let fits = "p".repeat(MAX_ITEM_ID_LEN);
    let capacity = capacity_with(&fits, &fits.replace('p', "t"))?;
    let costs = capacity.costs("2023/24".parse()?, MoneyUnit::Pound)?;
    assert_eq!(costs.lines().len(), 6);
    let years: std::collections::BTreeSet<_> = costs.lines().iter().map(|l| l.year()).collect();
    let mut made = 0;
    for year in years {
        for budget_line in costs.budget_lines(year, &id("capacity"))? {
            assert_eq!(budget_line.id().as_str().len(), 64);
            made += 1;
        }
    }
    assert_eq!(made, 6);
    Ok(())
}

const HEADER: &str = "PERIOD,YEAR,MONTH,STANDARD,ORG CODE,STAGE/ROUTE,TREATMENT MODALITY,CANCER TYPE,TOTAL TREATED,WITHIN STANDARD,BREACHES";

#[test]
fn nul_characters_in_an_extract_are_kept_in_free_text_and_refused_in_codes() -> TestResult {
    // The decision: a NUL is a character of the text. In the free-text
    // columns (route, modality, cancer type) it is kept verbatim, so the
    // row counts and the caller sees exactly what the file held; in the
    // coded columns (period, standard, ORG CODE, counts) it breaks the
    // grammar, and the row is a bad row with its line. Nothing is dropped
    // silently either way.
    let csv = format!(
        "{HEADER}\n\
         2023-10-01,2023/24,OCT,31-day Combined,RHM,First Treatment,ALL MODALITIES,Lu\0ng,10,9,1\n\
         2023-10-01,2023/24,OCT,31-day Combined,RH\0M,First Treatment,ALL MODALITIES,Lung,10,9,1\n\
         2023-10-01,2023/24,OCT,31-day Combined,RHM,First Treatment,ALL MODALITIES,Lung,1\00,9,1\n"
    );
    let extract = read_provider_extract(csv.as_bytes())?;
    assert_eq!(extract.rows().len(), 1);
    assert_eq!(extract.rows()[0].cancer_type(), "Lu\0ng");
    let bad: Vec<u64> = extract.bad_rows().iter().map(|b| b.line()).collect();
    assert_eq!(bad, [3, 4]);
    Ok(())
}

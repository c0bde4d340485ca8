//! The ILLUSTRATIVE RDC compliance matrix of the example: the 2021 paper
//! gives no assessments, so every level, gap and action here is made up to
//! show how the matrix reads.

use cancer_plan::rdc::{
    AssessmentScope, ComplianceLevel, ComplianceMatrix, ImprovementAction, PathwayAssessment,
    PrincipleEntry,
};
use cancer_plan::{RdcPrinciple, TumourSite};
use chrono::NaiveDate;

use super::{id, Result};

fn date(y: i32, m: u32, d: u32) -> Result<NaiveDate> {
    Ok(NaiveDate::from_ymd_opt(y, m, d).expect("the dates written below are calendar dates"))
}

/// ILLUSTRATIVE assessments: the paper gives none. Every level, gap and action
/// here is made up to show how the matrix reads.
pub fn illustrative_assessments() -> Result<Vec<PathwayAssessment>> {
    use RdcPrinciple::*;
    let on = date(2022, 3, 31)?;
    let icb = |key: &str| AssessmentScope::Icb(id(key));
    let evidence = "ILLUSTRATIVE evidence";
    let gap = "ILLUSTRATIVE gap";
    // Levels per site and ICB: principles not listed are met.
    type Shortfalls<'a> = &'a [(RdcPrinciple, ComplianceLevel)];
    let plan: [(TumourSite, &str, Shortfalls); 10] = [
        (TumourSite::Breast, "dorset", &[]),
        (TumourSite::Breast, "hiow", &[]),
        (
            TumourSite::Urology,
            "dorset",
            &[(CoordinatedTesting, ComplianceLevel::PartiallyMet)],
        ),
        (
            TumourSite::Urology,
            "hiow",
            &[
                (CoordinatedTesting, ComplianceLevel::NotMet),
                (TimelyDiagnosis, ComplianceLevel::PartiallyMet),
            ],
        ),
        (
            TumourSite::Lung,
            "dorset",
            &[(EarlyIdentification, ComplianceLevel::PartiallyMet)],
        ),
        (
            TumourSite::Lung,
            "hiow",
            &[
                (EarlyIdentification, ComplianceLevel::PartiallyMet),
                (PatientCoordinationAndSupport, ComplianceLevel::NotMet),
            ],
        ),
        (
            TumourSite::HeadAndNeck,
            "dorset",
            &[(BroadAssessmentOfSymptoms, ComplianceLevel::NotMet)],
        ),
        (
            TumourSite::HeadAndNeck,
            "hiow",
            &[(BroadAssessmentOfSymptoms, ComplianceLevel::NotAssessed)],
        ),
        (
            TumourSite::ColorectalLowerGi,
            "dorset",
            &[(TimelyReferral, ComplianceLevel::PartiallyMet)],
        ),
        (
            TumourSite::ColorectalLowerGi,
            "hiow",
            &[(AppropriateOnwardReferral, ComplianceLevel::NotAssessed)],
        ),
    ];
    let mut assessments = Vec::new();
    for (n, (site, key, shortfalls)) in plan.into_iter().enumerate() {
        let mut builder = PathwayAssessment::builder()
            .tumour_site(site)
            .scope(icb(key))
            .assessed_on(on);
        for principle in RdcPrinciple::ALL {
            let level = shortfalls
                .iter()
                .find(|(p, _)| *p == principle)
                .map_or(ComplianceLevel::Met, |(_, level)| *level);
            builder = builder.principle(match level {
                ComplianceLevel::Met => PrincipleEntry::met(principle, evidence),
                ComplianceLevel::NotAssessed => PrincipleEntry::not_assessed(principle),
                other => PrincipleEntry::new(principle, other).with_gap(gap),
            });
        }
        // One action per shortfall: most due by the deadline, a few after it,
        // HIOW head and neck with none, to show each gap status.
        for (k, (principle, _)) in shortfalls.iter().enumerate() {
            if site == TumourSite::HeadAndNeck && key == "hiow" {
                continue;
            }
            let due = if (n + k) % 3 == 0 {
                date(2024, 9, 30)?
            } else {
                date(2023, 12, 31)?
            };
            builder = builder.action(
                ImprovementAction::new(
                    id(&format!("a{n}-{k}")),
                    "ILLUSTRATIVE action",
                    "ILLUSTRATIVE owner",
                    due,
                )
                .towards(*principle),
            );
        }
        assessments.push(builder.build()?);
    }
    Ok(assessments)
}

pub fn print_matrix(matrix: &ComplianceMatrix) {
    print!("  {:<34}", "Tumour site / ICB");
    for p in RdcPrinciple::ALL {
        print!(" {:>5}", format!("P{}", p.number()));
    }
    println!();
    for row in matrix.rows() {
        print!("  {:<34}", format!("{} (alliance)", row.site().name()));
        for level in row.levels() {
            print!(" {:>5}", level.short());
        }
        println!();
        for icb in matrix.icbs() {
            print!("  {:<34}", format!("    {icb}"));
            for p in RdcPrinciple::ALL {
                print!(" {:>5}", matrix.icb_level(row.site(), icb, p).short());
            }
            println!();
        }
    }
    println!("  (met / part = partially met / not = not met / n/a = not assessed; the alliance");
    println!("   is met only where every ICB is; any ICB not met makes it not met; otherwise");
    println!("   any ICB not assessed makes it not assessed; otherwise partially met)");
    for p in RdcPrinciple::ALL {
        println!("   P{} {}", p.number(), p.title());
    }
    let counts = matrix.counts();
    let parts: Vec<String> = ComplianceLevel::ALL
        .iter()
        .map(|l| format!("{} {l}", counts.get(*l)))
        .collect();
    println!("\n  Cells: {} of {}", parts.join(", "), counts.total());
    let compliant: Vec<&str> = matrix
        .fully_compliant_sites()
        .iter()
        .map(|s| s.name())
        .collect();
    println!(
        "  Sites fully compliant: {}",
        if compliant.is_empty() {
            "none".into()
        } else {
            compliant.join(", ")
        }
    );
    println!(
        "  Sites not assessed at all: {}",
        matrix.unassessed_sites().len()
    );
    println!(
        "\n  Gaps against {} (end of 2023/24, ILLUSTRATIVE):",
        ComplianceMatrix::DEFAULT_DEADLINE
    );
    for gap in matrix.gaps(ComplianceMatrix::DEFAULT_DEADLINE) {
        println!(
            "  - {:<22} {:<45} {:<13} {}",
            gap.site().name(),
            gap.principle().to_string(),
            gap.level().to_string(),
            gap.status()
        );
        for shortfall in gap.shortfalls() {
            let dues: Vec<String> = shortfall
                .actions()
                .iter()
                .map(|a| format!("{} due {}", a.id(), a.due()))
                .collect();
            println!(
                "      {}: {}{}",
                shortfall.icb(),
                shortfall.level(),
                if dues.is_empty() {
                    "; no action".into()
                } else {
                    format!("; {}", dues.join(", "))
                }
            );
        }
    }
}

//! The Wessex Cancer Alliance Board paper of 16 June 2021, "Future ICS
//! improvement capacity planning in the Alliance", built with the crate:
//! the proposal (a Band 8C senior leader embedded in each ICS, the Cancer
//! Improvement Team/Academy, the tumour-site reviews under way), its costs by
//! funding source and financial year, and an ILLUSTRATIVE RDC compliance
//! matrix with the gaps against the 2023/24 deadline.
//!
//! ```text
//! cargo run --example improvement_capacity_2021
//! cargo run --example improvement_capacity_2021 -- --write-plan examples/data/wessex-2021-improvement-capacity.json
//! ```
//!
//! It also turns the paper into a plan-format document,
//! `examples/data/wessex-2021-improvement-capacity.json` (check it with
//! `cargo run --example plan_check -- examples/data/wessex-2021-improvement-capacity.json`):
//! a plan for 2021/22 with no responsibilities table and no budget, whose
//! content is its `improvement_capacity` section (the posts NOT COSTED, as
//! in the paper). The illustrative RDC assessments are NOT put in the
//! document: the paper gives none. Without `--write-plan` the example
//! checks that the committed document is what it would write, and fails if
//! not.
//!
//! What comes from the paper and what is assumed:
//! - From the paper: the two ICSs; a Band 8C senior leader in each, funded
//!   through the WCA budget (cost "built into Wessex Cancer Alliance 21/22
//!   budgets", amount not given); the Cancer Improvement Team/Academy, 24
//!   months, estimated £280K, from the Rapid Investigation Service budget,
//!   overseen by the Cancer Waiting Times Board and directed by the senior
//!   leads; the reviews (urology Pathway Analyser, lung review by MSD, head and
//!   neck, colorectal and breast capacity and demand); the four methodology
//!   stages; the 2023/24 RDC deadline.
//! - ASSUMED (the paper does not say): every start date (1 July 2021, the
//!   first month after the board); the posts being open-ended; the stage each
//!   review has reached (inferred from the paper's wording).
//! - ILLUSTRATIVE (the paper gives none): every compliance assessment and
//!   improvement action in the matrix.
//! - The 8C posts stay NOT COSTED. A separate, labelled sensitivity costs
//!   them at the AfC 2021/22 band 8C entry step point (£65,664 a year, basic
//!   pay only, no on-costs; NHS Employers, "Annual pay scales 2021/22").

use cancer_plan::budget::{
    AllocationArea, BudgetAllocation, Dimension, FundingSource, SpendCategory,
};
use cancer_plan::capacity::{
    AfcBand, CostSchedule, Costing, ImprovementCapacity, ImprovementTeam, MethodologyStage, Post,
    ReviewProgress, Tenure, TumourSiteReview,
};
use cancer_plan::rdc::ComplianceMatrix;
use cancer_plan::{
    Alliance, CancerPlan, FinancialYear, Icb, Id, Money, MoneyUnit, Percent, PlanStatus, TumourSite,
};

#[path = "improvement_capacity_2021/illustrative_matrix.rs"]
mod illustrative_matrix;

use illustrative_matrix::{illustrative_assessments, print_matrix};

type Result<T> = std::result::Result<T, cancer_plan::Error>;

/// ASSUMPTION: the paper gives no start date; the month after the board.
const START: &str = "2021-07";
/// AfC 2021/22 band 8C entry step point, basic pay (NHS Employers, "Annual
/// pay scales 2021/22"). Used ONLY in the labelled sensitivity.
const BAND_8C_ENTRY_2021_22: i64 = 65_664;

/// The committed plan-format document of the paper.
const PLAN_DOCUMENT: &str = include_str!("data/wessex-2021-improvement-capacity.json");

/// An error ends the run with its sentence and causes (`cancer_plan::Error`'s
/// `Debug` is its message, not a structure dump) and exit status 1.
fn main() -> Result<()> {
    let alliance = wessex();
    let capacity = proposal(
        alliance.clone(),
        Costing::not_costed(
            "built into Wessex Cancer Alliance 21/22 budgets; the paper gives no amount",
        ),
    )?;
    let document = cancer_plan::json::to_string_pretty(&plan_document(&alliance, &capacity)?)
        .map_err(std::io::Error::from)?;
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, path] = args.as_slice()
        && flag == "--write-plan"
    {
        std::fs::write(path, &document)?;
        println!("wrote {path}");
        return Ok(());
    }
    if document != PLAN_DOCUMENT {
        eprintln!(
            "examples/data/wessex-2021-improvement-capacity.json is stale: \
             run with --write-plan examples/data/wessex-2021-improvement-capacity.json"
        );
        std::process::exit(1);
    }
    let horizon: FinancialYear = "2023/24".parse()?;

    println!("{}", capacity.title());
    println!("Wessex Cancer Alliance Board, 16 June 2021 (author Rob Chambers)");
    println!("{}\n", "=".repeat(72));
    print_proposal(&capacity);

    let costs = capacity.costs(horizon, MoneyUnit::Pound)?;
    println!("\nCOSTS BY FUNDING SOURCE AND FINANCIAL YEAR (to {horizon}, whole pounds)");
    println!("{}", "-".repeat(72));
    print_costs(&costs)?;

    println!("\nAs budget lines of the budget model (spend category `improvement`):");
    for year in years_through("2021/22".parse()?, horizon) {
        for line in costs.budget_lines(year, &Id::new("improvement")?)? {
            println!(
                "  {:<16} {:>9}  {:<36} {} / {}",
                line.id(),
                line.amount(),
                line.funding_source(),
                line.term(),
                line.scope()
            );
        }
    }
    print_budget_roll_ups(&costs, &alliance, "2021/22".parse()?)?;

    println!("\nSENSITIVITY (ASSUMPTION, not in the paper): 8C posts at the AfC 2021/22");
    println!("band 8C entry step point, £65,664 a year, basic pay only, no on-costs");
    println!("{}", "-".repeat(72));
    let assumed = proposal(
        alliance.clone(),
        Costing::annual(
            Money::from_pounds(BAND_8C_ENTRY_2021_22),
            "ASSUMPTION: AfC 2021/22 band 8C entry step point, basic pay, no on-costs",
        ),
    )?;
    let assumed_costs = assumed.costs(horizon, MoneyUnit::Pound)?;
    print_costs(&assumed_costs)?;
    print_budget_roll_ups(&assumed_costs, &alliance, "2021/22".parse()?)?;

    println!("\nRDC COMPLIANCE MATRIX -- ILLUSTRATIVE ONLY: the paper gives no assessments;");
    println!("every level and action below is made up to show the model working.");
    println!("{}", "-".repeat(72));
    let matrix = ComplianceMatrix::build(&alliance, illustrative_assessments()?)?;
    print_matrix(&matrix);
    Ok(())
}

/// The paper as a plan-format document: title, alliance and year (all a
/// plan requires), draft (a proposal to the board), and the proposal as its
/// `improvement_capacity` section.
fn plan_document(alliance: &Alliance, capacity: &ImprovementCapacity) -> Result<CancerPlan> {
    Ok(CancerPlan::builder()
        .title("Future ICS improvement capacity planning in the Alliance (Wessex Cancer Alliance Board, 16 June 2021)")
        .alliance(alliance.clone())
        .financial_year("2021/22".parse()?)
        .status(PlanStatus::Draft)
        .improvement_capacity(capacity.clone())
        .build()?)
}

fn wessex() -> Alliance {
    Alliance::new("Wessex Cancer Alliance")
        .with_icb(Icb::new(id("dorset"), "Dorset ICS"))
        .with_icb(Icb::new(id("hiow"), "Hampshire and the Isle of Wight ICS"))
}

fn id(text: &str) -> Id {
    Id::new(text).expect("a literal id is valid")
}

/// The paper's proposal, with the senior leaders costed by `post_costing`.
fn proposal(alliance: Alliance, post_costing: Costing) -> Result<ImprovementCapacity> {
    let start = START.parse()?;
    let lead = |key: &str, icb: &str| {
        Ok::<Post, cancer_plan::capacity::TenureError>(
            Post::new(
                id(key),
                "Senior Leader (performance, planning, improvement)",
                AfcBand::Band8C,
                id(icb),
                Tenure::open_ended(start)?,
            )
            .with_funding(FundingSource::AllianceBudget)
            .with_costing(post_costing.clone()),
        )
    };
    let team = ImprovementTeam::new(
        id("cit"),
        "Cancer Improvement Team/Academy",
        Tenure::fixed(start, 24)?,
        FundingSource::RapidInvestigationServiceBudget,
        Costing::total(
            Money::from_pounds(280_000),
            "estimated cost in the paper (\"£280K\")",
        ),
    )
    .overseen_by("Cancer Waiting Times Board")
    .directed_by(id("dorset-lead"))
    .directed_by(id("hiow-lead"));
    let data = ReviewProgress::InStage(MethodologyStage::DataAndCapacityDemandModelling);
    let mapping = ReviewProgress::InStage(MethodologyStage::PathwayMapping);
    let review = |key: &str, site, name: &str, progress| {
        TumourSiteReview::new(id(key), site, name, progress)
    };
    Ok(ImprovementCapacity::builder()
        .title("Future ICS improvement capacity planning in the Alliance")
        .alliance(alliance)
        .post(lead("dorset-lead", "dorset")?)
        .post(lead("hiow-lead", "hiow")?)
        .team(team)
        .review(review(
            "urology-pa",
            TumourSite::Urology,
            "Pathway Analyser work on urology",
            data,
        ))
        .review(review("lung-msd", TumourSite::Lung, "Lung pathway review", mapping).led_by("MSD"))
        .review(review(
            "h-and-n-cd",
            TumourSite::HeadAndNeck,
            "Head and neck pathway: capacity and demand",
            data,
        ))
        .review(review(
            "colorectal-cd",
            TumourSite::ColorectalLowerGi,
            "Colorectal pathway: capacity and demand",
            data,
        ))
        .review(review(
            "breast-cd",
            TumourSite::Breast,
            "Breast pathway: capacity and demand",
            data,
        ))
        .build()?)
}

fn print_proposal(capacity: &ImprovementCapacity) {
    println!("Senior leaders embedded in each ICS, working to the Alliance:");
    for post in capacity.posts() {
        let host = capacity
            .alliance()
            .icb(post.host_icb().as_str())
            .map_or(post.host_icb().as_str(), |icb| icb.name());
        println!(
            "  - {} ({}, {} WTE), hosted by {host}; funded from the {}; {} [start ASSUMED]",
            post.title(),
            post.band(),
            post.wte(),
            post.funding(),
            post.tenure()
        );
        println!("    cost: {}", post.costing());
    }
    println!("\nCentral improvement team:");
    for team in capacity.teams() {
        println!(
            "  - {}: {} [start ASSUMED], funded from the {}",
            team.name(),
            team.tenure(),
            team.funding()
        );
        println!("    cost: {}", team.costing());
        if let Some(body) = team.oversight() {
            let leads: Vec<&str> = team.directors().iter().map(Id::as_str).collect();
            println!(
                "    overseen by the {body}; work directed by {}",
                leads.join(" and ")
            );
        }
    }
    println!("\nCommon cancer improvement methodology:");
    for stage in MethodologyStage::ALL {
        println!("  {stage}");
    }
    println!(
        "\nTumour-site reviews and the stage reached (ASSUMED: inferred from the paper's wording):"
    );
    for review in capacity.reviews() {
        let lead = review
            .lead()
            .map(|l| format!(" (by {l})"))
            .unwrap_or_default();
        println!(
            "  - {:<22} {}{lead}: {}",
            review.site().name(),
            review.name(),
            review.progress()
        );
    }
}

fn print_costs(costs: &CostSchedule) -> Result<()> {
    for line in costs.lines() {
        let what = format!("{} [{}]", line.item(), line.scope());
        println!(
            "  {:<30} {} {:>2} months {:>9}",
            what,
            line.year(),
            line.months(),
            line.amount()
        );
    }
    println!("  By funding source and year:");
    for (source, year, amount) in costs.by_funding_and_year()? {
        println!("    {:<44} {year} {:>9}", source, amount);
    }
    println!("    {:<52} {:>9}", "Total costed", costs.total()?);
    for item in costs.not_costed() {
        let months: Vec<String> = item
            .months_by_year()
            .iter()
            .map(|(year, n)| format!("{year}: {n} months"))
            .collect();
        println!(
            "  NOT COSTED: {} ({}), {}; {}",
            item.item(),
            item.funding(),
            months.join(", "),
            item.reason()
        );
    }
    Ok(())
}

/// The year's capacity lines in an area of a budget, rolled up by the budget
/// model like any other lines. The envelope here is only those lines' total:
/// the paper does not give the WCA 2021/22 envelope.
fn print_budget_roll_ups(
    costs: &CostSchedule,
    alliance: &Alliance,
    year: FinancialYear,
) -> Result<()> {
    let category = Id::new("improvement")?;
    let mut area = AllocationArea::new(
        Id::new("ics-capacity")?,
        "ICS improvement capacity",
        Percent::HUNDRED,
    )
    .with_spend_category(SpendCategory::new(category.clone(), "Improvement capacity"));
    for line in costs.budget_lines(year, &category)? {
        area = area.with_line(line);
    }
    let lines_total = area.lines_total()?;
    let budget = BudgetAllocation::new(lines_total).with_area(area);
    budget.validate(Some(alliance))?;
    println!("\nThe budget model's roll-ups of the {year} capacity lines (costed lines only):");
    for dimension in [
        Dimension::FundingSource,
        Dimension::Scope,
        Dimension::EndYear { plan_year: year },
    ] {
        let roll_up = budget.roll_up(dimension)?;
        println!("  by {dimension}:");
        for group in roll_up.groups() {
            println!("    {:<44} {:>9}", group.label(), group.total());
        }
    }
    Ok(())
}

fn years_through(first: FinancialYear, last: FinancialYear) -> Vec<FinancialYear> {
    let mut years = vec![first];
    while let Some(next) = years.last().and_then(|y| y.next()).filter(|y| *y <= last) {
        years.push(next);
    }
    years
}

//! Plan delivery assurance: one value from a plan and its CWT data that
//! answers "is this plan being delivered?" at trust, ICB and alliance
//! level.
//!
//! An analysis layer above [`cwt`](crate::cwt), [`spc`](crate::spc) and the
//! plan. [`PlanAssurance::build`] takes a [`CancerPlan`] and one or more
//! [`CwtSource`]s (a provider extract, an ICB sub-location extract, patient
//! pathways) and gives:
//!
//! - **rows** ([`AssuranceRow`]), per standard × organisation × month:
//!   counts, performance, Wilson intervals at 95% and 99.8%, every target
//!   layer judged ([`TargetLayers`]: the
//!   standard, the national milestone in force and the next one due, the
//!   plan's ask, its trajectory, local targets; met, gap in patients, due
//!   yet), the variance from the plan's trajectory, and the month's funnel
//!   flag;
//! - **series** ([`SeriesAssurance`]), per standard × organisation: the SPC
//!   chart, the Making Data Count variation icon, and the assurance icon
//!   against every layer of the latest month, headlined by the latest
//!   time-varying target;
//! - **funnels** ([`Funnel`]), per month × standard: limits at 95% and
//!   99.8% across every organisation of the source (a national file: every
//!   trust), as PHEindicatormethods computes them, outliers flagged;
//! - beside them, the **budget** ([`BudgetSummary`]: the reconciliation and
//!   exit risks) and the **RDC view with coverage** ([`RdcCoverage`]: a
//!   site never assessed is a gap, "not assessed").
//!
//! # Roll-up and basis
//!
//! Every figure says its [`Basis`]. Provider-based figures roll trusts up
//! to the ICB the plan gives each (`alliance.providers[].icb`);
//! commissioner-based figures roll sub-ICB locations up to the ICB that
//! lists them (`alliance.icbs[].sub_icb_locations`); an ICB's sum makes
//! the alliance. A trust the plan lists outside the alliance's ICBs (Wessex:
//! Salisbury, RNZ) has its own rows, `in_alliance` false, and is named in
//! [`PlanAssurance::outside`]; codes the plan does not list are named there
//! too and count only in the funnels. Nothing is silently in or out.
//!
//! ```
//! use cancer_plan::assurance::{CwtSource, PlanAssurance};
//! use cancer_plan::cwt::{PatientCount, Performance, PerformanceTable};
//! use cancer_plan::standard::TargetLayer;
//! use cancer_plan::{Alliance, CancerPlan, CwtStandard, Icb, Id, OdsCode, Provider};
//!
//! let plan = CancerPlan::builder()
//!     .title("Example")
//!     .financial_year("2025/26".parse()?)
//!     .alliance(Alliance::new("Example Alliance")
//!         .with_icb(Icb::new(Id::new("north")?, "North ICB"))
//!         .with_provider(Provider::new(OdsCode::new("RAA")?, "Trust A").in_icb(Id::new("north")?)))
//!     .build()?;
//! let c62 = CwtStandard::Combined62Day;
//! let mut table = PerformanceTable::new();
//! for i in 0..6 {
//!     let month = "2025-02".parse::<cancer_plan::YearMonth>()?.saturating_plus_months(i);
//!     table.add(month, c62, OdsCode::new("RAA")?, Performance::new(PatientCount::whole(72), PatientCount::whole(100))?)?;
//! }
//! let assurance = PlanAssurance::build(&plan, &[CwtSource::provider("sample", table)])?;
//! let july = assurance.rows().iter().rev().find(|r| r.organisation().code() == "Example Alliance").ok_or("row")?;
//! assert_eq!(july.target(TargetLayer::Standard).map(|t| t.gap_in_patients()), Some(Some(13)));
//! assert!(july.target(TargetLayer::MilestoneInForce).ok_or("milestone")?.met());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#[cfg(feature = "pathway-arrow")]
mod arrow;
mod budget;
mod error;
mod funnel;
mod organisation;
mod rdc;
mod rollup;
mod row;
mod series;
mod source;

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

#[cfg(feature = "pathway-arrow")]
#[cfg_attr(docsrs, doc(cfg(feature = "pathway-arrow")))]
pub use arrow::{funnel_batch, rows_batch};
pub use budget::{BudgetSummary, ExitRiskLine};
pub use error::AssuranceError;
pub use funnel::{funnel_limits, Funnel, FunnelFlag, FunnelPoint};
pub use organisation::{Basis, OrgLevel, Organisation};
pub use rdc::{RdcCoverage, RdcGap, RdcGapReason, SiteCoverage};
use rollup::Rollup;
pub use rollup::{OutsideOrganisation, OutsideReason};
pub use row::{AssuranceRow, TrajectoryVariance};
pub use series::{LayerAssurance, SeriesAssurance};
pub use source::{CwtSource, SourceSummary};

use crate::budget::Tolerance;
use crate::cwt::PerformanceTable;
use crate::spc::Series;
use crate::standard::{LayerTarget, MonthlyTrajectory, TargetLayers, TrajectoryOrganisation};
use crate::{period::FinancialYear, period::YearMonth, plan::CancerPlan, standard::CwtStandard};

/// Which source holds each month and standard of a basis.
type CellOwners = BTreeMap<(YearMonth, CwtStandard), String>;

/// How to build a [`PlanAssurance`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AssuranceOptions {
    tolerance: Tolerance,
}

impl Default for AssuranceOptions {
    /// The budget reconciled at printed precision
    /// ([`Tolerance::PRINTED_TABLES`]).
    fn default() -> Self {
        AssuranceOptions {
            tolerance: Tolerance::PRINTED_TABLES,
        }
    }
}

impl AssuranceOptions {
    /// Sets the budget reconciliation's tolerance.
    pub fn tolerance(mut self, tolerance: Tolerance) -> AssuranceOptions {
        self.tolerance = tolerance;
        self
    }
}

/// The plan's delivery assurance: see the [module docs](self).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanAssurance {
    plan: String,
    financial_year: FinancialYear,
    alliance: String,
    sources: Vec<SourceSummary>,
    rows: Vec<AssuranceRow>,
    series: Vec<SeriesAssurance>,
    funnels: Vec<Funnel>,
    outside: Vec<OutsideOrganisation>,
    budget: BudgetSummary,
    rdc: RdcCoverage,
}

impl PlanAssurance {
    /// The assurance of `plan` from `sources`, with default options.
    ///
    /// # Errors
    ///
    /// As [`PlanAssurance::build_with`].
    pub fn build(
        plan: &CancerPlan,
        sources: &[CwtSource],
    ) -> Result<PlanAssurance, AssuranceError> {
        PlanAssurance::build_with(plan, sources, AssuranceOptions::default())
    }

    /// The assurance of `plan` from `sources`. Sources on the same basis
    /// are added together (e.g. two extracts of different months).
    ///
    /// # Errors
    ///
    /// [`AssuranceError::Overlap`] if two sources on the same basis hold
    /// the same month and standard; [`AssuranceError::Performance`] on an
    /// overflow; [`AssuranceError::Funnel`] never for counts a table can
    /// hold.
    pub fn build_with(
        plan: &CancerPlan,
        sources: &[CwtSource],
        options: AssuranceOptions,
    ) -> Result<PlanAssurance, AssuranceError> {
        let alliance = plan.alliance();
        let mut merged: BTreeMap<Basis, (CwtSource, CellOwners)> = BTreeMap::new();
        for source in sources {
            let cells: BTreeSet<(YearMonth, CwtStandard)> = source.table().periods().collect();
            match merged.get_mut(&source.basis()) {
                None => {
                    let owners = cells
                        .into_iter()
                        .map(|c| (c, source.name().to_owned()))
                        .collect();
                    merged.insert(source.basis(), (source.clone(), owners));
                }
                Some((kept, owners)) => {
                    for cell in cells {
                        if let Some(first) = owners.insert(cell, source.name().to_owned()) {
                            return Err(AssuranceError::Overlap {
                                first,
                                second: source.name().to_owned(),
                                month: cell.0,
                                standard: cell.1,
                            });
                        }
                    }
                    let mut table = kept.table().clone();
                    table.merge(source.table().clone())?;
                    let name = format!("{} + {}", kept.name(), source.name());
                    *kept = match source.basis() {
                        Basis::Commissioner => CwtSource::commissioner(name, table),
                        _ => CwtSource::provider(name, table),
                    };
                }
            }
        }

        let schedule = plan.target_schedule();
        let asks: Vec<LayerTarget> = plan
            .delivery_asks()
            .filter_map(|a| {
                Some(LayerTarget::from_ask(
                    a.id(),
                    a.kind().performance_target()?,
                ))
            })
            .collect();
        let mut layer_cache: BTreeMap<(CwtStandard, YearMonth), TargetLayers> = BTreeMap::new();
        let mut layers_of = |standard: CwtStandard, month: YearMonth| -> TargetLayers {
            layer_cache
                .entry((standard, month))
                .or_insert_with(|| {
                    asks.iter()
                        .filter(|a| a.standard() == standard)
                        .fold(schedule.layers(standard, month), |l, a| l.with(a.clone()))
                })
                .clone()
        };

        let mut rows = Vec::new();
        let mut series = Vec::new();
        let mut funnels = Vec::new();
        let mut outside = Vec::new();
        let mut summaries = Vec::new();
        for (basis, (source, _)) in &merged {
            summaries.push(source.summary());
            let rollup = Rollup::new(alliance, source)?;
            let members: BTreeSet<&str> = rollup
                .table()
                .iter()
                .filter(|(_, _, o, _)| {
                    o.in_alliance()
                        && matches!(o.level(), OrgLevel::Trust | OrgLevel::SubIcbLocation)
                })
                .map(|(_, _, o, _)| o.code())
                .collect();
            // Funnels across every code of the source.
            let mut month_funnels = Vec::new();
            for (month, standard) in source.table().periods() {
                let points = source
                    .table()
                    .groups_of(month, standard)
                    .map(|(code, p)| (code.clone(), members.contains(code.as_str()), p));
                if let Some(funnel) = Funnel::new(month, standard, *basis, points)? {
                    month_funnels.push(funnel);
                }
            }
            let mut flags: BTreeMap<(YearMonth, CwtStandard, &str), FunnelFlag> = BTreeMap::new();
            for funnel in &month_funnels {
                for point in funnel.points() {
                    flags.insert(
                        (funnel.month(), funnel.standard(), point.code().as_str()),
                        point.flag(),
                    );
                }
            }
            for (month, standard, org, p) in rollup.table().iter() {
                let trajectory = trajectory_of(plan.trajectories(), standard, org);
                let mut row = AssuranceRow::new(
                    month,
                    standard,
                    *basis,
                    org.clone(),
                    p,
                    &layers_of(standard, month),
                    trajectory,
                );
                if matches!(org.level(), OrgLevel::Trust | OrgLevel::SubIcbLocation)
                    && let Some(flag) = flags.get(&(month, standard, org.code())).copied()
                {
                    row.set_funnel(flag);
                }
                rows.push(row);
            }
            let charts: BTreeSet<(CwtStandard, &Organisation)> =
                rollup.table().iter().map(|(_, s, o, _)| (s, o)).collect();
            for (standard, org) in charts {
                let s = Series::from_table(rollup.table(), standard, org);
                let last = match &s {
                    Ok(s) => Some(s.last_month()),
                    Err(_) => last_month(rollup.table(), standard, org),
                };
                let Some(last) = last else { continue };
                let mut latest = layers_of(standard, last);
                if let Some(planned) = trajectory_of(plan.trajectories(), standard, org)
                    .and_then(|t| t.month(last))
                    .and_then(|p| LayerTarget::from_planned(standard, p))
                {
                    latest = latest.with(planned);
                }
                series.push(SeriesAssurance::new(
                    standard,
                    *basis,
                    org.clone(),
                    s,
                    &latest,
                ));
            }
            funnels.extend(month_funnels);
            outside.extend(rollup.outside().iter().cloned());
        }
        Ok(PlanAssurance {
            plan: plan.title().to_owned(),
            financial_year: plan.financial_year(),
            alliance: alliance.name().to_owned(),
            sources: summaries,
            rows,
            series,
            funnels,
            outside,
            budget: BudgetSummary::new(plan, options.tolerance),
            rdc: RdcCoverage::new(plan.compliance_matrix().as_ref()),
        })
    }

    /// The plan's title.
    pub fn plan(&self) -> &str {
        &self.plan
    }

    /// The plan's financial year.
    pub fn financial_year(&self) -> FinancialYear {
        self.financial_year
    }

    /// The sources read, one per basis (sources on one basis added).
    pub fn sources(&self) -> &[SourceSummary] {
        &self.sources
    }

    /// Every row: by basis, then month and standard, then alliance, ICBs,
    /// trusts or locations.
    pub fn rows(&self) -> &[AssuranceRow] {
        &self.rows
    }

    /// The rows of one month and standard.
    pub fn rows_of(
        &self,
        month: YearMonth,
        standard: CwtStandard,
    ) -> impl Iterator<Item = &AssuranceRow> + '_ {
        self.rows
            .iter()
            .filter(move |r| r.month() == month && r.standard() == standard)
    }

    /// One SPC view per basis × standard × organisation.
    pub fn series(&self) -> &[SeriesAssurance] {
        &self.series
    }

    /// One funnel per basis × month × standard.
    pub fn funnels(&self) -> &[Funnel] {
        &self.funnels
    }

    /// The organisations in the sources outside the alliance, and why.
    pub fn outside(&self) -> &[OutsideOrganisation] {
        &self.outside
    }

    /// The budget reconciliation and exit risks.
    pub fn budget(&self) -> &BudgetSummary {
        &self.budget
    }

    /// The RDC view with coverage.
    pub fn rdc(&self) -> &RdcCoverage {
        &self.rdc
    }
}

/// The plan's trajectory for `standard` and the organisation (a trust's by
/// ODS code, an ICB's by id).
fn trajectory_of<'a>(
    trajectories: &'a [MonthlyTrajectory],
    standard: CwtStandard,
    org: &Organisation,
) -> Option<&'a MonthlyTrajectory> {
    trajectories.iter().find(|t| {
        t.standard() == standard
            && match (t.organisation(), org.level()) {
                (TrajectoryOrganisation::Icb(id), OrgLevel::Icb) => id.as_str() == org.code(),
                (TrajectoryOrganisation::Provider(code), OrgLevel::Trust) => {
                    code.as_str() == org.code()
                }
                _ => false,
            }
    })
}

fn last_month(
    table: &PerformanceTable<Organisation>,
    standard: CwtStandard,
    org: &Organisation,
) -> Option<YearMonth> {
    table.series(standard, org).last().map(|m| m.month())
}

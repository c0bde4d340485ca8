//! The report's view model: everything the page shows, computed once by
//! `gather` and rendered by `page`. It serialises as the JSON twin (the
//! SVG strings are left out of the JSON: it holds their data instead).

use serde::Serialize;

/// The whole report.
#[derive(Debug, Serialize)]
pub struct Report {
    pub title: String,
    pub alliance: String,
    pub plan_year: String,
    pub period: String,
    pub period_words: String,
    /// Release status of the CWT data for the period, in words.
    pub release: String,
    /// Where the assurance figures came from (the crate API used).
    pub computed_with: String,
    pub sources: Vec<Source>,
    pub headlines: Vec<String>,
    pub summary: Vec<SummaryRow>,
    pub standards: Vec<StandardSection>,
    pub outside: Vec<OutsideOrg>,
    pub budget: Option<BudgetView>,
    pub rdc: RdcView,
}

/// One input file.
#[derive(Debug, Serialize)]
pub struct Source {
    pub file: String,
    pub layout: String,
    pub basis: String,
    pub months: String,
    pub rows_read: usize,
    pub bad_rows: usize,
    pub used_for: String,
}

/// Organisation level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Alliance,
    Icb,
    Trust,
    SubIcbLocation,
}

impl Level {
    pub fn label(self) -> &'static str {
        match self {
            Level::Alliance => "Alliance",
            Level::Icb => "ICB",
            Level::Trust => "Trust",
            Level::SubIcbLocation => "Sub-ICB location",
        }
    }
}

/// One row of the icon summary table (a measure at one organisation).
#[derive(Debug, Serialize)]
pub struct SummaryRow {
    pub measure: String,
    pub standard: String,
    pub organisation: String,
    pub code: String,
    pub level: Level,
    pub basis: String,
    pub latest_month: String,
    pub performance: Option<f64>,
    pub patients: String,
    pub target_in_force: Option<String>,
    pub met: Option<bool>,
    pub variation: String,
    pub assurance: String,
    pub chart_id: String,
    #[serde(skip)]
    pub variation_icon: String,
    #[serde(skip)]
    pub assurance_icon: String,
    /// Why there is no chart (too few months, no activity).
    pub no_chart: Option<String>,
}

/// One layer of target, judged for the latest month.
#[derive(Debug, Serialize)]
pub struct LayerRow {
    pub layer: String,
    pub threshold: String,
    pub in_force: String,
    pub met: Option<bool>,
    pub gap_in_patients: Option<u64>,
    pub note: String,
}

/// One chart.
#[derive(Debug, Serialize)]
pub struct ChartView {
    pub id: String,
    pub organisation: String,
    pub level: Level,
    pub months: usize,
    pub latest: f64,
    pub mean: f64,
    pub lower_process_limit: f64,
    pub upper_process_limit: f64,
    pub variation: String,
    pub assurance: String,
    /// Months left out of the chart, and why.
    pub note: Option<String>,
    #[serde(skip)]
    pub svg: String,
}

/// A trust's latest month, for the breakdown and the funnel plot.
#[derive(Debug, Serialize)]
pub struct ProviderRow {
    pub code: String,
    pub name: String,
    pub icb: String,
    pub within: String,
    pub total: String,
    pub performance: f64,
    pub wilson_95: (f64, f64),
    pub funnel: String,
}

/// The plan's ask and trajectory against the actuals.
#[derive(Debug, Serialize)]
pub struct TrajectoryView {
    pub ask: Option<String>,
    pub rows: Vec<TrajectoryRow>,
    pub note: String,
}

/// One month of the trajectory table.
#[derive(Debug, Serialize)]
pub struct TrajectoryRow {
    pub month: String,
    pub planned: Option<String>,
    pub actual: Option<f64>,
    pub on_track: Option<bool>,
}

/// One standard's section.
#[derive(Debug, Serialize)]
pub struct StandardSection {
    pub standard: String,
    pub measure: String,
    pub anchor: String,
    pub latest_month: String,
    pub alliance_performance: Option<f64>,
    pub layers: Vec<LayerRow>,
    pub charts: Vec<ChartView>,
    pub providers: Vec<ProviderRow>,
    pub funnel_centre: Option<f64>,
    /// Organisations in the funnel (a national file: every trust).
    pub funnel_points: usize,
    #[serde(skip)]
    pub funnel_svg: String,
    pub trajectory: TrajectoryView,
}

/// An organisation in the data outside the alliance's ICBs.
#[derive(Debug, Serialize)]
pub struct OutsideOrg {
    pub code: String,
    pub name: String,
    pub why: String,
}

/// The budget.
#[derive(Debug, Serialize)]
pub struct BudgetView {
    pub total: String,
    pub areas: Vec<AreaRow>,
    pub findings: Vec<String>,
    pub rounding_findings: usize,
    pub exit_risks: Vec<ExitRiskRow>,
}

/// One budget area.
#[derive(Debug, Serialize)]
pub struct AreaRow {
    pub name: String,
    pub share: String,
    pub guide_spend: String,
    pub budget: String,
    pub lines: usize,
}

/// Lines carrying one kind of exit risk.
#[derive(Debug, Serialize)]
pub struct ExitRiskRow {
    pub risk: String,
    pub lines: usize,
    pub amount: String,
}

/// The RDC matrix with coverage.
#[derive(Debug, Serialize)]
pub struct RdcView {
    pub assessments: usize,
    /// The plan labels its assessments illustrative (not real findings).
    pub illustrative: bool,
    pub sites_assessed: usize,
    pub sites_total: usize,
    pub principles: Vec<String>,
    pub rows: Vec<RdcRow>,
    pub summary: String,
}

/// One tumour site.
#[derive(Debug, Serialize)]
pub struct RdcRow {
    pub site: String,
    pub levels: Vec<String>,
    pub assessed: bool,
}

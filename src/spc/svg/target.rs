//! [`TargetLine`]: a labelled, possibly time-varying target drawn on a chart.

use serde::Serialize;

use crate::period::YearMonth;

/// Which layer of target a line is. NHS England keeps these apart (the
/// standard's threshold, the national planning milestone, the plan's own
/// ask and trajectory, local targets), and so does the chart: each kind has
/// its own colour and dash, and the label says which it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TargetKind {
    /// The standard's own threshold (constitutional or operational).
    Standard,
    /// A national planning milestone (the interim threshold due by a date).
    Milestone,
    /// The plan's ask (the level the plan commits to by its due month).
    PlanAsk,
    /// The plan's monthly trajectory towards its ask.
    Trajectory,
    /// A local target.
    Local,
}

impl TargetKind {
    /// Stroke colour (hex), distinct from the Making Data Count point colours.
    pub(crate) fn colour(self) -> &'static str {
        match self {
            TargetKind::Standard => "#DE1B1B",
            TargetKind::Milestone => "#8A1538",
            TargetKind::PlanAsk => "#005EB8",
            TargetKind::Trajectory => "#330072",
            TargetKind::Local => "#00A499",
        }
    }

    /// Stroke dash pattern (empty for solid).
    pub(crate) fn dash(self) -> &'static str {
        match self {
            TargetKind::Standard => "",
            TargetKind::Milestone => "6 3",
            TargetKind::PlanAsk => "2 2",
            TargetKind::Trajectory => "8 2 2 2",
            TargetKind::Local => "4 4",
        }
    }

    /// Words for the chart's description.
    pub fn label(self) -> &'static str {
        match self {
            TargetKind::Standard => "standard",
            TargetKind::Milestone => "planning milestone",
            TargetKind::PlanAsk => "plan's ask",
            TargetKind::Trajectory => "plan's trajectory",
            TargetKind::Local => "local target",
        }
    }
}

/// A labelled target line: a value from each step's month until the next
/// step (or the end of the chart). A constant target has one step; a
/// trajectory has one per month. Steps before the chart's first month set
/// the value it starts with; steps after its last month are not drawn.
///
/// ```
/// use cancer_plan::spc::svg::{TargetKind, TargetLine};
///
/// let standard = TargetLine::constant(TargetKind::Standard, "Standard 85%", 85.0);
/// let milestone = TargetLine::steps(
///     TargetKind::Milestone,
///     "Milestone",
///     [("2024-04".parse()?, 70.0), ("2025-04".parse()?, 75.0)],
/// );
/// assert_eq!(milestone.value_in("2025-07".parse()?), Some(75.0));
/// assert_eq!(standard.value_in("2020-01".parse()?), Some(85.0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetLine {
    kind: TargetKind,
    label: String,
    /// `None` month: from the beginning of time.
    steps: Vec<(Option<YearMonth>, f64)>,
}

impl TargetLine {
    /// A target that holds over the whole chart.
    pub fn constant(kind: TargetKind, label: impl Into<String>, value: f64) -> TargetLine {
        TargetLine {
            kind,
            label: label.into(),
            steps: finite(vec![(None, value)]),
        }
    }

    /// A target that changes: each `(month, value)` holds from its month
    /// until the next. Steps are sorted by month; a value that is not finite
    /// is dropped (a line cannot be drawn through it).
    pub fn steps(
        kind: TargetKind,
        label: impl Into<String>,
        steps: impl IntoIterator<Item = (YearMonth, f64)>,
    ) -> TargetLine {
        let mut steps: Vec<(Option<YearMonth>, f64)> =
            steps.into_iter().map(|(m, v)| (Some(m), v)).collect();
        steps.sort_by_key(|(m, _)| *m);
        TargetLine {
            kind,
            label: label.into(),
            steps: finite(steps),
        }
    }

    /// The layer.
    pub fn kind(&self) -> TargetKind {
        self.kind
    }

    /// The label drawn at the line's right end.
    pub fn label(&self) -> &str {
        &self.label
    }

    /// The value in force in `month`, if any step has started by then.
    pub fn value_in(&self, month: YearMonth) -> Option<f64> {
        self.steps
            .iter()
            .rev()
            .find(|(from, _)| from.is_none_or(|f| f <= month))
            .map(|(_, v)| *v)
    }
}

fn finite(steps: Vec<(Option<YearMonth>, f64)>) -> Vec<(Option<YearMonth>, f64)> {
    steps.into_iter().filter(|(_, v)| v.is_finite()).collect()
}

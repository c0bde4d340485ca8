//! [`SimulationResults`]: what a simulation found, over its replications,
//! with 95% confidence intervals.

use chrono::NaiveDate;
use serde::Serialize;

use super::engine::{Replication, HIST_DAYS};
use super::pathway::PathwayModel;
use crate::id::Id;
use crate::period::YearMonth;
use crate::standard::CwtStandard;

/// A mean over replications and its 95% confidence interval (Student's t
/// on the replication means).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Estimate {
    mean: f64,
    lower: f64,
    upper: f64,
    replications: usize,
}

/// The 97.5% quantiles of Student's t for 1 to 30 degrees of freedom.
const T975: [f64; 30] = [
    12.706_204_7,
    4.302_652_7,
    3.182_446_3,
    2.776_445_1,
    2.570_581_8,
    2.446_911_9,
    2.364_624_3,
    2.306_004_1,
    2.262_157_2,
    2.228_138_9,
    2.200_985_2,
    2.178_812_8,
    2.160_368_7,
    2.144_786_7,
    2.131_449_5,
    2.119_905_3,
    2.109_815_6,
    2.100_922_0,
    2.093_024_1,
    2.085_963_4,
    2.079_613_8,
    2.073_873_1,
    2.068_657_6,
    2.063_898_6,
    2.059_538_6,
    2.055_529_4,
    2.051_830_5,
    2.048_407_1,
    2.045_229_6,
    2.042_272_5,
];

/// The 97.5% quantile of Student's t with `df` degrees of freedom (the
/// table to 30; a Cornish-Fisher expansion, within 0.01%, beyond).
fn t975(df: usize) -> f64 {
    const Z: f64 = 1.959_963_984_540_054;
    if df == 0 {
        return f64::INFINITY;
    }
    if let Some(t) = df.checked_sub(1).and_then(|i| T975.get(i)) {
        return *t;
    }
    let v = df as f64;
    let z3 = Z.powi(3);
    let z5 = Z.powi(5);
    let z7 = Z.powi(7);
    Z + (z3 + Z) / (4.0 * v)
        + (5.0 * z5 + 16.0 * z3 + 3.0 * Z) / (96.0 * v * v)
        + (3.0 * z7 + 19.0 * z5 + 17.0 * z3 - 15.0 * Z) / (384.0 * v * v * v)
}

impl Estimate {
    /// The mean of `values` with its 95% interval; `None` if there are no
    /// values. One value gives an interval of the whole real line.
    pub(crate) fn from_values(values: &[f64]) -> Option<Estimate> {
        if values.is_empty() {
            return None;
        }
        let n = values.len() as f64;
        let mean = values.iter().sum::<f64>() / n;
        let half = if values.len() < 2 {
            f64::INFINITY
        } else {
            let var = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0);
            t975(values.len().saturating_sub(1)) * (var / n).sqrt()
        };
        Some(Estimate {
            mean,
            lower: mean - half,
            upper: mean + half,
            replications: values.len(),
        })
    }

    /// The mean.
    pub fn mean(&self) -> f64 {
        self.mean
    }
    /// The lower end of the 95% interval.
    pub fn lower(&self) -> f64 {
        self.lower
    }
    /// The upper end of the 95% interval.
    pub fn upper(&self) -> f64 {
        self.upper
    }
    /// The replications it rests on.
    pub fn replications(&self) -> usize {
        self.replications
    }
    /// Whether `value` lies in the interval.
    pub fn contains(&self, value: f64) -> bool {
        self.lower <= value && value <= self.upper
    }
}

/// The share of clock stops within a standard in one month.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonthlyShare {
    month: YearMonth,
    standard: CwtStandard,
    estimate: Estimate,
    mean_patients: f64,
    #[serde(skip)]
    shares: Vec<f64>,
}

impl MonthlyShare {
    /// The month (of the clock stop, as CWT counts).
    pub fn month(&self) -> YearMonth {
        self.month
    }
    /// The standard.
    pub fn standard(&self) -> CwtStandard {
        self.standard
    }
    /// The share within the standard (0 to 1), over the replications that
    /// had clock stops that month.
    pub fn estimate(&self) -> Estimate {
        self.estimate
    }
    /// The mean number of clock stops in the month.
    pub fn mean_patients(&self) -> f64 {
        self.mean_patients
    }
    /// The share of replications whose share reached `threshold` (0 to 1).
    pub fn chance_of_reaching(&self, threshold: f64) -> f64 {
        if self.shares.is_empty() {
            return 0.0;
        }
        self.shares.iter().filter(|s| **s >= threshold).count() as f64 / self.shares.len() as f64
    }
}

/// The FDS waiting list (open pathways: referred, not yet told) at the
/// start of a week.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct WaitingListPoint {
    date: NaiveDate,
    open_pathways: Estimate,
}

impl WaitingListPoint {
    /// The date (00:00).
    pub fn date(&self) -> NaiveDate {
        self.date
    }
    /// Open FDS pathways.
    pub fn open_pathways(&self) -> Estimate {
        self.open_pathways
    }
}

/// What [`simulate`](super::simulate) found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SimulationResults {
    shares: Vec<MonthlyShare>,
    waiting_list: Vec<WaitingListPoint>,
    step_waits: Vec<(Id, Estimate)>,
    #[serde(skip)]
    fds_hist: Vec<u64>,
    #[serde(skip)]
    day62_hist: Vec<u64>,
    replications: usize,
}

fn shares_of(
    month: YearMonth,
    standard: CwtStandard,
    cells: impl Iterator<Item = (u64, u64)>,
) -> Option<MonthlyShare> {
    let cells: Vec<(u64, u64)> = cells.collect();
    let shares: Vec<f64> = cells
        .iter()
        .filter(|(_, total)| *total > 0)
        .map(|(within, total)| *within as f64 / *total as f64)
        .collect();
    let estimate = Estimate::from_values(&shares)?;
    let mean_patients = cells.iter().map(|c| c.1 as f64).sum::<f64>() / cells.len().max(1) as f64;
    Some(MonthlyShare {
        month,
        standard,
        estimate,
        mean_patients,
        shares,
    })
}

fn merge(hists: impl Iterator<Item = Vec<u64>>) -> Vec<u64> {
    let mut out = vec![0u64; HIST_DAYS + 1];
    for hist in hists {
        for (o, h) in out.iter_mut().zip(hist) {
            *o = o.saturating_add(h);
        }
    }
    out
}

impl SimulationResults {
    pub(crate) fn new(
        model: &PathwayModel,
        months: Vec<YearMonth>,
        dates: Vec<NaiveDate>,
        reps: &[Replication],
    ) -> SimulationResults {
        let mut shares = Vec::new();
        for (m, month) in months.iter().enumerate() {
            let fds = reps.iter().map(|r| r.fds.get(m).copied().unwrap_or((0, 0)));
            shares.extend(shares_of(*month, CwtStandard::FasterDiagnosis28Day, fds));
            let d62 = reps
                .iter()
                .map(|r| r.day62.get(m).copied().unwrap_or((0, 0)));
            shares.extend(shares_of(*month, CwtStandard::Combined62Day, d62));
        }
        let waiting_list = dates
            .iter()
            .enumerate()
            .filter_map(|(w, date)| {
                let values: Vec<f64> = reps
                    .iter()
                    .filter_map(|r| r.open.get(w))
                    .map(|o| *o as f64)
                    .collect();
                Estimate::from_values(&values).map(|open_pathways| WaitingListPoint {
                    date: *date,
                    open_pathways,
                })
            })
            .collect();
        let step_waits = model
            .steps()
            .iter()
            .enumerate()
            .filter_map(|(k, step)| {
                let values: Vec<f64> = reps
                    .iter()
                    .filter_map(|r| r.step_waits.get(k))
                    .filter(|(_, n)| *n > 0)
                    .map(|(sum, n)| sum / *n as f64)
                    .collect();
                Estimate::from_values(&values).map(|e| (step.id().clone(), e))
            })
            .collect();
        SimulationResults {
            shares,
            waiting_list,
            step_waits,
            fds_hist: merge(reps.iter().map(|r| r.fds_hist.clone())),
            day62_hist: merge(reps.iter().map(|r| r.day62_hist.clone())),
            replications: reps.len(),
        }
    }

    /// Every monthly share, month by month, FDS then 62-day.
    pub fn shares(&self) -> &[MonthlyShare] {
        &self.shares
    }

    /// The share within `standard` in `month`, if any clock stopped then.
    pub fn share(&self, standard: CwtStandard, month: YearMonth) -> Option<&MonthlyShare> {
        self.shares
            .iter()
            .find(|s| s.standard == standard && s.month == month)
    }

    /// Open FDS pathways week by week.
    pub fn waiting_list(&self) -> &[WaitingListPoint] {
        &self.waiting_list
    }

    /// Each step's mean wait for a slot, in days (patients arriving at the
    /// step in the observed months).
    pub fn step_waits(&self) -> &[(Id, Estimate)] {
        &self.step_waits
    }

    /// The mean wait for a slot at step `id`, in days.
    pub fn step_wait(&self, id: &str) -> Option<Estimate> {
        self.step_waits
            .iter()
            .find(|(s, _)| s.as_str() == id)
            .map(|(_, e)| *e)
    }

    /// The `p`th percentile (0 to 100) of the clock-stop waits in days
    /// (FDS or 62-day; pooled over replications and the observed months;
    /// the smallest day by which `p`% had stopped). `None` for other
    /// standards, no clock stops, or `p` outside 0 to 100. Waits over 365
    /// days are reported as 366.
    pub fn wait_percentile(&self, standard: CwtStandard, p: f64) -> Option<u32> {
        let hist = match standard {
            CwtStandard::FasterDiagnosis28Day => &self.fds_hist,
            CwtStandard::Combined62Day => &self.day62_hist,
            _ => return None,
        };
        if !(0.0..=100.0).contains(&p) {
            return None;
        }
        let total: u64 = hist.iter().sum();
        if total == 0 {
            return None;
        }
        let needed = (p / 100.0 * total as f64).ceil().max(1.0);
        let mut seen = 0u64;
        for (day, count) in hist.iter().enumerate() {
            seen = seen.saturating_add(*count);
            if seen as f64 >= needed {
                return u32::try_from(day).ok();
            }
        }
        None
    }

    /// The number of replications.
    pub fn replications(&self) -> usize {
        self.replications
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn t_quantiles_are_close_to_the_tables() {
        for (df, table) in [
            (3, 3.182),
            (5, 2.571),
            (9, 2.262),
            (19, 2.093),
            (31, 2.0395),
            (49, 2.0096),
            (120, 1.9799),
        ] {
            assert!(
                (t975(df) - table).abs() / table < 0.0002,
                "df {df}: {}",
                t975(df)
            );
        }
    }
}

//! One replication of a pathway: patients arrive, queue first come first
//! served for each step's servers, leave when ruled out, are told, and are
//! treated. Steps are processed one after another: every patient's arrival
//! at a step is known once the step before it is done, since no patient
//! returns to an earlier step.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::pathway::{PathwayModel, StepKind};
use super::rng::{Rng, ServiceTime};
use crate::standard::CwtStandard;

/// The crate's within-standard rule: calendar days from the referral's day
/// (day 0) to the clock stop's day at most the standard's days.
const FDS_DAYS: usize = CwtStandard::FasterDiagnosis28Day.days() as usize;
const DAY62_DAYS: usize = CwtStandard::Combined62Day.days() as usize;

/// The longest wait the histograms keep day by day; longer waits share
/// the last bucket.
pub(crate) const HIST_DAYS: usize = 366;

/// The observation frame of a replication, in simulation days (day 0 is
/// the start of the warm-up).
#[derive(Debug, Clone)]
pub(crate) struct Frame {
    /// The first day of each observed month, and the end of the last.
    pub(crate) month_starts: Vec<f64>,
    /// The week-end sampling times of the waiting list.
    pub(crate) samples: Vec<f64>,
    /// The patient limit.
    pub(crate) max_patients: usize,
}

impl Frame {
    fn observe_start(&self) -> f64 {
        self.month_starts.first().copied().unwrap_or(0.0)
    }
    fn horizon(&self) -> f64 {
        self.month_starts.last().copied().unwrap_or(0.0)
    }
    fn month_of(&self, t: f64) -> Option<usize> {
        if t < self.observe_start() || t >= self.horizon() {
            return None;
        }
        self.month_starts
            .partition_point(|s| *s <= t)
            .checked_sub(1)
    }
}

/// What one replication measured.
#[derive(Debug, Clone, Default)]
pub(crate) struct Replication {
    /// `(within, total)` FDS clock stops by observed month.
    pub(crate) fds: Vec<(u64, u64)>,
    /// `(within, total)` 62-day clock stops by observed month.
    pub(crate) day62: Vec<(u64, u64)>,
    /// Open FDS pathways (referred, not yet told) at each sample time.
    pub(crate) open: Vec<u64>,
    /// FDS waits (days) of those told in the window.
    pub(crate) fds_hist: Vec<u64>,
    /// 62-day waits (days) of those treated in the window.
    pub(crate) day62_hist: Vec<u64>,
    /// Per step: total wait (days) for a server and the number of patients
    /// who arrived at the step in the window.
    pub(crate) step_waits: Vec<(f64, u64)>,
}

fn key(t: f64) -> u64 {
    // Non-negative finite f64s order as their bits.
    t.max(0.0).to_bits()
}

fn clock_days(start: f64, stop: f64) -> usize {
    let days = stop.floor() - start.floor();
    if days <= 0.0 {
        0
    } else if days >= HIST_DAYS as f64 {
        HIST_DAYS
    } else {
        days as usize
    }
}

fn count(
    hist: &mut [u64],
    by_month: &mut [(u64, u64)],
    month: usize,
    days: usize,
    standard_days: usize,
) {
    if let Some(h) = hist.get_mut(days) {
        *h = h.saturating_add(1);
    }
    if let Some(cell) = by_month.get_mut(month) {
        cell.1 = cell.1.saturating_add(1);
        if days <= standard_days {
            cell.0 = cell.0.saturating_add(1);
        }
    }
}

/// Runs one replication with `rng`.
pub(crate) fn replicate(model: &PathwayModel, frame: &Frame, mut rng: Rng) -> Replication {
    let horizon = frame.horizon();
    let observe_start = frame.observe_start();
    let steps = model.steps();
    let months = frame.month_starts.len().saturating_sub(1);

    // Referrals: those waiting at the start (clock started on day 0), then
    // Poisson arrivals.
    let mut referral: Vec<f64> = Vec::new();
    let mut pending: Vec<Vec<(f64, u32)>> = vec![Vec::new(); steps.len()];
    for (k, step) in steps.iter().enumerate() {
        for _ in 0..step.initial_waiting() {
            if referral.len() >= frame.max_patients {
                break;
            }
            if let Some(queue) = pending.get_mut(k) {
                queue.push((0.0, referral.len() as u32));
            }
            referral.push(0.0);
        }
    }
    let demand = model.demand_per_week().get();
    if demand > 0.0 {
        let mean_gap = 7.0 / demand;
        let mut t = rng.exponential(mean_gap);
        while t < horizon && referral.len() < frame.max_patients {
            if let Some(queue) = pending.first_mut() {
                queue.push((t, referral.len() as u32));
            }
            referral.push(t);
            t += rng.exponential(mean_gap);
        }
    }
    let n = referral.len();
    let mut told = vec![f64::INFINITY; n];
    let mut treated = vec![f64::INFINITY; n];
    let mut step_waits = vec![(0.0, 0u64); steps.len()];

    for (k, step) in steps.iter().enumerate() {
        let mut incoming = pending.get_mut(k).map(std::mem::take).unwrap_or_default();
        incoming.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let service = ServiceTime::new(step.mean_service_days(), step.service_cv());
        let mut free: BinaryHeap<Reverse<u64>> =
            (0..step.servers()).map(|_| Reverse(key(0.0))).collect();
        let last = k.saturating_add(1) == steps.len();
        let mut next = Vec::new();
        for (arrival, patient) in incoming {
            let p = patient as usize;
            let earliest = free.pop().map_or(0.0, |Reverse(bits)| f64::from_bits(bits));
            let start = arrival.max(earliest);
            let finish = start + service.sample(&mut rng);
            free.push(Reverse(key(finish)));
            if arrival >= observe_start
                && arrival < horizon
                && let Some(w) = step_waits.get_mut(k)
            {
                w.0 += start - arrival;
                w.1 = w.1.saturating_add(1);
            }
            if step.kind() == StepKind::Treatment {
                if let Some(t) = treated.get_mut(p) {
                    *t = start;
                }
                if let Some(t) = told.get_mut(p) {
                    *t = t.min(start);
                }
                continue;
            }
            if finish >= horizon {
                continue;
            }
            let done = finish + step.turnaround_days();
            let ruled_out = step.ruled_out() > 0.0 && rng.uniform() < step.ruled_out();
            if let Some(t) = told.get_mut(p)
                && (ruled_out || step.tells_diagnosis() || last)
            {
                *t = t.min(done);
            }
            if !ruled_out && !last && done < horizon {
                next.push((done, patient));
            }
        }
        if let Some(queue) = pending.get_mut(k.saturating_add(1)) {
            queue.extend(next);
        }
    }

    let mut out = Replication {
        fds: vec![(0, 0); months],
        day62: vec![(0, 0); months],
        open: Vec::with_capacity(frame.samples.len()),
        fds_hist: vec![0; HIST_DAYS + 1],
        day62_hist: vec![0; HIST_DAYS + 1],
        step_waits,
    };
    for ((r, t), x) in referral.iter().zip(&told).zip(&treated) {
        if let Some(m) = frame.month_of(*t) {
            count(
                &mut out.fds_hist,
                &mut out.fds,
                m,
                clock_days(*r, *t),
                FDS_DAYS,
            );
        }
        if let Some(m) = frame.month_of(*x) {
            count(
                &mut out.day62_hist,
                &mut out.day62,
                m,
                clock_days(*r, *x),
                DAY62_DAYS,
            );
        }
    }
    // Open FDS pathways: referred by t, not yet told by t (referrals are in
    // time order within each source; sort to be sure).
    let mut referred = referral;
    referred.sort_unstable_by(f64::total_cmp);
    let mut told_sorted: Vec<f64> = told.into_iter().filter(|t| t.is_finite()).collect();
    told_sorted.sort_unstable_by(f64::total_cmp);
    for t in &frame.samples {
        let r = referred.partition_point(|x| x <= t) as u64;
        let s = told_sorted.partition_point(|x| x <= t) as u64;
        out.open.push(r.saturating_sub(s));
    }
    out
}

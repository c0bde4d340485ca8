//! [`simulate`]: a seeded discrete-event simulation of a [`PathwayModel`],
//! replications run in parallel on scoped threads.

use chrono::NaiveDate;

use super::engine::{replicate, Frame, Replication};
use super::error::CapacityDemandError;
use super::pathway::PathwayModel;
use super::results::SimulationResults;
use super::rng::Rng;
use super::settings::SimulationSettings;
use crate::period::YearMonth;

fn frame(settings: &SimulationSettings) -> (Frame, Vec<YearMonth>, Vec<NaiveDate>) {
    let warm_up = settings.warm_up_weeks() * 7.0;
    let mut month_starts = vec![warm_up];
    let mut months = Vec::new();
    let mut month = settings.start();
    let mut t = warm_up;
    for _ in 0..settings.months() {
        months.push(month);
        t += f64::from(month.days());
        month_starts.push(t);
        // The settings' check keeps the window inside the calendar.
        month = month.next().unwrap_or(month);
    }
    let first_day = settings.start().first_day();
    let mut samples = Vec::new();
    let mut dates = Vec::new();
    let mut week = 0u32;
    while let Some(date) = first_day.checked_add_days(chrono::Days::new(u64::from(week) * 7)) {
        let at = warm_up + f64::from(week) * 7.0;
        if at > t {
            break;
        }
        samples.push(at);
        dates.push(date);
        week = week.saturating_add(1);
    }
    (
        Frame {
            month_starts,
            samples,
            max_patients: settings.max_patients(),
        },
        months,
        dates,
    )
}

/// Simulates `model` under `settings`: the share within each standard in
/// each observed month (mean over replications with a 95% confidence
/// interval), the FDS waiting list (open pathways) week by week, the
/// percentiles of the waits, and each step's mean wait for a slot.
///
/// ```
/// use cancer_plan::capacity_demand::{simulate, PathwayModel, PathwayStep, RatePerWeek, SimulationSettings, StepKind};
/// use cancer_plan::{CwtStandard, Id};
/// let model = PathwayModel::new("Skin (illustrative)", RatePerWeek::new(50.0)?, vec![
///     PathwayStep::new(Id::new("clinic")?, "Dermatology clinic", StepKind::FirstAppointment, 60.0)
///         .with_servers(3).with_ruled_out(0.85).telling_diagnosis(),
/// ])?;
/// let settings = SimulationSettings::new("2024-04".parse()?, 3).with_warm_up_weeks(8.0).with_seed(42);
/// let results = simulate(&model, &settings)?;
/// let april = results.share(CwtStandard::FasterDiagnosis28Day, "2024-04".parse()?).unwrap();
/// assert!(april.estimate().mean() > 0.5);
/// assert_eq!(results, simulate(&model, &settings.with_threads(2.try_into()?))?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// [`CapacityDemandError::Setting`] for settings out of range;
/// [`CapacityDemandError::TooManyPatients`] if a replication would hold
/// more patients than the settings allow.
pub fn simulate(
    model: &PathwayModel,
    settings: &SimulationSettings,
) -> Result<SimulationResults, CapacityDemandError> {
    settings.check()?;
    let (frame, months, dates) = frame(settings);
    let horizon_weeks = frame.month_starts.last().copied().unwrap_or(0.0) / 7.0;
    let initial: f64 = model
        .steps()
        .iter()
        .map(|s| f64::from(s.initial_waiting()))
        .sum();
    let expected = model.demand_per_week().get() * horizon_weeks + initial;
    if expected > settings.max_patients() as f64 {
        return Err(CapacityDemandError::TooManyPatients {
            expected,
            limit: settings.max_patients(),
        });
    }
    let reps = settings.replications() as usize;
    let threads = settings.threads().get().min(reps);
    let seed = settings.seed();
    let mut replications: Vec<Replication> = vec![Replication::default(); reps];
    if threads <= 1 {
        for (i, slot) in replications.iter_mut().enumerate() {
            *slot = replicate(model, &frame, Rng::for_replication(seed, i as u64));
        }
    } else {
        // Thread j runs replications j, j + threads, ...; each from its own
        // (seed, index) stream, so the result does not depend on `threads`.
        let frame = &frame;
        let done: Vec<Vec<(usize, Replication)>> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads)
                .map(|j| {
                    scope.spawn(move || {
                        (j..reps)
                            .step_by(threads)
                            .map(|i| {
                                (
                                    i,
                                    replicate(model, frame, Rng::for_replication(seed, i as u64)),
                                )
                            })
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        });
        for (i, replication) in done.into_iter().flatten() {
            if let Some(slot) = replications.get_mut(i) {
                *slot = replication;
            }
        }
    }
    Ok(SimulationResults::new(model, months, dates, &replications))
}

//! [`PathwayModel`]: the steps of a tumour site's diagnostic (and
//! treatment) pathway, with each step's weekly capacity, service and
//! turnaround times and routing; serialised as JSON and checked like the
//! rest of the crate, every mistake at its path.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::units::RatePerWeek;
use crate::id::Id;
use crate::validate::{Bound, Checker, FieldPath, Rule, ValidationErrors};

/// What a step of the pathway is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum StepKind {
    /// A first outpatient appointment.
    FirstAppointment,
    /// Straight to test: a triage that books the test without an
    /// appointment first.
    StraightToTest,
    /// A diagnostic test (endoscopy, imaging, biopsy).
    DiagnosticTest,
    /// A multidisciplinary team meeting, or the results appointment.
    MdtOrResults,
    /// First definitive treatment: stops the 62-day clock when it starts.
    Treatment,
}

/// One step: its capacity in slots a week, served by `servers` in parallel
/// (clinics, rooms, lists) each taking `servers x 7 / slots_per_week` days
/// a patient on average; a turnaround (reporting) time after it; the share
/// of patients told cancer is ruled out once it is complete; and whether
/// the others are told their diagnosis then.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PathwayStep {
    id: Id,
    name: String,
    kind: StepKind,
    slots_per_week: f64,
    #[serde(default = "one")]
    servers: u32,
    #[serde(default = "one_f64")]
    service_cv: f64,
    #[serde(default)]
    turnaround_days: f64,
    #[serde(default)]
    ruled_out: f64,
    #[serde(default)]
    tells_diagnosis: bool,
    #[serde(default)]
    initial_waiting: u32,
}

fn one() -> u32 {
    1
}
fn one_f64() -> f64 {
    1.0
}

impl PathwayStep {
    /// A step with one server, exponential service (coefficient of
    /// variation 1), no turnaround, nobody ruled out, nobody waiting at the
    /// start.
    pub fn new(
        id: Id,
        name: impl Into<String>,
        kind: StepKind,
        slots_per_week: f64,
    ) -> PathwayStep {
        PathwayStep {
            id,
            name: name.into(),
            kind,
            slots_per_week,
            servers: 1,
            service_cv: 1.0,
            turnaround_days: 0.0,
            ruled_out: 0.0,
            tells_diagnosis: false,
            initial_waiting: 0,
        }
    }

    /// Served by `servers` in parallel.
    pub fn with_servers(mut self, servers: u32) -> PathwayStep {
        self.servers = servers;
        self
    }

    /// The coefficient of variation of the service time: 0 fixed, 1
    /// exponential, otherwise lognormal.
    pub fn with_service_cv(mut self, cv: f64) -> PathwayStep {
        self.service_cv = cv;
        self
    }

    /// Days from the end of the step to its result (reporting, booking).
    pub fn with_turnaround_days(mut self, days: f64) -> PathwayStep {
        self.turnaround_days = days;
        self
    }

    /// The share (0 to 1) told cancer is ruled out once the step is complete.
    pub fn with_ruled_out(mut self, share: f64) -> PathwayStep {
        self.ruled_out = share;
        self
    }

    /// The patients not ruled out are told their diagnosis once this step
    /// is complete (the FDS clock stops).
    pub fn telling_diagnosis(mut self) -> PathwayStep {
        self.tells_diagnosis = true;
        self
    }

    /// Patients already waiting for the step when the simulation starts.
    pub fn with_initial_waiting(mut self, patients: u32) -> PathwayStep {
        self.initial_waiting = patients;
        self
    }

    /// The step's id.
    pub fn id(&self) -> &Id {
        &self.id
    }
    /// Its name.
    pub fn name(&self) -> &str {
        &self.name
    }
    /// What it is.
    pub fn kind(&self) -> StepKind {
        self.kind
    }
    /// Slots a week.
    pub fn slots_per_week(&self) -> f64 {
        self.slots_per_week
    }
    /// Servers in parallel.
    pub fn servers(&self) -> u32 {
        self.servers
    }
    /// Coefficient of variation of the service time.
    pub fn service_cv(&self) -> f64 {
        self.service_cv
    }
    /// Turnaround in days.
    pub fn turnaround_days(&self) -> f64 {
        self.turnaround_days
    }
    /// Share ruled out after the step.
    pub fn ruled_out(&self) -> f64 {
        self.ruled_out
    }
    /// Whether the rest are told their diagnosis after it.
    pub fn tells_diagnosis(&self) -> bool {
        self.tells_diagnosis
    }
    /// Patients waiting at the start.
    pub fn initial_waiting(&self) -> u32 {
        self.initial_waiting
    }
    /// The mean service time of one patient, in days.
    pub(crate) fn mean_service_days(&self) -> f64 {
        f64::from(self.servers) * 7.0 / self.slots_per_week
    }

    pub(crate) fn add_slots(&mut self, extra: f64) {
        self.slots_per_week += extra;
    }
}

/// Upper bounds that keep a simulation's memory and time bounded.
const MAX_SERVERS: u32 = 10_000;
const MAX_INITIAL_WAITING: u32 = 1_000_000;
const MAX_SLOTS: f64 = 1.0e7;

/// A tumour site's pathway: referrals a week and the steps they go
/// through, in order. Valid by construction: [`PathwayModel::new`] and
/// deserialising run the same checks and report every mistake with its
/// path (`steps[1].ruled_out`).
///
/// The FDS clock runs from referral to being told (cancer ruled out after
/// a step, or the diagnosis after the step that tells it, or at the end of
/// the diagnostic steps); the 62-day clock from referral to the start of a
/// [`StepKind::Treatment`] step, which must be the last.
///
/// ```
/// use cancer_plan::capacity_demand::{PathwayModel, PathwayStep, RatePerWeek, StepKind};
/// use cancer_plan::Id;
/// let model = PathwayModel::new(
///     "Lower GI (illustrative)",
///     RatePerWeek::new(100.0)?,
///     vec![
///         PathwayStep::new(Id::new("triage")?, "FIT triage", StepKind::StraightToTest, 140.0)
///             .with_servers(2).with_ruled_out(0.3),
///         PathwayStep::new(Id::new("colonoscopy")?, "Colonoscopy", StepKind::DiagnosticTest, 80.0)
///             .with_servers(4).with_turnaround_days(5.0).with_ruled_out(0.9).telling_diagnosis(),
///     ],
/// )?;
/// assert_eq!(model.steps().len(), 2);
/// let bad = r#"{"name": "x", "demand_per_week": 10, "steps": [
///     {"id": "a", "name": "A", "kind": "diagnostic_test", "slots_per_week": 0, "ruled_out": 1.5}]}"#;
/// let err = serde_json::from_str::<PathwayModel>(bad).unwrap_err().to_string();
/// assert!(err.contains("steps[0].slots_per_week"), "{err}");
/// assert!(err.contains("steps[0].ruled_out"), "{err}");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "PathwayModelFields")]
pub struct PathwayModel {
    name: String,
    demand_per_week: RatePerWeek,
    steps: Vec<PathwayStep>,
}

/// The unchecked serde form of a [`PathwayModel`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PathwayModelFields {
    name: String,
    demand_per_week: f64,
    steps: Vec<PathwayStep>,
}

impl TryFrom<PathwayModelFields> for PathwayModel {
    type Error = ValidationErrors;
    fn try_from(fields: PathwayModelFields) -> Result<PathwayModel, ValidationErrors> {
        let mut checker = Checker::new();
        let demand = match RatePerWeek::new(fields.demand_per_week) {
            Ok(demand) => demand,
            Err(_) => {
                checker.push(
                    FieldPath::root().field("demand_per_week"),
                    fields.demand_per_week,
                    Rule::InRange {
                        min: Some(Bound::inclusive(0)),
                        max: None,
                    },
                );
                RatePerWeek::ZERO
            }
        };
        check(&mut checker, &fields.name, &fields.steps);
        checker.finish(PathwayModel {
            name: fields.name,
            demand_per_week: demand,
            steps: fields.steps,
        })
    }
}

fn in_range(
    checker: &mut Checker,
    path: FieldPath,
    value: f64,
    min: Bound,
    max: Option<(f64, Bound)>,
    ok_min: bool,
) {
    let ok_max = max.as_ref().is_none_or(|(m, _)| value <= *m);
    if !value.is_finite() || !ok_min || !ok_max {
        checker.push(
            path,
            value,
            Rule::InRange {
                min: Some(min),
                max: max.map(|(_, b)| b),
            },
        );
    }
}

fn check(checker: &mut Checker, name: &str, steps: &[PathwayStep]) {
    checker.not_empty(|| FieldPath::root().field("name"), name);
    checker.not_empty_list(|| FieldPath::root().field("steps"), steps);
    let mut ids: HashMap<&Id, FieldPath> = HashMap::new();
    let mut teller: Option<FieldPath> = None;
    let last = steps.len().saturating_sub(1);
    for (i, step) in steps.iter().enumerate() {
        let here = FieldPath::root().field("steps").index(i);
        let at = |field: &str| here.field(field);
        if let Some(first) = ids.get(&step.id) {
            checker.push(
                at("id"),
                &step.id,
                Rule::UniqueId {
                    first: first.clone().field("id"),
                },
            );
        } else {
            ids.insert(&step.id, here.clone());
        }
        checker.not_empty(|| at("name"), &step.name);
        in_range(
            checker,
            at("slots_per_week"),
            step.slots_per_week,
            Bound::exclusive(0),
            Some((MAX_SLOTS, Bound::inclusive(MAX_SLOTS))),
            step.slots_per_week > 0.0,
        );
        if !(1..=MAX_SERVERS).contains(&step.servers) {
            checker.push(at("servers"), step.servers, Rule::between(1, MAX_SERVERS));
        }
        in_range(
            checker,
            at("service_cv"),
            step.service_cv,
            Bound::inclusive(0),
            Some((10.0, Bound::inclusive(10))),
            step.service_cv >= 0.0,
        );
        in_range(
            checker,
            at("turnaround_days"),
            step.turnaround_days,
            Bound::inclusive(0),
            Some((365.0, Bound::inclusive(365))),
            step.turnaround_days >= 0.0,
        );
        in_range(
            checker,
            at("ruled_out"),
            step.ruled_out,
            Bound::inclusive(0),
            Some((1.0, Bound::inclusive(1))),
            step.ruled_out >= 0.0,
        );
        if step.initial_waiting > MAX_INITIAL_WAITING {
            checker.push(
                at("initial_waiting"),
                step.initial_waiting,
                Rule::between(0, MAX_INITIAL_WAITING),
            );
        }
        if step.tells_diagnosis {
            match &teller {
                Some(first) => checker.push(
                    at("tells_diagnosis"),
                    true,
                    Rule::AtMostOnce {
                        first: first.clone(),
                    },
                ),
                None => teller = Some(here.clone().field("tells_diagnosis")),
            }
        }
        if step.kind == StepKind::Treatment && i != last {
            checker.push(
                at("kind"),
                "treatment",
                Rule::Agrees {
                    expected: "the last step".into(),
                    with: "first treatment ends the pathway".into(),
                },
            );
        }
    }
}

impl PathwayModel {
    /// The model, checked.
    ///
    /// # Errors
    ///
    /// [`ValidationErrors`] listing every mistake with its path: a blank
    /// name, no steps, a repeated step id, capacity not above 0, servers
    /// outside 1 to 10,000, a coefficient of variation outside 0 to 10, a
    /// turnaround outside 0 to 365 days, a share ruled out outside 0 to 1,
    /// more than one step telling the diagnosis, a treatment step that is
    /// not the last.
    pub fn new(
        name: impl Into<String>,
        demand_per_week: RatePerWeek,
        steps: Vec<PathwayStep>,
    ) -> Result<PathwayModel, ValidationErrors> {
        PathwayModel::try_from(PathwayModelFields {
            name: name.into(),
            demand_per_week: demand_per_week.get(),
            steps,
        })
    }

    /// The pathway's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Referrals a week.
    pub fn demand_per_week(&self) -> RatePerWeek {
        self.demand_per_week
    }

    /// The steps, in order.
    pub fn steps(&self) -> &[PathwayStep] {
        &self.steps
    }

    /// The index of the step `id`.
    pub(crate) fn step_index(&self, id: &str) -> Option<usize> {
        self.steps.iter().position(|s| s.id.as_str() == id)
    }

    /// The same pathway with another demand.
    pub fn with_demand(mut self, demand_per_week: RatePerWeek) -> PathwayModel {
        self.demand_per_week = demand_per_week;
        self
    }

    /// The same pathway with `extra` slots a week at step `index`
    /// (unchanged if there is no such step; `extra` must be finite and at
    /// least 0, which the solver guarantees).
    pub(crate) fn with_extra_slots(mut self, index: usize, extra: f64) -> PathwayModel {
        if let Some(step) = self.steps.get_mut(index) {
            step.add_slots(extra);
        }
        self
    }
}

//! [`PathwayAssessmentBuilder`]: collects an assessment in any order and
//! checks every invariant at [`build`](PathwayAssessmentBuilder::build).

use std::collections::HashMap;

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{
    AssessmentScope, ComplianceLevel, ImprovementAction, PathwayAssessment, PathwayStep,
    PrincipleEntry, RdcPrinciple,
};
use crate::validate::FieldPath;
use crate::validate::{Checker, IdRegistry};
use crate::{tumour_site::TumourSite, validate::Rule, validate::ValidationErrors};

/// Builds a [`PathwayAssessment`]. Setters never fail;
/// [`build`](Self::build) checks everything and reports every violation at
/// once, each with its path (`principles[2].gap`, `actions[0].due`).
///
/// It is also the assessment's JSON form, so JSON input meets exactly the
/// same checks:
///
/// ```json
/// {"tumour_site": "lung", "scope": {"icb": "dorset"}, "assessed_on": "2022-03-01",
///  "principles": [{"principle": "timely_referral", "level": "not_met", "gap": "..."}],
///  "actions": [{"id": "a1", "action": "...", "owner": "...", "due": "2023-03-31",
///               "principles": ["timely_referral"]}]}
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PathwayAssessmentBuilder {
    #[serde(default)]
    tumour_site: Option<TumourSite>,
    #[serde(default)]
    scope: Option<AssessmentScope>,
    #[serde(default)]
    assessed_on: Option<NaiveDate>,
    #[serde(default)]
    principles: Vec<PrincipleEntry>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    actions: Vec<ImprovementAction>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    steps: Vec<PathwayStep>,
}

impl PathwayAssessmentBuilder {
    /// Sets the tumour site.
    pub fn tumour_site(mut self, site: TumourSite) -> Self {
        self.tumour_site = Some(site);
        self
    }

    /// Sets the scope.
    pub fn scope(mut self, scope: AssessmentScope) -> Self {
        self.scope = Some(scope);
        self
    }

    /// Sets the date of the assessment.
    pub fn assessed_on(mut self, date: NaiveDate) -> Self {
        self.assessed_on = Some(date);
        self
    }

    /// Adds the finding for one principle.
    pub fn principle(mut self, entry: PrincipleEntry) -> Self {
        self.principles.push(entry);
        self
    }

    /// Adds an improvement action.
    pub fn action(mut self, action: ImprovementAction) -> Self {
        self.actions.push(action);
        self
    }

    /// Adds a pathway step (in pathway order).
    pub fn step(mut self, step: PathwayStep) -> Self {
        self.steps.push(step);
        self
    }

    /// Checks every invariant and returns the assessment, or every violation.
    ///
    /// Invariants:
    /// - `tumour_site`, `scope` and `assessed_on` are given; the date lies in
    ///   [`EARLIEST_DATE`](PathwayAssessment::EARLIEST_DATE)..=[`LATEST_DATE`](PathwayAssessment::LATEST_DATE);
    /// - each principle appears at most once; principles left out become
    ///   *not assessed* (never dropped);
    /// - a met principle has evidence; a partially met or not met one has its
    ///   gap; any text given is not blank;
    /// - improvement actions: ids unique, action and owner not blank, at
    ///   least one principle, each at most once and each one **not fully
    ///   met** in this assessment; due on or after the assessment date and
    ///   within [`MAX_ACTION_YEARS`](PathwayAssessment::MAX_ACTION_YEARS) of it;
    /// - pathway steps: name not blank, each principle tagged at most once.
    ///
    /// ```
    /// use cancer_plan::rdc::{ImprovementAction, PathwayAssessment, PrincipleEntry};
    /// use cancer_plan::{Id, RdcPrinciple};
    /// use chrono::NaiveDate;
    /// let errors = PathwayAssessment::builder()
    ///     .principle(PrincipleEntry::met(RdcPrinciple::TimelyReferral, " "))
    ///     .action(
    ///         ImprovementAction::new(Id::new("a1")?, "audit referrals", "ops lead",
    ///             NaiveDate::from_ymd_opt(2023, 1, 1).ok_or("date")?)
    ///         .towards(RdcPrinciple::TimelyReferral),
    ///     )
    ///     .build()
    ///     .err()
    ///     .ok_or("should fail")?;
    /// let paths: Vec<String> = errors.iter().map(|v| v.path().to_string()).collect();
    /// assert_eq!(paths, ["tumour_site", "scope", "assessed_on", "principles[0].evidence", "actions[0].principles[0]"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ValidationErrors`] with every violation, each with its path
    /// (`principles[1].gap`, `actions[0].due`).
    pub fn build(self) -> Result<PathwayAssessment, ValidationErrors> {
        let mut checker = Checker::new();
        checker.require(
            &FieldPath::root().field("tumour_site"),
            self.tumour_site.as_ref(),
        );
        checker.require(&FieldPath::root().field("scope"), self.scope.as_ref());
        checker.require(
            &FieldPath::root().field("assessed_on"),
            self.assessed_on.as_ref(),
        );
        if let Some(date) = self.assessed_on {
            check_date(&mut checker, date);
        }
        let entries = check_entries(&mut checker, self.principles);
        check_actions(&mut checker, &self.actions, &entries, self.assessed_on);
        check_steps(&mut checker, &self.steps);
        match (self.tumour_site, self.scope, self.assessed_on) {
            (Some(tumour_site), Some(scope), Some(assessed_on)) if checker.is_clean() => checker
                .finish(PathwayAssessment {
                    tumour_site,
                    scope,
                    assessed_on,
                    entries,
                    actions: self.actions,
                    steps: self.steps,
                }),
            _ => checker.finish_err(),
        }
    }
}

impl TryFrom<PathwayAssessmentBuilder> for PathwayAssessment {
    type Error = ValidationErrors;
    fn try_from(builder: PathwayAssessmentBuilder) -> Result<PathwayAssessment, ValidationErrors> {
        builder.build()
    }
}

impl From<PathwayAssessment> for PathwayAssessmentBuilder {
    fn from(a: PathwayAssessment) -> PathwayAssessmentBuilder {
        PathwayAssessmentBuilder {
            tumour_site: Some(a.tumour_site),
            scope: Some(a.scope),
            assessed_on: Some(a.assessed_on),
            principles: a.entries,
            actions: a.actions,
            steps: a.steps,
        }
    }
}

fn check_date(checker: &mut Checker, date: NaiveDate) {
    let (earliest, latest) = (
        PathwayAssessment::EARLIEST_DATE,
        PathwayAssessment::LATEST_DATE,
    );
    if date < earliest || date > latest {
        checker.push(
            FieldPath::root().field("assessed_on"),
            date,
            Rule::between(earliest, latest),
        );
    }
}

/// Checks the entries given and returns all seven, in principle order, the
/// missing ones as not assessed.
fn check_entries(checker: &mut Checker, given: Vec<PrincipleEntry>) -> Vec<PrincipleEntry> {
    let mut seen = HashMap::new();
    for (i, entry) in given.iter().enumerate() {
        let at = FieldPath::root().field("principles").index(i);
        let principle = entry.principle();
        checker.at_most_once(&mut seen, principle, principle, || at.field("principle"));
        for (field, text) in [("evidence", entry.evidence()), ("gap", entry.gap())] {
            if let Some(text) = text {
                checker.not_empty(|| at.field(field), text);
            }
        }
        match entry.level() {
            ComplianceLevel::Met if entry.evidence().is_none() => {
                checker.push(
                    at.field("evidence"),
                    "",
                    Rule::RequiredWhen {
                        condition: "the principle is met (a met principle needs its evidence)"
                            .into(),
                    },
                );
            }
            ComplianceLevel::PartiallyMet | ComplianceLevel::NotMet if entry.gap().is_none() => {
                checker.push(
                    at.field("gap"),
                    "",
                    Rule::RequiredWhen {
                        condition: format!("the principle is {} (it needs its gap)", entry.level()),
                    },
                );
            }
            _ => {}
        }
    }
    RdcPrinciple::ALL
        .into_iter()
        .map(|p| {
            given
                .iter()
                .find(|e| e.principle() == p)
                .cloned()
                .unwrap_or_else(|| PrincipleEntry::not_assessed(p))
        })
        .collect()
}

fn check_actions(
    checker: &mut Checker,
    actions: &[ImprovementAction],
    entries: &[PrincipleEntry],
    assessed_on: Option<NaiveDate>,
) {
    let mut ids = IdRegistry::new();
    for (i, action) in actions.iter().enumerate() {
        let at = FieldPath::root().field("actions").index(i);
        ids.register(checker, action.id(), || at.field("id"));
        checker.not_empty(|| at.field("action"), action.action());
        checker.not_empty(|| at.field("owner"), action.owner());
        checker.not_empty_list(|| at.field("principles"), action.principles());
        let mut seen = HashMap::new();
        for (k, principle) in action.principles().iter().enumerate() {
            if !checker.at_most_once(&mut seen, principle, principle, || {
                at.field("principles").index(k)
            }) {
                continue;
            }
            let level = entries
                .iter()
                .find(|e| e.principle() == *principle)
                .map_or(ComplianceLevel::NotAssessed, PrincipleEntry::level);
            if level.is_met() {
                checker.push(
                    at.field("principles").index(k),
                    principle,
                    Rule::NamesUnmetPrinciple,
                );
            }
        }
        if let Some(assessed_on) = assessed_on {
            check_due(checker, &at, action.due(), assessed_on);
        }
    }
}

fn check_due(checker: &mut Checker, at: &FieldPath, due: NaiveDate, assessed_on: NaiveDate) {
    if due < assessed_on {
        checker.push(
            at.field("due"),
            due,
            Rule::NotBefore {
                earliest: assessed_on.to_string(),
                because: "the assessment date".into(),
            },
        );
        return;
    }
    let years = PathwayAssessment::MAX_ACTION_YEARS;
    let latest = assessed_on.checked_add_months(Months::new(12 * years));
    if latest.is_some_and(|latest| due > latest) {
        checker.push(
            at.field("due"),
            due,
            Rule::NotAfter {
                latest: latest.map(|l| l.to_string()).unwrap_or_default(),
                because: format!("{years} years after the assessment of {assessed_on}"),
            },
        );
    }
}

fn check_steps(checker: &mut Checker, steps: &[PathwayStep]) {
    for (i, step) in steps.iter().enumerate() {
        checker.not_empty(
            || FieldPath::root().field("steps").index(i).field("name"),
            step.name(),
        );
        let mut seen = HashMap::new();
        for (k, principle) in step.principles().iter().enumerate() {
            checker.at_most_once(&mut seen, principle, principle, || {
                FieldPath::root()
                    .field("steps")
                    .index(i)
                    .field("principles")
                    .index(k)
            });
        }
    }
}

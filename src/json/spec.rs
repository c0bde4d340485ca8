//! The shape of the plan format, field by field, for the [walk](super::walk).
//!
//! The field names here are the serde names of the plan's types; a test
//! (`spec_matches_the_types`) checks that every field the types write is
//! listed, so the two cannot drift.

use super::walk::{whole, Field, Spec, StructSpec, Variant};
use crate::budget::{ExitRisk, FundingSource, LineScope, SpendCategory, TargetedFunding, Term};
use crate::capacity::ImprovementCapacityBuilder;
use crate::plan::{
    AskKind, AskProgramme, IcbScope, InterventionProgramme, PlanStatus, StatutoryDuty,
    TargetPopulation,
};
use crate::rdc::PathwayAssessmentBuilder;
use crate::standard::{CwtTarget, PlannedMonth, TrajectoryOrganisation};
use crate::{
    id::Id, money::Money, org::Icb, org::Provider, percent::Percent, period::FinancialYear,
    period::YearMonth, standard::CwtStandard, tumour_site::TumourSite,
};

static TEXT: Spec = Spec::Leaf(whole::<String>);
static ID: Spec = Spec::Leaf(whole::<Id>);
static IDS: Spec = Spec::List(&ID);
static MONEY: Spec = Spec::Leaf(whole::<Money>);
static OPTIONAL_MONEY: Spec = Spec::Leaf(whole::<Option<Money>>);
static PERCENT: Spec = Spec::Leaf(whole::<Percent>);
static MONTH: Spec = Spec::Leaf(whole::<YearMonth>);
static TEXTS: Spec = Spec::List(&TEXT);

/// The whole plan document (the root).
pub(crate) static PLAN: Spec = Spec::Struct(&StructSpec {
    fields: &[
        // Optional here: the builder reports what is missing.
        Field("title", false, &TEXT),
        Field("alliance", false, &ALLIANCE),
        Field("financial_year", false, &Spec::Leaf(whole::<FinancialYear>)),
        Field("status", false, &Spec::Leaf(whole::<PlanStatus>)),
        Field("responsibilities", false, &Spec::List(&RESPONSIBILITY)),
        Field("budget", false, &BUDGET),
        Field(
            "local_targets",
            false,
            &Spec::List(&Spec::Leaf(whole::<CwtTarget>)),
        ),
        Field("trajectories", false, &Spec::List(&TRAJECTORY)),
        // Read whole: the first misfit inside, then its builder's checks.
        Field(
            "improvement_capacity",
            false,
            &Spec::Leaf(whole::<ImprovementCapacityBuilder>),
        ),
        Field(
            "rdc_assessments",
            false,
            &Spec::List(&Spec::Leaf(whole::<PathwayAssessmentBuilder>)),
        ),
    ],
});

static TRAJECTORY: Spec = Spec::Struct(&StructSpec {
    fields: &[
        Field("standard", true, &Spec::Leaf(whole::<CwtStandard>)),
        Field(
            "organisation",
            true,
            &Spec::Leaf(whole::<TrajectoryOrganisation>),
        ),
        Field("ask", false, &Spec::Leaf(whole::<Option<Id>>)),
        Field(
            "months",
            true,
            &Spec::List(&Spec::Leaf(whole::<PlannedMonth>)),
        ),
    ],
});

pub(crate) static ALLIANCE: Spec = Spec::Struct(&StructSpec {
    fields: &[
        Field("name", true, &TEXT),
        Field("icbs", true, &Spec::List(&Spec::Leaf(whole::<Icb>))),
        Field(
            "providers",
            false,
            &Spec::List(&Spec::Leaf(whole::<Provider>)),
        ),
    ],
});

static RESPONSIBILITY: Spec = Spec::Struct(&StructSpec {
    fields: &[
        Field("id", true, &ID),
        Field("duty", true, &Spec::Leaf(whole::<StatutoryDuty>)),
        Field("wording", true, &TEXT),
        Field("delivery_asks", false, &Spec::List(&ASK)),
        Field("interventions", false, &Spec::List(&INTERVENTION)),
        Field("icb_actions", false, &Spec::List(&ICB_ACTION)),
    ],
});

static ASK: Spec = Spec::Struct(&StructSpec {
    fields: &[
        Field("id", true, &ID),
        Field("wording", true, &TEXT),
        Field("kind", true, &ASK_KIND),
    ],
});

static ASK_KIND: Spec = Spec::Tagged(
    &[
        Variant("performance_target", Some(&PERFORMANCE_TARGET)),
        Variant(
            "stage_shift",
            Some(&Spec::Struct(&StructSpec {
                fields: &[Field("populations", true, &Spec::List(&POPULATION))],
            })),
        ),
        Variant(
            "equitable_capacity",
            Some(&Spec::Struct(&StructSpec {
                fields: &[Field("service", true, &TEXT)],
            })),
        ),
        Variant(
            "programme",
            Some(&Spec::Struct(&StructSpec {
                fields: &[
                    Field("programme", true, &Spec::Leaf(whole::<AskProgramme>)),
                    Field("focus", false, &TEXTS),
                ],
            })),
        ),
    ],
    whole::<AskKind>,
);

pub(crate) static PERFORMANCE_TARGET: Spec = Spec::Struct(&StructSpec {
    fields: &[
        Field("standard", true, &Spec::Leaf(whole::<CwtStandard>)),
        Field("threshold", true, &PERCENT),
        Field("by", true, &MONTH),
    ],
});

static POPULATION: Spec = Spec::Tagged(
    &[
        Variant(
            "most_deprived",
            Some(&Spec::Struct(&StructSpec {
                fields: &[Field("share", true, &PERCENT)],
            })),
        ),
        Variant("behind_national_position", None),
        Variant("everyone", None),
    ],
    whole::<TargetPopulation>,
);

static INTERVENTION: Spec = Spec::Struct(&StructSpec {
    fields: &[
        Field("id", true, &ID),
        Field("name", true, &TEXT),
        Field(
            "programme",
            true,
            &Spec::Leaf(whole::<InterventionProgramme>),
        ),
        Field(
            "tumour_sites",
            false,
            &Spec::List(&Spec::Leaf(whole::<TumourSite>)),
        ),
        Field("serves", false, &IDS),
    ],
});

static ICB_ACTION: Spec = Spec::Struct(&StructSpec {
    fields: &[
        Field("id", true, &ID),
        Field("wording", true, &TEXT),
        Field(
            "icbs",
            true,
            &Spec::Tagged(
                &[Variant("all_icbs", None), Variant("only", Some(&IDS))],
                whole::<IcbScope>,
            ),
        ),
    ],
});

static BUDGET: Spec = Spec::Struct(&StructSpec {
    fields: &[
        Field("total", true, &MONEY),
        Field("areas", true, &Spec::List(&AREA)),
        Field(
            "targeted_funding",
            false,
            &Spec::Leaf(whole::<Option<TargetedFunding>>),
        ),
    ],
});

static AREA: Spec = Spec::Struct(&StructSpec {
    fields: &[
        Field("id", true, &ID),
        Field("name", true, &TEXT),
        Field(
            "spend_categories",
            false,
            &Spec::List(&Spec::Leaf(whole::<SpendCategory>)),
        ),
        Field("wca_resource", false, &TEXT),
        Field("share", true, &PERCENT),
        Field("guide_spend", false, &OPTIONAL_MONEY),
        Field("budget", false, &OPTIONAL_MONEY),
        Field("population_impact", false, &TEXT),
        Field("system_impact", false, &TEXT),
        Field("considerations", false, &TEXT),
        Field("lines", false, &Spec::List(&LINE)),
    ],
});

static LINE: Spec = Spec::Struct(&StructSpec {
    fields: &[
        Field("id", true, &ID),
        Field("wca_resource", false, &Spec::Leaf(whole::<Option<String>>)),
        Field("spend_category", true, &ID),
        Field("amount", true, &MONEY),
        Field("funding_source", false, &Spec::Leaf(whole::<FundingSource>)),
        Field("scope", false, &Spec::Leaf(whole::<LineScope>)),
        Field("term", true, &Spec::Leaf(whole::<Term>)),
        Field("exit_strategy", false, &TEXT),
        Field("exit_risk", false, &Spec::Leaf(whole::<ExitRisk>)),
    ],
});

#[cfg(all(test, feature = "schema"))]
mod tests {
    use super::*;
    use serde_json::Value;

    /// Resolves `{"$ref": "#/$defs/X"}` (possibly inside an `anyOf` with
    /// null) to the definition.
    fn resolve<'a>(schema: &'a Value, defs: &'a Value) -> &'a Value {
        if let Some(name) = schema
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|r| r.strip_prefix("#/$defs/"))
        {
            return defs.get(name).map_or(schema, |d| resolve(d, defs));
        }
        if let Some(first) = schema.get("anyOf").and_then(|a| a.get(0)) {
            return resolve(first, defs);
        }
        schema
    }

    /// Every object in the spec has exactly the schema's properties, and
    /// the required fields agree (where the spec makes them required).
    fn compare(spec: &Spec, schema: &Value, defs: &Value, path: &str) {
        let schema = resolve(schema, defs);
        match spec {
            Spec::Struct(s) => {
                let properties = schema
                    .get("properties")
                    .and_then(Value::as_object)
                    .unwrap_or_else(|| panic!("{path}: no properties in {schema}"));
                let mut listed: Vec<&str> = s.fields.iter().map(|f| f.0).collect();
                let mut typed: Vec<&str> = properties.keys().map(String::as_str).collect();
                listed.sort_unstable();
                typed.sort_unstable();
                assert_eq!(
                    listed, typed,
                    "{path}: the spec's fields and the type's differ"
                );
                for Field(name, required, shape) in s.fields {
                    let in_schema = schema
                        .get("required")
                        .and_then(Value::as_array)
                        .is_some_and(|r| r.iter().any(|n| n == name));
                    if !path.is_empty() {
                        assert_eq!(*required, in_schema, "{path}.{name}: required?");
                    }
                    if let Some(p) = properties.get(*name) {
                        compare(shape, p, defs, &format!("{path}.{name}"));
                    }
                }
            }
            Spec::List(elem) => {
                if let Some(items) = schema.get("items") {
                    compare(elem, items, defs, &format!("{path}[]"));
                }
            }
            Spec::Leaf(_) | Spec::Tagged(..) => {}
        }
    }

    #[test]
    fn spec_matches_the_types() {
        let schema = serde_json::to_value(crate::schema::plan_schema()).unwrap();
        let defs = schema.get("$defs").cloned().unwrap_or_default();
        compare(&PLAN, &schema, &defs, "");
    }
}

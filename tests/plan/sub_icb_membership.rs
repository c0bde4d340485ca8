//! Sub-ICB membership is data: an ICB lists its sub-ICB location codes, in
//! the builder and in the plan's JSON, checked like the rest of the plan.

use cancer_plan::json::{from_str, PlanReadError};
use cancer_plan::{Alliance, Icb, Id, OdsCode};

const PLAN: &str = include_str!("../../examples/data/wessex-2024-25.json");

#[test]
fn the_wessex_plan_lists_each_icbs_sub_icb_locations() {
    let plan = from_str(PLAN).unwrap();
    let alliance = plan.alliance();
    let codes = |id: &str| -> Vec<&str> {
        alliance
            .icb(id)
            .unwrap()
            .sub_icb_locations()
            .iter()
            .map(OdsCode::as_str)
            .collect()
    };
    assert_eq!(codes("dorset"), ["11J"]);
    assert_eq!(codes("hiow"), ["D9Y0V", "10R"]);
    assert_eq!(
        alliance
            .icb_of_sub_icb_location("10R")
            .map(|i| i.id().as_str()),
        Some("hiow")
    );
    assert!(alliance.icb_of_sub_icb_location("QRL").is_none());
}

#[test]
fn a_location_listed_by_two_icbs_is_a_violation_at_its_path() {
    let json = PLAN.replacen("\"10R\"", "\"11J\"", 1);
    let err = from_str(&json).unwrap_err();
    let PlanReadError::Invalid(errors) = &err else {
        panic!("{err}")
    };
    let v = errors
        .at("alliance.icbs[1].sub_icb_locations[1]")
        .unwrap_or_else(|| panic!("{err}"));
    assert_eq!(v.value(), "11J");
    assert!(
        v.to_string()
            .contains("alliance.icbs[0].sub_icb_locations[0]"),
        "{v}"
    );
}

#[test]
fn a_location_code_not_in_ods_form_is_refused_with_its_path() {
    let json = PLAN.replacen("\"10R\"", "\"10r\"", 1);
    let err = from_str(&json).unwrap_err();
    let text = std::error::Error::source(&err).map_or_else(|| err.to_string(), ToString::to_string);
    assert!(
        text.contains("alliance.icbs[1].sub_icb_locations[1]"),
        "{text}"
    );
    assert!(text.contains("`10r` is not an ODS code"), "{text}");
}

#[test]
fn the_builder_and_json_agree() {
    let icb = Icb::new(
        Id::new("hiow").unwrap(),
        "NHS Hampshire and Isle of Wight ICB",
    )
    .with_sub_icb_location(OdsCode::new("D9Y0V").unwrap());
    let alliance = Alliance::new("A").with_icb(icb);
    let json = serde_json::to_string(&alliance).unwrap();
    assert!(json.contains(r#""sub_icb_locations":["D9Y0V"]"#), "{json}");
    let back: Alliance = serde_json::from_str(&json).unwrap();
    assert_eq!(back, alliance);
    // Absent in JSON: none listed.
    let none: Icb = serde_json::from_str(r#"{"id":"x","name":"X"}"#).unwrap();
    assert!(none.sub_icb_locations().is_empty());
}

//! The JSON samples in the README and the guides (`src/docs/*.md`) are
//! checked against what the crate reads and writes, so docs and output
//! cannot drift apart:
//!
//! - a sample plan (an object with `alliance`) must build, and
//!   `json::to_string_pretty` of it must give the sample back exactly;
//! - the `plan_check --json` sample (an object with `reconciliation`) must
//!   be a part of what the library gives for the Wessex plan: every key it
//!   shows, with the value it shows; each element of a list it shows is part
//!   of some element of the output's list; a string ending in `...` stands
//!   for any string it starts.
//!
//! A `json` block of any other shape fails the test, so no sample goes
//! unchecked.

use cancer_plan::budget::{Dimension, Tolerance};
use cancer_plan::json;
use serde_json::Value;

fn samples() -> Vec<(String, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("README.md")];
    let mut docs: Vec<_> = std::fs::read_dir(root.join("src/docs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    docs.sort();
    files.extend(docs);
    let mut out = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let mut block: Option<String> = None;
        for line in text.lines() {
            match &mut block {
                None if line.trim_end() == "```json" => block = Some(String::new()),
                Some(b) if line.starts_with("```") => {
                    out.push((file.display().to_string(), std::mem::take(b)));
                    block = None;
                }
                Some(b) => {
                    b.push_str(line);
                    b.push('\n');
                }
                None => {}
            }
        }
    }
    out
}

/// `sample` is a part of `actual`: see the module docs.
fn part_of(sample: &Value, actual: &Value, at: &str) -> Result<(), String> {
    match (sample, actual) {
        (Value::Object(s), Value::Object(a)) => {
            for (key, value) in s {
                let there = a
                    .get(key)
                    .ok_or_else(|| format!("{at}.{key}: not in the output"))?;
                part_of(value, there, &format!("{at}.{key}"))?;
            }
            Ok(())
        }
        (Value::Array(s), Value::Array(a)) => {
            for (i, value) in s.iter().enumerate() {
                if !a.iter().any(|there| part_of(value, there, at).is_ok()) {
                    let first = a
                        .first()
                        .map(|there| part_of(value, there, &format!("{at}[0]")));
                    return Err(format!(
                        "{at}[{i}]: no element of the output has it ({first:?})"
                    ));
                }
            }
            Ok(())
        }
        (Value::String(s), Value::String(a)) if s.ends_with("...") => {
            if a.starts_with(s.trim_end_matches("...")) {
                Ok(())
            } else {
                Err(format!("{at}: the output `{a}` does not start with `{s}`"))
            }
        }
        _ if sample == actual => Ok(()),
        _ => Err(format!(
            "{at}: the sample has {sample}, the output {actual}"
        )),
    }
}

fn wessex_output() -> Value {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/wessex-2024-25.json"),
    )
    .unwrap();
    let plan = json::from_str(&text).unwrap();
    let budget = plan.budget().unwrap();
    let roll_ups: Vec<_> = [Dimension::Area, Dimension::FundingSource]
        .into_iter()
        .map(|d| budget.roll_up(d).unwrap())
        .collect();
    serde_json::json!({
        "reconciliation": plan.budget().expect("the plan has a budget").reconcile(Tolerance::PRINTED_TABLES),
        "roll_ups": roll_ups,
    })
}

#[test]
fn every_json_sample_is_what_the_crate_reads_and_writes() {
    let samples = samples();
    assert!(samples.len() >= 2, "found {} json samples", samples.len());
    for (file, sample) in samples {
        let value: Value = serde_json::from_str(&sample)
            .unwrap_or_else(|e| panic!("{file}: a json sample is not JSON: {e}\n{sample}"));
        if value.get("alliance").is_some() {
            let plan = json::from_str(&sample)
                .unwrap_or_else(|e| panic!("{file}: the sample plan does not build: {e}"));
            let written = json::to_string_pretty(&plan).unwrap();
            assert_eq!(
                written, sample,
                "{file}: the crate writes the sample plan differently"
            );
        } else if value.get("reconciliation").is_some() {
            let mut part = serde_json::Map::new();
            for key in ["reconciliation", "roll_ups"] {
                if let Some(v) = value.get(key) {
                    part.insert(key.to_owned(), v.clone());
                }
            }
            if let Err(e) = part_of(&Value::Object(part), &wessex_output(), "") {
                panic!("{file}: the plan_check sample differs from the library's output: {e}");
            }
        } else {
            panic!("{file}: a json sample of no known shape (not checked):\n{sample}");
        }
    }
}

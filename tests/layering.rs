//! The crate's layering (see the crate docs): the plan never names the
//! analyses, and the analyses never name the plan.

use std::path::Path;

fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            out.push((path.display().to_string(), text));
        }
    }
}

/// Code lines (not comments or doc examples) of the files under `dir`.
fn code_lines(dir: &str) -> Vec<(String, usize, String)> {
    let mut files = Vec::new();
    sources(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir), &mut files);
    assert!(!files.is_empty(), "no sources under {dir}");
    let mut lines = Vec::new();
    for (file, text) in files {
        for (n, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if !code.starts_with("//") {
                lines.push((file.clone(), n + 1, code.to_owned()));
            }
        }
    }
    lines
}

#[test]
fn no_file_under_plan_names_a_cwt_item() {
    for (file, n, line) in code_lines("src/plan") {
        assert!(
            !line.contains("cwt::") && !line.contains("crate::cwt"),
            "{file}:{n}: {line}"
        );
    }
}

#[test]
fn no_file_under_cwt_names_a_plan_item() {
    const PLAN_ITEMS: [&str; 10] = [
        "plan::",
        "CancerPlan",
        "DeliveryAsk",
        "AskKind",
        "Intervention",
        "IcbAction",
        "StatutoryResponsibility",
        "PlanStatus",
        "BudgetAllocation",
        "MonthlyTrajectoryPlan",
    ];
    for (file, n, line) in code_lines("src/cwt") {
        for item in PLAN_ITEMS {
            assert!(!line.contains(item), "{file}:{n}: names {item}: {line}");
        }
    }
}

#[test]
fn the_standards_import_only_values() {
    for (file, n, line) in code_lines("src/standard") {
        if line.starts_with("use crate::") {
            assert!(
                [
                    "use crate::{Percent, YearMonth};",
                    "use crate::YearMonth;",
                    "use crate::{Id, OdsCode, Percent, YearMonth};",
                    "use crate::{Id, Percent, YearMonth};",
                ]
                .contains(&line.as_str()),
                "{file}:{n}: {line}"
            );
        }
    }
}

//! Reading a [`Finding`] back: its stored form is checked against its own
//! figures (the difference, status and message follow from them), so a
//! stored reconciliation cannot say something its numbers do not.

use std::str::FromStr;

use rust_decimal::Decimal;
use serde::Deserialize;

use super::finding::{Finding, FindingKind, FindingStatus, FindingUnit};
use crate::id::Id;

/// The JSON form of a finding, as [`Finding`] writes it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FindingForm {
    kind: FindingKind,
    path: String,
    #[serde(default)]
    area: Option<Id>,
    unit: FindingUnit,
    expected: String,
    actual: String,
    difference: String,
    allowance: String,
    status: FindingStatus,
    message: String,
}

fn decimal(field: &str, text: &str) -> Result<Decimal, String> {
    Decimal::from_str(text.trim()).map_err(|e| format!("{field}: `{text}` is not a decimal ({e})"))
}

impl TryFrom<FindingForm> for Finding {
    type Error = String;

    fn try_from(form: FindingForm) -> Result<Finding, String> {
        let finding = Finding::new(
            form.kind,
            form.path.parse().map_err(|e| format!("path: {e}"))?,
            form.area,
            form.unit,
            decimal("expected", &form.expected)?,
            decimal("actual", &form.actual)?,
            decimal("allowance", &form.allowance)?,
        );
        if decimal("difference", &form.difference)? != finding.difference() {
            return Err(format!(
                "difference: `{}` is not actual - expected ({})",
                form.difference,
                finding.difference()
            ));
        }
        if form.status != finding.status() {
            return Err(format!(
                "status: `{:?}` does not follow from the figures and the allowance",
                form.status
            ));
        }
        if form.message != finding.to_string() {
            return Err(format!(
                "message: `{}` is not the finding's message",
                form.message
            ));
        }
        Ok(finding)
    }
}

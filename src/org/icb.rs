//! [`Icb`]: an Integrated Care Board.

use serde::{Deserialize, Serialize};

use super::OdsCode;
use crate::Id;

/// An Integrated Care Board, one of the systems an alliance plans for.
///
/// ```
/// use cancer_plan::{Icb, Id, OdsCode};
/// let dorset = Icb::new(Id::new("dorset")?, "NHS Dorset ICB").with_ods_code(OdsCode::new("QVV")?);
/// assert_eq!(dorset.name(), "NHS Dorset ICB");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Icb {
    id: Id,
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    ods_code: Option<OdsCode>,
}

impl Icb {
    /// An ICB with an id (how the plan refers to it) and its name.
    pub fn new(id: Id, name: impl Into<String>) -> Icb {
        Icb {
            id,
            name: name.into(),
            ods_code: None,
        }
    }

    /// The same ICB with its ODS code.
    pub fn with_ods_code(mut self, code: OdsCode) -> Icb {
        self.ods_code = Some(code);
        self
    }

    /// The id the plan refers to it by.
    pub fn id(&self) -> &Id {
        &self.id
    }

    /// Its name, e.g. `NHS Dorset ICB`.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Its ODS code, where known.
    pub fn ods_code(&self) -> Option<&OdsCode> {
        self.ods_code.as_ref()
    }
}

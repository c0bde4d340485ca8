//! [`Provider`]: an NHS trust that delivers cancer services.

use serde::{Deserialize, Serialize};

use super::OdsCode;
use crate::id::Id;

/// A provider trust, identified by its ODS code, optionally placed in an ICB
/// (by the ICB's [`Id`]).
///
/// ```
/// use cancer_plan::{Id, OdsCode, Provider};
/// let uhs = Provider::new(OdsCode::new("RHM")?, "University Hospital Southampton NHS Foundation Trust")
///     .in_icb(Id::new("hiow")?);
/// assert_eq!(uhs.ods_code().as_str(), "RHM");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Provider {
    ods_code: OdsCode,
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    icb: Option<Id>,
}

impl Provider {
    /// A trust with its ODS code and name.
    pub fn new(ods_code: OdsCode, name: impl Into<String>) -> Provider {
        Provider {
            ods_code,
            name: name.into(),
            icb: None,
        }
    }

    /// The same trust, placed in the ICB with this id.
    pub fn in_icb(mut self, icb: Id) -> Provider {
        self.icb = Some(icb);
        self
    }

    /// Its ODS code.
    pub fn ods_code(&self) -> &OdsCode {
        &self.ods_code
    }

    /// Its name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The id of the ICB it sits in, if given.
    pub fn icb(&self) -> Option<&Id> {
        self.icb.as_ref()
    }
}

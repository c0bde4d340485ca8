//! [`Icb`]: an Integrated Care Board.

use serde::{Deserialize, Serialize};

use super::OdsCode;
use crate::id::Id;

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
    /// The sub-ICB locations (the old CCG areas) whose figures add up to
    /// the ICB's, as NHS England's CWT ICB sub-location extract reports
    /// them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    sub_icb_locations: Vec<OdsCode>,
}

impl Icb {
    /// An ICB with an id (how the plan refers to it) and its name.
    pub fn new(id: Id, name: impl Into<String>) -> Icb {
        Icb {
            id,
            name: name.into(),
            ods_code: None,
            sub_icb_locations: Vec::new(),
        }
    }

    /// The same ICB with one more sub-ICB location (e.g. `D9Y0V` for NHS
    /// Hampshire and Isle of Wight ICB). A location may belong to one ICB
    /// of an alliance only; the plan's checks report a repeat.
    ///
    /// ```
    /// use cancer_plan::{Icb, Id, OdsCode};
    /// let hiow = Icb::new(Id::new("hiow")?, "NHS Hampshire and Isle of Wight ICB")
    ///     .with_sub_icb_location(OdsCode::new("D9Y0V")?)
    ///     .with_sub_icb_location(OdsCode::new("10R")?);
    /// assert_eq!(hiow.sub_icb_locations().len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_sub_icb_location(mut self, code: OdsCode) -> Icb {
        self.sub_icb_locations.push(code);
        self
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

    /// Its sub-ICB locations, in the order given (empty if not given).
    pub fn sub_icb_locations(&self) -> &[OdsCode] {
        &self.sub_icb_locations
    }
}

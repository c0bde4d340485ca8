//! [`AssessmentScope`]: which part of the alliance an assessment covers.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{id::Id, org::OdsCode};

/// The part of an alliance's pathway an assessment looks at.
///
/// Ordered alliance first, then ICBs by id, then providers by ODS code, so
/// tables and lists built from scopes come out the same every time.
///
/// In JSON: `"alliance"`, `{"icb": "dorset"}` or `{"provider": "RHM"}`.
///
/// ```
/// use cancer_plan::rdc::AssessmentScope;
/// use cancer_plan::Id;
/// let dorset = AssessmentScope::Icb(Id::new("dorset")?);
/// assert!(AssessmentScope::Alliance < dorset);
/// assert_eq!(dorset.to_string(), "ICB dorset");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AssessmentScope {
    /// The whole alliance (every ICB in it).
    Alliance,
    /// One ICB, by its id in the alliance.
    Icb(Id),
    /// One provider trust, by ODS code.
    Provider(OdsCode),
}

impl AssessmentScope {
    /// The ICB's id, if the scope is one ICB.
    pub fn icb(&self) -> Option<&Id> {
        match self {
            AssessmentScope::Icb(id) => Some(id),
            _ => None,
        }
    }
}

impl fmt::Display for AssessmentScope {
    /// `alliance`, `ICB dorset`, `provider RHM`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AssessmentScope::Alliance => f.write_str("alliance"),
            AssessmentScope::Icb(id) => write!(f, "ICB {id}"),
            AssessmentScope::Provider(code) => write!(f, "provider {code}"),
        }
    }
}

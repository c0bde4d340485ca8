//! [`IcbAction`]: what the alliance asks of its ICBs.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::id::Id;

/// Which of the alliance's ICBs something applies to.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum IcbScope {
    /// Every ICB in the alliance (the whole alliance).
    AllIcbs,
    /// Only the ICBs with these ids.
    Only(Vec<Id>),
}

impl IcbScope {
    /// Only the one ICB with this id.
    pub fn one(icb: Id) -> IcbScope {
        IcbScope::Only(vec![icb])
    }

    /// Whether the scope includes the ICB with this id.
    pub fn includes(&self, icb: &str) -> bool {
        match self {
            IcbScope::AllIcbs => true,
            IcbScope::Only(ids) => ids.iter().any(|id| id.as_str() == icb),
        }
    }
}

impl fmt::Display for IcbScope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IcbScope::AllIcbs => f.write_str("all ICBs"),
            IcbScope::Only(ids) => {
                let names: Vec<&str> = ids.iter().map(Id::as_str).collect();
                f.write_str(&names.join(", "))
            }
        }
    }
}

/// An action the alliance asks of its ICBs, in the plan's words.
///
/// ```
/// use cancer_plan::{IcbAction, IcbScope, Id};
/// let a = IcbAction::new(Id::new("a1")?, "agree approach and shared prioritisation of pathways", IcbScope::AllIcbs);
/// assert!(a.icbs().includes("dorset"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct IcbAction {
    id: Id,
    wording: String,
    icbs: IcbScope,
}

impl IcbAction {
    /// An action with its id, wording and the ICBs it is asked of.
    pub fn new(id: Id, wording: impl Into<String>, icbs: IcbScope) -> IcbAction {
        IcbAction {
            id,
            wording: wording.into(),
            icbs,
        }
    }

    /// Its id.
    pub fn id(&self) -> &Id {
        &self.id
    }

    /// Its wording.
    pub fn wording(&self) -> &str {
        &self.wording
    }

    /// The ICBs it is asked of.
    pub fn icbs(&self) -> &IcbScope {
        &self.icbs
    }
}

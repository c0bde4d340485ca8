//! [`Basis`] and [`Organisation`]: whose figures a row holds, and on which
//! basis they were counted.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::Id;

/// How CWT figures are attributed (DOMAIN, "Targets come in layers").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Basis {
    /// By the trust that told or treated the patient (the provider
    /// extract, patient-level pathways by provider).
    Provider,
    /// By the patient's sub-ICB location (the ICB sub-location extract).
    Commissioner,
}

impl Basis {
    /// Words for a table: `provider-based`, `commissioner-based`.
    pub fn label(self) -> &'static str {
        match self {
            Basis::Provider => "provider-based",
            Basis::Commissioner => "commissioner-based",
        }
    }
}

impl fmt::Display for Basis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.label())
    }
}

/// The level of an organisation in the roll-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum OrgLevel {
    /// The whole alliance: the sum of its ICBs.
    Alliance,
    /// One of the alliance's ICBs: the sum of its trusts (provider basis)
    /// or of its sub-ICB locations (commissioner basis).
    Icb,
    /// A provider trust.
    Trust,
    /// A sub-ICB location.
    SubIcbLocation,
}

impl fmt::Display for OrgLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            OrgLevel::Alliance => "alliance",
            OrgLevel::Icb => "ICB",
            OrgLevel::Trust => "trust",
            OrgLevel::SubIcbLocation => "sub-ICB location",
        })
    }
}

/// One organisation of a roll-up: its level, code (the alliance's name for
/// the alliance, the ICB's id, the trust's or location's ODS code), name,
/// the alliance ICB it rolls into, and whether it counts in the alliance.
///
/// A trust the plan lists whose ICB is not one of the alliance's (Wessex:
/// Salisbury, RNZ, in BSW ICB) has its own rows with `in_alliance` false:
/// reported, never folded into an ICB or the alliance.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Organisation {
    level: OrgLevel,
    code: String,
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    icb: Option<Id>,
    in_alliance: bool,
}

impl Organisation {
    pub(crate) fn new(
        level: OrgLevel,
        code: impl Into<String>,
        name: impl Into<String>,
        icb: Option<Id>,
        in_alliance: bool,
    ) -> Organisation {
        Organisation {
            level,
            code: code.into(),
            name: name.into(),
            icb,
            in_alliance,
        }
    }

    /// The level.
    pub fn level(&self) -> OrgLevel {
        self.level
    }

    /// The code: the alliance's name, an ICB's id, an ODS code.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The name (the code again where the plan gives none).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The alliance ICB it rolls into (an ICB: itself; the alliance: none).
    pub fn icb(&self) -> Option<&Id> {
        self.icb.as_ref()
    }

    /// Whether its figures count in the alliance's.
    pub fn in_alliance(&self) -> bool {
        self.in_alliance
    }
}

impl fmt::Display for Organisation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} ({})", self.level, self.code, self.name)
    }
}

//! [`TargetedFunding`]: programmes funded outside the percentage split.

use serde::{Deserialize, Serialize};

/// Targeted funding that sits outside the percentage split: national
/// programmes with their own money (TLHC, liver, Galleri, cancer vaccines,
/// ...), costed "n/a" in the plan because they are funded separately. It
/// carries no amount and is not part of the allocation's total.
///
/// ```
/// use cancer_plan::budget::TargetedFunding;
/// let t = TargetedFunding::new(["TLHC", "Liver", "Galleri"]);
/// assert_eq!(t.programmes().len(), 3);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TargetedFunding {
    programmes: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    wca_resource: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    population_impact: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    system_impact: String,
}

impl TargetedFunding {
    /// Targeted funding for these programmes, as the plan names them.
    pub fn new<S: Into<String>>(programmes: impl IntoIterator<Item = S>) -> TargetedFunding {
        TargetedFunding {
            programmes: programmes.into_iter().map(Into::into).collect(),
            wca_resource: String::new(),
            population_impact: String::new(),
            system_impact: String::new(),
        }
    }

    /// The same with what the alliance provides for them.
    pub fn with_wca_resource(mut self, text: impl Into<String>) -> TargetedFunding {
        self.wca_resource = text.into();
        self
    }

    /// The same with the population and system impact.
    pub fn with_impact(
        mut self,
        population: impl Into<String>,
        system: impl Into<String>,
    ) -> TargetedFunding {
        self.population_impact = population.into();
        self.system_impact = system.into();
        self
    }

    /// The programmes, as the plan names them.
    pub fn programmes(&self) -> &[String] {
        &self.programmes
    }

    /// What the alliance provides for them (empty if not stated).
    pub fn wca_resource(&self) -> &str {
        &self.wca_resource
    }

    /// The impact on the population (empty if not stated).
    pub fn population_impact(&self) -> &str {
        &self.population_impact
    }

    /// The impact on the system (empty if not stated).
    pub fn system_impact(&self) -> &str {
        &self.system_impact
    }
}

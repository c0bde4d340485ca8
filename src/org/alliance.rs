//! [`Alliance`]: a Cancer Alliance and the ICBs and trusts in it.

use serde::{Deserialize, Serialize};

use super::{Icb, Provider};
use crate::validate::{Checker, IdRegistry};
use crate::{Id, Rule};

/// A Cancer Alliance: its name, the ICBs it spans and (optionally) the
/// provider trusts in its pathways.
///
/// Membership is data. Whether the ICBs' ids are unique and the providers'
/// ICBs exist is checked when a plan is built (see
/// [`CancerPlanBuilder::build`](crate::CancerPlanBuilder::build)).
///
/// ```
/// use cancer_plan::{Alliance, Icb, Id};
/// let wessex = Alliance::new("Wessex Cancer Alliance")
///     .with_icb(Icb::new(Id::new("dorset")?, "NHS Dorset ICB"))
///     .with_icb(Icb::new(Id::new("hiow")?, "NHS Hampshire and Isle of Wight ICB"));
/// assert_eq!(wessex.icbs().len(), 2);
/// assert!(wessex.icb("hiow").is_some());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Alliance {
    name: String,
    icbs: Vec<Icb>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    providers: Vec<Provider>,
}

impl Alliance {
    /// An alliance with a name and, as yet, no ICBs.
    pub fn new(name: impl Into<String>) -> Alliance {
        Alliance {
            name: name.into(),
            icbs: Vec::new(),
            providers: Vec::new(),
        }
    }

    /// The same alliance spanning one more ICB.
    pub fn with_icb(mut self, icb: Icb) -> Alliance {
        self.icbs.push(icb);
        self
    }

    /// The same alliance with one more provider trust.
    pub fn with_provider(mut self, provider: Provider) -> Alliance {
        self.providers.push(provider);
        self
    }

    /// Its name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The ICBs it spans, in the order given.
    pub fn icbs(&self) -> &[Icb] {
        &self.icbs
    }

    /// The provider trusts, in the order given.
    pub fn providers(&self) -> &[Provider] {
        &self.providers
    }

    /// The ICB with this id.
    pub fn icb(&self, id: &str) -> Option<&Icb> {
        self.icbs.iter().find(|icb| icb.id().as_str() == id)
    }

    /// The provider with this ODS code.
    pub fn provider(&self, ods_code: &str) -> Option<&Provider> {
        self.providers
            .iter()
            .find(|p| p.ods_code().as_str() == ods_code)
    }

    /// The ICB that lists this sub-ICB location, if any.
    ///
    /// ```
    /// use cancer_plan::{Alliance, Icb, Id, OdsCode};
    /// let wessex = Alliance::new("Wessex Cancer Alliance")
    ///     .with_icb(Icb::new(Id::new("dorset")?, "NHS Dorset ICB").with_sub_icb_location(OdsCode::new("11J")?));
    /// assert_eq!(wessex.icb_of_sub_icb_location("11J").map(|icb| icb.name()), Some("NHS Dorset ICB"));
    /// assert!(wessex.icb_of_sub_icb_location("10R").is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn icb_of_sub_icb_location(&self, code: &str) -> Option<&Icb> {
        self.icbs
            .iter()
            .find(|icb| icb.sub_icb_locations().iter().any(|c| c.as_str() == code))
    }

    /// The alliance ICB a provider trust belongs to (its `icb` in the
    /// plan), if the plan lists the trust and places it in one of the
    /// alliance's ICBs. `None` for a trust outside them (Wessex: Salisbury,
    /// RNZ, whose ICB is BSW) or not listed.
    ///
    /// ```
    /// use cancer_plan::{Alliance, Icb, Id, OdsCode, Provider};
    /// let wessex = Alliance::new("Wessex Cancer Alliance")
    ///     .with_icb(Icb::new(Id::new("dorset")?, "NHS Dorset ICB"))
    ///     .with_provider(Provider::new(OdsCode::new("RBD")?, "Dorset County").in_icb(Id::new("dorset")?))
    ///     .with_provider(Provider::new(OdsCode::new("RNZ")?, "Salisbury"));
    /// assert_eq!(wessex.icb_of_provider("RBD").map(|icb| icb.name()), Some("NHS Dorset ICB"));
    /// assert!(wessex.icb_of_provider("RNZ").is_none());
    /// assert_eq!(wessex.providers_of("dorset").count(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn icb_of_provider(&self, ods_code: &str) -> Option<&Icb> {
        self.provider(ods_code)?
            .icb()
            .and_then(|id| self.icb(id.as_str()))
    }

    /// The providers the plan places in the ICB with this id, in plan order.
    pub fn providers_of<'a>(&'a self, icb: &'a str) -> impl Iterator<Item = &'a Provider> + 'a {
        self.providers
            .iter()
            .filter(move |p| p.icb().is_some_and(|id| id.as_str() == icb))
    }

    /// Whether an ICB with this id is in the alliance.
    pub fn has_icb(&self, id: &Id) -> bool {
        self.icb(id.as_str()).is_some()
    }

    /// Checks the alliance's own invariants, recording violations under
    /// `path` (e.g. `alliance`): a name that is not blank, at least one ICB,
    /// unique ICB ids and provider ODS codes, ICB and provider names that are
    /// not blank, each provider's ICB one of the alliance's, and each sub-ICB
    /// location listed by one ICB only (their ODS form is checked by
    /// [`OdsCode`](crate::OdsCode) itself).
    pub(crate) fn check(&self, checker: &mut Checker, path: &str) {
        checker.not_empty(|| format!("{path}.name"), &self.name);
        checker.not_empty_list(|| format!("{path}.icbs"), &self.icbs);
        let mut icb_ids = IdRegistry::new();
        for (i, icb) in self.icbs.iter().enumerate() {
            icb_ids.register(checker, icb.id(), || format!("{path}.icbs[{i}].id"));
            checker.not_empty(|| format!("{path}.icbs[{i}].name"), icb.name());
        }
        let mut locations = IdRegistry::new();
        for (i, icb) in self.icbs.iter().enumerate() {
            for (j, code) in icb.sub_icb_locations().iter().enumerate() {
                locations.register_key(checker, code.as_str(), || {
                    format!("{path}.icbs[{i}].sub_icb_locations[{j}]")
                });
            }
        }
        let mut codes = IdRegistry::new();
        for (i, provider) in self.providers.iter().enumerate() {
            codes.register_key(checker, provider.ods_code().as_str(), || {
                format!("{path}.providers[{i}].ods_code")
            });
            checker.not_empty(|| format!("{path}.providers[{i}].name"), provider.name());
            if let Some(icb) = provider.icb() {
                self.check_icb(checker, || format!("{path}.providers[{i}].icb"), icb);
            }
        }
    }

    /// Records a violation at `path` unless `icb` names one of the
    /// alliance's ICBs. The one place the crate checks an ICB reference.
    pub(crate) fn check_icb(&self, checker: &mut Checker, path: impl FnOnce() -> String, icb: &Id) {
        if !self.has_icb(icb) {
            checker.push(
                path(),
                icb,
                Rule::Resolves {
                    target: "ICB of the alliance".into(),
                },
            );
        }
    }
}

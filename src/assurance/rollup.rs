//! [`Rollup`]: a source's figures by code rolled up to trust (or sub-ICB
//! location), ICB and alliance through the plan's membership.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::{AssuranceError, Basis, CwtSource, OrgLevel, Organisation};
use crate::cwt::PerformanceTable;
use crate::{id::Id, org::Alliance, org::OdsCode};

/// Why an organisation in a source is reported outside the alliance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum OutsideReason {
    /// The plan lists the trust, but places it in no ICB of the alliance
    /// (Wessex: Salisbury, RNZ, whose ICB is BSW).
    ListedWithoutAllianceIcb,
    /// The plan does not list the code (another trust or location in a
    /// national file): used in the funnel limits only.
    NotInPlan,
}

/// An organisation of a source whose figures are not in the alliance's.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct OutsideOrganisation {
    basis: Basis,
    code: OdsCode,
    name: Option<String>,
    reason: OutsideReason,
}

impl OutsideOrganisation {
    /// The basis of the source it was found in.
    pub fn basis(&self) -> Basis {
        self.basis
    }

    /// Its ODS code.
    pub fn code(&self) -> &OdsCode {
        &self.code
    }

    /// Its name, where the plan gives one.
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// Why it is outside.
    pub fn reason(&self) -> OutsideReason {
        self.reason
    }
}

/// A source rolled up through the plan's membership: rows for each member
/// code, each ICB and the alliance, and for listed trusts outside the
/// alliance's ICBs (their own rows, `in_alliance` false); and the codes it
/// held that are outside the alliance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Rollup {
    basis: Basis,
    table: PerformanceTable<Organisation>,
    outside: Vec<OutsideOrganisation>,
}

impl Rollup {
    /// Rolls `source` up through `alliance`'s membership: on the provider
    /// basis a trust rolls into the ICB the plan gives it
    /// (`alliance.providers[].icb`); on the commissioner basis a sub-ICB
    /// location into the ICB that lists it (`alliance.icbs[].sub_icb_locations`).
    ///
    /// # Errors
    ///
    /// [`AssuranceError::Performance`] if a total overflows.
    pub(crate) fn new(alliance: &Alliance, source: &CwtSource) -> Result<Rollup, AssuranceError> {
        let basis = source.basis();
        let member = |code: &OdsCode| -> Option<(Organisation, Option<Organisation>)> {
            let (level, name, icb) = match basis {
                Basis::Commissioner => {
                    let icb = alliance.icb_of_sub_icb_location(code.as_str())?;
                    (OrgLevel::SubIcbLocation, code.to_string(), Some(icb))
                }
                _ => {
                    let provider = alliance.provider(code.as_str())?;
                    let icb = alliance.icb_of_provider(code.as_str());
                    (OrgLevel::Trust, provider.name().to_owned(), icb)
                }
            };
            let own = Organisation::new(
                level,
                code.as_str(),
                name,
                icb.map(|i| i.id().clone()),
                icb.is_some(),
            );
            let icb_row = icb.map(|i| icb_org(i.id(), i.name()));
            Some((own, icb_row))
        };
        let alliance_org = Organisation::new(
            OrgLevel::Alliance,
            alliance.name(),
            alliance.name(),
            None,
            true,
        );
        let mut mapping: BTreeMap<&OdsCode, Vec<Organisation>> = BTreeMap::new();
        let mut outside: BTreeSet<OutsideOrganisation> = BTreeSet::new();
        let codes: BTreeSet<&OdsCode> = source.table().iter().map(|(_, _, c, _)| c).collect();
        for code in codes {
            match member(code) {
                Some((own, Some(icb))) => {
                    mapping.insert(code, vec![own, icb, alliance_org.clone()]);
                }
                Some((own, None)) => {
                    outside.insert(OutsideOrganisation {
                        basis,
                        code: code.clone(),
                        name: Some(own.name().to_owned()),
                        reason: OutsideReason::ListedWithoutAllianceIcb,
                    });
                    mapping.insert(code, vec![own]);
                }
                None => {
                    outside.insert(OutsideOrganisation {
                        basis,
                        code: code.clone(),
                        name: None,
                        reason: OutsideReason::NotInPlan,
                    });
                }
            }
        }
        let mut table = PerformanceTable::new();
        for (month, standard, code, p) in source.table().iter() {
            for org in mapping.get(code).into_iter().flatten() {
                table.add(month, standard, org.clone(), p)?;
            }
        }
        Ok(Rollup {
            basis,
            table,
            outside: outside.into_iter().collect(),
        })
    }

    /// The figures by organisation (alliance, ICBs, trusts or locations,
    /// listed trusts outside the alliance's ICBs).
    pub(crate) fn table(&self) -> &PerformanceTable<Organisation> {
        &self.table
    }

    /// The codes in the source outside the alliance, with the reason.
    pub(crate) fn outside(&self) -> &[OutsideOrganisation] {
        &self.outside
    }
}

fn icb_org(id: &Id, name: &str) -> Organisation {
    Organisation::new(OrgLevel::Icb, id.as_str(), name, Some(id.clone()), true)
}

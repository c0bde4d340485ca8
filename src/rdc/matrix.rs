//! [`ComplianceMatrix`]: an alliance's tumour sites × the seven principles.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::{AssessmentScope, ComplianceLevel, Gap, PathwayAssessment, RdcPrinciple};
use crate::validate::Checker;
use crate::validate::FieldPath;
use crate::{
    id::Id, org::Alliance, tumour_site::TumourSite, validate::Rule, validate::ValidationErrors,
};

/// The compliance of an alliance's tumour-site pathways with the seven RDC
/// principles, from the **latest** assessment per tumour site and scope.
///
/// # How levels combine
///
/// - **ICB level** of a site and principle: from the latest assessment that
///   covers the ICB, i.e. the latest of the site's assessments scoped to that
///   ICB and those scoped to the whole alliance (an alliance-wide review
///   covers every ICB). On the same date the ICB's own assessment wins. No
///   such assessment: *not assessed*.
/// - **Alliance level**: the ICB levels rolled up by
///   [`ComplianceLevel::roll_up`]: *met* only where every ICB is met;
///   otherwise *not met* if any ICB is not met; otherwise *not assessed* if
///   any ICB is not assessed; otherwise *partially met*.
/// - **Provider** assessments are kept (see
///   [`latest_assessments`](Self::latest_assessments)) but do not roll up: a
///   trust runs part of a pathway, not all of an ICB's.
///
/// # Order
///
/// Sites in [`TumourSite`] order, principles 1 to 7, scopes alliance first,
/// then ICBs, then providers (see [`AssessmentScope`]); ICBs in the
/// alliance's order. The same input in any order gives the same matrix.
///
/// ```
/// use cancer_plan::rdc::{AssessmentScope, ComplianceLevel, ComplianceMatrix, PathwayAssessment, PrincipleEntry};
/// use cancer_plan::{Alliance, Icb, Id, RdcPrinciple, TumourSite};
/// use chrono::NaiveDate;
///
/// let wessex = Alliance::new("Wessex Cancer Alliance")
///     .with_icb(Icb::new(Id::new("dorset")?, "NHS Dorset ICB"))
///     .with_icb(Icb::new(Id::new("hiow")?, "NHS Hampshire and Isle of Wight ICB"));
/// let on = NaiveDate::from_ymd_opt(2022, 6, 1).ok_or("date")?;
/// let assess = |icb: &str, entry: PrincipleEntry| -> Result<PathwayAssessment, Box<dyn std::error::Error>> {
///     Ok(PathwayAssessment::builder().tumour_site(TumourSite::Breast)
///         .scope(AssessmentScope::Icb(Id::new(icb)?)).assessed_on(on).principle(entry).build()?)
/// };
/// let matrix = ComplianceMatrix::build(&wessex, [
///     assess("dorset", PrincipleEntry::met(RdcPrinciple::TimelyReferral, "referral form"))?,
///     assess("hiow", PrincipleEntry::not_met(RdcPrinciple::TimelyReferral, "no FIT before referral"))?,
/// ])?;
/// assert_eq!(matrix.alliance_level(TumourSite::Breast, RdcPrinciple::TimelyReferral), ComplianceLevel::NotMet);
/// assert!(matrix.fully_compliant_sites().is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// It is written and read back as JSON: `{"icbs": [...], "assessments":
/// [...]}` (the latest assessment per site and scope); reading runs the
/// checks of [`ComplianceMatrix::build`] again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(
    try_from = "super::matrix_form::MatrixReadForm",
    into = "super::matrix_form::MatrixForm"
)]
pub struct ComplianceMatrix {
    icbs: Vec<Id>,
    latest: BTreeMap<(TumourSite, AssessmentScope), PathwayAssessment>,
}

/// One tumour site's row of the matrix: the alliance level for each principle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct MatrixRow {
    site: TumourSite,
    levels: [ComplianceLevel; 7],
}

impl MatrixRow {
    /// The tumour site.
    pub fn site(&self) -> TumourSite {
        self.site
    }

    /// The level for each principle, in principle order.
    pub fn levels(&self) -> [ComplianceLevel; 7] {
        self.levels
    }

    /// The level for one principle.
    pub fn level(&self, principle: RdcPrinciple) -> ComplianceLevel {
        let at = usize::from(principle.number()).saturating_sub(1);
        self.levels
            .get(at)
            .copied()
            .unwrap_or(ComplianceLevel::NotAssessed)
    }

    /// Whether all seven principles are met.
    pub fn is_fully_compliant(&self) -> bool {
        self.levels.iter().all(|l| l.is_met())
    }
}

/// How many cells of the matrix are at each level.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
pub struct LevelCounts {
    met: usize,
    partially_met: usize,
    not_met: usize,
    not_assessed: usize,
}

impl LevelCounts {
    /// Counts `levels`.
    // Bounded: each count is of the items of one pass over an iterator, unreachable near `usize::MAX`.
    #[allow(clippy::arithmetic_side_effects)]
    pub fn of(levels: impl IntoIterator<Item = ComplianceLevel>) -> LevelCounts {
        let mut counts = LevelCounts::default();
        for level in levels {
            let slot = match level {
                ComplianceLevel::Met => &mut counts.met,
                ComplianceLevel::PartiallyMet => &mut counts.partially_met,
                ComplianceLevel::NotMet => &mut counts.not_met,
                ComplianceLevel::NotAssessed => &mut counts.not_assessed,
            };
            *slot += 1;
        }
        counts
    }

    /// How many at `level`.
    pub fn get(&self, level: ComplianceLevel) -> usize {
        match level {
            ComplianceLevel::Met => self.met,
            ComplianceLevel::PartiallyMet => self.partially_met,
            ComplianceLevel::NotMet => self.not_met,
            ComplianceLevel::NotAssessed => self.not_assessed,
        }
    }

    /// How many in all.
    // Bounded: the four counts add up to the items counted in one pass, unreachable near `usize::MAX`.
    #[allow(clippy::arithmetic_side_effects)]
    pub fn total(&self) -> usize {
        self.met + self.partially_met + self.not_met + self.not_assessed
    }
}

impl ComplianceMatrix {
    /// The default deadline: 31 March 2024, the last day of 2023/24, the
    /// year by whose end every tumour-site pathway was to meet the
    /// principles (the 2021 paper).
    pub const DEFAULT_DEADLINE: NaiveDate = match NaiveDate::from_ymd_opt(2024, 3, 31) {
        Some(date) => date,
        None => NaiveDate::MAX,
    };

    /// Builds the matrix of `alliance`'s `assessments`, keeping the latest
    /// per tumour site and scope.
    ///
    /// Checks (all reported at once, paths `alliance.icbs`,
    /// `assessments[3].scope`, `assessments[5].assessed_on`): the alliance
    /// spans at least one ICB; an ICB scope names one of its ICBs; no two
    /// assessments share site, scope and date (the latest would be
    /// ambiguous). Provider scopes are taken as given, not checked against
    /// the alliance's provider list: a trust outside the alliance (e.g.
    /// Salisbury, RNZ) may run part of one of its pathways.
    ///
    /// # Errors
    ///
    /// [`ValidationErrors`] with every violation of the checks above.
    pub fn build(
        alliance: &Alliance,
        assessments: impl IntoIterator<Item = PathwayAssessment>,
    ) -> Result<ComplianceMatrix, ValidationErrors> {
        let mut checker = Checker::new();
        alliance.check(&mut checker, &FieldPath::root().field("alliance"));
        let mut latest: BTreeMap<(TumourSite, AssessmentScope), PathwayAssessment> =
            BTreeMap::new();
        let mut firsts: BTreeMap<(TumourSite, AssessmentScope, NaiveDate), usize> = BTreeMap::new();
        for (i, assessment) in assessments.into_iter().enumerate() {
            if let Some(icb) = assessment.scope().icb() {
                alliance.check_icb(
                    &mut checker,
                    || {
                        FieldPath::root()
                            .field("assessments")
                            .index(i)
                            .field("scope")
                    },
                    icb,
                );
            }
            let site = assessment.tumour_site();
            let scope = assessment.scope().clone();
            let date = assessment.assessed_on();
            if let Some(first) = firsts.insert((site, scope.clone(), date), i) {
                checker.push(
                    FieldPath::root()
                        .field("assessments")
                        .index(i)
                        .field("assessed_on"),
                    date,
                    Rule::SameKeyAs {
                        first: crate::validate::FieldPath::root()
                            .field("assessments")
                            .index(first)
                            .field("assessed_on"),
                        key: "tumour site, scope and date (the latest must be unambiguous)".into(),
                    },
                );
            }
            let newer = match latest.get(&(site, scope.clone())) {
                Some(kept) => kept.assessed_on() < date,
                None => true,
            };
            if newer {
                latest.insert((site, scope), assessment);
            }
        }
        let matrix = ComplianceMatrix {
            icbs: alliance.icbs().iter().map(|icb| icb.id().clone()).collect(),
            latest,
        };
        checker.finish(matrix)
    }

    /// The alliance's ICB ids, in the alliance's order.
    pub fn icbs(&self) -> &[Id] {
        &self.icbs
    }

    /// The tumour sites with at least one assessment, in site order.
    pub fn sites(&self) -> Vec<TumourSite> {
        let mut sites: Vec<TumourSite> = self.latest.keys().map(|(site, _)| *site).collect();
        sites.dedup();
        sites
    }

    /// The tumour sites with no assessment at all, in site order.
    pub fn unassessed_sites(&self) -> Vec<TumourSite> {
        let assessed = self.sites();
        TumourSite::ALL
            .into_iter()
            .filter(|s| !assessed.contains(s))
            .collect()
    }

    /// The latest assessment of `site` in `scope`.
    pub fn latest(&self, site: TumourSite, scope: &AssessmentScope) -> Option<&PathwayAssessment> {
        self.latest.get(&(site, scope.clone()))
    }

    /// Every latest assessment, by site then scope: in each site the
    /// alliance-wide one, then the ICBs' **in the alliance's order** (see
    /// [`icbs`](Self::icbs)), then the providers' by ODS code.
    pub fn latest_assessments(&self) -> impl Iterator<Item = &PathwayAssessment> + '_ {
        let mut all: Vec<&PathwayAssessment> = self.latest.values().collect();
        // Stable: providers keep the map's ODS-code order.
        all.sort_by_key(|a| (a.tumour_site(), self.scope_rank(a.scope())));
        all.into_iter()
    }

    /// Where `scope` comes in the matrix's order: the alliance, then its
    /// ICBs in the alliance's order, then providers (all equal here).
    fn scope_rank(&self, scope: &AssessmentScope) -> (u8, usize) {
        match scope {
            AssessmentScope::Alliance => (0, 0),
            AssessmentScope::Icb(icb) => (
                1,
                self.icbs
                    .iter()
                    .position(|id| id == icb)
                    .unwrap_or(usize::MAX),
            ),
            AssessmentScope::Provider(_) => (2, 0),
        }
    }

    /// The latest assessment covering `icb` for `site`: the ICB's own or an
    /// alliance-wide one, whichever is later (the ICB's own on a tie).
    pub fn covering(&self, site: TumourSite, icb: &Id) -> Option<&PathwayAssessment> {
        let own = self.latest(site, &AssessmentScope::Icb(icb.clone()));
        let wide = self.latest(site, &AssessmentScope::Alliance);
        match (own, wide) {
            (Some(own), Some(wide)) if wide.assessed_on() > own.assessed_on() => Some(wide),
            (Some(own), _) => Some(own),
            (None, wide) => wide,
        }
    }

    /// The level of `site` in `icb` for `principle` (see the type's docs).
    pub fn icb_level(
        &self,
        site: TumourSite,
        icb: &Id,
        principle: RdcPrinciple,
    ) -> ComplianceLevel {
        self.covering(site, icb)
            .map_or(ComplianceLevel::NotAssessed, |a| a.level(principle))
    }

    /// The alliance level of `site` for `principle`: the ICB levels rolled up
    /// by [`ComplianceLevel::roll_up`].
    pub fn alliance_level(&self, site: TumourSite, principle: RdcPrinciple) -> ComplianceLevel {
        ComplianceLevel::roll_up(
            self.icbs
                .iter()
                .map(|icb| self.icb_level(site, icb, principle)),
        )
    }

    /// The alliance-level row of `site`.
    pub fn row(&self, site: TumourSite) -> MatrixRow {
        MatrixRow {
            site,
            levels: RdcPrinciple::ALL.map(|p| self.alliance_level(site, p)),
        }
    }

    /// The alliance-level rows of every assessed site, in site order.
    pub fn rows(&self) -> Vec<MatrixRow> {
        self.sites().into_iter().map(|s| self.row(s)).collect()
    }

    /// Counts of the alliance-level cells (assessed sites × 7 principles).
    pub fn counts(&self) -> LevelCounts {
        LevelCounts::of(self.rows().iter().flat_map(|r| r.levels()))
    }

    /// Counts of the alliance-level cells for one principle, across sites.
    pub fn counts_for(&self, principle: RdcPrinciple) -> LevelCounts {
        LevelCounts::of(self.rows().iter().map(|r| r.level(principle)))
    }

    /// The sites that meet all seven principles at alliance level.
    pub fn fully_compliant_sites(&self) -> Vec<TumourSite> {
        self.rows()
            .into_iter()
            .filter(MatrixRow::is_fully_compliant)
            .map(|r| r.site())
            .collect()
    }

    /// Every alliance-level cell not met, as a [`Gap`] against `deadline`,
    /// by site then principle.
    pub fn gaps(&self, deadline: NaiveDate) -> Vec<Gap> {
        let mut gaps = Vec::new();
        for row in self.rows() {
            for principle in RdcPrinciple::ALL {
                let level = row.level(principle);
                if !level.is_met() {
                    gaps.push(Gap::new(self, row.site(), principle, level, deadline));
                }
            }
        }
        gaps
    }
}
